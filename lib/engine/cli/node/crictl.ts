// crictl 1.31 talking to containerd 1.7 on a Kubernetes node: ps, pods, images, logs, inspect,
// inspectp, inspecti, info and version, from the runtime state the kubelet keeps for the node
// (runtime-view.ts). It needs root (the socket is root's) and a running containerd.
import type { Millis } from "../../clock";
import type { HostState } from "../../hosts/types";
import type { Command, CommandContext, CommandResult } from "../../shell/types";
import type { World } from "../../world";
import { containerLogs } from "../../kubelet/kubelet";
import { humanDuration, humanSize, tabwrite } from "../../docker";
import { goRfc3339Nano, jitter, klogHeader } from "./format";
import { byIdPrefix, criPids, nodeRuntime, SANDBOX_IMAGE, shimPid, type CriContainer, type CriImage, type CriSandbox, type NodeRuntime } from "./runtime-view";
import { parseTimestamp } from "./journalctl";

export const CRICTL_VERSION = "v1.31.1";
const ENDPOINT = "unix:///run/containerd/containerd.sock";

interface Flag {
  name: string;
  alias?: string;
  bool?: boolean;
}

type Flags = Record<string, string | true>;

/** urfave/cli flags: -x and --x alike, values as --x=v or --x v, bool flags combined (-aq). */
function parseFlags(args: string[], specs: Flag[]): { ok: true; flags: Flags; args: string[] } | { ok: false; error: string } {
  const flags: Flags = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      rest.push(a);
      continue;
    }
    const body = a.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.slice(0, eq);
    let spec = specs.find((s) => s.name === name || s.alias === name);
    if (!spec && !a.startsWith("--") && name.length > 1 && [...name].every((ch) => specs.some((s) => s.alias === ch && s.bool))) {
      for (const ch of name) flags[specs.find((s) => s.alias === ch)!.name] = true;
      continue;
    }
    if (!spec) return { ok: false, error: `flag provided but not defined: -${name}` };
    if (spec.bool) {
      flags[spec.name] = true;
      continue;
    }
    if (eq >= 0) flags[spec.name] = body.slice(eq + 1);
    else if (i + 1 < args.length) flags[spec.name] = args[++i]!;
    else return { ok: false, error: `flag needs an argument: -${name}` };
    spec = undefined;
  }
  return { ok: true, flags, args: rest };
}

const str = (f: Flags, k: string): string | undefined => (typeof f[k] === "string" ? (f[k] as string) : undefined);

interface Out {
  stdout: string;
  stderr: string;
  tty: boolean;
}

/** logrus on a terminal: "FATA[0000] message" (the message padded to 44 columns). */
function fatal(o: Out, message: string): CommandResult {
  const level = o.tty ? "\x1b[31mFATA\x1b[0m" : "FATA";
  return { stdout: o.stdout, stderr: `${o.stderr}${level}[0000] ${message.padEnd(44)} \n`, exitCode: 1 };
}

/** The error crictl stops with when it cannot talk to containerd over its socket. */
function dialError(why: "no such file or directory" | "permission denied"): string {
  const socket = "/run/containerd/containerd.sock";
  return `validate service connection: validate CRI v1 runtime API for endpoint "${ENDPOINT}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${socket}: connect: ${why}"`;
}

function connectError(host: HostState, user: string): string | undefined {
  const containerd = host.units.containerd;
  if (!containerd || containerd.active !== "active") return dialError("no such file or directory");
  if (user !== "root") return dialError("permission denied");
  return undefined;
}

/** Sub-millisecond digits for a time containerd would know to the nanosecond. */
const nanos = (seed: string) => jitter(seed, 1_000_000);

const ago = (at: Millis, now: Millis) => `${humanDuration(Math.max(0, now - at))} ago`;
const trunc = (id: string, noTrunc: boolean) => (noTrunc ? id : id.replace(/^sha256:/, "").slice(0, 13));

const STATE_NAMES: Record<CriContainer["state"], string> = { CONTAINER_CREATED: "Created", CONTAINER_RUNNING: "Running", CONTAINER_EXITED: "Exited", CONTAINER_UNKNOWN: "Unknown" };

function regex(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined || pattern === "") return undefined;
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function limitRecent<T>(items: T[], f: Flags): T[] {
  if (f.latest === true) return items.slice(0, 1);
  const n = Number(str(f, "last") ?? 0);
  return n > 0 ? items.slice(0, n) : items;
}

function containerLabels(c: CriContainer): Record<string, string> {
  return {
    "io.kubernetes.container.name": c.name,
    "io.kubernetes.pod.name": c.sandbox.name,
    "io.kubernetes.pod.namespace": c.sandbox.namespace,
    "io.kubernetes.pod.uid": c.sandbox.uid,
  };
}

function logPath(c: CriContainer): string {
  return `/var/log/pods/${c.sandbox.namespace}_${c.sandbox.name}_${c.sandbox.uid}/${c.name}/${c.attempt}.log`;
}

// ---- ps ----

const PS_FLAGS: Flag[] = [
  { name: "all", alias: "a", bool: true },
  { name: "quiet", alias: "q", bool: true },
  { name: "no-trunc", bool: true },
  { name: "verbose", alias: "v", bool: true },
  { name: "latest", alias: "l", bool: true },
  { name: "last", alias: "n" },
  { name: "name" },
  { name: "pod", alias: "p" },
  { name: "state", alias: "s" },
  { name: "image" },
  { name: "id" },
  { name: "label" },
  { name: "output", alias: "o" },
  { name: "resolve-image-path", alias: "r", bool: true },
];

function ps(rt: NodeRuntime, f: Flags, now: Millis, o: Out): CommandResult {
  const state = str(f, "state")?.toLowerCase();
  const wanted: Record<string, CriContainer["state"]> = { created: "CONTAINER_CREATED", running: "CONTAINER_RUNNING", exited: "CONTAINER_EXITED", unknown: "CONTAINER_UNKNOWN" };
  if (state !== undefined && !wanted[state]) return fatal(o, "listing containers: --state should be one of created, running, exited or unknown");
  const nameRe = regex(str(f, "name"));
  const pod = str(f, "pod");
  const image = str(f, "image");
  const id = str(f, "id");
  let list = rt.containers.filter((c) => {
    if (f.latest !== true && !str(f, "last")) {
      if (state !== undefined ? c.state !== wanted[state] : f.all !== true && c.state !== "CONTAINER_RUNNING") return false;
    }
    if (nameRe && !nameRe.test(c.name)) return false;
    if (pod && !c.sandbox.id.startsWith(pod)) return false;
    if (id && !c.id.startsWith(id)) return false;
    if (image && !(c.imageRef === image || c.imageRef.startsWith(`${image}:`) || c.image?.id.replace("sha256:", "").startsWith(image.replace("sha256:", "")) || c.imageRef.includes(`/${image}`))) return false;
    return true;
  });
  list = limitRecent(list.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1)), f);
  const noTrunc = f["no-trunc"] === true;
  if (f.quiet === true) return { stdout: list.map((c) => `${c.id}\n`).join(""), stderr: "", exitCode: 0 };
  if (str(f, "output") === "json") {
    const items = list.map((c) => ({
      id: c.id,
      podSandboxId: c.sandbox.id,
      metadata: { name: c.name, attempt: c.attempt },
      image: { image: c.image?.id ?? "", annotations: {}, userSpecifiedImage: "", runtimeHandler: "" },
      imageRef: c.image?.id ?? "",
      state: c.state,
      createdAt: String(c.createdAt * 1_000_000),
      labels: containerLabels(c),
      annotations: {},
    }));
    return { stdout: `${JSON.stringify({ containers: items }, null, 2)}\n`, stderr: "", exitCode: 0 };
  }
  if (f.verbose === true) {
    let out = "";
    for (const c of list) {
      out += `ID: ${c.id}\nPodID: ${c.sandbox.id}\nName: ${c.name}\nAttempt: ${c.attempt}\nState: ${STATE_NAMES[c.state]}\nImage: ${c.image?.id ?? ""}\nCreated: ${ago(c.createdAt, now)}\nLabels:\n`;
      for (const [k, v] of Object.entries(containerLabels(c)).sort()) out += `\t${k} -> ${v}\n`;
      out += "\n";
    }
    return { stdout: out, stderr: "", exitCode: 0 };
  }
  const rows = [["CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD"]];
  for (const c of list) {
    const img = f["resolve-image-path"] === true ? c.imageRef : trunc(c.image?.id ?? c.imageRef, noTrunc);
    rows.push([trunc(c.id, noTrunc), img, ago(c.createdAt, now), STATE_NAMES[c.state], c.name, String(c.attempt), trunc(c.sandbox.id, noTrunc), c.sandbox.name]);
  }
  return { stdout: tabwrite(rows, 20, 3), stderr: "", exitCode: 0 };
}

// ---- pods ----

const PODS_FLAGS: Flag[] = [
  { name: "quiet", alias: "q", bool: true },
  { name: "no-trunc", bool: true },
  { name: "verbose", alias: "v", bool: true },
  { name: "latest", alias: "l", bool: true },
  { name: "last", alias: "n" },
  { name: "name" },
  { name: "namespace" },
  { name: "state", alias: "s" },
  { name: "id" },
  { name: "label" },
  { name: "output", alias: "o" },
];

function podLabels(s: CriSandbox): Record<string, string> {
  return {
    ...((s.pod?.metadata.labels as Record<string, string> | undefined) ?? {}),
    "io.kubernetes.pod.name": s.name,
    "io.kubernetes.pod.namespace": s.namespace,
    "io.kubernetes.pod.uid": s.uid,
  };
}

function pods(rt: NodeRuntime, f: Flags, now: Millis, o: Out): CommandResult {
  const state = str(f, "state")?.toLowerCase();
  if (state !== undefined && state !== "ready" && state !== "notready") return fatal(o, "listing pod sandboxes: state should be ready or notready");
  const nameRe = regex(str(f, "name"));
  const nsRe = regex(str(f, "namespace"));
  const id = str(f, "id");
  let list = rt.sandboxes.filter((s) => {
    if (state === "ready" && s.state !== "SANDBOX_READY") return false;
    if (state === "notready" && s.state !== "SANDBOX_NOTREADY") return false;
    if (nameRe && !nameRe.test(s.name)) return false;
    if (nsRe && !nsRe.test(s.namespace)) return false;
    if (id && !s.id.startsWith(id)) return false;
    return true;
  });
  list = limitRecent(list.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1)), f);
  const noTrunc = f["no-trunc"] === true;
  if (f.quiet === true) return { stdout: list.map((s) => `${s.id}\n`).join(""), stderr: "", exitCode: 0 };
  if (f.verbose === true) {
    let out = "";
    for (const s of list) {
      out += `ID: ${s.id}\nName: ${s.name}\nUID: ${s.uid}\nNamespace: ${s.namespace}\nStatus: ${s.state}\nCreated: ${ago(s.createdAt, now)}\nLabels:\n`;
      for (const [k, v] of Object.entries(podLabels(s)).sort()) out += `\t${k} -> ${v}\n`;
      out += "\n";
    }
    return { stdout: out, stderr: "", exitCode: 0 };
  }
  const rows = [["POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"]];
  for (const s of list) rows.push([trunc(s.id, noTrunc), ago(s.createdAt, now), s.state === "SANDBOX_READY" ? "Ready" : "NotReady", s.name, s.namespace, String(s.attempt), "(default)"]);
  return { stdout: tabwrite(rows, 20, 3), stderr: "", exitCode: 0 };
}

// ---- images ----

const IMAGES_FLAGS: Flag[] = [
  { name: "quiet", alias: "q", bool: true },
  { name: "no-trunc", bool: true },
  { name: "digests", bool: true },
  { name: "verbose", alias: "v", bool: true },
  { name: "output", alias: "o" },
  { name: "pinned", bool: true },
];

function images(rt: NodeRuntime, f: Flags, filter: string | undefined): CommandResult {
  const list = rt.images.filter((i) => !filter || i.repoTags.some((t) => t === filter || t.startsWith(`${filter}:`) || t.endsWith(`/${filter}`) || t.includes(`/${filter}:`) || t === `docker.io/library/${filter}:latest`));
  const noTrunc = f["no-trunc"] === true;
  if (f.quiet === true) return { stdout: list.map((i) => `${i.id}\n`).join(""), stderr: "", exitCode: 0 };
  if (f.verbose === true) {
    let out = "";
    for (const i of list) {
      out += `ID: ${i.id}\n${i.repoTags.map((t) => `RepoTags: ${t}\n`).join("")}${i.repoDigests.map((d) => `RepoDigests: ${d}\n`).join("")}Size: ${i.size}\n\n`;
    }
    return { stdout: out, stderr: "", exitCode: 0 };
  }
  const digests = f.digests === true;
  const rows = [digests ? ["IMAGE", "TAG", "DIGEST", "IMAGE ID", "SIZE"] : ["IMAGE", "TAG", "IMAGE ID", "SIZE"]];
  for (const i of list) {
    for (const tag of i.repoTags) {
      const cut = tag.lastIndexOf(":");
      const repo = tag.slice(0, cut);
      const t = tag.slice(cut + 1);
      const digest = trunc(i.repoDigests[0]?.split("@")[1] ?? "", noTrunc);
      const row = [repo, t];
      if (digests) row.push(digest);
      row.push(trunc(i.id, noTrunc), humanSize(i.size));
      rows.push(row);
    }
  }
  return { stdout: tabwrite(rows, 20, 3), stderr: "", exitCode: 0 };
}

// ---- inspect ----

function containerJson(c: CriContainer, pids: Map<string, number>): Record<string, unknown> {
  const zero = "0001-01-01T00:00:00Z";
  const exited = c.state === "CONTAINER_EXITED";
  return {
    status: {
      id: c.id,
      metadata: { attempt: c.attempt, name: c.name },
      state: c.state,
      // containerd creates the container a few milliseconds before it starts it.
      createdAt: goRfc3339Nano(c.createdAt - 12, nanos(`${c.id}/created`)),
      startedAt: c.state === "CONTAINER_CREATED" ? zero : goRfc3339Nano(c.startedAt, nanos(`${c.id}/started`)),
      finishedAt: exited && c.finishedAt !== undefined ? goRfc3339Nano(c.finishedAt, nanos(`${c.id}/finished`)) : zero,
      exitCode: c.exitCode,
      image: { annotations: {}, image: c.imageRef, runtimeHandler: "", userSpecifiedImage: "" },
      imageRef: c.image ? `${c.image.repository}@${c.image.digest}` : c.imageRef,
      reason: c.reason,
      message: c.message,
      labels: containerLabels(c),
      annotations: {
        "io.kubernetes.container.restartCount": String(c.attempt),
        "io.kubernetes.container.terminationMessagePath": "/dev/termination-log",
        "io.kubernetes.container.terminationMessagePolicy": "File",
        "io.kubernetes.pod.terminationGracePeriod": String(c.sandbox.pod?.spec?.terminationGracePeriodSeconds ?? 30),
      },
      mounts: [],
      logPath: logPath(c),
      user: { linux: { gid: "0", supplementalGroups: ["0"], uid: "0" } },
    },
    info: {
      sandboxID: c.sandbox.id,
      pid: c.state === "CONTAINER_RUNNING" ? (pids.get(c.id) ?? shimPid(c.id) + 37) : 0,
      removing: false,
      snapshotKey: c.id,
      snapshotter: "overlayfs",
      runtimeType: "io.containerd.runc.v2",
      runtimeOptions: { systemd_cgroup: true },
      config: {
        metadata: { attempt: c.attempt, name: c.name },
        image: { image: c.image?.id ?? c.imageRef },
        ...(c.spec?.command ? { command: c.spec.command } : {}),
        ...(c.spec?.args ? { args: c.spec.args } : {}),
        envs: (c.spec?.env ?? []).filter((e) => e.value !== undefined).map((e) => ({ key: e.name, value: e.value })),
        log_path: `${c.name}/${c.attempt}.log`,
        linux: { security_context: { namespace_options: { pid: 1 } } },
      },
    },
  };
}

function sandboxJson(s: CriSandbox, pids: Map<string, number>): Record<string, unknown> {
  return {
    status: {
      id: s.id,
      metadata: { attempt: s.attempt, name: s.name, namespace: s.namespace, uid: s.uid },
      state: s.state,
      createdAt: goRfc3339Nano(s.createdAt, nanos(`${s.id}/created`)),
      network: { additionalIps: [], ip: s.ip },
      linux: { namespaces: { options: { ipc: "POD", network: s.hostNetwork ? "NODE" : "POD", pid: "CONTAINER", targetId: "", usernsOptions: null } } },
      labels: { ...podLabels(s), "io.kubernetes.pod.name": s.name },
      annotations: { "kubernetes.io/config.source": s.runtime.staticFile ? "file" : "api" },
      runtimeHandler: "",
    },
    info: {
      pid: s.state === "SANDBOX_READY" ? (pids.get(s.id) ?? shimPid(s.id) + 21) : 0,
      processStatus: s.state === "SANDBOX_READY" ? "running" : "stopped",
      netNamespaceClosed: s.state !== "SANDBOX_READY",
      image: SANDBOX_IMAGE,
      snapshotKey: s.id,
      snapshotter: "overlayfs",
      runtimeHandler: "",
      runtimeType: "io.containerd.runc.v2",
      runtimeOptions: { systemd_cgroup: true },
    },
  };
}

function imageJson(i: CriImage): Record<string, unknown> {
  return {
    status: { id: i.id, repoTags: i.repoTags, repoDigests: i.repoDigests, size: String(i.size), uid: null, username: "", spec: null, pinned: i.repoTags.some((t) => t.startsWith("registry.k8s.io/pause:")) },
    info: { chainID: `sha256:${i.image.layers.at(-1)?.replace("sha256:", "") ?? ""}`, imageSpec: { created: i.image.created, architecture: i.image.architecture, os: i.image.os, config: { Env: i.image.config.env, Entrypoint: i.image.config.entrypoint, Cmd: i.image.config.cmd, WorkingDir: i.image.config.workingDir } } },
  };
}

/** The cri-client's klog line, then crictl's own fatal error, for an id containerd does not know. */
function notFound(o: Out, host: HostState, now: Millis, kind: "ContainerStatus" | "PodSandboxStatus", id: string, wrap: (err: string) => string): CommandResult {
  const what = kind === "ContainerStatus" ? "container" : "sandbox";
  const err = `rpc error: code = NotFound desc = an error occurred when try to find ${what} "${id}": not found`;
  const pid = host.nextPid++;
  const idKey = kind === "ContainerStatus" ? "containerID" : "podSandboxID";
  o.stderr += `${klogHeader("E", now, jitter(`${id}/${pid}`), pid, "log.go:32")}"${kind} from runtime service failed" err="${err.replace(/"/g, '\\"')}" ${idKey}="${id}"\n`;
  return fatal(o, wrap(err));
}

function inspect(rt: NodeRuntime, kind: "inspect" | "inspectp" | "inspecti", ids: string[], host: HostState, now: Millis, o: Out): CommandResult {
  const docs: Record<string, unknown>[] = [];
  // The same process ids ps shows for these processes.
  const pids = criPids(rt);
  for (const id of ids) {
    if (kind === "inspect") {
      const r = byIdPrefix(rt.containers, id);
      if (!r.ok) return notFound(o, host, now, "ContainerStatus", id, (e) => `getting the status of the container "${id}": ${e}`);
      docs.push(containerJson(r.item, pids));
    } else if (kind === "inspectp") {
      const r = byIdPrefix(rt.sandboxes, id);
      if (!r.ok) return notFound(o, host, now, "PodSandboxStatus", id, (e) => `getting the pod sandbox status of "${id}": ${e}`);
      docs.push(sandboxJson(r.item, pids));
    } else {
      const img = rt.images.find((i) => i.id === id || i.id.replace("sha256:", "").startsWith(id.replace("sha256:", "")) || i.repoTags.some((t) => t === id || t === `docker.io/library/${id}:latest` || t.endsWith(`/${id}`) || t === `docker.io/library/${id}`));
      if (!img) return fatal(o, `no such image "${id}" present`);
      docs.push(imageJson(img));
    }
  }
  return { stdout: docs.map((d) => `${JSON.stringify(d, null, 2)}\n`).join(""), stderr: o.stderr, exitCode: 0 };
}

// ---- logs ----

const LOGS_FLAGS: Flag[] = [
  { name: "follow", alias: "f", bool: true },
  { name: "previous", alias: "p", bool: true },
  { name: "timestamps", alias: "t", bool: true },
  { name: "tail" },
  { name: "since" },
  { name: "limit-bytes" },
  { name: "stream", alias: "s" },
  { name: "reopen", alias: "r", bool: true },
];

function logs(ctx: CommandContext<World>, rt: NodeRuntime, f: Flags, args: string[], o: Out): CommandResult {
  const id = args[0];
  if (!id) return fatal(o, "ID cannot be empty");
  const now = ctx.world.now();
  const r = byIdPrefix(rt.containers, id);
  if (!r.ok) return notFound(o, ctx.host, now, "ContainerStatus", id, (e) => e);
  const c = r.item;
  const pod = c.sandbox.pod;
  if (!pod) return fatal(o, `failed to try resolving symlinks in path "${logPath(c)}": lstat ${logPath(c)}: no such file or directory`);
  const tailText = str(f, "tail");
  const tail = tailText !== undefined && Number(tailText) >= 0 ? Number(tailText) : undefined;
  const sinceText = str(f, "since");
  let since: Millis | undefined;
  if (sinceText !== undefined) {
    const rel = /^(\d+)(s|m|h)$/.exec(sinceText);
    since = rel ? now - Number(rel[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[rel[2] as "s" | "m" | "h"] : parseTimestamp(sinceText.replace("T", " "), now);
    if (since === undefined) return fatal(o, `failed to parse value as time or duration: "${sinceText}"`);
  }
  const previous = f.previous === true || !c.current;
  if (f.previous === true && c.attempt === 0) return fatal(o, `previous terminated container ${c.name} not found`);
  const result = containerLogs(ctx.world.sandbox.cluster, pod, c.name, { ...(previous ? { previous: true } : {}), ...(tail !== undefined ? { tail } : {}), ...(since !== undefined ? { since } : {}) });
  if (!result.ok) return { stdout: "", stderr: "", exitCode: 0 };
  const stamp = f.timestamps === true;
  const line = (l: { at: number; text: string }) => `${stamp ? `${goRfc3339Nano(l.at, nanos(`${c.id}/${l.at}/${l.text}`))} ` : ""}${l.text}\n`;
  let out = result.lines.map(line).join("");
  if (f.follow === true && !previous) {
    // Follow for a few seconds of virtual time, then stop as an interrupt would.
    const from = now;
    ctx.world.advance(5000);
    const more = containerLogs(ctx.world.sandbox.cluster, pod, c.name, { since: from + 1 });
    if (more.ok) out += more.lines.filter((l) => l.at > from).map(line).join("");
  }
  return { stdout: out, stderr: "", exitCode: 0 };
}

// ---- info, version ----

function info(): string {
  const data = {
    status: {
      conditions: [
        { type: "RuntimeReady", status: true, reason: "", message: "" },
        { type: "NetworkReady", status: true, reason: "", message: "" },
        { type: "ContainerdHasNoDeprecationWarnings", status: true, reason: "", message: "" },
      ],
    },
    cniconfig: {
      PluginDirs: ["/opt/cni/bin"],
      PluginConfDir: "/etc/cni/net.d",
      PluginMaxConfNum: 1,
      Prefix: "eth",
      Networks: [
        { Config: { Name: "cni-loopback", CNIVersion: "0.3.1", Plugins: [{ Network: { type: "loopback", ipam: {}, dns: {} }, Source: '{"type":"loopback"}' }], Source: '{\n"cniVersion": "0.3.1",\n"name": "cni-loopback",\n"plugins": [{\n  "type": "loopback"\n}]\n}' }, IFName: "lo" },
        { Config: { Name: "k8s-pod-network", CNIVersion: "0.3.1", Plugins: ["calico", "portmap", "bandwidth"].map((type) => ({ Network: { type, ipam: {}, dns: {} }, Source: `{"type":"${type}"}` })), Source: "" }, IFName: "eth0" },
      ],
    },
    config: {
      containerd: { snapshotter: "overlayfs", defaultRuntimeName: "runc", runtimes: { runc: { runtimeType: "io.containerd.runc.v2", options: { SystemdCgroup: true } } } },
      cni: { binDir: "/opt/cni/bin", confDir: "/etc/cni/net.d", maxConfNum: 1 },
      sandboxImage: SANDBOX_IMAGE,
      enableSelinux: false,
      containerdRootDir: "/var/lib/containerd",
      containerdEndpoint: "/run/containerd/containerd.sock",
      rootDir: "/var/lib/containerd/io.containerd.grpc.v1.cri",
      stateDir: "/run/containerd/io.containerd.grpc.v1.cri",
    },
    golang: "go1.22.9",
    lastCNILoadStatus: "OK",
    "lastCNILoadStatus.default": "OK",
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

const HELP = `NAME:
   crictl - client for CRI

USAGE:
   crictl [global options] command [command options]

VERSION:
   ${CRICTL_VERSION}

COMMANDS:
   images, image, img  List images
   info                Display information of the container runtime
   inspect             Display the status of one or more containers
   inspecti            Return the status of one or more images
   inspectp            Display the status of one or more pods
   logs                Fetch the logs of a container
   pods                List pods
   ps                  List containers
   version             Display runtime version information
   help, h             Shows a list of commands or help for one command

GLOBAL OPTIONS:
   --config value, -c value            Location of the client config file. If not specified and the default does not exist, the program's directory is searched as well (default: "/etc/crictl.yaml") [$CRI_CONFIG_FILE]
   --debug, -D                         Enable debug mode (default: false)
   --image-endpoint value, -i value    Endpoint of CRI image manager service (default: uses 'runtime-endpoint' setting) [$IMAGE_SERVICE_ENDPOINT]
   --runtime-endpoint value, -r value  Endpoint of CRI container runtime service (default: uses in order the first successful one of [unix:///run/containerd/containerd.sock unix:///run/crio/crio.sock unix:///var/run/cri-dockerd.sock]). Default is now deprecated and the endpoint should be set instead. [$CONTAINER_RUNTIME_ENDPOINT]
   --timeout value, -t value           Timeout of connecting to the server in seconds (e.g. 2s, 20s.). 0 or less is set to default (default: 2s)
   --help, -h                          show help
   --version, -v                       print the version
`;

const GLOBAL_FLAGS: Flag[] = [
  { name: "config", alias: "c" },
  { name: "debug", alias: "D", bool: true },
  { name: "image-endpoint", alias: "i" },
  { name: "runtime-endpoint", alias: "r" },
  { name: "timeout", alias: "t" },
  { name: "help", alias: "h", bool: true },
  { name: "version", alias: "v", bool: true },
];

const COMMAND_FLAGS: Record<string, Flag[]> = {
  ps: PS_FLAGS,
  pods: PODS_FLAGS,
  images: IMAGES_FLAGS,
  image: IMAGES_FLAGS,
  img: IMAGES_FLAGS,
  logs: LOGS_FLAGS,
  inspect: [{ name: "output", alias: "o" }, { name: "quiet", alias: "q", bool: true }, { name: "template" }],
  inspectp: [{ name: "output", alias: "o" }, { name: "quiet", alias: "q", bool: true }, { name: "template" }],
  inspecti: [{ name: "output", alias: "o" }, { name: "quiet", alias: "q", bool: true }, { name: "template" }],
  info: [{ name: "output", alias: "o" }, { name: "quiet", alias: "q", bool: true }, { name: "template" }],
  version: [],
};

/** Real crictl commands this terminal does not simulate (they change the runtime behind the kubelet's back). */
const UNMODELLED = new Set(["attach", "create", "exec", "port-forward", "rm", "rmi", "rmp", "run", "runp", "start", "stats", "statsp", "stop", "stopp", "update", "pull", "config", "events", "imagefsinfo", "checkpoint", "metricsp", "completion", "update-runtime-config"]);

export const crictlCommand: Command<World> = (ctx) => {
  const o: Out = { stdout: "", stderr: "", tty: ctx.stdoutIsTty ?? false };
  // Global options come before the command.
  let i = 0;
  const globals: string[] = [];
  while (i < ctx.args.length && ctx.args[i]!.startsWith("-")) {
    const a = ctx.args[i]!;
    globals.push(a);
    const spec = GLOBAL_FLAGS.find((s) => `--${s.name}` === a || `-${s.alias}` === a || `-${s.name}` === a);
    if (spec && !spec.bool && !a.includes("=") && i + 1 < ctx.args.length) globals.push(ctx.args[++i]!);
    i++;
  }
  const g = parseFlags(globals, GLOBAL_FLAGS);
  if (!g.ok) return { stdout: `Incorrect Usage: ${g.error}\n\n`, stderr: fatal(o, g.error).stderr, exitCode: 1 };
  if (g.flags.version === true) return { stdout: `crictl version ${CRICTL_VERSION}\n`, stderr: "", exitCode: 0 };
  const command = ctx.args[i];
  if (command === undefined || g.flags.help === true || command === "help" || command === "h") return { stdout: HELP, stderr: "", exitCode: 0 };
  const specs = COMMAND_FLAGS[command];
  if (!specs && UNMODELLED.has(command)) return fatal(o, `crictl ${command} is not available in this terminal`);
  if (!specs) return { stdout: "", stderr: `No help topic for '${command}'\n`, exitCode: 3 };
  const parsed = parseFlags(ctx.args.slice(i + 1), specs);
  if (!parsed.ok) return { stdout: `Incorrect Usage: ${parsed.error}\n\n`, stderr: fatal(o, parsed.error).stderr, exitCode: 1 };
  const { flags, args } = parsed;

  const denied = connectError(ctx.host, ctx.user);
  if (denied) return fatal(o, denied);
  const rt = nodeRuntime(ctx.world, ctx.host);
  // A machine without a kubelet has no CRI runtime listening.
  if (!rt) return fatal(o, dialError("no such file or directory"));
  const now = ctx.world.now();
  switch (command) {
    case "ps":
      return ps(rt, flags, now, o);
    case "pods":
      return pods(rt, flags, now, o);
    case "images":
    case "image":
    case "img":
      return images(rt, flags, args[0]);
    case "inspect":
    case "inspectp":
    case "inspecti":
      if (args.length === 0) return fatal(o, "ID cannot be empty");
      return inspect(rt, command, args, ctx.host, now, o);
    case "logs":
      return logs(ctx, rt, flags, args, o);
    case "info":
      return { stdout: info(), stderr: "", exitCode: 0 };
    default:
      return { stdout: "Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.7.24\nRuntimeApiVersion:  v1\n", stderr: "", exitCode: 0 };
  }
};
