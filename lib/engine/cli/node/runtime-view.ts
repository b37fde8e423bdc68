// containerd's view of a Kubernetes node, as the CRI reports it to crictl: the pod sandboxes,
// containers and images the kubelet's runtime holds on that node (kubelet/runtime.ts keeps them;
// this module only reads).
import type { Millis } from "../../clock";
import type { Container, KubeObject } from "../../api/types";
import type { HostState } from "../../hosts/types";
import type { World } from "../../world";
import { info } from "../../controllers/util";
import { kubelets, type KubeletState } from "../../kubelet/kubelet";
import { processPlan, type ContainerRuntime, type PodRuntime } from "../../kubelet/runtime";
import { staticPodObject } from "../../kubelet/static-pods";
import { CATALOGUE, childProcessCount, findById, resolveImage } from "../../images";
import type { CatalogueImage } from "../../images/types";

export interface CriSandbox {
  id: string;
  runtime: PodRuntime;
  pod: KubeObject | undefined;
  name: string;
  namespace: string;
  uid: string;
  attempt: number;
  state: "SANDBOX_READY" | "SANDBOX_NOTREADY";
  createdAt: Millis;
  ip: string;
  hostNetwork: boolean;
}

export interface CriContainer {
  id: string;
  sandbox: CriSandbox;
  name: string;
  attempt: number;
  state: "CONTAINER_CREATED" | "CONTAINER_RUNNING" | "CONTAINER_EXITED" | "CONTAINER_UNKNOWN";
  createdAt: Millis;
  startedAt: Millis;
  finishedAt?: Millis;
  exitCode: number;
  reason: string;
  message: string;
  /** The image as the pod spec names it, normalised ("docker.io/library/nginx:1.27"). */
  imageRef: string;
  image?: CatalogueImage;
  spec?: Container;
  /** Whether this is the container's current instance (the previous one is kept after a restart). */
  current: boolean;
  runtime: ContainerRuntime;
}

export interface CriImage {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  size: number;
  image: CatalogueImage;
}

export interface NodeRuntime {
  state: KubeletState;
  sandboxes: CriSandbox[];
  containers: CriContainer[];
  images: CriImage[];
}

/** The pause image the sandboxes run (kubeadm's default for v1.31). */
export const SANDBOX_IMAGE = "registry.k8s.io/pause:3.10";

function podObject(world: World, state: KubeletState, rt: PodRuntime): KubeObject | undefined {
  if (rt.staticFile) return staticPodObject(state, rt.uid);
  const pod = world.sandbox.cluster.api.tryGet(info("Pod"), rt.namespace, rt.name);
  return pod && pod.metadata.uid === rt.uid ? pod : undefined;
}

/** The node's runtime as containerd reports it, or undefined when the host runs no kubelet. */
export function nodeRuntime(world: World, host: HostState): NodeRuntime | undefined {
  const state = kubelets(world.sandbox.cluster)[host.name];
  if (!state) return undefined;
  const sandboxes: CriSandbox[] = [];
  const containers: CriContainer[] = [];
  for (const rt of Object.values(state.pods)) {
    const pod = podObject(world, state, rt);
    const createdAt = rt.admittedAt ?? rt.startedAt ?? 0;
    const sandbox: CriSandbox = {
      id: rt.sandboxId,
      runtime: rt,
      pod,
      name: rt.name,
      namespace: rt.namespace,
      uid: pod?.metadata.uid ?? rt.uid,
      attempt: 0,
      state: rt.state === "stopping" ? "SANDBOX_NOTREADY" : "SANDBOX_READY",
      createdAt,
      ip: rt.ip,
      hostNetwork: Boolean(pod?.spec?.hostNetwork),
    };
    sandboxes.push(sandbox);
    const specs = (pod?.spec?.containers ?? []) as Container[];
    for (const c of Object.values(rt.containers)) {
      const spec = specs.find((s) => s.name === c.name);
      const resolved = resolveImage(spec?.image ?? c.image);
      const image = resolved.ok ? resolved.image : undefined;
      const imageRef = c.imageRef ?? (resolved.ok ? resolved.reference.normalized : c.image);
      if (c.last && c.last.id && c.last.id !== c.id) {
        containers.push({
          id: c.last.id,
          sandbox,
          name: c.name,
          attempt: Math.max(0, c.restartCount - 1),
          state: "CONTAINER_EXITED",
          createdAt: c.last.startedAt,
          startedAt: c.last.startedAt,
          finishedAt: c.last.finishedAt,
          exitCode: c.last.exitCode,
          reason: c.last.reason,
          message: c.last.message ?? "",
          imageRef,
          ...(image ? { image } : {}),
          ...(spec ? { spec } : {}),
          current: false,
          runtime: c,
        });
      }
      if (!c.id) continue;
      const running = c.state === "running";
      const exited = c.state === "terminated" || (c.state === "waiting" && c.finishedAt !== undefined);
      containers.push({
        id: c.id,
        sandbox,
        name: c.name,
        attempt: c.restartCount,
        state: running ? "CONTAINER_RUNNING" : exited ? "CONTAINER_EXITED" : "CONTAINER_CREATED",
        createdAt: c.startedAt ?? createdAt,
        startedAt: c.startedAt ?? 0,
        ...(c.finishedAt !== undefined && !running ? { finishedAt: c.finishedAt } : {}),
        exitCode: running ? 0 : (c.exitCode ?? 0),
        reason: running ? "" : (c.reason ?? ""),
        message: running ? "" : (c.message ?? ""),
        imageRef,
        ...(image ? { image } : {}),
        ...(spec ? { spec } : {}),
        current: true,
        runtime: c,
      });
    }
  }
  return { state, sandboxes, containers, images: nodeImages(state, containers) };
}

function nodeImages(state: KubeletState, containers: CriContainer[]): CriImage[] {
  const ids = new Set(state.images);
  const pause = resolveImage(SANDBOX_IMAGE);
  if (pause.ok) ids.add(pause.image.id);
  const out: CriImage[] = [];
  for (const id of ids) {
    const image = findById(id) ?? CATALOGUE.find((i) => i.id === id);
    if (!image) continue;
    // containerd keeps the references the images were pulled by.
    const tags = new Set<string>();
    for (const c of containers) if (c.image?.id === id && !c.imageRef.includes("@")) tags.add(c.imageRef);
    if (pause.ok && id === pause.image.id) tags.add(pause.reference.normalized);
    if (tags.size === 0) tags.add(`${image.repository}:${image.tags[0] ?? "latest"}`);
    out.push({ id: image.id, repoTags: [...tags].sort(), repoDigests: [`${image.repository}@${image.digest}`], size: image.compressedBytes, image });
  }
  return out.sort((a, b) => (a.repoTags[0]! < b.repoTags[0]! ? -1 : a.repoTags[0]! > b.repoTags[0]! ? 1 : 0));
}

/** The shim processes containerd runs, one per sandbox (crictl pods) or Docker container. */
export function shimProcesses(world: World, host: HostState): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  const view = nodeRuntime(world, host);
  const pids = view ? criPids(view) : new Map<string, number>();
  for (const s of view?.sandboxes ?? []) {
    out.push({ pid: pids.get(`shim:${s.id}`) ?? shimPid(s.id), cmd: `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${s.id} -address /run/containerd/containerd.sock` });
  }
  for (const c of host.docker?.containers ?? []) {
    if (c.status !== "running" || !c.pid) continue;
    out.push({ pid: c.shimPid ?? Math.max(2, c.pid - 1), cmd: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${c.id} -address /run/containerd/containerd.sock` });
  }
  return out.sort((a, b) => a.pid - b.pid);
}

/** A stable process id for a sandbox's shim (the kubelet keeps no process ids). */
export function shimPid(sandboxId: string): number {
  return 1400 + (parseInt(sandboxId.slice(0, 6), 16) % 3000);
}

/**
 * The process ids of a node's runtime: each ready sandbox's shim (key "shim:<id>") and pause
 * process (key: the sandbox id), each running container's main process (key: its id). Derived
 * from the ids; two that would meet are told apart in the order they started (the later one
 * takes the next free pid), so a process keeps its pid for as long as it runs.
 */
export function criPids(view: NodeRuntime): Map<string, number> {
  const claims: { at: Millis; id: string; wants: [string, number][] }[] = [];
  for (const s of view.sandboxes) {
    if (s.state === "SANDBOX_READY") claims.push({ at: s.createdAt, id: s.id, wants: [[`shim:${s.id}`, shimPid(s.id)], [s.id, shimPid(s.id) + 21]] });
  }
  for (const c of view.containers) {
    if (c.state !== "CONTAINER_RUNNING") continue;
    const main = shimPid(c.id) + 37;
    // The processes the container's main process starts (nginx workers, ...): "<id>#<n>".
    const plan = c.image && c.spec && c.sandbox.pod ? processPlan(c.image, c.spec, c.sandbox.pod, c.sandbox.ip) : undefined;
    const children = c.image && plan ? childProcessCount(c.image, plan) : 0;
    const wants: [string, number][] = [[c.id, main]];
    for (let i = 0; i < children; i++) wants.push([`${c.id}#${i}`, main + 1 + i]);
    claims.push({ at: c.startedAt, id: c.id, wants });
  }
  claims.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const used = new Set<number>();
  const out = new Map<string, number>();
  for (const claim of claims) {
    for (const [key, preferred] of claim.wants) {
      let pid = preferred;
      while (used.has(pid)) pid++;
      used.add(pid);
      out.set(key, pid);
    }
  }
  return out;
}

/** Finds a container or sandbox by id or unique id prefix, as containerd's index does. */
export function byIdPrefix<T extends { id: string }>(items: T[], prefix: string): { ok: true; item: T } | { ok: false; reason: "not-found" | "ambiguous" } {
  if (!prefix) return { ok: false, reason: "not-found" };
  const exact = items.find((i) => i.id === prefix);
  if (exact) return { ok: true, item: exact };
  const found = items.filter((i) => i.id.startsWith(prefix));
  if (found.length === 1) return { ok: true, item: found[0]! };
  return { ok: false, reason: found.length > 1 ? "ambiguous" : "not-found" };
}
