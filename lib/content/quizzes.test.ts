import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { findContentProblems } from "./check";
import { listQuizIds, loadQuiz, publicQuizzes, QuizFileError, quizIdsIn, requireQuiz } from "./quizzes";

const original = process.env.KUBECLASS_CONTENT_DIR;
afterEach(() => {
  if (original === undefined) delete process.env.KUBECLASS_CONTENT_DIR;
  else process.env.KUBECLASS_CONTENT_DIR = original;
});

function fixture(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-quizzes-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  process.env.KUBECLASS_CONTENT_DIR = dir;
}

const t = "{en: x, tr: x, ru: x, he: x}";
const validQuiz = `title: ${t}\nquestions:\n  - {id: q, type: short, prompt: ${t}, explanation: ${t}, accept: [etcd]}\n`;

describe("loadQuiz", () => {
  it("loads and validates the real quizzes, with defaults applied", async () => {
    const ids = await listQuizIds();
    expect(ids).toContain("etcd");
    const quiz = await loadQuiz("etcd");
    expect(quiz?.id).toBe("etcd");
    expect(quiz?.passScore).toBe(0.6);
  });

  it("returns null for a missing quiz and for ids that are not slugs", async () => {
    expect(await loadQuiz("no-such-quiz")).toBeNull();
    expect(await loadQuiz("../messages/en")).toBeNull();
    expect(await loadQuiz("")).toBeNull();
    await expect(requireQuiz("no-such-quiz")).rejects.toBeInstanceOf(QuizFileError);
  });

  it("throws a QuizFileError naming the file and the problems", async () => {
    fixture({
      "quizzes/bad-yaml.yaml": "title: [unclosed\n",
      "quizzes/bad-schema.yaml": `title: ${t}\nquestions:\n  - {id: q, type: single, prompt: ${t}, explanation: ${t}, choices: [{id: a, text: ${t}}, {id: a, text: ${t}, correct: true}]}\n`,
      "quizzes/good.yaml": validQuiz,
    });
    const yamlError = await loadQuiz("bad-yaml").catch((e: unknown) => e);
    expect(yamlError).toBeInstanceOf(QuizFileError);
    expect((yamlError as QuizFileError).message).toMatch(/bad-yaml\.yaml: invalid quiz: not valid YAML/);

    const schemaError = (await loadQuiz("bad-schema").catch((e: unknown) => e)) as QuizFileError;
    expect(schemaError).toBeInstanceOf(QuizFileError);
    expect(schemaError.quizId).toBe("bad-schema");
    expect(schemaError.issues).toEqual(["questions.0: ids must be unique within a question"]);

    expect((await loadQuiz("good"))?.questions).toHaveLength(1);
  });

  it("sees an edited file", async () => {
    fixture({ "quizzes/q.yaml": validQuiz });
    expect((await loadQuiz("q"))?.passScore).toBe(0.6);
    fs.writeFileSync(path.join(process.env.KUBECLASS_CONTENT_DIR!, "quizzes/q.yaml"), `passScore: 1\n${validQuiz}`);
    expect((await loadQuiz("q"))?.passScore).toBe(1);
  });
});

describe("quizIdsIn", () => {
  it("finds every embedded quiz once, in order", () => {
    const mdx = `# Title\n\n<Quiz id="etcd" />\n\ntext <Quiz id='probes'/> and <Quiz\n  id={"etcd"}\n/> <Quizzes id="no" />`;
    expect(quizIdsIn(mdx)).toEqual(["etcd", "probes"]);
    expect(quizIdsIn("no quiz here")).toEqual([]);
  });
});

describe("publicQuizzes", () => {
  it("keys the public views by id and fails for a quiz that does not exist", async () => {
    const views = await publicQuizzes(["etcd"], "he");
    expect(Object.keys(views)).toEqual(["etcd"]);
    expect(views.etcd!.locale).toBe("he");
    await expect(publicQuizzes(["missing"], "en")).rejects.toThrow(/no such quiz/);
  });
});

describe("the content check", () => {
  it("reports a lesson that embeds a missing quiz", async () => {
    const lesson = `---\ntitle: One\ndescription: The first.\nminutes: 3\n---\n\nHello.\n\n<Quiz id="missing" />\n`;
    fixture({
      "courses/c.yaml": `title: ${t}\nsummary: ${t}\nlessons: [one]\n`,
      ...Object.fromEntries(locales.map((l) => [`lessons/one/${l}.mdx`, lesson])),
    });
    const problems = await findContentProblems();
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/one\/en\.mdx: embeds quiz "missing", which does not exist/);
  });
});
