// The shell a learner gets inside a container (`kubectl exec -it POD -- sh`, `docker exec -it C
// bash`): Debian's dash, bash, or BusyBox's ash, reading one line at a time. It keeps what a
// shell keeps between lines (working directory, variables, $?) in a small JSON state, runs its
// builtins itself (cd, pwd, export, unset, exit, echo, printf, ...) and hands every other
// program to the container runtime. Lists (; && ||), pipelines, quotes, $VAR, ${VAR:-x},
// $(...), $((...)), globs, ~, if/for/while/until, { } and ( ), and redirections to /dev/null,
// between 1 and 2, and from files are understood; case, functions and here-documents are not,
// and a line is never continued on the next. Files written by redirections are not kept.
import { echoEscapes, formatPrintf } from "../shell/printf";
import { globMatch } from "../shell/pattern";
import type { CommandResult } from "../shell/types";
import { joinPath, type RootFs } from "./rootfs";

export type ContainerShellFlavour = "dash" | "bash" | "ash";

/** What the shell keeps between lines. */
export interface ContainerShellState {
  cwd: string;
  /** Exported variables set in this shell (commands get them on top of the container's). */
  env: Record<string, string>;
  /** Shell variables that are not exported. */
  vars: Record<string, string>;
  /** Names unset in this shell (of the container's environment). */
  unset?: string[];
  /** $? */
  status: number;
  /** Lines read so far (dash numbers its messages with them). */
  line: number;
}

export interface ContainerShellHost {
  flavour: ContainerShellFlavour;
  /** How the shell was started ("sh", "/bin/bash"): its messages start with it. */
  argv0: string;
  /** Reading from a terminal (prompts, "exit" on exit) rather than from a pipe. */
  interactive: boolean;
  /** The environment the container gives its processes. */
  baseEnv: [string, string][];
  home: string;
  fs: RootFs;
  /** Runs a program of the image; notFound when the image has no such program. */
  exec(argv: string[], io: { stdin: string; cwd: string; env: [string, string][]; tty: boolean }): CommandResult | { notFound: true };
}

export interface LineResult {
  output: string;
  /** The shell exited (exit, or a fatal error) with this status. */
  exit?: number;
}

// ---------- parsing ----------

type Part =
  | { kind: "lit"; text: string; quoted: boolean }
  | { kind: "var"; name: string; quoted: boolean }
  | { kind: "cmd"; script: string; quoted: boolean }
  | { kind: "arith"; expr: string; quoted: boolean }
  | { kind: "tilde"; user: string };

interface Word {
  parts: Part[];
}

interface Redirect {
  fd: number;
  op: ">" | ">>" | "<" | ">&";
  target: Word;
}

interface Simple {
  kind: "simple";
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

/** for NAME [in WORDS]; do LIST; done / while|until LIST; do LIST; done / if ... fi / { LIST; } / ( LIST ) */
type Compound =
  | { kind: "for"; name: string; items: Word[] | null; body: ListItem[]; redirects: Redirect[] }
  | { kind: "while"; until: boolean; cond: ListItem[]; body: ListItem[]; redirects: Redirect[] }
  | { kind: "if"; clauses: { cond: ListItem[]; body: ListItem[] }[]; otherwise?: ListItem[]; redirects: Redirect[] }
  | { kind: "group"; subshell: boolean; body: ListItem[]; redirects: Redirect[] };

type Command = Simple | Compound;

interface Pipeline {
  commands: Command[];
  negate: boolean;
}

interface ListItem {
  op: ";" | "&&" | "||";
  pipeline: Pipeline;
}

class SyntaxError_ extends Error {}

function matchClose(src: string, from: number): number {
  // `from` is just after "$(": find the matching ")".
  let depth = 1;
  let quote: string | null = null;
  for (let i = from; i < src.length; i++) {
    const c = src[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"') i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

type Token = { t: "word"; word: Word } | { t: "op"; op: string } | { t: "redir"; fd: number; op: Redirect["op"] };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let word: Part[] | null = null;
  const pushLit = (text: string, quoted: boolean) => {
    word ??= [];
    const last = word[word.length - 1];
    if (last && last.kind === "lit" && last.quoted === quoted) last.text += text;
    else word.push({ kind: "lit", text, quoted });
  };
  const endWord = () => {
    if (word) out.push({ t: "word", word: { parts: word } });
    word = null;
  };
  const readDollar = (quoted: boolean) => {
    const next = src[i + 1];
    if (next === "(") {
      if (src[i + 2] === "(") {
        const end = src.indexOf("))", i + 3);
        if (end < 0) throw new SyntaxError_("Missing '))'");
        word ??= [];
        word.push({ kind: "arith", expr: src.slice(i + 3, end), quoted });
        i = end + 2;
        return;
      }
      const end = matchClose(src, i + 2);
      if (end < 0) throw new SyntaxError_("Missing ')'");
      word ??= [];
      word.push({ kind: "cmd", script: src.slice(i + 2, end), quoted });
      i = end + 1;
      return;
    }
    if (next === "{") {
      const end = src.indexOf("}", i + 2);
      if (end < 0) throw new SyntaxError_("Missing '}'");
      word ??= [];
      word.push({ kind: "var", name: src.slice(i + 2, end), quoted });
      i = end + 1;
      return;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(src.slice(i + 1));
    if (m) {
      word ??= [];
      word.push({ kind: "var", name: m[1]!, quoted });
      i += 1 + m[1]!.length;
      return;
    }
    pushLit("$", quoted);
    i++;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === "\\") {
      if (i + 1 < src.length) pushLit(src[i + 1]!, true);
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new SyntaxError_("Unterminated quoted string");
      pushLit(src.slice(i + 1, end), true);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      pushLit("", true);
      let closed = false;
      while (i < src.length) {
        const d = src[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === "\\" && i + 1 < src.length && '$`"\\'.includes(src[i + 1]!)) {
          pushLit(src[i + 1]!, true);
          i += 2;
        } else if (d === "$") readDollar(true);
        else if (d === "`") {
          const end = src.indexOf("`", i + 1);
          if (end < 0) throw new SyntaxError_("Unterminated quoted string");
          word ??= [];
          word.push({ kind: "cmd", script: src.slice(i + 1, end), quoted: true });
          i = end + 1;
        } else {
          pushLit(d, true);
          i++;
        }
      }
      if (!closed) throw new SyntaxError_("Unterminated quoted string");
      continue;
    }
    if (c === "$") {
      readDollar(false);
      continue;
    }
    if (c === "`") {
      const end = src.indexOf("`", i + 1);
      if (end < 0) throw new SyntaxError_("Unterminated quoted string");
      word ??= [];
      word.push({ kind: "cmd", script: src.slice(i + 1, end), quoted: false });
      i = end + 1;
      continue;
    }
    if (c === "#" && !word) break;
    if (c === "~" && !word) {
      const m = /^~([a-z_][a-z0-9_-]*)?(?=\/|$|\s|;|&|\|)/.exec(src.slice(i));
      if (m) {
        word = [{ kind: "tilde", user: m[1] ?? "" }];
        i += m[0].length;
        continue;
      }
    }
    if (c === " " || c === "\t" || c === "\n") {
      endWord();
      if (c === "\n") out.push({ t: "op", op: ";" });
      i++;
      continue;
    }
    if (c === ">" || c === "<") {
      let fd = c === ">" ? 1 : 0;
      const cur = word as Part[] | null;
      const only = cur && cur.length === 1 ? cur[0] : undefined;
      if (only && only.kind === "lit" && !only.quoted && /^[0-9]$/.test(only.text)) {
        fd = Number(only.text);
        word = null;
      } else endWord();
      let op: Redirect["op"] = c === ">" ? ">" : "<";
      i++;
      if (c === ">" && src[i] === ">") {
        op = ">>";
        i++;
      } else if (c === ">" && src[i] === "&") {
        op = ">&";
        i++;
      }
      out.push({ t: "redir", fd, op });
      continue;
    }
    if (c === "&" && src[i + 1] === ">") {
      endWord();
      out.push({ t: "redir", fd: -1, op: ">" });
      i += 2;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "&&" || two === "||" || two === ";;") {
      endWord();
      out.push({ t: "op", op: two });
      i += 2;
      continue;
    }
    if (c === ";" || c === "&" || c === "|" || c === "(" || c === ")") {
      endWord();
      out.push({ t: "op", op: c === "&" ? ";" : c });
      i++;
      continue;
    }
    pushLit(c, false);
    i++;
  }
  endWord();
  return out;
}

const RESERVED = new Set(["for", "in", "do", "done", "while", "until", "if", "then", "elif", "else", "fi", "{", "}", "!", "case", "esac"]);

/** The reserved word a token is (an unquoted literal word alone), if any. */
function reserved(tok: Token | undefined): string | undefined {
  if (tok?.t !== "word") return undefined;
  const p = tok.word.parts;
  if (p.length !== 1 || p[0]!.kind !== "lit" || p[0]!.quoted) return undefined;
  return RESERVED.has(p[0]!.text) ? p[0]!.text : undefined;
}

/** What a syntax error names: the token where the parser stopped. */
function shown(tok: Token | undefined): string {
  if (!tok) return "end of file";
  if (tok.t === "op") return tok.op;
  if (tok.t === "redir") return tok.op;
  return tok.word.parts.map((p) => (p.kind === "lit" ? p.text : "")).join("");
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Token[]) {}

  parse(): ListItem[] {
    const list = this.list([]);
    if (this.pos < this.toks.length) throw new SyntaxError_(shown(this.toks[this.pos]));
    return list;
  }

  private peek() {
    return this.toks[this.pos];
  }

  private isOp(op: string) {
    const t = this.peek();
    return t?.t === "op" && t.op === op;
  }

  private skipSeparators() {
    while (this.isOp(";")) this.pos++;
  }

  private expectWord(word: string) {
    this.skipSeparators();
    if (reserved(this.peek()) !== word) throw new SyntaxError_(shown(this.peek()));
    this.pos++;
  }

  /** A list up to one of `ends` (reserved words) or a ")" / end of input. */
  private list(ends: string[]): ListItem[] {
    const items: ListItem[] = [];
    let op: ListItem["op"] = ";";
    for (;;) {
      this.skipSeparators();
      const t = this.peek();
      if (!t || this.isOp(")") || ends.includes(reserved(t) ?? "")) {
        if (op !== ";") throw new SyntaxError_(shown(t));
        return items;
      }
      items.push({ op, pipeline: this.pipeline() });
      const next = this.peek();
      if (next?.t === "op" && (next.op === "&&" || next.op === "||")) {
        op = next.op;
        this.pos++;
      } else if (next?.t === "op" && next.op === ";") {
        op = ";";
      } else if (next && !(next.t === "op" && next.op === ")") && !ends.includes(reserved(next) ?? "")) {
        throw new SyntaxError_(shown(next));
      } else op = ";";
    }
  }

  private pipeline(): Pipeline {
    const p: Pipeline = { commands: [], negate: false };
    if (reserved(this.peek()) === "!") {
      p.negate = true;
      this.pos++;
    }
    p.commands.push(this.command());
    while (this.isOp("|")) {
      this.pos++;
      while (this.isOp(";") && this.peek()) this.pos++;
      p.commands.push(this.command());
    }
    return p;
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t?.t !== "redir") return out;
      this.pos++;
      const target = this.peek();
      if (target?.t !== "word") throw new SyntaxError_(shown(target));
      this.pos++;
      if (t.fd === -1) {
        out.push({ fd: 1, op: ">", target: target.word }, { fd: 2, op: ">&", target: { parts: [{ kind: "lit", text: "1", quoted: false }] } });
      } else out.push({ fd: t.fd, op: t.op, target: target.word });
    }
  }

  private command(): Command {
    const t = this.peek();
    const word = reserved(t);
    if (t?.t === "op" && t.op === "(") {
      this.pos++;
      const body = this.list([]);
      if (!this.isOp(")")) throw new SyntaxError_(shown(this.peek()));
      this.pos++;
      return { kind: "group", subshell: true, body, redirects: this.redirects() };
    }
    if (word === "{") {
      this.pos++;
      const body = this.list(["}"]);
      this.expectWord("}");
      return { kind: "group", subshell: false, body, redirects: this.redirects() };
    }
    if (word === "for") {
      this.pos++;
      const nameTok = this.peek();
      const name = nameTok?.t === "word" ? shown(nameTok) : "";
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new SyntaxError_(shown(nameTok));
      this.pos++;
      let items: Word[] | null = null;
      this.skipSeparators();
      if (reserved(this.peek()) === "in") {
        this.pos++;
        items = [];
        for (let w = this.peek(); w?.t === "word"; w = this.peek()) {
          items.push(w.word);
          this.pos++;
        }
      }
      this.expectWord("do");
      const body = this.list(["done"]);
      this.expectWord("done");
      return { kind: "for", name, items, body, redirects: this.redirects() };
    }
    if (word === "while" || word === "until") {
      this.pos++;
      const cond = this.list(["do"]);
      this.expectWord("do");
      const body = this.list(["done"]);
      this.expectWord("done");
      return { kind: "while", until: word === "until", cond, body, redirects: this.redirects() };
    }
    if (word === "if") {
      this.pos++;
      const clauses: { cond: ListItem[]; body: ListItem[] }[] = [];
      let otherwise: ListItem[] | undefined;
      for (;;) {
        const cond = this.list(["then"]);
        this.expectWord("then");
        const body = this.list(["elif", "else", "fi"]);
        clauses.push({ cond, body });
        this.skipSeparators();
        const w = reserved(this.peek());
        this.pos++;
        if (w === "elif") continue;
        if (w === "else") {
          otherwise = this.list(["fi"]);
          this.expectWord("fi");
        } else if (w !== "fi") throw new SyntaxError_(shown(this.toks[this.pos - 1]));
        break;
      }
      return { kind: "if", clauses, ...(otherwise ? { otherwise } : {}), redirects: this.redirects() };
    }
    if (word !== undefined && word !== "in") throw new SyntaxError_(word);
    return this.simple();
  }

  private simple(): Simple {
    const cmd: Simple = { kind: "simple", assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.peek();
      if (t?.t === "redir") {
        cmd.redirects.push(...this.redirects());
        continue;
      }
      if (t?.t !== "word") break;
      this.pos++;
      const first = t.word.parts[0];
      if (cmd.words.length === 0 && first?.kind === "lit" && !first.quoted) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
        if (m) {
          cmd.assigns.push({ name: m[1]!, value: { parts: [{ ...first, text: first.text.slice(m[0].length) }, ...t.word.parts.slice(1)] } });
          continue;
        }
      }
      cmd.words.push(t.word);
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) throw new SyntaxError_(shown(this.peek()));
    return cmd;
  }
}

function parseLine(src: string): ListItem[] {
  return new Parser(tokenize(src)).parse();
}

function arith(expr: string): number {
  // Integers with + - * / % and parentheses: enough for $((1+2)).
  const clean = expr.replace(/\s+/g, "");
  if (!/^[-+*/%()0-9]*$/.test(clean) || clean === "") return 0;
  let pos = 0;
  const num = (): number => {
    if (clean[pos] === "(") {
      pos++;
      const v = add();
      pos++;
      return v;
    }
    if (clean[pos] === "-") {
      pos++;
      return -num();
    }
    const m = /^\d+/.exec(clean.slice(pos));
    pos += m ? m[0].length : 1;
    return m ? Number(m[0]) : 0;
  };
  const mul = (): number => {
    let v = num();
    while (clean[pos] === "*" || clean[pos] === "/" || clean[pos] === "%") {
      const op = clean[pos++];
      const r = num();
      v = op === "*" ? v * r : r === 0 ? 0 : op === "/" ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const add = (): number => {
    let v = mul();
    while (clean[pos] === "+" || clean[pos] === "-") {
      const op = clean[pos++];
      const r = mul();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  };
  return add();
}

// ---------- running ----------

/** exit's status in a pipeline, where it only ends its own subshell. */
const args0 = (arg: string | undefined, status: number) => (arg === undefined ? status : /^-?\d+$/.test(arg) ? ((Number(arg) % 256) + 256) % 256 : 2);

class ExitSignal {
  constructor(readonly status: number) {}
}

/** break (brk) or continue in a loop. */
class LoopSignal {
  constructor(readonly brk: boolean) {}
}

/** Too many commands for one line (an endless loop). */
class BudgetSignal {}

/** Commands one typed line may run. */
const MAX_STEPS = 10_000;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: string;
  /** stdout is the terminal (curl's progress meter, ls's columns). */
  tty?: boolean;
}

const BUILTINS = new Set(["cd", "pwd", "export", "unset", "exit", "echo", "printf", "true", "false", ":", "type", "set", "alias", "unalias", "hash", "umask", "wait", "read", "history", "command", "test", "[", "break", "continue"]);

class Runner {
  private depth = 0;
  private steps = 0;
  constructor(
    private readonly host: ContainerShellHost,
    private readonly state: ContainerShellState,
  ) {}

  /**
   * What the shell's messages start with: dash "sh: 1: ", bash "bash: " (from a pipe
   * "bash: line 1: "), BusyBox "sh: ".
   */
  prefix(): string {
    const { flavour, argv0, interactive } = this.host;
    if (flavour === "dash") return `${argv0}: ${this.state.line}: `;
    if (flavour === "bash") return interactive ? `${argv0.slice(argv0.lastIndexOf("/") + 1)}: ` : `${argv0}: line ${this.state.line}: `;
    return `${argv0}: `;
  }

  /** ...and a builtin's: BusyBox names the builtin before the line number ("sh: cd: line 1: "). */
  bp(name: string): string {
    const { flavour, argv0, interactive } = this.host;
    if (flavour === "ash") return interactive ? `${argv0}: ${name}: ` : `${argv0}: ${name}: line ${this.state.line}: `;
    return `${this.prefix()}${name}: `;
  }

  env(): [string, string][] {
    const unset = new Set(this.state.unset ?? []);
    const out: [string, string][] = this.host.baseEnv.filter(([k]) => !unset.has(k) && !Object.hasOwn(this.state.env, k));
    for (const [k, v] of Object.entries(this.state.env)) out.push([k, v]);
    // What the shell itself exports: its directory, and (bash, ash) its nesting level.
    if (!unset.has("PWD") && !out.some(([k]) => k === "PWD")) out.push(["PWD", this.state.cwd]);
    if (this.host.flavour !== "dash" && !unset.has("SHLVL") && !out.some(([k]) => k === "SHLVL")) out.push(["SHLVL", "1"]);
    return out;
  }

  getVar(name: string): string | undefined {
    switch (name) {
      case "?":
        return String(this.state.status);
      case "$":
        return "1";
      case "#":
        return "0";
      case "0":
        return this.host.argv0;
      case "PWD":
        if (!Object.hasOwn(this.state.vars, "PWD") && !Object.hasOwn(this.state.env, "PWD")) return this.state.cwd;
        break;
      case "SHLVL":
        if (this.host.flavour !== "dash" && !Object.hasOwn(this.state.env, "SHLVL")) return "1";
    }
    if (Object.hasOwn(this.state.env, name)) return this.state.env[name];
    if (Object.hasOwn(this.state.vars, name)) return this.state.vars[name];
    if ((this.state.unset ?? []).includes(name)) return undefined;
    if (name === "HOME") return this.host.home;
    return this.host.baseEnv.find(([k]) => k === name)?.[1];
  }

  private varValue(spec: string): string {
    // ${VAR}, ${VAR:-default}, ${#VAR}
    if (spec.startsWith("#") && spec.length > 1) return String((this.getVar(spec.slice(1)) ?? "").length);
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])(:?[-=+?])?(.*)$/s.exec(spec);
    if (!m) return "";
    const v = this.getVar(m[1]!);
    const op = m[2];
    if (!op) return v ?? "";
    const empty = op.startsWith(":") ? !v : v === undefined;
    if (op.endsWith("-")) return empty ? m[3]! : v!;
    if (op.endsWith("+")) return empty ? "" : m[3]!;
    if (op.endsWith("=")) {
      if (empty) this.state.vars[m[1]!] = m[3]!;
      return empty ? m[3]! : v!;
    }
    return v ?? "";
  }

  /** A word's fields after expansion (splitting and globbing unless quoted). */
  expandWord(w: Word, split = true): string[] {
    // Each char carries whether it came from a quoted or literal context (for splitting and globs).
    let text = "";
    let splittable: boolean[] = [];
    let globby = false;
    const add = (s: string, canSplit: boolean) => {
      text += s;
      splittable = splittable.concat(new Array<boolean>(s.length).fill(canSplit));
    };
    for (const p of w.parts) {
      if (p.kind === "lit") {
        add(p.text, false);
        if (!p.quoted && /[*?[]/.test(p.text)) globby = true;
      } else if (p.kind === "tilde") add(p.user === "" ? (this.getVar("HOME") ?? "/") : p.user === "root" ? "/root" : `~${p.user}`, false);
      else if (p.kind === "var") add(this.varValue(p.name), !p.quoted && split);
      else if (p.kind === "arith") add(String(arith(p.expr.replace(/\$?\b([A-Za-z_][A-Za-z0-9_]*)\b/g, (_, n: string) => String(Number(this.getVar(n) ?? 0) || 0)))), !p.quoted && split);
      else add(this.substitute(p.script), !p.quoted && split);
    }
    const quoted = w.parts.some((p) => p.kind !== "tilde" && p.quoted);
    const fields: string[] = [];
    let cur = "";
    let has = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (splittable[i] && /\s/.test(c)) {
        if (has) fields.push(cur);
        cur = "";
        has = false;
        continue;
      }
      cur += c;
      has = true;
    }
    if (has) fields.push(cur);
    if (fields.length === 0 && quoted) fields.push("");
    if (!globby) return fields;
    return fields.flatMap((f) => this.glob(f));
  }

  private glob(pattern: string): string[] {
    if (!/[*?[]/.test(pattern)) return [pattern];
    const abs = pattern.startsWith("/");
    const segments = pattern.split("/").filter((s, i) => s !== "" || i === 0);
    let paths = [abs ? "/" : ""];
    for (const seg of segments) {
      if (seg === "") continue;
      const next: string[] = [];
      for (const base of paths) {
        const dir = joinPath(this.state.cwd, base === "" ? "." : base);
        if (!/[*?[]/.test(seg)) {
          const p = base === "" ? seg : base === "/" ? `/${seg}` : `${base}/${seg}`;
          if (this.host.fs.node(joinPath(this.state.cwd, p))) next.push(p);
          continue;
        }
        for (const name of this.host.fs.list(dir) ?? []) {
          if (name.startsWith(".") && !seg.startsWith(".")) continue;
          if (globMatch(seg, name)) next.push(base === "" ? name : base === "/" ? `/${name}` : `${base}/${name}`);
        }
      }
      paths = next;
    }
    return paths.length ? paths.sort() : [pattern];
  }

  private substitute(script: string): string {
    if (this.depth > 8) return "";
    let captured = "";
    this.depth++;
    try {
      this.runList(script, { out: (t) => (captured += t), err: (t) => this.errSink(t), stdin: "", tty: false });
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
    } finally {
      this.depth--;
    }
    return captured.replace(/\n+$/, "");
  }

  private errSink: (t: string) => void = () => {};

  run(line: string, out: (t: string) => void): void {
    this.errSink = out;
    this.runList(line, { out, err: out, stdin: "", tty: this.host.interactive });
  }

  runList(src: string, io: Io) {
    let items: ListItem[];
    try {
      items = parseLine(src);
    } catch (e) {
      if (!(e instanceof SyntaxError_)) throw e;
      io.err(this.syntaxError(e.message));
      this.state.status = 2;
      return;
    }
    this.runItems(items, io);
  }

  private runItems(items: ListItem[], io: Io) {
    for (const item of items) {
      if (item.op === "&&" && this.state.status !== 0) continue;
      if (item.op === "||" && this.state.status === 0) continue;
      let status = this.runPipeline(item.pipeline, io);
      if (item.pipeline.negate) status = status === 0 ? 1 : 0;
      this.state.status = status;
    }
  }

  /** One more command; a loop that never ends stops here, as a learner's Ctrl-C would. */
  private step() {
    if (++this.steps > MAX_STEPS) throw new BudgetSignal();
  }

  private runCompound(cmd: Compound, io: Io): number {
    // Redirections of a compound command apply to all of it.
    const r = this.applyRedirects(cmd.redirects, io);
    if (typeof r === "number") return r;
    switch (cmd.kind) {
      case "group": {
        if (!cmd.subshell) {
          this.runItems(cmd.body, r);
          return this.state.status;
        }
        // A subshell's cd and variables stay in it.
        const saved = JSON.stringify(this.state);
        try {
          this.runItems(cmd.body, r);
        } catch (e) {
          if (!(e instanceof ExitSignal)) throw e;
          this.state.status = e.status;
        }
        const status = this.state.status;
        Object.assign(this.state, { ...(JSON.parse(saved) as ContainerShellState), line: this.state.line });
        return status;
      }
      case "if":
        for (const clause of cmd.clauses) {
          this.runItems(clause.cond, r);
          if (this.state.status === 0) {
            this.runItems(clause.body, r);
            return this.state.status;
          }
        }
        if (cmd.otherwise) {
          this.runItems(cmd.otherwise, r);
          return this.state.status;
        }
        return 0;
      case "for": {
        const items = cmd.items ? cmd.items.flatMap((w) => this.expandWord(w)) : [];
        let status = 0;
        for (const item of items) {
          this.step();
          this.setVar(cmd.name, item);
          try {
            this.runItems(cmd.body, r);
          } catch (e) {
            if (!(e instanceof LoopSignal)) throw e;
            if (e.brk) break;
          }
          status = this.state.status;
        }
        return status;
      }
      case "while": {
        let status = 0;
        for (;;) {
          this.step();
          this.runItems(cmd.cond, r);
          if ((this.state.status === 0) === cmd.until) break;
          try {
            this.runItems(cmd.body, r);
          } catch (e) {
            if (!(e instanceof LoopSignal)) throw e;
            if (e.brk) break;
          }
          status = this.state.status;
        }
        return status;
      }
    }
  }

  private syntaxError(what: string): string {
    const { flavour } = this.host;
    if (what === "Unterminated quoted string") {
      if (flavour === "dash") return `${this.prefix()}Syntax error: Unterminated quoted string\n`;
      if (flavour === "ash") return `${this.prefix()}syntax error: unterminated quoted string\n`;
      return `${this.prefix()}unexpected EOF while looking for matching \`${"'"}'\n`;
    }
    if (what === "end of file") {
      if (flavour === "dash") return `${this.prefix()}Syntax error: end of file unexpected\n`;
      return `${this.prefix()}syntax error: unexpected end of file\n`;
    }
    if (flavour === "dash") return `${this.prefix()}Syntax error: "${what}" unexpected\n`;
    if (flavour === "ash") return `${this.prefix()}syntax error: unexpected "${what}"\n`;
    return `${this.prefix()}syntax error near unexpected token \`${what}'\n`;
  }

  private runPipeline(p: Pipeline, io: Io): number {
    let input = io.stdin;
    let status = 0;
    p.commands.forEach((cmd, i) => {
      const last = i === p.commands.length - 1;
      let piped = "";
      const out = last ? io.out : (t: string) => (piped += t);
      const stage: Io = { out, err: io.err, stdin: input, tty: last && io.tty === true };
      status = cmd.kind === "simple" ? this.runSimple(cmd, stage, p.commands.length > 1) : this.runCompound(cmd, stage);
      input = piped;
    });
    return status;
  }

  /** Redirections: /dev/null, 1 and 2 between each other, and < from a file; a status on failure. */
  private applyRedirects(redirects: Redirect[], io: Io): Io | number {
    let out = io.out;
    let err = io.err;
    let stdin = io.stdin;
    let tty = io.tty === true;
    for (const r of redirects) {
      const target = this.expandWord(r.target, false).join(" ");
      if (r.op === ">&") {
        if (r.fd === 2 && target === "1") err = out;
        else if (r.fd === 1 && target === "2") out = err;
        continue;
      }
      if (r.op === "<") {
        const node = this.host.fs.node(this.host.fs.resolve(joinPath(this.state.cwd, target)));
        if (!node || node.type !== "file") {
          io.err(this.host.flavour === "bash" ? `${this.prefix()}${target}: No such file or directory\n` : this.host.flavour === "dash" ? `${this.prefix()}cannot open ${target}: No such file\n` : `${this.prefix()}can't open '${target}': No such file or directory\n`);
          return 1;
        }
        stdin = node.content ?? "";
        continue;
      }
      // Anything written to a file is dropped (the container's files are not kept).
      if (r.fd === 1) {
        out = () => {};
        tty = false;
      } else if (r.fd === 2) err = () => {};
    }
    return { out, err, stdin, tty };
  }

  private runSimple(cmd: Simple, io: Io, inPipeline: boolean): number {
    this.step();
    const argv = cmd.words.flatMap((w) => this.expandWord(w));
    const assigns = cmd.assigns.map((a) => [a.name, this.expandWord(a.value, false).join(" ")] as [string, string]);
    const redirected = this.applyRedirects(cmd.redirects, io);
    if (typeof redirected === "number") return redirected;
    const { out, err, stdin, tty } = redirected;
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return 0;
    }
    const name = argv[0]!;
    if (inPipeline && name === "exit") return args0(argv[1], this.state.status);
    if (BUILTINS.has(name)) {
      const saved = assigns.map(([k]) => [k, this.state.env[k], this.state.vars[k]] as const);
      for (const [k, v] of assigns) this.setVar(k, v);
      try {
        return this.builtin(argv, { out, err, stdin });
      } finally {
        if (assigns.length) {
          for (const [k, e, v] of saved) {
            if (e === undefined) delete this.state.env[k];
            else this.state.env[k] = e;
            if (v === undefined) delete this.state.vars[k];
            else this.state.vars[k] = v;
          }
        }
      }
    }
    const env = this.env();
    for (const [k, v] of assigns) {
      const at = env.findIndex(([x]) => x === k);
      if (at >= 0) env[at] = [k, v];
      else env.push([k, v]);
    }
    const r = this.host.exec(argv, { stdin, cwd: this.state.cwd, env, tty: tty === true });
    if ("notFound" in r) {
      err(this.host.flavour === "bash" ? `${this.prefix()}${name}: command not found\n` : `${this.prefix()}${name}: not found\n`);
      return 127;
    }
    if (r.ordered) for (const [fd, text] of r.ordered) (fd === 1 ? out : err)(text);
    else {
      out(r.stdout);
      err(r.stderr);
    }
    return r.exitCode;
  }

  setVar(name: string, value: string) {
    if (Object.hasOwn(this.state.env, name) || this.host.baseEnv.some(([k]) => k === name)) this.state.env[name] = value;
    else this.state.vars[name] = value;
    this.state.unset = (this.state.unset ?? []).filter((n) => n !== name);
    if (this.state.unset.length === 0) delete this.state.unset;
  }

  private builtin(argv: string[], io: Io): number {
    const [name, ...args] = argv as [string, ...string[]];
    const { flavour } = this.host;
    switch (name) {
      case "cd":
        return this.cd(args, io);
      case "pwd":
        io.out(`${this.state.cwd}\n`);
        return 0;
      case "break":
      case "continue":
        throw new LoopSignal(name === "break");
      case "export": {
        const list = args.filter((a) => a !== "-p");
        if (list.length === 0) {
          const names = this.env().map(([k]) => k).sort();
          for (const k of names) {
            const v = this.getVar(k) ?? "";
            io.out(flavour === "bash" ? `declare -x ${k}="${v.replace(/(["\\$`])/g, "\\$1")}"\n` : `export ${k}='${v.replace(/'/g, "'\"'\"'")}'\n`);
          }
          return 0;
        }
        for (const a of list) {
          const eq = a.indexOf("=");
          const k = eq < 0 ? a : a.slice(0, eq);
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) {
            io.err(flavour === "bash" ? `${this.bp("export")}\`${a}': not a valid identifier\n` : flavour === "dash" ? `${this.bp("export")}${k}: bad variable name\n` : `${this.bp("export")}${k}: bad variable name\n`);
            return flavour === "bash" ? 1 : 2;
          }
          const v = eq < 0 ? (this.getVar(k) ?? "") : a.slice(eq + 1);
          delete this.state.vars[k];
          this.state.env[k] = v;
          this.state.unset = (this.state.unset ?? []).filter((n) => n !== k);
          if (this.state.unset.length === 0) delete this.state.unset;
        }
        return 0;
      }
      case "unset":
        for (const k of args.filter((a) => !a.startsWith("-"))) {
          delete this.state.env[k];
          delete this.state.vars[k];
          if (this.host.baseEnv.some(([x]) => x === k)) this.state.unset = [...new Set([...(this.state.unset ?? []), k])];
        }
        return 0;
      case "exit": {
        const arg = args[0];
        if (arg !== undefined && !/^-?\d+$/.test(arg)) {
          if (flavour === "bash") {
            io.err(`${this.bp("exit")}${arg}: numeric argument required\n`);
            throw new ExitSignal(2);
          }
          io.err(flavour === "dash" ? `${this.bp("exit")}Illegal number: ${arg}\n` : `${this.bp("exit")}Illegal number: ${arg}\n`);
          return 2;
        }
        throw new ExitSignal(arg === undefined ? this.state.status : ((Number(arg) % 256) + 256) % 256);
      }
      case "echo": {
        let rest = args;
        let newline = true;
        let escapes = flavour === "dash";
        while (rest[0] !== undefined && /^-[neE]+$/.test(rest[0]) && flavour !== "dash") {
          if (rest[0].includes("n")) newline = false;
          if (rest[0].includes("e")) escapes = true;
          if (rest[0].includes("E")) escapes = false;
          rest = rest.slice(1);
        }
        if (flavour === "dash" && rest[0] === "-n") {
          newline = false;
          rest = rest.slice(1);
        }
        let text = rest.join(" ");
        if (escapes) {
          const e = echoEscapes(text);
          text = e.text;
          if (e.stop) newline = false;
        }
        io.out(newline ? `${text}\n` : text);
        return 0;
      }
      case "printf": {
        if (args.length === 0) {
          io.err(flavour === "bash" ? `${this.bp("printf")}usage: printf [-v var] format [arguments]\n` : "printf: usage: printf format [arg ...]\n");
          return 2;
        }
        const r = formatPrintf(args[0]!, args.slice(1));
        io.out(r.text);
        for (const e of r.errors) io.err(`${this.bp("printf")}${e}\n`);
        return r.errors.length ? 1 : 0;
      }
      case "true":
      case ":":
      case "set":
      case "alias":
      case "unalias":
      case "hash":
      case "umask":
      case "wait":
      case "history":
        return 0;
      case "false":
        return 1;
      case "read": {
        const line = io.stdin.split("\n")[0] ?? "";
        const names = args.filter((a) => !a.startsWith("-"));
        const words = line.trim().split(/\s+/);
        names.forEach((n, i) => this.setVar(n, i === names.length - 1 ? words.slice(i).join(" ") : (words[i] ?? "")));
        return io.stdin === "" ? 1 : 0;
      }
      case "type":
      case "command": {
        const names = name === "command" ? args.filter((a) => a !== "-v" && a !== "-V") : args;
        if (name === "command" && !args.includes("-v") && !args.includes("-V")) {
          return names.length ? this.runSimple({ kind: "simple", assigns: [], words: names.map((n) => ({ parts: [{ kind: "lit", text: n, quoted: true }] })), redirects: [] }, io, false) : 0;
        }
        let status = 0;
        for (const n of names) {
          if (BUILTINS.has(n)) io.out(name === "command" ? `${n}\n` : `${n} is a shell builtin\n`);
          else {
            const found = this.host.exec(["which", n], { stdin: "", cwd: this.state.cwd, env: this.env(), tty: false });
            const path = "notFound" in found ? "" : found.stdout.split("\n")[0]!;
            if (path) io.out(name === "command" ? `${path}\n` : `${n} is ${path}\n`);
            else {
              if (name === "type") io.err(flavour === "bash" ? `${this.bp("type")}${n}: not found\n` : `${n}: not found\n`);
              status = 1;
            }
          }
        }
        return status;
      }
      case "test":
      case "[": {
        const list = name === "[" ? args.slice(0, -1) : args;
        if (name === "[" && args[args.length - 1] !== "]") {
          io.err(`${this.bp("[")}missing ]\n`);
          return 2;
        }
        return this.test(list) ? 0 : 1;
      }
    }
    return 0;
  }

  private test(args: string[]): boolean {
    if (args.length === 0) return false;
    if (args[0] === "!") return !this.test(args.slice(1));
    if (args.length === 1) return args[0] !== "";
    if (args.length === 2) {
      const [op, v] = args as [string, string];
      const node = this.host.fs.node(this.host.fs.resolve(joinPath(this.state.cwd, v)));
      switch (op) {
        case "-z":
          return v === "";
        case "-n":
          return v !== "";
        case "-e":
          return !!node;
        case "-f":
          return node?.type === "file";
        case "-d":
          return node?.type === "dir";
      }
      return false;
    }
    const [a, op, b] = args as [string, string, string];
    switch (op) {
      case "=":
      case "==":
        return a === b;
      case "!=":
        return a !== b;
      case "-eq":
        return Number(a) === Number(b);
      case "-ne":
        return Number(a) !== Number(b);
      case "-lt":
        return Number(a) < Number(b);
      case "-gt":
        return Number(a) > Number(b);
      case "-le":
        return Number(a) <= Number(b);
      case "-ge":
        return Number(a) >= Number(b);
    }
    return false;
  }

  private cd(args: string[], io: Io): number {
    const { flavour } = this.host;
    const operands = args.filter((a) => a === "-" || !a.startsWith("-"));
    if (operands.length > 1 && flavour === "bash") {
      io.err(`${this.bp("cd")}too many arguments\n`);
      return 1;
    }
    let dir = operands[0];
    let print = false;
    if (dir === undefined) {
      dir = this.getVar("HOME") ?? "/";
      if (dir === "") return 0;
    } else if (dir === "-") {
      const old = this.getVar("OLDPWD");
      if (old === undefined) {
        if (flavour === "bash") {
          io.err(`${this.bp("cd")}OLDPWD not set\n`);
          return 1;
        }
        dir = this.state.cwd;
      } else dir = old;
      print = true;
    }
    const path = joinPath(this.state.cwd, dir);
    const node = this.host.fs.node(this.host.fs.resolve(path));
    if (!node || node.type !== "dir") {
      const why = node ? "Not a directory" : "No such file or directory";
      if (flavour === "dash") io.err(`${this.bp("cd")}can't cd to ${dir}\n`);
      else if (flavour === "bash") io.err(`${this.bp("cd")}${dir}: ${why}\n`);
      else io.err(`${this.bp("cd")}can't cd to ${dir}: ${why}\n`);
      return flavour === "bash" ? 1 : 2;
    }
    this.state.vars.OLDPWD = this.state.cwd;
    if (Object.hasOwn(this.state.env, "OLDPWD")) this.state.env.OLDPWD = this.state.cwd;
    this.state.cwd = path;
    if (Object.hasOwn(this.state.env, "PWD")) this.state.env.PWD = path;
    if (print) io.out(`${path}\n`);
    return 0;
  }
}

/**
 * Runs one line typed into the container's shell. Changes `state` (cwd, variables, $?, line
 * count); `exit` is set when the shell exits.
 */
export function runContainerLine(host: ContainerShellHost, state: ContainerShellState, line: string): LineResult {
  state.line++;
  let output = "";
  const runner = new Runner(host, state);
  try {
    runner.run(line, (t) => (output += t));
  } catch (e) {
    if (e instanceof ExitSignal) {
      if (host.interactive && host.flavour === "bash") output += "exit\n";
      return { output, exit: e.status };
    }
    if (e instanceof BudgetSignal) {
      output += `${host.argv0}: stopped after ${MAX_STEPS} commands (a real shell would keep going until you press Ctrl-C)\n`;
      state.status = 130;
    } else if (!(e instanceof LoopSignal)) throw e;
  }
  return { output };
}

/** The prompt: PS1 with the escapes bash and BusyBox expand (dash shows PS1 as it is). */
export function expandPrompt(ps1: string, p: { flavour: ContainerShellFlavour; user: string; uid: number; hostname: string; cwd: string; home: string; argv0: string; bashVersion: string }): string {
  if (p.flavour === "dash") return ps1;
  const tilde = (cwd: string) => (p.home && p.home !== "/" && (cwd === p.home || cwd.startsWith(`${p.home}/`)) ? `~${cwd.slice(p.home.length)}` : cwd);
  return ps1.replace(/\\([uhHwW$sv\\n])/g, (_, c: string) => {
    switch (c) {
      case "u":
        return p.user;
      case "h":
        return p.hostname.split(".")[0]!;
      case "H":
        return p.hostname;
      case "w":
        return tilde(p.cwd);
      case "W":
        return p.cwd === "/" ? "/" : p.home && p.cwd === p.home ? "~" : p.cwd.slice(p.cwd.lastIndexOf("/") + 1);
      case "$":
        return p.uid === 0 ? "#" : "$";
      case "s":
        return p.argv0.slice(p.argv0.lastIndexOf("/") + 1);
      case "v":
        return p.bashVersion;
      case "n":
        return "\n";
      default:
        return "\\";
    }
  });
}
