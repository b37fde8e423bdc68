// The namespace controller: a namespace being deleted stays Terminating while its contents are
// deleted, then its "kubernetes" finalizer is removed and it disappears.
import { clone } from "../api/types";
import { ApiError } from "../apiserver/errors";
import { type Cluster, type Reconciler } from "../cluster";
import { info, setCondition } from "./util";

const RETRY_MS = 2000;

export const namespaceController: Reconciler = {
  name: "namespace",
  actor: "kube-controller-manager",
  delayMs: 5,
  watch: {
    Namespace: (e) => (e.type !== "DELETED" && e.object.metadata.deletionTimestamp ? [e.object.metadata.name] : []),
  },
  reconcile(cluster, name) {
    const nsInfo = info("Namespace");
    const ns = cluster.api.tryGet(nsInfo, undefined, name);
    if (!ns || !ns.metadata.deletionTimestamp) return;
    const contents = cluster.api.listEverything(name);
    for (const { info: i, object } of contents) {
      if (object.metadata.deletionTimestamp) continue;
      try {
        cluster.api.delete(i, name, object.metadata.name);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
      }
    }
    const remaining = cluster.api.listEverything(name);
    if (remaining.length > 0) {
      setRemainingConditions(cluster, name, remaining);
      cluster.requeueAfter("namespace", name, RETRY_MS);
      return;
    }
    // Empty: drop the finalizer, and the namespace is gone.
    try {
      const current = cluster.api.get(nsInfo, undefined, name);
      cluster.api.remove(nsInfo, undefined, name, current.metadata.resourceVersion);
      cluster.note("kube-controller-manager", "delete-namespace", `namespaces/${name}`, undefined, "namespace-controller");
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      cluster.requeueAfter("namespace", name, RETRY_MS);
    }
  },
};

function setRemainingConditions(cluster: Cluster, name: string, remaining: ReturnType<Cluster["api"]["listEverything"]>) {
  const counts = new Map<string, number>();
  for (const { info: i } of remaining) {
    const resource = i.group ? `${i.resource}.${i.group}` : `${i.resource}.`;
    counts.set(resource, (counts.get(resource) ?? 0) + 1);
  }
  const summary = [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([r, n]) => `${r} has ${n} resource instances`)
    .join(", ");
  const now = cluster.api.timestamp();
  try {
    cluster.api.modify(info("Namespace"), undefined, name, (ns) => {
      let conditions = clone(ns.status?.conditions ?? []);
      conditions = setCondition(conditions, { type: "NamespaceDeletionDiscoveryFailure", status: "False", reason: "ResourcesDiscovered", message: "All resources successfully discovered" }, now);
      conditions = setCondition(conditions, { type: "NamespaceDeletionGroupVersionParsingFailure", status: "False", reason: "ParsedGroupVersions", message: "All legacy kube types successfully parsed" }, now);
      conditions = setCondition(conditions, { type: "NamespaceDeletionContentFailure", status: "False", reason: "ContentDeleted", message: "All content successfully deleted, may be waiting on finalization" }, now);
      conditions = setCondition(conditions, { type: "NamespaceContentRemaining", status: "True", reason: "SomeResourcesRemain", message: `Some resources are remaining: ${summary}` }, now);
      conditions = setCondition(conditions, { type: "NamespaceFinalizersRemaining", status: "False", reason: "ContentHasNoFinalizers", message: "All content-preserving finalizers finished" }, now);
      if (JSON.stringify(conditions) === JSON.stringify(ns.status?.conditions ?? [])) return false;
      ns.status = { ...(ns.status ?? {}), conditions };
    }, { subresource: "status" });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}
