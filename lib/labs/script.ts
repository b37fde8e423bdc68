// Runs a lab's command script through a sandbox's terminal the way a learner types it: one line
// at a time, here-document bodies and continuation lines feeding the open command, and a line
// after a password prompt answering it. Time moves only as the commands move it.
import type { Sandbox } from "@/lib/engine/sandbox";

export interface ScriptStep {
  /** The command as typed (with its here-document or continuation lines; passwords masked). */
  command: string;
  output: string;
  exitCode: number;
}

/** Splits a script into lines, dropping the trailing newline of a YAML block. */
export function scriptLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function runScript(sandbox: Sandbox, text: string): ScriptStep[] {
  const steps: ScriptStep[] = [];
  let command = "";
  let output = "";
  let secret = false;
  for (const line of scriptLines(text)) {
    const typed = secret ? "********" : line;
    command = command ? `${command}\n${typed}` : typed;
    const r = sandbox.exec(line);
    output += r.output;
    if (r.waitingFor === "more" || r.waitingFor === "password") {
      secret = r.waitingFor === "password";
      continue;
    }
    if (r.waitingFor === "editor") sandbox.closeEditor();
    secret = false;
    steps.push({ command, output, exitCode: r.exitCode });
    command = "";
    output = "";
    if (r.ended) break;
  }
  if (command) steps.push({ command, output, exitCode: -1 });
  return steps;
}

/** A readable transcript for test failures: prompt-less commands and what they printed. */
export function transcript(steps: ScriptStep[], last = 40): string {
  return steps
    .slice(-last)
    .map((s) => `$ ${s.command}\n${s.output}${s.exitCode !== 0 ? `[exit ${s.exitCode}]\n` : ""}`)
    .join("");
}
