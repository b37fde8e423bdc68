// Machines of a sandbox, as plain data: a snapshot is JSON.stringify of these.
import type { Millis } from "../clock";
import type { DockerEngineState } from "../docker/types";

export interface FileNode {
  type: "file";
  content: string;
  /** Permission bits, e.g. 0o644. */
  mode: number;
  owner: string;
  group: string;
  mtime: Millis;
}

export interface DirNode {
  type: "dir";
  mode: number;
  owner: string;
  group: string;
  mtime: Millis;
}

export interface SymlinkNode {
  type: "symlink";
  target: string;
  owner: string;
  group: string;
  mtime: Millis;
}

export type FsNode = FileNode | DirNode | SymlinkNode;

export interface UserAccount {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
  /** Clear-text password of a simulated account (learners are told it); absent: no password login. */
  password?: string;
  /** Supplementary groups, e.g. ["wheel"] or ["docker"]. */
  groups: string[];
  /** What sudo asks of this user. */
  sudo: "password" | "nopasswd" | "none";
}

export interface JournalEntry {
  at: Millis;
  /** The syslog identifier shown in journalctl, e.g. "kubelet" or "systemd". */
  ident: string;
  pid?: number;
  message: string;
}

export interface UnitState {
  /** Without the ".service" suffix, e.g. "kubelet". */
  name: string;
  description: string;
  /** systemctl's ActiveState and SubState. */
  active: "active" | "inactive" | "failed" | "activating" | "deactivating";
  sub: "running" | "dead" | "failed" | "exited" | "auto-restart" | "start";
  /** UnitFileState. */
  enabled: "enabled" | "disabled" | "static" | "masked";
  /** e.g. "/lib/systemd/system/kubelet.service". */
  fragmentPath: string;
  /** Drop-in files, e.g. ["/etc/systemd/system/kubelet.service.d/10-kubeadm.conf"]. */
  dropIns: string[];
  /** When the unit entered its current active state. */
  since: Millis;
  mainPid?: number;
  /** Command line of the main process, for `systemctl status`. */
  execStart: string;
  /** Simulated resident memory in bytes, for `systemctl status`. */
  memoryBytes?: number;
  tasks?: number;
  journal: JournalEntry[];
  /** CPU time used by the last run once it has ended (the status of a stopped unit shows it). */
  cpuMs?: number;
  /** When systemd last read the unit's files (daemon-reload); files changed later draw a warning. Absent: at boot. */
  loadedAt?: Millis;
}

export type Distro = "ubuntu" | "centos";

export interface HostState {
  /** Hostname, e.g. "controlplane" or "stapp01". */
  name: string;
  /** Fully qualified name when it differs, e.g. "stapp01.stratos.xfusioncorp.com". */
  fqdn?: string;
  /** Primary IPv4 address of eth0. */
  ip: string;
  distro: Distro;
  /** Absolute path → node; the root "/" is always present. */
  fs: Record<string, FsNode>;
  users: Record<string, UserAccount>;
  units: Record<string, UnitState>;
  /** Next process id handed out. */
  nextPid: number;
  /** The Docker engine, when Docker is installed on this host. */
  docker?: DockerEngineState;
  /** lastlog: the previous login of each user ("Last login: ... from ..." on ssh). */
  lastLogins?: Record<string, { at: Millis; from: string }>;
}
