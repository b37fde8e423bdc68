// Environments as the labs build them, for engine tests that need more than the default cluster.
import { dataCentreMachines, type MachineSpec } from "../environment/machines";
import { defaultEnvironment, type EnvironmentSpec } from "../environment/spec";

/** The data centre of the Docker tasks, the learner starting as thor on the jump host. */
export function dataCentre(version: string): EnvironmentSpec {
  return {
    ...defaultEnvironment(),
    id: `data-centre-${version}`,
    nodes: [],
    etcdMembers: [],
    addons: { coredns: false, kubeProxy: false, calico: false },
    objects: [],
    machines: dataCentreMachines(version),
    start: { host: "jump_host", user: "thor" },
  };
}

/** The kubeadm cluster with two more etcd members on machines of their own (quorum labs). */
export function externalEtcd(): EnvironmentSpec {
  const base = defaultEnvironment();
  const members = [2, 3].map((i) => ({ name: `etcd-${i}`, ip: `172.30.1.${i + 1}` }));
  const machines: MachineSpec[] = members.map((m) => ({ name: m.name, ip: m.ip, distro: "ubuntu", users: [{ name: "ubuntu", uid: 1000, sudo: "nopasswd" }], etcd: true }));
  return { ...base, id: "external-etcd", etcdMembers: [...base.etcdMembers, ...members], machines };
}
