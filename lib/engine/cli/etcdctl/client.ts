// How etcdctl reaches etcd: endpoints, transport security, which member answers, and what the
// client prints when it cannot (clientv3's retry-interceptor warning, then its own error).
//
// kubeadm's etcd listens on https://127.0.0.1:2379 and https://<node-ip>:2379 with
// --client-cert-auth=true, so a request succeeds only over TLS with the etcd CA (--cacert) and a
// client certificate signed by it (--cert/--key). Certificate files in the sandbox are empty
// placeholders, so they are told apart by path: the etcd CA is /etc/kubernetes/pki/etcd/ca.crt;
// certificates known to come from another CA are rejected; any other file is accepted as valid.
import { fnv32a } from "../../random";
import { isEtcdError, type EtcdStore } from "../../store";
import { absolutePath, actorFor, basename, errnoMessage, normalizePath, readFile } from "../../hosts/fs";
import type { CommandContext } from "../../shell/types";
import type { World } from "../../world";
import { zapString } from "./format";
import { ExitCode, Exit, type Out } from "./output";

export const ETCDCTL_VERSION = "3.5.15";
export const API_VERSION = "3.5";
const CLIENT_CALLER = `v3@v${ETCDCTL_VERSION}/retry_interceptor.go:63`;
/** How long a command that would wait forever runs before the learner gives up (Ctrl-C). */
export const HANG_MS = 10_000;

export interface Endpoint {
  /** As given on the command line, e.g. "https://127.0.0.1:2379". */
  raw: string;
  scheme: string;
  /** host:port as dialled. */
  address: string;
  host: string;
  port: string;
}

export function parseEndpoint(raw: string): Endpoint {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(raw);
  const scheme = m ? m[1]!.toLowerCase() : "";
  let address = m ? m[2]!.replace(/\/.*$/, "") : raw;
  let host = address;
  let port = "";
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(address);
  if (hp) {
    host = hp[1]!.replace(/^\[|\]$/g, "");
    port = hp[2] ?? "";
  }
  if (port === "") {
    // gRPC dials the default HTTPS port when the endpoint names none.
    port = "443";
    address = `${address}:443`;
  }
  return { raw, scheme, address, host, port };
}

/** clientv3's authority(): the endpoint without its scheme. */
function authority(raw: string): string {
  const i = raw.indexOf("://");
  return i >= 0 ? raw.slice(i + 3) : raw;
}

export interface SecureConfig {
  cacert: string;
  cert: string;
  key: string;
  insecureTransport: boolean;
  insecureSkipVerify: boolean;
}

/** The outcome of dialling one endpoint. */
export type Dial =
  | { ok: true; member: string }
  /** `desc` is gRPC's "last connection error"; undefined when none was recorded before the deadline. */
  | { ok: false; desc?: string };

const OTHER_CAS = new Set(["/etc/kubernetes/pki/ca.crt", "/etc/kubernetes/pki/front-proxy-ca.crt"]);
const FOREIGN_CLIENT_CERTS = new Set([
  "/etc/kubernetes/pki/apiserver.crt",
  "/etc/kubernetes/pki/apiserver-kubelet-client.crt",
  "/etc/kubernetes/pki/front-proxy-client.crt",
  "/etc/kubernetes/pki/ca.crt",
  "/etc/kubernetes/pki/front-proxy-ca.crt",
]);

/** A failed RPC as the command sees it: the error text it prints. */
export class RpcError {
  constructor(readonly message: string) {}
}

export class Client {
  readonly endpoints: Endpoint[];
  private readonly pointer: string;

  constructor(
    private readonly ctx: CommandContext<World>,
    private readonly out: Out,
    endpoints: string[],
    private readonly secure: SecureConfig,
    private readonly commandTimeoutNs: number,
    private readonly dialTimeoutNs: number,
  ) {
    this.endpoints = endpoints.map(parseEndpoint);
    // A Go heap address for the client, as it appears in gRPC's target name.
    const h = fnv32a(`${ctx.world.now()}|${ctx.args.join(" ")}|${endpoints.join(",")}`);
    this.pointer = `0xc000${((h % 0x800) * 2).toString(16).padStart(3, "0")}000`;
  }

  get store(): EtcdStore {
    return this.ctx.world.sandbox.store;
  }

  /** gRPC's target for a client whose first endpoint is `raw`. */
  target(raw = this.endpoints[0]?.raw ?? ""): string {
    return `etcd-endpoints://${this.pointer}/${authority(raw)}`;
  }

  /** The clientv3 retry interceptor's warning for a failed unary RPC. */
  warn(error: string, logger = "etcd-client", target = this.target()): void {
    this.out.err(
      `{"level":"warn","ts":"${this.out.clock.ts(this.ctx.world.now())}","logger":"${logger}","caller":"${CLIENT_CALLER}","msg":"retrying of unary invoker failed","target":${zapString(target)},"attempt":0,"error":${zapString(error)}}\n`,
    );
  }

  advance(ns: number): void {
    if (ns > 0) this.ctx.world.advance(Math.ceil(ns / 1e6));
  }

  /** Dials one endpoint: resolves it, finds the member listening there, then negotiates security. */
  dial(ep: Endpoint): Dial {
    const world = this.ctx.world;
    const store = this.store;
    const dialError = (text: string) => ({ ok: false as const, desc: `connection error: desc = "transport: Error while dialing: ${text}"` });
    let ip: string | undefined;
    if (/^\d+\.\d+\.\d+\.\d+$/.test(ep.host)) ip = ep.host;
    else if (ep.host === "localhost") ip = "127.0.0.1";
    else {
      const named = Object.values(world.hosts).find((h) => h.name === ep.host || h.fqdn === ep.host);
      if (!named) return dialError(`dial tcp: lookup ${ep.host} on 127.0.0.53:53: no such host`);
      ip = named.ip;
    }
    const loopback = ip.startsWith("127.");
    const targetIp = loopback ? this.ctx.host.ip : ip;
    const addr = `${ip}:${ep.port}`;
    const member = store.members().find((m) => m.clientURLs.some((u) => u.includes(`//${targetIp}:`)));
    const hostExists = loopback || Object.values(world.hosts).some((h) => h.ip === ip);
    if (!member && !hostExists) return { ok: false };
    if (!member || !member.started || ep.port !== "2379") return dialError(`dial tcp ${addr}: connect: connection refused`);

    const anyTls = this.secure.cert !== "" || this.secure.key !== "" || this.secure.cacert !== "" || !this.secure.insecureTransport;
    const useTls = ep.scheme === "https" || (ep.scheme !== "http" && anyTls);
    if (!useTls) {
      // Plain HTTP/2 against a TLS listener: the server drops the connection.
      const local = loopback ? ip : this.ctx.host.ip;
      const port = 32768 + (fnv32a(`${world.now()}|${ep.raw}`) % 28232);
      return { ok: false, desc: `connection error: desc = "error reading server preface: read tcp ${local}:${port}->${addr}: read: connection reset by peer"` };
    }
    const ca = this.secure.cacert ? this.resolve(this.secure.cacert) : "";
    if (!this.secure.insecureSkipVerify && (ca === "" || OTHER_CAS.has(ca))) {
      return {
        ok: false,
        desc: 'connection error: desc = "transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority"',
      };
    }
    if (this.secure.cert === "") {
      return { ok: false, desc: 'connection error: desc = "error reading server preface: remote error: tls: certificate required"' };
    }
    if (FOREIGN_CLIENT_CERTS.has(this.resolve(this.secure.cert))) {
      return { ok: false, desc: 'connection error: desc = "error reading server preface: remote error: tls: bad certificate"' };
    }
    return { ok: true, member: member.name };
  }

  /** The member a request goes to: the first endpoint that connects. */
  connect(): Dial {
    let first: Dial | undefined;
    for (const ep of this.endpoints) {
      const d = this.dial(ep);
      if (d.ok) return d;
      first ??= d;
    }
    return first ?? { ok: false };
  }

  /**
   * A unary RPC with etcdctl's command timeout: `fn` runs against the connected member. Failures
   * print the interceptor's warning and throw RpcError with the text etcdctl prints.
   */
  unary<T>(fn: (member: string) => T, opts: { logger?: string; dial?: Dial; target?: string } = {}): T {
    const d = opts.dial ?? this.connect();
    if (!d.ok) {
      this.advance(this.commandTimeoutNs);
      this.warn(deadlineText(d.desc), opts.logger, opts.target);
      throw new RpcError("context deadline exceeded");
    }
    try {
      return fn(d.member);
    } catch (e) {
      if (!isEtcdError(e)) throw e;
      if (e.clientMessage !== undefined) {
        // No quorum: the request waits for a commit until the client's deadline passes.
        this.advance(this.commandTimeoutNs);
        this.warn("rpc error: code = DeadlineExceeded desc = context deadline exceeded", opts.logger, opts.target);
        throw new RpcError(e.clientMessage);
      }
      this.warn(`rpc error: code = ${e.code} desc = ${e.message}`, opts.logger, opts.target);
      throw new RpcError(e.message);
    }
  }

  /**
   * An RPC etcdctl sends without a deadline (context.TODO, streams): when it cannot be served it
   * waits until the learner presses Ctrl-C.
   */
  untimed<T>(fn: (member: string) => T): T {
    const d = this.connect();
    if (d.ok) {
      try {
        return fn(d.member);
      } catch (e) {
        if (!isEtcdError(e) || e.clientMessage === undefined) throw e;
      }
    }
    this.hang();
  }

  /** Waits until the learner gives up: Ctrl-C ends the command. */
  hang(): never {
    this.ctx.world.advance(HANG_MS);
    this.out.out("^C\n");
    throw new Exit(ExitCode.sigint);
  }

  /** Blocking dial (watch): fails after the dial timeout with clientv3.New's error. */
  blockingConnect(): string {
    const d = this.connect();
    if (d.ok) return d.member;
    this.advance(this.dialTimeoutNs);
    this.out.fail(ExitCode.badConnection, "context deadline exceeded");
  }

  resolve(path: string): string {
    const home = this.ctx.host.users[this.ctx.user]?.home;
    return normalizePath(absolutePath(this.ctx.cwd, path, home));
  }
}

/** The DeadlineExceeded status text for a request that never got a connection. */
export function deadlineText(desc: string | undefined): string {
  return desc === undefined
    ? "rpc error: code = DeadlineExceeded desc = context deadline exceeded"
    : `rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: ${desc}`;
}

/**
 * transport.TLSInfo.ClientConfig: loads the key pair and the CA bundle. Returns the error text
 * (etcdctl exits with ExitBadArgs), or undefined.
 */
export function loadTls(ctx: CommandContext<World>, s: SecureConfig): string | undefined {
  const home = ctx.host.users[ctx.user]?.home;
  const actor = actorFor(ctx.host, ctx.user);
  const read = (p: string): string | undefined => {
    const r = readFile(ctx.host.fs, absolutePath(ctx.cwd, p, home), actor);
    return r.ok ? undefined : `open ${p}: ${errnoMessage(r.code).toLowerCase()}`;
  };
  if (s.cert !== "" || s.key !== "") {
    if (s.cert === "" || s.key === "") return `KeyFile and CertFile must both be present[key: ${s.key}, cert: ${s.cert}]`;
    const e = read(s.cert) ?? read(s.key);
    if (e) return e;
    const certName = basename(normalizePath(s.cert));
    const keyName = basename(normalizePath(s.key));
    if (certName.endsWith(".key")) {
      return "tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched";
    }
    if (keyName.endsWith(".crt")) return "tls: found a certificate rather than a key in the PEM for the private key";
    const inPki = (p: string) => absolutePath(ctx.cwd, p, home).startsWith("/etc/kubernetes/pki/");
    // Only kubeadm's own pairs are known; other files are trusted to match.
    if (inPki(s.cert) && inPki(s.key) && certName.endsWith(".crt") && keyName.endsWith(".key") && certName.slice(0, -4) !== keyName.slice(0, -4)) {
      return "tls: private key does not match public key";
    }
  }
  if (s.cacert !== "") {
    const e = read(s.cacert);
    if (e) return e;
  }
  return undefined;
}

