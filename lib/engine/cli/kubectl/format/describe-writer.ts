// The pieces every `kubectl describe` output shares (k8s.io/kubectl/pkg/describe): the
// indenting prefix writer, labels/annotations/taints/tolerations blocks, the Events table, and
// the final pass through a tab writer (minwidth 0, padding 2) that aligns "Key:\tvalue" lines.
import type { Millis } from "../../../clock";
import { translateTimestampSince } from "./duration";
import { goStringCompare, sortedKeys } from "./labels";
import { escapeTerminal } from "./tables";
import { KUBECTL_DESCRIBE, tabulate } from "./tabwriter";
import { parseTime } from "./time";
import type { Event, Taint, Toleration } from "./types";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** PrefixWriter: every level indents by two spaces. */
export class PrefixWriter {
  private text = "";

  write(level: number, text: string): void {
    this.text += escapeTerminal("  ".repeat(level) + text);
  }

  /** WriteLine: the text and a newline, without indentation. */
  writeLine(text: string): void {
    this.text += escapeTerminal(`${text}\n`);
  }

  /** What was written, unaligned (describe.NewPrefixWriter on a plain buffer). */
  raw(): string {
    return this.text;
  }

  /** tabbedString: the aligned output. */
  toString(): string {
    return tabulate(this.text, KUBECTL_DESCRIBE);
  }
}

/** printLabelsMultilineWithIndent: one "k=v" per line, sorted, or <none>. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = "",
  innerIndent = "\t",
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);

/** printAnnotationsMultiline: long or multi-line values go below their key, cut at 140. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key]!.replace(/\n$/, "");
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n")) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s;
        w.write(LEVEL_0, `${indent}  ${short}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString: key=value:effect, or key:effect. */
export function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printTaintsMultilineWithIndent: sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(taints ?? [])];
  if (list.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const key = (t: Taint) => `${t.effect},${t.key}`;
  list.sort((a, b) => goStringCompare(key(a), key(b)));
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key; "op=Exists", "for 300s". */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(tolerations ?? [])];
  if (list.length === 0) {
    w.writeLine("<none>");
    return;
  }
  list.sort((a, b) => goStringCompare(a.key ?? "", b.key ?? ""));
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    let line = t.key ?? "";
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    // An "Exists" toleration with no value tolerates everything matching.
    if (t.operator === "Exists" && !t.value) line += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) line += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

/** The time kubectl sorts events by: the series' last observation, lastTimestamp, or eventTime. */
function eventSortTime(e: Event): number {
  if (e.series) return parseTime(e.series.lastObservedTime) ?? 0;
  const last = parseTime(e.lastTimestamp);
  if (last !== undefined) return last;
  return parseTime(e.eventTime) ?? 0;
}

/** DescribeEvents: the Events table, oldest first; repeated events as "3m (x5 over 10m)". */
export function describeEvents(w: PrefixWriter, events: Event[], now: Millis): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  const sorted = [...events].sort((a, b) => eventSortTime(a) - eventSortTime(b));
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    let first = translateTimestampSince(e.eventTime, now);
    if (parseTime(e.eventTime) === undefined) first = translateTimestampSince(e.firstTimestamp, now);
    let interval: string;
    if (e.series) {
      interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    } else if ((e.count ?? 0) > 1) {
      interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    } else {
      interval = first;
    }
    const source = e.source?.component || e.reportingComponent || "";
    w.write(LEVEL_1, `${e.type ?? ""}\t${e.reason ?? ""}\t${interval}\t${source}\t${(e.message ?? "").trim()}\n`);
  }
}
