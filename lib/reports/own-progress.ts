import "server-only";
import { listCourses } from "@/lib/content/catalogue";
import { loadActivity } from "@/lib/db/activity";
import type { SessionUser } from "@/lib/db/sessions";
import { courseOutline } from "./outline";
import { learnerProgress } from "./progress";

/**
 * The progress of the learner behind the request, per course: only ever their own (it takes the
 * session's user, never an id from the request).
 */
export async function ownProgress(user: SessionUser | null) {
  const courses = await listCourses();
  return Promise.all(
    courses.map(async (course) => {
      const outline = await courseOutline(course);
      const activity = user ? await loadActivity([user.id], course.id) : { lessons: [], quizzes: [], labs: [], lastActive: {} };
      return { course, outline, progress: learnerProgress(outline, activity, user?.id ?? "") };
    }),
  );
}
