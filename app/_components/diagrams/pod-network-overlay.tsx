import { Arrow, Box, Label } from "./parts";

// The lesson's Calico cluster in IP-in-IP mode: a packet from Pod 10.244.1.5 on worker-1 to Pod
// 10.244.2.4 on worker-2 takes the route via tunl0, travels between the nodes inside an outer
// header from node to node, and arrives with its Pod addresses untouched (no NAT).
// Lesson: pod-networking.

type Side = {
  x: number;
  name: string;
  cidr: string;
  nodeIp: string;
  pods: [{ ip: string; cali: string }, { ip: string; cali: string }];
  route: string[];
};

const SIDES: Side[] = [
  {
    x: 16,
    name: "worker-1",
    cidr: "10.244.1.0/24",
    nodeIp: "192.168.56.11",
    pods: [
      { ip: "10.244.1.5", cali: "cali3f0c2a5e6b1" },
      { ip: "10.244.1.6", cali: "cali8d1e4f7a2c9" },
    ],
    route: ["10.244.2.0/24", "via 192.168.56.12 dev tunl0"],
  },
  {
    x: 404,
    name: "worker-2",
    cidr: "10.244.2.0/24",
    nodeIp: "192.168.56.12",
    pods: [
      { ip: "10.244.2.4", cali: "cali7a2d9e4b1f0" },
      { ip: "10.244.2.5", cali: "cali5c1e8b3d6a2" },
    ],
    route: ["10.244.2.4 dev cali7a2d9e4b1f0"],
  },
];

const NODE_W = 340;
const WIRE_Y = 330;

export function PodNetworkOverlay() {
  const pathX = SIDES.map((s) => s.x + 86);
  return (
    <g>
      {SIDES.map((side, s) => {
        const px = pathX[s]!;
        const sending = s === 0;
        // Segments of the packet's path inside this node, in travel order.
        const hops: [number, number][] = [
          [104, 126],
          [150, 206],
          [230, 252],
        ];
        return (
          <g key={side.name}>
            <Box x={side.x} y={16} w={NODE_W} h={284} tone="group" />
            <Label x={side.x + 14} y={40} anchor="start" mono bold>
              {side.name}
            </Label>
            <Label x={side.x + NODE_W - 14} y={40} anchor="end" size="sm" mono tone="muted">
              podCIDR {side.cidr}
            </Label>
            {side.pods.map((pod, i) => {
              const x = side.x + 16 + i * 168;
              return (
                <g key={pod.ip}>
                  <Box x={x} y={56} w={140} h={48} tone={i === 0 ? "accent" : "plain"} />
                  <Label x={x + 70} y={75} size="sm" bold>
                    Pod
                  </Label>
                  <Label x={x + 70} y={94} size="sm" mono>
                    eth0 {pod.ip}
                  </Label>
                  <Box x={x} y={126} w={140} h={24} />
                  <Label x={x + 70} y={142} size="sm" mono>
                    {pod.cali}
                  </Label>
                  {i === 1 && <Arrow points={[[x + 70, 104], [x + 70, 126]]} plain />}
                </g>
              );
            })}
            {side.route.map((line, i) => (
              <Label key={line} x={px + 12} y={176 + i * 16} anchor="start" size="sm" mono tone="accent">
                {line}
              </Label>
            ))}
            <Box x={side.x + 16} y={206} w={140} h={24} />
            <Label x={px} y={222} size="sm" mono>
              tunl0
            </Label>
            <Box x={side.x + 16} y={252} w={140} h={28} />
            <Label x={px} y={270} size="sm" mono>
              eth0 {side.nodeIp}
            </Label>
            {hops.map(([a, b]) => (
              <Arrow key={a} points={sending ? [[px, a], [px, b]] : [[px, b], [px, a]]} tone="accent" />
            ))}
          </g>
        );
      })}

      <Arrow points={[[16, WIRE_Y], [744, WIRE_Y]]} plain />
      <Label x={744} y={WIRE_Y - 8} anchor="end" size="sm" mono tone="muted">
        192.168.56.0/24
      </Label>
      <Arrow
        points={[
          [pathX[0]!, 280],
          [pathX[0]!, WIRE_Y],
          [pathX[1]!, WIRE_Y],
          [pathX[1]!, 280],
        ]}
        tone="accent"
      />

      <Arrow points={[[380, WIRE_Y], [380, 354]]} tone="muted" dashed plain />
      <Box x={196} y={354} w={368} h={74} tone="accent" dashed />
      <Label x={380} y={374} size="sm" mono>
        IPIP · 192.168.56.11 → 192.168.56.12
      </Label>
      <Box x={212} y={384} w={336} h={32} />
      <Label x={380} y={405} size="sm" mono bold>
        10.244.1.5 → 10.244.2.4 · payload
      </Label>
    </g>
  );
}
