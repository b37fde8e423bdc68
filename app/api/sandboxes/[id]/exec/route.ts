import { NextResponse } from "next/server";
import { z } from "zod";
import { jsonError, readJson } from "@/lib/http/json";
import { asHttpError, sandboxService } from "@/lib/sandboxes/instance";
import { CONTROL_PREFIX, controlEntry } from "@/lib/engine/sandbox";
import { requireUser } from "@/lib/sandboxes/requests";

// A typed line, or one of the terminal's control actions (Ctrl-C, Ctrl-D, saving or leaving the editor).
const body = z.union([
  z.object({ command: z.string().refine((c) => !c.startsWith(CONTROL_PREFIX), "must not start with a NUL") }).strict(),
  z.object({ control: z.enum(["interrupt", "eof", "close"]) }).strict(),
  z.object({ control: z.literal("save"), content: z.string() }).strict(),
]);

/** POST /api/sandboxes/<id>/exec {"command"} → 200 {"output","exitCode", "prompt", ...}. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    // The JSON envelope adds a little to the command's own limit.
    const input = await readJson(request, body, 1024 * 1024 + 1024);
    let command: string;
    if ("command" in input) command = input.command;
    else if (input.control === "save") command = controlEntry({ action: "save", content: (input as { content: string }).content });
    else command = controlEntry({ action: input.control });
    const user = await requireUser(request);
    const result = await sandboxService().exec(id, user.id, command);
    return NextResponse.json({
      output: result.output,
      exitCode: result.exitCode,
      prompt: result.prompt,
      ...(result.waitingFor ? { waitingFor: result.waitingFor } : {}),
      ...(result.editor ? { editor: { path: result.editor.path, content: result.editor.content, readOnly: result.editor.readOnly } } : {}),
      ...(result.cleared ? { cleared: true } : {}),
      ...(result.ended ? { ended: true } : {}),
    });
  } catch (error) {
    return jsonError(asHttpError(error));
  }
}
