// The shape of the cluster view the events stream sends to the diagram. Plain JSON types only,
// shared by the server (lib/sandboxes/view.ts) and the browser (the diagram components).

export interface PodView {
  namespace: string;
  name: string;
  /** Pending, Running, Succeeded, Failed or Unknown. */
  phase: string;
  ready: boolean;
  ip?: string;
  terminating: boolean;
  /** Why a container waits or ended (ContainerCreating, CrashLoopBackOff, ErrImagePull, ...). */
  reason?: string;
  restarts: number;
}

export interface NodeView {
  name: string;
  ready: boolean;
  roles: string[];
  /** Cordoned: the scheduler places no new Pods here. */
  unschedulable: boolean;
  pods: PodView[];
}

export interface EndpointView {
  ip: string;
  ready: boolean;
  /** The Pod behind the address, when there is one. */
  pod?: string;
}

export interface ServiceView {
  namespace: string;
  name: string;
  type: string;
  clusterIP?: string;
  /** "80/TCP", "80:30080/TCP" as kubectl prints them. */
  ports: string[];
  endpoints: EndpointView[];
}

export interface DockerNetworkView {
  name: string;
  driver: string;
  subnet?: string;
  /** Running containers attached to it, with their address on it. */
  containers: { name: string; ip: string }[];
}

export interface DockerContainerView {
  name: string;
  image: string;
  /** created, running, exited or dead. */
  status: string;
}

export interface DockerHostView {
  name: string;
  ip: string;
  /** Whether the Docker daemon runs. */
  running: boolean;
  version: string;
  networks: DockerNetworkView[];
  containers: DockerContainerView[];
}

/** A message of the "Trace" namespace with its ICU arguments. */
export interface TraceMessage {
  key: string;
  values: Record<string, string | number>;
}

/** The stages of the strip, in the order a request travels. */
export const LANES = ["apiserver", "etcd", "controller", "scheduler", "kubelet", "endpoints", "docker"] as const;
export type Lane = (typeof LANES)[number];

export interface FilterVerdictView {
  plugin: string;
  verdict: "pass" | "fail" | "skip";
  /** The scheduler's own words for a failure ("node(s) had untolerated taint ..."). */
  reason?: string;
}

/** "Why this node": every filter's verdict for every node, and the scores of those that fit. */
export interface SchedulingWhy {
  pod: string;
  node?: string;
  /** The FailedScheduling message when no node fit. */
  message?: string;
  nodes: {
    name: string;
    /** False when the scheduler stopped looking before this node (large clusters). */
    examined: boolean;
    filters: FilterVerdictView[];
    score?: { total: number; plugins: Record<string, number> };
  }[];
}

export interface ReplayItem {
  id: number;
  at: number;
  actor: string;
  /** Which instance: the controller, the node of a kubelet, the Docker host. */
  who?: string;
  message: TraceMessage;
  /** A technical detail shown as is: the REST call, the etcd key. */
  detail?: string;
  warning?: boolean;
  why?: SchedulingWhy;
}

export interface ReplayStep {
  lane: Lane;
  items: ReplayItem[];
  /** Items left out to keep the strip short. */
  more: number;
}

/** One command the learner ran and what it made each component do. */
export interface CommandReplay {
  id: number;
  at: number;
  /**
   * The line as typed; for an answer to a password prompt, the line that asked for it (the
   * answer itself is never kept). Absent for editor actions.
   */
  text?: string;
  /** A terminal action instead of a line: "save", "close" or "interrupt". */
  control?: string;
  /** An answer typed at a password prompt: the command it let go on. */
  secret?: boolean;
  steps: ReplayStep[];
  /** Every kept trace entry of the command, each as a message (newest commands only). */
  log?: { id: number; at: number; actor: string; who?: string; message: TraceMessage; detail?: string }[];
  /** How many trace entries the command led to. */
  entries: number;
}

export interface ClusterView {
  time: number;
  /** Whether the environment runs Kubernetes at all (a data centre of Docker hosts may not). */
  kubernetes: boolean;
  apiServerUp: boolean;
  controlPlane: { name: string; running: boolean }[];
  nodes: NodeView[];
  pending: { namespace: string; name: string; reason?: string }[];
  services: ServiceView[];
  dockerHosts: DockerHostView[];
  /** The most recent commands, oldest first. */
  replays: CommandReplay[];
}
