// The PostgreSQL schema is generated from the one source of truth, prisma/schema.prisma (the
// SQLite schema): only the datasource and the client's output differ. The checked-in copy,
// prisma/postgres/schema.prisma, is the state of the newest PostgreSQL migration (see
// scripts/db-migration.ts); a test fails when it lags behind the SQLite schema.
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

const HEADER = "// Generated from prisma/schema.prisma by `npm run db:migration`. Do not edit.\n";
const DATASOURCE = /datasource db \{[^}]*\}/;
const GENERATOR = /generator client \{[^}]*\}/;
const SQLITE_DATASOURCE = 'datasource db {\n  provider = "sqlite"\n  // Kept so that `prisma generate` does not try to download a query engine.\n  url      = env("DATABASE_URL")\n}';
const POSTGRES_DATASOURCE = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}';
const OUTPUT = '\n  // A client of its own: the default one is generated for SQLite.\n  output     = "../../node_modules/.prisma/postgres-client"';

export function postgresSchema(sqlite: string): string {
  if (!DATASOURCE.test(sqlite) || !GENERATOR.test(sqlite)) throw new Error("prisma/schema.prisma: no `datasource db` or `generator client` block");
  return HEADER + sqlite.replace(DATASOURCE, POSTGRES_DATASOURCE).replace(GENERATOR, (block) => block.replace(/\n\}$/, `${OUTPUT}\n}`));
}

/** The SQLite datamodel a generated PostgreSQL schema came from (models are identical). */
export function sqliteSchemaOf(postgres: string): string {
  return postgres.replace(HEADER, "").replace(DATASOURCE, SQLITE_DATASOURCE).replace(OUTPUT, "");
}

export function readSchemas(root = process.cwd()) {
  const sqlite = fs.readFileSync(path.join(root, SQLITE_SCHEMA), "utf8");
  const file = path.join(root, POSTGRES_SCHEMA);
  return { sqlite, generated: postgresSchema(sqlite), checkedIn: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null };
}
