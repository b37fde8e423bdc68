"use client";

import type { ClusterViewData } from "./view-types";

export interface DiagramMessages {
  title: string;
  controlPlane: string;
  nodes: string;
  services: string;
  pending: string;
  noPods: string;
  notReady: string;
  apiDown: string;
  endpoints: string;
  whatHappened: string;
  nothingYet: string;
  whyNode: string;
}

const phaseClass = (p: { phase: string; ready: boolean; terminating: boolean }) =>
  p.terminating ? "bg-slate-400 text-slate-950" : p.phase === "Running" && p.ready ? "bg-emerald-600 text-white" : p.phase === "Running" ? "bg-amber-400 text-amber-950" : p.phase === "Succeeded" ? "bg-sky-600 text-white" : p.phase === "Failed" ? "bg-red-700 text-white" : "bg-amber-300 text-amber-950";

/** The cluster as it is now: control plane, nodes and their pods, Services, and what just happened. */
export function ClusterDiagram({ view, messages, formatCount }: { view: ClusterViewData | null; messages: DiagramMessages; formatCount: (key: "endpoints", count: number) => string }) {
  if (!view) return null;
  const recent = view.trace.slice(-14);
  return (
    <section aria-label={messages.title} className="space-y-3 text-sm" data-testid="diagram">
      <div>
        <h3 className="font-semibold">{messages.controlPlane}</h3>
        <ul className="mt-1 flex flex-wrap gap-2">
          {view.controlPlane.map((c) => (
            <li key={c.name} dir="ltr" className={`rounded px-2 py-1 font-mono text-xs ${c.running ? "bg-emerald-700 text-white" : "bg-red-700 text-white"}`} data-component={c.name} data-running={c.running}>
              {c.name}
            </li>
          ))}
        </ul>
        {!view.apiServerUp && <p className="mt-1 text-red-700">{messages.apiDown}</p>}
      </div>
      <div>
        <h3 className="font-semibold">{messages.nodes}</h3>
        <ul className="mt-1 grid gap-2 sm:grid-cols-3">
          {view.nodes.map((n) => (
            <li key={n.name} className={`rounded border p-2 ${n.ready ? "border-line" : "border-red-600"}`} data-node={n.name} data-ready={n.ready}>
              <p dir="ltr" className="font-mono text-xs font-semibold">
                {n.name} {n.ready ? "" : `· ${messages.notReady}`}
              </p>
              <ul className="mt-1 flex flex-wrap gap-1">
                {n.pods.length === 0 && <li className="text-muted">{messages.noPods}</li>}
                {n.pods.map((p) => (
                  <li key={`${p.namespace}/${p.name}`} dir="ltr" title={`${p.namespace}/${p.name} ${p.phase}${p.ip ? ` ${p.ip}` : ""}`} className={`rounded px-1 font-mono text-[10px] ${phaseClass(p)}`} data-pod={p.name} data-phase={p.phase} data-ready={p.ready}>
                    {p.name.length > 22 ? `${p.name.slice(0, 20)}…` : p.name}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        {view.pending.length > 0 && (
          <p className="mt-1 text-amber-800">
            {messages.pending}: <span dir="ltr">{view.pending.map((p) => p.name).join(", ")}</span>
          </p>
        )}
      </div>
      <div>
        <h3 className="font-semibold">{messages.services}</h3>
        <ul className="mt-1 space-y-1">
          {view.services.map((s) => (
            <li key={`${s.namespace}/${s.name}`}>
              <span dir="ltr" className="font-mono text-xs">
                {s.namespace}/{s.name} {s.type} {s.clusterIP}
              </span>{" "}
              <span className="text-muted">{formatCount("endpoints", s.ready)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="font-semibold">{messages.whatHappened}</h3>
        {recent.length === 0 ? (
          <p className="text-muted">{messages.nothingYet}</p>
        ) : (
          <ol dir="ltr" className="mt-1 space-y-0.5 font-mono text-[11px]" data-testid="trace">
            {recent.map((e) => (
              <li key={e.id}>
                <span className="text-muted">{e.who ? `${e.actor} (${e.who})` : e.actor}</span> {e.action} {e.object}
              </li>
            ))}
          </ol>
        )}
        {view.decisions.length > 0 && (
          <details className="mt-2">
            <summary className="cursor-pointer">{messages.whyNode}</summary>
            <ul dir="ltr" className="mt-1 space-y-1 font-mono text-[11px]">
              {view.decisions.slice(-3).map((d) => (
                <li key={`${d.pod}-${d.at}`}>
                  {d.pod} → {d.node ?? d.message}
                  {Object.entries(d.rejected).map(([node, v]) => (
                    <div key={node} className="ps-3 text-muted">
                      ✗ {node}: {v.plugin} ({v.reasons.join(", ")})
                    </div>
                  ))}
                  {Object.entries(d.scores).map(([node, s]) => (
                    <div key={node} className="ps-3 text-muted">
                      ✓ {node}: {s.total}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
