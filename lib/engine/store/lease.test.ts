import { describe, expect, it } from "vitest";
import { TestClock, singleNode, thrown } from "./test-helpers";
import type { WatchEvent } from "./types";

const NOT_FOUND = "etcdserver: requested lease not found";

describe("leases", () => {
  it("grants ids in etcd's format and raises a TTL below the 2 s minimum", () => {
    const s = singleNode();
    const a = s.grant(1);
    expect(a.ttl).toBe(2);
    expect(a.id).toMatch(/^[0-7][0-9a-f]{15}$/);
    const b = s.grant(60);
    expect(b.ttl).toBe(60);
    // Ids share the member prefix and advance with the member's request counter.
    expect(b.id.slice(0, 4)).toBe(a.id.slice(0, 4));
    expect(parseInt(b.id.slice(4), 16) - parseInt(a.id.slice(4), 16)).toBe(2);
    expect(s.leases().leases).toEqual([a.id, b.id]);
  });

  it("refuses a TTL above the maximum and a duplicate id", () => {
    const s = singleNode();
    const big = thrown(() => s.grant(9_000_000_001));
    expect(big.message).toBe("etcdserver: too large lease TTL");
    expect(big.code).toBe("OutOfRange");
    s.grant(10, { id: "1234" });
    const dup = thrown(() => s.grant(10, { id: "0000000000001234" }));
    expect(dup.message).toBe("etcdserver: lease already exists");
    expect(dup.code).toBe("FailedPrecondition");
  });

  it("rejects a put with an unknown lease", () => {
    const s = singleNode();
    const e = thrown(() => s.put("k", "v", { lease: "694d7f1ad4d3c40a" }));
    expect(e.message).toBe(NOT_FOUND);
    expect(e.code).toBe("NotFound");
    expect(s.revision).toBe(1);
  });

  it("expires: deletes the attached keys in one new revision with DELETE events", () => {
    const clock = new TestClock();
    const s = singleNode(clock);
    const events: [number, WatchEvent[]][] = [];
    s.subscribe((evs, rev) => events.push([rev, [...evs]]));
    const { id } = s.grant(10);
    s.put("/registry/events/default/e2", "x", { lease: id }); // 2
    s.put("/registry/events/default/e1", "y", { lease: id }); // 3
    s.put("/registry/keep", "z"); // 4
    expect(s.nextLeaseExpiry()).toBe(clock.t + 10_000);
    clock.advance(9_999);
    expect(s.expireLeases()).toEqual([]);
    clock.advance(1);
    const expired = s.expireLeases();
    expect(expired).toEqual([{ id, keys: ["/registry/events/default/e1", "/registry/events/default/e2"], revision: 5 }]);
    expect(s.revision).toBe(5);
    expect(s.range("/registry/", { prefix: true }).kvs.map((kv) => kv.key)).toEqual(["/registry/keep"]);
    const last = events[events.length - 1]!;
    expect(last[0]).toBe(5);
    expect(last[1].map((e) => `${e.type} ${e.kv.key}`)).toEqual([
      "DELETE /registry/events/default/e1",
      "DELETE /registry/events/default/e2",
    ]);
    expect(s.changesSince(5, "/registry/events/", { prefix: true })).toHaveLength(2);
    expect(s.nextLeaseExpiry()).toBeUndefined();
    expect(s.leases().leases).toEqual([]);
  });

  it("keepAlive restarts the countdown", () => {
    const clock = new TestClock();
    const s = singleNode(clock);
    const { id } = s.grant(10);
    s.put("k", "v", { lease: id });
    clock.advance(8_000);
    expect(s.keepAlive(id).ttl).toBe(10);
    clock.advance(8_000);
    expect(s.expireLeases()).toEqual([]);
    expect(s.get("k")).toBeDefined();
    clock.advance(2_000);
    expect(s.expireLeases().map((x) => x.id)).toEqual([id]);
    expect(s.get("k")).toBeUndefined();
    expect(thrown(() => s.keepAlive(id)).message).toBe(NOT_FOUND);
  });

  it("timeToLive reports remaining and granted TTL and attached keys", () => {
    const clock = new TestClock();
    const s = singleNode(clock);
    const { id } = s.grant(500);
    s.put("b", "1", { lease: id });
    s.put("a", "2", { lease: id });
    clock.advance(12_500);
    expect(s.timeToLive(id, { keys: true })).toMatchObject({ id, ttl: 487, grantedTtl: 500, keys: ["a", "b"] });
    expect(s.timeToLive(id).keys).toEqual([]);
    // Re-putting without the lease detaches the key.
    s.put("a", "3");
    expect(s.timeToLive(id, { keys: true }).keys).toEqual(["b"]);
    // An unknown lease is answered with TTL -1 (etcdctl prints "already expired"), not an error.
    expect(s.timeToLive("1ff").ttl).toBe(-1);
  });

  it("revoke deletes the keys in one revision; unknown ids fail", () => {
    const s = singleNode();
    const { id } = s.grant(60);
    s.put("x", "1", { lease: id });
    s.put("y", "2", { lease: id });
    const before = s.revision;
    s.revoke(id);
    expect(s.revision).toBe(before + 1);
    expect(s.range("", { prefix: true }).count).toBe(0);
    expect(thrown(() => s.revoke(id)).message).toBe(NOT_FOUND);
    // Revoking a lease with no keys does not create a revision.
    const empty = s.grant(60);
    s.revoke(empty.id);
    expect(s.revision).toBe(before + 1);
  });

  it("deleting a key detaches it from its lease", () => {
    const s = singleNode();
    const { id } = s.grant(60);
    s.put("k", "v", { lease: id });
    s.deleteRange("k");
    s.put("k", "fresh");
    s.revoke(id);
    expect(s.get("k")!.value).toBe("fresh");
  });
});
