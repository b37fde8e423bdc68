import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { findContentProblems } from "./check";
import { FIGURE_NAMES, figureProblems, figuresIn, isFigureName } from "./figures";

const tag = (name: string, caption = "A caption.", description = "What the picture shows.") =>
  `<Figure\n  name="${name}"\n  caption="${caption}"\n  description="${description}"\n/>`;

const inEveryLocale = (body: string) => Object.fromEntries(locales.map((l) => [l, body]));

describe("figuresIn", () => {
  it("reads multi-line and one-line tags, double and single quotes, in order, with their lines", () => {
    const mdx = `# Title\n\n${tag("etcd-raft-quorum")}\n\nText.\n\n<Figure name='pod-network-overlay' caption='Ç' description="Ш – ש" />\n`;
    const { figures, unreadable } = figuresIn(mdx);
    expect(unreadable).toEqual([]);
    expect(figures).toEqual([
      { name: "etcd-raft-quorum", caption: "A caption.", description: "What the picture shows.", line: 3 },
      { name: "pod-network-overlay", caption: "Ç", description: "Ш – ש", line: 11 },
    ]);
  });

  it("keeps punctuation a caption needs: commas, ≥ and <, arrows, Hebrew and Cyrillic", () => {
    const { figures } = figuresIn(tag("etcd-raft-quorum", "1 < 2 → ✕, שתיים", "Кворум ≥ 2"));
    expect(figures[0]).toMatchObject({ caption: "1 < 2 → ✕, שתיים", description: "Кворум ≥ 2" });
  });

  it("reports tags it cannot read: expressions, children, unclosed", () => {
    const mdx = `<Figure name={"x"} caption="c" description="d" />\n\n<Figure name="x">child</Figure>\n`;
    const { figures, unreadable } = figuresIn(mdx);
    expect(figures).toEqual([]);
    expect(unreadable).toEqual([1, 3]);
  });

  it("ignores other components and prose that mentions figures", () => {
    expect(figuresIn(`<Callout>a Figure here</Callout>\n<Figures />\n`).figures).toEqual([]);
  });
});

describe("figureProblems", () => {
  it("accepts known figures, captioned and described, the same in every locale", () => {
    expect(figureProblems("etcd", inEveryLocale(`${tag("etcd-mvcc-revisions")}\n\n${tag("etcd-raft-quorum")}`))).toEqual([]);
    expect(figureProblems("probes", inEveryLocale("No figures at all.\n"))).toEqual([]);
  });

  it("reports an unknown name, a missing name, an empty caption and a missing description", () => {
    const body = [
      tag("no-such-diagram"),
      `<Figure caption="c" description="d" />`,
      tag("etcd-raft-quorum", "   "),
      `<Figure name="pod-network-overlay" caption="c" />`,
    ].join("\n\n");
    const problems = figureProblems("x", inEveryLocale(body)).filter((p) => p.startsWith("x/en.mdx"));
    expect(problems).toEqual([
      expect.stringMatching(/^x\/en\.mdx:1: unknown figure "no-such-diagram"/),
      "x/en.mdx:7: <Figure> without a name",
      'x/en.mdx:9: figure "etcd-raft-quorum" has no caption',
      'x/en.mdx:15: figure "pod-network-overlay" has no description for screen readers',
    ]);
  });

  it("reports a locale with a missing, an extra or a reordered figure", () => {
    const a = tag("etcd-mvcc-revisions");
    const b = tag("etcd-raft-quorum");
    const bodies = { en: `${a}\n${b}`, tr: `${b}\n${a}`, ru: a, he: `${a}\n${b}\n${b}` };
    expect(figureProblems("etcd", bodies)).toEqual([
      "etcd: figures differ between locales: en has [etcd-mvcc-revisions, etcd-raft-quorum], tr has [etcd-raft-quorum, etcd-mvcc-revisions]",
      "etcd: figures differ between locales: en has [etcd-mvcc-revisions, etcd-raft-quorum], ru has [etcd-mvcc-revisions]",
      "etcd: figures differ between locales: en has [etcd-mvcc-revisions, etcd-raft-quorum], he has [etcd-mvcc-revisions, etcd-raft-quorum, etcd-raft-quorum]",
    ]);
  });

  it("reports an unreadable tag with its line", () => {
    expect(figureProblems("x", inEveryLocale(`Text.\n\n<Figure name={n} caption="c" description="d" />\n`))).toContain(
      "x/en.mdx:3: a <Figure> tag must be self-closing with string attributes only",
    );
  });

  it("knows every name it lists, and nothing else", () => {
    expect(FIGURE_NAMES.every(isFigureName)).toBe(true);
    expect(isFigureName("constructor")).toBe(false);
    expect(isFigureName(undefined)).toBe(false);
  });
});

describe("findContentProblems and figures", () => {
  const original = process.env.KUBECLASS_CONTENT_DIR;
  afterEach(() => {
    if (original === undefined) delete process.env.KUBECLASS_CONTENT_DIR;
    else process.env.KUBECLASS_CONTENT_DIR = original;
  });

  it("reports figure problems with the lesson file's own line numbers", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-figures-"));
    fs.mkdirSync(path.join(dir, "courses"));
    fs.writeFileSync(path.join(dir, "courses", "c.yaml"), `title: {en: T, tr: T, ru: T, he: T}\nsummary: {en: S, tr: S, ru: S, he: S}\nlessons: [one]\n`);
    fs.mkdirSync(path.join(dir, "lessons", "one"), { recursive: true });
    const front = `---\ntitle: One\ndescription: The first.\nminutes: 3\n---\n\n`;
    for (const locale of locales) {
      const figure = locale === "ru" ? tag("etcd-raft-quorum", "") : tag("etcd-raft-quorum");
      fs.writeFileSync(path.join(dir, "lessons", "one", `${locale}.mdx`), `${front}Text.\n\n${figure}\n`);
    }
    process.env.KUBECLASS_CONTENT_DIR = dir;
    expect(await findContentProblems()).toEqual(['one/ru.mdx:9: figure "etcd-raft-quorum" has no caption']);
  });
});
