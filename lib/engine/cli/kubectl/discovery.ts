// Discovery: kubectl api-resources, api-versions and explain. All three describe what the
// simulated API server serves (apiserver/registry.ts); explain renders the field documentation in
// explain-fields.ts with the layout of kubectl's OpenAPI v3 plaintext template.
import { apiVersionOf, RESOURCES, resourceForName, type ResourceInfo } from "../../apiserver/registry";
import { KUBECTL_TABLE, tabulate, toYaml, type JsonValue } from "./format";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { EXPLAIN_SCALARS, EXPLAIN_TYPES, type ExplainField } from "./explain-fields";
import type { Session } from "./session";

export const API_RESOURCES_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "output", short: "o", kind: "string" },
  { name: "no-headers", kind: "bool" },
  { name: "api-group", kind: "string" },
  { name: "namespaced", kind: "bool", default: true },
  { name: "verbs", kind: "stringArray" },
  { name: "sort-by", kind: "string" },
  { name: "cached", kind: "bool" },
  { name: "categories", kind: "stringArray" },
];

export const API_VERSIONS_FLAGS: FlagSpec[] = [...GLOBAL_FLAGS];

export const EXPLAIN_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "recursive", kind: "bool" },
  { name: "api-version", kind: "string" },
  { name: "output", short: "o", kind: "string", default: "plaintext" },
];

const list = (flag: string[] | undefined) => (flag ?? []).flatMap((v) => v.split(",")).filter(Boolean);
const goLess = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---- api-resources ----

export function runApiResources(s: Session) {
  const out = s.output;
  if (s.parsed.args.length) {
    return out.err(`error: unexpected arguments: [${s.parsed.args.join(" ")}]\nSee 'kubectl api-resources -h' for help and examples`);
  }
  const sortBy = s.flag<string | undefined>("sort-by") ?? "";
  if (!["", "name", "kind"].includes(sortBy)) return out.err("error: --sort-by accepts only name or kind");
  const output = s.flag<string | undefined>("output") ?? "";
  if (!["", "wide", "name", "json", "yaml"].includes(output)) {
    return out.err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml,name,wide`);
  }
  const verbs = list(s.flag<string[] | undefined>("verbs"));
  const categories = list(s.flag<string[] | undefined>("categories"));
  const resources = RESOURCES.filter(
    (r) =>
      (!s.parsed.set.has("api-group") || r.group === s.flag<string>("api-group")) &&
      (!s.parsed.set.has("namespaced") || r.namespaced === s.flag<boolean>("namespaced")) &&
      verbs.every((v) => r.verbs.includes(v)) &&
      categories.every((c) => r.categories.includes(c)),
  );
  const key = (r: ResourceInfo) => (sortBy === "name" ? r.resource : sortBy === "kind" ? r.kind : r.group);
  // sort.Stable by the key, then by name.
  const sorted = [...resources].sort((a, b) => goLess(key(a), key(b)) || goLess(a.resource, b.resource));
  if (output === "name") return out.out(sorted.map((r) => `${r.resource}${r.group ? `.${r.group}` : ""}\n`).join(""));
  if (output === "json" || output === "yaml") {
    const apiList: JsonValue = {
      kind: "APIResourceList",
      apiVersion: "v1",
      groupVersion: "",
      resources: sorted.map((r) => ({
        name: r.resource,
        singularName: r.singular,
        namespaced: r.namespaced,
        group: r.group,
        version: r.version,
        kind: r.kind,
        verbs: r.verbs,
        ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
        ...(r.categories.length ? { categories: r.categories } : {}),
      })),
    };
    return out.out(output === "yaml" ? toYaml(apiList) : `${JSON.stringify(apiList, null, 4)}\n`);
  }
  const wide = output === "wide";
  let text = s.flag("no-headers") ? "" : `NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? "\tVERBS\tCATEGORIES" : ""}\n`;
  for (const r of sorted) {
    text += `${r.resource}\t${r.shortNames.join(",")}\t${apiVersionOf(r)}\t${r.namespaced}\t${r.kind}`;
    text += wide ? `\t${r.verbs.join(",")}\t${r.categories.join(",")}\n` : "\n";
  }
  out.out(tabulate(text, KUBECTL_TABLE));
}

export function runApiVersions(s: Session) {
  const versions = [...new Set(RESOURCES.map(apiVersionOf))].sort(goLess);
  s.output.out(versions.map((v) => `${v}\n`).join(""));
}

// ---- explain ----

/** mitchellh/go-wordwrap WrapString: breaks at spaces, keeps newlines, never splits a word. */
export function wordWrap(s: string, limit: number): string {
  let out = "";
  let current = 0;
  let word = "";
  let space = "";
  for (const ch of s) {
    if (ch === "\n") {
      if (word.length === 0) {
        if (current + space.length > limit) current = 0;
        else out += space;
      } else {
        out += space + word;
      }
      space = "";
      word = "";
      out += ch;
      current = 0;
    } else if (/\s/u.test(ch) && ch !== "\u00a0") {
      if (space.length === 0 || word.length > 0) {
        current += [...space].length + [...word].length;
        out += space + word;
        space = "";
        word = "";
      }
      space += ch;
    } else {
      word += ch;
      const wordLen = [...word].length;
      if (current + [...space].length + wordLen > limit && wordLen < limit) {
        out += "\n";
        current = 0;
        space = "";
      }
    }
  }
  if (word.length === 0) {
    if (current + [...space].length <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

const indent = (amount: number, text: string) => {
  const pad = " ".repeat(amount);
  return pad + text.split("\n").join(`\n${pad}`);
};

const OBJECT_SCALARS = new Set(["Quantity", "IntOrString"]);

/** The `<type>` kubectl shows: scalars by their JSON type, objects by their schema name. */
function typeGuess(t: string): string {
  if (t.startsWith("[]")) return `[]${typeGuess(t.slice(2))}`;
  if (t.startsWith("map[string]")) return `map[string]${typeGuess(t.slice("map[string]".length))}`;
  if (t === "Time" || t === "MicroTime") return "string";
  return t;
}

/** The schema a field leads to (through arrays and maps), or undefined for scalars. */
const elementType = (t: string): string => (t.startsWith("[]") ? elementType(t.slice(2)) : t.startsWith("map[string]") ? elementType(t.slice("map[string]".length)) : t);

/** The "description" template: the field's text, then the text of the type it refers to. */
function describeField(field: ExplainField): string {
  let text = field.d ? `${field.d}\n` : "";
  const el = elementType(field.t);
  const type = EXPLAIN_TYPES[el];
  if (type?.d) text += `${type.d}\n`;
  else if (EXPLAIN_SCALARS[el] && (el !== field.t || !OBJECT_SCALARS.has(el) || true)) text += `${EXPLAIN_SCALARS[el]}\n`;
  return text;
}

function enumLine(field: ExplainField, indentAmount: number): string {
  if (!field.e) return "";
  const shown = field.e.slice(0, 4).map((v) => (v === "" ? '""' : v));
  return `\n${" ".repeat(indentAmount)}enum: ${shown.join(", ")}${field.e.length > 4 ? ", ...." : ""}`;
}

function fieldList(typeName: string, level: number, recursive: boolean, history: Set<string>): string {
  const type = EXPLAIN_TYPES[typeName];
  if (!type || history.has(typeName)) return "";
  const seen = new Set(history).add(typeName);
  let text = "";
  for (const name of Object.keys(type.f).sort(goLess)) {
    const field = type.f[name]!;
    const amount = level * 2;
    text += `${indent(amount, name)}\t<${typeGuess(field.t)}>${field.r ? " -required-" : ""}${enumLine(field, amount)}\n`;
    if (recursive) {
      text += fieldList(elementType(field.t), level + 1, true, seen);
    } else {
      text += `${indent(amount + 2, wordWrap(field.d || "<no description>", 78 - amount))}\n\n`;
    }
  }
  return text;
}

class ExplainError extends Error {}

/** The kinds explain knows: the resource → its root type. */
function explainRoot(info: ResourceInfo): string | undefined {
  return EXPLAIN_TYPES[info.kind] ? info.kind : undefined;
}

function explainText(info: ResourceInfo, path: string[], recursive: boolean): string {
  const root = explainRoot(info);
  if (!root) throw new ExplainError(`error: GVK ${info.group}/${info.version}, Kind=${info.kind} not found in OpenAPI schema`);
  let text = info.group ? `GROUP:      ${info.group}\n` : "";
  text += `KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n`;
  let typeName = root;
  let field: ExplainField | undefined;
  for (let i = 0; i < path.length; i++) {
    const type = EXPLAIN_TYPES[typeName];
    const next = type && Object.hasOwn(type.f, path[i]!) ? type.f[path[i]!] : undefined;
    // kubectl names the last segment of the path, whichever one was missing.
    if (!next) throw new ExplainError(`error: field "${path[path.length - 1]}" does not exist`);
    field = next;
    typeName = elementType(next.t);
  }
  let body: string;
  let fields: string;
  if (field) {
    const name = path[path.length - 1]!;
    body = `FIELD: ${name} <${typeGuess(field.t)}>\n`;
    if (field.e) body += `ENUM:${field.e.map((v) => `\n    ${v === "" ? '""' : v}`).join("")}`;
    body += "\n\n";
    const description = describeField(field);
    body += `DESCRIPTION:\n${indent(4, wordWrap(description || "<empty>", 76))}\n`;
    fields = fieldList(typeName, 1, recursive, new Set());
  } else {
    const type = EXPLAIN_TYPES[root]!;
    body = `DESCRIPTION:\n${indent(4, wordWrap(type.d ? `${type.d}\n` : "<empty>", 76))}\n`;
    fields = fieldList(root, 1, recursive, new Set());
  }
  if (fields) body += `FIELDS:\n${fields}`;
  return `${text}${body}\n`;
}

export function runExplain(s: Session) {
  const out = s.output;
  const { args } = s.parsed;
  if (args.length === 0) {
    return out.err(`error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n`);
  }
  if (args.length > 1) return out.err("error: We accept only this format: explain RESOURCE\n");
  const output = s.flag<string>("output");
  if (output !== "plaintext" && output !== "plaintext-openapiv2") {
    return out.err(`error: unrecognized format: ${output}`);
  }
  // The longest prefix that names a resource: "deployments.apps.spec" is deployments.apps, then spec.
  const parts = args[0]!.split(".");
  let info: ResourceInfo | undefined;
  let path: string[] = [];
  for (let n = parts.length; n >= 1 && !info; n--) {
    info = resourceForName(parts.slice(0, n).join("."));
    if (info) path = parts.slice(n);
  }
  if (!info) return out.err(`error: the server doesn't have a resource type "${parts[0]!.toLowerCase()}"`);
  const apiVersion = s.flag<string | undefined>("api-version");
  if (apiVersion && apiVersion !== apiVersionOf(info)) {
    const [group, version] = apiVersion.includes("/") ? (apiVersion.split("/") as [string, string]) : ["", apiVersion];
    return out.err(`error: couldn't find resource for "${group ? `${group}/` : ""}${version}, Kind=${info.kind}"`);
  }
  try {
    out.out(explainText(info, path.filter((p) => p !== ""), Boolean(s.flag("recursive"))));
  } catch (error) {
    if (error instanceof ExplainError) return out.err(error.message);
    throw error;
  }
}
