// The forbidden paths: a learner reading another learner's progress, attempts or sandboxes, an
// instructor reading another instructor's cohort, signed-out callers. Each gets 401, 403 or 404,
// and the database is the same afterwards.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createCohortAction, joinCohortAction } from "@/app/_actions/cohorts";
import { signUpAction } from "@/app/_actions/account";
import { GET as exportCsv } from "@/app/api/cohorts/[cohort]/exports/[kind]/route";
import { GET as learnerDetail } from "@/app/api/cohorts/[cohort]/learners/[learner]/route";
import { GET as replay } from "@/app/api/cohorts/[cohort]/learners/[learner]/sandboxes/[sandbox]/replay/route";
import { GET as labAttempt } from "@/app/api/lab-attempts/[id]/route";
import { GET as progress } from "@/app/api/progress/route";
import { POST as submitQuiz } from "@/app/api/quizzes/[id]/attempts/route";
import { POST as createSandbox } from "@/app/api/sandboxes/route";
import { DELETE as closeSandbox, GET as sandboxHistory } from "@/app/api/sandboxes/[id]/route";
import { POST as exec } from "@/app/api/sandboxes/[id]/exec/route";
import { GET as grade } from "@/app/api/sandboxes/[id]/grade/route";
import { withAppDatabase } from "@/test/support/db";
import { correctAnswers, readQuiz } from "@/test/support/quiz";
import { TestBrowser, form, redirectOf, actAs } from "@/test/support/test-browser";

vi.mock("next/headers", async () => (await import("@/test/support/test-browser")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const database = withAppDatabase();

type Person = { browser: TestBrowser; id: string };
const people = {} as Record<"grace" | "alan" | "ada" | "bob" | "eve", Person>;
let cohortA = "";
let cohortB = "";
let adaSandbox = "";
let adaAttempt = "";

async function account(email: string, role: "learner" | "instructor"): Promise<Person> {
  const browser = actAs(new TestBrowser());
  await redirectOf(() => signUpAction(null, form({ name: email.split("@")[0]!, email, password: "a long enough password", role, locale: "en" })));
  const { id } = await database().client.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return { browser, id };
}

async function cohortOf(instructor: Person, name: string): Promise<{ id: string; code: string }> {
  actAs(instructor.browser);
  const path = await redirectOf(() => createCohortAction(null, form({ name, locale: "en" })));
  const id = path.split("/").pop()!;
  const { inviteCode } = await database().client.cohort.findUniqueOrThrow({ where: { id } });
  return { id, code: inviteCode };
}

async function join(learner: Person, code: string) {
  actAs(learner.browser);
  expect(await joinCohortAction(null, form({ code, locale: "en" }))).toMatchObject({ ok: true });
}

const call = async (handler: (r: Request, c: { params: Promise<never> }) => Promise<Response>, who: TestBrowser, path: string, params: Record<string, string>, init: { method?: string; body?: unknown } = {}) => {
  const response = await handler(who.request(path, init), { params: Promise.resolve(params) as Promise<never> });
  return { status: response.status, text: await response.text() };
};

/** Row counts of every table and the newest command: what a refused request must leave alone. */
async function state() {
  const db = database().client;
  return {
    users: await db.user.count(),
    sessions: await db.session.count(),
    cohorts: await db.cohort.count(),
    memberships: await db.membership.count(),
    progress: await db.lessonProgress.count(),
    quizAttempts: await db.quizAttempt.count(),
    labAttempts: await db.labAttempt.count(),
    labEvents: await db.labEvent.count(),
    sandboxes: await db.sandboxSession.count({ where: { closedAt: null } }),
    commands: await db.sandboxCommand.count(),
  };
}

beforeAll(async () => {
  people.grace = await account("grace@example.com", "instructor");
  people.alan = await account("alan@example.com", "instructor");
  people.ada = await account("ada@example.com", "learner");
  people.bob = await account("bob@example.com", "learner");
  people.eve = await account("eve@example.com", "learner");
  const a = await cohortOf(people.grace, "Grace's cohort");
  const b = await cohortOf(people.alan, "Alan's cohort");
  cohortA = a.id;
  cohortB = b.id;
  await join(people.ada, a.code);
  await join(people.bob, a.code);
  await join(people.eve, b.code);

  // Ada works: a quiz, and a lab sandbox with a few commands.
  const { browser } = people.ada;
  const quiz = await submitQuiz(browser.request("/api/quizzes/etcd/attempts", { body: { locale: "en", answers: correctAnswers(readQuiz("etcd")) } }), { params: Promise.resolve({ id: "etcd" }) });
  expect(quiz.status).toBe(201);
  const created = await createSandbox(browser.request("/api/sandboxes", { body: { lab: "etcd-key-value" } }));
  adaSandbox = ((await created.json()) as { id: string }).id;
  const commands = [
    "export ETCDCTL_CACERT=/etc/kubernetes/pki/etcd/ca.crt",
    "export ETCDCTL_CERT=/etc/kubernetes/pki/etcd/server.crt",
    "export ETCDCTL_KEY=/etc/kubernetes/pki/etcd/server.key",
    "etcdctl put /course/greeting hello",
  ];
  for (const command of commands) {
    expect((await call(exec, browser, `/api/sandboxes/${adaSandbox}/exec`, { id: adaSandbox }, { body: { command } })).status).toBe(200);
  }
  adaAttempt = (await database().client.labAttempt.findFirstOrThrow({ where: { userId: people.ada.id } })).id;
});

describe("a learner", () => {
  it("reads only their own progress: the progress API has no way to name anyone else", async () => {
    const own = JSON.parse((await call(progress, people.bob.browser, "/api/progress", {})).text) as { courses: { lessons: { slug: string; quiz: unknown }[] }[] };
    expect(own.courses[0]!.lessons.find((l) => l.slug === "etcd")!.quiz).toBeNull();
    const ada = JSON.parse((await call(progress, people.ada.browser, "/api/progress?user=" + people.bob.id, {})).text) as typeof own;
    expect(ada.courses[0]!.lessons.find((l) => l.slug === "etcd")!.quiz).toMatchObject({ best: 7 });
  });

  it("cannot read another learner's attempts or sandboxes, nor drive them (403, nothing changes)", async () => {
    const before = await state();
    const bob = people.bob.browser;
    const refused = [
      await call(learnerDetail, bob, `/api/cohorts/${cohortA}/learners/${people.ada.id}`, { cohort: cohortA, learner: people.ada.id }),
      await call(exportCsv, bob, `/api/cohorts/${cohortA}/exports/quiz-attempts.csv`, { cohort: cohortA, kind: "quiz-attempts.csv" }),
      await call(replay, bob, `/api/cohorts/${cohortA}/learners/${people.ada.id}/sandboxes/${adaSandbox}/replay`, { cohort: cohortA, learner: people.ada.id, sandbox: adaSandbox }),
      await call(sandboxHistory, bob, `/api/sandboxes/${adaSandbox}`, { id: adaSandbox }),
      await call(exec, bob, `/api/sandboxes/${adaSandbox}/exec`, { id: adaSandbox }, { body: { command: "etcdctl del /course/greeting" } }),
      await call(grade, bob, `/api/sandboxes/${adaSandbox}/grade`, { id: adaSandbox }),
      await call(closeSandbox, bob, `/api/sandboxes/${adaSandbox}`, { id: adaSandbox }, { method: "DELETE" }),
      await call(labAttempt, bob, `/api/lab-attempts/${adaAttempt}`, { id: adaAttempt }),
    ];
    for (const r of refused) {
      expect([403, 404]).toContain(r.status);
      expect(r.text).not.toContain("greeting");
      expect(r.text).not.toContain("ada@example.com");
    }
    // A learner is not an instructor, even of a cohort they are in.
    expect(refused[0]!.status).toBe(403);
    expect(await state()).toEqual(before);
    // The sandbox is untouched: its owner still finds the key.
    const check = await call(exec, people.ada.browser, `/api/sandboxes/${adaSandbox}/exec`, { id: adaSandbox }, { body: { command: "etcdctl get /course/greeting --print-value-only" } });
    expect(JSON.parse(check.text)).toMatchObject({ output: "hello\n" });
  });

  it("cannot create cohorts, and joining needs an account", async () => {
    const before = await state();
    actAs(people.bob.browser);
    expect(await createCohortAction(null, form({ name: "Mine now", locale: "en" }))).toMatchObject({ ok: false, error: "notInstructor" });
    actAs(new TestBrowser());
    expect(await joinCohortAction(null, form({ code: "DOES-NOTM", locale: "en" }))).toMatchObject({ ok: false, error: "signInRequired" });
    expect(await createCohortAction(null, form({ name: "Anyone's", locale: "en" }))).toMatchObject({ ok: false, error: "signInRequired" });
    actAs(people.grace.browser);
    const own = await database().client.cohort.findUniqueOrThrow({ where: { id: cohortA } });
    expect(await joinCohortAction(null, form({ code: own.inviteCode, locale: "en" }))).toMatchObject({ ok: false, error: "ownCohort" });
    expect(await state()).toEqual(before);
  });
});

describe("an instructor", () => {
  it("reads their own cohort's learners, attempts, exports and replays", async () => {
    const grace = people.grace.browser;
    const detail = await call(learnerDetail, grace, `/api/cohorts/${cohortA}/learners/${people.ada.id}`, { cohort: cohortA, learner: people.ada.id });
    expect(detail.status).toBe(200);
    const body = JSON.parse(detail.text) as { learner: { email: string }; quizAttempts: { quizId: string; score: number }[]; sandboxes: { id: string }[] };
    expect(body.learner.email).toBe("ada@example.com");
    expect(body.quizAttempts).toMatchObject([{ quizId: "etcd", score: 7 }]);
    expect(body.sandboxes.map((s) => s.id)).toEqual([adaSandbox]);
    const csv = await call(exportCsv, grace, `/api/cohorts/${cohortA}/exports/matrix.csv`, { cohort: cohortA, kind: "matrix.csv" });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("ada@example.com");
    expect(csv.text).not.toContain("eve@example.com");
    const steps = await call(replay, grace, `/api/cohorts/${cohortA}/learners/${people.ada.id}/sandboxes/${adaSandbox}/replay?step=4`, { cohort: cohortA, learner: people.ada.id, sandbox: adaSandbox });
    expect(steps.status).toBe(200);
    expect(JSON.parse(steps.text)).toMatchObject({ step: 4, entry: { text: "etcdctl put /course/greeting hello", output: "OK\n" } });
  });

  it("cannot read another instructor's cohort, its learners or their sandboxes (404, nothing changes)", async () => {
    const before = await state();
    const alan = people.alan.browser;
    const grace = people.grace.browser;
    const refused = [
      await call(exportCsv, alan, `/api/cohorts/${cohortA}/exports/matrix.csv`, { cohort: cohortA, kind: "matrix.csv" }),
      await call(exportCsv, alan, `/api/cohorts/${cohortA}/exports/lab-attempts.csv`, { cohort: cohortA, kind: "lab-attempts.csv" }),
      await call(learnerDetail, alan, `/api/cohorts/${cohortA}/learners/${people.ada.id}`, { cohort: cohortA, learner: people.ada.id }),
      // Through his own cohort, which Ada is not in.
      await call(learnerDetail, alan, `/api/cohorts/${cohortB}/learners/${people.ada.id}`, { cohort: cohortB, learner: people.ada.id }),
      // Through his own learner, with Ada's sandbox id.
      await call(replay, alan, `/api/cohorts/${cohortB}/learners/${people.eve.id}/sandboxes/${adaSandbox}/replay`, { cohort: cohortB, learner: people.eve.id, sandbox: adaSandbox }),
      // Grace's learner Bob does not own Ada's sandbox either.
      await call(replay, grace, `/api/cohorts/${cohortA}/learners/${people.bob.id}/sandboxes/${adaSandbox}/replay`, { cohort: cohortA, learner: people.bob.id, sandbox: adaSandbox }),
      // And Grace cannot reach Eve, who is in Alan's cohort.
      await call(learnerDetail, grace, `/api/cohorts/${cohortA}/learners/${people.eve.id}`, { cohort: cohortA, learner: people.eve.id }),
      await call(learnerDetail, grace, `/api/cohorts/${cohortB}/learners/${people.eve.id}`, { cohort: cohortB, learner: people.eve.id }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(404);
      expect(r.text).not.toMatch(/ada@example\.com|eve@example\.com|greeting/);
    }
    // Reading is not driving: the instructor cannot type into the learner's sandbox.
    const drive = await call(exec, grace, `/api/sandboxes/${adaSandbox}/exec`, { id: adaSandbox }, { body: { command: "etcdctl del /course/greeting" } });
    expect(drive.status).toBe(403);
    expect(await state()).toEqual(before);
  });

  it("is asked to sign in when signed out or anonymous (401)", async () => {
    const before = await state();
    const stranger = new TestBrowser();
    const anonymous = new TestBrowser();
    anonymous.absorb(await submitQuiz(anonymous.request("/api/quizzes/etcd/attempts", { body: { locale: "en", answers: {} } }), { params: Promise.resolve({ id: "etcd" }) }));
    const after = await state();
    for (const who of [stranger, anonymous]) {
      expect((await call(exportCsv, who, `/api/cohorts/${cohortA}/exports/matrix.csv`, { cohort: cohortA, kind: "matrix.csv" })).status).toBe(401);
      expect((await call(learnerDetail, who, `/api/cohorts/${cohortA}/learners/${people.ada.id}`, { cohort: cohortA, learner: people.ada.id })).status).toBe(401);
    }
    expect(after.users).toBe(before.users + 1);
    expect(await state()).toEqual(after);
  });
});
