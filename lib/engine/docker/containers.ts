// Containers: create, start, stop, remove, and their lifecycle replayed from the image's
// process plan (a container whose process exits is noticed lazily, on the next command).
import type { Millis } from "../clock";
import { findById } from "../images/catalogue";
import { childProcessCount, planProcess, processStatusAt, renderLogs } from "../images/process";
import type { CatalogueImage, LogLine } from "../images/types";
import { humanDuration, rfc3339Nano } from "./format";
import { generateName } from "./names";
import { attachEndpoint, checkRequestedIp, detachEndpoint, findNetwork, newEndpoint, type DaemonResult, type EngineEnv } from "./networks";
import type { ContainerState, DockerEngineState, PortBinding } from "./types";
import { engineFeatures } from "./versions";

const fail = <T>(error: string, notFound = false): DaemonResult<T> => (notFound ? { ok: false, error, notFound } : { ok: false, error });

/** Name, full ID, or unique ID prefix (the daemon's GetContainer). */
export function findContainer(engine: DockerEngineState, term: string): DaemonResult<ContainerState> {
  const name = term.startsWith("/") ? term.slice(1) : term;
  const exact = engine.containers.find((c) => c.id === term || c.name === name);
  if (exact) return { ok: true, value: exact };
  const prefix = term === "" ? [] : engine.containers.filter((c) => c.id.startsWith(term));
  if (prefix.length === 1) return { ok: true, value: prefix[0]! };
  if (prefix.length > 1) return fail(`Multiple IDs found with provided prefix: ${term}`);
  return fail(`No such container: ${term}`, true);
}

export interface CreateRequest {
  /** The image as named on the command line. */
  image: string;
  catalogueImage: CatalogueImage;
  name?: string;
  /** --network: "" for the default bridge. */
  network?: string;
  ip?: string;
  aliases?: string[];
  publish?: string[];
  env?: string[];
  autoRemove?: boolean;
  tty?: boolean;
  stdin?: boolean;
  hostname?: string;
  /** --entrypoint ("" clears it). */
  entrypoint?: string;
  args?: string[];
  labels?: Record<string, string>;
  restart?: string;
}

/** Parses -p values: "8080:80", "127.0.0.1:8080:80", "80", "8080:80/udp". */
export function parsePublish(spec: string, engine: DockerEngineState): DaemonResult<PortBinding> {
  const [main = "", proto = "tcp"] = spec.split("/");
  if (proto !== "tcp" && proto !== "udp" && proto !== "sctp") return fail(`invalid proto: ${proto}`);
  const parts = main.split(":");
  let hostIp = "";
  let hostPort = "";
  let containerPort = "";
  if (parts.length === 1) containerPort = parts[0]!;
  else if (parts.length === 2) [hostPort, containerPort] = parts as [string, string];
  else [hostIp, hostPort, containerPort] = parts as [string, string, string];
  if (!/^\d+$/.test(containerPort)) return fail(`invalid containerPort: ${containerPort}`);
  if (hostPort !== "" && !/^\d+$/.test(hostPort)) return fail(`invalid hostPort: ${hostPort}`);
  let port = Number(hostPort);
  if (hostPort === "") {
    // An ephemeral host port, deterministic: the next one not in use.
    const used = engine.containers.flatMap((c) => c.ports.map((p) => p.hostPort));
    port = Math.max(32767, ...used.filter((p) => p >= 32768)) + 1;
  }
  return { ok: true, value: { containerPort: Number(containerPort), protocol: proto === "udp" ? "udp" : "tcp", hostIp, hostPort: port } };
}

/** Creates a container (docker create): name, network and ports are checked here. */
export function createContainer(engine: DockerEngineState, req: CreateRequest, env: EngineEnv): DaemonResult<ContainerState> {
  const id = env.random.hex(64);
  let name = req.name ?? "";
  if (name !== "") {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(name)) return fail(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const taken = engine.containers.find((c) => c.name === name);
    if (taken) return fail(`Conflict. The container name "/${name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  } else {
    for (let retry = 0; ; retry++) {
      name = generateName(env.random, retry > 5 ? retry : 0);
      if (!engine.containers.some((c) => c.name === name)) break;
    }
  }
  const networkName = req.network && req.network !== "default" ? req.network : "bridge";
  const endpoints = [];
  let networkMode = req.network && req.network !== "" ? req.network : "default";
  if (networkName !== "host" && networkName !== "none") {
    const found = findNetwork(engine, networkName);
    if (!found.ok) return found;
    const network = found.value;
    if (network.driver === "host") networkMode = "host";
    else if (network.driver === "null") networkMode = "none";
    else {
      if (req.ip) {
        const ok = checkRequestedIp(engine, network, req.ip);
        if (!ok.ok) return ok;
      }
      const aliases = [...(req.aliases ?? [])];
      endpoints.push(newEndpoint(network, env, { ...(req.ip ? { ip: req.ip } : {}), aliases }));
    }
  } else if (req.ip) return fail("user specified IP address is supported on user defined networks only");
  const ports: PortBinding[] = [];
  for (const spec of req.publish ?? []) {
    const p = parsePublish(spec, engine);
    if (!p.ok) return p;
    ports.push(p.value);
  }
  const img = req.catalogueImage;
  const exposed = new Set([...img.config.exposedPorts, ...ports.map((p) => `${p.containerPort}/${p.protocol}`)]);
  const container: ContainerState = {
    id,
    name,
    image: req.image,
    imageId: img.id,
    created: rfc3339Nano(env.now, env.random.int(1_000_000)),
    createdAt: env.now,
    entrypoint: req.entrypoint !== undefined ? (req.entrypoint === "" ? null : [req.entrypoint]) : img.config.entrypoint,
    cmd: req.args && req.args.length > 0 ? req.args : req.entrypoint !== undefined ? null : img.config.cmd,
    entrypointOverridden: req.entrypoint !== undefined,
    env: [...mergeEnv(img.config.env, req.env ?? [])],
    hostname: req.hostname ?? (networkMode === "host" ? env.host.name : id.slice(0, 12)),
    tty: req.tty ?? false,
    openStdin: req.stdin ?? false,
    autoRemove: req.autoRemove ?? false,
    restartPolicy: req.restart ?? "no",
    labels: req.labels ?? {},
    ports,
    exposedPorts: [...exposed].sort(),
    networkMode,
    endpoints,
    status: "created",
    exitCode: 0,
    error: "",
    pid: 0,
    restartCount: 0,
    runs: [],
    extraLogs: [],
    ordinal: engine.containers.length === 0 ? 1 : Math.max(...engine.containers.map((c) => c.ordinal)) + 1,
  };
  engine.containers.push(container);
  return { ok: true, value: container };
}

function mergeEnv(base: string[], extra: string[]): string[] {
  const out = new Map<string, string>();
  for (const kv of [...base, ...extra]) {
    const i = kv.indexOf("=");
    out.set(i === -1 ? kv : kv.slice(0, i), kv);
  }
  return [...out.values()];
}

/** The OCI runtime's message when the process cannot be executed. */
export function ociNotFoundMessage(engine: DockerEngineState, executable: string, exec = false): string {
  if (engineFeatures(engine.version).modernOciErrors) {
    return exec
      ? `OCI runtime exec failed: exec failed: unable to start container process: exec: "${executable}": executable file not found in $PATH: unknown`
      : `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${executable}": executable file not found in $PATH: unknown`;
  }
  return exec
    ? `OCI runtime exec failed: exec failed: container_linux.go:380: starting container process caused: exec: "${executable}": executable file not found in $PATH: unknown`
    : `OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "${executable}": executable file not found in $PATH: unknown`;
}

/** Starts (or restarts) a container: endpoints get addresses, the process plan begins. */
export function startContainer(engine: DockerEngineState, c: ContainerState, env: EngineEnv): DaemonResult<void> {
  refreshEngine(engine, env.now);
  if (c.status === "running") return { ok: true, value: undefined };
  const image = findById(c.imageId);
  if (!image) return fail(`No such image: ${c.image}`);
  for (const e of c.endpoints) {
    const network = engine.networks.find((n) => n.id === e.networkId);
    if (!network) {
      c.status = c.status === "created" ? "created" : c.status;
      return fail(`network ${e.networkId} not found`);
    }
  }
  for (const e of c.endpoints) {
    const network = engine.networks.find((n) => n.id === e.networkId)!;
    const r = attachEndpoint(engine, network, e, env, e.requestedIp);
    if (!r.ok) {
      for (const x of c.endpoints) detachEndpoint(engine, x);
      return r;
    }
  }
  for (const p of c.ports) {
    const clash = engine.containers.find((o) => o !== c && o.status === "running" && o.ports.some((q) => q.hostPort === p.hostPort && q.protocol === p.protocol));
    if (clash) {
      for (const x of c.endpoints) detachEndpoint(engine, x);
      const ep = c.endpoints[0]?.endpointId ?? env.random.hex(64);
      return fail(`driver failed programming external connectivity on endpoint ${c.name} (${ep}): Bind for ${p.hostIp || "0.0.0.0"}:${p.hostPort} failed: port is already allocated`);
    }
  }
  const command = c.entrypointOverridden ? c.entrypoint ?? [] : null;
  const args = c.entrypointOverridden ? c.cmd ?? [] : c.cmd;
  const plan = planProcess(image, command && command.length > 0 ? command : null, args ?? [], c.env, {
    hostname: c.hostname,
    tty: c.tty,
    stdin: c.openStdin,
    ip: c.endpoints[0]?.ip || undefined,
  });
  if (plan.startError) {
    for (const x of c.endpoints) detachEndpoint(engine, x);
    c.exitCode = 127;
    c.error = ociNotFoundMessage(engine, plan.startError.executable);
    return fail(c.error);
  }
  c.status = "running";
  c.error = "";
  c.exitCode = 0;
  c.startedAt = env.now;
  delete c.finishedAt;
  // containerd starts a shim, the shim the container's process, which may start its own.
  c.shimPid = env.host.nextPid++;
  c.pid = env.host.nextPid++;
  const children = childProcessCount(image, plan);
  c.childPids = Array.from({ length: children }, () => env.host.nextPid++);
  c.runs.push({ startedAt: env.now, plan });
  if (c.runs.length > 5) c.runs.shift();
  return { ok: true, value: undefined };
}

function finish(engine: DockerEngineState, c: ContainerState, at: Millis, code: number): void {
  c.status = "exited";
  c.exitCode = code;
  c.finishedAt = at;
  c.pid = 0;
  delete c.shimPid;
  delete c.childPids;
  const run = c.runs[c.runs.length - 1];
  if (run) run.endedAt = at;
  for (const e of c.endpoints) detachEndpoint(engine, e);
}

/** Applies process exits that happened by `now`, and removes exited --rm containers. */
export function refreshEngine(engine: DockerEngineState, now: Millis): void {
  for (const c of engine.containers) {
    if (c.status !== "running") continue;
    const run = c.runs[c.runs.length - 1];
    if (!run) continue;
    const s = processStatusAt(run.plan, run.startedAt, now);
    if (s.state === "exited") finish(engine, c, s.at, s.code);
  }
  engine.containers = engine.containers.filter((c) => !(c.autoRemove && c.status === "exited"));
}

/**
 * docker stop: the stop signal, then SIGKILL after the grace period for a PID 1 that ignores it
 * (a shell or `sleep`), which is why those exit 137 after ten seconds.
 */
export function stopContainer(engine: DockerEngineState, c: ContainerState, now: Millis, graceMs = 10_000): { waitedMs: number } {
  refreshEngine(engine, now);
  if (c.status !== "running") return { waitedMs: 0 };
  const plan = c.runs[c.runs.length - 1]?.plan;
  if (plan?.handlesSigterm) {
    finish(engine, c, now, plan.sigtermExitCode);
    return { waitedMs: 100 };
  }
  finish(engine, c, now, 137);
  return { waitedMs: graceMs };
}

export function killContainer(engine: DockerEngineState, c: ContainerState, now: Millis): void {
  refreshEngine(engine, now);
  if (c.status === "running") finish(engine, c, now, 137);
}

export function removeContainer(engine: DockerEngineState, c: ContainerState, force: boolean, now: Millis): DaemonResult<void> {
  refreshEngine(engine, now);
  if (!engine.containers.includes(c)) return { ok: true, value: undefined };
  if (c.status === "running") {
    if (!force) {
      return fail(
        engineFeatures(engine.version).modernRunningRemove
          ? `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`
          : `You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`,
      );
    }
    finish(engine, c, now, 137);
  }
  engine.containers = engine.containers.filter((x) => x !== c);
  return { ok: true, value: undefined };
}

/** Everything the container has written, oldest first (all runs plus served requests). */
export function containerLogs(c: ContainerState, now: Millis, opts: { tail?: number; since?: Millis } = {}): LogLine[] {
  const lines: LogLine[] = [];
  for (const run of c.runs) lines.push(...renderLogs(run.plan, run.startedAt, run.endedAt ?? now, opts.since !== undefined ? { since: opts.since } : {}));
  for (const l of c.extraLogs) if (l.at <= now && (opts.since === undefined || l.at >= opts.since)) lines.push(l);
  lines.sort((a, b) => a.at - b.at);
  return opts.tail !== undefined && opts.tail >= 0 ? lines.slice(Math.max(0, lines.length - opts.tail)) : lines;
}

/** The STATUS column of `docker ps`. */
export function statusText(c: ContainerState, now: Millis): string {
  if (c.status === "running") return `Up ${humanDuration(now - (c.startedAt ?? now))}`;
  if (c.status === "created") return "Created";
  if (c.status === "dead") return "Dead";
  return `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? now))} ago`;
}

/** The PORTS column of `docker ps`. */
export function portsText(engine: DockerEngineState, c: ContainerState): string {
  const modern = engineFeatures(engine.version).randomMac; // IPv6 brackets came with Engine 26 too
  const out: string[] = [];
  const published = new Set<string>();
  if (c.status === "running") {
    for (const p of [...c.ports].sort((a, b) => a.containerPort - b.containerPort)) {
      published.add(`${p.containerPort}/${p.protocol}`);
      if (p.hostIp) out.push(`${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.protocol}`);
      else out.push(`0.0.0.0:${p.hostPort}->${p.containerPort}/${p.protocol}`, `${modern ? "[::]" : ":::"}:${p.hostPort}->${p.containerPort}/${p.protocol}`);
    }
  }
  if (c.status === "running") for (const e of c.exposedPorts) if (!published.has(e)) out.push(e);
  return out.join(", ");
}
