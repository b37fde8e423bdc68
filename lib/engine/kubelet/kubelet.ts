// The kubelet, one per node: registers its Node, renews its Lease, reports node status, and runs
// the pods bound to its node through the container runtime (image pull, create, start, stop),
// reporting pod status and the real events back through the API server.
import type { Condition, Container, KubeObject, StoredObject } from "../api/types";
import { ApiError } from "../apiserver/errors";
import { phasedFrom, type Cluster, type HeartbeatHandler, type Reconciler, type TimerHandler } from "../cluster";
import { info } from "../controllers/util";
import { renderLogs, resolveImage } from "../images";
import {
  containerSpec,
  newContainerRuntime,
  onBackoffReport,
  onPulled,
  onPullBackoff,
  onPullFailed,
  onRestart,
  processPlan,
  pullAndStart,
  ref,
  sandboxDelay,
  startContainer,
  stopPodContainers,
  syncPodStatus,
  terminate,
  type ContainerRuntime,
  type PodRuntime,
  type RuntimeHost,
} from "./runtime";
import { armProbes, probeOf, probeTick, type ProbeKind } from "./probes";
import { componentRunning, publishAllMirrors, staticPodObject, staticSync, syncStaticPods } from "./static-pods";

export interface NodeSpec {
  name: string;
  ip: string;
  role: "control-plane" | "worker";
  /** Pod CIDR index: the node gets the index-th /24 from 10.244.0.0 (10.244.<index>.0/24 below 256). */
  podCidrIndex: number;
  cpu: string;
  memory: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: "NoSchedule" | "PreferNoSchedule" | "NoExecute" }[];
  osImage: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
  kubeletVersion: string;
}

export interface KubeletState {
  spec: NodeSpec;
  running: boolean;
  /** Last pod IP handed out (host-local IPAM continues after it, so IPs are not reused at once). */
  lastIp: number;
  pods: Record<string, PodRuntime>;
  images: string[];
}

const LEASE_PERIOD_MS = 10_000;
const STATUS_REPORT_MS = 300_000;
const SOURCE = (node: string) => ({ component: "kubelet", host: node });

/** The first three octets of a node's pod /24. */
export function podNetworkPrefix(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}`;
}

export function kubelets(cluster: Cluster): Record<string, KubeletState> {
  return ((cluster.components.kubelets as Record<string, KubeletState> | undefined) ??= {}) as Record<string, KubeletState>;
}

export function isKubeletRunning(cluster: Cluster, node: string): boolean {
  return kubelets(cluster)[node]?.running ?? false;
}

export function runtimeHost(state: KubeletState): RuntimeHost {
  return { node: state.spec.name, nodeIp: state.spec.ip, images: state.images, kernel: state.spec.kernelVersion };
}

function podKey(pod: KubeObject) {
  return `${pod.spec?.nodeName}|${pod.metadata.namespace}/${pod.metadata.name}`;
}

export const kubeletReconciler: Reconciler = {
  name: "kubelet",
  actor: "kubelet",
  delayMs: 20,
  watch: {
    Pod: (e) => (e.object.spec?.nodeName ? [podKey(e.object)] : []),
  },
  reconcile(cluster, key) {
    const [node, rest] = key.split("|") as [string, string];
    const state = kubelets(cluster)[node];
    if (!state?.running) return; // a stopped kubelet notices nothing; it resyncs when started
    const [namespace, name] = rest.split("/") as [string, string];
    const pod = cluster.api.tryGet(info("Pod"), namespace, name);
    // Runtimes of pods that are gone from the API (deleted for good, or replaced) are cleaned up.
    for (const [uid, rt] of Object.entries(state.pods)) {
      if (!rt.staticFile && rt.namespace === namespace && rt.name === name && (!pod || pod.metadata.uid !== uid || pod.spec?.nodeName !== node)) {
        if (rt.state !== "stopping") stopPodContainers(cluster, runtimeHost(state), rt, pod ?? ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace, uid }, spec: { containers: [] } } as KubeObject), 0);
        delete state.pods[uid];
      }
    }
    if (!pod || pod.spec?.nodeName !== node) {
      if (!pod) publishAllMirrors(cluster, state); // a deleted mirror pod comes right back
      return;
    }
    if (pod.metadata.annotations?.["kubernetes.io/config.mirror"]) {
      // Mirror pods only reflect static pods, which run from their manifests.
      if (pod.metadata.deletionTimestamp) {
        cluster.api.remove(info("Pod"), namespace, name);
        publishAllMirrors(cluster, state);
      }
      return;
    }
    const runtime = state.pods[pod.metadata.uid];
    if (pod.metadata.deletionTimestamp) {
      if (!runtime) {
        finishDeletion(cluster, pod);
      } else if (runtime.state !== "stopping") {
        const after = stopPodContainers(cluster, runtimeHost(state), runtime, pod, pod.metadata.deletionGracePeriodSeconds ?? 30);
        cluster.schedule(cluster.now() + after + 50, "kubelet.pod-stopped", { node, uid: pod.metadata.uid, namespace, name });
        syncPodStatus(cluster, runtimeHost(state), runtime, pod);
      }
      return;
    }
    if (!runtime && (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed")) return;
    if (!runtime) admitPod(cluster, state, pod);
  },
};

function allocateIp(state: KubeletState): string {
  // host-local IPAM: the next address after the last one handed out, wrapping within .2–.254.
  const used = new Set(Object.values(state.pods).map((p) => p.ip));
  for (let i = 0; i < 253; i++) {
    state.lastIp = state.lastIp >= 254 ? 2 : state.lastIp + 1;
    const ip = `${podNetworkPrefix(state.spec.podCidrIndex)}.${state.lastIp}`;
    if (!used.has(ip)) return ip;
  }
  throw new Error("pod CIDR exhausted");
}

/** A pod bound to this node: create its sandbox (IP), then pull and start its containers. */
function admitPod(cluster: Cluster, state: KubeletState, pod: StoredObject) {
  const ip = pod.spec?.hostNetwork ? state.spec.ip : allocateIp(state);
  const runtime: PodRuntime = {
    uid: pod.metadata.uid,
    namespace: pod.metadata.namespace!,
    name: pod.metadata.name,
    ip,
    state: "creating",
    admittedAt: cluster.now(),
    sandboxId: cluster.random.hex(64),
    containers: Object.fromEntries((pod.spec.containers as Container[]).map((c) => [c.name, newContainerRuntime(c)])),
  };
  state.pods[pod.metadata.uid] = runtime;
  const host = runtimeHost(state);
  cluster.note("kubelet", "sandbox-created", `pods/${runtime.namespace}/${runtime.name}`, { ip }, host.node);
  syncPodStatus(cluster, host, runtime, pod);
  let delay = sandboxDelay();
  for (const c of Object.values(runtime.containers)) {
    pullAndStart(cluster, host, runtime, pod, c, delay);
    delay += 10;
  }
}

function finishDeletion(cluster: Cluster, pod: StoredObject) {
  try {
    cluster.api.remove(info("Pod"), pod.metadata.namespace, pod.metadata.name, pod.metadata.resourceVersion);
    cluster.note("kubelet", "pod-removed", `pods/${pod.metadata.namespace}/${pod.metadata.name}`, undefined, pod.spec?.nodeName);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

interface ContainerTimer {
  node: string;
  uid: string;
  namespace: string;
  name: string;
  container: string;
  gen: number;
}

/** Looks up what a container timer refers to; nothing happens if it is stale. */
function withContainer<T extends ContainerTimer>(fn: (cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: StoredObject, c: ContainerRuntime, p: T, state: KubeletState) => void): TimerHandler {
  return (cluster, p: T) => {
    const state = kubelets(cluster)[p.node];
    if (!state?.running) return;
    const pod = state.pods[p.uid];
    const c = pod?.containers[p.container];
    if (!pod || !c || c.gen !== p.gen) return;
    // Static pods run from their manifest; others from the API object.
    const podObj = pod.staticFile ? (staticPodObject(state, p.uid) as StoredObject | undefined) : cluster.api.tryGet(info("Pod"), p.namespace, p.name);
    if (!podObj || podObj.metadata.uid !== p.uid) return;
    const host = runtimeHost(state);
    const before = componentStates(cluster);
    fn(cluster, host, pod, podObj, c, p, state);
    if (cluster.api.up()) syncPodStatus(cluster, host, pod, podObj);
    notifyComponentChanges(cluster, before);
  };
}

export const kubeletTimers: Record<string, TimerHandler> = {
  "kubelet.pulled": withContainer<ContainerTimer & { ms: number; size: number; imageId: string }>((cluster, host, pod, podObj, c, p) => onPulled(cluster, host, pod, podObj, c, p)),
  "kubelet.pull-failed": withContainer<ContainerTimer & { message: string; code: string }>((cluster, host, pod, podObj, c, p) => onPullFailed(cluster, host, pod, podObj, c, p)),
  "kubelet.pull-backoff": withContainer((cluster, host, pod, podObj, c) => onPullBackoff(cluster, host, pod, podObj, c)),
  "kubelet.pull-retry": withContainer((cluster, host, pod, podObj, c) => pullAndStart(cluster, host, pod, podObj, c, 0)),
  "kubelet.container-start": withContainer((cluster, host, pod, podObj, c) => startContainer(cluster, host, pod, podObj, c)),
  "kubelet.container-exit": withContainer<ContainerTimer & { code: number }>((cluster, host, pod, podObj, c, p) =>
    terminate(cluster, host, pod, podObj, c, { exitCode: p.code, reason: p.code === 0 ? "Completed" : "Error", startedAt: c.startedAt ?? 0 }),
  ),
  "kubelet.oom": withContainer((cluster, host, pod, podObj, c) => terminate(cluster, host, pod, podObj, c, { exitCode: 137, reason: "OOMKilled", startedAt: c.startedAt ?? 0 })),
  "kubelet.backoff-report": withContainer((cluster, host, pod, podObj, c) => onBackoffReport(cluster, host, pod, podObj, c)),
  "kubelet.restart": withContainer((cluster, host, pod, podObj, c) => onRestart(cluster, host, pod, podObj, c)),
  "kubelet.container-killed": withContainer<ContainerTimer & { code: number }>((cluster, host, pod, podObj, c, p) =>
    terminate(cluster, host, pod, podObj, c, { exitCode: p.code, reason: p.code === 0 ? "Completed" : "Error", startedAt: c.startedAt ?? 0 }),
  ),
  "kubelet.probe": withContainer<ContainerTimer & { kind: ProbeKind }>((cluster, host, pod, podObj, c, p) =>
    probeTick(cluster, host, pod, podObj, c, p.kind, {
      sync: () => undefined,
      startupPassed: () => armProbes(cluster, host, pod, podObj, c),
      kill: (reason) => {
        const spec = containerSpec(podObj, c.name);
        const grace = (probeOf(spec, p.kind)?.terminationGracePeriodSeconds ?? podObj.spec?.terminationGracePeriodSeconds ?? 30) as number;
        killContainer(cluster, host, pod, podObj, c, reason, grace);
      },
    }),
  ),
  "kubelet.static-sync": staticSync,
  "kubelet.pod-stopped": (cluster, p: { node: string; uid: string; namespace: string; name: string }) => {
    const state = kubelets(cluster)[p.node];
    if (!state?.running) return;
    delete state.pods[p.uid];
    const pod = cluster.api.tryGet(info("Pod"), p.namespace, p.name);
    if (pod && pod.metadata.uid === p.uid && pod.metadata.deletionTimestamp) finishDeletion(cluster, pod);
  },
};

/** Kills one container for a failed probe; it then restarts with back-off like any exit. */
function killContainer(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: StoredObject, c: ContainerRuntime, message: string, grace: number) {
  cluster.event({ object: podObj, type: "Normal", reason: "Killing", message, source: SOURCE(host.node), fieldPath: `spec.containers{${c.name}}` });
  const spec = containerSpec(podObj, c.name);
  const resolved = spec ? resolveImage(spec.image) : undefined;
  const plan = spec && resolved?.ok ? processPlan(resolved.image, spec, podObj, pod.ip) : undefined;
  const handles = plan?.handlesSigterm ?? true;
  c.gen++;
  c.ready = false;
  cluster.schedule(cluster.now() + (handles ? 150 : grace * 1000), "kubelet.container-killed", { ...ref(host, pod, c), code: handles ? (plan?.sigtermExitCode ?? 0) : 137 });
}

/** Log lines of a container (current or previous instance), for kubectl logs and crictl logs. */
export function containerLogs(cluster: Cluster, podObj: KubeObject, containerName: string, options: { previous?: boolean; tail?: number; since?: number; timestamps?: boolean } = {}): { ok: true; lines: { at: number; text: string }[] } | { ok: false; reason: "not-found" | "waiting" | "no-previous"; message: string } {
  const node = podObj.spec?.nodeName as string | undefined;
  const state = node ? kubelets(cluster)[node] : undefined;
  // A mirror pod's containers run under the static pod's uid.
  const uid = podObj.metadata.annotations?.["kubernetes.io/config.mirror"] ?? podObj.metadata.uid!;
  const pod = state?.pods[uid];
  const c = pod?.containers[containerName];
  const spec = containerSpec(podObj, containerName);
  if (!pod || !c || !spec) return { ok: false, reason: "waiting", message: `container "${containerName}" in pod "${podObj.metadata.name}" is waiting to start: ContainerCreating` };
  const resolved = resolveImage(spec.image);
  if (!resolved.ok) return { ok: false, reason: "waiting", message: `container "${containerName}" in pod "${podObj.metadata.name}" is waiting to start: trying and failing to pull image` };
  const plan = processPlan(resolved.image, spec, podObj, pod.ip);
  let startedAt: number | undefined;
  let until = cluster.now();
  if (options.previous) {
    const last = c.last ?? (c.state === "terminated" ? undefined : undefined);
    if (!last) return { ok: false, reason: "no-previous", message: `previous terminated container "${containerName}" in pod "${podObj.metadata.name}" not found` };
    startedAt = last.startedAt;
    until = last.finishedAt;
  } else {
    if (c.state === "waiting" && c.startedAt === undefined) {
      return { ok: false, reason: "waiting", message: `container "${containerName}" in pod "${podObj.metadata.name}" is waiting to start: ${c.reason ?? "ContainerCreating"}` };
    }
    if (c.state === "waiting" && c.last) {
      startedAt = c.last.startedAt;
      until = c.last.finishedAt;
    } else {
      startedAt = c.startedAt;
      if (c.state === "terminated" && c.finishedAt !== undefined) until = c.finishedAt;
    }
  }
  const lines = renderLogs(plan, startedAt ?? cluster.now(), until, { ...(options.tail !== undefined ? { tail: options.tail } : {}), ...(options.since !== undefined ? { since: options.since } : {}) }).map((l) => ({ at: l.at, text: l.text }));
  if (!options.previous) for (const e of c.extraLogs ?? []) if (e.at >= (startedAt ?? 0) && e.at <= until) lines.push({ at: e.at, text: e.text });
  lines.sort((a, b) => a.at - b.at);
  return { ok: true, lines: options.tail !== undefined ? lines.slice(Math.max(0, lines.length - options.tail)) : lines };
}

/** Appends a line a container wrote while serving a request (an access log line). */
export function appendContainerLog(cluster: Cluster, podObj: KubeObject, containerName: string, line: { stream: "stdout" | "stderr"; text: string }) {
  const node = podObj.spec?.nodeName as string | undefined;
  const uid = podObj.metadata.annotations?.["kubernetes.io/config.mirror"] ?? podObj.metadata.uid!;
  const c = node ? kubelets(cluster)[node]?.pods[uid]?.containers[containerName] : undefined;
  if (!c) return;
  const list = (c.extraLogs ??= []);
  list.push({ at: cluster.now(), ...line });
  if (list.length > 200) list.splice(0, list.length - 200);
}

export function qosClass(pod: KubeObject): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers = (pod.spec?.containers ?? []) as { resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }[];
  const anything = containers.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length);
  if (!anything) return "BestEffort";
  const guaranteed = containers.every((c) => {
    const l = c.resources?.limits ?? {};
    const r = c.resources?.requests ?? {};
    return ["cpu", "memory"].every((k) => l[k] !== undefined && (r[k] === undefined || r[k] === l[k]));
  });
  return guaranteed ? "Guaranteed" : "Burstable";
}

// ---- node registration and heartbeats ----

function nodeObject(spec: NodeSpec, now: string): KubeObject {
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": spec.name,
    "kubernetes.io/os": "linux",
    ...(spec.role === "control-plane" ? { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" } : {}),
    ...(spec.labels ?? {}),
  };
  const capacity = { cpu: spec.cpu, "ephemeral-storage": "101430960Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: spec.memory, pods: String(spec.pods ?? 110) };
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: spec.name,
      labels,
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "projectcalico.org/IPv4Address": `${spec.ip}/24`,
        "projectcalico.org/IPv4IPIPTunnelAddr": `${podNetworkPrefix(spec.podCidrIndex)}.1`,
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: {
      podCIDR: `${podNetworkPrefix(spec.podCidrIndex)}.0/24`,
      podCIDRs: [`${podNetworkPrefix(spec.podCidrIndex)}.0/24`],
      ...(spec.taints?.length ? { taints: spec.taints } : {}),
    },
    status: {
      addresses: [
        { address: spec.ip, type: "InternalIP" },
        { address: spec.name, type: "Hostname" },
      ],
      allocatable: { ...capacity, "ephemeral-storage": "93478772582" },
      capacity,
      conditions: nodeConditions(now, now),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64",
        bootID: "",
        containerRuntimeVersion: spec.containerRuntimeVersion,
        kernelVersion: spec.kernelVersion,
        kubeProxyVersion: "",
        kubeletVersion: spec.kubeletVersion,
        machineID: "",
        operatingSystem: "linux",
        osImage: spec.osImage,
        systemUUID: "",
      },
    },
  };
}

function nodeConditions(heartbeat: string, transition: string): Condition[] {
  return [
    { type: "NetworkUnavailable", status: "False", lastHeartbeatTime: heartbeat, lastTransitionTime: transition, reason: "CalicoIsUp", message: "Calico is running on this node" },
    { type: "MemoryPressure", status: "False", lastHeartbeatTime: heartbeat, lastTransitionTime: transition, reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" },
    { type: "DiskPressure", status: "False", lastHeartbeatTime: heartbeat, lastTransitionTime: transition, reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure" },
    { type: "PIDPressure", status: "False", lastHeartbeatTime: heartbeat, lastTransitionTime: transition, reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available" },
    { type: "Ready", status: "True", lastHeartbeatTime: heartbeat, lastTransitionTime: transition, reason: "KubeletReady", message: "kubelet is posting ready status" },
  ];
}

/**
 * Starts (or restarts) a node's kubelet: runs its static pods, registers or refreshes its Node
 * when the API server answers, then takes over its pods. `heartbeats: false` leaves the periodic
 * lease and status beats to the caller (the environment bootstrap starts them once the cluster
 * is up).
 */
export function startKubelet(cluster: Cluster, spec: NodeSpec, options: { heartbeats?: boolean; images?: string[] } = {}) {
  const all = kubelets(cluster);
  const state = (all[spec.name] ??= { spec, running: false, lastIp: 1, pods: {}, images: [...(options.images ?? [])] });
  state.spec = spec;
  const wasRunning = state.running;
  state.running = true;
  syncStaticPods(cluster, state);
  if (cluster.api.up()) {
    registerNode(cluster, spec, wasRunning);
    renewLease(cluster, spec.name);
    // Take over whatever is bound here: pods started before and pods bound while we were down.
    for (const pod of cluster.api.list(info("Pod"), undefined, { fieldSelector: [{ field: "spec.nodeName", op: "=", value: spec.name }] })) {
      cluster.enqueue("kubelet", podKey(pod));
    }
  }
  if (options.heartbeats !== false) startKubeletHeartbeats(cluster, spec);
}

/** Creates the Node object (first start) or reports it Ready again (restart). */
export function registerNode(cluster: Cluster, spec: NodeSpec, quiet = false) {
  const now = cluster.api.timestamp();
  const existing = cluster.api.tryGet(info("Node"), undefined, spec.name);
  if (!existing) {
    const node = nodeObject(spec, now);
    const created = cluster.api.create(node);
    cluster.api.updateStatus({ ...created, status: node.status });
    const machine = cluster.random.hex(32);
    cluster.api.modify(info("Node"), undefined, spec.name, (n) => {
      n.status.nodeInfo = { ...n.status.nodeInfo, machineID: machine, systemUUID: cluster.random.uuid(), bootID: cluster.random.uuid() };
    }, { subresource: "status" });
    cluster.event({ object: created, type: "Normal", reason: "Starting", message: "Starting kubelet.", source: SOURCE(spec.name) });
    cluster.event({ object: created, type: "Normal", reason: "RegisteredNode", message: `Node ${spec.name} event: Registered Node ${spec.name} in Controller`, source: { component: "node-controller" } });
  } else if (!quiet) {
    reportNodeStatus(cluster, spec.name, true);
  }
}

/** Starts a node's lease and status beats; `origin` is where their phases count from (see phasedFrom). */
export function startKubeletHeartbeats(cluster: Cluster, spec: NodeSpec, origin = 0) {
  cluster.startHeartbeat(phasedFrom(origin, { id: `kubelet-lease/${spec.name}`, handler: "kubelet-lease", arg: spec.name, periodMs: LEASE_PERIOD_MS, phaseMs: spec.podCidrIndex * 1000 }));
  cluster.startHeartbeat(phasedFrom(origin, { id: `kubelet-status/${spec.name}`, handler: "kubelet-status", arg: spec.name, periodMs: STATUS_REPORT_MS, phaseMs: spec.podCidrIndex * 1000 }));
}

/** Stops a node's kubelet: no more heartbeats, and nothing on the node changes until it is back. */
export function stopKubelet(cluster: Cluster, node: string) {
  const state = kubelets(cluster)[node];
  if (!state) return;
  state.running = false;
  cluster.stopHeartbeat(`kubelet-lease/${node}`);
  cluster.stopHeartbeat(`kubelet-status/${node}`);
}

export function renewLease(cluster: Cluster, node: string) {
  const leaseInfo = info("Lease");
  const micro = new Date(cluster.now()).toISOString().replace("Z", "000Z");
  try {
    const existing = cluster.api.tryGet(leaseInfo, "kube-node-lease", node);
    if (!existing) {
      const nodeObj = cluster.api.tryGet(info("Node"), undefined, node);
      cluster.api.create(
        {
          apiVersion: "coordination.k8s.io/v1",
          kind: "Lease",
          metadata: {
            name: node,
            namespace: "kube-node-lease",
            ...(nodeObj ? { ownerReferences: [{ apiVersion: "v1", kind: "Node", name: node, uid: nodeObj.metadata.uid }] } : {}),
          },
          spec: { holderIdentity: node, leaseDurationSeconds: 40, renewTime: micro },
        },
        "kube-node-lease",
      );
    } else {
      cluster.api.update({ ...existing, spec: { ...existing.spec, renewTime: micro } });
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

export const kubeletLeaseBeat: HeartbeatHandler = (cluster, node) => {
  if (isKubeletRunning(cluster, node)) renewLease(cluster, node);
};

function reportNodeStatus(cluster: Cluster, node: string, restarted: boolean) {
  const now = cluster.api.timestamp();
  try {
    cluster.api.modify(info("Node"), undefined, node, (n) => {
      const old = (n.status?.conditions ?? []) as Condition[];
      const fresh = nodeConditions(now, now).map((c) => {
        const prev = old.find((o) => o.type === c.type);
        return prev && prev.status === c.status ? { ...c, lastTransitionTime: prev.lastTransitionTime } : c;
      });
      n.status = { ...n.status, conditions: fresh };
    }, { subresource: "status" });
    if (restarted) {
      const n = cluster.api.get(info("Node"), undefined, node);
      cluster.event({ object: n, type: "Normal", reason: "Starting", message: "Starting kubelet.", source: SOURCE(node) });
      cluster.event({ object: n, type: "Normal", reason: "NodeReady", message: `Node ${node} status is now: NodeReady`, source: SOURCE(node) });
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

export const kubeletStatusBeat: HeartbeatHandler = (cluster, node) => {
  const state = kubelets(cluster)[node];
  if (!state?.running || !cluster.api.up()) return;
  if (!cluster.api.tryGet(info("Node"), undefined, node)) registerNode(cluster, state.spec);
  else reportNodeStatus(cluster, node, false);
};

// ---- control-plane components ----

type ComponentStates = Record<string, boolean>;
const COMPONENTS = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"];

function componentStates(cluster: Cluster): ComponentStates {
  return Object.fromEntries(COMPONENTS.map((c) => [c, componentRunning(cluster, c)]));
}

/** Lets the sandbox react when a control-plane component starts or stops (etcd, API server). */
function notifyComponentChanges(cluster: Cluster, before: ComponentStates) {
  const after = componentStates(cluster);
  for (const c of COMPONENTS) if (before[c] !== after[c]) cluster.onComponentChange?.(c, after[c]!);
}

