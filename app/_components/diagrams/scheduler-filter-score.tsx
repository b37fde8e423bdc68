import { Arrow, Box, Label, Mark } from "./parts";

// One Pod, five nodes: filter plugins remove three (a taint, too little unrequested CPU, a label
// that fails the nodeSelector), scoring ranks the other two and the emptier one wins
// (NodeResourcesFit's LeastAllocated). Bars show a ranking, not real points.
// Lesson: kube-scheduler.

type Row = { name: string; facts: string; filteredBy?: string; score?: number };

const ROWS: Row[] = [
  { name: "controlplane", facts: "taint control-plane:NoSchedule", filteredBy: "TaintToleration" },
  { name: "node01", facts: "cpu 1700m/2000m · disktype=ssd", filteredBy: "NodeResourcesFit" },
  { name: "node02", facts: "cpu 200m/2000m · disktype=hdd", filteredBy: "NodeAffinity" },
  { name: "node03", facts: "cpu 1200m/2000m · disktype=ssd", score: 0.4 },
  { name: "node04", facts: "cpu 400m/2000m · disktype=ssd", score: 0.8 },
];

const ROW_Y0 = 44;
const ROW_STEP = 56;
const ROW_H = 44;
const NODE_X = 220;
const NODE_W = 240;
const FILTER_X = 476;
const SCORE_X = 624;
const BAR_MAX = 96;

export function SchedulerFilterScore() {
  const best = Math.max(...ROWS.map((r) => r.score ?? 0));
  return (
    <g>
      <Box x={16} y={130} w={176} h={96} tone="accent" />
      <Label x={30} y={152} anchor="start" bold>
        Pod
      </Label>
      <Label x={30} y={174} anchor="start" size="sm" mono>
        requests.cpu: 500m
      </Label>
      <Label x={30} y={192} anchor="start" size="sm" mono>
        nodeSelector:
      </Label>
      <Label x={44} y={210} anchor="start" size="sm" mono>
        disktype: ssd
      </Label>
      <Label x={16} y={254} anchor="start" size="sm" mono bold tone="accent">
        spec.nodeName: node04
      </Label>

      <Label x={FILTER_X + 64} y={28} bold>
        Filter
      </Label>
      <Label x={SCORE_X + 60} y={28} bold>
        Score
      </Label>

      {ROWS.map((row, i) => {
        const y = ROW_Y0 + i * ROW_STEP;
        const cy = y + ROW_H / 2;
        const winner = row.score === best;
        return (
          <g key={row.name}>
            <Arrow points={[[192, 178], [NODE_X, cy]]} tone={row.filteredBy ? "muted" : "ink"} />
            <Box x={NODE_X} y={y} w={NODE_W} h={ROW_H} tone={row.filteredBy ? "bad" : winner ? "accent" : "plain"} dashed={!!row.filteredBy} />
            <Label x={NODE_X + 12} y={y + 18} anchor="start" mono bold tone={row.filteredBy ? "muted" : "ink"}>
              {row.name}
            </Label>
            <Label x={NODE_X + 12} y={y + 36} anchor="start" size="sm" mono tone="muted">
              {row.facts}
            </Label>
            {row.filteredBy ? (
              <>
                <Mark x={FILTER_X} y={cy + 5} ok={false} anchor="start" />
                <Label x={FILTER_X + 16} y={cy + 5} anchor="start" size="sm" mono tone="bad">
                  {row.filteredBy}
                </Label>
              </>
            ) : (
              <>
                <Mark x={FILTER_X} y={cy + 5} ok anchor="start" />
                <Box x={SCORE_X} y={cy - 8} w={BAR_MAX * (row.score ?? 0)} h={16} rx={3} tone={winner ? "accent" : "muted"} />
                {winner && <Mark x={SCORE_X + BAR_MAX * (row.score ?? 0) + 10} y={cy + 5} ok anchor="start" />}
              </>
            )}
          </g>
        );
      })}
    </g>
  );
}
