// Grading: every check of every task against the sandbox's current state (never the commands
// typed). Cheap enough to run after each command: reads are served from etcd once per pass.
import type { Locale } from "@/lib/i18n/locales";
import type { Sandbox } from "@/lib/engine/sandbox";
import { runCheck, StateReader } from "./checks";
import { formatMessage } from "./messages";
import type { Lab } from "./schema";

export interface TaskResult {
  id: string;
  passed: boolean;
  /** "All checks pass." or what is wrong, one line per failing check, in the requested language. */
  message: string;
}

export interface GradeResult {
  tasks: TaskResult[];
}

export function gradeLab(lab: Pick<Lab, "tasks">, sandbox: Sandbox, locale: Locale): GradeResult {
  const reader = new StateReader(sandbox);
  return {
    tasks: lab.tasks.map((task) => {
      const failures: string[] = [];
      for (const check of task.checks) {
        const r = runCheck(check, reader);
        if (!r.passed) failures.push(formatMessage(r.message, locale));
      }
      return failures.length === 0 ? { id: task.id, passed: true, message: formatMessage({ key: "passed" }, locale) } : { id: task.id, passed: false, message: failures.join("\n") };
    }),
  };
}
