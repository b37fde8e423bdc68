// The Russian study note's walk-through, typed into a sandbox terminal one line at a time, the
// way a learner types it: the namespace, the Deployment and both Services through
// here-documents, half a minute of waiting, the pods, curl to the ClusterIP from the control
// plane, the kube-system pods and the kubelet's unit.
import { describe, expect, it } from "vitest";
import { DEFAULT_START, Sandbox } from "./sandbox";
import { defaultEnvironment } from "./environment/spec";
import { stripAnsi, table, typeLines } from "./test/terminal";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  namespace: name-space
spec:
  selector:
    matchLabels:
      app: nginx
  replicas: 5
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginxdemos/hello:0.2
        ports:
        - containerPort: 80
        livenessProbe:
          httpGet:
            path: /
            port: 80
        readinessProbe:
          httpGet:
            path: /
            port: 80
        resources:
          limits:
            cpu: "0.5"
            memory: 128Mi
          requests:
            cpu: "0.5"
            memory: 128Mi`;

const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: nginx-service-cluster-ip
  namespace: name-space
spec:
  selector:
    app: nginx
  ports:

  - port: 80
    targetPort: 80

---
apiVersion: v1
kind: Service
metadata:
  name: nginx-service-nodeport
  namespace: name-space
spec:
  type: NodePort
  selector:
    app: nginx
  ports:

  - port: 80
    targetPort: 80
    nodePort: 30000`;

const PROMPT = "root@controlplane:~# ";

describe("the Russian note's walk-through, typed in a sandbox terminal", () => {
  const sb = Sandbox.create({ seed: 2025 });
  const podsByName = new Map<string, { ip: string; node: string }>();

  it("opens as root on the control plane and creates the namespace", () => {
    expect(sb.prompt()).toBe(PROMPT);
    expect(sb.exec("kubectl create namespace name-space")).toMatchObject({ output: "namespace/name-space created\n", exitCode: 0, prompt: PROMPT });
  });

  it("answers the note's typo the way kubectl does", () => {
    expect(sb.exec("kubectl applay -f test.yml -n name-space")).toMatchObject({ output: 'error: unknown command "applay" for "kubectl"\n\nDid you mean this?\n\tapply\n', exitCode: 1 });
  });

  it("applies the Deployment through cat <<EOF | kubectl apply -f -", () => {
    const r = typeLines(sb, ["cat <<EOF | kubectl apply -f -", ...DEPLOYMENT.split("\n"), "EOF"]);
    expect(r).toMatchObject({ output: "deployment.apps/nginx-deployment created\n", exitCode: 0, prompt: PROMPT });
    expect(r.waitingFor).toBeUndefined();
  });

  it("applies both Services, one multi-document here-document", () => {
    const r = typeLines(sb, ["kubectl apply -f - <<'EOF'", ...SERVICES.split("\n"), "EOF"]);
    expect(r).toMatchObject({ output: "service/nginx-service-cluster-ip created\nservice/nginx-service-nodeport created\n", exitCode: 0, prompt: PROMPT });
  });

  it("lets 30 seconds of virtual time pass with sleep 30", () => {
    const before = sb.now();
    expect(sb.exec("sleep 30")).toMatchObject({ output: "", exitCode: 0, prompt: PROMPT });
    expect(sb.now() - before).toBe(30_000);
  });

  it("shows five Running pods on the workers with kubectl get pods -n name-space -o wide", () => {
    const r = sb.exec("kubectl get pods -n name-space -o wide");
    expect(r.exitCode).toBe(0);
    const rows = table(r.output, ["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]);
    expect(rows).toHaveLength(5);
    const cidrs: Record<string, string> = {};
    for (const node of ["node01", "node02"]) cidrs[node] = sb.exec(`kubectl get node ${node} -o jsonpath='{.spec.podCIDR}'`).output;
    const replicaSet = /^(nginx-deployment-[bcdfghjklmnpqrstvwxz2456789]{8,10})-[bcdfghjklmnpqrstvwxz2456789]{5}$/.exec(rows[0]!.NAME!)![1];
    for (const row of rows) {
      expect(row.NAME).toMatch(new RegExp(`^${replicaSet}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(row).toMatchObject({ READY: "1/1", STATUS: "Running", RESTARTS: "0", AGE: "30s", "NOMINATED NODE": "<none>", "READINESS GATES": "<none>" });
      // The control plane is tainted: the pods land on the workers, inside each node's pod CIDR.
      expect(["node01", "node02"]).toContain(row.NODE);
      expect(row.IP).toMatch(new RegExp(`^${cidrs[row.NODE!]!.replace(/\.0\/24$/, "").replace(/\./g, "\\.")}\\.\\d+$`));
      podsByName.set(row.NAME!, { ip: row.IP!, node: row.NODE! });
    }
    expect(new Set(rows.map((row) => row.NODE))).toEqual(new Set(["node01", "node02"]));
    expect(new Set(rows.map((row) => row.IP)).size).toBe(5);
    // Sorted by name, as kubectl lists them.
    expect(rows.map((row) => row.NAME)).toEqual([...rows.map((row) => row.NAME)].sort());
  });

  it("lists the two Services with their ClusterIPs and the NodePort", () => {
    const rows = table(sb.exec("kubectl get svc -n name-space").output, ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"]);
    expect(rows).toEqual([
      { NAME: "nginx-service-cluster-ip", TYPE: "ClusterIP", "CLUSTER-IP": expect.stringMatching(/^10\.(9[6-9]|1[01]\d)\.\d+\.\d+$/), "EXTERNAL-IP": "<none>", "PORT(S)": "80/TCP", AGE: "30s" },
      { NAME: "nginx-service-nodeport", TYPE: "NodePort", "CLUSTER-IP": expect.stringMatching(/^10\.(9[6-9]|1[01]\d)\.\d+\.\d+$/), "EXTERNAL-IP": "<none>", "PORT(S)": "80:30000/TCP", AGE: "30s" },
    ]);
  });

  it("reaches different pods through the ClusterIP with curl from the control plane", () => {
    const ip = sb.exec("kubectl get svc nginx-service-cluster-ip -n name-space -o jsonpath='{.spec.clusterIP}'").output;
    expect(ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
    const served: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = sb.exec(`curl -s http://${ip}`);
      expect(r).toMatchObject({ exitCode: 0, prompt: PROMPT });
      // nginxdemos/hello's page names the pod that answered and its own address.
      expect(r.output).toMatch(/^<!DOCTYPE html>\n<html>\n<head>\n<title>Hello World<\/title>/);
      const name = /<span>Server&nbsp;name:<\/span> <span>([^<]+)<\/span>/.exec(r.output)![1]!;
      const address = /<span>Server&nbsp;address:<\/span> <span>([^<]+)<\/span>/.exec(r.output)![1]!;
      expect(podsByName.has(name), name).toBe(true);
      expect(address).toBe(`${podsByName.get(name)!.ip}:80`);
      served.push(name);
    }
    expect(new Set(served).size).toBeGreaterThan(1);
    // The short form a learner types next, piped through grep.
    expect(sb.exec(`curl -s ${ip} | grep -o 'nginx-deployment-[a-z0-9-]*'`).output).toMatch(/^nginx-deployment-[a-z0-9]+-[a-z0-9]{5}\n$/);
    // The NodePort answers on the control plane's own address too.
    expect(sb.exec("curl -s http://localhost:30000 | grep -c 'Server&nbsp;name'").output).toBe("1\n");
  });

  it("shows the control plane in kubectl get pods -n kube-system", () => {
    const r = sb.exec("kubectl get pods -n kube-system");
    expect(r.exitCode).toBe(0);
    const rows = table(r.output, ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]);
    const generic = rows.map((row) => row.NAME!.replace(/-[a-z0-9]{5}$/, "-*").replace(/-[a-z0-9]{8,10}-\*$/, "-*-*"));
    expect(generic).toEqual([
      "calico-kube-controllers-*-*",
      "calico-node-*",
      "calico-node-*",
      "calico-node-*",
      "coredns-*-*",
      "coredns-*-*",
      "etcd-controlplane",
      "kube-apiserver-controlplane",
      "kube-controller-manager-controlplane",
      "kube-proxy-*",
      "kube-proxy-*",
      "kube-proxy-*",
      "kube-scheduler-controlplane",
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ READY: "1/1", STATUS: "Running", RESTARTS: "0" });
      expect(row.AGE).toMatch(/^1\dm$/);
    }
    // No kubelet among them: it runs as a system service, not as a pod.
    expect(r.output).not.toContain("kubelet");
  });

  it("shows the kubelet as a running systemd service with systemctl status kubelet", () => {
    const r = sb.exec("systemctl status kubelet");
    expect(r.exitCode).toBe(0);
    const lines = stripAnsi(r.output).split("\n");
    const since = new Date(DEFAULT_START - defaultEnvironment().ageMs);
    const day = since.toUTCString().slice(0, 3);
    const stamp = since.toISOString().replace("T", " ").slice(0, 19);
    const minutes = Math.floor((sb.now() - since.getTime()) / 60_000);
    expect(lines[0]).toBe("● kubelet.service - kubelet: The Kubernetes Node Agent");
    expect(lines[1]).toBe("     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; vendor preset: enabled)");
    // kubeadm's drop-in; where it lives depends on the packages' generation.
    expect(lines[2]).toMatch(/^    Drop-In: \/(etc|usr\/lib|lib)\/systemd\/system\/kubelet\.service\.d$/);
    expect(lines[3]).toBe("             └─10-kubeadm.conf");
    expect(lines[4]).toBe(`     Active: active (running) since ${day} ${stamp} UTC; ${minutes}min ago`);
    expect(lines[5]).toBe("       Docs: https://kubernetes.io/docs/");
    const pid = /^   Main PID: (\d+) \(kubelet\)$/.exec(lines[6]!)![1]!;
    expect(lines[7]).toMatch(/^      Tasks: \d+ \(limit: \d+\)$/);
    expect(lines[8]).toMatch(/^     Memory: \d+\.\dM$/);
    expect(lines[9]).toMatch(/^        CPU: \d+\.\d{3}s$/);
    expect(lines[10]).toBe("     CGroup: /system.slice/kubelet.service");
    expect(lines[11]).toMatch(new RegExp(`^             └─${pid} /usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml `));
    expect(lines[12]).toBe("");
    const journal = lines.slice(13).filter((l) => l !== "");
    expect(journal.length).toBeGreaterThan(0);
    expect(journal.length).toBeLessThanOrEqual(10);
    for (const l of journal) expect(l).toMatch(new RegExp(`^[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d controlplane kubelet\\[${pid}\\]: `));
    // On a terminal, systemd colours the dot and the state green.
    expect(r.output.startsWith("\x1b[0;1;32m●\x1b[0m kubelet.service")).toBe(true);
  });

  it("stays at the control plane's prompt throughout", () => {
    expect(sb.prompt()).toBe(PROMPT);
  });
});
