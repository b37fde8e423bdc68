// kubectl run's --overrides and --override-type (cmdutil.Overrider): the generated object is
// encoded to JSON, the override is applied to it as an RFC 7396 merge patch (the default), a
// strategic merge patch or an RFC 6902 JSON patch, and the result is decoded back into the Go
// type, which silently drops fields the type does not have and fails on values of the wrong type.
import { clone, type KubeObject } from "../../api/types";
import { ApiError } from "../../apiserver/errors";
import { resourceForKind } from "../../apiserver/registry";
import { decodeReason } from "../../apiserver/validation";
import { goUnmarshalMapError } from "../../apiserver/validation/go-json";
import { canonicalJson } from "../../controllers/util";
import { EXPLAIN_TYPES } from "./explain-fields";
import { applyJsonPatch, jsonMergePatch, JsonPatchError, strategicMerge } from "./patch";
import { CommandError, isMap } from "./targets";

export const OVERRIDE_TYPES = ["json", "merge", "strategic"] as const;

/** A Go JSON syntax error for the text, or null when it is well-formed JSON of any kind. */
function syntaxError(text: string): string | null {
  const problem = goUnmarshalMapError(text);
  return problem && !problem.startsWith("json: cannot unmarshal") ? problem : null;
}

/** evanphx/json-patch MergePatch: the document patched, or its ErrBadJSONPatch. */
function mergePatch(target: KubeObject, text: string): unknown {
  if (syntaxError(text) !== null) throw new CommandError("error: Invalid JSON Patch");
  const patch = JSON.parse(text) as unknown;
  if (isMap(patch)) return jsonMergePatch(target, patch);
  // Not an object: an array replaces the document, anything else is no patch at all.
  if (Array.isArray(patch)) return patch;
  throw new CommandError("error: Invalid JSON Patch");
}

function strategicPatch(target: KubeObject, text: string): unknown {
  // strategicpatch's handleUnmarshal: anything but a JSON object is mergepatch.ErrBadJSONDoc.
  if (syntaxError(text) !== null) throw new CommandError("error: invalid JSON document");
  const patch = JSON.parse(text) as unknown;
  if (patch === null) return target;
  if (!isMap(patch)) throw new CommandError("error: invalid JSON document");
  return strategicMerge(target, patch);
}

function jsonPatch(target: KubeObject, text: string): unknown {
  const syntax = syntaxError(text);
  if (syntax !== null) throw new CommandError(`error: ${syntax}`);
  const ops = JSON.parse(text) as unknown;
  if (ops !== null && !Array.isArray(ops)) throw new CommandError(`error: json: cannot unmarshal ${isMap(ops) ? "object" : typeof ops === "string" ? "string" : typeof ops === "boolean" ? "bool" : "number"} into Go value of type jsonpatch.Patch`);
  try {
    return applyJsonPatch(target, ops ?? []);
  } catch (error) {
    if (error instanceof JsonPatchError || error instanceof ApiError) throw new CommandError(`error: ${error.message}`);
    throw error;
  }
}

/** Go's %v of the struct runtime's SimpleMetaFactory decodes apiVersion and kind into. */
const FIND_KIND = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/**
 * The decode back into a typed object: apiVersion and kind must name a type kubectl knows; fields
 * the type does not have are dropped, empty maps and lists vanish (omitempty).
 */
function decode(patched: unknown): KubeObject {
  if (!isMap(patched)) {
    const kind = Array.isArray(patched) ? "array" : typeof patched === "string" ? "string" : typeof patched === "boolean" ? "bool" : "number";
    throw new CommandError(`error: couldn't get version/kind; json parse error: json: cannot unmarshal ${kind} into Go value of type ${FIND_KIND}`);
  }
  const json = canonicalJson(patched);
  const apiVersion = typeof patched.apiVersion === "string" ? patched.apiVersion : "";
  const kind = typeof patched.kind === "string" ? patched.kind : "";
  if (kind === "") throw new CommandError(`error: Object 'Kind' is missing in '${json}'`);
  if (apiVersion === "") throw new CommandError(`error: Object 'apiVersion' is missing in '${json}'`);
  const info = resourceForKind(kind, apiVersion);
  if (!info || !EXPLAIN_TYPES[kind]) {
    throw new CommandError(`error: no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme "k8s.io/kubectl/pkg/scheme/scheme.go:28"`);
  }
  const problem = decodeReason(patched);
  if (problem !== null) throw new CommandError(`error: ${problem}`);
  return prune(patched, kind) as KubeObject;
}

/** Fields whose Go tag has no omitempty: they stay even when empty. */
const KEPT_WHEN_EMPTY = new Set(["PodSpec.containers"]);

/** Fields of value (not pointer) type that encoding/json writes even when unset, and how. */
const ALWAYS_WRITTEN: Record<string, Record<string, unknown>> = {
  Pod: { metadata: {}, spec: {}, status: {} },
  ObjectMeta: { creationTimestamp: null },
  PodSpec: { containers: null },
  Container: { resources: {} },
};

function prune(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return value;
  const list = /^\[\](.*)$/.exec(type);
  if (list) return Array.isArray(value) ? value.map((v) => prune(v, list[1]!)) : value;
  const map = /^map\[string\](.*)$/.exec(type);
  if (map) return isMap(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prune(v, map[1]!)])) : value;
  const struct = EXPLAIN_TYPES[type];
  // Types this catalogue does not describe are kept as they are.
  if (!struct || !isMap(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const field = key === "apiVersion" || key === "kind" ? { t: "string" } : struct.f[key];
    if (!field) continue;
    const pruned = prune(v, field.t);
    const empty = (Array.isArray(pruned) && pruned.length === 0) || (isMap(pruned) && Object.keys(pruned).length === 0);
    if (empty && (field.t.startsWith("[]") || field.t.startsWith("map[")) && !KEPT_WHEN_EMPTY.has(`${type}.${key}`)) continue;
    out[key] = pruned;
  }
  for (const [key, zero] of Object.entries(ALWAYS_WRITTEN[type] ?? {})) {
    if (!(key in out) || out[key] === undefined) out[key] = prune(clone(zero), struct.f[key]?.t ?? "");
  }
  return out;
}

/** cmdutil.Overrider.Apply: the generated object with the override applied. */
export function applyOverrides(obj: KubeObject, overrides: string, overrideType: string): KubeObject {
  if (overrides === "") return obj;
  const type = overrideType === "" ? "merge" : overrideType;
  const target = JSON.parse(JSON.stringify(obj)) as KubeObject;
  let patched: unknown;
  switch (type) {
    case "json":
      patched = jsonPatch(target, overrides);
      break;
    case "merge":
      patched = mergePatch(target, overrides);
      break;
    case "strategic":
      patched = strategicPatch(target, overrides);
      break;
    default:
      throw new CommandError(`error: invalid override type: ${type}`);
  }
  return decode(patched);
}
