import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { readQuiz } from "@/test/support/quiz";
import { useBrowser } from "./support/browser";
import { answerQuiz } from "./support/quiz";

const COURSE = "kubernetes-from-the-inside";
const quiz = readQuiz("etcd");
// The one question the learner gets wrong.
const WRONG = "lost-quorum";

describe("a lesson's quiz", () => {
  const browser = useBrowser();

  it("in Russian: answered with one mistake, marks that question wrong with its explanation and shows the score", async () => {
    const page = await browser.newPage({ locale: "ru-RU" });
    await page.goto(`/ru/courses/${COURSE}/etcd`);
    const form = page.locator('[data-testid="quiz"][data-ready]');
    await form.waitFor();

    // The page shows the same shuffled options the server computes, in Russian.
    await answerQuiz(page, form, quiz, "ru", "Ваш ответ", WRONG);

    await form.getByRole("button", { name: "Проверить ответы" }).click();
    const summary = page.getByTestId("quiz-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("Верно: 6 из 7 вопросов");
    expect(await summary.textContent()).toContain("Урок отмечен как завершённый");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("quiz-summary");

    const wrong = form.locator(`fieldset[data-question="${WRONG}"]`);
    expect(await wrong.getAttribute("data-result")).toBe("incorrect");
    const feedback = await wrong.getByTestId("quiz-feedback").textContent();
    expect(feedback).toContain("Неверно");
    expect(feedback).toContain(quiz.questions.find((q) => q.id === WRONG)!.explanation.ru);
    const rightChoice = quiz.questions.find((q) => q.id === WRONG)!;
    expect(feedback).toContain(rightChoice.type === "single" ? rightChoice.choices.find((c) => c.correct)!.text.ru : "?");
    expect(await form.locator('fieldset[data-result="correct"]').count()).toBe(6);

    // The learner is this browser: an httpOnly, SameSite=Lax cookie, and the attempt is stored.
    const cookie = (await page.context().cookies()).find((c) => c.name === "kubeclass_anon");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const db = createPrismaClient(inject("databaseUrl"));
    try {
      const attempt = await db.quizAttempt.findFirstOrThrow({
        where: { quizId: "etcd", locale: "ru", score: 6 },
        orderBy: { submittedAt: "desc" },
        select: { userId: true, maxScore: true, user: { select: { email: true } } },
      });
      expect(attempt).toMatchObject({ maxScore: 7, user: { email: null } });
      const progress = await db.lessonProgress.findUniqueOrThrow({
        where: { userId_course_lesson: { userId: attempt.userId, course: COURSE, lesson: "etcd" } },
        select: { completedAt: true },
      });
      expect(progress.completedAt).not.toBeNull();
    } finally {
      await db.$disconnect();
    }

    // Try again: a clean form, the focus back at the quiz's heading.
    await form.getByRole("button", { name: "Попробовать ещё раз" }).click();
    await expect.poll(() => page.getByTestId("quiz-summary").count()).toBe(0);
    expect(await form.locator("fieldset[data-result]").count()).toBe(0);
    expect(await form.locator("input:checked").count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H3");

    // The learner's progress page has the score, in Russian, and the lesson as read.
    await page.getByTestId("account-menu").getByRole("link", { name: "Мой прогресс" }).click();
    await page.waitForURL("**/ru/dashboard");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ваш прогресс в этом браузере");
    const row = page.locator('[data-testid="lesson-row"][data-lesson="etcd"]');
    expect(await row.getAttribute("data-status")).toBe("completed");
    expect(await row.getByTestId("quiz-score").textContent()).toBe("6 из 7 · пройден · 1 попытка");
    expect(await row.locator("td").first().textContent()).toMatch(/^Прочитан · /);
    expect(await page.getByTestId("course-progress").getByText(/^Прочитано 1 из \d+ уроков$/).count()).toBe(1);
    // Continue where they left off: the lesson after the one just completed.
    expect(await page.getByTestId("continue").getByRole("link").textContent()).toMatch(/^Урок 5: /);
    expect(await page.getByTestId("anonymous-note").getByRole("link", { name: "Создать учётную запись" }).count()).toBe(1);
  });

  it("serves lesson pages whose HTML and page data hold no answer", async () => {
    for (const locale of ["en", "he"] as const) {
      const html = await (await fetch(`${browser.baseURL()}/${locale}/courses/${COURSE}/etcd`)).text();
      // The HTML and the serialized page data escape quotes differently; compare on plain text.
      const plain = html.replace(/\\"/g, '"').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
      expect(plain).toContain('data-quiz="etcd"');
      // (The UI messages have a "correct" key too, with a string value: that one is fine.)
      expect(plain).not.toMatch(/"correct"\s*:\s*(true|false)|"accept"\s*:\s*\[|"explanation"\s*:/);
      for (const question of quiz.questions) {
        expect(plain, question.id).not.toContain(question.explanation[locale]);
        if (question.type === "ordering") {
          const positions = question.items.map((item) => plain.indexOf(item.text[locale]));
          expect(positions.every((p) => p >= 0)).toBe(true);
          expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!), `${question.id} in correct order`).toBe(false);
        }
      }
    }
  });
});
