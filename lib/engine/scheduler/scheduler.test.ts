import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { Sandbox } from "../sandbox";
import { kind, pods } from "../test/fixtures";
import { fitErrorMessage, schedulerState } from "./scheduler";

function sandbox() {
  return Sandbox.create({ seed: 3 });
}

function pod(name: string, spec: Record<string, unknown> = {}, labels: Record<string, string> = { app: name }): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels },
    spec: { containers: [{ name: "c", image: "nginx:1.27", ...((spec.container as object) ?? {}) }], ...spec, container: undefined },
  };
}

function schedule(sb: Sandbox, p: KubeObject) {
  sb.cluster.api.create(p, "default");
  sb.advanceBy(5_000);
  return sb.cluster.api.get(kind("Pod"), "default", p.metadata.name!);
}

function lastFailure(sb: Sandbox, name: string): string | undefined {
  return sb.cluster.api
    .list(kind("Event"), "default")
    .filter((e) => (e.involvedObject as { name: string }).name === name && e.reason === "FailedScheduling")
    .map((e) => e.message as string)
    .pop();
}

describe("kube-scheduler filters", () => {
  it("keeps ordinary pods off the tainted control plane and says why when nothing fits", () => {
    const sb = sandbox();
    const big = schedule(sb, pod("big", { container: { resources: { requests: { cpu: "10" } } } }));
    expect(big.spec.nodeName).toBeUndefined();
    expect(lastFailure(sb, "big")).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
    expect(big.status.conditions).toEqual([
      expect.objectContaining({ type: "PodScheduled", status: "False", reason: "Unschedulable" }),
    ]);
  });

  it("NodeResourcesFit reports memory and pod-count shortages", () => {
    const sb = sandbox();
    schedule(sb, pod("hungry", { container: { resources: { requests: { memory: "64Gi" } } }, tolerations: [{ operator: "Exists" }] }));
    expect(lastFailure(sb, "hungry")).toBe(
      "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
  });

  it("NodeAffinity: nodeSelector and required affinity", () => {
    const sb = sandbox();
    schedule(sb, pod("picky", { nodeSelector: { disktype: "ssd" } }));
    expect(lastFailure(sb, "picky")).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    // Label a node and the waiting pod is retried and placed there.
    sb.cluster.api.modify(kind("Node"), undefined, "node02", (n) => {
      n.metadata.labels = { ...n.metadata.labels, disktype: "ssd" };
    });
    sb.advanceBy(2_000);
    expect(sb.cluster.api.get(kind("Pod"), "default", "picky").spec.nodeName).toBe("node02");
  });

  it("TaintToleration: a toleration lets a pod onto the control plane; nodeName pins it", () => {
    const sb = sandbox();
    const p = schedule(
      sb,
      pod("cp", {
        tolerations: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }],
        nodeSelector: { "kubernetes.io/hostname": "controlplane" },
      }),
    );
    expect(p.spec.nodeName).toBe("controlplane");
  });

  it("NodeUnschedulable: a cordoned node takes no new pods", () => {
    const sb = sandbox();
    for (const n of ["node01", "node02"]) {
      sb.cluster.api.modify(kind("Node"), undefined, n, (node) => {
        node.spec.unschedulable = true;
      });
    }
    schedule(sb, pod("nowhere"));
    expect(lastFailure(sb, "nowhere")).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it("NodePorts: two pods wanting the same host port land on different nodes, a third waits", () => {
    const sb = sandbox();
    const withPort = (name: string) => pod(name, { container: { ports: [{ containerPort: 80, hostPort: 8080 }] } });
    const a = schedule(sb, withPort("a"));
    const b = schedule(sb, withPort("b"));
    expect(new Set([a.spec.nodeName, b.spec.nodeName])).toEqual(new Set(["node01", "node02"]));
    schedule(sb, withPort("c"));
    expect(lastFailure(sb, "c")).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it("InterPodAffinity: required anti-affinity by hostname spreads replicas, one per node", () => {
    const sb = sandbox();
    const anti = (name: string) =>
      pod(
        name,
        {
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "web" } }, topologyKey: "kubernetes.io/hostname" }],
            },
          },
        },
        { app: "web" },
      );
    const nodes = ["w1", "w2"].map((n) => schedule(sb, anti(n)).spec.nodeName);
    expect(new Set(nodes)).toEqual(new Set(["node01", "node02"]));
    schedule(sb, anti("w3"));
    expect(lastFailure(sb, "w3")).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it("retries a pending pod when resources are freed", () => {
    const sb = sandbox();
    const big = (name: string) => pod(name, { container: { resources: { requests: { cpu: "3" } } } });
    schedule(sb, big("one"));
    schedule(sb, big("two"));
    const third = schedule(sb, big("three"));
    expect(third.spec.nodeName).toBeUndefined();
    sb.cluster.api.delete(kind("Pod"), "default", "one", { gracePeriodSeconds: 0 });
    sb.advanceBy(5_000);
    expect(sb.cluster.api.get(kind("Pod"), "default", "three").spec.nodeName).toBeDefined();
  });
});

describe("kube-scheduler scoring", () => {
  it("prefers the less loaded node (LeastAllocated) and records why", () => {
    const sb = sandbox();
    const load = schedule(sb, pod("load", { nodeName: undefined, nodeSelector: { "kubernetes.io/hostname": "node01" }, container: { resources: { requests: { cpu: "2", memory: "2Gi" } } } }));
    expect(load.spec.nodeName).toBe("node01");
    const next = schedule(sb, pod("next", { container: { resources: { requests: { cpu: "500m", memory: "256Mi" } } } }));
    expect(next.spec.nodeName).toBe("node02");
    const decision = schedulerState(sb.cluster).decisions.find((d) => d.pod === "default/next")!;
    expect(decision.node).toBe("node02");
    expect(decision.rejected.controlplane?.plugin).toBe("TaintToleration");
    expect(decision.scores.node02!.NodeResourcesFit).toBeGreaterThan(decision.scores.node01!.NodeResourcesFit!);
  });

  it("honours preferred node affinity", () => {
    const sb = sandbox();
    const p = schedule(
      sb,
      pod("prefers", {
        affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node01"] }] } }] } },
      }),
    );
    expect(p.spec.nodeName).toBe("node01");
  });

  it("spreads a Deployment's replicas over the workers", () => {
    const sb = sandbox();
    sb.cluster.api.create(
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "default" }, spec: { replicas: 6, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } } } },
      "default",
    );
    sb.advanceBy(30_000);
    const perNode = new Map<string, number>();
    for (const p of pods(sb, "default", { app: "web" })) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    expect(Object.fromEntries(perNode)).toEqual({ node01: 3, node02: 3 });
  });
});

describe("the FailedScheduling message", () => {
  it("sorts reasons like the scheduler's FitError and omits preemption when there is nothing to say", () => {
    expect(fitErrorMessage(2, [{ plugin: "X", reasons: ["Insufficient memory", "Insufficient cpu"], unresolvable: false }, { plugin: "Y", reasons: ["Insufficient cpu"], unresolvable: false }], false)).toBe(
      "0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.",
    );
  });
});
