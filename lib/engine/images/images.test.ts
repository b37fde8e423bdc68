import { describe, expect, it } from "vitest";
import { CATALOGUE, findByTag } from "./catalogue";
import { httpResponse, NGINX_WELCOME_HTML } from "./http";
import { planProcess, processStatusAt, renderLogs } from "./process";
import { parseReference } from "./reference";
import { resolveImage } from "./resolve";
import type { CatalogueImage } from "./types";

const img = (repo: string, tag: string): CatalogueImage => findByTag(repo, tag)!;
const BUSYBOX = () => img("docker.io/library/busybox", "latest");
const T0 = Date.parse("2025-03-01T10:00:00Z");

describe("references", () => {
  it("normalises like Docker and containerd", () => {
    const cases: [string, string, string][] = [
      ["nginx", "docker.io/library/nginx:latest", "nginx:latest"],
      ["nginx:1.27", "docker.io/library/nginx:1.27", "nginx:1.27"],
      ["library/nginx", "docker.io/library/nginx:latest", "nginx:latest"],
      ["docker.io/nginx", "docker.io/library/nginx:latest", "nginx:latest"],
      ["index.docker.io/library/nginx:1.25", "docker.io/library/nginx:1.25", "nginx:1.25"],
      ["nginxdemos/hello:plain-text", "docker.io/nginxdemos/hello:plain-text", "nginxdemos/hello:plain-text"],
      ["registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10"],
      ["localhost:5000/app", "localhost:5000/app:latest", "localhost:5000/app:latest"],
    ];
    for (const [input, normalized, familiar] of cases) {
      const r = parseReference(input);
      expect(r.ok && [r.reference.normalized, r.reference.familiarString]).toEqual([normalized, familiar]);
    }
    const digest = `sha256:${"a".repeat(64)}`;
    const byDigest = parseReference(`busybox@${digest}`);
    expect(byDigest.ok && byDigest.reference.normalized).toBe(`docker.io/library/busybox@${digest}`);
    expect(parseReference("Nginx")).toEqual({ ok: false, message: "invalid reference format: repository name (library/Nginx) must be lowercase", legacyMessage: "invalid reference format: repository name must be lowercase" });
    expect(parseReference("nginx:")).toMatchObject({ ok: false, message: "invalid reference format" });
  });

  it("resolves catalogue images and fails with the registries' texts", () => {
    const ok = resolveImage("nginx");
    expect(ok.ok && [ok.image.version, ok.image.id]).toEqual(["1.27.3", expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
    expect(resolveImage("nginx:mainline").ok && resolveImage("nginx:latest").ok).toBe(true);
    const tag = resolveImage("nginx:nope");
    expect(tag).toMatchObject({
      ok: false,
      reason: "tag-not-found",
      dockerMessage: "manifest for nginx:nope not found: manifest unknown: manifest unknown",
      criCode: "NotFound",
      criMessage: 'failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found',
    });
    expect(resolveImage("nope")).toMatchObject({
      ok: false,
      reason: "repository-not-found",
      dockerMessage: "pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      criCode: "Unknown",
    });
    const byDigest = resolveImage(`busybox@${BUSYBOX().digest}`);
    expect(byDigest.ok && byDigest.image.version).toBe("1.37.0");
  });

  it("has the control plane and the course's images, with distinct ids", () => {
    for (const ref of ["registry.k8s.io/kube-apiserver:v1.31.4", "registry.k8s.io/kube-controller-manager:v1.31.4", "registry.k8s.io/kube-scheduler:v1.31.4", "registry.k8s.io/kube-proxy:v1.31.4", "registry.k8s.io/etcd:3.5.15-0", "registry.k8s.io/coredns/coredns:v1.11.3", "calico/node:v3.29.1", "calico/cni:v3.29.1", "calico/kube-controllers:v3.29.1", "httpd", "redis", "postgres", "mysql", "alpine", "nginxdemos/hello"]) {
      expect(resolveImage(ref).ok, ref).toBe(true);
    }
    expect(new Set(CATALOGUE.map((i) => i.id)).size).toBe(CATALOGUE.length);
  });
});

describe("process plans", () => {
  it("models busybox commands as timelines", () => {
    const sleep = planProcess(BUSYBOX(), null, ["sleep", "10"]);
    expect(sleep.exit).toEqual({ atMs: 10_000, code: 0 });
    expect(sleep.handlesSigterm).toBe(false);
    expect(planProcess(BUSYBOX(), null, ["sleep", "infinity"]).exit).toBeUndefined();
    expect(planProcess(BUSYBOX(), null, ["echo", "hello", "world"]).lines).toEqual([{ atMs: 0, stream: "stdout", parts: ["hello world"] }]);
    expect(planProcess(BUSYBOX(), null, ["false"]).exit).toEqual({ atMs: 0, code: 1 });
    expect(planProcess(BUSYBOX(), null, ["exit", "3"]).startError).toEqual({ kind: "executable-not-found", executable: "exit" });
    expect(planProcess(BUSYBOX(), null, ["sh", "-c", "exit 3"]).exit).toEqual({ atMs: 0, code: 3 });
    const seq = planProcess(BUSYBOX(), null, ["sh", "-c", "echo one; sleep 2 && echo two; false && echo never; nope || echo fallback"]);
    expect(seq.lines.map((l) => [l.atMs, l.stream, l.parts.join("")])).toEqual([
      [0, "stdout", "one"],
      [2000, "stdout", "two"],
      [2000, "stderr", "sh: nope: not found"],
      [2000, "stdout", "fallback"],
    ]);
    expect(seq.exit).toEqual({ atMs: 2000, code: 0 });
    const count = planProcess(BUSYBOX(), ["sh", "-c"], ["i=1; while [ $i -le 3 ]; do echo n=$i; i=$((i+1)); sleep 1; done; echo done"]);
    expect(count.lines.map((l) => l.parts.join(""))).toEqual(["n=1", "n=2", "n=3", "done"]);
    expect(count.exit).toEqual({ atMs: 3000, code: 0 });
  });

  it("repeats endless loops lazily, with the time in each line", () => {
    const plan = planProcess(BUSYBOX(), null, ["sh", "-c", 'while true; do echo "$(date) hello"; sleep 5; done']);
    expect(plan.exit).toBeUndefined();
    expect(plan.loop).toMatchObject({ startMs: 0, periodMs: 5000 });
    const logs = renderLogs(plan, T0, T0 + 12_000);
    expect(logs.map((l) => l.text)).toEqual(["Sat Mar  1 10:00:00 UTC 2025 hello", "Sat Mar  1 10:00:05 UTC 2025 hello", "Sat Mar  1 10:00:10 UTC 2025 hello"]);
    const week = renderLogs(plan, T0, T0 + 7 * 86_400_000, { tail: 2 });
    expect(week).toHaveLength(2);
    expect(processStatusAt(plan, T0, T0 + 1e9)).toEqual({ state: "running" });
  });

  it("runs the interactive shell only with a terminal", () => {
    expect(planProcess(BUSYBOX()).exit).toEqual({ atMs: 0, code: 0 });
    expect(planProcess(BUSYBOX(), null, null, undefined, { tty: true, stdin: true }).exit).toBeUndefined();
  });

  it("starts servers with their real start-up logs and ports", () => {
    const nginx = planProcess(img("docker.io/library/nginx", "latest"));
    expect(nginx.listens).toEqual([{ port: 80, protocol: "TCP", readyAtMs: 40, http: "nginx" }]);
    expect(renderLogs(nginx, T0, T0 + 100).map((l) => l.text)).toContain("2025/03/01 10:00:00 [notice] 1#1: nginx/1.27.3");
    const echo = planProcess(img("docker.io/library/nginx", "latest"), null, ["echo", "hi"]);
    expect(echo.lines.map((l) => l.parts.join(""))).toEqual(["hi"]);
    const pg = planProcess(img("docker.io/library/postgres", "17"));
    expect(pg.exit).toEqual({ atMs: 60, code: 1 });
    expect(pg.lines[0]!.parts.join("")).toBe("Error: Database is uninitialized and superuser password is not specified.");
    expect(planProcess(img("docker.io/library/postgres", "17"), null, null, ["POSTGRES_PASSWORD=x"]).exit).toBeUndefined();
    const mysql = planProcess(img("docker.io/library/mysql", "8.4"));
    expect(mysql.exit?.code).toBe(1);
    expect(planProcess(img("registry.k8s.io/pause", "3.10")).exit).toBeUndefined();
  });
});

describe("http", () => {
  const ctx = { now: T0, serverAddress: "10.244.1.5", serverPort: 80, hostname: "web-5d8f7c9b4-x2x7q", clientAddress: "10.244.0.1" };
  it("serves nginx's welcome page (615 bytes) and logs the request", () => {
    const res = httpResponse(img("docker.io/library/nginx", "latest"), { method: "GET", path: "/", userAgent: "curl/7.88.1" }, ctx);
    expect(res.status).toBe(200);
    expect(res.body).toBe(NGINX_WELCOME_HTML);
    expect(res.body.length).toBe(615);
    expect(res.accessLog?.text).toBe('10.244.0.1 - - [01/Mar/2025:10:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"');
    expect(httpResponse("nginx", { method: "GET", path: "/nope" }, ctx).status).toBe(404);
  });
  it("serves httpd's It works! and nginxdemos/hello's plain text", () => {
    expect(httpResponse("httpd", { method: "GET", path: "/" }, ctx).body).toBe("<html><body><h1>It works!</h1></body></html>\n");
    const hello = httpResponse(img("docker.io/nginxdemos/hello", "plain-text"), { method: "GET", path: "/" }, ctx).body;
    expect(hello).toMatch(/^Server address: 10\.244\.1\.5:80\nServer name: web-5d8f7c9b4-x2x7q\nDate: 01\/Mar\/2025:10:00:00 \+0000\nURI: \/\nRequest ID: [0-9a-f]{32}\n$/);
    expect(httpResponse("hello", { method: "GET", path: "/" }, ctx).body).toContain("<span>10.244.1.5:80</span>");
  });
});
