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
  // The sfc32 state, as four unsigned 32-bit words (fields rather than an array: no allocation per draw).
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seedOrState: number | RandomState) {
    if (typeof seedOrState === "number") {
      const next = splitmix32(seedOrState);
      this.a = next();
      this.b = next();
      this.c = next();
      this.d = next();
    } else {
      [this.a, this.b, this.c, this.d] = seedOrState;
    }
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  uint32(): number {
    const { a, b, c, d } = this;
    const t = (((a + b) >>> 0) + d) >>> 0;
    this.d = (d + 1) >>> 0;
    this.a = (b ^ (b >>> 9)) >>> 0;
    this.b = (c + (c << 3)) >>> 0;
    this.c = ((((c << 21) | (c >>> 11)) + t) >>> 0);
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

  /**
   * The nanoseconds within a millisecond, [0, 1e6): what a millisecond clock cannot tell
   * (Event names). A draw of its own so that a recording can tell it from other integers.
   */
  subMillisecond(): number {
    return this.int(1_000_000);
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
    return [this.a, this.b, this.c, this.d];
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
