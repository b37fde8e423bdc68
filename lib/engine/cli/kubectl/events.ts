// kubectl events (k8s.io/kubectl/pkg/cmd/events): LAST SEEN TYPE REASON OBJECT MESSAGE, oldest
// first, with --for, --types, -A and -w. `kubectl get events` is get.ts.
import type { StoredObject } from "../../api/types";
import { resourceForKind } from "../../apiserver/registry";
import { humanDuration, KUBECTL_TABLE, parseTime, printObjects, tabulate, TabWriter, type Event } from "./format";
import { escapeTerminal } from "./format/tables";
import { GLOBAL_FLAGS, type FlagSpec } from "./args";
import { WATCH_MS } from "./get";
import { resolveType } from "./resources";
import type { Session } from "./session";

export const EVENTS_FLAGS: FlagSpec[] = [
  ...GLOBAL_FLAGS,
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "for", kind: "string" },
  { name: "types", kind: "stringArray" },
  { name: "watch", short: "w", kind: "bool" },
  { name: "no-headers", kind: "bool" },
  { name: "output", short: "o", kind: "string" },
  { name: "chunk-size", kind: "int" },
  { name: "show-managed-fields", kind: "bool" },
];

const EVENT = resourceForKind("Event")!;

/** escapeCell: a cell is cut at the first line break. */
function cell(text: string | undefined): string {
  let s = text ?? "";
  const brk = s.search(/[\f\n\r]/);
  if (brk >= 0) s = `${s.slice(0, brk)}...`;
  return escapeTerminal(s);
}

function since(timestamp: string | null | undefined, now: number): string {
  const t = parseTime(timestamp);
  return t === undefined ? "<unknown>" : humanDuration(now - t);
}

function interval(e: Event, now: number): string {
  const first = parseTime(e.eventTime) === undefined ? since(e.firstTimestamp, now) : since(e.eventTime, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

/** The time kubectl sorts events by. */
function eventTime(e: Event): number {
  if (e.series) return parseTime(e.series.lastObservedTime) ?? 0;
  return parseTime(e.lastTimestamp) ?? parseTime(e.eventTime) ?? 0;
}

function row(e: Event, now: number, allNamespaces: boolean): string {
  const io = e.involvedObject ?? {};
  const ns = allNamespaces ? `${e.metadata?.namespace ?? ""}\t` : "";
  return `${ns}${interval(e, now)}\t${cell(e.type)}\t${cell(e.reason)}\t${cell(io.kind)}/${cell(io.name)}\t${cell((e.message ?? "").trim())}\n`;
}

function header(allNamespaces: boolean): string {
  return `${allNamespaces ? "NAMESPACE\t" : ""}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`;
}

export function runEvents(s: Session) {
  const out = s.output;
  if (s.parsed.args.length > 0) {
    // cobra's default for a command without positional arguments.
    return out.err(`error: unknown command "${s.parsed.args[0]}" for "kubectl events"`);
  }
  const allNamespaces = Boolean(s.flag("all-namespaces"));
  const types = (s.flag<string[] | undefined>("types") ?? []).flatMap((t) => t.split(",")).filter(Boolean);
  if (types.some((t) => !/^(normal|warning)$/i.test(t))) return out.err("error: valid --types are Normal or Warning");
  let forKind: string | undefined;
  let forName: string | undefined;
  const forObject = s.flag<string | undefined>("for");
  if (forObject) {
    if (!forObject.includes("/")) return out.err("error: --for must be in resource/name form");
    const seg = forObject.split("/");
    if (seg.length !== 2) return out.err("error: arguments in resource/name form may not have more than one slash");
    forKind = resolveType(seg[0]!).kind;
    forName = seg[1]!;
  }
  const namespace = allNamespaces ? undefined : s.namespace;
  const wanted = (e: Event) =>
    (types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? "").toLowerCase())) &&
    (forName === undefined || (e.involvedObject?.kind === forKind && e.involvedObject?.name === forName));
  const list = () => (s.api.list(EVENT, namespace) as unknown as Event[]).filter(wanted);
  const noHeaders = Boolean(s.flag("no-headers"));
  const output = s.flag<string | undefined>("output");

  if (s.flag("watch")) {
    // A watch starts with every existing event (unsorted), then prints each change as it comes;
    // kubectl flushes after every event, so columns only ever widen.
    const tw = new TabWriter(KUBECTL_TABLE);
    let first = !noHeaders;
    const print = (e: Event, now: number) => {
      tw.write(`${first ? header(allNamespaces) : ""}${row(e, now, allNamespaces)}`).flush();
      first = false;
    };
    const store = s.ctx.world.sandbox.store;
    const from = store.revision + 1;
    for (const e of list()) print(e, s.now());
    s.ctx.world.advance(WATCH_MS);
    const prefix = namespace ? `/registry/${EVENT.storagePrefix}/${namespace}/` : `/registry/${EVENT.storagePrefix}/`;
    for (const change of store.changesSince(from, prefix, { prefix: true })) {
      if (change.type !== "PUT") continue;
      const e = JSON.parse(change.kv.value) as Event;
      // Printed the moment it arrived: its age is measured from then.
      if (wanted(e)) print(e, eventTime(e) || s.now());
    }
    out.out(tw.output());
    return;
  }

  const events = list()
    .map((e, i) => ({ e, i }))
    .sort((a, b) => eventTime(a.e) - eventTime(b.e) || a.i - b.i)
    .map((x) => x.e);
  if (events.length === 0) {
    out.warn(allNamespaces ? "No events found.\n" : `No events found in ${s.namespace} namespace.\n`);
    return;
  }
  if (output) {
    const printed = printObjects(events as unknown as StoredObject[], output, { asList: true });
    out.out(printed.stdout);
    if (printed.stderr) out.err(printed.stderr, printed.exitCode || 1);
    return;
  }
  const now = s.now();
  let text = noHeaders ? "" : header(allNamespaces);
  for (const e of events) text += row(e, now, allNamespaces);
  out.out(tabulate(text, KUBECTL_TABLE));
}
