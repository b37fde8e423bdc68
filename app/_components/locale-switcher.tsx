"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { locales, localeNames } from "@/lib/i18n/locales";

/** Links to the current page in every locale: the learner stays where they are. */
export function LocaleSwitcher() {
  const t = useTranslations("LocaleSwitcher");
  const current = useLocale();
  const pathname = usePathname();

  return (
    <nav aria-label={t("label")} data-testid="locale-switcher">
      <ul className="flex flex-wrap items-center gap-1 text-sm">
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              // The current path without its locale prefix, under another locale.
              href={pathname}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              className="locale-link"
            >
              {localeNames[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
