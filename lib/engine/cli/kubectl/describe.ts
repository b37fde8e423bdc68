// kubectl describe (k8s.io/kubectl/pkg/cmd/describe): finds the objects like `kubectl get`, reads
// what each describer reads (ReplicaSets, pods, EndpointSlices, the node's Lease, quotas, the
// object's Events) and prints format's describe(). `describe TYPE PREFIX` falls back to every
// object whose name starts with PREFIX when no object has that exact name.
import type { StoredObject } from "../../api/types";
import { ApiError, notFound } from "../../apiserver/errors";
import { resourceForKind, type ResourceInfo } from "../../apiserver/registry";
import { parseLabelSelector, SelectorParseError, type Selector } from "../../apiserver/selectors";
import { describe, type DescribeOptions, type DescribeRelated, type Event, type KubeObject } from "./format";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { apiErrorMessage } from "./errors";
import { checkManifest, ManifestError, readManifests } from "./manifests";
import { resolveResourceArgs } from "./resources";
import type { Session } from "./session";

export const DESCRIBE_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "selector", short: "l", kind: "string" },
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "show-events", kind: "bool", default: true },
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "kustomize", short: "k", kind: "string" },
  { name: "chunk-size", kind: "int" },
];

const kind = (k: string) => resourceForKind(k)!;

/** Events about an object, as searchEvents selects them (name, namespace, kind and uid). */
export function eventsFor(s: Session, obj: StoredObject, info: ResourceInfo): Event[] {
  const events = s.api.list(kind("Event"), info.namespaced ? obj.metadata.namespace : undefined) as unknown as Event[];
  const uids = new Set([obj.metadata.uid]);
  // The kubelet reports node events with the node's name as the uid.
  if (info.kind === "Node") uids.add(obj.metadata.name);
  // A mirror pod's events are the static pod's: the kubelet records them against the pod it runs,
  // whose uid is the config hash the mirror annotation carries (the PodDescriber looks there).
  const mirror = info.kind === "Pod" ? obj.metadata.annotations?.["kubernetes.io/config.mirror"] : undefined;
  if (mirror !== undefined) {
    uids.clear();
    uids.add(mirror);
  }
  return events.filter((e) => {
    const io = e.involvedObject ?? {};
    return io.kind === info.kind && io.name === obj.metadata.name && (io.namespace ?? "") === (obj.metadata.namespace ?? "") && uids.has(io.uid ?? "");
  });
}

/** What the describer for this kind fetches besides the object. */
function relatedFor(s: Session, obj: StoredObject, info: ResourceInfo): DescribeRelated | undefined {
  const ns = obj.metadata.namespace;
  switch (info.kind) {
    case "Deployment":
      return { replicaSets: s.api.list(kind("ReplicaSet"), ns) as never };
    case "ReplicaSet":
    case "DaemonSet":
    case "Job":
      return { pods: s.api.list(kind("Pod"), ns) as never };
    case "Service":
      return {
        endpointSlices: s.api.list(kind("EndpointSlice"), ns, { labelSelector: [{ key: "kubernetes.io/service-name", op: "=", value: obj.metadata.name }] }) as never,
      };
    case "Node":
      return {
        pods: s.api.list(kind("Pod")).filter((p) => p.spec?.nodeName === obj.metadata.name) as never,
        lease: s.api.tryGet(kind("Lease"), "kube-node-lease", obj.metadata.name) as never,
      };
    case "Namespace":
      return {
        resourceQuotas: s.api.list(kind("ResourceQuota"), obj.metadata.name) as never,
        limitRanges: s.api.list(kind("LimitRange"), obj.metadata.name) as never,
      };
    default:
      return undefined;
  }
}

function describeOne(s: Session, obj: StoredObject, info: ResourceInfo): string {
  const showEvents = s.flag<boolean>("show-events") !== false;
  const opts: DescribeOptions = { now: s.now(), showEvents };
  if (showEvents) opts.events = eventsFor(s, obj, info);
  const related = relatedFor(s, obj, info);
  if (related) opts.related = related;
  return describe(obj as KubeObject, opts);
}

interface Found {
  info: ResourceInfo;
  object: StoredObject;
}

export function runDescribe(s: Session) {
  const out = s.output;
  const { args } = s.parsed;
  const files = s.flag<string[] | undefined>("filename") ?? [];
  if (args.length === 0 && files.length === 0) {
    out.err(`error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`);
    return;
  }
  const allNamespaces = Boolean(s.flag("all-namespaces"));
  let selector: Selector | undefined;
  const selectorText = s.flag<string | undefined>("selector");
  if (selectorText !== undefined) {
    try {
      selector = parseLabelSelector(selectorText);
    } catch (error) {
      if (error instanceof SelectorParseError) return out.err(`error: ${error.message}`);
      throw error;
    }
  }

  const found: Found[] = [];
  const errors: string[] = [];
  let missing: ApiError | undefined;
  if (files.length) {
    try {
      for (const m of readManifests(s.ctx, files, Boolean(s.flag("recursive")))) {
        const problem = checkManifest(m);
        if (problem) {
          errors.push(`error: ${problem}`);
          continue;
        }
        const info = resourceForKind(m.object.kind, m.object.apiVersion);
        if (!info) {
          errors.push(`error: resource mapping not found for name: "${m.object.metadata?.name ?? ""}" namespace: "" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`);
          continue;
        }
        const name = m.object.metadata?.name ?? "";
        const obj = s.api.tryGet(info, info.namespaced ? m.object.metadata?.namespace || s.namespace : undefined, name);
        if (obj) found.push({ info, object: obj });
        else errors.push(apiErrorMessage(notFound(info, name)));
      }
    } catch (error) {
      if (error instanceof ManifestError) return out.err(`error: ${error.message}`);
      throw error;
    }
  }
  for (const r of args.length ? resolveResourceArgs(args) : []) {
    const ns = r.info.namespaced ? s.namespace : undefined;
    if (r.names.length) {
      for (const name of r.names) {
        const obj = s.api.tryGet(r.info, ns, name);
        if (obj) found.push({ info: r.info, object: obj });
        else {
          missing ??= notFound(r.info, name);
          errors.push(apiErrorMessage(notFound(r.info, name)));
        }
      }
    } else {
      const listNs = r.info.namespaced && !allNamespaces ? ns : undefined;
      try {
        for (const object of s.api.list(r.info, listNs, { labelSelector: selector })) found.push({ info: r.info, object });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        errors.push(apiErrorMessage(error));
      }
    }
  }

  // `describe TYPE NAME` with no such NAME: every object of TYPE whose name starts with NAME.
  if (missing && args.length === 2 && !args.some((a) => a.includes("/")) && !args[0]!.includes(",")) {
    const [request] = resolveResourceArgs([args[0]!]);
    if (request) {
      const matches = s.api.list(request.info, request.info.namespaced ? s.namespace : undefined).filter((o) => o.metadata.name.startsWith(args[1]!));
      if (matches.length === 0) return out.err(apiErrorMessage(missing));
      for (const object of matches) out.out(`${describeOne(s, object, request.info)}\n`);
      return;
    }
  }

  let first = true;
  for (const f of found) {
    const text = describeOne(s, f.object, f.info);
    out.out(first ? text : `\n\n${text}`);
    first = false;
  }
  if (found.length === 0 && errors.length === 0) {
    out.warn(allNamespaces ? "No resources found\n" : `No resources found in ${s.namespace} namespace.\n`);
  }
  if (errors.length) out.err(errors.join("\n"));
}
