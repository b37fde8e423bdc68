// The mutating admission plugins that shape every new Pod: ServiceAccount (service account name and
// the kube-api-access projected token volume), DefaultTolerationSeconds and Priority.
import type { Random } from "../../random";
import { type Obj, arr, clone, isObj, obj, str } from "../validation/json";

/** Alphabet of Kubernetes' generated name suffixes (no vowels, no look-alike digits). */
export const NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

export const SERVICE_ACCOUNT_TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
const TOKEN_VOLUME_PREFIX = "kube-api-access-";
const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";

/** The projected volume source the ServiceAccount plugin adds (token, CA bundle, namespace). */
export function tokenVolumeSource(): Obj {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
      { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
    ],
  };
}

export interface ServiceAccountAdmissionOptions {
  /** The ServiceAccount's automountServiceAccountToken, when it sets one. */
  serviceAccountAutomount?: boolean;
}

/**
 * The ServiceAccount admission plugin on Pod create: defaults serviceAccountName to "default" and,
 * unless automounting is off, mounts a `kube-api-access-xxxxx` projected volume into every
 * container at /var/run/secrets/kubernetes.io/serviceaccount. The suffix comes from `random`.
 * (Checking that the ServiceAccount exists is the caller's: it needs the store.)
 */
export function applyServiceAccountAdmission(pod: Obj, random: Random, opts: ServiceAccountAdmissionOptions = {}): Obj {
  const out = clone(pod);
  const annotations = obj(obj(out.metadata)?.annotations) ?? {};
  if (MIRROR_POD_ANNOTATION in annotations) return out;
  const spec = obj(out.spec) ?? {};
  out.spec = spec;
  if (!str(spec.serviceAccountName)) spec.serviceAccountName = "default";
  spec.serviceAccount = spec.serviceAccountName;

  const automount =
    typeof spec.automountServiceAccountToken === "boolean"
      ? spec.automountServiceAccountToken
      : (opts.serviceAccountAutomount ?? true);
  if (!automount) return out;

  const volumes = arr(spec.volumes);
  const existing = volumes.find((v) => isObj(v) && str(v.name).startsWith(TOKEN_VOLUME_PREFIX));
  const volumeName = existing && isObj(existing) ? str(existing.name) : TOKEN_VOLUME_PREFIX + random.string(NAME_SUFFIX_ALPHABET, 5);
  let needsVolume = false;
  for (const list of [spec.initContainers, spec.containers]) {
    for (const c of arr(list)) {
      if (!isObj(c)) continue;
      const mounts = arr(c.volumeMounts);
      if (mounts.some((m) => isObj(m) && m.mountPath === SERVICE_ACCOUNT_TOKEN_MOUNT_PATH)) continue;
      c.volumeMounts = [...mounts, { mountPath: SERVICE_ACCOUNT_TOKEN_MOUNT_PATH, name: volumeName, readOnly: true }];
      needsVolume = true;
    }
  }
  if (!existing && needsVolume) spec.volumes = [...volumes, { name: volumeName, projected: tokenVolumeSource() }];
  return out;
}

export interface TolerationSecondsOptions {
  notReadySeconds?: number;
  unreachableSeconds?: number;
}

/**
 * DefaultTolerationSeconds: pods that do not already tolerate them get NoExecute tolerations for
 * node.kubernetes.io/not-ready and node.kubernetes.io/unreachable for 300 seconds.
 */
export function applyDefaultTolerationSeconds(pod: Obj, opts: TolerationSecondsOptions = {}): Obj {
  const out = clone(pod);
  const spec = obj(out.spec) ?? {};
  out.spec = spec;
  const tolerations = arr(spec.tolerations).filter(isObj);
  const tolerates = (key: string) =>
    tolerations.some((t) => (t.key === key || !str(t.key)) && (t.effect === "NoExecute" || !str(t.effect)));
  const added: Obj[] = [];
  if (!tolerates("node.kubernetes.io/not-ready")) {
    added.push({ effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: opts.notReadySeconds ?? 300 });
  }
  if (!tolerates("node.kubernetes.io/unreachable")) {
    added.push({
      effect: "NoExecute",
      key: "node.kubernetes.io/unreachable",
      operator: "Exists",
      tolerationSeconds: opts.unreachableSeconds ?? 300,
    });
  }
  if (added.length > 0) spec.tolerations = [...arr(spec.tolerations), ...added];
  return out;
}

export interface PriorityClassInfo {
  value: number;
  preemptionPolicy?: "PreemptLowerPriority" | "Never";
}

/** The two classes every cluster has. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, PriorityClassInfo>> = {
  "system-cluster-critical": { value: 2000000000, preemptionPolicy: "PreemptLowerPriority" },
  "system-node-critical": { value: 2000001000, preemptionPolicy: "PreemptLowerPriority" },
};

/**
 * The Priority plugin: resolves spec.priorityClassName into spec.priority and
 * spec.preemptionPolicy (0 and PreemptLowerPriority without a class). Returns the Forbidden
 * reason instead when the class does not exist or the pod sets a conflicting priority.
 */
export function applyPriorityAdmission(
  pod: Obj,
  lookup: (name: string) => PriorityClassInfo | undefined = (n) => SYSTEM_PRIORITY_CLASSES[n],
): { pod: Obj } | { forbidden: string } {
  const out = clone(pod);
  const spec = obj(out.spec) ?? {};
  out.spec = spec;
  const className = str(spec.priorityClassName);
  let info: PriorityClassInfo;
  if (className === "") {
    info = { value: 0, preemptionPolicy: "PreemptLowerPriority" };
  } else {
    const found = lookup(className);
    if (!found) return { forbidden: `no PriorityClass with name ${className} was found` };
    info = found;
  }
  if (typeof spec.priority === "number" && spec.priority !== info.value) {
    return {
      forbidden: `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${info.value} from the given PriorityClass name`,
    };
  }
  spec.priority = info.value;
  const policy = info.preemptionPolicy ?? "PreemptLowerPriority";
  if (typeof spec.preemptionPolicy === "string" && spec.preemptionPolicy !== policy) {
    return {
      forbidden: `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
    };
  }
  spec.preemptionPolicy = policy;
  return { pod: out };
}
