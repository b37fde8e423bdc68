import { describe, expect, it } from "vitest";
import { EtcdStore } from "./etcd-store";
import { TestClock, cluster, roundTrip } from "./test-helpers";

/** A mixed workload touching every kind of state. */
function workload(s: EtcdStore, clock: TestClock, start: number, steps: number): void {
  for (let i = start; i < start + steps; i++) {
    const key = `/registry/pods/ns${i % 3}/pod-${i % 7}`;
    switch (i % 9) {
      case 0:
        s.put(key, JSON.stringify({ i }));
        break;
      case 1:
        s.deleteRange(`/registry/pods/ns${i % 3}/`, { prefix: true });
        break;
      case 2: {
        const { id } = s.grant(5 + (i % 4));
        s.put(`/registry/events/e${i}`, "event", { lease: id });
        break;
      }
      case 3:
        s.txn({
          compare: [{ key, target: "VERSION", result: ">", value: 0 }],
          success: [{ type: "put", key, value: `upd${i}` }],
          failure: [{ type: "put", key: `${key}-new`, value: `new${i}` }],
        });
        break;
      case 4:
        clock.advance(3_000);
        s.expireLeases();
        break;
      case 5:
        if (s.revision > 4) s.compact(s.revision - 3);
        break;
      case 6:
        s.stopMember(`etcd-${(i % 3) + 1}`);
        s.put(key, "during-outage");
        s.startMember(`etcd-${(i % 3) + 1}`);
        break;
      default:
        s.put(key, `v${i}`);
    }
  }
}

describe("state", () => {
  it("is deterministic: the same operations give the same JSON", () => {
    const run = () => {
      const clock = new TestClock();
      const s = cluster(3, clock);
      workload(s, clock, 0, 120);
      return JSON.stringify(s.toState());
    };
    const a = run();
    expect(run()).toBe(a);
    expect(a.length).toBeGreaterThan(100);
  });

  it("restores to a store that continues exactly like the original", () => {
    const clockA = new TestClock();
    const original = cluster(3, clockA);
    workload(original, clockA, 0, 60);

    const clockB = new TestClock(clockA.t);
    const restored = new EtcdStore(roundTrip(original.toState()), clockB);
    expect(JSON.stringify(restored.toState())).toBe(JSON.stringify(original.toState()));
    expect(restored.revision).toBe(original.revision);
    expect(restored.compactRevision).toBe(original.compactRevision);

    // Watch history and reads agree too.
    const from = original.compactRevision || 1;
    expect(restored.changesSince(from, "", { prefix: true })).toEqual(original.changesSince(from, "", { prefix: true }));
    expect(restored.range("", { prefix: true })).toEqual(original.range("", { prefix: true }));

    workload(original, clockA, 60, 60);
    workload(restored, clockB, 60, 60);
    expect(JSON.stringify(restored.toState())).toBe(JSON.stringify(original.toState()));
    expect(restored.leases()).toEqual(original.leases());
    expect(restored.members()).toEqual(original.members());
  });

  it("keeps lease attachments across a restore", () => {
    const clock = new TestClock();
    const s = cluster(1, clock);
    const { id } = s.grant(30);
    s.put("a", "1", { lease: id });
    const restored = new EtcdStore(roundTrip(s.toState()), clock);
    expect(restored.timeToLive(id, { keys: true }).keys).toEqual(["a"]);
    clock.advance(30_000);
    expect(restored.expireLeases()[0]!.keys).toEqual(["a"]);
    expect(restored.get("a")).toBeUndefined();
  });

  it("stays fast with many keys", () => {
    const s = cluster(1);
    for (let i = 0; i < 20_000; i++) s.put(`/registry/pods/ns${i % 50}/pod-${i}`, `{"i":${i}}`);
    for (let i = 0; i < 20_000; i++) s.put(`/registry/pods/ns${i % 50}/pod-${i}`, `{"i":${i},"v":2}`);
    expect(s.range("/registry/pods/ns7/", { prefix: true }).count).toBe(400);
    expect(s.revision).toBe(40_001);
  });
});
