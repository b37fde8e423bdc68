import { Arrow, Box, Label } from "./parts";

// The lesson's Services in front of the five nginx Pods: a client Pod calls the ClusterIP, and an
// outside client calls port 30000 of the control-plane node, which runs none of the Pods; its
// iptables rules, written by kube-proxy, DNAT the connection to a Pod on a worker. The port is
// open on every node. Lesson: services-and-kube-proxy.

type NodeBox = { name: string; ip: string; x: number; w: number; pods: string[] };

const NODES: NodeBox[] = [
  { name: "controlplane", ip: "192.168.56.10", x: 16, w: 200, pods: [] },
  { name: "worker-1", ip: "192.168.56.11", x: 230, w: 290, pods: ["10.244.1.5", "10.244.1.6", "10.244.1.7"] },
  { name: "worker-2", ip: "192.168.56.12", x: 534, w: 210, pods: ["10.244.2.4", "10.244.2.5"] },
];

const NODE_Y = 120;
const NODE_H = 270;
const POD_Y = 140;
const POD_W = 82;
const POD_H = 46;
const RULES_Y = 290;
const SERVICE = { x: 210, y: 16, w: 380, h: 64 };

function podX(node: NodeBox, i: number): number {
  return node.x + 14 + i * (POD_W + 10);
}

export function ServiceClusterIpNodePort() {
  const pods = NODES.flatMap((node) => node.pods.map((ip, i) => ({ ip, cx: podX(node, i) + POD_W / 2 })));
  const serviceBottom = SERVICE.y + SERVICE.h;
  const target = pods.find((p) => p.ip === "10.244.1.6")!;
  const entry = NODES[0]!;
  const entryX = entry.x + 12 + 40;
  return (
    <g>
      <Box x={16} y={20} w={160} h={56} tone="accent" />
      <Label x={96} y={42} bold>
        Pod
      </Label>
      <Label x={96} y={62} size="sm" mono>
        curl 10.96.143.27
      </Label>
      <Arrow points={[[176, 48], [SERVICE.x, 48]]} />

      <Box {...SERVICE} tone="accent" dashed />
      <Label x={SERVICE.x + SERVICE.w / 2} y={SERVICE.y + 26} mono bold>
        Service nginx-service-cluster-ip
      </Label>
      <Label x={SERVICE.x + SERVICE.w / 2} y={SERVICE.y + 47} size="sm" mono>
        ClusterIP 10.96.143.27:80 → targetPort 80
      </Label>

      {NODES.map((node) => {
        const rulesX = node.x + 12;
        return (
          <g key={node.name}>
            <Box x={node.x} y={NODE_Y} w={node.w} h={NODE_H} tone="group" />
            {node.pods.map((ip, i) => {
              const x = podX(node, i);
              return (
                <g key={ip}>
                  <Box x={x} y={POD_Y} w={POD_W} h={POD_H} />
                  <Label x={x + POD_W / 2} y={POD_Y + 19} size="sm" bold>
                    Pod
                  </Label>
                  <Label x={x + POD_W / 2} y={POD_Y + 36} size="sm" mono>
                    {ip}
                  </Label>
                </g>
              );
            })}
            <Box x={rulesX} y={RULES_Y} w={80} h={34} />
            <Label x={rulesX + 40} y={RULES_Y + 22} size="sm" mono>
              iptables
            </Label>
            <Box x={rulesX + 96} y={RULES_Y} w={86} h={34} />
            <Label x={rulesX + 139} y={RULES_Y + 22} size="sm" mono>
              kube-proxy
            </Label>
            <Arrow points={[[rulesX + 96, RULES_Y + 17], [rulesX + 80, RULES_Y + 17]]} />
            <Label x={node.x + node.w - 12} y={352} anchor="end" mono bold>
              {node.name}
            </Label>
            <Label x={node.x + node.w - 12} y={370} anchor="end" size="sm" mono tone="muted">
              {node.ip}
            </Label>
            <Box x={rulesX + 8} y={NODE_Y + NODE_H - 12} w={64} h={24} tone="accent" />
            <Label x={rulesX + 40} y={NODE_Y + NODE_H + 4} size="sm" mono bold>
              :30000
            </Label>
          </g>
        );
      })}

      {/* After the nodes, so the node boxes do not hide the arrows. */}
      {pods.map((pod, i) => {
        const from = SERVICE.x + 60 + i * ((SERVICE.w - 120) / (pods.length - 1));
        return <Arrow key={pod.ip} points={[[from, serviceBottom], [pod.cx, POD_Y]]} />;
      })}

      <Box x={16} y={430} w={220} h={36} />
      <Label x={126} y={453} size="sm" mono>
        curl 192.168.56.10:30000
      </Label>
      <Arrow points={[[entryX, 430], [entryX, NODE_Y + NODE_H + 12]]} tone="accent" />
      <Arrow points={[[entryX, NODE_Y + NODE_H - 12], [entryX, RULES_Y + 34]]} tone="accent" />
      <Arrow
        points={[
          [entryX, RULES_Y],
          [entryX, 240],
          [target.cx, 240],
          [target.cx, POD_Y + POD_H],
        ]}
        tone="accent"
        dashed
      />
      <Label x={entry.x + 8} y={232} anchor="start" size="sm" mono tone="accent">
        DNAT → 10.244.1.6:80
      </Label>
    </g>
  );
}
