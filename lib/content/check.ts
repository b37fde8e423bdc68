import fs from "node:fs/promises";
import { locales } from "@/lib/i18n/locales";
import { lessonFile, listCourses, readLessonSource } from "./catalogue";
import { figureProblems } from "./figures";
import { loadQuiz, quizFile, quizIdsIn } from "./quizzes";

/**
 * Every problem in the course content: outlines that fail validation, lessons missing in a
 * locale, frontmatter that fails validation, quizzes a lesson embeds that are missing or
 * invalid, figures that are unknown, uncaptioned or not the same in every locale. Empty when all
 * is well.
 */
export async function findContentProblems(): Promise<string[]> {
  const problems: string[] = [];
  let courses;
  try {
    courses = await listCourses();
  } catch (error) {
    return [(error as Error).message];
  }
  if (courses.length === 0) problems.push("no course outline in content/courses");
  for (const course of courses) {
    for (const lesson of course.lessons) {
      // Whole files, not bodies, so the figure checks report the files' own line numbers.
      const sources: Record<string, string> = {};
      for (const locale of locales) {
        const file = lessonFile(lesson, locale);
        const exists = await fs.access(file).then(
          () => true,
          () => false,
        );
        if (!exists) {
          problems.push(`${course.id}: lesson "${lesson}" is missing in ${locale} (${file})`);
          continue;
        }
        try {
          const { body, source } = await readLessonSource(lesson, locale);
          sources[locale] = source;
          for (const quizId of quizIdsIn(body)) {
            if (!(await loadQuiz(quizId))) problems.push(`${file}: embeds quiz "${quizId}", which does not exist (${quizFile(quizId)})`);
          }
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
      // Compared only when every locale could be read: a missing file is already reported.
      if (Object.keys(sources).length === locales.length) problems.push(...figureProblems(lesson, sources));
    }
  }
  return problems;
}
