import "server-only";
import { z } from "zod";
import { errorAnswer, parseJson, tooLarge, type JsonAnswer } from "@/lib/http/json";
import { CONTROL_PREFIX, controlEntry } from "@/lib/engine/sandbox";
import type { CookieSource } from "@/lib/auth/tokens";
import { asHttpError, sandboxService } from "./instance";
import { requireUser } from "./requests";

// POST /api/sandboxes/<id>/exec, the request every terminal line makes. Its route handler and
// the app process's direct path (scripts/app-process.ts, which skips the framework's request
// machinery for this one hot request) both answer through here.

/** The JSON envelope adds a little to the command's own limit. */
export const EXEC_BODY_LIMIT = 1024 * 1024 + 1024;

// A typed line, or one of the terminal's control actions (Ctrl-C, Ctrl-D, saving or leaving the editor).
const body = z.union([
  z.object({ command: z.string().refine((c) => !c.startsWith(CONTROL_PREFIX), "must not start with a NUL") }).strict(),
  z.object({ control: z.enum(["interrupt", "eof", "close"]) }).strict(),
  z.object({ control: z.literal("save"), content: z.string() }).strict(),
]);

/** The answer to one exec request: its sandbox id, the caller's cookies and the body as text. */
export async function answerExec(id: string, cookies: CookieSource, text: string): Promise<JsonAnswer> {
  try {
    const input = parseJson(text, body, EXEC_BODY_LIMIT);
    let command: string;
    if ("command" in input) command = input.command;
    else if (input.control === "save") command = controlEntry({ action: "save", content: (input as { content: string }).content });
    else command = controlEntry({ action: input.control });
    const user = await requireUser(cookies);
    const result = await sandboxService().exec(id, user.id, command);
    return {
      status: 200,
      headers: {},
      body: {
        output: result.output,
        exitCode: result.exitCode,
        prompt: result.prompt,
        ...(result.waitingFor ? { waitingFor: result.waitingFor } : {}),
        ...(result.editor ? { editor: { path: result.editor.path, content: result.editor.content, readOnly: result.editor.readOnly } } : {}),
        ...(result.cleared ? { cleared: true } : {}),
        ...(result.ended ? { ended: true } : {}),
      },
    };
  } catch (error) {
    return errorAnswer(asHttpError(error));
  }
}

/** The answer to a body over the limit, for a caller that stops reading it. */
export function tooLargeAnswer(): JsonAnswer {
  return errorAnswer(tooLarge(EXEC_BODY_LIMIT));
}

/** Cookies from a raw Cookie header (the direct path has no Request object). */
export function cookiesFromHeader(header: string | undefined): CookieSource {
  return {
    get(name: string) {
      for (const part of (header ?? "").split(";")) {
        const eq = part.indexOf("=");
        if (eq > 0 && part.slice(0, eq).trim() === name) return { value: part.slice(eq + 1).trim() };
      }
      return undefined;
    },
  };
}
