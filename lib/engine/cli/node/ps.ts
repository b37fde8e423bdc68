// ps from procps-ng (3.3.17 on Ubuntu 22.04 and CentOS Stream 9, 3.3.15 on Stream 8): UNIX
// (-ef), BSD (aux) and GNU (--sort) options, the standard and user-defined (-o) formats, and
// procps's column layout (show_one_proc: a column that overflows is paid back by the padding of
// the next ones; the last, unlimited column is cut at the terminal's width unless the output is
// a pipe or `ww` is given).
import type { Millis } from "../../clock";
import type { HostState } from "../../hosts/types";
import type { Command, CommandResult } from "../../shell/types";
import type { World } from "../../world";
import { processTable, passwdEntries, type HostProcess, type ProcessTable } from "./processes";

type Just = "left" | "right" | "user" | "unlimited";

interface Column {
  header: string;
  width: number;
  just: Just;
  value(p: HostProcess, x: Ctx): string;
  /** Sort key. */
  key(p: HostProcess, x: Ctx): number | string;
  pidmax?: boolean;
}

interface Ctx {
  now: Millis;
  table: ProcessTable;
  names: Map<number, string>;
  /** Without -f a "cmd"/"args" in the default format shows the command name. */
  fullCommand: boolean;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const elapsedSeconds = (p: HostProcess, x: Ctx) => Math.max(0, Math.floor((x.now - p.startedAt) / 1000));
const cpuSeconds = (p: HostProcess) => Math.floor(p.cpuMs / 1000);

/** pr_pcpu: CPU time over lifetime, in tenths of a percent. */
function pcpuTenths(p: HostProcess, x: Ctx): number {
  const s = elapsedSeconds(p, x);
  return s ? Math.floor(p.cpuMs / s) : 0;
}

function pcpu(p: HostProcess, x: Ctx): string {
  const v = pcpuTenths(p, x);
  return v > 999 ? String(Math.floor(v / 10)) : `${Math.floor(v / 10)}.${v % 10}`;
}

function pmem(p: HostProcess, x: Ctx): string {
  const v = Math.min(999, Math.floor((p.rssKiB * 1000) / x.table.memTotalKiB));
  return `${String(Math.floor(v / 10)).padStart(2)}.${v % 10}`;
}

/** pr_stime: hh:mm today, MonDD this year, else the year (the machine's clock is UTC). */
function stime(p: HostProcess, x: Ctx): string {
  const t = new Date(p.startedAt);
  const n = new Date(x.now);
  if (t.getUTCFullYear() !== n.getUTCFullYear()) return String(t.getUTCFullYear());
  if (t.toISOString().slice(0, 10) !== n.toISOString().slice(0, 10)) return `${MONTHS[t.getUTCMonth()]}${pad2(t.getUTCDate())}`;
  return `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
}

/** pr_start: hh:mm:ss within a day, else "Mon DD". */
function started(p: HostProcess, x: Ctx): string {
  const t = new Date(p.startedAt);
  if (x.now - p.startedAt < 86_400_000) return `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}`;
  return `${MONTHS[t.getUTCMonth()]} ${pad2(t.getUTCDate())}`;
}

/** pr_time: [dd-]hh:mm:ss of CPU time. */
function cputime(p: HostProcess): string {
  let t = cpuSeconds(p);
  const ss = t % 60;
  t = Math.floor(t / 60);
  const mm = t % 60;
  t = Math.floor(t / 60);
  const hh = t % 24;
  const dd = Math.floor(t / 24);
  return `${dd ? `${dd}-` : ""}${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
}

/** pr_bsdtime: m:ss. */
function bsdtime(p: HostProcess): string {
  const u = cpuSeconds(p);
  return `${String(Math.floor(u / 60)).padStart(3)}:${pad2(u % 60)}`;
}

/** pr_etime: [[dd-]hh:]mm:ss since start. */
function etime(p: HostProcess, x: Ctx): string {
  let t = elapsedSeconds(p, x);
  const ss = t % 60;
  t = Math.floor(t / 60);
  const mm = t % 60;
  t = Math.floor(t / 60);
  const hh = t % 24;
  const dd = Math.floor(t / 24);
  if (dd) return `${dd}-${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
  if (hh) return `${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
  return `${pad2(mm)}:${pad2(ss)}`;
}

/** A user name no wider than the column: longer ones end in "+" (systemd+). */
function userName(p: HostProcess, x: Ctx, width: number): string {
  const name = x.names.get(p.uid) ?? String(p.uid);
  return name.length > width ? `${name.slice(0, width - 1)}+` : name;
}

const args = (p: HostProcess) => (p.args === "" ? `[${p.comm}]` : p.args);
const cmd = (p: HostProcess, x: Ctx) => (x.fullCommand ? args(p) : p.comm);
const nice = (p: HostProcess) => (p.stat.includes("<") ? -20 : p.stat.includes("N") ? 5 : 0);

function col(header: string, width: number, just: Just, value: Column["value"], key?: Column["key"], pidmax = false): Column {
  return { header, width, just, value, key: key ?? ((p, x) => value(p, x)), pidmax };
}

const num = (f: (p: HostProcess, x: Ctx) => number) => f;

const SPECS: Record<string, () => Column> = {
  pid: () => col("PID", 5, "right", (p) => String(p.pid), num((p) => p.pid), true),
  tgid: () => col("TGID", 5, "right", (p) => String(p.pid), num((p) => p.pid), true),
  ppid: () => col("PPID", 5, "right", (p) => String(p.ppid), num((p) => p.ppid), true),
  user: () => col("USER", 8, "user", (p, x) => userName(p, x, 8), (p, x) => x.names.get(p.uid) ?? String(p.uid)),
  euser: () => col("EUSER", 8, "user", (p, x) => userName(p, x, 8), (p, x) => x.names.get(p.uid) ?? String(p.uid)),
  uname: () => col("USER", 8, "user", (p, x) => userName(p, x, 8), (p, x) => x.names.get(p.uid) ?? String(p.uid)),
  ruser: () => col("RUSER", 8, "user", (p, x) => userName(p, x, 8), (p, x) => x.names.get(p.uid) ?? String(p.uid)),
  uid_hack: () => col("UID", 8, "user", (p, x) => userName(p, x, 8), (p, x) => x.names.get(p.uid) ?? String(p.uid)),
  uid: () => col("UID", 5, "right", (p) => String(p.uid), num((p) => p.uid)),
  euid: () => col("EUID", 5, "right", (p) => String(p.uid), num((p) => p.uid)),
  pcpu: () => col("%CPU", 4, "right", pcpu, num(pcpuTenths)),
  pmem: () => col("%MEM", 4, "right", pmem, num((p) => p.rssKiB)),
  vsz: () => col("VSZ", 6, "right", (p) => String(p.vszKiB), num((p) => p.vszKiB)),
  vsize: () => col("VSZ", 6, "right", (p) => String(p.vszKiB), num((p) => p.vszKiB)),
  rss: () => col("RSS", 5, "right", (p) => String(p.rssKiB), num((p) => p.rssKiB)),
  rssize: () => col("RSS", 5, "right", (p) => String(p.rssKiB), num((p) => p.rssKiB)),
  rsz: () => col("RSZ", 5, "right", (p) => String(p.rssKiB), num((p) => p.rssKiB)),
  sz: () => col("SZ", 5, "right", (p) => String(Math.ceil(p.vszKiB / 4)), num((p) => p.vszKiB)),
  tname: () => col("TTY", 8, "left", (p) => p.tty),
  tty: () => col("TT", 8, "left", (p) => p.tty),
  tt: () => col("TT", 8, "left", (p) => p.tty),
  stat: () => col("STAT", 4, "left", (p) => p.stat),
  state: () => col("S", 1, "left", (p) => p.stat[0]!),
  s: () => col("S", 1, "left", (p) => p.stat[0]!),
  start_time: () => col("START", 5, "right", stime, num((p) => p.startedAt)),
  stime: () => col("STIME", 5, "right", stime, num((p) => p.startedAt)),
  start: () => col("STARTED", 8, "right", started, num((p) => p.startedAt)),
  time: () => col("TIME", 8, "right", cputime, num((p) => p.cpuMs)),
  cputime: () => col("TIME", 8, "right", cputime, num((p) => p.cpuMs)),
  bsdtime: () => col("TIME", 6, "right", bsdtime, num((p) => p.cpuMs)),
  etime: () => col("ELAPSED", 11, "right", etime, num((p, x) => elapsedSeconds(p, x))),
  etimes: () => col("ELAPSED", 7, "right", (p, x) => String(elapsedSeconds(p, x)), num((p, x) => elapsedSeconds(p, x))),
  c: () => col("C", 2, "right", (p, x) => String(Math.min(99, Math.floor(pcpuTenths(p, x) / 10))), num(pcpuTenths)),
  ni: () => col("NI", 3, "right", (p) => String(nice(p)), num(nice)),
  nice: () => col("NI", 3, "right", (p) => String(nice(p)), num(nice)),
  nlwp: () => col("NLWP", 4, "right", (p) => (p.stat.includes("l") ? "12" : "1"), num((p) => (p.stat.includes("l") ? 12 : 1))),
  comm: () => col("COMMAND", 15, "unlimited", (p) => p.comm),
  ucmd: () => col("CMD", 15, "unlimited", (p) => p.comm),
  ucomm: () => col("COMMAND", 15, "unlimited", (p) => p.comm),
  fname: () => col("COMMAND", 8, "left", (p) => p.comm.slice(0, 8)),
  args: () => col("COMMAND", 27, "unlimited", (p) => args(p)),
  command: () => col("COMMAND", 27, "unlimited", (p) => args(p)),
  cmd: () => col("CMD", 27, "unlimited", cmd),
};
const ALIASES: Record<string, string> = { "%cpu": "pcpu", "%mem": "pmem", lwp: "tgid" };

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

class PsError extends Error {}

interface Options {
  all: boolean;
  bsdA: boolean;
  bsdX: boolean;
  unixA: boolean;
  unixD: boolean;
  bsd: boolean;
  full: boolean;
  userFormat: boolean;
  format: { spec: string; header?: string }[];
  pids: number[];
  ppids: number[];
  users: string[];
  commands: string[];
  ttys: string[];
  noHeaders: boolean;
  wide: number;
  forest: "" | "bsd" | "unix";
  sort: string[];
}

/** Splits a -o list: "pid,comm=NAME" or "pid comm". */
function parseFormat(text: string, into: Options["format"]) {
  const eq = text.indexOf("=");
  if (eq >= 0) {
    // Everything after "=" names the last column's header.
    const before = text.slice(0, eq).split(/[ ,]+/).filter((s) => s !== "");
    const header = text.slice(eq + 1);
    before.forEach((spec, i) => into.push(i === before.length - 1 ? { spec, header } : { spec }));
    return;
  }
  for (const spec of text.split(/[ ,]+/)) if (spec !== "") into.push({ spec });
}

const splitList = (text: string) => text.split(/[ ,]+/).filter((s) => s !== "");

function parseArgs(argv: string[]): Options {
  const o: Options = { all: false, bsdA: false, bsdX: false, unixA: false, unixD: false, bsd: false, full: false, userFormat: false, format: [], pids: [], ppids: [], users: [], commands: [], ttys: [], noHeaders: false, wide: 0, forest: "", sort: [] };
  const numbers = (text: string, what: string) =>
    splitList(text).map((t) => {
      if (!/^\d+$/.test(t)) throw new PsError(`error: ${what}`);
      return Number(t);
    });
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (rest: string, what: string) => {
      if (rest !== "") return rest;
      const next = argv[++i];
      if (next === undefined) throw new PsError(`error: ${what}`);
      return next;
    };
    if (a.startsWith("--")) {
      const [name, inline] = a.includes("=") ? [a.slice(2, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a.slice(2), undefined];
      const arg = (what: string) => (inline !== undefined ? inline : value("", what));
      switch (name) {
        case "no-headers":
        case "no-heading":
          o.noHeaders = true;
          break;
        case "forest":
          o.forest = "bsd";
          break;
        case "sort":
          o.sort.push(...splitList(arg("long sort specification must follow --sort")));
          break;
        case "format":
          parseFormat(arg("format specification must follow --format"), o.format);
          break;
        case "pid":
          o.pids.push(...numbers(arg("list of process IDs must follow --pid"), "process ID list syntax error"));
          break;
        case "ppid":
          o.ppids.push(...numbers(arg("list of process IDs must follow --ppid"), "process ID list syntax error"));
          break;
        case "user":
        case "User":
          o.users.push(...splitList(arg("list of users must follow --user")));
          break;
        case "cols":
        case "columns":
        case "width":
          o.wide = Number(arg("number of columns must follow --cols, --width, or --columns")) || 80;
          break;
        default:
          throw new PsError("error: unknown gnu long option");
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const rest = a.slice(j + 1);
        switch (c) {
          case "e":
          case "A":
            o.all = true;
            break;
          case "a":
            o.unixA = true;
            break;
          case "d":
            o.unixD = true;
            break;
          case "f":
            o.full = true;
            break;
          case "H":
            o.forest = "unix";
            break;
          case "w":
            o.wide++;
            break;
          case "o":
            parseFormat(value(rest, "format specification must follow -o"), o.format);
            j = a.length;
            break;
          case "p":
            o.pids.push(...numbers(value(rest, "list of process IDs must follow -p"), "process ID list syntax error"));
            j = a.length;
            break;
          case "u":
          case "U":
            o.users.push(...splitList(value(rest, "list of users must follow -u")));
            j = a.length;
            break;
          case "C":
            o.commands.push(...splitList(value(rest, "list of command names must follow -C")));
            j = a.length;
            break;
          case "t":
            o.ttys.push(...splitList(value(rest, "list of terminals (pty, tty...) must follow -t")));
            j = a.length;
            break;
          case "x":
            // `ps -aux`: procps takes it as the BSD aux when no user "x" exists.
            if (a === "-aux" || a === "-axu") {
              o.bsd = true;
              o.bsdA = true;
              o.bsdX = true;
              o.userFormat = true;
              j = a.length;
              break;
            }
            throw new PsError("error: unsupported SysV option");
          default:
            throw new PsError("error: unsupported SysV option");
        }
      }
      continue;
    }
    o.bsd = true;
    for (let j = 0; j < a.length; j++) {
      const c = a[j]!;
      const rest = a.slice(j + 1);
      switch (c) {
        case "a":
          o.bsdA = true;
          break;
        case "x":
          o.bsdX = true;
          break;
        case "u":
          o.userFormat = true;
          break;
        case "w":
          o.wide++;
          break;
        case "f":
          o.forest = "bsd";
          break;
        case "h":
          o.noHeaders = true;
          break;
        case "o":
          parseFormat(value(rest, "format specification must follow o"), o.format);
          j = a.length;
          break;
        case "p":
          o.pids.push(...numbers(value(rest, "list of process IDs must follow p"), "process ID list syntax error"));
          j = a.length;
          break;
        case "U":
          o.users.push(...splitList(value(rest, "list of users must follow U")));
          j = a.length;
          break;
        case "-":
          break;
        default:
          throw new PsError("error: unsupported option (BSD syntax)");
      }
    }
  }
  return o;
}

function columnsOf(o: Options, pidWidth: number): Column[] {
  let specs: Options["format"];
  if (o.format.length > 0) specs = o.format;
  else if (o.userFormat) specs = ["user", "pid", "pcpu", "pmem", "vsz", "rss", "tname", "stat", "start_time", "bsdtime", "args"].map((spec) => ({ spec }));
  else if (o.full) specs = ["uid_hack", "pid", "ppid", "c", "stime", "tname", "time", "cmd"].map((spec) => ({ spec }));
  else if (o.bsd) specs = ["pid", "tname", "stat", "bsdtime", "args"].map((spec) => ({ spec }));
  else specs = ["pid", "tname", "time", "cmd"].map((spec) => ({ spec }));
  return specs.map(({ spec, header }) => {
    const make = SPECS[ALIASES[spec] ?? spec];
    if (!make) throw new PsError(`error: unknown user-defined format specifier "${spec}"`);
    const c = make();
    if (c.pidmax) c.width = pidWidth;
    if (header !== undefined) {
      c.header = header;
      // A header wider than the column widens it.
      c.width = Math.max(c.width, header.length);
    }
    return c;
  });
}

/** show_one_proc: procps's layout of one line (the header when `p` is undefined). */
function line(cols: Column[], p: HostProcess | undefined, x: Ctx, activeCols: number, prefix: string): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let out = "";
  cols.forEach((c, i) => {
    let text = p ? c.value(p, x) : c.header;
    if (p && c.just === "unlimited") text = prefix + text;
    let leftpad = 0;
    if (c.just === "right") leftpad = Math.max(0, c.width - text.length);
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    if (c.just === "unlimited") {
      // Cut at the screen's edge.
      const room = activeCols - actual - space;
      if (room < text.length) text = text.slice(0, Math.max(1, room));
    }
    const last = i === cols.length - 1;
    out += " ".repeat(space) + text;
    if (last) return;
    actual += space + text.length;
    correct += c.width + 1;
    dospace = 1;
  });
  return `${out}\n`;
}

function selected(o: Options, t: ProcessTable, names: Map<number, string>): (p: HostProcess) => boolean {
  const lists = o.pids.length + o.ppids.length + o.users.length + o.commands.length + o.ttys.length > 0;
  const uidOf = (u: string) => (/^\d+$/.test(u) ? Number(u) : [...names.entries()].find(([, n]) => n === u)?.[0] ?? -1);
  const users = o.users.map(uidOf);
  const sessionLeader = (p: HostProcess) => p.stat.includes("s");
  return (p) => {
    if (o.all || (o.bsdA && o.bsdX)) return true;
    if (lists) {
      if (o.pids.includes(p.pid) || o.ppids.includes(p.ppid) || users.includes(p.uid) || o.commands.includes(p.comm)) return true;
      if (o.ttys.some((tty) => tty === p.tty || `pts/${tty}` === p.tty || tty.replace(/^\/dev\//, "") === p.tty)) return true;
    }
    if (o.bsdA) return p.tty !== "?";
    if (o.bsdX) return p.uid === t.selfUid;
    if (o.unixA) return p.tty !== "?" && !sessionLeader(p);
    if (o.unixD) return !sessionLeader(p);
    if (lists) return false;
    return p.uid === t.selfUid && p.tty === t.selfTty;
  };
}

/** The display order of --forest/f (BSD, children of init at the top level) or -H (UNIX). */
function forest(list: HostProcess[], type: "bsd" | "unix"): { p: HostProcess; prefix: string }[] {
  const byPid = new Set(list.map((p) => p.pid));
  // procps sorts a forest by start time (then parent): siblings in the order they started.
  const ordered = [...list].sort((a, b) => a.startedAt - b.startedAt || a.pid - b.pid);
  const kids = new Map<number, HostProcess[]>();
  for (const p of ordered) if (byPid.has(p.ppid) && p.ppid !== p.pid) kids.set(p.ppid, [...(kids.get(p.ppid) ?? []), p]);
  const out: { p: HostProcess; prefix: string }[] = [];
  const walk = (p: HostProcess, level: number, marks: string) => {
    const prefix =
      type === "unix"
        ? "  ".repeat(level)
        : [...marks].map((m) => (m === " " ? "    " : m === "|" ? " |  " : " \\_ ")).join("");
    out.push({ p, prefix });
    const children = kids.get(p.pid) ?? [];
    children.forEach((c, i) => {
      const more = i < children.length - 1;
      if (type === "bsd" && p.pid === 1) walk(c, level, marks);
      else {
        const inherited = marks.replace(/L$/, " ").replace(/\+$/, "|");
        walk(c, level + 1, inherited + (more ? "+" : "L"));
      }
    });
  };
  const roots = ordered.filter((p) => !byPid.has(p.ppid) || p.ppid === p.pid);
  for (const r of [...roots].reverse()) walk(r, 0, "");
  return out;
}

function sorter(keys: string[], pidWidth: number): (a: HostProcess, b: HostProcess, x: Ctx) => number {
  const parsed = keys.map((k) => {
    const reverse = k.startsWith("-");
    const name = k.replace(/^[-+]/, "");
    const make = SPECS[ALIASES[name] ?? name];
    if (!make) throw new PsError("error: unknown sort specifier");
    const c = make();
    if (c.pidmax) c.width = pidWidth;
    return { c, reverse };
  });
  return (a, b, x) => {
    for (const { c, reverse } of parsed) {
      const ka = c.key(a, x);
      const kb = c.key(b, x);
      const d = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka) < String(kb) ? -1 : String(ka) > String(kb) ? 1 : 0;
      if (d !== 0) return reverse ? -d : d;
    }
    return 0;
  };
}

/** Digits of the kernel's pid_max: 4194304 where systemd 243+ raised it, 32768 on Stream 8. */
function pidWidth(host: HostState): number {
  if (host.distro === "ubuntu") return 7;
  const rel = host.fs["/etc/centos-release"];
  return rel?.type === "file" && rel.content.includes(" 9") ? 7 : 5;
}

function procpsVersion(host: HostState): string {
  const rel = host.fs["/etc/centos-release"];
  if (host.distro === "centos" && !(rel?.type === "file" && rel.content.includes(" 9"))) return "3.3.15";
  return "3.3.17";
}

export const psCommand: Command<World> = (ctx): CommandResult => {
  const host = ctx.host;
  let o: Options;
  try {
    if (ctx.args.includes("--help")) return { stdout: USAGE, stderr: "", exitCode: 0 };
    if (ctx.args.some((a) => a === "-V" || a === "V" || a === "--version")) return { stdout: `ps from procps-ng ${procpsVersion(host)}\n`, stderr: "", exitCode: 0 };
    o = parseArgs(ctx.args);
    const width = pidWidth(host);
    const cols = columnsOf(o, width);
    const sort = o.sort.length ? sorter(o.sort, width) : undefined;
    const hostKey = Object.entries(ctx.world.hosts).find(([, h]) => h === host)?.[0] ?? host.name;
    const now = ctx.world.now();
    const table = processTable(ctx.world, host, hostKey, ctx.session, now);
    const names = new Map<number, string>();
    for (const e of passwdEntries(host)) if (!names.has(e.uid)) names.set(e.uid, e.name);
    const x: Ctx = { now, table, names, fullCommand: o.full || o.format.length > 0 || o.bsd };
    const pick = selected(o, table, names);
    let list = table.processes.filter(pick);
    if (sort) list = [...list].sort((a, b) => sort(a, b, x));
    const rows = o.forest ? forest(list, o.forest) : list.map((p) => ({ p, prefix: "" }));
    // The screen: a terminal's width (w: at least 132, ww: unlimited); unlimited into a pipe.
    let activeCols = ctx.stdoutIsTty ? Number(ctx.env.COLUMNS) || ctx.columns || 80 : Number.MAX_SAFE_INTEGER;
    if (o.wide === 1) activeCols = Math.max(activeCols, 132);
    if (o.wide >= 2) activeCols = Number.MAX_SAFE_INTEGER;
    let stdout = "";
    const headers = cols.some((c) => c.header !== "");
    if (!o.noHeaders && headers) stdout += line(cols, undefined, x, activeCols, "");
    for (const r of rows) stdout += line(cols, r.p, x, activeCols, r.prefix);
    // Nothing selected: the header alone, and exit status 1.
    return { stdout, stderr: "", exitCode: list.length === 0 ? 1 : 0 };
  } catch (error) {
    if (error instanceof PsError) return { stdout: "", stderr: `${error.message}\n${USAGE}`, exitCode: 1 };
    throw error;
  }
};
