// The lab page's HTTP side: a lab sandbox tells its attempt, hints come one at a time and are
// recorded once, the solution opens only after a real attempt and is recorded, and nobody but
// the learner can read or touch an attempt.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as createSandbox } from "@/app/api/sandboxes/route";
import { GET as getSandbox, DELETE as closeSandbox } from "@/app/api/sandboxes/[id]/route";
import { POST as exec } from "@/app/api/sandboxes/[id]/exec/route";
import { GET as getAttempt } from "@/app/api/lab-attempts/[id]/route";
import { POST as postHint } from "@/app/api/lab-attempts/[id]/hints/route";
import { POST as postSolution } from "@/app/api/lab-attempts/[id]/solution/route";
import { loadLab } from "@/lib/labs/load";
import type { AttemptView } from "@/lib/labs/attempt";
import { withAppDatabase } from "@/test/support/db";

const database = withAppDatabase();
const LAB = "docker-macvlan-network";
const lab = loadLab(LAB)!;

function request(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  return new NextRequest(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", ...(init.cookie ? { cookie: init.cookie } : {}) },
    ...(init.body !== undefined ? { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) } : {}),
  });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function labSandbox(cookie?: string): Promise<{ sandbox: string; attempt: string; cookie: string }> {
  const created = await createSandbox(request("/api/sandboxes", { method: "POST", body: { lab: LAB }, cookie }));
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const jar = cookie ?? (created.headers.get("set-cookie") ?? "").split(";")[0]!;
  const info = (await (await getSandbox(request(`/api/sandboxes/${id}`, { cookie: jar }), params(id))).json()) as { attempt: string | null };
  expect(info.attempt).toEqual(expect.any(String));
  return { sandbox: id, attempt: info.attempt!, cookie: jar };
}

const hint = (attempt: string, cookie: string, body: unknown) => postHint(request(`/api/lab-attempts/${attempt}/hints`, { method: "POST", body, cookie }), params(attempt));
const solution = (attempt: string, cookie: string) => postSolution(request(`/api/lab-attempts/${attempt}/solution`, { method: "POST", body: {}, cookie }), params(attempt));
const view = async (attempt: string, cookie: string, locale = "tr") => (await (await getAttempt(request(`/api/lab-attempts/${attempt}?locale=${locale}`, { cookie }), params(attempt))).json()) as AttemptView;

async function recorded(attempt: string) {
  const db = database().client;
  const row = await db.labAttempt.findUniqueOrThrow({ where: { id: attempt } });
  const events = await db.labEvent.findMany({ where: { attemptId: attempt }, orderBy: { id: "asc" } });
  return { hintsUsed: row.hintsUsed, solutionShown: row.solutionShown, events: events.map((e) => [e.kind, e.taskId, JSON.parse(e.detail)]) };
}

describe("lab attempts over HTTP", () => {
  it("gives hints one at a time in the learner's language and records each once", async () => {
    const { attempt, cookie } = await labSandbox();
    const first = await hint(attempt, cookie, { taskId: "create-news", index: 0, locale: "tr" });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ taskId: "create-news", index: 0, text: lab.tasks[0]!.hints[0]!.tr, hintsUsed: 1 });

    // Skipping ahead is refused; asking again for a shown hint is answered and not counted again.
    expect((await hint(attempt, cookie, { taskId: "create-news", index: 2, locale: "tr" })).status).toBe(409);
    expect(await (await hint(attempt, cookie, { taskId: "create-news", index: 0, locale: "ru" })).json()).toMatchObject({ text: lab.tasks[0]!.hints[0]!.ru, hintsUsed: 1 });
    expect(await recorded(attempt)).toEqual({ hintsUsed: 1, solutionShown: false, events: [["hint", "create-news", { index: 0 }]] });

    const shown = await view(attempt, cookie);
    expect(shown.hints).toEqual({ "create-news": [lab.tasks[0]!.hints[0]!.tr], "half-range": [] });
    expect(shown.solution).toBeNull();
  });

  it("validates the input", async () => {
    const { attempt, cookie } = await labSandbox();
    for (const body of [{ taskId: "create-news" }, { taskId: "create-news", index: "0" }, { taskId: "create-news", index: 0, extra: 1 }, { taskId: "Nope!", index: 0 }, "{not json"]) {
      const response = await hint(attempt, cookie, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "invalid_body" });
    }
    expect((await hint(attempt, cookie, { taskId: "no-such-task", index: 0 })).status).toBe(400);
    expect((await hint(attempt, cookie, { taskId: "create-news", index: 3 })).status).toBe(400);
    expect((await solution(attempt, cookie)).status).toBe(409);
    expect((await postSolution(request(`/api/lab-attempts/${attempt}/solution`, { method: "POST", body: { show: true }, cookie }), params(attempt))).status).toBe(400);
    expect((await hint("no-such-attempt", cookie, { taskId: "create-news", index: 0 })).status).toBe(404);
    expect(await recorded(attempt)).toEqual({ hintsUsed: 0, solutionShown: false, events: [] });
  });

  it("opens the solution only after a real attempt, and records it once", async () => {
    const { attempt, cookie } = await labSandbox();
    const locked = await solution(attempt, cookie);
    expect(locked.status).toBe(409);
    expect(await locked.json()).toMatchObject({ error: "conflict" });
    expect((await view(attempt, cookie)).solutionState).toEqual({ unlocked: false, hintsLeft: 5, commandsLeft: 10, minutesLeft: 10 });

    // Every hint of every open task, one at a time.
    for (const task of lab.tasks) {
      for (let index = 0; index < task.hints.length; index++) expect((await hint(attempt, cookie, { taskId: task.id, index, locale: "en" })).status).toBe(200);
    }
    expect((await view(attempt, cookie)).solutionState.unlocked).toBe(true);
    const open = await solution(attempt, cookie);
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ solution: lab.solution });
    expect((await solution(attempt, cookie)).status).toBe(200);

    const after = await recorded(attempt);
    expect(after.hintsUsed).toBe(5);
    expect(after.solutionShown).toBe(true);
    expect(after.events.filter(([kind]) => kind === "solution")).toEqual([["solution", null, { commandCount: 0 }]]);
    expect((await view(attempt, cookie)).solution).toBe(lab.solution);
  });

  it("answers 403 to anyone else and changes nothing", async () => {
    const owner = await labSandbox();
    await hint(owner.attempt, owner.cookie, { taskId: "create-news", index: 0 });
    const before = await recorded(owner.attempt);
    const stranger = await labSandbox();

    for (const who of [stranger.cookie, ""]) {
      const responses = [
        await hint(owner.attempt, who, { taskId: "create-news", index: 1 }),
        await hint(owner.attempt, who, { taskId: "create-news", index: 0 }),
        await solution(owner.attempt, who),
        await getAttempt(request(`/api/lab-attempts/${owner.attempt}`, { cookie: who }), params(owner.attempt)),
      ];
      for (const response of responses) {
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: "forbidden" });
      }
    }
    expect(await recorded(owner.attempt)).toEqual(before);
    expect(await recorded(stranger.attempt)).toEqual({ hintsUsed: 0, solutionShown: false, events: [] });
  });

  it("records the commands typed through the exec route, and a reset starts a new attempt", async () => {
    const { sandbox, attempt, cookie } = await labSandbox();
    for (const command of ["ssh tony@stapp01", "Ir0nM@n", "sudo su -", "Ir0nM@n", "docker network create -d macvlan --subnet 172.28.0.0/24 --ip-range 172.28.0.1/24 news"]) {
      const response = await exec(request(`/api/sandboxes/${sandbox}/exec`, { method: "POST", body: { command }, cookie }), params(sandbox));
      expect(response.status).toBe(200);
    }
    const db = database().client;
    expect(await db.labAttempt.findUniqueOrThrow({ where: { id: attempt } })).toMatchObject({ commandCount: 3, completedAt: null });
    expect((await recorded(attempt)).events).toEqual([["task-passed", "create-news", {}]]);
    expect((await view(attempt, cookie)).commandCount).toBe(3);

    expect((await closeSandbox(request(`/api/sandboxes/${sandbox}`, { method: "DELETE", cookie }), params(sandbox))).status).toBe(204);
    expect((await recorded(attempt)).events.at(-1)).toEqual(["reset", null, {}]);
    const next = await labSandbox(cookie);
    expect(next.attempt).not.toBe(attempt);
    expect((await view(next.attempt, cookie)).commandCount).toBe(0);
  });
});
