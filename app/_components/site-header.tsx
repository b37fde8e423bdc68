import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { AccountMenu } from "./account/account-menu";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader() {
  const t = await getTranslations("Layout");
  const labs = await getTranslations("Labs");
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <nav aria-label={t("mainNavigation")} data-testid="main-nav" className="flex items-center gap-5">
          <Link href="/" className="text-lg font-bold tracking-tight text-brand">
            kubeclass
          </Link>
          <Link href="/courses" className="nav-link">
            {t("courses")}
          </Link>
          <Link href="/labs" className="nav-link">
            {labs("title")}
          </Link>
        </nav>
        <div className="flex flex-wrap items-center gap-4">
          <AccountMenu />
          <LocaleSwitcher />
        </div>
      </div>
    </header>
  );
}
