"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp, signIn, signOut, signUp } from "@/lib/auth/accounts";
import { safeNextPath, type FieldErrors } from "@/lib/auth/forms";
import { requestIsSecure, requestUser, setCookies } from "@/lib/auth/pages";
import { setUserLocale } from "@/lib/db/accounts";
import type { SessionUser } from "@/lib/db/sessions";
import { isLocale } from "@/lib/i18n/locales";

// The account forms' server actions. They return field errors for the form to show, or redirect.
// Passwords go from the form to the hash and nowhere else: never into a returned state, never
// into a log.

export type AuthFormState = {
  errors: FieldErrors;
  retryAfterMinutes?: number;
  /** What the learner typed, to fill the form again (never the password). */
  values: { name?: string; email?: string; role?: string };
} | null;

const text = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
};

// next-intl's middleware sends `/` to the locale in this cookie.
const LOCALE_COOKIE = "NEXT_LOCALE";

async function rememberLocale(locale: string) {
  (await cookies()).set({ name: LOCALE_COOKIE, value: locale, path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 });
}

function home(user: SessionUser): string {
  return `/${user.locale}/${user.role === "instructor" ? "instructor" : "dashboard"}`;
}

export async function signUpAction(_previous: AuthFormState, data: FormData): Promise<AuthFormState> {
  const input = { name: text(data, "name"), email: text(data, "email"), password: text(data, "password"), role: text(data, "role") || "learner", locale: text(data, "locale") };
  const result = await signUp(input, { cookies: await cookies(), secure: await requestIsSecure() });
  if (!result.ok) return { errors: result.errors, values: { name: input.name, email: input.email, role: input.role } };
  await setCookies(result.cookies);
  await rememberLocale(result.user.locale);
  redirect(safeNextPath(text(data, "next")) ?? home(result.user));
}

export async function signInAction(_previous: AuthFormState, data: FormData): Promise<AuthFormState> {
  const input = { email: text(data, "email"), password: text(data, "password") };
  const result = await signIn(input, { cookies: await cookies(), secure: await requestIsSecure(), ip: clientIp(await headers()) });
  if (!result.ok) {
    return {
      errors: result.errors,
      values: { email: input.email },
      ...(result.retryAfterSeconds ? { retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) } : {}),
    };
  }
  await setCookies(result.cookies);
  await rememberLocale(result.user.locale);
  redirect(safeNextPath(text(data, "next")) ?? home(result.user));
}

export async function signOutAction(data: FormData): Promise<void> {
  await setCookies(await signOut({ cookies: await cookies(), secure: await requestIsSecure() }));
  const locale = text(data, "locale");
  redirect(`/${isLocale(locale) ? locale : "en"}`);
}

export type LocaleFormState = { saved: boolean } | null;

/** Stores the account's preferred language and shows the dashboard in it. */
export async function setLocaleAction(_previous: LocaleFormState, data: FormData): Promise<LocaleFormState> {
  const locale = text(data, "locale");
  const user = await requestUser();
  if (!user || user.email === null || !isLocale(locale)) return { saved: false };
  await setUserLocale(user.id, locale);
  await rememberLocale(locale);
  redirect(`/${locale}/dashboard?saved=language`);
}
