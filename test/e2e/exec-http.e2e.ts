import { describe, expect, inject, it } from "vitest";

// The terminal's exec request as the running server answers it: through the balancer and the
// app process's direct path (scripts/app-process.ts), with the same contract as the route handler.

const base = () => inject("baseURL");

async function newSandbox(): Promise<{ id: string; cookie: string }> {
  const res = await fetch(`${base()}/api/sandboxes`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  expect(res.status).toBe(201);
  return { id: ((await res.json()) as { id: string }).id, cookie: (res.headers.get("set-cookie") ?? "").split(";")[0]! };
}

function exec(id: string, cookie: string | null, body: string) {
  return fetch(`${base()}/api/sandboxes/${id}/exec`, { method: "POST", headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) }, body });
}

async function history(id: string, cookie: string): Promise<string[]> {
  const res = await fetch(`${base()}/api/sandboxes/${id}`, { headers: { Cookie: cookie } });
  return ((await res.json()) as { history: { command: string }[] }).history.map((h) => h.command);
}

describe("the exec request on the running server", () => {
  it("runs a command and answers JSON", async () => {
    const { id, cookie } = await newSandbox();
    const res = await exec(id, cookie, JSON.stringify({ command: "kubectl get nodes" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const answer = (await res.json()) as { output: string; exitCode: number; prompt: string };
    expect(answer.exitCode).toBe(0);
    for (const node of ["controlplane", "node01", "node02"]) expect(answer.output).toMatch(new RegExp(`${node}\\s+Ready`));
    expect(answer.prompt).toBe("root@controlplane:~# ");
    expect(await history(id, cookie)).toEqual(["kubectl get nodes"]);
  });

  it("refuses bad input and strangers with the API's errors, and logs nothing for them", async () => {
    const { id, cookie } = await newSandbox();
    const other = await newSandbox();
    const cases: [string | null, string, number, string, string?][] = [
      [cookie, "{not json", 400, "invalid_body"],
      [cookie, JSON.stringify({ command: 1 }), 400, "invalid_body"],
      [cookie, JSON.stringify({ command: "x".repeat(100 * 1024) }), 413, "too_large"],
      [cookie, JSON.stringify({ command: "x".repeat(2 * 1024 * 1024) }), 413, "too_large"],
      [null, JSON.stringify({ command: "kubectl get pods" }), 403, "forbidden"],
      [other.cookie, JSON.stringify({ command: "kubectl delete node node01" }), 403, "forbidden"],
      [cookie, JSON.stringify({ command: "ls" }), 404, "not_found", "no-such-sandbox"],
    ];
    for (const [who, body, status, error, target] of cases) {
      const res = await exec(target ?? id, who, body);
      expect(res.status, body.slice(0, 40)).toBe(status);
      expect(((await res.json()) as { error: string }).error).toBe(error);
    }
    expect(await history(id, cookie)).toEqual([]);
    const after = (await (await exec(id, cookie, JSON.stringify({ command: "kubectl get nodes node01" }))).json()) as { output: string };
    expect(after.output).toMatch(/node01\s+Ready/);
  });
});
