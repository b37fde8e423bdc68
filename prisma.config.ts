import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, preparedSqliteFile } from "./lib/db/url";

// Sets DATABASE_URL to the default when unset: `prisma generate` needs the schema's url to
// resolve, or it falls back to downloading a query engine.
const url = databaseUrl();

// Prisma 6.19 with the JS schema engine: migrate and db push run through the better-sqlite3
// adapter, so nothing native is downloaded (Prisma 7's CLI would fetch a schema engine).
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: preparedSqliteFile(url) });
  },
});
