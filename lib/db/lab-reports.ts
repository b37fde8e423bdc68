import { prisma } from "./client";
import type { Db } from "./types";

// Read-only queries over lab attempts for the instructor's views: failed checks with the command
// that came before them, and one learner's attempts with their timelines.

export type FailedCheck = { userId: string; labId: string; taskId: string | null; command: string };

/** The command logged just before each failed check (LabEvent "task-failed" → SandboxCommand). */
async function commandsAt(pairs: { sandboxId: string; seq: number }[], db: Db): Promise<Map<string, string>> {
  const bySandbox = new Map<string, number[]>();
  for (const p of pairs) bySandbox.set(p.sandboxId, [...(bySandbox.get(p.sandboxId) ?? []), p.seq]);
  const rows = await Promise.all(
    [...bySandbox].map(([sandboxId, seqs]) =>
      db.sandboxCommand.findMany({ where: { sandboxId, seq: { in: [...new Set(seqs)] } }, select: { sandboxId: true, seq: true, command: true } }),
    ),
  );
  return new Map(rows.flat().map((r) => [`${r.sandboxId}#${r.seq}`, r.command]));
}

export async function failedChecks(userIds: string[], db: Db = prisma()): Promise<FailedCheck[]> {
  if (userIds.length === 0) return [];
  const events = await db.labEvent.findMany({
    where: { kind: "task-failed", commandSeq: { not: null }, attempt: { userId: { in: userIds }, sandboxId: { not: null } } },
    select: { taskId: true, commandSeq: true, attempt: { select: { userId: true, labId: true, sandboxId: true } } },
  });
  const commands = await commandsAt(events.map((e) => ({ sandboxId: e.attempt.sandboxId!, seq: e.commandSeq! })), db);
  return events.flatMap((e) => {
    const command = commands.get(`${e.attempt.sandboxId}#${e.commandSeq}`);
    return command === undefined ? [] : [{ userId: e.attempt.userId, labId: e.attempt.labId, taskId: e.taskId, command }];
  });
}

export type LabTimelineEvent = { id: number; at: Date; kind: string; taskId: string | null; commandSeq: number | null; command: string | null; detail: string };
export type LabAttemptDetail = {
  id: string;
  labId: string;
  sandboxId: string | null;
  startedAt: Date;
  completedAt: Date | null;
  commandCount: number;
  hintsUsed: number;
  solutionShown: boolean;
  tasks: { taskId: string; passed: boolean; firstPassedAt: Date | null }[];
  events: LabTimelineEvent[];
};

/** Every lab attempt of one learner, newest first, each with its timeline in order. */
export async function labAttemptsWithTimeline(userId: string, db: Db = prisma()): Promise<LabAttemptDetail[]> {
  const attempts = await db.labAttempt.findMany({
    where: { userId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      labId: true,
      sandboxId: true,
      startedAt: true,
      completedAt: true,
      commandCount: true,
      hintsUsed: true,
      solutionShown: true,
      taskResults: { select: { taskId: true, passed: true, firstPassedAt: true } },
      events: { orderBy: { id: "asc" }, select: { id: true, at: true, kind: true, taskId: true, commandSeq: true, detail: true } },
    },
  });
  const pairs = attempts.flatMap((a) => (a.sandboxId ? a.events.filter((e) => e.commandSeq !== null).map((e) => ({ sandboxId: a.sandboxId!, seq: e.commandSeq! })) : []));
  const commands = await commandsAt(pairs, db);
  return attempts.map(({ taskResults, events, ...a }) => ({
    ...a,
    tasks: taskResults,
    events: events.map((e) => ({ ...e, command: a.sandboxId && e.commandSeq !== null ? (commands.get(`${a.sandboxId}#${e.commandSeq}`) ?? null) : null })),
  }));
}

export type SandboxSummary = { id: string; labId: string | null; createdAt: Date; lastUsedAt: Date; closedAt: Date | null; commands: number };

export async function listUserSandboxes(userId: string, db: Db = prisma()): Promise<SandboxSummary[]> {
  const rows = await db.sandboxSession.findMany({
    where: { ownerId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, labId: true, createdAt: true, lastUsedAt: true, closedAt: true, _count: { select: { commands: true } } },
  });
  return rows.map(({ _count, ...s }) => ({ ...s, commands: _count.commands }));
}

/** Lab attempts of some learners, oldest first, with the tasks that pass. */
export async function listLabAttemptsOf(userIds: string[], db: Db = prisma()) {
  if (userIds.length === 0) return [];
  const rows = await db.labAttempt.findMany({
    where: { userId: { in: userIds } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      userId: true,
      labId: true,
      startedAt: true,
      completedAt: true,
      commandCount: true,
      hintsUsed: true,
      solutionShown: true,
      taskResults: { where: { passed: true }, select: { taskId: true } },
    },
  });
  return rows.map(({ taskResults, ...a }) => ({ ...a, tasksPassed: taskResults.length }));
}
