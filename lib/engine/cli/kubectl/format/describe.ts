// `kubectl describe`, laid out as k8s.io/kubectl/pkg/describe does (kubectl v1.33). The command
// layer fetches what each describer would fetch from the API server and passes it in `related`.
import type { Millis } from "../../../clock";
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  PrefixWriter,
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  printTolerationsMultiline,
} from "./describe-writer";
import { humanDuration, translateTimestampSince } from "./duration";
import { goQuote } from "./gofmt";
import { formatLabels, formatLabelSelector, goStringCompare, selectorString, sortedKeys } from "./labels";
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  parseQuantity,
  quantityMilliValue,
  quantityValue,
  zeroQuantity,
  type Quantity,
} from "./quantity";
import { formatEndpoints, joinHostPort, nodeRoles } from "./table-rows";
import { formatTimestampRFC1123Z, parseTime } from "./time";
import type {
  ConfigMap,
  Container,
  ContainerState,
  ContainerStatus,
  DaemonSet,
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  IntOrString,
  Job,
  KubeObject,
  Lease,
  LimitRange,
  Namespace,
  Node,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Probe,
  ReplicaSet,
  ResourceList,
  ResourceQuota,
  ResourceRequirements,
  Secret,
  Service,
  Volume,
} from "./types";

/** Objects a describer reads besides the described object itself. */
export interface DescribeRelated {
  /** Deployment: the ReplicaSets in its namespace (those it controls are picked out). */
  replicaSets?: ReplicaSet[];
  /**
   * ReplicaSet, DaemonSet, Job: pods in the namespace (those it controls are counted).
   * Node: the pods bound to it (terminated ones are left out).
   */
  pods?: Pod[];
  /** Service: its EndpointSlices (label kubernetes.io/service-name). */
  endpointSlices?: EndpointSlice[];
  /** Service, when no EndpointSlices are given: its Endpoints object (older clusters). */
  endpoints?: Endpoints;
  /** Node: its Lease in kube-node-lease; missing prints the "Failed to get lease" line. */
  lease?: Lease;
  /** Namespace: its ResourceQuotas and LimitRanges. */
  resourceQuotas?: ResourceQuota[];
  limitRanges?: LimitRange[];
}

export interface DescribeOptions {
  now: Millis;
  /** Events about the object (involvedObject matches). Shown as "Events:  <none>" when empty. */
  events?: Event[];
  /** --show-events=false. */
  showEvents?: boolean;
  related?: DescribeRelated;
}

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const boolText = (v: boolean | undefined) => (v ? "true" : "false");
const printBool = (v: boolean | undefined) => (v ? "True" : "False");
const rfc1123 = formatTimestampRFC1123Z;

function printController(obj: KubeObject): string {
  const ref = (obj.metadata?.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind ?? ""}/${ref.name ?? ""}` : "";
}

function withEvents(w: PrefixWriter, opts: DescribeOptions): void {
  if (opts.showEvents === false) return;
  describeEvents(w, opts.events ?? [], opts.now);
}

/** IntOrString.String(). */
const intOrString = (v: IntOrString | undefined) => (v === undefined ? "0" : String(v));

// ---- resources and QoS ----

function quantityOf(list: ResourceList | undefined, name: string): Quantity {
  return parseQuantity(list?.[name]) ?? zeroQuantity();
}

function describeResources(w: PrefixWriter, resources: ResourceRequirements | undefined, level: number): void {
  if (!resources) return;
  const limits = resources.limits ?? {};
  const requests = resources.requests ?? {};
  if (Object.keys(limits).length > 0) w.write(level, "Limits:\n");
  for (const name of sortedKeys(limits)) w.write(level + 1, `${name}:\t${formatQuantity(quantityOf(limits, name))}\n`);
  if (Object.keys(requests).length > 0) w.write(level, "Requests:\n");
  for (const name of sortedKeys(requests)) w.write(level + 1, `${name}:\t${formatQuantity(quantityOf(requests, name))}\n`);
}

/** qos.GetPodQOS: the status field, or computed like the kubelet does. */
export function podQOSClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    for (const [name, value] of Object.entries(c.resources?.requests ?? {})) {
      if (name !== "cpu" && name !== "memory") continue;
      const q = parseQuantity(value);
      if (q && q.nanos > 0n) requests.set(name, addQuantities(requests.get(name) ?? zeroQuantity(), q));
    }
    const found = new Set<string>();
    for (const [name, value] of Object.entries(c.resources?.limits ?? {})) {
      if (name !== "cpu" && name !== "memory") continue;
      const q = parseQuantity(value);
      if (q && q.nanos > 0n) {
        found.add(name);
        limits.set(name, addQuantities(limits.get(name) ?? zeroQuantity(), q));
      }
    }
    if (!found.has("cpu") || !found.has("memory")) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantities(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

function addResourceList(into: Map<string, Quantity>, list: ResourceList | undefined): void {
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = parseQuantity(value);
    if (!q) continue;
    const cur = into.get(name);
    into.set(name, cur ? addQuantities(cur, q) : q);
  }
}

function maxResourceList(into: Map<string, Quantity>, other: Map<string, Quantity>): void {
  for (const [name, q] of other) {
    const cur = into.get(name);
    if (!cur || compareQuantities(q, cur) > 0) into.set(name, q);
  }
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a maximum. */
function podRequestsAndLimits(pod: Pod): { requests: Map<string, Quantity>; limits: Map<string, Quantity> } {
  const total = (key: "requests" | "limits") => {
    const sum = new Map<string, Quantity>();
    for (const c of pod.spec?.containers ?? []) addResourceList(sum, c.resources?.[key]);
    const sidecars = new Map<string, Quantity>();
    const init = new Map<string, Quantity>();
    for (const c of pod.spec?.initContainers ?? []) {
      let effective: Map<string, Quantity>;
      if (c.restartPolicy === "Always") {
        addResourceList(sum, c.resources?.[key]);
        addResourceList(sidecars, c.resources?.[key]);
        effective = sidecars;
      } else {
        effective = new Map();
        addResourceList(effective, c.resources?.[key]);
        for (const [n, q] of sidecars) effective.set(n, effective.has(n) ? addQuantities(effective.get(n)!, q) : q);
      }
      maxResourceList(init, effective);
    }
    maxResourceList(sum, init);
    if (pod.spec?.overhead) addResourceList(sum, pod.spec.overhead);
    return sum;
  };
  return { requests: total("requests"), limits: total("limits") };
}

// ---- containers ----

function describeContainerPorts(c: Container, host: boolean): string {
  return (c.ports ?? []).map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
}

/** DescribeProbe. */
export function describeProbe(p: Probe): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 0}s period=${p.periodSeconds ?? 0}s ` +
    `#success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const port = str(p.httpGet.port);
    const host = port.length > 0 ? joinHostPort(p.httpGet.host ?? "", port) : (p.httpGet.host ?? "");
    const scheme = (p.httpGet.scheme ?? "").toLowerCase();
    const path = p.httpGet.path ?? "";
    const url = `${scheme ? `${scheme}:` : ""}${host || scheme ? "//" : ""}${host}${path && !path.startsWith("/") && host ? "/" : ""}${path}`;
    return `http-get ${url} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${str(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? 0} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: PrefixWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** EnvValueRetriever: kubectl's scheme only resolves metadata.name and metadata.namespace. */
function envFieldValue(pod: Pod | undefined, fieldPath: string): string {
  if (!pod) return "";
  if (fieldPath === "metadata.name") return pod.metadata?.name ?? "";
  if (fieldPath === "metadata.namespace") return pod.metadata?.namespace ?? "";
  return "";
}

/** ExtractContainerResourceValue: the value divided by the divisor, rounded up. */
function containerResourceValue(c: Container, resource: string, divisor: string | number | undefined): string | undefined {
  const div = parseQuantity(divisor ?? "1");
  const d = div && div.nanos !== 0n ? div : parseQuantity("1")!;
  const [kind, name] = resource.split(".") as [string, string];
  const list = kind === "limits" ? c.resources?.limits : kind === "requests" ? c.resources?.requests : undefined;
  if (!list || !["cpu", "memory", "ephemeral-storage"].includes(name ?? "")) return undefined;
  const q = quantityOf(list, name);
  if (name === "cpu") return String(Math.ceil(quantityMilliValue(q) / quantityMilliValue(d)));
  return String(Math.ceil(quantityValue(q) / quantityValue(d)));
}

function describeContainers(w: PrefixWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, pod: Pod | undefined, space: string): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    const nameIndent = space.length > 0 ? " " : "";
    w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ""}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ""}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ""}\n`);
    const ports = describeContainerPorts(c, false);
    if (ports.includes(",")) w.write(LEVEL_2, `Ports:\t${ports}\n`);
    else w.write(LEVEL_2, `Port:\t${ports || "<none>"}\n`);
    const hostPorts = describeContainerPorts(c, true);
    if (hostPorts.includes(",")) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
    else w.write(LEVEL_2, `Host Port:\t${hostPorts || "<none>"}\n`);
    const seccomp = c.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type ?? ""}\n`);
      if (seccomp.type === "Localhost") w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
    }
    if ((c.command ?? []).length > 0) {
      w.write(LEVEL_2, "Command:\n");
      for (const cmd of c.command!) for (const s of cmd.split("\n")) w.write(LEVEL_3, `${s}\n`);
    }
    if ((c.args ?? []).length > 0) {
      w.write(LEVEL_2, "Args:\n");
      for (const arg of c.args!) for (const s of arg.split("\n")) w.write(LEVEL_3, `${s}\n`);
    }
    if (status) {
      describeState(w, "State", status.state);
      if (status.lastState?.terminated) describeState(w, "Last State", status.lastState);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources ?? {}, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if ((c.envFrom ?? []).length > 0) {
      w.write(LEVEL_2, "Environment Variables from:\n");
      for (const e of c.envFrom!) {
        const from = e.configMapRef ? "ConfigMap" : e.secretRef ? "Secret" : "";
        const ref = e.configMapRef ?? e.secretRef;
        const optional = !!ref?.optional;
        if (!e.prefix) w.write(LEVEL_3, `${ref?.name ?? ""}\t${from}\tOptional: ${optional}\n`);
        else w.write(LEVEL_3, `${ref?.name ?? ""}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
      }
    }
    const env = c.env ?? [];
    w.write(LEVEL_2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
    for (const e of env) {
      const from = e.valueFrom;
      if (!from) {
        (e.value ?? "").split("\n").forEach((s, i) => {
          w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
        });
      } else if (from.fieldRef) {
        const value = envFieldValue(pod, from.fieldRef.fieldPath);
        w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ""}:${from.fieldRef.fieldPath})\n`);
      } else if (from.resourceFieldRef) {
        const resource = from.resourceFieldRef.resource;
        let value = containerResourceValue(c, resource, from.resourceFieldRef.divisor) ?? "";
        if (value === "0" && (resource === "limits.cpu" || resource === "limits.memory")) value = "node allocatable";
        w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
      } else if (from.secretKeyRef) {
        const r = from.secretKeyRef;
        w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ""}'>\tOptional: ${!!r.optional}\n`);
      } else if (from.configMapKeyRef) {
        const r = from.configMapKeyRef;
        w.write(LEVEL_3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ""}'>\tOptional: ${!!r.optional}\n`);
      }
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => goStringCompare(a.mountPath, b.mountPath));
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? "ro" : "rw"];
      if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
    }
    const devices = [...(c.volumeDevices ?? [])].sort((a, b) => goStringCompare(a.devicePath, b.devicePath));
    if (devices.length > 0) {
      w.write(LEVEL_2, "Devices:\n");
      for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}

// ---- volumes ----

type Source = Record<string, unknown>;
const field = (o: unknown, k: string): unknown => (o && typeof o === "object" ? (o as Source)[k] : undefined);

function describeVolume(w: PrefixWriter, v: Volume): void {
  const hostPath = field(v, "hostPath");
  const emptyDir = field(v, "emptyDir");
  const secret = field(v, "secret");
  const configMap = field(v, "configMap");
  const projected = field(v, "projected");
  const pvc = field(v, "persistentVolumeClaim");
  const downward = field(v, "downwardAPI");
  const nfs = field(v, "nfs");
  const csi = field(v, "csi");
  const image = field(v, "image");
  if (hostPath) {
    const type = str(field(hostPath, "type")) || "<none>";
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(field(hostPath, "path"))}\n    HostPathType:\t${type}\n`);
  } else if (emptyDir) {
    const size = parseQuantity(field(emptyDir, "sizeLimit") as string | undefined);
    const sizeLimit = size && size.nanos > 0n ? formatQuantity(size) : "<unset>";
    w.write(
      LEVEL_2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(field(emptyDir, "medium"))}\n    SizeLimit:\t${sizeLimit}\n`,
    );
  } else if (secret) {
    w.write(
      LEVEL_2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(field(secret, "secretName"))}\n    Optional:\t${boolText(field(secret, "optional") === true)}\n`,
    );
  } else if (configMap) {
    w.write(
      LEVEL_2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(field(configMap, "name"))}\n    Optional:\t${boolText(field(configMap, "optional") === true)}\n`,
    );
  } else if (projected) {
    w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
    for (const src of (field(projected, "sources") as unknown[] | undefined) ?? []) {
      const s = field(src, "secret");
      const d = field(src, "downwardAPI");
      const cm = field(src, "configMap");
      const token = field(src, "serviceAccountToken");
      if (s) w.write(LEVEL_2, `SecretName:\t${str(field(s, "name"))}\n    Optional:\t${boolText(field(s, "optional") === true)}\n`);
      else if (d) w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
      else if (cm) w.write(LEVEL_2, `ConfigMapName:\t${str(field(cm, "name"))}\n    Optional:\t${boolText(field(cm, "optional") === true)}\n`);
      else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${str(field(token, "expirationSeconds") ?? 3600)}\n`);
    }
  } else if (pvc) {
    w.write(
      LEVEL_2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${str(field(pvc, "claimName"))}\n    ReadOnly:\t${boolText(field(pvc, "readOnly") === true)}\n`,
    );
  } else if (downward) {
    w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const item of (field(downward, "items") as unknown[] | undefined) ?? []) {
      const fr = field(item, "fieldRef");
      const rr = field(item, "resourceFieldRef");
      if (fr) w.write(LEVEL_3, `${str(field(fr, "fieldPath"))} -> ${str(field(item, "path"))}\n`);
      if (rr) w.write(LEVEL_3, `${str(field(rr, "resource"))} -> ${str(field(item, "path"))}\n`);
    }
  } else if (nfs) {
    w.write(
      LEVEL_2,
      `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${str(field(nfs, "server"))}\n    Path:\t${str(field(nfs, "path"))}\n    ReadOnly:\t${boolText(field(nfs, "readOnly") === true)}\n`,
    );
  } else if (csi) {
    w.write(
      LEVEL_2,
      `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(field(csi, "driver"))}\n    FSType:\t${str(field(csi, "fsType"))}\n    ReadOnly:\t${boolText(field(csi, "readOnly") === true)}\n`,
    );
    const attrs = (field(csi, "volumeAttributes") as Record<string, string> | undefined) ?? {};
    w.write(LEVEL_2, "VolumeAttributes:\t");
    const keys = sortedKeys(attrs);
    if (keys.length === 0) w.writeLine("<none>");
    keys.forEach((k, i) => {
      if (i !== 0) w.write(LEVEL_2, "\t");
      const line = `${k}=${attrs[k]}`;
      w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
    });
  } else if (image) {
    w.write(
      LEVEL_2,
      `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${str(field(image, "reference"))}\n    PullPolicy:\t${str(field(image, "pullPolicy"))}\n`,
    );
  } else {
    w.write(LEVEL_1, "<unknown>\n");
  }
}

function describeVolumes(w: PrefixWriter, volumes: Volume[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space.length > 0 ? " " : ""}${v.name}:\n`);
    describeVolume(w, v);
  }
}

function describeTopologySpreadConstraints(w: PrefixWriter, spec: PodSpec | undefined, space: string): void {
  const list = [...(spec?.topologySpreadConstraints ?? [])].sort((a, b) => goStringCompare(a.topologyKey ?? "", b.topologyKey ?? ""));
  if (list.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, "\t");
    }
    let line = `${t.topologyKey ?? ""}:${t.whenUnsatisfiable ?? ""} when max skew ${t.maxSkew ?? 0} is exceeded`;
    if (t.labelSelector) line += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (!template) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  const spec = template.spec ?? {};
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, "  Annotations", template.metadata?.annotations);
  }
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers(w, "Init Containers", spec.initContainers!, undefined, undefined, "  ");
  describeContainers(w, "Containers", spec.containers ?? [], undefined, undefined, "  ");
  describeVolumes(w, spec.volumes, "  ");
  describeTopologySpreadConstraints(w, spec, "  ");
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec.tolerations);
}

/** getPodStatusForController: phases of the pods this controller owns. */
function podStatusCounts(owner: KubeObject, pods: Pod[] | undefined): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const pod of pods ?? []) {
    const ref = (pod.metadata?.ownerReferences ?? []).find((r) => r.controller);
    if (!ref || ref.uid !== owner.metadata?.uid) continue;
    switch (pod.status?.phase) {
      case "Running":
        running++;
        break;
      case "Pending":
        waiting++;
        break;
      case "Succeeded":
        succeeded++;
        break;
      case "Failed":
        failed++;
        break;
    }
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

function conditionsTable(w: PrefixWriter, conditions: { type: string; status: string; reason?: string }[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(LEVEL_1, "----\t------\t------\n");
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
}

// ---- kinds ----

function describePod(pod: Pod, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata?.namespace ?? ""}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  if (!spec.nodeName) w.write(LEVEL_0, "Node:\t<none>\n");
  else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n`);
  if (parseTime(status.startTime) !== undefined) w.write(LEVEL_0, `Start Time:\t${rfc1123(status.startTime)}\n`);
  printLabelsMultiline(w, "Labels", pod.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", pod.metadata?.annotations);
  if (pod.metadata?.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, opts.now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ""}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ""}\n`);
    if (seccomp.type === "Localhost") w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ""}\n`);
  if ((status.podIPs ?? []).length === 0) {
    w.write(LEVEL_0, "IPs:\t<none>\n");
  } else {
    w.write(LEVEL_0, "IPs:\n");
    for (const ip of status.podIPs!) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = printController(pod);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.resources) {
    w.write(LEVEL_0, "Resources:\n");
    describeResources(w, spec.resources, LEVEL_1);
  }
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(w, "Init Containers", spec.initContainers!, status.initContainerStatuses, pod, "");
  }
  describeContainers(w, "Containers", spec.containers ?? [], status.containerStatuses, pod, "");
  if ((spec.ephemeralContainers ?? []).length > 0) {
    describeContainers(w, "Ephemeral Containers", spec.ephemeralContainers!, status.ephemeralContainerStatuses, pod, "");
  }
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
    for (const g of spec.readinessGates!) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : "<none>"} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
    for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, "");
  w.write(LEVEL_0, `QoS Class:\t${podQOSClass(pod)}\n`);
  printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "Tolerations", spec.tolerations);
  describeTopologySpreadConstraints(w, spec, "");
  withEvents(w, opts);
  return w.toString();
}

/** The Deployment's new ReplicaSet (same template, ignoring pod-template-hash) and the others. */
function splitReplicaSets(d: Deployment, all: ReplicaSet[]): { newRS?: ReplicaSet; oldRSs: ReplicaSet[] } {
  const owned = all.filter((rs) =>
    (rs.metadata?.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata?.uid),
  );
  const withoutHash = (t: PodTemplateSpec | undefined) => {
    const copy = JSON.parse(JSON.stringify(t ?? {})) as PodTemplateSpec;
    if (copy.metadata?.labels) delete copy.metadata.labels["pod-template-hash"];
    return JSON.stringify(sortDeep(copy));
  };
  const target = withoutHash(d.spec?.template);
  const byAge = [...owned].sort(
    (a, b) =>
      (parseTime(a.metadata?.creationTimestamp) ?? 0) - (parseTime(b.metadata?.creationTimestamp) ?? 0) ||
      goStringCompare(a.metadata?.name ?? "", b.metadata?.name ?? ""),
  );
  const newRS = byAge.find((rs) => withoutHash(rs.spec?.template) === target);
  return { newRS, oldRSs: owned.filter((rs) => rs !== newRS) };
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortDeep((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

function replicaSetsText(list: ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata?.name ?? ""} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(", ");
  return s || "<none>";
}

function describeDeployment(d: Deployment, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const spec = d.spec ?? {};
  const st = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123(d.metadata?.creationTimestamp)}\n`);
  printLabelsMultiline(w, "Labels", d.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", d.metadata?.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ""}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
  describePodTemplate(w, spec.template);
  conditionsTable(w, st.conditions);
  const { newRS, oldRSs } = splitReplicaSets(d, opts.related?.replicaSets ?? []);
  // kubectl prints both lines whenever it could list the ReplicaSets.
  if (opts.related?.replicaSets !== undefined || oldRSs.length > 0 || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
  }
  withEvents(w, opts);
  return w.toString();
}

function describeReplicaSet(rs: ReplicaSet, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabelsMultiline(w, "Labels", rs.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", rs.metadata?.annotations);
  const controlledBy = printController(rs);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podStatusCounts(rs, opts.related?.pods)}\n`);
  describePodTemplate(w, rs.spec?.template);
  conditionsTable(w, rs.status?.conditions);
  withEvents(w, opts);
  return w.toString();
}

function describeDaemonSet(ds: DaemonSet, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const st = ds.status ?? {};
  w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${ds.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, "Labels", ds.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", ds.metadata?.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podStatusCounts(ds, opts.related?.pods)}\n`);
  describePodTemplate(w, ds.spec?.template);
  withEvents(w, opts);
  return w.toString();
}

function describeJob(job: Job, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const spec = job.spec ?? {};
  const st = job.status ?? {};
  w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
  printLabelsMultiline(w, "Labels", job.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", job.metadata?.annotations);
  const controlledBy = printController(job);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (spec.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(LEVEL_0, `Completions:\t${spec.completions ?? "<unset>"}\n`);
  if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${boolText(spec.suspend)}\n`);
  if (spec.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  const start = parseTime(st.startTime);
  const done = parseTime(st.completionTime);
  if (start !== undefined) w.write(LEVEL_0, `Start Time:\t${rfc1123(st.startTime)}\n`);
  if (done !== undefined) w.write(LEVEL_0, `Completed At:\t${rfc1123(st.completionTime)}\n`);
  if (start !== undefined && done !== undefined) w.write(LEVEL_0, `Duration:\t${humanDuration(done - start)}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  if (st.ready === undefined) {
    w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  } else {
    w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  }
  if (spec.completionMode === "Indexed") {
    const indexes = st.completedIndexes ?? "";
    let text = "<none>";
    if (indexes.length > 0) {
      let ix = 50;
      while (ix < indexes.length && indexes[ix] !== ",") ix++;
      text = ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
    }
    w.write(LEVEL_0, `Completed Indexes:\t${text}\n`);
  }
  describePodTemplate(w, spec.template);
  withEvents(w, opts);
  return w.toString();
}

/** formatEndpointSlices: ready endpoints of the named port, three at most. */
function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    const ready = (e: (typeof endpoints)[number]) => e.conditions?.ready === undefined || e.conditions.ready === null || e.conditions.ready;
    if ((slice.ports ?? []).length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses[0] ?? "");
        count++;
      }
      continue;
    }
    for (const port of slice.ports ?? []) {
      if ((port.name ?? "") !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(e.addresses[0] ?? "", port.port ?? 0));
        count++;
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

function describeService(svc: Service, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", svc.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", svc.metadata?.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ""}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(",") : "<none>"}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ""}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(",") : "<none>"}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(",")}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const list = ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ""}` : (i.hostname ?? ""))).join(", ");
    w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
  }
  const slices = opts.related?.endpointSlices;
  for (const sp of spec.ports ?? []) {
    const name = sp.name || "<unset>";
    const protocol = sp.protocol ?? "";
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${intOrString(sp.targetPort)}/${protocol}\n`);
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
    const endpoints =
      slices !== undefined || opts.related?.endpoints === undefined
        ? formatEndpointSlices(slices ?? [], sp.name ?? "")
        : formatEndpoints(opts.related.endpoints, new Set([sp.name ?? ""]));
    w.write(LEVEL_0, `Endpoints:\t${endpoints}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
    w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(",")}\n`);
  }
  withEvents(w, opts);
  return w.toString();
}

function describeEndpoints(ep: Endpoints, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata?.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", ep.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", ep.metadata?.annotations);
  w.write(LEVEL_0, "Subsets:\n");
  for (const subset of ep.subsets ?? []) {
    const ready = (subset.addresses ?? []).map((a) => a.ip).join(",");
    w.write(LEVEL_1, `Addresses:\t${ready || "<none>"}\n`);
    const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(",");
    w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || "<none>"}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(LEVEL_1, "Ports:\n");
      w.write(LEVEL_2, "Name\tPort\tProtocol\n");
      w.write(LEVEL_2, "----\t----\t--------\n");
      for (const p of subset.ports!) w.write(LEVEL_2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol ?? ""}\n`);
    }
    w.write(LEVEL_0, "\n");
  }
  withEvents(w, opts);
  return w.toString();
}

/** Node: allocated resources as "950m (47%)"; percentages truncate like Go's int64(). */
function describeNodeResources(w: PrefixWriter, node: Node, pods: Pod[], now: Millis): void {
  const capacity = node.status?.capacity ?? {};
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status!.allocatable! : capacity;
  const allocCpu = quantityMilliValue(quantityOf(allocatable, "cpu"));
  const allocMem = quantityValue(quantityOf(allocatable, "memory"));
  const pct = (value: number, total: number) => {
    const f = Math.trunc((value / total) * 100);
    return Number.isFinite(f) ? f : 0;
  };
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const totalReq = new Map<string, Quantity>();
  const totalLim = new Map<string, Quantity>();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    const get = (m: Map<string, Quantity>, n: string) => m.get(n) ?? zeroQuantity();
    const cpuReq = get(requests, "cpu");
    const cpuLim = get(limits, "cpu");
    const memReq = get(requests, "memory");
    const memLim = get(limits, "memory");
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ""}\t${pod.metadata?.name ?? ""}\t\t` +
        `${formatQuantity(cpuReq)} (${pct(quantityMilliValue(cpuReq), allocCpu)}%)\t` +
        `${formatQuantity(cpuLim)} (${pct(quantityMilliValue(cpuLim), allocCpu)}%)\t` +
        `${formatQuantity(memReq)} (${pct(quantityValue(memReq), allocMem)}%)\t` +
        `${formatQuantity(memLim)} (${pct(quantityValue(memLim), allocMem)}%)\t` +
        `${translateTimestampSince(pod.metadata?.creationTimestamp, now)}\n`,
    );
    for (const [n, q] of requests) totalReq.set(n, totalReq.has(n) ? addQuantities(totalReq.get(n)!, q) : q);
    for (const [n, q] of limits) totalLim.set(n, totalLim.has(n) ? addQuantities(totalLim.get(n)!, q) : q);
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  const row = (name: string, total: number, value: (q: Quantity) => number) => {
    const req = totalReq.get(name) ?? zeroQuantity();
    const lim = totalLim.get(name) ?? zeroQuantity();
    const frac = (q: Quantity) => (total !== 0 ? Math.trunc((value(q) / total) * 100) : 0);
    w.write(LEVEL_1, `${name}\t${formatQuantity(req)} (${frac(req)}%)\t${formatQuantity(lim)} (${frac(lim)}%)\n`);
  };
  row("cpu", allocCpu, quantityMilliValue);
  row("memory", allocMem, quantityValue);
  row("ephemeral-storage", quantityValue(quantityOf(allocatable, "ephemeral-storage")), quantityValue);
  const names = Object.keys(allocatable).sort(goStringCompare);
  for (const name of names.filter((n) => n.startsWith("hugepages-"))) {
    row(name, quantityValue(quantityOf(allocatable, name)), quantityValue);
  }
  const standard = new Set(["cpu", "memory", "ephemeral-storage", "pods"]);
  for (const name of names.filter((n) => !n.startsWith("hugepages-") && !standard.has(n) && !n.startsWith("requests."))) {
    const req = totalReq.get(name) ?? zeroQuantity();
    const lim = totalLim.get(name) ?? zeroQuantity();
    w.write(LEVEL_1, `${name}\t${formatQuantity(req)}\t${formatQuantity(lim)}\n`);
  }
}

function describeNode(node: Node, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  const spec = node.spec ?? {};
  const st = node.status ?? {};
  const name = node.metadata?.name ?? "";
  w.write(LEVEL_0, `Name:\t${name}\n`);
  const roles = nodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
  printLabelsMultiline(w, "Labels", node.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", node.metadata?.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123(node.metadata?.creationTimestamp)}\n`);
  printTaintsMultiline(w, "Taints", spec.taints);
  w.write(LEVEL_0, `Unschedulable:\t${boolText(spec.unschedulable)}\n`);
  const lease = opts.related?.lease;
  if (lease) {
    const ls = lease.spec ?? {};
    w.write(LEVEL_0, "Lease:\n");
    w.write(LEVEL_1, `HolderIdentity:\t${ls.holderIdentity ?? "<unset>"}\n`);
    w.write(LEVEL_1, `AcquireTime:\t${ls.acquireTime ? rfc1123(ls.acquireTime) : "<unset>"}\n`);
    w.write(LEVEL_1, `RenewTime:\t${ls.renewTime ? rfc1123(ls.renewTime) : "<unset>"}\n`);
  } else {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${name}" not found\n`);
  }
  if ((st.conditions ?? []).length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of st.conditions!) {
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${rfc1123(c.lastHeartbeatTime)} \t${rfc1123(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`,
      );
    }
  }
  w.write(LEVEL_0, "Addresses:\n");
  for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  const printList = (list: ResourceList) => {
    for (const r of sortedKeys(list)) w.write(LEVEL_0, `  ${r}:\t${formatQuantity(quantityOf(list, r))}\n`);
  };
  if (Object.keys(st.capacity ?? {}).length > 0) {
    w.write(LEVEL_0, "Capacity:\n");
    printList(st.capacity!);
  }
  if (Object.keys(st.allocatable ?? {}).length > 0) {
    w.write(LEVEL_0, "Allocatable:\n");
    printList(st.allocatable!);
  }
  const info = st.nodeInfo ?? {};
  w.write(LEVEL_0, "System Info:\n");
  w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ""}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ""}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ""}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ""}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ""}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ""}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ""}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ""}\n`);
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs!.join(",")}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  const pods = (opts.related?.pods ?? []).filter(
    (p) => p.spec?.nodeName === name && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed",
  );
  describeNodeResources(w, node, pods, opts.now);
  withEvents(w, opts);
  return w.toString();
}

const QUOTA_SCOPE_HELP: Record<string, string> = {
  Terminating:
    "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
  NotTerminating:
    "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
  BestEffort: "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
  NotBestEffort:
    "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
};

function describeLimitRangeSpec(w: PrefixWriter, lr: LimitRange, prefix: string): void {
  for (const item of lr.spec?.limits ?? []) {
    const names = new Set<string>();
    for (const list of [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio]) {
      for (const k of Object.keys(list ?? {})) names.add(k);
    }
    // Go ranges over a map here (random order); sorted keeps the output stable.
    for (const k of [...names].sort(goStringCompare)) {
      const v = (list: ResourceList | undefined) => (list?.[k] !== undefined ? formatQuantity(quantityOf(list, k)) : "-");
      w.write(
        LEVEL_0,
        `${prefix}${item.type ?? ""}\t${k}\t${v(item.min)}\t${v(item.max)}\t${v(item.defaultRequest)}\t${v(item.default)}\t${v(item.maxLimitRequestRatio)}\n`,
      );
    }
  }
}

function describeNamespace(ns: Namespace, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ""}\n`);
  printLabelsMultiline(w, "Labels", ns.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", ns.metadata?.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
  if ((ns.status?.conditions ?? []).length > 0) {
    w.write(LEVEL_0, "Conditions:\n");
    w.write(LEVEL_1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t------------------\t------\t-------\n");
    for (const c of ns.status!.conditions!) {
      w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123(c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
    }
  }
  w.write(LEVEL_0, "\n");
  const quotas = [...(opts.related?.resourceQuotas ?? [])].sort((a, b) => goStringCompare(a.metadata?.name ?? "", b.metadata?.name ?? ""));
  if (quotas.length === 0) {
    w.write(LEVEL_0, "No resource quota.\n");
  } else {
    w.write(LEVEL_0, "Resource Quotas\n");
    for (const q of quotas) {
      w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ""}\n`);
      const scopes = [...(q.spec?.scopes ?? [])].sort(goStringCompare);
      if (scopes.length > 0) {
        w.write(LEVEL_1, `Scopes:\t${scopes.join(", ")}\n`);
        for (const s of scopes) if (QUOTA_SCOPE_HELP[s]) w.write(LEVEL_1, `* ${QUOTA_SCOPE_HELP[s]}\n`);
      }
      w.write(LEVEL_1, "Resource\tUsed\tHard\n");
      w.write(LEVEL_1, "--------\t---\t---\n");
      for (const r of sortedKeys(q.status?.hard)) {
        w.write(LEVEL_1, `${r}\t${formatQuantity(quantityOf(q.status?.used, r))}\t${formatQuantity(quantityOf(q.status?.hard, r))}\n`);
      }
    }
  }
  w.write(LEVEL_0, "\n");
  const limitRanges = opts.related?.limitRanges ?? [];
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, "No LimitRange resource.\n");
  } else {
    w.write(LEVEL_0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
    w.write(LEVEL_0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
    for (const lr of limitRanges) describeLimitRangeSpec(w, lr, " ");
  }
  return w.toString();
}

function describeConfigMap(cm: ConfigMap, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata?.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", cm.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", cm.metadata?.annotations);
  // Go ranges over the data map (random order); sorted keeps the output stable.
  w.write(LEVEL_0, "\nData\n====\n");
  for (const k of sortedKeys(cm.data)) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data![k]}\n`);
    w.write(LEVEL_0, "\n");
  }
  w.write(LEVEL_0, "\nBinaryData\n====\n");
  for (const k of sortedKeys(cm.binaryData)) w.write(LEVEL_0, `${k}: ${base64Length(cm.binaryData![k]!)} bytes\n`);
  w.write(LEVEL_0, "\n");
  withEvents(w, opts);
  return w.toString();
}

/** Decoded length of standard base64 text. */
function base64Length(s: string): number {
  const clean = s.replace(/\s/g, "");
  const pad = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

function base64Decode(s: string): string {
  const bin = atob(s.replace(/\s/g, ""));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

function describeSecret(secret: Secret): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${secret.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${secret.metadata?.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", secret.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", secret.metadata?.annotations);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ""}\n`);
  w.write(LEVEL_0, "\nData\n====\n");
  for (const k of sortedKeys(secret.data)) {
    const v = secret.data![k]!;
    if (k === "token" && secret.type === "kubernetes.io/service-account-token") w.write(LEVEL_0, `${k}:\t${base64Decode(v)}\n`);
    else w.write(LEVEL_0, `${k}:\t${base64Length(v)} bytes\n`);
  }
  return w.toString();
}

// ---- any other kind: the generic describer ----

/** smartLabelFor: "apiVersion" → "API Version", "podCIDR" → "Pod CIDR". */
function smartLabelFor(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== "-")) return field;
  const acronyms = ["API", "URL", "UID", "OSB", "GUID"];
  return camelCaseSplit(field)
    .filter((p) => p !== "_")
    .map((p) => (acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(" ");
}

/** fatih/camelcase.Split: runs of lower, upper, digit and other characters; "HTTPServer" → HTTP, Server. */
function camelCaseSplit(s: string): string[] {
  const cls = (ch: string) => (/\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : /\p{Nd}/u.test(ch) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const ch of s) {
    const c = cls(ch);
    if (c === last && runs.length > 0) runs[runs.length - 1]!.push(ch);
    else runs.push([ch]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const a = runs[i]!;
    const b = runs[i + 1]!;
    if (cls(a[0]!) === 2 && cls(b[0]!) === 1) {
      b.unshift(a.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}

function printUnstructured(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string, skip: Set<string>): void {
  for (const key of Object.keys(content).sort(goStringCompare)) {
    const value = content[key];
    const path = `${prefix}.${key}`;
    if (skip.has(path)) continue;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(key)}:\n`);
      printUnstructured(w, level + 1, value as Record<string, unknown>, path, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(key)}:\n`);
      for (const child of value) {
        if (child && typeof child === "object" && !Array.isArray(child)) {
          printUnstructured(w, level + 1, child as Record<string, unknown>, path, skip);
        } else {
          w.write(level + 1, `${goValue(child)}\n`);
        }
      }
    } else {
      w.write(level, `${smartLabelFor(key)}:\t${goValue(value)}\n`);
    }
  }
}

/** %v of a decoded JSON scalar. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  return String(v);
}

function describeGeneric(obj: KubeObject, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata?.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata?.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata?.annotations);
  const skip = new Set([".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"]);
  printUnstructured(w, LEVEL_0, JSON.parse(JSON.stringify(obj)) as Record<string, unknown>, "", skip);
  withEvents(w, opts);
  return w.toString();
}

/**
 * `kubectl describe` for one object. Pod, Deployment, ReplicaSet, DaemonSet, Job, Service,
 * Endpoints, Node, Namespace, ConfigMap and Secret have their own layouts; other kinds use
 * kubectl's generic describer. Several objects are joined by a blank line ("\n\n" between them).
 */
export function describe(obj: KubeObject, opts: DescribeOptions): string {
  switch (obj.kind) {
    case "Pod":
      return describePod(obj as Pod, opts);
    case "Deployment":
      return describeDeployment(obj as Deployment, opts);
    case "ReplicaSet":
      return describeReplicaSet(obj as ReplicaSet, opts);
    case "DaemonSet":
      return describeDaemonSet(obj as DaemonSet, opts);
    case "Job":
      return describeJob(obj as Job, opts);
    case "Service":
      return describeService(obj as Service, opts);
    case "Endpoints":
      return describeEndpoints(obj as Endpoints, opts);
    case "Node":
      return describeNode(obj as Node, opts);
    case "Namespace":
      return describeNamespace(obj as Namespace, opts);
    case "ConfigMap":
      return describeConfigMap(obj as ConfigMap, opts);
    case "Secret":
      return describeSecret(obj as Secret);
    default:
      return describeGeneric(obj, opts);
  }
}

/** Several describes as kubectl prints them: separated by a blank line. */
export function joinDescriptions(texts: string[]): string {
  return texts.join("\n\n");
}
