import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { publicQuiz } from "@/lib/quiz/public-view";
import type { LoadedQuiz, PublicOption } from "@/lib/quiz/types";
import { correctAnswers } from "@/test/support/quiz";

const textOf = (options: PublicOption[], key: string) => options.find((o) => o.key === key)!.text;

async function keysInOrder(fieldset: Locator): Promise<string[]> {
  return fieldset.locator("li[data-key]").evaluateAll((items) => items.map((item) => item.getAttribute("data-key")!));
}

/**
 * Answers a quiz on the page as a learner would (clicks, keyboard, typing), right except for the
 * single-choice question `wrong`, if given. The page shows the options the server shuffled for
 * the locale; `yourAnswer` is the label of a short answer's field in that locale.
 */
export async function answerQuiz(page: Page, form: Locator, quiz: LoadedQuiz, locale: Locale, yourAnswer: string, wrong?: string) {
  const view = publicQuiz(quiz, locale);
  const correct = correctAnswers(quiz);
  for (const question of view.questions) {
    const fieldset = form.locator(`fieldset[data-question="${question.id}"]`);
    const answer = correct[question.id]!;
    switch (question.type) {
      case "single": {
        const key = question.id === wrong ? question.choices.find((c) => c.key !== answer)!.key : (answer as string);
        await fieldset.getByRole("radio", { name: textOf(question.choices, key), exact: true }).check();
        break;
      }
      case "multiple":
        for (const key of answer as string[]) await fieldset.getByRole("checkbox", { name: textOf(question.choices, key), exact: true }).check();
        break;
      case "ordering": {
        // Keyboard only: focus an item's "up" button and press Enter; the focus follows the item.
        const target = answer as string[];
        for (let i = 0; i < target.length; i++) {
          const key = target[i]!;
          const from = (await keysInOrder(fieldset)).indexOf(key);
          if (from === i) continue;
          await fieldset.locator(`li[data-key="${key}"] button`).first().focus();
          for (let step = from; step > i; step--) {
            await page.keyboard.press("Enter");
            await expect.poll(() => page.evaluate(() => document.activeElement?.closest("li")?.getAttribute("data-key"))).toBe(key);
          }
        }
        expect(await keysInOrder(fieldset)).toEqual(target);
        break;
      }
      case "matching":
        for (const [left, right] of Object.entries(answer as Record<string, string>)) {
          await fieldset.getByLabel(textOf(question.left, left), { exact: true }).selectOption({ label: textOf(question.right, right) });
        }
        break;
      case "short":
        await fieldset.getByLabel(yourAnswer).fill(` «${(answer as string).toUpperCase()}» `);
        break;
    }
  }
}
