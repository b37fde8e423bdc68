import { prisma } from "./client";
import type { Db } from "./types";
import {
  commandCountAfter,
  gradeTransitions,
  type GradeContext,
  type GradedTask,
  type GradeTransitions,
  type LabEventKind,
  type RecordedTask,
} from "@/lib/labs/attempt";

// Lab attempts: one per lab sandbox, with the live checklist (TaskResult), the timeline
// (LabEvent) and the totals the progress and instructor views read. What changes when is
// decided by lib/labs/attempt.ts; this module only reads and writes.

const attemptSelect = {
  id: true,
  userId: true,
  labId: true,
  sandboxId: true,
  startedAt: true,
  completedAt: true,
  commandCount: true,
  hintsUsed: true,
  solutionShown: true,
} as const;

export type LabAttemptRecord = {
  id: string;
  userId: string;
  labId: string;
  sandboxId: string | null;
  startedAt: Date;
  completedAt: Date | null;
  commandCount: number;
  hintsUsed: number;
  solutionShown: boolean;
};

const taskSelect = { taskId: true, passed: true, message: true, firstPassedAt: true } as const;

export type LabEventRecord = { id: number; at: Date; kind: LabEventKind; taskId: string | null; commandSeq: number | null; detail: Record<string, unknown> };

/** Every write of one attempt in one transaction, so two gradings never interleave. */
function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction((tx) => fn(tx)) : fn(db);
}

export async function createLabAttempt(input: { userId: string; labId: string; sandboxId: string; startedAt: Date }, db: Db = prisma()): Promise<LabAttemptRecord> {
  return db.labAttempt.create({ data: { userId: input.userId, labId: input.labId, sandboxId: input.sandboxId, startedAt: input.startedAt }, select: attemptSelect });
}

export async function findLabAttempt(id: string, db: Db = prisma()): Promise<LabAttemptRecord | null> {
  return db.labAttempt.findUnique({ where: { id }, select: attemptSelect });
}

export async function findLabAttemptBySandbox(sandboxId: string, db: Db = prisma()): Promise<LabAttemptRecord | null> {
  return db.labAttempt.findUnique({ where: { sandboxId }, select: attemptSelect });
}

export async function listTaskResults(attemptId: string, db: Db = prisma()): Promise<RecordedTask[]> {
  return db.taskResult.findMany({ where: { attemptId }, orderBy: { taskId: "asc" }, select: taskSelect });
}

export async function listLabEvents(attemptId: string, db: Db = prisma()): Promise<LabEventRecord[]> {
  const rows = await db.labEvent.findMany({ where: { attemptId }, orderBy: { id: "asc" }, select: { id: true, at: true, kind: true, taskId: true, commandSeq: true, detail: true } });
  return rows.map((r) => ({ ...r, kind: r.kind as LabEventKind, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/** How many hints of each task the attempt has revealed. */
export async function revealedHints(attemptId: string, db: Db = prisma()): Promise<Record<string, number>> {
  const rows = await db.labEvent.groupBy({ by: ["taskId"], where: { attemptId, kind: "hint" }, _count: { _all: true } });
  return Object.fromEntries(rows.filter((r) => r.taskId !== null).map((r) => [r.taskId!, r._count._all]));
}

/** The latest command seq of the attempt's sandbox (0 before the first). */
async function lastCommandSeq(sandboxId: string | null, db: Db): Promise<number | null> {
  if (!sandboxId) return null;
  const row = await db.sandboxCommand.findFirst({ where: { sandboxId }, orderBy: { seq: "desc" }, select: { seq: true } });
  return row?.seq ?? null;
}

async function appendEvents(attemptId: string, events: GradeTransitions["events"], db: Db) {
  for (const e of events) {
    await db.labEvent.create({ data: { attemptId, at: e.at, kind: e.kind, taskId: e.taskId, commandSeq: e.commandSeq, detail: JSON.stringify(e.detail) }, select: { id: true } });
  }
}

/**
 * Records a grading of the attempt's sandbox: the changed task results, the events of the
 * transitions, the completion the first time every task passes. With `countCommand`, the entry
 * that caused it adds one to the command count first (the completing command counts).
 */
export async function recordLabGrade(
  attemptId: string,
  graded: readonly GradedTask[],
  ctx: GradeContext & { countCommand?: boolean },
  db: Db = prisma(),
): Promise<GradeTransitions> {
  return inTransaction(db, async (tx) => {
    const attempt = await tx.labAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { startedAt: true, completedAt: true, commandCount: true } });
    const commandCount = commandCountAfter(attempt, ctx.countCommand ?? false);
    const previous = await tx.taskResult.findMany({ where: { attemptId }, select: taskSelect });
    const changes = gradeTransitions(previous, graded, { ...attempt, commandCount }, ctx);
    for (const t of changes.tasks) {
      const data = { passed: t.passed, message: t.message, firstPassedAt: t.firstPassedAt };
      await tx.taskResult.upsert({ where: { attemptId_taskId: { attemptId, taskId: t.taskId } }, create: { attemptId, taskId: t.taskId, ...data }, update: data, select: { id: true } });
    }
    await appendEvents(attemptId, changes.events, tx);
    if (changes.completion) {
      await tx.labAttempt.update({ where: { id: attemptId }, data: { completedAt: changes.completion.at, commandCount: changes.completion.commandCount }, select: { id: true } });
    } else if (commandCount !== attempt.commandCount) {
      await tx.labAttempt.update({ where: { id: attemptId }, data: { commandCount }, select: { id: true } });
    }
    return changes;
  });
}

/**
 * Records that hint `index` of a task was shown. Hints come one at a time: asking again for one
 * already shown changes nothing ("again"), asking for one past the next is refused ("not-yet").
 * Returns how many hints the attempt has used in all.
 */
export async function recordHintShown(
  attemptId: string,
  input: { taskId: string; index: number; at: Date },
  db: Db = prisma(),
): Promise<{ outcome: "new" | "again" | "not-yet"; hintsUsed: number }> {
  return inTransaction(db, async (tx) => {
    const already = await tx.labEvent.count({ where: { attemptId, kind: "hint", taskId: input.taskId } });
    const attempt = await tx.labAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { sandboxId: true, hintsUsed: true } });
    if (input.index < already) return { outcome: "again", hintsUsed: attempt.hintsUsed };
    if (input.index > already) return { outcome: "not-yet", hintsUsed: attempt.hintsUsed };
    await appendEvents(attemptId, [{ kind: "hint", taskId: input.taskId, commandSeq: await lastCommandSeq(attempt.sandboxId, tx), at: input.at, detail: { index: input.index } }], tx);
    const updated = await tx.labAttempt.update({ where: { id: attemptId }, data: { hintsUsed: { increment: 1 } }, select: { hintsUsed: true } });
    return { outcome: "new", hintsUsed: updated.hintsUsed };
  });
}

/** Records that the solution was shown (the first time only). */
export async function recordSolutionShown(attemptId: string, input: { at: Date }, db: Db = prisma()): Promise<{ recorded: boolean }> {
  return inTransaction(db, async (tx) => {
    const attempt = await tx.labAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { sandboxId: true, solutionShown: true, commandCount: true } });
    if (attempt.solutionShown) return { recorded: false };
    await appendEvents(attemptId, [{ kind: "solution", taskId: null, commandSeq: await lastCommandSeq(attempt.sandboxId, tx), at: input.at, detail: { commandCount: attempt.commandCount } }], tx);
    await tx.labAttempt.update({ where: { id: attemptId }, data: { solutionShown: true }, select: { id: true } });
    return { recorded: true };
  });
}

/** The learner threw the attempt's sandbox away (a reset starts a new attempt). */
export async function recordAttemptReset(attemptId: string, input: { at: Date; commandSeq: number | null }, db: Db = prisma()): Promise<void> {
  await appendEvents(attemptId, [{ kind: "reset", taskId: null, commandSeq: input.commandSeq, at: input.at, detail: {} }], db);
}

export type LabStatus = { labId: string; attemptId: string; startedAt: Date; completedAt: Date | null; tasksPassed: number; everCompleted: boolean };

/**
 * Per lab, the learner's latest attempt with how many of its tasks pass now, and whether any
 * attempt of that lab was ever completed.
 */
export async function labStatuses(userId: string, db: Db = prisma()): Promise<LabStatus[]> {
  const attempts = await db.labAttempt.findMany({
    where: { userId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { id: true, labId: true, startedAt: true, completedAt: true, taskResults: { where: { passed: true }, select: { taskId: true } } },
  });
  const byLab = new Map<string, LabStatus>();
  for (const a of attempts) {
    const seen = byLab.get(a.labId);
    if (seen) {
      if (a.completedAt) seen.everCompleted = true;
      continue;
    }
    byLab.set(a.labId, { labId: a.labId, attemptId: a.id, startedAt: a.startedAt, completedAt: a.completedAt, tasksPassed: a.taskResults.length, everCompleted: a.completedAt !== null });
  }
  return [...byLab.values()];
}
