// Renders values the way Go's fmt does, so bad values in field errors read exactly as the real
// API server prints them: strings through strconv.Quote, composite values through %#v
// (`map[string]string{"app":"web"}`, `[]string{"a", "b"}`, `intstr.IntOrString{...}`).

/** A value whose Go %#v rendering has already been computed. */
export class GoValue {
  constructor(readonly text: string) {}
}

/** Go's strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
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
    if (c < 0x20 || c === 0x7f) {
      out += "\\x" + c.toString(16).padStart(2, "0");
    } else if ((c >= 0x80 && c < 0xa0) || c === 0xad || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c < 0xe000)) {
      out += c >= 0xd800 && c < 0xe000 ? "\\ufffd" : "\\u" + c.toString(16).padStart(4, "0");
    } else {
      out += ch;
    }
  }
  return out + '"';
}

/** A Go integer or float as %v prints it. */
export function goNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  // Go pads single-digit exponents ("1e-07"); JavaScript does not.
  return String(n).replace(/e([+-])(\d)$/, "e$10$2");
}

/** %#v of a plain scalar inside a composite literal. */
function scalar(v: unknown): string {
  if (v instanceof GoValue) return v.text;
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  return "<nil>";
}

/** `map[string]string{"a":"b", "c":"d"}`; null/undefined renders as a nil map. */
export function goStringMap(m: Record<string, unknown> | null | undefined, type = "map[string]string"): GoValue {
  if (m === null || m === undefined || typeof m !== "object") return new GoValue(`${type}(nil)`);
  const keys = Object.keys(m).sort();
  return new GoValue(`${type}{${keys.map((k) => `${goQuote(k)}:${scalar(m[k])}`).join(", ")}}`);
}

/** `[]string{"a", "b"}` (elements rendered with %#v); null/undefined is a nil slice. */
export function goSlice(items: readonly unknown[] | null | undefined, type: string): GoValue {
  if (items === null || items === undefined || !Array.isArray(items)) return new GoValue(`${type}(nil)`);
  return new GoValue(`${type}{${items.map(scalar).join(", ")}}`);
}

/** A struct literal: `pkg.Type{Field:value, Other:value}`. Values are rendered with %#v. */
export function goStruct(type: string, fields: ReadonlyArray<readonly [string, unknown]>): GoValue {
  return new GoValue(`${type}{${fields.map(([k, v]) => `${k}:${scalar(v)}`).join(", ")}}`);
}

/** A nil pointer inside a composite literal: `(*int32)(nil)`. */
export function goNilPtr(type: string): GoValue {
  return new GoValue(`(*${type})(nil)`);
}

// Go prints pointer fields inside %#v as addresses; a real server shows a heap address. We show a
// fixed, plausible one so output stays deterministic.
export function goPtr(type: string): GoValue {
  return new GoValue(`(*${type})(0xc000a4c1e0)`);
}

/** intstr.IntOrString as %#v prints it (Type 0 = Int, 1 = String). */
export function goIntOrString(v: unknown): GoValue {
  if (typeof v === "string") return new GoValue(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`);
  const n = typeof v === "number" ? v : 0;
  return new GoValue(`intstr.IntOrString{Type:0, IntVal:${goNumber(n)}, StrVal:""}`);
}
