import { NextResponse } from "next/server";
import { z } from "zod";
import { jsonError, readJson } from "@/lib/http/json";
import { ownAttempt, showSolution } from "@/lib/sandboxes/lab-attempts";
import { requireUser } from "@/lib/sandboxes/requests";

const body = z.object({}).strict();

/** POST /api/lab-attempts/<id>/solution {} → {"solution"} once the attempt has been a real one (409 before); recorded. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const user = await requireUser(request);
    await readJson(request, body, 1024);
    const own = await ownAttempt(id, user.id);
    return NextResponse.json(await showSolution(own), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}
