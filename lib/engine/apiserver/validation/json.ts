// Tolerant accessors for objects as clients send them (plain JSON, possibly with wrong types).

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The value when it is a JSON object, else undefined. */
export function obj(v: unknown): Obj | undefined {
  return isObj(v) ? v : undefined;
}

/** The value when it is an array, else an empty one. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Array items that are objects (others are decode errors, reported elsewhere). */
export function objs(v: unknown): Obj[] {
  return arr(v).map((x) => (isObj(x) ? x : {}));
}

/** The value when it is a string, else "" (Go's zero value). */
export function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** The value when it is a number, else undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === "number" ? v : undefined;
}

/** A string map (labels, annotations), or undefined when absent; non-string values are skipped. */
export function strMap(v: unknown): Record<string, string> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
  return out;
}

export function sortedKeys(v: unknown): string[] {
  return isObj(v) ? Object.keys(v).sort() : [];
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * Normalises for Go's semantic DeepEqual, which treats nil and empty slices and maps alike; absent
 * strings are Go's "" too.
 */
export function pruneEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneEmpty);
  if (isObj(v)) {
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      const p = pruneEmpty(x);
      if (p === undefined || p === null || p === "") continue;
      if (Array.isArray(p) && p.length === 0) continue;
      out[k] = p;
    }
    return out;
  }
  return v;
}

/** Semantic equality: deepEqual after pruneEmpty. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  return deepEqual(pruneEmpty(a), pruneEmpty(b));
}

/**
 * A copy of `v` as a JSON round trip makes it (`JSON.parse(JSON.stringify(v))`), built
 * directly: undefined, functions and symbols drop out of objects and become null in arrays,
 * non-finite numbers become null, -0 becomes 0. Anything that is not plain data (a toJSON
 * method, a class instance, a boxed primitive, a bigint) and very deep data take the round
 * trip itself, so results and errors stay exactly those of JSON.
 */
export function clone<T>(v: T): T {
  if (v === undefined) return v;
  if (v === null || typeof v !== "object" || !isPlain(v)) return JSON.parse(JSON.stringify(v)) as T;
  return copyPlain(v, 0) as T;
}

function isPlain(v: object): boolean {
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== "function";
}

const MAX_DIRECT_DEPTH = 200;
const OMIT = Symbol("omit");

/** One value inside a copy; OMIT where JSON leaves it out. */
function copyValue(x: unknown, depth: number): unknown {
  switch (typeof x) {
    case "string":
    case "boolean":
      return x;
    case "number":
      return Number.isFinite(x) ? (x === 0 ? 0 : x) : null;
    case "undefined":
    case "function":
    case "symbol":
      return OMIT;
    case "object":
      if (x === null) return null;
      return isPlain(x) && depth < MAX_DIRECT_DEPTH ? copyPlain(x, depth + 1) : JSON.parse(JSON.stringify(x));
    default:
      return JSON.parse(JSON.stringify(x)); // a bigint: JSON's own error (or its toJSON)
  }
}

function copyPlain(v: object, depth: number): unknown {
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const c = copyValue(v[i], depth);
      out[i] = c === OMIT ? null : c;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const c = copyValue((v as Record<string, unknown>)[key], depth);
    if (c === OMIT) continue;
    if (key === "__proto__") Object.defineProperty(out, key, { value: c, enumerable: true, writable: true, configurable: true });
    else out[key] = c;
  }
  return out;
}
