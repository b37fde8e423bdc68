import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { kubelets } from "@/lib/engine/kubelet/kubelet";
import { createLabSandbox, labEnvironmentSpec, parseObjects } from "./environment";
import { gradeLab } from "./grade";
import { loadAllLabs, loadLab, parseLab } from "./load";
import { environmentSchema } from "./schema";

const text = (en: string) => ({ en, tr: `${en} (tr)`, ru: `${en} (ru)`, he: `${en} (he)` });
const minimal = {
  order: 99,
  title: text("T"),
  summary: text("S"),
  difficulty: "beginner",
  minutes: 5,
  environment: {},
  tasks: [{ id: "one", title: text("t"), instructions: text("i"), hints: [text("h")], checks: [{ type: "object-exists", kind: "Namespace", name: "x" }] }],
  solution: "kubectl create namespace x\n",
  wrong: [
    { about: "a", commands: "true\n", task: "one" },
    { about: "b", commands: "true\n", task: "one" },
  ],
};
const yaml = (o: unknown) => JSON.stringify(o);

describe("lab files", () => {
  it("the course's labs load, in order", () => {
    const labs = loadAllLabs();
    expect(labs.map((l) => l.order)).toEqual([...labs.map((l) => l.order)].sort((a, b) => a - b));
    expect(labs.length).toBeGreaterThanOrEqual(12);
    expect(loadLab(labs[0]!.id)?.id).toBe(labs[0]!.id);
    expect(loadLab("no-such-lab")).toBeNull();
    expect(loadLab("../etc/passwd")).toBeNull();
  });

  it("practise lessons that exist", () => {
    const missing = loadAllLabs().flatMap((l) => l.lessons.filter((slug) => !fs.existsSync(path.join("content", "lessons", slug))).map((slug) => `${l.id}: ${slug}`));
    expect(missing).toEqual([]);
  });

  it("a minimal lab parses", () => {
    expect(parseLab("mini", yaml(minimal)).tasks[0]!.id).toBe("one");
  });

  it("rejects a missing translation", () => {
    const broken = { ...minimal, title: { en: "T", tr: "T", ru: "T" } };
    expect(() => parseLab("mini", yaml(broken))).toThrow(/labs\/mini\.yaml: invalid lab: title\.he/);
  });

  it("rejects fewer than two wrong attempts, and attempts naming unknown tasks", () => {
    expect(() => parseLab("mini", yaml({ ...minimal, wrong: [minimal.wrong[0]] }))).toThrow(/wrong/);
    expect(() => parseLab("mini", yaml({ ...minimal, wrong: [...minimal.wrong, { about: "c", commands: "x", task: "two" }] }))).toThrow(/unknown task "two"/);
  });

  it("rejects unknown check types and malformed checks", () => {
    const task = (check: unknown) => ({ ...minimal, tasks: [{ ...minimal.tasks[0], checks: [check] }] });
    expect(() => parseLab("mini", yaml(task({ type: "vibes" })))).toThrow(/checks/);
    expect(() => parseLab("mini", yaml(task({ type: "field", kind: "Pod", name: "x", path: "spec", equals: 1, contains: "a" })))).toThrow(/exactly one of/);
    expect(() => parseLab("mini", yaml(task({ type: "object-exists", kind: "Pod" })))).toThrow(/either name or selector/);
    expect(() => parseLab("mini", yaml(task({ type: "file", host: "h", path: "/x", matches: "(" })))).toThrow(/regular expression/);
  });

  it("rejects a lab with a cluster and the data centre at once", () => {
    expect(() => parseLab("mini", yaml({ ...minimal, environment: { cluster: {}, dockerHosts: { version: "20.10.7" } } }))).toThrow(/either a cluster or the Docker data centre/);
  });
});

describe("lab environments", () => {
  it("shapes the cluster: workers, etcd members, taints and labels", () => {
    const env = labEnvironmentSpec("x", environmentSchema.parse({ cluster: { workers: 3, etcdMembers: 3, taints: { node03: [{ key: "k", effect: "NoSchedule" }] }, labels: { node01: { disktype: "ssd" } } } }));
    expect(env.nodes.map((n) => n.name)).toEqual(["controlplane", "node01", "node02", "node03"]);
    expect(env.nodes[3]!.taints).toEqual([{ key: "k", effect: "NoSchedule" }]);
    expect(env.nodes[1]!.labels).toEqual({ disktype: "ssd" });
    expect(env.etcdMembers.map((m) => m.name)).toEqual(["controlplane", "etcd-2", "etcd-3"]);
    expect(env.machines?.map((m) => m.name)).toEqual(["etcd-2", "etcd-3"]);
    expect(() => labEnvironmentSpec("x", environmentSchema.parse({ cluster: { taints: { node09: [] } } }))).toThrow(/no node node09/);
  });

  it("builds the data centre with the jump host as the start", () => {
    const env = labEnvironmentSpec("x", environmentSchema.parse({ dockerHosts: { version: "20.10.7" } }));
    expect(env.nodes).toEqual([]);
    expect(env.start).toEqual({ host: "jump_host", user: "thor" });
    const sandbox = createLabSandbox({ id: "x", environment: environmentSchema.parse({ dockerHosts: { version: "20.10.7" } }) }, { seed: 1 });
    expect(sandbox.prompt()).toBe("[thor@jump_host ~]$ ");
    expect(sandbox.hosts.stapp01!.docker?.version).toBe("20.10.7");
    expect(sandbox.hosts.stdb01!.docker).toBeUndefined();
  });

  it("parses objects, namespaces first, with the default namespace filled in", () => {
    const objects = parseObjects("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n");
    expect(objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ""}`)).toEqual(["Namespace/", "ConfigMap/default"]);
    expect(() => parseObjects("apiVersion: v9\nkind: Widget\nmetadata:\n  name: w\n")).toThrow(/does not serve v9 Widget/);
  });

  it("injects faults before the learner arrives", () => {
    const environment = environmentSchema.parse({ faults: [{ type: "kubelet-stopped", node: "node01" }] });
    const sandbox = createLabSandbox({ id: "x", environment }, { seed: 2 });
    expect(sandbox.hosts.node01!.units.kubelet!.active).toBe("inactive");
    expect(kubelets(sandbox.cluster).node01!.running).toBe(false);
    const grade = gradeLab({ tasks: [{ id: "t", title: minimal.title, instructions: minimal.title, hints: [], checks: [{ type: "node-condition", node: "node01", condition: "Ready", status: "True" }] }] }, sandbox, "en");
    expect(grade.tasks[0]).toEqual({ id: "t", passed: false, message: "Node node01: condition Ready is Unknown, expected True." });
  });

  it("moves etcd leadership when asked", () => {
    const environment = environmentSchema.parse({ cluster: { etcdMembers: 3 }, faults: [{ type: "etcd-leader", member: "etcd-2" }] });
    expect(createLabSandbox({ id: "x", environment }, { seed: 2 }).store.leader()).toBe("etcd-2");
    const impossible = environmentSchema.parse({ cluster: { etcdMembers: 3 }, faults: [{ type: "etcd-leader", member: "etcd-3" }] });
    expect(() => createLabSandbox({ id: "x", environment: impossible }, { seed: 2 })).toThrow(/etcd-3 cannot lead/);
  });
});

describe("grading", () => {
  it("reports every task, passed ones with a localized note", () => {
    const lab = parseLab("mini", yaml(minimal));
    const sandbox = createLabSandbox(lab, { seed: 1 });
    expect(gradeLab(lab, sandbox, "en")).toEqual({ tasks: [{ id: "one", passed: false, message: "Namespace x does not exist." }] });
    sandbox.exec("kubectl create namespace x");
    expect(gradeLab(lab, sandbox, "ru")).toEqual({ tasks: [{ id: "one", passed: true, message: "Все проверки пройдены." }] });
  });
});
