// Tab completion through its route: it answers from the live sandbox, only to its owner, and
// leaves no trace: nothing logged, nothing changed.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as createSandbox } from "@/app/api/sandboxes/route";
import { GET as getSandbox } from "@/app/api/sandboxes/[id]/route";
import { POST as exec } from "@/app/api/sandboxes/[id]/exec/route";
import { GET as complete } from "@/app/api/sandboxes/[id]/complete/route";
import { sandboxService } from "@/lib/sandboxes/instance";
import { requireUser } from "@/lib/sandboxes/requests";
import { withAppDatabase } from "@/test/support/db";

const database = withAppDatabase();

function request(path: string, init: { method?: string; body?: string; cookie?: string } = {}) {
  return new NextRequest(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers: { "content-type": "application/json", ...(init.cookie ? { cookie: init.cookie } : {}) },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function newSandbox(): Promise<{ id: string; cookie: string }> {
  const response = await createSandbox(request("/api/sandboxes", { method: "POST", body: "{}" }));
  const { id } = (await response.json()) as { id: string };
  return { id, cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]! };
}

async function run(id: string, cookie: string, command: string) {
  const response = await exec(request(`/api/sandboxes/${id}/exec`, { method: "POST", body: JSON.stringify({ command }), cookie }), params(id));
  expect(response.status).toBe(200);
}

async function ask(id: string, cookie: string, query: Record<string, string>) {
  const response = await complete(request(`/api/sandboxes/${id}/complete?${new URLSearchParams(query)}`, { cookie }), params(id));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/sandboxes/<id>/complete", () => {
  it("completes a Pod's name from the live cluster, and changes nothing", async () => {
    const { id, cookie } = await newSandbox();
    await run(id, cookie, "kubectl create deployment web --image nginx:1.27");
    // The Deployment's controllers act a few milliseconds later; opening the sandbox brings it
    // up to the wall clock, as the events stream does while the page is open.
    await new Promise((r) => setTimeout(r, 50));
    await getSandbox(request(`/api/sandboxes/${id}`, { cookie }), params(id));

    const user = await requireUser(request("/", { cookie }));
    const snapshot = () => sandboxService().inspect(id, user.id, (sandbox) => JSON.stringify(sandbox.snapshot()));
    const logged = () => database().client.sandboxCommand.count({ where: { sandboxId: id } });
    const before = { snapshot: await snapshot(), logged: await logged() };

    const line = "kubectl describe pod we";
    const answer = await ask(id, cookie, { line, cursor: String(line.length) });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ from: 21, to: 23, matches: [expect.stringMatching(/^web-[a-z0-9]+-[a-z0-9]{5}$/)], display: [expect.stringMatching(/^web-/)] });
    // Without a cursor the end of the line is meant.
    expect((await ask(id, cookie, { line: "kubectl get deplo" })).body.matches).toEqual(["deploy", "deployment", "deployments"]);

    expect(await logged()).toBe(before.logged);
    expect(await snapshot()).toBe(before.snapshot);
  });

  it("answers 403 to anyone else, 404 for an unknown sandbox, 400 for a bad query and 413 for a huge line", async () => {
    const { id, cookie } = await newSandbox();
    const stranger = await newSandbox();
    expect((await ask(id, stranger.cookie, { line: "kubectl get po" })).status).toBe(403);
    expect((await ask(id, "", { line: "kubectl get po" })).status).toBe(403);
    expect((await ask("no-such-sandbox-id-000000", cookie, { line: "ls" })).status).toBe(404);
    const bad = await ask(id, cookie, { line: "kubectl", cursor: "99" });
    expect(bad).toMatchObject({ status: 400, body: { error: "invalid_body" } });
    expect((await ask(id, cookie, { cursor: "1" })).status).toBe(400);
    expect((await ask(id, cookie, { line: "ls", extra: "1" })).status).toBe(400);
    expect((await ask(id, cookie, { line: "x".repeat(5000) })).status).toBe(413);
  });
});
