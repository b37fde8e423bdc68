// Decode-stage errors: what the API server answers (400 BadRequest) when the JSON does not fit the Go
// types at all, before any validation runs: a string where a number belongs, a number as a label
// value, an unparsable quantity, bad base64 in a Secret. Messages follow encoding/json and
// resource.Quantity; the first problem in document order wins, as in Go.
import { base64DecodeStrict } from "./base64";
import { type Obj, isObj } from "./json";
import { quantityError } from "./quantity";

type T =
  | "string"
  | "int32"
  | "int64"
  | "bool"
  | "quantity"
  | "intstr"
  | "bytes"
  | { map: T; type: string }
  | { list: T; type: string }
  | { struct: string; type: string; fields: () => Record<string, T> };

const S: T = "string";
const I32: T = "int32";
const I64: T = "int64";
const B: T = "bool";
const strMap: T = { map: "string", type: "map[string]string" };
const strList: T = { list: "string", type: "[]string" };
const quantities: T = { map: "quantity", type: "v1.ResourceList" };
const struct = (name: string, fields: () => Record<string, T>, pkg = "v1"): T => ({ struct: name, type: `${pkg}.${name}`, fields });
const list = (elem: T): T => ({ list: elem, type: `[]${typeof elem === "object" && "type" in elem ? elem.type : elem}` });

const OBJECT_META = struct("ObjectMeta", () => ({
  name: S,
  generateName: S,
  namespace: S,
  uid: S,
  resourceVersion: S,
  generation: I64,
  labels: strMap,
  annotations: strMap,
  finalizers: strList,
}));

const LABEL_SELECTOR = struct("LabelSelector", () => ({
  matchLabels: strMap,
  matchExpressions: list(struct("LabelSelectorRequirement", () => ({ key: S, operator: S, values: strList }))),
}));

const PROBE = struct("Probe", () => ({
  initialDelaySeconds: I32,
  timeoutSeconds: I32,
  periodSeconds: I32,
  successThreshold: I32,
  failureThreshold: I32,
  terminationGracePeriodSeconds: I64,
  exec: struct("ExecAction", () => ({ command: strList })),
  httpGet: struct("HTTPGetAction", () => ({ path: S, port: "intstr", host: S, scheme: S })),
  tcpSocket: struct("TCPSocketAction", () => ({ port: "intstr", host: S })),
}));

const CONTAINER = struct("Container", () => ({
  name: S,
  image: S,
  command: strList,
  args: strList,
  workingDir: S,
  ports: list(struct("ContainerPort", () => ({ name: S, hostPort: I32, containerPort: I32, protocol: S, hostIP: S }))),
  env: list(struct("EnvVar", () => ({ name: S, value: S }))),
  resources: struct("ResourceRequirements", () => ({ limits: quantities, requests: quantities })),
  volumeMounts: list(struct("VolumeMount", () => ({ name: S, readOnly: B, mountPath: S, subPath: S }))),
  livenessProbe: PROBE,
  readinessProbe: PROBE,
  startupProbe: PROBE,
  imagePullPolicy: S,
  stdin: B,
  tty: B,
}));

const POD_SPEC = struct("PodSpec", () => ({
  volumes: list(
    struct("Volume", () => ({
      name: S,
      emptyDir: struct("EmptyDirVolumeSource", () => ({ medium: S, sizeLimit: "quantity" })),
    })),
  ),
  initContainers: list(CONTAINER),
  containers: list(CONTAINER),
  restartPolicy: S,
  terminationGracePeriodSeconds: I64,
  activeDeadlineSeconds: I64,
  dnsPolicy: S,
  nodeSelector: strMap,
  serviceAccountName: S,
  nodeName: S,
  hostNetwork: B,
  hostname: S,
  schedulerName: S,
  tolerations: list(struct("Toleration", () => ({ key: S, operator: S, value: S, effect: S, tolerationSeconds: I64 }))),
  priorityClassName: S,
  overhead: quantities,
}));

const POD_TEMPLATE = struct("PodTemplateSpec", () => ({ metadata: OBJECT_META, spec: POD_SPEC }));

const workloadSpec = (name: string, pkg: string, extra: Record<string, T> = {}): T =>
  struct(name, () => ({ replicas: I32, minReadySeconds: I32, selector: LABEL_SELECTOR, template: POD_TEMPLATE, ...extra }), pkg);

const SCHEMAS: Record<string, Record<string, T>> = {
  Pod: { metadata: OBJECT_META, spec: POD_SPEC },
  Deployment: {
    metadata: OBJECT_META,
    spec: workloadSpec("DeploymentSpec", "v1", { revisionHistoryLimit: I32, progressDeadlineSeconds: I32, paused: B }),
  },
  ReplicaSet: { metadata: OBJECT_META, spec: workloadSpec("ReplicaSetSpec", "v1") },
  DaemonSet: { metadata: OBJECT_META, spec: workloadSpec("DaemonSetSpec", "v1", { revisionHistoryLimit: I32 }) },
  Job: {
    metadata: OBJECT_META,
    spec: struct("JobSpec", () => ({
      parallelism: I32,
      completions: I32,
      activeDeadlineSeconds: I64,
      backoffLimit: I32,
      ttlSecondsAfterFinished: I32,
      selector: LABEL_SELECTOR,
      manualSelector: B,
      suspend: B,
      template: POD_TEMPLATE,
    })),
  },
  Service: {
    metadata: OBJECT_META,
    spec: struct("ServiceSpec", () => ({
      ports: list(struct("ServicePort", () => ({ name: S, protocol: S, port: I32, targetPort: "intstr", nodePort: I32 }))),
      selector: strMap,
      clusterIP: S,
      type: S,
      externalIPs: strList,
    })),
  },
  ConfigMap: { metadata: OBJECT_META, data: strMap, binaryData: { map: "bytes", type: "map[string][]uint8" }, immutable: B },
  Secret: { metadata: OBJECT_META, data: { map: "bytes", type: "map[string][]uint8" }, stringData: strMap, type: S, immutable: B },
  Namespace: { metadata: OBJECT_META },
  ServiceAccount: { metadata: OBJECT_META, automountServiceAccountToken: B },
  ResourceQuota: { metadata: OBJECT_META, spec: struct("ResourceQuotaSpec", () => ({ hard: quantities })) },
  LimitRange: {
    metadata: OBJECT_META,
    spec: struct("LimitRangeSpec", () => ({
      limits: list(
        struct("LimitRangeItem", () => ({
          type: S,
          max: quantities,
          min: quantities,
          default: quantities,
          defaultRequest: quantities,
          maxLimitRequestRatio: quantities,
        })),
      ),
    })),
  },
  Node: {
    metadata: OBJECT_META,
    spec: struct("NodeSpec", () => ({ podCIDR: S, podCIDRs: strList, providerID: S, unschedulable: B })),
    status: struct("NodeStatus", () => ({ capacity: quantities, allocatable: quantities })),
  },
  Lease: {
    metadata: OBJECT_META,
    spec: struct("LeaseSpec", () => ({ holderIdentity: S, leaseDurationSeconds: I32, leaseTransitions: I32 }), "v1"),
  },
};

const jsonKind = (v: unknown) =>
  typeof v === "string" ? "string" : typeof v === "number" ? "number" : typeof v === "boolean" ? "bool" : Array.isArray(v) ? "array" : "object";

class DecodeError extends Error {}

function typeName(t: T): string {
  return typeof t === "string" ? (t === "quantity" ? "resource.Quantity" : t === "intstr" ? "intstr.IntOrString" : t === "bytes" ? "[]uint8" : t) : t.type;
}

function check(v: unknown, t: T, structName: string, path: string): void {
  if (v === null || v === undefined) return;
  const mismatch = (value: string) => {
    throw new DecodeError(`json: cannot unmarshal ${value} into Go struct field ${structName}.${path} of type ${typeName(t)}`);
  };
  if (typeof t === "string") {
    switch (t) {
      case "string":
        if (typeof v !== "string") mismatch(jsonKind(v));
        return;
      case "bool":
        if (typeof v !== "boolean") mismatch(jsonKind(v));
        return;
      case "int32":
      case "int64": {
        if (typeof v !== "number") return mismatch(jsonKind(v));
        const max = t === "int32" ? 2147483647 : Number.MAX_SAFE_INTEGER;
        if (!Number.isInteger(v) || Math.abs(v) > max) mismatch(`number ${String(v)}`);
        return;
      }
      case "quantity": {
        if (typeof v !== "string" && typeof v !== "number") mismatch(jsonKind(v));
        const err = quantityError(v);
        if (err) throw new DecodeError(err);
        return;
      }
      case "intstr":
        if (typeof v === "number" && !Number.isInteger(v)) {
          throw new DecodeError(`json: cannot unmarshal number ${String(v)} into Go value of type int32`);
        }
        if (typeof v !== "string" && typeof v !== "number") {
          throw new DecodeError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`);
        }
        return;
      case "bytes": {
        if (typeof v !== "string") return mismatch(jsonKind(v));
        const r = base64DecodeStrict(v);
        if ("illegalAt" in r) throw new DecodeError(`illegal base64 data at input byte ${r.illegalAt}`);
        return;
      }
    }
    return;
  }
  if ("map" in t) {
    if (!isObj(v)) return mismatch(jsonKind(v));
    for (const x of Object.values(v)) check(x, t.map, structName, path);
    return;
  }
  if ("list" in t) {
    if (!Array.isArray(v)) return mismatch(jsonKind(v));
    for (const x of v) check(x, t.list, structName, path);
    return;
  }
  if (!isObj(v)) return mismatch(jsonKind(v));
  const fields = t.fields();
  for (const [k, x] of Object.entries(v)) {
    // Own fields only: a key like "constructor" is not a field of any Go struct.
    const ft = Object.hasOwn(fields, k) ? fields[k] : undefined;
    if (ft) check(x, ft, t.struct, path ? `${path}.${k}` : k);
  }
}

/**
 * The decode error a real server would report for this object, or null. The message is the one in
 * the 400 response: `Deployment in version "v1" cannot be handled as a Deployment: <reason>`.
 */
export function decodeError(o: Obj): string | null {
  const reason = decodeReason(o);
  if (reason === null) return null;
  const kind = typeof o.kind === "string" ? o.kind : "";
  const apiVersion = typeof o.apiVersion === "string" ? o.apiVersion : "v1";
  const version = apiVersion.includes("/") ? apiVersion.split("/")[1]! : apiVersion;
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${reason}`;
}

/** What encoding/json says when the object does not fit the Go types (a client-side decode), or null. */
export function decodeReason(o: Obj): string | null {
  const kind = typeof o.kind === "string" ? o.kind : "";
  const schema = Object.hasOwn(SCHEMAS, kind) ? SCHEMAS[kind] : undefined;
  if (!schema) return null;
  try {
    for (const [k, v] of Object.entries(o)) {
      const t = Object.hasOwn(schema, k) ? schema[k] : undefined;
      if (t) check(v, t, kind, k);
    }
  } catch (e) {
    if (e instanceof DecodeError) return e.message;
    throw e;
  }
  return null;
}

/** The metav1.Status of a decode failure (HTTP 400). */
export function badRequestStatus(message: string) {
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "BadRequest", code: 400 } as const;
}
