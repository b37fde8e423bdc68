import { describe, expect, it } from "vitest";
import {
  NOW,
  event,
  kubeSystemPods,
  kubernetesService,
  node,
  nodes,
  runningPod,
  webDeployment,
  webPods,
  webReplicaSet,
} from "./__fixtures__/cluster";
import { podSummary } from "./table-rows";
import { printGet, printTable } from "./tables";
import type { ContainerState, Job, KubeObject, Pod, Service } from "./types";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("kubectl get pods", () => {
  it("prints kube-system of a kubeadm cluster with -o wide", () => {
    expect(printTable(kubeSystemPods, { now: NOW, wide: true })).toBe(
      lines(
        "NAME                                   READY   STATUS    RESTARTS       AGE    IP           NODE           NOMINATED NODE   READINESS GATES",
        "coredns-7c65d6cfc9-4xk2p               1/1     Running   0              115m   10.244.0.2   controlplane   <none>           <none>",
        "coredns-7c65d6cfc9-hq8wz               1/1     Running   0              115m   10.244.0.3   controlplane   <none>           <none>",
        "etcd-controlplane                      1/1     Running   0              120m   172.30.1.2   controlplane   <none>           <none>",
        "kube-apiserver-controlplane            1/1     Running   0              120m   172.30.1.2   controlplane   <none>           <none>",
        "kube-controller-manager-controlplane   1/1     Running   1 (118m ago)   120m   172.30.1.2   controlplane   <none>           <none>",
        "kube-proxy-7xq9z                       1/1     Running   0              119m   172.30.1.2   controlplane   <none>           <none>",
        "kube-proxy-m8h2w                       1/1     Running   0              114m   172.30.2.2   node01         <none>           <none>",
        "kube-scheduler-controlplane            1/1     Running   0              120m   172.30.1.2   controlplane   <none>           <none>",
      ),
    );
  });

  it("prints the default columns", () => {
    expect(printTable(webPods, { now: NOW })).toBe(
      lines(
        "NAME                  READY   STATUS    RESTARTS   AGE",
        "web-5d8f7c9b4-2jxkq   1/1     Running   0          30m",
        "web-5d8f7c9b4-9tqvn   1/1     Running   0          30m",
      ),
    );
  });

  it("prints a NAMESPACE column for -A and LABELS for --show-labels", () => {
    const pods = [webPods[0]!, kubeSystemPods[0]!];
    expect(printTable(pods, { now: NOW, allNamespaces: true, showLabels: true })).toBe(
      lines(
        "NAMESPACE     NAME                       READY   STATUS    RESTARTS   AGE    LABELS",
        "default       web-5d8f7c9b4-2jxkq        1/1     Running   0          30m    app=web,pod-template-hash=5d8f7c9b4",
        "kube-system   coredns-7c65d6cfc9-4xk2p   1/1     Running   0          115m   k8s-app=kube-dns,pod-template-hash=7c65d6cfc9",
      ),
    );
  });

  it("prints <none> for a pod without labels and -L columns by their last segment", () => {
    const pod = runningPod({
      name: "bare",
      namespace: "default",
      node: "node01",
      hostIP: "172.30.2.2",
      ip: "10.244.1.9",
      created: "2024-01-15T11:59:15Z",
      image: "busybox",
      labels: {},
    });
    expect(printTable([pod], { now: NOW, showLabels: true })).toBe(
      lines("NAME   READY   STATUS    RESTARTS   AGE   LABELS", "bare   1/1     Running   0          45s   <none>"),
    );
    expect(printTable(webPods.slice(0, 1), { now: NOW, labelColumns: ["app", "example.com/tier"] })).toBe(
      lines(
        "NAME                  READY   STATUS    RESTARTS   AGE   APP   TIER",
        "web-5d8f7c9b4-2jxkq   1/1     Running   0          30m   web   ",
      ),
    );
  });

  it("omits the header with --no-headers", () => {
    expect(printTable(webPods, { now: NOW, noHeaders: true })).toBe(
      lines("web-5d8f7c9b4-2jxkq   1/1   Running   0     30m", "web-5d8f7c9b4-9tqvn   1/1   Running   0     30m"),
    );
  });

  it("reports no resources on stderr", () => {
    expect(printGet([], { now: NOW, namespace: "default" })).toEqual({
      stdout: "",
      stderr: "No resources found in default namespace.\n",
    });
    expect(printGet([], { now: NOW, namespace: "default", allNamespaces: true })).toEqual({
      stdout: "",
      stderr: "No resources found\n",
    });
  });
});

/** A one-container pod in the given state, for the STATUS column logic. */
function podIn(state: ContainerState, extra: Partial<Pod["status"]> = {}, opts: { ready?: boolean; restarts?: number } = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "app", namespace: "default", creationTimestamp: "2024-01-15T11:50:00Z" },
    spec: { nodeName: "node01", containers: [{ name: "app", image: "app:1" }] },
    status: {
      phase: "Running",
      conditions: [{ type: "Initialized", status: "True" }],
      containerStatuses: [
        { name: "app", ready: opts.ready ?? false, restartCount: opts.restarts ?? 0, state, lastState: {} },
      ],
      ...extra,
    },
  };
}

describe("pod STATUS column", () => {
  const status = (pod: Pod) => podSummary(pod, NOW);

  it("Pending before scheduling, ContainerCreating while pulling", () => {
    const pending: Pod = {
      kind: "Pod",
      metadata: { name: "p" },
      spec: { containers: [{ name: "app" }] },
      status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] },
    };
    expect(status(pending)).toEqual({ ready: "0/1", status: "Pending", restarts: "0" });
    expect(status(podIn({ waiting: { reason: "ContainerCreating" } }, { phase: "Pending" })).status).toBe("ContainerCreating");
  });

  it("Running, Completed, Error, OOMKilled and exit codes", () => {
    expect(status(podIn({ running: { startedAt: "2024-01-15T11:50:05Z" } }, {}, { ready: true }))).toEqual({
      ready: "1/1",
      status: "Running",
      restarts: "0",
    });
    expect(status(podIn({ terminated: { exitCode: 0, reason: "Completed" } }, { phase: "Succeeded" })).status).toBe("Completed");
    expect(status(podIn({ terminated: { exitCode: 1, reason: "Error" } }, { phase: "Failed" })).status).toBe("Error");
    expect(status(podIn({ terminated: { exitCode: 137, reason: "OOMKilled" } })).status).toBe("OOMKilled");
    expect(status(podIn({ terminated: { exitCode: 3 } })).status).toBe("ExitCode:3");
    expect(status(podIn({ terminated: { exitCode: 0, signal: 9 } })).status).toBe("Signal:9");
  });

  it("CrashLoopBackOff with the time since the last restart", () => {
    const pod = podIn({ waiting: { reason: "CrashLoopBackOff" } }, {}, { restarts: 5 });
    pod.status!.containerStatuses![0]!.lastState = {
      terminated: { exitCode: 1, reason: "Error", finishedAt: "2024-01-15T11:59:19Z" },
    };
    expect(status(pod)).toEqual({ ready: "0/1", status: "CrashLoopBackOff", restarts: "5 (41s ago)" });
  });

  it("ErrImagePull and ImagePullBackOff", () => {
    expect(status(podIn({ waiting: { reason: "ErrImagePull" } }, { phase: "Pending" })).status).toBe("ErrImagePull");
    expect(status(podIn({ waiting: { reason: "ImagePullBackOff" } }, { phase: "Pending" })).status).toBe("ImagePullBackOff");
  });

  it("Terminating while deleting, Unknown for pods on a lost node", () => {
    const pod = podIn({ running: {} }, {}, { ready: true });
    pod.metadata!.deletionTimestamp = "2024-01-15T12:00:30Z";
    expect(status(pod).status).toBe("Terminating");
    const lost = podIn({ running: {} }, { reason: "NodeLost" }, { ready: true });
    lost.metadata!.deletionTimestamp = "2024-01-15T11:55:00Z";
    expect(status(lost).status).toBe("Unknown");
    const done = podIn({ terminated: { exitCode: 0, reason: "Completed" } }, { phase: "Succeeded" });
    done.metadata!.deletionTimestamp = "2024-01-15T12:00:30Z";
    expect(status(done).status).toBe("Completed");
  });

  it("Init:x/y, Init:Error and Init:CrashLoopBackOff", () => {
    const base = (initState: ContainerState[]): Pod => ({
      kind: "Pod",
      metadata: { name: "p" },
      spec: { initContainers: [{ name: "a" }, { name: "b" }], containers: [{ name: "app" }] },
      status: {
        phase: "Pending",
        conditions: [{ type: "Initialized", status: "False" }],
        initContainerStatuses: initState.map((state, i) => ({ name: i === 0 ? "a" : "b", state, restartCount: 0 })),
        containerStatuses: [{ name: "app", state: { waiting: { reason: "PodInitializing" } } }],
      },
    });
    expect(status(base([{ running: {} }, { waiting: {} }])).status).toBe("Init:0/2");
    expect(status(base([{ terminated: { exitCode: 0, reason: "Completed" } }, { running: {} }])).status).toBe("Init:1/2");
    expect(status(base([{ terminated: { exitCode: 1, reason: "Error" } }, { waiting: {} }])).status).toBe("Init:Error");
    expect(status(base([{ waiting: { reason: "CrashLoopBackOff" } }, { waiting: {} }])).status).toBe("Init:CrashLoopBackOff");
    expect(status(base([{ terminated: { exitCode: 2 } }, { waiting: {} }])).status).toBe("Init:ExitCode:2");
  });

  it("counts sidecars (restartable init containers) in READY", () => {
    const pod: Pod = {
      kind: "Pod",
      metadata: { name: "p" },
      spec: { initContainers: [{ name: "proxy", restartPolicy: "Always" }], containers: [{ name: "app" }] },
      status: {
        phase: "Running",
        conditions: [{ type: "Initialized", status: "True" }, { type: "Ready", status: "True" }],
        initContainerStatuses: [{ name: "proxy", started: true, ready: true, state: { running: {} }, restartCount: 2 }],
        containerStatuses: [{ name: "app", ready: true, state: { running: {} }, restartCount: 0 }],
      },
    };
    expect(status(pod)).toEqual({ ready: "2/2", status: "Running", restarts: "2" });
  });

  it("a completed container next to a running one shows Running or NotReady", () => {
    const pod: Pod = {
      kind: "Pod",
      metadata: { name: "p" },
      spec: { containers: [{ name: "a" }, { name: "b" }] },
      status: {
        phase: "Running",
        conditions: [{ type: "Ready", status: "False" }],
        containerStatuses: [
          { name: "a", ready: false, state: { terminated: { exitCode: 0, reason: "Completed" } } },
          { name: "b", ready: true, state: { running: {} } },
        ],
      },
    };
    expect(status(pod)).toEqual({ ready: "1/2", status: "NotReady", restarts: "0" });
    pod.status!.conditions = [{ type: "Ready", status: "True" }];
    expect(status(pod).status).toBe("Running");
  });

  it("SchedulingGated", () => {
    const pod: Pod = {
      kind: "Pod",
      metadata: { name: "p" },
      spec: { containers: [{ name: "a" }] },
      status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] },
    };
    expect(status(pod).status).toBe("SchedulingGated");
  });

  it("prints a CrashLoopBackOff pod next to a healthy one", () => {
    const crashing = podIn({ waiting: { reason: "CrashLoopBackOff" } }, {}, { restarts: 5 });
    crashing.metadata!.name = "api-6b7c9d8f5-xk2lp";
    crashing.status!.containerStatuses![0]!.lastState = {
      terminated: { exitCode: 1, reason: "Error", finishedAt: "2024-01-15T11:59:19Z" },
    };
    expect(printTable([crashing, webPods[0]!], { now: NOW })).toBe(
      lines(
        "NAME                  READY   STATUS             RESTARTS      AGE",
        "api-6b7c9d8f5-xk2lp   0/1     CrashLoopBackOff   5 (41s ago)   10m",
        "web-5d8f7c9b4-2jxkq   1/1     Running            0             30m",
      ),
    );
  });
});

describe("kubectl get nodes", () => {
  it("prints roles from node-role labels", () => {
    expect(printTable(nodes, { now: NOW })).toBe(
      lines(
        "NAME           STATUS   ROLES           AGE    VERSION",
        "controlplane   Ready    control-plane   120m   v1.31.0",
        "node01         Ready    <none>          115m   v1.31.0",
      ),
    );
  });

  it("prints NotReady,SchedulingDisabled and the wide columns", () => {
    const cordoned = node("node01", "172.30.2.2", "2024-01-15T10:04:30Z", { ready: false });
    cordoned.spec!.unschedulable = true;
    expect(printTable([nodes[0]!, cordoned], { now: NOW, wide: true })).toBe(
      lines(
        "NAME           STATUS                        ROLES           AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME",
        "controlplane   Ready                         control-plane   120m   v1.31.0   172.30.1.2    <none>        Ubuntu 22.04.4 LTS   5.15.0-113-generic   containerd://1.7.13",
        "node01         NotReady,SchedulingDisabled   <none>          115m   v1.31.0   172.30.2.2    <none>        Ubuntu 22.04.4 LTS   5.15.0-113-generic   containerd://1.7.13",
      ),
    );
  });

  it("has no NAMESPACE column even with -A (cluster-scoped)", () => {
    expect(printTable(nodes.slice(0, 1), { now: NOW, allNamespaces: true }).startsWith("NAME ")).toBe(true);
  });
});

function service(name: string, created: string, spec: Service["spec"], status?: Service["status"]): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: "default", creationTimestamp: created },
    spec,
    status: status ?? { loadBalancer: {} },
  };
}

const services: Service[] = [
  service("db", "2024-01-15T11:55:00Z", {
    type: "ClusterIP",
    clusterIP: "None",
    clusterIPs: ["None"],
    ports: [{ port: 5432, protocol: "TCP", targetPort: 5432 }],
    selector: { app: "db" },
  }),
  kubernetesService,
  service("shop", "2024-01-15T11:30:00Z", {
    type: "LoadBalancer",
    clusterIP: "10.96.200.17",
    clusterIPs: ["10.96.200.17"],
    ports: [
      { name: "http", port: 80, protocol: "TCP", targetPort: 8080, nodePort: 31234 },
      { name: "https", port: 443, protocol: "TCP", targetPort: 8443, nodePort: 32443 },
    ],
    selector: { tier: "frontend", app: "shop" },
  }),
  service("web", "2024-01-15T11:30:00Z", {
    type: "NodePort",
    clusterIP: "10.101.45.12",
    clusterIPs: ["10.101.45.12"],
    ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 30080 }],
    selector: { app: "web" },
  }),
];

describe("kubectl get services", () => {
  it("prints ClusterIP, headless, LoadBalancer and NodePort services", () => {
    expect(printTable(services, { now: NOW })).toBe(
      lines(
        "NAME         TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)                      AGE",
        "db           ClusterIP      None           <none>        5432/TCP                     5m",
        "kubernetes   ClusterIP      10.96.0.1      <none>        443/TCP                      120m",
        "shop         LoadBalancer   10.96.200.17   <pending>     80:31234/TCP,443:32443/TCP   30m",
        "web          NodePort       10.101.45.12   <none>        80:30080/TCP                 30m",
      ),
    );
  });

  it("adds SELECTOR with -o wide", () => {
    expect(printTable(services, { now: NOW, wide: true })).toBe(
      lines(
        "NAME         TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)                      AGE    SELECTOR",
        "db           ClusterIP      None           <none>        5432/TCP                     5m     app=db",
        "kubernetes   ClusterIP      10.96.0.1      <none>        443/TCP                      120m   <none>",
        "shop         LoadBalancer   10.96.200.17   <pending>     80:31234/TCP,443:32443/TCP   30m    app=shop,tier=frontend",
        "web          NodePort       10.101.45.12   <none>        80:30080/TCP                 30m    app=web",
      ),
    );
  });

  it("shows load balancer addresses and ExternalName targets in full", () => {
    const lb = service(
      "lb",
      "2024-01-15T11:00:00Z",
      { type: "LoadBalancer", clusterIPs: ["10.96.3.3"], ports: [{ port: 80, protocol: "TCP", nodePort: 30001 }] },
      { loadBalancer: { ingress: [{ hostname: "a1b2c3d4e5f6-1234567890.us-east-1.elb.amazonaws.com" }] } },
    );
    const ext = service("search", "2024-01-15T11:00:00Z", { type: "ExternalName", externalName: "www.example.com" });
    expect(printTable([lb, ext], { now: NOW })).toBe(
      lines(
        "NAME     TYPE           CLUSTER-IP   EXTERNAL-IP                                           PORT(S)        AGE",
        "lb       LoadBalancer   10.96.3.3    a1b2c3d4e5f6-1234567890.us-east-1.elb.amazonaws.com   80:30001/TCP   60m",
        "search   ExternalName   <none>       www.example.com                                       <none>         60m",
      ),
    );
  });
});

describe("kubectl get all", () => {
  it("prints one table per kind with kind-qualified names and blank lines between", () => {
    const objects: KubeObject[] = [...webPods, kubernetesService, webDeployment, webReplicaSet];
    expect(printTable(objects, { now: NOW })).toBe(
      lines(
        "NAME                      READY   STATUS    RESTARTS   AGE",
        "pod/web-5d8f7c9b4-2jxkq   1/1     Running   0          30m",
        "pod/web-5d8f7c9b4-9tqvn   1/1     Running   0          30m",
        "",
        "NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE",
        "service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   120m",
        "",
        "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE",
        "deployment.apps/web   2/2     2            2           30m",
        "",
        "NAME                            DESIRED   CURRENT   READY   AGE",
        "replicaset.apps/web-5d8f7c9b4   2         2         2       30m",
      ),
    );
  });

  it("does not separate tables with --no-headers", () => {
    expect(printTable([webPods[0]!, kubernetesService], { now: NOW, noHeaders: true })).toBe(
      lines(
        "pod/web-5d8f7c9b4-2jxkq   1/1   Running   0     30m",
        "service/kubernetes   ClusterIP   10.96.0.1   <none>   443/TCP   120m",
      ),
    );
  });

  it("uses plain names when only one kind is printed, unless --show-kind", () => {
    expect(printTable([webDeployment], { now: NOW }).split("\n")[1]).toBe("web    2/2     2            2           30m");
    expect(printTable([webDeployment], { now: NOW, showKind: true }).split("\n")[1]).toBe(
      "deployment.apps/web   2/2     2            2           30m",
    );
  });
});

describe("workload tables", () => {
  it("prints deployments and replica sets wide", () => {
    expect(printTable([webDeployment], { now: NOW, wide: true })).toBe(
      lines(
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR",
        "web    2/2     2            2           30m   nginx        nginx:1.27   app=web",
      ),
    );
    expect(printTable([webReplicaSet], { now: NOW, wide: true })).toBe(
      lines(
        "NAME            DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR",
        "web-5d8f7c9b4   2         2         2       30m   nginx        nginx:1.27   app=web,pod-template-hash=5d8f7c9b4",
      ),
    );
  });

  it("prints daemon sets with their node selector", () => {
    const ds: KubeObject = {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "kube-proxy", namespace: "kube-system", creationTimestamp: "2024-01-15T10:00:00Z" },
      spec: {
        selector: { matchLabels: { "k8s-app": "kube-proxy" } },
        template: { spec: { nodeSelector: { "kubernetes.io/os": "linux" }, containers: [{ name: "kube-proxy" }] } },
      },
      status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2 },
    };
    expect(printTable([ds], { now: NOW })).toBe(
      lines(
        "NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE",
        "kube-proxy   2         2         2       2            2           kubernetes.io/os=linux   120m",
      ),
    );
  });

  it("prints jobs with STATUS, COMPLETIONS and DURATION", () => {
    const job = (name: string, status: Job["status"], spec: Job["spec"] = { completions: 1, parallelism: 1 }): Job => ({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name, namespace: "default", creationTimestamp: "2024-01-15T11:58:00Z" },
      spec,
      status,
    });
    const jobs = [
      job("pi", {
        succeeded: 1,
        startTime: "2024-01-15T11:58:00Z",
        completionTime: "2024-01-15T11:58:34Z",
        conditions: [
          { type: "SuccessCriteriaMet", status: "True" },
          { type: "Complete", status: "True" },
        ],
      }),
      job("report", { active: 1, startTime: "2024-01-15T11:58:00Z" }, { completions: 5, parallelism: 2 }),
      job("sweep", { failed: 7, startTime: "2024-01-15T11:58:00Z", conditions: [{ type: "Failed", status: "True" }] }, { parallelism: 3 }),
    ];
    expect(printTable(jobs, { now: NOW })).toBe(
      lines(
        "NAME     STATUS     COMPLETIONS   DURATION   AGE",
        "pi       Complete   1/1           34s        2m",
        "report   Running    0/5           2m         2m",
        "sweep    Failed     0/1 of 3      2m         2m",
      ),
    );
  });
});

describe("other kinds", () => {
  const meta = (name: string, namespace = "default") => ({ name, namespace, creationTimestamp: "2024-01-15T11:00:00Z" });

  it("prints config maps, secrets, service accounts and namespaces", () => {
    expect(
      printTable(
        [
          { apiVersion: "v1", kind: "ConfigMap", metadata: meta("kube-root-ca.crt"), data: { "ca.crt": "x" } },
          { apiVersion: "v1", kind: "ConfigMap", metadata: meta("settings"), data: { a: "1", b: "2" }, binaryData: { c: "AA==" } },
        ],
        { now: NOW },
      ),
    ).toBe(lines("NAME               DATA   AGE", "kube-root-ca.crt   1      60m", "settings           3      60m"));
    expect(
      printTable([{ apiVersion: "v1", kind: "Secret", metadata: meta("db-pass"), type: "Opaque", data: { password: "cw==" } }], {
        now: NOW,
      }),
    ).toBe(lines("NAME      TYPE     DATA   AGE", "db-pass   Opaque   1      60m"));
    expect(printTable([{ apiVersion: "v1", kind: "ServiceAccount", metadata: meta("default") }], { now: NOW })).toBe(
      lines("NAME      SECRETS   AGE", "default   0         60m"),
    );
    expect(
      printTable(
        [
          { apiVersion: "v1", kind: "Namespace", metadata: { name: "default", creationTimestamp: "2024-01-15T10:00:00Z" }, status: { phase: "Active" } },
          { apiVersion: "v1", kind: "Namespace", metadata: { name: "old", creationTimestamp: "2024-01-15T11:00:00Z" }, status: { phase: "Terminating" } },
        ],
        { now: NOW },
      ),
    ).toBe(lines("NAME      STATUS        AGE", "default   Active        120m", "old       Terminating   60m"));
  });

  it("prints endpoints, truncating after three addresses", () => {
    const ep = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: meta("web"),
      subsets: [
        {
          addresses: ["10.244.1.2", "10.244.1.3", "10.244.2.4", "10.244.2.5", "10.244.2.6"].map((ip) => ({ ip })),
          ports: [{ port: 80, protocol: "TCP" }],
        },
      ],
    };
    const kube = { apiVersion: "v1", kind: "Endpoints", metadata: meta("kubernetes"), subsets: [{ addresses: [{ ip: "172.30.1.2" }], ports: [{ name: "https", port: 6443 }] }] };
    const empty = { apiVersion: "v1", kind: "Endpoints", metadata: meta("pending") };
    expect(printTable([kube, empty, ep], { now: NOW })).toBe(
      lines(
        "NAME         ENDPOINTS                                               AGE",
        "kubernetes   172.30.1.2:6443                                         60m",
        "pending      <none>                                                  60m",
        "web          10.244.1.2:80,10.244.1.3:80,10.244.2.4:80 + 2 more...   60m",
      ),
    );
  });

  it("prints endpoint slices", () => {
    const slice = {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: meta("web-7xk2p"),
      addressType: "IPv4",
      ports: [{ name: "", port: 80, protocol: "TCP" }],
      endpoints: [{ addresses: ["10.244.1.2"] }, { addresses: ["10.244.1.3"] }],
    };
    expect(printTable([slice], { now: NOW })).toBe(
      lines("NAME        ADDRESSTYPE   PORTS   ENDPOINTS               AGE", "web-7xk2p   IPv4          80      10.244.1.2,10.244.1.3   60m"),
    );
  });

  it("prints leases, resource quotas and a limit range (the server's default table)", () => {
    expect(
      printTable(
        [
          { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: meta("kube-scheduler", "kube-system"), spec: { holderIdentity: "controlplane_0a1b2c3d-4e5f-6789-abcd-ef0123456789" } },
        ],
        { now: NOW },
      ),
    ).toBe(lines("NAME             HOLDER                                              AGE", "kube-scheduler   controlplane_0a1b2c3d-4e5f-6789-abcd-ef0123456789   60m"));
    expect(
      printTable(
        [
          {
            apiVersion: "v1",
            kind: "ResourceQuota",
            metadata: meta("compute"),
            status: {
              hard: { "requests.cpu": "1", "requests.memory": "1Gi", "limits.cpu": "2", "limits.memory": "2Gi", pods: "10" },
              used: { "requests.cpu": "500m", "requests.memory": "512Mi", "limits.cpu": "1", "limits.memory": "1Gi", pods: "2" },
            },
          },
        ],
        { now: NOW },
      ),
    ).toBe(
      lines(
        "NAME      REQUEST                                                        LIMIT                                     AGE",
        "compute   pods: 2/10, requests.cpu: 500m/1, requests.memory: 512Mi/1Gi   limits.cpu: 1/2, limits.memory: 1Gi/2Gi   60m",
      ),
    );
    expect(printTable([{ apiVersion: "v1", kind: "LimitRange", metadata: meta("cpu-limits") }], { now: NOW })).toBe(
      lines("NAME         CREATED AT", "cpu-limits   2024-01-15T11:00:00Z"),
    );
  });
});

describe("kubectl get events", () => {
  const events = [
    event({
      name: "web-5d8f7c9b4-2jxkq.17a9b3c1d2e3f4a5",
      reason: "Scheduled",
      message: "Successfully assigned default/web-5d8f7c9b4-2jxkq to node01",
      involvedObject: { kind: "Pod", name: "web-5d8f7c9b4-2jxkq", namespace: "default" },
      source: { component: "default-scheduler" },
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: "2024-01-15T11:30:00.123456Z",
      reportingComponent: "default-scheduler",
      reportingInstance: "default-scheduler-controlplane",
    }),
    event({
      name: "web-5d8f7c9b4-2jxkq.17a9b3c1d2e3f4b6",
      reason: "Pulled",
      message: 'Container image "nginx:1.27" already present on machine',
      involvedObject: { kind: "Pod", name: "web-5d8f7c9b4-2jxkq", namespace: "default", fieldPath: "spec.containers{nginx}" },
      source: { component: "kubelet", host: "node01" },
      firstTimestamp: "2024-01-15T11:30:02Z",
      lastTimestamp: "2024-01-15T11:30:02Z",
    }),
    event({
      name: "api.17a9b3c1d2e3f4c7",
      type: "Warning",
      reason: "BackOff",
      message: "Back-off restarting failed container api in pod api_default(uid)",
      involvedObject: { kind: "Pod", name: "api", namespace: "default", fieldPath: "spec.containers{api}" },
      source: { component: "kubelet", host: "node01" },
      count: 7,
      firstTimestamp: "2024-01-15T11:55:00Z",
      lastTimestamp: "2024-01-15T11:59:40Z",
    }),
  ];

  it("prints LAST SEEN, TYPE, REASON, OBJECT and MESSAGE", () => {
    expect(printTable(events, { now: NOW })).toBe(
      lines(
        "LAST SEEN   TYPE      REASON      OBJECT                    MESSAGE",
        "29m         Normal    Scheduled   pod/web-5d8f7c9b4-2jxkq   Successfully assigned default/web-5d8f7c9b4-2jxkq to node01",
        `29m         Normal    Pulled      pod/web-5d8f7c9b4-2jxkq   Container image "nginx:1.27" already present on machine`,
        "20s         Warning   BackOff     pod/api                   Back-off restarting failed container api in pod api_default(uid)",
      ),
    );
  });

  it("adds subobject, source, first seen, count and name with -o wide", () => {
    expect(printTable(events.slice(1), { now: NOW, wide: true })).toBe(
      lines(
        "LAST SEEN   TYPE      REASON    OBJECT                    SUBOBJECT                SOURCE            MESSAGE                                                            FIRST SEEN   COUNT   NAME",
        `29m         Normal    Pulled    pod/web-5d8f7c9b4-2jxkq   spec.containers{nginx}   kubelet, node01   Container image "nginx:1.27" already present on machine            29m          1       web-5d8f7c9b4-2jxkq.17a9b3c1d2e3f4b6`,
        "20s         Warning   BackOff   pod/api                   spec.containers{api}     kubelet, node01   Back-off restarting failed container api in pod api_default(uid)   5m           7       api.17a9b3c1d2e3f4c7",
      ),
    );
  });
});

describe("more built-in kinds", () => {
  const meta = (name: string, namespace?: string) => ({ name, namespace, creationTimestamp: "2024-01-15T11:00:00Z" });

  it("prints ingresses with class, hosts, address and ports", () => {
    const ing = {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: meta("web", "default"),
      spec: { ingressClassName: "nginx", rules: [{ host: "shop.example.com" }, { host: "api.example.com" }], tls: [{ hosts: ["shop.example.com"] }] },
      status: { loadBalancer: { ingress: [{ ip: "172.30.1.2" }] } },
    };
    expect(printTable([ing], { now: NOW })).toBe(
      lines(
        "NAME   CLASS   HOSTS                              ADDRESS      PORTS     AGE",
        "web    nginx   shop.example.com,api.example.com   172.30.1.2   80, 443   60m",
      ),
    );
  });

  it("prints role bindings with subjects in -o wide", () => {
    const rb = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: meta("read-pods", "default"),
      roleRef: { kind: "Role", name: "pod-reader" },
      subjects: [
        { kind: "User", name: "jane" },
        { kind: "ServiceAccount", name: "ci", namespace: "default" },
      ],
    };
    expect(printTable([rb], { now: NOW, wide: true })).toBe(
      lines("NAME        ROLE              AGE   USERS   GROUPS   SERVICEACCOUNTS", "read-pods   Role/pod-reader   60m   jane             default/ci"),
    );
  });

  it("marks the default storage class", () => {
    const sc = {
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { ...meta("local-path"), annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
      provisioner: "rancher.io/local-path",
      reclaimPolicy: "Delete",
      volumeBindingMode: "WaitForFirstConsumer",
    };
    expect(printTable([sc], { now: NOW })).toBe(
      lines(
        "NAME                   PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE",
        "local-path (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  60m",
      ),
    );
  });

  it("prints autoscaler targets", () => {
    const hpa = {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: meta("web", "default"),
      spec: {
        scaleTargetRef: { kind: "Deployment", name: "web" },
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }],
      },
      status: { currentReplicas: 2, currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 12 } } }] },
    };
    expect(printTable([hpa], { now: NOW })).toBe(
      lines("NAME   REFERENCE        TARGETS        MINPODS   MAXPODS   REPLICAS   AGE", "web    Deployment/web   cpu: 12%/50%   1         10        2          60m"),
    );
  });

  it("prints NAME and AGE for custom resources, CREATED AT for roles", () => {
    const cr = { apiVersion: "example.com/v1", kind: "Widget", metadata: meta("w1", "default") };
    expect(printTable([cr], { now: NOW })).toBe(lines("NAME   AGE", "w1     60m"));
    const role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: meta("pod-reader", "default") };
    expect(printTable([role], { now: NOW })).toBe(lines("NAME         CREATED AT", "pod-reader   2024-01-15T11:00:00Z"));
    expect(printTable([cr, role], { now: NOW })).toBe(
      lines("NAME                    AGE", "widget.example.com/w1   60m", "", "NAME                                        CREATED AT", "role.rbac.authorization.k8s.io/pod-reader   2024-01-15T11:00:00Z"),
    );
  });
});

