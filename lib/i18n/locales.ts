// Plain data about the course languages, safe to import anywhere (server, client, tests).

export const locales = ["en", "tr", "ru", "he"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Writing direction per locale: Hebrew pages are right-to-left. */
export const localeDirection: Record<Locale, "ltr" | "rtl"> = {
  en: "ltr",
  tr: "ltr",
  ru: "ltr",
  he: "rtl",
};

/** Each language's name in itself, for the switcher. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  tr: "Türkçe",
  ru: "Русский",
  he: "עברית",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
