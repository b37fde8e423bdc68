import { Arrow, Box, Cylinder, Label, Step } from "./parts";

// The path of a write through kube-apiserver, numbered like the list in the lesson text (stages
// 1-5, then 6: etcd), with the HTTP status each refusal returns, and the components whose watches
// hear about the stored object. Lesson: kube-apiserver.

const STAGES: { lines: string[]; sub?: string; refusal: string }[] = [
  { lines: ["authentication"], sub: "cert · token", refusal: "401" },
  { lines: ["authorization"], sub: "RBAC", refusal: "403" },
  { lines: ["mutating", "admission"], refusal: "4xx" },
  { lines: ["validation"], sub: "schema", refusal: "422" },
  { lines: ["validating", "admission"], refusal: "4xx" },
];

const STAGE_X0 = 114;
const STAGE_W = 108;
const STAGE_GAP = 20;
const STAGE_Y = 50;
const STAGE_H = 60;

const WATCHERS = [
  { x: 40, w: 200, name: "kube-controller-manager", does: "ReplicaSet → Pods" },
  { x: 270, w: 150, name: "kube-scheduler", does: "Binding: nodeName" },
  { x: 450, w: 140, name: "kubelet", does: "CRI → containers" },
];

export function ApiserverRequestPath() {
  return (
    <g>
      <Box x={16} y={50} w={76} h={60} />
      <Label x={54} y={76} mono bold>
        kubectl
      </Label>
      <Label x={54} y={96} size="sm" mono tone="muted">
        apply
      </Label>
      <Arrow points={[[92, 80], [STAGE_X0, 80]]} />

      <Box x={104} y={16} w={640} h={136} tone="group" />
      <Label x={118} y={38} anchor="start" bold mono>
        kube-apiserver
      </Label>
      {STAGES.map((stage, i) => {
        const x = STAGE_X0 + i * (STAGE_W + STAGE_GAP);
        const cx = x + STAGE_W / 2;
        return (
          <g key={stage.lines.join(" ")}>
            <Box x={x} y={STAGE_Y} w={STAGE_W} h={STAGE_H} />
            {stage.lines.length === 1 ? (
              <>
                <Label x={cx} y={STAGE_Y + 30}>
                  {stage.lines[0]}
                </Label>
                <Label x={cx} y={STAGE_Y + 48} size="sm" mono tone="muted">
                  {stage.sub}
                </Label>
              </>
            ) : (
              stage.lines.map((line, j) => (
                <Label key={line} x={cx} y={STAGE_Y + 28 + j * 17}>
                  {line}
                </Label>
              ))
            )}
            <Step cx={x + 14} cy={STAGE_Y} n={i + 1} />
            <Label x={x + 8} y={134} anchor="start" size="sm" mono bold tone="bad">
              ✕ {stage.refusal}
            </Label>
            {i < STAGES.length - 1 && <Arrow points={[[x + STAGE_W, 80], [x + STAGE_W + STAGE_GAP, 80]]} />}
          </g>
        );
      })}

      <Arrow points={[[700, STAGE_Y + STAGE_H], [700, 214]]} tone="accent" />
      <Cylinder x={656} y={214} w={88} h={64} tone="accent" />
      <Label x={700} y={256} bold>
        etcd
      </Label>
      <Step cx={636} cy={246} n={6} />

      {WATCHERS.map(({ x, w, name, does }) => {
        const cx = x + w / 2;
        return (
          <g key={name}>
            <Arrow points={[[cx, 152], [cx, 238]]} both />
            <Label x={cx + 8} y={200} anchor="start" size="sm" mono tone="muted">
              watch
            </Label>
            <Box x={x} y={238} w={w} h={52} />
            <Label x={cx} y={260}>
              {name}
            </Label>
            <Label x={cx} y={278} size="sm" mono tone="muted">
              {does}
            </Label>
          </g>
        );
      })}
    </g>
  );
}
