// A learner's progress through a course, from their activity rows. Pure: the learner dashboard,
// the instructor's matrix and the CSV export all read it.
import type { Activity, LabAttemptRow } from "@/lib/db/activity";
import type { CohortMember } from "@/lib/db/cohorts";

export type CourseOutline = {
  id: string;
  /** Lesson slugs in course order; a lesson's quiz has the lesson's slug. */
  lessons: string[];
  /** Per lesson with a quiz: its questions, and the correct answers needed to pass. */
  quizzes: Record<string, { total: number; required: number }>;
  /** Labs in order, with their task ids. */
  labs: { id: string; tasks: string[] }[];
};

export type LessonStatus = "completed" | "opened" | "none";
export type LabStatus = "completed" | "started" | "none";

export type LessonCell = {
  slug: string;
  status: LessonStatus;
  completedAt: Date | null;
  quiz: { best: number; max: number; attempts: number; passed: boolean } | null;
};

export type LabCell = {
  id: string;
  status: LabStatus;
  tasksPassed: number;
  tasksTotal: number;
  /** From start to completion, for a completed lab. */
  durationMs: number | null;
  hintsUsed: number;
  solutionShown: boolean;
  attempts: number;
  /** The attempt the cell describes. */
  attemptId: string | null;
};

export type LearnerProgress = {
  lessons: LessonCell[];
  labs: LabCell[];
  lessonsCompleted: number;
  quizzesPassed: number;
  labsCompleted: number;
  lastActive: Date | null;
  /** The lesson to pick up at, or null when every lesson is complete. */
  continueAt: string | null;
};

/** One learner of a cohort in the instructor's matrix. */
export type MatrixRow = { member: CohortMember; progress: LearnerProgress };

/** The attempt that speaks for a lab: the first completed one, else the one that got furthest. */
function representative(attempts: LabAttemptRow[]): LabAttemptRow | undefined {
  const completed = attempts.filter((a) => a.completedAt).sort((a, b) => a.completedAt!.getTime() - b.completedAt!.getTime());
  if (completed[0]) return completed[0];
  return [...attempts].sort((a, b) => b.tasksPassed.length - a.tasksPassed.length || b.startedAt.getTime() - a.startedAt.getTime())[0];
}

export function learnerProgress(outline: CourseOutline, activity: Activity, userId: string): LearnerProgress {
  const lessonRows = new Map(activity.lessons.filter((l) => l.userId === userId).map((l) => [l.lesson, l]));
  const quizRows = new Map(activity.quizzes.filter((q) => q.userId === userId).map((q) => [q.quizId, q]));
  const labAttempts = activity.labs.filter((a) => a.userId === userId);

  const lessons: LessonCell[] = outline.lessons.map((slug) => {
    const row = lessonRows.get(slug);
    const quiz = quizRows.get(slug);
    const required = outline.quizzes[slug]?.required;
    return {
      slug,
      status: row?.completedAt ? "completed" : row ? "opened" : "none",
      completedAt: row?.completedAt ?? null,
      quiz: quiz ? { best: quiz.bestScore, max: quiz.maxScore, attempts: quiz.attempts, passed: required !== undefined && quiz.bestScore >= required } : null,
    };
  });

  const labs: LabCell[] = outline.labs.map((lab) => {
    const attempts = labAttempts.filter((a) => a.labId === lab.id);
    const chosen = representative(attempts);
    const passed = chosen ? lab.tasks.filter((t) => chosen.tasksPassed.includes(t)).length : 0;
    return {
      id: lab.id,
      status: chosen?.completedAt ? "completed" : chosen ? "started" : "none",
      tasksPassed: passed,
      tasksTotal: lab.tasks.length,
      durationMs: chosen?.completedAt ? chosen.completedAt.getTime() - chosen.startedAt.getTime() : null,
      hintsUsed: chosen?.hintsUsed ?? 0,
      solutionShown: chosen?.solutionShown ?? false,
      attempts: attempts.length,
      attemptId: chosen?.id ?? null,
    };
  });

  return {
    lessons,
    labs,
    lessonsCompleted: lessons.filter((l) => l.status === "completed").length,
    quizzesPassed: lessons.filter((l) => l.quiz?.passed).length,
    labsCompleted: labs.filter((l) => l.status === "completed").length,
    lastActive: activity.lastActive[userId] ?? null,
    continueAt: continueAt(outline.lessons, lessons, (slug) => {
      const row = lessonRows.get(slug);
      const times = [row?.lastOpenedAt, row?.completedAt, quizRows.get(slug)?.lastAt].filter((t): t is Date => Boolean(t));
      return times.length ? Math.max(...times.map((t) => t.getTime())) : null;
    }),
  };
}

/**
 * Where to continue: the lesson touched last when it is not complete yet, else the next lesson
 * after it that is not complete, else the first incomplete one. Null when all are complete.
 */
function continueAt(order: string[], cells: LessonCell[], touchedAt: (slug: string) => number | null): string | null {
  const incomplete = (i: number) => cells[i]!.status !== "completed";
  let last = -1;
  let lastTime = -Infinity;
  order.forEach((slug, i) => {
    const t = touchedAt(slug);
    if (t !== null && t >= lastTime) [last, lastTime] = [i, t];
  });
  if (last >= 0 && incomplete(last)) return order[last]!;
  for (let i = last + 1; i < order.length; i++) if (incomplete(i)) return order[i]!;
  for (let i = 0; i < order.length; i++) if (incomplete(i)) return order[i]!;
  return null;
}
