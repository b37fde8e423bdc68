// kubectl cluster-info and kubectl version, as v1.31.4 prints them.
import { toYaml, type JsonValue } from "./format";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { resourceForKind } from "../../apiserver/registry";
import { connectionRefused } from "./errors";
import type { Session } from "./session";

export const CLUSTER_INFO_FLAGS: FlagSpec[] = [...GLOBAL_FLAGS];
export const VERSION_FLAGS: FlagSpec[] = [...GLOBAL_FLAGS, { name: "client", kind: "bool" }, { name: "output", short: "o", kind: "string" }];

/** version.Info of the release: the v1.31.4 tag's commit and Go toolchain. */
export const KUBE_VERSION = {
  major: "1",
  minor: "31",
  gitVersion: "v1.31.4",
  gitCommit: "a78aa47129b8539636eb86a9d00e31b2720fe06b",
  gitTreeState: "clean",
  goVersion: "go1.22.9",
  compiler: "gc",
  platform: "linux/amd64",
};
export const KUSTOMIZE_VERSION = "v5.4.2";
const CLIENT_BUILD_DATE = "2024-12-10T11:43:21Z";
const SERVER_BUILD_DATE = "2024-12-10T11:42:09Z";

const versionInfo = (buildDate: string) => {
  const { major, minor, gitVersion, gitCommit, gitTreeState, goVersion, compiler, platform } = KUBE_VERSION;
  // Field order of k8s.io/apimachinery/pkg/version.Info (json output keeps it).
  return { major, minor, gitVersion, gitCommit, gitTreeState, buildDate, goVersion, compiler, platform };
};

// go-colortext as cluster-info uses it: always written, terminal or not.
const GREEN = "\x1b[0;32m";
const YELLOW = "\x1b[0;33m";
const RESET = "\x1b[0m";

const serviceLine = (name: string, link: string) => `${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n`;

export function runClusterInfo(s: Session) {
  const out = s.output;
  const [sub, ...rest] = s.parsed.args;
  if (sub === "dump") {
    return out.err("error: kubectl cluster-info dump is not available in this environment");
  }
  if (sub !== undefined || rest.length) {
    return out.err(`error: unknown command "${sub}" for "kubectl cluster-info"`);
  }
  const host = `https://${s.config.server}`;
  const namespace = s.flag<string | undefined>("namespace") || "kube-system";
  let text = serviceLine("Kubernetes control plane", host);
  const services = s.api.list(resourceForKind("Service")!, namespace, { labelSelector: [{ key: "kubernetes.io/cluster-service", op: "=", value: "true" }] });
  for (const svc of services) {
    const ports = (svc.spec?.ports ?? []) as { name?: string; port: number }[];
    const ingress = ((svc.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[])[0];
    let link = "";
    if (ingress) {
      const ip = ingress.ip || ingress.hostname || "";
      for (const p of ports) link += `http://${ip}:${p.port} `;
    } else {
      let name = svc.metadata.name;
      const port = ports[0];
      if (port) {
        const scheme = port.name === "https" || port.port === 443 ? "https" : "";
        // utilnet.JoinSchemeNamePort: <scheme>:<name>:<port name>, empty parts dropped from the ends.
        name = scheme ? `${scheme}:${name}:${port.name ?? ""}` : port.name ? `${name}:${port.name}` : name;
      }
      link = `${host}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
    }
    text += serviceLine(svc.metadata.labels?.["kubernetes.io/name"] || svc.metadata.name, link);
  }
  text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  out.out(text);
}

export function runVersion(s: Session) {
  const out = s.output;
  if (s.parsed.args.length) return out.err(`error: unknown command "${s.parsed.args[0]}" for "kubectl version"`);
  const output = s.flag<string | undefined>("output") ?? "";
  if (output !== "" && output !== "yaml" && output !== "json") return out.err("error: --output must be 'yaml' or 'json'");
  const clientOnly = Boolean(s.flag("client"));
  const reachable = !clientOnly && s.reachable();
  const info: Record<string, JsonValue> = { clientVersion: versionInfo(CLIENT_BUILD_DATE), kustomizeVersion: KUSTOMIZE_VERSION };
  if (reachable) info.serverVersion = versionInfo(SERVER_BUILD_DATE);
  if (output === "") {
    let text = `Client Version: ${KUBE_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (reachable) text += `Server Version: ${KUBE_VERSION.gitVersion}\n`;
    out.out(text);
  } else if (output === "json") {
    out.out(`${JSON.stringify(info, null, 2)}\n`);
  } else {
    out.out(toYaml(info));
  }
  if (!clientOnly && !reachable) out.err(connectionRefused(s.config.server));
}
