import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BarChart } from "@/app/_components/instructor/bar-chart";
import { durationText } from "@/app/_components/progress/progress-text";
import { requireOwnCohort } from "@/lib/auth/access";
import { requestOrigin, requestUser, withPageAccess } from "@/lib/auth/pages";
import { localeDirection, type Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { cohortReport, inactiveLearners } from "@/lib/reports/cohort";
import { courseTitles } from "@/lib/reports/outline";

type Props = { params: Promise<{ locale: Locale; cohort: string }>; searchParams: Promise<{ inactive?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Instructor" });
  return { title: t("cohortTitle"), robots: { index: false } };
}

const DEFAULT_INACTIVE_DAYS = 7;

export default async function CohortPage({ params, searchParams }: Props) {
  const { locale, cohort: cohortId } = await params;
  setRequestLocale(locale);
  const { cohort } = await withPageAccess(locale, `/${locale}/instructor/cohorts/${cohortId}`, async () => requireOwnCohort(await requestUser(), cohortId));
  const asked = Number((await searchParams).inactive);
  const days = Number.isInteger(asked) && asked >= 1 && asked <= 365 ? asked : DEFAULT_INACTIVE_DAYS;
  const [t, tp, format, report, origin] = await Promise.all([getTranslations("Instructor"), getTranslations("Progress"), getFormatter(), cohortReport(cohort), requestOrigin()]);
  const p = (key: string, values?: Record<string, string | number>) => tp(key as never, values as never);
  const titles = await courseTitles(report.course, locale);
  const rtl = localeDirection[locale] === "rtl";
  const { outline, rows } = report;
  const inactive = inactiveLearners(rows, days);
  const inactiveIds = new Set(inactive.map((r) => r.member.id));
  const exportHref = (kind: string) => `/api/cohorts/${cohort.id}/exports/${kind}?locale=${locale}`;
  const lessonNumber = new Map(outline.lessons.map((slug, i) => [slug, i + 1]));
  const count = rows.length;
  const quizLessons = outline.lessons.filter((slug) => outline.quizzes[slug]);
  const lastActive = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : p("never"));

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/instructor" className="link">
            {t("backToCohorts")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight" data-testid="cohort-name">
          {cohort.name}
        </h1>
        <p className="text-muted">
          {report.course.title[locale]} · {t("learners", { count })}
        </p>
        <p className="text-sm">
          {t("inviteCode")}: <code className="rounded bg-canvas px-1">{cohort.inviteCode}</code> · {t("joinLink")}:{" "}
          <code dir="ltr" className="break-all">{`${origin}/${locale}/join/${cohort.inviteCode}`}</code>
        </p>
      </header>

      <section aria-labelledby="exports" className="space-y-2">
        <h2 id="exports" className="text-xl font-semibold">
          {t("exportsTitle")}
        </h2>
        <ul className="flex flex-wrap gap-4" data-testid="exports">
          {(
            [
              ["matrix.csv", "exportMatrix"],
              ["quiz-attempts.csv", "exportQuizAttempts"],
              ["lab-attempts.csv", "exportLabAttempts"],
            ] as const
          ).map(([kind, label]) => (
            <li key={kind}>
              <a href={exportHref(kind)} download className="link" data-export={kind}>
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="matrix" className="space-y-3">
        <h2 id="matrix" className="text-xl font-semibold">
          {t("matrixTitle")}
        </h2>
        {count === 0 ? (
          <p className="text-muted">{t("noLearners")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-line">
            <table className="min-w-full text-sm" data-testid="matrix">
              <caption className="p-2 text-start text-muted">{t("matrixCaption")}</caption>
              <thead>
                <tr className="border-b border-line">
                  <td />
                  <th scope="colgroup" colSpan={outline.lessons.length} className="px-2 py-1 text-start">
                    {t("lessonsGroup")}
                  </th>
                  {outline.labs.length > 0 && (
                    <th scope="colgroup" colSpan={outline.labs.length} className="border-s border-line px-2 py-1 text-start">
                      {t("labsGroup")}
                    </th>
                  )}
                </tr>
                <tr className="border-b border-line">
                  <th scope="col" className="sticky start-0 bg-surface px-2 py-1 text-start">
                    {t("learner")}
                  </th>
                  {outline.lessons.map((slug, i) => (
                    <th key={slug} scope="col" className="px-2 py-1 text-center font-medium">
                      <abbr title={titles.lessons[slug] ?? slug}>{i + 1}</abbr>
                    </th>
                  ))}
                  {outline.labs.map((lab, i) => (
                    <th key={lab.id} scope="col" className={`px-2 py-1 text-center font-medium ${i === 0 ? "border-s border-line" : ""}`}>
                      <abbr title={titles.labs[lab.id] ?? lab.id}>{t("labShort", { number: i + 1 })}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(({ member, progress }) => (
                  <tr key={member.id} className="border-b border-line" data-testid="matrix-row" data-learner={member.id}>
                    <th scope="row" className="sticky start-0 bg-surface px-2 py-2 text-start font-normal">
                      <Link href={`/instructor/cohorts/${cohort.id}/learners/${member.id}`} className="link font-medium">
                        {member.name || member.email}
                      </Link>
                      <span className="block text-xs text-muted">
                        {t("summary", { lessons: progress.lessonsCompleted, labs: progress.labsCompleted })} · {lastActive(progress.lastActive)}
                        {inactiveIds.has(member.id) && <> · {t("inactiveBadge")}</>}
                      </span>
                    </th>
                    {progress.lessons.map((cell) => {
                      const mark = cell.status === "completed" ? "✓" : cell.status === "opened" ? "◐" : "·";
                      const quiz = cell.quiz ? `${cell.quiz.best}/${cell.quiz.max}` : "";
                      const spoken = [t(`cell.${cell.status}`), cell.quiz ? p("quizScore", { score: cell.quiz.best, total: cell.quiz.max }) : ""].filter(Boolean).join(", ");
                      return (
                        <td key={cell.slug} className="px-2 py-2 text-center" data-lesson={cell.slug} data-status={cell.status} data-quiz={quiz || undefined} title={`${titles.lessons[cell.slug] ?? cell.slug}: ${spoken}`}>
                          <span aria-hidden="true" className={cell.status === "completed" ? "text-emerald-700 dark:text-emerald-400" : "text-muted"}>
                            {mark}
                          </span>
                          {quiz && (
                            <span aria-hidden="true" dir="ltr" className={`block text-xs ${cell.quiz?.passed ? "" : "text-red-700 dark:text-red-400"}`}>
                              {quiz}
                            </span>
                          )}
                          <span className="sr-only">{spoken}</span>
                        </td>
                      );
                    })}
                    {progress.labs.map((cell, i) => {
                      const shown = cell.status === "completed" ? durationText(p, cell.durationMs) : cell.status === "started" ? `${cell.tasksPassed}/${cell.tasksTotal}` : "";
                      const spoken = [t(`labCell.${cell.status}`), shown, cell.status !== "none" ? p("hints", { count: cell.hintsUsed }) : ""].filter(Boolean).join(", ");
                      return (
                        <td key={cell.id} className={`px-2 py-2 text-center ${i === 0 ? "border-s border-line" : ""}`} data-lab={cell.id} data-status={cell.status} title={`${titles.labs[cell.id] ?? cell.id}: ${spoken}`}>
                          <span aria-hidden="true" className={cell.status === "completed" ? "text-emerald-700 dark:text-emerald-400" : "text-muted"}>
                            {cell.status === "completed" ? "✓" : cell.status === "started" ? "◐" : "·"}
                          </span>
                          {shown && (
                            <span aria-hidden="true" className="block text-xs">
                              {shown}
                            </span>
                          )}
                          <span className="sr-only">{spoken}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ol className="grid gap-x-6 text-xs text-muted sm:grid-cols-2" aria-label={t("legend")}>
          {outline.lessons.map((slug) => (
            <li key={slug}>
              {lessonNumber.get(slug)}. {titles.lessons[slug] ?? slug}
            </li>
          ))}
          {outline.labs.map((lab, i) => (
            <li key={lab.id}>
              {t("labShort", { number: i + 1 })}. {titles.labs[lab.id] ?? lab.id}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="inactive" className="space-y-3">
        <h2 id="inactive" className="text-xl font-semibold">
          {t("inactiveTitle", { days })}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="space-y-1">
            <label htmlFor="inactive-days" className="block font-medium">
              {t("inactiveLabel")}
            </label>
            <input id="inactive-days" name="inactive" type="number" min={1} max={365} defaultValue={days} className="w-24 rounded-md border border-line bg-surface px-3 py-2" />
          </div>
          <button type="submit" className="button-primary">
            {t("inactiveApply")}
          </button>
        </form>
        {inactive.length === 0 ? (
          <p className="text-muted">{t("inactiveNone")}</p>
        ) : (
          <ul className="list-disc space-y-1 ps-6" data-testid="inactive-list">
            {inactive.map(({ member, progress }) => (
              <li key={member.id}>
                <Link href={`/instructor/cohorts/${cohort.id}/learners/${member.id}`} className="link">
                  {member.name || member.email}
                </Link>{" "}
                <span className="text-muted">· {t("lastActive", { date: lastActive(progress.lastActive) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {count > 0 && (
        <section aria-labelledby="charts" className="space-y-6">
          <h2 id="charts" className="text-xl font-semibold">
            {t("chartsTitle")}
          </h2>
          <BarChart
            title={t("chartLessons")}
            rtl={rtl}
            testId="chart-lessons"
            bars={outline.lessons.map((slug, i) => {
              const done = rows.filter((r) => r.progress.lessons[i]!.status === "completed").length;
              return { label: `${i + 1}. ${titles.lessons[slug] ?? slug}`, value: done, max: count, shown: `${done}/${count}` };
            })}
          />
          {quizLessons.length > 0 && (
            <BarChart
              title={t("chartQuizzes")}
              rtl={rtl}
              testId="chart-quizzes"
              bars={quizLessons.map((slug) => {
                const i = outline.lessons.indexOf(slug);
                const scores = rows.flatMap((r) => (r.progress.lessons[i]!.quiz ? [r.progress.lessons[i]!.quiz!.best / Math.max(1, r.progress.lessons[i]!.quiz!.max)] : []));
                const average = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
                return {
                  label: `${i + 1}. ${titles.lessons[slug] ?? slug}`,
                  value: average,
                  max: 1,
                  shown: scores.length ? `${format.number(average, { style: "percent" })} (${t("takenBy", { count: scores.length })})` : "—",
                };
              })}
            />
          )}
        </section>
      )}

      <section aria-labelledby="funnels" className="space-y-6">
        <h2 id="funnels" className="text-xl font-semibold">
          {t("funnelsTitle")}
        </h2>
        {report.funnels.every((f) => f.started === 0) ? (
          <p className="text-muted">{t("funnelsNone")}</p>
        ) : (
          report.funnels
            .filter((f) => f.started > 0)
            .map((funnel) => {
              const failed = report.failedCommands[funnel.labId] ?? [];
              return (
                <div key={funnel.labId} className="card space-y-4" data-testid="funnel" data-lab={funnel.labId}>
                  <BarChart
                    title={titles.labs[funnel.labId] ?? funnel.labId}
                    rtl={rtl}
                    bars={[
                      { label: t("funnelStarted"), value: funnel.started, max: funnel.started, shown: String(funnel.started) },
                      ...funnel.tasks.map((task, i) => ({ label: t("funnelTask", { number: i + 1, task: titles.tasks[funnel.labId]?.[task.taskId] ?? task.taskId }), value: task.reached, max: funnel.started, shown: String(task.reached) })),
                      { label: t("funnelCompleted"), value: funnel.completed, max: funnel.started, shown: String(funnel.completed) },
                    ]}
                  />
                  <div className="space-y-2">
                    <h3 className="font-semibold">{t("failedTitle")}</h3>
                    {failed.length === 0 ? (
                      <p className="text-sm text-muted">{t("failedNone")}</p>
                    ) : (
                      <ol className="space-y-1 text-sm" data-testid="failed-commands">
                        {failed.map((f) => (
                          <li key={f.command} className="flex flex-wrap items-baseline gap-2">
                            <code dir="ltr" className="rounded bg-code-bg px-2 py-0.5 text-code-ink">
                              {f.command}
                            </code>
                            <span className="text-muted">
                              {t("failures", { count: f.failures })} · {t("learners", { count: f.learners })}
                            </span>
                          </li>
                        ))}
                      </ol>
                    )}
                  </div>
                </div>
              );
            })
        )}
      </section>
    </div>
  );
}
