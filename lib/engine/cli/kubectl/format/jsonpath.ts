// Kubernetes JSONPath (k8s.io/client-go/util/jsonpath): the template language of
// `-o jsonpath=...` and custom-columns. A port of its parser and evaluator, with Go's error texts.
import { goSprint, isObject, marshalJSON } from "./gofmt";
import { goStringCompare } from "./labels";
import type { JsonValue } from "./types";

// ---- nodes ----

interface ParamsEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

type Node =
  | { type: "list"; nodes: Node[] }
  | { type: "text"; text: string }
  | { type: "field"; value: string }
  | { type: "array"; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: "filter"; left: ListNode; right: ListNode; operator: string }
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "wildcard" }
  | { type: "recursive" }
  | { type: "union"; nodes: ListNode[] }
  | { type: "identifier"; name: string };

type ListNode = { type: "list"; nodes: Node[] };

export class JsonPathError extends Error {}

const EOF = "";

// ---- parser.go ----

class Parser {
  root: ListNode = { type: "list", nodes: [] };
  private input = "";
  private pos = 0;
  private start = 0;
  private width = 0;

  parse(text: string): void {
    this.input = text;
    this.root = { type: "list", nodes: [] };
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const ch = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.width = ch.length;
    this.pos += this.width;
    return ch;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith("{", this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: "text", text: this.consumeText() });
        return this.parseLeftDelim(cur);
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: "text", text: this.consumeText() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1;
    this.consumeText();
    const node: ListNode = { type: "list", nodes: [] };
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith("}")) return this.parseRightDelim();
      if (rest.startsWith("[?(")) return this.parseFilter(cur);
      if (rest.startsWith("..")) return this.parseRecursive(cur);
      const r = this.next();
      if (r === EOF || r === "\r" || r === "\n") throw new JsonPathError("unclosed action");
      if (r === " " || r === "@" || r === "$") {
        this.consumeText();
        continue;
      }
      if (r === "[") return this.parseArray(cur);
      if (r === '"' || r === "'") return this.parseQuote(cur, r);
      if (r === ".") return this.parseField(cur);
      if (r === "+" || r === "-" || isDigit(r)) {
        this.backup();
        return this.parseNumber(cur);
      }
      if (isAlphaNumeric(r)) {
        this.backup();
        return this.parseIdentifier(cur);
      }
      const cp = r.codePointAt(0)!;
      throw new JsonPathError(`unrecognized character in action: U+${cp.toString(16).toUpperCase().padStart(4, "0")} '${r}'`);
    }
  }

  private parseRightDelim(): void {
    this.pos += 1;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      if (isTerminator(this.next())) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === "true" || value === "false") cur.nodes.push({ type: "bool", value: value === "true" });
    else cur.nodes.push({ type: "identifier", name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last?.type === "recursive") throw new JsonPathError("invalid multiple recursive descent");
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: "recursive" });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === "+" || r === "-") this.next();
    for (;;) {
      const c = this.next();
      if (c !== "." && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: "int", value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: "float", value: Number(value) });
    else throw new JsonPathError(`cannot parse number ${value}`);
    this.parseInsideAction(cur);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated array");
      if (r === "]") break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === "*") text = ":";

    // union operator
    const strs = text.split(",");
    if (strs.length > 1) {
      const union: ListNode[] = strs.map((s) => parseAction(`[${s.replace(/^ +| +$/g, "")}]`));
      cur.nodes.push({ type: "union", nodes: union });
      return this.parseInsideAction(cur);
    }

    // dict key
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      for (const node of parseAction(`.${dict[1]}`).nodes) cur.nodes.push(node);
      return this.parseInsideAction(cur);
    }

    // slice operator
    const m = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const values = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = values[i]!;
      const p = params[i]!;
      if (v !== "") {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === "") {
          p.known = false;
        } else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`);
          p.known = true;
          p.value = Number(v);
        }
      } else if (i === 1) {
        p.known = true;
        p.value = params[0].value + 1;
        p.derived = true;
      }
    }
    cur.nodes.push({ type: "array", params });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")") {
        if (begin === end) break;
      }
    }
    if (this.next() !== "]") throw new JsonPathError("unclosed array expect ]");
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text);
    if (!m) {
      cur.nodes.push({ type: "filter", left: parseAction(text), right: { type: "list", nodes: [] }, operator: "exists" });
    } else {
      cur.nodes.push({ type: "filter", left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! });
    }
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated quoted string");
      if (r === end && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consumeText();
    let s: string;
    try {
      s = unquoteExtend(value);
    } catch {
      throw new JsonPathError(`unquote string ${value} error invalid syntax`);
    }
    cur.nodes.push({ type: "text", text: s });
    this.parseInsideAction(cur);
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === "\\") {
        this.next();
      } else if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === "*") cur.nodes.push({ type: "wildcard" });
    else cur.nodes.push({ type: "field", value: value.replace(/\\/g, "") });
    this.parseInsideAction(cur);
  }
}

/** parseAction: parses "{text}" and returns its single action list. */
function parseAction(text: string): ListNode {
  const p = new Parser();
  p.parse(`{${text}}`);
  return p.root.nodes[0] as ListNode;
}

const isDigit = (r: string) => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string) => r === "_" || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string) =>
  r === EOF || r === " " || r === "\t" || r === "\r" || r === "\n" || ".,[]$@{}".includes(r);

/** UnquoteExtend: strconv.Unquote that also accepts single-quoted strings. */
function unquoteExtend(s: string): string {
  if (s.length < 2) throw new Error("invalid syntax");
  const quote = s[0]!;
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) throw new Error("invalid syntax");
  const body = s.slice(1, -1);
  if (!body.includes("\\") && !body.includes(quote)) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === quote) throw new Error("invalid syntax");
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };
    if (e === undefined) throw new Error("invalid syntax");
    if (e in simple) out += simple[e];
    else if (e === quote) out += e;
    else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new Error("invalid syntax");
      out += String.fromCodePoint(parseInt(hex, 16));
      i += n;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new Error("invalid syntax");
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else {
      throw new Error("invalid syntax");
    }
  }
  return out;
}

// ---- jsonpath.go ----

/** A value during evaluation; undefined is Go's invalid reflect.Value (no data at all). */
type Value = JsonValue | undefined;

type GoKind = "bool" | "int" | "float" | "string" | "map" | "slice" | "nil" | "invalid";

function kindOf(v: Value): GoKind {
  if (v === undefined) return "invalid";
  if (v === null) return "nil";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string") return "string";
  return Array.isArray(v) ? "slice" : "map";
}

const GO_TYPE: Record<GoKind, string> = {
  bool: "bool",
  int: "int64",
  float: "float64",
  string: "string",
  map: "map[string]interface {}",
  slice: "[]interface {}",
  nil: "interface {}",
  invalid: "<invalid reflect.Value>",
};

/** Map entries in a fixed order (Go iterates maps randomly; sorted keys keep us deterministic). */
function mapValues(v: { [key: string]: JsonValue }): JsonValue[] {
  return Object.keys(v)
    .sort(goStringCompare)
    .map((k) => v[k]!);
}

function utf8Bytes(s: string): number[] {
  return [...new TextEncoder().encode(s)];
}

function children(v: Value): JsonValue[] {
  if (isObject(v)) return mapValues(v);
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return utf8Bytes(v);
  return [];
}

// text/template's comparison helpers, as forked by client-go.
function basicKind(v: Value): "bool" | "int" | "float" | "string" {
  const k = kindOf(v);
  if (k === "bool" || k === "int" || k === "float" || k === "string") return k;
  throw new JsonPathError("invalid type for comparison");
}

function goEqual(a: Value, b: Value): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new JsonPathError("incompatible types for comparison");
  return a === b;
}

function goLess(a: Value, b: Value): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new JsonPathError("incompatible types for comparison");
  if (k1 === "bool") throw new JsonPathError("invalid type for comparison");
  return (a as number | string) < (b as number | string);
}

export interface JsonPathOptions {
  /** --allow-missing-template-keys (kubectl's default: true). */
  allowMissingKeys?: boolean;
  /** -o jsonpath-as-json: each result group as an indented JSON array. */
  outputJson?: boolean;
}

export class JsonPath {
  private parser: Parser | undefined;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: Node | undefined;

  constructor(private readonly options: JsonPathOptions = {}) {}

  /** Parses a template; throws JsonPathError with Go's parser message. */
  parse(template: string): this {
    const p = new Parser();
    p.parse(template);
    this.parser = p;
    return this;
  }

  /** FindResults: one list of values per top-level node (text or action). */
  findResults(data: Value): Value[][] {
    if (!this.parser) throw new JsonPathError("jsonpath is an incomplete jsonpath template");
    return this.fullEvaluate(data);
  }

  private fullEvaluate(data: Value): Value[][] {
    const parser = this.parser!;
    const cur: Value[] = [data];
    const nodes = parser.root.nodes;
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const results = this.walk(cur, node);
      // an end node closes the current range block
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      // a range node: evaluate the following nodes once per value
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) {
            parser.root.nodes = nodes.slice(i + 1);
            full.push(...this.fullEvaluate(value));
          }
        } else {
          // still walk the block, so evaluation resumes after its end
          parser.root.nodes = nodes.slice(i + 1);
          this.fullEvaluate(undefined);
        }
        parser.root.nodes = nodes;
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(values: Value[], node: Node): Value[] {
    switch (node.type) {
      case "list":
        return this.evalList(values, node);
      case "text":
        return [node.text];
      case "field":
        return this.evalField(values, node.value);
      case "array":
        return this.evalArray(values, node.params);
      case "filter":
        return this.evalFilter(values, node);
      case "int":
      case "float":
      case "bool":
        return values.map(() => node.value);
      case "wildcard":
        return values.flatMap((v) => children(v));
      case "recursive":
        return this.evalRecursive(values);
      case "union":
        return node.nodes.flatMap((list) => this.evalList(values, list));
      case "identifier":
        return this.evalIdentifier(values, node.name);
    }
  }

  private evalList(values: Value[], node: ListNode): Value[] {
    let cur = values;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(values: Value[], name: string): Value[] {
    switch (name) {
      case "range":
        this.beginRange++;
        return values;
      case "end":
        if (this.inRange > 0) this.endRange++;
        else throw new JsonPathError("not in range, nothing to end");
        return [];
      default:
        throw new JsonPathError(`unrecognized identifier ${name}`);
    }
  }

  private evalField(values: Value[], field: string): Value[] {
    const results: Value[] = [];
    if (values.length === 0) return results;
    for (const v of values) {
      if (isObject(v) && Object.prototype.hasOwnProperty.call(v, field)) results.push(v[field]);
    }
    if (results.length === 0 && !(this.options.allowMissingKeys ?? true)) {
      throw new JsonPathError(`${field} is not found`);
    }
    return results;
  }

  private evalArray(values: Value[], params: [ParamsEntry, ParamsEntry, ParamsEntry]): Value[] {
    const result: Value[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathError(`${GO_TYPE[kindOf(v)]} is not array or slice`);
      const len = v.length;
      let start = params[0].known ? params[0].value : 0;
      if (start < 0) start += len;
      let end = params[1].known ? params[1].value : len;
      if (end < 0 || (end === 0 && params[1].derived)) end += len;
      if (end === start) return result; // zero elements requested
      if (start >= len || start < 0) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len || end < 0) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
      if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathError("step must be > 0");
        step = params[2].value;
      }
      const slice = v.slice(start, end);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]!);
    }
    return result;
  }

  private evalRecursive(values: Value[]): Value[] {
    const result: Value[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length > 0) {
        result.push(v);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(values: Value[], node: Extract<Node, { type: "filter" }>): Value[] {
    const results: Value[] = [];
    for (const v of values) {
      if (!Array.isArray(v)) throw new JsonPathError(`${goSprint(v ?? null)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        if (node.operator === "exists") {
          // Errors while looking for the key just mean it is not there.
          let found: Value[] = [];
          try {
            found = this.evalList([item], node.left);
          } catch {
            found = [];
          }
          if (found.length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError("can only compare one element at a time");
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError("can only compare one element at a time");
        const left = lefts[0];
        const right = rights[0];
        let pass: boolean;
        switch (node.operator) {
          case "<":
            pass = goLess(left, right);
            break;
          case ">":
            pass = !(goLess(left, right) || goEqual(left, right));
            break;
          case "==":
            pass = goEqual(left, right);
            break;
          case "!=":
            pass = !goEqual(left, right);
            break;
          case "<=":
            pass = goLess(left, right) || goEqual(left, right);
            break;
          case ">=":
            pass = !goLess(left, right);
            break;
          default:
            throw new JsonPathError(`unrecognized filter operator ${node.operator}`);
        }
        if (pass) results.push(item);
      }
    }
    return results;
  }

  /** Execute: every result group printed in turn. */
  execute(data: Value): string {
    return this.findResults(data)
      .map((group) => this.printResults(group))
      .join("");
  }

  /** PrintResults: values joined by spaces; maps and lists as compact JSON. */
  printResults(results: Value[]): string {
    if (this.options.outputJson) return `${marshalJSON(results.map((r) => r ?? null), "    ")}\n`;
    return results
      .map((r) => {
        if (isObject(r) || Array.isArray(r)) return marshalJSON(r);
        return valueText(r);
      })
      .join(" ");
  }
}

/** evalToText: fmt.Fprint of the value. */
function valueText(v: Value): string {
  return v === undefined ? "<no value>" : goSprint(v);
}

/** Parses and runs a template in one go (throws JsonPathError). */
export function evaluateJsonPath(template: string, data: JsonValue, options?: JsonPathOptions): string {
  return new JsonPath(options).parse(template).execute(data);
}

/**
 * RelaxedJSONPathExpression, as custom-columns and --sort-by accept it: "metadata.name",
 * ".metadata.name", "{metadata.name}" and "{.metadata.name}" all become "{.metadata.name}".
 */
export function relaxedJsonPathExpression(expression: string): string {
  if (expression.length === 0) return expression;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expression);
  if (!m) {
    throw new JsonPathError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  }
  return `{.${m[1] || m[2]}}`;
}
