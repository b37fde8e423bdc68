// The instructor's views over the demo cohort, as the first start seeds it: the matrix and its
// CSV, a learner's drill-down, and a sandbox replayed from its log.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { signInAction } from "@/app/_actions/account";
import { GET as exportCsv } from "@/app/api/cohorts/[cohort]/exports/[kind]/route";
import { loadQuiz } from "@/lib/content/quizzes";
import { DEMO_INVITE_CODE, DEMO_PASSWORD, seedDemoData } from "@/lib/db/demo";
import { demoProgress } from "@/lib/db/demo-progress";
import { findCohortMember, type CohortRecord } from "@/lib/db/cohorts";
import { gradeQuiz } from "@/lib/quiz/grade";
import { cohortReport, inactiveLearners, learnerDetail } from "@/lib/reports/cohort";
import { parseCsv } from "@/lib/reports/csv";
import { MASKED } from "@/lib/reports/entries";
import { replaySandbox } from "@/lib/reports/replay";
import { withAppDatabase } from "@/test/support/db";
import { TestBrowser, form, redirectOf, actAs } from "@/test/support/test-browser";

vi.mock("next/headers", async () => (await import("@/test/support/test-browser")).nextHeadersMock);

const database = withAppDatabase();
let cohort: CohortRecord;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const db = database().client;
  expect(await seedDemoData(db)).toBe(true);
  cohort = await db.cohort.findUniqueOrThrow({ where: { inviteCode: DEMO_INVITE_CODE } });
  for (const u of await db.user.findMany({ select: { id: true, email: true } })) ids[u.email!] = u.id;
}, 120_000);

describe("the demo cohort", () => {
  it("holds quiz attempts whose scores are what the grader gives their stored answers", async () => {
    const attempts = await database().client.quizAttempt.findMany({ include: { user: { select: { email: true } } } });
    expect(attempts).toHaveLength(demoProgress.reduce((n, s) => n + s.quizzes.length, 0));
    for (const a of attempts) {
      const quiz = (await loadQuiz(a.quizId))!;
      const grade = gradeQuiz(quiz, JSON.parse(a.answers), a.locale as "en");
      expect([a.quizId, a.score, a.maxScore]).toEqual([a.quizId, grade.score, grade.maxScore]);
    }
    // Some pass and some do not, so the matrix has both to show.
    expect(attempts.some((a) => a.score < a.maxScore * 0.6)).toBe(true);
    expect(attempts.some((a) => a.score === a.maxScore)).toBe(true);
  });

  it("fills the matrix: lessons read, best quiz scores, labs with time and hints", async () => {
    const report = await cohortReport(cohort);
    const row = (email: string) => report.rows.find((r) => r.member.email === email)!.progress;
    const dmitri = row("dmitri@example.com");
    expect(dmitri.lessonsCompleted).toBe(8);
    expect(dmitri.lessons.find((l) => l.slug === "kube-scheduler")!.quiz).toMatchObject({ attempts: 2, passed: true });
    expect(dmitri.lessons.find((l) => l.slug === "probes")!.status).toBe("opened");
    expect(dmitri.labs.find((l) => l.id === "deployment-probes-resources")).toMatchObject({ status: "started", hintsUsed: 1 });
    const noa = row("noa@example.com");
    expect(noa.lessons.find((l) => l.slug === "docker-networks")!.quiz).toMatchObject({ passed: false });
    expect(noa.labs.find((l) => l.id === "docker-bridge-networks")).toMatchObject({ status: "completed", hintsUsed: 5, solutionShown: true });
    expect(noa.labs.find((l) => l.id === "docker-bridge-networks")!.durationMs).toBeGreaterThan(60_000);
    expect(row("ayse@example.com").labs.find((l) => l.id === "docker-macvlan-network")!.status).toBe("completed");

    const funnel = report.funnels.find((f) => f.labId === "deployment-probes-resources")!;
    expect(funnel).toMatchObject({ started: 1, completed: 0 });
    expect(funnel.tasks.filter((t) => t.reached === 1).map((t) => t.taskId).sort()).toEqual(["deployment", "namespace"]);
    // Ayşe's wrong step (removing the network she still needed) is a failed check after a command.
    expect(report.failedCommands["docker-macvlan-network"]?.map((c) => c.command)).toContain("docker network rm news news-half");

    expect(inactiveLearners(report.rows, 7).map((r) => r.member.email)).toEqual([]);
    expect(inactiveLearners(report.rows, 1, new Date(Date.now() + 30 * 24 * 60 * 60_000))).toHaveLength(3);
  });

  it("exports the matrix as CSV, one row per learner, for its instructor", async () => {
    const instructor = actAs(new TestBrowser());
    await redirectOf(() => signInAction(null, form({ email: "instructor@example.com", password: DEMO_PASSWORD })));
    const response = await exportCsv(instructor.request(`/api/cohorts/${cohort.id}/exports/matrix.csv?locale=en`), { params: Promise.resolve({ cohort: cohort.id, kind: "matrix.csv" }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="Demo-cohort-matrix\.csv"; filename\*=UTF-8''Demo-cohort-matrix\.csv$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    // A byte-order mark first, for spreadsheet programs; then UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(header!.slice(0, 7)).toEqual(["Learner", "Email", "Joined", "Last active", "Lessons read", "Quizzes passed", "Labs completed"]);
    expect(rows.map((r) => r[1]).sort()).toEqual(["ayse@example.com", "dmitri@example.com", "noa@example.com"]);
    const dmitri = rows.find((r) => r[1] === "dmitri@example.com")!;
    expect(dmitri[0]).toBe("Дмитрий Иванов");
    expect(dmitri[4]).toBe("8");
    expect(dmitri[header!.indexOf("Lesson probes")]).toBe("started");
    const schedulerQuiz = header!.findIndex((h) => h.startsWith("Quiz kube-scheduler "));
    expect(dmitri[schedulerQuiz]).toBe(String((await loadQuiz("kube-scheduler"))!.questions.length - 1));
    expect(dmitri[header!.indexOf("Lab deployment-probes-resources")]).toBe("in progress");
    const noa = rows.find((r) => r[1] === "noa@example.com")!;
    expect(noa[header!.indexOf("Lab docker-bridge-networks: hints")]).toBe("5");
    expect(Number(noa[header!.indexOf("Lab docker-bridge-networks: minutes")])).toBeGreaterThan(1);

    const ru = await exportCsv(instructor.request(`/api/cohorts/${cohort.id}/exports/lab-attempts.csv?locale=ru`), { params: Promise.resolve({ cohort: cohort.id, kind: "lab-attempts.csv" }) });
    const [ruHeader, ...labRows] = parseCsv(await ru.text());
    expect(ruHeader![1]).toBe("Слушатель");
    expect(labRows).toHaveLength(3);
  });

  it("shows a learner's quiz answers in the quiz's words, right and wrong", async () => {
    const member = (await findCohortMember(cohort.id, ids["dmitri@example.com"]!))!;
    const detail = await learnerDetail(cohort, member, "en");
    const first = detail.quizAttempts.filter((a) => a.quizId === "kube-scheduler").at(-1)!;
    expect(first.passed).toBe(false);
    expect(first.questions.map((q) => q.correct)).toEqual(first.questions.map((_, i) => ![0, 1, 2, 3].includes(i)));
    const quiz = (await loadQuiz("kube-scheduler"))!;
    expect(first.questions[0]!.prompt).toBe(quiz.questions[0]!.prompt.en);
    // Every answer reads as the quiz's own texts (a key without a text would show as "?").
    for (const [i, q] of quiz.questions.entries()) {
      const shown = first.questions[i]!.answer!;
      if (q.type === "single") expect(q.choices.map((c) => c.text.en)).toContain(shown);
      else if (q.type === "short") expect(shown).toBe(i < 4 ? "?" : q.accept[0]);
      else expect(shown).not.toContain("?");
    }
    expect(detail.labAttempts[0]!.events.some((e) => e.kind === "hint")).toBe(true);
  });

  it("replays a sandbox from its log: passwords masked, the state of each step rebuilt", async () => {
    const noa = ids["noa@example.com"]!;
    const sandbox = await database().client.sandboxSession.findFirstOrThrow({ where: { ownerId: noa, labId: "docker-bridge-networks" } });
    const start = (await replaySandbox(sandbox.id, noa, 0))!;
    expect(start.step).toBe(0);
    expect(start.entries.map((e) => e.text).slice(0, 4)).toEqual(["ssh steve@stapp02", MASKED, "sudo -i", MASKED]);
    expect(start.entries.filter((e) => e.kind === "password")).toHaveLength(2);
    expect(JSON.stringify(start)).not.toContain("Am3ric@");
    expect(start.entries[0]!.prompt).toMatch(/thor@jump_host/);

    const create = start.entries.findIndex((e) => e.text.startsWith("docker network create")) + 1;
    const before = (await replaySandbox(sandbox.id, noa, create - 1))!;
    const after = (await replaySandbox(sandbox.id, noa, create))!;
    expect(JSON.stringify(before.view)).not.toContain("app-net");
    expect(JSON.stringify(after.view)).toContain("app-net");
    // Out of range steps are clamped; someone else's sandbox is not there at all.
    expect((await replaySandbox(sandbox.id, noa, 10_000))!.step).toBe(start.entries.length);
    expect(await replaySandbox(sandbox.id, ids["dmitri@example.com"]!, 1)).toBeNull();
  });
});
