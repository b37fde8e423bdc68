// The Endpoints and EndpointSlice controllers: for each Service with a selector, the IPs of the
// matching pods, ready ones as addresses and not-ready ones apart, with the target ports resolved.
import type { KubeObject, StoredObject } from "../api/types";
import { ApiError } from "../apiserver/errors";
import { fromLabelSelector, matchesSelector } from "../apiserver/selectors";
import { objectKey, splitKey, type Cluster, type Reconciler } from "../cluster";
import { info, isPodReady, ownerReferenceTo } from "./util";

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
}

/** Services whose selector matches a pod (old or new labels), as keys. */
function servicesForPod(cluster: Cluster, pods: (KubeObject | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const pod of pods) {
    if (!pod) continue;
    for (const svc of cluster.api.list(info("Service"), pod.metadata.namespace)) {
      if (svc.spec?.selector && matchesSelector(fromLabelSelector({ matchLabels: svc.spec.selector }), pod.metadata.labels)) keys.add(objectKey(svc));
    }
  }
  return [...keys];
}

/** The container port a Service's targetPort names on one pod (numbers pass through). */
export function resolveTargetPort(pod: KubeObject, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of (pod.spec?.containers ?? []) as { ports?: { name?: string; containerPort: number; protocol?: string }[] }[]) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? "TCP") === (port.protocol ?? "TCP")) return p.containerPort;
  }
  return undefined;
}

/** The pods behind a Service: not terminating (unless published), with an IP. */
export function servicePods(cluster: Cluster, svc: StoredObject): StoredObject[] {
  const selector = fromLabelSelector({ matchLabels: svc.spec.selector });
  return cluster.api
    .list(info("Pod"), svc.metadata.namespace)
    .filter((p) => matchesSelector(selector, p.metadata.labels) && p.status?.podIP && (!p.metadata.deletionTimestamp || svc.spec.publishNotReadyAddresses))
    .sort((a, b) => ipOrder(a.status.podIP) - ipOrder(b.status.podIP));
}

function ipOrder(ip: string): number {
  return ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

const podReady = (svc: StoredObject, pod: StoredObject) => Boolean(svc.spec.publishNotReadyAddresses) || (isPodReady(pod) && !pod.metadata.deletionTimestamp);

function watchers(): Reconciler["watch"] {
  return {
    Service: (e) => [objectKey(e.object)],
    Pod: (e, cluster) => {
      if (e.type === "MODIFIED" && e.old && !podChangeMatters(e.old, e.object)) return [];
      return servicesForPod(cluster, [e.object, e.old]);
    },
  };
}

function podChangeMatters(old: KubeObject, pod: KubeObject): boolean {
  return (
    old.status?.podIP !== pod.status?.podIP ||
    isPodReady(old) !== isPodReady(pod) ||
    Boolean(old.metadata.deletionTimestamp) !== Boolean(pod.metadata.deletionTimestamp) ||
    JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels) ||
    old.spec?.nodeName !== pod.spec?.nodeName
  );
}

export const endpointsController: Reconciler = {
  name: "endpoints",
  actor: "kube-controller-manager",
  delayMs: 5,
  watch: { ...watchers(), Endpoints: (e) => (e.type === "DELETED" ? [objectKey(e.object)] : []) },
  reconcile(cluster, key) {
    const { namespace, name } = splitKey(key);
    const epInfo = info("Endpoints");
    const svc = cluster.api.tryGet(info("Service"), namespace, name);
    if (!svc || !svc.spec?.selector) {
      // Endpoints of a Service that is gone are deleted; Services without selectors are user-managed.
      if (!svc) tryDelete(cluster, epInfo, namespace, name);
      return;
    }
    const ports = (svc.spec.ports ?? []) as ServicePort[];
    const addresses: Record<string, unknown>[] = [];
    const notReady: Record<string, unknown>[] = [];
    let resolvedPorts: { name?: string; port: number; protocol: string }[] | undefined;
    for (const pod of servicePods(cluster, svc)) {
      const podPorts = ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: resolveTargetPort(pod, p), protocol: p.protocol ?? "TCP" }));
      if (podPorts.some((p) => p.port === undefined)) continue;
      resolvedPorts ??= podPorts as { name?: string; port: number; protocol: string }[];
      const address = {
        ip: pod.status.podIP,
        nodeName: pod.spec.nodeName,
        targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
      };
      (podReady(svc, pod) ? addresses : notReady).push(address);
    }
    const subsets =
      addresses.length || notReady.length
        ? [{ ...(addresses.length ? { addresses } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports: resolvedPorts ?? [] }]
        : undefined;
    const desired: KubeObject = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name, namespace, labels: { ...(svc.metadata.labels ?? {}) } },
      ...(subsets ? { subsets } : {}),
    };
    if (Object.keys(desired.metadata.labels!).length === 0) delete desired.metadata.labels;
    const current = cluster.api.tryGet(epInfo, namespace, name);
    try {
      if (!current) {
        cluster.api.create({ ...desired, metadata: { ...desired.metadata, annotations: { "endpoints.kubernetes.io/last-change-trigger-time": cluster.api.timestamp() } } }, namespace);
      } else if (JSON.stringify(current.subsets ?? null) !== JSON.stringify(desired.subsets ?? null) || JSON.stringify(current.metadata.labels ?? {}) !== JSON.stringify(desired.metadata.labels ?? {})) {
        const next: KubeObject = { ...current, metadata: { ...current.metadata, labels: desired.metadata.labels, annotations: { ...(current.metadata.annotations ?? {}), "endpoints.kubernetes.io/last-change-trigger-time": cluster.api.timestamp() } } };
        if (!next.metadata.labels) delete next.metadata.labels;
        if (subsets) next.subsets = subsets;
        else delete next.subsets;
        cluster.api.update(next);
      } else {
        return;
      }
      cluster.note("kube-controller-manager", "update-endpoints", `endpoints/${key}`, { ready: addresses.length, notReady: notReady.length }, "endpoints-controller");
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      cluster.enqueue("endpoints", key);
    }
  },
};

function tryDelete(cluster: Cluster, i: ReturnType<typeof info>, namespace: string | undefined, name: string) {
  try {
    if (cluster.api.tryGet(i, namespace, name)) cluster.api.delete(i, namespace, name);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

export const MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
export const SERVICE_NAME = "kubernetes.io/service-name";

export const endpointSliceController: Reconciler = {
  name: "endpointslice",
  actor: "kube-controller-manager",
  delayMs: 5,
  watch: watchers(),
  reconcile(cluster, key) {
    const { namespace, name } = splitKey(key);
    const sliceInfo = info("EndpointSlice");
    const svc = cluster.api.tryGet(info("Service"), namespace, name);
    const existing = cluster.api
      .list(sliceInfo, namespace)
      .filter((s) => s.metadata.labels?.[SERVICE_NAME] === name && s.metadata.labels?.[MANAGED_BY] === "endpointslice-controller.k8s.io");
    if (!svc || !svc.spec?.selector) {
      if (!svc) for (const s of existing) tryDelete(cluster, sliceInfo, namespace, s.metadata.name);
      return;
    }
    const ports = (svc.spec.ports ?? []) as ServicePort[];
    let slicePorts: { name: string; port: number; protocol: string }[] | undefined;
    const endpoints: Record<string, unknown>[] = [];
    for (const pod of servicePods(cluster, svc)) {
      const resolved = ports.map((p) => ({ name: p.name ?? "", port: resolveTargetPort(pod, p), protocol: p.protocol ?? "TCP" }));
      if (resolved.some((p) => p.port === undefined)) continue;
      slicePorts ??= resolved as { name: string; port: number; protocol: string }[];
      const terminating = Boolean(pod.metadata.deletionTimestamp);
      endpoints.push({
        addresses: [pod.status.podIP],
        conditions: { ready: podReady(svc, pod), serving: isPodReady(pod), terminating },
        nodeName: pod.spec.nodeName,
        targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
      });
    }
    const labels = { ...(svc.metadata.labels ?? {}), [MANAGED_BY]: "endpointslice-controller.k8s.io", [SERVICE_NAME]: name };
    const body = { addressType: "IPv4", endpoints: endpoints.length ? endpoints : null, ports: slicePorts ?? (ports.length ? null : null) };
    try {
      const [first, ...extra] = existing;
      for (const s of extra) tryDelete(cluster, sliceInfo, namespace, s.metadata.name);
      if (!first) {
        cluster.api.create(
          {
            apiVersion: "discovery.k8s.io/v1",
            kind: "EndpointSlice",
            metadata: { generateName: `${name}-`, namespace, labels, ownerReferences: [ownerReferenceTo(svc)], generation: 1 },
            ...body,
          },
          namespace,
        );
      } else if (JSON.stringify([first.endpoints ?? null, first.ports ?? null, first.metadata.labels]) !== JSON.stringify([body.endpoints, body.ports, labels])) {
        cluster.api.update({ ...first, ...body, metadata: { ...first.metadata, labels, generation: (first.metadata.generation ?? 1) + 1 } });
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      cluster.enqueue("endpointslice", key);
    }
  },
};
