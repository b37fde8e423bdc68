import { NextResponse, type NextRequest } from "next/server";
import { isSecureRequest } from "@/lib/auth/anonymous";
import { loadQuiz, QuizFileError } from "@/lib/content/quizzes";
import { submitQuizAttempt } from "@/lib/quiz/attempts";
import { attemptBodySchema, MAX_ATTEMPT_BODY_BYTES, type AttemptError } from "@/lib/quiz/submission";

function fail(status: number, error: AttemptError["error"], message: string) {
  return NextResponse.json<AttemptError>({ error, message }, { status, headers: { "Cache-Control": "no-store" } });
}

/** The body as text, or null once it grows past the limit (stops reading there). */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * POST /api/quizzes/<id>/attempts `{ locale, answers }` → 201 with the grade per question.
 * Grading happens here so the page never needs the answers.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;

  // A JSON content type also makes cross-site form posts impossible without a CORS preflight.
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) return fail(415, "unsupported_media_type", "Send the answers as application/json.");

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ATTEMPT_BODY_BYTES) return fail(413, "too_large", `The body exceeds ${MAX_ATTEMPT_BODY_BYTES} bytes.`);
  const text = await readLimited(request, MAX_ATTEMPT_BODY_BYTES);
  if (text === null) return fail(413, "too_large", `The body exceeds ${MAX_ATTEMPT_BODY_BYTES} bytes.`);

  let quiz;
  try {
    quiz = await loadQuiz(id);
  } catch (error) {
    if (!(error instanceof QuizFileError)) throw error;
    console.error(error.message);
    return fail(500, "quiz_unavailable", "This quiz cannot be graded right now.");
  }
  if (!quiz) return fail(404, "not_found", `There is no quiz "${id.slice(0, 100)}".`);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(400, "invalid_json", "The body is not valid JSON.");
  }
  const body = attemptBodySchema.safeParse(json);
  if (!body.success) {
    const issues = body.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
    return fail(400, "invalid_body", issues.join("; "));
  }

  const { response, cookie } = await submitQuizAttempt({
    quiz,
    locale: body.data.locale,
    answers: body.data.answers,
    cookies: request.cookies,
    secure: isSecureRequest(request),
  });
  const res = NextResponse.json(response, { status: 201, headers: { "Cache-Control": "no-store" } });
  if (cookie) res.cookies.set(cookie);
  return res;
}
