// Golden tests for kubectl events (not `kubectl get events`, which get.ts prints).
import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("kubectl events", () => {
  const sb = Sandbox.create({ seed: 5 });

  it("lists the namespace's events, oldest first, with Kind/name objects", () => {
    expect(sb.exec("kubectl events")).toMatchObject({
      output: lines(
        "LAST SEEN   TYPE     REASON           OBJECT              MESSAGE",
        "14m         Normal   RegisteredNode   Node/controlplane   Node controlplane event: Registered Node controlplane in Controller",
        "14m         Normal   Starting         Node/controlplane   Starting kubelet.",
        "13m         Normal   RegisteredNode   Node/node01         Node node01 event: Registered Node node01 in Controller",
        "13m         Normal   Starting         Node/node01         Starting kubelet.",
        "13m         Normal   RegisteredNode   Node/node02         Node node02 event: Registered Node node02 in Controller",
        "13m         Normal   Starting         Node/node02         Starting kubelet.",
      ),
      exitCode: 0,
    });
  });

  it("filters with --for, --types and -A", () => {
    expect(sb.exec("kubectl events -A --for node/node01").output).toBe(
      lines(
        "NAMESPACE   LAST SEEN   TYPE     REASON           OBJECT        MESSAGE",
        "default     13m         Normal   RegisteredNode   Node/node01   Node node01 event: Registered Node node01 in Controller",
        "default     13m         Normal   Starting         Node/node01   Starting kubelet.",
      ),
    );
    expect(sb.exec("kubectl events -n kube-system --types=normal --no-headers --for=deploy/coredns").output).toBe(
      lines("14m   Normal   ScalingReplicaSet   Deployment/coredns   Scaled up replica set coredns-54f69986ff from 0 to 2"),
    );
    expect(sb.exec("kubectl events -A --types=Warning")).toMatchObject({ output: "No events found.\n", exitCode: 0 });
    expect(sb.exec("kubectl events -n kube-public")).toMatchObject({ output: "No events found in kube-public namespace.\n", exitCode: 0 });
  });

  it("checks its flags", () => {
    expect(sb.exec("kubectl events --types=Bogus")).toMatchObject({ output: "error: valid --types are Normal or Warning\n", exitCode: 1 });
    expect(sb.exec("kubectl events --for=etcd")).toMatchObject({ output: "error: --for must be in resource/name form\n", exitCode: 1 });
  });

  it("shows new events with -w", () => {
    sb.cluster.api.create({ apiVersion: "v1", kind: "Pod", metadata: { name: "solo", namespace: "default" }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } });
    expect(sb.exec("kubectl events -w --for pod/solo").output).toBe(
      lines(
        "LAST SEEN   TYPE     REASON      OBJECT     MESSAGE",
        "0s          Normal   Scheduled   Pod/solo   Successfully assigned default/solo to node01",
        '0s          Normal   Pulling     Pod/solo   Pulling image "nginx:1.27"',
        '0s          Normal   Pulled      Pod/solo   Successfully pulled image "nginx:1.27" in 2.174s (2.174s including waiting). Image size: 191998640 bytes.',
        "0s          Normal   Created     Pod/solo   Created container c",
        "0s          Normal   Started     Pod/solo   Started container c",
      ),
    );
  });
});
