import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { listCourses } from "@/lib/content/catalogue";
import { CourseCard } from "@/app/_components/course-card";

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Layout" });
  return { title: t("courses") };
}

export default async function CoursesPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Layout");
  const courses = await listCourses();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("courses")}</h1>
      <ul className="grid gap-4 sm:grid-cols-2">
        {courses.map((course) => (
          <li key={course.id}>
            <CourseCard course={course} locale={locale} />
          </li>
        ))}
      </ul>
    </div>
  );
}
