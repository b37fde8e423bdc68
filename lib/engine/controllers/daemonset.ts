// The DaemonSet controller: one pod per eligible node, pinned with node affinity and scheduled
// by the default scheduler, with the tolerations DaemonSet pods always get.
import { clone, type StoredObject, type Taint, type Toleration } from "../api/types";
import { ApiError } from "../apiserver/errors";
import { fromLabelSelector, matchesSelector } from "../apiserver/selectors";
import { objectKey, splitKey, type Cluster, type Reconciler } from "../cluster";
import { computeTemplateHash, controllerRef, info, isPodActive, isPodAvailable, isPodReady, podFromTemplate } from "./util";
import { taintsTolerated, nodeMatchesAffinity } from "../scheduler/predicates";

const SOURCE = { component: "daemonset-controller" };

/** Tolerations the DaemonSet controller adds to every pod it creates. */
export function daemonSetTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
  ];
  if (hostNetwork) t.push({ key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" });
  return t;
}

function withTolerations(existing: Toleration[] | undefined, extra: Toleration[]): Toleration[] {
  const out = [...(existing ?? [])];
  for (const t of extra) {
    if (!out.some((e) => e.key === t.key && e.effect === t.effect && e.operator === t.operator)) out.push(t);
  }
  return out;
}

/** Whether a DaemonSet's pod should run on a node (selector, affinity, NoSchedule/NoExecute taints). */
export function shouldRunOn(ds: StoredObject, node: StoredObject): boolean {
  const spec = ds.spec.template.spec;
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return false;
  const tolerations = withTolerations(spec.tolerations, daemonSetTolerations(Boolean(spec.hostNetwork)));
  const taints = ((node.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === "NoSchedule" || t.effect === "NoExecute");
  if (!taintsTolerated(taints, tolerations)) return false;
  return nodeMatchesAffinity({ spec: { nodeSelector: spec.nodeSelector, affinity: spec.affinity } }, node);
}

export const daemonSetController: Reconciler = {
  name: "daemonset",
  actor: "kube-controller-manager",
  delayMs: 5,
  watch: {
    DaemonSet: (e) => [objectKey(e.object)],
    Pod: (e) => {
      const ref = controllerRef(e.object);
      return ref?.kind === "DaemonSet" ? [`${e.object.metadata.namespace}/${ref.name}`] : [];
    },
    Node: (e, cluster) => {
      if (e.type === "MODIFIED" && JSON.stringify(e.old?.spec) === JSON.stringify(e.object.spec) && JSON.stringify(e.old?.metadata.labels) === JSON.stringify(e.object.metadata.labels)) {
        return [];
      }
      return cluster.api.list(info("DaemonSet")).map(objectKey);
    },
  },
  reconcile(cluster, key) {
    const { namespace, name } = splitKey(key);
    const ds = cluster.api.tryGet(info("DaemonSet"), namespace, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const hash = computeTemplateHash(ds.spec.template);
    const selector = fromLabelSelector(ds.spec.selector);
    const pods = cluster.api
      .list(info("Pod"), namespace)
      .filter((p) => controllerRef(p)?.uid === ds.metadata.uid && matchesSelector(selector, p.metadata.labels));
    const nodes = cluster.api.list(info("Node"));
    const byNode = new Map<string, StoredObject[]>();
    for (const p of pods) {
      const node = nodeOfDaemonPod(p);
      if (!node) continue;
      byNode.set(node, [...(byNode.get(node) ?? []), p]);
    }

    let desired = 0;
    let unavailable = 0;
    const maxUnavailable = Number(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1) || 1;
    const outdated: StoredObject[] = [];
    for (const node of nodes) {
      const here = (byNode.get(node.metadata.name) ?? []).filter(isPodActive);
      if (shouldRunOn(ds, node)) {
        desired++;
        if (here.length === 0) {
          createPod(cluster, ds, node.metadata.name, hash);
          unavailable++;
        } else {
          if (!here.some((p) => isPodAvailable(p, ds.spec.minReadySeconds ?? 0, cluster.now()))) unavailable++;
          for (const extra of here.slice(1)) deletePod(cluster, ds, extra);
          const current = here[0]!;
          if (current.metadata.labels?.["controller-revision-hash"] !== hash && ds.spec.updateStrategy?.type !== "OnDelete") outdated.push(current);
        }
      } else {
        for (const p of here) deletePod(cluster, ds, p);
      }
    }
    // Rolling update: replace outdated pods while staying within maxUnavailable.
    for (const p of outdated) {
      if (unavailable >= maxUnavailable) break;
      deletePod(cluster, ds, p);
      unavailable++;
    }
    updateStatus(cluster, ds, pods, nodes, hash, desired);
  },
};

function nodeOfDaemonPod(pod: StoredObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const f of term.matchFields ?? []) if (f.key === "metadata.name" && f.values?.[0]) return f.values[0];
  }
  return undefined;
}

function createPod(cluster: Cluster, ds: StoredObject, nodeName: string, hash: string) {
  const template = clone(ds.spec.template);
  template.metadata = {
    ...(template.metadata ?? {}),
    labels: { ...(template.metadata?.labels ?? {}), "controller-revision-hash": hash, "pod-template-generation": String(ds.metadata.generation ?? 1) },
  };
  const pod = podFromTemplate(ds, template, `${ds.metadata.name}-`);
  pod.spec.affinity = {
    ...(pod.spec.affinity ?? {}),
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] }],
      },
    },
  };
  pod.spec.tolerations = withTolerations(pod.spec.tolerations, daemonSetTolerations(Boolean(pod.spec.hostNetwork)));
  try {
    const created = cluster.api.create(pod, ds.metadata.namespace);
    cluster.note("kube-controller-manager", "create-pod", `pods/${created.metadata.namespace}/${created.metadata.name}`, { by: "daemonset-controller", node: nodeName }, "daemonset-controller");
    cluster.event({ object: ds, type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${created.metadata.name}`, source: SOURCE });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    cluster.event({ object: ds, type: "Warning", reason: "FailedCreate", message: `Error creating: ${error.message}`, source: SOURCE });
  }
}

function deletePod(cluster: Cluster, ds: StoredObject, pod: StoredObject) {
  try {
    cluster.api.delete(info("Pod"), pod.metadata.namespace, pod.metadata.name);
    cluster.event({ object: ds, type: "Normal", reason: "SuccessfulDelete", message: `Deleted pod: ${pod.metadata.name}`, source: SOURCE });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

function updateStatus(cluster: Cluster, ds: StoredObject, pods: StoredObject[], nodes: StoredObject[], hash: string, desired: number) {
  const active = pods.filter(isPodActive);
  const eligible = new Set(nodes.filter((n) => shouldRunOn(ds, n)).map((n) => n.metadata.name));
  const scheduled = active.filter((p) => eligible.has(nodeOfDaemonPod(p) ?? ""));
  const ready = scheduled.filter(isPodReady).length;
  const available = scheduled.filter((p) => isPodAvailable(p, ds.spec.minReadySeconds ?? 0, cluster.now())).length;
  const status: Record<string, unknown> = {
    currentNumberScheduled: new Set(scheduled.map(nodeOfDaemonPod)).size,
    desiredNumberScheduled: desired,
    numberAvailable: available,
    numberMisscheduled: active.filter((p) => !eligible.has(nodeOfDaemonPod(p) ?? "")).length,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: scheduled.filter((p) => p.metadata.labels?.["controller-revision-hash"] === hash).length,
  };
  if (desired - available > 0) status.numberUnavailable = desired - available;
  if (status.numberAvailable === 0) delete status.numberAvailable;
  if (status.updatedNumberScheduled === 0) delete status.updatedNumberScheduled;
  if (JSON.stringify(status) === JSON.stringify(ds.status ?? {})) return;
  try {
    cluster.api.modify(info("DaemonSet"), ds.metadata.namespace, ds.metadata.name, (d) => {
      d.status = status;
    }, { subresource: "status" });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}
