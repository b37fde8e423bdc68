// The garbage collector: deletes dependents whose owners are gone (background), deletes
// dependents first for owners deleted in the foreground, and orphans dependents when asked.
import type { StoredObject } from "../api/types";
import { ApiError } from "../apiserver/errors";
import { resourceForKind, type ResourceInfo } from "../apiserver/registry";
import type { WatchEvent } from "../apiserver/server";
import type { Cluster, Reconciler } from "../cluster";

const KINDS = ["Pod", "ReplicaSet", "Deployment", "DaemonSet", "Job", "Service", "EndpointSlice", "Endpoints", "ConfigMap", "Secret", "ServiceAccount", "Lease", "Event", "ResourceQuota", "LimitRange"];

const keyOf = (kind: string, obj: StoredObject) => `${kind}|${obj.metadata.namespace ?? ""}|${obj.metadata.name}`;

function onEvent(e: WatchEvent, cluster: Cluster): string[] {
  const keys: string[] = [];
  const obj = e.object;
  const ownersChanged = e.type === "ADDED" || JSON.stringify(e.old?.metadata.ownerReferences) !== JSON.stringify(obj.metadata.ownerReferences);
  if (e.type !== "DELETED" && ownersChanged && obj.metadata.ownerReferences?.length) keys.push(keyOf(e.info.kind, obj));
  // An owner that went away, or is being deleted in the foreground or with orphaning.
  const finalizers = obj.metadata.finalizers ?? [];
  const deleting = obj.metadata.deletionTimestamp && (finalizers.includes("foregroundDeletion") || finalizers.includes("orphan"));
  if (e.type === "DELETED" || (deleting && JSON.stringify(e.old?.metadata.finalizers) !== JSON.stringify(finalizers)) || (deleting && !e.old?.metadata.deletionTimestamp)) {
    for (const d of dependentsOf(cluster, obj)) keys.push(keyOf(d.info.kind, d.object));
    if (e.type !== "DELETED") keys.push(`owner|${e.info.kind}|${obj.metadata.namespace ?? ""}|${obj.metadata.name}`);
  }
  return keys;
}

function dependentsOf(cluster: Cluster, owner: StoredObject) {
  const uid = owner.metadata.uid;
  if (!uid) return [];
  // A dependent names its owner's uid: objects that do not mention it are never parsed.
  return cluster.api.listEverything(owner.metadata.namespace, uid).filter(({ object }) => object.metadata.ownerReferences?.some((r) => r.uid === uid));
}

export const garbageCollector: Reconciler = {
  name: "garbage-collector",
  actor: "kube-controller-manager",
  delayMs: 10,
  watch: Object.fromEntries([...KINDS, "Namespace", "Node"].map((k) => [k, onEvent])),
  reconcile(cluster, key) {
    const parts = key.split("|");
    if (parts[0] === "owner") {
      finishOwner(cluster, resourceForKind(parts[1]!)!, parts[2] || undefined, parts[3]!);
      return;
    }
    const [kind, namespace, name] = parts as [string, string, string];
    const i = resourceForKind(kind)!;
    const obj = cluster.api.tryGet(i, namespace || undefined, name);
    if (!obj || obj.metadata.deletionTimestamp) return;
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const ownerInfo = resourceForKind(ref.kind);
      if (!ownerInfo) continue;
      const owner = cluster.api.tryGet(ownerInfo, ownerInfo.namespaced ? namespace : undefined, ref.name);
      if (owner && owner.metadata.uid === ref.uid) {
        const fin = owner.metadata.finalizers ?? [];
        if (owner.metadata.deletionTimestamp && fin.includes("orphan")) orphan(cluster, i, obj, owner);
        else if (owner.metadata.deletionTimestamp && fin.includes("foregroundDeletion")) remove(cluster, i, obj, "Foreground");
        continue;
      }
      // The owner is gone: if no other owner remains, the dependent goes too.
      const others = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid);
      const othersAlive = others.some((r) => {
        const oi = resourceForKind(r.kind);
        const o = oi && cluster.api.tryGet(oi, oi.namespaced ? namespace : undefined, r.name);
        return o && o.metadata.uid === r.uid;
      });
      if (!othersAlive) {
        remove(cluster, i, obj, "Background");
        return;
      }
    }
  },
};

function remove(cluster: Cluster, i: ResourceInfo, obj: StoredObject, policy: "Background" | "Foreground") {
  try {
    cluster.api.delete(i, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: policy });
    cluster.note("kube-controller-manager", "garbage-collect", `${i.resource}/${obj.metadata.namespace ? obj.metadata.namespace + "/" : ""}${obj.metadata.name}`, undefined, "garbage-collector");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

function orphan(cluster: Cluster, i: ResourceInfo, obj: StoredObject, owner: StoredObject) {
  try {
    cluster.api.modify(i, obj.metadata.namespace, obj.metadata.name, (o) => {
      o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
      if (o.metadata.ownerReferences.length === 0) delete o.metadata.ownerReferences;
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}

/** Removes the foreground/orphan finalizer once the owner's dependents are handled. */
function finishOwner(cluster: Cluster, i: ResourceInfo, namespace: string | undefined, name: string) {
  const owner = cluster.api.tryGet(i, namespace, name);
  if (!owner || !owner.metadata.deletionTimestamp) return;
  const fin = owner.metadata.finalizers ?? [];
  const dependents = dependentsOf(cluster, owner);
  if (fin.includes("orphan")) {
    for (const d of dependents) orphan(cluster, d.info, d.object, owner);
  } else if (fin.includes("foregroundDeletion")) {
    const blocking = dependents.filter((d) => d.object.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion));
    if (blocking.length > 0) {
      for (const d of blocking) if (!d.object.metadata.deletionTimestamp) remove(cluster, d.info, d.object, "Foreground");
      cluster.requeueAfter("garbage-collector", `owner|${i.kind}|${namespace ?? ""}|${name}`, 1000);
      return;
    }
  } else {
    return;
  }
  try {
    cluster.api.modify(i, namespace, name, (o) => {
      o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== "orphan" && f !== "foregroundDeletion");
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}
