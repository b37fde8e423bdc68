import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { JoinCohortForm } from "@/app/_components/account/small-forms";
import { requestUser } from "@/lib/auth/pages";
import { getCourse } from "@/lib/content/catalogue";
import { findCohortByInvite } from "@/lib/db/cohorts";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: Locale; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Cohorts" });
  return { title: t("joinPageTitle"), robots: { index: false } };
}

/** The join link an instructor shares: /<locale>/join/<invite code>. */
export default async function JoinPage({ params }: Props) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const [t, cohort, user] = await Promise.all([getTranslations("Cohorts"), findCohortByInvite(code), requestUser()]);
  const course = cohort ? await getCourse(cohort.course) : null;
  const here = `/${locale}/join/${encodeURIComponent(code)}`;

  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("joinPageTitle")}</h1>
      {!cohort ? (
        <p role="alert">{t("errors.notFound")}</p>
      ) : (
        <>
          <p className="text-lg" data-testid="invitation">
            {t("invitation", { instructor: cohort.instructorName, cohort: cohort.name, course: course?.title[locale] ?? cohort.course })}
          </p>
          {user && user.email !== null ? (
            <JoinCohortForm code={cohort.inviteCode} />
          ) : (
            <div className="space-y-3">
              <p>{t("signInToJoin")}</p>
              <p className="flex flex-wrap gap-3">
                <Link href={{ pathname: "/signup", query: { next: here } }} className="button-primary">
                  {t("signUpToJoin")}
                </Link>
                <Link href={{ pathname: "/signin", query: { next: here } }} className="link self-center">
                  {t("signInLink")}
                </Link>
              </p>
            </div>
          )}
        </>
      )}
    </div>
  );
}
