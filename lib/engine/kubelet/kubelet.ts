// The kubelet, one per node: registers its Node, renews its Lease, reports node status, and runs
// the pods bound to its node through the container runtime (image pull, create, start, stop),
// reporting pod status and the real events back through the API server.
import { clone, type Condition, type KubeObject, type StoredObject } from "../api/types";
import { ApiError } from "../apiserver/errors";
import type { Cluster, HeartbeatHandler, Reconciler, TimerHandler } from "../cluster";
import { info, setCondition } from "../controllers/util";
import { pullDurationMs, resolveImage } from "../images";
import { goDuration } from "../util/go-format";

export interface NodeSpec {
  name: string;
  ip: string;
  role: "control-plane" | "worker";
  /** Pod CIDR index: the node gets 10.244.<index>.0/24. */
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

interface PodRuntime {
  ip: string;
  state: "creating" | "running" | "stopping";
  startedAt?: number;
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

export function kubelets(cluster: Cluster): Record<string, KubeletState> {
  return ((cluster.components.kubelets as Record<string, KubeletState> | undefined) ??= {}) as Record<string, KubeletState>;
}

export function isKubeletRunning(cluster: Cluster, node: string): boolean {
  return kubelets(cluster)[node]?.running ?? false;
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
    if (!pod || pod.spec?.nodeName !== node) {
      for (const [uid, rt] of Object.entries(state.pods)) if (!rt) delete state.pods[uid];
      return;
    }
    const uid = pod.metadata.uid;
    const runtime = state.pods[uid];
    if (pod.metadata.deletionTimestamp) {
      if (runtime?.state !== "stopping") stopPod(cluster, state, pod);
      return;
    }
    if (!runtime && (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed")) return;
    if (!runtime) startPod(cluster, state, pod);
  },
};

function allocateIp(state: KubeletState): string {
  // host-local IPAM: the next address after the last one handed out, wrapping within .2–.254.
  const used = new Set(Object.values(state.pods).map((p) => p.ip));
  for (let i = 0; i < 253; i++) {
    state.lastIp = state.lastIp >= 254 ? 2 : state.lastIp + 1;
    const ip = `10.244.${state.spec.podCidrIndex}.${state.lastIp}`;
    if (!used.has(ip)) return ip;
  }
  throw new Error("pod CIDR exhausted");
}

function startPod(cluster: Cluster, state: KubeletState, pod: StoredObject) {
  const node = state.spec.name;
  const ip = pod.spec?.hostNetwork ? state.spec.ip : allocateIp(state);
  state.pods[pod.metadata.uid] = { ip, state: "creating" };
  const now = cluster.api.timestamp();
  const names = (pod.spec.containers as { name: string }[]).map((c) => c.name);
  updatePodStatus(cluster, pod, (status) => {
    status.phase = "Pending";
    status.hostIP = state.spec.ip;
    status.hostIPs = [{ ip: state.spec.ip }];
    status.podIP = ip;
    status.podIPs = [{ ip }];
    status.startTime = now;
    status.qosClass = qosClass(pod);
    status.conditions = [
      { type: "PodReadyToStartContainers", status: "True", lastProbeTime: null, lastTransitionTime: now },
      { type: "Initialized", status: "True", lastProbeTime: null, lastTransitionTime: now },
      { type: "Ready", status: "False", lastProbeTime: null, lastTransitionTime: now, reason: "ContainersNotReady", message: `containers with unready status: [${names.join(" ")}]` },
      { type: "ContainersReady", status: "False", lastProbeTime: null, lastTransitionTime: now, reason: "ContainersNotReady", message: `containers with unready status: [${names.join(" ")}]` },
      ...((status.conditions as Condition[] | undefined) ?? []).filter((c) => c.type === "PodScheduled"),
    ];
    status.containerStatuses = (pod.spec.containers as { name: string; image: string }[]).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: "",
      ready: false,
      restartCount: 0,
      started: false,
      state: { waiting: { reason: "ContainerCreating" } },
      lastState: {},
    }));
  });
  cluster.note("kubelet", "sandbox-created", `pods/${pod.metadata.namespace}/${pod.metadata.name}`, { ip }, node);
  // Pull each image in turn; the containers start when the last pull is done.
  let delay = 0;
  for (const c of pod.spec.containers as { name: string; image: string; imagePullPolicy?: string }[]) {
    const resolved = resolveImage(c.image);
    const present = resolved.ok && state.images.includes(resolved.image.id);
    const policy = c.imagePullPolicy ?? "IfNotPresent";
    const fieldPath = `spec.containers{${c.name}}`;
    if (resolved.ok && (policy === "Always" || !present)) {
      const ms = pullDurationMs(resolved.image.compressedBytes);
      cluster.event({ object: pod, type: "Normal", reason: "Pulling", message: `Pulling image "${c.image}"`, source: SOURCE(node), fieldPath });
      delay += ms;
      cluster.schedule(cluster.now() + delay, "kubelet.pulled", { node, uid: pod.metadata.uid, namespace: pod.metadata.namespace, name: pod.metadata.name, container: c.name, image: c.image, ms, size: resolved.image.sizeBytes, id: resolved.image.id });
    } else if (resolved.ok) {
      cluster.event({ object: pod, type: "Normal", reason: "Pulled", message: `Container image "${c.image}" already present on machine`, source: SOURCE(node), fieldPath });
    }
  }
  cluster.schedule(cluster.now() + delay + 50, "kubelet.start", { node, uid: pod.metadata.uid, namespace: pod.metadata.namespace, name: pod.metadata.name });
}

export const kubeletPulled: TimerHandler = (cluster, p: { node: string; uid: string; namespace: string; name: string; container: string; image: string; ms: number; size: number; id: string }) => {
  const state = kubelets(cluster)[p.node];
  if (!state?.running || !state.pods[p.uid]) return;
  if (!state.images.includes(p.id)) state.images.push(p.id);
  const pod = cluster.api.tryGet(info("Pod"), p.namespace, p.name);
  if (!pod || pod.metadata.uid !== p.uid) return;
  const took = goDuration(p.ms * 1e6);
  cluster.event({
    object: pod,
    type: "Normal",
    reason: "Pulled",
    message: `Successfully pulled image "${p.image}" in ${took} (${took} including waiting). Image size: ${p.size} bytes.`,
    source: SOURCE(p.node),
    fieldPath: `spec.containers{${p.container}}`,
  });
};

export const kubeletStart: TimerHandler = (cluster, p: { node: string; uid: string; namespace: string; name: string }) => {
  const state = kubelets(cluster)[p.node];
  const runtime = state?.pods[p.uid];
  if (!state?.running || !runtime || runtime.state !== "creating") return;
  const pod = cluster.api.tryGet(info("Pod"), p.namespace, p.name);
  if (!pod || pod.metadata.uid !== p.uid || pod.metadata.deletionTimestamp) return;
  runtime.state = "running";
  runtime.startedAt = cluster.now();
  const now = cluster.api.timestamp();
  for (const c of pod.spec.containers as { name: string }[]) {
    const fieldPath = `spec.containers{${c.name}}`;
    cluster.event({ object: pod, type: "Normal", reason: "Created", message: `Created container ${c.name}`, source: SOURCE(p.node), fieldPath });
    cluster.event({ object: pod, type: "Normal", reason: "Started", message: `Started container ${c.name}`, source: SOURCE(p.node), fieldPath });
  }
  updatePodStatus(cluster, pod, (status) => {
    status.phase = "Running";
    status.containerStatuses = (pod.spec.containers as { name: string; image: string }[]).map((c) => {
      const resolved = resolveImage(c.image);
      return {
        name: c.name,
        image: resolved.ok ? resolved.reference.normalized : c.image,
        imageID: resolved.ok ? `${resolved.reference.repository}@${resolved.image.digest}` : "",
        containerID: `containerd://${cluster.random.hex(64)}`,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: now } },
        lastState: {},
      };
    });
    let conditions = (status.conditions as Condition[] | undefined) ?? [];
    conditions = setCondition(conditions, { type: "Ready", status: "True", lastProbeTime: null }, now);
    conditions = setCondition(conditions, { type: "ContainersReady", status: "True", lastProbeTime: null }, now);
    status.conditions = conditions;
  });
  cluster.note("kubelet", "containers-started", `pods/${p.namespace}/${p.name}`, undefined, p.node);
};

function stopPod(cluster: Cluster, state: KubeletState, pod: StoredObject) {
  const node = state.spec.name;
  const runtime = state.pods[pod.metadata.uid];
  if (runtime?.state === "running") {
    for (const c of pod.spec.containers as { name: string }[]) {
      cluster.event({ object: pod, type: "Normal", reason: "Killing", message: `Stopping container ${c.name}`, source: SOURCE(node), fieldPath: `spec.containers{${c.name}}` });
    }
  }
  if (runtime) runtime.state = "stopping";
  // The processes exit on SIGTERM almost at once; the kubelet then removes the pod for good.
  const grace = pod.metadata.deletionGracePeriodSeconds ?? 30;
  cluster.schedule(cluster.now() + Math.min(grace * 1000, 500), "kubelet.stopped", { node, uid: pod.metadata.uid, namespace: pod.metadata.namespace, name: pod.metadata.name });
}

export const kubeletStopped: TimerHandler = (cluster, p: { node: string; uid: string; namespace: string; name: string }) => {
  const state = kubelets(cluster)[p.node];
  if (!state?.running) return;
  delete state.pods[p.uid];
  const pod = cluster.api.tryGet(info("Pod"), p.namespace, p.name);
  if (!pod || pod.metadata.uid !== p.uid) return;
  try {
    cluster.api.remove(info("Pod"), p.namespace, p.name, pod.metadata.resourceVersion);
    cluster.note("kubelet", "pod-removed", `pods/${p.namespace}/${p.name}`, undefined, p.node);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
};

function updatePodStatus(cluster: Cluster, pod: StoredObject, mutate: (status: Record<string, unknown>) => void) {
  try {
    cluster.api.modify(info("Pod"), pod.metadata.namespace, pod.metadata.name, (p) => {
      const status = clone(p.status ?? {});
      mutate(status);
      p.status = status;
    }, { subresource: "status" });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
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
        "projectcalico.org/IPv4IPIPTunnelAddr": `10.244.${spec.podCidrIndex}.1`,
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: {
      podCIDR: `10.244.${spec.podCidrIndex}.0/24`,
      podCIDRs: [`10.244.${spec.podCidrIndex}.0/24`],
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
 * Starts (or restarts) a node's kubelet: registers or refreshes its Node, then takes over its
 * pods. `heartbeats: false` leaves the periodic lease and status beats to the caller (the
 * environment bootstrap starts them once the cluster is up).
 */
export function startKubelet(cluster: Cluster, spec: NodeSpec, options: { heartbeats?: boolean } = {}) {
  const all = kubelets(cluster);
  const state = (all[spec.name] ??= { spec, running: false, lastIp: 1, pods: {}, images: [] });
  state.spec = spec;
  state.running = true;
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
  } else {
    reportNodeStatus(cluster, spec.name, true);
  }
  renewLease(cluster, spec.name);
  if (options.heartbeats !== false) startKubeletHeartbeats(cluster, spec);
  // Take over whatever is bound here: pods started before and pods bound while we were down.
  for (const pod of cluster.api.list(info("Pod"), undefined, { fieldSelector: [{ field: "spec.nodeName", op: "=", value: spec.name }] })) {
    cluster.enqueue("kubelet", podKey(pod));
  }
}

export function startKubeletHeartbeats(cluster: Cluster, spec: NodeSpec) {
  cluster.startHeartbeat({ id: `kubelet-lease/${spec.name}`, handler: "kubelet-lease", arg: spec.name, periodMs: LEASE_PERIOD_MS, phaseMs: (spec.podCidrIndex * 1000) % LEASE_PERIOD_MS });
  cluster.startHeartbeat({ id: `kubelet-status/${spec.name}`, handler: "kubelet-status", arg: spec.name, periodMs: STATUS_REPORT_MS, phaseMs: spec.podCidrIndex * 1000 });
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
  if (isKubeletRunning(cluster, node)) reportNodeStatus(cluster, node, false);
};

