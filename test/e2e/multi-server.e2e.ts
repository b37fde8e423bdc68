// Two app servers on one PostgreSQL database: a learner's commands go alternately to both, a
// second learner's in between, one server is killed mid-session, and the other carries on. Every
// command's output must equal a single engine replaying the same log from the same seed, and the
// log must have no gap and no duplicate.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import { Sandbox } from "@/lib/engine/sandbox";
import { runEntry } from "@/lib/sandboxes/run-entry";
import { startAppServer, type AppServer } from "./support/app-server";
import { startPostgres, type PostgresServer } from "../support/postgres";

interface Learner {
  cookie: string;
  sandbox: string;
}

async function newLearner(server: AppServer): Promise<Learner> {
  const res = await fetch(`${server.baseURL}/api/sandboxes`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  return { sandbox: id, cookie: (res.headers.get("set-cookie") ?? "").split(";")[0]! };
}

async function exec(server: AppServer, learner: Learner, command: string): Promise<{ output: string; exitCode: number }> {
  const res = await fetch(`${server.baseURL}/api/sandboxes/${learner.sandbox}/exec`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: learner.cookie },
    body: JSON.stringify({ command }),
  });
  expect(res.status, `${command} on ${server.baseURL}`).toBe(200);
  return (await res.json()) as { output: string; exitCode: number };
}

const FIRST = [
  "kubectl create deployment web --image=nginx:1.27 --replicas=3",
  "kubectl get deploy web",
  "kubectl expose deployment web --port=80",
  "sleep 20",
  "kubectl get pods -o wide",
  "kubectl scale deployment web --replicas=5",
  "kubectl get endpoints web",
  "echo hello > note.txt",
  "cat note.txt",
];
const AFTER_CRASH = ["kubectl get pods", "kubectl set image deployment/web nginx=nginx:1.26", "kubectl rollout status deployment/web", "kubectl get rs", "cat note.txt"];
const OTHER = ["kubectl get nodes", "kubectl create namespace team", "kubectl run solo --image=busybox -n team -- sleep 3600", "kubectl get pods -n team"];

describe("two app servers sharing PostgreSQL", () => {
  let postgres: PostgresServer | null = null;
  let databaseUrl: string;
  let servers: AppServer[] = [];
  let db: PrismaClient;

  beforeAll(async () => {
    const shared = inject("e2ePostgres");
    const port = shared?.port ?? (postgres = await startPostgres()).port;
    const binDir = shared?.binDir ?? postgres!.binDir;
    execFileSync(path.join(binDir, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "two_servers"], { stdio: "pipe" });
    databaseUrl = `postgresql://postgres@127.0.0.1:${port}/two_servers`;
    // One after the other: the first start migrates and seeds, the second finds it done.
    servers.push(await startAppServer({ databaseUrl }));
    servers.push(await startAppServer({ databaseUrl }));
    db = createPrismaClient(databaseUrl);
  }, 600_000);

  afterAll(async () => {
    await db?.$disconnect();
    for (const s of servers) await s.stop();
    await postgres?.stop();
  });

  it("loses no command, runs none twice, and answers as one engine would", async () => {
    const [a, b] = servers as [AppServer, AppServer];
    const alice = await newLearner(a);
    const bob = await newLearner(b);
    const answers = new Map<string, string[]>([
      [alice.sandbox, []],
      [bob.sandbox, []],
    ]);
    for (let i = 0; i < FIRST.length; i++) {
      answers.get(alice.sandbox)!.push((await exec(i % 2 === 0 ? a : b, alice, FIRST[i]!)).output);
      const other = OTHER[i];
      if (other) answers.get(bob.sandbox)!.push((await exec(i % 2 === 0 ? b : a, bob, other)).output);
    }
    // Server a dies without warning; the learners carry on through b.
    await a.kill();
    servers = [b];
    for (const command of AFTER_CRASH) answers.get(alice.sandbox)!.push((await exec(b, alice, command)).output);
    answers.get(bob.sandbox)!.push((await exec(b, bob, "kubectl get pods -n team")).output);

    for (const [id, seen] of answers) {
      const session = await db.sandboxSession.findUniqueOrThrow({ where: { id } });
      const log = await db.sandboxCommand.findMany({ where: { sandboxId: id }, orderBy: { seq: "asc" } });
      expect(log.map((c) => c.seq)).toEqual(log.map((_, i) => i + 1));
      expect(log.map((c) => c.output)).toEqual(seen);
      // One engine, the same seed and start, the same commands at the same times.
      const engine = Sandbox.create({ seed: session.seed, startTime: Number(session.startTime) });
      const replayed = log.map((c) => {
        engine.advanceTo(Number(c.virtualTime));
        return runEntry(engine, c.command).output;
      });
      expect(replayed).toEqual(seen);
    }
    expect(answers.get(alice.sandbox)!.at(-1)).toBe("hello\n");
    expect(answers.get(alice.sandbox)![FIRST.length + 2]).toMatch(/successfully rolled out/);
  }, 180_000);
});
