// nslookup: BIND 9.18's on the machines (server "127.0.0.53#53", the search list with ndots),
// BusyBox's in pods (every search domain queried for A and AAAA, each reply printed as it
// comes, NXDOMAIN for the misses and exit status 1 even when one name resolved).
import type { CommandResult } from "../../shell/types";
import { candidates, querySource, resolverOf, type DnsAnswer, type DnsRecord, type RecordType } from "../../network";
import { parseIPv4 } from "../../docker/ipnet";
import { isBusybox, Out, spend, type NetToolEnv } from "./common";

const TYPES: RecordType[] = ["A", "AAAA", "CNAME", "PTR", "SRV", "NS", "SOA", "MX", "TXT", "ANY"];

export const reverseName = (ip: string) => `${ip.split(".").reverse().join(".")}.in-addr.arpa`;

interface NsOptions {
  type?: RecordType;
  name?: string;
  server?: string;
  timeoutS?: number;
}

function parse(args: string[]): NsOptions | { error: string } {
  const o: NsOptions = {};
  const rest: string[] = [];
  for (const a of args) {
    if (a.startsWith("-") && a.length > 1) {
      const [k, v] = a.slice(1).split("=") as [string, string | undefined];
      if (["type", "querytype", "query", "q", "ty"].includes(k)) {
        const t = (v ?? "").toUpperCase() as RecordType;
        if (!TYPES.includes(t)) return { error: t };
        o.type = t;
      } else if (k === "timeout" || k === "t") o.timeoutS = Number(v) || 5;
      continue;
    }
    rest.push(a);
  }
  if (rest[0] !== undefined) o.name = rest[0];
  if (rest[1] !== undefined) o.server = rest[1];
  return o;
}

function recordLine(r: DnsRecord, busybox: boolean): string {
  switch (r.type) {
    case "A":
    case "AAAA":
      return `Name:\t${r.name}\nAddress: ${r.data}\n`;
    case "CNAME":
      return `${r.name}\tcanonical name = ${r.data}${busybox ? "" : "."}\n`;
    case "PTR":
      return `${r.name}\tname = ${r.data}${busybox ? "" : "."}\n`;
    case "SRV":
      return `${r.name}\tservice = ${r.data}${busybox ? "" : "."}\n`;
    default:
      return `${r.name}\t${r.data}\n`;
  }
}

/** BIND's nslookup, as on Ubuntu 22.04. */
function bindNslookup(env: NetToolEnv, o: NsOptions): CommandResult {
  const out = new Out();
  const name = o.name!;
  const conf = resolverOf(env.world, env.src);
  const servers = o.server ? [o.server] : conf.nameservers.length ? conf.nameservers : ["127.0.0.1"];
  const isIp = parseIPv4(name) !== null;
  const qtype: RecordType = o.type ?? (isIp ? "PTR" : "A");
  const qname = isIp ? reverseName(name) : name;
  const tries = isIp || name.endsWith(".") ? [qname.replace(/\.$/, "")] : candidates(conf, name);
  let answer: DnsAnswer | undefined;
  let server = servers[0]!;
  for (const s of servers) {
    const probe = querySource(env.world, env.src, s, tries[0]!, qtype);
    if (!probe.ok) {
      // Each unreachable server costs three tries of five seconds.
      for (let i = 0; i < 3; i++) out.out(`;; communications error to ${s}#53: ${probe.why === "refused" ? "connection refused" : "timed out"}\n`);
      spend(env, probe.why === "refused" ? 0 : 15_000);
      continue;
    }
    server = s;
    for (const candidate of tries) {
      const q = querySource(env.world, env.src, s, candidate, qtype);
      if (!q.ok) break;
      answer = q.answer;
      if (q.answer.rcode === "NOERROR" && q.answer.answers.length > 0) break;
    }
    break;
  }
  if (!answer) {
    out.out(";; no servers could be reached\n\n");
    return out.result(1);
  }
  out.out(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
  if (answer.rcode !== "NOERROR") {
    out.out(`** server can't find ${qtype === "PTR" && isIp ? qname : name}: ${answer.rcode}\n\n`);
    return out.result(1);
  }
  if (!answer.authoritative) out.out("Non-authoritative answer:\n");
  for (const r of answer.answers) out.out(recordLine(r, false));
  if (answer.answers.length === 0 && qtype !== "A") out.out(`*** Can't find ${name}: No answer\n`);
  if (qtype === "PTR" && !answer.authoritative) out.out("\nAuthoritative answers can be found from:\n");
  out.out("\n");
  return out.result(0);
}

/** BusyBox's nslookup, as in busybox and alpine based images. */
function busyboxNslookup(env: NetToolEnv, o: NsOptions): CommandResult {
  const out = new Out();
  const name = o.name!;
  const conf = resolverOf(env.world, env.src);
  const servers = o.server ? [o.server] : conf.nameservers.length ? conf.nameservers : ["127.0.0.1"];
  const isIp = parseIPv4(name) !== null;
  // The search list applies only to names without a dot, and the bare name is then not tried.
  const withSearch = (n: string) => (n.includes(".") || conf.search.length === 0 ? [n] : conf.search.map((d) => `${n}.${d}`));
  const queries: { name: string; type: RecordType }[] = [];
  if (o.type) for (const n of withSearch(name)) queries.push({ name: n, type: o.type });
  else if (isIp) queries.push({ name: reverseName(name), type: "PTR" });
  else {
    for (const n of withSearch(name)) queries.push({ name: n, type: "A" });
    for (const n of withSearch(name)) queries.push({ name: n, type: "AAAA" });
  }
  let exit = 0;
  for (const server of servers) {
    const first = querySource(env.world, env.src, server, queries[0]!.name, queries[0]!.type);
    if (!first.ok) {
      spend(env, (o.timeoutS ?? 5) * 1000);
      continue;
    }
    out.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
    for (const q of queries) {
      const r = querySource(env.world, env.src, server, q.name, q.type);
      if (!r.ok) continue;
      if (r.answer.rcode !== "NOERROR") {
        out.out(`** server can't find ${q.name}: ${r.answer.rcode}\n`);
        exit = 1;
      } else {
        if (!r.answer.authoritative) out.out("Non-authoritative answer:\n");
        for (const rec of r.answer.answers) out.out(recordLine(rec, true));
      }
      out.out("\n");
    }
    return out.result(exit);
  }
  out.out(";; connection timed out; no servers could be reached\n\n");
  return out.result(1);
}

const BB_USAGE = "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n";

/** Runs nslookup in `env`. */
export function runNslookup(env: NetToolEnv, args: string[]): CommandResult {
  const busybox = isBusybox(env.flavour);
  const o = parse(args);
  if ("error" in o) {
    return busybox ? { stdout: "", stderr: `nslookup: invalid query type "${o.error.toLowerCase()}"\n`, exitCode: 1 } : { stdout: "", stderr: `unknown query type: ${o.error.toLowerCase()}\n`, exitCode: 1 };
  }
  if (!o.name) {
    if (busybox) return { stdout: "", stderr: BB_USAGE, exitCode: 1 };
    // Without a name BIND's nslookup starts its interactive prompt; at the end of input it quits.
    return { stdout: "> ", stderr: "", exitCode: 0 };
  }
  return busybox ? busyboxNslookup(env, o) : bindNslookup(env, o);
}
