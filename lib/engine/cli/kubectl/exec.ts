// kubectl exec: runs a command in a container (a small set of tools, as the image has them).
import { notFound } from "../../apiserver/errors";
import { runInPod } from "../net";
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

const SHELLS = new Set(["sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash"]);

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
    if (containers.length > 1 && !s.flag("quiet")) out.stderr += `Defaulted container "${container}" out of: ${containers.join(", ")}\n`;
  }
  if (SHELLS.has(argv[0]!) && argv.length === 1 && s.flag("stdin")) {
    // An interactive shell needs a terminal inside the container, which this sandbox does not
    // open; one-off commands work: kubectl exec POD -- CMD.
    out.err(`Unable to use a TTY - input is not a terminal or the right kind of file\nerror: an interactive shell inside a container is not available in this sandbox; run single commands instead, e.g. kubectl exec ${podName} -- cat /etc/hostname`);
    return;
  }
  const result = runInPod(s.ctx.world, { namespace: pod.metadata.namespace!, name: pod.metadata.name }, container, argv, { tty: Boolean(s.flag("tty")) });
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
      out.stdout += result.result.stdout;
      out.stderr += result.result.stderr;
      if (result.result.exitCode !== 0) {
        out.stderr += `command terminated with exit code ${result.result.exitCode}\n`;
        out.exitCode = result.result.exitCode;
      }
    }
  }
}
