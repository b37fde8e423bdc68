import { getTranslations } from "next-intl/server";
import type { Course } from "@/lib/content/catalogue";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";

export async function CourseCard({ course, locale }: { course: Course; locale: Locale }) {
  const t = await getTranslations("CoursePage");
  return (
    <Link href={`/courses/${course.id}`} className="card block h-full hover:border-brand">
      <span className="block text-lg font-semibold text-brand">{course.title[locale]}</span>
      <span className="mt-2 block text-muted">{course.summary[locale]}</span>
      <span className="mt-3 block text-sm text-muted">{t("lessonCount", { count: course.lessons.length })}</span>
    </Link>
  );
}
