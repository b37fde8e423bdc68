// `npm run bench`: a readable table, or `--json` for one JSON object of metric → number.
// `--engine` runs only the engine benchmarks (no app build, no HTTP load).
import { benchIdleDay, benchIdleHeap, benchSandboxCreate, benchScheduler, type Metrics } from "./engine";
import { benchHttp, benchHttpPostgres } from "./http";

const goals: Record<string, string> = {
  sandbox_create_ms_p50: "≤ 5",
  sandbox_restore_ms_p50: "",
  idle_sandbox_heap_kb: "≤ 300",
  idle_created_sandbox_heap_kb: "",
  scheduler_pods_per_s: "≥ 10000",
  idle_day_cpu_ms: "< 50",
  http_60_exec_p50_ms: "",
  http_60_exec_p99_ms: "",
  http_60_exec_errors: "0",
  http_exec_p50_ms: "",
  http_exec_p99_ms: "≤ 50",
  http_exec_errors: "0",
  http_pg_1server_exec_p99_ms: "",
  http_pg_2servers_exec_p99_ms: "",
  http_pg_2servers_exec_errors: "0",
};

const json = process.argv.includes("--json");
const engineOnly = process.argv.includes("--engine");
const benches: (() => Metrics | Promise<Metrics>)[] = [benchSandboxCreate, benchIdleHeap, benchScheduler, benchIdleDay];
if (!engineOnly) benches.push(() => benchHttp(), () => benchHttpPostgres());

async function main() {
  const metrics: Metrics = {};
  for (const bench of benches) {
    Object.assign(metrics, await bench());
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
