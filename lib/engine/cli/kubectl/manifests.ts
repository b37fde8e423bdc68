// Reading manifests for -f: files, directories, stdin; multi-document YAML and JSON; Lists.
import { isAlias, isNode, parseAllDocuments, visit } from "yaml";
import type { KubeObject } from "../../api/types";
import type { CommandContext } from "../../shell/types";
import type { World } from "../../world";
import { absolutePath, actorFor, childrenOf, isDir, readFile, stat } from "../../hosts/fs";

export interface Manifest {
  object: KubeObject;
  /** The -f argument it came from ("-" for stdin), for error messages. */
  source: string;
}

export class ManifestError extends Error {}

const EXTENSIONS = /\.(ya?ml|json)$/;

function sourcesFor(ctx: CommandContext<World>, arg: string, recursive: boolean): { source: string; text: string }[] {
  if (arg === "-") return [{ source: "STDIN", text: ctx.stdin }];
  if (/^https?:\/\//.test(arg)) {
    throw new ManifestError(`unable to read URL "${arg}", server reported 404 Not Found, status code=404`);
  }
  const home = ctx.host.users[ctx.user]?.home;
  const path = absolutePath(ctx.cwd, arg, home);
  const actor = actorFor(ctx.host, ctx.user);
  if (!stat(ctx.host.fs, path, actor).ok) throw new ManifestError(`the path "${arg}" does not exist`);
  if (isDir(ctx.host.fs, path, actor)) {
    const out: { source: string; text: string }[] = [];
    const walk = (dir: string, display: string, top: boolean) => {
      for (const child of childrenOf(ctx.host.fs, dir)) {
        const full = `${dir === "/" ? "" : dir}/${child}`;
        const shown = `${display.replace(/\/$/, "")}/${child}`;
        if (isDir(ctx.host.fs, full, actor)) {
          if (recursive || top === false) walk(full, shown, false);
        } else if (EXTENSIONS.test(child)) {
          const text = readFile(ctx.host.fs, full, actor);
          if (!text.ok) throw new ManifestError(`open ${shown}: permission denied`);
          out.push({ source: shown, text: text.value });
        }
      }
    };
    walk(path, arg, true);
    return out;
  }
  const text = readFile(ctx.host.fs, path, actor);
  if (!text.ok) throw new ManifestError(`open ${arg}: permission denied`);
  return [{ source: arg, text: text.value }];
}

/** Every object the -f arguments name, in order. */
export function readManifests(ctx: CommandContext<World>, files: string[], recursive = false): Manifest[] {
  const out: Manifest[] = [];
  for (const arg of files) {
    for (const { source, text } of sourcesFor(ctx, arg, recursive)) {
      for (const object of parseManifestText(text, source)) out.push({ object, source });
    }
  }
  return out;
}

export function parseManifestText(text: string, source: string): KubeObject[] {
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, logLevel: "error" });
  } catch (error) {
    // Nesting deep enough to exhaust the JS parser's stack: go-yaml stops at its depth limit.
    if (error instanceof RangeError) throw new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: exceeded max depth of 10000`);
    throw error;
  }
  const out: KubeObject[] = [];
  for (const doc of docs) {
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      const line = e.linePos?.[0]?.line;
      throw new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: ${line ? `line ${line}: ` : ""}${yamlReason(e.code, e.message)}`);
    }
    const value = toJS(doc, source);
    if (value === null || value === undefined) continue;
    if (typeof value !== "object" || Array.isArray(value)) {
      throw new ManifestError(`error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? "array" : typeof value === "string" ? "string" : "number"} into Go value of type map[string]interface {}`);
    }
    const obj = value as KubeObject;
    if (obj.kind === "List" && Array.isArray((obj as { items?: unknown }).items)) {
      for (const item of (obj as unknown as { items: unknown[] }).items) {
        // Each item is decoded on its own, as an object; null has no kind.
        if (item === null || item === undefined) throw new ManifestError(`error parsing ${source}: Object 'Kind' is missing in 'null'`);
        if (typeof item !== "object" || Array.isArray(item)) {
          throw new ManifestError(`error parsing ${source}: json: cannot unmarshal ${Array.isArray(item) ? "array" : typeof item === "string" ? "string" : typeof item === "boolean" ? "bool" : "number"} into Go value of type map[string]interface {}`);
        }
        out.push(item as KubeObject);
      }
    } else {
      out.push(obj);
    }
  }
  return out;
}

/**
 * The document as plain data, with go-yaml's refusals where the JS parser would resolve (or
 * choke on) aliases: unknown anchors, an anchor inside its own value, alias bombs.
 */
function toJS(doc: ReturnType<typeof parseAllDocuments>[number], source: string): unknown {
  const fail = (reason: string) => new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: ${reason}`);
  let selfContained: string | undefined;
  visit(doc, {
    Alias(_, alias, path) {
      if (path.some((p) => isNode(p) && !isAlias(p) && p.anchor === alias.source)) {
        selfContained = alias.source;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (selfContained !== undefined) throw fail(`anchor '${selfContained}' value contains itself`);
  try {
    return doc.toJS();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /^Unresolved alias \(the anchor must be set before the alias\): (.*)$/.exec(message);
    if (unresolved) throw fail(`unknown anchor '${unresolved[1]}' referenced`);
    if (message.startsWith("Excessive alias count")) throw fail("document contains excessive aliasing");
    throw error;
  }
}

/** go-yaml's wording for the most common mistakes learners make. */
function yamlReason(code: string, message: string): string {
  switch (code) {
    case "BAD_INDENT":
    case "MISSING_CHAR":
      return "did not find expected key";
    case "DUPLICATE_KEY": {
      const key = /"(.*?)"/.exec(message)?.[1];
      return key ? `mapping key "${key}" already defined` : "mapping key already defined";
    }
    case "TAB_AS_INDENT":
      return "found character that cannot start any token";
    case "RESOURCE_EXHAUSTION":
      // The JS parser runs out of stack before go-yaml's nesting limit.
      return "exceeded max depth of 10000";
    case "MULTILINE_IMPLICIT_KEY":
    case "UNEXPECTED_TOKEN":
      return "mapping values are not allowed in this context";
    default:
      return "could not find expected ':'";
  }
}

/** kubectl's client-side checks before anything is sent. */
export function checkManifest(m: Manifest): string | undefined {
  // Read as the unstructured decoder reads them: anything but a string is not set.
  const o = { apiVersion: typeof m.object.apiVersion === "string" ? m.object.apiVersion : "", kind: typeof m.object.kind === "string" ? m.object.kind : "" };
  if (!o.apiVersion && !o.kind) return `error validating "${m.source}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`;
  if (!o.kind) return `error validating "${m.source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`;
  if (!o.apiVersion) return `error validating "${m.source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`;
  return undefined;
}
