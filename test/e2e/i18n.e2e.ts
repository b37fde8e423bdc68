import { describe, expect, it } from "vitest";
import { useBrowser } from "./support/browser";

const lesson = "/courses/kubernetes-from-the-inside/what-kubernetes-is-for";
const lessonTitles = {
  en: "What Kubernetes is for",
  tr: "Kubernetes ne işe yarar",
  ru: "Зачем нужен Kubernetes",
  he: "בשביל מה צריך Kubernetes",
} as const;

describe("locale routing", () => {
  const browser = useBrowser();

  it("sends / to the browser's language, else to English", async () => {
    for (const [browserLocale, expected] of [["he-IL", "he"], ["ru-RU", "ru"], ["tr-TR", "tr"], ["de-DE", "en"]]) {
      const page = await browser.newPage({ locale: browserLocale });
      await page.goto("/");
      expect(new URL(page.url()).pathname, browserLocale).toBe(`/${expected}`);
    }
  });

  it("redirects / by Accept-Language at the HTTP level", async () => {
    const res = await fetch(`${browser.baseURL()}/`, { headers: { "Accept-Language": "he" }, redirect: "manual" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toMatch(/\/he$/);
  });

  it("marks Hebrew pages right-to-left with the navigation on the right, the others left-to-right", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const locale of ["en", "tr", "ru"]) {
      await page.goto(`/${locale}`);
      expect(await page.getAttribute("html", "dir")).toBe("ltr");
      expect(await page.getAttribute("html", "lang")).toBe(locale);
    }
    await page.goto("/he");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    const nav = (await page.getByTestId("main-nav").boundingBox())!;
    const switcher = (await page.getByTestId("locale-switcher").boundingBox())!;
    expect(nav.x).toBeGreaterThan(640);
    expect(nav.x).toBeGreaterThan(switcher.x);

    await page.goto("/en");
    const enNav = (await page.getByTestId("main-nav").boundingBox())!;
    expect(enNav.x + enNav.width).toBeLessThan(640);
  });

  it("switches language on the same lesson, and the choice is remembered for /", async () => {
    const page = await browser.newPage({ locale: "en-US" });
    await page.goto(`/en${lesson}`);
    await page.getByTestId("locale-switcher").getByRole("link", { name: "Русский" }).click();
    await page.waitForURL(`**/ru${lesson}`);
    await expect.poll(() => page.locator("h1").textContent()).toBe(lessonTitles.ru);
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/ru");
  });

  it("shows a localised not-found page with status 404", async () => {
    const page = await browser.newPage();
    const response = await page.goto("/ru/no-such-page");
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Страница не найдена");
  });
});

describe("lessons", () => {
  const browser = useBrowser();

  it.each(Object.entries(lessonTitles))("renders the lesson in %s with code left-to-right", async (locale, title) => {
    const page = await browser.newPage();
    await page.goto(`/${locale}${lesson}`);
    expect(await page.locator("h1").textContent()).toBe(title);
    const body = page.getByTestId("lesson-body");
    expect(await body.locator("aside.callout").count()).toBe(1);
    const code = body.locator("code").first();
    expect(await code.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
  });

  it("lists the lessons on the course page with previous/next on the lesson", async () => {
    const page = await browser.newPage();
    await page.goto("/tr/courses/kubernetes-from-the-inside");
    await page.getByTestId("lesson-list").getByRole("link").first().click();
    await page.waitForURL(`**/tr${lesson}`);
    expect(await page.locator("h1").textContent()).toBe(lessonTitles.tr);
  });

  it("can be reached with the keyboard: the first Tab lands on the skip link", async () => {
    const page = await browser.newPage();
    await page.goto("/en");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toContain("skip-link");
  });
});
