// Pod and pod-template defaulting (pkg/apis/core/v1/defaults.go and the generated defaulters),
// plus the always-present zero values Go serialises (`resources: {}`, `creationTimestamp: null`).
import { type Obj, arr, isObj, obj, str } from "../validation/json";
import { formatQuantity, roundUpToMilli, toQuantity } from "../validation/quantity";
import { defaultPullPolicy } from "./image";

/** SetDefaults_ResourceList: quantities rounded up to milli precision, written canonically. */
export function defaultResourceList(v: unknown): unknown {
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    const q = toQuantity(x);
    out[k] = q ? formatQuantity(roundUpToMilli(q)) : x;
  }
  return out;
}

function defaultFieldRef(fr: unknown): void {
  if (isObj(fr) && (fr.apiVersion === undefined || fr.apiVersion === "")) fr.apiVersion = "v1";
}

function defaultHTTPGet(h: unknown): void {
  if (!isObj(h)) return;
  if (h.path === undefined || h.path === "") h.path = "/";
  if (h.scheme === undefined || h.scheme === "") h.scheme = "HTTP";
}

function defaultProbe(p: unknown): void {
  if (!isObj(p)) return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  defaultHTTPGet(p.httpGet);
  const grpc = obj(p.grpc);
  if (grpc && grpc.service === undefined) grpc.service = "";
}

function defaultContainer(c: Obj): void {
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === "") c.imagePullPolicy = defaultPullPolicy(str(c.image));
  if (c.terminationMessagePath === undefined || c.terminationMessagePath === "") c.terminationMessagePath = "/dev/termination-log";
  if (c.terminationMessagePolicy === undefined || c.terminationMessagePolicy === "") c.terminationMessagePolicy = "File";
  for (const port of arr(c.ports)) {
    if (isObj(port) && (port.protocol === undefined || port.protocol === "")) port.protocol = "TCP";
  }
  for (const e of arr(c.env)) if (isObj(e) && isObj(e.valueFrom)) defaultFieldRef(e.valueFrom.fieldRef);
  // ResourceRequirements is a struct, so it is always serialised (as {} when empty).
  const res = obj(c.resources) ?? {};
  if (res.limits !== undefined) res.limits = defaultResourceList(res.limits);
  if (res.requests !== undefined) res.requests = defaultResourceList(res.requests);
  c.resources = res;
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  const lc = obj(c.lifecycle);
  if (lc) {
    defaultHTTPGet(obj(lc.postStart)?.httpGet);
    defaultHTTPGet(obj(lc.preStop)?.httpGet);
  }
}

const VOLUME_SOURCES = [
  "hostPath",
  "emptyDir",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "gitRepo",
  "secret",
  "nfs",
  "iscsi",
  "glusterfs",
  "persistentVolumeClaim",
  "rbd",
  "flexVolume",
  "cinder",
  "cephfs",
  "flocker",
  "downwardAPI",
  "fc",
  "azureFile",
  "configMap",
  "vsphereVolume",
  "quobyte",
  "azureDisk",
  "photonPersistentDisk",
  "projected",
  "portworxVolume",
  "scaleIO",
  "storageos",
  "csi",
  "ephemeral",
  "image",
];

function defaultVolume(v: Obj): void {
  if (!VOLUME_SOURCES.some((k) => v[k] !== undefined && v[k] !== null)) v.emptyDir = {};
  const hostPath = obj(v.hostPath);
  if (hostPath && hostPath.type === undefined) hostPath.type = "";
  for (const k of ["secret", "configMap", "downwardAPI", "projected"]) {
    const src = obj(v[k]);
    if (src && src.defaultMode === undefined) src.defaultMode = 0o644;
  }
  for (const item of arr(obj(v.downwardAPI)?.items)) if (isObj(item)) defaultFieldRef(item.fieldRef);
  for (const s of arr(obj(v.projected)?.sources)) {
    if (!isObj(s)) continue;
    const sat = obj(s.serviceAccountToken);
    if (sat && sat.expirationSeconds === undefined) sat.expirationSeconds = 3600;
    for (const item of arr(obj(s.downwardAPI)?.items)) if (isObj(item)) defaultFieldRef(item.fieldRef);
  }
  const emptyDir = obj(v.emptyDir);
  if (emptyDir && emptyDir.sizeLimit !== undefined) {
    const q = toQuantity(emptyDir.sizeLimit);
    if (q) emptyDir.sizeLimit = formatQuantity(q);
  }
  const pvcSpec = obj(obj(obj(v.ephemeral)?.volumeClaimTemplate)?.spec);
  if (pvcSpec && pvcSpec.volumeMode === undefined) pvcSpec.volumeMode = "Filesystem";
}

/** SetDefaults_PodSpec and everything generated beneath it (mutates `spec`). */
export function defaultPodSpec(spec: Obj): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = "ClusterFirst";
  if (!spec.restartPolicy) spec.restartPolicy = "Always";
  if (spec.securityContext === undefined || spec.securityContext === null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    spec.terminationGracePeriodSeconds = 30;
  }
  if (!spec.schedulerName) spec.schedulerName = "default-scheduler";
  // The deprecated `serviceAccount` mirrors serviceAccountName in v1 (conversion, both ways).
  if (!spec.serviceAccountName && typeof spec.serviceAccount === "string" && spec.serviceAccount) {
    spec.serviceAccountName = spec.serviceAccount;
  }
  if (typeof spec.serviceAccountName === "string" && spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const v of arr(spec.volumes)) if (isObj(v)) defaultVolume(v);
  for (const c of arr(spec.initContainers)) if (isObj(c)) defaultContainer(c);
  for (const c of arr(spec.containers)) if (isObj(c)) defaultContainer(c);
  for (const c of arr(spec.ephemeralContainers)) if (isObj(c)) defaultContainer(c);
  if (spec.overhead !== undefined) spec.overhead = defaultResourceList(spec.overhead);
}

/** SetDefaults_Pod on top of the spec defaults (only real Pods, not templates). */
export function defaultPod(pod: Obj): void {
  const spec = obj(pod.spec) ?? {};
  pod.spec = spec;
  defaultPodSpec(spec);
  for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) {
    if (!isObj(c)) continue;
    const res = obj(c.resources) ?? {};
    const limits = obj(res.limits);
    if (limits) {
      // Requests default to limits when only limits are given.
      const requests = obj(res.requests) ?? {};
      for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
      res.requests = requests;
    }
  }
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true) {
    for (const c of [...arr(spec.containers), ...arr(spec.initContainers)]) {
      for (const port of arr(obj(c)?.ports)) {
        if (isObj(port) && !port.hostPort) port.hostPort = port.containerPort;
      }
    }
  }
}

/** Defaults of a pod template; Go always writes template metadata with a null creationTimestamp. */
export function defaultPodTemplate(template: unknown): Obj {
  const t = obj(template) ?? {};
  const meta = obj(t.metadata) ?? {};
  if (!("creationTimestamp" in meta)) meta.creationTimestamp = null;
  t.metadata = meta;
  const spec = obj(t.spec) ?? {};
  defaultPodSpec(spec);
  t.spec = spec;
  return t;
}
