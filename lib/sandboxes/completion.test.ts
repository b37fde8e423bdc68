import { describe, expect, it } from "vitest";
import { Sandbox } from "@/lib/engine/sandbox";
import { resourceForKind } from "@/lib/engine/apiserver/registry";
import { buildLabSandbox } from "./grading";
import { runEntry } from "./run-entry";
import { completeInSandbox } from "./completion-context";
import { complete, wordsBeforeCursor, type CompletionContext } from "./completion";

/** The candidates for the end of `line`, as inserted. */
const at = (sb: Sandbox, line: string) => completeInSandbox(sb, line, line.length).matches;

describe("completion in the default cluster", () => {
  const sb = Sandbox.create({ seed: 4 });
  runEntry(sb, "kubectl create deployment web --image nginx:1.27");
  runEntry(sb, "kubectl create deployment api --image nginx:1.27 --replicas 2");
  runEntry(sb, "kubectl create namespace team-a");
  runEntry(sb, "printf 'kind: Pod\\n' > web.yaml; touch notes.txt 'my file.txt'; mkdir manifests");
  sb.advanceBy(20_000);
  const pods = sb.cluster.api.list(resourceForKind("Pod")!, "default").map((p) => p.metadata.name);
  const web = pods.find((p) => p.startsWith("web-"))!;
  const apis = pods.filter((p) => p.startsWith("api-")).sort();

  it("completes commands, kubectl subcommands and their flags", () => {
    expect(at(sb, "kub")).toEqual(["kubeadm", "kubectl", "kubelet"]);
    expect(at(sb, "kubectl desc")).toEqual(["describe"]);
    expect(at(sb, "kubectl ro")).toEqual(["rollout"]);
    expect(at(sb, "kubectl rollout ")).toEqual(["history", "pause", "restart", "resume", "status", "undo"]);
    expect(at(sb, "kubectl get --all-n")).toEqual(["--all-namespaces"]);
    expect(at(sb, "kubectl logs --con")).toEqual(["--container", "--context"]);
    expect(at(sb, "kubectl get pods -o ")).toEqual(expect.arrayContaining(["json", "yaml", "wide", "jsonpath="]));
    expect(at(sb, "kubectl create ")).toEqual(["configmap", "deployment", "job", "namespace", "secret", "service", "serviceaccount"]);
  });

  it("completes resource types by every name kubectl takes, short names included", () => {
    expect(at(sb, "kubectl get deplo")).toEqual(["deploy", "deployment", "deployments"]);
    expect(at(sb, "kubectl get sv")).toEqual(["svc"]);
    expect(at(sb, "kubectl describe no")).toEqual(["no", "node", "nodes"]);
    expect(at(sb, "kubectl get pods,sv")).toEqual(["pods,svc"]);
    expect(at(sb, "kubectl scale r")).toEqual(["replicaset", "replicasets", "rs"]);
  });

  it("completes object names from the live cluster, whatever name the type was given", () => {
    expect(at(sb, "kubectl describe pod we")).toEqual([web]);
    expect(at(sb, "kubectl describe po we")).toEqual([web]);
    expect(at(sb, "kubectl get deployments.apps a")).toEqual(["api"]);
    expect(at(sb, "kubectl logs ")).toEqual([...apis, web]);
    expect(at(sb, "kubectl logs a")).toEqual(apis);
    expect(at(sb, `kubectl delete pod ${apis[0]} a`)).toEqual([apis[1]]);
    expect(at(sb, "kubectl rollout status deploy/")).toEqual(["deploy/api", "deploy/web"]);
    expect(at(sb, "kubectl logs deployment/w")).toEqual(["deployment/web"]);
    expect(at(sb, "kubectl cordon node0")).toEqual(["node01", "node02"]);
    expect(at(sb, `kubectl logs ${web} -c `)).toEqual(["nginx"]);
  });

  it("looks in the namespace the line names, and lists namespaces after -n", () => {
    expect(at(sb, "kubectl get pods kube-sch")).toEqual([]);
    expect(at(sb, "kubectl get pods -n kube-system kube-sch")).toEqual(["kube-scheduler-controlplane"]);
    expect(at(sb, "kubectl -n kube-system logs etcd")).toEqual(["etcd-controlplane"]);
    expect(at(sb, "kubectl describe pod --namespace=kube-system kube-ap")).toEqual(["kube-apiserver-controlplane"]);
    expect(at(sb, "kubectl get pods -A kube-prox").length).toBe(3);
    expect(at(sb, "kubectl get pods -n ")).toEqual(["default", "kube-node-lease", "kube-public", "kube-system", "team-a"]);
    expect(at(sb, "kubectl get pods --namespace=te")).toEqual(["--namespace=team-a"]);
  });

  it("completes files and directories on the current host", () => {
    expect(at(sb, "cat /etc/ho")).toEqual(["/etc/hostname", "/etc/hosts"]);
    expect(at(sb, "cd /etc/kube")).toEqual(["/etc/kubernetes/"]);
    expect(at(sb, "kubectl apply -f ")).toEqual(["manifests/", "web.yaml"]);
    expect(at(sb, "cat m")).toEqual(["manifests/", "my\\ file.txt"]);
    expect(at(sb, "cat 'my")).toEqual(["'my file.txt'"]);
    expect(at(sb, "cat .ku")).toEqual([".kube/"]);
    expect(at(sb, "cat ~/.ku")).toEqual(["~/.kube/"]);
    expect(completeInSandbox(sb, "cat /etc/ho", 11).display).toEqual(["hostname", "hosts"]);
    expect(at(sb, "kubectl get pods > no")).toEqual(["notes.txt"]);
  });

  it("completes hostnames after ssh, units after systemctl, variables after $", () => {
    expect(at(sb, "ssh no")).toEqual(["node01", "node02"]);
    expect(at(sb, "ssh root@node0")).toEqual(["root@node01", "root@node02"]);
    expect(at(sb, "systemctl status kub")).toEqual(["kubelet.service"]);
    expect(at(sb, "journalctl -u cont")).toEqual(["containerd.service"]);
    expect(at(sb, "echo $HO")).toEqual(["$HOME"]);
  });

  it("sees through sudo, watch, pipes and aliases", () => {
    expect(at(sb, "sudo kubectl get no")).toEqual(["no", "node", "nodes"]);
    expect(at(sb, "watch -n 1 kubectl get deploy a")).toEqual(["api"]);
    expect(at(sb, "kubectl get pods | gre")).toEqual(["grep"]);
    runEntry(sb, "alias k=kubectl");
    expect(at(sb, "k describe deploy w")).toEqual(["web"]);
  });

  it("knows nothing of the cluster where kubectl cannot reach it", () => {
    const node = Sandbox.create({ seed: 4 });
    runEntry(node, "ssh node01");
    expect(node.prompt()).toBe("root@node01:~# ");
    expect(at(node, "kubectl get nodes ")).toEqual([]);
    expect(at(node, "kubectl get nod")).toEqual(["node", "nodes"]);
  });

  it("changes nothing in the sandbox", () => {
    const before = JSON.stringify(sb.snapshot());
    for (const line of ["kubectl describe pod we", "cat /etc/ho", "ssh no", "k get "]) completeInSandbox(sb, line, line.length);
    expect(JSON.stringify(sb.snapshot())).toBe(before);
    // Before the first command the shell does not exist yet; completing must not start it.
    const fresh = Sandbox.create({ seed: 9 });
    const untouched = JSON.stringify(fresh.snapshot());
    expect(at(fresh, "kubectl get no")).toEqual(["no", "node", "nodes"]);
    expect(JSON.stringify(fresh.snapshot())).toBe(untouched);
  });
});

describe("completion on the Docker hosts of a data centre", () => {
  const sb = buildLabSandbox("docker-macvlan-network", 3, Date.UTC(2026, 0, 5));

  it("completes the lab's machines after ssh, and the engine's objects for whoever may use it", () => {
    expect(at(sb, "ssh tony@stapp")).toEqual(["tony@stapp01", "tony@stapp01.stratos.xfusioncorp.com", "tony@stapp02", "tony@stapp02.stratos.xfusioncorp.com", "tony@stapp03", "tony@stapp03.stratos.xfusioncorp.com"]);
    runEntry(sb, "ssh tony@stapp01");
    runEntry(sb, "Ir0nM@n");
    // tony is not in the docker group: the daemon's socket is closed to him.
    expect(at(sb, "docker network inspect ")).toEqual([]);
    expect(at(sb, "docker network cr")).toEqual(["create"]);
    runEntry(sb, "sudo su -");
    runEntry(sb, "Ir0nM@n");
    expect(sb.prompt()).toBe("[root@stapp01 ~]# ");
    expect(at(sb, "docker network create -d mac")).toEqual(["macvlan"]);
    expect(at(sb, "docker network create --driver=ip")).toEqual(["--driver=ipvlan"]);
    runEntry(sb, "docker network create -d macvlan --subnet 172.28.0.0/24 news");
    expect(at(sb, "docker network inspect ")).toEqual(["bridge", "host", "news", "none"]);
    expect(at(sb, "docker run --network n")).toEqual(["news", "none"]);
    runEntry(sb, "docker run -d --name web nginx");
    expect(at(sb, "docker stop ")).toEqual(["web"]);
    expect(at(sb, "docker start ")).toEqual([]);
  });
});

describe("reading the line", () => {
  it("splits words as the shell does: quotes, escapes, operators and redirections", () => {
    expect(wordsBeforeCursor(`kubectl get pods -l 'app in (a, b)' | grep "we`)).toEqual({ words: [{ value: "grep", start: 38 }], current: { value: "we", start: 43, quote: '"' } });
    expect(wordsBeforeCursor("echo a\\ b > fi").current).toEqual({ value: "fi", start: 12, redirect: true });
    expect(wordsBeforeCursor("ls 2>/dev/nu").current).toEqual({ value: "/dev/nu", start: 5, redirect: true });
    expect(wordsBeforeCursor("x=$(kubectl get ").words.map((w) => w.value)).toEqual(["kubectl", "get"]);
  });

  it("completes the word before the cursor and leaves the rest of the line alone", () => {
    const ctx: CompletionContext = {
      host: { cwd: "/root", home: "/root", variables: [], aliases: {}, commands: () => ["kubectl"], list: () => [], hostnames: () => [], units: () => [] },
    };
    const line = "kubectl descr pod web";
    expect(complete(ctx, line, 13)).toEqual({ from: 8, to: 13, matches: ["describe"], display: ["describe"] });
  });
});
