import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import type { PostgresTestServer } from "./global-setup";

/**
 * A fresh, migrated database for one test file or test: a copy of the run's base file, or with
 * TEST_DATABASE=postgres a new PostgreSQL database made from the run's migrated template.
 * `file` is the SQLite file ("" on PostgreSQL).
 */
export function freshDatabase(): { url: string; file: string; client: PrismaClient; dispose: () => Promise<void> } {
  const postgres = inject("postgres");
  if (postgres) return freshPostgresDatabase(postgres);
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

/** Whether this run's tests use PostgreSQL (TEST_DATABASE=postgres) rather than SQLite. */
export function testingPostgres(): boolean {
  return Boolean(inject("postgres"));
}

function freshPostgresDatabase(postgres: PostgresTestServer) {
  const name = `test_${randomBytes(6).toString("hex")}`;
  execFileSync(path.join(postgres.binDir, "createdb"), ["-h", "127.0.0.1", "-p", String(postgres.port), "-U", "postgres", "-T", postgres.template, name], { stdio: "pipe" });
  const url = `postgresql://postgres@127.0.0.1:${postgres.port}/${name}`;
  const client = createPrismaClient(url);
  return {
    url,
    file: "",
    client,
    dispose: async () => {
      await client.$disconnect();
      execFileSync(path.join(postgres.binDir, "dropdb"), ["-h", "127.0.0.1", "-p", String(postgres.port), "-U", "postgres", "--force", name], { stdio: "pipe" });
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
    // The app's sandbox service writes snapshots after its answers: they finish first.
    const app = globalThis as unknown as { kubeclassSandboxes?: { settle(): Promise<void> } };
    await app.kubeclassSandboxes?.settle();
    delete app.kubeclassSandboxes;
    delete holder.kubeclassPrisma;
    await db?.dispose();
  });
  return () => db!;
}

/**
 * Everything a test database holds, as bytes to search: the SQLite file with its journal and
 * write-ahead log, or a full dump (schema and data) of the PostgreSQL database.
 */
export async function storedBytes(db: ReturnType<typeof freshDatabase>): Promise<Buffer> {
  const postgres = inject("postgres");
  if (postgres) {
    const name = new URL(db.url).pathname.slice(1);
    return execFileSync(path.join(postgres.binDir, "pg_dump"), ["-h", "127.0.0.1", "-p", String(postgres.port), "-U", "postgres", name]);
  }
  await db.client.$executeRawUnsafe("PRAGMA wal_checkpoint(FULL)").catch(() => undefined);
  const dir = path.dirname(db.file);
  return Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
}

/**
 * A database nobody has migrated yet, for start-up tests: a path where no SQLite file exists,
 * or a new, empty PostgreSQL database. `dispose` removes it.
 */
export function emptyDatabase(): { url: string; dispose: () => Promise<void> } {
  const postgres = inject("postgres");
  if (postgres) {
    const name = `empty_${randomBytes(6).toString("hex")}`;
    const args = ["-h", "127.0.0.1", "-p", String(postgres.port), "-U", "postgres"];
    execFileSync(path.join(postgres.binDir, "createdb"), [...args, name], { stdio: "pipe" });
    return {
      url: `postgresql://postgres@127.0.0.1:${postgres.port}/${name}`,
      dispose: async () => void execFileSync(path.join(postgres.binDir, "dropdb"), [...args, "--force", name], { stdio: "pipe" }),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-empty-"));
  return { url: `file:${path.join(dir, "fresh.db")}`, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
