"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { OPEN_EVENT } from "./api";
import { useTranslations } from "next-intl";

// The terminal, editor and diagram load only when the learner opens the sandbox, so a lesson
// page stays light.
const SandboxPanel = dynamic(() => import("./panel").then((m) => m.SandboxPanel), { ssr: false });

/** The panel itself, loaded in the browser only (xterm.js needs a DOM): the lab page's work area. */
export const LazySandboxPanel = SandboxPanel;

/** `<Sandbox />` in a lesson (optionally `<Sandbox lab="id" />`). */
export function Sandbox({ lab, scope }: { lab?: string; scope?: string }) {
  const t = useTranslations("Sandbox");
  const [open, setOpen] = useState(false);
  const key = scope ?? lab ?? "lesson";
  // A "run" button on an example opens the sandbox when it is still closed.
  useEffect(() => {
    const onOpen = () => setOpen(true);
    window.addEventListener(OPEN_EVENT, onOpen);
    return () => window.removeEventListener(OPEN_EVENT, onOpen);
  }, []);
  return (
    <section aria-label={t("title")} className="not-prose my-6 space-y-3 rounded-xl border border-line bg-canvas p-4" data-testid="sandbox">
      <h3 className="text-lg font-semibold">{t("title")}</h3>
      {open ? (
        <SandboxPanel scope={key} lab={lab ?? null} />
      ) : (
        <>
          <p>{t("intro")}</p>
          <button type="button" className="button-primary" onClick={() => setOpen(true)}>
            {t("open")}
          </button>
        </>
      )}
    </section>
  );
}
