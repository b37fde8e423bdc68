// What a shell utility (ls, grep, sudo, ...) sees while it runs, and helpers shared by them.
import type { Millis } from "../clock";
import { type Actor, type Collation, type Errno, joinPath, readFile, stat, quoteName, errnoMessage } from "./vfs";
import type { HostState } from "../hosts/types";

export interface Proc {
  name: string;
  args: string[];
  stdin: string;
  /** Nothing piped or redirected in: a terminal (reads give nothing here). */
  stdinIsTty: boolean;
  /** Output goes straight to the terminal (ls prints columns, not one name a line). */
  stdoutIsTty: boolean;
  /** Terminal width. */
  columns: number;
  host: HostState;
  /** Key of `host` in the sandbox's host table. */
  hostKey: string;
  user: string;
  actor: Actor;
  cwd: string;
  home: string;
  /** Exported environment. */
  env: Record<string, string>;
  collation: Collation;
  out(text: string): void;
  err(text: string): void;
  now(): Millis;
  advance(ms: number): void;
  /** Runs argv (no shell parsing) as a child command with the given stdin; output goes to ours. */
  spawn(argv: string[], stdin: string): number;
  /** Runs a shell command line as `sh -c` would; output goes to ours. */
  runScript(text: string, stdin: string): number;
  /** The names of all commands this shell can run (for which, help, type). */
  commandExists(name: string): boolean;
}

export type Utility = (p: Proc) => number;

/** Absolute (not normalised) path of an operand. */
export const resolve = (p: Proc, path: string): string => joinPath(p.cwd, path);

export const usageError = (tool: string, message: string): string => `${tool}: ${message}\nTry '${tool} --help' for more information.\n`;

export interface OptSpec {
  /** Option letters; a letter followed by ":" takes an argument. */
  short: string;
  /** Long options: name → short letter (or key) and whether it takes an argument. */
  long?: Record<string, { key: string; arg?: boolean }>;
  /** Stop at the first operand (like POSIXLY_CORRECT / `+` in getopt), as xargs and sudo do. */
  stopAtOperand?: boolean;
}

export interface Opts {
  /** Last value of each option (true for flags). */
  flags: Record<string, string | true>;
  /** Every option in order, for repeatable ones (grep -e). */
  list: Array<[string, string | true]>;
  operands: string[];
}

/** GNU getopt_long: options anywhere (permuted), "--" ends them, bundling, "-n5" and "-n 5". */
export function getopt(tool: string, args: string[], spec: OptSpec): { ok: true; opts: Opts } | { ok: false; message: string } {
  const flags: Record<string, string | true> = {};
  const list: Array<[string, string | true]> = [];
  const operands: string[] = [];
  const takesArg = (c: string) => {
    const i = spec.short.indexOf(c);
    return i >= 0 && spec.short[i + 1] === ":";
  };
  const set = (k: string, v: string | true) => {
    flags[k] = v;
    list.push([k, v]);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      pushAll(operands, args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && spec.long) {
      const eq = a.indexOf("=");
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(spec.long).filter((k) => k.startsWith(name));
      const exact = spec.long[name] ? name : matches.length === 1 ? matches[0] : undefined;
      if (!exact) {
        if (matches.length > 1) return { ok: false, message: usageError(tool, `option '--${name}' is ambiguous`) };
        return { ok: false, message: usageError(tool, `unrecognized option '${a}'`) };
      }
      const def = spec.long[exact]!;
      if (def.arg) {
        if (eq !== -1) set(def.key, a.slice(eq + 1));
        else if (i + 1 < args.length) set(def.key, args[++i]!);
        else return { ok: false, message: usageError(tool, `option '--${exact}' requires an argument`) };
      } else {
        if (eq !== -1) return { ok: false, message: usageError(tool, `option '--${exact}' doesn't allow an argument`) };
        set(def.key, true);
      }
      continue;
    }
    if (a.startsWith("--")) return { ok: false, message: usageError(tool, `unrecognized option '${a}'`) };
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (!spec.short.replace(/:/g, "").includes(c)) return { ok: false, message: usageError(tool, `invalid option -- '${c}'`) };
        if (takesArg(c)) {
          if (j + 1 < a.length) set(c, a.slice(j + 1));
          else if (i + 1 < args.length) set(c, args[++i]!);
          else return { ok: false, message: usageError(tool, `option requires an argument -- '${c}'`) };
          break;
        }
        set(c, true);
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) {
      pushAll(operands, args.slice(i + 1));
      break;
    }
  }
  return { ok: true, opts: { flags, list, operands } };
}

/**
 * Reads each operand ("-" or none: stdin) for filters such as cat, wc, grep. Calls `onError`
 * with the operand and errno for files that cannot be read.
 */
export function readInputs(p: Proc, operands: string[], onError: (name: string, code: Errno) => void): Array<{ name: string; text: string }> {
  const names = operands.length === 0 ? ["-"] : operands;
  const out: Array<{ name: string; text: string }> = [];
  for (const name of names) {
    if (name === "-") {
      out.push({ name, text: p.stdin });
      continue;
    }
    const r = readFile(p.host.fs, resolve(p, name), p.actor);
    if (!r.ok) onError(name, r.code);
    else out.push({ name, text: r.value });
  }
  return out;
}

/** `tool: name: No such file or directory`. */
export const fileError = (tool: string, name: string, code: Errno): string => `${tool}: ${quoteName(name)}: ${errnoMessage(code)}\n`;

export function isDirectory(p: Proc, path: string): boolean {
  const r = stat(p.host.fs, resolve(p, path), p.actor);
  return r.ok && r.value.node.type === "dir";
}

/** Splits text into lines, without the empty string after a final newline. */
export function lines(text: string): string[] {
  if (text === "") return [];
  const l = text.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}

export const joinLines = (l: string[]): string => (l.length === 0 ? "" : l.join("\n") + "\n");

/** Math.max over an array of any size (spreading big arrays overflows the stack). */
export function maxOf(values: number[], floor = -Infinity): number {
  let m = floor;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** target.push(...items) for arrays of any size. */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (const x of items) target.push(x);
  return target;
}

/** Byte length of a string in UTF-8 (file sizes, wc -c). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
