import { describe, expect, it } from "vitest";
import {
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  canonicalQuantity,
  compare,
  formatQuantity,
  goQuantity,
  isInteger,
  milliValue,
  parseQuantity,
  quantityError,
  roundUpToMilli,
} from "./quantity";

const canon = (s: string) => formatQuantity(parseQuantity(s));

describe("parseQuantity and the canonical form", () => {
  it.each([
    ["500m", "500m"],
    ["0.5", "500m"],
    ["128Mi", "128Mi"],
    ["1Gi", "1Gi"],
    ["1e3", "1e3"],
    ["1000", "1k"],
    ["2000m", "2"],
    ["1024Mi", "1Gi"],
    ["1.5Gi", "1536Mi"],
    ["0.5Gi", "512Mi"],
    ["0.1Ki", "102400m"],
    ["1.5", "1500m"],
    ["0.0001", "100u"],
    ["100m", "100m"],
    ["1k", "1k"],
    ["12e6", "12e6"],
    ["10e1", "100"],
    ["1.", "1"],
    ["+.5", "500m"],
    ["-1", "-1"],
    ["0", "0"],
    ["000", "0"],
    ["1E", "1E"],
    ["3.2e-4", "320e-6"],
    ["0.0000000001", "1n"],
  ])("%s -> %s", (input, expected) => {
    expect(canon(input)).toBe(expected);
  });

  it("rejects malformed quantities with the upstream messages", () => {
    expect(() => parseQuantity("12x")).toThrow(QUANTITY_FORMAT_ERROR);
    expect(QUANTITY_FORMAT_ERROR).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(() => parseQuantity("")).toThrow(QUANTITY_FORMAT_ERROR);
    expect(() => parseQuantity("5MB")).toThrow(QUANTITY_FORMAT_ERROR);
    expect(() => parseQuantity("1.5.5")).toThrow(QUANTITY_FORMAT_ERROR);
    expect(() => parseQuantity("1mi")).toThrow(QUANTITY_SUFFIX_ERROR);
    expect(QUANTITY_SUFFIX_ERROR).toBe("unable to parse quantity's suffix");
  });

  it("accepts JSON numbers, as the decoder does", () => {
    expect(canonicalQuantity(2)).toBe("2");
    expect(canonicalQuantity(0.25)).toBe("250m");
    expect(quantityError(1)).toBeNull();
    expect(quantityError("12x")).toBe(QUANTITY_FORMAT_ERROR);
  });

  it("compares exactly across formats", () => {
    expect(compare(parseQuantity("1"), parseQuantity("1000m"))).toBe(0);
    expect(compare(parseQuantity("500m"), parseQuantity("0.6"))).toBe(-1);
    expect(compare(parseQuantity("1Gi"), parseQuantity("1G"))).toBe(1);
  });

  it("rounds up to milli like SetDefaults_ResourceList", () => {
    expect(formatQuantity(roundUpToMilli(parseQuantity("0.0001")))).toBe("1m");
    expect(milliValue(parseQuantity("1.0001"))).toBe(1001n);
    expect(isInteger(parseQuantity("1.5"))).toBe(false);
    expect(isInteger(parseQuantity("2k"))).toBe(true);
  });

  it("prints %#v of a Quantity with its cached string when canonical", () => {
    expect(goQuantity(parseQuantity("1500m")).text).toBe(
      'resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1500m", Format:"DecimalSI"}',
    );
    expect(goQuantity(parseQuantity("1.5")).text).toBe(
      'resource.Quantity{i:resource.int64Amount{value:15, scale:-1}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}',
    );
  });
});
