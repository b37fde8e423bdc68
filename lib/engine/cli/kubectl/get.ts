// kubectl get.
import type { StoredObject } from "../../api/types";
import { ApiError, notFound } from "../../apiserver/errors";
import { parseFieldSelector, parseLabelSelector, SelectorParseError } from "../../apiserver/selectors";
import { printGet, printObjects, TableStream } from "./format";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { apiErrorMessage } from "./errors";
import { resolveResourceArgs } from "./resources";
import type { Session } from "./session";

export const GET_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "output", short: "o", kind: "string" },
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "field-selector", kind: "string" },
  { name: "show-labels", kind: "bool" },
  { name: "label-columns", short: "L", kind: "stringArray" },
  { name: "no-headers", kind: "bool" },
  { name: "watch", short: "w", kind: "bool" },
  { name: "watch-only", kind: "bool" },
  { name: "show-kind", kind: "bool" },
  { name: "sort-by", kind: "string" },
  { name: "ignore-not-found", kind: "bool" },
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "chunk-size", kind: "int" },
];

/** How long `-w` keeps printing changes, in virtual time. */
export const WATCH_MS = 10_000;

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

function sortBy(objects: StoredObject[], expr: string): StoredObject[] {
  const path = expr.replace(/^\{|\}$/g, "").replace(/^\./, "").split(".").filter(Boolean);
  const value = (o: StoredObject) => path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), o);
  return [...objects].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x ?? "").localeCompare(String(y ?? ""));
  });
}

export function runGet(s: Session) {
  const { args } = s.parsed;
  const out = s.output;
  if (args.length === 0) {
    out.stderr += NO_TYPE;
    out.exitCode = 1;
    return;
  }
  const requests = resolveResourceArgs(args);
  // A watch follows one resource type (the builder's SingleResourceType): "pods,svc" or "all" is refused.
  if ((s.flag("watch") || s.flag("watch-only")) && new Set(requests.map((r) => r.info.kind)).size > 1) {
    out.err("error: you may only specify a single resource type");
    return;
  }
  const allNamespaces = Boolean(s.flag("all-namespaces"));
  let labelSelector;
  let fieldSelector;
  try {
    const l = s.flag<string | undefined>("selector");
    if (l !== undefined) labelSelector = parseLabelSelector(l);
    const f = s.flag<string | undefined>("field-selector");
    if (f !== undefined) fieldSelector = parseFieldSelector(f);
  } catch (error) {
    if (error instanceof SelectorParseError) {
      out.err(`error: ${error.message}`);
      return;
    }
    throw error;
  }

  const found: StoredObject[] = [];
  const errors: string[] = [];
  const named = requests.some((r) => r.names.length > 0);
  for (const r of requests) {
    const ns = r.info.namespaced ? (allNamespaces && r.names.length === 0 ? undefined : s.namespace) : undefined;
    if (r.names.length > 0) {
      for (const name of r.names) {
        const obj = s.api.tryGet(r.info, ns, name);
        if (obj) found.push(obj);
        else if (!s.flag("ignore-not-found")) errors.push(apiErrorMessage(notFound(r.info, name)));
      }
    } else {
      try {
        found.push(...s.api.list(r.info, ns, { labelSelector, fieldSelector }));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        errors.push(apiErrorMessage(error));
      }
    }
  }
  const sorted = s.flag<string | undefined>("sort-by") ? sortBy(found, s.flag<string>("sort-by")) : found;
  const output = s.flag<string | undefined>("output");
  const wide = output === "wide";
  const now = s.now();
  const tableOptions = {
    now,
    wide,
    allNamespaces,
    showLabels: Boolean(s.flag("show-labels")),
    labelColumns: (s.flag<string[] | undefined>("label-columns") ?? []).flatMap((c) => c.split(",")),
    noHeaders: Boolean(s.flag("no-headers")),
    showKind: Boolean(s.flag("show-kind")),
  };

  const watching = Boolean(s.flag("watch") || s.flag("watch-only"));
  if ((!output || wide) && watching) {
    // The watch path prints the list (unless --watch-only) and then the changes, in one table;
    // an empty list prints nothing at all, not "No resources found".
    const table = new TableStream(tableOptions);
    if (!s.flag("watch-only")) out.stdout += table.print(sorted, now);
    for (const e of errors) out.err(e);
    watch(s, requests, table, allNamespaces);
    return;
  }
  if (!output || wide) {
    const printed = printGet(sorted, { ...tableOptions, namespace: s.namespace });
    out.stdout += printed.stdout;
    // "No resources found" only when nothing at all was asked for by name.
    if (!named && errors.length === 0) out.stderr += printed.stderr;
  } else {
    if (sorted.length > 0 || !named) {
      const single = named && requests.length === 1 && requests[0]!.names.length === 1;
      const printed = printObjects(sorted, output, { asList: !single });
      out.stdout += printed.stdout;
      if (printed.stderr) out.err(printed.stderr, printed.exitCode || 1);
      if (!named && sorted.length === 0 && !output.startsWith("json") && output !== "yaml") {
        out.stderr += printGet([], { ...tableOptions, namespace: s.namespace }).stderr;
      }
    }
  }
  for (const e of errors) out.err(e);
}

/**
 * `-w`: lets WATCH_MS of virtual time pass, from one cluster event to the next, and prints a row
 * for every change as it arrives, its AGE measured at that moment.
 */
function watch(s: Session, requests: ReturnType<typeof resolveResourceArgs>, table: TableStream, allNamespaces: boolean) {
  const store = s.ctx.world.sandbox.store;
  let from = store.revision + 1;
  const cluster = s.ctx.world.sandbox.cluster;
  const deadline = s.now() + WATCH_MS;
  while (s.now() < deadline) {
    const next = Math.min(cluster.clock.peek()?.at ?? deadline, cluster.internalWork?.next() ?? deadline, deadline);
    s.ctx.world.advance(Math.max(0, next - s.now()));
    const changed: StoredObject[] = [];
    for (const r of requests) {
      const prefix = r.info.namespaced && !allNamespaces ? `/registry/${r.info.storagePrefix}/${s.namespace}/` : `/registry/${r.info.storagePrefix}/`;
      for (const e of store.changesSince(from, prefix, { prefix: true })) {
        const raw = e.type === "PUT" ? e.kv.value : e.prevKv?.value;
        if (!raw) continue;
        const obj = JSON.parse(raw) as StoredObject;
        if (r.names.length && !r.names.includes(obj.metadata.name)) continue;
        changed.push(obj);
      }
    }
    from = store.revision + 1;
    if (changed.length > 0) s.output.out(table.print(changed, s.now()));
  }
}
