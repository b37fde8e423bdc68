import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

describe("kubectl expose", () => {
  const sb = Sandbox.create({ seed: 13 });
  const run = (line: string) => sb.exec(line);
  run("kubectl create deployment web --image=nginx --port=80");
  run("kubectl create deployment noport --image=nginx");
  run("kubectl run solo --image=nginx --port=8080");

  it("builds the Service from the deployment's selector, labels and ports", () => {
    expect(run("kubectl expose deployment web --dry-run=client -o yaml").output).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: web
status:
  loadBalancer: {}
`);
    expect(run("kubectl expose deployment web --port=80 --target-port=8000 --type=NodePort --name=web-np --dry-run=client -o yaml").output).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web-np
spec:
  ports:
  - port: 80
    protocol: TCP
    targetPort: 8000
  selector:
    app: web
  type: NodePort
status:
  loadBalancer: {}
`);
  });

  it("creates it and prints 'exposed'", () => {
    expect(run("kubectl expose deployment web")).toMatchObject({ output: "service/web exposed\n", exitCode: 0 });
    expect(run("kubectl expose deploy/web")).toMatchObject({ output: 'Error from server (AlreadyExists): services "web" already exists\n', exitCode: 1 });
    expect(run("kubectl expose pod solo --name=solo-svc --port=80 --target-port=8080").output).toBe("service/solo-svc exposed\n");
    expect(run("kubectl get svc solo-svc -o jsonpath={.spec.selector.run}").output).toBe("solo");
    expect(run("kubectl expose service web --port=443 --name=web2 --dry-run=client").output).toBe("service/web2 exposed (dry run)\n");
  });

  it("explains what it could not find", () => {
    expect(run("kubectl expose deployment noport")).toMatchObject({ output: "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n", exitCode: 1 });
    expect(run("kubectl expose deployment nothere --port=80").output).toBe('Error from server (NotFound): deployments.apps "nothere" not found\n');
    expect(run("kubectl expose configmap kube-root-ca.crt --port=80").output).toBe("error: cannot expose a ConfigMap\n");
    run("printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: bare\\nspec:\\n  containers:\\n  - name: c\\n    image: nginx\\n' | kubectl apply -f -");
    expect(run("kubectl expose pod bare --port=80").output).toBe("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\nSee 'kubectl expose -h' for help and examples\n");
    expect(run("kubectl expose").output).toBe("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\nSee 'kubectl expose -h' for help and examples\n");
  });
});
