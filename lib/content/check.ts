import fs from "node:fs/promises";
import { locales } from "@/lib/i18n/locales";
import { lessonFile, listCourses, readLessonSource } from "./catalogue";
import { loadQuiz, quizFile, quizIdsIn } from "./quizzes";

/**
 * Every problem in the course content: outlines that fail validation, lessons missing in a
 * locale, frontmatter that fails validation, quizzes a lesson embeds that are missing or
 * invalid. Empty when all is well.
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
          const { body } = await readLessonSource(lesson, locale);
          for (const quizId of quizIdsIn(body)) {
            if (!(await loadQuiz(quizId))) problems.push(`${file}: embeds quiz "${quizId}", which does not exist (${quizFile(quizId)})`);
          }
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
    }
  }
  return problems;
}
