import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, preparedSqliteFile } from "./url";

/** Builds a client for a database URL (scripts and tests pass their own). */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: preparedSqliteFile(url) }) });
}

// One client per process; dev-mode hot reloads reuse it instead of opening new connections.
const globalForPrisma = globalThis as unknown as { kubeclassPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  globalForPrisma.kubeclassPrisma ??= createPrismaClient();
  return globalForPrisma.kubeclassPrisma;
}
