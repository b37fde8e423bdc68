// kubectl config (k8s.io/kubectl/pkg/cmd/config): view, get-contexts, current-context,
// use-context, set-context, get-clusters, get-users. Works on the kubeconfig file of the host,
// with no API server involved; changes are written back the way clientcmd writes them.
import { parse as parseYaml } from "yaml";
import { actorFor, readFile, writeFile } from "../../hosts/fs";
import { evaluateJsonPath, JsonPathError, KUBECTL_TABLE, tabulate, toYaml, type JsonValue } from "./format";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { kubeconfigPath, type KubeconfigFile } from "./kubeconfig";
import type { Session } from "./session";

export const CONFIG_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "output", short: "o", kind: "string" },
  { name: "minify", kind: "bool" },
  { name: "raw", kind: "bool" },
  { name: "flatten", kind: "bool" },
  { name: "merge", kind: "string" },
  { name: "no-headers", kind: "bool" },
  { name: "current", kind: "bool" },
  { name: "cluster", kind: "string" },
  { name: "user", kind: "string" },
];

type Named<T> = { name: string } & T;
type Cluster = Named<{ cluster: Record<string, JsonValue> }>;
type Context = Named<{ context: { cluster?: string; user?: string; namespace?: string } & Record<string, JsonValue> }>;
type User = Named<{ user: Record<string, JsonValue> }>;

interface Loaded {
  path: string;
  exists: boolean;
  clusters: Cluster[];
  contexts: Context[];
  users: User[];
  currentContext: string;
  preferences: Record<string, JsonValue>;
}

class ConfigError extends Error {}

function load(s: Session): Loaded {
  const path = kubeconfigPath(s.ctx, s.flag<string | undefined>("kubeconfig"));
  const read = readFile(s.ctx.host.fs, path, actorFor(s.ctx.host, s.ctx.user));
  let file: KubeconfigFile = {};
  if (read.ok) {
    try {
      file = (parseYaml(read.value) ?? {}) as KubeconfigFile;
    } catch {
      throw new ConfigError(`error loading config file "${path}": yaml: line 1: did not find expected key`);
    }
  } else if (s.flag<string | undefined>("kubeconfig")) {
    throw new ConfigError(`stat ${path}: no such file or directory`);
  }
  const byName = <T extends { name: string }>(list: T[] | undefined) => [...(list ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    path,
    exists: read.ok,
    clusters: byName(file.clusters as Cluster[] | undefined),
    contexts: byName(file.contexts as Context[] | undefined),
    users: byName(file.users as User[] | undefined),
    currentContext: file["current-context"] ?? "",
    preferences: (file.preferences ?? {}) as Record<string, JsonValue>,
  };
}

/** clientcmd's serialization: v1.Config through JSON, so YAML keys come out sorted. */
function toV1(c: Loaded): Record<string, JsonValue> {
  return {
    kind: "Config",
    apiVersion: "v1",
    preferences: c.preferences,
    clusters: c.clusters.length ? (c.clusters.map((x) => ({ name: x.name, cluster: x.cluster })) as JsonValue) : null,
    users: c.users.length ? (c.users.map((x) => ({ name: x.name, user: x.user })) as JsonValue) : null,
    contexts: c.contexts.length ? (c.contexts.map((x) => ({ name: x.name, context: x.context })) as JsonValue) : null,
    "current-context": c.currentContext,
  };
}

function save(s: Session, c: Loaded) {
  const result = writeFile(s.ctx.host.fs, c.path, toYaml(toV1(c)), actorFor(s.ctx.host, s.ctx.user), s.now());
  if (!result.ok) throw new ConfigError(`open ${c.path}: permission denied`);
}

// ---- view ----

/** ShortenConfig: certificate and key data omitted, tokens redacted. */
function shorten(c: Loaded): Loaded {
  return {
    ...c,
    clusters: c.clusters.map((x) => ({ ...x, cluster: x.cluster["certificate-authority-data"] ? { ...x.cluster, "certificate-authority-data": "DATA+OMITTED" } : x.cluster })),
    users: c.users.map((x) => {
      const user = { ...x.user };
      if (user["client-certificate-data"]) user["client-certificate-data"] = "DATA+OMITTED";
      if (user["client-key-data"]) user["client-key-data"] = "DATA+OMITTED";
      if (user.token) user.token = "REDACTED";
      return { ...x, user };
    }),
  };
}

/** MinifyConfig: only the current context, its cluster and its user. */
function minify(c: Loaded, contextOverride: string | undefined): Loaded {
  const current = contextOverride || c.currentContext;
  if (!current) throw new ConfigError("current-context must exist in order to minify");
  const ctx = c.contexts.find((x) => x.name === current);
  if (!ctx) throw new ConfigError(`cannot locate context ${current}`);
  const clusterName = ctx.context.cluster ?? "";
  const userName = ctx.context.user ?? "";
  const clusters = clusterName ? c.clusters.filter((x) => x.name === clusterName) : [];
  if (clusterName && clusters.length === 0) throw new ConfigError(`cannot locate cluster ${clusterName}`);
  const users = userName ? c.users.filter((x) => x.name === userName) : [];
  if (userName && users.length === 0) throw new ConfigError(`cannot locate user ${userName}`);
  return { ...c, currentContext: current, contexts: [ctx], clusters, users };
}

const pick = (obj: Record<string, JsonValue>, order: string[]) => {
  const out: Record<string, JsonValue> = {};
  for (const k of order) if (obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out)) out[k] = obj[k]!;
  return out;
};
const CLUSTER_ORDER = ["server", "tls-server-name", "insecure-skip-tls-verify", "certificate-authority", "certificate-authority-data", "proxy-url", "disable-compression", "extensions"];
const USER_ORDER = ["client-certificate", "client-certificate-data", "client-key", "client-key-data", "token", "tokenFile", "as", "as-uid", "as-groups", "as-user-extra", "username", "password", "auth-provider", "exec", "extensions"];
const CONTEXT_ORDER = ["cluster", "user", "namespace", "extensions"];

/** JSON as the kubectl printer writes a v1.Config: struct field order, four-space indent. */
function viewJson(c: Loaded): string {
  const list = <T>(items: T[]) => (items.length ? items : null);
  const ordered = {
    kind: "Config",
    apiVersion: "v1",
    preferences: c.preferences,
    clusters: list(c.clusters.map((x) => ({ name: x.name, cluster: pick(x.cluster, CLUSTER_ORDER) }))),
    users: list(c.users.map((x) => ({ name: x.name, user: pick(x.user, USER_ORDER) }))),
    contexts: list(c.contexts.map((x) => ({ name: x.name, context: pick(x.context, CONTEXT_ORDER) }))),
    "current-context": c.currentContext,
  };
  return `${JSON.stringify(ordered, null, 4)}\n`;
}

function runView(s: Session, c: Loaded) {
  let view = c;
  if (s.flag("minify")) view = minify(view, s.flag<string | undefined>("context"));
  if (!s.flag("raw") && !s.flag("flatten")) view = shorten(view);
  const output = s.flag<string | undefined>("output") ?? "yaml";
  if (output === "yaml") return s.output.out(toYaml(toV1(view)));
  if (output === "json") return s.output.out(viewJson(view));
  const jp = /^jsonpath(?:-as-json)?=(.*)$/s.exec(output);
  if (jp) {
    try {
      const value = JSON.parse(viewJson(view)) as JsonValue;
      s.output.out(evaluateJsonPath(jp[1]!, value));
    } catch (error) {
      if (error instanceof JsonPathError) return s.output.err(`error: ${error.message}`);
      throw error;
    }
    return;
  }
  if (output === "name") return s.output.out("config/\n");
  s.output.err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`);
}

// ---- the rest ----

function runGetContexts(s: Session, c: Loaded, names: string[]) {
  let output = s.flag<string | undefined>("output") ?? "";
  const valid = ["", "json", "yaml", "wide", "name", "custom-columns", "custom-columns-file", "go-template", "go-template-file", "jsonpath", "jsonpath-file"];
  if (!valid.includes(output)) return s.output.err(`error: output must be one of '' or 'name': ${output}`);
  if (output !== "" && output !== "name") {
    s.output.out(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format\n`);
    output = "";
  }
  const nameOnly = output === "name";
  const errors: string[] = [];
  const toPrint = names.length ? names.filter((n) => c.contexts.some((x) => x.name === n) || (errors.push(`context ${n} not found`), false)) : c.contexts.map((x) => x.name);
  let text = !nameOnly && !s.flag("no-headers") ? "CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n" : "";
  for (const name of [...toPrint].sort()) {
    const ctx = c.contexts.find((x) => x.name === name)!.context;
    text += nameOnly ? `${name}\n` : `${name === c.currentContext ? "*" : " "}\t${name}\t${ctx.cluster ?? ""}\t${ctx.user ?? ""}\t${ctx.namespace ?? ""}\n`;
  }
  s.output.out(tabulate(text, KUBECTL_TABLE));
  if (errors.length) s.output.err(`error: ${errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`}`);
}

function runSetContext(s: Session, c: Loaded, args: string[]) {
  const current = Boolean(s.flag("current"));
  if (args.length !== 1 && !current) throw new ConfigError(`Unexpected args: [${args.join(" ")}]`);
  if (current && args.length > 0) throw new ConfigError("you cannot specify both a context name and --current");
  let name = args[0] ?? "";
  if (current) {
    if (!c.currentContext) throw new ConfigError("no current context is set");
    name = c.currentContext;
  }
  const existing = c.contexts.find((x) => x.name === name);
  const context = { ...(existing?.context ?? {}) };
  if (s.parsed.set.has("cluster")) context.cluster = s.flag<string>("cluster");
  if (s.parsed.set.has("user")) context.user = s.flag<string>("user");
  if (s.parsed.set.has("namespace")) context.namespace = s.flag<string>("namespace");
  for (const key of ["cluster", "user", "namespace"] as const) if (context[key] === "") delete context[key];
  const contexts = c.contexts.filter((x) => x.name !== name).concat({ name, context });
  contexts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  save(s, { ...c, contexts });
  s.output.out(existing ? `Context "${name}" modified.\n` : `Context "${name}" created.\n`);
}

export function runConfig(s: Session) {
  const out = s.output;
  const [sub, ...args] = s.parsed.args;
  let c: Loaded;
  try {
    c = load(s);
    switch (sub) {
      case "view":
        return runView(s, c);
      case "get-contexts":
        return runGetContexts(s, c, args);
      case "current-context":
        if (!c.currentContext) return out.err("error: current-context is not set");
        return out.out(`${c.currentContext}\n`);
      case "use-context":
      case "use": {
        if (args.length !== 1) throw new ConfigError(`Unexpected args: [${args.join(" ")}]`);
        const name = args[0]!;
        if (!name) throw new ConfigError("empty context names are not allowed");
        if (!c.contexts.some((x) => x.name === name)) throw new ConfigError(`no context exists with the name: "${name}"`);
        save(s, { ...c, currentContext: name });
        return out.out(`Switched to context "${name}".\n`);
      }
      case "set-context":
        return runSetContext(s, c, args);
      case "get-clusters":
        return out.out(`NAME\n${c.clusters.map((x) => `${x.name}\n`).join("")}`);
      case "get-users":
        return out.out(`NAME\n${c.users.map((x) => `${x.name}\n`).join("")}`);
      case undefined:
        // DefaultSubCommandRun: the help, on stderr, and exit 1.
        return out.err(CONFIG_HELP);
      default:
        return out.err(`error: unknown command "${s.parsed.args.join(" ")}"\nSee 'kubectl config -h' for help and examples`);
    }
  } catch (error) {
    if (error instanceof ConfigError) return out.err(`error: ${error.message}`);
    throw error;
  }
}

const CONFIG_HELP = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.

Available Commands:
  current-context   Display the current-context
  delete-cluster    Delete the specified cluster from the kubeconfig
  delete-context    Delete the specified context from the kubeconfig
  delete-user       Delete the specified user from the kubeconfig
  get-clusters      Display clusters defined in the kubeconfig
  get-contexts      Describe one or many contexts
  get-users         Display users defined in the kubeconfig
  rename-context    Rename a context from the kubeconfig file
  set               Set an individual value in a kubeconfig file
  set-cluster       Set a cluster entry in kubeconfig
  set-context       Set a context entry in kubeconfig
  set-credentials   Set a user entry in kubeconfig
  unset             Unset an individual value in a kubeconfig file
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file

Usage:
  kubectl config SUBCOMMAND [options]

Use "kubectl config <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
