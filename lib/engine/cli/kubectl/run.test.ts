import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

describe("kubectl run", () => {
  const sb = Sandbox.create({ seed: 12 });
  const run = (line: string) => sb.exec(line);

  it("prints the pod a dry run would send", () => {
    expect(run("kubectl run nginx --image=nginx --dry-run=client -o yaml")).toMatchObject({
      exitCode: 0,
      output: `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`,
    });
  });

  it("takes ports, env, labels, a restart policy and arguments", () => {
    expect(run("kubectl run box --image=busybox --port=8080 --env=MODE=dev --labels=app=box,tier=web --restart=Never --dry-run=client -o yaml -- sleep 3600").output).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    app: box
    tier: web
  name: box
spec:
  containers:
  - args:
    - sleep
    - "3600"
    env:
    - name: MODE
      value: dev
    image: busybox
    name: box
    ports:
    - containerPort: 8080
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
    expect(run("kubectl run box --image=busybox --command --dry-run=client -o yaml -- sleep 1").output).toContain("  - command:\n    - sleep\n    - \"1\"\n");
  });

  it("creates the pod, labelled run=NAME", () => {
    expect(run("kubectl run web --image=nginx")).toMatchObject({ output: "pod/web created\n", exitCode: 0 });
    expect(run("kubectl get pod web -o jsonpath={.metadata.labels.run}").output).toBe("web");
    expect(run("kubectl run web --image=nginx")).toMatchObject({ output: 'Error from server (AlreadyExists): pods "web" already exists\n', exitCode: 1 });
    expect(run("kubectl run web2 --image=nginx --dry-run=client").output).toBe("pod/web2 created (dry run)\n");
  });

  it("creates a service too with --expose", () => {
    expect(run("kubectl run api --image=nginx --port=80 --expose").output).toBe("service/api created\npod/api created\n");
    expect(run("kubectl get svc api -o jsonpath={.spec.selector}").output).toBe('{"run":"api"}');
  });

  it("reports kubectl's errors", () => {
    expect(run("kubectl run x")).toMatchObject({ output: 'error: required flag(s) "image" not set\n', exitCode: 1 });
    expect(run("kubectl run --image=nginx").output).toBe("error: NAME is required for run\n");
    expect(run("kubectl run x --image=nginx --restart=Sometimes").output).toBe("error: invalid restart policy: Sometimes\n");
    expect(run("kubectl run x --image=nginx --rm").output).toBe("error: --rm should only be used for attached containers\n");
    expect(run("kubectl run x --image=nginx --expose").output).toBe("error: --port must be set when exposing a service\n");
    expect(run("kubectl run x --image=nginx --env=BAD").output).toBe("error: invalid env: BAD\n");
    expect(run("kubectl run x --image=NGINX").output).toBe('error: Invalid image name "NGINX": invalid reference format\n');
  });
});
