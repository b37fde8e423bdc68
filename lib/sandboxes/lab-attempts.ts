import "server-only";
import { findLabAttempt, listTaskResults, recordHintShown, recordSolutionShown, revealedHints, type LabAttemptRecord } from "@/lib/db/lab-attempts";
import { HttpError } from "@/lib/http/json";
import type { Locale } from "@/lib/i18n/locales";
import { hintRequest, solutionState, type AttemptView, type SolutionState } from "@/lib/labs/attempt";
import type { Lab } from "@/lib/labs/schema";
import { findLab } from "./grading";
import { sandboxService, asHttpError } from "./instance";

// What the lab page's hint and solution buttons do, behind the routes: ownership first, then
// the rules of lib/labs/attempt.ts, then the record.

export interface OwnAttempt {
  attempt: LabAttemptRecord;
  lab: Lab;
}

/** The attempt if `userId` owns it: 404 when unknown, 403 when it is someone else's. */
export async function ownAttempt(attemptId: string, userId: string): Promise<OwnAttempt> {
  const attempt = await findLabAttempt(attemptId);
  const lab = attempt ? findLab(attempt.labId) : null;
  if (!attempt || !lab) throw new HttpError(404, "No such lab attempt.");
  if (attempt.userId !== userId) throw new HttpError(403, "This lab attempt belongs to someone else.");
  return { attempt, lab };
}

/** Brings the attempt's sandbox up to now, which grades and records it (see lab-recording.ts). */
async function refresh({ attempt }: OwnAttempt) {
  if (!attempt.sandboxId) return;
  try {
    await sandboxService().open(attempt.sandboxId, attempt.userId);
  } catch (error) {
    // A closed or vanished sandbox keeps its last recorded results.
    if (asHttpError(error) instanceof HttpError) return;
    throw error;
  }
}

async function currentSolutionState(own: OwnAttempt, now: Date): Promise<{ state: SolutionState; revealed: Record<string, number>; attempt: LabAttemptRecord }> {
  await refresh(own);
  const attempt = (await findLabAttempt(own.attempt.id))!;
  const [results, revealed] = await Promise.all([listTaskResults(attempt.id), revealedHints(attempt.id)]);
  const passed = new Set(results.filter((r) => r.passed).map((r) => r.taskId));
  const state = solutionState({
    tasks: own.lab.tasks.map((t) => ({ id: t.id, hints: t.hints.length, passed: passed.has(t.id) })),
    revealed,
    commandCount: attempt.commandCount,
    startedAt: attempt.startedAt,
    completed: attempt.completedAt !== null,
    now,
  });
  return { state, revealed, attempt };
}

export async function attemptView(own: OwnAttempt, locale: Locale, now = new Date()): Promise<AttemptView> {
  const { state, revealed, attempt } = await currentSolutionState(own, now);
  return {
    id: attempt.id,
    labId: attempt.labId,
    startedAt: attempt.startedAt.toISOString(),
    completedAt: attempt.completedAt?.toISOString() ?? null,
    commandCount: attempt.commandCount,
    hintsUsed: attempt.hintsUsed,
    hints: Object.fromEntries(own.lab.tasks.map((t) => [t.id, t.hints.slice(0, revealed[t.id] ?? 0).map((h) => h[locale])])),
    solution: attempt.solutionShown ? own.lab.solution : null,
    solutionState: state,
  };
}

/** Shows hint `index` of a task: the next one, or one already shown (400/409 otherwise). */
export async function showHint(own: OwnAttempt, input: { taskId: string; index: number; locale: Locale }, now = new Date()): Promise<{ taskId: string; index: number; text: string; hintsUsed: number }> {
  const task = own.lab.tasks.find((t) => t.id === input.taskId);
  if (!task) throw new HttpError(400, `Invalid request: taskId: this lab has no task "${input.taskId.slice(0, 80)}".`);
  const revealed = (await revealedHints(own.attempt.id))[task.id] ?? 0;
  const request = hintRequest(revealed, input.index, task.hints.length);
  if (request === "no-such-hint") throw new HttpError(400, `Invalid request: index: task "${task.id}" has ${task.hints.length} hints.`);
  if (request === "not-yet") throw new HttpError(409, `Hints come one at a time: the next one of "${task.id}" is number ${revealed}.`);
  const recorded = await recordHintShown(own.attempt.id, { taskId: task.id, index: input.index, at: now });
  if (recorded.outcome === "not-yet") throw new HttpError(409, `Hints come one at a time: the next one of "${task.id}" is another.`);
  return { taskId: task.id, index: input.index, text: task.hints[input.index]![input.locale], hintsUsed: recorded.hintsUsed };
}

/** Shows the solution once the attempt has been a real one (409 before). */
export async function showSolution(own: OwnAttempt, now = new Date()): Promise<{ solution: string }> {
  const { state, attempt } = await currentSolutionState(own, now);
  if (!state.unlocked && !attempt.solutionShown) {
    throw new HttpError(409, `The solution opens after every hint of the open tasks, or after ${state.commandsLeft} more commands and ${state.minutesLeft} more minutes.`);
  }
  await recordSolutionShown(attempt.id, { at: now });
  return { solution: own.lab.solution };
}
