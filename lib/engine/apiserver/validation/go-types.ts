// `%#v` renderings of larger internal API types (core.PodTemplateSpec and what it contains), used
// where upstream prints a whole struct as the bad value ("spec.template: Invalid value:
// core.PodTemplateSpec{...}: field is immutable"). Field order follows pkg/apis/core/types.go;
// pointers print as addresses, as Go does (fixed here to keep output deterministic).
import { GoValue, goNumber, goQuote } from "./go-format";
import { isObj, type Obj } from "./json";
import { formatQuantity, toQuantity } from "./quantity";

type Kind =
  | { t: "string" | "int" | "bool" | "time" }
  | { t: "ptr"; of: string }
  | { t: "slice"; of: string; elem?: Kind }
  | { t: "map"; of: string }
  | { t: "struct"; name: string; fields: Field[] }
  | { t: "intstr" }
  | { t: "resources" }
  | { t: "volumes" };

type Field = readonly [goName: string, jsonName: string, kind: Kind];

const S: Kind = { t: "string" };
const I: Kind = { t: "int" };
const B: Kind = { t: "bool" };
const ptr = (of: string): Kind => ({ t: "ptr", of });
const slice = (of: string, elem?: Kind): Kind => ({ t: "slice", of, elem });
const map = (of: string): Kind => ({ t: "map", of });
const struct = (name: string, fields: Field[]): Kind => ({ t: "struct", name, fields });

const OBJECT_META = struct("v1.ObjectMeta", [
  ["Name", "name", S],
  ["GenerateName", "generateName", S],
  ["Namespace", "namespace", S],
  ["SelfLink", "selfLink", S],
  ["UID", "uid", S],
  ["ResourceVersion", "resourceVersion", S],
  ["Generation", "generation", I],
  ["CreationTimestamp", "creationTimestamp", { t: "time" }],
  ["DeletionTimestamp", "deletionTimestamp", ptr("v1.Time")],
  ["DeletionGracePeriodSeconds", "deletionGracePeriodSeconds", ptr("int64")],
  ["Labels", "labels", map("map[string]string")],
  ["Annotations", "annotations", map("map[string]string")],
  ["OwnerReferences", "ownerReferences", slice("[]v1.OwnerReference")],
  ["Finalizers", "finalizers", slice("[]string", S)],
  ["ManagedFields", "managedFields", slice("[]v1.ManagedFieldsEntry")],
]);

const CONTAINER_PORT = struct("core.ContainerPort", [
  ["Name", "name", S],
  ["HostPort", "hostPort", I],
  ["ContainerPort", "containerPort", I],
  ["Protocol", "protocol", S],
  ["HostIP", "hostIP", S],
]);

const ENV_VAR = struct("core.EnvVar", [
  ["Name", "name", S],
  ["Value", "value", S],
  ["ValueFrom", "valueFrom", ptr("core.EnvVarSource")],
]);

const VOLUME_MOUNT = struct("core.VolumeMount", [
  ["Name", "name", S],
  ["ReadOnly", "readOnly", B],
  ["RecursiveReadOnly", "recursiveReadOnly", ptr("core.RecursiveReadOnlyMode")],
  ["MountPath", "mountPath", S],
  ["SubPath", "subPath", S],
  ["MountPropagation", "mountPropagation", ptr("core.MountPropagationMode")],
  ["SubPathExpr", "subPathExpr", S],
]);

const CONTAINER = struct("core.Container", [
  ["Name", "name", S],
  ["Image", "image", S],
  ["Command", "command", slice("[]string", S)],
  ["Args", "args", slice("[]string", S)],
  ["WorkingDir", "workingDir", S],
  ["Ports", "ports", slice("[]core.ContainerPort", CONTAINER_PORT)],
  ["EnvFrom", "envFrom", slice("[]core.EnvFromSource")],
  ["Env", "env", slice("[]core.EnvVar", ENV_VAR)],
  ["Resources", "resources", { t: "resources" }],
  ["ResizePolicy", "resizePolicy", slice("[]core.ContainerResizePolicy")],
  ["RestartPolicy", "restartPolicy", ptr("core.ContainerRestartPolicy")],
  ["VolumeMounts", "volumeMounts", slice("[]core.VolumeMount", VOLUME_MOUNT)],
  ["VolumeDevices", "volumeDevices", slice("[]core.VolumeDevice")],
  ["LivenessProbe", "livenessProbe", ptr("core.Probe")],
  ["ReadinessProbe", "readinessProbe", ptr("core.Probe")],
  ["StartupProbe", "startupProbe", ptr("core.Probe")],
  ["Lifecycle", "lifecycle", ptr("core.Lifecycle")],
  ["TerminationMessagePath", "terminationMessagePath", S],
  ["TerminationMessagePolicy", "terminationMessagePolicy", S],
  ["ImagePullPolicy", "imagePullPolicy", S],
  ["SecurityContext", "securityContext", ptr("core.SecurityContext")],
  ["Stdin", "stdin", B],
  ["StdinOnce", "stdinOnce", B],
  ["TTY", "tty", B],
]);

const VOLUME_SOURCE_FIELDS: Field[] = [
  ["HostPath", "hostPath", ptr("core.HostPathVolumeSource")],
  ["EmptyDir", "emptyDir", ptr("core.EmptyDirVolumeSource")],
  ["GCEPersistentDisk", "gcePersistentDisk", ptr("core.GCEPersistentDiskVolumeSource")],
  ["AWSElasticBlockStore", "awsElasticBlockStore", ptr("core.AWSElasticBlockStoreVolumeSource")],
  ["GitRepo", "gitRepo", ptr("core.GitRepoVolumeSource")],
  ["Secret", "secret", ptr("core.SecretVolumeSource")],
  ["NFS", "nfs", ptr("core.NFSVolumeSource")],
  ["ISCSI", "iscsi", ptr("core.ISCSIVolumeSource")],
  ["Glusterfs", "glusterfs", ptr("core.GlusterfsVolumeSource")],
  ["PersistentVolumeClaim", "persistentVolumeClaim", ptr("core.PersistentVolumeClaimVolumeSource")],
  ["RBD", "rbd", ptr("core.RBDVolumeSource")],
  ["Quobyte", "quobyte", ptr("core.QuobyteVolumeSource")],
  ["FlexVolume", "flexVolume", ptr("core.FlexVolumeSource")],
  ["Cinder", "cinder", ptr("core.CinderVolumeSource")],
  ["CephFS", "cephfs", ptr("core.CephFSVolumeSource")],
  ["Flocker", "flocker", ptr("core.FlockerVolumeSource")],
  ["DownwardAPI", "downwardAPI", ptr("core.DownwardAPIVolumeSource")],
  ["FC", "fc", ptr("core.FCVolumeSource")],
  ["AzureFile", "azureFile", ptr("core.AzureFileVolumeSource")],
  ["ConfigMap", "configMap", ptr("core.ConfigMapVolumeSource")],
  ["VsphereVolume", "vsphereVolume", ptr("core.VsphereVirtualDiskVolumeSource")],
  ["AzureDisk", "azureDisk", ptr("core.AzureDiskVolumeSource")],
  ["PhotonPersistentDisk", "photonPersistentDisk", ptr("core.PhotonPersistentDiskVolumeSource")],
  ["Projected", "projected", ptr("core.ProjectedVolumeSource")],
  ["PortworxVolume", "portworxVolume", ptr("core.PortworxVolumeSource")],
  ["ScaleIO", "scaleIO", ptr("core.ScaleIOVolumeSource")],
  ["StorageOS", "storageos", ptr("core.StorageOSVolumeSource")],
  ["CSI", "csi", ptr("core.CSIVolumeSource")],
  ["Ephemeral", "ephemeral", ptr("core.EphemeralVolumeSource")],
  ["Image", "image", ptr("core.ImageVolumeSource")],
];

const POD_SPEC = struct("core.PodSpec", [
  ["Volumes", "volumes", { t: "volumes" }],
  ["InitContainers", "initContainers", slice("[]core.Container", CONTAINER)],
  ["Containers", "containers", slice("[]core.Container", CONTAINER)],
  ["EphemeralContainers", "ephemeralContainers", slice("[]core.EphemeralContainer")],
  ["RestartPolicy", "restartPolicy", S],
  ["TerminationGracePeriodSeconds", "terminationGracePeriodSeconds", ptr("int64")],
  ["ActiveDeadlineSeconds", "activeDeadlineSeconds", ptr("int64")],
  ["DNSPolicy", "dnsPolicy", S],
  ["NodeSelector", "nodeSelector", map("map[string]string")],
  ["ServiceAccountName", "serviceAccountName", S],
  ["AutomountServiceAccountToken", "automountServiceAccountToken", ptr("bool")],
  ["NodeName", "nodeName", S],
  ["SecurityContext", "securityContext", ptr("core.PodSecurityContext")],
  ["ImagePullSecrets", "imagePullSecrets", slice("[]core.LocalObjectReference")],
  ["Hostname", "hostname", S],
  ["Subdomain", "subdomain", S],
  ["SetHostnameAsFQDN", "setHostnameAsFQDN", ptr("bool")],
  ["Affinity", "affinity", ptr("core.Affinity")],
  ["SchedulerName", "schedulerName", S],
  ["Tolerations", "tolerations", slice("[]core.Toleration")],
  ["HostAliases", "hostAliases", slice("[]core.HostAlias")],
  ["PriorityClassName", "priorityClassName", S],
  ["Priority", "priority", ptr("int32")],
  ["PreemptionPolicy", "preemptionPolicy", ptr("core.PreemptionPolicy")],
  ["DNSConfig", "dnsConfig", ptr("core.PodDNSConfig")],
  ["ReadinessGates", "readinessGates", slice("[]core.PodReadinessGate")],
  ["RuntimeClassName", "runtimeClassName", ptr("string")],
  ["Overhead", "overhead", map("core.ResourceList")],
  ["EnableServiceLinks", "enableServiceLinks", ptr("bool")],
  ["TopologySpreadConstraints", "topologySpreadConstraints", slice("[]core.TopologySpreadConstraint")],
  ["OS", "os", ptr("core.PodOS")],
  ["SchedulingGates", "schedulingGates", slice("[]core.PodSchedulingGate")],
  ["ResourceClaims", "resourceClaims", slice("[]core.PodResourceClaim")],
  ["Resources", "resources", ptr("core.ResourceRequirements")],
]);

// Pointer fields print as addresses; each one gets its own so the output reads like Go's.
let nextAddr = 0;
function addr(): string {
  nextAddr = (nextAddr + 1) % 4096;
  return `0xc000${(0x4c1e0 + nextAddr * 0x18).toString(16).padStart(5, "0")}`;
}

function render(v: unknown, k: Kind): string {
  switch (k.t) {
    case "string":
      return goQuote(typeof v === "string" ? v : "");
    case "int":
      return goNumber(typeof v === "number" ? v : 0);
    case "bool":
      return String(v === true);
    case "time":
      return "time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)";
    case "ptr":
      return v === undefined || v === null ? `(*${k.of})(nil)` : `(*${k.of})(${addr()})`;
    case "map": {
      if (!isObj(v)) return `${k.of}(nil)`;
      const keys = Object.keys(v).sort();
      return `${k.of}{${keys.map((key) => `${goQuote(key)}:${goQuote(String(v[key]))}`).join(", ")}}`;
    }
    case "slice": {
      if (!Array.isArray(v)) return `${k.of}(nil)`;
      const elem = k.elem;
      if (!elem) return `${k.of}{${v.map((x) => (isObj(x) ? `${k.of.slice(2)}{...}` : render(x, S))).join(", ")}}`;
      return `${k.of}{${v.map((x) => render(x, elem)).join(", ")}}`;
    }
    case "intstr":
      return typeof v === "string"
        ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`
        : `intstr.IntOrString{Type:0, IntVal:${typeof v === "number" ? v : 0}, StrVal:""}`;
    case "resources": {
      const r = isObj(v) ? v : {};
      const list = (x: unknown) => {
        if (!isObj(x)) return "core.ResourceList(nil)";
        const keys = Object.keys(x).sort();
        return `core.ResourceList{${keys
          .map((key) => {
            const q = toQuantity(x[key]);
            return `${goQuote(key)}:{${q ? `s:${goQuote(formatQuantity(q))}` : ""}}`;
          })
          .join(", ")}}`;
      };
      return `core.ResourceRequirements{Limits:${list(r.limits)}, Requests:${list(r.requests)}, Claims:[]core.ResourceClaim(nil)}`;
    }
    case "volumes":
      return Array.isArray(v) ? `[]core.Volume{${v.map(renderVolume).join(", ")}}` : "[]core.Volume(nil)";
    case "struct": {
      const o: Obj = isObj(v) ? v : {};
      return `${k.name}{${k.fields.map(([g, j, fk]) => `${g}:${render(o[j], fk)}`).join(", ")}}`;
    }
  }
}

function renderVolume(v: unknown): string {
  const o: Obj = isObj(v) ? v : {};
  return `core.Volume{Name:${goQuote(typeof o.name === "string" ? o.name : "")}, VolumeSource:${render(o, struct("core.VolumeSource", VOLUME_SOURCE_FIELDS))}}`;
}

/** `%#v` of a core.PodTemplateSpec built from its JSON form. */
export function goPodTemplateSpec(template: Obj): GoValue {
  nextAddr = 0;
  return new GoValue(
    `core.PodTemplateSpec{ObjectMeta:${render(template.metadata, OBJECT_META)}, Spec:${render(template.spec, POD_SPEC)}}`,
  );
}
