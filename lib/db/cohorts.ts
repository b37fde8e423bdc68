import { randomInt } from "node:crypto";
import { prisma } from "./client";
import type { Db } from "./types";
import { isUniqueViolation } from "./errors";

export type CohortRecord = { id: string; name: string; course: string; inviteCode: string; instructorId: string; createdAt: Date };
export type CohortMember = { id: string; name: string; email: string | null; locale: string; lastActiveAt: Date; joinedAt: Date };

const cohortSelect = { id: true, name: true, course: true, inviteCode: true, instructorId: true, createdAt: true } as const;

// No 0/O, 1/I/L: codes are read aloud in class and typed from a projector.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newInviteCode(): string {
  const pick = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${pick()}-${pick()}`;
}

/** What a learner typed, in the stored form: upper case, no spaces. */
export function normalizeInviteCode(code: string): string {
  return code.normalize("NFKC").replace(/\s+/g, "").toUpperCase().slice(0, 40);
}

export async function createCohort(input: { instructorId: string; name: string; course: string }, db: Db = prisma()): Promise<CohortRecord> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.cohort.create({ data: { ...input, inviteCode: newInviteCode() }, select: cohortSelect });
    } catch (error) {
      // 31^8 codes: a collision is rare, and a second one rarer still.
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

export async function findCohort(id: string, db: Db = prisma()): Promise<CohortRecord | null> {
  return db.cohort.findUnique({ where: { id }, select: cohortSelect });
}

export async function findCohortByInvite(code: string, db: Db = prisma()): Promise<(CohortRecord & { instructorName: string }) | null> {
  const row = await db.cohort.findUnique({ where: { inviteCode: normalizeInviteCode(code) }, select: { ...cohortSelect, instructor: { select: { name: true } } } });
  if (!row) return null;
  const { instructor, ...cohort } = row;
  return { ...cohort, instructorName: instructor.name };
}

export async function listInstructorCohorts(instructorId: string, db: Db = prisma()): Promise<(CohortRecord & { members: number })[]> {
  const rows = await db.cohort.findMany({
    where: { instructorId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...cohortSelect, _count: { select: { memberships: true } } },
  });
  return rows.map(({ _count, ...cohort }) => ({ ...cohort, members: _count.memberships }));
}

/** Adds a learner to a cohort; joining twice changes nothing. Returns whether they were new. */
export async function joinCohort(cohortId: string, userId: string, db: Db = prisma()): Promise<boolean> {
  if (await isMember(cohortId, userId, db)) return false;
  try {
    await db.membership.create({ data: { cohortId, userId }, select: { id: true } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function isMember(cohortId: string, userId: string, db: Db = prisma()): Promise<boolean> {
  return (await db.membership.count({ where: { cohortId, userId } })) > 0;
}

export async function listMemberCohorts(userId: string, db: Db = prisma()): Promise<(CohortRecord & { instructorName: string; joinedAt: Date })[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    orderBy: { joinedAt: "asc" },
    select: { joinedAt: true, cohort: { select: { ...cohortSelect, instructor: { select: { name: true } } } } },
  });
  return rows.map(({ joinedAt, cohort: { instructor, ...cohort } }) => ({ ...cohort, instructorName: instructor.name, joinedAt }));
}

const memberSelect = { joinedAt: true, user: { select: { id: true, name: true, email: true, locale: true, lastActiveAt: true } } } as const;

/** One learner of a cohort, or null when they are not in it. */
export async function findCohortMember(cohortId: string, userId: string, db: Db = prisma()): Promise<CohortMember | null> {
  const row = await db.membership.findUnique({ where: { cohortId_userId: { cohortId, userId } }, select: memberSelect });
  return row ? { ...row.user, joinedAt: row.joinedAt } : null;
}

/** A cohort's learners, by name. */
export async function listCohortMembers(cohortId: string, db: Db = prisma()): Promise<CohortMember[]> {
  const rows = await db.membership.findMany({ where: { cohortId }, select: memberSelect });
  return rows
    .map(({ joinedAt, user }) => ({ ...user, joinedAt }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.email ?? "").localeCompare(b.email ?? "") || a.id.localeCompare(b.id));
}
