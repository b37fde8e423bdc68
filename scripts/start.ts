import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import os from "node:os";
import { prepareDatabase } from "./prepare-db";
import { buildIsCurrent, writeBuildStamp } from "./build-stamp";
import { bin, generateClients, run } from "./run";
import { startBalancer } from "./balancer";

// npm start: migrate, seed when empty, build when the sources changed, then serve on PORT. A
// Next.js server is one JavaScript thread, so a machine with several cores runs one app process
// per core (KUBECLASS_PROCESSES) behind a small balancer that keeps each learner on one of them.
process.env.NEXT_TELEMETRY_DISABLED = "1";

const APP_PROCESS = "scripts/app-process.ts";

function processCount(): number {
  const set = Number(process.env.KUBECLASS_PROCESSES);
  return Number.isInteger(set) && set > 0 ? set : os.availableParallelism();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port. */
async function listening(port: number, child: ChildProcess) {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`An app process exited with ${child.signalCode ?? child.exitCode} before it served`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function serveSeveral(port: number, count: number) {
  const ports = await Promise.all(Array.from({ length: count }, freePort));
  const children = ports.map((p) => spawn(bin("tsx"), [APP_PROCESS, "--port", String(p), "--hostname", "127.0.0.1"], { stdio: "inherit" }));
  const stopAll = (signal: NodeJS.Signals) => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  // One process gone is the whole server gone: the rest stop, and a service manager restarts it.
  const ended = new Promise<never>((_, reject) => {
    for (const child of children) {
      child.on("exit", (code, signal) => {
        stopAll("SIGTERM");
        reject(new Error(`An app process exited with ${signal ?? code}`));
      });
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopAll(signal);
      process.exit(0);
    });
  }
  await Promise.race([Promise.all(children.map((child, i) => listening(ports[i]!, child))), ended]);
  await startBalancer({ port, targets: ports });
  console.log(`Serving on port ${port} with ${count} app processes.`);
  await ended;
}

async function main() {
  await prepareDatabase();
  if (buildIsCurrent()) {
    console.log("Build is current; skipping next build.");
  } else {
    await generateClients();
    await run(bin("next"), ["build"]);
    writeBuildStamp();
  }
  const port = Number(process.env.PORT || 3000);
  const count = processCount();
  if (count === 1) await run(bin("tsx"), [APP_PROCESS, "--port", String(port)]);
  else await serveSeveral(port, count);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
