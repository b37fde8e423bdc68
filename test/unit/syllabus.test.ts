// Every topic of the source notes is taught: content/syllabus.yaml names each topic's lesson, and
// that lesson's topics.yaml lists terms which must appear in its text in every locale.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";

type Syllabus = { topics: { id: string; lesson: string }[] };
type Topics = { topics: Record<string, Record<string, string[]>> };

const syllabus = parse(fs.readFileSync(path.join("content", "syllabus.yaml"), "utf8")) as Syllabus;
const course = parse(fs.readFileSync(path.join("content", "courses", "kubernetes-from-the-inside.yaml"), "utf8")) as { lessons: string[] };

function lessonText(slug: string, locale: string): string {
  return fs.readFileSync(path.join("content", "lessons", slug, `${locale}.mdx`), "utf8").toLocaleLowerCase(locale);
}

function topicsOf(slug: string): Topics["topics"] {
  const file = path.join("content", "lessons", slug, "topics.yaml");
  return fs.existsSync(file) ? (parse(fs.readFileSync(file, "utf8")) as Topics).topics : {};
}

describe("the syllabus", () => {
  it("assigns every topic to a lesson of the course", () => {
    expect(syllabus.topics.filter((t) => !course.lessons.includes(t.lesson))).toEqual([]);
  });

  it.each(syllabus.topics.map((t) => [t.id, t.lesson]))("%s is taught in %s, in every locale", (id, lesson) => {
    const terms = topicsOf(lesson)[id];
    expect(terms, `${lesson}/topics.yaml lacks ${id}`).toBeDefined();
    const missing: string[] = [];
    for (const locale of locales) {
      const list = terms![locale] ?? [];
      if (list.length === 0) missing.push(`${locale}: no terms`);
      const text = lessonText(lesson, locale);
      for (const term of list.map(String)) if (!text.includes(term.toLocaleLowerCase(locale))) missing.push(`${locale}: "${term}"`);
    }
    expect(missing).toEqual([]);
  });
});
