// The unit lifecycle on a Docker host (CentOS Stream 8, systemd 239): stopping dockerd stops its
// containers, the journal helper, and systemd's number formats.
import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";
import { account, makeHost } from "../../shell/test-support";
import { dockerCommand, installDocker } from "../../docker";
import type { CommandContext, CommandResult } from "../../shell/types";
import type { World } from "../../world";
import { systemctlCommand } from "./systemctl";
import { journalctlCommand } from "./journalctl";
import { journal } from "./units";
import { formatBytes, formatTimespan, relativeTimestamp } from "./format";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("systemctl on a Docker host", () => {
  const sb = Sandbox.create({ seed: 3 });
  const world = sb.world();
  const host = makeHost({ name: "stapp01", distro: "centos", ip: "172.16.238.10", users: [account("tony", 1000, { password: "Ir0nM@n", sudo: "password", groups: ["wheel"] })], now: world.now() - 600_000 });
  installDocker(host, { now: world.now() - 590_000, random: world.random, version: "20.10.7" });
  sb.hosts.stapp01 = host;
  const run = (cmd: (ctx: CommandContext<World>) => CommandResult, line: string, user = "root"): CommandResult =>
    cmd({ name: "x", args: line.split(" "), stdin: "", env: {}, cwd: "/root", user, host, world, stdoutIsTty: false });

  it("shows docker in systemd 239's layout", () => {
    expect(run(systemctlCommand, "status docker")).toMatchObject({
      exitCode: 0,
      stdout: lines(
        "● docker.service - Docker Application Container Engine",
        "   Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; vendor preset: disabled)",
        "   Active: active (running) since Wed 2025-12-31 23:50:10 UTC; 9min ago",
        "     Docs: https://docs.docker.com",
        " Main PID: 1001 (dockerd)",
        "    Tasks: 9",
        "   Memory: 39.3M",
        "   CGroup: /system.slice/docker.service",
        "           └─1001 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock",
        "",
        "Dec 31 23:50:10 stapp01 systemd[1]: Starting Docker Application Container Engine...",
        'Dec 31 23:50:10 stapp01 dockerd[1001]: level=info msg="Loading containers: done."',
        'Dec 31 23:50:10 stapp01 dockerd[1001]: level=info msg="Daemon has completed initialization"',
        'Dec 31 23:50:10 stapp01 dockerd[1001]: level=info msg="API listen on /run/docker.sock"',
        "Dec 31 23:50:10 stapp01 systemd[1]: Started Docker Application Container Engine.",
      ),
    });
  });

  it("stops dockerd and its containers; the daemon no longer answers", () => {
    const docker = (line: string) => (dockerCommand as unknown as (ctx: CommandContext<World>) => CommandResult)({ name: "docker", args: line.split(" "), stdin: "", env: {}, cwd: "/root", user: "root", host, world });
    expect(docker("run -d --name web nginx").exitCode).toBe(0);
    expect(run(systemctlCommand, "stop docker")).toMatchObject({ stdout: "", stderr: "", exitCode: 0 });
    expect(host.units.docker!.active).toBe("inactive");
    expect(host.docker!.containers.find((c) => c.name === "web")?.status).toBe("exited");
    expect(docker("ps").stderr).toBe("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n");
    const status = run(systemctlCommand, "status docker");
    expect(status.exitCode).toBe(3);
    expect(status.stdout.split("\n").slice(0, 6).join("\n")).toBe(
      [
        "● docker.service - Docker Application Container Engine",
        "   Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; vendor preset: disabled)",
        "   Active: inactive (dead) since Thu 2026-01-01 00:00:00 UTC; 3ms ago",
        "     Docs: https://docs.docker.com",
        "  Process: 1001 ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock (code=exited, status=0/SUCCESS)",
        " Main PID: 1001 (code=exited, status=0/SUCCESS)",
      ].join("\n"),
    );
    expect(status.stdout.endsWith(lines("Jan 01 00:00:00 stapp01 systemd[1]: docker.service: Succeeded.", "Jan 01 00:00:00 stapp01 systemd[1]: Stopped Docker Application Container Engine."))).toBe(true);
  });

  it("starts it again with a new main process", () => {
    expect(run(systemctlCommand, "start docker").exitCode).toBe(0);
    expect(run(systemctlCommand, "is-active docker").stdout).toBe("active\n");
    // `docker run` took four pids (the shim, nginx and its two workers) since dockerd's.
    expect(run(systemctlCommand, "show -p MainPID --value docker").stdout).toBe("1006\n");
  });

  it("lets tony read the journal (wheel) but not stop docker without sudo", () => {
    expect(run(journalctlCommand, "-u docker -n 1", "tony").stdout).toMatch(/^-- Logs begin at Wed 2025-12-31 23:50:10 UTC, end at Thu 2026-01-01 00:00:00 UTC\. --\n/);
    expect(run(systemctlCommand, "stop docker", "tony")).toMatchObject({
      stderr: "Failed to stop docker.service: Interactive authentication required.\nSee system logs and 'systemctl status docker.service' for details.\n",
      exitCode: 1,
    });
  });

  it("lists unit files without the preset column of later versions", () => {
    expect(run(systemctlCommand, "list-unit-files --type=service docker*").stdout).toBe(lines("UNIT FILE      STATE", "docker.service enabled", "", "1 unit files listed."));
  });
});

describe("the journal helper", () => {
  it("appends a line to a unit's journal with its main pid", () => {
    const sb = Sandbox.create({ seed: 6 });
    const host = sb.hosts.node01!;
    journal(host, "kubelet", "kubelet", 'I0101 00:00:00.000000    1078 kubelet.go:2407] "Starting kubelet main sync loop"', sb.now());
    expect(sb.exec("ssh node01 journalctl -u kubelet -n 1 -q").output).toBe('Jan 01 00:00:00 node01 kubelet[1078]: I0101 00:00:00.000000    1078 kubelet.go:2407] "Starting kubelet main sync loop"\n');
  });
});

describe("systemd's formats", () => {
  it("formats time spans like format_timespan", () => {
    expect(formatTimespan(62_345)).toBe("1min 2.345s");
    expect(formatTimespan(18_000)).toBe("18s");
    expect(formatTimespan(345)).toBe("345ms");
    expect(formatTimespan(3_723_004)).toBe("1h 2min 3.004s");
  });

  it("formats sizes like format_bytes", () => {
    expect(formatBytes(58_900_000)).toBe("56.1M");
    expect(formatBytes(4096)).toBe("4.0K");
    expect(formatBytes(512)).toBe("512B");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3.0G");
  });

  it("formats relative times like format_timestamp_relative", () => {
    const now = 1_000_000_000;
    expect(relativeTimestamp(now - 900_000, now)).toBe("15min ago");
    expect(relativeTimestamp(now - 95_000, now)).toBe("1min 35s ago");
    expect(relativeTimestamp(now - 3_720_000, now)).toBe("1h 2min ago");
    expect(relativeTimestamp(now - 26 * 3_600_000, now)).toBe("1 day 2h ago");
    expect(relativeTimestamp(now - 20 * 86_400_000, now)).toBe("2 weeks 6 days ago");
    expect(relativeTimestamp(now - 3, now)).toBe("3ms ago");
  });
});
