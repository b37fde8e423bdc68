// Startup, liveness and readiness probes, evaluated against the containers' process models.
// Probes are not polled forever: a probe is scheduled tick by tick only while its outcome can
// matter (until the first success, or while it fails); results depend only on the process
// model, so skipping ticks that could only succeed again changes nothing anyone can observe.
import type { Container, KubeObject, Probe } from "../api/types";
import type { Cluster } from "../cluster";
import { httpResponse, isListening, processStatusAt, resolveImage } from "../images";
import { containerSpec, processPlan, type ContainerRuntime, type PodRuntime, type RuntimeHost, ref } from "./runtime";

export type ProbeKind = "startup" | "liveness" | "readiness";

const LABEL: Record<ProbeKind, string> = { startup: "Startup", liveness: "Liveness", readiness: "Readiness" };
const FIELD: Record<ProbeKind, "startupProbe" | "livenessProbe" | "readinessProbe"> = { startup: "startupProbe", liveness: "livenessProbe", readiness: "readinessProbe" };

export function probeOf(spec: Container | undefined, kind: ProbeKind): Probe | undefined {
  return spec?.[FIELD[kind]] as Probe | undefined;
}

const seconds = (v: number | undefined, d: number) => (typeof v === "number" ? v : d) * 1000;

/**
 * The kubelet's probe workers start when the pod is admitted and tick every period from then;
 * a tick before the container runs, or within initialDelaySeconds of its start, does nothing.
 * So the first real probe is the first tick after start + initialDelay (a pod with a readiness
 * probe typically turns Ready a few seconds after its container starts).
 */
function firstTick(pod: PodRuntime, c: ContainerRuntime, probe: Probe, now: number): number {
  const period = seconds(probe.periodSeconds, 10);
  const origin = pod.admittedAt ?? now;
  const earliest = Math.max(now, (c.startedAt ?? now) + seconds(probe.initialDelaySeconds, 0));
  const k = Math.max(0, Math.ceil((earliest - origin) / period));
  return origin + k * period;
}

/** Schedules the first tick of each probe the container has (startup first, holding back the rest). */
export function armProbes(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime) {
  const spec = containerSpec(podObj, c.name);
  const kinds: ProbeKind[] = c.startupDone ? ["liveness", "readiness"] : ["startup"];
  for (const kind of kinds) {
    const probe = probeOf(spec, kind);
    if (!probe) {
      // Without a readiness probe a started container is ready at once.
      if (kind === "readiness") c.ready = c.started;
      continue;
    }
    cluster.schedule(firstTick(pod, c, probe, cluster.now()), "kubelet.probe", { ...ref(host, pod, c), kind });
  }
}

/** Which files a container's shell script creates and removes over time (touch, rm, redirects). */
export function fileTimeline(argv: string[]): { path: string; from: number; to?: number }[] {
  const script = argv.length >= 3 && /(^|\/)(ba)?sh$/.test(argv[0]!) && argv[1] === "-c" ? argv.slice(2).join(" ") : argv.join(" ");
  const files: { path: string; from: number; to?: number }[] = [];
  let t = 0;
  for (const raw of script.split(/;|&&|\n/)) {
    const cmd = raw.trim().split(/\s+/);
    if (cmd[0] === "sleep" && /^\d+(\.\d+)?$/.test(cmd[1] ?? "")) t += Number(cmd[1]) * 1000;
    else if (cmd[0] === "touch") for (const p of cmd.slice(1)) files.push({ path: p, from: t });
    else if (cmd[0] === "rm") for (const p of cmd.slice(1).filter((a) => !a.startsWith("-"))) for (const f of files) if (f.path === p && f.to === undefined) f.to = t;
    const redirect = /(?:^|\s)>{1,2}\s*(\S+)/.exec(raw);
    if (redirect && cmd[0] !== "rm") files.push({ path: redirect[1]!, from: t });
  }
  return files;
}

interface Outcome {
  ok: boolean;
  message: string;
}

function resolvePort(spec: Container, port: number | string): number | undefined {
  if (typeof port === "number") return port;
  if (/^\d+$/.test(port)) return Number(port);
  return spec.ports?.find((p) => p.name === port)?.containerPort;
}

/** Runs one probe against the container as it is now. */
export function evaluateProbe(cluster: Cluster, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime, probe: Probe): Outcome {
  const spec = containerSpec(podObj, c.name)!;
  const resolved = resolveImage(spec.image);
  if (!resolved.ok || c.startedAt === undefined) return { ok: false, message: "container not running" };
  const plan = processPlan(resolved.image, spec, podObj, pod.ip);
  const now = cluster.now();
  if (processStatusAt(plan, c.startedAt, now).state !== "running") return { ok: false, message: "container not running" };
  if (probe.httpGet) {
    const port = resolvePort(spec, probe.httpGet.port) ?? 0;
    const hostAddr = probe.httpGet.host ?? pod.ip;
    const scheme = (probe.httpGet.scheme ?? "HTTP").toLowerCase();
    const path = probe.httpGet.path ?? "/";
    const url = `${scheme}://${hostAddr.includes(":") ? `[${hostAddr}]` : hostAddr}:${port}${path}`;
    const listener = isListening(plan, c.startedAt, now, port);
    if (!listener) return { ok: false, message: `Get "${url}": dial tcp ${hostAddr}:${port}: connect: connection refused` };
    if (!listener.http) return { ok: false, message: `Get "${url}": EOF` };
    const response = httpResponse(listener.http, { method: "GET", path, userAgent: "kube-probe/1.31", httpVersion: "1.1" }, { now, serverAddress: pod.ip, serverPort: port, hostname: pod.name, clientAddress: pod.ip.replace(/\.\d+$/, ".1") });
    if (response.status >= 200 && response.status < 400) return { ok: true, message: "" };
    return { ok: false, message: `HTTP probe failed with statuscode: ${response.status}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(spec, probe.tcpSocket.port) ?? 0;
    const hostAddr = probe.tcpSocket.host ?? pod.ip;
    if (isListening(plan, c.startedAt, now, port)) return { ok: true, message: "" };
    return { ok: false, message: `dial tcp ${hostAddr}:${port}: connect: connection refused` };
  }
  if (probe.grpc) {
    if (isListening(plan, c.startedAt, now, probe.grpc.port)) return { ok: true, message: "" };
    return { ok: false, message: `timeout: failed to connect service "${pod.ip}:${probe.grpc.port}" within 1s: context deadline exceeded` };
  }
  if (probe.exec) {
    const argv = probe.exec.command ?? [];
    const tool = argv[0] ?? "";
    const base = tool.slice(tool.lastIndexOf("/") + 1);
    if (!resolved.image.tools.includes(base) && !tool.startsWith("/")) {
      return { ok: false, message: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${tool}": executable file not found in $PATH: unknown` };
    }
    // File checks against what the container's own script created and removed.
    const fileArg = ["cat", "ls", "test", "stat"].includes(base) ? argv.filter((a) => a.startsWith("/"))[0] : undefined;
    if (fileArg) {
      const elapsed = now - c.startedAt;
      const exists = fileTimeline(plan.argv).some((f) => f.path === fileArg && f.from <= elapsed && (f.to === undefined || f.to > elapsed));
      if (exists) return { ok: true, message: "" };
      return { ok: false, message: base === "cat" ? `cat: can't open '${fileArg}': No such file or directory` : base === "ls" ? `ls: ${fileArg}: No such file or directory` : "" };
    }
    return { ok: true, message: "" };
  }
  return { ok: true, message: "" };
}

export interface ProbeActions {
  sync(): void;
  kill(reason: string): void;
  startupPassed(): void;
}

/** One probe tick: record the result, act on thresholds, schedule the next tick if it matters. */
export function probeTick(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime, kind: ProbeKind, actions: ProbeActions) {
  if (c.state !== "running") return;
  const spec = containerSpec(podObj, c.name);
  const probe = probeOf(spec, kind);
  if (!probe) return;
  const result = evaluateProbe(cluster, pod, podObj, c, probe);
  const period = seconds(probe.periodSeconds, 10);
  const failureThreshold = probe.failureThreshold ?? 3;
  if (result.ok) {
    c.failures[kind] = 0;
    if (kind === "startup") {
      c.startupDone = true;
      c.started = true;
      actions.startupPassed();
    } else if (kind === "readiness" && !c.ready) {
      c.ready = true;
      actions.sync();
    }
    return; // steady: nothing more to learn until the process changes
  }
  c.failures[kind]++;
  cluster.event({
    object: podObj,
    type: "Warning",
    reason: "Unhealthy",
    message: `${LABEL[kind]} probe failed: ${result.message}`,
    source: { component: "kubelet", host: host.node },
    fieldPath: `spec.containers{${c.name}}`,
  });
  if (c.failures[kind] >= failureThreshold) {
    if (kind === "readiness") {
      if (c.ready) {
        c.ready = false;
        actions.sync();
      }
    } else {
      actions.kill(`Container ${c.name} failed ${kind} probe, will be restarted`);
      return;
    }
  }
  cluster.schedule(cluster.now() + period, "kubelet.probe", { ...ref(host, pod, c), kind });
}
