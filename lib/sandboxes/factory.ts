import "server-only";
import type { PrismaClient } from "@prisma/client";
import { Sandbox } from "@/lib/engine/sandbox";
import { buildLabSandbox, findLab } from "./grading";
import { labRecordingHooks } from "./lab-recording";
import { SandboxService, type SandboxServiceOptions } from "./service";

/**
 * A sandbox service as the app runs it: lab environments built from content/labs, and lab
 * attempts recorded in `db`. The server keeps one (instance.ts); the demo seed makes its own.
 */
export function createSandboxService(db: PrismaClient, options: Omit<SandboxServiceOptions, "build" | "labExists" | "hooks"> = {}): SandboxService {
  return new SandboxService(db, {
    ...options,
    build: (labId, seed, startTime) => (labId ? buildLabSandbox(labId, seed, startTime) : Sandbox.create({ seed, startTime })),
    labExists: (labId) => findLab(labId) !== null,
    hooks: labRecordingHooks(db),
  });
}
