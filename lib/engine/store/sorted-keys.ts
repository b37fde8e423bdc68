// An ordered set of keys for range and prefix reads. Keys live in sorted chunks of bounded size,
// so an insert or delete is a binary search plus a splice of at most MAX_CHUNK entries, and a
// range read is a binary search plus a walk over the matching keys: O(log n + k).
//
// Order is JavaScript string order (UTF-16 code units). It equals etcd's byte-wise order for
// ASCII keys, which is what Kubernetes and learners use; it differs only for keys mixing
// astral-plane characters with U+E000..U+FFFF.

const MAX_CHUNK = 512;

function lowerBound(arr: readonly string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SortedKeys {
  private chunks: string[][] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(key: string): boolean {
    const ci = this.chunkFor(key);
    if (ci < 0) return false;
    const chunk = this.chunks[ci]!;
    return chunk[lowerBound(chunk, key)] === key;
  }

  /** Adds a key; false when it was already there. */
  insert(key: string): boolean {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      this.count = 1;
      return true;
    }
    let ci = this.chunkFor(key);
    if (ci < 0) ci = this.chunks.length - 1;
    const chunk = this.chunks[ci]!;
    const pos = lowerBound(chunk, key);
    if (chunk[pos] === key) return false;
    chunk.splice(pos, 0, key);
    this.count++;
    if (chunk.length > MAX_CHUNK) this.chunks.splice(ci + 1, 0, chunk.splice(chunk.length >> 1));
    return true;
  }

  /** Removes a key; false when it was not there. */
  delete(key: string): boolean {
    const ci = this.chunkFor(key);
    if (ci < 0) return false;
    const chunk = this.chunks[ci]!;
    const pos = lowerBound(chunk, key);
    if (chunk[pos] !== key) return false;
    chunk.splice(pos, 1);
    this.count--;
    if (chunk.length === 0) this.chunks.splice(ci, 1);
    return true;
  }

  /** Keys k with start <= k, and k < end when end is given, in ascending order. */
  *range(start: string, end?: string): Generator<string> {
    let ci = this.chunkFor(start);
    if (ci < 0) return;
    let pos = lowerBound(this.chunks[ci]!, start);
    for (; ci < this.chunks.length; ci++, pos = 0) {
      const chunk = this.chunks[ci]!;
      for (; pos < chunk.length; pos++) {
        const k = chunk[pos]!;
        if (end !== undefined && k >= end) return;
        yield k;
      }
    }
  }

  /** Index of the first chunk whose last key is >= key; -1 when every key is smaller. */
  private chunkFor(key: string): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid]!;
      if (chunk[chunk.length - 1]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.chunks.length ? lo : -1;
  }
}
