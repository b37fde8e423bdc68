import "server-only";
import { currentUser, getOrCreateAnonymousUser, isSecureRequest, type CookieSource } from "@/lib/auth/anonymous";
import { HttpError } from "@/lib/http/json";

/** The learner behind a request that must already have a session (403 otherwise). */
export async function requireUser(cookies: CookieSource) {
  const user = await currentUser(cookies);
  if (!user) throw new HttpError(403, "This sandbox belongs to someone else.");
  return user;
}

/** The learner behind a request, created on first use (the cookie must be sent back). */
export async function userOrNew(request: Request) {
  return getOrCreateAnonymousUser(request, { secure: isSecureRequest(request) });
}
