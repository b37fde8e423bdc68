import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

// Builds one migrated SQLite file per run; each test file copies it (see test/support/db.ts),
// so tests never share a database and never pay for migrations more than once.
export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-test-"));
  const baseDb = path.join(dir, "base.db");
  execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${baseDb}` },
    stdio: "pipe",
  });
  project.provide("baseDatabaseFile", baseDb);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabaseFile: string;
  }
}
