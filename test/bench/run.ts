// `npm run bench`: a readable table, or `--json` for one JSON object of metric → number.
import { benchIdleDay, benchIdleHeap, benchSandboxCreate, benchScheduler, type Metrics } from "./engine";

const goals: Record<string, string> = {
  sandbox_create_ms_p50: "≤ 5",
  sandbox_restore_ms_p50: "",
  idle_sandbox_heap_kb: "≤ 300",
  scheduler_pods_per_s: "≥ 10000",
  idle_day_cpu_ms: "< 50",
};

const json = process.argv.includes("--json");
const metrics: Metrics = {};
for (const bench of [benchSandboxCreate, benchIdleHeap, benchScheduler, benchIdleDay]) {
  Object.assign(metrics, bench());
  if (!json) process.stderr.write(".");
}
if (json) {
  console.log(JSON.stringify(metrics));
} else {
  console.log("\n");
  const width = Math.max(...Object.keys(metrics).map((k) => k.length));
  console.log(`${"metric".padEnd(width)}  ${"value".padStart(10)}  goal`);
  for (const [k, v] of Object.entries(metrics)) console.log(`${k.padEnd(width)}  ${String(v).padStart(10)}  ${goals[k] ?? ""}`);
}
