// Lab attempts are recorded on the server from the sandbox service's own events: every command
// grades the lab, transitions become timeline events, the first full pass completes the attempt.
import { afterEach, describe, expect, it } from "vitest";
import { createSandboxService } from "@/lib/sandboxes/factory";
import { listLabEvents, listTaskResults } from "@/lib/db/lab-attempts";
import { freshDatabase } from "@/test/support/db";

const START = Date.UTC(2026, 10, 22, 9, 0, 0);
let disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers) await dispose();
  disposers = [];
});

async function setup() {
  const db = freshDatabase();
  disposers.push(db.dispose);
  const clock = { now: START };
  const service = createSandboxService(db.client, { now: () => clock.now });
  // Snapshots are written after the answers: they finish before the database goes.
  disposers.unshift(() => service.settle());
  const learner = await db.client.user.create({ data: { name: "Ayşe" } });
  return { db, clock, service, learner: learner.id };
}

/** Types each line as a learner would, 20 seconds apart; returns each line's seq. */
async function type(service: ReturnType<typeof createSandboxService>, clock: { now: number }, id: string, owner: string, lines: string[]) {
  const seqs: number[] = [];
  for (const line of lines) {
    clock.now += 20_000;
    seqs.push((await service.exec(id, owner, line)).seq);
  }
  return seqs;
}

const login = ["ssh tony@stapp01", "Ir0nM@n", "sudo su -", "Ir0nM@n"];
const createNews = "docker network create -d macvlan --subnet 172.28.0.0/24 --ip-range 172.28.0.1/24 news";
const halfRange = ["docker network create --subnet 172.29.0.0/24 --ip-range 172.29.0.128/25 news-half", "docker run -d --name web --network news-half nginx"];

describe("lab attempt recording", () => {
  it("opens an attempt with a lab sandbox and stores the starting checklist without events", async () => {
    const { db, service, learner } = await setup();
    const { id } = await service.create(learner, "docker-macvlan-network");
    const attempt = await db.client.labAttempt.findUniqueOrThrow({ where: { sandboxId: id } });
    expect(attempt).toMatchObject({ userId: learner, labId: "docker-macvlan-network", startedAt: new Date(START), completedAt: null, commandCount: 0, hintsUsed: 0, solutionShown: false });
    const results = await listTaskResults(attempt.id, db.client);
    expect(results.map((r) => [r.taskId, r.passed, r.firstPassedAt])).toEqual([
      ["create-news", false, null],
      ["half-range", false, null],
    ]);
    expect(results[0]!.message).toBe("Docker network news on stapp01 does not exist.");
    expect(await listLabEvents(attempt.id, db.client)).toEqual([]);

    // A sandbox without a lab has no attempt.
    await service.create(learner);
    expect(await db.client.labAttempt.count()).toBe(1);
  });

  it("records each pass, a wrong step that breaks a task, and the completion once with its command count and time", async () => {
    const { db, clock, service, learner } = await setup();
    const { id } = await service.create(learner, "docker-macvlan-network");
    const attemptId = (await db.client.labAttempt.findUniqueOrThrow({ where: { sandboxId: id } })).id;

    // No one asks for a grade: the commands alone are recorded.
    const seqs = await type(service, clock, id, learner, [
      ...login,
      createNews,
      "docker network create --subnet 172.29.0.0/24 news-half",
      "docker run -d --name web --network news-half nginx",
      "docker rm -f web",
      "docker network rm news news-half",
      createNews,
      ...halfRange,
    ]);
    const [create, , , , removeBoth, recreate, , run] = seqs.slice(4);
    const events = await listLabEvents(attemptId, db.client);
    expect(events.map((e) => [e.kind, e.taskId, e.commandSeq])).toEqual([
      ["task-passed", "create-news", create],
      ["task-failed", "create-news", removeBoth],
      ["task-passed", "create-news", recreate],
      ["task-passed", "half-range", run],
      ["completed", null, run],
    ]);
    expect(events[1]!.detail).toEqual({ message: "Docker network news on stapp01 does not exist." });

    // ssh and its password make one command, as does sudo su - with its password: 2 + 8.
    const completedAt = new Date(START + seqs.length * 20_000);
    const attempt = await db.client.labAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt).toMatchObject({ completedAt, commandCount: 10 });
    expect(events.at(-1)!.detail).toEqual({ commandCount: 10, durationMs: seqs.length * 20_000 });
    const results = await listTaskResults(attemptId, db.client);
    expect(results.map((r) => [r.taskId, r.passed, r.firstPassedAt])).toEqual([
      ["create-news", true, new Date(START + 5 * 20_000)],
      ["half-range", true, completedAt],
    ]);
  });

  it("after completion, records a regression and a new pass, never a second completion, and stops counting", async () => {
    const { db, clock, service, learner } = await setup();
    const { id } = await service.create(learner, "docker-macvlan-network");
    const attemptId = (await db.client.labAttempt.findUniqueOrThrow({ where: { sandboxId: id } })).id;
    await type(service, clock, id, learner, [...login, createNews, ...halfRange]);
    const completed = await db.client.labAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(completed).toMatchObject({ completedAt: new Date(START + 7 * 20_000), commandCount: 5 });

    const [rm, again] = await type(service, clock, id, learner, ["docker network rm news", createNews]);
    const events = await listLabEvents(attemptId, db.client);
    expect(events.slice(-2).map((e) => [e.kind, e.taskId, e.commandSeq, e.detail])).toEqual([
      ["task-failed", "create-news", rm, { message: "Docker network news on stapp01 does not exist." }],
      ["task-passed", "create-news", again, {}],
    ]);
    expect(events.filter((e) => e.kind === "completed")).toHaveLength(1);
    expect(await db.client.labAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ completedAt: completed.completedAt, commandCount: 5 });
    expect((await listTaskResults(attemptId, db.client))[0]).toMatchObject({ passed: true, firstPassedAt: new Date(START + 5 * 20_000) });
  });

  it("records what time alone changes when the sandbox is looked at, after the last command's seq", async () => {
    const { db, clock, service, learner } = await setup();
    const { id } = await service.create(learner, "deployment-probes-resources");
    const attemptId = (await db.client.labAttempt.findUniqueOrThrow({ where: { sandboxId: id } })).id;
    const [, apply] = await type(service, clock, id, learner, [
      "kubectl create namespace name-space",
      `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata: {name: nginx-deployment, namespace: name-space}
spec:
  replicas: 5
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - {name: nginx, image: "nginxdemos/hello:0.2", ports: [{containerPort: 80}]}
EOF`,
    ]);
    // Straight after the command, the pods are not ready yet.
    let deployment = (await listTaskResults(attemptId, db.client)).find((r) => r.taskId === "deployment")!;
    expect(deployment.passed).toBe(false);
    expect(deployment.message).toMatch(/of 5/);

    clock.now += 2 * 60_000;
    await service.open(id, learner);
    deployment = (await listTaskResults(attemptId, db.client)).find((r) => r.taskId === "deployment")!;
    expect(deployment).toMatchObject({ passed: true, firstPassedAt: new Date(clock.now) });
    const events = await listLabEvents(attemptId, db.client);
    expect(events.filter((e) => e.taskId === "deployment").map((e) => [e.kind, e.commandSeq])).toEqual([["task-passed", apply]]);
    // Looking again without a change writes nothing.
    const before = await db.client.labEvent.count();
    await service.open(id, learner);
    expect(await db.client.labEvent.count()).toBe(before);
  });

  it("notes a reset on the old attempt; the next sandbox is a new attempt", async () => {
    const { db, clock, service, learner } = await setup();
    const first = await service.create(learner, "docker-macvlan-network");
    const [last] = await type(service, clock, first.id, learner, ["hostname"]);
    await service.close(first.id, learner);
    const second = await service.create(learner, "docker-macvlan-network");
    const attempts = await db.client.labAttempt.findMany({ where: { userId: learner }, orderBy: { startedAt: "asc" } });
    expect(attempts.map((a) => a.sandboxId)).toEqual([first.id, second.id]);
    expect((await listLabEvents(attempts[0]!.id, db.client)).map((e) => [e.kind, e.commandSeq])).toEqual([["reset", last]]);
    expect(attempts[0]!.commandCount).toBe(1);
  });
});
