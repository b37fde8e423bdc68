// The simulated kubectl: flag parsing, client config, subcommand dispatch.
import type { Command, CommandContext } from "../../shell/types";
import type { World } from "../../world";
import { FlagError, GLOBAL_FLAGS, parseArgs, type FlagSpec } from "./args";
import { Session, guard } from "./session";
import { GET_FLAGS, runGet } from "./get";
import { APPLY_FLAGS, runManifestCommand } from "./apply";
import { DELETE_FLAGS, runDelete } from "./delete";
import { LOGS_FLAGS, runLogs } from "./logs";
import { TOP_FLAGS, runTop } from "./top";
import { EXEC_FLAGS, runExec } from "./exec";
import { DESCRIBE_FLAGS, runDescribe } from "./describe";
import { API_RESOURCES_FLAGS, API_VERSIONS_FLAGS, EXPLAIN_FLAGS, runApiResources, runApiVersions, runExplain } from "./discovery";
import { CLUSTER_INFO_FLAGS, VERSION_FLAGS, runClusterInfo, runVersion } from "./info";
import { CONFIG_FLAGS, runConfig } from "./config";
import { EVENTS_FLAGS, runEvents } from "./events";
import { AUTH_FLAGS, runAuth } from "./auth";
import { CORDON_FLAGS, DRAIN_FLAGS, TAINT_FLAGS, runCordonCommand, runDrain, runTaint, runUncordonCommand } from "./nodes";
import { CREATE_FLAGS, runCreate } from "./create";
import { RUN_FLAGS, runRun } from "./run";
import { EXPOSE_FLAGS, runExpose } from "./expose";
import { SCALE_FLAGS, runScale } from "./scale";
import { SET_FLAGS, runSet } from "./set";
import { ROLLOUT_FLAGS, runRollout } from "./rollout";
import { LABEL_FLAGS, runAnnotate, runLabel } from "./label";
import { PATCH_FLAGS, runPatch } from "./patch";
import { WAIT_FLAGS, runWait } from "./wait";
import { EDIT_FLAGS, runEdit } from "./edit";

export interface Subcommand {
  flags: FlagSpec[];
  /** False for commands that work without a server (config, version --client, help). */
  needsServer: boolean;
  run(session: Session): void;
}

export const SUBCOMMANDS: Record<string, Subcommand> = {
  get: { flags: GET_FLAGS, needsServer: true, run: runGet },
  apply: { flags: APPLY_FLAGS, needsServer: true, run: (s) => runManifestCommand(s, "apply") },
  replace: { flags: APPLY_FLAGS, needsServer: true, run: (s) => runManifestCommand(s, "replace") },
  delete: { flags: DELETE_FLAGS, needsServer: true, run: runDelete },
  logs: { flags: LOGS_FLAGS, needsServer: true, run: runLogs },
  top: { flags: TOP_FLAGS, needsServer: true, run: runTop },
  exec: { flags: EXEC_FLAGS, needsServer: true, run: runExec },
  describe: { flags: DESCRIBE_FLAGS, needsServer: true, run: runDescribe },
  "api-resources": { flags: API_RESOURCES_FLAGS, needsServer: true, run: runApiResources },
  "api-versions": { flags: API_VERSIONS_FLAGS, needsServer: true, run: runApiVersions },
  explain: { flags: EXPLAIN_FLAGS, needsServer: true, run: runExplain },
  "cluster-info": { flags: CLUSTER_INFO_FLAGS, needsServer: true, run: runClusterInfo },
  version: { flags: VERSION_FLAGS, needsServer: false, run: runVersion },
  config: { flags: CONFIG_FLAGS, needsServer: false, run: runConfig },
  events: { flags: EVENTS_FLAGS, needsServer: true, run: runEvents },
  auth: { flags: AUTH_FLAGS, needsServer: true, run: runAuth },
  taint: { flags: TAINT_FLAGS, needsServer: true, run: runTaint },
  cordon: { flags: CORDON_FLAGS, needsServer: true, run: runCordonCommand },
  uncordon: { flags: CORDON_FLAGS, needsServer: true, run: runUncordonCommand },
  drain: { flags: DRAIN_FLAGS, needsServer: true, run: runDrain },
  create: { flags: CREATE_FLAGS, needsServer: true, run: runCreate },
  run: { flags: RUN_FLAGS, needsServer: true, run: runRun },
  expose: { flags: EXPOSE_FLAGS, needsServer: true, run: runExpose },
  scale: { flags: SCALE_FLAGS, needsServer: true, run: runScale },
  set: { flags: SET_FLAGS, needsServer: true, run: runSet },
  rollout: { flags: ROLLOUT_FLAGS, needsServer: true, run: runRollout },
  label: { flags: LABEL_FLAGS, needsServer: true, run: runLabel },
  annotate: { flags: LABEL_FLAGS, needsServer: true, run: runAnnotate },
  patch: { flags: PATCH_FLAGS, needsServer: true, run: runPatch },
  wait: { flags: WAIT_FLAGS, needsServer: true, run: runWait },
  edit: { flags: EDIT_FLAGS, needsServer: true, run: runEdit },
};

/** Other modules add their subcommands here (create, describe, rollout, ...). */
export function registerSubcommands(more: Record<string, Subcommand>) {
  Object.assign(SUBCOMMANDS, more);
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** cobra's "unknown command" with its suggestions (distance 2, or a prefix). */
function unknownCommand(name: string): string {
  const suggestions = Object.keys(SUBCOMMANDS)
    .filter((c) => levenshtein(name, c) <= 2 || c.startsWith(name))
    .sort();
  let text = `error: unknown command "${name}" for "kubectl"`;
  if (suggestions.length) text += `\n\nDid you mean this?\n${suggestions.map((c) => `\t${c}`).join("\n")}`;
  return `${text}\n`;
}

/** The klog lines kubectl writes before giving up on an unreachable server. */
function discoveryErrors(ctx: CommandContext<World>, server: string, scheme: string): string {
  const d = new Date(ctx.world.now());
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const stamp = `E${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds() * 1000 + 217, 6)}`;
  const pid = String(ctx.host.nextPid).padStart(7, " ");
  const line = `${stamp} ${pid} memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"${scheme}://${server}/api?timeout=32s\\": dial tcp ${server.replace("localhost", "127.0.0.1")}: connect: connection refused"\n`;
  return line.repeat(5);
}

export const kubectlCommand: Command<World> = (ctx) => {
  const [sub, ...rest] = ctx.args;
  if (sub === undefined || sub === "help" || sub === "--help" || sub === "-h") {
    return { stdout: KUBECTL_HELP, stderr: "", exitCode: 0 };
  }
  // Own entries only: "toString" or "constructor" are no kubectl commands.
  const command = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!command) {
    if (sub.startsWith("-")) {
      // Global flags before the subcommand: kubectl -n kube-system get pods.
      try {
        const parsed = parseArgs(ctx.args, GLOBAL_FLAGS);
        const [next, ...tail] = parsed.args;
        if (next && Object.hasOwn(SUBCOMMANDS, next)) {
          const flags = ctx.args.slice(0, ctx.args.length - parsed.args.length);
          return kubectlCommand({ ...ctx, args: [next, ...flags, ...tail] });
        }
      } catch (error) {
        if (error instanceof FlagError) return { stdout: "", stderr: `error: ${error.message}\nSee 'kubectl --help' for usage.\n`, exitCode: 1 };
        throw error;
      }
    }
    return { stdout: "", stderr: unknownCommand(sub), exitCode: 1 };
  }
  let parsed;
  try {
    parsed = parseArgs(rest, command.flags);
  } catch (error) {
    if (error instanceof FlagError) return { stdout: "", stderr: `error: ${error.message}\nSee 'kubectl ${sub} --help' for usage.\n`, exitCode: 1 };
    throw error;
  }
  const session = new Session(ctx, parsed);
  if (command.needsServer && !session.reachable()) {
    const scheme = session.config.server === "localhost:8080" ? "http" : "https";
    return { stdout: "", stderr: discoveryErrors(ctx, session.config.server, scheme) + `The connection to the server ${session.config.server} was refused - did you specify the right host or port?\n`, exitCode: 1 };
  }
  ctx.world.sandbox.activity();
  guard(session.output, () => command.run(session));
  return session.output.result();
};

export const KUBECTL_HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service
  run             Run a particular image on the cluster
  set             Set specific features on objects

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  edit            Edit a resource on the server
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller
  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller

Cluster Management Commands:
  certificate     Modify certificate resources
  cluster-info    Display cluster information
  top             Display resource (CPU/memory) usage
  cordon          Mark node as unschedulable
  uncordon        Mark node as schedulable
  drain           Drain node in preparation for maintenance
  taint           Update the taints on one or more nodes

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  attach          Attach to a running container
  exec            Execute a command in a container
  port-forward    Forward one or more local ports to a pod
  proxy           Run a proxy to the Kubernetes API server
  cp              Copy files and directories to and from containers
  auth            Inspect authorization
  debug           Create debugging sessions for troubleshooting workloads and nodes
  events          List events

Advanced Commands:
  diff            Diff the live version against a would-be applied version
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource
  replace         Replace a resource by file name or stdin
  wait            Experimental: Wait for a specific condition on one or many resources
  kustomize       Build a kustomization target from a directory or URL

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource
  completion      Output shell completion code for the specified shell (bash, zsh, fish, or powershell)

Subcommands provided by plugins:

Other Commands:
  api-resources   Print the supported API resources on the server
  api-versions    Print the supported API versions on the server, in the form of "group/version"
  config          Modify kubeconfig files
  plugin          Provides utilities for interacting with plugins
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
