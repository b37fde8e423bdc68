import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type AppServer = {
  baseURL: string;
  databaseUrl: string;
  stop: () => Promise<void>;
  /** Kills the server at once (SIGKILL to its process group), as a crash would. */
  kill: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode} before serving:\n${log()}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Starts the app the way the README does (`npm start`: migrate, seed, build when needed,
 * serve) on a free port, with a database of its own unless `databaseUrl` names one (several
 * servers may share a PostgreSQL database).
 */
export async function startAppServer(options: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<AppServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-e2e-"));
  const databaseUrl = options.databaseUrl ?? `file:${path.join(dir, "e2e.db")}`;
  const port = await freePort();
  let output = "";
  const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", ...(options.env ?? {}) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const baseURL = `http://127.0.0.1:${port}`;
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      // The start script spawns next; the whole process group goes.
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, name);
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const stop = () => signal("SIGTERM");
  try {
    await waitUntilUp(`${baseURL}/en`, child, () => output, 10 * 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, databaseUrl, stop, kill: () => signal("SIGKILL") };
}
