// wget: GNU Wget 1.21.2 on the machines (progress on stderr, downloads saved to files, retries on
// timeouts), BusyBox's applet in pods (terse, one attempt).
import type { CommandResult } from "../../shell/types";
import { arpTimeoutMs, httpFromSource, parseUrl, synTimeoutMs, type HttpOutcome } from "../../network";
import { fnv32a } from "../../random";
import { fileExists, isBusybox, isoStamp, Out, saveFile, spend, type NetToolEnv } from "./common";

interface WgetOptions {
  quiet: boolean;
  output?: string;
  spider: boolean;
  timeoutMs?: number;
  tries: number;
  userAgent?: string;
  urls: string[];
}

const GNU_USAGE = "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";
const BB_USAGE =
  "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n\n\t--spider\tOnly check URL existence: $? is 0 if exists\n\t-c\t\tContinue retrieval of aborted transfer\n\t-q\t\tQuiet\n\t-P DIR\t\tSave to DIR (default .)\n\t-S    \t\tShow server response\n\t-T SEC\t\tNetwork read timeout is SEC seconds\n\t-O FILE\t\tSave to FILE ('-' for stdout)\n\t-o LOGFILE\tLog messages to FILE\n\t-U STR\t\tUse STR for User-Agent header\n\t-Y on/off\tUse proxy\n";

function parse(args: string[]): WgetOptions | string {
  const o: WgetOptions = { quiet: false, spider: false, tries: 20, urls: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (rest: string) => (rest !== "" ? rest : args[++i]);
    if (a === "--spider") o.spider = true;
    else if (a === "--quiet") o.quiet = true;
    else if (a.startsWith("--output-document=")) o.output = a.slice(18);
    else if (a === "--output-document") o.output = args[++i];
    else if (a.startsWith("--timeout=")) o.timeoutMs = Number(a.slice(10)) * 1000;
    else if (a.startsWith("--tries=")) o.tries = Number(a.slice(8)) || 20;
    else if (a.startsWith("--user-agent=")) o.userAgent = a.slice(13);
    else if (a.startsWith("--")) continue;
    else if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (f === "q") o.quiet = true;
        else if (f === "O") {
          o.output = value(a.slice(j + 1));
          break;
        } else if (f === "T") {
          o.timeoutMs = Number(value(a.slice(j + 1))) * 1000;
          break;
        } else if (f === "t") {
          o.tries = Number(value(a.slice(j + 1))) || 20;
          break;
        } else if (f === "U") {
          o.userAgent = value(a.slice(j + 1));
          break;
        } else if (f === "S" || f === "c" || f === "v" || f === "n") continue;
        else return `wget: invalid option -- '${f}'\n`;
      }
    } else o.urls.push(a);
  }
  return o;
}

/** "615" or "6.89K", as wget prints sizes in its bar. */
function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = ["K", "M", "G"];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v)}${units[u]}`;
}

/** The size after "Length:": one decimal below 10 units, none above ("2.4K", "12K"). */
function lengthSize(n: number): string {
  const units = ["K", "M", "G", "T"];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : v.toFixed(0)}${units[u]}`;
}

/** wget's "(600 KB/s)" rate. */
function rate(bytes: number, ms: number): string {
  let v = (bytes * 1000) / Math.max(0.5, ms);
  const units = ["B/s", "KB/s", "MB/s", "GB/s"];
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const digits = v >= 99.95 ? 0 : v >= 9.995 ? 1 : 2;
  return `${v.toFixed(digits)} ${units[u]}`;
}

function saveName(env: NetToolEnv, path: string): string {
  const clean = path.replace(/[?#].*$/, "");
  const base = clean.endsWith("/") ? "index.html" : clean.slice(clean.lastIndexOf("/") + 1) || "index.html";
  if (!fileExists(env, base)) return base;
  for (let i = 1; ; i++) if (!fileExists(env, `${base}.${i}`)) return `${base}.${i}`;
}

const strerror = (why: string) => (why === "refused" ? "Connection refused" : why === "no-route" ? "No route to host" : why === "net-unreachable" ? "Network is unreachable" : "Connection timed out");

/** GNU Wget, as on Ubuntu 22.04. */
function gnuWget(env: NetToolEnv, o: WgetOptions): CommandResult {
  const out = new Out();
  const log = (t: string) => {
    if (!o.quiet) out.err(t);
  };
  let exitCode = 0;
  if (o.spider) log("Spider mode enabled. Check if remote file exists.\n");
  for (const raw of o.urls) {
    const pre = parseUrl(raw);
    if (!pre.ok) {
      out.err(pre.why === "protocol" ? `${raw}: Unsupported scheme ‘${pre.scheme}’.\n` : `${raw}: Invalid URL.\n`);
      exitCode = 1;
      continue;
    }
    const url = pre.url;
    const ua = o.userAgent ?? "Wget/1.21.2";
    let attempt = 1;
    for (;;) {
      log(`--${isoStamp(env.world.now())}--  ${attempt > 1 ? `(try:${String(attempt).padStart(2)})  ` : ""}${url.href}\n`);
      const r: HttpOutcome = httpFromSource(env.world, env.src, raw, { method: o.spider ? "HEAD" : "GET", userAgent: ua });
      const named = url.host !== (r.ok || r.stage === "connect" || r.stage === "tls" || r.stage === "reply" ? r.ip : url.host);
      if (!r.ok && r.stage === "resolve") {
        spend(env, r.elapsedMs);
        log(`Resolving ${url.host} (${url.host})... failed: ${r.why === "nxdomain" ? "Name or service not known" : "Temporary failure in name resolution"}.\n`);
        out.err(`wget: unable to resolve host address ‘${url.host}’\n`);
        exitCode = 4;
        break;
      }
      spend(env, r.ok ? r.resolveMs : (r.resolveMs ?? 0));
      const ip = r.ok ? r.ip : r.stage === "connect" || r.stage === "tls" || r.stage === "reply" ? r.ip : url.host;
      if (named) log(`Resolving ${url.host} (${url.host})... ${ip}\n`);
      const target = named ? `${url.host} (${url.host})|${ip}|:${url.port}` : `${url.host}:${url.port}`;
      if (!r.ok && r.stage === "connect") {
        const now = env.world.now();
        const natural = r.why === "refused" ? 0 : r.why === "no-route" ? arpTimeoutMs(ip, now) : synTimeoutMs(ip, url.port, now);
        const took = o.timeoutMs !== undefined && r.why === "timeout" ? Math.min(natural, o.timeoutMs) : natural;
        spend(env, took);
        log(`Connecting to ${target}... failed: ${strerror(r.why)}.\n`);
        // A refused connection is final; a timeout or an unreachable host is retried.
        if (r.why === "refused" || r.why === "net-unreachable" || attempt >= o.tries) {
          if (r.why !== "refused" && r.why !== "net-unreachable") log("Giving up.\n\n");
          exitCode = 4;
          break;
        }
        log("Retrying.\n\n");
        spend(env, Math.min(attempt, 10) * 1000);
        attempt++;
        continue;
      }
      log(`Connecting to ${target}... connected.\n`);
      if (!r.ok && r.stage === "tls") {
        log(r.why === "wrong-version" ? "OpenSSL: error:0A00010B:SSL routines::wrong version number\nUnable to establish SSL connection.\n" : `ERROR: cannot verify ${url.host}'s certificate, issued by ‘CN=kubernetes’:\n  Unable to locally verify the issuer's authority.\nTo connect to ${url.host} insecurely, use \`--no-check-certificate'.\n`);
        exitCode = r.why === "wrong-version" ? 4 : 5;
        break;
      }
      if (!r.ok) {
        log("HTTP request sent, awaiting response... No data received.\nRetrying.\n\n");
        if (attempt >= o.tries) {
          exitCode = 4;
          break;
        }
        spend(env, Math.min(attempt, 10) * 1000);
        attempt++;
        continue;
      }
      const res = r.response;
      const took = 0.4 + (fnv32a(`${raw}|${env.world.now()}`) % 900) / 1000;
      spend(env, Math.round(took));
      log(`HTTP request sent, awaiting response... ${res.status} ${res.reason}\n`);
      if (res.status >= 400) {
        log(`${isoStamp(env.world.now())} ERROR ${res.status}: ${res.reason}.\n\n`);
        if (o.spider) log("Remote file does not exist -- broken link!!!\n");
        exitCode = 8;
        break;
      }
      const type = res.headers.find(([k]) => k.toLowerCase() === "content-type")?.[1]?.split(";")[0];
      const len = res.headers.find(([k]) => k.toLowerCase() === "content-length")?.[1];
      const body = res.body;
      log(`Length: ${len ?? "unspecified"}${len && Number(len) >= 1024 ? ` (${lengthSize(Number(len))})` : ""}${type ? ` [${type}]` : ""}\n`);
      if (o.spider) {
        log(type === "text/html" ? "Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n" : "Remote file exists.\n\n");
        break;
      }
      const toStdout = o.output === "-";
      const name = o.output ?? saveName(env, url.path);
      log(`Saving to: ‘${toStdout ? "STDOUT" : name}’\n\n`);
      if (toStdout) out.out(body);
      else {
        const problem = saveFile(env, name, body);
        if (problem) {
          out.err(`${name}: ${problem}\n`);
          exitCode = 3;
          break;
        }
      }
      const label = (toStdout ? "-" : name).slice(0, 19).padEnd(19);
      log(`${label} 100%[===================>] ${humanSize(body.length).padStart(7)}  --.-KB/s    in 0s      \n\n`);
      log(`${isoStamp(env.world.now())} (${rate(body.length, took)}) - ${toStdout ? "written to stdout" : `‘${name}’ saved`} [${body.length}${len ? `/${len}` : ""}]\n\n`);
      break;
    }
  }
  return out.result(exitCode);
}

/** BusyBox wget, as in busybox and alpine based images. */
function busyboxWget(env: NetToolEnv, o: WgetOptions): CommandResult {
  const out = new Out();
  const log = (t: string) => {
    if (!o.quiet) out.err(t);
  };
  for (const raw of o.urls) {
    const pre = parseUrl(raw);
    if (!pre.ok) {
      out.err(`wget: not an http or ftp url: ${raw}\n`);
      return out.result(1);
    }
    const url = pre.url;
    const r = httpFromSource(env.world, env.src, raw, { method: "GET", userAgent: o.userAgent ?? "Wget" });
    if (!r.ok && r.stage === "resolve") {
      spend(env, r.elapsedMs);
      out.err(`wget: bad address '${url.host}'\n`);
      return out.result(1);
    }
    const ip = r.ok ? r.ip : r.stage === "connect" || r.stage === "tls" || r.stage === "reply" ? r.ip : url.host;
    log(`Connecting to ${url.host}${url.port !== 80 ? `:${url.port}` : ""} (${ip}:${url.port})\n`);
    if (!r.ok && r.stage === "connect") {
      const natural = r.why === "refused" ? 0 : r.why === "no-route" ? arpTimeoutMs(ip, env.world.now()) : synTimeoutMs(ip, url.port, env.world.now());
      if (o.timeoutMs !== undefined && natural > o.timeoutMs) {
        spend(env, o.timeoutMs);
        out.err("wget: download timed out\n");
        return out.result(1);
      }
      spend(env, natural);
      out.err(`wget: can't connect to remote host (${ip}): ${strerror(r.why)}\n`);
      return out.result(1);
    }
    if (!r.ok) {
      out.err(r.stage === "tls" ? "wget: error getting response: Connection reset by peer\n" : "wget: error getting response\n");
      return out.result(1);
    }
    const res = r.response;
    if (res.status >= 400) {
      out.err(`wget: server returned error: HTTP/1.1 ${res.status} ${res.reason}\n`);
      return out.result(1);
    }
    if (o.spider) {
      log("remote file exists\n");
      continue;
    }
    const size = String(res.body.length).padStart(3);
    if (o.output === "-") {
      log("writing to stdout\n");
      out.out(res.body);
      log(`-                    100% |********************************|   ${size}  0:00:00 ETA\nwritten to stdout\n`);
      continue;
    }
    const name = o.output ?? (url.path.replace(/[?#].*$/, "").endsWith("/") ? "index.html" : url.path.slice(url.path.lastIndexOf("/") + 1) || "index.html");
    if (o.output === undefined && fileExists(env, name)) {
      out.err(`wget: can't open '${name}': File exists\n`);
      return out.result(1);
    }
    saveFile(env, name, res.body);
    log(`saving to '${name}'\n${name.padEnd(20)} 100% |********************************|   ${size}  0:00:00 ETA\n'${name}' saved\n`);
  }
  return out.result(0);
}

/** Runs wget in `env`. */
export function runWget(env: NetToolEnv, args: string[]): CommandResult {
  const busybox = isBusybox(env.flavour);
  const o = parse(args);
  if (typeof o === "string") return { stdout: "", stderr: busybox ? BB_USAGE : `${o}Usage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`, exitCode: busybox ? 1 : 2 };
  if (o.urls.length === 0) return { stdout: "", stderr: busybox ? BB_USAGE : GNU_USAGE, exitCode: 1 };
  return busybox ? busyboxWget(env, o) : gnuWget(env, o);
}
