// Every external program a sandbox terminal can run, by name. The shell implements the rest
// (coreutils, cd, export, ...).
import type { Command } from "./shell/types";
import type { World } from "./world";
import { kubectlCommand } from "./cli/kubectl";
import { etcdctlCommand } from "./cli/etcdctl";
import { dockerCommand, type DockerWorld } from "./docker";
import { NET_COMMANDS } from "./cli/net";
import { crictlCommand, journalctlCommand, psCommand, systemctlCommand } from "./cli/node";

export const COMMANDS = new Map<string, Command<World>>([
  ["kubectl", kubectlCommand],
  ["etcdctl", etcdctlCommand],
  ["docker", dockerCommand as unknown as Command<World>],
  ["systemctl", systemctlCommand],
  ["journalctl", journalctlCommand],
  ["crictl", crictlCommand],
  ["ps", psCommand],
]);

/** Lets more modules contribute programs (etcdctl, systemctl, crictl, ...). */
export function registerCommand(name: string, command: Command<World>) {
  COMMANDS.set(name, command);
}

// curl, wget, nslookup, dig, ping, ip on the machines.
for (const [name, command] of Object.entries(NET_COMMANDS)) registerCommand(name, command);

export type { DockerWorld };
