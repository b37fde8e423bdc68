// System information utilities: date, uname, hostname, id, whoami, groups, sleep, printenv,
// nproc. Times come from the sandbox's virtual clock, in UTC.
import { quoteLocale } from "./vfs";
import type { HostState } from "../hosts/types";
import { type Proc, type Utility, getopt, usageError } from "./proc";
import { dateDefault, strftime } from "./time-format";

function osVersionOf(host: HostState): string {
  const rel = host.fs["/usr/lib/os-release"];
  const m = rel && rel.type === "file" ? /^VERSION_ID="?([^"\n]*)"?/m.exec(rel.content) : null;
  return m ? m[1]! : host.distro === "ubuntu" ? "22.04" : "8";
}

export function kernel(host: HostState): { release: string; version: string } {
  if (host.distro === "ubuntu") return { release: "5.15.0-105-generic", version: "#115-Ubuntu SMP Mon Apr 15 09:52:04 UTC 2024" };
  if (osVersionOf(host) === "9") return { release: "5.14.0-427.el9.x86_64", version: "#1 SMP PREEMPT_DYNAMIC Fri Apr 26 15:41:19 UTC 2024" };
  return { release: "4.18.0-553.el8.x86_64", version: "#1 SMP Fri May 10 14:54:26 UTC 2024" };
}

/** GNU date -d for the forms people type: @epoch, ISO dates, now/today/yesterday, "N units ago". */
export function parseDate(text: string, now: number): number | null {
  const s = text.trim().toLowerCase();
  if (s === "" || s === "now" || s === "today") return now;
  if (s === "yesterday") return now - 86_400_000;
  if (s === "tomorrow") return now + 86_400_000;
  let m = /^@(-?\d+(?:\.\d+)?)$/.exec(s);
  if (m) return Math.round(Number(m[1]) * 1000);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(z|utc|[+-]\d{2}:?\d{2}))?$/.exec(s);
  if (m) {
    const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    let offset = 0;
    if (m[7] && /^[+-]/.test(m[7])) {
      const z = m[7].replace(":", "");
      offset = (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60_000 * (z[0] === "+" ? 1 : -1);
    }
    return Number.isNaN(t) ? null : t - offset;
  }
  m = /^([+-]?\d+)\s*(sec|second|min|minute|hour|day|week|month|year)s?(\s+ago)?$/.exec(s);
  if (m) {
    const unit = { sec: 1000, second: 1000, min: 60_000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000, month: 2_592_000_000, year: 31_536_000_000 }[m[2] as "sec"];
    const n = Number(m[1]) * unit * (m[3] ? -1 : 1);
    return now + n;
  }
  return null;
}

const date: Utility = (p) => {
  let format: string | undefined;
  let when = p.now();
  const args = p.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("+")) {
      if (format !== undefined) {
        p.err(`date: extra operand ${quoteLocale(a)}\nTry 'date --help' for more information.\n`);
        return 1;
      }
      format = a.slice(1);
    } else if (a === "-u" || a === "--utc" || a === "--universal") continue;
    else if (a === "-d" || a === "--date" || a.startsWith("--date=") || (a.startsWith("-d") && a.length > 2)) {
      const v = a === "-d" || a === "--date" ? args[++i] : a.startsWith("--date=") ? a.slice(7) : a.slice(2);
      if (v === undefined) {
        p.err(usageError("date", "option requires an argument -- 'd'"));
        return 1;
      }
      const t = parseDate(v, p.now());
      if (t === null) {
        p.err(`date: invalid date ${quoteLocale(v)}\n`);
        return 1;
      }
      when = t;
    } else if (a === "-R" || a === "--rfc-email") format = "%a, %d %b %Y %H:%M:%S %z";
    else if (a === "-I" || a === "--iso-8601" || a === "--iso-8601=date" || a === "-Idate") format = "%Y-%m-%d";
    else if (a === "-Iseconds" || a === "--iso-8601=seconds") format = "%Y-%m-%dT%H:%M:%S%:z";
    else if (a === "-Iminutes" || a === "--iso-8601=minutes") format = "%Y-%m-%dT%H:%M%:z";
    else if (a === "-Ihours" || a === "--iso-8601=hours") format = "%Y-%m-%dT%H%:z";
    else if (a === "--rfc-3339=seconds") format = "%Y-%m-%d %H:%M:%S%:z";
    else if (a === "--rfc-3339=date") format = "%Y-%m-%d";
    else if (a === "-s" || a === "--set" || a.startsWith("--set=")) {
      p.err("date: cannot set date: Operation not permitted\n");
      return 1;
    } else if (a.startsWith("-")) {
      p.err(usageError("date", a.startsWith("--") ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`));
      return 1;
    } else {
      p.err(`date: invalid date ${quoteLocale(a)}\n`);
      return 1;
    }
  }
  p.out((format === undefined ? dateDefault(when) : strftime(format, when)) + "\n");
  return 0;
};

const uname: Utility = (p) => {
  const r = getopt("uname", p.args, {
    short: "asnrvmpio",
    long: { all: { key: "a" }, "kernel-name": { key: "s" }, nodename: { key: "n" }, "kernel-release": { key: "r" }, "kernel-version": { key: "v" }, machine: { key: "m" }, processor: { key: "p" }, "hardware-platform": { key: "i" }, "operating-system": { key: "o" } },
  });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  if (r.opts.operands.length > 0) {
    p.err(usageError("uname", `extra operand ${quoteLocale(r.opts.operands[0]!)}`));
    return 1;
  }
  const o = r.opts.flags;
  const k = kernel(p.host);
  const fields: string[] = [];
  const any = Object.keys(o).length > 0;
  if (o.a || o.s || !any) fields.push("Linux");
  if (o.a || o.n) fields.push(p.host.name);
  if (o.a || o.r) fields.push(k.release);
  if (o.a || o.v) fields.push(k.version);
  if (o.a || o.m) fields.push("x86_64");
  if (o.a || o.p) fields.push("x86_64");
  if (o.a || o.i) fields.push("x86_64");
  if (o.a || o.o) fields.push("GNU/Linux");
  p.out(fields.join(" ") + "\n");
  return 0;
};

const hostname: Utility = (p) => {
  const args = p.args;
  const h = p.host;
  if (args.length === 0) {
    p.out(h.name + "\n");
    return 0;
  }
  const a = args[0]!;
  switch (a) {
    case "-f":
    case "--fqdn":
    case "--long":
      p.out((h.fqdn ?? h.name) + "\n");
      return 0;
    case "-s":
    case "--short":
      p.out(h.name.split(".")[0] + "\n");
      return 0;
    case "-d":
    case "--domain": {
      const f = h.fqdn ?? h.name;
      p.out((f.includes(".") ? f.slice(f.indexOf(".") + 1) : "") + "\n");
      return 0;
    }
    case "-i":
    case "--ip-address":
      p.out(h.ip + "\n");
      return 0;
    case "-I":
    case "--all-ip-addresses":
      p.out(h.ip + " \n");
      return 0;
  }
  if (a.startsWith("-")) {
    p.err(`hostname: invalid option -- '${a.slice(1, 2)}'\nUsage: hostname [-b] {hostname|-F file}         set host name (from file)\n`);
    return 1;
  }
  if (p.actor.uid !== 0) {
    p.err("hostname: you must be root to change the host name\n");
    return 1;
  }
  h.name = a;
  return 0;
};

function groupTable(p: Proc): Array<{ name: string; gid: number; members: string[] }> {
  const g = p.host.fs["/etc/group"];
  const out: Array<{ name: string; gid: number; members: string[] }> = [];
  if (g && g.type === "file") {
    for (const line of g.content.split("\n")) {
      const f = line.split(":");
      if (f.length >= 3 && f[0]) out.push({ name: f[0], gid: Number(f[2]), members: (f[3] ?? "").split(",").filter(Boolean) });
    }
  }
  return out;
}

function userGroups(p: Proc, user: string): { uid: number; gid: number; primary: string; groups: Array<{ name: string; gid: number }> } | null {
  const account = p.host.users[user];
  const table = groupTable(p);
  let uid: number;
  let gid: number;
  if (account) {
    uid = account.uid;
    gid = account.gid;
  } else {
    const passwd = p.host.fs["/etc/passwd"];
    const line = passwd && passwd.type === "file" ? passwd.content.split("\n").find((l) => l.split(":")[0] === user) : undefined;
    if (!line) return null;
    const f = line.split(":");
    uid = Number(f[2]);
    gid = Number(f[3]);
  }
  const primary = table.find((t) => t.gid === gid)?.name ?? (uid === 0 ? "root" : user);
  const groups = [{ name: primary, gid }];
  const extra = new Set<string>([...(account?.groups ?? []), ...table.filter((t) => t.members.includes(user)).map((t) => t.name)]);
  for (const name of extra) {
    if (name === primary) continue;
    const t = table.find((x) => x.name === name);
    groups.push({ name, gid: t?.gid ?? 0 });
  }
  return { uid, gid, primary, groups };
}

const id: Utility = (p) => {
  const r = getopt("id", p.args, { short: "ugGnrz", long: { user: { key: "u" }, group: { key: "g" }, groups: { key: "G" }, name: { key: "n" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const user = r.opts.operands[0] ?? p.user;
  const info = userGroups(p, user);
  if (!info) {
    p.err(`id: ${quoteLocale(user)}: no such user\n`);
    return 1;
  }
  const o = r.opts.flags;
  if (o.u) p.out((o.n ? user : String(info.uid)) + "\n");
  else if (o.g) p.out((o.n ? info.primary : String(info.gid)) + "\n");
  else if (o.G) p.out(info.groups.map((g) => (o.n ? g.name : String(g.gid))).join(" ") + "\n");
  else p.out(`uid=${info.uid}(${user}) gid=${info.gid}(${info.primary}) groups=${info.groups.map((g) => `${g.gid}(${g.name})`).join(",")}\n`);
  return 0;
};

const groups: Utility = (p) => {
  if (p.args.length === 0) {
    const info = userGroups(p, p.user);
    p.out((info ? info.groups.map((g) => g.name).join(" ") : p.user) + "\n");
    return 0;
  }
  let status = 0;
  for (const u of p.args) {
    const info = userGroups(p, u);
    if (!info) {
      p.err(`groups: ${quoteLocale(u)}: no such user\n`);
      status = 1;
      continue;
    }
    p.out(`${u} : ${info.groups.map((g) => g.name).join(" ")}\n`);
  }
  return status;
};

const whoami: Utility = (p) => {
  if (p.args.length > 0) {
    p.err(usageError("whoami", `extra operand ${quoteLocale(p.args[0]!)}`));
    return 1;
  }
  p.out(p.user + "\n");
  return 0;
};

const sleep: Utility = (p) => {
  if (p.args.length === 0) {
    p.err(usageError("sleep", "missing operand"));
    return 1;
  }
  let total = 0;
  for (const a of p.args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      p.err(usageError("sleep", `invalid time interval ${quoteLocale(a)}`));
      return 1;
    }
    total += Number(m[1]) * { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as ""];
  }
  if (total > 0) p.advance(Math.round(total));
  return 0;
};

const printenv: Utility = (p) => {
  if (p.args.length === 0) {
    let out = "";
    for (const [k, v] of Object.entries(p.env)) out += `${k}=${v}\n`;
    p.out(out + "_=/usr/bin/printenv\n");
    return 0;
  }
  let status = 0;
  for (const name of p.args) {
    const v = p.env[name];
    if (v === undefined) status = 1;
    else p.out(v + "\n");
  }
  return status;
};

export const SYS_UTILITIES: Record<string, Utility> = {
  date,
  uname,
  hostname,
  id,
  groups,
  whoami,
  sleep,
  printenv,
  nproc: (p) => (p.out("2\n"), 0),
  arch: (p) => (p.out("x86_64\n"), 0),
};
