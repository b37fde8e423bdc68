// The terminal session: what the web terminal and the CLI talk to. It takes what the learner
// submits (a line, a paste of many lines, or the answer to a password prompt), runs it, and
// returns what bash would have printed and the next prompt. Its state is plain JSON.
//
// Conventions:
// - The caller echoes what the learner typed (and the newline after it); `output` is only what
//   the commands print. Passwords are never echoed, never stored in history.
// - An incomplete command (open quote, trailing |, here-document not yet terminated) returns
//   `waitingFor: "more"` with bash's `> ` prompt; the next exec continues it.
// - `waitingFor: "password"` means the next exec is the password typed at `prompt`.
// - `waitingFor: "editor"` means vi/vim/nano was started on `editor.path`: call saveEditor()
//   or closeEditor() (a plain exec also closes it without saving).
// - First ssh connections do not show the host-key question: lab machines ship with their keys
//   in known_hosts, as lab images usually do.
import type { Millis } from "../clock";
import { actorFor, readFile, stat, writeFile } from "./vfs";
import { Random } from "../random";
import { Interp, LIMITS, type ShellDeps } from "./interp";
import { MAX_HEREDOC_BYTES, parse } from "./parse";
import { type ContainerSession, type Frame, type Pending, type ShellState, newFrame, promptFor } from "./state";
import { expandPrompt } from "../images/container-shell";

export interface ExecResult {
  /** Everything printed (stdout and stderr, in order). */
  output: string;
  /** $? after the input ran. */
  exitCode: number;
  /** What the terminal shows next: PS1, PS2 ("> ") or a password prompt. */
  prompt: string;
  waitingFor?: "password" | "editor" | "more";
  /** The file an editor opened (waitingFor "editor"). */
  editor?: { path: string; content: string; readOnly: boolean; isNew: boolean };
  /** `clear` ran: the terminal should be cleared before showing `output`. */
  cleared?: boolean;
  /** The last shell exited (`exit` at the bottom): the terminal session is over. */
  ended?: boolean;
}

/** A fresh session state: a login shell of `user` on `host`. */
export function createShellState(deps: ShellDeps, host?: string, user?: string): ShellState {
  const hostKey = host ?? deps.start?.host ?? Object.keys(deps.hosts)[0];
  if (hostKey === undefined || !deps.hosts[hostKey]) throw new Error("createShellState: no such host");
  const h = deps.hosts[hostKey]!;
  const who = user ?? deps.start?.user ?? "root";
  const frame = newFrame(h, hostKey, who, { login: true, via: "session" });
  frame.started = deps.now();
  let seed = 0;
  for (const c of hostKey + "/" + who) seed = (seed * 31 + c.charCodeAt(0)) >>> 0;
  return { frames: [frame], history: [], status: 0, sudoTimes: {}, random: new Random(seed).state() };
}

const HISTSIZE = 1000;

export class Shell<World = unknown> {
  private readonly state: ShellState;
  private readonly interp: Interp;
  /** The buffer is incomplete because of this open quote (not persisted: a restored shell re-parses once). */
  private quoteHint: { buffer: string; quote: string } | undefined;

  constructor(
    state: ShellState | undefined,
    private readonly deps: ShellDeps<World>,
  ) {
    this.state = state ? (JSON.parse(JSON.stringify(state)) as ShellState) : createShellState(deps as ShellDeps);
    this.interp = new Interp(this.state, deps as ShellDeps);
  }

  toState(): ShellState {
    return JSON.parse(JSON.stringify(this.state)) as ShellState;
  }

  /** The user, host and directory of the current shell. */
  current(): Frame {
    return this.state.frames[this.state.frames.length - 1]!;
  }

  get ended(): boolean {
    return !!this.state.ended;
  }

  prompt(): string {
    const p = this.state.pending;
    if (p?.kind === "password") return p.prompt;
    if (this.state.container) return containerPrompt(this.state.container);
    if (this.state.buffer !== undefined) return "> ";
    const frame = this.current();
    return promptFor(frame, this.deps.hosts[frame.host]);
  }

  /** Runs what was typed (or answers the pending password prompt). Never throws. */
  exec(text: string): ExecResult {
    if (this.state.ended) return { output: "", exitCode: this.state.status, prompt: "", ended: true };
    this.interp.reset();
    try {
      const pending = this.state.pending;
      if (pending?.kind === "password") {
        // A paste answers the prompt with its first line; the rest is typed into the shell.
        const nl = text.indexOf("\n");
        this.password(pending, nl === -1 ? text : text.slice(0, nl));
        if (nl !== -1 && !this.state.pending && !this.state.ended) {
          const refused = this.input(text.slice(nl + 1));
          if (refused) return { ...refused, output: this.interp.rt.text() + refused.output };
        }
      } else if (this.state.container) {
        this.containerInput(text);
      } else {
        if (pending?.kind === "editor") this.state.pending = undefined;
        const refused = this.input(text);
        if (refused) return refused;
      }
    } catch (e) {
      this.recover(e);
    }
    return this.result();
  }

  /** Ctrl-C: abandons a pending prompt, editor or incomplete command. */
  interrupt(): ExecResult {
    this.interp.reset();
    const session = this.state.container;
    if (session) {
      // With a terminal, ^C goes to the container's shell; without one it stops kubectl/docker.
      this.interp.rt.write("^C\n");
      if (session.tty) session.status = 130;
      else {
        try {
          this.leaveContainer(130);
        } catch (e) {
          this.recover(e);
        }
      }
      return this.result();
    }
    this.state.pending = undefined;
    this.state.buffer = undefined;
    this.state.bufferAwaits = undefined;
    this.state.grant = undefined;
    this.interp.rt.write("^C\n");
    this.state.status = 130;
    return this.result();
  }

  /**
   * The input ended (Ctrl-D, or the end of a script fed to the CLI) while a command was
   * incomplete: bash runs what it can (a here-document ends at end of file, with a warning)
   * or reports the syntax error.
   */
  endOfInput(): ExecResult {
    this.interp.reset();
    const session = this.state.container;
    if (session) {
      // Ctrl-D at the container's prompt: its shell exits with $? (bash says "exit",
      // BusyBox ends the line, dash says nothing).
      if (session.tty) this.interp.rt.write(session.shell === "bash" ? "exit\n" : session.shell === "ash" ? "\n" : "");
      try {
        this.interp.rt.write(this.deps.containers?.ended(session, session.status) ?? "");
        this.leaveContainer(session.status);
      } catch (e) {
        this.recover(e);
      }
      return this.result();
    }
    const buffer = this.state.buffer;
    if (buffer === undefined) return this.result();
    this.state.buffer = undefined;
    this.state.bufferAwaits = undefined;
    try {
      const r = parse(buffer, { atEof: true });
      if (!r.ok) {
        this.interp.rt.write(r.message + "\n");
        this.state.status = 2;
      } else {
        for (const w of r.warnings) this.interp.rt.write(w + "\n");
        this.interp.runTop(r.program, buffer, 0, this.state.status);
      }
    } catch (e) {
      this.recover(e);
    }
    return this.result();
  }

  /** Saves the editor's buffer to its file and carries on with the rest of the line. */
  saveEditor(content: string): ExecResult {
    this.interp.reset();
    const p = this.state.pending;
    if (p?.kind !== "editor") return this.result();
    try {
      const host = this.deps.hosts[p.host];
      if (!host) return this.result();
      if (p.path === "") return { ...this.result(), output: "E32: No file name", waitingFor: "editor" };
      const actor = { ...actorFor(host, p.user), umask: this.current().umask };
      const w = writeFile(host.fs, p.path, content, actor, this.deps.now());
      if (!w.ok) return { ...this.result(), output: `"${p.path}" E212: Can't open file for writing`, waitingFor: "editor" };
      this.state.pending = undefined;
      this.continueAfterEditor(p);
    } catch (e) {
      this.recover(e);
    }
    return this.result();
  }

  /** Leaves the editor without saving (:q!) and carries on with the rest of the line. */
  closeEditor(): ExecResult {
    this.interp.reset();
    const p = this.state.pending;
    if (p?.kind !== "editor") return this.result();
    this.state.pending = undefined;
    try {
      this.continueAfterEditor(p);
    } catch (e) {
      this.recover(e);
    }
    return this.result();
  }

  // ---------------------------------------------------------------------------------------------

  private result(): ExecResult {
    const rt = this.interp.rt;
    // While attached to a container, $? is its shell's.
    const res: ExecResult = { output: rt.text(), exitCode: this.state.container ? this.state.container.status : this.state.status, prompt: this.state.ended ? "" : this.prompt() };
    if (rt.cleared) res.cleared = true;
    if (this.state.ended) res.ended = true;
    const p = this.state.pending;
    if (p?.kind === "password") res.waitingFor = "password";
    else if (p?.kind === "editor") {
      res.waitingFor = "editor";
      res.editor = this.editorInfo(p);
    } else if (this.state.buffer !== undefined) res.waitingFor = "more";
    return res;
  }

  private editorInfo(p: Extract<Pending, { kind: "editor" }>): NonNullable<ExecResult["editor"]> {
    const host = this.deps.hosts[p.host];
    if (!host || p.path === "") return { path: p.path, content: "", readOnly: false, isNew: true };
    const actor = actorFor(host, p.user);
    const r = readFile(host.fs, p.path, actor);
    const exists = stat(host.fs, p.path, actor).ok;
    const dir = p.path.slice(0, p.path.lastIndexOf("/")) || "/";
    const d = stat(host.fs, dir, actor);
    const writable = exists ? writeProbe(host.fs, p.path, actor) : d.ok;
    return { path: p.path, content: r.ok ? r.value : "", readOnly: !writable, isNew: !exists };
  }

  private recover(e: unknown) {
    this.state.pending = undefined;
    this.state.buffer = undefined;
    this.state.bufferAwaits = undefined;
    const msg = e instanceof RangeError ? "maximum nesting level exceeded" : "internal error";
    this.interp.rt.write(`bash: ${msg}\n`);
    this.state.status = 1;
  }

  /** Handles a typed line; returns a result when the input is refused outright. */
  private input(typed: string): ExecResult | undefined {
    for (const line of typed.split("\n")) {
      if (line.length > LIMITS.line) return this.refuse(`bash: input line too long (over ${LIMITS.line / 1024} KB): nothing was run`);
    }
    const h = expandTyped(typed, this.state.history, this.state.buffer, this.state.bufferAwaits);
    for (const error of h.errors) this.interp.rt.write(error + "\n");
    if (h.text === undefined) return undefined;
    // bash shows the line it will run after a history expansion (`sudo !!`).
    if (h.changed) this.interp.rt.write(h.text + "\n");
    const text = h.text;
    const combined = this.state.buffer !== undefined ? this.state.buffer + "\n" + text : text;
    const awaits = this.state.bufferAwaits;
    // Only the quote character can close an open quote: a line without one leaves the command
    // incomplete, so a long quoted paste is not re-parsed line after line.
    const hint = this.quoteHint;
    if (hint && this.state.buffer !== undefined && hint.buffer === this.state.buffer && !text.includes(hint.quote) && combined.length <= LIMITS.input) {
      this.state.buffer = combined;
      this.quoteHint = { buffer: combined, quote: hint.quote };
      return undefined;
    }
    // Inside a here-document, a line other than the delimiter cannot complete the command:
    // skip re-parsing the whole buffer for every line of a long paste.
    if (awaits && !text.includes("\n") && (awaits.stripTabs ? text.replace(/^\t+/, "") : text) !== awaits.delimiter && combined.length <= MAX_HEREDOC_BYTES) {
      this.state.buffer = combined;
      return undefined;
    }
    if (combined.length > LIMITS.input) {
      this.state.buffer = undefined;
      this.state.bufferAwaits = undefined;
      return this.refuse("bash: input too long (over 1 MB): nothing was run");
    }
    const r = parse(combined);
    if (!r.ok && r.incomplete) {
      this.state.buffer = combined;
      this.state.bufferAwaits = r.awaiting;
      const quote = r.awaiting ? undefined : /^bash: unexpected EOF while looking for matching `(['"])'/.exec(r.message)?.[1];
      this.quoteHint = quote ? { buffer: combined, quote } : undefined;
      return undefined;
    }
    this.state.buffer = undefined;
    this.state.bufferAwaits = undefined;
    if (!r.ok && r.limit) return this.refuse(r.message);
    this.remember(combined);
    if (!r.ok) {
      this.interp.rt.write(r.message + "\n");
      this.state.status = 2;
      return undefined;
    }
    for (const w of r.warnings) this.interp.rt.write(w + "\n");
    this.interp.runTop(r.program, combined, 0, this.state.status);
    return undefined;
  }

  /** Lines typed while the terminal is attached to a container's shell go to it, one by one. */
  private containerInput(typed: string) {
    const lines = typed.split("\n");
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    for (let i = 0; i < lines.length; i++) {
      const session = this.state.container;
      // The container's shell exited: the rest of a paste is typed into this one.
      if (!session) {
        const refused = this.input(lines.slice(i).join("\n"));
        if (refused) this.interp.rt.write(refused.output);
        return;
      }
      const line = lines[i]!;
      if (line.length > LIMITS.line) {
        this.interp.rt.write(`input line too long (over ${LIMITS.line / 1024} KB): nothing was run\n`);
        continue;
      }
      this.remember(line);
      const runtime = this.deps.containers;
      const r = runtime ? runtime.line(session, line, this.deps.columns ?? 80) : { output: "", exit: session.status };
      this.interp.rt.write(r.output);
      if (r.exit !== undefined) this.leaveContainer(r.exit);
    }
  }

  /** The container's exec ended with `status`: back to this shell, and on with the rest of the line. */
  private leaveContainer(status: number) {
    const session = this.state.container;
    if (!session) return;
    this.state.container = undefined;
    this.state.status = status;
    if (session.resume) this.resume(session.resume.text, session.resume.index, status);
  }

  private refuse(message: string): ExecResult {
    return { output: message + "\n", exitCode: 1, prompt: this.prompt(), ...(this.state.buffer !== undefined ? { waitingFor: "more" as const } : {}) };
  }

  /** Adds a command to history as bash's HISTCONTROL says (ignoreboth on Ubuntu). */
  private remember(text: string) {
    const entry = text.replace(/\n+$/, "");
    if (entry.trim() === "") return;
    const frame = this.current();
    const control = frame.vars.HISTCONTROL ?? frame.env.HISTCONTROL ?? "";
    const h = this.state.history;
    if ((control.includes("ignorespace") || control.includes("ignoreboth")) && /^\s/.test(entry)) return;
    if ((control.includes("ignoredups") || control.includes("ignoreboth")) && h[h.length - 1] === entry) return;
    h.push(entry);
    if (h.length > HISTSIZE) h.splice(0, h.length - HISTSIZE);
  }

  /** After an editor: the command that opened it (if any) goes on, then the rest of the line. */
  private continueAfterEditor(p: Extract<Pending, { kind: "editor" }>) {
    if (!p.then) return this.resume(p.resume.text, p.resume.index, 0);
    if (this.interp.afterEditor(p.then, p.resume)) return;
    this.resume(p.resume.text, p.resume.index, this.state.status);
  }

  private resume(text: string, index: number, status: number) {
    const r = parse(text, { atEof: true });
    if (!r.ok) return;
    this.interp.runTop(r.program, text, index, status);
  }

  private password(p: Extract<Pending, { kind: "password" }>, typed: string) {
    const host = this.deps.hosts[p.host];
    const account = host?.users[p.user];
    let ok = !!account && account.password !== undefined && account.password === typed;
    // sshd on Ubuntu refuses root passwords (PermitRootLogin prohibit-password).
    if (p.purpose === "ssh" && host?.distro === "ubuntu" && p.user === "root") ok = false;
    const rt = this.interp.rt;
    if (ok) {
      this.state.pending = undefined;
      this.state.grant = { purpose: p.purpose, host: p.host, user: p.user, fromHost: p.fromHost, fromUser: p.fromUser };
      if (p.purpose === "sudo" && account?.sudo === "password") this.state.sudoTimes[`${p.host}/${p.user}`] = this.deps.now();
      this.resume(p.resume.text, p.resume.index, p.resume.status);
      this.state.grant = undefined;
      return;
    }
    const attempts = p.attempts + 1;
    if (p.purpose === "su") {
      this.deps.advance(2000 as Millis);
      rt.write("su: Authentication failure\n");
      return this.fail(p, 1);
    }
    if (attempts < 3) {
      rt.write(p.purpose === "sudo" ? "Sorry, try again.\n" : "Permission denied, please try again.\n");
      this.state.pending = { ...p, attempts };
      return;
    }
    if (p.purpose === "sudo") {
      rt.write("sudo: 3 incorrect password attempts\n");
      return this.fail(p, 1);
    }
    const methods = host?.distro === "centos" ? "publickey,gssapi-keyex,gssapi-with-mic,password" : "publickey,password";
    rt.write(`${p.user}@${p.target ?? p.host}: Permission denied (${methods}).\n`);
    this.fail(p, 255);
  }

  /** The prompted command failed: carry on after it with that status. */
  private fail(p: Extract<Pending, { kind: "password" }>, status: number) {
    this.state.pending = undefined;
    this.state.status = status;
    this.resume(p.resume.text, p.resume.index + 1, status);
  }
}

/**
 * History expansion of typed input, read the way bash reads it, line by line: command lines
 * are expanded, here-document bodies are read raw (read_secondary_line), and a line whose
 * expansion fails is dropped with its message while the command being typed goes on
 * (shell_getc). `text` is undefined when nothing is left.
 */
function expandTyped(
  typed: string,
  history: string[],
  pending: string | undefined,
  awaits: { delimiter: string; stripTabs: boolean } | undefined,
): { text: string | undefined; changed: boolean; errors: string[] } {
  if (!typed.includes("!")) return { text: typed, changed: false, errors: [] };
  if (!awaits && !typed.includes("<<")) {
    const h = expandHistory(typed, history);
    return "error" in h ? { text: undefined, changed: false, errors: [h.error] } : { text: h.text, changed: h.changed, errors: [] };
  }
  let prefix = pending;
  let body = awaits;
  let changed = false;
  const kept: string[] = [];
  const errors: string[] = [];
  // What the command typed so far waits for: another here-document body, or nothing.
  const next = () => {
    const r = parse(prefix ?? "");
    if (r.ok || !r.incomplete) prefix = undefined;
    return !r.ok && r.incomplete ? r.awaiting : undefined;
  };
  for (const line of typed.split("\n")) {
    if (body) {
      kept.push(line);
      prefix = prefix === undefined ? line : `${prefix}\n${line}`;
      if ((body.stripTabs ? line.replace(/^\t+/, "") : line) === body.delimiter) body = next();
      continue;
    }
    const h = expandHistory(line, history);
    if ("error" in h) {
      errors.push(h.error);
      continue;
    }
    changed ||= h.changed;
    kept.push(h.text);
    prefix = prefix === undefined ? h.text : `${prefix}\n${h.text}`;
    body = next();
  }
  return { text: kept.length > 0 ? kept.join("\n") : undefined, changed, errors };
}

/**
 * bash's history expansion of an interactive line: !!, !$, !^, !*, !N, !-N and !prefix, with
 * optional :N/:$/:^/:* word designators. Not inside single quotes or after a backslash.
 */
export function expandHistory(line: string, history: string[]): { text: string; changed: boolean } | { error: string } {
  if (!line.includes("!")) return { text: line, changed: false };
  let out = "";
  let changed = false;
  let single = false;
  let double = false;
  const words = (cmd: string): string[] => cmd.match(/(?:[^\s"']+|"(?:\\.|[^"])*"|'[^']*')+/g) ?? [];
  const pick = (cmd: string, designator: string): string | undefined => {
    const w = words(cmd);
    if (designator === "$") return w[w.length - 1];
    if (designator === "^") return w[1];
    if (designator === "*") return w.slice(1).join(" ");
    return w[Number(designator)];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "\\" && !single && i + 1 < line.length) {
      out += c + line[i + 1];
      i++;
      continue;
    }
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
    if (c !== "!" || single) {
      out += c;
      continue;
    }
    const next = line[i + 1];
    if (next === undefined || /[\s=(]/.test(next) || (double && next === '"') || (line[i - 1] === "{" && line[i - 2] === "$")) {
      out += c;
      continue;
    }
    const rest = line.slice(i + 1);
    let event: string | undefined;
    let spec: string;
    let designator: string | undefined;
    const last = history[history.length - 1];
    let m: RegExpExecArray | null;
    if (next === "!") {
      spec = "!";
      event = last;
    } else if (next === "$" || next === "^" || next === "*") {
      spec = next;
      event = last;
      designator = next;
    } else if ((m = /^-?\d+/.exec(rest))) {
      spec = m[0];
      const n = Number(m[0]);
      event = n < 0 ? history[history.length + n] : history[n - 1];
    } else if ((m = /^[^\s;&|()<>"'`:]+/.exec(rest))) {
      spec = m[0];
      const prefix = m[0];
      event = [...history].reverse().find((h) => h.startsWith(prefix));
    } else {
      out += c;
      continue;
    }
    let consumed = 1 + spec.length;
    const d = /^:(\$|\^|\*|\d+)/.exec(line.slice(i + consumed));
    if (d && !designator) {
      designator = d[1];
      consumed += d[0].length;
    }
    if (event === undefined) return { error: `bash: !${spec}: event not found` };
    if (designator !== undefined) {
      const w = pick(event, designator);
      if (w === undefined) return { error: `bash: :${designator}: bad word specifier` };
      event = w;
    }
    out += event;
    changed = true;
    i += consumed - 1;
  }
  return { text: out, changed };
}

/** What the container's shell shows before each line (nothing without a terminal). */
export function containerPrompt(s: ContainerSession): string {
  if (!s.tty) return "";
  const ps1 = Object.hasOwn(s.env, "PS1") ? s.env.PS1! : Object.hasOwn(s.vars, "PS1") ? s.vars.PS1! : s.ps1;
  return expandPrompt(ps1, { flavour: s.shell, user: s.user, uid: s.uid, hostname: s.hostname, cwd: s.cwd, home: s.env.HOME ?? s.home, argv0: s.argv0, bashVersion: s.bashVersion ?? "5.2" });
}

function writeProbe(fs: Parameters<typeof stat>[0], path: string, actor: ReturnType<typeof actorFor>): boolean {
  const s = stat(fs, path, actor);
  if (!s.ok || s.value.node.type !== "file") return false;
  if (actor.uid === 0) return true;
  const n = s.value.node;
  const bits = n.owner === actor.user ? (n.mode >> 6) & 7 : actor.groups.includes(n.group) ? (n.mode >> 3) & 7 : n.mode & 7;
  return (bits & 2) !== 0;
}
