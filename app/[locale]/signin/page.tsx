import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/app/_components/account/auth-forms";
import { safeNextPath } from "@/lib/auth/forms";
import { requestUser } from "@/lib/auth/pages";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Auth" });
  return { title: t("signInTitle"), robots: { index: false } };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const next = safeNextPath((await searchParams).next);
  const user = await requestUser();
  if (user && user.email !== null) redirect(next ?? `/${locale}/${user.role === "instructor" ? "instructor" : "dashboard"}`);
  const t = await getTranslations("Auth");
  return (
    <div className="max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("signInTitle")}</h1>
        <p className="text-muted">{t("signInIntro")}</p>
      </header>
      <SignInForm next={next} />
      <p>
        {t("noAccount")}{" "}
        <Link href={{ pathname: "/signup", query: next ? { next } : undefined }} className="link">
          {t("signUpLink")}
        </Link>
      </p>
    </div>
  );
}
