import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { createPrismaClient } from "@/lib/db/client";
import { loadLab } from "@/lib/labs/load";
import { scriptLines } from "@/lib/labs/script";
import { useBrowser } from "./support/browser";

const LAB = "docker-macvlan-network";
const lab = loadLab(LAB)!;

async function terminalText(page: Page): Promise<string> {
  return (await page.locator(".xterm-rows").innerText()).replace(/\u00a0/g, " ");
}

/** Types one line into the terminal and waits for the sandbox's answer to it. */
async function type(page: Page, line: string) {
  await page.locator(".xterm-helper-textarea").focus();
  await page.keyboard.type(line);
  const answered = page.waitForResponse((r) => r.url().includes("/exec") && r.request().method() === "POST");
  await page.keyboard.press("Enter");
  expect((await answered).status()).toBe(200);
}

const task = (page: Page, id: string) => page.locator(`[data-testid="checklist"] > li[data-task="${id}"]`);

describe("a graded lab", () => {
  const browser = useBrowser();

  it("in Turkish: typing lab 1's solution turns every task green; removing the network turns its task back", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto("/tr/labs");
    await page.getByRole("link", { name: lab.title.tr }).click();
    await page.waitForURL(`**/tr/labs/${LAB}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("tr");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(lab.title.tr);

    // The terminal opens on the jump host; the checklist starts with nothing done.
    await page.locator(".xterm-helper-textarea").waitFor();
    await expect.poll(() => terminalText(page), { timeout: 20_000 }).toContain("[thor@jump_host ~]$");
    expect(await page.getByTestId("checklist").evaluate((el) => el.tagName)).toBe("OL");
    await expect.poll(() => page.locator('[data-testid="checklist"] > li').allInnerTexts()).toEqual([expect.stringContaining("Henüz tamamlanmadı"), expect.stringContaining("Henüz tamamlanmadı")]);
    expect(await task(page, "create-news").getByTestId("task-message").textContent()).toBe("stapp01 üzerinde news adlı Docker ağı yok.");

    // A hint, shown on request, in Turkish.
    await page.getByRole("button", { name: "Bir ipucu göster" }).first().click();
    await expect.poll(() => page.locator('[data-task="create-news"] [data-testid="hints"]').textContent()).toContain("Atlama sunucusundan");

    // The solution as a learner types it, the password lines too.
    for (const line of scriptLines(lab.solution)) await type(page, line);
    await expect.poll(() => terminalText(page)).toContain("172.29.0.");
    for (const id of ["create-news", "half-range"]) {
      await expect.poll(() => task(page, id).getAttribute("data-status"), { timeout: 10_000 }).toBe("passed");
      expect(await task(page, id).getByTestId("task-status").textContent()).toBe("Tamam");
    }
    expect(await page.getByTestId("lab-progress").textContent()).toBe("2 görevden 2 tanesi tamam");
    await expect.poll(() => page.getByTestId("lab-complete").textContent()).toMatch(/^Laboratuvar 7 komutla \d+ dakikada tamamlandı\.$/);
    await expect.poll(() => page.getByTestId("lab-announcer").textContent()).toContain("laboratuvar tamamlandı");
    expect(await page.getByTestId("lab-announcer").getAttribute("aria-live")).toBe("polite");

    // Breaking the first task turns it back, with the reason.
    await type(page, "docker network rm news");
    await expect.poll(() => task(page, "create-news").getAttribute("data-status"), { timeout: 10_000 }).toBe("failing");
    expect(await task(page, "create-news").getByTestId("task-status").textContent()).toBe("Henüz tamamlanmadı");
    expect(await task(page, "create-news").getByTestId("task-message").textContent()).toBe("stapp01 üzerinde news adlı Docker ağı yok.");
    expect(await task(page, "half-range").getAttribute("data-status")).toBe("passed");
    expect(await page.getByTestId("lab-progress").textContent()).toBe("2 görevden 1 tanesi tamam");
    await expect.poll(() => page.getByTestId("lab-announcer").textContent()).toBe(`Görev artık geçmiyor: ${lab.tasks[0]!.title.tr}.`);

    // The server recorded all of it, whatever the page showed.
    const sandboxId = (await page.getByTestId("lab-workspace").getAttribute("data-sandbox-id"))!;
    const db = createPrismaClient(inject("databaseUrl"));
    try {
      const attempt = await db.labAttempt.findUniqueOrThrow({ where: { sandboxId }, select: { id: true, completedAt: true, commandCount: true, hintsUsed: true } });
      // Completed by the 7th command (ssh and sudo each with their password count once); the
      // last line of the solution came after it.
      expect(attempt).toMatchObject({ commandCount: 7, hintsUsed: 1 });
      expect(attempt.completedAt).not.toBeNull();
      const events = await db.labEvent.findMany({ where: { attemptId: attempt.id }, orderBy: { id: "asc" }, select: { kind: true, taskId: true } });
      expect(events.map((e) => [e.kind, e.taskId])).toEqual([
        ["hint", "create-news"],
        ["task-passed", "create-news"],
        ["task-passed", "half-range"],
        ["completed", null],
        ["task-failed", "create-news"],
      ]);
    } finally {
      await db.$disconnect();
    }

    // The list of labs shows it completed.
    await page.goto("/tr/labs");
    expect(await page.locator(`[data-lab="${LAB}"] [data-testid="lab-status"]`).textContent()).toBe("✓ Tamamlandı");
  });
});
