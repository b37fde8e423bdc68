// The ReplicaSet controller: keeps the number of active pods matching a ReplicaSet's selector
// equal to spec.replicas, adopting orphans and releasing pods that stop matching.
import { clone, type StoredObject } from "../api/types";
import { ApiError } from "../apiserver/errors";
import { fromLabelSelector, matchesSelector } from "../apiserver/selectors";
import { objectKey, splitKey, type Cluster, type Reconciler } from "../cluster";
import {
  controllerRef,
  getCondition,
  info,
  isPodActive,
  isPodAvailable,
  isPodReady,
  ownerReferenceTo,
  podFromTemplate,
  restartCount,
} from "./util";

const SOURCE = { component: "replicaset-controller" };

/** Enqueues the owning ReplicaSet of a pod, or every ReplicaSet that could adopt it. */
function ownersOfPod(kind: "ReplicaSet", cluster: Cluster, pod: StoredObject): string[] {
  const ref = controllerRef(pod);
  if (ref) return ref.kind === kind ? [`${pod.metadata.namespace}/${ref.name}`] : [];
  if (!isPodActive(pod)) return [];
  return cluster.api
    .list(info(kind), pod.metadata.namespace)
    .filter((rs) => matchesSelector(fromLabelSelector(rs.spec?.selector), pod.metadata.labels))
    .map(objectKey);
}

/**
 * Which pods to delete first when scaling down, like the real controller's ranking: unscheduled
 * before scheduled, pending before running, not ready before ready, more restarts first, newer
 * first.
 */
export function deletionOrder(pods: StoredObject[]): StoredObject[] {
  const phaseRank = (p: StoredObject) => (p.status?.phase === "Pending" ? 0 : p.status?.phase === "Unknown" ? 1 : 2);
  return [...pods].sort((a, b) => {
    const assigned = Number(Boolean(a.spec?.nodeName)) - Number(Boolean(b.spec?.nodeName));
    if (assigned) return assigned;
    const phase = phaseRank(a) - phaseRank(b);
    if (phase) return phase;
    const ready = Number(isPodReady(a)) - Number(isPodReady(b));
    if (ready) return ready;
    const restarts = restartCount(b) - restartCount(a);
    if (restarts) return restarts;
    const created = (b.metadata.creationTimestamp ?? "").localeCompare(a.metadata.creationTimestamp ?? "");
    if (created) return created;
    return a.metadata.name.localeCompare(b.metadata.name);
  });
}

export const replicaSetController: Reconciler = {
  name: "replicaset",
  actor: "kube-controller-manager",
  delayMs: 5,
  watch: {
    ReplicaSet: (e) => [objectKey(e.object)],
    Pod: (e, cluster) => {
      const keys = new Set(ownersOfPod("ReplicaSet", cluster, e.object));
      // A pod whose labels changed may have left one ReplicaSet and joined another.
      if (e.old && e.old.metadata.labels !== e.object.metadata.labels) {
        for (const k of ownersOfPod("ReplicaSet", cluster, e.old)) keys.add(k);
      }
      return [...keys];
    },
  },
  reconcile(cluster, key) {
    const { namespace, name } = splitKey(key);
    const rsInfo = info("ReplicaSet");
    const podInfo = info("Pod");
    const rs = cluster.api.tryGet(rsInfo, namespace, name);
    if (!rs) return; // its pods are the garbage collector's business
    const selector = fromLabelSelector(rs.spec?.selector);
    const owned: StoredObject[] = [];

    for (const pod of cluster.api.list(podInfo, namespace)) {
      const ref = controllerRef(pod);
      const matches = matchesSelector(selector, pod.metadata.labels);
      if (ref?.uid === rs.metadata.uid) {
        if (matches) owned.push(pod);
        else release(cluster, pod, rs);
      } else if (!ref && matches && isPodActive(pod) && !rs.metadata.deletionTimestamp) {
        const adopted = adopt(cluster, pod, rs);
        if (adopted) owned.push(adopted);
      }
    }

    const active = owned.filter(isPodActive);
    const desired = rs.metadata.deletionTimestamp ? active.length : (rs.spec?.replicas ?? 1);
    const diff = active.length - desired;
    let failure: string | undefined;
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        try {
          const pod = cluster.api.create(podFromTemplate(rs, rs.spec.template, `${rs.metadata.name}-`), namespace);
          cluster.note("kube-controller-manager", "create-pod", `pods/${namespace}/${pod.metadata.name}`, { by: "replicaset-controller", owner: name }, "replicaset-controller");
          cluster.event({ object: rs, type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${pod.metadata.name}`, source: SOURCE });
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          failure = error.message;
          cluster.event({ object: rs, type: "Warning", reason: "FailedCreate", message: `Error creating: ${error.message}`, source: SOURCE });
          break;
        }
      }
    } else if (diff > 0) {
      for (const pod of deletionOrder(active).slice(0, diff)) {
        try {
          cluster.api.delete(podInfo, namespace, pod.metadata.name);
          cluster.note("kube-controller-manager", "delete-pod", `pods/${namespace}/${pod.metadata.name}`, { by: "replicaset-controller", owner: name }, "replicaset-controller");
          cluster.event({ object: rs, type: "Normal", reason: "SuccessfulDelete", message: `Deleted pod: ${pod.metadata.name}`, source: SOURCE });
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
        }
      }
    }

    updateStatus(cluster, rs, owned, failure);
    if (failure) {
      // The work queue's rate limiter: retry after a delay that doubles while the failure lasts.
      const since = getCondition(rs, "ReplicaFailure")?.lastTransitionTime;
      const lasted = since ? cluster.now() - Date.parse(since) : 0;
      cluster.requeueAfter("replicaset", key, Math.min(1_000_000, Math.max(1000, lasted)));
    }
  },
};

function adopt(cluster: Cluster, pod: StoredObject, owner: StoredObject): StoredObject | undefined {
  try {
    return cluster.api.modify(info("Pod"), pod.metadata.namespace, pod.metadata.name, (p) => {
      if (controllerRef(p)) return false;
      p.metadata.ownerReferences = [...(p.metadata.ownerReferences ?? []), ownerReferenceTo(owner)];
    });
  } catch (error) {
    if (error instanceof ApiError) return undefined;
    throw error;
  }
}

function release(cluster: Cluster, pod: StoredObject, owner: StoredObject) {
  try {
    cluster.api.modify(info("Pod"), pod.metadata.namespace, pod.metadata.name, (p) => {
      p.metadata.ownerReferences = (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
      if (p.metadata.ownerReferences.length === 0) delete p.metadata.ownerReferences;
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

function updateStatus(cluster: Cluster, rs: StoredObject, owned: StoredObject[], failure: string | undefined) {
  const active = owned.filter(isPodActive);
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const status: Record<string, unknown> = {
    replicas: active.length,
    fullyLabeledReplicas: active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
    readyReplicas: active.filter(isPodReady).length,
    availableReplicas: active.filter((p) => isPodAvailable(p, minReady, cluster.now())).length,
    observedGeneration: rs.metadata.generation,
  };
  const existingFailure = getCondition(rs, "ReplicaFailure");
  if (failure) {
    // As calculateStatus does: a failure already reported stays as it was (its message names the
    // first pod that could not be created), so a persisting failure does not rewrite the status.
    status.conditions = [existingFailure ?? { type: "ReplicaFailure", status: "True", lastTransitionTime: cluster.api.timestamp(), reason: "FailedCreate", message: failure }];
  }
  // The real status omits zero counts; kubectl then shows them as 0 or empty.
  for (const k of ["fullyLabeledReplicas", "readyReplicas", "availableReplicas"]) if (status[k] === 0) delete status[k];
  const next = clone(rs);
  next.status = status;
  if (JSON.stringify(next.status) === JSON.stringify(rs.status ?? {})) return;
  try {
    cluster.api.updateStatus(next);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    cluster.enqueue("replicaset", objectKey(rs)); // conflict: try again with fresh state
  }
  if (minReady > 0 && status.readyReplicas !== status.availableReplicas) {
    cluster.requeueAfter("replicaset", objectKey(rs), minReady * 1000);
  }
}
