import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startBalancer, type Balancer } from "./balancer";

// Two stand-in app processes behind a balancer: each answers with its name and what it got.

interface Backend {
  name: string;
  port: number;
  server: http.Server;
  /** Requests of event streams this backend saw closed by the other side. */
  closedStreams: number;
}

async function backend(name: string): Promise<Backend> {
  const state: Backend = { name, port: 0, server: http.createServer(), closedStreams: 0 };
  state.server.on("request", (req, res) => {
    if (req.url === "/events") {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write("data: one\n\n");
      const timer = setInterval(() => res.write("data: tick\n\n"), 50);
      req.on("close", () => {
        clearInterval(timer);
        state.closedStreams++;
      });
      return;
    }
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      res.setHeader("Set-Cookie", ["a=1; Path=/", "b=2; Path=/"]);
      res.writeHead(201, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ name, method: req.method, url: req.url, body, host: req.headers.host, forwardedFor: req.headers["x-forwarded-for"] }));
    });
  });
  await new Promise<void>((r) => state.server.listen(0, "127.0.0.1", r));
  state.port = (state.server.address() as AddressInfo).port;
  return state;
}

let open: { balancer?: Balancer; backends: Backend[] } = { backends: [] };

afterEach(async () => {
  await open.balancer?.close();
  for (const b of open.backends) {
    b.server.closeAllConnections();
    await new Promise((r) => b.server.close(r));
  }
  open = { backends: [] };
});

async function setUp(names = ["one", "two"]) {
  open.backends = await Promise.all(names.map(backend));
  open.balancer = await startBalancer({ port: 0, host: "127.0.0.1", targets: open.backends.map((b) => b.port) });
  return `http://127.0.0.1:${open.balancer.port}`;
}

const cookie = (c: string) => `kubeclass_anon=${c.repeat(43)}`;

describe("the balancer in front of several app processes", () => {
  it("keeps each learner on one process and passes requests and answers through unchanged", async () => {
    const base = await setUp();
    const seen = new Map<string, Set<string>>();
    for (const learner of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${base}/api/sandboxes/x/exec?n=${i}`, { method: "POST", headers: { Cookie: cookie(learner), "X-Forwarded-For": "203.0.113.9" }, body: `{"command":"ls ${i}"}` });
        expect(res.status).toBe(201);
        expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
        const got = (await res.json()) as { name: string; method: string; url: string; body: string; host: string; forwardedFor: string };
        expect(got).toMatchObject({ method: "POST", url: `/api/sandboxes/x/exec?n=${i}`, body: `{"command":"ls ${i}"}`, host: new URL(base).host, forwardedFor: "203.0.113.9, 127.0.0.1" });
        seen.set(learner, (seen.get(learner) ?? new Set()).add(got.name));
      }
    }
    for (const names of seen.values()) expect(names.size).toBe(1);
    expect(new Set([...seen.values()].flatMap((s) => [...s])).size).toBe(2);
  });

  it("takes turns for requests without a learner", async () => {
    const base = await setUp();
    const names = [];
    for (let i = 0; i < 4; i++) names.push(((await (await fetch(`${base}/en`)).json()) as { name: string }).name);
    expect(names).toEqual(["one", "two", "one", "two"]);
  });

  it("streams server-sent events as they come, and ends the stream behind a browser that leaves", async () => {
    const base = await setUp(["only"]);
    const controller = new AbortController();
    const res = await fetch(`${base}/events`, { signal: controller.signal });
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("tick")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text.startsWith("data: one\n\n")).toBe(true);
    controller.abort();
    const deadline = Date.now() + 5000;
    while (open.backends[0]!.closedStreams === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(open.backends[0]!.closedStreams).toBe(1);
  });

  it("answers 502 with a JSON message when the process is not there", async () => {
    const base = await setUp(["gone"]);
    open.backends[0]!.server.close();
    open.backends[0]!.server.closeAllConnections();
    const res = await fetch(`${base}/en`);
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: "bad_gateway", message: expect.stringMatching(/not answering/) });
  });
});
