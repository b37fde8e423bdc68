// What each request made each component do. Every API write and every controller, scheduler or
// kubelet action records an entry with the entry that caused it, so the UI can replay a command's
// consequences as a tree: apiserver → etcd revision → controller → scheduler → kubelet → ...
// A line the learner runs can be recorded as a root (`command`); every entry that descends from
// it carries its id, so a command's consequences stay grouped however long the chain grows.
import type { Millis } from "./clock";

export type Actor =
  | "user"
  | "kube-apiserver"
  | "etcd"
  | "kube-controller-manager"
  | "kube-scheduler"
  | "kubelet"
  | "kube-proxy"
  | "coredns"
  | "docker";

export interface TraceEntry {
  id: number;
  at: Millis;
  /** The entry that led to this one (undefined for a command typed by the learner). */
  cause?: number;
  actor: Actor;
  /** Which instance: the controller name, the node of a kubelet, the etcd revision. */
  who?: string;
  /** A machine-readable verb, e.g. "create", "bind", "start-container", "reconcile". */
  action: string;
  /** The object acted on, e.g. "pods/name-space/nginx-7c79c4bf97-x2k9p". */
  object?: string;
  /** Facts for the UI (revision, node, reasons, scores); small JSON. */
  detail?: Record<string, unknown>;
  /**
   * The learner's command this entry descends from (the id of its "user"/"command" entry),
   * inherited from the cause when recorded, so a command's consequences stay grouped even
   * after the entries between them have been dropped.
   */
  command?: number;
}

/** The actor and action of the entry that stands for a line the learner ran. */
export const COMMAND_ACTOR: Actor = "user";
export const COMMAND_ACTION = "command";

export interface TraceState {
  nextId: number;
  entries: TraceEntry[];
}

/** Only the most recent entries are kept: the diagram replays the last commands, not history. */
export const TRACE_LIMIT = 400;

export class Trace {
  private state: TraceState;
  /** The entry whose consequences are being computed right now. */
  current: number | undefined;

  constructor(state: TraceState = { nextId: 1, entries: [] }) {
    this.state = state;
  }

  record(at: Millis, entry: Omit<TraceEntry, "id" | "at" | "cause">, cause = this.current): number {
    const id = this.state.nextId++;
    const full: TraceEntry = { id, at, ...entry };
    if (cause !== undefined) {
      full.cause = cause;
      const parent = this.find(cause);
      const command = parent?.command ?? (parent && parent.actor === COMMAND_ACTOR && parent.action === COMMAND_ACTION ? parent.id : undefined);
      if (command !== undefined) full.command = command;
    }
    this.state.entries.push(full);
    if (this.state.entries.length > TRACE_LIMIT) this.state.entries.splice(0, this.state.entries.length - TRACE_LIMIT);
    return id;
  }

  /** Runs `fn` with `cause` as the current cause, restoring the previous one after. */
  within<T>(cause: number | undefined, fn: () => T): T {
    const previous = this.current;
    this.current = cause;
    try {
      return fn();
    } finally {
      this.current = previous;
    }
  }

  entries(): readonly TraceEntry[] {
    return this.state.entries;
  }

  /** A kept entry by id (ids grow with the array, so a binary search finds it). */
  find(id: number): TraceEntry | undefined {
    const entries = this.state.entries;
    let lo = 0;
    let hi = entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = entries[mid]!;
      if (e.id === id) return e;
      if (e.id < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /**
   * Records a line the learner ran (a root: it has no cause) and runs it with that entry as
   * the current cause, so everything the command leads to, now or later, descends from it.
   */
  command<T>(at: Millis, detail: Record<string, unknown>, run: (id: number) => T): T {
    const id = this.within(undefined, () => this.record(at, { actor: COMMAND_ACTOR, action: COMMAND_ACTION, detail }));
    return this.within(id, () => run(id));
  }

  /** The kept entries of the learner's commands, oldest first. */
  commands(): TraceEntry[] {
    return this.state.entries.filter((e) => e.actor === COMMAND_ACTOR && e.action === COMMAND_ACTION);
  }

  /** The kept entries a command led to (without the command's own entry), in order. */
  ofCommand(command: number): TraceEntry[] {
    return this.state.entries.filter((e) => e.command === command);
  }

  /** Every kept entry descending from `root`, in order. */
  descendants(root: number): TraceEntry[] {
    const ids = new Set([root]);
    const out: TraceEntry[] = [];
    for (const e of this.state.entries) {
      if (e.id === root || (e.cause !== undefined && ids.has(e.cause))) {
        ids.add(e.id);
        out.push(e);
      }
    }
    return out;
  }

  toState(): TraceState {
    return this.state;
  }
}
