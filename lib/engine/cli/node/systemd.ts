// What systemd knows about a host: its version (Ubuntu 22.04 runs 249, CentOS Stream 8 runs 239
// and Stream 9 runs 252, and each prints a little differently), the units it has loaded (the
// host's own units plus the stock services every machine of that distro runs), and the unit
// files and drop-ins on disk.
import type { Millis } from "../../clock";
import type { HostState, UnitState } from "../../hosts/types";
import { childrenOf, readFile } from "../../hosts/fs";

export interface SystemdProfile {
  version: 239 | 249 | 252;
  /** Width the `status` labels ("Loaded", "Main PID") are right-aligned to. */
  labelWidth: number;
  /** "vendor preset" before systemd 252, "preset" from it. */
  presetWord: string;
  /** Inactive and failed units get their own glyphs (○, ×) from systemd 248. */
  stateGlyphs: boolean;
  /** `status` shows the CPU time used, and a stop logs "Consumed ... CPU time" (from 246/244). */
  cpuAccounting: boolean;
  /** The message a unit logs when its process has exited cleanly. */
  deactivated: string;
  /** The first line journalctl prints: "-- Logs begin at" (239) or "-- Journal begins at". */
  journalHeader: "logs-begin" | "journal-begins";
  /** journalctl's notice to a user who may not read the system journal. */
  journalGroups: string;
}

export function systemdProfile(host: HostState): SystemdProfile {
  if (host.distro === "ubuntu") {
    return { version: 249, labelWidth: 11, presetWord: "vendor preset", stateGlyphs: true, cpuAccounting: true, deactivated: "Deactivated successfully.", journalHeader: "journal-begins", journalGroups: "'adm', 'systemd-journal'" };
  }
  if (centosRelease(host) === "9") {
    return { version: 252, labelWidth: 11, presetWord: "preset", stateGlyphs: true, cpuAccounting: true, deactivated: "Deactivated successfully.", journalHeader: "journal-begins", journalGroups: "'adm', 'systemd-journal', 'wheel'" };
  }
  return { version: 239, labelWidth: 9, presetWord: "vendor preset", stateGlyphs: false, cpuAccounting: false, deactivated: "Succeeded.", journalHeader: "logs-begin", journalGroups: "'adm', 'systemd-journal', 'wheel'" };
}

function centosRelease(host: HostState): string {
  const text = readFile(host.fs, "/etc/os-release");
  const m = text.ok ? /^VERSION_ID="?([^"\n]*)"?/m.exec(text.value) : null;
  return m?.[1] ?? "8";
}

/** Where the unit's processes run. */
export const cgroupOf = (name: string) => `/system.slice/${name}.service`;

/** A stock service every host of a distro runs (not modelled beyond what `systemctl` shows). */
interface StockUnit {
  name: string;
  description: string;
  sub: "running" | "exited";
  enabled: UnitState["enabled"];
  /** The fragment path as systemd reports it. */
  path: string;
  pid: number;
  cmd: string;
  docs?: string[];
  memoryBytes?: number;
  tasks?: number;
}

const U = (name: string, description: string, sub: StockUnit["sub"], enabled: UnitState["enabled"], pid: number, cmd: string, extra: Partial<StockUnit> = {}): StockUnit => ({
  name,
  description,
  sub,
  enabled,
  path: `/lib/systemd/system/${name.replace(/@.+$/, "@")}.service`,
  pid,
  cmd,
  ...extra,
});

// An Ubuntu 22.04 server as a cloud image boots it.
const UBUNTU_STOCK: StockUnit[] = [
  U("apparmor", "Load AppArmor profiles", "exited", "enabled", 389, "/lib/apparmor/apparmor.systemd reload", { docs: ["man:apparmor(7)", "https://gitlab.com/apparmor/apparmor/wikis/home/"] }),
  U("cron", "Regular background program processing daemon", "running", "enabled", 641, "/usr/sbin/cron -f -P", { docs: ["man:cron(8)"], memoryBytes: 376_832, tasks: 1 }),
  U("dbus", "D-Bus System Message Bus", "running", "static", 642, "@dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only", { docs: ["man:dbus-daemon(1)"], memoryBytes: 2_203_648, tasks: 1 }),
  U("getty@tty1", "Getty on tty1", "running", "enabled", 712, "/sbin/agetty -o \"-p -- \\\\u\" --noclear tty1 linux", { docs: ["man:agetty(8)", "man:systemd-getty-generator(8)", "http://0pointer.de/blog/projects/serial-console.html"], memoryBytes: 229_376, tasks: 1 }),
  U("kmod-static-nodes", "Create List of Static Device Nodes", "exited", "static", 214, "/bin/kmod static-nodes --format=tmpfiles --output=/run/tmpfiles.d/static-nodes.conf", { docs: ["man:kmod(8)"] }),
  U("networkd-dispatcher", "Dispatcher daemon for systemd-networkd", "running", "enabled", 646, "/usr/bin/python3 /usr/bin/networkd-dispatcher --run-startup-triggers", { memoryBytes: 12_853_248, tasks: 1 }),
  U("polkit", "Authorization Manager", "running", "static", 648, "/usr/libexec/polkitd --no-debug", { docs: ["man:polkit(8)"], memoryBytes: 7_340_032, tasks: 3 }),
  U("rsyslog", "System Logging Service", "running", "enabled", 649, "/usr/sbin/rsyslogd -n -iNONE", { docs: ["man:rsyslogd(8)", "man:rsyslog.conf(5)", "https://www.rsyslog.com/doc/"], memoryBytes: 2_785_280, tasks: 4 }),
  U("ssh", "OpenBSD Secure Shell server", "running", "enabled", 716, "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", { docs: ["man:sshd(8)", "man:sshd_config(5)"], memoryBytes: 5_492_736, tasks: 1 }),
  U("systemd-journal-flush", "Flush Journal to Persistent Storage", "exited", "static", 258, "journalctl --flush", { docs: ["man:systemd-journald.service(8)", "man:journald.conf(5)"] }),
  U("systemd-journald", "Journal Service", "running", "static", 219, "/lib/systemd/systemd-journald", { docs: ["man:systemd-journald.service(8)", "man:journald.conf(5)"], memoryBytes: 9_539_584, tasks: 1 }),
  U("systemd-logind", "User Login Management", "running", "static", 651, "/lib/systemd/systemd-logind", { docs: ["man:sd-login(3)", "man:systemd-logind.service(8)", "man:logind.conf(5)", "man:org.freedesktop.login1(5)"], memoryBytes: 2_392_064, tasks: 1 }),
  U("systemd-modules-load", "Load Kernel Modules", "exited", "static", 220, "/lib/systemd/systemd-modules-load", { docs: ["man:systemd-modules-load.service(8)", "man:modules-load.d(5)"] }),
  U("systemd-networkd", "Network Configuration", "running", "enabled", 604, "/lib/systemd/systemd-networkd", { docs: ["man:systemd-networkd.service(8)"], memoryBytes: 2_936_832, tasks: 1 }),
  U("systemd-random-seed", "Load/Save Random Seed", "exited", "static", 247, "/lib/systemd/systemd-random-seed load", { docs: ["man:systemd-random-seed.service(8)", "man:random(4)"] }),
  U("systemd-remount-fs", "Remount Root and Kernel File Systems", "exited", "static", 223, "/lib/systemd/systemd-remount-fs", { docs: ["man:systemd-remount-fs.service(8)", "https://www.freedesktop.org/wiki/Software/systemd/APIFileSystems"] }),
  U("systemd-resolved", "Network Name Resolution", "running", "enabled", 606, "/lib/systemd/systemd-resolved", { docs: ["man:systemd-resolved.service(8)", "man:org.freedesktop.resolve1(5)", "https://www.freedesktop.org/wiki/Software/systemd/writing-network-configuration-managers", "https://www.freedesktop.org/wiki/Software/systemd/writing-resolver-clients"], memoryBytes: 8_519_680, tasks: 1 }),
  U("systemd-sysctl", "Apply Kernel Variables", "exited", "static", 226, "/lib/systemd/systemd-sysctl", { docs: ["man:systemd-sysctl.service(8)", "man:sysctl.d(5)"] }),
  U("systemd-sysusers", "Create System Users", "exited", "static", 227, "systemd-sysusers", { docs: ["man:sysusers.d(5)", "man:systemd-sysusers.service(8)"] }),
  U("systemd-timesyncd", "Network Time Synchronization", "running", "enabled", 578, "/lib/systemd/systemd-timesyncd", { docs: ["man:systemd-timesyncd.service(8)"], memoryBytes: 1_363_968, tasks: 2 }),
  U("systemd-tmpfiles-setup-dev", "Create Static Device Nodes in /dev", "exited", "static", 229, "systemd-tmpfiles --prefix=/dev --create --boot", { docs: ["man:tmpfiles.d(5)", "man:systemd-tmpfiles(8)"] }),
  U("systemd-tmpfiles-setup", "Create Volatile Files and Directories", "exited", "static", 572, "systemd-tmpfiles --create --remove --boot --exclude-prefix=/dev", { docs: ["man:tmpfiles.d(5)", "man:systemd-tmpfiles(8)"] }),
  U("systemd-udev-trigger", "Coldplug All udev Devices", "exited", "static", 230, "udevadm trigger --type=devices --action=add", { docs: ["man:udev(7)", "man:systemd-udevd.service(8)"] }),
  U("systemd-udevd", "Rule-based Manager for Device Events and Files", "running", "static", 253, "/lib/systemd/systemd-udevd", { docs: ["man:systemd-udevd.service(8)", "man:udev(7)"], memoryBytes: 3_604_480, tasks: 1 }),
  U("systemd-update-utmp", "Record System Boot/Shutdown in UTMP", "exited", "static", 576, "/lib/systemd/systemd-update-utmp reboot", { docs: ["man:systemd-update-utmp.service(8)", "man:utmp(5)"] }),
  U("systemd-user-sessions", "Permit User Sessions", "exited", "static", 654, "/lib/systemd/systemd-user-sessions start", { docs: ["man:systemd-user-sessions.service(8)"] }),
  U("ufw", "Uncomplicated firewall", "exited", "enabled", 392, "/lib/ufw/ufw-init start quiet", { docs: ["man:ufw(8)"] }),
  U("user-runtime-dir@0", "User Runtime Directory /run/user/0", "exited", "static", 1201, "/lib/systemd/systemd-user-runtime-dir start 0", { docs: ["man:user@.service(5)"] }),
  U("user@0", "User Manager for UID 0", "running", "static", 1204, "/lib/systemd/systemd --user", { docs: ["man:user@.service(5)"], memoryBytes: 4_870_144, tasks: 2 }),
  U("unattended-upgrades", "Unattended Upgrades Shutdown", "running", "enabled", 718, "/usr/bin/python3 /usr/share/unattended-upgrades/unattended-upgrade-shutdown --wait-for-signal", { docs: ["man:unattended-upgrade(8)"], memoryBytes: 21_037_056, tasks: 2 }),
];

// A CentOS Stream server with SSH, as the Docker labs' app servers run.
const CENTOS_STOCK: StockUnit[] = [
  { name: "auditd", description: "Security Auditing Service", sub: "running", enabled: "enabled", path: "/usr/lib/systemd/system/auditd.service", pid: 612, cmd: "/sbin/auditd", docs: ["man:auditd(8)", "https://github.com/linux-audit/audit-documentation"], memoryBytes: 2_510_848, tasks: 2 },
  { name: "crond", description: "Command Scheduler", sub: "running", enabled: "enabled", path: "/usr/lib/systemd/system/crond.service", pid: 801, cmd: "/usr/sbin/crond -n", memoryBytes: 1_228_800, tasks: 1 },
  { name: "dbus", description: "D-Bus System Message Bus", sub: "running", enabled: "static", path: "/usr/lib/systemd/system/dbus.service", pid: 640, cmd: "/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only", docs: ["man:dbus-daemon(1)"], memoryBytes: 2_097_152, tasks: 1 },
  { name: "getty@tty1", description: "Getty on tty1", sub: "running", enabled: "enabled", path: "/usr/lib/systemd/system/getty@.service", pid: 803, cmd: "/sbin/agetty -o -p -- \\u --noclear tty1 linux", docs: ["man:agetty(8)", "man:systemd-getty-generator(8)", "http://0pointer.de/blog/projects/serial-console.html"], memoryBytes: 212_992, tasks: 1 },
  { name: "NetworkManager", description: "Network Manager", sub: "running", enabled: "enabled", path: "/usr/lib/systemd/system/NetworkManager.service", pid: 671, cmd: "/usr/sbin/NetworkManager --no-daemon", docs: ["man:NetworkManager(8)"], memoryBytes: 9_437_184, tasks: 3 },
  { name: "polkit", description: "Authorization Manager", sub: "running", enabled: "static", path: "/usr/lib/systemd/system/polkit.service", pid: 652, cmd: "/usr/lib/polkit-1/polkitd --no-debug", docs: ["man:polkit(8)"], memoryBytes: 21_495_808, tasks: 6 },
  { name: "rsyslog", description: "System Logging Service", sub: "running", enabled: "enabled", path: "/usr/lib/systemd/system/rsyslog.service", pid: 799, cmd: "/usr/sbin/rsyslogd -n", docs: ["man:rsyslogd(8)", "https://www.rsyslog.com/doc/"], memoryBytes: 3_407_872, tasks: 3 },
  { name: "sshd", description: "OpenSSH server daemon", sub: "running", enabled: "enabled", path: "/usr/lib/systemd/system/sshd.service", pid: 795, cmd: "/usr/sbin/sshd -D", docs: ["man:sshd(8)", "man:sshd_config(5)"], memoryBytes: 4_718_592, tasks: 1 },
  { name: "systemd-journald", description: "Journal Service", sub: "running", enabled: "static", path: "/usr/lib/systemd/system/systemd-journald.service", pid: 548, cmd: "/usr/lib/systemd/systemd-journald", docs: ["man:systemd-journald.service(8)", "man:journald.conf(5)"], memoryBytes: 8_388_608, tasks: 1 },
  { name: "systemd-logind", description: "Login Service", sub: "running", enabled: "static", path: "/usr/lib/systemd/system/systemd-logind.service", pid: 656, cmd: "/usr/lib/systemd/systemd-logind", docs: ["man:systemd-logind.service(8)", "man:logind.conf(5)"], memoryBytes: 3_145_728, tasks: 1 },
  { name: "systemd-udevd", description: "udev Kernel Device Manager", sub: "running", enabled: "static", path: "/usr/lib/systemd/system/systemd-udevd.service", pid: 580, cmd: "/usr/lib/systemd/systemd-udevd", docs: ["man:systemd-udevd.service(8)", "man:udev(7)"], memoryBytes: 5_242_880, tasks: 1 },
];

/** Unit files that exist without a loaded instance (templates). */
const TEMPLATE_FILES: Record<"ubuntu" | "centos", { name: string; enabled: UnitState["enabled"] }[]> = {
  ubuntu: [
    { name: "getty@", enabled: "enabled" },
    { name: "user-runtime-dir@", enabled: "static" },
    { name: "user@", enabled: "static" },
  ],
  centos: [
    { name: "getty@", enabled: "enabled" },
    { name: "user-runtime-dir@", enabled: "static" },
    { name: "user@", enabled: "static" },
  ],
};

/** What the distro presets say for a unit file: Ubuntu enables everything, CentOS a short list. */
export function vendorPreset(host: HostState, name: string): "enabled" | "disabled" {
  if (host.distro === "ubuntu") return "enabled";
  return ["auditd", "crond", "getty@", "NetworkManager", "rsyslog", "sshd"].includes(name) ? "enabled" : "disabled";
}

/** A loaded unit as `systemctl` sees it: the host's own state, or a stock service. */
export interface LoadedUnit {
  state: UnitState;
  /** Only in the catalogue; becomes a host unit the first time it is changed. */
  stock: boolean;
  docs: string[];
}

function stockUnit(s: StockUnit, boot: Millis, host: HostState): UnitState {
  const fragmentPath = host.distro === "ubuntu" ? s.path : s.path.replace(/^\/lib\//, "/usr/lib/");
  return {
    name: s.name,
    description: s.description,
    active: "active",
    sub: s.sub,
    enabled: s.enabled,
    fragmentPath,
    dropIns: [],
    since: boot,
    mainPid: s.pid,
    execStart: s.cmd,
    ...(s.sub === "running" ? { memoryBytes: s.memoryBytes ?? 1_048_576, tasks: s.tasks ?? 1 } : {}),
    journal: [],
  };
}

function stockList(host: HostState): StockUnit[] {
  return host.distro === "ubuntu" ? UBUNTU_STOCK : CENTOS_STOCK;
}

/** A stock service that runs once at boot and stays "active (exited)". */
export function isOneshot(host: HostState, name: string): boolean {
  return stockList(host).some((s) => s.name === name && s.sub === "exited");
}

/** When the machine booted: when its file system was made. */
export function bootTime(host: HostState): Millis {
  return host.fs["/"]?.mtime ?? 0;
}

/** Every loaded service unit, by name without ".service", sorted as systemctl sorts them. */
export function loadedUnits(host: HostState): LoadedUnit[] {
  const out = new Map<string, LoadedUnit>();
  const boot = bootTime(host);
  for (const s of stockList(host)) out.set(s.name, { state: stockUnit(s, boot, host), stock: true, docs: s.docs ?? [] });
  for (const u of Object.values(host.units)) out.set(u.name, { state: u, stock: false, docs: documentation(host, u) });
  return [...out.values()].sort((a, b) => caseCompare(`${a.state.name}.service`, `${b.state.name}.service`));
}

export function findUnit(host: HostState, name: string): LoadedUnit | undefined {
  const own = Object.hasOwn(host.units, name) ? host.units[name] : undefined;
  if (own) return { state: own, stock: false, docs: documentation(host, own) };
  const s = stockList(host).find((x) => x.name === name);
  return s ? { state: stockUnit(s, bootTime(host), host), stock: true, docs: s.docs ?? [] } : undefined;
}

/** Makes a stock unit the host's own, so that a change to it sticks. */
export function materialize(host: HostState, unit: LoadedUnit): UnitState {
  if (!unit.stock) return unit.state;
  host.units[unit.state.name] = unit.state;
  return unit.state;
}

/** Unit files for `list-unit-files`: loaded units plus templates, with their state. */
export function unitFiles(host: HostState): { name: string; enabled: UnitState["enabled"] }[] {
  const files = new Map<string, UnitState["enabled"]>();
  for (const u of loadedUnits(host)) if (!u.state.name.includes("@")) files.set(u.state.name, u.state.enabled);
  for (const t of TEMPLATE_FILES[host.distro === "ubuntu" ? "ubuntu" : "centos"]) files.set(t.name, t.enabled);
  return [...files.entries()].map(([name, enabled]) => ({ name, enabled })).sort((a, b) => caseCompare(a.name, b.name));
}

/** strcasecmp, as systemctl sorts unit names. */
export function caseCompare(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---- unit files on disk ----

/** The fragment path as systemd reports it: Debian's search path finds /usr/lib units via /lib. */
export function displayPath(host: HostState, path: string): string {
  if (host.distro === "ubuntu" && path.startsWith("/usr/lib/systemd/")) return path.slice(4);
  return path;
}

/** Files shipped with packages that the host's file system may not hold (Docker's units). */
const PACKAGED_UNITS: Record<string, string> = {
  docker: `[Unit]
Description=Docker Application Container Engine
Documentation=https://docs.docker.com
After=network-online.target nss-lookup.target docker.socket firewalld.service containerd.service time-set.target
Wants=network-online.target containerd.service
Requires=docker.socket

[Service]
Type=notify
# the default is not to use systemd for cgroups because the delegate issues still
# exists and systemd currently does not support the cgroup feature set required
# for containers run by docker
ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock
ExecReload=/bin/kill -s HUP $MAINPID
TimeoutStartSec=0
RestartSec=2
Restart=always

# Note that StartLimit* options were moved from "Service" to "Unit" in systemd 229.
# Both the old, and new location are accepted by systemd 229 and up, so using the old location
# to make them work for either version of systemd.
StartLimitBurst=3

# Note that StartLimitInterval was renamed to StartLimitIntervalSec in systemd 230.
# Both the old, and new name are accepted by systemd 230 and up, so using the old name to make
# this option work for either version of systemd.
StartLimitInterval=60s

# Having non-zero Limit*s causes performance problems due to accounting overhead
# in the kernel. We recommend using cgroups to do container-local accounting.
LimitNPROC=infinity
LimitCORE=infinity

# Comment TasksMax if your systemd version does not support it.
# Only systemd 226 and above support this option.
TasksMax=infinity

# set delegate yes so that systemd does not reset the cgroups of docker containers
Delegate=yes

# kill only the docker process, not all processes in the cgroup
KillMode=process
OOMScoreAdjust=-500

[Install]
WantedBy=multi-user.target
`,
  containerd: `[Unit]
Description=containerd container runtime
Documentation=https://containerd.io
After=network.target local-fs.target

[Service]
ExecStartPre=-/sbin/modprobe overlay
ExecStart=/usr/bin/containerd

Type=notify
Delegate=yes
KillMode=process
Restart=always
RestartSec=5
LimitNPROC=infinity
LimitCORE=infinity
TasksMax=infinity
OOMScoreAdjust=-999

[Install]
WantedBy=multi-user.target
`,
};

/** Resolves /lib (a link to usr/lib on both distros) so files are found where they live. */
function onDisk(path: string): string {
  return path.startsWith("/lib/") ? `/usr${path}` : path;
}

/** The text of the unit's fragment: from disk, else what its package installs. */
export function fragmentText(host: HostState, unit: UnitState): string | undefined {
  for (const p of [unit.fragmentPath, onDisk(unit.fragmentPath)]) {
    const r = readFile(host.fs, p);
    if (r.ok) return r.value;
  }
  return PACKAGED_UNITS[unit.name];
}

/** Drop-in files, in the order systemd applies them: sorted by file name across directories. */
export function dropIns(host: HostState, unit: UnitState): string[] {
  const dirs = [`/etc/systemd/system/${unit.name}.service.d`, `/run/systemd/system/${unit.name}.service.d`, `/usr/lib/systemd/system/${unit.name}.service.d`];
  const byName = new Map<string, string>();
  for (const d of dirs) {
    for (const f of childrenOf(host.fs, d)) {
      if (!f.endsWith(".conf") || byName.has(f)) continue;
      const node = host.fs[`${d}/${f}`];
      if (node?.type === "file") byName.set(f, `${d}/${f}`);
    }
  }
  for (const p of unit.dropIns) {
    const f = p.slice(p.lastIndexOf("/") + 1);
    if (!byName.has(f) && host.fs[p]?.type === "file") byName.set(f, p);
  }
  return [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => displayPath(host, p));
}

export function dropInText(host: HostState, path: string): string | undefined {
  const r = readFile(host.fs, onDisk(path));
  return r.ok ? r.value : undefined;
}

/** Settings of the unit file and its drop-ins; an empty assignment resets a list (ExecStart=). */
export function unitSettings(host: HostState, unit: UnitState): Map<string, string[]> {
  const settings = new Map<string, string[]>();
  const apply = (text: string | undefined) => {
    for (const raw of (text ?? "").split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("#") || line.startsWith(";") || line.startsWith("[")) continue;
      const eq = line.indexOf("=");
      if (eq < 0) continue;
      const key = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      if (value === "") settings.set(key, []);
      else settings.set(key, [...(settings.get(key) ?? []), value]);
    }
  };
  apply(fragmentText(host, unit));
  for (const d of dropIns(host, unit)) apply(dropInText(host, d));
  return settings;
}

function documentation(host: HostState, unit: UnitState): string[] {
  const docs = (unitSettings(host, unit).get("Documentation") ?? []).flatMap((v) => v.split(/\s+/)).filter(Boolean);
  // A stock service made the host's own has no unit file here; it keeps the catalogue's links.
  return docs.length ? docs : (stockList(host).find((s) => s.name === unit.name)?.docs ?? []);
}

/** Whether the unit's files changed on disk since systemd last loaded them. */
export function needsDaemonReload(host: HostState, unit: UnitState): boolean {
  const loaded = unit.loadedAt ?? bootTime(host);
  const paths = [unit.fragmentPath, onDisk(unit.fragmentPath), ...dropIns(host, unit).map(onDisk)];
  return paths.some((p) => {
    const node = host.fs[p];
    return node !== undefined && node.mtime > loaded;
  });
}

/** The `[Install]` target a unit is enabled into. */
export function wantedBy(host: HostState, unit: UnitState): string {
  return unitSettings(host, unit).get("WantedBy")?.[0]?.split(/\s+/)[0] ?? "multi-user.target";
}
