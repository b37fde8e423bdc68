// Engine benchmarks: sandbox creation, idle memory, scheduling throughput, idle CPU over a day.
import { DEFAULT_START, Sandbox, type SandboxSnapshot } from "@/lib/engine/sandbox";
import { defaultEnvironment, type EnvironmentSpec } from "@/lib/engine/environment/spec";
import { resourceForKind } from "@/lib/engine/apiserver/registry";
import { kubelets } from "@/lib/engine/kubelet/kubelet";

export type Metrics = Record<string, number>;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

export function benchSandboxCreate(runs = 15): Metrics {
  for (let i = 0; i < 5; i++) Sandbox.create({ seed: 1000 + i }); // warm up the JIT
  gc(); // each benchmark pays for its own garbage, not for what earlier ones left
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    Sandbox.create({ seed: i });
    times.push(performance.now() - t);
  }
  const template = Sandbox.create({ seed: 1 }).snapshot();
  const restores: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    Sandbox.restore(template);
    restores.push(performance.now() - t);
  }
  return { sandbox_create_ms_p50: median(times), sandbox_restore_ms_p50: median(restores) };
}

/** Heap retained per sandbox while `count` sandboxes made by `make` are kept. */
function retainedKb(count: number, make: (i: number) => Sandbox): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: Sandbox[] = [];
  for (let i = 0; i < count; i++) kept.push(make(i));
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== count) throw new Error("unreachable");
  return Math.round(((after - before) / count / 1024) * 10) / 10;
}

export function benchIdleHeap(count = 1000): Metrics {
  if (!(globalThis as { gc?: unknown }).gc) return {};
  // Each sandbox is restored from its own parse of the stored JSON, as the server does: strings
  // shared with one snapshot object would hide what every sandbox really holds.
  const stored = JSON.stringify(Sandbox.create({ seed: 1 }).snapshot());
  const restored = retainedKb(count, () => Sandbox.restore(JSON.parse(stored) as SandboxSnapshot));
  // Sandboxes as learners get them: each its own seed and start.
  const created = retainedKb(count, (i) => Sandbox.create({ seed: 10_000 + i, startTime: DEFAULT_START + i * 60_013 }));
  return { idle_sandbox_heap_kb: restored, idle_created_sandbox_heap_kb: created };
}

/** 10,000 pending pods, 1,000 Ready nodes: how fast does the scheduler bind them all? */
export function benchScheduler(nodes = 1000, podCount = 10_000): Metrics {
  const base = defaultEnvironment();
  const worker = base.nodes[1]!;
  const env: EnvironmentSpec = {
    ...base,
    id: "bench",
    nodes: [base.nodes[0]!, ...Array.from({ length: nodes }, (_, i) => ({ ...worker, name: `node${String(i + 1).padStart(4, "0")}`, ip: `10.${Math.floor(i / 250)}.${i % 250}.10`, podCidrIndex: i + 1 }))],
    addons: { coredns: false, kubeProxy: false, calico: false },
    joinIntervalMs: 10,
  };
  const sb = Sandbox.create({ seed: 1, environment: env, objectCap: 100_000 });
  // Measure the scheduler alone: kubelets stop, so bound pods are not started.
  for (const k of Object.values(kubelets(sb.cluster))) k.running = false;
  const podInfo = resourceForKind("Pod")!;
  sb.cluster.api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "bench" } });
  for (let i = 0; i < podCount; i++) {
    sb.cluster.api.create(
      { apiVersion: "v1", kind: "Pod", metadata: { name: `p${i}`, namespace: "bench", labels: { app: "bench" } }, spec: { containers: [{ name: "c", image: "nginx:1.27", resources: { requests: { cpu: "10m", memory: "16Mi" } } }] } },
      "bench",
    );
  }
  const unbound = () => sb.cluster.api.list(podInfo, "bench").filter((p) => !p.spec.nodeName).length;
  // Virtual seconds until every pod is bound; the count between steps is not timed.
  gc();
  let elapsed = 0;
  for (let second = 0; second < 60; second++) {
    const step = performance.now();
    sb.advanceBy(1000);
    elapsed += performance.now() - step;
    if (unbound() === 0) break;
  }
  const seconds = elapsed / 1000;
  const bound = podCount - unbound();
  if (bound !== podCount) throw new Error(`only ${bound} of ${podCount} pods were bound`);
  return { scheduler_pods_per_s: Math.round(podCount / seconds) };
}

/** CPU spent advancing an idle default sandbox through 24 hours of virtual time. */
export function benchIdleDay(): Metrics {
  // A server's JIT is warm: sandboxes are derived from a template, so creating one no longer
  // runs (and compiles) the control loops a day of heartbeats uses. A few days warm them.
  for (let i = 0; i < 15; i++) Sandbox.create({ seed: 990 + i }).advanceBy(24 * 3600_000);
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const sb = Sandbox.create({ seed: i });
    gc();
    const start = process.cpuUsage();
    sb.advanceBy(24 * 3600_000);
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / 1000);
  }
  return { idle_day_cpu_ms: median(runs) };
}
