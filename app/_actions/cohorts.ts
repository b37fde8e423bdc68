"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { AccessError, requireAccount, requireInstructor } from "@/lib/auth/access";
import { requestUser } from "@/lib/auth/pages";
import { getCourse, listCourseIds } from "@/lib/content/catalogue";
import { createCohort, findCohortByInvite, joinCohort } from "@/lib/db/cohorts";
import { isLocale } from "@/lib/i18n/locales";

// Cohort actions: an instructor creates a cohort; a signed-in learner joins one with its code.

export type CohortFormState =
  | { ok: true; cohort: string; already: boolean }
  | { ok: false; error: "nameRequired" | "nameTooLong" | "courseUnknown" | "codeRequired" | "notFound" | "ownCohort" | "signInRequired" | "notInstructor"; value?: string }
  | null;

const text = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === "string" ? value.trim() : "";
};

const localeOf = (data: FormData) => {
  const locale = text(data, "locale");
  return isLocale(locale) ? locale : "en";
};

export async function createCohortAction(_previous: CohortFormState, data: FormData): Promise<CohortFormState> {
  const name = text(data, "name").replace(/\s+/g, " ");
  let instructorId: string;
  try {
    instructorId = requireInstructor(await requestUser()).id;
  } catch (error) {
    if (error instanceof AccessError) return { ok: false, error: error.reason === "signed-out" ? "signInRequired" : "notInstructor", value: name };
    throw error;
  }
  if (!name) return { ok: false, error: "nameRequired", value: name };
  if (name.length > 80) return { ok: false, error: "nameTooLong", value: name };
  const course = text(data, "course") || (await listCourseIds())[0] || "";
  if (!(await getCourse(course))) return { ok: false, error: "courseUnknown", value: name };
  const cohort = await createCohort({ instructorId, name, course });
  redirect(`/${localeOf(data)}/instructor/cohorts/${cohort.id}`);
}

export async function joinCohortAction(_previous: CohortFormState, data: FormData): Promise<CohortFormState> {
  const code = text(data, "code");
  let userId: string;
  try {
    userId = requireAccount(await requestUser()).id;
  } catch (error) {
    if (error instanceof AccessError) return { ok: false, error: "signInRequired", value: code };
    throw error;
  }
  if (!code) return { ok: false, error: "codeRequired", value: code };
  const cohort = await findCohortByInvite(code);
  if (!cohort) return { ok: false, error: "notFound", value: code };
  if (cohort.instructorId === userId) return { ok: false, error: "ownCohort", value: code };
  const added = await joinCohort(cohort.id, userId);
  revalidatePath(`/${localeOf(data)}/dashboard`);
  return { ok: true, cohort: cohort.name, already: !added };
}
