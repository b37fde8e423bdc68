// Shared by the etcdctl tests: the certificate flags the course teaches, and a normaliser for the
// parts of zap log lines that are deliberately opaque (timestamps, Go pointers, client ports).
import { Sandbox } from "../../sandbox";
import { defaultEnvironment } from "../../environment/spec";

export const CERTS = "--cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key";
export const EXPORT_CERTS =
  "export ETCDCTL_CACERT=/etc/kubernetes/pki/etcd/ca.crt ETCDCTL_CERT=/etc/kubernetes/pki/etcd/server.crt ETCDCTL_KEY=/etc/kubernetes/pki/etcd/server.key";

/** Masks "ts", the client's heap address and the ephemeral port in log lines. */
export function norm(text: string): string {
  return text
    .replace(/"ts":"[^"]+"/g, '"ts":"TS"')
    .replace(/0xc[0-9a-f]{9}/g, "0xcPTR")
    .replace(/read tcp ([\d.]+):\d+->/g, "read tcp $1:PORT->")
    .replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\t/gm, "TS\t");
}

export function threeMemberSandbox(seed: number): Sandbox {
  return Sandbox.create({
    seed,
    environment: {
      ...defaultEnvironment(),
      etcdMembers: [
        { name: "controlplane", ip: "172.30.1.2" },
        { name: "etcd-2", ip: "172.30.1.3" },
        { name: "etcd-3", ip: "172.30.1.4" },
      ],
    },
  });
}

/** The member's ids as etcdctl prints them (%x and %d). */
export function ids(sb: Sandbox, member = "controlplane") {
  const st = sb.store.status(member);
  return {
    memberHex: st.header.memberId,
    member: BigInt(`0x${st.header.memberId}`).toString(),
    cluster: BigInt(`0x${st.header.clusterId}`).toString(),
  };
}
