// Types of the container image catalogue, shared by the Docker engines and the kubelet.
// Everything here is plain JSON data so it can live inside a sandbox snapshot.
import type { Millis } from "../clock";

/** Which behaviour module runs a container of this image (see process.ts). */
export type ProcessModelName =
  | "nginx"
  | "hello"
  | "hello-plain"
  | "httpd"
  | "busybox"
  | "alpine"
  | "redis"
  | "postgres"
  | "mysql"
  | "pause"
  | "kube-apiserver"
  | "kube-controller-manager"
  | "kube-scheduler"
  | "kube-proxy"
  | "etcd"
  | "coredns"
  | "calico-node"
  | "calico-cni"
  | "calico-kube-controllers";

/** The image configuration a runtime needs (a subset of the OCI image config). */
export interface ImageConfig {
  entrypoint: string[] | null;
  cmd: string[] | null;
  env: string[];
  workingDir: string;
  /** e.g. ["80/tcp"]. */
  exposedPorts: string[];
  stopSignal?: string;
  user?: string;
}

/** One build of a repository: every tag listed points at the same image. */
export interface CatalogueImage {
  /** Fully qualified repository, e.g. "docker.io/library/nginx". */
  repository: string;
  /** Short name as Docker prints it, e.g. "nginx" or "registry.k8s.io/pause". */
  familiarName: string;
  tags: string[];
  /** Application version inside the image, e.g. "1.27.3". */
  version: string;
  /** "sha256:<64 hex>" image id (config digest). */
  id: string;
  /** "sha256:<64 hex>" manifest (repo) digest. */
  digest: string;
  /** RFC 3339 creation time of the image. */
  created: string;
  /** Unpacked size in bytes, what `docker images` shows. */
  sizeBytes: number;
  /** Compressed (download) size in bytes, what the kubelet reports after a pull. */
  compressedBytes: number;
  /** Layer digests ("sha256:..."), in pull order. */
  layers: string[];
  architecture: string;
  os: string;
  config: ImageConfig;
  model: ProcessModelName;
  /** Executables present in the image, for `docker exec` / `kubectl exec`. */
  tools: string[];
}

/** A parsed and normalised image reference, as Docker and containerd see it. */
export interface ImageReference {
  /** The text as given. */
  input: string;
  /** e.g. "docker.io". */
  domain: string;
  /** e.g. "library/nginx". */
  path: string;
  /** Present unless the reference is by digest only. */
  tag?: string;
  /** "sha256:..." when given. */
  digest?: string;
  /** True when no tag and no digest was given and "latest" was assumed. */
  defaultedTag: boolean;
  /** "docker.io/library/nginx". */
  repository: string;
  /** "docker.io/library/nginx:latest" (or with @digest): what containerd and the kubelet print. */
  normalized: string;
  /** "nginx" : reference.FamiliarName. */
  familiarName: string;
  /** "nginx:latest" : reference.FamiliarString. */
  familiarString: string;
}

export type ResolveFailureReason = "invalid-reference" | "repository-not-found" | "tag-not-found";

export interface ResolveFailure {
  ok: false;
  reason: ResolveFailureReason;
  reference?: ImageReference;
  /** What dockerd answers, without the "Error response from daemon: " prefix. */
  dockerMessage: string;
  /** The gRPC code containerd answers the kubelet with ("NotFound", "Unknown", ...). */
  criCode: "NotFound" | "Unknown" | "InvalidArgument";
  /** containerd's message (the kubelet prints `rpc error: code = <criCode> desc = <criMessage>`). */
  criMessage: string;
}

export interface ResolveSuccess {
  ok: true;
  reference: ImageReference;
  image: CatalogueImage;
}

export type ResolveResult = ResolveSuccess | ResolveFailure;

// ----- process model -----

export type Stream = "stdout" | "stderr";

/** How a log line prints the time it was written (rendered when the line is materialised). */
export type ClockFormat =
  | "busybox-date" // Tue Aug 20 10:00:05 UTC 2024
  | "nginx-error" // 2024/08/20 10:00:05
  | "nginx-access" // 20/Aug/2024:10:00:05 +0000
  | "httpd-error" // Tue Aug 20 10:00:05.123456 2024
  | "redis" // 20 Aug 2024 10:00:05.123
  | "postgres" // 2024-08-20 10:00:05.123 UTC
  | "mysql" // 2024-08-20 10:00:05+00:00
  | "mysql-iso" // 2024-08-20T10:00:05.123456Z
  | "klog" // 0820 10:00:05.123456
  | "rfc3339"; // 2024-08-20T10:00:05.123Z

export type TextPart = string | { clock: ClockFormat };

/** A line a process writes, `atMs` after the process (or the loop iteration) started. */
export interface TimedLine {
  atMs: number;
  stream: Stream;
  parts: TextPart[];
}

export interface ListenSpec {
  port: number;
  protocol: "TCP" | "UDP";
  /** Milliseconds after start when the socket accepts connections. */
  readyAtMs: number;
  /** How the port answers HTTP, if it does (see http.ts). */
  http?: HttpModel;
}

export type HttpModel = "nginx" | "hello" | "hello-plain" | "httpd" | "health";

export interface ProcessPlan {
  /** The argv that actually runs (entrypoint and command resolved). */
  argv: string[];
  /** Set when the process cannot start at all (the runtime reports it, no logs). */
  startError?: { kind: "executable-not-found"; executable: string };
  /** Finite lines written from the start. */
  lines: TimedLine[];
  /** An endless loop that starts at `startMs` and repeats every `periodMs` (>= 1). */
  loop?: { startMs: number; periodMs: number; lines: TimedLine[] };
  /** When the process exits on its own; absent: runs until stopped. */
  exit?: { atMs: number; code: number };
  listens: ListenSpec[];
  /** Steady-state resource use, for stats and `top`. */
  idle: { memoryBytes: number; cpuMillicores: number };
  /**
   * Whether PID 1 handles SIGTERM. A shell or `sleep` as PID 1 ignores it, so `docker stop`
   * waits the grace period and kills it (exit 137).
   */
  handlesSigterm: boolean;
  /** Exit code after a handled SIGTERM (0 for nginx, 143 for most others). */
  sigtermExitCode: number;
}

export interface PlanOptions {
  /** Container hostname ($HOSTNAME). */
  hostname?: string;
  /** `-t` / `tty: true`: an interactive shell stays up instead of exiting at EOF. */
  tty?: boolean;
  /** `-i` / `stdin: true`. */
  stdin?: boolean;
  /** The container's primary address, for servers that print it (httpd). */
  ip?: string;
  /** The host kernel release, for servers that print it (nginx). */
  kernel?: string;
}

/** A rendered log line. */
export interface LogLine {
  at: Millis;
  stream: Stream;
  text: string;
}

export interface HttpRequest {
  method: string;
  path: string;
  /** The Host header. */
  host?: string;
  userAgent?: string;
  httpVersion?: string;
}

export interface HttpContext {
  now: Millis;
  /** Address and port the server socket is bound to, as the client reached it. */
  serverAddress: string;
  serverPort: number;
  /** The server's hostname (the container or pod name). */
  hostname: string;
  clientAddress: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
  /** The access-log line the server writes for this request, if it logs one. */
  accessLog?: { stream: Stream; text: string };
}
