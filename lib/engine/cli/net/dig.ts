// dig 9.18 (Ubuntu 22.04): the default sectioned layout, +short, +noall/+answer and friends,
// @server, -x, record types. dig does not use the search list unless told (+search).
import type { CommandResult } from "../../shell/types";
import { fnv32a } from "../../random";
import { querySource, resolverOf, type DnsAnswer, type DnsRecord, type RecordType } from "../../network";
import { digStamp, Out, spend, type NetToolEnv } from "./common";
import { reverseName } from "./nslookup";

const VERSION = "9.18.30-0ubuntu0.22.04.2-Ubuntu";
const TYPES = new Set(["A", "AAAA", "CNAME", "PTR", "SRV", "NS", "SOA", "MX", "TXT", "ANY"]);

interface Sections {
  cmd: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
}

/** A record as dig prints it: owner, TTL, class, type and data on BIND's tab stops. */
function tabbed(cells: string[], stops: number[]): string {
  let line = "";
  let width = 0;
  cells.forEach((cell, i) => {
    if (i > 0) {
      const stop = stops[i - 1]!;
      if (width >= stop) {
        line += " ";
        width += 1;
      } else {
        while (width < stop) {
          line += "\t";
          width = (Math.floor(width / 8) + 1) * 8;
        }
      }
    }
    line += cell;
    width += cell.length;
  });
  return line;
}

const fqdn = (n: string) => (n.endsWith(".") ? n : `${n}.`);

function rdata(r: DnsRecord): string {
  if (r.type === "A" || r.type === "AAAA" || r.type === "SOA") return r.data;
  if (r.type === "SRV") {
    const parts = r.data.split(" ");
    return [...parts.slice(0, 3), fqdn(parts[3] ?? "")].join(" ");
  }
  return fqdn(r.data);
}

function recordText(r: DnsRecord): string {
  return tabbed([fqdn(r.name), String(r.ttl), "IN", r.type, rdata(r)], [24, 32, 40, 48]);
}

function wireLength(name: string): number {
  return name.replace(/\.$/, "").length + 2;
}

/** Runs dig in `env`. */
export function runDig(env: NetToolEnv, args: string[]): CommandResult {
  const out = new Out();
  let server: string | undefined;
  let name: string | undefined;
  let type: RecordType | undefined;
  let short = false;
  let search = false;
  const sections: Sections = { cmd: true, comments: true, question: true, answer: true, authority: true, additional: true, stats: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("@")) server = a.slice(1);
    else if (a === "-x") {
      const ip = args[++i] ?? "";
      name = reverseName(ip);
      type = "PTR";
    } else if (a === "-t") type = (args[++i] ?? "A").toUpperCase() as RecordType;
    else if (a.startsWith("+")) {
      const opt = a.slice(1).toLowerCase();
      const on = !opt.startsWith("no");
      const key = on ? opt : opt.slice(2);
      if (key === "short") short = on;
      else if (key === "search") search = on;
      else if (key === "all") for (const k of Object.keys(sections) as (keyof Sections)[]) sections[k] = on;
      else if (key in sections) sections[key as keyof Sections] = on;
    } else if (TYPES.has(a.toUpperCase())) type = a.toUpperCase() as RecordType;
    else if (a === "-h" || a === "--help") return { stdout: "Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n", stderr: "", exitCode: 0 };
    else if (!a.startsWith("-")) name = a;
  }
  const conf = resolverOf(env.world, env.src);
  const srv = server ?? conf.nameservers[0] ?? "127.0.0.1";
  const qname = name ?? ".";
  const qtype: RecordType = type ?? (name ? "A" : "NS");
  const cmdLine = `; <<>> DiG ${VERSION} <<>> ${args.join(" ")}\n;; global options: +cmd\n`;
  let candidatesList = [qname.replace(/\.$/, "")];
  if (search && !qname.endsWith(".")) {
    const dots = qname.split(".").length - 1;
    const searched = conf.search.map((d) => `${qname}.${d}`);
    candidatesList = dots >= conf.ndots ? [qname, ...searched] : [...searched, qname];
  }
  let answer: DnsAnswer | undefined;
  let asked = candidatesList[0]!;
  for (const c of candidatesList) {
    const q = querySource(env.world, env.src, srv, c, qtype);
    if (!q.ok) {
      for (let i = 0; i < 3; i++) out.out(`;; communications error to ${srv}#53: ${q.why === "refused" ? "connection refused" : "timed out"}\n`);
      spend(env, q.why === "refused" ? 0 : 15_000);
      if (!short && sections.cmd) out.out(`\n${cmdLine}`);
      out.out(";; no servers could be reached\n");
      if (!short) out.out("\n");
      return out.result(9);
    }
    answer = q.answer;
    asked = c;
    if (q.answer.rcode === "NOERROR" && q.answer.answers.length > 0) break;
  }
  const a = answer!;
  if (short) {
    for (const r of a.answers) out.out(`${rdata(r)}\n`);
    return out.result(0);
  }
  const id = fnv32a(`${asked}|${env.world.now()}`) % 65536;
  const coredns = a.by === "coredns";
  const flags = ["qr", ...(a.authoritative ? ["aa"] : []), "rd", ...(a.recursionAvailable ? ["ra"] : [])];
  if (sections.cmd) out.out(`\n${cmdLine}`);
  if (sections.comments) {
    out.out(";; Got answer:\n");
    out.out(`;; ->>HEADER<<- opcode: QUERY, status: ${a.rcode}, id: ${id}\n`);
    out.out(`;; flags: ${flags.join(" ")}; QUERY: 1, ANSWER: ${a.answers.length}, AUTHORITY: ${a.authority.length}, ADDITIONAL: 1\n`);
    if (!a.recursionAvailable) out.out(";; WARNING: recursion requested but not available\n");
    out.out(`\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: ${coredns ? 1232 : 65494}\n`);
    if (coredns) out.out(`; COOKIE: ${fnv32a(`cookie|${id}`).toString(16).padStart(8, "0")}${fnv32a(`c2|${id}`).toString(16).padStart(8, "0")} (echoed)\n`);
  }
  if (sections.question) {
    if (sections.comments) out.out(";; QUESTION SECTION:\n");
    out.out(`${tabbed([`;${fqdn(asked)}`, "IN", qtype], [32, 40])}\n`);
  }
  const section = (title: string, records: DnsRecord[], on: boolean) => {
    if (!on || records.length === 0) return;
    if (sections.comments || sections.question) out.out("\n");
    if (sections.comments) out.out(`;; ${title} SECTION:\n`);
    for (const r of records) out.out(`${recordText(r)}\n`);
  };
  section("ANSWER", a.answers, sections.answer);
  section("AUTHORITY", a.authority, sections.authority);
  if (sections.stats) {
    const size =
      12 +
      wireLength(asked) +
      4 +
      a.answers.reduce((n, r) => n + 12 + (r.type === "A" ? 4 : r.type === "AAAA" ? 16 : wireLength(r.data) + (r.type === "SRV" ? 6 : 0)), 0) +
      a.authority.reduce((n, r) => n + 12 + r.data.length + 4, 0) +
      11 +
      (coredns ? 12 : 0);
    out.out(`\n;; Query time: 0 msec\n;; SERVER: ${srv}#53(${srv}) (UDP)\n;; WHEN: ${digStamp(env.world.now())}\n;; MSG SIZE  rcvd: ${size}\n\n`);
  }
  return out.result(0);
}
