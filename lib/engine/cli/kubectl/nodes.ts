// Node maintenance: kubectl taint, cordon, uncordon and drain (k8s.io/kubectl/pkg/cmd/taint,
// pkg/cmd/drain and pkg/drain). Drain evicts with a plain pod delete through the API server (the
// simulated server has no pods/eviction subresource and no PodDisruptionBudgets), then waits in
// virtual time until the pods are gone, printing what kubectl prints.
import type { StoredObject, Taint } from "../../api/types";
import { ApiError, notFound } from "../../apiserver/errors";
import { resourceForKind } from "../../apiserver/registry";
import { parseLabelSelector, SelectorParseError, type Selector } from "../../apiserver/selectors";
import { goDuration } from "../../util/go-format";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { apiErrorMessage } from "./errors";
import { resolveType } from "./resources";
import type { Session } from "./session";

const NODE = resourceForKind("Node")!;
const POD = resourceForKind("Pod")!;
const DAEMONSET = resourceForKind("DaemonSet")!;

export const TAINT_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "selector", short: "l", kind: "string" },
  { name: "overwrite", kind: "bool" },
  { name: "all", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
  { name: "dry-run", kind: "string" },
  { name: "validate", kind: "string" },
  { name: "field-manager", kind: "string" },
  { name: "show-managed-fields", kind: "bool" },
];

export const CORDON_FLAGS: FlagSpec[] = [...GLOBAL_FLAGS, { name: "selector", short: "l", kind: "string" }, { name: "dry-run", kind: "string" }];

export const DRAIN_FLAGS: FlagSpec[] = [
  ...CORDON_FLAGS,
  { name: "force", kind: "bool" },
  { name: "ignore-daemonsets", kind: "bool" },
  { name: "delete-emptydir-data", kind: "bool" },
  { name: "delete-local-data", kind: "bool" },
  { name: "grace-period", kind: "int", default: -1 },
  { name: "timeout", kind: "string", default: "0s" },
  { name: "pod-selector", kind: "string" },
  { name: "disable-eviction", kind: "bool" },
  { name: "skip-wait-for-delete-timeout", kind: "int", default: 0 },
  { name: "chunk-size", kind: "int" },
];

/** How long drain waits when --timeout is 0 ("infinite"): long enough for any grace period here. */
const DRAIN_WAIT_CAP_MS = 15 * 60_000;
const POLL_MS = 1000;

// ---- shared helpers ----

function parseSelector(s: Session, flag: string): Selector | undefined | null {
  const text = s.flag<string | undefined>(flag);
  if (text === undefined || text === "") return undefined;
  try {
    return parseLabelSelector(text);
  } catch (error) {
    if (error instanceof SelectorParseError) {
      s.output.err(`error: ${error.message}`);
      return null;
    }
    throw error;
  }
}

/** The nodes a command names (NAME... or -l), as kubectl's builder finds them; undefined on error. */
function findNodes(s: Session, names: string[], usage: string): StoredObject[] | undefined {
  const out = s.output;
  const selectorText = s.flag<string | undefined>("selector");
  if (names.length === 0 && !s.parsed.set.has("selector")) {
    out.err(`error: USAGE: ${usage} [flags]\nSee 'kubectl ${usage.split(" ")[0]} -h' for help and examples`);
    return undefined;
  }
  if (names.length > 0 && selectorText) {
    out.err(`error: cannot specify both a node name and a --selector option\nSee 'kubectl ${usage.split(" ")[0]} -h' for help and examples`);
    return undefined;
  }
  if (names.length === 0) {
    const selector = parseSelector(s, "selector");
    if (selector === null) return undefined;
    return s.api.list(NODE, undefined, { labelSelector: selector });
  }
  const nodes: StoredObject[] = [];
  for (const name of names) {
    const node = s.api.tryGet(NODE, undefined, name);
    if (!node) {
      out.err(apiErrorMessage(notFound(NODE, name)));
      return undefined;
    }
    nodes.push(node);
  }
  return nodes;
}

function dryRun(s: Session): "none" | "client" | "server" | undefined {
  const value = s.flag<string | undefined>("dry-run");
  if (value === undefined || value === "none") return "none";
  if (value === "client" || value === "server") return value;
  s.output.err(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  return undefined;
}

// ---- cordon / uncordon ----

/** Marks nodes (un)schedulable and prints one line per node; used by drain too. */
function cordonOrUncordon(s: Session, nodes: StoredObject[], desired: boolean, mode: "none" | "client" | "server") {
  const suffix = mode === "client" ? " (dry run)" : mode === "server" ? " (server dry run)" : "";
  for (const node of nodes) {
    const name = node.metadata.name;
    if (Boolean(node.spec?.unschedulable) === desired) {
      s.output.out(`node/${name} already ${desired ? "cordoned" : "uncordoned"}${suffix}\n`);
      continue;
    }
    if (mode === "none") {
      try {
        s.api.modify(NODE, undefined, name, (n) => {
          n.spec = { ...(n.spec ?? {}) };
          if (desired) n.spec.unschedulable = true;
          else delete n.spec.unschedulable;
        });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        s.output.err(`error: unable to ${desired ? "cordon" : "uncordon"} node "${name}": ${error.message}`);
        continue;
      }
    }
    s.output.out(`node/${name} ${desired ? "cordoned" : "uncordoned"}${suffix}\n`);
  }
}

function runCordon(s: Session, desired: boolean) {
  const mode = dryRun(s);
  if (!mode) return;
  const nodes = findNodes(s, s.parsed.args, desired ? "cordon NODE" : "uncordon NODE");
  if (!nodes) return;
  cordonOrUncordon(s, nodes, desired, mode);
}

export const runCordonCommand = (s: Session) => runCordon(s, true);
export const runUncordonCommand = (s: Session) => runCordon(s, false);

// ---- taint ----

interface TaintSpec {
  key: string;
  value: string;
  effect: string;
}

class TaintArgError extends Error {}

const QUALIFIED_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** validation.IsQualifiedName's messages, joined as kubectl joins them. */
function qualifiedNameErrors(key: string): string[] {
  const errs: string[] = [];
  const parts = key.split("/");
  let name = key;
  if (parts.length === 2) {
    const [prefix, rest] = parts as [string, string];
    name = rest;
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else if (!DNS_SUBDOMAIN.test(prefix)) {
      errs.push(`prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`);
    }
  } else if (parts.length > 2) {
    return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push("name part must be no more than 63 characters");
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) {
    errs.push("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  }
  return errs;
}

function parseTaint(text: string): TaintSpec {
  const parts = text.split(":");
  let key: string;
  let value = "";
  let effect = "";
  if (parts.length === 1) key = parts[0]!;
  else if (parts.length === 2) {
    effect = parts[1]!;
    if (!["NoSchedule", "PreferNoSchedule", "NoExecute"].includes(effect)) throw new TaintArgError(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0]!.split("=");
    if (kv.length > 2) throw new TaintArgError(`invalid taint spec: ${text}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      if (value.length > 63 || (value !== "" && !QUALIFIED_NAME.test(value))) {
        const errs: string[] = [];
        if (value.length > 63) errs.push("must be no more than 63 characters");
        if (!QUALIFIED_NAME.test(value)) errs.push("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
        throw new TaintArgError(`invalid taint spec: ${text}, ${errs.join("; ")}`);
      }
    }
  } else throw new TaintArgError(`invalid taint spec: ${text}`);
  const errs = qualifiedNameErrors(key);
  if (errs.length) throw new TaintArgError(`invalid taint spec: ${text}, ${errs.join("; ")}`);
  return { key, value, effect };
}

/** Taint.ToString(). */
const taintString = (t: { key: string; value?: string; effect?: string }) => (t.value ? `${t.key}=${t.value}:${t.effect ?? ""}` : `${t.key}:${t.effect ?? ""}`);

export function runTaint(s: Session) {
  const out = s.output;
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const a of s.parsed.args) {
    const isTaint = a.includes("=") || a.includes(":") || a.endsWith("-");
    if (isTaint) taintArgs.push(a);
    else if (taintArgs.length > 0) return out.err(`error: all resources must be specified before taint changes: ${a}`);
    else resources.push(a);
  }
  if (resources.length < 1) return out.err("error: one or more resources must be specified as <resource> <name>");
  if (taintArgs.length < 1) return out.err("error: at least one taint update is required");
  const mode = dryRun(s);
  if (!mode) return;

  const toAdd: TaintSpec[] = [];
  const toRemove: TaintSpec[] = [];
  try {
    for (const spec of taintArgs) {
      if (spec.endsWith("-")) {
        const t = parseTaint(spec.slice(0, -1));
        toRemove.push({ key: t.key, value: "", effect: t.effect });
      } else {
        const t = parseTaint(spec);
        if (!t.effect) throw new TaintArgError(`invalid taint spec: ${spec}`);
        if (toAdd.some((o) => o.key === t.key && o.effect === t.effect)) {
          throw new TaintArgError(`duplicated taints with the same key and effect: {${t.key} ${t.value} ${t.effect} <nil>}`);
        }
        toAdd.push(t);
      }
    }
  } catch (error) {
    if (error instanceof TaintArgError) return out.err(`error: ${error.message}\nSee 'kubectl taint -h' for help and examples`);
    throw error;
  }

  const type = resolveType(resources[0]!);
  if (type.kind !== "Node") return out.err(`error: invalid resource type ${resources[0]!.toLowerCase()}, only node types are supported`);
  const conflicts = toAdd.flatMap((a) => toRemove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `{"${r.key}":"${r.effect}"}`));
  if (conflicts.length) return out.err(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(", ")}`);
  const all = Boolean(s.flag("all"));
  const selectorText = s.flag<string | undefined>("selector") ?? "";
  if (all && selectorText) return out.err("error: setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selectorText && resources.length < 2) return out.err("error: at least one resource name must be specified since 'all' parameter is not set");

  let nodes: StoredObject[];
  if (all || selectorText) {
    const selector = parseSelector(s, "selector");
    if (selector === null) return;
    nodes = s.api.list(NODE, undefined, { labelSelector: selector });
  } else {
    nodes = [];
    for (const name of resources.slice(1)) {
      const node = s.api.tryGet(NODE, undefined, name);
      if (!node) out.err(apiErrorMessage(notFound(NODE, name)));
      else nodes.push(node);
    }
  }
  const overwrite = Boolean(s.flag("overwrite"));
  const suffix = mode === "client" ? " (dry run)" : mode === "server" ? " (server dry run)" : "";
  for (const node of nodes) {
    const name = node.metadata.name;
    const old = ((node.spec?.taints ?? []) as Taint[]).map((t) => ({ ...t }));
    if (!overwrite) {
      const exists = toAdd.flatMap((t) => old.filter((o) => o.key === t.key && o.effect === t.effect).map(() => t.key));
      if (exists.length) {
        out.err(`error: node ${name} already has ${exists.join(",")} taint(s) with same effect(s) and --overwrite is false`);
        return;
      }
    }
    // reorganizeTaints: the new taints first, then the old ones they do not replace.
    let next: Taint[] = toAdd.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect as Taint["effect"] }));
    for (const o of old) if (!next.some((n) => n.key === o.key && n.effect === o.effect)) next.push(o);
    const added = old.length !== next.length;
    let deleted = false;
    const errors: string[] = [];
    for (const r of toRemove) {
      const before = next.length;
      next = next.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
      deleted = next.length !== before;
      if (!deleted) errors.push(`taint "${taintString(r)}" not found`);
    }
    if (errors.length) {
      out.err(`error: ${errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`}`);
      return;
    }
    const operation = (added && deleted) || overwrite ? "modified" : added ? "tainted" : "untainted";
    if (mode === "none") {
      s.api.modify(NODE, undefined, name, (n) => {
        n.spec = { ...(n.spec ?? {}) };
        if (next.length) n.spec.taints = next;
        else delete n.spec.taints;
      });
    }
    out.out(`node/${name} ${operation}${suffix}\n`);
  }
}

// ---- drain ----

type Status = { delete: true; warning?: string } | { delete: false; warning?: string; error?: string };

interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDir: boolean;
  gracePeriod: number;
  podSelector?: Selector;
  skipWaitSeconds: number;
  /** --disable-eviction: plain deletes, reported as "deleted". */
  disableEviction: boolean;
}

const DS_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const DS_WARNING = "ignoring DaemonSet-managed Pods";
const LOCAL_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
const LOCAL_WARNING = "deleting Pods with local storage";
// kubectl v1.31 really says "cannot delete cannot delete Pods that declare no controller".
const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
const UNMANAGED_WARNING = "deleting Pods that declare no controller";

const finished = (pod: StoredObject) => pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
const controllerOf = (pod: StoredObject) => (pod.metadata.ownerReferences ?? []).find((r) => r.controller);

/** pkg/drain's filters, in order; the first one that refuses deletion decides. */
function filterPod(s: Session, pod: StoredObject, o: DrainOptions): Status {
  let status: Status = { delete: true };
  const steps: Array<() => Status> = [
    () => {
      const deleted = pod.metadata.deletionTimestamp ? Date.parse(pod.metadata.deletionTimestamp) : undefined;
      if (o.skipWaitSeconds > 0 && deleted !== undefined && s.now() - deleted > o.skipWaitSeconds * 1000) return { delete: false };
      return { delete: true };
    },
    () => {
      const ref = controllerOf(pod);
      if (!ref || ref.kind !== "DaemonSet" || finished(pod)) return { delete: true };
      if (!s.api.tryGet(DAEMONSET, pod.metadata.namespace, ref.name)) {
        const message = notFound(DAEMONSET, ref.name).message;
        return o.force ? { delete: true, warning: message } : { delete: false, error: message };
      }
      return o.ignoreDaemonSets ? { delete: false, warning: DS_WARNING } : { delete: false, error: DS_FATAL };
    },
    () => (pod.metadata.annotations?.["kubernetes.io/config.mirror"] !== undefined ? { delete: false } : { delete: true }),
    () => {
      const local = ((pod.spec?.volumes ?? []) as { emptyDir?: unknown }[]).some((v) => v.emptyDir !== undefined);
      if (!local || finished(pod)) return { delete: true };
      return o.deleteEmptyDir ? { delete: true, warning: LOCAL_WARNING } : { delete: false, error: LOCAL_FATAL };
    },
    () => {
      if (finished(pod) || controllerOf(pod)) return { delete: true };
      return o.force ? { delete: true, warning: UNMANAGED_WARNING } : { delete: false, error: UNMANAGED_FATAL };
    },
  ];
  for (const step of steps) {
    status = step();
    if (!status.delete) break;
  }
  return status;
}

interface PodList {
  pods: StoredObject[];
  warnings: string;
  errors: string[];
}

/** GetPodsForDeletion: the pods to evict, the warnings, and the refusals grouped by reason. */
function podsForDeletion(s: Session, nodeName: string, o: DrainOptions): PodList {
  const pods = s.api.list(POD, undefined, { labelSelector: o.podSelector }).filter((p) => p.spec?.nodeName === nodeName);
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  const toDelete: StoredObject[] = [];
  for (const pod of pods) {
    const status = filterPod(s, pod, o);
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (status.delete) toDelete.push(pod);
    if ("error" in status && status.error) errors.set(status.error, [...(errors.get(status.error) ?? []), id]);
    else if (status.warning) warnings.set(status.warning, [...(warnings.get(status.warning) ?? []), id]);
  }
  // kubectl ranges over Go maps here, so its order varies; first appearance keeps ours stable.
  return {
    pods: toDelete,
    warnings: [...warnings].map(([m, ids]) => `${m}: ${ids.join(", ")}`).join("; "),
    errors: [...errors].map(([m, ids]) => `cannot delete ${m}: ${ids.join(", ")}`),
  };
}

/** Go's time.ParseDuration for the forms people type ("30s", "5m", "1h30m", "0"). */
function parseDuration(text: string): number | undefined {
  if (text === "0") return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(text))) {
    total += Number(m[1]) * unit[m[2]!]!;
    end = re.lastIndex;
  }
  return end === text.length && end > 0 ? total : undefined;
}

/** Evicts (deletes) the pods, then waits until each is gone and prints it; returns an error text. */
function evictPods(s: Session, pods: StoredObject[], o: DrainOptions, timeoutMs: number, mode: "none" | "client" | "server"): string | undefined {
  if (pods.length === 0) return undefined;
  if (mode === "server") {
    for (const pod of pods) s.output.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (server dry run)\n`);
    return undefined;
  }
  const pending: StoredObject[] = [];
  const errors: string[] = [];
  for (const pod of pods) {
    if (!o.disableEviction) s.output.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
    try {
      s.api.delete(POD, pod.metadata.namespace, pod.metadata.name, o.gracePeriod >= 0 ? { gracePeriodSeconds: o.gracePeriod } : {});
      pending.push(pod);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.reason !== "NotFound") errors.push(`error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}": ${error.message}`);
    }
  }
  const start = s.now();
  const limit = timeoutMs > 0 ? timeoutMs : DRAIN_WAIT_CAP_MS;
  let waiting = pending;
  for (;;) {
    waiting = waiting.filter((pod) => {
      const current = s.api.tryGet(POD, pod.metadata.namespace, pod.metadata.name);
      if (current && current.metadata.uid === pod.metadata.uid) return true;
      s.output.out(`pod/${pod.metadata.name} ${o.disableEviction ? "deleted" : "evicted"}\n`);
      return false;
    });
    if (waiting.length === 0 || s.now() - start >= limit) break;
    s.ctx.world.advance(POLL_MS);
  }
  for (const pod of waiting) {
    errors.push(`error when waiting for pod "${pod.metadata.name}" in namespace "${pod.metadata.namespace}" to terminate: global timeout reached: ${goDuration(limit * 1e6)}`);
  }
  if (errors.length === 0) return undefined;
  return errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
}

export function runDrain(s: Session) {
  const out = s.output;
  const mode = dryRun(s);
  if (!mode) return;
  if (s.parsed.set.has("delete-local-data")) {
    out.warn("Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n");
  }
  let podSelector: Selector | undefined;
  const podSelectorText = s.flag<string | undefined>("pod-selector");
  if (podSelectorText) {
    try {
      podSelector = parseLabelSelector(podSelectorText);
    } catch (error) {
      if (error instanceof SelectorParseError) return out.err("error: --pod-selector=<pod_selector> must be a valid label selector");
      throw error;
    }
  }
  const timeoutText = s.flag<string>("timeout");
  const timeoutMs = parseDuration(timeoutText);
  if (timeoutMs === undefined) {
    return out.err(`error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\nSee 'kubectl drain --help' for usage.`);
  }
  const nodes = findNodes(s, s.parsed.args, "drain NODE");
  if (!nodes) return;
  const o: DrainOptions = {
    force: Boolean(s.flag("force")),
    ignoreDaemonSets: Boolean(s.flag("ignore-daemonsets")),
    deleteEmptyDir: Boolean(s.flag("delete-emptydir-data")) || Boolean(s.flag("delete-local-data")),
    gracePeriod: s.flag<number>("grace-period"),
    podSelector,
    skipWaitSeconds: s.flag<number>("skip-wait-for-delete-timeout"),
    disableEviction: Boolean(s.flag("disable-eviction")),
  };

  cordonOrUncordon(s, nodes, true, mode);
  const suffix = mode === "client" ? " (dry run)" : mode === "server" ? " (server dry run)" : "";
  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name;
    const list = podsForDeletion(s, name, o);
    let failure: string[] | undefined = list.errors.length ? list.errors : undefined;
    if (!failure) {
      if (list.warnings) out.warn(`Warning: ${list.warnings}\n`);
      if (mode === "client") {
        for (const pod of list.pods) out.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`);
      } else {
        const error = evictPods(s, list.pods, o, timeoutMs, mode);
        if (error) {
          const left = podsForDeletion(s, name, o).pods;
          if (left.length) out.warn(`There are pending pods in node "${name}" when an error occurred: ${error}\n${left.map((p) => `pod/${p.metadata.name}\n`).join("")}`);
          failure = [error];
        }
      }
    }
    if (!failure) {
      out.out(`node/${name} drained${suffix}\n`);
      continue;
    }
    const text = failure.length === 1 ? failure[0]! : `[${failure.join(", ")}]`;
    out.warn(`error: unable to drain node "${name}" due to error: ${text}, continuing command...\n`);
    fatal.push(failure);
    remaining.push(name);
  }
  if (remaining.length) out.warn(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join("")}`);
  if (fatal.length) {
    // CheckErr on the aggregate: one line per error, without an "error: " prefix.
    const lines = fatal.length === 1 ? fatal[0]! : fatal.map((f) => (f.length === 1 ? f[0]! : `[${f.join(", ")}]`));
    out.err(lines.join("\n"));
  }
}
