import { prisma } from "./client";
import { touchUser, type SessionUser } from "./sessions";
import type { Db } from "./types";

// Accounts: users with an email and a password hash. Anonymous learners (no email) become
// accounts on sign-up, or are merged into one on sign-in.

export type Role = "learner" | "instructor";

const userSelect = { id: true, email: true, name: true, role: true, locale: true } as const;

/** An account by its (normalised) email, with the hash to check a password against. */
export async function findAccountByEmail(email: string, db: Db = prisma()): Promise<(SessionUser & { passwordHash: string | null }) | null> {
  return db.user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
}

export async function emailTaken(email: string, db: Db = prisma()): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

/**
 * A new account. With `anonymousId` the anonymous learner itself becomes the account, so
 * everything it did stays where it is; its anonymous sessions end.
 */
export async function createAccount(
  input: { email: string; name: string; passwordHash: string; role: Role; locale: string; anonymousId?: string; now?: Date },
  db: Db = prisma(),
): Promise<SessionUser> {
  const data = { email: input.email, name: input.name, passwordHash: input.passwordHash, role: input.role, locale: input.locale, lastActiveAt: input.now ?? new Date() };
  if (input.anonymousId) {
    await db.session.deleteMany({ where: { userId: input.anonymousId } });
    return db.user.update({ where: { id: input.anonymousId }, data, select: userSelect });
  }
  return db.user.create({ data, select: userSelect });
}

export async function setUserLocale(userId: string, locale: string, db: Db = prisma()): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
}

/**
 * Moves everything an anonymous learner did onto an account and deletes the anonymous user:
 * quiz and lab attempts, sandboxes, cohort memberships, and lesson progress, where a lesson
 * both have keeps the earliest opening and completion and the latest visit.
 */
export async function mergeAnonymousInto(fromId: string, intoId: string, db: Db = prisma()): Promise<void> {
  if (fromId === intoId) return;
  const from = await db.user.findUnique({ where: { id: fromId }, select: { email: true, lastActiveAt: true } });
  if (!from || from.email !== null) return;

  await db.quizAttempt.updateMany({ where: { userId: fromId }, data: { userId: intoId } });
  await db.labAttempt.updateMany({ where: { userId: fromId }, data: { userId: intoId } });
  await db.sandboxSession.updateMany({ where: { ownerId: fromId }, data: { ownerId: intoId } });

  const theirs = await db.lessonProgress.findMany({ where: { userId: fromId } });
  const ours = await db.lessonProgress.findMany({ where: { userId: intoId } });
  for (const row of theirs) {
    const same = ours.find((o) => o.course === row.course && o.lesson === row.lesson);
    if (!same) {
      await db.lessonProgress.update({ where: { id: row.id }, data: { userId: intoId } });
      continue;
    }
    const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
    await db.lessonProgress.update({
      where: { id: same.id },
      data: {
        firstOpenedAt: earliest(same.firstOpenedAt, row.firstOpenedAt)!,
        lastOpenedAt: same.lastOpenedAt > row.lastOpenedAt ? same.lastOpenedAt : row.lastOpenedAt,
        completedAt: earliest(same.completedAt, row.completedAt),
      },
    });
    await db.lessonProgress.delete({ where: { id: row.id } });
  }

  const joined = new Set((await db.membership.findMany({ where: { userId: intoId }, select: { cohortId: true } })).map((m) => m.cohortId));
  await db.membership.updateMany({ where: { userId: fromId, cohortId: { notIn: [...joined] } }, data: { userId: intoId } });

  const into = await db.user.findUniqueOrThrow({ where: { id: intoId }, select: { lastActiveAt: true } });
  if (from.lastActiveAt > into.lastActiveAt) await touchUser(intoId, from.lastActiveAt, db);
  // Cascades to its sessions and whatever was left (memberships of cohorts both had joined).
  await db.user.delete({ where: { id: fromId } });
}
