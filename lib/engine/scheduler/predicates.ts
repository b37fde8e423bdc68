// Node-selection predicates shared by the scheduler and the DaemonSet controller.
import type { KubeObject, Taint, Toleration } from "../api/types";
import { matchesSelector, type Selector } from "../apiserver/selectors";

/** Whether a toleration tolerates a taint (core/v1 helper semantics). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  const op = t.operator ?? "Equal";
  if (!t.key) return op === "Exists"; // an empty key with Exists tolerates everything
  if (t.key !== taint.key) return false;
  if (op === "Exists") return true;
  return (t.value ?? "") === (taint.value ?? "");
}

/** The first taint none of the tolerations tolerate, or undefined. */
export function firstUntolerated(taints: Taint[], tolerations: Toleration[] | undefined): Taint | undefined {
  return taints.find((taint) => !(tolerations ?? []).some((t) => tolerates(t, taint)));
}

export function taintsTolerated(taints: Taint[], tolerations: Toleration[] | undefined): boolean {
  return firstUntolerated(taints, tolerations) === undefined;
}

interface NodeSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt";
  values?: string[];
}

interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  switch (r.operator) {
    case "In":
      return value !== undefined && (r.values ?? []).includes(value);
    case "NotIn":
      return value === undefined || !(r.values ?? []).includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
      return value !== undefined && Number(value) > Number(r.values?.[0]);
    case "Lt":
      return value !== undefined && Number(value) < Number(r.values?.[0]);
    default:
      return false;
  }
}

export function termMatches(term: NodeSelectorTerm, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false; // an empty term matches nothing
  return (
    exprs.every((r) => requirementMatches(r, Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined)) &&
    fields.every((r) => requirementMatches(r, r.key === "metadata.name" ? node.metadata.name : undefined))
  );
}

/** nodeSelector and required node affinity (terms are ORed, requirements ANDed). */
export function nodeMatchesAffinity(pod: { spec: { nodeSelector?: Record<string, string>; affinity?: any } }, node: KubeObject): boolean { // eslint-disable-line @typescript-eslint/no-explicit-any
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) {
    const terms = (required.nodeSelectorTerms ?? []) as NodeSelectorTerm[];
    if (!terms.some((t) => termMatches(t, node))) return false;
  }
  return true;
}

/** Sum of the weights of the preferred node-affinity terms a node matches. */
export function preferredAffinityScore(pod: KubeObject, node: KubeObject): number {
  const preferred = (pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) as { weight: number; preference: NodeSelectorTerm }[];
  return preferred.reduce((sum, p) => sum + (termMatches(p.preference, node) ? p.weight : 0), 0);
}

export type { Selector };
export { matchesSelector };
