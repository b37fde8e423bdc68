// kubectl expose: a Service for a pod, service, deployment or replica set, with its selector,
// ports and protocols read from the exposed object unless given (polymorphichelpers).
import type { KubeObject, StoredObject } from "../../api/types";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import type { Session } from "./session";
import { apiFailure, CommandError, createOrDryRun, dryRunStrategy, NO_RESOURCES, printChanged, resolveTargets, runGuarded, usageError } from "./targets";

export const EXPOSE_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "port", kind: "string" },
  { name: "target-port", kind: "string" },
  { name: "container-port", kind: "string" },
  { name: "protocol", kind: "string" },
  { name: "type", kind: "string" },
  { name: "name", kind: "string" },
  { name: "selector", kind: "string" },
  { name: "labels", short: "l", kind: "string" },
  { name: "external-ip", kind: "string" },
  { name: "cluster-ip", kind: "string" },
  { name: "session-affinity", kind: "string" },
  { name: "load-balancer-ip", kind: "string" },
  { name: "overrides", kind: "string" },
  { name: "dry-run", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "save-config", kind: "bool" },
  { name: "field-manager", kind: "string" },
  { name: "allow-missing-template-keys", kind: "bool" },
  { name: "show-managed-fields", kind: "bool" },
  { name: "template", kind: "string" },
];

const EXPOSABLE = new Set(["Pod", "Service", "ReplicationController", "Deployment", "ReplicaSet"]);

/** MapBasedSelectorForObject. */
function selectorFor(obj: StoredObject): Record<string, string> {
  switch (obj.kind) {
    case "Pod":
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) throw new Error("the pod has no labels and cannot be exposed");
      return obj.metadata.labels;
    case "Service":
      if (!obj.spec?.selector) throw new Error("the service has no pod selector set");
      return obj.spec.selector;
    default: {
      const sel = obj.spec?.selector ?? {};
      const out: Record<string, string> = { ...(sel.matchLabels ?? {}) };
      for (const e of sel.matchExpressions ?? []) {
        if (e.operator !== "In" || (e.values ?? []).length !== 1) {
          throw new Error(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
        }
        out[e.key] = e.values[0];
      }
      return out;
    }
  }
}

interface PortInfo {
  port: string;
  protocol: string;
}

/** PortsForObject and ProtocolsForObject together: every port the object declares. */
function portsFor(obj: StoredObject): PortInfo[] {
  if (obj.kind === "Service") return (obj.spec?.ports ?? []).map((p: { port: number; protocol?: string }) => ({ port: String(p.port), protocol: p.protocol ?? "TCP" }));
  const spec = obj.kind === "Pod" ? obj.spec : obj.spec?.template?.spec;
  const out: PortInfo[] = [];
  for (const c of spec?.containers ?? []) for (const p of c.ports ?? []) out.push({ port: String(p.containerPort), protocol: p.protocol ?? "TCP" });
  return out;
}

export function runExpose(s: Session) {
  runGuarded(s, () => {
    const files = s.flag<string[] | undefined>("filename") ?? [];
    if (s.parsed.args.length === 0 && files.length === 0) throw usageError("expose", NO_RESOURCES);
    const dryRun = dryRunStrategy(s);
    for (const t of resolveTargets(s, s.parsed.args, { files })) {
      if (!EXPOSABLE.has(t.info.kind)) throw new CommandError(`error: cannot expose a ${t.info.group ? `${t.info.kind}.${t.info.group}` : t.info.kind}`);
      const service = buildService(s, t.object, t.name);
      let result: KubeObject;
      try {
        result = createOrDryRun(s, service, s.namespace, dryRun);
      } catch (error) {
        apiFailure(error);
      }
      printChanged(s, result, "exposed", dryRun);
    }
  });
}

function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",")) {
    const kv = part.split("=");
    if (kv.length !== 2) throw new CommandError(`error: invalid label spec: ${part}`);
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

const sortedMap = (m: Record<string, string>) => Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]!]));

function buildService(s: Session, obj: StoredObject, objectName: string): KubeObject {
  const selectorText = s.flag<string | undefined>("selector") ?? "";
  let selector: Record<string, string>;
  if (selectorText) selector = parseMap(selectorText);
  else {
    try {
      selector = selectorFor(obj);
    } catch (error) {
      throw usageError("expose", `couldn't retrieve selectors via --selector flag or introspection: ${(error as Error).message}`);
    }
  }
  const clusterIP = s.flag<string | undefined>("cluster-ip") ?? "";
  const introspected = portsFor(obj);
  let ports = (s.flag<string | undefined>("port") ?? "") ? [s.flag<string>("port")] : introspected.map((p) => p.port);
  if (ports.length === 0 && clusterIP !== "None") throw usageError("expose", "couldn't find port via --port flag or introspection");
  // A port declared twice (80/TCP and 80/UDP) becomes one entry per protocol.
  ports = [...new Set(ports)];
  const protocolFlag = s.flag<string | undefined>("protocol") ?? "";
  const protocolsByPort = new Map<string, string[]>();
  for (const p of introspected) protocolsByPort.set(p.port, [...(protocolsByPort.get(p.port) ?? []), p.protocol]);
  const servicePorts: Record<string, unknown>[] = [];
  ports.forEach((text, i) => {
    if (!/^[-+]?\d+$/.test(text)) throw new CommandError(`error: strconv.Atoi: parsing "${text}": invalid syntax`);
    const port = Number(text);
    const name = ports.length > 1 ? `port-${i + 1}` : undefined;
    let protocol = protocolFlag;
    if (!protocol) {
      const found = protocolsByPort.get(text) ?? [];
      if (found.length > 1) {
        for (const p of found) servicePorts.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
        return;
      }
      protocol = found[0] ?? "TCP";
    }
    servicePorts.push({ ...(name ? { name } : {}), port, protocol });
  });
  const targetText = s.flag<string | undefined>("target-port") || s.flag<string | undefined>("container-port") || "";
  for (const p of servicePorts) p.targetPort = targetText ? (/^-?\d+$/.test(targetText) ? Number(targetText) : targetText) : p.port;

  const labelsText = s.flag<string | undefined>("labels") ?? "";
  const labels = labelsText ? parseMap(labelsText) : (obj.metadata.labels ?? {});
  const spec: Record<string, unknown> = {};
  const externalIP = s.flag<string | undefined>("external-ip") ?? "";
  if (clusterIP) spec.clusterIP = clusterIP;
  if (externalIP) spec.externalIPs = [externalIP];
  spec.ports = servicePorts;
  spec.selector = sortedMap(selector);
  const affinity = s.flag<string | undefined>("session-affinity") ?? "";
  if (affinity) {
    if (affinity !== "None" && affinity !== "ClientIP") throw new CommandError(`error: unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  const type = s.flag<string | undefined>("type") ?? "";
  if (type) spec.type = type;
  const name = s.flag<string | undefined>("name") || objectName.slice(0, 63);
  const namespace = s.parsed.set.has("namespace") && dryRunStrategy(s) === "client" ? s.namespace : undefined;
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { creationTimestamp: null as unknown as string, ...(Object.keys(labels).length ? { labels: sortedMap(labels) } : {}), name, ...(namespace ? { namespace } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
}
