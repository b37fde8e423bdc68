// Tab completion for the sandbox terminal, as bash with the usual completion scripts does it:
// commands, kubectl subcommands, flags, resource types (with their short names) and object
// names from the live cluster, namespaces after -n, docker networks and containers, systemd
// units, hostnames after ssh, and file paths on the current host. Pure: everything it knows
// about the sandbox comes through a CompletionContext (see completion-context.ts).
import { RESOURCES, resourceForName, type ResourceInfo } from "@/lib/engine/apiserver/registry";
import { GLOBAL_FLAGS, type FlagSpec } from "@/lib/engine/cli/kubectl/args";
import { SUBCOMMANDS } from "@/lib/engine/cli/kubectl";

export interface CompletionHost {
  /** Logical working directory and home of the shell's user. */
  cwd: string;
  home: string;
  /** Exported and shell variables. */
  variables: string[];
  aliases: Record<string, string>;
  /** What can be run here: builtins, functions, aliases and programs on PATH. */
  commands(): string[];
  /** Entries of a directory (absolute path) the user may list; undefined when it cannot be read. */
  list(dir: string): { name: string; dir: boolean }[] | undefined;
  /** Names this machine can reach by name (/etc/hosts, the lab's machines). */
  hostnames(): string[];
  /** systemd units, without ".service". */
  units(): string[];
}

export interface CompletionCluster {
  /** The namespace of the kubeconfig's current context. */
  namespace: string;
  namespaces(): string[];
  /** Object names of a resource in a namespace (undefined: all namespaces). */
  names(info: ResourceInfo, namespace: string | undefined): string[];
  /** Containers of a Pod. */
  containers(namespace: string, pod: string): string[];
  /** Context names of the kubeconfig. */
  contexts(): string[];
}

export interface CompletionDocker {
  networks(): string[];
  containers(): { name: string; running: boolean }[];
  images(): string[];
}

export interface CompletionContext {
  host: CompletionHost;
  /** Absent when kubectl cannot talk to a cluster from here. */
  cluster?: CompletionCluster;
  /** Absent when there is no Docker engine the user may use here. */
  docker?: CompletionDocker;
}

/** What to put in place of line[from, to): each match as it is inserted, and as it is listed. */
export interface CompletionReply {
  from: number;
  to: number;
  matches: string[];
  display: string[];
}

// ---------------------------------------------------------------------------------------------
// Reading the line

interface Word {
  /** The word with quotes and escapes removed. */
  value: string;
  /** Where it starts in the line. */
  start: number;
  /** A quote the word opened and did not close. */
  quote?: "'" | '"';
  /** The word follows a redirection (> file, < file). */
  redirect?: boolean;
}

/**
 * Splits the text before the cursor into the words of the command being typed (after the last
 * |, ;, &&, || or $( ), plus the word under the cursor.
 */
export function wordsBeforeCursor(text: string): { words: Word[]; current: Word } {
  let words: Word[] = [];
  let current: Word | undefined;
  let quote: "'" | '"' | undefined;
  let redirect = false;
  const finish = () => {
    if (current) words.push(current);
    current = undefined;
  };
  const begin = (at: number) => {
    if (!current) {
      current = { value: "", start: at, ...(redirect ? { redirect: true } : {}) };
      redirect = false;
    }
    return current;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === "\\" && quote === '"' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) current!.value += text[++i];
      else current!.value += ch;
      continue;
    }
    if (ch === "\\" && i + 1 < text.length) {
      begin(i).value += text[++i];
      continue;
    }
    if (ch === "'" || ch === '"') {
      begin(i);
      quote = ch;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\n") {
      finish();
      continue;
    }
    if (ch === "$" && text[i + 1] === "(") {
      finish();
      words = [];
      i++;
      continue;
    }
    if ("|&;()`".includes(ch)) {
      finish();
      words = [];
      redirect = false;
      continue;
    }
    if (ch === ">" || ch === "<") {
      // "2>" and "&>": the digits belong to the operator.
      if (current && /^\d*$/.test(current.value)) current = undefined;
      finish();
      redirect = true;
      continue;
    }
    begin(i).value += ch;
  }
  const last: Word = current ?? { value: "", start: text.length, ...(redirect ? { redirect: true } : {}) };
  if (quote) last.quote = quote;
  return { words, current: last };
}

// ---------------------------------------------------------------------------------------------
// Candidates

/** A candidate: the completed word, whether more may follow it without a space, and its listing. */
interface Candidate {
  word: string;
  /** A directory ("dir/"), a "--flag=" or a "type/": the word goes on, no space after it. */
  open?: boolean;
  display?: string;
  /** Inserted as is: `$HOME` names a variable, it is not a file called "$HOME". */
  raw?: boolean;
}

const plain = (words: Iterable<string>): Candidate[] => [...words].map((word) => ({ word, ...(/[/=]$/.test(word) ? { open: true } : {}) }));

const unique = (list: Iterable<string>) => [...new Set(list)];

/** Shell-escapes a word for an unquoted context (bash's backslash style). */
function escape(word: string): string {
  return word.replace(/([ \t\n"'\\$`*?[\](){}<>|&;!#])/g, "\\$1");
}

function render(c: Candidate, quote: Word["quote"]): string {
  if (c.raw) return c.word;
  if (!quote) return escape(c.word);
  const body = quote === "'" ? c.word.replace(/'/g, `'\\''`) : c.word.replace(/(["\\$`])/g, "\\$1");
  // A quote closes once the word is complete; a directory keeps it open for what follows.
  return `${quote}${body}${c.open ? "" : quote}`;
}

// ---------------------------------------------------------------------------------------------
// Files, commands, hosts, variables

function files(ctx: CompletionContext, word: string, options: { dirsOnly?: boolean; extensions?: string[] } = {}): Candidate[] {
  const slash = word.lastIndexOf("/");
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : "";
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  if (word === "~") return [{ word: "~/", open: true }];
  let dir = dirPart;
  if (dir.startsWith("~/")) dir = ctx.host.home + dir.slice(1);
  else if (!dir.startsWith("/")) dir = `${ctx.host.cwd.replace(/\/$/, "")}/${dir}`;
  const entries = ctx.host.list(dir.length > 1 ? dir.replace(/\/$/, "") : "/");
  if (!entries) return [];
  return entries
    .filter((e) => e.name.startsWith(base) && (base.startsWith(".") || !e.name.startsWith(".")))
    .filter((e) => e.dir || (!options.dirsOnly && (!options.extensions || options.extensions.some((x) => e.name.endsWith(x)))))
    .map((e) => ({ word: `${dirPart}${e.name}${e.dir ? "/" : ""}`, display: `${e.name}${e.dir ? "/" : ""}`, ...(e.dir ? { open: true } : {}) }));
}

const MANIFESTS = [".yaml", ".yml", ".json"];

function hosts(ctx: CompletionContext, word: string): Candidate[] {
  const at = word.indexOf("@");
  const user = at >= 0 ? word.slice(0, at + 1) : "";
  return plain(unique(ctx.host.hostnames()).map((h) => user + h));
}

// ---------------------------------------------------------------------------------------------
// kubectl

const OUTPUTS = ["json", "yaml", "wide", "name", "custom-columns=", "custom-columns-file=", "go-template=", "go-template-file=", "jsonpath=", "jsonpath-file="];
const CREATE_SUBCOMMANDS = ["configmap", "deployment", "job", "namespace", "secret", "service", "serviceaccount"];
const ROLLOUT_SUBCOMMANDS = ["history", "pause", "restart", "resume", "status", "undo"];
const SET_SUBCOMMANDS = ["env", "image", "resources", "selector", "serviceaccount"];
const CONFIG_SUBCOMMANDS = ["current-context", "get-clusters", "get-contexts", "get-users", "set-context", "use-context", "view"];
const ROLLOUT_TYPES = ["deployment", "deployments", "deploy", "daemonset", "daemonsets", "ds", "statefulset", "statefulsets", "sts"];
const SCALE_TYPES = ["deployment", "deployments", "deploy", "replicaset", "replicasets", "rs", "statefulset", "statefulsets", "sts"];
const EXPOSE_TYPES = ["deployment", "deploy", "pod", "po", "replicaset", "rs", "service", "svc"];
const RESOURCE_SUBCOMMANDS = new Set(["get", "describe", "delete", "edit", "label", "annotate", "patch", "scale", "wait", "expose"]);
const POD_SUBCOMMANDS = new Set(["logs", "exec", "attach", "port-forward", "cp"]);

/** Every name kubectl accepts for a resource type: plural, singular and short names. */
function typeNames(filter?: string[]): string[] {
  const names = RESOURCES.flatMap((r) => [r.resource, r.singular, ...r.shortNames]);
  return unique(filter ? names.filter((n) => filter.includes(n)) : names).sort();
}

interface KubectlLine {
  sub?: string;
  positional: string[];
  flags: Map<string, string | true>;
  /** The flag whose value is being typed, if any. */
  pendingFlag?: string;
}

function flagSpecs(sub: string | undefined): FlagSpec[] {
  const own = sub ? (SUBCOMMANDS[sub]?.flags ?? []) : [];
  const seen = new Set(own.map((f) => f.name));
  return [...own, ...GLOBAL_FLAGS.filter((f) => !seen.has(f.name))];
}

function readKubectl(args: string[]): KubectlLine {
  const line: KubectlLine = { positional: [], flags: new Map() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const specs = flagSpecs(line.sub);
    if (line.pendingFlag !== undefined) {
      line.flags.set(line.pendingFlag, a);
      line.pendingFlag = undefined;
      continue;
    }
    if (a === "--") {
      line.positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = specs.find((s) => s.name === name);
      if (eq >= 0) line.flags.set(name, a.slice(eq + 1));
      else if (spec && spec.kind !== "bool") line.pendingFlag = name;
      else line.flags.set(name, true);
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      const spec = specs.find((s) => s.short === a[1]);
      if (spec && spec.kind !== "bool") {
        if (a.length > 2) line.flags.set(spec.name, a.slice(2).replace(/^=/, ""));
        else line.pendingFlag = spec.name;
      } else {
        for (const ch of a.slice(1)) line.flags.set(specs.find((s) => s.short === ch)?.name ?? ch, true);
      }
      continue;
    }
    if (line.sub === undefined) line.sub = a;
    else line.positional.push(a);
  }
  return line;
}

function objectNames(ctx: CompletionContext, line: KubectlLine, info: ResourceInfo | undefined): string[] {
  if (!info || !ctx.cluster) return [];
  const all = line.flags.get("all-namespaces") === true;
  const ns = typeof line.flags.get("namespace") === "string" ? (line.flags.get("namespace") as string) : ctx.cluster.namespace;
  return unique(ctx.cluster.names(info, info.namespaced ? (all ? undefined : ns) : undefined)).sort();
}

/** `TYPE NAME...` or `TYPE/NAME...`, as kubectl's resource builder reads them. */
function resourceArgs(ctx: CompletionContext, line: KubectlLine, positional: string[], word: string, types?: string[]): Candidate[] {
  const slash = word.indexOf("/");
  if (slash >= 0) {
    const type = word.slice(0, slash);
    if (types && !types.includes(type)) return [];
    return plain(objectNames(ctx, line, resourceForName(type)).map((n) => `${type}/${n}`));
  }
  if (positional.length === 0) {
    const comma = word.lastIndexOf(",");
    if (comma >= 0) return plain(typeNames(types).map((t) => word.slice(0, comma + 1) + t));
    return plain([...typeNames(types), ...(line.sub === "get" ? ["all"] : [])]);
  }
  if (positional[0]!.includes("/")) return plain(typeNames(types).map((t) => `${t}/`));
  if (positional[0]!.includes(",")) return [];
  const typed = new Set(positional.slice(1));
  return plain(objectNames(ctx, line, resourceForName(positional[0]!)).filter((n) => !typed.has(n)));
}

function kubectlFlagValue(ctx: CompletionContext, line: KubectlLine, flag: string, word: string): Candidate[] {
  switch (flag) {
    case "namespace":
      return plain(ctx.cluster?.namespaces() ?? []);
    case "output":
      return plain(OUTPUTS);
    case "filename":
      return files(ctx, word, { extensions: MANIFESTS });
    case "kubeconfig":
    case "from-file":
    case "env-file":
    case "custom-columns-file":
      return files(ctx, word);
    case "context":
      return plain(ctx.cluster?.contexts() ?? []);
    case "container": {
      const pod = line.positional[0];
      if (!pod || !ctx.cluster) return [];
      const name = pod.startsWith("pod/") || pod.startsWith("pods/") || pod.startsWith("po/") ? pod.slice(pod.indexOf("/") + 1) : pod.includes("/") ? undefined : pod;
      const ns = typeof line.flags.get("namespace") === "string" ? (line.flags.get("namespace") as string) : ctx.cluster.namespace;
      return name ? plain(ctx.cluster.containers(ns, name)) : [];
    }
    case "dry-run":
      return plain(["none", "server", "client"]);
    case "cascade":
      return plain(["background", "foreground", "orphan"]);
    case "type":
      return plain(["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]);
    case "restart":
      return plain(["Always", "OnFailure", "Never"]);
    case "for":
      return plain(["condition=Available", "condition=Complete", "condition=Ready", "delete", "jsonpath="]);
    default:
      return [];
  }
}

function kubectlFlags(sub: string | undefined, word: string): Candidate[] {
  const specs = flagSpecs(sub);
  const long = specs.map((s) => `--${s.name}`);
  const short = word.startsWith("--") ? [] : specs.filter((s) => s.short).map((s) => `-${s.short}`);
  return plain(unique([...short, ...long]).sort());
}

function kubectl(ctx: CompletionContext, args: string[], word: string): Candidate[] {
  const line = readKubectl(args);
  if (line.pendingFlag !== undefined) return kubectlFlagValue(ctx, line, line.pendingFlag, word);
  if (word.startsWith("--") && word.includes("=")) {
    const eq = word.indexOf("=");
    const prefix = word.slice(0, eq + 1);
    return kubectlFlagValue(ctx, line, word.slice(2, eq), word.slice(eq + 1)).map((c) => ({ ...c, word: prefix + c.word, display: c.display ?? c.word }));
  }
  if (word.startsWith("-")) return kubectlFlags(line.sub, word);
  const { sub, positional } = line;
  if (sub === undefined) return plain(Object.keys(SUBCOMMANDS).sort());
  if (RESOURCE_SUBCOMMANDS.has(sub)) {
    const types = sub === "scale" ? SCALE_TYPES : sub === "expose" ? EXPOSE_TYPES : undefined;
    return resourceArgs(ctx, line, positional, word, types);
  }
  if (POD_SUBCOMMANDS.has(sub)) {
    if (positional.length > 0) return sub === "cp" ? files(ctx, word) : [];
    if (word.includes("/")) return resourceArgs(ctx, line, [], word, ["pod", "pods", "po", "deployment", "deployments", "deploy", "replicaset", "rs", "job", "jobs", "daemonset", "ds", "service", "svc"]);
    return plain(objectNames(ctx, line, resourceForName("pods")));
  }
  switch (sub) {
    case "explain":
      return positional.length === 0 ? plain(typeNames()) : [];
    case "top":
      if (positional.length === 0) return plain(["node", "pod"]);
      return positional.length === 1 ? plain(objectNames(ctx, line, resourceForName(positional[0]!.startsWith("n") ? "nodes" : "pods"))) : [];
    case "cordon":
    case "uncordon":
    case "drain":
      return plain(objectNames(ctx, line, resourceForName("nodes")).filter((n) => !positional.includes(n)));
    case "taint":
      if (positional.length === 0) return word.includes("/") ? resourceArgs(ctx, line, [], word, ["node", "nodes", "no"]) : plain(["node", "nodes"]);
      return positional.length === 1 && !positional[0]!.includes("/") ? plain(objectNames(ctx, line, resourceForName("nodes"))) : [];
    case "rollout":
      if (positional.length === 0) return plain(ROLLOUT_SUBCOMMANDS);
      return resourceArgs(ctx, line, positional.slice(1), word, ROLLOUT_TYPES);
    case "set":
      if (positional.length === 0) return plain(SET_SUBCOMMANDS);
      return resourceArgs(ctx, line, positional.slice(1), word);
    case "create":
      if (positional.length === 0) return plain(CREATE_SUBCOMMANDS);
      if (positional.length === 1 && positional[0] === "service") return plain(["clusterip", "externalname", "loadbalancer", "nodeport"]);
      if (positional.length === 1 && positional[0] === "secret") return plain(["docker-registry", "generic", "tls"]);
      return [];
    case "config":
      if (positional.length === 0) return plain(CONFIG_SUBCOMMANDS);
      return positional.length === 1 && (positional[0] === "use-context" || positional[0] === "use") ? plain(ctx.cluster?.contexts() ?? []) : [];
    case "auth":
      if (positional.length === 0) return plain(["can-i", "whoami"]);
      if (positional[0] === "can-i" && positional.length === 1) return plain(["*", "create", "delete", "get", "list", "patch", "update", "watch"]);
      return positional[0] === "can-i" && positional.length === 2 ? resourceArgs(ctx, line, [], word) : [];
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Other programs

const DOCKER_SUBCOMMANDS = ["attach", "container", "cp", "create", "exec", "image", "images", "info", "inspect", "kill", "logs", "network", "pause", "port", "ps", "pull", "rename", "restart", "rm", "rmi", "run", "start", "stats", "stop", "tag", "top", "unpause", "version"];
const DOCKER_NETWORK = ["connect", "create", "disconnect", "inspect", "ls", "prune", "rm"];
const DOCKER_CONTAINER = ["attach", "cp", "create", "exec", "inspect", "kill", "logs", "ls", "pause", "port", "prune", "rename", "restart", "rm", "run", "start", "stats", "stop", "top", "unpause"];
const DOCKER_IMAGE = ["inspect", "ls", "pull", "rm", "tag"];

/** Docker flags by subcommand; `=` marks flags that take a value. */
const DOCKER_FLAGS: Record<string, string[]> = {
  run: ["--add-host=", "--cap-add=", "--detach", "--entrypoint=", "--env=", "--hostname=", "--interactive", "--ip=", "--label=", "--memory=", "--name=", "--network=", "--publish=", "--restart=", "--rm", "--tty", "--user=", "--volume=", "--workdir=", "-d", "-e=", "-h=", "-i", "-it", "-l=", "-p=", "-t", "-u=", "-v=", "-w="],
  "network create": ["--attachable", "--aux-address=", "--driver=", "--gateway=", "--internal", "--ip-range=", "--ipam-driver=", "--ipv6", "--label=", "--opt=", "--subnet=", "-d=", "-o="],
  "network ls": ["--filter=", "--format=", "--no-trunc", "--quiet", "-f=", "-q"],
  "network inspect": ["--format=", "--verbose", "-f=", "-v"],
  "network connect": ["--alias=", "--ip=", "--ip6="],
  ps: ["--all", "--filter=", "--format=", "--last=", "--latest", "--no-trunc", "--quiet", "--size", "-a", "-f=", "-l", "-n=", "-q", "-s"],
  logs: ["--details", "--follow", "--since=", "--tail=", "--timestamps", "--until=", "-f", "-n=", "-t"],
  exec: ["--detach", "--env=", "--interactive", "--tty", "--user=", "--workdir=", "-d", "-e=", "-i", "-it", "-t", "-u=", "-w="],
  inspect: ["--format=", "--size", "--type=", "-f=", "-s"],
  rm: ["--force", "--volumes", "-f", "-v"],
  stop: ["--time=", "-t="],
  restart: ["--time=", "-t="],
};
DOCKER_FLAGS.create = DOCKER_FLAGS.run!;

function dockerFlags(path: string): string[] {
  return (DOCKER_FLAGS[path] ?? []).map((f) => f.replace(/=$/, ""));
}

function takesValue(path: string, flag: string): boolean {
  return (DOCKER_FLAGS[path] ?? []).includes(`${flag}=`);
}

function docker(ctx: CompletionContext, args: string[], word: string): Candidate[] {
  // The subcommand path ("network create") and the positional words after it.
  const path: string[] = [];
  const positional: string[] = [];
  let pendingFlag: string | undefined;
  for (const a of args) {
    const key = path.join(" ");
    if (pendingFlag !== undefined) {
      pendingFlag = undefined;
      continue;
    }
    if (a.startsWith("-")) {
      if (!a.includes("=") && takesValue(key, a)) pendingFlag = a;
      continue;
    }
    if (path.length === 0 || (path.length === 1 && ["network", "container", "image"].includes(path[0]!) && positional.length === 0)) path.push(a);
    else positional.push(a);
  }
  let key = path.join(" ");
  // `docker container ls` is `docker ps`, `docker container rm` is `docker rm`, and so on.
  if (path[0] === "container" && path[1]) key = path[1] === "ls" ? "ps" : path[1];
  const containers = () => ctx.docker?.containers() ?? [];
  const networks = () => ctx.docker?.networks() ?? [];
  const flagValue = (flag: string): Candidate[] => {
    if (["--network", "--net"].includes(flag)) return plain([...networks(), "host", "none"]);
    if (["--driver", "-d"].includes(flag) && key === "network create") return plain(["bridge", "host", "ipvlan", "macvlan", "none", "overlay"]);
    if (flag === "--restart") return plain(["always", "no", "on-failure", "unless-stopped"]);
    if (["--volume", "-v", "--env-file"].includes(flag)) return files(ctx, word);
    return [];
  };
  if (pendingFlag !== undefined) return flagValue(pendingFlag);
  if (word.startsWith("--") && word.includes("=")) {
    const eq = word.indexOf("=");
    return flagValue(word.slice(0, eq)).map((c) => ({ ...c, word: word.slice(0, eq + 1) + c.word, display: c.word }));
  }
  if (word.startsWith("-")) return plain(dockerFlags(key));
  if (path.length === 0) return plain(DOCKER_SUBCOMMANDS);
  if (path.length === 1 && path[0] === "network") return plain(DOCKER_NETWORK);
  if (path.length === 1 && path[0] === "container") return plain(DOCKER_CONTAINER);
  if (path.length === 1 && path[0] === "image") return plain(DOCKER_IMAGE);
  const all = containers().map((c) => c.name);
  const running = containers().filter((c) => c.running).map((c) => c.name);
  const stopped = containers().filter((c) => !c.running).map((c) => c.name);
  switch (key) {
    case "network inspect":
    case "network rm":
      return plain(networks());
    case "network connect":
    case "network disconnect":
      return positional.length === 0 ? plain(networks()) : positional.length === 1 ? plain(all) : [];
    case "start":
      return plain(stopped);
    case "stop":
    case "restart":
    case "kill":
    case "pause":
    case "exec":
    case "attach":
    case "top":
    case "stats":
      return key === "exec" && positional.length > 0 ? [] : plain(running);
    case "rm":
    case "logs":
    case "port":
    case "rename":
    case "unpause":
      return positional.length > 0 && key !== "rm" ? [] : plain(all);
    case "inspect":
      return plain(unique([...all, ...networks(), ...(ctx.docker?.images() ?? [])]));
    case "rmi":
    case "image rm":
    case "image inspect":
    case "tag":
      return plain(ctx.docker?.images() ?? []);
    case "run":
    case "create":
      return positional.length === 0 ? plain(ctx.docker?.images() ?? []) : [];
    default:
      return [];
  }
}

const SYSTEMCTL = ["cat", "daemon-reload", "disable", "edit", "enable", "is-active", "is-enabled", "is-failed", "kill", "list-unit-files", "list-units", "mask", "reload", "reset-failed", "restart", "show", "start", "status", "stop", "unmask"];

function systemctl(ctx: CompletionContext, args: string[], word: string): Candidate[] {
  if (word.startsWith("-")) return plain(["--all", "--failed", "--no-pager", "--now", "--quiet", "--type=", "--user"]);
  const positional = args.filter((a) => !a.startsWith("-"));
  if (positional.length === 0) return plain(SYSTEMCTL);
  if (["daemon-reload", "list-units", "list-unit-files"].includes(positional[0]!)) return [];
  return plain(ctx.host.units().map((u) => `${u}.service`));
}

function journalctl(ctx: CompletionContext, args: string[], word: string): Candidate[] {
  const previous = args[args.length - 1];
  if (previous === "-u" || previous === "--unit") return plain(ctx.host.units().map((u) => `${u}.service`));
  if (word.startsWith("--unit=")) return plain(ctx.host.units().map((u) => `--unit=${u}.service`));
  if (word.startsWith("-")) return plain(["--boot", "--follow", "--lines=", "--no-pager", "--since=", "--unit=", "--until=", "-b", "-e", "-f", "-n", "-u", "-x", "-xe"]);
  return [];
}

const CRICTL = ["images", "info", "inspect", "inspecti", "inspectp", "logs", "pods", "ps", "version"];

const BUILTINS = [".", ":", "[", "alias", "bash", "break", "cd", "command", "continue", "declare", "echo", "eval", "exec", "exit", "export", "help", "history", "let", "local", "logout", "printf", "pwd", "read", "return", "set", "shift", "source", "test", "type", "umask", "unalias", "unset"];

/** Words that run the next word as a command (with their own options first). */
const PREFIXES: Record<string, string[]> = {
  sudo: ["-u", "-g", "-C", "-D", "-h", "-p", "-U"],
  watch: ["-n", "-d"],
  time: [],
  nohup: [],
  env: ["-u"],
  command: [],
  exec: [],
  timeout: ["-s", "-k"],
  xargs: ["-n", "-I", "-d", "-L", "-P", "-s"],
};

/** The words of the command to complete, with `sudo`, `watch`, assignments and one alias level removed. */
function commandWords(ctx: CompletionContext, words: string[]): { words: string[]; commandAt: number } {
  let i = 0;
  const out = [...words];
  for (;;) {
    while (i < out.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(out[i]!)) i++;
    const word = out[i];
    if (word === undefined) return { words: out, commandAt: i };
    const options = PREFIXES[word];
    if (!options) break;
    i++;
    while (i < out.length && out[i]!.startsWith("-")) {
      if (options.includes(out[i]!)) i++;
      i++;
    }
    if (word === "timeout" && i < out.length) i++; // its duration
  }
  const alias = ctx.host.aliases[out[i]!];
  if (alias !== undefined) {
    const expanded = alias.trim().split(/\s+/).filter(Boolean);
    if (expanded.length > 0 && expanded[0] !== out[i]) out.splice(i, 1, ...expanded);
  }
  return { words: out, commandAt: i };
}

function candidates(ctx: CompletionContext, words: string[], current: Word): Candidate[] {
  const word = current.value;
  if (current.redirect) return files(ctx, word);
  if (word.startsWith("$") && !word.includes("/")) {
    const braced = word.startsWith("${");
    return ctx.host.variables.map((v) => ({ word: braced ? `\${${v}}` : `$${v}`, raw: true }));
  }
  const { words: cmd, commandAt } = commandWords(ctx, words);
  if (commandAt >= cmd.length) {
    if (word.includes("/")) return files(ctx, word);
    return plain(unique([...BUILTINS, ...Object.keys(ctx.host.aliases), ...ctx.host.commands()]).sort());
  }
  const name = cmd[commandAt]!.split("/").pop()!;
  const args = cmd.slice(commandAt + 1);
  switch (name) {
    case "kubectl":
      return kubectl(ctx, args, word);
    case "docker":
      return docker(ctx, args, word);
    case "systemctl":
      return systemctl(ctx, args, word);
    case "journalctl":
      return journalctl(ctx, args, word);
    case "crictl":
      return args.filter((a) => !a.startsWith("-")).length === 0 && !word.startsWith("-") ? plain(CRICTL) : [];
    case "ssh":
      if (args[args.length - 1] === "-i" || args[args.length - 1] === "-F") return files(ctx, word);
      return word.startsWith("-") ? [] : hosts(ctx, word);
    case "ping":
    case "nslookup":
    case "dig":
    case "host":
    case "telnet":
    case "nc":
      return word.startsWith("-") ? [] : hosts(ctx, word);
    case "cd":
    case "pushd":
    case "rmdir":
      return files(ctx, word, { dirsOnly: true });
    case "which":
    case "type":
    case "man":
    case "help":
      return plain(unique([...BUILTINS, ...ctx.host.commands()]).sort());
    case "export":
    case "unset":
      return plain(ctx.host.variables);
    case "unalias":
      return plain(Object.keys(ctx.host.aliases));
    default:
      return files(ctx, word);
  }
}

/** Completes the word before `cursor` in `line`. */
export function complete(ctx: CompletionContext, line: string, cursor: number): CompletionReply {
  const before = line.slice(0, cursor);
  const { words, current } = wordsBeforeCursor(before);
  const word = current.value;
  const found = candidates(
    ctx,
    words.map((w) => w.value),
    current,
  ).filter((c) => c.word.startsWith(word));
  const seen = new Set<string>();
  const matches: Candidate[] = [];
  for (const c of found) {
    if (seen.has(c.word)) continue;
    seen.add(c.word);
    matches.push(c);
  }
  // Readline lists matches sorted.
  matches.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return {
    from: current.start,
    to: cursor,
    matches: matches.map((c) => render(c, current.quote)),
    display: matches.map((c) => c.display ?? c.word),
  };
}
