// Creating a Docker engine on a host: the engine state, the `docker` systemd unit, /etc/docker,
// the docker group. Also what happens to containers when the daemon stops and starts.
import type { Millis } from "../clock";
import type { HostState, UnitState } from "../hosts/types";
import type { Random } from "../random";
import { predefinedNetworks, type EngineEnv } from "./networks";
import type { DockerEngineState } from "./types";
import { CURRENT_ENGINE } from "./versions";

export interface InstallDockerOptions {
  /** Engine version, e.g. "20.10.7" (the course's CentOS app servers) or "28.3.3" (default). */
  version?: string;
  now: Millis;
  random: Random;
  /** Users to add to the docker group (they may then use docker without sudo). */
  dockerUsers?: string[];
  /** Leave the daemon stopped (unit inactive). */
  stopped?: boolean;
}

/** A fresh engine with its three predefined networks. */
export function createEngineState(version: string, env: EngineEnv): DockerEngineState {
  const id = Array.from({ length: 12 }, () => env.random.string("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 4)).join(":");
  return { version, daemonId: id, networks: predefinedNetworks(env), containers: [], images: [], startedAt: env.now };
}

function dockerUnit(host: HostState, now: Millis, pid: number, stopped: boolean): UnitState {
  const fragment = host.distro === "centos" ? "/usr/lib/systemd/system/docker.service" : "/lib/systemd/system/docker.service";
  const unit: UnitState = {
    name: "docker",
    description: "Docker Application Container Engine",
    active: stopped ? "inactive" : "active",
    sub: stopped ? "dead" : "running",
    enabled: "enabled",
    fragmentPath: fragment,
    dropIns: [],
    since: now,
    execStart: "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock",
    memoryBytes: 41_263_104,
    tasks: 9,
    journal: stopped
      ? []
      : [
          { at: now, ident: "systemd", message: "Starting Docker Application Container Engine..." },
          { at: now + 412, ident: "dockerd", pid, message: 'level=info msg="Loading containers: done."' },
          { at: now + 530, ident: "dockerd", pid, message: 'level=info msg="Daemon has completed initialization"' },
          { at: now + 561, ident: "dockerd", pid, message: 'level=info msg="API listen on /run/docker.sock"' },
          { at: now + 561, ident: "systemd", message: "Started Docker Application Container Engine." },
        ],
  };
  if (!stopped) unit.mainPid = pid;
  return unit;
}

/**
 * Installs Docker on `host`: the engine state (host.docker), the `docker` and `containerd`
 * units, /etc/docker, /var/lib/docker, the docker group in /etc/group, and group membership
 * for `dockerUsers`.
 */
export function installDocker(host: HostState, opts: InstallDockerOptions): DockerEngineState {
  const version = opts.version ?? CURRENT_ENGINE;
  const env: EngineEnv = { now: opts.now, random: opts.random, host };
  const engine = createEngineState(version, env);
  host.docker = engine;
  const containerdPid = host.nextPid++;
  const dockerdPid = host.nextPid++;
  host.units.containerd = {
    name: "containerd",
    description: "containerd container runtime",
    active: "active",
    sub: "running",
    enabled: "enabled",
    fragmentPath: host.distro === "centos" ? "/usr/lib/systemd/system/containerd.service" : "/lib/systemd/system/containerd.service",
    dropIns: [],
    since: opts.now,
    mainPid: containerdPid,
    execStart: "/usr/bin/containerd",
    memoryBytes: 30_658_560,
    tasks: 8,
    journal: [{ at: opts.now, ident: "systemd", message: "Started containerd container runtime." }],
  };
  host.units.docker = dockerUnit(host, opts.now, dockerdPid, opts.stopped ?? false);
  const dir = (mode: number) => ({ type: "dir" as const, mode, owner: "root", group: "root", mtime: opts.now });
  host.fs["/etc/docker"] = dir(0o755);
  host.fs["/var/lib/docker"] = dir(0o710);
  const group = host.fs["/etc/group"];
  const members = (opts.dockerUsers ?? []).filter((u) => host.users[u]);
  const line = `docker:x:993:${members.join(",")}`;
  if (group && group.type === "file") {
    if (!/^docker:/m.test(group.content)) group.content = `${group.content.replace(/\n?$/, "\n")}${line}\n`;
  } else {
    host.fs["/etc/group"] = { type: "file", content: `root:x:0:\n${line}\n`, mode: 0o644, owner: "root", group: "root", mtime: opts.now };
  }
  for (const u of members) {
    const user = host.users[u]!;
    if (!user.groups.includes("docker")) user.groups.push("docker");
  }
  return engine;
}

/** Whether the daemon answers: the `docker` unit is active (a host without the unit counts as up). */
export function daemonRunning(host: HostState): boolean {
  const unit = host.units.docker;
  return !unit || unit.active === "active";
}

/**
 * The daemon shuts down (systemctl stop docker): containers get their stop signal; those that
 * ignore it are killed (exit 137). Call after marking the unit inactive.
 */
export function onDaemonStop(engine: DockerEngineState, now: Millis): void {
  for (const c of engine.containers) {
    if (c.status !== "running") continue;
    const run = c.runs[c.runs.length - 1];
    const plan = run?.plan;
    c.status = "exited";
    c.exitCode = plan?.handlesSigterm ? plan.sigtermExitCode : 137;
    c.finishedAt = now;
    if (run) run.endedAt = now;
    for (const e of c.endpoints) {
      const n = engine.networks.find((x) => x.id === e.networkId);
      if (n && e.ip) for (const p of n.pools) p.allocated = p.allocated.filter((a) => a !== e.ip);
      e.ip = "";
    }
  }
  engine.containers = engine.containers.filter((c) => !(c.autoRemove && c.status === "exited"));
}

/** The daemon starts again: the default bridge gets a new ID, as it does on every start. */
export function onDaemonStart(engine: DockerEngineState, now: Millis, random: Random): void {
  const bridge = engine.networks.find((n) => n.predefined && n.name === "bridge");
  if (bridge) {
    const old = bridge.id;
    bridge.id = random.hex(64);
    for (const c of engine.containers) for (const e of c.endpoints) if (e.networkId === old) e.networkId = bridge.id;
  }
  engine.startedAt = now;
}
