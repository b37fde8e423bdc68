import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { JoinCohortForm, LocaleForm } from "@/app/_components/account/small-forms";
import { labSummaryText, lessonStatusText } from "@/app/_components/progress/progress-text";
import { requestUser } from "@/lib/auth/pages";
import { listLessons } from "@/lib/content/catalogue";
import { listMemberCohorts } from "@/lib/db/cohorts";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { allLabs } from "@/lib/reports/outline";
import { ownProgress } from "@/lib/reports/own-progress";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Dashboard" });
  return { title: t("title"), robots: { index: false } };
}

/** The learner's own progress: signed in, or (until they sign up) this browser's. */
export default async function DashboardPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tp, format, user] = await Promise.all([getTranslations("Dashboard"), getTranslations("Progress"), getFormatter(), requestUser()]);
  const p = (key: string, values?: Record<string, string | number>) => tp(key as never, values as never);
  const account = user && user.email !== null ? user : null;
  const courses = await ownProgress(user);
  const cohorts = account ? await listMemberCohorts(account.id) : [];
  const labs = new Map(allLabs().map((lab) => [lab.id, lab]));
  const saved = (await searchParams).saved === "language";

  return (
    <div className="space-y-10" data-testid="dashboard">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{account ? t("greeting", { name: account.name }) : t("anonymousTitle")}</h1>
        {!account && (
          <div className="card space-y-3" data-testid="anonymous-note">
            <p>{t("anonymousNote")}</p>
            <p className="flex flex-wrap gap-3">
              <Link href={{ pathname: "/signup", query: { next: `/${locale}/dashboard` } }} className="button-primary">
                {t("createAccount")}
              </Link>
              <Link href={{ pathname: "/signin", query: { next: `/${locale}/dashboard` } }} className="link self-center">
                {t("signIn")}
              </Link>
            </p>
          </div>
        )}
        {saved && (
          <p role="status" className="font-medium">
            {t("languageSaved")}
          </p>
        )}
      </header>

      {await Promise.all(
        courses.map(async ({ course, outline, progress }) => {
          const lessons = await listLessons(course, locale);
          const titles = new Map(lessons.map((l) => [l.slug, l]));
          const next = progress.continueAt ? titles.get(progress.continueAt) : undefined;
          const started = progress.lessons.some((l) => l.status !== "none" || l.quiz);
          const headingId = `course-${course.id}`;
          return (
            <section key={course.id} aria-labelledby={headingId} className="space-y-6" data-testid="course-progress" data-course={course.id}>
              <div className="space-y-2">
                <h2 id={headingId} className="text-2xl font-semibold">
                  {course.title[locale]}
                </h2>
                <label htmlFor={`${headingId}-bar`} className="block text-sm text-muted">
                  {t("lessonsRead", { done: progress.lessonsCompleted, total: outline.lessons.length })}
                </label>
                <progress id={`${headingId}-bar`} value={progress.lessonsCompleted} max={outline.lessons.length} className="h-3 w-full max-w-md accent-brand" />
                <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
                  <li>{t("quizzesPassed", { done: progress.quizzesPassed, total: Object.keys(outline.quizzes).length })}</li>
                  <li>{t("labsCompleted", { done: progress.labsCompleted, total: outline.labs.length })}</li>
                </ul>
              </div>

              <div className="card space-y-2" data-testid="continue">
                <h3 className="font-semibold">{t("continueTitle")}</h3>
                {next ? (
                  <Link href={`/courses/${course.id}/${next.slug}`} className="link text-lg">
                    {started ? t("continueLesson", { number: next.number, title: next.title }) : t("startCourse", { title: next.title })}
                  </Link>
                ) : (
                  <p>{t("courseDone")}</p>
                )}
              </div>

              <div className="space-y-2">
                <h3 className="text-xl font-semibold">{t("lessonsTitle")}</h3>
                <div className="overflow-x-auto">
                  <table className="w-full text-start text-sm">
                    <thead>
                      <tr className="border-b border-line text-start">
                        <th scope="col" className="py-2 pe-3 text-start">{t("lessonColumn")}</th>
                        <th scope="col" className="py-2 pe-3 text-start">{t("statusColumn")}</th>
                        <th scope="col" className="py-2 pe-3 text-start">{t("quizColumn")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {progress.lessons.map((cell) => {
                        const lesson = titles.get(cell.slug);
                        return (
                          <tr key={cell.slug} className="border-b border-line" data-testid="lesson-row" data-lesson={cell.slug} data-status={cell.status}>
                            <th scope="row" className="py-2 pe-3 text-start font-normal">
                              <Link href={`/courses/${course.id}/${cell.slug}`} className="link">
                                {lesson ? `${lesson.number}. ${lesson.title}` : cell.slug}
                              </Link>
                            </th>
                            <td className="py-2 pe-3">
                              {lessonStatusText(p, cell)}
                              {cell.completedAt && <span className="text-muted"> · {format.dateTime(cell.completedAt, { dateStyle: "medium" })}</span>}
                            </td>
                            <td className="py-2 pe-3" data-testid="quiz-score">
                              {cell.quiz ? (
                                <>
                                  {p("quizScore", { score: cell.quiz.best, total: cell.quiz.max })} · {p(cell.quiz.passed ? "quizPassed" : "quizNotPassed")} ·{" "}
                                  <span className="text-muted">{p("attempts", { count: cell.quiz.attempts })}</span>
                                </>
                              ) : outline.quizzes[cell.slug] ? (
                                <span className="text-muted">{p("quizNone")}</span>
                              ) : null}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </div>

              {progress.labs.length > 0 && (
                <div className="space-y-2">
                  <h3 className="text-xl font-semibold">{t("labsTitle")}</h3>
                  <ul className="grid gap-3 sm:grid-cols-2">
                    {progress.labs.map((cell) => (
                      <li key={cell.id} className="card space-y-1" data-testid="lab-row" data-lab={cell.id} data-status={cell.status}>
                        <Link href={`/labs/${cell.id}`} className="link font-semibold">
                          {labs.get(cell.id)?.title[locale] ?? cell.id}
                        </Link>
                        <p className="text-sm">{labSummaryText(p, cell)}</p>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          );
        }),
      )}

      <section aria-labelledby="cohorts" className="space-y-4">
        <h2 id="cohorts" className="text-2xl font-semibold">
          {t("cohortsTitle")}
        </h2>
        {account ? (
          <>
            {cohorts.length === 0 ? (
              <p className="text-muted">{t("cohortsNone")}</p>
            ) : (
              <ul className="list-disc space-y-1 ps-6" data-testid="my-cohorts">
                {cohorts.map((c) => (
                  <li key={c.id}>{t("cohortBy", { cohort: c.name, instructor: c.instructorName })}</li>
                ))}
              </ul>
            )}
            <div className="card max-w-xl space-y-2">
              <h3 className="font-semibold">{t("joinTitle")}</h3>
              <JoinCohortForm />
            </div>
          </>
        ) : (
          <p className="text-muted">{t("cohortsSignIn")}</p>
        )}
      </section>

      {account && (
        <section aria-labelledby="language" className="space-y-3">
          <h2 id="language" className="text-2xl font-semibold">
            {t("languageTitle")}
          </h2>
          <LocaleForm current={isLocale(account.locale) ? account.locale : locale} />
        </section>
      )}
    </div>
  );
}
