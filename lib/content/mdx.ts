import "server-only";
import { createHash } from "node:crypto";
import { bundleMDX } from "mdx-bundler";
import type { Locale } from "@/lib/i18n/locales";
import { readLessonSource } from "./catalogue";
import type { LessonFrontmatter } from "./frontmatter";
import { quizIdsIn } from "./quizzes";

/** `quizIds`: the quizzes the lesson embeds, whose public views the page must hand to MdxContent. */
export type CompiledLesson = { code: string; frontmatter: LessonFrontmatter; hash: string; quizIds: string[] };

// Compiled MDX keyed by a hash of the source: an edited lesson compiles again, an unchanged one
// never does, and concurrent requests share one compilation.
const cache = new Map<string, Promise<string>>();
const CACHE_LIMIT = 500;

export function hashSource(source: string): string {
  return createHash("sha256").update(source).digest("hex");
}

/** Compiles an MDX body into the function body `getMDXComponent` expects. */
export async function compileMdx(body: string, file = "lesson.mdx"): Promise<string> {
  const hash = hashSource(body);
  let compiled = cache.get(hash);
  if (!compiled) {
    compiled = bundleMDX({ source: body }).then(
      (result) => result.code,
      (error: unknown) => {
        cache.delete(hash);
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${file}: MDX failed to compile: ${message}`);
      },
    );
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(hash, compiled);
  }
  return compiled;
}

export async function compileLesson(lesson: string, locale: Locale): Promise<CompiledLesson> {
  const { file, body, frontmatter } = await readLessonSource(lesson, locale);
  const code = await compileMdx(body, file);
  return { code, frontmatter, hash: hashSource(body), quizIds: quizIdsIn(body) };
}

/** For tests: how many distinct sources are cached. */
export function compiledCacheSize(): number {
  return cache.size;
}
