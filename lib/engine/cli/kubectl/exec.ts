// kubectl exec: runs a command in a container (a small set of tools, as the image has them), or
// with -it attaches the terminal to a shell in it (cli/attach.ts).
import { notFound } from "../../apiserver/errors";
import { runInPod } from "../net";
import { containerUser, podRunner, type PodExecResult } from "../net/pod";
import { containerSession, runPipedScript } from "../attach";
import { podHostname } from "../../network";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { apiErrorMessage } from "./errors";
import { resolveType } from "./resources";
import { podFor } from "./logs";
import type { Session } from "./session";

export const EXEC_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "container", short: "c", kind: "string" },
  { name: "stdin", short: "i", kind: "bool" },
  { name: "tty", short: "t", kind: "bool" },
  { name: "quiet", short: "q", kind: "bool" },
  { name: "filename", short: "f", kind: "stringArray" },
];

export function runExec(s: Session) {
  const out = s.output;
  // kubectl needs `--` before the command; cobra leaves it out of args, so find it in the raw argv.
  const raw = s.ctx.args.slice(1);
  const dash = raw.indexOf("--");
  const target = s.parsed.args[0];
  if (!target) {
    out.err("error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples");
    return;
  }
  if (dash < 0) {
    out.err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples");
    return;
  }
  const argv = raw.slice(dash + 1);
  if (argv.length === 0) {
    out.err("error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples");
    return;
  }
  const podName = target.includes("/") ? target.slice(target.indexOf("/") + 1) : target;
  const pod = podFor(s, target);
  if (!pod) {
    out.err(apiErrorMessage(notFound(resolveType("pods"), podName)));
    return;
  }
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") {
    out.err(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
    return;
  }
  const containers = (pod.spec.containers as { name: string }[]).map((c) => c.name);
  let container = s.flag<string | undefined>("container");
  if (!container) {
    container = containers[0]!;
    if (containers.length > 1 && !s.flag("quiet")) out.warn(`Defaulted container "${container}" out of: ${containers.join(", ")}\n`);
  }
  // As kubectl's SetupTTY: a TTY only with -i and -t, and only when stdin is a terminal.
  const stdin = Boolean(s.flag("stdin"));
  const wantsTty = stdin && Boolean(s.flag("tty"));
  const tty = wantsTty && Boolean(s.ctx.stdinIsTty);
  if (wantsTty && !tty && !s.flag("quiet")) out.warn("Unable to use a TTY - input is not a terminal or the right kind of file\n");
  const ref = { namespace: pod.metadata.namespace!, name: pod.metadata.name };
  const columns = s.ctx.columns ?? 80;
  if (stdin) {
    const runner = podRunner(s.ctx.world, ref, container, { tty, columns });
    const session =
      "kind" in runner
        ? undefined
        : containerSession({
            via: "kubectl",
            image: runner.image,
            argv,
            tty,
            user: containerUser(runner.pod.pod, runner.spec, runner.image),
            hostname: podHostname(runner.pod.pod),
            cwd: runner.workingDir,
            run: `${runner.pod.pod.metadata.uid}/${runner.startedAt}`,
            container: runner.spec.name,
            namespace: ref.namespace,
            pod: ref.name,
          });
    if (session && s.ctx.stdinIsTerminal) {
      // The terminal is handed to the shell in the container until it exits.
      out.attach = session;
      return;
    }
    const input = s.ctx.stdin;
    if (session) {
      // The shell reads what is piped in as its script.
      const r = runPipedScript(s.ctx.world, session, input, columns);
      out.out(r.output);
      if (r.status !== 0) out.err(`command terminated with exit code ${r.status}`, r.status);
      return;
    }
    return report(s, podName, runInPod(s.ctx.world, ref, container, argv, { tty, columns, stdin: input }));
  }
  report(s, podName, runInPod(s.ctx.world, ref, container, argv, { tty, columns }));
}

function report(s: Session, podName: string, result: PodExecResult) {
  const out = s.output;
  switch (result.kind) {
    case "no-pod":
      out.err(apiErrorMessage(notFound(resolveType("pods"), podName)));
      return;
    case "no-container":
      out.err(`Error from server (BadRequest): container ${result.container} is not valid for pod ${podName}`);
      return;
    case "not-running":
      out.err(`error: unable to upgrade connection: container not found ("${result.container}")`);
      return;
    case "not-found":
      out.err(`error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${s.ctx.world.random.hex(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${result.executable}": executable file not found in $PATH: unknown`);
      return;
    case "ran": {
      const r = result.result;
      if (r.ordered) {
        for (const [fd, text] of r.ordered) {
          if (fd === 1) out.out(text);
          else out.warn(text);
        }
      } else {
        out.out(r.stdout);
        out.warn(r.stderr);
      }
      if (r.exitCode !== 0) out.err(`command terminated with exit code ${r.exitCode}`, r.exitCode);
    }
  }
}
