// kube-scheduler: takes pods with no node, filters the nodes (NodeUnschedulable, NodeName,
// TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, InterPodAffinity), scores the
// feasible ones (LeastAllocated, BalancedAllocation, TaintToleration, NodeAffinity,
// PodTopologySpread), breaks ties with the seeded PRNG and binds through the API. Pods that fit
// nowhere get a FailedScheduling event in the real format and wait for the cluster to change.
import type { KubeObject, StoredObject, Taint } from "../api/types";
import { ApiError } from "../apiserver/errors";
import { fromLabelSelector, matchesSelector } from "../apiserver/selectors";
import { objectKey, splitKey, type Cluster, type Reconciler } from "../cluster";
import { controllerRef, info, podRequests, quantityValue, setCondition } from "../controllers/util";
import { firstUntolerated, nodeMatchesAffinity, preferredAffinityScore, tolerates } from "./predicates";

export const SCHEDULER_NAME = "default-scheduler";
const SOURCE = { component: "default-scheduler" };

/** Plugins in the order the default profile runs them. */
export const FILTERS = ["NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts", "NodeResourcesFit", "InterPodAffinity"] as const;
export const SCORE_WEIGHTS = {
  TaintToleration: 3,
  NodeAffinity: 2,
  PodTopologySpread: 2,
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
} as const;

// Pods without requests count as this much when scoring (not when filtering), as upstream does.
const DEFAULT_CPU_MILLI = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

interface NodeInfo {
  node: StoredObject;
  name: string;
  allocCpu: number;
  allocMem: number;
  allocPods: number;
  reqCpu: number;
  reqMem: number;
  pods: number;
  /** Non-zero requests, for scoring. */
  scoreCpu: number;
  scoreMem: number;
  ports: Set<string>;
  podList: KubeObject[];
  /** Pods per controller uid, for spreading a workload's replicas. */
  owners: Map<string, number>;
  /** The node's NoSchedule and NoExecute taints (filtering), and its PreferNoSchedule ones (scoring). */
  hardTaints: Taint[];
  softTaints: Taint[];
  /** Schedulable and without NoSchedule/NoExecute taints: only resources can rule it out. */
  open: boolean;
}

/** What filtering and scoring need of the pod being scheduled, worked out once per pod. */
interface PodFacts {
  pod: KubeObject;
  req: ReturnType<typeof podRequests>;
  tolerations: Parameters<typeof tolerates>[0][];
  toleratesUnschedulable: boolean;
  hostPorts: string[];
  /** A nodeSelector or required node affinity to check. */
  nodeConstraints: boolean;
  antiTerms: PodAffinityTerm[];
  affinityTerms: PodAffinityTerm[];
}

/** Whether only resources decide where the pod fits (on open nodes, when no pod has anti-affinity). */
function onlyResources(facts: PodFacts, snapshot: Snapshot): boolean {
  return !facts.pod.spec?.nodeName && !facts.nodeConstraints && facts.hostPorts.length === 0 && facts.antiTerms.length === 0 && facts.affinityTerms.length === 0 && snapshot.holders.length === 0;
}

function podFacts(pod: KubeObject): PodFacts {
  const tolerations = (pod.spec?.tolerations ?? []) as Parameters<typeof tolerates>[0][];
  return {
    pod,
    req: podRequests(pod),
    tolerations,
    toleratesUnschedulable: tolerations.some((t) => tolerates(t, { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" })),
    hostPorts: hostPorts(pod),
    nodeConstraints: Object.keys(pod.spec?.nodeSelector ?? {}).length > 0 || Boolean(pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    antiTerms: (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as PodAffinityTerm[],
    affinityTerms: (pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as PodAffinityTerm[],
  };
}

/** The scheduler's view of the cluster for one batch, updated as it binds. */
interface Snapshot {
  nodes: NodeInfo[];
  byName: Map<string, NodeInfo>;
  holders: AntiAffinityHolder[];
}

export interface FilterVerdict {
  plugin: string;
  reasons: string[];
  /** True when preemption could not help (taints, affinity, node name, unschedulable). */
  unresolvable: boolean;
}

export interface SchedulingDecision {
  pod: string;
  at: number;
  node?: string;
  message?: string;
  /** Why each examined node was rejected (big clusters stop examining once enough nodes fit). */
  rejected: Record<string, FilterVerdict>;
  /** Per-node plugin scores (0–100 before weights) and weighted totals, for feasible nodes. */
  scores: Record<string, Record<string, number> & { total: number }>;
}

interface SchedulerState {
  /** Pods that fit nowhere, waiting for a cluster change. */
  unschedulable: Record<string, number>;
  /** Recent decisions, newest last, for "why did my pod land here". */
  decisions: SchedulingDecision[];
  /** Where the next pod's node search starts, so that searches rotate over the nodes. */
  nextStartNodeIndex?: number;
}

const DECISIONS_KEPT = 30;
// percentageOfNodesToScore's defaults: big clusters stop filtering once enough nodes fit.
const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE = 5;

/** How many feasible nodes are enough, as numFeasibleNodesToFind computes with the adaptive percentage. */
export function feasibleNodesToFind(allNodes: number): number {
  if (allNodes < MIN_FEASIBLE_NODES_TO_FIND) return allNodes;
  const percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE, 50 - Math.floor(allNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES_TO_FIND, Math.floor((allNodes * percentage) / 100));
}
const NODES_DETAILED = 50;

export function schedulerState(cluster: Cluster): SchedulerState {
  return ((cluster.components.scheduler as SchedulerState | undefined) ??= { unschedulable: {}, decisions: [] }) as SchedulerState;
}

function isPending(pod: KubeObject): boolean {
  return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && (pod.status?.phase ?? "Pending") === "Pending";
}

function retryUnschedulable(cluster: Cluster): string[] {
  return Object.keys(schedulerState(cluster).unschedulable);
}

export const scheduler: Reconciler = {
  name: "scheduler",
  actor: "kube-scheduler",
  delayMs: 10,
  watch: {
    Pod: (e, cluster) => {
      if (e.type !== "DELETED" && isPending(e.object)) return [objectKey(e.object)];
      // A pod leaving a node frees resources: pods waiting for room get another chance.
      if ((e.type === "DELETED" || e.object.metadata.deletionTimestamp) && e.object.spec?.nodeName) return retryUnschedulable(cluster);
      return [];
    },
    Node: (e, cluster) => {
      if (e.type === "MODIFIED" && JSON.stringify(e.old?.spec) === JSON.stringify(e.object.spec) && JSON.stringify(e.old?.metadata.labels) === JSON.stringify(e.object.metadata.labels) && JSON.stringify(e.old?.status?.allocatable) === JSON.stringify(e.object.status?.allocatable)) {
        return [];
      }
      return retryUnschedulable(cluster);
    },
  },
  reconcile(cluster, key) {
    scheduleBatch(cluster, [[key, undefined]]);
  },
  reconcileBatch(cluster, keys) {
    scheduleBatch(cluster, keys);
  },
};

function buildSnapshot(cluster: Cluster): Snapshot {
  const infos = new Map<string, NodeInfo>();
  for (const node of cluster.api.list(info("Node"))) {
    const alloc = node.status?.allocatable ?? {};
    const taints = (node.spec?.taints ?? []) as Taint[];
    infos.set(node.metadata.name, {
      node,
      name: node.metadata.name,
      allocCpu: Math.round(quantityValue(alloc.cpu) * 1000),
      allocMem: quantityValue(alloc.memory),
      allocPods: Number(alloc.pods ?? 110),
      reqCpu: 0,
      reqMem: 0,
      pods: 0,
      scoreCpu: 0,
      scoreMem: 0,
      ports: new Set(),
      podList: [],
      owners: new Map(),
      hardTaints: taints.filter((t) => t.effect === "NoSchedule" || t.effect === "NoExecute"),
      softTaints: taints.filter((t) => t.effect === "PreferNoSchedule"),
      open: !node.spec?.unschedulable && !taints.some((t) => t.effect === "NoSchedule" || t.effect === "NoExecute"),
    });
  }
  for (const pod of cluster.api.list(info("Pod"))) {
    const ni = pod.spec?.nodeName ? infos.get(pod.spec.nodeName) : undefined;
    if (!ni || pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") continue;
    addPod(ni, pod);
  }
  const nodes = [...infos.values()];
  return { nodes, byName: infos, holders: antiAffinityHolders(nodes) };
}

function addPod(ni: NodeInfo, pod: KubeObject) {
  const req = podRequests(pod);
  ni.reqCpu += req.cpu;
  ni.reqMem += req.memory;
  ni.pods += 1;
  ni.scoreCpu += req.cpu || DEFAULT_CPU_MILLI;
  ni.scoreMem += req.memory || DEFAULT_MEMORY;
  for (const port of hostPorts(pod)) ni.ports.add(port);
  ni.podList.push(pod);
  const owner = controllerRef(pod)?.uid;
  if (owner) ni.owners.set(owner, (ni.owners.get(owner) ?? 0) + 1);
}

function hostPorts(pod: KubeObject): string[] {
  const out: string[] = [];
  for (const c of (pod.spec?.containers ?? []) as { ports?: { hostPort?: number; protocol?: string; hostIP?: string }[] }[]) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? "TCP"}/${p.hostPort}`);
  }
  return out;
}

function taintText(t: Taint): string {
  return `{${t.key}: ${t.value ?? ""}}`;
}

/** Runs the filter plugins in order; the first failure decides, like the default profile. */
function filterNode(facts: PodFacts, ni: NodeInfo, snapshot: Snapshot): FilterVerdict | undefined {
  const { pod, req } = facts;
  const node = ni.node;
  if (node.spec?.unschedulable && !facts.toleratesUnschedulable) {
    return { plugin: "NodeUnschedulable", reasons: ["node(s) were unschedulable"], unresolvable: true };
  }
  if (pod.spec?.nodeName && pod.spec.nodeName !== ni.name) {
    return { plugin: "NodeName", reasons: ["node(s) didn't match the requested node name"], unresolvable: true };
  }
  const untolerated = ni.hardTaints.length > 0 ? firstUntolerated(ni.hardTaints, facts.tolerations) : undefined;
  if (untolerated) {
    return { plugin: "TaintToleration", reasons: [`node(s) had untolerated taint ${taintText(untolerated)}`], unresolvable: true };
  }
  if (facts.nodeConstraints && !nodeMatchesAffinity(pod as { spec: { nodeSelector?: Record<string, string> } }, node)) {
    return { plugin: "NodeAffinity", reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  }
  if (facts.hostPorts.length > 0 && facts.hostPorts.some((p) => ni.ports.has(p))) {
    return { plugin: "NodePorts", reasons: ["node(s) didn't have free ports for the requested pod ports"], unresolvable: false };
  }
  const tooMany = ni.pods + 1 > ni.allocPods;
  const noCpu = req.cpu > 0 && ni.reqCpu + req.cpu > ni.allocCpu;
  const noMemory = req.memory > 0 && ni.reqMem + req.memory > ni.allocMem;
  if (tooMany || noCpu || noMemory) {
    const insufficient: string[] = [];
    if (tooMany) insufficient.push("Too many pods");
    if (noCpu) insufficient.push("Insufficient cpu");
    if (noMemory) insufficient.push("Insufficient memory");
    return { plugin: "NodeResourcesFit", reasons: insufficient, unresolvable: false };
  }
  if (facts.antiTerms.length === 0 && facts.affinityTerms.length === 0 && snapshot.holders.length === 0) return undefined;
  const anti = violatesAntiAffinity(facts, ni, snapshot);
  if (anti) return { plugin: "InterPodAffinity", reasons: [anti], unresolvable: false };
  return undefined;
}

interface PodAffinityTerm {
  labelSelector?: Parameters<typeof fromLabelSelector>[0];
  topologyKey: string;
  namespaces?: string[];
}

function topologyValue(ni: NodeInfo, key: string): string | undefined {
  return ni.node.metadata.labels?.[key];
}

/** Pods already placed whose own required anti-affinity could reject an incoming pod. */
interface AntiAffinityHolder {
  node: NodeInfo;
  pod: KubeObject;
  terms: PodAffinityTerm[];
}

function antiAffinityHolders(nodes: NodeInfo[]): AntiAffinityHolder[] {
  const out: AntiAffinityHolder[] = [];
  for (const n of nodes) {
    for (const p of n.podList) {
      const holder = antiAffinityHolder(n, p);
      if (holder) out.push(holder);
    }
  }
  return out;
}

function antiAffinityHolder(node: NodeInfo, pod: KubeObject): AntiAffinityHolder | undefined {
  const terms = (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) as PodAffinityTerm[];
  return terms.length ? { node, pod, terms } : undefined;
}

/** Required pod anti-affinity (and affinity) by topology key, both directions. */
function violatesAntiAffinity(facts: PodFacts, ni: NodeInfo, snapshot: Snapshot): string | undefined {
  const { pod, antiTerms, affinityTerms } = facts;
  const ns = pod.metadata.namespace;
  const { nodes: allNodes, holders } = snapshot;
  if (antiTerms.length === 0 && affinityTerms.length === 0 && holders.length === 0) return undefined;
  const sameDomain = (term: PodAffinityTerm) => {
    const value = topologyValue(ni, term.topologyKey);
    return value === undefined ? [] : allNodes.filter((n) => topologyValue(n, term.topologyKey) === value);
  };
  const podsMatching = (term: PodAffinityTerm, nodes: NodeInfo[], namespace: string | undefined) => {
    const selector = fromLabelSelector(term.labelSelector);
    const namespaces = term.namespaces?.length ? term.namespaces : [namespace];
    return nodes.some((n) => n.podList.some((p) => namespaces.includes(p.metadata.namespace) && matchesSelector(selector, p.metadata.labels)));
  };
  for (const term of antiTerms) {
    if (podsMatching(term, sameDomain(term), ns)) return "node(s) didn't match pod anti-affinity rules";
  }
  // Existing pods' anti-affinity against the incoming pod.
  for (const { node: n, pod: existing, terms } of holders) {
    for (const term of terms) {
      const value = topologyValue(n, term.topologyKey);
      if (value === undefined || topologyValue(ni, term.topologyKey) !== value) continue;
      const namespaces = term.namespaces?.length ? term.namespaces : [existing.metadata.namespace];
      if (namespaces.includes(ns) && matchesSelector(fromLabelSelector(term.labelSelector), pod.metadata.labels)) {
        return "node(s) didn't satisfy existing pods anti-affinity rules";
      }
    }
  }
  for (const term of affinityTerms) {
    if (!podsMatching(term, sameDomain(term), ns)) return "node(s) didn't match pod affinity rules";
  }
  return undefined;
}

type NodeScores = Record<string, number> & { total: number };

const SCRATCH: Scores & { size: number } = { size: 0, fit: new Float64Array(0), balanced: new Float64Array(0), prefer: new Float64Array(0), affinity: new Float64Array(0), spread: new Float64Array(0), totals: new Float64Array(0), maxPrefer: 0, maxAffinity: 0, maxSpread: 0 };

/** Score arrays for `n` nodes, reused from pod to pod (a pod's scores are read before the next is scored). */
function scratch(n: number): Scores {
  if (SCRATCH.size < n) {
    const size = Math.max(n, SCRATCH.size * 2, 64);
    Object.assign(SCRATCH, { size, fit: new Float64Array(size), balanced: new Float64Array(size), prefer: new Float64Array(size), affinity: new Float64Array(size), spread: new Float64Array(size), totals: new Float64Array(size) });
  }
  return SCRATCH;
}

interface Scores {
  /** Weighted totals in feasible order (only the first `count` entries are this pod's). */
  totals: Float64Array;
  fit: Float64Array;
  balanced: Float64Array;
  prefer: Float64Array;
  affinity: Float64Array;
  spread: Float64Array;
  maxPrefer: number;
  maxAffinity: number;
  maxSpread: number;
}

const taintScore = (s: Scores, i: number) => (s.maxPrefer ? Math.floor((1 - s.prefer[i]! / s.maxPrefer) * 100) : 100);
const affinityScore = (s: Scores, i: number) => (s.maxAffinity ? Math.floor((s.affinity[i]! / s.maxAffinity) * 100) : 0);
const spreadScore = (s: Scores, i: number) => (s.maxSpread ? Math.floor((1 - s.spread[i]! / s.maxSpread) * 100) : 100);

/** The per-plugin breakdown of one node's score (0–100 before weights) and its total. */
function scoreDetails(s: Scores, i: number): NodeScores {
  return {
    NodeResourcesFit: s.fit[i]!,
    NodeResourcesBalancedAllocation: s.balanced[i]!,
    TaintToleration: taintScore(s, i),
    NodeAffinity: affinityScore(s, i),
    PodTopologySpread: spreadScore(s, i),
    total: s.totals[i]!,
  };
}

/**
 * Scores the feasible nodes, in feasible order, in shared scratch space: read the scores
 * before scoring the next pod.
 */
function scoreNodes(facts: PodFacts, feasible: NodeInfo[]): Scores {
  const { pod, req, tolerations } = facts;
  const podCpu = req.cpu || DEFAULT_CPU_MILLI;
  const podMem = req.memory || DEFAULT_MEMORY;
  const hasPreferred = Boolean(pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length);
  const owner = controllerRef(pod)?.uid;
  const n = feasible.length;
  const s = scratch(n);
  const { fit, balanced, prefer, affinity, spread, totals } = s;
  let maxPrefer = 0;
  let maxAffinity = 0;
  let maxSpread = 0;
  for (let i = 0; i < n; i++) {
    const ni = feasible[i]!;
    const cpuFree = ni.allocCpu > 0 ? Math.max(0, ni.allocCpu - ni.scoreCpu - podCpu) / ni.allocCpu : 0;
    const memFree = ni.allocMem > 0 ? Math.max(0, ni.allocMem - ni.scoreMem - podMem) / ni.allocMem : 0;
    const cpuFrac = ni.allocCpu > 0 ? Math.min(1, (ni.reqCpu + req.cpu) / ni.allocCpu) : 1;
    const memFrac = ni.allocMem > 0 ? Math.min(1, (ni.reqMem + req.memory) / ni.allocMem) : 1;
    fit[i] = Math.floor(((cpuFree + memFree) / 2) * 100);
    balanced[i] = Math.floor((1 - Math.abs(cpuFrac - memFrac) / 2) * 100);
    const soft = ni.softTaints;
    const p = soft.length ? untoleratedCount(soft, tolerations) : 0;
    const a = hasPreferred ? preferredAffinityScore(pod, ni.node) : 0;
    const o = owner ? (ni.owners.get(owner) ?? 0) : 0;
    prefer[i] = p;
    affinity[i] = a;
    spread[i] = o;
    if (p > maxPrefer) maxPrefer = p;
    if (a > maxAffinity) maxAffinity = a;
    if (o > maxSpread) maxSpread = o;
  }
  s.maxPrefer = maxPrefer;
  s.maxAffinity = maxAffinity;
  s.maxSpread = maxSpread;
  for (let i = 0; i < n; i++) {
    totals[i] =
      fit[i]! * SCORE_WEIGHTS.NodeResourcesFit +
      balanced[i]! * SCORE_WEIGHTS.NodeResourcesBalancedAllocation +
      taintScore(s, i) * SCORE_WEIGHTS.TaintToleration +
      affinityScore(s, i) * SCORE_WEIGHTS.NodeAffinity +
      spreadScore(s, i) * SCORE_WEIGHTS.PodTopologySpread;
  }
  return s;
}

function untoleratedCount(taints: Taint[], tolerations: Parameters<typeof tolerates>[0][]): number {
  let count = 0;
  for (const t of taints) if (!tolerations.some((tol) => tolerates(tol, t))) count++;
  return count;
}

/** Indices of the `k` best totals, best first, ties in index order (what a stable sort gives). */
function bestIndices(totals: Float64Array, n: number, k: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = totals[i]!;
    if (best.length === k && t <= totals[best[k - 1]!]!) continue;
    let at = best.length;
    while (at > 0 && totals[best[at - 1]!]! < t) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
  }
  return best;
}

/** The FailedScheduling message, built like the scheduler's FitError. */
export function fitErrorMessage(total: number, rejected: FilterVerdict[], preemptible: boolean): string {
  const histogram = new Map<string, number>();
  for (const v of rejected) for (const r of v.reasons) histogram.set(r, (histogram.get(r) ?? 0) + 1);
  const reasons = [...histogram].map(([r, n]) => `${n} ${r}`).sort();
  let message = `0/${total} nodes are available`;
  if (reasons.length) message += `: ${reasons.join(", ")}.`;
  else message += ".";
  if (!preemptible) return message;
  const unhelpful = rejected.filter((v) => v.unresolvable).length;
  const noVictims = rejected.length - unhelpful;
  const parts: string[] = [];
  if (unhelpful) parts.push(`${unhelpful} Preemption is not helpful for scheduling`);
  if (noVictims) parts.push(`${noVictims} No preemption victims found for incoming pod`);
  parts.sort();
  message += ` preemption: 0/${total} nodes are available: ${parts.join(", ")}.`;
  return message;
}

function scheduleBatch(cluster: Cluster, keys: [string, number | undefined][]) {
  const state = schedulerState(cluster);
  const podInfo = info("Pod");
  const pods: { pod: StoredObject; cause: number | undefined }[] = [];
  for (const [key, cause] of keys) {
    const { namespace, name } = splitKey(key);
    const pod = cluster.api.tryGet(podInfo, namespace, name);
    if (!pod || !isPending(pod)) {
      delete state.unschedulable[key];
      continue;
    }
    pods.push({ pod, cause });
  }
  if (pods.length === 0) return;
  // PrioritySort: higher priority first, then first come, first served.
  // (Creation timestamps are RFC 3339 of one length: code-point order is time order.)
  const byTime = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  pods.sort(
    (a, b) =>
      (b.pod.spec?.priority ?? 0) - (a.pod.spec?.priority ?? 0) ||
      byTime(a.pod.metadata.creationTimestamp ?? "", b.pod.metadata.creationTimestamp ?? "") ||
      Number(a.pod.metadata.resourceVersion) - Number(b.pod.metadata.resourceVersion),
  );
  const snapshot = buildSnapshot(cluster);
  // Every pod leaves one decision and only the last DECISIONS_KEPT are kept (nothing reads
  // them during the batch): the explanations of the others would be dropped unread.
  const explainFrom = pods.length - DECISIONS_KEPT;
  for (let i = 0; i < pods.length; i++) {
    const { pod, cause } = pods[i]!;
    const explain = i >= explainFrom;
    cluster.trace.within(cause, () => scheduleOne(cluster, pod, snapshot, state, explain));
  }
}

function scheduleOne(cluster: Cluster, pod: StoredObject, snapshot: Snapshot, state: SchedulerState, explain: boolean) {
  const nodes = snapshot.nodes;
  const key = objectKey(pod);
  const rejected: Record<string, FilterVerdict> = {};
  const feasible: NodeInfo[] = [];
  const facts = podFacts(pod);
  const enough = feasibleNodesToFind(nodes.length);
  const start = nodes.length ? (state.nextStartNodeIndex ?? 0) % nodes.length : 0;
  let processed = 0;
  const { cpu, memory } = facts.req;
  const simple = onlyResources(facts, snapshot);
  for (let at = start; processed < nodes.length && feasible.length < enough; processed++) {
    const ni = nodes[at]!;
    if (++at === nodes.length) at = 0;
    // The common case in a few comparisons: an open node with room (what filterNode concludes too).
    if (simple && ni.open && ni.pods + 1 <= ni.allocPods && !(cpu > 0 && ni.reqCpu + cpu > ni.allocCpu) && !(memory > 0 && ni.reqMem + memory > ni.allocMem)) {
      feasible.push(ni);
      continue;
    }
    const verdict = filterNode(facts, ni, snapshot);
    if (verdict) rejected[ni.name] = verdict;
    else feasible.push(ni);
  }
  if (nodes.length) state.nextStartNodeIndex = (start + processed) % nodes.length;
  const decision: SchedulingDecision = { pod: key, at: cluster.now(), rejected: {}, scores: {} };
  if (explain) for (const [name, v] of Object.entries(rejected).slice(0, NODES_DETAILED)) decision.rejected[name] = v;

  if (feasible.length === 0) {
    const message = nodes.length === 0 ? "no nodes available to schedule pods" : fitErrorMessage(nodes.length, Object.values(rejected), true);
    decision.message = message;
    remember(state, decision);
    state.unschedulable[key] = cluster.now();
    cluster.note("kube-scheduler", "unschedulable", `pods/${key}`, { message });
    cluster.event({ object: pod, type: "Warning", reason: "FailedScheduling", message, source: SOURCE });
    try {
      cluster.api.modify(info("Pod"), pod.metadata.namespace, pod.metadata.name, (p) => {
        const conditions = setCondition(p.status?.conditions, { type: "PodScheduled", status: "False", reason: "Unschedulable", message, lastProbeTime: null }, cluster.api.timestamp());
        const before = JSON.stringify(p.status?.conditions ?? []);
        p.status = { ...(p.status ?? {}), phase: "Pending", conditions };
        if (JSON.stringify(conditions) === before) return false;
      }, { subresource: "status" });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    return;
  }

  const scores = scoreNodes(facts, feasible);
  const totals = scores.totals;
  let best = -1;
  let bestScore = -1;
  let ties = 0;
  for (let i = 0; i < feasible.length; i++) {
    const total = totals[i]!;
    if (total > bestScore) {
      best = i;
      bestScore = total;
      ties = 1;
    } else if (total === bestScore) {
      // Reservoir sampling over equal scores, as selectHost does, with the seeded PRNG.
      ties++;
      if (cluster.random.int(ties) === 0) best = i;
    }
  }
  if (explain) for (const i of bestIndices(totals, feasible.length, NODES_DETAILED)) decision.scores[feasible[i]!.name] = scoreDetails(scores, i);
  const chosen = feasible[best]!;
  decision.node = chosen.name;
  remember(state, decision);
  delete state.unschedulable[key];

  try {
    cluster.api.bind(pod.metadata.namespace!, pod.metadata.name, chosen.name);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return;
  }
  addPod(chosen, pod);
  const holder = antiAffinityHolder(chosen, pod);
  if (holder) snapshot.holders.push(holder);
  cluster.note("kube-scheduler", "bind", `pods/${key}`, { node: chosen.name, feasible: feasible.length, score: bestScore });
  cluster.event({
    object: pod,
    type: "Normal",
    reason: "Scheduled",
    message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${chosen.name}`,
    source: SOURCE,
  });
}

function remember(state: SchedulerState, decision: SchedulingDecision) {
  state.decisions.push(decision);
  if (state.decisions.length > DECISIONS_KEPT) state.decisions.splice(0, state.decisions.length - DECISIONS_KEPT);
}
