import { describe, expect, it } from "vitest";
import type { KubeObject, StoredObject } from "../api/types";
import { Sandbox } from "../sandbox";
import { kind, pods, isReady } from "../test/fixtures";
import { getCondition } from "./util";
import { stopKubelet, startKubelet, kubelets } from "../kubelet/kubelet";
import { NODE_MONITOR_GRACE_MS } from "./node-lifecycle";

const sandbox = () => Sandbox.create({ seed: 11 });
const template = (app: string, extra: Record<string, unknown> = {}) => ({
  metadata: { labels: { app } },
  spec: { containers: [{ name: "c", image: "nginx:1.27" }], ...extra },
});
const deployment = (name: string, replicas: number, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "default" },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: template(name), ...extra },
});
const events = (sb: Sandbox, name: string, reason?: string) =>
  sb.cluster.api
    .list(kind("Event"))
    .filter((e) => (e.involvedObject as { name: string }).name === name && (!reason || e.reason === reason))
    .map((e) => `${e.reason}: ${e.message}`);
const get = (sb: Sandbox, k: string, name: string, ns: string | undefined = "default") => sb.cluster.api.get(kind(k), ns, name);
function edit(sb: Sandbox, k: string, name: string, fn: (o: StoredObject) => void, ns: string | undefined = "default") {
  return sb.cluster.api.modify(kind(k), ns, name, fn);
}

describe("ReplicaSet controller", () => {
  const rs = (replicas: number): KubeObject => ({
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "front", namespace: "default" },
    spec: { replicas, selector: { matchLabels: { app: "front" } }, template: template("front") },
  });

  it("creates pods named <rs>-<5 safe chars> with the real events and status", () => {
    const sb = sandbox();
    sb.cluster.api.create(rs(3), "default");
    sb.advanceBy(20_000);
    const list = pods(sb, "default", { app: "front" });
    expect(list).toHaveLength(3);
    for (const p of list) expect(p.metadata.name).toMatch(/^front-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(events(sb, "front", "SuccessfulCreate").sort()).toEqual(list.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    expect(get(sb, "ReplicaSet", "front").status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it("scales down, deleting not-ready pods first, and records SuccessfulDelete", () => {
    const sb = sandbox();
    sb.cluster.api.create(rs(3), "default");
    sb.advanceBy(20_000);
    edit(sb, "ReplicaSet", "front", (o) => {
      o.spec.replicas = 1;
    });
    sb.advanceBy(20_000);
    expect(pods(sb, "default", { app: "front" })).toHaveLength(1);
    expect(events(sb, "front", "SuccessfulDelete")).toHaveLength(2);
  });

  it("adopts a matching orphan pod and releases a pod whose labels change", () => {
    const sb = sandbox();
    sb.cluster.api.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "stray", namespace: "default", labels: { app: "front" } }, spec: template("front").spec }, "default");
    sb.advanceBy(10_000);
    sb.cluster.api.create(rs(2), "default");
    sb.advanceBy(20_000);
    const owned = pods(sb, "default", { app: "front" });
    expect(owned).toHaveLength(2);
    expect(get(sb, "Pod", "stray").metadata.ownerReferences?.[0]).toMatchObject({ kind: "ReplicaSet", name: "front", controller: true });
    edit(sb, "Pod", "stray", (p) => {
      p.metadata.labels = { app: "other" };
    });
    sb.advanceBy(20_000);
    expect(get(sb, "Pod", "stray").metadata.ownerReferences).toBeUndefined();
    expect(pods(sb, "default", { app: "front" })).toHaveLength(2);
  });
});

describe("Deployment controller", () => {
  it("creates a ReplicaSet <deploy>-<hash>, revision 1, and reports Available and Progressing", () => {
    const sb = sandbox();
    sb.cluster.api.create(deployment("web", 2), "default");
    sb.advanceBy(30_000);
    const d = get(sb, "Deployment", "web");
    const [rs] = sb.cluster.api.list(kind("ReplicaSet"), "default");
    expect(rs!.metadata.name).toBe(`web-${rs!.metadata.labels!["pod-template-hash"]}`);
    expect(rs!.metadata.annotations).toMatchObject({ "deployment.kubernetes.io/revision": "1", "deployment.kubernetes.io/desired-replicas": "2", "deployment.kubernetes.io/max-replicas": "3" });
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(getCondition(d, "Available")).toMatchObject({ status: "True", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." });
    expect(getCondition(d, "Progressing")).toMatchObject({ status: "True", reason: "NewReplicaSetAvailable", message: `ReplicaSet "${rs!.metadata.name}" has successfully progressed.` });
    expect(events(sb, "web", "ScalingReplicaSet")).toEqual([`ScalingReplicaSet: Scaled up replica set ${rs!.metadata.name} from 0 to 2`]);
  });

  it("rolls back: returning to an old template reuses its ReplicaSet with the next revision", () => {
    const sb = sandbox();
    sb.cluster.api.create(deployment("web", 2), "default");
    sb.advanceBy(30_000);
    const first = sb.cluster.api.list(kind("ReplicaSet"), "default")[0]!.metadata.name;
    edit(sb, "Deployment", "web", (d) => {
      d.spec.template.spec.containers[0].image = "nginx:1.26";
    });
    sb.advanceBy(60_000);
    edit(sb, "Deployment", "web", (d) => {
      d.spec.template.spec.containers[0].image = "nginx:1.27";
    });
    sb.advanceBy(60_000);
    const sets = sb.cluster.api.list(kind("ReplicaSet"), "default");
    expect(sets).toHaveLength(2);
    const back = sets.find((r) => r.metadata.name === first)!;
    expect(back.spec.replicas).toBe(2);
    expect(back.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    expect(get(sb, "Deployment", "web").metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
  });

  it("Recreate stops every old pod before starting new ones", () => {
    const sb = sandbox();
    sb.cluster.api.create(deployment("batch", 3, { strategy: { type: "Recreate" } }), "default");
    sb.advanceBy(30_000);
    edit(sb, "Deployment", "batch", (d) => {
      d.spec.template.spec.containers[0].image = "nginx:1.26";
    });
    let overlap = false;
    for (let i = 0; i < 600; i++) {
      sb.advanceBy(100);
      const images = new Set(pods(sb, "default", { app: "batch" }).map((p) => p.spec.containers[0].image));
      if (images.size > 1) overlap = true;
    }
    expect(overlap).toBe(false);
    expect(pods(sb, "default", { app: "batch" }).every((p) => p.spec.containers[0].image === "nginx:1.26" && isReady(p))).toBe(true);
  });

  it("a paused Deployment does not roll out until resumed", () => {
    const sb = sandbox();
    sb.cluster.api.create(deployment("web", 2), "default");
    sb.advanceBy(30_000);
    edit(sb, "Deployment", "web", (d) => {
      d.spec.paused = true;
      d.spec.template.spec.containers[0].image = "nginx:1.26";
    });
    sb.advanceBy(30_000);
    expect(sb.cluster.api.list(kind("ReplicaSet"), "default")).toHaveLength(1);
    expect(getCondition(get(sb, "Deployment", "web"), "Progressing")).toMatchObject({ status: "Unknown", reason: "DeploymentPaused" });
    edit(sb, "Deployment", "web", (d) => {
      d.spec.paused = false;
    });
    sb.advanceBy(60_000);
    expect(pods(sb, "default", { app: "web" }).every((p) => p.spec.containers[0].image === "nginx:1.26")).toBe(true);
  });

  it("keeps at most revisionHistoryLimit old ReplicaSets", () => {
    const sb = sandbox();
    sb.cluster.api.create(deployment("web", 1, { revisionHistoryLimit: 1 }), "default");
    sb.advanceBy(30_000);
    for (const tag of ["1.25", "1.26", "1.27-alpine"]) {
      edit(sb, "Deployment", "web", (d) => {
        d.spec.template.spec.containers[0].image = `nginx:${tag}`;
      });
      sb.advanceBy(60_000);
    }
    expect(sb.cluster.api.list(kind("ReplicaSet"), "default")).toHaveLength(2);
  });
});

describe("DaemonSet controller", () => {
  it("runs one pod per eligible node, pinned by node affinity, and follows new nodes", () => {
    const sb = sandbox();
    sb.cluster.api.create(
      { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "agent", namespace: "default" }, spec: { selector: { matchLabels: { app: "agent" } }, template: template("agent") } },
      "default",
    );
    sb.advanceBy(30_000);
    const list = pods(sb, "default", { app: "agent" });
    expect(list.map((p) => p.spec.nodeName).sort()).toEqual(["node01", "node02"]);
    expect(get(sb, "DaemonSet", "agent").status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2 });
    const spec = sb.environment.nodes[1]!;
    startKubelet(sb.cluster, { ...spec, name: "node03", ip: "172.30.2.4", podCidrIndex: 3 });
    sb.advanceBy(30_000);
    expect(pods(sb, "default", { app: "agent" }).map((p) => p.spec.nodeName).sort()).toEqual(["node01", "node02", "node03"]);
  });
});

describe("Job controller", () => {
  const job = (command: string, extra: Record<string, unknown>): KubeObject => ({
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "pi", namespace: "default" },
    spec: { template: { metadata: { labels: { job: "pi" } }, spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", command] }] } }, ...extra },
  });

  it("runs completions with parallelism and completes", () => {
    const sb = sandbox();
    sb.cluster.api.create(job("echo done; sleep 5", { completions: 3, parallelism: 2 }), "default");
    sb.advanceBy(4_000);
    expect(pods(sb, "default", { job: "pi" }).filter((p) => p.status?.phase === "Running")).toHaveLength(2);
    sb.advanceBy(60_000);
    const j = get(sb, "Job", "pi");
    expect(j.status).toMatchObject({ succeeded: 3 });
    expect(getCondition(j, "Complete")?.status).toBe("True");
    expect(events(sb, "pi", "Completed")).toEqual(["Completed: Job completed"]);
    expect(pods(sb, "default", { job: "pi" }).map((p) => p.status.phase)).toEqual(["Succeeded", "Succeeded", "Succeeded"]);
  });

  it("gives up after backoffLimit failures, with back-off between attempts", () => {
    const sb = sandbox();
    sb.cluster.api.create(job("exit 1", { backoffLimit: 1 }), "default");
    sb.advanceBy(120_000);
    const j = get(sb, "Job", "pi");
    expect(getCondition(j, "Failed")).toMatchObject({ status: "True", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit" });
    expect(j.status.failed).toBe(2);
    expect(pods(sb, "default", { job: "pi" }).map((p) => p.status.phase)).toEqual(["Failed", "Failed"]);
  });
});

describe("Endpoints and EndpointSlice controllers", () => {
  it("list ready pod IPs, and move a not-ready pod aside", () => {
    const sb = sandbox();
    sb.cluster.api.create(deployment("web", 2), "default");
    sb.cluster.api.create({ apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "default" }, spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] } }, "default");
    sb.advanceBy(30_000);
    const ep = get(sb, "Endpoints", "web");
    const subsets = ep.subsets as { addresses: { ip: string }[]; ports: unknown[] }[];
    expect(subsets[0]!.addresses.map((a) => a.ip).sort()).toEqual(pods(sb, "default", { app: "web" }).map((p) => p.status.podIP).sort());
    expect(subsets[0]!.ports).toEqual([{ port: 8080, protocol: "TCP" }]);
    const slices = sb.cluster.api.list(kind("EndpointSlice"), "default").filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web");
    expect(slices).toHaveLength(1);
    expect((slices[0]!.endpoints as unknown[]).length).toBe(2);

    const victim = pods(sb, "default", { app: "web" })[0]!;
    sb.cluster.api.modify(kind("Pod"), "default", victim.metadata.name, (p) => {
      p.status.conditions = p.status.conditions.map((c: { type: string }) => (c.type === "Ready" ? { ...c, status: "False" } : c));
    }, { subresource: "status" });
    sb.advanceBy(1_000);
    const after = get(sb, "Endpoints", "web").subsets as { addresses: { ip: string }[]; notReadyAddresses: { ip: string }[] }[];
    expect(after[0]!.addresses).toHaveLength(1);
    expect(after[0]!.notReadyAddresses.map((a) => a.ip)).toEqual([victim.status.podIP]);
  });
});

describe("namespace controller and garbage collector", () => {
  it("a deleted namespace stays Terminating until its contents are gone", () => {
    const sb = sandbox();
    sb.cluster.api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } });
    sb.cluster.api.create({ ...deployment("web", 2), metadata: { name: "web", namespace: "team" } }, "team");
    sb.advanceBy(30_000);
    sb.cluster.api.delete(kind("Namespace"), undefined, "team");
    sb.advanceBy(200);
    expect(get(sb, "Namespace", "team", undefined).status.phase).toBe("Terminating");
    expect(() => sb.cluster.api.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "late", namespace: "team" } }, "team")).toThrow(
      'configmaps "late" is forbidden: unable to create new content in namespace team because it is being terminated',
    );
    sb.advanceBy(60_000);
    expect(sb.cluster.api.tryGet(kind("Namespace"), undefined, "team")).toBeUndefined();
    expect(sb.cluster.api.listEverything("team")).toEqual([]);
  });

  it("background deletion removes a Deployment's ReplicaSets and pods", () => {
    const sb = sandbox();
    sb.cluster.api.create(deployment("web", 2), "default");
    sb.advanceBy(30_000);
    sb.cluster.api.delete(kind("Deployment"), "default", "web");
    sb.advanceBy(30_000);
    expect(sb.cluster.api.list(kind("ReplicaSet"), "default")).toEqual([]);
    expect(pods(sb, "default", { app: "web" })).toEqual([]);
  });

  it("orphan deletion keeps the pods and strips their owner", () => {
    const sb = sandbox();
    sb.cluster.api.create(deployment("web", 2), "default");
    sb.advanceBy(30_000);
    const rs = sb.cluster.api.list(kind("ReplicaSet"), "default")[0]!;
    sb.cluster.api.delete(kind("ReplicaSet"), "default", rs.metadata.name, { propagationPolicy: "Orphan" });
    sb.cluster.api.delete(kind("Deployment"), "default", "web", { propagationPolicy: "Orphan" });
    sb.advanceBy(30_000);
    const left = pods(sb, "default", { app: "web" });
    expect(left).toHaveLength(2);
    for (const p of left) expect(p.metadata.ownerReferences).toBeUndefined();
  });

  it("foreground deletion deletes dependents before the owner", () => {
    const sb = sandbox();
    sb.cluster.api.create(deployment("web", 2), "default");
    sb.advanceBy(30_000);
    sb.cluster.api.delete(kind("Deployment"), "default", "web", { propagationPolicy: "Foreground" });
    sb.advanceBy(100);
    expect(get(sb, "Deployment", "web").metadata.finalizers).toEqual(["foregroundDeletion"]);
    sb.advanceBy(60_000);
    expect(sb.cluster.api.tryGet(kind("Deployment"), "default", "web")).toBeUndefined();
    expect(pods(sb, "default", { app: "web" })).toEqual([]);
  });

  it("gives every new namespace a default ServiceAccount and the root CA ConfigMap", () => {
    const sb = sandbox();
    sb.cluster.api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "fresh" } });
    sb.advanceBy(1_000);
    expect(sb.cluster.api.tryGet(kind("ServiceAccount"), "fresh", "default")).toBeDefined();
    expect(sb.cluster.api.tryGet(kind("ConfigMap"), "fresh", "kube-root-ca.crt")).toBeDefined();
  });
});

describe("node lifecycle", () => {
  it("marks a silent node Unknown after the grace period, taints it, and evicts its pods after 300 s", () => {
    const sb = sandbox();
    sb.cluster.api.create(deployment("web", 4), "default");
    sb.advanceBy(30_000);
    const onNode01 = pods(sb, "default", { app: "web" }).filter((p) => p.spec.nodeName === "node01");
    expect(onNode01.length).toBeGreaterThan(0);
    sb.activity();
    stopKubelet(sb.cluster, "node01");
    sb.advanceBy(NODE_MONITOR_GRACE_MS - 10_000);
    expect(getCondition(get(sb, "Node", "node01", undefined), "Ready")?.status).toBe("True");
    sb.advanceBy(20_000);
    const node = get(sb, "Node", "node01", undefined);
    expect(getCondition(node, "Ready")).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    expect(node.spec.taints.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
      "node.kubernetes.io/unreachable:NoSchedule",
      "node.kubernetes.io/unreachable:NoExecute",
    ]);
    for (const p of onNode01) expect(isReady(get(sb, "Pod", p.metadata.name))).toBe(false);
    sb.advanceBy(300_000);
    const now = pods(sb, "default", { app: "web" });
    for (const p of onNode01) expect(now.find((x) => x.metadata.name === p.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
    sb.advanceBy(30_000);
    const running = now.filter((p) => !p.metadata.deletionTimestamp);
    expect(pods(sb, "default", { app: "web" }).filter((p) => !p.metadata.deletionTimestamp && p.spec.nodeName === "node02" && isReady(p))).toHaveLength(4);
    expect(running.length).toBeGreaterThan(0);
    expect(kubelets(sb.cluster).node01!.running).toBe(false);
  });
});
