// Field selectors: which fields each resource supports, and how to read them.
import type { KubeObject } from "../api/types";
import type { ResourceInfo } from "./registry";

const COMMON = ["metadata.name", "metadata.namespace"];

const SUPPORTED: Record<string, string[]> = {
  Pod: [
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.schedulerName",
    "spec.serviceAccountName",
    "spec.hostNetwork",
    "status.phase",
    "status.podIP",
    "status.nominatedNodeName",
  ],
  Event: [
    "involvedObject.kind",
    "involvedObject.namespace",
    "involvedObject.name",
    "involvedObject.uid",
    "involvedObject.apiVersion",
    "involvedObject.resourceVersion",
    "involvedObject.fieldPath",
    "reason",
    "reportingComponent",
    "source",
    "type",
  ],
  Node: ["spec.unschedulable"],
  Namespace: ["status.phase"],
  Secret: ["type"],
  ReplicaSet: ["status.replicas"],
  Job: ["status.successful"],
};

export function isSupportedField(info: ResourceInfo, field: string): boolean {
  return COMMON.includes(field) || (SUPPORTED[info.kind] ?? []).includes(field);
}

/** The string a field selector compares against ("" when absent, as the server does). */
export function fieldValue(obj: KubeObject, field: string): string {
  if (field === "source") return String((obj as { source?: { component?: string } }).source?.component ?? "");
  if (field === "status.successful") return String(obj.status?.succeeded ?? 0);
  let node: unknown = obj;
  for (const part of field.split(".")) {
    if (node === null || typeof node !== "object") return "";
    node = (node as Record<string, unknown>)[part];
  }
  if (node === undefined || node === null) return field === "spec.hostNetwork" || field === "spec.unschedulable" ? "false" : "";
  return String(node);
}
