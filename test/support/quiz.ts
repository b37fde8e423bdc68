import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { quizSchema } from "@/lib/content/quiz-schema";
import { gradeQuiz } from "@/lib/quiz/grade";
import type { CorrectAnswer, LoadedQuiz, QuizAnswers, AnswerValue } from "@/lib/quiz/types";

// Reads quiz files directly (lib/content/quizzes.ts is server-only, which the browser-test
// runner does not stub).

export function quizIds(): string[] {
  return fs
    .readdirSync(path.join("content", "quizzes"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

export function readQuiz(id: string): LoadedQuiz {
  const data = parse(fs.readFileSync(path.join("content", "quizzes", `${id}.yaml`), "utf8"));
  return { id, ...quizSchema.parse(data) };
}

export function answerFrom(correct: CorrectAnswer): AnswerValue {
  switch (correct.type) {
    case "single":
      return correct.choice;
    case "multiple":
      return correct.choices;
    case "ordering":
      return correct.order;
    case "matching":
      return correct.pairs;
    case "short":
      return correct.accepted;
  }
}

/** A full-marks submission, in the public keys the browser would send. */
export function correctAnswers(quiz: LoadedQuiz): QuizAnswers {
  return Object.fromEntries(gradeQuiz(quiz, {}, "en").results.map((r) => [r.questionId, answerFrom(r.correctAnswer)]));
}
