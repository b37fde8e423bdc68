// systemctl as systemd 249 prints it on Ubuntu 22.04 (and 239 / 252 on CentOS Stream 8 / 9):
// status, start, stop, restart, reload, enable, disable, mask, unmask, is-active, is-enabled,
// is-failed, cat, show, list-units, list-unit-files and daemon-reload. Changing units needs
// root: as another user polkit would ask for a password on a terminal; with no agent to answer
// it, systemd refuses with "Interactive authentication required." (what a script sees too).
import type { HostState, UnitState } from "../../hosts/types";
import type { Command, CommandContext } from "../../shell/types";
import type { World } from "../../world";
import { ANSI, formatBytes, formatTimespan, relativeTimestamp, systemdTimestamp } from "./format";
import { getopt, has, last, type OptionSpec, type Parsed } from "./getopt";
import { canReadJournal, formatEntry, unitEntries } from "./journalctl";
import { shimProcesses } from "./runtime-view";
import {
  caseCompare,
  cgroupOf,
  displayPath,
  dropIns,
  dropInText,
  findUnit,
  fragmentText,
  loadedUnits,
  materialize,
  needsDaemonReload,
  systemdProfile,
  unitFiles,
  unitSettings,
  vendorPreset,
  wantedBy,
  type LoadedUnit,
  type SystemdProfile,
} from "./systemd";
import { cpuTime, reloadUnit, startUnit, stopUnit } from "./units";

const SPECS: OptionSpec[] = [
  { long: "type", short: "t", arg: "required" },
  { long: "state", arg: "required" },
  { long: "property", short: "p", arg: "required" },
  { long: "value", arg: "none" },
  { long: "all", short: "a", arg: "none" },
  { long: "full", short: "l", arg: "none" },
  { long: "no-pager", arg: "none" },
  { long: "no-legend", arg: "none" },
  { long: "plain", arg: "none" },
  { long: "quiet", short: "q", arg: "none" },
  { long: "now", arg: "none" },
  { long: "lines", short: "n", arg: "required" },
  { long: "no-block", arg: "none" },
  { long: "no-ask-password", arg: "none" },
  { long: "force", short: "f", arg: "none" },
  { long: "system", arg: "none" },
  { long: "user", arg: "none" },
  { long: "output", short: "o", arg: "required" },
  { long: "help", short: "h", arg: "none" },
  { long: "version", arg: "none" },
];

const VERSION: Record<number, string> = {
  249: "systemd 249 (249.11-0ubuntu3.12)\n+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT +GNUTLS -OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY -P11KIT -QRENCODE +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified\n",
  239: "systemd 239 (239-82.el8)\n+PAM +AUDIT +SELINUX +IMA -APPARMOR +SMACK +SYSVINIT +UTMP +LIBCRYPTSETUP +GCRYPT +GNUTLS +ACL +XZ +LZ4 +SECCOMP +BLKID +ELFUTILS +KMOD +IDN2 -IDN +PCRE2 default-hierarchy=legacy\n",
  252: "systemd 252 (252-46.el9)\n+PAM +AUDIT +SELINUX -APPARMOR +IMA +SMACK +SECCOMP +GCRYPT +GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN -IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY +P11KIT -QRENCODE +TPM2 +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK +XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified\n",
};

const HELP = `systemctl [OPTIONS...] COMMAND ...

Query or send control commands to the system manager.

Unit Commands:
  list-units [PATTERN...]             List units currently in memory
  status [PATTERN...|PID...]          Show runtime status of one or more units
  show [PATTERN...|JOB...]            Show properties of one or more
                                      units/jobs or the manager
  cat PATTERN...                      Show files and drop-ins of specified units
  is-active PATTERN...                Check whether units are active
  is-failed PATTERN...                Check whether units are failed
  start UNIT...                       Start (activate) one or more units
  stop UNIT...                        Stop (deactivate) one or more units
  reload UNIT...                      Reload one or more units
  restart UNIT...                     Start or restart one or more units

Unit File Commands:
  list-unit-files [PATTERN...]        List installed unit files
  enable [UNIT...|PATH...]            Enable one or more unit files
  disable UNIT...                     Disable one or more unit files
  is-enabled UNIT...                  Check whether unit files are enabled
  mask UNIT...                        Mask one or more units
  unmask UNIT...                      Unmask one or more units

Manager State Commands:
  daemon-reload                       Reload systemd manager configuration

Options:
  -h --help              Show this help
     --version           Show package version
  -t --type=TYPE         List units of a particular type
     --state=STATE       List units with particular LOAD or SUB or ACTIVE state
  -p --property=NAME     Show only properties by this name
  -a --all               Show all properties/all units currently in memory,
                         including dead/empty ones.
  -l --full              Don't ellipsize unit names on output
     --now               Start or stop unit after enabling or disabling it
  -q --quiet             Suppress output
  -n --lines=INTEGER     Number of journal entries to show
     --no-pager          Do not pipe output into a pager
     --no-legend         Do not print a legend (column headers and hints)
`;

const WRITE_VERBS = new Set(["start", "stop", "restart", "try-restart", "reload", "reload-or-restart", "enable", "disable", "mask", "unmask", "daemon-reload"]);
const UNIT_VERBS = new Set(["start", "stop", "restart", "try-restart", "reload", "reload-or-restart", "enable", "disable", "mask", "unmask", "is-active", "is-enabled", "is-failed", "cat"]);

interface Ctx {
  c: CommandContext<World>;
  host: HostState;
  world: World;
  profile: SystemdProfile;
  p: Parsed;
  tty: boolean;
  out: string;
  err: string;
}

const paint = (x: Ctx, color: string, text: string) => (x.tty ? `${color}${text}${ANSI.normal}` : text);

/** "kubelet" → "kubelet"; "kubelet.service" → "kubelet"; other unit types are not modelled. */
function parseUnitArg(arg: string): { name: string; id: string; service: boolean } {
  const m = /^(.+)\.(service|socket|target|timer|mount|slice|scope|path|device|swap|automount)$/.exec(arg);
  if (!m) return { name: arg, id: `${arg}.service`, service: true };
  return { name: m[1]!, id: arg, service: m[2] === "service" };
}

function lookup(host: HostState, arg: string): LoadedUnit | undefined {
  const u = parseUnitArg(arg);
  return u.service ? findUnit(host, u.name) : undefined;
}

export const systemctlCommand: Command<World> = (c) => {
  const parsed = getopt("systemctl", c.args, SPECS);
  if (!parsed.ok) return { stdout: "", stderr: parsed.error, exitCode: 1 };
  const host = c.host;
  const x: Ctx = { c, host, world: c.world, profile: systemdProfile(host), p: parsed.value, tty: c.stdoutIsTty ?? false, out: "", err: "" };
  if (has(x.p, "help")) return { stdout: HELP, stderr: "", exitCode: 0 };
  if (has(x.p, "version")) return { stdout: VERSION[x.profile.version] ?? "", stderr: "", exitCode: 0 };
  if (has(x.p, "user")) return { stdout: "", stderr: "Failed to connect to bus: $DBUS_SESSION_BUS_ADDRESS and $XDG_RUNTIME_DIR not defined (consider using --machine=<user>@.host --user to connect to bus of other user)\n", exitCode: 1 };
  const [verb = "list-units", ...args] = x.p.positional;
  const code = run(x, verb, args);
  return { stdout: x.out, stderr: x.err, exitCode: code };
};

function run(x: Ctx, verb: string, args: string[]): number {
  const known = new Set([...WRITE_VERBS, ...UNIT_VERBS, "status", "show", "list-units", "list-unit-files"]);
  if (!known.has(verb)) {
    x.err += `Unknown command verb ${verb}.\n`;
    return 1;
  }
  if (UNIT_VERBS.has(verb) && args.length === 0) {
    x.err += "Too few arguments.\n";
    return 1;
  }
  if (WRITE_VERBS.has(verb) && x.c.user !== "root") return denied(x, verb, args);
  switch (verb) {
    case "status":
      return status(x, args);
    case "start":
    case "stop":
    case "restart":
    case "try-restart":
    case "reload":
    case "reload-or-restart":
      return job(x, verb, args);
    case "enable":
    case "disable":
      return enableDisable(x, verb, args);
    case "mask":
    case "unmask":
      return maskUnmask(x, verb, args);
    case "is-active":
    case "is-failed":
      return isActive(x, verb, args);
    case "is-enabled":
      return isEnabled(x, args);
    case "cat":
      return cat(x, args);
    case "show":
      return show(x, args);
    case "list-unit-files":
      return listUnitFiles(x, args);
    case "daemon-reload":
      for (const u of Object.values(x.host.units)) u.loadedAt = x.world.now();
      return 0;
    default:
      return listUnits(x, args);
  }
}

/** Without root, polkit has to authorize the call; nobody can answer it here. */
function denied(x: Ctx, verb: string, args: string[]): number {
  const msg = "Interactive authentication required.";
  if (verb === "daemon-reload") {
    x.err += `Failed to reload daemon: ${msg}\n`;
    return 1;
  }
  if (["enable", "disable", "mask", "unmask"].includes(verb)) {
    x.err += `Failed to ${verb} unit: ${msg}\n`;
    return 1;
  }
  const arg = args[0] ?? "";
  const id = parseUnitArg(arg).id;
  const method = verb === "reload-or-restart" ? "reload-or-restart" : verb === "try-restart" ? "try-restart" : verb;
  x.err += `Failed to ${method} ${id}: ${msg}\nSee system logs and 'systemctl status ${id}' for details.\n`;
  return 1;
}

// ---- jobs ----

function job(x: Ctx, verb: string, args: string[]): number {
  let code = 0;
  for (const arg of args) {
    const { id } = parseUnitArg(arg);
    const unit = lookup(x.host, arg);
    if (!unit) {
      x.err += verb === "stop" || verb === "try-restart" ? `Failed to ${verb} ${id}: Unit ${id} not loaded.\n` : `Failed to ${verb} ${id}: Unit ${id} not found.\n`;
      if (code === 0) code = 5;
      continue;
    }
    const u = unit.state;
    if (u.enabled === "masked" && verb !== "stop") {
      x.err += `Failed to ${verb} ${id}: Unit ${id} is masked.\n`;
      if (code === 0) code = 1;
      continue;
    }
    const reloadable = (unitSettings(x.host, u).get("ExecReload")?.length ?? 0) > 0;
    if (verb === "reload" && !reloadable) {
      x.err += `Failed to reload ${id}: Job type reload is not applicable for unit ${id}.\n`;
      if (code === 0) code = 3;
      continue;
    }
    if (verb === "reload" && u.active !== "active") {
      x.err += `Failed to reload ${id}: Unit ${id} cannot be reloaded because it is inactive.\n`;
      if (code === 0) code = 1;
      continue;
    }
    const stale = needsDaemonReload(x.host, u);
    const state = materialize(x.host, unit);
    if (verb === "start") startUnit(x.world, x.host, state);
    else if (verb === "stop") stopUnit(x.world, x.host, state);
    else if (verb === "reload" || (verb === "reload-or-restart" && reloadable && state.active === "active")) reloadUnit(x.world, x.host, state);
    else if (verb === "try-restart" && state.active !== "active") {
      // try-restart leaves a stopped unit alone
    } else {
      stopUnit(x.world, x.host, state);
      startUnit(x.world, x.host, state);
    }
    if (stale) warnChanged(x, id);
  }
  return code;
}

function warnChanged(x: Ctx, id: string) {
  x.err += `${paint(x, ANSI.red, "Warning:")} The unit file, source configuration file or drop-ins of ${id} changed on disk. Run 'systemctl daemon-reload' to reload units.\n`;
}

// ---- enable, disable, mask ----

const arrow = "→";

function enableDisable(x: Ctx, verb: "enable" | "disable", args: string[]): number {
  const fs = x.host.fs;
  const now = x.world.now();
  const units: LoadedUnit[] = [];
  for (const arg of args) {
    const unit = lookup(x.host, arg);
    if (!unit) {
      x.err += `Failed to ${verb} unit: Unit file ${parseUnitArg(arg).id} does not exist.\n`;
      return 1;
    }
    units.push(unit);
  }
  for (const unit of units) {
    const u = materialize(x.host, unit);
    const id = `${u.name}.service`;
    if (u.enabled === "masked") {
      x.err += `Failed to ${verb} unit: Unit file /etc/systemd/system/${id} is masked.\n`;
      return 1;
    }
    if (u.enabled === "static") {
      if (verb === "enable") {
        x.err += `The unit files have no installation config (WantedBy=, RequiredBy=, Also=,\nAlias= settings in the [Install] section, and DefaultInstance= for template\nunits). This means they are not meant to be enabled using systemctl.\n \nPossible reasons for having this kind of units are:\n${"•"} A unit may be statically enabled by being symlinked from another unit's\n  .wants/ or .requires/ directory.\n${"•"} A unit's purpose may be to act as a helper for some other unit which has\n  a requirement dependency on it.\n${"•"} A unit may be started when needed via activation (socket, path, timer,\n  D-Bus, udev, scripted systemctl call, ...).\n${"•"} In case of template units, the unit is meant to be enabled with some\n  instance name specified.\n`;
      }
      continue;
    }
    const target = wantedBy(x.host, u);
    const dir = `/etc/systemd/system/${target}.wants`;
    const link = `${dir}/${id}`;
    const fragment = displayPath(x.host, u.fragmentPath);
    if (verb === "enable" && u.enabled !== "enabled") {
      if (!fs[dir]) fs[dir] = { type: "dir", mode: 0o755, owner: "root", group: "root", mtime: now };
      fs[link] = { type: "symlink", target: fragment, owner: "root", group: "root", mtime: now };
      u.enabled = "enabled";
      x.err += `Created symlink ${link} ${arrow} ${fragment}.\n`;
    } else if (verb === "disable" && u.enabled === "enabled") {
      delete fs[link];
      u.enabled = "disabled";
      x.err += `Removed ${link}.\n`;
    }
  }
  if (has(x.p, "now")) {
    for (const unit of units) {
      const u = x.host.units[unit.state.name];
      if (!u) continue;
      if (verb === "enable") startUnit(x.world, x.host, u);
      else stopUnit(x.world, x.host, u);
    }
  }
  return 0;
}

function maskUnmask(x: Ctx, verb: "mask" | "unmask", args: string[]): number {
  const fs = x.host.fs;
  const now = x.world.now();
  for (const arg of args) {
    const unit = lookup(x.host, arg);
    const { id } = parseUnitArg(arg);
    if (!unit) {
      if (verb === "mask") {
        x.err += `Failed to mask unit: Unit file ${id} does not exist.\n`;
        return 1;
      }
      continue;
    }
    const u = materialize(x.host, unit);
    const path = `/etc/systemd/system/${id}`;
    if (verb === "mask" && u.enabled !== "masked") {
      fs[path] = { type: "symlink", target: "/dev/null", owner: "root", group: "root", mtime: now };
      u.enabled = "masked";
      x.err += `Created symlink ${path} ${arrow} /dev/null.\n`;
    } else if (verb === "unmask" && u.enabled === "masked") {
      delete fs[path];
      u.enabled = fs[`/etc/systemd/system/${wantedBy(x.host, u)}.wants/${id}`] ? "enabled" : "disabled";
      x.err += `Removed ${path}.\n`;
    }
  }
  return 0;
}

// ---- queries ----

function isActive(x: Ctx, verb: "is-active" | "is-failed", args: string[]): number {
  let found = false;
  for (const arg of args) {
    const unit = lookup(x.host, arg);
    const state = unit?.state.active ?? "inactive";
    if (!has(x.p, "quiet")) x.out += `${state}\n`;
    if (verb === "is-active" ? state === "active" : state === "failed") found = true;
  }
  return found ? 0 : verb === "is-active" ? 3 : 1;
}

function isEnabled(x: Ctx, args: string[]): number {
  let enabled = false;
  for (const arg of args) {
    const unit = lookup(x.host, arg);
    if (!unit) {
      x.err += `Failed to get unit file state for ${parseUnitArg(arg).id}: No such file or directory\n`;
      return 1;
    }
    const state = unit.state.enabled;
    if (!has(x.p, "quiet")) x.out += `${state}\n`;
    if (state === "enabled" || state === "static") enabled = true;
  }
  return enabled ? 0 : 1;
}

function cat(x: Ctx, args: string[]): number {
  let first = true;
  for (const arg of args) {
    const unit = lookup(x.host, arg);
    const { id } = parseUnitArg(arg);
    const text = unit ? fragmentText(x.host, unit.state) : undefined;
    if (!unit || text === undefined) {
      x.err += `No files found for ${id}.\n`;
      return 1;
    }
    if (needsDaemonReload(x.host, unit.state)) {
      const red = (t: string) => (x.tty ? ANSI.red + t : t);
      x.err += `${red("# Warning:")} ${id} changed on disk, the version systemd has loaded is outdated.\n${red("# This output shows the current version of the unit's original fragment and drop-in files.")}\n${red("# If fragments or drop-ins were added or removed, they are not properly reflected in this output.")}\n${red("# Run 'systemctl daemon-reload' to reload units.")}${x.tty ? ANSI.normal : ""}\n`;
    }
    const head = (path: string, newline: boolean) => `${newline ? "\n" : ""}${paint(x, ANSI.blue, `# ${path}`)}\n`;
    x.out += head(displayPath(x.host, unit.state.fragmentPath), !first);
    x.out += text;
    for (const d of dropIns(x.host, unit.state)) {
      x.out += head(d, true);
      x.out += dropInText(x.host, d) ?? "";
    }
    first = false;
  }
  return 0;
}

// ---- status ----

function label(x: Ctx, name: string): string {
  return `${name}:`.padStart(x.profile.labelWidth + 1) + " ";
}

function indent(x: Ctx): string {
  return " ".repeat(x.profile.labelWidth + 2);
}

/** The process name the kernel reports (comm: 15 characters of the executable's name). */
function comm(cmd: string): string {
  const words = cmd.split(" ");
  let exe = (words[0] ?? "").replace(/^@/, "").replace(/:$/, "");
  if (/python3?$/.test(exe) && words[1]) exe = words[1];
  return exe.slice(exe.lastIndexOf("/") + 1).slice(0, 15);
}

function configuredExec(x: Ctx, u: UnitState, key: string): string[] {
  return (unitSettings(x.host, u).get(key) ?? []).map((v) => v.replace(/^[-@:+!]+/, ""));
}

function status(x: Ctx, args: string[]): number {
  if (args.length === 0) return overview(x);
  let code = 0;
  let first = true;
  for (const arg of args) {
    const unit = lookup(x.host, arg);
    const { id } = parseUnitArg(arg);
    if (!unit) {
      x.err += `Unit ${id} could not be found.\n`;
      code = 4;
      continue;
    }
    if (!first) x.out += "\n";
    first = false;
    x.out += statusText(x, unit);
    if (needsDaemonReload(x.host, unit.state)) warnChanged(x, id);
    const active = unit.state.active === "active" || unit.state.active === "activating";
    if (!active && code === 0) code = 3;
  }
  return code;
}

function statusText(x: Ctx, unit: LoadedUnit): string {
  const u = unit.state;
  const host = x.host;
  const now = x.world.now();
  const p = x.profile;
  const id = `${u.name}.service`;
  const color = u.active === "active" ? ANSI.green : u.active === "failed" ? ANSI.red : "";
  const on = (t: string) => (color ? paint(x, color, t) : t);
  const glyph = !p.stateGlyphs ? "●" : u.active === "inactive" ? "○" : u.active === "failed" ? "×" : "●";
  let s = `${on(glyph)} ${id}${u.description && u.description !== id ? ` - ${u.description}` : ""}\n`;

  const path = displayPath(host, u.fragmentPath);
  if (u.enabled === "masked") {
    s += `${label(x, "Loaded")}${paint(x, ANSI.red, "masked")} (Reason: Unit ${id} is masked.)\n`;
  } else {
    const showPreset = !["static", "alias", "generated", "transient"].includes(u.enabled);
    s += `${label(x, "Loaded")}loaded (${path}; ${u.enabled}${showPreset ? `; ${p.presetWord}: ${vendorPreset(host, u.name.replace(/@.*$/, "@"))}` : ""})\n`;
  }
  const drops = u.enabled === "masked" ? [] : dropIns(host, u);
  let dir = "";
  for (let i = 0; i < drops.length; i++) {
    const d = drops[i]!;
    const dDir = d.slice(0, d.lastIndexOf("/"));
    if (dDir !== dir) {
      s += `${dir ? indent(x) : label(x, "Drop-In")}${dDir}\n${indent(x)}└─`;
      dir = dDir;
    }
    const next = drops[i + 1];
    const lastInDir = !next || !next.startsWith(`${dir}/`);
    s += `${d.slice(d.lastIndexOf("/") + 1)}${lastInDir ? "\n" : ", "}`;
  }

  const ran = u.mainPid !== undefined;
  const stateText = u.active === u.sub ? u.active : `${u.active} (${u.sub})`;
  const since = ran || u.active === "active" ? ` since ${systemdTimestamp(u.since)}; ${relativeTimestamp(u.since, now)}` : "";
  s += `${label(x, "Active")}${on(stateText)}${since}\n`;
  unit.docs.forEach((d, i) => {
    s += `${i === 0 ? label(x, "Docs") : indent(x)}${d}\n`;
  });

  const running = u.active === "active" && u.sub === "running";
  const pres = unit.stock ? [] : configuredExec(x, u, "ExecStartPre");
  const pid = u.mainPid ?? 0;
  if (ran) {
    pres.forEach((cmd, i) => {
      s += `${label(x, "Process")}${pid - pres.length + i} ExecStartPre=${cmd} (code=exited, status=0/SUCCESS)\n`;
    });
  }
  if (ran && !running) {
    const exec = unit.stock ? u.execStart : (configuredExec(x, u, "ExecStart").at(-1) ?? u.execStart);
    s += `${label(x, "Process")}${pid} ExecStart=${exec} (code=exited, status=0/SUCCESS)\n`;
    s += `${label(x, "Main PID")}${pid} (code=exited, status=0/SUCCESS)\n`;
  } else if (running) {
    s += `${label(x, "Main PID")}${pid} (${comm(u.execStart)})\n`;
  }

  const procs: { pid: number; cmd: string }[] = [];
  if (running) {
    procs.push({ pid, cmd: u.execStart });
    if (u.name === "containerd") procs.push(...shimProcesses(x.world, host));
    procs.sort((a, b) => a.pid - b.pid);
    const extra = procs.length - 1;
    const tasks = (u.tasks ?? 1) + extra * 10;
    const unlimited = unitSettings(host, u).get("TasksMax")?.at(-1) === "infinity";
    s += `${label(x, "Tasks")}${tasks}${unlimited ? "" : " (limit: 9387)"}\n`;
    s += `${label(x, "Memory")}${formatBytes((u.memoryBytes ?? 1_048_576) + extra * 7_864_320)}\n`;
  }
  const cpu = cpuTime(host, u, now);
  if (p.cpuAccounting && cpu !== undefined && ran) s += `${label(x, "CPU")}${formatTimespan(cpu)}\n`;
  if (running) {
    s += `${label(x, "CGroup")}${cgroupOf(u.name)}\n`;
    const width = String(procs[procs.length - 1]!.pid).length;
    procs.forEach((proc, i) => {
      const branch = i < procs.length - 1 ? "├─" : "└─";
      s += `${indent(x)}${branch}${x.tty ? ANSI.grey : ""}${String(proc.pid).padStart(width)} ${proc.cmd}${x.tty ? ANSI.normal : ""}\n`;
    });
  }

  if (canReadJournal(host, x.c.user)) {
    const n = Number(last(x.p, "lines") ?? 10);
    const entries = n > 0 ? unitEntries(host, u.name, now).slice(-n) : [];
    if (entries.length) s += "\n" + entries.map((e) => `${formatEntry(host, e)}\n`).join("");
  }
  return s;
}

/** `systemctl status` without a unit: the machine's state. */
function overview(x: Ctx): number {
  const failed = loadedUnits(x.host).filter((u) => u.state.active === "failed").length;
  const green = (t: string) => paint(x, ANSI.green, t);
  const w = x.profile.labelWidth - 2;
  const l = (n: string) => `${n}:`.padStart(w + 1) + " ";
  const boot = x.host.fs["/"]?.mtime ?? 0;
  x.out += `${green("●")} ${x.host.name}\n${l("State")}${failed ? paint(x, ANSI.red, "degraded") : green("running")}\n${l("Jobs")}0 queued\n${l("Failed")}${failed} units\n${l("Since")}${systemdTimestamp(boot)}; ${relativeTimestamp(boot, x.world.now())}\n${l("CGroup")}/\n`;
  return 0;
}

// ---- show ----

function showProperties(x: Ctx, unit: LoadedUnit): [string, string][] {
  const u = unit.state;
  const now = x.world.now();
  const running = u.active === "active" && u.sub === "running";
  const ts = (t: number | undefined) => (t ? systemdTimestamp(t) : "n/a");
  return [
    ["Type", unitSettings(x.host, u).get("Type")?.at(-1) ?? (u.sub === "exited" ? "oneshot" : "simple")],
    ["MainPID", running ? String(u.mainPid ?? 0) : "0"],
    ["ExecMainPID", String(u.mainPid ?? 0)],
    ["Id", `${u.name}.service`],
    ["Names", `${u.name}.service`],
    ["Description", u.description],
    ["LoadState", u.enabled === "masked" ? "masked" : "loaded"],
    ["ActiveState", u.active],
    ["SubState", u.sub],
    ["FragmentPath", u.enabled === "masked" ? "" : displayPath(x.host, u.fragmentPath)],
    ["DropInPaths", dropIns(x.host, u).join(" ")],
    ["UnitFileState", u.enabled],
    ["UnitFilePreset", vendorPreset(x.host, u.name)],
    ["ActiveEnterTimestamp", u.active === "active" ? ts(u.since) : "n/a"],
    ["InactiveEnterTimestamp", u.active !== "active" && u.mainPid !== undefined ? ts(u.since) : "n/a"],
    ["TasksCurrent", running ? String(u.tasks ?? 1) : "[not set]"],
    ["MemoryCurrent", running ? String(u.memoryBytes ?? 0) : "[not set]"],
    ["CPUUsageNSec", String((cpuTime(x.host, u, now) ?? 0) * 1_000_000)],
    ["ControlGroup", running ? cgroupOf(u.name) : ""],
    ["NeedDaemonReload", needsDaemonReload(x.host, u) ? "yes" : "no"],
  ];
}

function show(x: Ctx, args: string[]): number {
  const wanted = x.p.options.filter((o) => o.key === "property").flatMap((o) => (o.value ?? "").split(","));
  const valueOnly = has(x.p, "value");
  let first = true;
  for (const arg of args) {
    const unit = lookup(x.host, arg);
    const { id, name } = parseUnitArg(arg);
    const props: [string, string][] = unit
      ? showProperties(x, unit)
      : [["Id", id], ["Names", id], ["LoadState", "not-found"], ["ActiveState", "inactive"], ["SubState", "dead"], ["UnitFileState", ""], ["Description", `${name}.service`]];
    if (!first) x.out += "\n";
    first = false;
    for (const [k, v] of props) {
      if (wanted.length && !wanted.includes(k)) continue;
      if (!wanted.length && v === "" && !has(x.p, "all")) continue;
      x.out += valueOnly ? `${v}\n` : `${k}=${v}\n`;
    }
  }
  return 0;
}

// ---- lists ----

/** systemd's format-table: columns separated by one space, the last one not padded. */
function table(rows: string[][], minWidths: number[] = []): string {
  const widths: number[] = [...minWidths];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + " ".repeat(widths[i]! - [...cell].length))).join(" ").replace(/\s+$/, "") + "\n").join("");
}

function typeFilter(x: Ctx): string[] {
  return x.p.options.filter((o) => o.key === "type").flatMap((o) => (o.value ?? "").split(","));
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
}

function listUnits(x: Ctx, patterns: string[]): number {
  const types = typeFilter(x);
  const states = x.p.options.filter((o) => o.key === "state").flatMap((o) => (o.value ?? "").split(","));
  const all = has(x.p, "all");
  const pats = patterns.map((pt) => glob(parseUnitArg(pt).id));
  const units = types.length && !types.includes("service")
    ? []
    : loadedUnits(x.host).filter((u) => {
        const s = u.state;
        const id = `${s.name}.service`;
        if (pats.length && !pats.some((re) => re.test(id))) return false;
        const load = s.enabled === "masked" ? "masked" : "loaded";
        if (states.length) return states.some((st) => st === load || st === s.active || st === s.sub);
        return all || s.active !== "inactive" || pats.length > 0;
      });
  const legend = !has(x.p, "no-legend");
  const rows = units.map((u) => [u.state.active === "failed" && !has(x.p, "plain") ? "●" : " ", `${u.state.name}.service`, u.state.enabled === "masked" ? "masked" : "loaded", u.state.active, u.state.sub, u.state.description]);
  const header = legend ? [["", "UNIT", "LOAD", "ACTIVE", "SUB", "DESCRIPTION"]] : [];
  const body = has(x.p, "plain") ? [...header, ...rows].map((r) => r.slice(1)) : [...header, ...rows];
  // The first column holds a one-character glyph, so it is never narrower than that.
  if (body.length) x.out += table(body, has(x.p, "plain") ? [] : [1]);
  if (legend) {
    if (rows.length) x.out += "\nLOAD   = Reflects whether the unit definition was properly loaded.\nACTIVE = The high-level unit activation state, i.e. generalization of SUB.\nSUB    = The low-level unit activation state, values depend on unit type.\n";
    if (all || states.includes("inactive")) x.out += `${rows.length} loaded units listed.\nTo show all installed unit files use 'systemctl list-unit-files'.\n`;
    else if (!states.length) x.out += `${rows.length} loaded units listed. Pass --all to see loaded but inactive units, too.\nTo show all installed unit files use 'systemctl list-unit-files'.\n`;
    else x.out += `${rows.length} loaded units listed.\n`;
  }
  return 0;
}

function listUnitFiles(x: Ctx, patterns: string[]): number {
  const types = typeFilter(x);
  const states = x.p.options.filter((o) => o.key === "state").flatMap((o) => (o.value ?? "").split(","));
  const pats = patterns.map((pt) => glob(parseUnitArg(pt).id));
  const files = types.length && !types.includes("service")
    ? []
    : unitFiles(x.host)
        .filter((f) => !pats.length || pats.some((re) => re.test(`${f.name}.service`)))
        .filter((f) => !states.length || states.includes(f.enabled))
        .sort((a, b) => caseCompare(`${a.name}.service`, `${b.name}.service`));
  const withPreset = x.profile.version >= 245;
  const legend = !has(x.p, "no-legend");
  const rows = files.map((f) => {
    const showPreset = !["static", "alias", "generated", "transient"].includes(f.enabled);
    const row = [`${f.name}.service`, f.enabled];
    if (withPreset) row.push(showPreset ? vendorPreset(x.host, f.name) : "-");
    return row;
  });
  const header = legend ? [withPreset ? ["UNIT FILE", "STATE", x.profile.version >= 252 ? "PRESET" : "VENDOR PRESET"] : ["UNIT FILE", "STATE"]] : [];
  if (header.length || rows.length) x.out += table([...header, ...rows]);
  if (legend) x.out += `\n${rows.length} unit files listed.\n`;
  return 0;
}

