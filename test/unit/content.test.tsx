import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { locales, type Locale } from "@/lib/i18n/locales";
import { getCourse, listCourses, readLessonSource } from "@/lib/content/catalogue";
import { findContentProblems } from "@/lib/content/check";
import { FIGURE_NAMES, figureProblems, figuresIn, type FigureName } from "@/lib/content/figures";
import { compileLesson, compileMdx, compiledCacheSize } from "@/lib/content/mdx";
import { publicQuizzes } from "@/lib/content/quizzes";
import type { PublicQuiz } from "@/lib/quiz/types";
import { MdxContent } from "@/app/_components/mdx-content";

const decode = (html: string) =>
  html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

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

  // The diagrams the course must show, by lesson; every other lesson has none.
  const expectedFigures: Record<string, FigureName[]> = {
    "the-cluster": ["cluster-architecture"],
    "kube-apiserver": ["apiserver-request-path"],
    etcd: ["etcd-mvcc-revisions", "etcd-raft-quorum"],
    "kube-scheduler": ["scheduler-filter-score"],
    "pods-and-deployments": ["deployment-rollout"],
    "services-and-kube-proxy": ["service-clusterip-nodeport"],
    "pod-networking": ["pod-network-overlay"],
    "docker-networks": ["docker-bridge-macvlan"],
  };

  it("uses known figures, each captioned and described, the same ones in the same order in every locale", async () => {
    const used = new Set<string>();
    for (const course of await listCourses()) {
      for (const lesson of course.lessons) {
        const sources = Object.fromEntries(await Promise.all(locales.map(async (l) => [l, (await readLessonSource(lesson, l)).source] as const)));
        expect(figureProblems(lesson, sources), lesson).toEqual([]);
        for (const locale of locales) {
          const { figures } = figuresIn(sources[locale]!);
          expect(figures.map((f) => f.name), `${lesson}/${locale}`).toEqual(expectedFigures[lesson] ?? []);
          for (const figure of figures) {
            expect(figure.caption!.trim().length, `${lesson}/${locale} ${figure.name} caption`).toBeGreaterThan(10);
            // The description says what the caption does not: what is drawn, for those who cannot see it.
            expect(figure.description!.length, `${lesson}/${locale} ${figure.name} description`).toBeGreaterThan(figure.caption!.length);
          }
          figures.forEach((f) => used.add(f.name!));
        }
      }
    }
    // No drawing is left without a lesson.
    expect([...used].sort()).toEqual([...FIGURE_NAMES].sort());
  });

  it("renders every figure as a left-to-right drawing with the lesson's own caption and description", async () => {
    for (const [lesson, names] of Object.entries(expectedFigures)) {
      for (const locale of locales) {
        const { code, body } = { ...(await compileLesson(lesson, locale)), body: (await readLessonSource(lesson, locale)).body };
        const html = render(locale, code);
        const rendered = [...html.matchAll(/<figure class="diagram" data-figure="([^"]+)">([\s\S]*?)<\/figure>/g)];
        const where = `${lesson}/${locale}`;
        expect(rendered.map((m) => m[1]), where).toEqual(names);
        const written = figuresIn(body).figures;
        rendered.forEach((match, i) => {
          const inner = match[2]!;
          // The drawing sits in a dir="ltr" wrapper, so a Hebrew page does not mirror it.
          const svg = /^<div dir="ltr" class="diagram-canvas" tabindex="0"><svg ([^>]*)><title>([^<]*)<\/title>([\s\S]*?)<\/svg><\/div>/.exec(inner);
          expect(svg, `${where}: ${inner.slice(0, 120)}`).not.toBeNull();
          const [, attributes, title, drawing] = svg!;
          expect(attributes).toMatch(/\bviewBox="0 0 \d+ \d+"/);
          expect(attributes).toContain('role="img"');
          const label = /aria-label="([^"]*)"/.exec(attributes!)?.[1] ?? "";
          expect(decode(label).replace(/[\u2066\u2069]/g, ""), where).toBe(written[i]!.description);
          expect(decode(title!), where).toBe(written[i]!.description);
          // Labels in the drawing are technical and the same in every locale: no Hebrew or Cyrillic.
          const labels = [...drawing!.matchAll(/>([^<]+)</g)].map((m) => m[1]).join(" ");
          expect(labels, where).not.toMatch(/[\u0400-\u04FF\u0590-\u05FF]/);
          // The caption follows the page's direction (no dir of its own) and reads as written.
          const caption = /<figcaption>([\s\S]*)<\/figcaption>$/.exec(inner)?.[1] ?? "";
          expect(decode(caption.replace(/<[^>]+>/g, "")), where).toBe(written[i]!.caption);
        });
      }
    }
  });

  it("isolates Latin terms in a Hebrew caption and keeps the words of a figure whose drawing is unknown", async () => {
    const { code } = await compileLesson("etcd", "he");
    const caption = /data-figure="etcd-raft-quorum">[\s\S]*?<figcaption>([\s\S]*?)<\/figcaption>/.exec(render("he", code))?.[1];
    expect(caption).toContain('<bdi dir="ltr">quorum</bdi>');

    const html = render("en", await compileMdx(`<Figure name="no-such-diagram" caption="The caption." description="What it shows." />\n`));
    expect(html).toBe('<figure class="diagram" data-figure="no-such-diagram"><p>What it shows.</p><figcaption>The caption.</figcaption></figure>');
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
