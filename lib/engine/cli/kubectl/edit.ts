// kubectl edit: writes the objects as YAML (with kubectl's header) to /tmp/kubectl-edit-N.yaml,
// asks the terminal to open it in the editor, and when the editor closes runs again with
// --edit-resume to apply the changes: "edited", "Edit cancelled, no changes made.", or the
// file reopened with the errors in its header, exactly as kubectl's edit loop does.
import { parse as parseYaml } from "yaml";
import { clone, type KubeObject, type StoredObject } from "../../api/types";
import { ApiError } from "../../apiserver/errors";
import { qualifiedResource, resourceForKind } from "../../apiserver/registry";
import { canonicalJson } from "../../controllers/util";
import { actorFor, readFile, unlink, writeFile } from "../../hosts/fs";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { formatName, marshalJSON, toJsonValue, toYaml } from "./format";
import { parseManifestText, ManifestError } from "./manifests";
import { jsonMergePatch } from "./patch";
import type { Session } from "./session";
import { CommandError, isMap, NO_RESOURCES, resolveTargets, runGuarded } from "./targets";

export const EDIT_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "output", short: "o", kind: "string" },
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "output-patch", kind: "bool" },
  { name: "windows-line-endings", kind: "bool" },
  { name: "save-config", kind: "bool" },
  { name: "validate", kind: "string" },
  { name: "field-manager", kind: "string" },
  { name: "subresource", kind: "string" },
  { name: "record", kind: "bool" },
  { name: "allow-missing-template-keys", kind: "bool" },
  { name: "show-managed-fields", kind: "bool" },
  { name: "template", kind: "string" },
  // Not a kubectl flag: how the terminal hands a closed editor back to this command.
  { name: "edit-resume", kind: "string" },
];

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

/** What one edit session carries from one editor run to the next (plain JSON). */
interface EditState {
  /** The file the editor has open. */
  file: string;
  /** A file from the previous pass, removed once the editor closes again. */
  previousFile?: string;
  /** The objects as first printed (no header). */
  original: string;
  /** What the user saved last time, when the file was reopened with errors. */
  edited?: string;
  containsError: boolean;
  format: "yaml" | "json";
}

/** editHeader.writeTo. */
function header(reasons: Reason[]): string {
  let out = HEADER;
  const hashed = (s: string) => s.replace(/\n(?!#)/g, "\n# ");
  for (const r of reasons) {
    out += r.other.length ? `# ${hashed(r.head)}:\n` : `# ${hashed(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashed(o)}\n`;
    out += "#\n";
  }
  return out;
}

/** cmdutil.ManualStrip: drops comment lines (but not #! lines). */
function manualStrip(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith("#") && !t.startsWith("#!")) return;
    out.push(line + (i < lines.length - 1 ? "\n" : ""));
  });
  return out.join("");
}

/** cmdutil.StripComments: the YAML as JSON (so layout does not count), else ManualStrip. */
function stripComments(text: string): string {
  try {
    return canonicalJson(parseYaml(text, { prettyErrors: false }) ?? null);
  } catch {
    return manualStrip(text);
  }
}

/** hasLines: any line that is not blank and not a comment. */
function hasLines(text: string): boolean {
  return text.split("\n").some((l) => {
    const t = l.trim();
    return t.length > 0 && t[0] !== "#";
  });
}

function printObject(obj: unknown, format: "yaml" | "json"): string {
  const value = toJsonValue(obj);
  return format === "json" ? `${marshalJSON(value, "    ")}\n` : toYaml(value);
}

/** A temp file name as os.CreateTemp makes it: the prefix, a random number, the suffix. */
function tempFile(s: Session, format: string): string {
  return `/tmp/kubectl-edit-${1_000_000_000 + s.ctx.world.random.int(3_000_000_000)}.${format === "json" ? "json" : "yaml"}`;
}

function writeTemp(s: Session, path: string, text: string) {
  const w = writeFile(s.ctx.host.fs, path, text, actorFor(s.ctx.host, s.ctx.user), s.now());
  if (!w.ok) throw new CommandError(`error: open ${path}: permission denied`);
}

function removeTemp(s: Session, path: string | undefined) {
  if (path) unlink(s.ctx.host.fs, path, actorFor(s.ctx.host, s.ctx.user), s.now());
}

/** preservedFile: where the user's changes were kept, then the error. */
function preserved(s: Session, message: string, path: string | undefined): CommandError {
  let text = "";
  if (path && readFile(s.ctx.host.fs, path, actorFor(s.ctx.host, s.ctx.user)).ok) text += `A copy of your changes has been stored to "${path}"\n`;
  return new CommandError(`${text}${message}`);
}

/** Hands the file to the terminal's editor; the command runs again with the state when it closes. */
function openEditor(s: Session, state: EditState) {
  const argv = ["kubectl", ...s.ctx.args.filter((a, i, all) => !a.startsWith("--edit-resume") && all[i - 1] !== "--edit-resume"), `--edit-resume=${JSON.stringify(state)}`];
  s.output.editor = { path: state.file, then: argv };
}

export function runEdit(s: Session) {
  runGuarded(s, () => {
    const resume = s.flag<string | undefined>("edit-resume");
    if (resume !== undefined) {
      // The terminal passes this flag when the editor closes; typed by hand it is no kubectl flag.
      const state = resumeState(resume);
      if (!state) throw new CommandError("error: unknown flag: --edit-resume\nSee 'kubectl edit --help' for usage.");
      return resumeEdit(s, state);
    }
    const output = s.flag<string | undefined>("output") ?? "yaml";
    if (output !== "yaml" && output !== "json") throw new CommandError(`error: the flag 'output' must be one of yaml|json`);
    const files = s.flag<string[] | undefined>("filename") ?? [];
    if (s.parsed.args.length === 0 && files.length === 0) throw new CommandError(`error: ${NO_RESOURCES}`);
    const targets = resolveTargets(s, s.parsed.args, { files });
    if (s.output.exitCode !== 0) return;
    if (targets.length === 0) throw new CommandError("error: edit cancelled, no objects found");
    const objects = targets.map((t) => t.object);
    const original = printObject(objects.length === 1 ? objects[0] : { apiVersion: "v1", items: objects, kind: "List", metadata: {} }, output);
    const state: EditState = { file: tempFile(s, output), original, containsError: false, format: output };
    writeTemp(s, state.file, HEADER + original);
    openEditor(s, state);
  });
}

/** The state openEditor wrote into --edit-resume, or undefined for anything else. */
function resumeState(text: string): EditState | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isMap(v)) return undefined;
  const optionalString = (x: unknown) => x === undefined || typeof x === "string";
  const ok =
    typeof v.file === "string" &&
    typeof v.original === "string" &&
    typeof v.containsError === "boolean" &&
    (v.format === "yaml" || v.format === "json") &&
    optionalString(v.previousFile) &&
    optionalString(v.edited);
  return ok ? (v as unknown as EditState) : undefined;
}

function resumeEdit(s: Session, state: EditState) {
  const read = readFile(s.ctx.host.fs, state.file, actorFor(s.ctx.host, s.ctx.user));
  if (!read.ok) throw new CommandError(`error: open ${state.file}: no such file or directory`);
  const edited = read.value;
  if (state.containsError && stripComments(state.edited ?? "") === stripComments(edited)) {
    throw preserved(s, "error: Edit cancelled, no valid changes were saved.", state.file);
  }
  removeTemp(s, state.previousFile);
  if (stripComments(state.original) === stripComments(edited)) {
    removeTemp(s, state.file);
    s.output.warn("Edit cancelled, no changes made.\n");
    return;
  }
  if (!hasLines(edited)) {
    removeTemp(s, state.file);
    s.output.warn("Edit cancelled, saved file was empty.\n");
    return;
  }
  const reopen = (reasons: Reason[]) => {
    const file = tempFile(s, state.format);
    writeTemp(s, file, header(reasons) + manualStrip(edited));
    openEditor(s, { ...state, file, previousFile: state.file, edited, containsError: true });
  };
  let updated: KubeObject[];
  try {
    updated = parseManifestText(manualStrip(edited), "edited-file");
  } catch (error) {
    if (error instanceof ManifestError) return reopen([{ head: `The edited file had a syntax error: ${error.message}`, other: [] }]);
    throw error;
  }
  const originals = parseManifestText(state.original, "original").map((o) => o as StoredObject);
  const reasons: Reason[] = [];
  let retryable = 0;
  let notFound = 0;
  for (const obj of updated) {
    const before = originals.find((o) => o.metadata?.uid === obj.metadata?.uid);
    if (!before) throw preserved(s, `error: no original object found for ${obj.kind ?? ""} "${obj.metadata?.name ?? ""}"`, state.file);
    const info = resourceForKind(before.kind)!;
    const what = `${qualifiedResource(info)} "${before.metadata.name}"`;
    if (canonicalJson(before) === canonicalJson(obj)) {
      s.output.out(`${formatName(before, "skipped")}\n`);
      continue;
    }
    if (obj.apiVersion !== before.apiVersion || obj.kind !== before.kind || obj.metadata?.name !== before.metadata.name) {
      throw preserved(s, "error: At least one of apiVersion, kind and name was changed", state.file);
    }
    const patch = mergePatch(before, obj);
    if (s.flag("output-patch")) s.output.out(`Patch: ${JSON.stringify(patch)}\n`);
    try {
      const live = s.api.get(info, before.metadata.namespace, before.metadata.name);
      const next = jsonMergePatch(clone(live), patch) as KubeObject;
      next.metadata.resourceVersion = live.metadata.resourceVersion;
      const result = s.api.update(next);
      s.output.out(`${formatName(result, "edited")}\n`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.reason === "Invalid") {
        reasons.push({ head: `${what} was not valid`, other: (error.details.causes ?? []).map((c) => `${c.field ?? ""}: ${c.message}`) });
        s.output.warn(`error: ${what} is invalid\n`);
      } else if (error.reason === "NotFound") {
        notFound++;
        s.output.err(`error: ${what} could not be found on the server`);
      } else {
        retryable++;
        s.output.err(`error: ${what} could not be patched: ${error.message}`);
      }
    }
  }
  if (retryable > 0) throw new CommandError(`You can run \`kubectl replace -f ${state.file}\` to try this update again.`);
  if (notFound > 0) throw new CommandError(`The edits you made on deleted resources have been saved to "${state.file}"`);
  if (reasons.length === 0) {
    removeTemp(s, state.file);
    return;
  }
  reopen(reasons);
}

/** jsonpatch.CreateMergePatch: what changed from `a` to `b`, removed keys as null. */
function mergePatch(a: unknown, b: unknown): unknown {
  if (!isMap(a) || !isMap(b)) return clone(b);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(a)) if (!(k in b)) out[k] = null;
  for (const [k, v] of Object.entries(b)) {
    if (!(k in a)) out[k] = clone(v);
    else if (canonicalJson(a[k]) !== canonicalJson(v)) out[k] = isMap(a[k]) && isMap(v) ? mergePatch(a[k], v) : clone(v);
  }
  return out;
}
