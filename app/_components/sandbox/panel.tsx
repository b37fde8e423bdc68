"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { SandboxApiError, sandboxApi, type ExecResponse, type GradeResponse, type SandboxInfo } from "./api";
import { SandboxTerminal } from "./terminal";
import { SandboxEditor } from "./editor";
import { ClusterDiagram } from "./diagram";
import type { ClusterViewData } from "./view-types";

type Phase = "idle" | "starting" | "ready" | "error";

const storageKey = (scope: string) => `kubeclass:sandbox:${scope}`;

export interface SandboxPanelProps {
  /** Where the sandbox id is remembered (one per lesson or lab). */
  scope: string;
  lab: string | null;
  autoStart?: boolean;
  /** "lesson": inside a lesson's text; "lab": the lab page's work area, terminal first. */
  layout?: "lesson" | "lab";
  /** Show the diagram of the cluster or the Docker hosts. */
  diagram?: boolean;
  /** A sandbox is attached: on start, after a reload, after a reset. */
  onAttach?: (info: SandboxInfo) => void;
  /** After each terminal entry. */
  onExec?: (result: ExecResponse) => void;
  /** A lab sandbox's checklist whenever the events stream sees it change (in `gradeLocale`). */
  onGrade?: (grade: GradeResponse) => void;
  gradeLocale?: string;
  /** The line above the terminal (the lesson's tip by default). */
  tip?: string;
  /** The reset button's label and a question to confirm it with (a lab's reset starts a new attempt). */
  resetLabel?: string;
  confirmReset?: string;
}

/**
 * A sandbox in the page: the terminal, the editor when a command opens one, and the cluster
 * diagram fed by the events stream. The sandbox id is remembered per lesson or lab, so a reload
 * or a closed tab brings back the same sandbox with its history.
 */
export function SandboxPanel({ scope, lab, autoStart = true, layout = "lesson", diagram = true, onAttach, onExec, onGrade, gradeLocale, tip, resetLabel, confirmReset }: SandboxPanelProps) {
  const t = useTranslations("Sandbox");
  const callbacks = useRef({ onAttach, onExec, onGrade });
  useEffect(() => {
    callbacks.current = { onAttach, onExec, onGrade };
  });
  const wantsGrades = onGrade !== undefined;
  const [phase, setPhase] = useState<Phase>("idle");
  const [info, setInfo] = useState<SandboxInfo | null>(null);
  const [view, setView] = useState<ClusterViewData | null>(null);
  const [editor, setEditor] = useState<ExecResponse["editor"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const terminal = useRef<{ show: (r: ExecResponse) => void; focus: () => void } | null>(null);

  const attach = useCallback(async (id: string) => {
    const loaded = await sandboxApi.get(id);
    setInfo(loaded);
    setPhase("ready");
    callbacks.current.onAttach?.(loaded);
  }, []);

  const start = useCallback(async () => {
    setPhase("starting");
    setError(null);
    try {
      const { id } = await sandboxApi.create(lab);
      localStorage.setItem(storageKey(scope), id);
      await attach(id);
    } catch (e) {
      setError(e instanceof SandboxApiError && e.status === 429 ? t("tooMany") : t("startFailed"));
      setPhase("error");
    }
  }, [attach, lab, scope, t]);

  useEffect(() => {
    const saved = localStorage.getItem(storageKey(scope));
    let cancelled = false;
    const run = async () => {
      if (saved) {
        try {
          await attach(saved);
          return;
        } catch {
          localStorage.removeItem(storageKey(scope));
        }
      }
      if (!cancelled && autoStart) await start();
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [attach, autoStart, scope, start]);

  useEffect(() => {
    if (phase !== "ready" || !info) return;
    const query = wantsGrades ? `?locale=${encodeURIComponent(gradeLocale ?? "en")}` : "";
    const source = new EventSource(`/api/sandboxes/${encodeURIComponent(info.id)}/events${query}`);
    source.onmessage = (event) => setView(JSON.parse(event.data) as ClusterViewData);
    if (wantsGrades) source.addEventListener("grade", (event) => callbacks.current.onGrade?.(JSON.parse((event as MessageEvent<string>).data) as GradeResponse));
    return () => source.close();
  }, [phase, info, wantsGrades, gradeLocale]);

  const reset = async () => {
    if (confirmReset && !window.confirm(confirmReset)) return;
    if (info) await sandboxApi.close(info.id).catch(() => undefined);
    localStorage.removeItem(storageKey(scope));
    setInfo(null);
    setView(null);
    await start();
  };

  const closeEditor = async (save: string | null) => {
    if (!info) return;
    setEditor(null);
    const result = save === null ? await sandboxApi.control(info.id, "close") : await sandboxApi.save(info.id, save);
    terminal.current?.show(result);
    terminal.current?.focus();
  };

  if (phase !== "ready" || !info) {
    return (
      <div className="card space-y-2" data-testid="sandbox-panel">
        <p>{phase === "starting" ? t("starting") : error ?? t("intro")}</p>
        {phase !== "starting" && (
          <button type="button" className="button-primary" onClick={() => void start()}>
            {t("start")}
          </button>
        )}
      </div>
    );
  }

  // A lesson puts the terminal and the diagram side by side on wide screens; a lab's work area
  // is narrower (the instructions sit beside it), so there the diagram goes under the terminal.
  const wide = layout === "lesson" && diagram;
  return (
    <div className="space-y-3" data-testid="sandbox-panel" data-sandbox-id={info.id} data-layout={layout}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">{tip ?? t("hint")}</p>
        <button type="button" className="button-secondary" onClick={() => void reset()}>
          {resetLabel ?? t("reset")}
        </button>
      </div>
      <div className={wide ? "grid gap-4 lg:grid-cols-5" : "grid gap-4"}>
        <div className={wide ? "space-y-3 lg:col-span-3" : "space-y-3"}>
          <SandboxTerminal
            key={info.id}
            sandboxId={info.id}
            initial={info}
            messages={{ connecting: t("starting"), error: t("commandFailed"), tooFast: t("tooFast"), ended: t("ended") }}
            onExec={(result) => callbacks.current.onExec?.(result)}
            onEditor={(e) => setEditor(e)}
            onReady={(api) => {
              terminal.current = api;
            }}
          />
          {editor && (
            <SandboxEditor
              path={editor.path}
              content={editor.content}
              readOnly={editor.readOnly}
              messages={{ title: t("editorTitle"), save: t("save"), cancel: t("cancel"), readOnly: t("readOnly") }}
              onSave={(content) => void closeEditor(content)}
              onCancel={() => void closeEditor(null)}
            />
          )}
        </div>
        {diagram && (
          <div className={wide ? "lg:col-span-2" : undefined}>
            <ClusterDiagram view={view} />
          </div>
        )}
      </div>
    </div>
  );
}
