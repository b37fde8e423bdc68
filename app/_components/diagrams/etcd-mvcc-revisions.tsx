import { Arrow, Box, Label } from "./parts";

// The revisions of the lesson's etcdctl example on one shared counter: /demo/greeting created at
// 48211 ("hello") and changed at 48214 ("bonjour"), other keys' writes in between and after,
// and `etcdctl compaction 48214` cutting off everything older. Lesson: etcd.

const REVISIONS = [
  { rev: 48211, key: "/demo/greeting", value: "hello", note: "create_revision" },
  { rev: 48212 },
  { rev: 48213 },
  { rev: 48214, key: "/demo/greeting", value: "bonjour", note: "mod_revision" },
  { rev: 48215, note: "header.revision" },
];

const X0 = 112;
const STEP = 134;
const AXIS_Y = 160;
const COMPACTION_X = X0 + 2.5 * STEP;

export function EtcdMvccRevisions() {
  return (
    <g>
      <Box x={16} y={48} w={COMPACTION_X - 16} h={200} tone="muted" dashed />
      <Label x={COMPACTION_X + 8} y={36} anchor="start" mono bold>
        etcdctl compaction 48214
      </Label>
      <Arrow points={[[COMPACTION_X, 24], [COMPACTION_X, 250]]} tone="bad" dashed plain />

      <Arrow points={[[36, AXIS_Y], [744, AXIS_Y]]} />
      {REVISIONS.map(({ rev, key, value, note }, i) => {
        const cx = X0 + i * STEP;
        const compacted = cx < COMPACTION_X;
        return (
          <g key={rev}>
            <Arrow points={[[cx, AXIS_Y - 6], [cx, AXIS_Y + 6]]} plain />
            <Label x={cx} y={AXIS_Y + 24} mono bold>
              {rev}
            </Label>
            {note && (
              <Label x={cx} y={AXIS_Y + 44} size="sm" mono tone="muted">
                {note}
              </Label>
            )}
            {key ? (
              <>
                <Box x={cx - 60} y={74} w={120} h={54} tone={compacted ? "bad" : "accent"} dashed={compacted} />
                <Label x={cx} y={95} size="sm" mono>
                  {key}
                </Label>
                <Label x={cx} y={116} mono bold tone={compacted ? "bad" : "ink"}>
                  {compacted ? `✕ ${value}` : value}
                </Label>
              </>
            ) : (
              <>
                <Box x={cx - 50} y={84} w={100} h={40} tone="muted" />
                <Label x={cx} y={109} size="sm" mono tone="muted">
                  /registry/…
                </Label>
              </>
            )}
            <Arrow points={[[cx, key ? 128 : 124], [cx, AXIS_Y - 6]]} plain />
          </g>
        );
      })}
      <Label x={28} y={236} anchor="start" size="sm" mono tone="bad">
        --rev=48211: required revision has been compacted
      </Label>
    </g>
  );
}
