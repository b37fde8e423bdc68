"use client";

import { useTranslations } from "next-intl";
import { runInTerminal } from "./api";

/** A button beside a lesson's shell example: types each command into the sandbox terminal. */
export function RunButton({ code }: { code: string }) {
  const t = useTranslations("Sandbox");
  const commands = code
    .split("\n")
    .map((l) => l.replace(/^\$\s+/, ""))
    .filter((l) => l.trim() && !l.trim().startsWith("#"));
  if (commands.length === 0) return null;
  return (
    <button type="button" className="button-secondary absolute end-2 top-2 px-2 py-1 text-xs" onClick={() => commands.forEach(runInTerminal)}>
      {t("run")}
    </button>
  );
}
