// Kubernetes resource.Quantity: parsing (with the same errors), exact arithmetic, comparison and the
// canonical string the API server writes back (`0.5` -> `500m`, `1024Mi` -> `1Gi`, `1000` -> `1k`).
import { GoValue, goQuote } from "./go-format";

export type QuantityFormat = "DecimalExponent" | "BinarySI" | "DecimalSI";

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = "unable to parse numeric part of quantity";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export class QuantityError extends Error {}

/** Go's internal representation, kept only to print `%#v` of a Quantity like the real server. */
type Internal =
  | { kind: "int64"; value: bigint; scale: number; s: string }
  | { kind: "dec"; unscaled: bigint; scale: number };

export interface Quantity {
  /** The exact value is mantissa x 10^exponent (already rounded up to nano precision). */
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly format: QuantityFormat;
  readonly internal: Internal;
}

const INT64_MAX = (1n << 63n) - 1n;
const NANO = -9;

const DEC_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIXES).map(([s, e]) => [e, s]));
const BIN_BY_EXP = new Map([[0, ""], ...Object.entries(BIN_SUFFIXES).map(([s, e]) => [e, s] as const)]);

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

interface Parts {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

// A direct port of parseQuantityString: the tolerated shapes (`1.`, `+.5`, `1e3`) and the errors
// must match upstream exactly.
function splitQuantity(str: string): Parts {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === "-") {
      positive = false;
      pos++;
    } else if (str[0] === "+") {
      pos++;
    }
  }
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: "0", num: "0", denom: "", suffix: "" };
    if (str[i] === "0") pos++;
    else break;
  }
  let num = "";
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str.slice(0, end), num: str.slice(pos, end), denom: "", suffix: "" };
    if (!isDigit(str[i])) {
      num = str.slice(pos, i);
      pos = i;
      break;
    }
  }
  if (num.length === 0) num = "0";
  let denom = "";
  if (pos < end && str[pos] === ".") {
    pos++;
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str.slice(0, end), num, denom: str.slice(pos, end), suffix: "" };
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i);
        pos = i;
        break;
      }
    }
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) };
    if (!"eEinumkKMGTP".includes(str[i]!)) {
      pos = i;
      break;
    }
  }
  if (pos < end && (str[pos] === "-" || str[pos] === "+")) pos++;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) };
    if (!isDigit(str[i])) break;
  }
  throw new QuantityError(QUANTITY_FORMAT_ERROR);
}

function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | null {
  if (suffix in DEC_SUFFIXES) return { base: 10, exponent: DEC_SUFFIXES[suffix]!, format: "DecimalSI" };
  if (suffix in BIN_SUFFIXES) return { base: 2, exponent: BIN_SUFFIXES[suffix]!, format: "BinarySI" };
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E")) {
    const rest = suffix.slice(1);
    if (!/^[+-]?\d+$/.test(rest)) return null;
    const exp = Number(rest);
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 2147483647) return null;
    return { base: 10, exponent: exp, format: "DecimalExponent" };
  }
  return null;
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Normalises to the smallest mantissa (trailing zeros moved into the exponent). */
function normalise(mantissa: bigint, exponent: number): [bigint, number] {
  if (mantissa === 0n) return [0n, 0];
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  return [mantissa, exponent];
}

function make(mantissa: bigint, exponent: number, format: QuantityFormat, internal: Internal): Quantity {
  const [m, e] = normalise(mantissa, exponent);
  return { mantissa: m, exponent: e, format, internal };
}

/** Parses like resource.ParseQuantity; throws QuantityError with the upstream message. */
export function parseQuantity(input: string): Quantity {
  const str = input;
  if (str.length === 0) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  if (str === "0") return make(0n, 0, "DecimalSI", { kind: "int64", value: 0n, scale: 0, s: "0" });

  const { positive, value, num, denom, suffix } = splitQuantity(str);
  const interpreted = interpretSuffix(suffix);
  if (!interpreted) throw new QuantityError(QUANTITY_SUFFIX_ERROR);
  const { base, exponent, format } = interpreted;

  let precision = 0;
  let scale = 0;
  let mantissa = 1n;
  if (format === "BinarySI") {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  }

  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= NANO) {
      const shifted = num + denom;
      const v = BigInt(shifted);
      let result = v * mantissa;
      if (result <= INT64_MAX) {
        if (!positive) result = -result;
        let s = "";
        if (format === "BinarySI") {
          if (exponent % 10 === 0 && (v & 7n) !== 0n) s = str;
        } else if (scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0") {
          s = str;
        }
        return make(result, scale, format, { kind: "int64", value: result, scale, s });
      }
    }
  }

  // The arbitrary-precision path (inf.Dec upstream).
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) throw new QuantityError(QUANTITY_NUMERIC_ERROR);
  const negative = m[1] === "-";
  let unscaled = BigInt((m[2] || "0") + (m[3] ?? ""));
  let decScale = (m[3] ?? "").length; // value = unscaled x 10^-decScale
  if (base === 10) {
    decScale -= exponent;
  } else {
    unscaled *= 1n << BigInt(exponent);
  }
  // Round non-zero values up (away from zero) to nano precision.
  if (unscaled !== 0n) {
    if (decScale > 9) {
      const div = pow10(decScale - 9);
      const q = unscaled / div;
      unscaled = unscaled % div === 0n ? q : q + 1n;
      decScale = 9;
    } else if (decScale < 9) {
      unscaled *= pow10(9 - decScale);
      decScale = 9;
    }
  }
  let fmt = format;
  if (fmt === "BinarySI") {
    const maxAllowed = INT64_MAX * pow10(decScale);
    if (unscaled > maxAllowed) unscaled = maxAllowed;
    if (unscaled > 0n && unscaled < pow10(decScale)) fmt = "DecimalSI";
  }
  if (negative) unscaled = -unscaled;
  return make(unscaled, -decScale, fmt, { kind: "dec", unscaled, scale: decScale });
}

/** Parses a JSON value (quantities may be JSON numbers); null when it is not a valid quantity. */
export function toQuantity(v: unknown): Quantity | null {
  try {
    if (typeof v === "number") return parseQuantity(String(v));
    if (typeof v === "string") return parseQuantity(v.trim());
  } catch {
    return null;
  }
  return null;
}

/** The decode error for a value, or null when it parses. */
export function quantityError(v: unknown): string | null {
  if (typeof v !== "string" && typeof v !== "number") return null;
  try {
    parseQuantity(typeof v === "number" ? String(v) : v.trim());
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export function isZero(q: Quantity): boolean {
  return q.mantissa === 0n;
}

export function sign(q: Quantity): -1 | 0 | 1 {
  return q.mantissa === 0n ? 0 : q.mantissa < 0n ? -1 : 1;
}

/** -1, 0 or 1 as a compares to b. */
export function compare(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const e = Math.min(a.exponent, b.exponent);
  const x = a.mantissa * pow10(a.exponent - e);
  const y = b.mantissa * pow10(b.exponent - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function add(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.exponent, b.exponent);
  const m = a.mantissa * pow10(a.exponent - e) + b.mantissa * pow10(b.exponent - e);
  return make(m, e, a.format, { kind: "dec", unscaled: m, scale: -e });
}

/** True when the value is a whole number. */
export function isInteger(q: Quantity): boolean {
  return q.exponent >= 0 || q.mantissa === 0n;
}

/** The value in thousandths, rounded up like Quantity.MilliValue(). */
export function milliValue(q: Quantity): bigint {
  const e = q.exponent + 3;
  if (e >= 0) return q.mantissa * pow10(e);
  const div = pow10(-e);
  const quot = q.mantissa / div;
  return q.mantissa % div !== 0n && q.mantissa > 0n ? quot + 1n : quot;
}

/** Value() rounded up to a whole number (what Go's Quantity.Value returns). */
export function intValue(q: Quantity): bigint {
  if (q.exponent >= 0) return q.mantissa * pow10(q.exponent);
  const div = pow10(-q.exponent);
  const quot = q.mantissa / div;
  return q.mantissa % div !== 0n && q.mantissa > 0n ? quot + 1n : quot;
}

/** Rounds up to milli precision (SetDefaults_ResourceList). */
export function roundUpToMilli(q: Quantity): Quantity {
  if (q.exponent >= -3) {
    if (q.internal.kind === "int64" && q.internal.scale < -3) {
      // Representation changes even though the value does not.
      return { ...q, internal: { kind: "int64", value: milliValue(q), scale: -3, s: "" } };
    }
    return q;
  }
  const v = milliValue(q);
  const internal: Internal =
    q.internal.kind === "int64" ? { kind: "int64", value: v, scale: -3, s: "" } : { kind: "dec", unscaled: v, scale: 3 };
  return make(v, -3, q.format, internal);
}

/** The canonical form the API server writes back (Quantity.String() / MarshalJSON). */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return "0";
  let format = q.format;
  if (format === "BinarySI") {
    const v = q.exponent >= 0 ? q.mantissa * pow10(q.exponent) : null;
    if (v === null || (v > -1024n && v < 1024n)) {
      // Fractions and small values read better (and exactly) in decimal.
      format = "DecimalSI";
    } else {
      // Show the value in the largest power of 1024 that divides it exactly.
      let n = v;
      let times = 0;
      while ((n < 0n ? -n : n) >= 1024n && n % 1024n === 0n) {
        n /= 1024n;
        times++;
      }
      return n.toString() + (BIN_BY_EXP.get(times * 10) ?? "");
    }
  }
  let mantissa = q.mantissa;
  let exponent = q.exponent;
  while (((exponent % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  if (format === "DecimalExponent") return mantissa.toString() + (exponent === 0 ? "" : `e${exponent}`);
  const suffix = DEC_BY_EXP.get(exponent);
  return mantissa.toString() + (suffix ?? `e${exponent}`);
}

/** Parses and writes back in canonical form; returns the input unchanged when it does not parse. */
export function canonicalQuantity(v: unknown): unknown {
  const q = toQuantity(v);
  return q ? formatQuantity(q) : v;
}

/** `%#v` of a resource.Quantity value, as some upstream errors print it. */
export function goQuantity(q: Quantity): GoValue {
  const i =
    q.internal.kind === "int64"
      ? `resource.int64Amount{value:${q.internal.value}, scale:${q.internal.scale}}`
      : "resource.int64Amount{value:0, scale:0}";
  const d = q.internal.kind === "dec" ? "resource.infDecAmount{Dec:(*inf.Dec)(0xc000a4c220)}" : "resource.infDecAmount{Dec:(*inf.Dec)(nil)}";
  const s = q.internal.kind === "int64" ? q.internal.s : "";
  return new GoValue(`resource.Quantity{i:${i}, d:${d}, s:${goQuote(s)}, Format:${goQuote(q.format)}}`);
}
