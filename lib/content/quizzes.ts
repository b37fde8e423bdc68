import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { Locale } from "@/lib/i18n/locales";
import { publicQuiz } from "@/lib/quiz/public-view";
import type { LoadedQuiz, PublicQuiz } from "@/lib/quiz/types";
import { contentRoot } from "./paths";
import { quizSchema } from "./quiz-schema";

const QUIZ_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A quiz file that exists but cannot be used: unreadable, not YAML, or not a valid quiz. */
export class QuizFileError extends Error {
  override readonly name = "QuizFileError";
  constructor(
    readonly quizId: string,
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`${file}: invalid quiz: ${issues.join("; ")}`);
  }
}

export function quizFile(id: string): string {
  return path.join(contentRoot(), "quizzes", `${id}.yaml`);
}

export async function listQuizIds(): Promise<string[]> {
  const files = await fs.readdir(path.join(contentRoot(), "quizzes")).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -".yaml".length)).sort();
}

// Parsed quizzes keyed by file text: an edited file validates again, an unchanged one never does.
const cache = new Map<string, { text: string; quiz: LoadedQuiz }>();

/**
 * Loads and validates one quiz. Null when there is no such quiz (including ids that are not
 * slugs, which never reach the file system); throws QuizFileError when the file is broken.
 */
export async function loadQuiz(id: string): Promise<LoadedQuiz | null> {
  if (!QUIZ_ID.test(id)) return null;
  const file = quizFile(id);
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new QuizFileError(id, file, [(error as Error).message]);
  }
  const cached = cache.get(file);
  if (cached?.text === text) return cached.quiz;

  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new QuizFileError(id, file, [`not valid YAML: ${(error as Error).message}`]);
  }
  const parsed = quizSchema.safeParse(data);
  if (!parsed.success) {
    throw new QuizFileError(
      id,
      file,
      parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
    );
  }
  const quiz: LoadedQuiz = { id, ...parsed.data };
  cache.set(file, { text, quiz });
  return quiz;
}

/** Like loadQuiz, for content that must exist (a lesson embeds it). */
export async function requireQuiz(id: string): Promise<LoadedQuiz> {
  const quiz = await loadQuiz(id);
  if (!quiz) throw new QuizFileError(id, quizFile(id), ["no such quiz"]);
  return quiz;
}

// `<Quiz id="etcd" />`, also with single quotes or a string expression: id={"etcd"}.
const QUIZ_TAG = /<Quiz\b[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/g;

/** The quiz ids an MDX body embeds, in order of appearance, without repeats. */
export function quizIdsIn(mdx: string): string[] {
  const ids = [...mdx.matchAll(QUIZ_TAG)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
  return [...new Set(ids)];
}

/** The public views of the given quizzes in one locale, keyed by id, for the lesson page. */
export async function publicQuizzes(ids: string[], locale: Locale): Promise<Record<string, PublicQuiz>> {
  const quizzes = await Promise.all(ids.map(requireQuiz));
  return Object.fromEntries(quizzes.map((quiz) => [quiz.id, publicQuiz(quiz, locale)]));
}
