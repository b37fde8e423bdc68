// A POSIX awk subset: patterns (BEGIN, END, /re/, expressions, ranges), actions with print,
// printf, if/while/do/for/for-in, next, exit, arrays, fields, and the usual built-in functions.
// Ubuntu's awk is mawk, CentOS's is gawk: their syntax-error wordings differ and both are kept.
import { compilePosix } from "./pattern";
import { formatPrintf } from "./printf";
import { type Proc, type Utility, lines, readInputs } from "./proc";
import { errnoMessage, writeFile } from "./vfs";

// ---------------------------------------------------------------------------------------------
// Values

/** Input-derived text that compares as a number when it looks like one (POSIX "strnum"). */
class StrNum {
  constructor(readonly s: string) {}
}
type Val = number | string | StrNum;

const NUM_RE = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)\s*$/;

function toNum(v: Val): number {
  if (typeof v === "number") return v;
  const s = typeof v === "string" ? v : v.s;
  const m = /^\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/.exec(s);
  return m ? Number(m[0]) : 0;
}

function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n)) return String(n);
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) return n > 0 ? "inf" : "-inf";
  return formatPrintf(fmt, [String(n)]).text;
}

function toStr(v: Val, fmt = "%.6g"): string {
  if (typeof v === "number") return numToStr(v, fmt);
  return typeof v === "string" ? v : v.s;
}

const truthy = (v: Val): boolean => (typeof v === "number" ? v !== 0 : typeof v === "string" ? v !== "" : NUM_RE.test(v.s) ? toNum(v) !== 0 : v.s !== "");

function compare(a: Val, b: Val): number {
  const numeric = (v: Val) => typeof v === "number" || (v instanceof StrNum && NUM_RE.test(v.s));
  if (numeric(a) && numeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toStr(a);
  const y = toStr(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Lexer

type Tok = { t: "num"; v: number } | { t: "str"; v: string } | { t: "re"; v: string } | { t: "name"; v: string } | { t: "func"; v: string } | { t: "kw"; v: string } | { t: "op"; v: string } | { t: "nl" } | { t: "eof" };

const KEYWORDS = new Set(["BEGIN", "END", "if", "else", "while", "for", "do", "in", "next", "exit", "print", "printf", "delete", "break", "continue", "getline", "function", "return", "nextfile"]);
const BUILTIN_FUNCS = new Set(["length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system", "close", "fflush"]);
const OPS = ["**=", "^=", "+=", "-=", "*=", "/=", "%=", "==", "<=", ">=", "!=", "++", "--", "&&", "||", ">>", "!~", "**", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">", "<", "|", "?", ":", "~", "$", "="];

class AwkSyntax {
  constructor(
    readonly near: string,
    readonly line: number,
  ) {}
}

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const regexAllowed = () => {
    const p = toks[toks.length - 1];
    if (!p) return true;
    if (p.t === "num" || p.t === "str" || p.t === "name" || p.t === "re") return false;
    if (p.t === "func" && p.v === "length") return false;
    if (p.t === "op" && (p.v === ")" || p.v === "]" || p.v === "$" || p.v === "++" || p.v === "--")) return false;
    return true;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "\\" && src[i + 1] === "\n") {
      i += 2;
      line++;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "\n") {
      toks.push({ t: "nl" });
      line++;
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^(0[xX][0-9a-fA-F]+|\d*\.?\d*([eE][+-]?\d+)?)/.exec(src.slice(i))!;
      toks.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      const w = m[0];
      i += w.length;
      if (KEYWORDS.has(w)) toks.push({ t: "kw", v: w });
      else if (BUILTIN_FUNCS.has(w)) toks.push({ t: "func", v: w });
      else toks.push({ t: "name", v: w });
      continue;
    }
    if (c === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length || src[i] === "\n") throw new AwkSyntax("runaway string constant", line);
        const ch = src[i]!;
        if (ch === '"') {
          i++;
          break;
        }
        if (ch === "\\" && i + 1 < src.length) {
          const n = src[i + 1]!;
          const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "/": "/", a: "\x07", b: "\b", f: "\f", v: "\v" };
          if (/[0-7]/.test(n)) {
            const m = /^[0-7]{1,3}/.exec(src.slice(i + 1))!;
            s += String.fromCharCode(parseInt(m[0], 8));
            i += 1 + m[0].length;
            continue;
          }
          s += map[n] ?? "\\" + n;
          i += 2;
          continue;
        }
        s += ch;
        i++;
      }
      toks.push({ t: "str", v: s });
      continue;
    }
    if (c === "/" && regexAllowed()) {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length || src[i] === "\n") throw new AwkSyntax("runaway regular expression", line);
        const ch = src[i]!;
        if (ch === "/") {
          i++;
          break;
        }
        if (ch === "\\" && src[i + 1] === "/") {
          s += "/";
          i += 2;
          continue;
        }
        if (ch === "\\" && i + 1 < src.length) {
          s += ch + src[i + 1];
          i += 2;
          continue;
        }
        s += ch;
        i++;
      }
      toks.push({ t: "re", v: s });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntax(c, line);
    toks.push({ t: "op", v: op });
    i += op.length;
  }
  toks.push({ t: "eof" });
  return toks;
}

// ---------------------------------------------------------------------------------------------
// AST

type Expr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "re"; v: string }
  | { k: "var"; name: string }
  | { k: "idx"; name: string; subs: Expr[] }
  | { k: "field"; e: Expr }
  | { k: "assign"; op: string; target: Expr; e: Expr }
  | { k: "cond"; c: Expr; a: Expr; b: Expr }
  | { k: "bin"; op: string; l: Expr; r: Expr }
  | { k: "un"; op: string; e: Expr }
  | { k: "incdec"; op: "++" | "--"; prefix: boolean; target: Expr }
  | { k: "in"; subs: Expr[]; arr: string }
  | { k: "match"; neg: boolean; l: Expr; r: Expr }
  | { k: "call"; name: string; args: Expr[] }
  | { k: "group"; e: Expr };

type Stmt =
  | { k: "expr"; e: Expr }
  | { k: "print"; printf: boolean; args: Expr[]; redir?: { op: string; e: Expr } }
  | { k: "if"; c: Expr; a: Stmt; b?: Stmt }
  | { k: "while"; c: Expr; body: Stmt }
  | { k: "do"; body: Stmt; c: Expr }
  | { k: "for"; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: "forin"; v: string; arr: string; body: Stmt }
  | { k: "block"; body: Stmt[] }
  | { k: "next" }
  | { k: "exit"; e?: Expr }
  | { k: "break" }
  | { k: "continue" }
  | { k: "delete"; arr: string; subs?: Expr[] };

interface Item {
  begin?: boolean;
  end?: boolean;
  pattern?: Expr;
  pattern2?: Expr;
  action?: Stmt[];
  inRange?: boolean;
}

class AwkParser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }
  private isOp(v: string, o = 0): boolean {
    const t = this.peek(o);
    return t.t === "op" && t.v === v;
  }
  private isKw(v: string): boolean {
    const t = this.peek();
    return t.t === "kw" && t.v === v;
  }
  private fail(): never {
    const t = this.peek();
    const near = t.t === "eof" ? "end of file" : t.t === "nl" ? "end of line" : t.t === "str" ? `"${t.v}"` : t.t === "num" ? String(t.v) : t.t === "re" ? `/${t.v}/` : t.v;
    throw new AwkSyntax(near, 1);
  }
  private expectOp(v: string) {
    if (!this.isOp(v)) this.fail();
    this.i++;
  }
  private nls() {
    while (this.peek().t === "nl" || this.isOp(";")) this.i++;
  }
  private optNl() {
    while (this.peek().t === "nl") this.i++;
  }

  program(): Item[] {
    const items: Item[] = [];
    this.nls();
    while (this.peek().t !== "eof") {
      items.push(this.item());
      this.nls();
    }
    return items;
  }

  private item(): Item {
    if (this.isKw("BEGIN") || this.isKw("END")) {
      const begin = this.isKw("BEGIN");
      this.i++;
      this.optNl();
      return { begin, end: !begin, action: this.block() };
    }
    if (this.isKw("function")) this.fail();
    if (this.isOp("{")) return { action: this.block() };
    const pattern = this.expr();
    let pattern2: Expr | undefined;
    if (this.isOp(",")) {
      this.i++;
      this.optNl();
      pattern2 = this.expr();
    }
    if (this.isOp("{")) return { pattern, pattern2, action: this.block() };
    return { pattern, pattern2 };
  }

  private block(): Stmt[] {
    this.expectOp("{");
    const body: Stmt[] = [];
    this.nls();
    while (!this.isOp("}")) {
      if (this.peek().t === "eof") this.fail();
      body.push(this.stmt());
      this.nls();
    }
    this.i++;
    return body;
  }

  private simpleOrBlock(): Stmt {
    this.optNl();
    if (this.isOp(";")) {
      this.i++;
      return { k: "block", body: [] };
    }
    return this.stmt();
  }

  private stmt(): Stmt {
    const t = this.peek();
    if (t.t === "op" && t.v === "{") return { k: "block", body: this.block() };
    if (t.t === "kw") {
      switch (t.v) {
        case "if": {
          this.i++;
          this.expectOp("(");
          const c = this.expr();
          this.expectOp(")");
          const a = this.simpleOrBlock();
          const save = this.i;
          this.nls();
          if (this.isKw("else")) {
            this.i++;
            return { k: "if", c, a, b: this.simpleOrBlock() };
          }
          this.i = save;
          return { k: "if", c, a };
        }
        case "while": {
          this.i++;
          this.expectOp("(");
          const c = this.expr();
          this.expectOp(")");
          if (this.isOp(";")) {
            this.i++;
            return { k: "while", c, body: { k: "block", body: [] } };
          }
          return { k: "while", c, body: this.simpleOrBlock() };
        }
        case "do": {
          this.i++;
          const body = this.simpleOrBlock();
          this.nls();
          if (!this.isKw("while")) this.fail();
          this.i++;
          this.expectOp("(");
          const c = this.expr();
          this.expectOp(")");
          return { k: "do", body, c };
        }
        case "for": {
          this.i++;
          this.expectOp("(");
          const n = this.peek();
          if (n.t === "name" && this.peek(1).t === "kw" && (this.peek(1) as { v: string }).v === "in" && this.peek(2).t === "name" && this.isOp(")", 3)) {
            this.i += 4;
            return { k: "forin", v: n.v, arr: (this.toks[this.i - 2] as { v: string }).v, body: this.simpleOrBlock() };
          }
          const init = this.isOp(";") ? undefined : this.simpleStmt();
          this.expectOp(";");
          this.optNl();
          const c = this.isOp(";") ? undefined : this.expr();
          this.expectOp(";");
          this.optNl();
          const step = this.isOp(")") ? undefined : this.simpleStmt();
          this.expectOp(")");
          return { k: "for", init, c, step, body: this.simpleOrBlock() };
        }
        case "next":
          this.i++;
          return { k: "next" };
        case "exit": {
          this.i++;
          const e = this.endOfSimple() ? undefined : this.expr();
          return { k: "exit", e };
        }
        case "break":
          this.i++;
          return { k: "break" };
        case "continue":
          this.i++;
          return { k: "continue" };
        case "delete": {
          this.i++;
          const n = this.peek();
          if (n.t !== "name") this.fail();
          this.i++;
          if (this.isOp("[")) {
            this.i++;
            const subs = this.exprList("]");
            return { k: "delete", arr: n.v, subs };
          }
          return { k: "delete", arr: n.v };
        }
      }
    }
    return this.simpleStmt();
  }

  private endOfSimple(): boolean {
    const t = this.peek();
    return t.t === "nl" || t.t === "eof" || (t.t === "op" && (t.v === ";" || t.v === "}"));
  }

  private simpleStmt(): Stmt {
    if (this.isKw("print") || this.isKw("printf")) {
      const printf = this.isKw("printf");
      this.i++;
      let args: Expr[] = [];
      if (!this.endOfSimple() && !this.isOp(">") && !this.isOp(">>") && !this.isOp("|")) {
        if (this.isOp("(")) {
          // print (a, b) > f   or   print (a) b
          const save = this.i;
          this.i++;
          const list = this.exprList(")");
          if (this.endOfSimple() || this.isOp(">") || this.isOp(">>") || this.isOp("|")) args = list;
          else {
            this.i = save;
            args = this.printArgs();
          }
        } else args = this.printArgs();
      }
      let redir: { op: string; e: Expr } | undefined;
      if (this.isOp(">") || this.isOp(">>") || this.isOp("|")) {
        const op = (this.peek() as { v: string }).v;
        this.i++;
        redir = { op, e: this.concat() };
      }
      if (printf && args.length === 0) this.fail();
      return { k: "print", printf, args, redir };
    }
    return { k: "expr", e: this.expr() };
  }

  private printArgs(): Expr[] {
    const args = [this.expr(true)];
    while (this.isOp(",")) {
      this.i++;
      this.optNl();
      args.push(this.expr(true));
    }
    return args;
  }

  private exprList(close: string): Expr[] {
    const list: Expr[] = [];
    this.optNl();
    if (this.isOp(close)) {
      this.i++;
      return list;
    }
    list.push(this.expr());
    while (this.isOp(",")) {
      this.i++;
      this.optNl();
      list.push(this.expr());
    }
    this.optNl();
    this.expectOp(close);
    return list;
  }

  /** `noGt`: inside print's arguments, `>` is a redirection. */
  expr(noGt = false): Expr {
    return this.ternary(noGt);
  }

  private isLvalue(e: Expr): boolean {
    return e.k === "var" || e.k === "idx" || e.k === "field";
  }

  private ternary(noGt: boolean): Expr {
    const c = this.or(noGt);
    if (this.isOp("?")) {
      this.i++;
      this.optNl();
      const a = this.ternary(noGt);
      this.optNl();
      this.expectOp(":");
      this.optNl();
      const b = this.ternary(noGt);
      return { k: "cond", c, a, b };
    }
    const t = this.peek();
    if (t.t === "op" && ["=", "+=", "-=", "*=", "/=", "%=", "^=", "**="].includes(t.v) && this.isLvalue(c)) {
      this.i++;
      this.optNl();
      return { k: "assign", op: t.v, target: c, e: this.ternary(noGt) };
    }
    return c;
  }

  private or(noGt: boolean): Expr {
    let l = this.and(noGt);
    while (this.isOp("||")) {
      this.i++;
      this.optNl();
      l = { k: "bin", op: "||", l, r: this.and(noGt) };
    }
    return l;
  }

  private and(noGt: boolean): Expr {
    let l = this.inExpr(noGt);
    while (this.isOp("&&")) {
      this.i++;
      this.optNl();
      l = { k: "bin", op: "&&", l, r: this.inExpr(noGt) };
    }
    return l;
  }

  private inExpr(noGt: boolean): Expr {
    let l = this.matchExpr(noGt);
    while (this.isKw("in")) {
      this.i++;
      const n = this.peek();
      if (n.t !== "name") this.fail();
      this.i++;
      l = { k: "in", subs: l.k === "group" && l.e.k === "bin" && l.e.op === "," ? flattenComma(l.e) : [l], arr: n.v };
    }
    return l;
  }

  private matchExpr(noGt: boolean): Expr {
    let l = this.comparison(noGt);
    while (this.isOp("~") || this.isOp("!~")) {
      const neg = this.isOp("!~");
      this.i++;
      l = { k: "match", neg, l, r: this.comparison(noGt) };
    }
    return l;
  }

  private comparison(noGt: boolean): Expr {
    const l = this.concat();
    const t = this.peek();
    if (t.t === "op" && ["<", "<=", "==", "!=", ">=", ">"].includes(t.v) && !(noGt && t.v === ">")) {
      this.i++;
      return { k: "bin", op: t.v, l, r: this.concat() };
    }
    return l;
  }

  private startsPrimary(): boolean {
    const t = this.peek();
    if (t.t === "num" || t.t === "str" || t.t === "re" || t.t === "name" || t.t === "func") return true;
    if (t.t === "op" && (t.v === "$" || t.v === "(" || t.v === "!" || t.v === "++" || t.v === "--" || t.v === "-" || t.v === "+")) return true;
    return false;
  }

  private concat(): Expr {
    let l = this.additive();
    while (this.startsPrimary() && !this.isOp("-") && !this.isOp("+") && !this.isKw("in")) {
      l = { k: "bin", op: "concat", l, r: this.additive() };
    }
    return l;
  }

  private additive(): Expr {
    let l = this.mult();
    while (this.isOp("+") || this.isOp("-")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      l = { k: "bin", op, l, r: this.mult() };
    }
    return l;
  }

  private mult(): Expr {
    let l = this.unary();
    while (this.isOp("*") || this.isOp("/") || this.isOp("%")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      l = { k: "bin", op, l, r: this.unary() };
    }
    return l;
  }

  private unary(): Expr {
    if (this.isOp("!") || this.isOp("-") || this.isOp("+")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      return { k: "un", op, e: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (this.isOp("^") || this.isOp("**")) {
      this.i++;
      return { k: "bin", op: "^", l: base, r: this.unary() };
    }
    return base;
  }

  private postfix(): Expr {
    if (this.isOp("++") || this.isOp("--")) {
      const op = (this.peek() as { v: "++" | "--" }).v;
      this.i++;
      const target = this.postfix();
      if (!this.isLvalue(target)) this.fail();
      return { k: "incdec", op, prefix: true, target };
    }
    const e = this.primary();
    if ((this.isOp("++") || this.isOp("--")) && this.isLvalue(e)) {
      const op = (this.peek() as { v: "++" | "--" }).v;
      this.i++;
      return { k: "incdec", op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.peek();
    this.i++;
    switch (t.t) {
      case "num":
        return { k: "num", v: t.v };
      case "str":
        return { k: "str", v: t.v };
      case "re":
        return { k: "re", v: t.v };
      case "name":
        if (this.isOp("[")) {
          this.i++;
          return { k: "idx", name: t.v, subs: this.exprList("]") };
        }
        return { k: "var", name: t.v };
      case "func": {
        if (!this.isOp("(")) {
          if (t.v === "length") return { k: "call", name: "length", args: [] };
          this.fail();
        }
        this.i++;
        return { k: "call", name: t.v, args: this.exprList(")") };
      }
      case "op":
        if (t.v === "$") return { k: "field", e: this.postfixNoIncdec() };
        if (t.v === "(") {
          const e = this.expr();
          if (this.isOp(",")) {
            // (a, b) in arr
            const list = [e];
            while (this.isOp(",")) {
              this.i++;
              list.push(this.expr());
            }
            this.expectOp(")");
            return { k: "group", e: list.slice(1).reduce<Expr>((acc, x) => ({ k: "bin", op: ",", l: acc, r: x }), list[0]!) };
          }
          this.expectOp(")");
          return { k: "group", e };
        }
        if (t.v === "-" || t.v === "!" || t.v === "+") {
          this.i--;
          return this.unary();
        }
    }
    this.i--;
    this.fail();
  }

  private postfixNoIncdec(): Expr {
    if (this.isOp("++") || this.isOp("--") || this.isOp("-") || this.isOp("!")) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      if (op === "++" || op === "--") return { k: "incdec", op, prefix: true, target: this.primary() };
      return { k: "un", op, e: this.primary() };
    }
    return this.primary();
  }
}

function flattenComma(e: Expr): Expr[] {
  if (e.k === "bin" && e.op === ",") return [...flattenComma(e.l), e.r];
  return [e];
}

// ---------------------------------------------------------------------------------------------
// Interpreter

class NextSignal {}
class ExitAwk {
  constructor(readonly code: number) {}
}
class BreakSignal {}
class ContinueSignal {}
class AwkRuntime {
  constructor(readonly message: string) {}
}

const MAX_AWK_STEPS = 2_000_000;

class Awk {
  vars = new Map<string, Val>();
  arrays = new Map<string, Map<string, Val>>();
  fields: string[] = [];
  record = "";
  private fieldsValid = false;
  out = "";
  files = new Map<string, string>();
  steps = 0;
  private seed = 0;
  private randState = 1;

  constructor(
    private readonly p: Proc,
    private readonly items: Item[],
  ) {
    this.vars.set("FS", " ");
    this.vars.set("OFS", " ");
    this.vars.set("ORS", "\n");
    this.vars.set("NR", 0);
    this.vars.set("NF", 0);
    this.vars.set("FNR", 0);
    this.vars.set("SUBSEP", "\x1c");
    this.vars.set("RSTART", 0);
    this.vars.set("RLENGTH", -1);
    this.vars.set("CONVFMT", "%.6g");
    this.vars.set("OFMT", "%.6g");
    this.vars.set("FILENAME", "");
  }

  private str(v: Val): string {
    return toStr(v, toStr(this.vars.get("CONVFMT") ?? "%.6g"));
  }

  setRecord(text: string) {
    this.record = text;
    this.fieldsValid = false;
  }

  private split(text: string, fs: string): string[] {
    if (fs === " ") {
      const t = text.replace(/^[ \t\n]+|[ \t\n]+$/g, "");
      return t === "" ? [] : t.split(/[ \t\n]+/);
    }
    if (text === "") return [];
    if (fs.length === 1 && fs !== "\\") return text.split(fs === "\t" ? "\t" : fs);
    try {
      return text.split(compilePosix(fs, "extended"));
    } catch {
      return text.split(fs);
    }
  }

  private ensureFields() {
    if (this.fieldsValid) return;
    this.fields = this.split(this.record, this.str(this.vars.get("FS") ?? " "));
    this.vars.set("NF", this.fields.length);
    this.fieldsValid = true;
  }

  private getField(n: number): Val {
    if (n === 0) return new StrNum(this.record);
    this.ensureFields();
    const f = this.fields[n - 1];
    return f === undefined ? new StrNum("") : new StrNum(f);
  }

  private rebuild() {
    this.record = this.fields.join(this.str(this.vars.get("OFS") ?? " "));
  }

  private setField(n: number, v: string) {
    if (n === 0) {
      this.setRecord(v);
      return;
    }
    this.ensureFields();
    while (this.fields.length < n) this.fields.push("");
    this.fields[n - 1] = v;
    this.vars.set("NF", this.fields.length);
    this.rebuild();
  }

  private arr(name: string): Map<string, Val> {
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  private subscript(subs: Expr[]): string {
    return subs.map((s) => this.str(this.eval(s))).join(this.str(this.vars.get("SUBSEP") ?? "\x1c"));
  }

  private regex(e: Expr): RegExp {
    const src = e.k === "re" ? e.v : this.str(this.eval(e));
    try {
      return compilePosix(src, "extended");
    } catch {
      throw new AwkRuntime(`regular expression compile failed (missing operand)\n${src}`);
    }
  }

  private assign(target: Expr, v: Val): Val {
    if (target.k === "var") {
      if (target.name === "NF") {
        this.ensureFields();
        const n = Math.max(0, Math.trunc(toNum(v)));
        this.fields.length = Math.min(n, this.fields.length);
        while (this.fields.length < n) this.fields.push("");
        this.vars.set("NF", n);
        this.rebuild();
        return n;
      }
      this.vars.set(target.name, v);
    } else if (target.k === "idx") this.arr(target.name).set(this.subscript(target.subs), v);
    else if (target.k === "field") this.setField(Math.trunc(toNum(this.eval(target.e))), this.str(v));
    return v;
  }

  private getVar(name: string): Val {
    if (name === "NF") this.ensureFields();
    return this.vars.get(name) ?? "";
  }

  eval(e: Expr): Val {
    if (++this.steps > MAX_AWK_STEPS) throw new AwkRuntime("program ran too long (stopped)");
    switch (e.k) {
      case "num":
        return e.v;
      case "str":
        return e.v;
      case "re":
        return this.regex(e).test(this.record) ? 1 : 0;
      case "var":
        return this.getVar(e.name);
      case "idx": {
        const a = this.arr(e.name);
        const key = this.subscript(e.subs);
        if (!a.has(key)) a.set(key, "");
        return a.get(key)!;
      }
      case "field":
        return this.getField(Math.trunc(toNum(this.eval(e.e))));
      case "group":
        return this.eval(e.e);
      case "assign": {
        const v = this.eval(e.e);
        if (e.op === "=") return this.assign(e.target, v instanceof StrNum ? v : typeof v === "number" ? v : v);
        const cur = toNum(this.eval(e.target));
        const r = toNum(v);
        const n = e.op === "+=" ? cur + r : e.op === "-=" ? cur - r : e.op === "*=" ? cur * r : e.op === "/=" ? this.div(cur, r) : e.op === "%=" ? this.mod(cur, r) : cur ** r;
        return this.assign(e.target, n);
      }
      case "cond":
        return truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case "un": {
        const v = this.eval(e.e);
        if (e.op === "!") return truthy(v) ? 0 : 1;
        return e.op === "-" ? -toNum(v) : toNum(v);
      }
      case "incdec": {
        const old = toNum(this.eval(e.target));
        const n = e.op === "++" ? old + 1 : old - 1;
        this.assign(e.target, n);
        return e.prefix ? n : old;
      }
      case "in":
        return this.arr(e.arr).has(this.subscript(e.subs)) ? 1 : 0;
      case "match": {
        const re = this.regex(e.r);
        const hit = re.test(this.str(this.eval(e.l)));
        return hit !== e.neg ? 1 : 0;
      }
      case "bin": {
        if (e.op === "&&") return truthy(this.eval(e.l)) && truthy(this.eval(e.r)) ? 1 : 0;
        if (e.op === "||") return truthy(this.eval(e.l)) || truthy(this.eval(e.r)) ? 1 : 0;
        const l = this.eval(e.l);
        const r = this.eval(e.r);
        switch (e.op) {
          case "concat":
            return this.str(l) + this.str(r);
          case "+":
            return toNum(l) + toNum(r);
          case "-":
            return toNum(l) - toNum(r);
          case "*":
            return toNum(l) * toNum(r);
          case "/":
            return this.div(toNum(l), toNum(r));
          case "%":
            return this.mod(toNum(l), toNum(r));
          case "^":
            return toNum(l) ** toNum(r);
          case "<":
            return compare(l, r) < 0 ? 1 : 0;
          case "<=":
            return compare(l, r) <= 0 ? 1 : 0;
          case ">":
            return compare(l, r) > 0 ? 1 : 0;
          case ">=":
            return compare(l, r) >= 0 ? 1 : 0;
          case "==":
            return compare(l, r) === 0 ? 1 : 0;
          case "!=":
            return compare(l, r) !== 0 ? 1 : 0;
          case ",":
            return this.str(l) + this.str(this.vars.get("SUBSEP") ?? "\x1c") + this.str(r);
        }
        return 0;
      }
      case "call":
        return this.call(e.name, e.args);
    }
  }

  private div(a: number, b: number): number {
    if (b === 0) throw new AwkRuntime("division by zero");
    return a / b;
  }

  private mod(a: number, b: number): number {
    if (b === 0) throw new AwkRuntime("division by zero in %");
    return a % b;
  }

  private call(name: string, args: Expr[]): Val {
    const s = (i: number) => (args[i] ? this.str(this.eval(args[i]!)) : "");
    const n = (i: number) => (args[i] ? toNum(this.eval(args[i]!)) : 0);
    switch (name) {
      case "length": {
        if (args.length === 0) return [...this.record].length;
        const a = args[0]!;
        if (a.k === "var" && this.arrays.has(a.name)) return this.arrays.get(a.name)!.size;
        return [...s(0)].length;
      }
      case "substr": {
        const str = [...s(0)];
        let start = Math.round(n(1));
        let len = args.length > 2 ? Math.round(n(2)) : Infinity;
        if (start < 1) {
          len += start - 1;
          start = 1;
        }
        if (len <= 0) return "";
        return str.slice(start - 1, len === Infinity ? undefined : start - 1 + len).join("");
      }
      case "index":
        return s(0).indexOf(s(1)) + 1;
      case "split": {
        const target = args[1];
        if (!target || target.k !== "var") throw new AwkRuntime("split: second argument is not an array");
        const fs = args.length > 2 ? (args[2]!.k === "re" ? (args[2] as { v: string }).v : s(2)) : this.str(this.vars.get("FS") ?? " ");
        const parts = this.split(s(0), fs);
        const a = new Map<string, Val>();
        parts.forEach((x, i) => a.set(String(i + 1), new StrNum(x)));
        this.arrays.set(target.name, a);
        return parts.length;
      }
      case "sub":
      case "gsub": {
        const re = this.regex(args[0] ?? { k: "str", v: "" });
        const repl = s(1);
        const target: Expr = args[2] ?? { k: "field", e: { k: "num", v: 0 } };
        const text = this.str(this.eval(target));
        let count = 0;
        const g = new RegExp(re.source, "g");
        let out = "";
        let last = 0;
        let m: RegExpExecArray | null;
        while ((m = g.exec(text)) !== null) {
          out += text.slice(last, m.index) + repl.replace(/\\\\|\\&|&/g, (x) => (x === "&" ? m![0] : x === "\\&" ? "&" : "\\"));
          last = m.index + m[0].length;
          count++;
          if (m[0] === "") g.lastIndex++;
          if (name === "sub") break;
        }
        if (count > 0) this.assign(target, out + text.slice(last));
        return count;
      }
      case "match": {
        const m = this.regex(args[1] ?? { k: "str", v: "" }).exec(s(0));
        this.vars.set("RSTART", m ? m.index + 1 : 0);
        this.vars.set("RLENGTH", m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case "sprintf":
        return this.sprintf(args);
      case "tolower":
        return s(0).toLowerCase();
      case "toupper":
        return s(0).toUpperCase();
      case "int":
        return Math.trunc(n(0));
      case "sqrt":
        return Math.sqrt(n(0));
      case "exp":
        return Math.exp(n(0));
      case "log":
        return Math.log(n(0));
      case "sin":
        return Math.sin(n(0));
      case "cos":
        return Math.cos(n(0));
      case "atan2":
        return Math.atan2(n(0), n(1));
      case "rand": {
        // A small LCG: deterministic, as the sandbox must be.
        this.randState = (this.randState * 1103515245 + 12345) % 2147483648;
        return this.randState / 2147483648;
      }
      case "srand": {
        const old = this.seed;
        this.seed = args.length ? n(0) : Math.floor(this.p.now() / 1000);
        this.randState = Math.abs(Math.trunc(this.seed)) % 2147483648 || 1;
        return old;
      }
      case "system": {
        this.flush();
        return this.p.runScript(s(0), "");
      }
      case "close":
      case "fflush":
        return 0;
    }
    return "";
  }

  sprintf(args: Expr[]): string {
    if (args.length === 0) return "";
    const fmt = this.str(this.eval(args[0]!));
    const values = args.slice(1).map((a) => this.eval(a));
    let out = "";
    let vi = 0;
    const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([a-zA-Z%])/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(fmt)) !== null) {
      out += fmt.slice(last, m.index);
      last = m.index + m[0].length;
      const conv = m[4]!;
      if (conv === "%") {
        out += "%";
        continue;
      }
      let width = m[2] ?? "";
      if (width === "*") width = String(Math.trunc(toNum(values[vi++] ?? 0)));
      let prec = m[3];
      if (prec === "*") prec = String(Math.trunc(toNum(values[vi++] ?? 0)));
      const spec = `%${m[1]}${width}${prec !== undefined ? "." + prec : ""}`;
      const v = values[vi++] ?? "";
      if (conv === "c") {
        const ch = typeof v === "number" ? String.fromCharCode(v) : this.str(v).slice(0, 1);
        out += formatPrintf(spec + "s", [ch]).text;
      } else if ("dioxXu".includes(conv)) out += formatPrintf(spec + (conv === "u" ? "d" : conv), [String(Math.trunc(toNum(v)))]).text;
      else if ("eEfFgG".includes(conv)) out += formatPrintf(spec + conv, [String(toNum(v))]).text;
      else out += formatPrintf(spec + "s", [this.str(v)]).text;
    }
    return out + fmt.slice(last).replace(/\\n/g, "\n");
  }

  private emit(text: string, redir?: { op: string; e: Expr }) {
    if (!redir) {
      this.out += text;
      if (this.out.length > 4 * 1024 * 1024) throw new AwkRuntime("output too large");
      return;
    }
    const target = this.str(this.eval(redir.e));
    if (redir.op === "|") {
      this.flush();
      this.p.runScript(target, text);
      return;
    }
    const prev = this.files.get(target);
    this.files.set(target, (prev ?? (redir.op === ">>" ? "\u0000append" : "")) + text);
  }

  flush() {
    if (this.out) this.p.out(this.out);
    this.out = "";
  }

  exec(s: Stmt) {
    if (++this.steps > MAX_AWK_STEPS) throw new AwkRuntime("program ran too long (stopped)");
    switch (s.k) {
      case "expr":
        this.eval(s.e);
        return;
      case "print": {
        if (s.printf) {
          this.emit(this.sprintf(s.args), s.redir);
          return;
        }
        const ofmt = this.str(this.vars.get("OFMT") ?? "%.6g");
        const parts = s.args.length === 0 ? [this.record] : s.args.map((a) => toStr(this.eval(a), ofmt));
        this.emit(parts.join(this.str(this.vars.get("OFS") ?? " ")) + this.str(this.vars.get("ORS") ?? "\n"), s.redir);
        return;
      }
      case "if":
        if (truthy(this.eval(s.c))) this.exec(s.a);
        else if (s.b) this.exec(s.b);
        return;
      case "while":
        while (truthy(this.eval(s.c))) {
          if (this.loopBody(s.body)) break;
        }
        return;
      case "do":
        do {
          if (this.loopBody(s.body)) break;
        } while (truthy(this.eval(s.c)));
        return;
      case "for":
        if (s.init) this.exec(s.init);
        while (!s.c || truthy(this.eval(s.c))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.exec(s.step);
        }
        return;
      case "forin": {
        for (const key of [...this.arr(s.arr).keys()]) {
          this.vars.set(s.v, new StrNum(key));
          if (this.loopBody(s.body)) break;
        }
        return;
      }
      case "block":
        for (const x of s.body) this.exec(x);
        return;
      case "next":
        throw new NextSignal();
      case "exit":
        throw new ExitAwk(s.e ? Math.trunc(toNum(this.eval(s.e))) : 0);
      case "break":
        throw new BreakSignal();
      case "continue":
        throw new ContinueSignal();
      case "delete":
        if (s.subs) this.arr(s.arr).delete(this.subscript(s.subs));
        else this.arrays.set(s.arr, new Map());
        return;
    }
  }

  /** Runs a loop body; true means break. */
  private loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (e) {
      if (e instanceof BreakSignal) return true;
      if (e instanceof ContinueSignal) return false;
      throw e;
    }
    return false;
  }

  private runAction(action: Stmt[]) {
    for (const s of action) this.exec(s);
  }

  runBegin(): boolean {
    for (const it of this.items) if (it.begin) this.runAction(it.action!);
    return this.items.some((it) => !it.begin);
  }

  runRecord(line: string) {
    this.setRecord(line);
    this.vars.set("NR", toNum(this.vars.get("NR") ?? 0) + 1);
    this.vars.set("FNR", toNum(this.vars.get("FNR") ?? 0) + 1);
    try {
      for (const it of this.items) {
        if (it.begin || it.end) continue;
        let hit: boolean;
        if (!it.pattern) hit = true;
        else if (!it.pattern2) hit = truthy(this.eval(it.pattern));
        else if (it.inRange) {
          hit = true;
          if (truthy(this.eval(it.pattern2))) it.inRange = false;
        } else if (truthy(this.eval(it.pattern))) {
          hit = true;
          it.inRange = !truthy(this.eval(it.pattern2));
        } else hit = false;
        if (!hit) continue;
        if (it.action) this.runAction(it.action);
        else this.emit(this.record + this.str(this.vars.get("ORS") ?? "\n"));
      }
    } catch (e) {
      if (e instanceof NextSignal) return;
      throw e;
    }
  }

  runEnd() {
    for (const it of this.items) if (it.end) this.runAction(it.action!);
  }

  setFilename(name: string) {
    this.vars.set("FILENAME", name);
    this.vars.set("FNR", 0);
  }
}

function syntaxError(p: Proc, program: string, e: AwkSyntax): string {
  if (p.host.distro === "centos") {
    const line = program.split("\n")[e.line - 1] ?? program;
    return `awk: cmd. line:${e.line}: ${line}\nawk: cmd. line:${e.line}: ${" ".repeat(Math.max(0, line.length - 1))}^ syntax error\n`;
  }
  return `awk: line ${e.line}: syntax error at or near ${e.near}\n`;
}

function unescapeFs(fs: string): string {
  if (fs === "t" || fs === "\\t") return "\t";
  return fs.replace(/\\t/g, "\t").replace(/\\n/g, "\n");
}

const awk: Utility = (p) => {
  const args = p.args;
  let program: string | undefined;
  let fs: string | undefined;
  const assigns: Array<[string, string]> = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (a === "-F") fs = args[++i];
    else if (a.startsWith("-F")) fs = a.slice(2);
    else if (a === "-v") {
      const v = args[++i] ?? "";
      const eq = v.indexOf("=");
      if (eq > 0) assigns.push([v.slice(0, eq), v.slice(eq + 1)]);
    } else if (a.startsWith("-v") && a.includes("=")) {
      const v = a.slice(2);
      assigns.push([v.slice(0, v.indexOf("=")), v.slice(v.indexOf("=") + 1)]);
    } else if (a === "-f") {
      const f = args[++i] ?? "";
      const r = readInputs(p, [f], (n, code) => p.err(p.host.distro === "centos" ? `awk: fatal: can't open source file \`${n}' for reading (${errnoMessage(code)})\n` : `awk: couldn't open file ${n}\n`));
      if (r.length === 0) return 2;
      program = r[0]!.text;
    } else if (a.startsWith("-") && a.length > 1 && program === undefined) {
      if (a === "--version" || a === "-W") {
        p.out(p.host.distro === "centos" ? "GNU Awk 4.2.1, API: 2.0 (GNU MPFR 3.1.6-p2, GNU MP 6.1.2)\n" : "mawk 1.3.4 20200120\n");
        return 0;
      }
      p.err(p.host.distro === "centos" ? `awk: not an option: ${a}\n` : `mawk: not an option: ${a}\n`);
      return 2;
    } else break;
  }
  if (program === undefined) {
    program = args[i++];
    if (program === undefined) {
      p.err(p.host.distro === "centos" ? "Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\n" : "usage: mawk [-F value] [-v var=value] [--] 'program text' [file ...]\nusage: mawk [-F value] [-v var=value] [-f program-file] [--] [file ...]\n");
      return 2;
    }
  }
  let items: Item[];
  try {
    items = new AwkParser(lex(program)).program();
  } catch (e) {
    if (e instanceof AwkSyntax) {
      p.err(syntaxError(p, program, e));
      return 2;
    }
    throw e;
  }
  const a = new Awk(p, items);
  if (fs !== undefined) a.vars.set("FS", unescapeFs(fs));
  for (const [k, v] of assigns) a.vars.set(k, new StrNum(v.replace(/\\n/g, "\n").replace(/\\t/g, "\t")));
  const operands = args.slice(i);
  let status = 0;
  const finish = () => {
    a.flush();
    for (const [f, content] of a.files) {
      const append = content.startsWith("\u0000append");
      const body = append ? content.slice("\u0000append".length) : content;
      const w = writeFile(p.host.fs, f.startsWith("/") ? f : (p.cwd === "/" ? "" : p.cwd) + "/" + f, body, p.actor, p.now(), { append });
      if (!w.ok) {
        p.err(`awk: cannot open "${f}" for output (${errnoMessage(w.code)})\n`);
        status = 2;
      }
    }
  };
  try {
    const needInput = a.runBegin();
    if (needInput) {
      const files = operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o));
      const names = files.length ? operands : ["-"];
      for (const name of names) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(name);
        if (m) {
          a.vars.set(m[1]!, new StrNum(m[2]!));
          continue;
        }
        const inputs = readInputs(p, [name], (n, code) => {
          p.err(p.host.distro === "centos" ? `awk: fatal: cannot open file \`${n}' for reading (${errnoMessage(code)})\n` : `mawk: cannot open ${n} (${errnoMessage(code)})\n`);
          status = 2;
        });
        if (status === 2) break;
        for (const { text } of inputs) {
          a.setFilename(name === "-" ? "" : name);
          for (const line of lines(text)) a.runRecord(line);
        }
      }
    }
    if (status !== 2) a.runEnd();
  } catch (e) {
    if (e instanceof ExitAwk) {
      try {
        if (!(e instanceof ExitAwk && items.length === 0)) a.runEnd();
      } catch (e2) {
        if (!(e2 instanceof ExitAwk)) throw e2;
      }
      finish();
      return e.code & 255;
    }
    if (e instanceof AwkRuntime) {
      finish();
      p.err(p.host.distro === "centos" ? `awk: cmd. line:1: fatal: ${e.message}\n` : `mawk: ${e.message}\n`);
      return 2;
    }
    if (e instanceof NextSignal || e instanceof BreakSignal || e instanceof ContinueSignal) {
      finish();
      return status;
    }
    throw e;
  }
  finish();
  return status;
};

export const AWK_UTILITIES: Record<string, Utility> = { awk, gawk: awk, mawk: awk };
