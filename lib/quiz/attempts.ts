import "server-only";
import { getOrCreateAnonymousUser, type AnonymousCookie, type CookieSource } from "@/lib/auth/anonymous";
import { listCourses } from "@/lib/content/catalogue";
import { prisma } from "@/lib/db/client";
import { markLessonCompleted } from "@/lib/db/progress";
import { createQuizAttempt } from "@/lib/db/quiz-attempts";
import type { Locale } from "@/lib/i18n/locales";
import { gradeQuiz } from "./grade";
import type { AttemptResponse, LoadedQuiz, QuizAnswers } from "./types";

/** The courses that teach a quiz's lesson: a quiz's id is the slug of the lesson it belongs to. */
async function coursesWithLesson(lesson: string): Promise<string[]> {
  return (await listCourses()).filter((course) => course.lessons.includes(lesson)).map((course) => course.id);
}

/**
 * Grades a submission, stores the attempt for this browser's learner (created on first use) and,
 * when it passes, marks the quiz's lesson complete. All in one transaction: a failure stores
 * nothing, not even the new learner.
 */
export async function submitQuizAttempt(input: {
  quiz: LoadedQuiz;
  locale: Locale;
  answers: QuizAnswers;
  cookies: CookieSource;
  secure: boolean;
  now?: Date;
}): Promise<{ response: AttemptResponse; cookie: AnonymousCookie | null }> {
  const { quiz, locale } = input;
  const now = input.now ?? new Date();
  const grade = gradeQuiz(quiz, input.answers, locale);
  // Keep only answers to this quiz's questions: the stored JSON is the learner's, not noise.
  const answers = Object.fromEntries(quiz.questions.filter((q) => Object.hasOwn(input.answers, q.id)).map((q) => [q.id, input.answers[q.id]]));
  const courses = grade.passed ? await coursesWithLesson(quiz.id) : [];

  return prisma().$transaction(async (tx) => {
    const { user, cookie } = await getOrCreateAnonymousUser(input.cookies, { secure: input.secure, locale, db: tx, now });
    const attempt = await createQuizAttempt(
      { userId: user.id, quizId: quiz.id, locale, answers, score: grade.score, maxScore: grade.maxScore, submittedAt: now },
      tx,
    );
    for (const course of courses) await markLessonCompleted({ userId: user.id, course, lesson: quiz.id, at: now }, tx);
    return { response: { ...grade, attemptId: attempt.id, lessonCompleted: courses.length > 0 }, cookie };
  });
}
