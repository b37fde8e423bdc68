// The Job controller: runs pods until `completions` succeed, `parallelism` at a time, and gives
// up after `backoffLimit` failures, with the real conditions and events.
import { clone, type Condition, type StoredObject } from "../api/types";
import { ApiError } from "../apiserver/errors";
import { fromLabelSelector, matchesSelector } from "../apiserver/selectors";
import { objectKey, splitKey, type Cluster, type Reconciler } from "../cluster";
import { controllerRef, info, isPodReady, podFromTemplate, restartCount } from "./util";

const SOURCE = { component: "job-controller" };
/** Back-off before recreating failed pods: 10 s, doubling, capped at 6 minutes. */
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 360_000;

export const jobController: Reconciler = {
  name: "job",
  actor: "kube-controller-manager",
  delayMs: 5,
  watch: {
    Job: (e) => [objectKey(e.object)],
    Pod: (e) => {
      const ref = controllerRef(e.object);
      return ref?.kind === "Job" ? [`${e.object.metadata.namespace}/${ref.name}`] : [];
    },
  },
  reconcile(cluster, key) {
    const { namespace, name } = splitKey(key);
    const job = cluster.api.tryGet(info("Job"), namespace, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const finished = (job.status?.conditions as Condition[] | undefined)?.some((c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True");
    const selector = fromLabelSelector(job.spec.selector);
    const pods = cluster.api
      .list(info("Pod"), namespace)
      .filter((p) => controllerRef(p)?.uid === job.metadata.uid && matchesSelector(selector, p.metadata.labels));
    const active = pods.filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
    const succeeded = pods.filter((p) => p.status?.phase === "Succeeded").length;
    const failedPods = pods.filter((p) => p.status?.phase === "Failed").length;
    // With restartPolicy OnFailure, container restarts count as failures too.
    const restarts = job.spec.template.spec.restartPolicy === "OnFailure" ? active.reduce((n, p) => n + restartCount(p), 0) : 0;
    const failed = failedPods + restarts;
    const completions = job.spec.completions ?? 1;
    const parallelism = job.spec.parallelism ?? 1;
    const backoffLimit = job.spec.backoffLimit ?? 6;
    const now = cluster.api.timestamp();

    const status: Record<string, unknown> = clone(job.status ?? {});
    status.startTime ??= now;
    let conditions = (status.conditions as Condition[] | undefined) ?? [];

    if (!finished) {
      if (failed > backoffLimit) {
        for (const p of active) deletePod(cluster, p);
        conditions = [...conditions, { type: "Failed", status: "True", lastProbeTime: now, lastTransitionTime: now, reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" }];
        cluster.event({ object: job, type: "Warning", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit", source: SOURCE });
      } else if (succeeded >= completions) {
        conditions = [...conditions, { type: "Complete", status: "True", lastProbeTime: now, lastTransitionTime: now }];
        status.completionTime = now;
        cluster.event({ object: job, type: "Normal", reason: "Completed", message: "Job completed", source: SOURCE });
      } else if (!job.spec.suspend) {
        const wanted = Math.min(parallelism, completions - succeeded) - active.length;
        if (wanted > 0) {
          const delay = failedPods > 0 ? Math.min(BACKOFF_BASE_MS * 2 ** (failedPods - 1), BACKOFF_MAX_MS) : 0;
          const lastFailure = Math.max(0, ...pods.filter((p) => p.status?.phase === "Failed").map((p) => Date.parse(p.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt ?? p.metadata.creationTimestamp)));
          const readyAt = lastFailure + delay;
          if (failedPods > 0 && readyAt > cluster.now()) {
            cluster.requeueAfter("job", key, readyAt - cluster.now());
          } else {
            for (let i = 0; i < wanted; i++) createPod(cluster, job);
          }
        }
      }
    }

    status.active = active.length;
    status.succeeded = succeeded;
    status.failed = failedPods;
    status.ready = active.filter(isPodReady).length;
    status.terminating = pods.filter((p) => p.metadata.deletionTimestamp).length;
    status.uncountedTerminatedPods = {};
    if (conditions.length) status.conditions = conditions;
    for (const k of ["active", "succeeded", "failed"]) if (status[k] === 0) delete status[k];
    if (JSON.stringify(status) === JSON.stringify(job.status ?? {})) return;
    try {
      cluster.api.modify(info("Job"), namespace, name, (j) => {
        j.status = status;
      }, { subresource: "status" });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  },
};

function createPod(cluster: Cluster, job: StoredObject) {
  try {
    const pod = cluster.api.create(podFromTemplate(job, job.spec.template, `${job.metadata.name}-`), job.metadata.namespace);
    cluster.note("kube-controller-manager", "create-pod", `pods/${pod.metadata.namespace}/${pod.metadata.name}`, { by: "job-controller" }, "job-controller");
    cluster.event({ object: job, type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${pod.metadata.name}`, source: SOURCE });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    cluster.event({ object: job, type: "Warning", reason: "FailedCreate", message: `Error creating: ${error.message}`, source: SOURCE });
  }
}

function deletePod(cluster: Cluster, pod: StoredObject) {
  try {
    cluster.api.delete(info("Pod"), pod.metadata.namespace, pod.metadata.name);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}
