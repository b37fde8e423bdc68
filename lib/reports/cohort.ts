import "server-only";
import { getCourse, type Course } from "@/lib/content/catalogue";
import { loadQuiz } from "@/lib/content/quizzes";
import { loadActivity } from "@/lib/db/activity";
import { listCohortMembers, type CohortMember, type CohortRecord } from "@/lib/db/cohorts";
import { failedChecks, labAttemptsWithTimeline, listLabAttemptsOf, listUserSandboxes } from "@/lib/db/lab-reports";
import { listAttemptsOfUsers } from "@/lib/db/quiz-attempts";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { requiredScore } from "@/lib/quiz/grade";
import type { LoadedQuiz } from "@/lib/quiz/types";
import { courseOutline } from "./outline";
import { labFunnels, topFailedCommands } from "./funnel";
import { learnerProgress, type CourseOutline, type MatrixRow } from "./progress";
import { describeAttempt } from "./quiz-answers";

// What the instructor's pages show, assembled from the query modules. Callers have already
// checked that the cohort is the instructor's and the learner is in it (lib/auth/access.ts).

async function requireCourse(id: string): Promise<Course> {
  const course = await getCourse(id);
  if (!course) throw new Error(`The cohort's course "${id}" does not exist.`);
  return course;
}

export async function cohortReport(cohort: CohortRecord) {
  const course = await requireCourse(cohort.course);
  const outline = await courseOutline(course);
  const members = await listCohortMembers(cohort.id);
  const ids = members.map((m) => m.id);
  const [activity, failed] = await Promise.all([loadActivity(ids, course.id), failedChecks(ids)]);
  const rows: MatrixRow[] = members.map((member) => ({ member, progress: learnerProgress(outline, activity, member.id) }));
  return { course, outline, rows, funnels: labFunnels(outline, activity, ids), failedCommands: topFailedCommands(failed) };
}

export type CohortReport = Awaited<ReturnType<typeof cohortReport>>;

/** Learners with no activity in the last `days` days (never-active ones included). */
export function inactiveLearners(rows: MatrixRow[], days: number, now = new Date()): MatrixRow[] {
  const cutoff = now.getTime() - days * 24 * 60 * 60 * 1000;
  return rows.filter((r) => !r.progress.lastActive || r.progress.lastActive.getTime() < cutoff);
}

/** Quiz definitions by id, for the attempts at hand. */
async function quizzesOf(attempts: { quizId: string }[]) {
  return new Map(await Promise.all([...new Set(attempts.map((a) => a.quizId))].map(async (id) => [id, await loadQuiz(id)] as const)));
}

/** Whether an attempt passed by its quiz's pass mark; null when the quiz is gone. */
function passedBy(quiz: LoadedQuiz | null | undefined, attempt: { score: number; maxScore: number }): boolean | null {
  return quiz ? attempt.score >= requiredScore(quiz.passScore, attempt.maxScore) : null;
}

/** Every attempt of the cohort's learners, for the exports. */
export async function cohortAttempts(cohort: CohortRecord) {
  const members = await listCohortMembers(cohort.id);
  const ids = members.map((m) => m.id);
  const [quizAttempts, labs] = await Promise.all([listAttemptsOfUsers(ids), listLabAttemptsOf(ids)]);
  const quizzes = await quizzesOf(quizAttempts);
  return { members: new Map(members.map((m) => [m.id, m])), quizzes: quizAttempts.map((a) => ({ ...a, passed: passedBy(quizzes.get(a.quizId), a) })), labs };
}

/** One learner in full: progress, every quiz attempt with its answers, every lab attempt with its timeline, every sandbox. */
export async function learnerDetail(cohort: CohortRecord, member: CohortMember, locale: Locale) {
  const course = await requireCourse(cohort.course);
  const outline: CourseOutline = await courseOutline(course);
  const [activity, attempts, labs, sandboxes] = await Promise.all([
    loadActivity([member.id], course.id),
    listAttemptsOfUsers([member.id]),
    labAttemptsWithTimeline(member.id),
    listUserSandboxes(member.id),
  ]);
  const quizzes = await quizzesOf(attempts);
  const quizAttempts = attempts.map((a) => {
    const quiz = quizzes.get(a.quizId);
    const attemptLocale = isLocale(a.locale) ? a.locale : locale;
    return {
      ...a,
      title: quiz?.title[locale] ?? a.quizId,
      passed: passedBy(quiz, a),
      questions: quiz ? describeAttempt(quiz, a.answers, attemptLocale, locale) : [],
    };
  });
  return { course, outline, progress: learnerProgress(outline, activity, member.id), quizAttempts, labAttempts: labs, sandboxes };
}

export type LearnerDetail = Awaited<ReturnType<typeof learnerDetail>>;
