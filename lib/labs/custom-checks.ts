// Checks that data alone cannot express: each is a pure function of the sandbox's state and the
// parameters the lab gives (`custom: <name>` with `params`). Add one here only when no
// declarative check can say it.
import { resourceForKind } from "@/lib/engine/apiserver/registry";
import { matchesSelector, fromLabelSelector } from "@/lib/engine/apiserver/selectors";
import { readFile } from "@/lib/engine/hosts/fs";
import type { CheckResult, StateReader } from "./checks";
import type { MessageKey, MessageValues } from "./messages";

export type CustomCheck = (reader: StateReader, params: Record<string, unknown>) => CheckResult;

const str = (params: Record<string, unknown>, key: string): string => {
  const v = params[key];
  if (typeof v !== "string") throw new Error(`custom check: parameter ${key} must be a string`);
  return v;
};

function hostFile(reader: StateReader, host: string, path: string): { ok: true; text: string } | { ok: false; result: CheckResult } {
  const h = reader.sandbox.hosts[host];
  if (!h) return { ok: false, result: { passed: false, message: { key: "hostMissing", values: { host } } } };
  const r = readFile(h.fs, path);
  if (!r.ok) return { ok: false, result: { passed: false, message: { key: "fileMissing", values: { host, path } } } };
  return { ok: true, text: r.value };
}

const fail = (key: MessageKey, values: MessageValues = {}): CheckResult => ({ passed: false, message: { key, values } });

export const CUSTOM_CHECKS: Record<string, CustomCheck> = {
  /**
   * A file names a pod of a Deployment that was deleted (its events prove it existed) and the
   * Deployment is back to all its replicas ready: the ReplicaSet healed the loss.
   */
  "deleted-pod-replaced": (reader, params) => {
    const host = str(params, "host");
    const path = str(params, "path");
    const namespace = typeof params.namespace === "string" ? params.namespace : "default";
    const deployment = str(params, "deployment");
    const ref = `${namespace}/${deployment}`;
    const f = hostFile(reader, host, path);
    if (!f.ok) return f.result;
    const name = f.text.trim().split(/\s+/)[0] ?? "";
    const events = reader.list(resourceForKind("Event")!, namespace);
    const existed = name.startsWith(`${deployment}-`) && events.some((e) => (e.involvedObject as { kind?: string; name?: string } | undefined)?.name === name);
    if (!existed) return fail("notAPod", { host, path, actual: name || '""', ref });
    const pod = reader.get(resourceForKind("Pod")!, namespace, name);
    if (pod && !pod.metadata.deletionTimestamp) return fail("objectPresent", { kind: "Pod", ref: `${namespace}/${name}` });
    const d = reader.get(resourceForKind("Deployment")!, namespace, deployment);
    if (!d) return fail("objectMissing", { kind: "Deployment", ref });
    const desired = (d.spec?.replicas as number | undefined) ?? 1;
    const ready = (d.status?.readyReplicas as number | undefined) ?? 0;
    return ready >= desired ? { passed: true } : fail("replicasShort", { kind: "Deployment", ref, ready, desired });
  },

  /** A file names the current etcd leader (its member name), e.g. after `etcdctl endpoint status`. */
  "etcd-leader-file": (reader, params) => {
    const host = str(params, "host");
    const path = str(params, "path");
    const f = hostFile(reader, host, path);
    if (!f.ok) return f.result;
    const leader = reader.store.leader();
    if (leader === undefined) return { passed: false, message: { key: "etcdNoLeader" } };
    const written = f.text.trim();
    return written === leader ? { passed: true } : { passed: false, message: { key: "leaderFile", values: { host, path, actual: written || '""', expected: leader } } };
  },

  /**
   * A file holds answers from at least `min` different pods behind a Service (the pods' names,
   * as nginxdemos/hello prints them): proof that requests were spread over the endpoints.
   */
  "answers-from-pods": (reader, params) => {
    const host = str(params, "host");
    const path = str(params, "path");
    const namespace = typeof params.namespace === "string" ? params.namespace : "default";
    const service = str(params, "service");
    const min = typeof params.min === "number" ? params.min : 2;
    const ref = `${namespace}/${service}`;
    const svc = reader.get(resourceForKind("Service")!, namespace, service);
    if (!svc) return { passed: false, message: { key: "objectMissing", values: { kind: "Service", ref } } };
    const f = hostFile(reader, host, path);
    if (!f.ok) return f.result;
    const selector = fromLabelSelector({ matchLabels: (svc.spec?.selector ?? {}) as Record<string, string> });
    const pods = reader.list(resourceForKind("Pod")!, namespace).filter((p) => matchesSelector(selector, p.metadata.labels));
    const seen = pods.filter((p) => f.text.includes(p.metadata.name)).length;
    return seen >= min ? { passed: true } : { passed: false, message: { key: "distinctPods", values: { ref, actual: seen, expected: min } } };
  },
};
