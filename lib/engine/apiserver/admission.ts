// Admission: what kube-apiserver's admission plugins do between authentication and storage.
// NamespaceLifecycle, the Service IP and NodePort allocators, LimitRanger and ResourceQuota,
// with their real error messages.
import { clone, type KubeObject, type StoredObject } from "../api/types";
import { resourceForKind, type ResourceInfo } from "./registry";
import { ApiError, forbidden, invalid } from "./errors";
import type { ApiServer } from "./server";
import { quantityValue } from "../controllers/util";
import type { Random } from "../random";

export const SERVICE_CIDR = { base: ipToInt("10.96.0.0"), size: 2 ** 20 }; // 10.96.0.0/12
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

export function ipToInt(ip: string): number {
  return ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

const nsInfo = () => resourceForKind("Namespace")!;

export function namespaceLifecycle(info: ResourceInfo, obj: KubeObject, api: ApiServer) {
  if (!info.namespaced) return;
  const ns = api.tryGet(nsInfo(), undefined, obj.metadata.namespace!);
  if (!ns) throw new ApiError(404, "NotFound", `namespaces "${obj.metadata.namespace}" not found`, { name: obj.metadata.namespace, kind: "namespaces" });
  if (ns.metadata.deletionTimestamp && info.kind !== "Event") {
    throw forbidden(info, obj.metadata.name ?? "", `unable to create new content in namespace ${ns.metadata.name} because it is being terminated`);
  }
}

/** Assigns ClusterIPs and NodePorts to a Service, keeping what an update already has. */
export function allocateServiceAddresses(obj: KubeObject, old: StoredObject | undefined, api: ApiServer, random: Random): KubeObject {
  const info = resourceForKind("Service")!;
  const svc = clone(obj);
  const spec = (svc.spec ??= {});
  const others = api.list(info).filter((s) => s.metadata.uid !== old?.metadata.uid);
  const usedIps = new Set(others.map((s) => s.spec?.clusterIP).filter((ip: string | undefined) => ip && ip !== "None"));
  const usedPorts = new Set<number>();
  for (const s of others) for (const p of s.spec?.ports ?? []) if (p.nodePort) usedPorts.add(p.nodePort);

  if (spec.type === "ExternalName") {
    delete spec.clusterIP;
  } else if (old && old.spec?.clusterIP && !spec.clusterIP) {
    spec.clusterIP = old.spec.clusterIP;
  } else if (!spec.clusterIP) {
    // Dynamic allocations come from the upper part of the range, as since Kubernetes 1.26.
    const lowBand = Math.min(Math.max(16, Math.floor(SERVICE_CIDR.size / 16)), 256);
    for (;;) {
      const ip = intToIp(SERVICE_CIDR.base + lowBand + random.int(SERVICE_CIDR.size - lowBand - 1));
      if (!usedIps.has(ip)) {
        spec.clusterIP = ip;
        break;
      }
    }
  } else if (spec.clusterIP !== "None" && spec.clusterIP !== old?.spec?.clusterIP) {
    const n = ipToInt(spec.clusterIP);
    if (Number.isNaN(n) || n <= SERVICE_CIDR.base || n >= SERVICE_CIDR.base + SERVICE_CIDR.size - 1) {
      throw invalid(info, svc.metadata.name ?? "", `Service "${svc.metadata.name}" is invalid: spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`);
    }
    if (usedIps.has(spec.clusterIP)) {
      throw invalid(info, svc.metadata.name ?? "", `Service "${svc.metadata.name}" is invalid: spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`);
    }
  }
  if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];

  const wantsNodePorts = spec.type === "NodePort" || spec.type === "LoadBalancer";
  const ports = (spec.ports ?? []) as { nodePort?: number; port: number; protocol?: string }[];
  ports.forEach((p, i) => {
    if (!wantsNodePorts) {
      delete p.nodePort;
      return;
    }
    const previous = (old?.spec?.ports ?? []).find((o: { port: number; protocol?: string; nodePort?: number }) => o.port === p.port && (o.protocol ?? "TCP") === (p.protocol ?? "TCP"))?.nodePort;
    if (!p.nodePort) {
      if (previous) {
        p.nodePort = previous;
      } else {
        for (;;) {
          const candidate = NODE_PORT_RANGE.min + random.int(NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1);
          if (!usedPorts.has(candidate)) {
            p.nodePort = candidate;
            break;
          }
        }
      }
    } else if (p.nodePort !== previous && usedPorts.has(p.nodePort)) {
      throw invalid(info, svc.metadata.name ?? "", `Service "${svc.metadata.name}" is invalid: spec.ports[${i}].nodePort: Invalid value: ${p.nodePort}: provided port is already allocated`);
    }
    usedPorts.add(p.nodePort!);
  });
  return svc;
}

// ---- LimitRanger ----

type Container = { name: string; resources?: { requests?: Record<string, string>; limits?: Record<string, string> } };

/** Fills default requests/limits from LimitRanges and enforces their min/max per container. */
export function limitRanger(pod: KubeObject, api: ApiServer): KubeObject {
  const ranges = api.list(resourceForKind("LimitRange")!, pod.metadata.namespace);
  if (ranges.length === 0) return pod;
  const out = clone(pod);
  const problems: string[] = [];
  for (const range of ranges) {
    for (const limit of (range.spec?.limits ?? []) as { type: string; default?: Record<string, string>; defaultRequest?: Record<string, string>; max?: Record<string, string>; min?: Record<string, string> }[]) {
      if (limit.type !== "Container") continue;
      for (const c of [...(out.spec.containers ?? []), ...(out.spec.initContainers ?? [])] as Container[]) {
        const res = (c.resources ??= {});
        for (const [r, v] of Object.entries(limit.default ?? {})) {
          res.limits ??= {};
          res.limits[r] ??= v;
        }
        for (const [r, v] of Object.entries(limit.defaultRequest ?? {})) {
          res.requests ??= {};
          res.requests[r] ??= v;
        }
        // A request defaults to the limit when only the limit is known.
        for (const [r, v] of Object.entries(res.limits ?? {})) {
          res.requests ??= {};
          res.requests[r] ??= v;
        }
        for (const [r, max] of Object.entries(limit.max ?? {})) {
          const l = res.limits?.[r];
          if (l === undefined) problems.push(`maximum ${r} usage per Container is ${max}.  No limit is specified`);
          else if (quantityValue(l) > quantityValue(max)) problems.push(`maximum ${r} usage per Container is ${max}, but limit is ${l}`);
        }
        for (const [r, min] of Object.entries(limit.min ?? {})) {
          const q = res.requests?.[r];
          if (q === undefined) problems.push(`minimum ${r} usage per Container is ${min}.  No request is specified`);
          else if (quantityValue(q) < quantityValue(min)) problems.push(`minimum ${r} usage per Container is ${min}, but request is ${q}`);
        }
      }
    }
  }
  if (problems.length) {
    throw forbidden(resourceForKind("Pod")!, pod.metadata.name ?? "", problems.length === 1 ? problems[0]! : `[${problems.join(", ")}]`);
  }
  return out;
}

// ---- ResourceQuota ----

/** Usage of one resource name by objects in a namespace (what the quota controller counts). */
export function quotaUsage(resource: string, namespace: string, api: ApiServer): number {
  const pods = () => api.list(resourceForKind("Pod")!, namespace).filter((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
  const sumContainers = (kind: "requests" | "limits", r: string) =>
    pods().reduce((n, p) => n + containerSum(p, kind, r), 0);
  switch (resource) {
    case "pods":
      return pods().length;
    case "cpu":
    case "requests.cpu":
      return sumContainers("requests", "cpu");
    case "memory":
    case "requests.memory":
      return sumContainers("requests", "memory");
    case "limits.cpu":
      return sumContainers("limits", "cpu");
    case "limits.memory":
      return sumContainers("limits", "memory");
    default: {
      const m = /^(?:count\/)?([a-z]+)(?:\.([a-z.]+))?$/.exec(resource);
      const kindInfo = m ? findResource(m[1]!, m[2] ?? "") : undefined;
      return kindInfo ? api.list(kindInfo, namespace).length : 0;
    }
  }
}

function findResource(plural: string, group: string): ResourceInfo | undefined {
  for (const kind of ["Pod", "Service", "ConfigMap", "Secret", "ReplicaSet", "Deployment", "DaemonSet", "Job", "ServiceAccount", "ResourceQuota", "Endpoints"]) {
    const i = resourceForKind(kind)!;
    if (i.resource === plural && i.group === group) return i;
  }
  return undefined;
}

function containerSum(pod: KubeObject, kind: "requests" | "limits", r: string): number {
  return ((pod.spec?.containers ?? []) as Container[]).reduce((n, c) => n + quantityValue(c.resources?.[kind]?.[r]), 0);
}

/** What creating `obj` adds to each quota resource. */
function quotaDelta(info: ResourceInfo, obj: KubeObject, resource: string): number | undefined {
  if (info.kind === "Pod") {
    switch (resource) {
      case "pods":
        return 1;
      case "cpu":
      case "requests.cpu":
        return containerSum(obj, "requests", "cpu");
      case "memory":
      case "requests.memory":
        return containerSum(obj, "requests", "memory");
      case "limits.cpu":
        return containerSum(obj, "limits", "cpu");
      case "limits.memory":
        return containerSum(obj, "limits", "memory");
    }
  }
  const countName = info.group ? `count/${info.resource}.${info.group}` : `count/${info.resource}`;
  if (resource === countName || (!info.group && resource === info.resource)) return 1;
  return undefined;
}

export function formatQuantity(resource: string, value: number): string {
  if (resource.endsWith("cpu") || resource === "cpu") {
    const milli = Math.round(value * 1000);
    return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
  }
  if (resource.endsWith("memory") || resource === "memory") {
    for (const [suffix, size] of [["Gi", 2 ** 30], ["Mi", 2 ** 20], ["Ki", 2 ** 10]] as const) {
      if (value >= size && value % size === 0) return `${value / size}${suffix}`;
    }
    return String(value);
  }
  return String(value);
}

/** Rejects a create that would exceed a ResourceQuota in its namespace. */
export function resourceQuota(info: ResourceInfo, obj: KubeObject, api: ApiServer) {
  if (!info.namespaced || info.kind === "Event") return;
  const quotas = api.list(resourceForKind("ResourceQuota")!, obj.metadata.namespace);
  for (const quota of quotas) {
    const hard = (quota.spec?.hard ?? {}) as Record<string, string>;
    if (info.kind === "Pod") {
      const missing: string[] = [];
      for (const r of ["limits.cpu", "limits.memory", "requests.cpu", "requests.memory", "cpu", "memory"]) {
        if (!(r in hard)) continue;
        const [kind, name] = r.includes(".") ? (r.split(".") as ["requests" | "limits", string]) : (["requests", r] as const);
        const lacking = ((obj.spec?.containers ?? []) as Container[]).filter((c) => c.resources?.[kind]?.[name] === undefined).map((c) => c.name);
        if (lacking.length) missing.push(`${r} for: ${lacking.join(",")}`);
      }
      if (missing.length) {
        throw forbidden(info, obj.metadata.name ?? "", `failed quota: ${quota.metadata.name}: must specify ${missing.join("; ")}`);
      }
    }
    const requested: string[] = [];
    const used: string[] = [];
    const limited: string[] = [];
    for (const [r, h] of Object.entries(hard).sort(([a], [b]) => a.localeCompare(b))) {
      const delta = quotaDelta(info, obj, r);
      if (!delta) continue;
      const current = quotaUsage(r, obj.metadata.namespace!, api);
      if (current + delta > quantityValue(h) + 1e-9) {
        requested.push(`${r}=${formatQuantity(r, delta)}`);
        used.push(`${r}=${formatQuantity(r, current)}`);
        limited.push(`${r}=${h}`);
      }
    }
    if (requested.length) {
      throw forbidden(info, obj.metadata.name ?? "", `exceeded quota: ${quota.metadata.name}, requested: ${requested.join(",")}, used: ${used.join(",")}, limited: ${limited.join(",")}`);
    }
  }
}
