import { prisma } from "./client";
import type { Db } from "./types";

// Failed sign-ins per key ("email:<hash>", "ip:<address>") in the database, so every server
// sharing it enforces the same limit.

/** Failures per key since `since`. */
export async function countFailures(keys: string[], since: Date, db: Db = prisma()): Promise<Record<string, { count: number; oldest: Date | null }>> {
  const rows = await db.signInAttempt.groupBy({
    by: ["key"],
    where: { key: { in: keys }, at: { gte: since } },
    _count: { _all: true },
    _min: { at: true },
  });
  const result: Record<string, { count: number; oldest: Date | null }> = Object.fromEntries(keys.map((k) => [k, { count: 0, oldest: null }]));
  for (const row of rows) result[row.key] = { count: row._count._all, oldest: row._min.at };
  return result;
}

/** Records one failure under each key and forgets those keys' failures older than `before`. */
export async function recordFailure(keys: string[], at: Date, before: Date, db: Db = prisma()): Promise<void> {
  await db.signInAttempt.deleteMany({ where: { key: { in: keys }, at: { lt: before } } });
  await db.signInAttempt.createMany({ data: keys.map((key) => ({ key, at })) });
}

export async function clearFailures(key: string, db: Db = prisma()): Promise<void> {
  await db.signInAttempt.deleteMany({ where: { key } });
}
