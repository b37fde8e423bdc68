// Every lab is proven: its solution, typed into a fresh sandbox, passes every task, and each
// known wrong attempt leaves its task failing with a message that says what is wrong.
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { createLabSandbox } from "@/lib/labs/environment";
import { gradeLab } from "@/lib/labs/grade";
import { loadAllLabs } from "@/lib/labs/load";
import { runScript, transcript, type ScriptStep } from "@/lib/labs/script";
import type { Lab } from "@/lib/labs/schema";

const SEED = 7;
const labs = loadAllLabs();

/** Commands the shell could not find: a lab whose solution needs them cannot pass yet. */
function missingCommands(steps: ScriptStep[]): string[] {
  const out = new Set<string>();
  for (const s of steps) for (const m of s.output.matchAll(/(?:^|\n)(?:-?bash: )?([\w.-]+): command not found/g)) out.add(m[1]!);
  for (const s of steps) for (const m of s.output.matchAll(/error: unknown command "([\w-]+)" for "kubectl"/g)) out.add(`kubectl ${m[1]}`);
  return [...out];
}

function explain(lab: Lab, steps: ScriptStep[], failing: { id: string; message: string }[]): string {
  const missing = missingCommands(steps);
  return [
    `lab ${lab.id}: ${failing.map((t) => `${t.id}: ${t.message}`).join(" | ")}`,
    missing.length > 0 ? `missing commands: ${missing.join(", ")}` : "",
    transcript(steps),
  ].join("\n");
}

describe("the labs", () => {
  it("exist, each with a unique place in the order", () => {
    expect(labs.length).toBeGreaterThan(0);
    const orders = labs.map((l) => l.order);
    expect(new Set(orders).size).toBe(orders.length);
  });
});

describe.each(labs.map((lab) => [lab.id, lab] as const))("lab %s", (_id, lab) => {
  it("starts with every task failing, with a message in every language", () => {
    const sandbox = createLabSandbox(lab, { seed: SEED });
    for (const locale of locales) {
      const grade = gradeLab(lab, sandbox, locale);
      for (const t of grade.tasks) {
        expect(t.passed, `${t.id} passes before the learner did anything`).toBe(false);
        expect(t.message).not.toMatch(/[{}]/);
        expect(t.message.length).toBeGreaterThan(0);
      }
    }
  });

  it("is solved by its solution", () => {
    const sandbox = createLabSandbox(lab, { seed: SEED });
    const steps = runScript(sandbox, lab.solution);
    const grade = gradeLab(lab, sandbox, "en");
    const failing = grade.tasks.filter((t) => !t.passed);
    expect(failing, explain(lab, steps, failing)).toEqual([]);
  });

  it.each(lab.wrong.map((w) => [w.about, w] as const))("rejects a wrong attempt: %s", (_about, wrong) => {
    const sandbox = createLabSandbox(lab, { seed: SEED });
    const steps = runScript(sandbox, wrong.commands);
    const task = gradeLab(lab, sandbox, "en").tasks.find((t) => t.id === wrong.task)!;
    expect(task.passed, `the attempt passes ${wrong.task}\n${transcript(steps)}`).toBe(false);
    if (wrong.expect !== undefined) expect(task.message, explain(lab, steps, [task])).toContain(wrong.expect);
  });
});
