"use client";

import { useActionState, useEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import { signInAction, signUpAction, type AuthFormState } from "@/app/_actions/account";
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, type AuthErrorCode, type FieldErrors } from "@/lib/auth/forms";
import { Field } from "./field";

function useErrorText() {
  const t = useTranslations("Auth.errors");
  return (code: AuthErrorCode | undefined, retryAfterMinutes = 1) =>
    code ? t(code, { min: PASSWORD_MIN, max: code === "nameTooLong" ? NAME_MAX : PASSWORD_MAX, minutes: retryAfterMinutes }) : undefined;
}

/** After a refused submission the focus goes to the first field in error, or to the form's message. */
function useFocusOnErrors(form: React.RefObject<HTMLFormElement | null>, state: AuthFormState) {
  useEffect(() => {
    if (!state) return;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]');
    target?.focus();
  }, [form, state]);
}

function FormError({ errors, text }: { errors: FieldErrors; text: (code: AuthErrorCode | undefined) => string | undefined }) {
  if (!errors.form) return null;
  return (
    <p role="alert" tabIndex={-1} data-form-error className="rounded-md border border-red-700 px-3 py-2 font-medium text-red-700 dark:text-red-400">
      {text(errors.form)}
    </p>
  );
}

export function SignUpForm({ next }: { next: string | null }) {
  const t = useTranslations("Auth");
  const locale = useLocale();
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(signUpAction, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusOnErrors(form, state);
  const errors = state?.errors ?? {};
  const role = state?.values.role ?? "learner";

  return (
    <form ref={form} action={action} noValidate className="space-y-5" data-testid="signup-form">
      <input type="hidden" name="locale" value={locale} />
      {next && <input type="hidden" name="next" value={next} />}
      <FormError errors={errors} text={(c) => errorText(c)} />
      <Field id="signup-name" name="name" label={t("name")} autoComplete="name" required maxLength={NAME_MAX} defaultValue={state?.values.name} error={errorText(errors.name)} />
      <Field id="signup-email" name="email" type="email" dir="ltr" label={t("email")} autoComplete="email" required defaultValue={state?.values.email} error={errorText(errors.email)} />
      <Field
        id="signup-password"
        name="password"
        type="password"
        dir="ltr"
        label={t("password")}
        hint={t("passwordHint", { min: PASSWORD_MIN })}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        error={errorText(errors.password)}
      />
      <fieldset className="space-y-2" aria-describedby={errors.role ? "signup-role-error" : undefined}>
        <legend className="font-medium">{t("role")}</legend>
        {(["learner", "instructor"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="role" value={value} defaultChecked={role === value} />
            {t(value === "learner" ? "roleLearner" : "roleInstructor")}
          </label>
        ))}
        {errors.role && (
          <p id="signup-role-error" className="text-sm font-medium text-red-700 dark:text-red-400">
            {errorText(errors.role)}
          </p>
        )}
      </fieldset>
      <p className="text-sm text-muted">{t("anonymousNote")}</p>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? t("submitting") : t("submitSignUp")}
      </button>
    </form>
  );
}

export function SignInForm({ next }: { next: string | null }) {
  const t = useTranslations("Auth");
  const errorText = useErrorText();
  const [state, action, pending] = useActionState(signInAction, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusOnErrors(form, state);
  const errors = state?.errors ?? {};

  return (
    <form ref={form} action={action} noValidate className="space-y-5" data-testid="signin-form">
      {next && <input type="hidden" name="next" value={next} />}
      <FormError errors={errors} text={(c) => errorText(c, state?.retryAfterMinutes)} />
      <Field id="signin-email" name="email" type="email" dir="ltr" label={t("email")} autoComplete="email" required defaultValue={state?.values.email} />
      <Field id="signin-password" name="password" type="password" dir="ltr" label={t("password")} autoComplete="current-password" required maxLength={PASSWORD_MAX} />
      <p className="text-sm text-muted">{t("anonymousNote")}</p>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? t("submitting") : t("submitSignIn")}
      </button>
    </form>
  );
}
