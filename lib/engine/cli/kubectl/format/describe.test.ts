// Golden tests for `kubectl describe`. The expected texts follow k8s.io/kubectl/pkg/describe
// (v1.33) line by line, including kubectl's own quirks: blocks of "Key:\tvalue" lines are aligned
// together until a line without a tab, so e.g. "Controlled By:" aligns with "  IP:" and not with
// "Name:", and "IP:" of a pod without an address keeps its trailing padding.
import { describe as suite, expect, it } from "vitest";
import { describeCases } from "./__fixtures__/describe-cases";
import { describe, joinDescriptions, podQOSClass } from "./describe";
import type { Pod, ReplicaSet } from "./types";

const lines = (...l: string[]) => `${l.join("\n")}\n`;
const run = (name: string) => {
  const [obj, opts] = describeCases[name]!();
  return describe(obj, opts);
};

suite("kubectl describe", () => {
    it("pod", () => {
      expect(run("pod")).toBe(
        lines(
          "Name:             web-5d8f7c9b4-2jxkq",
          "Namespace:        default",
          "Priority:         0",
          "Service Account:  default",
          "Node:             node01/172.30.2.2",
          "Start Time:       Mon, 15 Jan 2024 11:30:00 +0000",
          "Labels:           app=web",
          "                  pod-template-hash=5d8f7c9b4",
          "Annotations:      <none>",
          "Status:           Running",
          "IP:               10.244.1.2",
          "IPs:",
          "  IP:           10.244.1.2",
          "Controlled By:  ReplicaSet/web-5d8f7c9b4",
          "Containers:",
          "  nginx:",
          "    Container ID:   containerd://4f6c1e2d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c25",
          "    Image:          nginx:1.27",
          "    Image ID:       docker.io/library/nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a",
          "    Port:           80/TCP",
          "    Host Port:      0/TCP",
          "    State:          Running",
          "      Started:      Mon, 15 Jan 2024 11:30:02 +0000",
          "    Ready:          True",
          "    Restart Count:  0",
          "    Environment:    <none>",
          "    Mounts:",
          "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-2jxkq (ro)",
          "Conditions:",
          "  Type                        Status",
          "  PodReadyToStartContainers   True ",
          "  Initialized                 True ",
          "  Ready                       True ",
          "  ContainersReady             True ",
          "  PodScheduled                True ",
          "Volumes:",
          "  kube-api-access-2jxkq:",
          "    Type:                    Projected (a volume that contains injected data from multiple sources)",
          "    TokenExpirationSeconds:  3607",
          "    ConfigMapName:           kube-root-ca.crt",
          "    Optional:                false",
          "    DownwardAPI:             true",
          "QoS Class:                   BestEffort",
          "Node-Selectors:              <none>",
          "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
          "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
          "Events:",
          "  Type    Reason     Age   From               Message",
          "  ----    ------     ----  ----               -------",
          "  Normal  Scheduled  30m   default-scheduler  Successfully assigned default/web-5d8f7c9b4-2jxkq to node01",
          "  Normal  Pulled     29m   kubelet            Container image \"nginx:1.27\" already present on machine",
          "  Normal  Created    29m   kubelet            Created container nginx",
          "  Normal  Started    29m   kubelet            Started container nginx",
        ),
      );
    });

    it("crashingPod", () => {
      expect(run("crashingPod")).toBe(
        lines(
          "Name:             api",
          "Namespace:        default",
          "Priority:         0",
          "Service Account:  default",
          "Node:             node01/172.30.2.2",
          "Start Time:       Mon, 15 Jan 2024 11:50:00 +0000",
          "Labels:           run=api",
          "Annotations:      <none>",
          "Status:           Running",
          "IP:               10.244.1.7",
          "IPs:",
          "  IP:  10.244.1.7",
          "Containers:",
          "  api:",
          "    Container ID:  containerd://abcd",
          "    Image:         example/api:1.0",
          "    Image ID:      docker.io/example/api@sha256:1111",
          "    Port:          <none>",
          "    Host Port:     <none>",
          "    Command:",
          "      sh",
          "      -c",
          "    Args:",
          "      echo starting; exit 1",
          "    State:          Waiting",
          "      Reason:       CrashLoopBackOff",
          "    Last State:     Terminated",
          "      Reason:       Error",
          "      Exit Code:    1",
          "      Started:      Mon, 15 Jan 2024 11:59:18 +0000",
          "      Finished:     Mon, 15 Jan 2024 11:59:19 +0000",
          "    Ready:          False",
          "    Restart Count:  5",
          "    Limits:",
          "      cpu:     500m",
          "      memory:  128Mi",
          "    Requests:",
          "      cpu:     250m",
          "      memory:  64Mi",
          "    Liveness:  http-get http://:8080/healthz delay=3s timeout=1s period=10s #success=1 #failure=3",
          "    Environment:",
          "      MODE:      prod",
          "      POD_NAME:  api (v1:metadata.name)",
          "      NODE:       (v1:spec.nodeName)",
          "      PASS:      <set to the key 'password' in secret 'db'>  Optional: false",
          "    Mounts:      <none>",
          "Conditions:",
          "  Type           Status",
          "  Ready          False ",
          "  PodScheduled   True ",
          "Volumes:         <none>",
          "QoS Class:       Burstable",
          "Node-Selectors:  <none>",
          "Tolerations:     <none>",
          "Events:",
          "  Type     Reason     Age                  From               Message",
          "  ----     ------     ----                 ----               -------",
          "  Normal   Scheduled  10m                  default-scheduler  Successfully assigned default/api to node01",
          "  Normal   Pulled     42s (x6 over 9m59s)  kubelet            Container image \"example/api:1.0\" already present on machine",
          "  Warning  BackOff    5s (x25 over 9m50s)  kubelet            Back-off restarting failed container api in pod api_default(uid)",
        ),
      );
    });

    it("pendingPod", () => {
      expect(run("pendingPod")).toBe(
        lines(
          "Name:         big",
          "Namespace:    default",
          "Node:         <none>",
          "Labels:       <none>",
          "Annotations:  <none>",
          "Status:       Pending",
          "IP:           ",
          "IPs:          <none>",
          "Containers:",
          "  big:",
          "    Image:      nginx",
          "    Port:       <none>",
          "    Host Port:  <none>",
          "    Requests:",
          "      cpu:        8",
          "    Environment:  <none>",
          "    Mounts:       <none>",
          "Conditions:",
          "  Type           Status",
          "  PodScheduled   False ",
          "Volumes:         <none>",
          "QoS Class:       Burstable",
          "Node-Selectors:  disktype=ssd",
          "Tolerations:     <none>",
          "Events:",
          "  Type     Reason            Age   From               Message",
          "  ----     ------            ----  ----               -------",
          "  Warning  FailedScheduling  2m    default-scheduler  0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
        ),
      );
    });

    it("deployment", () => {
      expect(run("deployment")).toBe(
        lines(
          "Name:                   web",
          "Namespace:              default",
          "CreationTimestamp:      Mon, 15 Jan 2024 11:30:00 +0000",
          "Labels:                 app=web",
          "Annotations:            deployment.kubernetes.io/revision: 1",
          "Selector:               app=web",
          "Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable",
          "StrategyType:           RollingUpdate",
          "MinReadySeconds:        0",
          "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
          "Pod Template:",
          "  Labels:  app=web",
          "  Containers:",
          "   nginx:",
          "    Image:         nginx:1.27",
          "    Port:          80/TCP",
          "    Host Port:     0/TCP",
          "    Environment:   <none>",
          "    Mounts:        <none>",
          "  Volumes:         <none>",
          "  Node-Selectors:  <none>",
          "  Tolerations:     <none>",
          "Conditions:",
          "  Type           Status  Reason",
          "  ----           ------  ------",
          "  Available      True    MinimumReplicasAvailable",
          "  Progressing    True    NewReplicaSetAvailable",
          "OldReplicaSets:  <none>",
          "NewReplicaSet:   web-5d8f7c9b4 (2/2 replicas created)",
          "Events:",
          "  Type    Reason             Age   From                   Message",
          "  ----    ------             ----  ----                   -------",
          "  Normal  ScalingReplicaSet  30m   deployment-controller  Scaled up replica set web-5d8f7c9b4 to 2",
        ),
      );
    });

    it("replicaSet", () => {
      expect(run("replicaSet")).toBe(
        lines(
          "Name:           web-5d8f7c9b4",
          "Namespace:      default",
          "Selector:       app=web,pod-template-hash=5d8f7c9b4",
          "Labels:         app=web",
          "                pod-template-hash=5d8f7c9b4",
          "Annotations:    deployment.kubernetes.io/desired-replicas: 2",
          "                deployment.kubernetes.io/max-replicas: 3",
          "                deployment.kubernetes.io/revision: 1",
          "Controlled By:  Deployment/web",
          "Replicas:       2 current / 2 desired",
          "Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed",
          "Pod Template:",
          "  Labels:  app=web",
          "           pod-template-hash=5d8f7c9b4",
          "  Containers:",
          "   nginx:",
          "    Image:         nginx:1.27",
          "    Port:          80/TCP",
          "    Host Port:     0/TCP",
          "    Environment:   <none>",
          "    Mounts:        <none>",
          "  Volumes:         <none>",
          "  Node-Selectors:  <none>",
          "  Tolerations:     <none>",
          "Events:            <none>",
        ),
      );
    });

    it("service", () => {
      expect(run("service")).toBe(
        lines(
          "Name:                     kubernetes",
          "Namespace:                default",
          "Labels:                   component=apiserver",
          "                          provider=kubernetes",
          "Annotations:              <none>",
          "Selector:                 <none>",
          "Type:                     ClusterIP",
          "IP Family Policy:         SingleStack",
          "IP Families:              IPv4",
          "IP:                       10.96.0.1",
          "IPs:                      10.96.0.1",
          "Port:                     https  443/TCP",
          "TargetPort:               6443/TCP",
          "Endpoints:                172.30.1.2:6443",
          "Session Affinity:         None",
          "Internal Traffic Policy:  Cluster",
          "Events:                   <none>",
        ),
      );
    });

    it("node", () => {
      expect(run("node")).toBe(
        lines(
          "Name:               controlplane",
          "Roles:              control-plane",
          "Labels:             beta.kubernetes.io/arch=amd64",
          "                    beta.kubernetes.io/os=linux",
          "                    kubernetes.io/arch=amd64",
          "                    kubernetes.io/hostname=controlplane",
          "                    kubernetes.io/os=linux",
          "                    node-role.kubernetes.io/control-plane=",
          "                    node.kubernetes.io/exclude-from-external-load-balancers=",
          "Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock",
          "                    node.alpha.kubernetes.io/ttl: 0",
          "                    volumes.kubernetes.io/controller-managed-attach-detach: true",
          "CreationTimestamp:  Mon, 15 Jan 2024 10:00:00 +0000",
          "Taints:             node-role.kubernetes.io/control-plane:NoSchedule",
          "Unschedulable:      false",
          "Lease:",
          "  HolderIdentity:  controlplane",
          "  AcquireTime:     <unset>",
          "  RenewTime:       Mon, 15 Jan 2024 11:59:58 +0000",
          "Conditions:",
          "  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message",
          "  ----             ------  -----------------                 ------------------                ------                       -------",
          "  MemoryPressure   False   Mon, 15 Jan 2024 11:58:10 +0000   Mon, 15 Jan 2024 10:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available",
          "  DiskPressure     False   Mon, 15 Jan 2024 11:58:10 +0000   Mon, 15 Jan 2024 10:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure",
          "  PIDPressure      False   Mon, 15 Jan 2024 11:58:10 +0000   Mon, 15 Jan 2024 10:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available",
          "  Ready            True    Mon, 15 Jan 2024 11:58:10 +0000   Mon, 15 Jan 2024 10:00:00 +0000   KubeletReady                 kubelet is posting ready status",
          "Addresses:",
          "  InternalIP:  172.30.1.2",
          "  Hostname:    controlplane",
          "Capacity:",
          "  cpu:                2",
          "  ephemeral-storage:  20134592Ki",
          "  hugepages-2Mi:      0",
          "  memory:             4005444Ki",
          "  pods:               110",
          "Allocatable:",
          "  cpu:                2",
          "  ephemeral-storage:  18556039957",
          "  hugepages-2Mi:      0",
          "  memory:             3903044Ki",
          "  pods:               110",
          "System Info:",
          "  Machine ID:                 388a2d0f867a4404bc12a0093bd9ed8d",
          "  System UUID:                9c1b6f4e-2d6e-4f4d-9a5e-5f0f8d2c6a11",
          "  Boot ID:                    c5e6b1b2-0d4a-4a44-9a7f-3b7d1c0e9f21",
          "  Kernel Version:             5.15.0-113-generic",
          "  OS Image:                   Ubuntu 22.04.4 LTS",
          "  Operating System:           linux",
          "  Architecture:               amd64",
          "  Container Runtime Version:  containerd://1.7.13",
          "  Kubelet Version:            v1.31.0",
          "  Kube-Proxy Version:         ",
          "PodCIDR:                      10.244.0.0/24",
          "PodCIDRs:                     10.244.0.0/24",
          "Non-terminated Pods:          (7 in total)",
          "  Namespace                   Name                                    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age",
          "  ---------                   ----                                    ------------  ----------  ---------------  -------------  ---",
          "  kube-system                 coredns-7c65d6cfc9-4xk2p                100m (5%)     0 (0%)      70Mi (1%)        170Mi (4%)     115m",
          "  kube-system                 coredns-7c65d6cfc9-hq8wz                100m (5%)     0 (0%)      70Mi (1%)        170Mi (4%)     115m",
          "  kube-system                 etcd-controlplane                       100m (5%)     0 (0%)      100Mi (2%)       0 (0%)         120m",
          "  kube-system                 kube-apiserver-controlplane             250m (12%)    0 (0%)      0 (0%)           0 (0%)         120m",
          "  kube-system                 kube-controller-manager-controlplane    200m (10%)    0 (0%)      0 (0%)           0 (0%)         120m",
          "  kube-system                 kube-proxy-7xq9z                        0 (0%)        0 (0%)      0 (0%)           0 (0%)         119m",
          "  kube-system                 kube-scheduler-controlplane             100m (5%)     0 (0%)      0 (0%)           0 (0%)         120m",
          "Allocated resources:",
          "  (Total limits may be over 100 percent, i.e., overcommitted.)",
          "  Resource           Requests    Limits",
          "  --------           --------    ------",
          "  cpu                850m (42%)  0 (0%)",
          "  memory             240Mi (6%)  340Mi (8%)",
          "  ephemeral-storage  0 (0%)      0 (0%)",
          "  hugepages-2Mi      0 (0%)      0 (0%)",
          "Events:              <none>",
        ),
      );
    });

    it("namespace", () => {
      expect(run("namespace")).toBe(
        lines(
          "Name:         default",
          "Labels:       kubernetes.io/metadata.name=default",
          "Annotations:  <none>",
          "Status:       Active",
          "",
          "No resource quota.",
          "",
          "No LimitRange resource.",
        ),
      );
    });

    it("namespaceWithQuota", () => {
      expect(run("namespaceWithQuota")).toBe(
        lines(
          "Name:         dev",
          "Labels:       kubernetes.io/metadata.name=dev",
          "Annotations:  <none>",
          "Status:       Active",
          "",
          "Resource Quotas",
          "  Name:            compute",
          "  Resource         Used   Hard",
          "  --------         ---    ---",
          "  pods             2      10",
          "  requests.cpu     500m   1",
          "  requests.memory  512Mi  1Gi",
          "",
          "Resource Limits",
          " Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio",
          " ----       --------  ---  ---  ---------------  -------------  -----------------------",
          " Container  cpu       -    -    100m             500m           -",
          " Container  memory    -    -    128Mi            256Mi          -",
        ),
      );
    });

    it("configMap", () => {
      expect(run("configMap")).toBe(
        lines(
          "Name:         app-config",
          "Namespace:    default",
          "Labels:       <none>",
          "Annotations:  <none>",
          "",
          "Data",
          "====",
          "LOG_LEVEL:",
          "----",
          "debug",
          "",
          "app.properties:",
          "----",
          "color=blue",
          "mode=dark",
          "",
          "",
          "BinaryData",
          "====",
          "",
          "Events:  <none>",
        ),
      );
    });

    it("secret", () => {
      expect(run("secret")).toBe(
        lines(
          "Name:         db",
          "Namespace:    default",
          "Labels:       <none>",
          "Annotations:  <none>",
          "",
          "Type:  Opaque",
          "",
          "Data",
          "====",
          "password:  6 bytes",
          "username:  5 bytes",
        ),
      );
    });

    it("endpoints", () => {
      expect(run("endpoints")).toBe(
        lines(
          "Name:         kubernetes",
          "Namespace:    default",
          "Labels:       endpointslice.kubernetes.io/skip-mirror=true",
          "Annotations:  <none>",
          "Subsets:",
          "  Addresses:          172.30.1.2",
          "  NotReadyAddresses:  <none>",
          "  Ports:",
          "    Name   Port  Protocol",
          "    ----   ----  --------",
          "    https  6443  TCP",
          "",
          "Events:  <none>",
        ),
      );
    });

    it("job", () => {
      expect(run("job")).toBe(
        lines(
          "Name:             pi",
          "Namespace:        default",
          "Selector:         batch.kubernetes.io/controller-uid=uid-job-pi",
          "Labels:           batch.kubernetes.io/controller-uid=uid-job-pi",
          "                  batch.kubernetes.io/job-name=pi",
          "                  controller-uid=uid-job-pi",
          "                  job-name=pi",
          "Annotations:      <none>",
          "Parallelism:      1",
          "Completions:      1",
          "Completion Mode:  NonIndexed",
          "Suspend:          false",
          "Backoff Limit:    4",
          "Start Time:       Mon, 15 Jan 2024 11:58:00 +0000",
          "Completed At:     Mon, 15 Jan 2024 11:58:34 +0000",
          "Duration:         34s",
          "Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed",
          "Pod Template:",
          "  Labels:  batch.kubernetes.io/controller-uid=uid-job-pi",
          "           batch.kubernetes.io/job-name=pi",
          "           controller-uid=uid-job-pi",
          "           job-name=pi",
          "  Containers:",
          "   pi:",
          "    Image:      perl:5.34.0",
          "    Port:       <none>",
          "    Host Port:  <none>",
          "    Command:",
          "      perl",
          "      -Mbignum=bpi",
          "      -wle",
          "      print bpi(2000)",
          "    Environment:   <none>",
          "    Mounts:        <none>",
          "  Volumes:         <none>",
          "  Node-Selectors:  <none>",
          "  Tolerations:     <none>",
          "Events:",
          "  Type    Reason            Age   From            Message",
          "  ----    ------            ----  ----            -------",
          "  Normal  SuccessfulCreate  2m    job-controller  Created pod: pi-8xk2l",
          "  Normal  Completed         86s   job-controller  Job completed",
        ),
      );
    });

    it("daemonSet", () => {
      expect(run("daemonSet")).toBe(
        lines(
          "Name:           kube-proxy",
          "Namespace:      kube-system",
          "Selector:       k8s-app=kube-proxy",
          "Node-Selector:  kubernetes.io/os=linux",
          "Labels:         k8s-app=kube-proxy",
          "Annotations:    deprecated.daemonset.template.generation: 1",
          "Desired Number of Nodes Scheduled: 2",
          "Current Number of Nodes Scheduled: 2",
          "Number of Nodes Scheduled with Up-to-date Pods: 2",
          "Number of Nodes Scheduled with Available Pods: 2",
          "Number of Nodes Misscheduled: 0",
          "Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed",
          "Pod Template:",
          "  Labels:           k8s-app=kube-proxy",
          "  Service Account:  kube-proxy",
          "  Containers:",
          "   kube-proxy:",
          "    Image:      registry.k8s.io/kube-proxy:v1.31.0",
          "    Port:       <none>",
          "    Host Port:  <none>",
          "    Command:",
          "      /usr/local/bin/kube-proxy",
          "      --config=/var/lib/kube-proxy/config.conf",
          "      --hostname-override=$(NODE_NAME)",
          "    Environment:",
          "      NODE_NAME:   (v1:spec.nodeName)",
          "    Mounts:",
          "      /lib/modules from lib-modules (ro)",
          "      /run/xtables.lock from xtables-lock (rw)",
          "      /var/lib/kube-proxy from kube-proxy (rw)",
          "  Volumes:",
          "   kube-proxy:",
          "    Type:      ConfigMap (a volume populated by a ConfigMap)",
          "    Name:      kube-proxy",
          "    Optional:  false",
          "   xtables-lock:",
          "    Type:          HostPath (bare host directory volume)",
          "    Path:          /run/xtables.lock",
          "    HostPathType:  FileOrCreate",
          "   lib-modules:",
          "    Type:               HostPath (bare host directory volume)",
          "    Path:               /lib/modules",
          "    HostPathType:       <none>",
          "  Priority Class Name:  system-node-critical",
          "  Node-Selectors:       kubernetes.io/os=linux",
          "  Tolerations:          op=Exists",
          "Events:                 <none>",
        ),
      );
    });

  it("prints Terminating with the deletion grace period", () => {
    const [pod, opts] = describeCases.crashingPod!();
    const terminating = JSON.parse(JSON.stringify(pod)) as Pod;
    terminating.metadata!.deletionTimestamp = "2024-01-15T11:59:30Z";
    terminating.metadata!.deletionGracePeriodSeconds = 30;
    const out = describe(terminating, { ...opts, showEvents: false });
    expect(out).toContain("Status:                    Terminating (lasts 30s)\nTermination Grace Period:  30s\n");
    expect(out).not.toContain("Events:");
  });

  it("prints long annotations below their key, cut at 140 characters", () => {
    const out = describe(
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "default", annotations: { a: "x".repeat(150), b: "short" } } },
      { now: 0 },
    );
    expect(out).toContain(`Annotations:  a:\n                ${"x".repeat(138)}...\n              b: short\n`);
  });

  it("falls back to the generic describer for other kinds", () => {
    const out = describe(
      {
        apiVersion: "coordination.k8s.io/v1",
        kind: "Lease",
        metadata: { name: "node01", namespace: "kube-node-lease", uid: "u1" },
        spec: { holderIdentity: "node01", leaseDurationSeconds: 40 },
      },
      { now: 0 },
    );
    expect(out).toBe(
      lines(
        "Name:         node01",
        "Namespace:    kube-node-lease",
        "Labels:       <none>",
        "Annotations:  <none>",
        "API Version:  coordination.k8s.io/v1",
        "Kind:         Lease",
        "Metadata:",
        "  UID:  u1",
        "Spec:",
        "  Holder Identity:         node01",
        "  Lease Duration Seconds:  40",
        "Events:                    <none>",
      ),
    );
  });

  it("separates several objects with a blank line", () => {
    expect(joinDescriptions(["a\n", "b\n"])).toBe("a\n\n\nb\n");
  });

  it("computes the QoS class when the status has none", () => {
    const pod = (resources: object): Pod => ({ kind: "Pod", spec: { containers: [{ name: "a", resources }] }, status: {} });
    expect(podQOSClass(pod({}))).toBe("BestEffort");
    expect(podQOSClass(pod({ requests: { cpu: "100m" } }))).toBe("Burstable");
    expect(podQOSClass(pod({ limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "1000m", memory: "1Gi" } }))).toBe("Guaranteed");
  });

  it("lists old and new ReplicaSets of a rolled-out Deployment", () => {
    const [deployment, opts] = describeCases.deployment!();
    const old = JSON.parse(JSON.stringify(opts.related!.replicaSets![0])) as ReplicaSet;
    old.metadata!.name = "web-7d4b9c8f5";
    old.metadata!.creationTimestamp = "2024-01-15T11:00:00Z";
    old.spec!.replicas = 0;
    old.spec!.template!.spec!.containers![0]!.image = "nginx:1.26";
    old.status!.replicas = 0;
    const out = describe(deployment, { ...opts, related: { replicaSets: [old, ...opts.related!.replicaSets!] } });
    expect(out).toContain("OldReplicaSets:  web-7d4b9c8f5 (0/0 replicas created)\nNewReplicaSet:   web-5d8f7c9b4 (2/2 replicas created)\n");
  });

  it("shows not-ready endpoints as missing and legacy Endpoints when no slices are given", () => {
    const [svc, opts] = describeCases.service!();
    const slices = opts.related!.endpointSlices!.map((s) => ({ ...s, endpoints: [{ addresses: ["172.30.1.2"], conditions: { ready: false } }] }));
    expect(describe(svc, { ...opts, related: { endpointSlices: slices } })).toContain("Endpoints:                \n");
    expect(describe(svc, { ...opts, related: {} })).toContain("Endpoints:                <none>\n");
    const endpoints = { kind: "Endpoints", subsets: [{ addresses: [{ ip: "172.30.1.2" }], ports: [{ name: "https", port: 6443 }] }] };
    expect(describe(svc, { ...opts, related: { endpoints } })).toContain("Endpoints:                172.30.1.2:6443\n");
  });
});
