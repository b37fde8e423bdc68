import { describe, expect, it } from "vitest";
import { EtcdStore } from "./etcd-store";
import { memberIdFor } from "./ids";
import { TestClock, cluster, singleNode, thrown } from "./test-helpers";

function expectNoLeader(fn: () => unknown) {
  const e = thrown(fn);
  expect(e.message).toBe("etcdserver: no leader");
  expect(e.code).toBe("Unavailable");
  expect(e.clientMessage).toBe("context deadline exceeded");
}

describe("members", () => {
  it("lists members with deterministic ids and URLs from their IPs", () => {
    const s = cluster(3);
    const members = s.members();
    expect(members.map((m) => m.name)).toEqual(["etcd-1", "etcd-2", "etcd-3"]);
    expect(members[0]).toEqual({
      id: memberIdFor("etcd-1"),
      name: "etcd-1",
      peerURLs: ["https://10.0.0.11:2380"],
      clientURLs: ["https://10.0.0.11:2379"],
      isLearner: false,
      started: true,
      isLeader: true,
    });
    expect(memberIdFor("etcd-1")).toMatch(/^[1-9a-f][0-9a-f]{15}$/);
    expect(memberIdFor("etcd-1")).toBe(cluster(3).members()[0]!.id);
    expect(new Set(members.map((m) => m.id)).size).toBe(3);
  });

  it("reports endpoint status with version, leader, term, index and db size", () => {
    const s = singleNode();
    const st = s.status("controlplane");
    expect(st).toMatchObject({
      endpoint: "https://192.168.1.10:2379",
      version: "3.5.21",
      isLeader: true,
      leader: memberIdFor("controlplane"),
      raftTerm: 2,
      raftIndex: 4,
      raftAppliedIndex: 4,
      dbSize: 20480,
      errors: [],
    });
    s.put("/registry/big", "x".repeat(10_000));
    const after = s.status("controlplane");
    expect(after.raftIndex).toBe(5);
    expect(after.dbSize).toBe(20480 + 12288);
    expect(after.dbSizeInUse).toBe(after.dbSize);
    expect(after.header.revision).toBe(2);
    // Compaction frees pages in use; the file keeps its size until defragmented.
    s.put("/registry/big", "y");
    s.compact(3);
    const compacted = s.status("controlplane");
    expect(compacted.dbSizeInUse).toBeLessThan(compacted.dbSize);
    s.defragment("controlplane");
    expect(s.status("controlplane").dbSize).toBe(compacted.dbSizeInUse);
  });

  it("reports health with a deterministic time", () => {
    const s = cluster(3);
    const h = s.health("etcd-2");
    expect(h.healthy).toBe(true);
    expect(h.tookNanos).toBeGreaterThan(1_000_000);
    expect(h.tookNanos).toBeLessThan(20_000_000);
    expect(cluster(3).health("etcd-2")).toEqual(h);
    s.stopMember("etcd-2");
    expect(s.health("etcd-2")).toMatchObject({ healthy: false, error: "context deadline exceeded" });
    expect(thrown(() => s.status("etcd-2")).clientMessage).toBe("context deadline exceeded");
  });
});

describe("quorum with 3 members", () => {
  it("survives one stopped member, with a new leader in a new term when it was the leader", () => {
    const s = cluster(3);
    s.put("a", "1");
    expect(s.leader()).toBe("etcd-1");
    expect(s.raftTerm()).toBe(2);
    s.stopMember("etcd-1");
    expect(s.leader()).toBe("etcd-2");
    expect(s.raftTerm()).toBe(3);
    s.put("b", "2");
    expect(s.get("a")!.value).toBe("1");
    expect(s.status("etcd-3")).toMatchObject({ raftTerm: 3, isLeader: false, leader: memberIdFor("etcd-2") });
  });

  it("keeps the leader and term when a follower stops", () => {
    const s = cluster(3);
    s.stopMember("etcd-3");
    expect(s.leader()).toBe("etcd-1");
    expect(s.raftTerm()).toBe(2);
    s.put("x", "y");
  });

  it("loses the leader with two stopped: writes and linearizable reads fail, serializable reads work", () => {
    const s = cluster(3);
    s.put("a", "1");
    const rev = s.revision;
    s.stopMember("etcd-2");
    s.stopMember("etcd-3");
    expect(s.leader()).toBeUndefined();
    expectNoLeader(() => s.put("b", "2"));
    expectNoLeader(() => s.range("a"));
    expectNoLeader(() => s.deleteRange("a"));
    expectNoLeader(() => s.txn({ success: [{ type: "put", key: "c", value: "3" }] }));
    expectNoLeader(() => s.grant(60));
    expectNoLeader(() => s.compact(1));
    expectNoLeader(() => s.changesSince(1, "a", { requireLeader: true }));
    const r = s.range("a", { serializable: true });
    expect(r.kvs[0]!.value).toBe("1");
    expect(r.header.memberId).toBe(memberIdFor("etcd-1"));
    expect(s.changesSince(1, "a").map((e) => e.type)).toEqual(["PUT"]);
    expect(s.revision).toBe(rev);
    expect(s.status("etcd-1").errors).toEqual(["etcdserver: no leader"]);
    expect(s.status("etcd-1").leader).toBe("0");
    expect(s.health("etcd-1")).toMatchObject({ healthy: false, error: "context deadline exceeded" });
    // A stopped endpoint cannot answer at all.
    const down = thrown(() => s.range("a", { serializable: true, member: "etcd-2" }));
    expect(down.code).toBe("Unavailable");
    expect(down.message).toContain("dial tcp 10.0.0.12:2379: connect: connection refused");

    s.startMember("etcd-3");
    expect(s.leader()).toBe("etcd-1");
    expect(s.raftTerm()).toBe(3);
    s.put("b", "2");
    expect(s.range("", { prefix: true }).kvs.map((kv) => kv.key)).toEqual(["a", "b"]);
    expect(s.status("etcd-3")).toMatchObject({ raftTerm: 3, header: { revision: 3 } });
  });

  it("serves stale data from a member that restarts while there is no leader", () => {
    const s = cluster(3);
    s.put("a", "1"); // 2
    s.stopMember("etcd-3");
    s.put("a", "2"); // 3, etcd-3 misses it
    s.stopMember("etcd-2");
    s.startMember("etcd-3"); // etcd-1 and etcd-3 make a quorum again: etcd-3 catches up
    expect(s.get("a", { serializable: true, member: "etcd-3" })!.value).toBe("2");

    const five = cluster(5);
    five.put("a", "1");
    five.stopMember("etcd-4");
    five.stopMember("etcd-5");
    five.put("a", "2");
    five.stopMember("etcd-2");
    five.stopMember("etcd-3");
    five.startMember("etcd-4"); // 2 of 5 running: no leader, etcd-4 stays behind
    expect(five.leader()).toBeUndefined();
    expect(five.get("a", { serializable: true, member: "etcd-4" })!.value).toBe("1");
    expect(five.get("a", { serializable: true, member: "etcd-1" })!.value).toBe("2");
  });

  it("keeps leases from expiring without a leader and extends them on election", () => {
    const clock = new TestClock();
    const s = cluster(3, clock);
    const { id } = s.grant(10);
    s.put("k", "v", { lease: id });
    s.stopMember("etcd-2");
    s.stopMember("etcd-3");
    expect(s.nextLeaseExpiry()).toBeUndefined();
    clock.advance(60_000);
    expect(s.expireLeases()).toEqual([]);
    s.startMember("etcd-2");
    // The new leader restarts the countdown plus one election timeout.
    expect(s.nextLeaseExpiry()).toBe(clock.t + 11_000);
    expect(s.get("k")).toBeDefined();
  });
});

describe("quorum with 5 members", () => {
  it("tolerates two stopped members but not three", () => {
    const s = cluster(5);
    s.stopMember("etcd-4");
    s.stopMember("etcd-5");
    s.put("a", "1");
    expect(s.leader()).toBe("etcd-1");
    s.stopMember("etcd-1");
    expect(s.leader()).toBeUndefined();
    expectNoLeader(() => s.put("b", "2"));
    expect(s.get("a", { serializable: true })!.value).toBe("1");
    s.startMember("etcd-5");
    expect(s.leader()).toBe("etcd-2");
    s.put("b", "2");
    expect(s.get("b")!.value).toBe("2");
  });
});

describe("single member", () => {
  it("is unreachable when stopped and recovers with no data lost", () => {
    const s = new EtcdStore({ members: [{ name: "controlplane", ip: "192.168.1.10" }] }, new TestClock());
    s.put("/registry/namespaces/default", "{}");
    s.stopMember("controlplane");
    const e = thrown(() => s.range("/registry/namespaces/default", { serializable: true }));
    expect(e.clientMessage).toBe("context deadline exceeded");
    expect(s.health("controlplane").healthy).toBe(false);
    s.startMember("controlplane");
    expect(s.leader()).toBe("controlplane");
    expect(s.raftTerm()).toBe(3);
    expect(s.get("/registry/namespaces/default")!.value).toBe("{}");
  });
});
