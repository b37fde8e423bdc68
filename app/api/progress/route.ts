import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/anonymous";
import { ownProgress } from "@/lib/reports/own-progress";

export const dynamic = "force-dynamic";

/** GET /api/progress → the caller's own progress per course (there is no way to ask for anyone else's). */
export async function GET(request: Request) {
  const user = await currentUser(request);
  const courses = await ownProgress(user);
  return NextResponse.json(
    { courses: courses.map(({ course, progress }) => ({ id: course.id, ...progress })) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
