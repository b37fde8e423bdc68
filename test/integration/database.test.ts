import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { demoAccounts, DEMO_INVITE_CODE, DEMO_PASSWORD, seedDemoData } from "@/lib/db/demo";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/client";
import { emptyDatabase, freshDatabase } from "@/test/support/db";

let disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  // Clients first, then the databases they use.
  for (const dispose of disposers.reverse()) await dispose();
  disposers = [];
});

function database() {
  const db = freshDatabase();
  disposers.push(db.dispose);
  return db;
}

describe("the demo seed", () => {
  it("creates one instructor, a cohort with three learners, and hashes their passwords", async () => {
    const { client } = database();
    expect(await seedDemoData(client)).toBe(true);

    const users = await client.user.findMany({ orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.role])).toEqual(
      [...demoAccounts].sort((a, b) => a.email.localeCompare(b.email)).map((a) => [a.email, a.role]),
    );
    const cohort = await client.cohort.findUniqueOrThrow({
      where: { inviteCode: DEMO_INVITE_CODE },
      include: { instructor: true, memberships: { include: { user: true } } },
    });
    expect(cohort.instructor.role).toBe("instructor");
    expect(cohort.memberships.map((m) => m.user.role)).toEqual(["learner", "learner", "learner"]);

    for (const user of users) {
      expect(user.passwordHash).toMatch(/^scrypt\$/);
      expect(user.passwordHash).not.toContain(DEMO_PASSWORD);
      expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash!)).toBe(true);
      expect(await verifyPassword("wrong", user.passwordHash!)).toBe(false);
    }
  });

  it("does nothing on a database that already has users", async () => {
    const { client } = database();
    await client.user.create({ data: { email: "someone@example.com", name: "Someone" } });
    expect(await seedDemoData(client)).toBe(false);
    expect(await client.user.count()).toBe(1);
  });
});

describe("the start-up database step", () => {
  it("migrates and seeds a new database, and a second start keeps everything", async () => {
    // A database nobody has touched: the start script must migrate (and, for SQLite, create) it.
    const target = emptyDatabase();
    disposers.push(target.dispose);
    const env = { ...process.env, DATABASE_URL: target.url };
    const prepare = () =>
      execFileSync("node_modules/.bin/tsx", ["scripts/prepare-db.ts"], { env, encoding: "utf8", stdio: "pipe" });

    expect(prepare()).toMatch(/Seeded the demo cohort/);
    const db = createPrismaClient(target.url);
    disposers.push(() => db.$disconnect());
    const learner = await db.user.findUniqueOrThrow({ where: { email: "noa@example.com" } });
    await db.lessonProgress.create({ data: { userId: learner.id, course: "c", lesson: "l" } });
    const before = await db.user.findMany({ orderBy: { id: "asc" } });
    // The seed's own lesson progress plus the row just added.
    const progress = await db.lessonProgress.count();
    // A restart: the old server's connection is gone before the new start migrates (SQLite
    // in WAL mode lets the schema engine change the file only when nobody else has it open).
    await db.$disconnect();

    expect(prepare()).not.toMatch(/Seeded/);
    const again = createPrismaClient(target.url);
    disposers.push(() => again.$disconnect());
    expect(await again.user.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await again.lessonProgress.count()).toBe(progress);
    expect(await again.lessonProgress.count({ where: { course: "c", lesson: "l" } })).toBe(1);
    // Two starts of the real script (migrations and the demo seed, which runs lab sandboxes).
  }, 180_000);
});
