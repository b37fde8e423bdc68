// ICMP echo: which addresses answer a ping from where, with which TTL, and how long it takes.
// Pods and nodes answer; a ClusterIP does not (it is only a DNAT rule for TCP/UDP ports, so the
// echo request leaves by the default route and is lost), a classic surprise worth keeping.
import type { World } from "../world";
import { fnv32a } from "../random";
import { cidrContains, parseCidr, parseIPv4 } from "../docker/ipnet";
import { reachFromHost, type DockerWorld } from "../docker/netview";
import { clusterNodes, inPodNetwork, inServiceNetwork, nodeByIp, podByIp } from "./cluster";
import { resolveOrigin, type NetOrigin, type Source } from "./connect";

export type PingReach =
  | { ok: true; ttl: number; /** The reply crosses the LAN (another machine). */ remote: boolean }
  | { ok: false; why: "timeout" | "host-unreachable" | "net-unreachable"; /** Who reports the error (host-unreachable). */ from?: string };

/** Whether `ip` answers an echo request sent from `src`. */
export function pingFromSource(world: World, src: Source, ip: string): PingReach {
  if (parseIPv4(ip) === null) return { ok: false, why: "net-unreachable" };
  const srcNode = src.pod ? src.pod.node : src.node?.spec.name;
  const inPod = Boolean(src.pod && !src.hostNamespace);
  if (ip.startsWith("127.") || (inPod && ip === src.pod!.ip)) return { ok: true, ttl: 64, remote: false };
  if (!inPod && src.host && (ip === src.host.ip || (src.node && ip === src.node.tunnelIp))) return { ok: true, ttl: 64, remote: false };

  // A machine with Docker reaches its bridge containers (and not its own macvlan ones).
  if (!inPod && src.host?.docker) {
    const reach = reachFromHost(world as unknown as DockerWorld, src.host, ip);
    if (reach.ok && reach.target.kind === "container") return { ok: true, ttl: 64, remote: reach.target.host !== src.host };
    if (!reach.ok && !inPodNetwork(ip) && !inServiceNetwork(ip) && !nodeByIp(world, ip) && !Object.values(world.hosts).some((h) => h.ip === ip)) {
      const own = parseCidr(`${src.host.ip}/24`)!;
      if (cidrContains(own, parseIPv4(ip)!)) return { ok: false, why: "host-unreachable", from: src.host.ip };
      return { ok: false, why: "timeout" };
    }
  }

  // Each node that forwards the reply (into a pod, or out of one) takes one off the TTL.
  const forwarders = new Set<string>();
  if (inPod && srcNode) forwarders.add(srcNode);

  const node = nodeByIp(world, ip) ?? clusterNodes(world).find((n) => n.tunnelIp === ip);
  if (node) {
    if (inPod && node.spec.name === srcNode) forwarders.delete(srcNode!);
    return { ok: true, ttl: 64 - forwarders.size, remote: node.spec.name !== srcNode };
  }
  if (inPodNetwork(ip)) {
    if (!srcNode) return { ok: false, why: "timeout" };
    const pod = podByIp(world, ip);
    if (!pod) return { ok: false, why: "timeout" };
    if (!(src.hostNamespace && src.node?.spec.name === pod.node)) forwarders.add(pod.node);
    return { ok: true, ttl: 64 - forwarders.size, remote: pod.node !== srcNode };
  }
  if (inServiceNetwork(ip)) return { ok: false, why: "timeout" };
  const other = Object.values(world.hosts).find((h) => h.ip === ip);
  if (other) return { ok: true, ttl: 64 - forwarders.size, remote: true };
  const own = src.host ? parseCidr(`${src.host.ip}/24`) : null;
  if (!inPod && own && cidrContains(own, parseIPv4(ip)!)) return { ok: false, why: "host-unreachable", from: src.host!.ip };
  return { ok: false, why: "timeout" };
}

/** Whether `ip` answers a ping from an origin (a machine's shell or a pod). */
export function ping(world: World, from: NetOrigin, ip: string): PingReach {
  const src = resolveOrigin(world, from);
  if (!src) return { ok: false, why: "net-unreachable" };
  return pingFromSource(world, src, ip);
}

/** A round-trip time in ms, deterministic per packet: tens of microseconds locally, a few hundred across the LAN. */
export function rttMs(seed: string, remote: boolean): number {
  const h = fnv32a(seed);
  return remote ? 0.28 + (h % 600) / 1000 : 0.03 + (h % 60) / 1000;
}
