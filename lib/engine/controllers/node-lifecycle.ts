// The node lifecycle controller and the taint-based eviction that follows it. A node whose
// kubelet stops renewing its Lease for longer than the grace period goes Unknown, gets the
// unreachable taints, and its pods become NotReady; pods that tolerate the NoExecute taint for a
// while (300 s by default) are evicted when that time is up, so their controllers replace them.
import { clone, type Condition, type StoredObject, type Taint, type Toleration } from "../api/types";
import { ApiError } from "../apiserver/errors";

import type { Cluster, HeartbeatHandler, TimerHandler } from "../cluster";
import { tolerates } from "../scheduler/predicates";
import { info, setCondition } from "./util";

/** --node-monitor-grace-period: 40 s in Kubernetes v1.31 (raised to 50 s in v1.32). */
export const NODE_MONITOR_GRACE_MS = 40_000;
/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;

export const UNREACHABLE = "node.kubernetes.io/unreachable";
export const NOT_READY = "node.kubernetes.io/not-ready";
const SOURCE = { component: "node-controller" };

function leaseRenewTime(cluster: Cluster, node: string): number | undefined {
  const lease = cluster.api.tryGet(info("Lease"), "kube-node-lease", node);
  const t = lease?.spec?.renewTime as string | undefined;
  return t ? Date.parse(t) : undefined;
}

interface NodeHealth {
  /** The lease renewTime last seen. */
  renewTime?: number;
  /** When the controller last saw it change (the controller's own clock, not the kubelet's). */
  probe: number;
}

/** Forgets what the monitor observed (a restarted controller-manager starts afresh). */
export function resetNodeHealth(cluster: Cluster) {
  cluster.components.nodeHealth = {};
}

/** One pass of the node monitor over every node (a heartbeat: it runs every 5 s while active). */
export const monitorNodes: HeartbeatHandler = (cluster) => {
  if (!cluster.isRunning("kube-controller-manager")) return;
  const health = ((cluster.components.nodeHealth as Record<string, NodeHealth> | undefined) ??= {}) as Record<string, NodeHealth>;
  for (const node of cluster.api.list(info("Node"))) {
    const renewed = leaseRenewTime(cluster, node.metadata.name);
    const seen = health[node.metadata.name];
    // Like the real controller, staleness is measured from when this controller observed the
    // last renewal, so an API outage does not make every node look dead afterwards.
    if (!seen || seen.renewTime !== renewed) health[node.metadata.name] = { renewTime: renewed, probe: cluster.now() };
    const probe = health[node.metadata.name]!.probe;
    const ready = (node.status?.conditions as Condition[] | undefined)?.find((c) => c.type === "Ready");
    const stale = renewed !== undefined && cluster.now() - probe > NODE_MONITOR_GRACE_MS;
    if (stale && ready?.status !== "Unknown") markUnknown(cluster, node);
    else if (!stale) syncTaints(cluster, node, ready?.status === "True" ? [] : ready?.status === "False" ? [NOT_READY] : [UNREACHABLE]);
    syncUnschedulableTaint(cluster, node.metadata.name);
  }
};

function markUnknown(cluster: Cluster, node: StoredObject) {
  const now = cluster.api.timestamp();
  try {
    cluster.api.modify(info("Node"), undefined, node.metadata.name, (n) => {
      const conditions = (clone(n.status?.conditions ?? []) as Condition[]).map((c) =>
        ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"].includes(c.type)
          ? { ...c, status: "Unknown" as const, reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastTransitionTime: now }
          : c,
      );
      n.status = { ...n.status, conditions };
    }, { subresource: "status" });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return;
  }
  cluster.note("kube-controller-manager", "node-unreachable", `nodes/${node.metadata.name}`, undefined, "node-lifecycle-controller");
  cluster.event({ object: node, type: "Normal", reason: "NodeNotReady", message: `Node ${node.metadata.name} status is now: NodeNotReady`, source: SOURCE });
  syncTaints(cluster, node, [UNREACHABLE]);
  // Pods on a node nobody hears from are no longer ready: Services stop sending them traffic.
  for (const pod of cluster.api.list(info("Pod"), undefined, { fieldSelector: [{ field: "spec.nodeName", op: "=", value: node.metadata.name }] })) {
    try {
      cluster.api.modify(info("Pod"), pod.metadata.namespace, pod.metadata.name, (p) => {
        const ready = (p.status?.conditions as Condition[] | undefined)?.find((c) => c.type === "Ready");
        if (ready?.status === "False") return false;
        p.status = { ...p.status, conditions: setCondition(p.status?.conditions, { type: "Ready", status: "False", lastProbeTime: null }, now) };
      }, { subresource: "status" });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
}

/** Sets the node's not-ready/unreachable taints to exactly `wanted` (NoSchedule and NoExecute each). */
function syncTaints(cluster: Cluster, node: StoredObject, wanted: string[]) {
  const current = (node.spec?.taints ?? []) as Taint[];
  const managed = [UNREACHABLE, NOT_READY];
  const keep = current.filter((t) => !managed.includes(t.key) || wanted.includes(t.key));
  const add: Taint[] = [];
  for (const key of wanted) {
    for (const effect of ["NoSchedule", "NoExecute"] as const) {
      if (!keep.some((t) => t.key === key && t.effect === effect)) add.push({ key, effect, ...(effect === "NoExecute" ? { timeAdded: cluster.api.timestamp() } : {}) });
    }
  }
  if (add.length === 0 && keep.length === current.length) return;
  try {
    const updated = cluster.api.modify(info("Node"), undefined, node.metadata.name, (n) => {
      const taints = [...keep, ...add];
      if (taints.length) n.spec = { ...n.spec, taints };
      else if (n.spec) delete n.spec.taints;
    });
    scheduleEvictions(cluster, updated);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

export const UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

/** A cordoned node carries the unschedulable taint (TaintNodesByCondition), and loses it after. */
function syncUnschedulableTaint(cluster: Cluster, name: string) {
  const node = cluster.api.tryGet(info("Node"), undefined, name);
  if (!node) return;
  const taints = (node.spec?.taints ?? []) as Taint[];
  const has = taints.some((t) => t.key === UNSCHEDULABLE);
  const wanted = Boolean(node.spec?.unschedulable);
  if (has === wanted) return;
  try {
    cluster.api.modify(info("Node"), undefined, name, (n) => {
      const rest = ((n.spec?.taints ?? []) as Taint[]).filter((t) => t.key !== UNSCHEDULABLE);
      const next = wanted ? [...rest, { key: UNSCHEDULABLE, effect: "NoSchedule" as const, timeAdded: cluster.api.timestamp() }] : rest;
      if (next.length) n.spec = { ...n.spec, taints: next };
      else if (n.spec) delete n.spec.taints;
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

/** For each pod on a node with NoExecute taints: evict now, later, or never, by its tolerations. */
export function scheduleEvictions(cluster: Cluster, node: StoredObject) {
  const taints = ((node.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === "NoExecute");
  if (taints.length === 0) return;
  for (const pod of cluster.api.list(info("Pod"), undefined, { fieldSelector: [{ field: "spec.nodeName", op: "=", value: node.metadata.name }] })) {
    if (pod.metadata.deletionTimestamp) continue;
    let evictAt: number | undefined = undefined;
    let forever = true;
    for (const taint of taints) {
      const matching = ((pod.spec?.tolerations ?? []) as Toleration[]).filter((t) => tolerates(t, taint));
      const added = taint.timeAdded ? Date.parse(taint.timeAdded) : cluster.now();
      if (matching.length === 0) {
        evictAt = cluster.now();
        forever = false;
        break;
      }
      const seconds = matching.map((t) => t.tolerationSeconds).filter((s): s is number => typeof s === "number");
      if (seconds.length) {
        forever = false;
        const at = added + Math.max(0, Math.min(...seconds)) * 1000;
        evictAt = evictAt === undefined ? at : Math.min(evictAt, at);
      }
    }
    if (forever || evictAt === undefined) continue;
    cluster.schedule(Math.max(evictAt, cluster.now()), "taint-eviction", { namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid, node: node.metadata.name });
  }
}

export const taintEviction: TimerHandler = (cluster, payload: { namespace: string; name: string; uid: string; node: string }) => {
  if (!cluster.isRunning("kube-controller-manager")) return;
  const pod = cluster.api.tryGet(info("Pod"), payload.namespace, payload.name);
  if (!pod || pod.metadata.uid !== payload.uid || pod.metadata.deletionTimestamp || pod.spec?.nodeName !== payload.node) return;
  const node = cluster.api.tryGet(info("Node"), undefined, payload.node);
  const taints = ((node?.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === "NoExecute");
  // Still a NoExecute taint the pod does not tolerate forever?
  const stillDue = taints.some((taint) => {
    const matching = ((pod.spec?.tolerations ?? []) as Toleration[]).filter((t) => tolerates(t, taint));
    if (matching.length === 0) return true;
    const seconds = matching.map((t) => t.tolerationSeconds).filter((s): s is number => typeof s === "number");
    if (seconds.length === 0) return false;
    const added = taint.timeAdded ? Date.parse(taint.timeAdded) : cluster.now();
    return added + Math.min(...seconds) * 1000 <= cluster.now();
  });
  if (!stillDue) return;
  try {
    cluster.api.delete(info("Pod"), pod.metadata.namespace, pod.metadata.name);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return;
  }
  cluster.note("kube-controller-manager", "evict-pod", `pods/${payload.namespace}/${payload.name}`, { node: payload.node }, "taint-eviction-controller");
  cluster.event({ object: pod, type: "Normal", reason: "TaintManagerEviction", message: `Marking for deletion Pod ${payload.namespace}/${payload.name}`, source: { component: "taint-eviction-controller" } });
};

