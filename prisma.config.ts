import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl, isPostgresUrl, preparedSqliteFile } from "./lib/db/url";

// Sets DATABASE_URL to the default when unset: `prisma generate` needs the schema's url to
// resolve, or it falls back to downloading a query engine.
const url = databaseUrl();
const postgres = isPostgresUrl(url);
// PostgreSQL has a schema and migrations of its own, generated from the SQLite ones.
const folder = postgres ? path.join("prisma", "postgres") : "prisma";

// Prisma 6.19 with the JS schema engine: migrate and db push run through a driver adapter
// (better-sqlite3 or node-postgres), so nothing native is downloaded.
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    return postgres ? migrationsPostgresAdapter() : new PrismaBetterSQLite3({ url: preparedSqliteFile(url) });
  },
});

// The schema engine reads PostgreSQL's catalogs, whose columns use internal types such as
// `name` and `"char"`; the pg adapter does not map them (prisma/orm#27403) and migrate fails.
// Their values arrive as strings anyway, so the migration tools see them as text.
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const CATALOG_TEXT_OIDS = new Set([18 /* "char" */, 19 /* name */, 24 /* regproc */, 194 /* pg_node_tree */, 2205 /* regclass */]);
const CATALOG_TEXT_ARRAY_OIDS = new Set([1002 /* "char"[] */, 1003 /* name[] */]);

interface Queryable {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  startTransaction?(...args: unknown[]): Promise<Queryable>;
}

function readNamesAsText(queryable: Queryable): Queryable {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      else if (CATALOG_TEXT_ARRAY_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_ARRAY_OID;
    }
    return result;
  };
  const startTransaction = queryable.startTransaction?.bind(queryable);
  if (startTransaction) queryable.startTransaction = async (...args) => readNamesAsText(await startTransaction(...args));
  return queryable;
}

function migrationsPostgresAdapter() {
  const factory = new PrismaPg({ connectionString: url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => readNamesAsText((await connect()) as unknown as Queryable) as unknown as Awaited<ReturnType<typeof connect>>;
  return factory;
}
