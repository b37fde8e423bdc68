// The instructor's CSV exports: the progress matrix, quiz attempts and lab attempts. Pure: the
// column titles and status words come translated through `t`.
import type { CohortMember } from "@/lib/db/cohorts";
import type { QuizAttemptRecord } from "@/lib/db/quiz-attempts";
import { toCsv, type CsvValue } from "./csv";
import type { CourseOutline, LabStatus, LessonStatus, MatrixRow } from "./progress";

export type ExportKey =
  | "learner"
  | "email"
  | "joined"
  | "lastActive"
  | "lessonsCompleted"
  | "quizzesPassed"
  | "labsCompleted"
  | "lessonColumn"
  | "quizColumn"
  | "labColumn"
  | "labMinutesColumn"
  | "labHintsColumn"
  | "statusCompleted"
  | "statusOpened"
  | "statusStarted"
  | "attempt"
  | "quiz"
  | "language"
  | "submitted"
  | "score"
  | "outOf"
  | "passed"
  | "lab"
  | "started"
  | "completed"
  | "minutes"
  | "commands"
  | "hints"
  | "solutionShown"
  | "tasksPassed"
  | "tasks"
  | "yes"
  | "no";

export type Translate = (key: ExportKey, values?: Record<string, string | number>) => string;

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6000) / 10);

function status(t: Translate, s: LessonStatus | LabStatus): string {
  return s === "completed" ? t("statusCompleted") : s === "opened" ? t("statusOpened") : s === "started" ? t("statusStarted") : "";
}

export function matrixCsv(outline: CourseOutline, rows: MatrixRow[], t: Translate): string {
  const quizLessons = outline.lessons.filter((slug) => outline.quizzes[slug]);
  const header: CsvValue[] = [
    t("learner"),
    t("email"),
    t("joined"),
    t("lastActive"),
    t("lessonsCompleted"),
    t("quizzesPassed"),
    t("labsCompleted"),
    ...outline.lessons.map((id) => t("lessonColumn", { id })),
    ...quizLessons.map((id) => t("quizColumn", { id, total: outline.quizzes[id]!.total })),
    ...outline.labs.flatMap((lab) => [t("labColumn", { id: lab.id }), t("labMinutesColumn", { id: lab.id }), t("labHintsColumn", { id: lab.id })]),
  ];
  const body = rows.map(({ member, progress }) => {
    const lessons = new Map(progress.lessons.map((l) => [l.slug, l]));
    const labs = new Map(progress.labs.map((l) => [l.id, l]));
    return [
      member.name,
      member.email,
      member.joinedAt,
      progress.lastActive,
      progress.lessonsCompleted,
      progress.quizzesPassed,
      progress.labsCompleted,
      ...outline.lessons.map((id) => status(t, lessons.get(id)?.status ?? "none")),
      ...quizLessons.map((id) => lessons.get(id)?.quiz?.best ?? null),
      ...outline.labs.flatMap((lab) => {
        const cell = labs.get(lab.id);
        return cell && cell.status !== "none" ? [status(t, cell.status), minutes(cell.durationMs), cell.hintsUsed] : ["", null, null];
      }),
    ];
  });
  return toCsv([header, ...body]);
}

export function quizAttemptsCsv(attempts: (QuizAttemptRecord & { passed: boolean | null })[], members: Map<string, CohortMember>, t: Translate): string {
  const header = [t("attempt"), t("learner"), t("email"), t("quiz"), t("language"), t("submitted"), t("score"), t("outOf"), t("passed")];
  const yesNo = (v: boolean | null) => (v === null ? "" : v ? t("yes") : t("no"));
  const body = attempts.map((a) => {
    const m = members.get(a.userId);
    return [a.id, m?.name, m?.email, a.quizId, a.locale, a.submittedAt, a.score, a.maxScore, yesNo(a.passed)];
  });
  return toCsv([header, ...body]);
}

export type LabAttemptExport = {
  id: string;
  userId: string;
  labId: string;
  startedAt: Date;
  completedAt: Date | null;
  commandCount: number;
  hintsUsed: number;
  solutionShown: boolean;
  tasksPassed: number;
};

export function labAttemptsCsv(attempts: LabAttemptExport[], members: Map<string, CohortMember>, taskCount: (labId: string) => number | null, t: Translate): string {
  const header = [
    t("attempt"),
    t("learner"),
    t("email"),
    t("lab"),
    t("started"),
    t("completed"),
    t("minutes"),
    t("commands"),
    t("hints"),
    t("solutionShown"),
    t("tasksPassed"),
    t("tasks"),
  ];
  const body = attempts.map((a) => {
    const m = members.get(a.userId);
    return [
      a.id,
      m?.name,
      m?.email,
      a.labId,
      a.startedAt,
      a.completedAt,
      minutes(a.completedAt ? a.completedAt.getTime() - a.startedAt.getTime() : null),
      a.commandCount,
      a.hintsUsed,
      a.solutionShown ? t("yes") : t("no"),
      a.tasksPassed,
      taskCount(a.labId),
    ];
  });
  return toCsv([header, ...body]);
}
