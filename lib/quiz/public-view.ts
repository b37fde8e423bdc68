// The part of a quiz that may reach the browser. Pure: the lesson page builds it on the server.
import type { Locale } from "@/lib/i18n/locales";
import { requiredScore } from "./grade";
import { answerKey, deterministicShuffle } from "./keys";
import type { LoadedQuiz, PublicOption, PublicQuestion, PublicQuiz } from "./types";

/**
 * A quiz in one locale without correct flags, accepted answers or explanations. Options are
 * shuffled per quiz and question (never in authored order), the same way on every render, so
 * server HTML and hydration agree and a reload does not reshuffle under the learner.
 */
export function publicQuiz(quiz: LoadedQuiz, locale: Locale): PublicQuiz {
  const questions = quiz.questions.map((question): PublicQuestion => {
    const seed = (part: string) => `${quiz.id}/${question.id}/${part}`;
    const option = (role: Parameters<typeof answerKey>[2], id: string, text: string): PublicOption => ({
      key: answerKey(quiz.id, question.id, role, id),
      text,
    });
    const prompt = question.prompt[locale];
    switch (question.type) {
      case "single":
      case "multiple":
        return {
          id: question.id,
          type: question.type,
          prompt,
          choices: deterministicShuffle(question.choices, seed("choices")).map((c) => option("choice", c.id, c.text[locale])),
        };
      case "ordering":
        return {
          id: question.id,
          type: "ordering",
          prompt,
          items: deterministicShuffle(question.items, seed("items")).map((i) => option("item", i.id, i.text[locale])),
        };
      case "matching":
        return {
          id: question.id,
          type: "matching",
          prompt,
          left: question.pairs.map((p) => option("left", p.id, p.left[locale])),
          right: deterministicShuffle(question.pairs, seed("right")).map((p) => option("right", p.id, p.right[locale])),
        };
      case "short":
        return { id: question.id, type: "short", prompt };
    }
  });
  return {
    id: quiz.id,
    locale,
    title: quiz.title[locale],
    required: requiredScore(quiz.passScore, quiz.questions.length),
    questions,
  };
}
