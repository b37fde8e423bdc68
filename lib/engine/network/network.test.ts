import { describe, expect, it } from "vitest";
import type { KubeObject } from "../api/types";
import { Sandbox } from "../sandbox";
import { installDocker } from "../docker/state";
import { kind, nginxDeployment, pods } from "../test/fixtures";
import { connect, coreDnsAnswer, httpRequest, ping, podResolvConf, findPod, queryDns, resolve } from "./index";

const NS = "name-space";

function svc(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: NS }, spec: { selector: { app: "nginx" }, ports: [{ port: 80, targetPort: 80 }], ...spec } };
}

function cluster(seed = 11): Sandbox {
  const sb = Sandbox.create({ seed });
  const api = sb.cluster.api;
  api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
  api.create(nginxDeployment(), NS);
  api.create(svc("web", {}), NS);
  api.create(svc("web-headless", { clusterIP: "None" }), NS);
  api.create(svc("web-local", { internalTrafficPolicy: "Local" }), NS);
  api.create(svc("web-sticky", { sessionAffinity: "ClientIP" }), NS);
  api.create(svc("web-np", { type: "NodePort", ports: [{ port: 80, targetPort: 80, nodePort: 30080 }] }), NS);
  api.create({ apiVersion: "v1", kind: "Service", metadata: { name: "external", namespace: NS }, spec: { type: "ExternalName", externalName: "example.com" } }, NS);
  sb.advanceBy(60_000);
  return sb;
}

describe("the network model", () => {
  const sb = cluster();
  const w = sb.world();
  const ip = (name: string) => sb.cluster.api.get(kind("Service"), NS, name).spec.clusterIP as string;
  const podIps = () => pods(sb, NS).map((p) => p.status.podIP as string).sort();
  const someone = () => {
    const p = pods(sb, NS)[0]!;
    return { pod: { namespace: NS, name: p.metadata.name } };
  };

  it("connects through a ClusterIP to a pod, with the port mapping", () => {
    const c = connect(w, { host: "controlplane" }, ip("web"), 80);
    expect(c.ok && c.server.kind).toBe("pod");
    expect(c.ok && podIps()).toContain(c.ok ? c.server.ip : "");
    expect(c.ok && c.hop?.service.metadata.name).toBe("web");
    // Masqueraded: the pod sees the node's tunnel address (another node) or its address.
    expect(c.ok && ["10.244.0.1", "172.30.1.2"]).toContain(c.ok ? c.clientIp : "");
    expect(connect(w, { host: "controlplane" }, ip("web"), 81)).toEqual({ ok: false, why: "timeout" });
  });

  it("gives a pod's own address to the server when the client is a pod", () => {
    const from = someone();
    const me = findPod(w, NS, from.pod.name)!;
    const r = httpRequest(w, from, `http://${ip("web")}/`);
    expect(r.ok && r.clientIp).toBe(me.ip);
    expect(r.ok && r.response.status).toBe(200);
  });

  it("keeps a client on one pod with ClientIP affinity", () => {
    const names = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const r = httpRequest(w, { host: "node01" }, `http://${ip("web-sticky")}/`);
      if (r.ok) names.add(r.server.hostname);
    }
    expect(names.size).toBe(1);
  });

  it("drops traffic with internalTrafficPolicy Local where no endpoint is local", () => {
    expect(connect(w, { host: "controlplane" }, ip("web-local"), 80)).toMatchObject({ ok: false, why: "timeout" });
    const c = connect(w, { host: "node01" }, ip("web-local"), 80);
    expect(c.ok && c.server.node).toBe("node01");
  });

  it("answers DNS like CoreDNS: Services, headless endpoints, pod records, ExternalName", () => {
    const from = someone();
    expect(resolve(w, from, "web")).toMatchObject({ ok: true, addresses: [ip("web")], name: `web.${NS}.svc.cluster.local` });
    expect(resolve(w, from, `web.${NS}`)).toMatchObject({ ok: true, addresses: [ip("web")] });
    expect(resolve(w, from, "kubernetes.default")).toMatchObject({ ok: true, addresses: ["10.96.0.1"], name: "kubernetes.default.svc.cluster.local" });
    expect(resolve(w, from, "web-headless")).toMatchObject({ ok: true, addresses: podIps() });
    const one = podIps()[0]!;
    expect(resolve(w, from, `${one.replace(/\./g, "-")}.${NS}.pod.cluster.local`)).toMatchObject({ ok: true, addresses: [one] });
    expect(resolve(w, from, "nothing-here")).toMatchObject({ ok: false, why: "nxdomain" });
    expect(coreDnsAnswer(w, `external.${NS}.svc.cluster.local`, "A").answers).toEqual([{ name: `external.${NS}.svc.cluster.local`, type: "CNAME", ttl: 30, data: "example.com" }]);
    expect(coreDnsAnswer(w, "1.0.96.10.in-addr.arpa", "PTR").answers[0]?.data).toBe("kubernetes.default.svc.cluster.local");
    expect(coreDnsAnswer(w, `web.${NS}.svc.cluster.local`, "AAAA")).toMatchObject({ rcode: "NOERROR", answers: [], authoritative: true });
    expect(coreDnsAnswer(w, "google.com", "A")).toMatchObject({ rcode: "NXDOMAIN", authoritative: false });
  });

  it("resolves node names from /etc/hosts on the nodes but not cluster names", () => {
    expect(resolve(w, { host: "controlplane" }, "node02")).toMatchObject({ ok: true, addresses: ["172.30.2.3"], source: "hosts" });
    expect(resolve(w, { host: "controlplane" }, `web.${NS}.svc.cluster.local`)).toEqual({ ok: false, why: "nxdomain", elapsedMs: 0 });
    expect(queryDns(w, { host: "controlplane" }, "10.96.0.10", `web.${NS}.svc.cluster.local`)).toMatchObject({ ok: true, answer: { rcode: "NOERROR", answers: [{ data: ip("web") }] } });
  });

  it("resolves cluster names on a node whose resolv.conf points at CoreDNS", () => {
    const host = sb.hosts.node02!;
    const f = host.fs["/etc/resolv.conf"];
    if (f?.type !== "file") throw new Error("no resolv.conf");
    const saved = f.content;
    f.content = "nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n";
    expect(resolve(w, { host: "node02" }, `web.${NS}`)).toMatchObject({ ok: true, addresses: [ip("web")] });
    f.content = saved;
  });

  it("pings nodes and pods, not ClusterIPs", () => {
    expect(ping(w, { host: "controlplane" }, "172.30.2.2")).toEqual({ ok: true, ttl: 64, remote: true });
    const p = pods(sb, NS).find((x) => x.spec.nodeName === "node01")!;
    expect(ping(w, { host: "node01" }, p.status.podIP)).toEqual({ ok: true, ttl: 64, remote: false });
    expect(ping(w, { host: "node02" }, p.status.podIP)).toEqual({ ok: true, ttl: 63, remote: true });
    expect(ping(w, someone(), p.status.podIP).ok).toBe(true);
    expect(ping(w, { host: "controlplane" }, ip("web"))).toEqual({ ok: false, why: "timeout" });
    expect(ping(w, { host: "controlplane" }, "172.30.1.77")).toEqual({ ok: false, why: "host-unreachable", from: "172.30.1.2" });
  });

  it("writes the pod's resolv.conf from its DNS policy", () => {
    const p = findPod(w, NS, pods(sb, NS)[0]!.metadata.name)!;
    expect(podResolvConf(w, p)).toBe(`search ${NS}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`);
    const dns = pods(sb, "kube-system", { "k8s-app": "kube-dns" })[0]!;
    expect(podResolvConf(w, findPod(w, "kube-system", dns.metadata.name)!)).toBe("nameserver 8.8.8.8\n");
  });

  it("logs requests in the serving container's access log", () => {
    const r = httpRequest(w, { host: "node02" }, `http://${ip("web")}/hello`, { userAgent: "curl/7.81.0" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const kubelets = sb.cluster.components.kubelets as Record<string, { pods: Record<string, { containers?: Record<string, { extraLogs?: { text: string }[] }> }> }>;
    const rt = kubelets[r.server.node!]!.pods[r.server.pod!.pod.metadata.uid]!;
    const logs = rt.containers?.nginx?.extraLogs ?? [];
    expect(logs[logs.length - 1]?.text).toMatch(new RegExp(`^${r.clientIp.replace(/\./g, "\\.")} - - \\[01/Jan/2026:\\d\\d:\\d\\d:\\d\\d \\+0000\\] "GET /hello HTTP/1\\.1" 200 \\d+ "-" "curl/7\\.81\\.0" "-"$`));
  });

  it("keeps serving while the API server is down", () => {
    const target = `http://${ip("web")}/`;
    const api = sb.cluster.api as unknown as { available: () => boolean };
    const original = api.available;
    api.available = () => false;
    try {
      const r = httpRequest(w, { host: "controlplane" }, target);
      expect(r.ok).toBe(true);
    } finally {
      api.available = original;
    }
  });
});

describe("a machine with Docker", () => {
  it("reaches its published ports and bridge containers, not its own macvlan containers", () => {
    const sb = Sandbox.create({ seed: 3 });
    const host = sb.hosts.controlplane!;
    installDocker(host, { now: sb.now(), random: sb.cluster.random });
    host.fs["/usr/bin/docker"] = { type: "file", content: "", mode: 0o755, owner: "root", group: "root", mtime: sb.now() };
    expect(sb.exec("docker run -d --name web -p 8080:80 nginx").exitCode).toBe(0);
    sb.advanceBy(2000);
    expect(sb.exec("curl -s localhost:8080 | grep title").output).toBe("<title>Welcome to nginx!</title>\n");
    const bridgeIp = sb.exec("docker inspect -f '{{.NetworkSettings.IPAddress}}' web").output.trim();
    expect(sb.exec(`curl -s -o /dev/null -w '%{http_code}\\n' ${bridgeIp}`).output).toBe("200\n");
    expect(sb.exec("docker network create -d macvlan --subnet=172.28.0.0/24 -o parent=eth0 lan").exitCode).toBe(0);
    expect(sb.exec("docker run -d --name mac --network lan --ip 172.28.0.10 nginx").exitCode).toBe(0);
    sb.advanceBy(2000);
    expect(sb.exec("curl -s -m 2 -o /dev/null -w '%{http_code}\\n' 172.28.0.10")).toMatchObject({ output: "000\n", exitCode: 28 });
    expect(sb.exec("ping -c 1 -q 172.28.0.10").exitCode).toBe(1);
    expect(sb.exec(`ping -c 1 -q ${bridgeIp}`).exitCode).toBe(0);
  });
});
