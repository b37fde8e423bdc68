import { afterEach, describe, expect, it } from "vitest";
import { SandboxService, SandboxError } from "@/lib/sandboxes/service";
import { freshDatabase } from "@/test/support/db";

const START = Date.UTC(2026, 10, 22, 9, 0, 0);
let disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers) await dispose();
  disposers = [];
});

async function setup(options: ConstructorParameters<typeof SandboxService>[1] = {}) {
  const db = freshDatabase();
  disposers.push(db.dispose);
  const clock = { now: START };
  const service = new SandboxService(db.client, { now: () => clock.now, snapshotEvery: 3, ...options });
  // Snapshots are written after the answer: they finish before the database goes.
  disposers.unshift(() => service.settle());
  const alice = await db.client.user.create({ data: { name: "Alice" } });
  const bob = await db.client.user.create({ data: { name: "Bob" } });
  return { db, clock, service, alice: alice.id, bob: bob.id };
}

describe("sandbox service", () => {
  it("runs commands and keeps them across a restart, with no gap or duplicate in the log", async () => {
    const { db, clock, service, alice } = await setup();
    const { id } = await service.create(alice);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const first = await service.exec(id, alice, "echo '{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team\"}}' | kubectl apply -f -");
    expect(first.output).toBe("namespace/team created\n");
    const pod = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: team
spec:
  containers:
  - name: web
    image: nginx
EOF`;
    for (const cmd of [pod, "kubectl get ns team", "echo hello > /root/note.txt"]) {
      clock.now += 5_000;
      await service.exec(id, alice, cmd);
    }
    clock.now += 30_000;
    // The third command leaves a snapshot, taken after the answer when the server is free (so
    // possibly after the fourth command ran); only the newest is kept.
    await service.settle();
    const snapshots = await db.client.sandboxSnapshot.findMany({ where: { sandboxId: id }, select: { seq: true } });
    expect(snapshots).toHaveLength(1);
    expect([3, 4]).toContain(snapshots[0]!.seq);

    // A restart: the memory is gone, the database is not.
    service.evictAll();
    const restarted = new SandboxService(db.client, { now: () => clock.now, snapshotEvery: 3 });
    disposers.unshift(() => restarted.settle());
    const pods = await restarted.exec(id, alice, "kubectl get pods -n team --no-headers");
    expect(pods.output).toMatch(/^web\s+1\/1\s+Running\s+0\s+\d+s\n$/);
    expect((await restarted.exec(id, alice, "cat /root/note.txt")).output).toBe("hello\n");

    const log = await db.client.sandboxCommand.findMany({ where: { sandboxId: id }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(log.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("a rebuilt sandbox answers exactly like the one that never left memory", async () => {
    const { db, clock, service, alice } = await setup({ snapshotEvery: 100 });
    const { id } = await service.create(alice);
    const deployment = `cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
EOF`;
    const script = [deployment, "sleep 20", "kubectl get pods -o wide", "kubectl delete pod --all", "sleep 10"];
    const live: string[] = [];
    for (const cmd of script) {
      clock.now += 2_000;
      live.push((await service.exec(id, alice, cmd)).output);
    }
    const fresh = new SandboxService(db.client, { now: () => clock.now });
    disposers.unshift(() => fresh.settle());
    const again = await fresh.exec(id, alice, "kubectl get pods -o wide");
    const original = await service.exec(id, alice, "kubectl get pods -o wide");
    expect(again.output).toBe(original.output);
    expect(live[2]).toContain("web-");
  });

  it("refuses someone else's sandbox (403), unknown ids (404), oversized commands (413)", async () => {
    const { service, alice, bob } = await setup();
    const { id } = await service.create(alice);
    await expect(service.exec(id, bob, "kubectl get pods")).rejects.toMatchObject({ status: 403 });
    await expect(service.exec("nope", alice, "ls")).rejects.toMatchObject({ status: 404 });
    await expect(service.exec(id, alice, "x".repeat(70_000))).rejects.toMatchObject({ status: 413 });
    await expect(service.open(id, bob)).rejects.toBeInstanceOf(SandboxError);
  });

  it("limits the command rate per user (429 with a retry time)", async () => {
    const { service, alice } = await setup({ burst: 3, ratePerSecond: 1 });
    const { id } = await service.create(alice);
    for (let i = 0; i < 3; i++) await service.exec(id, alice, "true");
    await expect(service.exec(id, alice, "true")).rejects.toMatchObject({ status: 429, retryAfterSeconds: 1 });
  });

  it("counts the rate in the database, so two servers together allow no more than one", async () => {
    const { db, clock, service: first, alice } = await setup({ burst: 4, ratePerSecond: 2 });
    const second = new SandboxService(db.client, { now: () => clock.now, burst: 4, ratePerSecond: 2 });
    disposers.unshift(() => second.settle());
    const { id } = await first.create(alice);
    // Alternating servers: each one's own bucket has tokens left, the shared count does not.
    for (let i = 0; i < 4; i++) await (i % 2 === 0 ? first : second).exec(id, alice, `echo ${i}`);
    await expect(second.exec(id, alice, "echo late")).rejects.toMatchObject({ status: 429, retryAfterSeconds: 2 });
    await expect(first.exec(id, alice, "echo late")).rejects.toMatchObject({ status: 429 });
    expect(await db.client.sandboxCommand.count({ where: { sandboxId: id } })).toBe(4);
    // Once the window has passed, commands go through again, on either server.
    clock.now += 2_000;
    await expect(second.exec(id, alice, "echo again")).resolves.toMatchObject({ output: "again\n", seq: 5 });
  });

  it("takes turns with another server on one sandbox: each sees the other's commands, in order", async () => {
    const { db, clock, service: first, alice } = await setup({ snapshotEvery: 100 });
    const second = new SandboxService(db.client, { now: () => clock.now, snapshotEvery: 100 });
    disposers.unshift(() => second.settle());
    const { id } = await first.create(alice);
    const commands = ["kubectl create namespace one", "kubectl get ns one --no-headers", "kubectl create namespace two", "kubectl get ns two --no-headers", "echo $((6 * 7)) > /tmp/x", "cat /tmp/x"];
    const outputs: string[] = [];
    for (const [i, command] of commands.entries()) {
      clock.now += 3_000;
      // Each server's copy is behind the other's last command: it finds out and catches up.
      outputs.push((await (i % 2 === 0 ? first : second).exec(id, alice, command)).output);
    }
    expect(outputs).toEqual([
      "namespace/one created\n",
      expect.stringMatching(/^one\s+Active\s+3s\n$/),
      "namespace/two created\n",
      expect.stringMatching(/^two\s+Active\s+3s\n$/),
      "",
      "42\n",
    ]);
    const log = await db.client.sandboxCommand.findMany({ where: { sandboxId: id }, orderBy: { seq: "asc" }, select: { seq: true, command: true } });
    expect(log).toEqual(commands.map((command, i) => ({ seq: i + 1, command })));
  });

  it("limits open sandboxes per user", async () => {
    const { service, alice } = await setup({ maxPerUser: 2 });
    await service.create(alice);
    await service.create(alice);
    await expect(service.create(alice)).rejects.toMatchObject({ status: 429 });
  });
});
