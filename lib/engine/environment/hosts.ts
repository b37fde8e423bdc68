// The machines of a kubeadm cluster as a learner finds them: Ubuntu nodes with the kubelet and
// containerd as systemd units, kubeadm's files under /etc/kubernetes and /var/lib/kubelet, the
// CNI plugins in /opt/cni/bin, and an admin kubeconfig for root on the control plane.
import type { FsNode, HostState, UnitState, UserAccount } from "../hosts/types";
import { baseFilesystem } from "../hosts/fs";
import type { NodeSpec } from "../kubelet/kubelet";
import type { EnvironmentSpec } from "./spec";
import { staticPodManifests } from "./bootstrap";
import { machineHosts } from "./machines";
import type { Random } from "../random";

const CNI_PLUGINS = ["bandwidth", "bridge", "calico", "calico-ipam", "dhcp", "dummy", "firewall", "flannel", "host-device", "host-local", "install", "ipvlan", "loopback", "macvlan", "portmap", "ptp", "sbr", "static", "tap", "tuning", "vlan", "vrf"];

const B64 = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJVWgwc1R5MmZrOHd3RFFZSktvWklodmNOQVFFTEJRQXdGVEVUTUJFR0ExVUUKQXhNS2EzVmlaWEp1WlhSbGN6QWVGdzB5TmpBeE1ERXdNREF3TURCYUZ3MHpOVEV5TXpBd01EQXdNREJhTUJVeApFekFSQmdOVkJBTVRDbXQxWW1WeWJtVjBaWE13Z2dFaU1BMEdDU3FHU0liM0RRRUJBUVVBQTRJQkR3QXdnZ0VLCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K";

export function adminKubeconfig(server: string, user = "kubernetes-admin"): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${B64}
    server: https://${server}:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: ${user}
  name: ${user}@kubernetes
current-context: ${user}@kubernetes
kind: Config
preferences: {}
users:
- name: ${user}
  user:
    client-certificate-data: ${B64}
    client-key-data: ${B64}
`;
}

const KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
evictionPressureTransitionPeriod: 0s
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
resolvConf: /run/systemd/resolve/resolv.conf
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;

const KUBELET_SERVICE = `[Unit]
Description=kubelet: The Kubernetes Node Agent
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target
`;

const KUBEADM_DROPIN = `# Note: This dropin only works with kubeadm and kubelet v1.11+
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# This is a file that "kubeadm init" and "kubeadm join" generates at runtime, populating the KUBELET_KUBEADM_ARGS variable dynamically
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# This is a file that the user can use for overrides of the kubelet args as a last resort. Preferably, the user should use
# the .NodeRegistration.KubeletExtraArgs object in the configuration files instead. KUBELET_EXTRA_ARGS should be sourced from this file.
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

const CONTAINERD_SERVICE = `[Unit]
Description=containerd container runtime
Documentation=https://containerd.io
After=network.target local-fs.target

[Service]
ExecStartPre=-/sbin/modprobe overlay
ExecStart=/usr/bin/containerd

Type=notify
Delegate=yes
KillMode=process
Restart=always
RestartSec=5
LimitNPROC=infinity
LimitCORE=infinity
TasksMax=infinity
OOMScoreAdjust=-999

[Install]
WantedBy=multi-user.target
`;

const CALICO_CONFLIST = `{
  "name": "k8s-pod-network",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "calico",
      "log_level": "info",
      "log_file_path": "/var/log/calico/cni/cni.log",
      "datastore_type": "kubernetes",
      "nodename": "__NODENAME__",
      "mtu": 0,
      "ipam": {
          "type": "calico-ipam"
      },
      "policy": {
          "type": "k8s"
      },
      "kubernetes": {
          "kubeconfig": "/etc/cni/net.d/calico-kubeconfig"
      }
    },
    {
      "type": "portmap",
      "snat": true,
      "capabilities": {"portMappings": true}
    },
    {
      "type": "bandwidth",
      "capabilities": {"bandwidth": true}
    }
  ]
}
`;

function unit(name: string, description: string, fragmentPath: string, since: number, pid: number, execStart: string, memoryBytes: number, dropIns: string[] = []): UnitState {
  return { name, description, active: "active", sub: "running", enabled: "enabled", fragmentPath, dropIns, since, mainPid: pid, execStart, memoryBytes, tasks: 14, journal: [] };
}

export function nodeHost(env: EnvironmentSpec, spec: NodeSpec, now: number): HostState {
  const controlPlane = env.nodes[0]!;
  const users: Record<string, UserAccount> = {
    root: { name: "root", uid: 0, gid: 0, home: "/root", shell: "/bin/bash", groups: [], sudo: "nopasswd" },
    ubuntu: { name: "ubuntu", uid: 1000, gid: 1000, home: "/home/ubuntu", shell: "/bin/bash", groups: ["adm", "sudo"], sudo: "nopasswd" },
  };
  const hostsEntries = env.nodes.filter((n) => n.name !== spec.name).map((n) => ({ ip: n.ip, names: [n.name] }));
  const binaries = ["kubectl", "kubeadm", "kubelet", "crictl", "ctr", "containerd", "runc", "systemctl", "journalctl", "curl", "wget", "nslookup", "dig", "ip", "ping", "ss", "netstat", "iptables", "ssh"];
  if (spec.name === controlPlane.name) binaries.push("etcdctl", "etcdutl");
  const fs = baseFilesystem({ hostname: spec.name, ip: spec.ip, distro: "ubuntu", users, now, hostsEntries, binaries });
  const dir = (path: string, mode = 0o755) => {
    fs[path] = { type: "dir", mode, owner: "root", group: "root", mtime: now };
  };
  const file = (path: string, content: string, mode = 0o644) => {
    fs[path] = { type: "file", content, mode, owner: "root", group: "root", mtime: now } as FsNode;
  };

  for (const d of ["/etc/kubernetes", "/etc/kubernetes/manifests", "/etc/kubernetes/pki", "/var/lib/kubelet", "/var/lib/kubelet/pki", "/var/log/pods", "/var/log/containers", "/opt/cni", "/opt/cni/bin", "/etc/cni", "/etc/cni/net.d", "/etc/containerd", "/etc/systemd/system/kubelet.service.d", "/usr/lib/systemd/system", "/var/lib/containerd"]) dir(d);
  dir("/etc/cni/net.d");
  file("/etc/kubernetes/kubelet.conf", adminKubeconfig(controlPlane.ip, `system:node:${spec.name}`).replace(/client-certificate-data: .*\n {4}client-key-data: .*\n/, "client-certificate: /var/lib/kubelet/pki/kubelet-client-current.pem\n    client-key: /var/lib/kubelet/pki/kubelet-client-current.pem\n"), 0o600);
  file("/var/lib/kubelet/config.yaml", KUBELET_CONFIG);
  file("/var/lib/kubelet/kubeadm-flags.env", `KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --node-ip=${spec.ip} --pod-infra-container-image=registry.k8s.io/pause:3.10"\n`);
  file("/usr/lib/systemd/system/kubelet.service", KUBELET_SERVICE);
  file("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", KUBEADM_DROPIN);
  file("/usr/lib/systemd/system/containerd.service", CONTAINERD_SERVICE);
  file("/etc/containerd/config.toml", 'version = 2\n\n[plugins]\n  [plugins."io.containerd.grpc.v1.cri"]\n    sandbox_image = "registry.k8s.io/pause:3.10"\n    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]\n      SystemdCgroup = true\n');
  file("/etc/crictl.yaml", "runtime-endpoint: unix:///run/containerd/containerd.sock\nimage-endpoint: unix:///run/containerd/containerd.sock\ntimeout: 10\n");
  for (const plugin of CNI_PLUGINS) file(`/opt/cni/bin/${plugin}`, "", 0o755);
  // Enabled units, as `systemctl enable` left them.
  dir("/etc/systemd/system/multi-user.target.wants");
  for (const u of ["kubelet", "containerd"]) {
    fs[`/etc/systemd/system/multi-user.target.wants/${u}.service`] = { type: "symlink", target: `/lib/systemd/system/${u}.service`, owner: "root", group: "root", mtime: now };
  }
  file("/etc/cni/net.d/10-calico.conflist", CALICO_CONFLIST.replace("__NODENAME__", spec.name));
  file("/etc/cni/net.d/calico-kubeconfig", `# Kubeconfig file for Calico CNI plugin. Installed by calico/node.\napiVersion: v1\nkind: Config\nclusters:\n- name: local\n  cluster:\n    server: https://10.96.0.1:443\n    certificate-authority-data: "${B64}"\nusers:\n- name: calico\n  user:\n    token: eyJhbGciOiJSUzI1NiJ9.calico\ncontexts:\n- name: calico-context\n  context:\n    cluster: local\n    user: calico\ncurrent-context: calico-context\n`, 0o600);

  if (spec.name === controlPlane.name) {
    for (const [name, manifest] of Object.entries(staticPodManifests(env))) file(`/etc/kubernetes/manifests/${name}`, manifest, 0o600);
    for (const conf of ["admin.conf", "super-admin.conf", "controller-manager.conf", "scheduler.conf"]) file(`/etc/kubernetes/${conf}`, adminKubeconfig(controlPlane.ip, conf === "admin.conf" ? "kubernetes-admin" : conf === "super-admin.conf" ? "kubernetes-super-admin" : `system:${conf.replace(".conf", "")}`), 0o600);
    dir("/etc/kubernetes/pki/etcd");
    for (const f of ["apiserver.crt", "apiserver.key", "apiserver-etcd-client.crt", "apiserver-etcd-client.key", "apiserver-kubelet-client.crt", "apiserver-kubelet-client.key", "ca.crt", "ca.key", "front-proxy-ca.crt", "front-proxy-ca.key", "front-proxy-client.crt", "front-proxy-client.key", "sa.key", "sa.pub"]) {
      file(`/etc/kubernetes/pki/${f}`, "", f.endsWith(".key") ? 0o600 : 0o644);
    }
    for (const f of ["ca.crt", "ca.key", "healthcheck-client.crt", "healthcheck-client.key", "peer.crt", "peer.key", "server.crt", "server.key"]) file(`/etc/kubernetes/pki/etcd/${f}`, "", f.endsWith(".key") ? 0o600 : 0o644);
    dir("/root/.kube");
    file("/root/.kube/config", adminKubeconfig(controlPlane.ip), 0o600);
    // etcd's data directory, as a running member leaves it (restoring into it must fail: not empty).
    for (const d of ["/var/lib/etcd", "/var/lib/etcd/member", "/var/lib/etcd/member/snap", "/var/lib/etcd/member/wal"]) dir(d, 0o700);
    file("/var/lib/etcd/member/snap/db", "", 0o600);
    file("/var/lib/etcd/member/wal/0000000000000000-0000000000000000.wal", "", 0o600);
  } else {
    file("/etc/kubernetes/pki/ca.crt", "");
  }

  const booted = now;
  return {
    name: spec.name,
    ip: spec.ip,
    distro: "ubuntu",
    fs,
    users,
    units: {
      containerd: unit("containerd", "containerd container runtime", "/usr/lib/systemd/system/containerd.service", booted, 612, "/usr/bin/containerd", 57_200_000),
      kubelet: unit(
        "kubelet",
        "kubelet: The Kubernetes Node Agent",
        "/usr/lib/systemd/system/kubelet.service",
        booted,
        1078,
        `/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --node-ip=${spec.ip} --pod-infra-container-image=registry.k8s.io/pause:3.10`,
        58_900_000,
        ["/etc/systemd/system/kubelet.service.d/10-kubeadm.conf"],
      ),
    },
    nextPid: 5000,
  };
}

/** The machines of an environment, keyed by hostname. `random` is drawn from only for extra machines (Docker ids). */
export function environmentHosts(env: EnvironmentSpec, now: number, random?: Random): Record<string, HostState> {
  const nodes = Object.fromEntries(env.nodes.map((n) => [n.name, nodeHost(env, n, now)]));
  if (!env.machines?.length) return nodes;
  if (!random) throw new Error("machines need a random source");
  return { ...nodes, ...machineHosts(env.machines, now, random) };
}
