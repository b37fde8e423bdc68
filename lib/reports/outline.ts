import "server-only";
import { listLessons, type Course } from "@/lib/content/catalogue";
import { loadQuiz } from "@/lib/content/quizzes";
import type { Locale } from "@/lib/i18n/locales";
import { loadAllLabs } from "@/lib/labs/load";
import type { Lab } from "@/lib/labs/schema";
import { requiredScore } from "@/lib/quiz/grade";
import type { CourseOutline } from "./progress";

// Lab files do not change while the server runs: read them once.
let labsCache: Lab[] | undefined;

export function allLabs(): Lab[] {
  labsCache ??= loadAllLabs();
  return labsCache;
}

/** The labs that practise a lesson of the course, in lab order. */
export function courseLabs(course: Course): Lab[] {
  return allLabs().filter((lab) => lab.lessons.some((l) => course.lessons.includes(l)));
}

export async function courseOutline(course: Course): Promise<CourseOutline> {
  const quizzes = await Promise.all(course.lessons.map((slug) => loadQuiz(slug)));
  const byLesson: CourseOutline["quizzes"] = {};
  for (const quiz of quizzes) {
    if (quiz) byLesson[quiz.id] = { total: quiz.questions.length, required: requiredScore(quiz.passScore, quiz.questions.length) };
  }
  return { id: course.id, lessons: course.lessons, quizzes: byLesson, labs: courseLabs(course).map((lab) => ({ id: lab.id, tasks: lab.tasks.map((t) => t.id) })) };
}

/** Display names for a course's lessons and labs in one locale. */
export async function courseTitles(course: Course, locale: Locale) {
  const lessons = await listLessons(course, locale);
  const labs = courseLabs(course);
  return {
    lessons: Object.fromEntries(lessons.map((l) => [l.slug, l.title])) as Record<string, string>,
    labs: Object.fromEntries(labs.map((lab) => [lab.id, lab.title[locale]])) as Record<string, string>,
    /** Per lab, its tasks' titles. */
    tasks: Object.fromEntries(labs.map((lab) => [lab.id, Object.fromEntries(lab.tasks.map((task) => [task.id, task.title[locale]]))])) as Record<string, Record<string, string>>,
  };
}
