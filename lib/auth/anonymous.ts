import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createAnonymousUser, findSessionUser, type SessionUser } from "@/lib/db/sessions";
import type { Db } from "@/lib/db/types";
import { prisma } from "@/lib/db/client";

// Until accounts exist, a learner is a browser: a random token in an httpOnly cookie, whose
// sha256 is a Session row of a User without an email. Signing up later can move that user's
// attempts and progress onto the real account (find it with currentUser, then re-point rows).

export const ANONYMOUS_COOKIE = "kubeclass_anon";

// Browsers cap cookie lifetimes at 400 days (RFC 6265bis); a longer one would be cut anyway.
const LIFETIME_MS = 400 * 24 * 60 * 60 * 1000;

// 32 random bytes in base64url: 43 characters. Anything else in the cookie is not ours.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Where a cookie can be read: next/headers' cookies(), NextRequest.cookies, or a plain Request. */
export type CookieSource = { get(name: string): { value: string } | undefined } | Request;

export type AnonymousCookie = {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires: Date;
};

function readCookie(source: CookieSource, name: string): string | undefined {
  if (source instanceof Request) {
    for (const part of (source.headers.get("cookie") ?? "").split(";")) {
      const eq = part.indexOf("=");
      if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
    }
    return undefined;
  }
  return source.get(name)?.value;
}

function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The learner of this browser, or null when it has no (live) anonymous session yet. */
export async function currentUser(source: CookieSource, db: Db = prisma(), now = new Date()): Promise<SessionUser | null> {
  const token = readCookie(source, ANONYMOUS_COOKIE);
  if (!token || !TOKEN.test(token)) return null;
  return findSessionUser(sessionIdOf(token), now, db);
}

/**
 * The learner of this browser, created on first use. `cookie` is set when a new session was
 * made; the caller must send it back (Set-Cookie) or the learner is lost on the next request.
 * Users are created lazily, on a first write, so crawlers reading lessons create nothing.
 */
export async function getOrCreateAnonymousUser(
  source: CookieSource,
  options: { secure: boolean; locale?: string; db?: Db; now?: Date },
): Promise<{ user: SessionUser; cookie: AnonymousCookie | null }> {
  const db = options.db ?? prisma();
  const now = options.now ?? new Date();
  const existing = await currentUser(source, db, now);
  if (existing) return { user: existing, cookie: null };

  const token = randomBytes(32).toString("base64url");
  const expires = new Date(now.getTime() + LIFETIME_MS);
  const user = await createAnonymousUser({ sessionId: sessionIdOf(token), expiresAt: expires, locale: options.locale }, db);
  return {
    user,
    cookie: { name: ANONYMOUS_COOKIE, value: token, httpOnly: true, sameSite: "lax", secure: options.secure, path: "/", expires },
  };
}

/**
 * Whether the request reached us over HTTPS, directly or through a proxy that says so: the
 * cookie is then marked Secure. Plain-HTTP local runs must not set Secure or the browser drops it.
 */
export function isSecureRequest(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded ? forwarded === "https" : new URL(request.url).protocol === "https:";
}
