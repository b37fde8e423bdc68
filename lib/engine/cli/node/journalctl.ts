// journalctl (systemd 249 on Ubuntu 22.04; 239 and 252 on CentOS Stream 8 and 9): the host's
// journal, which the units' lines make up (see units.ts), filtered by unit, identifier, time and
// count, in the short output format.
import type { Millis } from "../../clock";
import type { HostState, JournalEntry } from "../../hosts/types";
import type { Command, CommandContext } from "../../shell/types";
import type { World } from "../../world";
import { journalTime, rfc3339Nano, systemdTimestamp } from "./format";
import { getopt, has, last, type OptionSpec } from "./getopt";
import { systemdProfile, type SystemdProfile } from "./systemd";
import { hostJournal } from "./units";

/** One short-format line: "Jan 01 00:15:00 controlplane kubelet[1078]: message". */
export function formatEntry(host: HostState, e: JournalEntry, hostname = true): string {
  const who = ident(e);
  return `${journalTime(e.at)}${hostname ? ` ${host.name}` : ""} ${who}: ${e.message}`;
}

/** Whether `user` may read the system journal (root, and the groups journald grants it to). */
export function canReadJournal(host: HostState, user: string): boolean {
  if (user === "root") return true;
  const groups = host.users[user]?.groups ?? [];
  const allowed = host.distro === "ubuntu" ? ["adm", "systemd-journal"] : ["adm", "systemd-journal", "wheel"];
  return groups.some((g) => allowed.includes(g));
}

/** A unit's entries up to now, oldest first. */
export function unitEntries(host: HostState, unit: string, now: Millis): JournalEntry[] {
  return hostJournal(host)
    .filter((x) => x.unit === unit && x.entry.at <= now)
    .map((x) => x.entry);
}

const SPECS: OptionSpec[] = [
  { long: "unit", short: "u", arg: "required" },
  { long: "lines", short: "n", arg: "optional" },
  { long: "follow", short: "f", arg: "none" },
  { long: "no-pager", arg: "none" },
  { long: "boot", short: "b", arg: "optional" },
  { long: "since", short: "S", arg: "required" },
  { long: "until", short: "U", arg: "required" },
  { long: "pager-end", short: "e", arg: "none" },
  { long: "catalog", short: "x", arg: "none" },
  { long: "reverse", short: "r", arg: "none" },
  { long: "output", short: "o", arg: "required" },
  { long: "quiet", short: "q", arg: "none" },
  { long: "all", short: "a", arg: "none" },
  { long: "full", short: "l", arg: "none" },
  { long: "identifier", short: "t", arg: "required" },
  { long: "priority", short: "p", arg: "required" },
  { long: "dmesg", short: "k", arg: "none" },
  { long: "no-hostname", arg: "none" },
  { long: "grep", short: "g", arg: "required" },
  { long: "system", arg: "none" },
  { long: "user", arg: "none" },
  { long: "help", short: "h", arg: "none" },
  { long: "version", arg: "none" },
];

const HELP = `journalctl [OPTIONS...] [MATCHES...]

Query the journal.

Options:
     --system                Show the system journal
     --user                  Show the user journal for the current user
  -S --since=DATE            Show entries not older than the specified date
  -U --until=DATE            Show entries not newer than the specified date
  -b --boot[=ID]             Show current boot or the specified boot
  -u --unit=UNIT             Show logs from the specified unit
  -t --identifier=STRING     Show entries with the specified syslog identifier
  -p --priority=RANGE        Show entries with the specified priority
  -g --grep=PATTERN          Show entries with MESSAGE matching PATTERN
  -e --pager-end             Immediately jump to the end in the pager
  -f --follow                Follow the journal
  -n --lines[=INTEGER]       Number of journal entries to show
     --no-tail               Show all lines, even in follow mode
  -r --reverse               Show the newest entries first
  -o --output=STRING         Change journal output mode (short, short-precise,
                               short-iso, short-iso-precise, short-full,
                               short-monotonic, short-unix, verbose, export,
                               json, json-pretty, json-sse, json-seq, cat,
                               with-unit)
  -x --catalog               Add message explanations where available
     --no-hostname           Suppress output of hostname field
     --no-pager              Do not pipe output into a pager
  -q --quiet                 Do not show info messages and privilege warning
  -k --dmesg                 Show kernel message log from the current boot
  -h --help                  Show this help text
     --version               Show package version
`;

const VERSION: Record<number, string> = {
  249: "systemd 249 (249.11-0ubuntu3.12)\n+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP +GCRYPT +GNUTLS -OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY -P11KIT -QRENCODE +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified\n",
  239: "systemd 239 (239-82.el8)\n+PAM +AUDIT +SELINUX +IMA -APPARMOR +SMACK +SYSVINIT +UTMP +LIBCRYPTSETUP +GCRYPT +GNUTLS +ACL +XZ +LZ4 +SECCOMP +BLKID +ELFUTILS +KMOD +IDN2 -IDN +PCRE2 default-hierarchy=legacy\n",
  252: "systemd 252 (252-46.el9)\n+PAM +AUDIT +SELINUX -APPARMOR +IMA +SMACK +SECCOMP +GCRYPT +GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN -IPTC +KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY +P11KIT -QRENCODE +TPM2 +BZIP2 +LZ4 +XZ +ZLIB +ZSTD -BPF_FRAMEWORK +XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified\n",
};

const UNIT_MS: Record<string, number> = {
  us: 0.001, usec: 0.001, ms: 1, msec: 1, s: 1000, sec: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hr: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000, w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
};

/** parse_timestamp(): "2026-01-01 00:10", "10:00", "today", "yesterday", "-5min", "1 hour ago". */
export function parseTimestamp(text: string, now: Millis): Millis | undefined {
  const t = text.trim();
  const day = (offset: number) => Math.floor(now / 86_400_000) * 86_400_000 + offset * 86_400_000;
  if (t === "now") return now;
  if (t === "today") return day(0);
  if (t === "yesterday") return day(-1);
  if (t === "tomorrow") return day(1);
  const span = (s: string): number | undefined => {
    let total = 0;
    const re = /(\d+)\s*([a-z]*)\s*/gy;
    let m: RegExpExecArray | null;
    let pos = 0;
    while ((m = re.exec(s))) {
      const unit = m[2] === "" ? "s" : m[2]!;
      const ms = UNIT_MS[unit];
      if (ms === undefined) return undefined;
      total += Number(m[1]) * ms;
      pos = re.lastIndex;
    }
    return pos === s.length && pos > 0 ? total : undefined;
  };
  if (t.startsWith("-") || t.startsWith("+")) {
    const d = span(t.slice(1).trim());
    return d === undefined ? undefined : t.startsWith("-") ? now - d : now + d;
  }
  if (t.endsWith(" ago")) {
    const d = span(t.slice(0, -4).trim());
    return d === undefined ? undefined : now - d;
  }
  const full = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/.exec(t);
  if (full) {
    const [, y, mo, d, h, mi, s, frac] = full;
    const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
    const v = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
    return Number.isNaN(v) || Number(mo) > 12 || Number(d) > 31 ? undefined : v;
  }
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (clock) {
    const [, h, mi, s] = clock;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
    return day(0) + Number(h) * 3_600_000 + Number(mi) * 60_000 + Number(s ?? 0) * 1000;
  }
  return undefined;
}

function globToRegExp(glob: string): RegExp {
  const re = glob.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`);
}

/** "kubelet" → "kubelet.service"; patterns keep their globs. */
function unitName(arg: string): string {
  return /\.(service|socket|target|timer|mount|slice|scope|path|device|swap|automount)$/.test(arg) || /[*?[]/.test(arg) ? arg : `${arg}.service`;
}

interface Filter {
  units: RegExp[];
  idents: string[];
  fields: { field: string; value: string }[];
  since?: Millis;
  until?: Millis;
  grep?: RegExp;
}

function matches(host: HostState, unit: string, e: JournalEntry, f: Filter): boolean {
  if (f.units.length && !f.units.some((re) => re.test(`${unit}.service`))) return false;
  if (f.idents.length && !f.idents.includes(e.ident)) return false;
  for (const m of f.fields) {
    const u = host.units[unit];
    const value =
      m.field === "_SYSTEMD_UNIT" || m.field === "UNIT" ? `${unit}.service`
      : m.field === "SYSLOG_IDENTIFIER" || m.field === "_COMM" ? e.ident
      : m.field === "_PID" ? String(e.pid ?? "")
      : m.field === "_EXE" ? (e.ident === "systemd" ? "/usr/lib/systemd/systemd" : (u?.execStart.split(" ")[0] ?? ""))
      : m.field === "_HOSTNAME" ? host.name
      : undefined;
    if (value !== m.value) return false;
  }
  if (f.since !== undefined && e.at < f.since) return false;
  if (f.until !== undefined && e.at > f.until) return false;
  if (f.grep && !f.grep.test(e.message)) return false;
  return true;
}

function header(profile: SystemdProfile, first: Millis, lastAt: Millis, follow: boolean): string {
  const a = systemdTimestamp(first);
  const b = systemdTimestamp(lastAt);
  if (profile.journalHeader === "logs-begin") return follow ? `-- Logs begin at ${a}. --\n` : `-- Logs begin at ${a}, end at ${b}. --\n`;
  return follow ? `-- Journal begins at ${a}. --\n` : `-- Journal begins at ${a}, ends at ${b}. --\n`;
}

/** "kubelet[1078]"; systemd's own lines always come from pid 1. */
function ident(e: JournalEntry): string {
  const pid = e.pid ?? (e.ident === "systemd" ? 1 : undefined);
  return pid !== undefined ? `${e.ident}[${pid}]` : e.ident;
}

function render(host: HostState, e: JournalEntry, output: string, hostname: boolean): string {
  if (output === "cat") return `${e.message}\n`;
  const who = ident(e);
  const name = hostname ? ` ${host.name}` : "";
  if (output === "short-iso") return `${new Date(e.at).toISOString().slice(0, 19)}+0000${name} ${who}: ${e.message}\n`;
  if (output === "short-iso-precise") return `${rfc3339Nano(e.at).slice(0, 26)}+0000${name} ${who}: ${e.message}\n`;
  if (output === "short-precise") {
    return `${journalTime(e.at)}.${String((e.at % 1000) * 1000).padStart(6, "0")}${name} ${who}: ${e.message}\n`;
  }
  return `${formatEntry(host, e, hostname)}\n`;
}

const OUTPUTS = ["short", "short-precise", "short-iso", "short-iso-precise", "cat"];

export const journalctlCommand: Command<World> = (ctx: CommandContext<World>) => {
  const host = ctx.host;
  const profile = systemdProfile(host);
  const parsed = getopt("journalctl", ctx.args, SPECS, (key, next) => (key === "lines" && /^[+-]?\d+$/.test(next)) || (key === "boot" && /^(-?\d+|[0-9a-f]{32}|all)$/.test(next)));
  if (!parsed.ok) return { stdout: "", stderr: parsed.error, exitCode: 1 };
  const p = parsed.value;
  if (has(p, "help")) return { stdout: HELP, stderr: "", exitCode: 0 };
  if (has(p, "version")) return { stdout: VERSION[profile.version] ?? "", stderr: "", exitCode: 0 };
  const now = ctx.world.now();

  const filter: Filter = { units: [], idents: [], fields: [] };
  for (const o of p.options) {
    if (o.key === "unit" && o.value !== undefined) filter.units.push(globToRegExp(unitName(o.value)));
    if (o.key === "identifier" && o.value !== undefined) filter.idents.push(o.value);
  }
  for (const m of p.positional) {
    const eq = m.indexOf("=");
    if (eq > 0 && /^[A-Z_][A-Z0-9_]*$/.test(m.slice(0, eq))) filter.fields.push({ field: m.slice(0, eq), value: m.slice(eq + 1) });
    else if (m.startsWith("/")) filter.fields.push({ field: "_EXE", value: m });
    else return { stdout: "", stderr: `Failed to add match '${m}': Invalid argument\n`, exitCode: 1 };
  }
  for (const key of ["since", "until"] as const) {
    const v = last(p, key);
    if (typeof v !== "string") continue;
    const at = parseTimestamp(v, now);
    if (at === undefined) return { stdout: "", stderr: `Failed to parse timestamp: ${v}\n`, exitCode: 1 };
    filter[key] = at;
  }
  const boot = last(p, "boot");
  if (typeof boot === "string" && boot !== "0" && boot !== "all" && boot !== "-0") {
    return { stdout: "", stderr: `Data from the specified boot (${boot}) is not available: No such boot ID in journal\n`, exitCode: 1 };
  }
  const grep = last(p, "grep");
  if (typeof grep === "string") {
    try {
      // "Smart case": a pattern without capitals matches case-insensitively.
      filter.grep = new RegExp(grep, grep === grep.toLowerCase() ? "i" : "");
    } catch {
      return { stdout: "", stderr: `Failed to compile pattern "${grep}"\n`, exitCode: 1 };
    }
  }
  const output = typeof last(p, "output") === "string" ? (last(p, "output") as string) : "short";
  if (!OUTPUTS.includes(output)) return { stdout: "", stderr: `Unknown output format '${output}'.\n`, exitCode: 1 };
  const follow = has(p, "follow");
  const quiet = has(p, "quiet");
  const hostname = !has(p, "no-hostname");
  const linesArg = last(p, "lines");
  let lines: number | undefined;
  if (typeof linesArg === "string") {
    if (!/^\+?\d+$/.test(linesArg)) return { stdout: "", stderr: `Failed to parse lines '${linesArg}'\n`, exitCode: 1 };
    lines = Number(linesArg.replace("+", ""));
  } else if (linesArg === true) lines = 10;
  else if (follow) lines = 10;
  else if (has(p, "pager-end")) lines = 1000;

  if (!canReadJournal(host, ctx.user)) {
    if (profile.version === 239) return { stdout: "", stderr: "No journal files were opened due to insufficient permissions.\n", exitCode: 1 };
    if (quiet) return { stdout: "", stderr: "", exitCode: 0 };
    // The hint comes first: journalctl prints it as it opens the journal.
    const stderr = `Hint: You are currently not seeing messages from other users and the system.\n      Users in groups ${profile.journalGroups} can see all messages.\n      Pass -q to turn off this notice.\n`;
    const stdout = "-- No entries --\n";
    return { stdout, stderr, exitCode: 0, ordered: [[2, stderr], [1, stdout]] };
  }

  const everything = hostJournal(host).filter((x) => x.entry.at <= now);
  const kernelOnly = has(p, "dmesg");
  const selected = kernelOnly ? [] : everything.filter((x) => matches(host, x.unit, x.entry, filter));
  let shown = lines === undefined ? selected : lines === 0 ? [] : selected.slice(Math.max(0, selected.length - lines));
  if (has(p, "reverse")) shown = [...shown].reverse();
  let out = "";
  if (!quiet && (lines !== 0 || follow) && everything.length > 0) out += header(profile, everything[0]!.entry.at, everything[everything.length - 1]!.entry.at, follow);
  for (const x of shown) out += render(host, x.entry, output, hostname);
  if (!follow) {
    if (shown.length === 0 && !quiet) out += "-- No entries --\n";
    return { stdout: out, stderr: "", exitCode: 0 };
  }
  // -f: what arrives while a few seconds pass (the terminal then interrupts it).
  let from = now;
  for (let i = 0; i < 5; i++) {
    ctx.world.advance(1000);
    const until = ctx.world.now();
    for (const x of hostJournal(host)) {
      if (x.entry.at > from && x.entry.at <= until && matches(host, x.unit, x.entry, filter)) out += render(host, x.entry, output, hostname);
    }
    from = until;
  }
  return { stdout: out, stderr: "", exitCode: 0 };
};

