// Pod and pod-template validation (pkg/apis/core/validation: ValidatePodSpec and friends), in the
// same order and with the same paths and messages as upstream.
import {
  type FieldError,
  type Path,
  duplicate,
  forbidden,
  internalError,
  invalid,
  notFound,
  notSupported,
  path as rootPath,
  required,
} from "./field";
import { GoValue, goNilPtr, goPtr, goQuote, goStruct } from "./go-format";
import {
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1123Subdomain,
  isEnvVarName,
  isHTTPHeaderName,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidGroupID,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  isValidUserID,
  parseIP,
} from "./formats";
import { type Obj, arr, isObj, num, obj, objs, str } from "./json";
import {
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateLabelName,
  validateLabelSelector,
  validateLabels,
  validateNonnegative,
  validateObjectMeta,
  validateQualifiedName,
} from "./meta";
import { type Quantity, compare, formatQuantity, goQuantity, isInteger, sign, toQuantity } from "./quantity";

export interface PodValidationOptions {
  /** The spec belongs to a Pod (not a template in another object). */
  resourceIsPod: boolean;
  /** RelaxedEnvironmentVariableValidation (beta and on by default since v1.32). */
  relaxedEnvNames: boolean;
}

export const DEFAULT_POD_OPTIONS: PodValidationOptions = { resourceIsPod: false, relaxedEnvNames: true };

const MAX_INT32 = 2147483647;
const FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";
const SUPPORTED_PROTOCOLS = ["SCTP", "TCP", "UDP"];

// ---------------------------------------------------------------------------------------------
// Resource names (pkg/apis/core/helper)

const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);
const STANDARD_RESOURCES = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "services",
  "replicationcontrollers",
  "resourcequotas",
  "secrets",
  "persistentvolumeclaims",
  "configmaps",
  "services.nodeports",
  "services.loadbalancers",
  "requests.storage",
]);
const STANDARD_QUOTA_RESOURCES = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.storage",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "services",
  "replicationcontrollers",
  "resourcequotas",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "services.nodeports",
  "services.loadbalancers",
]);
const INTEGER_RESOURCES = new Set([
  "pods",
  "services",
  "replicationcontrollers",
  "resourcequotas",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "services.nodeports",
  "services.loadbalancers",
]);

export const isHugePageResourceName = (n: string) => n.startsWith("hugepages-");
const isQuotaHugePageResourceName = (n: string) => n.startsWith("hugepages-") || n.startsWith("requests.hugepages-");
export const isNativeResource = (n: string) => !n.includes("/") || n.includes("kubernetes.io/");
export function isExtendedResourceName(n: string): boolean {
  if (isNativeResource(n) || n.startsWith("requests.")) return false;
  return isQualifiedName("requests." + n).length === 0;
}
export const isOvercommitAllowed = (n: string) => isNativeResource(n) && !isHugePageResourceName(n);
const isIntegerResourceName = (n: string) => INTEGER_RESOURCES.has(n) || isExtendedResourceName(n);

export function validateResourceName(name: string, p: Path): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(p, name, m));
  if (errs.length > 0) return errs;
  if (name.split("/").length === 1 && !STANDARD_RESOURCES.has(name) && !isQuotaHugePageResourceName(name)) {
    return [invalid(p, name, "must be a standard resource type or fully qualified")];
  }
  return [];
}

function validateContainerResourceName(name: string, p: Path): FieldError[] {
  const errs = validateResourceName(name, p);
  if (name.split("/").length === 1) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePageResourceName(name)) {
      return [...errs, invalid(p, name, "must be a standard resource for containers")];
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    return [...errs, invalid(p, name, "doesn't follow extended resource name standard")];
  }
  return errs;
}

export function validateResourceQuotaResourceName(name: string, p: Path): FieldError[] {
  const errs = validateResourceName(name, p);
  if (name.split("/").length === 1 && !STANDARD_QUOTA_RESOURCES.has(name) && !isQuotaHugePageResourceName(name)) {
    return [...errs, invalid(p, name, "must be a standard resource for quota")];
  }
  return errs;
}

/** ValidateResourceQuantityValue: non-negative, and whole for countable resources. */
export function validateResourceQuantityValue(resource: string, q: Quantity, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (sign(q) < 0) errs.push(invalid(p, formatQuantity(q), "must be greater than or equal to 0"));
  if (isIntegerResourceName(resource) && !isInteger(q)) errs.push(invalid(p, goQuantity(q), "must be an integer"));
  return errs;
}

/** validateResourceRequirements for containers; unparsable quantities are decode errors, skipped here. */
export function validateResourceRequirements(res: unknown, p: Path, podLevel = false): FieldError[] {
  const errs: FieldError[] = [];
  const r = obj(res) ?? {};
  const limits = obj(r.limits) ?? {};
  const requests = obj(r.requests) ?? {};
  const limPath = p.child("limits");
  const reqPath = p.child("requests");
  const nameFn = podLevel ? validateResourceName : validateContainerResourceName;
  let limCPUOrMem = false;
  let reqCPUOrMem = false;
  let hugePages = false;
  for (const name of Object.keys(limits).sort()) {
    const fp = limPath.key(name);
    errs.push(...nameFn(name, fp));
    const q = toQuantity(limits[name]);
    if (q) errs.push(...validateResourceQuantityValue(name, q, fp));
    if (isHugePageResourceName(name)) hugePages = true;
    if (name === "cpu" || name === "memory") limCPUOrMem = true;
  }
  for (const name of Object.keys(requests).sort()) {
    const fp = reqPath.key(name);
    errs.push(...nameFn(name, fp));
    const q = toQuantity(requests[name]);
    if (q) errs.push(...validateResourceQuantityValue(name, q, fp));
    if (name in limits) {
      const lim = toQuantity(limits[name]);
      if (q && lim) {
        if (compare(q, lim) !== 0 && !isOvercommitAllowed(name)) {
          errs.push(invalid(reqPath, formatQuantity(q), `must be equal to ${name} limit of ${formatQuantity(lim)}`));
        } else if (compare(q, lim) > 0) {
          errs.push(invalid(reqPath, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`));
        }
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, "Limit must be set for non overcommitable resources"));
    }
    if (isHugePageResourceName(name)) hugePages = true;
    if (name === "cpu" || name === "memory") reqCPUOrMem = true;
  }
  if (!limCPUOrMem && !reqCPUOrMem && hugePages) errs.push(forbidden(p, "HugePages require cpu or memory"));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Paths and volumes

function validatePathNoBacksteps(target: string, p: Path): FieldError[] {
  return target.split("/").includes("..") ? [invalid(p, target, "must not contain '..'")] : [];
}

function validateLocalDescendingPath(target: string, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (target.startsWith("/")) errs.push(invalid(p, target, "must be a relative path"));
  return errs.concat(validatePathNoBacksteps(target, p));
}

function validateLocalNonReservedPath(target: string, p: Path): FieldError[] {
  const errs = validateLocalDescendingPath(target, p);
  if (target.startsWith("..") && !target.startsWith("../")) errs.push(invalid(p, target, "must not start with '..'"));
  return errs;
}

function validateMode(mode: unknown, p: Path): FieldError[] {
  const m = num(mode);
  return m !== undefined && (m > 0o777 || m < 0) ? [invalid(p, m, FILE_MODE_ERROR)] : [];
}

function validateKeyToPath(kp: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (str(kp.key).length === 0) errs.push(required(p.child("key")));
  if (str(kp.path).length === 0) errs.push(required(p.child("path")));
  errs.push(...validateLocalNonReservedPath(str(kp.path), p.child("path")));
  errs.push(...validateMode(kp.mode, p.child("mode")));
  return errs;
}

const HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

const VALID_VOLUME_FIELD_PATHS = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];
const VALID_ENV_FIELD_PATHS = [
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.serviceAccountName",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
];
const CONVERTIBLE_FIELD_LABELS = new Set([
  "metadata.annotations",
  "metadata.labels",
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.restartPolicy",
  "spec.serviceAccountName",
  "spec.schedulerName",
  "status.phase",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
]);
const VALID_RESOURCE_FIELD_PATHS = [
  "limits.cpu",
  "limits.ephemeral-storage",
  "limits.memory",
  "requests.cpu",
  "requests.ephemeral-storage",
  "requests.memory",
];

function splitSubscript(fieldPath: string): { path: string; subscript: string } | null {
  const m = /^(.*)\['(.*)'\]$/.exec(fieldPath);
  return m ? { path: m[1]!, subscript: m[2]! } : null;
}

function validateObjectFieldSelector(fs: Obj, valid: readonly string[], p: Path): FieldError[] {
  const apiVersion = str(fs.apiVersion);
  const fieldPath = str(fs.fieldPath);
  if (apiVersion.length === 0) return [required(p.child("apiVersion"))];
  if (fieldPath.length === 0) return [required(p.child("fieldPath"))];
  // podshelper.ConvertDownwardAPIFieldLabel
  let converted = fieldPath;
  let convErr: string | null = null;
  if (apiVersion !== "v1") convErr = `unsupported pod version: ${apiVersion}`;
  else {
    const sub = splitSubscript(fieldPath);
    if (sub) {
      if (sub.path !== "metadata.annotations" && sub.path !== "metadata.labels") {
        convErr = `field label does not support subscript: ${fieldPath}`;
      }
    } else if (fieldPath === "spec.host") converted = "spec.nodeName";
    else if (!CONVERTIBLE_FIELD_LABELS.has(fieldPath)) convErr = `field label not supported: ${fieldPath}`;
  }
  if (convErr) return [invalid(p.child("fieldPath"), fieldPath, `error converting fieldPath: ${convErr}`)];
  const sub = splitSubscript(converted);
  if (sub) {
    if (sub.path === "metadata.annotations") return validateQualifiedName(sub.subscript.toLowerCase(), p);
    if (sub.path === "metadata.labels") return validateQualifiedName(sub.subscript, p);
    return [invalid(p, sub.path, "does not support subscript")];
  }
  if (!valid.includes(converted)) return [notSupported(p.child("fieldPath"), converted, valid)];
  return [];
}

const DIVISORS_CPU = new Set(["1m", "1"]);
const DIVISORS_BYTES = new Set(["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"]);

function validateResourceFieldSelector(fs: Obj, p: Path, volume: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const resource = str(fs.resource);
  if (volume && str(fs.containerName).length === 0) errs.push(required(p.child("containerName")));
  else if (resource.length === 0) errs.push(required(p.child("resource")));
  else if (!VALID_RESOURCE_FIELD_PATHS.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
    errs.push(notSupported(p.child("resource"), resource, VALID_RESOURCE_FIELD_PATHS));
  }
  const divisor = fs.divisor === undefined ? null : toQuantity(fs.divisor);
  if (divisor && sign(divisor) !== 0) {
    const d = formatQuantity(divisor);
    if ((resource === "limits.cpu" || resource === "requests.cpu") && !DIVISORS_CPU.has(d)) {
      errs.push(invalid(p.child("divisor"), resource, "only divisor's values 1m and 1 are supported with the cpu resource"));
    } else if ((resource === "limits.memory" || resource === "requests.memory") && !DIVISORS_BYTES.has(d)) {
      errs.push(
        invalid(
          p.child("divisor"),
          resource,
          "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource",
        ),
      );
    } else if ((resource === "limits.ephemeral-storage" || resource === "requests.ephemeral-storage") && !DIVISORS_BYTES.has(d)) {
      errs.push(
        invalid(
          p.child("divisor"),
          resource,
          "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource",
        ),
      );
    }
  }
  return errs;
}

function validateDownwardAPIFile(file: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (str(file.path).length === 0) errs.push(required(p.child("path")));
  errs.push(...validateLocalNonReservedPath(str(file.path), p.child("path")));
  if (isObj(file.fieldRef)) {
    errs.push(...validateObjectFieldSelector(file.fieldRef, VALID_VOLUME_FIELD_PATHS, p.child("fieldRef")));
    if (isObj(file.resourceFieldRef)) {
      errs.push(invalid(p, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
    }
  } else if (isObj(file.resourceFieldRef)) {
    errs.push(...validateResourceFieldSelector(file.resourceFieldRef, p.child("resourceFieldRef"), true));
  } else {
    errs.push(required(p, "one of fieldRef and resourceFieldRef is required"));
  }
  errs.push(...validateMode(file.mode, p.child("mode")));
  return errs;
}

function validateProjectedSources(projected: Obj, p: Path, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  const allPaths = new Set<string>();
  objs(projected.sources).forEach((source, i) => {
    let numSources = 0;
    const srcPath = p.child("sources").index(i);
    for (const kind of ["secret", "configMap"] as const) {
      const s = obj(source[kind]);
      if (!s) continue;
      numSources++;
      const projPath = srcPath.child(kind);
      if (str(s.name).length === 0) errs.push(required(projPath.child("name")));
      objs(s.items).forEach((kp, j) => {
        errs.push(...validateKeyToPath(kp, projPath.child("items").index(j)));
        const kpPath = str(kp.path);
        if (kpPath.length > 0) {
          if (allPaths.has(kpPath)) errs.push(invalid(p, str(s.name), "conflicting duplicate paths"));
          else allPaths.add(kpPath);
        }
      });
    }
    const dapi = obj(source.downwardAPI);
    if (dapi) {
      numSources++;
      objs(dapi.items).forEach((file) => {
        errs.push(...validateDownwardAPIFile(file, srcPath.child("downwardAPI")));
        const fp = str(file.path);
        if (fp.length > 0) {
          if (allPaths.has(fp)) errs.push(invalid(p, fp, "conflicting duplicate paths"));
          else allPaths.add(fp);
        }
      });
    }
    const sat = obj(source.serviceAccountToken);
    if (sat) {
      numSources++;
      const projPath = srcPath.child("serviceAccountToken");
      const exp = num(sat.expirationSeconds) ?? 0;
      if (exp < 600) errs.push(invalid(projPath.child("expirationSeconds"), exp, "may not specify a duration less than 10 minutes"));
      if (exp > 2 ** 32) {
        errs.push(invalid(projPath.child("expirationSeconds"), exp, "may not specify a duration larger than 2^32 seconds"));
      }
      if (str(sat.path) === "") errs.push(required(p.child("path")));
      else errs.push(...validateLocalNonReservedPath(str(sat.path), p.child("path")));
    }
    if (isObj(source.clusterTrustBundle)) numSources++;
    if (numSources > 1) errs.push(forbidden(srcPath, "may not specify more than 1 volume type per source"));
  });
  void opts;
  return errs;
}

// The order and JSON names of volume sources; the second name is the one upstream uses in the
// "more than 1 volume type" error (a few differ from the JSON name, typos included).
const VOLUME_SOURCES: ReadonlyArray<readonly [string, string]> = [
  ["emptyDir", "emptyDir"],
  ["hostPath", "hostPath"],
  ["gitRepo", "gitRepo"],
  ["gcePersistentDisk", "gcePersistentDisk"],
  ["awsElasticBlockStore", "awsElasticBlockStore"],
  ["secret", "secret"],
  ["nfs", "nfs"],
  ["iscsi", "iscsi"],
  ["glusterfs", "glusterfs"],
  ["flocker", "flocker"],
  ["persistentVolumeClaim", "persistentVolumeClaim"],
  ["rbd", "rbd"],
  ["cinder", "cinder"],
  ["cephfs", "cephFS"],
  ["quobyte", "quobyte"],
  ["downwardAPI", "downwarAPI"],
  ["fc", "fc"],
  ["flexVolume", "flexVolume"],
  ["configMap", "configMap"],
  ["azureFile", "azureFile"],
  ["vsphereVolume", "vsphereVolume"],
  ["photonPersistentDisk", "photonPersistentDisk"],
  ["portworxVolume", "portworxVolume"],
  ["azureDisk", "azureDisk"],
  ["storageos", "storageos"],
  ["projected", "projected"],
  ["scaleIO", "scaleIO"],
  ["csi", "csi"],
  ["ephemeral", "ephemeral"],
  ["image", "image"],
];

function validateVolumeSource(vol: Obj, p: Path, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const [key, errName] of VOLUME_SOURCES) {
    const src = vol[key];
    if (!isObj(src)) continue;
    if (count > 0) {
      errs.push(forbidden(p.child(errName), "may not specify more than 1 volume type"));
      continue;
    }
    count++;
    const sp = p.child(key);
    switch (key) {
      case "emptyDir": {
        const limit = src.sizeLimit === undefined ? null : toQuantity(src.sizeLimit);
        if (limit && sign(limit) < 0) errs.push(forbidden(sp.child("sizeLimit"), "SizeLimit field must be a valid resource quantity"));
        break;
      }
      case "hostPath": {
        const hp = str(src.path);
        if (hp.length === 0) {
          errs.push(required(sp.child("path")));
          break;
        }
        errs.push(...validatePathNoBacksteps(hp, sp.child("path")));
        if (typeof src.type === "string" && !HOST_PATH_TYPES.includes(src.type)) {
          errs.push(notSupported(sp.child("type"), src.type, HOST_PATH_TYPES));
        }
        break;
      }
      case "secret":
        if (str(src.secretName).length === 0) errs.push(required(sp.child("secretName")));
        errs.push(...validateMode(src.defaultMode, sp.child("defaultMode")));
        objs(src.items).forEach((kp, i) => errs.push(...validateKeyToPath(kp, sp.child("items").index(i))));
        break;
      case "configMap":
        if (str(src.name).length === 0) errs.push(required(sp.child("name")));
        errs.push(...validateMode(src.defaultMode, sp.child("defaultMode")));
        objs(src.items).forEach((kp, i) => errs.push(...validateKeyToPath(kp, sp.child("items").index(i))));
        break;
      case "persistentVolumeClaim":
        if (str(src.claimName).length === 0) errs.push(required(sp.child("claimName")));
        break;
      case "nfs":
        if (str(src.server).length === 0) errs.push(required(sp.child("server")));
        if (str(src.path).length === 0) errs.push(required(sp.child("path")));
        if (!str(src.path).startsWith("/")) errs.push(invalid(sp.child("path"), str(src.path), "must be an absolute path"));
        break;
      case "downwardAPI":
        errs.push(...validateMode(src.defaultMode, sp.child("defaultMode")));
        objs(src.items).forEach((f) => errs.push(...validateDownwardAPIFile(f, sp)));
        break;
      case "projected":
        errs.push(...validateMode(src.defaultMode, sp.child("defaultMode")));
        errs.push(...validateProjectedSources(src, sp, opts));
        break;
      case "gitRepo":
        if (str(src.repository).length === 0) errs.push(required(sp.child("repository")));
        errs.push(...validateLocalDescendingPath(str(src.directory), sp.child("directory")));
        break;
      case "csi": {
        const driver = str(src.driver);
        if (driver.length === 0) errs.push(required(sp.child("driver")));
        for (const m of isDNS1123Subdomain(driver.toLowerCase())) errs.push(invalid(sp.child("driver"), driver, m));
        break;
      }
      case "ephemeral":
        if (!isObj(src.volumeClaimTemplate)) errs.push(required(sp.child("volumeClaimTemplate")));
        break;
      case "image":
        if (opts.resourceIsPod && str(src.reference).length === 0) errs.push(required(sp.child("reference")));
        errs.push(...validatePullPolicy(str(src.pullPolicy), sp.child("pullPolicy")));
        break;
    }
  }
  if (count === 0) errs.push(required(p, "must specify a volume type"));
  return errs;
}

/** ValidateVolumes: returns the valid volumes by name (for mount checks) and the errors. */
export function validateVolumes(volumes: unknown, p: Path, opts: PodValidationOptions): { vols: Map<string, Obj>; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const vols = new Map<string, Obj>();
  objs(volumes).forEach((vol, i) => {
    const idx = p.index(i);
    const namePath = idx.child("name");
    const name = str(vol.name);
    const el = validateVolumeSource(vol, idx, opts);
    if (name.length === 0) el.push(required(namePath));
    else el.push(...validateDNS1123Label(name, namePath));
    if (vols.has(name)) el.push(duplicate(namePath, name));
    if (el.length === 0) vols.set(name, vol);
    else errs.push(...el);
  });
  return { vols, errs };
}

// ---------------------------------------------------------------------------------------------
// Containers

function validateContainerPorts(ports: unknown, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  objs(ports).forEach((port, i) => {
    const idx = p.index(i);
    const name = str(port.name);
    if (name.length > 0) {
      const msgs = isValidPortName(name);
      if (msgs.length > 0) for (const m of msgs) errs.push(invalid(idx.child("name"), name, m));
      else if (names.has(name)) errs.push(duplicate(idx.child("name"), name));
      else names.add(name);
    }
    const cp = num(port.containerPort) ?? 0;
    if (cp === 0) errs.push(required(idx.child("containerPort")));
    else for (const m of isValidPortNum(cp)) errs.push(invalid(idx.child("containerPort"), cp, m));
    const hp = num(port.hostPort) ?? 0;
    if (hp !== 0) for (const m of isValidPortNum(hp)) errs.push(invalid(idx.child("hostPort"), hp, m));
    const proto = str(port.protocol);
    if (proto.length === 0) errs.push(required(idx.child("protocol")));
    else if (!SUPPORTED_PROTOCOLS.includes(proto)) errs.push(notSupported(idx.child("protocol"), proto, SUPPORTED_PROTOCOLS));
  });
  return errs;
}

function envNameErrors(name: string, opts: PodValidationOptions): string[] {
  return opts.relaxedEnvNames ? isRelaxedEnvVarName(name) : isEnvVarName(name);
}

function validateKeySelector(sel: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sel.name);
  for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(p.child("name"), name, m));
  const key = str(sel.key);
  if (key.length === 0) errs.push(required(p.child("key")));
  else for (const m of isConfigMapKey(key)) errs.push(invalid(p.child("key"), key, m));
  return errs;
}

function validateEnv(env: unknown, p: Path, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  objs(env).forEach((ev, i) => {
    const idx = p.index(i);
    const name = str(ev.name);
    if (name.length === 0) errs.push(required(idx.child("name")));
    else for (const m of envNameErrors(name, opts)) errs.push(invalid(idx.child("name"), name, m));
    const vf = obj(ev.valueFrom);
    if (!vf) return;
    const vp = idx.child("valueFrom");
    let numSources = 0;
    if (isObj(vf.fieldRef)) {
      numSources++;
      errs.push(...validateObjectFieldSelector(vf.fieldRef, VALID_ENV_FIELD_PATHS, vp.child("fieldRef")));
    }
    if (isObj(vf.resourceFieldRef)) {
      numSources++;
      errs.push(...validateResourceFieldSelector(vf.resourceFieldRef, vp.child("resourceFieldRef"), false));
    }
    if (isObj(vf.configMapKeyRef)) {
      numSources++;
      errs.push(...validateKeySelector(vf.configMapKeyRef, vp.child("configMapKeyRef")));
    }
    if (isObj(vf.secretKeyRef)) {
      numSources++;
      errs.push(...validateKeySelector(vf.secretKeyRef, vp.child("secretKeyRef")));
    }
    if (numSources === 0) {
      errs.push(invalid(vp, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
    } else if (str(ev.value).length !== 0) {
      errs.push(invalid(vp, "", "may not be specified when `value` is not empty"));
    } else if (numSources > 1) {
      errs.push(invalid(vp, "", "may not have more than one field specified at a time"));
    }
  });
  return errs;
}

function validateEnvFrom(envFrom: unknown, p: Path, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  objs(envFrom).forEach((ev, i) => {
    const idx = p.index(i);
    const prefix = str(ev.prefix);
    if (prefix.length > 0) for (const m of envNameErrors(prefix, opts)) errs.push(invalid(idx.child("prefix"), prefix, m));
    let numSources = 0;
    for (const kind of ["configMapRef", "secretRef"] as const) {
      const ref = obj(ev[kind]);
      if (!ref) continue;
      numSources++;
      const name = str(ref.name);
      if (name.length === 0) errs.push(required(idx.child(kind, "name")));
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(invalid(idx.child(kind, "name"), name, m));
    }
    if (numSources === 0) errs.push(invalid(p, "", "must specify one of: `configMapRef` or `secretRef`"));
    else if (numSources > 1) errs.push(invalid(p, "", "may not have more than one field specified at a time"));
  });
  return errs;
}

const MOUNT_PROPAGATIONS = ["Bidirectional", "HostToContainer", "None"];

function validateVolumeMounts(mounts: unknown, devices: Map<string, string>, vols: Map<string, Obj>, ctr: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  objs(mounts).forEach((mnt, i) => {
    const idx = p.index(i);
    const name = str(mnt.name);
    const mountPath = str(mnt.mountPath);
    if (name.length === 0) errs.push(required(idx.child("name")));
    if (!vols.has(name)) errs.push(notFound(idx.child("name"), name));
    if (mountPath.length === 0) errs.push(required(idx.child("mountPath")));
    if (mountPoints.has(mountPath)) errs.push(invalid(idx.child("mountPath"), mountPath, "must be unique"));
    mountPoints.add(mountPath);
    if (devices.has(name)) errs.push(invalid(idx.child("name"), name, "must not already exist in volumeDevices"));
    if ([...devices.values()].includes(mountPath)) {
      errs.push(invalid(idx.child("mountPath"), mountPath, "must not already exist as a path in volumeDevices"));
    }
    const vol = vols.get(name);
    if (vol && isObj(vol.image)) {
      if (str(mnt.subPath)) errs.push(invalid(idx.child("subPath"), str(mnt.subPath), "not allowed in image volume sources"));
      if (str(mnt.subPathExpr)) errs.push(invalid(idx.child("subPathExpr"), str(mnt.subPathExpr), "not allowed in image volume sources"));
    }
    // Upstream reports these on the list path, not the item path.
    if (str(mnt.subPath).length > 0) errs.push(...validateLocalDescendingPath(str(mnt.subPath), p.child("subPath")));
    if (str(mnt.subPathExpr).length > 0) {
      if (str(mnt.subPath).length > 0) {
        errs.push(invalid(idx.child("subPathExpr"), str(mnt.subPathExpr), "subPathExpr and subPath are mutually exclusive"));
      }
      errs.push(...validateLocalDescendingPath(str(mnt.subPathExpr), p.child("subPathExpr")));
    }
    if (typeof mnt.mountPropagation === "string") {
      const mp = mnt.mountPropagation;
      const mpPath = p.child("mountPropagation");
      if (!MOUNT_PROPAGATIONS.includes(mp)) errs.push(notSupported(mpPath, mp, MOUNT_PROPAGATIONS));
      const privileged = obj(ctr.securityContext)?.privileged === true;
      if (mp === "Bidirectional" && !privileged) {
        errs.push(forbidden(mpPath, "Bidirectional mount propagation is available only to privileged containers"));
      }
    }
    const rro = mnt.recursiveReadOnly;
    if (typeof rro === "string") {
      const rp = p.child("recursiveReadOnly");
      if (rro === "Enabled" || rro === "IfPossible") {
        if (mnt.readOnly !== true) errs.push(forbidden(rp, "may only be specified when readOnly is true"));
        if (typeof mnt.mountPropagation === "string" && mnt.mountPropagation !== "None") {
          errs.push(forbidden(rp, "may only be specified when mountPropagation is None or not specified"));
        }
      } else if (rro !== "Disabled") {
        errs.push(notSupported(rp, rro, ["Disabled", "Enabled", "IfPossible"]));
      }
    }
  });
  return errs;
}

function validateVolumeDevices(devices: unknown, mounts: Map<string, string>, vols: Map<string, Obj>, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  const names = new Set<string>();
  objs(devices).forEach((dev, i) => {
    const idx = p.index(i);
    const name = str(dev.name);
    const devPath = str(dev.devicePath);
    const vol = vols.get(name);
    const isPVC = !!vol && (isObj(vol.persistentVolumeClaim) || isObj(vol.ephemeral));
    if (name.length === 0) errs.push(required(idx.child("name")));
    if (names.has(name)) errs.push(invalid(idx.child("name"), name, "must be unique"));
    if (vol && !isPVC) {
      errs.push(invalid(idx.child("name"), name, "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"));
    }
    if (!vol) errs.push(notFound(idx.child("name"), name));
    if (devPath.length === 0) errs.push(required(idx.child("devicePath")));
    if (paths.has(devPath)) errs.push(invalid(idx.child("devicePath"), devPath, "must be unique"));
    if (devPath.length > 0 && devPath.split("/").includes("..")) {
      errs.push(invalid(idx.child("devicePath"), devPath, "can not contain backsteps ('..')"));
    } else {
      paths.add(devPath);
    }
    if (mounts.has(name)) errs.push(invalid(idx.child("name"), name, "must not already exist in volumeMounts"));
    if ([...mounts.values()].includes(devPath)) {
      errs.push(invalid(idx.child("devicePath"), devPath, "must not already exist as a path in volumeMounts"));
    }
    if (name.length > 0) names.add(name);
  });
  return errs;
}

const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];

function validatePullPolicy(policy: string, p: Path): FieldError[] {
  if (PULL_POLICIES.includes(policy)) return [];
  if (policy === "") return [required(p)];
  return [notSupported(p, policy, PULL_POLICIES)];
}

function validateResizePolicy(list: unknown, p: Path, podRestartPolicy: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  objs(list).forEach((pol, i) => {
    const rn = str(pol.resourceName);
    const rp = str(pol.restartPolicy);
    if (seen.has(rn)) errs.push(duplicate(p.index(i), rn));
    seen.add(rn);
    if (rn === "") errs.push(required(p));
    else if (rn !== "cpu" && rn !== "memory") errs.push(notSupported(p, rn, ["cpu", "memory"]));
    if (rp === "") errs.push(required(p));
    else if (rp !== "NotRequired" && rp !== "RestartContainer") errs.push(notSupported(p, rp, ["NotRequired", "RestartContainer"]));
    if (podRestartPolicy === "Never" && rp !== "NotRequired") {
      errs.push(invalid(p, rp, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  });
  return errs;
}

const ptrOrNil = (v: unknown, type: string) => (v === undefined || v === null ? goNilPtr(type) : goPtr(type));

/** `%#v` of a *core.SecurityContext, pointers shown as addresses the way Go prints them. */
function goSecurityContext(sc: Obj): GoValue {
  return goStruct("core.SecurityContext", [
    ["Capabilities", ptrOrNil(sc.capabilities, "core.Capabilities")],
    ["Privileged", ptrOrNil(sc.privileged, "bool")],
    ["SELinuxOptions", ptrOrNil(sc.seLinuxOptions, "core.SELinuxOptions")],
    ["WindowsOptions", ptrOrNil(sc.windowsOptions, "core.WindowsSecurityContextOptions")],
    ["RunAsUser", ptrOrNil(sc.runAsUser, "int64")],
    ["RunAsGroup", ptrOrNil(sc.runAsGroup, "int64")],
    ["RunAsNonRoot", ptrOrNil(sc.runAsNonRoot, "bool")],
    ["ReadOnlyRootFilesystem", ptrOrNil(sc.readOnlyRootFilesystem, "bool")],
    ["AllowPrivilegeEscalation", ptrOrNil(sc.allowPrivilegeEscalation, "bool")],
    ["ProcMount", ptrOrNil(sc.procMount, "core.ProcMountType")],
    ["SeccompProfile", ptrOrNil(sc.seccompProfile, "core.SeccompProfile")],
    ["AppArmorProfile", ptrOrNil(sc.appArmorProfile, "core.AppArmorProfile")],
  ]);
}

function validateSeccompProfile(sp: unknown, p: Path): FieldError[] {
  const s = obj(sp);
  if (!s) return [];
  const errs: FieldError[] = [];
  const type = str(s.type);
  if (type === "") errs.push(required(p.child("type"), "type is required when seccompProfile is set"));
  else if (!["Localhost", "RuntimeDefault", "Unconfined"].includes(type)) {
    errs.push(notSupported(p.child("type"), type, ["Localhost", "RuntimeDefault", "Unconfined"]));
  }
  if (type === "Localhost") {
    if (typeof s.localhostProfile !== "string") {
      errs.push(required(p.child("localhostProfile"), "must be set when seccomp type is Localhost"));
    } else {
      errs.push(...validateLocalDescendingPath(s.localhostProfile, p.child("localhostProfile")));
    }
  } else if (typeof s.localhostProfile === "string") {
    errs.push(
      invalid(
        p.child("localhostProfile"),
        goStruct("core.SeccompProfile", [
          ["Type", type],
          ["LocalhostProfile", goPtr("string")],
        ]),
        "can only be set when seccomp type is Localhost",
      ),
    );
  }
  return errs;
}

function validateAppArmorProfile(ap: unknown, p: Path): FieldError[] {
  const a = obj(ap);
  if (!a) return [];
  const type = str(a.type);
  switch (type) {
    case "Localhost":
      if (typeof a.localhostProfile !== "string" || a.localhostProfile.trim() === "") {
        if (typeof a.localhostProfile === "string" && a.localhostProfile.trim() !== a.localhostProfile) {
          return [invalid(p.child("localhostProfile"), a.localhostProfile, "must not be padded with whitespace")];
        }
        return [required(p.child("localhostProfile"), "must be set when AppArmor type is Localhost")];
      }
      if (a.localhostProfile.trim() !== a.localhostProfile) {
        return [invalid(p.child("localhostProfile"), a.localhostProfile, "must not be padded with whitespace")];
      }
      return [];
    case "RuntimeDefault":
    case "Unconfined":
      return typeof a.localhostProfile === "string"
        ? [invalid(p.child("localhostProfile"), a.localhostProfile, "can only be set when AppArmor type is Localhost")]
        : [];
    case "":
      return [required(p.child("type"), "type is required when appArmorProfile is set")];
    default:
      return [notSupported(p.child("type"), type, ["Localhost", "RuntimeDefault", "Unconfined"])];
  }
}

function validateSecurityContext(scv: unknown, p: Path, hostUsers: boolean): FieldError[] {
  const sc = obj(scv);
  if (!sc) return [];
  const errs: FieldError[] = [];
  const runAsUser = num(sc.runAsUser);
  if (runAsUser !== undefined) for (const m of isValidUserID(runAsUser)) errs.push(invalid(p.child("runAsUser"), runAsUser, m));
  const runAsGroup = num(sc.runAsGroup);
  if (runAsGroup !== undefined) for (const m of isValidGroupID(runAsGroup)) errs.push(invalid(p.child("runAsGroup"), runAsGroup, m));
  if (typeof sc.procMount === "string") {
    if (sc.procMount !== "Default" && sc.procMount !== "Unmasked") {
      errs.push(notSupported(p.child("procMount"), sc.procMount, ["Default", "Unmasked"]));
    }
    if (hostUsers && sc.procMount === "Unmasked") {
      errs.push(invalid(p.child("procMount"), sc.procMount, "`hostUsers` must be false to use `Unmasked`"));
    }
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, p.child("seccompProfile")));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) {
      errs.push(invalid(p, goSecurityContext(sc), "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"));
    }
    const caps = obj(sc.capabilities);
    for (const c of arr(caps?.add)) {
      if (c === "CAP_SYS_ADMIN") {
        errs.push(invalid(p, goSecurityContext(sc), "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"));
      }
    }
  }
  errs.push(...validateAppArmorProfile(sc.appArmorProfile, p.child("appArmorProfile")));
  return errs;
}

function validateContainerCommon(
  ctr: Obj,
  vols: Map<string, Obj>,
  p: Path,
  opts: PodValidationOptions,
  podRestartPolicy: string,
  hostUsers: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(ctr.name);
  if (name.length === 0) errs.push(required(p.child("name")));
  else errs.push(...validateDNS1123Label(name, p.child("name")));
  if (str(ctr.image).length === 0) errs.push(required(p.child("image")));
  const tmp = str(ctr.terminationMessagePolicy);
  if (tmp === "") errs.push(required(p.child("terminationMessagePolicy")));
  else if (tmp !== "File" && tmp !== "FallbackToLogsOnError") {
    errs.push(notSupported(p.child("terminationMessagePolicy"), tmp, ["File", "FallbackToLogsOnError"]));
  }
  const mounts = new Map(objs(ctr.volumeMounts).map((m) => [str(m.name), str(m.mountPath)]));
  const devices = new Map(objs(ctr.volumeDevices).map((d) => [str(d.name), str(d.devicePath)]));
  errs.push(...validateContainerPorts(ctr.ports, p.child("ports")));
  errs.push(...validateEnv(ctr.env, p.child("env"), opts));
  errs.push(...validateEnvFrom(ctr.envFrom, p.child("envFrom"), opts));
  errs.push(...validateVolumeMounts(ctr.volumeMounts, devices, vols, ctr, p.child("volumeMounts")));
  errs.push(...validateVolumeDevices(ctr.volumeDevices, mounts, vols, p.child("volumeDevices")));
  errs.push(...validatePullPolicy(str(ctr.imagePullPolicy), p.child("imagePullPolicy")));
  errs.push(...validateResourceRequirements(ctr.resources, p.child("resources")));
  errs.push(...validateResizePolicy(ctr.resizePolicy, p.child("resizePolicy"), podRestartPolicy));
  errs.push(...validateSecurityContext(ctr.securityContext, p.child("securityContext"), hostUsers));
  return errs;
}

function validatePortNumOrName(port: unknown, p: Path): FieldError[] {
  if (typeof port === "string") return isValidPortName(port).map((m) => invalid(p, port, m));
  if (typeof port === "number" || port === undefined || port === null) {
    const n = typeof port === "number" ? port : 0;
    return isValidPortNum(n).map((m) => invalid(p, n, m));
  }
  return [internalError(p, `unknown type: ${typeof port}`)];
}

function validateHandler(h: Obj, gracePeriod: number | undefined, p: Path, isProbe: boolean): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  const kinds = isProbe ? ["exec", "httpGet", "tcpSocket", "grpc"] : ["exec", "httpGet", "tcpSocket", "sleep"];
  for (const kind of kinds) {
    const a = obj(h[kind]);
    if (!a) continue;
    if (n > 0) {
      errs.push(forbidden(p.child(kind), "may not specify more than 1 handler type"));
      continue;
    }
    n++;
    const ap = p.child(kind);
    switch (kind) {
      case "exec":
        if (arr(a.command).length === 0) errs.push(required(ap.child("command")));
        break;
      case "httpGet": {
        if (str(a.path).length === 0) errs.push(required(ap.child("path")));
        errs.push(...validatePortNumOrName(a.port, ap.child("port")));
        const scheme = str(a.scheme);
        if (scheme !== "HTTP" && scheme !== "HTTPS") errs.push(notSupported(ap.child("scheme"), scheme, ["HTTP", "HTTPS"]));
        for (const hd of objs(a.httpHeaders)) {
          for (const m of isHTTPHeaderName(str(hd.name))) errs.push(invalid(ap.child("httpHeaders"), str(hd.name), m));
        }
        break;
      }
      case "tcpSocket":
        errs.push(...validatePortNumOrName(a.port, ap.child("port")));
        break;
      case "grpc":
        errs.push(...validatePortNumOrName(num(a.port) ?? 0, ap.child("port")));
        break;
      case "sleep": {
        const s = num(a.seconds) ?? 0;
        if (gracePeriod !== undefined && (s <= 0 || s > gracePeriod)) {
          errs.push(
            invalid(
              ap,
              s,
              `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
            ),
          );
        }
        break;
      }
    }
  }
  if (n === 0) errs.push(required(p, "must specify a handler type"));
  return errs;
}

function validateProbe(probe: Obj, gracePeriod: number | undefined, p: Path): FieldError[] {
  const errs = validateHandler(probe, gracePeriod, p, true);
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    errs.push(...validateNonnegative(num(probe[f]) ?? 0, p.child(f)));
  }
  const tgps = num(probe.terminationGracePeriodSeconds);
  if (tgps !== undefined && tgps <= 0) errs.push(invalid(p.child("terminationGracePeriodSeconds"), tgps, "must be greater than 0"));
  return errs;
}

function validateProbes(ctr: Obj, gracePeriod: number | undefined, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const liveness = obj(ctr.livenessProbe);
  if (liveness) {
    errs.push(...validateProbe(liveness, gracePeriod, p.child("livenessProbe")));
    const st = num(liveness.successThreshold) ?? 0;
    if (st !== 1) errs.push(invalid(p.child("livenessProbe", "successThreshold"), st, "must be 1"));
  }
  const readiness = obj(ctr.readinessProbe);
  if (readiness) {
    errs.push(...validateProbe(readiness, gracePeriod, p.child("readinessProbe")));
    const tgps = num(readiness.terminationGracePeriodSeconds);
    if (tgps !== undefined) {
      errs.push(invalid(p.child("readinessProbe", "terminationGracePeriodSeconds"), tgps, "must not be set for readinessProbes"));
    }
  }
  const startup = obj(ctr.startupProbe);
  if (startup) {
    errs.push(...validateProbe(startup, gracePeriod, p.child("startupProbe")));
    const st = num(startup.successThreshold) ?? 0;
    if (st !== 1) errs.push(invalid(p.child("startupProbe", "successThreshold"), st, "must be 1"));
  }
  return errs;
}

function validateLifecycle(lc: Obj, gracePeriod: number | undefined, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const post = obj(lc.postStart);
  if (post) errs.push(...validateHandler(post, gracePeriod, p.child("postStart"), false));
  const pre = obj(lc.preStop);
  if (pre) errs.push(...validateHandler(pre, gracePeriod, p.child("preStop"), false));
  return errs;
}

function checkHostPortConflicts(containers: Obj[], p: Path): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  containers.forEach((ctr, ci) => {
    objs(ctr.ports).forEach((port, pi) => {
      const hp = num(port.hostPort) ?? 0;
      if (hp === 0) return;
      const key = `${str(port.protocol)}/${str(port.hostIP)}/${hp}`;
      if (seen.has(key)) errs.push(duplicate(p.index(ci).child("ports").index(pi).child("hostPort"), key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateContainers(
  containers: unknown,
  vols: Map<string, Obj>,
  gracePeriod: number | undefined,
  p: Path,
  opts: PodValidationOptions,
  podRestartPolicy: string,
  hostUsers: boolean,
): FieldError[] {
  const list = objs(containers);
  if (list.length === 0) return [required(p)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((ctr, i) => {
    const cp = p.index(i);
    errs.push(...validateContainerCommon(ctr, vols, cp, opts, podRestartPolicy, hostUsers));
    const name = str(ctr.name);
    if (names.has(name)) errs.push(duplicate(cp.child("name"), name));
    else names.add(name);
    const lc = obj(ctr.lifecycle);
    if (lc) errs.push(...validateLifecycle(lc, gracePeriod, cp.child("lifecycle")));
    errs.push(...validateProbes(ctr, gracePeriod, cp));
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== null) {
      errs.push(forbidden(cp.child("restartPolicy"), "may not be set for non-init containers"));
    }
  });
  errs.push(...checkHostPortConflicts(list, p));
  return errs;
}

function validateInitContainers(
  containers: unknown,
  regular: unknown,
  vols: Map<string, Obj>,
  gracePeriod: number | undefined,
  p: Path,
  opts: PodValidationOptions,
  podRestartPolicy: string,
  hostUsers: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(objs(regular).map((c) => str(c.name)));
  objs(containers).forEach((ctr, i) => {
    const idx = p.index(i);
    errs.push(...validateContainerCommon(ctr, vols, idx, opts, podRestartPolicy, hostUsers));
    let restartAlways = false;
    if (typeof ctr.restartPolicy === "string") {
      if (ctr.restartPolicy !== "Always") errs.push(notSupported(idx.child("restartPolicy"), ctr.restartPolicy, ["Always"]));
      restartAlways = ctr.restartPolicy === "Always";
    }
    const name = str(ctr.name);
    if (names.has(name)) errs.push(duplicate(idx.child("name"), name));
    else if (name.length > 0) names.add(name);
    // Init containers run one at a time, so each is checked alone (and reported as index 0, as upstream).
    errs.push(...checkHostPortConflicts([ctr], p));
    if (restartAlways) {
      const lc = obj(ctr.lifecycle);
      if (lc) errs.push(...validateLifecycle(lc, gracePeriod, idx.child("lifecycle")));
      errs.push(...validateProbes(ctr, gracePeriod, idx));
    } else {
      for (const f of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"]) {
        if (ctr[f] !== undefined && ctr[f] !== null) {
          errs.push(forbidden(idx.child(f), "may not be set for init containers without restartPolicy=Always"));
        }
      }
    }
  });
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Scheduling: tolerations, affinity, topology spread

export function validateTolerations(tolerations: unknown, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  objs(tolerations).forEach((t, i) => {
    const idx = p.index(i);
    const key = str(t.key);
    const op = str(t.operator);
    const effect = str(t.effect);
    const value = str(t.value);
    if (key.length > 0) errs.push(...validateLabelName(key, idx.child("key")));
    if (key.length === 0 && op !== "Exists") {
      errs.push(invalid(idx.child("operator"), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== "NoExecute") {
      errs.push(invalid(idx.child("effect"), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === "Equal" || op === "") {
      const msgs = isValidLabelValue(value);
      if (msgs.length > 0) errs.push(invalid(idx.child("operator"), value, msgs.join(";")));
    } else if (op === "Exists") {
      if (value.length > 0) errs.push(invalid(idx.child("operator"), value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(idx.child("operator"), op, ["Equal", "Exists"]));
    }
    if (effect.length > 0) errs.push(...validateTaintEffect(effect, true, idx.child("effect")));
  });
  return errs;
}

export function validateTaintEffect(effect: string, allowEmpty: boolean, p: Path): FieldError[] {
  if (!allowEmpty && effect.length === 0) return [required(p)];
  if (effect === "NoSchedule" || effect === "PreferNoSchedule" || effect === "NoExecute") return [];
  return [notSupported(p, effect, ["NoSchedule", "PreferNoSchedule", "NoExecute"])];
}

function validateNodeSelectorRequirement(rq: Obj, allowInvalidValues: boolean, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const op = str(rq.operator);
  const values = arr(rq.values).map(str);
  switch (op) {
    case "In":
    case "NotIn":
      if (values.length === 0) errs.push(required(p.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0) errs.push(forbidden(p.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case "Gt":
    case "Lt":
      if (values.length !== 1) errs.push(required(p.child("values"), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(p.child("operator"), op, "not a valid selector operator"));
  }
  errs.push(...validateLabelName(str(rq.key), p.child("key")));
  if (!allowInvalidValues) {
    values.forEach((v, i) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(p.child("values").index(i), v, m));
    });
  }
  return errs;
}

function validateNodeFieldSelectorRequirement(rq: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const op = str(rq.operator);
  const values = arr(rq.values).map(str);
  if (op === "In" || op === "NotIn") {
    if (values.length !== 1) {
      errs.push(required(p.child("values"), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    }
  } else {
    errs.push(invalid(p.child("operator"), op, "not a valid selector operator"));
  }
  const key = str(rq.key);
  if (key !== "metadata.name") errs.push(invalid(p.child("key"), key, "not a valid field selector key"));
  else values.forEach((v, i) => nameIsDNSSubdomain(v, false).forEach((m) => errs.push(invalid(p.child("values").index(i), v, m))));
  return errs;
}

function validateNodeSelectorTerm(term: Obj, allowInvalidValues: boolean, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  objs(term.matchExpressions).forEach((rq, j) =>
    errs.push(...validateNodeSelectorRequirement(rq, allowInvalidValues, p.child("matchExpressions").index(j))),
  );
  objs(term.matchFields).forEach((rq, j) => errs.push(...validateNodeFieldSelectorRequirement(rq, p.child("matchFields").index(j))));
  return errs;
}

function validatePodAffinityTerm(term: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabelSelector(term.labelSelector, p.child("labelSelector")));
  errs.push(...validateLabelSelector(term.namespaceSelector, p.child("namespaceSelector")));
  for (const ns of arr(term.namespaces).map(str)) {
    for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(p.child("namespace"), ns, m));
  }
  const hasSelector = isObj(term.labelSelector);
  for (const field of ["matchLabelKeys", "mismatchLabelKeys"] as const) {
    const keys = arr(term[field]).map(str);
    if (keys.length === 0) continue;
    if (!hasSelector) errs.push(forbidden(p.child(field), "must not be specified when labelSelector is not set"));
    else keys.forEach((k, i) => errs.push(...validateLabelName(k, p.child(field).index(i))));
  }
  const topologyKey = str(term.topologyKey);
  if (topologyKey.length === 0) errs.push(required(p.child("topologyKey"), "can not be empty"));
  errs.push(...validateLabelName(topologyKey, p.child("topologyKey")));
  return errs;
}

function validateAffinity(affinity: unknown, p: Path): FieldError[] {
  const a = obj(affinity);
  if (!a) return [];
  const errs: FieldError[] = [];
  const na = obj(a.nodeAffinity);
  if (na) {
    const np = p.child("nodeAffinity");
    const req = obj(na.requiredDuringSchedulingIgnoredDuringExecution);
    if (req) {
      const termPath = np.child("requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms");
      const terms = objs(req.nodeSelectorTerms);
      if (terms.length === 0) errs.push(required(termPath, "must have at least one node selector term"));
      else terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, false, termPath.index(i))));
    }
    objs(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const tp = np.child("preferredDuringSchedulingIgnoredDuringExecution").index(i);
      const w = num(t.weight) ?? 0;
      if (w <= 0 || w > 100) errs.push(invalid(tp.child("weight"), w, "must be in the range 1-100"));
      errs.push(...validateNodeSelectorTerm(obj(t.preference) ?? {}, true, tp.child("preference")));
    });
  }
  for (const kind of ["podAffinity", "podAntiAffinity"] as const) {
    const pa = obj(a[kind]);
    if (!pa) continue;
    const pp = p.child(kind);
    objs(pa.requiredDuringSchedulingIgnoredDuringExecution).forEach((t, i) =>
      errs.push(...validatePodAffinityTerm(t, pp.child("requiredDuringSchedulingIgnoredDuringExecution").index(i))),
    );
    objs(pa.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      const tp = pp.child("preferredDuringSchedulingIgnoredDuringExecution").index(i);
      const w = num(t.weight) ?? 0;
      if (w <= 0 || w > 100) errs.push(invalid(tp.child("weight"), w, "must be in the range 1-100"));
      errs.push(...validatePodAffinityTerm(obj(t.podAffinityTerm) ?? {}, tp.child("podAffinityTerm")));
    });
  }
  return errs;
}

function validateTopologySpread(constraints: unknown, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const list = objs(constraints);
  list.forEach((c, i) => {
    const sp = p.index(i);
    const maxSkew = num(c.maxSkew) ?? 0;
    if (maxSkew <= 0) errs.push(invalid(sp.child("maxSkew"), maxSkew, "must be greater than zero"));
    const key = str(c.topologyKey);
    if (key.length === 0) errs.push(required(sp.child("topologyKey"), "can not be empty"));
    const wu = str(c.whenUnsatisfiable);
    if (wu !== "DoNotSchedule" && wu !== "ScheduleAnyway") {
      errs.push(notSupported(sp.child("whenUnsatisfiable"), wu, ["DoNotSchedule", "ScheduleAnyway"]));
    }
    if (list.slice(i + 1).some((o) => str(o.topologyKey) === key && str(o.whenUnsatisfiable) === wu)) {
      errs.push(duplicate(sp.child("{topologyKey, whenUnsatisfiable}"), `{${key}, ${wu}}`));
    }
    const minDomains = num(c.minDomains);
    if (minDomains !== undefined) {
      if (minDomains <= 0) errs.push(invalid(sp.child("minDomains"), minDomains, "must be greater than zero"));
      if (wu !== "DoNotSchedule") {
        errs.push(invalid(sp.child("minDomains"), minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${wu}`));
      }
    }
    for (const f of ["nodeAffinityPolicy", "nodeTaintsPolicy"]) {
      const v = c[f];
      if (typeof v === "string" && v !== "Honor" && v !== "Ignore") errs.push(notSupported(sp.child(f), v, ["Honor", "Ignore"]));
    }
    const mlk = arr(c.matchLabelKeys).map(str);
    if (mlk.length > 0) {
      const sel = obj(c.labelSelector);
      if (!sel) errs.push(forbidden(sp.child("matchLabelKeys"), "must not be specified when labelSelector is not set"));
      const selKeys = new Set([...Object.keys(obj(sel?.matchLabels) ?? {}), ...objs(sel?.matchExpressions).map((e) => str(e.key))]);
      mlk.forEach((k, j) => {
        errs.push(...validateLabelName(k, sp.child("matchLabelKeys").index(j)));
        if (selKeys.has(k)) errs.push(invalid(sp.child("matchLabelKeys").index(j), k, "exists in both matchLabelKeys and labelSelector"));
      });
    }
    errs.push(...validateLabelSelector(c.labelSelector, sp.child("labelSelector")));
  });
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Pod spec

function validatePodSecurityContext(spec: Obj, p: Path): FieldError[] {
  const sc = obj(spec.securityContext);
  if (!sc) return [];
  const errs: FieldError[] = [];
  const fsGroup = num(sc.fsGroup);
  if (fsGroup !== undefined) for (const m of isValidGroupID(fsGroup)) errs.push(invalid(p.child("fsGroup"), fsGroup, m));
  const runAsUser = num(sc.runAsUser);
  if (runAsUser !== undefined) for (const m of isValidUserID(runAsUser)) errs.push(invalid(p.child("runAsUser"), runAsUser, m));
  const runAsGroup = num(sc.runAsGroup);
  if (runAsGroup !== undefined) for (const m of isValidGroupID(runAsGroup)) errs.push(invalid(p.child("runAsGroup"), runAsGroup, m));
  arr(sc.supplementalGroups).forEach((g, i) => {
    const gid = typeof g === "number" ? g : 0;
    for (const m of isValidGroupID(gid)) errs.push(invalid(p.child("supplementalGroups").index(i), gid, m));
  });
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(invalid(p.child("shareProcessNamespace"), true, "ShareProcessNamespace and HostPID cannot both be enabled"));
  }
  const names = new Set<string>();
  objs(sc.sysctls).forEach((s, i) => {
    const name = str(s.name);
    const np = p.child("sysctls").index(i).child("name");
    const re = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
    if (name.length === 0) errs.push(required(np));
    else if (name.length > 253 || !re.test(name)) {
      errs.push(
        invalid(np, name, "must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$"),
      );
    } else if (names.has(name)) errs.push(duplicate(np, name));
    names.add(name);
  });
  if (typeof sc.fsGroupChangePolicy === "string" && !["Always", "OnRootMismatch"].includes(sc.fsGroupChangePolicy)) {
    errs.push(notSupported(p.child("fsGroupChangePolicy"), sc.fsGroupChangePolicy, ["Always", "OnRootMismatch"]));
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, p.child("seccompProfile")));
  errs.push(...validateAppArmorProfile(sc.appArmorProfile, p.child("appArmorProfile")));
  if (typeof sc.supplementalGroupsPolicy === "string" && !["Merge", "Strict"].includes(sc.supplementalGroupsPolicy)) {
    errs.push(notSupported(p.child("supplementalGroupsPolicy"), sc.supplementalGroupsPolicy, ["Merge", "Strict"]));
  }
  return errs;
}

function validateDNSConfig(spec: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const dc = obj(spec.dnsConfig);
  if (str(spec.dnsPolicy) === "None") {
    if (!dc) return [required(p, "must provide `dnsConfig` when `dnsPolicy` is None")];
    if (arr(dc.nameservers).length === 0) {
      return [required(p.child("nameservers"), "must provide at least one DNS nameserver when `dnsPolicy` is None")];
    }
  }
  if (!dc) return errs;
  const ns = arr(dc.nameservers).map(str);
  if (ns.length > 3) errs.push(invalid(p.child("nameservers"), new GoValue(`[]string{${ns.map(goQuote).join(", ")}}`), "must not have more than 3 nameservers"));
  ns.forEach((ip, i) => {
    if (!parseIP(ip)) errs.push(invalid(p.child("nameservers").index(i), ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
  });
  const searches = arr(dc.searches).map(str);
  const searchesGo = new GoValue(`[]string{${searches.map(goQuote).join(", ")}}`);
  if (searches.length > 32) errs.push(invalid(p.child("searches"), searchesGo, "must not have more than 32 search paths"));
  if (searches.join(" ").length > 2048) {
    errs.push(invalid(p.child("searches"), searchesGo, "must not have more than 2048 characters (including spaces) in the search list"));
  }
  searches.forEach((s, i) => {
    if (s === ".") return;
    const trimmed = s.endsWith(".") ? s.slice(0, -1) : s;
    const re = /^_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*$/;
    if (trimmed.length > 253) errs.push(invalid(p.child("searches").index(i), trimmed, "must be no more than 253 characters"));
    if (!re.test(trimmed)) {
      errs.push(
        invalid(
          p.child("searches").index(i),
          trimmed,
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')",
        ),
      );
    }
  });
  objs(dc.options).forEach((o, i) => {
    if (str(o.name).length === 0) errs.push(required(p.child("options").index(i), "must not be empty"));
  });
  return errs;
}

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];

/** ValidatePodSpec. */
export function validatePodSpec(spec: Obj, p: Path, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  const grace = num(spec.terminationGracePeriodSeconds);
  if (grace === undefined) errs.push(required(p.child("terminationGracePeriodSeconds")));
  const hostUsers = spec.hostUsers !== false;
  const restartPolicy = str(spec.restartPolicy);

  const { vols, errs: vErrs } = validateVolumes(spec.volumes, p.child("volumes"), opts);
  errs.push(...vErrs);
  errs.push(...validateContainers(spec.containers, vols, grace, p.child("containers"), opts, restartPolicy, hostUsers));
  errs.push(
    ...validateInitContainers(spec.initContainers, spec.containers, vols, grace, p.child("initContainers"), opts, restartPolicy, hostUsers),
  );

  if (spec.hostNetwork === true) {
    objs(spec.containers).forEach((c, i) => {
      objs(c.ports).forEach((port, j) => {
        const hp = num(port.hostPort) ?? 0;
        const cp = num(port.containerPort) ?? 0;
        if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
          errs.push(
            invalid(p.child("containers").index(i).child("ports").index(j).child("hostPort"), hp, "must match `containerPort` when `hostNetwork` is true"),
          );
        }
      });
    });
  }

  if (restartPolicy === "") errs.push(required(p.child("restartPolicy")));
  else if (!RESTART_POLICIES.includes(restartPolicy)) errs.push(notSupported(p.child("restartPolicy"), restartPolicy, RESTART_POLICIES));
  const dnsPolicy = str(spec.dnsPolicy);
  if (dnsPolicy === "") errs.push(required(p.child("dnsPolicy")));
  else if (!DNS_POLICIES.includes(dnsPolicy)) errs.push(notSupported(p.child("dnsPolicy"), dnsPolicy, DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, p.child("nodeSelector")));
  errs.push(...validatePodSecurityContext(spec, p.child("securityContext")));
  errs.push(...validateAffinity(spec.affinity, p.child("affinity")));
  errs.push(...validateDNSConfig(spec, p.child("dnsConfig")));
  objs(spec.readinessGates).forEach((g, i) =>
    errs.push(...validateQualifiedName(str(g.conditionType), p.child("readinessGates").index(i).child("conditionType"))),
  );
  const gates = new Set<string>();
  objs(spec.schedulingGates).forEach((g, i) => {
    const name = str(g.name);
    errs.push(...validateQualifiedName(name, p.child("schedulingGates").index(i)));
    if (gates.has(name)) errs.push(duplicate(p.child("schedulingGates").index(i), name));
    gates.add(name);
  });
  errs.push(...validateTopologySpread(spec.topologySpreadConstraints, p.child("topologySpreadConstraints")));
  if (!hostUsers) {
    if (spec.hostNetwork === true) errs.push(forbidden(p.child("hostNetwork"), "when `pod.Spec.HostUsers` is false"));
    if (spec.hostPID === true) errs.push(forbidden(p.child("HostPID"), "when `pod.Spec.HostUsers` is false"));
    if (spec.hostIPC === true) errs.push(forbidden(p.child("HostIPC"), "when `pod.Spec.HostUsers` is false"));
  }
  const sa = str(spec.serviceAccountName);
  if (sa.length > 0) for (const m of nameIsDNSSubdomain(sa, false)) errs.push(invalid(p.child("serviceAccountName"), sa, m));
  const nodeName = str(spec.nodeName);
  if (nodeName.length > 0) for (const m of nameIsDNSSubdomain(nodeName, false)) errs.push(invalid(p.child("nodeName"), nodeName, m));
  const ads = num(spec.activeDeadlineSeconds);
  if (ads !== undefined && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalid(p.child("activeDeadlineSeconds"), ads, inclusiveRangeError(1, MAX_INT32)));
  }
  if (str(spec.hostname).length > 0) errs.push(...validateDNS1123Label(str(spec.hostname), p.child("hostname")));
  if (str(spec.subdomain).length > 0) errs.push(...validateDNS1123Label(str(spec.subdomain), p.child("subdomain")));
  if (arr(spec.tolerations).length > 0) errs.push(...validateTolerations(spec.tolerations, p.child("tolerations")));
  objs(spec.hostAliases).forEach((ha, i) => {
    const ip = str(ha.ip);
    const hp = p.child("hostAliases").index(i);
    if (!parseIP(ip)) errs.push(invalid(hp.child("ip"), ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
    arr(ha.hostnames).forEach((h, j) => errs.push(...validateDNS1123Subdomain(str(h), hp.child("hostnames").index(j))));
  });
  const pcn = str(spec.priorityClassName);
  if (pcn.length > 0) for (const m of nameIsDNSSubdomain(pcn, false)) errs.push(invalid(p.child("priorityClassName"), pcn, m));
  if (typeof spec.runtimeClassName === "string") {
    for (const m of nameIsDNSSubdomain(spec.runtimeClassName, false)) {
      errs.push(invalid(p.child("runtimeClassName"), spec.runtimeClassName, m));
    }
  }
  if (typeof spec.preemptionPolicy === "string") {
    const pp = spec.preemptionPolicy;
    if (pp === "") errs.push(required(p.child("preemptionPolicy")));
    else if (pp !== "PreemptLowerPriority" && pp !== "Never") {
      errs.push(notSupported(p.child("preemptionPolicy"), pp, ["PreemptLowerPriority", "Never"]));
    }
  }
  if (isObj(spec.overhead)) errs.push(...validateResourceRequirements({ limits: spec.overhead }, p.child("overhead")));
  const os = obj(spec.os);
  if (os) {
    const name = str(os.name);
    if (name.length === 0) errs.push(required(p.child("os", "name"), "cannot be empty"));
    else if (name !== "linux" && name !== "windows") errs.push(notSupported(p.child("os"), name, ["linux", "windows"]));
  }
  return errs;
}

/** ValidatePodTemplateSpec (the template embedded in workloads; `p` is `spec.template`). */
export function validatePodTemplateSpec(template: Obj, p: Path, opts: PodValidationOptions = DEFAULT_POD_OPTIONS): FieldError[] {
  const meta = obj(template.metadata) ?? {};
  const spec = obj(template.spec) ?? {};
  const errs: FieldError[] = [];
  errs.push(...validateLabels(meta.labels, p.child("labels")));
  errs.push(...validateAnnotations(meta.annotations, p.child("annotations")));
  errs.push(...validatePodSpec(spec, p.child("spec"), opts));
  if (arr(spec.ephemeralContainers).length > 0) {
    errs.push(forbidden(p.child("spec", "ephemeralContainers"), "ephemeral containers not allowed in pod template"));
  }
  return errs;
}

function validateContainersOnlyForPod(containers: unknown, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  objs(containers).forEach((c, i) => {
    const image = str(c.image);
    if (image.length !== image.trim().length) {
      errs.push(invalid(p.index(i).child("image"), image, "must not have leading or trailing whitespace"));
    }
  });
  return errs;
}

/** validatePodMetadataAndSpec. */
export function validatePodMetadataAndSpec(pod: Obj): FieldError[] {
  const meta = obj(pod.metadata) ?? {};
  const spec = obj(pod.spec) ?? {};
  const specPath = rootPath("spec");
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain, rootPath("metadata"));
  const annotations = obj(meta.annotations) ?? {};
  if ("kubernetes.io/config.mirror" in annotations && str(spec.nodeName).length === 0) {
    errs.push(
      invalid(
        rootPath("metadata", "annotations").key("kubernetes.io/config.mirror"),
        str(annotations["kubernetes.io/config.mirror"]),
        "must set spec.nodeName if mirror pod annotation is set",
      ),
    );
  }
  const cost = annotations["controller.kubernetes.io/pod-deletion-cost"];
  if (typeof cost === "string" && !(/^[+-]?\d+$/.test(cost) && Math.abs(Number(cost)) <= MAX_INT32)) {
    errs.push(invalid(rootPath("metadata", "annotations").key("controller.kubernetes.io/pod-deletion-cost"), cost, "must be a 32bit integer"));
  }
  errs.push(...validatePodSpec(spec, specPath, { resourceIsPod: true, relaxedEnvNames: true }));
  if (str(spec.serviceAccountName) === "") {
    objs(spec.volumes).forEach((vol, vi) => {
      const projected = obj(vol.projected);
      if (!projected) return;
      objs(projected.sources).forEach((src, si) => {
        if (isObj(src.serviceAccountToken)) {
          errs.push(
            forbidden(
              specPath.child("volumes").index(vi).child("projected", "sources").index(si).child("serviceAccountToken"),
              "must not be specified when serviceAccountName is not set",
            ),
          );
        }
      });
    });
  }
  errs.push(...validateContainersOnlyForPod(spec.containers, specPath.child("containers")));
  errs.push(...validateContainersOnlyForPod(spec.initContainers, specPath.child("initContainers")));
  return errs;
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: Obj): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = obj(pod.spec) ?? {};
  if (arr(spec.ephemeralContainers).length > 0) errs.push(forbidden(rootPath("spec", "ephemeralContainers"), "cannot be set on create"));
  if (str(spec.nodeName) !== "" && arr(spec.schedulingGates).length > 0) {
    errs.push(forbidden(rootPath("spec", "nodeName"), "cannot be set until all schedulingGates have been cleared"));
  }
  return errs;
}
