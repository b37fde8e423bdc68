// What the data plane knows about the cluster: nodes and their pod blocks, pods with the
// processes that run in them (the kubelet's runtime state replayed through the image process
// models), Services with their ready endpoints, and which nodes run kube-proxy.
//
// Reads go through the API server. When it does not answer (a broken static pod, lost quorum),
// the data plane keeps working from what is stored, as kube-proxy and running pods do.
import type { Millis } from "../clock";
import type { Container, StoredObject } from "../api/types";
import { resourceForKind, storagePrefix } from "../apiserver/registry";
import { planProcess, processStatusAt, isListening } from "../images/process";
import { resolveImage } from "../images/resolve";
import type { CatalogueImage, ListenSpec, ProcessPlan } from "../images/types";
import type { NodeSpec } from "../kubelet/kubelet";
import type { World } from "../world";
import type { HostState } from "../hosts/types";
import { cidrContains, parseCidr, parseIPv4 } from "../docker/ipnet";

export const POD_CIDR = "10.244.0.0/16";
export const SERVICE_CIDR = "10.96.0.0/12";
export const CLUSTER_DNS = "10.96.0.10";
export const CLUSTER_DOMAIN = "cluster.local";

const podBlock = parseCidr(POD_CIDR)!;
const serviceNet = parseCidr(SERVICE_CIDR)!;

export const inPodNetwork = (ip: string) => {
  const n = parseIPv4(ip);
  return n !== null && cidrContains(podBlock, n);
};
export const inServiceNetwork = (ip: string) => {
  const n = parseIPv4(ip);
  return n !== null && cidrContains(serviceNet, n);
};

// ---------------------------------------------------------------- reading objects

/** Objects of a kind, from the API server or, when it is down, straight from what is stored. */
export function listObjects(world: World, kind: string, namespace?: string): StoredObject[] {
  const info = resourceForKind(kind);
  if (!info) return [];
  try {
    return world.sandbox.cluster.api.list(info, namespace);
  } catch {
    try {
      return world.sandbox.store.range(storagePrefix(info, namespace), { prefix: true, serializable: true }).kvs.map((kv) => JSON.parse(kv.value) as StoredObject);
    } catch {
      return [];
    }
  }
}

export function getObject(world: World, kind: string, namespace: string | undefined, name: string): StoredObject | undefined {
  const info = resourceForKind(kind);
  if (!info) return undefined;
  try {
    return world.sandbox.cluster.api.tryGet(info, namespace, name);
  } catch {
    return listObjects(world, kind, namespace).find((o) => o.metadata.name === name);
  }
}

// ---------------------------------------------------------------- nodes

export interface NodeInfo {
  spec: NodeSpec;
  host?: HostState;
  /** The node's IPIP tunnel address (tunl0), 10.244.<n>.1. */
  tunnelIp: string;
  podCidr: string;
}

export function clusterNodes(world: World): NodeInfo[] {
  return world.sandbox.environment.nodes.map((spec) => ({
    spec,
    host: world.hosts[spec.name],
    tunnelIp: `10.244.${spec.podCidrIndex}.1`,
    podCidr: `10.244.${spec.podCidrIndex}.0/24`,
  }));
}

export function nodeByName(world: World, name: string): NodeInfo | undefined {
  return clusterNodes(world).find((n) => n.spec.name === name);
}

export function nodeByIp(world: World, ip: string): NodeInfo | undefined {
  return clusterNodes(world).find((n) => n.spec.ip === ip);
}

/** The node whose pod block holds `ip`. */
export function nodeOfPodIp(world: World, ip: string): NodeInfo | undefined {
  const n = parseIPv4(ip);
  if (n === null) return undefined;
  return clusterNodes(world).find((node) => cidrContains(parseCidr(node.podCidr)!, n));
}

/** Whether the node's kubelet runs (it answers on 10250 and 10248). */
export function kubeletRunning(world: World, node: string): boolean {
  const state = (world.sandbox.cluster.components.kubelets as Record<string, { running?: boolean }> | undefined)?.[node];
  if (state && typeof state.running === "boolean") return state.running;
  return world.hosts[node]?.units.kubelet?.active === "active";
}

// ---------------------------------------------------------------- pods and their processes

/** The kubelet's runtime record of a pod, in either of the shapes it has had. */
interface RuntimeRecord {
  ip?: string;
  state?: string;
  startedAt?: number;
  containers?: Record<string, { state?: string; startedAt?: number; extraLogs?: { at: number; stream: "stdout" | "stderr"; text: string }[] }>;
}

export interface RunningContainer {
  name: string;
  spec: Container;
  image: CatalogueImage;
  plan: ProcessPlan;
  startedAt: Millis;
  /** Where the container's request logs go (the kubelet's runtime record), when it keeps them. */
  logSink?: { extraLogs?: { at: number; stream: "stdout" | "stderr"; text: string }[] };
}

export interface PodNet {
  pod: StoredObject;
  namespace: string;
  name: string;
  node: string;
  ip: string;
  hostNetwork: boolean;
  /** The pod sandbox (its network namespace) exists: the IP answers pings. */
  sandbox: boolean;
  /** Being torn down: its processes no longer accept connections. */
  stopping: boolean;
  /** Containers whose process runs now. */
  running: RunningContainer[];
}

const planCache = new Map<string, ProcessPlan>();

function envOf(c: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of c.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return env;
}

/** The process plan of a container, as the runtime derives it (cached: it is a pure function). */
export function containerPlan(image: CatalogueImage, spec: Container, pod: StoredObject, ip: string): ProcessPlan {
  const key = JSON.stringify([image.id, spec.command, spec.args, spec.env, pod.metadata.name, ip]);
  let plan = planCache.get(key);
  if (!plan) {
    plan = planProcess(image, spec.command, spec.args, envOf(spec), { hostname: pod.metadata.name, ip });
    if (planCache.size > 2000) planCache.clear();
    planCache.set(key, plan);
  }
  return plan;
}

function runtimeRecord(world: World, pod: StoredObject): RuntimeRecord | undefined {
  const node = pod.spec?.nodeName as string | undefined;
  if (!node) return undefined;
  const kubelets = world.sandbox.cluster.components.kubelets as Record<string, { pods?: Record<string, RuntimeRecord | undefined> }> | undefined;
  return kubelets?.[node]?.pods?.[pod.metadata.uid];
}

function imageOf(spec: Container): CatalogueImage | undefined {
  const r = resolveImage(spec.image);
  return r.ok ? r.image : undefined;
}

/** A pod as the network sees it, or undefined when it has no IP yet. */
export function podNet(world: World, pod: StoredObject): PodNet | undefined {
  const rt = runtimeRecord(world, pod);
  const ip = rt?.ip ?? (pod.status?.podIP as string | undefined);
  const node = pod.spec?.nodeName as string | undefined;
  if (!ip || !node) return undefined;
  const hostNetwork = Boolean(pod.spec?.hostNetwork);
  const now = world.now();
  const specs = (pod.spec?.containers ?? []) as Container[];
  const running: RunningContainer[] = [];
  const stopping = rt ? rt.state === "stopping" : Boolean(pod.metadata.deletionTimestamp);
  const add = (spec: Container, startedAt: number | undefined, sink?: RunningContainer["logSink"]) => {
    if (startedAt === undefined) return;
    const image = imageOf(spec);
    if (!image) return;
    const plan = containerPlan(image, spec, pod, ip);
    if (plan.startError || processStatusAt(plan, startedAt, now).state !== "running") return;
    running.push({ name: spec.name, spec, image, plan, startedAt, ...(sink ? { logSink: sink } : {}) });
  };
  if (rt && !stopping) {
    for (const spec of specs) {
      if (rt.containers) {
        const c = rt.containers[spec.name];
        if (c?.state === "running") add(spec, c.startedAt, c);
      } else if (rt.state === "running") add(spec, rt.startedAt);
    }
  } else if (!rt && !stopping && pod.status?.phase === "Running") {
    // No runtime record (another kubelet): the reported container states are all there is.
    for (const spec of specs) {
      const s = ((pod.status?.containerStatuses ?? []) as { name: string; state?: { running?: { startedAt?: string } } }[]).find((x) => x.name === spec.name);
      const at = s?.state?.running?.startedAt;
      if (at) add(spec, Date.parse(at));
    }
  }
  const phase = pod.status?.phase as string | undefined;
  const sandbox = rt !== undefined || (phase !== "Succeeded" && phase !== "Failed" && Boolean(pod.status?.podIP));
  return { pod, namespace: pod.metadata.namespace!, name: pod.metadata.name, node, ip, hostNetwork, sandbox, stopping, running };
}

/** Every pod with an address, as the network sees it. */
export function allPods(world: World): PodNet[] {
  const out: PodNet[] = [];
  for (const pod of listObjects(world, "Pod")) {
    const p = podNet(world, pod);
    if (p) out.push(p);
  }
  return out;
}

/** The pod (not on the host network) that owns `ip` now. */
export function podByIp(world: World, ip: string): PodNet | undefined {
  const pods = allPods(world).filter((p) => !p.hostNetwork && p.ip === ip && p.sandbox);
  // A deleted pod's address can linger in the API while its successor already has it.
  return pods.find((p) => !p.stopping) ?? pods[0];
}

export function findPod(world: World, namespace: string, name: string): PodNet | undefined {
  const pod = getObject(world, "Pod", namespace, name);
  return pod ? podNet(world, pod) : undefined;
}

/** What a running container listens on at `port`, if anything. */
export function listenerIn(world: World, pod: PodNet, port: number, protocol: "TCP" | "UDP"): { container: RunningContainer; listen: ListenSpec } | undefined {
  if (pod.stopping) return undefined;
  const now = world.now();
  for (const c of pod.running) {
    const listen = isListening(c.plan, c.startedAt, now, port, protocol);
    if (listen) return { container: c, listen };
  }
  return undefined;
}

/** Whether a pod runs: sandbox up and every container's process alive (kube-proxy, CoreDNS). */
export function podIsRunning(p: PodNet): boolean {
  const specs = (p.pod.spec?.containers ?? []) as Container[];
  return p.sandbox && !p.stopping && specs.length > 0 && p.running.length === specs.length;
}

/** Whether `node` runs a kube-proxy: without one the node has no Service rules. */
export function kubeProxyRunning(world: World, node: string): boolean {
  return listObjects(world, "Pod", "kube-system").some((pod) => {
    if (pod.spec?.nodeName !== node) return false;
    const app = pod.metadata.labels?.["k8s-app"];
    const image = String((pod.spec?.containers as Container[] | undefined)?.[0]?.image ?? "");
    if (app !== "kube-proxy" && !image.includes("kube-proxy")) return false;
    const p = podNet(world, pod);
    return p !== undefined && podIsRunning(p);
  });
}

// ---------------------------------------------------------------- services and endpoints

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  nodePort?: number;
}

export interface Endpoint {
  ip: string;
  port: number;
  nodeName?: string;
  ready: boolean;
  /** The pod behind it, when the endpoint names one. */
  target?: { namespace: string; name: string };
  hostname?: string;
}

export function services(world: World, namespace?: string): StoredObject[] {
  return listObjects(world, "Service", namespace);
}

export function serviceByClusterIp(world: World, ip: string): StoredObject | undefined {
  return services(world).find((s) => s.spec?.clusterIP === ip || ((s.spec?.clusterIPs ?? []) as string[]).includes(ip));
}

export function servicePorts(svc: StoredObject): ServicePort[] {
  return (svc.spec?.ports ?? []) as ServicePort[];
}

export const isHeadless = (svc: StoredObject) => svc.spec?.clusterIP === "None";

/**
 * The endpoints of one Service port, as kube-proxy reads them: from the Service's
 * EndpointSlices; from its Endpoints when no slice exists (a hand-made Endpoints object).
 */
export function serviceEndpoints(world: World, svc: StoredObject, port: ServicePort): Endpoint[] {
  const ns = svc.metadata.namespace!;
  const protocol = port.protocol ?? "TCP";
  const slices = listObjects(world, "EndpointSlice", ns).filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === svc.metadata.name);
  const out: Endpoint[] = [];
  if (slices.length > 0) {
    for (const slice of slices) {
      const sp = ((slice.ports ?? []) as { name?: string; port?: number; protocol?: string }[]).find((p) => (p.name ?? "") === (port.name ?? "") && (p.protocol ?? "TCP") === protocol);
      if (!sp || sp.port === undefined) continue;
      for (const e of (slice.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean }; nodeName?: string; hostname?: string; targetRef?: { kind?: string; namespace?: string; name: string } }[]) {
        const ip = e.addresses[0];
        if (!ip) continue;
        out.push({
          ip,
          port: sp.port,
          ready: e.conditions?.ready !== false,
          ...(e.nodeName ? { nodeName: e.nodeName } : {}),
          ...(e.hostname ? { hostname: e.hostname } : {}),
          ...(e.targetRef?.kind === "Pod" ? { target: { namespace: e.targetRef.namespace ?? ns, name: e.targetRef.name } } : {}),
        });
      }
    }
    return out;
  }
  const eps = getObject(world, "Endpoints", ns, svc.metadata.name);
  type Addr = { ip: string; nodeName?: string; hostname?: string; targetRef?: { kind?: string; namespace?: string; name: string } };
  for (const subset of (eps?.subsets ?? []) as { addresses?: Addr[]; notReadyAddresses?: Addr[]; ports?: { name?: string; port: number; protocol?: string }[] }[]) {
    const sp = (subset.ports ?? []).find((p) => (p.name ?? "") === (port.name ?? "") && (p.protocol ?? "TCP") === protocol) ?? (subset.ports?.length === 1 ? subset.ports[0] : undefined);
    if (!sp) continue;
    const push = (a: Addr, ready: boolean) =>
      out.push({
        ip: a.ip,
        port: sp.port,
        ready,
        ...(a.nodeName ? { nodeName: a.nodeName } : {}),
        ...(a.hostname ? { hostname: a.hostname } : {}),
        ...(a.targetRef?.kind === "Pod" ? { target: { namespace: a.targetRef.namespace ?? ns, name: a.targetRef.name } } : {}),
      });
    for (const a of subset.addresses ?? []) push(a, true);
    for (const a of subset.notReadyAddresses ?? []) push(a, false);
  }
  return out;
}

interface NetworkComponentState {
  /** Connections handed out per Service port, for the round robin. */
  rr: Record<string, number>;
}

function networkState(world: World): NetworkComponentState {
  const components = world.sandbox.cluster.components;
  const state = (components.network as NetworkComponentState | undefined) ?? { rr: {} };
  components.network = state;
  return state;
}

/**
 * Picks the endpoint a new connection goes to. Real kube-proxy (iptables mode) picks at
 * random with statistic-mode rules; here it is a round robin per Service port, so repeated
 * requests visibly walk every pod in turn and a replay gives the same answers. ClientIP
 * session affinity sticks one client to one endpoint.
 */
export function pickEndpoint(world: World, svc: StoredObject, port: ServicePort, ready: Endpoint[], clientIp: string): Endpoint | undefined {
  if (ready.length === 0) return undefined;
  if (svc.spec?.sessionAffinity === "ClientIP") {
    let h = 0;
    for (const ch of clientIp) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return ready[h % ready.length];
  }
  const state = networkState(world);
  const key = `${svc.metadata.namespace}/${svc.metadata.name}:${port.port}/${port.protocol ?? "TCP"}`;
  const n = state.rr[key] ?? 0;
  state.rr[key] = n + 1;
  return ready[n % ready.length];
}
