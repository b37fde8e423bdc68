import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { locales } from "@/lib/i18n/locales";
import { getCourse, listCourseIds, listLessons } from "@/lib/content/catalogue";
import { Link } from "@/lib/i18n/navigation";

type Params = { locale: Locale; course: string };

export async function generateStaticParams() {
  const ids = await listCourseIds();
  return locales.flatMap((locale) => ids.map((course) => ({ locale, course })));
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { locale, course: id } = await params;
  const course = await getCourse(id);
  return course ? { title: course.title[locale], description: course.summary[locale] } : {};
}

export default async function CoursePage({ params }: { params: Promise<Params> }) {
  const { locale, course: id } = await params;
  setRequestLocale(locale);
  const course = await getCourse(id);
  if (!course) notFound();
  const [t, lessons] = await Promise.all([getTranslations("CoursePage"), listLessons(course, locale)]);

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{course.title[locale]}</h1>
        <p className="max-w-3xl text-lg text-muted">{course.summary[locale]}</p>
        <p className="text-sm text-muted">{t("lessonCount", { count: lessons.length })}</p>
      </header>
      <section aria-labelledby="lessons" className="space-y-3">
        <h2 id="lessons" className="text-xl font-semibold">
          {t("lessonsTitle")}
        </h2>
        <ol className="space-y-3" data-testid="lesson-list">
          {lessons.map((lesson) => (
            <li key={lesson.slug}>
              <Link href={`/courses/${course.id}/${lesson.slug}`} className="card flex gap-4 hover:border-brand">
                <span className="shrink-0 text-sm font-semibold text-muted">{t("lessonNumber", { number: lesson.number })}</span>
                <span className="min-w-0 flex-1">
                  <span className="block font-semibold text-brand">{lesson.title}</span>
                  <span className="mt-1 block text-sm text-muted">{lesson.description}</span>
                </span>
                <span className="shrink-0 text-sm text-muted">{t("minutes", { count: lesson.minutes })}</span>
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
