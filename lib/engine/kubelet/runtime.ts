// The container runtime as the kubelet drives it through the CRI: image pulls (with back-off),
// container starts, process exits, restarts with CrashLoopBackOff back-off, OOM kills, graceful
// stops; and the pod status the kubelet reports from it. Processes follow the image catalogue's
// process models (what they run, when they exit, what they listen on).
import { clone, type Condition, type Container, type KubeObject, type StoredObject } from "../api/types";
import { ApiError } from "../apiserver/errors";
import type { Cluster } from "../cluster";
import { info, quantityValue } from "../controllers/util";
import { planProcess, pullDurationMs, resolveImage, type ProcessPlan } from "../images";
import type { CatalogueImage } from "../images/types";
import { goDuration } from "../util/go-format";
import { armProbes } from "./probes";

/** Restart back-off: 10 s doubling to 5 minutes, reset after 10 minutes of clean running. */
export const BACKOFF_START_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
export const BACKOFF_RESET_MS = 600_000;
/** The pause container and the CNI take a moment before containers can be created. */
const SANDBOX_MS = 300;
const CREATE_MS = 120;
const KILL_MS = 150;

export interface Termination {
  id: string;
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
}

export interface ContainerRuntime {
  name: string;
  /** The image as the spec names it. */
  image: string;
  imageRef?: string;
  imageId?: string;
  id?: string;
  state: "waiting" | "running" | "terminated";
  reason?: string;
  message?: string;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  restartCount: number;
  backoffMs: number;
  pullBackoffMs: number;
  last?: Termination;
  ready: boolean;
  started: boolean;
  /** Consecutive probe failures by kind. */
  failures: { liveness: number; readiness: number; startup: number };
  startupDone: boolean;
  /** Bumped at every (re)start: timers from an older incarnation are ignored. */
  gen: number;
  /** Lines written by request handling (access logs), newest last. */
  extraLogs?: { at: number; stream: "stdout" | "stderr"; text: string }[];
}

export interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  ip: string;
  state: "creating" | "running" | "stopping";
  /** When the kubelet admitted the pod (probe workers tick from here). */
  admittedAt?: number;
  startedAt?: number;
  sandboxId: string;
  containers: Record<string, ContainerRuntime>;
  /** A static pod: run from a manifest file, mirrored to the API. */
  staticFile?: string;
}

export interface RuntimeHost {
  node: string;
  nodeIp: string;
  images: string[];
  kernel: string;
}

const SOURCE = (node: string) => ({ component: "kubelet", host: node });
const planCache = new Map<string, ProcessPlan>();

function envOf(container: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  return env;
}

/** The process a container runs (derived from the spec and the image; cached, never stored). */
export function processPlan(image: CatalogueImage, container: Container, pod: KubeObject, ip: string): ProcessPlan {
  const key = JSON.stringify([image.id, container.command, container.args, container.env, pod.metadata.name, ip]);
  let plan = planCache.get(key);
  if (!plan) {
    plan = planProcess(image, container.command, container.args, envOf(container), { hostname: pod.metadata.name, ip });
    if (planCache.size > 2000) planCache.clear();
    planCache.set(key, plan);
  }
  return plan;
}

export function newContainerRuntime(c: Container): ContainerRuntime {
  return {
    name: c.name,
    image: c.image,
    state: "waiting",
    reason: "ContainerCreating",
    restartCount: 0,
    backoffMs: 0,
    pullBackoffMs: 0,
    ready: false,
    started: false,
    failures: { liveness: 0, readiness: 0, startup: 0 },
    startupDone: false,
    gen: 0,
  };
}

export function containerSpec(pod: KubeObject, name: string): Container | undefined {
  return (pod.spec?.containers as Container[] | undefined)?.find((c) => c.name === name);
}

interface TimerRef {
  node: string;
  uid: string;
  namespace: string;
  name: string;
  container: string;
  gen: number;
}

export function ref(host: RuntimeHost, pod: PodRuntime, c: ContainerRuntime): TimerRef {
  return { node: host.node, uid: pod.uid, namespace: pod.namespace, name: pod.name, container: c.name, gen: c.gen };
}

/** Begins a container's life: pull its image if needed, then create and start it. */
export function pullAndStart(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime, delayMs: number) {
  const spec = containerSpec(podObj, c.name);
  if (!spec) return;
  const resolved = resolveImage(spec.image);
  const fieldPath = `spec.containers{${c.name}}`;
  const policy = spec.imagePullPolicy ?? "IfNotPresent";
  if (!resolved.ok) {
    cluster.schedule(cluster.now() + delayMs + 500, "kubelet.pull-failed", { ...ref(host, pod, c), message: resolved.criMessage, code: resolved.criCode });
    cluster.event({ object: podObj, type: "Normal", reason: "Pulling", message: `Pulling image "${spec.image}"`, source: SOURCE(host.node), fieldPath });
    return;
  }
  const present = host.images.includes(resolved.image.id);
  if (policy === "Never" && !present) {
    c.state = "waiting";
    c.reason = "ErrImageNeverPull";
    c.message = `Container image "${spec.image}" is not present with pull policy of Never`;
    cluster.event({ object: podObj, type: "Warning", reason: "ErrImageNeverPull", message: c.message, source: SOURCE(host.node), fieldPath });
    return;
  }
  if (policy === "Always" || !present) {
    const ms = pullDurationMs(resolved.image.compressedBytes);
    cluster.event({ object: podObj, type: "Normal", reason: "Pulling", message: `Pulling image "${spec.image}"`, source: SOURCE(host.node), fieldPath });
    cluster.schedule(cluster.now() + delayMs + ms, "kubelet.pulled", { ...ref(host, pod, c), ms, size: resolved.image.sizeBytes, imageId: resolved.image.id });
    return;
  }
  cluster.event({ object: podObj, type: "Normal", reason: "Pulled", message: `Container image "${spec.image}" already present on machine`, source: SOURCE(host.node), fieldPath });
  cluster.schedule(cluster.now() + delayMs + CREATE_MS, "kubelet.container-start", ref(host, pod, c));
}

export function onPulled(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime, p: { ms: number; size: number; imageId: string }) {
  if (!host.images.includes(p.imageId)) host.images.push(p.imageId);
  const took = goDuration(p.ms * 1e6);
  cluster.event({
    object: podObj,
    type: "Normal",
    reason: "Pulled",
    message: `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${p.size} bytes.`,
    source: SOURCE(host.node),
    fieldPath: `spec.containers{${c.name}}`,
  });
  c.pullBackoffMs = 0;
  cluster.schedule(cluster.now() + CREATE_MS, "kubelet.container-start", ref(host, pod, c));
}

export function onPullFailed(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime, p: { message: string; code: string }) {
  const fieldPath = `spec.containers{${c.name}}`;
  const detail = `rpc error: code = ${p.code} desc = ${p.message}`;
  cluster.event({ object: podObj, type: "Warning", reason: "Failed", message: `Failed to pull image "${c.image}": ${detail}`, source: SOURCE(host.node), fieldPath });
  cluster.event({ object: podObj, type: "Warning", reason: "Failed", message: "Error: ErrImagePull", source: SOURCE(host.node), fieldPath });
  c.state = "waiting";
  c.reason = "ErrImagePull";
  c.message = detail;
  c.pullBackoffMs = c.pullBackoffMs ? Math.min(c.pullBackoffMs * 2, BACKOFF_MAX_MS) : BACKOFF_START_MS;
  // A later sync reports the back-off; the pull is retried after it.
  cluster.schedule(cluster.now() + 5000, "kubelet.pull-backoff", ref(host, pod, c));
}

export function onPullBackoff(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime) {
  const fieldPath = `spec.containers{${c.name}}`;
  c.reason = "ImagePullBackOff";
  c.message = `Back-off pulling image "${c.image}"`;
  cluster.event({ object: podObj, type: "Normal", reason: "BackOff", message: `Back-off pulling image "${c.image}"`, source: SOURCE(host.node), fieldPath });
  cluster.event({ object: podObj, type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff", source: SOURCE(host.node), fieldPath });
  c.gen++;
  cluster.schedule(cluster.now() + c.pullBackoffMs, "kubelet.pull-retry", ref(host, pod, c));
}

function memoryLimit(spec: Container): number | undefined {
  const l = spec.resources?.limits?.memory;
  return l === undefined ? undefined : quantityValue(l);
}

/** Creates and starts the container process. */
export function startContainer(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime) {
  const spec = containerSpec(podObj, c.name);
  const resolved = spec ? resolveImage(spec.image) : undefined;
  if (!spec || !resolved?.ok) return;
  const fieldPath = `spec.containers{${c.name}}`;
  const plan = processPlan(resolved.image, spec, podObj, pod.ip);
  c.gen++;
  c.imageRef = resolved.reference.normalized;
  c.imageId = `${resolved.reference.repository}@${resolved.image.digest}`;
  c.id = cluster.random.hex(64);
  if (plan.startError) {
    const executable = plan.startError.executable;
    const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${executable}": executable file not found in $PATH: unknown`;
    cluster.event({ object: podObj, type: "Normal", reason: "Created", message: `Created container ${c.name}`, source: SOURCE(host.node), fieldPath });
    cluster.event({ object: podObj, type: "Warning", reason: "Failed", message: `Error: ${message}`, source: SOURCE(host.node), fieldPath });
    terminate(cluster, host, pod, podObj, c, { exitCode: 128, reason: "StartError", message, startedAt: 0 });
    return;
  }
  c.state = "running";
  c.reason = undefined;
  c.message = undefined;
  c.startedAt = cluster.now();
  c.started = false;
  c.ready = false;
  c.failures = { liveness: 0, readiness: 0, startup: 0 };
  c.startupDone = !spec.startupProbe;
  pod.state = "running";
  cluster.event({ object: podObj, type: "Normal", reason: "Created", message: `Created container ${c.name}`, source: SOURCE(host.node), fieldPath });
  cluster.event({ object: podObj, type: "Normal", reason: "Started", message: `Started container ${c.name}`, source: SOURCE(host.node), fieldPath });
  cluster.note("kubelet", "container-started", `pods/${pod.namespace}/${pod.name}`, { container: c.name, restarts: c.restartCount }, host.node);

  const limit = memoryLimit(spec);
  if (limit !== undefined && plan.idle.memoryBytes > limit) {
    cluster.schedule(cluster.now() + 800, "kubelet.oom", ref(host, pod, c));
  } else if (plan.exit) {
    cluster.schedule(cluster.now() + plan.exit.atMs, "kubelet.container-exit", { ...ref(host, pod, c), code: plan.exit.code });
  }
  // `started` becomes true on the kubelet's next status sync (or when a startup probe passes).
  if (c.startupDone) c.started = true;
  armProbes(cluster, host, pod, podObj, c);
}

/** The container's process ended (on its own, killed, OOM). Restarts follow restartPolicy. */
export function terminate(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime, t: Omit<Termination, "id" | "finishedAt"> & { finishedAt?: number }) {
  const finishedAt = t.finishedAt ?? cluster.now();
  const startedAt = t.startedAt || c.startedAt || finishedAt;
  const ranFor = finishedAt - startedAt;
  c.state = "terminated";
  c.exitCode = t.exitCode;
  c.reason = t.reason;
  c.message = t.message;
  c.finishedAt = finishedAt;
  c.startedAt = startedAt;
  c.ready = false;
  c.started = false;
  c.gen++;
  if (pod.state === "stopping") return;
  const policy = (podObj.spec?.restartPolicy as string | undefined) ?? "Always";
  const restart = policy === "Always" || (policy === "OnFailure" && t.exitCode !== 0);
  if (!restart) return;
  // Back-off: 10 s, doubling, at most 5 minutes; a container that ran 10 minutes starts over.
  c.backoffMs = ranFor >= BACKOFF_RESET_MS || c.backoffMs === 0 ? BACKOFF_START_MS : Math.min(c.backoffMs * 2, BACKOFF_MAX_MS);
  const firstRestartImmediate = c.restartCount === 0 && ranFor >= BACKOFF_RESET_MS;
  cluster.schedule(cluster.now() + 1000, "kubelet.backoff-report", { ...ref(host, pod, c) });
  cluster.schedule(cluster.now() + (firstRestartImmediate ? 1000 : c.backoffMs), "kubelet.restart", ref(host, pod, c));
}

export function onBackoffReport(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime) {
  if (c.state !== "terminated") return;
  c.last = { id: c.id ?? "", exitCode: c.exitCode ?? 0, reason: c.reason ?? "Error", startedAt: c.startedAt ?? 0, finishedAt: c.finishedAt ?? 0, ...(c.message ? { message: c.message } : {}) };
  c.state = "waiting";
  c.reason = "CrashLoopBackOff";
  c.message = `back-off ${goDuration(c.backoffMs * 1e6).replace(/m0s$/, "m")} restarting failed container=${c.name} pod=${pod.name}_${pod.namespace}(${pod.uid})`;
  cluster.event({
    object: podObj,
    type: "Warning",
    reason: "BackOff",
    message: `Back-off restarting failed container ${c.name} in pod ${pod.name}_${pod.namespace}(${pod.uid})`,
    source: SOURCE(host.node),
    fieldPath: `spec.containers{${c.name}}`,
  });
}

export function onRestart(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, c: ContainerRuntime) {
  if (c.state === "terminated") {
    c.last = { id: c.id ?? "", exitCode: c.exitCode ?? 0, reason: c.reason ?? "Error", startedAt: c.startedAt ?? 0, finishedAt: c.finishedAt ?? 0, ...(c.message ? { message: c.message } : {}) };
  }
  c.restartCount++;
  const spec = containerSpec(podObj, c.name);
  const resolved = spec ? resolveImage(spec.image) : undefined;
  if (resolved?.ok && host.images.includes(resolved.image.id) && spec?.imagePullPolicy !== "Always") {
    cluster.event({ object: podObj, type: "Normal", reason: "Pulled", message: `Container image "${c.image}" already present on machine`, source: SOURCE(host.node), fieldPath: `spec.containers{${c.name}}` });
    startContainer(cluster, host, pod, podObj, c);
  } else {
    pullAndStart(cluster, host, pod, podObj, c, 0);
  }
}

/** Stops every container of a pod (SIGTERM, then SIGKILL after the grace period). */
export function stopPodContainers(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: KubeObject, graceSeconds: number, reason = "Stopping container"): number {
  pod.state = "stopping";
  let longest = 0;
  for (const c of Object.values(pod.containers)) {
    if (c.state !== "running") continue;
    const spec = containerSpec(podObj, c.name);
    const resolved = spec ? resolveImage(spec.image) : undefined;
    const plan = spec && resolved?.ok ? processPlan(resolved.image, spec, podObj, pod.ip) : undefined;
    cluster.event({ object: podObj, type: "Normal", reason: "Killing", message: `${reason} ${c.name}`, source: SOURCE(host.node), fieldPath: `spec.containers{${c.name}}` });
    // A process that handles SIGTERM exits at once; one that ignores it (a shell, sleep) is
    // killed when the grace period runs out.
    const handles = plan?.handlesSigterm ?? true;
    const after = handles ? KILL_MS : graceSeconds * 1000;
    longest = Math.max(longest, after);
    c.gen++;
    cluster.schedule(cluster.now() + after, "kubelet.container-killed", { ...ref(host, pod, c), code: handles ? (plan?.sigtermExitCode ?? 0) : 137 });
  }
  return longest;
}

export function sandboxDelay(): number {
  return SANDBOX_MS;
}

// ---- status ----

function containerStatus(c: ContainerRuntime, spec: Container | undefined, now: number): Record<string, unknown> {
  const stamp = (ms: number | undefined) => (ms === undefined ? undefined : new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z"));
  const status: Record<string, unknown> = {
    containerID: c.id ? `containerd://${c.id}` : undefined,
    image: c.imageRef ?? spec?.image ?? c.image,
    imageID: c.imageId ?? "",
    lastState: c.last
      ? { terminated: { containerID: `containerd://${c.last.id}`, exitCode: c.last.exitCode, finishedAt: stamp(c.last.finishedAt), reason: c.last.reason, startedAt: stamp(c.last.startedAt), ...(c.last.message ? { message: c.last.message } : {}) } }
      : {},
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.started,
  };
  if (!c.id) delete status.containerID;
  if (c.state === "running") status.state = { running: { startedAt: stamp(c.startedAt) } };
  else if (c.state === "terminated") {
    status.state = { terminated: { containerID: `containerd://${c.id}`, exitCode: c.exitCode, finishedAt: stamp(c.finishedAt), reason: c.reason, startedAt: stamp(c.startedAt), ...(c.message ? { message: c.message } : {}) } };
  } else status.state = { waiting: { reason: c.reason, ...(c.message ? { message: c.message } : {}) } };
  void now;
  return status;
}

/** The phase the kubelet computes from its containers (getPhase). */
function phaseOf(pod: PodRuntime, podObj: KubeObject): string {
  const cs = Object.values(pod.containers);
  const policy = (podObj.spec?.restartPolicy as string | undefined) ?? "Always";
  const running = cs.filter((c) => c.state === "running").length;
  const waiting = cs.filter((c) => c.state === "waiting").length;
  const terminated = cs.filter((c) => c.state === "terminated");
  const failed = terminated.filter((c) => c.exitCode !== 0).length;
  const neverStarted = cs.filter((c) => c.state === "waiting" && c.restartCount === 0 && !c.last).length;
  if (neverStarted > 0) return "Pending";
  if (running > 0 || waiting > 0) return "Running";
  if (terminated.length === cs.length) {
    if (policy === "Always") return "Running";
    return failed > 0 ? "Failed" : "Succeeded";
  }
  return "Pending";
}

/** Writes the pod status the runtime implies, if it changed. */
export function syncPodStatus(cluster: Cluster, host: RuntimeHost, pod: PodRuntime, podObj: StoredObject) {
  const now = cluster.now();
  const ts = cluster.api.timestamp();
  const specs = (podObj.spec?.containers ?? []) as Container[];
  const statuses = specs.map((s) => pod.containers[s.name]).filter((c): c is ContainerRuntime => Boolean(c));
  const unready = statuses.filter((c) => !c.ready).map((c) => c.name);
  const allReady = unready.length === 0 && statuses.length > 0;
  const phase = phaseOf(pod, podObj);
  try {
    cluster.api.modify(info("Pod"), pod.namespace, pod.name, (p) => {
      if (p.metadata.uid !== pod.uid && p.metadata.annotations?.["kubernetes.io/config.mirror"] !== pod.uid) return false;
      const old = JSON.stringify(p.status ?? {});
      let conditions = clone((p.status?.conditions ?? []) as Condition[]);
      const set = (c: Condition) => {
        const i = conditions.findIndex((x) => x.type === c.type);
        const prev = i >= 0 ? conditions[i] : undefined;
        const next: Condition = { ...c, lastProbeTime: null, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : ts };
        if (!c.reason) delete next.reason;
        if (!c.message) delete next.message;
        if (i >= 0) conditions[i] = next;
        else conditions.push(next);
      };
      const succeeded = phase === "Succeeded";
      set({ type: "PodReadyToStartContainers", status: "True" });
      set({ type: "Initialized", status: "True" });
      set(allReady ? { type: "Ready", status: "True" } : { type: "Ready", status: "False", reason: succeeded ? "PodCompleted" : "ContainersNotReady", message: succeeded ? "" : `containers with unready status: [${unready.join(" ")}]` });
      set(allReady ? { type: "ContainersReady", status: "True" } : { type: "ContainersReady", status: "False", reason: succeeded ? "PodCompleted" : "ContainersNotReady", message: succeeded ? "" : `containers with unready status: [${unready.join(" ")}]` });
      const order = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"];
      conditions = conditions.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
      const status = {
        ...(p.status ?? {}),
        conditions,
        containerStatuses: statuses.map((c) => containerStatus(c, specs.find((s) => s.name === c.name), now)),
        hostIP: host.nodeIp,
        hostIPs: [{ ip: host.nodeIp }],
        phase,
        podIP: pod.ip,
        podIPs: [{ ip: pod.ip }],
        startTime: p.status?.startTime ?? ts,
      };
      if (JSON.stringify(status) === old) return false;
      p.status = status;
    }, { subresource: "status" });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}
