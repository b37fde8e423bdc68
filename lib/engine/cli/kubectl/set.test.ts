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

describe("kubectl set resources", () => {
  const sb = Sandbox.create({ seed: 18 });
  const run = (line: string) => sb.exec(line);
  run("kubectl create deployment web --image=nginx:1.25");
  run("kubectl run solo --image=nginx:1.25");
  run("kubectl create service clusterip svc --tcp=80");
  const resources = () => run("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].resources}'").output;

  it("sets limits and requests on every container of a pod template", () => {
    expect(run("kubectl set resources deployment web --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi")).toMatchObject({
      exitCode: 0,
      output: "deployment.apps/web resource requirements updated\n",
    });
    expect(resources()).toBe('{"limits":{"cpu":"200m","memory":"512Mi"},"requests":{"cpu":"100m","memory":"256Mi"}}');
    // Nothing changes: nothing is sent and nothing printed.
    expect(run("kubectl set resources deployment/web --limits=cpu=200m")).toMatchObject({ exitCode: 0, output: "" });
  });

  it("merges into what is there, for the containers -c selects (wildcards allowed), quantities canonical", () => {
    expect(run("kubectl set resources deploy web -c=nginx --limits=cpu=0.5").output).toBe("deployment.apps/web resource requirements updated\n");
    expect(resources()).toBe('{"limits":{"cpu":"500m","memory":"512Mi"},"requests":{"cpu":"100m","memory":"256Mi"}}');
    expect(run("kubectl set resources deploy web -c 'ng*' --requests=cpu=150m").output).toBe("deployment.apps/web resource requirements updated\n");
    expect(run("kubectl set resources deploy web -c=foo --limits=cpu=1")).toMatchObject({ exitCode: 1, output: "error: unable to find container named foo\n" });
  });

  it("does not persist a dry run", () => {
    expect(run("kubectl set resources deployment web --limits=memory=1Gi --dry-run=server").output).toBe("deployment.apps/web resource requirements updated (server dry run)\n");
    expect(run("kubectl set resources deployment web --limits=memory=1Gi --dry-run=client").output).toBe("deployment.apps/web resource requirements updated (dry run)\n");
    expect(resources()).toBe('{"limits":{"cpu":"500m","memory":"512Mi"},"requests":{"cpu":"150m","memory":"256Mi"}}');
  });

  it("reports kubectl's errors and the server's", () => {
    expect(run("kubectl set resources deployment web").output).toBe("error: you must specify an update to requests or limits (in the form of --requests/--limits)\n");
    expect(run("kubectl set resources deployment web --limits=cpu").output).toBe("error: Invalid argument syntax cpu, expected <resource>=<value>\n");
    expect(run("kubectl set resources deployment web --limits=cpu=abc").output).toBe("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n");
    expect(run("kubectl set resources deployment web --limits=memory=64Mi")).toMatchObject({
      exitCode: 1,
      output:
        'error: failed to patch resources update to pod template Deployment.apps "web" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: "256Mi": must be less than or equal to memory limit of 64Mi\n',
    });
    expect(run("kubectl set resources deployment web --limits=memory=64Mi --dry-run=server").exitCode).toBe(1);
    expect(run("kubectl set resources service/svc --limits=cpu=200m").output).toBe("error: services/svc the object is not a pod or does not have a pod template: *v1.Service\n");
    expect(run("kubectl set resources pod/solo --limits=cpu=200m").output).toMatch(/^error: failed to patch resources update to pod template Pod "solo" is invalid: spec: Forbidden: pod updates may not change fields other than /);
    expect(run("kubectl set resources deployment/nope --limits=cpu=1").output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(run("kubectl set resources deployment web --limits=cpu=1 --local").output).toBe(
      "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
    );
  });
});
