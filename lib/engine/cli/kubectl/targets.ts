// What the commands that change existing objects share: kubectl's resource builder (TYPE NAME,
// TYPE/NAME, -l, --all, -f), the --dry-run strategy, Go durations (--timeout), and printing a
// changed object as "deployment.apps/web scaled" or in an -o format.
import type { KubeObject, StoredObject } from "../../api/types";
import { ApiError, notFound } from "../../apiserver/errors";
import { qualifiedResource, resourceForKind, type ResourceInfo } from "../../apiserver/registry";
import { parseLabelSelector, SelectorParseError } from "../../apiserver/selectors";
import { formatName, printObjects } from "./format";
import { apiErrorMessage } from "./errors";
import { checkManifest, ManifestError, readManifests } from "./manifests";
import { parseArgs, type FlagSpec } from "./args";
import { ResourceError, resolveResourceArgs } from "./resources";
import type { Session } from "./session";

/** An error kubectl prints as-is (the text already carries "error: " or "Error from server"). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** cmdutil.UsageErrorf: the message and a pointer to the command's help. */
export function usageError(command: string, message: string): CommandError {
  return new CommandError(`error: ${message}\nSee 'kubectl ${command} -h' for help and examples`);
}

/** Runs a command body; CommandErrors become stderr text and an exit code. */
export function runGuarded(s: Session, body: () => void) {
  try {
    body();
  } catch (error) {
    if (error instanceof CommandError) s.output.err(error.message, error.exitCode);
    else if (error instanceof ManifestError) s.output.err(`error: ${error.message}`);
    else if (error instanceof SelectorParseError) s.output.err(`error: ${error.message}`);
    else throw error;
  }
}

export const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  object: StoredObject;
}

export interface TargetOptions {
  all?: boolean;
  selector?: string;
  files?: string[];
  allNamespaces?: boolean;
  /** Where a missing named object is reported (builder ContinueOnError): default, printed to stderr. */
  ignoreNotFound?: boolean;
}

/**
 * kubectl's resource builder with Latest(): the live objects the arguments name. Named objects
 * that do not exist are reported on stderr (the command goes on with the rest); argument
 * errors throw CommandError.
 */
export function resolveTargets(s: Session, args: string[], opts: TargetOptions = {}): Target[] {
  const files = opts.files ?? [];
  const out: Target[] = [];
  if (files.length > 0) {
    for (const m of readManifests(s.ctx, files)) {
      const problem = checkManifest(m);
      if (problem) throw new CommandError(`error: ${problem}`);
      const info = resourceForKind(m.object.kind, m.object.apiVersion);
      if (!info) throw new CommandError(`error: resource mapping not found for name: "${m.object.metadata?.name ?? ""}" namespace: "" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`);
      const namespace = info.namespaced ? m.object.metadata?.namespace || s.namespace : undefined;
      const name = m.object.metadata?.name ?? "";
      const object = s.api.tryGet(info, namespace, name);
      if (object) out.push({ info, namespace, name, object });
      else if (!opts.ignoreNotFound) s.output.err(apiErrorMessage(notFound(info, name)));
    }
    return out;
  }
  if (args.length === 0) throw new CommandError(`error: ${NO_RESOURCES}`);
  let requests;
  try {
    requests = resolveResourceArgs(args);
  } catch (error) {
    if (error instanceof ResourceError) throw new CommandError(`error: ${error.message}`);
    throw error;
  }
  for (const r of requests) {
    const ns = r.info.namespaced ? (opts.allNamespaces && r.names.length === 0 ? undefined : s.namespace) : undefined;
    if (r.names.length > 0) {
      if (opts.selector) throw new CommandError("error: name cannot be provided when a selector is specified");
      for (const name of r.names) {
        const object = s.api.tryGet(r.info, ns, name);
        if (object) out.push({ info: r.info, namespace: ns, name, object });
        else if (!opts.ignoreNotFound) s.output.err(apiErrorMessage(notFound(r.info, name)));
      }
    } else if (opts.all || opts.selector !== undefined) {
      const labelSelector = opts.selector !== undefined ? parseLabelSelector(opts.selector) : undefined;
      for (const o of s.api.list(r.info, ns, { labelSelector })) {
        out.push({ info: r.info, namespace: o.metadata.namespace, name: o.metadata.name, object: o });
      }
    } else {
      throw new CommandError("error: resource(s) were provided, but no name was specified");
    }
  }
  return out;
}

export type DryRun = "none" | "client" | "server";

/** cmdutil.GetDryRunStrategy. */
export function dryRunStrategy(s: Session): DryRun {
  const value = s.flag<string | undefined>("dry-run");
  if (value === undefined || value === "none") return "none";
  if (value === "client" || value === "server") return value;
  if (value === "unchanged") return "client";
  throw new CommandError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** The " (dry run)" / " (server dry run)" suffix of the name printer. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
}

/** The set of -o values a mutating command accepts ("" for the default name+operation line). */
export function printChanged(s: Session, obj: KubeObject, operation: string, dryRun: DryRun = "none") {
  const output = s.flag<string | undefined>("output");
  if (!output) {
    s.output.out(`${formatName(obj, operation + dryRunSuffix(dryRun))}\n`);
    return;
  }
  const printed = printObjects([obj], output, { asList: false });
  s.output.out(printed.stdout);
  if (printed.stderr) s.output.err(printed.stderr, printed.exitCode || 1);
}

/** "deployments.apps", "pods": how kubectl names a resource in messages. */
export function resourceString(info: ResourceInfo): string {
  return qualifiedResource(info);
}

/**
 * What the API server answers a dry-run create (server-side dry run does not persist): the
 * object as the server would return it, or the error it would raise.
 */
export function createOrDryRun(s: Session, obj: KubeObject, namespace: string | undefined, dryRun: DryRun): KubeObject {
  if (dryRun === "client") return obj;
  return s.api.create(obj, namespace, { dryRun: dryRun === "server" });
}

/** Go's time.ParseDuration, in milliseconds; undefined when the text is not a duration. */
export function parseGoDuration(text: string): number | undefined {
  if (text === "0") return 0;
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!m) return undefined;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const part of text.replace(/^[-+]/, "").matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * units[part[2]!]!;
  return m[1] === "-" ? -total : total;
}

/** A duration flag's value, with pflag's error for a bad one. */
export function durationFlag(s: Session, flag: string, command: string, fallback: number): number {
  const raw = s.flag<string | undefined>(flag);
  if (raw === undefined) return fallback;
  const ms = parseGoDuration(raw);
  if (ms === undefined) throw new CommandError(`error: invalid argument "${raw}" for "--${flag}" flag: time: invalid duration "${raw}"\nSee 'kubectl ${command} --help' for usage.`);
  return ms;
}

/** cobra's check of flags marked required. */
export function requireFlags(s: Session, names: string[]) {
  const missing = names.filter((n) => !s.parsed.set.has(n));
  if (missing.length) throw new CommandError(`error: required flag(s) ${missing.map((n) => `"${n}"`).join(", ")} not set`);
}

/** Turns an API error into kubectl's text, optionally wrapped ("failed to create deployment: ..."). */
export function apiFailure(error: unknown, wrap?: string): never {
  if (error instanceof ApiError) {
    if (wrap) throw new CommandError(`error: ${wrap}${error.message}`);
    throw new CommandError(apiErrorMessage(error));
  }
  throw error;
}

export const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** cobra's ArgsLenAtDash: how many positional arguments came before `--` (-1 without one). */
export function argsLenAtDash(s: Session, flags: FlagSpec[], skip = 1): number {
  const raw = s.ctx.args.slice(skip);
  const dash = raw.indexOf("--");
  if (dash < 0) return -1;
  try {
    return parseArgs(raw.slice(0, dash), flags).args.length;
  } catch {
    return -1;
  }
}
