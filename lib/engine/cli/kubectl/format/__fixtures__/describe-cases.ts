// Inputs of the describe golden tests: the object, its events and what the describer reads.
import type { DescribeOptions } from "../describe";
import type { DaemonSet, Job, KubeObject, Lease, LimitRange, Pod, ResourceQuota } from "../types";
import { NOW, event, kubeSystemPods, kubernetesService, nodes, webDeployment, webPods, webReplicaSet } from "./cluster";

export type DescribeCase = [KubeObject, DescribeOptions];

const podEvents = [
  event({
    name: "web-5d8f7c9b4-2jxkq.1",
    reason: "Scheduled",
    message: "Successfully assigned default/web-5d8f7c9b4-2jxkq to node01",
    involvedObject: { kind: "Pod", name: "web-5d8f7c9b4-2jxkq" },
    source: {},
    reportingComponent: "default-scheduler",
    firstTimestamp: null,
    lastTimestamp: null,
    eventTime: "2024-01-15T11:30:00.000000Z",
  }),
  event({
    name: "web-5d8f7c9b4-2jxkq.2",
    reason: "Pulled",
    message: 'Container image "nginx:1.27" already present on machine',
    involvedObject: { kind: "Pod", name: "web-5d8f7c9b4-2jxkq" },
    source: { component: "kubelet", host: "node01" },
    firstTimestamp: "2024-01-15T11:30:01Z",
    lastTimestamp: "2024-01-15T11:30:01Z",
  }),
  event({
    name: "web-5d8f7c9b4-2jxkq.3",
    reason: "Created",
    message: "Created container nginx",
    involvedObject: { kind: "Pod", name: "web-5d8f7c9b4-2jxkq" },
    source: { component: "kubelet", host: "node01" },
    firstTimestamp: "2024-01-15T11:30:01Z",
    lastTimestamp: "2024-01-15T11:30:01Z",
  }),
  event({
    name: "web-5d8f7c9b4-2jxkq.4",
    reason: "Started",
    message: "Started container nginx",
    involvedObject: { kind: "Pod", name: "web-5d8f7c9b4-2jxkq" },
    source: { component: "kubelet", host: "node01" },
    firstTimestamp: "2024-01-15T11:30:02Z",
    lastTimestamp: "2024-01-15T11:30:02Z",
  }),
];

/** A pod whose container keeps crashing, with env, resources and a probe. */
export function crashingPod(): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "api", namespace: "default", creationTimestamp: "2024-01-15T11:50:00Z", labels: { run: "api" } },
    spec: {
      nodeName: "node01",
      serviceAccountName: "default",
      priority: 0,
      containers: [
        {
          name: "api",
          image: "example/api:1.0",
          command: ["sh", "-c"],
          args: ["echo starting; exit 1"],
          env: [
            { name: "MODE", value: "prod" },
            { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
            { name: "NODE", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } },
            { name: "PASS", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
          ],
          resources: { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "250m", memory: "64Mi" } },
          livenessProbe: {
            httpGet: { path: "/healthz", port: 8080, scheme: "HTTP" },
            initialDelaySeconds: 3,
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
        },
      ],
    },
    status: {
      phase: "Running",
      hostIP: "172.30.2.2",
      podIP: "10.244.1.7",
      podIPs: [{ ip: "10.244.1.7" }],
      startTime: "2024-01-15T11:50:00Z",
      conditions: [
        { type: "Ready", status: "False" },
        { type: "PodScheduled", status: "True" },
      ],
      containerStatuses: [
        {
          name: "api",
          ready: false,
          restartCount: 5,
          image: "example/api:1.0",
          imageID: "docker.io/example/api@sha256:1111",
          containerID: "containerd://abcd",
          state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 2m40s restarting failed container=api pod=api_default(uid)" } },
          lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: "2024-01-15T11:59:18Z", finishedAt: "2024-01-15T11:59:19Z" } },
        },
      ],
    },
  };
}

const crashEvents = [
  event({
    name: "api.1",
    reason: "Scheduled",
    message: "Successfully assigned default/api to node01",
    involvedObject: { kind: "Pod", name: "api" },
    source: { component: "default-scheduler" },
    firstTimestamp: "2024-01-15T11:50:00Z",
    lastTimestamp: "2024-01-15T11:50:00Z",
  }),
  event({
    name: "api.2",
    reason: "Pulled",
    message: 'Container image "example/api:1.0" already present on machine',
    involvedObject: { kind: "Pod", name: "api" },
    source: { component: "kubelet", host: "node01" },
    count: 6,
    firstTimestamp: "2024-01-15T11:50:01Z",
    lastTimestamp: "2024-01-15T11:59:18Z",
  }),
  event({
    name: "api.3",
    type: "Warning",
    reason: "BackOff",
    message: "Back-off restarting failed container api in pod api_default(uid)",
    involvedObject: { kind: "Pod", name: "api" },
    source: { component: "kubelet", host: "node01" },
    count: 25,
    firstTimestamp: "2024-01-15T11:50:10Z",
    lastTimestamp: "2024-01-15T11:59:55Z",
  }),
];

const pendingPod: Pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "big", namespace: "default", creationTimestamp: "2024-01-15T11:58:00Z" },
  spec: { containers: [{ name: "big", image: "nginx", resources: { requests: { cpu: "8" } } }], nodeSelector: { disktype: "ssd" } },
  status: {
    phase: "Pending",
    conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/2 nodes are available" }],
    qosClass: "Burstable",
  },
};

const job: Job = {
  apiVersion: "batch/v1",
  kind: "Job",
  metadata: {
    name: "pi",
    namespace: "default",
    uid: "uid-job-pi",
    creationTimestamp: "2024-01-15T11:58:00Z",
    labels: {
      "batch.kubernetes.io/controller-uid": "uid-job-pi",
      "batch.kubernetes.io/job-name": "pi",
      "controller-uid": "uid-job-pi",
      "job-name": "pi",
    },
  },
  spec: {
    parallelism: 1,
    completions: 1,
    completionMode: "NonIndexed",
    suspend: false,
    backoffLimit: 4,
    selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "uid-job-pi" } },
    template: {
      metadata: {
        labels: {
          "batch.kubernetes.io/controller-uid": "uid-job-pi",
          "batch.kubernetes.io/job-name": "pi",
          "controller-uid": "uid-job-pi",
          "job-name": "pi",
        },
      },
      spec: {
        restartPolicy: "Never",
        containers: [{ name: "pi", image: "perl:5.34.0", command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"] }],
      },
    },
  },
  status: {
    startTime: "2024-01-15T11:58:00Z",
    completionTime: "2024-01-15T11:58:34Z",
    succeeded: 1,
    ready: 0,
    conditions: [{ type: "Complete", status: "True" }],
  },
};

const kubeProxy: DaemonSet = {
  apiVersion: "apps/v1",
  kind: "DaemonSet",
  metadata: {
    name: "kube-proxy",
    namespace: "kube-system",
    uid: "uid-ds",
    labels: { "k8s-app": "kube-proxy" },
    annotations: { "deprecated.daemonset.template.generation": "1" },
  },
  spec: {
    selector: { matchLabels: { "k8s-app": "kube-proxy" } },
    template: {
      metadata: { labels: { "k8s-app": "kube-proxy" } },
      spec: {
        serviceAccountName: "kube-proxy",
        priorityClassName: "system-node-critical",
        nodeSelector: { "kubernetes.io/os": "linux" },
        tolerations: [{ operator: "Exists" }],
        containers: [
          {
            name: "kube-proxy",
            image: "registry.k8s.io/kube-proxy:v1.31.0",
            command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
            env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } }],
            volumeMounts: [
              { name: "kube-proxy", mountPath: "/var/lib/kube-proxy" },
              { name: "xtables-lock", mountPath: "/run/xtables.lock" },
              { name: "lib-modules", mountPath: "/lib/modules", readOnly: true },
            ],
          },
        ],
        volumes: [
          { name: "kube-proxy", configMap: { name: "kube-proxy", defaultMode: 420 } },
          { name: "xtables-lock", hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" } },
          { name: "lib-modules", hostPath: { path: "/lib/modules", type: "" } },
        ],
      },
    },
  },
  status: { desiredNumberScheduled: 2, currentNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0, numberReady: 2 },
};

const proxyPod = (name: string): Pod => ({
  kind: "Pod",
  metadata: { name, ownerReferences: [{ kind: "DaemonSet", name: "kube-proxy", uid: "uid-ds", controller: true }] },
  status: { phase: "Running" },
});

/** kube-system pods with the requests kubeadm's manifests carry. */
function controlPlanePods(): Pod[] {
  const pods = JSON.parse(JSON.stringify([...kubeSystemPods, ...webPods])) as Pod[];
  const set = (i: number, resources: object) => (pods[i]!.spec!.containers![0]!.resources = resources);
  set(0, { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } });
  set(1, { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } });
  set(2, { requests: { cpu: "100m", memory: "100Mi" } });
  set(3, { requests: { cpu: "250m" } });
  set(4, { requests: { cpu: "200m" } });
  set(7, { requests: { cpu: "100m" } });
  return pods;
}

const lease: Lease = {
  apiVersion: "coordination.k8s.io/v1",
  kind: "Lease",
  metadata: { name: "controlplane", namespace: "kube-node-lease" },
  spec: { holderIdentity: "controlplane", leaseDurationSeconds: 40, renewTime: "2024-01-15T11:59:58.123456Z" },
};

const quota: ResourceQuota = {
  kind: "ResourceQuota",
  metadata: { name: "compute", namespace: "dev" },
  status: {
    hard: { "requests.cpu": "1", "requests.memory": "1Gi", pods: "10" },
    used: { "requests.cpu": "500m", "requests.memory": "512Mi", pods: "2" },
  },
};

const limitRange: LimitRange = {
  kind: "LimitRange",
  metadata: { name: "defaults", namespace: "dev" },
  spec: { limits: [{ type: "Container", default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "100m", memory: "128Mi" } }] },
};

export const describeCases: Record<string, () => DescribeCase> = {
  pod: () => [webPods[0]!, { now: NOW, events: podEvents }],
  crashingPod: () => [crashingPod(), { now: NOW, events: crashEvents }],
  pendingPod: () => [
    pendingPod,
    {
      now: NOW,
      events: [
        event({
          name: "big.1",
          type: "Warning",
          reason: "FailedScheduling",
          message:
            "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
          involvedObject: { kind: "Pod", name: "big" },
          source: {},
          reportingComponent: "default-scheduler",
          firstTimestamp: null,
          lastTimestamp: null,
          eventTime: "2024-01-15T11:58:00.000000Z",
        }),
      ],
    },
  ],
  deployment: () => [
    webDeployment,
    {
      now: NOW,
      related: { replicaSets: [webReplicaSet] },
      events: [
        event({
          name: "web.1",
          reason: "ScalingReplicaSet",
          message: "Scaled up replica set web-5d8f7c9b4 to 2",
          involvedObject: { kind: "Deployment", name: "web" },
          source: { component: "deployment-controller" },
          firstTimestamp: "2024-01-15T11:30:00Z",
          lastTimestamp: "2024-01-15T11:30:00Z",
        }),
      ],
    },
  ],
  replicaSet: () => [webReplicaSet, { now: NOW, related: { pods: webPods } }],
  service: () => [
    kubernetesService,
    {
      now: NOW,
      related: {
        endpointSlices: [
          {
            apiVersion: "discovery.k8s.io/v1",
            kind: "EndpointSlice",
            metadata: { name: "kubernetes", namespace: "default" },
            addressType: "IPv4",
            ports: [{ name: "https", port: 6443, protocol: "TCP" }],
            endpoints: [{ addresses: ["172.30.1.2"], conditions: { ready: true } }],
          },
        ],
      },
    },
  ],
  node: () => [nodes[0]!, { now: NOW, related: { pods: controlPlanePods(), lease }, events: [] }],
  namespace: () => [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "default", labels: { "kubernetes.io/metadata.name": "default" } }, status: { phase: "Active" } },
    { now: NOW },
  ],
  namespaceWithQuota: () => [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev", labels: { "kubernetes.io/metadata.name": "dev" } }, status: { phase: "Active" } },
    { now: NOW, related: { resourceQuotas: [quota], limitRanges: [limitRange] } },
  ],
  configMap: () => [
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "app-config", namespace: "default" },
      data: { "app.properties": "color=blue\nmode=dark", LOG_LEVEL: "debug" },
    },
    { now: NOW },
  ],
  secret: () => [
    { apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "default" }, type: "Opaque", data: { password: "czNjcjN0", username: "YWRtaW4=" } },
    { now: NOW },
  ],
  endpoints: () => [
    {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
      subsets: [{ addresses: [{ ip: "172.30.1.2" }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
    },
    { now: NOW },
  ],
  job: () => [
    job,
    {
      now: NOW,
      events: [
        event({
          name: "pi.1",
          reason: "SuccessfulCreate",
          message: "Created pod: pi-8xk2l",
          involvedObject: { kind: "Job", name: "pi" },
          source: { component: "job-controller" },
          firstTimestamp: "2024-01-15T11:58:00Z",
          lastTimestamp: "2024-01-15T11:58:00Z",
        }),
        event({
          name: "pi.2",
          reason: "Completed",
          message: "Job completed",
          involvedObject: { kind: "Job", name: "pi" },
          source: { component: "job-controller" },
          firstTimestamp: "2024-01-15T11:58:34Z",
          lastTimestamp: "2024-01-15T11:58:34Z",
        }),
      ],
    },
  ],
  daemonSet: () => [kubeProxy, { now: NOW, related: { pods: [proxyPod("kube-proxy-7xq9z"), proxyPod("kube-proxy-m8h2w")] } }],
};
