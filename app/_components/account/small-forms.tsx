"use client";

import { useActionState, useEffect, useRef } from "react";
import { useLocale, useTranslations } from "next-intl";
import { setLocaleAction } from "@/app/_actions/account";
import { createCohortAction, joinCohortAction, type CohortFormState } from "@/app/_actions/cohorts";
import { localeNames, locales, type Locale } from "@/lib/i18n/locales";
import { Field } from "./field";

function useCohortMessage(state: CohortFormState) {
  const t = useTranslations("Cohorts");
  if (!state) return undefined;
  if (state.ok) return t(state.already ? "alreadyJoined" : "joined", { cohort: state.cohort });
  return t(`errors.${state.error}`);
}

/** Joining a cohort with the code the instructor handed out. */
export function JoinCohortForm({ code }: { code?: string }) {
  const t = useTranslations("Cohorts");
  const locale = useLocale();
  const [state, action, pending] = useActionState(joinCohortAction, null);
  const message = useCohortMessage(state);
  const input = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state && !state.ok) input.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  return (
    <form ref={input} action={action} className="space-y-3" data-testid="join-form">
      <input type="hidden" name="locale" value={locale} />
      <Field
        id="join-code"
        name="code"
        dir="ltr"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        label={t("inviteCode")}
        hint={t("inviteCodeHint")}
        defaultValue={state && !state.ok ? state.value : code}
        error={state && !state.ok ? message : undefined}
        required
      />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("join")}
      </button>
      <p role="status" className="font-medium" data-testid="join-status">
        {state?.ok ? message : ""}
      </p>
    </form>
  );
}

/** An instructor's new cohort: a name (the course is the only one there is, or picked). */
export function CreateCohortForm({ courses }: { courses: { id: string; title: string }[] }) {
  const t = useTranslations("Cohorts");
  const locale = useLocale();
  const [state, action, pending] = useActionState(createCohortAction, null);
  const message = useCohortMessage(state);
  return (
    <form action={action} className="space-y-3" data-testid="create-cohort-form">
      <input type="hidden" name="locale" value={locale} />
      <Field id="cohort-name" name="name" label={t("cohortName")} required maxLength={80} defaultValue={state && !state.ok ? state.value : undefined} error={state && !state.ok ? message : undefined} />
      {courses.length > 1 ? (
        <div className="space-y-1">
          <label htmlFor="cohort-course" className="block font-medium">
            {t("course")}
          </label>
          <select id="cohort-course" name="course" className="block rounded-md border border-line bg-surface px-3 py-2">
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      ) : (
        courses[0] && <input type="hidden" name="course" value={courses[0].id} />
      )}
      <button type="submit" className="button-primary" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}

/** The account's preferred language. */
export function LocaleForm({ current }: { current: Locale }) {
  const t = useTranslations("Dashboard");
  const [, action, pending] = useActionState(setLocaleAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" data-testid="locale-form">
      <div className="space-y-1">
        <label htmlFor="preferred-locale" className="block font-medium">
          {t("languageLabel")}
        </label>
        <select id="preferred-locale" name="locale" defaultValue={current} className="block rounded-md border border-line bg-surface px-3 py-2">
          {locales.map((l) => (
            <option key={l} value={l} lang={l}>
              {localeNames[l]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
