import type { LabCell, LessonCell } from "@/lib/reports/progress";

// Shared wording for progress cells (learner dashboard and instructor pages), given next-intl's
// translator for the "Progress" namespace.

type T = (key: string, values?: Record<string, string | number>) => string;

export function durationText(t: T, ms: number | null): string {
  if (ms === null) return "";
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? t("durationUnderMinute") : t("duration", { minutes });
}

export function lessonStatusText(t: T, cell: LessonCell): string {
  return t(cell.status === "completed" ? "lessonRead" : cell.status === "opened" ? "lessonOpened" : "lessonNone");
}

export function labSummaryText(t: T, cell: LabCell): string {
  if (cell.status === "none") return t("labNone");
  const parts =
    cell.status === "completed"
      ? [t("labCompletedIn", { duration: durationText(t, cell.durationMs) }), t("hints", { count: cell.hintsUsed })]
      : [t("labStarted", { passed: cell.tasksPassed, total: cell.tasksTotal }), t("hints", { count: cell.hintsUsed })];
  if (cell.solutionShown) parts.push(t("solutionShown"));
  return parts.join(" · ");
}
