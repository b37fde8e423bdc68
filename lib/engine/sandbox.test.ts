import { describe, expect, it } from "vitest";
import { Sandbox } from "./sandbox";
import { kind, pods, isReady, nginxDeployment, advanceInSteps } from "./test/fixtures";
import { getCondition } from "./controllers/util";

describe("the default sandbox", () => {
  const sb = Sandbox.create({ seed: 1 });

  it("has three Ready nodes, the control plane tainted", () => {
    const nodes = sb.cluster.api.list(kind("Node"));
    expect(nodes.map((n) => n.metadata.name)).toEqual(["controlplane", "node01", "node02"]);
    for (const n of nodes) expect(getCondition(n, "Ready")?.status).toBe("True");
    expect(nodes[0]!.spec.taints).toEqual([{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }]);
  });

  it("runs the kubeadm control plane and add-ons in kube-system, all Running and Ready", () => {
    const system = pods(sb, "kube-system");
    const names = system.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, "-*").replace(/-[a-z0-9]{8,10}-\*$/, "-*-*"));
    expect(names.sort()).toEqual(
      [
        "calico-kube-controllers-*-*",
        "calico-node-*",
        "calico-node-*",
        "calico-node-*",
        "coredns-*-*",
        "coredns-*-*",
        "etcd-controlplane",
        "kube-apiserver-controlplane",
        "kube-controller-manager-controlplane",
        "kube-proxy-*",
        "kube-proxy-*",
        "kube-proxy-*",
        "kube-scheduler-controlplane",
      ].sort(),
    );
    for (const p of system) {
      expect(p.status.phase, p.metadata.name).toBe("Running");
      expect(isReady(p), p.metadata.name).toBe(true);
    }
    const perNode = (name: string) => system.filter((p) => p.metadata.name.startsWith(name)).map((p) => p.spec.nodeName).sort();
    expect(perNode("kube-proxy")).toEqual(["controlplane", "node01", "node02"]);
    expect(perNode("calico-node")).toEqual(["controlplane", "node01", "node02"]);
  });

  it("has the namespaces, the kubernetes Service at 10.96.0.1 and kube-dns at 10.96.0.10 with endpoints", () => {
    expect(sb.cluster.api.list(kind("Namespace")).map((n) => n.metadata.name)).toEqual(["default", "kube-node-lease", "kube-public", "kube-system"]);
    expect(sb.cluster.api.get(kind("Service"), "default", "kubernetes").spec.clusterIP).toBe("10.96.0.1");
    const dns = sb.cluster.api.get(kind("Endpoints"), "kube-system", "kube-dns");
    expect((dns.subsets as { addresses: unknown[] }[])[0]!.addresses).toHaveLength(2);
    for (const ns of ["default", "kube-system", "kube-public", "kube-node-lease"]) {
      expect(sb.cluster.api.tryGet(kind("ServiceAccount"), ns, "default"), ns).toBeDefined();
      expect(sb.cluster.api.tryGet(kind("ConfigMap"), ns, "kube-root-ca.crt"), ns).toBeDefined();
    }
  });

  it("stores objects under their real etcd keys", () => {
    const keys = sb.store.range("/registry/", { prefix: true, keysOnly: true }).kvs.map((kv) => kv.key);
    expect(keys).toContain("/registry/minions/node01");
    expect(keys).toContain("/registry/services/specs/default/kubernetes");
    expect(keys).toContain("/registry/services/endpoints/kube-system/kube-dns");
    expect(keys).toContain("/registry/deployments/kube-system/coredns");
    expect(keys).toContain("/registry/leases/kube-node-lease/node01");
  });
});

describe("the Russian note's Deployment in namespace name-space", () => {
  function withDeployment() {
    const sb = Sandbox.create({ seed: 7 });
    sb.cluster.api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "name-space" } });
    sb.cluster.api.create(nginxDeployment(), "name-space");
    sb.advanceBy(60_000);
    return sb;
  }

  it("reaches 5 Ready pods spread over node01 and node02, none on controlplane", () => {
    const sb = withDeployment();
    const running = pods(sb, "name-space", { app: "nginx" });
    expect(running).toHaveLength(5);
    expect(running.every(isReady)).toBe(true);
    const nodes = new Set(running.map((p) => p.spec.nodeName));
    expect(nodes).toEqual(new Set(["node01", "node02"]));
    const d = sb.cluster.api.get(kind("Deployment"), "name-space", "nginx-deployment");
    expect(d.status).toMatchObject({ replicas: 5, readyReplicas: 5, availableReplicas: 5, updatedReplicas: 5 });
    const rs = sb.cluster.api.list(kind("ReplicaSet"), "name-space");
    expect(rs).toHaveLength(1);
    expect(rs[0]!.metadata.name).toMatch(/^nginx-deployment-[bcdfghjklmnpqrstvwxz2456789]{8,10}$/);
    expect(running[0]!.metadata.name).toMatch(new RegExp(`^${rs[0]!.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
  });

  it("replaces a deleted pod", () => {
    const sb = withDeployment();
    const victim = pods(sb, "name-space")[0]!;
    sb.cluster.api.delete(kind("Pod"), "name-space", victim.metadata.name);
    sb.advanceBy(30_000);
    const now = pods(sb, "name-space");
    expect(now).toHaveLength(5);
    expect(now.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
    expect(now.every(isReady)).toBe(true);
  });

  it("rolls out a new image without ever dropping below 4 available", () => {
    const sb = withDeployment();
    const d = sb.cluster.api.get(kind("Deployment"), "name-space", "nginx-deployment");
    const next = structuredClone(d);
    next.spec.template.spec.containers[0].image = "nginxdemos/hello:plain-text";
    sb.cluster.api.update(next);
    let minAvailable = 5;
    advanceInSteps(sb, 120_000, 100, () => {
      const available = pods(sb, "name-space").filter((p) => isReady(p) && !p.metadata.deletionTimestamp).length;
      minAvailable = Math.min(minAvailable, available);
    });
    expect(minAvailable).toBeGreaterThanOrEqual(4);
    const after = pods(sb, "name-space");
    expect(after).toHaveLength(5);
    expect(after.every((p) => p.spec.containers[0].image === "nginxdemos/hello:plain-text" && isReady(p))).toBe(true);
    expect(sb.cluster.api.list(kind("ReplicaSet"), "name-space").map((r) => r.spec.replicas).sort()).toEqual([0, 5]);
  });
});

describe("determinism", () => {
  it("gives byte-identical snapshots for the same seed and timeline", () => {
    const run = () => {
      const sb = Sandbox.create({ seed: 99 });
      sb.cluster.api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "name-space" } });
      sb.cluster.api.create(nginxDeployment(), "name-space");
      sb.advanceBy(45_000);
      return JSON.stringify(sb.snapshot());
    };
    expect(run()).toBe(run());
  });

  it("continues a restored snapshot exactly as the original", () => {
    const original = Sandbox.create({ seed: 5 });
    original.cluster.api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "name-space" } });
    original.cluster.api.create(nginxDeployment(), "name-space");
    original.advanceBy(3_000);
    const restored = Sandbox.restore(original.snapshot());
    for (const sb of [original, restored]) {
      sb.advanceBy(20_000);
      const victim = pods(sb, "name-space")[2]!;
      sb.cluster.api.delete(kind("Pod"), "name-space", victim.metadata.name);
      sb.advanceBy(600_000);
    }
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(original.snapshot()));
  });
});
