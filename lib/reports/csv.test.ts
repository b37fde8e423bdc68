import { describe, expect, it } from "vitest";
import { csvField, parseCsv, toCsv } from "./csv";

describe("CSV", () => {
  it("quotes only fields that need it, doubling inner quotes, with CRLF line ends", () => {
    expect(toCsv([["a", "b,c", 'say "hi"', "two\nlines", 3, null, true]])).toBe('a,"b,c","say ""hi""","two\nlines",3,,true\r\n');
  });

  it("writes dates as ISO 8601 and keeps non-Latin text as it is", () => {
    expect(csvField(new Date("2026-11-22T01:02:03.000Z"))).toBe("2026-11-22T01:02:03.000Z");
    expect(toCsv([["נועה לוי", "Дмитрий", "Ayşe"]])).toBe("נועה לוי,Дмитрий,Ayşe\r\n");
  });

  it("defuses text a spreadsheet would run as a formula, but never numbers", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@me")).toBe("'@me");
    expect(csvField(-3)).toBe("-3");
  });

  it("reads back what it wrote", () => {
    const rows = [["name", "note"], ["Ada, Countess", 'the "first"\r\nprogrammer'], ["", "x"]];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
