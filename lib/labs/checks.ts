// Declarative checks evaluated against a sandbox's state: the objects in etcd, the machines'
// files, units and Docker engines, etcd's keys and members, and (for HTTP) the simulated network.
// Checks only read: a check that has to exercise the network undoes what the request left behind.
import type { StoredObject } from "@/lib/engine/api/types";
import { resourceForKind, storageKey, storagePrefix, type ResourceInfo } from "@/lib/engine/apiserver/registry";
import { matchesSelector, parseLabelSelector } from "@/lib/engine/apiserver/selectors";
import { canonicalCidr, cidrContains, parseCidr, parseIPv4 } from "@/lib/engine/docker/ipnet";
import { attachedNetworks } from "@/lib/engine/docker/netview";
import { processStatusAt } from "@/lib/engine/images/process";
import { readFile } from "@/lib/engine/hosts/fs";
import type { HostState } from "@/lib/engine/hosts/types";
import { kubelets } from "@/lib/engine/kubelet/kubelet";
import { httpRequest, type HttpOutcome } from "@/lib/engine/network";
import type { Sandbox } from "@/lib/engine/sandbox";
import { prefixEnd, type EtcdStore, type KeyValue } from "@/lib/engine/store";
import type { Check, CheckOf } from "./schema";
import type { Message, MessageKey, MessageValues } from "./messages";
import { CUSTOM_CHECKS } from "./custom-checks";

export type CheckResult = { passed: true } | { passed: false; message: Message };

const PASS: CheckResult = { passed: true };
const fail = (key: MessageKey, values: MessageValues = {}): CheckResult => ({ passed: false, message: { key, values } });

/** Thrown when no etcd member can serve a read; the check reports etcd as down. */
class EtcdDown extends Error {}

/**
 * Reads the cluster's objects straight from etcd (as the API server would store them), so a
 * check still sees the truth while the API server is down. Parsed objects are cached for one
 * grading pass.
 */
export class StateReader {
  private cache = new Map<string, StoredObject[]>();
  private member: string | undefined;

  constructor(readonly sandbox: Sandbox) {
    const store = sandbox.store;
    this.member = store.leader() ?? store.members().find((m) => m.started)?.name;
  }

  get store(): EtcdStore {
    return this.sandbox.store;
  }

  /** A serializable read from a running member: it works without a leader, as a grader should. */
  range(key: string, opts: { prefix?: boolean; revision?: number } = {}): KeyValue[] {
    if (this.member === undefined) throw new EtcdDown();
    try {
      return this.store.range(key, { serializable: true, member: this.member, ...(opts.prefix ? { rangeEnd: prefixEnd(key) } : {}), ...(opts.revision ? { revision: opts.revision } : {}) }).kvs;
    } catch (error) {
      if (opts.revision) throw error;
      throw new EtcdDown();
    }
  }

  list(info: ResourceInfo, namespace?: string): StoredObject[] {
    const prefix = storagePrefix(info, namespace);
    let hit = this.cache.get(prefix);
    if (!hit) {
      hit = this.range(prefix, { prefix: true }).map((kv) => {
        const obj = JSON.parse(kv.value) as StoredObject;
        obj.metadata.resourceVersion = String(kv.modRevision);
        return obj;
      });
      this.cache.set(prefix, hit);
    }
    return hit;
  }

  get(info: ResourceInfo, namespace: string | undefined, name: string): StoredObject | undefined {
    const key = storageKey(info, namespace, name);
    const kv = this.range(key)[0];
    if (!kv) return undefined;
    const obj = JSON.parse(kv.value) as StoredObject;
    obj.metadata.resourceVersion = String(kv.modRevision);
    return obj;
  }
}

// ------------------------------------------------------------------------------------------
// Paths: spec.template.spec.containers[name=nginx].resources.limits.memory, items[0], labels["app.kubernetes.io/name"]

type Segment = { key: string } | { index: number } | { match: [string, string] };

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i]!;
    if (c === ".") {
      i++;
      continue;
    }
    if (c === "[") {
      const end = path.indexOf("]", i);
      if (end < 0) throw new Error(`unclosed [ in path ${path}`);
      const inner = path.slice(i + 1, end).trim();
      i = end + 1;
      const quoted = /^"(.*)"$|^'(.*)'$/.exec(inner);
      if (quoted) out.push({ key: quoted[1] ?? quoted[2] ?? "" });
      else if (/^\d+$/.test(inner)) out.push({ index: Number(inner) });
      else {
        const eq = inner.indexOf("=");
        if (eq < 0) throw new Error(`bad selector [${inner}] in path ${path}`);
        out.push({ match: [inner.slice(0, eq).trim(), inner.slice(eq + 1).trim().replace(/^["']|["']$/g, "")] });
      }
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
    out.push({ key: path.slice(i, j) });
    i = j;
  }
  return out;
}

export function readPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const seg of parsePath(path)) {
    if (cur === undefined || cur === null) return undefined;
    if ("key" in seg) cur = typeof cur === "object" && !Array.isArray(cur) ? (cur as Record<string, unknown>)[seg.key] : undefined;
    else if ("index" in seg) cur = Array.isArray(cur) ? cur[seg.index] : undefined;
    else cur = Array.isArray(cur) ? cur.find((item) => item !== null && typeof item === "object" && String((item as Record<string, unknown>)[seg.match[0]]) === seg.match[1]) : undefined;
  }
  return cur;
}

/** How a value reads in a message: strings as they are, everything else as compact JSON. */
export function show(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? "undefined";
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Numbers typed as strings in YAML ("3") and vice versa compare as the same value.
  if ((typeof a === "number" && typeof b === "string") || (typeof a === "string" && typeof b === "number")) return String(a) === String(b);
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// ------------------------------------------------------------------------------------------
// Object selection

interface Selected {
  info: ResourceInfo;
  /** "ns/name", "name", or "ns/[app=web]" for a selector. */
  ref: string;
  objects: StoredObject[];
}

function resource(kind: string): ResourceInfo {
  const info = resourceForKind(kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

function refOf(info: ResourceInfo, namespace: string | undefined, name: string): string {
  return info.namespaced ? `${namespace ?? "default"}/${name}` : name;
}

function select(reader: StateReader, c: { kind: string; namespace?: string | undefined; name?: string | undefined; selector?: string | undefined }): Selected {
  const info = resource(c.kind);
  const namespace = info.namespaced ? (c.namespace ?? "default") : undefined;
  if (c.name !== undefined) {
    const obj = reader.get(info, namespace, c.name);
    return { info, ref: refOf(info, namespace, c.name), objects: obj ? [obj] : [] };
  }
  const selector = parseLabelSelector(c.selector ?? "");
  // Objects being deleted are on their way out: a check about what exists ignores them.
  const objects = reader.list(info, namespace).filter((o) => matchesSelector(selector, o.metadata.labels) && !o.metadata.deletionTimestamp);
  return { info, ref: info.namespaced ? `${namespace}/[${c.selector}]` : `[${c.selector}]`, objects };
}

const objectRef = (info: ResourceInfo, o: StoredObject) => refOf(info, o.metadata.namespace, o.metadata.name);

/** Applies `test` to every selected object; the first failure wins. No object at all fails. */
function eachObject(reader: StateReader, c: Parameters<typeof select>[1], test: (o: StoredObject, ref: string, info: ResourceInfo) => CheckResult): CheckResult {
  const sel = select(reader, c);
  if (sel.objects.length === 0) return c.name !== undefined ? fail("objectMissing", { kind: sel.info.kind, ref: sel.ref }) : fail("noMatch", { kind: sel.info.kind, ref: sel.ref });
  for (const o of sel.objects) {
    const r = test(o, objectRef(sel.info, o), sel.info);
    if (!r.passed) return r;
  }
  return PASS;
}

// ------------------------------------------------------------------------------------------
// Kubernetes checks

function checkField(reader: StateReader, c: CheckOf<"field">): CheckResult {
  return eachObject(reader, c, (o, ref, info) => {
    const actual = readPath(o, c.path);
    const base = { kind: info.kind, ref, path: c.path };
    if (c.exists !== undefined) {
      if (c.exists && actual === undefined) return fail("fieldMissing", base);
      if (!c.exists && actual !== undefined) return fail("fieldPresent", { ...base, actual: show(actual) });
      return PASS;
    }
    if (c.equals !== undefined) {
      if (actual === undefined) return fail("fieldUnset", { ...base, expected: show(c.equals) });
      return deepEqual(actual, c.equals) ? PASS : fail("fieldMismatch", { ...base, actual: show(actual), expected: show(c.equals) });
    }
    if (actual === undefined) return fail("fieldUnset", { ...base, expected: show(c.contains ?? c.matches) });
    if (c.contains !== undefined) return show(actual).includes(c.contains) ? PASS : fail("fieldNotContains", { ...base, actual: show(actual), expected: c.contains });
    if (c.matches !== undefined) return new RegExp(c.matches).test(show(actual)) ? PASS : fail("fieldNotMatches", { ...base, actual: show(actual), expected: c.matches });
    return PASS;
  });
}

function conditionOf(o: StoredObject, type: string): string | undefined {
  const conditions = (o.status?.conditions ?? []) as { type: string; status: string }[];
  return conditions.find((x) => x.type === type)?.status;
}

function checkCondition(reader: StateReader, c: CheckOf<"condition">): CheckResult {
  return eachObject(reader, c, (o, ref, info) => {
    const actual = conditionOf(o, c.condition);
    return actual === c.status ? PASS : fail("condition", { kind: info.kind, ref, condition: c.condition, actual: actual ?? "Unknown", expected: c.status });
  });
}

function checkReadyReplicas(reader: StateReader, c: CheckOf<"ready-replicas">): CheckResult {
  const sel = select(reader, c);
  const o = sel.objects[0];
  if (!o) return fail("objectMissing", { kind: c.kind, ref: sel.ref });
  const status = (o.status ?? {}) as Record<string, number | undefined>;
  const daemon = c.kind === "DaemonSet";
  const desired = c.replicas ?? (daemon ? (status.desiredNumberScheduled ?? 0) : ((o.spec?.replicas as number | undefined) ?? 1));
  const ready = (daemon ? status.numberReady : status.readyReplicas) ?? 0;
  const base = { kind: c.kind, ref: sel.ref, ready, desired };
  if (ready < desired) return fail("replicasShort", base);
  if (ready > desired) return fail("replicasExcess", base);
  if (c.updated) {
    const updated = (daemon ? status.updatedNumberScheduled : status.updatedReplicas) ?? 0;
    const total = (daemon ? status.currentNumberScheduled : status.replicas) ?? 0;
    const observed = ((o.status?.observedGeneration as number | undefined) ?? 0) >= (o.metadata.generation ?? 0);
    if (!observed || updated < desired || total > desired) return fail("rolloutPending", { kind: c.kind, ref: sel.ref, updated: observed ? updated : 0, desired });
  }
  return PASS;
}

function readyAddresses(endpoints: StoredObject | undefined): number {
  const subsets = (endpoints?.subsets ?? []) as { addresses?: unknown[] }[];
  return subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
}

function checkEndpoints(reader: StateReader, c: CheckOf<"endpoints">): CheckResult {
  const svc = resource("Service");
  const ref = `${c.namespace}/${c.name}`;
  if (!reader.get(svc, c.namespace, c.name)) return fail("objectMissing", { kind: "Service", ref });
  const actual = readyAddresses(reader.get(resource("Endpoints"), c.namespace, c.name));
  if (c.count !== undefined) return actual === c.count ? PASS : fail("endpoints", { ref, actual, expected: c.count });
  return actual >= (c.min ?? 0) ? PASS : fail("endpointsMin", { ref, actual, expected: c.min ?? 0 });
}

function checkPodNode(reader: StateReader, c: CheckOf<"pod-node">): CheckResult {
  return eachObject(reader, c, (o, ref) => {
    const node = o.spec?.nodeName as string | undefined;
    if (c.scheduled === false) return node ? fail("podScheduled", { ref, actual: node }) : PASS;
    if (!node) return fail("podNotScheduled", { ref });
    if (c.node !== undefined && node !== c.node) return fail("podNode", { ref, actual: node, expected: c.node });
    if (c.notNode !== undefined && node === c.notNode) return fail("podNotNode", { ref, actual: node, expected: c.notNode });
    return PASS;
  });
}

function checkNodeCondition(reader: StateReader, c: CheckOf<"node-condition">): CheckResult {
  const o = reader.get(resource("Node"), undefined, c.node);
  if (!o) return fail("objectMissing", { kind: "Node", ref: c.node });
  const actual = conditionOf(o, c.condition) ?? "Unknown";
  return actual === c.status ? PASS : fail("nodeCondition", { node: c.node, condition: c.condition, actual, expected: c.status });
}

function checkNodeTaint(reader: StateReader, c: CheckOf<"node-taint">): CheckResult {
  const o = reader.get(resource("Node"), undefined, c.node);
  if (!o) return fail("objectMissing", { kind: "Node", ref: c.node });
  const taints = (o.spec?.taints ?? []) as { key: string; value?: string; effect: string }[];
  const found = taints.some((t) => t.key === c.key && (c.value === undefined || (t.value ?? "") === c.value) && (c.effect === undefined || t.effect === c.effect));
  const taint = `${c.key}${c.value !== undefined ? `=${c.value}` : ""}${c.effect ? `:${c.effect}` : ""}`;
  if (c.present && !found) return fail("taintMissing", { node: c.node, taint });
  if (!c.present && found) return fail("taintPresent", { node: c.node, taint });
  return PASS;
}

// ------------------------------------------------------------------------------------------
// Machines: Docker, units, files

function hostOf(sandbox: Sandbox, name: string): HostState | CheckResult {
  const host = sandbox.hosts[name];
  return host ?? fail("hostMissing", { host: name });
}

const isResult = (x: unknown): x is CheckResult => typeof x === "object" && x !== null && "passed" in x;

const sameCidr = (a: string | undefined, b: string) => a !== undefined && (canonicalCidr(a) ?? a) === (canonicalCidr(b) ?? b);

function checkDockerNetwork(sandbox: Sandbox, c: CheckOf<"docker-network">): CheckResult {
  const host = hostOf(sandbox, c.host);
  if (isResult(host)) return host;
  if (!host.docker) return fail("noDocker", { host: c.host });
  const n = host.docker.networks.find((x) => x.name === c.name);
  if (!c.present) return n ? fail("networkPresent", { host: c.host, name: c.name }) : PASS;
  if (!n) return fail("networkMissing", { host: c.host, name: c.name });
  const field = (f: string, actual: unknown, expected: string) => fail("networkField", { host: c.host, name: c.name, field: f, actual: actual === undefined || actual === "" ? "-" : show(actual), expected });
  if (c.driver !== undefined && n.driver !== c.driver) return field("driver", n.driver, c.driver);
  const ipam = n.ipamConfig;
  if (c.subnet !== undefined && !ipam.some((e) => sameCidr(e.Subnet, c.subnet!))) return field("subnet", ipam.map((e) => e.Subnet).join(", "), c.subnet);
  if (c.ipRange !== undefined && !ipam.some((e) => sameCidr(e.IPRange, c.ipRange!))) return field("ip-range", ipam.map((e) => e.IPRange ?? "").filter(Boolean).join(", "), c.ipRange);
  if (c.gateway !== undefined) {
    const gateways = ipam.map((e, i) => e.Gateway ?? n.pools[i]?.gateway ?? "").filter(Boolean);
    if (!gateways.includes(c.gateway)) return field("gateway", gateways.join(", "), c.gateway);
  }
  if (c.internal !== undefined && n.internal !== c.internal) return field("internal", n.internal, String(c.internal));
  for (const [k, v] of Object.entries(c.options ?? {})) if (n.options[k] !== v) return field(`option ${k}`, n.options[k], v);
  for (const [k, v] of Object.entries(c.labels ?? {})) if (n.labels[k] !== v) return field(`label ${k}`, n.labels[k], v);
  return PASS;
}

function checkDockerContainer(sandbox: Sandbox, c: CheckOf<"docker-container">): CheckResult {
  const host = hostOf(sandbox, c.host);
  if (isResult(host)) return host;
  const engine = host.docker;
  if (!engine) return fail("noDocker", { host: c.host });
  const ct = engine.containers.find((x) => x.name === c.name);
  if (!c.present) return ct ? fail("containerPresent", { host: c.host, name: c.name }) : PASS;
  if (!ct) return fail("containerMissing", { host: c.host, name: c.name });
  const base = { host: c.host, name: c.name };
  // A running container whose process has since exited reads as exited (as `docker ps` would show it).
  const run = ct.runs[ct.runs.length - 1];
  const running = ct.status === "running" && !(run && processStatusAt(run.plan, run.startedAt, sandbox.now()).state === "exited");
  if (c.running === true && !running) return fail("containerNotRunning", { ...base, actual: ct.status === "running" ? "exited" : ct.status });
  if (c.running === false && running) return fail("containerRunning", base);
  if (c.image !== undefined && ct.image !== c.image) return fail("containerField", { ...base, field: "image", actual: ct.image, expected: c.image });
  const attached = attachedNetworks(engine, ct);
  let ip: string | undefined;
  if (c.network !== undefined) {
    const on = attached.find((a) => a.network.name === c.network);
    if (!on) return fail("containerNotOnNetwork", { ...base, network: c.network });
    ip = on.ip;
  } else {
    ip = attached[0]?.ip;
  }
  if (c.ip !== undefined && ip !== c.ip) return fail("containerField", { ...base, field: "IP", actual: ip || "-", expected: c.ip });
  if (c.ipIn !== undefined) {
    const cidr = parseCidr(c.ipIn);
    const n = ip ? parseIPv4(ip) : null;
    if (!cidr || n === null || !cidrContains(cidr, n)) return fail("containerField", { ...base, field: "IP", actual: ip || "-", expected: c.ipIn });
  }
  return PASS;
}

function checkUnit(sandbox: Sandbox, c: CheckOf<"unit">): CheckResult {
  const host = hostOf(sandbox, c.host);
  if (isResult(host)) return host;
  const u = host.units[c.unit.replace(/\.service$/, "")];
  const unit = c.unit.replace(/\.service$/, "");
  if (!u) return fail("unitMissing", { host: c.host, unit });
  if (c.active !== undefined && u.active !== c.active) return fail("unitState", { host: c.host, unit, actual: u.active, expected: c.active });
  if (c.enabled !== undefined && u.enabled !== c.enabled) return fail("unitState", { host: c.host, unit, actual: u.enabled, expected: c.enabled });
  return PASS;
}

/** A file's text on a host (following symlinks), or undefined when there is none. */
export function fileText(host: HostState, path: string): string | undefined {
  const r = readFile(host.fs, path);
  return r.ok ? r.value : undefined;
}

/** Cuts long file contents for a message. */
const excerpt = (text: string) => {
  const t = text.trim();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t || '""';
};

function checkFile(sandbox: Sandbox, c: CheckOf<"file">): CheckResult {
  const host = hostOf(sandbox, c.host);
  if (isResult(host)) return host;
  const text = fileText(host, c.path);
  const base = { host: c.host, path: c.path };
  if (!c.exists) return text === undefined ? PASS : fail("filePresent", base);
  if (text === undefined) return fail("fileMissing", base);
  const norm = (s: string) => (c.ignoreCase ? s.toLowerCase() : s);
  if (c.contains !== undefined && !norm(text).includes(norm(c.contains))) return fail("fileNotContains", { ...base, expected: c.contains });
  if (c.matches !== undefined && !new RegExp(c.matches, c.ignoreCase ? "im" : "m").test(text)) return fail("fileNotMatches", { ...base, expected: c.matches });
  if (c.equals !== undefined && norm(text.trim()) !== norm(c.equals.trim())) return fail("fileNotEquals", { ...base, actual: excerpt(text), expected: c.equals });
  return PASS;
}

// ------------------------------------------------------------------------------------------
// etcd

function checkEtcdKey(reader: StateReader, c: CheckOf<"etcd-key">): CheckResult {
  const kv = reader.range(c.key)[0];
  if (!c.exists) return kv ? fail("etcdKeyPresent", { key: c.key }) : PASS;
  if (!kv) return fail("etcdKeyMissing", { key: c.key });
  let value = kv.value;
  if (c.revisionsBack) {
    // Walk back through the key's own history: each step reads just before the last change.
    let at: KeyValue | undefined = kv;
    for (let i = 0; i < c.revisionsBack && at; i++) {
      try {
        at = at.modRevision > 1 ? reader.range(c.key, { revision: at.modRevision - 1 })[0] : undefined;
      } catch {
        at = undefined;
      }
    }
    if (!at) return fail("etcdHistory", { key: c.key, back: c.revisionsBack });
    value = at.value;
  }
  if (c.value !== undefined && value !== c.value) return fail("etcdValue", { key: c.key, actual: value, expected: c.value });
  if (c.valueMatches !== undefined && !new RegExp(c.valueMatches).test(value)) return fail("etcdValueMatch", { key: c.key, actual: value, expected: c.valueMatches });
  if (c.compare) {
    const actual = kv[c.compare.field];
    let expected = c.compare.value;
    if (c.compare.key !== undefined) {
      const other = reader.range(c.compare.key)[0];
      if (!other) return fail("etcdKeyMissing", { key: c.compare.key });
      expected = other[c.compare.field];
    }
    const e = expected ?? 0;
    const ok = { "=": actual === e, "!=": actual !== e, "<": actual < e, "<=": actual <= e, ">": actual > e, ">=": actual >= e }[c.compare.op];
    if (!ok) return fail("etcdCompare", { key: c.key, field: c.compare.field, actual, op: c.compare.op, expected: e });
  }
  if (c.lease !== undefined && c.lease !== false) {
    if (kv.lease === "0") return fail("etcdNoLease", { key: c.key });
    if (typeof c.lease === "object") {
      let granted: number | undefined;
      try {
        granted = reader.store.timeToLive(kv.lease).grantedTtl;
      } catch {
        granted = undefined;
      }
      if (granted !== undefined && granted > c.lease.maxTtl) return fail("etcdLeaseTtl", { key: c.key, actual: granted, expected: c.lease.maxTtl });
    }
  }
  if (c.lease === false && kv.lease !== "0") return fail("fieldPresent", { kind: "etcd key", ref: c.key, path: "lease", actual: kv.lease });
  return PASS;
}

function checkEtcdCompaction(reader: StateReader, c: CheckOf<"etcd-compaction">): CheckResult {
  let expected = c.atLeast ?? 0;
  if (c.modRevisionOf !== undefined) {
    const kv = reader.range(c.modRevisionOf)[0];
    if (!kv) return fail("etcdKeyMissing", { key: c.modRevisionOf });
    expected = kv.modRevision;
  }
  const actual = reader.store.compactRevision;
  return actual >= expected ? PASS : fail("etcdCompaction", { actual, expected });
}

function checkEtcdCluster(sandbox: Sandbox, c: CheckOf<"etcd-cluster">): CheckResult {
  const store = sandbox.store;
  if (c.member !== undefined) {
    const m = store.members().find((x) => x.name === c.member);
    if (!m) return fail("etcdMemberMissing", { member: c.member });
    if (m.started !== c.started) return fail("etcdMember", { member: c.member, actual: m.started ? "started" : "stopped", expected: c.started ? "started" : "stopped" });
  }
  if (c.hasLeader !== undefined) {
    const leader = store.leader();
    if (c.hasLeader && leader === undefined) return fail("etcdNoLeader");
    if (!c.hasLeader && leader !== undefined) return fail("etcdHasLeader", { leader });
  }
  return PASS;
}

// ------------------------------------------------------------------------------------------
// HTTP

/** Runs `fn` and puts back what a request changes: round-robin counters and access-log lines. */
function withoutTraces<T>(sandbox: Sandbox, fn: () => T): T {
  const components = sandbox.cluster.components;
  const network = JSON.stringify(components.network ?? null);
  const logs: [{ extraLogs?: unknown[] }, number | undefined][] = [];
  for (const state of Object.values(kubelets(sandbox.cluster))) {
    for (const pod of Object.values(state.pods)) for (const c of Object.values(pod.containers)) logs.push([c, c.extraLogs?.length]);
  }
  for (const host of Object.values(sandbox.hosts)) for (const c of host.docker?.containers ?? []) logs.push([c, c.extraLogs.length]);
  try {
    return fn();
  } finally {
    const saved = JSON.parse(network) as unknown;
    if (saved === null) delete components.network;
    else components.network = saved;
    for (const [holder, length] of logs) {
      if (length === undefined) delete holder.extraLogs;
      else holder.extraLogs?.splice(length);
    }
  }
}

function failureReason(r: Extract<HttpOutcome, { ok: false }>): string {
  switch (r.stage) {
    case "url":
      return "bad URL";
    case "resolve":
      return "could not resolve host";
    case "connect":
      return r.why === "refused" ? "connection refused" : r.why === "timeout" ? "connection timed out" : String(r.why);
    case "tls":
      return `TLS: ${r.why}`;
    case "reply":
      return "empty reply from server";
  }
}

function checkHttp(reader: StateReader, c: CheckOf<"http">): CheckResult {
  const sandbox = reader.sandbox;
  let origin: { host: string } | { pod: { namespace: string; name: string } };
  let from: string;
  if ("host" in c.from) {
    origin = { host: c.from.host };
    from = c.from.host;
  } else {
    const p = c.from.pod;
    let name = p.name;
    if (name === undefined) {
      const pods = select(reader, { kind: "Pod", namespace: p.namespace, selector: p.selector ?? "" }).objects.filter((o) => o.status?.phase === "Running");
      name = pods[0]?.metadata.name;
      if (!name) return fail("noMatch", { kind: "Pod", ref: `${p.namespace}/[${p.selector ?? ""}]` });
    }
    origin = { pod: { namespace: p.namespace, name } };
    from = `pod ${p.namespace}/${name}`;
  }
  const r = withoutTraces(sandbox, () => httpRequest(sandbox.world(), origin, c.url));
  const base = { from, url: c.url };
  if (!r.ok) return fail("httpFailed", { ...base, reason: failureReason(r) });
  if (c.status !== undefined && r.response.status !== c.status) return fail("httpStatus", { ...base, actual: r.response.status, expected: c.status });
  if (c.bodyContains !== undefined && !r.response.body.includes(c.bodyContains)) return fail("httpBody", { ...base, expected: c.bodyContains });
  return PASS;
}

// ------------------------------------------------------------------------------------------

/** Evaluates one check. Grading calls this for every check of every task after each command. */
export function runCheck(check: Check, reader: StateReader): CheckResult {
  const sandbox = reader.sandbox;
  try {
    switch (check.type) {
      case "object-exists": {
        const sel = select(reader, check);
        if (check.name !== undefined) return sel.objects.length > 0 ? PASS : fail("objectMissing", { kind: sel.info.kind, ref: sel.ref });
        const min = check.min ?? 1;
        if (sel.objects.length === 0) return fail("noMatch", { kind: sel.info.kind, ref: sel.ref });
        return sel.objects.length >= min ? PASS : fail("tooFew", { kind: sel.info.kind, ref: sel.ref, actual: sel.objects.length, expected: min });
      }
      case "object-absent": {
        const sel = select(reader, check);
        const left = sel.objects.filter((o) => check.name !== undefined || !o.metadata.deletionTimestamp);
        return left.length === 0 ? PASS : fail("objectPresent", { kind: sel.info.kind, ref: check.name !== undefined ? sel.ref : objectRef(sel.info, left[0]!) });
      }
      case "field":
        return checkField(reader, check);
      case "condition":
        return checkCondition(reader, check);
      case "ready-replicas":
        return checkReadyReplicas(reader, check);
      case "endpoints":
        return checkEndpoints(reader, check);
      case "pod-node":
        return checkPodNode(reader, check);
      case "node-condition":
        return checkNodeCondition(reader, check);
      case "node-taint":
        return checkNodeTaint(reader, check);
      case "docker-network":
        return checkDockerNetwork(sandbox, check);
      case "docker-container":
        return checkDockerContainer(sandbox, check);
      case "etcd-key":
        return checkEtcdKey(reader, check);
      case "etcd-compaction":
        return checkEtcdCompaction(reader, check);
      case "etcd-cluster":
        return checkEtcdCluster(sandbox, check);
      case "unit":
        return checkUnit(sandbox, check);
      case "file":
        return checkFile(sandbox, check);
      case "http":
        return checkHttp(reader, check);
      case "custom": {
        const fn = CUSTOM_CHECKS[check.name];
        return fn ? fn(reader, check.params) : fail("customUnknown", { name: check.name });
      }
    }
  } catch (error) {
    if (error instanceof EtcdDown) return fail("etcdDown");
    throw error;
  }
}
