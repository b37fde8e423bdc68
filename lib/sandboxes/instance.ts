import "server-only";
import { prisma } from "@/lib/db/client";
import { SandboxService, isSandboxError } from "./service";
import { HttpError } from "@/lib/http/json";
import { createSandboxService } from "./factory";

// One sandbox service per server process (kept across hot reloads in development).
const globalForSandboxes = globalThis as unknown as { kubeclassSandboxes?: SandboxService };

/** A positive integer from the environment, or undefined (the service's default). */
function setting(name: string): number | undefined {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export function sandboxService(): SandboxService {
  // Deployment settings (see the README): how many engines stay in memory, and how often a
  // sandbox's state is written down (a rebuild replays at most that many commands).
  globalForSandboxes.kubeclassSandboxes ??= createSandboxService(prisma(), {
    maxLive: setting("KUBECLASS_LIVE_SANDBOXES"),
    snapshotEvery: setting("KUBECLASS_SNAPSHOT_EVERY"),
  });
  return globalForSandboxes.kubeclassSandboxes;
}

/** Maps the service's errors to HTTP errors (429 carries Retry-After). */
export function asHttpError(error: unknown): unknown {
  if (isSandboxError(error)) {
    return new HttpError(error.status, error.message, error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {});
  }
  return error;
}
