// ValidatePodUpdate: a pod's spec is immutable apart from a few fields. Upstream appends a go-cmp
// diff of the spec to the Forbidden message; go-cmp deliberately varies its output, so we render a
// diff in its style (same header, same field names) rather than byte-for-byte.
import { type FieldError, forbidden, invalid, path as rootPath, required } from "./field";
import { goNumber, goQuote } from "./go-format";
import { inclusiveRangeError } from "./formats";
import { type Obj, arr, clone, isObj, num, obj, objs, semanticEqual, str } from "./json";
import { goLabels, validateObjectMetaUpdate } from "./meta";
import { validatePodMetadataAndSpec, validateTolerations } from "./pod";

const MAX_INT32 = 2147483647;

export const UPDATABLE_POD_SPEC_FIELDS = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
];

// The internal core.PodSpec field order, with the JSON fields that feed each one.
const POD_SPEC_FIELDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Volumes", ["volumes"]],
  ["InitContainers", ["initContainers"]],
  ["Containers", ["containers"]],
  ["EphemeralContainers", ["ephemeralContainers"]],
  ["RestartPolicy", ["restartPolicy"]],
  ["TerminationGracePeriodSeconds", ["terminationGracePeriodSeconds"]],
  ["ActiveDeadlineSeconds", ["activeDeadlineSeconds"]],
  ["DNSPolicy", ["dnsPolicy"]],
  ["NodeSelector", ["nodeSelector"]],
  ["ServiceAccountName", ["serviceAccountName"]],
  ["AutomountServiceAccountToken", ["automountServiceAccountToken"]],
  ["NodeName", ["nodeName"]],
  ["SecurityContext", ["securityContext", "hostNetwork", "hostPID", "hostIPC", "shareProcessNamespace", "hostUsers"]],
  ["ImagePullSecrets", ["imagePullSecrets"]],
  ["Hostname", ["hostname"]],
  ["Subdomain", ["subdomain"]],
  ["SetHostnameAsFQDN", ["setHostnameAsFQDN"]],
  ["Affinity", ["affinity"]],
  ["SchedulerName", ["schedulerName"]],
  ["Tolerations", ["tolerations"]],
  ["HostAliases", ["hostAliases"]],
  ["PriorityClassName", ["priorityClassName"]],
  ["Priority", ["priority"]],
  ["PreemptionPolicy", ["preemptionPolicy"]],
  ["DNSConfig", ["dnsConfig"]],
  ["ReadinessGates", ["readinessGates"]],
  ["RuntimeClassName", ["runtimeClassName"]],
  ["Overhead", ["overhead"]],
  ["EnableServiceLinks", ["enableServiceLinks"]],
  ["TopologySpreadConstraints", ["topologySpreadConstraints"]],
  ["OS", ["os"]],
  ["SchedulingGates", ["schedulingGates"]],
  ["ResourceClaims", ["resourceClaims"]],
  ["Resources", ["resources"]],
];

const ACRONYMS: Record<string, string> = {
  apiVersion: "APIVersion",
  dnsPolicy: "DNSPolicy",
  dnsConfig: "DNSConfig",
  os: "OS",
  ip: "IP",
  hostIP: "HostIP",
  podIP: "PodIP",
  uid: "UID",
  tty: "TTY",
};
const goName = (k: string) => ACRONYMS[k] ?? k.charAt(0).toUpperCase() + k.slice(1);

// Field order of the internal structs most often printed (Container, ports, mounts, probes), so the
// rendering reads in Go's order rather than the client's.
const FIELD_ORDER = [
  "name",
  "image",
  "command",
  "args",
  "workingDir",
  "ports",
  "hostPort",
  "containerPort",
  "protocol",
  "hostIP",
  "envFrom",
  "env",
  "value",
  "valueFrom",
  "resources",
  "limits",
  "requests",
  "resizePolicy",
  "restartPolicy",
  "volumeMounts",
  "readOnly",
  "mountPath",
  "subPath",
  "volumeDevices",
  "livenessProbe",
  "readinessProbe",
  "startupProbe",
  "lifecycle",
  "terminationMessagePath",
  "terminationMessagePolicy",
  "imagePullPolicy",
  "securityContext",
  "stdin",
  "stdinOnce",
  "tty",
];
const order = (k: string) => {
  const i = FIELD_ORDER.indexOf(k);
  return i < 0 ? FIELD_ORDER.length : i;
};

/** A compact rendering in go-cmp's style: `{Name: "x", Image: "y"}`. */
function cmpValue(v: unknown): string {
  if (v === undefined || v === null) return "nil";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `{${v.map(cmpValue).join(", ")}}`;
  if (isObj(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined && v[k] !== null && v[k] !== "")
      .sort((a, b) => order(a) - order(b))
      .map((k) => `${goName(k)}: ${cmpValue(v[k])}`)
      .join(", ")}}`;
  }
  return String(v);
}

function fieldValue(spec: Obj, jsonFields: readonly string[]): unknown {
  if (jsonFields.length === 1) return spec[jsonFields[0]!];
  const out: Obj = { ...(obj(spec[jsonFields[0]!]) ?? {}) };
  for (const f of jsonFields.slice(1)) if (spec[f] !== undefined) out[f] = spec[f];
  return Object.keys(out).length === 0 ? undefined : out;
}

/** A go-cmp style diff of two pod specs (old first). */
export function podSpecDiff(oldSpec: Obj, newSpec: Obj): string {
  const lines = ["  core.PodSpec{"];
  let identical = 0;
  const flush = () => {
    if (identical > 0) lines.push(`  \t... // ${identical} identical field${identical === 1 ? "" : "s"}`);
    identical = 0;
  };
  for (const [name, jsonFields] of POD_SPEC_FIELDS) {
    const a = fieldValue(oldSpec, jsonFields);
    const b = fieldValue(newSpec, jsonFields);
    if (semanticEqual(a, b)) {
      identical++;
      continue;
    }
    flush();
    lines.push(`- \t${name}: ${cmpValue(a)},`);
    lines.push(`+ \t${name}: ${cmpValue(b)},`);
  }
  flush();
  lines.push("  }");
  return lines.join("\n") + "\n";
}

function tolerationsOnlyAdded(newT: Obj[], oldT: Obj[]): boolean {
  return oldT.every((old) =>
    newT.some((t) => {
      const { tolerationSeconds: _a, ...o } = old;
      const { tolerationSeconds: _b, ...n } = t;
      return semanticEqual(o, n);
    }),
  );
}

/** ValidatePodUpdate (spec/metadata updates through the main resource). */
export function validatePodUpdate(newPod: Obj, oldPod: Obj): FieldError[] {
  const newMeta = obj(newPod.metadata) ?? {};
  const oldMeta = obj(oldPod.metadata) ?? {};
  const newSpec = obj(newPod.spec) ?? {};
  const oldSpec = obj(oldPod.spec) ?? {};
  const specPath = rootPath("spec");
  const errs = validateObjectMetaUpdate(newMeta, oldMeta, rootPath("metadata"));
  errs.push(...validatePodMetadataAndSpec(newPod));

  const oldAnn = obj(oldMeta.annotations) ?? {};
  const newAnn = obj(newMeta.annotations) ?? {};
  const mirror = "kubernetes.io/config.mirror";
  const annPath = rootPath("metadata", "annotations");
  if (mirror in oldAnn && newAnn[mirror] !== oldAnn[mirror]) {
    errs.push(forbidden(annPath.key(mirror), "may not remove or update mirror pod annotation"));
  }
  if (mirror in newAnn && !(mirror in oldAnn)) errs.push(forbidden(annPath.key(mirror), "may not add mirror pod annotation"));

  for (const kind of ["containers", "initContainers"] as const) {
    const n = objs(newSpec[kind]);
    const o = objs(oldSpec[kind]);
    if (n.length !== o.length) {
      errs.push(forbidden(specPath.child(kind), "pod updates may not add or remove containers"));
      return errs;
    }
    n.forEach((c, i) => {
      const image = str(c.image);
      if (image.length === 0) errs.push(required(specPath.child(kind).index(i).child("image")));
      if (image.trim().length !== image.length) {
        errs.push(invalid(specPath.child(kind).index(i).child("image"), image, "must not have leading or trailing whitespace"));
      }
    });
  }

  const newADS = num(newSpec.activeDeadlineSeconds);
  const oldADS = num(oldSpec.activeDeadlineSeconds);
  if (newADS !== undefined) {
    if (newADS < 0 || newADS > MAX_INT32) {
      errs.push(invalid(specPath.child("activeDeadlineSeconds"), newADS, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (oldADS !== undefined && oldADS < newADS) {
      errs.push(invalid(specPath.child("activeDeadlineSeconds"), newADS, "must be less than or equal to previous value"));
      return errs;
    }
  } else if (oldADS !== undefined) {
    errs.push(invalid(specPath.child("activeDeadlineSeconds"), null, "must not update from a positive integer to nil value"));
  }

  const newTol = objs(newSpec.tolerations);
  if (!tolerationsOnlyAdded(newTol, objs(oldSpec.tolerations))) {
    errs.push(forbidden(specPath.child("tolerations"), "existing toleration can not be modified except its tolerationSeconds"));
  } else {
    errs.push(...validateTolerations(newSpec.tolerations, specPath.child("tolerations")));
  }

  const oldGates = new Set(objs(oldSpec.schedulingGates).map((g) => str(g.name)));
  objs(newSpec.schedulingGates).forEach((g, i) => {
    if (!oldGates.has(str(g.name))) {
      errs.push(
        forbidden(
          specPath.child("schedulingGates").index(i).child("name"),
          `only deletion is allowed, but found new scheduling gate '${str(g.name)}'`,
        ),
      );
    }
  });

  if (semanticEqual(newSpec, oldSpec)) return errs;

  const munged = clone(newSpec);
  for (const kind of ["containers", "initContainers"] as const) {
    const o = objs(oldSpec[kind]);
    if (Array.isArray(munged[kind])) {
      munged[kind] = arr(munged[kind]).map((c, i) => (isObj(c) ? { ...c, image: o[i]?.image } : c));
    }
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldGrace = num(oldSpec.terminationGracePeriodSeconds);
  if (oldGrace !== undefined && oldGrace < 0 && num(munged.terminationGracePeriodSeconds) === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (oldGates.size > 0) {
    // Gated pods may gain node selectors and node affinity.
    const oldSel = obj(oldSpec.nodeSelector) ?? {};
    const newSel = obj(munged.nodeSelector) ?? {};
    if (!semanticEqual(oldSel, newSel)) {
      if (Object.entries(oldSel).some(([k, v]) => newSel[k] !== v)) {
        errs.push(
          invalid(specPath.child("nodeSelector"), goLabels(newSel), "only additions to spec.nodeSelector are allowed (no mutations or deletions)"),
        );
      }
      munged.nodeSelector = oldSpec.nodeSelector;
    }
  }
  if (!semanticEqual(munged, oldSpec)) {
    errs.push(
      forbidden(
        specPath,
        `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(",")}\n${podSpecDiff(oldSpec, munged)}`,
      ),
    );
  }
  return errs;
}
