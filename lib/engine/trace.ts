// What each request made each component do. Every API write and every controller, scheduler or
// kubelet action records an entry with the entry that caused it, so the UI can replay a command's
// consequences as a tree: apiserver → etcd revision → controller → scheduler → kubelet → ...
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
}

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
    if (cause !== undefined) full.cause = cause;
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
