// Golden tests for kubectl taint, cordon, uncordon and drain through the terminal, and what the
// scheduler and the controllers make of them.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/types";
import { Sandbox } from "../../sandbox";
import { kind, pods } from "../../test/fixtures";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

const deployment = (replicas: number): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", labels: { app: "web" } },
  spec: {
    replicas,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } },
  },
});

const barePod = (name: string, node: string, emptyDir = false): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default" },
  spec: { nodeName: node, containers: [{ name: "c", image: "nginx:1.27" }], ...(emptyDir ? { volumes: [{ name: "scratch", emptyDir: {} }] } : {}) },
});

describe("kubectl taint", () => {
  const sb = Sandbox.create({ seed: 12 });

  it("adds a taint, and the scheduler keeps new pods off the node", () => {
    expect(sb.exec("kubectl taint nodes node01 app=web:NoSchedule")).toMatchObject({ output: "node/node01 tainted\n", exitCode: 0 });
    expect(sb.exec("kubectl get node node01 -o jsonpath={.spec.taints}").output).toBe('[{"effect":"NoSchedule","key":"app","value":"web"}]');
    sb.cluster.api.create(deployment(3));
    sb.advanceBy(20_000);
    expect(sb.exec("kubectl get pods -o wide").output).toBe(
      lines(
        "NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES",
        "web-64c8bdf64c-g7r7t   1/1     Running   0          20s   10.244.2.4   node02   <none>           <none>",
        "web-64c8bdf64c-l9rn2   1/1     Running   0          20s   10.244.2.2   node02   <none>           <none>",
        "web-64c8bdf64c-vpzzs   1/1     Running   0          20s   10.244.2.3   node02   <none>           <none>",
      ),
    );
  });

  it("refuses to replace a taint without --overwrite, and replaces it with", () => {
    expect(sb.exec("kubectl taint nodes node01 app=db:NoSchedule")).toMatchObject({
      output: "error: node node01 already has app taint(s) with same effect(s) and --overwrite is false\n",
      exitCode: 1,
    });
    expect(sb.exec("kubectl taint nodes controlplane node-role.kubernetes.io/control-plane:NoSchedule")).toMatchObject({
      output: "error: node controlplane already has node-role.kubernetes.io/control-plane taint(s) with same effect(s) and --overwrite is false\n",
      exitCode: 1,
    });
    expect(sb.exec("kubectl taint nodes node01 app=db:NoSchedule --overwrite")).toMatchObject({ output: "node/node01 modified\n", exitCode: 0 });
    expect(sb.cluster.api.get(kind("Node"), undefined, "node01").spec.taints).toEqual([{ key: "app", value: "db", effect: "NoSchedule" }]);
  });

  it("removes taints with KEY:EFFECT- and says when there is none", () => {
    expect(sb.exec("kubectl taint node node01 app:NoSchedule-")).toMatchObject({ output: "node/node01 untainted\n", exitCode: 0 });
    expect(sb.exec("kubectl taint node node01 app:NoSchedule-")).toMatchObject({ output: 'error: taint "app:NoSchedule" not found\n', exitCode: 1 });
    expect(sb.exec("kubectl taint nodes controlplane node-role.kubernetes.io/control-plane:NoSchedule-").output).toBe("node/controlplane untainted\n");
    expect(sb.cluster.api.get(kind("Node"), undefined, "controlplane").spec.taints).toBeUndefined();
  });

  it("lets pods onto nodes again once the taints are gone", () => {
    sb.exec("kubectl taint nodes node02 busy=yes:NoSchedule");
    sb.cluster.api.modify(kind("Deployment"), "default", "web", (d) => {
      d.spec.replicas = 5;
    });
    sb.advanceBy(20_000);
    // node02 is now tainted; the two new pods land on node01 and the untainted control plane.
    expect(pods(sb, "default").map((p) => p.spec.nodeName as string).sort()).toEqual(["controlplane", "node01", "node02", "node02", "node02"]);
  });

  it("checks its arguments like kubectl", () => {
    expect(sb.exec("kubectl taint nodes node01 dedicated=x:Sometimes")).toMatchObject({
      output: lines("error: invalid taint effect: Sometimes, unsupported taint effect", "See 'kubectl taint -h' for help and examples"),
      exitCode: 1,
    });
    expect(sb.exec("kubectl taint nodes node01").output).toBe("error: at least one taint update is required\n");
    expect(sb.exec("kubectl taint node01 a=b:NoSchedule").output).toBe('error: the server doesn\'t have a resource type "node01"\n');
    expect(sb.exec("kubectl taint pods x a=b:NoSchedule").output).toBe("error: invalid resource type pods, only node types are supported\n");
    expect(sb.exec("kubectl taint nodes nope a=b:NoSchedule").output).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(sb.exec("kubectl taint nodes node01 a=b:NoSchedule a-").output).toBe(
      'error: can not both modify and remove the following taint(s) in the same command: {"a":""}\n',
    );
  });
});

describe("kubectl cordon, uncordon and drain", () => {
  const sb = Sandbox.create({ seed: 11 });
  sb.cluster.api.create(deployment(4));
  sb.advanceBy(30_000);

  it("starts with the Deployment spread over both workers", () => {
    expect(sb.exec("kubectl get pods -o wide").output).toBe(
      lines(
        "NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES",
        "web-64c8bdf64c-bwfh5   1/1     Running   0          30s   10.244.1.2   node01   <none>           <none>",
        "web-64c8bdf64c-sqlmh   1/1     Running   0          30s   10.244.2.3   node02   <none>           <none>",
        "web-64c8bdf64c-w7vkl   1/1     Running   0          30s   10.244.2.2   node02   <none>           <none>",
        "web-64c8bdf64c-wjp9q   1/1     Running   0          30s   10.244.1.3   node01   <none>           <none>",
      ),
    );
  });

  it("cordons a node once", () => {
    expect(sb.exec("kubectl cordon node01")).toMatchObject({ output: "node/node01 cordoned\n", exitCode: 0 });
    expect(sb.exec("kubectl cordon node01")).toMatchObject({ output: "node/node01 already cordoned\n", exitCode: 0 });
    expect(sb.exec("kubectl cordon nope")).toMatchObject({ output: 'Error from server (NotFound): nodes "nope" not found\n', exitCode: 1 });
    expect(sb.exec("kubectl cordon")).toMatchObject({ output: lines("error: USAGE: cordon NODE [flags]", "See 'kubectl cordon -h' for help and examples"), exitCode: 1 });
  });

  it("refuses to drain past DaemonSet pods without --ignore-daemonsets", () => {
    expect(sb.exec("kubectl drain node01")).toMatchObject({
      output: lines(
        "node/node01 already cordoned",
        'error: unable to drain node "node01" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/calico-node-td7gv, kube-system/kube-proxy-89hfp, continuing command...',
        "There are pending nodes to be drained:",
        " node01",
        "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/calico-node-td7gv, kube-system/kube-proxy-89hfp",
      ),
      exitCode: 1,
    });
  });

  it("evicts the pods, waits for them, and the Deployment recreates them on node02", () => {
    expect(sb.exec("kubectl drain node01 --ignore-daemonsets")).toMatchObject({
      output: lines(
        "node/node01 already cordoned",
        "Warning: ignoring DaemonSet-managed Pods: kube-system/calico-node-td7gv, kube-system/kube-proxy-89hfp",
        "evicting pod default/web-64c8bdf64c-bwfh5",
        "evicting pod default/web-64c8bdf64c-wjp9q",
        "pod/web-64c8bdf64c-bwfh5 evicted",
        "pod/web-64c8bdf64c-wjp9q evicted",
        "node/node01 drained",
      ),
      exitCode: 0,
    });
    expect(sb.exec("kubectl get pods -o wide").output).toBe(
      lines(
        "NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES",
        "web-64c8bdf64c-8m6mm   1/1     Running   0          1s    10.244.2.5   node02   <none>           <none>",
        "web-64c8bdf64c-fxnqk   1/1     Running   0          1s    10.244.2.4   node02   <none>           <none>",
        "web-64c8bdf64c-sqlmh   1/1     Running   0          31s   10.244.2.3   node02   <none>           <none>",
        "web-64c8bdf64c-w7vkl   1/1     Running   0          31s   10.244.2.2   node02   <none>           <none>",
      ),
    );
    expect(sb.exec("kubectl get nodes").output).toBe(
      lines(
        "NAME           STATUS                     ROLES           AGE   VERSION",
        "controlplane   Ready                      control-plane   15m   v1.31.4",
        "node01         Ready,SchedulingDisabled   <none>          14m   v1.31.4",
        "node02         Ready                      <none>          13m   v1.31.4",
      ),
    );
  });

  it("uncordons a node once", () => {
    expect(sb.exec("kubectl uncordon node01").output).toBe("node/node01 uncordoned\n");
    expect(sb.exec("kubectl uncordon node01").output).toBe("node/node01 already uncordoned\n");
  });

  it("refuses pods without a controller or with local storage unless forced", () => {
    sb.cluster.api.create(barePod("solo", "node02"));
    sb.cluster.api.create(barePod("cache", "node02", true));
    sb.advanceBy(5_000);
    expect(sb.exec("kubectl drain node02 --ignore-daemonsets")).toMatchObject({
      output: lines(
        "node/node02 cordoned",
        'error: unable to drain node "node02" due to error: [cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache, cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo], continuing command...',
        "There are pending nodes to be drained:",
        " node02",
        "cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache",
        "cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo",
      ),
      exitCode: 1,
    });
    expect(sb.exec("kubectl drain node02 --ignore-daemonsets --force --delete-emptydir-data")).toMatchObject({
      output: lines(
        "node/node02 already cordoned",
        "Warning: deleting Pods that declare no controller: default/cache, default/solo; ignoring DaemonSet-managed Pods: kube-system/calico-node-v5p62, kube-system/kube-proxy-l7kmr",
        "evicting pod default/cache",
        "evicting pod default/solo",
        "evicting pod default/web-64c8bdf64c-8m6mm",
        "evicting pod default/web-64c8bdf64c-fxnqk",
        "evicting pod default/web-64c8bdf64c-sqlmh",
        "evicting pod default/web-64c8bdf64c-w7vkl",
        "pod/cache evicted",
        "pod/solo evicted",
        "pod/web-64c8bdf64c-8m6mm evicted",
        "pod/web-64c8bdf64c-fxnqk evicted",
        "pod/web-64c8bdf64c-sqlmh evicted",
        "pod/web-64c8bdf64c-w7vkl evicted",
        "node/node02 drained",
      ),
      exitCode: 0,
    });
    // The bare pods are gone for good; the Deployment's pods are back, on node01.
    expect(pods(sb, "default").map((p) => [p.metadata.name.startsWith("web-"), p.spec.nodeName])).toEqual([
      [true, "node01"],
      [true, "node01"],
      [true, "node01"],
      [true, "node01"],
    ]);
  });

  it("prints what it would do with --dry-run=client and changes nothing", () => {
    sb.exec("kubectl uncordon node02");
    expect(sb.exec("kubectl drain node01 --ignore-daemonsets --dry-run=client").output).toBe(
      lines(
        "node/node01 cordoned (dry run)",
        "Warning: ignoring DaemonSet-managed Pods: kube-system/calico-node-td7gv, kube-system/kube-proxy-89hfp",
        ...pods(sb, "default").map((p) => `evicting pod default/${p.metadata.name} (dry run)`),
        "node/node01 drained (dry run)",
      ),
    );
    expect(sb.cluster.api.get(kind("Node"), undefined, "node01").spec.unschedulable).toBeUndefined();
  });
});
