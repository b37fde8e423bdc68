import { describe, expect, it } from "vitest";
import { parseGoDuration, parseGoInt } from "./flags";
import { boxTable, goQuote, humanizeBytes, jsonString, tabwrite, zapTime } from "./format";
import { first8Hex, sha1 } from "./sha1";

describe("Go formatting helpers", () => {
  it("humanizes sizes as go-humanize does", () => {
    expect(humanizeBytes(9)).toBe("9 B");
    expect(humanizeBytes(999)).toBe("999 B");
    expect(humanizeBytes(1000)).toBe("1.0 kB");
    expect(humanizeBytes(20480)).toBe("20 kB");
    // %.0f rounds an exact half to even.
    expect(humanizeBytes(20500)).toBe("20 kB");
    expect(humanizeBytes(21500)).toBe("22 kB");
    expect(humanizeBytes(4_250_000)).toBe("4.3 MB");
    expect(humanizeBytes(4_240_000)).toBe("4.2 MB");
    expect(humanizeBytes(2_500_000)).toBe("2.5 MB");
    expect(humanizeBytes(277_909_504)).toBe("278 MB");
  });

  it("quotes like strconv.Quote and encoding/json", () => {
    expect(goQuote('a "b"\n\t\u0001é')).toBe('"a \\"b\\"\\n\\t\\x01é"');
    expect(jsonString("<a&b>")).toBe('"\\u003ca\\u0026b\\u003e"');
  });

  it("parses Go durations and integers with their errors", () => {
    expect(parseGoDuration("1m30s").nanos).toBe(90e9);
    expect(parseGoDuration("500ms").nanos).toBe(500e6);
    expect(parseGoDuration("0").nanos).toBe(0);
    expect(parseGoDuration("5").error).toBe('time: missing unit in duration "5"');
    expect(parseGoDuration("5x").error).toBe('time: unknown unit "x" in duration "5x"');
    expect(parseGoInt("0x10", 0).value).toBe(16);
    expect(parseGoInt("694d7a4b3c8e1a0f", 16).big).toBe(0x694d7a4b3c8e1a0fn);
    expect(parseGoInt("ffffffffffffffff", 16).error).toBe('strconv.ParseInt: parsing "ffffffffffffffff": value out of range');
  });

  it("formats zap timestamps with microseconds, trailing zeros dropped", () => {
    expect(zapTime(Date.UTC(2026, 0, 1, 0, 0, 5, 120), 300)).toBe("2026-01-01T00:00:05.1203Z");
    expect(zapTime(Date.UTC(2026, 0, 1), 0)).toBe("2026-01-01T00:00:00Z");
  });

  it("aligns help columns with tabs as text/tabwriter does", () => {
    expect(tabwrite("\tget\tGets\n\trole revoke-permission\tRevokes\n")).toBe("\tget\t\t\tGets\n\trole revoke-permission\tRevokes\n");
  });

  it("draws tablewriter boxes with centred headers and right-aligned cells", () => {
    expect(boxTable(["endpoint", "health"], [["https://127.0.0.1:2379", "true"]])).toBe(
      "+------------------------+--------+\n|        ENDPOINT        | HEALTH |\n+------------------------+--------+\n| https://127.0.0.1:2379 |   true |\n+------------------------+--------+\n",
    );
  });

  it("derives etcd's default member and cluster ids with SHA-1", () => {
    const member = first8Hex(sha1(new TextEncoder().encode("http://localhost:2380etcd-cluster")));
    expect(member).toBe("8e9e05c52164694d");
    const bytes = new Uint8Array(member.match(/../g)!.map((h) => parseInt(h, 16)));
    expect(first8Hex(sha1(bytes))).toBe("cdf818194e3a8c32");
  });
});
