import { parse as parseYaml } from "yaml";
import type { Sandbox } from "@/lib/engine/sandbox";
import type { HostState } from "@/lib/engine/hosts/types";
import { actorFor, collationFor, listDir, readFile, stat, type Actor } from "@/lib/engine/hosts/fs";
import { loginAliases, loginEnv, type Frame } from "@/lib/engine/shell/state";
import { daemonRunning } from "@/lib/engine/docker";
import { resourceForName } from "@/lib/engine/apiserver/registry";
import { complete, type CompletionCluster, type CompletionContext, type CompletionDocker, type CompletionHost, type CompletionReply } from "./completion";

// What tab completion may know about a sandbox, read from where the learner's shell is: its
// host, user, directory and variables, what kubectl there can reach, and the host's Docker
// engine. Everything here only reads; completing a word never changes the sandbox.

/** The shell's current frame; before the first command, the login shell it will start with. */
function currentFrame(sandbox: Sandbox): Pick<Frame, "host" | "user" | "cwd" | "env" | "vars" | "aliases" | "functions"> | undefined {
  const shell = sandbox.snapshot().shell;
  const frame = shell?.frames[shell.frames.length - 1];
  if (frame) return frame;
  const start = sandbox.environment.start ?? { host: sandbox.environment.nodes[0]?.name ?? "", user: "root" };
  const hostKey = start.host || Object.keys(sandbox.hosts)[0];
  const host = hostKey !== undefined ? sandbox.hosts[hostKey] : undefined;
  if (!hostKey || !host) return undefined;
  const account = host.users[start.user];
  if (!account) return undefined;
  const cwd = host.fs[account.home]?.type === "dir" ? account.home : "/";
  return { host: hostKey, user: start.user, cwd, env: loginEnv(host, account, cwd), vars: {}, aliases: loginAliases(host, account), functions: {} };
}

function isExecutable(host: HostState, path: string, actor: Actor): boolean {
  const r = stat(host.fs, path, actor);
  return r.ok && r.value.node.type === "file" && (r.value.node.mode & 0o111) !== 0;
}

function hostPart(host: HostState, frame: NonNullable<ReturnType<typeof currentFrame>>, sandbox: Sandbox): CompletionHost {
  const actor = actorFor(host, frame.user);
  const collation = collationFor(host.distro);
  return {
    cwd: frame.cwd,
    home: frame.env.HOME ?? host.users[frame.user]?.home ?? "/",
    variables: [...new Set([...Object.keys(frame.env), ...Object.keys(frame.vars)])].sort(),
    aliases: frame.aliases,
    commands() {
      const out = new Set(Object.keys(frame.functions));
      for (const dir of (frame.env.PATH ?? "").split(":").filter(Boolean)) {
        const names = listDir(host.fs, dir, actor, collation);
        if (!names.ok) continue;
        for (const name of names.value) if (isExecutable(host, `${dir}/${name}`, actor)) out.add(name);
      }
      return [...out];
    },
    list(dir) {
      const names = listDir(host.fs, dir, actor, collation);
      if (!names.ok) return undefined;
      return names.value.map((name) => {
        const r = stat(host.fs, `${dir === "/" ? "" : dir}/${name}`, actor);
        return { name, dir: r.ok && r.value.node.type === "dir" };
      });
    },
    hostnames() {
      const names = new Set<string>();
      const hostsFile = readFile(host.fs, "/etc/hosts", actor);
      if (hostsFile.ok) {
        for (const line of hostsFile.value.split("\n")) {
          const fields = line.replace(/#.*/, "").trim().split(/\s+/).slice(1);
          for (const f of fields) if (f && !/^(localhost|ip6-)/.test(f)) names.add(f);
        }
      }
      for (const h of Object.values(sandbox.hosts)) {
        names.add(h.name);
        if (h.fqdn) names.add(h.fqdn);
      }
      return [...names].sort();
    },
    units: () => Object.keys(host.units).sort(),
  };
}

interface Kubeconfig {
  contexts?: { name: string; context?: { namespace?: string } }[];
  "current-context"?: string;
}

/** What kubectl on this host can see: nothing without a kubeconfig or a running API server. */
function clusterPart(sandbox: Sandbox, host: HostState, frame: NonNullable<ReturnType<typeof currentFrame>>): CompletionCluster | undefined {
  if (!host.fs["/usr/bin/kubectl"] && !host.fs["/usr/local/bin/kubectl"]) return undefined;
  if (sandbox.environment.nodes.length === 0 || !sandbox.apiServerUp()) return undefined;
  const path = frame.env.KUBECONFIG?.split(":")[0] || `${frame.env.HOME ?? "/root"}/.kube/config`;
  const text = readFile(host.fs, path, actorFor(host, frame.user));
  if (!text.ok) return undefined;
  let config: Kubeconfig;
  try {
    config = (parseYaml(text.value) ?? {}) as Kubeconfig;
  } catch {
    return undefined;
  }
  const api = sandbox.cluster.api;
  const read = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      return fallback; // the API server went away: kubectl would print an error, completion nothing
    }
  };
  const current = config.contexts?.find((c) => c.name === config["current-context"]);
  return {
    namespace: current?.context?.namespace || "default",
    namespaces: () => read(() => api.list(resourceForName("namespaces")!).map((n) => n.metadata.name), []),
    names: (info, namespace) => read(() => api.list(info, namespace).map((o) => o.metadata.name), []),
    containers: (namespace, pod) =>
      read(() => {
        const p = api.tryGet(resourceForName("pods")!, namespace, pod);
        return ((p?.spec?.containers ?? []) as { name: string }[]).map((c) => c.name);
      }, []),
    contexts: () => (config.contexts ?? []).map((c) => c.name),
  };
}

/** The Docker engine of this host, when the user may talk to it (root or the docker group). */
function dockerPart(host: HostState, user: string): CompletionDocker | undefined {
  const engine = host.docker;
  if (!engine || !daemonRunning(host)) return undefined;
  const actor = actorFor(host, user);
  if (actor.uid !== 0 && !actor.groups.includes("docker")) return undefined;
  return {
    networks: () => engine.networks.map((n) => n.name),
    containers: () => engine.containers.map((c) => ({ name: c.name, running: c.status === "running" })),
    images: () => engine.images.flatMap((i) => i.repoTags),
  };
}

export function completionContext(sandbox: Sandbox): CompletionContext | undefined {
  const frame = currentFrame(sandbox);
  const host = frame ? sandbox.hosts[frame.host] : undefined;
  if (!frame || !host) return undefined;
  const cluster = clusterPart(sandbox, host, frame);
  const docker = dockerPart(host, frame.user);
  return { host: hostPart(host, frame, sandbox), ...(cluster ? { cluster } : {}), ...(docker ? { docker } : {}) };
}

/** Completes `line` at `cursor` in the sandbox's terminal as it stands. */
export function completeInSandbox(sandbox: Sandbox, line: string, cursor: number): CompletionReply {
  const ctx = completionContext(sandbox);
  const reply: CompletionReply = ctx ? complete(ctx, line, cursor) : { from: cursor, to: cursor, matches: [], display: [] };
  sandbox.cluster.api.clearCache();
  return reply;
}
