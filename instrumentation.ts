// Runs once when an app server starts. On Node.js it hands the exec answer to the app process
// (scripts/app-process.ts), which serves the terminal's requests without the framework's
// per-request machinery; the engines and the database client are this server's own.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { answerExec, cookiesFromHeader, tooLargeAnswer, EXEC_BODY_LIMIT } = await import("@/lib/sandboxes/exec-request");
  (globalThis as { kubeclassExec?: unknown }).kubeclassExec = { answerExec, cookiesFromHeader, tooLargeAnswer, EXEC_BODY_LIMIT };
}
