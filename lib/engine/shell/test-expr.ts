// `test` / `[` (bash builtin semantics, POSIX argument-count rules) and the file and integer
// primitives shared with `[[ ]]`.
import { canAccess, lookup, stat } from "./vfs";
import type { Proc } from "./proc";
import { resolve } from "./proc";

export const UNARY_FILE_OPS = new Set(["-e", "-a", "-f", "-d", "-s", "-r", "-w", "-x", "-L", "-h", "-b", "-c", "-p", "-S", "-g", "-u", "-k", "-O", "-G", "-N", "-t"]);
const UNARY_OPS = new Set([...UNARY_FILE_OPS, "-z", "-n", "-v", "-o"]);
const BINARY_OPS = new Set(["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);

export class TestError {
  constructor(readonly message: string) {}
}

export function fileTest(p: Proc, op: string, path: string): boolean {
  if (op === "-t") return false;
  const abs = resolve(p, path);
  if (op === "-L" || op === "-h") {
    const r = lookup(p.host.fs, abs, p.actor, false);
    return r.ok && r.value.node?.type === "symlink";
  }
  const r = stat(p.host.fs, abs, p.actor);
  if (!r.ok) return false;
  const node = r.value.node;
  switch (op) {
    case "-e":
    case "-a":
      return true;
    case "-f":
      return node.type === "file";
    case "-d":
      return node.type === "dir";
    case "-s":
      return node.type === "dir" || (node.type === "file" && node.content.length > 0);
    case "-r":
      return canAccess(node, p.actor, 4);
    case "-w":
      return canAccess(node, p.actor, 2);
    case "-x":
      return node.type === "dir" ? canAccess(node, p.actor, 1) || p.actor.uid === 0 : canAccess(node, p.actor, 1);
    case "-O":
      return node.owner === p.user;
    case "-G":
      return node.group === p.actor.groups[0];
    case "-u":
      return node.type !== "symlink" && (node.mode & 0o4000) !== 0;
    case "-g":
      return node.type !== "symlink" && (node.mode & 0o2000) !== 0;
    case "-k":
      return node.type !== "symlink" && (node.mode & 0o1000) !== 0;
    default:
      return false;
  }
}

function toInt(s: string, tool: string): bigint {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new TestError(`${tool}: ${s}: integer expression expected`);
  return BigInt(t);
}

export function intCompare(op: string, a: string, b: string, tool: string): boolean {
  const x = toInt(a, tool);
  const y = toInt(b, tool);
  switch (op) {
    case "-eq":
      return x === y;
    case "-ne":
      return x !== y;
    case "-lt":
      return x < y;
    case "-le":
      return x <= y;
    case "-gt":
      return x > y;
    default:
      return x >= y;
  }
}

export function fileCompare(p: Proc, op: string, a: string, b: string): boolean {
  const ra = stat(p.host.fs, resolve(p, a), p.actor);
  const rb = stat(p.host.fs, resolve(p, b), p.actor);
  if (op === "-ef") return ra.ok && rb.ok && ra.value.path === rb.value.path;
  if (op === "-nt") return ra.ok && (!rb.ok || ra.value.node.mtime > rb.value.node.mtime);
  return rb.ok && (!ra.ok || ra.value.node.mtime < rb.value.node.mtime);
}

function binary(p: Proc, op: string, a: string, b: string, tool: string): boolean {
  switch (op) {
    case "=":
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "-nt":
    case "-ot":
    case "-ef":
      return fileCompare(p, op, a, b);
    default:
      return intCompare(op, a, b, tool);
  }
}

function unary(p: Proc, op: string, a: string): boolean {
  if (op === "-z") return a === "";
  if (op === "-n") return a !== "";
  if (op === "-v") return p.env[a] !== undefined;
  if (op === "-o") return false;
  return fileTest(p, op, a);
}

/** Evaluates test's arguments (without the closing `]`); throws TestError. */
export function evalTest(p: Proc, args: string[], tool: string): boolean {
  const n = args.length;
  const a = args;
  if (n === 0) return false;
  if (n === 1) return a[0] !== "";
  if (n === 2) {
    if (a[0] === "!") return a[1] === "";
    if (UNARY_OPS.has(a[0]!)) return unary(p, a[0]!, a[1]!);
    throw new TestError(`${tool}: ${a[0]}: unary operator expected`);
  }
  if (n === 3) {
    if (BINARY_OPS.has(a[1]!)) return binary(p, a[1]!, a[0]!, a[2]!, tool);
    if (a[1] === "-a") return a[0] !== "" && a[2] !== "";
    if (a[1] === "-o") return a[0] !== "" || a[2] !== "";
    if (a[0] === "!") return !evalTest(p, a.slice(1), tool);
    if (a[0] === "(" && a[2] === ")") return a[1] !== "";
    throw new TestError(`${tool}: ${a[1]}: binary operator expected`);
  }
  if (n === 4) {
    if (a[0] === "!") return !evalTest(p, a.slice(1), tool);
    if (a[0] === "(" && a[3] === ")") return evalTest(p, a.slice(1, 3), tool);
  }
  // Longer expressions: -o binds looser than -a, ! and ( ) as usual.
  let i = 0;
  const primary = (): boolean => {
    const t = a[i];
    if (t === undefined) throw new TestError(`${tool}: argument expected`);
    if (t === "!") {
      i++;
      return !primary();
    }
    if (t === "(") {
      i++;
      const v = orExpr();
      if (a[i] !== ")") throw new TestError(`${tool}: \`)' expected`);
      i++;
      return v;
    }
    if (i + 2 < n + 1 && a[i + 1] !== undefined && BINARY_OPS.has(a[i + 1]!) && a[i + 2] !== undefined) {
      const r = binary(p, a[i + 1]!, t, a[i + 2]!, tool);
      i += 3;
      return r;
    }
    if (UNARY_OPS.has(t) && a[i + 1] !== undefined) {
      const r = unary(p, t, a[i + 1]!);
      i += 2;
      return r;
    }
    i++;
    return t !== "";
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (a[i] === "-a") {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (a[i] === "-o") {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  const v = orExpr();
  if (i < n) throw new TestError(`${tool}: too many arguments`);
  return v;
}

/** The `test` and `[` builtins. */
export function testBuiltin(p: Proc): number {
  let args = p.args;
  const tool = p.name === "[" ? "bash: [" : "bash: test";
  if (p.name === "[") {
    if (args[args.length - 1] !== "]") {
      p.err("bash: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evalTest(p, args, tool) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      p.err(e.message + "\n");
      return 2;
    }
    throw e;
  }
}
