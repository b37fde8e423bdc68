import "server-only";
import { createAnonymousUser, findSessionUser, type SessionUser } from "@/lib/db/sessions";
import type { Db } from "@/lib/db/types";
import { prisma } from "@/lib/db/client";
import { accountFromCookie } from "./session";
import { ANONYMOUS_COOKIE, newToken, readToken, sessionIdOf, type CookieSource } from "./tokens";

export type { CookieSource };
export { ANONYMOUS_COOKIE };

// Before signing up, a learner is a browser: a random token in an httpOnly cookie, whose sha256
// is a Session row of a User without an email. Signing up or in moves that user's attempts and
// progress onto the account (lib/auth/accounts.ts) and drops this cookie.

// Browsers cap cookie lifetimes at 400 days (RFC 6265bis); a longer one would be cut anyway.
const LIFETIME_MS = 400 * 24 * 60 * 60 * 1000;

export type AnonymousCookie = {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires: Date;
};

/**
 * The learner behind a request: the signed-in account, else this browser's anonymous learner,
 * else null (nobody has written anything from this browser yet).
 */
export async function currentUser(source: CookieSource, db: Db = prisma(), now = new Date()): Promise<SessionUser | null> {
  return (await accountFromCookie(source, db, now)) ?? anonymousUser(source, db, now);
}

/** This browser's anonymous learner only (never an account), or null. */
export async function anonymousUser(source: CookieSource, db: Db = prisma(), now = new Date()): Promise<SessionUser | null> {
  const token = readToken(source, ANONYMOUS_COOKIE);
  if (!token) return null;
  const user = await findSessionUser(sessionIdOf(token), now, db);
  return user && user.email === null ? user : null;
}

/**
 * The learner behind a request (the account when signed in), created as an anonymous learner
 * on first use. `cookie` is set when a new anonymous session was made; the caller must send it back (Set-Cookie) or the learner is lost on the next request.
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

  const token = newToken();
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
