// Every environment a lab can ask for survives snapshot and restore mid-session: the restored
// sandbox is the same byte for byte, and answers what comes next exactly as the original does,
// down to the terminal session (hosts, users, sudo's memory, a pending password prompt).
import { describe, expect, it } from "vitest";
import { Sandbox } from "./sandbox";
import type { EnvironmentSpec } from "./environment/spec";
import { defaultEnvironment } from "./environment/spec";
import { CURRENT_ENGINE, LEGACY_ENGINE } from "./docker/versions";
import { dataCentre, externalEtcd } from "./test/environments";

interface Case {
  name: string;
  environment: EnvironmentSpec;
  before: string[];
  after: string[];
  /** What must hold in the restored sandbox right after restore. */
  check(restored: Sandbox): void;
}

const ETCDCTL = "etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key";
const NEWS = "docker network create -d macvlan --subnet=172.28.0.0/24 --ip-range=172.28.0.0/25 news";

const CASES: Case[] = [
  {
    name: "the default kubeadm cluster",
    environment: defaultEnvironment(),
    before: ["kubectl create namespace name-space", "kubectl create deployment web --image=nginxdemos/hello:0.2 --replicas=3 -n name-space", "kubectl expose deployment web --port 80 -n name-space", "sleep 4", "export GREETING=hello", "cd /etc/kubernetes"],
    after: [
      "echo $GREETING; pwd",
      "sleep 30",
      "kubectl get pods -n name-space -o wide",
      "kubectl get endpoints web -n name-space",
      "curl -s $(kubectl get svc web -n name-space -o jsonpath='{.spec.clusterIP}') | grep -o 'web-[a-z0-9]*-[a-z0-9]*'",
      `${ETCDCTL} get /registry/deployments --prefix --keys-only`,
      "kubectl delete pod -n name-space --all --wait=false",
      "sleep 20",
      "kubectl get pods -n name-space",
      "ssh node01 crictl ps --name hello -q | wc -l",
      "systemctl status kubelet --no-pager | head -3",
      "history | tail -3",
    ],
    check(restored) {
      expect(restored.prompt()).toBe("root@controlplane:/etc/kubernetes# ");
    },
  },
  {
    name: `the data centre on Docker ${LEGACY_ENGINE}, waiting for sudo's password`,
    environment: dataCentre(LEGACY_ENGINE),
    before: ["ssh tony@stapp01", "Ir0nM@n", "sudo docker network create app", "Ir0nM@n", "sudo docker run -d --name web --network app nginx", "sudo -k", "sudo su -"],
    after: [
      "Ir0nM@n",
      NEWS,
      "docker network ls",
      "docker network inspect news app",
      "docker run -d --name client --network app busybox sleep 3600",
      "docker exec client wget -qO- http://web | head -4",
      "docker ps --format '{{.Names}} {{.Status}}'",
      "exit",
      "sudo -k; sudo docker ps -q | wc -l",
      "Ir0nM@n",
      "exit",
      "hostname; whoami",
    ],
    check(restored) {
      expect(restored.prompt()).toBe("[sudo] password for tony: ");
    },
  },
  {
    name: `the data centre on Docker ${CURRENT_ENGINE}, as root on an app server`,
    environment: dataCentre(CURRENT_ENGINE),
    before: ["ssh steve@stapp02", "Am3ric@", "sudo su -", "Am3ric@", NEWS, "docker run -d --name m1 --network news busybox sleep 600"],
    after: ["docker network inspect news", "docker inspect -f '{{.NetworkSettings.Networks.news.IPAddress}}' m1", "sleep 700", "docker ps -a --format '{{.Names}} {{.Status}}'", "docker network rm news", "docker network prune -f", "ssh banner@stapp03", "BigGr33n", "hostname"],
    check(restored) {
      expect(restored.prompt()).toBe("[root@stapp02 ~]# ");
    },
  },
  {
    name: "a cluster with external etcd members",
    environment: externalEtcd(),
    before: [`${ETCDCTL} put /course/lesson etcd`, "ssh etcd-2", "hostname"],
    after: ["exit", `${ETCDCTL} get /course/lesson`, `${ETCDCTL} member list -w table`, `${ETCDCTL} endpoint status --cluster -w table`, "kubectl get nodes"],
    check(restored) {
      expect(restored.prompt()).toBe("root@etcd-2:~# ");
    },
  },
];

describe("snapshot and restore of each environment", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const original = Sandbox.create({ seed: 31, environment: c.environment });
      for (const line of c.before) original.exec(line);
      const snapshot = original.snapshot();
      const restored = Sandbox.restore(JSON.parse(JSON.stringify(snapshot)));
      expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(snapshot));
      c.check(restored);
      for (const line of c.after) {
        const a = original.exec(line);
        const b = restored.exec(line);
        expect(b, line).toEqual(a);
        // The continuation does real work: every step succeeds (or asks for a password).
        if (a.waitingFor === undefined) expect(a.exitCode, `${line}: ${a.output}`).toBe(0);
      }
      expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(original.snapshot()));
    });
  }

  it("restores a sandbox whose terminal was never used", () => {
    const original = Sandbox.create({ seed: 32, environment: dataCentre(LEGACY_ENGINE) });
    const restored = Sandbox.restore(original.snapshot());
    expect(restored.snapshot()).toEqual(original.snapshot());
    expect(restored.exec("whoami")).toEqual(original.exec("whoami"));
  });

  it("keeps Docker's state across restore: the network's id and time, running containers, addresses", () => {
    const original = Sandbox.create({ seed: 33, environment: dataCentre(LEGACY_ENGINE) });
    for (const line of ["ssh tony@stapp01", "Ir0nM@n", "sudo su -", "Ir0nM@n", NEWS, "docker run -d --name m1 --network news busybox sleep 3600"]) original.exec(line);
    const inspect = original.exec("docker network inspect news").output;
    const restored = Sandbox.restore(original.snapshot());
    expect(restored.exec("docker network inspect news").output).toBe(inspect);
    expect(restored.exec("docker ps --format '{{.Names}} {{.Status}}'").output).toMatch(/^m1 Up /);
    expect(restored.exec("docker inspect -f '{{.NetworkSettings.Networks.news.IPAddress}}' m1").output).toBe("172.28.0.2\n");
    expect(restored.exec("whoami; hostname").output).toBe("root\nstapp01\n");
  });
});
