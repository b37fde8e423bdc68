// The facade the rest of the app uses: create a sandbox from an environment and a seed, move
// its clock, reach its API server and etcd, snapshot it to JSON and restore it exactly.
import { Cluster, type ClusterCoreState, type Reconciler } from "./cluster";
import type { Millis } from "./clock";
import { Random } from "./random";
import { EtcdStore, type EtcdStoreState } from "./store";
import { EtcdStorage, type EventLeaseState } from "./apiserver/store-adapter";
import { apiHooks } from "./apiserver/pipeline";
import { deploymentController } from "./controllers/deployment";
import { replicaSetController } from "./controllers/replicaset";
import { daemonSetController } from "./controllers/daemonset";
import { jobController } from "./controllers/job";
import { endpointsController, endpointSliceController } from "./controllers/endpoints";
import { namespaceController } from "./controllers/namespace";
import { garbageCollector } from "./controllers/garbage-collector";
import { serviceAccountController } from "./controllers/service-account";
import { monitorNodes, taintEviction } from "./controllers/node-lifecycle";
import { scheduler } from "./scheduler/scheduler";
import { kubeletLeaseBeat, kubeletPulled, kubeletReconciler, kubeletStart, kubeletStatusBeat, kubeletStopped } from "./kubelet/kubelet";
import { defaultEnvironment, ETCD_VERSION, type EnvironmentSpec } from "./environment/spec";
import { bootstrapCluster, compactionBeat, leaderLeaseBeat, settleHistory } from "./environment/bootstrap";

/** Bumped whenever the snapshot shape changes; old snapshots are rebuilt from their log. */
export const SNAPSHOT_VERSION = 1;
/** 2026-01-01T00:00:00Z: the default virtual start when none is given. */
export const DEFAULT_START: Millis = 1767225600000;

export interface SandboxSnapshot {
  version: number;
  seed: number;
  environment: EnvironmentSpec;
  store: EtcdStoreState;
  core: ClusterCoreState;
}

export interface SandboxOptions {
  environment?: EnvironmentSpec;
  seed: number;
  /** The sandbox's "now" when it opens; the cluster was built environment.ageMs before. */
  startTime?: Millis;
  objectCap?: number;
}

export const RECONCILERS: Reconciler[] = [
  deploymentController,
  replicaSetController,
  daemonSetController,
  jobController,
  endpointsController,
  endpointSliceController,
  namespaceController,
  garbageCollector,
  serviceAccountController,
  scheduler,
  kubeletReconciler,
];

export class Sandbox {
  readonly cluster: Cluster;
  readonly store: EtcdStore;
  readonly environment: EnvironmentSpec;
  readonly seed: number;

  private constructor(seed: number, environment: EnvironmentSpec, store: EtcdStoreState | undefined, core: ClusterCoreState, objectCap?: number) {
    this.seed = seed;
    this.environment = environment;
    // The store is built before the cluster whose clock it reads; `ref` closes that loop.
    const ref: { cluster?: Cluster } = {};
    const clock = { now: () => (ref.cluster ? ref.cluster.now() : core.clock.now) };
    this.store = store
      ? new EtcdStore(store, clock)
      : new EtcdStore({ members: environment.etcdMembers, version: ETCD_VERSION }, clock);
    const leaseState = ((core.components.eventLease as EventLeaseState | undefined) ??= {}) as EventLeaseState;
    const cluster = new Cluster(core, {
      storage: new EtcdStorage(this.store, () => clock.now(), leaseState),
      hooks: apiHooks(),
      reconcilers: RECONCILERS,
      timers: {
        "kubelet.pulled": kubeletPulled,
        "kubelet.start": kubeletStart,
        "kubelet.stopped": kubeletStopped,
        "taint-eviction": taintEviction,
      },
      heartbeats: {
        "kubelet-lease": kubeletLeaseBeat,
        "kubelet-status": kubeletStatusBeat,
        "leader-lease": leaderLeaseBeat,
        "node-monitor": monitorNodes,
        "apiserver-compaction": compactionBeat(this.store),
      },
      objectCap,
    });
    ref.cluster = cluster;
    this.cluster = cluster;
    this.store.subscribe((events) => {
      for (const e of events) {
        cluster.onStoreChange(
          e.type,
          e.kv.key,
          e.type === "PUT" ? e.kv.value : undefined,
          e.kv.modRevision,
          e.prevKv ? { value: e.prevKv.value, modRevision: e.prevKv.modRevision } : undefined,
        );
      }
    });
    cluster.internalWork = {
      next: () => this.store.nextLeaseExpiry(),
      run: () => {
        this.store.expireLeases();
      },
    };
  }

  static create(options: SandboxOptions): Sandbox {
    const environment = options.environment ?? defaultEnvironment();
    const start = options.startTime ?? DEFAULT_START;
    const random = new Random(options.seed);
    const core: ClusterCoreState = {
      clock: { now: start - environment.ageMs, seq: 0, timers: [] },
      random: random.state(),
      trace: { nextId: 1, entries: [] },
      queues: {},
      components: {},
    };
    const sandbox = new Sandbox(options.seed, environment, undefined, core, options.objectCap);
    bootstrapCluster(sandbox.cluster, environment, start);
    settleHistory(sandbox.cluster, sandbox.store);
    sandbox.cluster.api.clearCache();
    return sandbox;
  }

  static restore(snapshot: SandboxSnapshot, options: { objectCap?: number } = {}): Sandbox {
    if (snapshot.version !== SNAPSHOT_VERSION) throw new Error(`snapshot version ${snapshot.version} is not ${SNAPSHOT_VERSION}`);
    const copy = JSON.parse(JSON.stringify(snapshot)) as SandboxSnapshot;
    return new Sandbox(copy.seed, copy.environment, copy.store, copy.core, options.objectCap);
  }

  now(): Millis {
    return this.cluster.now();
  }

  /** Runs everything due up to `time`. */
  advanceTo(time: Millis) {
    this.cluster.advanceTo(time);
    this.cluster.api.clearCache();
  }

  advanceBy(ms: number) {
    this.advanceTo(this.now() + ms);
  }

  /** Marks a learner's action: heartbeats wake up, as anything observable must be current. */
  activity() {
    this.cluster.markActivity();
  }

  snapshot(): SandboxSnapshot {
    return JSON.parse(
      JSON.stringify({ version: SNAPSHOT_VERSION, seed: this.seed, environment: this.environment, store: this.store.toState(), core: this.cluster.coreState() }),
    ) as SandboxSnapshot;
  }
}
