// kubectl scale: sets spec.replicas through the scale subresource of deployments and replica
// sets, with the --current-replicas and --resource-version preconditions.
import { ApiError } from "../../apiserver/errors";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import type { Session } from "./session";
import { apiFailure, CommandError, dryRunStrategy, printChanged, requireFlags, resolveTargets, runGuarded } from "./targets";

export const SCALE_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "replicas", kind: "int", default: -1 },
  { name: "current-replicas", kind: "int", default: -1 },
  { name: "resource-version", kind: "string" },
  { name: "selector", short: "l", kind: "string" },
  { name: "all", kind: "bool" },
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "dry-run", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "timeout", kind: "string" },
  { name: "allow-missing-template-keys", kind: "bool" },
  { name: "show-managed-fields", kind: "bool" },
  { name: "template", kind: "string" },
];

const SCALABLE = new Set(["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"]);

export function runScale(s: Session) {
  runGuarded(s, () => {
    requireFlags(s, ["replicas"]);
    const replicas = s.flag<number>("replicas");
    const current = s.flag<number>("current-replicas");
    const resourceVersion = s.flag<string | undefined>("resource-version") ?? "";
    const all = Boolean(s.flag("all"));
    const selector = s.flag<string | undefined>("selector");
    if (all && selector !== undefined) throw new CommandError("error: cannot set --all and --selector at the same time");
    if (replicas < 0) throw new CommandError("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
    if (current < -1) throw new CommandError("error: The --current-replicas must specify an integer of -1 or greater");
    const dryRun = dryRunStrategy(s);
    const targets = resolveTargets(s, s.parsed.args, { all, selector, files: s.flag<string[] | undefined>("filename") });
    if (targets.length === 0) {
      if (s.output.exitCode === 0) throw new CommandError("error: no objects passed to scale");
      return;
    }
    if (targets.length > 1 && resourceVersion) throw new CommandError("error: cannot use --resource-version with multiple resources");
    for (const t of targets) {
      if (dryRun === "client") {
        printChanged(s, t.object, "scaled", dryRun);
        continue;
      }
      if (!SCALABLE.has(t.info.kind)) throw new CommandError("Error from server (NotFound): the server could not find the requested resource");
      let updated = t.object;
      try {
        updated = s.api.modify(t.info, t.namespace, t.name, (obj) => {
          const actual = obj.spec?.replicas ?? 1;
          if (current >= 0 && current !== actual) throw new CommandError(`error: Expected replicas to be ${current}, was ${actual}`);
          if (resourceVersion && resourceVersion !== obj.metadata.resourceVersion) throw new CommandError(`error: Expected resource version to be ${resourceVersion}, was ${obj.metadata.resourceVersion}`);
          if (actual === replicas) return false;
          obj.spec = { ...(obj.spec ?? {}), replicas };
          if (dryRun === "server") {
            // Validated like the real request, then dropped.
            s.api.update(obj, { dryRun: true });
            return false;
          }
        });
        if (dryRun === "server") updated = t.object;
      } catch (error) {
        if (error instanceof ApiError) apiFailure(error);
        throw error;
      }
      printChanged(s, updated, "scaled", dryRun);
    }
  });
}
