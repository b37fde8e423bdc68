// curl: Ubuntu 22.04's 7.81.0 on the machines, the image's own build in pods (7.88 on Debian,
// 8.x on Alpine, which word connection errors differently). Options the course uses: -s -S -v
// -i -I -o -O -w -m --connect-timeout -L -k --cacert -X -H -A -d -f; errors with curl's texts
// and exit codes; the progress meter on stderr when the body does not go to the terminal.
import type { CommandResult } from "../../shell/types";
import { formatHttpResponse } from "../../images/http";
import type { HttpResponse } from "../../images/types";
import { fnv32a } from "../../random";
import { arpTimeoutMs, httpFromSource, parseUrl, synTimeoutMs, type HttpOutcome, type Url } from "../../network";
import { Out, readText, saveFile, spend, type Flavour, type NetToolEnv } from "./common";

export const CURL_VERSIONS: Record<Flavour, string> = { ubuntu: "7.81.0", centos8: "7.61.1", centos9: "7.76.1", debian: "7.88.1", alpine: "8.11.1", busybox: "8.11.1" };

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  insecure: boolean;
  location: boolean;
  output?: string;
  remoteName: boolean;
  writeOut?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  method?: string;
  data?: string;
  userAgent?: string;
  headers: string[];
  cacert?: string;
  noMeter: boolean;
  urls: string[];
}

type Parsed = { ok: true; opts: CurlOptions } | { ok: false; message: string; code: number };

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** Long options that take a value, by name. */
const LONG_WITH_VALUE = new Set(["output", "write-out", "max-time", "connect-timeout", "request", "data", "data-raw", "data-binary", "user-agent", "header", "cacert", "user", "resolve", "retry", "cert", "key", "interface", "proxy", "referer", "cookie", "form"]);
const SHORT_WITH_VALUE = new Set(["o", "w", "m", "X", "d", "A", "H", "u", "e", "b", "F", "x", "E", "T", "r"]);
const SHORT_FLAGS = new Set(["s", "S", "v", "I", "i", "f", "k", "L", "O", "4", "6", "q", "g", "N", "#", "n"]);
const LONG_FLAGS = new Set(["silent", "show-error", "verbose", "head", "include", "fail", "insecure", "location", "remote-name", "ipv4", "ipv6", "http1.1", "http1.0", "http2", "compressed", "no-progress-meter", "globoff", "no-buffer", "progress-bar", "fail-with-body", "no-keepalive", "tcp-nodelay", "raw", "path-as-is"]);

function seconds(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Math.round(Number(text) * 1000);
}

export function parseCurlArgs(args: string[]): Parsed {
  const o: CurlOptions = { silent: false, showError: false, verbose: false, head: false, include: false, fail: false, insecure: false, location: false, remoteName: false, noMeter: false, headers: [], urls: [] };
  const set = (name: string, value: string | undefined): Parsed | undefined => {
    switch (name) {
      case "s":
      case "silent":
        o.silent = true;
        break;
      case "S":
      case "show-error":
        o.showError = true;
        break;
      case "v":
      case "verbose":
        o.verbose = true;
        break;
      case "I":
      case "head":
        o.head = true;
        break;
      case "i":
      case "include":
        o.include = true;
        break;
      case "f":
      case "fail":
      case "fail-with-body":
        o.fail = true;
        break;
      case "k":
      case "insecure":
        o.insecure = true;
        break;
      case "L":
      case "location":
        o.location = true;
        break;
      case "O":
      case "remote-name":
        o.remoteName = true;
        break;
      case "o":
      case "output":
        o.output = value;
        break;
      case "w":
      case "write-out":
        o.writeOut = value;
        break;
      case "m":
      case "max-time":
      case "connect-timeout": {
        const ms = seconds(value ?? "");
        if (ms === undefined) return { ok: false, message: `curl: option --${name === "m" ? "max-time" : name}: expected a proper numerical parameter\n${TRY}`, code: 2 };
        if (name === "connect-timeout") o.connectTimeoutMs = ms;
        else o.maxTimeMs = ms;
        break;
      }
      case "X":
      case "request":
        o.method = value;
        break;
      case "d":
      case "data":
      case "data-raw":
      case "data-binary":
        o.data = (o.data !== undefined ? `${o.data}&` : "") + (value ?? "");
        break;
      case "A":
      case "user-agent":
        o.userAgent = value;
        break;
      case "H":
      case "header":
        o.headers.push(value ?? "");
        break;
      case "cacert":
        o.cacert = value;
        break;
      case "no-progress-meter":
        o.noMeter = true;
        break;
      default:
        break;
    }
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      o.urls.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const name = a.slice(2);
      if (LONG_WITH_VALUE.has(name)) {
        const value = args[++i];
        if (value === undefined) return { ok: false, message: `curl: option ${a}: requires parameter\n${TRY}`, code: 2 };
        const bad = set(name, value);
        if (bad) return bad;
      } else if (LONG_FLAGS.has(name)) {
        set(name, undefined);
      } else {
        return { ok: false, message: `curl: option ${a}: is unknown\n${TRY}`, code: 2 };
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (SHORT_WITH_VALUE.has(f)) {
          const rest = a.slice(j + 1);
          const value = rest !== "" ? rest : args[++i];
          if (value === undefined) return { ok: false, message: `curl: option -${f}: requires parameter\n${TRY}`, code: 2 };
          const bad = set(f, value);
          if (bad) return bad;
          break;
        }
        if (!SHORT_FLAGS.has(f)) return { ok: false, message: `curl: option -${a.slice(j)}: is unknown\n${TRY}`, code: 2 };
        set(f, undefined);
      }
      continue;
    }
    o.urls.push(a);
  }
  return { ok: true, opts: o };
}

// ---------------------------------------------------------------- output pieces

/** curl's 5-character sizes (lib/progress.c). */
function max5(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * 1024) return `${String(Math.floor(bytes / 1024)).padStart(4)}k`;
  if (bytes < 100 * 1024 * 1024) return `${String(Math.floor(bytes / 1048576)).padStart(2)}.${Math.floor((bytes % 1048576) / 104858)}M`;
  return `${String(Math.floor(bytes / 1048576)).padStart(4)}M`;
}

function time2str(seconds: number): string {
  if (seconds <= 0) return "--:--:--";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2)}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

const METER_HEAD = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n";

function meterLine(total: number, received: number, elapsedMs: number): string {
  const pct = total > 0 ? Math.floor((received * 100) / total) : 0;
  const speed = received > 0 ? Math.floor((received * 1000) / Math.max(1, elapsedMs)) : 0;
  const spent = Math.floor(elapsedMs / 1000);
  return `${String(pct).padStart(3)} ${max5(total)}  ${String(pct).padStart(3)} ${max5(received)}    0     0  ${max5(speed)}      0 --:--:-- ${time2str(spent)} --:--:-- ${max5(speed)}`;
}

/** How long a successful exchange takes (ms): a little more across nodes. */
function transferMs(seed: string, remote: boolean): number {
  return (remote ? 1.1 : 0.4) + (fnv32a(seed) % 900) / 1000;
}

/** From 7.82 curl words connect failures "Couldn't connect to server" instead of strerror. */
const modern = (env: NetToolEnv) => env.flavour === "debian" || env.flavour === "alpine" || env.flavour === "busybox";
/** Before 7.78 a failed connect says how it failed but not after how long, and is always (7). */
const legacy = (env: NetToolEnv) => env.flavour === "centos8" || env.flavour === "centos9";

function formatHead(res: HttpResponse, httpVersion: string): string {
  if (httpVersion === "2") return `HTTP/2 ${res.status} \r\n${res.headers.map(([k, v]) => `${k.toLowerCase()}: ${v}\r\n`).join("")}\r\n`;
  return formatHttpResponse({ ...res, body: "" }, httpVersion);
}

interface Exchange {
  code: number;
  message?: string;
  /** Text printed after the error line (the certificate help). */
  extra?: string;
  httpCode: number;
  url?: Url;
  ip?: string;
  port?: number;
  elapsedMs: number;
  bytes: number;
  headerBytes: number;
  contentType?: string;
  httpVersion?: string;
}

/** The -w text for one transfer. */
function writeOut(format: string, x: Exchange, method: string, out: Out): string {
  const secs = (ms: number) => (ms / 1000).toFixed(6);
  const vars: Record<string, string> = {
    http_code: String(x.httpCode).padStart(3, "0"),
    response_code: String(x.httpCode).padStart(3, "0"),
    url_effective: x.url?.href ?? "",
    url: x.url?.href ?? "",
    time_total: secs(x.elapsedMs),
    time_namelookup: secs(Math.min(x.elapsedMs, 0.02)),
    time_connect: secs(x.code === 0 ? x.elapsedMs * 0.4 : 0),
    time_appconnect: secs(0),
    time_pretransfer: secs(x.code === 0 ? x.elapsedMs * 0.45 : 0),
    time_starttransfer: secs(x.code === 0 ? x.elapsedMs * 0.9 : 0),
    time_redirect: secs(0),
    size_download: String(x.bytes),
    size_header: String(x.headerBytes),
    size_request: String(x.url ? 78 + x.url.host.length : 0),
    size_upload: "0",
    speed_download: String(x.bytes > 0 ? Math.floor((x.bytes * 1000) / Math.max(1, x.elapsedMs)) : 0),
    remote_ip: x.code === 0 || x.code === 22 ? (x.ip ?? "") : "",
    remote_port: x.code === 0 || x.code === 22 ? String(x.port ?? "") : "",
    local_ip: "",
    local_port: "",
    content_type: x.contentType ?? "",
    num_redirects: "0",
    num_connects: x.code === 0 ? "1" : "0",
    redirect_url: "",
    http_version: x.httpVersion ?? "0",
    scheme: x.url ? x.url.scheme.toUpperCase() : "",
    method,
    exitcode: String(x.code),
    errormsg: x.message ?? "",
    ssl_verify_result: "0",
  };
  let text = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === "%" && format[i + 1] === "%") {
      text += "%";
      i++;
    } else if (c === "%" && format[i + 1] === "{") {
      const end = format.indexOf("}", i);
      if (end < 0) {
        text += c;
        continue;
      }
      const name = format.slice(i + 2, end);
      if (name in vars) text += vars[name];
      else if (name === "stderr" || name === "stdout") {
        /* stream switches: ignored */
      } else out.err(`curl: unknown --write-out variable: '${name}'\n`);
      i = end;
    } else if (c === "\\" && i + 1 < format.length) {
      const n = format[i + 1]!;
      text += n === "n" ? "\n" : n === "t" ? "\t" : n === "r" ? "\r" : n === "\\" ? "\\" : `\\${n}`;
      i++;
    } else text += c;
  }
  return text;
}

function tlsVerboseLines(ok: boolean, verified: boolean): string[] {
  const hello = [
    "* ALPN, offering h2",
    "* ALPN, offering http/1.1",
    "*  CAfile: /etc/ssl/certs/ca-certificates.crt",
    "*  CApath: /etc/ssl/certs",
    "* TLSv1.0 (OUT), TLS header, Certificate Status (22):",
    "* TLSv1.3 (OUT), TLS handshake, Client hello (1):",
  ];
  if (!ok) return hello;
  return [
    ...hello,
    "* TLSv1.2 (IN), TLS header, Certificate Status (22):",
    "* TLSv1.3 (IN), TLS handshake, Server hello (2):",
    "* TLSv1.3 (IN), TLS handshake, Certificate (11):",
    "* TLSv1.3 (IN), TLS handshake, Finished (20):",
    "* TLSv1.3 (OUT), TLS handshake, Finished (20):",
    "* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256",
    "* ALPN, server accepted to use h2",
    "* Server certificate:",
    "*  subject: CN=kube-apiserver",
    "*  issuer: CN=kubernetes",
    verified ? "*  SSL certificate verify ok." : "*  SSL certificate verify result: unable to get local issuer certificate (20), continuing anyway.",
    "* Using HTTP2, server supports multiplexing",
    "* Connection state changed (HTTP/2 confirmed)",
    "* Copying HTTP/2 data in stream buffer to connection buffer after upgrade: len=0",
  ];
}

const CERT_HELP =
  "More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n";

/** Runs curl in `env` (a machine's shell or a pod). */
export function runCurl(env: NetToolEnv, args: string[]): CommandResult {
  const parsed = parseCurlArgs(args);
  if (!parsed.ok) return { stdout: "", stderr: parsed.message, exitCode: parsed.code };
  const o = parsed.opts;
  const out = new Out();
  if (o.urls.length === 0) {
    out.err(`curl: no URL specified!\n${TRY}`);
    return out.result(2);
  }
  const version = CURL_VERSIONS[env.flavour];
  const ua = o.userAgent ?? `curl/${version}`;
  const method = o.method ?? (o.head ? "HEAD" : o.data !== undefined ? "POST" : "GET");
  const showErrors = !o.silent || o.showError;
  let format = o.writeOut;
  if (format?.startsWith("@")) format = readText(env, format.slice(1)) ?? "";
  const caFile = o.cacert !== undefined ? absolute(env, o.cacert) : undefined;
  let exitCode = 0;
  o.urls.forEach((raw, index) => {
    const remoteName = o.remoteName ? (raw.replace(/[?#].*$/, "").replace(/^[a-z]+:\/\/[^/]*/i, "").split("/").pop() ?? "") : undefined;
    const toFile = o.output ?? remoteName;
    // The meter shows whenever the body does not go to the terminal (a file, a pipe).
    const meter = !o.silent && !o.noMeter && (toFile !== undefined && toFile !== "-" ? true : !env.stdoutIsTty);
    if (meter) out.err(METER_HEAD);
    // With -v the first meter update is on screen before the connection lines start.
    if (meter && o.verbose) out.err(meterLine(0, 0, 0));
    const v = (line: string) => {
      if (o.verbose) out.err(`${line}\n`);
    };
    const x = transfer(env, o, raw, index, { ua, method, caFile, toFile, v, out });
    if (meter) out.err(`${meterLine(x.bytes, x.bytes, x.elapsedMs)}\n`);
    if (x.code !== 0) {
      if (o.verbose && x.code !== 3 && x.code !== 1 && x.code !== 2) out.err(`* Closing connection ${index}\n`);
      if (x.message && showErrors) out.err(`curl: (${x.code}) ${x.message}\n${x.extra ?? ""}`);
    } else if (o.verbose) out.err(`* Connection #${index} to host ${x.url?.host ?? ""} left intact\n`);
    if (format !== undefined) out.out(writeOut(format, x, method, out));
    if (x.code !== 0) exitCode = x.code;
  });
  return out.result(exitCode);
}

function absolute(env: NetToolEnv, path: string): string {
  if (path.startsWith("/")) return path;
  const cwd = env.files?.cwd ?? "/";
  return `${cwd === "/" ? "" : cwd}/${path}`;
}

interface TransferContext {
  ua: string;
  method: string;
  caFile?: string;
  toFile?: string;
  v: (line: string) => void;
  out: Out;
}

/** One URL: resolve, connect, TLS, request, response; time moves by what it took. */
function transfer(env: NetToolEnv, o: CurlOptions, raw: string, index: number, t: TransferContext): Exchange {
  const { v, out, method } = t;
  const fail = (code: number, message: string, rest: Partial<Exchange> = {}): Exchange => ({ code, message, httpCode: 0, elapsedMs: 0, bytes: 0, headerBytes: 0, ...rest });
  const pre = parseUrl(raw);
  if (!pre.ok) {
    if (pre.why === "protocol") return fail(1, `Protocol "${pre.scheme}" not supported or disabled in libcurl`);
    return fail(3, "URL using bad/illegal format or missing URL");
  }
  if (t.toFile === "") {
    return fail(23, "Remote file name has no length!");
  }
  const url = pre.url;
  if (t.caFile !== undefined && url.scheme === "https" && env.files && env.files.host.fs[t.caFile]?.type !== "file") {
    return fail(77, `error setting certificate file: ${t.caFile}`, { url });
  }
  const r: HttpOutcome = httpFromSource(env.world, env.src, raw, { method, userAgent: t.ua, insecure: o.insecure, ...(t.caFile ? { caFile: t.caFile } : {}) });
  const limit = Math.min(o.maxTimeMs ?? Infinity, o.connectTimeoutMs ?? Infinity);
  if (!r.ok && r.stage === "url") return fail(3, "URL using bad/illegal format or missing URL");
  if (!r.ok && r.stage === "resolve") {
    if (r.elapsedMs > limit) {
      spend(env, limit + 1);
      return fail(28, `Resolving timed out after ${limit + 1} milliseconds`, { url, elapsedMs: limit + 1 });
    }
    spend(env, r.elapsedMs);
    v(`* Could not resolve host: ${url.host}`);
    return fail(6, `Could not resolve host: ${url.host}`, { url, elapsedMs: r.elapsedMs });
  }
  const resolveMs = r.ok ? r.resolveMs : (r.resolveMs ?? 0);
  spend(env, resolveMs);
  const ip = r.ip;
  const port = url.port;
  const at = { url, ip, port };
  if (env.flavour === "centos8") {
    v(`*   Trying ${ip}...`);
    v("* TCP_NODELAY set");
  } else v(`*   Trying ${ip}:${port}...`);
  if (!r.ok && r.stage === "connect") {
    const now = env.world.now();
    const natural = r.why === "refused" || r.why === "net-unreachable" ? 0 : r.why === "no-route" ? arpTimeoutMs(ip, now) : synTimeoutMs(ip, port, now);
    if (natural > limit) {
      spend(env, limit + 1);
      const msg = `Connection timed out after ${limit + 1} milliseconds`;
      v(`* ${msg}`);
      return fail(28, msg, { ...at, elapsedMs: limit + 1 });
    }
    spend(env, natural);
    const strerror = r.why === "refused" ? "Connection refused" : r.why === "no-route" ? "No route to host" : r.why === "net-unreachable" ? "Network is unreachable" : "Connection timed out";
    const code = r.why === "timeout" && !legacy(env) ? 28 : 7;
    const msg = legacy(env) ? `Failed to connect to ${url.host} port ${port}: ${strerror}` : `Failed to connect to ${url.host} port ${port} after ${natural} ms: ${modern(env) ? "Couldn't connect to server" : strerror}`;
    v(`* connect to ${ip} port ${port} failed: ${strerror}`);
    v(`* ${msg}`);
    return fail(code, msg, { ...at, elapsedMs: natural });
  }
  v(`* Connected to ${url.host} (${ip}) port ${port} (#${index})`);
  if (!r.ok && r.stage === "tls") {
    if (o.verbose) for (const l of tlsVerboseLines(false, false)) v(l);
    if (r.why === "wrong-version") {
      v("* error:0A00010B:SSL routines::wrong version number");
      return fail(35, "error:0A00010B:SSL routines::wrong version number", at);
    }
    if (r.why === "cert-required") return fail(56, "OpenSSL SSL_read: error:0A00045C:SSL routines::tlsv13 alert certificate required, errno 0", at);
    if (r.why === "name-mismatch") {
      v(`* SSL: no alternative certificate subject name matches target host name '${url.host}'`);
      return { ...fail(60, `SSL: no alternative certificate subject name matches target host name '${url.host}'`, at), extra: CERT_HELP };
    }
    v("* SSL certificate problem: unable to get local issuer certificate");
    return { ...fail(60, "SSL certificate problem: unable to get local issuer certificate", at), extra: CERT_HELP };
  }
  const remote = r.ok ? r.server.node !== undefined && r.server.node !== env.src.node?.spec.name : false;
  const took = Math.max(1, Math.round(transferMs(`${raw}|${env.world.now()}|${index}`, remote)));
  const h2 = r.ok && r.httpVersion === "2";
  if (o.verbose) {
    if (url.scheme === "https") for (const l of tlsVerboseLines(true, !o.insecure)) v(l);
    if (h2) v("* Using Stream ID: 1 (easy handle 0x55d0c4a1e2a0)");
    const hostHeader = `${url.host}${port !== (url.scheme === "https" ? 443 : 80) ? `:${port}` : ""}`;
    const lines = [`${method} ${url.path} HTTP/${h2 ? "2" : "1.1"}`, `Host: ${hostHeader}`, `${h2 ? "user-agent" : "User-Agent"}: ${t.ua}`, `${h2 ? "accept" : "Accept"}: */*`, ...o.headers, ""];
    for (const l of lines) out.err(`> ${l}\r\n`);
  }
  if (!r.ok) {
    spend(env, took);
    if (r.why === "http09") return fail(1, "Received HTTP/0.9 when not allowed", { ...at, elapsedMs: took });
    v("* Empty reply from server");
    return fail(52, "Empty reply from server", { ...at, elapsedMs: took });
  }
  const res = r.response;
  const head = formatHead(res, r.httpVersion);
  if (o.verbose) {
    if (!modern(env) && !h2) out.err("* Mark bundle as not supporting multiuse\n");
    for (const line of head.split("\r\n").slice(0, -1)) out.err(`< ${line}\r\n`);
  }
  spend(env, took);
  if (o.fail && res.status >= 400) {
    const msg = `The requested URL returned error: ${res.status}`;
    v(`* ${msg}`);
    return fail(22, msg, { ...at, httpCode: res.status, elapsedMs: took });
  }
  const body = o.head || method === "HEAD" ? "" : res.body;
  const shown = (o.head || o.include ? head : "") + body;
  if (t.toFile !== undefined && t.toFile !== "-") {
    const problem = saveFile(env, t.toFile, shown);
    if (problem) {
      out.err(`Warning: Failed to create the file ${t.toFile}: ${problem}\n`);
      return fail(23, "Failure writing output to destination", { ...at, elapsedMs: took });
    }
    if (o.verbose && body) out.err(`{ [${body.length} bytes data]\n`);
  } else out.out(shown);
  const contentType = res.headers.find(([k]) => k.toLowerCase() === "content-type")?.[1];
  return { code: 0, httpCode: res.status, ...at, elapsedMs: took + resolveMs, bytes: body.length, headerBytes: head.length, ...(contentType ? { contentType } : {}), httpVersion: r.httpVersion };
}
