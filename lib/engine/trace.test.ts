import { describe, expect, it } from "vitest";
import { Trace, TRACE_LIMIT } from "./trace";
import { Sandbox } from "./sandbox";

describe("the request trace", () => {
  it("groups what a command leads to under it, through causes of causes", () => {
    const trace = new Trace();
    const before = trace.record(0, { actor: "etcd", action: "put", object: "/registry/pods/default/a" });
    const ids: number[] = [];
    const command = trace.command(10, { text: "kubectl apply -f web.yaml" }, (id) => {
      ids.push(trace.record(10, { actor: "etcd", action: "put", object: "/registry/deployments/default/web" }));
      return id;
    });
    // Later work caused by the command's write (a controller, then the scheduler).
    const controller = trace.within(ids[0], () => trace.record(20, { actor: "kube-controller-manager", action: "create-replicaset" }));
    const scheduler = trace.within(controller, () => trace.record(30, { actor: "kube-scheduler", action: "bind" }));
    const unrelated = trace.record(40, { actor: "kube-controller-manager", action: "node-unreachable" });

    expect(trace.find(command)).toMatchObject({ actor: "user", action: "command", detail: { text: "kubectl apply -f web.yaml" } });
    expect(trace.find(command)!.cause).toBeUndefined();
    expect(trace.commands().map((e) => e.id)).toEqual([command]);
    expect(trace.ofCommand(command).map((e) => e.id)).toEqual([ids[0], controller, scheduler]);
    expect(trace.find(before)!.command).toBeUndefined();
    expect(trace.find(unrelated)!.command).toBeUndefined();
    expect(trace.current).toBeUndefined();
  });

  it("keeps the grouping when the entries in between are dropped", () => {
    const trace = new Trace();
    let last = 0;
    const command = trace.command(0, {}, (id) => {
      last = trace.record(0, { actor: "etcd", action: "put" });
      return id;
    });
    // A long chain of consequences pushes the command's own entry out of the kept window.
    for (let i = 0; i < TRACE_LIMIT + 10; i++) last = trace.within(last, () => trace.record(i, { actor: "kubelet", action: "container-started" }));
    expect(trace.find(command)).toBeUndefined();
    expect(trace.find(last)!.command).toBe(command);
    expect(trace.ofCommand(command)).toHaveLength(TRACE_LIMIT);
  });

  it("finds entries by id with a binary search over the kept window", () => {
    const trace = new Trace();
    const ids = Array.from({ length: 50 }, (_, i) => trace.record(i, { actor: "etcd", action: "put" }));
    for (const id of ids) expect(trace.find(id)!.id).toBe(id);
    expect(trace.find(0)).toBeUndefined();
    expect(trace.find(ids[49]! + 1)).toBeUndefined();
  });

  it("ties a Deployment's pods, their scheduling and their start to the command that created it", () => {
    const sb = Sandbox.create({ seed: 3 });
    const trace = sb.cluster.trace;
    const result = trace.command(sb.now(), { text: "kubectl create deployment web" }, () => sb.exec("kubectl create deployment web --image nginx:1.27 --replicas 2"));
    expect(result.exitCode).toBe(0);
    sb.advanceBy(20_000);
    const id = trace.commands().at(-1)!.id;
    const actions = new Set(trace.ofCommand(id).map((e) => `${e.actor} ${e.action}`));
    for (const a of ["etcd put", "kube-controller-manager create-replicaset", "kube-controller-manager create-pod", "kube-scheduler bind", "kubelet sandbox-created", "kubelet container-started"]) {
      expect(actions, a).toContain(a);
    }
  });
});
