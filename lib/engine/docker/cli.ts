// The `docker` command: parses like the Docker CLI, talks to the host's simulated engine, and
// prints what the real client prints for the engine's version.
import type { Millis } from "../clock";
import type { HostState } from "../hosts/types";
import { findById } from "../images/catalogue";
import { resolveImage } from "../images/resolve";
import type { CatalogueImage, ImageReference } from "../images/types";
import type { Command, CommandContext, CommandResult } from "../shell/types";
import { containerLogs, createContainer, findContainer, portsText, refreshEngine, removeContainer, startContainer, statusText, stopContainer } from "./containers";
import { execInContainer } from "./exec";
import { containerSession, runPipedScript } from "../cli/attach";
import { findAccount } from "../images/rootfs";
import type { World } from "../world";
import { bool, kvMap, list, parseFlags, str, type FlagSpec, type FlagValues } from "./flags";
import { dockerCreatedAt, ellipsis, goJson, goTimeString, humanDuration, humanSize, naturalLess, rfc3339Nano, strconvQuote, tabwrite } from "./format";
import { containerInspect, imageInspect, networkInspect } from "./inspect";
import { parseCidr } from "./ipnet";
import type { DockerWorld } from "./netview";
import { activeEndpoints, attachEndpoint, checkRequestedIp, createNetwork, detachEndpoint, findNetwork, newEndpoint, pruneNetworks, removeNetwork, type DaemonResult, type EngineEnv, type NetworkCreateRequest } from "./networks";
import { daemonRunning } from "./state";
import { compileTemplate, TemplateError } from "./template";
import type { ContainerState, DockerEngineState, IpamConfigEntry, NetworkState } from "./types";
import { checkArgs, helpText, NETWORK_USAGE, type ArgRule } from "./usage";
import { engineFeatures, engineProfile } from "./versions";

export type { DockerWorld } from "./netview";

const SOCKET = "unix:///var/run/docker.sock";
const NO_DAEMON = `Cannot connect to the Docker daemon at ${SOCKET}. Is the docker daemon running?`;

const ok = (stdout = "", stderr = ""): CommandResult => ({ stdout, stderr, exitCode: 0 });
const err = (stderr: string, exitCode = 1, stdout = ""): CommandResult => ({ stdout, stderr, exitCode });
const daemonErr = (msg: string) => `Error response from daemon: ${msg}`;

interface Run {
  ctx: CommandContext<DockerWorld>;
  host: HostState;
  engine: DockerEngineState;
  version: string;
  now: Millis;
  env: EngineEnv;
}

// ---------- connection checks ----------

/** The request the CLI would have made, for the permission-denied text. */
function apiRequest(path: string, args: string[], flags: FlagValues): [string, string] {
  const first = args[0] ?? "";
  switch (path) {
    case "docker ps":
      return ["GET", bool(flags, "all") ? "/containers/json?all=1" : "/containers/json"];
    case "docker images":
      return ["GET", "/images/json"];
    case "docker network ls":
      return ["GET", "/networks"];
    case "docker network create":
      return ["POST", "/networks/create"];
    case "docker network inspect":
      return ["GET", `/networks/${first}`];
    case "docker network rm":
      return ["DELETE", `/networks/${first}`];
    case "docker network prune":
      return ["POST", "/networks/prune"];
    case "docker network connect":
      return ["POST", `/networks/${first}/connect`];
    case "docker network disconnect":
      return ["POST", `/networks/${first}/disconnect`];
    case "docker run":
      return ["POST", "/containers/create"];
    case "docker pull": {
      const [name, tag] = first.includes(":") ? [first.slice(0, first.lastIndexOf(":")), first.slice(first.lastIndexOf(":") + 1)] : [first, "latest"];
      return ["POST", `/images/create?fromImage=${encodeURIComponent(name)}&tag=${tag}`];
    }
    case "docker version":
      return ["GET", "/version"];
    case "docker info":
      return ["GET", "/info"];
    case "docker exec":
      return ["POST", `/containers/${first}/exec`];
    case "docker logs":
    case "docker inspect":
      return ["GET", `/containers/${first}/json`];
    case "docker rm":
      return ["DELETE", `/containers/${first}`];
    default:
      return ["POST", `/containers/${first}/${path.split(" ")[1]}`];
  }
}

function canUseSocket(host: HostState, user: string): boolean {
  if (user === "root") return true;
  const account = host.users[user];
  return account !== undefined && account.groups.includes("docker");
}

/** Null when the client can talk to the daemon; else the error text (without newline). */
function connectionError(r: Omit<Run, "engine"> & { engine?: DockerEngineState }, path: string, args: string[], flags: FlagValues): string | null {
  if (!r.engine || !daemonRunning(r.host)) return NO_DAEMON;
  if (canUseSocket(r.host, r.ctx.user)) return null;
  const f = engineFeatures(r.version);
  if (f.permissionStyle === "api") return `permission denied while trying to connect to the docker API at ${SOCKET}`;
  const [method, p] = apiRequest(path, args, flags);
  const detail = `${method.charAt(0)}${method.slice(1).toLowerCase()} "http://%2Fvar%2Frun%2Fdocker.sock/v${f.fallbackApiVersion}${p}": dial unix /var/run/docker.sock: connect: permission denied`;
  return f.permissionStyle === "got"
    ? `Got permission denied while trying to connect to the Docker daemon socket at ${SOCKET}: ${detail}`
    : `permission denied while trying to connect to the Docker daemon socket at ${SOCKET}: ${detail}`;
}

/** `docker run`'s way of reporting an error (exit 125 unless given). */
function runError(version: string, msg: string, exitCode = 125, stdout = "", prefix = ""): CommandResult {
  const modern = engineFeatures(version).modernUsageErrors;
  const text = modern ? `docker: ${msg}\n\nRun 'docker run --help' for more information\n` : `docker: ${msg.replace(/\.$/, "")}.\nSee 'docker run --help'.\n`;
  return err(prefix + text, exitCode, stdout);
}

// ---------- formatting ----------

interface Table {
  /** The default `table ...` format. */
  format: string;
  headers: Record<string, string>;
  typeName: string;
}

/** Renders rows with a --format template (or the default table). */
function renderRows(rows: Record<string, unknown>[], table: Table, format: string | undefined, quiet: boolean, idOf: (r: Record<string, unknown>) => string): CommandResult {
  if (quiet && (format === undefined || format === "" || format === "table")) return ok(rows.map((r) => `${idOf(r)}\n`).join(""));
  let fmt = format === undefined || format === "" || format === "table" ? table.format : format;
  const isTable = fmt.startsWith("table");
  if (isTable) fmt = fmt.replace(/^table\s*/, "");
  fmt = fmt.replace(/\\t/g, "\t").replace(/\\n/g, "\n");
  let tpl;
  try {
    tpl = compileTemplate(fmt);
  } catch (e) {
    if (e instanceof TemplateError) return err(`Template parsing error: ${e.message}\n`);
    throw e;
  }
  try {
    const lines = rows.map((r) => tpl(r, { typeName: table.typeName }));
    if (!isTable) return ok(lines.map((l) => `${l}\n`).join(""));
    const header = tpl(
      Object.fromEntries(Object.entries(table.headers).map(([k, v]) => [k, v])),
      {},
    ).replace(/<no value>/g, "");
    return ok(tabwrite([header, ...lines].map((l) => l.split("\t"))));
  } catch (e) {
    if (e instanceof TemplateError) return err(`${e.message}\n`);
    throw e;
  }
}

function inspectOutput(items: unknown[], format: string | undefined): { stdout: string; error?: string } {
  if (format === undefined || format === "") return { stdout: `${goJson(items, "    ")}\n` };
  let tpl;
  try {
    tpl = compileTemplate(format);
  } catch (e) {
    if (e instanceof TemplateError) return { stdout: "", error: `Template parsing error: ${e.message}\n` };
    throw e;
  }
  let stdout = "";
  for (const item of items) {
    try {
      stdout += `${tpl(item)}\n`;
    } catch (e) {
      if (e instanceof TemplateError) return { stdout, error: `${e.message}\n` };
      throw e;
    }
  }
  return { stdout };
}

// ---------- networks ----------

const NETWORK_CREATE_FLAGS: FlagSpec[] = [
  { name: "driver", short: "d", kind: "string" },
  { name: "opt", short: "o", kind: "list" },
  { name: "label", kind: "list" },
  { name: "internal", kind: "bool" },
  { name: "attachable", kind: "bool" },
  { name: "ingress", kind: "bool" },
  { name: "ipv6", kind: "bool" },
  { name: "ipv4", kind: "bool" },
  { name: "scope", kind: "string" },
  { name: "config-only", kind: "bool" },
  { name: "config-from", kind: "string" },
  { name: "ipam-driver", kind: "string" },
  { name: "ipam-opt", kind: "list" },
  { name: "subnet", kind: "list" },
  { name: "ip-range", kind: "list" },
  { name: "gateway", kind: "list" },
  { name: "aux-address", kind: "list" },
];

function subnetMatches(subnet: string, data: string): { ok: boolean; error?: string } {
  const s = parseCidr(subnet);
  if (!s) return { ok: false, error: `invalid subnet: invalid CIDR address: ${subnet}` };
  let ipText = data;
  if (data.includes("/")) {
    const d = parseCidr(data);
    if (!d) return { ok: false, error: `invalid CIDR address: ${data}` };
    ipText = data.slice(0, data.indexOf("/"));
  }
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(ipText) ? parseCidr(`${ipText}/32`) : null;
  if (!ip) return { ok: false };
  return { ok: ((ip.network ^ s.network) & (s.bits === 0 ? 0 : (0xffffffff << (32 - s.bits)) >>> 0)) === 0 };
}

/** The CLI's createIPAMConfig: ties ranges, gateways and aux addresses to their subnets. */
function consolidateIpam(version: string, subnets: string[], ranges: string[], gateways: string[], aux: Record<string, string>): { ok: true; config: IpamConfigEntry[] } | { ok: false; error: string; flagError?: boolean } {
  const f = engineFeatures(version);
  if (subnets.length < ranges.length || subnets.length < gateways.length) return { ok: false, error: "every ip-range or gateway must have a corresponding subnet" };
  const data = new Map<string, IpamConfigEntry>();
  for (const s of subnets) {
    for (const k of data.keys()) {
      const a = subnetMatches(s, k);
      const b = subnetMatches(k, s);
      if (a.error) return { ok: false, error: a.error };
      if (b.error) return { ok: false, error: b.error };
      if (a.ok || b.ok) return { ok: false, error: "multiple overlapping subnet configuration is not supported" };
    }
    data.set(s, { Subnet: s });
  }
  for (let r of ranges) {
    if (f.cliMasksIpRange) {
      const c = parseCidr(r);
      if (!c) return { ok: false, error: `invalid argument "${r}" for "--ip-range" flag: invalid string being converted to CIDR: ${r}`, flagError: true };
      r = `${[c.network >>> 24, (c.network >>> 16) & 255, (c.network >>> 8) & 255, c.network & 255].join(".")}/${c.bits}`;
    } else if (!parseCidr(r)) return { ok: false, error: `invalid CIDR address: ${r}` };
    let match = false;
    for (const s of subnets) {
      const m = subnetMatches(s, r);
      if (m.error) return { ok: false, error: m.error };
      if (!m.ok) continue;
      const d = data.get(s)!;
      if (d.IPRange) return { ok: false, error: `cannot configure multiple ranges (${r}, ${d.IPRange}) on the same subnet (${s})` };
      d.IPRange = r;
      match = true;
    }
    if (!match) return { ok: false, error: `no matching subnet for range ${r}` };
  }
  for (const g of gateways) {
    let match = false;
    for (const s of subnets) {
      const m = subnetMatches(s, g);
      if (m.error) return { ok: false, error: m.error };
      if (!m.ok) continue;
      const d = data.get(s)!;
      if (d.Gateway) return { ok: false, error: `cannot configure multiple gateways (${g}, ${d.Gateway}) for the same subnet (${s})` };
      d.Gateway = g;
      match = true;
    }
    if (!match) return { ok: false, error: `no matching subnet for gateway ${g}` };
  }
  for (const [key, a] of Object.entries(aux)) {
    let match = false;
    for (const s of subnets) {
      const m = subnetMatches(s, a);
      if (m.error) return { ok: false, error: m.error };
      if (!m.ok) continue;
      const d = data.get(s)!;
      d.AuxiliaryAddresses = { ...(d.AuxiliaryAddresses ?? {}), [key]: a };
      match = true;
    }
    if (!match) return { ok: false, error: `no matching subnet for aux-address ${a}` };
  }
  return { ok: true, config: [...data.values()] };
}

function networkCreate(r: Run, flags: FlagValues, args: string[]): CommandResult {
  const f = engineFeatures(r.version);
  const ipam = consolidateIpam(r.version, list(flags, "subnet"), list(flags, "ip-range"), list(flags, "gateway"), kvMap(list(flags, "aux-address")));
  if (!ipam.ok) return ipam.flagError ? err(`${ipam.error}\nSee 'docker network create --help'.\n`, 125) : err(`${ipam.error}\n`);
  const conn = connectionError(r, "docker network create", args, flags);
  if (conn) return err(`${conn}\n`);
  // dockerd before 25.0 parses the subnet itself and reports a bad one its own way.
  if (!f.ipamValidation) {
    for (const c of ipam.config) if (!parseCidr(c.Subnet)) return err(`${daemonErr(`Invalid subnet ${c.Subnet} : invalid CIDR address: ${c.Subnet}`)}\n`);
  }
  const req: NetworkCreateRequest = {
    name: args[0]!,
    driver: str(flags, "driver") ?? "bridge",
    options: kvMap(list(flags, "opt")),
    labels: kvMap(list(flags, "label")),
    internal: bool(flags, "internal"),
    attachable: bool(flags, "attachable"),
    ingress: bool(flags, "ingress"),
    ipamDriver: str(flags, "ipam-driver") ?? "default",
    ipamOptions: kvMap(list(flags, "ipam-opt")),
    ipamConfig: ipam.config,
  };
  if (flags.ipv6 !== undefined) req.enableIPv6 = bool(flags, "ipv6");
  if (flags.ipv4 !== undefined && f.enableIPv4Field) req.enableIPv4 = bool(flags, "ipv4");
  const res = createNetwork(r.engine, req, r.env);
  if (!res.ok) return err(`${daemonErr(res.error)}\n`);
  return ok(`${res.value.id}\n`);
}

function networkRow(engine: DockerEngineState, n: NetworkState, trunc: boolean): Record<string, unknown> {
  const f = engineFeatures(engine.version);
  const row: Record<string, unknown> = {
    CreatedAt: goTimeString(n.created),
    Driver: n.driver,
    ID: trunc ? n.id.slice(0, 12) : n.id,
  };
  if (f.enableIPv4Field) row.IPv4 = String(n.enableIPv4);
  row.IPv6 = String(n.enableIPv6);
  row.Internal = String(n.internal);
  row.Label = (name: string) => n.labels[name] ?? "";
  row.Labels = Object.entries(n.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  row.Name = n.name;
  row.Scope = n.scope;
  return row;
}

function matchFilter(value: string, pattern: string): boolean {
  if (value === pattern) return true;
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

function networkLs(r: Run, flags: FlagValues): CommandResult {
  const filters = new Map<string, string[]>();
  for (const raw of list(flags, "filter")) {
    const i = raw.indexOf("=");
    if (i === -1) return err(`bad format of filter (expected name=value)\n`);
    const k = raw.slice(0, i).toLowerCase();
    filters.set(k, [...(filters.get(k) ?? []), raw.slice(i + 1)]);
  }
  const conn = connectionError(r, "docker network ls", [], flags);
  if (conn) return err(`${conn}\n`);
  for (const k of filters.keys()) if (!["dangling", "driver", "id", "label", "name", "scope", "type"].includes(k)) return err(`${daemonErr(`invalid filter '${k}'`)}\n`);
  for (const t of filters.get("type") ?? []) if (t !== "custom" && t !== "builtin") return err(`${daemonErr(`invalid filter: 'type'='${t}'`)}\n`);
  let nets = [...r.engine.networks];
  nets = nets.filter((n) => {
    const check = (k: string, test: (v: string) => boolean) => !filters.has(k) || filters.get(k)!.some(test);
    return (
      check("driver", (v) => n.driver === v) &&
      check("name", (v) => matchFilter(n.name, v)) &&
      check("id", (v) => matchFilter(n.id, v)) &&
      check("scope", (v) => n.scope === v) &&
      check("type", (v) => (v === "builtin") === n.predefined) &&
      check("label", (v) => {
        const i = v.indexOf("=");
        return i === -1 ? v in n.labels : n.labels[v.slice(0, i)] === v.slice(i + 1);
      }) &&
      check("dangling", (v) => (v === "true" || v === "1") === (!n.predefined && activeEndpoints(r.engine, n).length === 0))
    );
  });
  nets.sort((a, b) => (naturalLess(a.name, b.name) ? -1 : naturalLess(b.name, a.name) ? 1 : 0));
  const trunc = !bool(flags, "no-trunc");
  const rows = nets.map((n) => networkRow(r.engine, n, trunc));
  const headers: Record<string, string> = { ID: "NETWORK ID", Name: "NAME", Driver: "DRIVER", Scope: "SCOPE", IPv4: "IPV4", IPv6: "IPV6", Internal: "INTERNAL", Labels: "LABELS", CreatedAt: "CREATED AT" };
  return renderRows(rows, { format: "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}", headers, typeName: "*formatter.networkContext" }, str(flags, "format"), bool(flags, "quiet"), (row) => String(row.ID));
}

function notFoundNetwork(r: Run, term: string, res: { error: string; notFound?: boolean }): string {
  if (res.notFound && !engineFeatures(r.version).daemonNotFoundMessages) return `Error: No such network: ${term}`;
  return daemonErr(res.error);
}

function networkInspectCmd(r: Run, flags: FlagValues, args: string[]): CommandResult {
  const conn = connectionError(r, "docker network inspect", args, flags);
  if (conn) return err(`${conn}\n`);
  const found: unknown[] = [];
  let stderr = "";
  for (const term of args) {
    const res = findNetwork(r.engine, term);
    if (res.ok) found.push(networkInspect(r.engine, res.value));
    else stderr += `${notFoundNetwork(r, term, res)}\n`;
  }
  const outp = inspectOutput(found, str(flags, "format"));
  if (outp.error) return err(outp.error, 1, outp.stdout);
  return { stdout: outp.stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
}

function networkRm(r: Run, flags: FlagValues, args: string[]): CommandResult {
  const conn = connectionError(r, "docker network rm", args, flags);
  if (conn) return err(`${conn}\n`);
  let stdout = "";
  let stderr = "";
  for (const term of args) {
    const found = findNetwork(r.engine, term);
    if (!found.ok) {
      if (bool(flags, "force") && found.notFound) continue;
      stderr += `${notFoundNetwork(r, term, found)}\n`;
      continue;
    }
    const res = removeNetwork(r.engine, found.value);
    if (!res.ok) stderr += `${daemonErr(res.error)}\n`;
    else stdout += `${term}\n`;
  }
  return { stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
}

function networkPrune(r: Run, flags: FlagValues): CommandResult {
  let prompt = "";
  if (!bool(flags, "force")) {
    prompt = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ";
    const answer = r.ctx.stdin.split("\n")[0]?.trim().toLowerCase() ?? "";
    // No answer (or anything but y) cancels, and the CLI exits 0.
    if (answer !== "y" && answer !== "yes") return ok(prompt);
  }
  const conn = connectionError(r, "docker network prune", [], flags);
  if (conn) return err(`${conn}\n`, 1, prompt);
  const removed = pruneNetworks(r.engine);
  removed.sort((a, b) => (a.name < b.name ? -1 : 1));
  const body = removed.length > 0 ? `Deleted Networks:\n${removed.map((n) => `${n.name}\n`).join("")}\n` : "";
  return ok(prompt + body);
}

function networkConnect(r: Run, flags: FlagValues, args: string[], disconnect: boolean): CommandResult {
  const path = disconnect ? "docker network disconnect" : "docker network connect";
  const conn = connectionError(r, path, args, flags);
  if (conn) return err(`${conn}\n`);
  refreshEngine(r.engine, r.now);
  const net = findNetwork(r.engine, args[0]!);
  if (!net.ok) return err(`${daemonErr(net.error)}\n`);
  const c = findContainer(r.engine, args[1]!);
  if (!c.ok) return err(`${daemonErr(c.error)}\n`);
  const network = net.value;
  const container = c.value;
  const existing = container.endpoints.find((e) => e.networkId === network.id);
  if (disconnect) {
    if (!existing) {
      if (network.driver === "host" && container.networkMode === "host") return err(`${daemonErr("container cannot be disconnected from host network or connected to host network")}\n`);
      return err(`${daemonErr(`container ${container.id} is not connected to network ${network.name}`)}\n`);
    }
    detachEndpoint(r.engine, existing);
    container.endpoints = container.endpoints.filter((e) => e !== existing);
    return ok();
  }
  if (network.driver === "host" || container.networkMode === "host") {
    return err(`${daemonErr(network.driver === "host" ? "container cannot be disconnected from host network or connected to host network" : "container sharing network namespace with another container or host cannot be connected to any other network")}\n`);
  }
  if (existing) return err(`${daemonErr(`endpoint with name ${container.name} already exists in network ${network.name}`)}\n`);
  const ip = str(flags, "ip");
  if (ip) {
    const check = checkRequestedIp(r.engine, network, ip);
    if (!check.ok) return err(`${daemonErr(check.error)}\n`);
  }
  const endpoint = newEndpoint(network, r.env, { ...(ip ? { ip } : {}), aliases: list(flags, "alias") });
  if (container.status === "running") {
    const res = attachEndpoint(r.engine, network, endpoint, r.env);
    if (!res.ok) return err(`${daemonErr(res.error)}\n`);
  }
  container.endpoints.push(endpoint);
  return ok();
}

function networkCommand(r: Run, argv: string[]): CommandResult {
  const sub = argv[0];
  if (sub === undefined || sub === "--help" || sub === "-h") return ok(NETWORK_USAGE);
  const rest = argv.slice(1);
  const table: Record<string, { flags: FlagSpec[]; rule: ArgRule }> = {
    create: { flags: NETWORK_CREATE_FLAGS, rule: { exact: 1 } },
    ls: { flags: [{ name: "filter", short: "f", kind: "list" }, { name: "format", kind: "string" }, { name: "no-trunc", kind: "bool" }, { name: "quiet", short: "q", kind: "bool" }], rule: { none: true } },
    list: { flags: [{ name: "filter", short: "f", kind: "list" }, { name: "format", kind: "string" }, { name: "no-trunc", kind: "bool" }, { name: "quiet", short: "q", kind: "bool" }], rule: { none: true } },
    inspect: { flags: [{ name: "format", short: "f", kind: "string" }, { name: "verbose", short: "v", kind: "bool" }], rule: { min: 1 } },
    rm: { flags: [{ name: "force", short: "f", kind: "bool" }], rule: { min: 1 } },
    remove: { flags: [{ name: "force", short: "f", kind: "bool" }], rule: { min: 1 } },
    prune: { flags: [{ name: "force", short: "f", kind: "bool" }, { name: "filter", kind: "list" }], rule: { none: true } },
    connect: { flags: [{ name: "ip", kind: "string" }, { name: "ip6", kind: "string" }, { name: "alias", kind: "list" }, { name: "link", kind: "list" }, { name: "link-local-ip", kind: "list" }, { name: "driver-opt", kind: "list" }], rule: { exact: 2 } },
    disconnect: { flags: [{ name: "force", short: "f", kind: "bool" }], rule: { exact: 2 } },
  };
  const spec = Object.hasOwn(table, sub) ? table[sub] : undefined;
  if (!spec) {
    if (engineFeatures(r.version).modernUsageErrors) return err(`docker: unknown command: docker network ${sub}\n\nUsage:  docker network COMMAND\n\nRun 'docker network --help' for more information\n`);
    return err(NETWORK_USAGE.replace(/\n$/, "") + "\n");
  }
  const canonical = sub === "list" ? "ls" : sub === "remove" ? "rm" : sub;
  const path = `docker network ${canonical}`;
  if (rest.includes("--help")) return ok(helpText(path, r.version));
  const parsed = parseFlags(rest, spec.flags);
  if (!parsed.ok) return err(`${parsed.error}\nSee '${path} --help'.\n`, 125);
  const argErr = checkArgs(path, r.version, parsed.args, spec.rule);
  if (argErr) return err(argErr);
  switch (canonical) {
    case "create":
      return networkCreate(r, parsed.flags, parsed.args);
    case "ls":
      return networkLs(r, parsed.flags);
    case "inspect":
      return networkInspectCmd(r, parsed.flags, parsed.args);
    case "rm":
      return networkRm(r, parsed.flags, parsed.args);
    case "prune":
      return networkPrune(r, parsed.flags);
    case "connect":
      return networkConnect(r, parsed.flags, parsed.args, false);
    default:
      return networkConnect(r, parsed.flags, parsed.args, true);
  }
}

// ---------- images ----------

/** "Pulling from library/nginx" (the repository path without the registry). */
function pullPathName(ref: ImageReference): string {
  return ref.path;
}

function hasImage(engine: DockerEngineState, ref: ImageReference, image: CatalogueImage): boolean {
  const local = engine.images.find((i) => i.id === image.id);
  if (!local) return false;
  if (ref.digest) return true;
  return local.repoTags.includes(`${ref.familiarName}:${ref.tag}`);
}

/** Pulls `ref` into the engine; returns the progress text (or the daemon error). */
function pull(r: Run, input: string): { ok: true; text: string; image: CatalogueImage; ref: ImageReference; upToDate: boolean } | { ok: false; error: string; ref?: ImageReference } {
  const res = resolveImage(input);
  if (!res.ok) return res.reference ? { ok: false, error: res.dockerMessage, ref: res.reference } : { ok: false, error: res.dockerMessage };
  const { image, reference: ref } = res;
  let text = `${ref.digest ?? ref.tag}: Pulling from ${pullPathName(ref)}\n`;
  const present = r.engine.images.find((i) => i.id === image.id);
  const upToDate = hasImage(r.engine, ref, image);
  if (!present) for (const layer of image.layers) text += `${layer.slice(7, 19)}: Pull complete\n`;
  text += `Digest: ${image.digest}\n`;
  const tag = ref.digest ? undefined : `${ref.familiarName}:${ref.tag}`;
  text += upToDate ? `Status: Image is up to date for ${ref.familiarString}\n` : `Status: Downloaded newer image for ${ref.familiarString}\n`;
  if (present) {
    if (tag && !present.repoTags.includes(tag)) present.repoTags.push(tag);
    const dig = `${ref.familiarName}@${image.digest}`;
    if (!present.repoDigests.includes(dig)) present.repoDigests.push(dig);
  } else {
    r.engine.images.push({ id: image.id, repoTags: tag ? [tag] : [], repoDigests: [`${ref.familiarName}@${image.digest}`], pulledAt: r.now });
  }
  return { ok: true, text, image, ref, upToDate };
}

function pullCommand(r: Run, flags: FlagValues, args: string[]): CommandResult {
  const input = args[0]!;
  const conn = connectionError(r, "docker pull", args, flags);
  const parsed = resolveImage(input);
  const defaulted = parsed.reference?.defaultedTag ?? (!input.includes(":") && !input.includes("@"));
  const using = defaulted && parsed.reference ? "Using default tag: latest\n" : "";
  if (conn) return err(`${conn}\n`, 1, using);
  if (!parsed.ok && parsed.reason === "invalid-reference") return err(`${engineFeatures(r.version).ipamValidation ? parsed.dockerMessage : parsed.dockerMessage.replace(/ \(.*\) must/, " must")}\n`);
  const res = pull(r, input);
  if (!res.ok) return err(`${daemonErr(res.error)}\n`, 1, using);
  const quiet = bool(flags, "quiet");
  if (quiet) return ok(`${res.ref.normalized}\n`);
  return ok(`${using}${res.text}${res.ref.normalized}\n`);
}

function imagesCommand(r: Run, flags: FlagValues, args: string[]): CommandResult {
  const conn = connectionError(r, "docker images", args, flags);
  if (conn) return err(`${conn}\n`);
  const rows: Record<string, unknown>[] = [];
  const images = [...r.engine.images].sort((a, b) => (findById(b.id)?.created ?? "").localeCompare(findById(a.id)?.created ?? ""));
  for (const local of images) {
    const image = findById(local.id);
    if (!image) continue;
    const created = Date.parse(image.created);
    const tags = local.repoTags.length > 0 ? local.repoTags : ["<none>:<none>"];
    for (const rt of tags) {
      const i = rt.lastIndexOf(":");
      const repo = rt.slice(0, i);
      if (args[0] && repo !== args[0] && rt !== args[0]) continue;
      rows.push({
        CreatedAt: dockerCreatedAt(created),
        CreatedSince: `${humanDuration(r.now - created)} ago`,
        Digest: image.digest,
        ID: bool(flags, "no-trunc") ? image.id : image.id.slice(7, 19),
        Repository: repo,
        Size: humanSize(image.sizeBytes),
        Tag: rt.slice(i + 1),
      });
    }
  }
  const headers = { Repository: "REPOSITORY", Tag: "TAG", ID: "IMAGE ID", Digest: "DIGEST", CreatedSince: "CREATED", CreatedAt: "CREATED AT", Size: "SIZE" };
  return renderRows(rows, { format: "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}", headers, typeName: "*formatter.imageContext" }, str(flags, "format"), bool(flags, "quiet"), (row) => String(row.ID));
}

// ---------- containers ----------

const RUN_FLAGS: FlagSpec[] = [
  { name: "detach", short: "d", kind: "bool" },
  { name: "name", kind: "string" },
  { name: "network", kind: "string" },
  { name: "net", kind: "string" },
  { name: "ip", kind: "string" },
  { name: "publish", short: "p", kind: "list" },
  { name: "env", short: "e", kind: "list" },
  { name: "rm", kind: "bool" },
  { name: "interactive", short: "i", kind: "bool" },
  { name: "tty", short: "t", kind: "bool" },
  { name: "hostname", short: "h", kind: "string" },
  { name: "entrypoint", kind: "string" },
  { name: "label", short: "l", kind: "list" },
  { name: "restart", kind: "string" },
  { name: "volume", short: "v", kind: "list" },
  { name: "workdir", short: "w", kind: "string" },
  { name: "network-alias", kind: "list" },
  { name: "net-alias", kind: "list" },
  { name: "memory", short: "m", kind: "string" },
  { name: "cpus", kind: "string" },
  { name: "user", short: "u", kind: "string" },
  { name: "privileged", kind: "bool" },
  { name: "dns", kind: "list" },
  { name: "add-host", kind: "list" },
  { name: "expose", kind: "list" },
  { name: "publish-all", short: "P", kind: "bool" },
];

function runCommand(r: Run, argv: string[]): CommandResult {
  const f = engineFeatures(r.version);
  if (argv[0] === "--help") return ok(helpText("docker run", r.version));
  const parsed = parseFlags(argv, RUN_FLAGS, false);
  if (!parsed.ok) return err(`${parsed.error}\nSee 'docker run --help'.\n`, 125);
  const argErr = checkArgs("docker run", r.version, parsed.args, { min: 1 });
  if (argErr) return err(argErr);
  const flags = parsed.flags;
  const [imageRef, ...cmdArgs] = parsed.args as [string, ...string[]];
  const conn = connectionError(r, "docker run", parsed.args, flags);
  if (conn) return runError(r.version, conn);
  refreshEngine(r.engine, r.now);
  let stderr = "";
  const resolved = resolveImage(imageRef);
  if (!resolved.ok && resolved.reason === "invalid-reference") return runError(r.version, f.ipamValidation ? resolved.dockerMessage : resolved.dockerMessage.replace(/ \(.*\) must/, " must"));
  const refText = resolved.reference?.familiarString ?? imageRef;
  if (!resolved.ok || !hasImage(r.engine, resolved.reference, resolved.image)) {
    const present = resolved.ok && r.engine.images.some((i) => i.id === resolved.image.id && (resolved.reference.digest !== undefined || i.repoTags.includes(`${resolved.reference.familiarName}:${resolved.reference.tag}`)));
    if (!present) {
      stderr += `Unable to find image '${refText}' locally\n`;
      const res = pull(r, imageRef);
      if (!res.ok) return runError(r.version, daemonErr(res.error), 125, "", stderr);
      stderr += res.text;
    }
  }
  const image = resolveImage(imageRef);
  if (!image.ok) return runError(r.version, daemonErr(image.dockerMessage), 125, "", stderr);
  const network = str(flags, "network") ?? str(flags, "net");
  const created = createContainer(
    r.engine,
    {
      image: imageRef,
      catalogueImage: image.image,
      ...(str(flags, "name") !== undefined ? { name: str(flags, "name")! } : {}),
      ...(network !== undefined ? { network } : {}),
      ...(str(flags, "ip") !== undefined ? { ip: str(flags, "ip")! } : {}),
      aliases: [...list(flags, "network-alias"), ...list(flags, "net-alias")],
      publish: list(flags, "publish"),
      env: list(flags, "env"),
      autoRemove: bool(flags, "rm"),
      tty: bool(flags, "tty"),
      stdin: bool(flags, "interactive"),
      ...(str(flags, "hostname") !== undefined ? { hostname: str(flags, "hostname")! } : {}),
      ...(str(flags, "entrypoint") !== undefined ? { entrypoint: str(flags, "entrypoint")! } : {}),
      args: cmdArgs,
      labels: kvMap(list(flags, "label")),
      ...(str(flags, "restart") !== undefined ? { restart: str(flags, "restart")! } : {}),
    },
    r.env,
  );
  if (!created.ok) return runError(r.version, daemonErr(created.error), 125, "", stderr);
  const c = created.value;
  const detach = bool(flags, "detach");
  const started = startContainer(r.engine, c, r.env);
  if (!started.ok) {
    const notFound = /executable file not found/.test(started.error);
    if (c.autoRemove) r.engine.containers = r.engine.containers.filter((x) => x !== c);
    const tail = !detach && !f.modernOciErrors ? "ERRO[0000] error waiting for container: context canceled\n" : "";
    const res = runError(r.version, daemonErr(started.error), notFound ? 127 : 125, "", stderr);
    return { ...res, stderr: res.stderr + tail };
  }
  runNetworkTool(r, c);
  // The pull progress (stderr) is written while the image is fetched, before the container
  // exists; the ID or the container's output comes after it on the terminal.
  const ordered: Array<[1 | 2, string]> = stderr ? [[2, stderr]] : [];
  if (detach) return { stdout: `${c.id}\n`, stderr, exitCode: 0, ordered: [...ordered, [1, `${c.id}\n`]] };
  // Attached: print what the process writes; if it exits, the run ends with its code.
  const run = c.runs[c.runs.length - 1]!;
  const exitAt = run.plan.exit ? run.startedAt + run.plan.exit.atMs : undefined;
  const until = exitAt ?? r.now + 1000;
  const lines = containerLogs({ ...c, runs: [{ ...run }] }, until);
  let stdout = "";
  for (const l of lines) {
    if (l.stream === "stdout" || c.tty) {
      const text = `${l.text}${c.tty ? "\r\n" : "\n"}`;
      stdout += text;
      ordered.push([1, text]);
    } else {
      stderr += `${l.text}\n`;
      ordered.push([2, `${l.text}\n`]);
    }
  }
  if (exitAt !== undefined && exitAt <= r.now) refreshEngine(r.engine, r.now);
  return { stdout, stderr, exitCode: run.plan.exit ? run.plan.exit.code : 0, ordered };
}

/** Programs whose output depends on the container's network view (run through exec.ts). */
const NETWORK_TOOLS = new Set(["ping", "wget", "curl", "nslookup", "getent", "ip", "ifconfig", "hostname", "cat"]);

/**
 * A container whose command is a network tool (`docker run --rm --network app busybox nslookup
 * web`): its output comes from the network model, so the plan's lines and exit are replaced by
 * what the tool prints when run now, inside the just-started container.
 */
function runNetworkTool(r: Run, c: ContainerState): void {
  const run = c.runs[c.runs.length - 1];
  if (!run) return;
  const argv = run.plan.argv;
  const base = (argv[0] ?? "").slice((argv[0] ?? "").lastIndexOf("/") + 1);
  const script = (base === "sh" || base === "bash" || base === "ash") && argv[1] === "-c" ? argv[2] ?? "" : "";
  const usesTool = NETWORK_TOOLS.has(base) || [...NETWORK_TOOLS].some((t) => new RegExp(`(^|[;&|(\\s])${t}\\s`).test(script));
  if (!usesTool || /\bwhile\b|\bsleep\b/.test(script)) return;
  const res = execInContainer(r.ctx.world, r.host, r.engine, c, argv);
  const count = base === "ping" ? Number(/-c\s*(\d+)/.exec(argv.join(" "))?.[1] ?? 4) : 1;
  const duration = base === "ping" ? Math.max(0, count - 1) * 1000 : 0;
  const toLines = (text: string, stream: "stdout" | "stderr") =>
    text === "" ? [] : text.replace(/\n$/, "").split("\n").map((t) => ({ atMs: 0, stream, parts: [t] }));
  run.plan = { ...run.plan, lines: [...toLines(res.stdout, "stdout"), ...toLines(res.stderr, "stderr")], exit: { atMs: duration, code: res.exitCode } };
  delete run.plan.loop;
}

function containerRow(r: Run, c: ContainerState, trunc: boolean): Record<string, unknown> {
  const argv = [...(c.entrypoint ?? []), ...(c.cmd ?? [])].join(" ");
  const nets = c.networkMode === "host" || c.networkMode === "none" ? [c.networkMode] : c.endpoints.map((e) => r.engine.networks.find((n) => n.id === e.networkId)?.name ?? "").filter(Boolean);
  return {
    Command: strconvQuote(trunc ? ellipsis(argv, 20) : argv),
    CreatedAt: dockerCreatedAt(c.createdAt),
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Image: c.image,
    Label: (name: string) => c.labels[name] ?? "",
    Labels: Object.entries(c.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(","),
    LocalVolumes: "0",
    Mounts: "",
    Names: c.name,
    Networks: nets.join(","),
    Ports: portsText(r.engine, c),
    RunningFor: `${humanDuration(r.now - c.createdAt)} ago`,
    Size: "0B",
    State: c.status,
    Status: statusText(c, r.now),
  };
}

function psCommand(r: Run, flags: FlagValues): CommandResult {
  const conn = connectionError(r, "docker ps", [], flags);
  if (conn) return err(`${conn}\n`);
  refreshEngine(r.engine, r.now);
  let cs = [...r.engine.containers].reverse();
  if (!bool(flags, "all")) cs = cs.filter((c) => c.status === "running");
  for (const raw of list(flags, "filter")) {
    const i = raw.indexOf("=");
    const k = raw.slice(0, i);
    const v = raw.slice(i + 1);
    if (k === "name") cs = cs.filter((c) => matchFilter(c.name, v));
    else if (k === "status") cs = cs.filter((c) => c.status === v);
    else if (k === "id") cs = cs.filter((c) => c.id.startsWith(v));
    else if (k === "network") cs = cs.filter((c) => c.endpoints.some((e) => r.engine.networks.find((n) => n.id === e.networkId && (n.name === v || n.id.startsWith(v)))));
    else if (k === "ancestor") cs = cs.filter((c) => c.image === v || c.image.startsWith(`${v}:`));
    else return err(`${daemonErr(`invalid filter '${k}'`)}\n`);
  }
  if (str(flags, "last") !== undefined || bool(flags, "latest")) cs = cs.slice(0, bool(flags, "latest") ? 1 : Number(str(flags, "last")));
  const trunc = !bool(flags, "no-trunc");
  const rows = cs.map((c) => containerRow(r, c, trunc));
  const headers = { ID: "CONTAINER ID", Image: "IMAGE", Command: "COMMAND", CreatedAt: "CREATED AT", RunningFor: "CREATED", Ports: "PORTS", State: "STATE", Status: "STATUS", Size: "SIZE", Names: "NAMES", Labels: "LABELS", Mounts: "MOUNTS", Networks: "NETWORKS", LocalVolumes: "LOCAL VOLUMES" };
  return renderRows(rows, { format: "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}", headers, typeName: "*formatter.ContainerContext" }, str(flags, "format"), bool(flags, "quiet"), (row) => String(row.ID));
}

function noSuchContainer(r: Run, res: { error: string; notFound?: boolean }, term: string, clientWraps: boolean): string {
  if (res.notFound && clientWraps && !engineFeatures(r.version).daemonNotFoundMessages) return `Error: No such container: ${term}`;
  return daemonErr(res.error);
}

function lifecycle(r: Run, verb: "stop" | "start" | "restart" | "rm", flags: FlagValues, args: string[]): CommandResult {
  const conn = connectionError(r, `docker ${verb}`, args, flags);
  if (conn) return err(`${conn}\n`);
  let stdout = "";
  let stderr = "";
  const failedStarts: string[] = [];
  for (const term of args) {
    refreshEngine(r.engine, r.now);
    const found = findContainer(r.engine, term);
    if (!found.ok) {
      if (verb === "rm" && bool(flags, "force") && engineFeatures(r.version).daemonNotFoundMessages) continue;
      stderr += `${noSuchContainer(r, found, term, verb === "rm")}\n`;
      if (verb === "start") failedStarts.push(term);
      continue;
    }
    const c = found.value;
    if (verb === "stop") stopContainer(r.engine, c, r.now);
    else if (verb === "rm") {
      const res = removeContainer(r.engine, c, bool(flags, "force"), r.now);
      if (!res.ok) {
        stderr += `${daemonErr(res.error)}\n`;
        continue;
      }
    } else {
      if (verb === "restart") stopContainer(r.engine, c, r.now);
      const res = startContainer(r.engine, c, r.env);
      if (!res.ok) {
        stderr += `${daemonErr(res.error)}\n`;
        failedStarts.push(term);
        continue;
      }
    }
    stdout += `${term}\n`;
  }
  if (verb === "start" && failedStarts.length > 0) stderr += `Error: failed to start containers: ${failedStarts.join(", ")}\n`;
  return { stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
}

function logsCommand(r: Run, flags: FlagValues, args: string[]): CommandResult {
  const conn = connectionError(r, "docker logs", args, flags);
  if (conn) return err(`${conn}\n`);
  refreshEngine(r.engine, r.now);
  const found = findContainer(r.engine, args[0]!);
  if (!found.ok) return err(`${noSuchContainer(r, found, args[0]!, true)}\n`);
  const tailText = str(flags, "tail");
  const tail = tailText === undefined || tailText === "all" ? undefined : Number(tailText);
  const lines = containerLogs(found.value, r.now, tail !== undefined && Number.isFinite(tail) ? { tail } : {});
  let stdout = "";
  let stderr = "";
  const stamp = (at: Millis) => (bool(flags, "timestamps") ? `${rfc3339Nano(at, (at * 7919) % 1_000_000)} ` : "");
  for (const l of lines) {
    const text = `${stamp(l.at)}${l.text}\n`;
    if (l.stream === "stdout" || found.value.tty) stdout += text;
    else stderr += text;
  }
  return { stdout, stderr, exitCode: 0 };
}

function execCommand(r: Run, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, [
    { name: "interactive", short: "i", kind: "bool" },
    { name: "tty", short: "t", kind: "bool" },
    { name: "detach", short: "d", kind: "bool" },
    { name: "env", short: "e", kind: "list" },
    { name: "user", short: "u", kind: "string" },
    { name: "workdir", short: "w", kind: "string" },
    { name: "privileged", kind: "bool" },
  ], false);
  if (!parsed.ok) return err(`${parsed.error}\nSee 'docker exec --help'.\n`, 125);
  const argErr = checkArgs("docker exec", r.version, parsed.args, { min: 2 });
  if (argErr) return err(argErr);
  const conn = connectionError(r, "docker exec", parsed.args, parsed.flags);
  if (conn) return err(`${conn}\n`);
  refreshEngine(r.engine, r.now);
  const found = findContainer(r.engine, parsed.args[0]!);
  if (!found.ok) return err(`${noSuchContainer(r, found, parsed.args[0]!, true)}\n`);
  const c = found.value;
  const interactive = bool(parsed.flags, "interactive");
  const ttyFlag = bool(parsed.flags, "tty");
  // The CLI checks its own stdin before asking the daemon to start anything.
  if (interactive && ttyFlag && !(r.ctx.stdinIsTty ?? true)) return err("the input device is not a TTY\n");
  if (c.status !== "running") return err(`${daemonErr(`${engineFeatures(r.version).modernRunningRemove ? "container" : "Container"} ${c.id} is not running`)}\n`);
  const argvIn = parsed.args.slice(1);
  const env = list(parsed.flags, "env");
  const workdir = str(parsed.flags, "workdir") ?? "";
  const image = findById(c.imageId);
  if (interactive && image) {
    const hostKey = Object.entries(r.ctx.world.hosts ?? {}).find(([, h]) => h === r.host)?.[0];
    const envRecord: Record<string, string> = {};
    for (const kv of env) {
      const eq = kv.indexOf("=");
      if (eq > 0) envRecord[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    const session = containerSession({
      via: "docker",
      image,
      argv: argvIn,
      tty: ttyFlag,
      user: execUser(image, str(parsed.flags, "user")),
      hostname: c.hostname,
      cwd: workdir || image.config.workingDir || "/",
      run: `${c.id}/${c.startedAt}`,
      container: c.id,
      env: envRecord,
    });
    if (session && hostKey !== undefined) session.host = hostKey;
    // The terminal goes to the container's shell until it exits.
    if (session && r.ctx.stdinIsTerminal) return { stdout: "", stderr: "", exitCode: 0, attach: session };
    if (session && hostKey !== undefined) {
      const piped = runPipedScript(r.ctx.world as World, session, r.ctx.stdin, r.ctx.columns ?? 80);
      return { stdout: ttyFlag ? piped.output.replace(/\r?\n/g, "\r\n") : piped.output, stderr: "", exitCode: piped.status };
    }
  }
  const res = execInContainer(r.ctx.world, r.host, r.engine, c, argvIn, env, { tty: ttyFlag, columns: r.ctx.columns ?? 80, workdir, stdin: interactive ? r.ctx.stdin : "" });
  // A program that could not start is the CLI's error, not the terminal's output.
  if (ttyFlag && !res.stderr.startsWith("OCI runtime exec failed")) return { stdout: (res.stdout + res.stderr).replace(/\r?\n/g, "\r\n"), stderr: "", exitCode: res.exitCode };
  return res;
}

/** Who `docker exec -u USER` runs as (root by default): the account, or a bare uid. */
function execUser(image: CatalogueImage, user: string | undefined): { uid: number; name?: string; home: string } {
  const spec = (user ?? "").split(":")[0] ?? "";
  const account = findAccount(image, spec === "" ? 0 : spec);
  if (account) return { uid: account.uid, name: account.name, home: account.home };
  return /^\d+$/.test(spec) ? { uid: Number(spec), home: "/" } : { uid: 0, name: "root", home: "/root" };
}

function inspectCommand(r: Run, flags: FlagValues, args: string[]): CommandResult {
  const conn = connectionError(r, "docker inspect", args, flags);
  if (conn) return err(`${conn}\n`);
  refreshEngine(r.engine, r.now);
  const type = str(flags, "type");
  const items: unknown[] = [];
  let stderr = "";
  for (const term of args) {
    let item: unknown;
    if (!type || type === "container") {
      const c = findContainer(r.engine, term);
      if (c.ok) item = containerInspect(r.engine, c.value, r.now);
    }
    if (!item && (!type || type === "image")) {
      const res = resolveImage(term);
      const local = res.ok ? r.engine.images.find((i) => i.id === res.image.id && i.repoTags.includes(`${res.reference.familiarName}:${res.reference.tag}`)) : r.engine.images.find((i) => i.id.slice(7).startsWith(term));
      if (local) item = imageInspect(r.engine, local.id);
    }
    if (!item && (!type || type === "network")) {
      const n = findNetwork(r.engine, term);
      if (n.ok) item = networkInspect(r.engine, n.value);
    }
    if (item) items.push(item);
    else stderr += type === "network" ? `${notFoundNetwork(r, term, { error: `network ${term} not found`, notFound: true })}\n` : `Error: No such ${type ?? "object"}: ${term}\n`;
  }
  const outp = inspectOutput(items, str(flags, "format"));
  if (outp.error) return err(outp.error, 1, outp.stdout);
  return { stdout: outp.stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
}

// ---------- version / info ----------

function clientVersion(r: Run): string {
  const p = engineProfile(r.version);
  const f = engineFeatures(r.version);
  return `Client: Docker Engine - Community\n Version:           ${p.version}\n API version:       ${p.apiVersion}\n Go version:        ${p.goVersion}\n Git commit:        ${p.clientCommit}\n Built:             ${p.built}\n OS/Arch:           linux/amd64\n Context:           default\n${f.modernUsageErrors ? "" : " Experimental:      true\n"}`;
}

function versionCommand(r: Run, flags: FlagValues): CommandResult {
  const client = clientVersion(r);
  const conn = connectionError(r, "docker version", [], flags);
  if (conn) return err(`${conn}\n`, 1, client);
  const p = engineProfile(r.version);
  const server = `\nServer: Docker Engine - Community\n Engine:\n  Version:          ${p.version}\n  API version:      ${p.apiVersion} (minimum version ${p.minApiVersion})\n  Go version:       ${p.goVersion}\n  Git commit:       ${p.serverCommit}\n  Built:            ${p.built}\n  OS/Arch:          linux/amd64\n  Experimental:     false\n containerd:\n  Version:          ${p.containerd.version}\n  GitCommit:        ${p.containerd.commit}\n runc:\n  Version:          ${p.runc.version}\n  GitCommit:        ${p.runc.commit}\n docker-init:\n  Version:          ${p.init.version}\n  GitCommit:        ${p.init.commit}\n`;
  const format = str(flags, "format");
  if (format) {
    try {
      return ok(`${compileTemplate(format)({ Client: { Version: p.version, ApiVersion: p.apiVersion, GoVersion: p.goVersion, GitCommit: p.clientCommit, Os: "linux", Arch: "amd64" }, Server: { Version: p.version, ApiVersion: p.apiVersion, MinAPIVersion: p.minApiVersion, GoVersion: p.goVersion, GitCommit: p.serverCommit, Os: "linux", Arch: "amd64" } })}\n`);
    } catch (e) {
      if (e instanceof TemplateError) return err(`Template parsing error: ${e.message}\n`);
      throw e;
    }
  }
  return ok(client + server);
}

function infoCommand(r: Run, flags: FlagValues): CommandResult {
  const p = engineProfile(r.version);
  const client = `Client:\n Context:    default\n Debug Mode: false\n\n`;
  const conn = connectionError(r, "docker info", [], flags);
  if (conn) return err(`ERROR: ${conn}\nerrors pretty printing info\n`, 1, `${client}Server:\n`);
  refreshEngine(r.engine, r.now);
  const cs = r.engine.containers;
  const running = cs.filter((c) => c.status === "running").length;
  const kernel = r.host.distro === "centos" ? "3.10.0-1160.31.1.el7.x86_64" : "5.15.0-126-generic";
  const os = r.host.distro === "centos" ? "CentOS Linux 7 (Core)" : "Ubuntu 22.04.5 LTS";
  const cgroup = r.host.distro === "centos" ? "1" : "2";
  const server = `Server:\n Containers: ${cs.length}\n  Running: ${running}\n  Paused: 0\n  Stopped: ${cs.length - running}\n Images: ${r.engine.images.length}\n Server Version: ${p.version}\n Storage Driver: overlay2\n  Backing Filesystem: ${r.host.distro === "centos" ? "xfs" : "extfs"}\n  Supports d_type: true\n  Native Overlay Diff: true\n  userxattr: false\n Logging Driver: json-file\n Cgroup Driver: ${cgroup === "1" ? "cgroupfs" : "systemd"}\n Cgroup Version: ${cgroup}\n Plugins:\n  Volume: local\n  Network: bridge host ipvlan macvlan null overlay\n  Log: awslogs fluentd gcplogs gelf journald json-file local${engineFeatures(r.version).ipamValidation ? "" : " logentries"} splunk syslog\n Swarm: inactive\n Runtimes: io.containerd.runc.v2 runc\n Default Runtime: runc\n Init Binary: docker-init\n containerd version: ${p.containerd.commit}\n runc version: ${p.runc.commit}\n init version: ${p.init.commit}\n Security Options:\n  seccomp\n   Profile: default\n Kernel Version: ${kernel}\n Operating System: ${os}\n OSType: linux\n Architecture: x86_64\n CPUs: 2\n Total Memory: 3.7GiB\n Name: ${r.host.name}\n ID: ${r.engine.daemonId}\n Docker Root Dir: /var/lib/docker\n Debug Mode: false\n Experimental: false\n Insecure Registries:\n  127.0.0.0/8\n Live Restore Enabled: false\n\n`;
  return ok(client + server);
}

// ---------- entry point ----------

const SIMPLE: Record<string, { flags: FlagSpec[]; rule: ArgRule }> = {
  ps: { flags: [{ name: "all", short: "a", kind: "bool" }, { name: "quiet", short: "q", kind: "bool" }, { name: "format", kind: "string" }, { name: "no-trunc", kind: "bool" }, { name: "filter", short: "f", kind: "list" }, { name: "last", short: "n", kind: "string" }, { name: "latest", short: "l", kind: "bool" }, { name: "size", short: "s", kind: "bool" }], rule: { none: true } },
  images: { flags: [{ name: "all", short: "a", kind: "bool" }, { name: "quiet", short: "q", kind: "bool" }, { name: "format", kind: "string" }, { name: "no-trunc", kind: "bool" }, { name: "digests", kind: "bool" }, { name: "filter", short: "f", kind: "list" }], rule: { max: 1 } },
  pull: { flags: [{ name: "quiet", short: "q", kind: "bool" }, { name: "all-tags", short: "a", kind: "bool" }, { name: "platform", kind: "string" }], rule: { exact: 1 } },
  stop: { flags: [{ name: "time", short: "t", kind: "string" }, { name: "signal", short: "s", kind: "string" }], rule: { min: 1 } },
  start: { flags: [{ name: "attach", short: "a", kind: "bool" }, { name: "interactive", short: "i", kind: "bool" }], rule: { min: 1 } },
  restart: { flags: [{ name: "time", short: "t", kind: "string" }], rule: { min: 1 } },
  rm: { flags: [{ name: "force", short: "f", kind: "bool" }, { name: "volumes", short: "v", kind: "bool" }, { name: "link", short: "l", kind: "bool" }], rule: { min: 1 } },
  logs: { flags: [{ name: "follow", short: "f", kind: "bool" }, { name: "timestamps", short: "t", kind: "bool" }, { name: "tail", short: "n", kind: "string" }, { name: "since", kind: "string" }, { name: "until", kind: "string" }, { name: "details", kind: "bool" }], rule: { exact: 1 } },
  inspect: { flags: [{ name: "format", short: "f", kind: "string" }, { name: "type", kind: "string" }, { name: "size", short: "s", kind: "bool" }], rule: { min: 1 } },
  version: { flags: [{ name: "format", short: "f", kind: "string" }], rule: { none: true } },
  info: { flags: [{ name: "format", short: "f", kind: "string" }], rule: { none: true } },
};

const ALIASES: Record<string, string[]> = {
  "container ls": ["ps"],
  "container ps": ["ps"],
  "container list": ["ps"],
  "container run": ["run"],
  "container exec": ["exec"],
  "container stop": ["stop"],
  "container start": ["start"],
  "container restart": ["restart"],
  "container rm": ["rm"],
  "container logs": ["logs"],
  "container inspect": ["inspect", "--type", "container"],
  "image ls": ["images"],
  "image list": ["images"],
  "image pull": ["pull"],
  "image inspect": ["inspect", "--type", "image"],
  "system info": ["info"],
};

/**
 * `docker`: acts on `ctx.host.docker` (absent: Docker is not installed, so the daemon cannot be
 * reached). `ctx.user` must be root or in the docker group to reach the socket.
 */
export const dockerCommand: Command<DockerWorld> = (ctx) => {
  const host = ctx.host;
  const engine = host.docker;
  const version = engine?.version ?? "28.3.3";
  const now = ctx.world.now();
  let argv = [...ctx.args];
  // Global options before the command.
  while (argv[0] !== undefined && argv[0].startsWith("-")) {
    const a = argv[0];
    if (a === "-v" || a === "--version") {
      const p = engineProfile(version);
      return ok(`Docker version ${p.version}, build ${p.clientCommit}\n`);
    }
    if (a === "--help" || a === "-h") return ok(`\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n`);
    if (a === "-H" || a === "--host" || a === "--context" || a === "-c" || a === "--config" || a === "-l" || a === "--log-level") argv = argv.slice(2);
    else argv = argv.slice(1);
  }
  const two = `${argv[0] ?? ""} ${argv[1] ?? ""}`;
  if (ALIASES[two]) argv = [...ALIASES[two]!, ...argv.slice(2)];
  const cmd = argv[0];
  if (cmd === undefined) return ok(`\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n`);
  const env: EngineEnv = { now, random: ctx.world.random, host };
  const base = { ctx, host, version, now, env };
  const r = { ...base, engine: engine as DockerEngineState };
  const rest = argv.slice(1);
  // Commands that need no parsing before the connection check still parse first, as cobra does.
  if (cmd === "network") {
    if (!engine && rest.length > 0 && !rest.includes("--help") && ["create", "ls", "list", "inspect", "rm", "remove", "prune", "connect", "disconnect"].includes(rest[0]!)) {
      // Parse first so usage errors win over the connection error.
      const res = networkCommand({ ...r, engine: { version, daemonId: "", networks: [], containers: [], images: [], startedAt: now } }, rest);
      if (res.exitCode !== 0 && !res.stderr.startsWith("Error response") && !res.stderr.startsWith("Cannot connect") && !res.stderr.includes("permission denied")) return res;
      return err(`${NO_DAEMON}\n`);
    }
    return networkCommand(r, rest);
  }
  if (cmd === "run") {
    if (!engine) return runError(version, NO_DAEMON);
    return runCommand(r, rest);
  }
  if (cmd === "exec") {
    if (!engine) return err(`${NO_DAEMON}\n`);
    return execCommand(r, rest);
  }
  const spec = Object.hasOwn(SIMPLE, cmd) ? SIMPLE[cmd] : undefined;
  if (!spec) {
    if (engineFeatures(version).modernUsageErrors) return err(`docker: unknown command: docker ${cmd}\n\nRun 'docker --help' for more information\n`);
    return err(`docker: '${cmd}' is not a docker command.\nSee 'docker --help'\n`);
  }
  const path = `docker ${cmd}`;
  if (rest.includes("--help")) return ok(helpText(path, version));
  const parsed = parseFlags(rest, spec.flags);
  if (!parsed.ok) return err(`${parsed.error}\nSee '${path} --help'.\n`, 125);
  const argErr = checkArgs(path, version, parsed.args, spec.rule);
  if (argErr) return err(argErr);
  if (!engine) {
    if (cmd === "version") return err(`${NO_DAEMON}\n`, 1, clientVersion(r));
    return err(`${NO_DAEMON}\n`);
  }
  const { flags, args } = parsed;
  switch (cmd) {
    case "ps":
      return psCommand(r, flags);
    case "images":
      return imagesCommand(r, flags, args);
    case "pull":
      return pullCommand(r, flags, args);
    case "stop":
    case "start":
    case "restart":
    case "rm":
      return lifecycle(r, cmd, flags, args);
    case "logs":
      return logsCommand(r, flags, args);
    case "inspect":
      return inspectCommand(r, flags, args);
    case "version":
      return versionCommand(r, flags);
    default:
      return infoCommand(r, flags);
  }
};

/** Exposed for tests and other components: run a daemon call's error as the CLI prints it. */
export function formatDaemonResult<T>(res: DaemonResult<T>): string | null {
  return res.ok ? null : daemonErr(res.error);
}
