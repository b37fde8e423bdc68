// `kubectl get` human-readable output: the API server's table for each kind, decorated by kubectl
// (NAMESPACE column for -A, kind-qualified names, -L / --show-labels columns) and aligned by the
// tabwriter. Several kinds in one command print as separate tables with a blank line between
// (cli-runtime tableprinter.go and kubectl get.go).
import type { Millis } from "../../../clock";
import { groupKindString, groupOfApiVersion, isBuiltInKind, kindInfo } from "./kinds";
import { formatLabels } from "./labels";
import { printerFor, type ColumnDefinition } from "./table-rows";
import { KUBECTL_TABLE, TabWriter } from "./tabwriter";
import type { KubeObject } from "./types";

export interface TableOptions {
  /** The sandbox clock, for AGE and other durations. */
  now: Millis;
  /** -o wide: also the priority-1 columns (IP, NODE, CONTAINERS, ...). */
  wide?: boolean;
  /** -A / --all-namespaces: a NAMESPACE column first (namespaced kinds only). */
  allNamespaces?: boolean;
  /** --show-labels: a LABELS column last. */
  showLabels?: boolean;
  /** -L key1,key2: one column per label key, before LABELS. */
  labelColumns?: string[];
  /** --no-headers. */
  noHeaders?: boolean;
  /** --show-kind: "pod/web" names even for a single kind (several kinds always get them). */
  showKind?: boolean;
  /** The kind of objects that carry no .kind (e.g. items of a typed list). */
  kind?: string;
}

export interface GetOptions extends TableOptions {
  /** The request namespace, for "No resources found in <ns> namespace.". */
  namespace: string;
}

export interface PrintResult {
  stdout: string;
  stderr: string;
}

/** Escapes what would drive the terminal (printers.EscapeTerminal). */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, "^[").replace(/\r/g, "\\r");
}

/** A cell stops at its first line break, marked "..." (tableprinter's appendCellValue). */
function cellText(value: string): string {
  const br = value.search(/[\f\n\r]/);
  return escapeTerminal(br >= 0 ? `${value.slice(0, br)}...` : value);
}

function kindOf(obj: KubeObject, fallback?: string): string {
  return obj.kind ?? fallback ?? "";
}

function groupOf(obj: KubeObject, kind: string): string {
  return obj.apiVersion !== undefined ? groupOfApiVersion(obj.apiVersion) : kindInfo(kind).group;
}

interface Group {
  kind: string;
  group: string;
  objects: KubeObject[];
}

/** Consecutive objects of one kind share a table, as kubectl reuses a printer per resource. */
function groupObjects(objects: KubeObject[], fallbackKind?: string): Group[] {
  const groups: Group[] = [];
  for (const obj of objects) {
    const kind = kindOf(obj, fallbackKind);
    const group = groupOf(obj, kind);
    const last = groups[groups.length - 1];
    if (last && last.kind === kind && last.group === group) last.objects.push(obj);
    else groups.push({ kind, group, objects: [obj] });
  }
  return groups;
}

/** Label column headers: the last path segment, upper-cased (formatLabelHeaders). */
function labelHeader(key: string): string {
  const parts = key.split("/");
  return parts[parts.length - 1]!.toUpperCase();
}

/** Writes one kind's table (header unless --no-headers, then rows) to the tab writer. */
function writeTable(w: TabWriter, g: Group, opts: TableOptions, withKind: boolean): void {
  if (g.objects.length === 0) return;
  const printer = printerFor(g.kind, isBuiltInKind(g.kind));
  const withNamespace = !!opts.allNamespaces && kindInfo(g.kind, g.objects[0]?.apiVersion).namespaced;
  const columns: ColumnDefinition[] = [
    ...(withNamespace ? [{ name: "Namespace" }] : []),
    ...printer.columns,
    ...(opts.labelColumns ?? []).map((k) => ({ name: labelHeader(k) })),
    ...(opts.showLabels ? [{ name: "Labels" }] : []),
  ];
  const nameColumn = withKind ? printer.columns.findIndex((c) => c.format === "name") : -1;
  const prefix = groupKindString(g.kind, g.group).toLowerCase();
  const visible = (c: ColumnDefinition) => !!opts.wide || !c.priority;

  if (!opts.noHeaders) {
    w.write(`${columns.filter(visible).map((c) => c.name.toUpperCase()).join("\t")}\n`);
  }
  for (const obj of g.objects) {
    const cells = printer.row(obj, { now: opts.now });
    if (nameColumn >= 0) cells[nameColumn] = `${prefix}/${cells[nameColumn]}`;
    const labels = obj.metadata?.labels ?? {};
    const row = [
      ...(withNamespace ? [obj.metadata?.namespace ?? ""] : []),
      ...cells,
      ...(opts.labelColumns ?? []).map((k) => labels[k] ?? ""),
      ...(opts.showLabels ? [formatLabels(labels)] : []),
    ];
    const shown = row.filter((_, i) => visible(columns[i]!));
    w.write(`${shown.map(cellText).join("\t")}\n`);
  }
}

/**
 * The tables `kubectl get` prints for these objects, in order. Runs of one kind form one table;
 * several kinds print as separate tables, a blank line between them (unless --no-headers), with
 * kind-qualified names ("pod/web-1", "deployment.apps/web"). No objects: the empty string.
 */
export function printTable(objects: KubeObject[], opts: TableOptions): string {
  const groups = groupObjects(objects, opts.kind);
  const kinds = new Set(groups.map((g) => `${g.group}/${g.kind}`));
  const withKind = !!opts.showKind || kinds.size > 1;
  let out = "";
  for (const g of groups) {
    // Each kind gets a fresh printer and forgets the previous table's column widths.
    const w = new TabWriter(KUBECTL_TABLE);
    writeTable(w, g, opts, withKind);
    const text = w.flush();
    if (out.length > 0 && !opts.noHeaders && text.length > 0) out += "\n";
    out += text;
  }
  return out;
}

/**
 * A table printed a piece at a time, as `kubectl get -w` prints the list and then each change:
 * one header (with the first row), every piece flushed on its own, and columns that only widen
 * (kubectl's tab writer remembers widths across flushes).
 */
export class TableStream {
  private readonly w = new TabWriter(KUBECTL_TABLE);
  private headed = false;
  private shown = 0;

  constructor(private readonly opts: Omit<TableOptions, "now">) {}

  /** The text for these objects, their AGE measured at `now`; empty for none. */
  print(objects: KubeObject[], now: Millis): string {
    for (const g of groupObjects(objects, this.opts.kind)) {
      writeTable(this.w, g, { ...this.opts, now, noHeaders: this.opts.noHeaders || this.headed }, !!this.opts.showKind);
      this.headed = true;
    }
    const all = this.w.flush();
    const piece = all.slice(this.shown);
    this.shown = all.length;
    return piece;
  }
}

/** What kubectl prints to stderr when a get matched nothing. */
export function noResourcesFound(namespace: string, allNamespaces?: boolean): string {
  return allNamespaces ? "No resources found\n" : `No resources found in ${namespace} namespace.\n`;
}

/**
 * The whole human-readable `kubectl get`: the tables on stdout, or the "No resources found"
 * message on stderr when nothing matched.
 */
export function printGet(objects: KubeObject[], opts: GetOptions): PrintResult {
  const stdout = printTable(objects, opts);
  if (stdout.length === 0) return { stdout: "", stderr: noResourcesFound(opts.namespace, opts.allNamespaces) };
  return { stdout, stderr: "" };
}
