import "server-only";
import { createSession, deleteSession, findSessionUser, type SessionUser } from "@/lib/db/sessions";
import { prisma } from "@/lib/db/client";
import type { Db } from "@/lib/db/types";
import { newToken, readToken, SESSION_COOKIE, sessionIdOf, type CookieSource } from "./tokens";

// A signed-in account: its own cookie next to the anonymous learner's, pointing at a Session row
// (by the token's sha256) of a user with an email. Signing out deletes the row, so a copied
// cookie dies with it.

export { SESSION_COOKIE };

const LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export type SessionCookie = {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  expires: Date;
};

/** The signed-in account of a request, or null (no cookie, an unknown or expired session). */
export async function accountFromCookie(source: CookieSource, db: Db = prisma(), now = new Date()): Promise<SessionUser | null> {
  const token = readToken(source, SESSION_COOKIE);
  if (!token) return null;
  const user = await findSessionUser(sessionIdOf(token), now, db);
  return user && user.email !== null ? user : null;
}

/** A new session for an account; the caller sends the cookie back. */
export async function startAccountSession(userId: string, options: { secure: boolean; db?: Db; now?: Date }): Promise<SessionCookie> {
  const now = options.now ?? new Date();
  const token = newToken();
  const expires = new Date(now.getTime() + LIFETIME_MS);
  await createSession({ id: sessionIdOf(token), userId, expiresAt: expires }, options.db ?? prisma());
  return { name: SESSION_COOKIE, value: token, httpOnly: true, sameSite: "lax", secure: options.secure, path: "/", expires };
}

/** Ends the request's account session, if any. */
export async function endAccountSession(source: CookieSource, db: Db = prisma()): Promise<void> {
  const token = readToken(source, SESSION_COOKIE);
  if (token) await deleteSession(sessionIdOf(token), db);
}

/** A cookie that removes `name` from the browser. */
export function expiredCookie(name: string, secure: boolean): SessionCookie {
  return { name, value: "", httpOnly: true, sameSite: "lax", secure, path: "/", expires: new Date(0) };
}
