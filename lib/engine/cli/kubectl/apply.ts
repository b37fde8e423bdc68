// kubectl apply (client-side, with the last-applied-configuration annotation), create -f and
// replace -f.
import { clone, type KubeObject } from "../../api/types";
import { ApiError } from "../../apiserver/errors";
import { resourceForKind, type ResourceInfo } from "../../apiserver/registry";
import { warningsFor, type Obj } from "../../apiserver/validation";
import { canonicalJson } from "../../controllers/util";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { apiErrorMessage } from "./errors";
import { checkManifest, ManifestError, readManifests, type Manifest } from "./manifests";
import type { Session } from "./session";
import { CommandError, dryRunStrategy, printChanged, type DryRun } from "./targets";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

export const APPLY_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
  { name: "dry-run", kind: "string" },
  { name: "validate", kind: "string" },
  { name: "save-config", kind: "bool" },
  { name: "force", kind: "bool" },
  { name: "server-side", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
];

/** Merge keys of strategic-merge lists, by the last path segment (the list's field name). */
const MERGE_KEYS: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  env: "name",
  volumes: "name",
  volumeMounts: "mountPath",
  imagePullSecrets: "name",
};

function mergeKeyFor(path: string[]): string | undefined {
  const field = path[path.length - 1]!;
  if (field === "ports") return path.includes("containers") || path.includes("initContainers") ? "containerPort" : "port";
  return MERGE_KEYS[field];
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * A three-way merge as client-side apply computes it: fields in the new config win; fields the
 * previous config set but the new one drops are removed; fields nobody configured (defaults,
 * status, what controllers write) are kept.
 */
export function threeWayMerge(live: unknown, original: unknown, modified: unknown, path: string[] = []): unknown {
  if (modified === null) return undefined;
  if (isMap(modified)) {
    const result: Record<string, unknown> = isMap(live) ? clone(live) : {};
    for (const [k, v] of Object.entries(modified)) {
      const merged = threeWayMerge(isMap(live) ? live[k] : undefined, isMap(original) ? original[k] : undefined, v, [...path, k]);
      if (merged === undefined) delete result[k];
      else result[k] = merged;
    }
    if (isMap(original)) for (const k of Object.keys(original)) if (!(k in modified)) delete result[k];
    return result;
  }
  if (Array.isArray(modified)) {
    const key = mergeKeyFor(path);
    if (!key || !modified.every(isMap) || !Array.isArray(live)) return clone(modified);
    const idOf = (item: unknown) => (isMap(item) ? JSON.stringify(item[key]) : undefined);
    const liveById = new Map(live.filter(isMap).map((i) => [idOf(i), i]));
    const originalIds = new Set(Array.isArray(original) ? original.map(idOf) : []);
    const modifiedIds = new Set(modified.map(idOf));
    const originalById = new Map((Array.isArray(original) ? original : []).filter(isMap).map((i) => [idOf(i), i]));
    const out: unknown[] = modified.map((item) => threeWayMerge(liveById.get(idOf(item)), originalById.get(idOf(item)), item, path));
    // Items someone else added stay; items the previous config had and this one drops go.
    for (const item of live) if (!modifiedIds.has(idOf(item)) && !originalIds.has(idOf(item))) out.push(clone(item));
    return out;
  }
  return modified;
}

/** The annotation's value: the applied config as compact JSON, as kubectl records it. */
export function lastAppliedValue(config: KubeObject, info: ResourceInfo, namespace: string | undefined): string {
  const copy = clone(config);
  copy.metadata = { ...(copy.metadata ?? {}) };
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  if (info.namespaced && namespace) copy.metadata.namespace = namespace;
  return `${canonicalJson(copy)}\n`;
}

function namespaceFor(s: Session, m: Manifest, info: ResourceInfo): string | undefined {
  if (!info.namespaced) return undefined;
  const fromObject = m.object.metadata?.namespace;
  const explicit = s.parsed.set.has("namespace") ? s.namespace : undefined;
  if (fromObject && explicit && fromObject !== explicit) {
    throw new ManifestError(`the namespace from the provided object "${fromObject}" does not match the namespace "${explicit}". You must pass '--namespace=${fromObject}' to perform this operation.`);
  }
  return fromObject || s.namespace;
}

function printWarnings(s: Session, obj: KubeObject) {
  for (const w of warningsFor(obj as Obj)) s.output.stderr += `Warning: ${w}\n`;
}

type Verb = "apply" | "create" | "replace";

export function runManifestCommand(s: Session, verb: Verb) {
  const files = s.flag<string[] | undefined>("filename") ?? [];
  const out = s.output;
  if (files.length === 0) {
    out.err(`error: must specify one of -f and -k\n\nSee 'kubectl ${verb} -h' for help and examples`);
    return;
  }
  let manifests: Manifest[];
  try {
    manifests = readManifests(s.ctx, files, Boolean(s.flag("recursive")));
  } catch (error) {
    if (error instanceof ManifestError) {
      out.err(`error: ${error.message}`);
      return;
    }
    throw error;
  }
  if (manifests.length === 0) {
    out.err("error: no objects passed to " + verb);
    return;
  }
  let dryRun: DryRun;
  try {
    dryRun = dryRunStrategy(s);
  } catch (error) {
    if (error instanceof CommandError) {
      out.err(error.message);
      return;
    }
    throw error;
  }
  for (const m of manifests) {
    const problem = checkManifest(m);
    if (problem) {
      out.err(`error: ${problem}`);
      continue;
    }
    const info = resourceForKind(m.object.kind, m.object.apiVersion);
    if (!info) {
      out.err(
        `error: resource mapping not found for name: "${m.object.metadata?.name ?? ""}" namespace: "${m.object.metadata?.namespace ?? ""}" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`,
      );
      continue;
    }
    try {
      const namespace = namespaceFor(s, m, info);
      const result = verb === "apply" ? applyOne(s, m, info, namespace, dryRun) : verb === "create" ? createOne(s, m, info, namespace, dryRun) : replaceOne(s, m, info, namespace, dryRun);
      // The name printer says "created (server dry run)"; -o yaml and friends print the object.
      printChanged(s, result.object, result.operation, dryRun);
    } catch (error) {
      if (error instanceof ApiError) out.err(apiErrorMessage(error, { verb: verb === "apply" ? (error.reason === "AlreadyExists" || CREATING.has(error) ? "creating" : "applying patch") : verb === "create" ? "creating" : "replacing", file: m.source }));
      else if (error instanceof ManifestError) out.err(`error: ${error.message}`);
      else throw error;
    }
  }
}

function withNamespace(obj: KubeObject, info: ResourceInfo, namespace: string | undefined): KubeObject {
  const copy = clone(obj);
  copy.metadata = { ...(copy.metadata ?? {}) };
  if (info.namespaced) copy.metadata.namespace = namespace;
  return copy;
}

function createOne(s: Session, m: Manifest, info: ResourceInfo, namespace: string | undefined, dryRun: DryRun) {
  const obj = withNamespace(m.object, info, namespace);
  if (s.flag("save-config")) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedValue(m.object, info, namespace) };
  printWarnings(s, obj);
  if (dryRun === "client") return { object: obj, operation: "created" };
  const created = s.api.create(obj, namespace, { dryRun: dryRun === "server" });
  return { object: created, operation: "created" };
}

function replaceOne(s: Session, m: Manifest, info: ResourceInfo, namespace: string | undefined, dryRun: DryRun) {
  const obj = withNamespace(m.object, info, namespace);
  if (dryRun === "client") return { object: obj, operation: "replaced" };
  const updated = s.api.update(obj, { dryRun: dryRun === "server" });
  return { object: updated, operation: "replaced" };
}

/** Errors of apply's create path: kubectl reports them "when creating", not "when applying patch". */
const CREATING = new WeakSet<ApiError>();

function applyOne(s: Session, m: Manifest, info: ResourceInfo, namespace: string | undefined, dryRun: DryRun) {
  const config = withNamespace(m.object, info, namespace);
  const name = config.metadata.name;
  if (!name) {
    throw new ManifestError(`error when retrieving current configuration of:\nResource: "${info.group ? `${info.group}/${info.version}` : info.version}, Resource=${info.resource}", GroupVersionKind: "${info.group ? `${info.group}/` : ""}${info.version}, Kind=${info.kind}"\nName: "", Namespace: "${namespace ?? ""}"\nfrom server for: "${m.source}": resource name may not be empty`);
  }
  const annotation = lastAppliedValue(m.object, info, namespace);
  const live = s.api.tryGet(info, namespace, name);
  printWarnings(s, config);
  if (!live) {
    const obj = clone(config);
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: annotation };
    if (dryRun === "client") return { object: obj, operation: "created" };
    try {
      return { object: s.api.create(obj, namespace, { dryRun: dryRun === "server" }), operation: "created" };
    } catch (error) {
      if (error instanceof ApiError) CREATING.add(error);
      throw error;
    }
  }
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  if (previous === undefined) {
    s.output.stderr += `Warning: resource ${info.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
  }
  let original: unknown;
  try {
    original = previous ? JSON.parse(previous) : undefined;
  } catch {
    original = undefined;
  }
  const merged = threeWayMerge(clone(live), original, config) as KubeObject;
  merged.metadata.annotations = { ...(merged.metadata.annotations ?? {}), [LAST_APPLIED]: annotation };
  merged.metadata.resourceVersion = live.metadata.resourceVersion;
  if (canonicalJson(withoutVolatile(merged)) === canonicalJson(withoutVolatile(live))) return { object: live, operation: "unchanged" };
  if (dryRun === "client") return { object: merged, operation: "configured" };
  const updated = s.api.update(merged, { dryRun: dryRun === "server" });
  // A dry run keeps the resourceVersion: whether anything would change is in the answer itself.
  const same = dryRun === "server" ? canonicalJson(updated) === canonicalJson(live) : updated.metadata.resourceVersion === live.metadata.resourceVersion;
  return { object: updated, operation: same ? "unchanged" : "configured" };
}

function withoutVolatile(obj: KubeObject): KubeObject {
  const copy = clone(obj);
  delete copy.metadata.resourceVersion;
  return copy;
}
