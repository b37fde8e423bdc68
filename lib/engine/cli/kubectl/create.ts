// kubectl create: -f (shared with apply/replace) and the imperative generators (namespace,
// deployment, service, configmap, secret generic, job, serviceaccount), building the objects
// exactly as kubectl's generators do: the typed Go structs' zero values show up in dry-run
// output as `creationTimestamp: null`, `resources: {}`, `strategy: {}` and `status: {}`.
import type { KubeObject } from "../../api/types";
import { absolutePath, actorFor, childrenOf, isDir, readFile, stat } from "../../hosts/fs";
import { FlagError, GLOBAL_FLAGS, parseArgs, type FlagSpec } from "./args";
import { LAST_APPLIED, lastAppliedValue, runManifestCommand } from "./apply";
import { resourceForKind } from "../../apiserver/registry";
import type { Session } from "./session";
import { apiFailure, CommandError, createOrDryRun, dryRunStrategy, printChanged, requireFlags, runGuarded, usageError } from "./targets";

const PRINT_FLAGS: FlagSpec[] = [
  { name: "output", short: "o", kind: "string" },
  { name: "dry-run", kind: "string" },
  { name: "save-config", kind: "bool" },
  { name: "validate", kind: "string" },
  { name: "field-manager", kind: "string" },
  { name: "allow-missing-template-keys", kind: "bool" },
  { name: "show-managed-fields", kind: "bool" },
  { name: "template", kind: "string" },
];

/** Flags of each generator (besides the global and printing ones). */
const GENERATOR_FLAGS: Record<string, FlagSpec[]> = {
  namespace: [],
  deployment: [
    { name: "image", kind: "stringArray" },
    { name: "port", kind: "int", default: -1 },
    { name: "replicas", short: "r", kind: "int", default: 1 },
  ],
  clusterip: [
    { name: "tcp", kind: "stringArray" },
    { name: "clusterip", kind: "string" },
  ],
  nodeport: [
    { name: "tcp", kind: "stringArray" },
    { name: "node-port", kind: "int", default: 0 },
  ],
  loadbalancer: [{ name: "tcp", kind: "stringArray" }],
  externalname: [
    { name: "tcp", kind: "stringArray" },
    { name: "external-name", kind: "string" },
  ],
  configmap: [
    { name: "from-literal", kind: "stringArray" },
    { name: "from-file", kind: "stringArray" },
    { name: "from-env-file", kind: "stringArray" },
    { name: "append-hash", kind: "bool" },
  ],
  generic: [
    { name: "from-literal", kind: "stringArray" },
    { name: "from-file", kind: "stringArray" },
    { name: "from-env-file", kind: "stringArray" },
    { name: "type", kind: "string" },
    { name: "append-hash", kind: "bool" },
  ],
  job: [
    { name: "image", kind: "string" },
    { name: "from", kind: "string" },
  ],
  serviceaccount: [],
};

const ALIASES: Record<string, string> = { ns: "namespace", deploy: "deployment", svc: "service", cm: "configmap", sa: "serviceaccount" };

/** Every flag any form of `kubectl create` takes, so the first parse accepts them all. */
export const CREATE_FLAGS: FlagSpec[] = (() => {
  const all = new Map<string, FlagSpec>();
  for (const f of [...GLOBAL_FLAGS, ...PRINT_FLAGS, { name: "filename", short: "f", kind: "stringArray" } as FlagSpec, { name: "recursive", short: "R", kind: "bool" } as FlagSpec, { name: "selector", short: "l", kind: "string" } as FlagSpec, { name: "edit", kind: "bool" } as FlagSpec, { name: "raw", kind: "string" } as FlagSpec]) all.set(f.name, f);
  for (const list of Object.values(GENERATOR_FLAGS)) for (const f of list) if (!all.has(f.name)) all.set(f.name, f);
  return [...all.values()];
})();

export function runCreate(s: Session) {
  const [sub] = s.parsed.args;
  const files = s.flag<string[] | undefined>("filename") ?? [];
  if (sub === undefined || files.length > 0) {
    if (files.length === 0) {
      s.output.err(`Error: must specify one of -f and -k\n\n${CREATE_HELP}`);
      return;
    }
    if (s.parsed.args.length > 0) {
      s.output.err(`error: Unexpected args: [${s.parsed.args.join(" ")}]\nSee 'kubectl create -h' for help and examples`);
      return;
    }
    runManifestCommand(s, "create");
    return;
  }
  runGuarded(s, () => {
    const name = ALIASES[sub] ?? sub;
    if (name === "service" || name === "secret") {
      const kind = s.parsed.args[1];
      const table = name === "service" ? ["clusterip", "nodeport", "loadbalancer", "externalname"] : ["generic"];
      if (kind === undefined || !table.includes(kind)) {
        if (kind !== undefined && !(name === "secret" && (kind === "tls" || kind === "docker-registry"))) {
          throw new CommandError(`error: unknown command "${kind}"\nSee 'kubectl create ${name} -h' for help and examples`);
        }
        throw new CommandError(kind === undefined ? (name === "service" ? SERVICE_HELP : SECRET_HELP) : `error: kubectl create secret ${kind} is not supported in this terminal`);
      }
      reparse(s, `create ${name} ${kind}`, GENERATOR_FLAGS[kind]!, 2);
      if (name === "service") createService(s, kind);
      else createSecret(s);
      return;
    }
    const flags = GENERATOR_FLAGS[name];
    if (!flags) throw new CommandError(`Error: must specify one of -f and -k\n\nerror: unknown command "${s.parsed.args.join(" ")}"\nSee 'kubectl create -h' for help and examples`);
    reparse(s, `create ${name}`, flags, 1);
    GENERATORS[name]!(s);
  });
}

/** Parses the arguments again with the generator's own flags (pflag rejects the others). */
function reparse(s: Session, path: string, flags: FlagSpec[], skip: number) {
  const raw = [...s.ctx.args.slice(1)];
  // Drop the subcommand words (the first `skip` positional arguments).
  let dropped = 0;
  const argv: string[] = [];
  const specs = [...GLOBAL_FLAGS, ...PRINT_FLAGS, ...flags];
  const byName = new Map(specs.map((f) => [f.name, f]));
  const byShort = new Map(specs.filter((f) => f.short).map((f) => [f.short!, f]));
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i]!;
    if (a === "--") {
      argv.push(...raw.slice(i));
      break;
    }
    if (dropped < skip && !a.startsWith("-")) {
      dropped++;
      continue;
    }
    argv.push(a);
    // A flag's separate value is not a positional argument.
    const spec = a.startsWith("--") ? byName.get(a.slice(2)) : a.length === 2 && a.startsWith("-") ? byShort.get(a[1]!) : undefined;
    if (spec && spec.kind !== "bool" && !a.includes("=") && i + 1 < raw.length) argv.push(raw[++i]!);
  }
  try {
    const parsed = parseArgs(argv, specs);
    s.parsed.args.splice(0, s.parsed.args.length, ...parsed.args);
    Object.assign(s.parsed.flags, parsed.flags);
    for (const k of parsed.set) s.parsed.set.add(k);
    (s.parsed as { dashAt?: number }).dashAt = argv.includes("--") ? parseArgs(argv.slice(0, argv.indexOf("--")), specs).args.length : -1;
  } catch (error) {
    if (error instanceof FlagError) throw new CommandError(`error: ${error.message}\nSee 'kubectl ${path} --help' for usage.`);
    throw error;
  }
}

/** NameFromCommandArgs: exactly one NAME before any `--`. */
function nameArg(s: Session, path: string): string {
  const dashAt = (s.parsed as { dashAt?: number }).dashAt ?? -1;
  const count = dashAt >= 0 ? dashAt : s.parsed.args.length;
  if (count !== 1) throw usageError(path, `exactly one NAME is required, got ${count}`);
  return s.parsed.args[0]!;
}

/** The namespace a generator writes into the object: only an explicit -n (EnforceNamespace). */
function enforcedNamespace(s: Session): string | undefined {
  return s.parsed.set.has("namespace") ? s.namespace : undefined;
}

function withSaveConfig(s: Session, obj: KubeObject): KubeObject {
  if (!s.flag("save-config")) return obj;
  const info = resourceForKind(obj.kind)!;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedValue(obj, info, undefined) };
  return obj;
}

/** Sends a generated object (unless client dry-run) and prints it as `kubectl create` does. */
function finish(s: Session, obj: KubeObject, wrap?: string) {
  const dryRun = dryRunStrategy(s);
  withSaveConfig(s, obj);
  const ns = resourceForKind(obj.kind)?.namespaced ? s.namespace : undefined;
  let result: KubeObject;
  try {
    result = createOrDryRun(s, obj, ns, dryRun);
  } catch (error) {
    apiFailure(error, wrap);
  }
  if (dryRun === "client") {
    const enforced = enforcedNamespace(s);
    if (enforced && ns) result = { ...result, metadata: { ...result.metadata, namespace: enforced } };
  }
  printChanged(s, result, "created", dryRun);
}

/** ObjectMeta as the typed structs marshal it: creationTimestamp is always there. */
function meta(name: string, s: Session, extra: Record<string, unknown> = {}) {
  const ns = enforcedNamespace(s);
  return { creationTimestamp: null as unknown as string, ...extra, name, ...(ns ? { namespace: ns } : {}) };
}

// ---- namespace ----

function createNamespace(s: Session) {
  const name = nameArg(s, "create namespace");
  finish(s, { apiVersion: "v1", kind: "Namespace", metadata: { creationTimestamp: null as unknown as string, name }, spec: {}, status: {} });
}

// ---- deployment ----

/** The container name kubectl derives from an image: last path part, no tag or digest. */
export function containerNameFor(image: string, random: () => string): string {
  let name = image.split("/").pop() ?? image;
  if (name.includes(":")) name = name.split(":")[0]!;
  if (name.includes("@")) name = name.split("@")[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/_/g, "-").replace(/\./g, "-")}-${random()}`;
  return name;
}

function createDeployment(s: Session) {
  requireFlags(s, ["image"]);
  const name = nameArg(s, "create deployment");
  const images = (s.flag<string[]>("image") ?? []).flatMap((i) => i.split(","));
  const dashAt = (s.parsed as { dashAt?: number }).dashAt ?? -1;
  const command = dashAt >= 0 ? s.parsed.args.slice(1) : [];
  if (images.length > 1 && command.length > 0) throw new CommandError("error: cannot specify multiple --image options and command");
  const labels = { app: name };
  const random = () => s.ctx.world.random.string("bcdfghjklmnpqrstvwxz2456789", 5);
  const containers = images.map((image) => ({
    ...(command.length ? { command } : {}),
    image,
    name: containerNameFor(image, random),
    resources: {},
  }));
  const port = s.flag<number>("port");
  if (port >= 0 && containers.length > 0) (containers[0] as Record<string, unknown>).ports = [{ containerPort: port }];
  const deploy: KubeObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: meta(name, s, { labels: { ...labels } }),
    spec: {
      replicas: s.flag<number>("replicas"),
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  };
  finish(s, deploy, "failed to create deployment: ");
}

// ---- service ----

function parsePortPair(text: string): { port: number; targetPort: number | string } {
  const [first = "", second] = text.split(":");
  const port = Number(first);
  if (!/^\d+$/.test(first) || port < 1 || port > 65535) {
    if (/^\d+$/.test(first)) throw new CommandError(`error: port "${first}" out of range`);
    throw new CommandError(`error: strconv.ParseUint: parsing "${first}": invalid syntax`);
  }
  if (second === undefined) return { port, targetPort: port };
  if (/^-?\d+$/.test(second)) {
    const n = Number(second);
    if (n < 1 || n > 65535) throw new CommandError("error: must be between 1 and 65535, inclusive");
    return { port, targetPort: n };
  }
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(second) || second.length > 15 || !/[a-z]/.test(second)) {
    throw new CommandError(`error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`);
  }
  return { port, targetPort: second };
}

function createService(s: Session, kind: string) {
  if (kind === "externalname") requireFlags(s, ["external-name"]);
  const name = nameArg(s, `create service ${kind}`);
  const type = { clusterip: "ClusterIP", nodeport: "NodePort", loadbalancer: "LoadBalancer", externalname: "ExternalName" }[kind]!;
  const tcp = (s.flag<string[] | undefined>("tcp") ?? []).flatMap((t) => t.split(","));
  const clusterIP = s.flag<string | undefined>("clusterip") ?? "";
  if (clusterIP === "None" && type !== "ClusterIP") throw new CommandError("error: ClusterIP=None can only be used with ClusterIP service type");
  if (clusterIP !== "None" && tcp.length === 0 && type !== "ExternalName") throw new CommandError("error: at least one tcp port specifier must be provided");
  const externalName = s.flag<string | undefined>("external-name") ?? "";
  if (type === "ExternalName" && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(externalName)) {
    throw new CommandError(`error: invalid service external name ${externalName}`);
  }
  const nodePort = s.flag<number | undefined>("node-port") ?? 0;
  const ports = tcp.map((t) => {
    const { port, targetPort } = parsePortPair(t);
    return { name: t.replace(/:/g, "-"), ...(nodePort ? { nodePort } : {}), port, protocol: "TCP", targetPort };
  });
  const spec: Record<string, unknown> = { ports, selector: { app: name }, type };
  if (type === "ExternalName") spec.externalName = externalName;
  if (clusterIP) spec.clusterIP = clusterIP;
  const svc: KubeObject = { apiVersion: "v1", kind: "Service", metadata: meta(name, s, { labels: { app: name } }), spec, status: { loadBalancer: {} } };
  finish(s, svc, `failed to create ${type} service: `);
}

// ---- configmap and secret ----

interface Source {
  key: string;
  value: string;
}

/** util.ParseLiteralSource. */
function literalSource(text: string): Source {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new CommandError(`error: invalid literal source ${text}, expected key=value`);
  return { key: text.slice(0, eq), value: text.slice(eq + 1) };
}

/** util.ParseFileSource and reading the file (or every regular file of a directory). */
function fileSources(s: Session, text: string): Source[] {
  const parts = text.split("=");
  let key: string;
  let path: string;
  if (parts.length === 1) {
    path = text;
    key = text.replace(/\/+$/, "").split("/").pop() ?? text;
  } else if (parts.length === 2 && text.startsWith("=")) throw new CommandError(`error: key name for file path ${text.slice(1)} missing`);
  else if (parts.length === 2 && text.endsWith("=")) throw new CommandError(`error: file path for key name ${text.slice(0, -1)} missing`);
  else if (parts.length > 2) throw new CommandError("error: key names or file paths cannot contain '='");
  else [key, path] = parts as [string, string];
  const ctx = s.ctx;
  const full = absolutePath(ctx.cwd, path, ctx.host.users[ctx.user]?.home);
  const actor = actorFor(ctx.host, ctx.user);
  if (!stat(ctx.host.fs, full, actor).ok) throw new CommandError(`error: error reading ${path}: no such file or directory`);
  if (isDir(ctx.host.fs, full, actor)) {
    if (text.includes("=")) throw new CommandError("error: cannot give a key name for a directory path");
    const out: Source[] = [];
    for (const child of childrenOf(ctx.host.fs, full)) {
      const childPath = `${full.replace(/\/$/, "")}/${child}`;
      if (isDir(ctx.host.fs, childPath, actor)) continue;
      const r = readFile(ctx.host.fs, childPath, actor);
      if (r.ok) out.push({ key: child, value: r.value });
    }
    return out;
  }
  const r = readFile(ctx.host.fs, full, actor);
  if (!r.ok) throw new CommandError(`error: open ${path}: permission denied`);
  return [{ key, value: r.value }];
}

/** cmdutil.AddFromEnvFile: KEY=value lines; comments and blank lines skipped. */
function envFileSources(s: Session, path: string, what: string): Source[] {
  const ctx = s.ctx;
  const full = absolutePath(ctx.cwd, path, ctx.host.users[ctx.user]?.home);
  const actor = actorFor(ctx.host, ctx.user);
  if (!stat(ctx.host.fs, full, actor).ok) throw new CommandError(`error: error reading ${path}: no such file or directory`);
  if (isDir(ctx.host.fs, full, actor)) throw new CommandError(`error: env ${what} file cannot be a directory`);
  const r = readFile(ctx.host.fs, full, actor);
  if (!r.ok) throw new CommandError(`error: open ${path}: permission denied`);
  const out: Source[] = [];
  r.value.split("\n").forEach((raw, i) => {
    const line = raw.replace(/^\s+/, "");
    if (line === "" || line.startsWith("#")) return;
    const eq = line.indexOf("=");
    const key = eq >= 0 ? line.slice(0, eq) : line;
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) throw new CommandError(`error: "${key}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnv1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`);
    if (eq < 0) {
      const v = ctx.env[key];
      if (v !== undefined) out.push({ key, value: v });
      return;
    }
    void i;
    out.push({ key, value: line.slice(eq + 1) });
  });
  return out;
}

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

function keyProblem(key: string): string | undefined {
  if (key.length > 253) return "must be no more than 253 characters";
  if (!CONFIG_KEY.test(key)) return "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
  if (key === "." || key === "..") return `must not be '${key}'`;
  if (key.startsWith("..")) return "must not start with '..'";
  return undefined;
}

function sourcesFor(s: Session, what: string): Source[] {
  const envFiles = s.flag<string[] | undefined>("from-env-file") ?? [];
  const files = (s.flag<string[] | undefined>("from-file") ?? []).flatMap((f) => f.split(","));
  const literals = s.flag<string[] | undefined>("from-literal") ?? [];
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) throw new CommandError("error: from-env-file cannot be combined with from-file or from-literal");
  // ConfigMaps read files first, Secrets literals first.
  const fromFiles = () => files.flatMap((f) => fileSources(s, f));
  const fromLiterals = () => literals.map(literalSource);
  const ordered = what === "configmap" ? [...fromFiles(), ...fromLiterals()] : [...fromLiterals(), ...fromFiles()];
  return [...ordered, ...envFiles.flatMap((f) => envFileSources(s, f, what === "configmap" ? "config" : "secret"))];
}

function createConfigMap(s: Session) {
  const name = nameArg(s, "create configmap");
  const data: Record<string, string> = {};
  for (const { key, value } of sourcesFor(s, "configmap")) {
    const problem = keyProblem(key);
    if (problem) throw new CommandError(`error: "${key}" is not a valid key name for a ConfigMap: ${problem}`);
    if (key in data) throw new CommandError(`error: cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`);
    data[key] = value;
  }
  const cm: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: meta(name, s) };
  if (Object.keys(data).length) (cm as Record<string, unknown>).data = data;
  finish(s, withSortedData(cm), "failed to create configmap: ");
}

/** base64 of the UTF-8 bytes, without node's Buffer. */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += chars[(n >> 18) & 63]! + chars[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? chars[(n >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? chars[n & 63]! : "=";
  }
  return out;
}

function createSecret(s: Session) {
  const name = nameArg(s, "create secret generic");
  const data: Record<string, string> = {};
  for (const { key, value } of sourcesFor(s, "secret")) {
    const problem = keyProblem(key);
    if (problem) throw new CommandError(`error: "${key}" is not valid key name for a Secret ${problem}`);
    if (key in data) throw new CommandError(`error: cannot add key ${key}, another key by that name already exists`);
    data[key] = base64(value);
  }
  const secret: KubeObject = { apiVersion: "v1", kind: "Secret", metadata: meta(name, s) };
  if (Object.keys(data).length) (secret as Record<string, unknown>).data = data;
  const type = s.flag<string | undefined>("type");
  if (type) (secret as Record<string, unknown>).type = type;
  finish(s, withSortedData(secret), "failed to create secret: ");
}

/** Go maps marshal with sorted keys. */
function withSortedData(obj: KubeObject): KubeObject {
  const data = (obj as { data?: Record<string, string> }).data;
  if (data) (obj as Record<string, unknown>).data = Object.fromEntries(Object.keys(data).sort().map((k) => [k, data[k]!]));
  return obj;
}

// ---- job ----

function createJob(s: Session) {
  const name = nameArg(s, "create job");
  const image = s.flag<string | undefined>("image") ?? "";
  const from = s.flag<string | undefined>("from") ?? "";
  if ((image === "" && from === "") || (image !== "" && from !== "")) throw new CommandError("error: either --image or --from must be specified");
  const dashAt = (s.parsed as { dashAt?: number }).dashAt ?? -1;
  const command = dashAt >= 0 ? s.parsed.args.slice(1) : [];
  if (command.length > 0 && from !== "") throw new CommandError("error: cannot specify --from and command");
  if (from) throw new CommandError(`error: the server doesn't have a resource type "${from.split("/")[0]}"`);
  const job: KubeObject = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: meta(name, s),
    spec: {
      template: {
        metadata: { creationTimestamp: null },
        spec: { containers: [{ ...(command.length ? { command } : {}), image, name, resources: {} }], restartPolicy: "Never" },
      },
    },
    status: {},
  };
  finish(s, job, "failed to create job: ");
}

// ---- serviceaccount ----

function createServiceAccount(s: Session) {
  const name = nameArg(s, "create serviceaccount");
  finish(s, { apiVersion: "v1", kind: "ServiceAccount", metadata: meta(name, s) }, "failed to create serviceaccount: ");
}

const GENERATORS: Record<string, (s: Session) => void> = {
  namespace: createNamespace,
  deployment: createDeployment,
  configmap: createConfigMap,
  job: createJob,
  serviceaccount: createServiceAccount,
};

const SERVICE_HELP = `Create a service using a specified subcommand.

Aliases:
service, svc

Available Commands:
  clusterip      Create a ClusterIP service
  externalname   Create an ExternalName service
  loadbalancer   Create a LoadBalancer service
  nodeport       Create a NodePort service

Usage:
  kubectl create service [flags] [options]

Use "kubectl create service <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;

const SECRET_HELP = `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value
  tls               Create a TLS secret

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]

Use "kubectl create secret <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;

export const CREATE_HELP = `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.

Examples:
  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json
  
  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -
  
  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  kubectl create -f registry.yaml --edit -o json

Available Commands:
  clusterrole           Create a cluster role
  clusterrolebinding    Create a cluster role binding for a particular cluster role
  configmap             Create a config map from a local file, directory or literal value
  cronjob               Create a cron job with the specified name
  deployment            Create a deployment with the specified name
  ingress               Create an ingress with the specified name
  job                   Create a job with the specified name
  namespace             Create a namespace with the specified name
  poddisruptionbudget   Create a pod disruption budget with the specified name
  priorityclass         Create a priority class with the specified name
  quota                 Create a quota with the specified name
  role                  Create a role with single rule
  rolebinding           Create a role binding for a particular role or cluster role
  secret                Create a secret using a specified subcommand
  service               Create a service using a specified subcommand
  serviceaccount        Create a service account with the specified name
  token                 Request a service account token

Options:
    --allow-missing-template-keys=true:
	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to
	golang and jsonpath output formats.

    --dry-run='none':
	Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without
	sending it. If server strategy, submit server-side request without persisting the resource.

    --edit=false:
	Edit the API resource before creating

    --field-manager='kubectl-create':
	Name of the manager used to track field ownership.

    -f, --filename=[]:
	Filename, directory, or URL to files to use to create the resource

    -k, --kustomize='':
	Process the kustomization directory. This flag can't be used together with -f or -R.

    -o, --output='':
	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath,
	jsonpath-as-json, jsonpath-file).

    --raw='':
	Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.

    -R, --recursive=false:
	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests
	organized within the same directory.

    --save-config=false:
	If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will
	be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l
	key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label
	constraints.

    --show-managed-fields=false:
	If true, keep the managedFields when printing objects in JSON or YAML format.

    --template='':
	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format
	is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

    --validate='strict':
	Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate
	the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation
	is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will
	warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled
	on the API server, and behave the same as "ignore" otherwise. "false" or "ignore" will not perform any schema
	validation, silently dropping any unknown or duplicate fields.

    --windows-line-endings=false:
	Only relevant if --edit=true. Defaults to the line ending native to your platform.

Usage:
  kubectl create -f FILENAME [options]

Use "kubectl create <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`;
