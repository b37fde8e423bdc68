// A stored quiz attempt as an instructor reads it: per question, what the learner answered (in
// the texts of the quiz, not the opaque keys the browser sent) and whether it was right. Pure.
import type { Locale } from "@/lib/i18n/locales";
import { gradeQuiz } from "@/lib/quiz/grade";
import { answerKey, type KeyRole } from "@/lib/quiz/keys";
import type { LoadedQuiz } from "@/lib/quiz/types";

export type AnsweredQuestion = { id: string; prompt: string; answer: string | null; correct: boolean };

function parseAnswers(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function describeAttempt(quiz: LoadedQuiz, answersJson: string, attemptLocale: Locale, locale: Locale): AnsweredQuestion[] {
  const answers = parseAnswers(answersJson);
  const grade = gradeQuiz(quiz, answers, attemptLocale);
  return quiz.questions.map((question, i) => {
    const given = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const texts = new Map<string, string>();
    const add = (role: KeyRole, id: string, text: string) => texts.set(answerKey(quiz.id, question.id, role, id), text);
    if (question.type === "single" || question.type === "multiple") for (const c of question.choices) add("choice", c.id, c.text[locale]);
    if (question.type === "ordering") for (const item of question.items) add("item", item.id, item.text[locale]);
    if (question.type === "matching") {
      for (const p of question.pairs) {
        add("left", p.id, p.left[locale]);
        add("right", p.id, p.right[locale]);
      }
    }
    const text = (key: unknown) => (typeof key === "string" ? (texts.get(key) ?? "?") : "?");
    let answer: string | null = null;
    if (typeof given === "string") answer = question.type === "short" ? given : text(given);
    else if (Array.isArray(given)) answer = given.map(text).join(question.type === "ordering" ? " → " : "; ");
    else if (given && typeof given === "object") answer = Object.entries(given).map(([l, r]) => `${text(l)} → ${text(r)}`).join("; ");
    return { id: question.id, prompt: question.prompt[locale], answer: answer === "" ? null : answer, correct: grade.results[i]!.correct };
  });
}
