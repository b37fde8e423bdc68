import { jsonError } from "@/lib/http/json";
import { asHttpError, sandboxService } from "@/lib/sandboxes/instance";
import { requireUser } from "@/lib/sandboxes/requests";
import { clusterView } from "@/lib/sandboxes/view";

export const dynamic = "force-dynamic";

/** How often the stream looks at the cluster, and how long one stream lasts (the browser reconnects). */
const TICK_MS = 1000;
const STREAM_MS = 5 * 60_000;

/**
 * GET /api/sandboxes/<id>/events: a server-sent event stream of the cluster view. While it is
 * open the sandbox's virtual time follows the wall clock, so pods turn Running in front of the
 * learner; a closed tab costs nothing.
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
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = "";
      const started = Date.now();
      const send = async () => {
        try {
          const { sandbox } = await sandboxService().open(id, ownerId);
          const text = JSON.stringify(clusterView(sandbox));
          if (text !== last) {
            last = text;
            controller.enqueue(encoder.encode(`data: ${text}\n\n`));
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
