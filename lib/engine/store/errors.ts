// Errors with etcd's own wording (api/v3rpc/rpctypes) and the gRPC code the server sends, so the
// simulated etcdctl and kube-apiserver can print exactly what the real ones print.

/** gRPC status code names, as grpc-go spells them. */
export type GrpcCode =
  | "Canceled"
  | "Unknown"
  | "InvalidArgument"
  | "DeadlineExceeded"
  | "NotFound"
  | "AlreadyExists"
  | "PermissionDenied"
  | "ResourceExhausted"
  | "FailedPrecondition"
  | "Aborted"
  | "OutOfRange"
  | "Unimplemented"
  | "Internal"
  | "Unavailable"
  | "DataLoss"
  | "Unauthenticated";

/** Server-side messages, verbatim from etcd's rpctypes. */
export const ErrorText = {
  emptyKey: "etcdserver: key is not provided",
  keyNotFound: "etcdserver: key not found",
  valueProvided: "etcdserver: value is provided",
  leaseProvided: "etcdserver: lease is provided",
  tooManyOps: "etcdserver: too many operations in txn request",
  duplicateKey: "etcdserver: duplicate key given in txn request",
  compacted: "etcdserver: mvcc: required revision has been compacted",
  futureRev: "etcdserver: mvcc: required revision is a future revision",
  leaseNotFound: "etcdserver: requested lease not found",
  leaseExist: "etcdserver: lease already exists",
  leaseTTLTooLarge: "etcdserver: too large lease TTL",
  noLeader: "etcdserver: no leader",
  /** What a client prints when its own deadline (etcdctl --command-timeout, 5 s) passes first. */
  deadlineExceeded: "context deadline exceeded",
} as const;

export interface EtcdErrorDetails {
  /**
   * Set when the client gives up before the server answers (no quorum, endpoint down): the text
   * etcdctl prints after its command timeout instead of `message`.
   */
  clientMessage?: string;
  /** For compaction errors: the store's compacted revision (a watch response carries it). */
  compactRevision?: number;
}

export class EtcdError extends Error {
  readonly code: GrpcCode;
  readonly clientMessage?: string;
  readonly compactRevision?: number;

  constructor(code: GrpcCode, message: string, details: EtcdErrorDetails = {}) {
    super(message);
    this.name = "EtcdError";
    this.code = code;
    if (details.clientMessage !== undefined) this.clientMessage = details.clientMessage;
    if (details.compactRevision !== undefined) this.compactRevision = details.compactRevision;
  }
}

export const etcdErrors = {
  emptyKey: () => new EtcdError("InvalidArgument", ErrorText.emptyKey),
  keyNotFound: () => new EtcdError("InvalidArgument", ErrorText.keyNotFound),
  valueProvided: () => new EtcdError("InvalidArgument", ErrorText.valueProvided),
  leaseProvided: () => new EtcdError("InvalidArgument", ErrorText.leaseProvided),
  tooManyOps: () => new EtcdError("InvalidArgument", ErrorText.tooManyOps),
  duplicateKey: () => new EtcdError("InvalidArgument", ErrorText.duplicateKey),
  compacted: (compactRevision: number) =>
    new EtcdError("OutOfRange", ErrorText.compacted, { compactRevision }),
  futureRev: () => new EtcdError("OutOfRange", ErrorText.futureRev),
  leaseNotFound: () => new EtcdError("NotFound", ErrorText.leaseNotFound),
  leaseExist: () => new EtcdError("FailedPrecondition", ErrorText.leaseExist),
  leaseTTLTooLarge: () => new EtcdError("OutOfRange", ErrorText.leaseTTLTooLarge),
  /**
   * No quorum. A request that requires a leader (kube-apiserver's watches) gets this at once;
   * etcdctl's writes and linearizable reads wait for a commit that never comes and print
   * "context deadline exceeded" after the command timeout.
   */
  noLeader: () =>
    new EtcdError("Unavailable", ErrorText.noLeader, { clientMessage: ErrorText.deadlineExceeded }),
  /** The endpoint's process is stopped: the dial is refused and the client times out. */
  unreachable: (host: string) =>
    new EtcdError(
      "Unavailable",
      `connection error: desc = "transport: Error while dialing: dial tcp ${host}: connect: connection refused"`,
      { clientMessage: ErrorText.deadlineExceeded },
    ),
};

export function isEtcdError(e: unknown): e is EtcdError {
  return e instanceof EtcdError;
}
