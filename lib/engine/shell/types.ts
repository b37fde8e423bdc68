// The contract between the shell and every command it runs (builtins, kubectl, docker, ...).
import type { HostState } from "../hosts/types";
import type { ContainerSession } from "./state";

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Optional: stdout (1) and stderr (2) chunks in the order they were written, when that order
   * matters on a terminal (a warning before the result). Must hold the same text as stdout and
   * stderr; without it the shell shows stdout, then stderr.
   */
  ordered?: Array<[1 | 2, string]>;
  /**
   * Optional: open `path` in the terminal's editor (as `vi path` would). When the editor
   * closes, saved or not, the shell runs `then` (a program and its arguments, in the same
   * directory, as the same user) and carries on with the rest of the line (kubectl edit).
   */
  editor?: { path: string; then: string[] };
  /**
   * Optional: attach the terminal to a shell in a container (kubectl exec -it, docker exec -it).
   * The shell opens it only for a command at the top level whose stdin and stdout are the
   * terminal; typed lines then go to the container until its shell exits, and the rest of the
   * line runs after that.
   */
  attach?: ContainerSession;
}

export interface CommandContext<World = unknown> {
  /** argv[0] as typed, e.g. "kubectl". */
  name: string;
  /** The arguments after the command name, already expanded and unquoted. */
  args: string[];
  /** Everything piped or redirected into the command ("" when nothing). */
  stdin: string;
  env: Record<string, string>;
  /** Absolute working directory. */
  cwd: string;
  /** The effective user name ("root" after sudo). */
  user: string;
  /** The machine the command runs on. */
  host: HostState;
  /** The sandbox the command acts on (cluster API, other hosts, clock). */
  world: World;
  /** Whether stdout is the terminal (not a pipe or file): tools colour their output only then. */
  stdoutIsTty?: boolean;
  /** Whether stdin is the terminal the learner types into (not a pipe, file or here-document). */
  stdinIsTerminal?: boolean;
  /** ...and that terminal is a TTY (false when a script is piped into the sandbox's CLI). */
  stdinIsTty?: boolean;
  /** The terminal's width (ps cuts its lines there). */
  columns?: number;
  /** The terminal session the command runs in, as a process lister sees it. */
  session?: SessionView;
}

/** A shell of the terminal session (outermost first). */
export interface SessionShell {
  /** Key of the host it runs on. */
  host: string;
  user: string;
  pid: number;
  via: "session" | "ssh" | "su" | "sudo" | "bash";
  login: boolean;
  started?: number;
  /** The processes between the parent shell and this one ("sudo -i", "su -"). */
  launch: string[];
  /** Their pids, when known. */
  launchPids?: number[];
  /** sshd's session processes of an ssh login, when known. */
  sshdPids?: number[];
  /** argv as ps shows it ("-bash", "bash", "/bin/bash"). */
  args: string;
  /** The destination as typed, for ssh sessions. */
  sshHost?: string;
}

export interface SessionView {
  shells: SessionShell[];
  /** The pipeline the command is part of, each stage as argv (approximately: before expansion). */
  pipeline: string[][];
  /** This command's stage in `pipeline`. */
  index: number;
}

/** A command is a pure function of its context and the world it may change. */
export type Command<World = unknown> = (ctx: CommandContext<World>) => CommandResult;

export const ok = (stdout = ""): CommandResult => ({ stdout, stderr: "", exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ""): CommandResult => ({ stdout, stderr, exitCode });
