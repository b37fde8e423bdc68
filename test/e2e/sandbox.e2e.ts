import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/browser";

const lesson = "/courses/kubernetes-from-the-inside/the-cluster";

async function openTerminal(page: Page) {
  await page.getByTestId("sandbox").getByRole("button").first().click();
  await page.locator(".xterm-helper-textarea").waitFor();
  await expect.poll(() => terminalText(page), { timeout: 20_000 }).toContain("root@controlplane:~#");
}

async function terminalText(page: Page): Promise<string> {
  return (await page.locator(".xterm-rows").innerText()).replace(/\u00a0/g, " ");
}

async function type(page: Page, command: string) {
  await page.locator(".xterm-helper-textarea").focus();
  await page.keyboard.type(command);
  await page.keyboard.press("Enter");
}

describe("the sandbox in a lesson", () => {
  const browser = useBrowser();

  it("runs kubectl in a Hebrew lesson, shows pods in the diagram, survives a reload, and is private", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`/he${lesson}`);
    await openTerminal(page);
    // The terminal stays left-to-right inside the right-to-left page.
    expect(await page.getByTestId("terminal").evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");

    await type(page, "kubectl get nodes");
    await expect.poll(() => terminalText(page)).toMatch(/node02\s+Ready/);
    const text = await terminalText(page);
    for (const node of ["controlplane", "node01", "node02"]) expect(text).toMatch(new RegExp(`${node}\\s+Ready`));

    // A Deployment written in the editor and applied.
    await type(page, "vi web.yaml");
    const editor = page.getByTestId("editor");
    await editor.waitFor();
    await editor.locator(".cm-content").click();
    await page.keyboard.insertText(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n",
    );
    await editor.getByRole("button").last().click();
    await editor.waitFor({ state: "detached" });
    await type(page, "kubectl apply -f web.yaml");
    await expect.poll(() => terminalText(page)).toContain("deployment.apps/web created");
    // The diagram shows the pods turning Running as virtual time follows the clock.
    await expect
      .poll(async () => page.locator('[data-testid="diagram"] [data-pod^="web-"][data-phase="Running"]').count(), { timeout: 30_000 })
      .toBe(2);

    // A reload brings back the same sandbox with its history.
    const id = await page.getByTestId("sandbox-panel").getAttribute("data-sandbox-id");
    await page.reload();
    await openTerminal(page);
    expect(await page.getByTestId("sandbox-panel").getAttribute("data-sandbox-id")).toBe(id);
    expect(await terminalText(page)).toContain("deployment.apps/web created");
    await type(page, "kubectl get deploy web --no-headers");
    await expect.poll(() => terminalText(page)).toMatch(/web\s+2\/2\s+2\s+2/);

    // Another browser session cannot use it.
    const stranger = await browser.newPage();
    await stranger.goto(`/en`);
    const response = await stranger.evaluate(async (sandboxId) => {
      const res = await fetch(`/api/sandboxes/${sandboxId}/exec`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ command: "kubectl get pods" }) });
      return { status: res.status, body: await res.json() };
    }, id);
    expect(response.status).toBe(403);
  });
});
