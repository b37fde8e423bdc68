import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { locales, type Locale } from "@/lib/i18n/locales";
import { getCourse, listCourses } from "@/lib/content/catalogue";
import { findContentProblems } from "@/lib/content/check";
import { compileLesson, compileMdx, compiledCacheSize } from "@/lib/content/mdx";
import { publicQuizzes } from "@/lib/content/quizzes";
import type { PublicQuiz } from "@/lib/quiz/types";
import { MdxContent } from "@/app/_components/mdx-content";

function render(locale: Locale, code: string, quizzes: Record<string, PublicQuiz> = {}) {
  const messages = JSON.parse(fs.readFileSync(path.join("content", "messages", `${locale}.json`), "utf8"));
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <MdxContent code={code} quizzes={quizzes} />
    </NextIntlClientProvider>,
  );
}

describe("the course content", () => {
  it("has no gaps: every lesson of every course exists in every locale with valid frontmatter", async () => {
    expect(await findContentProblems()).toEqual([]);
  });

  it("compiles and renders every lesson in every locale with the MDX components", async () => {
    for (const course of await listCourses()) {
      for (const lesson of course.lessons) {
        for (const locale of locales) {
          const { code, frontmatter, quizIds } = await compileLesson(lesson, locale);
          const html = render(locale, code, await publicQuizzes(quizIds, locale));
          expect(frontmatter.title.length).toBeGreaterThan(0);
          expect(html.length, `${lesson}/${locale}`).toBeGreaterThan(500);
          // Every lesson ends with its own quiz (the quiz's id is the lesson's slug).
          expect(quizIds, `${lesson}/${locale}`).toEqual([lesson]);
          expect(html, `${lesson}/${locale}`).toContain(`data-quiz="${lesson}"`);
        }
      }
    }
  });

  it("renders code left-to-right and callouts with the locale's label", async () => {
    const { code } = await compileLesson("what-kubernetes-is-for", "he");
    const html = render("he", code);
    expect(html).toContain('<code dir="ltr">localhost</code>');
    expect(html).toMatch(/<aside class="callout callout-note" role="note">.*הערה/);
  });
});

describe("the lesson pipeline", () => {
  const original = process.env.KUBECLASS_CONTENT_DIR;
  afterEach(() => {
    if (original === undefined) delete process.env.KUBECLASS_CONTENT_DIR;
    else process.env.KUBECLASS_CONTENT_DIR = original;
  });

  function fixture(files: Record<string, string>) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-content-"));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    process.env.KUBECLASS_CONTENT_DIR = dir;
  }

  const outline = `title: {en: T, tr: T, ru: T, he: T}\nsummary: {en: S, tr: S, ru: S, he: S}\nlessons: [one]\n`;
  const lesson = `---\ntitle: One\ndescription: The first.\nminutes: 3\n---\n\nHello **there**.\n`;

  it("reports a lesson missing in one locale", async () => {
    fixture({
      "courses/c.yaml": outline,
      "lessons/one/en.mdx": lesson,
      "lessons/one/tr.mdx": lesson,
      "lessons/one/he.mdx": lesson,
    });
    const problems = await findContentProblems();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^c: lesson "one" is missing in ru/);
  });

  it("reports invalid frontmatter and an outline without a locale", async () => {
    fixture({
      "courses/c.yaml": outline.replace(", he: T}", "}"),
    });
    expect((await findContentProblems())[0]).toMatch(/invalid course: title.he/);

    fixture({
      "courses/c.yaml": outline,
      ...Object.fromEntries(locales.map((l) => [`lessons/one/${l}.mdx`, lesson.replace("minutes: 3", "minutes: many")])),
    });
    const problems = await findContentProblems();
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/invalid frontmatter: minutes/);
  });

  it("rejects an unknown course slug without touching the file system", async () => {
    expect(await getCourse("../../etc/passwd")).toBeNull();
  });

  it("caches compiled MDX by content hash", async () => {
    const before = compiledCacheSize();
    const a = await compileMdx("# Same text\n");
    const b = await compileMdx("# Same text\n");
    expect(a).toBe(b);
    expect(compiledCacheSize()).toBe(before + 1);
    await compileMdx("# Other text\n");
    expect(compiledCacheSize()).toBe(before + 2);
  });

  it("fails with the file name when MDX does not compile", async () => {
    await expect(compileMdx("<Callout>\n\nunclosed", "broken.mdx")).rejects.toThrow(/broken.mdx: MDX failed to compile/);
  });
});
