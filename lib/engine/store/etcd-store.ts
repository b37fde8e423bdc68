// A simulated etcd v3 cluster: an MVCC key-value store with revisions, compaction, watch history
// and leases, behind a small Raft model (members, leader, term, index, quorum). It follows etcd's
// server code (server/storage/mvcc, server/lease, server/etcdserver) so that revisions, versions,
// errors and lease timing come out as a real cluster's would.
import type { Millis, ReadonlyClock } from "../clock";
import { fnv32a } from "../random";
import { ErrorText, etcdErrors } from "./errors";
import {
  NO_LEASE,
  clusterIdFor,
  compareLeaseIds,
  initialIdSuffix,
  leaseIdFor,
  memberIdFor,
  nextIdSuffix,
  normalizeLeaseId,
  type LeaseId,
} from "./ids";
import { inRange, resolveRange, upperBound, type KeyRange, type ResolvedRange } from "./key-range";
import { SortedKeys } from "./sorted-keys";
import type {
  Compare,
  CompactResponse,
  DeleteOptions,
  DeleteResponse,
  EndpointHealth,
  EndpointOption,
  EndpointStatus,
  EtcdMemberState,
  EtcdStoreOptions,
  EtcdStoreState,
  ExpiredLease,
  KeyValue,
  LeaseGrantResponse,
  LeaseKeepAliveResponse,
  LeaseLeasesResponse,
  LeaseRevokeResponse,
  LeaseTimeToLiveResponse,
  MemberInfo,
  PutOptions,
  PutParams,
  PutResponse,
  RangeOptions,
  RangeParams,
  RangeResponse,
  ReadOptions,
  RequestOp,
  ResponseHeader,
  ResponseOp,
  RevisionState,
  StoreListener,
  TxnRequest,
  TxnResponse,
  WatchEvent,
  WatchOptions,
} from "./types";

/** The etcd that kubeadm deploys with Kubernetes v1.31–v1.33 (image registry.k8s.io/etcd:3.5.21-0). */
export const ETCD_VERSION = "3.5.21";
/** etcd's --max-txn-ops default. */
export const MAX_TXN_OPS = 128;
/**
 * etcd raises shorter lease TTLs to ceil(1.5 × election timeout); with the default 100 ms
 * heartbeat and 1000 ms election timeout that is ceil(1.5 s) = 2 s.
 */
export const MIN_LEASE_TTL = 2;
/** lease.MaxLeaseTTL: longer grants fail with "etcdserver: too large lease TTL". */
export const MAX_LEASE_TTL = 9_000_000_000;
/** A new leader restarts every lease's countdown plus one election timeout (lessor.Promote). */
const ELECTION_TIMEOUT_MS = 1000;
/** The first Raft term a new cluster's leader is elected in (term 1 carries the bootstrap entries). */
const INITIAL_TERM = 2;

// Database size estimate: a fresh etcd reports a 20 kB file; each stored revision then costs its
// key and value plus a fixed overhead (its 17-byte revision key and KeyValue framing), and the
// total rounds up to 4 KiB pages. The file only shrinks on defragment; "in use" follows compaction.
const BASE_DB_SIZE = 20480;
const PAGE_SIZE = 4096;
const REVISION_OVERHEAD = 48;

/** One stored revision of a key. Tombstones have c = 0. Shared by the key's history and the log. */
interface Rev {
  k: string;
  m: number;
  s: number;
  c: number;
  v: number;
  val: string;
  l: LeaseId;
}

interface Lease {
  id: LeaseId;
  ttl: number;
  expiry: Millis;
  keys: Set<string>;
}

/** Changes of one write transaction; they all get revision `rev`. */
interface Batch {
  rev: number;
  changes: Rev[];
  prevs: (Rev | undefined)[];
}

type WithoutHeader<T> = T extends unknown ? Omit<T, "header"> : never;

function isState(init: EtcdStoreOptions | EtcdStoreState): init is EtcdStoreState {
  return "revision" in init;
}

function revSize(r: Rev): number {
  return r.k.length + r.val.length + REVISION_OVERHEAD;
}

function toKeyValue(r: Rev): KeyValue {
  return { key: r.k, createRevision: r.c, modRevision: r.m, version: r.v, value: r.val, lease: r.l };
}

/** The latest revision of a history at or below `rev`. */
function entryAt(h: readonly Rev[], rev: number): Rev | undefined {
  const last = h[h.length - 1];
  if (last && last.m <= rev) return last;
  let lo = 0;
  let hi = h.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (h[mid]!.m <= rev) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? h[lo - 1] : undefined;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkKey(key: string): void {
  if (key === "") throw etcdErrors.emptyKey();
}

/** The server's empty-key check, after the client turned `"" --prefix` into the whole key space. */
function checkRangeKey(key: string, r: KeyRange): void {
  checkKey(resolveRange(key, r).key);
}

function checkPutRequest(key: string, value: string, p: PutParams): void {
  checkKey(key);
  if (p.ignoreValue && value !== "") throw etcdErrors.valueProvided();
  if (p.ignoreLease && normalizeLeaseId(p.lease) !== NO_LEASE) throw etcdErrors.leaseProvided();
}

/** etcd forbids two puts of one key, or a put inside a deleted range, in one branch of a txn. */
function checkIntervals(ops: readonly RequestOp[]): void {
  const dels: ResolvedRange[] = [];
  for (const op of ops) if (op.type === "delete") dels.push(resolveRange(op.key, op));
  const puts = new Set<string>();
  for (const op of ops) {
    if (op.type !== "put") continue;
    if (puts.has(op.key) || dels.some((d) => inRange(op.key, d))) throw etcdErrors.duplicateKey();
    puts.add(op.key);
  }
}

export class EtcdStore {
  private readonly clock: ReadonlyClock;
  private readonly listeners: StoreListener[] = [];
  private readonly version: string;
  private readonly clusterId: string;
  private readonly memberStates: EtcdMemberState[];
  /** Per key, its stored revisions in order. */
  private readonly history = new Map<string, Rev[]>();
  private readonly keys = new SortedKeys();
  /** Every change at or after the compaction point, in revision order: the watch history. */
  private log: Rev[] = [];
  private readonly leaseMap = new Map<LeaseId, Lease>();
  private rev: number;
  private compactRev: number;
  private term: number;
  private index: number;
  private leaderName: string | null;
  /** Sum of revSize over stored revisions. */
  private bytes = 0;

  constructor(init: EtcdStoreOptions | EtcdStoreState, clock: ReadonlyClock) {
    this.clock = clock;
    if (isState(init)) {
      this.version = init.version;
      this.clusterId = init.clusterId;
      this.rev = init.revision;
      this.compactRev = init.compactRevision;
      this.term = init.term;
      this.index = init.index;
      this.leaderName = init.leader;
      this.memberStates = init.members.map((m) => ({ ...m }));
      this.restoreData(init);
    } else {
      const specs = init.members;
      if (specs.length === 0) throw new Error("an etcd cluster needs at least one member");
      if (new Set(specs.map((s) => s.name)).size !== specs.length) {
        throw new Error("etcd member names must be unique");
      }
      const now = clock.now();
      // A new cluster has one bootstrap entry per member, the leader's empty entry, one
      // publish-attributes entry per member and the cluster-version entry (4 for one member).
      const index = 2 * specs.length + 2;
      this.version = init.version ?? ETCD_VERSION;
      this.memberStates = specs.map((s) => ({
        name: s.name,
        id: memberIdFor(s.name),
        peerURL: `https://${s.ip}:2380`,
        clientURL: `https://${s.ip}:2379`,
        started: true,
        term: INITIAL_TERM,
        index,
        revision: 1,
        dbSize: BASE_DB_SIZE,
        idSuffix: initialIdSuffix(now),
      }));
      this.clusterId = clusterIdFor(this.memberStates.map((m) => m.id));
      this.rev = 1;
      this.compactRev = 0;
      this.term = INITIAL_TERM;
      this.index = index;
      this.leaderName = specs[0]!.name;
    }
  }

  // ---------------------------------------------------------------- listeners and accessors

  /** Registers a listener for committed revisions; returns a function that removes it. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** The current store revision (1 for an empty store). */
  get revision(): number {
    return this.rev;
  }

  /** The revision of the last compaction, 0 when never compacted. */
  get compactRevision(): number {
    return this.compactRev;
  }

  // ---------------------------------------------------------------- key-value API

  range(key: string, opts: RangeOptions = {}): RangeResponse {
    checkRangeKey(key, opts);
    const via = this.serve(opts.member);
    let current: number;
    if (opts.serializable) {
      current = this.localRevision(via);
    } else {
      this.requireLeader();
      current = this.rev;
    }
    const result = this.readRange(key, opts, current);
    return { header: this.header(via, current), ...result };
  }

  /** The current pair of one key, or undefined. */
  get(key: string, opts: ReadOptions & { revision?: number } = {}): KeyValue | undefined {
    return this.range(key, opts).kvs[0];
  }

  /**
   * The current pair of one key, read through the leader: `get(key)` without building a
   * response (the API server's storage reads one key per request). Fails as `get` would.
   */
  latest(key: string): KeyValue | undefined {
    checkKey(key);
    this.serve(undefined);
    this.requireLeader();
    const h = this.history.get(key);
    const last = h?.[h.length - 1];
    return last && last.c !== 0 ? toKeyValue(last) : undefined;
  }

  put(key: string, value: string, opts: PutOptions = {}): PutResponse {
    checkPutRequest(key, value, opts);
    const via = this.serve(opts.member);
    this.requireLeader();
    this.propose(via);
    let events: WatchEvent[] = [];
    let prev: Rev | undefined;
    try {
      this.checkPut(key, opts, true);
      const batch = this.beginWrite();
      prev = this.writePut(batch, key, value, opts);
      events = this.endWrite(batch);
    } finally {
      this.syncMembers();
    }
    this.notify(events);
    const res: PutResponse = { header: this.header(via, this.rev) };
    if (opts.prevKv && prev) res.prevKv = toKeyValue(prev);
    return res;
  }

  deleteRange(key: string, opts: DeleteOptions = {}): DeleteResponse {
    checkRangeKey(key, opts);
    const via = this.serve(opts.member);
    this.requireLeader();
    this.propose(via);
    let events: WatchEvent[] = [];
    let prevs: Rev[];
    try {
      const batch = this.beginWrite();
      prevs = this.writeDeleteRange(batch, key, opts);
      events = this.endWrite(batch);
    } finally {
      this.syncMembers();
    }
    this.notify(events);
    return {
      header: this.header(via, this.rev),
      deleted: prevs.length,
      prevKvs: opts.prevKv ? prevs.map(toKeyValue) : [],
    };
  }

  txn(req: TxnRequest, opts: ReadOptions = {}): TxnResponse {
    const compare = req.compare ?? [];
    const success = req.success ?? [];
    const failure = req.failure ?? [];
    if (Math.max(compare.length, success.length, failure.length) > MAX_TXN_OPS) {
      throw etcdErrors.tooManyOps();
    }
    for (const c of compare) checkRangeKey(c.key, c);
    for (const op of [...success, ...failure]) {
      if (op.type === "put") checkPutRequest(op.key, op.value, op);
      else checkRangeKey(op.key, op);
    }
    checkIntervals(success);
    checkIntervals(failure);

    const via = this.serve(opts.member);
    const isWrite = success.some((op) => op.type !== "range") || failure.some((op) => op.type !== "range");
    if (!isWrite) {
      // A read-only txn is served like a range: linearizable through the leader, or locally.
      let current: number;
      if (opts.serializable) {
        current = this.localRevision(via);
      } else {
        this.requireLeader();
        current = this.rev;
      }
      const succeeded = compare.every((c) => this.evalCompare(c, current));
      const ops = succeeded ? success : failure;
      for (const op of ops) if (op.type === "range") this.checkRangeRevision(op.revision, current);
      const header = this.header(via, current);
      const responses: ResponseOp[] = ops.map((op) => ({
        type: "range" as const,
        header,
        ...this.readRange(op.key, op as RangeParams, current),
      }));
      return { header, succeeded, responses };
    }

    this.requireLeader();
    this.propose(via);
    let events: WatchEvent[] = [];
    let succeeded: boolean;
    const results: WithoutHeader<ResponseOp>[] = [];
    try {
      succeeded = compare.every((c) => this.evalCompare(c, this.rev));
      const ops = succeeded ? success : failure;
      // etcd checks the chosen branch before applying any of it, so a failing op changes nothing.
      for (const op of ops) {
        if (op.type === "put") this.checkPut(op.key, op, false);
        else if (op.type === "range") this.checkRangeRevision(op.revision, this.rev);
      }
      const batch = this.beginWrite();
      for (const op of ops) {
        if (op.type === "put") {
          const prev = this.writePut(batch, op.key, op.value, op);
          results.push(op.prevKv && prev ? { type: "put", prevKv: toKeyValue(prev) } : { type: "put" });
        } else if (op.type === "delete") {
          const prevs = this.writeDeleteRange(batch, op.key, op);
          results.push({ type: "delete", deleted: prevs.length, prevKvs: op.prevKv ? prevs.map(toKeyValue) : [] });
        } else {
          // Reads inside a write txn see the txn's earlier writes.
          const current = batch.changes.length > 0 ? batch.rev : this.rev;
          results.push({ type: "range", ...this.readRange(op.key, op, current) });
        }
      }
      events = this.endWrite(batch);
    } finally {
      this.syncMembers();
    }
    this.notify(events);
    const header = this.header(via, this.rev);
    const responses = results.map((r): ResponseOp => ({ ...r, header }));
    return { header, succeeded, responses };
  }

  /**
   * Compacts history: for each key the latest revision at or below `revision` stays (unless it
   * is a deletion) with everything after it; reads and watches below `revision` then fail.
   */
  compact(revision: number, opts: EndpointOption = {}): CompactResponse {
    const via = this.serve(opts.member);
    this.requireLeader();
    this.propose(via);
    try {
      if (revision <= this.compactRev) throw etcdErrors.compacted(this.compactRev);
      if (revision > this.rev) throw etcdErrors.futureRev();
      this.compactTo(revision);
    } finally {
      this.syncMembers();
    }
    return { header: this.header(via, this.rev) };
  }

  /**
   * The watch history: every change with revision >= fromRevision to the key or range, in
   * revision order, each with the pair it replaced when that is still stored.
   */
  changesSince(fromRevision: number, key: string, opts: WatchOptions = {}): WatchEvent[] {
    const via = this.serve(opts.member);
    if (opts.requireLeader) this.requireLeader();
    if (fromRevision > 0 && fromRevision < this.compactRev) throw etcdErrors.compacted(this.compactRev);
    const upTo = this.leaderName !== null ? this.rev : via.revision;
    const range = resolveRange(key, opts);
    const events: WatchEvent[] = [];
    if (fromRevision <= 0) return events;
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.log[mid]!.m < fromRevision) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.log.length; i++) {
      const e = this.log[i]!;
      if (e.m > upTo) break;
      if (inRange(e.k, range)) events.push(this.eventFor(e, this.previousOf(e)));
    }
    return events;
  }

  // ---------------------------------------------------------------- leases

  /** Grants a lease; without an id, the answering member's id generator picks one. */
  grant(ttlSeconds: number, opts: EndpointOption & { id?: LeaseId } = {}): LeaseGrantResponse {
    const via = this.serve(opts.member);
    this.requireLeader();
    let id = normalizeLeaseId(opts.id);
    if (id === NO_LEASE) {
      via.idSuffix = nextIdSuffix(via.idSuffix);
      id = leaseIdFor(via.id, via.idSuffix);
    }
    this.propose(via);
    let ttl: number;
    try {
      ttl = Math.trunc(ttlSeconds);
      if (ttl > MAX_LEASE_TTL) throw etcdErrors.leaseTTLTooLarge();
      if (ttl < MIN_LEASE_TTL) ttl = MIN_LEASE_TTL;
      if (this.leaseMap.has(id)) throw etcdErrors.leaseExist();
      this.leaseMap.set(id, { id, ttl, expiry: this.clock.now() + ttl * 1000, keys: new Set() });
    } finally {
      this.syncMembers();
    }
    return { header: this.header(via, this.rev), id, ttl };
  }

  /** Revokes a lease, deleting its keys in one revision. */
  revoke(id: LeaseId, opts: EndpointOption = {}): LeaseRevokeResponse {
    const leaseId = normalizeLeaseId(id);
    const via = this.serve(opts.member);
    this.requireLeader();
    this.propose(via);
    let events: WatchEvent[] = [];
    try {
      const lease = this.leaseMap.get(leaseId);
      if (!lease) throw etcdErrors.leaseNotFound();
      events = this.revokeLease(lease).events;
    } finally {
      this.syncMembers();
    }
    this.notify(events);
    return { header: this.header(via, this.rev) };
  }

  /** Restarts a lease's countdown from its TTL. */
  keepAlive(id: LeaseId, opts: EndpointOption = {}): LeaseKeepAliveResponse {
    const leaseId = normalizeLeaseId(id);
    const via = this.serve(opts.member);
    this.requireLeader();
    const lease = this.leaseMap.get(leaseId);
    const now = this.clock.now();
    // An expired lease that is not yet revoked cannot be renewed either.
    if (!lease || lease.expiry <= now) throw etcdErrors.leaseNotFound();
    lease.expiry = now + lease.ttl * 1000;
    return { header: this.header(via, this.rev), id: leaseId, ttl: lease.ttl };
  }

  timeToLive(id: LeaseId, opts: EndpointOption & { keys?: boolean } = {}): LeaseTimeToLiveResponse {
    const leaseId = normalizeLeaseId(id);
    const via = this.serve(opts.member);
    this.requireLeader();
    const header = this.header(via, this.rev);
    const lease = this.leaseMap.get(leaseId);
    if (!lease) return { header, id: leaseId, ttl: -1, grantedTtl: 0, keys: [] };
    return {
      header,
      id: leaseId,
      ttl: Math.trunc((lease.expiry - this.clock.now()) / 1000),
      grantedTtl: lease.ttl,
      keys: opts.keys ? [...lease.keys].sort() : [],
    };
  }

  /** Lease ids, soonest expiry first (served by any running member). */
  leases(opts: EndpointOption = {}): LeaseLeasesResponse {
    const via = this.serve(opts.member);
    const leases = [...this.leaseMap.values()]
      .sort((a, b) => compareNumbers(a.expiry, b.expiry) || compareStrings(a.id, b.id))
      .map((l) => l.id);
    return { header: this.header(via, this.localRevision(via)), leases };
  }

  /**
   * Revokes every lease whose expiry is at or before now (only a leader expires leases), each in
   * its own Raft entry and, when it had keys, its own revision with DELETE events.
   */
  expireLeases(): ExpiredLease[] {
    const leader = this.leader();
    if (leader === undefined) return [];
    const via = this.member(leader);
    const now = this.clock.now();
    const due = [...this.leaseMap.values()]
      .filter((l) => l.expiry <= now)
      .sort((a, b) => compareNumbers(a.expiry, b.expiry) || compareStrings(a.id, b.id));
    const expired: ExpiredLease[] = [];
    for (const lease of due) {
      this.propose(via);
      let result: { keys: string[]; events: WatchEvent[] };
      try {
        result = this.revokeLease(lease);
      } finally {
        this.syncMembers();
      }
      this.notify(result.events);
      expired.push({ id: lease.id, keys: result.keys, revision: this.rev });
    }
    return expired;
  }

  /** The earliest lease expiry, for the sandbox's timer; undefined without leases or leader. */
  nextLeaseExpiry(): Millis | undefined {
    if (this.leaderName === null) return undefined;
    let next: Millis | undefined;
    for (const l of this.leaseMap.values()) if (next === undefined || l.expiry < next) next = l.expiry;
    return next;
  }

  // ---------------------------------------------------------------- membership and Raft

  /** The leader's name, or undefined while there is no quorum. */
  leader(): string | undefined {
    return this.leaderName ?? undefined;
  }

  /** The cluster's current Raft term. */
  raftTerm(): number {
    return this.term;
  }

  /** The committed Raft index. */
  raftIndex(): number {
    return this.index;
  }

  quorum(): number {
    return Math.floor(this.memberStates.length / 2) + 1;
  }

  members(): MemberInfo[] {
    return this.memberStates.map((m) => ({
      id: m.id,
      name: m.name,
      peerURLs: [m.peerURL],
      clientURLs: [m.clientURL],
      isLearner: false,
      started: m.started,
      isLeader: m.name === this.leaderName,
    }));
  }

  /** Stops a member's process. Stopping the leader elects another; losing quorum leaves none. */
  stopMember(name: string): void {
    const m = this.member(name);
    if (!m.started) return;
    m.started = false;
    this.updateLeadership();
  }

  /** Starts a member's process; it catches up when there is (or now is) a leader. */
  startMember(name: string): void {
    const m = this.member(name);
    if (m.started) return;
    m.started = true;
    m.idSuffix = initialIdSuffix(this.clock.now());
    this.updateLeadership();
    this.syncMembers();
  }

  /** `etcdctl endpoint status` for one member; throws when its process is stopped. */
  status(name: string): EndpointStatus {
    const m = this.serve(name);
    const leader = this.leaderName === null ? undefined : this.member(this.leaderName);
    return {
      endpoint: m.clientURL,
      name: m.name,
      header: this.header(m, this.localRevision(m)),
      version: this.version,
      dbSize: m.dbSize,
      dbSizeInUse: this.dbSizeInUse(),
      leader: leader ? leader.id : "0",
      isLeader: leader === m,
      isLearner: false,
      raftTerm: m.term,
      raftIndex: m.index,
      raftAppliedIndex: m.index,
      errors: leader ? [] : [ErrorText.noLeader],
    };
  }

  /** `etcdctl endpoint health` for one member: healthy when it can commit through a leader. */
  health(name: string): EndpointHealth {
    const m = this.member(name);
    // Deterministic timings: a few milliseconds when healthy, the 5 s command timeout otherwise.
    const jitter = fnv32a(`${m.id}/${this.index}`);
    if (m.started && this.leaderName !== null) {
      return { endpoint: m.clientURL, name: m.name, healthy: true, tookNanos: 4_000_000 + (jitter % 6_000_000) };
    }
    return {
      endpoint: m.clientURL,
      name: m.name,
      healthy: false,
      tookNanos: 5_000_000_000 + (jitter % 2_000_000),
      error: ErrorText.deadlineExceeded,
    };
  }

  /** `etcdctl defrag`: the member's file shrinks to what is in use. */
  defragment(name: string): void {
    const m = this.serve(name);
    m.dbSize = this.dbSizeInUse();
  }

  // ---------------------------------------------------------------- state

  toState(): EtcdStoreState {
    const keys: [string, RevisionState[]][] = [];
    for (const k of this.keys.range("")) {
      const h = this.history.get(k)!;
      keys.push([
        k,
        h.map((r): RevisionState => {
          if (r.c === 0) return [r.m, r.s];
          return r.l === NO_LEASE ? [r.m, r.s, r.c, r.v, r.val] : [r.m, r.s, r.c, r.v, r.val, r.l];
        }),
      ]);
    }
    const leases = [...this.leaseMap.values()]
      .sort((a, b) => compareStrings(a.id, b.id))
      .map((l) => ({ id: l.id, ttl: l.ttl, expiry: l.expiry }));
    return {
      version: this.version,
      clusterId: this.clusterId,
      revision: this.rev,
      compactRevision: this.compactRev,
      term: this.term,
      index: this.index,
      leader: this.leaderName,
      members: this.memberStates.map((m) => ({
        name: m.name,
        id: m.id,
        peerURL: m.peerURL,
        clientURL: m.clientURL,
        started: m.started,
        term: m.term,
        index: m.index,
        revision: m.revision,
        dbSize: m.dbSize,
        idSuffix: m.idSuffix,
      })),
      leases,
      keys,
    };
  }

  private restoreData(state: EtcdStoreState): void {
    for (const l of state.leases) this.leaseMap.set(l.id, { id: l.id, ttl: l.ttl, expiry: l.expiry, keys: new Set() });
    for (const [k, revs] of state.keys) {
      const h: Rev[] = revs.map((t) =>
        t.length === 2
          ? { k, m: t[0], s: t[1], c: 0, v: 0, val: "", l: NO_LEASE }
          : { k, m: t[0], s: t[1], c: t[2], v: t[3], val: t[4], l: t[5] ?? NO_LEASE },
      );
      if (h.length === 0) continue;
      this.history.set(k, h);
      this.keys.insert(k);
      for (const r of h) {
        this.bytes += revSize(r);
        if (r.m >= this.compactRev) this.log.push(r);
      }
      const last = h[h.length - 1]!;
      if (last.c !== 0 && last.l !== NO_LEASE) this.leaseMap.get(last.l)?.keys.add(k);
    }
    this.log.sort((a, b) => a.m - b.m || a.s - b.s);
  }

  // ---------------------------------------------------------------- internals: Raft

  private member(name: string): EtcdMemberState {
    const m = this.memberStates.find((x) => x.name === name);
    if (!m) throw new Error(`unknown etcd member: ${name}`);
    return m;
  }

  /** The member answering the client: the one named, else the leader, else any running one. */
  private serve(name: string | undefined): EtcdMemberState {
    if (name !== undefined) {
      const m = this.member(name);
      if (!m.started) throw etcdErrors.unreachable(m.clientURL.replace(/^https?:\/\//, ""));
      return m;
    }
    const leader = this.leaderName === null ? undefined : this.member(this.leaderName);
    const m = leader ?? this.memberStates.find((x) => x.started);
    if (!m) throw etcdErrors.unreachable(this.memberStates[0]!.clientURL.replace(/^https?:\/\//, ""));
    return m;
  }

  private requireLeader(): void {
    if (this.leaderName === null) throw etcdErrors.noLeader();
  }

  /** A member's own applied revision (never below the compaction point). */
  private localRevision(m: EtcdMemberState): number {
    return this.leaderName !== null ? this.rev : Math.max(m.revision, this.compactRev);
  }

  /** Appends a Raft entry for a request handled by `via`. */
  private propose(via: EtcdMemberState): void {
    via.idSuffix = nextIdSuffix(via.idSuffix);
    this.index++;
  }

  /** Running members apply what the leader committed. */
  private syncMembers(): void {
    if (this.leaderName === null) return;
    const inUse = this.dbSizeInUse();
    for (const m of this.memberStates) {
      if (!m.started) continue;
      m.term = this.term;
      m.index = this.index;
      m.revision = this.rev;
      if (m.dbSize < inUse) m.dbSize = inUse;
    }
  }

  private updateLeadership(): void {
    const running = this.memberStates.filter((m) => m.started);
    if (running.length < this.quorum()) {
      // The leader steps down (CheckQuorum); with pre-vote, the term does not climb meanwhile.
      this.leaderName = null;
      return;
    }
    if (this.leaderName !== null && this.member(this.leaderName).started) return;
    // Election: the first running member in configured order wins the next term and appends
    // an empty entry; the new leader restarts every lease's countdown plus an election timeout.
    this.term++;
    this.leaderName = running[0]!.name;
    this.index++;
    const now = this.clock.now();
    for (const l of this.leaseMap.values()) l.expiry = now + ELECTION_TIMEOUT_MS + l.ttl * 1000;
    this.syncMembers();
  }

  private dbSizeInUse(): number {
    return BASE_DB_SIZE + Math.ceil(this.bytes / PAGE_SIZE) * PAGE_SIZE;
  }

  private header(via: EtcdMemberState, revision: number): ResponseHeader {
    return { clusterId: this.clusterId, memberId: via.id, revision, raftTerm: via.term };
  }

  // ---------------------------------------------------------------- internals: MVCC

  private checkRangeRevision(revision: number | undefined, current: number): void {
    const r = revision ?? 0;
    if (r > current) throw etcdErrors.futureRev();
    if (r > 0 && r < this.compactRev) throw etcdErrors.compacted(this.compactRev);
  }

  /** The live pair of each key in the range as of `rev`, in key order. */
  private liveAt(range: ResolvedRange, rev: number): Rev[] {
    const out: Rev[] = [];
    if (range.end === undefined) {
      const h = this.history.get(range.key);
      const e = h && entryAt(h, rev);
      if (e && e.c !== 0) out.push(e);
      return out;
    }
    for (const k of this.keys.range(range.key, upperBound(range))) {
      const e = entryAt(this.history.get(k)!, rev);
      if (e && e.c !== 0) out.push(e);
    }
    return out;
  }

  private readRange(key: string, p: RangeParams, current: number): Omit<RangeResponse, "header"> {
    // Same order of checks as etcd's rangeKeys.
    let at = p.revision ?? 0;
    if (at > current) throw etcdErrors.futureRev();
    if (at <= 0) at = current;
    if (at < this.compactRev) throw etcdErrors.compacted(this.compactRev);
    let found = this.liveAt(resolveRange(key, p), at);
    const count = found.length;
    if (p.countOnly) return { kvs: [], more: false, count };

    const target = p.sortTarget ?? "KEY";
    let order = p.sortOrder ?? "NONE";
    // Results come sorted by key; etcd sorts ascending by default for any other target.
    if (target !== "KEY" && order === "NONE") order = "ASCEND";
    else if (target === "KEY" && order === "ASCEND") order = "NONE";
    if (order !== "NONE") {
      const by: (a: Rev, b: Rev) => number =
        target === "VERSION"
          ? (a, b) => a.v - b.v
          : target === "CREATE"
            ? (a, b) => a.c - b.c
            : target === "MOD"
              ? (a, b) => a.m - b.m
              : target === "VALUE"
                ? (a, b) => compareStrings(a.val, b.val)
                : (a, b) => compareStrings(a.k, b.k);
      found = [...found].sort(order === "DESCEND" ? (a, b) => by(b, a) : by);
    }
    const limit = p.limit ?? 0;
    let more = false;
    if (limit > 0 && found.length > limit) {
      found = found.slice(0, limit);
      more = true;
    }
    const kvs = found.map((r) => {
      const kv = toKeyValue(r);
      if (p.keysOnly) kv.value = "";
      return kv;
    });
    return { kvs, more, count };
  }

  private evalCompare(c: Compare, rev: number): boolean {
    const range = resolveRange(c.key, c);
    const found = this.liveAt(range, rev);
    if (found.length === 0) {
      // A missing key compares as all zeros, except that a value compare always fails.
      if (c.target === "VALUE") return false;
      return this.compareOne(c, { k: c.key, m: 0, s: 0, c: 0, v: 0, val: "", l: NO_LEASE });
    }
    return found.every((r) => this.compareOne(c, r));
  }

  private compareOne(c: Compare, r: Rev): boolean {
    let cmp: number;
    switch (c.target) {
      case "MOD":
        cmp = compareNumbers(r.m, Number(c.value));
        break;
      case "CREATE":
        cmp = compareNumbers(r.c, Number(c.value));
        break;
      case "VERSION":
        cmp = compareNumbers(r.v, Number(c.value));
        break;
      case "VALUE":
        cmp = compareStrings(r.val, String(c.value));
        break;
      case "LEASE":
        cmp = compareLeaseIds(r.l, normalizeLeaseId(c.value));
        break;
    }
    switch (c.result) {
      case "=":
        return cmp === 0;
      case "!=":
        return cmp !== 0;
      case "<":
        return cmp < 0;
      case ">":
        return cmp > 0;
    }
  }

  /** The apply-time checks of a put: the lease must exist; ignore_* need an existing key. */
  private checkPut(key: string, p: PutParams, leaseFirst: boolean): void {
    const lease = normalizeLeaseId(p.lease);
    const leaseMissing = lease !== NO_LEASE && !this.leaseMap.has(lease);
    if (leaseFirst && leaseMissing) throw etcdErrors.leaseNotFound();
    if (p.ignoreValue || p.ignoreLease) {
      const h = this.history.get(key);
      const last = h?.[h.length - 1];
      if (!last || last.c === 0) throw etcdErrors.keyNotFound();
    }
    if (leaseMissing) throw etcdErrors.leaseNotFound();
  }

  private beginWrite(): Batch {
    return { rev: this.rev + 1, changes: [], prevs: [] };
  }

  private writePut(b: Batch, key: string, value: string, p: PutParams): Rev | undefined {
    let h = this.history.get(key);
    const last = h?.[h.length - 1];
    const prev = last && last.c !== 0 ? last : undefined;
    const lease = p.ignoreLease && prev ? prev.l : normalizeLeaseId(p.lease);
    const entry: Rev = {
      k: h ? h[0]!.k : key,
      m: b.rev,
      s: b.changes.length,
      c: prev ? prev.c : b.rev,
      v: prev ? prev.v + 1 : 1,
      val: p.ignoreValue && prev ? prev.val : value,
      l: lease,
    };
    if (!h) {
      h = [];
      this.history.set(key, h);
      this.keys.insert(key);
    }
    h.push(entry);
    this.bytes += revSize(entry);
    b.changes.push(entry);
    b.prevs.push(prev);
    const oldLease = prev ? prev.l : NO_LEASE;
    if (oldLease !== lease) {
      if (oldLease !== NO_LEASE) this.leaseMap.get(oldLease)?.keys.delete(entry.k);
      if (lease !== NO_LEASE) this.leaseMap.get(lease)?.keys.add(entry.k);
    }
    return prev;
  }

  private writeDelete(b: Batch, key: string): Rev | undefined {
    const h = this.history.get(key);
    const last = h?.[h.length - 1];
    if (!h || !last || last.c === 0) return undefined;
    const entry: Rev = { k: last.k, m: b.rev, s: b.changes.length, c: 0, v: 0, val: "", l: NO_LEASE };
    h.push(entry);
    this.bytes += revSize(entry);
    b.changes.push(entry);
    b.prevs.push(last);
    if (last.l !== NO_LEASE) this.leaseMap.get(last.l)?.keys.delete(last.k);
    return last;
  }

  private writeDeleteRange(b: Batch, key: string, r: KeyRange): Rev[] {
    const current = b.changes.length > 0 ? b.rev : this.rev;
    const prevs: Rev[] = [];
    for (const e of this.liveAt(resolveRange(key, r), current)) {
      const prev = this.writeDelete(b, e.k);
      if (prev) prevs.push(prev);
    }
    return prevs;
  }

  /** Commits a batch: one new revision when it changed anything. Returns its events. */
  private endWrite(b: Batch): WatchEvent[] {
    if (b.changes.length === 0) return [];
    this.rev = b.rev;
    for (const e of b.changes) this.log.push(e);
    if (this.listeners.length === 0) return [];
    return b.changes.map((e, i) => this.eventFor(e, b.prevs[i]));
  }

  private notify(events: WatchEvent[]): void {
    if (events.length === 0) return;
    const revision = events[0]!.kv.modRevision;
    for (const listener of [...this.listeners]) listener(events, revision);
  }

  private eventFor(e: Rev, prev: Rev | undefined): WatchEvent {
    const ev: WatchEvent =
      e.c === 0
        ? {
            type: "DELETE",
            kv: { key: e.k, createRevision: 0, modRevision: e.m, version: 0, value: "", lease: NO_LEASE },
          }
        : { type: "PUT", kv: toKeyValue(e) };
    if (prev && prev.c !== 0) ev.prevKv = toKeyValue(prev);
    return ev;
  }

  /** The pair a change replaced, as etcd finds it: a read at the change's revision - 1. */
  private previousOf(e: Rev): Rev | undefined {
    if (e.m - 1 < this.compactRev) return undefined;
    const h = this.history.get(e.k);
    if (!h) return undefined;
    const prev = entryAt(h, e.m - 1);
    return prev && prev.c !== 0 ? prev : undefined;
  }

  private revokeLease(lease: Lease): { keys: string[]; events: WatchEvent[] } {
    // Keys are deleted in sorted order, all in one revision, and the lease goes with them.
    const keys = [...lease.keys].sort();
    const batch = this.beginWrite();
    for (const k of keys) this.writeDelete(batch, k);
    this.leaseMap.delete(lease.id);
    return { keys, events: this.endWrite(batch) };
  }

  private compactTo(revision: number): void {
    for (const k of [...this.keys.range("")]) {
      const h = this.history.get(k)!;
      let keep = -1;
      for (let i = h.length - 1; i >= 0; i--) {
        if (h[i]!.m <= revision) {
          keep = i;
          break;
        }
      }
      if (keep < 0) continue;
      // A deletion at or below the compaction point takes the key's older life with it.
      const drop = h[keep]!.c === 0 ? keep + 1 : keep;
      if (drop === 0) continue;
      for (let i = 0; i < drop; i++) this.bytes -= revSize(h[i]!);
      h.splice(0, drop);
      if (h.length === 0) {
        this.history.delete(k);
        this.keys.delete(k);
      }
    }
    let start = 0;
    while (start < this.log.length && this.log[start]!.m < revision) start++;
    this.log = this.log.slice(start).filter((e) => e.m > revision || e.c !== 0);
    this.compactRev = revision;
  }
}
