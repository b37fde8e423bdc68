// kubectl label and kubectl annotate: KEY=VALUE to set, KEY- to remove, --overwrite rules,
// --list, and the "labeled" / "not labeled" / "unlabeled" / "label(s) changed" messages.
import { clone } from "../../api/types";
import { ApiError } from "../../apiserver/errors";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import type { Session } from "./session";
import { parsePairs, resourcesAndPairs } from "./set";
import { apiFailure, CommandError, dryRunStrategy, printChanged, resolveTargets, runGuarded } from "./targets";

export const LABEL_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "overwrite", kind: "bool" },
  { name: "all", kind: "bool" },
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "field-selector", kind: "string" },
  { name: "list", kind: "bool" },
  { name: "local", kind: "bool" },
  { name: "resource-version", kind: "string" },
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "dry-run", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "record", kind: "bool" },
  { name: "field-manager", kind: "string" },
  { name: "allow-missing-template-keys", kind: "bool" },
  { name: "show-managed-fields", kind: "bool" },
  { name: "template", kind: "string" },
];

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** label.go's parseLabels. */
function parseLabels(specs: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes("=")) {
      const parts = spec.split("=");
      if (parts.length !== 2) throw new CommandError(`error: invalid label spec: ${spec}`);
      const value = parts[1]!;
      const problems: string[] = [];
      if (value.length > 63) problems.push("must be no more than 63 characters");
      if (!LABEL_VALUE.test(value)) {
        problems.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
      }
      if (problems.length) throw new CommandError(`error: invalid label value: "${spec}": ${problems.join(";")}`);
      set.set(parts[0]!, value);
    } else if (spec.endsWith("-")) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new CommandError(`error: unknown label spec: ${spec}`);
    }
  }
  if (remove.some((k) => set.has(k))) throw new CommandError("error: can not both modify and remove a label in the same command");
  return { set, remove };
}

/** updateDataChangeMsg. */
function changeMessage(before: Record<string, string>, after: Record<string, string>): string {
  let labeled = false;
  let unlabeled = false;
  for (const [k, v] of Object.entries(before)) {
    if (!(k in after)) unlabeled = true;
    else if (after[k] !== v) labeled = true;
  }
  for (const k of Object.keys(after)) if (!(k in before)) labeled = true;
  if (labeled && unlabeled) return "label(s) changed";
  if (labeled) return "labeled";
  if (unlabeled) return "unlabeled";
  return "not labeled";
}

type Field = "labels" | "annotations";

function run(s: Session, field: Field) {
  const noun = field === "labels" ? "label" : "annotation";
  const { resources, pairs } = resourcesAndPairs(s.parsed.args, noun);
  const { set, remove } = field === "labels" ? parseLabels(pairs) : parsePairs(pairs, "annotation", true);
  const all = Boolean(s.flag("all"));
  const selector = s.flag<string | undefined>("selector");
  const list = Boolean(s.flag("list"));
  const files = s.flag<string[] | undefined>("filename") ?? [];
  if (all && selector !== undefined) throw new CommandError("error: cannot set --all and --selector at the same time");
  if (all && s.flag("field-selector") !== undefined) throw new CommandError("error: cannot set --all and --field-selector at the same time");
  if (resources.length < 1 && files.length === 0) throw new CommandError("error: one or more resources must be specified as <resource> <name> or <resource>/<name>");
  if (set.size < 1 && remove.length < 1 && !list) throw new CommandError(`error: at least one ${noun} update is required`);
  if (field === "annotations") {
    const both = remove.filter((k) => set.has(k));
    if (both.length) throw new CommandError(`error: can not both modify and remove the following annotation(s) in the same command: ${both.join(", ")}`);
  }
  const dryRun = dryRunStrategy(s);
  const targets = resolveTargets(s, resources, { all, selector, files, allNamespaces: Boolean(s.flag("all-namespaces")) });
  const single = targets.length === 1 && resources.length > 0 && (resources.length === 2 || resources[0]!.includes("/"));
  const resourceVersion = s.flag<string | undefined>("resource-version") ?? "";
  if (!single && resourceVersion) throw new CommandError(`error: --resource-version may only be used with a single resource`);
  for (const t of targets) {
    const obj = clone(t.object);
    const before = { ...(obj.metadata[field] ?? {}) };
    if (list) {
      if (!single) s.output.out(`Listing ${field} for ${t.info.kind}.${t.info.group}/${t.name}:\n`);
      for (const [k, v] of Object.entries(before)) s.output.out(`${single ? "" : " "}${k}=${v}\n`);
      continue;
    }
    if (field === "labels" && dryRun !== "client") {
      for (const k of remove) if (!(k in before)) s.output.out(`label "${k}" not found.\n`);
    }
    if (!s.flag("overwrite")) {
      if (field === "labels") {
        const clashes = [...set].filter(([k, v]) => k in before && before[k] !== v).map(([k]) => `'${k}' already has a value (${before[k]}), and --overwrite is false`);
        if (clashes.length === 1) throw new CommandError(`error: ${clashes[0]}`);
        if (clashes.length > 1) throw new CommandError(`error: [${clashes.join(", ")}]`);
      } else {
        const clashes = [...set.keys()].filter((k) => k !== "kubernetes.io/change-cause" && k in before).map((k) => `'${k}' already has a value (${before[k]})`);
        if (clashes.length) throw new CommandError(`error: --overwrite is false but found the following declared annotation(s): ${clashes.join("; ")}`);
      }
    }
    const after = { ...before };
    for (const [k, v] of set) after[k] = v;
    for (const k of remove) delete after[k];
    if (Object.keys(after).length) obj.metadata[field] = after;
    else delete obj.metadata[field];
    if (resourceVersion) obj.metadata.resourceVersion = resourceVersion;
    const operation = field === "labels" ? changeMessage(before, after) : "annotated";
    if (dryRun === "client") {
      printChanged(s, obj, operation, dryRun);
      continue;
    }
    try {
      // A server-side dry run is validated and admitted like the real request, then dropped.
      const updated = s.api.update(obj, { dryRun: dryRun === "server" });
      printChanged(s, field === "labels" ? obj : updated, operation, dryRun);
    } catch (error) {
      if (error instanceof ApiError) apiFailure(error);
      throw error;
    }
  }
}

export function runLabel(s: Session) {
  runGuarded(s, () => run(s, "labels"));
}

export function runAnnotate(s: Session) {
  runGuarded(s, () => run(s, "annotations"));
}
