import { describe, expect, it } from "vitest";
import { humanDuration, shortHumanDuration, translateTimestampSince, translateTimestampUntil } from "./duration";
import { formatRFC1123Z, formatRFC3339, parseTime } from "./time";

const ms = 1;
const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

// Ported from apimachinery's util/duration/duration_test.go. Go's "-2s + 1ns" case is -1999ms here.
describe("humanDuration", () => {
  it.each([
    [s, "1s"],
    [70 * s, "70s"],
    [190 * s, "3m10s"],
    [70 * m, "70m"],
    [47 * h, "47h"],
    [49 * h, "2d1h"],
    [(8 * 24 + 2) * h, "8d"],
    [367 * 24 * h, "367d"],
    [(365 * 2 * 24 + 25) * h, "2y1d"],
    [(365 * 8 * 24 + 2) * h, "8y"],
  ])("TestHumanDuration %d ms → %s", (input, want) => {
    expect(humanDuration(input)).toBe(want);
  });

  it.each([
    [-2 * s, "<invalid>"],
    [-2 * s + ms, "0s"],
    [0, "0s"],
    [s - ms, "0s"],
    [2 * m - ms, "119s"],
    [2 * m, "2m"],
    [2 * m + s, "2m1s"],
    [10 * m - ms, "9m59s"],
    [10 * m, "10m"],
    [10 * m + s, "10m"],
    [3 * h - ms, "179m"],
    [3 * h, "3h"],
    [3 * h + m, "3h1m"],
    [8 * h - ms, "7h59m"],
    [8 * h, "8h"],
    [8 * h + 59 * m, "8h"],
    [2 * d - ms, "47h"],
    [2 * d, "2d"],
    [2 * d + h, "2d1h"],
    [8 * d - ms, "7d23h"],
    [8 * d, "8d"],
    [8 * d + 23 * h, "8d"],
    [2 * y - ms, "729d"],
    [2 * y, "2y"],
    [2 * y + 23 * h, "2y"],
    [2 * y + 23 * h + 59 * m, "2y"],
    [2 * y + 24 * h - ms, "2y"],
    [2 * y + 24 * h, "2y1d"],
    [3 * y, "3y"],
    [4 * y, "4y"],
    [5 * y, "5y"],
    [6 * y, "6y"],
    [7 * y, "7y"],
    [8 * y - ms, "7y364d"],
    [8 * y, "8y"],
    [8 * y + 364 * d, "8y"],
    [9 * y, "9y"],
  ])("TestHumanDurationBoundaries %d ms → %s", (input, want) => {
    expect(humanDuration(input)).toBe(want);
  });

  it("prints the ages learners see every day", () => {
    expect(humanDuration(45 * s)).toBe("45s");
    expect(humanDuration(3 * m + 20 * s)).toBe("3m20s");
    expect(humanDuration(5 * h + 30 * m)).toBe("5h30m");
    expect(humanDuration(2 * d + 5 * h)).toBe("2d5h");
    expect(humanDuration(10 * d)).toBe("10d");
    expect(humanDuration(2 * y + 45 * d)).toBe("2y45d");
  });
});

describe("shortHumanDuration", () => {
  it.each([
    [-2 * s, "<invalid>"],
    [-2 * s + ms, "0s"],
    [0, "0s"],
    [s - ms, "0s"],
    [s, "1s"],
    [2 * s - ms, "1s"],
    [m - ms, "59s"],
    [m, "1m"],
    [2 * m - ms, "1m"],
    [h - ms, "59m"],
    [h, "1h"],
    [2 * h - ms, "1h"],
    [d - ms, "23h"],
    [d, "1d"],
    [2 * d - ms, "1d"],
    [y - ms, "364d"],
    [y, "1y"],
    [2 * y - ms, "1y"],
    [2 * y, "2y"],
  ])("TestShortHumanDurationBoundaries %d ms → %s", (input, want) => {
    expect(shortHumanDuration(input)).toBe(want);
  });
});

describe("translateTimestampSince", () => {
  const now = Date.UTC(2024, 0, 15, 12, 0, 0);

  it("prints <unknown> for a missing timestamp", () => {
    expect(translateTimestampSince(undefined, now)).toBe("<unknown>");
    expect(translateTimestampSince(null, now)).toBe("<unknown>");
    expect(translateTimestampSince("", now)).toBe("<unknown>");
  });

  it("prints the age of a past timestamp", () => {
    expect(translateTimestampSince("2024-01-15T11:55:00Z", now)).toBe("5m");
    expect(translateTimestampSince("2024-01-13T07:00:00Z", now)).toBe("2d5h");
  });

  it("tolerates up to a second of clock skew, then prints <invalid>", () => {
    expect(translateTimestampSince("2024-01-15T12:00:01Z", now)).toBe("0s");
    expect(translateTimestampSince("2024-01-15T12:00:02Z", now)).toBe("<invalid>");
  });

  it("counts down to a future timestamp", () => {
    expect(translateTimestampUntil("2024-01-15T12:10:00Z", now)).toBe("10m");
  });
});

describe("time", () => {
  it("parses RFC 3339 with fractions and offsets", () => {
    expect(parseTime("2024-01-15T12:00:00Z")).toBe(Date.UTC(2024, 0, 15, 12));
    expect(parseTime("2024-01-15T12:00:00.123456Z")).toBe(Date.UTC(2024, 0, 15, 12, 0, 0, 123));
    expect(parseTime("2024-01-15T14:00:00+02:00")).toBe(Date.UTC(2024, 0, 15, 12));
    expect(parseTime("garbage")).toBeUndefined();
  });

  it("formats RFC1123Z as describe does", () => {
    expect(formatRFC1123Z(Date.UTC(2024, 0, 15, 9, 5, 3))).toBe("Mon, 15 Jan 2024 09:05:03 +0000");
    expect(formatRFC3339(Date.UTC(2024, 0, 15, 9, 5, 3, 450))).toBe("2024-01-15T09:05:03Z");
  });
});
