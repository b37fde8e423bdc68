// Programs run inside a pod's container (what `kubectl exec POD -- ...` needs): the network
// tools the image ships (curl, wget, nslookup, ping, ip), the files the kubelet gives the pod
// (/etc/resolv.conf, /etc/hosts, /etc/hostname), hostname, env/printenv, echo, sleep, and
// `sh -c` scripts built from those (; && || and simple pipes into grep, head, tail, wc).
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

export interface PodExecOptions {
  /** kubectl exec -t: stdout is a terminal (curl then shows no progress meter). */
  tty?: boolean;
  /** Extra environment (none by default). */
  env?: Record<string, string>;
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

function readPodFile(x: PodContext, path: string): string | undefined {
  switch (path) {
    case "/etc/resolv.conf":
      return podResolvConf(x.world, x.pod);
    case "/etc/hosts":
      return podHostsFile(x.world, x.pod);
    case "/etc/hostname":
      return `${podHostname(x.pod.pod)}\n`;
    default:
      return undefined;
  }
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

/** The text filters a pipeline may end in. */
function filter(argv: string[], input: string): CommandResult {
  const name = argv[0]!;
  const args = argv.slice(1);
  const lines = input.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const joined = (ls: string[]) => (ls.length ? `${ls.join("\n")}\n` : "");
  if (name === "grep") {
    const flags = args.filter((a) => a.startsWith("-") && a.length > 1).join("");
    const pattern = args.find((a) => !a.startsWith("-") || a === "-") ?? "";
    let re: RegExp;
    try {
      re = new RegExp(pattern, flags.includes("i") ? "i" : "");
    } catch {
      re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    }
    const hits = lines.filter((l) => re.test(l) !== flags.includes("v"));
    if (flags.includes("c")) return res(`${hits.length}\n`, hits.length ? 0 : 1);
    if (flags.includes("o")) return res(joined(hits.map((l) => re.exec(l)?.[0] ?? "")), hits.length ? 0 : 1);
    return res(joined(hits), hits.length ? 0 : 1);
  }
  if (name === "head" || name === "tail") {
    let n = 10;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-n") n = Number(args[++i] ?? 10);
      else if (/^-n?\d+$/.test(a)) n = Number(a.replace(/^-n?/, ""));
    }
    return res(joined(name === "head" ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n))));
  }
  if (name === "wc") {
    if (args.includes("-l")) return res(`${String(lines.length)}\n`);
    if (args.includes("-c")) return res(`${String(input.length)}\n`);
    return res(`${String(lines.length)} ${String(input.split(/\s+/).filter(Boolean).length)} ${String(input.length)}\n`);
  }
  return res(input);
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
    case "cat": {
      if (args.length === 0) return res(stdin);
      let text = "";
      for (const f of args) {
        const content = readPodFile(x, f);
        if (content === undefined) return res(text, 1, busyboxish(x) ? `cat: can't open '${f}': No such file or directory\n` : `cat: ${f}: No such file or directory\n`);
        text += content;
      }
      return res(text);
    }
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
      return filter(argv, stdin);
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

/** Runs argv in a pod's container, as `kubectl exec` would. Time moves by what it waits. */
export function runInPod(world: World, pod: { namespace: string; name: string }, container: string | undefined, argv: string[], options: PodExecOptions = {}): PodExecResult {
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
  for (const [k, v] of Object.entries(options.env ?? {})) env.push([k, v]);
  const x: PodContext = { world, pod: net, spec, image, flavour: flavourOf(image), env, tools: new Set(image.tools), tty: options.tty ?? false };
  const name = argv[0] ?? "";
  const base = name.slice(name.lastIndexOf("/") + 1);
  // Shell builtins exist only inside a shell: `kubectl exec POD -- echo` needs an echo binary.
  if (!x.tools.has(base)) return { kind: "not-found", executable: name };
  const r = runOne(x, argv, "");
  if ("notFound" in r) return { kind: "not-found", executable: r.notFound };
  return { kind: "ran", result: r };
}
