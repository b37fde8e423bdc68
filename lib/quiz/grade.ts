// Grading happens only on the server: the browser never holds the answers. Pure: no I/O.
import type { Question } from "@/lib/content/quiz-schema";
import type { Locale } from "@/lib/i18n/locales";
import { answerKey } from "./keys";
import type { CorrectAnswer, LoadedQuiz, QuestionResult, QuizGrade } from "./types";

/** Correct answers needed to pass a quiz of `total` questions with a pass share of `passScore`. */
export function requiredScore(passScore: number, total: number): number {
  // The epsilon keeps 0.6 × 5 at 3 despite floating point (0.6 * 5 = 3.0000000000000004).
  return Math.min(total, Math.max(0, Math.ceil(passScore * total - 1e-9)));
}

// Quotes a learner may type around an answer: ASCII, typographic, guillemets and backticks.
const SURROUNDING = /^["'`«»“”„‘’‹›]+|["'`«»“”„‘’‹›]+$/g;

/**
 * The comparable form of a typed answer: trimmed, lower-cased, whitespace collapsed, surrounding
 * quotes and backticks removed. NFKC folds full-width and compatibility forms that some keyboards
 * produce.
 */
export function normalizeShortAnswer(text: string): string {
  return (
    text
      .normalize("NFKC")
      .trim()
      .replace(/\s+/g, " ")
      .replace(SURROUNDING, "")
      .trim()
      .toLowerCase()
      // "İ".toLowerCase() is "i" plus a combining dot; the dot means nothing to a comparison.
      .replace(/i\u0307/g, "i")
  );
}

// Turkish lower-cases I to dotless ı, other languages to i: a learner typing in capitals should
// match in either reading, whatever the page's locale.
function shortAnswerForms(text: string, locale: Locale): Set<string> {
  return new Set([normalizeShortAnswer(text), normalizeShortAnswer(text.toLocaleLowerCase(locale)), normalizeShortAnswer(text.toLocaleLowerCase("tr"))]);
}

// Letters that mark an answer as written in a locale's own script or alphabet.
const OWN_LETTERS: Partial<Record<Locale, RegExp>> = { ru: /\p{Script=Cyrillic}/u, he: /\p{Script=Hebrew}/u, tr: /[çğıöşüÇĞİÖŞÜ]/ };

/**
 * The accepted form to show as the answer: the first one, unless it is a word and another form
 * is written in the learner's language (the Hebrew page shows "הגאי", not "helmsman").
 */
export function shownShortAnswer(accept: string[], locale: Locale): string {
  const first = accept[0] ?? "";
  const own = OWN_LETTERS[locale];
  if (!own || !/\p{L}/u.test(first)) return first;
  return accept.find((form) => own.test(form)) ?? first;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === "string")
  );
}

function sameSet(given: string[], expected: string[]): boolean {
  const set = new Set(given);
  // Duplicates are not a real answer from the form; a forged list does not earn the point.
  return set.size === given.length && set.size === expected.length && expected.every((e) => set.has(e));
}

function gradeQuestion(quizId: string, question: Question, answer: unknown, locale: Locale): { correct: boolean; correctAnswer: CorrectAnswer } {
  const key = (role: Parameters<typeof answerKey>[2], id: string) => answerKey(quizId, question.id, role, id);
  switch (question.type) {
    case "single": {
      const choice = key("choice", question.choices.find((c) => c.correct)!.id);
      return { correct: answer === choice, correctAnswer: { type: "single", choice } };
    }
    case "multiple": {
      const choices = question.choices.filter((c) => c.correct).map((c) => key("choice", c.id));
      return { correct: isStringArray(answer) && sameSet(answer, choices), correctAnswer: { type: "multiple", choices } };
    }
    case "ordering": {
      const order = question.items.map((item) => key("item", item.id));
      const correct = isStringArray(answer) && answer.length === order.length && answer.every((k, i) => k === order[i]);
      return { correct, correctAnswer: { type: "ordering", order } };
    }
    case "matching": {
      const pairs = Object.fromEntries(question.pairs.map((p) => [key("left", p.id), key("right", p.id)]));
      const lefts = Object.keys(pairs);
      const correct =
        isStringRecord(answer) &&
        Object.keys(answer).length === lefts.length &&
        lefts.every((left) => Object.hasOwn(answer, left) && answer[left] === pairs[left]);
      return { correct, correctAnswer: { type: "matching", pairs } };
    }
    case "short": {
      let correct = false;
      if (typeof answer === "string") {
        const given = shortAnswerForms(answer, locale);
        correct = question.accept.some((accepted) => [...shortAnswerForms(accepted, locale)].some((form) => form !== "" && given.has(form)));
      }
      return { correct, correctAnswer: { type: "short", accepted: shownShortAnswer(question.accept, locale) } };
    }
  }
}

/**
 * Grades answers keyed by question id (as the browser sends them, with public keys). Anything
 * malformed, missing or forged counts as a wrong answer; this never throws on learner input.
 * One point per question, all or nothing.
 */
export function gradeQuiz(quiz: LoadedQuiz, answers: unknown, locale: Locale): QuizGrade {
  const given: Record<string, unknown> = typeof answers === "object" && answers !== null && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {};
  const results: QuestionResult[] = quiz.questions.map((question) => {
    const answer = Object.hasOwn(given, question.id) ? given[question.id] : undefined;
    const { correct, correctAnswer } = gradeQuestion(quiz.id, question, answer, locale);
    return { questionId: question.id, correct, correctAnswer, explanation: question.explanation[locale] };
  });
  const score = results.filter((r) => r.correct).length;
  const maxScore = results.length;
  const required = requiredScore(quiz.passScore, maxScore);
  return { score, maxScore, required, passed: score >= required, results };
}
