// A horizontal bar chart in plain SVG, drawn on the server. Mirrored on right-to-left pages (the
// labels then sit on the right and bars grow to the left); every bar also carries its value as
// text, so the chart reads without a mouse or colour.

export type Bar = { label: string; value: number; max: number; shown: string };

const WIDTH = 640;
const LABEL = 220;
const GAP = 10;
const VALUE = 150;
const ROW = 28;
const BAR = 18;

function truncate(text: string, max = 32): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function BarChart({ title, bars, rtl, testId }: { title: string; bars: Bar[]; rtl: boolean; testId?: string }) {
  const height = Math.max(1, bars.length) * ROW + 8;
  const track = WIDTH - LABEL - GAP - VALUE;
  return (
    <figure className="space-y-2" data-testid={testId}>
      <figcaption className="font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.shown}`).join("; ")}`} className="max-w-2xl text-ink">
        {bars.map((bar, i) => {
          const y = 4 + i * ROW;
          const length = bar.max > 0 ? Math.round((Math.min(bar.value, bar.max) / bar.max) * track) : 0;
          const labelX = rtl ? WIDTH : 0;
          const trackStart = rtl ? WIDTH - LABEL - GAP - track : LABEL + GAP;
          const barX = rtl ? WIDTH - LABEL - GAP - length : LABEL + GAP;
          const valueX = rtl ? barX - 6 : barX + length + 6;
          return (
            <g key={i}>
              <title>{`${bar.label}: ${bar.shown}`}</title>
              <text x={labelX} y={y + BAR - 4} fontSize="13" fill="currentColor" direction={rtl ? "rtl" : "ltr"} textAnchor="start">
                {truncate(bar.label)}
              </text>
              <rect x={trackStart} y={y} width={track} height={BAR} rx="3" fill="currentColor" opacity="0.08" />
              <rect x={barX} y={y} width={length} height={BAR} rx="3" fill="var(--color-brand)" />
              <text x={valueX} y={y + BAR - 4} fontSize="13" fill="currentColor" direction={rtl ? "rtl" : "ltr"} textAnchor="start">
                {bar.shown}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
