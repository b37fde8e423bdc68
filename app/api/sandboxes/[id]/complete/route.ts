import { NextResponse } from "next/server";
import { z } from "zod";
import { HttpError, jsonError } from "@/lib/http/json";
import { asHttpError, sandboxService } from "@/lib/sandboxes/instance";
import { requireUser } from "@/lib/sandboxes/requests";
import { completeInSandbox } from "@/lib/sandboxes/completion-context";

/** Longest line completion looks at (the terminal sends what is typed so far). */
const MAX_LINE = 4096;

const query = z
  .object({
    line: z.string().max(MAX_LINE),
    cursor: z.coerce.number().int().min(0).optional(),
  })
  .strict()
  .refine((q) => q.cursor === undefined || q.cursor <= q.line.length, { message: "cursor must be within the line", path: ["cursor"] });

/**
 * GET /api/sandboxes/<id>/complete?line=...&cursor=... → {"from","to","matches","display"}: how
 * Tab completes the word before the cursor. Reads the sandbox as it stands: nothing is logged,
 * its clock does not move, and nothing in it changes.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const url = new URL(request.url);
    const parsed = query.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const tooLong = first?.code === "too_big" && first.path[0] === "line";
      throw new HttpError(tooLong ? 413 : 400, tooLong ? `A line may be at most ${MAX_LINE} characters.` : `Invalid request: ${first ? `${first.path.join(".") || "query"}: ${first.message}` : "bad query"}.`);
    }
    const { line } = parsed.data;
    const cursor = parsed.data.cursor ?? line.length;
    const user = await requireUser(request);
    const reply = await sandboxService().inspect(id, user.id, (sandbox) => completeInSandbox(sandbox, line, cursor));
    return NextResponse.json(reply, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return jsonError(asHttpError(error));
  }
}
