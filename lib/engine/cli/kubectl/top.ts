// kubectl top: resource usage from the Metrics API, which metrics-server serves.
import type { KubeObject } from "../../api/types";
import { isPodReady, quantityValue } from "../../controllers/util";
import { kubelets } from "../../kubelet/kubelet";
import { processPlan } from "../../kubelet/runtime";
import { resolveImage } from "../../images";
import { parseLabelSelector } from "../../apiserver/selectors";
import { KUBECTL_TABLE, tabulate } from "./format";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { resolveType } from "./resources";
import type { Session } from "./session";

export const TOP_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "containers", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "sort-by", kind: "string" },
  { name: "no-headers", kind: "bool" },
];

/** What the OS, the kubelet and containerd use on a node besides the pods. */
const SYSTEM_CPU_MILLI = 60;
const SYSTEM_MEMORY = 620 * 1024 * 1024;

/** Whether the Metrics API answers: a Ready metrics-server pod in kube-system. */
function metricsAvailable(s: Session): boolean {
  return s.api.list(resolveType("pods"), "kube-system", { labelSelector: parseLabelSelector("k8s-app=metrics-server") }).some(isPodReady);
}

interface Usage {
  cpu: number;
  memory: number;
}

function containerUsage(s: Session, pod: KubeObject, name: string): Usage | undefined {
  const node = pod.spec?.nodeName as string | undefined;
  const runtime = node ? kubelets(s.ctx.world.sandbox.cluster)[node]?.pods[pod.metadata.uid!] : undefined;
  const c = runtime?.containers[name];
  const spec = (pod.spec?.containers as { name: string; image: string }[]).find((x) => x.name === name);
  if (!runtime || !c || c.state !== "running" || !spec) return undefined;
  const resolved = resolveImage(spec.image);
  if (!resolved.ok) return undefined;
  const plan = processPlan(resolved.image, spec as never, pod, runtime.ip);
  return { cpu: plan.idle.cpuMillicores, memory: plan.idle.memoryBytes };
}

const table = (rows: string[][]) => tabulate(rows.map((r) => `${r.join("\t")}\n`).join(""), KUBECTL_TABLE);

const cores = (milli: number) => `${Math.max(1, Math.round(milli))}m`;
const mebibytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024 / 1024))}Mi`;

export function runTop(s: Session) {
  const out = s.output;
  const [what, ...names] = s.parsed.args;
  if (what !== "node" && what !== "nodes" && what !== "no" && what !== "pod" && what !== "pods" && what !== "po") {
    out.err(`error: unknown command "${what ?? ""}" for "kubectl top"`);
    return;
  }
  if (!metricsAvailable(s)) {
    out.err("error: Metrics API not available");
    return;
  }
  const pods = s.api.list(resolveType("pods"));
  if (what.startsWith("no")) {
    const rows: string[][] = [["NAME", "CPU(cores)", "CPU(%)", "MEMORY(bytes)", "MEMORY(%)"]];
    for (const node of s.api.list(resolveType("nodes"))) {
      if (names.length && !names.includes(node.metadata.name)) continue;
      let cpu = SYSTEM_CPU_MILLI;
      let memory = SYSTEM_MEMORY;
      for (const p of pods.filter((x) => x.spec?.nodeName === node.metadata.name)) {
        for (const c of p.spec.containers as { name: string }[]) {
          const u = containerUsage(s, p, c.name);
          if (u) {
            cpu += u.cpu;
            memory += u.memory;
          }
        }
      }
      const allocCpu = quantityValue(node.status?.allocatable?.cpu) * 1000;
      const allocMem = quantityValue(node.status?.allocatable?.memory);
      rows.push([node.metadata.name, cores(cpu), `${Math.round((cpu / allocCpu) * 100)}%`, mebibytes(memory), `${Math.round((memory / allocMem) * 100)}%`]);
    }
    out.out(table(s.flag("no-headers") ? rows.slice(1) : rows));
    return;
  }
  const all = Boolean(s.flag("all-namespaces"));
  const selected = pods
    .filter((p) => (all || p.metadata.namespace === s.namespace) && (!names.length || names.includes(p.metadata.name)) && p.status?.phase === "Running")
    .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  if (selected.length === 0) {
    out.err(names.length ? `error: pods "${names[0]}" not found` : `No resources found in ${s.namespace} namespace.`, names.length ? 1 : 0);
    return;
  }
  const containers = Boolean(s.flag("containers"));
  const header = [...(all ? ["NAMESPACE"] : []), ...(containers ? ["POD", "NAME"] : ["NAME"]), "CPU(cores)", "MEMORY(bytes)"];
  const rows: string[][] = [header];
  for (const p of selected) {
    const usages = (p.spec.containers as { name: string }[]).map((c) => [c.name, containerUsage(s, p, c.name) ?? { cpu: 0, memory: 0 }] as const);
    if (containers) {
      for (const [name, u] of usages) rows.push([...(all ? [p.metadata.namespace!] : []), p.metadata.name, name, cores(u.cpu), mebibytes(u.memory)]);
    } else {
      const cpu = usages.reduce((n, [, u]) => n + u.cpu, 0);
      const memory = usages.reduce((n, [, u]) => n + u.memory, 0);
      rows.push([...(all ? [p.metadata.namespace!] : []), p.metadata.name, cores(cpu), mebibytes(memory)]);
    }
  }
  out.out(table(s.flag("no-headers") ? rows.slice(1) : rows));
}
