import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "@/lib/db/client";

/** A fresh, migrated database for one test file or test: a copy of the run's base file. */
export function freshDatabase(): { url: string; file: string; client: PrismaClient; dispose: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-db-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(inject("baseDatabaseFile"), file);
  const url = `file:${file}`;
  const client = createPrismaClient(url);
  return {
    url,
    file,
    client,
    dispose: async () => {
      await client.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
