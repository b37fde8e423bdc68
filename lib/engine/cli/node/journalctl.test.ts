// Golden tests for journalctl through the terminal: the kubelet's journal, the header systemd
// 249 prints, filters, follow mode, and who may read the system journal.
import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";
import { parseTimestamp } from "./journalctl";

const lines = (...l: string[]) => `${l.join("\n")}\n`;
const HEADER = "-- Journal begins at Wed 2025-12-31 23:45:00 UTC, ends at Wed 2025-12-31 23:45:00 UTC. --";

describe("journalctl", () => {
  const sb = Sandbox.create({ seed: 3 });

  it("shows the last lines of the kubelet's journal", () => {
    expect(sb.exec("journalctl -u kubelet -n 5")).toMatchObject({
      exitCode: 0,
      output: lines(
        HEADER,
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.054704    1078 server.go:1274] "Started kubelet"',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.060839    1078 server.go:163] "Starting to listen" address="0.0.0.0" port=10250',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.077887    1078 volume_manager.go:289] "Starting Kubelet Volume Manager"',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.312325    1078 kubelet_node_status.go:72] "Attempting to register node" node="controlplane"',
        'Dec 31 23:45:00 controlplane kubelet[1078]: I1231 23:45:00.341237    1078 kubelet_node_status.go:75] "Successfully registered node" node="controlplane"',
      ),
    });
  });

  it("starts the unit's journal with systemd's line and the kubelet's deprecation warnings", () => {
    expect(sb.exec("journalctl -u kubelet.service --no-pager | head -4").output).toBe(
      lines(
        HEADER,
        "Dec 31 23:45:00 controlplane systemd[1]: Started kubelet: The Kubernetes Node Agent.",
        "Dec 31 23:45:00 controlplane kubelet[1078]: Flag --container-runtime-endpoint has been deprecated, This parameter should be set via the config file specified by the Kubelet's --config flag. See https://kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/ for more information.",
        "Dec 31 23:45:00 controlplane kubelet[1078]: Flag --pod-infra-container-image has been deprecated, will be removed in a future release. Image garbage collector will get sandbox image information from CRI.",
      ),
    );
  });

  it("filters by time, identifier and output format", () => {
    expect(sb.exec("journalctl -u containerd --since '2025-12-31 23:45:00' --until '2025-12-31 23:45:00.2'").output).toBe(
      lines(
        HEADER,
        "Dec 31 23:45:00 controlplane systemd[1]: Starting containerd container runtime...",
        'Dec 31 23:45:00 controlplane containerd[612]: time="2025-12-31T23:45:00.031252726Z" level=info msg="starting containerd" revision=88bf19b2105c8b17560993bee28a01ddc2f97182 version=1.7.24',
      ),
    );
    expect(sb.exec("journalctl -t systemd -u containerd -o cat").output).toBe(lines(HEADER, "Starting containerd container runtime...", "Started containerd container runtime."));
    expect(sb.exec("journalctl -u kubelet -q -n 1 --no-hostname").output).toBe(
      'Dec 31 23:45:00 kubelet[1078]: I1231 23:45:00.341237    1078 kubelet_node_status.go:75] "Successfully registered node" node="controlplane"\n',
    );
  });

  it("prints the header and -- No entries -- for a unit without entries", () => {
    expect(sb.exec("journalctl -u nginx")).toMatchObject({ output: lines(HEADER, "-- No entries --"), exitCode: 0 });
    expect(sb.exec("journalctl -u kubelet -n 0").output).toBe("-- No entries --\n");
  });

  it("rejects what systemd rejects", () => {
    expect(sb.exec("journalctl --since yesterdayish")).toMatchObject({ output: "Failed to parse timestamp: yesterdayish\n", exitCode: 1 });
    expect(sb.exec("journalctl -b -1")).toMatchObject({ output: "Data from the specified boot (-1) is not available: No such boot ID in journal\n", exitCode: 1 });
    expect(sb.exec("journalctl -u kubelet -n x")).toMatchObject({ output: "Failed to add match 'x': Invalid argument\n", exitCode: 1 });
    expect(sb.exec("journalctl --bogus")).toMatchObject({ output: "journalctl: unrecognized option '--bogus'\n", exitCode: 1 });
  });

  it("follows: the tail, then what the unit writes while time passes", () => {
    sb.exec("systemctl restart kubelet");
    const out = sb.exec("journalctl -u kubelet -f -n 1").output.split("\n");
    expect(out[0]).toBe("-- Journal begins at Wed 2025-12-31 23:45:00 UTC. --");
    expect(out[1]).toBe("Jan 01 00:00:00 controlplane systemd[1]: Started kubelet: The Kubernetes Node Agent.");
    expect(out[2]).toMatch(/^Jan 01 00:00:00 controlplane kubelet\[5001\]: Flag --container-runtime-endpoint has been deprecated/);
    expect(out.at(-2)).toMatch(/"Successfully registered node" node="controlplane"$/);
  });

  it("gives a user outside adm and systemd-journal only the hint", () => {
    const host = sb.hosts.controlplane!;
    host.users.bob = { name: "bob", uid: 1001, gid: 1001, home: "/root", shell: "/bin/bash", groups: [], sudo: "none" };
    expect(sb.exec("su bob -c 'journalctl -u kubelet'")).toMatchObject({
      output: lines(
        "Hint: You are currently not seeing messages from other users and the system.",
        "      Users in groups 'adm', 'systemd-journal' can see all messages.",
        "      Pass -q to turn off this notice.",
        "-- No entries --",
      ),
      exitCode: 0,
    });
  });
});

describe("parseTimestamp", () => {
  const now = Date.UTC(2026, 0, 1, 12, 30, 0);
  it("reads systemd's time specifications", () => {
    expect(parseTimestamp("2026-01-01 10:00", now)).toBe(Date.UTC(2026, 0, 1, 10, 0, 0));
    expect(parseTimestamp("10:15:30", now)).toBe(Date.UTC(2026, 0, 1, 10, 15, 30));
    expect(parseTimestamp("today", now)).toBe(Date.UTC(2026, 0, 1));
    expect(parseTimestamp("yesterday", now)).toBe(Date.UTC(2025, 11, 31));
    expect(parseTimestamp("-5min", now)).toBe(now - 300_000);
    expect(parseTimestamp("1 hour ago", now)).toBe(now - 3_600_000);
    expect(parseTimestamp("2h 30min ago", now)).toBe(now - 9_000_000);
    expect(parseTimestamp("soon", now)).toBeUndefined();
  });
});
