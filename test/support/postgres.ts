// A throwaway PostgreSQL server on loopback for tests and benchmarks: Debian's `postgresql`
// binaries, a data directory in /tmp, trust authentication, stopped (and deleted) afterwards.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PostgresServer {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Where createdb, dropdb and pg_dump are. */
  binDir: string;
  /** The URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/** The directory holding initdb and postgres, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "postgres")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0]!, "bin") : null;
}

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

// PostgreSQL refuses to run as root; as root, the server runs as the `postgres` user.
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

async function waitForConnections(port: number, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    // Listening is not ready: the server accepts connections once recovery is done.
    if (ok && /ready to accept connections/.test(log())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`postgres did not start within 30 s:\n${log()}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install -y postgresql)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-pg-"));
  const data = path.join(dir, "data");
  fs.mkdirSync(data);
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const [initCmd, initArgs] = asServerUser(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  execFileSync(initCmd, initArgs, { stdio: "pipe" });
  const port = await freePort();
  // Durability settings off: a test server trades crash safety for speed.
  const [cmd, args] = asServerUser(path.join(bin, "postgres"), [
    "-D", data,
    "-p", String(port),
    "-k", dir,
    "-c", "listen_addresses=127.0.0.1",
    "-c", "fsync=off",
    "-c", "synchronous_commit=off",
    "-c", "full_page_writes=off",
    "-c", "max_connections=200",
  ]);
  let output = "";
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  try {
    await waitForConnections(port, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const urlFor = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor("postgres"),
    port,
    binDir: bin,
    urlFor,
    stop: async () => {
      if (child.exitCode === null) {
        // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, nothing waits. It goes
        // to the server itself (postmaster.pid), since runuser does not pass it on.
        const pid = Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
        const exited = new Promise((r) => child.once("exit", r));
        process.kill(pid, "SIGINT");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
