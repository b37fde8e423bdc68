// A lab attempt's bookkeeping, pure: how a new grading changes the stored checklist, which
// timeline events that makes, when the attempt counts as completed, what counts as a command,
// and when hints and the solution may be shown. The database side is lib/db/lab-attempts.ts.
// Safe to import anywhere (server, browser, tests): no I/O, no clock of its own.

/** The kinds of LabEvent rows. */
export type LabEventKind = "hint" | "solution" | "task-passed" | "task-failed" | "completed" | "reset";

/** A task's stored result (a TaskResult row). */
export interface RecordedTask {
  taskId: string;
  passed: boolean;
  message: string;
  firstPassedAt: Date | null;
}

/** A timeline entry to append (a LabEvent row). */
export interface NewLabEvent {
  kind: LabEventKind;
  taskId: string | null;
  commandSeq: number | null;
  at: Date;
  detail: Record<string, unknown>;
}

export interface GradedTask {
  id: string;
  passed: boolean;
  message: string;
}

export interface AttemptProgress {
  startedAt: Date;
  completedAt: Date | null;
  commandCount: number;
}

export interface GradeContext {
  at: Date;
  /** The seq of the last command in the sandbox's log (null before the first one). */
  commandSeq: number | null;
}

export interface Completion {
  at: Date;
  commandCount: number;
  durationMs: number;
}

export interface GradeTransitions {
  /** Task results to write (new or changed); unchanged ones are left out. */
  tasks: RecordedTask[];
  events: NewLabEvent[];
  /** Set the first time every task passes. */
  completion: Completion | null;
}

/**
 * What a new grading changes. A task without a stored result counts as failing, so a task that
 * already passes at the start is recorded as passed (with an event) and one that fails is only
 * stored. Events:
 * - "task-passed" when a task goes from failing to passing;
 * - "task-failed" when a passing task fails again, with the message that says why;
 * - "completed" the first time every task passes, with the command count and the time taken.
 * A failing task whose message changes ("2 of 5 replicas ready", then "4 of 5") is only stored:
 * that is progress as often as a mistake, and the command log shows what was typed.
 * The first time a task passes stays its firstPassedAt, also after a regression.
 */
export function gradeTransitions(previous: readonly RecordedTask[], graded: readonly GradedTask[], attempt: AttemptProgress, ctx: GradeContext): GradeTransitions {
  const before = new Map(previous.map((t) => [t.taskId, t]));
  const tasks: RecordedTask[] = [];
  const events: NewLabEvent[] = [];
  const event = (kind: LabEventKind, taskId: string | null, detail: Record<string, unknown> = {}) => events.push({ kind, taskId, commandSeq: ctx.commandSeq, at: ctx.at, detail });

  for (const task of graded) {
    const prev = before.get(task.id);
    const firstPassedAt = prev?.firstPassedAt ?? (task.passed ? ctx.at : null);
    const next: RecordedTask = { taskId: task.id, passed: task.passed, message: task.message, firstPassedAt };
    if (!prev) {
      tasks.push(next);
      if (task.passed) event("task-passed", task.id);
      continue;
    }
    if (prev.passed === task.passed && prev.message === task.message) continue;
    tasks.push(next);
    if (task.passed && !prev.passed) event("task-passed", task.id);
    else if (!task.passed && prev.passed) event("task-failed", task.id, { message: task.message });
  }

  let completion: Completion | null = null;
  if (attempt.completedAt === null && graded.length > 0 && graded.every((t) => t.passed)) {
    completion = { at: ctx.at, commandCount: attempt.commandCount, durationMs: Math.max(0, ctx.at.getTime() - attempt.startedAt.getTime()) };
    event("completed", null, { commandCount: completion.commandCount, durationMs: completion.durationMs });
  }
  return { tasks, events, completion };
}

/** The control entries of the terminal (Ctrl-C, saving or leaving the editor) start with NUL. */
const CONTROL = "\u0000";

/**
 * Whether a terminal entry completes a command of the learner's: a line that does not wait for
 * more input (a here-document's next line, a password) and is not blank or a control action.
 * `ssh tony@stapp01` and the password line after it make one command, as does a here-document.
 */
export function countsAsCommand(entry: string, result: { waitingFor?: "password" | "editor" | "more" }): boolean {
  if (entry.startsWith(CONTROL) || entry.trim() === "") return false;
  return result.waitingFor !== "more" && result.waitingFor !== "password";
}

/** The attempt's command count after an entry (it stops once the lab is completed). */
export function commandCountAfter(attempt: AttemptProgress, countable: boolean): number {
  return attempt.completedAt === null && countable ? attempt.commandCount + 1 : attempt.commandCount;
}

// ------------------------------------------------------------------------------------------
// Hints and the solution

/**
 * How a request for hint `index` of a task stands, given how many of its hints were already
 * revealed: hints come one at a time, in order; asking again for a revealed one is harmless.
 */
export function hintRequest(revealed: number, index: number, total: number): "new" | "again" | "not-yet" | "no-such-hint" {
  if (!Number.isInteger(index) || index < 0 || index >= total) return "no-such-hint";
  if (index < revealed) return "again";
  if (index === revealed) return "new";
  return "not-yet";
}

/**
 * A real attempt before the solution: every hint of every task still open revealed, or at
 * least this many commands over at least this many minutes.
 */
export const SOLUTION_AFTER = { commands: 10, minutes: 10 } as const;

export interface SolutionState {
  unlocked: boolean;
  /** Hints of open tasks not revealed yet. */
  hintsLeft: number;
  commandsLeft: number;
  /** Whole minutes still to go (rounded up). */
  minutesLeft: number;
}

export function solutionState(input: {
  tasks: readonly { id: string; hints: number; passed: boolean }[];
  revealed: Readonly<Record<string, number>>;
  commandCount: number;
  startedAt: Date;
  completed: boolean;
  now: Date;
}): SolutionState {
  const hintsLeft = input.tasks.filter((t) => !t.passed).reduce((n, t) => n + Math.max(0, t.hints - (input.revealed[t.id] ?? 0)), 0);
  const commandsLeft = Math.max(0, SOLUTION_AFTER.commands - input.commandCount);
  const elapsed = input.now.getTime() - input.startedAt.getTime();
  const minutesLeft = Math.max(0, Math.ceil((SOLUTION_AFTER.minutes * 60_000 - elapsed) / 60_000));
  const unlocked = input.completed || hintsLeft === 0 || (commandsLeft === 0 && minutesLeft === 0);
  return { unlocked, hintsLeft, commandsLeft, minutesLeft };
}

/** What the lab page gets about its attempt (GET /api/lab-attempts/<id>). */
export interface AttemptView {
  id: string;
  labId: string;
  startedAt: string;
  completedAt: string | null;
  commandCount: number;
  hintsUsed: number;
  /** The hints shown so far per task, in the requested language. */
  hints: Record<string, string[]>;
  /** The solution's commands once shown, else null. */
  solution: string | null;
  solutionState: SolutionState;
}
