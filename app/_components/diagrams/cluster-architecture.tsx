import { Arrow, Box, Cylinder, Label, type Point } from "./parts";

// The map of a cluster: the control plane on top, two worker nodes below. Every arrow is a client
// connecting to kube-apiserver; only kube-apiserver talks to etcd. Lesson: the-cluster.

function Worker({ x, name }: { x: number; name: string }) {
  const pods = [
    { px: x + 14, containers: 2 },
    { px: x + 126, containers: 1 },
    { px: x + 238, containers: 2 },
  ];
  return (
    <g>
      <Box x={x} y={250} w={356} h={208} tone="group" />
      <Label x={x + 342} y={272} anchor="end" bold mono>
        {name}
      </Label>
      <Box x={x + 14} y={284} w={120} h={36} />
      <Label x={x + 74} y={307}>
        kubelet
      </Label>
      <Box x={x + 146} y={284} w={120} h={36} />
      <Label x={x + 206} y={307}>
        kube-proxy
      </Label>
      <Arrow points={[[x + 74, 320], [x + 74, 342]]} />
      <Label x={x + 82} y={335} anchor="start" size="sm" mono tone="muted">
        CRI
      </Label>
      <Box x={x + 14} y={342} w={328} h={32} />
      <Label x={x + 178} y={363}>
        container runtime (containerd, CRI-O)
      </Label>
      {pods.map(({ px, containers }) => (
        <g key={px}>
          <Arrow points={[[px + 50, 374], [px + 50, 394]]} />
          <Box x={px} y={394} w={100} h={50} tone="accent" />
          <Label x={px + 50} y={411} size="sm" bold>
            Pod
          </Label>
          {Array.from({ length: containers }, (_, i) => {
            const cx = px + 50 - (containers * 26 - 4) / 2 + i * 26;
            return <Box key={i} x={cx} y={420} w={22} h={14} rx={3} />;
          })}
        </g>
      ))}
    </g>
  );
}

// Where the clients' arrows meet kube-apiserver's bottom edge.
const API_BOTTOM = 180;

export function ClusterArchitecture() {
  const toApi: [Point, Point][] = [
    [[90, 284], [262, API_BOTTOM]],
    [[222, 284], [300, API_BOTTOM]],
    [[462, 284], [360, API_BOTTOM]],
    [[594, 284], [398, API_BOTTOM]],
  ];
  return (
    <g>
      <Box x={16} y={16} w={600} h={200} tone="group" />
      <Label x={30} y={36} anchor="start" size="sm" bold tone="muted">
        control plane
      </Label>

      <Box x={36} y={48} w={150} h={42} />
      <Label x={111} y={74}>
        kube-scheduler
      </Label>
      <Box x={200} y={48} w={200} h={42} />
      <Label x={300} y={74}>
        kube-controller-manager
      </Label>
      <Box x={414} y={48} w={186} h={42} dashed />
      <Label x={507} y={74}>
        cloud-controller-manager
      </Label>

      <Cylinder x={36} y={124} w={130} h={62} />
      <Label x={101} y={164} bold>
        etcd
      </Label>
      <Box x={230} y={130} w={200} h={50} tone="accent" />
      <Label x={330} y={160} bold>
        kube-apiserver
      </Label>
      <Box x={644} y={130} w={100} h={50} />
      <Label x={694} y={160} mono>
        kubectl
      </Label>

      <Arrow points={[[111, 90], [270, 130]]} />
      <Arrow points={[[300, 90], [300, 130]]} />
      <Arrow points={[[507, 90], [400, 130]]} />
      <Arrow points={[[166, 155], [230, 155]]} both tone="accent" />
      <Arrow points={[[644, 155], [430, 155]]} />
      <Label x={537} y={147} size="sm" mono tone="muted">
        HTTPS :6443
      </Label>

      <Worker x={16} name="node01" />
      <Worker x={388} name="node02" />
      {toApi.map(([from, to]) => (
        <Arrow key={from[0]} points={[from, to]} />
      ))}
    </g>
  );
}
