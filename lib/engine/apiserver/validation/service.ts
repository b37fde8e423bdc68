// Service validation (ValidateService / ValidateServiceUpdate), the clusterIP/clusterIPs
// normalisation the Service registry does first, and the errors the allocators return.
import { type FieldError, type Path, duplicate, forbidden, invalid, notSupported, path as rootPath, required } from "./field";
import { type GoValue, goIntOrString, goNilPtr, goSlice, goStruct } from "./go-format";
import { isIPv6String, isValidCIDR, isValidPortName, isValidPortNum, parseIP } from "./formats";
import { type Obj, arr, clone, num, obj, objs, str } from "./json";
import {
  nameIsDNS1035Label,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateQualifiedName,
} from "./meta";

const SUPPORTED_PROTOCOLS = ["SCTP", "TCP", "UDP"];
const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const IP_ERROR = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

/** The default NodePort range of a kube-apiserver. */
export const DEFAULT_NODE_PORT_RANGE = { base: 30000, size: 2768 };

function isHeadless(spec: Obj): boolean {
  const ips = arr(spec.clusterIPs);
  return ips.length === 1 && ips[0] === "None";
}

/**
 * The registry's normalizeClusterIPs: keeps clusterIP and clusterIPs in step before validation.
 * Returns a copy; `old` is the stored Service on update.
 */
export function normalizeClusterIPs(svc: Obj, old?: Obj): Obj {
  const out = clone(svc);
  const spec = obj(out.spec);
  if (!spec) return out;
  if (spec.type === "ExternalName") {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    return out;
  }
  const ip = str(spec.clusterIP);
  const ips = arr(spec.clusterIPs).map(str);
  if (!old) {
    if (ip !== "" && ips.length === 0) spec.clusterIPs = [ip];
    return out;
  }
  const oldSpec = obj(old.spec) ?? {};
  const oldIP = str(oldSpec.clusterIP);
  const oldIPs = arr(oldSpec.clusterIPs).map(str);
  const sameIPs = ips.length === oldIPs.length && ips.every((x, i) => x === oldIPs[i]);
  if (ip === "" && oldIP !== "" && sameIPs) {
    // The user cleared clusterIP but left clusterIPs alone: treat both as cleared.
    delete spec.clusterIPs;
  } else if (ip !== "" && ip !== oldIP && sameIPs && ips.length > 0) {
    // The user changed clusterIP but not clusterIPs: the change shows up (and is rejected) there.
    spec.clusterIPs = [ip, ...ips.slice(1)];
  } else if (ip !== "" && ips.length === 0) {
    spec.clusterIPs = [ip];
  }
  return out;
}

/** `%#v` of the core.ServicePort key used for duplicate detection. */
function goServicePortKey(protocol: string, port: number): GoValue {
  return goStruct("core.ServicePort", [
    ["Name", ""],
    ["Protocol", protocol],
    ["AppProtocol", goNilPtr("string")],
    ["Port", port],
    ["TargetPort", goIntOrString(0)],
    ["NodePort", 0],
  ]);
}

function validateServicePort(sp: Obj, requireName: boolean, names: Set<string>, p: Path): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(sp.name);
  if (requireName && name.length === 0) errs.push(required(p.child("name")));
  else if (name.length !== 0) {
    errs.push(...validateDNS1123Label(name, p.child("name")));
    if (names.has(name)) errs.push(duplicate(p.child("name"), name));
    else names.add(name);
  }
  const port = num(sp.port) ?? 0;
  for (const m of isValidPortNum(port)) errs.push(invalid(p.child("port"), port, m));
  const proto = str(sp.protocol);
  if (proto.length === 0) errs.push(required(p.child("protocol")));
  else if (!SUPPORTED_PROTOCOLS.includes(proto)) errs.push(notSupported(p.child("protocol"), proto, SUPPORTED_PROTOCOLS));
  const tp = sp.targetPort;
  if (typeof tp === "string") for (const m of isValidPortName(tp)) errs.push(invalid(p.child("targetPort"), tp, m));
  else {
    const n = typeof tp === "number" ? tp : 0;
    for (const m of isValidPortNum(n)) errs.push(invalid(p.child("targetPort"), n, m));
  }
  if (typeof sp.appProtocol === "string") errs.push(...validateQualifiedName(sp.appProtocol, p.child("appProtocol")));
  return errs;
}

function validateClusterIPsRelated(spec: Obj): FieldError[] {
  if (spec.type === "ExternalName") return [];
  const errs: FieldError[] = [];
  const sp = rootPath("spec");
  const ipsPath = sp.child("clusterIPs");
  const ip = str(spec.clusterIP);
  const ips = arr(spec.clusterIPs).map(str);
  const goIPs = goSlice(Array.isArray(spec.clusterIPs) ? ips : null, "[]string");
  if (ip.length !== 0) {
    if (ips.length === 0) errs.push(required(ipsPath));
    else if (ips[0] !== ip) errs.push(invalid(ipsPath, goIPs, "first value must match `clusterIP`"));
  } else if (ips.length !== 0) {
    errs.push(invalid(ipsPath, goIPs, "must be empty when `clusterIP` is not specified"));
  }
  const families = arr(spec.ipFamilies).map(str);
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (f !== "IPv4" && f !== "IPv6") errs.push(notSupported(sp.child("ipFamilies").index(i), f, ["IPv4", "IPv6"]));
    if (seen.has(f)) errs.push(duplicate(sp.child("ipFamilies").index(i), f));
    seen.add(f);
  });
  if (typeof spec.ipFamilyPolicy === "string") {
    const policies = ["PreferDualStack", "RequireDualStack", "SingleStack"];
    if (!policies.includes(spec.ipFamilyPolicy)) errs.push(notSupported(sp.child("ipFamilyPolicy"), spec.ipFamilyPolicy, policies));
  }
  let invalidIPs = false;
  ips.forEach((x, i) => {
    if (i === 0 && x === "None") {
      if (ips.length > 1) {
        invalidIPs = true;
        errs.push(invalid(ipsPath, goIPs, "'None' must be the first and only value"));
      }
      return;
    }
    if (!parseIP(x)) {
      invalidIPs = true;
      errs.push(invalid(ipsPath.index(i), x, IP_ERROR));
    }
  });
  if (ips.length > 2) errs.push(invalid(ipsPath, goIPs, "may only hold up to 2 values"));
  if (invalidIPs) return errs;
  if (ips.length > 1 && isIPv6String(ips[0]!) === isIPv6String(ips[1]!)) {
    errs.push(invalid(ipsPath, goIPs, "may specify no more than one IP for each IP family"));
  }
  if (!isHeadless(spec) && ips.length > 0 && families.length > 0) {
    ips.forEach((x, i) => {
      if (i > families.length - 1) return;
      if (families[i] === "IPv4" && isIPv6String(x)) {
        errs.push(invalid(ipsPath.index(i), x, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (families[i] === "IPv6" && !isIPv6String(x)) {
        errs.push(invalid(ipsPath.index(i), x, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    });
  }
  return errs;
}

const externallyAccessible = (spec: Obj) =>
  spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && arr(spec.externalIPs).length > 0);

function validateNonSpecialIP(ip: string, p: Path): FieldError[] {
  const parsed = parseIP(ip);
  if (!parsed) return [invalid(p, ip, "must be a valid IP address")];
  const errs: FieldError[] = [];
  if ("v4" in parsed) {
    const [a, b, c] = parsed.v4;
    if (parsed.v4.every((x) => x === 0)) errs.push(invalid(p, ip, `may not be unspecified (${ip})`));
    if (a === 127) errs.push(invalid(p, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
    if (a === 169 && b === 254) errs.push(invalid(p, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
    if (a === 224 && b === 0 && c === 0) {
      errs.push(invalid(p, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
    }
  } else {
    const w = parsed.v6;
    if (w.every((x) => x === 0)) errs.push(invalid(p, ip, `may not be unspecified (${ip})`));
    if (w.slice(0, 7).every((x) => x === 0) && w[7] === 1) {
      errs.push(invalid(p, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
    }
    if ((w[0]! & 0xffc0) === 0xfe80) errs.push(invalid(p, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
    if (w[0] === 0xff02) errs.push(invalid(p, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  }
  return errs;
}

export { validateNonSpecialIP };

/** ValidateService. Expects the object after normalizeClusterIPs. */
export function validateService(svc: Obj): FieldError[] {
  const meta = obj(svc.metadata) ?? {};
  const spec = obj(svc.spec) ?? {};
  const sp = rootPath("spec");
  const errs = validateObjectMeta(meta, true, nameIsDNS1035Label, rootPath("metadata"));
  const ann = obj(meta.annotations) ?? {};
  const hints = ann["service.kubernetes.io/topology-aware-hints"];
  const mode = ann["service.kubernetes.io/topology-mode"];
  if (typeof hints === "string" && typeof mode === "string" && hints !== mode) {
    errs.push(
      invalid(
        rootPath("metadata", "annotations").key("service.kubernetes.io/topology-mode"),
        mode,
        "must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified",
      ),
    );
  }
  const type = str(spec.type);
  const ports = objs(spec.ports);
  if (ports.length === 0 && !isHeadless(spec) && type !== "ExternalName") errs.push(required(sp.child("ports")));
  const ips = arr(spec.clusterIPs).map(str);
  switch (type) {
    case "LoadBalancer":
      if (isHeadless(spec)) errs.push(invalid(sp.child("clusterIPs").index(0), ips[0]!, "may not be set to 'None' for LoadBalancer services"));
      break;
    case "NodePort":
      if (isHeadless(spec)) errs.push(invalid(sp.child("clusterIPs").index(0), ips[0]!, "may not be set to 'None' for NodePort services"));
      break;
    case "ExternalName": {
      if (ips.length > 0) errs.push(forbidden(sp.child("clusterIPs"), "may not be set for ExternalName services"));
      if (arr(spec.ipFamilies).length > 0) errs.push(forbidden(sp.child("ipFamilies"), "may not be set for ExternalName services"));
      if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
        errs.push(forbidden(sp.child("ipFamilyPolicy"), "may not be set for ExternalName services"));
      }
      const cname = str(spec.externalName).replace(/\.$/, "");
      if (cname.length > 0) errs.push(...validateDNS1123Subdomain(cname, sp.child("externalName")));
      else errs.push(required(sp.child("externalName")));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((port, i) => errs.push(...validateServicePort(port, ports.length > 1, names, sp.child("ports").index(i))));
  if (spec.selector !== undefined && spec.selector !== null) errs.push(...validateLabels(spec.selector, sp.child("selector")));

  const affinity = str(spec.sessionAffinity);
  if (affinity.length === 0) errs.push(required(sp.child("sessionAffinity")));
  else if (affinity !== "ClientIP" && affinity !== "None") errs.push(notSupported(sp.child("sessionAffinity"), affinity, ["ClientIP", "None"]));
  const sac = obj(spec.sessionAffinityConfig);
  if (affinity === "ClientIP") {
    const cp = sp.child("sessionAffinityConfig");
    const clientIP = obj(sac?.clientIP);
    if (!sac) errs.push(required(cp, "when session affinity type is ClientIP"));
    else if (!clientIP) errs.push(required(cp.child("clientIP"), "when session affinity type is ClientIP"));
    else if (num(clientIP.timeoutSeconds) === undefined) {
      errs.push(required(cp.child("clientIP", "timeoutSeconds"), "when session affinity type is ClientIP"));
    } else {
      const t = num(clientIP.timeoutSeconds)!;
      if (t <= 0 || t > MAX_CLIENT_IP_AFFINITY_SECONDS) {
        errs.push(invalid(cp.child("clientIP", "timeoutSeconds"), t, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`));
      }
    }
  } else if (affinity === "None" && sac) {
    errs.push(forbidden(sp.child("sessionAffinityConfig"), "must not be set when session affinity is None"));
  }

  errs.push(...validateClusterIPsRelated(spec));

  arr(spec.externalIPs).forEach((ip, i) => {
    const x = str(ip);
    const ep = sp.child("externalIPs").index(i);
    if (!parseIP(x)) errs.push(invalid(ep, x, IP_ERROR));
    else errs.push(...validateNonSpecialIP(x, ep));
  });

  if (type.length === 0) errs.push(required(sp.child("type")));
  else if (!SERVICE_TYPES.includes(type)) errs.push(notSupported(sp.child("type"), type, SERVICE_TYPES));

  if (type === "ClusterIP") {
    ports.forEach((port, i) => {
      if ((num(port.nodePort) ?? 0) !== 0) {
        errs.push(forbidden(sp.child("ports").index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'"));
      }
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    const np = num(port.nodePort) ?? 0;
    if (np === 0) return;
    const key = `${str(port.protocol)}/${np}`;
    if (nodePorts.has(key)) errs.push(duplicate(sp.child("ports").index(i).child("nodePort"), np));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((port, i) => {
    const proto = str(port.protocol);
    const n = num(port.port) ?? 0;
    const key = `${proto}/${n}`;
    if (portKeys.has(key)) errs.push(duplicate(sp.child("ports").index(i), goServicePortKey(proto, n)));
    portKeys.add(key);
  });

  const ranges = arr(spec.loadBalancerSourceRanges).map(str);
  if (ranges.length > 0) {
    const rp = sp.child("LoadBalancerSourceRanges");
    if (type !== "LoadBalancer") errs.push(forbidden(rp, "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => {
      const v = r.trim();
      if (!isValidCIDR(v)) errs.push(invalid(rp.index(i), v, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
    });
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && type !== "LoadBalancer") {
    errs.push(forbidden(sp.child("allocateLoadBalancerNodePorts"), "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === "LoadBalancer" && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) {
    errs.push(required(rootPath("allocateLoadBalancerNodePorts")));
  }
  if (typeof spec.loadBalancerClass === "string") {
    if (type === "LoadBalancer") errs.push(...validateQualifiedName(spec.loadBalancerClass, sp.child("loadBalancerClass")));
    else errs.push(forbidden(sp.child("loadBalancerClass"), "may only be used when `type` is 'LoadBalancer'"));
  }

  // External traffic policy.
  const etp = str(spec.externalTrafficPolicy);
  if (!externallyAccessible(spec)) {
    if (etp !== "") errs.push(invalid(sp.child("externalTrafficPolicy"), etp, "may only be set for externally-accessible services"));
  } else if (etp === "") {
    errs.push(required(sp.child("externalTrafficPolicy")));
  } else if (etp !== "Cluster" && etp !== "Local") {
    errs.push(notSupported(sp.child("externalTrafficPolicy"), etp, ["Cluster", "Local"]));
  }
  const hcnp = num(spec.healthCheckNodePort) ?? 0;
  const needsHealthCheck = type === "LoadBalancer" && etp === "Local";
  if (!needsHealthCheck) {
    if (hcnp !== 0) {
      errs.push(invalid(sp.child("healthCheckNodePort"), hcnp, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (hcnp === 0) {
    errs.push(required(sp.child("healthCheckNodePort")));
  } else {
    for (const m of isValidPortNum(hcnp)) errs.push(invalid(sp.child("healthCheckNodePort"), hcnp, m));
  }

  // Internal traffic policy.
  if (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) {
    if (type === "NodePort" || type === "LoadBalancer" || type === "ClusterIP") errs.push(required(sp.child("internalTrafficPolicy")));
  } else {
    const itp = str(spec.internalTrafficPolicy);
    if (itp !== "Cluster" && itp !== "Local") errs.push(notSupported(sp.child("internalTrafficPolicy"), itp, ["Cluster", "Local"]));
  }
  if (typeof spec.trafficDistribution === "string" && spec.trafficDistribution !== "PreferClose") {
    errs.push(notSupported(sp.child("trafficDistribution"), spec.trafficDistribution, ["PreferClose"]));
  }
  return errs;
}

function validateUpgradeDowngradeClusterIPs(oldSpec: Obj, spec: Obj): FieldError[] {
  if (spec.type === "ExternalName" || oldSpec.type === "ExternalName") return [];
  if (isHeadless(oldSpec) && isHeadless(spec)) return [];
  const errs: FieldError[] = [];
  const oldIPs = arr(oldSpec.clusterIPs).map(str);
  const ips = arr(spec.clusterIPs).map(str);
  const goIPs = goSlice(Array.isArray(spec.clusterIPs) ? ips : null, "[]string");
  const ipsPath = rootPath("spec", "clusterIPs");
  if (oldIPs.length === ips.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== ips[i]) errs.push(invalid(ipsPath.index(i), goIPs, "may not change once set"));
    });
  } else if (oldIPs.length > ips.length) {
    if (ips.length === 0) errs.push(invalid(ipsPath.index(0), goIPs, "primary clusterIP can not be unset"));
    if (oldIPs.length > 0 && ips.length > 0 && ips[0] !== oldIPs[0]) errs.push(invalid(ipsPath.index(0), goIPs, "may not change once set"));
    if (ips.length === 1 && spec.ipFamilyPolicy !== "SingleStack") {
      errs.push(
        invalid(
          rootPath("spec", "ipFamilyPolicy"),
          typeof spec.ipFamilyPolicy === "string" ? spec.ipFamilyPolicy : null,
          "must be set to 'SingleStack' when releasing the secondary clusterIP",
        ),
      );
    }
  } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
    errs.push(invalid(ipsPath.index(0), goIPs, "may not change once set"));
  }
  return errs;
}

function validateUpgradeDowngradeIPFamilies(oldSpec: Obj, spec: Obj): FieldError[] {
  if (spec.type === "ExternalName" || oldSpec.type === "ExternalName") return [];
  if (isHeadless(oldSpec) !== isHeadless(spec) || isHeadless(spec)) return [];
  const errs: FieldError[] = [];
  const oldF = arr(oldSpec.ipFamilies).map(str);
  const f = arr(spec.ipFamilies).map(str);
  const goF = goSlice(Array.isArray(spec.ipFamilies) ? f : null, "[]core.IPFamily");
  const goIPs = goSlice(Array.isArray(spec.clusterIPs) ? arr(spec.clusterIPs).map(str) : null, "[]string");
  const fp = rootPath("spec", "ipFamilies");
  if (oldF.length === f.length) {
    oldF.forEach((x, i) => {
      if (x !== f[i]) errs.push(invalid(fp.index(0), goF, "may not change once set"));
    });
  } else if (oldF.length > f.length) {
    if (arr(spec.clusterIPs).length === 0) errs.push(invalid(fp.index(0), goF, "primary ipFamily can not be unset"));
    if (f.length > 0 && f[0] !== oldF[0]) errs.push(invalid(fp.index(0), goIPs, "may not change once set"));
    if (f.length === 1 && spec.ipFamilyPolicy !== "SingleStack") {
      errs.push(
        invalid(
          rootPath("spec", "ipFamilyPolicy"),
          typeof spec.ipFamilyPolicy === "string" ? spec.ipFamilyPolicy : null,
          "must be set to 'SingleStack' when releasing the secondary ipFamily",
        ),
      );
    }
  } else if (oldF.length > 0 && f.length > 0 && f[0] !== oldF[0]) {
    errs.push(invalid(fp.index(0), goIPs, "may not change once set"));
  }
  return errs;
}

/** ValidateServiceUpdate. Expects both objects after normalizeClusterIPs. */
export function validateServiceUpdate(svc: Obj, old: Obj): FieldError[] {
  const spec = obj(svc.spec) ?? {};
  const oldSpec = obj(old.spec) ?? {};
  const errs = validateObjectMetaUpdate(obj(svc.metadata) ?? {}, obj(old.metadata) ?? {}, rootPath("metadata"));
  errs.push(...validateUpgradeDowngradeClusterIPs(oldSpec, spec));
  errs.push(...validateUpgradeDowngradeIPFamilies(oldSpec, spec));
  if (oldSpec.type === "LoadBalancer" && spec.type === "LoadBalancer" && (oldSpec.loadBalancerClass ?? null) !== (spec.loadBalancerClass ?? null)) {
    errs.push(
      invalid(rootPath("spec", "loadBalancerClass"), typeof spec.loadBalancerClass === "string" ? spec.loadBalancerClass : null, "may not change once set"),
    );
  }
  if (oldSpec.type === "LoadBalancer" && oldSpec.externalTrafficPolicy === "Local" && spec.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local") {
    if ((num(spec.healthCheckNodePort) ?? 0) !== (num(oldSpec.healthCheckNodePort) ?? 0)) {
      errs.push(forbidden(rootPath("spec", "healthCheckNodePort"), "field is immutable"));
    }
  }
  return errs.concat(validateService(svc));
}

/**
 * The NodePort allocator's error for a requested port outside the range (the server core calls
 * this when it allocates node ports; it runs before validation and reports only the first port).
 */
export function checkNodePortRange(svc: Obj, range = DEFAULT_NODE_PORT_RANGE): FieldError[] {
  const spec = obj(svc.spec) ?? {};
  if (spec.type !== "NodePort" && spec.type !== "LoadBalancer") return [];
  const ports = objs(spec.ports);
  for (let i = 0; i < ports.length; i++) {
    const np = num(ports[i]!.nodePort) ?? 0;
    if (np !== 0 && (np < range.base || np >= range.base + range.size)) {
      return [nodePortNotInRange(i, np, range)];
    }
  }
  return [];
}

export function nodePortNotInRange(index: number, port: number, range = DEFAULT_NODE_PORT_RANGE): FieldError {
  return invalid(
    rootPath("spec", "ports").index(index).child("nodePort"),
    port,
    `provided port is not in the valid range. The range of valid ports is ${range.base}-${range.base + range.size - 1}`,
  );
}

export function nodePortAlreadyAllocated(index: number, port: number): FieldError {
  return invalid(rootPath("spec", "ports").index(index).child("nodePort"), port, "provided port is already allocated");
}

/** The ClusterIP allocator's errors for a requested clusterIP (`spec.clusterIPs` as requested). */
export function clusterIPNotInRange(clusterIPs: string[], ip: string, cidr: string): FieldError {
  return invalid(
    rootPath("spec", "clusterIPs"),
    goSlice(clusterIPs, "[]string"),
    `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${cidr}`,
  );
}

export function clusterIPAlreadyAllocated(clusterIPs: string[], ip: string): FieldError {
  return invalid(rootPath("spec", "clusterIPs"), goSlice(clusterIPs, "[]string"), `failed to allocate IP ${ip}: provided IP is already allocated`);
}
