// A bash parser for what learners type: words and quoting, expansions, pipelines, lists,
// redirections, here-documents and the compound commands (if, for, while, until, case, groups,
// subshells, functions, [[ ]], (( ))). It works on characters directly because bash's lexing
// depends on where it is (a `}` or `then` is a word or a keyword depending on position).
// Incomplete input (open quote, trailing `|`, unterminated here-document) is reported as such
// so a terminal can keep reading lines, exactly where bash would print its `> ` prompt.

export type WordPart =
  /** Unquoted text: subject to brace expansion and globbing. */
  | { type: "lit"; text: string }
  /** Quoted text (single quotes, backslash escapes, $'...', literal text inside "..."). */
  | { type: "quoted"; text: string }
  | { type: "dq"; parts: WordPart[] }
  | { type: "param"; name: string; op?: ParamOp; arg?: WordPart[]; arg2?: WordPart[]; text: string }
  | { type: "cmd"; list: List; text: string }
  | { type: "arith"; parts: WordPart[]; text: string }
  | { type: "tilde"; user: string }
  /** `${...}` bash cannot expand; reported as "bad substitution" when run. */
  | { type: "bad"; text: string }
  /** Process substitution <(list): a file name holding the list's output. */
  | { type: "procsubst"; list: List; text: string };

export type ParamOp =
  | ":-" | "-" | ":=" | "=" | ":+" | "+" | ":?" | "?"
  | "#" | "##" | "%" | "%%" | "/" | "//" | "/#" | "/%"
  | "^" | "^^" | "," | ",," | ":" | "length" | "indirect";

export interface Word {
  parts: WordPart[];
  /** The source text of the word, quotes included. */
  raw: string;
}

export interface List {
  items: AndOr[];
}

export interface AndOr {
  head: Pipeline;
  tail: Array<{ op: "&&" | "||"; pipeline: Pipeline }>;
  background: boolean;
}

export interface Pipeline {
  negate: boolean;
  commands: CommandNode[];
  /** `|&` after command i: its stderr goes down the pipe too. */
  pipeStderr: boolean[];
}

export type RedirOp = ">" | ">>" | "<" | ">|" | "<>" | ">&" | "<&" | "<<" | "<<-" | "<<<" | "&>" | "&>>";

export interface Heredoc {
  delimiter: string;
  /** Quoted delimiter (`<<'EOF'`): the body is taken literally. */
  quoted: boolean;
  stripTabs: boolean;
  body: string;
  /** The body's expansions, when the delimiter is unquoted. */
  parts?: WordPart[];
}

export interface Redirect {
  /** The file descriptor redirected; undefined means the operator's default (0 or 1). */
  fd?: number;
  op: RedirOp;
  target?: Word;
  heredoc?: Heredoc;
}

export interface Assignment {
  name: string;
  append: boolean;
  value: WordPart[];
  /** `name=(a b c)`. */
  array?: Word[];
}

export interface SimpleCommand {
  type: "simple";
  assigns: Assignment[];
  words: Word[];
  redirs: Redirect[];
  /** 1-based line of the input it starts on (for "script.sh: line 3: ..." messages). */
  line: number;
}

export type CondNode =
  | { type: "not"; expr: CondNode }
  | { type: "and" | "or"; left: CondNode; right: CondNode }
  | { type: "unary"; op: string; arg: Word }
  | { type: "binary"; op: string; left: Word; right: Word }
  | { type: "word"; word: Word };

export type CompoundCommand =
  | { type: "subshell"; body: List; redirs: Redirect[] }
  | { type: "group"; body: List; redirs: Redirect[] }
  | { type: "if"; clauses: Array<{ cond: List; body: List }>; elseBody?: List; redirs: Redirect[] }
  | { type: "while"; until: boolean; cond: List; body: List; redirs: Redirect[] }
  | { type: "for"; name: string; words?: Word[]; body: List; redirs: Redirect[] }
  | { type: "arithfor"; init: WordPart[]; cond: WordPart[]; step: WordPart[]; body: List; redirs: Redirect[] }
  | { type: "case"; word: Word; arms: Array<{ patterns: Word[]; body: List; terminator: ";;" | ";&" | ";;&" }>; redirs: Redirect[] }
  | { type: "arith"; parts: WordPart[]; redirs: Redirect[] }
  | { type: "cond"; expr: CondNode; redirs: Redirect[] };

export interface FunctionDef {
  type: "funcdef";
  name: string;
  body: CompoundCommand;
  /** Source text of the whole definition, so functions store as plain strings. */
  source: string;
}

export type CommandNode = SimpleCommand | CompoundCommand | FunctionDef;

export type ParseResult =
  | { ok: true; program: List; warnings: string[] }
  /**
   * More input is needed; `message` is what bash prints if the input ends here. `awaiting` is
   * set when the input is inside a here-document body: only that delimiter line can end it.
   */
  | { ok: false; incomplete: true; message: string; awaiting?: { delimiter: string; stripTabs: boolean } }
  | { ok: false; incomplete: false; message: string; limit?: boolean };

export interface ParseOptions {
  /** The input has ended: accept here-documents delimited by end of file (with bash's warning). */
  atEof?: boolean;
}

/** A here-document body over this size is refused. */
export const MAX_HEREDOC_BYTES = 1024 * 1024;
const MAX_DEPTH = 100;

class Incomplete {
  constructor(
    readonly message: string,
    /** Set when only a here-document's delimiter line can complete the input. */
    readonly awaiting?: { delimiter: string; stripTabs: boolean },
  ) {}
}
class SyntaxErr {
  constructor(
    readonly message: string,
    readonly limit = false,
  ) {}
}

const EOF_MSG = "bash: syntax error: unexpected end of file";
const matching = (ch: string) => `bash: unexpected EOF while looking for matching \`${ch}'\n${EOF_MSG}`;

const RESERVED = new Set(["if", "then", "elif", "else", "fi", "for", "in", "while", "until", "do", "done", "case", "esac", "{", "}", "!", "[[", "]]", "function", "select", "time"]);
const META = new Set([" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]);
const isMeta = (c: string | undefined): boolean => c !== undefined && META.has(c);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

const OPERATORS = [";;&", ";;", ";&", "&&", "||", "|&", "&>>", "&>", ">>", "<<<", "<<-", "<<", ">&", "<&", ">|", "<>", ";", "&", "|", "(", ")", "<", ">"];
const REDIR_OPS: RedirOp[] = ["<<<", "<<-", "<<", "<>", "<&", "&>>", "&>", ">>", ">&", ">|", "<", ">"];

class Parser {
  private pos = 0;
  private pending: Heredoc[] = [];
  readonly warnings: string[] = [];

  constructor(
    private readonly src: string,
    private readonly opts: ParseOptions,
    private depth = 0,
    private readonly lineOffset = 0,
  ) {}

  // --- helpers -------------------------------------------------------------------------------

  private eof(): boolean {
    return this.pos >= this.src.length;
  }
  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }
  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private lineStarts: number[] | undefined;
  /** Where each here-document started, for bash's end-of-file warning. */
  private readonly heredocLines = new Map<Heredoc, number>();

  private lineAt(pos: number): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < this.src.length; i++) if (this.src[i] === "\n") this.lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1 + this.lineOffset;
  }

  private enter() {
    if (++this.depth > MAX_DEPTH) throw new SyntaxErr("bash: maximum nesting level exceeded");
  }
  private leave() {
    this.depth--;
  }

  /** Spaces, tabs, line continuations and comments. */
  private skipBlanks() {
    for (;;) {
      const c = this.peek();
      if (c === " " || c === "\t") this.pos++;
      else if (c === "\\" && this.peek(1) === "\n") this.pos += 2;
      else if (c === "#") {
        const nl = this.src.indexOf("\n", this.pos);
        this.pos = nl === -1 ? this.src.length : nl;
      } else return;
    }
  }

  private consumeNewline() {
    this.pos++;
    const docs = this.pending;
    this.pending = [];
    for (const h of docs) this.readHeredoc(h);
  }

  private skipSpaceAndNewlines() {
    for (;;) {
      this.skipBlanks();
      if (this.peek() === "\n") this.consumeNewline();
      else return;
    }
  }

  /** The token at the cursor, named as bash names it in syntax errors. */
  private tokenHere(): string {
    if (this.eof() || this.peek() === "\n") return "newline";
    for (const op of OPERATORS) if (this.startsWith(op)) return op;
    let i = this.pos;
    while (i < this.src.length && !isMeta(this.src[i])) i++;
    return this.src.slice(this.pos, i) || this.src[this.pos]!;
  }

  private unexpected(): never {
    throw new SyntaxErr(`bash: syntax error near unexpected token \`${this.tokenHere()}'`);
  }

  /** The reserved word at the cursor, if the next word is one (unquoted, whole). */
  private peekReserved(): string | null {
    let i = this.pos;
    while (i < this.src.length && !isMeta(this.src[i]) && !"'\"\\$`".includes(this.src[i]!)) i++;
    if (i < this.src.length && !isMeta(this.src[i])) return null;
    const w = this.src.slice(this.pos, i);
    return RESERVED.has(w) ? w : null;
  }

  private expectReserved(word: string) {
    this.skipSpaceAndNewlines();
    if (this.eof()) throw new Incomplete(EOF_MSG);
    if (this.peekReserved() !== word) this.unexpected();
    this.pos += word.length;
  }

  // --- lists ---------------------------------------------------------------------------------

  parseProgram(): List {
    const list = this.parseList([]);
    this.skipSpaceAndNewlines();
    if (!this.eof()) this.unexpected();
    if (this.pending.length > 0) this.finishPendingAtEof();
    return list;
  }

  private finishPendingAtEof() {
    if (!this.opts.atEof) throw new Incomplete(EOF_MSG);
    for (const h of this.pending) {
      this.warnings.push(`bash: warning: here-document at line ${this.heredocLines.get(h) ?? 1} delimited by end-of-file (wanted \`${h.delimiter}')`);
      h.body = "";
      if (!h.quoted) h.parts = [];
    }
    this.pending = [];
  }

  private parseList(terms: string[]): List {
    const items: AndOr[] = [];
    for (;;) {
      this.skipSpaceAndNewlines();
      if (this.eof()) break;
      const c = this.peek();
      if (c === ")") break;
      if (this.startsWith(";;") || this.startsWith(";&")) break;
      const rw = this.peekReserved();
      if (rw && terms.includes(rw)) break;
      const ao = this.parseAndOr();
      items.push(ao);
      this.skipBlanks();
      if (this.eof()) break;
      const c2 = this.peek();
      if (c2 === "\n") {
        this.consumeNewline();
        continue;
      }
      if (c2 === ";") {
        if (this.startsWith(";;") || this.startsWith(";&")) break;
        this.pos++;
        continue;
      }
      if (c2 === "&" && !this.startsWith("&&") && !this.startsWith("&>")) {
        ao.background = true;
        this.pos++;
        continue;
      }
      if (c2 === ")") break;
      this.unexpected();
    }
    return { items };
  }

  private parseAndOr(): AndOr {
    const head = this.parsePipeline();
    const tail: AndOr["tail"] = [];
    for (;;) {
      this.skipBlanks();
      const op = this.startsWith("&&") ? "&&" : this.startsWith("||") ? "||" : null;
      if (!op) break;
      this.pos += 2;
      this.skipSpaceAndNewlines();
      if (this.eof()) throw new Incomplete(EOF_MSG);
      tail.push({ op, pipeline: this.parsePipeline() });
    }
    return { head, tail, background: false };
  }

  private parsePipeline(): Pipeline {
    this.skipBlanks();
    let negate = false;
    if (this.peekReserved() === "!") {
      this.pos++;
      negate = true;
      this.skipBlanks();
      if (this.eof() || this.peek() === "\n" || this.peek() === ";") return { negate, commands: [], pipeStderr: [] };
    }
    const commands = [this.parseCommand()];
    const pipeStderr: boolean[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.peek() !== "|" || this.startsWith("||")) break;
      const both = this.startsWith("|&");
      this.pos += both ? 2 : 1;
      pipeStderr.push(both);
      this.skipSpaceAndNewlines();
      if (this.eof()) throw new Incomplete(EOF_MSG);
      commands.push(this.parseCommand());
    }
    pipeStderr.push(false);
    return { negate, commands, pipeStderr };
  }

  // --- commands ------------------------------------------------------------------------------

  private parseCommand(): CommandNode {
    this.skipBlanks();
    if (this.eof()) throw new Incomplete(EOF_MSG);
    const c = this.peek()!;
    if (c === "(") {
      this.enter();
      const cmd = this.startsWith("((") ? this.parseArithCommand() : this.parseSubshell();
      this.leave();
      return this.withRedirs(cmd);
    }
    if (c === "\n" || c === ";" || c === "|" || c === ")" || (c === "&" && !this.startsWith("&>"))) this.unexpected();
    const rw = this.peekReserved();
    if (rw) {
      switch (rw) {
        case "{":
        case "if":
        case "while":
        case "until":
        case "for":
        case "case":
        case "[[": {
          this.enter();
          const cmd = this.parseCompound(rw);
          this.leave();
          return this.withRedirs(cmd);
        }
        case "function":
          return this.parseFunctionKeyword();
        case "!":
        case "time":
        case "select":
        case "in":
          break;
        default:
          this.unexpected();
      }
    }
    return this.parseSimple();
  }

  private parseCompound(rw: string): CompoundCommand {
    this.pos += rw.length;
    switch (rw) {
      case "{": {
        const body = this.parseList(["}"]);
        if (body.items.length === 0) {
          this.skipSpaceAndNewlines();
          if (this.eof()) throw new Incomplete(EOF_MSG);
          this.unexpected();
        }
        this.expectReserved("}");
        return { type: "group", body, redirs: [] };
      }
      case "if":
        return this.parseIf();
      case "while":
      case "until": {
        const cond = this.nonEmpty(this.parseList(["do"]));
        this.expectReserved("do");
        const body = this.nonEmpty(this.parseList(["done"]));
        this.expectReserved("done");
        return { type: "while", until: rw === "until", cond, body, redirs: [] };
      }
      case "for":
        return this.parseFor();
      case "case":
        return this.parseCase();
      default:
        return this.parseCond();
    }
  }

  /** A list that must hold a command: at a keyword instead, that keyword is the error. */
  private nonEmpty(list: List): List {
    if (list.items.length > 0) return list;
    this.skipSpaceAndNewlines();
    if (this.eof()) throw new Incomplete(EOF_MSG);
    this.unexpected();
  }

  private parseIf(): CompoundCommand {
    const clauses: Array<{ cond: List; body: List }> = [];
    let elseBody: List | undefined;
    const cond = this.nonEmpty(this.parseList(["then"]));
    this.expectReserved("then");
    clauses.push({ cond, body: this.nonEmpty(this.parseList(["elif", "else", "fi"])) });
    for (;;) {
      this.skipSpaceAndNewlines();
      if (this.eof()) throw new Incomplete(EOF_MSG);
      const rw = this.peekReserved();
      if (rw === "elif") {
        this.pos += 4;
        const c2 = this.nonEmpty(this.parseList(["then"]));
        this.expectReserved("then");
        clauses.push({ cond: c2, body: this.nonEmpty(this.parseList(["elif", "else", "fi"])) });
      } else if (rw === "else") {
        this.pos += 4;
        elseBody = this.nonEmpty(this.parseList(["fi"]));
        this.expectReserved("fi");
        break;
      } else if (rw === "fi") {
        this.pos += 2;
        break;
      } else this.unexpected();
    }
    return { type: "if", clauses, elseBody, redirs: [] };
  }

  private parseFor(): CompoundCommand {
    this.skipBlanks();
    if (this.startsWith("((")) {
      this.pos += 2;
      const init = this.parseArithParts([";"]).parts;
      const cond = this.parseArithParts([";"]).parts;
      const step = this.parseArithParts(["))"]).parts;
      this.skipSpaceAndNewlines();
      if (this.peek() === ";") this.pos++;
      this.skipSpaceAndNewlines();
      if (this.eof()) throw new Incomplete(EOF_MSG);
      const rw = this.peekReserved();
      let body: List;
      if (rw === "{") {
        this.pos++;
        body = this.parseList(["}"]);
        this.expectReserved("}");
      } else {
        this.expectReserved("do");
        body = this.nonEmpty(this.parseList(["done"]));
        this.expectReserved("done");
      }
      return { type: "arithfor", init, cond, step, body, redirs: [] };
    }
    if (this.eof() || isMeta(this.peek())) this.unexpected();
    const nameWord = this.parseWord()!;
    if (!NAME_RE.test(nameWord.raw)) throw new SyntaxErr(`bash: \`${nameWord.raw}': not a valid identifier`);
    let words: Word[] | undefined;
    this.skipSpaceAndNewlines();
    if (this.eof()) throw new Incomplete(EOF_MSG);
    if (this.peekReserved() === "in") {
      this.pos += 2;
      words = [];
      for (;;) {
        this.skipBlanks();
        if (this.eof()) throw new Incomplete(EOF_MSG);
        const c = this.peek();
        if (c === ";" || c === "\n") {
          if (c === "\n") this.consumeNewline();
          else this.pos++;
          break;
        }
        if (isMeta(c)) this.unexpected();
        words.push(this.parseWord()!);
      }
    } else if (this.peek() === ";") this.pos++;
    this.expectReserved("do");
    const body = this.nonEmpty(this.parseList(["done"]));
    this.expectReserved("done");
    return { type: "for", name: nameWord.raw, words, body, redirs: [] };
  }

  private parseCase(): CompoundCommand {
    this.skipBlanks();
    if (this.eof() || isMeta(this.peek())) this.unexpected();
    const word = this.parseWord()!;
    this.expectReserved("in");
    const arms: Array<{ patterns: Word[]; body: List; terminator: ";;" | ";&" | ";;&" }> = [];
    for (;;) {
      this.skipSpaceAndNewlines();
      if (this.eof()) throw new Incomplete(EOF_MSG);
      if (this.peekReserved() === "esac") {
        this.pos += 4;
        break;
      }
      if (this.peek() === "(") this.pos++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanks();
        if (this.eof()) throw new Incomplete(EOF_MSG);
        if (isMeta(this.peek())) this.unexpected();
        patterns.push(this.parseWord()!);
        this.skipBlanks();
        if (this.peek() === "|") {
          this.pos++;
          continue;
        }
        if (this.peek() === ")") {
          this.pos++;
          break;
        }
        if (this.eof()) throw new Incomplete(EOF_MSG);
        this.unexpected();
      }
      const body = this.parseList(["esac"]);
      this.skipSpaceAndNewlines();
      let terminator: ";;" | ";&" | ";;&" = ";;";
      if (this.startsWith(";;&")) {
        terminator = ";;&";
        this.pos += 3;
      } else if (this.startsWith(";;")) this.pos += 2;
      else if (this.startsWith(";&")) {
        terminator = ";&";
        this.pos += 2;
      } else if (this.eof()) throw new Incomplete(EOF_MSG);
      else if (this.peekReserved() !== "esac") this.unexpected();
      arms.push({ patterns, body, terminator });
    }
    return { type: "case", word, arms, redirs: [] };
  }

  private parseSubshell(): CompoundCommand {
    this.pos++;
    const body = this.parseList([]);
    this.skipSpaceAndNewlines();
    if (this.eof()) throw new Incomplete(EOF_MSG);
    if (this.peek() !== ")" || body.items.length === 0) this.unexpected();
    this.pos++;
    return { type: "subshell", body, redirs: [] };
  }

  private parseArithCommand(): CompoundCommand {
    this.pos += 2;
    const { parts } = this.parseArithParts(["))"]);
    return { type: "arith", parts, redirs: [] };
  }

  /** Arithmetic text up to one of `terms` at parenthesis depth 0 (consumed). */
  private parseArithParts(terms: string[]): { parts: WordPart[]; text: string } {
    const start = this.pos;
    const parts: WordPart[] = [];
    let lit = "";
    let depth = 0;
    const flush = () => {
      if (lit) parts.push({ type: "quoted", text: lit });
      lit = "";
    };
    for (;;) {
      if (this.eof()) throw new Incomplete(matching(")"));
      if (depth === 0) {
        const t = terms.find((x) => this.startsWith(x));
        if (t) {
          const text = this.src.slice(start, this.pos);
          this.pos += t.length;
          flush();
          return { parts, text };
        }
      }
      const c = this.peek()!;
      if (c === "(") depth++;
      else if (c === ")") {
        if (depth === 0) this.unexpected();
        depth--;
      }
      if (c === "$") {
        flush();
        parts.push(this.parseDollar(true));
      } else if (c === "`") {
        flush();
        parts.push(this.parseBacktick());
      } else if (c === '"') {
        flush();
        parts.push(this.parseDoubleQuoted());
      } else if (c === "\\" && this.peek(1) === "\n") this.pos += 2;
      else {
        lit += c;
        this.pos++;
      }
    }
  }

  private parseCond(): CompoundCommand {
    type Tok = { kind: "word"; word: Word } | { kind: "op"; text: string };
    const toks: Tok[] = [];
    for (;;) {
      this.skipSpaceAndNewlines();
      if (this.eof()) throw new Incomplete(EOF_MSG);
      if (this.startsWith("]]") && (this.pos + 2 >= this.src.length || isMeta(this.src[this.pos + 2]))) {
        this.pos += 2;
        break;
      }
      const op = ["&&", "||", "(", ")", "<", ">"].find((o) => this.startsWith(o));
      if (op) {
        this.pos += op.length;
        toks.push({ kind: "op", text: op });
        continue;
      }
      if (isMeta(this.peek())) this.unexpected();
      const prev = toks[toks.length - 1];
      const word = prev && prev.kind === "word" && prev.word.raw === "=~" ? this.parseRegexWord() : this.parseWord()!;
      toks.push({ kind: "word", word });
    }
    let i = 0;
    const bad = (): never => {
      throw new SyntaxErr("bash: syntax error in conditional expression");
    };
    const peekTok = () => toks[i];
    const isOp = (t: Tok | undefined, text: string) => !!t && ((t.kind === "op" && t.text === text) || (t.kind === "word" && t.word.raw === text && text === "!"));
    const UNARY = /^-[abcdefghkprstuwxGLNOSvnz]$/;
    const BINARY = new Set(["=", "==", "!=", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);
    const word = (): Word => {
      const t = toks[i++];
      if (!t) bad();
      if (t!.kind === "word") return t!.word;
      return { parts: [{ type: "quoted", text: t!.text }], raw: t!.text };
    };
    const primary = (): CondNode => {
      const t = peekTok();
      if (!t) bad();
      if (isOp(t, "!")) {
        i++;
        return { type: "not", expr: primary() };
      }
      if (t!.kind === "op" && t!.text === "(") {
        i++;
        const e = orExpr();
        if (!isOp(peekTok(), ")")) bad();
        i++;
        return e;
      }
      if (t!.kind === "word" && UNARY.test(t!.word.raw) && toks[i + 1] && !(toks[i + 1]!.kind === "word" && BINARY.has((toks[i + 1] as { word: Word }).word.raw))) {
        i++;
        return { type: "unary", op: t!.word.raw, arg: word() };
      }
      const left = word();
      const n = peekTok();
      if (n && ((n.kind === "word" && BINARY.has(n.word.raw)) || (n.kind === "op" && (n.text === "<" || n.text === ">")))) {
        i++;
        const op = n.kind === "word" ? n.word.raw : n.text;
        return { type: "binary", op, left, right: word() };
      }
      return { type: "word", word: left };
    };
    const andExpr = (): CondNode => {
      let l = primary();
      while (isOp(peekTok(), "&&")) {
        i++;
        l = { type: "and", left: l, right: primary() };
      }
      return l;
    };
    const orExpr = (): CondNode => {
      let l = andExpr();
      while (isOp(peekTok(), "||")) {
        i++;
        l = { type: "or", left: l, right: andExpr() };
      }
      return l;
    };
    if (toks.length === 0) this.unexpected();
    const expr = orExpr();
    if (i < toks.length) bad();
    return { type: "cond", expr, redirs: [] };
  }

  /** The right side of `=~`: parentheses and bars belong to the regex. */
  private parseRegexWord(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    let lit = "";
    let depth = 0;
    const flush = () => {
      if (lit) parts.push({ type: "lit", text: lit });
      lit = "";
    };
    while (!this.eof()) {
      const c = this.peek()!;
      if ((c === " " || c === "\t" || c === "\n") && depth === 0) break;
      if (c === "(") depth++;
      if (c === ")") {
        if (depth === 0) break;
        depth--;
      }
      if (c === "'" || c === '"' || c === "$" || c === "\\" || c === "`") {
        flush();
        const w = this.parseWordPart();
        if (w) parts.push(w);
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  private parseFunctionKeyword(): CommandNode {
    const start = this.pos;
    this.pos += "function".length;
    this.skipBlanks();
    if (this.eof() || isMeta(this.peek())) this.unexpected();
    const name = this.parseWord()!.raw;
    this.skipBlanks();
    if (this.startsWith("(")) {
      this.pos++;
      this.skipBlanks();
      if (this.peek() !== ")") this.unexpected();
      this.pos++;
    }
    return this.parseFunctionBody(name, start);
  }

  private parseFunctionBody(name: string, start: number): FunctionDef {
    this.skipSpaceAndNewlines();
    if (this.eof()) throw new Incomplete(EOF_MSG);
    const rw = this.peekReserved();
    let body: CompoundCommand;
    this.enter();
    if (this.peek() === "(") body = this.startsWith("((") ? this.parseArithCommand() : this.parseSubshell();
    else if (rw === "{" || rw === "if" || rw === "while" || rw === "until" || rw === "for" || rw === "case" || rw === "[[") body = this.parseCompound(rw);
    else this.unexpected();
    this.leave();
    this.withRedirs(body);
    return { type: "funcdef", name, body, source: this.src.slice(start, this.pos) };
  }

  private withRedirs<T extends CommandNode>(cmd: T): T {
    if (cmd.type === "funcdef" || cmd.type === "simple") return cmd;
    for (;;) {
      this.skipBlanks();
      const c = this.peek();
      if (c === "<" || c === ">" || this.startsWith("&>")) {
        cmd.redirs.push(this.parseRedir(undefined));
        continue;
      }
      const m = /^\d+(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
      if (m) {
        this.pos += m[0].length;
        cmd.redirs.push(this.parseRedir(Number(m[0])));
        continue;
      }
      return cmd;
    }
  }

  private parseSimple(): CommandNode {
    const start = this.pos;
    const cmd: SimpleCommand = { type: "simple", assigns: [], words: [], redirs: [], line: this.lineAt(start) };
    let lastEnd = -1;
    for (;;) {
      this.skipBlanks();
      if (this.eof()) break;
      const c = this.peek()!;
      if (c === "\n" || c === ";" || c === "|" || c === ")") break;
      if (c === "&") {
        if (this.startsWith("&>")) {
          cmd.redirs.push(this.parseRedir(undefined));
          continue;
        }
        break;
      }
      if (c === "(") {
        const lastAssign = cmd.assigns[cmd.assigns.length - 1];
        if (cmd.words.length === 0 && lastAssign && lastEnd === this.pos && lastAssign.value.length === 0 && !lastAssign.array) {
          lastAssign.array = this.parseArrayWords();
          continue;
        }
        if (cmd.words.length === 1 && cmd.assigns.length === 0 && cmd.redirs.length === 0) {
          this.pos++;
          this.skipBlanks();
          if (this.peek() !== ")") this.unexpected();
          this.pos++;
          return this.parseFunctionBody(cmd.words[0]!.raw, start);
        }
        this.unexpected();
      }
      if (this.startsWith("<(")) {
        cmd.words.push(this.parseProcSubst());
        continue;
      }
      if (c === "<" || c === ">") {
        cmd.redirs.push(this.parseRedir(undefined));
        continue;
      }
      const w = this.parseWord();
      if (!w) this.unexpected();
      if (/^\d+$/.test(w.raw) && (this.peek() === "<" || this.peek() === ">")) {
        cmd.redirs.push(this.parseRedir(Number(w.raw)));
        continue;
      }
      lastEnd = this.pos;
      if (cmd.words.length === 0) {
        const a = asAssignment(w);
        if (a) {
          cmd.assigns.push(a);
          continue;
        }
      }
      cmd.words.push(w);
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) this.unexpected();
    return cmd;
  }

  private parseProcSubst(): Word {
    const start = this.pos;
    this.pos += 2;
    this.enter();
    const list = this.parseList([]);
    this.skipSpaceAndNewlines();
    if (this.eof()) throw new Incomplete(matching(")"));
    if (this.peek() !== ")") this.unexpected();
    this.pos++;
    this.leave();
    const text = this.src.slice(start, this.pos);
    return { parts: [{ type: "procsubst", list, text }], raw: text };
  }

  private parseArrayWords(): Word[] {
    this.pos++;
    const words: Word[] = [];
    for (;;) {
      this.skipSpaceAndNewlines();
      if (this.eof()) throw new Incomplete(matching(")"));
      if (this.peek() === ")") {
        this.pos++;
        return words;
      }
      if (isMeta(this.peek())) this.unexpected();
      words.push(this.parseWord()!);
    }
  }

  private parseRedir(fd: number | undefined): Redirect {
    const op = REDIR_OPS.find((o) => this.startsWith(o))!;
    this.pos += op.length;
    this.skipBlanks();
    if ((op === "<" || op === "<>") && this.startsWith("<(")) return { fd, op, target: this.parseProcSubst() };
    if (this.eof() || isMeta(this.peek())) this.unexpected();
    const target = this.parseWord()!;
    if (op === "<<" || op === "<<-") {
      const quoted = target.parts.some((p) => p.type !== "lit");
      const delimiter = target.parts.map(partLiteralText).join("");
      const heredoc: Heredoc = { delimiter, quoted, stripTabs: op === "<<-", body: "" };
      this.pending.push(heredoc);
      this.heredocLines.set(heredoc, this.lineAt(this.pos));
      return { fd, op, heredoc };
    }
    return { fd, op, target };
  }

  private readHeredoc(h: Heredoc) {
    const lines: string[] = [];
    let size = 0;
    for (;;) {
      if (this.eof()) {
        if (!this.opts.atEof) throw new Incomplete(EOF_MSG, { delimiter: h.delimiter, stripTabs: h.stripTabs });
        this.warnings.push(`bash: warning: here-document at line ${this.heredocLines.get(h) ?? 1} delimited by end-of-file (wanted \`${h.delimiter}')`);
        break;
      }
      const nl = this.src.indexOf("\n", this.pos);
      const end = nl === -1 ? this.src.length : nl;
      let line = this.src.slice(this.pos, end);
      this.pos = nl === -1 ? this.src.length : nl + 1;
      if (h.stripTabs) line = line.replace(/^\t+/, "");
      if (line === h.delimiter) break;
      lines.push(line);
      size += line.length + 1;
      if (size > MAX_HEREDOC_BYTES) throw new SyntaxErr("bash: here-document too large (over 1 MB): nothing was run", true);
    }
    h.body = lines.map((l) => l + "\n").join("");
    if (!h.quoted) h.parts = parseHeredocBody(h.body, this.depth);
  }

  /** The expansions of an unquoted here-document body: $..., `...` and \\$ \\` \\\\ \\newline. */
  parseHeredocText(): WordPart[] {
    const parts: WordPart[] = [];
    let lit = "";
    const flush = () => {
      if (lit) parts.push({ type: "quoted", text: lit });
      lit = "";
    };
    while (!this.eof()) {
      const c = this.peek()!;
      if (c === "\\") {
        const n = this.peek(1);
        if (n === "$" || n === "`" || n === "\\") {
          lit += n;
          this.pos += 2;
          continue;
        }
        if (n === "\n") {
          this.pos += 2;
          continue;
        }
        lit += c;
        this.pos++;
        continue;
      }
      if (c === "$") {
        flush();
        parts.push(this.parseDollar(true));
        continue;
      }
      if (c === "`") {
        flush();
        parts.push(this.parseBacktick());
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  // --- words ---------------------------------------------------------------------------------

  /** A word at the cursor, or null at a metacharacter or the end. */
  parseWord(): Word | null {
    const start = this.pos;
    const parts: WordPart[] = [];
    let lit = "";
    const flush = () => {
      if (lit) parts.push({ type: "lit", text: lit });
      lit = "";
    };
    if (this.peek() === "~") {
      const m = /^~([A-Za-z0-9._-]*)/.exec(this.src.slice(this.pos, this.pos + 64))!;
      const after = this.src[this.pos + m[0].length];
      if (after === undefined || after === "/" || isMeta(after)) {
        parts.push({ type: "tilde", user: m[1]! });
        this.pos += m[0].length;
      }
    }
    while (!this.eof()) {
      const c = this.peek()!;
      if (isMeta(c)) break;
      if (c === "\\" || c === "'" || c === '"' || c === "$" || c === "`") {
        if (c === "\\" && this.peek(1) === "\n") {
          this.pos += 2;
          continue;
        }
        flush();
        const p = this.parseWordPart();
        if (p) parts.push(p);
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    if (this.pos === start) return null;
    return { parts: mergeLits(parts), raw: this.src.slice(start, this.pos) };
  }

  /** One quoted or expansion part at the cursor (\\, ', ", $, `). */
  private parseWordPart(): WordPart | null {
    const c = this.peek()!;
    if (c === "\\") {
      const n = this.peek(1);
      if (n === undefined) throw new Incomplete(EOF_MSG);
      this.pos += 2;
      return { type: "quoted", text: n };
    }
    if (c === "'") {
      const end = this.src.indexOf("'", this.pos + 1);
      if (end === -1) throw new Incomplete(matching("'"));
      const text = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { type: "quoted", text };
    }
    if (c === '"') return this.parseDoubleQuoted();
    if (c === "$") return this.parseDollar(false);
    return this.parseBacktick();
  }

  private parseDoubleQuoted(): WordPart {
    this.pos++;
    const parts: WordPart[] = [];
    let lit = "";
    const flush = () => {
      if (lit) parts.push({ type: "quoted", text: lit });
      lit = "";
    };
    for (;;) {
      if (this.eof()) throw new Incomplete(matching('"'));
      const c = this.peek()!;
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === "\\") {
        const n = this.peek(1);
        if (n === undefined) throw new Incomplete(matching('"'));
        if (n === "\n") this.pos += 2;
        else if (n === "$" || n === "`" || n === '"' || n === "\\") {
          lit += n;
          this.pos += 2;
        } else {
          lit += "\\";
          this.pos++;
        }
        continue;
      }
      if (c === "$") {
        flush();
        parts.push(this.parseDollar(true));
        continue;
      }
      if (c === "`") {
        flush();
        parts.push(this.parseBacktick());
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return { type: "dq", parts: mergeLits(parts) };
  }

  private parseDollar(inDq: boolean): WordPart {
    const start = this.pos;
    const n = this.peek(1);
    if (n === "(") {
      if (this.peek(2) === "(") {
        this.pos += 3;
        const { parts } = this.parseArithParts(["))"]);
        return { type: "arith", parts, text: this.src.slice(start, this.pos) };
      }
      this.pos += 2;
      this.enter();
      const list = this.parseList([]);
      this.skipSpaceAndNewlines();
      if (this.eof()) throw new Incomplete(matching(")"));
      if (this.peek() !== ")") this.unexpected();
      this.pos++;
      this.leave();
      return { type: "cmd", list, text: this.src.slice(start, this.pos) };
    }
    if (n === "{") return this.parseBraceParam();
    if (n === "'" && !inDq) {
      this.pos += 2;
      let text = "";
      for (;;) {
        if (this.eof()) throw new Incomplete(matching("'"));
        const c = this.peek()!;
        if (c === "'") {
          this.pos++;
          break;
        }
        if (c === "\\" && this.pos + 1 < this.src.length) {
          const [ch, used] = ansiEscape(this.src, this.pos + 1);
          text += ch;
          this.pos += 1 + used;
          continue;
        }
        text += c;
        this.pos++;
      }
      return { type: "quoted", text };
    }
    if (n === '"' && !inDq) {
      this.pos++;
      return this.parseDoubleQuoted();
    }
    if (n !== undefined && /[A-Za-z_]/.test(n)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos + 1, this.pos + 257))!;
      this.pos += 1 + m[0].length;
      return { type: "param", name: m[0], text: "$" + m[0] };
    }
    if (n !== undefined && /[0-9?$#@*!\-]/.test(n)) {
      this.pos += 2;
      return { type: "param", name: n, text: "$" + n };
    }
    this.pos++;
    return { type: inDq ? "quoted" : "lit", text: "$" };
  }

  private parseBraceParam(): WordPart {
    const start = this.pos;
    this.pos += 2;
    const badSubst = (): WordPart => {
      let depth = 1;
      while (!this.eof()) {
        const c = this.peek();
        if (c === "{") depth++;
        if (c === "}" && --depth === 0) {
          this.pos++;
          return { type: "bad", text: this.src.slice(start, this.pos) };
        }
        this.pos++;
      }
      throw new Incomplete(matching("}"));
    };
    if (this.eof()) throw new Incomplete(matching("}"));
    const ind = /^!([A-Za-z_][A-Za-z0-9_]*)\}/.exec(this.src.slice(this.pos, this.pos + 260));
    if (ind) {
      this.pos += ind[0].length;
      return { type: "param", name: ind[1]!, op: "indirect", text: this.src.slice(start, this.pos) };
    }
    let length = false;
    if (this.peek() === "#" && this.peek(1) !== "}" && /[A-Za-z_0-9?$#@*!\-]/.test(this.peek(1) ?? "")) {
      length = true;
      this.pos++;
    }
    let name: string;
    const rest = this.src.slice(this.pos, this.pos + 257);
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!\-])/.exec(rest);
    if (!m) return badSubst();
    name = m[1]!;
    this.pos += name.length;
    if (this.peek() === "[") {
      // Array subscripts: ${a[0]}, ${a[@]}; arrays are kept as space-joined strings.
      const close = this.src.indexOf("]", this.pos);
      if (close === -1) throw new Incomplete(matching("}"));
      name = name + this.src.slice(this.pos, close + 1);
      this.pos = close + 1;
    }
    if (this.eof()) throw new Incomplete(matching("}"));
    if (this.peek() === "}") {
      this.pos++;
      return { type: "param", name, op: length ? "length" : undefined, text: this.src.slice(start, this.pos) };
    }
    if (length) return badSubst();
    const ops: ParamOp[] = [":-", ":=", ":+", ":?", "##", "%%", "//", "/#", "/%", "^^", ",,", "-", "=", "+", "?", "#", "%", "/", "^", ",", ":"];
    const op = ops.find((o) => this.startsWith(o));
    if (!op) return badSubst();
    this.pos += op.length;
    if (op === "/" || op === "//" || op === "/#" || op === "/%") {
      const pattern = this.parseParamWord(["/", "}"]);
      let repl: WordPart[] = [];
      if (this.peek() === "/") {
        this.pos++;
        repl = this.parseParamWord(["}"]);
      }
      this.pos++;
      return { type: "param", name, op, arg: pattern, arg2: repl, text: this.src.slice(start, this.pos) };
    }
    if (op === ":") {
      const offset = this.parseParamWord([":", "}"]);
      let len: WordPart[] | undefined;
      if (this.peek() === ":") {
        this.pos++;
        len = this.parseParamWord(["}"]);
      }
      this.pos++;
      return { type: "param", name, op, arg: offset, arg2: len, text: this.src.slice(start, this.pos) };
    }
    const arg = this.parseParamWord(["}"]);
    this.pos++;
    return { type: "param", name, op, arg, text: this.src.slice(start, this.pos) };
  }

  /** The word inside `${name op word}`, up to one of `stops` (not consumed). */
  private parseParamWord(stops: string[]): WordPart[] {
    const parts: WordPart[] = [];
    let lit = "";
    let depth = 0;
    const flush = () => {
      if (lit) parts.push({ type: "lit", text: lit });
      lit = "";
    };
    for (;;) {
      if (this.eof()) throw new Incomplete(matching("}"));
      const c = this.peek()!;
      if (depth === 0 && stops.includes(c)) break;
      if (c === "{") depth++;
      if (c === "}") depth--;
      if (c === "\\" || c === "'" || c === '"' || c === "$" || c === "`") {
        if (c === "\\" && this.peek(1) === "\n") {
          this.pos += 2;
          continue;
        }
        flush();
        const p = this.parseWordPart();
        if (p) parts.push(p);
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  private parseBacktick(): WordPart {
    const start = this.pos;
    this.pos++;
    let inner = "";
    for (;;) {
      if (this.eof()) throw new Incomplete(matching("`"));
      const c = this.peek()!;
      if (c === "`") {
        this.pos++;
        break;
      }
      if (c === "\\") {
        const n = this.peek(1);
        if (n === "$" || n === "`" || n === "\\") {
          inner += n;
          this.pos += 2;
          continue;
        }
      }
      inner += c;
      this.pos++;
    }
    const sub = new Parser(inner, { atEof: true }, this.depth + 1);
    if (this.depth + 1 > MAX_DEPTH) throw new SyntaxErr("bash: maximum nesting level exceeded");
    let list: List;
    try {
      list = sub.parseProgram();
    } catch (e) {
      if (e instanceof Incomplete) throw new SyntaxErr(e.message.split("\n")[0]!);
      throw e;
    }
    return { type: "cmd", list, text: this.src.slice(start, this.pos) };
  }
}


function partLiteralText(p: WordPart): string {
  switch (p.type) {
    case "lit":
    case "quoted":
      return p.text;
    case "dq":
      return p.parts.map(partLiteralText).join("");
    case "tilde":
      return "~" + p.user;
    case "param":
    case "cmd":
    case "arith":
    case "bad":
    case "procsubst":
      return p.text;
  }
}

function mergeLits(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.type === p.type && (p.type === "lit" || p.type === "quoted") && (last.type === "lit" || last.type === "quoted")) {
      last.text += p.text;
    } else out.push(p.type === "lit" || p.type === "quoted" ? { ...p } : p);
  }
  return out;
}

function asAssignment(w: Word): Assignment | null {
  const first = w.parts[0];
  if (!first || first.type !== "lit") return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text);
  if (!m) return null;
  const rest = first.text.slice(m[0].length);
  const value: WordPart[] = [];
  if (rest.startsWith("~")) {
    const t = /^~([A-Za-z0-9._-]*)/.exec(rest)!;
    const after = rest[t[0].length];
    if (after === undefined || after === "/" || after === ":") {
      value.push({ type: "tilde", user: t[1]! });
      if (rest.length > t[0].length) value.push({ type: "lit", text: rest.slice(t[0].length) });
    } else value.push({ type: "lit", text: rest });
  } else if (rest) value.push({ type: "lit", text: rest });
  value.push(...w.parts.slice(1));
  return { name: m[1]!, append: m[2] === "+", value };
}

/** One escape of $'...' (and echo -e / printf): returns the character and how many source chars it used. */
export function ansiEscape(src: string, i: number): [string, number] {
  const c = src[i];
  const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };
  if (c === undefined) return ["\\", 0];
  if (simple[c] !== undefined) return [simple[c]!, 1];
  if (c === "x") {
    const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i + 1, i + 3));
    if (m) return [String.fromCharCode(parseInt(m[0], 16)), 1 + m[0].length];
    return ["\\x", 1];
  }
  if (c === "u" || c === "U") {
    const m = (c === "u" ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(src.slice(i + 1, i + 9));
    if (m) {
      const cp = parseInt(m[0], 16);
      return [cp <= 0x10ffff ? String.fromCodePoint(cp) : "\ufffd", 1 + m[0].length];
    }
    return ["\\" + c, 1];
  }
  if (/[0-7]/.test(c)) {
    const m = /^[0-7]{1,3}/.exec(src.slice(i, i + 3))!;
    return [String.fromCharCode(parseInt(m[0], 8) & 0xff), m[0].length];
  }
  return ["\\" + c, 1];
}

/** Expansions in an unquoted here-document body: $..., `...` and \$ \` \\ \newline. */
function parseHeredocBody(body: string, depth: number): WordPart[] {
  const p = new Parser(body, { atEof: true }, depth);
  try {
    return p.parseHeredocText();
  } catch {
    return [{ type: "quoted", text: body }];
  }
}

/** Parses shell input (possibly several lines). Never throws. */
export function parse(text: string, opts: ParseOptions = {}): ParseResult {
  const p = new Parser(text, opts);
  try {
    const program = p.parseProgram();
    return { ok: true, program, warnings: p.warnings };
  } catch (e) {
    if (e instanceof Incomplete) {
      if (opts.atEof) return { ok: false, incomplete: false, message: e.message };
      return e.awaiting ? { ok: false, incomplete: true, message: e.message, awaiting: e.awaiting } : { ok: false, incomplete: true, message: e.message };
    }
    if (e instanceof SyntaxErr) return { ok: false, incomplete: false, message: e.message, limit: e.limit || undefined };
    if (e instanceof RangeError) return { ok: false, incomplete: false, message: "bash: maximum nesting level exceeded" };
    return { ok: false, incomplete: false, message: "bash: syntax error" };
  }
}

/** Whether `text` is a whole command (bash would run it rather than print its `> ` prompt). */
export function isComplete(text: string): boolean {
  const r = parse(text);
  return r.ok || !r.incomplete;
}

/** Parses the words of a string as a simple command (alias values, `watch` arguments). */
export function parseWords(text: string): Word[] | null {
  const r = parse(text);
  if (!r.ok || r.program.items.length !== 1) return null;
  const ao = r.program.items[0]!;
  if (ao.tail.length > 0 || ao.head.commands.length !== 1) return null;
  const c = ao.head.commands[0]!;
  return c.type === "simple" && c.assigns.length === 0 && c.redirs.length === 0 ? c.words : null;
}
