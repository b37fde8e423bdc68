import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

describe("kubectl scale", () => {
  const sb = Sandbox.create({ seed: 14 });
  const run = (line: string) => sb.exec(line);
  run("kubectl create deployment web --image=nginx:1.25");

  it("scales in both argument forms", () => {
    expect(run("kubectl scale deployment/web --replicas=3")).toMatchObject({ output: "deployment.apps/web scaled\n", exitCode: 0 });
    expect(run("kubectl get deploy web -o jsonpath={.spec.replicas}").output).toBe("3");
    expect(run("kubectl scale --replicas=2 deployment web").output).toBe("deployment.apps/web scaled\n");
    expect(run("kubectl scale deploy web --replicas=5 --dry-run=client").output).toBe("deployment.apps/web scaled (dry run)\n");
    expect(run("kubectl get deploy web -o jsonpath={.spec.replicas}").output).toBe("2");
  });

  it("scales replica sets and checks --current-replicas", () => {
    run("sleep 2");
    const rs = run("kubectl get rs -l app=web -o name").output.trim();
    expect(run(`kubectl scale ${rs} --replicas=2`).output).toBe(`${rs} scaled\n`);
    expect(run("kubectl scale deployment web --current-replicas=4 --replicas=6")).toMatchObject({ output: "error: Expected replicas to be 4, was 2\n", exitCode: 1 });
    expect(run("kubectl scale deployment web --current-replicas=2 --replicas=1").output).toBe("deployment.apps/web scaled\n");
  });

  it("reports kubectl's errors", () => {
    expect(run("kubectl scale deployment web")).toMatchObject({ output: 'error: required flag(s) "replicas" not set\n', exitCode: 1 });
    expect(run("kubectl scale deployment web --replicas=-2").output).toBe("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n");
    expect(run("kubectl scale deployment nope --replicas=2").output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(run("kubectl scale statefulset db --replicas=2").output).toBe('error: the server doesn\'t have a resource type "statefulset"\n');
    expect(run("kubectl scale deployment web --replicas=x").output).toBe('error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl scale --help\' for usage.\n');
  });
});
