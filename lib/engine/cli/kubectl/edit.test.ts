import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

describe("kubectl edit", () => {
  const sb = Sandbox.create({ seed: 22 });
  sb.exec("kubectl create deployment web --image=nginx:1.25");

  it("opens the object's YAML under kubectl's header in the editor", () => {
    const r = sb.exec("kubectl edit deployment web");
    expect(r.waitingFor).toBe("editor");
    expect(r.editor!.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(r.editor!.content.startsWith(`# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
apiVersion: apps/v1
kind: Deployment
metadata:
`)).toBe(true);
    expect(sb.closeEditor()).toMatchObject({ output: "Edit cancelled, no changes made.\n", exitCode: 0 });
    expect(sb.exec(`ls ${r.editor!.path}`).exitCode).not.toBe(0);
  });

  it("applies what was saved", () => {
    const r = sb.exec("kubectl edit deploy/web");
    expect(sb.saveEditor(r.editor!.content.replace("replicas: 1", "replicas: 4"))).toMatchObject({ output: "deployment.apps/web edited\n", exitCode: 0 });
    expect(sb.exec("kubectl get deploy web -o jsonpath={.spec.replicas}").output).toBe("4");
    const again = sb.exec("kubectl edit deploy/web");
    expect(sb.saveEditor(again.editor!.content.replace(/^# .*\n/gm, ""))).toMatchObject({ output: "Edit cancelled, no changes made.\n" });
    const empty = sb.exec("kubectl edit deploy/web");
    void empty;
    expect(sb.saveEditor("# nothing\n")).toMatchObject({ output: "Edit cancelled, saved file was empty.\n", exitCode: 0 });
  });

  it("reopens an invalid edit with the errors, and keeps a copy when given up", () => {
    const r = sb.exec("kubectl edit deployment web");
    const reopened = sb.saveEditor(r.editor!.content.replace("replicas: 4", "replicas: -1"));
    expect(reopened.output).toBe('error: deployments.apps "web" is invalid\n');
    expect(reopened.waitingFor).toBe("editor");
    expect(reopened.editor!.content.startsWith(`# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
# deployments.apps "web" was not valid:
# * spec.replicas: Invalid value: -1: must be greater than or equal to 0
#
apiVersion: apps/v1
`)).toBe(true);
    const path = reopened.editor!.path;
    expect(sb.closeEditor()).toMatchObject({ output: `A copy of your changes has been stored to "${path}"\nerror: Edit cancelled, no valid changes were saved.\n`, exitCode: 1 });
    expect(sb.exec(`grep -c 'replicas: -1' ${path}`).output).toBe("1\n");
  });

  it("reopens a file with a syntax error", () => {
    const r = sb.exec("kubectl edit deployment web");
    const reopened = sb.saveEditor(r.editor!.content.replace("spec:\n", "spec\n"));
    expect(reopened.waitingFor).toBe("editor");
    expect(reopened.editor!.content).toContain("#\n# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: ");
    const fixed = sb.saveEditor(reopened.editor!.content.replace("spec\n", "spec:\n").replace("replicas: 4", "replicas: 2"));
    expect(fixed).toMatchObject({ output: "deployment.apps/web edited\n", exitCode: 0 });
  });

  it("runs what follows on the line after the editor closes", () => {
    const r = sb.exec("kubectl edit deployment web && echo done");
    expect(sb.saveEditor(r.editor!.content.replace("replicas: 2", "replicas: 1")).output).toBe("deployment.apps/web edited\ndone\n");
  });

  it("reports a missing object without opening the editor", () => {
    expect(sb.exec("kubectl edit deployment nope")).toMatchObject({ output: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
    expect(sb.exec("kubectl edit").output).toBe("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
  });
});
