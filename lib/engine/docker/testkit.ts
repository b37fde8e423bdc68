// A small harness for driving the docker command in tests: a host with Docker installed, a
// virtual clock, and a shell-like splitter for command lines.
import type { Millis } from "../clock";
import type { HostState } from "../hosts/types";
import { Random } from "../random";
import type { CommandResult } from "../shell/types";
import { dockerCommand } from "./cli";
import type { DockerWorld } from "./netview";
import { installDocker } from "./state";

export function makeHost(name = "stapp01", ip = "172.16.238.10"): HostState {
  return {
    name,
    ip,
    distro: "centos",
    fs: { "/": { type: "dir", mode: 0o755, owner: "root", group: "root", mtime: 0 } },
    users: {
      root: { name: "root", uid: 0, gid: 0, home: "/root", shell: "/bin/bash", groups: [], sudo: "none" },
      tony: { name: "tony", uid: 1000, gid: 1000, home: "/home/tony", shell: "/bin/bash", groups: ["wheel"], sudo: "password" },
    },
    units: {},
    nextPid: 1000,
  };
}

/** Splits a command line the way a shell would for these tests (quotes, no expansion). */
export function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote: string | null = null;
  let has = false;
  for (const c of line) {
    if (quote) {
      if (c === quote) quote = null;
      else cur += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      has = true;
    } else if (c === " ") {
      if (has || cur) out.push(cur);
      cur = "";
      has = false;
    } else cur += c;
  }
  if (has || cur) out.push(cur);
  return out;
}

export interface DockerSandbox {
  host: HostState;
  world: DockerWorld & { hosts: Record<string, HostState> };
  now(): Millis;
  advance(ms: number): void;
  /** Runs "docker ..." on `host` (default: the first host). */
  run(line: string, opts?: { user?: string; stdin?: string; host?: HostState }): CommandResult;
}

export function dockerSandbox(version: string, opts: { seed?: number; start?: string; hosts?: HostState[] } = {}): DockerSandbox {
  let now = Date.parse(opts.start ?? "2025-03-01T10:00:00Z");
  const random = new Random(opts.seed ?? 7);
  const hosts = opts.hosts ?? [makeHost()];
  for (const h of hosts) installDocker(h, { version, now, random });
  const world = { now: () => now, random, hosts: Object.fromEntries(hosts.map((h) => [h.name, h])) };
  return {
    host: hosts[0]!,
    world,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    run(line, o = {}) {
      const args = splitLine(line);
      if (args[0] !== "docker") throw new Error(`not a docker command: ${line}`);
      return dockerCommand({ name: "docker", args: args.slice(1), stdin: o.stdin ?? "", env: {}, cwd: "/root", user: o.user ?? "root", host: o.host ?? hosts[0]!, world });
    },
  };
}
