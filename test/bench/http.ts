// HTTP load: many learners, each with a sandbox of their own, each running one command per
// second against the built app on loopback. Reports exec latency percentiles and errors.
import { execFileSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { startAppServer, type AppServer } from "@/test/e2e/support/app-server";
import { startPostgres } from "@/test/support/postgres";
import type { Metrics } from "./engine";

// What learners type most: reads, with a write now and then.
const COMMANDS = [
  "kubectl get nodes",
  "kubectl get pods -A",
  "kubectl get deploy,rs,po -o wide",
  "kubectl describe node node01",
  "ls /etc/kubernetes/manifests",
  "kubectl create deployment web{n} --image=nginx:1.27 --replicas=2",
  "kubectl get events --sort-by=.lastTimestamp",
  "kubectl scale deployment web{n} --replicas=3",
  "kubectl get svc -A",
  "kubectl delete deployment web{n}",
];

interface Learner {
  cookie: string;
  id: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function newLearner(baseURL: string): Promise<Learner> {
  const res = await fetch(`${baseURL}/api/sandboxes`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  if (res.status !== 201) throw new Error(`creating a sandbox answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  return { id, cookie: (res.headers.get("set-cookie") ?? "").split(";")[0]! };
}

/**
 * One exec request as a browser's terminal sends it, on a kept-alive connection; resolves with
 * the status (0 when it failed or took over 10 s). Plain node:http: the load generator shares
 * the machine's cores with the server, and fetch costs several times as much per request.
 */
function postExec(agent: http.Agent, base: string, learner: Learner, command: string): Promise<number> {
  const url = new URL(`${base}/api/sandboxes/${learner.id}/exec`);
  const body = JSON.stringify({ command });
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), Cookie: learner.cookie, "Accept-Encoding": "gzip, deflate, br" },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

/**
 * `learners` sandboxes, each sent a command every second for `seconds` seconds (starts spread
 * over the first second). A request that fails, answers non-200 or takes over 10 s is an error.
 * Learners are at different steps of the script, as a class is; `lockstep` has every learner
 * type the same command in the same second (the cluster work after a write lands at once).
 */
export async function loadRun(baseURLs: string[], learners: number, seconds: number, prefix = "http", options: { lockstep?: boolean } = {}): Promise<Metrics> {
  const people: Learner[] = [];
  // Sandboxes are created before the clock starts: creation is not what is measured.
  for (let i = 0; i < learners; i++) people.push(await newLearner(baseURLs[i % baseURLs.length]!));
  const latencies: number[] = [];
  let errors = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: learners });
  const started = performance.now();
  await Promise.all(
    people.map(async (learner, index) => {
      const base = baseURLs[index % baseURLs.length]!;
      await new Promise((r) => setTimeout(r, (index / learners) * 1000));
      for (let tick = 0; tick < seconds; tick++) {
        const due = started + (index / learners) * 1000 + tick * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const step = tick + (options.lockstep ? 0 : index);
        const command = COMMANDS[step % COMMANDS.length]!.replaceAll("{n}", String(Math.floor(step / COMMANDS.length)));
        const t = performance.now();
        if ((await postExec(agent, base, learner, command)) !== 200) errors++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    [`${prefix}_exec_p50_ms`]: round(percentile(latencies, 50)),
    [`${prefix}_exec_p99_ms`]: round(percentile(latencies, 99)),
    [`${prefix}_exec_errors`]: errors,
    [`${prefix}_exec_requests`]: latencies.length,
  };
}

/**
 * 200 learners against one app server built and started as `npm start` does (one app process
 * per core); then the same class in lockstep, the worst case.
 */
export async function benchHttp(learners = 200, seconds = 30): Promise<Metrics> {
  const server = await startAppServer();
  try {
    const spread = await loadRun([server.baseURL], learners, seconds);
    return { ...spread, ...(await loadRun([server.baseURL], learners, seconds, "http_lockstep", { lockstep: true })) };
  } finally {
    await server.stop();
  }
}

/**
 * Scale-out on PostgreSQL: the same load on one app server, then twice the learners spread over
 * two servers sharing the database (each learner stays on one server, as a load balancer with
 * sticky sessions would keep them).
 */
export async function benchHttpPostgres(learners = 200, seconds = 30): Promise<Metrics> {
  const postgres = await startPostgres();
  const servers: AppServer[] = [];
  try {
    const database = (name: string) => {
      execFileSync(path.join(postgres.binDir, "createdb"), ["-h", "127.0.0.1", "-p", String(postgres.port), "-U", "postgres", name], { stdio: "pipe" });
      return postgres.urlFor(name);
    };
    const one = await startAppServer({ databaseUrl: database("bench_one") });
    servers.push(one);
    const single = await loadRun([one.baseURL], learners, seconds, "http_pg_1server");
    await one.stop();
    servers.length = 0;
    const shared = database("bench_two");
    servers.push(await startAppServer({ databaseUrl: shared }));
    servers.push(await startAppServer({ databaseUrl: shared }));
    const double = await loadRun(
      servers.map((s) => s.baseURL),
      learners * 2,
      seconds,
      "http_pg_2servers",
    );
    return { ...single, ...double };
  } finally {
    for (const s of servers) await s.stop();
    await postgres.stop();
  }
}
