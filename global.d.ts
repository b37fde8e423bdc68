import type { Locale } from "@/lib/i18n/locales";
import type messages from "@/content/messages/en.json";

// Types next-intl's hooks and getTranslations: unknown keys are compile errors.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
