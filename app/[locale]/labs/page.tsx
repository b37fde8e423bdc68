import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { requestUser } from "@/lib/auth/pages";
import { labStatuses } from "@/lib/db/lab-attempts";
import { allLabs } from "@/lib/labs/catalogue";

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Labs" });
  return { title: t("title") };
}

type Status = "none" | "started" | "completed";

export default async function LabsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Labs");
  const labs = allLabs();
  const user = await requestUser();
  const statuses = new Map((user ? await labStatuses(user.id) : []).map((s) => [s.labId, s]));

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="max-w-3xl text-lg text-muted">{t("intro")}</p>
      </header>
      <ol className="grid gap-4 md:grid-cols-2" data-testid="lab-list">
        {labs.map((lab) => {
          const s = statuses.get(lab.id);
          const status: Status = s?.everCompleted ? "completed" : s ? "started" : "none";
          return (
            <li key={lab.id} className="card flex flex-col gap-3" data-lab={lab.id} data-status={status}>
              <h2 className="text-lg font-semibold">
                <Link href={`/labs/${lab.id}`} className="link">
                  {lab.title[locale]}
                </Link>
              </h2>
              <p className="text-muted">{lab.summary[locale]}</p>
              <dl className="mt-auto flex flex-wrap gap-x-4 gap-y-1 text-sm">
                <div className="flex gap-1">
                  <dt className="sr-only">{t("difficultyLabel")}</dt>
                  <dd>{t("difficulty", { level: lab.difficulty })}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="sr-only">{t("timeLabel")}</dt>
                  <dd>{t("minutes", { count: lab.minutes })}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="sr-only">{t("tasksLabel")}</dt>
                  <dd>{t("tasks", { count: lab.tasks.length })}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="font-medium">{t("statusLabel")}:</dt>
                  <dd data-testid="lab-status" className={status === "completed" ? "font-semibold text-emerald-800 dark:text-emerald-300" : undefined}>
                    {status === "completed" ? `✓ ${t("statusCompleted")}` : status === "started" ? t("statusStarted", { passed: s!.tasksPassed, total: lab.tasks.length }) : t("statusNone")}
                  </dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
