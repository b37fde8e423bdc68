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
import { monitorNodes, resetNodeHealth, taintEviction } from "./controllers/node-lifecycle";
import { scheduler } from "./scheduler/scheduler";
import { kubeletLeaseBeat, kubeletReconciler, kubeletStatusBeat, kubeletTimers, kubelets, renewLease } from "./kubelet/kubelet";
import { componentRunning, hasStaticPods, noticeManifestChanges, publishAllMirrors } from "./kubelet/static-pods";
import { defaultEnvironment, ETCD_VERSION, type EnvironmentSpec } from "./environment/spec";
import { bootstrapCluster, compactionBeat, leaderLeaseBeat, settleHistory } from "./environment/bootstrap";
import { environmentHosts } from "./environment/hosts";
import { deriveState, RecordingRandom, restoreHosts, shareHosts } from "./environment/template";
import type { HostState } from "./hosts/types";
import { Shell, type ExecResult, type ShellState } from "./shell";
import type { World } from "./world";
import { COMMANDS } from "./commands";
import { containerRuntime } from "./cli/attach";

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
  hosts: Record<string, HostState>;
  /** The terminal session (frames, history, pending prompts); absent until first used. */
  shell?: ShellState;
}

/** Terminal actions that are not typed lines (Ctrl-C, Ctrl-D, the editor's save and close). */
export type TerminalControl = { action: "interrupt" } | { action: "eof" } | { action: "save"; content: string } | { action: "close" };

/** Log entries starting with this are control actions (a NUL cannot be typed into a line). */
export const CONTROL_PREFIX = "\u0000";

export function controlEntry(control: TerminalControl): string {
  return CONTROL_PREFIX + JSON.stringify(control);
}

export interface SandboxOptions {
  environment?: EnvironmentSpec;
  seed: number;
  /**
   * The sandbox's "now" when it opens. A Kubernetes cluster was built environment.ageMs before
   * the whole second at or before it.
   */
  startTime?: Millis;
  objectCap?: number;
  /**
   * Simulate the cluster's bootstrap instead of deriving the sandbox from its environment's
   * template (environment/template.ts). Both give the same sandbox; this is slower.
   */
  fresh?: boolean;
}

/** The API server's object cap unless a sandbox asks for another. */
const DEFAULT_OBJECT_CAP = 5000;

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
  readonly hosts: Record<string, HostState>;
  private shellState: ShellState | undefined;
  private shell: Shell<World> | undefined;
  /**
   * Whether the terminal is a TTY (the web terminal, the CLI on a terminal). A script piped into
   * the CLI is not: `kubectl exec -it` then warns and reads the following lines without a prompt.
   * A property of the client, not of the sandbox: never snapshotted.
   */
  terminalIsTty = true;

  private constructor(
    seed: number,
    environment: EnvironmentSpec,
    store: EtcdStoreState | undefined,
    core: ClusterCoreState,
    hosts: Record<string, HostState>,
    shell: ShellState | undefined,
    objectCap?: number,
    random?: Random,
  ) {
    this.seed = seed;
    this.environment = environment;
    this.hosts = hosts;
    // Accounts are looked up by typed names: "toString" or "__proto__" must find no one.
    for (const host of Object.values(hosts)) Object.setPrototypeOf(host.users, null);
    this.shellState = shell;
    // The store is built before the cluster whose clock it reads; `ref` closes that loop.
    const ref: { cluster?: Cluster } = {};
    const clock = { now: () => (ref.cluster ? ref.cluster.now() : core.clock.now) };
    this.store = store
      ? new EtcdStore(store, clock)
      : // A data centre without Kubernetes still carries an (unreachable) store: the facade needs one.
        new EtcdStore({ members: environment.etcdMembers.length > 0 ? environment.etcdMembers : [{ name: "default", ip: "127.0.0.1" }], version: ETCD_VERSION }, clock);
    const leaseState = ((core.components.eventLease as EventLeaseState | undefined) ??= {}) as EventLeaseState;
    const cluster = new Cluster(core, {
      storage: new EtcdStorage(this.store, () => clock.now(), leaseState),
      hooks: apiHooks(),
      reconcilers: RECONCILERS,
      timers: {
        ...kubeletTimers,
        "taint-eviction": taintEviction,
      },
      heartbeats: {
        "kubelet-lease": kubeletLeaseBeat,
        "kubelet-status": kubeletStatusBeat,
        "leader-lease": leaderLeaseBeat,
        "node-monitor": monitorNodes,
        "apiserver-compaction": compactionBeat(this.store),
      },
      objectCap: objectCap ?? DEFAULT_OBJECT_CAP,
      ...(random ? { random } : {}),
      isRunning: (actor) => this.componentUp(actor),
      apiAvailable: () => this.componentUp("kube-apiserver"),
      apiAddress: `${environment.nodes[0]?.ip ?? "127.0.0.1"}:6443`,
    });
    ref.cluster = cluster;
    cluster.hosts = hosts;
    cluster.onComponentChange = (component, running) => this.onComponentChange(component, running);
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
    if (environment.nodes.length === 0) {
      // A data centre without Kubernetes: its machines are the whole sandbox.
      const sandbox = Sandbox.build(environment, options.seed, start, options.objectCap, new Random(options.seed));
      sandbox.cluster.advanceTo(start);
      shareHosts(environment, sandbox.hosts);
      sandbox.cluster.api.clearCache();
      return sandbox;
    }
    // The cluster timeline runs in whole seconds from the second the sandbox starts in.
    const built = start - (((start % 1000) + 1000) % 1000);
    const derived =
      options.fresh || (options.objectCap ?? DEFAULT_OBJECT_CAP) < DEFAULT_OBJECT_CAP
        ? undefined
        : deriveState(environment, options.seed, built, (seed, at, random) => Sandbox.simulate(environment, seed, at, undefined, random).snapshot());
    const sandbox = derived ? new Sandbox(options.seed, environment, derived.store, derived.core, derived.hosts, undefined, options.objectCap) : Sandbox.simulate(environment, options.seed, built, options.objectCap);
    sandbox.advanceTo(start);
    return sandbox;
  }

  /** A sandbox whose machines were set up at `start - environment.ageMs`, nothing run yet. */
  private static build(environment: EnvironmentSpec, seed: number, start: Millis, objectCap: number | undefined, random: Random): Sandbox {
    // Extra machines draw their Docker ids first; a kubeadm-only environment draws nothing here.
    const hosts = environmentHosts(environment, start - environment.ageMs, random);
    const core: ClusterCoreState = {
      clock: { now: start - environment.ageMs, seq: 0, timers: [] },
      random: random.state(),
      trace: { nextId: 1, entries: [] },
      queues: {},
      components: {},
    };
    return new Sandbox(seed, environment, undefined, core, hosts, undefined, objectCap, random);
  }

  /** Simulates a kubeadm cluster's bootstrap, ending at `start`. */
  private static simulate(environment: EnvironmentSpec, seed: number, start: Millis, objectCap?: number, random: Random = new Random(seed)): Sandbox {
    const sandbox = Sandbox.build(environment, seed, start, objectCap, random);
    if (random instanceof RecordingRandom) random.now = () => sandbox.cluster.now();
    bootstrapCluster(sandbox.cluster, environment, start);
    settleHistory(sandbox.cluster, sandbox.store);
    sandbox.cluster.api.clearCache();
    return sandbox;
  }

  static restore(snapshot: SandboxSnapshot, options: { objectCap?: number } = {}): Sandbox {
    if (snapshot.version !== SNAPSHOT_VERSION) throw new Error(`snapshot version ${snapshot.version} is not ${SNAPSHOT_VERSION}`);
    // Nothing of `snapshot` is kept: the store is rebuilt from it (its values are immutable
    // strings), machines share what is unchanged with their environment's base files again,
    // and the rest is copied.
    const { core, shell, environment } = JSON.parse(JSON.stringify({ core: snapshot.core, shell: snapshot.shell, environment: snapshot.environment })) as SandboxSnapshot;
    const hosts = restoreHosts(environment, snapshot.hosts);
    return new Sandbox(snapshot.seed, environment, snapshot.store, core, hosts, shell, options.objectCap);
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

  /** Whether kube-apiserver answers (its static pod may be broken or stopped). */
  apiServerUp(): boolean {
    return this.componentUp("kube-apiserver");
  }

  /**
   * Whether a control-plane component works. On a cluster whose control plane runs as static
   * pods, a component runs when its static pod's container runs; controllers and the scheduler
   * also need the API server.
   */
  private componentUp(actor: string): boolean {
    const cluster = this.cluster as Cluster | undefined;
    if (!cluster || !hasStaticPods(cluster)) return true;
    const api = componentRunning(cluster, "kube-apiserver");
    if (actor === "kube-apiserver") return api;
    if (actor === "kube-scheduler" || actor === "kube-controller-manager") return api && componentRunning(cluster, actor);
    return true;
  }

  /** etcd's static pod is the etcd member; the API server's return makes everyone relist. */
  private onComponentChange(component: string, running: boolean) {
    const member = this.environment.nodes[0]?.name;
    if (component === "etcd" && member !== undefined && this.store.members().some((m) => m.name === member)) {
      if (running) this.store.startMember(member);
      else this.store.stopMember(member);
    }
    if ((component === "kube-apiserver" || component === "kube-controller-manager") && running) resetNodeHealth(this.cluster);
    if ((component === "kube-scheduler" || component === "kube-controller-manager") && running && this.componentUp("kube-apiserver")) {
      this.cluster.resyncActor(component);
    }
    if (component === "kube-apiserver" && running) {
      this.cluster.resyncAll();
      for (const state of Object.values(kubelets(this.cluster))) {
        if (!state.running) continue;
        renewLease(this.cluster, state.spec.name);
        publishAllMirrors(this.cluster, state);
      }
    }
  }

  /** What commands act on. */
  world(): World {
    return {
      sandbox: this,
      hosts: this.hosts,
      now: () => this.now(),
      random: this.cluster.random,
      advance: (ms) => this.advanceTo(this.now() + ms),
    };
  }

  private terminal(): Shell<World> {
    if (!this.shell) {
      const controlPlane = this.environment.nodes[0]?.name ?? "";
      // External etcd members are cluster machines too: the control plane's root key opens them.
      const nodes = new Set([...this.environment.nodes.map((n) => n.name), ...(this.environment.machines ?? []).filter((m) => m.etcd).map((m) => m.name)]);
      this.shell = new Shell<World>(this.shellState, {
        hosts: this.hosts,
        commands: COMMANDS,
        world: this.world(),
        now: () => this.now(),
        advance: (ms) => this.advanceTo(this.now() + ms),
        // As in kubeadm training clusters: root on the control plane reaches every node with keys.
        sshKeys: (fromHost, fromUser, toHost, toUser) => fromHost === controlPlane && fromUser === "root" && nodes.has(toHost) && toUser === "root",
        start: this.environment.start ?? { host: controlPlane, user: "root" },
        isInstalled: (host, name) => host.fs[`/usr/bin/${name}`] !== undefined || host.fs[`/usr/local/bin/${name}`] !== undefined,
        terminalIsTty: () => this.terminalIsTty,
        containers: containerRuntime(this.world()),
      });
    }
    return this.shell;
  }

  /** Runs what the learner typed in the terminal (a line, a paste, or a password). */
  exec(text: string): ExecResult {
    this.activity();
    const result = this.terminal().exec(text);
    // An edited static pod manifest is noticed by the kubelet at its next file check.
    noticeManifestChanges(this.cluster);
    this.cluster.api.clearCache();
    return result;
  }

  /** The learner saved the editor that a command opened (vi FILE, kubectl edit). */
  saveEditor(content: string): ExecResult {
    this.activity();
    const result = this.terminal().saveEditor(content);
    noticeManifestChanges(this.cluster);
    this.cluster.api.clearCache();
    return result;
  }

  /**
   * Ctrl-C: abandons a half-typed multi-line command or a password prompt; in a container's
   * shell (kubectl exec -it) it goes to that shell.
   */
  interrupt(): ExecResult {
    return this.terminal().interrupt();
  }

  /**
   * Ctrl-D on an empty line: leaves a container's shell (kubectl exec -it), or ends the input of a
   * half-typed command (a here-document ends at end of file).
   */
  endOfInput(): ExecResult {
    this.activity();
    const result = this.terminal().endOfInput();
    noticeManifestChanges(this.cluster);
    this.cluster.api.clearCache();
    return result;
  }

  /**
   * Applies one entry of a terminal log: a typed line, or a control action encoded by
   * `controlEntry` (interrupt, editor save/close). The command log stores these strings, so a
   * replay goes through exactly the same steps.
   */
  apply(entry: string): ExecResult {
    if (!entry.startsWith(CONTROL_PREFIX)) return this.exec(entry);
    const control = JSON.parse(entry.slice(CONTROL_PREFIX.length)) as TerminalControl;
    switch (control.action) {
      case "interrupt":
        return this.interrupt();
      case "eof":
        return this.endOfInput();
      case "save":
        return this.saveEditor(control.content);
      default:
        return this.closeEditor();
    }
  }

  /** The learner left the editor without saving (:q!). */
  closeEditor(): ExecResult {
    this.activity();
    const result = this.terminal().closeEditor();
    this.cluster.api.clearCache();
    return result;
  }

  prompt(): string {
    return this.terminal().prompt();
  }

  snapshot(): SandboxSnapshot {
    const snapshot: SandboxSnapshot = {
      version: SNAPSHOT_VERSION,
      seed: this.seed,
      environment: this.environment,
      store: this.store.toState(),
      core: this.cluster.coreState(),
      hosts: this.hosts,
      ...(this.shell ? { shell: this.shell.toState() } : this.shellState ? { shell: this.shellState } : {}),
    };
    return JSON.parse(JSON.stringify(snapshot)) as SandboxSnapshot;
  }
}
