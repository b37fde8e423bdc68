// The "what happened" strip: each recent command of the learner with what it made each
// component do, stage by stage (apiserver → etcd → controllers → scheduler → kubelet →
// endpoints, and Docker hosts), built from the request trace and the store's history.
import type { Sandbox } from "@/lib/engine/sandbox";
import type { TraceEntry } from "@/lib/engine/trace";
import { resourceForName, apiVersionOf } from "@/lib/engine/apiserver/registry";
import { FILTERS, schedulerState, type SchedulingDecision } from "@/lib/engine/scheduler/scheduler";
import { entryMessage, laneItems, parseObject, parseRegistryKey, type EntryFacts } from "./trace-messages";
import { LANES, type CommandReplay, type Lane, type ReplayItem, type SchedulingWhy } from "./view-model";

export interface ReplayOptions {
  /** How many recent commands to replay. */
  commands?: number;
  /** Whether the newest command, and the newest that changed something, carry their full log. */
  withLog?: boolean;
  /** Most log lines per command. */
  logLimit?: number;
  /** Most items per stage. */
  laneLimit?: number;
}

type Stored = { version: number; value: Record<string, unknown> } | undefined;

/**
 * The stored object under `key` as it was at `revision`, or undefined (deleted, compacted away,
 * or etcd unreachable). A serializable read: it needs no leader and changes nothing.
 */
function readAt(sandbox: Sandbox, key: string, revision: number): Stored {
  if (revision <= 0) return undefined;
  try {
    const kv = sandbox.store.get(key, { revision, serializable: true });
    return kv ? { version: kv.version, value: JSON.parse(kv.value) as Record<string, unknown> } : undefined;
  } catch {
    return undefined;
  }
}

type Obj = { metadata?: { name?: string; namespace?: string; deletionTimestamp?: string }; spec?: { nodeName?: string }; status?: { phase?: string; conditions?: { type: string; status: string }[] } };

const podState = (pod: Obj | undefined) =>
  pod ? { phase: pod.status?.phase ?? "Pending", ready: pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false, ...(pod.spec?.nodeName ? { node: pod.spec.nodeName } : {}) } : undefined;

/** The REST path of an object, as kube-apiserver serves it. */
function restPath(resource: string, namespace: string | undefined, name?: string): string | undefined {
  const info = resourceForName(resource);
  if (!info) return undefined;
  const base = info.group ? `/apis/${apiVersionOf(info)}` : `/api/${info.version}`;
  const ns = info.namespaced && namespace ? `/namespaces/${namespace}` : "";
  return `${base}${ns}/${info.resource}${name ? `/${name}` : ""}`;
}

// Facts about a revision never change, so each is read once per sandbox.
const cache = new WeakMap<Sandbox, Map<string, EntryFacts | null>>();

function factsFor(sandbox: Sandbox, e: TraceEntry, direct: boolean): EntryFacts | undefined {
  const revision = Number(e.detail?.revision ?? 0);
  const key = e.object ?? "";
  const parsed = parseRegistryKey(key);
  if (!parsed || !revision) return undefined;
  let memo = cache.get(sandbox);
  if (!memo) cache.set(sandbox, (memo = new Map()));
  const id = `${revision}|${direct ? 1 : 0}`;
  const known = memo.get(id);
  if (known !== undefined) return known ?? undefined;
  if (memo.size > 5000) memo.clear();

  const facts: EntryFacts = {};
  const interesting = direct || parsed.resource === "events" || parsed.resource === "pods";
  const now = e.action === "put" && interesting ? readAt(sandbox, key, revision) : undefined;
  if (parsed.resource === "events" && now) {
    const ev = now.value as { reason?: string; message?: string; type?: string; source?: { component?: string; host?: string }; involvedObject?: { name?: string; fieldPath?: string } };
    const container = /\{(.+)\}$/.exec(ev.involvedObject?.fieldPath ?? "")?.[1];
    facts.event = {
      reason: ev.reason ?? "",
      message: ev.message ?? "",
      type: ev.type ?? "Normal",
      ...(ev.source?.component ? { component: ev.source.component } : {}),
      ...(ev.source?.host ? { host: ev.source.host } : {}),
      ...(ev.involvedObject?.name ? { name: ev.involvedObject.name } : {}),
      ...(container ? { container } : {}),
    };
  }
  const before = e.action === "put" && (direct || parsed.resource === "pods") && now && now.version > 1 ? readAt(sandbox, key, revision - 1) : undefined;
  if (direct) {
    if (e.action === "delete") {
      facts.verb = "delete";
      const path = restPath(parsed.resource, parsed.namespace, parsed.name);
      if (path) facts.rest = `DELETE ${path}`;
    } else if (now) {
      const marked = Boolean((now.value as Obj).metadata?.deletionTimestamp) && !(before?.value as Obj | undefined)?.metadata?.deletionTimestamp;
      facts.verb = now.version === 1 ? "create" : marked ? "mark-deleted" : "update";
      const path = facts.verb === "create" ? restPath(parsed.resource, parsed.namespace) : restPath(parsed.resource, parsed.namespace, parsed.name);
      if (path) facts.rest = facts.verb === "create" ? `POST ${path}` : facts.verb === "mark-deleted" ? `DELETE ${path}` : path;
    }
  }
  if (parsed.resource === "pods" && now) {
    const after = podState(now.value as Obj)!;
    const was = podState(before?.value as Obj | undefined);
    facts.pod = { ...after, ...(was ? { before: was } : {}) };
  }
  const result = Object.keys(facts).length > 0 ? facts : undefined;
  memo.set(id, result ?? null);
  return result;
}

/** Every filter's verdict for every node, and the scores of the nodes that fit. */
export function explainDecision(decision: SchedulingDecision, nodeNames: string[]): SchedulingWhy {
  const names = [...new Set([...nodeNames, ...Object.keys(decision.rejected), ...Object.keys(decision.scores)])];
  return {
    pod: decision.pod,
    ...(decision.node ? { node: decision.node } : {}),
    ...(decision.message ? { message: decision.message } : {}),
    nodes: names.map((name) => {
      const rejected = decision.rejected[name];
      const scores = decision.scores[name];
      if (rejected) {
        const failedAt = FILTERS.indexOf(rejected.plugin as (typeof FILTERS)[number]);
        return {
          name,
          examined: true,
          filters: FILTERS.map((plugin, i) =>
            i < failedAt ? { plugin, verdict: "pass" as const } : i === failedAt ? { plugin, verdict: "fail" as const, reason: rejected.reasons.join(", ") } : { plugin, verdict: "skip" as const },
          ),
        };
      }
      if (scores) {
        const { total, ...plugins } = scores;
        return { name, examined: true, filters: FILTERS.map((plugin) => ({ plugin, verdict: "pass" as const })), score: { total, plugins: plugins as Record<string, number> } };
      }
      return { name, examined: false, filters: [] };
    }),
  };
}

/** The replays of the most recent commands, oldest first. */
export function commandReplays(sandbox: Sandbox, options: ReplayOptions = {}): CommandReplay[] {
  const { commands: count = 6, withLog = true, logLimit = 120, laneLimit = 12 } = options;
  const trace = sandbox.cluster.trace;
  const commands = trace.commands().slice(-count);
  if (commands.length === 0) return [];
  const wanted = new Set(commands.map((c) => c.id));
  const byCommand = new Map<number, TraceEntry[]>();
  for (const e of trace.entries()) {
    if (e.command === undefined || !wanted.has(e.command)) continue;
    const list = byCommand.get(e.command);
    if (list) list.push(e);
    else byCommand.set(e.command, [e]);
  }
  // The log is the bulk of a replay: only the commands the strip opens on carry it.
  const logged = new Set<number>();
  if (withLog) {
    logged.add(commands[commands.length - 1]!.id);
    const changed = [...commands].reverse().find((c) => byCommand.has(c.id));
    if (changed) logged.add(changed.id);
  }
  const decisions = schedulerState(sandbox.cluster).decisions;
  const nodeNames = [...new Set(decisions.flatMap((d) => [...Object.keys(d.rejected), ...Object.keys(d.scores)]))].sort();

  return commands.map((command) => {
    const entries = byCommand.get(command.id) ?? [];
    const lanes = new Map<Lane, ReplayItem[]>();
    const facts = new Map<number, EntryFacts | undefined>();
    for (const e of entries) {
      const direct = e.cause === command.id;
      const f = e.actor === "etcd" ? factsFor(sandbox, e, direct) : undefined;
      facts.set(e.id, f);
      for (const item of laneItems(e, f, direct)) {
        const out: ReplayItem = { id: e.id, at: e.at, actor: e.actor, message: item.message };
        if (item.who) out.who = item.who;
        if (item.detail) out.detail = item.detail;
        if (item.warning) out.warning = true;
        if (e.actor === "kube-scheduler") {
          const pod = parseObject(e.object);
          const key = pod?.namespace ? `${pod.namespace}/${pod.name}` : undefined;
          const decision = key ? decisions.find((d) => d.pod === key && d.at === e.at) : undefined;
          if (decision) out.why = explainDecision(decision, nodeNames);
        }
        const list = lanes.get(item.lane);
        if (list) list.push(out);
        else lanes.set(item.lane, [out]);
      }
    }
    const detail = (command.detail ?? {}) as { text?: string; control?: string; secret?: boolean };
    const replay: CommandReplay = {
      id: command.id,
      at: command.at,
      ...(typeof detail.text === "string" ? { text: detail.text } : {}),
      ...(typeof detail.control === "string" ? { control: detail.control } : {}),
      ...(detail.secret ? { secret: true } : {}),
      steps: LANES.filter((lane) => lanes.has(lane)).map((lane) => {
        const items = lanes.get(lane)!;
        return { lane, items: items.slice(0, laneLimit), more: Math.max(0, items.length - laneLimit) };
      }),
      entries: entries.length,
    };
    if (logged.has(command.id)) {
      replay.log = entries.slice(0, logLimit).map((e) => ({
        id: e.id,
        at: e.at,
        actor: e.actor,
        ...(e.who ? { who: e.who } : {}),
        message: entryMessage(e, facts.get(e.id)),
        ...(e.actor === "etcd" && e.object ? { detail: e.object } : {}),
      }));
    }
    return replay;
  });
}
