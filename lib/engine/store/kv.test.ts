import { describe, expect, it } from "vitest";
import { EtcdError } from "./errors";
import { singleNode, thrown } from "./test-helpers";
import type { WatchEvent } from "./types";

const COMPACTED = "etcdserver: mvcc: required revision has been compacted";
const FUTURE = "etcdserver: mvcc: required revision is a future revision";

describe("revisions", () => {
  it("starts at 1 and bumps once per mutation", () => {
    const s = singleNode();
    expect(s.revision).toBe(1);
    expect(s.range("foo").header.revision).toBe(1);
    expect(s.put("foo", "a").header.revision).toBe(2);
    expect(s.put("bar", "b").header.revision).toBe(3);
    expect(s.deleteRange("foo").header.revision).toBe(4);
    // Deleting nothing does not bump the revision.
    const none = s.deleteRange("nothing");
    expect(none.deleted).toBe(0);
    expect(none.header.revision).toBe(4);
    expect(s.revision).toBe(4);
  });

  it("tracks create/mod revision and version, reset by a delete", () => {
    const s = singleNode();
    s.put("k", "v1"); // 2
    s.put("k", "v2"); // 3
    s.put("other", "x"); // 4
    s.put("k", "v3"); // 5
    expect(s.get("k")).toEqual({ key: "k", createRevision: 2, modRevision: 5, version: 3, value: "v3", lease: "0" });
    s.deleteRange("k"); // 6
    expect(s.get("k")).toBeUndefined();
    s.put("k", "again"); // 7
    expect(s.get("k")).toMatchObject({ createRevision: 7, modRevision: 7, version: 1, value: "again" });
  });

  it("rejects empty keys with etcd's message", () => {
    const s = singleNode();
    for (const fn of [() => s.put("", "x"), () => s.range(""), () => s.deleteRange("")]) {
      const e = thrown(fn);
      expect(e).toBeInstanceOf(EtcdError);
      expect(e.message).toBe("etcdserver: key is not provided");
      expect(e.code).toBe("InvalidArgument");
    }
  });

  it("returns prevKv on put and delete when asked", () => {
    const s = singleNode();
    expect(s.put("k", "1", { prevKv: true }).prevKv).toBeUndefined();
    const r = s.put("k", "2", { prevKv: true });
    expect(r.prevKv).toMatchObject({ key: "k", value: "1", version: 1, modRevision: 2 });
    const d = s.deleteRange("k", { prevKv: true });
    expect(d.deleted).toBe(1);
    expect(d.prevKvs).toEqual([{ key: "k", createRevision: 2, modRevision: 3, version: 2, value: "2", lease: "0" }]);
  });

  it("supports ignoreValue and ignoreLease", () => {
    const s = singleNode();
    expect(thrown(() => s.put("k", "", { ignoreValue: true })).message).toBe("etcdserver: key not found");
    expect(thrown(() => s.put("k", "x", { ignoreValue: true })).message).toBe("etcdserver: value is provided");
    const { id } = s.grant(60);
    s.put("k", "v", { lease: id });
    s.put("k", "", { ignoreValue: true });
    expect(s.get("k")).toMatchObject({ value: "v", version: 2, lease: "0" });
    s.put("k", "v", { lease: id });
    s.put("k", "w", { ignoreLease: true });
    expect(s.get("k")).toMatchObject({ value: "w", lease: id });
    expect(thrown(() => s.put("k", "w", { ignoreLease: true, lease: id })).message).toBe("etcdserver: lease is provided");
  });
});

describe("range", () => {
  function seeded() {
    const s = singleNode();
    s.put("/registry/pods/default/web-1", "p1"); // 2
    s.put("/registry/pods/default/web-2", "p2"); // 3
    s.put("/registry/pods/kube-system/dns", "p3"); // 4
    s.put("/registry/services/default/web", "svc"); // 5
    s.put("a", "1"); // 6
    s.put("b", "2"); // 7
    return s;
  }

  it("reads by prefix in key order", () => {
    const s = seeded();
    const r = s.range("/registry/pods/", { prefix: true });
    expect(r.kvs.map((kv) => kv.key)).toEqual([
      "/registry/pods/default/web-1",
      "/registry/pods/default/web-2",
      "/registry/pods/kube-system/dns",
    ]);
    expect(r.count).toBe(3);
    expect(r.more).toBe(false);
  });

  it("reads [key, rangeEnd), from-key with \\0, and everything with an empty prefix", () => {
    const s = seeded();
    expect(s.range("/registry/pods/default/", { rangeEnd: "/registry/pods/default0" }).kvs).toHaveLength(2);
    expect(s.range("a", { rangeEnd: "\0" }).kvs.map((kv) => kv.key)).toEqual(["a", "b"]);
    expect(s.range("a", { fromKey: true }).count).toBe(2);
    expect(s.range("", { prefix: true }).count).toBe(6);
    expect(s.range("\0", { rangeEnd: "\0" }).count).toBe(6);
  });

  it("applies limit with more and the total count", () => {
    const s = seeded();
    const r = s.range("/registry/", { prefix: true, limit: 2 });
    expect(r.kvs.map((kv) => kv.value)).toEqual(["p1", "p2"]);
    expect(r.more).toBe(true);
    expect(r.count).toBe(4);
    const all = s.range("/registry/", { prefix: true, limit: 4 });
    expect(all.more).toBe(false);
  });

  it("answers keysOnly and countOnly", () => {
    const s = seeded();
    const keys = s.range("/registry/pods/", { prefix: true, keysOnly: true });
    expect(keys.kvs.every((kv) => kv.value === "")).toBe(true);
    expect(keys.kvs[0]!.modRevision).toBe(2);
    const c = s.range("/registry/", { prefix: true, countOnly: true });
    expect(c).toMatchObject({ kvs: [], count: 4, more: false });
  });

  it("sorts by other targets and descending", () => {
    const s = seeded();
    s.put("/registry/pods/default/web-1", "p1b"); // 8: web-1 now has the highest mod revision
    const byMod = s.range("/registry/pods/", { prefix: true, sortTarget: "MOD", sortOrder: "DESCEND" });
    expect(byMod.kvs.map((kv) => kv.key)[0]).toBe("/registry/pods/default/web-1");
    const desc = s.range("/registry/pods/", { prefix: true, sortOrder: "DESCEND", limit: 1 });
    expect(desc.kvs.map((kv) => kv.key)).toEqual(["/registry/pods/kube-system/dns"]);
    expect(desc.more).toBe(true);
  });

  it("reads the state as of a past revision", () => {
    const s = singleNode();
    s.put("k", "v1"); // 2
    s.put("k", "v2"); // 3
    s.put("j", "x"); // 4
    s.deleteRange("k"); // 5
    expect(s.range("k", { revision: 2 }).kvs[0]).toMatchObject({ value: "v1", version: 1 });
    expect(s.range("k", { revision: 4 }).kvs[0]).toMatchObject({ value: "v2", version: 2 });
    expect(s.range("k", { revision: 5 }).kvs).toEqual([]);
    expect(s.range("", { prefix: true, revision: 3 }).kvs.map((kv) => kv.key)).toEqual(["k"]);
    expect(s.range("", { prefix: true, revision: 1 }).count).toBe(0);
    const e = thrown(() => s.range("k", { revision: 6 }));
    expect(e.message).toBe(FUTURE);
    expect(e.code).toBe("OutOfRange");
  });
});

describe("txn", () => {
  it("runs the success branch as one revision", () => {
    const s = singleNode();
    s.put("a", "1"); // 2
    const r = s.txn({
      compare: [{ key: "a", target: "VALUE", result: "=", value: "1" }],
      success: [
        { type: "put", key: "b", value: "2" },
        { type: "put", key: "c", value: "3" },
        { type: "delete", key: "a", prevKv: true },
        { type: "range", key: "b" },
      ],
      failure: [{ type: "put", key: "failed", value: "x" }],
    });
    expect(r.succeeded).toBe(true);
    expect(r.header.revision).toBe(3);
    expect(s.revision).toBe(3);
    expect(s.get("b")).toMatchObject({ modRevision: 3, createRevision: 3 });
    expect(s.get("c")!.modRevision).toBe(3);
    expect(r.responses.map((x) => x.type)).toEqual(["put", "put", "delete", "range"]);
    const del = r.responses[2]!;
    expect(del.type === "delete" && del.prevKvs[0]!.value).toBe("1");
    // A range inside the txn sees the txn's own earlier writes.
    const rr = r.responses[3]!;
    expect(rr.type === "range" && rr.kvs[0]!.value).toBe("2");
    expect(s.get("failed")).toBeUndefined();
  });

  it("runs the failure branch when a compare fails", () => {
    const s = singleNode();
    s.put("a", "1");
    const r = s.txn({
      compare: [{ key: "a", target: "VERSION", result: ">", value: 1 }],
      success: [{ type: "put", key: "x", value: "yes" }],
      failure: [{ type: "put", key: "x", value: "no" }, { type: "range", key: "a" }],
    });
    expect(r.succeeded).toBe(false);
    expect(s.get("x")!.value).toBe("no");
  });

  it("compares every target with every operator", () => {
    const s = singleNode();
    const { id } = s.grant(60);
    s.put("k", "hello", { lease: id }); // 2
    s.put("k", "world", { lease: id }); // 3
    const check = (target: "MOD" | "CREATE" | "VERSION" | "VALUE" | "LEASE", result: "=" | "!=" | "<" | ">", value: number | string) =>
      s.txn({ compare: [{ key: "k", target, result, value }] }).succeeded;
    expect(check("MOD", "=", 3)).toBe(true);
    expect(check("MOD", "<", 4)).toBe(true);
    expect(check("MOD", ">", 3)).toBe(false);
    expect(check("CREATE", "=", 2)).toBe(true);
    expect(check("CREATE", "!=", 2)).toBe(false);
    expect(check("VERSION", "=", 2)).toBe(true);
    expect(check("VERSION", ">", 1)).toBe(true);
    expect(check("VALUE", "=", "world")).toBe(true);
    expect(check("VALUE", "<", "zzz")).toBe(true);
    expect(check("VALUE", ">", "zzz")).toBe(false);
    expect(check("LEASE", "=", id)).toBe(true);
    expect(check("LEASE", "!=", "0")).toBe(true);
  });

  it("treats a missing key as zeros, but a value compare on it always fails", () => {
    const s = singleNode();
    const t = (target: "CREATE" | "VALUE" | "VERSION", value: number | string, result: "=" | "!=" = "=") =>
      s.txn({ compare: [{ key: "missing", target, result, value }] }).succeeded;
    expect(t("CREATE", 0)).toBe(true);
    expect(t("VERSION", 0)).toBe(true);
    expect(t("VALUE", "")).toBe(false);
    expect(t("VALUE", "", "!=")).toBe(false);
  });

  it("implements optimistic concurrency: a stale modRevision loses", () => {
    const s = singleNode();
    const key = "/registry/configmaps/default/cfg";
    s.put(key, '{"data":{"a":"1"}}');
    const read = s.get(key)!; // both writers read resourceVersion = modRevision
    const update = (value: string) =>
      s.txn({
        compare: [{ key, target: "MOD", result: "=", value: read.modRevision }],
        success: [{ type: "put", key, value }],
        failure: [{ type: "range", key }],
      });
    const first = update('{"data":{"a":"2"}}');
    expect(first.succeeded).toBe(true);
    const revAfterFirst = s.revision;
    const second = update('{"data":{"a":"3"}}');
    expect(second.succeeded).toBe(false);
    const current = second.responses[0]!;
    expect(current.type === "range" && current.kvs[0]!.value).toBe('{"data":{"a":"2"}}');
    // The losing txn only read, so the revision did not move.
    expect(s.revision).toBe(revAfterFirst);
  });

  it("does not bump the revision for a read-only txn", () => {
    const s = singleNode();
    s.put("a", "1");
    const r = s.txn({ compare: [], success: [{ type: "range", key: "a" }] });
    expect(r.succeeded).toBe(true);
    expect(s.revision).toBe(2);
  });

  it("rejects duplicate keys and too many ops with etcd's messages", () => {
    const s = singleNode();
    const dup = thrown(() =>
      s.txn({ success: [{ type: "put", key: "a", value: "1" }, { type: "put", key: "a", value: "2" }] }),
    );
    expect(dup.message).toBe("etcdserver: duplicate key given in txn request");
    const inDelete = thrown(() =>
      s.txn({ success: [{ type: "delete", key: "a", prefix: true }, { type: "put", key: "ab", value: "2" }] }),
    );
    expect(inDelete.message).toBe("etcdserver: duplicate key given in txn request");
    const many = Array.from({ length: 129 }, (_, i) => ({ type: "put" as const, key: `k${i}`, value: "v" }));
    expect(thrown(() => s.txn({ success: many })).message).toBe("etcdserver: too many operations in txn request");
    expect(s.revision).toBe(1);
  });

  it("fails a whole txn whose put names an unknown lease, changing nothing", () => {
    const s = singleNode();
    const e = thrown(() =>
      s.txn({ success: [{ type: "put", key: "a", value: "1" }, { type: "put", key: "b", value: "2", lease: "694d7f1ad4d3c40a" }] }),
    );
    expect(e.message).toBe("etcdserver: requested lease not found");
    expect(s.get("a")).toBeUndefined();
    expect(s.revision).toBe(1);
  });
});

describe("compaction", () => {
  function history() {
    const s = singleNode();
    s.put("a", "a1"); // 2
    s.put("a", "a2"); // 3
    s.put("b", "b1"); // 4
    s.deleteRange("b"); // 5
    s.put("a", "a3"); // 6
    s.put("c", "c1"); // 7
    return s;
  }

  it("keeps the state at the compact revision and everything after", () => {
    const s = history();
    s.compact(5);
    expect(s.compactRevision).toBe(5);
    expect(s.range("a", { revision: 5 }).kvs[0]!.value).toBe("a2");
    expect(s.range("a", { revision: 6 }).kvs[0]!.value).toBe("a3");
    expect(s.range("b", { revision: 5 }).kvs).toEqual([]);
    expect(s.range("", { prefix: true }).kvs.map((kv) => kv.key)).toEqual(["a", "c"]);
    const e = thrown(() => s.range("a", { revision: 4 }));
    expect(e.message).toBe(COMPACTED);
    expect(e.code).toBe("OutOfRange");
    // The deleted key's old life is gone: the compacted store no longer keeps it.
    expect(s.toState().keys.map(([k]) => k)).toEqual(["a", "c"]);
  });

  it("refuses compacting at or below the compacted revision and beyond the current one", () => {
    const s = history();
    s.compact(4);
    expect(thrown(() => s.compact(4)).message).toBe(COMPACTED);
    expect(thrown(() => s.compact(3)).message).toBe(COMPACTED);
    const future = thrown(() => s.compact(99));
    expect(future.message).toBe(FUTURE);
    expect(future.code).toBe("OutOfRange");
    s.compact(7);
    expect(s.compactRevision).toBe(7);
  });

  it("makes watches from before the compaction fail", () => {
    const s = history();
    s.compact(5);
    const e = thrown(() => s.changesSince(3, "a"));
    expect(e.message).toBe(COMPACTED);
    expect((e as EtcdError).compactRevision).toBe(5);
    expect(s.changesSince(5, "a").map((ev) => ev.kv.modRevision)).toEqual([6]);
  });
});

describe("watch history", () => {
  it("replays puts and deletes with prevKv in revision order", () => {
    const s = singleNode();
    s.put("/registry/pods/default/a", "v1"); // 2
    s.put("/registry/other", "x"); // 3
    s.put("/registry/pods/default/a", "v2"); // 4
    s.deleteRange("/registry/pods/default/a"); // 5
    s.put("/registry/pods/default/b", "b1"); // 6
    const evs = s.changesSince(2, "/registry/pods/", { prefix: true });
    expect(evs.map((e) => [e.type, e.kv.key, e.kv.modRevision])).toEqual([
      ["PUT", "/registry/pods/default/a", 2],
      ["PUT", "/registry/pods/default/a", 4],
      ["DELETE", "/registry/pods/default/a", 5],
      ["PUT", "/registry/pods/default/b", 6],
    ]);
    expect(evs[0]!.prevKv).toBeUndefined();
    expect(evs[1]!.prevKv).toMatchObject({ value: "v1", modRevision: 2 });
    expect(evs[2]!.kv).toEqual({ key: "/registry/pods/default/a", createRevision: 0, modRevision: 5, version: 0, value: "", lease: "0" });
    expect(evs[2]!.prevKv).toMatchObject({ value: "v2", version: 2 });
    expect(s.changesSince(5, "/registry/pods/default/a").map((e) => e.type)).toEqual(["DELETE"]);
    expect(s.changesSince(7, "/registry/", { prefix: true })).toEqual([]);
    expect(s.changesSince(0, "/registry/", { prefix: true })).toEqual([]);
  });

  it("orders the events of one txn by their position in it", () => {
    const s = singleNode();
    s.txn({ success: [{ type: "put", key: "z", value: "1" }, { type: "put", key: "a", value: "2" }] });
    expect(s.changesSince(1, "", { prefix: true }).map((e) => e.kv.key)).toEqual(["z", "a"]);
  });

  it("calls subscribed listeners after every committed revision", () => {
    const s = singleNode();
    const seen: [number, WatchEvent[]][] = [];
    const off = s.subscribe((events, revision) => seen.push([revision, [...events]]));
    s.put("a", "1");
    s.deleteRange("nothing");
    s.txn({ success: [{ type: "put", key: "b", value: "2" }, { type: "delete", key: "a" }] });
    s.range("a");
    expect(seen.map(([rev, evs]) => [rev, evs.map((e) => `${e.type} ${e.kv.key}`)])).toEqual([
      [2, ["PUT a"]],
      [3, ["PUT b", "DELETE a"]],
    ]);
    expect(seen[1]![1][1]!.prevKv).toMatchObject({ key: "a", value: "1" });
    off();
    s.put("c", "3");
    expect(seen).toHaveLength(2);
  });
});
