// What the API server needs from etcd, as a narrow interface. The etcd store implements it
// (see store-adapter.ts); keeping it narrow keeps the API server honest: it only ever talks to
// the store through compare-and-swap transactions on mod revisions, as kube-apiserver does.

export interface StoredValue {
  key: string;
  value: string;
  modRevision: number;
  createRevision: number;
}

export type WriteResult = { ok: true; revision: number } | { ok: false; reason: "exists" | "conflict" | "missing" };

export interface Storage {
  /** The store's current revision. */
  revision(): number;
  get(key: string): StoredValue | undefined;
  /** All keys under a prefix, in key order. */
  list(prefix: string): StoredValue[];
  count(prefix: string): number;
  /** Creates the key only if it does not exist. */
  create(key: string, value: string, lease?: string): WriteResult;
  /** Replaces the key only if its mod revision is still `expectedModRevision` (when given). */
  update(key: string, value: string, expectedModRevision?: number): WriteResult;
  /** Deletes the key only if its mod revision is still `expectedModRevision` (when given). */
  remove(key: string, expectedModRevision?: number): WriteResult;
  /** A lease for objects that expire on their own (Events); reused for a while like the real server. */
  eventLease(ttlSeconds: number): string | undefined;
  /** Throws when the store cannot serve writes (no etcd leader). */
  assertWritable(): void;
  assertReadable(): void;
}
