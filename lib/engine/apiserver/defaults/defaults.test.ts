import { describe, expect, it } from "vitest";
import { Random } from "../../random";
import type { Obj } from "../validation/json";
import {
  applyDefaultTolerationSeconds,
  applyDefaults,
  applyPriorityAdmission,
  applyServiceAccountAdmission,
  defaultPullPolicy,
  podQOSClass,
  prepareForCreate,
  prepareForUpdate,
} from "./index";

const UID = "0b0ec9b2-3b1c-4d8e-9a6f-5e2f7c1d0a11";

describe("Deployment", () => {
  it("fills in what a v1.32 server returns for a minimal deployment", () => {
    const input = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "nginx", namespace: "default", labels: { app: "nginx" } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: "nginx" } },
        template: {
          metadata: { labels: { app: "nginx" } },
          spec: { containers: [{ name: "nginx", image: "nginx:1.14.2", ports: [{ containerPort: 80 }] }] },
        },
      },
    };
    const out = prepareForCreate(applyDefaults(input));
    expect(out).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "nginx", namespace: "default", labels: { app: "nginx" }, generation: 1 },
      spec: {
        progressDeadlineSeconds: 600,
        replicas: 3,
        revisionHistoryLimit: 10,
        selector: { matchLabels: { app: "nginx" } },
        strategy: { rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" }, type: "RollingUpdate" },
        template: {
          metadata: { creationTimestamp: null, labels: { app: "nginx" } },
          spec: {
            containers: [
              {
                image: "nginx:1.14.2",
                imagePullPolicy: "IfNotPresent",
                name: "nginx",
                ports: [{ containerPort: 80, protocol: "TCP" }],
                resources: {},
                terminationMessagePath: "/dev/termination-log",
                terminationMessagePolicy: "File",
              },
            ],
            dnsPolicy: "ClusterFirst",
            restartPolicy: "Always",
            schedulerName: "default-scheduler",
            securityContext: {},
            terminationGracePeriodSeconds: 30,
          },
        },
      },
      status: {},
    });
    expect(input.spec.template.spec.containers[0]).not.toHaveProperty("imagePullPolicy");
  });

  it("keeps values the user set and only defaults the rolling update of that strategy", () => {
    const out = applyDefaults({
      kind: "Deployment",
      spec: { replicas: 0, strategy: { type: "Recreate" }, revisionHistoryLimit: 2, template: {} },
    });
    expect(out.spec).toMatchObject({ replicas: 0, strategy: { type: "Recreate" }, revisionHistoryLimit: 2, progressDeadlineSeconds: 600 });
    expect(out.spec.strategy).not.toHaveProperty("rollingUpdate");
    const partial = applyDefaults({ kind: "Deployment", spec: { strategy: { rollingUpdate: { maxSurge: 1 } }, template: {} } });
    expect(partial.spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: "25%" } });
  });
});

describe("Pod", () => {
  const minimal = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "nginx", namespace: "default" },
    spec: { containers: [{ name: "nginx", image: "nginx" }] },
  };

  it("matches what a real server returns after defaulting and admission", () => {
    const admitted = applyDefaultTolerationSeconds(applyServiceAccountAdmission(applyDefaults(minimal), new Random(42)));
    const out = prepareForCreate(admitted);
    const volumeName = ((out.spec as Obj).volumes as Obj[])[0]!.name as string;
    expect(volumeName).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(out).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "nginx", namespace: "default" },
      spec: {
        containers: [
          {
            image: "nginx",
            imagePullPolicy: "Always",
            name: "nginx",
            resources: {},
            terminationMessagePath: "/dev/termination-log",
            terminationMessagePolicy: "File",
            volumeMounts: [{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: volumeName, readOnly: true }],
          },
        ],
        dnsPolicy: "ClusterFirst",
        enableServiceLinks: true,
        preemptionPolicy: "PreemptLowerPriority",
        priority: 0,
        restartPolicy: "Always",
        schedulerName: "default-scheduler",
        securityContext: {},
        serviceAccount: "default",
        serviceAccountName: "default",
        terminationGracePeriodSeconds: 30,
        tolerations: [
          { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
          { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
        ],
        volumes: [
          {
            name: volumeName,
            projected: {
              defaultMode: 420,
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
                { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
                { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
              ],
            },
          },
        ],
      },
      status: { phase: "Pending", qosClass: "BestEffort" },
    });
  });

  it("draws the token volume suffix from the seeded generator", () => {
    const a = applyServiceAccountAdmission(minimal, new Random(1));
    const b = applyServiceAccountAdmission(minimal, new Random(1));
    const c = applyServiceAccountAdmission(minimal, new Random(2));
    const name = (p: Obj) => ((p.spec as Obj).volumes as Obj[])[0]!.name;
    expect(name(a)).toBe(name(b));
    expect(name(a)).not.toBe(name(c));
  });

  it("respects automountServiceAccountToken and existing mounts", () => {
    const off = applyServiceAccountAdmission({ ...minimal, spec: { ...minimal.spec, automountServiceAccountToken: false } }, new Random(1));
    expect((off.spec as Obj).volumes).toBeUndefined();
    const saOff = applyServiceAccountAdmission(minimal, new Random(1), { serviceAccountAutomount: false });
    expect((saOff.spec as Obj).volumes).toBeUndefined();
    expect((saOff.spec as Obj).serviceAccountName).toBe("default");
  });

  it("does not add tolerations the pod already has", () => {
    const tolerateAll = { ...minimal, spec: { ...minimal.spec, tolerations: [{ operator: "Exists" }] } };
    expect((applyDefaultTolerationSeconds(tolerateAll).spec as Obj).tolerations).toEqual([{ operator: "Exists" }]);
    const custom = {
      ...minimal,
      spec: { ...minimal.spec, tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 }] },
    };
    expect((applyDefaultTolerationSeconds(custom).spec as Obj).tolerations).toEqual([
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 },
      { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
    ]);
  });

  it("defaults probes, ports, env field refs, volumes and requests from limits", () => {
    const out = applyDefaults({
      kind: "Pod",
      spec: {
        containers: [
          {
            name: "app",
            image: "registry.local:5000/team/app@sha256:" + "a".repeat(64),
            ports: [{ containerPort: 8080 }],
            env: [{ name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }],
            resources: { limits: { cpu: "0.5", memory: "1024Mi" } },
            livenessProbe: { httpGet: { port: 8080 } },
            readinessProbe: { exec: { command: ["true"] }, periodSeconds: 5 },
          },
        ],
        volumes: [{ name: "scratch" }, { name: "cfg", configMap: { name: "app" } }, { name: "host", hostPath: { path: "/var/log" } }],
      },
    });
    const c = (out.spec as Obj).containers as Obj[];
    expect(c[0]).toEqual({
      name: "app",
      image: "registry.local:5000/team/app@sha256:" + "a".repeat(64),
      imagePullPolicy: "IfNotPresent",
      ports: [{ containerPort: 8080, protocol: "TCP" }],
      env: [{ name: "NODE", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } }],
      resources: { limits: { cpu: "500m", memory: "1Gi" }, requests: { cpu: "500m", memory: "1Gi" } },
      livenessProbe: { httpGet: { path: "/", port: 8080, scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      readinessProbe: { exec: { command: ["true"] }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "File",
    });
    expect((out.spec as Obj).volumes).toEqual([
      { name: "scratch", emptyDir: {} },
      { name: "cfg", configMap: { name: "app", defaultMode: 420 } },
      { name: "host", hostPath: { path: "/var/log", type: "" } },
    ]);
  });

  it("computes the QoS class", () => {
    const withResources = (resources: Obj) =>
      podQOSClass(applyDefaults({ kind: "Pod", spec: { containers: [{ name: "a", image: "x", resources }] } }));
    expect(withResources({})).toBe("BestEffort");
    expect(withResources({ limits: { cpu: "1", memory: "1Gi" } })).toBe("Guaranteed");
    expect(withResources({ requests: { cpu: "100m" } })).toBe("Burstable");
    expect(withResources({ requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "2", memory: "1Gi" } })).toBe("Burstable");
  });

  it("resolves priority classes", () => {
    const r = applyPriorityAdmission({ kind: "Pod", spec: { priorityClassName: "system-node-critical" } });
    expect("pod" in r && (r.pod.spec as Obj).priority).toBe(2000001000);
    expect(applyPriorityAdmission({ kind: "Pod", spec: { priorityClassName: "gold" } })).toEqual({
      forbidden: "no PriorityClass with name gold was found",
    });
  });

  it("chooses imagePullPolicy from the tag", () => {
    expect(defaultPullPolicy("nginx")).toBe("Always");
    expect(defaultPullPolicy("nginx:latest")).toBe("Always");
    expect(defaultPullPolicy("nginx:1.25")).toBe("IfNotPresent");
    expect(defaultPullPolicy("localhost:5000/nginx")).toBe("Always");
    expect(defaultPullPolicy("Nginx")).toBe("IfNotPresent");
  });
});

describe("Service", () => {
  it("fills in what a v1.32 server returns for a minimal service", () => {
    const out = prepareForCreate(
      applyDefaults({
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "web", namespace: "default" },
        spec: { selector: { app: "web" }, ports: [{ port: 80 }] },
      }),
    );
    expect(out).toEqual({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "default" },
      spec: {
        internalTrafficPolicy: "Cluster",
        ipFamilies: ["IPv4"],
        ipFamilyPolicy: "SingleStack",
        ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
        selector: { app: "web" },
        sessionAffinity: "None",
        type: "ClusterIP",
      },
      status: { loadBalancer: {} },
    });
  });

  it("defaults NodePort, LoadBalancer, ClientIP and headless services", () => {
    const np = applyDefaults({ kind: "Service", spec: { type: "NodePort", ports: [{ port: 80, targetPort: "http" }] } });
    expect(np.spec).toMatchObject({ externalTrafficPolicy: "Cluster", internalTrafficPolicy: "Cluster" });
    expect((np.spec as Obj).ports).toEqual([{ port: 80, targetPort: "http", protocol: "TCP" }]);
    const lb = applyDefaults({ kind: "Service", spec: { type: "LoadBalancer", ports: [{ port: 443 }] } });
    expect(lb.spec).toMatchObject({ allocateLoadBalancerNodePorts: true, externalTrafficPolicy: "Cluster" });
    const sticky = applyDefaults({ kind: "Service", spec: { sessionAffinity: "ClientIP", ports: [{ port: 80 }] } });
    expect((sticky.spec as Obj).sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    const headless = prepareForCreate(applyDefaults({ kind: "Service", spec: { clusterIP: "None", ports: [{ port: 5432 }] } }));
    expect(headless.spec).toMatchObject({ clusterIPs: ["None"], ipFamilyPolicy: "RequireDualStack", ipFamilies: ["IPv4"] });
    const external = applyDefaults({ kind: "Service", spec: { type: "ExternalName", externalName: "db.example.com" } });
    expect(external.spec).not.toHaveProperty("ipFamilies");
    expect(external.spec).not.toHaveProperty("internalTrafficPolicy");
  });
});

describe("other kinds", () => {
  it("Job: defaults, generated selector and labels", () => {
    const job = prepareForCreate(
      applyDefaults({
        apiVersion: "batch/v1",
        kind: "Job",
        metadata: { name: "pi", namespace: "default", uid: UID },
        spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "pi", image: "perl:5.34" }] } } },
      }),
    );
    const labels = {
      "batch.kubernetes.io/controller-uid": UID,
      "batch.kubernetes.io/job-name": "pi",
      "controller-uid": UID,
      "job-name": "pi",
    };
    expect(job.metadata).toEqual({ name: "pi", namespace: "default", uid: UID, generation: 1, labels });
    const spec = job.spec as Obj;
    expect(spec).toMatchObject({
      backoffLimit: 6,
      completionMode: "NonIndexed",
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: "TerminatingOrFailed",
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": UID } },
      suspend: false,
    });
    expect((spec.template as Obj).metadata).toEqual({ creationTimestamp: null, labels });
    expect(job.status).toEqual({});
  });

  it("DaemonSet: update strategy, history and template generation", () => {
    const ds = prepareForCreate(
      applyDefaults({ kind: "DaemonSet", metadata: { name: "agent" }, spec: { selector: { matchLabels: { a: "b" } }, template: {} } }),
    );
    expect(ds.spec).toMatchObject({ updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }, revisionHistoryLimit: 10 });
    expect(ds.metadata).toEqual({ name: "agent", generation: 1, annotations: { "deprecated.daemonset.template.generation": "1" } });
    expect(ds.status).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
    const changed = prepareForUpdate({ ...ds, spec: { ...(ds.spec as Obj), template: { metadata: { labels: { a: "b" } } } } }, ds);
    expect(changed.metadata).toMatchObject({ generation: 2, annotations: { "deprecated.daemonset.template.generation": "2" } });
  });

  it("ReplicaSet: replicas and the initial status", () => {
    const rs = prepareForCreate(applyDefaults({ kind: "ReplicaSet", metadata: { name: "web" }, spec: { template: {} } }));
    expect((rs.spec as Obj).replicas).toBe(1);
    expect(rs.status).toEqual({ replicas: 0 });
  });

  it("Namespace: name label, finalizer and phase", () => {
    const ns = prepareForCreate(applyDefaults({ apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } }));
    expect(ns).toEqual({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "dev", labels: { "kubernetes.io/metadata.name": "dev" } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    });
  });

  it("Secret: type Opaque and stringData folded into data", () => {
    const s = applyDefaults({ apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, stringData: { password: "s3cr3t", user: "é" } });
    expect(s).toEqual({ apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, type: "Opaque", data: { password: "czNjcjN0", user: "w6k=" } });
  });

  it("EndpointSlice ports and conditions, Endpoints protocols", () => {
    const es = applyDefaults({ kind: "EndpointSlice", addressType: "IPv4", endpoints: [{ addresses: ["10.0.0.1"] }], ports: [{ port: 80 }] });
    expect(es).toMatchObject({ endpoints: [{ addresses: ["10.0.0.1"], conditions: {} }], ports: [{ name: "", port: 80, protocol: "TCP" }] });
    const ep = applyDefaults({ kind: "Endpoints", subsets: [{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80 }] }] });
    expect(ep).toMatchObject({ subsets: [{ ports: [{ port: 80, protocol: "TCP" }] }] });
  });

  it("LimitRange and ResourceQuota quantities", () => {
    const lr = applyDefaults({ kind: "LimitRange", spec: { limits: [{ type: "Container", max: { cpu: "2" }, min: { memory: "0.5Gi" } }] } });
    expect((lr.spec as Obj).limits).toEqual([
      { type: "Container", max: { cpu: "2" }, min: { memory: "512Mi" }, default: { cpu: "2" }, defaultRequest: { cpu: "2", memory: "512Mi" } },
    ]);
    const rq = applyDefaults({ kind: "ResourceQuota", spec: { hard: { "requests.cpu": "0.5", pods: "10" } } });
    expect((rq.spec as Obj).hard).toEqual({ "requests.cpu": "500m", pods: "10" });
  });

  it("Node: allocatable from capacity and zero-valued status structs", () => {
    const node = applyDefaults({ kind: "Node", metadata: { name: "n1" }, status: { capacity: { cpu: "4", memory: "8Gi", pods: "110" } } });
    expect(node.status).toMatchObject({
      capacity: { cpu: "4", memory: "8Gi", pods: "110" },
      allocatable: { cpu: "4", memory: "8Gi", pods: "110" },
      daemonEndpoints: { kubeletEndpoint: { Port: 0 } },
    });
  });

  it("leaves unknown kinds alone and never mutates its input", () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1" } };
    expect(applyDefaults(cm)).toEqual(cm);
    expect(applyDefaults(cm)).not.toBe(cm);
  });
});
