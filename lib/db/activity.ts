import { prisma } from "./client";
import type { Db } from "./types";

// Everything the progress views need about a set of learners, in a few grouped queries: the
// learner dashboard asks for one user, the instructor's matrix for a whole cohort.

export type LessonRow = { userId: string; lesson: string; firstOpenedAt: Date; lastOpenedAt: Date; completedAt: Date | null };
export type QuizBest = { userId: string; quizId: string; bestScore: number; maxScore: number; attempts: number; lastAt: Date };
export type LabAttemptRow = {
  id: string;
  userId: string;
  labId: string;
  sandboxId: string | null;
  startedAt: Date;
  completedAt: Date | null;
  commandCount: number;
  hintsUsed: number;
  solutionShown: boolean;
  /** Tasks whose checks pass now. */
  tasksPassed: string[];
  /** Tasks that passed at some point (TaskResult.firstPassedAt): how far the learner got. */
  tasksReached: string[];
};
export type Activity = {
  lessons: LessonRow[];
  quizzes: QuizBest[];
  labs: LabAttemptRow[];
  /** Per user: the latest time anything of theirs was written (sign-in, sandbox use included). */
  lastActive: Record<string, Date>;
};

const later = (a: Date | undefined, b: Date | null | undefined) => (b && (!a || b > a) ? b : a);

export async function loadActivity(userIds: string[], course: string, db: Db = prisma()): Promise<Activity> {
  if (userIds.length === 0) return { lessons: [], quizzes: [], labs: [], lastActive: {} };
  const where = { userId: { in: userIds } };
  const [lessons, quizGroups, labs, users, sandboxes] = await Promise.all([
    db.lessonProgress.findMany({
      where: { ...where, course },
      select: { userId: true, lesson: true, firstOpenedAt: true, lastOpenedAt: true, completedAt: true },
    }),
    db.quizAttempt.groupBy({
      by: ["userId", "quizId"],
      where,
      _max: { score: true, maxScore: true, submittedAt: true },
      _count: { _all: true },
    }),
    db.labAttempt.findMany({
      where,
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        userId: true,
        labId: true,
        sandboxId: true,
        startedAt: true,
        completedAt: true,
        commandCount: true,
        hintsUsed: true,
        solutionShown: true,
        taskResults: { select: { taskId: true, passed: true, firstPassedAt: true } },
      },
    }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, lastActiveAt: true } }),
    db.sandboxSession.groupBy({ by: ["ownerId"], where: { ownerId: { in: userIds } }, _max: { lastUsedAt: true } }),
  ]);

  const quizzes = quizGroups.map((g) => ({
    userId: g.userId,
    quizId: g.quizId,
    bestScore: g._max.score ?? 0,
    maxScore: g._max.maxScore ?? 0,
    attempts: g._count._all,
    lastAt: g._max.submittedAt!,
  }));
  const labRows = labs.map(({ taskResults, ...a }) => ({
    ...a,
    tasksPassed: taskResults.filter((t) => t.passed).map((t) => t.taskId),
    tasksReached: taskResults.filter((t) => t.firstPassedAt !== null).map((t) => t.taskId),
  }));

  const lastActive: Record<string, Date> = {};
  const see = (userId: string, at: Date | null | undefined) => {
    const next = later(lastActive[userId], at);
    if (next) lastActive[userId] = next;
  };
  for (const u of users) see(u.id, u.lastActiveAt);
  for (const s of sandboxes) see(s.ownerId, s._max.lastUsedAt);
  for (const l of lessons) {
    see(l.userId, l.lastOpenedAt);
    see(l.userId, l.completedAt);
  }
  for (const q of quizzes) see(q.userId, q.lastAt);
  for (const a of labRows) {
    see(a.userId, a.startedAt);
    see(a.userId, a.completedAt);
  }
  return { lessons, quizzes, labs: labRows, lastActive };
}
