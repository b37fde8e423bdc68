// kubectl set image, set env and set resources: change the pod template (or a pod's spec) and
// send the change as a patch; objects whose spec does not change are skipped silently, as kubectl
// does.
import { clone, type StoredObject } from "../../api/types";
import { ApiError } from "../../apiserver/errors";
import { resourceForKind } from "../../apiserver/registry";
import { formatQuantity, parseQuantity, QuantityError } from "../../apiserver/validation/quantity";
import { canonicalJson } from "../../controllers/util";
import { checkManifest, readManifests } from "./manifests";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import type { Session } from "./session";
import { CommandError, dryRunStrategy, printChanged, resolveTargets, runGuarded, type Target } from "./targets";

export const SET_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "all", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "local", kind: "bool" },
  { name: "dry-run", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "record", kind: "bool" },
  { name: "containers", short: "c", kind: "string" },
  { name: "list", kind: "bool" },
  { name: "overwrite", kind: "bool", default: true },
  { name: "env", short: "e", kind: "stringArray" },
  { name: "limits", kind: "string" },
  { name: "requests", kind: "string" },
  { name: "field-manager", kind: "string" },
  { name: "allow-missing-template-keys", kind: "bool" },
  { name: "show-managed-fields", kind: "bool" },
  { name: "template", kind: "string" },
];

interface Container {
  name: string;
  image?: string;
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
}

/** UpdatePodSpecForObject: the pod spec inside an object, or undefined for kinds without one. */
export function podSpecOf(obj: StoredObject): { containers?: Container[]; initContainers?: Container[] } | undefined {
  switch (obj.kind) {
    case "Pod":
      return obj.spec;
    case "Deployment":
    case "ReplicaSet":
    case "DaemonSet":
    case "StatefulSet":
    case "Job":
    case "ReplicationController":
      return obj.spec?.template?.spec;
    case "CronJob":
      return obj.spec?.jobTemplate?.spec?.template?.spec;
    default:
      return undefined;
  }
}

/** cmdutil.GetResourcesAndPairs: resources first, then KEY=VALUE (or KEY-) pairs. */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    const isPair = (a.includes("=") && a[0] !== "=") || (a.endsWith("-") && a !== "-");
    if (isPair) pairs.push(a);
    else if (pairs.length) throw new CommandError(`error: all resources must be specified before ${pairType} changes: ${a}`);
    else resources.push(a);
  }
  return { resources, pairs };
}

/** cmdutil.ParsePairs. */
export function parsePairs(pairs: string[], pairType: string, supportRemove: boolean): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes("=") && p[0] !== "=") set.set(p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1));
    else if (supportRemove && p.endsWith("-") && p !== "-") remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length) throw new CommandError(`error: invalid ${pairType} format: ${invalid.join(", ")}`);
  return { set, remove };
}

const GO_TYPES: Record<string, string> = { Service: "*v1.Service", ConfigMap: "*v1.ConfigMap", Secret: "*v1.Secret", Namespace: "*v1.Namespace", Node: "*v1.Node", ServiceAccount: "*v1.ServiceAccount", Endpoints: "*v1.Endpoints" };

/** resource.LocalResourceError: --local takes its objects from files only. */
const LOCAL_RESOURCE_ERROR = `error: you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

/** The objects named by -f with --local: what the files say, nothing read from the server. */
function localTargets(s: Session): Target[] {
  const out: Target[] = [];
  for (const m of readManifests(s.ctx, s.flag<string[] | undefined>("filename") ?? [])) {
    const problem = checkManifest(m);
    if (problem) throw new CommandError(`error: ${problem}`);
    const info = resourceForKind(m.object.kind, m.object.apiVersion);
    if (!info) throw new CommandError(`error: no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"`);
    const namespace = info.namespaced ? m.object.metadata?.namespace || s.namespace : undefined;
    out.push({ info, namespace, name: m.object.metadata?.name ?? "", object: m.object as StoredObject });
  }
  return out;
}

/** The objects a set command works on: the builder's, or with --local the files' own. */
function setTargets(s: Session): Target[] {
  if (s.flag("local")) {
    if (s.parsed.args.length > 0) throw new CommandError(LOCAL_RESOURCE_ERROR);
    return localTargets(s);
  }
  return resolveTargets(s, s.parsed.args, { all: Boolean(s.flag("all")), selector: s.flag<string | undefined>("selector"), files: s.flag<string[] | undefined>("filename") });
}

type PodSpec = NonNullable<ReturnType<typeof podSpecOf>>;

/**
 * Applies `change` to each target's pod spec and writes the objects that changed. `failure` is
 * how the command words a rejected patch ("failed to patch image update to pod template: ").
 */
function updatePodSpecs(s: Session, operation: string, failure: string, change: (spec: PodSpec, errors: string[]) => void, targets = setTargets(s)) {
  const dryRun = dryRunStrategy(s);
  const local = Boolean(s.flag("local"));
  const errors: string[] = [];
  for (const t of targets) {
    const next = clone(t.object);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(`error: ${t.info.resource}/${t.name} the object is not a pod or does not have a pod template: ${GO_TYPES[t.info.kind] ?? `*v1.${t.info.kind}`}`);
      continue;
    }
    const before = canonicalJson(t.object);
    change(spec, errors);
    if (canonicalJson(next) === before) continue;
    if (local || dryRun === "client") {
      printChanged(s, next, operation, dryRun);
      continue;
    }
    try {
      const updated = dryRun === "server" ? s.api.update(next, { dryRun: true }) : s.api.update(next);
      printChanged(s, updated, operation, dryRun);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // fmt.Errorf("failed to patch ...%v", err): the Status message as the server sent it.
      errors.push(`error: ${failure}${error.message}`);
    }
  }
  for (const e of errors) s.output.err(e);
}

function runSetImage(s: Session) {
  const { resources, pairs } = resourcesAndPairs(s.parsed.args.slice(1), "image");
  const files = s.flag<string[] | undefined>("filename") ?? [];
  const problems: string[] = [];
  if (s.flag("all") && s.flag("selector") !== undefined) problems.push("cannot set --all and --selector at the same time");
  if (resources.length < 1 && files.length === 0) problems.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
  const { set: images } = parsePairs(pairs, "image", false);
  if (images.size < 1) problems.push("at least one image update is required");
  else if (images.size > 1 && images.has("*")) problems.push("all containers are already specified by *, but saw more than one container_name=container_image pairs");
  if (problems.length === 1) throw new CommandError(`error: ${problems[0]}`);
  if (problems.length > 1) throw new CommandError(`error: [${problems.join(", ")}]`);
  s.parsed.args.splice(0, s.parsed.args.length, ...resources);
  updatePodSpecs(s, "image updated", "failed to patch image update to pod template: ", (spec, errors) => {
    for (const [name, image] of images) {
      let found = false;
      for (const list of [spec.initContainers ?? [], spec.containers ?? []]) {
        for (const c of list) {
          if (name === "*" || c.name === name) {
            c.image = image;
            found = true;
          }
        }
      }
      if (!found) errors.push(`error: unable to find container named "${name}"`);
    }
  });
}

function runSetEnv(s: Session) {
  const { resources, pairs } = resourcesAndPairs(s.parsed.args.slice(1), "env");
  const extra = s.flag<string[] | undefined>("env") ?? [];
  const files = s.flag<string[] | undefined>("filename") ?? [];
  if (resources.length < 1 && files.length === 0) throw new CommandError("error: one or more resources must be specified as <resource> <name> or <resource>/<name>");
  const { set, remove } = parsePairs([...pairs, ...extra], "environment variable", true);
  for (const name of set.keys()) {
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new CommandError(`error: invalid environment variable name: ${name}`);
  }
  const only = s.flag<string | undefined>("containers") ?? "*";
  s.parsed.args.splice(0, s.parsed.args.length, ...resources);
  if (s.flag("list")) {
    for (const t of resolveTargets(s, resources, { all: Boolean(s.flag("all")), selector: s.flag<string | undefined>("selector") })) {
      const spec = podSpecOf(t.object);
      for (const c of spec?.containers ?? []) {
        if (only !== "*" && c.name !== only) continue;
        s.output.out(`# ${t.info.kind.toLowerCase()}s/${t.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) s.output.out(e.valueFrom ? `# ${e.name} from a reference\n` : `${e.name}=${e.value ?? ""}\n`);
      }
    }
    return;
  }
  if (set.size === 0 && remove.length === 0) throw new CommandError("error: at least one environment variable must be provided");
  updatePodSpecs(s, "env updated", "failed to patch env update to pod template: ", (spec) => {
    for (const c of spec.containers ?? []) {
      if (only !== "*" && c.name !== only) continue;
      let env = [...(c.env ?? [])];
      for (const [name, value] of set) {
        const i = env.findIndex((e) => e.name === name);
        if (i >= 0) env[i] = { name, value };
        else env.push({ name, value });
      }
      env = env.filter((e) => !remove.includes(e.name));
      if (env.length) c.env = env;
      else delete c.env;
    }
  });
}


/** generateversioned.populateResourceListV1: "cpu=100m,memory=256Mi", quantities canonical. */
function resourceList(spec: string): Record<string, string> | undefined {
  if (spec === "") return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2) throw new CommandError(`error: Invalid argument syntax ${statement}, expected <resource>=<value>`);
    try {
      out[parts[0]!] = formatQuantity(parseQuantity(parts[1]!));
    } catch (error) {
      if (error instanceof QuantityError) throw new CommandError(`error: ${error.message}`);
      throw error;
    }
  }
  return out;
}

/** path.Match for container names: `*`, `?`, `[...]` classes and `\` escapes; a bad pattern matches nothing. */
function containerPattern(pattern: string): RegExp {
  const never = /$^/;
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) return never;
      const body = pattern.slice(i + 1, end);
      const negated = body.startsWith("^");
      const inner = (negated ? body.slice(1) : body).replace(/[\\\]^[]/g, "\\$&");
      if (inner === "") return never;
      re += `[${negated ? "^/" : ""}${inner}]`;
      i = end;
    } else if (c === "\\") {
      if (i + 1 >= pattern.length) return never;
      re += escape(pattern[++i]!);
    } else re += escape(c);
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return never;
  }
}

function runSetResources(s: Session) {
  s.parsed.args.splice(0, 1);
  const dryRun = dryRunStrategy(s);
  const local = Boolean(s.flag("local"));
  // Complete: the objects first (a missing one ends the command before any flag is looked at).
  const targets = setTargets(s);
  // Validate.
  if (local && dryRun === "server") throw new CommandError("error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?");
  if (s.flag("all") && (s.flag<string | undefined>("selector") ?? "") !== "") throw new CommandError("error: cannot set --all and --selector at the same time");
  const limitsText = s.flag<string | undefined>("limits") ?? "";
  const requestsText = s.flag<string | undefined>("requests") ?? "";
  if (limitsText === "" && requestsText === "") throw new CommandError("error: you must specify an update to requests or limits (in the form of --requests/--limits)");
  const limits = resourceList(limitsText);
  const requests = resourceList(requestsText);
  const selector = s.flag<string | undefined>("containers") ?? "*";
  const matches = containerPattern(selector);
  updatePodSpecs(
    s,
    "resource requirements updated",
    "failed to patch resources update to pod template ",
    (spec, errors) => {
      const selected = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].filter((c) => matches.test(c.name));
      if (selected.length === 0) {
        errors.push(`error: unable to find container named ${selector}`);
        return;
      }
      for (const c of selected) {
        const resources = (c.resources ??= {});
        if (limits) resources.limits = { ...(resources.limits ?? {}), ...limits };
        if (requests) resources.requests = { ...(resources.requests ?? {}), ...requests };
      }
    },
    targets,
  );
}

const SET_HELP = `Configure application resources.

 These commands help you make changes to existing application resources.

Available Commands:
  env              Update environment variables on a pod template
  image            Update the image of a pod template
  resources        Update resource requests/limits on objects with pod templates
  selector         Set the selector on a resource
  serviceaccount   Update the service account of a resource
  subject          Update the user, group, or service account in a role binding or cluster role binding

Usage:
  kubectl set SUBCOMMAND [options]

Use "kubectl set <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export function runSet(s: Session) {
  runGuarded(s, () => {
    const [sub] = s.parsed.args;
    if (sub === "image") return runSetImage(s);
    if (sub === "env") return runSetEnv(s);
    if (sub === "resources") return runSetResources(s);
    if (sub === undefined) throw new CommandError(SET_HELP);
    if (["selector", "serviceaccount", "sa", "subject"].includes(sub)) throw new CommandError(`error: kubectl set ${sub} is not available in this terminal`);
    throw new CommandError(`error: unknown command "${s.parsed.args.join(" ")}"\nSee 'kubectl set -h' for help and examples`);
  });
}
