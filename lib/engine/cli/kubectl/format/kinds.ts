// What the printers need to know about a kind without asking the API server: its API group (for
// "deployment.apps/web") and whether it lives in a namespace (for the NAMESPACE column of -A).
import type { KubeObject } from "./types";

export interface KindInfo {
  group: string;
  namespaced: boolean;
}

const KINDS: Record<string, KindInfo> = {
  Pod: { group: "", namespaced: true },
  PodTemplate: { group: "", namespaced: true },
  Service: { group: "", namespaced: true },
  Endpoints: { group: "", namespaced: true },
  ConfigMap: { group: "", namespaced: true },
  Secret: { group: "", namespaced: true },
  ServiceAccount: { group: "", namespaced: true },
  Event: { group: "", namespaced: true },
  LimitRange: { group: "", namespaced: true },
  ResourceQuota: { group: "", namespaced: true },
  PersistentVolumeClaim: { group: "", namespaced: true },
  ReplicationController: { group: "", namespaced: true },
  Namespace: { group: "", namespaced: false },
  Node: { group: "", namespaced: false },
  PersistentVolume: { group: "", namespaced: false },
  ComponentStatus: { group: "", namespaced: false },
  Deployment: { group: "apps", namespaced: true },
  ReplicaSet: { group: "apps", namespaced: true },
  DaemonSet: { group: "apps", namespaced: true },
  StatefulSet: { group: "apps", namespaced: true },
  ControllerRevision: { group: "apps", namespaced: true },
  Job: { group: "batch", namespaced: true },
  CronJob: { group: "batch", namespaced: true },
  HorizontalPodAutoscaler: { group: "autoscaling", namespaced: true },
  EndpointSlice: { group: "discovery.k8s.io", namespaced: true },
  Lease: { group: "coordination.k8s.io", namespaced: true },
  Ingress: { group: "networking.k8s.io", namespaced: true },
  NetworkPolicy: { group: "networking.k8s.io", namespaced: true },
  IngressClass: { group: "networking.k8s.io", namespaced: false },
  Role: { group: "rbac.authorization.k8s.io", namespaced: true },
  RoleBinding: { group: "rbac.authorization.k8s.io", namespaced: true },
  ClusterRole: { group: "rbac.authorization.k8s.io", namespaced: false },
  ClusterRoleBinding: { group: "rbac.authorization.k8s.io", namespaced: false },
  PodDisruptionBudget: { group: "policy", namespaced: true },
  StorageClass: { group: "storage.k8s.io", namespaced: false },
  CSIDriver: { group: "storage.k8s.io", namespaced: false },
  CSINode: { group: "storage.k8s.io", namespaced: false },
  PriorityClass: { group: "scheduling.k8s.io", namespaced: false },
  RuntimeClass: { group: "node.k8s.io", namespaced: false },
  CustomResourceDefinition: { group: "apiextensions.k8s.io", namespaced: false },
  CertificateSigningRequest: { group: "certificates.k8s.io", namespaced: false },
  ValidatingWebhookConfiguration: { group: "admissionregistration.k8s.io", namespaced: false },
  MutatingWebhookConfiguration: { group: "admissionregistration.k8s.io", namespaced: false },
};

/** The group of an apiVersion ("apps/v1" → "apps", "v1" → ""). */
export function groupOfApiVersion(apiVersion: string | undefined): string {
  if (!apiVersion) return "";
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** Kinds Kubernetes itself serves (custom resources are the rest). */
export function isBuiltInKind(kind: string): boolean {
  return kind in KINDS;
}

export function kindInfo(kind: string, apiVersion?: string): KindInfo {
  const known = KINDS[kind];
  if (known) {
    // events.k8s.io/v1 Events are the same resource family; keep the object's own group.
    if (apiVersion && groupOfApiVersion(apiVersion) !== known.group && kind === "Event") {
      return { ...known, group: groupOfApiVersion(apiVersion) };
    }
    return known;
  }
  // Unknown kinds (custom resources): group from apiVersion; assume namespaced.
  return { group: groupOfApiVersion(apiVersion), namespaced: true };
}

/** schema.GroupKind.String(): "Deployment.apps", or just "Pod" for the core group. */
export function groupKindString(kind: string, group: string): string {
  return group ? `${kind}.${group}` : kind;
}

/** The "kind.group/name" prefix form kubectl uses for -o name and mixed-kind tables. */
export function qualifiedKind(obj: KubeObject, fallbackKind?: string): string {
  const kind = obj.kind ?? fallbackKind ?? "";
  const group = obj.apiVersion !== undefined ? groupOfApiVersion(obj.apiVersion) : kindInfo(kind).group;
  return groupKindString(kind, group).toLowerCase();
}
