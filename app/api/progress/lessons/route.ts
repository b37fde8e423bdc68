import { NextResponse } from "next/server";
import { z } from "zod";
import { currentUser, getOrCreateAnonymousUser, isSecureRequest } from "@/lib/auth/anonymous";
import { getCourse } from "@/lib/content/catalogue";
import { markLessonCompleted, markLessonOpened } from "@/lib/db/progress";
import { HttpError, jsonError, readJson } from "@/lib/http/json";
import { locales } from "@/lib/i18n/locales";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(100);
const body = z.object({ course: slug, lesson: slug, event: z.enum(["opened", "completed"]), locale: z.enum(locales).optional() }).strict();

/**
 * POST /api/progress/lessons {"course","lesson","event"} → 204. "completed" (the learner reached
 * the end of the lesson) records the lesson as read, creating the anonymous learner if needed;
 * "opened" only moves "last visited" for a learner who exists already, so page views by
 * crawlers create nothing.
 */
export async function POST(request: Request) {
  try {
    // A JSON content type makes a cross-site form post impossible without a CORS preflight.
    if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) throw new HttpError(415, "Send application/json.");
    const input = await readJson(request, body, 1024);
    const course = await getCourse(input.course);
    if (!course || !course.lessons.includes(input.lesson)) throw new HttpError(404, "No such lesson in this course.");
    const where = { course: course.id, lesson: input.lesson };
    if (input.event === "opened") {
      const user = await currentUser(request);
      if (user) await markLessonOpened({ userId: user.id, ...where });
      return new NextResponse(null, { status: 204 });
    }
    const { user, cookie } = await getOrCreateAnonymousUser(request, { secure: isSecureRequest(request), locale: input.locale });
    await markLessonCompleted({ userId: user.id, ...where });
    const response = new NextResponse(null, { status: 204 });
    if (cookie) response.cookies.set(cookie);
    return response;
  } catch (error) {
    return jsonError(error);
  }
}
