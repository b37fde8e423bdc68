// kubectl delete: by name, -f, -l, --all; waits for the objects to be gone, as kubectl does.
import type { KubeObject, StoredObject } from "../../api/types";
import { ApiError, notFound } from "../../apiserver/errors";
import type { ResourceInfo } from "../../apiserver/registry";
import { parseLabelSelector, SelectorParseError } from "../../apiserver/selectors";
import { apiVersionOf, resourceForKind } from "../../apiserver/registry";
import { qualifiedKind } from "./format";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { apiErrorMessage } from "./errors";
import { checkManifest, ManifestError, readManifests } from "./manifests";
import { resolveResourceArgs } from "./resources";
import type { Session } from "./session";
import { CommandError, dryRunStrategy, dryRunSuffix, type DryRun } from "./targets";

export const DELETE_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "all", kind: "bool" },
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "grace-period", kind: "int", default: -1 },
  { name: "force", kind: "bool" },
  { name: "now", kind: "bool" },
  { name: "wait", kind: "bool", default: true },
  { name: "cascade", kind: "string", default: "background" },
  { name: "ignore-not-found", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
  { name: "timeout", kind: "string" },
  { name: "dry-run", kind: "string" },
];

/** How long `kubectl delete` waits for objects to disappear before giving up. */
const WAIT_LIMIT_MS = 120_000;

interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
}

export function runDelete(s: Session) {
  const out = s.output;
  const { args } = s.parsed;
  const files = s.flag<string[] | undefined>("filename") ?? [];
  const targets: Target[] = [];
  const grace = s.flag<number>("grace-period");
  const force = Boolean(s.flag("force"));
  if (s.flag("now") && grace >= 0) {
    out.err("error: --now and --grace-period cannot be specified together");
    return;
  }
  let dryRun: DryRun;
  try {
    dryRun = dryRunStrategy(s);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    out.err(error.message);
    return;
  }
  const cascade = s.flag<string>("cascade");
  const propagationPolicy = cascade === "orphan" ? "Orphan" : cascade === "foreground" ? "Foreground" : "Background";

  if (files.length) {
    try {
      for (const m of readManifests(s.ctx, files, Boolean(s.flag("recursive")))) {
        const problem = checkManifest(m);
        if (problem) {
          out.err(`error: ${problem}`);
          continue;
        }
        const info = resourceForKind(m.object.kind, m.object.apiVersion);
        if (!info) {
          out.err(`error: resource mapping not found for name: "${m.object.metadata?.name ?? ""}" namespace: "" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`);
          continue;
        }
        targets.push({ info, namespace: info.namespaced ? m.object.metadata?.namespace || s.namespace : undefined, name: m.object.metadata?.name ?? "" });
      }
    } catch (error) {
      if (error instanceof ManifestError) {
        out.err(`error: ${error.message}`);
        return;
      }
      throw error;
    }
  } else {
    if (args.length === 0) {
      out.err(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
      return;
    }
    const requests = resolveResourceArgs(args);
    const selectorText = s.flag<string | undefined>("selector");
    const all = Boolean(s.flag("all"));
    for (const r of requests) {
      const ns = r.info.namespaced ? (s.flag("all-namespaces") ? undefined : s.namespace) : undefined;
      if (r.names.length) {
        for (const name of r.names) targets.push({ info: r.info, namespace: ns ?? s.namespace, name });
      } else if (all || selectorText !== undefined) {
        let selector;
        try {
          selector = selectorText !== undefined ? parseLabelSelector(selectorText) : undefined;
        } catch (error) {
          if (error instanceof SelectorParseError) {
            out.err(`error: ${error.message}`);
            return;
          }
          throw error;
        }
        for (const o of s.api.list(r.info, ns, { labelSelector: selector })) targets.push({ info: r.info, namespace: o.metadata.namespace, name: o.metadata.name });
      } else {
        out.err(`error: resource(s) were provided, but no name was specified`);
        return;
      }
    }
    if (targets.length === 0) {
      out.stderr += "No resources found\n";
      return;
    }
  }

  if (force && grace === 0) {
    out.stderr += "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";
  }
  const deleted: { target: Target; object: StoredObject }[] = [];
  const operation = `${force && grace === 0 ? "force deleted" : "deleted"}${dryRunSuffix(dryRun)}`;
  for (const t of targets) {
    try {
      const gracePeriodSeconds = s.flag("now") ? 1 : grace >= 0 ? grace : force ? 0 : undefined;
      let object: KubeObject;
      if (dryRun === "client") {
        // The builder does not fetch named objects (RequireObject(false)): nothing is asked.
        object = { apiVersion: apiVersionOf(t.info), kind: t.info.kind, metadata: { name: t.name } };
      } else if (dryRun === "server") {
        // Answered as a delete would be (a missing object is still NotFound), nothing removed.
        object = s.api.get(t.info, t.namespace, t.name);
      } else {
        object = s.api.delete(t.info, t.namespace, t.name, { ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {}), propagationPolicy }).object;
        deleted.push({ target: t, object: object as StoredObject });
      }
      if (s.flag<string | undefined>("output") === "name") out.out(`${qualifiedKind(object)}/${t.name}\n`);
      else out.out(`${qualifiedKind(object)} "${t.name}" ${operation}\n`);
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.reason === "NotFound" && s.flag("ignore-not-found")) continue;
        out.err(apiErrorMessage(error.reason === "NotFound" ? notFound(t.info, t.name) : error));
      } else throw error;
    }
  }
  // A dry run leaves nothing to wait for.
  if (s.flag("wait") && !(force && grace === 0) && dryRun === "none") waitUntilGone(s, deleted.map((d) => d.target));
}

function waitUntilGone(s: Session, targets: Target[]) {
  const start = s.now();
  const remaining = () => targets.filter((t) => s.api.tryGet(t.info, t.namespace, t.name));
  while (remaining().length > 0 && s.now() - start < WAIT_LIMIT_MS) s.ctx.world.advance(250);
}
