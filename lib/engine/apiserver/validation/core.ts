// Validation of the smaller core/v1 kinds (Namespace, Node, ConfigMap, Secret, ServiceAccount,
// Endpoints, Event, ResourceQuota, LimitRange) and of EndpointSlice (discovery/v1) and Lease
// (coordination/v1).
import {
  type FieldError,
  type Path,
  duplicate,
  forbidden,
  invalid,
  notSupported,
  path as rootPath,
  required,
  tooLong,
  tooMany,
} from "./field";
import { GoValue, goSlice, goStruct } from "./go-format";
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isValidCIDR, isValidLabelValue, isValidPortNum, parseIP } from "./formats";
import { type Obj, arr, num, obj, objs, semanticEqual, sortedKeys, str } from "./json";
import {
  FIELD_IMMUTABLE,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateDNS1123Label,
  validateFinalizerName,
  validateKubeFinalizerName,
  validateLabelName,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateQualifiedName,
} from "./meta";
import {
  isHugePageResourceName,
  isOvercommitAllowed,
  validateResourceName,
  validateResourceQuantityValue,
  validateResourceQuotaResourceName,
  validateTaintEffect,
} from "./pod";
import { type Quantity, compare, formatQuantity, goQuantity, milliValue, parseQuantity, toQuantity } from "./quantity";
import { validateNonSpecialIP } from "./service";
import { base64Decode } from "./base64";
import { goUnmarshalMapError } from "./go-json";

const MAX_SECRET_SIZE = 1024 * 1024;
const IP_ERROR = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
const meta = (o: Obj) => obj(o.metadata) ?? {};
const metaPath = () => rootPath("metadata");

// ---------------------------------------------------------------------------------------------
// Namespace

export function validateNamespace(ns: Obj): FieldError[] {
  const errs = validateObjectMeta(meta(ns), false, nameIsDNSLabel, metaPath());
  const fp = rootPath("spec", "finalizers");
  for (const f of arr(obj(ns.spec)?.finalizers).map(str)) {
    errs.push(...validateFinalizerName(f, fp), ...validateKubeFinalizerName(f, fp));
  }
  return errs;
}

export function validateNamespaceUpdate(ns: Obj, old: Obj): FieldError[] {
  return validateObjectMetaUpdate(meta(ns), meta(old), metaPath());
}

// ---------------------------------------------------------------------------------------------
// Node

function goTaint(t: Obj): GoValue {
  return goStruct("core.Taint", [
    ["Key", str(t.key)],
    ["Value", str(t.value)],
    ["Effect", str(t.effect)],
    ["TimeAdded", new GoValue("<nil>")],
  ]);
}

function validateNodeTaints(taints: unknown, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const unique = new Map<string, Set<string>>();
  objs(taints).forEach((t, i) => {
    const idx = p.index(i);
    errs.push(...validateLabelName(str(t.key), idx.child("key")));
    const msgs = isValidLabelValue(str(t.value));
    if (msgs.length > 0) errs.push(invalid(idx.child("value"), str(t.value), msgs.join(";")));
    const effect = str(t.effect);
    errs.push(...validateTaintEffect(effect, false, idx.child("effect")));
    const keys = unique.get(effect) ?? new Set<string>();
    if (keys.has(str(t.key))) {
      errs.push({ ...duplicate(idx, goTaint(t)), detail: "taints must be unique by key and effect pair" });
      return;
    }
    keys.add(str(t.key));
    unique.set(effect, keys);
  });
  return errs;
}

function validateNodeResources(node: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const status = obj(node.status) ?? {};
  for (const field of ["capacity", "allocatable"]) {
    const list = obj(status[field]) ?? {};
    for (const k of sortedKeys(list)) {
      const q = toQuantity(list[k]);
      if (q) errs.push(...validateResourceQuantityValue(k, q, rootPath("status", field, k)));
    }
  }
  return errs;
}

export function validateNode(node: Obj): FieldError[] {
  const errs = validateObjectMeta(meta(node), false, nameIsDNSSubdomain, metaPath());
  const spec = obj(node.spec) ?? {};
  // Upstream reports taint errors under metadata (a long-standing quirk).
  if (arr(spec.taints).length > 0) errs.push(...validateNodeTaints(spec.taints, metaPath().child("taints")));
  errs.push(...validateNodeResources(node));
  const cidrs = arr(spec.podCIDRs).map(str);
  if (cidrs.length > 0) {
    const cp = rootPath("spec", "podCIDRs");
    cidrs.forEach((c, i) => {
      if (!isValidCIDR(c)) errs.push(invalid(cp.index(i), c, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
    });
    if (cidrs.length > 1) {
      const v6 = cidrs.map((c) => c.includes(":"));
      if (cidrs.length > 2 || v6[0] === v6[1]) {
        errs.push(invalid(cp, goSlice(cidrs, "[]string"), "may specify no more than one CIDR for each IP family"));
      }
      const seen = new Set<string>();
      cidrs.forEach((c, i) => {
        if (seen.has(c)) errs.push(duplicate(cp.index(i), c));
        seen.add(c);
      });
    }
  }
  return errs;
}

export function validateNodeUpdate(node: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(meta(node), meta(old), metaPath());
  errs.push(...validateNodeResources(node));
  const spec = obj(node.spec) ?? {};
  const oldSpec = obj(old.spec) ?? {};
  const oldCIDRs = arr(oldSpec.podCIDRs).map(str);
  const cidrs = arr(spec.podCIDRs).map(str);
  const cidrMsg = 'node updates may not change podCIDR except from "" to valid';
  if (oldCIDRs.length > 0) {
    if (oldCIDRs.length !== cidrs.length) errs.push(forbidden(rootPath("spec", "podCIDRs"), cidrMsg));
    else oldCIDRs.forEach((c, i) => c !== cidrs[i] && errs.push(forbidden(rootPath("spec", "podCIDRs"), cidrMsg)));
  }
  if (str(oldSpec.providerID) !== "" && str(oldSpec.providerID) !== str(spec.providerID)) {
    errs.push(forbidden(rootPath("spec", "providerID"), 'node updates may not change providerID except from "" to valid'));
  }
  if (arr(spec.taints).length > 0) errs.push(...validateNodeTaints(spec.taints, metaPath().child("taints")));
  if (str(spec.externalID) !== str(oldSpec.externalID)) errs.push(forbidden(rootPath("spec", "externalID"), "may not be updated"));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// ConfigMap and Secret

export function validateConfigMap(cm: Obj): FieldError[] {
  const errs = validateObjectMeta(meta(cm), true, nameIsDNSSubdomain, metaPath());
  const data = obj(cm.data) ?? {};
  const binary = obj(cm.binaryData) ?? {};
  let total = 0;
  const enc = new TextEncoder();
  for (const key of sortedKeys(data)) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(rootPath("data").key(key), key, m));
    if (key in binary) errs.push(invalid(rootPath("data").key(key), key, "duplicate of key present in binaryData"));
    total += enc.encode(str(data[key])).length;
  }
  for (const key of sortedKeys(binary)) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(rootPath("binaryData").key(key), key, m));
    total += base64Decode(str(binary[key]))?.length ?? 0;
  }
  // Upstream passes field.NewPath(""), which prints as "[]".
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(rootPath(""), MAX_SECRET_SIZE));
  return errs;
}

function immutableContent(o: Obj, old: Obj, fields: string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (o.immutable !== true) errs.push(forbidden(rootPath("immutable"), "field is immutable when `immutable` is set"));
  for (const f of fields) {
    if (!semanticEqual(o[f] ?? {}, old[f] ?? {})) errs.push(forbidden(rootPath(f), "field is immutable when `immutable` is set"));
  }
  return errs;
}

export function validateConfigMapUpdate(cm: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(meta(cm), meta(old), metaPath());
  errs.push(...immutableContent(cm, old, ["data", "binaryData"]));
  return errs.concat(validateConfigMap(cm));
}

export function validateSecret(secret: Obj): FieldError[] {
  const m = meta(secret);
  const errs = validateObjectMeta(m, true, nameIsDNSSubdomain, metaPath());
  const data = obj(secret.data) ?? {};
  const dataPath = rootPath("data");
  let total = 0;
  const decoded = new Map<string, Uint8Array>();
  for (const key of sortedKeys(data)) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(dataPath.key(key), key, msg));
    const bytes = base64Decode(str(data[key])) ?? new Uint8Array();
    decoded.set(key, bytes);
    total += bytes.length;
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(dataPath, MAX_SECRET_SIZE));
  const jsonKey = (key: string) => {
    const bytes = decoded.get(key);
    if (!bytes) {
      errs.push(required(dataPath.key(key)));
      return;
    }
    const e = goUnmarshalMapError(new TextDecoder().decode(bytes));
    if (e) errs.push(invalid(dataPath.key(key), "<secret contents redacted>", e));
  };
  switch (str(secret.type)) {
    case "kubernetes.io/service-account-token":
      if (str(obj(m.annotations)?.["kubernetes.io/service-account.name"]).length === 0) {
        errs.push(required(rootPath("metadata", "annotations").key("kubernetes.io/service-account.name")));
      }
      break;
    case "kubernetes.io/dockercfg":
      jsonKey(".dockercfg");
      break;
    case "kubernetes.io/dockerconfigjson":
      jsonKey(".dockerconfigjson");
      break;
    case "kubernetes.io/basic-auth":
      if (!decoded.has("username") && !decoded.has("password")) {
        errs.push(required(dataPath.key("username")), required(dataPath.key("password")));
      }
      break;
    case "kubernetes.io/ssh-auth":
      if ((decoded.get("ssh-privatekey")?.length ?? 0) === 0) errs.push(required(dataPath.key("ssh-privatekey")));
      break;
    case "kubernetes.io/tls":
      if (!decoded.has("tls.crt")) errs.push(required(dataPath.key("tls.crt")));
      if (!decoded.has("tls.key")) errs.push(required(dataPath.key("tls.key")));
      break;
  }
  return errs;
}

export function validateSecretUpdate(secret: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(meta(secret), meta(old), metaPath());
  if (str(secret.type) !== str(old.type)) errs.push(invalid(rootPath("type"), str(secret.type), FIELD_IMMUTABLE));
  errs.push(...immutableContent(secret, old, ["data"]));
  return errs.concat(validateSecret(secret));
}

// ---------------------------------------------------------------------------------------------
// ServiceAccount

export function validateServiceAccount(sa: Obj): FieldError[] {
  return validateObjectMeta(meta(sa), true, nameIsDNSSubdomain, metaPath());
}

export function validateServiceAccountUpdate(sa: Obj, old: Obj): FieldError[] {
  return validateObjectMetaUpdate(meta(sa), meta(old), metaPath()).concat(validateServiceAccount(sa));
}

// ---------------------------------------------------------------------------------------------
// Endpoints and EndpointSlice

function validateEndpointAddress(addr: Obj, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const ip = str(addr.ip);
  if (!parseIP(ip)) errs.push(invalid(p.child("ip"), ip, IP_ERROR));
  if (str(addr.hostname).length > 0) errs.push(...validateDNS1123Label(str(addr.hostname), p.child("hostname")));
  if (typeof addr.nodeName === "string") {
    for (const m of nameIsDNSSubdomain(addr.nodeName, false)) errs.push(invalid(p.child("nodeName"), addr.nodeName, m));
  }
  return errs.concat(validateNonSpecialIP(ip, p.child("ip")));
}

const PROTOCOLS = ["SCTP", "TCP", "UDP"];

export function validateEndpoints(ep: Obj): FieldError[] {
  const errs = validateObjectMeta(meta(ep), true, nameIsDNSSubdomain, metaPath());
  objs(ep.subsets).forEach((ss, i) => {
    const idx = rootPath("subsets").index(i);
    if (arr(ss.addresses).length === 0 && arr(ss.notReadyAddresses).length === 0) {
      errs.push(required(idx, "must specify `addresses` or `notReadyAddresses`"));
    }
    objs(ss.addresses).forEach((a, j) => errs.push(...validateEndpointAddress(a, idx.child("addresses").index(j))));
    objs(ss.notReadyAddresses).forEach((a, j) => errs.push(...validateEndpointAddress(a, idx.child("notReadyAddresses").index(j))));
    const ports = objs(ss.ports);
    ports.forEach((port, j) => {
      const pp = idx.child("ports").index(j);
      const name = str(port.name);
      if (ports.length > 1 && name.length === 0) errs.push(required(pp.child("name")));
      else if (name.length !== 0) errs.push(...validateDNS1123Label(name, pp.child("name")));
      const n = num(port.port) ?? 0;
      for (const m of isValidPortNum(n)) errs.push(invalid(pp.child("port"), n, m));
      const proto = str(port.protocol);
      if (proto.length === 0) errs.push(required(pp.child("protocol")));
      else if (!PROTOCOLS.includes(proto)) errs.push(notSupported(pp.child("protocol"), proto, PROTOCOLS));
      if (typeof port.appProtocol === "string") errs.push(...validateQualifiedName(port.appProtocol, pp.child("appProtocol")));
    });
  });
  return errs;
}

export function validateEndpointsUpdate(ep: Obj, old: Obj): FieldError[] {
  return validateObjectMetaUpdate(meta(ep), meta(old), metaPath()).concat(validateEndpoints(ep));
}

const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];

export function validateEndpointSlice(slice: Obj, update = false): FieldError[] {
  const errs = validateObjectMeta(meta(slice), true, nameIsDNSSubdomain, metaPath());
  const addressType = str(slice.addressType);
  const valid = update ? ["FQDN", "IP", "IPv4", "IPv6"] : ADDRESS_TYPES;
  if (addressType === "") errs.push(required(rootPath("addressType")));
  else if (!valid.includes(addressType)) errs.push(notSupported(rootPath("addressType"), addressType, valid));
  const endpoints = objs(slice.endpoints);
  const ep = rootPath("endpoints");
  if (endpoints.length > 1000) errs.push(tooMany(ep, endpoints.length, 1000));
  else {
    endpoints.forEach((e, i) => {
      const idx = ep.index(i);
      const ap = idx.child("addresses");
      const addrs = arr(e.addresses).map(str);
      if (addrs.length === 0) errs.push(required(ap, "must contain at least 1 address"));
      else if (addrs.length > 100) errs.push(tooMany(ap, addrs.length, 100));
      addrs.forEach((a, j) => {
        const p = ap.index(j);
        const ip = parseIP(a);
        if (addressType === "IPv4") {
          if (!ip || !("v4" in ip)) errs.push(invalid(p, a, "must be a valid IPv4 address"));
          errs.push(...validateNonSpecialIP(a, p));
        } else if (addressType === "IPv6") {
          if (!ip || !("v6" in ip)) errs.push(invalid(p, a, "must be a valid IPv6 address"));
          errs.push(...validateNonSpecialIP(a, p));
        } else if (addressType === "FQDN") {
          const name = a.endsWith(".") ? a.slice(0, -1) : a;
          const msgs = isDNS1123Subdomain(name);
          if (a.length === 0) errs.push(required(p));
          else if (msgs.length > 0) errs.push(invalid(p, name, msgs.join(",")));
          else if (name.split(".").length < 2) errs.push(invalid(p, name, "should be a domain with at least two segments separated by dots"));
          else {
            const bad = name.split(".").find((l) => isDNS1123Label(l).length > 0);
            if (bad !== undefined) errs.push(invalid(p, bad, isDNS1123Label(bad).join(",")));
          }
        }
      });
      if (typeof e.nodeName === "string") {
        for (const m of nameIsDNSSubdomain(e.nodeName, false)) errs.push(invalid(idx.child("nodeName"), e.nodeName, m));
      }
      const topo = obj(e.deprecatedTopology);
      if (topo && Object.keys(topo).length > 16) errs.push(tooMany(idx.child("deprecatedTopology"), Object.keys(topo).length, 16));
      errs.push(...validateLabels(e.deprecatedTopology, idx.child("deprecatedTopology")));
      if (typeof e.hostname === "string") errs.push(...validateDNS1123Label(e.hostname, idx.child("hostname")));
    });
  }
  const ports = objs(slice.ports);
  const pp = rootPath("ports");
  if (ports.length > 100) errs.push(tooMany(pp, ports.length, 100));
  else {
    const names = new Set<string>();
    ports.forEach((port, i) => {
      const idx = pp.index(i);
      const name = str(port.name);
      if (name.length > 0) errs.push(...validateDNS1123Label(name, idx.child("name")));
      if (names.has(name)) errs.push(duplicate(idx.child("name"), name));
      else names.add(name);
      if (typeof port.protocol !== "string") errs.push(required(idx.child("protocol")));
      else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(idx.child("protocol"), port.protocol, PROTOCOLS));
      if (typeof port.appProtocol === "string") errs.push(...validateQualifiedName(port.appProtocol, idx.child("appProtocol")));
    });
  }
  return errs;
}

export function validateEndpointSliceUpdate(slice: Obj, old: Obj): FieldError[] {
  const errs = validateEndpointSlice(slice, true);
  if (str(slice.addressType) !== str(old.addressType)) {
    errs.push(invalid(rootPath("addressType"), str(slice.addressType), FIELD_IMMUTABLE));
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Event (core/v1, the legacy rules)

export function validateEvent(ev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const ns = str(meta(ev).namespace);
  const involvedNs = str(obj(ev.involvedObject)?.namespace);
  const nsPath = rootPath("involvedObject", "namespace");
  if (!ev.eventTime) {
    if (involvedNs.length === 0) {
      if (ns !== "" && ns !== "default") errs.push(invalid(nsPath, involvedNs, "does not match event.namespace"));
    } else if (ns !== involvedNs) {
      errs.push(invalid(nsPath, involvedNs, "does not match event.namespace"));
    }
  } else {
    if (involvedNs.length === 0 && ns !== "default" && ns !== "kube-system") {
      errs.push(invalid(nsPath, involvedNs, "does not match event.namespace"));
    }
    const rc = str(ev.reportingComponent);
    if (rc.length === 0) errs.push(required(rootPath("reportingController")));
    errs.push(...validateQualifiedName(rc, rootPath("reportingController")));
    const ri = str(ev.reportingInstance);
    if (ri.length === 0) errs.push(required(rootPath("reportingInstance")));
    if (ri.length > 128) errs.push(invalid(rootPath("reportingInstance"), "", "can have at most 128 characters"));
    const action = str(ev.action);
    if (action.length === 0) errs.push(required(rootPath("action")));
    if (action.length > 128) errs.push(invalid(rootPath("action"), "", "can have at most 128 characters"));
    const reason = str(ev.reason);
    if (reason.length === 0) errs.push(required(rootPath("reason")));
    if (reason.length > 128) errs.push(invalid(rootPath("reason"), "", "can have at most 128 characters"));
    if (str(ev.message).length > 1024) errs.push(invalid(rootPath("message"), "", "can have at most 1024 characters"));
  }
  for (const m of isDNS1123Subdomain(ns)) errs.push(invalid(rootPath("namespace"), ns, m));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Lease

export function validateLease(lease: Obj): FieldError[] {
  const errs = validateObjectMeta(meta(lease), true, nameIsDNSSubdomain, metaPath());
  const spec = obj(lease.spec) ?? {};
  const ld = num(spec.leaseDurationSeconds);
  if (ld !== undefined && ld <= 0) errs.push(invalid(rootPath("spec", "leaseDurationSeconds"), ld, "must be greater than 0"));
  const lt = num(spec.leaseTransitions);
  if (lt !== undefined && lt < 0) errs.push(invalid(rootPath("spec", "leaseTransitions"), lt, "must be greater than or equal to 0"));
  return errs;
}

export function validateLeaseUpdate(lease: Obj, old: Obj): FieldError[] {
  return validateObjectMetaUpdate(meta(lease), meta(old), metaPath()).concat(validateLease(lease));
}

// ---------------------------------------------------------------------------------------------
// ResourceQuota

const QUOTA_SCOPES = ["Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity"];
const SCOPE_RESOURCES: Record<string, Set<string>> = {
  Terminating: new Set(["pods", "cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]),
  NotTerminating: new Set(["pods", "cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]),
  BestEffort: new Set(["pods"]),
  NotBestEffort: new Set(["pods", "cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]),
  PriorityClass: new Set(["pods", "cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]),
  CrossNamespacePodAffinity: new Set(["pods"]),
};
const STANDARD_QUOTA = new Set([
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

function validateResourceList(list: unknown, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const l = obj(list) ?? {};
  for (const k of sortedKeys(l)) {
    const rp = p.key(k);
    errs.push(...validateResourceQuotaResourceName(k, rp));
    const q = toQuantity(l[k]);
    if (q) errs.push(...validateResourceQuantityValue(k, q, rp));
  }
  return errs;
}

function validateResourceQuotaSpec(spec: Obj, p: Path): FieldError[] {
  const errs = validateResourceList(spec.hard, p.child("hard"));
  const scopes = arr(spec.scopes).map(str);
  if (scopes.length > 0) {
    const sp = p.child("scopes");
    const goScopes = goSlice(scopes, "[]core.ResourceQuotaScope");
    const hard = Object.keys(obj(spec.hard) ?? {}).sort();
    for (const scope of scopes) {
      if (!QUOTA_SCOPES.includes(scope)) errs.push(invalid(sp, goScopes, "unsupported scope"));
      for (const k of hard) {
        const allowed = SCOPE_RESOURCES[scope];
        if (STANDARD_QUOTA.has(k) && allowed && !allowed.has(k)) errs.push(invalid(sp, goScopes, "unsupported scope applied to resource"));
      }
    }
    const set = new Set(scopes);
    if (set.has("BestEffort") && set.has("NotBestEffort")) errs.push(invalid(sp, goScopes, "conflicting scopes"));
    if (set.has("Terminating") && set.has("NotTerminating")) errs.push(invalid(sp, goScopes, "conflicting scopes"));
  }
  return errs;
}

export function validateResourceQuota(rq: Obj): FieldError[] {
  const errs = validateObjectMeta(meta(rq), true, nameIsDNSSubdomain, metaPath());
  errs.push(...validateResourceQuotaSpec(obj(rq.spec) ?? {}, rootPath("spec")));
  const status = obj(rq.status) ?? {};
  errs.push(...validateResourceList(status.hard, rootPath("status", "hard")));
  errs.push(...validateResourceList(status.used, rootPath("status", "used")));
  return errs;
}

export function validateResourceQuotaUpdate(rq: Obj, old: Obj): FieldError[] {
  const errs = validateObjectMetaUpdate(meta(rq), meta(old), metaPath());
  errs.push(...validateResourceQuotaSpec(obj(rq.spec) ?? {}, rootPath("spec")));
  const scopes = new Set(arr(obj(rq.spec)?.scopes).map(str));
  const oldScopes = new Set(arr(obj(old.spec)?.scopes).map(str));
  if (scopes.size !== oldScopes.size || [...scopes].some((s) => !oldScopes.has(s))) {
    errs.push(invalid(rootPath("spec", "scopes"), goSlice(arr(obj(rq.spec)?.scopes).map(str), "[]core.ResourceQuotaScope"), FIELD_IMMUTABLE));
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// LimitRange

const LIMIT_TYPES = new Set(["Pod", "Container", "PersistentVolumeClaim"]);
const STANDARD_CONTAINER = new Set(["cpu", "memory", "ephemeral-storage"]);

function validateLimitRangeResourceName(limitType: string, name: string, p: Path): FieldError[] {
  if (limitType !== "Pod" && limitType !== "Container") return validateResourceName(name, p);
  const errs = validateResourceName(name, p);
  if (name.split("/").length === 1) {
    if (!STANDARD_CONTAINER.has(name) && !isHugePageResourceName(name)) {
      return [...errs, invalid(p, name, "must be a standard resource for containers")];
    }
  }
  return errs;
}

function ratioLimit(max: Quantity, min: Quantity): number {
  return Number(milliValue(max)) / Number(milliValue(min));
}

/** %f as Go prints it (six decimals). */
const goFloat = (n: number) => (Number.isFinite(n) ? n.toFixed(6) : n > 0 ? "+Inf" : "NaN");

export function validateLimitRange(lr: Obj): FieldError[] {
  const errs = validateObjectMeta(meta(lr), true, nameIsDNSSubdomain, metaPath());
  const types = new Set<string>();
  objs(obj(lr.spec)?.limits).forEach((limit, i) => {
    const idx = rootPath("spec", "limits").index(i);
    const type = str(limit.type);
    const typeErrs = validateQualifiedName(type, idx.child("type"));
    if (typeErrs.length === 0 && type.split("/").length === 1 && !LIMIT_TYPES.has(type)) {
      typeErrs.push(invalid(idx.child("type"), type, "must be a standard limit type or fully qualified"));
    }
    errs.push(...typeErrs);
    if (types.has(type)) errs.push(duplicate(idx.child("type"), type));
    types.add(type);
    const keys = new Set<string>();
    const lists: Record<string, Map<string, Quantity>> = {};
    const read = (field: string) => {
      const m = new Map<string, Quantity>();
      const l = obj(limit[field]) ?? {};
      for (const k of sortedKeys(l)) {
        errs.push(...validateLimitRangeResourceName(type, k, idx.child(field).key(k)));
        keys.add(k);
        const q = toQuantity(l[k]);
        if (q) m.set(k, q);
      }
      lists[field] = m;
    };
    read("max");
    read("min");
    if (type === "Pod") {
      if (Object.keys(obj(limit.default) ?? {}).length > 0) errs.push(forbidden(idx.child("default"), "may not be specified when `type` is 'Pod'"));
      if (Object.keys(obj(limit.defaultRequest) ?? {}).length > 0) {
        errs.push(forbidden(idx.child("defaultRequest"), "may not be specified when `type` is 'Pod'"));
      }
      lists.default = new Map();
      lists.defaultRequest = new Map();
    } else {
      read("default");
      read("defaultRequest");
    }
    if (type === "PersistentVolumeClaim" && !lists.min!.has("storage") && !lists.max!.has("storage")) {
      errs.push(required(idx.child("limits"), "either minimum or maximum storage value is required, but neither was provided"));
    }
    read("maxLimitRequestRatio");
    for (const k of [...keys].sort()) {
      const min = lists.min!.get(k);
      const max = lists.max!.get(k);
      const def = lists.default!.get(k);
      const defReq = lists.defaultRequest!.get(k);
      const ratio = lists.maxLimitRequestRatio!.get(k);
      const f = formatQuantity;
      if (min && max && compare(min, max) > 0) {
        errs.push(invalid(idx.child("min").key(k), goQuantity(min), `min value ${f(min)} is greater than max value ${f(max)}`));
      }
      if (defReq && min && compare(min, defReq) > 0) {
        errs.push(invalid(idx.child("defaultRequest").key(k), goQuantity(defReq), `min value ${f(min)} is greater than default request value ${f(defReq)}`));
      }
      if (defReq && max && compare(defReq, max) > 0) {
        errs.push(invalid(idx.child("defaultRequest").key(k), goQuantity(defReq), `default request value ${f(defReq)} is greater than max value ${f(max)}`));
      }
      if (defReq && def && compare(defReq, def) > 0) {
        errs.push(
          invalid(idx.child("defaultRequest").key(k), goQuantity(defReq), `default request value ${f(defReq)} is greater than default limit value ${f(def)}`),
        );
      }
      if (def && min && compare(min, def) > 0) {
        errs.push(invalid(idx.child("default").key(k), goQuantity(min), `min value ${f(min)} is greater than default value ${f(def)}`));
      }
      if (def && max && compare(def, max) > 0) {
        errs.push(invalid(idx.child("default").key(k), goQuantity(max), `default value ${f(def)} is greater than max value ${f(max)}`));
      }
      if (ratio && compare(ratio, parseQuantity("1")) < 0) {
        errs.push(invalid(idx.child("maxLimitRequestRatio").key(k), goQuantity(ratio), `ratio ${f(ratio)} is less than 1`));
      }
      if (ratio && min && max) {
        const limitRatio = ratioLimit(max, min);
        const value = Number(milliValue(ratio)) / 1000;
        if (value > limitRatio) {
          errs.push(
            invalid(idx.child("maxLimitRequestRatio").key(k), goQuantity(ratio), `ratio ${f(ratio)} is greater than max/min = ${goFloat(limitRatio)}`),
          );
        }
      }
      if (!isOvercommitAllowed(k) && def && defReq && compare(def, defReq) !== 0) {
        errs.push(
          invalid(idx.child("defaultRequest").key(k), goQuantity(defReq), `default value ${f(def)} must equal to defaultRequest value ${f(defReq)} in ${k}`),
        );
      }
    }
  });
  return errs;
}

export function validateLimitRangeUpdate(lr: Obj, old: Obj): FieldError[] {
  return validateObjectMetaUpdate(meta(lr), meta(old), metaPath()).concat(validateLimitRange(lr));
}

