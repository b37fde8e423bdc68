import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { listCourses } from "@/lib/content/catalogue";
import { Link } from "@/lib/i18n/navigation";
import { CourseCard } from "@/app/_components/course-card";

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("HomePage");
  const courses = await listCourses();
  const first = courses[0];

  return (
    <div className="space-y-12">
      <section className="space-y-5 pt-4">
        <h1 className="max-w-3xl text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="max-w-3xl text-lg leading-relaxed text-muted">{t("intro")}</p>
        {first && (
          <Link href={`/courses/${first.id}`} className="button-primary">
            {t("startCourse")}
          </Link>
        )}
      </section>

      <section aria-labelledby="features" className="space-y-4">
        <h2 id="features" className="text-xl font-semibold">
          {t("featuresTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {(["featureSandbox", "featureLabs", "featureLanguages"] as const).map((key) => (
            <li key={key} className="card">
              {t(key)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="courses" className="space-y-4">
        <h2 id="courses" className="text-xl font-semibold">
          {t("coursesTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {courses.map((course) => (
            <li key={course.id}>
              <CourseCard course={course} locale={locale} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
