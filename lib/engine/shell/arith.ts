// Bash arithmetic ($((...)), ((...)), for ((...))): 64-bit signed integers, C operators,
// variables by name. Errors carry bash's wording.

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError {
  constructor(readonly message: string) {}
}

type Tok = ({ t: "num"; v: bigint } | { t: "name"; v: string } | { t: "op"; v: string }) & { pos: number };

const OPS = ["<<=", ">>=", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "!", "~", "?", ":", "=", "(", ")", ","];

function tokenize(expr: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(expr.slice(i))!;
      let text = m[0];
      i += text.length;
      if (/^[0-9a-zA-Z_]/.test(expr.slice(i))) {
        const rest = /^[0-9a-zA-Z_]+/.exec(expr.slice(i))![0];
        text += rest;
        throw new ArithError(`${expr}: value too great for base (error token is "${text}")`);
      }
      toks.push({ t: "num", v: parseNumber(text, expr), pos: i - text.length });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i))!;
      toks.push({ t: "name", v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => expr.startsWith(o, i));
    if (!op) throw new ArithError(`${expr}: syntax error: invalid arithmetic operator (error token is "${expr.slice(i)}")`);
    toks.push({ t: "op", v: op, pos: i });
    i += op.length;
  }
  return toks;
}

function parseNumber(text: string, expr: string): bigint {
  try {
    if (/^0[xX]/.test(text)) return BigInt(text);
    const hash = text.indexOf("#");
    if (hash > 0) {
      const base = Number(text.slice(0, hash));
      const digits = text.slice(hash + 1);
      if (base < 2 || base > 64) throw new ArithError(`${expr}: invalid arithmetic base (error token is "${text}")`);
      let v = 0n;
      for (const d of digits) {
        const n = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@_".indexOf(base <= 36 ? d.toLowerCase() : d);
        if (n < 0 || n >= base) throw new ArithError(`${expr}: value too great for base (error token is "${text}")`);
        v = v * BigInt(base) + BigInt(n);
      }
      return v;
    }
    if (text.length > 1 && text.startsWith("0")) {
      if (/[89]/.test(text)) throw new ArithError(`${expr}: value too great for base (error token is "${text}")`);
      return BigInt("0o" + text.slice(1));
    }
    return BigInt(text);
  } catch (e) {
    if (e instanceof ArithError) throw e;
    throw new ArithError(`${expr}: syntax error: invalid arithmetic operator (error token is "${text}")`);
  }
}

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

type Node =
  | { k: "num"; v: bigint }
  | { k: "var"; name: string }
  | { k: "un"; op: string; e: Node }
  | { k: "pre" | "post"; op: "++" | "--"; name: string }
  | { k: "bin"; op: string; l: Node; r: Node }
  | { k: "assign"; op: string; name: string; e: Node }
  | { k: "cond"; c: Node; a: Node; b: Node }
  | { k: "comma"; l: Node; r: Node };

const BIN_PREC: Record<string, number> = {
  "||": 1, "&&": 2, "|": 3, "^": 4, "&": 5, "==": 6, "!=": 6, "<": 7, ">": 7, "<=": 7, ">=": 7,
  "<<": 8, ">>": 8, "+": 9, "-": 9, "*": 10, "/": 10, "%": 10, "**": 11,
};

class ArithParser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly expr: string,
  ) {}

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  /** bash's "error token": the text from the failing token (the last one at the end). */
  private rest(): string {
    const tok = this.toks[this.i] ?? this.toks[this.toks.length - 1];
    return tok ? this.expr.slice(tok.pos) : "";
  }
  private fail(what = "operand expected"): never {
    throw new ArithError(`${this.expr}: syntax error: ${what} (error token is "${this.rest()}")`);
  }

  parseAll(): Node {
    const n = this.comma();
    if (this.i < this.toks.length) this.fail("invalid arithmetic operator");
    return n;
  }

  private comma(): Node {
    let l = this.assign();
    while (this.isOp(",")) {
      this.i++;
      l = { k: "comma", l, r: this.assign() };
    }
    return l;
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === "op" && t.v === v;
  }

  private assign(): Node {
    const t = this.peek();
    const n = this.toks[this.i + 1];
    if (t && t.t === "name" && n && n.t === "op" && ["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|="].includes(n.v)) {
      this.i += 2;
      return { k: "assign", op: n.v, name: t.v, e: this.assign() };
    }
    return this.ternary();
  }

  private ternary(): Node {
    const c = this.binary(1);
    if (this.isOp("?")) {
      this.i++;
      const a = this.assign();
      if (!this.isOp(":")) this.fail("`:' expected for conditional expression");
      this.i++;
      const b = this.assign();
      return { k: "cond", c, a, b };
    }
    return c;
  }

  private binary(min: number): Node {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== "op") return l;
      const p = BIN_PREC[t.v];
      if (p === undefined || p < min) return l;
      this.i++;
      // ** is right-associative.
      const r = this.binary(t.v === "**" ? p : p + 1);
      l = { k: "bin", op: t.v, l, r };
    }
  }

  private unary(): Node {
    const t = this.peek();
    if (!t) this.fail();
    if (t.t === "op") {
      if (t.v === "++" || t.v === "--") {
        const n = this.toks[this.i + 1];
        if (n && n.t === "name") {
          this.i += 2;
          return { k: "pre", op: t.v, name: n.v };
        }
        this.i++;
        const e = this.unary();
        return { k: "un", op: t.v[0]!, e: { k: "un", op: t.v[0]!, e } };
      }
      if (["+", "-", "!", "~"].includes(t.v)) {
        this.i++;
        return { k: "un", op: t.v, e: this.unary() };
      }
      if (t.v === "(") {
        this.i++;
        const e = this.comma();
        if (!this.isOp(")")) this.fail("missing `)'");
        this.i++;
        return e;
      }
      this.fail();
    }
    this.i++;
    if (t.t === "num") return { k: "num", v: t.v };
    const n = this.peek();
    if (n && n.t === "op" && (n.v === "++" || n.v === "--")) {
      this.i++;
      return { k: "post", op: n.v as "++" | "--", name: t.v };
    }
    return { k: "var", name: t.v };
  }
}

/** Evaluates an arithmetic expression; throws ArithError with bash's message (without "bash: "). */
export function evaluateArith(expr: string, vars: ArithVars, depth = 0): bigint {
  if (expr.trim() === "") return 0n;
  if (depth > 32) throw new ArithError(`${expr}: expression recursion level exceeded (error token is "${expr}")`);
  const ast = new ArithParser(tokenize(expr), expr).parseAll();
  const varValue = (name: string): bigint => {
    const raw = vars.get(name);
    if (raw === undefined || raw.trim() === "") return 0n;
    if (/^\s*-?[0-9]+\s*$/.test(raw)) return wrap(BigInt(raw.trim()));
    return evaluateArith(raw, vars, depth + 1);
  };
  const ev = (n: Node): bigint => {
    switch (n.k) {
      case "num":
        return n.v;
      case "var":
        return varValue(n.name);
      case "un": {
        const v = ev(n.e);
        if (n.op === "-") return wrap(-v);
        if (n.op === "+") return v;
        if (n.op === "!") return v === 0n ? 1n : 0n;
        return wrap(~v);
      }
      case "pre":
      case "post": {
        const old = varValue(n.name);
        const nv = wrap(n.op === "++" ? old + 1n : old - 1n);
        vars.set(n.name, nv.toString());
        return n.k === "pre" ? nv : old;
      }
      case "assign": {
        const r = ev(n.e);
        const v = n.op === "=" ? r : binop(n.op.slice(0, -1), varValue(n.name), r);
        vars.set(n.name, v.toString());
        return v;
      }
      case "cond":
        return ev(n.c) !== 0n ? ev(n.a) : ev(n.b);
      case "comma":
        ev(n.l);
        return ev(n.r);
      case "bin":
        if (n.op === "&&") return ev(n.l) !== 0n && ev(n.r) !== 0n ? 1n : 0n;
        if (n.op === "||") return ev(n.l) !== 0n || ev(n.r) !== 0n ? 1n : 0n;
        return binop(n.op, ev(n.l), ev(n.r));
    }
  };
  const binop = (op: string, a: bigint, b: bigint): bigint => {
    switch (op) {
      case "+":
        return wrap(a + b);
      case "-":
        return wrap(a - b);
      case "*":
        return wrap(a * b);
      case "/":
      case "%": {
        if (b === 0n) throw new ArithError(`${expr}: division by 0 (error token is "${lastToken(expr)}")`);
        return wrap(op === "/" ? a / b : a % b);
      }
      case "**":
        if (b < 0n) throw new ArithError(`${expr}: exponent less than 0 (error token is "${lastToken(expr)}")`);
        return wrap(a ** (b > 4096n ? 4096n : b));
      case "<<":
        return wrap(a << (b & 63n));
      case ">>":
        return a >> (b & 63n);
      case "<":
        return a < b ? 1n : 0n;
      case ">":
        return a > b ? 1n : 0n;
      case "<=":
        return a <= b ? 1n : 0n;
      case ">=":
        return a >= b ? 1n : 0n;
      case "==":
        return a === b ? 1n : 0n;
      case "!=":
        return a !== b ? 1n : 0n;
      case "&":
        return a & b;
      case "|":
        return a | b;
      case "^":
        return a ^ b;
    }
    return 0n;
  };
  return ev(ast);
}

function lastToken(expr: string): string {
  const m = /[A-Za-z0-9_]+\s*$/.exec(expr);
  return m ? m[0].trim() : expr.trim();
}
