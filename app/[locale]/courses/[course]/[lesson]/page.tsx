import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { locales } from "@/lib/i18n/locales";
import { getCourse, listCourses, listLessons } from "@/lib/content/catalogue";
import { compileLesson } from "@/lib/content/mdx";
import { publicQuizzes } from "@/lib/content/quizzes";
import { Link } from "@/lib/i18n/navigation";
import { MdxContent } from "@/app/_components/mdx-content";
import { LessonTracker } from "@/app/_components/progress/lesson-tracker";
import { LessonLabs } from "@/app/_components/labs/lesson-labs";

type Params = { locale: Locale; course: string; lesson: string };

export async function generateStaticParams() {
  const courses = await listCourses();
  return locales.flatMap((locale) =>
    courses.flatMap((course) => course.lessons.map((lesson) => ({ locale, course: course.id, lesson }))),
  );
}

async function load(params: Promise<Params>) {
  const { locale, course: courseId, lesson: slug } = await params;
  const course = await getCourse(courseId);
  const index = course?.lessons.indexOf(slug) ?? -1;
  if (!course || index < 0) return null;
  return { locale, course, index };
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const found = await load(params);
  if (!found) return {};
  const lessons = await listLessons(found.course, found.locale);
  const lesson = lessons[found.index];
  return lesson ? { title: lesson.title, description: lesson.description } : {};
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const found = await load(params);
  if (!found) notFound();
  const { locale, course, index } = found;
  setRequestLocale(locale);
  const [t, lessons, compiled] = await Promise.all([
    getTranslations("LessonPage"),
    listLessons(course, locale),
    compileLesson(course.lessons[index]!, locale),
  ]);
  // Only the public views reach the browser: prompts and shuffled options, never the answers.
  const quizzes = await publicQuizzes(compiled.quizIds, locale);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  const base = `/courses/${course.id}`;

  return (
    <div className="space-y-8">
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href={base} className="link">
          {course.title[locale]}
        </Link>
      </nav>
      <header className="space-y-2">
        <p className="text-sm text-muted">
          {t("lessonOf", { number: index + 1, total: lessons.length })} · {t("readingTime", { count: compiled.frontmatter.minutes })}
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{compiled.frontmatter.title}</h1>
        <p className="text-lg text-muted">{compiled.frontmatter.description}</p>
      </header>
      <article className="prose" data-testid="lesson-body">
        <MdxContent code={compiled.code} quizzes={quizzes} />
      </article>
      <LessonTracker key={course.lessons[index]} course={course.id} lesson={course.lessons[index]!} />
      <LessonLabs lesson={course.lessons[index]!} locale={locale} />
      <nav aria-label={t("pagination")} className="flex flex-wrap items-stretch justify-between gap-4 border-t border-line pt-6">
        {previous ? (
          <Link href={`${base}/${previous.slug}`} rel="prev" className="card max-w-sm hover:border-brand">
            <span className="block text-sm text-muted"><Arrow>←</Arrow> {t("previous")}</span>
            <span className="block font-semibold text-brand">{previous.title}</span>
          </Link>
        ) : (
          <Link href={base} className="card hover:border-brand">
            <span className="block text-sm text-muted">{t("backToCourse")}</span>
            <span className="block font-semibold text-brand">{course.title[locale]}</span>
          </Link>
        )}
        {next && (
          <Link href={`${base}/${next.slug}`} rel="next" className="card ms-auto max-w-sm text-end hover:border-brand">
            <span className="block text-sm text-muted">{t("next")} <Arrow>→</Arrow></span>
            <span className="block font-semibold text-brand">{next.title}</span>
          </Link>
        )}
      </nav>
    </div>
  );
}

/** Arrows point along the reading direction, so they flip on right-to-left pages. */
function Arrow({ children }: { children: string }) {
  return (
    <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
      {children}
    </span>
  );
}
