import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
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

/**
 * Points the app's own client (`prisma()` in lib/db/client.ts, used by route handlers and lib
 * modules) at a fresh database for the test file, and returns that database.
 */
export function withAppDatabase(): () => ReturnType<typeof freshDatabase> {
  let db: ReturnType<typeof freshDatabase> | undefined;
  const holder = globalThis as unknown as { kubeclassPrisma?: PrismaClient };
  beforeAll(() => {
    db = freshDatabase();
    process.env.DATABASE_URL = db.url;
    holder.kubeclassPrisma = db.client;
  });
  afterAll(async () => {
    delete holder.kubeclassPrisma;
    await db?.dispose();
  });
  return () => db!;
}
