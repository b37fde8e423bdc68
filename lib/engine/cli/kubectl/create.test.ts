import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

describe("kubectl create", () => {
  const sb = Sandbox.create({ seed: 11 });
  const run = (line: string) => sb.exec(line);

  it("prints the Deployment a dry run would send, as kubectl's generator builds it", () => {
    expect(run("kubectl create deployment web --image=nginx --dry-run=client -o yaml")).toMatchObject({
      exitCode: 0,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`,
    });
  });

  it("adds replicas, a port, a command and an explicit namespace", () => {
    const r = run("kubectl create deploy api -n default --image=busybox:1.36 --replicas=3 --port=8080 --dry-run=client -o yaml -- sleep 3600");
    expect(r.output).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: api
  name: api
  namespace: default
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: api
    spec:
      containers:
      - command:
        - sleep
        - "3600"
        image: busybox:1.36
        name: busybox
        ports:
        - containerPort: 8080
        resources: {}
status: {}
`);
  });

  it("creates a deployment and reports a second create as a failure", () => {
    expect(run("kubectl create deployment web --image=nginx")).toMatchObject({ output: "deployment.apps/web created\n", exitCode: 0 });
    expect(run("kubectl create deployment web --image=nginx")).toMatchObject({ output: 'error: failed to create deployment: deployments.apps "web" already exists\n', exitCode: 1 });
    expect(run("kubectl create deployment web2 --image=nginx --dry-run=client")).toMatchObject({ output: "deployment.apps/web2 created (dry run)\n", exitCode: 0 });
    expect(run("kubectl create deployment web3 --image=nginx --dry-run=server")).toMatchObject({ output: "deployment.apps/web3 created (server dry run)\n", exitCode: 0 });
    expect(run("kubectl get deploy web2 web3").output).toBe('Error from server (NotFound): deployments.apps "web2" not found\nError from server (NotFound): deployments.apps "web3" not found\n');
    expect(run("kubectl create deployment web4 --image=nginx -o name").output).toBe("deployment.apps/web4\n");
  });

  it("reports usage errors like cobra and kubectl", () => {
    expect(run("kubectl create deployment web")).toMatchObject({ output: 'error: required flag(s) "image" not set\n', exitCode: 1 });
    expect(run("kubectl create deployment --image=nginx")).toMatchObject({ output: "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n", exitCode: 1 });
    expect(run("kubectl create deployment a b --image=nginx").output).toBe("error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n");
    expect(run("kubectl create namespace x --image=nginx")).toMatchObject({ output: "error: unknown flag: --image\nSee 'kubectl create namespace --help' for usage.\n", exitCode: 1 });
    const bare = run("kubectl create");
    expect(bare.exitCode).toBe(1);
    expect(bare.output.startsWith("Error: must specify one of -f and -k\n\nCreate a resource from a file or from stdin.\n")).toBe(true);
    expect(bare.output.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true);
  });

  it("creates namespaces, service accounts and jobs", () => {
    expect(run("kubectl create namespace dev").output).toBe("namespace/dev created\n");
    expect(run("kubectl create ns dev").output).toBe('Error from server (AlreadyExists): namespaces "dev" already exists\n');
    expect(run("kubectl create namespace qa --dry-run=client -o yaml").output).toBe("apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: qa\nspec: {}\nstatus: {}\n");
    expect(run("kubectl create serviceaccount bot -n dev").output).toBe("serviceaccount/bot created\n");
    expect(run("kubectl create sa bot -n dev").output).toBe('error: failed to create serviceaccount: serviceaccounts "bot" already exists\n');
    expect(run("kubectl create job hello --image=busybox --dry-run=client -o yaml -- echo hi").output).toBe(`apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: hello
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - echo
        - hi
        image: busybox
        name: hello
        resources: {}
      restartPolicy: Never
status: {}
`);
    expect(run("kubectl create job hello").output).toBe("error: either --image or --from must be specified\n");
    expect(run("kubectl create job hello --image=busybox").output).toBe("job.batch/hello created\n");
  });

  it("creates services with kubectl's port names and selector", () => {
    expect(run("kubectl create service clusterip my-cs --tcp=5678:8080 --dry-run=client -o yaml").output).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: my-cs
  name: my-cs
spec:
  ports:
  - name: 5678-8080
    port: 5678
    protocol: TCP
    targetPort: 8080
  selector:
    app: my-cs
  type: ClusterIP
status:
  loadBalancer: {}
`);
    expect(run("kubectl create service nodeport web --tcp=80:80 --node-port=30080 --dry-run=client -o yaml").output).toContain("  - name: 80-80\n    nodePort: 30080\n    port: 80\n    protocol: TCP\n    targetPort: 80\n");
    expect(run("kubectl create service clusterip my-cs --tcp=5678:8080").output).toBe("service/my-cs created\n");
    expect(run("kubectl create svc clusterip my-cs --tcp=5678:8080").output).toBe('error: failed to create ClusterIP service: services "my-cs" already exists\n');
    expect(run("kubectl create service clusterip none").output).toBe("error: at least one tcp port specifier must be provided\n");
  });

  it("creates config maps and secrets from literals and files", () => {
    run("printf 'debug=true\\n' > /root/app.properties");
    expect(run("kubectl create configmap cfg --from-literal=b=2 --from-literal=a=1 --from-file=/root/app.properties --dry-run=client -o yaml").output).toBe(`apiVersion: v1
data:
  a: "1"
  app.properties: |
    debug=true
  b: "2"
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: cfg
`);
    expect(run("kubectl create configmap cfg --from-literal=oops").output).toBe("error: invalid literal source oops, expected key=value\n");
    expect(run("kubectl create configmap cfg --from-file=/nope").output).toBe("error: error reading /nope: no such file or directory\n");
    expect(run("kubectl create secret generic db --from-literal=password=s3cret --dry-run=client -o yaml").output).toBe(`apiVersion: v1
data:
  password: czNjcmV0
kind: Secret
metadata:
  creationTimestamp: null
  name: db
`);
    expect(run("kubectl create secret generic db --from-literal=password=s3cret").output).toBe("secret/db created\n");
    expect(run("kubectl get secret db -o jsonpath={.type}").output).toBe("Opaque");
    expect(run("kubectl create configmap cfg --from-literal=a=1").output).toBe("configmap/cfg created\n");
  });

  it("creates from a file with -f, with --save-config and dry runs", () => {
    run("kubectl create deployment fromfile --image=nginx --dry-run=client -o yaml > /root/d.yaml");
    expect(run("kubectl create -f /root/d.yaml --dry-run=client").output).toBe("deployment.apps/fromfile created (dry run)\n");
    expect(run("kubectl create -f /root/d.yaml --save-config").output).toBe("deployment.apps/fromfile created\n");
    expect(run("kubectl get deploy fromfile -o jsonpath='{.metadata.annotations}'").output).toContain("kubectl.kubernetes.io/last-applied-configuration");
    expect(run("kubectl create -f /root/d.yaml").output).toBe('Error from server (AlreadyExists): error when creating "/root/d.yaml": deployments.apps "fromfile" already exists\n');
  });
});
