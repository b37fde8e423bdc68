import { describe, expect, it } from "vitest";
import type { Activity, LabAttemptRow } from "@/lib/db/activity";
import { labFunnels, topFailedCommands } from "./funnel";
import { learnerProgress, type CourseOutline } from "./progress";

const outline: CourseOutline = {
  id: "course",
  lessons: ["one", "two", "three", "four"],
  quizzes: { one: { total: 5, required: 3 }, two: { total: 6, required: 4 } },
  labs: [{ id: "lab", tasks: ["a", "b", "c"] }],
};

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const none: Activity = { lessons: [], quizzes: [], labs: [], lastActive: {} };
const lab = (row: Partial<LabAttemptRow>): LabAttemptRow => ({
  id: "x",
  userId: "u",
  labId: "lab",
  sandboxId: null,
  startedAt: at(0),
  completedAt: null,
  commandCount: 0,
  hintsUsed: 0,
  solutionShown: false,
  tasksPassed: [],
  tasksReached: [],
  ...row,
});

describe("a learner's progress", () => {
  it("starts at the first lesson with nothing done", () => {
    const p = learnerProgress(outline, none, "u");
    expect(p).toMatchObject({ lessonsCompleted: 0, quizzesPassed: 0, labsCompleted: 0, lastActive: null, continueAt: "one" });
    expect(p.lessons.map((l) => l.status)).toEqual(["none", "none", "none", "none"]);
  });

  it("shows the best quiz score against the pass mark, and continues after the last lesson touched", () => {
    const activity: Activity = {
      lessons: [
        { userId: "u", lesson: "one", firstOpenedAt: at(0), lastOpenedAt: at(5), completedAt: at(5) },
        { userId: "u", lesson: "three", firstOpenedAt: at(1), lastOpenedAt: at(2), completedAt: null },
        { userId: "other", lesson: "two", firstOpenedAt: at(0), lastOpenedAt: at(9), completedAt: at(9) },
      ],
      quizzes: [
        { userId: "u", quizId: "one", bestScore: 3, maxScore: 5, attempts: 2, lastAt: at(5) },
        { userId: "u", quizId: "two", bestScore: 3, maxScore: 6, attempts: 1, lastAt: at(8) },
      ],
      labs: [],
      lastActive: { u: at(8) },
    };
    const p = learnerProgress(outline, activity, "u");
    expect(p.lessons.map((l) => [l.slug, l.status, l.quiz?.passed ?? null])).toEqual([
      ["one", "completed", true],
      ["two", "none", false],
      ["three", "opened", null],
      ["four", "none", null],
    ]);
    // The quiz of lesson two was the last thing done, and lesson two is not complete.
    expect(p.continueAt).toBe("two");
    expect(p).toMatchObject({ lessonsCompleted: 1, quizzesPassed: 1, lastActive: at(8) });
  });

  it("moves on to the next incomplete lesson, wrapping to an earlier gap, and stops when all are read", () => {
    const done = (lesson: string, minute: number) => ({ userId: "u", lesson, firstOpenedAt: at(minute), lastOpenedAt: at(minute), completedAt: at(minute) });
    expect(learnerProgress(outline, { ...none, lessons: [done("two", 1), done("three", 2)] }, "u").continueAt).toBe("four");
    expect(learnerProgress(outline, { ...none, lessons: [done("two", 1), done("four", 2)] }, "u").continueAt).toBe("one");
    expect(learnerProgress(outline, { ...none, lessons: ["one", "two", "three", "four"].map((l, i) => done(l, i)) }, "u").continueAt).toBeNull();
  });

  it("describes a lab by its first completed attempt, else by the one that got furthest", () => {
    const started = lab({ id: "s", startedAt: at(0), tasksPassed: ["a", "b"], tasksReached: ["a", "b"], hintsUsed: 1 });
    const finished = lab({ id: "f", startedAt: at(10), completedAt: at(22), tasksPassed: ["a", "b", "c"], tasksReached: ["a", "b", "c"], hintsUsed: 2, solutionShown: true });
    expect(learnerProgress(outline, { ...none, labs: [started] }, "u").labs[0]).toMatchObject({ status: "started", tasksPassed: 2, tasksTotal: 3, durationMs: null, attempts: 1 });
    expect(learnerProgress(outline, { ...none, labs: [started, finished] }, "u").labs[0]).toMatchObject({
      status: "completed",
      durationMs: 12 * 60_000,
      hintsUsed: 2,
      solutionShown: true,
      attempts: 2,
      attemptId: "f",
    });
  });
});

describe("lab funnels", () => {
  it("count learners, not attempts, at each step", () => {
    const labs = [
      lab({ id: "1", userId: "a", tasksReached: ["a"] }),
      lab({ id: "2", userId: "a", tasksReached: ["a", "b"] }),
      lab({ id: "3", userId: "b", tasksReached: ["a", "b", "c"], completedAt: at(3) }),
      lab({ id: "4", userId: "outsider", tasksReached: ["a", "b", "c"], completedAt: at(3) }),
    ];
    expect(labFunnels(outline, { ...none, labs }, ["a", "b", "c"])).toEqual([
      { labId: "lab", started: 2, tasks: [{ taskId: "a", reached: 2 }, { taskId: "b", reached: 2 }, { taskId: "c", reached: 1 }], completed: 1 },
    ]);
  });

  it("rank the commands before failed checks, ignoring spacing and control actions", () => {
    const checks = [
      { userId: "a", labId: "lab", taskId: "t", command: "kubectl  apply -f pod.yaml" },
      { userId: "a", labId: "lab", taskId: "t", command: "kubectl apply -f pod.yaml " },
      { userId: "b", labId: "lab", taskId: "t", command: "kubectl apply -f pod.yaml" },
      { userId: "b", labId: "lab", taskId: "t", command: "kubectl delete pod web" },
      { userId: "b", labId: "lab", taskId: "t", command: '\u0000{"action":"save","content":"x"}' },
      { userId: "c", labId: "other", taskId: "t", command: "docker network ls" },
    ];
    expect(topFailedCommands(checks)).toEqual({
      lab: [
        { command: "kubectl apply -f pod.yaml", failures: 3, learners: 2 },
        { command: "kubectl delete pod web", failures: 1, learners: 1 },
      ],
      other: [{ command: "docker network ls", failures: 1, learners: 1 }],
    });
  });
});
