import { prisma } from "./client";
import type { Db } from "./types";

export type LessonProgressRecord = {
  course: string;
  lesson: string;
  firstOpenedAt: Date;
  lastOpenedAt: Date;
  completedAt: Date | null;
};

const progressSelect = { course: true, lesson: true, firstOpenedAt: true, lastOpenedAt: true, completedAt: true } as const;

/**
 * Marks a lesson complete for a learner. The first completion time is kept: passing the quiz
 * again later does not move it.
 */
export async function markLessonCompleted(
  input: { userId: string; course: string; lesson: string; at?: Date },
  db: Db = prisma(),
): Promise<LessonProgressRecord> {
  const at = input.at ?? new Date();
  const where = { userId_course_lesson: { userId: input.userId, course: input.course, lesson: input.lesson } };
  const row = await db.lessonProgress.upsert({
    where,
    create: { userId: input.userId, course: input.course, lesson: input.lesson, completedAt: at },
    update: {},
    select: progressSelect,
  });
  if (row.completedAt) return row;
  return db.lessonProgress.update({ where, data: { completedAt: at }, select: progressSelect });
}

export async function listLessonProgress(userId: string, course: string, db: Db = prisma()): Promise<LessonProgressRecord[]> {
  return db.lessonProgress.findMany({ where: { userId, course }, orderBy: { lesson: "asc" }, select: progressSelect });
}

/** Records a visit to a lesson: the first one is kept, the latest moves forward. */
export async function markLessonOpened(input: { userId: string; course: string; lesson: string; at?: Date }, db: Db = prisma()): Promise<LessonProgressRecord> {
  const at = input.at ?? new Date();
  return db.lessonProgress.upsert({
    where: { userId_course_lesson: { userId: input.userId, course: input.course, lesson: input.lesson } },
    create: { userId: input.userId, course: input.course, lesson: input.lesson, firstOpenedAt: at, lastOpenedAt: at },
    update: { lastOpenedAt: at },
    select: progressSelect,
  });
}
