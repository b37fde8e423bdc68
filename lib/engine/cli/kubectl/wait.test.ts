import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

describe("kubectl wait", () => {
  const sb = Sandbox.create({ seed: 21 });
  const run = (line: string) => sb.exec(line);

  it("waits for a new pod to become Ready, moving virtual time", () => {
    run("kubectl run web --image=nginx");
    const before = sb.now();
    expect(run("kubectl wait --for=condition=Ready pod/web")).toMatchObject({ output: "pod/web condition met\n", exitCode: 0 });
    expect(sb.now()).toBeGreaterThan(before);
    expect(run("kubectl get pod web -o jsonpath={.status.phase}").output).toBe("Running");
    expect(run("kubectl wait --for=condition=ready pod web --timeout=0").output).toBe("pod/web condition met\n");
  });

  it("waits on a jsonpath value, on labels and on deployments", () => {
    expect(run("kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web").output).toBe("pod/web condition met\n");
    run("kubectl create deployment api --image=nginx:1.25 --replicas=2");
    expect(run("kubectl wait --for=condition=Available deployment/api --timeout=60s").output).toBe("deployment.apps/api condition met\n");
    expect(run("kubectl wait --for=condition=Ready pod -l app=api").output).toMatch(/^pod\/api-[a-z0-9]+-[a-z0-9]{5} condition met\npod\/api-[a-z0-9]+-[a-z0-9]{5} condition met\n$/);
  });

  it("times out with kubectl's message", () => {
    run("kubectl run broken --image=nginx:9.9");
    expect(run("kubectl wait --for=condition=Ready pod/broken --timeout=10s")).toMatchObject({ output: "error: timed out waiting for the condition on pods/broken\n", exitCode: 1 });
  });

  it("waits for deletion", () => {
    run("kubectl delete pod broken --wait=false");
    expect(run("kubectl wait --for=delete pod/broken --timeout=60s").output).toBe("pod/broken condition met\n");
    expect(run("kubectl wait --for=delete pod/broken").output).toBe("");
  });

  it("reports kubectl's errors", () => {
    expect(run("kubectl wait pod/web")).toMatchObject({ output: 'error: unrecognized condition: ""\n', exitCode: 1 });
    expect(run("kubectl wait --for=condition=Ready pod/nope").output).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(run("kubectl wait --for=condition=Ready pod -l app=none").output).toBe("error: no matching resources found\n");
    expect(run("kubectl wait --for=condition=Ready pod/web --timeout=abc").output).toBe('error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\nSee \'kubectl wait --help\' for usage.\n');
  });
});
