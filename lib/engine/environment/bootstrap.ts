// Brings an environment's cluster up the way kubeadm does, through the engine itself: the API
// server's own objects, the control-plane node and its static pods, the add-ons, then the
// workers joining. Everything that happens is real cluster activity (events, revisions, ages).
import type { KubeObject } from "../api/types";
import { phasedFrom, type Cluster, type HeartbeatHandler } from "../cluster";
import { info } from "../controllers/util";
import { kubelets, registerNode, renewLease, startKubelet, startKubeletHeartbeats } from "../kubelet/kubelet";
import { publishAllMirrors } from "../kubelet/static-pods";
import { resolveImage } from "../images";
import { ROOT_CA_COMPONENT } from "../controllers/service-account";
import type { EnvironmentSpec } from "./spec";
import { CALICO_VERSION, ETCD_IMAGE_TAG } from "./spec";
import { calicoObjects, corednsObjects, kubeProxyObjects } from "./addons";
import { etcdManifest, kubeApiserverManifest, kubeControllerManagerManifest, kubeSchedulerManifest, type ControlPlaneParams } from "./static-pods";
import { ApiError } from "../apiserver/errors";
import type { EtcdStore } from "../store";

export const CLUSTER_CA = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIUh0sTy2fk8wwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNjAxMDEwMDAwMDBaFw0zNTEyMzAwMDAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQC7kC3b1p2VqYxX2hS1m8b2qkV0d6wZ8rY1g2QxkN3w6M3o0d3mXl9mKp9q
-----END CERTIFICATE-----
`;

export function controlPlaneParams(env: EnvironmentSpec): ControlPlaneParams {
  const cp = env.nodes[0]!;
  return {
    nodeName: cp.name,
    ip: cp.ip,
    version: env.kubernetesVersion,
    etcdImageTag: ETCD_IMAGE_TAG,
    etcdInitialCluster: env.etcdMembers.map((m) => `${m.name}=https://${m.ip}:2380`).join(","),
  };
}

/** The static pod manifests of the control-plane node, by file name. */
export function staticPodManifests(env: EnvironmentSpec): Record<string, string> {
  const p = controlPlaneParams(env);
  return {
    "etcd.yaml": etcdManifest(p),
    "kube-apiserver.yaml": kubeApiserverManifest(p),
    "kube-controller-manager.yaml": kubeControllerManagerManifest(p),
    "kube-scheduler.yaml": kubeSchedulerManifest(p),
  };
}

function create(cluster: Cluster, obj: KubeObject) {
  try {
    return cluster.api.create(obj, obj.metadata.namespace);
  } catch (error) {
    if (error instanceof ApiError && error.reason === "AlreadyExists") return undefined;
    throw error;
  }
}

/** Leader-election and identity leases of the control-plane components, renewed as heartbeats. */
export const leaderLeaseBeat: HeartbeatHandler = (cluster, component) => {
  const leaseInfo = info("Lease");
  const micro = new Date(cluster.now()).toISOString().replace("Z", "000Z");
  const existing = cluster.api.tryGet(leaseInfo, "kube-system", component);
  try {
    if (existing) {
      cluster.api.update({ ...existing, spec: { ...existing.spec, renewTime: micro } });
      return;
    }
    const identity = component.startsWith("apiserver-");
    cluster.api.create(
      {
        apiVersion: "coordination.k8s.io/v1",
        kind: "Lease",
        metadata: {
          name: component,
          namespace: "kube-system",
          ...(identity ? { labels: { "apiserver.kubernetes.io/identity": "kube-apiserver", "kubernetes.io/hostname": "controlplane" } } : {}),
        },
        spec: {
          holderIdentity: identity ? `${component}_${cluster.random.uuid()}` : `controlplane_${cluster.random.uuid()}`,
          leaseDurationSeconds: identity ? 3600 : 15,
          ...(identity ? {} : { acquireTime: micro, leaseTransitions: 0 }),
          renewTime: micro,
        },
      },
      "kube-system",
    );
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
};

/** kube-apiserver compacts etcd every 5 minutes, up to the revision it saw 5 minutes before. */
export function compactionBeat(store: EtcdStore): HeartbeatHandler {
  return (cluster) => {
    const state = ((cluster.components.compaction as { lastRevision: number } | undefined) ??= { lastRevision: 0 }) as { lastRevision: number };
    if (state.lastRevision > store.compactRevision && store.leader() !== undefined) {
      try {
        store.compact(state.lastRevision);
      } catch {
        // someone compacted further by hand (etcdctl compaction): nothing to do
      }
    }
    state.lastRevision = store.revision;
  };
}

/** Image ids of references (for images a node already has, like kubeadm's pre-pulled ones). */
function imageIds(refs: string[]): string[] {
  return refs.map((r) => resolveImage(r)).filter((r) => r.ok).map((r) => (r.ok ? r.image.id : ""));
}

export function bootstrapCluster(cluster: Cluster, env: EnvironmentSpec, startTime: number) {
  const t0 = cluster.now();
  const [cp, ...workers] = env.nodes;
  if (!cp) throw new Error("an environment needs a control-plane node");
  cluster.components[ROOT_CA_COMPONENT] = CLUSTER_CA;

  // kubeadm init: the kubelet starts the control plane from its static pod manifests (the
  // images were pulled beforehand), then the API server's own objects appear.
  const p = controlPlaneParams(env);
  startKubelet(cluster, cp, {
    heartbeats: false,
    images: imageIds([`registry.k8s.io/etcd:${p.etcdImageTag}`, ...["kube-apiserver", "kube-controller-manager", "kube-scheduler"].map((c) => `registry.k8s.io/${c}:${env.kubernetesVersion}`)]),
  });
  cluster.advanceTo(t0 + 5_000);
  for (const name of ["default", "kube-system", "kube-public", "kube-node-lease"]) {
    create(cluster, { apiVersion: "v1", kind: "Namespace", metadata: { name } });
  }
  registerNode(cluster, cp);
  renewLease(cluster, cp.name);
  const cpState = kubelets(cluster)[cp.name]!;
  publishAllMirrors(cluster, cpState);
  create(cluster, {    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
    spec: { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }], type: "ClusterIP", sessionAffinity: "None" },
  });
  create(cluster, {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
    subsets: [{ addresses: [{ ip: cp.ip }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
  });
  create(cluster, {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes" } },
    addressType: "IPv4",
    endpoints: [{ addresses: [cp.ip], conditions: { ready: true } }],
    ports: [{ name: "https", port: 6443, protocol: "TCP" }],
  });
  create(cluster, {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "kubeadm-config", namespace: "kube-system" },
    data: {
      ClusterConfiguration: `apiServer: {}\napiVersion: kubeadm.k8s.io/v1beta4\ncaCertificateValidityPeriod: 87600h0m0s\ncertificateValidityPeriod: 8760h0m0s\ncertificatesDir: /etc/kubernetes/pki\nclusterName: kubernetes\ncontrollerManager: {}\ndns: {}\nencryptionAlgorithm: RSA-2048\netcd:\n  local:\n    dataDir: /var/lib/etcd\nimageRepository: registry.k8s.io\nkind: ClusterConfiguration\nkubernetesVersion: ${env.kubernetesVersion}\nnetworking:\n  dnsDomain: cluster.local\n  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/12\nproxy: {}\nscheduler: {}\n`,
    },
  });
  create(cluster, {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "cluster-info", namespace: "kube-public" },
    data: { kubeconfig: `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t\n    server: https://${cp.ip}:6443\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n` },
  });

  // Heartbeats start once the cluster is up: a bootstrap that takes a minute renews nothing
  // anyone will see, and skipping those writes keeps sandbox creation fast.
  const apiserverLease = `apiserver-${cluster.random.string("abcdefghijklmnopqrstuvwxyz234567", 26)}`;
  const leaders = [["kube-controller-manager", 2000], ["kube-scheduler", 2000], [apiserverLease, 10_000]] as const;
  for (const [component] of leaders) leaderLeaseBeat(cluster, component);
  cluster.advanceTo(t0 + 20_000);

  // kubeadm's add-ons, then the CNI.
  if (env.addons.kubeProxy) for (const o of kubeProxyObjects(env.kubernetesVersion)) create(cluster, o);
  if (env.addons.coredns) for (const o of corednsObjects()) create(cluster, o);
  cluster.advanceTo(t0 + 40_000);
  if (env.addons.calico) for (const o of calicoObjects(CALICO_VERSION)) create(cluster, o);
  cluster.advanceTo(t0 + 90_000);

  // Workers join one after the other.
  let t = t0 + 90_000;
  for (const worker of workers) {
    startKubelet(cluster, worker, { heartbeats: false });
    t += env.joinIntervalMs ?? 30_000;
    cluster.advanceTo(t);
  }
  for (const obj of env.objects) create(cluster, obj);
  cluster.advanceTo(t + 30_000);

  // Beats are phased from the sandbox's start: a cluster built at another start runs the same
  // timeline shifted (which is what lets a sandbox be derived from a template, see template.ts).
  for (const node of env.nodes) {
    renewLease(cluster, node.name);
    startKubeletHeartbeats(cluster, node, startTime);
  }
  for (const [component, period] of leaders) {
    cluster.startHeartbeat(phasedFrom(startTime, { id: `lease/${component}`, handler: "leader-lease", arg: component, periodMs: period, phaseMs: 0 }));
  }
  cluster.startHeartbeat(phasedFrom(startTime, { id: "apiserver-compaction", handler: "apiserver-compaction", arg: "", periodMs: 300_000, phaseMs: 0 }));
  // The node monitor reads the leases: in idle slots it runs after every kubelet has renewed.
  cluster.startHeartbeat(phasedFrom(startTime, { id: "node-monitor", handler: "node-monitor", arg: "", periodMs: 5000, phaseMs: 1000, gridPhaseMs: 30_000 }));
  cluster.advanceTo(Math.max(startTime, cluster.now()));
}

/**
 * A cluster that has run for a while has had its etcd history compacted by the API server;
 * a freshly built one catches up so that it starts as lean as a real one.
 */
export function settleHistory(cluster: Cluster, store: EtcdStore) {
  if (store.leader() === undefined || store.revision <= store.compactRevision) return;
  store.compact(store.revision);
  cluster.components.compaction = { lastRevision: store.revision };
}
