import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ReplayPlayer } from "@/app/_components/instructor/replay-player";
import { requireCohortLearner } from "@/lib/auth/access";
import { requestUser, withPageAccess } from "@/lib/auth/pages";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { allLabs } from "@/lib/reports/outline";
import { replaySandbox, ReplayUnavailable } from "@/lib/reports/replay";

type Props = { params: Promise<{ locale: Locale; cohort: string; learner: string; sandbox: string }>; searchParams: Promise<{ step?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Replay" });
  return { title: t("title"), robots: { index: false } };
}

/** A learner's sandbox replayed command by command, for the instructor of their cohort. */
export default async function ReplayPage({ params, searchParams }: Props) {
  const { locale, cohort: cohortId, learner, sandbox: sandboxId } = await params;
  setRequestLocale(locale);
  const here = `/${locale}/instructor/cohorts/${cohortId}/learners/${learner}/sandboxes/${sandboxId}`;
  const { cohort, member } = await withPageAccess(locale, here, async () => requireCohortLearner(await requestUser(), cohortId, learner));
  const t = await getTranslations("Replay");
  const step = Number((await searchParams).step ?? "0");
  let replay;
  try {
    replay = await replaySandbox(sandboxId, member.id, step);
  } catch (error) {
    if (!(error instanceof ReplayUnavailable)) throw error;
    return <p role="alert">{t("unavailable")}</p>;
  }
  if (!replay) notFound();
  const lab = replay.labId ? allLabs().find((l) => l.id === replay.labId) : undefined;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/instructor/cohorts/${cohort.id}/learners/${member.id}`} className="link">
            {t("backToLearner", { name: member.name || member.email || "" })}
          </Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{lab ? t("labTitle", { lab: lab.title[locale] }) : t("sandboxTitle")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <ReplayPlayer
        entries={replay.entries}
        initialStep={replay.step}
        initialView={replay.view}
        api={`/api/cohorts/${cohort.id}/learners/${member.id}/sandboxes/${sandboxId}/replay`}
      />
    </div>
  );
}
