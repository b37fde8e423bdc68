import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { checkMessage, compareKeys, messageAt, messageKeys } from "@/lib/i18n/message-check";

const load = (locale: string) =>
  JSON.parse(fs.readFileSync(path.join("content", "messages", `${locale}.json`), "utf8"));

const en = load("en");

describe("UI messages", () => {
  it.each(locales.filter((l) => l !== "en"))("%s has exactly the keys of en", (locale) => {
    expect(compareKeys(en, load(locale))).toEqual({ missing: [], extra: [] });
  });

  it.each(locales)("%s: every message parses, keeps its arguments and has the plural forms of its language", (locale) => {
    const messages = load(locale);
    const problems = messageKeys(en).flatMap((key) => {
      const message = messageAt(messages, key);
      return message === undefined ? [] : checkMessage(locale, message, messageAt(en, key)!).map((p) => `${key}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it.each(locales)("%s: no message is empty", (locale) => {
    const messages = load(locale);
    expect(messageKeys(messages).filter((key) => !messageAt(messages, key)?.trim())).toEqual([]);
  });
});

describe("the checks themselves", () => {
  it("report a key removed from one locale", () => {
    const ru = load("ru");
    delete ru.LessonPage.next;
    expect(compareKeys(en, ru).missing).toEqual(["LessonPage.next"]);
  });

  it("report a key only the translation has", () => {
    expect(compareKeys({ A: { b: "x" } }, { A: { b: "x", c: "y" } }).extra).toEqual(["A.c"]);
  });

  it("require Russian one/few/many/other and Hebrew one/two/other", () => {
    const original = "{count, plural, one {# lesson} other {# lessons}}";
    expect(checkMessage("ru", "{count, plural, one {# урок} other {# уроков}}", original)).toEqual([
      "plural {count} lacks few, many",
    ]);
    expect(checkMessage("ru", "{count, plural, one {# урок} few {# урока} many {# уроков} other {# урока}}", original)).toEqual([]);
    expect(checkMessage("he", "{count, plural, one {שיעור} other {# שיעורים}}", original)).toEqual(["plural {count} lacks two"]);
  });

  it("report a lost argument and broken syntax", () => {
    expect(checkMessage("tr", "Ders", "Lesson {number}")).toEqual(["arguments {} differ from the original's {number}"]);
    expect(checkMessage("tr", "Ders {number", "Lesson {number}")[0]).toMatch(/invalid ICU message/);
  });
});
