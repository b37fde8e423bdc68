import http from "node:http";
import type { AddressInfo } from "node:net";
import { learnerKey, processFor } from "@/lib/http/affinity";

// The front of a machine running several app processes (one Next.js server is one JavaScript
// thread; a machine has more cores). It passes each request through to the process that serves
// its learner (lib/http/affinity.ts), streaming both ways, so server-sent events flow as they are
// written. Requests from nobody yet (no cookie) take turns.

export interface Balancer {
  port: number;
  close: () => Promise<void>;
}

/** Headers that describe one connection and are not passed on (RFC 9110, section 7.6.1). */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);

export function startBalancer(options: { port: number; host?: string; targets: number[] }): Promise<Balancer> {
  const { targets } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  let turn = 0;

  const server = http.createServer((req, res) => {
    const key = learnerKey(req.headers.cookie);
    const target = targets[key === null ? turn++ % targets.length : processFor(key, targets.length)]!;
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    const client = req.socket.remoteAddress ?? "";
    headers["x-forwarded-for"] = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${client}` : client;

    const upstream = http.request({ host: "127.0.0.1", port: target, method: req.method, path: req.url, headers, agent }, (answer) => {
      const raw: string[] = [];
      for (let i = 0; i < answer.rawHeaders.length; i += 2) {
        if (!HOP_BY_HOP.has(answer.rawHeaders[i]!.toLowerCase())) raw.push(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, raw);
      // An event stream is written a message at a time: each goes out as it comes.
      res.flushHeaders();
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) {
        res.writeHead(502, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ error: "bad_gateway", message: "The app server is not answering; try again in a moment." }));
      } else {
        res.destroy();
      }
    });
    // A browser that leaves (a closed tab, an event stream it ends) ends the request behind it.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  // Event streams stay open for minutes; Node's default request timeouts would cut them.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 5_000;

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
            agent.destroy();
          }),
      });
    });
  });
}
