import { NextResponse } from "next/server";
import { jsonError } from "@/lib/http/json";
import { asHttpError, sandboxService } from "@/lib/sandboxes/instance";
import { requireUser } from "@/lib/sandboxes/requests";
import { gradeSandbox } from "@/lib/sandboxes/grading";

/** GET /api/sandboxes/<id>/grade → {"tasks":[{"id","passed","message"}]} in the request's locale. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const user = await requireUser(request);
    const { sandbox, row } = await sandboxService().open(id, user.id);
    const locale = new URL(request.url).searchParams.get("locale") ?? request.headers.get("accept-language")?.slice(0, 2) ?? "en";
    return NextResponse.json(gradeSandbox(sandbox, row.labId, locale));
  } catch (error) {
    return jsonError(asHttpError(error));
  }
}
