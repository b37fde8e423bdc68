import { NextResponse } from "next/server";
import { jsonError } from "@/lib/http/json";
import { asHttpError, sandboxService } from "@/lib/sandboxes/instance";
import { requireUser } from "@/lib/sandboxes/requests";
import { findLabAttemptBySandbox } from "@/lib/db/lab-attempts";

type Params = { params: Promise<{ id: string }> };

/** GET /api/sandboxes/<id> → the terminal's history and prompt, to pick up after a reload (and a lab sandbox's attempt id). */
export async function GET(request: Request, { params }: Params) {
  try {
    const { id } = await params;
    const user = await requireUser(request);
    const { sandbox, row, history } = await sandboxService().open(id, user.id, { history: true });
    const attempt = row.labId ? await findLabAttemptBySandbox(id) : null;
    return NextResponse.json({
      id,
      lab: row.labId,
      attempt: attempt?.id ?? null,
      prompt: sandbox.prompt(),
      history: history.map((c) => ({ command: c.command, output: c.output, exitCode: c.exitCode })),
    });
  } catch (error) {
    return jsonError(asHttpError(error));
  }
}

/** DELETE /api/sandboxes/<id> → closes it (a reset then starts a fresh one). */
export async function DELETE(request: Request, { params }: Params) {
  try {
    const { id } = await params;
    const user = await requireUser(request);
    await sandboxService().close(id, user.id);
    return new NextResponse(null, { status: 204 });
  } catch (error) {
    return jsonError(asHttpError(error));
  }
}
