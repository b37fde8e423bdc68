// kubectl rollout status|history|undo|pause|resume|restart for deployments (and daemon sets for
// status and restart). `status` watches the object in virtual time and prints a line for every
// change it sees, as kubectl's watch does (repeated lines included).
import { clone, type KubeObject, type StoredObject } from "../../api/types";
import { ApiError } from "../../apiserver/errors";
import { resourceForKind, storageKey } from "../../apiserver/registry";
import { canonicalJson } from "../../controllers/util";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { formatName } from "./format";
import { describePodTemplate } from "./format/describe";
import { PrefixWriter } from "./format/describe-writer";
import { KUBECTL_DESCRIBE, tabulate } from "./format/tabwriter";
import type { Session } from "./session";
import { apiFailure, CommandError, dryRunStrategy, durationFlag, printChanged, resolveTargets, resourceString, runGuarded, type Target } from "./targets";

export const ROLLOUT_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "revision", kind: "int", default: 0 },
  { name: "to-revision", kind: "int", default: 0 },
  { name: "timeout", kind: "string" },
  { name: "watch", short: "w", kind: "bool", default: true },
  { name: "selector", short: "l", kind: "string" },
  { name: "filename", short: "f", kind: "stringArray" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "dry-run", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "field-manager", kind: "string" },
  { name: "allow-missing-template-keys", kind: "bool" },
  { name: "show-managed-fields", kind: "bool" },
  { name: "template", kind: "string" },
];

const REVISION = "deployment.kubernetes.io/revision";
const CHANGE_CAUSE = "kubernetes.io/change-cause";
const HASH = "pod-template-hash";
const RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
/** Annotations a rollback keeps from the Deployment instead of taking them from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION,
  "deployment.kubernetes.io/revision-history",
  "deployment.kubernetes.io/desired-replicas",
  "deployment.kubernetes.io/max-replicas",
  "deprecated.deployment.rollback.to",
]);
/** How long `rollout status` without --timeout waits in virtual time before giving up. */
const STATUS_LIMIT_MS = 15 * 60_000;
const STEP_MS = 500;

const ROLLOUT_HELP = `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Examples:
  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Usage:
  kubectl rollout SUBCOMMAND [options]

Use "kubectl rollout <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export function runRollout(s: Session) {
  runGuarded(s, () => {
    const [sub, ...args] = s.parsed.args;
    const commands = { status, history, undo, pause: (x: Session, a: string[]) => pauseResume(x, a, true), resume: (x: Session, a: string[]) => pauseResume(x, a, false), restart };
    const run = sub !== undefined && Object.hasOwn(commands, sub) ? commands[sub as keyof typeof commands] : undefined;
    if (sub === undefined) throw new CommandError(ROLLOUT_HELP);
    if (!run) throw new CommandError(`error: unknown command "${s.parsed.args.join(" ")}"\nSee 'kubectl rollout -h' for help and examples`);
    run(s, args);
  });
}

function targetsFor(s: Session, args: string[]): Target[] {
  return resolveTargets(s, args, { all: true, selector: s.flag<string | undefined>("selector"), files: s.flag<string[] | undefined>("filename") });
}

const groupKind = (t: Target) => (t.info.group ? `${t.info.kind}.${t.info.group}` : t.info.kind);

// ---- status ----

interface Status {
  message: string;
  done: boolean;
}

/** The status viewers of polymorphichelpers, as text, done, or an error. */
function statusOf(obj: StoredObject, revision: number): Status {
  const name = obj.metadata.name;
  if (obj.kind === "Deployment") {
    if (revision > 0) {
      const running = Number(obj.metadata.annotations?.[REVISION] ?? "0");
      if (revision !== running) throw new CommandError(`error: desired revision (${revision}) is different from the running revision (${running})`);
    }
    const st = obj.status ?? {};
    if ((obj.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { message: "Waiting for deployment spec update to be observed...\n", done: false };
    const progressing = (st.conditions ?? []).find((c: { type: string }) => c.type === "Progressing");
    if (progressing?.reason === "ProgressDeadlineExceeded") throw new CommandError(`error: deployment "${name}" exceeded its progress deadline`);
    const replicas = obj.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    const total = st.replicas ?? 0;
    const available = st.availableReplicas ?? 0;
    if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if (total > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...\n`, done: false };
    if (available < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  if (obj.kind === "DaemonSet") {
    if ((obj.spec?.updateStrategy?.type ?? "RollingUpdate") !== "RollingUpdate") throw new CommandError("error: rollout status is only available for RollingUpdate strategy type");
    const st = obj.status ?? {};
    if ((obj.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { message: "Waiting for daemon set spec update to be observed...\n", done: false };
    const desired = st.desiredNumberScheduled ?? 0;
    const updated = st.updatedNumberScheduled ?? 0;
    const available = st.numberAvailable ?? 0;
    if (updated < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
    if (available < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
    return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  throw new CommandError(`error: no status viewer has been implemented for ${obj.kind}`);
}

function status(s: Session, args: string[]) {
  if (args.length === 0 && (s.flag<string[] | undefined>("filename") ?? []).length === 0) throw new CommandError("error: required resource not specified");
  const revision = s.flag<number>("revision");
  if (revision < 0) throw new CommandError(`error: revision must be a positive integer: ${revision}`);
  const timeout = durationFlag(s, "timeout", "rollout status", 0);
  const targets = targetsFor(s, args);
  for (const t of targets) {
    if (t.info.kind !== "Deployment" && t.info.kind !== "DaemonSet") throw new CommandError(`error: no status viewer has been implemented for ${groupKind(t)}`);
    watchStatus(s, t, revision, timeout);
  }
}

/** UntilWithSync: the listed object first, then every change to it, until done or out of time. */
function watchStatus(s: Session, t: Target, revision: number, timeoutMs: number) {
  const store = s.ctx.world.sandbox.store;
  const key = storageKey(t.info, t.namespace, t.name);
  const first = statusOf(t.object, revision);
  s.output.out(first.message);
  if (first.done || !s.flag("watch")) return;
  const start = s.now();
  const limit = timeoutMs > 0 ? timeoutMs : STATUS_LIMIT_MS;
  let from = store.revision + 1;
  for (;;) {
    const left = limit - (s.now() - start);
    if (left <= 0) throw new CommandError("error: timed out waiting for the condition");
    s.ctx.world.advance(Math.min(STEP_MS, left));
    let events: ReturnType<typeof store.changesSince>;
    try {
      events = store.changesSince(from, key);
    } catch {
      events = [];
    }
    from = store.revision + 1;
    for (const e of events) {
      if (e.type !== "PUT") throw new CommandError(`error: object has been deleted`);
      const obj = JSON.parse(e.kv.value) as StoredObject;
      obj.metadata.resourceVersion = String(e.kv.modRevision);
      const st = statusOf(obj, revision);
      s.output.out(st.message);
      if (st.done) return;
    }
  }
}

// ---- history ----

interface Revision {
  revision: number;
  rs: StoredObject;
}

/** The ReplicaSets a Deployment owns, by revision (deploymentutil.GetAllReplicaSets). */
function revisionsOf(s: Session, d: StoredObject): Revision[] {
  const out: Revision[] = [];
  for (const rs of s.api.list(resourceForKind("ReplicaSet")!, d.metadata.namespace)) {
    const owner = rs.metadata.ownerReferences?.find((r) => r.controller);
    if (owner?.uid !== d.metadata.uid) continue;
    const text = rs.metadata.annotations?.[REVISION];
    if (text === undefined || !/^\d+$/.test(text)) continue;
    out.push({ revision: Number(text), rs });
  }
  return out.sort((a, b) => a.revision - b.revision);
}

const withoutHash = (template: unknown) => {
  const t = clone((template ?? {}) as { metadata?: { labels?: Record<string, string> } });
  if (t.metadata?.labels) delete t.metadata.labels[HASH];
  return canonicalJson(t);
};

/** The change cause of a revision: the ReplicaSet's, or the Deployment's for the current one. */
function changeCause(d: StoredObject, r: Revision): string | undefined {
  const own = r.rs.metadata.annotations?.[CHANGE_CAUSE];
  if (own) return own;
  // The Deployment controller copies the Deployment's annotations to its newest ReplicaSet.
  if (withoutHash(r.rs.spec?.template) === withoutHash(d.spec?.template)) return d.metadata.annotations?.[CHANGE_CAUSE];
  return undefined;
}

/** printTemplate: DescribePodTemplate on a plain (unaligned) writer. */
function printTemplate(template: unknown): string {
  const w = new PrefixWriter();
  describePodTemplate(w, template as Parameters<typeof describePodTemplate>[1]);
  return w.raw();
}

function history(s: Session, args: string[]) {
  const revision = s.flag<number>("revision");
  if (revision < 0) throw new CommandError(`error: revision must be a positive integer: ${revision}`);
  for (const t of targetsFor(s, args)) {
    if (t.info.kind !== "Deployment") throw new CommandError(`error: no history viewer has been implemented for "${groupKind(t)}"`);
    const revisions = revisionsOf(s, t.object);
    let text: string;
    if (revisions.length === 0) text = "No rollout history found.";
    else if (revision > 0) {
      const r = revisions.find((x) => x.revision === revision);
      if (!r) throw new CommandError("error: unable to find the specified revision");
      const template = clone(r.rs.spec?.template ?? {});
      const cause = changeCause(t.object, r);
      if (cause) template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}), [CHANGE_CAUSE]: cause } };
      text = printTemplate(template);
    } else {
      const rows = ["REVISION\tCHANGE-CAUSE\n", ...revisions.map((r) => `${r.revision}\t${changeCause(t.object, r) || "<none>"}\n`)];
      text = tabulate(rows.join(""), KUBECTL_DESCRIBE);
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : "";
    s.output.out(`${formatName(t.object, `${withRevision}\n${text}`)}\n`);
  }
}

// ---- undo ----

function undo(s: Session, args: string[]) {
  const toRevision = s.flag<number>("to-revision");
  const dryRun = dryRunStrategy(s);
  for (const t of targetsFor(s, args)) {
    if (t.info.kind !== "Deployment") throw new CommandError(`error: no rollbacker has been implemented for "${groupKind(t)}"`);
    if (toRevision < 0) throw new CommandError(`error: unable to find specified revision ${toRevision} in history`);
    const d = t.object;
    const revisions = revisionsOf(s, d);
    let target: Revision | undefined;
    if (toRevision > 0) {
      target = revisions.find((r) => r.revision === toRevision);
      if (!target) throw new CommandError(`error: unable to find specified revision ${toRevision} in history`);
    } else {
      target = revisions[revisions.length - 2];
      if (!target) throw new CommandError(`error: no rollout history found for deployment "${d.metadata.name}"`);
    }
    const template = clone(target.rs.spec?.template ?? {});
    if (dryRun === "client") {
      s.output.out(`${formatName(d, printTemplate(template))}\n`);
      continue;
    }
    if (d.spec?.paused) throw new CommandError("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
    if (withoutHash(template) === withoutHash(d.spec?.template)) {
      printChanged(s, d, `skipped rollback (current template already matches revision ${target.revision})`);
      continue;
    }
    if (template.metadata?.labels) delete template.metadata.labels[HASH];
    let updated: StoredObject = d;
    try {
      updated = s.api.modify(t.info, t.namespace, t.name, (obj) => {
        obj.spec.template = template;
        const annotations: Record<string, string> = { ...(obj.metadata.annotations ?? {}) };
        for (const [k, v] of Object.entries(target!.rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
        obj.metadata.annotations = annotations;
        if (dryRun === "server") return false;
      });
    } catch (error) {
      if (error instanceof ApiError) throw new CommandError(`error: failed restoring revision ${target.revision}: ${error.message}`);
      throw error;
    }
    printChanged(s, updated, "rolled back", dryRun);
  }
}

// ---- pause, resume, restart ----

function pauseResume(s: Session, args: string[], pause: boolean) {
  const errors: string[] = [];
  for (const t of targetsFor(s, args)) {
    const what = `${resourceString(t.info)} "${t.name}"`;
    if (t.info.kind !== "Deployment") {
      errors.push(`error: ${what} ${pause ? "pausing" : "resuming"} is not supported`);
      continue;
    }
    if (Boolean(t.object.spec?.paused) === pause) {
      errors.push(`error: ${what} ${pause ? "is already paused" : "is not paused"}`);
      continue;
    }
    const updated = write(s, t, (obj) => {
      obj.spec.paused = pause ? true : undefined;
      if (!pause) delete obj.spec.paused;
    });
    printChanged(s, updated, pause ? "paused" : "resumed");
  }
  for (const e of errors) s.output.err(e);
}

function rfc3339Local(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

function restart(s: Session, args: string[]) {
  const errors: string[] = [];
  const now = rfc3339Local(s.now());
  for (const t of targetsFor(s, args)) {
    const what = `${resourceString(t.info)} "${t.name}"`;
    if (t.info.kind !== "Deployment" && t.info.kind !== "DaemonSet") {
      errors.push(`error: ${what} restarting is not supported`);
      continue;
    }
    if (t.object.spec?.paused) {
      errors.push(`error: ${what} can't restart paused deployment (run rollout resume first)`);
      continue;
    }
    if (t.object.spec?.template?.metadata?.annotations?.[RESTARTED_AT] === now) {
      errors.push(`error: failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`);
      continue;
    }
    const updated = write(s, t, (obj) => {
      const meta = (obj.spec.template.metadata ??= {});
      meta.annotations = { ...(meta.annotations ?? {}), [RESTARTED_AT]: now };
    });
    printChanged(s, updated, "restarted");
  }
  for (const e of errors) s.output.err(e);
}

function write(s: Session, t: Target, mutate: (obj: KubeObject) => void): StoredObject {
  try {
    return s.api.modify(t.info, t.namespace, t.name, (obj) => {
      mutate(obj);
    });
  } catch (error) {
    if (error instanceof ApiError) throw new CommandError(`error: failed to patch: ${error.message}`);
    apiFailure(error);
  }
}
