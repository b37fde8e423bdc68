import { prisma } from "./client";
import type { Db } from "./types";
import { plainSql } from "./plain-sql";

const sessionUserSelect = { id: true, email: true, name: true, role: true, locale: true } as const;

export type SessionUser = { id: string; email: string | null; name: string; role: string; locale: string };

/**
 * The user behind a live session, by the session's id (the hash of its cookie token). Asked on
 * every request, so it is one plain query (identifiers quoted for both SQLite and PostgreSQL):
 * the query builder costs several times the database's own work here.
 */
export async function findSessionUser(sessionId: string, now = new Date(), db: Db = prisma()): Promise<SessionUser | null> {
  const rows = await plainSql(db).query<SessionUser & { expiresAt: Date | string }>`
    SELECT u."id", u."email", u."name", u."role", u."locale", s."expiresAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
  const row = rows[0];
  if (!row || new Date(row.expiresAt) <= now) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
}

/** A new user with no email (an anonymous learner) and one session for it. */
export async function createAnonymousUser(
  input: { sessionId: string; expiresAt: Date; locale?: string },
  db: Db = prisma(),
): Promise<SessionUser> {
  return db.user.create({
    data: {
      email: null,
      ...(input.locale ? { locale: input.locale } : {}),
      sessions: { create: { id: input.sessionId, expiresAt: input.expiresAt } },
    },
    select: sessionUserSelect,
  });
}

export async function touchUser(userId: string, at = new Date(), db: Db = prisma()): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastActiveAt: at }, select: { id: true } });
}

export async function createSession(input: { id: string; userId: string; expiresAt: Date }, db: Db = prisma()): Promise<void> {
  await db.session.create({ data: input, select: { id: true } });
}

export async function deleteSession(id: string, db: Db = prisma()): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}
