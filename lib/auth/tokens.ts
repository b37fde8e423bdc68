import { createHash, randomBytes } from "node:crypto";

// Session tokens, shared by the anonymous learner's cookie and the account's: 32 random bytes in
// base64url in the cookie, and only their sha256 in the database, so a leaked database does not
// leak live sessions.

/** The anonymous learner's cookie (see anonymous.ts) and the signed-in account's (see session.ts). */
export const ANONYMOUS_COOKIE = "kubeclass_anon";
export const SESSION_COOKIE = "kubeclass_session";

/** 32 random bytes in base64url: 43 characters. Anything else in the cookie is not ours. */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The Session row's id for a cookie token. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Where a cookie can be read: next/headers' cookies(), NextRequest.cookies, or a plain Request. */
export type CookieSource = { get(name: string): { value: string } | undefined } | Request;

export function readCookie(source: CookieSource, name: string): string | undefined {
  if (source instanceof Request) {
    for (const part of (source.headers.get("cookie") ?? "").split(";")) {
      const eq = part.indexOf("=");
      if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
    }
    return undefined;
  }
  return source.get(name)?.value;
}

/** A cookie's token when it has the shape of one of ours. */
export function readToken(source: CookieSource, name: string): string | undefined {
  const token = readCookie(source, name);
  return token && TOKEN.test(token) ? token : undefined;
}
