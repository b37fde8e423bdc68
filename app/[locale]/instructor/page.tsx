import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CreateCohortForm } from "@/app/_components/account/small-forms";
import { requireInstructor } from "@/lib/auth/access";
import { requestOrigin, requestUser, withPageAccess } from "@/lib/auth/pages";
import { listCourses } from "@/lib/content/catalogue";
import { listInstructorCohorts } from "@/lib/db/cohorts";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Instructor" });
  return { title: t("title"), robots: { index: false } };
}

/** An instructor's cohorts, with their invite codes and links, and a form for a new one. */
export default async function InstructorPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const instructor = await withPageAccess(locale, `/${locale}/instructor`, async () => requireInstructor(await requestUser()));
  const [t, cohorts, courses, origin] = await Promise.all([getTranslations("Instructor"), listInstructorCohorts(instructor.id), listCourses(), requestOrigin()]);
  const courseTitle = new Map(courses.map((c) => [c.id, c.title[locale]]));

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <section aria-labelledby="cohorts" className="space-y-4">
        <h2 id="cohorts" className="text-2xl font-semibold">
          {t("cohortsTitle")}
        </h2>
        {cohorts.length === 0 ? (
          <p className="text-muted">{t("noCohorts")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2" data-testid="cohort-list">
            {cohorts.map((c) => (
              <li key={c.id} className="card space-y-2" data-testid="cohort-card" data-cohort={c.id}>
                <Link href={`/instructor/cohorts/${c.id}`} className="link text-lg font-semibold">
                  {c.name}
                </Link>
                <p className="text-sm text-muted">
                  {courseTitle.get(c.course) ?? c.course} · {t("learners", { count: c.members })}
                </p>
                <p className="text-sm">
                  {t("inviteCode")}: <code className="rounded bg-canvas px-1">{c.inviteCode}</code>
                </p>
                <p className="break-all text-sm">
                  {t("joinLink")}: <code dir="ltr">{`${origin}/${locale}/join/${c.inviteCode}`}</code>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-cohort" className="card max-w-xl space-y-3">
        <h2 id="new-cohort" className="text-xl font-semibold">
          {t("createTitle")}
        </h2>
        <CreateCohortForm courses={courses.map((c) => ({ id: c.id, title: c.title[locale] }))} />
      </section>
    </div>
  );
}
