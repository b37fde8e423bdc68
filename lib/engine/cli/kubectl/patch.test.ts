import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

describe("kubectl patch", () => {
  const sb = Sandbox.create({ seed: 20 });
  const run = (line: string) => sb.exec(line);
  run("kubectl create deployment web --image=nginx:1.25 --port=80");
  const get = (path: string) => run(`kubectl get deploy web -o jsonpath='{${path}}'`).output;

  it("applies a strategic merge patch, and says when nothing changed", () => {
    expect(run(`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`)).toMatchObject({ output: "deployment.apps/web patched\n", exitCode: 0 });
    expect(get(".spec.replicas")).toBe("3");
    expect(run(`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`).output).toBe("deployment.apps/web patched (no change)\n");
    // Containers merge by name: the port and image of nginx stay, a sidecar is added.
    expect(run(`kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}}}'`).output).toBe("deployment.apps/web patched\n");
    expect(get(".spec.template.spec.containers[*].name")).toBe("nginx sidecar");
    expect(run("kubectl patch deploy web -p 'spec: {replicas: 2}'").output).toBe("deployment.apps/web patched\n");
  });

  it("applies JSON merge and JSON patches", () => {
    expect(run(`kubectl patch deployment web --type=merge -p '{"metadata":{"labels":{"team":"a"}}}'`).output).toBe("deployment.apps/web patched\n");
    expect(get(".metadata.labels.team")).toBe("a");
    expect(run(`kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/spec/template/spec/containers/1"}]'`).output).toBe("deployment.apps/web patched\n");
    expect(get(".spec.template.spec.containers[*].name")).toBe("nginx");
    expect(run(`kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/nothing","value":1}]'`)).toMatchObject({
      output: "The request is invalid: the server rejected our request due to an error in our request\n",
      exitCode: 1,
    });
  });

  it("validates the result on the server", () => {
    expect(run(`kubectl patch deployment web -p '{"spec":{"replicas":-1}}'`)).toMatchObject({ exitCode: 1 });
    expect(run(`kubectl patch deployment web -p '{"spec":{"replicas":-1}}'`).output).toContain('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it("reports kubectl's errors", () => {
    expect(run("kubectl patch deployment web").output).toBe("error: must specify --patch or --patch-file containing the contents of the patch\n");
    expect(run(`kubectl patch deployment web --type=apply -p '{}'`).output).toBe('error: --type must be one of [json merge strategic], not "apply"\n');
    expect(run(`kubectl patch deployment web -p '{"spec":'`)).toMatchObject({ output: "error: unable to parse \"{\"spec\":\": yaml: line 1: did not find expected ',' or '}'\n", exitCode: 1 });
    expect(run(`kubectl patch deployment nope -p '{}'`).output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});
