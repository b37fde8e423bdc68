import { defineRouting } from "next-intl/routing";
import { defaultLocale, locales } from "./locales";

export const routing = defineRouting({
  locales,
  defaultLocale,
  // Every route carries its locale; `/` picks one from the NEXT_LOCALE cookie, then
  // Accept-Language, then the default.
  localePrefix: "always",
  localeDetection: true,
});
