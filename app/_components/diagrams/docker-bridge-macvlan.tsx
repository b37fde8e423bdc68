import { Arrow, Box, Cross, Label } from "./parts";

// One host on the LAN 172.28.0.0/24, two ways to attach containers. bridge: veth pairs into
// docker0 on a private range, NAT to the host's address on the way out, -p to come in; the LAN
// sees one address. macvlan: each container has its own MAC and LAN address on the parent
// interface, no NAT; the LAN sees three, and the host cannot reach its own macvlan containers.
// Lesson: docker-networks.

const LAN_Y = 350;

function Lan({ x }: { x: number }) {
  return (
    <g>
      <Arrow points={[[x, LAN_Y], [x + 356, LAN_Y]]} plain />
      <Label x={x + 6} y={LAN_Y + 22} anchor="start" size="sm" mono tone="muted">
        172.28.0.0/24
      </Label>
      <Arrow points={[[x + 296, LAN_Y], [x + 296, LAN_Y + 16]]} plain />
      <Box x={x + 226} y={LAN_Y + 16} w={130} h={28} />
      <Label x={x + 291} y={LAN_Y + 35} size="sm" mono>
        gateway .1
      </Label>
    </g>
  );
}

function Container({ x, y, h, name, lines }: { x: number; y: number; h: number; name: string; lines: string[] }) {
  return (
    <g>
      <Box x={x} y={y} w={140} h={h} tone="accent" />
      <Label x={x + 70} y={y + 20} bold mono>
        {name}
      </Label>
      {lines.map((line, i) => (
        <Label key={line} x={x + 70} y={y + 38 + i * 16} size="sm" mono tone={i === 0 ? "ink" : "muted"}>
          {line}
        </Label>
      ))}
    </g>
  );
}

function Bridge() {
  return (
    <g>
      <Label x={16} y={30} anchor="start" size="lg" mono>
        bridge
      </Label>
      <Box x={16} y={44} w={356} h={262} tone="group" />
      <Container x={32} y={60} h={56} name="web" lines={["eth0 172.17.0.2"]} />
      <Container x={216} y={60} h={56} name="db" lines={["eth0 172.17.0.3"]} />
      {[102, 286].map((x) => (
        <g key={x}>
          <Arrow points={[[x, 116], [x, 160]]} plain />
          <Label x={x + 6} y={142} anchor="start" size="sm" mono tone="muted">
            veth
          </Label>
        </g>
      ))}
      <Box x={32} y={160} w={324} h={30} />
      <Label x={194} y={180} size="sm" mono bold>
        docker0 172.17.0.1/16
      </Label>
      <Arrow points={[[194, 190], [194, 206]]} plain />
      <Box x={86} y={206} w={216} h={46} tone="muted" />
      <Label x={194} y={225} size="sm" mono>
        iptables MASQUERADE
      </Label>
      <Label x={194} y={242} size="sm" mono>
        -p 8080:80 → 172.17.0.2:80
      </Label>
      <Arrow points={[[194, 252], [194, 266]]} plain />
      <Box x={32} y={266} w={324} h={28} />
      <Label x={194} y={285} size="sm" mono bold>
        eth0 172.28.0.10
      </Label>
      <Arrow points={[[194, 294], [194, LAN_Y]]} plain />
      <Label x={200} y={LAN_Y - 8} anchor="start" size="sm" mono>
        .10
      </Label>
      <Lan x={16} />
    </g>
  );
}

function Macvlan() {
  const web = 474;
  const host = 566;
  const db = 658;
  return (
    <g>
      <Label x={388} y={30} anchor="start" size="lg" mono>
        macvlan
      </Label>
      <Box x={388} y={44} w={356} h={262} tone="group" />
      <Container x={404} y={60} h={72} name="web" lines={["eth0 172.28.0.130", "02:42:ac:1c:00:82"]} />
      <Container x={588} y={60} h={72} name="db" lines={["eth0 172.28.0.131", "02:42:ac:1c:00:83"]} />
      <Arrow points={[[web, 132], [web, 240]]} plain />
      <Arrow points={[[db, 132], [db, 240]]} plain />
      <Arrow points={[[host - 6, 240], [532, 132]]} tone="bad" dashed plain />
      <Cross cx={547} cy={190} />
      <Box x={404} y={240} w={324} h={28} />
      <Label x={host} y={259} size="sm" mono bold>
        parent=eth0 172.28.0.10
      </Label>
      {[
        [web, ".130"],
        [host, ".10"],
        [db, ".131"],
      ].map(([x, ip]) => (
        <g key={ip}>
          <Arrow points={[[x as number, 268], [x as number, LAN_Y]]} plain />
          <Label x={(x as number) + 6} y={LAN_Y - 8} anchor="start" size="sm" mono>
            {ip}
          </Label>
        </g>
      ))}
      <Lan x={388} />
    </g>
  );
}

export function DockerBridgeMacvlan() {
  return (
    <g>
      <Bridge />
      <Macvlan />
    </g>
  );
}
