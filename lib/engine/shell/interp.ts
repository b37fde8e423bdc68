// Runs parsed command lines against the session state: pipelines, lists, compound commands,
// redirections, expansions, shell builtins, and the commands that change who and where you are
// (sudo, su, ssh, bash). Output is routed through sinks (terminal, pipe, file, /dev/null) so
// stdout and stderr reach the terminal in the order they were written.
import type { Millis } from "../clock";
import {
  type Actor,
  ROOT,
  actorFor,
  appendFile,
  canAccess,
  collationFor,
  compareNames,
  errnoMessage,
  joinPath,
  listDir,
  lookup,
  normalizePath,
  readFile,
  stat,
  writeFile,
} from "./vfs";
import type { HostState } from "../hosts/types";
import { Random } from "../random";
import { ExpandError, Expander } from "./expand";
import { type CondNode, type CommandNode, type CompoundCommand, type List, type Pipeline, type Redirect, type SimpleCommand, type Word, type WordPart, parse, parseWords } from "./parse";
import { compilePosix, globMatch, globToRegexSource, hasGlobChars, unescapeGlob } from "./pattern";
import type { Proc, Utility } from "./proc";
import type { ContainerSession, Frame, Pending, ShellState } from "./state";
import { TestError, fileCompare, fileTest, intCompare } from "./test-expr";
import { ctime } from "./time-format";
import type { Command, CommandResult, SessionShell, SessionView } from "./types";
import { UTILITIES } from "./utilities";
import { BUILTINS, PROGRAMS } from "./builtins";

export interface ShellDeps<World = unknown> {
  /** The sandbox's machines by key; the shell changes their file systems in place. */
  hosts: Record<string, HostState>;
  /** External programs (kubectl, docker, systemctl, ...). */
  commands: Map<string, Command<World>>;
  world: World;
  now(): Millis;
  /** Moves virtual time forward (sleep). */
  advance(ms: number): void;
  /** Whether `fromUser` on `fromHost` holds a key `toUser` on `toHost` accepts. */
  sshKeys(fromHost: string, fromUser: string, toHost: string, toUser: string): boolean;
  /** Where a new session starts (default: the first host, as root). */
  start?: { host: string; user: string };
  /** Terminal width for ls columns and watch's header (default 80). */
  columns?: number;
  /** Whether an external command is installed on a host (default: all of them everywhere). */
  isInstalled?(host: HostState, name: string): boolean;
  /** Whether the terminal is a TTY (default true; false for a script piped into the CLI). */
  terminalIsTty?(): boolean;
  /** Runs what is typed into a container's shell the terminal is attached to (exec -it). */
  containers?: ContainerRuntime;
}

/** The container side of an attached terminal (CommandResult.attach). */
export interface ContainerRuntime {
  /**
   * Runs a line typed into the session's shell (changing its cwd, variables and $?). `exit` is
   * set when the exec ended (the shell exited, or its container is gone); `output` then ends
   * with what the client prints (kubectl: "command terminated with exit code N").
   */
  line(session: ContainerSession, text: string, columns: number): { output: string; exit?: number };
  /** The exec ended with `status`: what the client prints then. */
  ended(session: ContainerSession, status: number): string;
}

/** obj[key] when it is obj's own entry: typed names like "toString" are data, not Object.prototype. */
export function own<T>(obj: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** obj[key] = value, as an own entry even for "__proto__". */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T) {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

export const LIMITS = {
  /** One input line. */
  line: 64 * 1024,
  /** Everything one exec call prints. */
  output: 1024 * 1024,
  /** Data through one pipe or command substitution. */
  pipe: 4 * 1024 * 1024,
  /** Simple commands run by one input (loops stop there). */
  steps: 100_000,
  /** Nested subshells, substitutions, functions and scripts. */
  depth: 100,
  /** Buffered input of an incomplete command (a here-document). */
  input: 1024 * 1024 + 64 * 1024,
};

// ---------------------------------------------------------------------------------------------
// Output routing

export interface Sink {
  write(text: string): void;
  readonly tty: boolean;
}

export class Runtime {
  private chunks: string[] = [];
  private size = 0;
  truncated = false;
  cleared = false;
  steps = 0;
  /** A command asked for the editor (CommandResult.editor); the top level opens it. */
  editorRequest?: { path: string; then: string[] };
  /** A command attached the terminal to a container's shell (CommandResult.attach). */
  attachRequest?: ContainerSession;

  write(text: string) {
    if (this.truncated || text === "") return;
    if (this.size + text.length > LIMITS.output) {
      this.chunks.push(text.slice(0, LIMITS.output - this.size));
      this.chunks.push("\n[output truncated: more than 1 MB]\n");
      this.size = LIMITS.output;
      this.truncated = true;
      return;
    }
    this.chunks.push(text);
    this.size += text.length;
  }

  clear() {
    this.chunks = [];
    this.size = 0;
    this.truncated = false;
    this.cleared = true;
  }

  text(): string {
    return this.chunks.join("");
  }
}

class TermSink implements Sink {
  readonly tty = true;
  constructor(private readonly rt: Runtime) {}
  write(text: string) {
    this.rt.write(text);
  }
}

export class BufSink implements Sink {
  readonly tty = false;
  private parts: string[] = [];
  private size = 0;
  write(text: string) {
    if (this.size >= LIMITS.pipe) return;
    if (this.size + text.length > LIMITS.pipe) text = text.slice(0, LIMITS.pipe - this.size);
    this.parts.push(text);
    this.size += text.length;
  }
  text(): string {
    return this.parts.join("");
  }
}

export class NullSink implements Sink {
  readonly tty = false;
  write() {}
}

/** An open file: written through (the permission check happened when it was opened). */
class FileSink implements Sink {
  readonly tty = false;
  constructor(
    private readonly host: HostState,
    private readonly path: string,
    private readonly now: () => Millis,
  ) {}
  write(text: string) {
    if (text !== "") appendFile(this.host.fs, this.path, text, ROOT, this.now());
  }
}

/** Standard input shared by the commands of one redirection (so `while read` walks a file). */
export class StdinBuf {
  constructor(
    readonly text: string,
    public pos = 0,
  ) {}
  rest(): string {
    return this.text.slice(this.pos);
  }
  consumeAll() {
    this.pos = this.text.length;
  }
  /** The next line without its newline, or null at the end. */
  readLine(delim = "\n"): string | null {
    if (this.pos >= this.text.length) return null;
    const i = this.text.indexOf(delim, this.pos);
    const end = i === -1 ? this.text.length : i;
    const line = this.text.slice(this.pos, end);
    this.pos = i === -1 ? this.text.length : i + delim.length;
    return line;
  }
}

export interface Io {
  stdin: StdinBuf;
  stdinTty: boolean;
  out: Sink;
  err: Sink;
}

// ---------------------------------------------------------------------------------------------
// Control flow (internal; never leaves the interpreter)

export class ExitSignal {
  constructor(readonly status: number) {}
}
export class ReturnSignal {
  constructor(readonly status: number) {}
}
export class LoopSignal {
  constructor(
    readonly kind: "break" | "continue",
    readonly levels: number,
  ) {}
}
export class BudgetSignal {}
/** Subshells, substitutions or scripts nested too deep: unwind everything. */
export class DepthSignal {}
/** An expansion error: bash abandons the rest of the input line (or the script). */
export class AbortSignal {
  constructor(readonly status: number) {}
}

// ---------------------------------------------------------------------------------------------
// Execution context

export const cloneFrame = (f: Frame): Frame => ({ ...f, env: { ...f.env }, vars: { ...f.vars }, aliases: { ...f.aliases }, functions: { ...f.functions } });

export class Ctx {
  /** Saved values of `local` variables, one map per active function call. */
  locals: Array<Map<string, { env?: string; vars?: string }>> = [];
  loops = 0;
  funcs = 0;
  sourcing = 0;

  constructor(
    private readonly interp: Interp,
    private readonly own: Frame | undefined,
    /** A subshell (pipeline element, $(...), script): cannot log in or out. */
    readonly sub: boolean,
    public positional: string[],
    public argv0: string,
    readonly depth: number,
    /** Set in scripts: messages read "script.sh: line 3: ...". */
    readonly script?: string,
  ) {}

  get frame(): Frame {
    return this.own ?? this.interp.topFrame();
  }

  /** The same shell acting as another user (sudo's command): may still log in (`sudo su -`). */
  as(frame: Frame): Ctx {
    return new Ctx(this.interp, frame, this.sub, this.positional, this.argv0, this.depth + 1, this.script);
  }

  /** A subshell: a copy of this frame whose changes are lost afterwards. */
  subshell(opts: { frame?: Frame; positional?: string[]; argv0?: string; script?: string } = {}): Ctx {
    if (this.depth + 1 > LIMITS.depth) throw new DepthSignal();
    const c = new Ctx(this.interp, opts.frame ?? cloneFrame(this.frame), true, opts.positional ?? [...this.positional], opts.argv0 ?? this.argv0, this.depth + 1, opts.script ?? this.script);
    return c;
  }
}

/** bash builtins that exist only inside the shell (sudo cannot run them). */
export const SHELL_ONLY = new Set(["cd", "export", "unset", "alias", "unalias", "source", ".", "exit", "logout", "history", "set", "shift", "local", "return", "break", "continue", "eval", "exec", "read", "declare", "typeset", "let", "umask", "wait", "jobs", "type", "help", ":", "readonly", "hash", "builtin", "complete", "compgen", "compopt", "shopt", "trap", "disown", "ulimit"]);

export const EDITORS = new Set(["vi", "vim", "nano", "vim.tiny", "view", "vim.basic"]);

export type Builtin = (this: Interp, argv: string[], ctx: Ctx, io: Io) => number;

/** A prompt needed before a pipeline can run. */
export type PromptRequest = Omit<Extract<Pending, { kind: "password" }>, "resume">;

export class Interp {
  rt = new Runtime();
  private term!: TermSink;
  private topCtx: Ctx | undefined;

  private get top(): Ctx {
    this.topCtx ??= new Ctx(this, undefined, false, [], "-bash", 0);
    return this.topCtx;
  }
  private substStatus: number | undefined;
  private line = 0;

  constructor(
    readonly state: ShellState,
    readonly deps: ShellDeps,
  ) {
    this.reset();
  }

  /** A fresh output buffer for the next input; the top shell ($1.., counters) stays. */
  reset() {
    this.rt = new Runtime();
    this.term = new TermSink(this.rt);
  }

  topFrame(): Frame {
    return this.state.frames[this.state.frames.length - 1]!;
  }

  termIo(): Io {
    return { stdin: new StdinBuf(""), stdinTty: true, out: this.term, err: this.term };
  }

  hostOf(frame: Frame): HostState {
    const h = this.deps.hosts[frame.host];
    if (!h) throw new Error(`host ${frame.host} is not part of this sandbox`);
    return h;
  }

  now(): Millis {
    return this.deps.now();
  }

  actor(frame: Frame): Actor {
    return { ...actorFor(this.hostOf(frame), frame.user), umask: frame.umask };
  }

  /** "bash" interactively, "script.sh: line 3" in scripts. */
  pfx(ctx: Ctx): string {
    return ctx.script ? `${ctx.script}: line ${this.line}` : "bash";
  }

  private step() {
    if (++this.rt.steps > LIMITS.steps) throw new BudgetSignal();
  }

  // --- top level -------------------------------------------------------------------------------

  /** Top-level pipelines in order, each with the operator joining it to the previous one. */
  static flatten(list: List): Array<{ pipeline: Pipeline; op: ";" | "&&" | "||" }> {
    const out: Array<{ pipeline: Pipeline; op: ";" | "&&" | "||" }> = [];
    for (const ao of list.items) {
      out.push({ pipeline: ao.head, op: ";" });
      for (const t of ao.tail) out.push({ pipeline: t.pipeline, op: t.op });
    }
    return out;
  }

  /**
   * Runs top-level pipelines from `start`. Stops early when a password or the editor is needed
   * (state.pending is set), or when the session ends.
   */
  runTop(program: List, text: string, start: number, status: number) {
    const flat = Interp.flatten(program);
    this.state.status = status;
    for (let i = start; i < flat.length; i++) {
      const { pipeline, op } = flat[i]!;
      if ((op === "&&" && this.state.status !== 0) || (op === "||" && this.state.status === 0)) continue;
      const ask = this.needsPrompt(pipeline);
      if (ask) {
        this.state.pending = { ...ask, resume: { text, index: i, status: this.state.status } };
        return;
      }
      const editor = this.editorRequest(pipeline);
      if (editor !== undefined) {
        const frame = this.topFrame();
        this.state.pending = { kind: "editor", path: editor, host: frame.host, user: frame.user, resume: { text, index: i + 1, status: 0 } };
        this.state.status = 0;
        return;
      }
      try {
        this.state.status = this.execPipeline(pipeline, this.top, this.termIo());
        if (this.openRequestedEditor({ text, index: i + 1, status: this.state.status })) return;
        if (this.openRequestedContainer({ text, index: i + 1, status: this.state.status })) return;
        this.cleanProcFiles();
      } catch (e) {
        this.cleanProcFiles();
        if (e instanceof ExitSignal) {
          this.state.status = e.status;
          this.exitFrame();
        } else if (e instanceof BudgetSignal) {
          this.rt.write(`bash: stopped after ${LIMITS.steps} commands (a real shell would keep going until you press Ctrl-C)\n`);
          this.state.status = 130;
          return;
        } else if (e instanceof AbortSignal) {
          this.state.status = e.status;
          return;
        } else if (e instanceof DepthSignal) {
          this.rt.write("bash: maximum nesting level exceeded\n");
          this.state.status = 1;
          return;
        } else if (e instanceof ReturnSignal || e instanceof LoopSignal) {
          this.state.status = e instanceof ReturnSignal ? e.status : 0;
        } else throw e;
      }
      if (this.state.ended) return;
    }
  }

  /** Opens the editor a command asked for; true when it did (the line waits for it). */
  private openRequestedEditor(resume: { text: string; index: number; status: number }): boolean {
    const request = this.rt.editorRequest;
    if (!request) return false;
    this.rt.editorRequest = undefined;
    const frame = this.topFrame();
    this.state.pending = { kind: "editor", path: request.path, host: frame.host, user: frame.user, resume, then: request.then };
    return true;
  }

  /** Attaches the terminal to the container shell a command opened; the line waits for it. */
  private openRequestedContainer(resume: { text: string; index: number; status: number }): boolean {
    const request = this.rt.attachRequest;
    if (!request) return false;
    this.rt.attachRequest = undefined;
    if (!this.deps.containers) return false;
    this.state.container = { ...request, ...(request.via === "docker" && request.host === undefined ? { host: this.topFrame().host } : {}), resume };
    return true;
  }

  /**
   * The editor a command opened has closed: runs the command's continuation. Returns true when
   * that opened the editor again (kubectl edit reopening a file with errors).
   */
  afterEditor(then: string[], resume: { text: string; index: number; status: number }): boolean {
    this.state.status = this.dispatch(then, this.top, this.termIo(), []);
    return this.openRequestedEditor({ ...resume, status: this.state.status });
  }

  /** `exit` in the current top frame: back to the previous one, or end the session. */
  private exitFrame() {
    const frames = this.state.frames;
    const frame = frames[frames.length - 1]!;
    this.rt.write(frame.login ? "logout\n" : "exit\n");
    if (frames.length === 1) {
      this.state.ended = true;
      return;
    }
    frames.pop();
    if (frame.via === "ssh") this.rt.write(`Connection to ${frame.sshHost ?? frame.host} closed.\n`);
  }

  /** The file a top-level `vi FILE` pipeline opens ("" for no name), else undefined. */
  private editorRequest(p: Pipeline): string | undefined {
    if (p.commands.length !== 1 || p.negate) return undefined;
    const c = p.commands[0]!;
    if (c.type !== "simple" || c.redirs.length > 0) return undefined;
    const argv = this.dryWords(c.words, this.top);
    if (!argv || !EDITORS.has(argv[0] ?? "")) return undefined;
    const file = argv.slice(1).find((a) => !a.startsWith("-") && !a.startsWith("+"));
    const frame = this.topFrame();
    return file === undefined ? "" : normalizePath(joinPath(frame.cwd, file));
  }

  // --- prompts for passwords -------------------------------------------------------------------

  /** Words expanded without side effects (command substitutions give ""), or null. */
  private dryWords(words: Word[], ctx: Ctx): string[] | null {
    const ex = new Expander({
      getVar: (n) => this.getVar(ctx, n, true),
      setVar: () => {},
      positional: () => ctx.positional,
      home: (u) => (u === "" ? ctx.frame.env.HOME : this.hostOf(ctx.frame).users[u]?.home),
      commandSubst: () => "",
      procSubst: () => "/dev/fd/63",
      glob: () => [],
    });
    try {
      let w = words;
      const first = words[0];
      const alias = first && first.parts.length === 1 && first.parts[0]!.type === "lit" ? own(ctx.frame.aliases, first.raw) : undefined;
      if (alias !== undefined) w = [...(parseWords(alias) ?? []), ...words.slice(1)];
      return ex.words(w);
    } catch {
      return null;
    }
  }

  needsPrompt(p: Pipeline): PromptRequest | undefined {
    for (const c of p.commands) {
      const r = this.scanForPrompt(c, true);
      if (r) return r;
    }
    return undefined;
  }

  /** Finds a sudo (anywhere), su or ssh (directly in the pipeline) that will ask a password. */
  private scanForPrompt(c: CommandNode, direct: boolean): PromptRequest | undefined {
    const lists: List[] = [];
    const words: Word[] = [];
    switch (c.type) {
      case "simple": {
        const argv = this.dryWords(c.words, this.top);
        // bash opens redirections before running the command: `sudo echo x > /etc/f` fails
        // on the redirection without ever asking for a password.
        if (argv && argv.length > 0 && !this.redirectsWouldFail(c.redirs)) {
          const r = argv[0] === "sudo" ? this.sudoPrompt(argv) : direct && argv[0] === "su" ? this.suPrompt(argv) : direct && argv[0] === "ssh" ? this.sshPrompt(argv) : undefined;
          if (r) return r;
        }
        for (const w of c.words) words.push(w);
        for (const a of c.assigns) words.push({ parts: a.value, raw: "" });
        break;
      }
      case "funcdef":
        return undefined;
      case "subshell":
      case "group":
        lists.push(c.body);
        break;
      case "if":
        for (const cl of c.clauses) lists.push(cl.cond, cl.body);
        if (c.elseBody) lists.push(c.elseBody);
        break;
      case "while":
        lists.push(c.cond, c.body);
        break;
      case "for":
      case "arithfor":
        lists.push(c.body);
        break;
      case "case":
        for (const a of c.arms) lists.push(a.body);
        break;
      default:
        break;
    }
    const visitParts = (parts: WordPart[]) => {
      for (const p of parts) {
        if (p.type === "cmd") lists.push(p.list);
        else if (p.type === "dq") visitParts(p.parts);
      }
    };
    for (const w of words) visitParts(w.parts);
    for (const l of lists) for (const ao of l.items) for (const pl of [ao.head, ...ao.tail.map((t) => t.pipeline)]) for (const cmd of pl.commands) {
      const r = this.scanForPrompt(cmd, false);
      if (r) return r;
    }
    return undefined;
  }

  private redirectsWouldFail(redirs: Redirect[]): boolean {
    const frame = this.topFrame();
    const host = this.hostOf(frame);
    const actor = this.actor(frame);
    for (const r of redirs) {
      if (!r.target || r.op === "<<<" || ((r.op === ">&" || r.op === "<&") && /^(\d+|-)$/.test(r.target.raw))) continue;
      const words = this.dryWords([r.target], this.top);
      if (!words || words.length !== 1) return true;
      const word = words[0]!;
      if (word.startsWith("/dev/")) continue;
      const path = joinPath(frame.cwd, word);
      if (r.op === "<" || r.op === "<>") {
        if (!readFile(host.fs, path, actor).ok) return true;
        continue;
      }
      const l = lookup(host.fs, path, actor);
      if (!l.ok) return true;
      const node = l.value.node;
      if (node) {
        if (node.type === "dir" || !canAccess(node, actor, 2)) return true;
      } else {
        const parent = host.fs[l.value.path.slice(0, l.value.path.lastIndexOf("/")) || "/"];
        if (!parent || !canAccess(parent, actor, 2) || !canAccess(parent, actor, 1)) return true;
      }
    }
    return false;
  }

  private grantMatches(purpose: "sudo" | "su" | "ssh", host: string, user: string): boolean {
    const g = this.state.grant;
    return !!g && g.purpose === purpose && g.host === host && g.user === user;
  }

  private takeGrant(purpose: "sudo" | "su" | "ssh", host: string, user: string): boolean {
    if (!this.grantMatches(purpose, host, user)) return false;
    this.state.grant = undefined;
    return true;
  }

  private sudoCached(hostKey: string, user: string): boolean {
    const t = this.state.sudoTimes[`${hostKey}/${user}`];
    return t !== undefined && this.now() - t < 5 * 60_000;
  }

  private sudoPrompt(argv: string[]): PromptRequest | undefined {
    const o = parseSudoArgs(argv.slice(1));
    if (!o || o.flags.has("K") || o.flags.has("n") || o.flags.has("S") || o.flags.has("h") || o.flags.has("V")) return undefined;
    if (o.flags.has("k") && o.command.length === 0 && !o.flags.has("i") && !o.flags.has("s") && !o.flags.has("v") && !o.flags.has("l")) return undefined;
    const frame = this.topFrame();
    const host = this.hostOf(frame);
    const account = host.users[frame.user];
    if (frame.user === "root" || !account || account.sudo === "nopasswd") return undefined;
    if (this.grantMatches("sudo", frame.host, frame.user)) return undefined;
    if (account.sudo === "password" && !o.flags.has("k") && this.sudoCached(frame.host, frame.user)) return undefined;
    const prompt = o.prompt !== undefined ? o.prompt.replace(/%p|%u/g, frame.user).replace(/%h/g, host.name) : `[sudo] password for ${frame.user}: `;
    return { kind: "password", purpose: "sudo", prompt, host: frame.host, user: frame.user, attempts: 0 };
  }

  private suPrompt(argv: string[]): PromptRequest | undefined {
    const o = parseSuArgs(argv.slice(1));
    if (!o) return undefined;
    const frame = this.topFrame();
    if (frame.user === "root") return undefined;
    const host = this.hostOf(frame);
    if (!host.users[o.user]) return undefined;
    if (this.grantMatches("su", frame.host, o.user)) return undefined;
    return { kind: "password", purpose: "su", prompt: "Password: ", host: frame.host, user: o.user, attempts: 0 };
  }

  private sshPrompt(argv: string[]): PromptRequest | undefined {
    const o = parseSshArgs(argv.slice(1));
    if (!o || !o.dest) return undefined;
    const frame = this.topFrame();
    const { user: typedUser, host: typedHost } = splitDest(o.dest, o.login);
    const target = this.resolveHost(typedHost.toLowerCase(), frame);
    if (!target) return undefined;
    const user = typedUser ?? frame.user;
    if (this.hasKey(frame.host, frame.user, target, user)) return undefined;
    if (this.grantMatches("ssh", target, user)) return undefined;
    return { kind: "password", purpose: "ssh", prompt: `${user}@${typedHost.toLowerCase()}'s password: `, host: target, user, target: typedHost.toLowerCase(), fromHost: frame.host, fromUser: frame.user, attempts: 0 };
  }

  private hasKey(fromHost: string, fromUser: string, toHost: string, toUser: string): boolean {
    try {
      return this.deps.sshKeys(fromHost, fromUser, toHost, toUser);
    } catch {
      return false;
    }
  }

  /** A host key for a name as the source host resolves it: key, name, FQDN, IP or /etc/hosts. */
  resolveHost(name: string, from: Frame): string | undefined {
    const hosts = this.deps.hosts;
    const byName = (n: string) => Object.keys(hosts).find((k) => k === n || hosts[k]!.name === n || hosts[k]!.fqdn === n || hosts[k]!.ip === n);
    if (name === "localhost" || name === "127.0.0.1") return from.host;
    const direct = byName(name);
    if (direct) return direct;
    const etcHosts = this.hostOf(from).fs["/etc/hosts"];
    if (etcHosts && etcHosts.type === "file") {
      for (const line of etcHosts.content.split("\n")) {
        const fields = line.replace(/#.*/, "").trim().split(/\s+/);
        if (fields.length > 1 && fields.slice(1).includes(name)) {
          const k = byName(fields[0]!);
          if (k) return k;
        }
      }
    }
    return undefined;
  }

  // --- lists and pipelines ---------------------------------------------------------------------

  execList(list: List, ctx: Ctx, io: Io): number {
    let status = 0;
    for (const ao of list.items) {
      status = this.execPipeline(ao.head, ctx, io);
      for (const t of ao.tail) {
        if ((t.op === "&&" && status === 0) || (t.op === "||" && status !== 0)) status = this.execPipeline(t.pipeline, ctx, io);
      }
    }
    return status;
  }

  /** Runs `fn` as a subshell body: `exit` ends only the subshell. */
  private subshellRun(fn: () => number): number {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal || e instanceof AbortSignal) return e.status;
      if (e instanceof LoopSignal) return 0;
      throw e;
    }
  }

  execPipeline(p: Pipeline, ctx: Ctx, io: Io): number {
    let status: number;
    const n = p.commands.length;
    if (n === 0) status = 1;
    else if (n === 1) status = this.withPipeline(p, 0, ctx, () => this.execCommand(p.commands[0]!, ctx, io));
    else {
      let input = io.stdin;
      const statuses: number[] = [];
      for (let i = 0; i < n; i++) {
        const last = i === n - 1;
        const buf = last ? undefined : new BufSink();
        const sub = ctx.subshell();
        const cio: Io = { stdin: input, stdinTty: i === 0 ? io.stdinTty : false, out: buf ?? io.out, err: p.pipeStderr[i] && buf ? buf : io.err };
        statuses.push(this.withPipeline(p, i, ctx, () => this.subshellRun(() => this.execCommand(p.commands[i]!, sub, cio))));
        if (buf) input = new StdinBuf(buf.text());
      }
      status = statuses[n - 1]!;
      if (ctx.frame.pipefail) status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    this.state.status = status;
    return status;
  }

  /** The pipelines being run, innermost last: what a process lister sees running beside it. */
  private pipelines: { argv: string[][]; index: number }[] = [];

  private withPipeline(p: Pipeline, index: number, ctx: Ctx, run: () => number): number {
    this.pipelines.push({ argv: p.commands.map((c) => this.roughArgv(c, ctx)), index });
    try {
      return run();
    } finally {
      this.pipelines.pop();
    }
  }

  /** A command's argv without running any expansion (quotes removed, first-word aliases applied). */
  private roughArgv(cmd: CommandNode, ctx: Ctx): string[] {
    if (cmd.type !== "simple") return [];
    const plain = (parts: WordPart[]): string | undefined => {
      let out = "";
      for (const part of parts) {
        if (part.type === "lit" || part.type === "quoted") out += part.text;
        else if (part.type === "dq") {
          const inner = plain(part.parts);
          if (inner === undefined) return undefined;
          out += inner;
        } else return undefined;
      }
      return out;
    };
    const words = cmd.words.map((w) => plain(w.parts) ?? w.raw);
    const alias = words.length > 0 ? own(ctx.frame.aliases, words[0]!) : undefined;
    if (alias !== undefined) words.splice(0, 1, ...alias.split(/\s+/).filter((x) => x !== ""));
    return words;
  }

  /** The terminal session as `ps` sees it: the shells of the frame stack and this pipeline. */
  private sessionView(): SessionView {
    const shells: SessionShell[] = this.state.frames.map((f) => ({
      host: f.host,
      user: f.user,
      pid: f.pid,
      via: f.via,
      login: f.login,
      ...(f.started !== undefined ? { started: f.started } : {}),
      launch: f.launch ?? [],
      ...(f.launchPids ? { launchPids: f.launchPids } : {}),
      ...(f.sshdPids ? { sshdPids: f.sshdPids } : {}),
      args: f.argv0 ?? (f.login ? "-bash" : "bash"),
      ...(f.sshHost !== undefined ? { sshHost: f.sshHost } : {}),
    }));
    const top = this.pipelines[this.pipelines.length - 1];
    return { shells, pipeline: top?.argv ?? [], index: top?.index ?? 0 };
  }

  execCommand(cmd: CommandNode, ctx: Ctx, io: Io): number {
    this.step();
    if (cmd.type === "simple") return this.execSimple(cmd, ctx, io);
    if (cmd.type === "funcdef") {
      setOwn(ctx.frame.functions, cmd.name, cmd.source);
      return 0;
    }
    return this.withRedirects(cmd.redirs, ctx, io, (io2) => this.execCompound(cmd, ctx, io2));
  }

  private loop(ctx: Ctx, body: () => void): "break" | "next" {
    ctx.loops++;
    try {
      body();
      return "next";
    } catch (e) {
      if (e instanceof LoopSignal) {
        if (e.levels > 1) throw new LoopSignal(e.kind, e.levels - 1);
        return e.kind === "break" ? "break" : "next";
      }
      throw e;
    } finally {
      ctx.loops--;
    }
  }

  private execCompound(cmd: CompoundCommand, ctx: Ctx, io: Io): number {
    const ex = this.expander(ctx, io);
    try {
      switch (cmd.type) {
        case "subshell": {
          const sub = ctx.subshell();
          return this.subshellRun(() => this.execList(cmd.body, sub, io));
        }
        case "group":
          return this.execList(cmd.body, ctx, io);
        case "if": {
          for (const cl of cmd.clauses) {
            if (this.execList(cl.cond, ctx, io) === 0) return this.execList(cl.body, ctx, io);
          }
          return cmd.elseBody ? this.execList(cmd.elseBody, ctx, io) : 0;
        }
        case "while": {
          let status = 0;
          for (;;) {
            this.step();
            const c = this.execList(cmd.cond, ctx, io);
            if (cmd.until ? c === 0 : c !== 0) break;
            if (this.loop(ctx, () => (status = this.execList(cmd.body, ctx, io))) === "break") break;
          }
          return status;
        }
        case "for": {
          const items = cmd.words ? ex.words(cmd.words) : [...ctx.positional];
          let status = 0;
          for (const item of items) {
            this.step();
            this.setVar(ctx, cmd.name, item);
            if (this.loop(ctx, () => (status = this.execList(cmd.body, ctx, io))) === "break") break;
          }
          return status;
        }
        case "arithfor": {
          let status = 0;
          ex.arith(ex.string(cmd.init));
          for (;;) {
            this.step();
            const cond = ex.string(cmd.cond);
            if (cond.trim() !== "" && ex.arith(cond) === "0") break;
            if (this.loop(ctx, () => (status = this.execList(cmd.body, ctx, io))) === "break") break;
            ex.arith(ex.string(cmd.step));
          }
          return status;
        }
        case "case": {
          const subject = ex.string(cmd.word.parts);
          let status = 0;
          let fall = false;
          for (const arm of cmd.arms) {
            if (fall || arm.patterns.some((p) => globMatch(ex.pattern(p.parts), subject))) {
              status = this.execList(arm.body, ctx, io);
              if (arm.terminator === ";;") return status;
              fall = arm.terminator === ";&";
            }
          }
          return status;
        }
        case "arith":
          return ex.arith(ex.string(cmd.parts)) !== "0" ? 0 : 1;
        case "cond":
          return this.evalCond(cmd.expr, ctx, io, ex) ? 0 : 1;
      }
    } catch (e) {
      if (e instanceof ExpandError) {
        io.err.write(e.message.replace(/^bash:/, this.pfx(ctx) + ":") + "\n");
        throw new AbortSignal(e.status);
      }
      if (e instanceof TestError) {
        io.err.write(`bash: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }

  private evalCond(node: CondNode, ctx: Ctx, io: Io, ex: Expander): boolean {
    const p = this.makeProc("[[", [], ctx, io, ctx.frame.env);
    switch (node.type) {
      case "not":
        return !this.evalCond(node.expr, ctx, io, ex);
      case "and":
        return this.evalCond(node.left, ctx, io, ex) && this.evalCond(node.right, ctx, io, ex);
      case "or":
        return this.evalCond(node.left, ctx, io, ex) || this.evalCond(node.right, ctx, io, ex);
      case "word":
        return ex.string(node.word.parts) !== "";
      case "unary": {
        const v = ex.string(node.arg.parts);
        if (node.op === "-z") return v === "";
        if (node.op === "-n") return v !== "";
        if (node.op === "-v") return this.getVar(ctx, v, true) !== undefined;
        return fileTest(p, node.op, v);
      }
      case "binary": {
        const l = ex.string(node.left.parts);
        switch (node.op) {
          case "=":
          case "==":
            return globMatch(ex.pattern(node.right.parts), l);
          case "!=":
            return !globMatch(ex.pattern(node.right.parts), l);
          case "=~": {
            const src = regexWordSource(node.right, ex);
            let re: RegExp;
            try {
              re = compilePosix(src, "extended");
            } catch {
              throw new TestError("[[: invalid regular expression");
            }
            const m = re.exec(l);
            this.setVar(ctx, "BASH_REMATCH", m ? m[0] : "");
            return !!m;
          }
          case "<":
            return l < ex.string(node.right.parts);
          case ">":
            return l > ex.string(node.right.parts);
          case "-nt":
          case "-ot":
          case "-ef":
            return fileCompare(p, node.op, l, ex.string(node.right.parts));
          default: {
            const r = ex.string(node.right.parts);
            const num = (s: string) => (s.trim() === "" ? "0" : /^\s*[+-]?\d+\s*$/.test(s) ? s : ex.arith(s));
            return intCompare(node.op, num(l), num(r), "[[");
          }
        }
      }
    }
  }

  // --- simple commands -------------------------------------------------------------------------

  private execSimple(cmd: SimpleCommand, ctx: Ctx, io: Io): number {
    this.line = cmd.line;
    const ex = this.expander(ctx, io);
    let words: string[];
    const assigns: Array<[string, string]> = [];
    this.substStatus = undefined;
    try {
      let wordNodes = cmd.words;
      const first = wordNodes[0];
      if (first && first.parts.length === 1 && first.parts[0]!.type === "lit") {
        const alias = own(ctx.frame.aliases, first.raw);
        if (alias !== undefined) {
          const aw = parseWords(alias);
          if (aw) wordNodes = [...aw, ...wordNodes.slice(1)];
        }
      }
      words = ex.words(wordNodes);
      for (const a of cmd.assigns) {
        let value = a.array ? ex.words(a.array).join(" ") : ex.string(a.value);
        if (a.append) value = (this.getVar(ctx, a.name, true) ?? "") + value;
        assigns.push([a.name, value]);
      }
    } catch (e) {
      if (e instanceof ExpandError) {
        io.err.write(e.message.replace(/^bash:/, this.pfx(ctx) + ":") + "\n");
        throw new AbortSignal(e.status);
      }
      throw e;
    }
    if (words.length === 0) {
      for (const [n, v] of assigns) this.setVar(ctx, n, v);
      const st = this.substStatus ?? 0;
      return this.withRedirects(cmd.redirs, ctx, io, () => st);
    }
    return this.withRedirects(cmd.redirs, ctx, io, (io2) => this.dispatch(words, ctx, io2, assigns));
  }

  /** Opens the redirections in order, then runs `fn` with the resulting descriptors. */
  private withRedirects(redirs: Redirect[], ctx: Ctx, io: Io, fn: (io: Io) => number): number {
    if (redirs.length === 0) return fn(io);
    const io2: Io = { ...io };
    const ex = this.expander(ctx, io);
    const frame = ctx.frame;
    const host = this.hostOf(frame);
    const actor = this.actor(frame);
    const fail = (word: string, msg: string): number => {
      io.err.write(`${this.pfx(ctx)}: ${word}: ${msg}\n`);
      return 1;
    };
    try {
      for (const r of redirs) {
        const fd = r.fd ?? (r.op.startsWith("<") ? 0 : 1);
        if (r.op === "<<" || r.op === "<<-") {
          const h = r.heredoc!;
          io2.stdin = new StdinBuf(h.parts ? ex.string(h.parts) : h.body);
          io2.stdinTty = false;
          continue;
        }
        if (r.op === "<<<") {
          io2.stdin = new StdinBuf(ex.string(r.target!.parts) + "\n");
          io2.stdinTty = false;
          continue;
        }
        const fields = ex.word(r.target!, true);
        if (fields.length !== 1) return fail(r.target!.raw, "ambiguous redirect");
        const word = fields[0]!;
        if (r.op === ">&" || r.op === "<&") {
          if (word === "-") {
            if (fd === 1) io2.out = new NullSink();
            else if (fd === 2) io2.err = new NullSink();
            continue;
          }
          if (/^\d+$/.test(word)) {
            const src = word === "1" ? io2.out : word === "2" ? io2.err : undefined;
            if (word === "0") continue;
            if (!src) return fail(word, "Bad file descriptor");
            if (fd === 1) io2.out = src;
            else if (fd === 2) io2.err = src;
            continue;
          }
          if (r.op === "<&") return fail(word, "ambiguous redirect");
        }
        if (r.op === "<" || r.op === "<>") {
          if (word === "/dev/stdin") continue;
          const res = readFile(host.fs, joinPath(frame.cwd, word), actor);
          if (!res.ok) return fail(word, errnoMessage(res.code));
          if (fd === 0) {
            io2.stdin = new StdinBuf(res.value);
            io2.stdinTty = false;
          }
          continue;
        }
        // Output: >, >|, >>, &>, &>>, >&word
        const sink = this.openOutput(word, r.op === ">>" || r.op === "&>>", io2, host, frame, actor);
        if (typeof sink === "string") return fail(word, sink);
        if (r.op === "&>" || r.op === "&>>" || (r.op === ">&" && fd === 1)) {
          io2.out = sink;
          io2.err = sink;
        } else if (fd === 1) io2.out = sink;
        else if (fd === 2) io2.err = sink;
      }
    } catch (e) {
      if (e instanceof ExpandError) {
        io.err.write(e.message.replace(/^bash:/, this.pfx(ctx) + ":") + "\n");
        throw new AbortSignal(e.status);
      }
      throw e;
    }
    return fn(io2);
  }

  private openOutput(word: string, append: boolean, io: Io, host: HostState, frame: Frame, actor: Actor): Sink | string {
    switch (word) {
      case "/dev/null":
        return new NullSink();
      case "/dev/stdout":
        return io.out;
      case "/dev/stderr":
        return io.err;
      case "/dev/tty":
        return this.term;
    }
    const path = joinPath(frame.cwd, word);
    const w = writeFile(host.fs, path, "", actor, this.now(), { append: true });
    if (!w.ok) return errnoMessage(w.code);
    const l = lookup(host.fs, path, actor);
    if (!l.ok) return errnoMessage(l.code);
    if (!append) {
      const node = l.value.node;
      if (node && node.type === "file") node.content = "";
    }
    return new FileSink(host, l.value.path, () => this.now());
  }

  // --- expansion -------------------------------------------------------------------------------

  expander(ctx: Ctx, io: Io): Expander {
    return new Expander({
      getVar: (n) => this.getVar(ctx, n),
      setVar: (n, v) => this.setVar(ctx, n, v),
      positional: () => ctx.positional,
      home: (u) => (u === "" ? (this.getVar(ctx, "HOME") ?? "") : this.hostOf(ctx.frame).users[u]?.home),
      commandSubst: (list) => this.commandSubst(list, ctx, io),
      procSubst: (list) => this.procSubst(list, ctx, io),
      glob: (pattern) => this.glob(pattern, ctx),
    });
  }

  /** Files made for <(...) during the current pipeline, removed when it ends. */
  private procFiles: Array<{ host: HostState; path: string }> = [];

  private procSubst(list: List, ctx: Ctx, io: Io): string {
    const buf = new BufSink();
    const sub = ctx.subshell();
    this.subshellRun(() => this.execList(list, sub, { stdin: new StdinBuf(""), stdinTty: false, out: buf, err: io.err }));
    const host = this.hostOf(ctx.frame);
    if (host.fs["/dev/fd"]?.type !== "dir") host.fs["/dev/fd"] = { type: "dir", mode: 0o500, owner: "root", group: "root", mtime: this.now() };
    let n = 63;
    while (host.fs[`/dev/fd/${n}`] && n > 10) n--;
    const path = `/dev/fd/${n}`;
    host.fs[path] = { type: "file", content: buf.text(), mode: 0o444, owner: ctx.frame.user, group: ctx.frame.user, mtime: this.now() };
    this.procFiles.push({ host, path });
    return path;
  }

  private cleanProcFiles() {
    for (const { host, path } of this.procFiles) delete host.fs[path];
    this.procFiles = [];
  }

  private commandSubst(list: List, ctx: Ctx, io: Io): string {
    const buf = new BufSink();
    const sub = ctx.subshell();
    const status = this.subshellRun(() => this.execList(list, sub, { stdin: new StdinBuf(""), stdinTty: io.stdinTty, out: buf, err: io.err }));
    this.substStatus = status;
    this.state.status = status;
    return buf.text();
  }

  /** Pathname expansion against the current host's file system. */
  glob(pattern: string, ctx: Ctx): string[] {
    const frame = ctx.frame;
    const host = this.hostOf(frame);
    const actor = this.actor(frame);
    const abs = pattern.startsWith("/");
    const dirOnly = pattern.endsWith("/");
    const comps = pattern.split("/").filter((c) => c !== "");
    let results: Array<{ disp: string; real: string }> = [{ disp: abs ? "/" : "", real: abs ? "/" : frame.cwd }];
    const join = (a: string, b: string) => (a === "" ? b : a.endsWith("/") ? a + b : a + "/" + b);
    for (const comp of comps) {
      const next: Array<{ disp: string; real: string }> = [];
      if (!hasGlobChars(comp)) {
        const lit = unescapeGlob(comp);
        for (const r of results) next.push({ disp: join(r.disp, lit), real: join(r.real, lit) });
      } else {
        let re: RegExp;
        try {
          re = new RegExp(`^(?:${globToRegexSource(comp, { dotSlash: true })})$`, "s");
        } catch {
          return [];
        }
        const showHidden = comp.startsWith(".") || comp.startsWith("\\.");
        for (const r of results) {
          const l = listDir(host.fs, r.real, actor);
          if (!l.ok) continue;
          for (const name of l.value) {
            if (name.startsWith(".") && !showHidden) continue;
            if (re.test(name)) next.push({ disp: join(r.disp, name), real: join(r.real, name) });
          }
        }
      }
      results = next;
      if (results.length === 0) return [];
      if (results.length > 100_000) return [];
    }
    const out = results.filter((r) => {
      const s = lookup(host.fs, r.real, actor, false);
      if (!s.ok || !s.value.node) return false;
      if (dirOnly) {
        const t = stat(host.fs, r.real, actor);
        return t.ok && t.value.node.type === "dir";
      }
      return true;
    });
    const coll = collationFor(host.distro);
    return out.map((r) => (dirOnly ? r.disp + "/" : r.disp)).sort((a, b) => compareNames(a, b, coll));
  }

  getVar(ctx: Ctx, name: string, quiet = false): string | undefined {
    const frame = ctx.frame;
    const sub = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(name);
    if (sub) {
      const v = this.getVar(ctx, sub[1]!, quiet);
      if (v === undefined) return undefined;
      if (sub[2] === "@" || sub[2] === "*") return v;
      const idx = Number(sub[2]);
      const items = v.split(" ");
      return Number.isInteger(idx) && idx >= 0 ? (items[idx] ?? "") : "";
    }
    if (/^\d+$/.test(name)) return name === "0" ? ctx.argv0 : ctx.positional[Number(name) - 1];
    switch (name) {
      case "?":
        return String(this.state.status);
      case "$":
        return String(frame.pid);
      case "#":
        return String(ctx.positional.length);
      case "@":
      case "*":
        return ctx.positional.join(" ");
      case "!":
        return "";
      case "-":
        return ctx.sub && ctx.script ? "hB" : "himBHs";
      case "RANDOM": {
        if (quiet) return "0";
        const r = new Random(this.state.random);
        const v = r.int(32768);
        this.state.random = r.state();
        return String(v);
      }
      case "LINENO":
        return String(this.line);
    }
    if (own(frame.env, name) !== undefined) return frame.env[name];
    if (own(frame.vars, name) !== undefined) return frame.vars[name];
    const host = this.deps.hosts[frame.host];
    const account = host?.users[frame.user];
    switch (name) {
      case "UID":
      case "EUID":
        return String(account?.uid ?? 0);
      case "HOSTNAME":
        return host?.name;
      case "BASH":
        return "/bin/bash";
      case "BASH_VERSION":
        return bashVersion(host);
      case "OSTYPE":
        return "linux-gnu";
      case "HOSTTYPE":
        return "x86_64";
      case "PPID":
        return String(Math.max(1, frame.pid - 1));
      case "IFS":
        return " \t\n";
      case "PS1":
        return host?.distro === "centos" ? "[\\u@\\h \\W]\\$ " : "\\u@\\h:\\w\\$ ";
      case "PS2":
        return "> ";
    }
    return undefined;
  }

  setVar(ctx: Ctx, name: string, value: string) {
    const frame = ctx.frame;
    setOwn(own(frame.env, name) !== undefined ? frame.env : frame.vars, name, value);
  }

  // --- running commands ------------------------------------------------------------------------

  makeProc(name: string, args: string[], ctx: Ctx, io: Io, env: Record<string, string>): Proc {
    const frame = ctx.frame;
    const host = this.hostOf(frame);
    const account = host.users[frame.user];
    const stdin = io.stdin;
    return {
      name,
      args,
      // Reading stdin consumes it: the next `read` in a loop sees what is left.
      get stdin() {
        const text = stdin.rest();
        stdin.consumeAll();
        return text;
      },
      stdinIsTty: io.stdinTty,
      stdoutIsTty: io.out.tty,
      columns: this.deps.columns ?? 80,
      host,
      hostKey: frame.host,
      user: frame.user,
      actor: this.actor(frame),
      cwd: frame.cwd,
      home: frame.env.HOME ?? account?.home ?? "/",
      env,
      collation: collationFor(host.distro),
      out: (t) => io.out.write(t),
      err: (t) => io.err.write(t),
      now: () => this.now(),
      advance: (ms) => this.deps.advance(ms),
      spawn: (argv, input) => {
        const sub = ctx.subshell();
        return this.subshellRun(() => this.dispatch(argv, sub, { ...io, stdin: new StdinBuf(input), stdinTty: false }, []));
      },
      runScript: (text, input) => this.runScriptText(text, ctx.subshell(), { ...io, stdin: new StdinBuf(input), stdinTty: false }, "bash: -c"),
      commandExists: (n) => this.commandKind(n, ctx) !== undefined,
    };
  }

  /** What `name` is: "builtin", "function", "alias", a path, or undefined. */
  commandKind(name: string, ctx: Ctx): string | undefined {
    if (own(ctx.frame.aliases, name) !== undefined) return "alias";
    if (own(ctx.frame.functions, name) !== undefined) return "function";
    if (BUILTINS[name]) return "builtin";
    const found = this.pathLookup(name, ctx, true);
    if (found) return found;
    if (this.programExists(name, ctx)) return `/usr/bin/${name}`;
    return undefined;
  }

  private programExists(name: string, ctx: Ctx): boolean {
    const host = this.hostOf(ctx.frame);
    const ext = this.deps.commands.get(name);
    if (ext && (this.deps.isInstalled?.(host, name) ?? true)) return true;
    return PROGRAMS[name] !== undefined || UTILITIES[name] !== undefined || EDITORS.has(name);
  }

  /** Searches $PATH for an executable file; stubs only when `stubs` is set. */
  private pathLookup(name: string, ctx: Ctx, stubs: boolean): string | undefined {
    const frame = ctx.frame;
    const host = this.hostOf(frame);
    const actor = this.actor(frame);
    const path = this.getVar(ctx, "PATH", true) ?? "";
    for (const dir of path.split(":")) {
      if (!dir) continue;
      const full = normalizePath(dir + "/" + name);
      const s = stat(host.fs, full, actor);
      if (!s.ok || s.value.node.type !== "file" || !canAccess(s.value.node, actor, 1)) continue;
      if (!stubs && s.value.node.content === "") continue;
      return full;
    }
    return undefined;
  }

  /**
   * Runs argv[0]: a path, a function, a builtin, an external command, a utility or a script
   * on $PATH. `viaSudo` runs programs only (no shell builtins) with sudo's error wording.
   */
  dispatch(argv: string[], ctx: Ctx, io: Io, assigns: Array<[string, string]>, viaSudo = false, programsOnly = viaSudo): number {
    const name = argv[0]!;
    const args = argv.slice(1);
    const env: Record<string, string> = { ...ctx.frame.env };
    for (const [k, v] of assigns) env[k] = v;
    if (name.includes("/")) return this.runPath(argv, ctx, io, assigns, viaSudo);
    if (!programsOnly && own(ctx.frame.functions, name) !== undefined) return this.withTempVars(ctx, assigns, () => this.callFunction(name, args, ctx, io));
    const builtin = BUILTINS[name];
    if (builtin && !(programsOnly && SHELL_ONLY.has(name))) return this.withTempVars(ctx, assigns, () => builtin.call(this, argv, ctx, io));
    if (programsOnly && SHELL_ONLY.has(name)) {
      io.err.write(`sudo: ${name}: command not found\n`);
      return 1;
    }
    const host = this.hostOf(ctx.frame);
    const ext = this.deps.commands.get(name);
    if (ext && (this.deps.isInstalled?.(host, name) ?? true)) return this.runExternal(ext, name, args, ctx, io, env);
    const program = PROGRAMS[name];
    if (program) return program.call(this, argv, ctx, io, env);
    const util = UTILITIES[name];
    if (util) return this.runUtility(util, name, args, ctx, io, env);
    if (EDITORS.has(name)) {
      io.err.write(`${name}: an editor cannot open here (run it on its own line)\n`);
      return 1;
    }
    const script = this.pathLookup(name, ctx, false);
    if (script) return this.runPath([script, ...args], ctx, io, assigns, viaSudo);
    if (viaSudo) {
      io.err.write(`sudo: ${name}: command not found\n`);
      return 1;
    }
    io.err.write(`${this.pfx(ctx)}: ${name}: command not found\n`);
    return 127;
  }

  private withTempVars(ctx: Ctx, assigns: Array<[string, string]>, fn: () => number): number {
    if (assigns.length === 0) return fn();
    const frame = ctx.frame;
    const saved = assigns.map(([k]) => [k, frame.env[k], frame.vars[k]] as const);
    for (const [k, v] of assigns) this.setVar(ctx, k, v);
    try {
      return fn();
    } finally {
      for (const [k, e, v] of saved) {
        if (e === undefined) delete frame.env[k];
        else frame.env[k] = e;
        if (v === undefined) delete frame.vars[k];
        else frame.vars[k] = v;
      }
    }
  }

  runUtility(util: Utility, name: string, args: string[], ctx: Ctx, io: Io, env: Record<string, string>): number {
    const p = this.makeProc(name, args, ctx, io, env);
    try {
      return util(p);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof BudgetSignal || e instanceof ReturnSignal || e instanceof LoopSignal || e instanceof AbortSignal || e instanceof DepthSignal) throw e;
      io.err.write(`${name}: internal error\n`);
      return 1;
    }
  }

  private runExternal(cmd: Command, name: string, args: string[], ctx: Ctx, io: Io, env: Record<string, string>): number {
    const frame = ctx.frame;
    let res: CommandResult;
    const stdin = io.stdin;
    try {
      res = cmd({
        name,
        args,
        get stdin() {
          const text = stdin.rest();
          stdin.consumeAll();
          return text;
        },
        env,
        cwd: frame.cwd,
        user: frame.user,
        host: this.hostOf(frame),
        world: this.deps.world,
        stdoutIsTty: io.out.tty,
        stdinIsTerminal: io.stdinTty,
        stdinIsTty: io.stdinTty && (this.deps.terminalIsTty?.() ?? true),
        columns: this.deps.columns ?? 80,
        session: this.sessionView(),
      });
    } catch (e) {
      io.err.write(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    if (res.editor) this.rt.editorRequest = res.editor;
    // Only a command the learner runs directly at the prompt can hand the terminal over.
    if (res.attach && !ctx.sub && io.stdinTty && io.out.tty) this.rt.attachRequest = res.attach;
    if (res.ordered) for (const [fd, text] of res.ordered) (fd === 1 ? io.out : io.err).write(text);
    else {
      io.out.write(res.stdout ?? "");
      io.err.write(res.stderr ?? "");
    }
    return Number.isInteger(res.exitCode) ? res.exitCode & 255 : 1;
  }

  /** Runs `./script` or `/usr/bin/ls`: checks like execve, then a stub program or a script. */
  private runPath(argv: string[], ctx: Ctx, io: Io, assigns: Array<[string, string]>, viaSudo: boolean): number {
    const path = argv[0]!;
    const frame = ctx.frame;
    const host = this.hostOf(frame);
    const actor = this.actor(frame);
    const who = viaSudo ? "sudo" : this.pfx(ctx);
    const s = stat(host.fs, joinPath(frame.cwd, path), actor);
    if (!s.ok) {
      io.err.write(`${who}: ${path}: ${errnoMessage(s.code)}\n`);
      return viaSudo ? 1 : s.code === "ENOENT" ? 127 : 126;
    }
    const node = s.value.node;
    if (node.type === "dir") {
      io.err.write(viaSudo ? `sudo: ${path}: command not found\n` : `${who}: ${path}: Is a directory\n`);
      return viaSudo ? 1 : 126;
    }
    if (node.type !== "file" || !canAccess(node, actor, 1)) {
      io.err.write(`${who}: ${path}: Permission denied\n`);
      return viaSudo ? 1 : 126;
    }
    const base = s.value.path.slice(s.value.path.lastIndexOf("/") + 1);
    if (node.content === "") {
      // A program stub (/usr/bin/ls): run the program of that name, or nothing for empty files.
      const dir = s.value.path.slice(0, s.value.path.lastIndexOf("/"));
      if (["/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin"].includes(dir) && this.programExists(base, ctx)) {
        return this.dispatch([base, ...argv.slice(1)], ctx, io, assigns, viaSudo, true);
      }
      return 0;
    }
    if (!canAccess(node, actor, 4)) {
      io.err.write(`/bin/bash: ${path}: Permission denied\n`);
      return 126;
    }
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(node.content);
    if (shebang) {
      const interp = shebang[1]!;
      const prog = interp.endsWith("/env") ? (shebang[2] ?? "") : interp.slice(interp.lastIndexOf("/") + 1);
      if (!["bash", "sh", "dash", "zsh"].includes(prog)) {
        const ok = stat(host.fs, interp, actor).ok;
        if (!ok) {
          io.err.write(`${this.pfx(ctx)}: ${path}: ${interp}: bad interpreter: No such file or directory\n`);
          return 126;
        }
        if (this.programExists(prog, ctx)) return this.dispatch([prog, path, ...argv.slice(1)], ctx, io, []);
      }
    }
    const sub = ctx.subshell({ positional: argv.slice(1), argv0: path, script: path });
    for (const [k, v] of assigns) sub.frame.env[k] = v;
    return this.runScriptText(node.content, sub, io, path);
  }

  /** Runs a script's text in `ctx` (already a subshell). */
  runScriptText(text: string, ctx: Ctx, io: Io, name: string): number {
    const r = parse(text, { atEof: true });
    if (!r.ok) {
      const msg = r.message.split("\n").map((l) => l.replace(/^bash: /, `${name}: line 1: `)).join("\n");
      io.err.write(msg + "\n");
      return 2;
    }
    const scriptCtx = ctx.script ? ctx : new Ctx(this, ctx.frame, true, ctx.positional, ctx.argv0, ctx.depth, name === "bash: -c" ? "bash" : name);
    return this.subshellRun(() => this.execList(r.program, scriptCtx, io));
  }

  private callFunction(name: string, args: string[], ctx: Ctx, io: Io): number {
    const source = ctx.frame.functions[name]!;
    const r = parse(source, { atEof: true });
    if (!r.ok) return 1;
    const def = r.program.items[0]?.head.commands[0];
    if (!def || def.type !== "funcdef") return 1;
    if (ctx.funcs >= LIMITS.depth) {
      io.err.write(`${this.pfx(ctx)}: ${name}: maximum function nesting level exceeded (${LIMITS.depth})\n`);
      return 1;
    }
    const savedPos = ctx.positional;
    ctx.positional = args;
    ctx.funcs++;
    ctx.locals.push(new Map());
    try {
      return this.execCommand(def.body, ctx, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      ctx.funcs--;
      const scope = ctx.locals.pop()!;
      for (const [k, saved] of scope) {
        const frame = ctx.frame;
        if (saved.env === undefined) delete frame.env[k];
        else frame.env[k] = saved.env;
        if (saved.vars === undefined) delete frame.vars[k];
        else frame.vars[k] = saved.vars;
      }
      ctx.positional = savedPos;
    }
  }

  // --- frames: ssh, su, sudo, bash ----------------------------------------------------------

  pushFrame(frame: Frame) {
    frame.started ??= this.deps.now();
    this.state.frames.push(frame);
  }

  loginBanner(host: HostState, user: string, fromIp: string): string {
    let out = "";
    if (host.distro === "ubuntu") {
      out += "Welcome to Ubuntu 22.04.4 LTS (GNU/Linux 5.15.0-105-generic x86_64)\n\n";
      out += " * Documentation:  https://help.ubuntu.com\n * Management:     https://landscape.canonical.com\n * Support:        https://ubuntu.com/pro\n";
    }
    const last = host.lastLogins?.[user];
    if (last) out += `${host.distro === "ubuntu" ? "\n" : ""}Last login: ${ctime(last.at)} from ${last.from}\n`;
    host.lastLogins = { ...(host.lastLogins ?? {}), [user]: { at: this.now(), from: fromIp } };
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Argument parsing for sudo, su and ssh (shared by the prompt scan and the commands)

export interface SudoArgs {
  flags: Set<string>;
  user?: string;
  prompt?: string;
  command: string[];
}

export function parseSudoArgs(args: string[]): SudoArgs | null {
  const flags = new Set<string>();
  let user: string | undefined;
  let prompt: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (a.startsWith("--")) {
      const map: Record<string, string> = { "--login": "i", "--shell": "s", "--non-interactive": "n", "--stdin": "S", "--reset-timestamp": "k", "--remove-timestamp": "K", "--list": "l", "--validate": "v", "--help": "h", "--version": "V", "--preserve-env": "E" };
      if (a.startsWith("--user=")) user = a.slice(7);
      else if (a === "--user") user = args[++i];
      else if (map[a]) flags.add(map[a]!);
      else return null;
      continue;
    }
    if (!a.startsWith("-") || a === "-") break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if ("ugpCDhrtTU".includes(c) && "ugpCDrtTU".includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return null;
        if (c === "u") user = v;
        if (c === "p") prompt = v;
        break;
      }
      flags.add(c);
    }
  }
  return { flags, user, prompt, command: args.slice(i) };
}

export function parseSuArgs(args: string[]): { login: boolean; user: string; command?: string; shell?: string; rest: string[] } | null {
  let login = false;
  let command: string | undefined;
  let shell: string | undefined;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-" || a === "-l" || a === "--login") login = true;
    else if (a === "-c" || a === "--command") command = args[++i];
    else if (a.startsWith("--command=")) command = a.slice(10);
    else if (a === "-s" || a === "--shell") shell = args[++i];
    else if (a === "-m" || a === "-p" || a === "--preserve-environment" || a === "-P" || a === "--pty") continue;
    else if (a === "--") {
      for (const x of args.slice(i + 1)) operands.push(x);
      break;
    } else if (a.startsWith("-") && a.length > 1) {
      if (/^-[lmp]+$/.test(a)) {
        if (a.includes("l")) login = true;
        continue;
      }
      if (a.startsWith("-c")) command = a.slice(2);
      else return null;
    } else operands.push(a);
  }
  return { login, user: operands[0] ?? "root", command, shell, rest: operands.slice(1) };
}

export function parseSshArgs(args: string[]): { dest?: string; login?: string; command: string[]; flags: Set<string> } | null {
  const withArg = "BbcDEeFIiJLlmOoPpQRSWw";
  const flags = new Set<string>();
  let login: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (withArg.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return null;
        if (c === "l") login = v;
        break;
      }
      flags.add(c);
    }
  }
  return { dest: args[i], login, command: args.slice(i + 1), flags };
}

export function splitDest(dest: string, login?: string): { user?: string; host: string } {
  const at = dest.lastIndexOf("@");
  let host = at >= 0 ? dest.slice(at + 1) : dest;
  const user = at >= 0 ? dest.slice(0, at) : login;
  if (host.startsWith("ssh://")) host = host.slice(6);
  return { user, host: host.replace(/:\d+$/, "") };
}

function regexWordSource(w: Word, ex: Expander): string {
  // Quoted parts of the right side of =~ match literally.
  return w.parts.map((p) => (p.type === "lit" ? ex.string([p]) : ex.string([p]).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
}

export function bashVersion(host: HostState | undefined): string {
  if (host?.distro === "centos") {
    const rel = host.fs["/usr/lib/os-release"];
    return rel && rel.type === "file" && rel.content.includes('VERSION_ID="9"') ? "5.1.8(1)-release" : "4.4.20(1)-release";
  }
  return "5.1.16(1)-release";
}

export function osVersion(host: HostState): string {
  const rel = host.fs["/usr/lib/os-release"];
  const m = rel && rel.type === "file" ? /^VERSION_ID="?([^"\n]*)"?/m.exec(rel.content) : null;
  return m ? m[1]! : host.distro === "ubuntu" ? "22.04" : "8";
}

