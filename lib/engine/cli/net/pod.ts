// Programs run inside a pod's container (what `kubectl exec POD -- ...` needs): the network
// tools the image ships (curl, wget, nslookup, ping, ip), the image's files (images/rootfs.ts)
// with the ones the kubelet adds (/etc/resolv.conf, /etc/hosts, /etc/hostname, the service
// account), ls, cat, hostname, env/printenv, echo, sleep, and `sh -c` scripts built from those
// (; && || and simple pipes into grep, head, tail, wc). podRunner gives the same programs to an
// interactive shell (kubectl exec -it POD -- sh).
import type { Container } from "../../api/types";
import type { CommandResult } from "../../shell/types";
import type { World } from "../../world";
import { resolveImage } from "../../images/resolve";
import type { CatalogueImage } from "../../images/types";
import { containerEnv, findPod, podHostname, podHostsFile, podResolvConf, resolveOrigin, type PodNet } from "../../network";
import { spend, type Flavour, type NetToolEnv } from "./common";
import { runCurl } from "./curl";
import { runWget } from "./wget";
import { runNslookup } from "./nslookup";
import { runPing } from "./ping";
import { runIp } from "./ip";
import { containerRoot, findAccount, imageFamily, type RootFs } from "../../images/rootfs";
import { cat, ls, textFilter, which, type UserlandContext } from "../../images/userland";

export interface PodExecOptions {
  /** kubectl exec -t: stdout is a terminal (curl then shows no progress meter). */
  tty?: boolean;
  /** Extra environment (none by default). */
  env?: Record<string, string>;
  /** What the program reads on stdin (kubectl exec -i with a pipe). */
  stdin?: string;
  /** Terminal width, for ls's columns (80). */
  columns?: number;
}

/**
 * What running argv in a pod's container gave:
 * - ran: the program ran (its output and exit status);
 * - not-found: the image has no such executable (kubectl exec then reports the runtime's
 *   `OCI runtime exec failed: exec failed: unable to start container process: exec: "curl":
 *   executable file not found in $PATH: unknown`);
 * - not-running: the container is not running (kubectl: `container not found ("nginx")`);
 * - no-pod / no-container: nothing by that name.
 */
export type PodExecResult =
  | { kind: "ran"; result: CommandResult }
  | { kind: "not-found"; executable: string }
  | { kind: "not-running"; container: string }
  | { kind: "no-pod" }
  | { kind: "no-container"; container: string };

interface PodContext {
  world: World;
  pod: PodNet;
  spec: Container;
  image: CatalogueImage;
  flavour: Flavour;
  env: [string, string][];
  tools: Set<string>;
  tty: boolean;
  /** The working directory (the image's WORKDIR, or where an interactive shell went). */
  cwd: string;
  columns: number;
  /** The container's files (built when first needed). */
  root?: RootFs;
}

export function flavourOf(image: CatalogueImage): Flavour {
  if (image.model === "busybox") return "busybox";
  if (image.tools.includes("apk")) return "alpine";
  return "debian";
}

const BUILTINS = new Set(["echo", "true", "false", "exit", "cd", "export", "sleep", "printf", ":"]);

const res = (stdout: string, exitCode = 0, stderr = ""): CommandResult => ({ stdout, stderr, exitCode });

function busyboxish(x: PodContext): boolean {
  return x.flavour === "busybox" || x.flavour === "alpine";
}

/** The container's files: the image's, and what the kubelet mounts into it. */
function rootOf(x: PodContext): RootFs {
  if (!x.root) {
    const extra: Record<string, string> = {
      "/etc/resolv.conf": podResolvConf(x.world, x.pod),
      "/etc/hosts": podHostsFile(x.world, x.pod),
      "/etc/hostname": `${podHostname(x.pod.pod)}\n`,
      "/dev/termination-log": "",
    };
    if (x.pod.pod.spec?.automountServiceAccountToken !== false) {
      const sa = "/var/run/secrets/kubernetes.io/serviceaccount";
      extra[`${sa}/namespace`] = x.pod.namespace;
      extra[`${sa}/ca.crt`] = "";
      extra[`${sa}/token`] = "";
    }
    x.root = containerRoot(x.image, extra);
  }
  return x.root;
}

function userland(x: PodContext): UserlandContext {
  return { fs: rootOf(x), family: imageFamily(x.image), cwd: x.cwd, tty: x.tty, columns: x.columns, now: x.world.now(), path: x.env.find(([k]) => k === "PATH")?.[1] ?? "" };
}

/** The user the container's processes run as: runAsUser (container, then pod), else the image's. */
export function containerUser(pod: { spec?: Record<string, unknown> }, spec: Container, image: CatalogueImage): { uid: number; name?: string; home: string } {
  const own = (spec as { securityContext?: { runAsUser?: number } }).securityContext?.runAsUser;
  const podLevel = (pod.spec?.securityContext as { runAsUser?: number } | undefined)?.runAsUser;
  const configured = own ?? podLevel ?? image.config.user?.split(":")[0];
  const account = configured === undefined || configured === "" ? findAccount(image, 0) : findAccount(image, typeof configured === "number" ? configured : configured);
  const uid = account?.uid ?? (typeof configured === "number" ? configured : /^\d+$/.test(String(configured ?? "0")) ? Number(configured ?? 0) : 0);
  return { uid, ...(account ? { name: account.name } : {}), home: account?.home ?? (uid === 0 ? "/root" : "/") };
}

function toolEnv(x: PodContext): NetToolEnv {
  const src = resolveOrigin(x.world, { pod: { namespace: x.pod.namespace, name: x.pod.name } })!;
  return { world: x.world, src, flavour: x.flavour, stdoutIsTty: x.tty, hostname: podHostname(x.pod.pod) };
}

function expand(word: string, env: [string, string][]): string {
  return word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a: string | undefined, b: string | undefined) => env.find(([k]) => k === (a ?? b))?.[1] ?? "");
}

/** Splits a `sh -c` script into pipelines joined by ; && || (quotes respected, $VAR expanded). */
function splitScript(script: string, env: [string, string][]): { pipeline: string[][]; op: string }[] {
  const out: { pipeline: string[][]; op: string }[] = [];
  let pipeline: string[][] = [];
  let argv: string[] = [];
  let word = "";
  let inWord = false;
  let quote: string | null = null;
  const endWord = () => {
    if (inWord) argv.push(word);
    word = "";
    inWord = false;
  };
  const endCmd = () => {
    endWord();
    if (argv.length) pipeline.push(argv);
    argv = [];
  };
  const endPipeline = (op: string) => {
    endCmd();
    if (pipeline.length) out.push({ pipeline, op });
    pipeline = [];
  };
  let pendingOp = ";";
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (quote === '"' && c === "$") {
        const m = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(script.slice(i));
        if (m) {
          word += expand(m[0], env);
          i += m[0].length - 1;
        } else word += c;
      } else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === " " || c === "\t" || c === "\n") endWord();
    else if (c === ";") {
      endPipeline(pendingOp);
      pendingOp = ";";
    } else if (c === "&" && script[i + 1] === "&") {
      endPipeline(pendingOp);
      pendingOp = "&&";
      i++;
    } else if (c === "|" && script[i + 1] === "|") {
      endPipeline(pendingOp);
      pendingOp = "||";
      i++;
    } else if (c === "|") endCmd();
    else if (c === "$") {
      const m = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(script.slice(i));
      if (m) {
        word += expand(m[0], env);
        inWord = true;
        i += m[0].length - 1;
      } else {
        word += c;
        inWord = true;
      }
    } else {
      word += c;
      inWord = true;
    }
  }
  endPipeline(pendingOp);
  return out;
}

function runOne(x: PodContext, argv: string[], stdin: string): CommandResult | { notFound: string } {
  const name = argv[0] ?? "";
  const base = name.slice(name.lastIndexOf("/") + 1);
  const args = argv.slice(1);
  if (!x.tools.has(base) && !BUILTINS.has(base)) return { notFound: name };
  switch (base) {
    case "sh":
    case "bash":
    case "ash":
    case "dash": {
      const c = args.indexOf("-c");
      if (c < 0) return res("");
      return runScript(x, args[c + 1] ?? "", base);
    }
    case "echo": {
      const noNewline = args[0] === "-n";
      return res(`${(noNewline ? args.slice(1) : args).join(" ")}${noNewline ? "" : "\n"}`);
    }
    case "printf":
      return res((args[0] ?? "").replace(/\\n/g, "\n").replace(/%s/g, () => args[1] ?? ""));
    case "true":
    case ":":
    case "cd":
    case "export":
      return res("");
    case "false":
      return res("", 1);
    case "exit":
      return res("", Number(args[0] ?? 0));
    case "sleep":
      spend(toolEnv(x), Number(args[0] ?? 0) * 1000);
      return res("");
    case "hostname":
      if (args[0] === "-i" || args[0] === "-I") return res(`${x.pod.ip}${args[0] === "-I" ? " " : ""}\n`);
      return res(`${podHostname(x.pod.pod)}\n`);
    case "env":
      return res(x.env.map(([k, v]) => `${k}=${v}\n`).join(""));
    case "printenv": {
      if (args.length === 0) return res(x.env.map(([k, v]) => `${k}=${v}\n`).join(""));
      const hits = args.map((a) => x.env.find(([k]) => k === a)?.[1]);
      return res(hits.filter((h) => h !== undefined).map((h) => `${h}\n`).join(""), hits.every((h) => h !== undefined) ? 0 : 1);
    }
    case "cat":
      return cat(userland(x), args, stdin);
    case "ls":
      return ls(userland(x), args);
    case "pwd":
      return res(`${x.cwd}\n`);
    case "clear":
      return res(busyboxish(x) ? "\x1b[H\x1b[J" : "\x1b[H\x1b[2J\x1b[3J");
    case "which":
      return which(userland(x), args);
    case "whoami": {
      const u = containerUser(x.pod.pod, x.spec, x.image);
      if (u.name) return res(`${u.name}\n`);
      return res("", 1, busyboxish(x) ? `whoami: unknown uid ${u.uid}\n` : `whoami: cannot find name for user ID ${u.uid}\n`);
    }
    case "id": {
      const u = containerUser(x.pod.pod, x.spec, x.image);
      const account = findAccount(x.image, u.uid);
      const gid = account?.gid ?? 0;
      const fmt = (id: number) => {
        const n = findAccount(x.image, id)?.name;
        return n ? `${id}(${n})` : String(id);
      };
      if (args.includes("-u")) return res(`${args.includes("-n") ? (u.name ?? u.uid) : u.uid}\n`);
      let groups = fmt(gid);
      if (u.uid === 0 && x.flavour === "alpine") groups = "0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)";
      else if (u.uid === 0 && x.flavour === "busybox") groups = "0(root),10(wheel)";
      return res(`uid=${fmt(u.uid)} gid=${fmt(gid)} groups=${groups}\n`);
    }
    case "uname":
      // The node's kernel (Ubuntu 22.04's), as on the node itself.
      return res(args.includes("-a") ? `Linux ${podHostname(x.pod.pod)} 5.15.0-105-generic #115-Ubuntu SMP Mon Apr 15 09:52:04 UTC 2024 x86_64${busyboxish(x) ? " Linux" : " GNU/Linux"}\n` : args.includes("-r") ? "5.15.0-105-generic\n" : "Linux\n");
    case "curl":
      return runCurl(toolEnv(x), args);
    case "wget":
      return runWget(toolEnv(x), args);
    case "nslookup":
      return runNslookup(toolEnv(x), args);
    case "ping":
      return runPing(toolEnv(x), args);
    case "ip":
      return runIp(toolEnv(x), args);
    case "grep":
    case "head":
    case "tail":
    case "wc":
    case "sort":
      return textFilter(userland(x), [base, ...args], stdin);
    default:
      return res("");
  }
}

function runScript(x: PodContext, script: string, shell: string): CommandResult {
  let stdout = "";
  let stderr = "";
  let status = 0;
  for (const { pipeline, op } of splitScript(script, x.env)) {
    if (op === "&&" && status !== 0) continue;
    if (op === "||" && status === 0) continue;
    let input = "";
    for (let i = 0; i < pipeline.length; i++) {
      const argv = pipeline[i]!;
      const r = runOne(x, argv, input);
      const last = i === pipeline.length - 1;
      if ("notFound" in r) {
        const msg = busyboxish(x) ? `${shell}: ${r.notFound}: not found\n` : `${shell}: 1: ${r.notFound}: not found\n`;
        stderr += msg;
        status = 127;
        input = "";
        continue;
      }
      stderr += r.stderr;
      if (last) stdout += r.stdout;
      else input = r.stdout;
      status = r.exitCode;
      if (argv[0] === "exit") return res(stdout, status, stderr);
    }
  }
  return res(stdout, status, stderr);
}

type PodFailure = Exclude<PodExecResult, { kind: "ran" } | { kind: "not-found" }>;

function podContext(world: World, pod: { namespace: string; name: string }, container: string | undefined, options: PodExecOptions): PodContext | PodFailure {
  const net = findPod(world, pod.namespace, pod.name);
  if (!net) return { kind: "no-pod" };
  const specs = (net.pod.spec?.containers ?? []) as Container[];
  const spec = container ? specs.find((c) => c.name === container) : specs[0];
  if (!spec) return { kind: "no-container", container: container ?? "" };
  const running = net.running.find((c) => c.name === spec.name);
  if (!running) return { kind: "not-running", container: spec.name };
  const resolved = resolveImage(spec.image);
  if (!resolved.ok) return { kind: "not-running", container: spec.name };
  const image = resolved.image;
  const env = containerEnv(world, net, spec, image.config.env);
  const user = containerUser(net.pod, spec, image);
  if (user.uid !== 0) {
    const home = env.findIndex(([k]) => k === "HOME");
    if (home >= 0 && !(spec.env ?? []).some((e) => e.name === "HOME")) env[home] = ["HOME", user.home];
  }
  for (const [k, v] of Object.entries(options.env ?? {})) env.push([k, v]);
  return {
    world,
    pod: net,
    spec,
    image,
    flavour: flavourOf(image),
    env,
    tools: new Set(image.tools),
    tty: options.tty ?? false,
    cwd: (typeof spec.workingDir === "string" && spec.workingDir) || image.config.workingDir || "/",
    columns: options.columns ?? 80,
  };
}

/** Runs argv in a pod's container, as `kubectl exec` would. Time moves by what it waits. */
export function runInPod(world: World, pod: { namespace: string; name: string }, container: string | undefined, argv: string[], options: PodExecOptions = {}): PodExecResult {
  const x = podContext(world, pod, container, options);
  if ("kind" in x) return x;
  const name = argv[0] ?? "";
  const base = name.slice(name.lastIndexOf("/") + 1);
  // Shell builtins exist only inside a shell: `kubectl exec POD -- echo` needs an echo binary.
  if (!x.tools.has(base)) return { kind: "not-found", executable: name };
  const r = runOne(x, argv, options.stdin ?? "");
  if ("notFound" in r) return { kind: "not-found", executable: r.notFound };
  return { kind: "ran", result: r };
}

/** A running container, as an interactive shell in it sees it. */
export interface PodRunner {
  image: CatalogueImage;
  spec: Container;
  pod: PodNet;
  /** The environment processes start with. */
  env: [string, string][];
  /** The container's working directory. */
  workingDir: string;
  /** When the container's current run started (a restart ends the shells in it). */
  startedAt: number;
  root(): RootFs;
  /** Runs a program of the image in `cwd` with `env`, or notFound. */
  run(argv: string[], io: { stdin: string; cwd: string; env: [string, string][]; tty?: boolean }): CommandResult | { notFound: true };
}

/** The container `kubectl exec -it POD -- sh` opens a shell in, or why it cannot. */
export function podRunner(world: World, pod: { namespace: string; name: string }, container: string | undefined, options: PodExecOptions = {}): PodRunner | PodFailure {
  const x = podContext(world, pod, container, options);
  if ("kind" in x) return x;
  const startedAt = x.pod.running.find((c) => c.name === x.spec.name)!.startedAt;
  return {
    image: x.image,
    spec: x.spec,
    pod: x.pod,
    env: x.env,
    workingDir: x.cwd,
    startedAt,
    root: () => rootOf(x),
    run(argv, io) {
      const name = argv[0] ?? "";
      const base = name.slice(name.lastIndexOf("/") + 1);
      if (!x.tools.has(base)) return { notFound: true };
      const r = runOne({ ...x, cwd: io.cwd, env: io.env, tty: io.tty ?? x.tty }, argv, io.stdin);
      return "notFound" in r ? { notFound: true } : r;
    },
  };
}
