// The files and environment the kubelet gives a pod: /etc/resolv.conf from the DNS policy,
// the Kubernetes-managed /etc/hosts, /etc/hostname, and the Service environment variables.
import type { Container, StoredObject } from "../api/types";
import type { World } from "../world";
import { CLUSTER_DNS, CLUSTER_DOMAIN, isHeadless, services, servicePorts, type PodNet } from "./cluster";

function hostFile(world: World, node: string, path: string): string | undefined {
  const f = world.hosts[node]?.fs[path];
  return f && f.type === "file" ? f.content : undefined;
}

/** The pod's hostname: spec.hostname, else its name (cut to 63 characters). */
export function podHostname(pod: StoredObject): string {
  return ((pod.spec?.hostname as string | undefined) ?? pod.metadata.name).slice(0, 63);
}

/** The upstream resolver configuration the kubelet hands to dnsPolicy Default pods. */
function nodeUpstreamResolvConf(world: World, node: string): string {
  return hostFile(world, node, "/run/systemd/resolve/resolv.conf") ?? "nameserver 8.8.8.8\n";
}

/** /etc/resolv.conf inside the pod, as the kubelet writes it for the pod's dnsPolicy. */
export function podResolvConf(world: World, pod: PodNet): string {
  const spec = pod.pod.spec ?? {};
  const policy = (spec.dnsPolicy as string | undefined) ?? "ClusterFirst";
  const config = spec.dnsConfig as { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] } | undefined;
  let nameservers: string[] = [];
  let searches: string[] = [];
  let options: string[] = [];
  const clusterFirst = policy === "ClusterFirstWithHostNet" || (policy === "ClusterFirst" && !pod.hostNetwork);
  if (clusterFirst) {
    nameservers = [CLUSTER_DNS];
    searches = [`${pod.namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
    options = ["ndots:5"];
  } else if (policy !== "None") {
    // Default (and ClusterFirst on the host network): the node's own upstream resolvers.
    const upstream = nodeUpstreamResolvConf(world, pod.node);
    if (!config) return upstream;
    for (const line of upstream.split("\n")) {
      const [key, ...rest] = line.trim().split(/\s+/);
      if (key === "nameserver" && rest[0]) nameservers.push(rest[0]);
      if (key === "search") searches.push(...rest.filter((s) => s !== "."));
      if (key === "options") options.push(...rest);
    }
  }
  if (config) {
    nameservers.push(...(config.nameservers ?? []).filter((n) => !nameservers.includes(n)));
    searches.push(...(config.searches ?? []).filter((n) => !searches.includes(n)));
    for (const o of config.options ?? []) {
      const text = o.value !== undefined ? `${o.name}:${o.value}` : o.name;
      options = options.filter((x) => x.split(":")[0] !== o.name);
      options.push(text);
    }
  }
  let text = "";
  if (searches.length) text += `search ${searches.join(" ")}\n`;
  for (const n of nameservers.slice(0, 3)) text += `nameserver ${n}\n`;
  if (options.length) text += `options ${options.join(" ")}\n`;
  return text;
}

/** /etc/hosts inside the pod: the kubelet's managed file, or the node's for hostNetwork pods. */
export function podHostsFile(world: World, pod: PodNet): string {
  const spec = pod.pod.spec ?? {};
  const aliases = (spec.hostAliases ?? []) as { ip: string; hostnames?: string[] }[];
  let text: string;
  if (pod.hostNetwork) {
    text = `# Kubernetes-managed hosts file (host network).\n${hostFile(world, pod.node, "/etc/hosts") ?? ""}`;
  } else {
    const hostname = podHostname(pod.pod);
    const subdomain = spec.subdomain as string | undefined;
    text =
      "# Kubernetes-managed hosts file.\n" +
      "127.0.0.1\tlocalhost\n" +
      "::1\tlocalhost ip6-localhost ip6-loopback\n" +
      "fe00::0\tip6-localnet\n" +
      "fe00::0\tip6-mcastprefix\n" +
      "fe00::1\tip6-allnodes\n" +
      "fe00::2\tip6-allrouters\n" +
      (subdomain ? `${pod.ip}\t${hostname}.${subdomain}.${pod.namespace}.svc.${CLUSTER_DOMAIN}\t${hostname}\n` : `${pod.ip}\t${hostname}\n`);
  }
  if (aliases.length) {
    text += "\n# Entries added by HostAliases.\n";
    for (const a of aliases) text += `${a.ip}\t${(a.hostnames ?? []).join("\t")}\n`;
  }
  return text;
}

/** The Docker-links-style variables of the Services that existed when the pod was created. */
export function serviceEnv(world: World, pod: StoredObject): [string, string][] {
  const created = Date.parse(pod.metadata.creationTimestamp);
  const chosen: StoredObject[] = [];
  for (const svc of services(world)) {
    const ns = svc.metadata.namespace;
    const isMaster = ns === "default" && svc.metadata.name === "kubernetes";
    if (ns !== pod.metadata.namespace && !isMaster) continue;
    // The master Service's variables are always set; other links only when enabled.
    if (!isMaster && pod.spec?.enableServiceLinks === false) continue;
    if (isHeadless(svc) || !svc.spec?.clusterIP || svc.spec?.type === "ExternalName") continue;
    if (Date.parse(svc.metadata.creationTimestamp) > created) continue;
    chosen.push(svc);
  }
  const out: [string, string][] = [];
  for (const svc of chosen.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
    const prefix = svc.metadata.name.toUpperCase().replace(/-/g, "_");
    const ip = svc.spec.clusterIP as string;
    const ports = servicePorts(svc);
    const first = ports[0];
    if (!first) continue;
    out.push([`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(first.port)]);
    for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, "_")}`, String(p.port)]);
    const proto = (first.protocol ?? "TCP").toLowerCase();
    out.push([`${prefix}_PORT`, `${proto}://${ip}:${first.port}`]);
    for (const p of ports) {
      const pr = (p.protocol ?? "TCP").toLowerCase();
      const base = `${prefix}_PORT_${p.port}_${pr.toUpperCase()}`;
      out.push([base, `${pr}://${ip}:${p.port}`], [`${base}_PROTO`, pr], [`${base}_PORT`, String(p.port)], [`${base}_ADDR`, ip]);
    }
  }
  return out;
}

/**
 * The environment a process started in the container (kubectl exec) sees: the image's
 * variables, HOSTNAME, the container's own variables, the Service links, then HOME.
 */
export function containerEnv(world: World, pod: PodNet, container: Container, imageEnv: string[]): [string, string][] {
  const out: [string, string][] = [];
  const set = (k: string, v: string) => {
    const i = out.findIndex(([x]) => x === k);
    if (i >= 0) out[i] = [k, v];
    else out.push([k, v]);
  };
  const path = imageEnv.find((kv) => kv.startsWith("PATH="));
  if (path) set("PATH", path.slice(5));
  set("HOSTNAME", podHostname(pod.pod));
  for (const kv of imageEnv) {
    const i = kv.indexOf("=");
    if (i > 0 && kv.slice(0, i) !== "PATH") set(kv.slice(0, i), kv.slice(i + 1));
  }
  for (const e of container.env ?? []) if (e.value !== undefined) set(e.name, e.value);
  for (const [k, v] of serviceEnv(world, pod.pod)) if (!out.some(([x]) => x === k)) set(k, v);
  if (!out.some(([k]) => k === "HOME")) set("HOME", "/root");
  return out;
}
