// A terminal attached to a shell inside a container: `kubectl exec -it POD -- sh` and
// `docker exec -it C bash`. kubectl and docker build the session (which shell the image has for
// the name typed, its prompt, user, hostname and working directory); the terminal then hands
// every typed line to containerRuntime(), which runs it in the container's shell
// (images/container-shell.ts) with the container's programs (cli/net/pod.ts, docker/exec.ts),
// as long as the container the shell was started in still runs.
import type { CatalogueImage } from "../images/types";
import { runContainerLine, type ContainerShellHost } from "../images/container-shell";
import { bashVersion, imageFamily, isBusybox } from "../images/rootfs";
import type { ContainerRuntime } from "../shell/interp";
import type { ContainerSession } from "../shell/state";
import type { World } from "../world";
import { refreshEngine } from "../docker/containers";
import { dockerRunner } from "../docker/exec";
import { podRunner } from "./net/pod";

/** Options a shell takes that still leave it reading commands interactively. */
const INTERACTIVE_OPTIONS = new Set(["-i", "-l", "-il", "-li", "--login", "--interactive", "-"]);

/**
 * Whether argv starts an interactive shell of the image (no -c, no script), and which one:
 * `sh` is dash on Debian, BusyBox ash on busybox and Alpine, bash elsewhere (Oracle Linux).
 */
export function interactiveShell(image: CatalogueImage, argv: string[]): { shell: ContainerSession["shell"]; login: boolean } | undefined {
  const name = argv[0] ?? "";
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (!argv.slice(1).every((a) => INTERACTIVE_OPTIONS.has(a))) return undefined;
  if (!image.tools.includes(base)) return undefined;
  const family = imageFamily(image);
  const login = argv.slice(1).some((a) => a === "-l" || a === "-il" || a === "-li" || a === "--login");
  switch (base) {
    case "bash":
      return { shell: "bash", login };
    case "dash":
      return { shell: "dash", login };
    case "ash":
      return isBusybox(family) ? { shell: "ash", login } : undefined;
    case "sh":
      return { shell: isBusybox(family) ? "ash" : family === "debian" ? "dash" : "bash", login };
    default:
      return undefined;
  }
}

/** PS1 as the image's shell sets it for an interactive shell (colours left out). */
function ps1For(image: CatalogueImage, shell: ContainerSession["shell"], login: boolean, uid: number): string {
  const family = imageFamily(image);
  if (shell === "dash") return uid === 0 ? "# " : "$ ";
  // BusyBox's built-in default; Alpine's /etc/profile (read by login shells) sets its own.
  if (shell === "ash") return login && family === "alpine" ? "\\h:\\w\\$ " : "\\w \\$ ";
  // Debian's /etc/bash.bashrc; elsewhere bash's own default ("bash-5.1# ", "sh-5.1# ").
  return family === "debian" ? "\\u@\\h:\\w\\$ " : "\\s-\\v\\$ ";
}

export interface SessionSpec {
  via: ContainerSession["via"];
  image: CatalogueImage;
  argv: string[];
  tty: boolean;
  user: { uid: number; name?: string; home: string };
  hostname: string;
  cwd: string;
  run: string;
  container: string;
  namespace?: string;
  pod?: string;
  env?: Record<string, string>;
}

/** The session an exec of an interactive shell opens, or undefined when argv is not one. */
export function containerSession(spec: SessionSpec): ContainerSession | undefined {
  const found = interactiveShell(spec.image, spec.argv);
  if (!found) return undefined;
  const session: ContainerSession = {
    via: spec.via,
    ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}),
    ...(spec.pod !== undefined ? { pod: spec.pod } : {}),
    container: spec.container,
    shell: found.shell,
    argv0: spec.argv[0]!,
    tty: spec.tty,
    ps1: ps1For(spec.image, found.shell, found.login, spec.user.uid),
    user: spec.user.name ?? "I have no name!",
    uid: spec.user.uid,
    hostname: spec.hostname,
    home: spec.user.home,
    run: spec.run,
    cwd: spec.cwd,
    env: { ...(spec.env ?? {}) },
    vars: {},
    status: 0,
    line: 0,
  };
  if (found.shell === "bash") session.bashVersion = bashVersion(spec.image);
  return session;
}

/** What kubectl and docker print when the exec ends with `status`. */
function endMessage(session: ContainerSession, status: number): string {
  // kubectl reports a non-zero exit; docker only passes it on as its own.
  return session.via === "kubectl" && status !== 0 ? `command terminated with exit code ${status}\n` : "";
}

/** The shell's view of the container it runs in, or undefined when that container is gone. */
function shellHost(world: World, session: ContainerSession, columns: number): ContainerShellHost | undefined {
  const extraEnv: [string, string][] = session.tty ? [["TERM", "xterm"]] : [];
  const common = { flavour: session.shell, argv0: session.argv0, interactive: session.tty, home: session.home };
  if (session.via === "kubectl") {
    const runner = podRunner(world, { namespace: session.namespace ?? "default", name: session.pod ?? "" }, session.container, { tty: session.tty, columns });
    if ("kind" in runner) return undefined;
    if (`${runner.pod.pod.metadata.uid}/${runner.startedAt}` !== session.run) return undefined;
    return { ...common, baseEnv: [...runner.env, ...extraEnv], fs: runner.root(), exec: (argv, io) => runner.run(argv, io) };
  }
  const host = world.hosts[session.host ?? ""];
  const engine = host?.docker;
  if (!host || !engine) return undefined;
  refreshEngine(engine, world.now());
  const c = engine.containers.find((x) => x.id === session.container);
  if (!c || c.status !== "running" || `${c.id}/${c.startedAt}` !== session.run) return undefined;
  const runner = dockerRunner(world, host, engine, c, { tty: session.tty, columns });
  const env = runner.env.map(([k, v]): [string, string] => [k, k === "HOME" ? session.home : v]);
  return { ...common, baseEnv: [...env, ...extraEnv], fs: runner.root(), exec: (argv, io) => runner.run(argv, io) };
}

/** What the sandbox's terminal calls for lines typed into an attached container shell. */
export function containerRuntime(world: World): ContainerRuntime {
  return {
    line(session, text, columns) {
      const host = shellHost(world, session, columns);
      // The container stopped (deleted pod, restart, docker stop): its processes were killed.
      if (!host) return { output: endMessage(session, 137), exit: 137 };
      const r = runContainerLine(host, session, text);
      if (r.exit !== undefined) return { output: r.output + endMessage(session, r.exit), exit: r.exit };
      return { output: r.output };
    },
    ended: endMessage,
  };
}

/**
 * A shell reading a script from a pipe (`echo ls | kubectl exec -i POD -- sh`): runs it line by
 * line without prompts; what it printed, and the status the exec ends with (the caller reports it).
 */
export function runPipedScript(world: World, session: ContainerSession, script: string, columns: number): { output: string; status: number } {
  let output = "";
  const lines = script.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) {
    const host = shellHost(world, session, columns);
    if (!host) return { output, status: 137 };
    const r = runContainerLine(host, session, line);
    output += r.output;
    if (r.exit !== undefined) return { output, status: r.exit };
  }
  return { output, status: session.status };
}
