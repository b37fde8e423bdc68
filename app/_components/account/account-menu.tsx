"use client";

import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { signOutAction } from "@/app/_actions/account";
import { Link, usePathname } from "@/lib/i18n/navigation";

type Me = { signedIn: true; name: string; role: string } | { signedIn: false };

/**
 * The header's account links. It asks /api/me in the browser, so every other page can stay
 * static (reading the cookie on the server would make each page dynamic).
 */
export function AccountMenu() {
  const t = useTranslations("AccountMenu");
  const locale = useLocale();
  const pathname = usePathname();
  const [me, setMe] = useState<Me | null>(null);

  useEffect(() => {
    let live = true;
    fetch("/api/me", { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<Me>) : null))
      .then((body) => live && setMe(body))
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // A navigation can follow a sign-in or sign-out: ask again.
  }, [pathname]);

  if (!me) return <div className="min-h-8" aria-hidden="true" />;
  if (!me.signedIn) {
    const next = pathname.startsWith("/signin") || pathname.startsWith("/signup") ? undefined : `/${locale}${pathname === "/" ? "" : pathname}`;
    const query = next ? { next } : undefined;
    return (
      <nav aria-label={t("label")} data-testid="account-menu" className="flex items-center gap-3 text-sm">
        {/* Progress is kept before signing up too (in this browser). */}
        <Link href="/dashboard" className="nav-link">
          {t("dashboard")}
        </Link>
        <Link href={{ pathname: "/signin", query }} className="nav-link">
          {t("signIn")}
        </Link>
        <Link href={{ pathname: "/signup", query }} className="nav-link">
          {t("signUp")}
        </Link>
      </nav>
    );
  }
  return (
    <nav aria-label={t("label")} data-testid="account-menu" className="flex flex-wrap items-center gap-3 text-sm">
      <span className="text-muted">{t("signedInAs", { name: me.name })}</span>
      <Link href="/dashboard" className="nav-link">
        {t("dashboard")}
      </Link>
      {me.role === "instructor" && (
        <Link href="/instructor" className="nav-link">
          {t("instructor")}
        </Link>
      )}
      <form action={signOutAction}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="nav-link">
          {t("signOut")}
        </button>
      </form>
    </nav>
  );
}
