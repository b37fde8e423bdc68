import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { loadLab } from "@/lib/labs/load";
import { scriptLines } from "@/lib/labs/script";
import { parseCsv } from "@/lib/reports/csv";
import { readQuiz } from "@/test/support/quiz";
import { useBrowser } from "./support/browser";
import { answerQuiz } from "./support/quiz";

const COURSE = "kubernetes-from-the-inside";
const LAB = "docker-macvlan-network";
const lab = loadLab(LAB)!;
const quiz = readQuiz("etcd");
const he = JSON.parse(fs.readFileSync("content/messages/he.json", "utf8"));

async function terminalText(page: Page): Promise<string> {
  return (await page.locator(".xterm-rows").innerText()).replace(/\u00a0/g, " ");
}

/** Types one line into the lab's terminal and waits for the sandbox's answer to it. */
async function type(page: Page, line: string) {
  await page.locator(".xterm-helper-textarea").focus();
  await page.keyboard.type(line);
  const answered = page.waitForResponse((r) => r.url().includes("/exec") && r.request().method() === "POST");
  await page.keyboard.press("Enter");
  expect((await answered).status()).toBe(200);
}

describe("accounts, cohorts and the instructor dashboard", () => {
  const browser = useBrowser();

  it("a learner signs up in Hebrew, joins the cohort, passes a quiz and a lab; the instructor sees it, replays it and exports it", async () => {
    const name = "מיכל כהן";
    const email = `michal.${Date.now()}@example.com`;
    const password = "ssh-and-kubectl-forever";

    // --- The learner, in Hebrew.
    const learner = await browser.newPage({ locale: "he-IL", viewport: { width: 1440, height: 1000 } });
    await learner.goto("/he/signup");
    expect(await learner.locator("html").getAttribute("dir")).toBe("rtl");
    await learner.getByLabel(he.Auth.name).fill(name);
    await learner.getByLabel(he.Auth.email).fill(email);
    const passwordField = learner.getByLabel(he.Auth.password);
    // Email and password read left to right inside the right-to-left form.
    expect(await passwordField.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
    await passwordField.fill("short");
    await learner.getByRole("button", { name: he.Auth.submitSignUp }).click();
    // A refused password: the field says why, tied to it, and has the focus; the name stays.
    await expect.poll(() => passwordField.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await passwordField.getAttribute("aria-describedby"))!.split(" ");
    const error = learner.locator(`[id="${describedBy.at(-1)}"]`);
    expect(await error.textContent()).toBe("לפחות 10 תווים.");
    await expect.poll(() => passwordField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await learner.getByLabel(he.Auth.name).inputValue()).toBe(name);

    await passwordField.fill(password);
    await learner.getByRole("button", { name: he.Auth.submitSignUp }).click();
    await learner.waitForURL("**/he/dashboard");
    await expect.poll(() => learner.getByRole("heading", { level: 1 }).textContent()).toBe(`שלום, ${name}`);
    const session = (await learner.context().cookies()).find((c) => c.name === "kubeclass_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    // Joining the demo cohort with its code, typed as it was heard.
    await learner.getByLabel(he.Cohorts.inviteCode).fill(" demo-k8s ");
    await learner.getByRole("button", { name: he.Cohorts.join }).click();
    await expect.poll(() => learner.getByTestId("join-status").textContent()).toBe("הצטרפתם לקבוצה Demo cohort.");
    await expect.poll(() => learner.getByTestId("my-cohorts").textContent()).toContain("Demo cohort");

    // A quiz, all right.
    await learner.goto(`/he/courses/${COURSE}/etcd`);
    const form = learner.locator('[data-testid="quiz"][data-ready]');
    await form.waitFor();
    await answerQuiz(learner, form, quiz, "he", he.Quiz.yourAnswer);
    await form.getByRole("button", { name: he.Quiz.submit }).click();
    await expect.poll(() => learner.getByTestId("quiz-summary").getAttribute("data-passed")).toBe("true");

    // A lab, typed into its terminal.
    await learner.goto(`/he/labs/${LAB}`);
    await learner.locator(".xterm-helper-textarea").waitFor();
    await expect.poll(() => terminalText(learner), { timeout: 20_000 }).toContain("[thor@jump_host ~]$");
    for (const line of scriptLines(lab.solution)) await type(learner, line);
    await learner.getByTestId("lab-complete").waitFor({ timeout: 15_000 });

    // Her own progress page says so.
    await learner.goto("/he/dashboard");
    expect(await learner.locator(`[data-testid="lab-row"][data-lab="${LAB}"]`).getAttribute("data-status")).toBe("completed");
    expect(await learner.locator('[data-testid="lesson-row"][data-lesson="etcd"]').getByTestId("quiz-score").textContent()).toMatch(/^7 מתוך 7 · עבר/);

    const db = createPrismaClient(inject("databaseUrl"));
    let learnerId: string;
    let commands: string[];
    try {
      const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, locale: true } });
      expect(user.locale).toBe("he");
      learnerId = user.id;
      const sandbox = await db.sandboxSession.findFirstOrThrow({ where: { ownerId: learnerId, labId: LAB }, select: { commands: { orderBy: { seq: "asc" }, select: { command: true } } } });
      commands = sandbox.commands.map((c) => c.command);
    } finally {
      await db.$disconnect();
    }
    expect(commands).toEqual(scriptLines(lab.solution));

    // --- The instructor, in English.
    const instructor = await browser.newPage({ locale: "en-US", viewport: { width: 1440, height: 1000 } });
    await instructor.goto("/en/signin");
    await instructor.getByLabel("Email").fill("instructor@example.com");
    await instructor.getByLabel("Password").fill("kubeclass-demo");
    await instructor.getByRole("button", { name: "Sign in" }).click();
    await instructor.waitForURL("**/en/instructor");
    await instructor.getByRole("link", { name: "Demo cohort" }).click();
    await instructor.waitForURL("**/en/instructor/cohorts/**");

    const row = instructor.locator(`[data-testid="matrix-row"][data-learner="${learnerId}"]`);
    expect(await row.getByRole("rowheader").getByRole("link").textContent()).toBe(name);
    const etcd = row.locator('td[data-lesson="etcd"]');
    expect(await etcd.getAttribute("data-status")).toBe("completed");
    expect(await etcd.getAttribute("data-quiz")).toBe("7/7");
    expect(await row.locator(`td[data-lab="${LAB}"]`).getAttribute("data-status")).toBe("completed");
    expect(await row.locator('td[data-lesson="probes"]').getAttribute("data-status")).toBe("none");
    // The demo learners are there too, with their own progress.
    expect(await instructor.locator('[data-testid="matrix-row"]').count()).toBe(4);
    expect(await instructor.locator(`[data-testid="funnel"][data-lab="${LAB}"]`).count()).toBe(1);

    // The CSV of the matrix: a row per learner, hers with the quiz and the lab.
    const [download] = await Promise.all([instructor.waitForEvent("download"), instructor.locator('[data-export="matrix.csv"]').click()]);
    expect(download.suggestedFilename()).toBe("Demo-cohort-matrix.csv");
    const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const [header, ...rows] = parseCsv(text);
    expect(rows.map((r) => r[1]).sort()).toEqual(["ayse@example.com", "dmitri@example.com", email, "noa@example.com"].sort());
    const hers = rows.find((r) => r[1] === email)!;
    expect(hers[0]).toBe(name);
    expect(hers[header!.indexOf("Lesson etcd")]).toBe("completed");
    expect(hers[header!.findIndex((h) => h.startsWith("Quiz etcd "))]).toBe("7");
    expect(hers[header!.indexOf(`Lab ${LAB}`)]).toBe("completed");
    expect(hers[header!.indexOf(`Lab ${LAB}: hints`)]).toBe("0");
    expect(Number(hers[header!.indexOf("Labs completed")])).toBe(1);

    // Her page, then the replay of her lab sandbox, step by step.
    await row.getByRole("rowheader").getByRole("link").click();
    await instructor.waitForURL(`**/learners/${learnerId}`);
    expect(await instructor.locator('[data-testid="quiz-attempt"][data-quiz="etcd"]').count()).toBe(1);
    const attempt = instructor.locator(`[data-testid="lab-attempt"][data-lab="${LAB}"]`);
    expect(await attempt.getByTestId("timeline").locator('li[data-kind="completed"]').count()).toBe(1);
    await attempt.getByTestId("replay-link").click();
    await instructor.waitForURL("**/sandboxes/**");

    const replay = instructor.getByTestId("replay");
    const status = instructor.getByTestId("replay-status");
    expect(await status.textContent()).toBe(`Before the first command (${commands.length} commands in all)`);
    const shown = await instructor.getByTestId("replay-commands").locator("button").allTextContents();
    expect(shown).toHaveLength(commands.length);
    expect(shown[0]).toMatch(/ssh tony@stapp01$/);
    // The passwords she typed are not shown.
    expect(shown[1]).toMatch(/••••••$/);
    expect(shown.join("\n")).not.toContain("Ir0nM@n");
    const create = commands.findIndex((c) => c.startsWith("docker network create -d macvlan")) + 1;
    const network = instructor.locator('[data-testid="diagram"] [data-network="news"]');
    for (let step = 1; step <= create; step++) {
      await instructor.getByRole("button", { name: "Next", exact: true }).click();
      await expect.poll(() => status.textContent()).toBe(`Command ${step} of ${commands.length}`);
      await expect.poll(() => replay.getAttribute("data-loading")).toBeNull();
      expect(await instructor.getByTestId("replay-output").textContent()).toContain(step === 2 || step === 4 ? "••••••" : commands[step - 1]);
      // The network appears in the rebuilt cluster at the step that created it, not before.
      expect(await network.count()).toBe(step >= create ? 1 : 0);
    }
    await instructor.getByRole("button", { name: "Previous" }).click();
    await expect.poll(() => network.count()).toBe(0);
    await instructor.getByRole("button", { name: "Last" }).click();
    await expect.poll(() => status.textContent()).toBe(`Command ${commands.length} of ${commands.length}`);
    expect(await instructor.getByTestId("replay-output").textContent()).toMatch(/172\.29\.0\.\d+/);

    // A learner cannot open any of this, not even the page of her own drill-down.
    expect((await learner.request.get(instructor.url())).status()).toBe(404);
    const cohortId = /\/cohorts\/([^/]+)\//.exec(instructor.url())![1];
    expect((await learner.request.get(`/api/cohorts/${cohortId}/exports/matrix.csv`)).status()).toBe(403);
  });
});
