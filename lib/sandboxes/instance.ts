import "server-only";
import { prisma } from "@/lib/db/client";
import { SandboxService, SandboxError } from "./service";
import { HttpError } from "@/lib/http/json";
import { Sandbox } from "@/lib/engine/sandbox";
import { buildLabSandbox, findLab } from "./grading";

// One sandbox service per server process (kept across hot reloads in development).
const globalForSandboxes = globalThis as unknown as { kubeclassSandboxes?: SandboxService };

export function sandboxService(): SandboxService {
  globalForSandboxes.kubeclassSandboxes ??= new SandboxService(prisma(), {
    build: (labId, seed, startTime) => (labId ? buildLabSandbox(labId, seed, startTime) : Sandbox.create({ seed, startTime })),
    labExists: (labId) => findLab(labId) !== null,
  });
  return globalForSandboxes.kubeclassSandboxes;
}

/** Maps the service's errors to HTTP errors (429 carries Retry-After). */
export function asHttpError(error: unknown): unknown {
  if (error instanceof SandboxError) {
    return new HttpError(error.status, error.message, error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {});
  }
  return error;
}
