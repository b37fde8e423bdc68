import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { quizIds, readQuiz } from "@/test/support/quiz";
import { normalizeShortAnswer } from "./grade";
import { deterministicShuffle } from "./keys";
import { publicQuiz } from "./public-view";
import type { PublicQuestion } from "./types";

const ids = quizIds();

/** Every string anywhere in a value: keys of objects and their values. */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

function optionsOf(question: PublicQuestion) {
  switch (question.type) {
    case "single":
    case "multiple":
      return question.choices;
    case "ordering":
      return question.items;
    case "matching":
      return [...question.left, ...question.right];
    case "short":
      return [];
  }
}

describe("the public view of a quiz", () => {
  it.each(ids)("%s: carries no correct flag, accepted answer, explanation or content id", (id) => {
    const quiz = readQuiz(id);
    for (const locale of locales) {
      const view = publicQuiz(quiz, locale);
      const json = JSON.stringify(view);
      expect(json).not.toMatch(/"(correct|accept|explanation|pairs|passScore)"/);
      const values = new Set(strings(view));
      for (const question of quiz.questions) {
        expect(json, `${question.id} explanation`).not.toContain(JSON.stringify(question.explanation[locale]).slice(1, -1));
        const contentIds =
          question.type === "single" || question.type === "multiple"
            ? question.choices.map((c) => c.id)
            : question.type === "ordering"
              ? question.items.map((i) => i.id)
              : question.type === "matching"
                ? question.pairs.map((p) => p.id)
                : [];
        const publicQuestion = view.questions.find((q) => q.id === question.id)!;
        const keys = optionsOf(publicQuestion).map((o) => o.key);
        expect(keys.filter((k) => contentIds.includes(k)), `${question.id} keys`).toEqual([]);
        expect(new Set(keys).size, `${question.id} unique keys`).toBe(keys.length);
      }
      // A string of the view that reads as an accepted short answer would give it away.
      for (const question of quiz.questions) {
        if (question.type !== "short") continue;
        const accepted = new Set(question.accept.map(normalizeShortAnswer));
        expect([...values].filter((v) => accepted.has(normalizeShortAnswer(v))), `${question.id} (${locale})`).toEqual([]);
        expect(normalizeShortAnswer(question.id)).not.toBe(normalizeShortAnswer(question.accept[0]!));
        const prompt = normalizeShortAnswer(question.prompt[locale]);
        // Short forms ("1", "one") occur in any text; longer ones would be a real hint.
        expect(question.accept.map(normalizeShortAnswer).filter((a) => a.length > 4 && prompt.includes(a)), `${question.id} prompt`).toEqual([]);
      }
    }
  });

  it.each(ids)("%s: never shows options in authored order (correct sequence, matched pairs, correct-first choices)", (id) => {
    const quiz = readQuiz(id);
    for (const locale of locales) {
      const view = publicQuiz(quiz, locale);
      quiz.questions.forEach((question, index) => {
        const shown = view.questions[index]!;
        if (question.type === "ordering" && shown.type === "ordering") {
          expect(shown.items.map((i) => i.text)).not.toEqual(question.items.map((i) => i.text[locale]));
          expect([...shown.items.map((i) => i.text)].sort()).toEqual(question.items.map((i) => i.text[locale]).sort());
        }
        if (question.type === "matching" && shown.type === "matching") {
          expect(shown.left.map((l) => l.text)).toEqual(question.pairs.map((p) => p.left[locale]));
          expect(shown.right.map((r) => r.text)).not.toEqual(question.pairs.map((p) => p.right[locale]));
          // A right-hand key never equals its left-hand key, so the page cannot pair them.
          expect(shown.right.map((r) => r.key).filter((k) => shown.left.some((l) => l.key === k))).toEqual([]);
        }
        if ((question.type === "single" || question.type === "multiple") && (shown.type === "single" || shown.type === "multiple")) {
          expect(shown.choices.map((c) => c.text)).not.toEqual(question.choices.map((c) => c.text[locale]));
        }
      });
    }
  });

  it("is the same on every render, and the same order in every locale", () => {
    const quiz = readQuiz("etcd");
    expect(JSON.stringify(publicQuiz(quiz, "ru"))).toBe(JSON.stringify(publicQuiz(readQuiz("etcd"), "ru")));
    const order = (locale: "en" | "he") =>
      publicQuiz(quiz, locale).questions.flatMap((q) => (q.type === "ordering" ? q.items.map((i) => i.key) : []));
    expect(order("he")).toEqual(order("en"));
  });

  it("tells how many correct answers pass", () => {
    const quiz = readQuiz("etcd");
    expect(publicQuiz(quiz, "en").required).toBe(Math.ceil(quiz.passScore * quiz.questions.length));
  });
});

describe("deterministicShuffle", () => {
  it("keeps every item, depends only on the seed, and never returns the original order", () => {
    for (let n = 2; n <= 10; n++) {
      const items = Array.from({ length: n }, (_, i) => i);
      for (let s = 0; s < 200; s++) {
        const shuffled = deterministicShuffle(items, `seed-${s}`);
        expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
        expect(shuffled).not.toEqual(items);
        expect(deterministicShuffle(items, `seed-${s}`)).toEqual(shuffled);
      }
    }
    expect(deterministicShuffle([1], "x")).toEqual([1]);
    expect(deterministicShuffle([], "x")).toEqual([]);
  });
});
