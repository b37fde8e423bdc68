"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { SandboxApiError, sandboxApi, type ExecResponse, type SandboxInfo } from "./api";
import { SandboxTerminal } from "./terminal";
import { SandboxEditor } from "./editor";
import { ClusterDiagram } from "./diagram";
import type { ClusterViewData } from "./view-types";

type Phase = "idle" | "starting" | "ready" | "error";

const storageKey = (scope: string) => `kubeclass:sandbox:${scope}`;

/**
 * A sandbox in the page: the terminal, the editor when a command opens one, and the cluster
 * diagram fed by the events stream. The sandbox id is remembered per lesson or lab, so a reload
 * or a closed tab brings back the same sandbox with its history.
 */
export function SandboxPanel({ scope, lab, autoStart = true }: { scope: string; lab: string | null; autoStart?: boolean }) {
  const t = useTranslations("Sandbox");
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
    const source = new EventSource(`/api/sandboxes/${encodeURIComponent(info.id)}/events`);
    source.onmessage = (event) => setView(JSON.parse(event.data) as ClusterViewData);
    return () => source.close();
  }, [phase, info]);

  const reset = async () => {
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

  return (
    <div className="space-y-3" data-testid="sandbox-panel" data-sandbox-id={info.id}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">{t("hint")}</p>
        <button type="button" className="button-secondary" onClick={() => void reset()}>
          {t("reset")}
        </button>
      </div>
      <div className="grid gap-4 lg:grid-cols-5">
        <div className="space-y-3 lg:col-span-3">
          <SandboxTerminal
            key={info.id}
            sandboxId={info.id}
            initial={info}
            messages={{ connecting: t("starting"), error: t("commandFailed"), tooFast: t("tooFast"), ended: t("ended") }}
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
        <div className="lg:col-span-2">
          <ClusterDiagram
            view={view}
            formatCount={(key, count) => t(key, { count })}
            messages={{
              title: t("diagramTitle"),
              controlPlane: t("controlPlane"),
              nodes: t("nodes"),
              services: t("services"),
              pending: t("pending"),
              noPods: t("noPods"),
              notReady: t("notReady"),
              apiDown: t("apiDown"),
              endpoints: t("endpoints", { count: 0 }),
              whatHappened: t("whatHappened"),
              nothingYet: t("nothingYet"),
              whyNode: t("whyNode"),
            }}
          />
        </div>
      </div>
    </div>
  );
}
