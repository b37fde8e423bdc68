// Golden tests for kubectl config: views, contexts, and changes written back to the kubeconfig.
import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";
import { kind } from "../../test/fixtures";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("kubectl config", () => {
  const sb = Sandbox.create({ seed: 9 });

  it("shows the kubeconfig with certificate data omitted", () => {
    expect(sb.exec("kubectl config view")).toMatchObject({
      output: lines(
        "apiVersion: v1",
        "clusters:",
        "- cluster:",
        "    certificate-authority-data: DATA+OMITTED",
        "    server: https://172.30.1.2:6443",
        "  name: kubernetes",
        "contexts:",
        "- context:",
        "    cluster: kubernetes",
        "    user: kubernetes-admin",
        "  name: kubernetes-admin@kubernetes",
        "current-context: kubernetes-admin@kubernetes",
        "kind: Config",
        "preferences: {}",
        "users:",
        "- name: kubernetes-admin",
        "  user:",
        "    client-certificate-data: DATA+OMITTED",
        "    client-key-data: DATA+OMITTED",
      ),
      exitCode: 0,
    });
    expect(sb.exec("kubectl config view --raw").output).toMatch(/^    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t/m);
    expect(sb.exec("kubectl config current-context").output).toBe("kubernetes-admin@kubernetes\n");
    expect(sb.exec("kubectl config get-clusters").output).toBe(lines("NAME", "kubernetes"));
    expect(sb.exec("kubectl config get-users").output).toBe(lines("NAME", "kubernetes-admin"));
  });

  it("sets the namespace of the current context, and kubectl uses it", () => {
    expect(sb.exec("kubectl config set-context --current --namespace=dev")).toMatchObject({
      output: 'Context "kubernetes-admin@kubernetes" modified.\n',
      exitCode: 0,
    });
    expect(sb.exec("kubectl config get-contexts").output).toBe(
      lines("CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE", "*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   dev"),
    );
    expect(sb.exec("kubectl get pods")).toMatchObject({ output: "No resources found in dev namespace.\n", exitCode: 0 });
    sb.cluster.api.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "dev" } });
    sb.cluster.api.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "dev" }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } });
    sb.advanceBy(10_000);
    expect(sb.exec("kubectl get pods").output).toBe(lines("NAME   READY   STATUS    RESTARTS   AGE", "web    1/1     Running   0          10s"));
    expect(sb.exec("kubectl config view -o jsonpath={.contexts[0].context.namespace}").output).toBe("dev");
  });

  it("writes the file the way kubectl does", () => {
    const file = sb.exec("cat ~/.kube/config").output;
    expect(file).toMatch(/^contexts:\n- context:\n    cluster: kubernetes\n    namespace: dev\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: \{\}\nusers:\n/m);
  });

  it("creates contexts and switches between them", () => {
    expect(sb.exec("kubectl config use-context nope")).toMatchObject({ output: 'error: no context exists with the name: "nope"\n', exitCode: 1 });
    expect(sb.exec("kubectl config set-context dev-ctx --cluster=kubernetes --user=kubernetes-admin --namespace=kube-system").output).toBe('Context "dev-ctx" created.\n');
    expect(sb.exec("kubectl config get-contexts").output).toBe(
      lines(
        "CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE",
        "          dev-ctx                       kubernetes   kubernetes-admin   kube-system",
        "*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   dev",
      ),
    );
    expect(sb.exec("kubectl config use-context dev-ctx")).toMatchObject({ output: 'Switched to context "dev-ctx".\n', exitCode: 0 });
    expect(sb.exec("kubectl get pods -o name").output).toContain("pod/etcd-controlplane\n");
    expect(sb.exec("kubectl config get-contexts -o name").output).toBe(lines("dev-ctx", "kubernetes-admin@kubernetes"));
    expect(sb.exec("kubectl config get-contexts nope")).toMatchObject({ output: lines("CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE", "error: context nope not found"), exitCode: 1 });
  });

  it("minifies to the current context", () => {
    expect(sb.exec("kubectl config view --minify -o jsonpath={.contexts[*].name}").output).toBe("dev-ctx");
    expect(sb.exec("kubectl config view -o json").output).toBe(
      lines(
        "{",
        '    "kind": "Config",',
        '    "apiVersion": "v1",',
        '    "preferences": {},',
        '    "clusters": [',
        "        {",
        '            "name": "kubernetes",',
        '            "cluster": {',
        '                "server": "https://172.30.1.2:6443",',
        '                "certificate-authority-data": "DATA+OMITTED"',
        "            }",
        "        }",
        "    ],",
        '    "users": [',
        "        {",
        '            "name": "kubernetes-admin",',
        '            "user": {',
        '                "client-certificate-data": "DATA+OMITTED",',
        '                "client-key-data": "DATA+OMITTED"',
        "            }",
        "        }",
        "    ],",
        '    "contexts": [',
        "        {",
        '            "name": "dev-ctx",',
        '            "context": {',
        '                "cluster": "kubernetes",',
        '                "user": "kubernetes-admin",',
        '                "namespace": "kube-system"',
        "            }",
        "        },",
        "        {",
        '            "name": "kubernetes-admin@kubernetes",',
        '            "context": {',
        '                "cluster": "kubernetes",',
        '                "user": "kubernetes-admin",',
        '                "namespace": "dev"',
        "            }",
        "        }",
        "    ],",
        '    "current-context": "dev-ctx"',
        "}",
      ),
    );
  });

  it("works without an API server, and without a kubeconfig", () => {
    expect(sb.exec("KUBECONFIG=/tmp/none kubectl config view").output).toBe(
      lines("apiVersion: v1", "clusters: null", "contexts: null", 'current-context: ""', "kind: Config", "preferences: {}", "users: null"),
    );
    expect(sb.exec("KUBECONFIG=/tmp/none kubectl config current-context")).toMatchObject({ output: "error: current-context is not set\n", exitCode: 1 });
    expect(sb.exec("kubectl config frob")).toMatchObject({ output: lines('error: unknown command "frob"', "See 'kubectl config -h' for help and examples"), exitCode: 1 });
    expect(sb.cluster.api.tryGet(kind("Namespace"), undefined, "dev")).toBeDefined();
  });
});
