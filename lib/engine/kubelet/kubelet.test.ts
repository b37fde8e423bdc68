import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { Sandbox } from "../sandbox";
import { kind, pods, isReady, nginxDeployment } from "../test/fixtures";
import { defaultEnvironment } from "../environment/spec";
import { kubelets } from "./kubelet";

const sandbox = () => Sandbox.create({ seed: 21 });
const pod = (name: string, container: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", labels: { app: name } },
  spec: { containers: [{ name: "c", image: "nginx:1.27", ...container }], ...extra },
});
const get = (sb: Sandbox, name: string) => sb.cluster.api.get(kind("Pod"), "default", name);
const events = (sb: Sandbox, name: string) =>
  sb.cluster.api
    .list(kind("Event"), "default")
    .filter((e) => (e.involvedObject as { name: string }).name === name)
    .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)))
    .map((e) => `${e.type} ${e.reason}: ${e.message}`);
const status = (p: KubeObject) => (p.status.containerStatuses as Record<string, any>[])[0]!; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("container lifecycle", () => {
  it("pulls, creates and starts a container with the real events and status", () => {
    const sb = sandbox();
    sb.cluster.api.create(pod("web", {}), "default");
    sb.advanceBy(15_000);
    const p = get(sb, "web");
    expect(p.status.phase).toBe("Running");
    expect(isReady(p)).toBe(true);
    expect(status(p)).toMatchObject({ image: "docker.io/library/nginx:1.27", ready: true, restartCount: 0, started: true, state: { running: {} } });
    expect(status(p).containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const ev = events(sb, "web");
    expect(ev[0]).toMatch(/^Normal Scheduled: Successfully assigned default\/web to node0[12]$/);
    expect(ev).toContain('Normal Pulling: Pulling image "nginx:1.27"');
    expect(ev.some((e) => /^Normal Pulled: Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/.test(e))).toBe(true);
    expect(ev).toContain("Normal Created: Created container c");
    expect(ev).toContain("Normal Started: Started container c");
  });

  it("an unknown tag goes ErrImagePull, then ImagePullBackOff", () => {
    const sb = sandbox();
    sb.cluster.api.create(pod("bad", { image: "nginx:nope" }), "default");
    sb.advanceBy(3_000);
    expect(status(get(sb, "bad")).state.waiting.reason).toBe("ErrImagePull");
    sb.advanceBy(5_000);
    expect(status(get(sb, "bad")).state.waiting).toEqual({ reason: "ImagePullBackOff", message: 'Back-off pulling image "nginx:nope"' });
    expect(events(sb, "bad")).toContain(
      'Warning Failed: Failed to pull image "nginx:nope": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found',
    );
  });

  it("a crashing container reaches CrashLoopBackOff with back-off 10 s, 20 s, 40 s", () => {
    const sb = sandbox();
    sb.cluster.api.create(pod("crash", { image: "busybox:1.36", command: ["sh", "-c", "echo starting; exit 1"] }), "default");
    const restarts: number[] = [];
    let last = 0;
    for (let t = 0; t < 120_000; t += 250) {
      sb.advanceBy(250);
      const s = status(get(sb, "crash"));
      if (s.restartCount !== last) {
        restarts.push(sb.now());
        last = s.restartCount;
      }
    }
    const gaps = restarts.slice(1).map((t, i) => Math.round((t - restarts[i]!) / 1000));
    expect(gaps.slice(0, 2)).toEqual([20, 40]);
    const s = status(get(sb, "crash"));
    expect(s.state.waiting.reason).toBe("CrashLoopBackOff");
    expect(s.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(events(sb, "crash").some((e) => e.startsWith("Warning BackOff: Back-off restarting failed container c in pod crash_default("))).toBe(true);
  });

  it("memory use above the limit is OOMKilled", () => {
    const sb = sandbox();
    sb.cluster.api.create(pod("tight", { image: "redis:7.4", resources: { limits: { memory: "1Mi" } } }), "default");
    sb.advanceBy(20_000);
    const s = status(get(sb, "tight"));
    expect(s.lastState.terminated ?? s.state.terminated).toMatchObject({ reason: "OOMKilled", exitCode: 137 });
  });

  it("restartPolicy Never: a finished container leaves the pod Succeeded", () => {
    const sb = sandbox();
    sb.cluster.api.create(pod("once", { image: "busybox:1.36", command: ["sh", "-c", "echo hi"] }, { restartPolicy: "Never" }), "default");
    sb.advanceBy(20_000);
    const p = get(sb, "once");
    expect(p.status.phase).toBe("Succeeded");
    expect(status(p).state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
  });

  it("deleting a pod whose process ignores SIGTERM takes the grace period", () => {
    const sb = sandbox();
    sb.cluster.api.create(pod("sleeper", { image: "busybox:1.36", command: ["sleep", "3600"] }), "default");
    sb.advanceBy(15_000);
    sb.cluster.api.delete(kind("Pod"), "default", "sleeper");
    sb.advanceBy(25_000);
    expect(sb.cluster.api.tryGet(kind("Pod"), "default", "sleeper")).toBeDefined();
    sb.advanceBy(10_000);
    expect(sb.cluster.api.tryGet(kind("Pod"), "default", "sleeper")).toBeUndefined();
  });
});

describe("probes", () => {
  it("a wrong readiness port keeps the pod out of the Service endpoints, without restarts", () => {
    const sb = sandbox();
    sb.cluster.api.create(pod("shy", { readinessProbe: { httpGet: { path: "/", port: 8080 } } }), "default");
    sb.cluster.api.create({ apiVersion: "v1", kind: "Service", metadata: { name: "shy", namespace: "default" }, spec: { selector: { app: "shy" }, ports: [{ port: 80 }] } }, "default");
    sb.advanceBy(60_000);
    const p = get(sb, "shy");
    expect(p.status.phase).toBe("Running");
    expect(isReady(p)).toBe(false);
    expect(status(p).restartCount).toBe(0);
    const ep = sb.cluster.api.get(kind("Endpoints"), "default", "shy").subsets as { addresses?: unknown[]; notReadyAddresses?: { ip: string }[] }[];
    expect(ep[0]!.addresses).toBeUndefined();
    expect(ep[0]!.notReadyAddresses!.map((a) => a.ip)).toEqual([p.status.podIP]);
    expect(events(sb, "shy")).toContain(`Warning Unhealthy: Readiness probe failed: Get "http://${p.status.podIP}:8080/": dial tcp ${p.status.podIP}:8080: connect: connection refused`);
  });

  it("a failing liveness probe restarts the container: Unhealthy, then Killing", () => {
    const sb = sandbox();
    sb.cluster.api.create(pod("sick", { livenessProbe: { httpGet: { path: "/healthz", port: 80 }, periodSeconds: 5 } }), "default");
    sb.advanceBy(40_000);
    const p = get(sb, "sick");
    expect(status(p).restartCount).toBeGreaterThanOrEqual(1);
    const ev = events(sb, "sick");
    expect(ev).toContain("Warning Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404");
    expect(ev).toContain("Normal Killing: Container c failed liveness probe, will be restarted");
  });

  it("the startup probe holds readiness back until it passes", () => {
    const sb = sandbox();
    sb.cluster.api.create(
      pod("slow", { startupProbe: { httpGet: { path: "/", port: 80 }, initialDelaySeconds: 20, periodSeconds: 5 }, readinessProbe: { httpGet: { path: "/", port: 80 } } }),
      "default",
    );
    sb.advanceBy(15_000);
    expect(status(get(sb, "slow")).started).toBe(false);
    expect(isReady(get(sb, "slow"))).toBe(false);
    sb.advanceBy(30_000);
    expect(status(get(sb, "slow")).started).toBe(true);
    expect(isReady(get(sb, "slow"))).toBe(true);
  });

  it("the Russian note's Deployment with its probes is 5/5 Ready", () => {
    const sb = sandbox();
    sb.exec("kubectl get nodes");
    sb.cluster.api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "name-space" } });
    sb.cluster.api.create(nginxDeployment(), "name-space");
    sb.advanceBy(60_000);
    const list = pods(sb, "name-space");
    expect(list).toHaveLength(5);
    expect(list.every(isReady)).toBe(true);
    expect(new Set(list.map((p) => p.spec.nodeName))).toEqual(new Set(["node01", "node02"]));
  });
});

describe("static pods and the control plane", () => {
  it("removing the kube-scheduler manifest leaves new pods Pending until it is put back", () => {
    const sb = sandbox();
    sb.exec("mv /etc/kubernetes/manifests/kube-scheduler.yaml /root/");
    sb.advanceBy(30_000);
    expect(sb.cluster.api.tryGet(kind("Pod"), "kube-system", "kube-scheduler-controlplane")).toBeUndefined();
    sb.cluster.api.create(pod("waiting", {}), "default");
    sb.advanceBy(30_000);
    expect(get(sb, "waiting").spec.nodeName).toBeUndefined();
    sb.exec("mv /root/kube-scheduler.yaml /etc/kubernetes/manifests/");
    sb.advanceBy(40_000);
    expect(get(sb, "waiting").spec.nodeName).toBeDefined();
    expect(sb.cluster.api.tryGet(kind("Pod"), "kube-system", "kube-scheduler-controlplane")).toBeDefined();
  });

  it("a broken kube-apiserver manifest takes the API down with the real kubectl error; fixing it brings it back", () => {
    const sb = sandbox();
    sb.exec("sed -i 's/kube-apiserver:v1.31.4/kube-apiserver:v1.31.99/' /etc/kubernetes/manifests/kube-apiserver.yaml");
    sb.advanceBy(40_000);
    const down = sb.exec("kubectl get pods");
    expect(down.exitCode).toBe(1);
    expect(down.output.split("\n").at(-2)).toBe("The connection to the server 172.30.1.2:6443 was refused - did you specify the right host or port?");
    sb.exec("sed -i 's/kube-apiserver:v1.31.99/kube-apiserver:v1.31.4/' /etc/kubernetes/manifests/kube-apiserver.yaml");
    sb.advanceBy(40_000);
    expect(sb.exec("kubectl get nodes").output).toMatch(/controlplane\s+Ready/);
  });

  it("deleting a mirror pod does not stop the component: the kubelet publishes it again", () => {
    const sb = sandbox();
    sb.cluster.api.delete(kind("Pod"), "kube-system", "kube-scheduler-controlplane");
    sb.advanceBy(5_000);
    expect(sb.cluster.api.tryGet(kind("Pod"), "kube-system", "kube-scheduler-controlplane")).toBeDefined();
    expect(Object.values(kubelets(sb.cluster).controlplane!.pods).some((p) => p.name === "kube-scheduler-controlplane" && p.state === "running")).toBe(true);
  });
});

describe("etcd quorum", () => {
  it("stopping 2 of 3 members makes writes fail; restoring one makes them work", () => {
    const env = defaultEnvironment();
    env.etcdMembers = [
      { name: "controlplane", ip: "172.30.1.2" },
      { name: "etcd-2", ip: "172.30.1.3" },
      { name: "etcd-3", ip: "172.30.1.4" },
    ];
    const sb = Sandbox.create({ seed: 4, environment: env });
    const write = (name: string) => () => sb.cluster.api.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" } }, "default");
    sb.store.stopMember("etcd-2");
    expect(write("one")).not.toThrow();
    sb.store.stopMember("etcd-3");
    expect(write("two")).toThrow("etcdserver: request timed out");
    sb.store.startMember("etcd-3");
    expect(write("three")).not.toThrow();
  });
});
