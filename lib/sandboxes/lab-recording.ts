import "server-only";
import type { PrismaClient } from "@prisma/client";
import { createLabAttempt, findLabAttemptBySandbox, recordAttemptReset, recordLabGrade } from "@/lib/db/lab-attempts";
import { countsAsCommand } from "@/lib/labs/attempt";
import { gradeLab } from "@/lib/labs/grade";
import type { Sandbox } from "@/lib/engine/sandbox";
import { findLab } from "./grading";
import type { SandboxHooks } from "./service";

// Lab attempts are recorded on the server, from the sandbox service's own events: a lab sandbox
// opens an attempt, every logged entry grades it, and so does every catch-up to the wall clock
// (a page or the events stream looking). Nothing depends on the browser asking.

/** Stored check messages are English: instructors read them whatever the learner's language. */
export const RECORDED_LOCALE = "en";

/** A Map that forgets its oldest entries past a size: a cache, never the truth. */
class BoundedMap<V> extends Map<string, V> {
  constructor(private readonly limit = 2000) {
    super();
  }
  override set(key: string, value: V): this {
    this.delete(key);
    super.set(key, value);
    while (this.size > this.limit) this.delete(this.keys().next().value as string);
    return this;
  }
}

/**
 * The recording hooks for a sandbox service on `db`. A grading that is the same as the last one
 * recorded for the sandbox (in this process) is not written again, so the events stream's
 * ticks cost no writes while nothing changes.
 */
export function labRecordingHooks(db: PrismaClient): SandboxHooks {
  const lastGrade = new BoundedMap<string>();
  const attempts = new BoundedMap<string | null>();

  const attemptOf = async (sandboxId: string): Promise<string | null> => {
    if (!attempts.has(sandboxId)) attempts.set(sandboxId, (await findLabAttemptBySandbox(sandboxId, db))?.id ?? null);
    return attempts.get(sandboxId)!;
  };

  const grade = (labId: string, sandbox: Sandbox) => {
    const lab = findLab(labId);
    return lab ? gradeLab(lab, sandbox, RECORDED_LOCALE).tasks : null;
  };

  return {
    async created({ row, sandbox, at }) {
      if (!row.labId) return;
      const tasks = grade(row.labId, sandbox);
      if (!tasks) return;
      const attempt = await createLabAttempt({ userId: row.ownerId, labId: row.labId, sandboxId: row.id, startedAt: at }, db);
      attempts.set(row.id, attempt.id);
      await recordLabGrade(attempt.id, tasks, { at, commandSeq: null }, db);
      lastGrade.set(row.id, JSON.stringify(tasks));
    },

    async executed({ row, sandbox, seq, at, command, result }) {
      if (!row.labId) return;
      const attemptId = await attemptOf(row.id);
      const tasks = attemptId ? grade(row.labId, sandbox) : null;
      if (!attemptId || !tasks) return;
      await recordLabGrade(attemptId, tasks, { at, commandSeq: seq, countCommand: countsAsCommand(command, result) }, db);
      lastGrade.set(row.id, JSON.stringify(tasks));
    },

    async advanced({ row, sandbox, seq, at }) {
      if (!row.labId) return;
      const attemptId = await attemptOf(row.id);
      const tasks = attemptId ? grade(row.labId, sandbox) : null;
      if (!attemptId || !tasks) return;
      const text = JSON.stringify(tasks);
      if (lastGrade.get(row.id) === text) return;
      await recordLabGrade(attemptId, tasks, { at, commandSeq: seq === 0 ? null : seq }, db);
      lastGrade.set(row.id, text);
    },

    async closed({ row, seq, at }) {
      lastGrade.delete(row.id);
      if (!row.labId) return;
      const attemptId = await attemptOf(row.id);
      attempts.delete(row.id);
      if (attemptId) await recordAttemptReset(attemptId, { at, commandSeq: seq === 0 ? null : seq }, db);
    },
  };
}
