// `npm run bench`: a readable table, or `--json` for one JSON object of metric → number.
// `--engine` runs only the engine benchmarks (no app build, no HTTP load).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchIdleDay, benchIdleHeap, benchSandboxCreate, benchScheduler, type Metrics } from "./engine";
import { benchHttp, benchHttpPostgres } from "./http";

const goals: Record<string, string> = {
  sandbox_create_ms_p50: "≤ 5",
  sandbox_restore_ms_p50: "",
  idle_sandbox_heap_kb: "≤ 300",
  idle_created_sandbox_heap_kb: "",
  scheduler_pods_per_s: "≥ 10000",
  idle_day_cpu_ms: "< 50",
  http_exec_p50_ms: "",
  http_exec_p99_ms: "≤ 50",
  http_exec_errors: "0",
  http_lockstep_exec_p50_ms: "",
  http_lockstep_exec_p99_ms: "",
  http_lockstep_exec_errors: "0",
  http_pg_1server_exec_p99_ms: "",
  http_pg_2servers_exec_p99_ms: "",
  http_pg_2servers_exec_errors: "0",
};

const json = process.argv.includes("--json");
const engineOnly = process.argv.includes("--engine");
const BENCHES: Record<string, () => Metrics | Promise<Metrics>> = {
  create: benchSandboxCreate,
  heap: benchIdleHeap,
  scheduler: benchScheduler,
  "idle-day": benchIdleDay,
  http: () => benchHttp(),
  "http-postgres": () => benchHttpPostgres(),
};
const names = Object.keys(BENCHES).filter((n) => !engineOnly || !n.startsWith("http"));

/**
 * Each engine benchmark runs in a process of its own: what one leaves behind (a large heap, code
 * the JIT specialised for a thousand nodes) must not be measured by the next.
 */
function runAlone(name: string): Metrics {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--only", name], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  if (r.status !== 0) throw new Error(`benchmark ${name} failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Metrics;
}

async function main() {
  const only = process.argv.indexOf("--only");
  if (only >= 0) {
    const bench = BENCHES[process.argv[only + 1] ?? ""];
    if (!bench) throw new Error(`no benchmark ${process.argv[only + 1]}`);
    console.log(JSON.stringify(await bench()));
    return;
  }
  const metrics: Metrics = {};
  for (const name of names) {
    // The HTTP benchmarks measure servers of their own; they run here.
    Object.assign(metrics, name.startsWith("http") ? await BENCHES[name]!() : runAlone(name));
    if (!json) process.stderr.write(".");
  }
  report(metrics);
}

function report(metrics: Metrics) {
  if (json) {
    console.log(JSON.stringify(metrics));
    return;
  }
  console.log("\n");
  const width = Math.max(...Object.keys(metrics).map((k) => k.length));
  console.log(`${"metric".padEnd(width)}  ${"value".padStart(10)}  goal`);
  for (const [k, v] of Object.entries(metrics)) console.log(`${k.padEnd(width)}  ${String(Math.round(v * 10) / 10).padStart(10)}  ${goals[k] ?? ""}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
