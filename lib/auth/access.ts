import "server-only";
import { findCohort, findCohortMember, type CohortRecord } from "@/lib/db/cohorts";
import type { SessionUser } from "@/lib/db/sessions";
import { HttpError } from "@/lib/http/json";

// Who may see what. Learners see only their own data (their routes take no user id at all);
// an instructor sees a learner only through a cohort the instructor owns and the learner joined.
// Someone else's cohort or learner is "not found": its existence is nobody else's business.

export class AccessError extends HttpError {
  constructor(
    status: 401 | 403 | 404,
    message: string,
    readonly reason: "signed-out" | "not-instructor" | "not-found",
  ) {
    super(status, message);
  }
}

export type Account = SessionUser & { email: string };

export function requireAccount(user: SessionUser | null): Account {
  if (!user || user.email === null) throw new AccessError(401, "Sign in first.", "signed-out");
  return user as Account;
}

export function requireInstructor(user: SessionUser | null): Account {
  const account = requireAccount(user);
  if (account.role !== "instructor") throw new AccessError(403, "Only instructors can do this.", "not-instructor");
  return account;
}

/** A cohort the signed-in instructor owns (404 for anyone else's, or none). */
export async function requireOwnCohort(user: SessionUser | null, cohortId: string): Promise<{ instructor: Account; cohort: CohortRecord }> {
  const instructor = requireInstructor(user);
  const cohort = await findCohort(cohortId);
  if (!cohort || cohort.instructorId !== instructor.id) throw new AccessError(404, "No such cohort.", "not-found");
  return { instructor, cohort };
}

/** A learner of one of the instructor's cohorts (404 for anyone not in it). */
export async function requireCohortLearner(user: SessionUser | null, cohortId: string, learnerId: string) {
  const { instructor, cohort } = await requireOwnCohort(user, cohortId);
  const member = await findCohortMember(cohort.id, learnerId);
  if (!member) throw new AccessError(404, "No such learner in this cohort.", "not-found");
  return { instructor, cohort, member };
}
