// Word expansion in bash's order: brace expansion, tilde, parameters, command substitution,
// arithmetic, field splitting of unquoted results, pathname expansion, quote removal.
import { ArithError, evaluateArith } from "./arith";
import { escapeGlob, hasGlobChars, replacePattern, trimPattern } from "./pattern";
import type { List, Word, WordPart } from "./parse";

export interface ExpandEnv {
  /** A variable or special parameter ($?, $$, $#, $0, $1...); undefined when unset. */
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  positional(): string[];
  /** Home directory of a user ("" = the current one); undefined when unknown. */
  home(user: string): string | undefined;
  /** Runs a command substitution and returns its stdout. */
  commandSubst(list: List): string;
  /** Runs a process substitution <(list) and returns the file name holding its output. */
  procSubst(list: List): string;
  /** Pathnames matching a glob pattern, sorted; empty when none match. */
  glob(pattern: string): string[];
}

/** An expansion failure; the shell prints `message` and the command fails with `status`. */
export class ExpandError {
  constructor(
    readonly message: string,
    readonly status = 1,
  ) {}
}

/** Beyond this many words a brace expansion is refused (bash would exhaust memory). */
export const MAX_BRACE_WORDS = 250_000;

interface Seg {
  text: string;
  quoted: boolean;
}

/** One word may not expand to more than this (bash would run out of memory). */
const MAX_WORD_CHARS = 1024 * 1024;

class Fields {
  readonly fields: Array<{ segs: Seg[]; real: boolean }> = [{ segs: [], real: false }];
  private size = 0;
  constructor(private readonly split: boolean) {}

  private grow(n: number) {
    this.size += n;
    if (this.size > MAX_WORD_CHARS) throw new ExpandError("bash: expansion too large (over 1 MB)");
  }

  private get cur() {
    return this.fields[this.fields.length - 1]!;
  }
  quoted(text: string) {
    this.grow(text.length);
    this.cur.segs.push({ text, quoted: true });
    this.cur.real = true;
  }
  literal(text: string) {
    if (text === "") return;
    this.grow(text.length);
    this.cur.segs.push({ text, quoted: false });
    this.cur.real = true;
  }
  /** An unquoted expansion result: split on IFS whitespace when splitting. */
  expanded(text: string, ifs: string) {
    if (!this.split) {
      this.literal(text);
      return;
    }
    if (text === "") return;
    if (this.size + text.length > MAX_WORD_CHARS) throw new ExpandError("bash: expansion too large (over 1 MB)");
    if (/^[ \t\n]+$/.test(ifs)) {
      // Only IFS whitespace (the default): runs of it separate fields.
      const sep = new RegExp(`[${ifs.replace(/\t/g, "\\t").replace(/\n/g, "\\n")}]+`);
      const pieces = text.split(sep);
      pieces.forEach((piece, i) => {
        if (i > 0) this.breakField();
        this.literal(piece);
      });
      return;
    }
    const ws: string[] = [...ifs].filter((c) => c === " " || c === "\t" || c === "\n");
    const other = [...ifs].filter((c) => !ws.includes(c));
    let field = "";
    let i = 0;
    const isWs = (c: string) => ws.includes(c);
    // Leading IFS whitespace ends the field in progress.
    if (isWs(text[0]!)) {
      this.breakField();
      while (i < text.length && isWs(text[i]!)) i++;
    }
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (isWs(c) || other.includes(c)) {
        this.literal(field);
        if (other.includes(c)) this.cur.real = true;
        field = "";
        let j = i + 1;
        while (j < text.length && isWs(text[j]!)) j++;
        if (!other.includes(c) && j < text.length && other.includes(text[j]!)) j++;
        while (j < text.length && isWs(text[j]!)) j++;
        this.breakField();
        i = j - 1;
        continue;
      }
      field += c;
    }
    this.literal(field);
  }
  breakField() {
    if (this.cur.real || this.cur.segs.length > 0) this.fields.push({ segs: [], real: false });
  }
}

/** Brace expansion of one word: `{a,b}`, `{1..5}`, `{a..e..2}` in unquoted text. */
export function braceExpand(word: Word): Word[] {
  const idx = word.parts.findIndex((p) => p.type === "lit" && findBrace(p.text) !== null);
  if (idx === -1) return [word];
  const part = word.parts[idx] as { type: "lit"; text: string };
  const alts = expandBraceText(part.text);
  const out: Word[] = [];
  for (const alt of alts) {
    const w: Word = { raw: word.raw, parts: [...word.parts.slice(0, idx), { type: "lit", text: alt }, ...word.parts.slice(idx + 1)] };
    for (const x of braceExpand(w)) {
      out.push(x);
      if (out.length > MAX_BRACE_WORDS) throw new ExpandError("bash: brace expansion: too many words");
    }
  }
  return out;
}

/** The first brace expression in `text`: [start, end, alternatives] or null. */
function findBrace(text: string): { start: number; end: number; alts: string[] } | null {
  for (let s = 0; s < text.length; s++) {
    if (text[s] !== "{" || (s > 0 && text[s - 1] === "$")) continue;
    let depth = 0;
    const commas: number[] = [];
    for (let e = s; e < text.length; e++) {
      const c = text[e];
      if (c === "{") depth++;
      else if (c === "}") {
        depth--;
        if (depth === 0) {
          const inner = text.slice(s + 1, e);
          if (commas.length > 0) {
            const alts: string[] = [];
            let prev = s + 1;
            for (const c2 of commas) {
              alts.push(text.slice(prev, c2));
              prev = c2 + 1;
            }
            alts.push(text.slice(prev, e));
            return { start: s, end: e, alts };
          }
          const seq = sequence(inner);
          if (seq) return { start: s, end: e, alts: seq };
          break;
        }
      } else if (c === "," && depth === 1) commas.push(e);
    }
  }
  return null;
}

function sequence(inner: string): string[] | null {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (!m) return null;
  const [, a, b, stepText] = m;
  const step = Math.abs(Number(stepText ?? 1)) || 1;
  const numeric = /^-?\d+$/.test(a!) && /^-?\d+$/.test(b!);
  if (!numeric && (/\d/.test(a!) || /\d/.test(b!))) return null;
  const from = numeric ? Number(a) : a!.charCodeAt(0);
  const to = numeric ? Number(b) : b!.charCodeAt(0);
  const count = Math.floor(Math.abs(to - from) / step) + 1;
  if (count > MAX_BRACE_WORDS) throw new ExpandError("bash: brace expansion: too many words");
  const width = numeric && (/^-?0\d/.test(a!) || /^-?0\d/.test(b!)) ? Math.max(a!.length, b!.length) : 0;
  const out: string[] = [];
  const dir = to >= from ? 1 : -1;
  for (let v = from; dir > 0 ? v <= to : v >= to; v += dir * step) {
    if (numeric) {
      const s = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), "0");
      out.push(v < 0 ? "-" + s : s);
    } else out.push(String.fromCharCode(v));
  }
  return out;
}

/** Beyond this many characters of brace-expanded words a command is refused. */
const MAX_BRACE_CHARS = 8 * 1024 * 1024;

function expandBraceText(text: string): string[] {
  // Breadth first, in place, so the order is bash's and the size is checked at every step.
  let items: Array<{ text: string; done: boolean }> = [{ text, done: false }];
  while (items.some((i) => !i.done)) {
    const next: Array<{ text: string; done: boolean }> = [];
    let chars = 0;
    for (const item of items) {
      const b = item.done ? null : findBrace(item.text);
      if (!b) {
        next.push({ text: item.text, done: true });
        chars += item.text.length;
        continue;
      }
      const pre = item.text.slice(0, b.start);
      const post = item.text.slice(b.end + 1);
      for (const alt of b.alts) {
        const t = pre + alt + post;
        next.push({ text: t, done: false });
        chars += t.length;
      }
      if (next.length > MAX_BRACE_WORDS || chars > MAX_BRACE_CHARS) throw new ExpandError("bash: brace expansion: too many words");
    }
    items = next;
  }
  return items.map((i) => i.text);
}

export class Expander {
  constructor(private readonly env: ExpandEnv) {}

  private ifs(): string {
    return this.env.getVar("IFS") ?? " \t\n";
  }

  /** Full expansion of command words: may produce zero or many fields. */
  words(words: Word[]): string[] {
    const out: string[] = [];
    let chars = 0;
    for (const w of words) {
      for (const b of braceExpand(w)) {
        for (const f of this.word(b, true)) {
          out.push(f);
          chars += f.length;
        }
        if (out.length > MAX_BRACE_WORDS || chars > MAX_BRACE_CHARS) throw new ExpandError("bash: brace expansion: too many words");
      }
    }
    return out;
  }

  /** One word to fields (split and globbed when `split`). */
  word(word: Word, split: boolean): string[] {
    const f = new Fields(split);
    this.parts(word.parts, f, false);
    const out: string[] = [];
    for (const field of f.fields) {
      if (!field.real && field.segs.length === 0) continue;
      const text = field.segs.map((s) => s.text).join("");
      if (split && field.segs.some((s) => !s.quoted && hasGlobChars(s.text))) {
        const pattern = field.segs.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join("");
        const matches = this.env.glob(pattern);
        if (matches.length > 0) {
          for (const m of matches) out.push(m);
          continue;
        }
        out.push(text);
        continue;
      }
      out.push(text);
    }
    return out;
  }

  /** Expansion to one string, without splitting or globbing (assignments, redirections, here-docs). */
  string(parts: WordPart[]): string {
    const f = new Fields(false);
    this.parts(parts, f, false);
    return f.fields.map((x) => x.segs.map((s) => s.text).join("")).join(" ");
  }

  /** Expansion to a glob pattern: quoted text escaped (case patterns, [[ == ]], ${v#p}). */
  pattern(parts: WordPart[]): string {
    const f = new Fields(false);
    this.parts(parts, f, false);
    return f.fields.map((x) => x.segs.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join("")).join(" ");
  }

  private parts(parts: WordPart[], f: Fields, inDq: boolean) {
    for (const p of parts) this.part(p, f, inDq);
  }

  private part(p: WordPart, f: Fields, inDq: boolean) {
    switch (p.type) {
      case "lit":
        if (inDq) f.quoted(p.text);
        else f.literal(p.text);
        return;
      case "quoted":
        f.quoted(p.text);
        return;
      case "dq":
        f.quoted("");
        this.parts(p.parts, f, true);
        return;
      case "tilde": {
        const home = this.env.home(p.user);
        if (home === undefined) f.literal("~" + p.user);
        else f.quoted(home);
        return;
      }
      case "bad":
        throw new ExpandError(`bash: ${p.text}: bad substitution`);
      case "procsubst":
        f.quoted(this.env.procSubst(p.list));
        return;
      case "cmd": {
        const out = this.env.commandSubst(p.list).replace(/\n+$/, "");
        this.emit(out, f, inDq);
        return;
      }
      case "arith": {
        const text = this.string(p.parts);
        this.emit(this.arith(text), f, inDq);
        return;
      }
      case "param":
        this.param(p, f, inDq);
        return;
    }
  }

  arith(text: string): string {
    try {
      return evaluateArith(text, { get: (n) => this.env.getVar(n), set: (n, v) => this.env.setVar(n, v) }).toString();
    } catch (e) {
      if (e instanceof ArithError) throw new ExpandError(`bash: ${e.message}`);
      throw e;
    }
  }

  private emit(value: string, f: Fields, inDq: boolean) {
    if (inDq) f.quoted(value);
    else f.expanded(value, this.ifs());
  }

  private param(p: Extract<WordPart, { type: "param" }>, f: Fields, inDq: boolean) {
    const { name, op } = p;
    if ((name === "@" || name === "*") && !op) {
      const args = this.env.positional();
      if (inDq && name === "@") {
        args.forEach((a, i) => {
          if (i > 0) f.breakField();
          f.quoted(a);
        });
        return;
      }
      const sep = name === "*" && inDq ? (this.ifs()[0] ?? "") : " ";
      this.emit(args.join(sep), f, inDq);
      return;
    }
    const value = this.env.getVar(name);
    const isSet = value !== undefined;
    const nonEmpty = isSet && value !== "";
    const argText = () => this.string(p.arg ?? []);
    switch (op) {
      case undefined:
        this.emit(value ?? "", f, inDq);
        return;
      case "indirect": {
        const target = value ?? "";
        this.emit(/^[A-Za-z_][A-Za-z0-9_]*$|^\d+$/.test(target) ? (this.env.getVar(target) ?? "") : "", f, inDq);
        return;
      }
      case "length":
        this.emit(name === "@" || name === "*" ? String(this.env.positional().length) : String([...(value ?? "")].length), f, inDq);
        return;
      case ":-":
      case "-":
        if (op === ":-" ? nonEmpty : isSet) this.emit(value!, f, inDq);
        else this.parts(p.arg ?? [], f, inDq);
        return;
      case ":=":
      case "=":
        if (op === ":=" ? nonEmpty : isSet) this.emit(value!, f, inDq);
        else {
          if (!/^[A-Za-z_]\w*$/.test(name)) throw new ExpandError(`bash: $${name}: cannot assign in this way`);
          const v = argText();
          this.env.setVar(name, v);
          this.emit(v, f, inDq);
        }
        return;
      case ":+":
      case "+":
        if (op === ":+" ? nonEmpty : isSet) this.parts(p.arg ?? [], f, inDq);
        return;
      case ":?":
      case "?":
        if (op === ":?" ? nonEmpty : isSet) this.emit(value!, f, inDq);
        else {
          const msg = argText() || (op === ":?" ? "parameter null or not set" : "parameter not set");
          throw new ExpandError(`bash: ${name}: ${msg}`);
        }
        return;
      case "#":
      case "##":
      case "%":
      case "%%":
        this.emit(trimPattern(value ?? "", this.pattern(p.arg ?? []), op), f, inDq);
        return;
      case "/":
      case "//":
      case "/#":
      case "/%":
        this.emit(replacePattern(value ?? "", this.pattern(p.arg ?? []), this.string(p.arg2 ?? []), op), f, inDq);
        return;
      case "^^":
        this.emit((value ?? "").toUpperCase(), f, inDq);
        return;
      case ",,":
        this.emit((value ?? "").toLowerCase(), f, inDq);
        return;
      case "^":
        this.emit((value ?? "").slice(0, 1).toUpperCase() + (value ?? "").slice(1), f, inDq);
        return;
      case ",":
        this.emit((value ?? "").slice(0, 1).toLowerCase() + (value ?? "").slice(1), f, inDq);
        return;
      case ":": {
        const v = value ?? "";
        let off = Number(this.arith(this.string(p.arg ?? [])));
        if (off < 0) off = Math.max(0, v.length + off);
        let len = v.length - off;
        if (p.arg2) {
          len = Number(this.arith(this.string(p.arg2)));
          if (len < 0) {
            len = v.length - off + len;
            if (len < 0) throw new ExpandError(`bash: ${this.string(p.arg2)}: substring expression < 0`);
          }
        }
        this.emit(v.slice(off, off + Math.max(0, len)), f, inDq);
        return;
      }
    }
  }
}
