// Generators of random and hostile kubectl command lines and manifests, for property tests on a
// whole sandbox. Everything is drawn from a seeded PRNG, so a failure names its input and
// replays exactly.
import { RESOURCES } from "../apiserver/registry";
import { GLOBAL_FLAGS, type FlagSpec } from "../cli/kubectl/args";
import { SUBCOMMANDS } from "../cli/kubectl";
import { Random } from "../random";

/** One step of a hostile session: lines typed one after another into the terminal. */
export interface Step {
  lines: string[];
  /** What the step is, for failure messages. */
  label: string;
}

const pick = <T>(r: Random, items: readonly T[]): T => r.pick(items);
const chance = (r: Random, percent: number) => r.int(100) < percent;

/** Single-quotes a word for bash unless it is plainly safe. */
export function shellQuote(word: string): string {
  if (word !== "" && /^[A-Za-z0-9_./:=,@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const NAMESPACES = ["default", "kube-system", "name-space", "fuzz", "kube-public", "kube-node-lease", "nope", "UPPER", "a".repeat(70), "-", "x/y", ""];

const RESOURCE_WORDS = [
  ...RESOURCES.flatMap((r) => [r.resource, r.singular, ...r.shortNames, r.group ? `${r.resource}.${r.group}` : r.resource]),
  "all",
  "pods,svc",
  "deploy,rs,po",
  "po,nope",
  "foo",
  "foos.example.com",
  "statefulsets",
  "sts",
  "ingress",
  "cronjobs",
  "pv",
  "Pods",
  "DEPLOYMENTS",
  "pod/",
  "deployments.v1.apps",
  "deployments.v2.apps",
  "constructor",
  "__proto__",
  "hasOwnProperty",
  "",
];

const NAMES = [
  "nginx-deployment",
  "nginx",
  "web",
  "fuzz",
  "coredns",
  "kube-proxy",
  "controlplane",
  "node01",
  "node02",
  "kubernetes",
  "kube-dns",
  "default",
  "kube-system",
  "etcd-controlplane",
  "kube-apiserver-controlplane",
  "x",
  "nope",
  "Has_Upper",
  "a".repeat(64),
  "b".repeat(300),
  "ü-name",
  "name with space",
  "..",
  "../../etc/passwd",
  "-x",
  "*",
  "$(id)",
  "a/b/c",
  "pod/web",
  "deployment/nginx-deployment",
  "deploy/fuzz",
  "svc/kube-dns",
  "node/node01",
  "foo/bar",
  "constructor",
  "__proto__",
  "toString",
  "",
];

const SELECTORS = [
  "app=nginx",
  "app!=nginx",
  "app in (nginx,web)",
  "app notin (x)",
  "!app",
  "app",
  "a=b,c=d",
  "k8s-app=kube-dns",
  "=bad",
  "app==nginx",
  "x in (",
  "app in ()",
  "a=" + "v".repeat(100),
  "tier notin (x),!foo",
  "app=ng inx",
  ",,,",
  "app=nginx,",
  "constructor=x",
  "__proto__",
  "例=値",
  "metadata.name=web",
  "",
];

const FIELD_SELECTORS = [
  "metadata.name=web",
  "metadata.namespace!=default",
  "status.phase=Running",
  "status.phase!=Pending,spec.nodeName=node01",
  "spec.nodeName=",
  "spec.unknown=x",
  "metadata.name",
  "=x",
  "type=Warning",
  "involvedObject.kind=Pod",
  "a==b",
];

const JSONPATHS = [
  "{.items[*].metadata.name}",
  "{.metadata.name}",
  "{.items[0].spec.containers[0].image}",
  '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
  "{.items[?(@.status.phase==\"Running\")].metadata.name}",
  "{.items[?(@.spec.replicas>1)].metadata.name}",
  "{..name}",
  "{$}",
  "{.items[-1:].metadata.name}",
  "{.items[999].x}",
  "{.items[*].metadata.labels.app}",
  "{.items[0]",
  "{range .items[*]}",
  "{end}",
  "{.items[?(@.x=~/re/)]}",
  "{.spec.template.spec.containers[*]['name','image']}",
  "{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}",
  "{@}",
  "{.items[::0]}",
  "{.constructor.name}",
  "{.metadata.__proto__}",
  "{.items[1:0:-1]}",
  "{[}",
  "{.a.b.c.d.e.f.g.h.i.j}",
  "{{.metadata.name}}",
  "",
  "plain text",
  "{" + ".x".repeat(500) + "}",
];

function outputFormat(r: Random): string {
  switch (r.int(9)) {
    case 0:
      return pick(r, ["wide", "yaml", "json", "name", "Wide", "YAML", "xml", "", "table", "jsonpath", "custom-columns"]);
    case 1:
    case 2:
      return `jsonpath=${pick(r, JSONPATHS)}`;
    case 3:
      return `jsonpath-as-json=${pick(r, JSONPATHS)}`;
    case 4:
      return `custom-columns=${pick(r, ["NAME:.metadata.name", "NAME:.metadata.name,NODE:.spec.nodeName", "IMG:.spec.containers[*].image", "BAD", "A:", ":.x", "X:.items[", "N:.metadata.name,N:.metadata.name", ""])}`;
    case 5:
      return `go-template=${pick(r, ["{{.metadata.name}}", "{{range .items}}{{.metadata.name}}{{end}}", "{{", "{{.nope.nope}}", "{{index .metadata.labels \"app\"}}"])}`;
    case 6:
      return `template=${pick(r, ["{{.kind}}", "}}{{"])}`;
    case 7:
      return `custom-columns-file=/tmp/${pick(r, ["cols", "nope"])}`;
    default:
      return `jsonpath='${pick(r, JSONPATHS)}'`;
  }
}

const IMAGES = ["nginx", "nginx:1.27", "nginxdemos/hello:0.2", "busybox", "busybox:1.36", "redis:7", "nope/nope:nope", "UPPER:case", "nginx@sha256:" + "0".repeat(64), "registry.k8s.io/pause:3.10", ":", "nginx:" + "9".repeat(200), ""];

const INTS = ["0", "1", "2", "3", "5", "-1", "-2147483649", "2147483647", "2147483648", "9223372036854775807", "99999999999999999999", "0x10", "1e3", "3.5", "NaN", "", "five", "007"];

const DURATIONS = ["0", "1s", "5s", "30s", "2m", "1h", "-1s", "10", "1.5s", "forever", "99999h", "1ms", ""];

function flagValue(r: Random, spec: FlagSpec): string {
  const n = spec.name;
  if (n === "output") return outputFormat(r);
  if (n === "namespace") return pick(r, NAMESPACES);
  if (n === "selector" || n === "l") return pick(r, SELECTORS);
  if (n === "field-selector") return pick(r, FIELD_SELECTORS);
  if (n === "image") return pick(r, IMAGES);
  if (n === "filename") return pick(r, ["-", "/tmp/m.yaml", "/tmp/dir", "/tmp/nope.yaml", "/etc/passwd", "/", "http://example.com/x.yaml", "/etc/kubernetes/manifests"]);
  if (/timeout|since|interval|grace|period|delay|request-timeout/.test(n) && spec.kind === "string") return pick(r, DURATIONS);
  if (n === "for") return pick(r, ["condition=Ready", "condition=Available", "delete", "jsonpath={.status.phase}=Running", "condition=", "nope", "jsonpath={.x", "create"]);
  if (n === "dry-run") return pick(r, ["client", "server", "none", "true", "bogus", ""]);
  if (n === "type") return pick(r, ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName", "Bogus", "generic", "docker-registry", "tls"]);
  if (n === "sort-by") return pick(r, [".metadata.name", ".metadata.creationTimestamp", "{.status.phase}", ".spec.replicas", ".nope", "{", ""]);
  if (n === "from-literal") return pick(r, ["a=b", "=b", "a", "a==b", "k=" + "v".repeat(1000)]);
  if (n === "port" || n === "target-port" || n === "container-port") return pick(r, ["80", "8080", "0", "65536", "-1", "http", "80:80", ""]);
  if (n === "replicas") return pick(r, INTS);
  if (n === "context" || n === "kubeconfig" || n === "server" || n === "cluster" || n === "user") return pick(r, ["kubernetes-admin@kubernetes", "nope", "/tmp/nope", "https://1.2.3.4:6443", ""]);
  if (n === "v") return pick(r, ["0", "6", "9", "x"]);
  switch (spec.kind) {
    case "bool":
      return pick(r, ["true", "false", "maybe", "1", ""]);
    case "int":
      return pick(r, INTS);
    default:
      return pick(r, [...NAMES.slice(0, 12), "a=b", "key=value:NoSchedule", "x", "", "k=v", "-", "--", "%"]);
  }
}

function flag(r: Random, specs: FlagSpec[]): string[] {
  if (chance(r, 6)) return [pick(r, ["--foo", "-Z", "--", "-", "---x", "--=x", "--namespace=", "-nkube-system", "-oyaml", "-o=json", "-it", "--all", "-w", "--watch-only"])];
  const spec = pick(r, specs);
  const long = `--${spec.name}`;
  const name = spec.short && chance(r, 40) ? `-${spec.short}` : long;
  if (spec.kind === "bool") {
    if (chance(r, 80)) return [name];
    return [`${long}=${flagValue(r, spec)}`];
  }
  const value = flagValue(r, spec);
  if (chance(r, 5)) return [name]; // missing argument
  return chance(r, 50) ? [`${long}=${value}`] : [name, value];
}

const SUBCOMMAND_NAMES = Object.keys(SUBCOMMANDS);
const EXTRA_WORDS = ["applay", "gte", "delet", "help", "--help", "-h", "completion", "proxy", "port-forward", "cp", "attach", "plugin", "kustomize", "certificate", "debug", "alpha", "options", "diff"];

/** The first positional words a subcommand usually takes. */
function positionals(r: Random, sub: string): string[] {
  const name = () => pick(r, NAMES);
  const res = () => pick(r, RESOURCE_WORDS);
  switch (sub) {
    case "create":
      return pick(r, [
        ["namespace", name()],
        ["deployment", name(), `--image=${pick(r, IMAGES)}`],
        ["deployment", name(), `--image=${pick(r, IMAGES)}`, `--replicas=${pick(r, INTS)}`],
        ["service", pick(r, ["clusterip", "nodeport", "loadbalancer", "externalname", "bogus"]), name(), `--tcp=${pick(r, ["80:80", "80", "x:y", "0:0", "70000:1"])}`],
        ["configmap", name(), `--from-literal=${pick(r, ["a=b", "=b", "a", "k=" + "v".repeat(2000)])}`],
        ["secret", "generic", name(), `--from-literal=${pick(r, ["a=b", "pw=Ir0nM@n", "bad"])}`],
        ["job", name(), `--image=${pick(r, IMAGES)}`, "--", "echo", "hi"],
        ["serviceaccount", name()],
        ["quota", name(), "--hard=pods=2"],
        ["cronjob", name(), "--image=busybox", "--schedule=* * * * *"],
        ["ingress", name()],
        [res(), name()],
        ["-f", pick(r, ["-", "/tmp/m.yaml", "/tmp/dir"])],
      ]);
    case "run":
      return [name(), `--image=${pick(r, IMAGES)}`, ...(chance(r, 30) ? ["--restart=Never"] : []), ...(chance(r, 30) ? ["--", "sh", "-c", "exit 3"] : [])];
    case "expose":
      return [pick(r, ["deployment", "deploy", "pod", "svc", "rs", "node"]), name(), ...(chance(r, 70) ? [`--port=${pick(r, ["80", "0", "99999", "x"])}`] : [])];
    case "scale":
      return [pick(r, ["deployment", "deploy", "rs", "ds", "pod", "job"]), name(), `--replicas=${pick(r, INTS)}`];
    case "set":
      return pick(r, [
        ["image", `deployment/${name()}`, `${pick(r, ["nginx", "*", "nope"])}=${pick(r, IMAGES)}`],
        ["resources", `deployment/${name()}`, `--limits=${pick(r, ["cpu=200m", "memory=1Zi", "cpu=-1", "cpu=1e400"])}`],
        ["env", `deployment/${name()}`, "A=B"],
        ["selector", "svc", name(), "app=x"],
        [pick(r, ["bogus", ""]), name()],
      ]);
    case "rollout":
      return [pick(r, ["status", "history", "undo", "pause", "resume", "restart", "bogus"]), pick(r, ["deployment", "deploy", "ds", "rs", "pod"]), name(), ...(chance(r, 30) ? [`--to-revision=${pick(r, INTS)}`] : [])];
    case "label":
    case "annotate":
      return [res(), name(), pick(r, ["app=x", "app-", "app=x=y", "a".repeat(70) + "=v", "k=" + "v".repeat(70), "kubernetes.io/x=y", "-", "bad key=v", "example.com/k=v", "=v"])];
    case "taint":
      return [pick(r, ["nodes", "node", "no"]), pick(r, ["node01", "node02", "controlplane", "nope", "--all"]), pick(r, ["key=value:NoSchedule", "key:NoExecute", "key-", "key=value:Bogus", "node-role.kubernetes.io/control-plane:NoSchedule-", "=:"])];
    case "cordon":
    case "uncordon":
    case "drain":
      return [pick(r, ["node01", "node02", "controlplane", "nope", ""])];
    case "logs":
      return [pick(r, [name(), `deploy/${name()}`, "etcd-controlplane", "kube-apiserver-controlplane", "coredns"]), ...(chance(r, 30) ? ["-c", pick(r, ["nginx", "nope"])] : [])];
    case "exec":
      return [name(), ...(chance(r, 50) ? ["--", pick(r, ["ls", "cat /etc/hostname", "env", "sh -c exit", "nope"])] : ["ls"])];
    case "explain":
      return [pick(r, ["pods", "pod.spec", "pod.spec.containers.livenessProbe", "deployment.spec.strategy", "svc.spec.ports", "nope", "pods.nope.nope", "pod..spec", ""])];
    case "config":
      return pick(r, [["view"], ["get-contexts"], ["current-context"], ["use-context", pick(r, ["kubernetes-admin@kubernetes", "nope"])], ["set-context", "--current", `--namespace=${pick(r, NAMESPACES)}`], ["view", "--minify", "--raw"], ["bogus"], []]);
    case "auth":
      return ["can-i", pick(r, ["get", "create", "delete", "*", "bogus"]), pick(r, ["pods", "deployments", "*", "nope", "nodes"]), ...(chance(r, 30) ? [`--as=${pick(r, ["system:anonymous", "tony", "system:serviceaccount:default:default"])}`] : [])];
    case "wait":
      return [`${pick(r, ["pod", "deploy", "node", "job"])}/${name()}`, `--for=${pick(r, ["condition=Ready", "condition=Available", "delete", "condition=Complete"])}`, `--timeout=${pick(r, ["1s", "5s", "30s", "0", "-1s", "2m"])}`];
    case "patch":
      return [res(), name(), pick(r, ["-p", "--patch"]), pick(r, ['{"spec":{"replicas":2}}', '{"metadata":{"labels":{"a":"b"}}}', "{", "[]", '{"spec":{"replicas":"x"}}', '[{"op":"replace","path":"/spec/replicas","value":1}]', "null", '{"spec":{"replicas":1e400}}']), ...(chance(r, 40) ? [`--type=${pick(r, ["json", "merge", "strategic", "bogus"])}`] : [])];
    case "top":
      return [pick(r, ["pods", "nodes", "node", "pod", "svc", ""])];
    case "edit":
      return [res(), name()];
    default: {
      const out: string[] = [];
      if (chance(r, 85)) out.push(res());
      if (chance(r, 60)) out.push(name());
      if (chance(r, 15)) out.push(name());
      return out;
    }
  }
}

/** A random kubectl command line, as a learner (or a cat on the keyboard) might type it. */
export function kubectlLine(r: Random): string {
  const sub = chance(r, 6) ? pick(r, EXTRA_WORDS) : pick(r, SUBCOMMAND_NAMES);
  const specs = [...(Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub]!.flags : []), ...GLOBAL_FLAGS];
  const words = ["kubectl"];
  if (chance(r, 8)) words.push(...flag(r, GLOBAL_FLAGS));
  words.push(sub, ...positionals(r, sub));
  const flagCount = r.int(4);
  for (let i = 0; i < flagCount; i++) {
    const f = flag(r, specs);
    const at = 1 + r.int(words.length);
    words.splice(at, 0, ...f);
  }
  // Never wait for a terminal: -w and -f stop after a few virtual seconds, edit is closed.
  let line = words.map((w, i) => (i === 0 ? w : shellQuote(w))).join(" ");
  if (chance(r, 5)) line += pick(r, [" | head -3", " | wc -l", " 2>&1 | grep -c e", " > /tmp/out.txt", " && echo ok || echo failed", "; echo $?", " | sort | uniq -c"]);
  return line;
}

// ---------------------------------------------------------------- manifests

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const KINDS: [string, string][] = [
  ["v1", "Pod"],
  ["apps/v1", "Deployment"],
  ["v1", "Service"],
  ["v1", "ConfigMap"],
  ["v1", "Secret"],
  ["v1", "Namespace"],
  ["batch/v1", "Job"],
  ["apps/v1", "DaemonSet"],
  ["apps/v1", "ReplicaSet"],
  ["v1", "ServiceAccount"],
  ["v1", "ResourceQuota"],
  ["v1", "LimitRange"],
  ["v1", "Node"],
  ["v1", "Endpoints"],
  ["apps/v1", "StatefulSet"],
  ["example.com/v1", "Widget"],
  ["v1", "Deployment"],
  ["apps/v2", "Deployment"],
  ["", "Pod"],
  ["v1", ""],
  ["v1", "List"],
  ["v1", "constructor"],
  ["__proto__", "toString"],
];

function podSpec(r: Random): Json {
  const container: Record<string, Json> = { name: pick(r, ["nginx", "app", "c", "Bad_Name", ""]), image: pick(r, IMAGES) };
  if (chance(r, 40)) container.ports = [{ containerPort: pick(r, [80, 8080, 0, 70000, -1, "80"] as Json[]) }];
  if (chance(r, 25)) container.resources = { limits: { cpu: pick(r, ["0.5", "500m", "1e3", "-1", "lots", 2] as Json[]), memory: pick(r, ["128Mi", "1Zi", "0", "12345678901234567890Ei", "x"]) } };
  if (chance(r, 25)) container.livenessProbe = { httpGet: { path: "/", port: pick(r, [80, "http", 0] as Json[]) }, periodSeconds: pick(r, [1, 0, -5, 1e9] as Json[]) };
  if (chance(r, 20)) container.command = pick(r, [["sh", "-c", "sleep 3600"], ["false"], "not-a-list", [1, 2]] as Json[]);
  if (chance(r, 15)) container.env = [{ name: pick(r, ["A", "1BAD", ""]), value: pick(r, ["x", 5, null] as Json[]) }];
  return { containers: chance(r, 90) ? [container] : pick(r, [[], {}, "nginx", null] as Json[]), ...(chance(r, 15) ? { nodeName: pick(r, ["node01", "nope", "controlplane"]) } : {}), ...(chance(r, 10) ? { restartPolicy: pick(r, ["Never", "Always", "Sometimes"]) } : {}) };
}

function hugeNumber(r: Random): Json {
  return pick(r, [1e30, -1, 2147483648, 9007199254740993, 1e308, 0.5, -0, 5, 3, 1] as Json[]);
}

function manifestObject(r: Random): Record<string, Json> {
  const [apiVersion, kind] = pick(r, KINDS);
  const name = pick(r, ["fuzz", "web", "nginx-deployment", "fuzz-" + r.int(20), "Bad_Name", "a".repeat(254), "", "kube-system", "default"]);
  const labels: Json = chance(r, 85) ? { app: pick(r, ["fuzz", "nginx", "web", "bad value!", "v".repeat(64)]) } : pick(r, ["labels", [], 5, null] as Json[]);
  const metadata: Record<string, Json> = { name, labels };
  if (chance(r, 50)) metadata.namespace = pick(r, ["default", "fuzz", "name-space", "nope", "kube-system", ""]);
  if (chance(r, 5)) metadata.generateName = "gen-";
  if (chance(r, 5)) delete metadata.name;
  const o: Record<string, Json> = { ...(apiVersion ? { apiVersion } : {}), ...(kind ? { kind } : {}), metadata };
  const selectorLabels = typeof labels === "object" && labels !== null && !Array.isArray(labels) ? labels : { app: "fuzz" };
  switch (kind) {
    case "Pod":
      o.spec = podSpec(r);
      break;
    case "Deployment":
    case "ReplicaSet":
    case "DaemonSet":
    case "StatefulSet":
      o.spec = {
        ...(kind !== "DaemonSet" ? { replicas: chance(r, 20) ? hugeNumber(r) : r.int(4) } : {}),
        selector: chance(r, 85) ? { matchLabels: chance(r, 85) ? selectorLabels : { other: "x" } } : pick(r, [{}, "app=fuzz", null] as Json[]),
        template: { metadata: { labels: selectorLabels }, spec: podSpec(r) },
      };
      break;
    case "Job":
      o.spec = { template: { spec: { ...(podSpec(r) as Record<string, Json>), restartPolicy: pick(r, ["Never", "OnFailure", "Always"]) } }, ...(chance(r, 30) ? { backoffLimit: hugeNumber(r) } : {}) };
      break;
    case "Service":
      o.spec = {
        ...(chance(r, 50) ? { type: pick(r, ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName", "Bogus"]) } : {}),
        selector: selectorLabels,
        ports: chance(r, 85) ? [{ port: pick(r, [80, 0, 65536, "80", 443] as Json[]), ...(chance(r, 40) ? { nodePort: pick(r, [30000, 30080, 1, 32768, 99999] as Json[]) } : {}), ...(chance(r, 30) ? { protocol: pick(r, ["TCP", "UDP", "ICMP"]) } : {}) }] : pick(r, [[], "80", null] as Json[]),
        ...(chance(r, 15) ? { clusterIP: pick(r, ["None", "10.96.0.1", "10.96.0.200", "1.2.3.4", "bogus"]) } : {}),
      };
      break;
    case "ConfigMap":
      o.data = chance(r, 80) ? { key: pick(r, ["value", "x".repeat(5000)]), "bad key": "v" } : pick(r, [{ k: 5 }, [], "data"] as Json[]);
      break;
    case "Secret":
      o.data = { pw: pick(r, ["SXIwbk1Abg==", "not base64!", ""]) };
      if (chance(r, 50)) o.stringData = { user: "tony" };
      if (chance(r, 20)) o.type = pick(r, ["Opaque", "kubernetes.io/tls", "bogus"]);
      break;
    case "List":
      o.items = Array.from({ length: r.int(4) }, () => manifestObject(r));
      break;
    case "ResourceQuota":
      o.spec = { hard: { pods: pick(r, ["2", "-1", "x", 10] as Json[]) } };
      break;
    case "LimitRange":
      o.spec = { limits: [{ type: pick(r, ["Container", "Pod", "Bogus"]), max: { cpu: "1" } }] };
      break;
    case "Node":
      o.spec = { unschedulable: pick(r, [true, "yes"] as Json[]) };
      break;
    default:
      if (chance(r, 50)) o.spec = { anything: [1, 2, 3] };
  }
  return o;
}

/** Replaces a random value somewhere inside `v` with something of the wrong type or size. */
function mutate(r: Random, v: Json, depth = 0): Json {
  if (v === null || typeof v !== "object" || depth > 6 || chance(r, 15)) {
    return pick(r, [null, true, 0, -1, 1e30, "", "x".repeat(r.int(3) === 0 ? 10000 : 3), [], {}, [null], { "": "" }, "__proto__", 18446744073709551616, "1e400"] as Json[]);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return [mutate(r, null, depth + 1)];
    const copy = [...v];
    const i = r.int(copy.length);
    copy[i] = mutate(r, copy[i]!, depth + 1);
    return copy;
  }
  const keys = Object.keys(v);
  const copy = { ...v };
  if (keys.length === 0 || chance(r, 10)) {
    copy[pick(r, ["unknownField", "status", "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "apiVersion", "metadata", "spec"])] = mutate(r, null, depth + 1);
    return copy;
  }
  const k = pick(r, keys);
  copy[k] = mutate(r, copy[k]!, depth + 1);
  return copy;
}

function toYaml(v: Json, indent = ""): string {
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return v.map((item) => `\n${indent}- ${toYaml(item, `${indent}  `).replace(/^\n\s*/, "")}`).join("");
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return "{}";
  return keys.map((k) => `\n${indent}${JSON.stringify(k)}: ${toYaml(v[k]!, `${indent}  `)}`).join("");
}

/** YAML as people write it: plain keys, nested blocks. */
function yamlDoc(v: Json): string {
  return toYaml(v).replace(/^\n/, "").replace(/"([A-Za-z][A-Za-z0-9]*)":/g, "$1:");
}

function deep(r: Random, depth: number): string {
  switch (r.int(4)) {
    case 0:
      return "[".repeat(depth) + "]".repeat(depth);
    case 1:
      return "{a: ".repeat(depth) + "1" + "}".repeat(depth);
    case 2: {
      let out = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n";
      for (let i = 0; i < depth; i++) out += `${" ".repeat(2 + i)}k${i}:\n`;
      return out + `${" ".repeat(2 + depth)}v: 1\n`;
    }
    default:
      return `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep","annotations":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}}`;
  }
}

function aliasBomb(r: Random): string {
  const levels = 3 + r.int(7);
  let out = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = "a";
  for (let i = 0; i < levels; i++) {
    const name = String.fromCharCode(98 + i);
    out += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
    prev = name;
  }
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\n${out}data:\n  x: *${prev}\n`;
}

const RAW_DOCS = [
  "",
  "---",
  "---\n---\n...\n",
  "null",
  "~",
  "42",
  '"just a string"',
  "- a\n- b",
  "[]",
  "{}",
  "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: tab",
  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\n  name: dup2\n",
  "apiVersion: v1\napiVersion: v1\nkind: Namespace\nmetadata: {name: twice}",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ref}\ndata: *nope\n",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: &self {name: loop, labels: *self}\n",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: int}\ndata: {a: !!int foo}\n",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ctl}\ndata: {a: \u0001}\n",
  "[".repeat(20000),
  "- ".repeat(5000) + "x",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: merged}\ndata:\n  <<: {a: b}\n  c: d\n",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bin}\nbinaryData: {b: !!binary aGVsbG8=}\n",
  "!!python/object/apply:os.system ['rm -rf /']",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: tagged}\ndata: !!map {a: !!str 1}\n",
  "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: badtag}\ndata: !custom {a: 1}\n",
  "key: [unclosed",
  "key: {unclosed",
  'key: "unterminated',
  "a:\n  - b\n c: d",
  ": : :",
  "- - - - -",
  "? complex key\n: value",
  "%YAML 1.2\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: directive}\n",
  "%TAG ! tag:example.com,2000:\n---\n!foo bar",
  "apiVersion: v1\nkind: Namespace\nmetadata: {name: 'crlf'}\r\n",
  "\ufeffapiVersion: v1\nkind: Namespace\nmetadata: {name: bom}\n",
  '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "json-ns"}}',
  '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "json-ns"',
  '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "dup", "name": "dup2"}}',
  '[{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "in-array"}}]',
  '{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "in-list"}}, 5, null]}',
  '{"apiVersion": "v1", "kind": "List", "items": "nope"}',
  "apiVersion: v1\nkind: Pod\nmetadata: {name: nulls}\nspec: {containers: [null]}\n",
  "apiVersion: v1\nkind: Pod\nmetadata: {name: numname}\nspec: {containers: [{name: 5, image: 6}]}\n",
  "apiVersion: 1\nkind: 2\nmetadata: 3\n",
  "apiVersion: [v1]\nkind: {Pod: 1}\nmetadata: {name: [x]}\n",
  "apiVersion: v1\nkind: Service\nmetadata: {name: huge-port}\nspec: {ports: [{port: 99999999999999999999999}]}\n",
  "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nan}\nspec: {replicas: .nan, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}\n",
  "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: inf}\nspec: {replicas: .inf, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}\n",
  "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: hex}\nspec: {replicas: 0x2, selector: {matchLabels: {a: b}}, template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: nginx}]}}}\n",
  "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: yes-no}\nspec: {replicas: yes, paused: yes, selector: {matchLabels: {a: on}}, template: {metadata: {labels: {a: on}}, spec: {containers: [{name: c, image: nginx}]}}}\n",
  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: proto\n  __proto__: {polluted: true}\ndata: {constructor: x, __proto__: y}\n",
  "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kube-system\n",
  "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n  labels: {kubernetes.io/metadata.name: other}\n",
  "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: name-space}\nspec: {containers: [{name: c, image: nginx}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: name-space}\nspec: {containers: [{name: c, image: busybox}]}\n",
];

/** One random, malformed or hostile manifest stream. */
export function manifestText(r: Random): string {
  switch (r.int(10)) {
    case 0:
      return pick(r, RAW_DOCS);
    case 1:
      return deep(r, pick(r, [10, 100, 500, 1000, 3000]));
    case 2:
      return aliasBomb(r);
    case 3: {
      // A multi-document stream mixing good, bad and empty documents.
      const n = 1 + r.int(5);
      const docs: string[] = [];
      for (let i = 0; i < n; i++) docs.push(chance(r, 25) ? pick(r, RAW_DOCS) : yamlDoc(chance(r, 50) ? mutate(r, manifestObject(r)) : manifestObject(r)));
      return docs.join(pick(r, ["\n---\n", "\n--- \n", "\n---\n\n", "\n...\n---\n"]));
    }
    case 4:
      return JSON.stringify(chance(r, 50) ? mutate(r, manifestObject(r)) : manifestObject(r), null, chance(r, 50) ? 2 : undefined);
    case 5: {
      // Byte-level damage to a good document.
      const text = yamlDoc(manifestObject(r));
      const chars = [...text];
      const hits = 1 + r.int(4);
      for (let i = 0; i < hits; i++) chars[r.int(chars.length)] = pick(r, [":", "-", " ", "\t", "'", '"', "{", "[", "&", "*", "!", "|", ">", "#", "%", "@", "`", "\u0000", "\u202e", "\n"]);
      return chars.join("");
    }
    case 6:
      return `${yamlDoc(manifestObject(r))}\n${pick(r, ["extra: key", "  indented: wrong", "- list after map", "metadata: {name: again}", "kind: Other"])}\n`;
    default:
      return yamlDoc(chance(r, 40) ? mutate(r, manifestObject(r)) : manifestObject(r));
  }
}

const DELIMITER = "FUZZ_MANIFEST_END";

/** How a manifest reaches kubectl: a here-document, a pipe, a file or a directory. */
export function manifestStep(r: Random): Step {
  const text = manifestText(r);
  const verb = pick(r, ["apply", "apply", "apply", "create", "replace", "delete", "apply --dry-run=server", "apply --server-side", "create --dry-run=client -o yaml", "apply -o name"]);
  const ns = chance(r, 30) ? ` -n ${pick(r, ["fuzz", "name-space", "kube-system", "nope"])}` : "";
  const body = text.split("\n");
  const quoted = chance(r, 85) ? `'${DELIMITER}'` : DELIMITER;
  switch (r.int(4)) {
    case 0:
      return { label: `cat <<EOF | kubectl ${verb} -f -`, lines: [`cat <<${quoted} | kubectl ${verb}${ns} -f -`, ...body, DELIMITER] };
    case 1:
      return { label: `kubectl ${verb} -f - <<EOF`, lines: [`kubectl ${verb}${ns} -f - <<${quoted}`, ...body, DELIMITER] };
    case 2:
      return { label: `kubectl ${verb} -f /tmp/m.yaml`, lines: [`cat > /tmp/m.yaml <<${quoted}`, ...body, DELIMITER, `kubectl ${verb}${ns} -f /tmp/m.yaml`] };
    default:
      return {
        label: `kubectl ${verb} -f /tmp/dir`,
        lines: ["mkdir -p /tmp/dir", `cat > /tmp/dir/${pick(r, ["a.yaml", "b.yml", "c.json", "d.txt"])} <<${quoted}`, ...body, DELIMITER, `kubectl ${verb}${ns} -f /tmp/dir${chance(r, 50) ? " -R" : ""}`],
      };
  }
}

/** A whole hostile session: `count` steps, about a third of them manifests. */
export function hostileSteps(seed: number, count: number): Step[] {
  const r = new Random(seed);
  const steps: Step[] = [];
  for (let i = 0; i < count; i++) {
    if (chance(r, 35)) steps.push(manifestStep(r));
    else {
      const line = kubectlLine(r);
      steps.push({ label: line, lines: [line] });
    }
  }
  return steps;
}
