import "server-only";
import { createHash } from "node:crypto";
import { createAccount, emailTaken, findAccountByEmail, mergeAnonymousInto } from "@/lib/db/accounts";
import { prisma } from "@/lib/db/client";
import { clearFailures, countFailures, recordFailure } from "@/lib/db/sign-in-attempts";
import { touchUser, type SessionUser } from "@/lib/db/sessions";
import { ANONYMOUS_COOKIE, anonymousUser } from "./anonymous";
import { fieldErrors, signInSchema, signUpSchema, type FieldErrors } from "./forms";
import { hashPassword, verifyPassword } from "./password";
import { endAccountSession, expiredCookie, SESSION_COOKIE, startAccountSession, type SessionCookie } from "./session";
import { readToken, type CookieSource } from "./tokens";
import { isUniqueViolation } from "@/lib/db/errors";

// Sign-up, sign-in and sign-out. Route handlers and server actions call these with the request's
// cookies and send back the cookies they return; nothing here knows about HTTP.

/** Sign-in failures allowed per address, and per client IP, within the window. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 50;

export type AuthResult = { ok: true; user: SessionUser; cookies: SessionCookie[] } | { ok: false; errors: FieldErrors; retryAfterSeconds?: number };

type Context = { cookies: CookieSource; secure: boolean; now?: Date };

/** The cookies that end the anonymous learner once its work belongs to the account. */
function dropAnonymous(source: CookieSource, secure: boolean): SessionCookie[] {
  return readToken(source, ANONYMOUS_COOKIE) ? [expiredCookie(ANONYMOUS_COOKIE, secure)] : [];
}

/** A new account, made from this browser's anonymous learner when there is one. */
export async function signUp(input: Record<string, unknown>, context: Context): Promise<AuthResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const { name, email, password, role, locale } = parsed.data;
  const now = context.now ?? new Date();
  const db = prisma();
  if (await emailTaken(email, db)) return { ok: false, errors: { email: "emailTaken" } };
  const passwordHash = await hashPassword(password);
  try {
    const { user, cookie } = await db.$transaction(async (tx) => {
      const anonymous = await anonymousUser(context.cookies, tx, now);
      const user = await createAccount({ email, name, passwordHash, role, locale, anonymousId: anonymous?.id, now }, tx);
      return { user, cookie: await startAccountSession(user.id, { secure: context.secure, db: tx, now }) };
    });
    return { ok: true, user, cookies: [cookie, ...dropAnonymous(context.cookies, context.secure)] };
  } catch (error) {
    // Two sign-ups with one address at once: the second finds it taken.
    if (isUniqueViolation(error)) return { ok: false, errors: { email: "emailTaken" } };
    throw error;
  }
}

// Checked when the address has no account, so both cases take as long as a real check.
let decoyHash: Promise<string> | undefined;

function emailKey(email: string): string {
  return `email:${createHash("sha256").update(email).digest("hex")}`;
}

/**
 * Signs in with email and password, merging this browser's anonymous work into the account.
 * After too many failures for an address (or from one IP) it refuses without checking, until
 * the oldest failure leaves the window.
 */
export async function signIn(input: Record<string, unknown>, context: Context & { ip: string | null }): Promise<AuthResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: { form: "invalidCredentials" } };
  const { email, password } = parsed.data;
  const now = context.now ?? new Date();
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const db = prisma();
  // Without a known client address there is no per-IP limit: one shared "unknown" key would let
  // anyone lock everybody out.
  const keys = context.ip ? [emailKey(email), `ip:${context.ip}`] : [emailKey(email)];

  const failures = await countFailures(keys, since, db);
  const limits = [MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP];
  const blocked = keys.map((key, i) => ({ ...failures[key]!, limit: limits[i]! })).filter((f) => f.count >= f.limit);
  if (blocked.length > 0) {
    const until = Math.max(...blocked.map((f) => (f.oldest ?? now).getTime() + SIGN_IN_WINDOW_MS));
    return { ok: false, errors: { form: "rateLimited" }, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }

  const account = await findAccountByEmail(email, db);
  decoyHash ??= hashPassword("a password nobody has, to spend the same time");
  const valid = await verifyPassword(password, account?.passwordHash ?? (await decoyHash));
  if (!account || !account.passwordHash || !valid) {
    await recordFailure(keys, now, since, db);
    return { ok: false, errors: { form: "invalidCredentials" } };
  }

  await clearFailures(keys[0]!, db);
  const cookie = await db.$transaction(async (tx) => {
    const anonymous = await anonymousUser(context.cookies, tx, now);
    if (anonymous) await mergeAnonymousInto(anonymous.id, account.id, tx);
    await touchUser(account.id, now, tx);
    return startAccountSession(account.id, { secure: context.secure, db: tx, now });
  });
  const { passwordHash: _hash, ...user } = account;
  return { ok: true, user, cookies: [cookie, ...dropAnonymous(context.cookies, context.secure)] };
}

/** Ends the account session; the cookie to send back removes it from the browser. */
export async function signOut(context: { cookies: CookieSource; secure: boolean }): Promise<SessionCookie[]> {
  await endAccountSession(context.cookies);
  return [expiredCookie(SESSION_COOKIE, context.secure)];
}

/** The client address for rate limiting: the first hop a proxy reports (Next.js fills in the socket's). */
export function clientIp(headers: Headers): string | null {
  const address = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim();
  return address ? address.slice(0, 64) : null;
}
