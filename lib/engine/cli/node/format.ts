// How systemd, journald, klog and logrus print times, sizes and colours. Each helper follows the
// C or Go function it is named after (format_timestamp, format_timespan, format_bytes, ...).
import type { Millis } from "../../clock";
import { fnv32a } from "../../random";

/** systemd's ANSI sequences (terminal-util.h); used only when stdout is a terminal. */
export const ANSI = {
  normal: "\x1b[0m",
  highlight: "\x1b[0;1;39m",
  green: "\x1b[0;1;32m",
  red: "\x1b[0;1;31m",
  yellow: "\x1b[0;1;33m",
  blue: "\x1b[0;1;34m",
  grey: "\x1b[0;38;5;245m",
};

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** format_timestamp(): "Thu 2026-01-01 00:15:00 UTC" (hosts run in UTC). */
export function systemdTimestamp(at: Millis): string {
  const d = new Date(at);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** The short journal timestamp: "Jan 01 00:15:00". */
export function journalTime(at: Millis): string {
  const d = new Date(at);
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 2_629_800 * SEC;
const YEAR = 31_557_600 * SEC;

/** format_timestamp_relative() of systemd 249: "15min ago", "1h 2min ago", "2 weeks 6 days ago". */
export function relativeTimestamp(at: Millis, now: Millis): string {
  const past = now >= at;
  const d = Math.abs(now - at);
  const s = past ? "ago" : "left";
  const f = Math.floor;
  if (d >= YEAR) return `${f(d / YEAR)} years ${f((d % YEAR) / MONTH)} months ${s}`;
  if (d >= MONTH) return `${f(d / MONTH)} months ${f((d % MONTH) / DAY)} days ${s}`;
  if (d >= WEEK) return `${f(d / WEEK)} weeks ${f((d % WEEK) / DAY)} days ${s}`;
  if (d >= 2 * DAY) return `${f(d / DAY)} days ${s}`;
  if (d >= 25 * HOUR) return `1 day ${f((d - DAY) / HOUR)}h ${s}`;
  if (d >= 6 * HOUR) return `${f(d / HOUR)}h ${s}`;
  if (d >= HOUR) return `${f(d / HOUR)}h ${f((d % HOUR) / MIN)}min ${s}`;
  if (d >= 5 * MIN) return `${f(d / MIN)}min ${s}`;
  if (d >= MIN) return `${f(d / MIN)}min ${f((d % MIN) / SEC)}s ${s}`;
  if (d >= SEC) return `${f(d / SEC)}s ${s}`;
  if (d >= 1) return `${d}ms ${s}`;
  return "now";
}

const SPANS: [number, string][] = [
  [YEAR, "y"],
  [MONTH, "month"],
  [WEEK, "w"],
  [DAY, "d"],
  [HOUR, "h"],
  [MIN, "min"],
  [SEC, "s"],
  [1, "ms"],
];

/**
 * format_timespan() with millisecond accuracy (what `CPU:` and "Consumed ... CPU time" use):
 * "1min 2.345s", "18.073s", "345ms".
 */
export function formatTimespan(ms: number): string {
  let t = Math.floor(ms);
  if (t <= 0) return "0";
  const parts: string[] = [];
  for (const [unit, suffix] of SPANS) {
    if (t <= 0) break;
    if (t < unit) continue;
    const a = Math.floor(t / unit);
    const b = t % unit;
    // Below a minute the remainder is shown after a dot, down to the accuracy.
    if (t < MIN && b > 0 && unit > 1) {
      const digits = String(unit).length - 1;
      parts.push(`${a}.${String(b).padStart(digits, "0")}${suffix}`);
      t = 0;
      break;
    }
    parts.push(`${a}${suffix}`);
    t = b;
  }
  return parts.join(" ");
}

/** format_bytes(): IEC units with one decimal, "56.1M", "4.0K", "512B". */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 6, "E"],
    [1024 ** 5, "P"],
    [1024 ** 4, "T"],
    [1024 ** 3, "G"],
    [1024 ** 2, "M"],
    [1024, "K"],
  ];
  for (let i = 0; i < units.length; i++) {
    const [factor, suffix] = units[i]!;
    if (bytes >= factor) {
      const next = units[i + 1]?.[0] ?? 1;
      const tenth = i < units.length - 1 ? Math.floor((Math.floor(bytes / next) * 10) / 1024) % 10 : Math.floor((bytes * 10) / factor) % 10;
      return `${Math.floor(bytes / factor)}.${tenth}${suffix}`;
    }
  }
  return `${bytes}B`;
}

/** A klog header: "I0101 00:15:00.123456    1078 server.go:491] ". */
export function klogHeader(level: "I" | "W" | "E", at: Millis, micros: number, pid: number, file: string): string {
  const d = new Date(at);
  const frac = String((at % 1000) * 1000 + (micros % 1000)).padStart(6, "0");
  return `${level}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${frac} ${String(pid).padStart(7)} ${file}] `;
}

/** RFC 3339 with nanoseconds in UTC, as Go's time.RFC3339Nano prints a full fraction. */
export function rfc3339Nano(at: Millis, extraNanos = 0): string {
  const iso = new Date(at).toISOString();
  const nanos = String((at % 1000) * 1_000_000 + (extraNanos % 1_000_000)).padStart(9, "0");
  return `${iso.slice(0, 19)}.${nanos}Z`;
}

/** Go's time.RFC3339Nano in UTC: the fraction without trailing zeros ("…:00.42Z", "…:00Z"). */
export function goRfc3339Nano(at: Millis, extraNanos = 0): string {
  const full = rfc3339Nano(at, extraNanos);
  return full.replace(/\.?0+Z$/, "Z");
}

/** Deterministic sub-millisecond digits for a log line, so times do not all end in 000. */
export function jitter(seed: string, modulo = 1000): number {
  return fnv32a(seed) % modulo;
}
