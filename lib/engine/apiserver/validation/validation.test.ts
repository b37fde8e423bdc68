import { describe, expect, it } from "vitest";
import { Random } from "../../random";
import {
  applyDefaultTolerationSeconds,
  applyDefaults,
  applyServiceAccountAdmission,
  prepareForCreate,
  prepareForUpdate,
} from "../defaults";
import {
  checkNodePortRange,
  clusterIPAlreadyAllocated,
  decodeError,
  errorString,
  invalidStatusFor,
  kubectlInvalidMessage,
  validateCreate,
  validateUpdate,
  warningsFor,
} from "./index";
import type { Obj } from "./json";

const UID = "6f5b1d2c-8a1e-4c55-9a0e-0c1f2d3e4f50";

/** The create pipeline: defaults, pod admission, the strategy's PrepareForCreate, validation. */
function admit(o: Obj): Obj {
  const meta = (o.metadata ?? {}) as Obj;
  let obj: Obj = applyDefaults<Obj>({ ...o, metadata: { uid: UID, ...meta } });
  if (obj.kind === "Pod") {
    obj = applyDefaultTolerationSeconds(applyServiceAccountAdmission(obj, new Random(7)));
  }
  return prepareForCreate(obj);
}

const create = (o: Obj) => validateCreate(admit(o)).map(errorString);

function update(next: Obj, old: Obj): string[] {
  const stored = { ...admit(old), metadata: { ...(admit(old).metadata as Obj), resourceVersion: "5" } };
  const meta = { uid: UID, ...((next.metadata ?? {}) as Obj), resourceVersion: "5" };
  const candidate = prepareForUpdate(applyDefaults({ ...next, metadata: meta }), stored);
  return validateUpdate(candidate, stored).map(errorString);
}

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

// ---------------------------------------------------------------------------------------------

function pod(spec: Obj, meta: Obj = {}): Obj {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default", ...meta }, spec };
}
const ctr = (extra: Obj = {}): Obj => ({ name: "web", image: "nginx:1.25", ...extra });

describe("Pod", () => {
  it("accepts a complete, valid pod", () => {
    const p = pod({
      containers: [
        ctr({
          ports: [{ name: "http", containerPort: 80 }],
          env: [{ name: "MODE", value: "prod" }, { name: "POD", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }],
          resources: { requests: { cpu: "250m", memory: "64Mi" }, limits: { cpu: "500m", memory: "128Mi" } },
          livenessProbe: { httpGet: { path: "/healthz", port: "http" } },
          readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 5 },
          volumeMounts: [{ name: "data", mountPath: "/data" }],
        }),
      ],
      volumes: [{ name: "data", emptyDir: {} }],
      nodeSelector: { "kubernetes.io/os": "linux" },
      tolerations: [{ key: "dedicated", operator: "Equal", value: "web", effect: "NoSchedule" }],
    });
    expect(create(p)).toEqual([]);
  });

  it("requires containers and images", () => {
    expect(create(pod({ containers: [] }))).toEqual(["spec.containers: Required value"]);
    expect(create(pod({ containers: [ctr({ image: "" })] }))).toEqual(["spec.containers[0].image: Required value"]);
  });

  it("checks container names", () => {
    expect(create(pod({ containers: [ctr({ name: "Web" })] }))).toEqual([`spec.containers[0].name: Invalid value: "Web": ${LABEL_MSG}`]);
    expect(create(pod({ containers: [ctr(), ctr({ image: "busybox" })] }))).toEqual(['spec.containers[1].name: Duplicate value: "web"']);
  });

  it("checks the pod name and namespace", () => {
    expect(create(pod({ containers: [ctr()] }, { name: "My_App" }))).toEqual([`metadata.name: Invalid value: "My_App": ${SUBDOMAIN_MSG}`]);
    expect(create(pod({ containers: [ctr()] }, { namespace: "" }))).toEqual(["metadata.namespace: Required value"]);
  });

  it("checks container ports", () => {
    const ports = (list: Obj[]) => create(pod({ containers: [ctr({ ports: list })] }));
    expect(ports([{ containerPort: 70000 }])).toEqual([
      "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
    ]);
    expect(ports([{ containerPort: 0 }])).toEqual(["spec.containers[0].ports[0].containerPort: Required value"]);
    expect(ports([{ containerPort: 80, protocol: "HTTP" }])).toEqual([
      'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
    expect(ports([{ name: "http", containerPort: 80 }, { name: "http", containerPort: 81 }])).toEqual([
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
    ]);
    expect(ports([{ name: "Web_Port", containerPort: 80 }])).toEqual([
      'spec.containers[0].ports[0].name: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
    expect(ports([{ containerPort: 8080, hostPort: 8080 }, { containerPort: 8080, hostPort: 8080 }])).toEqual([
      'spec.containers[0].ports[1].hostPort: Duplicate value: "TCP//8080"',
    ]);
  });

  it("only warns about a duplicate containerPort without hostPort, as upstream does", () => {
    const p = pod({ containers: [ctr({ ports: [{ containerPort: 80 }, { containerPort: 80 }] })] });
    expect(create(p)).toEqual([]);
    expect(warningsFor(admit(p))).toEqual(["spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]"]);
  });

  it("checks resources", () => {
    const res = (resources: Obj) => create(pod({ containers: [ctr({ resources })] }));
    expect(res({ limits: { cpu: "500m" }, requests: { cpu: "1" } })).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ]);
    expect(res({ limits: { memory: "512Mi" }, requests: { memory: "1Gi" } })).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
    ]);
    expect(res({ limits: { cpu: "-1" } })).toEqual([
      'spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    ]);
    expect(res({ requests: { cpus: "1" } })).toEqual([
      'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers',
    ]);
    expect(res({ requests: { "nvidia.com/gpu": "1" } })).toEqual([
      "spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources",
    ]);
  });

  it("checks probes", () => {
    const probe = (livenessProbe: Obj) => create(pod({ containers: [ctr({ livenessProbe })] }));
    expect(probe({})).toEqual(["spec.containers[0].livenessProbe: Required value: must specify a handler type"]);
    expect(probe({ exec: { command: ["true"] }, tcpSocket: { port: 80 } })).toEqual([
      "spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
    ]);
    expect(probe({ httpGet: { path: "/" } })).toEqual([
      "spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive",
    ]);
    expect(probe({ tcpSocket: { port: 80 }, successThreshold: 2 })).toEqual([
      "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
    ]);
    expect(probe({ tcpSocket: { port: 80 }, periodSeconds: -5 })).toEqual([
      "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0",
    ]);
  });

  it("checks env, volumes and mounts", () => {
    expect(create(pod({ containers: [ctr({ env: [{ value: "x" }] })] }))).toEqual(["spec.containers[0].env[0].name: Required value"]);
    expect(create(pod({ containers: [ctr({ env: [{ name: "A", valueFrom: { configMapKeyRef: { name: "cfg" } } }] })] }))).toEqual([
      "spec.containers[0].env[0].valueFrom.configMapKeyRef.key: Required value",
    ]);
    expect(create(pod({ containers: [ctr({ volumeMounts: [{ name: "data", mountPath: "/data" }] })] }))).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]);
    expect(create(pod({ containers: [ctr()], volumes: [{ name: "my_data", emptyDir: {} }] }))).toEqual([
      `spec.volumes[0].name: Invalid value: "my_data": ${LABEL_MSG}`,
    ]);
    expect(create(pod({ containers: [ctr()], volumes: [{ name: "cfg", configMap: {} }] }))).toEqual([
      "spec.volumes[0].configMap.name: Required value",
    ]);
  });

  it("checks restartPolicy, nodeSelector and tolerations", () => {
    expect(create(pod({ restartPolicy: "Sometimes", containers: [ctr()] }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
    expect(create(pod({ nodeSelector: { disk: "fast ssd" }, containers: [ctr()] }))).toEqual([
      `spec.nodeSelector: Invalid value: "fast ssd": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
    expect(create(pod({ tolerations: [{ key: "k", operator: "Equals", value: "v" }], containers: [ctr()] }))).toEqual([
      'spec.tolerations[0].operator: Unsupported value: "Equals": supported values: "Equal", "Exists"',
    ]);
    expect(create(pod({ tolerations: [{ key: "k", operator: "Exists", effect: "NoSchedul" }], containers: [ctr()] }))).toEqual([
      'spec.tolerations[0].effect: Unsupported value: "NoSchedul": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
    expect(create(pod({ tolerations: [{ key: "k", operator: "Exists", value: "v" }], containers: [ctr()] }))).toEqual([
      "spec.tolerations[0].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
    ]);
  });

  it("checks node affinity", () => {
    const affinity = (required: Obj) =>
      create(pod({ containers: [ctr()], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required } } }));
    expect(affinity({ nodeSelectorTerms: [] })).toEqual([
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term",
    ]);
    expect(affinity({ nodeSelectorTerms: [{ matchExpressions: [{ key: "disk", operator: "Equals", values: ["ssd"] }] }] })).toEqual([
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
    ]);
  });

  it("allows image updates but forbids other spec changes", () => {
    const base = pod({ containers: [ctr()] });
    // Updates start from the stored object (as kubectl apply's patch does).
    const stored = admit(base);
    const withContainer = (change: Obj) => {
      const spec = stored.spec as Obj;
      const containers = spec.containers as Obj[];
      return { ...stored, spec: { ...spec, containers: [{ ...containers[0]!, ...change }] } };
    };
    expect(update(withContainer({ image: "nginx:1.26" }), base)).toEqual([]);
    const errs = update(withContainer({ ports: [{ containerPort: 80 }] }), base);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(
      /^spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,`spec\.initContainers\[\*\]\.image`,`spec\.activeDeadlineSeconds`,`spec\.tolerations` \(only additions to existing tolerations\),`spec\.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n  core\.PodSpec\{\n  \t\.\.\. \/\/ 2 identical fields\n- \tContainers: /,
    );
    expect(errs[0]).toContain('+ \tContainers: {{Name: "web", Image: "nginx:1.25", Ports: {{ContainerPort: 80, Protocol: "TCP"}}');
    const spec = stored.spec as Obj;
    const twoContainers = { ...stored, spec: { ...spec, containers: [...(spec.containers as Obj[]), ctr({ name: "sidecar" })] } };
    expect(update(twoContainers, base)).toEqual(["spec.containers: Forbidden: pod updates may not add or remove containers"]);
  });
});

// ---------------------------------------------------------------------------------------------

function deployment(spec: Obj, name = "nginx"): Obj {
  return { apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace: "default" }, spec };
}
const template = (labels: Obj | undefined, spec: Obj = {}): Obj => ({
  metadata: labels ? { labels } : {},
  spec: { containers: [{ name: "nginx", image: "nginx:1.25" }], ...spec },
});

describe("Deployment", () => {
  const valid = deployment({ replicas: 3, selector: { matchLabels: { app: "nginx" } }, template: template({ app: "nginx" }) });

  it("accepts a valid deployment", () => {
    expect(create(valid)).toEqual([]);
  });

  it("requires the selector to match the template labels", () => {
    const d = deployment({ selector: { matchLabels: { app: "web" } }, template: template({ app: "nginx" }) });
    expect(create(d)).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
    ]);
    const status = invalidStatusFor(admit(d), validateCreate(admit(d)));
    expect(status.message).toBe(
      'Deployment.apps "nginx" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
    );
    expect(kubectlInvalidMessage(status)).toBe(
      'The Deployment "nginx" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`\n',
    );
  });

  it("requires a selector", () => {
    expect(create(deployment({ template: template({ app: "nginx" }) }))).toEqual([
      "spec.selector: Required value",
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
    ]);
    expect(create(deployment({ selector: {}, template: template({ app: "nginx" }) }))).toEqual([
      "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment",
    ]);
  });

  it("checks replicas, revisionHistoryLimit and progressDeadlineSeconds", () => {
    const spec = { selector: { matchLabels: { app: "nginx" } }, template: template({ app: "nginx" }) };
    expect(create(deployment({ ...spec, replicas: -1 }))).toEqual(["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]);
    expect(create(deployment({ ...spec, revisionHistoryLimit: -2 }))).toEqual([
      "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0",
    ]);
    expect(create(deployment({ ...spec, minReadySeconds: 30, progressDeadlineSeconds: 10 }))).toEqual([
      "spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds",
    ]);
  });

  it("checks the strategy", () => {
    const spec = { selector: { matchLabels: { app: "nginx" } }, template: template({ app: "nginx" }) };
    expect(create(deployment({ ...spec, strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
    expect(create(deployment({ ...spec, strategy: { rollingUpdate: { maxUnavailable: "110%" } } }))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%',
    ]);
    expect(create(deployment({ ...spec, strategy: { rollingUpdate: { maxSurge: "one" } } }))).toEqual([
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"one"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ]);
    expect(create(deployment({ ...spec, strategy: { type: "Rolling" } }))).toEqual([
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ]);
    expect(create(deployment({ ...spec, strategy: { type: "Recreate", rollingUpdate: { maxSurge: 1 } } }))).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
  });

  it("requires restartPolicy Always in the template", () => {
    const d = deployment({ selector: { matchLabels: { app: "nginx" } }, template: template({ app: "nginx" }, { restartPolicy: "Never" }) });
    expect(create(d)).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  });

  it("reports template label errors under spec.template.labels, as upstream", () => {
    const d = deployment({ selector: { matchLabels: { app: "nginx" } }, template: template({ app: "nginx", "bad key": "x" }) });
    expect(create(d)).toEqual([
      `spec.template.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });

  it("keeps the selector immutable", () => {
    const next = deployment({ replicas: 3, selector: { matchLabels: { app: "nginx2" } }, template: template({ app: "nginx2" }) });
    expect(update(next, valid)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
    expect(update(deployment({ ...(valid.spec as Obj), replicas: 5 }), valid)).toEqual([]);
  });
});

describe("ReplicaSet", () => {
  const rs = (spec: Obj): Obj => ({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web", namespace: "default" }, spec });

  it("accepts a valid replica set and reports selector problems", () => {
    expect(create(rs({ selector: { matchLabels: { app: "web" } }, template: template({ app: "web" }) }))).toEqual([]);
    expect(create(rs({ selector: { matchLabels: { app: "web" } }, template: template({ tier: "web" }) }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"tier":"web"}: `selector` does not match template `labels`',
    ]);
    expect(create(rs({ replicas: -3, selector: { matchLabels: { app: "web" } }, template: template({ app: "web" }) }))).toEqual([
      "spec.replicas: Invalid value: -3: must be greater than or equal to 0",
    ]);
  });

  it("matches set-based selectors", () => {
    const sel = { matchExpressions: [{ key: "tier", operator: "In", values: ["web", "api"] }] };
    expect(create(rs({ selector: sel, template: template({ tier: "api" }) }))).toEqual([]);
    expect(create(rs({ selector: { matchExpressions: [{ key: "tier", operator: "In" }] }, template: template({ tier: "api" }) }))).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"tier\", Operator:\"In\", Values:[]string(nil)}}}: invalid label selector",
    ]);
  });
});

describe("DaemonSet", () => {
  const ds = (spec: Obj): Obj => ({ apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "agent", namespace: "kube-system" }, spec });
  const spec = { selector: { matchLabels: { app: "agent" } }, template: template({ app: "agent" }) };

  it("accepts a valid daemon set", () => {
    expect(create(ds(spec))).toEqual([]);
    expect(create(ds({ ...spec, updateStrategy: { type: "OnDelete" } }))).toEqual([]);
  });

  it("checks the update strategy", () => {
    expect(create(ds({ ...spec, updateStrategy: { rollingUpdate: { maxUnavailable: 0 } } }))).toEqual([
      "spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0",
    ]);
    expect(create(ds({ ...spec, updateStrategy: { rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } }))).toEqual([
      "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero",
    ]);
    expect(create(ds({ ...spec, updateStrategy: { type: "Rolling" } }))).toEqual([
      'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"',
    ]);
  });

  it("reports a selector that does not match", () => {
    expect(create(ds({ ...spec, selector: { matchLabels: { app: "other" } } }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"agent"}: `selector` does not match template `labels`',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("Job", () => {
  const job = (spec: Obj): Obj => ({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "pi", namespace: "default" }, spec });
  const tmpl = (extra: Obj = {}): Obj => ({
    spec: { restartPolicy: "Never", containers: [{ name: "pi", image: "perl:5.34", command: ["perl", "-e", "print 1"] }], ...extra },
  });

  it("accepts a valid job (with the generated selector)", () => {
    expect(create(job({ template: tmpl() }))).toEqual([]);
    expect(create(job({ template: tmpl({ restartPolicy: "OnFailure" }), completions: 5, parallelism: 2 }))).toEqual([]);
  });

  it("requires restartPolicy OnFailure or Never", () => {
    expect(create(job({ template: tmpl({ restartPolicy: undefined }) }))).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
    expect(create(job({ template: tmpl({ restartPolicy: "Always" }) }))).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
    expect(create(job({ template: tmpl({ restartPolicy: "Sometimes" }) }))).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
    ]);
  });

  it("checks completions, parallelism, backoffLimit and completionMode", () => {
    expect(create(job({ template: tmpl(), completions: -1 }))).toEqual(["spec.completions: Invalid value: -1: must be greater than or equal to 0"]);
    expect(create(job({ template: tmpl(), parallelism: -2 }))).toEqual(["spec.parallelism: Invalid value: -2: must be greater than or equal to 0"]);
    expect(create(job({ template: tmpl(), backoffLimit: -1 }))).toEqual(["spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0"]);
    expect(create(job({ template: tmpl(), completionMode: "Parallel" }))).toEqual([
      'spec.completionMode: Unsupported value: "Parallel": supported values: "NonIndexed", "Indexed"',
    ]);
  });

  it("requires a selector with manualSelector", () => {
    expect(create(job({ template: tmpl(), manualSelector: true }))).toEqual([
      "spec.selector: Required value",
      "spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`",
    ]);
  });

  it("keeps the template and completions immutable", () => {
    const old = job({ template: tmpl(), completions: 2 });
    const stored = admit(old);
    const spec = stored.spec as Obj;
    const changedImage = {
      ...stored,
      spec: { ...spec, template: { ...(spec.template as Obj), spec: { ...((spec.template as Obj).spec as Obj), containers: [{ name: "pi", image: "perl:5.36" }] } } },
    };
    const errs = update(changedImage, old);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^spec\.template: Invalid value: core\.PodTemplateSpec\{ObjectMeta:v1\.ObjectMeta\{Name:"", /);
    expect(errs[0]).toMatch(/Containers:\[\]core\.Container\{core\.Container\{Name:"pi", Image:"perl:5\.36", /);
    expect(errs[0]).toMatch(/: field is immutable$/);
    expect(update({ ...stored, spec: { ...spec, completions: 3 } }, old)).toEqual([
      "spec.completions: Invalid value: 3: field is immutable",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("Service", () => {
  const svc = (spec: Obj, name = "web"): Obj => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec });

  it("accepts valid services", () => {
    expect(create(svc({ selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] }))).toEqual([]);
    expect(create(svc({ type: "NodePort", selector: { app: "web" }, ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([]);
    expect(create(svc({ clusterIP: "None", selector: { app: "db" } }))).toEqual([]);
    expect(create(svc({ type: "ExternalName", externalName: "db.example.com" }))).toEqual([]);
  });

  it("uses DNS-1035 labels for names", () => {
    expect(create(svc({ ports: [{ port: 80 }] }, "1web"))).toEqual([
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it("checks ports", () => {
    expect(create(svc({ selector: { app: "web" } }))).toEqual(["spec.ports: Required value"]);
    expect(create(svc({ ports: [{ port: 0 }] }))).toEqual([
      "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
      "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
    ]);
    expect(create(svc({ ports: [{ name: "a", port: 80 }, { name: "b", port: 80 }] }))).toEqual([
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
    expect(create(svc({ ports: [{ port: 80 }, { port: 443 }] }))).toEqual([
      "spec.ports[0].name: Required value",
      "spec.ports[1].name: Required value",
    ]);
    expect(create(svc({ ports: [{ port: 80, targetPort: 70000 }] }))).toEqual([
      "spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
    ]);
    expect(create(svc({ ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });

  it("checks type, clusterIP and selector", () => {
    expect(create(svc({ type: "Public", ports: [{ port: 80 }] }))).toEqual([
      'spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
    expect(create(svc({ clusterIP: "10.96.0.300", ports: [{ port: 80 }] }))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
    expect(create(svc({ type: "ExternalName" }))).toEqual(["spec.externalName: Required value"]);
  });

  it("reports a NodePort outside the range (the allocator's error)", () => {
    const s = admit(svc({ type: "NodePort", ports: [{ port: 80, nodePort: 40000 }] }));
    expect(checkNodePortRange(s).map(errorString)).toEqual([
      "spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767",
    ]);
    expect(clusterIPAlreadyAllocated(["10.96.0.10"], "10.96.0.10")).toMatchObject({ field: "spec.clusterIPs" });
  });

  it("keeps clusterIP immutable", () => {
    const stored = { ...svc({ ports: [{ port: 80 }] }), spec: { ports: [{ port: 80 }], clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"] } };
    const next = svc({ ports: [{ port: 80 }], clusterIP: "10.96.0.99", clusterIPs: ["10.96.0.10"] });
    expect(update(next, stored)).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set',
    ]);
    expect(update(svc({ ports: [{ port: 8080 }], clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"] }), stored)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("ConfigMap and Secret", () => {
  const cm = (data: Obj): Obj => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "default" }, data });
  const secret = (extra: Obj): Obj => ({ apiVersion: "v1", kind: "Secret", metadata: { name: "creds", namespace: "default" }, ...extra });

  it("checks config keys", () => {
    expect(create(cm({ "app.properties": "a=b", LOG_LEVEL: "debug" }))).toEqual([]);
    expect(create(cm({ "log level": "debug" }))).toEqual([
      `data[log level]: Invalid value: "log level": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ]);
    expect(create(cm({ big: "x".repeat(1024 * 1024 + 1) }))).toEqual(["[]: Too long: must have at most 1048576 bytes"]);
  });

  it("reports a number as a ConfigMap value at decode time", () => {
    expect(decodeError(cm({ PORT: 8080 }))).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    );
  });

  it("checks secrets by type", () => {
    expect(create(secret({ data: { password: "czNjcjN0" } }))).toEqual([]);
    expect(create(secret({ stringData: { password: "s3cr3t" } }))).toEqual([]);
    expect(create(secret({ type: "kubernetes.io/tls", data: { "tls.crt": "Y2VydA==" } }))).toEqual(["data[tls.key]: Required value"]);
    expect(create(secret({ type: "kubernetes.io/dockerconfigjson", data: { ".dockerconfigjson": "bm90IGpzb24=" } }))).toEqual([
      `data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character 'o' in literal null (expecting 'u')`,
    ]);
    expect(create(secret({ data: { "my key": "eA==" } }))[0]).toMatch(/^data\[my key\]: Invalid value: "my key": a valid config key/);
  });

  it("reports bad base64 at decode time", () => {
    expect(decodeError(secret({ data: { password: "not-base64!" } }))).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    );
  });

  it("keeps the secret type immutable", () => {
    const old = secret({ data: { a: "eA==" } });
    expect(update(secret({ type: "kubernetes.io/basic-auth", data: { username: "eA==" } }), old)).toEqual([
      'type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("cluster-scoped and smaller kinds", () => {
  it("Namespace names are DNS-1123 labels", () => {
    expect(create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } })).toEqual([]);
    expect(create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team.a" } })).toEqual([
      `metadata.name: Invalid value: "team.a": ${LABEL_MSG}`,
    ]);
  });

  it("Node taints and names", () => {
    const node = (spec: Obj, name = "worker-1"): Obj => ({ apiVersion: "v1", kind: "Node", metadata: { name }, spec });
    expect(create(node({ taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] }))).toEqual([]);
    expect(create(node({ taints: [{ key: "dedicated", value: "gpu" }] }))).toEqual(["metadata.taints[0].effect: Required value"]);
    expect(create(node({}, "Worker_1"))).toEqual([`metadata.name: Invalid value: "Worker_1": ${SUBDOMAIN_MSG}`]);
  });

  it("ServiceAccount names", () => {
    expect(create({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "builder", namespace: "default" } })).toEqual([]);
    expect(create({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "Builder", namespace: "default" } })).toEqual([
      `metadata.name: Invalid value: "Builder": ${SUBDOMAIN_MSG}`,
    ]);
  });

  it("Endpoints addresses and ports", () => {
    const ep = (subsets: Obj[]): Obj => ({ apiVersion: "v1", kind: "Endpoints", metadata: { name: "web", namespace: "default" }, subsets });
    expect(create(ep([{ addresses: [{ ip: "10.244.1.5" }], ports: [{ port: 8080 }] }]))).toEqual([]);
    expect(create(ep([{ ports: [{ port: 8080 }] }]))).toEqual(["subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`"]);
    expect(create(ep([{ addresses: [{ ip: "127.0.0.1" }] }]))).toEqual([
      'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
    expect(create(ep([{ addresses: [{ ip: "10.0.0.x" }] }]))).toEqual([
      'subsets[0].addresses[0].ip: Invalid value: "10.0.0.x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[0].addresses[0].ip: Invalid value: "10.0.0.x": must be a valid IP address',
    ]);
  });

  it("EndpointSlice address types", () => {
    const slice = (extra: Obj): Obj => ({
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "web-abcde", namespace: "default" },
      ...extra,
    });
    expect(create(slice({ addressType: "IPv4", endpoints: [{ addresses: ["10.244.1.5"] }], ports: [{ port: 80 }] }))).toEqual([]);
    expect(create(slice({ endpoints: [] }))).toEqual(["addressType: Required value"]);
    expect(create(slice({ addressType: "IPv4", endpoints: [{ addresses: [] }] }))).toEqual([
      "endpoints[0].addresses: Required value: must contain at least 1 address",
    ]);
  });

  it("Event namespaces must agree", () => {
    const ev = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "web.1", namespace: "default" },
      involvedObject: { kind: "Pod", name: "web", namespace: "prod" },
      reason: "Started",
    };
    expect(create(ev)).toEqual(['involvedObject.namespace: Invalid value: "prod": does not match event.namespace']);
  });

  it("Lease durations", () => {
    const lease = (spec: Obj): Obj => ({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "node-1", namespace: "kube-node-lease" }, spec });
    expect(create(lease({ holderIdentity: "node-1", leaseDurationSeconds: 40 }))).toEqual([]);
    expect(create(lease({ leaseDurationSeconds: 0 }))).toEqual(["spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"]);
  });

  it("ResourceQuota resource names and values", () => {
    const rq = (hard: Obj): Obj => ({ apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "quota", namespace: "default" }, spec: { hard } });
    expect(create(rq({ pods: "10", "requests.cpu": "4", "limits.memory": "8Gi", "count/deployments.apps": "5" }))).toEqual([]);
    expect(create(rq({ pods: "-1" }))).toEqual(['spec.hard[pods]: Invalid value: "-1": must be greater than or equal to 0']);
    expect(create(rq({ cpus: "1" }))).toEqual([
      'spec.hard[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
      'spec.hard[cpus]: Invalid value: "cpus": must be a standard resource for quota',
    ]);
  });

  it("LimitRange bounds", () => {
    const lr = (limits: Obj[]): Obj => ({ apiVersion: "v1", kind: "LimitRange", metadata: { name: "limits", namespace: "default" }, spec: { limits } });
    expect(create(lr([{ type: "Container", default: { cpu: "500m" }, defaultRequest: { cpu: "250m" }, max: { cpu: "1" } }]))).toEqual([]);
    const errs = create(lr([{ type: "Container", min: { cpu: "2" }, max: { cpu: "1" } }]));
    expect(errs[0]).toMatch(/^spec\.limits\[0\]\.min\[cpu\]: Invalid value: resource\.Quantity\{.*\}: min value 2 is greater than max value 1$/);
  });
});
