// A small kubeadm cluster (one control plane, one worker) as the API server would return it, for
// the golden tests. "Now" is 12:00 UTC; the cluster came up at 10:00.
import type { Deployment, Event, Node, Pod, ReplicaSet, Service } from "../types";

export const NOW = Date.UTC(2024, 0, 15, 12, 0, 0);

const kubeApiAccess = (suffix: string) => ({
  name: `kube-api-access-${suffix}`,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
      { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
      {
        downwardAPI: {
          items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }],
        },
      },
    ],
  },
});

const readyConditions = (at: string) => [
  { type: "PodReadyToStartContainers", status: "True", lastProbeTime: null, lastTransitionTime: at },
  { type: "Initialized", status: "True", lastProbeTime: null, lastTransitionTime: at },
  { type: "Ready", status: "True", lastProbeTime: null, lastTransitionTime: at },
  { type: "ContainersReady", status: "True", lastProbeTime: null, lastTransitionTime: at },
  { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: at },
];

interface PodArgs {
  name: string;
  namespace?: string;
  node: string;
  hostIP: string;
  ip: string;
  created: string;
  image: string;
  container?: string;
  restarts?: number;
  lastFinished?: string;
  labels?: Record<string, string>;
}

export function runningPod(a: PodArgs): Pod {
  const container = a.container ?? a.name.replace(/-controlplane$/, "");
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: a.name,
      namespace: a.namespace ?? "kube-system",
      uid: `uid-${a.name}`,
      creationTimestamp: a.created,
      labels: a.labels ?? { component: container, tier: "control-plane" },
    },
    spec: {
      nodeName: a.node,
      containers: [{ name: container, image: a.image }],
    },
    status: {
      phase: "Running",
      conditions: readyConditions(a.created),
      hostIP: a.hostIP,
      podIP: a.ip,
      podIPs: [{ ip: a.ip }],
      startTime: a.created,
      containerStatuses: [
        {
          name: container,
          ready: true,
          started: true,
          restartCount: a.restarts ?? 0,
          image: a.image,
          imageID: "",
          state: { running: { startedAt: a.created } },
          lastState: a.lastFinished
            ? { terminated: { exitCode: 1, reason: "Error", startedAt: a.created, finishedAt: a.lastFinished } }
            : {},
        },
      ],
    },
  };
}

export const kubeSystemPods: Pod[] = [
  runningPod({
    name: "coredns-7c65d6cfc9-4xk2p",
    node: "controlplane",
    hostIP: "172.30.1.2",
    ip: "10.244.0.2",
    created: "2024-01-15T10:05:00Z",
    image: "registry.k8s.io/coredns/coredns:v1.11.3",
    container: "coredns",
    labels: { "k8s-app": "kube-dns", "pod-template-hash": "7c65d6cfc9" },
  }),
  runningPod({
    name: "coredns-7c65d6cfc9-hq8wz",
    node: "controlplane",
    hostIP: "172.30.1.2",
    ip: "10.244.0.3",
    created: "2024-01-15T10:05:00Z",
    image: "registry.k8s.io/coredns/coredns:v1.11.3",
    container: "coredns",
    labels: { "k8s-app": "kube-dns", "pod-template-hash": "7c65d6cfc9" },
  }),
  runningPod({
    name: "etcd-controlplane",
    node: "controlplane",
    hostIP: "172.30.1.2",
    ip: "172.30.1.2",
    created: "2024-01-15T10:00:00Z",
    image: "registry.k8s.io/etcd:3.5.15-0",
  }),
  runningPod({
    name: "kube-apiserver-controlplane",
    node: "controlplane",
    hostIP: "172.30.1.2",
    ip: "172.30.1.2",
    created: "2024-01-15T10:00:00Z",
    image: "registry.k8s.io/kube-apiserver:v1.31.0",
  }),
  runningPod({
    name: "kube-controller-manager-controlplane",
    node: "controlplane",
    hostIP: "172.30.1.2",
    ip: "172.30.1.2",
    created: "2024-01-15T10:00:00Z",
    image: "registry.k8s.io/kube-controller-manager:v1.31.0",
    restarts: 1,
    lastFinished: "2024-01-15T10:01:30Z",
  }),
  runningPod({
    name: "kube-proxy-7xq9z",
    node: "controlplane",
    hostIP: "172.30.1.2",
    ip: "172.30.1.2",
    created: "2024-01-15T10:00:20Z",
    image: "registry.k8s.io/kube-proxy:v1.31.0",
    container: "kube-proxy",
    labels: { "controller-revision-hash": "77b4c7dd8c", "k8s-app": "kube-proxy", "pod-template-generation": "1" },
  }),
  runningPod({
    name: "kube-proxy-m8h2w",
    node: "node01",
    hostIP: "172.30.2.2",
    ip: "172.30.2.2",
    created: "2024-01-15T10:05:10Z",
    image: "registry.k8s.io/kube-proxy:v1.31.0",
    container: "kube-proxy",
    labels: { "controller-revision-hash": "77b4c7dd8c", "k8s-app": "kube-proxy", "pod-template-generation": "1" },
  }),
  runningPod({
    name: "kube-scheduler-controlplane",
    node: "controlplane",
    hostIP: "172.30.1.2",
    ip: "172.30.1.2",
    created: "2024-01-15T10:00:00Z",
    image: "registry.k8s.io/kube-scheduler:v1.31.0",
  }),
];

const nodeConditions = (ready: boolean, at: string, heartbeat: string) => [
  {
    type: "MemoryPressure",
    status: "False",
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: at,
    reason: "KubeletHasSufficientMemory",
    message: "kubelet has sufficient memory available",
  },
  {
    type: "DiskPressure",
    status: "False",
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: at,
    reason: "KubeletHasNoDiskPressure",
    message: "kubelet has no disk pressure",
  },
  {
    type: "PIDPressure",
    status: "False",
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: at,
    reason: "KubeletHasSufficientPID",
    message: "kubelet has sufficient PID available",
  },
  ready
    ? {
        type: "Ready",
        status: "True",
        lastHeartbeatTime: heartbeat,
        lastTransitionTime: at,
        reason: "KubeletReady",
        message: "kubelet is posting ready status",
      }
    : {
        type: "Ready",
        status: "Unknown",
        lastHeartbeatTime: heartbeat,
        lastTransitionTime: at,
        reason: "NodeStatusUnknown",
        message: "Kubelet stopped posting node status.",
      },
];

export function node(name: string, ip: string, created: string, opts: { controlPlane?: boolean; ready?: boolean } = {}): Node {
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": name,
    "kubernetes.io/os": "linux",
  };
  if (opts.controlPlane) {
    labels["node-role.kubernetes.io/control-plane"] = "";
    labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
  }
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: created,
      labels,
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: opts.controlPlane
      ? {
          podCIDR: "10.244.0.0/24",
          podCIDRs: ["10.244.0.0/24"],
          taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }],
        }
      : { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"] },
    status: {
      conditions: nodeConditions(opts.ready ?? true, created, "2024-01-15T11:58:10Z"),
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
      capacity: {
        cpu: "2",
        "ephemeral-storage": "20134592Ki",
        "hugepages-2Mi": "0",
        memory: "4005444Ki",
        pods: "110",
      },
      allocatable: {
        cpu: "2",
        "ephemeral-storage": "18556039957",
        "hugepages-2Mi": "0",
        memory: "3903044Ki",
        pods: "110",
      },
      nodeInfo: {
        machineID: "388a2d0f867a4404bc12a0093bd9ed8d",
        systemUUID: "9c1b6f4e-2d6e-4f4d-9a5e-5f0f8d2c6a11",
        bootID: "c5e6b1b2-0d4a-4a44-9a7f-3b7d1c0e9f21",
        kernelVersion: "5.15.0-113-generic",
        osImage: "Ubuntu 22.04.4 LTS",
        containerRuntimeVersion: "containerd://1.7.13",
        kubeletVersion: "v1.31.0",
        kubeProxyVersion: "",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

export const nodes: Node[] = [
  node("controlplane", "172.30.1.2", "2024-01-15T10:00:00Z", { controlPlane: true }),
  node("node01", "172.30.2.2", "2024-01-15T10:04:30Z"),
];

export const kubernetesService: Service = {
  apiVersion: "v1",
  kind: "Service",
  metadata: {
    name: "kubernetes",
    namespace: "default",
    uid: "uid-svc-kubernetes",
    creationTimestamp: "2024-01-15T10:00:00Z",
    labels: { component: "apiserver", provider: "kubernetes" },
  },
  spec: {
    type: "ClusterIP",
    clusterIP: "10.96.0.1",
    clusterIPs: ["10.96.0.1"],
    ipFamilies: ["IPv4"],
    ipFamilyPolicy: "SingleStack",
    ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
    sessionAffinity: "None",
    internalTrafficPolicy: "Cluster",
  },
  status: { loadBalancer: {} },
};

export const webDeployment: Deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: {
    name: "web",
    namespace: "default",
    uid: "uid-deploy-web",
    generation: 1,
    creationTimestamp: "2024-01-15T11:30:00Z",
    labels: { app: "web" },
    annotations: { "deployment.kubernetes.io/revision": "1" },
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web" } },
    template: {
      metadata: { labels: { app: "web" } },
      spec: {
        containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] }],
      },
    },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
    minReadySeconds: 0,
  },
  status: {
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 2,
    availableReplicas: 2,
    conditions: [
      {
        type: "Available",
        status: "True",
        reason: "MinimumReplicasAvailable",
        message: "Deployment has minimum availability.",
        lastTransitionTime: "2024-01-15T11:30:10Z",
        lastUpdateTime: "2024-01-15T11:30:10Z",
      },
      {
        type: "Progressing",
        status: "True",
        reason: "NewReplicaSetAvailable",
        message: 'ReplicaSet "web-5d8f7c9b4" has successfully progressed.',
        lastTransitionTime: "2024-01-15T11:30:00Z",
        lastUpdateTime: "2024-01-15T11:30:10Z",
      },
    ],
  },
};

export const webReplicaSet: ReplicaSet = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: {
    name: "web-5d8f7c9b4",
    namespace: "default",
    uid: "uid-rs-web",
    creationTimestamp: "2024-01-15T11:30:00Z",
    labels: { app: "web", "pod-template-hash": "5d8f7c9b4" },
    annotations: {
      "deployment.kubernetes.io/desired-replicas": "2",
      "deployment.kubernetes.io/max-replicas": "3",
      "deployment.kubernetes.io/revision": "1",
    },
    ownerReferences: [
      { apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "uid-deploy-web", controller: true, blockOwnerDeletion: true },
    ],
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: "web", "pod-template-hash": "5d8f7c9b4" } },
    template: {
      metadata: { labels: { app: "web", "pod-template-hash": "5d8f7c9b4" } },
      spec: {
        containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }] }],
      },
    },
  },
  status: { replicas: 2, readyReplicas: 2, availableReplicas: 2 },
};

/** A pod of the web Deployment, as the API server holds it after defaulting. */
export function webPod(name: string, ip: string, nodeName: string, hostIP: string): Pod {
  const suffix = name.slice(-5);
  const pod = runningPod({
    name,
    namespace: "default",
    node: nodeName,
    hostIP,
    ip,
    created: "2024-01-15T11:30:00Z",
    image: "nginx:1.27",
    container: "nginx",
    labels: { app: "web", "pod-template-hash": "5d8f7c9b4" },
  });
  pod.metadata!.generateName = "web-5d8f7c9b4-";
  pod.metadata!.ownerReferences = [
    { apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-5d8f7c9b4", uid: "uid-rs-web", controller: true, blockOwnerDeletion: true },
  ];
  pod.spec = {
    containers: [
      {
        name: "nginx",
        image: "nginx:1.27",
        ports: [{ containerPort: 80, protocol: "TCP" }],
        volumeMounts: [
          { name: `kube-api-access-${suffix}`, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true },
        ],
      },
    ],
    nodeName,
    priority: 0,
    serviceAccountName: "default",
    serviceAccount: "default",
    tolerations: [
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ],
    volumes: [kubeApiAccess(suffix)],
  };
  const status = pod.status!.containerStatuses![0]!;
  status.containerID = `containerd://4f6c1e2d9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2${suffix.length}`;
  status.image = "docker.io/library/nginx:1.27";
  status.imageID = "docker.io/library/nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a";
  status.state = { running: { startedAt: "2024-01-15T11:30:02Z" } };
  pod.status!.qosClass = "BestEffort";
  return pod;
}

export const webPods: Pod[] = [
  webPod("web-5d8f7c9b4-2jxkq", "10.244.1.2", "node01", "172.30.2.2"),
  webPod("web-5d8f7c9b4-9tqvn", "10.244.1.3", "node01", "172.30.2.2"),
];

export function event({ name, ...e }: Partial<Event> & { name: string; reason: string; message: string }): Event {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace: "default", creationTimestamp: e.firstTimestamp ?? null },
    type: "Normal",
    count: 1,
    ...e,
  };
}
