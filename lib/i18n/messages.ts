import type { Locale } from "./locales";
import en from "@/content/messages/en.json";
import tr from "@/content/messages/tr.json";
import ru from "@/content/messages/ru.json";
import he from "@/content/messages/he.json";

export type Messages = typeof en;

const all: Record<Locale, Messages> = { en, tr, ru, he };

export async function loadMessages(locale: Locale): Promise<Messages> {
  return all[locale];
}
