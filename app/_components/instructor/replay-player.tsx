"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ClusterDiagram } from "@/app/_components/sandbox/diagram";
import type { ClusterViewData } from "@/app/_components/sandbox/view-types";
import type { ReplayEntry } from "@/lib/reports/entries";

/**
 * Steps through a learner's sandbox log: the command list, the output of the current entry, and
 * the cluster as it was right after it (rebuilt on the server from the log for each step).
 */
export function ReplayPlayer({ entries, initialStep, initialView, api }: { entries: ReplayEntry[]; initialStep: number; initialView: ClusterViewData; api: string }) {
  const t = useTranslations("Replay");
  const [step, setStep] = useState(initialStep);
  const [view, setView] = useState<ClusterViewData>(initialView);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const request = useRef(0);
  const sliderId = useId();
  const total = entries.length;
  const entry = step > 0 ? entries[step - 1] : undefined;

  async function go(next: number) {
    const target = Math.max(0, Math.min(total, next));
    if (target === step && !failed) return;
    setStep(target);
    const url = new URL(window.location.href);
    url.searchParams.set("step", String(target));
    window.history.replaceState(null, "", url);
    const id = ++request.current;
    setLoading(true);
    try {
      const response = await fetch(`${api}?step=${target}`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as { view: ClusterViewData };
      if (id === request.current) {
        setView(body.view);
        setFailed(false);
      }
    } catch {
      if (id === request.current) setFailed(true);
    } finally {
      if (id === request.current) setLoading(false);
    }
  }

  // The current entry stays in sight in a long list.
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: "nearest" });
  }, [step]);

  const label = (e: ReplayEntry) => (e.kind === "command" || e.kind === "password" ? e.text : t(`control.${e.kind}`));

  return (
    <div className="space-y-6" data-testid="replay" data-step={step} data-loading={loading || undefined}>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="button-primary" onClick={() => void go(0)} disabled={step === 0}>
          {t("first")}
        </button>
        <button type="button" className="button-primary" onClick={() => void go(step - 1)} disabled={step === 0}>
          {t("previous")}
        </button>
        <button type="button" className="button-primary" onClick={() => void go(step + 1)} disabled={step === total}>
          {t("next")}
        </button>
        <button type="button" className="button-primary" onClick={() => void go(total)} disabled={step === total}>
          {t("last")}
        </button>
        <label htmlFor={sliderId} className="sr-only">
          {t("slider")}
        </label>
        <input id={sliderId} type="range" min={0} max={total} value={step} onChange={(e) => void go(Number(e.target.value))} className="w-48" />
        <p role="status" aria-live="polite" className="font-medium" data-testid="replay-status">
          {step === 0 ? t("initial", { total }) : t("step", { step, total })}
        </p>
      </div>
      {failed && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {t("failed")}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-3">
          <h2 className="text-lg font-semibold">{t("commandsTitle")}</h2>
          {total === 0 ? (
            <p className="text-muted">{t("noCommands")}</p>
          ) : (
            <ol ref={list} dir="ltr" className="terminal max-h-96 overflow-y-auto rounded-lg bg-code-bg p-2 text-sm text-code-ink" data-testid="replay-commands">
              {entries.map((e, i) => (
                <li key={e.seq}>
                  <button
                    type="button"
                    onClick={() => void go(i + 1)}
                    aria-current={i + 1 === step ? "step" : undefined}
                    className={`w-full truncate rounded px-2 py-0.5 text-start ${i + 1 === step ? "bg-brand text-brand-ink" : ""}`}
                    data-seq={e.seq}
                  >
                    <span className="opacity-70">{e.prompt}</span>
                    {label(e)}
                  </button>
                </li>
              ))}
            </ol>
          )}
          {entry && (
            <div className="space-y-1">
              <h3 className="font-semibold">{t("output")}</h3>
              <pre className="terminal max-h-80 overflow-auto rounded-lg bg-code-bg p-3 text-sm whitespace-pre-wrap text-code-ink" data-testid="replay-output">
                <span className="opacity-70">{entry.prompt}</span>
                {label(entry)}
                {"\n"}
                {entry.output}
              </pre>
              <p className="text-sm text-muted">{t("exitCode", { code: entry.exitCode })}</p>
            </div>
          )}
        </div>
        <div className="space-y-3">
          <h2 className="text-lg font-semibold">{t("stateTitle")}</h2>
          <ClusterDiagram view={view} />
        </div>
      </div>
    </div>
  );
}
