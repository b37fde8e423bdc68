// bash's builtins (cd, export, history, ...) and the programs that need the interpreter itself:
// sudo, su, ssh and bash (they change who and where the session is), env, which, clear.
import { canAccess, errnoMessage, joinPath, lookup, normalizePath, readFile, stat } from "./vfs";
import type { HostState } from "../hosts/types";
import { ArithError, evaluateArith } from "./arith";
import {
  type Builtin,
  type Ctx,
  type Interp,
  type Io,
  EDITORS,
  ExitSignal,
  LoopSignal,
  ReturnSignal,
  SHELL_ONLY,
  StdinBuf,
  bashVersion,
  osVersion,
  own,
  parseSshArgs,
  parseSuArgs,
  parseSudoArgs,
  splitDest,
} from "./interp";
import { parse } from "./parse";
import { echoBuiltin, printfBuiltin } from "./printf";
import type { Utility } from "./proc";
import { type Frame, defaultPath, newFrame } from "./state";
import { testBuiltin } from "./test-expr";
import { ctime } from "./time-format";

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

function fromUtility(util: Utility): Builtin {
  return function (this: Interp, argv: string[], ctx: Ctx, io: Io): number {
    return this.runUtility(util, argv[0]!, argv.slice(1), ctx, io, ctx.frame.env);
  };
}

/** Double-quotes a value as `declare -p` and `export -p` print it. */
const dq = (v: string) => `"${v.replace(/(["\\$`])/g, "\\$1")}"`;
const sq = (v: string) => `'${v.replace(/'/g, "'\\''")}'`;

function setVarExport(frame: Frame, name: string, value: string) {
  frame.env[name] = value;
  delete frame.vars[name];
}

function expandTildeValue(value: string, home: string): string {
  return value === "~" || value.startsWith("~/") ? home + value.slice(1) : value;
}

const KEYWORDS = new Set(["if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]"]);

const HELP_TEXT = `GNU bash, version 5.1.16(1)-release (x86_64-pc-linux-gnu)
This terminal runs a simulated Linux machine. What you can use here:

Shell:      cd pwd echo printf export unset set alias unalias history source eval
            read test [ [[ ]] if for while until case functions true false exit
Files:      ls cat mkdir rmdir touch rm cp mv ln chmod chown chgrp find stat
            readlink realpath basename dirname vi vim nano
Text:       grep egrep sed awk cut sort uniq wc head tail tr tee base64 seq xargs
System:     whoami id hostname uname date sleep watch env which clear
Users:      sudo su ssh
Cluster:    kubectl, docker, systemctl, journalctl, etcdctl and friends when installed

Pipes (|), redirections (> >> < 2> 2>&1 &> <<EOF <<<), $VAR, $(...), && || ; work as in bash.
`;

export const BUILTINS: Record<string, Builtin> = {
  echo: fromUtility(echoBuiltin),
  test: fromUtility(testBuiltin),
  "[": fromUtility(testBuiltin),
  true: () => 0,
  false: () => 1,
  ":": () => 0,

  printf(argv, ctx, io) {
    return this.runUtility((p) => printfBuiltin(p, (name, value) => {
      if (!NAME_RE.test(name)) return false;
      this.setVar(ctx, name, value);
      return true;
    }), "printf", argv.slice(1), ctx, io, ctx.frame.env);
  },

  cd(argv, ctx, io) {
    const frame = ctx.frame;
    const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === "-L" || a === "-P")));
    const p = this.pfx(ctx);
    if (args.length > 1) {
      io.err.write(`${p}: cd: too many arguments\n`);
      return 1;
    }
    let target = args[0];
    let print = false;
    if (target === undefined || target === "") {
      target = this.getVar(ctx, "HOME");
      if (target === undefined) {
        io.err.write(`${p}: cd: HOME not set\n`);
        return 1;
      }
    } else if (target === "-") {
      target = this.getVar(ctx, "OLDPWD");
      if (target === undefined) {
        io.err.write(`${p}: cd: OLDPWD not set\n`);
        return 1;
      }
      print = true;
    }
    const logical = normalizePath(target.startsWith("/") ? target : frame.cwd + "/" + target);
    const host = this.hostOf(frame);
    const actor = this.actor(frame);
    const s = stat(host.fs, target.startsWith("/") ? target : joinPath(frame.cwd, target), actor);
    const shown = args[0] === "-" ? target : (args[0] ?? target);
    if (!s.ok) {
      io.err.write(`${p}: cd: ${shown}: ${errnoMessage(s.code)}\n`);
      return 1;
    }
    if (s.value.node.type !== "dir") {
      io.err.write(`${p}: cd: ${shown}: Not a directory\n`);
      return 1;
    }
    if (!canAccess(s.value.node, actor, 1)) {
      io.err.write(`${p}: cd: ${shown}: Permission denied\n`);
      return 1;
    }
    frame.env.OLDPWD = frame.cwd;
    frame.cwd = logical;
    frame.env.PWD = logical;
    if (print) io.out.write(logical + "\n");
    return 0;
  },

  pwd(argv, ctx, io) {
    const frame = ctx.frame;
    if (argv.includes("-P")) {
      const r = lookup(this.hostOf(frame).fs, frame.cwd);
      io.out.write((r.ok ? r.value.path : frame.cwd) + "\n");
    } else io.out.write(frame.cwd + "\n");
    return 0;
  },

  export(argv, ctx, io) {
    const frame = ctx.frame;
    let args = argv.slice(1);
    let unexport = false;
    while (args[0] && /^-[fnp]+$/.test(args[0])) {
      if (args[0].includes("n")) unexport = true;
      args = args.slice(1);
    }
    if (args[0] === "--") args = args.slice(1);
    if (args.length === 0) {
      for (const k of Object.keys(frame.env).sort()) io.out.write(`declare -x ${k}=${dq(frame.env[k]!)}\n`);
      return 0;
    }
    let status = 0;
    for (const a of args) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)([\s\S]*)$/.exec(a);
      const name = m ? m[1]! : a;
      if (!NAME_RE.test(name)) {
        io.err.write(`${this.pfx(ctx)}: export: \`${a}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      if (unexport) {
        if (frame.env[name] !== undefined) {
          frame.vars[name] = frame.env[name]!;
          delete frame.env[name];
        }
        continue;
      }
      if (m) {
        const value = expandTildeValue(m[3]!, frame.env.HOME ?? "");
        const old = frame.env[name] ?? frame.vars[name] ?? "";
        setVarExport(frame, name, m[2] === "+=" ? old + value : value);
      } else if (frame.vars[name] !== undefined) setVarExport(frame, name, frame.vars[name]!);
    }
    return status;
  },

  unset(argv, ctx, io) {
    const frame = ctx.frame;
    let args = argv.slice(1);
    let mode: "v" | "f" | "" = "";
    while (args[0] && /^-[fvn]$/.test(args[0])) {
      mode = args[0] === "-f" ? "f" : "v";
      args = args.slice(1);
    }
    let status = 0;
    for (const name of args) {
      if (!NAME_RE.test(name)) {
        io.err.write(`${this.pfx(ctx)}: unset: \`${name}': not a valid identifier\n`);
        status = 1;
        continue;
      }
      if (mode === "f") {
        delete frame.functions[name];
        continue;
      }
      const had = frame.env[name] !== undefined || frame.vars[name] !== undefined;
      delete frame.env[name];
      delete frame.vars[name];
      if (!had && mode === "") delete frame.functions[name];
    }
    return status;
  },

  set(argv, ctx, io) {
    const frame = ctx.frame;
    const args = argv.slice(1);
    if (args.length === 0) {
      const all: Record<string, string> = { ...frame.vars, ...frame.env };
      for (const k of Object.keys(all).sort()) {
        const v = all[k]!;
        io.out.write(`${k}=${/^[A-Za-z0-9_./:@%+,=-]*$/.test(v) ? v : sq(v)}\n`);
      }
      return 0;
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "--") {
        ctx.positional = args.slice(i + 1);
        return 0;
      }
      if (a === "-o" || a === "+o") {
        const opt = args[++i];
        if (opt === undefined) {
          for (const o of ["errexit", "nounset", "pipefail", "xtrace"]) io.out.write(`${o.padEnd(15)}\t${o === "pipefail" && frame.pipefail ? "on" : "off"}\n`);
          return 0;
        }
        if (opt === "pipefail") frame.pipefail = a === "-o";
        else if (!["errexit", "nounset", "xtrace", "verbose", "noclobber", "vi", "emacs", "history", "posix", "noglob", "allexport", "monitor", "notify", "hashall", "ignoreeof", "braceexpand", "histexpand", "interactive-comments", "physical", "functrace", "errtrace", "keyword", "noexec", "nolog", "onecmd", "privileged"].includes(opt)) {
          io.err.write(`${this.pfx(ctx)}: set: ${opt}: invalid option name\n`);
          return 1;
        }
        continue;
      }
      if (/^[-+][a-zA-Z]+$/.test(a)) {
        const bad = [...a.slice(1)].find((c) => !"abefhkmnptuvxBCEHPT".includes(c));
        if (bad) {
          io.err.write(`${this.pfx(ctx)}: set: ${a[0]}${bad}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [arg ...]\n`);
          return 2;
        }
        continue;
      }
      ctx.positional = args.slice(i);
      return 0;
    }
    return 0;
  },

  alias(argv, ctx, io) {
    const frame = ctx.frame;
    const args = argv.slice(1).filter((a) => a !== "-p");
    if (args.length === 0) {
      for (const k of Object.keys(frame.aliases).sort()) io.out.write(`alias ${k}=${sq(frame.aliases[k]!)}\n`);
      return 0;
    }
    let status = 0;
    for (const a of args) {
      const eq = a.indexOf("=");
      if (eq > 0) {
        frame.aliases[a.slice(0, eq)] = a.slice(eq + 1);
        continue;
      }
      const v = frame.aliases[a];
      if (v === undefined) {
        io.err.write(`${this.pfx(ctx)}: alias: ${a}: not found\n`);
        status = 1;
      } else io.out.write(`alias ${a}=${sq(v)}\n`);
    }
    return status;
  },

  unalias(argv, ctx, io) {
    const frame = ctx.frame;
    const args = argv.slice(1);
    if (args.length === 0) {
      io.err.write("unalias: usage: unalias [-a] name [name ...]\n");
      return 2;
    }
    if (args[0] === "-a") {
      frame.aliases = {};
      return 0;
    }
    let status = 0;
    for (const a of args) {
      if (frame.aliases[a] === undefined) {
        io.err.write(`${this.pfx(ctx)}: unalias: ${a}: not found\n`);
        status = 1;
      } else delete frame.aliases[a];
    }
    return status;
  },

  exit(argv, ctx, io) {
    const args = argv.slice(1);
    if (args.length > 1) {
      io.err.write(`${this.pfx(ctx)}: exit: too many arguments\n`);
      return 1;
    }
    if (args.length === 0) throw new ExitSignal(this.state.status);
    const n = args[0]!;
    if (!/^\s*[+-]?\d+\s*$/.test(n)) {
      io.err.write(`${this.pfx(ctx)}: exit: ${n}: numeric argument required\n`);
      throw new ExitSignal(2);
    }
    throw new ExitSignal(Number(BigInt.asUintN(8, BigInt(n.trim()))));
  },

  logout(argv, ctx, io) {
    if (!ctx.frame.login || ctx.sub) {
      io.err.write(`${this.pfx(ctx)}: logout: not login shell: use \`exit'\n`);
      return 1;
    }
    throw new ExitSignal(argv[1] !== undefined && /^\d+$/.test(argv[1]) ? Number(argv[1]) & 255 : this.state.status);
  },

  history(argv, ctx, io) {
    const args = argv.slice(1);
    const h = this.state.history;
    if (args[0] === "-c") {
      h.length = 0;
      return 0;
    }
    let from = 0;
    if (args[0] !== undefined) {
      if (!/^\d+$/.test(args[0])) {
        io.err.write(`${this.pfx(ctx)}: history: ${args[0]}: numeric argument required\n`);
        return 1;
      }
      from = Math.max(0, h.length - Number(args[0]));
    }
    let out = "";
    for (let i = from; i < h.length; i++) out += `${String(i + 1).padStart(5)}  ${h[i]}\n`;
    io.out.write(out);
    return 0;
  },

  source: sourceBuiltin,
  ".": sourceBuiltin,

  eval(argv, ctx, io) {
    const text = argv.slice(1).join(" ");
    const r = parse(text, { atEof: true });
    if (!r.ok) {
      io.err.write(r.message.split("\n").map((l) => l.replace(/^bash: /, `${this.pfx(ctx)}: eval: line 1: `)).join("\n") + "\n");
      return 2;
    }
    return this.execList(r.program, ctx, io);
  },

  exec(argv, ctx, io) {
    const args = argv.slice(1);
    if (args.length === 0) return 0;
    // Replacing the shell with a new shell looks the same from the terminal.
    if ((args[0] === "bash" || args[0] === "sh") && args.length === 1) return 0;
    return this.dispatch(args, ctx, io, []);
  },

  read(argv, ctx, io) {
    let args = argv.slice(1);
    let raw = false;
    let delim = "\n";
    let nchars: number | undefined;
    while (args[0]?.startsWith("-") && args[0].length > 1) {
      const a = args[0];
      args = args.slice(1);
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === "r") raw = true;
        else if (c === "s" || c === "e") continue;
        else if ("pdtnNauA".includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args.shift();
          if (v === undefined) {
            io.err.write(`${this.pfx(ctx)}: read: -${c}: option requires an argument\n`);
            return 2;
          }
          if (c === "p") io.err.write(v);
          if (c === "d") delim = v === "" ? "\0" : v[0]!;
          if (c === "n" || c === "N") nchars = Number(v);
          break;
        }
      }
    }
    const names = args.length > 0 ? args : ["REPLY"];
    for (const n of names) {
      if (!NAME_RE.test(n)) {
        io.err.write(`${this.pfx(ctx)}: read: \`${n}': not a valid identifier\n`);
        return 1;
      }
    }
    let line: string | null;
    if (nchars !== undefined) {
      const rest = io.stdin.rest();
      line = rest === "" ? null : rest.slice(0, nchars);
      if (line !== null) io.stdin.pos += line.length;
    } else line = io.stdin.readLine(delim);
    if (line === null) {
      for (const n of names) this.setVar(ctx, n, "");
      return 1;
    }
    if (!raw) line = line.replace(/\\(.)/g, "$1");
    if (names.length === 1) {
      this.setVar(ctx, names[0]!, names[0] === "REPLY" ? line : line.replace(/^[ \t]+|[ \t]+$/g, ""));
      return 0;
    }
    const ifs = this.getVar(ctx, "IFS") ?? " \t\n";
    const fields: string[] = [];
    let rest = line.replace(/^[ \t\n]+/, "");
    const sepRe = new RegExp(`[${ifs.replace(/[\]\\^-]/g, "\\$&")}]+`);
    for (let i = 0; i < names.length - 1; i++) {
      const m = sepRe.exec(rest);
      if (!m) {
        fields.push(rest);
        rest = "";
        continue;
      }
      fields.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    fields.push(rest.replace(/[ \t]+$/, ""));
    names.forEach((n, i) => this.setVar(ctx, n, fields[i] ?? ""));
    return 0;
  },

  shift(argv, ctx, io) {
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n) || n < 0) {
      io.err.write(`${this.pfx(ctx)}: shift: ${argv[1]}: numeric argument required\n`);
      return 1;
    }
    if (n > ctx.positional.length) return 1;
    ctx.positional = ctx.positional.slice(n);
    return 0;
  },

  local(argv, ctx, io) {
    const scope = ctx.locals[ctx.locals.length - 1];
    if (!scope) {
      io.err.write(`${this.pfx(ctx)}: local: can only be used in a function\n`);
      return 1;
    }
    const frame = ctx.frame;
    for (const a of argv.slice(1)) {
      if (a.startsWith("-")) continue;
      const eq = a.indexOf("=");
      const name = eq === -1 ? a : a.slice(0, eq);
      if (!NAME_RE.test(name)) {
        io.err.write(`${this.pfx(ctx)}: local: \`${a}': not a valid identifier\n`);
        return 1;
      }
      if (!scope.has(name)) scope.set(name, { env: frame.env[name], vars: frame.vars[name] });
      if (eq !== -1) this.setVar(ctx, name, a.slice(eq + 1));
      else if (frame.env[name] === undefined && frame.vars[name] === undefined) frame.vars[name] = "";
    }
    return 0;
  },

  return(argv, ctx, io) {
    if (ctx.funcs === 0 && ctx.sourcing === 0) {
      io.err.write(`${this.pfx(ctx)}: return: can only \`return' from a function or sourced script\n`);
      return 1;
    }
    const n = argv[1];
    if (n !== undefined && !/^[+-]?\d+$/.test(n)) {
      io.err.write(`${this.pfx(ctx)}: return: ${n}: numeric argument required\n`);
      throw new ReturnSignal(2);
    }
    throw new ReturnSignal(n === undefined ? this.state.status : Number(n) & 255);
  },

  break: loopBuiltin("break"),
  continue: loopBuiltin("continue"),

  declare: declareBuiltin,
  typeset: declareBuiltin,
  readonly(argv, ctx) {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf("=");
      if (eq > 0 && NAME_RE.test(a.slice(0, eq))) this.setVar(ctx, a.slice(0, eq), a.slice(eq + 1));
    }
    return 0;
  },

  let(argv, ctx, io) {
    let last = 0n;
    if (argv.length < 2) {
      io.err.write(`${this.pfx(ctx)}: let: expression expected\n`);
      return 1;
    }
    for (const e of argv.slice(1)) {
      try {
        last = evaluateArith(e, { get: (n) => this.getVar(ctx, n), set: (n, v) => this.setVar(ctx, n, v) });
      } catch (err) {
        if (err instanceof ArithError) {
          io.err.write(`${this.pfx(ctx)}: let: ${err.message}\n`);
          return 1;
        }
        throw err;
      }
    }
    return last === 0n ? 1 : 0;
  },

  umask(argv, ctx, io) {
    const frame = ctx.frame;
    const a = argv[1];
    if (a === undefined) {
      io.out.write(frame.umask.toString(8).padStart(4, "0") + "\n");
      return 0;
    }
    if (a === "-S") {
      const perm = (bits: number) => (bits & 4 ? "" : "r") + (bits & 2 ? "" : "w") + (bits & 1 ? "" : "x");
      io.out.write(`u=${perm((frame.umask >> 6) & 7)},g=${perm((frame.umask >> 3) & 7)},o=${perm(frame.umask & 7)}\n`);
      return 0;
    }
    if (!/^[0-7]{1,4}$/.test(a)) {
      io.err.write(`${this.pfx(ctx)}: umask: ${a}: octal number out of range\n`);
      return 1;
    }
    frame.umask = parseInt(a, 8) & 0o777;
    return 0;
  },

  wait: () => 0,
  jobs: () => 0,
  hash: () => 0,
  // Completion and shell options matter to a terminal with tab completion; accepting them
  // keeps `source <(kubectl completion bash)` and ~/.bashrc lines working.
  complete: () => 0,
  compgen: () => 1,
  compopt: () => 0,
  shopt: () => 0,
  trap: () => 0,
  disown: () => 0,
  ulimit(argv, ctx, io) {
    io.out.write(argv.includes("-n") ? "1048576\n" : "unlimited\n");
    return 0;
  },

  builtin(argv, ctx, io) {
    const name = argv[1];
    if (name === undefined) return 0;
    const b = BUILTINS[name];
    if (!b) {
      io.err.write(`${this.pfx(ctx)}: builtin: ${name}: not a shell builtin\n`);
      return 1;
    }
    return b.call(this, argv.slice(1), ctx, io);
  },

  type(argv, ctx, io) {
    let status = 0;
    let terse = false;
    for (const name of argv.slice(1)) {
      if (name === "-t") {
        terse = true;
        continue;
      }
      if (name.startsWith("-")) continue;
      const frame = ctx.frame;
      if (frame.aliases[name] !== undefined) {
        io.out.write(terse ? "alias\n" : `${name} is aliased to \`${frame.aliases[name]}'\n`);
      } else if (KEYWORDS.has(name)) {
        io.out.write(terse ? "keyword\n" : `${name} is a shell keyword\n`);
      } else if (frame.functions[name] !== undefined) {
        io.out.write(terse ? "function\n" : `${name} is a function\n${frame.functions[name]}\n`);
      } else if (BUILTINS[name]) {
        io.out.write(terse ? "builtin\n" : `${name} is a shell builtin\n`);
      } else {
        const kind = this.commandKind(name, ctx);
        if (kind) io.out.write(terse ? "file\n" : `${name} is ${kind}\n`);
        else {
          if (!terse) io.err.write(`${this.pfx(ctx)}: type: ${name}: not found\n`);
          status = 1;
        }
      }
    }
    return status;
  },

  command(argv, ctx, io) {
    const args = argv.slice(1);
    if (args[0] === "-v" || args[0] === "-V") {
      let status = 0;
      for (const name of args.slice(1)) {
        const frame = ctx.frame;
        if (args[0] === "-V") {
          const r = BUILTINS.type!.call(this, ["type", name], ctx, io);
          if (r !== 0) status = 1;
          continue;
        }
        if (frame.aliases[name] !== undefined) io.out.write(`alias ${name}=${sq(frame.aliases[name]!)}\n`);
        else if (frame.functions[name] !== undefined || BUILTINS[name] || KEYWORDS.has(name)) io.out.write(name + "\n");
        else {
          const kind = this.commandKind(name, ctx);
          if (kind) io.out.write(kind + "\n");
          else status = 1;
        }
      }
      return status;
    }
    if (args.length === 0) return 0;
    const b = BUILTINS[args[0]!];
    if (b) return b.call(this, args, ctx, io);
    return this.dispatch(args, ctx, io, [], false, true);
  },

  help(argv, ctx, io) {
    io.out.write(HELP_TEXT);
    return 0;
  },
};
// Lookups by typed name: "toString" or "__proto__" must not find Object.prototype.
Object.setPrototypeOf(BUILTINS, null);

function loopBuiltin(kind: "break" | "continue"): Builtin {
  return function (this: Interp, argv, ctx, io) {
    const n = argv[1] === undefined ? 1 : Number(argv[1]);
    if (!Number.isInteger(n) || n < 1) {
      io.err.write(`${this.pfx(ctx)}: ${kind}: ${argv[1]}: loop count out of range\n`);
      return 1;
    }
    if (ctx.loops === 0) {
      io.err.write(`${this.pfx(ctx)}: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    throw new LoopSignal(kind, Math.min(n, ctx.loops));
  };
}

function declareBuiltin(this: Interp, argv: string[], ctx: Ctx, io: Io): number {
  const frame = ctx.frame;
  const flags = new Set<string>();
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^[-+][a-zA-Z]+$/.test(a)) for (const c of a.slice(1)) flags.add(a[0] === "-" ? c : "+" + c);
    else names.push(a);
  }
  if (flags.has("f") || flags.has("F")) {
    for (const n of names.length ? names : Object.keys(frame.functions).sort()) {
      const src = own(frame.functions, n);
      if (src === undefined) return 1;
      io.out.write(flags.has("F") ? `declare -f ${n}\n` : src + "\n");
    }
    return 0;
  }
  if (names.length === 0 || flags.has("p")) {
    const all = names.length ? names : [...new Set([...Object.keys(frame.vars), ...Object.keys(frame.env)])].sort();
    let status = 0;
    for (const n of all) {
      const exported = own(frame.env, n) !== undefined;
      const v = own(frame.env, n) ?? own(frame.vars, n);
      if (v === undefined) {
        io.err.write(`${this.pfx(ctx)}: declare: ${n}: not found\n`);
        status = 1;
        continue;
      }
      io.out.write(`declare ${exported ? "-x" : "--"} ${n}=${dq(v)}\n`);
    }
    return status;
  }
  for (const a of names) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=([\s\S]*))?$/.exec(a);
    if (!m) {
      io.err.write(`${this.pfx(ctx)}: declare: \`${a}': not a valid identifier\n`);
      return 1;
    }
    const [, name, value] = m;
    if (flags.has("x")) setVarExport(frame, name!, value ?? frame.vars[name!] ?? frame.env[name!] ?? "");
    else if (value !== undefined) this.setVar(ctx, name!, value);
    else if (frame.vars[name!] === undefined && frame.env[name!] === undefined) frame.vars[name!] = "";
    if (flags.has("+x") && frame.env[name!] !== undefined) {
      frame.vars[name!] = frame.env[name!]!;
      delete frame.env[name!];
    }
  }
  return 0;
}

function sourceBuiltin(this: Interp, argv: string[], ctx: Ctx, io: Io): number {
  const name = argv[0]!;
  const file = argv[1];
  if (file === undefined) {
    io.err.write(`${this.pfx(ctx)}: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  const frame = ctx.frame;
  const host = this.hostOf(frame);
  const actor = this.actor(frame);
  let text: string | undefined;
  let code: ReturnType<typeof readFile> | undefined;
  if (!file.includes("/")) {
    for (const dir of (this.getVar(ctx, "PATH") ?? "").split(":")) {
      if (!dir) continue;
      const r = readFile(host.fs, normalizePath(dir + "/" + file), actor);
      if (r.ok) {
        text = r.value;
        break;
      }
    }
  }
  if (text === undefined) {
    code = readFile(host.fs, joinPath(frame.cwd, file), actor);
    if (!code.ok) {
      io.err.write(`${this.pfx(ctx)}: ${file}: ${errnoMessage(code.code)}\n`);
      return 1;
    }
    text = code.value;
  }
  const r = parse(text, { atEof: true });
  if (!r.ok) {
    io.err.write(r.message.split("\n").map((l) => l.replace(/^bash: /, `${file}: line 1: `)).join("\n") + "\n");
    return 2;
  }
  const saved = ctx.positional;
  if (argv.length > 2) ctx.positional = argv.slice(2);
  ctx.sourcing++;
  try {
    return this.execList(r.program, ctx, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    ctx.sourcing--;
    if (argv.length > 2) ctx.positional = saved;
  }
}

// ---------------------------------------------------------------------------------------------
// Programs that need the interpreter

type Program = (this: Interp, argv: string[], ctx: Ctx, io: Io, env: Record<string, string>) => number;

const SSH_USAGE = `usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]
           [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]
           [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]
           [-i identity_file] [-J [user@]host[:port]] [-L address]
           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]
           [-Q query_option] [-R address] [-S ctl_path] [-W host:port]
           [-w local_tun[:remote_tun]] destination [command [argument ...]]
`;

const SUDO_USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABknS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABknS] [-g group] [-h host] [-p prompt] [-U user] [-u user]
            [command [arg ...]]
usage: sudo [-ABbEHknPS] [-r role] [-t type] [-C num] [-D directory] [-g group]
            [-h host] [-p prompt] [-R directory] [-T timeout] [-u user]
            [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABknS] [-r role] [-t type] [-C num] [-D directory] [-g group]
            [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...
`;

/** The environment sudo gives a command (env_reset with the distro's secure_path). */
function sudoEnv(host: HostState, from: Frame, target: string, command: string[]): Record<string, string> {
  const account = host.users[target];
  const invoker = host.users[from.user];
  const env: Record<string, string> = {};
  for (const k of ["LANG", "TERM", "DISPLAY", "COLORS", "HOSTNAME", "HISTSIZE", "LS_COLORS", "MAIL"]) if (from.env[k] !== undefined) env[k] = from.env[k]!;
  env.PATH = host.distro === "ubuntu" ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin" : "/sbin:/bin:/usr/sbin:/usr/bin";
  env.SHELL = account?.shell ?? "/bin/bash";
  env.LOGNAME = target;
  env.USER = target;
  env.HOME = account?.home ?? "/root";
  env.SUDO_COMMAND = command.length ? ["/usr/bin/" + command[0], ...command.slice(1)].join(" ") : "/bin/bash";
  env.SUDO_USER = from.user;
  env.SUDO_UID = String(invoker?.uid ?? 0);
  env.SUDO_GID = String(invoker?.gid ?? 0);
  return env;
}

function unknownUserMessage(host: HostState, user: string): string {
  if (host.distro === "centos" && osVersion(host) === "8") return `su: user ${user} does not exist\n`;
  return `su: user ${user} does not exist or the user entry does not contain all the required fields\n`;
}

const nologin = (shell: string) => /nologin$|\/false$/.test(shell);

export const PROGRAMS: Record<string, Program> = {
  sudo(argv, ctx, io) {
    const o = parseSudoArgs(argv.slice(1));
    const frame = ctx.frame;
    const host = this.hostOf(frame);
    if (!o) {
      io.err.write(SUDO_USAGE);
      return 1;
    }
    if (o.flags.has("V")) {
      io.out.write(`Sudo version ${host.distro === "ubuntu" ? "1.9.9" : "1.8.29"}\nSudoers policy plugin version ${host.distro === "ubuntu" ? "1.9.9" : "1.8.29"}\nSudoers file grammar version 48\nSudoers I/O plugin version ${host.distro === "ubuntu" ? "1.9.9" : "1.8.29"}\n`);
      return 0;
    }
    if (o.flags.has("h")) {
      io.out.write(`sudo - execute a command as another user\n\n${SUDO_USAGE}`);
      return 0;
    }
    const key = `${frame.host}/${frame.user}`;
    if (o.flags.has("K") || (o.flags.has("k") && o.command.length === 0 && !o.flags.has("i") && !o.flags.has("s") && !o.flags.has("v") && !o.flags.has("l"))) {
      delete this.state.sudoTimes[key];
      return 0;
    }
    if (o.command.length === 0 && !o.flags.has("i") && !o.flags.has("s") && !o.flags.has("l") && !o.flags.has("v")) {
      io.err.write(SUDO_USAGE);
      return 1;
    }
    const account = host.users[frame.user];
    if (frame.user !== "root") {
      if (!account) {
        io.err.write(`sudo: you do not exist in the passwd database\n`);
        return 1;
      }
      const granted = this.state.grant?.purpose === "sudo" && this.state.grant.host === frame.host && this.state.grant.user === frame.user;
      if (granted) this.state.grant = undefined;
      const t = this.state.sudoTimes[key];
      const cached = account.sudo === "password" && !o.flags.has("k") && t !== undefined && this.now() - t < 5 * 60_000;
      if (account.sudo !== "nopasswd" && !cached && !granted) {
        if (o.flags.has("S")) {
          const pw = io.stdin.readLine();
          io.err.write(`[sudo] password for ${frame.user}: `);
          if (pw === null || pw !== account.password) {
            io.err.write("\nsudo: no password was provided\nsudo: a password is required\n");
            return 1;
          }
        } else if (o.flags.has("n")) {
          io.err.write("sudo: a password is required\n");
          return 1;
        } else {
          io.err.write("sudo: a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper\nsudo: a password is required\n");
          return 1;
        }
      }
      if (account.sudo === "none") {
        io.err.write(`${frame.user} is not in the sudoers file.  This incident will be reported.\n`);
        return 1;
      }
      this.state.sudoTimes[key] = this.now();
    }
    if (o.flags.has("v")) return 0;
    if (o.flags.has("l")) {
      const who = frame.user;
      const rule = who === "root" || account?.sudo !== "nopasswd" ? (host.distro === "ubuntu" ? "(ALL : ALL) ALL" : "(ALL) ALL") : "(ALL) NOPASSWD: ALL";
      const defaults = host.distro === "ubuntu" ? "    env_reset, mail_badpass, secure_path=/usr/local/sbin\\:/usr/local/bin\\:/usr/sbin\\:/usr/bin\\:/sbin\\:/bin\\:/snap/bin, use_pty" : "    !visiblepw, always_set_home, match_group_by_gid, always_query_group_plugin, env_reset, secure_path=/sbin\\:/bin\\:/usr/sbin\\:/usr/bin";
      io.out.write(`Matching Defaults entries for ${who} on ${host.name}:\n${defaults}\n\nUser ${who} may run the following commands on ${host.name}:\n    ${rule}\n`);
      return 0;
    }
    const target = o.user ?? "root";
    const targetAccount = host.users[target];
    if (!targetAccount) {
      io.err.write(host.distro === "ubuntu" ? `sudo: unknown user ${target}\nsudo: error initializing audit plugin sudoers_audit\n` : `sudo: unknown user: ${target}\n`);
      return 1;
    }
    if (o.flags.has("i") || o.flags.has("s")) {
      const login = o.flags.has("i");
      const sudoPid = host.nextPid++;
      const f = newFrame(host, frame.host, target, { login, via: "sudo", cwd: login ? undefined : frame.cwd, base: { ...frame, env: sudoEnv(host, frame, target, []) } });
      f.launch = [argv.join(" ")];
      f.launchPids = [sudoPid];
      // sudo -s runs the target's shell by its path; -i makes it a login shell ("-bash").
      if (!login) f.argv0 = targetAccount.shell;
      if (o.command.length > 0) {
        const sub = ctx.subshell({ frame: f });
        return this.runScriptText(o.command.join(" "), sub, io, "bash");
      }
      if (!ctx.sub) this.pushFrame(f);
      return 0;
    }
    const f: Frame = { ...frame, user: target, env: sudoEnv(host, frame, target, o.command), vars: {}, aliases: {}, functions: {}, umask: 0o022, viaSudo: argv.join(" ") };
    // A program that starts a shell (su, bash) runs as sudo's child: sudo's pid comes first.
    if (["su", "bash", "sh"].includes(o.command[0] ?? "")) f.viaSudoPid = host.nextPid++;
    // Not a subshell: `sudo su -` and `sudo bash` log in for real.
    return this.dispatch(o.command, ctx.as(f), io, [], true);
  },

  su(argv, ctx, io) {
    const o = parseSuArgs(argv.slice(1));
    const frame = ctx.frame;
    const host = this.hostOf(frame);
    if (!o) {
      io.err.write(`su: invalid option -- '${argv[1]?.slice(1, 2) ?? ""}'\nTry 'su --help' for more information.\n`);
      return 1;
    }
    const account = host.users[o.user];
    if (!account) {
      io.err.write(unknownUserMessage(host, o.user));
      return 1;
    }
    if (frame.user !== "root") {
      const g = this.state.grant;
      if (g && g.purpose === "su" && g.host === frame.host && g.user === o.user) this.state.grant = undefined;
      else {
        io.err.write("su: Authentication failure\n");
        return 1;
      }
    }
    if (nologin(o.shell ?? account.shell)) {
      io.out.write("This account is currently not available.\n");
      return 1;
    }
    const suPid = host.nextPid++;
    const f = newFrame(host, frame.host, o.user, { login: o.login, via: "su", cwd: o.login ? undefined : frame.cwd, base: frame });
    f.launch = [...(frame.viaSudo ? [frame.viaSudo] : []), argv.join(" ")];
    f.launchPids = [...(frame.viaSudoPid !== undefined ? [frame.viaSudoPid] : []), suPid];
    if (o.command !== undefined) return this.runScriptText(o.command, ctx.subshell({ frame: f }), io, "bash");
    if (!isTopCtx(ctx)) return 0;
    this.pushFrame(f);
    return 0;
  },

  ssh(argv, ctx, io) {
    const o = parseSshArgs(argv.slice(1));
    if (!o) {
      io.err.write(SSH_USAGE);
      return 255;
    }
    if (o.flags.has("V")) {
      io.err.write("OpenSSH_8.9p1 Ubuntu-3ubuntu0.6, OpenSSL 3.0.2 15 Mar 2022\n");
      return 0;
    }
    if (!o.dest) {
      io.err.write(SSH_USAGE);
      return 255;
    }
    const frame = ctx.frame;
    const from = this.hostOf(frame);
    const { user: typedUser, host: typed } = splitDest(o.dest, o.login);
    const shown = typed.toLowerCase();
    const key = this.resolveHost(shown, frame);
    if (!key) {
      io.err.write(`ssh: Could not resolve hostname ${shown}: Name or service not known\n`);
      return 255;
    }
    const target = this.deps.hosts[key]!;
    const user = typedUser ?? frame.user;
    const account = target.users[user];
    let keys = false;
    try {
      keys = this.deps.sshKeys(frame.host, frame.user, key, user);
    } catch {
      keys = false;
    }
    const g = this.state.grant;
    const granted = !!g && g.purpose === "ssh" && g.host === key && g.user === user;
    if (granted) this.state.grant = undefined;
    if (!account || (!keys && !granted)) {
      io.err.write(`${user}@${shown}: Permission denied (${sshMethods(target)}).\n`);
      return 255;
    }
    // sshd forks a privileged monitor for the session and, for other users than root, their own process.
    const sshdPids = user === "root" ? [target.nextPid++] : [target.nextPid++, target.nextPid++];
    const f = newFrame(target, key, user, { login: true, via: "ssh" });
    f.sshdPids = sshdPids;
    f.sshHost = shown;
    f.env.SSH_CONNECTION = `${from.ip} 50022 ${target.ip} 22`;
    f.env.SSH_CLIENT = `${from.ip} 50022 22`;
    if (nologin(account.shell)) {
      io.out.write("This account is currently not available.\n");
      if (o.command.length === 0) io.err.write(`Connection to ${shown} closed.\n`);
      return 1;
    }
    if (o.command.length > 0) {
      const sub = ctx.subshell({ frame: f });
      return this.runScriptText(o.command.join(" "), sub, io, "bash");
    }
    if (!isTopCtx(ctx)) {
      if (!io.stdinTty) io.err.write("Pseudo-terminal will not be allocated because stdin is not a terminal.\n");
      return 0;
    }
    f.env.SSH_TTY = "/dev/pts/0";
    io.out.write(this.loginBanner(target, user, from.ip));
    this.pushFrame(f);
    return 0;
  },

  bash: shellProgram,
  sh: shellProgram,

  clear(argv, ctx, io) {
    if (io.out.tty) this.rt.clear();
    else io.out.write("\x1b[H\x1b[2J\x1b[3J");
    return 0;
  },

  which(argv, ctx, io) {
    const host = this.hostOf(ctx.frame);
    const names = argv.slice(1).filter((a) => !a.startsWith("-"));
    if (names.length === 0) return 1;
    let status = 0;
    const path = this.getVar(ctx, "PATH") ?? "";
    for (const name of names) {
      let found: string | undefined;
      if (name.includes("/")) {
        const s = stat(host.fs, joinPath(ctx.frame.cwd, name), this.actor(ctx.frame));
        if (s.ok && s.value.node.type === "file" && canAccess(s.value.node, this.actor(ctx.frame), 1)) found = name;
      } else {
        for (const dir of path.split(":")) {
          if (!dir) continue;
          const full = normalizePath(dir + "/" + name);
          const s = stat(host.fs, full, this.actor(ctx.frame));
          if (s.ok && s.value.node.type === "file" && canAccess(s.value.node, this.actor(ctx.frame), 1)) {
            found = full;
            break;
          }
        }
        if (!found && !SHELL_ONLY.has(name) && !BUILTINS[name] && (this.deps.commands.has(name) || PROGRAMS[name] || EDITORS.has(name)) && (this.deps.isInstalled?.(host, name) ?? true)) found = `/usr/bin/${name}`;
        if (!found && BUILTINS[name] && !SHELL_ONLY.has(name)) found = `/usr/bin/${name}`;
      }
      if (found) io.out.write(found + "\n");
      else {
        status = 1;
        if (host.distro === "centos") io.err.write(`/usr/bin/which: no ${name} in (${path})\n`);
      }
    }
    return status;
  },

  env(argv, ctx, io, env) {
    const args = argv.slice(1);
    let e: Record<string, string> = { ...env };
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-i" || a === "-" || a === "--ignore-environment") e = {};
      else if (a === "-u" || a === "--unset") delete e[args[++i] ?? ""];
      else if (a.startsWith("-u") && a.length > 2) delete e[a.slice(2)];
      else if (a === "--") {
        i++;
        break;
      } else if (a.startsWith("-") && a.length > 1) {
        io.err.write(`env: invalid option -- '${a[1]}'\nTry 'env --help' for more information.\n`);
        return 125;
      } else break;
    }
    for (; i < args.length; i++) {
      const m = /^([^=]+)=([\s\S]*)$/.exec(args[i]!);
      if (!m) break;
      e[m[1]!] = m[2]!;
    }
    const command = args.slice(i);
    if (command.length === 0) {
      let out = "";
      for (const [k, v] of Object.entries(e)) if (k !== "_") out += `${k}=${v}\n`;
      if (Object.keys(e).length > 0 || env._ !== undefined) out += "_=/usr/bin/env\n";
      io.out.write(out);
      return 0;
    }
    const f: Frame = { ...ctx.frame, env: e, vars: {}, functions: {}, aliases: {} };
    const sub = ctx.subshell({ frame: f });
    const st = this.dispatch(command, sub, io, [], true, true);
    return st;
  },

  watch(argv, ctx, io) {
    const args = argv.slice(1);
    let interval = 2;
    let title = true;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-n" || a === "--interval") {
        interval = Number(args[++i]);
        continue;
      }
      if (a.startsWith("--interval=")) {
        interval = Number(a.slice(11));
        continue;
      }
      if (/^-n\d/.test(a)) {
        interval = Number(a.slice(2));
        continue;
      }
      if (a === "-t" || a === "--no-title") {
        title = false;
        continue;
      }
      if (/^-[dcbegpx]+$/.test(a) || a.startsWith("--")) continue;
      break;
    }
    const cmd = args.slice(i).join(" ");
    if (cmd === "") {
      io.err.write("\nUsage:\n watch [options] command\n\nOptions:\n  -b, --beep             beep if command has a non-zero exit\n  -c, --color            interpret ANSI color and style sequences\n  -d, --differences[=<permanent>]\n                         highlight changes between updates\n  -e, --errexit          exit if command has a non-zero exit\n  -g, --chgexit          exit when output from command changes\n  -n, --interval <secs>  seconds to wait between updates\n  -p, --precise          attempt run command in precise intervals\n  -t, --no-title         turn off header\n  -x, --exec             pass command to exec instead of \"sh -c\"\n\n -h, --help     display this help and exit\n -v, --version  output version information and exit\n\nFor more details see watch(1).\n");
      return 1;
    }
    if (!Number.isFinite(interval) || interval < 0.1) interval = 0.1;
    const host = this.hostOf(ctx.frame);
    let out = "";
    if (title) {
      const width = this.deps.columns ?? 80;
      const left = `Every ${interval.toFixed(1)}s: `;
      const right = `${host.name}: ${ctime(this.now())}`;
      let header: string;
      if (width < right.length) header = "";
      else if (width < left.length + right.length + 1) header = " ".repeat(width - right.length) + right;
      else {
        const room = width - left.length - right.length - 1;
        const shownCmd = cmd.length <= room ? cmd : room >= 4 ? cmd.slice(0, room - 4) + "... " : "";
        header = (left + shownCmd).padEnd(width - right.length) + right;
      }
      out = header + "\n\n";
    }
    io.out.write(out);
    const buf: Io = { stdin: new StdinBuf(""), stdinTty: false, out: io.out, err: io.out };
    // One frame: watch runs the command once through `sh -c`, output and errors together.
    const capture = { text: "" };
    const sink = { tty: false, write: (t: string) => (capture.text += t) };
    const st = this.runScriptText(cmd, ctx.subshell(), { ...buf, out: sink, err: sink }, "sh: 1");
    void st;
    io.out.write(capture.text);
    return 0;
  },

  xargs(argv, ctx, io) {
    const args = argv.slice(1);
    let maxArgs: number | undefined;
    let replace: string | undefined;
    let nul = false;
    let delim: string | undefined;
    let noRunEmpty = false;
    let trace = false;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === "--") {
        i++;
        break;
      }
      if (!a.startsWith("-") || a === "-") break;
      if (a === "-0" || a === "--null") nul = true;
      else if (a === "-r" || a === "--no-run-if-empty") noRunEmpty = true;
      else if (a === "-t" || a === "--verbose") trace = true;
      else if (a === "-n" || a === "-L") maxArgs = Number(args[++i]);
      else if (/^-[nL]\d+$/.test(a)) maxArgs = Number(a.slice(2));
      else if (a === "-I") replace = args[++i];
      else if (a.startsWith("-I")) replace = a.slice(2);
      else if (a === "-i") replace = "{}";
      else if (a === "-d") delim = args[++i];
      else if (a === "-P") i++;
      else if (/^-P\d+$/.test(a)) continue;
      else {
        io.err.write(`xargs: invalid option -- '${a.slice(1, 2)}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n`);
        return 1;
      }
    }
    const command = args.slice(i).length > 0 ? args.slice(i) : ["echo"];
    const input = io.stdin.rest();
    io.stdin.consumeAll();
    let items: string[];
    if (replace !== undefined) items = input.split("\n").map((l) => l.replace(/^[ \t]+/, "")).filter((l) => l !== "");
    else if (nul) items = input.split("\0").filter((x) => x !== "");
    else if (delim !== undefined) items = input.split(delim === "\\n" ? "\n" : delim).filter((x, idx, arr) => !(x === "" && idx === arr.length - 1));
    else {
      const r = splitXargs(input);
      if (typeof r === "string") {
        io.err.write(r);
        return 1;
      }
      items = r;
    }
    const runs: string[][] = [];
    if (replace !== undefined) for (const it of items) runs.push(command.map((c) => c.split(replace!).join(it)));
    else if (maxArgs && maxArgs > 0) for (let k = 0; k < items.length; k += maxArgs) runs.push([...command, ...items.slice(k, k + maxArgs)]);
    else if (items.length > 0 || !noRunEmpty) runs.push([...command, ...items]);
    let status = 0;
    for (const run of runs) {
      if (trace) io.err.write(run.join(" ") + "\n");
      const sub = ctx.subshell();
      const st = this.dispatch(run, sub, { ...io, stdin: new StdinBuf(""), stdinTty: false }, [], true, true);
      if (st === 127) return 127;
      if (st === 255) {
        io.err.write(`xargs: ${run[0]}: exited with status 255; aborting\n`);
        return 124;
      }
      if (st !== 0) status = 123;
    }
    return status;
  },

  timeout(argv, ctx, io) {
    const args = argv.slice(1).filter((a, idx) => !(idx === 0 && a.startsWith("-")));
    if (args.length < 2) {
      io.err.write("timeout: missing operand\nTry 'timeout --help' for more information.\n");
      return 125;
    }
    return this.dispatch(args.slice(1), ctx.subshell(), io, [], true, true);
  },

  nohup(argv, ctx, io) {
    if (argv.length < 2) {
      io.err.write("nohup: missing operand\nTry 'nohup --help' for more information.\n");
      return 125;
    }
    return this.dispatch(argv.slice(1), ctx.subshell(), io, [], true, true);
  },
};
Object.setPrototypeOf(PROGRAMS, null);

function isTopCtx(ctx: Ctx): boolean {
  return !ctx.sub;
}

function sshMethods(host: HostState): string {
  return host.distro === "centos" ? "publickey,gssapi-keyex,gssapi-with-mic,password" : "publickey,password";
}

/** xargs' default input parsing: blanks separate items; quotes and backslashes protect. */
function splitXargs(input: string): string[] | string {
  const items: string[] = [];
  let cur = "";
  let has = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === "'" || c === '"') {
      const end = input.indexOf(c, i + 1);
      const nl = input.indexOf("\n", i + 1);
      if (end === -1 || (nl !== -1 && nl < end)) return `xargs: unmatched ${c === "'" ? "single" : "double"} quote; by default quotes are special to xargs unless you use the -0 option\n`;
      cur += input.slice(i + 1, end);
      has = true;
      i = end;
      continue;
    }
    if (c === "\\" && i + 1 < input.length) {
      cur += input[++i];
      has = true;
      continue;
    }
    if (c === " " || c === "\t" || c === "\n") {
      if (has) items.push(cur);
      cur = "";
      has = false;
      continue;
    }
    cur += c;
    has = true;
  }
  if (has) items.push(cur);
  return items;
}

function shellProgram(this: Interp, argv: string[], ctx: Ctx, io: Io): number {
  const args = argv.slice(1);
  const host = this.hostOf(ctx.frame);
  let login = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--version") {
      io.out.write(`GNU bash, version ${bashVersion(host)} (x86_64-pc-linux-gnu)\nCopyright (C) 2020 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\nThis is free software; you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`);
      return 0;
    }
    if (a === "-c") {
      const text = args[i + 1];
      if (text === undefined) {
        io.err.write(`${argv[0]}: -c: option requires an argument\n`);
        return 2;
      }
      const rest = args.slice(i + 2);
      const sub = ctx.subshell({ positional: rest.slice(1), argv0: rest[0] ?? argv[0]! });
      return this.runScriptText(text, sub, io, "bash: -c");
    }
    if (a === "-l" || a === "--login") {
      login = true;
      continue;
    }
    if (a === "--" ) {
      i++;
      break;
    }
    if (a.startsWith("-") || a.startsWith("+")) continue;
    break;
  }
  const file = args[i];
  if (file !== undefined) {
    const frame = ctx.frame;
    const r = readFile(this.hostOf(frame).fs, joinPath(frame.cwd, file), this.actor(frame));
    if (!r.ok) {
      io.err.write(`${argv[0]}: ${file}: ${errnoMessage(r.code)}\n`);
      return r.code === "ENOENT" ? 127 : 126;
    }
    const sub = ctx.subshell({ positional: args.slice(i + 1), argv0: file, script: file });
    return this.runScriptText(r.value, sub, io, file);
  }
  if (!io.stdinTty) {
    const text = io.stdin.rest();
    io.stdin.consumeAll();
    return this.runScriptText(text, ctx.subshell(), io, "bash");
  }
  if (!isTopCtx(ctx)) return 0;
  const frame = ctx.frame;
  const f = newFrame(host, frame.host, frame.user, { login, via: "bash", cwd: frame.cwd, base: frame });
  f.launch = frame.viaSudo ? [frame.viaSudo] : [];
  if (frame.viaSudoPid !== undefined) f.launchPids = [frame.viaSudoPid];
  f.argv0 = argv.join(" ");
  if (!login) {
    f.env.PATH = frame.env.PATH ?? defaultPath(host, host.users[frame.user]!);
  }
  this.pushFrame(f);
  return 0;
}
