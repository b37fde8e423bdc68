import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { labsForLesson } from "@/lib/labs/catalogue";

/** On a lesson page: the labs that practise it (each lab's `lessons:` names its lessons). */
export async function LessonLabs({ lesson, locale }: { lesson: string; locale: Locale }) {
  const labs = labsForLesson(lesson);
  if (labs.length === 0) return null;
  const t = await getTranslations("Labs");
  return (
    <aside aria-labelledby="lesson-labs" className="card space-y-2" data-testid="lesson-labs">
      <h2 id="lesson-labs" className="text-lg font-semibold">
        {t("lessonLabsTitle")}
      </h2>
      <p className="text-muted">{t("lessonLabsIntro")}</p>
      <ul className="space-y-1">
        {labs.map((lab) => (
          <li key={lab.id}>
            <Link href={`/labs/${lab.id}`} className="link font-medium">
              {lab.title[locale]}
            </Link>{" "}
            <span className="text-sm text-muted">
              · {t("difficulty", { level: lab.difficulty })} · {t("minutes", { count: lab.minutes })}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
