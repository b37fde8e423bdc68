// Label selectors (the `-l` syntax and LabelSelector objects) and field selectors.
import type { LabelSelector, LabelSelectorRequirement } from "../api/types";

export type Requirement =
  | { key: string; op: "=" | "!="; value: string }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!exists" };

export type Selector = Requirement[];

export class SelectorParseError extends Error {}

/**
 * Parses a label selector string as kubectl and the API server do:
 * `app=web,tier!=db`, `env in (prod, qa)`, `env notin (dev)`, `partition`, `!partition`.
 */
export function parseLabelSelector(text: string): Selector {
  const requirements: Selector = [];
  let i = 0;
  const s = text.trim();
  const skipSpaces = () => {
    while (s[i] === " ") i++;
  };
  const readWord = () => {
    skipSpaces();
    const start = i;
    while (i < s.length && !" ,=!()".includes(s[i]!)) i++;
    return s.slice(start, i);
  };
  if (s === "") return requirements;
  while (i < s.length) {
    skipSpaces();
    if (s[i] === "!") {
      i++;
      const key = readWord();
      if (!key) throw new SelectorParseError(`found '${s[i] ?? ""}', expected: identifier`);
      requirements.push({ key, op: "!exists" });
    } else {
      const key = readWord();
      if (!key) throw new SelectorParseError(`found '${s[i] ?? ""}', expected: identifier`);
      skipSpaces();
      if (s.startsWith("==", i) || s.startsWith("!=", i)) {
        const op = s.startsWith("!=", i) ? "!=" : "=";
        i += 2;
        requirements.push({ key, op, value: readWord() });
      } else if (s[i] === "=") {
        i++;
        requirements.push({ key, op: "=", value: readWord() });
      } else if (/^(in|notin)\s*\(/.test(s.slice(i))) {
        const op = s.startsWith("notin", i) ? "notin" : "in";
        i = s.indexOf("(", i) + 1;
        const close = s.indexOf(")", i);
        if (close < 0) throw new SelectorParseError("found '', expected: ')'");
        const values = s.slice(i, close).split(",").map((v) => v.trim()).filter(Boolean);
        i = close + 1;
        requirements.push({ key, op, values });
      } else {
        requirements.push({ key, op: "exists" });
      }
    }
    skipSpaces();
    if (i < s.length) {
      if (s[i] !== ",") throw new SelectorParseError(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return requirements;
}

export function matchesSelector(selector: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const value = l[r.key];
    switch (r.op) {
      case "=":
        if (value !== r.value) return false;
        break;
      case "!=":
        if (has && value === r.value) return false;
        break;
      case "in":
        if (!has || !r.values.includes(value!)) return false;
        break;
      case "notin":
        if (has && r.values.includes(value!)) return false;
        break;
      case "exists":
        if (!has) return false;
        break;
      case "!exists":
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Converts a LabelSelector object (matchLabels, matchExpressions) to requirements. */
export function fromLabelSelector(selector: LabelSelector | undefined | null): Selector {
  if (!selector) return [];
  const out: Selector = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) out.push({ key, op: "=", value });
  for (const e of selector.matchExpressions ?? []) out.push(requirementFromExpression(e));
  return out;
}

function requirementFromExpression(e: LabelSelectorRequirement): Requirement {
  switch (e.operator) {
    case "In":
      return { key: e.key, op: "in", values: e.values ?? [] };
    case "NotIn":
      return { key: e.key, op: "notin", values: e.values ?? [] };
    case "Exists":
      return { key: e.key, op: "exists" };
    default:
      return { key: e.key, op: "!exists" };
  }
}

/** A LabelSelector with nothing in it selects everything; a null one selects nothing. */
export function labelSelectorMatches(selector: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  return matchesSelector(fromLabelSelector(selector), labels);
}

/** Renders a selector the way kubectl prints it (`app=web,tier in (a,b)`). */
export function formatSelector(selector: Selector): string {
  return selector
    .map((r) => {
      switch (r.op) {
        case "=":
        case "!=":
          return `${r.key}${r.op}${r.value}`;
        case "in":
        case "notin":
          return `${r.key} ${r.op} (${r.values.join(",")})`;
        case "exists":
          return r.key;
        default:
          return `!${r.key}`;
      }
    })
    .join(",");
}

export type FieldRequirement = { field: string; op: "=" | "!="; value: string };

/** Parses `--field-selector status.phase=Running,spec.nodeName!=node01`. */
export function parseFieldSelector(text: string): FieldRequirement[] {
  if (!text.trim()) return [];
  return text.split(",").map((part) => {
    const m = /^\s*([^=!]+?)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw new SelectorParseError(`invalid selector: '${text}'; can't understand '${part}'`);
    return { field: m[1]!, op: m[2] === "!=" ? "!=" : "=", value: m[3]! };
  });
}
