// Warnings the API server returns with a successful create/update of a pod or pod template
// (pkg/api/pod/warnings.go); kubectl prints each as "Warning: <text>".
import { type Path, path as rootPath } from "./field";
import { type Obj, obj, objs, str } from "./json";
import { formatQuantity, isInteger, roundUpToMilli, toQuantity } from "./quantity";

const DEPRECATED_NODE_LABELS: Record<string, string> = {
  "beta.kubernetes.io/arch": 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  "beta.kubernetes.io/os": 'deprecated since v1.14; use "kubernetes.io/os" instead',
  "failure-domain.beta.kubernetes.io/region": 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  "failure-domain.beta.kubernetes.io/zone": 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  "beta.kubernetes.io/instance-type": 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
};

const DEPRECATED_VOLUMES: ReadonlyArray<readonly [string, string, string]> = [
  ["photonPersistentDisk", "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+"],
  ["gitRepo", "gitRepo", "deprecated in v1.11"],
  ["scaleIO", "scaleIO", "deprecated in v1.16, non-functional in v1.22+"],
  ["flocker", "flocker", "deprecated in v1.22, non-functional in v1.25+"],
  ["storageos", "storageOS", "deprecated in v1.22, non-functional in v1.25+"],
  ["quobyte", "quobyte", "deprecated in v1.22, non-functional in v1.25+"],
  ["glusterfs", "glusterfs", "deprecated in v1.25, non-functional in v1.26+"],
  ["cephfs", "cephfs", "deprecated in v1.28, non-functional in v1.31+"],
  ["rbd", "rbd", "deprecated in v1.28, non-functional in v1.31+"],
];

/** `prefix` is null for a Pod and the template path (`spec.template`) for workloads. */
function childOf(prefix: Path | null, ...names: string[]): Path {
  const [first, ...rest] = names as [string, ...string[]];
  return prefix ? prefix.child(first, ...rest) : rootPath(first, ...rest);
}

function fractional(v: unknown): boolean {
  const q = toQuantity(v);
  return q !== null && !isInteger(roundUpToMilli(q));
}

export function warningsForPodSpec(prefix: Path | null, spec: Obj, meta: Obj): string[] {
  const w: string[] = [];
  const nodeSelector = obj(spec.nodeSelector) ?? {};
  for (const k of Object.keys(nodeSelector)) {
    const msg = DEPRECATED_NODE_LABELS[k];
    if (msg) w.push(`${childOf(prefix, "spec", "nodeSelector").key(k)}: ${msg}`);
  }
  objs(spec.topologySpreadConstraints).forEach((t, i) => {
    const tp = childOf(prefix, "spec", "topologySpreadConstraints").index(i);
    const msg = DEPRECATED_NODE_LABELS[str(t.topologyKey)];
    if (msg) w.push(`${tp.child("topologyKey")}: ${str(t.topologyKey)} is ${msg}`);
    if (t.labelSelector === undefined || t.labelSelector === null) w.push(`${tp.child("labelSelector")}: a null labelSelector results in matching no pod`);
  });
  objs(spec.volumes).forEach((v, i) => {
    for (const [key, name, msg] of DEPRECATED_VOLUMES) {
      if (obj(v[key])) w.push(`${childOf(prefix, "spec", "volumes").index(i).child(name)}: ${msg}`);
    }
  });
  const pullSecrets = objs(spec.imagePullSecrets);
  if (pullSecrets.length > 1) {
    const seen = new Set<string>();
    pullSecrets.forEach((s, i) => {
      const name = str(s.name);
      if (seen.has(name)) w.push(`${childOf(prefix, "spec", "imagePullSecrets").index(i).child("name")}: duplicate name ${JSON.stringify(name)}`);
      seen.add(name);
    });
  }
  pullSecrets.forEach((s, i) => {
    if (str(s.name) === "") w.push(`${childOf(prefix, "spec", "imagePullSecrets").index(i).child("name")}: invalid empty name ""`);
  });
  const annotations = obj(meta.annotations) ?? {};
  if ("seccomp.security.alpha.kubernetes.io/pod" in annotations && !obj(obj(spec.securityContext)?.seccompProfile)) {
    w.push(
      `${childOf(prefix, "metadata", "annotations").key("seccomp.security.alpha.kubernetes.io/pod")}: non-functional in v1.27+; use the "seccompProfile" field instead`,
    );
  }

  const containers: Array<[Obj, Path]> = [];
  objs(spec.initContainers).forEach((c, i) => containers.push([c, childOf(prefix, "spec", "initContainers").index(i)]));
  objs(spec.containers).forEach((c, i) => containers.push([c, childOf(prefix, "spec", "containers").index(i)]));
  for (const [c, p] of containers) {
    const res = obj(c.resources) ?? {};
    for (const [kind, list] of [
      ["limits", obj(res.limits) ?? {}],
      ["requests", obj(res.requests) ?? {}],
    ] as const) {
      for (const r of ["memory", "ephemeral-storage"]) {
        if (r in list && fractional(list[r])) {
          const q = toQuantity(list[r])!;
          w.push(`${p.child("resources", kind).key(r)}: fractional byte value ${JSON.stringify(formatQuantity(roundUpToMilli(q)))} is invalid, must be an integer`);
        }
      }
    }
    const env = objs(c.env);
    const names = new Set<string>();
    env.forEach((e, i) => {
      const name = str(e.name);
      if (names.has(name)) {
        const ref = `$(${name})`;
        const value = str(e.value);
        if (e.valueFrom !== undefined || value === ref || !value.includes(ref)) {
          w.push(`${p.child("env").index(i)}: hides previous definition of ${JSON.stringify(name)}, which may be dropped when using apply`);
        }
      } else {
        names.add(name);
      }
    });
  }

  const seenPorts = new Map<string, Array<{ path: Path; hostIP: string; hostPort: number }>>();
  for (const [c, p] of containers) {
    objs(c.ports).forEach((port, i) => {
      const pp = p.child("ports").index(i);
      const hostIP = str(port.hostIP);
      const hostPort = typeof port.hostPort === "number" ? port.hostPort : 0;
      const key = `${typeof port.containerPort === "number" ? port.containerPort : 0}/${str(port.protocol)}`;
      const others = seenPorts.get(key);
      if (others) {
        for (const o of others) {
          if (hostIP === o.hostIP && hostPort === o.hostPort) w.push(`${pp}: duplicate port definition with ${o.path}`);
          else if (hostPort === 0 || o.hostPort === 0) w.push(`${pp}: overlapping port definition with ${o.path}`);
          else if (hostPort === o.hostPort && (hostIP === "") !== (o.hostIP === "")) {
            w.push(`${pp}: dangerously ambiguous port definition with ${o.path}`);
          }
        }
        others.push({ path: pp, hostIP, hostPort });
      } else {
        seenPorts.set(key, [{ path: pp, hostIP, hostPort }]);
      }
    });
  }
  const grace = spec.terminationGracePeriodSeconds;
  if (typeof grace === "number" && grace < 0) {
    w.push(`${childOf(prefix, "spec", "terminationGracePeriodSeconds")}: must be >= 0; negative values are invalid and will be treated as 1`);
  }
  const affinity = obj(spec.affinity);
  for (const kind of ["podAffinity", "podAntiAffinity"] as const) {
    const a = obj(affinity?.[kind]);
    if (!a) continue;
    const base = childOf(prefix, "spec", "affinity", kind);
    objs(a.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      if (t.labelSelector === undefined || t.labelSelector === null) {
        w.push(`${base.child("requiredDuringSchedulingIgnoredDuringExecution").index(i).child("labelSelector")}: a null labelSelector results in matching no pod`);
      }
    });
    objs(a.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const term = obj(t.podAffinityTerm) ?? {};
      if (term.labelSelector === undefined || term.labelSelector === null) {
        w.push(
          `${base.child("preferredDuringSchedulingIgnoredDuringExecution").index(i).child("podAffinityTerm", "labelSelector")}: a null labelSelector results in matching no pod`,
        );
      }
    });
  }
  return w;
}

/** Warnings for a create or update of any kind (only pods and pod templates have any). */
export function warningsFor(o: Obj): string[] {
  const spec = obj(o.spec) ?? {};
  switch (o.kind) {
    case "Pod":
      return warningsForPodSpec(null, spec, obj(o.metadata) ?? {});
    case "Deployment":
    case "ReplicaSet":
    case "DaemonSet":
    case "StatefulSet":
    case "Job": {
      const t = obj(spec.template) ?? {};
      return warningsForPodSpec(rootPath("spec", "template"), obj(t.spec) ?? {}, obj(t.metadata) ?? {});
    }
    default:
      return [];
  }
}
