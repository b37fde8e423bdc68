// Trace entries as messages of the "Trace" namespace: a key and its ICU arguments, so the
// diagram can tell what each component did in the learner's language. Object names, component
// names and technical terms stay arguments (Latin script, isolated left-to-right in Hebrew).
import { parseStorageKey, resourceForName } from "@/lib/engine/apiserver/registry";
import type { TraceEntry } from "@/lib/engine/trace";
import type { Lane, TraceMessage } from "./view-model";

/** What the store says about an etcd entry's key at that revision (see replay.ts). */
export interface EntryFacts {
  /** For a write the learner's command made: what kind of request it was. */
  verb?: "create" | "update" | "delete" | "mark-deleted";
  /** The REST call behind it, e.g. "POST /apis/apps/v1/namespaces/default/deployments". */
  rest?: string;
  /** For an Event object: the event. */
  event?: { reason: string; message: string; type: string; component?: string; host?: string; name?: string; container?: string };
  /** For a Pod: how its status changed with this write. */
  pod?: { node?: string; phase: string; ready: boolean; before?: { phase: string; ready: boolean; node?: string } };
}

type Values = TraceMessage["values"];
const msg = (key: string, values: Values = {}): TraceMessage => ({ key, values });

/** "pods/default/web-1" → its parts; two segments name a cluster-scoped object. */
export function parseObject(object: string | undefined): { resource: string; namespace?: string; name: string } | undefined {
  if (!object) return undefined;
  const parts = object.split("/");
  if (parts.length === 2) return { resource: parts[0]!, name: parts[1]! };
  if (parts.length === 3) return { resource: parts[0]!, namespace: parts[1]!, name: parts[2]! };
  return undefined;
}

/** "/registry/deployments/default/web" → its resource, kind, namespace and name. */
export function parseRegistryKey(key: string | undefined): { resource: string; kind: string; namespace?: string; name: string } | undefined {
  const parsed = key ? parseStorageKey(key) : undefined;
  if (!parsed) return undefined;
  return { resource: parsed.info.resource, kind: parsed.info.kind, name: parsed.name, ...(parsed.namespace !== undefined ? { namespace: parsed.namespace } : {}) };
}

const kindOf = (resource: string) => resourceForName(resource)?.kind ?? resource;

const scoped = (o: { namespace?: string; name: string }, kind: string): Values =>
  o.namespace !== undefined ? { scope: "namespaced", kind, name: o.name, namespace: o.namespace } : { scope: "cluster", kind, name: o.name, namespace: "" };

const str = (v: unknown, fallback = "?") => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : fallback);
const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);

/**
 * Messages for the entries components note, by "actor action". Each takes the entry and returns
 * the message; an entry whose pair is missing here renders through `unknown`.
 */
export const NOTE_MESSAGES: Record<string, (e: TraceEntry) => TraceMessage> = {
  "kube-controller-manager create-replicaset": (e) => msg("controller.createReplicaset", { name: parseObject(e.object)?.name ?? str(e.object), replicas: num(e.detail?.replicas) }),
  "kube-controller-manager scale-replicaset": (e) => msg("controller.scaleReplicaset", { name: parseObject(e.object)?.name ?? str(e.object), from: num(e.detail?.from), to: num(e.detail?.to) }),
  "kube-controller-manager create-pod": (e) => msg("controller.createPod", { name: parseObject(e.object)?.name ?? str(e.object) }),
  "kube-controller-manager delete-pod": (e) => msg("controller.deletePod", { name: parseObject(e.object)?.name ?? str(e.object) }),
  "kube-controller-manager garbage-collect": (e) => {
    const o = parseObject(e.object);
    return msg("controller.garbageCollect", { kind: o ? kindOf(o.resource) : "?", name: o?.name ?? str(e.object) });
  },
  "kube-controller-manager node-unreachable": (e) => msg("controller.nodeUnreachable", { name: parseObject(e.object)?.name ?? str(e.object) }),
  "kube-controller-manager evict-pod": (e) => msg("controller.evictPod", { name: parseObject(e.object)?.name ?? str(e.object), node: str(e.detail?.node) }),
  "kube-controller-manager delete-namespace": (e) => msg("controller.deleteNamespace", { name: parseObject(e.object)?.name ?? str(e.object) }),
  "kube-controller-manager update-endpoints": (e) => msg("endpoints.update", { name: parseObject(e.object)?.name ?? str(e.object), ready: num(e.detail?.ready), notReady: num(e.detail?.notReady) }),
  "kube-scheduler bind": (e) => msg("scheduler.bind", { name: parseObject(e.object)?.name ?? str(e.object), node: str(e.detail?.node) }),
  "kube-scheduler unschedulable": (e) => msg("scheduler.unschedulable", { name: parseObject(e.object)?.name ?? str(e.object) }),
  "kubelet sandbox-created": (e) => msg("kubelet.sandboxCreated", { name: parseObject(e.object)?.name ?? str(e.object), ip: str(e.detail?.ip, "-") }),
  "kubelet container-started": (e) =>
    num(e.detail?.restarts) > 0
      ? msg("kubelet.containerRestarted", { container: str(e.detail?.container), name: parseObject(e.object)?.name ?? str(e.object), restarts: num(e.detail?.restarts) })
      : msg("kubelet.containerStarted", { container: str(e.detail?.container), name: parseObject(e.object)?.name ?? str(e.object) }),
  "kubelet pod-removed": (e) => msg("kubelet.podRemoved", { name: parseObject(e.object)?.name ?? str(e.object) }),
  "kubelet manifest-error": (e) => msg("kubelet.manifestError", { path: str(e.object), message: str(e.detail?.message, "") }),
  "docker network-create": (e) => msg("docker.networkCreate", { name: str(e.object), driver: str(e.detail?.driver) }),
  "docker network-remove": (e) => msg("docker.networkRemove", { name: str(e.object) }),
  "docker container-create": (e) => msg("docker.containerCreate", { name: str(e.object), image: str(e.detail?.image) }),
  "docker container-start": (e) => msg("docker.containerStart", { name: str(e.object) }),
  "docker container-stop": (e) => msg("docker.containerStop", { name: str(e.object) }),
  "docker container-remove": (e) => msg("docker.containerRemove", { name: str(e.object) }),
  "docker daemon-start": () => msg("docker.daemonStart"),
  "docker daemon-stop": () => msg("docker.daemonStop"),
};

/** The lane each noted action belongs to. */
function laneOf(e: TraceEntry): Lane | undefined {
  if (e.actor === "kube-controller-manager") return e.action === "update-endpoints" ? "endpoints" : "controller";
  if (e.actor === "kube-scheduler") return "scheduler";
  if (e.actor === "kubelet") return "kubelet";
  if (e.actor === "docker") return "docker";
  return undefined;
}

/** Any entry the map does not know: its actor, action and object, as they are. */
export function unknownMessage(e: Pick<TraceEntry, "actor" | "action" | "object">): TraceMessage {
  return msg("unknown", { actor: e.actor, action: e.action, object: e.object ?? "" });
}

/** Kubelet events worth a step of their own (Created and Started repeat container-started). */
const KUBELET_EVENTS: Record<string, string> = {
  Pulling: "kubelet.pulling",
  Pulled: "kubelet.pulled",
  Killing: "kubelet.killing",
  BackOff: "kubelet.backOff",
  Unhealthy: "kubelet.unhealthy",
  Failed: "kubelet.failed",
};

/** The image an event's message names: `Pulling image "nginx:1.27"`. */
const imageIn = (message: string) => /image "([^"]+)"/.exec(message)?.[1] ?? "?";

export function eventMessage(event: NonNullable<EntryFacts["event"]>): TraceMessage {
  const key = event.component === "kubelet" ? KUBELET_EVENTS[event.reason] : undefined;
  const name = event.name ?? "?";
  switch (key) {
    case "kubelet.pulling":
    case "kubelet.pulled":
      return msg(key, { image: imageIn(event.message), name });
    case "kubelet.killing":
      return msg(key, { container: event.container ?? "?", name });
    case "kubelet.backOff":
      return msg(key, { name });
    case "kubelet.unhealthy":
    case "kubelet.failed":
      return msg(key, { name, message: event.message });
    default:
      return msg("event", { reason: event.reason, message: event.message });
  }
}

/** One line of the command's full log: what this single entry says. */
export function entryMessage(e: TraceEntry, facts?: EntryFacts): TraceMessage {
  if (e.actor === "etcd" && (e.action === "put" || e.action === "delete")) {
    if (facts?.event) return eventMessage(facts.event);
    return msg(e.action === "put" ? "etcd.put" : "etcd.delete", { key: str(e.object), revision: num(e.detail?.revision) });
  }
  const note = NOTE_MESSAGES[`${e.actor} ${e.action}`];
  return note ? note(e) : unknownMessage(e);
}

export interface LaneItem {
  lane: Lane;
  message: TraceMessage;
  who?: string;
  detail?: string;
  warning?: boolean;
}

const API_VERBS = { create: "apiserver.create", update: "apiserver.update", delete: "apiserver.delete", "mark-deleted": "apiserver.markDeleted" } as const;

/**
 * The steps of the strip an entry stands for: a write the command made is a request to the
 * API server and a revision in etcd; notes go to their component's lane; Events of the kubelet
 * and Pod status changes go to the kubelet. Other writes (controllers' status updates) are
 * only in the full log.
 */
export function laneItems(e: TraceEntry, facts: EntryFacts | undefined, direct: boolean): LaneItem[] {
  if (e.actor === "etcd") {
    const key = parseRegistryKey(e.object);
    if (direct && key) {
      const verb = e.action === "delete" ? "delete" : facts?.verb;
      return [
        { lane: "apiserver", message: msg(verb ? API_VERBS[verb] : "apiserver.write", scoped(key, key.kind)), ...(facts?.rest ? { detail: facts.rest } : {}) },
        { lane: "etcd", message: msg(e.action === "delete" ? "etcd.delete" : "etcd.put", { key: str(e.object), revision: num(e.detail?.revision) }), detail: str(e.object) },
      ];
    }
    if (facts?.event && facts.event.component === "kubelet" && KUBELET_EVENTS[facts.event.reason]) {
      return [{ lane: "kubelet", message: eventMessage(facts.event), ...(facts.event.host ? { who: facts.event.host } : {}), warning: facts.event.type === "Warning" }];
    }
    const pod = facts?.pod;
    if (pod?.before && pod.node && pod.before.node === pod.node) {
      const name = key?.name ?? "?";
      let message: TraceMessage | undefined;
      if (pod.ready && !pod.before.ready) message = msg("kubelet.ready", { name });
      else if (!pod.ready && pod.before.ready) message = msg("kubelet.notReady", { name });
      else if (pod.phase !== pod.before.phase) message = msg(pod.phase === "Running" ? "kubelet.running" : "kubelet.phase", { name, phase: pod.phase });
      if (message) return [{ lane: "kubelet", message, who: pod.node, warning: pod.phase === "Failed" || (!pod.ready && pod.before.ready) }];
    }
    return [];
  }
  const lane = laneOf(e);
  if (!lane) return [];
  return [{ lane, message: entryMessage(e), ...(e.who ? { who: e.who } : {}), ...(e.action === "unschedulable" || e.action === "manifest-error" || e.action === "node-unreachable" ? { warning: true } : {}) }];
}

/** Every message key this module can produce (the messages test checks each locale has them). */
export const TRACE_MESSAGE_KEYS = [
  "apiserver.create",
  "apiserver.update",
  "apiserver.delete",
  "apiserver.markDeleted",
  "apiserver.write",
  "etcd.put",
  "etcd.delete",
  "controller.createReplicaset",
  "controller.scaleReplicaset",
  "controller.createPod",
  "controller.deletePod",
  "controller.garbageCollect",
  "controller.nodeUnreachable",
  "controller.evictPod",
  "controller.deleteNamespace",
  "endpoints.update",
  "scheduler.bind",
  "scheduler.unschedulable",
  "kubelet.sandboxCreated",
  "kubelet.containerStarted",
  "kubelet.containerRestarted",
  "kubelet.podRemoved",
  "kubelet.manifestError",
  "kubelet.pulling",
  "kubelet.pulled",
  "kubelet.killing",
  "kubelet.backOff",
  "kubelet.unhealthy",
  "kubelet.failed",
  "kubelet.ready",
  "kubelet.running",
  "kubelet.notReady",
  "kubelet.phase",
  "docker.networkCreate",
  "docker.networkRemove",
  "docker.containerCreate",
  "docker.containerStart",
  "docker.containerStop",
  "docker.containerRemove",
  "docker.daemonStart",
  "docker.daemonStop",
  "event",
  "unknown",
] as const;
