// Discovery data: the resources the simulated API server serves. Everything else (kubectl's
// resource names and short names, storage keys, namespacing, printing) is driven from here.

export interface ResourceInfo {
  /** Kind, e.g. "Deployment". */
  kind: string;
  /** Plural resource name, e.g. "deployments". */
  resource: string;
  singular: string;
  shortNames: string[];
  /** API group; "" for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  /** The etcd key prefix under /registry (kube-apiserver's own layout, e.g. "minions" for nodes). */
  storagePrefix: string;
  /** `kubectl get all` includes resources in the "all" category. */
  categories: string[];
  verbs: string[];
  /** Objects with a status subresource: spec updates ignore status and vice versa. */
  hasStatus: boolean;
  /** Resources whose spec changes bump metadata.generation. */
  tracksGeneration: boolean;
}

const CRUD = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

function r(info: Partial<ResourceInfo> & Pick<ResourceInfo, "kind" | "resource" | "group" | "version" | "namespaced">): ResourceInfo {
  return {
    singular: info.kind.toLowerCase(),
    shortNames: [],
    storagePrefix: info.resource,
    categories: [],
    verbs: CRUD,
    hasStatus: false,
    tracksGeneration: false,
    ...info,
  };
}

export const RESOURCES: readonly ResourceInfo[] = [
  r({ kind: "ConfigMap", resource: "configmaps", shortNames: ["cm"], group: "", version: "v1", namespaced: true }),
  r({ kind: "Endpoints", resource: "endpoints", singular: "endpoints", shortNames: ["ep"], group: "", version: "v1", namespaced: true, storagePrefix: "services/endpoints" }),
  r({ kind: "Event", resource: "events", shortNames: ["ev"], group: "", version: "v1", namespaced: true }),
  r({ kind: "LimitRange", resource: "limitranges", shortNames: ["limits"], group: "", version: "v1", namespaced: true }),
  r({ kind: "Namespace", resource: "namespaces", shortNames: ["ns"], group: "", version: "v1", namespaced: false, hasStatus: true, verbs: ["create", "delete", "get", "list", "patch", "update", "watch"] }),
  r({ kind: "Node", resource: "nodes", shortNames: ["no"], group: "", version: "v1", namespaced: false, storagePrefix: "minions", hasStatus: true }),
  r({ kind: "Pod", resource: "pods", shortNames: ["po"], group: "", version: "v1", namespaced: true, categories: ["all"], hasStatus: true }),
  r({ kind: "ResourceQuota", resource: "resourcequotas", shortNames: ["quota"], group: "", version: "v1", namespaced: true, hasStatus: true }),
  r({ kind: "Secret", resource: "secrets", group: "", version: "v1", namespaced: true }),
  r({ kind: "ServiceAccount", resource: "serviceaccounts", shortNames: ["sa"], group: "", version: "v1", namespaced: true }),
  r({ kind: "Service", resource: "services", shortNames: ["svc"], group: "", version: "v1", namespaced: true, storagePrefix: "services/specs", categories: ["all"], hasStatus: true }),
  r({ kind: "DaemonSet", resource: "daemonsets", shortNames: ["ds"], group: "apps", version: "v1", namespaced: true, categories: ["all"], hasStatus: true, tracksGeneration: true }),
  r({ kind: "Deployment", resource: "deployments", shortNames: ["deploy"], group: "apps", version: "v1", namespaced: true, categories: ["all"], hasStatus: true, tracksGeneration: true }),
  r({ kind: "ReplicaSet", resource: "replicasets", shortNames: ["rs"], group: "apps", version: "v1", namespaced: true, categories: ["all"], hasStatus: true, tracksGeneration: true }),
  r({ kind: "Job", resource: "jobs", group: "batch", version: "v1", namespaced: true, categories: ["all"], hasStatus: true, tracksGeneration: true }),
  r({ kind: "Lease", resource: "leases", group: "coordination.k8s.io", version: "v1", namespaced: true }),
  r({ kind: "EndpointSlice", resource: "endpointslices", group: "discovery.k8s.io", version: "v1", namespaced: true }),
];

const byKind = new Map(RESOURCES.map((info) => [info.kind, info]));
const byName = new Map<string, ResourceInfo>();
for (const info of RESOURCES) {
  for (const name of [info.resource, info.singular, ...info.shortNames, info.kind.toLowerCase()]) {
    byName.set(name, info);
    if (info.group) {
      byName.set(`${name}.${info.group}`, info);
      byName.set(`${name}.${info.version}.${info.group}`, info);
    }
  }
}

export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** The resource for an object's kind and apiVersion; undefined when the server has no such type. */
export function resourceForKind(kind: string, apiVersion?: string): ResourceInfo | undefined {
  const info = byKind.get(kind);
  if (!info) return undefined;
  if (apiVersion !== undefined && apiVersion !== apiVersionOf(info)) return undefined;
  return info;
}

/** Resolves what a user types (`po`, `pods`, `deploy`, `deployments.apps`) to a resource. */
export function resourceForName(name: string): ResourceInfo | undefined {
  return byName.get(name.toLowerCase());
}

/** `/registry/<prefix>/<namespace>/<name>` (or without namespace for cluster-scoped kinds). */
export function storageKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
  return info.namespaced ? `/registry/${info.storagePrefix}/${namespace}/${name}` : `/registry/${info.storagePrefix}/${name}`;
}

/** The key prefix that lists a resource, in one namespace or all. */
export function storagePrefix(info: ResourceInfo, namespace?: string): string {
  return info.namespaced && namespace ? `/registry/${info.storagePrefix}/${namespace}/` : `/registry/${info.storagePrefix}/`;
}

/** Finds the resource, namespace and name a storage key belongs to. */
export function parseStorageKey(key: string): { info: ResourceInfo; namespace?: string; name: string } | undefined {
  if (!key.startsWith("/registry/")) return undefined;
  const rest = key.slice("/registry/".length);
  // Longest prefix first: "services/endpoints" before "services".
  for (const info of RESOURCES_BY_PREFIX_LENGTH) {
    if (!rest.startsWith(info.storagePrefix + "/")) continue;
    const parts = rest.slice(info.storagePrefix.length + 1).split("/");
    if (info.namespaced && parts.length === 2 && parts[0] && parts[1]) return { info, namespace: parts[0], name: parts[1] };
    if (!info.namespaced && parts.length === 1 && parts[0]) return { info, name: parts[0] };
  }
  return undefined;
}

const RESOURCES_BY_PREFIX_LENGTH = [...RESOURCES].sort((a, b) => b.storagePrefix.length - a.storagePrefix.length);

/** The group-qualified resource as kubectl prints it in messages: "deployments.apps", "pods". */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}
