// Member, cluster and lease ids. etcd's ids are uint64 / int64 values printed in hex; JavaScript
// numbers lose precision above 2^53, so ids are carried as lower-case hex strings.
import type { Millis } from "../clock";
import { fnv32a } from "../random";

/** A lease id: 16 lower-case hex digits, or "0" for "no lease". */
export type LeaseId = string;
export const NO_LEASE: LeaseId = "0";

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/**
 * A member id from the member's name: two FNV-1a hashes make the 64 bits. The top nibble is
 * forced non-zero so the id always prints as 16 digits (etcd prints %x, without padding).
 */
export function memberIdFor(name: string): string {
  const hi = (fnv32a(`etcd-member:${name}`) | 0x10000000) >>> 0;
  const lo = fnv32a(`${name}:etcd-member`);
  return hex(hi, 8) + hex(lo, 8);
}

/** A cluster id from the member ids (etcd hashes the sorted member ids too). */
export function clusterIdFor(memberIds: readonly string[]): string {
  const joined = [...memberIds].sort().join(",");
  const hi = (fnv32a(`etcd-cluster:${joined}`) | 0x10000000) >>> 0;
  const lo = fnv32a(`${joined}:etcd-cluster`);
  return hex(hi, 8) + hex(lo, 8);
}

// Request and lease ids come from each member's generator (etcd pkg/idutil): the top 16 bits are
// the low 16 bits of the member id, then 40 bits of the member's start time in ms, then an
// 8-bit counter; each request adds one to the low 48 bits. We keep those 48 bits as a number
// (exact below 2^53) and advance them once per write request the member handles.
const SUFFIX_SPACE = 2 ** 48;

export function initialIdSuffix(startedAt: Millis): number {
  return (Math.floor(startedAt) % 2 ** 40) * 256;
}

export function nextIdSuffix(suffix: number): number {
  return (suffix + 1) % SUFFIX_SPACE;
}

/** A lease id as etcd's LeaseGrant picks one: the generator's id with the sign bit cleared. */
export function leaseIdFor(memberId: string, suffix: number): LeaseId {
  const prefix = parseInt(memberId.slice(-4), 16) & 0x7fff;
  return hex(prefix, 4) + hex(suffix, 12);
}

/**
 * Canonical form of a lease id given as hex text (as etcdctl takes it) or a small number: 16
 * lower-case digits, or "0" for none. Throws on text that is not a positive int64 in hex.
 */
let lastId: string | number | undefined;
let lastNormal: LeaseId = NO_LEASE;

export function normalizeLeaseId(id: string | number | undefined): LeaseId {
  // The API server attaches one lease to many Events in a row.
  if (id === lastId && id !== undefined) return lastNormal;
  const normal = normalize(id);
  lastId = id;
  lastNormal = normal;
  return normal;
}

function normalize(id: string | number | undefined): LeaseId {
  if (id === undefined || id === "" || id === 0) return NO_LEASE;
  let digits: string;
  if (typeof id === "number") {
    if (!Number.isSafeInteger(id) || id < 0) throw new Error(`invalid lease ID: ${id}`);
    digits = id.toString(16);
  } else {
    digits = id.toLowerCase();
    if (!/^[0-9a-f]+$/.test(digits)) throw new Error(`invalid lease ID: ${id}`);
  }
  digits = digits.replace(/^0+/, "");
  if (digits === "") return NO_LEASE;
  if (digits.length > 16 || (digits.length === 16 && digits[0]! > "7")) {
    throw new Error(`invalid lease ID: ${id}`);
  }
  return digits.padStart(16, "0");
}

/** Compares two canonical lease ids numerically (-1, 0, 1). */
export function compareLeaseIds(a: LeaseId, b: LeaseId): number {
  const pa = a === NO_LEASE ? "0".repeat(16) : a;
  const pb = b === NO_LEASE ? "0".repeat(16) : b;
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
