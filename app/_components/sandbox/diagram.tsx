"use client";

import type { CSSProperties } from "react";
import { useLocale, useTranslations } from "next-intl";
import { isLocale, localeDirection } from "@/lib/i18n/locales";
import type { ClusterViewData, DockerHostView, NodeView, PodView, ServiceView } from "./view-types";
import { BidiText } from "./bidi-text";
import { WhatHappened } from "./what-happened";

type PodState = "ready" | "running" | "pending" | "succeeded" | "failed" | "terminating";

function podState(p: Pick<PodView, "phase" | "ready" | "terminating">): PodState {
  if (p.terminating) return "terminating";
  if (p.phase === "Running") return p.ready ? "ready" : "running";
  if (p.phase === "Succeeded") return "succeeded";
  if (p.phase === "Failed") return "failed";
  return "pending";
}

// Each state has a colour, a symbol and a fill pattern, so no state is told by colour alone.
const STATE_STYLE: Record<PodState, { className: string; symbol: string; style?: CSSProperties }> = {
  ready: { className: "bg-emerald-700 text-white border border-emerald-900", symbol: "●" },
  running: { className: "bg-amber-200 text-amber-950 border border-dashed border-amber-800", symbol: "◐" },
  pending: {
    className: "text-amber-950 border border-amber-700",
    symbol: "○",
    style: { backgroundImage: "repeating-linear-gradient(135deg, #fde68a 0 4px, #fffbeb 4px 8px)" },
  },
  succeeded: { className: "bg-sky-700 text-white border border-sky-900", symbol: "✓" },
  failed: {
    className: "text-white border border-red-900",
    symbol: "✕",
    style: { backgroundImage: "repeating-linear-gradient(45deg, #b91c1c 0 5px, #991b1b 5px 7px)" },
  },
  terminating: { className: "bg-slate-200 text-slate-700 border border-dotted border-slate-500 line-through", symbol: "⌫" },
};

const STATES: PodState[] = ["ready", "running", "pending", "succeeded", "failed", "terminating"];

function PodChip({ pod, label }: { pod: PodView; label: string }) {
  const state = podState(pod);
  const { className, symbol, style } = STATE_STYLE[state];
  const extra = [pod.reason, pod.restarts > 0 ? `↻${pod.restarts}` : undefined, pod.ip].filter(Boolean).join(" ");
  return (
    <li
      dir="ltr"
      title={`${pod.namespace}/${pod.name} · ${label}${extra ? ` · ${extra}` : ""}`}
      className={`rounded px-1 font-mono text-[10px] ${className}`}
      style={style}
      data-pod={pod.name}
      data-namespace={pod.namespace}
      data-phase={pod.phase}
      data-ready={pod.ready}
      data-state={state}
    >
      <span aria-hidden="true">{symbol} </span>
      {pod.name.length > 24 ? `${pod.name.slice(0, 22)}…` : pod.name}
      {pod.restarts > 0 && <span aria-hidden="true"> ↻{pod.restarts}</span>}
      <span className="sr-only">
        {" "}
        ({label}
        {pod.reason ? `, ${pod.reason}` : ""})
      </span>
    </li>
  );
}

function NodeCard({ node }: { node: NodeView }) {
  const t = useTranslations("ClusterDiagram");
  // The add-ons and static Pods of kube-system fold away unless one of them is in trouble.
  const system = node.pods.filter((p) => p.namespace === "kube-system");
  const own = node.pods.filter((p) => p.namespace !== "kube-system");
  const systemTrouble = system.some((p) => podState(p) !== "ready");
  return (
    <li className={`rounded border p-2 ${node.ready ? "border-line" : "border-2 border-dashed border-red-700"}`} data-node={node.name} data-ready={node.ready}>
      <p dir="ltr" className="font-mono text-xs font-semibold">
        {node.name}
        {node.roles.length > 0 && <span className="ms-1 font-normal text-muted">({node.roles.join(",")})</span>}
        {!node.ready && <span className="ms-1 text-red-800">· {t("notReady")}</span>}
        {node.unschedulable && <span className="ms-1 text-amber-800">· {t("cordoned")}</span>}
      </p>
      <ul className="mt-1 flex flex-wrap gap-1">
        {own.length === 0 && <li className="text-xs text-muted">{t("noPods")}</li>}
        {own.map((p) => (
          <PodChip key={`${p.namespace}/${p.name}`} pod={p} label={t(`state.${podState(p)}`)} />
        ))}
      </ul>
      {system.length > 0 && (
        <details open={systemTrouble} className="mt-1 text-xs">
          <summary className="cursor-pointer text-muted">
            {t("systemPods", { count: system.length })} <span aria-hidden="true">{system.map((p) => STATE_STYLE[podState(p)].symbol).join("")}</span>
          </summary>
          <ul className="mt-1 flex flex-wrap gap-1">
            {system.map((p) => (
              <PodChip key={`${p.namespace}/${p.name}`} pod={p} label={t(`state.${podState(p)}`)} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function ServiceRow({ service }: { service: ServiceView }) {
  const t = useTranslations("ClusterDiagram");
  const ready = service.endpoints.filter((e) => e.ready).length;
  const notReady = service.endpoints.length - ready;
  return (
    <li data-service={`${service.namespace}/${service.name}`}>
      <p>
        <bdi dir="ltr" className="font-mono text-xs">
          {service.namespace}/{service.name} {service.type} {service.clusterIP} {service.ports.join(",")}
        </bdi>{" "}
        <span className="text-muted">
          {t("endpoints", { count: ready })}
          {notReady > 0 && ` · ${t("notReadyEndpoints", { count: notReady })}`}
        </span>
      </p>
      {service.endpoints.length === 0 ? (
        <p className="text-xs text-muted">{t("noEndpoints")}</p>
      ) : (
        <ul className="mt-0.5 flex flex-wrap gap-1">
          {service.endpoints.map((e) => (
            <li
              key={e.ip}
              dir="ltr"
              data-endpoint={e.ip}
              data-ready={e.ready}
              className={`rounded px-1 font-mono text-[10px] ${e.ready ? "bg-emerald-100 text-emerald-950 border border-emerald-700" : "border border-dashed border-amber-700 text-amber-950"}`}
            >
              <span aria-hidden="true">{e.ready ? "● " : "◐ "}</span>
              {e.ip}
              {e.pod ? ` → ${e.pod}` : ""}
              <span className="sr-only"> ({e.ready ? t("state.ready") : t("state.running")})</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function DockerHostCard({ host }: { host: DockerHostView }) {
  const t = useTranslations("ClusterDiagram");
  return (
    <li className={`rounded border p-2 ${host.running ? "border-line" : "border-2 border-dashed border-red-700"}`} data-docker-host={host.name} data-running={host.running}>
      <p dir="ltr" className="font-mono text-xs font-semibold">
        {host.name} <span className="font-normal text-muted">{host.ip} · Docker {host.version}</span>
      </p>
      {!host.running && <p className="text-xs text-red-800">{t("daemonStopped")}</p>}
      <p className="mt-1 text-xs font-semibold">{t("networks")}</p>
      {host.networks.length === 0 ? (
        <p className="text-xs text-muted">{t("noNetworks")}</p>
      ) : (
        <ul className="space-y-0.5">
          {host.networks.map((n) => (
            <li key={n.name} dir="ltr" className="font-mono text-[11px]" data-network={n.name} data-driver={n.driver}>
              {n.name} <span className="text-muted">({n.driver}{n.subnet ? ` ${n.subnet}` : ""})</span>
              {n.containers.length > 0 && <span> ← {n.containers.map((c) => `${c.name} ${c.ip}`).join(", ")}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-xs font-semibold">{t("containers")}</p>
      {host.containers.length === 0 ? (
        <p className="text-xs text-muted">{t("noContainers")}</p>
      ) : (
        <ul className="flex flex-wrap gap-1">
          {host.containers.map((c) => {
            const state: PodState = c.status === "running" ? "ready" : c.status === "created" ? "pending" : "failed";
            const { className, symbol, style } = STATE_STYLE[state];
            return (
              <li key={c.name} dir="ltr" title={`${c.name} · ${c.image} · ${c.status}`} className={`rounded px-1 font-mono text-[10px] ${className}`} style={style} data-container={c.name} data-status={c.status}>
                <span aria-hidden="true">{symbol} </span>
                {c.name} <span className="opacity-80">{c.status}</span>
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

/**
 * The sandbox as it is now, redrawn from every event the stream sends: the control plane,
 * nodes with their Pods, Services with their endpoints, Docker hosts with their networks and
 * containers, and what the recent commands made each component do.
 */
export function ClusterDiagram({ view }: { view: ClusterViewData | null }) {
  const t = useTranslations("ClusterDiagram");
  const locale = useLocale();
  const rtl = isLocale(locale) && localeDirection[locale] === "rtl";
  if (!view) return null;
  return (
    // Lists here are drawings, not prose: no bullets or numbers even inside a lesson's text.
    <section aria-label={t("title")} className="@container space-y-4 text-sm [&_:is(ul,ol)]:list-none [&_:is(ul,ol)]:ps-0 [&_li+li]:[margin-block-start:0]" data-testid="diagram">
      {view.kubernetes && (
        <>
          <div>
            <h3 className="font-semibold">{t("controlPlane")}</h3>
            <ul className="mt-1 flex flex-wrap gap-2">
              {view.controlPlane.map((c) => (
                <li
                  key={c.name}
                  dir="ltr"
                  className={`rounded px-2 py-1 font-mono text-xs ${c.running ? "bg-emerald-700 text-white" : "border-2 border-dashed border-red-700 bg-red-50 text-red-900"}`}
                  data-component={c.name}
                  data-running={c.running}
                >
                  <span aria-hidden="true">{c.running ? "● " : "✕ "}</span>
                  {c.name}
                </li>
              ))}
            </ul>
            {!view.apiServerUp && <p className="mt-1 text-red-800">{t("apiDown")}</p>}
          </div>
          <div>
            <h3 className="font-semibold">{t("nodes")}</h3>
            <ul className="mt-1 grid gap-2 @md:grid-cols-2 @3xl:grid-cols-3">
              {view.nodes.map((n) => (
                <NodeCard key={n.name} node={n} />
              ))}
            </ul>
            {view.pending.length > 0 && (
              <div className="mt-1 text-amber-900">
                <p>{t("pending")}:</p>
                <ul className="flex flex-wrap gap-1">
                  {view.pending.map((p) => (
                    <PodChip key={`${p.namespace}/${p.name}`} pod={{ ...p, phase: "Pending", ready: false, terminating: false, restarts: 0 }} label={`${t("state.pending")}${p.reason ? `: ${p.reason}` : ""}`} />
                  ))}
                </ul>
              </div>
            )}
            <details className="mt-1 text-xs">
              <summary className="cursor-pointer text-muted">{t("legendTitle")}</summary>
              <ul className="mt-1 flex flex-wrap gap-2" data-testid="pod-legend">
                {STATES.map((s) => (
                  <li key={s} className="flex items-center gap-1">
                    <span aria-hidden="true" className={`rounded px-1 font-mono text-[10px] ${STATE_STYLE[s].className}`} style={STATE_STYLE[s].style}>
                      {STATE_STYLE[s].symbol}
                    </span>
                    <BidiText text={t(`state.${s}`)} rtl={rtl} />
                  </li>
                ))}
              </ul>
            </details>
          </div>
          <div>
            <h3 className="font-semibold">{t("services")}</h3>
            {view.services.length === 0 ? (
              <p className="text-muted">{t("noServices")}</p>
            ) : (
              <ul className="mt-1 space-y-1">
                {view.services.map((s) => (
                  <ServiceRow key={`${s.namespace}/${s.name}`} service={s} />
                ))}
              </ul>
            )}
          </div>
        </>
      )}
      {view.dockerHosts.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("dockerHosts")}</h3>
          <ul className="mt-1 grid gap-2 @md:grid-cols-2 @3xl:grid-cols-3" data-testid="docker-hosts">
            {view.dockerHosts.map((h) => (
              <DockerHostCard key={h.name} host={h} />
            ))}
          </ul>
        </div>
      )}
      <WhatHappened replays={view.replays} rtl={rtl} />
    </section>
  );
}
