// Technical terms stay in Latin script in every language: the Russian texts write "Pod" (indeclinable),
// never the loanword "под". Bare "под" cannot be checked here because it is also the preposition
// "under", but its inflected forms can.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { MESSAGES as LAB_MESSAGES } from "@/lib/labs/messages";

const LOANWORD = /(?<![A-Za-zА-Яа-яЁё])(?:поды|пода|подов|подам|подами|подах|поду|подом|поде)(?![A-Za-zА-Яа-яЁё])/giu;

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

function ruValuesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(ruValuesIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => (key === "ru" ? stringsIn(child) : ruValuesIn(child)));
  }
  return [];
}

const yamlFiles = (dir: string) =>
  fs
    .readdirSync(path.join("content", dir))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => path.join("content", dir, name));

function russianTexts(): { file: string; texts: string[] }[] {
  const messages = path.join("content", "messages", "ru.json");
  const lessons = fs
    .readdirSync(path.join("content", "lessons"))
    .map((slug) => path.join("content", "lessons", slug, "ru.mdx"))
    .filter((file) => fs.existsSync(file));
  return [
    { file: messages, texts: stringsIn(JSON.parse(fs.readFileSync(messages, "utf8"))) },
    ...lessons.map((file) => ({ file, texts: [fs.readFileSync(file, "utf8")] })),
    ...[...yamlFiles("quizzes"), ...yamlFiles("labs")].map((file) => ({ file, texts: ruValuesIn(parse(fs.readFileSync(file, "utf8"))) })),
    // The lab checker's own messages.
    { file: path.join("lib", "labs", "messages.ts"), texts: stringsIn(LAB_MESSAGES.ru) },
  ];
}

describe("Russian texts", () => {
  it("find texts to check", () => {
    const sources = russianTexts();
    expect(sources.filter((s) => s.file.endsWith(".mdx")).length).toBeGreaterThan(0);
    expect(sources.filter((s) => s.file.includes(`${path.sep}quizzes${path.sep}`) && s.texts.length > 0).length).toBeGreaterThan(0);
    expect(sources.filter((s) => s.file.includes(`${path.sep}labs${path.sep}`) && s.texts.length > 0).length).toBeGreaterThan(0);
  });

  it('write Pod in Latin script, never the loanword "под" and its forms', () => {
    const offences = russianTexts().flatMap(({ file, texts }) =>
      texts.flatMap((text) => [...text.matchAll(LOANWORD)].map((match) => `${file}: ${match[0]}`)),
    );
    expect(offences).toEqual([]);
  });

  it("recognise the forms as whole words only", () => {
    const found = (text: string) => [...text.matchAll(LOANWORD)].map((m) => m[0]);
    expect(found("Поды и подов, ПОДУ; подами.")).toEqual(["Поды", "подов", "ПОДУ", "подами"]);
    expect(found("под нагрузкой, подключение, подсеть, подробно, подаст, podы, xпода")).toEqual([]);
  });
});
