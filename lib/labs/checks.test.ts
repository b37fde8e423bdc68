import { beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "@/lib/engine/sandbox";
import { runCheck, parsePath, readPath, StateReader } from "./checks";
import { createLabSandbox } from "./environment";
import { formatMessage } from "./messages";
import { checkSchema, environmentSchema, type Check } from "./schema";
import { runScript } from "./script";

/** The English message of a check, or "pass". */
function outcome(sandbox: Sandbox, check: Record<string, unknown>): string {
  const r = runCheck(checkSchema.parse(check) as Check, new StateReader(sandbox));
  return r.passed ? "pass" : formatMessage(r.message, "en");
}

describe("paths", () => {
  const obj = { spec: { containers: [{ name: "a", image: "x" }, { name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] }, metadata: { labels: { "app.kubernetes.io/name": "web" } } };

  it("reads dotted paths with indexes, list selectors and quoted keys", () => {
    expect(readPath(obj, "spec.containers[1].image")).toBe("nginx:1.27");
    expect(readPath(obj, "spec.containers[name=nginx].ports[0].containerPort")).toBe(80);
    expect(readPath(obj, 'metadata.labels["app.kubernetes.io/name"]')).toBe("web");
    expect(readPath(obj, "spec.containers[name=missing].image")).toBeUndefined();
    expect(readPath(obj, "spec.nope.deeper")).toBeUndefined();
  });

  it("parses segments", () => {
    expect(parsePath("a.b[2][k=v]")).toEqual([{ key: "a" }, { key: "b" }, { index: 2 }, { match: ["k", "v"] }]);
  });
});

describe("Kubernetes checks", () => {
  let sandbox: Sandbox;
  beforeAll(() => {
    const environment = environmentSchema.parse({
      objects: `apiVersion: v1
kind: Namespace
metadata:
  name: name-space
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  namespace: name-space
spec:
  replicas: 5
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginxdemos/hello:0.2
        resources:
          requests:
            cpu: "1.5"
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: name-space
spec:
  selector:
    app: nginx
  ports:
  - port: 80
    targetPort: 80
`,
    });
    sandbox = createLabSandbox({ id: "checks", environment }, { seed: 3 });
  });

  it("object-exists and object-absent", () => {
    expect(outcome(sandbox, { type: "object-exists", kind: "Namespace", name: "name-space" })).toBe("pass");
    expect(outcome(sandbox, { type: "object-exists", kind: "Deployment", namespace: "name-space", name: "nope" })).toBe("Deployment name-space/nope does not exist.");
    expect(outcome(sandbox, { type: "object-exists", kind: "Pod", namespace: "name-space", selector: "app=nginx", min: 6 })).toBe("Pod name-space/[app=nginx]: 5 objects match, expected at least 6.");
    expect(outcome(sandbox, { type: "object-exists", kind: "Pod", selector: "app=nginx" })).toBe("No Pod matches default/[app=nginx].");
    expect(outcome(sandbox, { type: "object-absent", kind: "Deployment", namespace: "name-space", name: "nginx-deployment" })).toBe("Deployment name-space/nginx-deployment still exists; it should be gone.");
    expect(outcome(sandbox, { type: "object-absent", kind: "Pod", selector: "app=nginx" })).toBe("pass");
  });

  it("field: equals, contains, matches, exists", () => {
    const d = { kind: "Deployment", namespace: "name-space", name: "nginx-deployment" };
    expect(outcome(sandbox, { type: "field", ...d, path: "spec.replicas", equals: 5 })).toBe("pass");
    expect(outcome(sandbox, { type: "field", ...d, path: "spec.replicas", equals: 3 })).toBe("Deployment name-space/nginx-deployment: spec.replicas is 5, expected 3.");
    expect(outcome(sandbox, { type: "field", ...d, path: "spec.template.spec.containers[name=nginx].image", contains: "hello" })).toBe("pass");
    expect(outcome(sandbox, { type: "field", ...d, path: "spec.template.spec.containers[0].image", matches: "^nginx:" })).toBe(
      "Deployment name-space/nginx-deployment: spec.template.spec.containers[0].image is nginxdemos/hello:0.2, expected it to match ^nginx:.",
    );
    expect(outcome(sandbox, { type: "field", ...d, path: "spec.template.spec.containers[0].livenessProbe", exists: true })).toBe("Deployment name-space/nginx-deployment: spec.template.spec.containers[0].livenessProbe is not set.");
    expect(outcome(sandbox, { type: "field", ...d, path: "spec.template.spec.containers[0].resources.requests.cpu", equals: "1500m" })).toBe("pass");
    expect(outcome(sandbox, { type: "field", kind: "Pod", namespace: "name-space", selector: "app=nginx", path: "status.qosClass", equals: "Guaranteed" })).toMatch(/status\.qosClass is Burstable, expected Guaranteed\.$/);
  });

  it("ready-replicas counts what fits on the nodes", () => {
    expect(outcome(sandbox, { type: "ready-replicas", kind: "Deployment", namespace: "name-space", name: "nginx-deployment" })).toBe("Deployment name-space/nginx-deployment: 4 of 5 replicas ready.");
    expect(outcome(sandbox, { type: "ready-replicas", kind: "Deployment", namespace: "name-space", name: "nginx-deployment", replicas: 4 })).toBe("pass");
    expect(outcome(sandbox, { type: "ready-replicas", kind: "Deployment", namespace: "name-space", name: "nginx-deployment", replicas: 2 })).toBe("Deployment name-space/nginx-deployment: 4 replicas ready, expected 2.");
    expect(outcome(sandbox, { type: "ready-replicas", kind: "DaemonSet", namespace: "kube-system", name: "kube-proxy" })).toBe("pass");
  });

  it("condition, endpoints and pod-node", () => {
    expect(outcome(sandbox, { type: "condition", kind: "Deployment", namespace: "name-space", name: "nginx-deployment", condition: "Available" })).toBe("pass");
    expect(outcome(sandbox, { type: "condition", kind: "Pod", namespace: "name-space", selector: "app=nginx", condition: "PodScheduled" })).toMatch(/condition PodScheduled is False, expected True\.$/);
    expect(outcome(sandbox, { type: "endpoints", namespace: "name-space", name: "web", count: 4 })).toBe("pass");
    expect(outcome(sandbox, { type: "endpoints", namespace: "name-space", name: "web", count: 5 })).toBe("Service name-space/web: 4 ready endpoints, expected 5.");
    expect(outcome(sandbox, { type: "endpoints", namespace: "name-space", name: "nope", min: 1 })).toBe("Service name-space/nope does not exist.");
    expect(outcome(sandbox, { type: "pod-node", namespace: "name-space", selector: "app=nginx", notNode: "controlplane" })).toMatch(/^Pod name-space\/nginx-deployment-[a-z0-9-]+ is not scheduled to any node\.$/);
    expect(outcome(sandbox, { type: "pod-node", namespace: "kube-system", name: "etcd-controlplane", node: "node01" })).toBe("Pod kube-system/etcd-controlplane runs on controlplane, expected node01.");
  });

  it("nodes: conditions and taints", () => {
    expect(outcome(sandbox, { type: "node-condition", node: "node01", condition: "Ready" })).toBe("pass");
    expect(outcome(sandbox, { type: "node-condition", node: "node01", condition: "MemoryPressure" })).toBe("Node node01: condition MemoryPressure is False, expected True.");
    expect(outcome(sandbox, { type: "node-taint", node: "controlplane", key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" })).toBe("pass");
    expect(outcome(sandbox, { type: "node-taint", node: "controlplane", key: "node-role.kubernetes.io/control-plane", present: false })).toBe("Node controlplane still has the taint node-role.kubernetes.io/control-plane.");
    expect(outcome(sandbox, { type: "node-taint", node: "node01", key: "dedicated", value: "gpu", effect: "NoSchedule" })).toBe("Node node01 has no taint dedicated=gpu:NoSchedule.");
  });

  it("machines: units and files", () => {
    expect(outcome(sandbox, { type: "unit", host: "node01", unit: "kubelet", active: "active", enabled: "enabled" })).toBe("pass");
    expect(outcome(sandbox, { type: "unit", host: "node01", unit: "kubelet.service", active: "inactive" })).toBe("node01: kubelet.service is active, expected inactive.");
    expect(outcome(sandbox, { type: "unit", host: "node01", unit: "docker", active: "active" })).toBe("node01: there is no unit docker.service.");
    expect(outcome(sandbox, { type: "file", host: "controlplane", path: "/etc/kubernetes/manifests/etcd.yaml", contains: "--data-dir=/var/lib/etcd" })).toBe("pass");
    expect(outcome(sandbox, { type: "file", host: "controlplane", path: "/etc/hostname", equals: "node01" })).toBe("controlplane: /etc/hostname contains controlplane, expected node01.");
    expect(outcome(sandbox, { type: "file", host: "controlplane", path: "/root/nope.txt" })).toBe("controlplane: file /root/nope.txt does not exist.");
    expect(outcome(sandbox, { type: "file", host: "controlplane", path: "/root/nope.txt", exists: false })).toBe("pass");
    expect(outcome(sandbox, { type: "file", host: "nohost", path: "/x" })).toBe("There is no machine called nohost.");
  });

  it("http from a machine and from a pod", () => {
    const svc = (sandbox.cluster.api.list(sandbox.cluster.api.infoFor({ apiVersion: "v1", kind: "Service", metadata: {} }), "name-space")[0]!.spec as { clusterIP: string }).clusterIP;
    expect(outcome(sandbox, { type: "http", from: { host: "controlplane" }, url: `http://${svc}/`, status: 200, bodyContains: "Server&nbsp;name" })).toBe("pass");
    expect(outcome(sandbox, { type: "http", from: { host: "controlplane" }, url: `http://${svc}:81/`, status: 200 })).toMatch(new RegExp(`^HTTP request from controlplane to http://${svc.replace(/\./g, "\\.")}:81/ failed: `));
    expect(outcome(sandbox, { type: "http", from: { pod: { namespace: "name-space", selector: "app=nginx" } }, url: "http://web/", status: 404 })).toMatch(/^HTTP request from pod name-space\/nginx-deployment-\S+ to http:\/\/web\/: status 200, expected 404\.$/);
  });

  it("never changes the sandbox", () => {
    const before = JSON.stringify(sandbox.snapshot());
    const svc = (sandbox.cluster.api.list(sandbox.cluster.api.infoFor({ apiVersion: "v1", kind: "Service", metadata: {} }), "name-space")[0]!.spec as { clusterIP: string }).clusterIP;
    for (let i = 0; i < 3; i++) outcome(sandbox, { type: "http", from: { host: "controlplane" }, url: `http://${svc}/`, status: 200 });
    outcome(sandbox, { type: "ready-replicas", kind: "Deployment", namespace: "name-space", name: "nginx-deployment" });
    expect(JSON.stringify(sandbox.snapshot())).toBe(before);
  });
});

describe("etcd checks", () => {
  let sandbox: Sandbox;
  beforeAll(() => {
    sandbox = createLabSandbox({ id: "etcd", environment: environmentSchema.parse({ cluster: { etcdMembers: 3 } }) }, { seed: 5 });
    const store = sandbox.store;
    store.put("/course/greeting", "hello");
    store.put("/course/greeting", "hello, etcd");
    const lease = store.grant(600);
    store.put("/course/session", "active", { lease: lease.id });
  });

  it("keys, values, history and revisions", () => {
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/greeting", value: "hello, etcd" })).toBe("pass");
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/greeting", revisionsBack: 1, value: "hello" })).toBe("pass");
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/greeting", revisionsBack: 2, value: "hello" })).toBe("etcd key /course/greeting: its history does not reach 2 revisions back.");
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/greeting", valueMatches: "^bye" })).toBe("etcd key /course/greeting: value is hello, etcd, expected it to match ^bye.");
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/greeting", compare: { field: "version", op: ">=", value: 3 } })).toBe("etcd key /course/greeting: version is 2, expected >= 3.");
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/session", compare: { field: "modRevision", op: ">", key: "/course/greeting" } })).toBe("pass");
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/nope" })).toBe("etcd key /course/nope does not exist.");
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/nope", exists: false })).toBe("pass");
  });

  it("leases", () => {
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/session", lease: { maxTtl: 600 } })).toBe("pass");
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/session", lease: { maxTtl: 60 } })).toBe("etcd key /course/session: its lease was granted 600 s, expected at most 60 s.");
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/greeting", lease: true })).toBe("etcd key /course/greeting is not attached to a lease.");
  });

  it("compaction and members", () => {
    expect(outcome(sandbox, { type: "etcd-compaction", modRevisionOf: "/course/greeting" })).toMatch(/^etcd is compacted up to revision \d+, expected at least \d+\.$/);
    expect(outcome(sandbox, { type: "etcd-cluster", member: "etcd-3", started: true, hasLeader: true })).toBe("pass");
    expect(outcome(sandbox, { type: "etcd-cluster", member: "etcd-4", started: true })).toBe("etcd has no member called etcd-4.");
    expect(outcome(sandbox, { type: "etcd-cluster", hasLeader: false })).toBe("etcd still has a leader (controlplane); expected quorum to be lost.");
  });

  it("reads without a leader, and says so when nothing answers", () => {
    sandbox.store.stopMember("etcd-2");
    sandbox.store.stopMember("etcd-3");
    expect(outcome(sandbox, { type: "etcd-key", key: "/course/greeting", value: "hello, etcd" })).toBe("pass");
    expect(outcome(sandbox, { type: "etcd-cluster", hasLeader: true })).toBe("etcd has no leader (quorum is lost).");
    sandbox.store.stopMember("controlplane");
    expect(outcome(sandbox, { type: "object-exists", kind: "Namespace", name: "default" })).toBe("etcd cannot serve reads: no member is running.");
    for (const m of ["controlplane", "etcd-2", "etcd-3"]) sandbox.store.startMember(m);
    expect(sandbox.store.leader()).toBeDefined();
  });
});

describe("Docker checks", () => {
  let sandbox: Sandbox;
  beforeAll(() => {
    sandbox = createLabSandbox({ id: "docker", environment: environmentSchema.parse({ dockerHosts: { version: "20.10.7" } }) }, { seed: 9 });
    runScript(
      sandbox,
      [
        "ssh tony@stapp01",
        "Ir0nM@n",
        "sudo su -",
        "Ir0nM@n",
        "docker network create -d macvlan --subnet 172.28.0.0/24 --ip-range 172.28.0.1/24 -o parent=eth0 --label team=news news",
        "docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.1 app-net",
        "docker run -d --name web --network app-net --ip 10.10.0.10 nginx",
        "docker run -d --name once busybox true",
      ].join("\n"),
    );
  });

  it("networks: driver, IPAM, options and labels", () => {
    const news = { type: "docker-network", host: "stapp01", name: "news" };
    expect(outcome(sandbox, { ...news, driver: "macvlan", subnet: "172.28.0.0/24", ipRange: "172.28.0.0/24", options: { parent: "eth0" }, labels: { team: "news" } })).toBe("pass");
    expect(outcome(sandbox, { ...news, driver: "bridge" })).toBe("Docker network news on stapp01: driver is macvlan, expected bridge.");
    expect(outcome(sandbox, { ...news, ipRange: "172.28.0.128/25" })).toBe("Docker network news on stapp01: ip-range is 172.28.0.1/24, expected 172.28.0.128/25.");
    expect(outcome(sandbox, { type: "docker-network", host: "stapp01", name: "app-net", gateway: "10.10.0.1", internal: false })).toBe("pass");
    expect(outcome(sandbox, { type: "docker-network", host: "stapp02", name: "news" })).toBe("Docker network news on stapp02 does not exist.");
    expect(outcome(sandbox, { type: "docker-network", host: "stapp01", name: "news", present: false })).toBe("Docker network news on stapp01 still exists.");
    expect(outcome(sandbox, { type: "docker-network", host: "stdb01", name: "news" })).toBe("stdb01 has no Docker Engine.");
  });

  it("containers: running, network and address", () => {
    expect(outcome(sandbox, { type: "docker-container", host: "stapp01", name: "web", running: true, image: "nginx", network: "app-net", ip: "10.10.0.10", ipIn: "10.10.0.0/28" })).toBe("pass");
    expect(outcome(sandbox, { type: "docker-container", host: "stapp01", name: "web", network: "bridge" })).toBe("Docker container web on stapp01 is not attached to network bridge.");
    expect(outcome(sandbox, { type: "docker-container", host: "stapp01", name: "once", running: true })).toBe("Docker container once on stapp01 is not running (exited).");
    expect(outcome(sandbox, { type: "docker-container", host: "stapp01", name: "nope" })).toBe("Docker container nope on stapp01 does not exist.");
  });

  it("custom checks: unknown names fail with a message", () => {
    expect(outcome(sandbox, { type: "custom", name: "no-such-check" })).toBe("Unknown custom check no-such-check.");
  });
});
