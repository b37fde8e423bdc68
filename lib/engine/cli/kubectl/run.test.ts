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

describe("kubectl run --overrides", () => {
  const sb = Sandbox.create({ seed: 13 });
  const run = (line: string) => sb.exec(line);

  it("merges the override into the generated pod (JSON merge patch by default)", () => {
    expect(run(`kubectl run pinned --image=nginx --overrides='{"spec":{"nodeSelector":{"kubernetes.io/hostname":"node01"}}}'`).output).toBe("pod/pinned created\n");
    expect(run("kubectl get pod pinned -o jsonpath='{.spec.nodeSelector}'").output).toBe('{"kubernetes.io/hostname":"node01"}');
    run("sleep 20");
    expect(run("kubectl get pod pinned -o jsonpath='{.spec.nodeName}'").output).toBe("node01");
  });

  it("replaces lists, drops fields the Pod type does not have and keeps what the Go types always write", () => {
    const r = run(
      `kubectl run box --image=nginx --dry-run=client -o yaml --overrides='{"apiVersion":"v1","spec":{"nodeSelectr":{"a":"b"},"containers":[{"name":"box","image":"busybox","args":["sleep","3600"]}]}}'`,
    );
    expect(r.output).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: box
  name: box
spec:
  containers:
  - args:
    - sleep
    - "3600"
    image: busybox
    name: box
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
  });

  it("takes --override-type strategic and json", () => {
    expect(
      run(`kubectl run s --image=nginx --override-type=strategic --dry-run=client -o jsonpath='{.spec.containers[0].image} {.spec.containers[0].resources.limits.cpu}' --overrides='{"spec":{"containers":[{"name":"s","resources":{"limits":{"cpu":"100m"}}}]}}'`).output,
    ).toBe("nginx 100m");
    expect(run(`kubectl run j --image=nginx --override-type=json --dry-run=client -o jsonpath='{.spec.hostNetwork}' --overrides='[{"op":"add","path":"/spec/hostNetwork","value":true}]'`).output).toBe("true");
  });

  it("reports what kubectl reports for a bad override, and creates nothing", () => {
    expect(run(`kubectl run bad --image=nginx --overrides='{"spec":'`)).toMatchObject({ exitCode: 1, output: "error: Invalid JSON Patch\n" });
    expect(run(`kubectl run bad --image=nginx --overrides='{"spec":{"nodeSelector":"x"}}'`)).toMatchObject({
      exitCode: 1,
      output: "error: json: cannot unmarshal string into Go struct field PodSpec.spec.nodeSelector of type map[string]string\n",
    });
    expect(run(`kubectl run bad --image=nginx --overrides='{"apiVersion":"apps/v1"}'`).output).toBe('error: no kind "Pod" is registered for version "apps/v1" in scheme "k8s.io/kubectl/pkg/scheme/scheme.go:28"\n');
    expect(run(`kubectl run bad --image=nginx --override-type=yaml --overrides='{}'`).output).toBe("error: invalid override type: yaml\n");
    expect(run("kubectl get pod bad").output).toBe('Error from server (NotFound): pods "bad" not found\n');
  });
});
