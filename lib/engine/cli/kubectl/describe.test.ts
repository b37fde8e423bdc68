// Golden tests for kubectl describe through the terminal: a Deployment created through the API,
// a Pod with its events, the control-plane Node, a Service, name-prefix matching and errors.
import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default", labels: { app: "web" } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } },
  },
};

describe("kubectl describe", () => {
  const sb = Sandbox.create({ seed: 7 });
  sb.cluster.api.create(deployment);
  sb.advanceBy(20_000);

  it("describes a Deployment with its conditions, ReplicaSets and events", () => {
    const r = sb.exec("kubectl describe deployment web");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "Name:                   web",
      "Namespace:              default",
      "CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000",
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
      "NewReplicaSet:   web-64c8bdf64c (2/2 replicas created)",
      "Events:",
      "  Type    Reason             Age   From                   Message",
      "  ----    ------             ----  ----                   -------",
      "  Normal  ScalingReplicaSet  20s   deployment-controller  Scaled up replica set web-64c8bdf64c from 0 to 2",
    ),
    );
  });

  it("describes a Pod with its events, oldest first", () => {
    const r = sb.exec("kubectl describe pod web-64c8bdf64c-gb2q6");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "Name:             web-64c8bdf64c-gb2q6",
      "Namespace:        default",
      "Priority:         0",
      "Service Account:  default",
      "Node:             node02/172.30.2.3",
      "Start Time:       Thu, 01 Jan 2026 00:00:00 +0000",
      "Labels:           app=web",
      "                  pod-template-hash=64c8bdf64c",
      "Annotations:      <none>",
      "Status:           Running",
      "IP:               10.244.2.2",
      "IPs:",
      "  IP:           10.244.2.2",
      "Controlled By:  ReplicaSet/web-64c8bdf64c",
      "Containers:",
      "  nginx:",
      "    Container ID:   containerd://7603ac032b6c69b2d82f4e884b21d2903cf43e8795e6d7a7a079d37fc423266e",
      "    Image:          nginx:1.27",
      "    Image ID:       docker.io/library/nginx@sha256:e119c60a45fa55b59bf916abe614b46cc2325848257e09708e1ccdf6e4d0739f",
      "    Port:           80/TCP",
      "    Host Port:      0/TCP",
      "    State:          Running",
      "      Started:      Thu, 01 Jan 2026 00:00:02 +0000",
      "    Ready:          True",
      "    Restart Count:  0",
      "    Environment:    <none>",
      "    Mounts:",
      "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-hwzpf (ro)",
      "Conditions:",
      "  Type                        Status",
      "  PodReadyToStartContainers   True ",
      "  Initialized                 True ",
      "  Ready                       True ",
      "  ContainersReady             True ",
      "  PodScheduled                True ",
      "Volumes:",
      "  kube-api-access-hwzpf:",
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
      "  Normal  Scheduled  20s   default-scheduler  Successfully assigned default/web-64c8bdf64c-gb2q6 to node02",
      "  Normal  Pulling    20s   kubelet            Pulling image \"nginx:1.27\"",
      "  Normal  Pulled     18s   kubelet            Successfully pulled image \"nginx:1.27\" in 2.174s (2.174s including waiting). Image size: 191998640 bytes.",
      "  Normal  Started    18s   kubelet            Started container nginx",
      "  Normal  Created    18s   kubelet            Created container nginx",
    ),
    );
  });

  it("describes the control-plane Node with its Lease, pods and events", () => {
    const r = sb.exec("kubectl describe node controlplane");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
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
      "                    projectcalico.org/IPv4Address: 172.30.1.2/24",
      "                    projectcalico.org/IPv4IPIPTunnelAddr: 10.244.0.1",
      "                    volumes.kubernetes.io/controller-managed-attach-detach: true",
      "CreationTimestamp:  Wed, 31 Dec 2025 23:45:05 +0000",
      "Taints:             node-role.kubernetes.io/control-plane:NoSchedule",
      "Unschedulable:      false",
      "Lease:",
      "  HolderIdentity:  controlplane",
      "  AcquireTime:     <unset>",
      "  RenewTime:       Thu, 01 Jan 2026 00:00:20 +0000",
      "Conditions:",
      "  Type                 Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message",
      "  ----                 ------  -----------------                 ------------------                ------                       -------",
      "  NetworkUnavailable   False   Wed, 31 Dec 2025 23:55:21 +0000   Wed, 31 Dec 2025 23:45:05 +0000   CalicoIsUp                   Calico is running on this node",
      "  MemoryPressure       False   Wed, 31 Dec 2025 23:55:21 +0000   Wed, 31 Dec 2025 23:45:05 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available",
      "  DiskPressure         False   Wed, 31 Dec 2025 23:55:21 +0000   Wed, 31 Dec 2025 23:45:05 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure",
      "  PIDPressure          False   Wed, 31 Dec 2025 23:55:21 +0000   Wed, 31 Dec 2025 23:45:05 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available",
      "  Ready                True    Wed, 31 Dec 2025 23:55:21 +0000   Wed, 31 Dec 2025 23:45:05 +0000   KubeletReady                 kubelet is posting ready status",
      "Addresses:",
      "  InternalIP:  172.30.1.2",
      "  Hostname:    controlplane",
      "Capacity:",
      "  cpu:                4",
      "  ephemeral-storage:  101430960Ki",
      "  hugepages-1Gi:      0",
      "  hugepages-2Mi:      0",
      "  memory:             8148228Ki",
      "  pods:               110",
      "Allocatable:",
      "  cpu:                4",
      "  ephemeral-storage:  93478772582",
      "  hugepages-1Gi:      0",
      "  hugepages-2Mi:      0",
      "  memory:             8148228Ki",
      "  pods:               110",
      "System Info:",
      "  Machine ID:                 4f5a28e789ca731b09117b2dbb8f1e0c",
      "  System UUID:                bf3e1212-1830-4bbe-b598-994e9c78fe3d",
      "  Boot ID:                    f221ae69-82b2-4582-a1b7-0c71756d10f2",
      "  Kernel Version:             5.15.0-131-generic",
      "  OS Image:                   Ubuntu 22.04.5 LTS",
      "  Operating System:           linux",
      "  Architecture:               amd64",
      "  Container Runtime Version:  containerd://1.7.24",
      "  Kubelet Version:            v1.31.4",
      "  Kube-Proxy Version:         ",
      "PodCIDR:                      10.244.0.0/24",
      "PodCIDRs:                     10.244.0.0/24",
      "Non-terminated Pods:          (9 in total)",
      "  Namespace                   Name                                        CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age",
      "  ---------                   ----                                        ------------  ----------  ---------------  -------------  ---",
      "  kube-system                 calico-kube-controllers-58779bf486-ksp9r    0 (0%)        0 (0%)      0 (0%)           0 (0%)         14m",
      "  kube-system                 calico-node-dvtks                           250m (6%)     0 (0%)      0 (0%)           0 (0%)         14m",
      "  kube-system                 coredns-54f69986ff-9cgxv                    100m (2%)     0 (0%)      70Mi (0%)        170Mi (2%)     15m",
      "  kube-system                 coredns-54f69986ff-hcvdj                    100m (2%)     0 (0%)      70Mi (0%)        170Mi (2%)     15m",
      "  kube-system                 etcd-controlplane                           100m (2%)     0 (0%)      100Mi (1%)       0 (0%)         15m",
      "  kube-system                 kube-apiserver-controlplane                 250m (6%)     0 (0%)      0 (0%)           0 (0%)         15m",
      "  kube-system                 kube-controller-manager-controlplane        200m (5%)     0 (0%)      0 (0%)           0 (0%)         15m",
      "  kube-system                 kube-proxy-llvr9                            0 (0%)        0 (0%)      0 (0%)           0 (0%)         15m",
      "  kube-system                 kube-scheduler-controlplane                 100m (2%)     0 (0%)      0 (0%)           0 (0%)         15m",
      "Allocated resources:",
      "  (Total limits may be over 100 percent, i.e., overcommitted.)",
      "  Resource           Requests     Limits",
      "  --------           --------     ------",
      "  cpu                1100m (27%)  0 (0%)",
      "  memory             240Mi (3%)   340Mi (4%)",
      "  ephemeral-storage  0 (0%)       0 (0%)",
      "  hugepages-1Gi      0 (0%)       0 (0%)",
      "  hugepages-2Mi      0 (0%)       0 (0%)",
      "Events:",
      "  Type    Reason          Age   From             Message",
      "  ----    ------          ----  ----             -------",
      "  Normal  RegisteredNode  15m   node-controller  Node controlplane event: Registered Node controlplane in Controller",
      "  Normal  Starting        15m   kubelet          Starting kubelet.",
    ),
    );
  });

  it("describes a Service with its EndpointSlices", () => {
    const r = sb.exec("kubectl describe svc kube-dns -n kube-system");
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(
    lines(
      "Name:                     kube-dns",
      "Namespace:                kube-system",
      "Labels:                   k8s-app=kube-dns",
      "                          kubernetes.io/cluster-service=true",
      "                          kubernetes.io/name=CoreDNS",
      "Annotations:              prometheus.io/port: 9153",
      "                          prometheus.io/scrape: true",
      "Selector:                 k8s-app=kube-dns",
      "Type:                     ClusterIP",
      "IP Family Policy:         SingleStack",
      "IP Families:              IPv4",
      "IP:                       10.96.0.10",
      "IPs:                      10.96.0.10",
      "Port:                     dns  53/UDP",
      "TargetPort:               53/UDP",
      "Endpoints:                10.244.0.2:53,10.244.0.3:53",
      "Port:                     dns-tcp  53/TCP",
      "TargetPort:               53/TCP",
      "Endpoints:                10.244.0.2:53,10.244.0.3:53",
      "Port:                     metrics  9153/TCP",
      "TargetPort:               9153/TCP",
      "Endpoints:                10.244.0.2:9153,10.244.0.3:9153",
      "Session Affinity:         None",
      "Internal Traffic Policy:  Cluster",
      "Events:                   <none>",
    ),
    );
  });

  it("describes the objects it finds and reports the missing ones after them", () => {
    const r = sb.exec("kubectl describe pods web-64c8bdf64c-gb2q6 nope");
    expect(r.exitCode).toBe(1);
    const found = sb.exec("kubectl describe pod web-64c8bdf64c-gb2q6").output;
    expect(r.output).toBe(`${found}Error from server (NotFound): pods "nope" not found\n`);
  });

  it("falls back to every object whose name starts with the name given, each followed by a blank line", () => {
    const r = sb.exec("kubectl describe pod web");
    expect(r.exitCode).toBe(0);
    const single = (name: string) => sb.exec(`kubectl describe pod ${name}`).output;
    expect(r.output).toBe(`${single("web-64c8bdf64c-gb2q6")}\n${single("web-64c8bdf64c-kvcxk")}\n`);
  });

  it("describes every object of a type, separated by a blank line", () => {
    const r = sb.exec("kubectl describe pods -l app=web");
    const single = (name: string) => sb.exec(`kubectl describe pod ${name}`).output;
    expect(r.output).toBe(`${single("web-64c8bdf64c-gb2q6")}\n\n${single("web-64c8bdf64c-kvcxk")}`);
  });

  it("reports NotFound when nothing matches, and an empty namespace", () => {
    expect(sb.exec("kubectl describe pods nothing")).toMatchObject({ output: 'Error from server (NotFound): pods "nothing" not found\n', exitCode: 1 });
    expect(sb.exec("kubectl describe deploy/web-x")).toMatchObject({ output: 'Error from server (NotFound): deployments.apps "web-x" not found\n', exitCode: 1 });
    expect(sb.exec("kubectl describe pods -n kube-public")).toMatchObject({ output: "No resources found in kube-public namespace.\n", exitCode: 0 });
  });

  it("needs a resource type", () => {
    expect(sb.exec("kubectl describe")).toMatchObject({
      output: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
    expect(sb.exec("kubectl describe widgets")).toMatchObject({ output: 'error: the server doesn\'t have a resource type "widgets"\n', exitCode: 1 });
  });

  it("describes a Namespace with its quotas and limit ranges", () => {
    expect(sb.exec("kubectl describe ns default").output).toBe(
      lines("Name:         default", "Labels:       kubernetes.io/metadata.name=default", "Annotations:  <none>", "Status:       Active", "", "No resource quota.", "", "No LimitRange resource."),
    );
  });
});

describe("kubectl describe: a static pod's mirror", () => {
  it("shows the kubelet's events, recorded against the static pod (the mirror annotation's uid)", () => {
    const sb = Sandbox.create({ seed: 8 });
    sb.exec("sed -i 's#image: registry.k8s.io/kube-scheduler:.*#image: registry.k8s.io/kube-scheduler:v9.9.9#' /etc/kubernetes/manifests/kube-scheduler.yaml");
    sb.exec("sleep 60");
    const mirror = sb.cluster.api.get(sb.cluster.api.infoFor({ apiVersion: "v1", kind: "Pod", metadata: {} }), "kube-system", "kube-scheduler-controlplane");
    expect(mirror.metadata.annotations?.["kubernetes.io/config.mirror"]).not.toBe(mirror.metadata.uid);
    const out = sb.exec("kubectl describe pod -n kube-system kube-scheduler-controlplane").output;
    const events = out.slice(out.indexOf("Events:"));
    expect(events).not.toBe("Events:            <none>\n");
    expect(events).toMatch(/^Events:\n  Type +Reason +Age +From +Message\n/);
    expect(events).toMatch(/\n  Normal +Pulling +.* kubelet +Pulling image "registry\.k8s\.io\/kube-scheduler:v9\.9\.9"\n/);
    expect(events).toMatch(/\n  Warning +Failed +.* kubelet +Error: ErrImagePull\n/);
    expect(events).toMatch(/\n  Normal +BackOff +.* kubelet +Back-off pulling image "registry\.k8s\.io\/kube-scheduler:v9\.9\.9"\n/);
    expect(events).toMatch(/\n  Warning +Failed +.* kubelet +Error: ImagePullBackOff\n$/);
  });
});
