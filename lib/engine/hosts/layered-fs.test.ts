import { describe, expect, it } from "vitest";
import { Sandbox } from "../sandbox";
import { fsBase, layeredFs, ownedNodes, shareFs } from "./layered-fs";
import { childrenOf } from "./fs";
import type { FsNode } from "./types";

const file = (content: string, mtime = 1000, mode = 0o644): FsNode => ({ type: "file", content, mode, owner: "root", group: "root", mtime });
const dir = (mtime = 1000): FsNode => ({ type: "dir", mode: 0o755, owner: "root", group: "root", mtime });

function basePlain(): Record<string, FsNode> {
  return { "/": dir(), "/etc": dir(), "/etc/hosts": file("127.0.0.1 localhost\n"), "/etc/passwd": file("root:x:0:0::/root:/bin/bash\n"), "/tmp": dir() };
}

/** The same operations on a plain record and on a layered one. */
function both(offset: number, ops: (fs: Record<string, FsNode>) => void): [Record<string, FsNode>, Record<string, FsNode>] {
  const plain = Object.fromEntries(Object.entries(basePlain()).map(([k, v]) => [k, { ...v, mtime: v.mtime + offset }]));
  const layered = layeredFs(fsBase(basePlain()), offset);
  ops(plain);
  ops(layered);
  return [plain, layered];
}

function expectSame(plain: Record<string, FsNode>, layered: Record<string, FsNode>) {
  expect(Object.keys(layered)).toEqual(Object.keys(plain));
  expect(JSON.stringify(layered)).toBe(JSON.stringify(plain));
  const keys: string[] = [];
  for (const k in layered) keys.push(k);
  expect(keys).toEqual(Object.keys(plain));
  for (const k of [...Object.keys(plain), "/nope"]) {
    expect(k in layered).toBe(k in plain);
    expect(layered[k]).toEqual(plain[k]);
  }
  // Directory listings come from the layer's own index; they must be what a scan finds.
  for (const d of ["/", "/etc", "/tmp", "/nope"]) expect(childrenOf(layered, d)).toEqual(childrenOf(plain, d));
}

describe("a layered file system", () => {
  it("reads like the base moved to the sandbox's time", () => {
    const [plain, layered] = both(5000, () => undefined);
    expectSame(plain, layered);
    expect(layered["/etc/hosts"]!.mtime).toBe(6000);
  });

  it("behaves like a plain record under writes, in-place changes, deletes and re-creations, key order included", () => {
    const [plain, layered] = both(-200, (fs) => {
      fs["/tmp/new"] = file("fresh", 7);
      fs["/etc/hosts"] = file("10.0.0.1 db\n", 9);
      (fs["/etc/passwd"] as { mode: number }).mode = 0o600;
      fs["/etc/passwd"]!.mtime = 11;
      delete fs["/etc"];
      fs["/etc"] = dir(12);
      delete fs["/tmp/new"];
      delete fs["/nope"];
      fs["/tmp/new"] = file("again", 13);
      Object.defineProperty(fs, "/tmp/defined", { value: file("x", 14), enumerable: true, writable: true, configurable: true });
    });
    // Only what was written or read is held (reading every node below copies the rest in).
    expect(ownedNodes(layered)).toBe(5);
    expectSame(plain, layered);
  });

  it("never changes its base, which other sandboxes read", () => {
    const base = fsBase(basePlain());
    const one = layeredFs(base, 0);
    const other = layeredFs(base, 0);
    (one["/etc/hosts"] as { content: string }).content = "changed\n";
    one["/etc/passwd"]!.mtime = 99;
    delete one["/tmp"];
    expect(other["/etc/hosts"]).toEqual(file("127.0.0.1 localhost\n"));
    expect(other["/etc/passwd"]!.mtime).toBe(1000);
    expect("/tmp" in other).toBe(true);
    expect(() => {
      (base.nodes.get("/etc/hosts") as { content: string }).content = "x";
    }).toThrow(TypeError);
  });

  it("shares a restored file system's unchanged nodes and keeps its exact shape", () => {
    const [plain] = both(3000, (fs) => {
      delete fs["/etc/hosts"];
      fs["/etc/motd"] = file("hello", 3001);
      fs["/etc/hosts"] = file("back", 3002);
      (fs["/etc/passwd"] as { mode: number }).mode = 0o640;
    });
    const shared = shareFs(plain, fsBase(basePlain()), true);
    // The changed nodes are held; the untouched ones are the base's.
    expect(ownedNodes(shared)).toBe(3);
    expectSame(plain, shared);
    (shared["/etc/motd"] as { content: string }).content = "changed";
    expect((plain["/etc/motd"] as { content: string }).content).toBe("hello");
  });
});

describe("machines of sandboxes of one environment", () => {
  it("share files until one sandbox changes them: the other never sees the change", () => {
    const one = Sandbox.create({ seed: 1 });
    const other = Sandbox.create({ seed: 2 });
    const before = JSON.stringify(other.snapshot().hosts);
    expect(ownedNodes(one.hosts.controlplane!.fs)).toBe(0);
    one.exec("echo '10.1.1.1 db' >> /etc/hosts");
    one.exec("chmod 600 /etc/kubernetes/manifests/etcd.yaml");
    one.exec("rm /etc/crictl.yaml");
    one.exec("sed -i 's/--v=2/--v=4/' /etc/kubernetes/manifests/kube-apiserver.yaml");
    one.exec("echo new > /root/notes.txt");
    expect(one.exec("tail -n 1 /etc/hosts").output).toBe("10.1.1.1 db\n");
    expect(JSON.stringify(other.snapshot().hosts)).toBe(before);
    expect(other.exec("grep -c 10.1.1.1 /etc/hosts").output).toBe("0\n");
    expect(other.exec("ls -l /etc/kubernetes/manifests/etcd.yaml").output).toMatch(/^-rw------- /);
    expect(other.exec("ls /etc/crictl.yaml").exitCode).toBe(0);
    expect(other.exec("grep -c -- --v=4 /etc/kubernetes/manifests/kube-apiserver.yaml").output).toBe("0\n");
    expect(other.exec("cat /root/notes.txt").exitCode).not.toBe(0);
  });

  it("restore from a snapshot with the same files, sharing what is unchanged", () => {
    const sb = Sandbox.create({ seed: 3 });
    sb.exec("echo hi > /root/hi.txt && chmod 700 /root/hi.txt && rm /etc/crictl.yaml");
    const snapshot = sb.snapshot();
    const restored = Sandbox.restore(snapshot);
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(snapshot));
    expect(ownedNodes(restored.hosts.controlplane!.fs)).toBeLessThan(10);
    expect(restored.exec("cat /root/hi.txt").output).toBe("hi\n");
  });
});
