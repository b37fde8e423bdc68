// The shell's session state as plain JSON, and what follows from it: login environments and
// prompts. A session is a stack of login frames: the terminal's own login at the bottom, then
// one frame per ssh, su, sudo -i or nested bash.
import type { Millis } from "../clock";
import type { RandomState } from "../random";
import type { HostState, UserAccount } from "../hosts/types";
import type { ContainerShellFlavour, ContainerShellState } from "../images/container-shell";

export interface Frame {
  /** Key of the host in the sandbox's host table. */
  host: string;
  user: string;
  /** Logical working directory ($PWD). */
  cwd: string;
  /** Exported variables (the environment commands receive). */
  env: Record<string, string>;
  /** Shell variables that are not exported. */
  vars: Record<string, string>;
  aliases: Record<string, string>;
  /** Function name → source text of its definition. */
  functions: Record<string, string>;
  /** A login shell prints "logout" on exit, others "exit". */
  login: boolean;
  /** How this frame was entered. */
  via: "session" | "ssh" | "su" | "sudo" | "bash";
  /** For ssh frames: the destination as typed ("Connection to stapp01 closed."). */
  sshHost?: string;
  /** $$ */
  pid: number;
  /** When the shell started (for ps). */
  started?: Millis;
  /** The commands between the parent shell and this one, as ps shows them ("sudo -i", "su -"). */
  launch?: string[];
  /** Their process ids (allocated when they started). */
  launchPids?: number[];
  /** sshd's session processes of an ssh login: the monitor and, for other users than root, theirs. */
  sshdPids?: number[];
  /** How the shell was started, when it is not a plain login shell ("-bash"): "bash", "/bin/bash". */
  argv0?: string;
  /** On a frame that `sudo` hands to the command it runs (never pushed): the sudo command line. */
  viaSudo?: string;
  /** ...and sudo's pid, when that command starts a shell. */
  viaSudoPid?: number;
  umask: number;
  /** `set -o pipefail`. */
  pipefail?: boolean;
}

/** What a password prompt is for, and where to carry on afterwards. */
export interface Resume {
  /** The whole input whose run was interrupted (parsed again to resume). */
  text: string;
  /** Index of the top-level pipeline to run next. */
  index: number;
  /** $? at that point. */
  status: number;
}

export type Pending =
  | {
      kind: "password";
      purpose: "sudo" | "su" | "ssh";
      /** The prompt shown, e.g. "[sudo] password for tony: ". */
      prompt: string;
      /** Host whose account is checked. */
      host: string;
      /** Account whose password is asked. */
      user: string;
      /** ssh: the destination as typed. */
      target?: string;
      /** ssh: the source host and user (for the grant). */
      fromHost?: string;
      fromUser?: string;
      attempts: number;
      resume: Resume;
    }
  | {
      kind: "editor";
      /** Absolute path, or "" for a buffer without a name. */
      path: string;
      host: string;
      user: string;
      resume: Resume;
      /** A program to run when the editor closes (a command that asked for the editor). */
      then?: string[];
    };

/**
 * A shell inside a container that the terminal is attached to (`kubectl exec -it POD -- sh`,
 * `docker exec -it C bash`): typed lines go to it until it exits. Plain JSON, so an open
 * session survives a snapshot.
 */
export interface ContainerSession extends ContainerShellState {
  /** Which client opened it: kubectl reports a non-zero exit, docker only returns it. */
  via: "kubectl" | "docker";
  /** kubectl: the pod and its container. */
  namespace?: string;
  pod?: string;
  /** kubectl: the container's name; docker: the container's id. */
  container: string;
  /** The Docker host (key in the sandbox's host table). */
  host?: string;
  /** dash (Debian's sh), bash or ash (BusyBox). */
  shell: ContainerShellFlavour;
  /** The program as started ("sh", "/bin/bash"): messages and \s use it. */
  argv0: string;
  /** A terminal was allocated (-t with a terminal): prompts, "exit" on exit, ^C to the shell. */
  tty: boolean;
  /** PS1 before expansion (\u, \h, \w, \$, ...); dash shows it as it is. */
  ps1: string;
  /** The user the shell runs as ("I have no name!" when the image has no such account). */
  user: string;
  uid: number;
  hostname: string;
  home: string;
  /** bash's version for \v ("5.2"). */
  bashVersion?: string;
  /** The container's run the shell lives in: another run (a restart) or none means it was killed. */
  run: string;
  /** The rest of the terminal's input line, run when the session ends. */
  resume?: Resume;
}

/** A one-shot permission earned by typing a password, used by the command that asked. */
export interface Grant {
  purpose: "sudo" | "su" | "ssh";
  host: string;
  user: string;
  fromHost?: string;
  fromUser?: string;
}

export interface ShellState {
  frames: Frame[];
  history: string[];
  /** $? */
  status: number;
  pending?: Pending;
  /** Lines typed so far of an incomplete command (bash's `> ` prompt). */
  buffer?: string;
  /** The buffer is inside a here-document: only this delimiter line can complete it. */
  bufferAwaits?: { delimiter: string; stripTabs: boolean };
  /** sudo's timestamp: "host/user" → time of the last successful authentication. */
  sudoTimes: Record<string, Millis>;
  grant?: Grant;
  /** PRNG state for $RANDOM. */
  random: RandomState;
  /** The bottom frame exited: the terminal session is over. */
  ended?: boolean;
  /** A container's shell the terminal is attached to. */
  container?: ContainerSession;
}

/** The default PATH of a login shell. */
export function defaultPath(host: HostState, account: UserAccount): string {
  if (host.distro === "ubuntu") {
    return account.uid === 0
      ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin"
      : "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin";
  }
  return account.uid === 0 ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin" : `${account.home}/.local/bin:${account.home}/bin:/usr/local/bin:/usr/bin:/usr/local/sbin:/usr/sbin`;
}

export const lang = (host: HostState): string => (host.distro === "ubuntu" ? "C.UTF-8" : "en_US.UTF-8");

/** Environment of a fresh login shell of `account` on `host`. */
export function loginEnv(host: HostState, account: UserAccount, cwd: string): Record<string, string> {
  const env: Record<string, string> = {};
  env.SHELL = account.shell;
  if (host.distro === "centos") {
    env.HISTCONTROL = "ignoredups";
    env.HISTSIZE = "1000";
    env.HOSTNAME = host.name;
  }
  env.PWD = cwd;
  env.LOGNAME = account.name;
  env.HOME = account.home;
  env.LANG = lang(host);
  env.TERM = "xterm-256color";
  env.USER = account.name;
  env.SHLVL = "1";
  env.PATH = defaultPath(host, account);
  env.MAIL = host.distro === "ubuntu" ? `/var/mail/${account.name}` : `/var/spool/mail/${account.name}`;
  return env;
}

/** Shell variables bash sets from the startup files (not exported). */
export function loginVars(host: HostState): Record<string, string> {
  return host.distro === "ubuntu" ? { HISTCONTROL: "ignoreboth", HISTSIZE: "1000", HISTFILESIZE: "2000" } : {};
}

/** Aliases from the distro's startup files. */
export function loginAliases(host: HostState, account: UserAccount): Record<string, string> {
  if (host.distro === "ubuntu") return account.uid === 0 ? {} : { l: "ls -CF", la: "ls -A", ll: "ls -alF" };
  return { ll: "ls -l --color=auto" };
}

/** A new frame for `user` on `host`. */
export function newFrame(host: HostState, hostKey: string, user: string, opts: { login: boolean; via: Frame["via"]; cwd?: string; base?: Frame }): Frame {
  const account: UserAccount = host.users[user] ?? { name: user, uid: user === "root" ? 0 : 1000, gid: 1000, home: user === "root" ? "/root" : `/home/${user}`, shell: "/bin/bash", groups: [], sudo: "none" };
  const home = account.home;
  const cwd = opts.cwd ?? (host.fs[home]?.type === "dir" ? home : "/");
  const pid = host.nextPid++;
  if (opts.login || !opts.base) {
    return { host: hostKey, user, cwd, env: loginEnv(host, account, cwd), vars: loginVars(host), aliases: loginAliases(host, account), functions: {}, login: opts.login, via: opts.via, pid, umask: account.uid === 0 ? 0o022 : 0o002 };
  }
  // Non-login shells inherit the environment (su, sudo -s, bash) with the user's identity set.
  const env: Record<string, string> = { ...opts.base.env, HOME: home, SHELL: account.shell, USER: user, LOGNAME: user, PWD: cwd };
  env.SHLVL = String(Number(opts.base.env.SHLVL ?? "1") + 1);
  if (account.uid === 0) env.PATH = defaultPath(host, account);
  return { host: hostKey, user, cwd, env, vars: loginVars(host), aliases: loginAliases(host, account), functions: {}, login: false, via: opts.via, pid, umask: account.uid === 0 ? 0o022 : 0o002 };
}

/** PS1 as each distro's default startup files set it (colours left out). */
export function promptFor(frame: Frame, host: HostState | undefined): string {
  const short = (host?.name ?? frame.host).split(".")[0]!;
  const sign = frame.user === "root" ? "#" : "$";
  const home = frame.env.HOME ?? "";
  const cwd = frame.cwd;
  if (host?.distro === "centos") {
    const base = home && cwd === home ? "~" : cwd === "/" ? "/" : cwd.slice(cwd.lastIndexOf("/") + 1);
    return `[${frame.user}@${short} ${base}]${sign} `;
  }
  const w = home && home !== "/" && (cwd === home || cwd.startsWith(home + "/")) ? "~" + cwd.slice(home.length) : cwd;
  return `${frame.user}@${short}:${w}${sign} `;
}
