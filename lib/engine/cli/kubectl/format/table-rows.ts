// Column definitions and row cells per kind, as the API server's table printers build them
// (kubernetes/pkg/printers/internalversion/printers.go). The server always generates the wide
// cells; kubectl hides the priority-1 columns unless -o wide.
import type { Millis } from "../../../clock";
import { humanDuration, translateTimestampSince } from "./duration";
import { formatLabels, formatLabelSelector, goStringCompare, selectorString, sortedKeys } from "./labels";
import { canonicalQuantity } from "./quantity";
import { parseTime, formatRFC3339 } from "./time";
import type {
  Condition,
  ConfigMap,
  Container,
  CronJob,
  DaemonSet,
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  Job,
  KubeObject,
  LabelSelector,
  Lease,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ReplicaSet,
  ReplicationController,
  ResourceQuota,
  Secret,
  Service,
  ServiceAccount,
  StatefulSet,
} from "./types";

export interface ColumnDefinition {
  name: string;
  /** 1: only shown with -o wide. */
  priority?: number;
  /** "name": the column kubectl prefixes with the kind in mixed tables. */
  format?: "name";
}

export interface RowContext {
  now: Millis;
}

export interface KindPrinter {
  columns: ColumnDefinition[];
  row: (obj: KubeObject, ctx: RowContext) => string[];
}

const NAME: ColumnDefinition = { name: "Name", format: "name" };
const AGE: ColumnDefinition = { name: "Age" };
const wide = (name: string): ColumnDefinition => ({ name, priority: 1 });

const nameOf = (obj: KubeObject) => obj.metadata?.name ?? "";
const age = (obj: KubeObject, ctx: RowContext) => translateTimestampSince(obj.metadata?.creationTimestamp, ctx.now);
const n = (value: number | undefined | null) => String(value ?? 0);

/** layoutContainerCells: names and images, comma-joined. */
function containerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(","), list.map((c) => c.image ?? "").join(",")];
}

// ---- Pod ----

function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === "Always";
}

function conditionTrue(conditions: Condition[] | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === "True");
}

/** The first condition of the type decides (isPodInitializedConditionTrue). */
function firstConditionTrue(conditions: Condition[] | undefined, type: string): boolean {
  const c = (conditions ?? []).find((x) => x.type === type);
  return c?.status === "True";
}

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/** printPod's READY / STATUS / RESTARTS logic. */
export function podSummary(pod: Pod, now: Millis): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableInitRestart: number | undefined;

  const phase = status.phase ?? "";
  let reason = status.reason ? status.reason : phase;
  for (const c of status.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  const later = (a: number | undefined, t: string | null | undefined) => {
    const v = parseTime(t);
    return v !== undefined && (a === undefined || a < v) ? v : a;
  };

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += c.restartCount ?? 0;
    const lastTerminated = c.lastState?.terminated;
    if (lastTerminated) lastRestart = later(lastRestart, lastTerminated.finishedAt);
    const restartable = isRestartableInitContainer(initContainers.get(c.name));
    if (restartable) {
      restartableInitRestarts += c.restartCount ?? 0;
      if (lastTerminated) lastRestartableInitRestart = later(lastRestartableInitRestart, lastTerminated.finishedAt);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (restartable && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization failed
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting && waiting.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || firstConditionTrue(status.conditions, "Initialized")) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestart = later(lastRestart, c.lastState.terminated.finishedAt);
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated && terminated.reason) {
        reason = terminated.reason;
      } else if (terminated && !terminated.reason) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose last container completed but another still runs is Running (or NotReady).
    if (reason === "Completed" && hasRunning) {
      reason = conditionTrue(status.conditions, "Ready") ? "Running" : "NotReady";
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === "NodeLost") {
    reason = "Unknown";
  } else if (pod.metadata?.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed") {
    reason = "Terminating";
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) restartsText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

const podPrinter: KindPrinter = {
  columns: [
    NAME,
    { name: "Ready" },
    { name: "Status" },
    { name: "Restarts" },
    AGE,
    wide("IP"),
    wide("Node"),
    wide("Nominated Node"),
    wide("Readiness Gates"),
  ],
  row(obj, ctx) {
    const pod = obj as Pod;
    const s = podSummary(pod, ctx.now);
    const podIP = pod.status?.podIPs?.[0]?.ip || "<none>";
    const gates = pod.spec?.readinessGates ?? [];
    let readinessGates = "<none>";
    if (gates.length > 0) {
      let trueConditions = 0;
      for (const gate of gates) {
        const c = (pod.status?.conditions ?? []).find((x) => x.type === gate.conditionType);
        if (c?.status === "True") trueConditions++;
      }
      readinessGates = `${trueConditions}/${gates.length}`;
    }
    return [
      nameOf(pod),
      s.ready,
      s.status,
      s.restarts,
      age(pod, ctx),
      podIP,
      pod.spec?.nodeName || "<none>",
      pod.status?.nominatedNodeName || "<none>",
      readinessGates,
    ];
  },
};

// ---- Workloads ----

const deploymentPrinter: KindPrinter = {
  columns: [NAME, { name: "Ready" }, { name: "Up-to-date" }, { name: "Available" }, AGE, wide("Containers"), wide("Images"), wide("Selector")],
  row(obj, ctx) {
    const d = obj as Deployment;
    const [names, images] = containerCells(d.spec?.template?.spec?.containers);
    return [
      nameOf(d),
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      n(d.status?.updatedReplicas),
      n(d.status?.availableReplicas),
      age(d, ctx),
      names,
      images,
      selectorString(d.spec?.selector),
    ];
  },
};

const replicaSetPrinter: KindPrinter = {
  columns: [NAME, { name: "Desired" }, { name: "Current" }, { name: "Ready" }, AGE, wide("Containers"), wide("Images"), wide("Selector")],
  row(obj, ctx) {
    const rs = obj as ReplicaSet;
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    return [
      nameOf(rs),
      n(rs.spec?.replicas),
      n(rs.status?.replicas),
      n(rs.status?.readyReplicas),
      age(rs, ctx),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ];
  },
};

const replicationControllerPrinter: KindPrinter = {
  columns: replicaSetPrinter.columns,
  row(obj, ctx) {
    const rc = obj as ReplicationController;
    const [names, images] = containerCells(rc.spec?.template?.spec?.containers);
    return [
      nameOf(rc),
      n(rc.spec?.replicas),
      n(rc.status?.replicas),
      n(rc.status?.readyReplicas),
      age(rc, ctx),
      names,
      images,
      formatLabels(rc.spec?.selector),
    ];
  },
};

const statefulSetPrinter: KindPrinter = {
  columns: [NAME, { name: "Ready" }, AGE, wide("Containers"), wide("Images")],
  row(obj, ctx) {
    const ss = obj as StatefulSet;
    const [names, images] = containerCells(ss.spec?.template?.spec?.containers);
    return [nameOf(ss), `${ss.status?.readyReplicas ?? 0}/${ss.spec?.replicas ?? 0}`, age(ss, ctx), names, images];
  },
};

const daemonSetPrinter: KindPrinter = {
  columns: [
    NAME,
    { name: "Desired" },
    { name: "Current" },
    { name: "Ready" },
    { name: "Up-to-date" },
    { name: "Available" },
    { name: "Node Selector" },
    AGE,
    wide("Containers"),
    wide("Images"),
    wide("Selector"),
  ],
  row(obj, ctx) {
    const ds = obj as DaemonSet;
    const st = ds.status ?? {};
    const [names, images] = containerCells(ds.spec?.template?.spec?.containers);
    return [
      nameOf(ds),
      n(st.desiredNumberScheduled),
      n(st.currentNumberScheduled),
      n(st.numberReady),
      n(st.updatedNumberScheduled),
      n(st.numberAvailable),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      age(ds, ctx),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};

/** hasJobCondition: the first condition of the type decides. */
function jobCondition(job: Job, type: string): boolean {
  const c = (job.status?.conditions ?? []).find((x) => x.type === type);
  return c?.status === "True";
}

/** The STATUS column of jobs (kubectl 1.30+). */
export function jobStatus(job: Job): string {
  if (jobCondition(job, "Complete")) return "Complete";
  if (jobCondition(job, "Failed")) return "Failed";
  if (job.metadata?.deletionTimestamp) return "Terminating";
  if (jobCondition(job, "Suspended")) return "Suspended";
  if (jobCondition(job, "FailureTarget")) return "FailureTarget";
  return "Running";
}

const jobPrinter: KindPrinter = {
  columns: [NAME, { name: "Status" }, { name: "Completions" }, { name: "Duration" }, AGE, wide("Containers"), wide("Images"), wide("Selector")],
  row(obj, ctx) {
    const job = obj as Job;
    const succeeded = job.status?.succeeded ?? 0;
    let completions: string;
    if (job.spec?.completions !== undefined && job.spec.completions !== null) {
      completions = `${succeeded}/${job.spec.completions}`;
    } else {
      const parallelism = job.spec?.parallelism ?? 0;
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    const start = parseTime(job.status?.startTime);
    const completion = parseTime(job.status?.completionTime);
    let duration = "";
    if (start !== undefined) duration = humanDuration((completion ?? ctx.now) - start);
    const [names, images] = containerCells(job.spec?.template?.spec?.containers);
    return [nameOf(job), jobStatus(job), completions, duration, age(job, ctx), names, images, formatLabelSelector(job.spec?.selector)];
  },
};

const printBoolPtr = (v: boolean | undefined | null) => (v === undefined || v === null ? "<unset>" : v ? "True" : "False");

const cronJobPrinter: KindPrinter = {
  columns: [
    NAME,
    { name: "Schedule" },
    { name: "Timezone" },
    { name: "Suspend" },
    { name: "Active" },
    { name: "Last Schedule" },
    AGE,
    wide("Containers"),
    wide("Images"),
    wide("Selector"),
  ],
  row(obj, ctx) {
    const cj = obj as CronJob;
    const last = cj.status?.lastScheduleTime ? translateTimestampSince(cj.status.lastScheduleTime, ctx.now) : "<none>";
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const [names, images] = containerCells(jobSpec?.template?.spec?.containers);
    return [
      nameOf(cj),
      cj.spec?.schedule ?? "",
      cj.spec?.timeZone ?? "<none>",
      printBoolPtr(cj.spec?.suspend),
      String((cj.status?.active ?? []).length),
      last,
      age(cj, ctx),
      names,
      images,
      formatLabelSelector(jobSpec?.selector),
    ];
  },
};

// ---- Services and endpoints ----

const LOAD_BALANCER_WIDTH = 16;

function loadBalancerStatus(svc: Service, isWide: boolean): string {
  const set = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  let r = [...set].sort(goStringCompare).join(",");
  if (!isWide && r.length > LOAD_BALANCER_WIDTH) r = `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return r;
}

/** getServiceExternalIP; the API server always prints tables as wide, so no truncation. */
function serviceExternalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lbIps = loadBalancerStatus(svc, true);
      if (externalIPs.length > 0) {
        const results = lbIps ? lbIps.split(",") : [];
        return [...results, ...externalIPs].join(",");
      }
      return lbIps || "<pending>";
    }
    case "ExternalName":
      return svc.spec?.externalName ?? "";
  }
  return "<unknown>";
}

/** makePortString: "80/TCP", "80:30080/TCP". */
export function servicePorts(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ""}` : `${p.port}/${p.protocol ?? ""}`))
    .join(",");
}

const servicePrinter: KindPrinter = {
  columns: [NAME, { name: "Type" }, { name: "Cluster-IP" }, { name: "External-IP" }, { name: "Port(s)" }, AGE, wide("Selector")],
  row(obj, ctx) {
    const svc = obj as Service;
    // clusterIPs is always set by the API server; clusterIP covers objects built by hand.
    const clusterIP = svc.spec?.clusterIPs?.[0] ?? (svc.spec?.clusterIP || "<none>");
    return [
      nameOf(svc),
      svc.spec?.type ?? "",
      clusterIP,
      serviceExternalIP(svc),
      servicePorts(svc) || "<none>",
      age(svc, ctx),
      formatLabels(svc.spec?.selector),
    ];
  },
};

/** Go's net.JoinHostPort: IPv6 hosts get brackets. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpoints: at most three addresses, then "+ N more...". Pass ports=undefined for all ports. */
export function formatEndpoints(endpoints: Endpoints | undefined, ports?: Set<string>): string {
  const subsets = endpoints?.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports ?? []) {
      if (ports === undefined || ports.has(port.name ?? "")) {
        count += addresses.length;
        for (const a of addresses) {
          if (list.length === max) {
            more = true;
            break;
          }
          list.push(joinHostPort(a.ip, port.port));
        }
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret === "" ? "<unset>" : ret;
}

const endpointsPrinter: KindPrinter = {
  columns: [NAME, { name: "Endpoints" }, AGE],
  row(obj, ctx) {
    return [nameOf(obj), formatEndpoints(obj as Endpoints), age(obj, ctx)];
  },
};

const endpointSlicePrinter: KindPrinter = {
  columns: [NAME, { name: "AddressType" }, { name: "Ports" }, { name: "Endpoints" }, AGE],
  row(obj, ctx) {
    const eps = obj as EndpointSlice;
    const max = 3;
    const ports: string[] = [];
    let morePorts = false;
    let portCount = 0;
    for (const p of eps.ports ?? []) {
      if (ports.length < max) {
        ports.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : "*");
      } else if (ports.length === max) {
        morePorts = true;
      }
      portCount++;
    }
    const addrs: string[] = [];
    let moreAddrs = false;
    let addrCount = 0;
    for (const e of eps.endpoints ?? []) {
      for (const a of e.addresses) {
        if (addrs.length < max) addrs.push(a);
        else if (addrs.length === max) moreAddrs = true;
        addrCount++;
      }
    }
    return [
      nameOf(eps),
      eps.addressType ?? "",
      listWithMore(ports, morePorts, portCount, max),
      listWithMore(addrs, moreAddrs, addrCount, max),
      age(eps, ctx),
    ];
  },
};

// ---- Cluster ----

/** findNodeRoles: node-role.kubernetes.io/<role> and kubernetes.io/role=<role> labels, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) {
      const role = k.slice("node-role.kubernetes.io/".length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v !== "") {
      roles.add(v);
    }
  }
  return [...roles].sort(goStringCompare);
}

/** The STATUS column of nodes: Ready / NotReady / Unknown, plus SchedulingDisabled. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  // The last Ready condition wins, as the Go map keyed by type keeps the last.
  let ready: Condition | undefined;
  for (const c of node.status?.conditions ?? []) if (c.type === "Ready") ready = c;
  if (ready) status.push(ready.status === "True" ? "Ready" : "NotReady");
  if (status.length === 0) status.push("Unknown");
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? "<none>";
}

const nodePrinter: KindPrinter = {
  columns: [
    NAME,
    { name: "Status" },
    { name: "Roles" },
    AGE,
    { name: "Version" },
    wide("Internal-IP"),
    wide("External-IP"),
    wide("OS-Image"),
    wide("Kernel-Version"),
    wide("Container-Runtime"),
  ],
  row(obj, ctx) {
    const node = obj as Node;
    const info = node.status?.nodeInfo ?? {};
    const roles = nodeRoles(node).join(",");
    return [
      nameOf(node),
      nodeStatus(node),
      roles || "<none>",
      age(node, ctx),
      info.kubeletVersion ?? "",
      nodeAddress(node, "InternalIP"),
      nodeAddress(node, "ExternalIP"),
      info.osImage || "<unknown>",
      info.kernelVersion || "<unknown>",
      info.containerRuntimeVersion || "<unknown>",
    ];
  },
};

const namespacePrinter: KindPrinter = {
  columns: [NAME, { name: "Status" }, AGE],
  row(obj, ctx) {
    return [nameOf(obj), (obj as Namespace).status?.phase ?? "", age(obj, ctx)];
  },
};

// ---- Configuration ----

const configMapPrinter: KindPrinter = {
  columns: [NAME, { name: "Data" }, AGE],
  row(obj, ctx) {
    const cm = obj as ConfigMap;
    return [nameOf(cm), String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length), age(cm, ctx)];
  },
};

const secretPrinter: KindPrinter = {
  columns: [NAME, { name: "Type" }, { name: "Data" }, AGE],
  row(obj, ctx) {
    const s = obj as Secret;
    return [nameOf(s), s.type ?? "", String(Object.keys(s.data ?? {}).length), age(s, ctx)];
  },
};

const serviceAccountPrinter: KindPrinter = {
  columns: [NAME, { name: "Secrets" }, AGE],
  row(obj, ctx) {
    return [nameOf(obj), String(((obj as ServiceAccount).secrets ?? []).length), age(obj, ctx)];
  },
};

// ---- Events ----

/** printEvent: LAST SEEN falls back to the first time, then to eventTime (events.k8s.io). */
function eventTimes(e: Event, now: Millis): { first: string; last: string; count: number } {
  let first = translateTimestampSince(e.firstTimestamp, now);
  if (parseTime(e.firstTimestamp) === undefined) first = translateTimestampSince(e.eventTime, now);
  let last = translateTimestampSince(e.lastTimestamp, now);
  if (parseTime(e.lastTimestamp) === undefined) last = first;
  let count = e.count ?? 0;
  if (e.series) {
    last = translateTimestampSince(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    count = 1; // singleton events have no count in the new API
  }
  return { first, last, count };
}

const eventPrinter: KindPrinter = {
  columns: [
    { name: "Last Seen" },
    { name: "Type" },
    { name: "Reason" },
    { name: "Object" },
    wide("Subobject"),
    wide("Source"),
    { name: "Message" },
    wide("First Seen"),
    wide("Count"),
    { name: "Name", priority: 1, format: "name" },
  ],
  row(obj, ctx) {
    const e = obj as Event;
    const t = eventTimes(e, ctx.now);
    const io = e.involvedObject ?? {};
    const kind = (io.kind ?? "").toLowerCase();
    const target = io.name ? `${kind}/${io.name}` : kind;
    const component = e.source?.component || e.reportingComponent || "";
    const host = e.source?.host || e.reportingInstance || "";
    const source = host ? `${component}, ${host}` : component;
    return [
      t.last,
      e.type ?? "",
      e.reason ?? "",
      target,
      io.fieldPath ?? "",
      source,
      (e.message ?? "").trim(),
      t.first,
      String(t.count),
      nameOf(e),
    ];
  },
};

// ---- Coordination, quotas, storage ----

const leasePrinter: KindPrinter = {
  columns: [NAME, { name: "Holder" }, AGE],
  row(obj, ctx) {
    return [nameOf(obj), (obj as Lease).spec?.holderIdentity ?? "", age(obj, ctx)];
  },
};

const resourceQuotaPrinter: KindPrinter = {
  columns: [NAME, { name: "Request" }, { name: "Limit" }, AGE],
  row(obj, ctx) {
    const q = obj as ResourceQuota;
    const hard = q.status?.hard ?? {};
    const used = q.status?.used ?? {};
    const requests: string[] = [];
    const limits: string[] = [];
    for (const resource of sortedKeys(hard)) {
      const text = `${resource}: ${canonicalQuantity(used[resource] ?? 0)}/${canonicalQuantity(hard[resource])}`;
      const pieces = resource.split(".");
      if (pieces.length > 1 && pieces[0] === "limits") limits.push(text);
      else requests.push(text);
    }
    return [nameOf(q), requests.join(", "), limits.join(", "), age(q, ctx)];
  },
};

/** GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, each once. */
function accessModes(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  const out: string[] = [];
  if (set.has("ReadWriteOnce")) out.push("RWO");
  if (set.has("ReadOnlyMany")) out.push("ROX");
  if (set.has("ReadWriteMany")) out.push("RWX");
  if (set.has("ReadWriteOncePod")) out.push("RWOP");
  return out.join(",");
}

function storageClassOf(obj: PersistentVolume | PersistentVolumeClaim): string {
  const beta = obj.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"];
  if (beta !== undefined) return beta;
  return obj.spec?.storageClassName ?? "";
}

const persistentVolumePrinter: KindPrinter = {
  columns: [
    NAME,
    { name: "Capacity" },
    { name: "Access Modes" },
    { name: "Reclaim Policy" },
    { name: "Status" },
    { name: "Claim" },
    { name: "StorageClass" },
    { name: "VolumeAttributesClass" },
    { name: "Reason" },
    AGE,
    wide("VolumeMode"),
  ],
  row(obj, ctx) {
    const pv = obj as PersistentVolume;
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ""}/${pv.spec.claimRef.name ?? ""}` : "";
    const phase = pv.metadata?.deletionTimestamp ? "Terminating" : (pv.status?.phase ?? "");
    return [
      nameOf(pv),
      canonicalQuantity(pv.spec?.capacity?.storage ?? 0),
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? "",
      phase,
      claim,
      storageClassOf(pv),
      pv.spec?.volumeAttributesClassName ?? "<unset>",
      pv.status?.reason ?? "",
      age(pv, ctx),
      pv.spec?.volumeMode ?? "<unset>",
    ];
  },
};

const persistentVolumeClaimPrinter: KindPrinter = {
  columns: [
    NAME,
    { name: "Status" },
    { name: "Volume" },
    { name: "Capacity" },
    { name: "Access Modes" },
    { name: "StorageClass" },
    { name: "VolumeAttributesClass" },
    AGE,
    wide("VolumeMode"),
  ],
  row(obj, ctx) {
    const pvc = obj as PersistentVolumeClaim;
    const phase = pvc.metadata?.deletionTimestamp ? "Terminating" : (pvc.status?.phase ?? "");
    const bound = !!pvc.spec?.volumeName;
    return [
      nameOf(pvc),
      phase,
      pvc.spec?.volumeName ?? "",
      bound ? canonicalQuantity(pvc.status?.capacity?.storage ?? 0) : "",
      bound ? accessModes(pvc.status?.accessModes) : "",
      storageClassOf(pvc),
      pvc.spec?.volumeAttributesClassName ?? "<unset>",
      age(pvc, ctx),
      pvc.spec?.volumeMode ?? "<unset>",
    ];
  },
};

// ---- Networking, RBAC, storage, scheduling, policy ----

interface IngressLike extends KubeObject {
  spec?: { ingressClassName?: string; rules?: { host?: string }[]; tls?: unknown[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

const ingressPrinter: KindPrinter = {
  columns: [NAME, { name: "Class" }, { name: "Hosts" }, { name: "Address" }, { name: "Ports" }, AGE],
  row(obj, ctx) {
    const ing = obj as IngressLike;
    const rules = ing.spec?.rules ?? [];
    const hosts: string[] = [];
    let more = false;
    for (const rule of rules) {
      if (hosts.length === 3) more = true;
      if (!more && rule.host) hosts.push(rule.host);
    }
    let hostText = hosts.length === 0 ? "*" : hosts.join(",");
    if (hosts.length > 0 && more) hostText = `${hostText} + ${rules.length - 3} more...`;
    const addresses = new Set<string>();
    for (const i of ing.status?.loadBalancer?.ingress ?? []) {
      if (i.ip) addresses.add(i.ip);
      else if (i.hostname) addresses.add(i.hostname);
    }
    return [
      nameOf(ing),
      ing.spec?.ingressClassName ?? "<none>",
      hostText,
      [...addresses].sort(goStringCompare).join(","),
      (ing.spec?.tls ?? []).length > 0 ? "80, 443" : "80",
      age(ing, ctx),
    ];
  },
};

const ingressClassPrinter: KindPrinter = {
  columns: [NAME, { name: "Controller" }, { name: "Parameters" }, AGE],
  row(obj, ctx) {
    const spec = (obj as { spec?: { controller?: string; parameters?: { kind?: string; apiGroup?: string; name?: string } } }).spec;
    const p = spec?.parameters;
    const params = p ? `${p.kind ?? ""}${p.apiGroup ? `.${p.apiGroup}` : ""}/${p.name ?? ""}` : "<none>";
    return [nameOf(obj), spec?.controller ?? "", params, age(obj, ctx)];
  },
};

const networkPolicyPrinter: KindPrinter = {
  columns: [NAME, { name: "Pod-Selector" }, AGE],
  row(obj, ctx) {
    const spec = (obj as { spec?: { podSelector?: LabelSelector } }).spec;
    return [nameOf(obj), formatLabelSelector(spec?.podSelector ?? {}), age(obj, ctx)];
  },
};

interface Binding extends KubeObject {
  roleRef?: { kind?: string; name?: string };
  subjects?: { kind?: string; name?: string; namespace?: string }[];
}

const bindingPrinter: KindPrinter = {
  columns: [NAME, { name: "Role" }, AGE, wide("Users"), wide("Groups"), wide("ServiceAccounts")],
  row(obj, ctx) {
    const b = obj as Binding;
    const subjects = b.subjects ?? [];
    const of = (kind: string) => subjects.filter((s) => s.kind === kind);
    return [
      nameOf(b),
      `${b.roleRef?.kind ?? ""}/${b.roleRef?.name ?? ""}`,
      age(b, ctx),
      of("User").map((s) => s.name ?? "").join(", "),
      of("Group").map((s) => s.name ?? "").join(", "),
      of("ServiceAccount").map((s) => `${s.namespace ?? ""}/${s.name ?? ""}`).join(", "),
    ];
  },
};

const storageClassPrinter: KindPrinter = {
  columns: [NAME, { name: "Provisioner" }, { name: "ReclaimPolicy" }, { name: "VolumeBindingMode" }, { name: "AllowVolumeExpansion" }, AGE],
  row(obj, ctx) {
    const sc = obj as KubeObject & { provisioner?: string; reclaimPolicy?: string; volumeBindingMode?: string; allowVolumeExpansion?: boolean };
    const a = sc.metadata?.annotations ?? {};
    const isDefault =
      a["storageclass.kubernetes.io/is-default-class"] === "true" || a["storageclass.beta.kubernetes.io/is-default-class"] === "true";
    return [
      `${nameOf(sc)}${isDefault ? " (default)" : ""}`,
      sc.provisioner ?? "",
      sc.reclaimPolicy ?? "Delete",
      sc.volumeBindingMode ?? "Immediate",
      String(sc.allowVolumeExpansion ?? false),
      age(sc, ctx),
    ];
  },
};

const priorityClassPrinter: KindPrinter = {
  columns: [NAME, { name: "Value" }, { name: "Global-Default" }, AGE, wide("PreemptionPolicy")],
  row(obj, ctx) {
    const pc = obj as KubeObject & { value?: number; globalDefault?: boolean; preemptionPolicy?: string };
    return [nameOf(pc), String(pc.value ?? 0), String(pc.globalDefault ?? false), age(pc, ctx), pc.preemptionPolicy ?? ""];
  },
};

const pdbPrinter: KindPrinter = {
  columns: [NAME, { name: "Min Available" }, { name: "Max Unavailable" }, { name: "Allowed Disruptions" }, AGE],
  row(obj, ctx) {
    const pdb = obj as KubeObject & {
      spec?: { minAvailable?: number | string; maxUnavailable?: number | string };
      status?: { disruptionsAllowed?: number };
    };
    const v = (x: number | string | undefined) => (x === undefined || x === null ? "N/A" : String(x));
    return [nameOf(pdb), v(pdb.spec?.minAvailable), v(pdb.spec?.maxUnavailable), String(pdb.status?.disruptionsAllowed ?? 0), age(pdb, ctx)];
  },
};

interface MetricTarget {
  type?: string;
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}
interface HPA extends KubeObject {
  spec?: {
    scaleTargetRef?: { kind?: string; name?: string };
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: {
      type: string;
      resource?: { name: string; target?: MetricTarget };
      containerResource?: { name: string; container?: string; target?: MetricTarget };
      pods?: { target?: MetricTarget };
      object?: { target?: MetricTarget };
      external?: { target?: MetricTarget };
    }[];
  };
  status?: {
    currentReplicas?: number;
    currentMetrics?: {
      type?: string;
      resource?: { current?: { averageUtilization?: number; averageValue?: string } };
      containerResource?: { current?: { averageUtilization?: number; averageValue?: string } };
      pods?: { current?: { averageValue?: string } };
      object?: { current?: { averageValue?: string; value?: string } };
      external?: { current?: { averageValue?: string; value?: string } };
    }[];
  };
}

/** formatHPAMetrics: "cpu: 12%/50%", two metrics at most, then "+ N more...". */
function hpaMetrics(hpa: HPA): string {
  const specs = hpa.spec?.metrics ?? [];
  if (specs.length === 0) return "<none>";
  const statuses = hpa.status?.currentMetrics ?? [];
  const q = (x: string | undefined) => (x === undefined ? "<unknown>" : canonicalQuantity(x));
  const list = specs.map((spec, i) => {
    const st = statuses[i];
    switch (spec.type) {
      case "Resource":
      case "ContainerResource": {
        const src = spec.type === "Resource" ? spec.resource : spec.containerResource;
        const cur = spec.type === "Resource" ? st?.resource : st?.containerResource;
        if (src?.target?.averageValue !== undefined) return `${src.name}: ${q(cur?.current?.averageValue)}/${q(src.target.averageValue)}`;
        const current = cur?.current?.averageUtilization !== undefined ? `${cur.current.averageUtilization}%` : "<unknown>";
        const target = src?.target?.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : "<auto>";
        return `${src?.name ?? ""}: ${current}/${target}`;
      }
      case "Pods":
        return `${q(st?.pods?.current?.averageValue)}/${q(spec.pods?.target?.averageValue)}`;
      case "Object":
      case "External": {
        const src = spec.type === "Object" ? spec.object : spec.external;
        const cur = spec.type === "Object" ? st?.object : st?.external;
        if (src?.target?.averageValue !== undefined) return `${q(cur?.current?.averageValue)}/${q(src.target.averageValue)} (avg)`;
        return `${q(cur?.current?.value)}/${q(src?.target?.value)}`;
      }
      default:
        return "<unknown type>";
    }
  });
  return list.length > 2 ? `${list.slice(0, 2).join(", ")} + ${list.length - 2} more...` : list.join(", ");
}

const hpaPrinter: KindPrinter = {
  columns: [NAME, { name: "Reference" }, { name: "Targets" }, { name: "MinPods" }, { name: "MaxPods" }, { name: "Replicas" }, AGE],
  row(obj, ctx) {
    const hpa = obj as HPA;
    const ref = hpa.spec?.scaleTargetRef;
    return [
      nameOf(hpa),
      `${ref?.kind ?? ""}/${ref?.name ?? ""}`,
      hpaMetrics(hpa),
      hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : "<unset>",
      String(hpa.spec?.maxReplicas ?? 0),
      String(hpa.status?.currentReplicas ?? 0),
      age(hpa, ctx),
    ];
  },
};

const controllerRevisionPrinter: KindPrinter = {
  columns: [NAME, { name: "Controller" }, { name: "Revision" }, AGE],
  row(obj, ctx) {
    const ref = (obj.metadata?.ownerReferences ?? []).find((r) => r.controller);
    let controller = "<none>";
    if (ref) {
      const slash = (ref.apiVersion ?? "").indexOf("/");
      const group = slash < 0 ? "" : (ref.apiVersion ?? "").slice(0, slash);
      controller = `${(group ? `${ref.kind}.${group}` : (ref.kind ?? "")).toLowerCase()}/${ref.name ?? ""}`;
    }
    return [nameOf(obj), controller, String((obj as { revision?: number }).revision ?? 0), age(obj, ctx)];
  },
};

const runtimeClassPrinter: KindPrinter = {
  columns: [NAME, { name: "Handler" }, AGE],
  row(obj, ctx) {
    return [nameOf(obj), str((obj as { handler?: string }).handler), age(obj, ctx)];
  },
};

const webhookConfigPrinter: KindPrinter = {
  columns: [NAME, { name: "Webhooks" }, AGE],
  row(obj, ctx) {
    return [nameOf(obj), String(((obj as { webhooks?: unknown[] }).webhooks ?? []).length), age(obj, ctx)];
  },
};

const podTemplatePrinter: KindPrinter = {
  columns: [NAME, { name: "Containers" }, { name: "Images" }, { name: "Pod Labels" }],
  row(obj) {
    const t = (obj as { template?: { metadata?: { labels?: Record<string, string> }; spec?: { containers?: Container[] } } }).template;
    const [names, images] = containerCells(t?.spec?.containers);
    return [nameOf(obj), names, images, formatLabels(t?.metadata?.labels)];
  },
};

const str = (v: string | undefined) => v ?? "";

/** Custom resources without printer columns: NAME and AGE. */
export const customResourcePrinter: KindPrinter = {
  columns: [NAME, AGE],
  row(obj, ctx) {
    return [nameOf(obj), age(obj, ctx)];
  },
};

/** The API server's default table for kinds without a printer (LimitRange, Role, ClusterRole...). */
export const defaultPrinter: KindPrinter = {
  columns: [NAME, { name: "Created At" }],
  row(obj) {
    const t = parseTime(obj.metadata?.creationTimestamp);
    return [nameOf(obj), t === undefined ? "0001-01-01T00:00:00Z" : formatRFC3339(t)];
  },
};

export const PRINTERS: Record<string, KindPrinter> = {
  Pod: podPrinter,
  Deployment: deploymentPrinter,
  ReplicaSet: replicaSetPrinter,
  ReplicationController: replicationControllerPrinter,
  StatefulSet: statefulSetPrinter,
  DaemonSet: daemonSetPrinter,
  Job: jobPrinter,
  CronJob: cronJobPrinter,
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  EndpointSlice: endpointSlicePrinter,
  Node: nodePrinter,
  Namespace: namespacePrinter,
  ConfigMap: configMapPrinter,
  Secret: secretPrinter,
  ServiceAccount: serviceAccountPrinter,
  Event: eventPrinter,
  Lease: leasePrinter,
  ResourceQuota: resourceQuotaPrinter,
  PersistentVolume: persistentVolumePrinter,
  PersistentVolumeClaim: persistentVolumeClaimPrinter,
  Ingress: ingressPrinter,
  IngressClass: ingressClassPrinter,
  NetworkPolicy: networkPolicyPrinter,
  RoleBinding: bindingPrinter,
  ClusterRoleBinding: bindingPrinter,
  StorageClass: storageClassPrinter,
  PriorityClass: priorityClassPrinter,
  PodDisruptionBudget: pdbPrinter,
  HorizontalPodAutoscaler: hpaPrinter,
  ControllerRevision: controllerRevisionPrinter,
  RuntimeClass: runtimeClassPrinter,
  ValidatingWebhookConfiguration: webhookConfigPrinter,
  MutatingWebhookConfiguration: webhookConfigPrinter,
  PodTemplate: podTemplatePrinter,
};

/**
 * The printer for a kind: a built-in printer, the server's default table (NAME, CREATED AT) for
 * built-in kinds without one (Role, ClusterRole, LimitRange, CustomResourceDefinition), or NAME
 * and AGE for custom resources.
 */
export function printerFor(kind: string, builtIn: boolean): KindPrinter {
  return PRINTERS[kind] ?? (builtIn ? defaultPrinter : customResourcePrinter);
}
