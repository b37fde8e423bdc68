import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { quizSchema } from "./quiz-schema";

const dir = path.join("content", "quizzes");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();

describe("quiz files", () => {
  it("exist", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s is valid", (file) => {
    const result = quizSchema.safeParse(parse(fs.readFileSync(path.join(dir, file), "utf8")));
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
  });

  it("rejects a single-choice question with two correct answers", () => {
    const t = { en: "x", tr: "x", ru: "x", he: "x" };
    const bad = {
      title: t,
      questions: [{ id: "q", type: "single", prompt: t, explanation: t, choices: [{ id: "a", text: t, correct: true }, { id: "b", text: t, correct: true }] }],
    };
    expect(quizSchema.safeParse(bad).success).toBe(false);
  });

  it("rejects a quiz text missing in one locale", () => {
    const t = { en: "x", tr: "x", ru: "x", he: "x" };
    const { he: _he, ...noHebrew } = t;
    const bad = { title: noHebrew, questions: [{ id: "q", type: "short", prompt: t, explanation: t, accept: ["etcd"] }] };
    expect(quizSchema.safeParse(bad).success).toBe(false);
  });
});
