import Database from "better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from ".prisma/postgres-client";
import { databaseUrl, isPostgresUrl, preparedSqliteFile } from "./url";
import { sharedConnection, type DriverFactory } from "./plain-sql";

type ClientAdapter = ConstructorParameters<typeof PrismaClient>[0] extends infer O ? (O extends { adapter?: infer A } ? A : never) : never;

/**
 * Builds a client for a database URL (scripts and tests pass their own): a `file:` URL opens
 * SQLite through better-sqlite3, a `postgres://` URL opens PostgreSQL through node-postgres.
 */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) return createPostgresClient(url);
  const file = preparedSqliteFile(url);
  // Write-ahead logging (a property of the file): readers never wait for the writer, and a
  // commit appends to the log instead of rewriting pages; every command is a commit.
  const setup = new Database(file);
  try {
    setup.pragma("journal_mode = WAL");
  } finally {
    setup.close();
  }
  const { factory, attach } = sharedConnection(new PrismaBetterSQLite3({ url: file, timeout: 5000 }) as unknown as DriverFactory);
  const client = new PrismaClient({ adapter: factory as unknown as ClientAdapter });
  attach(client);
  // With WAL, NORMAL still survives a crash of the process; only a power cut may lose the
  // last commits. Prisma sends this on its single connection before any other query.
  void client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  return client;
}

/** Connections per app server; several servers share the database's max_connections. */
export function postgresPoolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

function createPostgresClient(url: string): PrismaClient {
  const { factory, attach } = sharedConnection(new PrismaPg({ connectionString: url, max: postgresPoolSize() }) as unknown as DriverFactory);
  // Both clients come from the same models (prisma/postgres/schema.prisma is generated from
  // prisma/schema.prisma), so they answer the same queries with the same types.
  const client = new PostgresPrismaClient({ adapter: factory as unknown as ClientAdapter }) as unknown as PrismaClient;
  attach(client);
  return client;
}

// One client per process; dev-mode hot reloads reuse it instead of opening new connections.
const globalForPrisma = globalThis as unknown as { kubeclassPrisma?: PrismaClient };

export function prisma(): PrismaClient {
  globalForPrisma.kubeclassPrisma ??= createPrismaClient();
  return globalForPrisma.kubeclassPrisma;
}
