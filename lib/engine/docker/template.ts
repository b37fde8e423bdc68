// A subset of Go's text/template, enough for `docker ... --format`: fields, variables, pipelines,
// if/else/range/with, and the functions the Docker CLI adds (json, join, index, upper, ...).
import { goJson } from "./format";

export class TemplateError extends Error {}

/** Objects registered here print and iterate like Go maps (sorted keys, "map[k:v]"). */
const GO_MAPS = new WeakSet<object>();

export function goMap<T extends object>(obj: T): T {
  GO_MAPS.add(obj);
  return obj;
}

/** Field names whose JSON null is a nil Go map (prints "map[]"), not a nil pointer. */
const MAP_FIELDS = new Set(["Options", "Labels", "Containers", "AuxiliaryAddresses", "Networks", "Ports", "ExposedPorts", "Volumes"]);

export interface TemplateOptions {
  /** The Go type named in "can't evaluate field X in type T"; when set, unknown fields are errors. */
  typeName?: string;
}

type Node =
  | { kind: "text"; text: string }
  | { kind: "action"; pipe: Pipe; pos: number }
  | { kind: "if"; pipe: Pipe; then: Node[]; else: Node[]; pos: number }
  | { kind: "with"; pipe: Pipe; then: Node[]; else: Node[]; pos: number }
  | { kind: "range"; pipe: Pipe; keyVar?: string; valVar?: string; then: Node[]; else: Node[]; pos: number };

interface Pipe {
  decl?: string[];
  cmds: Operand[][];
}

type Operand =
  | { kind: "field"; base: "dot" | string; path: string[]; pos: number }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "nil" }
  | { kind: "ident"; name: string; pos: number }
  | { kind: "paren"; pipe: Pipe; path: string[] };

const FUNCS = new Set(["json", "join", "index", "len", "upper", "lower", "title", "split", "println", "print", "printf", "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not", "pad", "truncate", "slice"]);

/** Parse errors name the line only: "template: :1: unclosed action". */
function lineOf(src: string, pos: number): string {
  return String(src.slice(0, pos).split("\n").length);
}

function lineCol(src: string, pos: number): string {
  const before = src.slice(0, pos);
  const line = before.split("\n").length;
  const col = pos - (before.lastIndexOf("\n") + 1);
  return `${line}:${col}`;
}

// ---------- parsing ----------

function splitTop(s: string, sep: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "`") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && (sep === " " ? c === " " || c === "\t" || c === "\n" : c === sep)) {
      out.push({ text: s.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  out.push({ text: s.slice(start), offset: start });
  return out;
}

function parseOperand(text: string, pos: number, src: string): Operand {
  if (text.startsWith('"')) {
    try {
      return { kind: "string", value: JSON.parse(text) as string };
    } catch {
      throw new TemplateError(`template: :${lineOf(src, pos)}: unterminated quoted string`);
    }
  }
  if (text.startsWith("`")) return { kind: "string", value: text.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: "number", value: Number(text) };
  if (text === "true" || text === "false") return { kind: "bool", value: text === "true" };
  if (text === "nil") return { kind: "nil" };
  if (text.startsWith("(")) {
    const close = text.lastIndexOf(")");
    const inner = text.slice(1, close);
    const rest = text.slice(close + 1);
    return { kind: "paren", pipe: parsePipe(inner, pos + 1, src), path: rest === "" ? [] : rest.slice(1).split(".") };
  }
  if (text === ".") return { kind: "field", base: "dot", path: [], pos };
  if (text.startsWith(".")) return { kind: "field", base: "dot", path: text.slice(1).split("."), pos };
  if (text.startsWith("$")) {
    const [v, ...path] = text.split(".");
    return { kind: "field", base: v!, path, pos };
  }
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) {
    if (!FUNCS.has(text)) throw new TemplateError(`template: :${lineOf(src, pos)}: function "${text}" not defined`);
    return { kind: "ident", name: text, pos };
  }
  throw new TemplateError(`template: :${lineOf(src, pos)}: unexpected "${text[0]}" in operand`);
}

function parsePipe(text: string, pos: number, src: string): Pipe {
  let body = text;
  let offset = pos;
  let decl: string[] | undefined;
  const m = /^\s*(\$[A-Za-z0-9_]*(?:\s*,\s*\$[A-Za-z0-9_]*)?)\s*:?=\s*/.exec(body);
  if (m) {
    decl = m[1]!.split(",").map((s) => s.trim());
    offset += m[0].length;
    body = body.slice(m[0].length);
  }
  const cmds = splitTop(body, "|").map(({ text: cmd, offset: o }) =>
    splitTop(cmd, " ")
      .filter((p) => p.text !== "")
      .map((p) => parseOperand(p.text, offset + o + p.offset, src)),
  );
  if (cmds.some((c) => c.length === 0)) throw new TemplateError(`template: :${lineOf(src, pos)}: missing value for command`);
  return decl ? { decl, cmds } : { cmds };
}

function parse(src: string): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[]; node?: Node; inElse: boolean }[] = [{ nodes: root, inElse: false }];
  const current = () => {
    const top = stack[stack.length - 1]!;
    if (!top.node) return top.nodes;
    const n = top.node as Extract<Node, { then: Node[] }>;
    return top.inElse ? n.else : n.then;
  };
  let i = 0;
  let trimNext = false;
  while (i < src.length) {
    const open = src.indexOf("{{", i);
    let text = open === -1 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^\s+/, "");
    trimNext = false;
    if (open === -1) {
      if (text) current().push({ kind: "text", text });
      break;
    }
    let start = open + 2;
    if (src[start] === "-" && /\s/.test(src[start + 1] ?? "")) {
      text = text.replace(/\s+$/, "");
      start += 1;
    }
    if (text) current().push({ kind: "text", text });
    const close = src.indexOf("}}", start);
    if (close === -1) throw new TemplateError(`template: :${lineOf(src, open)}: unclosed action`);
    let end = close;
    if (src[close - 1] === "-" && /\s/.test(src[close - 2] ?? "")) {
      end = close - 1;
      trimNext = true;
    }
    const raw = src.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    const pos = start + lead;
    i = close + 2;
    if (content.startsWith("/*")) continue;
    const word = /^(\w+)\b\s*/.exec(content);
    const kw = word?.[1];
    const rest = word ? content.slice(word[0].length) : content;
    const restPos = pos + (word ? word[0].length : 0);
    if (kw === "end") {
      if (stack.length === 1) throw new TemplateError(`template: :${lineOf(src, pos)}: unexpected {{end}}`);
      stack.pop();
      continue;
    }
    if (kw === "else") {
      const top = stack[stack.length - 1]!;
      if (!top.node) throw new TemplateError(`template: :${lineOf(src, pos)}: unexpected {{else}}`);
      top.inElse = true;
      const elif = /^if\s+/.exec(rest);
      if (elif) {
        const node: Node = { kind: "if", pipe: parsePipe(rest.slice(elif[0].length), restPos + elif[0].length, src), then: [], else: [], pos };
        current().push(node);
        // `else if` shares the enclosing {{end}}: the nested if takes over this frame.
        stack[stack.length - 1] = { nodes: [], node, inElse: false };
      }
      continue;
    }
    if (kw === "if" || kw === "with" || kw === "range") {
      let node: Node;
      if (kw === "range") {
        const m = /^(\$\w*)\s*(?:,\s*(\$\w*)\s*)?:=\s*/.exec(rest);
        const pipe = parsePipe(m ? rest.slice(m[0].length) : rest, restPos + (m ? m[0].length : 0), src);
        node = { kind: "range", pipe, then: [], else: [], pos };
        if (m) {
          if (m[2]) {
            node.keyVar = m[1];
            node.valVar = m[2];
          } else node.valVar = m[1];
        }
      } else node = { kind: kw, pipe: parsePipe(rest, restPos, src), then: [], else: [], pos };
      current().push(node);
      stack.push({ nodes: [], node, inElse: false });
      continue;
    }
    current().push({ kind: "action", pipe: parsePipe(content, pos, src), pos });
  }
  if (stack.length > 1) throw new TemplateError("template: :1: unexpected EOF");
  return root;
}

// ---------- execution ----------

function isTrue(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return GO_MAPS.has(v) ? Object.keys(v).length > 0 : true;
  return true;
}

/** How Go's fmt prints a value with %v. */
export function goPrint(v: unknown): string {
  if (v === undefined) return "<no value>";
  if (v === null) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "function") return "<func>";
  if (Array.isArray(v)) return `[${v.map(goPrint).join(" ")}]`;
  const obj = v as Record<string, unknown>;
  if (GO_MAPS.has(obj)) {
    return `map[${Object.keys(obj)
      .sort()
      .map((k) => `${k}:${goPrint(obj[k])}`)
      .join(" ")}]`;
  }
  return `{${Object.values(obj)
    .map((x) => (x === null ? "map[]" : goPrint(x)))
    .join(" ")}}`;
}

class Exec {
  private vars: Record<string, unknown>;
  constructor(
    private readonly src: string,
    root: unknown,
    private readonly opts: TemplateOptions,
  ) {
    this.vars = { $: root };
  }

  run(nodes: Node[], dot: unknown): string {
    let out = "";
    for (const n of nodes) {
      switch (n.kind) {
        case "text":
          out += n.text;
          break;
        case "action": {
          const v = this.pipe(n.pipe, dot);
          if (!n.pipe.decl) out += goPrint(v);
          break;
        }
        case "if":
          out += isTrue(this.pipe(n.pipe, dot)) ? this.run(n.then, dot) : this.run(n.else, dot);
          break;
        case "with": {
          const v = this.pipe(n.pipe, dot);
          out += isTrue(v) ? this.run(n.then, v) : this.run(n.else, dot);
          break;
        }
        case "range": {
          const v = this.pipe(n.pipe, dot);
          const items: [unknown, unknown][] = Array.isArray(v)
            ? v.map((x, k) => [k, x])
            : v && typeof v === "object"
              ? Object.keys(v as object)
                  .sort()
                  .map((k) => [k, (v as Record<string, unknown>)[k]])
              : [];
          if (v !== undefined && v !== null && typeof v !== "object") {
            throw new TemplateError(`template: :${lineCol(this.src, n.pos)}: executing "" at <${this.src.slice(n.pos).split("}}")[0]!.replace(/^range\s+/, "")}>: range can't iterate over ${goPrint(v)}`);
          }
          if (items.length === 0) out += this.run(n.else, dot);
          for (const [k, x] of items) {
            if (n.keyVar) this.vars[n.keyVar] = k;
            if (n.valVar) this.vars[n.valVar] = x;
            out += this.run(n.then, x);
          }
          break;
        }
      }
    }
    return out;
  }

  private pipe(p: Pipe, dot: unknown): unknown {
    let value: unknown;
    let first = true;
    for (const cmd of p.cmds) {
      value = this.command(cmd, dot, first ? undefined : { value });
      first = false;
    }
    if (p.decl) this.vars[p.decl[p.decl.length - 1]!] = value;
    return value;
  }

  private command(cmd: Operand[], dot: unknown, piped?: { value: unknown }): unknown {
    const head = cmd[0]!;
    if (head.kind === "ident") {
      const args = cmd.slice(1).map((o) => this.operand(o, dot));
      if (piped) args.push(piped.value);
      return this.call(head.name, args, head.pos);
    }
    if (head.kind === "field" && cmd.length > 1) {
      // A method call with arguments, e.g. {{.Label "com.example"}}.
      const fn = this.operand(head, dot);
      if (typeof fn === "function") return (fn as (...a: unknown[]) => unknown)(...cmd.slice(1).map((o) => this.operand(o, dot)));
    }
    if (cmd.length > 1 || piped) throw new TemplateError(`template: :1: can't give argument to non-function ${goPrint(this.operand(head, dot))}`);
    return this.operand(head, dot);
  }

  private operand(o: Operand, dot: unknown): unknown {
    switch (o.kind) {
      case "string":
      case "number":
      case "bool":
        return o.value;
      case "nil":
        return null;
      case "ident":
        return this.call(o.name, [], o.pos);
      case "paren":
        return this.walk(this.pipe(o.pipe, dot), o.path, 0, "");
      case "field": {
        let base: unknown;
        if (o.base === "dot") base = dot;
        else {
          if (!(o.base in this.vars)) throw new TemplateError(`template: :${lineCol(this.src, o.pos)}: undefined variable "${o.base}"`);
          base = this.vars[o.base];
        }
        return this.walk(base, o.path, o.pos, o.base === "dot" ? "" : o.base);
      }
    }
  }

  private walk(value: unknown, path: string[], pos: number, prefix: string): unknown {
    let v = value;
    let isRoot = true;
    for (const name of path) {
      if (v === undefined) return undefined;
      if (v === null || typeof v !== "object" || Array.isArray(v)) {
        throw new TemplateError(`template: :${lineCol(this.src, pos)}: executing "" at <${prefix}.${path.join(".")}>: can't evaluate field ${name} in type ${Array.isArray(v) ? "[]interface {}" : typeof v === "string" ? "string" : "interface {}"}`);
      }
      const obj = v as Record<string, unknown>;
      if (GO_MAPS.has(obj)) {
        v = obj[name];
      } else if (name in obj) {
        const next = obj[name];
        v = next === null && MAP_FIELDS.has(name) ? goMap({}) : next;
      } else {
        const alias = name === "ID" ? "Id" : name === "Id" ? "ID" : undefined;
        if (alias && alias in obj) v = obj[alias];
        else if (this.opts.typeName && isRoot) {
          throw new TemplateError(`template: :${lineCol(this.src, pos)}: executing "" at <${prefix}.${name}>: can't evaluate field ${name} in type ${this.opts.typeName}`);
        } else v = undefined;
      }
      isRoot = false;
    }
    return v;
  }

  private call(name: string, args: unknown[], pos: number): unknown {
    const s = (x: unknown) => (typeof x === "string" ? x : goPrint(x));
    switch (name) {
      case "json":
        return goJson(args[0] === undefined ? null : args[0]);
      case "join":
        return Array.isArray(args[0]) ? (args[0] as unknown[]).map(s).join(s(args[1] ?? "")) : s(args[0]);
      case "split":
        return s(args[0]).split(s(args[1]));
      case "index": {
        let v = args[0];
        for (const k of args.slice(1)) {
          if (v === null || v === undefined) return "";
          if (Array.isArray(v)) {
            if (typeof k !== "number" || k < 0 || k >= v.length) throw new TemplateError(`template: :${lineCol(this.src, pos)}: executing "" at <index>: error calling index: index out of range: ${goPrint(k)}`);
            v = v[k];
          } else if (typeof v === "object") v = (v as Record<string, unknown>)[String(k)] ?? "";
          else throw new TemplateError(`template: :${lineCol(this.src, pos)}: executing "" at <index>: error calling index: can't index item of type ${typeof v}`);
        }
        return v;
      }
      case "len":
        return Array.isArray(args[0]) ? args[0].length : typeof args[0] === "string" ? [...args[0]].length : args[0] && typeof args[0] === "object" ? Object.keys(args[0]).length : 0;
      case "upper":
        return s(args[0]).toUpperCase();
      case "lower":
        return s(args[0]).toLowerCase();
      case "title":
        return s(args[0]).replace(/\b\w/g, (c) => c.toUpperCase());
      case "println":
        return `${args.map(s).join(" ")}\n`;
      case "print":
        return args.map(s).join("");
      case "printf": {
        let k = 1;
        return s(args[0]).replace(/%([svdq%])/g, (_, c: string) => {
          if (c === "%") return "%";
          const a = args[k++];
          return c === "q" ? JSON.stringify(s(a)) : c === "d" ? String(Math.trunc(Number(a))) : s(a);
        });
      }
      case "pad":
        return `${" ".repeat(Number(args[1] ?? 0))}${s(args[0])}${" ".repeat(Number(args[2] ?? 0))}`;
      case "truncate": {
        const str = [...s(args[0])];
        const n = Number(args[1] ?? 0);
        return str.length > n ? str.slice(0, n).join("") : str.join("");
      }
      case "slice": {
        const str = s(args[0]);
        return str.slice(Number(args[1] ?? 0), args[2] === undefined ? undefined : Number(args[2]));
      }
      case "eq":
        return args.slice(1).some((a) => a === args[0]);
      case "ne":
        return args[0] !== args[1];
      case "lt":
        return (args[0] as number) < (args[1] as number);
      case "le":
        return (args[0] as number) <= (args[1] as number);
      case "gt":
        return (args[0] as number) > (args[1] as number);
      case "ge":
        return (args[0] as number) >= (args[1] as number);
      case "and":
        return args.find((a) => !isTrue(a)) ?? args[args.length - 1];
      case "or":
        return args.find((a) => isTrue(a)) ?? args[args.length - 1];
      case "not":
        return !isTrue(args[0]);
      default:
        throw new TemplateError(`template: :1: function "${name}" not defined`);
    }
  }
}

/** Parses `src` (throws TemplateError with Go's wording on a syntax error). */
export function compileTemplate(src: string): (data: unknown, opts?: TemplateOptions) => string {
  const nodes = parse(src);
  return (data, opts = {}) => new Exec(src, data, opts).run(nodes, data);
}

export function executeTemplate(src: string, data: unknown, opts: TemplateOptions = {}): string {
  return compileTemplate(src)(data, opts);
}
