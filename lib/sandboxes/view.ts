import "server-only";
import type { Sandbox } from "@/lib/engine/sandbox";
import { resourceForKind } from "@/lib/engine/apiserver/registry";
import { getCondition } from "@/lib/engine/controllers/util";
import { activeEndpoints, daemonRunning } from "@/lib/engine/docker";
import { processStatusAt } from "@/lib/engine/images/process";
import type { ContainerState } from "@/lib/engine/docker";
import { commandReplays } from "./replay";
import type { ClusterView, DockerHostView, PodView } from "./view-model";

export type { ClusterView } from "./view-model";

// What the cluster diagram shows: the control plane, nodes with their pods coloured by phase,
// Services with their endpoints, the Docker hosts with their networks and containers, and what
// the recent commands made each component do. Reading it changes nothing in the sandbox.

const kind = (k: string) => resourceForKind(k)!;

interface ContainerStatus {
  restartCount?: number;
  state?: { waiting?: { reason?: string }; terminated?: { reason?: string } };
}

function podView(p: ReturnType<Sandbox["cluster"]["api"]["list"]>[number]): PodView {
  const statuses = (p.status?.containerStatuses ?? []) as ContainerStatus[];
  const reason = statuses.map((s) => s.state?.waiting?.reason ?? s.state?.terminated?.reason).find((r) => r !== undefined) ?? (p.status?.reason as string | undefined);
  return {
    namespace: p.metadata.namespace!,
    name: p.metadata.name,
    phase: p.status?.phase ?? "Pending",
    ready: getCondition(p, "Ready")?.status === "True",
    ...(p.status?.podIP ? { ip: p.status.podIP as string } : {}),
    terminating: Boolean(p.metadata.deletionTimestamp),
    ...(reason ? { reason } : {}),
    restarts: statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0),
  };
}

/** A container's status now, without writing it back (the docker CLI does that when it looks). */
function containerStatus(c: ContainerState, now: number): string {
  if (c.status !== "running") return c.status;
  const run = c.runs[c.runs.length - 1];
  return run && processStatusAt(run.plan, run.startedAt, now).state === "exited" ? "exited" : "running";
}

function dockerHosts(sandbox: Sandbox): DockerHostView[] {
  const now = sandbox.now();
  const out: DockerHostView[] = [];
  for (const host of Object.values(sandbox.hosts)) {
    const engine = host.docker;
    if (!engine) continue;
    const running = daemonRunning(host);
    out.push({
      name: host.name,
      ip: host.ip,
      running,
      version: engine.version,
      networks: engine.networks
        .map((n) => ({
          name: n.name,
          driver: n.driver,
          ...(n.ipamConfig[0]?.Subnet ? { subnet: n.ipamConfig[0].Subnet } : {}),
          predefined: n.predefined,
          containers: running
            ? activeEndpoints(engine, n)
                .filter(({ container }) => containerStatus(container, now) === "running")
                .map(({ container, endpoint }) => ({ name: container.name, ip: endpoint.ip }))
            : [],
        }))
        // The predefined networks (bridge, host, none) only matter once something uses them.
        .filter((n) => !n.predefined || n.containers.length > 0)
        .map(({ predefined: _predefined, ...n }) => n),
      containers: engine.containers.map((c) => ({ name: c.name, image: c.image, status: running ? containerStatus(c, now) : c.status === "running" ? "exited" : c.status })),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function clusterView(sandbox: Sandbox): ClusterView {
  const cluster = sandbox.cluster;
  const kubernetes = sandbox.environment.nodes.length > 0;
  const up = kubernetes && sandbox.apiServerUp();
  const view: ClusterView = {
    time: sandbox.now(),
    kubernetes,
    apiServerUp: up,
    controlPlane: kubernetes
      ? ["kube-apiserver", "etcd", "kube-scheduler", "kube-controller-manager"].map((name) => ({ name, running: name === "etcd" ? sandbox.store.leader() !== undefined : cluster.isRunning(name as never) }))
      : [],
    nodes: [],
    pending: [],
    services: [],
    dockerHosts: dockerHosts(sandbox),
    replays: commandReplays(sandbox),
  };
  if (!up) return view;
  const pods = cluster.api.list(kind("Pod"));
  for (const node of cluster.api.list(kind("Node"))) {
    view.nodes.push({
      name: node.metadata.name,
      ready: getCondition(node, "Ready")?.status === "True",
      roles: Object.keys(node.metadata.labels ?? {})
        .filter((l) => l.startsWith("node-role.kubernetes.io/"))
        .map((l) => l.slice("node-role.kubernetes.io/".length)),
      unschedulable: Boolean(node.spec?.unschedulable),
      pods: pods.filter((p) => p.spec?.nodeName === node.metadata.name).map(podView),
    });
  }
  for (const p of pods.filter((x) => !x.spec?.nodeName)) {
    const reason = getCondition(p, "PodScheduled")?.message;
    view.pending.push({ namespace: p.metadata.namespace!, name: p.metadata.name, ...(reason ? { reason } : {}) });
  }
  for (const svc of cluster.api.list(kind("Service"))) {
    const ep = cluster.api.tryGet(kind("Endpoints"), svc.metadata.namespace, svc.metadata.name);
    type Address = { ip: string; targetRef?: { kind?: string; name?: string } };
    const subsets = (ep?.subsets ?? []) as { addresses?: Address[]; notReadyAddresses?: Address[] }[];
    const address = (a: Address, ready: boolean) => ({ ip: a.ip, ready, ...(a.targetRef?.kind === "Pod" && a.targetRef.name ? { pod: a.targetRef.name } : {}) });
    const ports = (svc.spec?.ports ?? []) as { port: number; nodePort?: number; protocol?: string }[];
    view.services.push({
      namespace: svc.metadata.namespace!,
      name: svc.metadata.name,
      type: svc.spec?.type ?? "ClusterIP",
      ...(svc.spec?.clusterIP ? { clusterIP: svc.spec.clusterIP as string } : {}),
      ports: ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol ?? "TCP"}`),
      endpoints: subsets.flatMap((s) => [...(s.addresses ?? []).map((a) => address(a, true)), ...(s.notReadyAddresses ?? []).map((a) => address(a, false))]),
    });
  }
  return view;
}
