// The non-table output formats of kubectl (-o yaml|json|name|jsonpath=|jsonpath-as-json=|
// custom-columns=), from cli-runtime's printers and kubectl get's printGeneric.
import { goQuote, goSharpV, goSprint, marshalJSON } from "./gofmt";
import { JsonPath, JsonPathError, relaxedJsonPathExpression } from "./jsonpath";
import { qualifiedKind } from "./kinds";
import { escapeTerminal } from "./tables";
import { KUBECTL_TABLE, TabWriter } from "./tabwriter";
import type { JsonValue, KubeObject } from "./types";
import { toYaml } from "./yaml";

export interface OutputResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ObjectOutputOptions {
  /**
   * Print a List even for one object: true when the command asked for a collection
   * (`kubectl get pods`), false for named objects (`kubectl get pod web`). Default: a List
   * unless there is exactly one object.
   */
  asList?: boolean;
  /** -o yaml/json for commands that print each object separately (create -f, apply -f): "---" between YAML documents. */
  separateDocuments?: boolean;
  /** --no-headers (custom-columns). */
  noHeaders?: boolean;
  /** --allow-missing-template-keys (default true). */
  allowMissingKeys?: boolean;
}

/** The formats `kubectl get -o` accepts, as its error message lists them. */
export const ALLOWED_FORMATS = [
  "custom-columns",
  "custom-columns-file",
  "go-template",
  "go-template-file",
  "json",
  "jsonpath",
  "jsonpath-as-json",
  "jsonpath-file",
  "name",
  "template",
  "templatefile",
  "wide",
  "yaml",
];

const ok = (stdout: string): OutputResult => ({ stdout, stderr: "", exitCode: 0 });
const fail = (message: string, stdout = ""): OutputResult => ({
  stdout,
  stderr: message.endsWith("\n") ? `error: ${message}` : `error: ${message}\n`,
  exitCode: 1,
});

/** Plain JSON data: drops undefined fields, as the wire format would. */
export function toJsonValue(obj: unknown): JsonValue {
  return JSON.parse(JSON.stringify(obj ?? null)) as JsonValue;
}

/** What kubectl get prints for several objects: a v1 List with an empty resourceVersion. */
export function asListObject(objects: KubeObject[]): { [key: string]: JsonValue } {
  return {
    apiVersion: "v1",
    items: objects.map(toJsonValue),
    kind: "List",
    metadata: { resourceVersion: "" },
  };
}

/** The name printer: "pod/web", "deployment.apps/web", with an optional operation ("created"). */
export function formatName(obj: KubeObject, operation?: string): string {
  const name = obj.metadata?.name || "<unknown>";
  return `${qualifiedKind(obj)}/${name}${operation ? ` ${operation}` : ""}`;
}

export function unknownFormatError(format: string): string {
  return `unable to match a printer suitable for the output format ${goQuote(format)}, allowed formats are: ${ALLOWED_FORMATS.join(",")}`;
}

/** Splits "jsonpath={.x}" into ["jsonpath", "{.x}"]. */
function splitFormat(format: string): [string, string | undefined] {
  const eq = format.indexOf("=");
  return eq < 0 ? [format, undefined] : [format.slice(0, eq), format.slice(eq + 1)];
}

/**
 * Prints objects in one of kubectl's object formats. `format` is the -o value as typed
 * ("yaml", "jsonpath={.items[*].metadata.name}", "custom-columns=NAME:.metadata.name"). Tables
 * (no -o, or -o wide) are printTable's job.
 */
export function printObjects(objects: KubeObject[], format: string, opts: ObjectOutputOptions = {}): OutputResult {
  const [kind, arg] = splitFormat(format);
  const single = opts.asList === undefined ? objects.length === 1 : !opts.asList;
  const data: JsonValue = single && objects.length === 1 ? toJsonValue(objects[0]) : asListObject(objects);

  switch (kind) {
    case "yaml":
      if (arg !== undefined) break;
      if (opts.separateDocuments) return ok(objects.map((o) => toYaml(toJsonValue(o))).join("---\n"));
      return ok(toYaml(data));
    case "json":
      if (arg !== undefined) break;
      if (opts.separateDocuments) return ok(objects.map((o) => `${marshalJSON(toJsonValue(o), "    ")}\n`).join(""));
      return ok(`${marshalJSON(data, "    ")}\n`);
    case "name":
      if (arg !== undefined) break;
      return ok(objects.map((o) => `${formatName(o)}\n`).join(""));
    case "jsonpath":
    case "jsonpath-as-json":
      return printJsonPath(data, arg ?? "", kind === "jsonpath-as-json", opts);
    case "custom-columns":
      return printCustomColumns(objects, arg ?? "", opts);
  }
  return fail(unknownFormatError(kind));
}

function printJsonPath(data: JsonValue, template: string, asJson: boolean, opts: ObjectOutputOptions): OutputResult {
  if (template.length === 0) return fail("template format specified but no template given");
  const jp = new JsonPath({ allowMissingKeys: opts.allowMissingKeys ?? true, outputJson: asJson });
  try {
    jp.parse(template);
  } catch (e) {
    if (e instanceof JsonPathError) return fail(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
  try {
    return ok(jp.execute(data));
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    // JSONPathPrinter.PrintObj wraps the failure with the template and a dump of the object.
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
    return fail(`error executing jsonpath ${goQuote(template)}: ${debug}\n`);
  }
}

interface Column {
  header: string;
  fieldSpec: string;
}

/** NewCustomColumnsPrinterFromSpec: "HEADER:path,HEADER2:path2". */
function parseCustomColumns(spec: string): Column[] {
  if (spec.length === 0) throw new JsonPathError("custom-columns format specified but no custom columns given");
  return spec.split(",").map((part) => {
    const colon = part.indexOf(":");
    if (colon < 0) throw new JsonPathError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxedJsonPathExpression(part.slice(colon + 1)) };
  });
}

/** -o custom-columns: one row per object, "<none>" where a path finds nothing. */
export function printCustomColumns(objects: KubeObject[], spec: string, opts: ObjectOutputOptions = {}): OutputResult {
  let columns: Column[];
  const parsers: JsonPath[] = [];
  try {
    columns = parseCustomColumns(spec);
    for (const c of columns) parsers.push(new JsonPath({ allowMissingKeys: true }).parse(c.fieldSpec));
  } catch (e) {
    if (e instanceof JsonPathError) return fail(e.message);
    throw e;
  }
  const w = new TabWriter(KUBECTL_TABLE);
  if (!opts.noHeaders) w.write(`${columns.map((c) => c.header).join("\t")}\n`);
  for (const obj of objects) {
    const data = toJsonValue(obj);
    const cells: string[] = [];
    for (const parser of parsers) {
      let groups;
      try {
        groups = parser.findResults(data);
      } catch (e) {
        if (e instanceof JsonPathError) return fail(e.message, w.flush());
        throw e;
      }
      const values: string[] = [];
      if (groups.length === 0 || groups[0]!.length === 0) values.push("<none>");
      for (const group of groups) for (const v of group) values.push(escapeTerminal(goSprint(v ?? null)));
      cells.push(values.join(","));
    }
    w.write(`${cells.join("\t")}\n`);
  }
  return ok(w.flush());
}
