// Small builders for tests (here and in other engine parts): hosts with a base file system and
// a ShellDeps with a fake clock and a tiny command registry.
import type { Millis } from "../clock";
import type { Distro, HostState, UserAccount } from "../hosts/types";
import type { ShellDeps } from "./interp";
import type { Command } from "./types";
import { baseFilesystem } from "./vfs";

/** 2025-01-14T10:00:00Z, a Tuesday. */
export const T0: Millis = Date.UTC(2025, 0, 14, 10, 0, 0);

export function account(name: string, uid: number, opts: Partial<UserAccount> = {}): UserAccount {
  return { name, uid, gid: uid, home: uid === 0 ? "/root" : `/home/${name}`, shell: "/bin/bash", groups: [], sudo: uid === 0 ? "nopasswd" : "none", ...opts };
}

export function makeHost(opts: { name: string; distro: Distro; ip: string; fqdn?: string; release?: string; users?: UserAccount[]; now?: Millis; binaries?: string[]; hostsEntries?: Array<{ ip: string; names: string[] }> }): HostState {
  const users: Record<string, UserAccount> = { root: account("root", 0, { password: "rootpw" }) };
  for (const u of opts.users ?? []) users[u.name] = u;
  return {
    name: opts.name,
    fqdn: opts.fqdn,
    ip: opts.ip,
    distro: opts.distro,
    fs: baseFilesystem({ hostname: opts.name, fqdn: opts.fqdn, ip: opts.ip, distro: opts.distro, release: opts.release, users, now: opts.now ?? T0, binaries: opts.binaries, hostsEntries: opts.hostsEntries }),
    users,
    units: {},
    nextPid: 1000,
  };
}

export interface TestDeps extends ShellDeps<{ calls: string[] }> {
  clock: { now: Millis };
}

export function makeDeps(hosts: Record<string, HostState>, opts: { start?: { host: string; user: string }; keys?: Array<[string, string, string, string]>; commands?: Record<string, Command<{ calls: string[] }>> } = {}): TestDeps {
  const clock = { now: T0 };
  const commands = new Map<string, Command<{ calls: string[] }>>(Object.entries(opts.commands ?? {}));
  return {
    hosts,
    commands,
    world: { calls: [] },
    clock,
    now: () => clock.now,
    advance: (ms) => {
      clock.now += ms;
    },
    sshKeys: (fh, fu, th, tu) => (opts.keys ?? []).some(([a, b, c, d]) => a === fh && b === fu && c === th && d === tu),
    start: opts.start,
  };
}

/** A fake kubectl: echoes its arguments, stdin, user and cwd (and fails on `fail`). */
export const fakeKubectl: Command<{ calls: string[] }> = (c) => {
  c.world.calls.push(["kubectl", ...c.args].join(" "));
  if (c.args[0] === "fail") return { stdout: "", stderr: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1 };
  if (c.args[0] === "throw") throw new Error("boom");
  if (c.args[0] === "warn") return { stdout: "pod/web created\n", stderr: "Warning: deprecated\n", exitCode: 0, ordered: [[2, "Warning: deprecated\n"], [1, "pod/web created\n"]] };
  const stdin = c.stdin;
  return { stdout: `kubectl ${c.args.join(" ")} user=${c.user} cwd=${c.cwd} host=${c.host.name}${stdin ? ` stdin=${JSON.stringify(stdin)}` : ""}\n`, stderr: "", exitCode: 0 };
};

/**
 * The usual two machines: an Ubuntu kubeadm control plane (root, bob) and a CentOS app
 * server (tony with sudo by password, steve with NOPASSWD, jane without sudo).
 */
export function twoHosts(): Record<string, HostState> {
  return {
    controlplane: makeHost({ name: "controlplane", distro: "ubuntu", ip: "192.168.121.10", users: [account("bob", 1001, { password: "bobpw", sudo: "password", groups: ["sudo"] })], binaries: ["kubectl"] }),
    stapp01: makeHost({
      name: "stapp01",
      fqdn: "stapp01.stratos.xfusioncorp.com",
      distro: "centos",
      ip: "172.16.238.10",
      users: [
        account("tony", 1000, { password: "Ir0nM@n", sudo: "password", groups: ["wheel"] }),
        account("steve", 1001, { password: "Am3ric@", sudo: "nopasswd" }),
        account("jane", 1002, { password: "janepw", sudo: "none" }),
      ],
    }),
  };
}
