import fs from "node:fs";
import path from "node:path";

/** The default database: a git-ignored file under data/. */
export const DEFAULT_DATABASE_URL = "file:./data/kubeclass.db";

/** DATABASE_URL, defaulted, and exported back into the environment for Prisma's CLI. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  process.env.DATABASE_URL = url;
  return url;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The SQLite file path of a `file:` URL, resolved against the project root (the cwd). */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`Not a SQLite file URL: ${url}`);
  const [p = ""] = url.slice("file:".length).split("?");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}

/** The SQLite file path, with its folder created: SQLite creates files, not folders. */
export function preparedSqliteFile(url: string): string {
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
