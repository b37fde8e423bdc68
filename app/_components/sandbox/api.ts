// The browser's side of the sandbox HTTP API.
import type { AttemptView } from "@/lib/labs/attempt";

export type { AttemptView };

export interface ExecResponse {
  output: string;
  exitCode: number;
  prompt: string;
  waitingFor?: "password" | "editor" | "more";
  editor?: { path: string; content: string; readOnly: boolean };
  cleared?: boolean;
  ended?: boolean;
}

export interface SandboxInfo {
  id: string;
  lab: string | null;
  /** A lab sandbox's attempt. */
  attempt?: string | null;
  prompt: string;
  history: { command: string; output: string; exitCode: number }[];
}

/** The live checklist of a lab sandbox (GET /api/sandboxes/<id>/grade, and the events stream's `grade` events). */
export interface GradeResponse {
  tasks: { id: string; passed: boolean; message: string }[];
}

export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { "Content-Type": "application/json", ...(init?.headers ?? {}) }, credentials: "same-origin" });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!res.ok) throw new SandboxApiError(res.status, body.message ?? res.statusText, Number(res.headers.get("retry-after")) || undefined);
  return body as T;
}

export const sandboxApi = {
  create: (lab: string | null) => call<{ id: string }>("/api/sandboxes", { method: "POST", body: JSON.stringify({ lab }) }),
  get: (id: string) => call<SandboxInfo>(`/api/sandboxes/${encodeURIComponent(id)}`),
  close: (id: string) => call<void>(`/api/sandboxes/${encodeURIComponent(id)}`, { method: "DELETE" }),
  exec: (id: string, command: string) => call<ExecResponse>(`/api/sandboxes/${encodeURIComponent(id)}/exec`, { method: "POST", body: JSON.stringify({ command }) }),
  control: (id: string, control: "interrupt" | "eof" | "close") => call<ExecResponse>(`/api/sandboxes/${encodeURIComponent(id)}/exec`, { method: "POST", body: JSON.stringify({ control }) }),
  save: (id: string, content: string) => call<ExecResponse>(`/api/sandboxes/${encodeURIComponent(id)}/exec`, { method: "POST", body: JSON.stringify({ control: "save", content }) }),
  grade: (id: string, locale: string) => call<GradeResponse>(`/api/sandboxes/${encodeURIComponent(id)}/grade?locale=${encodeURIComponent(locale)}`),
};

/** A lab attempt: its totals, the hints shown and the solution (see lib/labs/attempt.ts). */
export const labAttemptApi = {
  get: (id: string, locale: string) => call<AttemptView>(`/api/lab-attempts/${encodeURIComponent(id)}?locale=${encodeURIComponent(locale)}`),
  hint: (id: string, taskId: string, index: number, locale: string) =>
    call<{ taskId: string; index: number; text: string; hintsUsed: number }>(`/api/lab-attempts/${encodeURIComponent(id)}/hints`, { method: "POST", body: JSON.stringify({ taskId, index, locale }) }),
  solution: (id: string) => call<{ solution: string }>(`/api/lab-attempts/${encodeURIComponent(id)}/solution`, { method: "POST", body: "{}" }),
};

/** Lesson code blocks send commands to the open terminal through this event. */
export const RUN_EVENT = "kubeclass:run-command";

/**
 * Commands sent before any terminal is open wait here; the lesson's sandbox opens and the
 * terminal runs them once it is ready.
 */
export const pendingCommands: string[] = [];
export const OPEN_EVENT = "kubeclass:open-sandbox";

export function runInTerminal(command: string) {
  const delivered = !window.dispatchEvent(new CustomEvent<string>(RUN_EVENT, { detail: command, cancelable: true }));
  if (!delivered) {
    pendingCommands.push(command);
    window.dispatchEvent(new Event(OPEN_EVENT));
  }
}
