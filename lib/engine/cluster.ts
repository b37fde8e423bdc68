// The running cluster: clock, PRNG, etcd, API server and the components that react to its
// watches. Components never call each other: an API write notifies watchers, watchers enqueue
// keys, and a timer later runs the owning component's reconcile, as informers and work queues
// do in Kubernetes. All state is data, so the cluster snapshots and restores exactly.
import { Clock, type ClockState, type Millis } from "./clock";
import { Random, type RandomState } from "./random";
import type { StoredObject } from "./api/types";
import { ApiServer, type ApiHooks, type WatchEvent } from "./apiserver/server";
import { parseStorageKey, type ResourceInfo } from "./apiserver/registry";
import { Trace, type Actor, type TraceState } from "./trace";
import { EventRecorder, type EventInput } from "./events";
import type { Storage } from "./apiserver/storage";
import type { HostState } from "./hosts/types";
import { ApiError } from "./apiserver/errors";

/** A component that reacts to watch events by reconciling keys (controllers, the scheduler). */
export interface Reconciler {
  /** Queue name, e.g. "deployment". */
  name: string;
  /** Who it runs as, for the trace and for deciding whether it is up. */
  actor: Actor;
  /** Milliseconds between noticing an event and acting on it. */
  delayMs: number;
  /** For each watched kind, the keys an event should enqueue. */
  watch: Partial<Record<string, (event: WatchEvent, cluster: Cluster) => string[]>>;
  /** Brings one key's actual state toward its desired state. */
  reconcile(cluster: Cluster, key: string): void;
  /** Optional: handles a whole batch at once (the scheduler shares one cache snapshot). */
  reconcileBatch?(cluster: Cluster, keys: [string, number | undefined][]): void;
}

export type TimerHandler = (cluster: Cluster, payload: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Periodic work whose only effect is to say "still alive" (lease renewals, node status
 * reports, health monitors). While the cluster is busy, heartbeats run at their real period.
 * After ACTIVITY_WINDOW_MS without other events they drop to one beat per GRID_MS, and the
 * next event wakes them (renewing at once where a beat is overdue). An idle sandbox so costs
 * almost nothing over a day, yet anything a learner can observe (a fresh lease, a node going
 * NotReady 50 s after its kubelet stops) happens as in a real cluster. Whether a beat runs
 * depends only on the event timeline, never on how time was advanced, so replays match.
 */
export interface HeartbeatTimer {
  /** Unique id, e.g. "kubelet-lease/node01". */
  id: string;
  /** Which heartbeat handler runs it. */
  handler: string;
  arg: string;
  periodMs: number;
  /** Regular beats fall on phaseMs + k * periodMs. */
  phaseMs: number;
  /**
   * Idle beats fall on k * GRID_MS + gridPhaseMs (default 0). Order matters: lease renewals sit
   * at the start of the grid slot, the health checks that read them later in it.
   */
  gridPhaseMs?: number;
}

export const ACTIVITY_WINDOW_MS = 120_000;
export const GRID_MS = 3_600_000;

const mod = (a: number, m: number) => ((a % m) + m) % m;

/**
 * A heartbeat whose phases count from `origin` (the sandbox's start) rather than from the Unix
 * epoch, as a real component's timers count from when it started. A cluster built at another
 * start then runs the same timeline shifted, beat for beat. Phases are kept below their period.
 */
export function phasedFrom(origin: Millis, h: HeartbeatTimer): HeartbeatTimer {
  return {
    id: h.id,
    handler: h.handler,
    arg: h.arg,
    periodMs: h.periodMs,
    phaseMs: mod(origin + h.phaseMs, h.periodMs),
    gridPhaseMs: mod(origin + (h.gridPhaseMs ?? 0), GRID_MS),
  };
}

export type HeartbeatHandler = (cluster: Cluster, arg: string) => void;

interface ActivityState {
  last: Millis;
  idle: boolean;
  /** Last time each heartbeat ran. */
  beats: Record<string, Millis>;
}

interface QueueState {
  /** Pending keys with the trace entry that caused each. */
  keys: [string, number | null][];
  scheduled: boolean;
  /** Some key came from real activity, not only from heartbeat writes. */
  loud?: boolean;
}

export interface ClusterCoreState {
  clock: ClockState;
  random: RandomState;
  trace: TraceState;
  queues: Record<string, QueueState>;
  /** Per-component data that must survive a snapshot (kept small). */
  components: Record<string, unknown>;
}

export interface ClusterDeps {
  storage: Storage;
  hooks: ApiHooks;
  reconcilers: Reconciler[];
  timers: Record<string, TimerHandler>;
  heartbeats?: Record<string, HeartbeatHandler>;
  /** Whether a component is running (a broken static pod stops its reconcilers). */
  isRunning?: (actor: Actor) => boolean;
  /** Whether kube-apiserver answers; requests fail with connection refused when it does not. */
  apiAvailable?: () => boolean;
  apiAddress?: string;
  objectCap?: number;
  /** The PRNG to draw from, already at `state.random` (a recording one builds templates). */
  random?: Random;
}

export class Cluster {
  readonly clock: Clock;
  readonly random: Random;
  readonly trace: Trace;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  private queues: Record<string, QueueState>;
  readonly components: Record<string, unknown>;
  private reconcilers: Map<string, Reconciler>;
  private watchers: Map<string, Reconciler[]>;
  private timers: Record<string, TimerHandler>;
  private heartbeatHandlers: Record<string, HeartbeatHandler>;
  private isRunningFn: (actor: Actor) => boolean;

  constructor(state: ClusterCoreState, deps: ClusterDeps) {
    this.clock = new Clock(state.clock);
    this.random = deps.random ?? new Random(state.random);
    this.trace = new Trace(state.trace);
    this.queues = state.queues;
    this.components = state.components;
    this.api = new ApiServer({
      storage: deps.storage,
      clock: this.clock,
      random: this.random,
      hooks: deps.hooks,
      objectCap: deps.objectCap ?? 5000,
      available: deps.apiAvailable,
      address: deps.apiAddress,
    });
    this.events = new EventRecorder(this.api, this.random);
    this.reconcilers = new Map(deps.reconcilers.map((r) => [r.name, r]));
    this.watchers = new Map();
    for (const r of deps.reconcilers) {
      for (const kind of Object.keys(r.watch)) {
        const list = this.watchers.get(kind) ?? [];
        list.push(r);
        this.watchers.set(kind, list);
      }
    }
    this.timers = deps.timers;
    this.heartbeatHandlers = deps.heartbeats ?? {};
    this.isRunningFn = deps.isRunning ?? (() => true);
  }

  now(): Millis {
    return this.clock.now();
  }

  isRunning(actor: Actor): boolean {
    return this.isRunningFn(actor);
  }

  /** The machines the cluster runs on (the kubelet reads static pod manifests from them). */
  hosts: Record<string, HostState> = {};

  /** Called when a control-plane component starts or stops (the sandbox wires etcd and resyncs). */
  onComponentChange?: (component: string, running: boolean) => void;

  /**
   * Called for every committed store change (from the API server or straight from etcdctl):
   * decodes it and lets the watching components enqueue keys.
   */
  onStoreChange(type: "PUT" | "DELETE", key: string, value: string | undefined, modRevision: number, prev: { value: string; modRevision: number } | undefined) {
    const parsed = parseStorageKey(key);
    if (!parsed) return;
    const watchers = this.watchers.get(parsed.info.kind);
    // Heartbeat writes (lease renewals) would drown the trace; they are left out of it.
    const revisionTrace = this.quiet
      ? undefined
      : this.trace.record(this.now(), { actor: "etcd", action: type === "PUT" ? "put" : "delete", object: key, detail: { revision: modRevision } });
    if (!watchers) return;
    let object: StoredObject;
    let old: StoredObject | undefined;
    try {
      // The API server usually still has the previous version parsed under this key.
      old = prev ? this.api.decode(key, prev.value, prev.modRevision) : undefined;
      object = type === "PUT" ? this.api.decode(key, value!, modRevision) : old!;
    } catch {
      return; // a value written by hand with etcdctl that is not an object: nothing watches it
    }
    if (!object) return;
    const event: WatchEvent = {
      type: type === "DELETE" ? "DELETED" : prev ? "MODIFIED" : "ADDED",
      info: parsed.info,
      object,
      old,
    };
    for (const r of watchers) {
      const keys = r.watch[parsed.info.kind]!(event, this);
      for (const k of keys) this.enqueue(r.name, k, revisionTrace);
    }
  }

  /** Adds a key to a component's queue and makes sure a sync is scheduled. */
  enqueue(queue: string, key: string, cause: number | undefined = this.trace.current) {
    const r = this.reconcilers.get(queue);
    if (!r) throw new Error(`no reconciler named ${queue}`);
    const q = (this.queues[queue] ??= { keys: [], scheduled: false });
    // A set of queued keys, derived from the queue (kept out of the snapshot).
    let index = this.queueIndex.get(queue);
    if (!index || index.size !== q.keys.length) {
      index = new Set(q.keys.map(([k]) => k));
      this.queueIndex.set(queue, index);
    }
    if (!index.has(key)) {
      q.keys.push([key, cause ?? null]);
      index.add(key);
    }
    if (!this.quiet) q.loud = true;
    if (!q.scheduled) {
      q.scheduled = true;
      this.clock.schedule(this.now() + r.delayMs, "sync", { queue });
    }
  }

  private queueIndex = new Map<string, Set<string>>();

  /** True while a heartbeat runs: what it causes is not activity (see HeartbeatTimer). */
  private quiet = false;

  /** Schedules a timer handled by `kind`'s handler. */
  schedule(atMs: Millis, kind: string, payload: unknown) {
    this.clock.schedule(atMs, kind, payload, this.trace.current);
  }

  /** Runs every timer due up to `until`, in order, then moves the clock to `until`. */
  advanceTo(until: Millis) {
    for (;;) {
      // Work the store schedules itself (lease expiry) interleaves with the timers.
      const internal = this.internalWork?.next();
      const timer = this.clock.peek();
      if (internal !== undefined && internal <= until && (!timer || internal < timer.at)) {
        this.clock.moveTo(internal);
        this.markActivity();
        this.internalWork!.run();
        continue;
      }
      const next = this.clock.next(until);
      if (!next) break;
      this.trace.within(next.cause, () => this.runTimer(next.kind, next.payload));
    }
  }

  /** Time-driven work outside the timer queue (etcd lease expiry), plugged in by the sandbox. */
  internalWork?: { next(): Millis | undefined; run(): void };

  private runTimer(kind: string, payload: unknown) {
    if (kind === "heartbeat") {
      this.beat(payload as HeartbeatTimer & { grid?: boolean });
      return;
    }
    if (kind === "sync") {
      const queue = (payload as { queue: string }).queue;
      if (this.queues[queue]?.loud) this.markActivity();
      this.sync(queue);
      return;
    }
    this.markActivity();
    if (kind === "requeue") {
      const { queue, key } = payload as { queue: string; key: string };
      delete this.requeues()[`${queue}|${key}`];
      this.enqueue(queue, key, this.trace.current);
      return;
    }
    const handler = this.timers[kind];
    if (!handler) throw new Error(`no timer handler for ${kind}`);
    try {
      handler(this, payload);
    } catch (error) {
      // The API server is unreachable: the component retries the same step a little later.
      if (!(error instanceof ApiError)) throw error;
      this.clock.schedule(this.now() + 2000, kind, payload, this.trace.current);
    }
  }

  private sync(queue: string) {
    const r = this.reconcilers.get(queue)!;
    const q = this.queues[queue]!;
    q.scheduled = false;
    const quiet = !q.loud;
    q.loud = false;
    if (!this.isRunning(r.actor)) return; // keys wait until the component is back
    const keys = q.keys;
    q.keys = [];
    this.queueIndex.delete(queue);
    this.runQuietly(quiet, () => {
      if (r.reconcileBatch) {
        try {
          r.reconcileBatch(this, keys.map(([k, c]) => [k, c ?? undefined]));
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          for (const [key] of keys) this.requeueAfter(queue, key, 2000);
        }
        return;
      }
      for (const [key, cause] of keys) {
        try {
          this.trace.within(cause ?? undefined, () => r.reconcile(this, key));
        } catch (error) {
          // The API server went away mid-sync: like client-go, try the key again shortly.
          if (!(error instanceof ApiError)) throw error;
          this.requeueAfter(queue, key, 2000);
        }
      }
    });
  }

  /** Enqueues a key after a delay; one pending requeue per key (the earliest wins). */
  requeueAfter(queue: string, key: string, delayMs: number) {
    const pending = this.requeues();
    const id = `${queue}|${key}`;
    if (pending[id] !== undefined && pending[id]! <= this.now() + delayMs) return;
    if (pending[id] !== undefined) this.clock.cancel((t) => t.kind === "requeue" && (t.payload as { queue: string; key: string }).queue === queue && (t.payload as { key: string }).key === key);
    pending[id] = this.now() + delayMs;
    this.schedule(this.now() + delayMs, "requeue", { queue, key });
  }

  private requeues(): Record<string, Millis> {
    return ((this.components.requeues as Record<string, Millis> | undefined) ??= {}) as Record<string, Millis>;
  }

  // ---- heartbeats ----

  private activity(): ActivityState {
    return ((this.components.activity as ActivityState | undefined) ??= { last: this.now(), idle: false, beats: {} }) as ActivityState;
  }

  /** Starts a heartbeat; its first beat falls on its next regular time. */
  startHeartbeat(h: HeartbeatTimer) {
    this.stopHeartbeat(h.id);
    this.clock.schedule(this.nextRegular(h, this.now()), "heartbeat", h);
  }

  stopHeartbeat(id: string) {
    this.clock.cancel((t) => t.kind === "heartbeat" && (t.payload as HeartbeatTimer).id === id);
    delete this.activity().beats[id];
  }

  private nextRegular(h: HeartbeatTimer, after: Millis): Millis {
    const k = Math.floor((after - h.phaseMs) / h.periodMs) + 1;
    return h.phaseMs + k * h.periodMs;
  }

  private runQuietly(quiet: boolean, fn: () => void) {
    const previous = this.quiet;
    this.quiet = quiet || previous;
    try {
      fn();
    } finally {
      this.quiet = previous;
    }
  }

  /** One beat; a beat that cannot reach the API server is simply missed, as a real one would be. */
  private runBeat(h: HeartbeatTimer) {
    this.runQuietly(true, () =>
      this.trace.within(undefined, () => {
        try {
          this.heartbeatHandlers[h.handler]?.(this, h.arg);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
        }
      }),
    );
  }

  private beat(h: HeartbeatTimer & { grid?: boolean }) {
    const a = this.activity();
    const now = this.now();
    const active = now - a.last <= ACTIVITY_WINDOW_MS;
    if (active || h.grid) {
      a.beats[h.id] = now;
      this.runBeat(h);
    }
    const plain: HeartbeatTimer = { id: h.id, handler: h.handler, arg: h.arg, periodMs: h.periodMs, phaseMs: h.phaseMs };
    if (h.gridPhaseMs !== undefined) plain.gridPhaseMs = h.gridPhaseMs;
    if (active) {
      this.clock.schedule(now + h.periodMs, "heartbeat", plain);
    } else {
      a.idle = true;
      const phase = h.gridPhaseMs ?? 0;
      const next = (Math.floor((now - phase) / GRID_MS) + 1) * GRID_MS + phase;
      this.clock.schedule(next, "heartbeat", { ...plain, grid: true });
    }
  }

  /**
   * Something happened (a command, a timer): heartbeats resume their real period, and any
   * that are overdue beat right away, before the event is handled.
   */
  markActivity() {
    const a = this.activity();
    const now = this.now();
    a.last = now;
    if (!a.idle) return;
    a.idle = false;
    const sleeping: HeartbeatTimer[] = [];
    this.clock.cancel((t) => {
      if (t.kind !== "heartbeat") return false;
      sleeping.push(t.payload as HeartbeatTimer);
      return true;
    });
    sleeping.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    for (const h of sleeping) {
      const plain: HeartbeatTimer = { id: h.id, handler: h.handler, arg: h.arg, periodMs: h.periodMs, phaseMs: h.phaseMs };
      if (h.gridPhaseMs !== undefined) plain.gridPhaseMs = h.gridPhaseMs;
      const last = a.beats[h.id] ?? -Infinity;
      if (now - last >= h.periodMs) {
        a.beats[h.id] = now;
        this.runBeat(h);
      }
      this.clock.schedule(this.nextRegular(plain, now), "heartbeat", plain);
    }
  }

  /** Every component relists, as informers do when the API server comes back. */
  resyncAll() {
    for (const name of this.reconcilers.keys()) this.resync(name);
  }

  /** A component (re)started: its reconcilers relist and work through what waited for them. */
  resyncActor(actor: Actor) {
    for (const r of this.reconcilers.values()) if (r.actor === actor) this.resync(r.name);
  }

  /** Re-queues everything a component watches (what a restarted component's informers do). */
  resync(queue: string) {
    const r = this.reconcilers.get(queue);
    if (!r) return;
    for (const kind of Object.keys(r.watch)) {
      const info = this.api.infoFor({ apiVersion: undefined as unknown as string, kind, metadata: {} });
      for (const object of this.api.list(info)) {
        for (const k of r.watch[kind]!({ type: "ADDED", info, object }, this)) this.enqueue(queue, k);
      }
    }
  }

  /** Records what a component did, as a child of the current cause. Returns the entry id. */
  note(actor: Actor, action: string, object?: string, detail?: Record<string, unknown>, who?: string): number {
    const entry: Parameters<Trace["record"]>[1] = { actor, action };
    if (object) entry.object = object;
    if (detail) entry.detail = detail;
    if (who) entry.who = who;
    return this.trace.record(this.now(), entry);
  }

  /** Records a Kubernetes Event. */
  event(input: EventInput) {
    return this.events.record(input);
  }

  /** Pending work for a queue (for tests and the UI). */
  queued(queue: string): string[] {
    return (this.queues[queue]?.keys ?? []).map(([k]) => k);
  }

  coreState(): ClusterCoreState {
    return {
      clock: this.clock.state(),
      random: this.random.state(),
      trace: this.trace.toState(),
      queues: this.queues,
      components: this.components,
    };
  }
}

export function objectKey(obj: { metadata: { namespace?: string; name?: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf("/");
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

export type { ResourceInfo };
