import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { locales, type Locale } from "@/lib/i18n/locales";
import { compileLesson } from "@/lib/content/mdx";
import { publicQuizzes } from "@/lib/content/quizzes";
import { normalizeShortAnswer } from "@/lib/quiz/grade";
import { MdxContent } from "@/app/_components/mdx-content";
import { Quiz } from "@/app/_components/quiz";
import { quizIds, readQuiz } from "@/test/support/quiz";

const messagesOf = (locale: Locale) => JSON.parse(fs.readFileSync(path.join("content", "messages", `${locale}.json`), "utf8"));

async function renderLesson(lesson: string, locale: Locale): Promise<string> {
  const { code, quizIds: embedded } = await compileLesson(lesson, locale);
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} messages={messagesOf(locale)} timeZone="UTC">
      <MdxContent code={code} quizzes={await publicQuizzes(embedded, locale)} />
    </NextIntlClientProvider>,
  );
}

const decode = (html: string) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The markup between `start` and the first `end` after it. */
function slice(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  return html.slice(from, html.indexOf(end, from) + end.length);
}

describe("a lesson page's quiz", () => {
  it.each(quizIds())("%s: the rendered HTML holds no answer in any locale", async (id) => {
    const quiz = readQuiz(id);
    for (const locale of locales) {
      const html = decode(await renderLesson(id, locale));
      const section = slice(html, '<section class="quiz"', "</section>");
      expect(section).not.toMatch(/data-correct|\bcorrect="/);
      for (const question of quiz.questions) {
        expect(html, `${question.id} explanation (${locale})`).not.toContain(question.explanation[locale]);
        const fieldset = slice(section, `data-question="${question.id}"`, "</fieldset>");
        if (question.type === "ordering") {
          // The items appear, but never in the correct sequence.
          const positions = question.items.map((item) => fieldset.indexOf(item.text[locale]));
          expect(positions.every((p) => p >= 0)).toBe(true);
          expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!), `${question.id} (${locale}) in correct order`).toBe(false);
        }
        if (question.type === "matching") {
          // Only the "choose" placeholder is preselected, so nothing pairs the two sides up.
          expect(fieldset.match(/<option value="" selected="">/g)).toHaveLength(question.pairs.length);
          expect(fieldset).not.toMatch(/<option value="[^"]+" selected/);
        }
        if (question.type === "short") {
          const text = normalizeShortAnswer(section.replace(/<[^>]+>/g, " "));
          // One- to four-character forms ("1", "one") occur in any text; longer ones would be a hint.
          const leaked = question.accept.map(normalizeShortAnswer).filter((a) => a.length > 4 && text.includes(a));
          expect(leaked, `${question.id} (${locale})`).toEqual([]);
        }
      }
    }
  });

  it("renders each question type accessibly: fieldset and legend, radios, checkboxes, move buttons, labelled selects and input", async () => {
    const html = decode(await renderLesson("etcd", "ru"));
    const section = slice(html, '<section class="quiz"', "</section>");
    const quiz = readQuiz("etcd");
    expect(section.match(/<fieldset/g)).toHaveLength(quiz.questions.length);
    expect(section.match(/<legend/g)).toHaveLength(quiz.questions.length);
    expect(section).toContain("Вопрос 1 из 7");
    expect(section).toMatch(/<input type="checkbox"/);
    expect(section).toMatch(/<input type="radio"/);
    // Ordering: two buttons per item, the first item's "up" and the last item's "down" disabled.
    const ordering = slice(section, 'data-question="raft-write"', "</fieldset>");
    expect(ordering.match(/<button type="button"/g)).toHaveLength(8);
    expect(ordering.match(/aria-label="Переместить вверх: /g)).toHaveLength(4);
    expect(ordering.match(/disabled=""/g)).toHaveLength(2);
    // Matching: one labelled select per left-hand term.
    const matching = slice(section, 'data-question="etcd-terms"', "</fieldset>");
    const selects = [...matching.matchAll(/<select id="([^"]+)"/g)].map((m) => m[1]);
    expect(selects).toHaveLength(4);
    for (const id of selects) expect(matching).toContain(`<label for="${id}"`);
    // Short answer: a labelled text input whose direction follows what is typed.
    const short = slice(section, 'data-question="backup-command"', "</fieldset>");
    expect(short).toMatch(/<label for="([^"]+)"[^>]*>Ваш ответ<\/label><input id="\1" type="text" dir="auto"/);
    expect(section).toContain(">Проверить ответы</button>");
  });

  it("keeps commands and Latin-only texts left-to-right on Hebrew pages, and Hebrew in the page's direction", async () => {
    const html = decode(await renderLesson("kube-apiserver", "he"));
    const section = slice(html, '<section class="quiz"', "</section>");
    expect(section).toContain('<span dir="ltr">error: You must be logged in to the server (Unauthorized)</span>');
    expect(section).not.toContain('<span dir="ltr">שרת');
    // Inside a Hebrew sentence, the command and the flag are isolated; the parenthesis is not.
    expect(section).toContain('מה <span dir="ltr">kubectl get pods</span> שולח לאשכול בפועל? (<span dir="ltr">-v=6</span> מראה את זה.)');
  });

  it("says so when the page did not provide the quiz", () => {
    const html = renderToStaticMarkup(
      <NextIntlClientProvider locale="en" messages={messagesOf("en")} timeZone="UTC">
        <Quiz id="no-such-quiz" />
      </NextIntlClientProvider>,
    );
    expect(html).toContain("This quiz is not available.");
  });
});
