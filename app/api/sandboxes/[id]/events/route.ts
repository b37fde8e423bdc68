import { jsonError } from "@/lib/http/json";
import { asHttpError, sandboxService } from "@/lib/sandboxes/instance";
import { requireUser } from "@/lib/sandboxes/requests";
import { clusterView } from "@/lib/sandboxes/view";
import { gradeSandbox } from "@/lib/sandboxes/grading";

export const dynamic = "force-dynamic";

/** How often the stream looks at the cluster, and how long one stream lasts (the browser reconnects). */
const TICK_MS = 1000;
const STREAM_MS = 5 * 60_000;

/**
 * GET /api/sandboxes/<id>/events: a server-sent event stream of the cluster view. While it is
 * open the sandbox's virtual time follows the wall clock, so pods turn Running in front of the
 * learner; a closed tab costs nothing. A lab sandbox's stream also carries `event: grade`
 * messages, the checklist in the language of `?locale=`, whenever it changes; each tick grades
 * and records the lab attempt on the server as well (see lib/sandboxes/lab-recording.ts).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  let id: string;
  let ownerId: string;
  try {
    id = (await params).id;
    ownerId = (await requireUser(request)).id;
    await sandboxService().open(id, ownerId);
  } catch (error) {
    return jsonError(asHttpError(error));
  }
  const locale = new URL(request.url).searchParams.get("locale") ?? "en";
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = "";
      let lastGrade = "";
      const started = Date.now();
      const send = async () => {
        try {
          const { sandbox, row } = await sandboxService().open(id, ownerId);
          const text = JSON.stringify(clusterView(sandbox));
          if (text !== last) {
            last = text;
            controller.enqueue(encoder.encode(`data: ${text}\n\n`));
          }
          if (row.labId) {
            const grade = JSON.stringify(gradeSandbox(sandbox, row.labId, locale));
            if (grade !== lastGrade) {
              lastGrade = grade;
              controller.enqueue(encoder.encode(`event: grade\ndata: ${grade}\n\n`));
            }
          }
          if (Date.now() - started > STREAM_MS) {
            clearInterval(timer);
            controller.close();
          }
        } catch {
          clearInterval(timer);
          controller.close();
        }
      };
      void send();
      timer = setInterval(() => void send(), TICK_MS);
      request.signal.addEventListener("abort", () => clearInterval(timer));
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" } });
}
