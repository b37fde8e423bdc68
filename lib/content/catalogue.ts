import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { locales, type Locale } from "@/lib/i18n/locales";
import { contentRoot } from "./paths";
import { splitFrontmatter, type LessonFrontmatter } from "./frontmatter";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a kebab-case slug");

/** A text in every course language. */
export const localizedText = z.object(
  Object.fromEntries(locales.map((l) => [l, z.string().trim().min(1)])) as Record<Locale, z.ZodString>,
).strict();
export type LocalizedText = z.infer<typeof localizedText>;

export const courseSchema = z
  .object({
    title: localizedText,
    summary: localizedText,
    lessons: z.array(slug).min(1),
  })
  .strict()
  .refine((c) => new Set(c.lessons).size === c.lessons.length, { message: "a lesson is listed twice", path: ["lessons"] });

export type Course = z.infer<typeof courseSchema> & { id: string };

export type LessonSummary = LessonFrontmatter & { slug: string; number: number };

function coursesDir() {
  return path.join(contentRoot(), "courses");
}

export function lessonFile(lesson: string, locale: Locale): string {
  return path.join(contentRoot(), "lessons", lesson, `${locale}.mdx`);
}

export async function listCourseIds(): Promise<string[]> {
  const files = await fs.readdir(coursesDir());
  return files.filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -".yaml".length)).sort();
}

/** Loads and validates one course outline; null when there is no such course. */
export async function getCourse(id: string): Promise<Course | null> {
  if (!slug.safeParse(id).success) return null;
  const file = path.join(coursesDir(), `${id}.yaml`);
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    return null;
  }
  const parsed = courseSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`${file}: invalid course: ${issues}`);
  }
  return { id, ...parsed.data };
}

export async function listCourses(): Promise<Course[]> {
  const ids = await listCourseIds();
  const courses = await Promise.all(ids.map(getCourse));
  return courses.filter((c): c is Course => c !== null);
}

/** Reads a lesson's source and frontmatter in one locale. */
export async function readLessonSource(lesson: string, locale: Locale) {
  const file = lessonFile(lesson, locale);
  const source = await fs.readFile(file, "utf8");
  return { file, source, ...splitFrontmatter(source, file) };
}

/** The course's lessons in order, with their frontmatter in one locale. */
export async function listLessons(course: Course, locale: Locale): Promise<LessonSummary[]> {
  return Promise.all(
    course.lessons.map(async (lessonSlug, index) => {
      const { frontmatter } = await readLessonSource(lessonSlug, locale);
      return { ...frontmatter, slug: lessonSlug, number: index + 1 };
    }),
  );
}
