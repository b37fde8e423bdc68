import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { SessionUser } from "@/lib/db/sessions";
import type { Locale } from "@/lib/i18n/locales";
import { AccessError } from "./access";
import { currentUser } from "./anonymous";
import type { SessionCookie } from "./session";

// Glue between pages or server actions and the request: who is asking, and what a refusal looks
// like on a page (sign in first, or "not found").

export async function requestUser(): Promise<SessionUser | null> {
  return currentUser(await cookies());
}

/** Whether the request came over HTTPS (directly or as a proxy says): cookies are then Secure. */
export async function requestIsSecure(): Promise<boolean> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded === "https";
}

export async function setCookies(list: SessionCookie[]): Promise<void> {
  const jar = await cookies();
  for (const cookie of list) jar.set(cookie);
}

/**
 * Runs a page's access check: signed out goes to the sign-in page (and back here after), any
 * other refusal is the localised "not found" page, so nobody learns what exists.
 */
export async function withPageAccess<T>(locale: Locale, here: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof AccessError)) throw error;
    if (error.reason === "signed-out") redirect(`/${locale}/signin?next=${encodeURIComponent(here)}`);
    notFound();
  }
}

/** This site's origin as the browser sees it, for links to share (join links). */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "localhost";
  return `${(await requestIsSecure()) ? "https" : "http"}://${host}`;
}
