import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { durationText, labSummaryText } from "@/app/_components/progress/progress-text";
import { requireCohortLearner } from "@/lib/auth/access";
import { requestUser, withPageAccess } from "@/lib/auth/pages";
import { localeNames, isLocale, type Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { learnerDetail } from "@/lib/reports/cohort";
import { showEntry } from "@/lib/reports/entries";
import { courseTitles } from "@/lib/reports/outline";

type Props = { params: Promise<{ locale: Locale; cohort: string; learner: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Learner" });
  return { title: t("title"), robots: { index: false } };
}

const EVENT_KINDS = ["hint", "solution", "task-passed", "task-failed", "completed", "reset"] as const;

function parseDetail(detail: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(detail);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** One learner of the instructor's cohort: every quiz attempt with its answers, every lab attempt with its timeline, every sandbox. */
export default async function LearnerPage({ params }: Props) {
  const { locale, cohort: cohortId, learner } = await params;
  setRequestLocale(locale);
  const here = `/${locale}/instructor/cohorts/${cohortId}/learners/${learner}`;
  const { cohort, member } = await withPageAccess(locale, here, async () => requireCohortLearner(await requestUser(), cohortId, learner));
  const [t, tp, format, detail] = await Promise.all([getTranslations("Learner"), getTranslations("Progress"), getFormatter(), learnerDetail(cohort, member, locale)]);
  const p = (key: string, values?: Record<string, string | number>) => tp(key as never, values as never);
  const titles = await courseTitles(detail.course, locale);
  const { progress } = detail;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const base = `/instructor/cohorts/${cohort.id}/learners/${member.id}`;

  return (
    <div className="space-y-10" data-testid="learner" data-learner={member.id}>
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/instructor/cohorts/${cohort.id}`} className="link">
            {t("backToCohort", { cohort: cohort.name })}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{member.name || member.email}</h1>
        <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted">{t("email")}</dt>
          <dd dir="ltr" className="text-start">
            {member.email}
          </dd>
          <dt className="text-muted">{t("language")}</dt>
          <dd>{isLocale(member.locale) ? localeNames[member.locale] : member.locale}</dd>
          <dt className="text-muted">{t("joined")}</dt>
          <dd>{when(member.joinedAt)}</dd>
          <dt className="text-muted">{t("lastActive")}</dt>
          <dd>{progress.lastActive ? when(progress.lastActive) : p("never")}</dd>
          <dt className="text-muted">{t("progress")}</dt>
          <dd>
            {t("progressSummary", {
              lessons: progress.lessonsCompleted,
              lessonsTotal: detail.outline.lessons.length,
              quizzes: progress.quizzesPassed,
              labs: progress.labsCompleted,
              labsTotal: detail.outline.labs.length,
            })}
          </dd>
        </dl>
      </header>

      <section aria-labelledby="quiz-attempts" className="space-y-4">
        <h2 id="quiz-attempts" className="text-2xl font-semibold">
          {t("quizAttemptsTitle")}
        </h2>
        {detail.quizAttempts.length === 0 ? (
          <p className="text-muted">{t("noQuizAttempts")}</p>
        ) : (
          detail.quizAttempts.map((attempt) => (
            <details key={attempt.id} className="card" data-testid="quiz-attempt" data-quiz={attempt.quizId}>
              <summary className="cursor-pointer">
                <span className="font-semibold">{attempt.title}</span> · {p("quizScore", { score: attempt.score, total: attempt.maxScore })}
                {attempt.passed !== null && <> · {p(attempt.passed ? "quizPassed" : "quizNotPassed")}</>} · <span className="text-muted">{when(attempt.submittedAt)}</span>
              </summary>
              <table className="mt-3 w-full text-sm">
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col" className="py-1 pe-3 text-start">{t("question")}</th>
                    <th scope="col" className="py-1 pe-3 text-start">{t("answer")}</th>
                    <th scope="col" className="py-1 text-start">{t("result")}</th>
                  </tr>
                </thead>
                <tbody>
                  {attempt.questions.map((q) => (
                    <tr key={q.id} className="border-b border-line align-top" data-question={q.id} data-correct={q.correct}>
                      <td className="py-1 pe-3">{q.prompt}</td>
                      <td className="py-1 pe-3" dir="auto">
                        {q.answer ?? <span className="text-muted">{t("noAnswer")}</span>}
                      </td>
                      <td className={`py-1 ${q.correct ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}>{t(q.correct ? "correct" : "incorrect")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ))
        )}
      </section>

      <section aria-labelledby="lab-attempts" className="space-y-4">
        <h2 id="lab-attempts" className="text-2xl font-semibold">
          {t("labAttemptsTitle")}
        </h2>
        {detail.labAttempts.length === 0 ? (
          <p className="text-muted">{t("noLabAttempts")}</p>
        ) : (
          detail.labAttempts.map((attempt) => {
            const cell = progress.labs.find((l) => l.attemptId === attempt.id);
            const tasks = titles.tasks[attempt.labId] ?? {};
            return (
              <article key={attempt.id} className="card space-y-3" data-testid="lab-attempt" data-lab={attempt.labId}>
                <h3 className="text-lg font-semibold">{titles.labs[attempt.labId] ?? attempt.labId}</h3>
                <p className="text-sm">
                  {t("labStarted", { date: when(attempt.startedAt) })} ·{" "}
                  {attempt.completedAt ? t("labCompleted", { duration: durationText(p, attempt.completedAt.getTime() - attempt.startedAt.getTime()) }) : t("labNotCompleted")} ·{" "}
                  {t("commands", { count: attempt.commandCount })} · {p("hints", { count: attempt.hintsUsed })}
                  {attempt.solutionShown && <> · {p("solutionShown")}</>}
                  {cell && <span className="sr-only"> ({labSummaryText(p, cell)})</span>}
                </p>
                {attempt.sandboxId && (
                  <p>
                    <Link href={`${base}/sandboxes/${attempt.sandboxId}`} className="link" data-testid="replay-link">
                      {t("replay")}
                    </Link>
                  </p>
                )}
                <h4 className="font-semibold">{t("timeline")}</h4>
                {attempt.events.length === 0 ? (
                  <p className="text-sm text-muted">{t("noEvents")}</p>
                ) : (
                  <ol className="space-y-1 border-s border-line ps-4 text-sm" data-testid="timeline">
                    {attempt.events.map((event) => {
                      const info = parseDetail(event.detail);
                      const kind = (EVENT_KINDS as readonly string[]).includes(event.kind) ? (event.kind as (typeof EVENT_KINDS)[number]) : null;
                      const shown = event.command !== null ? showEntry(event.command) : null;
                      return (
                        <li key={event.id} data-kind={event.kind}>
                          <time dateTime={event.at.toISOString()} className="text-muted">
                            {format.dateTime(event.at, { timeStyle: "medium" })}
                          </time>{" "}
                          <span className="font-medium">{kind ? t(`events.${kind}`) : event.kind}</span>
                          {event.taskId && <> · {tasks[event.taskId] ?? event.taskId}</>}
                          {kind === "hint" && typeof info.index === "number" && <> · {t("hintNumber", { number: info.index + 1 })}</>}
                          {shown && shown.kind === "command" && (
                            <>
                              {" "}
                              · {t("afterCommand")}{" "}
                              <code dir="ltr" className="rounded bg-code-bg px-1 text-code-ink">
                                {shown.text}
                              </code>
                            </>
                          )}
                          {typeof info.message === "string" && info.message && (
                            <span className="block text-muted" dir="auto">
                              {info.message}
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ol>
                )}
              </article>
            );
          })
        )}
      </section>

      <section aria-labelledby="sandboxes" className="space-y-4">
        <h2 id="sandboxes" className="text-2xl font-semibold">
          {t("sandboxesTitle")}
        </h2>
        {detail.sandboxes.length === 0 ? (
          <p className="text-muted">{t("noSandboxes")}</p>
        ) : (
          <ul className="space-y-2" data-testid="sandboxes">
            {detail.sandboxes.map((s) => (
              <li key={s.id} className="flex flex-wrap items-baseline gap-x-3" data-sandbox={s.id}>
                <Link href={`${base}/sandboxes/${s.id}`} className="link font-medium">
                  {s.labId ? (titles.labs[s.labId] ?? s.labId) : t("lessonSandbox")}
                </Link>
                <span className="text-sm text-muted">
                  {when(s.createdAt)} · {t("commands", { count: s.commands })}
                  {s.closedAt && <> · {t("closed")}</>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
