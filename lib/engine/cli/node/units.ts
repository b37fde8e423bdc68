// The life of a systemd unit on a simulated host: starting and stopping it (with the journal
// lines systemd and the daemon write), what its process does to the rest of the sandbox (the
// unit hooks: a stopped kubelet stops heartbeating, a stopped dockerd stops its containers), and
// the CPU time it has used.
import type { Millis } from "../../clock";
import type { HostState, JournalEntry, UnitState } from "../../hosts/types";
import type { World } from "../../world";
import { startKubelet, stopKubelet } from "../../kubelet/kubelet";
import { onDaemonStart, onDaemonStop } from "../../docker";
import { formatTimespan, jitter, klogHeader, rfc3339Nano } from "./format";
import { isOneshot, systemdProfile, unitSettings } from "./systemd";

/** What a unit's main process does to the sandbox when it starts and when it stops. */
export interface UnitHook {
  start(world: World, host: HostState): void;
  stop(world: World, host: HostState): void;
}

export const unitHooks: Record<string, UnitHook> = {
  kubelet: {
    start(world, host) {
      const spec = world.sandbox.environment.nodes.find((n) => n.name === host.name);
      if (spec) startKubelet(world.sandbox.cluster, spec);
    },
    stop(world, host) {
      stopKubelet(world.sandbox.cluster, host.name);
    },
  },
  docker: {
    start(world, host) {
      if (host.docker) onDaemonStart(host.docker, world.now(), world.random);
    },
    stop(world, host) {
      if (host.docker) onDaemonStop(host.docker, world.now());
    },
  },
};

/** A journal keeps this many entries per unit (older ones rotate away). */
const JOURNAL_CAP = 2000;

/**
 * Appends a line to a unit's journal, as the unit's process (or systemd) wrote it at `at`. The
 * kubelet and other daemons may use it for their own log lines. `pid` defaults to the unit's
 * main process (systemd's own lines are pid 1).
 */
export function journal(host: HostState, unit: string, ident: string, message: string, at: Millis, pid?: number) {
  const u = host.units[unit];
  if (!u) return;
  seedJournal(host, u);
  const entry: JournalEntry = { at, ident, message };
  const p = pid ?? (ident === "systemd" ? 1 : u.mainPid);
  if (p !== undefined) entry.pid = p;
  u.journal.push(entry);
  if (u.journal.length > JOURNAL_CAP) u.journal.splice(0, u.journal.length - JOURNAL_CAP);
}

function write(host: HostState, u: UnitState, ident: string, message: string, at: Millis, pid?: number) {
  journal(host, u.name, ident, message, at, pid);
}

/** How a unit tells systemd it is up: at once (simple) or when the daemon is ready (notify). */
function serviceType(host: HostState, u: UnitState): "simple" | "notify" {
  return unitSettings(host, u).get("Type")?.at(-1) === "notify" ? "notify" : "simple";
}

const NOTIFY_READY_MS: Record<string, number> = { containerd: 412, docker: 561 };

/** Processes a daemon writes to the journal as it starts, relative to its start. */
function startupLines(host: HostState, u: UnitState, t: Millis, restart = false): { at: Millis; message: string }[] {
  const pid = u.mainPid ?? 0;
  const seed = `${host.name}/${u.name}/${t}`;
  const klog = (offset: number, file: string, msg: string) => ({ at: t + offset, message: `${klogHeader("I", t + offset, jitter(`${seed}/${offset}`), pid, file)}${msg}` });
  if (u.name === "kubelet") {
    return [
      { at: t + 26, message: "Flag --container-runtime-endpoint has been deprecated, This parameter should be set via the config file specified by the Kubelet's --config flag. See https://kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/ for more information." },
      { at: t + 26, message: "Flag --pod-infra-container-image has been deprecated, will be removed in a future release. Image garbage collector will get sandbox image information from CRI." },
      klog(27, "server.go:211", '"--pod-infra-container-image will not be pruned by the image garbage collector in kubelet and should also be set in the remote runtime"'),
      klog(31, "server.go:491", '"Kubelet version" kubeletVersion="v1.31.4"'),
      klog(31, "server.go:493", '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'),
      klog(32, "server.go:934", '"Client rotation is on, will bootstrap in background"'),
      klog(33, "certificate_store.go:130", 'Loading cert/key pair from "/var/lib/kubelet/pki/kubelet-client-current.pem".'),
      klog(35, "dynamic_cafile_content.go:160", '"Starting controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"'),
      klog(48, "kuberuntime_manager.go:262", '"Container runtime initialized" containerRuntime="containerd" version="1.7.24" apiVersion="v1"'),
      klog(54, "server.go:1274", '"Started kubelet"'),
      klog(60, "server.go:163", '"Starting to listen" address="0.0.0.0" port=10250'),
      klog(77, "volume_manager.go:289", '"Starting Kubelet Volume Manager"'),
      klog(312, "kubelet_node_status.go:72", `"Attempting to register node" node="${host.name}"`),
      ...(restart ? [klog(338, "kubelet_node_status.go:111", `"Node was previously registered" node="${host.name}"`)] : []),
      klog(341, "kubelet_node_status.go:75", `"Successfully registered node" node="${host.name}"`),
    ];
  }
  const logrus = (offset: number, msg: string) => ({ at: t + offset, message: `time="${rfc3339Nano(t + offset, jitter(`${seed}/${offset}`, 1_000_000))}" level=info msg=${msg}` });
  if (u.name === "containerd") {
    return [
      logrus(31, '"starting containerd" revision=88bf19b2105c8b17560993bee28a01ddc2f97182 version=1.7.24'),
      logrus(402, "serving... address=/run/containerd/containerd.sock.ttrpc"),
      logrus(402, "serving... address=/run/containerd/containerd.sock"),
      logrus(410, '"containerd successfully booted in 0.379412s"'),
    ];
  }
  if (u.name === "docker") {
    return [
      logrus(38, '"Starting up"'),
      logrus(412, '"Loading containers: done."'),
      logrus(530, '"Daemon has completed initialization"'),
      logrus(561, '"API listen on /run/docker.sock"'),
    ];
  }
  return [];
}

/** What a daemon writes as it shuts down on SIGTERM. */
function shutdownLines(u: UnitState, t: Millis, host: HostState): { at: Millis; message: string }[] {
  const pid = u.mainPid ?? 0;
  if (u.name === "kubelet") {
    return [{ at: t + 2, message: `${klogHeader("I", t + 2, jitter(`${host.name}/stop/${t}`), pid, "dynamic_cafile_content.go:174")}"Shutting down controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"` }];
  }
  if (u.name === "docker") {
    return [
      { at: t + 3, message: `time="${rfc3339Nano(t + 3, jitter(`${host.name}/stop/${t}`, 1_000_000))}" level=info msg="Processing signal 'terminated'"` },
      { at: t + 91, message: `time="${rfc3339Nano(t + 91, jitter(`${host.name}/stop2/${t}`, 1_000_000))}" level=info msg="Daemon shutdown complete"` },
    ];
  }
  return [];
}

const STOP_MS: Record<string, number> = { kubelet: 118, containerd: 64, docker: 143 };

/** A unit that has run since boot writes what it wrote then; seeded the first time it is read. */
export function seedJournal(host: HostState, u: UnitState) {
  if (u.journal.length > 0 || u.active !== "active" || u.sub !== "running") return;
  const t = u.since;
  const name = u.name;
  const entries: JournalEntry[] = [];
  if (serviceType(host, u) === "notify") entries.push({ at: t, ident: "systemd", pid: 1, message: `Starting ${u.description}...` });
  for (const l of startupLines(host, u, t)) entries.push({ at: l.at, ident: processName(u), ...(u.mainPid !== undefined ? { pid: u.mainPid } : {}), message: l.message });
  const ready = serviceType(host, u) === "notify" ? t + (NOTIFY_READY_MS[name] ?? 300) : t;
  entries.push({ at: ready, ident: "systemd", pid: 1, message: `Started ${u.description}.` });
  entries.sort((a, b) => a.at - b.at);
  u.journal.push(...entries);
}

/** All journal entries of a host with the unit that wrote each, oldest first. */
export function hostJournal(host: HostState): { unit: string; entry: JournalEntry }[] {
  const all: { unit: string; entry: JournalEntry; seq: number }[] = [];
  let seq = 0;
  for (const u of Object.values(host.units)) {
    seedJournal(host, u);
    for (const entry of u.journal) all.push({ unit: u.name, entry, seq: seq++ });
  }
  all.sort((a, b) => a.entry.at - b.entry.at || a.seq - b.seq);
  return all.map(({ unit, entry }) => ({ unit, entry }));
}

// ---- CPU time ----

const CPU_RATE: Record<string, number> = { kubelet: 0.0151, containerd: 0.0063, docker: 0.0027 };
const CPU_START_MS: Record<string, number> = { kubelet: 1_480, containerd: 312, docker: 404 };

/** CPU time the unit has used: the running process's so far, or the last run's. */
export function cpuTime(host: HostState, u: UnitState, now: Millis): number | undefined {
  if (u.active === "active" && u.sub === "running") {
    const base = CPU_START_MS[u.name] ?? 23;
    const rate = CPU_RATE[u.name] ?? 0.00021;
    return Math.floor(base + rate * Math.max(0, now - u.since)) + jitter(`${host.name}/${u.name}/${u.since}`, 97);
  }
  if (u.active === "active") return u.cpuMs ?? 30 + jitter(`${host.name}/${u.name}`, 60);
  return u.cpuMs;
}

// ---- start, stop ----

/** The syslog identifier of the unit's process: its executable's name ("dockerd", "kubelet"). */
export function processName(u: UnitState): string {
  const exe = u.execStart.split(" ")[0] ?? u.name;
  return exe.slice(exe.lastIndexOf("/") + 1) || u.name;
}

function describeJob(u: UnitState): string {
  return u.description || `${u.name}.service`;
}

/** Starts a unit as `systemctl start` does; nothing happens if it runs already. */
export function startUnit(world: World, host: HostState, u: UnitState) {
  if (u.active === "active") return;
  const t = world.now();
  const pre = unitSettings(host, u).get("ExecStartPre")?.length ?? 0;
  host.nextPid += pre;
  u.mainPid = host.nextPid++;
  const notify = serviceType(host, u) === "notify";
  const ready = notify ? t + (NOTIFY_READY_MS[u.name] ?? 300) : t;
  u.active = "active";
  u.sub = isOneshot(host, u.name) ? "exited" : "running";
  u.since = ready;
  delete u.cpuMs;
  if (notify) write(host, u, "systemd", `Starting ${describeJob(u)}...`, t, 1);
  write(host, u, "systemd", `Started ${describeJob(u)}.`, ready, 1);
  for (const l of startupLines(host, u, t, true)) write(host, u, processName(u), l.message, l.at);
  unitHooks[u.name]?.start(world, host);
  // systemctl returns once the job is done: at once for simple services, at READY=1 for notify.
  world.advance(notify ? ready - t : 7);
}

/** Stops a unit as `systemctl stop` does; nothing happens if it is not running. */
export function stopUnit(world: World, host: HostState, u: UnitState) {
  if (u.active !== "active") return;
  const t = world.now();
  const took = STOP_MS[u.name] ?? 21;
  const end = t + took;
  const profile = systemdProfile(host);
  write(host, u, "systemd", `Stopping ${describeJob(u)}...`, t, 1);
  for (const l of shutdownLines(u, t, host)) write(host, u, processName(u), l.message, l.at);
  const cpu = cpuTime(host, u, end) ?? 0;
  u.active = "inactive";
  u.sub = "dead";
  u.since = end;
  u.cpuMs = cpu;
  unitHooks[u.name]?.stop(world, host);
  write(host, u, "systemd", `${u.name}.service: ${profile.deactivated}`, end, 1);
  write(host, u, "systemd", `Stopped ${describeJob(u)}.`, end, 1);
  if (profile.cpuAccounting) write(host, u, "systemd", `${u.name}.service: Consumed ${formatTimespan(cpu)} CPU time.`, end, 1);
  // systemctl returns a moment after the job has finished.
  world.advance(took + 3);
}

/** `systemctl reload`: the daemon re-reads its configuration (dockerd on SIGHUP). */
export function reloadUnit(world: World, host: HostState, u: UnitState) {
  const t = world.now();
  write(host, u, "systemd", `Reloading ${describeJob(u)}.`, t, 1);
  if (u.name === "docker") {
    write(host, u, processName(u), `time="${rfc3339Nano(t + 2, jitter(`${host.name}/reload/${t}`, 1_000_000))}" level=info msg="Got signal to reload configuration, reloading from: /etc/docker/daemon.json"`, t + 2);
  }
  write(host, u, "systemd", `Reloaded ${describeJob(u)}.`, t + 4, 1);
  world.advance(4);
}
