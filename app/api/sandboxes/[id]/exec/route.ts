import { NextResponse } from "next/server";
import { jsonError, tooLarge } from "@/lib/http/json";
import { answerExec, EXEC_BODY_LIMIT } from "@/lib/sandboxes/exec-request";

/** POST /api/sandboxes/<id>/exec {"command"} → 200 {"output","exitCode", "prompt", ...}. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (Number(request.headers.get("content-length") ?? "0") > EXEC_BODY_LIMIT) {
    return jsonError(tooLarge(EXEC_BODY_LIMIT));
  }
  const answer = await answerExec(id, request, await request.text());
  return NextResponse.json(answer.body, { status: answer.status, headers: answer.headers });
}
