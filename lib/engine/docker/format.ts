// Output helpers that reproduce what the Docker CLI's Go libraries print: text/tabwriter
// tables, go-units durations and sizes, encoding/json.
import type { Millis } from "../clock";

/**
 * Lays out tab-separated rows like Go's text/tabwriter with the Docker CLI's settings
 * (minwidth 10, padding 3, blanks): every cell but the last of a line is padded.
 */
export function tabwrite(lines: string[][], minwidth = 10, padding = 3): string {
  const width = (s: string) => [...s].length;
  const cols = Math.max(0, ...lines.map((l) => l.length - 1));
  const widths: number[] = [];
  for (let c = 0; c < cols; c++) {
    let w = 0;
    for (const l of lines) if (c < l.length - 1) w = Math.max(w, width(l[c]!));
    widths.push(Math.max(minwidth, w + padding));
  }
  return lines
    .map((l) => l.map((cell, c) => (c < l.length - 1 ? cell + " ".repeat(widths[c]! - width(cell)) : cell)).join(""))
    .map((s) => `${s}\n`)
    .join("");
}

/** go-units HumanDuration: "Less than a second", "About a minute", "5 minutes", "2 days". */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return "Less than a second";
  if (seconds === 1) return "1 second";
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return "About a minute";
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return "About an hour";
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** Go's %.<p>g formatting of a non-negative number (trailing zeros dropped). */
function formatG(x: number, precision: number): string {
  if (x === 0) return "0";
  const [mant = "0", expText = "0"] = x.toExponential(precision - 1).split("e");
  const e = Number(expText);
  if (e < -4 || e >= precision) {
    const m = mant.includes(".") ? mant.replace(/\.?0+$/, "") : mant;
    return `${m}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const fixed = x.toFixed(Math.max(0, precision - 1 - e));
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

const DECIMAL = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];

/** go-units HumanSizeWithPrecision (decimal units, no space): "192MB", "4.27MB", "736kB". */
export function humanSize(bytes: number, precision = 3): string {
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < DECIMAL.length - 1) {
    size /= 1000;
    i++;
  }
  return `${formatG(size, precision)}${DECIMAL[i]}`;
}

/** RFC 3339 with nanoseconds, as Go prints a time.Time in JSON. */
export function rfc3339Nano(at: Millis, extraNanos: number): string {
  const iso = new Date(at).toISOString(); // 2022-02-11T22:14:03.425Z
  const ms = iso.slice(20, 23);
  const nanos = `${ms}${String(extraNanos).padStart(6, "0")}`.replace(/0+$/, "");
  return `${iso.slice(0, 19)}${nanos === "" ? "" : `.${nanos}`}Z`;
}

/** Go's time.Time String(): "2022-02-11 22:14:03.425043109 +0000 UTC". */
export function goTimeString(rfc3339: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(rfc3339);
  if (!m) return rfc3339;
  return `${m[1]} ${m[2]}${m[3] ?? ""} +0000 UTC`;
}

/** Docker's `CreatedAt` column: "2024-08-20 10:00:05 +0000 UTC". */
export function dockerCreatedAt(at: Millis): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    // encoding/json escapes HTML-sensitive characters and U+2028/U+2029.
    else if (ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029 || c < 0x20) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * encoding/json output: compact (indent "") or MarshalIndent with `indent`. Keys keep the
 * object's insertion order; build Go maps with sorted keys (see sortedMap).
 */
export function goJson(value: unknown, indent = "", prefix = ""): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  const inner = prefix + indent;
  const nl = indent === "" ? "" : "\n";
  const sep = indent === "" ? ":" : ": ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${nl}${value.map((v) => inner + goJson(v, indent, inner)).join(`,${nl}`)}${nl}${prefix}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return `{${nl}${entries.map(([k, v]) => `${inner}${goQuote(k)}${sep}${goJson(v, indent, inner)}`).join(`,${nl}`)}${nl}${prefix}}`;
}

/** A copy of `obj` with keys sorted, as Go marshals maps. */
export function sortedMap<T>(obj: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(obj).sort()) out[k] = obj[k]!;
  return out;
}

/** The CLI's Ellipsis: truncate to `max` display characters ending with "…". */
export function ellipsis(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  if (max <= 1) return chars.slice(0, max).join("");
  return `${chars.slice(0, max - 1).join("")}…`;
}

/** Go's strconv.Quote for the ps COMMAND column. */
export function strconvQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else out += ch;
  }
  return `${out}"`;
}

/** sortorder.NaturalLess, which the CLI uses to sort names: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = Number(x);
      const ny = Number(y);
      if (nx !== ny) return nx < ny;
      return x.length < y.length;
    }
    return x < y;
  }
  return pa.length < pb.length;
}
