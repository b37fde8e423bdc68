import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { localeDirection, locales, type Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { listCourses, listLessons } from "@/lib/content/catalogue";
import { allLabs, labById } from "@/lib/labs/catalogue";
import { Markdown } from "@/app/_components/markdown";
import { LabWorkspace } from "@/app/_components/labs/lab-workspace";

type Params = { locale: Locale; lab: string };

export function generateStaticParams() {
  return locales.flatMap((locale) => allLabs().map((lab) => ({ locale, lab: lab.id })));
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { locale, lab: id } = await params;
  const lab = labById(id);
  return lab ? { title: lab.title[locale], description: lab.summary[locale] } : {};
}

/** The lessons a lab practises, with their course for the link. */
async function lessonLinks(slugs: string[], locale: Locale) {
  const links: { href: string; title: string }[] = [];
  for (const course of await listCourses()) {
    const lessons = await listLessons(course, locale);
    for (const lesson of lessons) {
      if (slugs.includes(lesson.slug)) links.push({ href: `/courses/${course.id}/${lesson.slug}`, title: lesson.title });
    }
  }
  return links;
}

export default async function LabPage({ params }: { params: Promise<Params> }) {
  const { locale, lab: id } = await params;
  const lab = labById(id);
  if (!lab) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("Labs");
  const rtl = localeDirection[locale] === "rtl";
  const lessons = await lessonLinks(lab.lessons, locale);

  const header = (
    <header className="space-y-2">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/labs" className="link">
          {t("allLabs")}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold tracking-tight">{lab.title[locale]}</h1>
      <p className="text-muted">{lab.summary[locale]}</p>
      <p className="text-sm text-muted">
        {t("difficulty", { level: lab.difficulty })} · {t("minutes", { count: lab.minutes })} · {t("tasks", { count: lab.tasks.length })}
      </p>
      {lessons.length > 0 && (
        <p className="text-sm">
          {t("lessonsLabel")}:{" "}
          {lessons.map((lesson, i) => (
            <span key={lesson.href}>
              {i > 0 && ", "}
              <Link href={lesson.href} className="link">
                {lesson.title}
              </Link>
            </span>
          ))}
        </p>
      )}
    </header>
  );

  return (
    // The lab takes the whole width of the window (globals.css widens <main> for it).
    <div data-layout="full" className="px-4 py-6 sm:px-6">
      <LabWorkspace
        labId={lab.id}
        rtl={rtl}
        header={header}
        tasks={lab.tasks.map((task) => ({
          id: task.id,
          title: task.title[locale],
          instructions: <Markdown source={task.instructions[locale]} rtl={rtl} headingOffset={3} />,
          hints: task.hints.length,
        }))}
      />
    </div>
  );
}
