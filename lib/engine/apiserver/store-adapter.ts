// The API server's view of etcd: compare-and-swap writes on mod revisions, prefix lists, and
// the apiserver's error when etcd cannot serve (no leader).
import type { EtcdStore } from "../store";
import { isEtcdError } from "../store";
import { prefixEnd } from "../store";
import { ApiError } from "./errors";
import type { Storage, StoredValue, WriteResult } from "./storage";

/** How long kube-apiserver reuses one etcd lease for new Events (--lease-reuse-duration-seconds). */
const LEASE_REUSE_MS = 60_000;

export interface EventLeaseState {
  id?: string;
  grantedAt?: number;
}

function unavailable(): ApiError {
  // What kubectl prints when etcd has no leader: the apiserver's request to etcd times out.
  return new ApiError(500, "InternalError", "etcdserver: request timed out");
}

export class EtcdStorage implements Storage {
  constructor(
    private store: EtcdStore,
    private now: () => number,
    private leaseState: EventLeaseState,
  ) {}

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (isEtcdError(error)) throw unavailable();
      throw error;
    }
  }

  revision(): number {
    return this.store.revision;
  }

  assertWritable(): void {
    if (this.store.leader() === undefined) throw unavailable();
  }

  assertReadable(): void {
    if (this.store.leader() === undefined) throw unavailable();
  }

  get(key: string): StoredValue | undefined {
    return this.guard(() => {
      const kv = this.store.latest(key);
      return kv ? { key: kv.key, value: kv.value, modRevision: kv.modRevision, createRevision: kv.createRevision } : undefined;
    });
  }

  list(prefix: string): StoredValue[] {
    return this.guard(() =>
      this.store.range(prefix, { rangeEnd: prefixEnd(prefix) }).kvs.map((kv) => ({ key: kv.key, value: kv.value, modRevision: kv.modRevision, createRevision: kv.createRevision })),
    );
  }

  count(prefix: string): number {
    return this.guard(() => this.store.range(prefix, { rangeEnd: prefixEnd(prefix), countOnly: true }).count);
  }

  create(key: string, value: string, lease?: string): WriteResult {
    return this.guard(() => {
      const r = this.store.txn({
        compare: [{ key, target: "MOD", result: "=", value: 0 }],
        success: [{ type: "put", key, value, ...(lease ? { lease } : {}) }],
      });
      return r.succeeded ? { ok: true, revision: r.header.revision } : { ok: false, reason: "exists" };
    });
  }

  update(key: string, value: string, expectedModRevision?: number): WriteResult {
    return this.guard(() => {
      const current = this.store.latest(key);
      if (!current) return { ok: false, reason: "missing" };
      const r = this.store.txn({
        compare: [{ key, target: "MOD", result: "=", value: expectedModRevision ?? current.modRevision }],
        success: [{ type: "put", key, value, ...(current.lease && current.lease !== "0" ? { lease: current.lease } : {}) }],
      });
      return r.succeeded ? { ok: true, revision: r.header.revision } : { ok: false, reason: "conflict" };
    });
  }

  remove(key: string, expectedModRevision?: number): WriteResult {
    return this.guard(() => {
      const current = this.store.latest(key);
      if (!current) return { ok: false, reason: "missing" };
      const r = this.store.txn({
        compare: [{ key, target: "MOD", result: "=", value: expectedModRevision ?? current.modRevision }],
        success: [{ type: "delete", key }],
      });
      return r.succeeded ? { ok: true, revision: r.header.revision } : { ok: false, reason: "conflict" };
    });
  }

  eventLease(ttlSeconds: number): string | undefined {
    const now = this.now();
    const s = this.leaseState;
    const alive = s.id && s.grantedAt !== undefined && now - s.grantedAt < LEASE_REUSE_MS && this.store.timeToLive(s.id).ttl > 0;
    if (!alive) {
      const granted = this.guard(() => this.store.grant(ttlSeconds + LEASE_REUSE_MS / 1000));
      s.id = granted.id;
      s.grantedAt = now;
    }
    return s.id;
  }
}
