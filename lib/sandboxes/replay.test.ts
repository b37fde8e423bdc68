import { describe, expect, it } from "vitest";
import { Sandbox } from "@/lib/engine/sandbox";
import { resourceForKind } from "@/lib/engine/apiserver/registry";
import { buildLabSandbox } from "./grading";
import { runEntry } from "./run-entry";
import { commandReplays } from "./replay";
import { clusterView } from "./view";
import type { CommandReplay, Lane, ReplayItem } from "./view-model";

const WEB = `cat > web.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
EOF`;

const items = (replay: CommandReplay, lane: Lane): ReplayItem[] => replay.steps.find((s) => s.lane === lane)?.items ?? [];
const keys = (replay: CommandReplay, lane: Lane) => items(replay, lane).map((i) => i.message.key);

describe("what happened after a command", () => {
  const sb = Sandbox.create({ seed: 5 });
  runEntry(sb, "kubectl create service clusterip web --tcp 80:80");
  runEntry(sb, WEB);
  const applied = runEntry(sb, "kubectl apply -f web.yaml");
  sb.advanceBy(30_000);
  runEntry(sb, "kubectl get pods");
  const replays = commandReplays(sb);
  const apply = replays.find((r) => r.text === "kubectl apply -f web.yaml")!;

  it("replays the request: apiserver, then the etcd revision it was stored at", () => {
    expect(applied.output).toBe("deployment.apps/web created\n");
    expect(apply.steps.map((s) => s.lane)).toEqual(["apiserver", "etcd", "controller", "scheduler", "kubelet", "endpoints"]);
    const [request] = items(apply, "apiserver");
    expect(request!.message).toEqual({ key: "apiserver.create", values: { scope: "namespaced", kind: "Deployment", name: "web", namespace: "default" } });
    expect(request!.detail).toBe("POST /apis/apps/v1/namespaces/default/deployments");
    const created = sb.store.get("/registry/deployments/default/web")!.createRevision;
    expect(items(apply, "etcd")[0]!.message).toEqual({ key: "etcd.put", values: { key: "/registry/deployments/default/web", revision: created } });
  });

  it("then what the controllers created", () => {
    expect(keys(apply, "controller")).toEqual(["controller.createReplicaset", "controller.createPod", "controller.createPod"]);
    expect(items(apply, "controller")[0]!.message.values).toMatchObject({ replicas: 2 });
    expect(items(apply, "controller")[1]!.who).toBe("replicaset-controller");
  });

  it("then where the scheduler put each Pod and why: every filter per node, and the scores", () => {
    const binds = items(apply, "scheduler");
    expect(binds.map((b) => b.message.key)).toEqual(["scheduler.bind", "scheduler.bind"]);
    for (const bind of binds) {
      const pod = sb.cluster.api.get(resourceForKind("Pod")!, "default", String(bind.message.values.name));
      expect(bind.message.values.node).toBe(pod.spec.nodeName);
      const why = bind.why!;
      expect(why.node).toBe(pod.spec.nodeName);
      expect(why.nodes.map((n) => n.name)).toEqual(["controlplane", "node01", "node02"]);
      const controlplane = why.nodes[0]!;
      expect(controlplane.filters.map((f) => `${f.plugin}:${f.verdict}`)).toEqual([
        "NodeUnschedulable:pass",
        "NodeName:pass",
        "TaintToleration:fail",
        "NodeAffinity:skip",
        "NodePorts:skip",
        "NodeResourcesFit:skip",
        "InterPodAffinity:skip",
      ]);
      expect(controlplane.filters[2]!.reason).toBe("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }");
      expect(controlplane.score).toBeUndefined();
      for (const worker of why.nodes.slice(1)) {
        expect(worker.filters.every((f) => f.verdict === "pass")).toBe(true);
        expect(worker.score!.total).toBeGreaterThan(0);
        expect(Object.keys(worker.score!.plugins)).toContain("NodeResourcesFit");
      }
      const chosen = why.nodes.find((n) => n.name === why.node)!;
      expect(Math.max(...why.nodes.map((n) => n.score?.total ?? -1))).toBe(chosen.score!.total);
    }
  });

  it("then what the kubelets did: pulling, starting, Ready; and the Service's endpoints", () => {
    const kubelet = items(apply, "kubelet");
    for (const key of ["kubelet.sandboxCreated", "kubelet.pulling", "kubelet.containerStarted", "kubelet.ready"]) expect(kubelet.map((i) => i.message.key)).toContain(key);
    expect(kubelet.find((i) => i.message.key === "kubelet.pulling")!.message.values).toMatchObject({ image: "nginx:1.27" });
    // Each step of a Pod comes from the kubelet of the node it was bound to.
    for (const item of kubelet) {
      const pod = sb.cluster.api.get(resourceForKind("Pod")!, "default", String(item.message.values.name));
      expect(item.who).toBe(pod.spec.nodeName);
    }
    expect(items(apply, "endpoints").at(-1)!.message).toEqual({ key: "endpoints.update", values: { name: "web", ready: 2, notReady: 0 } });
  });

  it("keeps the full log of the newest commands, and shows a read-only command as changing nothing", () => {
    expect(apply.log!.length).toBe(apply.entries);
    expect(apply.log!.every((l) => l.message.key !== "unknown")).toBe(true);
    const get = replays.at(-1)!;
    expect(get).toMatchObject({ text: "kubectl get pods", steps: [], entries: 0 });
    const file = replays.find((r) => r.text?.startsWith("cat > web.yaml"))!;
    expect(file.steps).toEqual([]);
  });

  it("explains a Pod that fits nowhere", () => {
    const sandbox = Sandbox.create({ seed: 8 });
    runEntry(sandbox, `kubectl run picky --image nginx --overrides '{"spec":{"nodeSelector":{"disk":"ssd"}}}'`);
    sandbox.advanceBy(5000);
    const [replay] = commandReplays(sandbox);
    const [failed] = items(replay!, "scheduler");
    expect(failed!.message).toEqual({ key: "scheduler.unschedulable", values: { name: "picky" } });
    expect(failed!.warning).toBe(true);
    expect(failed!.why!.node).toBeUndefined();
    expect(failed!.why!.message).toMatch(/^0\/3 nodes are available/);
    expect(failed!.why!.nodes.map((n) => n.filters.find((f) => f.verdict === "fail")?.plugin)).toEqual(["TaintToleration", "NodeAffinity", "NodeAffinity"]);
  });

  it("reads without changing the sandbox", () => {
    const before = JSON.stringify(sb.snapshot());
    clusterView(sb);
    commandReplays(sb);
    expect(JSON.stringify(sb.snapshot())).toBe(before);
  });
});

describe("what happened in a data centre of Docker hosts", () => {
  const sb = buildLabSandbox("docker-macvlan-network", 21, Date.UTC(2026, 0, 5));
  for (const line of ["ssh tony@stapp01", "Ir0nM@n", "sudo docker network create -d macvlan --subnet 172.28.0.0/24 --ip-range 172.28.0.1/24 news", "Ir0nM@n", "sudo docker run -d --name web nginx"]) runEntry(sb, line);
  const replays = commandReplays(sb);
  const view = clusterView(sb);

  it("shows the Docker hosts, the network a command created and the container another started", () => {
    expect(view.kubernetes).toBe(false);
    expect(view.controlPlane).toEqual([]);
    expect(view.dockerHosts.map((h) => h.name)).toEqual(["stapp01", "stapp02", "stapp03"]);
    const stapp01 = view.dockerHosts[0]!;
    expect(stapp01.networks.find((n) => n.name === "news")).toEqual({ name: "news", driver: "macvlan", subnet: "172.28.0.0/24", containers: [] });
    expect(stapp01.containers).toEqual([{ name: "web", image: "nginx", status: "running" }]);
    expect(stapp01.networks.find((n) => n.name === "bridge")!.containers.map((c) => c.name)).toEqual(["web"]);
    expect(view.dockerHosts[1]!.networks).toEqual([]);
  });

  it("replays the Docker engine's changes under the command, never the password", () => {
    const network = replays.find((r) => items(r, "docker").some((i) => i.message.key === "docker.networkCreate"))!;
    // sudo asked for the password: the answer's entry carries the command that was waiting.
    expect(network).toMatchObject({ secret: true, text: "sudo docker network create -d macvlan --subnet 172.28.0.0/24 --ip-range 172.28.0.1/24 news" });
    expect(items(network, "docker")[0]).toMatchObject({ who: "stapp01", message: { key: "docker.networkCreate", values: { name: "news", driver: "macvlan" } } });
    const run = replays.at(-1)!;
    expect(keys(run, "docker")).toEqual(["docker.containerCreate", "docker.containerStart"]);
    expect(JSON.stringify(replays)).not.toContain("Ir0nM@n");
    expect(JSON.stringify(sb.cluster.trace.entries())).not.toContain("Ir0nM@n");
  });

  it("joins the lines of a command typed over several lines", () => {
    // sudo remembers the password for a while: no prompt this time.
    runEntry(sb, "sudo docker network create \\");
    runEntry(sb, "  --driver bridge backend");
    const last = commandReplays(sb).at(-1)!;
    expect(last.text).toBe("sudo docker network create \\\n  --driver bridge backend");
    expect(keys(last, "docker")).toEqual(["docker.networkCreate"]);
  });
});
