// Golden tests for kubectl auth can-i and kubectl auth whoami.
import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("kubectl auth", () => {
  const sb = Sandbox.create({ seed: 5 });

  it("answers yes for the cluster admin, with kubectl's warnings", () => {
    expect(sb.exec("kubectl auth can-i create deployments")).toMatchObject({ output: "yes\n", exitCode: 0 });
    expect(sb.exec("kubectl auth can-i list nodes").output).toBe(lines("Warning: resource 'nodes' is not namespace scoped", "", "yes"));
    expect(sb.exec("kubectl auth can-i frob pods").output).toBe(lines("Warning: verb 'frob' is not a known verb", "", "yes"));
    expect(sb.exec("kubectl auth can-i get widgets").output).toBe(lines("Warning: the server doesn't have a resource type 'widgets'", "", "yes"));
    expect(sb.exec("kubectl auth can-i delete pods -q")).toMatchObject({ output: "", exitCode: 0 });
  });

  it("answers no for a service account that has no roles", () => {
    expect(sb.exec("kubectl auth can-i get pods --as=system:serviceaccount:default:default")).toMatchObject({ output: "no\n", exitCode: 1 });
    expect(sb.exec("kubectl auth can-i create selfsubjectaccessreviews --as=jane")).toMatchObject({
      output: lines("Warning: resource 'selfsubjectaccessreviews' is not namespace scoped in group 'authorization.k8s.io'", "", "yes"),
      exitCode: 0,
    });
  });

  it("lists the admin's rules", () => {
    expect(sb.exec("kubectl auth can-i --list").output).toBe(
      lines(
        "Resources                                       Non-Resource URLs   Resource Names   Verbs",
        "*.*                                             []                  []               [*]",
        "                                                [*]                 []               [*]",
        "selfsubjectreviews.authentication.k8s.io        []                  []               [create]",
        "selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]",
        "selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]",
        "                                                [/api/*]            []               [get]",
        "                                                [/api]              []               [get]",
        "                                                [/apis/*]           []               [get]",
        "                                                [/apis]             []               [get]",
        "                                                [/healthz]          []               [get]",
        "                                                [/healthz]          []               [get]",
        "                                                [/livez]            []               [get]",
        "                                                [/livez]            []               [get]",
        "                                                [/openapi/*]        []               [get]",
        "                                                [/openapi]          []               [get]",
        "                                                [/readyz]           []               [get]",
        "                                                [/readyz]           []               [get]",
        "                                                [/version/]         []               [get]",
        "                                                [/version/]         []               [get]",
        "                                                [/version]          []               [get]",
        "                                                [/version]          []               [get]",
      ),
    );
  });

  it("needs a verb and a resource", () => {
    expect(sb.exec("kubectl auth can-i")).toMatchObject({
      output: lines("error: you must specify two arguments: verb resource or verb resource/resourceName.", "See 'kubectl auth can-i -h' for help and examples."),
      exitCode: 1,
    });
  });

  it("says who the user is", () => {
    expect(sb.exec("kubectl auth whoami").output).toBe(
      lines("ATTRIBUTE   VALUE", "Username    kubernetes-admin", "Groups      [kubeadm:cluster-admins system:authenticated]"),
    );
    expect(sb.exec("kubectl auth whoami -o yaml").output).toBe(
      lines(
        "apiVersion: authentication.k8s.io/v1",
        "kind: SelfSubjectReview",
        "metadata:",
        '  creationTimestamp: "2026-01-01T00:00:00Z"',
        "status:",
        "  userInfo:",
        "    groups:",
        "    - kubeadm:cluster-admins",
        "    - system:authenticated",
        "    username: kubernetes-admin",
      ),
    );
  });
});
