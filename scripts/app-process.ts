import http from "node:http";
import next from "next";
import type { CookieSource } from "@/lib/auth/tokens";
import type { JsonAnswer } from "@/lib/http/json";

// One app process: the Next.js server, with the terminal's exec request answered directly.
// That request is most of a class's traffic (a line a second per learner) and the framework's
// request handling cost more than the command itself; it gets the same answer through the
// same code (lib/sandboxes/exec-request.ts, handed over by instrumentation.ts), read and written
// with plain Node.js. Everything else goes to Next.js as usual.

interface DirectExec {
  answerExec: (id: string, cookies: CookieSource, text: string) => Promise<JsonAnswer>;
  cookiesFromHeader: (header: string | undefined) => CookieSource;
  tooLargeAnswer: () => JsonAnswer;
  EXEC_BODY_LIMIT: number;
}

const EXEC_PATH = /^\/api\/sandboxes\/([^/?#]+)\/exec(?:\?.*)?$/;

function send(res: http.ServerResponse, answer: JsonAnswer) {
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...answer.headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/** The id as the route's params give it (an undecodable one stays as sent, and is not found). */
function decodedId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Past this much, a body is not even read to its end: the connection is dropped. */
const DISCARD_LIMIT = 16 * 1024 * 1024;

function answerDirectly(direct: DirectExec, id: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const limit = direct.EXEC_BODY_LIMIT;
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    // Past the limit nothing more is kept, but the body is read to its end so that the client,
    // still sending, gets the 413 rather than a reset connection.
    if (size <= limit) chunks.push(chunk);
    else if (size > DISCARD_LIMIT) req.destroy();
  });
  req.on("end", () => {
    if (size > limit) return send(res, direct.tooLargeAnswer());
    direct
      .answerExec(decodedId(id), direct.cookiesFromHeader(req.headers.cookie), Buffer.concat(chunks).toString("utf8"))
      .then((answer) => send(res, answer))
      .catch((error: unknown) => {
        console.error("exec failed:", error);
        send(res, { status: 500, headers: {}, body: { error: "error", message: "Something went wrong on the server." } });
      });
  });
}

/** `--port N` and `--hostname H`, as `next start` takes them. */
function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const port = Number(option("port") ?? process.env.PORT ?? 3000);
  const hostname = option("hostname");
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Next.js runs instrumentation.ts on the first request it handles; until then (a moment at
  // start) exec requests take the route handler, which answers the same.
  let direct: DirectExec | undefined;
  const server = http.createServer((req, res) => {
    direct ??= (globalThis as { kubeclassExec?: DirectExec }).kubeclassExec;
    const match = direct && req.method === "POST" ? EXEC_PATH.exec(req.url ?? "") : null;
    if (direct && match) answerDirectly(direct, match[1]!, req, res);
    else void handle(req, res);
  });
  // Event streams stay open for minutes.
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  await fetch(`http://127.0.0.1:${port}/api/me`).then((r) => r.arrayBuffer());
  if (!(globalThis as { kubeclassExec?: DirectExec }).kubeclassExec) throw new Error("The app did not register its exec handler (instrumentation.ts).");
  console.log(`App process ready on port ${port}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
