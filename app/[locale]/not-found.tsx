import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export default function NotFound() {
  const t = useTranslations("NotFound");
  return (
    <div className="space-y-4 py-12 text-center">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-muted">{t("description")}</p>
      <Link href="/" className="button-primary">
        {t("goHome")}
      </Link>
    </div>
  );
}
