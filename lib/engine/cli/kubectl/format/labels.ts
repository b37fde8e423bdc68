// Label and selector formatting from apimachinery's labels and metav1 helpers.
import type { LabelSelector } from "./types";

/** Go's sort.Strings order: byte-wise, which for these ASCII keys is code-unit order. */
export function goStringCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedKeys(map: Record<string, unknown> | undefined | null): string[] {
  return Object.keys(map ?? {}).sort(goStringCompare);
}

/** labels.FormatLabels: "k=v,k2=v2" sorted by key, or "<none>". */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = sortedKeys(labels);
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

interface Requirement {
  key: string;
  text: string;
}

function requirementText(key: string, operator: string, values: string[]): string {
  const sorted = [...values].sort(goStringCompare);
  switch (operator) {
    case "In":
      return `${key} in (${sorted.join(",")})`;
    case "NotIn":
      return `${key} notin (${sorted.join(",")})`;
    case "Exists":
      return key;
    case "DoesNotExist":
      return `!${key}`;
    default:
      return `${key} ${operator} (${sorted.join(",")})`;
  }
}

/**
 * LabelSelectorAsSelector(...).String(): requirements sorted by key, joined by commas. A nil or
 * empty selector is the empty string.
 */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return "";
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    reqs.push({ key, text: `${key}=${value}` });
  }
  for (const expr of selector.matchExpressions ?? []) {
    reqs.push({ key: expr.key, text: requirementText(expr.key, expr.operator, expr.values ?? []) });
  }
  // sort.Sort(ByKey) is not stable, but selectors rarely repeat a key.
  reqs.sort((a, b) => goStringCompare(a.key, b.key));
  return reqs.map((r) => r.text).join(",");
}

/** metav1.FormatLabelSelector: like selectorString, but "<none>" when it selects everything. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = selectorString(selector);
  return s === "" ? "<none>" : s;
}

/** A set-based selector from a plain map (Service and ReplicationController selectors). */
export function mapSelectorString(selector: Record<string, string> | undefined | null): string {
  return sortedKeys(selector)
    .map((k) => `${k}=${selector![k]}`)
    .join(",");
}
