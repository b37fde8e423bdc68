import "server-only";
import type { Sandbox } from "@/lib/engine/sandbox";
import { resourceForKind } from "@/lib/engine/apiserver/registry";
import { getCondition } from "@/lib/engine/controllers/util";
import { schedulerState } from "@/lib/engine/scheduler/scheduler";

// What the cluster diagram shows: the control plane, nodes with their pods coloured by phase,
// Services with their endpoints, and the recent request trace.

export interface ClusterView {
  time: number;
  apiServerUp: boolean;
  controlPlane: { name: string; running: boolean }[];
  nodes: { name: string; ready: boolean; roles: string[]; pods: { namespace: string; name: string; phase: string; ready: boolean; ip?: string; terminating: boolean }[] }[];
  pending: { namespace: string; name: string; reason?: string }[];
  services: { namespace: string; name: string; type: string; clusterIP?: string; ready: number; notReady: number }[];
  trace: { id: number; at: number; cause?: number; actor: string; action: string; object?: string; who?: string }[];
  decisions: ReturnType<typeof schedulerState>["decisions"];
}

const kind = (k: string) => resourceForKind(k)!;

export function clusterView(sandbox: Sandbox): ClusterView {
  const cluster = sandbox.cluster;
  const up = sandbox.apiServerUp();
  const view: ClusterView = {
    time: sandbox.now(),
    apiServerUp: up,
    controlPlane: ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"].map((name) => ({ name, running: name === "etcd" ? sandbox.store.leader() !== undefined : cluster.isRunning(name as never) })),
    nodes: [],
    pending: [],
    services: [],
    trace: cluster.trace.entries().slice(-60).map((e) => ({ id: e.id, at: e.at, ...(e.cause !== undefined ? { cause: e.cause } : {}), actor: e.actor, action: e.action, ...(e.object ? { object: e.object } : {}), ...(e.who ? { who: e.who } : {}) })),
    decisions: schedulerState(cluster).decisions.slice(-10),
  };
  if (!up) return view;
  const pods = cluster.api.list(kind("Pod"));
  for (const node of cluster.api.list(kind("Node"))) {
    view.nodes.push({
      name: node.metadata.name,
      ready: getCondition(node, "Ready")?.status === "True",
      roles: Object.keys(node.metadata.labels ?? {}).filter((l) => l.startsWith("node-role.kubernetes.io/")).map((l) => l.slice("node-role.kubernetes.io/".length)),
      pods: pods
        .filter((p) => p.spec?.nodeName === node.metadata.name)
        .map((p) => ({
          namespace: p.metadata.namespace!,
          name: p.metadata.name,
          phase: p.status?.phase ?? "Pending",
          ready: getCondition(p, "Ready")?.status === "True",
          ...(p.status?.podIP ? { ip: p.status.podIP as string } : {}),
          terminating: Boolean(p.metadata.deletionTimestamp),
        })),
    });
  }
  for (const p of pods.filter((x) => !x.spec?.nodeName)) {
    const reason = getCondition(p, "PodScheduled")?.message;
    view.pending.push({ namespace: p.metadata.namespace!, name: p.metadata.name, ...(reason ? { reason } : {}) });
  }
  for (const svc of cluster.api.list(kind("Service"))) {
    const ep = cluster.api.tryGet(kind("Endpoints"), svc.metadata.namespace, svc.metadata.name);
    const subsets = (ep?.subsets ?? []) as { addresses?: unknown[]; notReadyAddresses?: unknown[] }[];
    view.services.push({
      namespace: svc.metadata.namespace!,
      name: svc.metadata.name,
      type: svc.spec?.type ?? "ClusterIP",
      ...(svc.spec?.clusterIP ? { clusterIP: svc.spec.clusterIP as string } : {}),
      ready: subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0),
      notReady: subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0),
    });
  }
  return view;
}
