import { describe, expect, it } from "vitest";
import type { KubeObject, StoredObject } from "../../api/types";
import { Sandbox } from "../../sandbox";
import { kind, nginxDeployment, pods } from "../../test/fixtures";
import { caliName } from "../../network";
import { installDocker } from "../../docker/state";
import { dockerCommand } from "../../docker";
import { makeHost } from "../../docker/testkit";
import type { HostState } from "../../hosts/types";
import type { Command } from "../../shell/types";
import type { World } from "../../world";
import { NET_COMMANDS, runInPod, type PodExecResult } from "./index";

const NS = "name-space";

function service(name: string, type: "ClusterIP" | "NodePort", nodePort?: number, selector: Record<string, string> = { app: "nginx" }): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: NS },
    spec: { type, selector, ports: [{ port: 80, targetPort: 80, protocol: "TCP", ...(nodePort ? { nodePort } : {}) }] },
  };
}

/** The Russian note's Deployment (5 × nginxdemos/hello:0.2) with a ClusterIP and a NodePort Service. */
function noteCluster(seed = 7): Sandbox {
  const sb = Sandbox.create({ seed });
  const api = sb.cluster.api;
  api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
  api.create(nginxDeployment(), NS);
  api.create(service("nginx-service", "ClusterIP"), NS);
  api.create(service("nginx-nodeport", "NodePort", 30000), NS);
  sb.advanceBy(60_000);
  return sb;
}

const clusterIp = (sb: Sandbox, name: string) => sb.cluster.api.get(kind("Service"), NS, name).spec.clusterIP as string;

/** The ready endpoints of a Service in the order kube-proxy's round robin walks them. */
function endpointPods(sb: Sandbox, name: string): { ip: string; pod: string }[] {
  const slice = sb.cluster.api.list(kind("EndpointSlice"), NS).find((s) => s.metadata.labels?.["kubernetes.io/service-name"] === name)!;
  return (slice.endpoints as { addresses: string[]; targetRef: { name: string } }[]).map((e) => ({ ip: e.addresses[0]!, pod: e.targetRef.name }));
}

const nameLine = (pod: string) => `<p><span>Server&nbsp;name:</span> <span>${pod}</span></p>\n`;

function ran(r: PodExecResult) {
  if (r.kind !== "ran") throw new Error(`expected the program to run, got ${r.kind}`);
  return r.result;
}

describe("Services from the nodes (the Russian note's Deployment)", () => {
  const sb = noteCluster();
  const ip = clusterIp(sb, "nginx-service");
  const eps = endpointPods(sb, "nginx-service");

  it("has five ready endpoints on the workers", () => {
    expect(eps).toHaveLength(5);
    expect(new Set(eps.map((e) => e.pod)).size).toBe(5);
    expect(eps.every((e) => e.ip.startsWith("10.244.1.") || e.ip.startsWith("10.244.2."))).toBe(true);
  });

  it("round-robins a ClusterIP over every pod in turn", () => {
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = sb.exec(`curl -s ${ip} | grep 'Server&nbsp;name'`);
      expect(r.exitCode).toBe(0);
      seen.push(r.output);
    }
    expect(seen).toEqual(eps.map((e) => nameLine(e.pod)));
    // The sixth request starts the round again.
    expect(sb.exec(`curl -s ${ip} | grep 'Server&nbsp;name'`).output).toBe(nameLine(eps[0]!.pod));
  });

  it("serves the hello page with the pod's own address and name", () => {
    const r = sb.exec(`curl -s http://${ip}/ | grep -E 'Server&nbsp;(address|name)'`);
    const e = eps[1]!;
    expect(r.output).toBe(`<p><span>Server&nbsp;address:</span> <span>${e.ip}:80</span></p>\n${nameLine(e.pod)}`);
  });

  it("answers on the NodePort of every node, the control plane included", () => {
    for (const node of ["172.30.1.2", "172.30.2.2", "172.30.2.3"]) {
      const r = sb.exec(`curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\\n' http://${node}:30000`);
      expect(r).toMatchObject({ output: `200 ${node}:30000\n`, exitCode: 0 });
    }
    const r = sb.exec("curl http://172.30.2.3:30000");
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain("<title>Hello World</title>");
  });

  it("prints the headers with -I and the exchange with -v", () => {
    const now = sb.now();
    const date = new Date(now).toUTCString();
    const expires = new Date(now - 1000).toUTCString();
    const head = sb.exec(`curl -I ${ip}`);
    expect(head.exitCode).toBe(0);
    expect(head.output).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.\d+\.\d+\r\nDate: .* GMT\r\nContent-Type: text\/html\r\nContent-Length: \d+\r\nConnection: keep-alive\r\nExpires: .* GMT\r\nCache-Control: no-cache\r\n\r\n$/);
    expect(head.output).toContain(`Date: ${date}`);
    expect(head.output).toContain(`Expires: ${expires}`);
    const v = sb.exec(`curl -sv ${ip} -o /dev/null`);
    const lines = v.output.split("\n");
    expect(lines.slice(0, 7)).toEqual([`*   Trying ${ip}:80...`, `* Connected to ${ip} (${ip}) port 80 (#0)`, "> GET / HTTP/1.1\r", `> Host: ${ip}\r`, "> User-Agent: curl/7.81.0\r", "> Accept: */*\r", "> \r"]);
    expect(lines[7]).toBe("* Mark bundle as not supporting multiuse");
    expect(lines[8]).toBe("< HTTP/1.1 200 OK\r");
    expect(lines.slice(-3)).toEqual([expect.stringMatching(/^\{ \[\d+ bytes data\]$/), `* Connection #0 to host ${ip} left intact`, ""]);
  });

  it("shows the progress meter when the body goes to a file", () => {
    const r = sb.exec(`curl -o page.html ${ip}`);
    const size = sb.exec("wc -c < page.html").output.trim();
    expect(r.output).toMatch(
      new RegExp(
        `^  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\\n                                 Dload  Upload   Total   Spent    Left  Speed\\n100  ${size}  100  ${size}    0     0  [ \\d]{4}k      0 --:--:-- --:--:-- --:--:-- [ \\d]{4}k\\n$`,
      ),
    );
    expect(sb.exec("head -1 page.html").output).toBe("<!DOCTYPE html>\n");
  });

  it("cannot resolve Service names from a node: nodes use systemd-resolved, not CoreDNS", () => {
    expect(sb.exec("curl http://nginx-service.name-space.svc.cluster.local")).toMatchObject({ output: "curl: (6) Could not resolve host: nginx-service.name-space.svc.cluster.local\n", exitCode: 6 });
    expect(sb.exec("nslookup nginx-service.name-space.svc.cluster.local")).toMatchObject({
      output: "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find nginx-service.name-space.svc.cluster.local: NXDOMAIN\n\n",
      exitCode: 1,
    });
    expect(sb.exec("nslookup node01")).toMatchObject({ output: "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\nName:\tnode01\nAddress: 172.30.2.2\n\n", exitCode: 0 });
  });

  it("asks CoreDNS directly when told to, through the kube-dns ClusterIP", () => {
    expect(sb.exec("nslookup nginx-service.name-space.svc.cluster.local 10.96.0.10")).toMatchObject({
      output: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tnginx-service.name-space.svc.cluster.local\nAddress: ${ip}\n\n`,
      exitCode: 0,
    });
    expect(sb.exec("dig +short @10.96.0.10 nginx-service.name-space.svc.cluster.local")).toMatchObject({ output: `${ip}\n`, exitCode: 0 });
    const dig = sb.exec("dig @10.96.0.10 nginx-service.name-space.svc.cluster.local").output;
    expect(dig).toContain(";; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n");
    // BIND's tab stops: a name longer than a column pushes the next field one space on.
    expect(dig).toContain(`;; QUESTION SECTION:\n;nginx-service.name-space.svc.cluster.local. IN A\n\n;; ANSWER SECTION:\nnginx-service.name-space.svc.cluster.local. 30 IN A ${ip}\n`);
    expect(sb.exec("dig @10.96.0.10 kubernetes.default.svc.cluster.local +noall +answer").output).toBe("kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n");
    expect(dig).toContain(";; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n");
    expect(sb.exec("dig +short -x 10.96.0.1 @10.96.0.10").output).toBe("kubernetes.default.svc.cluster.local.\n");
  });

  it("refuses a Service without ready endpoints (kube-proxy's REJECT rule)", () => {
    sb.cluster.api.create(service("nobody", "ClusterIP", undefined, { app: "nobody" }), NS);
    sb.advanceBy(1000);
    const empty = clusterIp(sb, "nobody");
    expect(sb.exec(`curl ${empty}`)).toMatchObject({ output: `curl: (7) Failed to connect to ${empty} port 80 after 0 ms: Connection refused\n`, exitCode: 7 });
    expect(sb.exec(`curl -s ${empty}`)).toMatchObject({ output: "", exitCode: 7 });
    expect(sb.exec(`curl -sS -w '%{http_code}\\n' ${empty}`).output).toBe(`curl: (7) Failed to connect to ${empty} port 80 after 0 ms: Connection refused\n000\n`);
  });

  it("refuses a pod port nothing listens on, and times out on an address nobody has", () => {
    const pod = eps[0]!.ip;
    expect(sb.exec(`curl ${pod}:8080`)).toMatchObject({ output: `curl: (7) Failed to connect to ${pod} port 8080 after 0 ms: Connection refused\n`, exitCode: 7 });
    const before = sb.now();
    expect(sb.exec("curl --connect-timeout 3 10.244.1.250")).toMatchObject({ output: "curl: (28) Connection timed out after 3001 milliseconds\n", exitCode: 28 });
    expect(sb.now() - before).toBeGreaterThanOrEqual(3001);
    const t0 = sb.now();
    const r = sb.exec(`curl ${ip}:8080`);
    const took = Number(/after (\d+) ms/.exec(r.output)?.[1]);
    expect(r).toMatchObject({ output: `curl: (28) Failed to connect to ${ip} port 8080 after ${took} ms: Connection timed out\n`, exitCode: 28 });
    expect(took).toBeGreaterThan(125_000);
    expect(sb.now() - t0).toBeGreaterThanOrEqual(took);
  });

  it("talks TLS to the API server like curl does", () => {
    expect(sb.exec("curl https://172.30.1.2:6443/version")).toMatchObject({
      output:
        "curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n",
      exitCode: 60,
    });
    expect(sb.exec("curl -k https://10.96.0.1/healthz")).toMatchObject({ output: "ok", exitCode: 0 });
    expect(sb.exec("curl -s --cacert /etc/kubernetes/pki/ca.crt https://controlplane:6443/version | grep gitVersion").output).toBe('  "gitVersion": "v1.31.4",\n');
    expect(sb.exec("curl -k https://172.30.1.2:6443/api").output).toContain('"message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/api\\"",');
    expect(sb.exec("curl http://172.30.1.2:6443/")).toMatchObject({ output: "Client sent an HTTP request to an HTTPS server.\n", exitCode: 0 });
    expect(sb.exec(`curl https://${ip}:80`)).toMatchObject({ output: "curl: (35) error:0A00010B:SSL routines::wrong version number\n", exitCode: 35 });
    expect(sb.exec("curl -s localhost:10248/healthz")).toMatchObject({ output: "ok", exitCode: 0 });
  });

  it("downloads with wget", () => {
    const r = sb.exec(`wget ${ip}`);
    expect(r.exitCode).toBe(0);
    const stamp = /^--(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)--/.exec(r.output)![1];
    expect(r.output).toMatch(
      new RegExp(
        `^--${stamp}--  http://${ip.replace(/\./g, "\\.")}/\\nConnecting to ${ip.replace(/\./g, "\\.")}:80\\.\\.\\. connected\\.\\nHTTP request sent, awaiting response\\.\\.\\. 200 OK\\nLength: \\d+ \\(\\d\\.\\dK\\) \\[text/html\\]\\nSaving to: ‘index\\.html’\\n\\nindex\\.html          100%\\[===================>\\]   \\d\\.\\d\\dK  --\\.-KB/s    in 0s      \\n\\n${stamp} \\([\\d.]+ [KM]B/s\\) - ‘index\\.html’ saved \\[(\\d+)/\\1\\]\\n\\n$`,
      ),
    );
    const retry = sb.exec(`wget -t 2 -T 5 ${ip}:81`);
    const [, first, second] = /^--(\S+ \S+)--[^]*\n--(\S+ \S+)--/.exec(retry.output) ?? [];
    expect(retry).toMatchObject({
      output: `--${first}--  http://${ip}:81/\nConnecting to ${ip}:81... failed: Connection timed out.\nRetrying.\n\n--${second}--  (try: 2)  http://${ip}:81/\nConnecting to ${ip}:81... failed: Connection timed out.\nGiving up.\n\n`,
      exitCode: 4,
    });
    expect(Date.parse(`${second!.replace(" ", "T")}Z`) - Date.parse(`${first!.replace(" ", "T")}Z`)).toBe(6000);
    expect(sb.exec("ls index.html*").output).toBe("index.html\n");
    expect(sb.exec(`wget -qO- ${ip} | head -1`).output).toBe("<!DOCTYPE html>\n");
    const nx = sb.exec("wget nginx-service.name-space.svc.cluster.local");
    expect(nx.exitCode).toBe(4);
    expect(nx.output).toMatch(/^--\S+ \S+--  http:\/\/nginx-service\.name-space\.svc\.cluster\.local\/\nResolving nginx-service\.name-space\.svc\.cluster\.local \(nginx-service\.name-space\.svc\.cluster\.local\)\.\.\. failed: Name or service not known\.\nwget: unable to resolve host address ‘nginx-service\.name-space\.svc\.cluster\.local’\n$/);
  });
});

describe("ping and routes on the nodes", () => {
  const sb = noteCluster();

  it("pings between nodes with iputils' output", () => {
    const before = sb.now();
    const r = sb.exec("ping -c 3 node01");
    expect(r.exitCode).toBe(0);
    const m = r.output.split("\n");
    expect(m[0]).toBe("PING node01 (172.30.2.2) 56(84) bytes of data.");
    for (let i = 1; i <= 3; i++) expect(m[i]).toMatch(new RegExp(`^64 bytes from node01 \\(172\\.30\\.2\\.2\\): icmp_seq=${i} ttl=64 time=0\\.\\d{3} ms$`));
    expect(m.slice(4, 7)).toEqual(["", "--- node01 ping statistics ---", "3 packets transmitted, 3 received, 0% packet loss, time 2003ms"]);
    expect(m[7]).toMatch(/^rtt min\/avg\/max\/mdev = 0\.\d{3}\/0\.\d{3}\/0\.\d{3}\/0\.\d{3} ms$/);
    expect(sb.now() - before).toBeGreaterThanOrEqual(2000);
    // Deterministic: the same sandbox and commands give the same times.
    const again = noteCluster();
    expect(again.exec("ping -c 3 node01").output).toBe(r.output);
  });

  it("reaches pods with one hop less TTL, and never a ClusterIP", () => {
    const pod = pods(sb, NS).find((p) => p.spec.nodeName === "node02")!;
    expect(sb.exec(`ping -c 1 ${pod.status.podIP}`).output).toMatch(new RegExp(`^PING ${pod.status.podIP} \\(${pod.status.podIP}\\) 56\\(84\\) bytes of data\\.\\n64 bytes from ${pod.status.podIP}: icmp_seq=1 ttl=63 time=0\\.\\d{3} ms\\n`));
    const ip = clusterIp(sb, "nginx-service");
    expect(sb.exec(`ping -c 2 ${ip}`)).toMatchObject({ output: `PING ${ip} (${ip}) 56(84) bytes of data.\n\n--- ${ip} ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 1041ms\n\n`, exitCode: 1 });
    expect(sb.exec("ping -c 1 nope")).toMatchObject({ output: "ping: nope: Name or service not known\n", exitCode: 2 });
  });

  it("shows Calico's routes on node01", () => {
    const local = pods(sb)
      .filter((p) => p.spec.nodeName === "node01" && !p.spec.hostNetwork && p.status.podIP)
      .sort((a, b) => Number(a.status.podIP.split(".")[3]) - Number(b.status.podIP.split(".")[3]));
    expect(local.length).toBeGreaterThan(0);
    const perPod = local.map((p: StoredObject) => `${p.status.podIP} dev ${caliName({ namespace: p.metadata.namespace!, name: p.metadata.name })} scope link \n`).join("");
    const expected =
      "default via 172.30.2.1 dev eth0 proto static \n" +
      "10.244.0.0/24 via 172.30.1.2 dev tunl0 proto bird onlink \n" +
      "blackhole 10.244.1.0/24 proto bird \n" +
      perPod +
      "10.244.2.0/24 via 172.30.2.3 dev tunl0 proto bird onlink \n" +
      "172.30.2.0/24 dev eth0 proto kernel scope link src 172.30.2.2 \n";
    expect(sb.exec("ssh node01 ip route")).toMatchObject({ output: expected, exitCode: 0 });
    expect(sb.exec("ssh node01 ip r").output).toBe(expected);
    expect(sb.exec(`ssh node01 ip route get ${local[0]!.status.podIP}`).output).toBe(`${local[0]!.status.podIP} dev ${caliName({ namespace: local[0]!.metadata.namespace!, name: local[0]!.metadata.name })} src 172.30.2.2 uid 0 \n    cache \n`);
    expect(sb.exec("ip route get 10.244.2.9").output).toBe("10.244.2.9 via 172.30.2.3 dev tunl0 src 10.244.0.1 uid 0 \n    cache \n");
  });

  it("lists the node's interfaces", () => {
    const out = sb.exec("ip -4 a").output;
    expect(out).toBe(
      "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n" +
        "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n    inet 172.30.1.2/24 brd 172.30.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n" +
        "3: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN group default qlen 1000\n    inet 10.244.0.1/32 scope global tunl0\n       valid_lft forever preferred_lft forever\n",
    );
    expect(sb.exec("ip a").output).toMatch(/\n\d+: cali[0-9a-f]{11}@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1480 qdisc noqueue state UP group default qlen 1000\n    link\/ether ee:ee:ee:ee:ee:ee brd ff:ff:ff:ff:ff:ff link-netns cni-[0-9a-f-]{36}\n    inet6 fe80::ecee:eeff:feee:eeee\/64 scope link \n/);
    expect(sb.exec("ip foo")).toMatchObject({ output: 'Object "foo" is unknown, try "ip help".\n', exitCode: 255 });
  });
});

describe("inside a pod (runInPod, for kubectl exec)", () => {
  const sb = noteCluster();
  const w = sb.world();
  const ip = clusterIp(sb, "nginx-service");
  const pod = pods(sb, NS)[0]!;
  const at = { namespace: NS, name: pod.metadata.name };

  it("resolves Service names through CoreDNS with the pod's search list", () => {
    expect(ran(runInPod(w, at, undefined, ["nslookup", "nginx-service.name-space.svc.cluster.local"]))).toMatchObject({
      stdout: `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnginx-service.name-space.svc.cluster.local\nAddress: ${ip}\n\n\n`,
      exitCode: 0,
    });
    // BusyBox tries every search domain for A and AAAA and reports each miss.
    expect(ran(runInPod(w, at, undefined, ["nslookup", "nginx-service"]))).toMatchObject({
      stdout:
        `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnginx-service.name-space.svc.cluster.local\nAddress: ${ip}\n\n` +
        "** server can't find nginx-service.svc.cluster.local: NXDOMAIN\n\n** server can't find nginx-service.cluster.local: NXDOMAIN\n\n\n" +
        "** server can't find nginx-service.svc.cluster.local: NXDOMAIN\n\n** server can't find nginx-service.cluster.local: NXDOMAIN\n\n",
      exitCode: 1,
    });
    expect(ran(runInPod(w, at, undefined, ["cat", "/etc/resolv.conf"])).stdout).toBe("search name-space.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
  });

  it("reaches Services by short name, with the progress meter when stdout is not a terminal", () => {
    const r = ran(runInPod(w, at, undefined, ["sh", "-c", "wget -qO- nginx-service | grep -c 'Server&nbsp;name'"]));
    expect(r).toMatchObject({ stdout: "1\n", exitCode: 0 });
    const c = ran(runInPod(w, at, undefined, ["curl", "nginx-service"]));
    expect(c.stderr).toMatch(/^  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n {33}Dload  Upload   Total   Spent    Left  Speed\n100 /);
    expect(ran(runInPod(w, at, undefined, ["curl", "nginx-service"], { tty: true })).stderr).toBe("");
    expect(ran(runInPod(w, at, undefined, ["hostname"])).stdout).toBe(`${pod.metadata.name}\n`);
    expect(ran(runInPod(w, at, undefined, ["printenv", "NGINX_SERVICE_SERVICE_HOST"])).stdout).toBe(`${ip}\n`);
  });

  it("reports missing programs instead of running them", () => {
    expect(runInPod(w, at, undefined, ["bash"])).toEqual({ kind: "not-found", executable: "bash" });
    expect(runInPod(w, { namespace: NS, name: "nope" }, undefined, ["sh"])).toEqual({ kind: "no-pod" });
  });

  it("loses DNS when CoreDNS is scaled to zero", () => {
    sb.cluster.api.modify(kind("Deployment"), "kube-system", "coredns", (d) => {
      d.spec.replicas = 0;
    });
    sb.advanceBy(60_000);
    expect(pods(sb, "kube-system", { "k8s-app": "kube-dns" })).toHaveLength(0);
    const before = sb.now();
    expect(ran(runInPod(w, at, undefined, ["nslookup", "nginx-service"]))).toMatchObject({ stdout: ";; connection timed out; no servers could be reached\n\n", exitCode: 1 });
    expect(sb.now() - before).toBe(5000);
    expect(ran(runInPod(w, at, undefined, ["wget", "-qO-", "nginx-service"]))).toMatchObject({ stderr: "wget: bad address 'nginx-service'\n", exitCode: 1 });
    // Addresses still work: only names are gone.
    expect(ran(runInPod(w, at, undefined, ["wget", "-qO-", ip])).exitCode).toBe(0);
  });
});

describe("a node without kube-proxy", () => {
  const sb = noteCluster();
  const ip = clusterIp(sb, "nginx-service");

  it("has no Service rules: ClusterIPs time out there and work elsewhere", () => {
    // The DaemonSet would recreate a deleted pod; keeping it off node01 stops kube-proxy there.
    sb.cluster.api.modify(kind("DaemonSet"), "kube-system", "kube-proxy", (ds) => {
      ds.spec.template.spec.affinity = {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "NotIn", values: ["node01"] }] }] } },
      };
    });
    sb.advanceBy(120_000);
    expect(pods(sb, "kube-system", { "k8s-app": "kube-proxy" }).map((p) => p.spec.nodeName).sort()).toEqual(["controlplane", "node02"]);
    expect(sb.exec(`curl -s -o /dev/null -w '%{http_code}\\n' ${ip}`).output).toBe("200\n");
    sb.exec("ssh node01");
    const before = sb.now();
    const r = sb.exec(`curl ${ip}`);
    const took = Number(/after (\d+) ms/.exec(r.output)?.[1]);
    expect(r).toMatchObject({ output: `curl: (28) Failed to connect to ${ip} port 80 after ${took} ms: Connection timed out\n`, exitCode: 28 });
    expect(sb.now() - before).toBeGreaterThanOrEqual(took);
    // Nor NodePorts: nothing listens on the port there.
    expect(sb.exec("curl 172.30.2.2:30000")).toMatchObject({ output: "curl: (7) Failed to connect to 172.30.2.2 port 30000 after 0 ms: Connection refused\n", exitCode: 7 });
    expect(sb.exec("curl -s -o /dev/null -w '%{http_code}\\n' 172.30.2.3:30000").output).toBe("200\n");
    // Pod addresses do not need kube-proxy.
    const pod = endpointPods(sb, "nginx-service")[0]!;
    expect(sb.exec(`curl -s -o /dev/null -w '%{http_code}\\n' ${pod.ip}`).output).toBe("200\n");
    sb.exec("exit");
  });
});

describe("app servers with Docker (CentOS Stream 8)", () => {
  const sb = Sandbox.create({ seed: 5 });
  const world = sb.world();
  const hosts = [makeHost("stapp01", "172.16.238.10"), makeHost("stapp02", "172.16.238.11")];
  for (const h of hosts) {
    h.fs["/etc/hosts"] = { type: "file", content: "127.0.0.1   localhost\n172.16.238.10   stapp01\n172.16.238.11   stapp02\n", mode: 0o644, owner: "root", group: "root", mtime: 0 };
    h.fs["/etc/os-release"] = { type: "file", content: 'NAME="CentOS Stream"\nVERSION="8"\nVERSION_ID="8"\n', mode: 0o644, owner: "root", group: "root", mtime: 0 };
    sb.hosts[h.name] = h;
  }
  installDocker(hosts[0]!, { now: sb.now(), random: sb.cluster.random, version: "20.10.7" });
  const run = (host: HostState, line: string) => {
    const [name, ...args] = line.split(" ");
    const command = name === "docker" ? (dockerCommand as unknown as Command<World>) : NET_COMMANDS[name!]!;
    return command({ name: name!, args, stdin: "", env: {}, cwd: "/root", user: "root", host, world, stdoutIsTty: true });
  };

  it("reaches a published port from the other server, with CentOS's older curl wording", () => {
    expect(run(hosts[0]!, "docker run -d --name web -p 8080:80 httpd").exitCode).toBe(0);
    sb.advanceBy(2000);
    expect(run(hosts[1]!, "curl http://stapp01:8080")).toMatchObject({ stdout: "<html><body><h1>It works!</h1></body></html>\n", exitCode: 0 });
    expect(run(hosts[0]!, "curl -s localhost:8080").stdout).toBe("<html><body><h1>It works!</h1></body></html>\n");
    expect(run(hosts[1]!, "curl stapp01:8081")).toMatchObject({ stderr: "curl: (7) Failed to connect to stapp01 port 8081: Connection refused\n", exitCode: 7 });
    expect(run(hosts[1]!, "ping -c 1 stapp01").stdout).toMatch(/^PING stapp01 \(172\.16\.238\.10\) 56\(84\) bytes of data\.\n64 bytes from stapp01 \(172\.16\.238\.10\): icmp_seq=1 ttl=64 time=0\.\d{3} ms\n/);
  });
});
