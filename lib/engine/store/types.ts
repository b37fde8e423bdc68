// Requests, responses and snapshot state of the simulated etcd. Field names follow etcd's v3 API
// (etcdserverpb / mvccpb) in camelCase; ids are hex strings (see ids.ts).
import type { Millis } from "../clock";
import type { LeaseId } from "./ids";
import type { KeyRange } from "./key-range";

export interface KeyValue {
  key: string;
  /** Revision of the put that created the key (0 in a DELETE event). */
  createRevision: number;
  /** Revision of the last change to the key. */
  modRevision: number;
  /** 1 on create, +1 per put; reset by a delete (0 in a DELETE event). */
  version: number;
  value: string;
  /** Attached lease, "0" for none. */
  lease: LeaseId;
}

export interface ResponseHeader {
  clusterId: string;
  /** The member that answered. */
  memberId: string;
  /** The store revision when the request was served. */
  revision: number;
  raftTerm: number;
}

/** Which member the client talks to (an etcdctl --endpoints entry); default: the leader. */
export interface EndpointOption {
  member?: string;
}

export interface ReadOptions extends EndpointOption {
  /** Serve from the member's local state without asking the leader (may be stale). */
  serializable?: boolean;
}

export type SortOrder = "NONE" | "ASCEND" | "DESCEND";
export type SortTarget = "KEY" | "VERSION" | "CREATE" | "MOD" | "VALUE";

export interface RangeParams extends KeyRange {
  /** At most this many kvs (0: no limit). */
  limit?: number;
  /** Read the state as of this revision (0: current). */
  revision?: number;
  keysOnly?: boolean;
  countOnly?: boolean;
  sortOrder?: SortOrder;
  sortTarget?: SortTarget;
}

export type RangeOptions = RangeParams & ReadOptions;

export interface RangeResponse {
  header: ResponseHeader;
  kvs: KeyValue[];
  /** More keys matched than `limit` returned. */
  more: boolean;
  /** How many keys matched in total. */
  count: number;
}

export interface PutParams {
  lease?: LeaseId;
  prevKv?: boolean;
  /** Keep the current value (the request's value must be ""). */
  ignoreValue?: boolean;
  /** Keep the current lease (the request must name none). */
  ignoreLease?: boolean;
}

export type PutOptions = PutParams & EndpointOption;

export interface PutResponse {
  header: ResponseHeader;
  prevKv?: KeyValue;
}

export interface DeleteParams extends KeyRange {
  prevKv?: boolean;
}

export type DeleteOptions = DeleteParams & EndpointOption;

export interface DeleteResponse {
  header: ResponseHeader;
  deleted: number;
  /** The deleted pairs, when prevKv was asked for. */
  prevKvs: KeyValue[];
}

export type CompareTarget = "VERSION" | "CREATE" | "MOD" | "VALUE" | "LEASE";
/** As etcdctl txn writes them: the key's field <op> value. */
export type CompareResult = "=" | "!=" | "<" | ">";

export interface Compare {
  key: string;
  /** A compare may cover a range: every key in it must satisfy the comparison. */
  rangeEnd?: string;
  prefix?: boolean;
  target: CompareTarget;
  result: CompareResult;
  /** A revision or version number, a value string, or a lease id. */
  value: number | string;
}

export type RequestOp =
  | ({ type: "range"; key: string } & RangeParams)
  | ({ type: "put"; key: string; value: string } & PutParams)
  | ({ type: "delete"; key: string } & DeleteParams);

export type ResponseOp =
  | ({ type: "range" } & RangeResponse)
  | ({ type: "put" } & PutResponse)
  | ({ type: "delete" } & DeleteResponse);

export interface TxnRequest {
  compare?: Compare[];
  success?: RequestOp[];
  failure?: RequestOp[];
}

export interface TxnResponse {
  header: ResponseHeader;
  succeeded: boolean;
  responses: ResponseOp[];
}

export interface CompactResponse {
  header: ResponseHeader;
}

export interface WatchEvent {
  type: "PUT" | "DELETE";
  /** For a DELETE: the key with modRevision = the deletion revision and all else zero. */
  kv: KeyValue;
  /** The pair before this change, when it existed and is not compacted away. */
  prevKv?: KeyValue;
}

export interface WatchOptions extends KeyRange, EndpointOption {
  /** Fail with "etcdserver: no leader" when there is no leader (kube-apiserver sets this). */
  requireLeader?: boolean;
}

/** Called synchronously after each committed revision with that revision's events. */
export type StoreListener = (events: readonly WatchEvent[], revision: number) => void;

export interface LeaseGrantResponse {
  header: ResponseHeader;
  id: LeaseId;
  /** The granted TTL in seconds (raised to the minimum when asked for less). */
  ttl: number;
}

export interface LeaseKeepAliveResponse {
  header: ResponseHeader;
  id: LeaseId;
  ttl: number;
}

export interface LeaseTimeToLiveResponse {
  header: ResponseHeader;
  id: LeaseId;
  /** Remaining seconds, truncated; -1 when the lease does not exist (etcd answers so, no error). */
  ttl: number;
  grantedTtl: number;
  /** Attached keys, sorted (only when asked for). */
  keys: string[];
}

export interface LeaseLeasesResponse {
  header: ResponseHeader;
  leases: LeaseId[];
}

export interface LeaseRevokeResponse {
  header: ResponseHeader;
}

export interface ExpiredLease {
  id: LeaseId;
  /** The keys its revocation deleted, sorted. */
  keys: string[];
  /** The store revision after the revocation. */
  revision: number;
}

export interface MemberInfo {
  id: string;
  name: string;
  peerURLs: string[];
  clientURLs: string[];
  isLearner: false;
  /**
   * Whether the member's process is running. Note: `etcdctl member list` prints "started" for
   * every member that has joined, running or not; this flag is for endpoint status and health.
   */
  started: boolean;
  isLeader: boolean;
}

export interface EndpointStatus {
  /** The member's client URL. */
  endpoint: string;
  name: string;
  header: ResponseHeader;
  version: string;
  dbSize: number;
  dbSizeInUse: number;
  /** The leader's member id, "0" when there is none. */
  leader: string;
  isLeader: boolean;
  isLearner: false;
  raftTerm: number;
  raftIndex: number;
  raftAppliedIndex: number;
  /** e.g. ["etcdserver: no leader"]. */
  errors: string[];
}

export interface EndpointHealth {
  endpoint: string;
  name: string;
  healthy: boolean;
  /** How long the health probe took, in nanoseconds (etcdctl prints it as a Go duration). */
  tookNanos: number;
  /** Why it is unhealthy, as etcdctl prints it after "failed to commit proposal: ". */
  error?: string;
}

export interface MemberSpec {
  name: string;
  /** Peer URL https://<ip>:2380, client URL https://<ip>:2379. */
  ip: string;
}

export interface EtcdStoreOptions {
  /** 1, 3 or 5 members; the first one starts as leader. */
  members: MemberSpec[];
  /** Server version reported by status; default ETCD_VERSION. */
  version?: string;
}

/** One stored revision of a key: a put [mod, sub, create, version, value, lease?] or a tombstone [mod, sub]. */
export type RevisionState =
  | [mod: number, sub: number]
  | [mod: number, sub: number, create: number, version: number, value: string]
  | [mod: number, sub: number, create: number, version: number, value: string, lease: LeaseId];

export interface LeaseState {
  id: LeaseId;
  ttl: number;
  /** When it expires (only the leader counts it down; a new leader restarts every countdown). */
  expiry: Millis;
}

export interface EtcdMemberState {
  name: string;
  id: string;
  peerURL: string;
  clientURL: string;
  started: boolean;
  /** The Raft term, index and store revision this member has applied. */
  term: number;
  index: number;
  revision: number;
  /** Bytes of its database file (grows with writes, shrinks only on defragment). */
  dbSize: number;
  /** Low 48 bits of its request-id generator (ids.ts). */
  idSuffix: number;
}

export interface EtcdStoreState {
  version: string;
  clusterId: string;
  revision: number;
  /** 0 when never compacted. */
  compactRevision: number;
  term: number;
  /** The committed Raft index. */
  index: number;
  leader: string | null;
  members: EtcdMemberState[];
  leases: LeaseState[];
  /** Every stored revision, per key, keys in order. */
  keys: [key: string, revisions: RevisionState[]][];
}
