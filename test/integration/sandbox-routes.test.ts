// The sandbox HTTP API through its route handlers: ownership, validation, limits and grading.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as createSandbox } from "@/app/api/sandboxes/route";
import { GET as getSandbox } from "@/app/api/sandboxes/[id]/route";
import { POST as exec } from "@/app/api/sandboxes/[id]/exec/route";
import { GET as grade } from "@/app/api/sandboxes/[id]/grade/route";
import { withAppDatabase } from "@/test/support/db";

const database = withAppDatabase();

function request(path: string, init: { method?: string; body?: string; cookie?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", ...(init.cookie ? { cookie: init.cookie } : {}), ...(init.headers ?? {}) },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function newSandbox(lab?: string): Promise<{ id: string; cookie: string }> {
  const response = await createSandbox(request("/api/sandboxes", { method: "POST", body: JSON.stringify(lab ? { lab } : {}) }));
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  return { id, cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]! };
}

async function run(id: string, cookie: string, command: string) {
  const response = await exec(request(`/api/sandboxes/${id}/exec`, { method: "POST", body: JSON.stringify({ command }), cookie }), params(id));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the sandbox HTTP API", () => {
  it("runs commands for its owner and keeps the history", async () => {
    const { id, cookie } = await newSandbox();
    expect(id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const result = await run(id, cookie, "kubectl get nodes");
    expect(result.status).toBe(200);
    expect(result.body.exitCode).toBe(0);
    expect(String(result.body.output)).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
    const info = await getSandbox(request(`/api/sandboxes/${id}`, { cookie }), params(id));
    const history = ((await info.json()) as { history: { command: string }[] }).history;
    expect(history.map((h) => h.command)).toEqual(["kubectl get nodes"]);
  });

  it("answers 403 with a JSON message to anyone else, and runs nothing for them", async () => {
    const { id, cookie } = await newSandbox();
    const stranger = await newSandbox();
    for (const who of [stranger.cookie, undefined]) {
      const result = await run(id, who ?? "", "kubectl create namespace intruder");
      expect(result.status).toBe(403);
      expect(result.body).toMatchObject({ error: "forbidden", message: expect.any(String) });
    }
    const forbiddenGrade = await grade(request(`/api/sandboxes/${id}/grade`, { cookie: stranger.cookie }), params(id));
    expect(forbiddenGrade.status).toBe(403);
    const check = await run(id, cookie, "kubectl get namespace intruder");
    expect(check.body.exitCode).toBe(1);
    const info = await getSandbox(request(`/api/sandboxes/${id}`, { cookie }), params(id));
    expect(((await info.json()) as { history: unknown[] }).history).toHaveLength(1);
  });

  it("answers 404 for an unknown sandbox or lab, 400 for a malformed body, 413 for a 100 kB command line", async () => {
    const { id, cookie } = await newSandbox();
    expect((await run("no-such-sandbox-id-000000", cookie, "ls")).status).toBe(404);
    const unknownLab = await createSandbox(request("/api/sandboxes", { method: "POST", body: JSON.stringify({ lab: "no-such-lab" }), cookie }));
    expect(unknownLab.status).toBe(404);

    const malformed = await exec(request(`/api/sandboxes/${id}/exec`, { method: "POST", body: "{not json", cookie }), params(id));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: "invalid_body" });
    const wrongShape = await exec(request(`/api/sandboxes/${id}/exec`, { method: "POST", body: JSON.stringify({ command: 42 }), cookie }), params(id));
    expect(wrongShape.status).toBe(400);

    const huge = await run(id, cookie, `echo ${"x".repeat(100 * 1024)}`);
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe("too_large");
    const info = await getSandbox(request(`/api/sandboxes/${id}`, { cookie }), params(id));
    expect(((await info.json()) as { history: unknown[] }).history).toHaveLength(0);
  });

  it("answers 429 with Retry-After when commands come faster than the rate allows", async () => {
    const { id, cookie } = await newSandbox();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i++) {
      const response = await exec(request(`/api/sandboxes/${id}/exec`, { method: "POST", body: JSON.stringify({ command: "true" }), cookie }), params(id));
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    expect(statuses).toContain(200);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Only the accepted commands are in the log.
    const logged = await database().client.sandboxCommand.count({ where: { sandboxId: id } });
    expect(logged).toBe(statuses.filter((s) => s === 200).length);
  });

  it("grades a lab sandbox live, in the locale of the request", async () => {
    const { id, cookie } = await newSandbox("etcd-key-value");
    const before = await grade(request(`/api/sandboxes/${id}/grade?locale=tr`, { cookie }), params(id));
    expect(before.status).toBe(200);
    const result = (await before.json()) as { tasks: { id: string; passed: boolean; message: string }[] };
    expect(result.tasks.length).toBeGreaterThan(0);
    expect(result.tasks.every((t) => !t.passed && t.message.length > 0)).toBe(true);

    const plain = await newSandbox();
    const none = await grade(request(`/api/sandboxes/${plain.id}/grade`, { cookie: plain.cookie }), params(plain.id));
    expect(await none.json()).toEqual({ tasks: [] });
  });
});
