// Static pods: the kubelet runs whatever valid Pod manifests sit in its staticPodPath
// (/etc/kubernetes/manifests) and publishes a mirror pod for each to the API server. Editing a
// manifest restarts that pod; breaking or removing it stops it. This is how a kubeadm control
// plane runs, so a broken kube-scheduler manifest stops scheduling and a broken kube-apiserver
// manifest takes the API down.
import { parse as parseYaml } from "yaml";
import type { Container, KubeObject } from "../api/types";
import { ApiError } from "../apiserver/errors";
import type { Cluster, TimerHandler } from "../cluster";
import { info } from "../controllers/util";
import { childrenOf, readFile } from "../hosts/fs";
import { fnv32a } from "../random";
import { kubelets, runtimeHost, type KubeletState } from "./kubelet";
import { newContainerRuntime, pullAndStart, sandboxDelay, stopPodContainers, type PodRuntime } from "./runtime";

export const STATIC_POD_PATH = "/etc/kubernetes/manifests";
/** The kubelet's fileCheckFrequency: how often it looks at the manifest directory. */
export const FILE_CHECK_MS = 20_000;

export interface StaticPod {
  /** The manifest's file name. */
  file: string;
  /** The config hash: identifies this version of the manifest. */
  hash: string;
  /** The pod as the kubelet runs it (uid = hash, name = <name>-<node>). */
  pod: KubeObject;
}

function hex32(text: string): string {
  let out = "";
  for (let i = 0; i < 4; i++) out += fnv32a(`${i}:${text}`).toString(16).padStart(8, "0");
  return out;
}

/** What the manifest directory holds now, as the kubelet reads it: valid pods and errors. */
export function readManifests(cluster: Cluster, node: string): { pods: StaticPod[]; errors: { file: string; message: string }[] } {
  const host = cluster.hosts[node];
  const pods: StaticPod[] = [];
  const errors: { file: string; message: string }[] = [];
  if (!host) return { pods, errors };
  for (const file of childrenOf(host.fs, STATIC_POD_PATH).sort()) {
    if (file.startsWith(".")) continue;
    const text = readFile(host.fs, `${STATIC_POD_PATH}/${file}`);
    if (!text.ok) continue;
    let pod: KubeObject;
    try {
      pod = parseYaml(text.value) as KubeObject;
    } catch (error) {
      errors.push({ file, message: `yaml: ${(error as Error).message.split("\n")[0]}` });
      continue;
    }
    if (!pod || typeof pod !== "object" || pod.kind !== "Pod" || !pod.metadata?.name || !Array.isArray(pod.spec?.containers) || pod.spec.containers.length === 0) {
      errors.push({ file, message: "invalid pod: the manifest is not a valid Pod" });
      continue;
    }
    const hash = hex32(text.value + node);
    pods.push({
      file,
      hash,
      pod: {
        ...pod,
        metadata: { ...pod.metadata, name: `${pod.metadata.name}-${node}`, namespace: pod.metadata.namespace ?? "default", uid: hash },
        spec: { ...pod.spec, nodeName: node },
      },
    });
  }
  return { pods, errors };
}

function signature(cluster: Cluster, node: string): string {
  const host = cluster.hosts[node];
  if (!host) return "";
  return childrenOf(host.fs, STATIC_POD_PATH)
    .sort()
    .map((f) => {
      const t = readFile(host.fs, `${STATIC_POD_PATH}/${f}`);
      return `${f}:${t.ok ? fnv32a(t.value) : "?"}`;
    })
    .join("|");
}

interface StaticState {
  signature: string;
  pods: Record<string, StaticPod>;
}

function staticState(state: KubeletState): StaticState {
  const s = state as KubeletState & { statics?: StaticState };
  return (s.statics ??= { signature: "", pods: {} });
}

/** Called after anything a learner does: if a manifest changed, the kubelet notices at its next file check. */
export function noticeManifestChanges(cluster: Cluster) {
  for (const [node, state] of Object.entries(kubelets(cluster))) {
    if (!state.running || !cluster.hosts[node]?.fs[STATIC_POD_PATH]) continue;
    const sig = signature(cluster, node);
    const st = staticState(state);
    if (sig === st.signature) continue;
    st.signature = sig;
    cluster.schedule(Math.ceil((cluster.now() + 1) / FILE_CHECK_MS) * FILE_CHECK_MS, "kubelet.static-sync", { node });
  }
}

/** Starts, restarts and stops static pods to match the manifest directory. */
export const staticSync: TimerHandler = (cluster, p: { node: string }) => {
  const state = kubelets(cluster)[p.node];
  if (!state?.running) return;
  syncStaticPods(cluster, state);
};

export function syncStaticPods(cluster: Cluster, state: KubeletState) {
  const node = state.spec.name;
  const st = staticState(state);
  st.signature = signature(cluster, node);
  const { pods, errors } = readManifests(cluster, node);
  const host = runtimeHost(state);
  for (const e of errors) {
    cluster.note("kubelet", "manifest-error", `${STATIC_POD_PATH}/${e.file}`, { message: e.message }, node);
  }
  const wanted = new Map(pods.map((sp) => [sp.hash, sp]));
  // Stop what is no longer wanted (removed, changed or broken manifests).
  for (const [hash, sp] of Object.entries(st.pods)) {
    if (wanted.has(hash)) continue;
    const runtime = state.pods[hash];
    if (runtime) {
      stopPodContainers(cluster, host, runtime, sp.pod, Number(sp.pod.spec?.terminationGracePeriodSeconds ?? 30));
      delete state.pods[hash];
    }
    delete st.pods[hash];
    removeMirror(cluster, sp);
  }
  // Start what is new.
  for (const sp of pods) {
    if (st.pods[sp.hash]) continue;
    st.pods[sp.hash] = sp;
    const runtime: PodRuntime = {
      uid: sp.hash,
      namespace: sp.pod.metadata.namespace!,
      name: sp.pod.metadata.name!,
      ip: sp.pod.spec?.hostNetwork ? state.spec.ip : state.spec.ip,
      state: "creating",
      admittedAt: cluster.now(),
      sandboxId: cluster.random.hex(64),
      containers: Object.fromEntries((sp.pod.spec.containers as Container[]).map((c) => [c.name, newContainerRuntime(c)])),
      staticFile: sp.file,
    };
    state.pods[sp.hash] = runtime;
    let delay = sandboxDelay();
    for (const c of Object.values(runtime.containers)) {
      pullAndStart(cluster, host, runtime, sp.pod, c, delay);
      delay += 10;
    }
    publishMirror(cluster, sp);
  }
  recordStaticPodNode(cluster, node, Object.keys(st.pods).length > 0);
  publishAllMirrors(cluster, state);
}

function mirrorName(sp: StaticPod) {
  return { namespace: sp.pod.metadata.namespace!, name: sp.pod.metadata.name! };
}

/** Creates the mirror pod of a static pod in the API, if the API server answers. */
export function publishMirror(cluster: Cluster, sp: StaticPod) {
  if (!cluster.isRunning("kube-apiserver")) return;
  const { namespace, name } = mirrorName(sp);
  try {
    const existing = cluster.api.tryGet(info("Pod"), namespace, name);
    if (existing && existing.metadata.annotations?.["kubernetes.io/config.mirror"] === sp.hash) return;
    if (existing) cluster.api.remove(info("Pod"), namespace, name);
    const node = cluster.api.tryGet(info("Node"), undefined, sp.pod.spec.nodeName);
    const mirror: KubeObject = {
      ...sp.pod,
      metadata: {
        ...sp.pod.metadata,
        uid: undefined,
        annotations: {
          ...(sp.pod.metadata.annotations ?? {}),
          "kubernetes.io/config.hash": sp.hash,
          "kubernetes.io/config.mirror": sp.hash,
          "kubernetes.io/config.seen": new Date(cluster.now()).toISOString().replace("Z", "000000Z"),
          "kubernetes.io/config.source": "file",
        },
        ...(node ? { ownerReferences: [{ apiVersion: "v1", controller: true, kind: "Node", name: node.metadata.name, uid: node.metadata.uid }] } : {}),
      },
      spec: { ...sp.pod.spec, tolerations: [{ effect: "NoExecute", operator: "Exists" }] },
    };
    delete mirror.status;
    cluster.api.create(mirror, namespace);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

/** Re-creates mirror pods someone deleted, and publishes those missed while the API was down. */
export function publishAllMirrors(cluster: Cluster, state: KubeletState) {
  for (const sp of Object.values(staticState(state).pods)) publishMirror(cluster, sp);
}

function removeMirror(cluster: Cluster, sp: StaticPod) {
  if (!cluster.isRunning("kube-apiserver")) return;
  const { namespace, name } = mirrorName(sp);
  try {
    const existing = cluster.api.tryGet(info("Pod"), namespace, name);
    if (existing?.metadata.annotations?.["kubernetes.io/config.mirror"] === sp.hash) cluster.api.remove(info("Pod"), namespace, name);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

/** The static pod object the kubelet runs for a runtime (instead of an API object). */
export function staticPodObject(state: KubeletState, uid: string): KubeObject | undefined {
  return staticState(state).pods[uid]?.pod;
}

/**
 * Whether a control-plane component's static pod runs: its container is running, whatever the
 * kubelet's own state (a stopped kubelet leaves its containers running).
 */
export function componentRunning(cluster: Cluster, component: string): boolean {
  // Asked on every API request: plain loops, nothing allocated.
  const all = kubelets(cluster);
  for (const node of staticPodNodes(cluster)) {
    const state = all[node];
    if (!state) continue;
    const pods = staticState(state).pods;
    for (const hash in pods) {
      if (pods[hash]!.pod.metadata.labels?.component !== component) continue;
      const containers = state.pods[pods[hash]!.hash]?.containers;
      for (const name in containers) if (containers[name]!.state === "running") return true;
    }
  }
  return false;
}

export function hasStaticPods(cluster: Cluster): boolean {
  return staticPodNodes(cluster).length > 0;
}

/**
 * The nodes whose kubelet runs static pods, kept with the cluster's state: the API server asks
 * on every request whether its own static pod runs, and scanning a thousand kubelets each time
 * would cost more than the request.
 */
function staticPodNodes(cluster: Cluster): string[] {
  const components = cluster.components as { staticPodNodes?: string[] };
  return (components.staticPodNodes ??= Object.entries(kubelets(cluster))
    .filter(([, state]) => Object.keys(staticState(state).pods).length > 0)
    .map(([node]) => node));
}

function recordStaticPodNode(cluster: Cluster, node: string, hasPods: boolean) {
  const nodes = staticPodNodes(cluster);
  const index = nodes.indexOf(node);
  if (hasPods && index < 0) nodes.push(node);
  if (!hasPods && index >= 0) nodes.splice(index, 1);
}
