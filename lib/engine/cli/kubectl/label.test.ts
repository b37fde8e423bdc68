import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

describe("kubectl label", () => {
  const sb = Sandbox.create({ seed: 18 });
  const run = (line: string) => sb.exec(line);
  run("kubectl run web --image=nginx --labels=app=web");
  run("kubectl run db --image=nginx --labels=app=db");

  it("adds labels and refuses to overwrite without --overwrite", () => {
    expect(run("kubectl label pod web tier=frontend")).toMatchObject({ output: "pod/web labeled\n", exitCode: 0 });
    expect(run("kubectl label pod web app=api")).toMatchObject({ output: "error: 'app' already has a value (web), and --overwrite is false\n", exitCode: 1 });
    expect(run("kubectl label pod web app=web").output).toBe("pod/web not labeled\n");
    expect(run("kubectl label pods/web app=api --overwrite").output).toBe("pod/web labeled\n");
    expect(run("kubectl get pod web --show-labels --no-headers").output).toContain("app=api,tier=frontend");
  });

  it("removes labels with KEY-", () => {
    expect(run("kubectl label pod web tier-").output).toBe("pod/web unlabeled\n");
    expect(run("kubectl label pod web tier-").output).toBe('label "tier" not found.\npod/web not labeled\n');
    expect(run("kubectl label pod web tier=x app-").output).toBe("pod/web label(s) changed\n");
  });

  it("labels many objects at once and nodes", () => {
    expect(run("kubectl label pods --all env=dev").output).toBe("pod/db labeled\npod/web labeled\n");
    expect(run("kubectl label pods -l app=db role=primary").output).toBe("pod/db labeled\n");
    expect(run("kubectl label node node01 disk=ssd").output).toBe("node/node01 labeled\n");
    expect(run("kubectl get nodes -l disk=ssd -o name").output).toBe("node/node01\n");
  });

  it("reports kubectl's errors", () => {
    expect(run("kubectl label pod web").output).toBe("error: at least one label update is required\n");
    expect(run("kubectl label app=x").output).toBe("error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n");
    expect(run("kubectl label pod web a=b c").output).toBe("error: all resources must be specified before label changes: c\n");
    expect(run("kubectl label pod nope a=b").output).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(run("kubectl label pod web 'a=b c'").output).toBe(
      "error: invalid label value: \"a=b c\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n",
    );
  });
});

describe("kubectl annotate", () => {
  const sb = Sandbox.create({ seed: 19 });
  const run = (line: string) => sb.exec(line);
  run("kubectl create deployment web --image=nginx");

  it("annotates, and needs --overwrite for any existing key", () => {
    expect(run("kubectl annotate deployment web owner=alice").output).toBe("deployment.apps/web annotated\n");
    expect(run("kubectl annotate deployment web owner=alice")).toMatchObject({ output: "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (alice)\n", exitCode: 1 });
    expect(run("kubectl annotate deployment web owner=bob --overwrite").output).toBe("deployment.apps/web annotated\n");
    expect(run("kubectl get deploy web -o jsonpath={.metadata.annotations.owner}").output).toBe("bob");
    expect(run("kubectl annotate deployment web owner-").output).toBe("deployment.apps/web annotated\n");
    expect(run("kubectl annotate deployment web note").output).toBe("error: at least one annotation update is required\n");
  });
});
