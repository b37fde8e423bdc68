// What the sign-up and sign-in forms accept. Pure: the forms and the server share the limits.
import { z } from "zod";
import { locales } from "@/lib/i18n/locales";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 80;
export const EMAIL_MAX = 254;

/** Error codes per field; the forms show each one's message next to its field. */
export type FieldErrors = Partial<Record<"name" | "email" | "password" | "role" | "form", AuthErrorCode>>;
export type AuthErrorCode =
  | "nameRequired"
  | "nameTooLong"
  | "emailInvalid"
  | "emailTaken"
  | "passwordTooShort"
  | "passwordTooLong"
  | "roleInvalid"
  | "invalidCredentials"
  | "rateLimited";

export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

const email = z
  .string()
  .transform(normalizeEmail)
  .pipe(z.email({ error: "emailInvalid" }).max(EMAIL_MAX, { error: "emailInvalid" }));

export const signUpSchema = z.object({
  name: z
    .string()
    .transform((s) => s.normalize("NFC").trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, { error: "nameRequired" }).max(NAME_MAX, { error: "nameTooLong" })),
  email,
  password: z.string().min(PASSWORD_MIN, { error: "passwordTooShort" }).max(PASSWORD_MAX, { error: "passwordTooLong" }),
  role: z.enum(["learner", "instructor"], { error: "roleInvalid" }),
  locale: z.enum(locales),
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  // Any length is checked against the hash (a wrong one fails), but a megabyte is not a password.
  password: z.string().min(1, { error: "invalidCredentials" }).max(PASSWORD_MAX, { error: "invalidCredentials" }),
});

/** Field errors from a failed parse: the first problem per field. */
export function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form") as keyof FieldErrors;
    errors[field] ??= issue.message as AuthErrorCode;
  }
  return errors;
}

/**
 * Where to go after signing in: a path on this site only. Anything else (another origin, a
 * protocol-relative "//evil", a backslash trick) falls back to the default.
 */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length > 500) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\") || /[\u0000-\u001f]/.test(next)) return null;
  return next;
}
