// Accounts through the real server actions and route handlers: sign-up, sign-in, sign-out,
// cookies, the preferred language, rate-limited sign-in, and anonymous work merged into the account.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInAction, signOutAction, signUpAction, setLocaleAction } from "@/app/_actions/account";
import { POST as submitQuiz } from "@/app/api/quizzes/[id]/attempts/route";
import { POST as createSandbox } from "@/app/api/sandboxes/route";
import { POST as exec } from "@/app/api/sandboxes/[id]/exec/route";
import { POST as lessonProgress } from "@/app/api/progress/lessons/route";
import { GET as me } from "@/app/api/me/route";
import { ANONYMOUS_COOKIE, currentUser } from "@/lib/auth/anonymous";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from "@/lib/auth/accounts";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { withAppDatabase } from "@/test/support/db";
import { correctAnswers, readQuiz } from "@/test/support/quiz";
import { TestBrowser, form, redirectOf, actAs } from "@/test/support/test-browser";

vi.mock("next/headers", async () => (await import("@/test/support/test-browser")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const database = withAppDatabase();
const COURSE = "kubernetes-from-the-inside";
const PASSWORD = "correct horse battery";

beforeEach(async () => {
  const db = database().client;
  await db.signInAttempt.deleteMany();
  await db.user.deleteMany();
});

async function signUp(browser: TestBrowser, fields: Partial<Record<string, string>> = {}) {
  actAs(browser);
  return signUpAction(null, form({ name: "Ada", email: "ada@example.com", password: PASSWORD, role: "learner", locale: "en", ...fields } as Record<string, string>));
}

async function signIn(browser: TestBrowser, email: string, password: string, next?: string) {
  actAs(browser);
  return signInAction(null, form({ email, password, ...(next ? { next } : {}) }));
}

/** An anonymous learner's work in a browser: a passed quiz, a read lesson, a sandbox with a command. */
async function anonymousWork(browser: TestBrowser) {
  const quiz = readQuiz("etcd");
  const attempt = browser.absorb(await submitQuiz(browser.request("/api/quizzes/etcd/attempts", { body: { locale: "tr", answers: correctAnswers(quiz) } }), { params: Promise.resolve({ id: "etcd" }) }));
  expect(attempt.status).toBe(201);
  const read = browser.absorb(await lessonProgress(browser.request("/api/progress/lessons", { body: { course: COURSE, lesson: "the-cluster", event: "completed" } })));
  expect(read.status).toBe(204);
  const created = browser.absorb(await createSandbox(browser.request("/api/sandboxes", { body: {} })));
  const { id } = (await created.json()) as { id: string };
  const ran = await exec(browser.request(`/api/sandboxes/${id}/exec`, { body: { command: "kubectl create namespace before-signup" } }), { params: Promise.resolve({ id }) });
  expect(ran.status).toBe(200);
  return { sandboxId: id };
}

describe("sign-up", () => {
  it("creates a learner with a hashed password, a session cookie (httpOnly, SameSite=Lax) and the page's language", async () => {
    const browser = new TestBrowser();
    const target = await redirectOf(() => signUp(browser, { locale: "he", email: "  Ada@Example.COM " }));
    expect(target).toBe("/he/dashboard");
    const session = browser.jar.get(SESSION_COOKIE)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false, path: "/" });
    expect(session.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(browser.jar.get("NEXT_LOCALE")?.value).toBe("he");

    const user = await database().client.user.findUniqueOrThrow({ where: { email: "ada@example.com" }, include: { sessions: true } });
    expect(user).toMatchObject({ name: "Ada", role: "learner", locale: "he" });
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.sessions.map((s) => s.id)).not.toContain(session.value);
    expect(await currentUser(browser.request("/"))).toMatchObject({ id: user.id, email: "ada@example.com" });
  });

  it("refuses bad input field by field, keeps what was typed except the password, and creates nothing", async () => {
    const browser = new TestBrowser();
    const state = await signUp(browser, { name: "  ", email: "not-an-address", password: "short", role: "admin" });
    expect(state).toEqual({
      errors: { name: "nameRequired", email: "emailInvalid", password: "passwordTooShort", role: "roleInvalid" },
      values: { name: "  ", email: "not-an-address", role: "admin" },
    });
    expect(JSON.stringify(state)).not.toContain("short");
    expect(await database().client.user.count()).toBe(0);
    expect(browser.jar.size).toBe(0);
  });

  it("refuses an address that has an account already", async () => {
    await redirectOf(() => signUp(new TestBrowser()));
    const state = await signUp(new TestBrowser(), { email: "ADA@example.com", name: "Other" });
    expect(state?.errors).toEqual({ email: "emailTaken" });
    expect(await database().client.user.count()).toBe(1);
  });

  it("turns this browser's anonymous learner into the account: its quiz, lesson and sandbox stay, the anonymous cookie goes", async () => {
    const browser = new TestBrowser();
    const { sandboxId } = await anonymousWork(browser);
    const anonymous = (await currentUser(browser.request("/")))!;
    expect(anonymous.email).toBeNull();

    await redirectOf(() => signUp(browser, { role: "instructor" }));
    expect(browser.jar.has(ANONYMOUS_COOKIE)).toBe(false);
    const db = database().client;
    const account = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(account.id).toBe(anonymous.id);
    expect(account.role).toBe("instructor");
    expect(await db.quizAttempt.count({ where: { userId: account.id, quizId: "etcd", score: 7 } })).toBe(1);
    expect(await db.lessonProgress.count({ where: { userId: account.id, completedAt: { not: null } } })).toBe(2);
    // The anonymous session is gone: its token no longer finds anyone.
    expect(await db.session.count({ where: { userId: account.id } })).toBe(1);

    const ran = await exec(browser.request(`/api/sandboxes/${sandboxId}/exec`, { body: { command: "kubectl get namespace before-signup -o name" } }), { params: Promise.resolve({ id: sandboxId }) });
    expect(ran.status).toBe(200);
    expect(((await ran.json()) as { output: string }).output).toBe("namespace/before-signup\n");
  });
});

describe("sign-in", () => {
  it("goes to the account's own language (and to `next` when it is a path on this site)", async () => {
    await redirectOf(() => signUp(new TestBrowser(), { locale: "ru" }));
    const browser = new TestBrowser();
    expect(await redirectOf(() => signIn(browser, "ada@example.com", PASSWORD))).toBe("/ru/dashboard");
    expect(browser.jar.get("NEXT_LOCALE")?.value).toBe("ru");
    expect(await redirectOf(() => signIn(new TestBrowser(), "ada@example.com", PASSWORD, "/tr/join/ABCD-2345"))).toBe("/tr/join/ABCD-2345");
    expect(await redirectOf(() => signIn(new TestBrowser(), "ada@example.com", PASSWORD, "//evil.example/steal"))).toBe("/ru/dashboard");
    expect(await redirectOf(() => signIn(new TestBrowser(), "ada@example.com", PASSWORD, "https://evil.example/"))).toBe("/ru/dashboard");
  });

  it("refuses a wrong password or an unknown address with the same message, and sets no cookie", async () => {
    await redirectOf(() => signUp(new TestBrowser()));
    for (const [email, password] of [
      ["ada@example.com", "wrong password!"],
      ["nobody@example.com", PASSWORD],
    ]) {
      const browser = new TestBrowser();
      const state = await signIn(browser, email!, password!);
      expect(state).toEqual({ errors: { form: "invalidCredentials" }, values: { email } });
      expect(browser.jar.size).toBe(0);
    }
  });

  it("stops checking after too many failures for one address, with the limit kept in the database", async () => {
    await redirectOf(() => signUp(new TestBrowser()));
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
      // From different addresses: the per-address limit is what stops this.
      expect((await signIn(new TestBrowser(`198.51.100.${i}`), "ada@example.com", `guess number ${i}`))?.errors).toEqual({ form: "invalidCredentials" });
    }
    const blocked = await signIn(new TestBrowser("198.51.100.200"), "ADA@example.com", PASSWORD);
    expect(blocked?.errors).toEqual({ form: "rateLimited" });
    expect(blocked?.retryAfterMinutes).toBe(15);

    // Another server shares nothing but the database: a fresh copy of the modules refuses too.
    vi.resetModules();
    const fresh = await import("@/app/_actions/account");
    actAs(new TestBrowser("192.0.2.1"));
    expect((await fresh.signInAction(null, form({ email: "ada@example.com", password: PASSWORD })))?.errors).toEqual({ form: "rateLimited" });
    expect(await database().client.signInAttempt.count()).toBeGreaterThanOrEqual(MAX_FAILURES_PER_EMAIL);

    // Other accounts are not affected.
    await redirectOf(() => signUp(new TestBrowser(), { email: "grace@example.com" }));
    expect(await redirectOf(() => signIn(new TestBrowser("198.51.100.200"), "grace@example.com", PASSWORD))).toBe("/en/dashboard");
  });

  it("also limits failures from one client address, whatever addresses it tries", async () => {
    await redirectOf(() => signUp(new TestBrowser()));
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await signIn(new TestBrowser("198.51.100.9"), `someone${i}@example.com`, "a guess that fails");
    expect((await signIn(new TestBrowser("198.51.100.9"), "ada@example.com", PASSWORD))?.errors).toEqual({ form: "rateLimited" });
    expect(await redirectOf(() => signIn(new TestBrowser("198.51.100.10"), "ada@example.com", PASSWORD))).toBe("/en/dashboard");
  }, 60_000);

  it("merges an anonymous learner into the account: attempts, sandboxes and the earliest completion of a lesson", async () => {
    const db = database().client;
    await redirectOf(() => signUp(new TestBrowser()));
    const account = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    const early = new Date("2026-01-01T10:00:00Z");
    const late = new Date("2026-03-01T10:00:00Z");
    await db.lessonProgress.create({ data: { userId: account.id, course: COURSE, lesson: "the-cluster", firstOpenedAt: late, lastOpenedAt: late, completedAt: late } });

    const browser = new TestBrowser();
    const { sandboxId } = await anonymousWork(browser);
    const anonymous = (await currentUser(browser.request("/")))!;
    await db.lessonProgress.update({ where: { userId_course_lesson: { userId: anonymous.id, course: COURSE, lesson: "the-cluster" } }, data: { completedAt: early, firstOpenedAt: early } });
    const labAttempt = await db.labAttempt.create({ data: { userId: anonymous.id, labId: "etcd-key-value" } });

    expect(await redirectOf(() => signIn(browser, "ada@example.com", PASSWORD))).toBe("/en/dashboard");
    expect(browser.jar.has(ANONYMOUS_COOKIE)).toBe(false);
    expect(await db.user.findUnique({ where: { id: anonymous.id } })).toBeNull();
    expect(await db.quizAttempt.count({ where: { userId: account.id } })).toBe(1);
    expect(await db.labAttempt.findUniqueOrThrow({ where: { id: labAttempt.id } })).toMatchObject({ userId: account.id });
    expect(await db.sandboxSession.findUniqueOrThrow({ where: { id: sandboxId } })).toMatchObject({ ownerId: account.id });
    const cluster = await db.lessonProgress.findMany({ where: { userId: account.id, lesson: "the-cluster" } });
    expect(cluster).toHaveLength(1);
    expect(cluster[0]).toMatchObject({ completedAt: early, firstOpenedAt: early });
    expect(await db.lessonProgress.count({ where: { userId: account.id, lesson: "etcd", completedAt: { not: null } } })).toBe(1);

    // The sandbox, still in this server's memory under its old owner, answers the account.
    const ran = await exec(browser.request(`/api/sandboxes/${sandboxId}/exec`, { body: { command: "kubectl get ns before-signup -o name" } }), { params: Promise.resolve({ id: sandboxId }) });
    expect(ran.status).toBe(200);
  });
});

describe("sign-out and the preferred language", () => {
  it("ends the session in the database, so the old cookie is worthless", async () => {
    const browser = new TestBrowser();
    await redirectOf(() => signUp(browser));
    const token = browser.jar.get(SESSION_COOKIE)!.value;
    expect(await (await me(browser.request("/api/me"))).json()).toMatchObject({ signedIn: true, name: "Ada", role: "learner" });

    expect(await redirectOf(() => signOutAction(form({ locale: "tr" })))).toBe("/tr");
    expect(browser.jar.has(SESSION_COOKIE)).toBe(false);
    expect(await database().client.session.count()).toBe(0);
    const replayed = new TestBrowser();
    replayed.jar.set(SESSION_COOKIE, { value: token, httpOnly: true, sameSite: "lax", secure: false, path: "/", expires: undefined });
    expect(await (await me(replayed.request("/api/me"))).json()).toEqual({ signedIn: false, anonymous: false });
  });

  it("stores a new preferred language for the account only", async () => {
    const browser = new TestBrowser();
    await redirectOf(() => signUp(browser));
    expect(await redirectOf(() => setLocaleAction(null, form({ locale: "tr" })))).toBe("/tr/dashboard?saved=language");
    expect((await database().client.user.findUniqueOrThrow({ where: { email: "ada@example.com" } })).locale).toBe("tr");
    expect(await setLocaleAction(null, form({ locale: "xx" }))).toEqual({ saved: false });
    actAs(new TestBrowser());
    expect(await setLocaleAction(null, form({ locale: "ru" }))).toEqual({ saved: false });
    expect((await database().client.user.findUniqueOrThrow({ where: { email: "ada@example.com" } })).locale).toBe("tr");
  });
});

describe("lesson progress", () => {
  it("marks a lesson read at its end, and records visits only for a learner who exists already", async () => {
    const db = database().client;
    const crawler = new TestBrowser();
    const opened = crawler.absorb(await lessonProgress(crawler.request("/api/progress/lessons", { body: { course: COURSE, lesson: "etcd", event: "opened" } })));
    expect(opened.status).toBe(204);
    expect(crawler.jar.size).toBe(0);
    expect(await db.user.count()).toBe(0);

    const unknown = await lessonProgress(crawler.request("/api/progress/lessons", { body: { course: COURSE, lesson: "no-such-lesson", event: "completed" } }));
    expect(unknown.status).toBe(404);
    const form = await lessonProgress(crawler.request("/api/progress/lessons", { body: "course=x", headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(form.status).toBe(415);
    expect(await db.user.count()).toBe(0);

    const browser = new TestBrowser();
    await redirectOf(() => signUp(browser));
    for (const event of ["opened", "completed", "completed"]) {
      expect((await lessonProgress(browser.request("/api/progress/lessons", { body: { course: COURSE, lesson: "etcd", event } }))).status).toBe(204);
    }
    const rows = await db.lessonProgress.findMany({ where: { lesson: "etcd" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.completedAt).not.toBeNull();
  });
});
