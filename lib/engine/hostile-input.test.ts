// A property test on a whole sandbox: thousands of random and hostile kubectl command lines and
// manifests (wrong types, huge numbers, deep nesting, alias bombs, duplicate keys, unknown kinds,
// multi-document streams; YAML and JSON; through here-documents, pipes, files, directories and
// the editor). Every input gets an answer and an exit code, nothing throws or leaks an internal
// error, and the sandbox stays consistent: its objects valid, its snapshot faithful, kubectl
// working. Inputs come from a seeded PRNG: a failure names its step and replays exactly.
import { describe, expect, it } from "vitest";
import { Sandbox } from "./sandbox";
import { Random } from "./random";
import { parseStorageKey } from "./apiserver/registry";
import { validateUpdate } from "./apiserver/validation";
import type { ExecResult } from "./shell";
import { hostileSteps, manifestText, type Step } from "./test/hostile";

const SEED = 20260101;
const STEPS = 2400;
/** A smaller cap than the default keeps a runaway Deployment from filling the run with pods. */
const OBJECT_CAP = 1500;

interface Transcript {
  outputs: string[];
}

/** Feeds one step's lines to the terminal, answering editors and prompts the way a learner might. */
function feed(sb: Sandbox, step: Step, index: number, r: Random, t: Transcript) {
  for (const line of step.lines) {
    let res: ExecResult;
    try {
      res = sb.exec(line);
    } catch (error) {
      throw new Error(`step ${index} (${step.label}) threw on ${JSON.stringify(line.slice(0, 200))}: ${String(error)}`);
    }
    check(res, step, index);
    t.outputs.push(`${res.exitCode}\t${res.output}`);
    if (res.waitingFor === "editor") {
      // kubectl edit opened the editor: save something hostile, or leave without saving.
      const after = r.int(3) === 0 ? sb.closeEditor() : sb.saveEditor(manifestText(r));
      check(after, step, index);
      if (after.waitingFor === "editor") check(sb.closeEditor(), step, index);
      t.outputs.push(`${after.exitCode}\t${after.output}`);
    } else if (res.waitingFor === "password") {
      check(sb.interrupt(), step, index);
    }
  }
}

function check(res: ExecResult, step: Step, index: number) {
  const where = `step ${index}: ${step.label.slice(0, 300)}`;
  expect(typeof res.output, where).toBe("string");
  expect(Number.isInteger(res.exitCode) && res.exitCode >= 0 && res.exitCode <= 255, `${where}: exit ${res.exitCode}`).toBe(true);
  expect(typeof res.prompt, where).toBe("string");
  // A command that throws inside shows as "<name>: internal error": none may.
  expect(res.output, where).not.toMatch(/internal error|maximum nesting level exceeded|\[object Object\]|undefined is not|Cannot read properties/);
}

/** Every object under /registry parses, sits under its own key, and passes validation as is. */
function checkObjects(sb: Sandbox, where: string) {
  const kvs = sb.store.range("/registry/", { prefix: true }).kvs;
  expect(kvs.length, where).toBeLessThanOrEqual(OBJECT_CAP + 100);
  for (const kv of kvs) {
    const info = parseStorageKey(kv.key);
    if (!info) continue; // not an object of a served kind (leader-election leases and the like)
    const obj = JSON.parse(kv.value) as { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };
    expect(obj.kind, `${where}: ${kv.key}`).toBe(info.info.kind);
    expect(obj.metadata.name, `${where}: ${kv.key}`).toBe(info.name);
    if (info.info.namespaced) expect(obj.metadata.namespace, `${where}: ${kv.key}`).toBe(info.namespace);
    expect(validateUpdate(obj, obj), `${where}: ${kv.key} is no longer valid`).toEqual([]);
  }
}

function checkWorking(sb: Sandbox, where: string) {
  sb.interrupt();
  const nodes = sb.exec("kubectl get nodes");
  expect(nodes.exitCode, `${where}: ${nodes.output}`).toBe(0);
  expect(nodes.output, where).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION\ncontrolplane +Ready/);
  expect(sb.exec("kubectl get ns default -o jsonpath='{.status.phase}'").output, where).toBe("Active");
  expect(sb.exec("echo still-working").output, where).toBe("still-working\n");
}

/** The snapshot restores to the same sandbox, which then answers as the original does. */
function checkSnapshot(sb: Sandbox, probe: string, where: string) {
  const snapshot = JSON.stringify(sb.snapshot());
  const restored = Sandbox.restore(JSON.parse(snapshot), { objectCap: OBJECT_CAP });
  expect(JSON.stringify(restored.snapshot()) === snapshot, `${where}: snapshot round trip`).toBe(true);
  expect(restored.exec(probe), `${where}: ${probe} after restore`).toEqual(sb.exec(probe));
}

function run(steps: Step[], opts: { invariantsEvery?: number } = {}) {
  const sb = Sandbox.create({ seed: 11, objectCap: OBJECT_CAP });
  sb.exec("kubectl create namespace fuzz");
  const r = new Random(SEED + 1);
  const t: Transcript = { outputs: [] };
  steps.forEach((step, i) => {
    feed(sb, step, i, r, t);
    if (opts.invariantsEvery && (i + 1) % opts.invariantsEvery === 0) {
      const where = `after step ${i}`;
      checkWorking(sb, where);
      checkObjects(sb, where);
      checkSnapshot(sb, r.pick(["kubectl get all -A", "kubectl get events -A", "kubectl get pods -A -o wide"]), where);
    }
  });
  return { sb, transcript: t };
}

describe("thousands of hostile kubectl command lines and manifests on a whole sandbox", () => {
  it("answers every one, throws nothing, and keeps the sandbox consistent", () => {
    const steps = hostileSteps(SEED, STEPS);
    const manifests = steps.filter((s) => s.lines.length > 1).length;
    expect(manifests).toBeGreaterThan(STEPS / 4);
    expect(STEPS - manifests).toBeGreaterThan(STEPS / 2);
    const { sb, transcript } = run(steps, { invariantsEvery: 400 });
    checkWorking(sb, "at the end");
    checkObjects(sb, "at the end");
    const all = transcript.outputs.join("\n");
    // The hostile families were really exercised, and answered as kubectl answers them.
    for (const answer of [
      "document contains excessive aliasing",
      "unknown anchor 'nope' referenced",
      "value contains itself",
      "exceeded max depth of 10000",
      "already defined",
      "no matches for kind",
      "cannot unmarshal",
      "is invalid:",
      "created\n",
      "configured\n",
      "error: unknown command",
      "error: unknown flag",
      "error: the server doesn't have a resource type",
      "Error from server (NotFound)",
    ]) {
      expect(all, answer).toContain(answer);
    }
  }, 120_000);

  it("refuses objects beyond the sandbox's cap with a clear error, stays usable and cheap, and recovers", () => {
    const sb = Sandbox.create({ seed: 5, objectCap: 300 });
    const count = () => sb.store.range("/registry/", { prefix: true, keysOnly: true }).kvs.length;
    expect(sb.exec("kubectl create configmap spare-1 --from-literal=a=b").exitCode).toBe(0);
    expect(sb.exec("kubectl create configmap spare-2 --from-literal=a=b").exitCode).toBe(0);
    expect(sb.exec("kubectl create deployment flood --image=busybox --replicas=100000 -- sleep 36000").output).toBe("deployment.apps/flood created\n");
    sb.exec("sleep 60");
    expect(count()).toBe(300);
    expect(sb.exec("kubectl create namespace extra")).toMatchObject({ output: 'Error from server (Forbidden): namespaces "extra" is forbidden: this sandbox holds at most 300 objects; delete some before creating more\n', exitCode: 1 });
    const failure = JSON.parse(sb.exec("kubectl get rs -l app=flood -o jsonpath='{.items[0].status.conditions[0]}'").output) as Record<string, string>;
    expect(failure).toMatchObject({ type: "ReplicaFailure", status: "True", reason: "FailedCreate" });
    expect(failure.message).toMatch(/^pods "flood-[a-z0-9]+-[a-z0-9]{5}" is forbidden: this sandbox holds at most 300 objects; delete some before creating more$/);
    const before = sb.exec("kubectl get deploy flood -o jsonpath='{.status.replicas}'").output;
    // Ten minutes at the cap: the failure stays as first reported, and the ReplicaSet keeps trying
    // with a growing delay instead of rewriting its status on every attempt.
    const writes: string[] = [];
    sb.store.subscribe((events) => {
      for (const e of events) if (/^\/registry\/(replicasets|pods)\//.test(e.kv.key)) writes.push(e.kv.key);
    });
    sb.exec("sleep 600");
    expect(JSON.parse(sb.exec("kubectl get rs -l app=flood -o jsonpath='{.items[0].status.conditions[0]}'").output)).toEqual(failure);
    expect(writes).toEqual([]);
    expect(sb.exec("kubectl get nodes").exitCode).toBe(0);
    // Room again: the ReplicaSet notices at its next retry and fills it.
    sb.exec("kubectl delete configmap spare-1 spare-2");
    sb.exec("sleep 1300");
    expect(Number(sb.exec("kubectl get deploy flood -o jsonpath='{.status.replicas}'").output)).toBeGreaterThan(Number(before));
    // Scaled down, everything works again.
    sb.exec("kubectl scale deployment flood --replicas=1");
    sb.exec("sleep 60");
    expect(count()).toBeLessThan(300);
    expect(sb.exec("kubectl create namespace extra")).toMatchObject({ output: "namespace/extra created\n", exitCode: 0 });
    expect(sb.exec("kubectl get rs -l app=flood -o jsonpath='{.items[0].status.conditions}'").output).toBe("");
  });

  it("is deterministic: the same seed gives the same transcript and the same sandbox", () => {
    const steps = hostileSteps(SEED + 7, 250);
    const a = run(steps);
    const b = run(steps);
    expect(b.transcript.outputs).toEqual(a.transcript.outputs);
    expect(JSON.stringify(b.sb.snapshot()) === JSON.stringify(a.sb.snapshot())).toBe(true);
  }, 60_000);
});
