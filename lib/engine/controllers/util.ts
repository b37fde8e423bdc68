// Helpers shared by the controllers: ownership, pod state, conditions, names.
import { clone, type Condition, type KubeObject, type OwnerReference, type StoredObject } from "../api/types";
import { apiVersionOf, resourceForKind, type ResourceInfo } from "../apiserver/registry";
import { fnv32a } from "../random";

export const info = (kind: string): ResourceInfo => {
  const found = resourceForKind(kind);
  if (!found) throw new Error(`unknown kind ${kind}`);
  return found;
};

export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownerReferenceTo(owner: StoredObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion || apiVersionOf(info(owner.kind)),
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isOwnedBy(obj: KubeObject, owner: StoredObject): boolean {
  return controllerRef(obj)?.uid === owner.metadata.uid;
}

export function getCondition(obj: KubeObject, type: string): Condition | undefined {
  return (obj.status?.conditions as Condition[] | undefined)?.find((c) => c.type === type);
}

/**
 * Sets a condition, keeping lastTransitionTime when the status did not change (as the
 * controllers' SetCondition helpers do). Returns the new conditions array.
 */
export function setCondition(conditions: Condition[] | undefined, next: Condition, now: string, opts: { updateTime?: boolean } = {}): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const existing = i >= 0 ? list[i] : undefined;
  const merged: Condition = { ...next };
  if (opts.updateTime) merged.lastUpdateTime = now;
  merged.lastTransitionTime = existing && existing.status === next.status ? existing.lastTransitionTime : now;
  if (existing && existing.status === next.status && existing.reason === next.reason && existing.message === next.message && opts.updateTime) {
    merged.lastUpdateTime = existing.lastUpdateTime;
  }
  if (i >= 0) list[i] = merged;
  else list.push(merged);
  return list;
}

// ---- pods ----

export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

export function isPodReady(pod: KubeObject): boolean {
  return getCondition(pod, "Ready")?.status === "True";
}

/** Ready for at least minReadySeconds at `nowMs` (available, in controller terms). */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const ready = getCondition(pod, "Ready");
  if (ready?.status !== "True") return false;
  if (!minReadySeconds) return true;
  const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : nowMs;
  return since + minReadySeconds * 1000 <= nowMs;
}

export function restartCount(pod: KubeObject): number {
  return ((pod.status?.containerStatuses ?? []) as { restartCount?: number }[]).reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

/** Builds a pod from a template, owned by `owner` and named `<generateName><5 chars>` by the server. */
export function podFromTemplate(owner: StoredObject, template: { metadata?: KubeObject["metadata"]; spec: unknown }, generateName: string): KubeObject {
  const meta = clone(template.metadata ?? {});
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      generateName,
      namespace: owner.metadata.namespace,
      labels: meta.labels ?? {},
      ...(meta.annotations ? { annotations: meta.annotations } : {}),
      ownerReferences: [ownerReferenceTo(owner)],
    },
    spec: clone(template.spec),
  };
}

// ---- hashing ----

const SAFE_ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

/** apimachinery's rand.SafeEncodeString: no vowels, no look-alike characters. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHANUMS[s.charCodeAt(i) % SAFE_ALPHANUMS.length];
  return out;
}

/** JSON with sorted keys: a stable input for hashing. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The pod-template-hash of a template: FNV-32a of the template (and collision count), safe-encoded. */
export function computeTemplateHash(template: unknown, collisionCount?: number): string {
  let text = canonicalJson(template);
  if (collisionCount) text += `#${collisionCount}`;
  return safeEncodeString(String(fnv32a(text)));
}

// ---- quantities ----

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A Kubernetes quantity as a plain number of base units (cores, bytes); NaN when malformed. */
const quantities = new Map<string, number>();

export function quantityValue(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === "number") return q;
  // The same few quantities ("100m", "128Mi") are read over and over.
  let value = quantities.get(q);
  if (value === undefined) {
    value = parseQuantityValue(q);
    if (quantities.size >= 1000) quantities.clear();
    quantities.set(q, value);
  }
  return value;
}

function parseQuantityValue(q: string): number {
  const m = /^([+-]?[0-9.]+)(?:([eE][-+]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/.exec(q.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  if (m[2]) return n * 10 ** Number(m[2].slice(1));
  const suffix = m[3] ?? "";
  return n * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

export interface ResourceAmounts {
  /** CPU in millicores. */
  cpu: number;
  /** Memory in bytes. */
  memory: number;
  pods: number;
}

/** A pod's effective requests: the sum over containers, or the largest init container if bigger. */
export function podRequests(pod: KubeObject): ResourceAmounts {
  const sum = { cpu: 0, memory: 0, pods: 1 };
  for (const c of (pod.spec?.containers ?? []) as { resources?: { requests?: Record<string, string> } }[]) {
    sum.cpu += Math.round(quantityValue(c.resources?.requests?.cpu) * 1000);
    sum.memory += quantityValue(c.resources?.requests?.memory);
  }
  for (const c of (pod.spec?.initContainers ?? []) as { resources?: { requests?: Record<string, string> } }[]) {
    sum.cpu = Math.max(sum.cpu, Math.round(quantityValue(c.resources?.requests?.cpu) * 1000));
    sum.memory = Math.max(sum.memory, quantityValue(c.resources?.requests?.memory));
  }
  return sum;
}

/** Resolves an IntOrString like "25%" against a total: percentages round up or down as asked. */
export function resolveIntOrPercent(value: number | string | undefined, total: number, roundUp: boolean, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === "number") return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number(value) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
