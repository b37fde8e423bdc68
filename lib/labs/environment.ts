// Turns a lab's environment section into a sandbox: the cluster's shape (workers, etcd members,
// taints and labels), the objects created before the learner arrives, the faults injected, or the
// Docker data centre with its jump host. Faults happen a few minutes before the learner starts,
// so their effects (a NotReady node, a crash-looping component) are already visible.
import { parseAllDocuments } from "yaml";
import type { KubeObject } from "@/lib/engine/api/types";
import { resourceForKind } from "@/lib/engine/apiserver/registry";
import { parseLabelSelector } from "@/lib/engine/apiserver/selectors";
import { stopUnit, unitHooks } from "@/lib/engine/cli/node";
import { dataCentreMachines, type MachineSpec } from "@/lib/engine/environment/machines";
import { defaultEnvironment, type EnvironmentSpec } from "@/lib/engine/environment/spec";
import { actorFor, dirname, mkdir, writeFile, ROOT } from "@/lib/engine/hosts/fs";
import { noticeManifestChanges } from "@/lib/engine/kubelet/static-pods";
import { DEFAULT_START, Sandbox } from "@/lib/engine/sandbox";
import type { Fault, Lab, LabEnvironment } from "./schema";

/** How long before the learner arrives the faults were injected. */
export const FAULT_LEAD_MS = 3 * 60_000;
/** Time between two faults. */
export const FAULT_STEP_MS = 30_000;

// An external etcd member runs as the `etcd` unit on its own machine: stopping the unit stops
// the member, starting it lets the member rejoin (and catch up).
unitHooks.etcd ??= {
  start(world, host) {
    if (world.sandbox.store.members().some((m) => m.name === host.name)) world.sandbox.store.startMember(host.name);
  },
  stop(world, host) {
    if (world.sandbox.store.members().some((m) => m.name === host.name)) world.sandbox.store.stopMember(host.name);
  },
};

/** The manifests of `objects`, namespaces first, with the default namespace filled in. */
export function parseObjects(text: string | undefined): KubeObject[] {
  if (!text) return [];
  const out: KubeObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`objects: ${doc.errors[0]!.message}`);
    const obj = doc.toJS() as KubeObject | null;
    if (obj === null) continue;
    if (!obj.apiVersion || !obj.kind || !obj.metadata?.name) throw new Error("objects: every manifest needs apiVersion, kind and metadata.name");
    const info = resourceForKind(obj.kind, obj.apiVersion);
    if (!info) throw new Error(`objects: the API server does not serve ${obj.apiVersion} ${obj.kind}`);
    if (info.namespaced) obj.metadata.namespace ??= "default";
    out.push(obj);
  }
  return [...out.filter((o) => o.kind === "Namespace"), ...out.filter((o) => o.kind !== "Namespace")];
}

function etcdMachine(name: string, ip: string): MachineSpec {
  return { name, ip, distro: "ubuntu", users: [{ name: "ubuntu", uid: 1000, sudo: "nopasswd" }], etcd: true };
}

/** The engine's environment for a lab: default kubeadm shape with the lab's changes, or the data centre. */
export function labEnvironmentSpec(id: string, env: LabEnvironment): EnvironmentSpec {
  const base = defaultEnvironment();
  if (env.dockerHosts) {
    return {
      ...base,
      id,
      nodes: [],
      etcdMembers: [],
      addons: { coredns: false, kubeProxy: false, calico: false },
      objects: [],
      machines: dataCentreMachines(env.dockerHosts.version),
      start: env.start ?? { host: "jump_host", user: "thor" },
    };
  }
  const shape = env.cluster ?? { workers: 2, etcdMembers: 1, taints: {}, labels: {} };
  const [controlPlane, firstWorker] = base.nodes;
  const nodes = [controlPlane!];
  for (let i = 1; i <= shape.workers; i++) {
    const name = `node${String(i).padStart(2, "0")}`;
    nodes.push({ ...firstWorker!, name, ip: `172.30.2.${i + 1}`, podCidrIndex: i });
  }
  for (const node of Object.keys({ ...shape.taints, ...shape.labels })) {
    if (!nodes.some((n) => n.name === node)) throw new Error(`environment: no node ${node}`);
  }
  const withExtras = nodes.map((n) => ({
    ...n,
    ...(shape.taints[n.name] ? { taints: [...(n.taints ?? []), ...shape.taints[n.name]!] } : {}),
    ...(shape.labels[n.name] ? { labels: { ...(n.labels ?? {}), ...shape.labels[n.name] } } : {}),
  }));
  const extraMembers = Array.from({ length: shape.etcdMembers - 1 }, (_, i) => ({ name: `etcd-${i + 2}`, ip: `172.30.1.${i + 3}` }));
  return {
    ...base,
    id,
    nodes: withExtras,
    etcdMembers: [...base.etcdMembers, ...extraMembers],
    objects: parseObjects(env.objects),
    ...(extraMembers.length > 0 ? { machines: extraMembers.map((m) => etcdMachine(m.name, m.ip)) } : {}),
    ...(env.start ? { start: env.start } : {}),
  };
}

function applyFault(sandbox: Sandbox, fault: Fault) {
  const world = sandbox.world();
  const host = (name: string) => {
    const h = sandbox.hosts[name];
    if (!h) throw new Error(`fault ${fault.type}: no machine ${name}`);
    return h;
  };
  switch (fault.type) {
    case "kubelet-stopped": {
      const h = host(fault.node);
      const unit = h.units.kubelet;
      if (!unit) throw new Error(`fault kubelet-stopped: ${fault.node} has no kubelet`);
      stopUnit(world, h, unit);
      return;
    }
    case "manifest-edit": {
      const cp = sandbox.environment.nodes[0];
      if (!cp) throw new Error("fault manifest-edit: no control plane");
      const node = host(cp.name).fs[`/etc/kubernetes/manifests/${fault.file}`];
      if (!node || node.type !== "file") throw new Error(`fault manifest-edit: no manifest ${fault.file}`);
      if (!node.content.includes(fault.find)) throw new Error(`fault manifest-edit: ${fault.file} does not contain ${JSON.stringify(fault.find)}`);
      node.content = node.content.replace(fault.find, fault.replace);
      node.mtime = sandbox.now();
      noticeManifestChanges(sandbox.cluster);
      return;
    }
    case "delete-pods": {
      const info = resourceForKind("Pod")!;
      const pods = sandbox.cluster.api.list(info, fault.namespace, { labelSelector: parseLabelSelector(fault.selector) });
      if (pods.length === 0) throw new Error(`fault delete-pods: nothing matches ${fault.selector} in ${fault.namespace}`);
      for (const p of pods) sandbox.cluster.api.delete(info, fault.namespace, p.metadata.name);
      return;
    }
    case "file": {
      const h = host(fault.host);
      mkdir(h.fs, dirname(fault.path), ROOT, sandbox.now(), { parents: true });
      const actor = fault.owner ? actorFor(h, fault.owner) : ROOT;
      const r = writeFile(h.fs, fault.path, fault.content, actor, sandbox.now(), fault.mode !== undefined ? { mode: fault.mode } : {});
      if (!r.ok) throw new Error(`fault file: cannot write ${fault.path} on ${fault.host}: ${r.code}`);
      const node = h.fs[fault.path];
      if (node && node.type === "file" && fault.mode !== undefined) node.mode = fault.mode;
      return;
    }
    case "etcd-member-stopped": {
      const unit = sandbox.hosts[fault.member]?.units.etcd;
      if (unit) stopUnit(world, sandbox.hosts[fault.member]!, unit);
      else sandbox.store.stopMember(fault.member);
      return;
    }
    case "etcd-leader": {
      // An election picks the first running member in configured order: restarting the members
      // ahead of the target, one at a time, hands it the leadership.
      const store = sandbox.store;
      const names = store.members().map((m) => m.name);
      const ahead = names.slice(0, Math.max(0, names.indexOf(fault.member)));
      for (const name of ahead) {
        store.stopMember(name);
        store.startMember(name);
      }
      if (store.leader() !== fault.member) throw new Error(`fault etcd-leader: ${fault.member} cannot lead this cluster`);
      return;
    }
  }
}

export interface LabSandboxOptions {
  seed: number;
  /** The sandbox's "now" when the learner arrives. */
  startTime?: number;
}

/** A fresh sandbox for a lab, faults injected, ready for the learner. */
export function createLabSandbox(lab: Pick<Lab, "id" | "environment">, options: LabSandboxOptions): Sandbox {
  const environment = labEnvironmentSpec(lab.id, lab.environment);
  const start = options.startTime ?? DEFAULT_START;
  const faults = lab.environment.faults;
  if (faults.length === 0) return Sandbox.create({ seed: options.seed, environment, startTime: start });
  // Faults happen in order, FAULT_STEP_MS apart, so that each one's effect (a component down)
  // is in place before the next.
  const sandbox = Sandbox.create({ seed: options.seed, environment, startTime: start - FAULT_LEAD_MS - faults.length * FAULT_STEP_MS });
  for (const fault of faults) {
    // Someone is at work on the cluster: heartbeats (node monitor, leases) run at their real pace.
    sandbox.activity();
    applyFault(sandbox, fault);
    sandbox.advanceBy(FAULT_STEP_MS);
  }
  sandbox.advanceTo(start);
  // The learner arrives: whatever the faults caused (a NotReady node) is visible at once.
  sandbox.activity();
  return sandbox;
}
