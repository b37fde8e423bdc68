// Docker networks: creation with libnetwork's validation and IPAM, lookup, removal, prune,
// and the endpoints that attach containers to networks.
import type { Millis } from "../clock";
import type { HostState } from "../hosts/types";
import type { Random } from "../random";
import { rfc3339Nano } from "./format";
import { broadcastOf, canonicalCidr, cidrContains, cidrOverlaps, formatCidr, formatIPv4, parseCidr, parseIPv4, type Cidr } from "./ipnet";
import type { ContainerState, DockerEngineState, EndpointState, IpamConfigEntry, NetworkState, PoolState } from "./types";
import { engineFeatures } from "./versions";

/** What the daemon needs besides its own state. */
export interface EngineEnv {
  now: Millis;
  random: Random;
  host: HostState;
}

/** A daemon answer: the value, or the error text (without "Error response from daemon: "). */
export type DaemonResult<T> = { ok: true; value: T } | { ok: false; error: string; notFound?: boolean };

const fail = <T>(error: string, notFound = false): DaemonResult<T> => (notFound ? { ok: false, error, notFound } : { ok: false, error });

export const PREDEFINED_NETWORKS = ["bridge", "host", "none"];

/** Docker's default-address-pools: 172.17-31/16, then 192.168.0.0/16 split into /20s. */
export function defaultPools(): string[] {
  const out: string[] = [];
  for (let i = 17; i <= 31; i++) out.push(`172.${i}.0.0/16`);
  for (let i = 0; i < 256; i += 16) out.push(`192.168.${i}.0/20`);
  return out;
}

const KNOWN_DRIVERS = new Set(["bridge", "host", "null", "macvlan", "ipvlan", "overlay"]);

export interface NetworkCreateRequest {
  name: string;
  driver: string;
  options: Record<string, string>;
  labels: Record<string, string>;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  enableIPv4?: boolean;
  enableIPv6?: boolean;
  ipamDriver: string;
  ipamOptions: Record<string, string>;
  /** As the CLI sends it: subnets, ranges and gateways as typed (or masked, see cliMasksIpRange). */
  ipamConfig: IpamConfigEntry[];
}

function newId(random: Random): string {
  return random.hex(64);
}

function nanos(random: Random): number {
  return random.int(1_000_000);
}

// ---------- lookup ----------

/** daemon.FindNetwork: full ID, then exact name, then unique ID prefix. */
export function findNetwork(engine: DockerEngineState, term: string): DaemonResult<NetworkState> {
  const byId = engine.networks.find((n) => n.id === term);
  if (byId) return { ok: true, value: byId };
  const byName = engine.networks.filter((n) => n.name === term);
  if (byName.length === 1) return { ok: true, value: byName[0]! };
  if (byName.length > 1) return fail(`network ${term} is ambiguous (${byName.length} matches found on name)`);
  const byPrefix = term === "" ? [] : engine.networks.filter((n) => n.id.startsWith(term));
  if (byPrefix.length === 1) return { ok: true, value: byPrefix[0]! };
  if (byPrefix.length > 1) return fail(`network ${term} is ambiguous (${byPrefix.length} matches found based on ID prefix)`);
  return fail(`network ${term} not found`, true);
}

/** Endpoints on `network` that belong to running containers (what blocks removal). */
export function activeEndpoints(engine: DockerEngineState, network: NetworkState): { container: ContainerState; endpoint: EndpointState }[] {
  const out: { container: ContainerState; endpoint: EndpointState }[] = [];
  for (const c of engine.containers) {
    if (c.status !== "running") continue;
    for (const e of c.endpoints) if (e.networkId === network.id && e.ip !== "") out.push({ container: c, endpoint: e });
  }
  return out;
}

// ---------- IPAM validation (Engine 25.0+) ----------

interface Prefix {
  text: string;
  cidr: Cidr;
}

function parsePrefix(text: string): Prefix | null {
  const cidr = parseCidr(text);
  return cidr ? { text: formatCidr(cidr.addr, cidr.bits), cidr } : null;
}

/** api/types/network.ValidateIPAM (IPv4 only; IPv6 subnets are skipped unless enabled). */
export function validateIpam(config: IpamConfigEntry[], enableIPv6: boolean): string | null {
  const errs: string[] = [];
  for (const cfg of config) {
    const isV6 = cfg.Subnet.includes(":");
    if (isV6) {
      if (!enableIPv6) continue;
      continue;
    }
    const subnet = parsePrefix(cfg.Subnet);
    if (!subnet) {
      errs.push(`invalid subnet ${cfg.Subnet}: invalid CIDR block notation`);
      continue;
    }
    const masked = formatCidr(subnet.cidr.network, subnet.cidr.bits);
    if (subnet.text !== masked) errs.push(`invalid subnet ${subnet.text}: it should be ${masked}`);
    if (cfg.IPRange) {
      const range = parsePrefix(cfg.IPRange);
      if (!range) {
        errs.push(cfg.IPRange.includes(":") ? `invalid ip-range ${cfg.IPRange}: parent subnet is an IPv4 block` : `invalid ip-range ${cfg.IPRange}: invalid CIDR block notation`);
      } else {
        if (range.cidr.bits < subnet.cidr.bits) errs.push(`invalid ip-range ${cfg.IPRange}: CIDR block is bigger than its parent subnet ${subnet.text}`);
        const rMasked = formatCidr(range.cidr.network, range.cidr.bits);
        if (range.text !== rMasked) errs.push(`invalid ip-range ${range.text}: it should be ${rMasked}`);
        if (!cidrOverlaps(subnet.cidr, range.cidr)) errs.push(`invalid ip-range ${cfg.IPRange}: parent subnet ${subnet.text} doesn't contain ip-range`);
      }
    }
    const checkAddr = (addr: string): string | null => {
      if (addr.includes(":")) return "parent subnet is an IPv4 block";
      const ip = parseIPv4(addr);
      if (ip === null) return "invalid address";
      if (!cidrContains(subnet.cidr, ip)) return `parent subnet ${subnet.text} doesn't contain this address`;
      return null;
    };
    if (cfg.Gateway) {
      const e = checkAddr(cfg.Gateway);
      if (e) errs.push(`invalid gateway ${cfg.Gateway}: ${e}`);
    }
    for (const name of Object.keys(cfg.AuxiliaryAddresses ?? {}).sort()) {
      const e = checkAddr(cfg.AuxiliaryAddresses![name]!);
      if (e) errs.push(`invalid auxiliary address ${name}: ${e}`);
    }
  }
  if (errs.length === 0) return null;
  // The daemon's multierror: one error stands alone, several are bulleted.
  return `invalid network config:\n${errs.length === 1 ? errs[0] : errs.map((e) => `* ${e}`).join("\n")}`;
}

// ---------- pools ----------

function allPoolsInUse(engine: DockerEngineState): Cidr[] {
  const out: Cidr[] = [];
  for (const n of engine.networks) for (const p of n.pools) out.push(parseCidr(p.subnet)!);
  return out;
}

/** The first and last addresses containers may get from a pool. */
function poolBounds(pool: PoolState): { first: number; last: number; subnet: Cidr } {
  const subnet = parseCidr(pool.subnet)!;
  let first = subnet.network;
  let last = broadcastOf(subnet);
  if (pool.range) {
    const r = parseCidr(pool.range)!;
    first = Math.max(first, r.network);
    last = Math.min(last, broadcastOf(r));
  }
  return { first, last, subnet };
}

function isFree(pool: PoolState, ip: number, subnet: Cidr): boolean {
  if (ip === subnet.network || (subnet.bits < 31 && ip === broadcastOf(subnet))) return false;
  const text = formatIPv4(ip);
  return text !== pool.gateway && !pool.reserved.includes(text) && !pool.allocated.includes(text);
}

/** Serial allocation: the next free address after the cursor, wrapping around. */
function allocateFrom(pool: PoolState): string | null {
  const { first, last, subnet } = poolBounds(pool);
  const count = last - first + 1;
  const startOrdinal = Math.max(pool.cursor + 1, first - subnet.network);
  for (let k = 0; k < count; k++) {
    let ip = subnet.network + startOrdinal + k;
    if (ip > last) ip = first + ((ip - first) % count);
    if (isFree(pool, ip, subnet)) {
      pool.cursor = ip - subnet.network;
      const text = formatIPv4(ip);
      pool.allocated.push(text);
      return text;
    }
  }
  return null;
}

function makePool(entry: { subnet: Cidr; range?: Cidr }): PoolState {
  const pool: PoolState = { subnet: formatCidr(entry.subnet.network, entry.subnet.bits), reserved: [], allocated: [], cursor: 0 };
  if (entry.range) pool.range = formatCidr(entry.range.network, entry.range.bits);
  return pool;
}

// ---------- create ----------

/** The host's links a macvlan/ipvlan parent may name. */
function hostInterfaces(_host: HostState): string[] {
  return ["lo", "eth0", "docker0"];
}

/** Validates driver options the way the macvlan and ipvlan drivers do. */
function checkDriverOptions(engine: DockerEngineState, req: NetworkCreateRequest, id: string, env: EngineEnv): DaemonResult<string | undefined> {
  const f = engineFeatures(engine.version);
  if (req.driver !== "macvlan" && req.driver !== "ipvlan") return { ok: true, value: undefined };
  const kind = req.driver;
  const modeKey = kind === "macvlan" ? "macvlan_mode" : "ipvlan_mode";
  const mode = req.options[modeKey] ?? "";
  if (kind === "macvlan" && mode !== "" && !["bridge", "private", "vepa", "passthru"].includes(mode)) {
    return fail(`requested macvlan mode '${mode}' is not valid, 'bridge' mode is the macvlan driver default`);
  }
  if (kind === "ipvlan") {
    if (mode !== "" && !["l2", "l3", "l3s"].includes(mode)) return fail(`requested ipvlan mode '${mode}' is not valid, 'l2' mode is the ipvlan driver default`);
    const flag = req.options.ipvlan_flag ?? "";
    if (flag !== "" && !["bridge", "private", "vepa"].includes(flag)) return fail(`requested ipvlan flag '${flag}' is not valid, 'bridge' is the ipvlan driver default`);
  }
  const parent = req.options.parent ?? "";
  if (parent === "lo") return fail(`loopback interface is not a valid ${kind} parent link`);
  const dummyPrefix = kind === "macvlan" ? "dm-" : "di-";
  const effective = parent === "" ? `${dummyPrefix}${id.slice(0, 12)}` : parent;
  if (parent !== "" && !hostInterfaces(env.host).includes(parent)) {
    // The driver creates 802.1Q sub-interfaces like eth0.10 itself; anything else must exist.
    const vlan = /^([^.]+)\.(\d+)$/.exec(parent);
    if (!vlan) return fail(`invalid subinterface vlan name ${parent}, example formatting is eth0.10`);
    if (!hostInterfaces(env.host).includes(vlan[1]!)) return fail(`-o parent interface was not found on the host: ${vlan[1]}`);
  }
  for (const other of engine.networks) {
    if (other.driver !== kind || other.parent !== effective) continue;
    if (kind === "macvlan" && f.macvlanSharedParent) {
      if (mode === "passthru") return fail(`cannot use mode passthru, macvlan network ${other.id} is already using parent interface ${effective}`);
      if (other.options.macvlan_mode === "passthru") return fail(`macvlan network ${other.id} is already using parent interface ${effective} in mode passthru`);
      continue;
    }
    return fail(`network ${dummyPrefix}${other.id.slice(0, 12)} is already using parent interface ${effective}`);
  }
  return { ok: true, value: effective };
}

/** daemon.createNetwork + libnetwork.NewNetwork, in their order of checks. */
export function createNetwork(engine: DockerEngineState, req: NetworkCreateRequest, env: EngineEnv): DaemonResult<NetworkState> {
  const f = engineFeatures(engine.version);
  if (PREDEFINED_NETWORKS.includes(req.name)) return fail(`operation is not permitted on predefined ${req.name} network `);
  const nameTaken = engine.networks.some((n) => n.name === req.name);
  if (!f.ipamValidation && nameTaken) return fail(`network with name ${req.name} already exists`);
  const driver = req.driver === "" ? "bridge" : req.driver;
  if (driver === "overlay") return fail('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
  const enableIPv6 = req.enableIPv6 ?? false;
  if (f.ipamValidation) {
    const invalid = validateIpam(req.ipamConfig, enableIPv6);
    if (invalid) return fail(invalid);
    if (nameTaken) return fail(`network with name ${req.name} already exists`);
  }
  if (!KNOWN_DRIVERS.has(driver)) return fail(`plugin "${driver}" not found`, true);
  if (driver === "host" || driver === "null") return fail(`only one instance of "${driver}" network is allowed`);

  const id = newId(env.random);
  const opts = checkDriverOptions(engine, { ...req, driver }, id, env);
  if (!opts.ok) return opts;

  // IPAM: user pools must not overlap any pool in the local address space.
  const used = allPoolsInUse(engine);
  const pools: PoolState[] = [];
  const reported: IpamConfigEntry[] = [];
  const skipGateway = (driver === "macvlan" || driver === "ipvlan") && f.macvlanNoImplicitGateway;
  const v4 = req.ipamConfig.filter((c) => !c.Subnet.includes(":"));
  for (const cfg of v4) {
    const subnet = parseCidr(cfg.Subnet);
    if (!subnet) return fail(`invalid CIDR address: ${cfg.Subnet}`);
    if (used.some((u) => cidrOverlaps(u, subnet)) || pools.some((p) => cidrOverlaps(parseCidr(p.subnet)!, subnet))) return fail(`${f.modernPoolExhaustion ? "invalid pool request: " : ""}Pool overlaps with other one on this address space`);
    const range = cfg.IPRange ? parseCidr(cfg.IPRange) : null;
    const pool = makePool(range ? { subnet, range } : { subnet });
    for (const aux of Object.values(cfg.AuxiliaryAddresses ?? {})) pool.reserved.push(formatIPv4(parseIPv4(aux) ?? 0));
    if (cfg.Gateway) {
      const gw = parseIPv4(cfg.Gateway);
      if (gw === null || !cidrContains(subnet, gw)) return fail(`failed to allocate gateway (${cfg.Gateway}): Invalid address`);
      pool.gateway = formatIPv4(gw);
    } else if (!skipGateway) {
      const gw = allocateFrom(pool);
      if (gw === null) return fail(`failed to allocate gateway: no available addresses`);
      pool.allocated = pool.allocated.filter((a) => a !== gw);
      pool.gateway = gw;
    }
    pools.push(pool);
    const entry: IpamConfigEntry = { Subnet: cfg.Subnet };
    if (cfg.IPRange) entry.IPRange = cfg.IPRange;
    if (cfg.Gateway) entry.Gateway = cfg.Gateway;
    if (cfg.AuxiliaryAddresses && Object.keys(cfg.AuxiliaryAddresses).length > 0) entry.AuxiliaryAddresses = cfg.AuxiliaryAddresses;
    reported.push(entry);
  }
  if (v4.length === 0) {
    const free = defaultPools()
      .map((p) => parseCidr(p)!)
      .find((p) => !used.some((u) => cidrOverlaps(u, p)));
    if (!free) {
      return fail(f.modernPoolExhaustion ? "all predefined address pools have been fully subnetted" : "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
    }
    const pool = makePool({ subnet: free });
    if (!skipGateway) {
      const gw = allocateFrom(pool)!;
      pool.allocated = [];
      pool.gateway = gw;
    }
    pools.push(pool);
    reported.push(pool.gateway ? { Subnet: pool.subnet, Gateway: pool.gateway } : { Subnet: pool.subnet });
  }
  for (const cfg of req.ipamConfig.filter((c) => c.Subnet.includes(":"))) if (enableIPv6) reported.push(cfg);

  const network: NetworkState = {
    id,
    name: req.name,
    driver,
    scope: "local",
    created: rfc3339Nano(env.now, nanos(env.random)),
    createdAt: env.now,
    enableIPv4: req.enableIPv4 ?? true,
    enableIPv6,
    internal: req.internal,
    attachable: req.attachable,
    ingress: req.ingress,
    ipamDriver: req.ipamDriver || "default",
    ipamOptions: req.ipamOptions,
    ipamConfig: reported,
    pools,
    options: req.options,
    labels: req.labels,
    predefined: false,
    autoIpam: v4.length === 0,
  };
  if (opts.value) network.parent = opts.value;
  if (driver === "bridge") network.bridge = req.options["com.docker.network.bridge.name"] ?? `br-${id.slice(0, 12)}`;
  engine.networks.push(network);
  return { ok: true, value: network };
}

// ---------- remove / prune ----------

export function removeNetwork(engine: DockerEngineState, network: NetworkState): DaemonResult<NetworkState> {
  const f = engineFeatures(engine.version);
  if (network.predefined) return fail(`${network.name} is a pre-defined network and cannot be removed`);
  const active = activeEndpoints(engine, network);
  if (active.length > 0) {
    if (f.activeEndpointsListed) {
      const list = active.map(({ container, endpoint }) => `name:"${container.name}" id:"${endpoint.endpointId.slice(0, 12)}"`).join(", ");
      return fail(`error while removing network: network ${network.name} has active endpoints (${list})`);
    }
    return fail(`error while removing network: network ${network.name} id ${network.id} has active endpoints`);
  }
  // Stopped containers keep their endpoint config: starting them later fails, as in Docker.
  engine.networks = engine.networks.filter((n) => n !== network);
  return { ok: true, value: network };
}

/** Removes every custom network no running container uses; returns the removed ones. */
export function pruneNetworks(engine: DockerEngineState): NetworkState[] {
  const removed: NetworkState[] = [];
  for (const n of [...engine.networks]) {
    if (n.predefined || activeEndpoints(engine, n).length > 0) continue;
    const r = removeNetwork(engine, n);
    if (r.ok) removed.push(n);
  }
  return removed;
}

// ---------- endpoints ----------

function macFor(engine: DockerEngineState, ip: string, random: Random): string {
  if (engineFeatures(engine.version).randomMac) {
    const bytes = Array.from({ length: 6 }, () => random.int(256));
    bytes[0] = (bytes[0]! & 0xfe) | 0x02;
    return bytes.map((b) => b.toString(16).padStart(2, "0")).join(":");
  }
  const n = parseIPv4(ip) ?? 0;
  return ["02", "42", n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].map((b) => (typeof b === "string" ? b : b.toString(16).padStart(2, "0"))).join(":");
}

/** Checks a --ip request against a network (before anything is allocated). */
export function checkRequestedIp(engine: DockerEngineState, network: NetworkState, ip: string): DaemonResult<void> {
  const f = engineFeatures(engine.version);
  if (network.name === "bridge" && network.predefined) return fail("user specified IP address is supported on user defined networks only");
  if (network.driver === "host" || network.driver === "null") return fail("user specified IP address is supported on user defined networks only");
  if (network.autoIpam || network.pools.length === 0) return fail("user specified IP address is supported only when connecting to networks with user configured subnets");
  const addr = parseIPv4(ip);
  if (addr === null) return fail(`invalid IPv4 address: ${ip}`);
  const pool = network.pools.find((p) => cidrContains(parseCidr(p.subnet)!, addr));
  if (!pool) return fail(f.ipamValidation ? `no configured subnet or ip-range contain the IP address ${ip}` : `Invalid address ${ip}: It does not belong to any of this network's subnets`);
  return { ok: true, value: undefined };
}

/** Gives a running container an address on `network` (preferring `prefer`). */
export function attachEndpoint(engine: DockerEngineState, network: NetworkState, endpoint: EndpointState, env: EngineEnv, prefer?: string): DaemonResult<EndpointState> {
  const pool = network.pools[0];
  if (!pool) {
    endpoint.ip = "";
    return { ok: true, value: endpoint };
  }
  let ip: string | null = null;
  const want = endpoint.requestedIp ?? prefer;
  if (want) {
    const n = parseIPv4(want);
    const target = n === null ? undefined : network.pools.find((p) => cidrContains(parseCidr(p.subnet)!, n));
    if (n !== null && target && isFree(target, n, parseCidr(target.subnet)!)) {
      target.allocated.push(want);
      ip = want;
    } else if (endpoint.requestedIp) return fail("Address already in use");
  }
  if (ip === null) ip = allocateFrom(pool);
  if (ip === null) return fail(`no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`);
  endpoint.ip = ip;
  const owner = network.pools.find((p) => p.allocated.includes(ip!)) ?? pool;
  endpoint.prefixLen = parseCidr(owner.subnet)!.bits;
  endpoint.gateway = owner.gateway ?? "";
  if (!endpoint.mac || !engineFeatures(engine.version).randomMac) endpoint.mac = macFor(engine, ip, env.random);
  return { ok: true, value: endpoint };
}

/** Returns an endpoint's address to its pool (the container stopped or left). */
export function detachEndpoint(engine: DockerEngineState, endpoint: EndpointState): void {
  const network = engine.networks.find((n) => n.id === endpoint.networkId);
  if (network && endpoint.ip) for (const p of network.pools) p.allocated = p.allocated.filter((a) => a !== endpoint.ip);
  endpoint.ip = "";
}

export function newEndpoint(network: NetworkState, env: EngineEnv, opts: { ip?: string; aliases?: string[] } = {}): EndpointState {
  const e: EndpointState = { networkId: network.id, endpointId: env.random.hex(64), ip: "", prefixLen: 0, gateway: "", mac: "", aliases: opts.aliases ?? [] };
  if (opts.ip) e.requestedIp = opts.ip;
  return e;
}

/** The default bridge and the host/none networks a fresh daemon creates. */
export function predefinedNetworks(env: EngineEnv): NetworkState[] {
  const mk = (name: string, driver: string): NetworkState => ({
    id: newId(env.random),
    name,
    driver,
    scope: "local",
    created: rfc3339Nano(env.now, nanos(env.random)),
    createdAt: env.now,
    enableIPv4: driver === "bridge",
    enableIPv6: false,
    internal: false,
    attachable: false,
    ingress: false,
    ipamDriver: "default",
    ipamOptions: null,
    ipamConfig: [],
    pools: [],
    options: {},
    labels: {},
    predefined: true,
    autoIpam: false,
  });
  const bridge = mk("bridge", "bridge");
  bridge.ipamConfig = [{ Subnet: "172.17.0.0/16", Gateway: "172.17.0.1" }];
  bridge.pools = [{ subnet: "172.17.0.0/16", gateway: "172.17.0.1", reserved: [], allocated: [], cursor: 1 }];
  bridge.options = {
    "com.docker.network.bridge.default_bridge": "true",
    "com.docker.network.bridge.enable_icc": "true",
    "com.docker.network.bridge.enable_ip_masquerade": "true",
    "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
    "com.docker.network.bridge.name": "docker0",
    "com.docker.network.driver.mtu": "1500",
  };
  bridge.bridge = "docker0";
  return [bridge, mk("host", "host"), mk("none", "null")];
}

/** A canonical-subnet view used by the network model. */
export function networkSubnets(network: NetworkState): Cidr[] {
  return network.pools.map((p) => parseCidr(p.subnet)!);
}

export { canonicalCidr };
