// The ServiceAccount controller and the root CA publisher: every namespace gets a `default`
// ServiceAccount and a `kube-root-ca.crt` ConfigMap.
import { ApiError } from "../apiserver/errors";
import type { Reconciler } from "../cluster";
import { info } from "./util";

/** The cluster CA a kubeadm cluster publishes; the environment sets the real text. */
export const ROOT_CA_COMPONENT = "root-ca";

export const serviceAccountController: Reconciler = {
  name: "serviceaccount",
  actor: "kube-controller-manager",
  delayMs: 5,
  watch: {
    Namespace: (e) => (e.type === "ADDED" ? [e.object.metadata.name] : []),
    ServiceAccount: (e) => (e.type === "DELETED" && e.object.metadata.name === "default" ? [e.object.metadata.namespace!] : []),
    ConfigMap: (e) => (e.type === "DELETED" && e.object.metadata.name === "kube-root-ca.crt" ? [e.object.metadata.namespace!] : []),
  },
  reconcile(cluster, namespace) {
    const ns = cluster.api.tryGet(info("Namespace"), undefined, namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    ensure(() => {
      if (!cluster.api.tryGet(info("ServiceAccount"), namespace, "default")) {
        cluster.api.create({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace } }, namespace);
      }
    });
    ensure(() => {
      if (!cluster.api.tryGet(info("ConfigMap"), namespace, "kube-root-ca.crt")) {
        const ca = (cluster.components[ROOT_CA_COMPONENT] as string | undefined) ?? "";
        cluster.api.create(
          {
            apiVersion: "v1",
            kind: "ConfigMap",
            metadata: { name: "kube-root-ca.crt", namespace, annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } },
            data: { "ca.crt": ca },
          },
          namespace,
        );
      }
    });
  },
};

function ensure(fn: () => void) {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  }
}
