import { NextResponse } from "next/server";
import { requireCohortLearner } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/anonymous";
import { jsonError } from "@/lib/http/json";
import { isLocale } from "@/lib/i18n/locales";
import { learnerDetail } from "@/lib/reports/cohort";

export const dynamic = "force-dynamic";

/**
 * GET /api/cohorts/<id>/learners/<userId>[?locale=xx] → one learner's progress, quiz attempts
 * with answers, lab attempts with timelines and sandboxes: for the instructor of a cohort the
 * learner is in, and nobody else (404; 401 when signed out).
 */
export async function GET(request: Request, { params }: { params: Promise<{ cohort: string; learner: string }> }) {
  try {
    const { cohort: cohortId, learner } = await params;
    const { instructor, cohort, member } = await requireCohortLearner(await currentUser(request), cohortId, learner);
    const asked = new URL(request.url).searchParams.get("locale");
    const detail = await learnerDetail(cohort, member, isLocale(asked) ? asked : isLocale(instructor.locale) ? instructor.locale : "en");
    const { course, outline: _outline, ...rest } = detail;
    return NextResponse.json({ learner: member, course: course.id, ...rest }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return jsonError(error);
  }
}
