// Who reaches whom, and on which port: the Kubernetes network model (every pod and node reaches
// every pod IP, no NAT), Services through kube-proxy's rules on the node where traffic enters,
// NodePorts on every node, and the machines' own listeners. Failures come typed, the way the
// kernel reports them: refused (RST or REJECT), timed out (dropped), no route to host (ARP).
import type { StoredObject } from "../api/types";
import type { HostState } from "../hosts/types";
import type { ListenSpec } from "../images/types";
import type { World } from "../world";
import { fnv32a } from "../random";
import { cidrContains, parseCidr, parseIPv4 } from "../docker/ipnet";
import { connectTcp, reachFromHost, type DockerWorld } from "../docker/netview";
import {
  clusterNodes,
  findPod,
  inPodNetwork,
  inServiceNetwork,
  kubeletRunning,
  kubeProxyRunning,
  listenerIn,
  listObjects,
  nodeByIp,
  nodeByName,
  pickEndpoint,
  podByIp,
  podNet,
  serviceByClusterIp,
  serviceEndpoints,
  servicePorts,
  services,
  type NodeInfo,
  type PodNet,
  type RunningContainer,
  type ServicePort,
} from "./cluster";

/** Where traffic starts: a machine's own shell, or a pod (kubectl exec). */
export type NetOrigin = { host: string } | { pod: { namespace: string; name: string } };

export type Protocol = "TCP" | "UDP";

/** The sending side, resolved. */
export interface Source {
  /** The machine whose network stack (or whose pod) sends. */
  host?: HostState;
  /** The cluster node it runs on, if any. */
  node?: NodeInfo;
  /** The pod, for pod origins. */
  pod?: PodNet;
  /** The source address of its packets. */
  ip: string;
  /** Runs in the node's own network namespace (a host shell or a hostNetwork pod). */
  hostNamespace: boolean;
}

export function resolveOrigin(world: World, origin: NetOrigin): Source | undefined {
  if ("host" in origin) {
    const host = world.hosts[origin.host];
    if (!host) return undefined;
    const node = nodeByName(world, origin.host);
    return { host, ...(node ? { node } : {}), ip: host.ip, hostNamespace: true };
  }
  const pod = findPod(world, origin.pod.namespace, origin.pod.name);
  if (!pod) return undefined;
  const node = nodeByName(world, pod.node);
  const host = world.hosts[pod.node];
  return { ...(host ? { host } : {}), ...(node ? { node } : {}), pod, ip: pod.ip, hostNamespace: pod.hostNetwork };
}

/** Where a connection ended up. */
export interface Server {
  kind: "pod" | "kubelet" | "sshd" | "docker";
  /** The address and port the server socket answers on (after any DNAT). */
  ip: string;
  port: number;
  node?: string;
  pod?: PodNet;
  container?: RunningContainer;
  listen?: ListenSpec;
  /** Speaks TLS on this port. */
  tls: boolean;
  /** The server's hostname (pod name, node name). */
  hostname: string;
  /** For Docker targets: the machine whose Docker view reached it (requests go through it). */
  dockerHost?: HostState;
}

export type ConnectFailure = "refused" | "timeout" | "no-route" | "net-unreachable";

export interface ServiceHop {
  service: StoredObject;
  port: ServicePort;
  /** How the Service was addressed. */
  via: "cluster-ip" | "node-port" | "host-port";
}

export type Connection =
  | { ok: true; server: Server; clientIp: string; hop?: ServiceHop }
  | { ok: false; why: ConnectFailure; hop?: ServiceHop; from?: string };

// ---------------------------------------------------------------- timings

/**
 * How long a connect() to a black hole takes before the kernel gives up: six SYN
 * retransmissions (tcp_syn_retries) back off 1+2+4+8+16+32 s, then 64 s more, about 127 s,
 * plus a little jitter that differs per attempt.
 */
export function synTimeoutMs(ip: string, port: number, now: number): number {
  return 129_000 + (fnv32a(`${ip}:${port}@${now}`) % 3000);
}

/** ARP gives up after three probes a second apart: "No route to host". */
export function arpTimeoutMs(ip: string, now: number): number {
  return 3060 + (fnv32a(`${ip}@${now}`) % 40);
}

// ---------------------------------------------------------------- well-known listeners

/** Ports the control plane binds to loopback only (kubeadm's defaults). */
const LOOPBACK_ONLY: Record<string, number[]> = {
  "kube-controller-manager": [10257],
  "kube-scheduler": [10259],
  etcd: [2381],
  "kube-proxy": [10249],
  "calico-node": [9099],
};

/** Ports that speak TLS. */
const TLS_PORTS: Record<string, number[]> = {
  "kube-apiserver": [6443],
  "kube-controller-manager": [10257],
  "kube-scheduler": [10259],
  etcd: [2379, 2380],
};

const isLoopback = (ip: string) => ip.startsWith("127.") || ip === "localhost";

function podServer(pod: PodNet, hit: { container: RunningContainer; listen: ListenSpec }, ip: string, port: number): Server {
  const model = hit.container.image.model;
  return {
    kind: "pod",
    ip,
    port,
    node: pod.node,
    pod,
    container: hit.container,
    listen: hit.listen,
    tls: (TLS_PORTS[model] ?? []).includes(port),
    hostname: (pod.pod.spec?.hostname as string | undefined) ?? pod.name,
  };
}

/** What answers on a node's own addresses (the host network namespace). */
function nodeListener(world: World, node: NodeInfo, ip: string, port: number, protocol: Protocol): Server | undefined {
  const loopback = isLoopback(ip);
  for (const pod of listObjects(world, "Pod")) {
    if (pod.spec?.nodeName !== node.spec.name || !pod.spec?.hostNetwork) continue;
    const p = podNet(world, pod);
    if (!p) continue;
    const hit = listenerIn(world, p, port, protocol);
    if (!hit) continue;
    if (!loopback && (LOOPBACK_ONLY[hit.container.image.model] ?? []).includes(port)) continue;
    return podServer(p, hit, loopback ? "127.0.0.1" : node.spec.ip, port);
  }
  if (protocol === "TCP" && kubeletRunning(world, node.spec.name)) {
    if (port === 10250 || (port === 10248 && loopback)) {
      return { kind: "kubelet", ip: loopback ? "127.0.0.1" : node.spec.ip, port, node: node.spec.name, tls: port === 10250, hostname: node.spec.name };
    }
  }
  if (protocol === "TCP" && port === 22) return { kind: "sshd", ip: loopback ? "127.0.0.1" : node.spec.ip, port, node: node.spec.name, tls: false, hostname: node.spec.name };
  return undefined;
}

// ---------------------------------------------------------------- Services

function svcPortFor(svc: StoredObject, port: number, protocol: Protocol): ServicePort | undefined {
  return servicePorts(svc).find((p) => p.port === port && (p.protocol ?? "TCP") === protocol);
}

/** DNAT to one ready endpoint, as the entry node's rules do, then connects to it. */
function throughService(world: World, src: Source, entry: NodeInfo, svc: StoredObject, sp: ServicePort, hop: ServiceHop, protocol: Protocol, depth: number): Connection {
  let ready = serviceEndpoints(world, svc, sp).filter((e) => e.ready);
  // Traffic policies: Local keeps traffic on the node it entered; no local endpoint drops it.
  const policy = hop.via === "cluster-ip" ? svc.spec?.internalTrafficPolicy : svc.spec?.externalTrafficPolicy;
  if (policy === "Local") {
    const all = ready;
    ready = ready.filter((e) => e.nodeName === entry.spec.name);
    if (all.length > 0 && ready.length === 0) return { ok: false, why: "timeout", hop };
  }
  // A Service without endpoints has a REJECT rule: the client gets "connection refused".
  if (ready.length === 0) return { ok: false, why: "refused", hop };
  const ep = pickEndpoint(world, svc, sp, ready, src.ip)!;
  const inner = connectIp(world, src, ep.ip, ep.port, protocol, depth + 1);
  if (!inner.ok) return { ...inner, hop };
  // Traffic from outside the pod network (a node, a NodePort client) is masqueraded.
  let clientIp = inner.clientIp;
  if (hop.via !== "cluster-ip" || !src.pod || src.hostNamespace) {
    const serverNode = inner.server.node;
    clientIp = serverNode === entry.spec.name || !inner.server.pod || inner.server.pod.hostNetwork ? entry.spec.ip : entry.tunnelIp;
  }
  return { ok: true, server: inner.server, clientIp, hop };
}

// ---------------------------------------------------------------- connecting

function dockerWorld(world: World): DockerWorld {
  return world as unknown as DockerWorld;
}

/** Docker's own view for a machine that runs Docker (containers, published ports). */
function viaDocker(world: World, host: HostState, ip: string, port: number): Connection | undefined {
  if (!host.docker) return undefined;
  const reach = reachFromHost(dockerWorld(world), host, ip);
  if (reach.ok && reach.target.kind === "container") {
    const conn = connectTcp(dockerWorld(world), reach, port);
    if (!conn.ok) return { ok: false, why: conn.why };
    return { ok: true, clientIp: host.ip, server: { kind: "docker", ip, port, tls: false, hostname: conn.container?.hostname ?? "", dockerHost: host, ...(conn.listen ? { listen: conn.listen } : {}) } };
  }
  if (reach.ok && reach.target.kind === "host") {
    const conn = connectTcp(dockerWorld(world), reach, port);
    if (conn.ok && conn.container) {
      return { ok: true, clientIp: host.ip, server: { kind: "docker", ip, port, tls: false, hostname: conn.container.hostname, dockerHost: host, ...(conn.listen ? { listen: conn.listen } : {}) } };
    }
  }
  return undefined;
}

/** Connects from `src` to ip:port. */
export function connectIp(world: World, src: Source, ip: string, port: number, protocol: Protocol = "TCP", depth = 0): Connection {
  if (depth > 3) return { ok: false, why: "timeout" };
  const node = src.node;
  if (ip === "localhost") ip = "127.0.0.1";
  if (parseIPv4(ip) === null) return { ok: false, why: "net-unreachable" };

  // Inside a pod's own network namespace: loopback and the pod's own address.
  if (src.pod && !src.hostNamespace && (isLoopback(ip) || ip === src.pod.ip)) {
    const hit = listenerIn(world, src.pod, port, protocol);
    return hit ? { ok: true, server: podServer(src.pod, hit, isLoopback(ip) ? "127.0.0.1" : ip, port), clientIp: isLoopback(ip) ? "127.0.0.1" : ip } : { ok: false, why: "refused" };
  }

  // Docker containers and published ports, as the machine's Docker engine sets them up.
  if (src.host && src.hostNamespace && src.host.docker && !src.pod && depth === 0) {
    const d = viaDocker(world, src.host, ip, port);
    if (d) return d;
  }

  // The machine's own addresses.
  if (src.hostNamespace && src.host && (isLoopback(ip) || ip === src.host.ip || (node && ip === node.tunnelIp))) {
    if (node) {
      const np = nodePort(world, src, node, port, protocol, depth);
      if (np) return np;
      const hp = hostPort(world, src, node, port, protocol, depth);
      if (hp) return hp;
      const l = nodeListener(world, node, ip, port, protocol);
      if (l) return { ok: true, server: l, clientIp: isLoopback(ip) ? "127.0.0.1" : ip };
    } else if (port === 22 && protocol === "TCP") {
      return { ok: true, server: { kind: "sshd", ip, port, tls: false, hostname: src.host.name }, clientIp: ip };
    }
    return { ok: false, why: "refused" };
  }
  if (isLoopback(ip)) return { ok: false, why: "refused" };

  // Another cluster node (from anywhere on the LAN, and from pods).
  const target = nodeByIp(world, ip);
  if (target) {
    const np = nodePort(world, src, target, port, protocol, depth);
    if (np) return np;
    const hp = hostPort(world, src, target, port, protocol, depth);
    if (hp) return hp;
    const l = nodeListener(world, target, ip, port, protocol);
    if (l) return { ok: true, server: l, clientIp: src.ip };
    return { ok: false, why: "refused" };
  }

  // Pod addresses: routed from every node and pod (Calico IPIP); not from outside the cluster.
  if (inPodNetwork(ip)) {
    if (!node) return { ok: false, why: "timeout" };
    const tunnel = clusterNodes(world).find((n) => n.tunnelIp === ip);
    if (tunnel) return connectIp(world, { ...src }, tunnel.spec.ip, port, protocol, depth + 1);
    const pod = podByIp(world, ip);
    // Calico blackholes unused addresses of a node's block: the SYNs are dropped.
    if (!pod) return { ok: false, why: "timeout" };
    const hit = listenerIn(world, pod, port, protocol);
    if (!hit) return { ok: false, why: "refused" };
    const clientIp = src.pod && !src.hostNamespace ? src.ip : pod.node === node.spec.name ? node.spec.ip : node.tunnelIp;
    return { ok: true, server: podServer(pod, hit, ip, port), clientIp };
  }

  // ClusterIPs exist only as kube-proxy rules on the sending node.
  if (inServiceNetwork(ip)) {
    if (!node || !kubeProxyRunning(world, node.spec.name)) return { ok: false, why: "timeout" };
    const svc = serviceByClusterIp(world, ip);
    const sp = svc ? svcPortFor(svc, port, protocol) : undefined;
    // No rule for this address and port: the packet leaves by the default route and is lost.
    if (!svc || !sp) return { ok: false, why: "timeout" };
    return throughService(world, src, node, svc, sp, { service: svc, port: sp, via: "cluster-ip" }, protocol, depth);
  }

  // Other machines of the sandbox on the LAN.
  const other = Object.values(world.hosts).find((h) => h.ip === ip);
  if (other) {
    if (port === 22 && protocol === "TCP") return { ok: true, server: { kind: "sshd", ip, port, tls: false, hostname: other.name }, clientIp: src.ip };
    if (other.docker && src.host) {
      const d = viaDocker(world, other, ip, port);
      if (d) return { ...d, ...(d.ok ? { clientIp: src.ip } : {}) } as Connection;
    }
    return { ok: false, why: "refused" };
  }
  // An unused address on the machine's own subnet: ARP gets no answer.
  const own = src.host ? parseCidr(`${src.host.ip}/24`) : null;
  const addr = parseIPv4(ip)!;
  if (own && cidrContains(own, addr) && (!src.pod || src.hostNamespace)) return { ok: false, why: "no-route", from: src.host!.ip };
  // Anything else would leave the sandbox: nothing answers.
  return { ok: false, why: "timeout" };
}

/** kube-proxy's NodePort rules on the node that receives the packet. */
function nodePort(world: World, src: Source, node: NodeInfo, port: number, protocol: Protocol, depth: number): Connection | undefined {
  if (!kubeProxyRunning(world, node.spec.name)) return undefined;
  for (const svc of services(world)) {
    const type = svc.spec?.type;
    if (type !== "NodePort" && type !== "LoadBalancer") continue;
    const sp = servicePorts(svc).find((p) => p.nodePort === port && (p.protocol ?? "TCP") === protocol);
    if (sp) return throughService(world, src, node, svc, sp, { service: svc, port: sp, via: "node-port" }, protocol, depth);
  }
  return undefined;
}

/** The portmap plugin's hostPort rules: node IP:hostPort to the pod. */
function hostPort(world: World, src: Source, node: NodeInfo, port: number, protocol: Protocol, depth: number): Connection | undefined {
  for (const pod of listObjects(world, "Pod")) {
    if (pod.spec?.nodeName !== node.spec.name || pod.spec?.hostNetwork) continue;
    for (const c of (pod.spec?.containers ?? []) as { ports?: { hostPort?: number; containerPort: number; protocol?: string }[] }[]) {
      const p = (c.ports ?? []).find((x) => x.hostPort === port && (x.protocol ?? "TCP") === protocol);
      if (!p) continue;
      const net = podNet(world, pod);
      if (!net) continue;
      const inner = connectIp(world, src, net.ip, p.containerPort, protocol, depth + 1);
      return inner.ok ? { ...inner, clientIp: node.spec.ip } : inner;
    }
  }
  return undefined;
}

/** Connects from an origin to ip:port (see connectIp). */
export function connect(world: World, from: NetOrigin, ip: string, port: number, protocol: Protocol = "TCP"): Connection {
  const src = resolveOrigin(world, from);
  if (!src) return { ok: false, why: "net-unreachable" };
  return connectIp(world, src, ip, port, protocol);
}
