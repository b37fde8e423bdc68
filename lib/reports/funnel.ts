// Per-lab funnels and the commands that most often come right before a failed check. Pure.
import type { Activity } from "@/lib/db/activity";
import type { FailedCheck } from "@/lib/db/lab-reports";
import { normalizeCommand, showEntry } from "./entries";
import type { CourseOutline } from "./progress";

export type LabFunnel = {
  labId: string;
  /** Learners with at least one attempt. */
  started: number;
  /** Per task in lab order: learners whose checks for it passed at least once. */
  tasks: { taskId: string; reached: number }[];
  /** Learners with a completed attempt. */
  completed: number;
};

export function labFunnels(outline: CourseOutline, activity: Activity, userIds: string[]): LabFunnel[] {
  const members = new Set(userIds);
  const attempts = activity.labs.filter((a) => members.has(a.userId));
  return outline.labs.map((lab) => {
    const mine = attempts.filter((a) => a.labId === lab.id);
    const learners = (pick: (a: (typeof mine)[number]) => boolean) => new Set(mine.filter(pick).map((a) => a.userId)).size;
    return {
      labId: lab.id,
      started: learners(() => true),
      tasks: lab.tasks.map((taskId) => ({ taskId, reached: learners((a) => a.tasksReached.includes(taskId)) })),
      completed: learners((a) => a.completedAt !== null),
    };
  });
}

export type FailedCommand = { command: string; failures: number; learners: number };

/** Per lab, the commands most often logged just before a failed check, most frequent first. */
export function topFailedCommands(checks: FailedCheck[], limit = 5): Record<string, FailedCommand[]> {
  const byLab = new Map<string, Map<string, { failures: number; learners: Set<string> }>>();
  for (const check of checks) {
    const shown = showEntry(check.command);
    // Control actions (Ctrl-C, editor) are not commands anyone would look for here.
    if (shown.kind !== "command" || !shown.text.trim()) continue;
    const command = normalizeCommand(shown.text);
    const lab = byLab.get(check.labId) ?? new Map();
    byLab.set(check.labId, lab);
    const entry = lab.get(command) ?? { failures: 0, learners: new Set<string>() };
    entry.failures++;
    entry.learners.add(check.userId);
    lab.set(command, entry);
  }
  return Object.fromEntries(
    [...byLab].map(([labId, commands]) => [
      labId,
      [...commands]
        .map(([command, e]) => ({ command, failures: e.failures, learners: e.learners.size }))
        .sort((a, b) => b.failures - a.failures || b.learners - a.learners || a.command.localeCompare(b.command))
        .slice(0, limit),
    ]),
  );
}
