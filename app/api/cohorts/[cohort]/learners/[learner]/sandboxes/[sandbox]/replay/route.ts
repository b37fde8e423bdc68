import { NextResponse } from "next/server";
import { requireCohortLearner } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/anonymous";
import { HttpError, jsonError } from "@/lib/http/json";
import { replaySandbox, ReplayUnavailable } from "@/lib/reports/replay";

export const dynamic = "force-dynamic";

/**
 * GET /api/cohorts/<id>/learners/<userId>/sandboxes/<sandboxId>/replay?step=N → the learner's
 * sandbox rebuilt from its log up to entry N: `{ step, total, entry, view }`. For the cohort's
 * instructor only, and only for a sandbox of that learner (404 otherwise).
 */
export async function GET(request: Request, { params }: { params: Promise<{ cohort: string; learner: string; sandbox: string }> }) {
  try {
    const { cohort, learner, sandbox } = await params;
    const { member } = await requireCohortLearner(await currentUser(request), cohort, learner);
    const step = Number(new URL(request.url).searchParams.get("step") ?? "0");
    let replay;
    try {
      replay = await replaySandbox(sandbox, member.id, step);
    } catch (error) {
      if (error instanceof ReplayUnavailable) throw new HttpError(409, error.message);
      throw error;
    }
    if (!replay) throw new HttpError(404, "No such sandbox for this learner.");
    return NextResponse.json(
      { step: replay.step, total: replay.entries.length, entry: replay.entries[replay.step - 1] ?? null, view: replay.view },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return jsonError(error);
  }
}
