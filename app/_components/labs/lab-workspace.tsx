"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { labAttemptApi, sandboxApi, type AttemptView, type GradeResponse, type SandboxInfo } from "@/app/_components/sandbox/api";
import { LazySandboxPanel } from "@/app/_components/sandbox/lazy-sandbox";
import { BidiText, Markdown } from "@/app/_components/markdown";

export interface WorkspaceTask {
  id: string;
  title: string;
  /** The instructions, rendered on the server. */
  instructions: ReactNode;
  hints: number;
}

interface Props {
  labId: string;
  tasks: WorkspaceTask[];
  rtl: boolean;
  /** Title, summary and facts, rendered on the server. */
  header: ReactNode;
}

type TaskStatus = "passed" | "failing" | "unknown";

/**
 * The lab page: the tasks' instructions and the live checklist beside the terminal, editor and
 * diagram. The checklist follows the sandbox: after every command and whenever the events
 * stream sees the grading change. Hints come one at a time and the solution after a real
 * attempt, both from the server, which records them.
 */
export function LabWorkspace({ labId, tasks, rtl, header }: Props) {
  const t = useTranslations("Labs");
  const locale = useLocale();
  const [sandboxId, setSandboxId] = useState<string | null>(null);
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [grade, setGrade] = useState<GradeResponse | null>(null);
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const previous = useRef<GradeResponse | null>(null);
  const current = useRef<{ sandboxId: string | null; attemptId: string | null }>({ sandboxId: null, attemptId: null });

  const titles = new Map(tasks.map((task) => [task.id, task.title]));

  const showGrade = useCallback(
    (next: GradeResponse) => {
      const before = previous.current;
      previous.current = next;
      setGrade(next);
      if (!before) return;
      // Tell screen-reader users what changed, politely (the list itself also says it).
      const was = new Map(before.tasks.map((task) => [task.id, task.passed]));
      const messages: string[] = [];
      for (const task of next.tasks) {
        const title = titles.get(task.id) ?? task.id;
        if (task.passed && was.get(task.id) === false) messages.push(t("announcePassed", { title }));
        if (!task.passed && was.get(task.id) === true) messages.push(t("announceRegressed", { title }));
      }
      const allNow = next.tasks.length > 0 && next.tasks.every((task) => task.passed);
      const allBefore = before.tasks.length > 0 && before.tasks.every((task) => task.passed);
      if (allNow && !allBefore) messages.push(t("announceCompleted"));
      if (messages.length > 0) setAnnouncement(messages.join(" "));
    },
    // `titles` is rebuilt each render from the same props; the texts never change on a page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );

  const loadAttempt = useCallback(
    async (id: string) => {
      try {
        const view = await labAttemptApi.get(id, locale);
        if (current.current.attemptId === id) setAttempt(view);
      } catch {
        // The next command or tick tries again.
      }
    },
    [locale],
  );

  const refreshGrade = useCallback(
    async (id: string) => {
      try {
        const next = await sandboxApi.grade(id, locale);
        if (current.current.sandboxId === id) showGrade(next);
      } catch {
        // The events stream keeps the checklist current.
      }
    },
    [locale, showGrade],
  );

  const onAttach = useCallback(
    (info: SandboxInfo) => {
      current.current = { sandboxId: info.id, attemptId: info.attempt ?? null };
      previous.current = null;
      setSandboxId(info.id);
      setAttemptId(info.attempt ?? null);
      setGrade(null);
      setAttempt(null);
      setAnnouncement("");
      void refreshGrade(info.id);
      if (info.attempt) void loadAttempt(info.attempt);
    },
    [loadAttempt, refreshGrade],
  );

  const onExec = useCallback(() => {
    const { sandboxId: sid, attemptId: aid } = current.current;
    if (sid) void refreshGrade(sid);
    if (aid) void loadAttempt(aid);
  }, [loadAttempt, refreshGrade]);

  // While the solution is locked by time, look again now and then.
  const locked = attempt !== null && !attempt.solutionState.unlocked;
  useEffect(() => {
    if (!locked || !attemptId) return;
    const timer = setInterval(() => void loadAttempt(attemptId), 30_000);
    return () => clearInterval(timer);
  }, [locked, attemptId, loadAttempt]);

  const revealHint = async (taskId: string, index: number) => {
    if (!attemptId) return;
    setProblem(null);
    try {
      const hint = await labAttemptApi.hint(attemptId, taskId, index, locale);
      setAttempt((a) => {
        if (!a) return a;
        const shown = a.hints[taskId] ?? [];
        return shown.length === hint.index ? { ...a, hintsUsed: hint.hintsUsed, hints: { ...a.hints, [taskId]: [...shown, hint.text] } } : a;
      });
      void loadAttempt(attemptId);
    } catch {
      setProblem(t("hintFailed"));
    }
  };

  const revealSolution = async () => {
    if (!attemptId) return;
    setProblem(null);
    try {
      const { solution } = await labAttemptApi.solution(attemptId);
      setAttempt((a) => (a ? { ...a, solution } : a));
    } catch {
      setProblem(t("solutionFailed"));
    }
  };

  const status = (id: string): { status: TaskStatus; message: string } => {
    const result = grade?.tasks.find((task) => task.id === id);
    if (!result) return { status: "unknown", message: "" };
    // A missing object fails each of its checks: say so once.
    return { status: result.passed ? "passed" : "failing", message: result.passed ? "" : [...new Set(result.message.split("\n"))].join("\n") };
  };
  const passed = grade ? grade.tasks.filter((task) => task.passed).length : 0;
  const complete = grade !== null && grade.tasks.length > 0 && passed === grade.tasks.length;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(20rem,30rem)_minmax(0,1fr)]" data-testid="lab-workspace" data-lab={labId} data-sandbox-id={sandboxId ?? undefined}>
      <div className="space-y-6 lg:max-h-[calc(100dvh-5rem)] lg:overflow-y-auto lg:pe-2">
        {header}

        <section aria-labelledby="lab-checklist" className="card space-y-3">
          <h2 id="lab-checklist" className="text-lg font-semibold">
            {t("checklist")}
          </h2>
          <p className="text-sm text-muted">{t("checklistIntro")}</p>
          <p className="font-medium" data-testid="lab-progress">
            {t("progress", { passed, total: tasks.length })}
          </p>
          {complete && (
            <p className="rounded-md border border-emerald-700 bg-emerald-50 px-3 py-2 font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100" data-testid="lab-complete">
              {attempt?.completedAt ? t("completedStats", { commands: attempt.commandCount, minutes: minutesBetween(attempt.startedAt, attempt.completedAt) }) : t("completedBanner")}
            </p>
          )}
          <ol className="space-y-2" data-testid="checklist">
            {tasks.map((task, i) => {
              const s = status(task.id);
              return (
                <li key={task.id} data-task={task.id} data-status={s.status} className={`rounded-md border-s-4 bg-canvas px-3 py-2 ${s.status === "passed" ? "border-emerald-600" : s.status === "failing" ? "border-amber-500" : "border-line"}`}>
                  <div className="flex items-start gap-2">
                    <span aria-hidden="true" className={`mt-0.5 inline-grid size-5 shrink-0 place-items-center rounded-full text-xs font-bold ${s.status === "passed" ? "bg-emerald-600 text-white" : "border border-muted text-muted"}`}>
                      {s.status === "passed" ? "✓" : i + 1}
                    </span>
                    <div className="min-w-0">
                      <p className="font-medium">
                        <BidiText rtl={rtl}>{task.title}</BidiText>
                      </p>
                      <p className={`text-sm font-semibold ${s.status === "passed" ? "text-emerald-800 dark:text-emerald-300" : "text-muted"}`} data-testid="task-status">
                        {s.status === "passed" ? t("taskDone") : s.status === "failing" ? t("taskNotDone") : t("taskChecking")}
                      </p>
                      {s.message && (
                        <p className="mt-1 whitespace-pre-line text-sm" data-testid="task-message">
                          <BidiText rtl={rtl}>{s.message}</BidiText>
                        </p>
                      )}
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
          <p className="sr-only" role="status" aria-live="polite" data-testid="lab-announcer">
            {announcement}
          </p>
          {attempt && <p className="text-sm text-muted">{t("commandsSoFar", { commands: attempt.commandCount })}</p>}
        </section>

        <section aria-labelledby="lab-instructions" className="space-y-5">
          <h2 id="lab-instructions" className="text-lg font-semibold">
            {t("instructions")}
          </h2>
          {tasks.map((task, i) => {
            const shown = attempt?.hints[task.id] ?? [];
            const left = task.hints - shown.length;
            return (
              <section key={task.id} aria-labelledby={`task-${task.id}`} className="card space-y-3" data-testid="task-instructions" data-task={task.id}>
                <h3 id={`task-${task.id}`} className="font-semibold">
                  {t("taskHeading", { number: i + 1 })} <BidiText rtl={rtl}>{task.title}</BidiText>
                </h3>
                <div className="prose max-w-none text-base">{task.instructions}</div>
                <div className="space-y-2 border-t border-line pt-3">
                  <h4 className="text-sm font-semibold">{t("hints")}</h4>
                  {shown.length > 0 && (
                    <ol className="space-y-1 text-sm" data-testid="hints">
                      {shown.map((hint, j) => (
                        <li key={j} className="rounded bg-canvas px-2 py-1">
                          <span className="font-medium">{t("hintNumber", { number: j + 1 })}:</span> <Markdown source={hint} rtl={rtl} headingOffset={4} />
                        </li>
                      ))}
                    </ol>
                  )}
                  {left > 0 ? (
                    <p className="flex flex-wrap items-center gap-3 text-sm">
                      <button type="button" className="button-secondary px-3 py-1" disabled={!attempt} onClick={() => void revealHint(task.id, shown.length)}>
                        {shown.length === 0 ? t("showFirstHint") : t("showNextHint")}
                      </button>
                      <span className="text-muted">{t("hintsLeft", { count: left })}</span>
                    </p>
                  ) : (
                    <p className="text-sm text-muted">{t("noMoreHints")}</p>
                  )}
                </div>
              </section>
            );
          })}
        </section>

        <section aria-labelledby="lab-solution" className="card space-y-3">
          <h2 id="lab-solution" className="text-lg font-semibold">
            {t("solution")}
          </h2>
          <p className="text-sm text-muted">{t("solutionIntro")}</p>
          {attempt?.solution ? (
            <pre dir="ltr" className="overflow-x-auto rounded-lg bg-code-bg p-3 text-sm text-code-ink" data-testid="solution">
              {attempt.solution}
            </pre>
          ) : attempt && !attempt.solutionState.unlocked ? (
            <p className="text-sm" data-testid="solution-locked">
              {lockedText(t, attempt.solutionState)}
            </p>
          ) : (
            <button type="button" className="button-secondary" disabled={!attempt} onClick={() => void revealSolution()}>
              {t("showSolution")}
            </button>
          )}
        </section>
        {problem && (
          <p role="alert" className="text-sm text-red-700">
            {problem}
          </p>
        )}
      </div>

      <section aria-label={t("workArea")} className="min-w-0">
        <LazySandboxPanel
          scope={`lab:${labId}`}
          lab={labId}
          layout="lab"
          onAttach={onAttach}
          onExec={onExec}
          onGrade={showGrade}
          gradeLocale={locale}
          tip={t("terminalTip")}
          resetLabel={t("reset")}
          confirmReset={t("resetConfirm")}
        />
      </section>
    </div>
  );
}

function minutesBetween(from: string, to: string): number {
  return Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

function lockedText(t: ReturnType<typeof useTranslations<"Labs">>, state: AttemptView["solutionState"]): string {
  if (state.commandsLeft > 0 && state.minutesLeft > 0) return t("solutionLockedBoth", { commands: state.commandsLeft, minutes: state.minutesLeft });
  if (state.commandsLeft > 0) return t("solutionLockedCommands", { commands: state.commandsLeft });
  return t("solutionLockedMinutes", { minutes: state.minutesLeft });
}
