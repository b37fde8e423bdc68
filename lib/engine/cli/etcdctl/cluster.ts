// member list, endpoint health | status | hashkv, defrag, alarm, version and the auth queries
// (etcdctl 3.5 member_command.go, ep_command.go, defrag_command.go, alarm_command.go, ...).
import { fnv32a } from "../../random";
import { EtcdError, etcdErrors, type EtcdStore, type ResponseHeader } from "../../store";
import { goDuration } from "../../util/go-format";
import { API_VERSION, ETCDCTL_VERSION, RpcError, deadlineText, parseEndpoint, type Client } from "./client";
import type { Ctl } from "./ctl";
import { hexToDecimal, jsonObject } from "./format";
import { ExitCode, Exit } from "./output";
import { printAlarm, printEndpointHealth, printEndpointStatus, printHashKV, printMemberList, unsupported, type EpHealth, type EpStatus } from "./printers";

/** MemberList is linearizable in 3.5: it needs a leader. */
function memberList(store: EtcdStore, member: string): { header: ResponseHeader } {
  if (store.leader() === undefined) throw etcdErrors.noLeader();
  return { header: store.status(member).header };
}

export function runMemberList(c: Ctl): void {
  const client = c.client();
  const store = client.store;
  let resp;
  try {
    resp = client.unary((member) => memberList(store, member));
  } catch (e) {
    if (e instanceof RpcError) c.out.fail(ExitCode.error, e.message);
    throw e;
  }
  printMemberList(c.d, resp.header, store.members());
}

/** endpointsFromCluster: --endpoints, or every client URL from the member list with --cluster. */
function endpointsFromCluster(c: Ctl, client?: Client): string[] {
  if (!c.bool("cluster")) return c.endpoints();
  const cl = client ?? c.client();
  const store = cl.store;
  try {
    cl.unary((member) => memberList(store, member));
  } catch (e) {
    if (e instanceof RpcError) c.out.fail(ExitCode.error, `failed to fetch endpoints from etcd cluster member list: ${e.message}`);
    throw e;
  }
  return store.members().flatMap((m) => m.clientURLs);
}

export function runEndpointStatus(c: Ctl): void {
  const client = c.client();
  const store = client.store;
  const list: EpStatus[] = [];
  let failed = false;
  for (const ep of endpointsFromCluster(c, client)) {
    try {
      const status = client.unary((member) => store.status(member), { dial: client.dial(parseEndpoint(ep)) });
      list.push({ ep, status });
    } catch (e) {
      if (!(e instanceof RpcError)) throw e;
      failed = true;
      c.out.err(`Failed to get the status of endpoint ${ep} (${e.message})\n`);
    }
  }
  printEndpointStatus(c.d, list);
  if (failed) throw new Exit(ExitCode.error);
}

export function runEndpointHealth(c: Ctl): void {
  c.clientConfig();
  const endpoints = endpointsFromCluster(c);
  const base = c.client(endpoints.slice(0, 1));
  const timeout = c.int("command-timeout");
  // The checks run in parallel, one client each; results arrive in the order they finish.
  const results: Array<EpHealth & { nanos: number; log?: [string, string] }> = [];
  let waited = false;
  for (const ep of endpoints) {
    const client = c.client([ep]);
    const d = client.dial(parseEndpoint(ep));
    const jitter = fnv32a(`${c.now()}|${ep}`) % 2_000_000;
    if (!d.ok) {
      waited = true;
      const nanos = timeout + 1_000_000 + jitter;
      results.push({ ep, health: false, took: goDuration(nanos), error: "context deadline exceeded", nanos, log: [deadlineText(d.desc), client.target(ep)] });
      continue;
    }
    const h = base.store.health(d.member);
    if (h.healthy) {
      results.push({ ep, health: true, took: goDuration(h.tookNanos), nanos: h.tookNanos });
    } else {
      waited = true;
      const nanos = timeout + 1_000_000 + jitter;
      results.push({ ep, health: false, took: goDuration(nanos), error: h.error ?? "context deadline exceeded", nanos, log: [deadlineText(undefined), client.target(ep)] });
    }
  }
  if (waited) base.advance(timeout);
  results.sort((a, b) => a.nanos - b.nanos);
  for (const r of results) if (r.log) base.warn(r.log[0], "client", r.log[1]);
  printEndpointHealth(
    c.d,
    results.map(({ ep, health, took, error }) => ({ ep, health, took, ...(error ? { error } : {}) })),
  );
  if (results.some((r) => r.error)) c.out.fail(ExitCode.error, "unhealthy cluster");
}

export function runEndpointHashKV(c: Ctl): void {
  const client = c.client();
  const store = client.store;
  const rev = c.int("rev");
  const list: Array<{ ep: string; header: ResponseHeader; hash: number; compactRevision: number }> = [];
  let failure: string | undefined;
  for (const ep of endpointsFromCluster(c, client)) {
    try {
      const resp = client.unary(
        (member) => {
          const header = store.status(member).header;
          const kvs = store.range("", { prefix: true, revision: rev, serializable: true, member }).kvs;
          const hash = fnv32a(kvs.map((kv) => `${kv.key}\u0000${kv.modRevision}\u0000${kv.value}`).join("\u0001"));
          return { header, hash, compactRevision: store.compactRevision };
        },
        { dial: client.dial(parseEndpoint(ep)) },
      );
      list.push({ ep, ...resp });
    } catch (e) {
      if (!(e instanceof RpcError)) throw e;
      failure = e.message;
      c.out.err(`Failed to get the hash of endpoint ${ep} (${e.message})\n`);
    }
  }
  printHashKV(c.d, list);
  if (failure !== undefined) c.out.fail(ExitCode.error, failure);
}

export function runDefrag(c: Ctl): void {
  const client = c.client();
  const store = client.store;
  let failures = 0;
  for (const ep of endpointsFromCluster(c, client)) {
    try {
      client.unary((member) => store.defragment(member), { dial: client.dial(parseEndpoint(ep)) });
      c.out.out(`Finished defragmenting etcd member[${ep}]\n`);
    } catch (e) {
      if (!(e instanceof RpcError)) throw e;
      failures++;
      c.out.err(`Failed to defragment etcd member[${ep}] (${e.message})\n`);
    }
  }
  if (failures > 0) throw new Exit(ExitCode.error);
}

/** Alarm requests go through Raft, so they need a leader; the simulated cluster raises none. */
function alarm(c: Ctl, verb: "list" | "disarm"): void {
  if (c.args.length !== 0) c.out.fail(ExitCode.badArgs, `alarm ${verb} command accepts no arguments`);
  const client = c.client();
  const store = client.store;
  let header: ResponseHeader;
  try {
    header = client.unary((member) => {
      if (store.leader() === undefined) throw etcdErrors.noLeader();
      return store.status(member).header;
    });
  } catch (e) {
    if (e instanceof RpcError) c.out.fail(ExitCode.error, e.message);
    throw e;
  }
  printAlarm(c.d, header);
}

export const runAlarmList = (c: Ctl) => alarm(c, "list");
export const runAlarmDisarm = (c: Ctl) => alarm(c, "disarm");

export function runVersion(c: Ctl): void {
  c.out.out(`etcdctl version: ${ETCDCTL_VERSION}\nAPI version: ${API_VERSION}\n`);
}

/** A Raft-served auth request (auth is disabled in kubeadm's etcd). */
function authRequest(c: Ctl): ResponseHeader {
  const client = c.client();
  const store = client.store;
  try {
    return client.unary((member) => {
      if (store.leader() === undefined) throw etcdErrors.noLeader();
      return store.status(member).header;
    });
  } catch (e) {
    if (e instanceof RpcError) c.out.fail(ExitCode.error, e.message);
    throw e;
  }
}

export function runAuthStatus(c: Ctl): void {
  const header = authRequest(c);
  const d = c.d;
  if (d.format === "simple") c.out.out("Authentication Status: false\nAuthRevision: 1\n");
  else if (d.format === "json") {
    c.out.out(`${jsonObject([["header", jsonObject([["cluster_id", hexToDecimal(header.clusterId)], ["member_id", hexToDecimal(header.memberId)], ["revision", String(header.revision)], ["raft_term", String(header.raftTerm)]])], ["authRevision", "1"]])}\n`);
  } else unsupported(d);
}

export function runAuthEnable(c: Ctl): void {
  const client = c.client();
  const store = client.store;
  try {
    client.unary((member) => {
      if (store.leader() === undefined) throw etcdErrors.noLeader();
      // etcd refuses to enable authentication before a root user exists.
      store.status(member);
      throw new EtcdError("FailedPrecondition", "etcdserver: root user does not exist");
    });
  } catch (e) {
    if (e instanceof RpcError) c.out.fail(ExitCode.error, e.message);
    throw e;
  }
}

/** user list / role list: no users or roles exist. */
export function runEmptyList(c: Ctl): void {
  authRequest(c);
}

