// kubectl logs: a container's output from its process model (current or previous instance).
import type { StoredObject } from "../../api/types";
import { notFound } from "../../apiserver/errors";
import { parseLabelSelector } from "../../apiserver/selectors";
import { containerLogs } from "../../kubelet/kubelet";
import { controllerRef } from "../../controllers/util";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { apiErrorMessage } from "./errors";
import { resolveType } from "./resources";
import type { Session } from "./session";

export const LOGS_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "container", short: "c", kind: "string" },
  { name: "previous", short: "p", kind: "bool" },
  { name: "follow", short: "f", kind: "bool" },
  { name: "tail", kind: "int", default: -1 },
  { name: "timestamps", kind: "bool" },
  { name: "since", kind: "string" },
  { name: "selector", short: "l", kind: "string" },
  { name: "all-containers", kind: "bool" },
  { name: "prefix", kind: "bool" },
];

/** How long `-f` keeps following, in virtual time. */
export const FOLLOW_MS = 10_000;

function parseDuration(text: string): number | undefined {
  const m = /^(\d+)(s|m|h)$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[m[2] as "s" | "m" | "h"];
}

function stamp(at: number): string {
  // RFC 3339 with nanoseconds, as the container runtime records each line.
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 23)}${String((at * 7919) % 1_000_000).padStart(6, "0")}Z`;
}

/** The pod a `deploy/x`, `rs/x`, `job/x` or `pod/x` argument means. */
export function podFor(s: Session, arg: string): StoredObject | undefined {
  const slash = arg.indexOf("/");
  if (slash < 0) return s.api.tryGet(resolveType("pods"), s.namespace, arg);
  const info = resolveType(arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  if (info.kind === "Pod") return s.api.tryGet(info, s.namespace, name);
  const owner = s.api.tryGet(info, s.namespace, name);
  if (!owner) throw notFound(info, name);
  const pods = s.api.list(resolveType("pods"), s.namespace);
  const owned = (uid: string) => pods.filter((p) => controllerRef(p)?.uid === uid);
  if (info.kind === "Deployment") {
    const sets = s.api.list(resolveType("replicasets"), s.namespace).filter((r) => controllerRef(r)?.uid === owner.metadata.uid);
    return sets.flatMap((r) => owned(r.metadata.uid))[0];
  }
  return owned(owner.metadata.uid)[0];
}

export function runLogs(s: Session) {
  const out = s.output;
  const args = s.parsed.args;
  const selector = s.flag<string | undefined>("selector");
  let targets: StoredObject[] = [];
  if (selector !== undefined) {
    targets = s.api.list(resolveType("pods"), s.namespace, { labelSelector: parseLabelSelector(selector) });
  } else {
    if (args.length === 0) {
      out.err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
      return;
    }
    const pod = podFor(s, args[0]!);
    if (!pod) {
      out.err(apiErrorMessage(notFound(resolveType("pods"), args[0]!.split("/").pop()!)));
      return;
    }
    targets = [pod];
  }
  const tail = s.flag<number>("tail");
  const since = s.flag<string | undefined>("since");
  const sinceMs = since ? parseDuration(since) : undefined;
  const start = s.now();
  for (const pod of targets) {
    const containers = (pod.spec.containers as { name: string }[]).map((c) => c.name);
    let names: string[];
    const wanted = s.flag<string | undefined>("container") ?? (args[1] && selector === undefined ? args[1] : undefined);
    if (s.flag("all-containers")) names = containers;
    else if (wanted) {
      if (!containers.includes(wanted)) {
        out.err(`error: container ${wanted} is not valid for pod ${pod.metadata.name}`);
        continue;
      }
      names = [wanted];
    } else {
      names = [containers[0]!];
      if (containers.length > 1) out.stderr += `Defaulted container "${containers[0]}" out of: ${containers.join(", ")}\n`;
    }
    for (const name of names) {
      const result = containerLogs(s.ctx.world.sandbox.cluster, pod, name, {
        previous: Boolean(s.flag("previous")),
        ...(tail >= 0 ? { tail } : {}),
        ...(sinceMs !== undefined ? { since: start - sinceMs } : {}),
      });
      if (!result.ok) {
        out.err(`Error from server (BadRequest): ${result.message}`);
        continue;
      }
      const prefix = s.flag("prefix") ? `[pod/${pod.metadata.name}/${name}] ` : "";
      for (const line of result.lines) out.out(`${prefix}${s.flag("timestamps") ? `${stamp(line.at)} ` : ""}${line.text}\n`);
    }
  }
  if (s.flag("follow") && targets.length === 1) {
    const pod = targets[0]!;
    const name = s.flag<string | undefined>("container") ?? (pod.spec.containers as { name: string }[])[0]!.name;
    s.ctx.world.advance(FOLLOW_MS);
    const more = containerLogs(s.ctx.world.sandbox.cluster, pod, name, { since: start + 1 });
    if (more.ok) for (const line of more.lines) out.out(`${s.flag("timestamps") ? `${stamp(line.at)} ` : ""}${line.text}\n`);
  }
}
