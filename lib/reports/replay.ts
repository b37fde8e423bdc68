import "server-only";
import type { PrismaClient } from "@prisma/client";
import { prisma } from "@/lib/db/client";
import { Sandbox } from "@/lib/engine/sandbox";
import { buildLabSandbox, findLab } from "@/lib/sandboxes/grading";
import { runEntry } from "@/lib/sandboxes/run-entry";
import { commandsAfter, findSandbox } from "@/lib/sandboxes/store";
import { clusterView, type ClusterView } from "@/lib/sandboxes/view";
import { showEntry, type ReplayEntry } from "./entries";

export type { ReplayEntry };

// A learner's sandbox replayed from its log: the same seed, start time and lab environment, then
// each logged entry at the virtual time it ran. The engine is deterministic, so this is the
// cluster the learner had, step by step, not a recording of their screen.

export type Replay = {
  sandboxId: string;
  labId: string | null;
  entries: ReplayEntry[];
  /** 0 is the sandbox as it opened; n is the state right after entry n. */
  step: number;
  view: ClusterView;
};

export class ReplayUnavailable extends Error {}

/**
 * Replays a sandbox of `ownerId` up to `step` (clamped to the log). Null when the sandbox does
 * not exist or belongs to someone else.
 */
export async function replaySandbox(sandboxId: string, ownerId: string, step: number, db: PrismaClient = prisma()): Promise<Replay | null> {
  const row = await findSandbox(db, sandboxId);
  if (!row || row.ownerId !== ownerId) return null;
  if (row.labId && !findLab(row.labId)) throw new ReplayUnavailable(`The lab "${row.labId}" no longer exists.`);
  const sandbox = row.labId ? buildLabSandbox(row.labId, row.seed, row.startTime) : Sandbox.create({ seed: row.seed, startTime: row.startTime });
  const log = await commandsAfter(db, sandboxId, 0);
  const target = Math.max(0, Math.min(Number.isFinite(step) ? Math.floor(step) : 0, log.length));

  const entries: ReplayEntry[] = [];
  let view = target === 0 ? clusterView(sandbox) : null;
  let prompt = sandbox.prompt();
  let afterPassword = false;
  for (const [i, c] of log.entries()) {
    sandbox.advanceTo(c.virtualTime);
    // As the live service runs entries, so the trace (the diagram's "what happened") matches.
    const result = runEntry(sandbox, c.command);
    const shown = showEntry(c.command, afterPassword);
    // Output and exit code come from the log: exactly what the learner saw at the time.
    entries.push({ seq: c.seq, kind: shown.kind, text: shown.text, prompt, output: c.output, exitCode: c.exitCode, at: c.virtualTime });
    prompt = result.prompt;
    afterPassword = result.waitingFor === "password";
    if (i + 1 === target) view = clusterView(sandbox);
  }
  return { sandboxId, labId: row.labId, entries, step: target, view: view! };
}
