import "server-only";
import type { PrismaClient } from "@prisma/client";
import { plainSql } from "@/lib/db/plain-sql";

// Persistence of sandboxes: the session row, its append-only command log and its snapshots.
// Query functions take the client so tests and scripts can pass their own.

export interface SandboxRow {
  id: string;
  ownerId: string;
  labId: string | null;
  seed: number;
  startTime: number;
}

export interface CommandRow {
  seq: number;
  command: string;
  output: string;
  exitCode: number;
  virtualTime: number;
}

export async function insertSandbox(db: PrismaClient, row: SandboxRow) {
  await db.sandboxSession.create({ data: { id: row.id, ownerId: row.ownerId, labId: row.labId, seed: row.seed, startTime: BigInt(row.startTime) } });
}

export async function findSandbox(db: PrismaClient, id: string): Promise<(SandboxRow & { closedAt: Date | null }) | null> {
  const row = await db.sandboxSession.findUnique({ where: { id }, select: { id: true, ownerId: true, labId: true, seed: true, startTime: true, closedAt: true } });
  return row ? { ...row, startTime: Number(row.startTime) } : null;
}

export async function countOpenSandboxes(db: PrismaClient, ownerId: string): Promise<number> {
  return db.sandboxSession.count({ where: { ownerId, closedAt: null } });
}

export async function closeSandbox(db: PrismaClient, id: string) {
  await db.sandboxSession.update({ where: { id }, data: { closedAt: new Date() } });
}

export async function touchSandbox(db: PrismaClient, id: string) {
  await plainSql(db).execute`UPDATE "SandboxSession" SET "lastUsedAt" = ${new Date()} WHERE "id" = ${id}`;
}

/** Appends a command logged at wall-clock time `at`; fails if another writer took the same sequence number first. */
export async function appendCommand(db: PrismaClient, sandboxId: string, c: CommandRow, at: Date) {
  // One insert per command: plain SQL (both databases), a fraction of the query builder's cost.
  await plainSql(db).execute`
    INSERT INTO "SandboxCommand" ("sandboxId", "seq", "command", "output", "exitCode", "virtualTime", "createdAt")
    VALUES (${sandboxId}, ${c.seq}, ${c.command}, ${c.output}, ${c.exitCode}, ${BigInt(c.virtualTime)}, ${at})`;
}

/** When a user's most recent commands (newest first, at most `take`) after `since` were logged, in any of their sandboxes. */
export async function recentCommandTimes(db: PrismaClient, ownerId: string, since: Date, take: number): Promise<Date[]> {
  const rows = await db.sandboxCommand.findMany({
    where: { createdAt: { gt: since }, sandbox: { ownerId } },
    orderBy: { createdAt: "desc" },
    take,
    select: { createdAt: true },
  });
  return rows.map((r) => r.createdAt);
}

export async function commandsAfter(db: PrismaClient, sandboxId: string, seq: number): Promise<CommandRow[]> {
  // Plain SQL: servers sharing a sandbox ask this before each of its commands.
  const rows = await plainSql(db).query<{ seq: unknown; command: string; output: string; exitCode: unknown; virtualTime: unknown }>`
    SELECT "seq", "command", "output", "exitCode", "virtualTime" FROM "SandboxCommand"
    WHERE "sandboxId" = ${sandboxId} AND "seq" > ${seq} ORDER BY "seq"`;
  return rows.map((r) => ({ seq: Number(r.seq), command: r.command, output: r.output, exitCode: Number(r.exitCode), virtualTime: Number(r.virtualTime) }));
}

export async function lastSeq(db: PrismaClient, sandboxId: string): Promise<number> {
  const row = await db.sandboxCommand.findFirst({ where: { sandboxId }, orderBy: { seq: "desc" }, select: { seq: true } });
  return row?.seq ?? 0;
}

export async function saveSnapshot(db: PrismaClient, sandboxId: string, seq: number, state: string) {
  // Plain SQL (both databases): the query builder would copy the large state around several times.
  const sql = plainSql(db);
  await sql.execute`
    INSERT INTO "SandboxSnapshot" ("sandboxId", "seq", "state", "createdAt") VALUES (${sandboxId}, ${seq}, ${state}, ${new Date()})
    ON CONFLICT ("sandboxId", "seq") DO UPDATE SET "state" = excluded."state"`;
  // Older snapshots are no longer needed: the newest one plus the log rebuild everything.
  await sql.execute`DELETE FROM "SandboxSnapshot" WHERE "sandboxId" = ${sandboxId} AND "seq" < ${seq}`;
}

export async function latestSnapshot(db: PrismaClient, sandboxId: string): Promise<{ seq: number; state: string } | null> {
  return db.sandboxSnapshot.findFirst({ where: { sandboxId }, orderBy: { seq: "desc" }, select: { seq: true, state: true } });
}
