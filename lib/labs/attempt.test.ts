import { describe, expect, it } from "vitest";
import { commandCountAfter, countsAsCommand, gradeTransitions, hintRequest, solutionState, type RecordedTask } from "./attempt";

const START = new Date("2026-11-22T09:00:00Z");
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const fresh = { startedAt: START, completedAt: null, commandCount: 0 };
const failing = (id: string, message = `${id} is missing`) => ({ id, passed: false, message });
const passing = (id: string) => ({ id, passed: true, message: "All checks pass." });
const stored = (id: string, passed: boolean, message: string, firstPassedAt: Date | null = null): RecordedTask => ({ taskId: id, passed, message, firstPassedAt });

describe("grade transitions", () => {
  it("stores the first grading without events while tasks fail, and records a task that already passes", () => {
    const first = gradeTransitions([], [failing("a"), failing("b")], fresh, { at: at(0), commandSeq: null });
    expect(first.tasks).toEqual([stored("a", false, "a is missing"), stored("b", false, "b is missing")]);
    expect(first.events).toEqual([]);
    expect(first.completion).toBeNull();

    const already = gradeTransitions([], [passing("a"), failing("b")], fresh, { at: at(0), commandSeq: null });
    expect(already.events.map((e) => [e.kind, e.taskId])).toEqual([["task-passed", "a"]]);
    expect(already.tasks[0]!.firstPassedAt).toEqual(at(0));
  });

  it("records a pass with the command's seq, and nothing when nothing changed", () => {
    const previous = [stored("a", false, "a is missing"), stored("b", false, "b is missing")];
    const r = gradeTransitions(previous, [passing("a"), failing("b")], { ...fresh, commandCount: 3 }, { at: at(2), commandSeq: 7 });
    expect(r.tasks).toEqual([stored("a", true, "All checks pass.", at(2))]);
    expect(r.events).toEqual([{ kind: "task-passed", taskId: "a", commandSeq: 7, at: at(2), detail: {} }]);
    expect(r.completion).toBeNull();

    const same = gradeTransitions(r.tasks.concat(previous[1]!), [passing("a"), failing("b")], fresh, { at: at(3), commandSeq: 8 });
    expect(same).toEqual({ tasks: [], events: [], completion: null });
  });

  it("records a regression with the failing message and keeps the first pass time", () => {
    const previous = [stored("a", true, "All checks pass.", at(1))];
    const r = gradeTransitions(previous, [failing("a", "Docker network news on stapp01 does not exist")], fresh, { at: at(5), commandSeq: 12 });
    expect(r.tasks).toEqual([stored("a", false, "Docker network news on stapp01 does not exist", at(1))]);
    expect(r.events).toEqual([{ kind: "task-failed", taskId: "a", commandSeq: 12, at: at(5), detail: { message: "Docker network news on stapp01 does not exist" } }]);
    // Passing again is a new "task-passed"; the first pass time stays.
    const again = gradeTransitions(r.tasks, [passing("a")], fresh, { at: at(6), commandSeq: 13 });
    expect(again.tasks[0]!.firstPassedAt).toEqual(at(1));
    expect(again.events.map((e) => e.kind)).toEqual(["task-passed", "completed"]);
  });

  it("stores a new reason for a failing task without an event: progress looks the same as a mistake", () => {
    const r = gradeTransitions([stored("a", false, "0 of 5 replicas ready")], [failing("a", "3 of 5 replicas ready")], fresh, { at: at(1), commandSeq: 4 });
    expect(r.tasks).toEqual([stored("a", false, "3 of 5 replicas ready")]);
    expect(r.events).toEqual([]);
  });

  it("completes the first time every task passes, with the command count and the time taken", () => {
    const previous = [stored("a", true, "All checks pass.", at(1)), stored("b", false, "b is missing")];
    const r = gradeTransitions(previous, [passing("a"), passing("b")], { startedAt: START, completedAt: null, commandCount: 9 }, { at: at(8), commandSeq: 11 });
    expect(r.completion).toEqual({ at: at(8), commandCount: 9, durationMs: 8 * 60_000 });
    expect(r.events.at(-1)).toEqual({ kind: "completed", taskId: null, commandSeq: 11, at: at(8), detail: { commandCount: 9, durationMs: 8 * 60_000 } });

    // Once completed, never again: not after a regression and a second pass either.
    const done = { startedAt: START, completedAt: at(8), commandCount: 9 };
    const broken = gradeTransitions(r.tasks.concat(previous[0]!), [passing("a"), failing("b")], done, { at: at(9), commandSeq: 12 });
    const fixed = gradeTransitions(broken.tasks.concat(previous[0]!), [passing("a"), passing("b")], done, { at: at(10), commandSeq: 13 });
    expect(fixed.completion).toBeNull();
    expect(fixed.events.map((e) => e.kind)).toEqual(["task-passed"]);
  });

  it("never completes a lab without tasks", () => {
    expect(gradeTransitions([], [], fresh, { at: at(1), commandSeq: 1 }).completion).toBeNull();
  });
});

describe("commands", () => {
  it("count a line once it completes a command, not a password prompt, a here-document line, a blank line or a control action", () => {
    expect(countsAsCommand("docker network ls", {})).toBe(true);
    expect(countsAsCommand("ssh tony@stapp01", { waitingFor: "password" })).toBe(false);
    expect(countsAsCommand("Ir0nM@n", {})).toBe(true);
    expect(countsAsCommand("cat <<EOF > a.yaml", { waitingFor: "more" })).toBe(false);
    expect(countsAsCommand("vi web.yaml", { waitingFor: "editor" })).toBe(true);
    expect(countsAsCommand("   ", {})).toBe(false);
    expect(countsAsCommand('\u0000{"action":"save","content":"x"}', {})).toBe(false);
  });

  it("stop counting once the lab is completed", () => {
    expect(commandCountAfter(fresh, true)).toBe(1);
    expect(commandCountAfter(fresh, false)).toBe(0);
    expect(commandCountAfter({ ...fresh, commandCount: 5, completedAt: at(3) }, true)).toBe(5);
  });
});

describe("hints and the solution", () => {
  it("give hints one at a time, in order, and again on request", () => {
    expect(hintRequest(0, 0, 3)).toBe("new");
    expect(hintRequest(1, 0, 3)).toBe("again");
    expect(hintRequest(1, 2, 3)).toBe("not-yet");
    expect(hintRequest(3, 3, 3)).toBe("no-such-hint");
    expect(hintRequest(0, -1, 3)).toBe("no-such-hint");
    expect(hintRequest(0, 0.5, 3)).toBe("no-such-hint");
  });

  const tasks = [
    { id: "a", hints: 2, passed: true },
    { id: "b", hints: 3, passed: false },
  ];

  it("keep the solution closed at the start, and open it once every hint of the open tasks was seen", () => {
    const start = solutionState({ tasks, revealed: {}, commandCount: 0, startedAt: START, completed: false, now: at(0) });
    expect(start).toEqual({ unlocked: false, hintsLeft: 3, commandsLeft: 10, minutesLeft: 10 });
    // Hints of a task already done do not count.
    expect(solutionState({ tasks, revealed: { b: 2 }, commandCount: 0, startedAt: START, completed: false, now: at(1) }).unlocked).toBe(false);
    expect(solutionState({ tasks, revealed: { b: 3 }, commandCount: 0, startedAt: START, completed: false, now: at(1) })).toMatchObject({ unlocked: true, hintsLeft: 0 });
  });

  it("open the solution after enough commands over enough time, or once the lab is completed", () => {
    const base = { tasks, revealed: {}, startedAt: START, completed: false };
    expect(solutionState({ ...base, commandCount: 10, now: at(9.5) })).toEqual({ unlocked: false, hintsLeft: 3, commandsLeft: 0, minutesLeft: 1 });
    expect(solutionState({ ...base, commandCount: 9, now: at(30) })).toMatchObject({ unlocked: false, commandsLeft: 1, minutesLeft: 0 });
    expect(solutionState({ ...base, commandCount: 10, now: at(10) }).unlocked).toBe(true);
    expect(solutionState({ ...base, commandCount: 1, now: at(1), completed: true }).unlocked).toBe(true);
  });
});
