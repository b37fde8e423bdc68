import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPostgres } from "./postgres";

export interface PostgresTestServer {
  port: number;
  binDir: string;
  /** A migrated database that every test database is created from. */
  template: string;
}

const TEMPLATE = "kubeclass_template";

function migrate(url: string) {
  execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

// Migrates once per run; each test file then gets a database of its own made from that one
// (a file copy for SQLite, CREATE DATABASE ... TEMPLATE for PostgreSQL; see test/support/db.ts),
// so tests never share a database and never pay for migrations more than once.
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE === "postgres") {
    const server = await startPostgres();
    execFileSync(path.join(server.binDir, "createdb"), ["-h", "127.0.0.1", "-p", String(server.port), "-U", "postgres", TEMPLATE], { stdio: "pipe" });
    migrate(server.urlFor(TEMPLATE));
    project.provide("postgres", { port: server.port, binDir: server.binDir, template: TEMPLATE });
    project.provide("baseDatabaseFile", "");
    return server.stop;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-test-"));
  const baseDb = path.join(dir, "base.db");
  migrate(`file:${baseDb}`);
  project.provide("baseDatabaseFile", baseDb);
  project.provide("postgres", null);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabaseFile: string;
    postgres: PostgresTestServer | null;
  }
}
