// Who can reach whom: the network view of a container or of a Docker host. This is where the
// classic lessons live: containers resolve each other by name only on user-defined networks
// (embedded DNS at 127.0.0.11); a macvlan container is unreachable from its own host but
// reachable from its neighbours on the same macvlan network; --internal networks have no way out.
import type { Millis } from "../clock";
import type { HostState } from "../hosts/types";
import { findById } from "../images/catalogue";
import { httpResponse } from "../images/http";
import { processStatusAt } from "../images/process";
import type { HttpResponse, ListenSpec } from "../images/types";
import type { Random } from "../random";
import { cidrContains, parseCidr, parseIPv4 } from "./ipnet";
import { refreshEngine } from "./containers";
import type { ContainerState, DockerEngineState, NetworkState } from "./types";

/**
 * What the docker command needs from the sandbox. `hosts` lets containers reach other machines
 * and lets a host reach containers on other hosts (macvlan networks, published ports).
 */
export interface DockerWorld {
  now(): Millis;
  random: Random;
  hosts?: Record<string, HostState>;
}

/** Where a connection ends up. */
export type Target =
  | { kind: "container"; host: HostState; engine: DockerEngineState; container: ContainerState; ip: string; port?: number }
  | { kind: "host"; host: HostState; ip: string };

export type Reach = { ok: true; target: Target } | { ok: false; why: "timeout" | "no-route" };

export type Connect = { ok: true; target: Target; container?: ContainerState; listen?: ListenSpec; engine?: DockerEngineState; host: HostState } | { ok: false; why: "refused" | "timeout" | "no-route" };

function networkOf(engine: DockerEngineState, id: string): NetworkState | undefined {
  return engine.networks.find((n) => n.id === id);
}

function allHosts(world: DockerWorld, self: HostState): HostState[] {
  const list = Object.values(world.hosts ?? {});
  return list.includes(self) ? list : [self, ...list];
}

/** Running containers of an engine, after applying exits that happened by now. */
function running(engine: DockerEngineState, now: Millis): ContainerState[] {
  refreshEngine(engine, now);
  return engine.containers.filter((c) => c.status === "running");
}

function isUserDefined(n: NetworkState): boolean {
  return !n.predefined && (n.driver === "bridge" || n.driver === "macvlan" || n.driver === "ipvlan" || n.driver === "overlay");
}

/** The networks a container is attached to right now. */
export function attachedNetworks(engine: DockerEngineState, c: ContainerState): { network: NetworkState; ip: string }[] {
  return c.endpoints
    .filter((e) => e.ip !== "")
    .map((e) => ({ network: networkOf(engine, e.networkId), ip: e.ip }))
    .filter((x): x is { network: NetworkState; ip: string } => x.network !== undefined);
}

function hostByIp(world: DockerWorld, self: HostState, ip: string): HostState | undefined {
  return allHosts(world, self).find((h) => h.ip === ip);
}

/** A container on any Docker host of the world with address `ip`. */
function containerByIp(world: DockerWorld, self: HostState, ip: string): { host: HostState; engine: DockerEngineState; container: ContainerState; network: NetworkState } | undefined {
  for (const h of allHosts(world, self)) {
    const engine = h.docker;
    if (!engine) continue;
    for (const c of running(engine, world.now())) {
      for (const a of attachedNetworks(engine, c)) if (a.ip === ip) return { host: h, engine, container: c, network: a.network };
    }
  }
  return undefined;
}

/** Whether `ip` can be reached from container `c` on `host`. */
export function reachFromContainer(world: DockerWorld, host: HostState, engine: DockerEngineState, c: ContainerState, ip: string): Reach {
  const mine = attachedNetworks(engine, c);
  if (ip === "127.0.0.1" || mine.some((m) => m.ip === ip) || (c.networkMode === "host" && (ip === host.ip || ip === "0.0.0.0"))) {
    return { ok: true, target: { kind: "container", host, engine, container: c, ip } };
  }
  if (c.networkMode === "host") return reachFromHost(world, host, ip);
  if (mine.length === 0) return { ok: false, why: "no-route" };
  const addr = parseIPv4(ip);
  const onLink = addr !== null && mine.some((m) => m.network.pools.some((p) => cidrContains(parseCidr(p.subnet)!, addr)));
  const outward = mine.filter((m) => !m.network.internal);
  const peer = containerByIp(world, host, ip);
  if (peer && peer.host === host) {
    const shared = mine.find((m) => m.network.id === peer.network.id);
    if (shared) {
      const icc = shared.network.options["com.docker.network.bridge.enable_icc"] !== "false";
      if (shared.network.driver !== "bridge" || icc) return { ok: true, target: { kind: "container", host, engine, container: peer.container, ip } };
      return { ok: false, why: "timeout" };
    }
    // Docker isolates bridge networks from each other; a macvlan child is not reachable through its own host.
    return { ok: false, why: onLink || outward.length > 0 ? "timeout" : "no-route" };
  }
  const gateways = mine.filter((m) => m.network.driver === "bridge").map((m) => m.network.pools[0]?.gateway);
  if ((ip === host.ip || gateways.includes(ip)) && mine.some((m) => m.network.driver === "bridge" && !m.network.internal)) {
    return { ok: true, target: { kind: "host", host, ip } };
  }
  if (outward.length === 0 && !onLink) return { ok: false, why: "no-route" };
  if (outward.length === 0) return { ok: false, why: "timeout" };
  if (peer) {
    // A container on another host: reachable on the LAN through a macvlan/ipvlan network.
    if (peer.network.driver === "macvlan" || peer.network.driver === "ipvlan") return { ok: true, target: { kind: "container", host: peer.host, engine: peer.engine, container: peer.container, ip } };
    return { ok: false, why: "timeout" };
  }
  const other = hostByIp(world, host, ip);
  if (other) {
    // macvlan children share the parent's LAN but cannot talk to their own host.
    const viaMacvlanOnly = outward.every((m) => m.network.driver === "macvlan" || m.network.driver === "ipvlan");
    if (other === host && viaMacvlanOnly) return { ok: false, why: "timeout" };
    return { ok: true, target: { kind: "host", host: other, ip } };
  }
  return { ok: false, why: "timeout" };
}

/** Whether `ip` can be reached from the host itself (its own shell, not a container). */
export function reachFromHost(world: DockerWorld, host: HostState, ip: string): Reach {
  if (ip === "127.0.0.1" || ip === "0.0.0.0" || ip === host.ip || ip === "localhost") return { ok: true, target: { kind: "host", host, ip } };
  const engine = host.docker;
  if (engine) {
    for (const n of engine.networks) if (n.driver === "bridge" && n.pools[0]?.gateway === ip) return { ok: true, target: { kind: "host", host, ip } };
  }
  const peer = containerByIp(world, host, ip);
  if (peer) {
    const d = peer.network.driver;
    if (peer.host === host) {
      if (d === "bridge") return { ok: true, target: { kind: "container", host, engine: peer.engine, container: peer.container, ip } };
      return { ok: false, why: "timeout" };
    }
    if (d === "macvlan" || d === "ipvlan") return { ok: true, target: { kind: "container", host: peer.host, engine: peer.engine, container: peer.container, ip } };
    return { ok: false, why: "timeout" };
  }
  const other = hostByIp(world, host, ip);
  if (other) return { ok: true, target: { kind: "host", host: other, ip } };
  return { ok: false, why: "timeout" };
}

/**
 * Whether a container's process accepts connections on `port`. Servers that come up within a
 * second count as listening at once: a docker command takes about that long itself, and the
 * sandbox's clock only moves between commands.
 */
function listening(c: ContainerState, now: Millis, port: number): ListenSpec | undefined {
  const run = c.runs[c.runs.length - 1];
  if (!run || processStatusAt(run.plan, run.startedAt, now).state !== "running") return undefined;
  return run.plan.listens.find((l) => l.port === port && l.protocol === "TCP" && now >= run.startedAt + Math.max(0, l.readyAtMs - 1000));
}

/** Opens a TCP connection to ip:port, following published ports on hosts. */
export function connectTcp(world: DockerWorld, reach: Reach, port: number): Connect {
  if (!reach.ok) return reach;
  const t = reach.target;
  const now = world.now();
  if (t.kind === "container") {
    const listen = listening(t.container, now, port);
    if (!listen) return { ok: false, why: "refused" };
    return { ok: true, target: t, container: t.container, listen, engine: t.engine, host: t.host };
  }
  const engine = t.host.docker;
  if (engine) {
    for (const c of running(engine, now)) {
      const p = c.ports.find((b) => b.hostPort === port && b.protocol === "tcp" && (b.hostIp === "" || b.hostIp === "0.0.0.0" || b.hostIp === t.ip || (b.hostIp === "127.0.0.1" && (t.ip === "127.0.0.1" || t.ip === "localhost"))));
      if (p) {
        const listen = listening(c, now, p.containerPort);
        // docker-proxy accepts and then drops the connection when nothing listens behind it.
        if (!listen) return { ok: false, why: "refused" };
        return { ok: true, target: { kind: "container", host: t.host, engine, container: c, ip: c.endpoints[0]?.ip ?? t.ip }, container: c, listen, engine, host: t.host };
      }
    }
  }
  return { ok: false, why: "refused" };
}

export interface HttpResult {
  ok: boolean;
  response?: HttpResponse;
  why?: "refused" | "timeout" | "no-route" | "not-http";
}

/**
 * Sends an HTTP request over an established connection; the serving container logs it.
 * `clientIp` is what the server sees (the container's address, or the gateway for the host).
 */
export function serveHttp(world: DockerWorld, conn: Connect, req: { method: string; path: string; host?: string; userAgent?: string }, clientIp: string): HttpResult {
  if (!conn.ok) return { ok: false, why: conn.why };
  if (!conn.container || !conn.listen || !conn.engine) return { ok: false, why: "refused" };
  const image = findById(conn.container.imageId);
  if (!image || !conn.listen.http) return { ok: false, why: "not-http" };
  const now = world.now();
  const serverAddress = conn.container.networkMode === "host" ? conn.host.ip : conn.target.ip === "127.0.0.1" ? "127.0.0.1" : conn.container.endpoints.find((e) => e.ip === conn.target.ip)?.ip ?? conn.container.endpoints[0]?.ip ?? conn.target.ip;
  const response = httpResponse(conn.listen.http === "health" ? "health" : image, { method: req.method, path: req.path, ...(req.host ? { host: req.host } : {}), ...(req.userAgent ? { userAgent: req.userAgent } : {}) }, {
    now,
    serverAddress,
    serverPort: conn.listen.port,
    hostname: conn.container.hostname,
    clientAddress: clientIp,
  });
  if (response.accessLog) conn.container.extraLogs.push({ at: now, stream: response.accessLog.stream, text: response.accessLog.text });
  if (conn.container.extraLogs.length > 2000) conn.container.extraLogs.splice(0, conn.container.extraLogs.length - 2000);
  return { ok: true, response };
}

/** The address a container's traffic to `target` comes from. */
export function sourceAddress(engine: DockerEngineState, c: ContainerState, conn: Connect): string {
  const mine = attachedNetworks(engine, c);
  if (conn.ok && conn.target.kind === "container" && conn.target.container === c) return conn.target.ip === "127.0.0.1" ? "127.0.0.1" : conn.target.ip;
  if (conn.ok && conn.target.kind === "container") {
    const shared = mine.find((m) => conn.target.kind === "container" && attachedNetworks(conn.target.engine, conn.target.container).some((x) => x.network.id === m.network.id));
    if (shared) return shared.ip;
  }
  return mine[0]?.ip ?? "127.0.0.1";
}

/**
 * An HTTP request from a host's own shell (curl on the host): published ports, bridge
 * containers, other hosts. Returns what curl needs; the serving container logs the request.
 */
export function hostHttpRequest(world: DockerWorld, host: HostState, ip: string, port: number, req: { method?: string; path?: string; userAgent?: string } = {}): HttpResult {
  const reach = reachFromHost(world, host, ip);
  const conn = connectTcp(world, reach, port);
  if (!conn.ok) return { ok: false, why: conn.why };
  // Traffic from the host to a bridge container comes from the bridge gateway; via a published port, from the gateway too.
  const c = conn.container;
  const engine = conn.engine;
  let client = host.ip;
  if (c && engine && conn.host === host) {
    const first = attachedNetworks(engine, c)[0];
    client = first?.network.pools[0]?.gateway ?? host.ip;
  }
  return serveHttp(world, conn, { method: req.method ?? "GET", path: req.path ?? "/", ...(req.userAgent ? { userAgent: req.userAgent } : {}) }, client);
}

/** Whether a host's `ping` to `ip` gets replies. */
export function hostCanPing(world: DockerWorld, host: HostState, ip: string): boolean {
  return reachFromHost(world, host, ip).ok;
}

// ---------- names ----------

export interface Resolution {
  /** The DNS server the container asks (127.0.0.11 on user-defined networks). */
  server: string;
  /** Addresses the name resolves to (empty: NXDOMAIN). */
  addresses: string[];
  /** The canonical name answered. */
  name: string;
}

/** The nameservers a container on the default bridge inherits from the host. */
export function hostNameservers(host: HostState): string[] {
  const node = host.fs["/etc/resolv.conf"];
  const servers = node && node.type === "file" ? [...node.content.matchAll(/^nameserver\s+(\S+)/gm)].map((m) => m[1]!).filter((s) => !s.startsWith("127.")) : [];
  return servers.length > 0 ? servers : ["8.8.8.8", "8.8.4.4"];
}

export function usesEmbeddedDns(engine: DockerEngineState, c: ContainerState): boolean {
  return c.endpoints.some((e) => {
    const n = networkOf(engine, e.networkId);
    return n !== undefined && isUserDefined(n);
  });
}

/** DNS resolution as the container sees it (without /etc/hosts: that is `getent`'s job). */
export function resolveDns(world: DockerWorld, host: HostState, engine: DockerEngineState, c: ContainerState, name: string): Resolution {
  const embedded = usesEmbeddedDns(engine, c);
  const server = embedded ? "127.0.0.11" : hostNameservers(host)[0]!;
  if (parseIPv4(name) !== null) return { server, addresses: [name], name };
  const short = name.replace(/\.$/, "");
  if (embedded) {
    const mine = attachedNetworks(engine, c).filter((m) => isUserDefined(m.network));
    for (const m of mine) {
      for (const d of running(engine, world.now())) {
        const ep = d.endpoints.find((e) => e.networkId === m.network.id && e.ip !== "");
        if (!ep) continue;
        const names = [d.name, d.id.slice(0, 12), d.hostname, ...ep.aliases];
        if (names.includes(short)) return { server, addresses: [ep.ip], name: short };
      }
    }
  }
  for (const h of allHosts(world, host)) {
    if (h.name === short || h.fqdn === short) return { server, addresses: [h.ip], name: short };
  }
  return { server, addresses: [], name: short };
}

/** Resolution through /etc/hosts first, then DNS (what ping, wget, curl and getent do). */
export function resolveName(world: DockerWorld, host: HostState, engine: DockerEngineState, c: ContainerState, name: string): string | undefined {
  if (name === "localhost") return "127.0.0.1";
  if (name === c.hostname) return attachedNetworks(engine, c)[0]?.ip ?? (c.networkMode === "host" ? host.ip : "127.0.0.1");
  return resolveDns(world, host, engine, c, name).addresses[0];
}
