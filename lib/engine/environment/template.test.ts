import { beforeEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { DEFAULT_START, Sandbox, type SandboxOptions } from "../sandbox";
import { kind, pods } from "../test/fixtures";
import { defaultEnvironment, type EnvironmentSpec } from "./spec";
import { clearTemplates, templateCount } from "./template";

const json = (sb: Sandbox) => JSON.stringify(sb.snapshot());
const fresh = (options: SandboxOptions) => json(Sandbox.create({ ...options, fresh: true }));
const derived = (options: SandboxOptions) => json(Sandbox.create(options));

function deployment(name: string, replicas: number): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "web", image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 80 } } }] } },
    },
  };
}

const service = (name: string, clusterIP?: string): KubeObject => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, namespace: "default" },
  spec: { selector: { app: name }, ports: [{ port: 80 }], ...(clusterIP ? { clusterIP } : {}) },
});

/** Replicas spread over two equal workers: the scheduler breaks ties with the seed. */
function workloadEnvironment(): EnvironmentSpec {
  return { ...defaultEnvironment(), id: "workload", objects: [deployment("web", 3), service("web", "10.96.100.100")] };
}

/** Three etcd members, two on machines of their own, and a tainted, labelled third worker. */
function quorumEnvironment(): EnvironmentSpec {
  const base = defaultEnvironment();
  const worker = base.nodes[1]!;
  return {
    ...base,
    id: "quorum",
    nodes: [...base.nodes, { ...worker, name: "node03", ip: "172.30.2.4", podCidrIndex: 3, taints: [{ key: "dedicated", value: "db", effect: "NoSchedule" }], labels: { disk: "ssd" } }],
    etcdMembers: [...base.etcdMembers, { name: "etcd-2", ip: "172.30.1.3" }, { name: "etcd-3", ip: "172.30.1.4" }],
    machines: ["etcd-2", "etcd-3"].map((name, i) => ({ name, ip: `172.30.1.${i + 3}`, distro: "ubuntu" as const, users: [{ name: "ubuntu", uid: 1000, sudo: "nopasswd" as const }], etcd: true })),
  };
}

beforeEach(() => clearTemplates());

describe("sandboxes derived from an environment's template", () => {
  it("are byte for byte the sandboxes the simulation builds, at any start", () => {
    for (const [seed, startTime] of [
      [1, DEFAULT_START],
      [2, DEFAULT_START + 1_234_567_000],
      [3, DEFAULT_START + 98_765_432_123], // years later, not on a whole second
      [4, 1_700_000_000_999],
    ] as const) {
      expect(derived({ seed, startTime }), `seed ${seed}`).toBe(fresh({ seed, startTime }));
    }
    expect(templateCount(defaultEnvironment())).toBe(1);
  });

  it("match the simulation with workloads, etcd members on their own machines and tainted nodes", () => {
    for (const environment of [workloadEnvironment(), quorumEnvironment()]) {
      for (const seed of [11, 12, 13, 14, 15, 16]) {
        const startTime = DEFAULT_START + seed * 3_600_017;
        expect(derived({ seed, startTime, environment }), `${environment.id} seed ${seed}`).toBe(fresh({ seed, startTime, environment }));
      }
    }
  });

  it("give seeds whose scheduling ties break differently a template of their own", () => {
    const environment = workloadEnvironment();
    const placements = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const sb = Sandbox.create({ seed, environment });
      placements.add(pods(sb, "default").map((p) => p.spec.nodeName).sort().join(","));
    }
    // The tie-breaks went more than one way, and each way got a template.
    expect(placements.size).toBeGreaterThan(1);
    expect(templateCount(environment)).toBeGreaterThan(1);
  });

  it("fall back to the simulation when the seed draws a value the template cannot stand for", () => {
    // A Service without a fixed ClusterIP draws one at random: every seed steers elsewhere.
    const environment = { ...defaultEnvironment(), id: "random-ip", objects: [deployment("api", 1), service("api")] };
    for (const seed of [21, 22, 23, 24, 25, 26]) expect(derived({ seed, environment })).toBe(fresh({ seed, environment }));
    expect(templateCount(environment)).toBeLessThanOrEqual(4);
  });

  it("are deterministic: the same seed and start give the same snapshot", () => {
    const options = { seed: 77, startTime: DEFAULT_START + 5_000_500 };
    const first = derived(options);
    clearTemplates();
    expect(derived(options)).toBe(first);
    expect(derived(options)).toBe(first);
  });

  it("draw their own names, uids, container ids and Event names from their seed", () => {
    const a = Sandbox.create({ seed: 101 });
    const b = Sandbox.create({ seed: 102 });
    const names = (sb: Sandbox) => pods(sb, "kube-system").map((p) => p.metadata.name);
    const generated = (sb: Sandbox) => names(sb).filter((n) => /-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n));
    expect(generated(a).length).toBeGreaterThan(5);
    expect(generated(a).filter((n) => generated(b).includes(n))).toEqual([]);
    const ids = (sb: Sandbox) => [
      ...sb.cluster.api.list(kind("Pod")).map((p) => p.metadata.uid),
      ...sb.cluster.api.list(kind("Pod")).flatMap((p) => (p.status?.containerStatuses ?? []).map((c: { containerID: string }) => c.containerID)),
      ...sb.cluster.api.list(kind("Event")).map((e) => e.metadata.name),
      ...sb.cluster.api.list(kind("Node")).map((n) => n.status.nodeInfo.machineID),
    ];
    const fromA = new Set(ids(a));
    expect(fromA.size).toBeGreaterThan(50);
    expect(ids(b).filter((id) => fromA.has(id))).toEqual([]);
    // The same objects, though: only what the seed draws differs.
    expect(names(a).map((n) => n.replace(/-[a-z0-9]{5}$/, ""))).toEqual(names(b).map((n) => n.replace(/-[a-z0-9]{5}$/, "")));
  });

  it("are as old as the environment says, whenever they start", () => {
    const startTime = Date.UTC(2027, 4, 17, 9, 30, 12, 250);
    const sb = Sandbox.create({ seed: 5, startTime });
    expect(sb.now()).toBe(startTime);
    const created = sb.cluster.api.get(kind("Namespace"), undefined, "kube-system").metadata.creationTimestamp;
    expect(Date.parse(created)).toBe(Date.UTC(2027, 4, 17, 9, 15, 12) + 5_000);
    const lease = sb.cluster.api.get(kind("Lease"), "kube-node-lease", "node01");
    expect(Date.parse(lease.spec.renewTime)).toBeLessThanOrEqual(startTime);
    expect(Date.parse(lease.spec.renewTime)).toBeGreaterThan(startTime - 3_600_000);
  });

  it("keep working like a simulated sandbox", () => {
    const options = { seed: 31, startTime: DEFAULT_START + 7_777_000 };
    const run = (sb: Sandbox) => {
      sb.exec("kubectl create deployment web --image=nginx:1.27 --replicas=2");
      sb.advanceBy(60_000);
      const out = sb.exec("kubectl get pods -o wide").output;
      sb.advanceBy(2 * 3_600_000);
      return out + json(sb);
    };
    expect(run(Sandbox.create(options))).toBe(run(Sandbox.create({ ...options, fresh: true })));
  });
});
