// Every external program a sandbox terminal can run, by name. The shell implements the rest
// (coreutils, cd, export, ...).
import type { Command } from "./shell/types";
import type { World } from "./world";
import { kubectlCommand } from "./cli/kubectl";
import { dockerCommand, type DockerWorld } from "./docker";

export const COMMANDS = new Map<string, Command<World>>([
  ["kubectl", kubectlCommand],
  ["docker", dockerCommand as unknown as Command<World>],
]);

/** Lets more modules contribute programs (etcdctl, systemctl, crictl, ...). */
export function registerCommand(name: string, command: Command<World>) {
  COMMANDS.set(name, command);
}

export type { DockerWorld };
