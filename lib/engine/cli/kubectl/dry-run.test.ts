import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";

const MANIFEST = `cat > /root/d.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dd
spec:
  replicas: 2
  selector:
    matchLabels: {app: dd}
  template:
    metadata:
      labels: {app: dd}
    spec:
      containers:
      - name: c
        image: nginx
EOF`;

describe("--dry-run: nothing persists, each command prints its own suffix", () => {
  const sb = Sandbox.create({ seed: 21 });
  const run = (line: string) => sb.exec(line);
  run(MANIFEST);
  const revision = () => sb.store.revision;

  it("apply, create -f and replace -f", () => {
    const before = revision();
    expect(run("kubectl apply -f /root/d.yaml --dry-run=server")).toMatchObject({ exitCode: 0, output: "deployment.apps/dd created (server dry run)\n" });
    expect(run("kubectl apply -f /root/d.yaml --dry-run=client").output).toBe("deployment.apps/dd created (dry run)\n");
    expect(run("kubectl create -f /root/d.yaml --dry-run=server").output).toBe("deployment.apps/dd created (server dry run)\n");
    expect(run("kubectl create -f /root/d.yaml --dry-run=client").output).toBe("deployment.apps/dd created (dry run)\n");
    expect(run("kubectl get deploy dd").output).toBe('Error from server (NotFound): deployments.apps "dd" not found\n');
    expect(revision()).toBe(before);
    // The server still validates and admits a dry run.
    run("sed -i 's/replicas: 2/replicas: -2/' /root/d.yaml");
    expect(run("kubectl apply -f /root/d.yaml --dry-run=server")).toMatchObject({ exitCode: 1 });
    expect(run("kubectl apply -f /root/d.yaml --dry-run=server").output).toContain("spec.replicas: Invalid value: -2: must be greater than or equal to 0");
    run("sed -i 's/replicas: -2/replicas: 2/' /root/d.yaml");
    expect(run("kubectl apply -f /root/d.yaml --dry-run=client -o jsonpath='{.kind}/{.metadata.name}'").output).toBe("Deployment/dd");
    expect(run("kubectl apply -f /root/d.yaml --dry-run=maybe").output).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');

    run("kubectl apply -f /root/d.yaml");
    const applied = revision();
    run("sed -i 's/replicas: 2/replicas: 3/' /root/d.yaml");
    expect(run("kubectl apply -f /root/d.yaml --dry-run=server").output).toBe("deployment.apps/dd configured (server dry run)\n");
    expect(run("kubectl replace -f /root/d.yaml --dry-run=server").output).toBe("deployment.apps/dd replaced (server dry run)\n");
    expect(run("kubectl replace -f /root/d.yaml --dry-run=client").output).toBe("deployment.apps/dd replaced (dry run)\n");
    expect(run("kubectl create -f /root/d.yaml --dry-run=server")).toMatchObject({ exitCode: 1, output: 'Error from server (AlreadyExists): error when creating "/root/d.yaml": deployments.apps "dd" already exists\n' });
    sb.advanceBy(0);
    expect(run("kubectl get deploy dd -o jsonpath={.spec.replicas}").output).toBe("2");
    expect(sb.store.changesSince(applied + 1, "/registry/deployments/default/dd").filter((e) => JSON.parse(e.kv.value).spec.replicas !== 2)).toEqual([]);
  });

  it("create, run and expose", () => {
    expect(run("kubectl create deployment web --image=nginx --dry-run=server").output).toBe("deployment.apps/web created (server dry run)\n");
    expect(run("kubectl run p1 --image=nginx --dry-run=server").output).toBe("pod/p1 created (server dry run)\n");
    expect(run("kubectl run p1 --image=nginx --dry-run=client").output).toBe("pod/p1 created (dry run)\n");
    expect(run("kubectl get deploy web").exitCode).toBe(1);
    expect(run("kubectl get pod p1").exitCode).toBe(1);
    expect(run("kubectl expose deployment dd --port=80 --dry-run=server").output).toBe("service/dd exposed (server dry run)\n");
    expect(run("kubectl expose deployment dd --port=80 --dry-run=client").output).toBe("service/dd exposed (dry run)\n");
    expect(run("kubectl get svc dd").exitCode).toBe(1);
    // The server validates a dry run like any request.
    expect(run("kubectl run Bad_Name --image=nginx --dry-run=server")).toMatchObject({ exitCode: 1 });
    expect(run("kubectl run Bad_Name --image=nginx --dry-run=server").output).toMatch(/^The Pod "Bad_Name" is invalid: \n\* metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });

  it("scale, label, annotate, patch and set", () => {
    const before = revision();
    expect(run("kubectl scale deployment dd --replicas=4 --dry-run=server").output).toBe("deployment.apps/dd scaled (server dry run)\n");
    expect(run("kubectl scale deployment dd --replicas=4 --dry-run=client").output).toBe("deployment.apps/dd scaled (dry run)\n");
    expect(run("kubectl label deployment dd tier=web --dry-run=server").output).toBe("deployment.apps/dd labeled (server dry run)\n");
    expect(run("kubectl label deployment dd tier=web --dry-run=client").output).toBe("deployment.apps/dd labeled (dry run)\n");
    expect(run("kubectl annotate deployment dd note=x --dry-run=server").output).toBe("deployment.apps/dd annotated (server dry run)\n");
    expect(run(`kubectl patch deployment dd -p '{"spec":{"replicas":7}}' --dry-run=server`).output).toBe("deployment.apps/dd patched (server dry run)\n");
    expect(run(`kubectl patch deployment dd -p '{"spec":{"replicas":7}}' --dry-run=client`).output).toBe("deployment.apps/dd patched (dry run)\n");
    expect(run("kubectl set image deployment/dd c=nginx:1.26 --dry-run=server").output).toBe("deployment.apps/dd image updated (server dry run)\n");
    expect(run("kubectl set env deployment/dd A=B --dry-run=server").output).toBe("deployment.apps/dd env updated (server dry run)\n");
    // Server-side validation still answers.
    expect(run(`kubectl patch deployment dd -p '{"spec":{"replicas":-1}}' --dry-run=server`).exitCode).toBe(1);
    expect(run("kubectl label deployment dd 'tier=-bad-' --dry-run=server").exitCode).toBe(1);
    sb.advanceBy(0);
    expect(run("kubectl get deploy dd -o jsonpath='{.spec.replicas} {.metadata.labels} {.metadata.annotations.note} {.spec.template.spec.containers[0].image}'").output).toBe("2   nginx");
    const writes = sb.store.changesSince(before + 1, "/registry/deployments/default/dd").map((e) => JSON.parse(e.kv.value) as { metadata: { generation: number } });
    expect(writes.every((w) => w.metadata.generation === 1)).toBe(true);
  });

  it("delete", () => {
    expect(run("kubectl delete deployment dd --dry-run=server").output).toBe('deployment.apps "dd" deleted (server dry run)\n');
    expect(run("kubectl delete deployment dd --dry-run=client").output).toBe('deployment.apps "dd" deleted (dry run)\n');
    expect(run("kubectl delete deployment dd --dry-run=client -o name").output).toBe("deployment.apps/dd\n");
    expect(run("kubectl delete deployment nope --dry-run=server")).toMatchObject({ exitCode: 1, output: 'Error from server (NotFound): deployments.apps "nope" not found\n' });
    expect(run("kubectl get deploy dd -o name").output).toBe("deployment.apps/dd\n");
  });
});
