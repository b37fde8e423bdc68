import { Arrow, Box, Label } from "./parts";

// Top: the lesson's Deployment, its ReplicaSet and five Pods. Bottom: the same Deployment halfway
// through a rolling update to a new image: the old ReplicaSet scales down, the new one up, within
// the default maxSurge and maxUnavailable of 25% (for 5 replicas: at most 7 Pods, at least 4
// available). Lesson: pods-and-deployments.

type PodChip = { suffix: string; ready: boolean };

const OLD_HASH = "7c5b9d8f6d";
const NEW_HASH = "5d4c8b7f9c";

function Pods({ y, pods }: { y: number; pods: PodChip[] }) {
  const rows = Math.ceil(pods.length / 3);
  return (
    <g>
      <Box x={484} y={y} w={260} h={rows * 56 + 8} tone="group" />
      {pods.map((pod, i) => {
        const px = 494 + (i % 3) * 82;
        const py = y + 10 + Math.floor(i / 3) * 56;
        return (
          <g key={pod.suffix}>
            <Box x={px} y={py} w={76} h={44} tone={pod.ready ? "plain" : "muted"} dashed={!pod.ready} />
            <Label x={px + 38} y={py + 19} size="sm" mono bold>
              {pod.suffix}
            </Label>
            <Label x={px + 38} y={py + 36} size="sm" mono tone="muted">
              {pod.ready ? "1/1" : "0/1"}
            </Label>
          </g>
        );
      })}
    </g>
  );
}

function ReplicaSet({ y, hash, lines, tone }: { y: number; hash: string; lines: string[]; tone: "plain" | "accent" | "muted" }) {
  return (
    <g>
      <Box x={234} y={y} w={230} h={80} tone={tone} />
      <Label x={246} y={y + 20} anchor="start" bold>
        ReplicaSet
      </Label>
      <Label x={246} y={y + 38} anchor="start" size="sm" mono>
        nginx-deployment-{hash}
      </Label>
      {lines.map((line, i) => (
        <Label key={line} x={246} y={y + 55 + i * 17} anchor="start" size="sm" mono tone="muted">
          {line}
        </Label>
      ))}
    </g>
  );
}

export function DeploymentRollout() {
  return (
    <g>
      {/* Steady state. */}
      <Box x={16} y={40} w={190} h={80} tone="accent" />
      <Label x={28} y={60} anchor="start" bold>
        Deployment
      </Label>
      <Label x={28} y={78} anchor="start" size="sm" mono>
        nginx-deployment
      </Label>
      <Label x={28} y={96} anchor="start" size="sm" mono tone="muted">
        replicas: 5
      </Label>
      <Arrow points={[[206, 80], [234, 80]]} />
      <ReplicaSet y={40} hash={OLD_HASH} lines={["replicas: 5"]} tone="plain" />
      <Arrow points={[[464, 80], [484, 80]]} />
      <Pods
        y={16}
        pods={["4xkqz", "8p2wn", "bz9tl", "hq6vr", "m5jxs"].map((suffix) => ({ suffix, ready: true }))}
      />

      <Arrow points={[[16, 152], [744, 152]]} tone="muted" dashed plain />

      {/* Halfway through a rolling update. */}
      <Box x={16} y={232} w={190} h={90} tone="accent" />
      <Label x={28} y={252} anchor="start" bold>
        Deployment
      </Label>
      <Label x={28} y={270} anchor="start" size="sm" mono>
        nginx-deployment
      </Label>
      <Label x={28} y={288} anchor="start" size="sm" mono tone="muted">
        replicas: 5
      </Label>
      <Label x={28} y={306} anchor="start" size="sm" mono tone="muted">
        hello:0.2 → hello:latest
      </Label>
      <Label x={16} y={344} anchor="start" size="sm" mono tone="muted">
        maxSurge: 25%
      </Label>
      <Label x={16} y={362} anchor="start" size="sm" mono tone="muted">
        maxUnavailable: 25%
      </Label>

      <Arrow points={[[206, 262], [234, 218]]} tone="muted" dashed />
      <ReplicaSet y={172} hash={OLD_HASH} lines={["nginxdemos/hello:0.2", "replicas: 3 → 0"]} tone="muted" />
      <Arrow points={[[464, 212], [484, 212]]} />
      <Pods
        y={176}
        pods={[
          { suffix: "4xkqz", ready: true },
          { suffix: "8p2wn", ready: true },
          { suffix: "bz9tl", ready: true },
        ]}
      />

      <Arrow points={[[206, 300], [234, 336]]} tone="accent" />
      <ReplicaSet y={296} hash={NEW_HASH} lines={["nginxdemos/hello:latest", "replicas: 3 → 5"]} tone="accent" />
      <Arrow points={[[464, 336], [484, 336]]} tone="accent" />
      <Pods
        y={300}
        pods={[
          { suffix: "7hx2n", ready: true },
          { suffix: "c9wtz", ready: true },
          { suffix: "k4bq8", ready: false },
        ]}
      />
    </g>
  );
}
