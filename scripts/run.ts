import { spawn, type SpawnOptions } from "node:child_process";

/** Runs a command, inheriting stdio; rejects with its exit code on failure. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    // Ctrl-C or a service manager's SIGTERM reaches the child too, so nothing is left running.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward).on("SIGTERM", forward);
    child.on("exit", () => process.off("SIGINT", forward).off("SIGTERM", forward));
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

export const bin = (name: string) => `node_modules/.bin/${name}`;

/**
 * Generates both database clients: the default one for SQLite and the one for PostgreSQL (its
 * schema, prisma/postgres/schema.prisma, is generated from the SQLite one). Each run sees a URL
 * of its own database kind: with none that fits, generate would fetch a query engine.
 */
export async function generateClients() {
  const current = process.env.DATABASE_URL ?? "";
  const sqlite = current.startsWith("file:") ? current : "file:./data/kubeclass.db";
  const postgres = /^postgres(ql)?:\/\//.test(current) ? current : "postgresql://localhost:5432/kubeclass";
  await run(bin("prisma"), ["generate"], { env: { ...process.env, DATABASE_URL: sqlite } });
  await run(bin("prisma"), ["generate", "--schema", "prisma/postgres/schema.prisma"], { env: { ...process.env, DATABASE_URL: postgres } });
}
