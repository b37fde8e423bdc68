import { describe, expect, it } from "vitest";
import { quizSchema } from "@/lib/content/quiz-schema";
import { locales } from "@/lib/i18n/locales";
import { correctAnswers, quizIds, readQuiz } from "@/test/support/quiz";
import { gradeQuiz, normalizeShortAnswer, requiredScore, shownShortAnswer } from "./grade";
import { answerKey } from "./keys";
import type { LoadedQuiz } from "./types";

const t = (text: string) => ({ en: text, tr: `${text} (tr)`, ru: `${text} (ru)`, he: `${text} (he)` });

const quiz: LoadedQuiz = {
  id: "demo",
  ...quizSchema.parse({
    title: t("Demo"),
    passScore: 0.6,
    questions: [
      {
        id: "one",
        type: "single",
        prompt: t("Pick one"),
        explanation: t("A is right"),
        choices: [
          { id: "a", text: t("A"), correct: true },
          { id: "b", text: t("B") },
          { id: "c", text: t("C") },
        ],
      },
      {
        id: "many",
        type: "multiple",
        prompt: t("Pick all"),
        explanation: t("A and B"),
        choices: [
          { id: "a", text: t("A"), correct: true },
          { id: "b", text: t("B"), correct: true },
          { id: "c", text: t("C") },
          { id: "d", text: t("D") },
        ],
      },
      {
        id: "order",
        type: "ordering",
        prompt: t("Order"),
        explanation: t("x, y, z"),
        items: [
          { id: "x", text: t("X") },
          { id: "y", text: t("Y") },
          { id: "z", text: t("Z") },
        ],
      },
      {
        id: "match",
        type: "matching",
        prompt: t("Match"),
        explanation: t("p-P, q-Q, r-R"),
        pairs: [
          { id: "p", left: t("p"), right: t("P") },
          { id: "q", left: t("q"), right: t("Q") },
          { id: "r", left: t("r"), right: t("R") },
        ],
      },
      {
        id: "typed",
        type: "short",
        prompt: t("Type"),
        explanation: t("snapshot save"),
        accept: ["etcdctl snapshot save", "snapshot save", "dümenci", "рулевой"],
      },
    ],
  }),
};

const key = (question: string, role: "choice" | "item" | "left" | "right", id: string) => answerKey("demo", question, role, id);
const all = correctAnswers(quiz);
const grade = (answers: unknown) => gradeQuiz(quiz, answers, "en");
const correctOf = (answers: unknown, question: string) => grade(answers).results.find((r) => r.questionId === question)!.correct;
const only = (question: string, answer: unknown) => ({ ...all, [question]: answer });

describe("gradeQuiz", () => {
  it("gives full marks for the correct answers, with explanations in the requested locale", () => {
    const result = gradeQuiz(quiz, all, "ru");
    expect(result).toMatchObject({ score: 5, maxScore: 5, required: 3, passed: true });
    expect(result.results.map((r) => r.explanation)).toEqual(quiz.questions.map((q) => q.explanation.ru));
  });

  it("reports the correct answer of every question, in public keys", () => {
    const correct = Object.fromEntries(grade({}).results.map((r) => [r.questionId, r.correctAnswer]));
    expect(correct).toEqual({
      one: { type: "single", choice: key("one", "choice", "a") },
      many: { type: "multiple", choices: [key("many", "choice", "a"), key("many", "choice", "b")] },
      order: { type: "ordering", order: ["x", "y", "z"].map((id) => key("order", "item", id)) },
      match: { type: "matching", pairs: Object.fromEntries(["p", "q", "r"].map((id) => [key("match", "left", id), key("match", "right", id)])) },
      typed: { type: "short", accepted: "etcdctl snapshot save" },
    });
  });

  it("single: only the one correct choice", () => {
    expect(correctOf(only("one", key("one", "choice", "a")), "one")).toBe(true);
    expect(correctOf(only("one", key("one", "choice", "b")), "one")).toBe(false);
    // The content id is not the public key: a guess at ids earns nothing.
    expect(correctOf(only("one", "a"), "one")).toBe(false);
    expect(correctOf(only("one", [key("one", "choice", "a")]), "one")).toBe(false);
    expect(correctOf(only("one", "k-forged"), "one")).toBe(false);
  });

  it("multiple: exactly the correct set, in any order", () => {
    const [a, b, c] = ["a", "b", "c"].map((id) => key("many", "choice", id));
    expect(correctOf(only("many", [b, a]), "many")).toBe(true);
    expect(correctOf(only("many", [a]), "many")).toBe(false);
    expect(correctOf(only("many", [a, b, c]), "many")).toBe(false);
    expect(correctOf(only("many", [a, a]), "many")).toBe(false);
    expect(correctOf(only("many", [a, b, b]), "many")).toBe(false);
    expect(correctOf(only("many", [a, "forged"]), "many")).toBe(false);
    expect(correctOf(only("many", []), "many")).toBe(false);
    expect(correctOf(only("many", a), "many")).toBe(false);
  });

  it("ordering: the exact order", () => {
    const [x, y, z] = ["x", "y", "z"].map((id) => key("order", "item", id));
    expect(correctOf(only("order", [x, y, z]), "order")).toBe(true);
    expect(correctOf(only("order", [y, x, z]), "order")).toBe(false);
    expect(correctOf(only("order", [x, y]), "order")).toBe(false);
    expect(correctOf(only("order", [x, y, z, "extra"]), "order")).toBe(false);
    expect(correctOf(only("order", [x, x, z]), "order")).toBe(false);
    expect(correctOf(only("order", { 0: x, 1: y, 2: z }), "order")).toBe(false);
  });

  it("matching: every left paired with its right, and nothing else", () => {
    const left = (id: string) => key("match", "left", id);
    const right = (id: string) => key("match", "right", id);
    expect(correctOf(only("match", { [left("r")]: right("r"), [left("p")]: right("p"), [left("q")]: right("q") }), "match")).toBe(true);
    expect(correctOf(only("match", { [left("p")]: right("q"), [left("q")]: right("p"), [left("r")]: right("r") }), "match")).toBe(false);
    expect(correctOf(only("match", { [left("p")]: right("p"), [left("q")]: right("q") }), "match")).toBe(false);
    expect(
      correctOf(only("match", { [left("p")]: right("p"), [left("q")]: right("q"), [left("r")]: right("r"), forged: right("r") }), "match"),
    ).toBe(false);
    // Pairing by content id, or the left key with itself, must not work.
    expect(correctOf(only("match", { p: "p", q: "q", r: "r" }), "match")).toBe(false);
    expect(correctOf(only("match", { [left("p")]: left("p"), [left("q")]: left("q"), [left("r")]: left("r") }), "match")).toBe(false);
    expect(correctOf(only("match", [right("p"), right("q"), right("r")]), "match")).toBe(false);
    expect(correctOf(only("match", { [left("p")]: 1, [left("q")]: right("q"), [left("r")]: right("r") }), "match")).toBe(false);
  });

  it("short: any accepted form, ignoring case, spacing and surrounding quotes or backticks", () => {
    for (const typed of ["snapshot save", "  Snapshot   SAVE ", "`etcdctl snapshot save`", '"snapshot save"', "'snapshot save'", "«рулевой»", "“snapshot save”", "DÜMENCİ", "Рулевой"]) {
      expect(correctOf(only("typed", typed), "typed"), typed).toBe(true);
    }
    for (const typed of ["snapshot", "snapshot saved", "save snapshot", "", "   ", "``"]) {
      expect(correctOf(only("typed", typed), "typed"), typed).toBe(false);
    }
    expect(correctOf(only("typed", ["snapshot save"]), "typed")).toBe(false);
    expect(correctOf(only("typed", { 0: "snapshot save" }), "typed")).toBe(false);
  });

  it("grades malformed and forged submissions as wrong and never throws", () => {
    for (const answers of [undefined, null, 42, "answers", [], [all], { one: null, many: null, order: null, match: null, typed: null }]) {
      expect(grade(answers), JSON.stringify(answers)).toMatchObject({ score: 0, maxScore: 5, passed: false });
    }
    // JSON.parse makes "__proto__" an own key: it must neither pollute nor answer anything.
    const forged = JSON.parse(`{"__proto__": ${JSON.stringify(all)}, "unknown-question": "x"}`);
    expect(grade(forged).score).toBe(0);
    expect(({} as Record<string, unknown>).one).toBeUndefined();
  });

  it("passes at the pass share, rounding the needed count up", () => {
    expect(grade(only("one", "wrong"))).toMatchObject({ score: 4, passed: true });
    expect(grade({ ...all, one: "wrong", many: [] })).toMatchObject({ score: 3, passed: true });
    expect(grade({ ...all, one: "wrong", many: [], typed: "no" })).toMatchObject({ score: 2, passed: false });
    expect(requiredScore(0.6, 5)).toBe(3);
    expect(requiredScore(0.6, 7)).toBe(5);
    expect(requiredScore(0.5, 7)).toBe(4);
    expect(requiredScore(1, 4)).toBe(4);
    expect(requiredScore(0, 4)).toBe(0);
  });
});

describe("shownShortAnswer", () => {
  it("shows a word in the learner's language when there is one, and commands and numbers as they are", () => {
    const words = ["helmsman", "pilot", "dümenci", "рулевой", "הגאי"];
    expect(locales.map((l) => shownShortAnswer(words, l))).toEqual(["helmsman", "dümenci", "рулевой", "הגאי"]);
    expect(locales.map((l) => shownShortAnswer(["1", "one", "один", "אחד"], l))).toEqual(["1", "1", "1", "1"]);
    expect(shownShortAnswer(["kubectl get pods -n kube-system"], "he")).toBe("kubectl get pods -n kube-system");
  });
});

describe("normalizeShortAnswer", () => {
  it("trims, lower-cases, collapses whitespace and strips surrounding quotes", () => {
    expect(normalizeShortAnswer("  `Kubectl   get\tpods`  ")).toBe("kubectl get pods");
    expect(normalizeShortAnswer('" spec.nodeName "')).toBe("spec.nodename");
    expect(normalizeShortAnswer("ＣＲＩＣＴＬ")).toBe("crictl");
  });
});

describe("the real quizzes", () => {
  it.each(quizIds())("%s: its own correct answers score full marks in every locale", (id) => {
    const real = readQuiz(id);
    for (const locale of locales) {
      const result = gradeQuiz(real, correctAnswers(real), locale);
      expect(result.score, locale).toBe(real.questions.length);
      expect(result.passed).toBe(true);
    }
  });

  it.each(quizIds())("%s: every accepted short answer is accepted", (id) => {
    const real = readQuiz(id);
    for (const question of real.questions) {
      if (question.type !== "short") continue;
      for (const accepted of question.accept) {
        const result = gradeQuiz(real, { [question.id]: accepted }, "en");
        expect(result.results.find((r) => r.questionId === question.id)!.correct, accepted).toBe(true);
      }
    }
  });
});
