// etcd's key-range conventions: a request names a key and an optional range end; an empty end is
// the single key, "\0" means every key >= key, and clientv3's WithPrefix / WithFromKey turn an
// empty key into the whole key space.

/** A range end that means "no upper bound". */
export const OPEN_END = "\0";

export interface KeyRange {
  /** etcd's range_end: "" or absent for a single key, "\0" for every key >= key. */
  rangeEnd?: string;
  /** clientv3.WithPrefix (etcdctl --prefix). */
  prefix?: boolean;
  /** clientv3.WithFromKey (etcdctl --from-key). */
  fromKey?: boolean;
}

/** A resolved request range: `end` undefined is the single key `key`. */
export interface ResolvedRange {
  key: string;
  end: string | undefined;
}

/** The first key after every key that starts with `prefix` ("\0" when there is none). */
export function prefixEnd(prefix: string): string {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const c = prefix.charCodeAt(i);
    if (c < 0xffff) return prefix.slice(0, i) + String.fromCharCode(c + 1);
  }
  return OPEN_END;
}

export function resolveRange(key: string, r: KeyRange = {}): ResolvedRange {
  if (r.prefix) return key === "" ? { key: OPEN_END, end: OPEN_END } : { key, end: prefixEnd(key) };
  if (r.fromKey) return { key: key === "" ? OPEN_END : key, end: OPEN_END };
  if (r.rangeEnd !== undefined && r.rangeEnd !== "") return { key, end: r.rangeEnd };
  return { key, end: undefined };
}

/** Upper bound for SortedKeys.range: undefined when the range is open. */
export function upperBound(r: ResolvedRange): string | undefined {
  return r.end === OPEN_END ? undefined : r.end;
}

export function inRange(k: string, r: ResolvedRange): boolean {
  if (r.end === undefined) return k === r.key;
  return k >= r.key && (r.end === OPEN_END || k < r.end);
}
