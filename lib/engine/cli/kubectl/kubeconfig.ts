// kubectl's client configuration: the kubeconfig file on the current host (KUBECONFIG or
// ~/.kube/config), its current context and default namespace.
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { CommandContext } from "../../shell/types";
import type { World } from "../../world";
import { actorFor, readFile, writeFile } from "../../hosts/fs";

export interface KubeconfigFile {
  apiVersion?: string;
  kind?: string;
  clusters?: { name: string; cluster: { server?: string; "certificate-authority-data"?: string } }[];
  contexts?: { name: string; context: { cluster?: string; user?: string; namespace?: string } }[];
  "current-context"?: string;
  preferences?: Record<string, unknown>;
  users?: { name: string; user: Record<string, unknown> }[];
}

export interface ClientConfig {
  /** The file it came from, or undefined when there is none. */
  path?: string;
  file?: KubeconfigFile;
  contextName: string;
  /** host:port as kubectl prints it in connection errors ("172.30.1.2:6443", "localhost:8080"). */
  server: string;
  namespace: string;
}

export function kubeconfigPath(ctx: CommandContext<World>, explicit?: string): string {
  if (explicit) return explicit;
  const env = ctx.env.KUBECONFIG;
  if (env) return env.split(":")[0]!;
  const home = ctx.host.users[ctx.user]?.home ?? "/root";
  return `${home}/.kube/config`;
}

/**
 * Parsed kubeconfig texts. Every kubectl line reads the file, and parsing its YAML was a large
 * part of each command; the text is the key, so an edited file is parsed again. Entries are
 * frozen: callers read them and never change them.
 */
const parsedKubeconfigs = new Map<string, KubeconfigFile | null>();
const PARSED_KUBECONFIGS_KEPT = 64;

/** The parsed file, or null when it is not YAML. */
function parseKubeconfig(text: string): KubeconfigFile | null {
  let file = parsedKubeconfigs.get(text);
  if (file === undefined) {
    try {
      file = deepFreeze((parseYaml(text) ?? {}) as KubeconfigFile);
    } catch {
      file = null;
    }
    if (parsedKubeconfigs.size >= PARSED_KUBECONFIGS_KEPT) parsedKubeconfigs.delete(parsedKubeconfigs.keys().next().value as string);
    parsedKubeconfigs.set(text, file);
  }
  return file;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function loadClientConfig(ctx: CommandContext<World>, options: { kubeconfig?: string; context?: string } = {}): ClientConfig {
  const path = kubeconfigPath(ctx, options.kubeconfig);
  const text = readFile(ctx.host.fs, path, actorFor(ctx.host, ctx.user));
  if (!text.ok) return { contextName: "", server: "localhost:8080", namespace: "default" };
  const file = parseKubeconfig(text.value);
  if (!file) return { path, contextName: "", server: "localhost:8080", namespace: "default" };
  const contextName = options.context ?? file["current-context"] ?? "";
  const context = file.contexts?.find((c) => c.name === contextName)?.context;
  const cluster = file.clusters?.find((c) => c.name === context?.cluster)?.cluster;
  const server = (cluster?.server ?? "http://localhost:8080").replace(/^https?:\/\//, "");
  return { path, file, contextName, server, namespace: context?.namespace || "default" };
}

export function saveKubeconfig(ctx: CommandContext<World>, path: string, file: KubeconfigFile): string | undefined {
  const result = writeFile(ctx.host.fs, path, stringifyYaml(file), actorFor(ctx.host, ctx.user), ctx.world.now());
  return result.ok ? undefined : `open ${path}: permission denied`;
}
