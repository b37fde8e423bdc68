import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

describe("kubectl rollout: set image, status, history, undo", () => {
  const sb = Sandbox.create({ seed: 16 });
  const run = (line: string) => sb.exec(line);
  run("kubectl create deployment nginx --image=nginx:1.25 --replicas=3");
  run("sleep 30");

  it("waits for the rollout, printing a line for every change it sees", () => {
    expect(run("kubectl set image deployment/nginx nginx=nginx:1.26").output).toBe("deployment.apps/nginx image updated\n");
    run("sleep 1");
    expect(run("kubectl rollout status deployment/nginx")).toMatchObject({
      exitCode: 0,
      output: `Waiting for deployment "nginx" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "nginx" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "nginx" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "nginx" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "nginx" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "nginx" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "nginx" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "nginx" rollout to finish: 1 old replicas are pending termination...
deployment "nginx" successfully rolled out
`,
    });
    expect(run("kubectl rollout status deploy nginx").output).toBe('deployment "nginx" successfully rolled out\n');
  });

  it("lists the revisions and shows one", () => {
    expect(run("kubectl rollout history deployment/nginx").output).toBe("deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n");
    const rev2 = run("kubectl rollout history deployment/nginx --revision=2").output;
    expect(rev2).toMatch(/^deployment\.apps\/nginx with revision #2\nPod Template:\n  Labels:\tapp=nginx\n\tpod-template-hash=[a-z0-9]+\n  Containers:\n   nginx:\n    Image:\tnginx:1\.26\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n$/);
    expect(run("kubectl rollout history deployment/nginx --revision=7")).toMatchObject({ output: "error: unable to find the specified revision\n", exitCode: 1 });
  });

  it("rolls back to the previous revision, which becomes the newest", () => {
    expect(run("kubectl rollout undo deployment/nginx").output).toBe("deployment.apps/nginx rolled back\n");
    expect(run("kubectl get deploy nginx -o jsonpath={.spec.template.spec.containers[0].image}").output).toBe("nginx:1.25");
    // The pod-template-hash label is not copied back into the Deployment.
    expect(run("kubectl get deploy nginx -o jsonpath={.spec.template.metadata.labels}").output).toBe('{"app":"nginx"}');
    expect(run("kubectl rollout status deployment/nginx").output.endsWith('deployment "nginx" successfully rolled out\n')).toBe(true);
    expect(run("kubectl rollout history deployment/nginx").output).toBe("deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n");
    expect(run("kubectl rollout undo deployment/nginx --to-revision=3").output).toBe("deployment.apps/nginx skipped rollback (current template already matches revision 3)\n");
    expect(run("kubectl rollout undo deployment/nginx --to-revision=5")).toMatchObject({ output: "error: unable to find specified revision 5 in history\n", exitCode: 1 });
  });

  it("shows a change cause recorded on the Deployment", () => {
    run('kubectl annotate deployment/nginx kubernetes.io/change-cause="back to 1.25"');
    expect(run("kubectl rollout history deployment/nginx").output).toBe("deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n2         <none>\n3         back to 1.25\n\n");
  });

  it("times out on a rollout that cannot finish", () => {
    run("kubectl set image deployment/nginx nginx=nginx:9.9");
    const r = run("kubectl rollout status deployment/nginx --timeout=10s");
    expect(r.exitCode).toBe(1);
    expect(r.output.endsWith("error: timed out waiting for the condition\n")).toBe(true);
    expect(run("kubectl rollout status deployment/nginx --timeout=1x").output).toBe('error: invalid argument "1x" for "--timeout" flag: time: invalid duration "1x"\nSee \'kubectl rollout status --help\' for usage.\n');
    run("kubectl rollout undo deployment/nginx");
  });
});

describe("kubectl rollout pause, resume, restart", () => {
  const sb = Sandbox.create({ seed: 17 });
  const run = (line: string) => sb.exec(line);
  run("kubectl create deployment web --image=nginx:1.25");

  it("pauses and resumes once", () => {
    expect(run("kubectl rollout pause deployment/web").output).toBe("deployment.apps/web paused\n");
    expect(run("kubectl rollout pause deployment/web")).toMatchObject({ output: 'error: deployments.apps "web" is already paused\n', exitCode: 1 });
    expect(run("kubectl rollout restart deployment/web")).toMatchObject({ output: "error: deployments.apps \"web\" can't restart paused deployment (run rollout resume first)\n", exitCode: 1 });
    expect(run("kubectl rollout undo deployment/web").output).toBe("error: no rollout history found for deployment \"web\"\n");
    expect(run("kubectl rollout resume deployment/web").output).toBe("deployment.apps/web resumed\n");
    expect(run("kubectl rollout resume deployment/web")).toMatchObject({ output: 'error: deployments.apps "web" is not paused\n', exitCode: 1 });
  });

  it("restarts by stamping the pod template", () => {
    run("sleep 5");
    expect(run("kubectl rollout restart deployment/web").output).toBe("deployment.apps/web restarted\n");
    expect(run("kubectl get deploy web -o jsonpath={.spec.template.metadata.annotations}").output).toMatch(/^\{"kubectl.kubernetes.io\/restartedAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\}$/);
    expect(run("kubectl rollout restart deployment/web").output).toBe("error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n");
  });

  it("reports what it cannot do", () => {
    expect(run("kubectl rollout status").output).toBe("error: required resource not specified\n");
    expect(run("kubectl rollout status pod/x").output).toBe('Error from server (NotFound): pods "x" not found\n');
    expect(run("kubectl rollout history deployment/nope").output).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    const help = run("kubectl rollout");
    expect(help.exitCode).toBe(1);
    expect(help.output.startsWith("Manage the rollout of one or many resources.\n")).toBe(true);
  });
});
