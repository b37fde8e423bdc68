// Defaulting as a v1.32 kube-apiserver applies it (defaults.go of each group, the generated
// defaulters, and the v1 conversions that always show), plus what the registry strategies do on
// create and update (status resets, generation, the Job selector, Namespace finalizers).
//
// Pipeline (see validation/index.ts): applyDefaults -> admission (pods) -> prepareForCreate ->
// validateCreate. Every function returns a new object and leaves its input alone.
import { type Obj, arr, clone, isObj, obj, semanticEqual, str } from "../validation/json";
import { base64EncodeString } from "../validation/base64";
import { toQuantity } from "../validation/quantity";
import { normalizeClusterIPs } from "../validation/service";
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from "../validation/batch";
import { defaultPod, defaultPodTemplate, defaultResourceList } from "./pod";

export {
  applyDefaultTolerationSeconds,
  applyPriorityAdmission,
  applyServiceAccountAdmission,
  NAME_SUFFIX_ALPHABET,
  SERVICE_ACCOUNT_TOKEN_MOUNT_PATH,
  SYSTEM_PRIORITY_CLASSES,
  tokenVolumeSource,
  type PriorityClassInfo,
  type ServiceAccountAdmissionOptions,
  type TolerationSecondsOptions,
} from "./admission";
export { defaultPullPolicy, parseImageName } from "./image";

const specOf = (o: Obj): Obj => {
  const spec = obj(o.spec) ?? {};
  o.spec = spec;
  return spec;
};
const metaOf = (o: Obj): Obj => {
  const meta = obj(o.metadata) ?? {};
  o.metadata = meta;
  return meta;
};
const unset = (v: unknown) => v === undefined || v === null;

function defaultDeployment(d: Obj): void {
  const spec = specOf(d);
  if (unset(spec.replicas)) spec.replicas = 1;
  const strategy = obj(spec.strategy) ?? {};
  spec.strategy = strategy;
  if (!strategy.type) strategy.type = "RollingUpdate";
  if (strategy.type === "RollingUpdate") {
    const ru = obj(strategy.rollingUpdate) ?? {};
    strategy.rollingUpdate = ru;
    if (unset(ru.maxUnavailable)) ru.maxUnavailable = "25%";
    if (unset(ru.maxSurge)) ru.maxSurge = "25%";
  }
  if (unset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  if (unset(spec.progressDeadlineSeconds)) spec.progressDeadlineSeconds = 600;
  spec.template = defaultPodTemplate(spec.template);
}

function defaultReplicaSet(rs: Obj): void {
  const spec = specOf(rs);
  if (unset(spec.replicas)) spec.replicas = 1;
  spec.template = defaultPodTemplate(spec.template);
}

function defaultDaemonSet(ds: Obj): void {
  const spec = specOf(ds);
  const us = obj(spec.updateStrategy) ?? {};
  spec.updateStrategy = us;
  if (!us.type) us.type = "RollingUpdate";
  if (us.type === "RollingUpdate") {
    const ru = obj(us.rollingUpdate) ?? {};
    us.rollingUpdate = ru;
    if (unset(ru.maxUnavailable)) ru.maxUnavailable = 1;
    if (unset(ru.maxSurge)) ru.maxSurge = 0;
  }
  if (unset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  spec.template = defaultPodTemplate(spec.template);
}

function defaultJob(job: Obj): void {
  const spec = specOf(job);
  if (unset(spec.completions) && unset(spec.parallelism)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (unset(spec.parallelism)) spec.parallelism = 1;
  if (unset(spec.backoffLimit)) spec.backoffLimit = unset(spec.backoffLimitPerIndex) ? 6 : 2147483647;
  const templateLabels = obj(obj(obj(spec.template)?.metadata)?.labels);
  const meta = metaOf(job);
  if (templateLabels && Object.keys(obj(meta.labels) ?? {}).length === 0) meta.labels = { ...templateLabels };
  if (!spec.completionMode) spec.completionMode = "NonIndexed";
  if (unset(spec.suspend)) spec.suspend = false;
  const pfp = obj(spec.podFailurePolicy);
  for (const rule of arr(pfp?.rules)) {
    for (const pattern of arr(obj(rule)?.onPodConditions)) {
      if (isObj(pattern) && !pattern.status) pattern.status = "True";
    }
  }
  if (unset(spec.podReplacementPolicy)) spec.podReplacementPolicy = pfp ? "Failed" : "TerminatingOrFailed";
  if (unset(spec.manualSelector)) spec.manualSelector = false;
  spec.template = defaultPodTemplate(spec.template);
}

function externallyAccessible(spec: Obj): boolean {
  return spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && arr(spec.externalIPs).length > 0);
}

function defaultService(svc: Obj): void {
  const spec = specOf(svc);
  if (!spec.sessionAffinity) spec.sessionAffinity = "None";
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP") {
    const timeout = obj(obj(spec.sessionAffinityConfig)?.clientIP)?.timeoutSeconds;
    if (unset(timeout)) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  if (!spec.type) spec.type = "ClusterIP";
  for (const p of arr(spec.ports)) {
    if (!isObj(p)) continue;
    if (!p.protocol) p.protocol = "TCP";
    if (unset(p.targetPort) || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = "Cluster";
  if (unset(spec.internalTrafficPolicy) && ["NodePort", "LoadBalancer", "ClusterIP"].includes(str(spec.type))) {
    spec.internalTrafficPolicy = "Cluster";
  }
  if (spec.type === "LoadBalancer" && unset(spec.allocateLoadBalancerNodePorts)) spec.allocateLoadBalancerNodePorts = true;
  // IP families are set by the Service registry's allocator on create (a single-stack IPv4 cluster).
  if (spec.type !== "ExternalName") {
    const headlessWithoutSelector =
      (spec.clusterIP === "None" || (arr(spec.clusterIPs).length === 1 && arr(spec.clusterIPs)[0] === "None")) &&
      Object.keys(obj(spec.selector) ?? {}).length === 0;
    if (unset(spec.ipFamilyPolicy)) spec.ipFamilyPolicy = headlessWithoutSelector ? "RequireDualStack" : "SingleStack";
    if (arr(spec.ipFamilies).length === 0) spec.ipFamilies = ["IPv4"];
  }
}

function defaultNamespace(ns: Obj): void {
  const meta = metaOf(ns);
  if (str(meta.name)) meta.labels = { ...(obj(meta.labels) ?? {}), "kubernetes.io/metadata.name": str(meta.name) };
  const status = obj(ns.status) ?? {};
  if (!status.phase) status.phase = "Active";
  ns.status = status;
}

function defaultSecret(secret: Obj): void {
  if (!secret.type) secret.type = "Opaque";
  // v1 conversion folds stringData into data (base64) and never returns stringData.
  const stringData = obj(secret.stringData);
  if (stringData) {
    const data = obj(secret.data) ?? {};
    for (const [k, v] of Object.entries(stringData)) data[k] = base64EncodeString(str(v));
    secret.data = data;
  }
  delete secret.stringData;
}

function defaultNode(node: Obj): void {
  if (!isObj(node.spec)) node.spec = {};
  const status = obj(node.status) ?? {};
  node.status = status;
  if (status.capacity !== undefined) status.capacity = defaultResourceList(status.capacity);
  if (status.allocatable !== undefined) status.allocatable = defaultResourceList(status.allocatable);
  else if (isObj(status.capacity)) status.allocatable = { ...status.capacity };
  // NodeStatus holds these structs by value, so they always appear.
  const de = obj(status.daemonEndpoints) ?? {};
  if (!isObj(de.kubeletEndpoint)) de.kubeletEndpoint = { Port: 0 };
  status.daemonEndpoints = de;
  const info = obj(status.nodeInfo) ?? {};
  for (const f of [
    "architecture",
    "bootID",
    "containerRuntimeVersion",
    "kernelVersion",
    "kubeProxyVersion",
    "kubeletVersion",
    "machineID",
    "operatingSystem",
    "osImage",
    "systemUUID",
  ]) {
    if (info[f] === undefined) info[f] = "";
  }
  status.nodeInfo = info;
}

function defaultEndpoints(ep: Obj): void {
  for (const ss of arr(ep.subsets)) {
    for (const p of arr(obj(ss)?.ports)) if (isObj(p) && !p.protocol) p.protocol = "TCP";
  }
}

function defaultEndpointSlice(slice: Obj): void {
  for (const p of arr(slice.ports)) {
    if (!isObj(p)) continue;
    if (unset(p.name)) p.name = "";
    if (unset(p.protocol)) p.protocol = "TCP";
  }
  for (const e of arr(slice.endpoints)) if (isObj(e) && !isObj(e.conditions)) e.conditions = {};
}

function defaultEvent(ev: Obj): void {
  // Zero-valued structs and the two non-omitempty strings of core/v1 Event.
  if (!isObj(ev.involvedObject)) ev.involvedObject = {};
  if (!isObj(ev.source)) ev.source = {};
  for (const f of ["firstTimestamp", "lastTimestamp", "eventTime"]) if (ev[f] === undefined) ev[f] = null;
  if (ev.reportingComponent === undefined) ev.reportingComponent = "";
  if (ev.reportingInstance === undefined) ev.reportingInstance = "";
}

function defaultLimitRange(lr: Obj): void {
  for (const item of arr(obj(lr.spec)?.limits)) {
    if (!isObj(item)) continue;
    for (const f of ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"]) {
      if (item[f] !== undefined) item[f] = defaultResourceList(item[f]);
    }
    if (item.type !== "Container") continue;
    const def = obj(item.default) ?? {};
    const defReq = obj(item.defaultRequest) ?? {};
    for (const [k, v] of Object.entries(obj(item.max) ?? {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
    for (const [k, v] of Object.entries(obj(item.min) ?? {})) if (!(k in defReq)) defReq[k] = v;
    item.default = def;
    item.defaultRequest = defReq;
  }
}

function defaultResourceQuota(rq: Obj): void {
  const spec = obj(rq.spec);
  if (spec && spec.hard !== undefined) spec.hard = defaultResourceList(spec.hard);
  const status = obj(rq.status);
  if (status) {
    if (status.hard !== undefined) status.hard = defaultResourceList(status.hard);
    if (status.used !== undefined) status.used = defaultResourceList(status.used);
  }
}

const DEFAULTERS: Record<string, (o: Obj) => void> = {
  Pod: defaultPod,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  DaemonSet: defaultDaemonSet,
  Job: defaultJob,
  Service: defaultService,
  Namespace: defaultNamespace,
  Secret: defaultSecret,
  Node: defaultNode,
  Endpoints: defaultEndpoints,
  EndpointSlice: defaultEndpointSlice,
  Event: defaultEvent,
  LimitRange: defaultLimitRange,
  ResourceQuota: defaultResourceQuota,
  Lease: (l) => {
    if (!isObj(l.spec)) l.spec = {};
  },
};

/**
 * A copy of `obj` with the defaults a v1.32 API server fills in on decode. For Pods this includes
 * the default service account name and priority that admission would set for a plain pod.
 */
export function applyDefaults<T extends Obj>(o: T): T & Obj {
  if (!isObj(o)) return o;
  const out = clone(o) as Obj;
  DEFAULTERS[str(out.kind)]?.(out);
  if (out.kind === "Pod") {
    const spec = specOf(out);
    if (!str(spec.serviceAccountName)) {
      spec.serviceAccountName = "default";
      spec.serviceAccount = "default";
    }
    if (!str(spec.priorityClassName)) {
      if (spec.priority === undefined) spec.priority = 0;
      if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = "PreemptLowerPriority";
    }
  }
  return out as T & Obj;
}

// ---------------------------------------------------------------------------------------------
// Registry strategies

/** qos.GetPodQOS over cpu and memory. */
export function podQOSClass(pod: Obj): "Guaranteed" | "Burstable" | "BestEffort" {
  const spec = obj(pod.spec) ?? {};
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const milli = (v: unknown): bigint | null => {
    const q = toQuantity(v);
    if (!q) return null;
    const e = q.exponent + 3;
    return e >= 0 ? q.mantissa * 10n ** BigInt(e) : q.mantissa / 10n ** BigInt(-e);
  };
  for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) {
    const res = obj(obj(c)?.resources) ?? {};
    for (const [name, v] of Object.entries(obj(res.requests) ?? {})) {
      if (name !== "cpu" && name !== "memory") continue;
      const m = milli(v);
      if (m !== null && m > 0n) requests.set(name, (requests.get(name) ?? 0n) + m);
    }
    const found = new Set<string>();
    for (const [name, v] of Object.entries(obj(res.limits) ?? {})) {
      if (name !== "cpu" && name !== "memory") continue;
      const m = milli(v);
      if (m !== null && m > 0n) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0n) + m);
      }
    }
    if (!found.has("cpu") || !found.has("memory")) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

const DAEMONSET_TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";

/** What the registry strategy's PrepareForCreate does (after metadata.uid/name are set). */
export function prepareForCreate<T extends Obj>(o: T): T & Obj {
  if (!isObj(o)) return o;
  let out = clone(o) as Obj;
  const meta = metaOf(out);
  switch (out.kind) {
    case "Pod": {
      const spec = specOf(out);
      const status: Obj = { phase: "Pending", qosClass: podQOSClass(out) };
      if (arr(spec.schedulingGates).length > 0) {
        status.conditions = [
          {
            lastProbeTime: null,
            lastTransitionTime: null,
            message: "Scheduling is blocked due to non-empty scheduling gates",
            reason: "SchedulingGated",
            status: "False",
            type: "PodScheduled",
          },
        ];
      }
      out.status = status;
      break;
    }
    case "Deployment":
      out.status = {};
      meta.generation = 1;
      break;
    case "ReplicaSet":
      out.status = { replicas: 0 };
      meta.generation = 1;
      break;
    case "DaemonSet": {
      out.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
      meta.generation = 1;
      const annotations = obj(meta.annotations) ?? {};
      const tg = Number(annotations[DAEMONSET_TEMPLATE_GENERATION] ?? 0);
      annotations[DAEMONSET_TEMPLATE_GENERATION] = String(Number.isInteger(tg) && tg >= 1 ? tg : 1);
      meta.annotations = annotations;
      break;
    }
    case "Job": {
      const spec = specOf(out);
      if (spec.manualSelector !== true) generateJobSelector(out);
      out.status = {};
      meta.generation = 1;
      // The object is defaulted again when read back from storage: the Job picks up its
      // template's (now generated) labels when it has none of its own.
      out = applyDefaults(out);
      break;
    }
    case "Service": {
      out = normalizeClusterIPs(out);
      out.status = { loadBalancer: {} };
      break;
    }
    case "Namespace": {
      out.status = { phase: "Active" };
      const spec = specOf(out);
      const finalizers = arr(spec.finalizers).map(str);
      if (!finalizers.includes("kubernetes")) spec.finalizers = [...finalizers, "kubernetes"];
      break;
    }
    case "ResourceQuota":
      out.status = {};
      break;
  }
  return out as T & Obj;
}

function generateJobSelector(job: Obj): void {
  const meta = metaOf(job);
  const uid = str(meta.uid);
  const name = str(meta.name);
  const spec = specOf(job);
  const template = obj(spec.template) ?? {};
  spec.template = template;
  const tmeta = obj(template.metadata) ?? {};
  template.metadata = tmeta;
  const labels = obj(tmeta.labels) ?? {};
  tmeta.labels = labels;
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(key in labels)) labels[key] = name;
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(key in labels)) labels[key] = uid;
  const selector = obj(spec.selector) ?? {};
  spec.selector = selector;
  const matchLabels = obj(selector.matchLabels) ?? {};
  selector.matchLabels = matchLabels;
  if (!(CONTROLLER_UID_LABEL in matchLabels)) matchLabels[CONTROLLER_UID_LABEL] = uid;
}

/** What the registry strategy's PrepareForUpdate does: keeps status, bumps generation on spec changes. */
export function prepareForUpdate<T extends Obj>(o: T, old: Obj): T & Obj {
  if (!isObj(o) || !isObj(old)) return o;
  let out = clone(o) as Obj;
  const meta = metaOf(out);
  const oldMeta = obj(old.metadata) ?? {};
  const specChanged = !semanticEqual(out.spec, old.spec);
  const bump = (changed: boolean) => {
    const gen = typeof oldMeta.generation === "number" ? oldMeta.generation : 0;
    meta.generation = changed ? gen + 1 : gen;
  };
  switch (out.kind) {
    case "Pod":
    case "ResourceQuota":
      out.status = clone(old.status);
      break;
    case "Deployment":
      out.status = clone(old.status);
      bump(specChanged || !semanticEqual(meta.annotations, oldMeta.annotations));
      break;
    case "ReplicaSet":
    case "Job":
      out.status = clone(old.status);
      bump(specChanged);
      break;
    case "DaemonSet": {
      out.status = clone(old.status);
      bump(specChanged);
      const annotations = obj(meta.annotations) ?? {};
      const oldTG = Number(obj(oldMeta.annotations)?.[DAEMONSET_TEMPLATE_GENERATION] ?? 1);
      const templateChanged = !semanticEqual(obj(out.spec)?.template, obj(old.spec)?.template);
      annotations[DAEMONSET_TEMPLATE_GENERATION] = String(templateChanged ? oldTG + 1 : oldTG);
      meta.annotations = annotations;
      break;
    }
    case "Service":
      out = normalizeClusterIPs(out, old);
      out.status = clone(old.status);
      break;
    case "Namespace": {
      const spec = specOf(out);
      const oldFinalizers = obj(old.spec)?.finalizers;
      if (oldFinalizers === undefined) delete spec.finalizers;
      else spec.finalizers = clone(oldFinalizers);
      out.status = clone(old.status);
      break;
    }
  }
  return out as T & Obj;
}
