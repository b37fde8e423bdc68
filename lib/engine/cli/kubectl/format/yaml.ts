// `kubectl -o yaml` output: sigs.k8s.io/yaml turns the object into JSON, decodes it with go-yaml v2
// and encodes it again. So the layout is go-yaml v2's emitter: keys in its "natural" order, 2-space
// indent, sequences inside mappings not indented, strings quoted only when they would read back as
// something else, long scalars folded at column 80, multi-line strings as literal blocks. This is
// a port of the parts of that emitter (emitterc.go, encode.go, resolve.go, sorter.go) the JSON
// value space reaches.
import { formatFloatG } from "./gofmt";
import type { JsonValue } from "./types";

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

type Style = "plain" | "single" | "double" | "literal";

interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (ch: string | undefined) =>
  ch === "\r" || ch === "\n" || ch === "\u0085" || ch === "\u2028" || ch === "\u2029";
const isSpace = (ch: string | undefined) => ch === " ";
const isBlank = (ch: string | undefined) => ch === " " || ch === "\t";
const isBlankZ = (ch: string | undefined) => isBlank(ch) || isBreak(ch) || ch === "\0" || ch === undefined;

/** go-yaml's is_printable, per code point. Tabs and characters beyond the BMP are not printable. */
function isPrintable(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** yaml_emitter_analyze_scalar. */
function analyzeScalar(value: string): ScalarAnalysis {
  const chars = [...value];
  if (chars.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (value.startsWith("---") || value.startsWith("...")) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      switch (ch) {
        case "#":
        case ",":
        case "[":
        case "]":
        case "{":
        case "}":
        case "&":
        case "*":
        case "!":
        case "|":
        case ">":
        case "'":
        case '"':
        case "%":
        case "@":
        case "`":
          flowIndicators = true;
          blockIndicators = true;
          break;
        case "?":
        case ":":
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case "-":
          if (followedByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    } else {
      switch (ch) {
        case ",":
        case "?":
        case "[":
        case "]":
        case "{":
        case "}":
          flowIndicators = true;
          break;
        case ":":
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case "#":
          if (precededByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    }
    if (!isPrintable(ch)) specialCharacters = true;
    if (isSpace(ch)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(ch);
  }

  const a: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

// ---- resolve.go: would this plain scalar read back as something other than a string? ----

const RESOLVE_MAP = new Set([
  "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
  "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
  "", "~", "null", "Null", "NULL",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
  "<<",
]); // prettier-ignore

const GO_INT = /^[+-]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const GO_UINT = /^(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** parseTimestamp: the four layouts go-yaml accepts, with Go's range checks. */
function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(
      s,
    );
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  const hour = Number(m[4] ?? m[7] ?? 0);
  const minute = Number(m[5] ?? m[8] ?? 0);
  const second = Number(m[6] ?? m[9] ?? 0);
  return hour < 24 && minute < 60 && second < 60;
}

/** True when the unquoted text would resolve to a bool, null, number or timestamp. */
function resolvesToNonString(s: string): boolean {
  if (s === "") return true;
  const c = s[0]!;
  let hint: string;
  if (c === "+" || c === "-") hint = "S";
  else if (c >= "0" && c <= "9") hint = "D";
  else if ("yYnNtTfFoO~".includes(c)) hint = "M";
  else if (c === ".") hint = ".";
  else return false;
  if (RESOLVE_MAP.has(s)) return true;
  switch (hint) {
    case "M":
      return false;
    case ".":
      return /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(s);
    default: {
      if (isTimestamp(s)) return true;
      const plain = s.replace(/_/g, "");
      if (GO_INT.test(plain) || GO_UINT.test(plain)) return true;
      if (YAML_FLOAT.test(plain)) return true;
      if (/^-0[bB][01]+$/.test(plain)) return true;
      return false;
    }
  }
}

function isBase60Float(s: string): boolean {
  if (s === "") return false;
  const c = s[0]!;
  if (!(c === "+" || c === "-" || (c >= "0" && c <= "9")) || !s.includes(":")) return false;
  return BASE60_FLOAT.test(s);
}

// ---- sorter.go: map keys in go-yaml's natural order ----

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && /\p{Nd}/u.test(ch);

/** keyList.Less for string keys: letters after non-letters, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i]!;
    const bc = br[i]!;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac.codePointAt(0)! < bc.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ac === "0" || bc === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai]!.charCodeAt(0) - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi]!.charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac.codePointAt(0)! < bc.codePointAt(0)!;
  }
  return ar.length < br.length;
}

export function yamlSortKeys(keys: string[]): string[] {
  return [...keys].sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

// ---- emitterc.go ----

class Emitter {
  out = "";
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private indents: number[] = [];
  private flowLevel = 0;
  private mappingContext = false;
  private simpleKeyContext = false;

  private put(ch: string) {
    this.out += ch;
    this.column++;
  }

  private putBreak() {
    this.out += "\n";
    this.column = 0;
  }

  private write(ch: string) {
    this.out += ch;
    this.column++;
  }

  private writeBreak(ch: string) {
    if (ch === "\n") {
      this.putBreak();
    } else {
      this.write(ch);
      this.column = 0;
    }
  }

  private increaseIndent(flow: boolean, indentless: boolean) {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent() {
    this.indent = this.indents.pop()!;
  }

  private writeIndent() {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean) {
    if (needWhitespace && !this.whitespace) this.put(" ");
    for (const ch of indicator) this.write(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** yaml_emitter_emit_node with its contexts. */
  node(value: JsonValue, mapping: boolean, simpleKey: boolean) {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    if (Array.isArray(value)) this.sequence(value);
    else if (value !== null && typeof value === "object") this.mapping(value);
    else this.scalarValue(value);
  }

  private scalarValue(value: string | number | boolean | null) {
    if (value === null) return this.scalar("null", "plain");
    if (typeof value === "boolean") return this.scalar(value ? "true" : "false", "plain");
    if (typeof value === "number") {
      if (Number.isInteger(value) && Math.abs(value) < 1e21) return this.scalar(String(value), "plain");
      let s = formatFloatG(value);
      if (s === "+Inf") s = ".inf";
      else if (s === "-Inf") s = "-.inf";
      else if (s === "NaN") s = ".nan";
      return this.scalar(s, "plain");
    }
    // encoder.stringv
    const canUsePlain = !resolvesToNonString(value) && !isBase60Float(value);
    const style: Style = value.includes("\n") ? "literal" : canUsePlain ? "plain" : "double";
    this.scalar(value, style);
  }

  private scalar(value: string, requested: Style) {
    const a = analyzeScalar(value);
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = "double";
    if (style === "plain") {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) style = "single";
      if (value.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = "single";
    }
    if (style === "single" && !a.singleQuotedAllowed) style = "double";
    if (style === "literal" && (!a.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) style = "double";

    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === "plain") this.writePlain(value, allowBreaks);
    else if (style === "single") this.writeSingle(value, allowBreaks);
    else if (style === "double") this.writeDouble(value, allowBreaks);
    else this.writeLiteral(value);
    this.popIndent();
  }

  private sequence(items: JsonValue[]) {
    if (items.length === 0 || this.flowLevel > 0) {
      this.writeIndicator("[", true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator("]", false, false, false);
      return;
    }
    // In a mapping, block sequences are not indented beyond their key.
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, false, false);
    }
    this.popIndent();
  }

  private mapping(obj: { [key: string]: JsonValue }) {
    const keys = yamlSortKeys(Object.keys(obj).filter((k) => obj[k] !== undefined));
    if (keys.length === 0 || this.flowLevel > 0) {
      this.writeIndicator("{", true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator("}", false, false, false);
      return;
    }
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const simple = !analyzeScalar(key).multiline && utf8Length(key) <= 128;
      if (simple) {
        this.node(key, true, true);
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.node(key, true, false);
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(obj[key]!, true, false);
    }
    this.popIndent();
  }

  private writePlain(value: string, allowBreaks: boolean) {
    if (!this.whitespace) this.put(" ");
    const chars = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(chars[i + 1])) this.writeIndent();
        else this.write(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === "\n") this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(value: string, allowBreaks: boolean) {
    this.writeIndicator("'", true, false, false);
    const chars = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && !isSpace(chars[i + 1])) {
          this.writeIndent();
        } else {
          this.write(ch);
        }
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === "\n") this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'");
        this.write(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(value: string, allowBreaks: boolean) {
    this.writeIndicator('"', true, false, false);
    const chars = [...value];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (!isPrintable(ch) || ch === "\ufeff" || isBreak(ch) || ch === '"' || ch === "\\") {
        this.put("\\");
        const v = ch.codePointAt(0)!;
        const named: Record<number, string> = {
          0x00: "0",
          0x07: "a",
          0x08: "b",
          0x09: "t",
          0x0a: "n",
          0x0b: "v",
          0x0c: "f",
          0x0d: "r",
          0x1b: "e",
          0x22: '"',
          0x5c: "\\",
          0x85: "N",
          0xa0: "_",
          0x2028: "L",
          0x2029: "P",
        };
        const letter = named[v];
        if (letter !== undefined) {
          this.put(letter);
        } else {
          const [prefix, width] = v <= 0xff ? ["x", 2] : v <= 0xffff ? ["u", 4] : ["U", 8];
          this.put(prefix as string);
          for (const d of v.toString(16).toUpperCase().padStart(width as number, "0")) this.put(d);
        }
        spaces = false;
      } else if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (isSpace(chars[i + 1])) this.put("\\");
        } else {
          this.write(ch);
        }
        spaces = true;
      } else {
        this.write(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string) {
    this.writeIndicator("|", true, false, false);
    const chars = [...value];
    // Block scalar hints: an explicit indent when the text starts with a space or break;
    // "-" strip when there is no final newline, "+" keep when there is more than one.
    if (isSpace(chars[0]) || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = "";
    const last = chars.length - 1;
    if (chars.length === 0 || !isBreak(chars[last])) chomp = "-";
    else if (last === 0 || isBreak(chars[last - 1])) chomp = "+";
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }

  /** The implicit document end: a final line break unless one was just written. */
  end() {
    this.indent = -1;
    this.writeIndent();
  }
}

/** sigs.k8s.io/yaml.Marshal of a JSON value: the text `kubectl -o yaml` prints. */
export function toYaml(value: JsonValue): string {
  const e = new Emitter();
  e.node(value, false, false);
  e.end();
  return e.out;
}
