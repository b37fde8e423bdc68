import Database from "better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, preparedSqliteFile } from "./url";

/** Builds a client for a database URL (scripts and tests pass their own). */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  const file = preparedSqliteFile(url);
  // Write-ahead logging (a property of the file): readers never wait for the writer, and a
  // commit appends to the log instead of rewriting pages; every command is a commit.
  const setup = new Database(file);
  try {
    setup.pragma("journal_mode = WAL");
  } finally {
    setup.close();
  }
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: 5000 }) });
  // With WAL, NORMAL still survives a crash of the process; only a power cut may lose the
  // last commits. Prisma sends this on its single connection before any other query.
  void client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  return client;
}

// One client per process; dev-mode hot reloads reuse it instead of opening new connections.
const globalForPrisma = globalThis as unknown as { kubeclassPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  globalForPrisma.kubeclassPrisma ??= createPrismaClient();
  return globalForPrisma.kubeclassPrisma;
}
