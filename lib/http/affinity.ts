import { ANONYMOUS_COOKIE, SESSION_COOKIE, TOKEN } from "@/lib/auth/tokens";

// Which of a machine's app processes serves a request. Every request of one learner goes to the
// same process, so their sandboxes' engines live in one place and stay warm there: a sandbox is
// only ever rebuilt elsewhere after the learner's cookie changed (signing in or out).

function cookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The learner behind a request's Cookie header: the signed-in account's session token, else
 * the anonymous learner's; null when it carries neither (a first visit).
 */
export function learnerKey(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const name of [SESSION_COOKIE, ANONYMOUS_COOKIE]) {
    const value = cookieValue(cookieHeader, name);
    if (value && TOKEN.test(value)) return value;
  }
  return null;
}

/** The process (0 … processes−1) for a learner: the same key always gives the same one. */
export function processFor(key: string, processes: number): number {
  // FNV-1a: tokens are random already; this only needs to spread them evenly and cheaply.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash % processes;
}
