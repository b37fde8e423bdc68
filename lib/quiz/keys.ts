// Deterministic, dependency-free helpers: the same input gives the same keys and the same
// shuffle on the server and in any later request, so a page rendered at build time still
// matches the grader.

/**
 * cyrb53 (public domain): a fast 53-bit string hash with good mixing. Not cryptographic; it only
 * has to scatter orders and hide which key belongs to which content id from a glance at the page.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export type KeyRole = "choice" | "item" | "left" | "right";

/**
 * The key the browser sees for a choice, an ordering item or one side of a matching pair.
 * Left and right sides of one pair get different keys, so the page cannot pair them up.
 */
export function answerKey(quizId: string, questionId: string, role: KeyRole, id: string): string {
  return "k" + hash53(`${quizId}\u0000${questionId}\u0000${role}\u0000${id}`).toString(36);
}

/** mulberry32: a tiny seeded PRNG, uniform enough for shuffling a handful of options. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A Fisher-Yates shuffle seeded by `seed`, never returning the original order when the list has
 * two or more items: options in authored order would hand out the answer (authors list the
 * correct sequence, the matched pairs, and often the correct choice first).
 */
export function deterministicShuffle<T>(items: readonly T[], seed: string): T[] {
  const result = [...items];
  const random = mulberry32(hash53(seed));
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  if (result.length > 1 && result.every((item, i) => item === items[i])) {
    // Rotating by one moves every item, so the order can no longer be the original one.
    result.push(result.shift()!);
  }
  return result;
}
