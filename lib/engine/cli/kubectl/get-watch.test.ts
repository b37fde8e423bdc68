import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

/** Pod names replaced by their order of appearance, so the expected tables read like kubectl's. */
function named(output: string) {
  const names = [...new Set(output.match(/web-[a-z0-9]+-[a-z0-9]{5}/g) ?? [])];
  return names.reduce((text, name, i) => text.replaceAll(name, `web-${"abcdefghij"[i]}`.padEnd(name.length, ".")), output);
}

describe("kubectl get -w", () => {
  it("prints one header with the first row, each change as it arrives with its age then, columns only widening", () => {
    const sb = Sandbox.create({ seed: 5 });
    sb.exec("kubectl create deployment web --image=nginx --replicas=2");
    const start = sb.now();
    const r = sb.exec("kubectl get pods -w");
    expect(r.exitCode).toBe(0);
    expect(sb.now() - start).toBe(10_000);
    const lines = named(r.output).split("\n");
    // An empty list prints nothing (not "No resources found"): the rows are the watch events.
    expect(lines[0]).toBe("NAME                   READY   STATUS    RESTARTS   AGE");
    expect(lines[1]).toMatch(/^web-a\.+   0\/1     Pending   0          0s$/);
    // kubectl's tab writer remembers column widths across flushes: a longer status widens its
    // column for every later row, and a shorter one does not narrow it back.
    expect(lines).toContainEqual(expect.stringMatching(/^web-a\.+   0\/1     ContainerCreating   0          0s$/));
    const running = lines.filter((l) => l.includes("Running"));
    expect(running).toHaveLength(2);
    for (const l of running) expect(l).toMatch(/^web-[ab]\.+   1\/1     Running             0          [1-9]s$/);
    expect(r.output).not.toContain("No resources found");
  });

  it("starts with the current list and then shows a scale-down's Terminating pod", () => {
    const sb = Sandbox.create({ seed: 6 });
    sb.exec("kubectl create deployment web --image=nginx --replicas=2");
    sb.advanceBy(30_000);
    sb.exec("kubectl scale deployment web --replicas=1");
    const lines = named(sb.exec("kubectl get pods -w").output).split("\n");
    expect(lines[0]).toBe("NAME                   READY   STATUS    RESTARTS   AGE");
    expect(lines.slice(1, 3).every((l) => /   1\/1     Running   0          30s$/.test(l))).toBe(true);
    expect(lines.slice(3).some((l) => / (1|0)\/1     Terminating   0          3\ds$/.test(l))).toBe(true);
  });

  it("prints only changes with --watch-only, and nothing when nothing changes", () => {
    const sb = Sandbox.create({ seed: 7 });
    sb.exec("kubectl create deployment web --image=nginx");
    sb.advanceBy(30_000);
    expect(sb.exec("kubectl get pods --watch-only")).toMatchObject({ output: "", exitCode: 0 });
    expect(sb.exec("kubectl get deployments -w").output).toMatch(/^NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    1\/1     1            1           40s\n$/);
  });
});

describe("kubectl get -w with several resource types", () => {
  it("is refused, as kubectl's builder refuses it", () => {
    const sb = Sandbox.create({ seed: 8 });
    const before = sb.now();
    for (const line of ["kubectl get pods,svc -w", "kubectl get all -w", "kubectl get deploy,rs --watch-only"]) {
      expect(sb.exec(line)).toMatchObject({ output: "error: you may only specify a single resource type\n", exitCode: 1 });
    }
    expect(sb.now()).toBe(before);
  });
});
