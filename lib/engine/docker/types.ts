// The state of one host's Docker engine, as plain JSON data (it lives in HostState.docker).
import type { Millis } from "../clock";
import type { LogLine, ProcessPlan } from "../images/types";

export interface DockerEngineState {
  /** Engine (and CLI) version, e.g. "20.10.7" or "28.3.3"; behaviour follows it (see versions.ts). */
  version: string;
  /** The daemon's ID as `docker info` prints it. */
  daemonId: string;
  /** Networks in creation order (the predefined ones first). */
  networks: NetworkState[];
  /** Containers in creation order. */
  containers: ContainerState[];
  /** Images present locally. */
  images: LocalImage[];
  /** When the daemon last started (for `docker info` and the unit). */
  startedAt: Millis;
}

/** One entry of a network's IPAM configuration, as `docker network inspect` reports it. */
export interface IpamConfigEntry {
  Subnet: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

/** The address pool behind an IPAM entry: what is reserved and handed out. */
export interface PoolState {
  /** Canonical subnet, e.g. "172.28.0.0/24". */
  subnet: string;
  /** Canonical range containers draw from, e.g. "172.28.0.0/25"; absent: the whole subnet. */
  range?: string;
  /** The gateway address reserved in the pool, if any. */
  gateway?: string;
  /** Auxiliary addresses reserved in the pool. */
  reserved: string[];
  /** Addresses handed to endpoints. */
  allocated: string[];
  /**
   * The last ordinal handed out: allocation is serial (it continues after the last address
   * rather than reusing the lowest free one), as libnetwork's bitmap allocator does.
   */
  cursor: number;
}

export interface NetworkState {
  /** 64 hex digits. */
  id: string;
  name: string;
  /** "bridge", "host", "null", "macvlan", "ipvlan", "overlay". */
  driver: string;
  scope: "local" | "swarm";
  /** RFC 3339 with nanoseconds, as inspect prints it. */
  created: string;
  createdAt: Millis;
  enableIPv4: boolean;
  enableIPv6: boolean;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  ipamDriver: string;
  /** null for the predefined networks (inspect prints `"Options": null`). */
  ipamOptions: Record<string, string> | null;
  ipamConfig: IpamConfigEntry[];
  pools: PoolState[];
  options: Record<string, string>;
  labels: Record<string, string>;
  /** bridge, host and none. */
  predefined: boolean;
  /** The subnet came from the default address pools (no --subnet given). */
  autoIpam: boolean;
  /** The link macvlan/ipvlan attach to: the -o parent, or the dummy link the driver made. */
  parent?: string;
  /** The Linux bridge of a bridge network ("docker0", "br-<id12>"). */
  bridge?: string;
}

export interface PortBinding {
  containerPort: number;
  protocol: "tcp" | "udp";
  /** "" means all addresses (0.0.0.0 and ::). */
  hostIp: string;
  hostPort: number;
}

export interface EndpointState {
  networkId: string;
  endpointId: string;
  /** Current address; "" while the container is stopped. */
  ip: string;
  prefixLen: number;
  gateway: string;
  mac: string;
  /** Names other containers can resolve this one by on this network (besides its name). */
  aliases: string[];
  /** Address requested with --ip, kept across restarts. */
  requestedIp?: string;
}

export interface ContainerRun {
  startedAt: Millis;
  /** When this run ended; absent while it is the current run. */
  endedAt?: Millis;
  plan: ProcessPlan;
}

export type ContainerStatus = "created" | "running" | "exited" | "dead";

export interface ContainerState {
  /** 64 hex digits. */
  id: string;
  /** Without the leading "/". */
  name: string;
  /** The image as the user named it ("nginx", "nginx:1.27"). */
  image: string;
  /** "sha256:..." of the image. */
  imageId: string;
  created: string;
  createdAt: Millis;
  /** The entrypoint and command the container was created with. */
  entrypoint: string[] | null;
  cmd: string[] | null;
  /** Whether the user overrode the entrypoint (`--entrypoint`). */
  entrypointOverridden: boolean;
  env: string[];
  hostname: string;
  tty: boolean;
  openStdin: boolean;
  autoRemove: boolean;
  restartPolicy: string;
  labels: Record<string, string>;
  ports: PortBinding[];
  exposedPorts: string[];
  /** "default" (the bridge), a network name, "host" or "none". */
  networkMode: string;
  endpoints: EndpointState[];
  status: ContainerStatus;
  exitCode: number;
  /** Error text of a failed start (e.g. executable not found). */
  error: string;
  pid: number;
  /** The containerd shim that runs the container (started just before it). */
  shimPid?: number;
  /** The processes the main process started (nginx workers, ...), in order. */
  childPids?: number[];
  restartCount: number;
  startedAt?: Millis;
  finishedAt?: Millis;
  /** Every run, oldest first (the last is the current one while running). */
  runs: ContainerRun[];
  /** Lines written outside the plan (access logs of requests served). */
  extraLogs: LogLine[];
  /** The ordinal used for interface indexes (`eth0@if<n>`). */
  ordinal: number;
}

export interface LocalImage {
  /** "sha256:..." */
  id: string;
  /** e.g. ["nginx:latest", "nginx:1.27"]. */
  repoTags: string[];
  /** e.g. ["nginx@sha256:..."]. */
  repoDigests: string[];
  pulledAt: Millis;
}
