import { Arrow, Box, Label, Mark, type Tone } from "./parts";

// A three-member etcd cluster (the members of the lesson's `etcdctl endpoint status`) with no
// failure, one failure and two failures. Quorum is 2: one failure costs the leader, a new one is
// elected in the next term and writes go on; with two failures no leader can be elected.
// Lesson: etcd.

type Member = { ip: string; role?: "leader" | "follower"; down?: boolean };
type Panel = { members: [Member, Member, Member]; term?: number; up: number };

const PANELS: Panel[] = [
  {
    term: 3,
    up: 3,
    members: [
      { ip: "172.30.1.2", role: "leader" },
      { ip: "172.30.1.3", role: "follower" },
      { ip: "172.30.1.4", role: "follower" },
    ],
  },
  {
    term: 4,
    up: 2,
    members: [
      { ip: "172.30.1.2", down: true },
      { ip: "172.30.1.3", role: "leader" },
      { ip: "172.30.1.4", role: "follower" },
    ],
  },
  {
    up: 1,
    members: [
      { ip: "172.30.1.2", down: true },
      { ip: "172.30.1.3", down: true },
      { ip: "172.30.1.4" },
    ],
  },
];

const QUORUM = 2;
const PANEL_W = 232;
const MEMBER_W = 92;
const MEMBER_H = 46;

function MemberBox({ member, cx, cy }: { member: Member; cx: number; cy: number }) {
  const tone: Tone = member.down ? "bad" : member.role === "leader" ? "accent" : member.role ? "plain" : "muted";
  const x = cx - MEMBER_W / 2;
  const y = cy - MEMBER_H / 2;
  return (
    <g>
      <Box x={x} y={y} w={MEMBER_W} h={MEMBER_H} tone={tone} dashed={member.down} />
      <Label x={cx} y={cy - 4} size="sm" mono>
        {member.ip}
      </Label>
      {member.down ? (
        <Mark x={cx} y={cy + 15} ok={false} />
      ) : (
        <Label x={cx} y={cy + 15} size="sm" bold={member.role === "leader"} tone={member.role ? "ink" : "muted"}>
          {member.role ?? "–"}
        </Label>
      )}
    </g>
  );
}

export function EtcdRaftQuorum() {
  return (
    <g>
      <Label x={380} y={26} mono>
        n = 3 · quorum = ⌊n/2⌋ + 1 = 2
      </Label>
      {PANELS.map((panel, p) => {
        const px = 16 + p * (PANEL_W + 16);
        // Positions: top centre, bottom left, bottom right.
        const spots: [number, number][] = [
          [px + PANEL_W / 2, 96],
          [px + 52, 196],
          [px + PANEL_W - 52, 196],
        ];
        const leader = panel.members.findIndex((m) => m.role === "leader");
        const ok = panel.up >= QUORUM;
        return (
          <g key={p}>
            <Box x={px} y={44} w={PANEL_W} h={240} tone="group" />
            {panel.term !== undefined && (
              <Label x={px + PANEL_W - 10} y={62} anchor="end" size="sm" mono tone="muted">
                term {panel.term}
              </Label>
            )}
            {leader >= 0 &&
              panel.members.map((member, i) => {
                if (i === leader || member.down) return null;
                const [lx, ly] = spots[leader]!;
                const [fx, fy] = spots[i]!;
                // From the leader's edge to the follower's edge, along the line between centres.
                const dx = fx - lx;
                const dy = fy - ly;
                const horizontal = Math.abs(dy) < 1;
                const from: [number, number] = horizontal ? [lx + Math.sign(dx) * (MEMBER_W / 2), ly] : [lx + (dx * (MEMBER_H / 2)) / Math.abs(dy), ly + Math.sign(dy) * (MEMBER_H / 2)];
                const to: [number, number] = horizontal ? [fx - Math.sign(dx) * (MEMBER_W / 2), fy] : [fx - (dx * (MEMBER_H / 2)) / Math.abs(dy), fy - Math.sign(dy) * (MEMBER_H / 2)];
                return <Arrow key={i} points={[from, to]} tone="accent" />;
              })}
            {panel.members.map((member, i) => (
              <MemberBox key={member.ip} member={member} cx={spots[i]![0]} cy={spots[i]![1]} />
            ))}
            <Label x={px + PANEL_W / 2 - 8} y={262} mono bold>
              {panel.up} {ok ? "≥" : "<"} {QUORUM}
            </Label>
            <Mark x={px + PANEL_W / 2 + 30} y={262} ok={ok} />
          </g>
        );
      })}
    </g>
  );
}
