import { describe, expect, it } from "vitest";
import { Random } from "../random";
import { SortedKeys } from "./sorted-keys";

describe("SortedKeys", () => {
  it("keeps keys ordered and unique across many chunks", () => {
    const rnd = new Random(7);
    const set = new SortedKeys();
    const ref = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const k = `/registry/${rnd.hex(3)}/${rnd.int(50)}`;
      expect(set.insert(k)).toBe(!ref.has(k));
      ref.add(k);
    }
    for (const k of [...ref].slice(0, 1500)) {
      expect(set.delete(k)).toBe(true);
      ref.delete(k);
    }
    expect(set.delete("/nope")).toBe(false);
    const sorted = [...ref].sort();
    expect([...set.range("")]).toEqual(sorted);
    expect(set.size).toBe(ref.size);
    const from = sorted[100]!;
    const to = sorted[900]!;
    expect([...set.range(from, to)]).toEqual(sorted.slice(100, 900));
    expect(set.has(from)).toBe(true);
  });

  it("handles empty sets and ranges past the end", () => {
    const set = new SortedKeys();
    expect([...set.range("a")]).toEqual([]);
    set.insert("b");
    expect([...set.range("c")]).toEqual([]);
    expect([...set.range("a", "b")]).toEqual([]);
    expect([...set.range("a", "c")]).toEqual(["b"]);
  });
});
