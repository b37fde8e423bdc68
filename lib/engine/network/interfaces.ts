// The links, addresses and routes of a kubeadm node with Calico in IPIP mode: eth0 with the
// node address, tunl0 with the node's tunnel address, one cali* veth per local pod, routes to
// the other nodes' pod blocks through tunl0 (learned by BIRD), a blackhole for the node's own
// block and a /32 per local pod. Inside a pod: eth0 with a /32 and Calico's 169.254.1.1 gateway.
import type { HostState } from "../hosts/types";
import type { World } from "../world";
import { hex64 } from "../images/digest";
import { cidrContains, formatIPv4, parseCidr, parseIPv4 } from "../docker/ipnet";
import { allPods, nodeByName, type PodNet } from "./cluster";

export interface Address {
  family: 4 | 6;
  /** Address with prefix length, e.g. "172.30.1.2/24". */
  cidr: string;
  brd?: string;
  scope: "host" | "global" | "link";
}

export interface Link {
  index: number;
  name: string;
  /** "@NONE", "@if4": what ip prints after the name. */
  suffix: string;
  flags: string[];
  mtu: number;
  qdisc: string;
  state: "UNKNOWN" | "UP" | "DOWN";
  qlen?: number;
  linkType: "loopback" | "ether" | "ipip";
  mac: string;
  brd: string;
  linkNetns?: string;
  addresses: Address[];
}

export interface Route {
  /** "default", a CIDR, or a host address. */
  dst: string;
  type?: "blackhole";
  via?: string;
  dev?: string;
  proto?: "kernel" | "static" | "bird" | "dhcp";
  scope?: "link" | "host";
  src?: string;
  metric?: number;
  onlink?: boolean;
  linkdown?: boolean;
}

const CALI_MAC = "ee:ee:ee:ee:ee:ee";
const CALI_LL = "fe80::ecee:eeff:feee:eeee/64";

function mac(seed: string, prefix = "52:54:00"): string {
  const h = hex64(seed);
  return `${prefix}:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`;
}

/** A random-looking, locally administered MAC (what a veth gets). */
function localMac(seed: string): string {
  const h = hex64(seed);
  const bytes = [0, 1, 2, 3, 4, 5].map((i) => parseInt(h.slice(i * 2, i * 2 + 2), 16));
  bytes[0] = (bytes[0]! & 0xfc) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, "0")).join(":");
}

/** The EUI-64 link-local address of a MAC. */
function linkLocal(m: string): string {
  const b = m.split(":").map((x) => parseInt(x, 16));
  b[0] = b[0]! ^ 2;
  const g = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
  return `fe80::${g(b[0]!, b[1]!)}:${g(b[2]!, 0xff)}:${g(0xfe, b[3]!)}:${g(b[4]!, b[5]!)}/64`;
}

function loopback(): Link {
  return {
    index: 1,
    name: "lo",
    suffix: "",
    flags: ["LOOPBACK", "UP", "LOWER_UP"],
    mtu: 65536,
    qdisc: "noqueue",
    state: "UNKNOWN",
    qlen: 1000,
    linkType: "loopback",
    mac: "00:00:00:00:00:00",
    brd: "00:00:00:00:00:00",
    addresses: [
      { family: 4, cidr: "127.0.0.1/8", scope: "host" },
      { family: 6, cidr: "::1/128", scope: "host" },
    ],
  };
}

function eth0(host: HostState): Link {
  const m = mac(`eth0|${host.name}`);
  const c = parseCidr(`${host.ip}/24`)!;
  return {
    index: 2,
    name: "eth0",
    suffix: "",
    flags: ["BROADCAST", "MULTICAST", "UP", "LOWER_UP"],
    mtu: 1500,
    qdisc: "fq_codel",
    state: "UP",
    qlen: 1000,
    linkType: "ether",
    mac: m,
    brd: "ff:ff:ff:ff:ff:ff",
    addresses: [
      { family: 4, cidr: `${host.ip}/24`, brd: formatIPv4((c.network + 255) >>> 0), scope: "global" },
      { family: 6, cidr: linkLocal(m), scope: "link" },
    ],
  };
}

/** The host-side veth name Calico gives a pod. */
export function caliName(pod: { namespace: string; name: string }): string {
  return `cali${hex64(`${pod.namespace}.${pod.name}`).slice(0, 11)}`;
}

/** The kernel index of a pod's host-side veth (stable: derived from the pod's address). */
function caliIndex(pod: PodNet): number {
  return Number(pod.ip.split(".")[3]) + 4;
}

/** A pod's network namespace name, as the CNI names it under /var/run/netns. */
function netnsName(pod: PodNet): string {
  const h = hex64(`netns|${pod.pod.metadata.uid}`);
  return `cni-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function localPods(world: World, node: string): PodNet[] {
  return allPods(world)
    .filter((p) => p.node === node && !p.hostNetwork && p.sandbox)
    .sort((a, b) => (parseIPv4(a.ip) ?? 0) - (parseIPv4(b.ip) ?? 0));
}

function dockerLinks(host: HostState, start: number): { links: Link[]; routes: Route[] } {
  const links: Link[] = [];
  const routes: Route[] = [];
  const engine = host.docker;
  if (!engine) return { links, routes };
  let index = start;
  for (const n of engine.networks) {
    if (n.driver !== "bridge") continue;
    const pool = n.pools[0];
    if (!pool?.gateway) continue;
    const c = parseCidr(pool.subnet)!;
    const used = engine.containers.some((ct) => ct.status === "running" && ct.endpoints.some((e) => e.networkId === n.id && e.ip !== ""));
    const name = n.bridge ?? (n.name === "bridge" ? "docker0" : `br-${n.id.slice(0, 12)}`);
    const m = mac(`bridge|${n.id}`, "02:42");
    links.push({
      index: index++,
      name,
      suffix: "",
      flags: used ? ["BROADCAST", "MULTICAST", "UP", "LOWER_UP"] : ["NO-CARRIER", "BROADCAST", "MULTICAST", "UP"],
      mtu: 1500,
      qdisc: "noqueue",
      state: used ? "UP" : "DOWN",
      linkType: "ether",
      mac: m,
      brd: "ff:ff:ff:ff:ff:ff",
      addresses: [{ family: 4, cidr: `${pool.gateway}/${c.bits}`, brd: formatIPv4((c.network + c.size - 1) >>> 0), scope: "global" }],
    });
    routes.push({ dst: pool.subnet, dev: name, proto: "kernel", scope: "link", src: pool.gateway, ...(used ? {} : { linkdown: true }) });
  }
  return { links, routes };
}

/** The links of a machine (its own network namespace). */
export function hostLinks(world: World, host: HostState): Link[] {
  const links = [loopback(), eth0(host)];
  const node = nodeByName(world, host.name);
  if (node) {
    links.push({
      index: 3,
      name: "tunl0",
      suffix: "@NONE",
      flags: ["NOARP", "UP", "LOWER_UP"],
      mtu: 1480,
      qdisc: "noqueue",
      state: "UNKNOWN",
      qlen: 1000,
      linkType: "ipip",
      mac: "0.0.0.0",
      brd: "0.0.0.0",
      addresses: [{ family: 4, cidr: `${node.tunnelIp}/32`, scope: "global" }],
    });
    for (const pod of localPods(world, host.name)) {
      links.push({
        index: caliIndex(pod),
        name: caliName(pod),
        suffix: "@if4",
        flags: ["BROADCAST", "MULTICAST", "UP", "LOWER_UP"],
        mtu: 1480,
        qdisc: "noqueue",
        state: "UP",
        qlen: 1000,
        linkType: "ether",
        mac: CALI_MAC,
        brd: "ff:ff:ff:ff:ff:ff",
        linkNetns: netnsName(pod),
        addresses: [{ family: 6, cidr: CALI_LL, scope: "link" }],
      });
    }
  }
  links.push(...dockerLinks(host, links.length + 1).links);
  return links.sort((a, b) => a.index - b.index);
}

/** The main routing table of a machine, in the order `ip route` prints it. */
export function hostRoutes(world: World, host: HostState): Route[] {
  const c = parseCidr(`${host.ip}/24`)!;
  const gateway = formatIPv4((c.network + 1) >>> 0);
  const routes: Route[] = [
    { dst: "default", via: gateway, dev: "eth0", proto: "static" },
    { dst: `${formatIPv4(c.network)}/24`, dev: "eth0", proto: "kernel", scope: "link", src: host.ip },
  ];
  const node = nodeByName(world, host.name);
  if (node) {
    for (const other of world.sandbox.environment.nodes) {
      const block = `10.244.${other.podCidrIndex}.0/24`;
      if (other.name === host.name) routes.push({ dst: block, type: "blackhole", proto: "bird" });
      else routes.push({ dst: block, via: other.ip, dev: "tunl0", proto: "bird", onlink: true });
    }
    for (const pod of localPods(world, host.name)) routes.push({ dst: pod.ip, dev: caliName(pod), scope: "link" });
  }
  routes.push(...dockerLinks(host, 100).routes);
  const key = (r: Route) => {
    if (r.dst === "default") return [-1, 0];
    const [a, bits] = r.dst.split("/");
    return [parseIPv4(a!) ?? 0, bits === undefined ? 32 : Number(bits)];
  };
  return routes.sort((x, y) => {
    const [ax, bx] = key(x) as [number, number];
    const [ay, by] = key(y) as [number, number];
    return ax - ay || bx - by;
  });
}

/** The links inside a pod's network namespace. */
export function podLinks(pod: PodNet): Link[] {
  const m = localMac(`eth0|${pod.pod.metadata.uid}`);
  return [
    loopback(),
    { index: 2, name: "tunl0", suffix: "@NONE", flags: ["NOARP"], mtu: 1480, qdisc: "noop", state: "DOWN", qlen: 1000, linkType: "ipip", mac: "0.0.0.0", brd: "0.0.0.0", addresses: [] },
    {
      index: 4,
      name: "eth0",
      suffix: `@if${caliIndex(pod)}`,
      flags: ["BROADCAST", "MULTICAST", "UP", "LOWER_UP"],
      mtu: 1480,
      qdisc: "noqueue",
      state: "UP",
      qlen: 1000,
      linkType: "ether",
      mac: m,
      brd: "ff:ff:ff:ff:ff:ff",
      addresses: [
        { family: 4, cidr: `${pod.ip}/32`, scope: "global" },
        { family: 6, cidr: linkLocal(m), scope: "link" },
      ],
    },
  ];
}

/** The routes inside a pod: everything goes to Calico's fake gateway 169.254.1.1. */
export function podRoutes(): Route[] {
  return [
    { dst: "default", via: "169.254.1.1", dev: "eth0" },
    { dst: "169.254.1.1", dev: "eth0", scope: "link" },
  ];
}

/** The route the kernel picks for `ip` (longest prefix; blackholes included). */
export function routeFor(routes: Route[], ip: string): Route | undefined {
  const addr = parseIPv4(ip);
  if (addr === null) return undefined;
  let best: { r: Route; bits: number } | undefined;
  for (const r of routes) {
    const cidr = r.dst === "default" ? parseCidr("0.0.0.0/0")! : parseCidr(r.dst.includes("/") ? r.dst : `${r.dst}/32`);
    if (!cidr || !cidrContains(cidr, addr)) continue;
    if (!best || cidr.bits > best.bits) best = { r, bits: cidr.bits };
  }
  return best?.r;
}
