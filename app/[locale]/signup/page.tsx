import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignUpForm } from "@/app/_components/account/auth-forms";
import { safeNextPath } from "@/lib/auth/forms";
import { requestUser } from "@/lib/auth/pages";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Auth" });
  return { title: t("signUpTitle"), robots: { index: false } };
}

export default async function SignUpPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const next = safeNextPath((await searchParams).next);
  const user = await requestUser();
  if (user && user.email !== null) redirect(next ?? `/${locale}/dashboard`);
  const t = await getTranslations("Auth");
  return (
    <div className="max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("signUpTitle")}</h1>
        <p className="text-muted">{t("signUpIntro")}</p>
      </header>
      <SignUpForm next={next} />
      <p>
        {t("haveAccount")}{" "}
        <Link href={{ pathname: "/signin", query: next ? { next } : undefined }} className="link">
          {t("signInLink")}
        </Link>
      </p>
    </div>
  );
}
