// The add-ons a kubeadm v1.31 cluster with Calico has in kube-system: CoreDNS, kube-proxy,
// calico-node and calico-kube-controllers, with their ServiceAccounts and ConfigMaps.
import type { KubeObject } from "../api/types";

const CRITICAL_TOLERATION = { key: "CriticalAddonsOnly", operator: "Exists" };

export function corednsObjects(): KubeObject[] {
  const labels = { "k8s-app": "kube-dns" };
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "coredns", namespace: "kube-system" } },
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "coredns", namespace: "kube-system" },
      data: {
        Corefile: `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`,
      },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "coredns", namespace: "kube-system", labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
        template: {
          metadata: { labels },
          spec: {
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [
                  { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: "k8s-app", operator: "In", values: ["kube-dns"] }] }, topologyKey: "kubernetes.io/hostname" } },
                ],
              },
            },
            containers: [
              {
                args: ["-conf", "/etc/coredns/Corefile"],
                image: "registry.k8s.io/coredns/coredns:v1.11.3",
                imagePullPolicy: "IfNotPresent",
                livenessProbe: { failureThreshold: 5, httpGet: { path: "/health", port: 8080, scheme: "HTTP" }, initialDelaySeconds: 60, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 5 },
                name: "coredns",
                ports: [
                  { containerPort: 53, name: "dns", protocol: "UDP" },
                  { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
                  { containerPort: 9153, name: "metrics", protocol: "TCP" },
                ],
                readinessProbe: { failureThreshold: 3, httpGet: { path: "/ready", port: 8181, scheme: "HTTP" }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
                resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
                securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] }, readOnlyRootFilesystem: true },
                volumeMounts: [{ mountPath: "/etc/coredns", name: "config-volume", readOnly: true }],
              },
            ],
            dnsPolicy: "Default",
            nodeSelector: { "kubernetes.io/os": "linux" },
            priorityClassName: "system-cluster-critical",
            serviceAccountName: "coredns",
            tolerations: [CRITICAL_TOLERATION, { effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }],
            volumes: [{ configMap: { defaultMode: 420, items: [{ key: "Corefile", path: "Corefile" }], name: "coredns" }, name: "config-volume" }],
          },
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: {
        name: "kube-dns",
        namespace: "kube-system",
        labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
        annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
      },
      spec: {
        clusterIP: "10.96.0.10",
        ports: [
          { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
          { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
          { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
        ],
        selector: labels,
      },
    },
  ];
}

export function kubeProxyObjects(version: string): KubeObject[] {
  const labels = { "k8s-app": "kube-proxy" };
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "kube-proxy", namespace: "kube-system" } },
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "kube-proxy", namespace: "kube-system", labels: { app: "kube-proxy" } },
      data: {
        "config.conf": `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
clientConnection:
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
clusterCIDR: 10.244.0.0/16
kind: KubeProxyConfiguration
mode: ""
`,
        "kubeconfig.conf": `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://controlplane:6443
  name: default
`,
      },
    },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "kube-proxy", namespace: "kube-system", labels },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
                env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } }],
                image: `registry.k8s.io/kube-proxy:${version}`,
                imagePullPolicy: "IfNotPresent",
                name: "kube-proxy",
                securityContext: { privileged: true },
              },
            ],
            hostNetwork: true,
            nodeSelector: { "kubernetes.io/os": "linux" },
            priorityClassName: "system-node-critical",
            serviceAccountName: "kube-proxy",
            tolerations: [{ operator: "Exists" }],
          },
        },
        updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: "RollingUpdate" },
      },
    },
  ];
}

export function calicoObjects(version: string): KubeObject[] {
  const nodeLabels = { "k8s-app": "calico-node" };
  const ctrlLabels = { "k8s-app": "calico-kube-controllers" };
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "calico-node", namespace: "kube-system" } },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "calico-cni-plugin", namespace: "kube-system" } },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "calico-kube-controllers", namespace: "kube-system" } },
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "calico-config", namespace: "kube-system" },
      data: { calico_backend: "bird", cni_network_config: "", typha_service_name: "none", veth_mtu: "0" },
    },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "calico-node", namespace: "kube-system", labels: nodeLabels },
      spec: {
        selector: { matchLabels: nodeLabels },
        template: {
          metadata: { labels: nodeLabels },
          spec: {
            containers: [
              {
                env: [
                  { name: "DATASTORE_TYPE", value: "kubernetes" },
                  { name: "CLUSTER_TYPE", value: "k8s,bgp" },
                  { name: "IP", value: "autodetect" },
                  { name: "CALICO_IPV4POOL_IPIP", value: "Always" },
                  { name: "CALICO_IPV4POOL_CIDR", value: "10.244.0.0/16" },
                ],
                image: `docker.io/calico/node:${version}`,
                imagePullPolicy: "IfNotPresent",
                livenessProbe: { exec: { command: ["/bin/calico-node", "-felix-live", "-bird-live"] }, failureThreshold: 6, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 10 },
                name: "calico-node",
                readinessProbe: { exec: { command: ["/bin/calico-node", "-felix-ready", "-bird-ready"] }, periodSeconds: 10, timeoutSeconds: 10 },
                resources: { requests: { cpu: "250m" } },
                securityContext: { privileged: true },
              },
            ],
            hostNetwork: true,
            initContainers: [
              { command: ["/opt/cni/bin/calico-ipam", "-upgrade"], image: `docker.io/calico/cni:${version}`, imagePullPolicy: "IfNotPresent", name: "upgrade-ipam", securityContext: { privileged: true } },
              { command: ["/opt/cni/bin/install"], image: `docker.io/calico/cni:${version}`, imagePullPolicy: "IfNotPresent", name: "install-cni", securityContext: { privileged: true } },
            ],
            nodeSelector: { "kubernetes.io/os": "linux" },
            priorityClassName: "system-node-critical",
            serviceAccountName: "calico-node",
            terminationGracePeriodSeconds: 0,
            tolerations: [{ effect: "NoSchedule", operator: "Exists" }, CRITICAL_TOLERATION, { effect: "NoExecute", operator: "Exists" }],
          },
        },
        updateStrategy: { rollingUpdate: { maxUnavailable: 1 }, type: "RollingUpdate" },
      },
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "calico-kube-controllers", namespace: "kube-system", labels: ctrlLabels },
      spec: {
        replicas: 1,
        selector: { matchLabels: ctrlLabels },
        strategy: { type: "Recreate" },
        template: {
          metadata: { labels: ctrlLabels, name: "calico-kube-controllers", namespace: "kube-system" },
          spec: {
            containers: [
              {
                env: [
                  { name: "ENABLED_CONTROLLERS", value: "node,loadbalancer" },
                  { name: "DATASTORE_TYPE", value: "kubernetes" },
                ],
                image: `docker.io/calico/kube-controllers:${version}`,
                imagePullPolicy: "IfNotPresent",
                livenessProbe: { exec: { command: ["/usr/bin/check-status", "-l"] }, failureThreshold: 6, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 10 },
                name: "calico-kube-controllers",
                readinessProbe: { exec: { command: ["/usr/bin/check-status", "-r"] }, periodSeconds: 10 },
              },
            ],
            nodeSelector: { "kubernetes.io/os": "linux" },
            priorityClassName: "system-cluster-critical",
            serviceAccountName: "calico-kube-controllers",
            tolerations: [CRITICAL_TOLERATION, { effect: "NoSchedule", key: "node-role.kubernetes.io/master" }, { effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }],
          },
        },
      },
    },
  ];
}
