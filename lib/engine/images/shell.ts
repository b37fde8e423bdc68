// A small POSIX-shell simulator for the commands containers in the course run:
// `sh -c 'while true; do echo "$(date) hi"; sleep 5; done'`, `sleep 3600`, `echo hi && exit 3`.
// It does not run anything: it turns a script into a timeline (lines at times, an exit or an
// endless loop) that a runtime can replay at any later moment.
import type { TextPart, TimedLine, Stream } from "./types";

export type ShellFlavour = "busybox" | "dash" | "bash";

export interface ShellContext {
  env: Record<string, string>;
  /** Executables present in the image. */
  tools: ReadonlySet<string>;
  flavour: ShellFlavour;
  hostname: string;
  /** `$0` and the prefix of error messages ("sh", "/bin/sh"). */
  shellName: string;
  /** Programs that, once executed, keep running as a server (e.g. "nginx"). */
  servers?: ReadonlySet<string>;
}

export interface ShellRun {
  lines: TimedLine[];
  loop?: { startMs: number; periodMs: number; lines: TimedLine[] };
  /** Absent when the script never ends (endless loop, `sleep infinity`, exec of a server). */
  exit?: { atMs: number; code: number };
  /** Set when the script exec'd a long-running server (its argv). */
  execServer?: { argv: string[]; atMs: number };
  /** Set when a top-level command does not exist in the image. */
  notFound?: string;
}

// ---------- tokens ----------

type WordPart =
  | { kind: "lit"; text: string; quoted: boolean }
  | { kind: "var"; name: string; quoted: boolean }
  | { kind: "cmd"; script: string; quoted: boolean }
  | { kind: "arith"; expr: string; quoted: boolean };

interface WordTok {
  type: "word";
  parts: WordPart[];
}
interface OpTok {
  type: "op";
  op: string;
}
interface RedirTok {
  type: "redir";
  fd: number;
  op: string;
}
type Token = WordTok | OpTok | RedirTok;

class ParseError extends Error {}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let parts: WordPart[] | null = null;
  const push = (p: WordPart) => {
    if (!parts) parts = [];
    const last = parts[parts.length - 1];
    if (p.kind === "lit" && last && last.kind === "lit" && last.quoted === p.quoted) last.text += p.text;
    else parts.push(p);
  };
  const endWord = () => {
    if (parts) out.push({ type: "word", parts });
    parts = null;
  };
  const readDollar = (quoted: boolean): void => {
    // at src[i] === "$"
    const next = src[i + 1];
    if (next === "(" && src[i + 2] === "(") {
      const end = findClose(src, i + 3, "((", "))");
      push({ kind: "arith", expr: src.slice(i + 3, end), quoted });
      i = end + 2;
      return;
    }
    if (next === "(") {
      const end = findParen(src, i + 2);
      push({ kind: "cmd", script: src.slice(i + 2, end), quoted });
      i = end + 1;
      return;
    }
    if (next === "{") {
      const end = src.indexOf("}", i + 2);
      if (end === -1) throw new ParseError("bad substitution");
      push({ kind: "var", name: src.slice(i + 2, end), quoted });
      i = end + 1;
      return;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(src.slice(i + 1));
    if (m) {
      push({ kind: "var", name: m[1]!, quoted });
      i += 1 + m[1]!.length;
      return;
    }
    push({ kind: "lit", text: "$", quoted });
    i++;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === "\\" && i + 1 < src.length) {
      if (src[i + 1] === "\n") {
        i += 2;
        continue;
      }
      push({ kind: "lit", text: src[i + 1]!, quoted: true });
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end === -1) throw new ParseError("Unterminated quoted string");
      push({ kind: "lit", text: src.slice(i + 1, end), quoted: true });
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      if (!parts) parts = [];
      let closed = false;
      while (i < src.length) {
        const d = src[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === "\\" && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1]!)) {
          push({ kind: "lit", text: src[i + 1]!, quoted: true });
          i += 2;
          continue;
        }
        if (d === "$") {
          readDollar(true);
          continue;
        }
        if (d === "`") {
          const end = src.indexOf("`", i + 1);
          if (end === -1) throw new ParseError("Unterminated quoted string");
          push({ kind: "cmd", script: src.slice(i + 1, end), quoted: true });
          i = end + 1;
          continue;
        }
        push({ kind: "lit", text: d, quoted: true });
        i++;
      }
      if (!closed) throw new ParseError("Unterminated quoted string");
      // An empty "" still makes a word.
      push({ kind: "lit", text: "", quoted: true });
      continue;
    }
    if (c === "$") {
      readDollar(false);
      continue;
    }
    if (c === "`") {
      const end = src.indexOf("`", i + 1);
      if (end === -1) throw new ParseError("Unterminated quoted string");
      push({ kind: "cmd", script: src.slice(i + 1, end), quoted: false });
      i = end + 1;
      continue;
    }
    if (c === "#" && !parts) {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === " " || c === "\t") {
      endWord();
      i++;
      continue;
    }
    if (c === ">" || c === "<") {
      let fd = c === ">" ? 1 : 0;
      const cur = parts as WordPart[] | null;
      const only = cur && cur.length === 1 ? cur[0] : undefined;
      if (only && only.kind === "lit" && !only.quoted && /^[0-9]$/.test(only.text)) {
        fd = Number(only.text);
        parts = null;
      } else endWord();
      let op = c;
      i++;
      if (src[i] === ">" || src[i] === "&") op += src[i++]!;
      out.push({ type: "redir", fd, op });
      continue;
    }
    if (c === "&" && src[i + 1] === ">") {
      endWord();
      out.push({ type: "redir", fd: -1, op: ">" });
      i += 2;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "&&" || two === "||" || two === ";;") {
      endWord();
      out.push({ type: "op", op: two });
      i += 2;
      continue;
    }
    if (c === ";" || c === "|" || c === "&" || c === "\n" || c === "(" || c === ")") {
      endWord();
      out.push({ type: "op", op: c === "\n" ? ";" : c });
      i++;
      continue;
    }
    push({ kind: "lit", text: c, quoted: false });
    i++;
  }
  endWord();
  return out;
}

function findParen(src: string, from: number): number {
  let depth = 1;
  let quote: string | null = null;
  for (let j = from; j < src.length; j++) {
    const c = src[j];
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) return j;
    }
  }
  throw new ParseError("Syntax error: end of file unexpected (expecting \")\")");
}

function findClose(src: string, from: number, _open: string, close: string): number {
  let depth = 0;
  for (let j = from; j < src.length; j++) {
    if (src[j] === "(") depth++;
    else if (src.startsWith(close, j) && depth === 0) return j;
    else if (src[j] === ")") depth--;
  }
  throw new ParseError("Syntax error: end of file unexpected");
}

// ---------- AST ----------

interface Redirect {
  fd: number;
  op: string;
  target: WordTok;
}
type Cmd =
  | { kind: "simple"; words: WordTok[]; redirects: Redirect[] }
  | { kind: "while"; until: boolean; cond: List; body: List }
  | { kind: "for"; name: string; items: WordTok[]; body: List }
  | { kind: "if"; branches: { cond: List; body: List }[]; otherwise?: List }
  | { kind: "group"; body: List };
interface AndOr {
  first: Cmd[];
  rest: { op: "&&" | "||"; pipeline: Cmd[] }[];
}
type List = AndOr[];

const KEYWORDS = new Set(["while", "until", "do", "done", "for", "in", "if", "then", "elif", "else", "fi", "{", "}"]);

function wordText(w: Token | undefined): string | undefined {
  if (!w || w.type !== "word" || w.parts.length !== 1) return undefined;
  const p = w.parts[0]!;
  return p.kind === "lit" && !p.quoted ? p.text : undefined;
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Token[]) {}

  parseAll(): List {
    const list = this.list(new Set());
    if (this.pos < this.toks.length) {
      const t = this.toks[this.pos]!;
      throw new ParseError(`Syntax error: "${t.type === "op" ? t.op : wordText(t) ?? "word"}" unexpected`);
    }
    return list;
  }

  private peekKeyword(): string | undefined {
    const t = wordText(this.toks[this.pos]);
    return t !== undefined && KEYWORDS.has(t) ? t : undefined;
  }

  private skipSeparators() {
    for (;;) {
      const t = this.toks[this.pos];
      if (t && t.type === "op" && (t.op === ";" || t.op === "&")) this.pos++;
      else break;
    }
  }

  private list(stop: Set<string>): List {
    const out: List = [];
    this.skipSeparators();
    while (this.pos < this.toks.length) {
      const kw = this.peekKeyword();
      if (kw && stop.has(kw)) break;
      const t = this.toks[this.pos]!;
      if (t.type === "op" && t.op === ")") break;
      out.push(this.andOr(stop));
      this.skipSeparators();
    }
    return out;
  }

  private andOr(stop: Set<string>): AndOr {
    const first = this.pipeline(stop);
    const rest: AndOr["rest"] = [];
    for (;;) {
      const t = this.toks[this.pos];
      if (t && t.type === "op" && (t.op === "&&" || t.op === "||")) {
        this.pos++;
        while (this.toks[this.pos]?.type === "op" && (this.toks[this.pos] as OpTok).op === ";") this.pos++;
        rest.push({ op: t.op, pipeline: this.pipeline(stop) });
      } else break;
    }
    return { first, rest };
  }

  private pipeline(stop: Set<string>): Cmd[] {
    const cmds = [this.command(stop)];
    for (;;) {
      const t = this.toks[this.pos];
      if (t && t.type === "op" && t.op === "|") {
        this.pos++;
        cmds.push(this.command(stop));
      } else break;
    }
    return cmds;
  }

  private expectKeyword(k: string) {
    if (this.peekKeyword() !== k) {
      const t = this.toks[this.pos];
      const what = t ? (t.type === "op" ? t.op : wordText(t) ?? "word") : "end of file";
      throw new ParseError(`Syntax error: ${what === "end of file" ? "end of file" : `"${what}"`} unexpected (expecting "${k}")`);
    }
    this.pos++;
  }

  private command(stop: Set<string>): Cmd {
    const kw = this.peekKeyword();
    if (kw === "while" || kw === "until") {
      this.pos++;
      const cond = this.list(new Set(["do"]));
      this.expectKeyword("do");
      const body = this.list(new Set(["done"]));
      this.expectKeyword("done");
      return { kind: "while", until: kw === "until", cond, body };
    }
    if (kw === "for") {
      this.pos++;
      const name = wordText(this.toks[this.pos]);
      if (!name) throw new ParseError("Syntax error: Bad for loop variable");
      this.pos++;
      const items: WordTok[] = [];
      if (this.peekKeyword() === "in") {
        this.pos++;
        while (this.pos < this.toks.length && this.toks[this.pos]!.type === "word" && this.peekKeyword() !== "do") {
          items.push(this.toks[this.pos++] as WordTok);
        }
      }
      this.skipSeparators();
      this.expectKeyword("do");
      const body = this.list(new Set(["done"]));
      this.expectKeyword("done");
      return { kind: "for", name, items, body };
    }
    if (kw === "if") {
      this.pos++;
      const branches: { cond: List; body: List }[] = [];
      let otherwise: List | undefined;
      const cond = this.list(new Set(["then"]));
      this.expectKeyword("then");
      branches.push({ cond, body: this.list(new Set(["elif", "else", "fi"])) });
      for (;;) {
        const k = this.peekKeyword();
        if (k === "elif") {
          this.pos++;
          const c = this.list(new Set(["then"]));
          this.expectKeyword("then");
          branches.push({ cond: c, body: this.list(new Set(["elif", "else", "fi"])) });
        } else if (k === "else") {
          this.pos++;
          otherwise = this.list(new Set(["fi"]));
        } else break;
      }
      this.expectKeyword("fi");
      return otherwise ? { kind: "if", branches, otherwise } : { kind: "if", branches };
    }
    if (kw === "{") {
      this.pos++;
      const body = this.list(new Set(["}"]));
      this.expectKeyword("}");
      return { kind: "group", body };
    }
    const t = this.toks[this.pos];
    if (t && t.type === "op" && t.op === "(") {
      this.pos++;
      const body = this.list(new Set());
      const close = this.toks[this.pos];
      if (!close || close.type !== "op" || close.op !== ")") throw new ParseError('Syntax error: end of file unexpected (expecting ")")');
      this.pos++;
      return { kind: "group", body };
    }
    const words: WordTok[] = [];
    const redirects: Redirect[] = [];
    while (this.pos < this.toks.length) {
      const tok = this.toks[this.pos]!;
      if (tok.type === "op") break;
      if (tok.type === "redir") {
        const target = this.toks[this.pos + 1];
        if (!target || target.type !== "word") throw new ParseError("Syntax error: newline unexpected");
        redirects.push({ fd: tok.fd, op: tok.op, target });
        this.pos += 2;
        continue;
      }
      const w = wordText(tok);
      if (words.length === 0 && w !== undefined && KEYWORDS.has(w) && (stop.has(w) || w !== "{")) break;
      words.push(tok);
      this.pos++;
    }
    if (words.length === 0 && redirects.length === 0) {
      const tok = this.toks[this.pos];
      const what = tok ? (tok.type === "op" ? tok.op : wordText(tok) ?? "word") : "end of file";
      throw new ParseError(`Syntax error: ${what === "end of file" ? "end of file" : `"${what}"`} unexpected`);
    }
    return { kind: "simple", words, redirects };
  }
}

// ---------- execution ----------

type Expanded = TextPart[];

const MAX_STEPS = 20_000;
const MAX_FINITE_ITERATIONS = 5_000;

class Stop extends Error {}

interface State {
  t: number;
  lines: TimedLine[];
  status: number;
  vars: Record<string, string>;
  exit?: { atMs: number; code: number };
  forever?: boolean;
  loop?: ShellRun["loop"];
  execServer?: ShellRun["execServer"];
  steps: number;
}

function flatten(parts: Expanded): string {
  return parts.map((p) => (typeof p === "string" ? p : "")).join("");
}

function parseDuration(text: string): number | "infinity" | null {
  if (text === "infinity" || text === "inf") return "infinity";
  const m = /^([0-9]*\.?[0-9]+)([smhd]?)$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const mult = m[2] === "m" ? 60_000 : m[2] === "h" ? 3_600_000 : m[2] === "d" ? 86_400_000 : 1000;
  return Math.round(n * mult);
}

class Interpreter {
  constructor(private readonly ctx: ShellContext) {}

  private notFoundText(name: string): string {
    switch (this.ctx.flavour) {
      case "busybox":
        return `${this.ctx.shellName}: ${name}: not found`;
      case "dash":
        return `${this.ctx.shellName}: 1: ${name}: not found`;
      case "bash":
        return `${this.ctx.shellName}: line 1: ${name}: command not found`;
    }
  }

  emit(s: State, stream: Stream, parts: TextPart[]) {
    // Adjacent strings merge, so a plain line is a single part.
    const merged: TextPart[] = [];
    for (const p of parts) {
      const last = merged[merged.length - 1];
      if (typeof p === "string" && typeof last === "string") merged[merged.length - 1] = last + p;
      else merged.push(p);
    }
    s.lines.push({ atMs: s.t, stream, parts: merged.length === 0 ? [""] : merged });
  }

  /** Splits text parts into output lines at "\n". */
  emitText(s: State, stream: Stream, parts: TextPart[], trailingNewline: boolean) {
    let cur: TextPart[] = [];
    let emitted = 0;
    const flush = () => {
      this.emit(s, stream, cur);
      cur = [];
      emitted++;
    };
    for (const p of parts) {
      if (typeof p !== "string") {
        cur.push(p);
        continue;
      }
      const pieces = p.split("\n");
      pieces.forEach((piece, idx) => {
        if (idx > 0) flush();
        if (piece !== "") cur.push(piece);
      });
    }
    // `echo ""` still writes an (empty) line.
    if (cur.length > 0 || (trailingNewline && emitted === 0)) flush();
  }

  expandWord(s: State, w: WordTok): Expanded[] {
    // Returns one or more fields (unquoted expansions split on blanks).
    const fields: Expanded[] = [[]];
    let sawQuoted = false;
    const cur = () => fields[fields.length - 1]!;
    const appendText = (text: string, quoted: boolean) => {
      if (quoted) {
        sawQuoted = true;
        cur().push(text);
        return;
      }
      const pieces = text.split(/[ \t\n]+/);
      pieces.forEach((piece, idx) => {
        if (idx > 0 && (cur().length > 0 || sawQuoted)) fields.push([]);
        if (piece !== "") cur().push(piece);
      });
    };
    for (const p of w.parts) {
      if (p.kind === "lit") {
        if (p.quoted) sawQuoted = true;
        cur().push(p.text);
      } else if (p.kind === "var") appendText(this.lookup(s, p.name), p.quoted);
      else if (p.kind === "arith") appendText(String(this.arith(s, p.expr)), p.quoted);
      else {
        const sub = this.substitute(s, p.script);
        if (p.quoted) {
          sawQuoted = true;
          cur().push(...sub);
        } else if (sub.every((x) => typeof x === "string")) appendText(sub.join(""), false);
        else cur().push(...sub);
      }
    }
    return fields.filter((f, idx) => f.length > 0 || (idx === 0 && sawQuoted)).map((f) => (f.length === 0 ? [""] : f));
  }

  /** `$(...)`: the output of the commands the course uses inside substitutions. */
  private substitute(s: State, script: string): TextPart[] {
    const words = script.trim().split(/\s+/);
    switch (words[0]) {
      case "date":
        return [{ clock: "busybox-date" }];
      case "hostname":
        return [this.ctx.hostname];
      case "echo":
        return [words.slice(1).join(" ").replace(/^["']|["']$/g, "")];
      case "whoami":
        return ["root"];
      case "expr": {
        try {
          return [String(this.arith(s, words.slice(1).join(" ")))];
        } catch {
          return [""];
        }
      }
      default:
        return [""];
    }
  }

  private lookup(s: State, name: string): string {
    if (name === "?") return String(s.status);
    if (name === "$") return "1";
    if (name === "0") return this.ctx.shellName;
    if (name === "#") return "0";
    if (name === "HOSTNAME" && s.vars[name] === undefined) return this.ctx.hostname;
    const def = /^([A-Za-z_][A-Za-z0-9_]*)(:?[-=])(.*)$/.exec(name);
    if (def) {
      const v = s.vars[def[1]!];
      if (v === undefined || (def[2]!.startsWith(":") && v === "")) return def[3]!;
      return v;
    }
    return s.vars[name] ?? "";
  }

  arith(s: State, expr: string): number {
    let i = 0;
    const src = expr;
    const ws = () => {
      while (src[i] === " " || src[i] === "\t") i++;
    };
    const primary = (): number => {
      ws();
      if (src[i] === "(") {
        i++;
        const v = add();
        ws();
        if (src[i] !== ")") throw new ParseError("arithmetic syntax error");
        i++;
        return v;
      }
      if (src[i] === "-") {
        i++;
        return -primary();
      }
      if (src[i] === "+") {
        i++;
        return primary();
      }
      const num = /^[0-9]+/.exec(src.slice(i));
      if (num) {
        i += num[0].length;
        return Number(num[0]);
      }
      const v = /^\$?([A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
      if (v) {
        i += v[0].length;
        const n = Number(s.vars[v[1]!] ?? "0");
        return Number.isFinite(n) ? Math.trunc(n) : 0;
      }
      throw new ParseError("arithmetic syntax error");
    };
    const mul = (): number => {
      let v = primary();
      for (;;) {
        ws();
        const op = src[i];
        if (op !== "*" && op !== "/" && op !== "%") return v;
        i++;
        const r = primary();
        if ((op === "/" || op === "%") && r === 0) throw new ParseError("divide by zero");
        v = op === "*" ? v * r : op === "/" ? Math.trunc(v / r) : v % r;
      }
    };
    const add = (): number => {
      let v = mul();
      for (;;) {
        ws();
        const op = src[i];
        if (op !== "+" && op !== "-") return v;
        i++;
        const r = mul();
        v = op === "+" ? v + r : v - r;
      }
    };
    const cmp = (): number => {
      const v = add();
      ws();
      const m = /^(<=|>=|==|!=|<|>)/.exec(src.slice(i));
      if (!m) return v;
      i += m[0].length;
      const r = add();
      switch (m[0]) {
        case "<=":
          return v <= r ? 1 : 0;
        case ">=":
          return v >= r ? 1 : 0;
        case "==":
          return v === r ? 1 : 0;
        case "!=":
          return v !== r ? 1 : 0;
        case "<":
          return v < r ? 1 : 0;
        default:
          return v > r ? 1 : 0;
      }
    };
    const v = cmp();
    ws();
    if (i < src.length) throw new ParseError("arithmetic syntax error");
    return v;
  }

  private tick(s: State) {
    if (++s.steps > MAX_STEPS) {
      // A script that spins without ever sleeping: treat it as running forever.
      s.forever = true;
      throw new Stop();
    }
  }

  runList(s: State, list: List) {
    for (const ao of list) this.runAndOr(s, ao);
  }

  private runAndOr(s: State, ao: AndOr) {
    this.runPipeline(s, ao.first);
    for (const r of ao.rest) {
      if ((r.op === "&&" && s.status === 0) || (r.op === "||" && s.status !== 0)) this.runPipeline(s, r.pipeline);
    }
  }

  private runPipeline(s: State, cmds: Cmd[]) {
    if (cmds.length === 1) {
      this.runCmd(s, cmds[0]!);
      return;
    }
    // Only the last command's output reaches the log; earlier stages feed it.
    const saved = s.lines.length;
    for (let k = 0; k < cmds.length - 1; k++) this.runCmd(s, cmds[k]!);
    const fed = s.lines.splice(saved).filter((l) => l.stream === "stderr");
    const last = cmds[cmds.length - 1]!;
    const lastName = last.kind === "simple" && last.words[0] ? flatten(this.expandWord(s, last.words[0])[0] ?? []) : "";
    if (lastName === "cat" || lastName === "tee") {
      s.lines.push(...fed);
      s.status = 0;
      return;
    }
    s.lines.push(...fed);
    this.runCmd(s, last);
  }

  private runCmd(s: State, cmd: Cmd) {
    this.tick(s);
    switch (cmd.kind) {
      case "simple":
        return this.runSimple(s, cmd);
      case "group":
        return this.runList(s, cmd.body);
      case "if": {
        for (const b of cmd.branches) {
          this.runList(s, b.cond);
          if (s.status === 0) {
            this.runList(s, b.body);
            return;
          }
        }
        if (cmd.otherwise) this.runList(s, cmd.otherwise);
        else s.status = 0;
        return;
      }
      case "for": {
        const items = cmd.items.flatMap((w) => this.expandWord(s, w)).map(flatten);
        for (const item of items) {
          s.vars[cmd.name] = item;
          this.runList(s, cmd.body);
        }
        return;
      }
      case "while":
        return this.runWhile(s, cmd);
    }
  }

  private isAlwaysTrue(cond: List): boolean {
    if (cond.length !== 1 || cond[0]!.rest.length > 0 || cond[0]!.first.length !== 1) return false;
    const c = cond[0]!.first[0]!;
    if (c.kind !== "simple" || c.words.length === 0) return false;
    const name = wordText(c.words[0]);
    if (name === "true" || name === ":") return true;
    if (name === "sleep" && c.words.length === 2) {
      const d = wordText(c.words[1]);
      return d !== undefined && parseDuration(d) !== null;
    }
    return false;
  }

  private runWhile(s: State, cmd: Extract<Cmd, { kind: "while" }>) {
    if (!cmd.until && this.isAlwaysTrue(cmd.cond)) {
      // An endless loop: run one iteration and repeat it for ever.
      const start = s.t;
      const before = s.lines.length;
      this.runList(s, cmd.cond);
      this.runList(s, cmd.body);
      const body = s.lines.splice(before).map((l) => ({ ...l, atMs: l.atMs - start }));
      s.loop = { startMs: start, periodMs: Math.max(1, s.t - start), lines: body };
      s.forever = true;
      throw new Stop();
    }
    for (let n = 0; ; n++) {
      if (n >= MAX_FINITE_ITERATIONS) {
        s.forever = true;
        throw new Stop();
      }
      this.runList(s, cmd.cond);
      const ok = cmd.until ? s.status !== 0 : s.status === 0;
      if (!ok) break;
      this.runList(s, cmd.body);
    }
    s.status = 0;
  }

  private runSimple(s: State, cmd: Extract<Cmd, { kind: "simple" }>) {
    const fields = cmd.words.flatMap((w) => this.expandWord(s, w));
    // Leading NAME=value words are assignments.
    let k = 0;
    const assigns: [string, string][] = [];
    while (k < fields.length) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(flatten(fields[k]!));
      if (!m) break;
      assigns.push([m[1]!, m[2]!]);
      k++;
    }
    const argv = fields.slice(k);
    if (argv.length === 0) {
      for (const [n, v] of assigns) s.vars[n] = v;
      s.status = 0;
      return;
    }
    let out: Stream | null = "stdout";
    let err: Stream | null = "stderr";
    for (const r of cmd.redirects) {
      const target = flatten(this.expandWord(s, r.target)[0] ?? []);
      if (r.op === "<") continue;
      const to: Stream | null = r.op === ">&" ? (target === "2" ? "stderr" : target === "1" ? "stdout" : null) : null;
      if (r.fd === 1 || r.fd === -1) out = to;
      if (r.fd === 2 || r.fd === -1) err = r.op === ">&" && target === "1" ? out : to;
    }
    this.builtin(s, argv, out, err);
  }

  private say(s: State, stream: Stream | null, parts: TextPart[]) {
    if (stream) this.emitText(s, stream, parts, true);
  }

  builtin(s: State, argv: Expanded[], out: Stream | null, err: Stream | null) {
    const name = flatten(argv[0]!);
    const args = argv.slice(1);
    const text = args.map(flatten);
    const base = name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name;
    switch (base) {
      case "echo": {
        let rest = args;
        let newline = true;
        let escapes = this.ctx.flavour === "dash";
        while (rest.length > 0 && /^-[neE]+$/.test(flatten(rest[0]!))) {
          const f = flatten(rest[0]!);
          if (f.includes("n")) newline = false;
          if (f.includes("e")) escapes = true;
          if (f.includes("E")) escapes = false;
          rest = rest.slice(1);
        }
        const parts: TextPart[] = [];
        rest.forEach((w, idx) => {
          if (idx > 0) parts.push(" ");
          parts.push(...w.map((p) => (typeof p === "string" && escapes ? unescape(p) : p)));
        });
        if (out) this.emitText(s, out, parts.length === 0 ? [""] : parts, newline);
        s.status = 0;
        return;
      }
      case "printf": {
        const fmt = text[0] ?? "";
        const outText = formatPrintf(fmt, text.slice(1));
        if (out && outText !== "") this.emitText(s, out, [outText.endsWith("\n") ? outText.slice(0, -1) : outText], true);
        s.status = 0;
        return;
      }
      case "sleep": {
        const d = parseDuration(text[0] ?? "");
        if (d === null) {
          this.say(s, err, [`sleep: invalid number '${text[0] ?? ""}'`]);
          s.status = 1;
          return;
        }
        if (d === "infinity") {
          s.forever = true;
          throw new Stop();
        }
        s.t += d;
        s.status = 0;
        return;
      }
      case "true":
      case ":":
        s.status = 0;
        return;
      case "false":
        s.status = 1;
        return;
      case "exit": {
        const code = text[0] !== undefined ? Number(text[0]) : s.status;
        s.exit = { atMs: s.t, code: Number.isFinite(code) ? ((code % 256) + 256) % 256 : 2 };
        throw new Stop();
      }
      case "date":
        this.say(s, out, [{ clock: "busybox-date" }]);
        s.status = 0;
        return;
      case "hostname":
        this.say(s, out, [this.ctx.hostname]);
        s.status = 0;
        return;
      case "whoami":
        this.say(s, out, ["root"]);
        s.status = 0;
        return;
      case "env":
      case "printenv": {
        const vars: Record<string, string> = { HOSTNAME: this.ctx.hostname, ...s.vars };
        if (base === "printenv" && text.length > 0) {
          const v = vars[text[0]!];
          if (v !== undefined) this.say(s, out, [v]);
          s.status = v === undefined ? 1 : 0;
          return;
        }
        for (const [k, v] of Object.entries(vars)) this.say(s, out, [`${k}=${v}`]);
        s.status = 0;
        return;
      }
      case "export":
      case "readonly":
        for (const a of text) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
          if (m) s.vars[m[1]!] = m[2]!;
        }
        s.status = 0;
        return;
      case "set":
      case "trap":
      case "unset":
      case "cd":
      case "wait":
      case "shift":
      case "kill":
        if (base === "unset") for (const a of text) delete s.vars[a];
        s.status = 0;
        return;
      case "test":
      case "[": {
        const t = base === "[" ? text.slice(0, -1) : text;
        if (base === "[" && text[text.length - 1] !== "]") {
          this.say(s, err, [`${this.ctx.shellName}: missing ]`]);
          s.status = 2;
          return;
        }
        s.status = evalTest(t) ? 0 : 1;
        return;
      }
      case "cat": {
        for (const f of text) {
          if (f === "/etc/hostname") this.say(s, out, [this.ctx.hostname]);
          else {
            this.say(s, err, [this.ctx.flavour === "busybox" ? `cat: can't open '${f}': No such file or directory` : `cat: ${f}: No such file or directory`]);
            s.status = 1;
            return;
          }
        }
        s.status = 0;
        return;
      }
      case "tail":
        if (text.includes("-f") || text.includes("-F")) {
          s.forever = true;
          throw new Stop();
        }
        s.status = 0;
        return;
      case "exec": {
        if (args.length === 0) {
          s.status = 0;
          return;
        }
        this.builtin(s, args, out, err);
        if (!s.forever) {
          s.exit = { atMs: s.t, code: s.status };
          throw new Stop();
        }
        return;
      }
      default: {
        if (this.ctx.servers?.has(base)) {
          s.execServer = { argv: [name, ...text], atMs: s.t };
          s.forever = true;
          throw new Stop();
        }
        if (!this.ctx.tools.has(base)) {
          this.say(s, err, [this.notFoundText(name)]);
          s.status = 127;
          return;
        }
        s.status = 0;
      }
    }
  }
}

function unescape(text: string): string {
  return text.replace(/\\([nt\\c])/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c === "\\" ? "\\" : ""));
}

function formatPrintf(fmt: string, args: string[]): string {
  let k = 0;
  const once = () =>
    unescape(fmt).replace(/%([sdi%])/g, (_, c: string) => {
      if (c === "%") return "%";
      const a = args[k++] ?? "";
      return c === "s" ? a : String(Math.trunc(Number(a) || 0));
    });
  let out = once();
  // printf reuses the format while arguments remain.
  while (k > 0 && k < args.length) out += once();
  return out;
}

function evalTest(t: string[]): boolean {
  if (t.length === 0) return false;
  if (t[0] === "!") return !evalTest(t.slice(1));
  if (t.length === 1) return t[0] !== "";
  if (t.length === 2) {
    if (t[0] === "-z") return t[1] === "";
    if (t[0] === "-n") return t[1] !== "";
    if (t[0] === "-d") return t[1] === "/" || t[1] === "/tmp" || t[1] === "/etc";
    if (t[0] === "-f" || t[0] === "-e") return t[1] === "/etc/hostname" || t[1] === "/etc/hosts";
    return false;
  }
  const [a = "", op = "", b = ""] = t;
  const na = Number(a);
  const nb = Number(b);
  switch (op) {
    case "=":
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case "-eq":
      return na === nb;
    case "-ne":
      return na !== nb;
    case "-lt":
      return na < nb;
    case "-le":
      return na <= nb;
    case "-gt":
      return na > nb;
    case "-ge":
      return na >= nb;
    default:
      return false;
  }
}

function finish(s: State): ShellRun {
  const run: ShellRun = { lines: s.lines };
  if (s.loop) run.loop = s.loop;
  if (s.execServer) run.execServer = s.execServer;
  if (!s.forever) run.exit = s.exit ?? { atMs: s.t, code: s.status };
  return run;
}

function newState(ctx: ShellContext): State {
  return { t: 0, lines: [], status: 0, vars: { ...ctx.env }, steps: 0 };
}

/** Simulates `sh -c <script>`. */
export function runShellScript(script: string, ctx: ShellContext): ShellRun {
  const interp = new Interpreter(ctx);
  const s = newState(ctx);
  let ast: List;
  try {
    ast = new Parser(tokenize(script)).parseAll();
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const prefix = ctx.flavour === "dash" ? `${ctx.shellName}: 1: ` : ctx.flavour === "bash" ? `${ctx.shellName}: -c: line 1: ` : `${ctx.shellName}: `;
    const msg = ctx.flavour === "bash" ? e.message.replace(/^Syntax error: /, "syntax error: ") : e.message.replace(/^Syntax error: /, "syntax error: ");
    return { lines: [{ atMs: 0, stream: "stderr", parts: [`${prefix}${msg}`] }], exit: { atMs: 0, code: 2 } };
  }
  try {
    interp.runList(s, ast);
  } catch (e) {
    if (!(e instanceof Stop)) {
      if (e instanceof ParseError) {
        interp.emit(s, "stderr", [`${ctx.shellName}: arithmetic syntax error`]);
        return { lines: s.lines, exit: { atMs: s.t, code: 2 } };
      }
      throw e;
    }
  }
  return finish(s);
}

/** Simulates exec'ing `argv` directly (no shell): `docker run busybox sleep 10`. */
export function runCommand(argv: string[], ctx: ShellContext): ShellRun {
  const name = argv[0] ?? "";
  const base = name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name;
  if (!ctx.tools.has(base) && !ctx.servers?.has(base)) return { lines: [], notFound: name };
  const interp = new Interpreter(ctx);
  const s = newState(ctx);
  const words: Expanded[] = argv.map((a) => [a]);
  try {
    // Builtin-only names (exit, export, ...) are not programs: exec fails on them.
    if (["exit", "export", "set", "trap", "cd", "unset", "exec", "readonly", "shift", "wait"].includes(base)) return { lines: [], notFound: name };
    interp.builtin(s, words, "stdout", "stderr");
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  if (s.status === 127 && !s.forever) return { lines: [], notFound: name };
  return finish(s);
}
