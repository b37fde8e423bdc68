// Machines outside Kubernetes: a jump host and the app, database and storage servers of a
// data centre (CentOS with Docker), or the hosts of external etcd members. Each is plain data in
// the environment; `machineHost` turns one into a HostState.
import type { Millis } from "../clock";
import type { Distro, HostState, UnitState, UserAccount } from "../hosts/types";
import { baseFilesystem } from "../hosts/fs";
import { installDocker } from "../docker/state";
import type { Random } from "../random";

export interface MachineUser {
  name: string;
  uid: number;
  /** Login password (learners are told it); absent: no password login. */
  password?: string;
  sudo: "password" | "nopasswd" | "none";
  groups?: string[];
}

export interface MachineSpec {
  name: string;
  fqdn?: string;
  ip: string;
  distro: Distro;
  /** "8" or "9" for CentOS Stream; Ubuntu is always 22.04. */
  release?: string;
  /** Accounts besides root. */
  users: MachineUser[];
  /** Root's password (su, ssh on CentOS); absent: none. */
  rootPassword?: string;
  /** Docker Engine installed with this version ("20.10.7", "28.3.3", ...). */
  docker?: { version: string; stopped?: boolean; users?: string[] };
  /** An etcd member runs here as the systemd unit `etcd` (external etcd topology). */
  etcd?: boolean;
  /** Extra programs in /usr/bin. */
  binaries?: string[];
}

function account(u: MachineUser, distro: Distro): UserAccount {
  return {
    name: u.name,
    uid: u.uid,
    gid: u.uid,
    home: `/home/${u.name}`,
    shell: "/bin/bash",
    groups: u.groups ?? (u.sudo === "password" ? [distro === "centos" ? "wheel" : "sudo"] : []),
    sudo: u.sudo,
    ...(u.password !== undefined ? { password: u.password } : {}),
  };
}

function etcdUnit(spec: MachineSpec, now: Millis, pid: number): UnitState {
  return {
    name: "etcd",
    description: "etcd",
    active: "active",
    sub: "running",
    enabled: "enabled",
    fragmentPath: "/etc/systemd/system/etcd.service",
    dropIns: [],
    since: now,
    mainPid: pid,
    execStart: `/usr/local/bin/etcd --name ${spec.name} --data-dir=/var/lib/etcd --listen-client-urls https://${spec.ip}:2379,https://127.0.0.1:2379 --advertise-client-urls https://${spec.ip}:2379 --listen-peer-urls https://${spec.ip}:2380`,
    memoryBytes: 48_234_496,
    tasks: 11,
    journal: [],
  };
}

/**
 * The machine as a learner finds it: base file system with its users, /etc/hosts naming the
 * other machines, and Docker or an etcd member when the spec says so.
 */
export function machineHost(spec: MachineSpec, others: { ip: string; names: string[] }[], now: Millis, random: Random): HostState {
  const users: Record<string, UserAccount> = {
    root: { name: "root", uid: 0, gid: 0, home: "/root", shell: "/bin/bash", groups: [], sudo: "nopasswd", ...(spec.rootPassword !== undefined ? { password: spec.rootPassword } : {}) },
  };
  for (const u of spec.users) users[u.name] = account(u, spec.distro);
  const binaries = ["systemctl", "journalctl", "curl", "ping", "ip", ...(spec.binaries ?? []), ...(spec.docker ? ["docker"] : []), ...(spec.etcd ? ["etcd", "etcdctl"] : [])];
  const fs = baseFilesystem({ hostname: spec.name, ...(spec.fqdn ? { fqdn: spec.fqdn } : {}), ip: spec.ip, distro: spec.distro, ...(spec.release ? { release: spec.release } : {}), users, now, hostsEntries: others, binaries });
  const host: HostState = { name: spec.name, ...(spec.fqdn ? { fqdn: spec.fqdn } : {}), ip: spec.ip, distro: spec.distro, fs, users, units: {}, nextPid: 2000 };
  if (spec.docker) installDocker(host, { version: spec.docker.version, now, random, ...(spec.docker.users ? { dockerUsers: spec.docker.users } : {}), ...(spec.docker.stopped ? { stopped: true } : {}) });
  if (spec.etcd) {
    host.units.etcd = etcdUnit(spec, now, host.nextPid++);
    fs["/var/lib/etcd"] = { type: "dir", mode: 0o700, owner: "root", group: "root", mtime: now };
  }
  return host;
}

/** Every machine of an environment, keyed by hostname; each knows the others in /etc/hosts. */
export function machineHosts(specs: MachineSpec[], now: Millis, random: Random): Record<string, HostState> {
  const out: Record<string, HostState> = {};
  for (const spec of specs) {
    const others = specs.filter((s) => s.name !== spec.name).map((s) => ({ ip: s.ip, names: s.fqdn ? [s.fqdn, s.name] : [s.name] }));
    out[spec.name] = machineHost(spec, others, now, random);
  }
  return out;
}

/**
 * The data centre of the Docker tasks: a jump host (thor), three CentOS app servers, a database
 * server and a storage server, Docker Engine `dockerVersion` on the app servers.
 */
export function dataCentreMachines(dockerVersion = "20.10.7"): MachineSpec[] {
  const domain = "stratos.xfusioncorp.com";
  const app = (name: string, ip: string, user: string, uid: number, password: string): MachineSpec => ({
    name,
    fqdn: `${name}.${domain}`,
    ip,
    distro: "centos",
    users: [{ name: user, uid, password, sudo: "password" }],
    docker: { version: dockerVersion },
  });
  return [
    { name: "jump_host", fqdn: `jump_host.${domain}`, ip: "172.16.238.3", distro: "centos", users: [{ name: "thor", uid: 1000, password: "mjolnir123", sudo: "password" }] },
    app("stapp01", "172.16.238.10", "tony", 1000, "Ir0nM@n"),
    app("stapp02", "172.16.238.11", "steve", 1000, "Am3ric@"),
    app("stapp03", "172.16.238.12", "banner", 1000, "BigGr33n"),
    { name: "stdb01", fqdn: `stdb01.${domain}`, ip: "172.16.239.10", distro: "centos", users: [{ name: "peter", uid: 1000, password: "Sp!dy", sudo: "password" }] },
    { name: "ststor01", fqdn: `ststor01.${domain}`, ip: "172.16.238.15", distro: "centos", users: [{ name: "natasha", uid: 1000, password: "Bl@kW", sudo: "password" }] },
  ];
}
