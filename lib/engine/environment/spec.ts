// Environments are data: the cluster shape (nodes, etcd members, add-ons), objects to create,
// and faults to inject. Labs pick or extend one; the default is a kubeadm cluster with a
// control-plane node and two workers.
import type { KubeObject } from "../api/types";
import type { NodeSpec } from "../kubelet/kubelet";
import type { MachineSpec } from "./machines";

export const KUBERNETES_VERSION = "v1.31.4";
export const ETCD_IMAGE_TAG = "3.5.15-0";
export const ETCD_VERSION = "3.5.15";
export const CALICO_VERSION = "v3.29.1";

export interface EnvironmentSpec {
  id: string;
  kubernetesVersion: string;
  /**
   * The first control-plane node hosts the API server and the other static pods. Empty: no
   * Kubernetes at all (a data centre of plain machines).
   */
  nodes: NodeSpec[];
  /** etcd members: one stacked on the control plane, or 3 or 5 for quorum labs. */
  etcdMembers: { name: string; ip: string }[];
  addons: { coredns: boolean; kubeProxy: boolean; calico: boolean };
  /** Objects to create once the cluster is up (namespaces first). */
  objects: KubeObject[];
  /** How long before the sandbox starts the cluster was created (ages look real). */
  ageMs: number;
  /** Machines besides the Kubernetes nodes: a jump host, app servers, external etcd members. */
  machines?: MachineSpec[];
  /** Time between node joins during bootstrap; 30 s unless a benchmark needs many nodes fast. */
  joinIntervalMs?: number;
  /** Where the terminal opens; default root on the first node. */
  start?: { host: string; user: string };
}

const UBUNTU = {
  osImage: "Ubuntu 22.04.5 LTS",
  kernelVersion: "5.15.0-131-generic",
  containerRuntimeVersion: "containerd://1.7.24",
  kubeletVersion: KUBERNETES_VERSION,
};

export function defaultEnvironment(): EnvironmentSpec {
  return {
    id: "default",
    kubernetesVersion: KUBERNETES_VERSION,
    nodes: [
      { name: "controlplane", ip: "172.30.1.2", role: "control-plane", podCidrIndex: 0, cpu: "4", memory: "8148228Ki", taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }], ...UBUNTU },
      { name: "node01", ip: "172.30.2.2", role: "worker", podCidrIndex: 1, cpu: "4", memory: "8148228Ki", ...UBUNTU },
      { name: "node02", ip: "172.30.2.3", role: "worker", podCidrIndex: 2, cpu: "4", memory: "8148228Ki", ...UBUNTU },
    ],
    etcdMembers: [{ name: "controlplane", ip: "172.30.1.2" }],
    addons: { coredns: true, kubeProxy: true, calico: true },
    objects: [],
    ageMs: 15 * 60_000,
  };
}
