import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./support/browser";

const course = "/courses/kubernetes-from-the-inside";

async function openTerminal(page: Page, prompt: string) {
  await page.getByTestId("sandbox").getByRole("button").first().click();
  await page.locator(".xterm-helper-textarea").waitFor();
  await expect.poll(() => terminalText(page), { timeout: 20_000 }).toContain(prompt);
}

async function terminalText(page: Page): Promise<string> {
  return (await page.locator(".xterm-rows").innerText()).replace(/\u00a0/g, " ");
}

/** Everything on the screen as one string: a long line wraps over rows, this joins them again. */
async function flatText(page: Page): Promise<string> {
  return (await terminalText(page)).replace(/\n/g, "").trimEnd();
}

async function typeText(page: Page, text: string) {
  await page.locator(".xterm-helper-textarea").focus();
  await page.keyboard.type(text);
}

async function type(page: Page, command: string) {
  await typeText(page, command);
  await page.keyboard.press("Enter");
}

describe("the cluster diagram and tab completion", () => {
  const browser = useBrowser();

  it("in Hebrew: tab-completes a Pod's name and explains in Hebrew why the scheduler chose its node", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(`/he${course}/the-cluster`);
    await openTerminal(page, "root@controlplane:~#");

    await type(page, "kubectl create deployment web --image nginx:1.27 --replicas 2 --dry-run=client -o yaml > web.yaml");
    await type(page, "kubectl apply -f web.yaml");
    await expect.poll(() => terminalText(page)).toContain("deployment.apps/web created");

    // The strip replays the apply: the request, its revision, the controllers, the scheduler.
    const strip = page.getByTestId("what-happened");
    await expect.poll(() => strip.locator("code").first().textContent(), { timeout: 20_000 }).toBe("kubectl apply -f web.yaml");
    for (const lane of ["apiserver", "etcd", "controller", "scheduler"]) {
      await expect.poll(() => strip.locator(`[data-lane="${lane}"]`).count(), { timeout: 20_000 }).toBe(1);
    }
    const why = strip.locator('[data-lane="scheduler"] [data-testid="why-node"]').first();
    await why.waitFor();
    const whyText = await why.innerText();
    expect(whyText).toContain("למה דווקא הצומת הזה?");
    expect(whyText).toMatch(/node0[12]\s*עבר את כל המסננים וקיבל את הציון הגבוה ביותר/);
    // Each filter's verdict for each node: the control plane fails on its taint.
    expect(await why.locator('[data-why-node="controlplane"] [data-filter="TaintToleration"]').getAttribute("data-verdict")).toBe("fail");
    expect(await why.locator('[data-why-node="node01"] [data-verdict="pass"]').count()).toBe(7);
    expect(await strip.locator('[data-lane="apiserver"]').innerText()).toContain("יצירת Deployment web");
    // Names stay left-to-right inside the Hebrew sentence.
    expect(await why.locator("bdi[dir=ltr]").first().evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");

    // Tab completion: the two Pods share a prefix; Tab completes it, a second Tab lists both.
    await expect.poll(() => page.locator('[data-testid="diagram"] [data-pod^="web-"]').count(), { timeout: 30_000 }).toBe(2);
    const pods = (await page.locator('[data-testid="diagram"] [data-pod^="web-"]').evaluateAll((els) => els.map((el) => el.getAttribute("data-pod")!))).sort();
    const prefix = pods[0]!.slice(0, pods[0]!.lastIndexOf("-") + 1);
    await typeText(page, "kubectl describe pod we");
    await page.keyboard.press("Tab");
    await expect.poll(() => flatText(page)).toMatch(new RegExp(`root@controlplane:~# kubectl describe pod ${prefix}$`));
    await page.keyboard.press("Tab");
    await expect.poll(() => terminalText(page)).toMatch(new RegExp(`${pods[0]}\\s+${pods[1]}\\s*\\n`));
    // One more letter makes it unique: Tab writes the whole name and a space.
    await typeText(page, pods[0]!.slice(prefix.length, prefix.length + 1));
    await page.keyboard.press("Tab");
    await expect.poll(() => flatText(page)).toMatch(new RegExp(`root@controlplane:~# kubectl describe pod ${pods[0]}$`));
    await page.keyboard.press("Enter");
    // The describe output ends with the Pod's events, the scheduler's among them.
    await expect.poll(() => flatText(page)).toMatch(new RegExp(`Successfully assigned default/${pods[0]} to node0[12]`));
  });

  it("in a data centre: shows the Docker host with the network a command created", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await page.goto(`/en${course}/docker-networks`);
    await openTerminal(page, "[thor@jump_host ~]$");
    // No Kubernetes here: the diagram draws the Docker hosts only.
    const diagram = page.getByTestId("diagram");
    await diagram.getByTestId("docker-hosts").waitFor();
    expect(await diagram.locator("[data-component]").count()).toBe(0);
    expect(await diagram.locator('[data-docker-host="stapp01"] [data-network="news"]').count()).toBe(0);

    // Tab completes the lab's machines after ssh.
    await typeText(page, "ssh tony@stapp0");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    // Six matches share "tony@stapp0": the first Tab cannot add to it, the second lists them.
    await expect.poll(() => terminalText(page)).toContain("tony@stapp03.stratos.xfusioncorp.com");
    await typeText(page, "1");
    await page.keyboard.press("Enter");
    await expect.poll(() => terminalText(page)).toContain("tony@stapp01's password:");
    await type(page, "Ir0nM@n");
    await expect.poll(() => terminalText(page)).toContain("[tony@stapp01 ~]$");
    await type(page, "sudo docker network create -d macvlan --subnet 172.28.0.0/24 --ip-range 172.28.0.1/24 news");
    await expect.poll(() => terminalText(page)).toContain("[sudo] password for tony:");
    await type(page, "Ir0nM@n");

    const network = diagram.locator('[data-docker-host="stapp01"] [data-network="news"]');
    await network.waitFor({ timeout: 20_000 });
    expect(await network.getAttribute("data-driver")).toBe("macvlan");
    expect(await network.innerText()).toContain("172.28.0.0/24");
    // The strip tells which command did it, without the password typed for sudo.
    const docker = page.getByTestId("what-happened").locator('[data-lane="docker"]');
    await expect.poll(() => docker.innerText(), { timeout: 20_000 }).toContain("created network news with driver macvlan");
    expect(await page.getByTestId("what-happened").innerText()).not.toContain("Ir0nM@n");
  });
});
