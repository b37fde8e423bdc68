// One schema, two databases, and migrations that never drift from it: the checked-in PostgreSQL
// schema is the one generated from prisma/schema.prisma, and for each database the migrations
// build exactly what the schema describes (compared with a database made by `db push`). The
// Prisma CLI runs several times here, slowly when other test files compete for the CPU, hence
// the long timeouts.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readSchemas } from "@/scripts/postgres-schema";
import { startPostgres, type PostgresServer } from "@/test/support/postgres";

const prisma = path.join("node_modules", ".bin", "prisma");

function prismaCli(args: string[], url: string) {
  execFileSync(prisma, args, { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

/** Tables, columns, indexes and foreign keys of a SQLite file, in a stable order. */
function sqliteStructure(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    return tables.map((table) => ({
      table,
      columns: db.pragma(`table_info("${table}")`),
      indexes: (db.pragma(`index_list("${table}")`) as { name: string; unique: number }[])
        .map((i) => ({ name: i.name, unique: i.unique, columns: (db.pragma(`index_info("${i.name}")`) as { name: string }[]).map((c) => c.name) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: db.pragma(`foreign_key_list("${table}")`),
    }));
  } finally {
    db.close();
  }
}

describe("the database schema", () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-drift-"));
  let ownPostgres: PostgresServer | null = null;
  afterAll(async () => {
    await ownPostgres?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("has a checked-in PostgreSQL schema generated from the SQLite one (else: npm run db:migration -- <name>)", () => {
    const { generated, checkedIn } = readSchemas();
    expect(checkedIn).toBe(generated);
  });

  it("builds the same SQLite database from its migrations as from the schema", () => {
    const migrated = path.join(scratch, "migrated.db");
    const pushed = path.join(scratch, "pushed.db");
    prismaCli(["migrate", "deploy"], `file:${migrated}`);
    prismaCli(["db", "push", "--skip-generate"], `file:${pushed}`);
    expect(sqliteStructure(migrated)).toEqual(sqliteStructure(pushed));
  }, 180_000);

  it("builds the same PostgreSQL database from its migrations as from the schema", async () => {
    const shared = inject("postgres");
    const server = shared ?? (ownPostgres = await startPostgres());
    const { port, binDir } = server;
    const createdb = (name: string) => execFileSync(path.join(binDir, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name], { stdio: "pipe" });
    const url = (name: string) => `postgresql://postgres@127.0.0.1:${port}/${name}`;
    createdb("drift_migrated");
    createdb("drift_pushed");
    prismaCli(["migrate", "deploy"], url("drift_migrated"));
    prismaCli(["db", "push", "--skip-generate"], url("drift_pushed"));
    // pg_dump's \restrict lines carry a random key per run; the rest is the structure.
    const dump = (name: string) =>
      execFileSync(path.join(binDir, "pg_dump"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "--schema-only", "--no-owner", "--exclude-table=_prisma_migrations", name], { encoding: "utf8" })
        .split("\n")
        .filter((line) => !/^\\(un)?restrict /.test(line))
        .join("\n");
    const migrated = dump("drift_migrated");
    expect(migrated).toContain('CREATE TABLE public."SandboxCommand"');
    expect(migrated).toBe(dump("drift_pushed"));
  }, 180_000);
});
