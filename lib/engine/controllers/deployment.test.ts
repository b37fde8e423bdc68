import { describe, expect, it } from "vitest";
import { Sandbox } from "../sandbox";
import { kind } from "../test/fixtures";
import { getCondition } from "./util";

const progressing = (sb: Sandbox, name: string) => getCondition(sb.cluster.api.get(kind("Deployment"), "default", name), "Progressing");

describe("Deployment controller: the Progressing condition (progress.go)", () => {
  it("does not time out a complete Deployment that is scaled long after its rollout", () => {
    const sb = Sandbox.create({ seed: 31 });
    sb.exec("kubectl create deployment web --image=nginx:1.25 --replicas=3");
    expect(sb.exec("kubectl rollout status deployment/web").exitCode).toBe(0);
    const before = progressing(sb, "web");
    expect(before?.reason).toBe("NewReplicaSetAvailable");
    sb.exec("sleep 700"); // older than progressDeadlineSeconds (600)
    expect(sb.exec("kubectl scale deployment web --replicas=5").output).toBe("deployment.apps/web scaled\n");
    const r = sb.exec("kubectl rollout status deployment/web");
    expect(r.exitCode).toBe(0);
    expect(r.output).not.toContain("exceeded its progress deadline");
    expect(r.output.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
    // Scaling is no rollout: the condition is not touched at all.
    expect(progressing(sb, "web")).toEqual(before);
    sb.exec("sleep 700");
    expect(sb.exec("kubectl scale deployment web --replicas=2").exitCode).toBe(0);
    sb.exec("sleep 30");
    expect(progressing(sb, "web")).toEqual(before);
  });

  it("still times out a rollout that makes no progress for progressDeadlineSeconds", () => {
    const sb = Sandbox.create({ seed: 32 });
    sb.exec("kubectl create deployment web --image=nginx:1.25 --replicas=2");
    sb.exec("kubectl rollout status deployment/web");
    sb.exec("kubectl patch deployment web -p '{\"spec\":{\"progressDeadlineSeconds\":60}}'");
    sb.exec("kubectl set image deployment/web nginx=nginx:no-such-tag");
    sb.exec("sleep 30");
    expect(progressing(sb, "web")?.status).toBe("True");
    sb.exec("sleep 60");
    expect(progressing(sb, "web")).toMatchObject({ status: "False", reason: "ProgressDeadlineExceeded" });
    expect(progressing(sb, "web")?.message).toMatch(/^ReplicaSet "web-[a-z0-9]+" has timed out progressing\.$/);
    expect(sb.exec("kubectl rollout status deployment/web")).toMatchObject({ exitCode: 1, output: 'error: deployment "web" exceeded its progress deadline\n' });
  });
});

describe("Deployment controller: revision annotation and generation", () => {
  it("writes the revision with the status, so the generation stays where the spec left it", () => {
    const sb = Sandbox.create({ seed: 33 });
    sb.exec("kubectl create deployment web --image=nginx:1.25 --replicas=3");
    const r = sb.exec("kubectl rollout status deployment/web");
    // The listed object, then the controller's first status write (revision and
    // NewReplicaSetCreated, observedGeneration not yet set), then the counts.
    expect(r.output.split("\n").filter((l) => l === "Waiting for deployment spec update to be observed...")).toHaveLength(2);
    expect(r.output).toMatch(/^Waiting for deployment spec update to be observed\.\.\.\nWaiting for deployment spec update to be observed\.\.\.\nWaiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated\.\.\.\n/);
    expect(sb.exec("kubectl get deployment web -o jsonpath='{.metadata.generation} {.status.observedGeneration} {.metadata.annotations}'").output).toBe(
      '1 1 {"deployment.kubernetes.io/revision":"1"}',
    );
    sb.exec("kubectl set image deployment/web nginx=nginx:1.26");
    sb.exec("kubectl rollout status deployment/web");
    expect(sb.exec("kubectl get deployment web -o jsonpath='{.metadata.generation} {.status.observedGeneration} {.metadata.annotations}'").output).toBe(
      '2 2 {"deployment.kubernetes.io/revision":"2"}',
    );
  });
});
