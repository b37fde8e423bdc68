// kubectl patch: strategic merge (the default), JSON merge (RFC 7386) and JSON patch (RFC 6902)
// applied the way the API server applies them, then written back as an update.
import { parse as parseYaml } from "yaml";
import { clone, type KubeObject } from "../../api/types";
import { ApiError, badRequest } from "../../apiserver/errors";
import { canonicalJson } from "../../controllers/util";
import { absolutePath, actorFor, readFile } from "../../hosts/fs";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import type { Session } from "./session";
import { apiFailure, CommandError, dryRunStrategy, isMap, printChanged, resolveTargets, runGuarded } from "./targets";

export const PATCH_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "patch", short: "p", kind: "string" },
  { name: "patch-file", kind: "string" },
  { name: "type", kind: "string", default: "strategic" },
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "local", kind: "bool" },
  { name: "dry-run", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "subresource", kind: "string" },
  { name: "record", kind: "bool" },
  { name: "field-manager", kind: "string" },
  { name: "allow-missing-template-keys", kind: "bool" },
  { name: "show-managed-fields", kind: "bool" },
  { name: "template", kind: "string" },
];

// ---- strategic merge patch ----

/** The merge key of a list, by its field name (and parent), from the API types' patch tags. */
function mergeKey(path: string[]): string | undefined {
  const field = path[path.length - 1];
  switch (field) {
    case "containers":
    case "initContainers":
    case "ephemeralContainers":
    case "env":
    case "volumes":
    case "imagePullSecrets":
      return "name";
    case "volumeMounts":
      return "mountPath";
    case "ports":
      return path.includes("containers") || path.includes("initContainers") || path.includes("ephemeralContainers") ? "containerPort" : "port";
    case "conditions":
      return "type";
    case "ownerReferences":
      return "uid";
    case "hostAliases":
      return "ip";
    case "topologySpreadConstraints":
      return "topologyKey";
    default:
      return undefined;
  }
}

/** Lists of scalars that merge rather than replace. */
const MERGED_SCALAR_LISTS = new Set(["finalizers"]);

/** Applies a strategic merge patch to a JSON value. */
export function strategicMerge(original: unknown, patch: unknown, path: string[] = []): unknown {
  if (!isMap(patch)) return clone(patch);
  if (patch.$patch === "replace") {
    const out = clone(patch);
    delete out.$patch;
    return out;
  }
  if (patch.$patch === "delete") return undefined;
  const result: Record<string, unknown> = isMap(original) ? clone(original) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith("$setElementOrder/") || key === "$retainKeys" || key === "$patch") continue;
    if (key.startsWith("$deleteFromPrimitiveList/")) {
      const field = key.slice("$deleteFromPrimitiveList/".length);
      if (Array.isArray(result[field]) && Array.isArray(value)) result[field] = (result[field] as unknown[]).filter((x) => !value.includes(x));
      continue;
    }
    const childPath = [...path, key];
    if (value === null) {
      delete result[key];
    } else if (isMap(value)) {
      const merged = strategicMerge(result[key], value, childPath);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else if (Array.isArray(value)) {
      result[key] = mergeList(result[key], value, childPath);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function mergeList(original: unknown, patch: unknown[], path: string[]): unknown[] {
  const field = path[path.length - 1]!;
  const key = mergeKey(path);
  const current = Array.isArray(original) ? clone(original) : [];
  if (!key) {
    if (MERGED_SCALAR_LISTS.has(field)) return [...current, ...patch.filter((x) => !current.includes(x))];
    return patch.filter((x) => !(isMap(x) && x.$patch));
  }
  if (patch.length === 1 && isMap(patch[0]) && patch[0].$patch === "replace") return [];
  const out: unknown[] = current;
  for (const item of patch) {
    if (!isMap(item)) continue;
    const id = JSON.stringify(item[key]);
    const index = out.findIndex((o) => isMap(o) && JSON.stringify(o[key]) === id);
    if (item.$patch === "delete") {
      if (index >= 0) out.splice(index, 1);
      continue;
    }
    if (index >= 0) out[index] = strategicMerge(out[index], item, path);
    else out.push(strategicMerge(undefined, item, path));
  }
  return out;
}

// ---- JSON merge patch ----

export function jsonMergePatch(original: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return clone(patch);
  const result: Record<string, unknown> = isMap(original) ? clone(original) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = jsonMergePatch(result[key], value);
  }
  return result;
}

// ---- JSON patch ----

export class JsonPatchError extends Error {}

function pointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new JsonPatchError(`invalid path: ${path}`);
  return path
    .slice(1)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function parentOf(doc: unknown, parts: string[], path: string): { parent: unknown; last: string } {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isMap(cur)) cur = cur[p];
    else cur = undefined;
    if (cur === undefined) throw new JsonPatchError(`doc is missing path: "${path}": missing value`);
  }
  return { parent: cur, last: parts[parts.length - 1] ?? "" };
}

function getAt(doc: unknown, path: string): unknown {
  let cur = doc;
  for (const p of pointer(path)) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isMap(cur)) cur = cur[p];
    else cur = undefined;
    if (cur === undefined) throw new JsonPatchError(`doc is missing path: "${path}": missing value`);
  }
  return cur;
}

function removeAt(doc: unknown, path: string): unknown {
  const { parent, last } = parentOf(doc, pointer(path), path);
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!Number.isInteger(i) || i < 0 || i >= parent.length) throw new JsonPatchError(`Unable to remove nonexistent key: ${last}: missing value`);
    return parent.splice(i, 1)[0];
  }
  if (!isMap(parent) || !(last in parent)) throw new JsonPatchError(`Unable to remove nonexistent key: ${last}: missing value`);
  const v = parent[last];
  delete parent[last];
  return v;
}

function addAt(doc: unknown, path: string, value: unknown, replace: boolean): unknown {
  const parts = pointer(path);
  if (parts.length === 0) return clone(value);
  const { parent, last } = parentOf(doc, parts, path);
  if (Array.isArray(parent)) {
    const i = last === "-" ? parent.length : Number(last);
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (replace && i >= parent.length)) throw new JsonPatchError(`Unable to access invalid index: ${last}: invalid index referenced`);
    if (replace) parent[i] = clone(value);
    else parent.splice(i, 0, clone(value));
  } else if (isMap(parent)) {
    if (replace && !(last in parent)) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
    parent[last] = clone(value);
  } else throw new JsonPatchError(`doc is missing path: "${path}": missing value`);
  return doc;
}

export function applyJsonPatch(original: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  let doc = clone(original);
  for (const op of ops) {
    if (!isMap(op)) continue;
    const path = String(op.path ?? "");
    switch (op.op) {
      case "add":
        doc = addAt(doc, path, op.value, false);
        break;
      case "replace":
        doc = addAt(doc, path, op.value, true);
        break;
      case "remove":
        removeAt(doc, path);
        break;
      case "move": {
        const v = removeAt(doc, String(op.from ?? ""));
        doc = addAt(doc, path, v, false);
        break;
      }
      case "copy":
        doc = addAt(doc, path, getAt(doc, String(op.from ?? "")), false);
        break;
      case "test":
        if (canonicalJson(getAt(doc, path)) !== canonicalJson(op.value)) throw new JsonPatchError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${String(op.op)}`);
    }
  }
  return doc;
}

// ---- the command ----

/** yaml.ToJSON on the patch text; go-yaml's wording for the usual mistakes. */
function parsePatch(text: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: false });
  } catch (error) {
    const message = (error as Error).message;
    const open = (text.match(/[{[]/g) ?? []).length;
    const close = (text.match(/[}\]]/g) ?? []).length;
    const reason = open > close ? `did not find expected ',' or '${text.trim().startsWith("[") ? "]" : "}"}'` : /mapping|key/i.test(message) ? "mapping values are not allowed in this context" : "did not find expected node content";
    throw new CommandError(`error: unable to parse "${text}": yaml: line 1: ${reason}`);
  }
}

/** Applies a patch of the given type to an object, as the API server does. */
export function applyPatch(obj: KubeObject, patch: unknown, type: string): KubeObject {
  if (type === "json") {
    try {
      return applyJsonPatch(obj, patch) as KubeObject;
    } catch (error) {
      if (error instanceof JsonPatchError) throw new ApiError(422, "Invalid", "the server rejected our request due to an error in our request");
      throw error;
    }
  }
  if (!isMap(patch)) throw badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? "array" : typeof patch === "string" ? "string" : "number"} into Go value of type map[string]interface {}`);
  return (type === "merge" ? jsonMergePatch(obj, patch) : strategicMerge(obj, patch)) as KubeObject;
}

export function runPatch(s: Session) {
  runGuarded(s, () => {
    const text = s.flag<string | undefined>("patch") ?? "";
    const file = s.flag<string | undefined>("patch-file") ?? "";
    if (text && file) throw new CommandError("error: cannot specify --patch and --patch-file together");
    if (!text && !file) throw new CommandError("error: must specify --patch or --patch-file containing the contents of the patch");
    const type = s.flag<string>("type");
    if (!["json", "merge", "strategic"].includes(type)) throw new CommandError(`error: --type must be one of [json merge strategic], not "${type}"`);
    let patchText = text;
    if (file) {
      const r = readFile(s.ctx.host.fs, absolutePath(s.ctx.cwd, file, s.ctx.host.users[s.ctx.user]?.home), actorFor(s.ctx.host, s.ctx.user));
      if (!r.ok) throw new CommandError(`error: unable to read patch file: open ${file}: no such file or directory`);
      patchText = r.value;
    }
    const patch = parsePatch(patchText);
    const dryRun = dryRunStrategy(s);
    const files = s.flag<string[] | undefined>("filename") ?? [];
    if (s.parsed.args.length === 0 && files.length === 0) {
      throw new CommandError(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
    }
    const targets = resolveTargets(s, s.parsed.args, { files });
    if (targets.length === 0 && s.output.exitCode === 0) throw new CommandError("error: no objects passed to patch");
    for (const t of targets) {
      let result: KubeObject;
      try {
        const patched = applyPatch(clone(t.object), patch, type);
        if (!isMap(patched)) throw badRequest("the object to patch is not an object");
        patched.metadata = { ...(patched.metadata ?? {}), resourceVersion: t.object.metadata.resourceVersion };
        if (patched.metadata.name !== t.name) throw new ApiError(422, "Invalid", `the name of the object (${String(patched.metadata.name)}) does not match the name on the URL (${t.name})`);
        result = dryRun === "client" ? patched : s.api.update(patched, { dryRun: dryRun === "server" });
      } catch (error) {
        if (error instanceof ApiError && error.reason === "Invalid" && !error.details.causes) throw new CommandError(`The request is invalid: ${error.message}`);
        apiFailure(error);
      }
      const changed = canonicalJson(withoutVersion(result)) !== canonicalJson(withoutVersion(t.object)) || result.metadata.resourceVersion !== t.object.metadata.resourceVersion;
      printChanged(s, result, changed ? "patched" : "patched (no change)", dryRun);
    }
  });
}

function withoutVersion(obj: KubeObject): KubeObject {
  const c = clone(obj);
  delete c.metadata.resourceVersion;
  return c;
}
