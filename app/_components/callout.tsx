import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

const kinds = {
  note: { icon: "ℹ", className: "callout-note" },
  tip: { icon: "✓", className: "callout-tip" },
  warning: { icon: "!", className: "callout-warning" },
  mistake: { icon: "✗", className: "callout-mistake" },
} as const;

export type CalloutType = keyof typeof kinds;

export function Callout({ type = "note", title, children }: { type?: CalloutType; title?: string; children: ReactNode }) {
  const t = useTranslations("Callout");
  const kind = kinds[type] ?? kinds.note;
  return (
    <aside className={`callout ${kind.className}`} role="note">
      <p className="callout-title">
        <span aria-hidden="true" className="callout-icon">
          {kind.icon}
        </span>
        {title ?? t(type in kinds ? type : "note")}
      </p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}
