// Go-side formatting that etcdctl's output depends on: strconv.Quote, encoding/json and zap
// string escaping, go-humanize sizes, text/tabwriter (help) and olekukonko/tablewriter (tables).

const utf8 = new TextEncoder();

/** The UTF-8 bytes of a string (Go strings are bytes; keys and values are sent as such). */
export function bytesOf(text: string): Uint8Array {
  return utf8.encode(text);
}

/** base64 of the UTF-8 bytes, as encoding/json prints a []byte. */
export function base64(text: string): string {
  let binary = "";
  for (const b of bytesOf(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** etcdctl --hex: every byte as \xNN. */
export function hexEscaped(text: string): string {
  let out = "";
  for (const b of bytesOf(text)) out += `\\x${b.toString(16).padStart(2, "0")}`;
  return out;
}

/** A hex id ("8e9e05c52164694d") as the decimal uint64 Go prints for %d and JSON. */
export function hexToDecimal(hex: string): string {
  return BigInt(`0x${hex || "0"}`).toString(10);
}

/** %x of an id kept as hex: no leading zeros. */
export function hexId(hex: string): string {
  return hex.replace(/^0+(?=.)/, "");
}

/** %016x of a lease id. */
export function leaseHex(hex: string): string {
  return hex.padStart(16, "0");
}

/** strconv.Quote: Go's double-quoted string with escapes for control characters. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 11) out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A JSON string as Go's encoding/json writes it (HTML characters escaped). */
export function jsonString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** A JSON string as zap's encoder writes it (no HTML escaping). */
export function zapString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A JSON object from already-encoded values, skipping undefined ones (omitempty). */
export function jsonObject(fields: Array<[string, string | undefined]>): string {
  const parts: string[] = [];
  for (const [k, v] of fields) if (v !== undefined) parts.push(`${jsonString(k)}:${v}`);
  return `{${parts.join(",")}}`;
}

export function jsonArray(items: string[]): string {
  return `[${items.join(",")}]`;
}

/** An omitempty integer field. */
export function jsonInt(n: number | string): string | undefined {
  return n === 0 || n === "0" ? undefined : String(n);
}

/** fmt's %.0f: round half to even, as strconv formats an exactly representable tie. */
function formatNoDecimals(val: number): string {
  const tenths = Math.round(val * 10);
  if (tenths % 10 === 5) {
    const floor = (tenths - 5) / 10;
    return String(floor % 2 === 0 ? floor : floor + 1);
  }
  return String(Math.round(val));
}

/** go-humanize Bytes: SI units, "20 kB", "4.2 MB". */
export function humanizeBytes(size: number): string {
  if (size < 10) return `${size} B`;
  const sizes = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
  const e = Math.floor(Math.log(size) / Math.log(1000));
  const val = Math.floor((size / Math.pow(1000, e)) * 10 + 0.5) / 10;
  const text = val < 10 ? val.toFixed(1) : formatNoDecimals(val);
  return `${text} ${sizes[e]}`;
}

/**
 * etcd's zap timestamps: "2006-01-02T15:04:05.999999Z0700" in UTC (trailing zeros of the
 * fraction dropped). `micros` adds sub-millisecond digits the virtual clock does not have.
 */
export function zapTime(ms: number, micros = 0): string {
  const d = new Date(ms);
  const base = d.toISOString().slice(0, 19);
  const frac = String(d.getUTCMilliseconds() * 1000 + (micros % 1000)).padStart(6, "0").replace(/0+$/, "");
  return `${base}${frac ? `.${frac}` : ""}Z`;
}

/**
 * Log timestamps for one run: the virtual clock has millisecond resolution, so successive lines
 * within a millisecond get increasing microseconds (as a real process's would).
 */
export class LogClock {
  private lastMs = -1;
  private micros = 0;

  constructor(private seed: number) {}

  ts(ms: number): string {
    // A small, deterministic step per line.
    this.seed = (Math.imul(this.seed ^ (this.seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    const step = 20 + (this.seed % 400);
    this.micros = ms === this.lastMs ? Math.min(999, this.micros + step) : this.seed % 500;
    this.lastMs = ms;
    return zapTime(ms, this.micros);
  }
}

/** zap's console encoder time (etcdutl): RFC 3339 to the second. */
export function consoleTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/**
 * text/tabwriter as cobrautl's help uses it (minwidth 0, tabwidth 8, padding 1, padchar '\t'):
 * tab-terminated cells are aligned per column block by padding with tabs.
 */
export function tabwrite(text: string): string {
  const lines = text.split("\n").map((l) => l.split("\t"));
  const widths: number[][] = lines.map(() => []);
  const format = (line0: number, line1: number, column: number) => {
    let i = line0;
    while (i < line1) {
      if (lines[i]!.length - 1 <= column) {
        i++;
        continue;
      }
      // A column block: consecutive lines with a cell in this column.
      const start = i;
      let width = 0;
      for (; i < line1 && lines[i]!.length - 1 > column; i++) width = Math.max(width, [...lines[i]![column]!].length);
      width = Math.ceil((width + 1) / 8) * 8;
      for (let j = start; j < i; j++) widths[j]![column] = width;
      format(start, i, column + 1);
    }
  };
  format(0, lines.length, 0);
  return lines
    .map((cells, li) =>
      cells
        .map((cell, ci) => {
          if (ci === cells.length - 1) return cell;
          const w = widths[li]![ci]!;
          return cell + "\t".repeat(Math.ceil((w - [...cell].length) / 8));
        })
        .join(""),
    )
    .join("\n");
}

/** olekukonko/tablewriter with etcdctl's settings: centred upper-case header, right-aligned cells. */
export function boxTable(header: string[], rows: string[][]): string {
  const head = header.map((h) => h.replace(/_/g, " ").trim().toUpperCase());
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? "")].length)));
  const line = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+\n`;
  const center = (s: string, w: number) => {
    const gap = w - [...s].length;
    const left = Math.floor(gap / 2);
    return " ".repeat(left) + s + " ".repeat(gap - left);
  };
  const headRow = `|${head.map((h, i) => ` ${center(h, widths[i]!)} `).join("|")}|\n`;
  const body = rows.map((r) => `|${widths.map((w, i) => ` ${(r[i] ?? "").padStart(w)} `).join("|")}|\n`).join("");
  return line + headRow + line + body + line;
}
