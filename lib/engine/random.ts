// A small seeded PRNG (sfc32 seeded through splitmix32). Its whole state is four numbers, so it
// snapshots as data and a restored sandbox draws the same values the original would have.

export type RandomState = [number, number, number, number];

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Random {
  private s: RandomState;

  constructor(seedOrState: number | RandomState) {
    if (typeof seedOrState === "number") {
      const next = splitmix32(seedOrState);
      this.s = [next(), next(), next(), next()];
    } else {
      this.s = [...seedOrState] as RandomState;
    }
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  uint32(): number {
    let [a, b, c, d] = this.s;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    this.s = [a >>> 0, b >>> 0, c >>> 0, d];
    return t;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(items.length)]!;
  }

  /** `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** Lower-case hex digits, as in container ids and uids. */
  hex(length: number): string {
    return this.string("0123456789abcdef", length);
  }

  /** An RFC 4122 version-4 UUID, as Kubernetes uses for metadata.uid. */
  uuid(): string {
    const h = this.hex(32).split("");
    h[12] = "4";
    h[16] = "89ab"[this.int(4)]!;
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  state(): RandomState {
    return [...this.s] as RandomState;
  }
}

/** A deterministic 32-bit FNV-1a hash of a string (for ids derived from names). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
