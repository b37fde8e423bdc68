// Names: /etc/hosts, the resolver configuration of a machine or a pod, systemd-resolved's stub on
// the nodes (127.0.0.53, which knows the machine's /etc/hosts and forwards the rest upstream),
// and CoreDNS behind the kube-dns Service (10.96.0.10), which answers for cluster.local.
//
// The nodes do not use CoreDNS: `curl web.default.svc.cluster.local` from a node fails while
// the same name works in a pod. The sandbox's upstream resolver knows no public names, so
// everything outside cluster.local and the machines' hosts files is NXDOMAIN.
import type { StoredObject } from "../api/types";
import type { World } from "../world";
import { parseIPv4 } from "../docker/ipnet";
import { CLUSTER_DOMAIN, getObject, inPodNetwork, inServiceNetwork, isHeadless, nodeByIp, serviceEndpoints, servicePorts, services } from "./cluster";
import { connectIp, resolveOrigin, type NetOrigin, type Source } from "./connect";
import { podHostsFile, podResolvConf } from "./pod-files";

export type RecordType = "A" | "AAAA" | "CNAME" | "PTR" | "SRV" | "NS" | "SOA" | "MX" | "TXT" | "ANY";

export interface DnsRecord {
  /** Owner name, without the trailing dot. */
  name: string;
  type: RecordType;
  ttl: number;
  /** Address, target name (no trailing dot) or "prio weight port target" for SRV. */
  data: string;
}

export interface DnsAnswer {
  rcode: "NOERROR" | "NXDOMAIN" | "SERVFAIL" | "REFUSED";
  authoritative: boolean;
  recursionAvailable: boolean;
  answers: DnsRecord[];
  /** The SOA of the zone for negative answers. */
  authority: DnsRecord[];
  /** Which server kind answered: CoreDNS, systemd-resolved's stub, an upstream resolver. */
  by: "coredns" | "resolved" | "upstream";
}

export type QueryOutcome = { ok: true; server: string; answer: DnsAnswer } | { ok: false; server: string; why: "timeout" | "refused" };

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  timeoutMs: number;
  attempts: number;
}

/** Parses resolv.conf text the way glibc does (the last search line wins). */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeoutMs: 5000, attempts: 2 };
  for (const raw of text.split("\n")) {
    const line = raw.replace(/[#;].*$/, "").trim();
    if (!line) continue;
    const [key, ...rest] = line.split(/\s+/);
    if (key === "nameserver" && rest[0] && conf.nameservers.length < 3) conf.nameservers.push(rest[0]);
    else if (key === "search" || key === "domain") conf.search = rest.filter((d) => d !== ".").map((d) => d.replace(/\.$/, ""));
    else if (key === "options") {
      for (const o of rest) {
        const [k, v] = o.split(":");
        if (k === "ndots" && v !== undefined) conf.ndots = Math.min(15, Number(v) || 0);
        if (k === "timeout" && v !== undefined) conf.timeoutMs = Math.max(1, Number(v) || 1) * 1000;
        if (k === "attempts" && v !== undefined) conf.attempts = Math.max(1, Number(v) || 1);
      }
    }
  }
  return conf;
}

function fileOf(world: World, host: string, path: string): string {
  const f = world.hosts[host]?.fs[path];
  return f && f.type === "file" ? f.content : "";
}

/** The resolv.conf text the origin uses. */
export function resolvConfText(world: World, src: Source): string {
  if (src.pod) return podResolvConf(world, src.pod);
  return src.host ? fileOf(world, src.host.name, "/etc/resolv.conf") : "";
}

/** The hosts file the origin uses. */
export function hostsFileText(world: World, src: Source): string {
  if (src.pod) return podHostsFile(world, src.pod);
  return src.host ? fileOf(world, src.host.name, "/etc/hosts") : "";
}

/** Addresses /etc/hosts gives a name (case-insensitive, first match per address). */
export function hostsLookup(text: string, name: string): string[] {
  const want = name.toLowerCase().replace(/\.$/, "");
  const out: string[] = [];
  for (const raw of text.split("\n")) {
    const fields = raw.replace(/#.*$/, "").trim().split(/\s+/);
    if (fields.length < 2) continue;
    const [ip, ...names] = fields;
    if (parseIPv4(ip!) === null) continue;
    if (names.some((n) => n.toLowerCase() === want) && !out.includes(ip!)) out.push(ip!);
  }
  return out;
}

// ---------------------------------------------------------------- answers

const TTL = 30;
const SOA_SERIAL = 1767225600;

function clusterSoa(): DnsRecord {
  return { name: CLUSTER_DOMAIN, type: "SOA", ttl: TTL, data: `ns.dns.${CLUSTER_DOMAIN}. hostmaster.${CLUSTER_DOMAIN}. ${SOA_SERIAL} 7200 1800 86400 ${TTL}` };
}

const answer = (rcode: DnsAnswer["rcode"], by: DnsAnswer["by"], answers: DnsRecord[] = [], authority: DnsRecord[] = []): DnsAnswer => ({
  rcode,
  authoritative: by === "coredns" && (answers.length > 0 || rcode !== "NOERROR" || authority.length > 0),
  recursionAvailable: by !== "coredns",
  answers,
  authority,
  by,
});

const upstreamNx = (by: DnsAnswer["by"] = "upstream"): DnsAnswer => ({ rcode: "NXDOMAIN", authoritative: false, recursionAvailable: true, answers: [], authority: [], by });

const dashed = (ip: string) => ip.replace(/\./g, "-");
const undashed = (label: string) => (/^\d{1,3}(-\d{1,3}){3}$/.test(label) ? label.replace(/-/g, ".") : undefined);

function serviceRecords(world: World, svc: StoredObject, name: string, type: RecordType): DnsRecord[] {
  if (svc.spec?.type === "ExternalName") {
    return type === "A" || type === "CNAME" || type === "ANY" ? [{ name, type: "CNAME", ttl: TTL, data: String(svc.spec.externalName ?? "").replace(/\.$/, "") }] : [];
  }
  if (type !== "A" && type !== "ANY") return [];
  if (!isHeadless(svc)) return svc.spec?.clusterIP ? [{ name, type: "A", ttl: TTL, data: svc.spec.clusterIP as string }] : [];
  const ips = new Set<string>();
  for (const p of servicePorts(svc).length ? servicePorts(svc) : [{ port: 0 }]) {
    for (const e of serviceEndpoints(world, svc, p)) if (e.ready || svc.spec?.publishNotReadyAddresses) ips.add(e.ip);
  }
  return [...ips].sort((a, b) => (parseIPv4(a) ?? 0) - (parseIPv4(b) ?? 0)).map((ip) => ({ name, type: "A" as const, ttl: TTL, data: ip }));
}

/** The hostname a pod's endpoint is published under in a headless Service. */
function endpointHostname(world: World, svc: StoredObject, ip: string): string | undefined {
  for (const p of servicePorts(svc)) {
    const e = serviceEndpoints(world, svc, p).find((x) => x.ip === ip);
    if (!e) continue;
    if (e.hostname) return e.hostname;
    if (e.target) {
      const pod = getObject(world, "Pod", e.target.namespace, e.target.name);
      if (pod?.spec?.hostname && pod.spec?.subdomain === svc.metadata.name) return pod.spec.hostname as string;
    }
    return dashed(ip);
  }
  return undefined;
}

/** What CoreDNS answers (kubernetes plugin for cluster.local, forward for the rest). */
export function coreDnsAnswer(world: World, qname: string, type: RecordType): DnsAnswer {
  const name = qname.toLowerCase().replace(/\.$/, "");
  if (type === "PTR" && name.endsWith(".in-addr.arpa")) {
    const octets = name.slice(0, -".in-addr.arpa".length).split(".").reverse();
    const ip = octets.join(".");
    if (octets.length === 4 && parseIPv4(ip) !== null && (inServiceNetwork(ip) || inPodNetwork(ip))) {
      const svc = services(world).find((s) => s.spec?.clusterIP === ip);
      if (svc) return answer("NOERROR", "coredns", [{ name, type: "PTR", ttl: TTL, data: `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}` }]);
      for (const s of services(world)) {
        const host = endpointHostname(world, s, ip);
        if (host) return answer("NOERROR", "coredns", [{ name, type: "PTR", ttl: TTL, data: `${host}.${s.metadata.name}.${s.metadata.namespace}.svc.${CLUSTER_DOMAIN}` }]);
      }
      return answer("NXDOMAIN", "coredns", [], [{ ...clusterSoa() }]);
    }
    return upstreamNx("coredns");
  }
  if (name !== CLUSTER_DOMAIN && !name.endsWith(`.${CLUSTER_DOMAIN}`)) return upstreamNx("coredns");
  const labels = name === CLUSTER_DOMAIN ? [] : name.slice(0, -(CLUSTER_DOMAIN.length + 1)).split(".");
  const nx = () => answer("NXDOMAIN", "coredns", [], [clusterSoa()]);
  const nodata = () => answer("NOERROR", "coredns", [], [clusterSoa()]);
  const zone = labels[labels.length - 1];
  const namespaceExists = (ns: string) => getObject(world, "Namespace", undefined, ns) !== undefined;
  if (labels.length === 0) return nodata();
  if (zone === "svc") {
    const rest = labels.slice(0, -1);
    if (rest.length === 0) return nodata();
    if (rest.length === 1) return namespaceExists(rest[0]!) ? nodata() : nx();
    const [svcName, ns] = rest.slice(-2) as [string, string];
    const svc = getObject(world, "Service", ns, svcName);
    if (!svc) return nx();
    if (rest.length === 2) {
      const records = serviceRecords(world, svc, name, type);
      if (type === "SRV") {
        const srv = servicePorts(svc)
          .filter((p) => p.name)
          .map((p) => ({ name, type: "SRV" as const, ttl: TTL, data: `0 100 ${p.port} ${svcName}.${ns}.svc.${CLUSTER_DOMAIN}` }));
        return srv.length ? answer("NOERROR", "coredns", srv) : nodata();
      }
      return records.length ? answer("NOERROR", "coredns", records) : nodata();
    }
    if (rest.length === 3) {
      const first = rest[0]!;
      if (first.startsWith("_")) return nodata();
      // A named endpoint of a headless Service (a StatefulSet pod), or its dashed address.
      if (!isHeadless(svc)) return nx();
      const ips = new Set<string>();
      for (const p of servicePorts(svc)) for (const e of serviceEndpoints(world, svc, p)) if (e.ready || svc.spec?.publishNotReadyAddresses) ips.add(e.ip);
      const hit = [...ips].find((ip) => endpointHostname(world, svc, ip) === first || dashed(ip) === first);
      if (!hit) return nx();
      return type === "A" || type === "ANY" ? answer("NOERROR", "coredns", [{ name, type: "A", ttl: TTL, data: hit }]) : nodata();
    }
    if (rest.length === 4 && rest[0]!.startsWith("_") && rest[1]!.startsWith("_")) {
      const portName = rest[0]!.slice(1);
      const proto = rest[1]!.slice(1).toUpperCase();
      const p = servicePorts(svc).find((x) => x.name === portName && (x.protocol ?? "TCP") === proto);
      if (!p) return nx();
      return type === "SRV" ? answer("NOERROR", "coredns", [{ name, type: "SRV", ttl: TTL, data: `0 100 ${p.port} ${svcName}.${ns}.svc.${CLUSTER_DOMAIN}` }]) : nodata();
    }
    return nx();
  }
  if (zone === "pod") {
    // "pods insecure": any well-formed dashed address answers, whether or not a pod has it.
    if (labels.length !== 3) return labels.length === 2 && namespaceExists(labels[0]!) ? nodata() : nx();
    const ip = undashed(labels[0]!);
    if (!ip || parseIPv4(ip) === null) return nx();
    return type === "A" || type === "ANY" ? answer("NOERROR", "coredns", [{ name, type: "A", ttl: TTL, data: ip }]) : nodata();
  }
  return nx();
}

/** systemd-resolved's stub on a node: /etc/hosts, the machine's own names, then upstream. */
function resolvedAnswer(world: World, src: Source, qname: string, type: RecordType): DnsAnswer {
  const name = qname.toLowerCase().replace(/\.$/, "");
  if (!src.host) return upstreamNx("resolved");
  if (type === "PTR") {
    const ip = name.replace(/\.in-addr\.arpa$/, "").split(".").reverse().join(".");
    for (const raw of fileOf(world, src.host.name, "/etc/hosts").split("\n")) {
      const fields = raw.replace(/#.*$/, "").trim().split(/\s+/);
      if (fields[0] === ip && fields[1]) return { rcode: "NOERROR", authoritative: false, recursionAvailable: true, answers: [{ name, type: "PTR", ttl: 0, data: fields[1] }], authority: [], by: "resolved" };
    }
    return upstreamNx("resolved");
  }
  let ips = hostsLookup(fileOf(world, src.host.name, "/etc/hosts"), name);
  if (ips.length === 0 && (name === src.host.name.toLowerCase() || name === "localhost")) ips = [name === "localhost" ? "127.0.0.1" : src.host.ip];
  if (ips.length === 0 && name === "_gateway") ips = [src.host.ip.replace(/\.\d+$/, ".1")];
  if (ips.length > 0) {
    if (type !== "A" && type !== "ANY") return { rcode: "NOERROR", authoritative: false, recursionAvailable: true, answers: [], authority: [], by: "resolved" };
    return { rcode: "NOERROR", authoritative: false, recursionAvailable: true, answers: ips.map((ip) => ({ name, type: "A" as const, ttl: 0, data: ip })), authority: [], by: "resolved" };
  }
  return upstreamNx("resolved");
}

function isUpstreamAddress(ip: string): boolean {
  return !inPodNetwork(ip) && !inServiceNetwork(ip) && !ip.startsWith("127.");
}

/** Sends one query from the origin to `server` (UDP port 53). */
export function querySource(world: World, src: Source, server: string, name: string, type: RecordType): QueryOutcome {
  if (server.startsWith("127.")) {
    if (src.hostNamespace && src.host && server === "127.0.0.53" && src.host.distro === "ubuntu") {
      return { ok: true, server, answer: resolvedAnswer(world, src, name, type) };
    }
    return { ok: false, server, why: "refused" };
  }
  if (isUpstreamAddress(server) && !nodeByIp(world, server) && !Object.values(world.hosts).some((h) => h.ip === server)) {
    return { ok: true, server, answer: upstreamNx() };
  }
  const conn = connectIp(world, src, server, 53, "UDP");
  if (!conn.ok) return { ok: false, server, why: conn.why === "refused" ? "refused" : "timeout" };
  if (conn.server.kind === "pod" && conn.server.container?.image.model === "coredns") return { ok: true, server, answer: coreDnsAnswer(world, name, type) };
  return { ok: false, server, why: "timeout" };
}

/** Sends one DNS query from an origin to a server. */
export function queryDns(world: World, from: NetOrigin, server: string, name: string, type: RecordType = "A"): QueryOutcome {
  const src = resolveOrigin(world, from);
  if (!src) return { ok: false, server, why: "timeout" };
  return querySource(world, src, server, name, type);
}

// ---------------------------------------------------------------- getaddrinfo

export type Lookup =
  | { ok: true; addresses: string[]; name: string; source: "literal" | "hosts" | "dns"; elapsedMs: number }
  | { ok: false; why: "nxdomain" | "temporary"; elapsedMs: number };

/** The names a resolver tries for `name`, in order (search list and ndots). */
export function candidates(conf: ResolvConf, name: string): string[] {
  if (name.endsWith(".")) return [name.slice(0, -1)];
  const dots = name.split(".").length - 1;
  const searched = conf.search.map((d) => `${name}.${d}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

/** Resolves a host name as libc does for curl, wget and ping: hosts file, then DNS. */
export function lookupSource(world: World, src: Source, name: string): Lookup {
  if (parseIPv4(name) !== null) return { ok: true, addresses: [name], name, source: "literal", elapsedMs: 0 };
  const fromHosts = hostsLookup(hostsFileText(world, src), name);
  if (fromHosts.length) return { ok: true, addresses: fromHosts, name, source: "hosts", elapsedMs: 0 };
  if (name.toLowerCase() === "localhost") return { ok: true, addresses: ["127.0.0.1"], name, source: "hosts", elapsedMs: 0 };
  const conf = parseResolvConf(resolvConfText(world, src));
  const servers = conf.nameservers.length ? conf.nameservers : ["127.0.0.1"];
  let elapsed = 0;
  let temporary = false;
  for (const candidate of candidates(conf, name)) {
    let settled = false;
    for (const server of servers) {
      const q = querySource(world, src, server, candidate, "A");
      if (!q.ok) {
        elapsed += q.why === "timeout" ? conf.timeoutMs * conf.attempts : 0;
        continue;
      }
      settled = true;
      const a = q.answer.answers.filter((r) => r.type === "A").map((r) => r.data);
      if (a.length) return { ok: true, addresses: a, name: candidate, source: "dns", elapsedMs: elapsed };
      break;
    }
    if (!settled) temporary = true;
  }
  return { ok: false, why: temporary ? "temporary" : "nxdomain", elapsedMs: elapsed };
}

/** Resolves `name` from an origin (hosts file, search list, DNS), as a program there would. */
export function resolve(world: World, from: NetOrigin, name: string): Lookup {
  const src = resolveOrigin(world, from);
  if (!src) return { ok: false, why: "temporary", elapsedMs: 0 };
  return lookupSource(world, src, name);
}

/** The search list and servers an origin uses (for nslookup and dig). */
export function resolverOf(world: World, src: Source): ResolvConf {
  return parseResolvConf(resolvConfText(world, src));
}
