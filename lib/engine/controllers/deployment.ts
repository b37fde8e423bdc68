// The Deployment controller: one ReplicaSet per pod template (named <deployment>-<hash>), rolled
// out with RollingUpdate (honouring maxSurge and maxUnavailable) or Recreate, with revision
// history, pause, and the Progressing and Available conditions.
import { clone, type Condition, type StoredObject } from "../api/types";
import { ApiError } from "../apiserver/errors";
import { fromLabelSelector, matchesSelector } from "../apiserver/selectors";
import { objectKey, splitKey, type Cluster, type Reconciler } from "../cluster";
import { computeTemplateHash, controllerRef, getCondition, info, ownerReferenceTo, resolveIntOrPercent } from "./util";

const SOURCE = { component: "deployment-controller" };
export const REVISION = "deployment.kubernetes.io/revision";
const DESIRED = "deployment.kubernetes.io/desired-replicas";
const MAX = "deployment.kubernetes.io/max-replicas";
const HASH = "pod-template-hash";

export function maxSurge(d: StoredObject): number {
  if (d.spec?.strategy?.type === "Recreate") return 0;
  const replicas = d.spec?.replicas ?? 1;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const surge = resolveIntOrPercent(ru.maxSurge, replicas, true, Math.ceil(replicas * 0.25));
  const unavailable = resolveIntOrPercent(ru.maxUnavailable, replicas, false, Math.floor(replicas * 0.25));
  return surge === 0 && unavailable === 0 ? 0 : surge;
}

export function maxUnavailable(d: StoredObject): number {
  const replicas = d.spec?.replicas ?? 1;
  if (d.spec?.strategy?.type === "Recreate" || replicas === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const surge = resolveIntOrPercent(ru.maxSurge, replicas, true, Math.ceil(replicas * 0.25));
  let unavailable = resolveIntOrPercent(ru.maxUnavailable, replicas, false, Math.floor(replicas * 0.25));
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return Math.min(unavailable, replicas);
}

/** The template without the pod-template-hash label, for comparing a ReplicaSet with its Deployment. */
function templateWithoutHash(template: StoredObject["spec"]) {
  const t = clone(template ?? {});
  if (t.metadata?.labels) {
    delete t.metadata.labels[HASH];
  }
  return JSON.stringify(sortKeys(t));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const revisionOf = (rs: StoredObject) => Number(rs.metadata.annotations?.[REVISION] ?? 0);
const specReplicas = (rs: StoredObject) => (rs.spec?.replicas ?? 0) as number;
const statusReplicas = (rs: StoredObject, field: string) => (rs.status?.[field] ?? 0) as number;

export const deploymentController: Reconciler = {
  name: "deployment",
  actor: "kube-controller-manager",
  delayMs: 5,
  watch: {
    Deployment: (e) => [objectKey(e.object)],
    // A Recreate rollout waits for the last old pod to disappear.
    Pod: (e, cluster) => {
      if (e.type !== "DELETED") return [];
      const ref = controllerRef(e.object);
      if (ref?.kind !== "ReplicaSet") return [];
      const rs = cluster.api.tryGet(info("ReplicaSet"), e.object.metadata.namespace, ref.name);
      const owner = rs && controllerRef(rs);
      return owner?.kind === "Deployment" ? [`${e.object.metadata.namespace}/${owner.name}`] : [];
    },
    ReplicaSet: (e, cluster) => {
      const ref = controllerRef(e.object);
      if (ref) return ref.kind === "Deployment" ? [`${e.object.metadata.namespace}/${ref.name}`] : [];
      return cluster.api
        .list(info("Deployment"), e.object.metadata.namespace)
        .filter((d) => matchesSelector(fromLabelSelector(d.spec?.selector), e.object.metadata.labels))
        .map(objectKey);
    },
  },
  reconcile(cluster, key) {
    const { namespace, name } = splitKey(key);
    const d = cluster.api.tryGet(info("Deployment"), namespace, name);
    if (!d || d.metadata.deletionTimestamp) return;

    const replicaSets = ownedReplicaSets(cluster, d);
    if (d.spec?.paused) {
      syncPaused(cluster, d, replicaSets);
      return;
    }
    const found = findOrCreateNewReplicaSet(cluster, d, replicaSets);
    const { newRS, oldRSs } = found;
    if (!newRS) return;
    const current = found.deployment;
    const all = [newRS, ...oldRSs];
    if (current.spec?.strategy?.type === "Recreate") rolloutRecreate(cluster, current, newRS, oldRSs);
    else rolloutRolling(cluster, current, newRS, oldRSs);
    cleanupHistory(cluster, current, oldRSs);
    syncStatus(cluster, current, newRS, all);
  },
};

/** ReplicaSets this Deployment controls, adopting orphans that match its selector. */
function ownedReplicaSets(cluster: Cluster, d: StoredObject): StoredObject[] {
  const selector = fromLabelSelector(d.spec?.selector);
  const out: StoredObject[] = [];
  for (const rs of cluster.api.list(info("ReplicaSet"), d.metadata.namespace)) {
    const ref = controllerRef(rs);
    if (ref?.uid === d.metadata.uid) out.push(rs);
    else if (!ref && matchesSelector(selector, rs.metadata.labels)) {
      try {
        out.push(
          cluster.api.modify(info("ReplicaSet"), rs.metadata.namespace, rs.metadata.name, (r) => {
            r.metadata.ownerReferences = [...(r.metadata.ownerReferences ?? []), ownerReferenceTo(d)];
          }),
        );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
      }
    }
  }
  return out;
}

function findOrCreateNewReplicaSet(cluster: Cluster, d: StoredObject, replicaSets: StoredObject[]): { newRS: StoredObject | undefined; oldRSs: StoredObject[]; deployment: StoredObject } {
  const wanted = templateWithoutHash(d.spec.template);
  const sorted = [...replicaSets].sort((a, b) => (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? "") || a.metadata.name.localeCompare(b.metadata.name));
  const existing = sorted.find((rs) => templateWithoutHash(rs.spec?.template) === wanted);
  const oldRSs = sorted.filter((rs) => rs !== existing);
  const maxOldRevision = Math.max(0, ...oldRSs.map(revisionOf));
  const replicas = d.spec?.replicas ?? 1;

  if (existing) {
    // A rollback makes an old ReplicaSet new again: it takes the next revision number.
    const revision = revisionOf(existing) <= maxOldRevision ? maxOldRevision + 1 : revisionOf(existing);
    const annotationsStale =
      String(revision) !== existing.metadata.annotations?.[REVISION] ||
      existing.metadata.annotations?.[DESIRED] !== String(replicas) ||
      existing.metadata.annotations?.[MAX] !== String(replicas + maxSurge(d));
    if (annotationsStale) {
      // getNewReplicaSet updates the ReplicaSet and carries on; the Deployment's own revision
      // annotation follows on the sync that the ReplicaSet's update triggers.
      const newRS = update(cluster, existing, (rs) => {
        rs.metadata.annotations = { ...(rs.metadata.annotations ?? {}), [REVISION]: String(revision), [DESIRED]: String(replicas), [MAX]: String(replicas + maxSurge(d)) };
      });
      return { newRS, oldRSs, deployment: d };
    }
    // The Deployment takes the ReplicaSet's revision; a Deployment without a Progressing
    // condition notes the ReplicaSet it found. Both go in one status write, which (unlike a
    // write of the object itself) does not bump the generation.
    const revisionStale = d.metadata.annotations?.[REVISION] !== existing.metadata.annotations?.[REVISION];
    const noteFound = hasProgressDeadline(d) && !getCondition(d, "Progressing");
    if (!revisionStale && !noteFound) return { newRS: existing, oldRSs, deployment: d };
    const deployment = update(cluster, d, (x) => {
      if (revisionStale) x.metadata.annotations = { ...(x.metadata.annotations ?? {}), [REVISION]: existing.metadata.annotations?.[REVISION] ?? "" };
      if (noteFound) setProgressing(cluster, x, { type: "Progressing", status: "True", reason: "FoundNewReplicaSet", message: `Found new replica set "${existing.metadata.name}"` });
    }, "status");
    return { newRS: existing, oldRSs, deployment };
  }

  const hash = computeTemplateHash(d.spec.template, d.status?.collisionCount);
  const template = clone(d.spec.template);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH]: hash } };
  const currentPods = oldRSs.reduce((n, rs) => n + specReplicas(rs), 0);
  let newReplicas = replicas;
  if (d.spec?.strategy?.type === "Recreate") newReplicas = currentPods > 0 ? 0 : replicas;
  else newReplicas = Math.max(0, Math.min(replicas + maxSurge(d) - currentPods, replicas));

  const rs = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: template.metadata.labels,
      annotations: { [DESIRED]: String(replicas), [MAX]: String(replicas + maxSurge(d)), [REVISION]: String(maxOldRevision + 1) },
      ownerReferences: [ownerReferenceTo(d)],
    },
    spec: {
      replicas: newReplicas,
      minReadySeconds: d.spec?.minReadySeconds ?? 0,
      selector: { ...clone(d.spec.selector), matchLabels: { ...(d.spec.selector?.matchLabels ?? {}), [HASH]: hash } },
      template,
    },
  };
  try {
    const created = cluster.api.create(rs, d.metadata.namespace);
    cluster.note("kube-controller-manager", "create-replicaset", `replicasets/${created.metadata.namespace}/${created.metadata.name}`, { by: "deployment-controller", replicas: newReplicas }, "deployment-controller");
    if (newReplicas > 0) {
      cluster.event({ object: d, type: "Normal", reason: "ScalingReplicaSet", message: `Scaled up replica set ${created.metadata.name} from 0 to ${newReplicas}`, source: SOURCE });
    }
    // The new revision and the NewReplicaSetCreated condition go to the Deployment in one status
    // write (the rest of its status is still the old one; syncRolloutStatus brings it up to date).
    const deployment = update(cluster, d, (x) => {
      x.metadata.annotations = { ...(x.metadata.annotations ?? {}), [REVISION]: String(maxOldRevision + 1) };
      if (hasProgressDeadline(d)) {
        setProgressing(cluster, x, { type: "Progressing", status: "True", reason: "NewReplicaSetCreated", message: `Created new replica set "${created.metadata.name}"` });
      }
    }, "status");
    return { newRS: created, oldRSs, deployment };
  } catch (error) {
    if (error instanceof ApiError && error.reason === "AlreadyExists") {
      // A ReplicaSet with this hash exists but is not ours or has another template: bump the
      // collision count so the next hash differs, as the real controller does.
      update(cluster, d, (x) => {
        x.status = { ...(x.status ?? {}), collisionCount: (x.status?.collisionCount ?? 0) + 1 };
      }, "status");
      return { newRS: undefined, oldRSs, deployment: d };
    }
    if (error instanceof ApiError) return { newRS: undefined, oldRSs, deployment: d };
    throw error;
  }
}

function update(cluster: Cluster, obj: StoredObject, mutate: (o: StoredObject) => void, subresource?: "status"): StoredObject {
  try {
    return cluster.api.modify(info(obj.kind), obj.metadata.namespace, obj.metadata.name, (o) => {
      mutate(o);
    }, subresource ? { subresource } : {});
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return obj;
  }
}

function scale(cluster: Cluster, d: StoredObject, rs: StoredObject, to: number): StoredObject {
  const from = specReplicas(rs);
  const replicas = d.spec?.replicas ?? 1;
  const annotations = { [DESIRED]: String(replicas), [MAX]: String(replicas + maxSurge(d)) };
  const annotationsStale = Object.entries(annotations).some(([k, v]) => rs.metadata.annotations?.[k] !== v);
  if (from === to && !annotationsStale) return rs;
  const updated = update(cluster, rs, (r) => {
    r.spec.replicas = to;
    r.metadata.annotations = { ...(r.metadata.annotations ?? {}), ...annotations };
  });
  if (from !== to) {
    cluster.note("kube-controller-manager", "scale-replicaset", `replicasets/${rs.metadata.namespace}/${rs.metadata.name}`, { by: "deployment-controller", from, to }, "deployment-controller");
    cluster.event({
      object: d,
      type: "Normal",
      reason: "ScalingReplicaSet",
      message: `Scaled ${from < to ? "up" : "down"} replica set ${rs.metadata.name} from ${from} to ${to}`,
      source: SOURCE,
    });
  }
  return updated;
}

function rolloutRolling(cluster: Cluster, d: StoredObject, newRS: StoredObject, oldRSs: StoredObject[]) {
  const replicas = d.spec?.replicas ?? 1;
  const all = () => [newRS, ...oldRSs];
  // Scale the new ReplicaSet up as far as maxSurge allows.
  const current = specReplicas(newRS);
  if (current > replicas) {
    newRS = scale(cluster, d, newRS, replicas);
    return;
  }
  if (current < replicas) {
    const total = all().reduce((n, rs) => n + specReplicas(rs), 0);
    const room = replicas + maxSurge(d) - total;
    if (room > 0) {
      newRS = scale(cluster, d, newRS, current + Math.min(room, replicas - current));
      return;
    }
  }
  // Scale old ReplicaSets down without dropping below replicas - maxUnavailable available.
  const oldCount = oldRSs.reduce((n, rs) => n + specReplicas(rs), 0);
  if (oldCount === 0) return;
  const allCount = all().reduce((n, rs) => n + specReplicas(rs), 0);
  const minAvailable = replicas - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - statusReplicas(newRS, "availableReplicas");
  let budget = allCount - minAvailable - newUnavailable;
  if (budget <= 0) return;
  // First remove old pods that are not available anyway.
  const byAge = [...oldRSs].sort((a, b) => (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? ""));
  for (let i = 0; i < byAge.length && budget > 0; i++) {
    const rs = byAge[i]!;
    const unhealthy = specReplicas(rs) - statusReplicas(rs, "availableReplicas");
    const cut = Math.min(unhealthy, budget, specReplicas(rs));
    if (cut > 0) {
      byAge[i] = scale(cluster, d, rs, specReplicas(rs) - cut);
      budget -= cut;
    }
  }
  // Then available ones, keeping minAvailable.
  const available = [newRS, ...byAge].reduce((n, rs) => n + statusReplicas(rs, "availableReplicas"), 0);
  let scaleDown = available - minAvailable;
  for (let i = 0; i < byAge.length && scaleDown > 0; i++) {
    const rs = byAge[i]!;
    const cut = Math.min(specReplicas(rs), scaleDown);
    if (cut > 0) {
      byAge[i] = scale(cluster, d, rs, specReplicas(rs) - cut);
      scaleDown -= cut;
    }
  }
}

function rolloutRecreate(cluster: Cluster, d: StoredObject, newRS: StoredObject, oldRSs: StoredObject[]) {
  let scaledDown = false;
  for (const rs of oldRSs) {
    if (specReplicas(rs) > 0) {
      scale(cluster, d, rs, 0);
      scaledDown = true;
    }
  }
  if (scaledDown) return;
  // Only when every old pod is gone (terminating ones included) does the new ReplicaSet scale up.
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
  const oldPodsRunning = cluster.api
    .list(info("Pod"), d.metadata.namespace)
    .some((p) => oldUids.has(controllerRef(p)?.uid ?? "") && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
  if (oldPodsRunning) return;
  scale(cluster, d, newRS, d.spec?.replicas ?? 1);
}

function syncPaused(cluster: Cluster, d: StoredObject, replicaSets: StoredObject[]) {
  const wanted = templateWithoutHash(d.spec.template);
  const newRS = replicaSets.find((rs) => templateWithoutHash(rs.spec?.template) === wanted);
  if (newRS && specReplicas(newRS) !== (d.spec?.replicas ?? 1) && replicaSets.length === 1) {
    scale(cluster, d, newRS, d.spec?.replicas ?? 1);
  }
  syncStatus(cluster, d, newRS, replicaSets);
}

function cleanupHistory(cluster: Cluster, d: StoredObject, oldRSs: StoredObject[]) {
  const limit = d.spec?.revisionHistoryLimit ?? 10;
  const idle = oldRSs
    .filter((rs) => specReplicas(rs) === 0 && statusReplicas(rs, "replicas") === 0 && !rs.metadata.deletionTimestamp)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
    try {
      cluster.api.delete(info("ReplicaSet"), rs.metadata.namespace, rs.metadata.name);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
}

/** progressDeadlineSeconds set and not MaxInt32 (deploymentutil.HasProgressDeadline). */
function hasProgressDeadline(d: StoredObject): boolean {
  const seconds = d.spec?.progressDeadlineSeconds as number | undefined;
  return seconds !== undefined && seconds !== 2147483647;
}

/**
 * deploymentutil.SetDeploymentCondition: a condition with the same status and reason is left
 * alone (message and times included); a changed one keeps lastTransitionTime while its status
 * stays the same.
 */
function setDeploymentCondition(conditions: Condition[], next: Condition, now: string): Condition[] {
  const current = conditions.find((c) => c.type === next.type);
  if (current && current.status === next.status && current.reason === next.reason) return conditions;
  const condition: Condition = { ...next, lastUpdateTime: now, lastTransitionTime: current && current.status === next.status ? current.lastTransitionTime : now };
  return [...conditions.filter((c) => c.type !== next.type), condition];
}

/** Sets the Progressing condition on a Deployment being written through its status. */
function setProgressing(cluster: Cluster, d: StoredObject, next: Condition) {
  const status = (d.status ??= {});
  status.conditions = orderConditions(setDeploymentCondition(clone(status.conditions ?? []), next, cluster.api.timestamp()));
}

const num = (o: Record<string, unknown> | undefined, k: string) => (o?.[k] as number | undefined) ?? 0;

/**
 * The status the Deployment controller writes (calculateStatus + syncRolloutStatus): replica
 * counts, Available, and Progressing estimated the way pkg/controller/deployment/progress.go
 * does: a complete rollout is left alone (scaling it is no rollout), progress refreshes the
 * condition, and only a rollout in progress can exceed its progressDeadlineSeconds.
 */
function syncStatus(cluster: Cluster, d: StoredObject, newRS: StoredObject | undefined, all: StoredObject[]) {
  const replicas = d.spec?.replicas ?? 1;
  const sum = (f: string) => all.reduce((n, rs) => n + statusReplicas(rs, f), 0);
  const available = sum("availableReplicas");
  const totalSpec = all.reduce((n, rs) => n + specReplicas(rs), 0);
  const status: Record<string, unknown> = {
    observedGeneration: d.metadata.generation,
    replicas: sum("replicas"),
    updatedReplicas: newRS ? statusReplicas(newRS, "replicas") : 0,
    readyReplicas: sum("readyReplicas"),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, totalSpec - available),
  };
  if (d.status?.collisionCount) status.collisionCount = d.status.collisionCount;

  const now = cluster.api.timestamp();
  const old = (d.status ?? {}) as Record<string, unknown>;
  let conditions: Condition[] = clone(d.status?.conditions ?? []);
  const minAvailable = replicas - maxUnavailable(d);
  conditions = setDeploymentCondition(
    conditions,
    available >= minAvailable
      ? { type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." }
      : { type: "Available", status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability." },
    now,
  );

  const hasDeadline = hasProgressDeadline(d);
  const deadlineMs = ((d.spec?.progressDeadlineSeconds as number | undefined) ?? 600) * 1000;
  const current = getCondition(d, "Progressing");
  // DeploymentComplete: every desired replica updated and available, nothing old left.
  const complete =
    num(status, "updatedReplicas") === replicas && num(status, "replicas") === replicas && available === replicas && (status.observedGeneration as number) >= (d.metadata.generation ?? 0);
  const what = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (!hasDeadline) {
    conditions = conditions.filter((c) => c.type !== "Progressing");
  } else if (d.spec?.paused) {
    // checkPausedConditions; a deployment that already timed out keeps saying so.
    if (current?.reason !== "DeploymentPaused" && current?.reason !== "ProgressDeadlineExceeded") {
      conditions = setDeploymentCondition(conditions, { type: "Progressing", status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" }, now);
    }
  } else if (current?.reason === "DeploymentPaused") {
    conditions = setDeploymentCondition(conditions, { type: "Progressing", status: "Unknown", reason: "DeploymentResumed", message: "Deployment is resumed" }, now);
  } else {
    // With one settled ReplicaSet there is no rollout whose progress could be estimated.
    const isCompleteDeployment = num(status, "replicas") === num(status, "updatedReplicas") && current?.reason === "NewReplicaSetAvailable";
    // DeploymentProgressing: new pods scaled up or ready or available, or old pods scaled down.
    const progressed =
      num(status, "updatedReplicas") > num(old, "updatedReplicas") ||
      num(status, "replicas") - num(status, "updatedReplicas") < num(old, "replicas") - num(old, "updatedReplicas") ||
      num(status, "readyReplicas") > num(old, "readyReplicas") ||
      num(status, "availableReplicas") > num(old, "availableReplicas");
    // DeploymentTimedOut: the last progress is older than the deadline (never after a success).
    const timedOut = (c: Condition | undefined) => {
      if (!c || c.reason === "NewReplicaSetAvailable") return false;
      if (c.reason === "ProgressDeadlineExceeded") return true;
      const from = c.lastUpdateTime ? Date.parse(c.lastUpdateTime) : cluster.now();
      return from + deadlineMs < cluster.now();
    };
    if (isCompleteDeployment) {
      // Nothing to estimate.
    } else if (complete) {
      conditions = setDeploymentCondition(conditions, { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable", message: `${what} has successfully progressed.` }, now);
    } else if (progressed) {
      // Progress always refreshes lastUpdateTime, keeping lastTransitionTime while it stays True.
      const next: Condition = { type: "Progressing", status: "True", reason: "ReplicaSetUpdated", message: `${what} is progressing.`, lastUpdateTime: now, lastTransitionTime: now };
      if (current?.status === "True" && current.lastTransitionTime) next.lastTransitionTime = current.lastTransitionTime;
      conditions = [...conditions.filter((c) => c.type !== "Progressing"), next];
    } else if (timedOut(conditions.find((c) => c.type === "Progressing"))) {
      conditions = setDeploymentCondition(conditions, { type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded", message: `${what} has timed out progressing.` }, now);
    }
  }
  status.conditions = orderConditions(conditions);
  for (const k of ["replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"]) if (status[k] === 0) delete status[k];

  if (JSON.stringify(status) === JSON.stringify(d.status ?? {})) {
    // requeueStuckDeployment: a rollout that shows no progress is looked at again when its
    // deadline would pass (one second late, as the real controller adds).
    const progressing = getCondition(d, "Progressing");
    if (hasDeadline && progressing && !complete && progressing.reason !== "ProgressDeadlineExceeded" && !d.spec?.paused) {
      const from = progressing.lastUpdateTime ? Date.parse(progressing.lastUpdateTime) : cluster.now();
      cluster.requeueAfter("deployment", objectKey(d), Math.max(0, from + deadlineMs - cluster.now()) + 1000);
    }
    return;
  }
  update(cluster, d, (x) => {
    x.status = status;
  }, "status");
}

/** Available first, then Progressing, as the real controller's status shows them. */
function orderConditions(conditions: Condition[]): Condition[] {
  const rank = (c: Condition) => (c.type === "Available" ? 0 : c.type === "Progressing" ? 1 : 2);
  return [...conditions].sort((a, b) => rank(a) - rank(b));
}
