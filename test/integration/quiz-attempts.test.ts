import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/quizzes/[id]/attempts/route";
import { ANONYMOUS_COOKIE, currentUser, getOrCreateAnonymousUser } from "@/lib/auth/anonymous";
import { MAX_ATTEMPT_BODY_BYTES } from "@/lib/quiz/submission";
import type { AttemptResponse } from "@/lib/quiz/types";
import { withAppDatabase } from "@/test/support/db";
import { correctAnswers, readQuiz } from "@/test/support/quiz";

const database = withAppDatabase();
const etcd = readQuiz("etcd");
const COURSE = "kubernetes-from-the-inside";

function request(id: string, body: BodyInit | object, headers: Record<string, string> = {}) {
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "object" && !(body instanceof ReadableStream) ? JSON.stringify(body) : body,
  };
  if (init.body instanceof ReadableStream) init.duplex = "half";
  return new NextRequest(`http://localhost/api/quizzes/${id}/attempts`, init as ConstructorParameters<typeof NextRequest>[1]);
}

const submit = (id: string, body: BodyInit | object, headers?: Record<string, string>) =>
  POST(request(id, body, headers), { params: Promise.resolve({ id }) });

/** The cookie pair to send back, from a response's Set-Cookie. */
function cookieFrom(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  return header.split(";")[0]!;
}

async function counts() {
  const db = database().client;
  return { users: await db.user.count(), sessions: await db.session.count(), attempts: await db.quizAttempt.count(), progress: await db.lessonProgress.count() };
}

beforeEach(async () => {
  const db = database().client;
  await db.quizAttempt.deleteMany();
  await db.lessonProgress.deleteMany();
  await db.session.deleteMany();
  await db.user.deleteMany();
});

describe("POST /api/quizzes/<id>/attempts", () => {
  it("grades on the server, stores the attempt for a new anonymous learner and completes the lesson", async () => {
    const answers = correctAnswers(etcd);
    const response = await submit("etcd", { locale: "ru", answers });
    expect(response.status).toBe(201);
    const body = (await response.json()) as AttemptResponse;
    expect(body).toMatchObject({ score: 7, maxScore: 7, required: 5, passed: true, lessonCompleted: true });
    expect(body.results.map((r) => r.explanation)).toEqual(etcd.questions.map((q) => q.explanation.ru));

    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${ANONYMOUS_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/i);

    const db = database().client;
    const users = await db.user.findMany({ select: { id: true, email: true, locale: true, sessions: { select: { id: true } } } });
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: null, locale: "ru" });
    // Only a hash of the cookie's token is stored.
    const token = cookieFrom(response).split("=")[1]!;
    expect(users[0]!.sessions.map((s) => s.id)).not.toContain(token);

    const attempt = await db.quizAttempt.findFirstOrThrow({ select: { id: true, userId: true, quizId: true, locale: true, answers: true, score: true, maxScore: true } });
    expect(attempt).toMatchObject({ id: body.attemptId, userId: users[0]!.id, quizId: "etcd", locale: "ru", score: 7, maxScore: 7 });
    expect(JSON.parse(attempt.answers)).toEqual(answers);

    const progress = await db.lessonProgress.findFirstOrThrow({ select: { userId: true, course: true, lesson: true, completedAt: true } });
    expect(progress).toMatchObject({ userId: users[0]!.id, course: COURSE, lesson: "etcd" });
    expect(progress.completedAt).toBeInstanceOf(Date);
  });

  it("recognises the learner by the cookie, keeps the first completion, and fails without completing", async () => {
    const first = await submit("etcd", { locale: "en", answers: correctAnswers(etcd) });
    const cookie = cookieFrom(first);
    const db = database().client;
    const completedAt = (await db.lessonProgress.findFirstOrThrow({ select: { completedAt: true } })).completedAt;

    const wrong = await submit("etcd", { locale: "en", answers: { "lost-quorum": "nope" } }, { cookie });
    expect(wrong.status).toBe(201);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(await wrong.json()).toMatchObject({ score: 0, passed: false, lessonCompleted: false });

    await submit("etcd", { locale: "en", answers: correctAnswers(etcd) }, { cookie });
    expect(await counts()).toEqual({ users: 1, sessions: 1, attempts: 3, progress: 1 });
    expect((await db.lessonProgress.findFirstOrThrow({ select: { completedAt: true } })).completedAt).toEqual(completedAt);

    // A failing learner in another browser gets an attempt but no completed lesson.
    await submit("etcd", { locale: "he", answers: {} });
    expect(await counts()).toEqual({ users: 2, sessions: 2, attempts: 4, progress: 1 });
  });

  it("grades forged answers (unknown keys, content ids, unknown questions) as wrong, and stores only this quiz's questions", async () => {
    const response = await submit("etcd", {
      locale: "en",
      answers: { "lost-quorum": "frozen", "raft-write": ["to-leader", "append", "majority", "commit"], "etcd-terms": { revision: "revision" }, "not-a-question": "x" },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ score: 0, passed: false });
    const stored = await database().client.quizAttempt.findFirstOrThrow({ select: { answers: true } });
    expect(Object.keys(JSON.parse(stored.answers)).sort()).toEqual(["etcd-terms", "lost-quorum", "raft-write"]);
  });

  it("starts a new learner when the cookie is forged or its session expired", async () => {
    const forged = await submit("etcd", { locale: "en", answers: {} }, { cookie: `${ANONYMOUS_COOKIE}=${"A".repeat(43)}` });
    expect(forged.status).toBe(201);
    expect(forged.headers.get("set-cookie")).toMatch(new RegExp(`^${ANONYMOUS_COOKIE}=`));

    const cookie = cookieFrom(forged);
    await database().client.session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await submit("etcd", { locale: "en", answers: {} }, { cookie });
    expect(cookieFrom(expired)).not.toBe(cookie);
    expect((await counts()).users).toBe(2);
  });

  it("marks the cookie Secure behind HTTPS", async () => {
    const response = await submit("etcd", { locale: "en", answers: {} }, { "x-forwarded-proto": "https" });
    expect(response.headers.get("set-cookie")).toMatch(/Secure/i);
  });

  describe("rejects bad requests with a JSON error and stores nothing", () => {
    const huge = JSON.stringify({ locale: "en", answers: { "backup-command": "x".repeat(MAX_ATTEMPT_BODY_BYTES) } });
    const cases: [string, string, BodyInit | object | (() => BodyInit), number, string, Record<string, string>?][] = [
      ["an unknown quiz", "no-such-quiz", { locale: "en", answers: {} }, 404, "not_found"],
      ["a path in the id", "..%2F..%2Fetc%2Fpasswd", { locale: "en", answers: {} }, 404, "not_found"],
      ["a body that is not JSON", "etcd", "{locale: en", 400, "invalid_json"],
      ["an unknown locale", "etcd", { locale: "de", answers: {} }, 400, "invalid_body"],
      ["no answers", "etcd", { locale: "en" }, 400, "invalid_body"],
      ["an extra field", "etcd", { locale: "en", answers: {}, score: 7 }, 400, "invalid_body"],
      ["answers as a list", "etcd", { locale: "en", answers: [] }, 400, "invalid_body"],
      ["an answer of the wrong type", "etcd", { locale: "en", answers: { "lost-quorum": 1 } }, 400, "invalid_body"],
      ["a nested answer", "etcd", { locale: "en", answers: { "etcd-terms": { a: { b: "c" } } } }, 400, "invalid_body"],
      ["too many answers", "etcd", { locale: "en", answers: Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`q${i}`, "x"])) }, 400, "invalid_body"],
      ["an overlong typed answer", "etcd", { locale: "en", answers: { "backup-command": "x".repeat(501) } }, 400, "invalid_body"],
      ["a body over the limit", "etcd", huge, 413, "too_large"],
      [
        "a streamed body over the limit, without a length",
        "etcd",
        () =>
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(huge));
              controller.close();
            },
          }),
        413,
        "too_large",
      ],
      ["a form post", "etcd", "locale=en", 415, "unsupported_media_type", { "content-type": "application/x-www-form-urlencoded" }],
    ];

    it.each(cases)("%s", async (_name, id, body, status, error, headers) => {
      const response = await submit(id, typeof body === "function" ? body() : body, headers);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(await response.json()).toMatchObject({ error });
      expect(response.headers.get("set-cookie")).toBeNull();
      expect(await counts()).toEqual({ users: 0, sessions: 0, attempts: 0, progress: 0 });
    });
  });
});

describe("the anonymous learner", () => {
  it("is read back from a plain Request's Cookie header or a cookie store", async () => {
    const created = await getOrCreateAnonymousUser({ get: () => undefined }, { secure: false });
    expect(created.cookie).not.toBeNull();
    const header = `other=1; ${ANONYMOUS_COOKIE}=${created.cookie!.value}; more=2`;
    const fromRequest = await currentUser(new Request("http://localhost/", { headers: { cookie: header } }));
    const fromStore = await currentUser({ get: (name) => (name === ANONYMOUS_COOKIE ? { value: created.cookie!.value } : undefined) });
    expect(fromRequest?.id).toBe(created.user.id);
    expect(fromStore?.id).toBe(created.user.id);
    expect(await currentUser(new Request("http://localhost/"))).toBeNull();
    const again = await getOrCreateAnonymousUser({ get: () => ({ value: created.cookie!.value }) }, { secure: false });
    expect(again).toEqual({ user: created.user, cookie: null });
  });
});

describe("a broken quiz file", () => {
  it("answers 500 with a JSON error and logs the file's problem", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubeclass-broken-"));
    fs.mkdirSync(path.join(dir, "quizzes"));
    fs.writeFileSync(path.join(dir, "quizzes", "broken.yaml"), "title: [unclosed\n");
    const previous = process.env.KUBECLASS_CONTENT_DIR;
    process.env.KUBECLASS_CONTENT_DIR = dir;
    try {
      const response = await submit("broken", { locale: "en", answers: {} });
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: "quiz_unavailable" });
      // The log line is the point here; the suite otherwise fails any test that logs an error.
      const logged = vi.mocked(console.error).mock.calls.splice(0);
      expect(String(logged[0]?.[0])).toMatch(/broken\.yaml: invalid quiz/);
      expect(await counts()).toEqual({ users: 0, sessions: 0, attempts: 0, progress: 0 });
    } finally {
      if (previous === undefined) delete process.env.KUBECLASS_CONTENT_DIR;
      else process.env.KUBECLASS_CONTENT_DIR = previous;
    }
  });
});
