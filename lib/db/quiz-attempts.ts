import { prisma } from "./client";
import type { Db } from "./types";

const attemptSelect = {
  id: true,
  userId: true,
  quizId: true,
  locale: true,
  answers: true,
  score: true,
  maxScore: true,
  submittedAt: true,
} as const;

export type QuizAttemptRecord = {
  id: string;
  userId: string;
  quizId: string;
  locale: string;
  /** JSON of the answers as submitted (public keys per question id). */
  answers: string;
  score: number;
  maxScore: number;
  submittedAt: Date;
};

export async function createQuizAttempt(
  input: { userId: string; quizId: string; locale: string; answers: unknown; score: number; maxScore: number; submittedAt?: Date },
  db: Db = prisma(),
): Promise<QuizAttemptRecord> {
  return db.quizAttempt.create({
    data: {
      userId: input.userId,
      quizId: input.quizId,
      locale: input.locale,
      answers: JSON.stringify(input.answers),
      score: input.score,
      maxScore: input.maxScore,
      ...(input.submittedAt ? { submittedAt: input.submittedAt } : {}),
    },
    select: attemptSelect,
  });
}

/** A learner's attempts at one quiz, newest first. */
export async function listQuizAttempts(userId: string, quizId: string, db: Db = prisma()): Promise<QuizAttemptRecord[]> {
  return db.quizAttempt.findMany({
    where: { userId, quizId },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: attemptSelect,
  });
}

/** Every attempt of some learners, newest first. */
export async function listAttemptsOfUsers(userIds: string[], db: Db = prisma()): Promise<QuizAttemptRecord[]> {
  if (userIds.length === 0) return [];
  return db.quizAttempt.findMany({
    where: { userId: { in: userIds } },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: attemptSelect,
  });
}
