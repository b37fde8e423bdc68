import "server-only";
import type { PrismaClient } from "@prisma/client";
import { loadQuiz } from "@/lib/content/quizzes";
import type { Locale } from "@/lib/i18n/locales";
import { gradeQuiz } from "@/lib/quiz/grade";
import type { Question } from "@/lib/content/quiz-schema";
import { answerKey, type KeyRole } from "@/lib/quiz/keys";
import type { AnswerValue, LoadedQuiz, QuizAnswers } from "@/lib/quiz/types";
import { DEMO_COURSE } from "./demo";
import { markLessonCompleted, markLessonOpened } from "./progress";
import { createQuizAttempt } from "./quiz-attempts";

// The demo learners' reading and quizzes. Their answers are built in the keys the quiz page
// sends, some right and some wrong, and graded by the same grader the quiz route uses; a passed
// quiz completes its lesson as it does for anyone.

type Attempt = { lesson: string; wrong: number[]; hoursAfterReading: number };
type Story = { email: string; locale: Locale; daysAgo: number; read: string[]; opened: string[]; quizzes: Attempt[] };

export const demoProgress: Story[] = [
  {
    email: "ayse@example.com",
    locale: "tr",
    daysAgo: 6,
    read: ["what-kubernetes-is-for", "the-cluster", "kube-apiserver", "etcd", "docker-networks"],
    opened: ["controller-manager"],
    quizzes: [
      { lesson: "what-kubernetes-is-for", wrong: [], hoursAfterReading: 1 },
      { lesson: "the-cluster", wrong: [1, 3, 4], hoursAfterReading: 1 },
      { lesson: "the-cluster", wrong: [], hoursAfterReading: 3 },
      { lesson: "kube-apiserver", wrong: [2], hoursAfterReading: 1 },
      { lesson: "etcd", wrong: [0, 2, 3, 5], hoursAfterReading: 2 },
      { lesson: "docker-networks", wrong: [4], hoursAfterReading: 1 },
    ],
  },
  {
    email: "dmitri@example.com",
    locale: "ru",
    daysAgo: 9,
    read: ["what-kubernetes-is-for", "the-cluster", "kube-apiserver", "etcd", "controller-manager", "kube-scheduler", "kubelet-and-runtime", "pods-and-deployments"],
    opened: ["probes"],
    quizzes: [
      { lesson: "what-kubernetes-is-for", wrong: [], hoursAfterReading: 1 },
      { lesson: "the-cluster", wrong: [0], hoursAfterReading: 1 },
      { lesson: "kube-apiserver", wrong: [], hoursAfterReading: 1 },
      { lesson: "etcd", wrong: [1], hoursAfterReading: 2 },
      { lesson: "controller-manager", wrong: [], hoursAfterReading: 1 },
      { lesson: "kube-scheduler", wrong: [0, 1, 2, 3], hoursAfterReading: 1 },
      { lesson: "kube-scheduler", wrong: [3], hoursAfterReading: 4 },
      { lesson: "pods-and-deployments", wrong: [2, 4], hoursAfterReading: 1 },
    ],
  },
  {
    email: "noa@example.com",
    locale: "he",
    daysAgo: 12,
    read: ["what-kubernetes-is-for", "docker-networks"],
    opened: ["the-cluster"],
    quizzes: [
      { lesson: "what-kubernetes-is-for", wrong: [1], hoursAfterReading: 1 },
      { lesson: "docker-networks", wrong: [0, 1, 2, 3], hoursAfterReading: 1 },
    ],
  },
];

/** What the quiz page would send for one question: the right answer, or a wrong one of its kind. */
function answer(quiz: LoadedQuiz, question: Question, wrong: boolean): AnswerValue {
  const key = (role: KeyRole, id: string) => answerKey(quiz.id, question.id, role, id);
  switch (question.type) {
    case "single":
      return key("choice", question.choices.find((c) => c.correct === !wrong)!.id);
    case "multiple": {
      const right = question.choices.filter((c) => c.correct);
      const extra = question.choices.find((c) => !c.correct);
      const picked = !wrong ? right : extra ? [...right, extra] : right.slice(1);
      return picked.map((c) => key("choice", c.id));
    }
    case "ordering": {
      const order = question.items.map((item) => key("item", item.id));
      return wrong ? [...order].reverse() : order;
    }
    case "matching": {
      const rights = question.pairs.map((p) => key("right", p.id));
      return Object.fromEntries(question.pairs.map((p, i) => [key("left", p.id), rights[wrong ? (i + 1) % rights.length : i]!]));
    }
    case "short":
      return wrong ? "?" : question.accept[0]!;
  }
}

const HOUR = 60 * 60_000;

/** Plays every story for the demo learners (who must exist). */
export async function seedDemoProgress(db: PrismaClient, now = Date.now()): Promise<void> {
  for (const story of demoProgress) {
    const user = await db.user.findUniqueOrThrow({ where: { email: story.email }, select: { id: true } });
    let clock = now - story.daysAgo * 24 * HOUR;
    const readAt = new Map<string, number>();
    for (const lesson of [...story.read, ...story.opened]) {
      clock += 5 * HOUR;
      readAt.set(lesson, clock);
      await markLessonOpened({ userId: user.id, course: DEMO_COURSE, lesson, at: new Date(clock - HOUR / 2) }, db);
      if (story.read.includes(lesson)) await markLessonCompleted({ userId: user.id, course: DEMO_COURSE, lesson, at: new Date(clock) }, db);
    }
    for (const attempt of story.quizzes) {
      const quiz = await loadQuiz(attempt.lesson);
      if (!quiz) throw new Error(`demo: no quiz ${attempt.lesson}`);
      if (attempt.wrong.some((i) => i >= quiz.questions.length)) throw new Error(`demo: ${quiz.id} has no question ${Math.max(...attempt.wrong) + 1}`);
      const answers: QuizAnswers = Object.fromEntries(quiz.questions.map((q, i) => [q.id, answer(quiz, q, attempt.wrong.includes(i))]));
      const grade = gradeQuiz(quiz, answers, story.locale);
      // The grader has the last word; a quiz that changed under the story fails the seed loudly.
      if (grade.score !== quiz.questions.length - attempt.wrong.length) throw new Error(`demo: ${story.email}'s ${quiz.id} attempt scored ${grade.score}`);
      const submittedAt = new Date(readAt.get(attempt.lesson)! + attempt.hoursAfterReading * HOUR);
      await createQuizAttempt({ userId: user.id, quizId: quiz.id, locale: story.locale, answers, score: grade.score, maxScore: grade.maxScore, submittedAt }, db);
      if (grade.passed) await markLessonCompleted({ userId: user.id, course: DEMO_COURSE, lesson: quiz.id, at: submittedAt }, db);
    }
  }
}
