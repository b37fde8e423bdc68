// Golden tests for kubectl cluster-info and kubectl version.
import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("kubectl cluster-info and version", () => {
  const sb = Sandbox.create({ seed: 5 });

  it("prints the control plane and CoreDNS in kubectl's colours", () => {
    expect(sb.exec("kubectl cluster-info")).toMatchObject({
      output: lines(
        "\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://172.30.1.2:6443\x1b[0m",
        "\x1b[0;32mCoreDNS\x1b[0m is running at \x1b[0;33mhttps://172.30.1.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\x1b[0m",
        "",
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
      ),
      exitCode: 0,
    });
  });

  it("prints the client, kustomize and server versions", () => {
    expect(sb.exec("kubectl version")).toMatchObject({ output: lines("Client Version: v1.31.4", "Kustomize Version: v5.4.2", "Server Version: v1.31.4"), exitCode: 0 });
    expect(sb.exec("kubectl version --client").output).toBe(lines("Client Version: v1.31.4", "Kustomize Version: v5.4.2"));
  });

  it("prints version.Info as JSON and YAML", () => {
    expect(sb.exec("kubectl version -o json").output).toBe(
      lines(
        "{",
        '  "clientVersion": {',
        '    "major": "1",',
        '    "minor": "31",',
        '    "gitVersion": "v1.31.4",',
        '    "gitCommit": "a78aa47129b8539636eb86a9d00e31b2720fe06b",',
        '    "gitTreeState": "clean",',
        '    "buildDate": "2024-12-10T11:43:21Z",',
        '    "goVersion": "go1.22.9",',
        '    "compiler": "gc",',
        '    "platform": "linux/amd64"',
        "  },",
        '  "kustomizeVersion": "v5.4.2",',
        '  "serverVersion": {',
        '    "major": "1",',
        '    "minor": "31",',
        '    "gitVersion": "v1.31.4",',
        '    "gitCommit": "a78aa47129b8539636eb86a9d00e31b2720fe06b",',
        '    "gitTreeState": "clean",',
        '    "buildDate": "2024-12-10T11:42:09Z",',
        '    "goVersion": "go1.22.9",',
        '    "compiler": "gc",',
        '    "platform": "linux/amd64"',
        "  }",
        "}",
      ),
    );
    expect(sb.exec("kubectl version --client -o yaml").output).toBe(
      lines(
        "clientVersion:",
        '  buildDate: "2024-12-10T11:43:21Z"',
        "  compiler: gc",
        "  gitCommit: a78aa47129b8539636eb86a9d00e31b2720fe06b",
        "  gitTreeState: clean",
        "  gitVersion: v1.31.4",
        "  goVersion: go1.22.9",
        '  major: "1"',
        '  minor: "31"',
        "  platform: linux/amd64",
        "kustomizeVersion: v5.4.2",
      ),
    );
    expect(sb.exec("kubectl version -o wide")).toMatchObject({ output: "error: --output must be 'yaml' or 'json'\n", exitCode: 1 });
  });

  it("still prints the client version when no server answers", () => {
    expect(sb.exec("KUBECONFIG=/nope kubectl version")).toMatchObject({
      output: lines("Client Version: v1.31.4", "Kustomize Version: v5.4.2", "The connection to the server localhost:8080 was refused - did you specify the right host or port?"),
      exitCode: 1,
    });
  });
});
