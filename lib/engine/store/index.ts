// The simulated etcd v3 store: MVCC key-value data, watch history, leases and a Raft cluster model.
export {
  EtcdStore,
  ETCD_VERSION,
  MAX_LEASE_TTL,
  MAX_TXN_OPS,
  MIN_LEASE_TTL,
} from "./etcd-store";
export { EtcdError, ErrorText, etcdErrors, isEtcdError } from "./errors";
export type { EtcdErrorDetails, GrpcCode } from "./errors";
export {
  NO_LEASE,
  clusterIdFor,
  compareLeaseIds,
  initialIdSuffix,
  leaseIdFor,
  memberIdFor,
  nextIdSuffix,
  normalizeLeaseId,
} from "./ids";
export type { LeaseId } from "./ids";
export { OPEN_END, inRange, prefixEnd, resolveRange, upperBound } from "./key-range";
export type { KeyRange, ResolvedRange } from "./key-range";
export { SortedKeys } from "./sorted-keys";
export type * from "./types";
