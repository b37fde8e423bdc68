import { execFileSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureChromium } from "./chromium";
import { startAppServer } from "./app-server";
import { startPostgres, type PostgresServer } from "../../support/postgres";

// One app server for the run, on SQLite, or with TEST_DATABASE=postgres on a PostgreSQL server
// started for the run (tests that need more databases create them there).
export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium();
  let postgres: PostgresServer | null = null;
  if (process.env.TEST_DATABASE === "postgres") {
    postgres = await startPostgres();
    execFileSync(path.join(postgres.binDir, "createdb"), ["-h", "127.0.0.1", "-p", String(postgres.port), "-U", "postgres", "e2e"], { stdio: "pipe" });
  }
  const server = await startAppServer(postgres ? { databaseUrl: postgres.urlFor("e2e") } : {});
  project.provide("baseURL", server.baseURL);
  project.provide("chromiumPath", chromiumPath);
  project.provide("databaseUrl", server.databaseUrl);
  project.provide("e2ePostgres", postgres ? { port: postgres.port, binDir: postgres.binDir } : null);
  return async () => {
    await server.stop();
    await postgres?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string;
    databaseUrl: string;
    /** The run's PostgreSQL server (TEST_DATABASE=postgres), else null. */
    e2ePostgres: { port: number; binDir: string } | null;
  }
}
