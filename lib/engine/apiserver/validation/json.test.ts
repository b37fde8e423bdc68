import { describe, expect, it } from "vitest";
import { Random } from "../../random";
import { clone } from "./json";

const viaJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

/** Keys in order at every level, so that key order is compared too. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v && typeof v === "object") return Object.keys(v).map((k) => [k, shape((v as Record<string, unknown>)[k])]);
  return Object.is(v, -0) ? "-0" : v;
}

function randomValue(r: Random, depth: number): unknown {
  const leaves = [undefined, null, 0, -0, 1.5, -7, NaN, Infinity, -Infinity, 1e21, 2 ** 53 + 2, "", "x", "\ud800", "é\n\"", true, false, () => 1, Symbol("s"), new Date(0)];
  if (depth > 3 || r.int(3) === 0) return r.pick(leaves);
  if (r.int(2) === 0) return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of ["b", "a", "10", "2", "__proto__", "toString", "z"].filter(() => r.int(2) === 0)) {
    if (key === "__proto__") Object.defineProperty(out, key, { value: randomValue(r, depth + 1), enumerable: true, writable: true, configurable: true });
    else out[key] = randomValue(r, depth + 1);
  }
  return out;
}

describe("clone", () => {
  it("copies exactly as a JSON round trip does, key order included", () => {
    const r = new Random(9);
    for (let i = 0; i < 3000; i++) {
      const v = randomValue(r, 0);
      if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
      expect(shape(clone(v)), JSON.stringify(v)).toEqual(shape(viaJson(v)));
    }
  });

  it("gives a copy that shares nothing with the original", () => {
    const original = { a: { b: [1, { c: "d" }] }, e: [[1], [2]] };
    const copy = clone(original);
    copy.a.b.push(3);
    (copy.e[0] as number[]).push(9);
    expect(original).toEqual({ a: { b: [1, { c: "d" }] }, e: [[1], [2]] });
  });

  it("fails where JSON fails", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => clone(cyclic)).toThrow(TypeError);
    expect(() => clone({ n: 1n })).toThrow(TypeError);
  });

  it("uses toJSON and drops what JSON drops", () => {
    expect(clone({ when: new Date(0), f: () => 1, u: undefined, list: [undefined, () => 1] })).toEqual({ when: "1970-01-01T00:00:00.000Z", list: [null, null] });
    expect(clone(undefined)).toBeUndefined();
  });
});
