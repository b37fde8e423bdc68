// The Docker CLI's usage texts and argument-count errors, per CLI generation.
import { engineFeatures } from "./versions";

export interface CommandInfo {
  /** "docker network create" */
  path: string;
  /** cmd.UseLine(): "docker network create [OPTIONS] NETWORK" */
  use: string;
  short: string;
  /** Help text after the short description (options). */
  options?: string;
}

export function commandInfo(path: string, version: string): CommandInfo {
  const f = engineFeatures(version);
  const info: Record<string, [string, string]> = {
    "docker network create": ["docker network create [OPTIONS] NETWORK", "Create a network"],
    "docker network inspect": ["docker network inspect [OPTIONS] NETWORK [NETWORK...]", "Display detailed information on one or more networks"],
    "docker network ls": ["docker network ls [OPTIONS]", "List networks"],
    "docker network rm": ["docker network rm NETWORK [NETWORK...]", "Remove one or more networks"],
    "docker network prune": ["docker network prune [OPTIONS]", "Remove all unused networks"],
    "docker network connect": ["docker network connect [OPTIONS] NETWORK CONTAINER", "Connect a container to a network"],
    "docker network disconnect": ["docker network disconnect [OPTIONS] NETWORK CONTAINER", "Disconnect a container from a network"],
    "docker run": ["docker run [OPTIONS] IMAGE [COMMAND] [ARG...]", f.modernRunShort ? "Create and run a new container from an image" : "Run a command in a new container"],
    "docker exec": ["docker exec [OPTIONS] CONTAINER COMMAND [ARG...]", f.modernRunShort ? "Execute a command in a running container" : "Run a command in a running container"],
    "docker ps": ["docker ps [OPTIONS]", "List containers"],
    "docker stop": ["docker stop [OPTIONS] CONTAINER [CONTAINER...]", "Stop one or more running containers"],
    "docker start": ["docker start [OPTIONS] CONTAINER [CONTAINER...]", "Start one or more stopped containers"],
    "docker restart": ["docker restart [OPTIONS] CONTAINER [CONTAINER...]", "Restart one or more containers"],
    "docker rm": ["docker rm [OPTIONS] CONTAINER [CONTAINER...]", "Remove one or more containers"],
    "docker logs": ["docker logs [OPTIONS] CONTAINER", "Fetch the logs of a container"],
    "docker inspect": ["docker inspect [OPTIONS] NAME|ID [NAME|ID...]", "Return low-level information on Docker objects"],
    "docker images": ["docker images [OPTIONS] [REPOSITORY[:TAG]]", "List images"],
    "docker pull": ["docker pull [OPTIONS] NAME[:TAG|@DIGEST]", f.modernRunShort ? "Download an image from a registry" : "Pull an image or a repository from a registry"],
    "docker version": ["docker version [OPTIONS]", "Show the Docker version information"],
    "docker info": ["docker info [OPTIONS]", f.modernRunShort ? "Display system-wide information" : "Display system-wide information"],
  };
  const [use, short] = info[path] ?? [path, ""];
  const out: CommandInfo = { path, use, short };
  if (path === "docker network create") out.options = networkCreateOptions(version);
  return out;
}

function networkCreateOptions(version: string): string {
  const modern = engineFeatures(version).enableIPv4Field;
  const rows: [string, string][] = [
    ["      --attachable", "Enable manual container attachment"],
    ["      --aux-address map", "Auxiliary IPv4 or IPv6 addresses used by Network driver (default map[])"],
    ["      --config-from string", "The network from which to copy the configuration"],
    ["      --config-only", "Create a configuration only network"],
    ["  -d, --driver string", 'Driver to manage the Network (default "bridge")'],
    ["      --gateway strings", "IPv4 or IPv6 Gateway for the master subnet"],
    ["      --ingress", "Create swarm routing-mesh network"],
    ["      --internal", "Restrict external access to the network"],
    [`      --ip-range strings`, "Allocate container ip from a sub-range"],
    ["      --ipam-driver string", 'IP Address Management Driver (default "default")'],
    ["      --ipam-opt map", "Set IPAM driver specific options (default map[])"],
    ...(modern ? ([["      --ipv4", "Enable or disable IPv4 address assignment (default true)"]] as [string, string][]) : []),
    ["      --ipv6", modern ? "Enable or disable IPv6 address assignment" : "Enable IPv6 networking"],
    ["      --label list", "Set metadata on a network"],
    ["  -o, --opt map", "Set driver specific options (default map[])"],
    ["      --scope string", "Control the network's scope"],
    ["      --subnet strings", "Subnet in CIDR format that represents a network segment"],
  ];
  const width = Math.max(...rows.map((r) => r[0].length)) + 3;
  return `Options:\n${rows.map(([a, b]) => `${a.padEnd(width)}${b}`).join("\n")}\n`;
}

/** `docker x --help`. */
export function helpText(path: string, version: string): string {
  const info = commandInfo(path, version);
  return `\nUsage:  ${info.use}\n\n${info.short}\n${info.options ? `\n${info.options}` : ""}`;
}

export type ArgRule = { exact: number } | { min: number } | { max: number } | { none: true };

/** The argument-count error, or null when the count is fine. */
export function checkArgs(path: string, version: string, args: string[], rule: ArgRule): string | null {
  const info = commandInfo(path, version);
  const modern = engineFeatures(version).modernUsageErrors;
  const plural = (n: number) => (n === 1 ? "argument" : "arguments");
  if ("exact" in rule && args.length !== rule.exact) {
    return modern
      ? `docker: '${path}' requires ${rule.exact} ${plural(rule.exact)}\n\nUsage:  ${info.use}\n\nRun '${path} --help' for more information\n`
      : `"${path}" requires exactly ${rule.exact} ${plural(rule.exact)}.\nSee '${path} --help'.\n\nUsage:  ${info.use}\n\n${info.short}\n`;
  }
  if ("min" in rule && args.length < rule.min) {
    return modern
      ? `docker: '${path}' requires at least ${rule.min} ${plural(rule.min)}\n\nUsage:  ${info.use}\n\nSee '${path} --help' for more information\n`
      : `"${path}" requires at least ${rule.min} ${plural(rule.min)}.\nSee '${path} --help'.\n\nUsage:  ${info.use}\n\n${info.short}\n`;
  }
  if ("max" in rule && args.length > rule.max) {
    return modern
      ? `docker: '${path}' requires at most ${rule.max} ${plural(rule.max)}\n\nUsage:  ${info.use}\n\nSRun '${path} --help' for more information\n`
      : `"${path}" requires at most ${rule.max} ${plural(rule.max)}.\nSee '${path} --help'.\n\nUsage:  ${info.use}\n\n${info.short}\n`;
  }
  if ("none" in rule && args.length > 0) {
    return modern
      ? `docker: '${path}' accepts no arguments\n\nUsage:  ${info.use}\n\nRun '${path} --help' for more information\n`
      : `"${path}" accepts no arguments.\nSee '${path} --help'.\n\nUsage:  ${info.use}\n\n${info.short}\n`;
  }
  return null;
}

export const NETWORK_USAGE = `
Usage:  docker network COMMAND

Manage networks

Commands:
  connect     Connect a container to a network
  create      Create a network
  disconnect  Disconnect a container from a network
  inspect     Display detailed information on one or more networks
  ls          List networks
  prune       Remove all unused networks
  rm          Remove one or more networks

Run 'docker network COMMAND --help' for more information on a command.
`;
