// Turning what a user types (`pods`, `po/web`, `deploy,svc`, `all`) into resources and names.
import { RESOURCES, resourceForName, type ResourceInfo } from "../../apiserver/registry";

export class ResourceError extends Error {}

/** `kubectl get all` expands to these, in discovery order. */
export const ALL_CATEGORY = ["pods", "services", "daemonsets", "deployments", "replicasets", "jobs"];

export function resolveType(name: string): ResourceInfo {
  const info = resourceForName(name);
  if (!info) throw new ResourceError(`the server doesn't have a resource type "${name}"`);
  return info;
}

export interface ResourceRequest {
  info: ResourceInfo;
  /** Empty: every object of the type. */
  names: string[];
}

/**
 * kubectl's resource builder: either `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME [TYPE/NAME...]`.
 * Returns the requests in the order given.
 */
export function resolveResourceArgs(args: string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes("/"))) {
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash < 0) throw new ResourceError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const type = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (!name) throw new ResourceError(`arguments in resource/name form must have a single resource and name`);
      const info = resolveType(type);
      const last = out[out.length - 1];
      if (last && last.info === info) last.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args;
  const requests: ResourceRequest[] = [];
  for (const t of types!.split(",").filter(Boolean)) {
    if (t === "all") {
      for (const r of ALL_CATEGORY) requests.push({ info: resolveType(r), names: [...names] });
    } else {
      requests.push({ info: resolveType(t), names: [...names] });
    }
  }
  return requests;
}

/** What `kubectl api-resources` lists. */
export function apiResources(): ResourceInfo[] {
  return [...RESOURCES];
}
