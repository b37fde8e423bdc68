"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { CommandReplay, Lane, ReplayItem, SchedulingWhy, TraceMessage } from "./view-types";
import { BidiText } from "./bidi-text";

/** The component behind each stage, named as it is in the cluster (never translated). */
const COMPONENT: Record<Lane, string> = {
  apiserver: "kube-apiserver",
  etcd: "etcd",
  controller: "kube-controller-manager",
  scheduler: "kube-scheduler",
  kubelet: "kubelet",
  endpoints: "endpoints-controller",
  docker: "dockerd",
};

const VERDICT_SYMBOL = { pass: "✓", fail: "✗", skip: "–" } as const;

type Format = (key: string, values?: Record<string, string | number>) => string;

/**
 * Formats a trace message in the page's language. A key this page's messages lack (a newer
 * server) still shows its arguments rather than failing.
 */
export function useTraceMessage(): (message: TraceMessage) => string {
  const t = useTranslations("Trace");
  const format = t as unknown as Format;
  const has = t.has as unknown as (key: string) => boolean;
  return (message) =>
    has(message.key) ? format(message.key, message.values) : format("unknown", { actor: message.key, action: "", object: Object.values(message.values).join(" ") });
}

function commandLine(replay: CommandReplay): string | undefined {
  if (replay.text === undefined) return undefined;
  const first = replay.text.split("\n")[0]!;
  return replay.text.includes("\n") ? `${first} …` : first;
}

function WhyNode({ why, rtl, open }: { why: SchedulingWhy; rtl: boolean; open: boolean }) {
  const t = useTranslations("Trace.why");
  const format = t as unknown as Format;
  const chosen = why.nodes.find((n) => n.name === why.node);
  const feasible = why.nodes.filter((n) => n.score !== undefined).length;
  return (
    <details open={open} className="mt-1 rounded border border-line bg-canvas p-2" data-testid="why-node">
      <summary className="cursor-pointer font-semibold">{t("title")}</summary>
      <p>
        <BidiText text={why.node ? t("chosen", { node: why.node, score: chosen?.score?.total ?? 0 }) : t("none", { message: why.message ?? "" })} rtl={rtl} />
      </p>
      <p className="text-muted">{t("feasible", { count: feasible, total: why.nodes.length })}</p>
      <div className="mt-1">
        <p className="font-semibold">
          {t("filters")} · {t("scores")}
        </p>
        <ul className="mt-1 space-y-2">
          {why.nodes.map((n) => (
            <li key={n.name} data-why-node={n.name} data-chosen={n.name === why.node}>
              <p>
                <bdi dir="ltr" className="font-mono font-semibold">
                  {n.name}
                </bdi>
                {n.name === why.node && <span className="ms-2 rounded bg-emerald-700 px-1 text-xs text-white">{t("chosenMark")}</span>}
                {n.score && <span className="ms-2 text-muted">{t("score", { total: n.score.total })}</span>}
              </p>
              {n.examined ? (
                <ul className="mt-0.5 flex flex-wrap gap-1">
                  {n.filters.map((f) => (
                    <li
                      key={f.plugin}
                      data-filter={f.plugin}
                      data-verdict={f.verdict}
                      title={`${f.plugin}: ${format(`filter.${f.plugin}`)}`}
                      className={`rounded border px-1 text-[10px] ${f.verdict === "fail" ? "border-red-700 bg-red-50 text-red-900" : f.verdict === "pass" ? "border-emerald-700 text-emerald-900" : "border-dashed border-line text-muted"}`}
                    >
                      <span aria-hidden="true">{VERDICT_SYMBOL[f.verdict]}</span>{" "}
                      <bdi dir="ltr" className="font-mono">
                        {f.plugin}
                      </bdi>
                      <span className="sr-only"> {t(f.verdict)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-muted">{t("notExamined")}</p>
              )}
              {n.filters
                .filter((f) => f.verdict === "fail")
                .map((f) => (
                  <p key={f.plugin} className="text-red-800">
                    <BidiText text={format(`filter.${f.plugin}`)} rtl={rtl} />{" "}
                    <bdi dir="ltr" className="font-mono text-[10px]">
                      {f.reason}
                    </bdi>
                  </p>
                ))}
              {n.score && (
                <p dir="ltr" className="font-mono text-[10px] text-muted">
                  {Object.entries(n.score.plugins)
                    .map(([plugin, value]) => `${plugin} ${value}`)
                    .join(" · ")}
                </p>
              )}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

function StepItem({ item, rtl, format, open }: { item: ReplayItem; rtl: boolean; format: (m: TraceMessage) => string; open: boolean }) {
  return (
    <li data-actor={item.actor} className={item.warning ? "text-red-800" : undefined}>
      {item.who && (
        <>
          <bdi dir="ltr" className="font-mono text-muted">
            {item.who}
          </bdi>
          {": "}
        </>
      )}
      <BidiText text={format(item.message)} rtl={rtl} />
      {item.detail && (
        <span dir="ltr" className="block break-all font-mono text-[10px] text-muted">
          {item.detail}
        </span>
      )}
      {item.why && <WhyNode why={item.why} rtl={rtl} open={open} />}
    </li>
  );
}

/**
 * "What happened": the recent commands, and for the chosen one what it made each component
 * do, stage by stage. It follows the newest command that changed something, until the learner
 * picks another one.
 */
export function WhatHappened({ replays, rtl }: { replays: CommandReplay[]; rtl: boolean }) {
  const t = useTranslations("ClusterDiagram");
  const format = useTraceMessage();
  const [choice, setChoice] = useState<{ id: number; latest: number } | null>(null);
  const latest = replays[replays.length - 1];
  const auto = [...replays].reverse().find((r) => r.entries > 0) ?? latest;
  const picked = choice && latest && choice.latest === latest.id ? replays.find((r) => r.id === choice.id) : undefined;
  const selected = picked ?? auto;

  const label = (replay: CommandReplay) =>
    replay.secret ? t("secretEntry") : replay.control ? t(`control.${(["save", "close", "interrupt", "eof"] as const).find((c) => c === replay.control) ?? "unknown"}`) : undefined;

  // The first placement of the command opens its filters and scores; the others stay folded.
  const firstWhy = selected?.steps.flatMap((step) => step.items).find((item) => item.why)?.id;
  return (
    <section aria-labelledby="what-happened-title" className="space-y-2" data-testid="what-happened">
      <h3 id="what-happened-title" className="font-semibold">
        {t("whatHappened")}
      </h3>
      {!selected || !latest ? (
        <p className="text-muted">{t("nothingYet")}</p>
      ) : (
        <>
          <ul aria-label={t("commands")} className="flex flex-wrap gap-1">
            {[...replays].reverse().map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  title={r.secret ? t("secretEntry") : undefined}
                  aria-pressed={r.id === selected.id}
                  onClick={() => setChoice({ id: r.id, latest: latest.id })}
                  className={`max-w-[16rem] truncate rounded border px-2 py-0.5 text-xs ${r.id === selected.id ? "border-sky-700 bg-sky-50 font-semibold" : "border-line"} ${r.entries === 0 ? "text-muted" : ""}`}
                >
                  {r.secret && <span aria-hidden="true">↳ </span>}
                  {commandLine(r) !== undefined ? (
                    <bdi dir="ltr" className="font-mono">
                      {commandLine(r)}
                    </bdi>
                  ) : (
                    label(r)
                  )}
                </button>
              </li>
            ))}
          </ul>
          <p>
            {t("afterCommand")}{" "}
            {commandLine(selected) !== undefined ? (
              <code dir="ltr" className="rounded bg-slate-100 px-1 text-xs">
                {commandLine(selected)}
              </code>
            ) : (
              <span className="text-muted">{label(selected)}</span>
            )}
            {selected.secret && commandLine(selected) !== undefined && <span className="ms-1 text-muted">({t("secretEntry")})</span>}
          </p>
          {selected.steps.length === 0 ? (
            <p className="text-muted" data-testid="nothing-changed">
              {t("nothingChanged")}
            </p>
          ) : (
            <ol className="flex flex-wrap items-stretch gap-2 text-xs" data-testid="trace-steps">
              {selected.steps.map((step, i) => (
                <li key={step.lane} data-lane={step.lane} className="min-w-[11rem] flex-1 rounded border border-line p-2">
                  <p className="mb-1">
                    {i > 0 && (
                      <span aria-hidden="true" className="me-1 inline-block text-muted rtl:-scale-x-100">
                        →
                      </span>
                    )}
                    <bdi dir="ltr" className="font-mono font-semibold">
                      {COMPONENT[step.lane]}
                    </bdi>{" "}
                    <span className="text-muted">{t(`lanes.${step.lane}`)}</span>
                  </p>
                  <ul className="space-y-1">
                    {step.items.map((item) => (
                      <StepItem key={`${item.id}-${item.message.key}`} item={item} rtl={rtl} format={format} open={item.id === firstWhy} />
                    ))}
                  </ul>
                  {step.more > 0 && <p className="mt-1 text-muted">{t("more", { count: step.more })}</p>}
                </li>
              ))}
            </ol>
          )}
          {selected.log && selected.log.length > 0 && (
            <details className="text-xs">
              <summary className="cursor-pointer">{t("allSteps", { count: selected.entries })}</summary>
              <ol className="mt-1 space-y-0.5" data-testid="trace-log">
                {selected.log.map((e) => (
                  <li key={e.id}>
                    <bdi dir="ltr" className="font-mono text-muted">
                      {e.who ? `${e.actor} (${e.who})` : e.actor}
                    </bdi>
                    {": "}
                    <BidiText text={format(e.message)} rtl={rtl} />
                  </li>
                ))}
              </ol>
            </details>
          )}
        </>
      )}
    </section>
  );
}
