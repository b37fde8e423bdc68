// A sandbox log entry as people read it. The log holds typed lines and, after a NUL, the
// terminal's control actions (Ctrl-C, Ctrl-D, saving or leaving the editor). Pure.

export type EntryKind = "command" | "password" | "interrupt" | "eof" | "save" | "close";

export type ShownEntry = { kind: EntryKind; text: string };

const CONTROL_PREFIX = "\u0000";
export const MASKED = "••••••";

/**
 * `afterPassword`: the entry answered a password prompt, so it is shown masked (lab passwords
 * are not secrets, but a replay should not teach anyone to show typed passwords).
 */
export function showEntry(command: string, afterPassword = false): ShownEntry {
  if (command.startsWith(CONTROL_PREFIX)) {
    let action: unknown;
    try {
      action = (JSON.parse(command.slice(CONTROL_PREFIX.length)) as { action?: unknown }).action;
    } catch {
      action = undefined;
    }
    if (action === "interrupt" || action === "eof" || action === "save" || action === "close") return { kind: action, text: "" };
    return { kind: "command", text: "" };
  }
  if (afterPassword) return { kind: "password", text: MASKED };
  return { kind: "command", text: command };
}

/** The form commands are counted in: surrounding space trimmed, inner runs of space collapsed. */
export function normalizeCommand(command: string): string {
  return command.trim().replace(/[ \t]+/g, " ");
}

/** One entry of a replayed sandbox log, as the replay page lists it. */
export type ReplayEntry = {
  seq: number;
  kind: EntryKind;
  /** What was typed (masked when it answered a password prompt; empty for control actions). */
  text: string;
  /** The prompt the learner saw when typing it. */
  prompt: string;
  output: string;
  exitCode: number;
  /** Virtual time, ms since the epoch. */
  at: number;
};
