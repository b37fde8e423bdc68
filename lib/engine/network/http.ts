// HTTP over the simulated network: parse the URL, resolve the name from the origin, connect
// (Services, NodePorts, pods, the machines' own ports, Docker), check TLS, and let the server
// answer as its image does. The serving container writes its access-log line.
import type { World } from "../world";
import { httpDate, httpResponse } from "../images/http";
import type { HttpResponse } from "../images/types";
import { hostHttpRequest, type DockerWorld } from "../docker/netview";
import { KUBERNETES_VERSION } from "../environment/spec";
import { parseIPv4 } from "../docker/ipnet";
import { CLUSTER_DOMAIN } from "./cluster";
import { connectIp, resolveOrigin, type ConnectFailure, type NetOrigin, type Server, type ServiceHop, type Source } from "./connect";
import { lookupSource } from "./dns";

export interface Url {
  scheme: "http" | "https";
  host: string;
  port: number;
  /** Path and query, "/" at least. */
  path: string;
  /** The URL as curl prints it (scheme added, "/" appended). */
  href: string;
}

export type UrlParse = { ok: true; url: Url } | { ok: false; why: "bad" | "protocol"; scheme?: string };

/** Parses a URL as curl does (a bare host means http). */
export function parseUrl(raw: string): UrlParse {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/?#:@]*)(?::([^/?#]*))?([/?][^#]*)?(?:#.*)?$/.exec(raw.trim());
  if (!m) return { ok: false, why: "bad" };
  const scheme = (m[1] ?? "http").toLowerCase();
  if (scheme !== "http" && scheme !== "https") return { ok: false, why: "protocol", scheme: m[1]! };
  const host = (m[2] ?? "").toLowerCase();
  if (!host) return { ok: false, why: "bad" };
  let port = scheme === "https" ? 443 : 80;
  if (m[3] !== undefined && m[3] !== "") {
    if (!/^\d+$/.test(m[3]) || Number(m[3]) > 65535) return { ok: false, why: "bad" };
    port = Number(m[3]);
  }
  let path = m[4] ?? "/";
  if (path.startsWith("?")) path = `/${path}`;
  const explicit = m[3] !== undefined && m[3] !== "";
  return { ok: true, url: { scheme, host, port, path, href: `${scheme}://${host}${explicit ? `:${port}` : ""}${path}` } };
}

export interface HttpRequestOptions {
  method?: string;
  userAgent?: string;
  /** Skip certificate verification (curl -k). */
  insecure?: boolean;
  /** A CA file the client trusts (curl --cacert), as an absolute path. */
  caFile?: string;
}

export type HttpFailure =
  | { stage: "url"; why: "bad" | "protocol"; scheme?: string }
  | { stage: "resolve"; why: "nxdomain" | "temporary"; elapsedMs: number }
  | { stage: "connect"; why: ConnectFailure; ip: string; port: number; hop?: ServiceHop; from?: string }
  | { stage: "tls"; why: "wrong-version" | "untrusted" | "name-mismatch" | "cert-required"; ip: string; port: number }
  | { stage: "reply"; why: "empty" | "http09"; ip: string; port: number };

export type HttpOutcome =
  | { ok: true; url: Url; ip: string; port: number; server: Server; hop?: ServiceHop; clientIp: string; response: HttpResponse; httpVersion: string; resolveMs: number }
  | ({ ok: false; url?: Url; resolveMs?: number } & HttpFailure);

export const KUBE_GIT_COMMIT = "a78aa47129b8539636eb86a9d00e31b2720fe06b";
export const KUBE_BUILD_DATE = "2024-12-10T11:37:57Z";
export const KUBE_GO_VERSION = "go1.22.9";

const CLUSTER_CA = "/etc/kubernetes/pki/ca.crt";
const ETCD_CA = "/etc/kubernetes/pki/etcd/ca.crt";

function apiserverNames(world: World): string[] {
  const cp = world.sandbox.environment.nodes[0];
  return ["kubernetes", "kubernetes.default", "kubernetes.default.svc", `kubernetes.default.svc.${CLUSTER_DOMAIN}`, "10.96.0.1", ...(cp ? [cp.name, cp.ip] : [])];
}

function jsonResponse(now: number, status: number, reason: string, body: string, extra: [string, string][] = []): HttpResponse {
  return {
    status,
    reason,
    headers: [["Audit-Id", auditId(now, body)], ["Cache-Control", "no-cache, private"], ["Content-Type", "application/json"], ...extra, ["Date", httpDate(now)], ["Content-Length", String(body.length)]],
    body,
  };
}

function auditId(now: number, seed: string): string {
  let h = 2166136261;
  for (const ch of `${now}|${seed}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  const a = hex(h);
  const b = hex(Math.imul(h, 2654435761));
  const c = hex(Math.imul(h ^ 0x5bd1e995, 40503));
  const d = hex(Math.imul(h, 69069) ^ 0x9e3779b9);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`.slice(0, 36);
}

function plain(now: number, status: number, reason: string, body: string, contentType = "text/plain; charset=utf-8", extra: [string, string][] = []): HttpResponse {
  return { status, reason, headers: [...extra, ["Content-Type", contentType], ["Date", httpDate(now)], ["Content-Length", String(body.length)]], body };
}

const forbidden = (now: number, path: string) =>
  jsonResponse(
    now,
    403,
    "Forbidden",
    `{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"${path}\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}`,
    [["X-Content-Type-Options", "nosniff"]],
  );

/**
 * kube-apiserver to an anonymous client: health and version are public, the rest is forbidden.
 * curl and wget get pretty-printed JSON (the server picks that by user agent), no final newline.
 */
function apiserverResponse(now: number, path: string, method: string): HttpResponse {
  const bare = path.split("?")[0]!;
  if (["/healthz", "/livez", "/readyz"].includes(bare)) return plain(now, 200, "OK", "ok", "text/plain; charset=utf-8", [["Audit-Id", auditId(now, bare)], ["Cache-Control", "no-cache, private"], ["X-Content-Type-Options", "nosniff"]]);
  if (bare === "/version") {
    const [major, minor] = KUBERNETES_VERSION.replace(/^v/, "").split(".");
    const body = `{\n  "major": "${major}",\n  "minor": "${minor}",\n  "gitVersion": "${KUBERNETES_VERSION}",\n  "gitCommit": "${KUBE_GIT_COMMIT}",\n  "gitTreeState": "clean",\n  "buildDate": "${KUBE_BUILD_DATE}",\n  "goVersion": "${KUBE_GO_VERSION}",\n  "compiler": "gc",\n  "platform": "linux/amd64"\n}`;
    return jsonResponse(now, 200, "OK", body);
  }
  const res = forbidden(now, bare);
  return method === "HEAD" ? { ...res, body: "" } : res;
}

const notFound = (now: number) => plain(now, 404, "Not Found", "404 page not found\n", "text/plain; charset=utf-8", [["X-Content-Type-Options", "nosniff"]]);

/** What a server answers to one request, or how a port that does not speak HTTP replies. */
function answer(world: World, server: Server, url: Url, opts: HttpRequestOptions, clientIp: string): { response: HttpResponse; httpVersion: string } | "empty" | "http09" {
  const now = world.now();
  const method = (opts.method ?? "GET").toUpperCase();
  const head = (r: HttpResponse) => (method === "HEAD" ? { ...r, body: "" } : r);
  // A Go TLS server answers plain HTTP with a fixed 400.
  if (server.tls && url.scheme === "http") {
    return { response: { status: 400, reason: "Bad Request", headers: [], body: "Client sent an HTTP request to an HTTPS server.\n" }, httpVersion: "1.0" };
  }
  const path = url.path.split("?")[0]!;
  switch (server.kind) {
    case "sshd":
      return "http09";
    case "kubelet":
      if (server.port === 10248) return { response: head(path === "/healthz" ? plain(now, 200, "OK", "ok") : notFound(now)), httpVersion: "1.1" };
      return { response: head(plain(now, 401, "Unauthorized", "Unauthorized")), httpVersion: "1.1" };
    case "docker": {
      const host = server.dockerHost;
      if (!host) return "empty";
      const r = hostHttpRequest(world as unknown as DockerWorld, host, server.ip, server.port, { method, path: url.path, ...(opts.userAgent ? { userAgent: opts.userAgent } : {}) });
      if (!r.ok || !r.response) return "empty";
      return { response: r.response, httpVersion: "1.1" };
    }
    case "pod": {
      const c = server.container!;
      const model = c.image.model;
      if (model === "kube-apiserver") return { response: apiserverResponse(now, url.path, method), httpVersion: url.scheme === "https" ? "2" : "1.1" };
      if (model === "kube-controller-manager" || model === "kube-scheduler") {
        return { response: ["/healthz", "/livez", "/readyz"].includes(path) ? head(plain(now, 200, "OK", "ok", "text/plain; charset=utf-8", [["X-Content-Type-Options", "nosniff"]])) : forbidden(now, path), httpVersion: "2" };
      }
      if (model === "etcd") {
        if (path === "/health") return { response: head(plain(now, 200, "OK", '{"health":"true","reason":""}', "text/plain; charset=utf-8")), httpVersion: "1.1" };
        if (path === "/livez" || path === "/readyz") return { response: head(plain(now, 200, "OK", "ok")), httpVersion: "1.1" };
        return { response: head(notFound(now)), httpVersion: "1.1" };
      }
      if (model === "coredns") {
        if ((server.port === 8080 && path === "/health") || (server.port === 8181 && path === "/ready")) return { response: head(plain(now, 200, "OK", "OK")), httpVersion: "1.1" };
        if (server.port === 9153 && path === "/metrics") return { response: head(plain(now, 200, "OK", "# HELP coredns_build_info A metric with a constant '1' value labeled by version, revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\ncoredns_build_info{goversion=\"go1.21.11\",revision=\"a6338e9\",version=\"1.11.3\"} 1\n", "text/plain; version=0.0.4; charset=utf-8")), httpVersion: "1.1" };
        if (server.port === 53) return "empty";
        return { response: head(notFound(now)), httpVersion: "1.1" };
      }
      if (model === "kube-proxy" && server.port === 10256) {
        const stamp = new Date(now).toISOString().replace("Z", "000000Z").replace(/\.(\d{3})000000Z$/, ".$1000000Z");
        return { response: head(plain(now, 200, "OK", `{"lastUpdated": "${stamp}","currentTime": "${stamp}", "nodeEligible": true}`, "application/json", [["X-Content-Type-Options", "nosniff"]])), httpVersion: "1.1" };
      }
      if (model === "redis") return "http09";
      const listen = server.listen;
      if (!listen?.http) return "empty";
      const pod = server.pod!;
      const response = httpResponse(listen.http === "health" ? "health" : c.image, { method, path: url.path, host: url.host, ...(opts.userAgent ? { userAgent: opts.userAgent } : {}), httpVersion: "1.1" }, {
        now,
        serverAddress: pod.hostNetwork ? server.ip : pod.ip,
        serverPort: server.port,
        hostname: server.hostname,
        clientAddress: clientIp,
      });
      if (response.accessLog && c.logSink) {
        const logs = (c.logSink.extraLogs ??= []);
        logs.push({ at: now, stream: response.accessLog.stream, text: response.accessLog.text });
        if (logs.length > 2000) logs.splice(0, logs.length - 2000);
      }
      return { response, httpVersion: "1.1" };
    }
  }
  return "empty";
}

/** Checks what TLS would say before any HTTP is exchanged. */
function tlsCheck(world: World, server: Server, url: Url, opts: HttpRequestOptions): "wrong-version" | "untrusted" | "name-mismatch" | "cert-required" | undefined {
  if (url.scheme !== "https") return undefined;
  if (!server.tls) return "wrong-version";
  const model = server.container?.image.model;
  if (!opts.insecure) {
    if (model === "kube-apiserver" && opts.caFile === CLUSTER_CA) {
      if (!apiserverNames(world).includes(url.host)) return "name-mismatch";
    } else if (model === "etcd" && opts.caFile === ETCD_CA) {
      const cp = world.sandbox.environment.nodes[0];
      if (!["localhost", "127.0.0.1", ...(cp ? [cp.name, cp.ip] : [])].includes(url.host)) return "name-mismatch";
    } else return "untrusted";
  }
  // etcd demands a client certificate (--client-cert-auth=true).
  if (model === "etcd") return "cert-required";
  return undefined;
}

/** One HTTP exchange from an already resolved source. */
export function httpFromSource(world: World, src: Source, rawUrl: string, opts: HttpRequestOptions = {}): HttpOutcome {
  const parsed = parseUrl(rawUrl);
  if (!parsed.ok) return { ok: false, stage: "url", why: parsed.why, ...(parsed.scheme ? { scheme: parsed.scheme } : {}) };
  const url = parsed.url;
  let ip = url.host;
  let resolveMs = 0;
  if (parseIPv4(url.host) === null) {
    const r = lookupSource(world, src, url.host);
    if (!r.ok) return { ok: false, url, stage: "resolve", why: r.why, elapsedMs: r.elapsedMs };
    ip = r.addresses[0]!;
    resolveMs = r.elapsedMs;
  }
  const conn = connectIp(world, src, ip, url.port, "TCP");
  if (!conn.ok) return { ok: false, url, resolveMs, stage: "connect", why: conn.why, ip, port: url.port, ...(conn.hop ? { hop: conn.hop } : {}), ...(conn.from ? { from: conn.from } : {}) };
  const tls = tlsCheck(world, conn.server, url, opts);
  if (tls) return { ok: false, url, resolveMs, stage: "tls", why: tls, ip, port: url.port };
  const res = answer(world, conn.server, url, opts, conn.clientIp);
  if (res === "empty" || res === "http09") return { ok: false, url, resolveMs, stage: "reply", why: res, ip, port: url.port };
  return { ok: true, url, ip, port: url.port, server: conn.server, ...(conn.hop ? { hop: conn.hop } : {}), clientIp: conn.clientIp, response: res.response, httpVersion: res.httpVersion, resolveMs };
}

/**
 * An HTTP request from a machine's shell ({host}) or from inside a pod ({pod}): the response as
 * the serving image answers, or where and why it failed. Time does not move; the caller decides
 * how long a failure took (see synTimeoutMs) and advances the clock.
 */
export function httpRequest(world: World, from: NetOrigin, url: string, options: HttpRequestOptions = {}): HttpOutcome {
  const src = resolveOrigin(world, from);
  if (!src) return { ok: false, stage: "connect", why: "net-unreachable", ip: "", port: 0 };
  return httpFromSource(world, src, url, options);
}
