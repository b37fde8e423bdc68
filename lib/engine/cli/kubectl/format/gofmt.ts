// How Go prints JSON-shaped values (map[string]interface{}, []interface{}, string, int64,
// float64, bool, nil): fmt's %v and %#v, strconv.Quote, and encoding/json. kubectl prints user
// data through these in custom-columns, jsonpath, -o json and error messages.
import { goStringCompare } from "./labels";
import type { JsonValue } from "./types";

/** strconv.FormatFloat(f, 'g', -1, 64), which is also what %v prints for a float64. */
export function formatFloatG(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "+Inf";
  if (x === -Infinity) return "-Inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa, expText] = x.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  // Shortest representation: %e when the exponent is < -4 or >= 6 (Go's eprec for shortest 'g').
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  const digits = mantissa.replace("-", "").replace(".", "");
  const negative = x < 0 ? "-" : "";
  if (exp >= digits.length - 1) return `${negative}${digits}${"0".repeat(exp - digits.length + 1)}`;
  if (exp >= 0) return `${negative}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  return `${negative}0.${"0".repeat(-exp - 1)}${digits}`;
}

/** A JSON number as Go holds it after decoding: int64 when integral, else float64. */
function formatNumber(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e21 ? String(x) : formatFloatG(x);
}

const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/** strconv.Quote: Go-syntax double-quoted string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\x07":
        out += "\\a";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\v":
        out += "\\v";
        continue;
    }
    if (ch === " " || (cp >= 0x20 && cp < 0x7f) || (cp >= 0x80 && PRINTABLE.test(ch))) out += ch;
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

const isObject = (v: unknown): v is { [key: string]: JsonValue } =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** fmt.Sprint / %v: map[k:v k2:v2] with sorted keys, [a b], <nil>. */
export function goSprint(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `[${v.map(goSprint).join(" ")}]`;
  const keys = Object.keys(v).sort(goStringCompare);
  return `map[${keys.map((k) => `${k}:${goSprint(v[k])}`).join(" ")}]`;
}

/** %#v of an interface{} holding decoded JSON. */
export function goSharpV(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(", ")}}`;
  const keys = Object.keys(v).sort(goStringCompare);
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV(v[k])}`).join(", ")}}`;
}

/** A JSON string literal as encoding/json writes it (HTML-safe: <, >, & are escaped). */
function jsonString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function jsonNumber(x: number): string {
  // encoding/json and JSON.stringify agree on float formatting (e-notation below 1e-6 and from 1e21).
  return Number.isFinite(x) ? JSON.stringify(x) : "null";
}

/**
 * encoding/json: map keys sorted, HTML-escaped strings. With an indent, MarshalIndent's layout
 * (empty objects and arrays stay "{}" and "[]").
 */
export function marshalJSON(v: JsonValue | undefined, indent = "", prefix = ""): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return jsonString(v);
  if (typeof v === "number") return jsonNumber(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  const inner = prefix + indent;
  const nl = indent ? "\n" : "";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[${nl}${v.map((x) => inner + marshalJSON(x, indent, inner)).join(`,${nl}`)}${nl}${prefix}]`;
  }
  const keys = Object.keys(v)
    .filter((k) => v[k] !== undefined)
    .sort(goStringCompare);
  if (keys.length === 0) return "{}";
  const sep = indent ? ": " : ":";
  return `{${nl}${keys.map((k) => `${inner}${jsonString(k)}${sep}${marshalJSON(v[k], indent, inner)}`).join(`,${nl}`)}${nl}${prefix}}`;
}

export { isObject };
