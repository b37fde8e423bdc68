import type { ReactNode } from "react";

// Drawing primitives shared by the lesson diagrams. Colours come from CSS classes (globals.css,
// "Lesson diagrams") built on the site's colour variables, so every diagram follows the light and
// dark themes. Arrowheads are drawn as polygons rather than <marker>s: markers need document-wide
// ids, and one lesson may show several diagrams.

export type Tone = "plain" | "accent" | "group" | "muted" | "bad" | "good";

export type Point = readonly [number, number];

type BoxProps = { x: number; y: number; w: number; h: number; tone?: Tone; dashed?: boolean; rx?: number };

export function Box({ x, y, w, h, tone = "plain", dashed = false, rx = 6 }: BoxProps) {
  return <rect x={x} y={y} width={w} height={h} rx={rx} className={`dg-${tone}${dashed ? " dg-dashed" : ""}`} />;
}

/** A database drum (etcd). */
export function Cylinder({ x, y, w, h, tone = "plain" }: Omit<BoxProps, "dashed" | "rx">) {
  const rx = w / 2;
  const ry = 7;
  return (
    <g className={`dg-${tone}`}>
      <path d={`M${x},${y + ry} A${rx},${ry} 0 0 1 ${x + w},${y + ry} V${y + h - ry} A${rx},${ry} 0 0 1 ${x},${y + h - ry} Z`} />
      <path d={`M${x},${y + ry} A${rx},${ry} 0 0 0 ${x + w},${y + ry}`} fill="none" />
    </g>
  );
}

type TextProps = {
  x: number;
  y: number;
  children: ReactNode;
  anchor?: "start" | "middle" | "end";
  size?: "sm" | "md" | "lg";
  bold?: boolean;
  mono?: boolean;
  tone?: "ink" | "muted" | "accent" | "bad" | "good";
};

/** A technical label: names, addresses, fields. Never prose: words belong in the caption. */
export function Label({ x, y, children, anchor = "middle", size = "md", bold = false, mono = false, tone = "ink" }: TextProps) {
  const classes = [`dg-text-${size}`, `dg-ink-${tone}`, bold && "dg-bold", mono && "dg-mono"].filter(Boolean).join(" ");
  return (
    <text x={x} y={y} textAnchor={anchor} className={classes}>
      {children}
    </text>
  );
}

const HEAD_LENGTH = 9;
const HEAD_HALF_WIDTH = 4.5;

function head(tip: Point, from: Point): { points: string; base: Point } {
  const dx = tip[0] - from[0];
  const dy = tip[1] - from[1];
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const base: Point = [tip[0] - ux * HEAD_LENGTH, tip[1] - uy * HEAD_LENGTH];
  const left: Point = [base[0] - uy * HEAD_HALF_WIDTH, base[1] + ux * HEAD_HALF_WIDTH];
  const right: Point = [base[0] + uy * HEAD_HALF_WIDTH, base[1] - ux * HEAD_HALF_WIDTH];
  const fmt = (p: Point) => `${round(p[0])},${round(p[1])}`;
  return { points: `${fmt(tip)} ${fmt(left)} ${fmt(right)}`, base };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

type ArrowProps = {
  /** The path, from tail to tip; two points for a straight arrow, more for an elbow. */
  points: readonly Point[];
  tone?: "ink" | "accent" | "muted" | "bad";
  dashed?: boolean;
  /** A head at the tail too: traffic both ways. */
  both?: boolean;
  /** No head at all: a plain connector. */
  plain?: boolean;
};

export function Arrow({ points, tone = "ink", dashed = false, both = false, plain = false }: ArrowProps) {
  if (points.length < 2) return null;
  const path = points.map((p) => [p[0], p[1]] as [number, number]);
  const heads: string[] = [];
  if (!plain) {
    const end = head(points[points.length - 1]!, points[points.length - 2]!);
    heads.push(end.points);
    path[path.length - 1] = [end.base[0], end.base[1]];
    if (both) {
      const start = head(points[0]!, points[1]!);
      heads.push(start.points);
      path[0] = [start.base[0], start.base[1]];
    }
  }
  return (
    <g className={`dg-arrow dg-arrow-${tone}`}>
      <polyline points={path.map(([x, y]) => `${round(x)},${round(y)}`).join(" ")} className={dashed ? "dg-dashed" : undefined} />
      {heads.map((points) => (
        <polygon key={points} points={points} />
      ))}
    </g>
  );
}

/** A numbered step, matching a numbered list in the lesson text. */
export function Step({ cx, cy, n }: { cx: number; cy: number; n: number }) {
  return (
    <g className="dg-step">
      <circle cx={cx} cy={cy} r={10} />
      <text x={cx} y={cy + 4} textAnchor="middle" className="dg-text-sm dg-bold">
        {n}
      </text>
    </g>
  );
}

/** A large ✕ drawn across a line: this connection does not work. */
export function Cross({ cx, cy, r = 6 }: { cx: number; cy: number; r?: number }) {
  return (
    <g>
      <circle cx={cx} cy={cy} r={r + 5} className="dg-knockout" />
      <path d={`M${cx - r},${cy - r} L${cx + r},${cy + r} M${cx + r},${cy - r} L${cx - r},${cy + r}`} className="dg-cross" />
    </g>
  );
}

/** A mark that does not rely on colour: ✓ for what passes, ✕ for what is refused or down. */
export function Mark({ x, y, ok, anchor = "middle" }: { x: number; y: number; ok: boolean; anchor?: "start" | "middle" | "end" }) {
  return (
    <Label x={x} y={y} anchor={anchor} bold tone={ok ? "good" : "bad"}>
      {ok ? "✓" : "✕"}
    </Label>
  );
}
