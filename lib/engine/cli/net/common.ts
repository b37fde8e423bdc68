// What the network tools share: where they run (a machine's shell or a pod), which build of the
// tool that place has (Ubuntu 22.04's curl 7.81 and iputils, or BusyBox and newer curl in
// images), output assembly, and files they write.
import type { HostState } from "../../hosts/types";
import type { CommandResult } from "../../shell/types";
import type { World } from "../../world";
import { absolutePath, actorFor, writeFile, errnoMessage } from "../../hosts/fs";
import type { Source } from "../../network";

/**
 * Which build of a tool runs: Ubuntu 22.04's on the nodes, CentOS Stream's on the Docker labs'
 * app servers, or the one an image ships (Debian, Alpine, BusyBox).
 */
export type Flavour = "ubuntu" | "centos8" | "centos9" | "debian" | "alpine" | "busybox";

/** BusyBox applets (busybox and Alpine images) instead of GNU wget, BIND nslookup, iputils. */
export const isBusybox = (f: Flavour) => f === "busybox" || f === "alpine";

export interface NetToolEnv {
  world: World;
  src: Source;
  flavour: Flavour;
  /** Whether stdout is the terminal (curl's progress meter, wget's bar). */
  stdoutIsTty: boolean;
  /** The machine's filesystem for -o / -O and wget's downloads (absent inside a pod). */
  files?: { host: HostState; user: string; cwd: string };
  /** The machine or pod hostname, for messages. */
  hostname: string;
}

/** Collects stdout and stderr in the order a terminal shows them. */
export class Out {
  private chunks: [1 | 2, string][] = [];
  out(text: string) {
    if (text) this.chunks.push([1, text]);
  }
  err(text: string) {
    if (text) this.chunks.push([2, text]);
  }
  result(exitCode: number): CommandResult {
    const stdout = this.chunks.filter(([fd]) => fd === 1).map(([, t]) => t).join("");
    const stderr = this.chunks.filter(([fd]) => fd === 2).map(([, t]) => t).join("");
    return { stdout, stderr, exitCode, ordered: this.chunks };
  }
}

/** Writes a downloaded file; returns an error text (strerror) on failure. */
export function saveFile(env: NetToolEnv, path: string, content: string): string | undefined {
  if (path === "/dev/null") return undefined;
  const f = env.files;
  if (!f) return undefined;
  const full = absolutePath(f.cwd, path, f.host.users[f.user]?.home);
  const r = writeFile(f.host.fs, full, content, actorFor(f.host, f.user), env.world.now());
  return r.ok ? undefined : errnoMessage(r.code);
}

/** Whether a file exists where the tool would write it. */
export function fileExists(env: NetToolEnv, path: string): boolean {
  const f = env.files;
  if (!f) return false;
  return f.host.fs[absolutePath(f.cwd, path, f.host.users[f.user]?.home)] !== undefined;
}

export function readText(env: NetToolEnv, path: string): string | undefined {
  const f = env.files;
  if (!f) return undefined;
  const node = f.host.fs[absolutePath(f.cwd, path, f.host.users[f.user]?.home)];
  return node && node.type === "file" ? node.content : undefined;
}

/** Moves virtual time by what the tool spent waiting (a timeout, a ping interval). */
export function spend(env: NetToolEnv, ms: number) {
  if (ms > 0) env.world.advance(Math.round(ms));
}

/** "Thu Jan  1 00:15:00 UTC 2026"-style pieces. */
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (n: number) => String(n).padStart(2, "0");

/** wget's timestamps: 2026-01-01 00:15:00. */
export function isoStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** dig's WHEN: Thu Jan 01 00:15:00 UTC 2026. */
export function digStamp(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
