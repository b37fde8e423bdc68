// Compiles and renders lessons by slug in every locale, also ones not in a course outline yet:
//   LESSONS=etcd,probes npx vitest run test/unit/lesson-drafts.test.tsx
// Without LESSONS it checks every lesson folder on disk, so no lesson escapes the checks.
import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { readLessonSource } from "@/lib/content/catalogue";
import { compileMdx } from "@/lib/content/mdx";
import { publicQuizzes, quizIdsIn } from "@/lib/content/quizzes";
import { MdxContent } from "@/app/_components/mdx-content";

const slugs = process.env.LESSONS?.split(",").filter(Boolean) ?? fs.readdirSync(path.join("content", "lessons")).sort();

describe.each(slugs)("lesson %s", (slug) => {
  it.each(locales)("compiles and renders in %s", async (locale) => {
    const { body, file } = await readLessonSource(slug, locale);
    const code = await compileMdx(body, file);
    const quizzes = await publicQuizzes(quizIdsIn(body), locale);
    const messages = JSON.parse(fs.readFileSync(path.join("content", "messages", `${locale}.json`), "utf8"));
    const html = renderToStaticMarkup(
      <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
        <MdxContent code={code} quizzes={quizzes} />
      </NextIntlClientProvider>,
    );
    expect(html.length).toBeGreaterThan(500);
  });
});
