import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

describe("kubectl set", () => {
  const sb = Sandbox.create({ seed: 15 });
  const run = (line: string) => sb.exec(line);
  run("kubectl create deployment web --image=nginx:1.25");
  run("kubectl run solo --image=nginx:1.25");

  it("updates a container's image", () => {
    expect(run("kubectl set image deployment/web nginx=nginx:1.26")).toMatchObject({ output: "deployment.apps/web image updated\n", exitCode: 0 });
    expect(run("kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}").output).toBe("nginx:1.26");
    expect(run("kubectl set image deployment web '*=nginx:1.27'").output).toBe("deployment.apps/web image updated\n");
    expect(run("kubectl set image pod/solo solo=nginx:1.26").output).toBe("pod/solo image updated\n");
  });

  it("prints nothing when the image is already set", () => {
    expect(run("kubectl set image deployment/web nginx=nginx:1.27")).toMatchObject({ output: "", exitCode: 0 });
  });

  it("reports kubectl's errors", () => {
    expect(run("kubectl set image deployment/web foo=nginx")).toMatchObject({ output: 'error: unable to find container named "foo"\n', exitCode: 1 });
    expect(run("kubectl set image deployment/web").output).toBe("error: at least one image update is required\n");
    expect(run("kubectl set image nginx=nginx").output).toBe("error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n");
    expect(run("kubectl set image deployment/nope nginx=nginx").output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it("sets and removes environment variables", () => {
    expect(run("kubectl set env deployment/web MODE=prod").output).toBe("deployment.apps/web env updated\n");
    expect(run("kubectl set env deployment/web --list").output).toBe("# deployments/web, container nginx\nMODE=prod\n");
    expect(run("kubectl set env deployment/web MODE-").output).toBe("deployment.apps/web env updated\n");
  });
});
