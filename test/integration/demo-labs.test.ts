// The demo learners' lab work is real: it comes from commands run through the sandbox service
// and the recording, so the dashboards show true attempts, timelines and command logs.
import { afterEach, describe, expect, it } from "vitest";
import { seedDemoData } from "@/lib/db/demo";
import { listLabEvents, listTaskResults } from "@/lib/db/lab-attempts";
import { freshDatabase } from "@/test/support/db";

let disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers) await dispose();
  disposers = [];
});

describe("the demo lab attempts", () => {
  it("give each demo learner a recorded lab attempt with its command log", async () => {
    const db = freshDatabase();
    disposers.push(db.dispose);
    const now = Date.now();
    expect(await seedDemoData(db.client)).toBe(true);

    const rows = await db.client.labAttempt.findMany({ orderBy: { startedAt: "asc" } });
    const attempts = await Promise.all(
      rows.map(async (row) => ({
        ...row,
        email: (await db.client.user.findUniqueOrThrow({ where: { id: row.userId } })).email,
        events: await listLabEvents(row.id, db.client),
        taskResults: await listTaskResults(row.id, db.client),
        commands: await db.client.sandboxCommand.findMany({ where: { sandboxId: row.sandboxId! }, orderBy: { seq: "asc" } }),
      })),
    );
    const byEmail = new Map(attempts.map((a) => [a.email, a] as const));
    expect([...byEmail.keys()].sort()).toEqual(["ayse@example.com", "dmitri@example.com", "noa@example.com"]);
    for (const a of attempts) {
      // Started in the past days, with the commands that produced the results kept in the log.
      expect(a.startedAt.getTime()).toBeLessThan(now);
      expect(a.commands.length).toBeGreaterThanOrEqual(a.commandCount);
    }

    // Ayşe completed lab 1, after breaking its first task on the way.
    const ayse = byEmail.get("ayse@example.com")!;
    expect(ayse).toMatchObject({ labId: "docker-macvlan-network", hintsUsed: 0, solutionShown: false });
    expect(ayse.completedAt).not.toBeNull();
    expect(ayse.events.map((e) => [e.kind, e.taskId])).toEqual([
      ["task-passed", "create-news"],
      ["task-failed", "create-news"],
      ["task-passed", "create-news"],
      ["task-passed", "half-range"],
      ["completed", null],
    ]);
    const wrongStep = ayse.commands.find((c) => c.seq === ayse.events[1]!.commandSeq)!;
    expect(wrongStep.command).toBe("docker network rm news news-half");
    expect(ayse.events.at(-1)!.detail).toEqual({ commandCount: ayse.commandCount, durationMs: ayse.completedAt!.getTime() - ayse.startedAt.getTime() });

    // Dmitri is half-way, with a hint on the probes.
    const dmitri = byEmail.get("dmitri@example.com")!;
    expect(dmitri).toMatchObject({ labId: "deployment-probes-resources", completedAt: null, hintsUsed: 1 });
    expect(dmitri.taskResults.map((t) => [t.taskId, t.passed])).toEqual([
      ["deployment", true],
      ["namespace", true],
      ["probes", false],
      ["resources", false],
    ]);
    expect(dmitri.events.filter((e) => e.kind === "hint").map((e) => [e.taskId, e.detail])).toEqual([["probes", { index: 0 }]]);

    // Noa finished after hints and the solution.
    const noa = byEmail.get("noa@example.com")!;
    expect(noa).toMatchObject({ labId: "docker-bridge-networks", hintsUsed: 5, solutionShown: true });
    expect(noa.completedAt).not.toBeNull();
    expect(noa.events.map((e) => e.kind).filter((k) => k === "solution" || k === "completed")).toEqual(["solution", "completed"]);
  });
});
