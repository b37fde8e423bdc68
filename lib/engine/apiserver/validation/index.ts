// Validation of objects as the kube-apiserver does it (v1.32 behaviour, unchanged in v1.31-v1.33
// for everything here): same checks, same order, same field paths and wording.
//
// The server pipeline this expects, for a create:
//   decodeError (400 if set) -> applyDefaults -> admission (pods) -> prepareForCreate
//   -> validateCreate (422 with invalidStatus if any) -> store
// and for an update: decodeError -> applyDefaults -> prepareForUpdate -> validateUpdate.
// Objects are plain JSON as clients send them; namespaces must already be set from the request
// for namespaced kinds (and cleared for cluster-scoped ones), as the real handlers do.
import { validateDaemonSet, validateDaemonSetUpdate, validateDeployment, validateDeploymentUpdate, validateReplicaSet, validateReplicaSetUpdate } from "./apps";
import { validateJob, validateJobUpdate } from "./batch";
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateEndpointSlice,
  validateEndpointSliceUpdate,
  validateEndpoints,
  validateEndpointsUpdate,
  validateEvent,
  validateLease,
  validateLeaseUpdate,
  validateLimitRange,
  validateLimitRangeUpdate,
  validateNamespace,
  validateNamespaceUpdate,
  validateNode,
  validateNodeUpdate,
  validateResourceQuota,
  validateResourceQuotaUpdate,
  validateSecret,
  validateSecretUpdate,
  validateServiceAccount,
  validateServiceAccountUpdate,
} from "./core";
import { type FieldError, type InvalidStatus, invalidStatus } from "./field";
import { type Obj, isObj, obj, str } from "./json";
import { validatePodCreate } from "./pod";
import { validatePodUpdate } from "./pod-update";
import { normalizeClusterIPs, validateService, validateServiceUpdate } from "./service";

export * from "./field";
export type { Obj } from "./json";
export { GoValue, goQuote } from "./go-format";
export * from "./quantity";
export * from "./formats";
export { decodeError, decodeReason, badRequestStatus } from "./decode";
export { warningsFor } from "./warnings";
export {
  checkNodePortRange,
  clusterIPAlreadyAllocated,
  clusterIPNotInRange,
  DEFAULT_NODE_PORT_RANGE,
  nodePortAlreadyAllocated,
  nodePortNotInRange,
  normalizeClusterIPs,
} from "./service";
export { podSpecDiff, UPDATABLE_POD_SPEC_FIELDS } from "./pod-update";
export { labelSelectorAsSelector, selectorMatches, type Selector } from "./meta";
export { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from "./batch";
export { base64Decode, base64Encode, base64EncodeString } from "./base64";

/** The API group of each kind handled here ("" is the core group). */
export const KIND_GROUPS: Readonly<Record<string, string>> = {
  Namespace: "",
  Node: "",
  Pod: "",
  Service: "",
  Endpoints: "",
  ConfigMap: "",
  Secret: "",
  ServiceAccount: "",
  Event: "",
  ResourceQuota: "",
  LimitRange: "",
  Deployment: "apps",
  ReplicaSet: "apps",
  DaemonSet: "apps",
  Job: "batch",
  EndpointSlice: "discovery.k8s.io",
  Lease: "coordination.k8s.io",
};

const CREATE: Record<string, (o: Obj) => FieldError[]> = {
  Namespace: validateNamespace,
  Node: validateNode,
  Pod: validatePodCreate,
  Service: (o) => validateService(normalizeClusterIPs(o)),
  Endpoints: validateEndpoints,
  EndpointSlice: (o) => validateEndpointSlice(o),
  ConfigMap: validateConfigMap,
  Secret: validateSecret,
  ServiceAccount: validateServiceAccount,
  Event: validateEvent,
  Lease: validateLease,
  ResourceQuota: validateResourceQuota,
  LimitRange: validateLimitRange,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  DaemonSet: validateDaemonSet,
  Job: validateJob,
};

const UPDATE: Record<string, (o: Obj, old: Obj) => FieldError[]> = {
  Namespace: validateNamespaceUpdate,
  Node: validateNodeUpdate,
  Pod: validatePodUpdate,
  Service: (o, old) => validateServiceUpdate(normalizeClusterIPs(o, old), old),
  Endpoints: validateEndpointsUpdate,
  EndpointSlice: validateEndpointSliceUpdate,
  ConfigMap: validateConfigMapUpdate,
  Secret: validateSecretUpdate,
  ServiceAccount: validateServiceAccountUpdate,
  Event: (o) => validateEvent(o),
  Lease: validateLeaseUpdate,
  ResourceQuota: validateResourceQuotaUpdate,
  LimitRange: validateLimitRangeUpdate,
  Deployment: validateDeploymentUpdate,
  ReplicaSet: validateReplicaSetUpdate,
  DaemonSet: validateDaemonSetUpdate,
  Job: validateJobUpdate,
};

/** Validation errors for creating `obj` (defaulted and prepared); empty when valid. */
export function validateCreate(o: unknown): FieldError[] {
  if (!isObj(o)) return [];
  const fn = CREATE[str(o.kind)];
  return fn ? fn(o) : [];
}

/** Validation errors for replacing `old` with `o` (both defaulted; `o` prepared); empty when valid. */
export function validateUpdate(o: unknown, old: unknown): FieldError[] {
  if (!isObj(o) || !isObj(old)) return [];
  const fn = UPDATE[str(o.kind)];
  return fn ? fn(o, old) : [];
}

/** The 422 Status for `errors` on `obj`, as the server sends it. */
export function invalidStatusFor(o: Obj, errors: readonly FieldError[]): InvalidStatus {
  const kind = str(o.kind);
  return invalidStatus(kind, KIND_GROUPS[kind] ?? "", str(obj(o.metadata)?.name), errors);
}
