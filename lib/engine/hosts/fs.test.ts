import { describe, expect, it } from "vitest";
import * as vfs from "./fs";
import type { FsNode, HostState, UserAccount } from "./types";

const {
  ROOT,
  absolutePath,
  actorFor,
  baseFilesystem,
  chmod,
  chown,
  compareNames,
  copy,
  exists,
  fsMessages,
  listDir,
  lookup,
  mkdir,
  move,
  normalizePath,
  osRelease,
  quoteName,
  readFile,
  remove,
  rmdir,
  stat,
  symlink,
  touch,
  unlink,
  writeFile,
} = vfs;

const NOW = Date.UTC(2025, 0, 14, 10, 0, 0);

function user(name: string, uid: number, extra: Partial<UserAccount> = {}): UserAccount {
  return { name, uid, gid: uid, home: uid === 0 ? "/root" : `/home/${name}`, shell: "/bin/bash", groups: [], sudo: "none", ...extra };
}

function host(distro: "ubuntu" | "centos" = "ubuntu", release?: string): HostState {
  const users = { root: user("root", 0), tony: user("tony", 1000, { groups: ["wheel"] }), bob: user("bob", 1001) };
  return {
    name: "stapp01",
    fqdn: "stapp01.stratos.xfusioncorp.com",
    ip: "172.16.238.10",
    distro,
    fs: baseFilesystem({ hostname: "stapp01", fqdn: "stapp01.stratos.xfusioncorp.com", ip: "172.16.238.10", distro, release, users, now: NOW }),
    users,
    units: {},
    nextPid: 100,
  };
}

describe("paths", () => {
  it("normalises and joins like the kernel's lexical view", () => {
    expect(normalizePath("/a//b/./c/../d/")).toBe("/a/b/d");
    expect(normalizePath("/../..")).toBe("/");
    expect(absolutePath("/home/tony", "docs/../x")).toBe("/home/tony/x");
    expect(absolutePath("/etc", "/var/log")).toBe("/var/log");
    expect(absolutePath("/etc", "~/x", "/home/tony")).toBe("/home/tony/x");
    expect(absolutePath("/", "tmp")).toBe("/tmp");
  });

  it("resolves symlinks on the way and at the end", () => {
    const h = host();
    expect(stat(h.fs, "/bin/ls").ok && (stat(h.fs, "/bin/ls") as { value: { path: string } }).value.path).toBe("/usr/bin/ls");
    const l = lookup(h.fs, "/bin", ROOT, false);
    expect(l.ok && l.value.node?.type).toBe("symlink");
    expect(readFile(h.fs, "/etc/os-release").ok).toBe(true);
    // ".." after a symlink is physical: /bin/.. is /usr
    const up = stat(h.fs, "/bin/..");
    expect(up.ok && up.value.path).toBe("/usr");
  });

  it("reports loops, missing parents and files used as directories", () => {
    const h = host();
    symlink(h.fs, "/tmp/b", "/tmp/a", ROOT, NOW);
    symlink(h.fs, "/tmp/a", "/tmp/b", ROOT, NOW);
    expect(stat(h.fs, "/tmp/a")).toEqual({ ok: false, code: "ELOOP" });
    expect(stat(h.fs, "/nope/x")).toEqual({ ok: false, code: "ENOENT" });
    expect(stat(h.fs, "/etc/hosts/x")).toEqual({ ok: false, code: "ENOTDIR" });
    expect(stat(h.fs, "/etc/hosts/")).toEqual({ ok: false, code: "ENOTDIR" });
  });
});

describe("reading and writing", () => {
  it("writes, appends and reads files with the creator's owner and umask", () => {
    const h = host();
    const tony = actorFor(h, "tony");
    expect(writeFile(h.fs, "/home/tony/a.txt", "one\n", tony, NOW).ok).toBe(true);
    expect(vfs.appendFile(h.fs, "/home/tony/a.txt", "two\n", tony, NOW).ok).toBe(true);
    expect(readFile(h.fs, "/home/tony/a.txt", tony)).toEqual({ ok: true, value: "one\ntwo\n" });
    const node = h.fs["/home/tony/a.txt"] as FsNode & { mode: number };
    expect(node).toMatchObject({ owner: "tony", group: "tony", mode: 0o664 });
    writeFile(h.fs, "/root/r.txt", "x", ROOT, NOW);
    expect(h.fs["/root/r.txt"]).toMatchObject({ owner: "root", group: "root", mode: 0o644 });
  });

  it("refuses what Unix permissions refuse, and lets root through", () => {
    const h = host();
    const tony = actorFor(h, "tony");
    expect(writeFile(h.fs, "/etc/x", "", tony, NOW)).toEqual({ ok: false, code: "EACCES" });
    expect(writeFile(h.fs, "/etc/hosts", "", tony, NOW)).toEqual({ ok: false, code: "EACCES" });
    expect(readFile(h.fs, "/etc/shadow", tony)).toEqual({ ok: false, code: "EACCES" });
    expect(readFile(h.fs, "/root/.bashrc", tony)).toEqual({ ok: false, code: "EACCES" });
    expect(listDir(h.fs, "/root", tony)).toEqual({ ok: false, code: "EACCES" });
    expect(readFile(h.fs, "/etc/shadow", ROOT).ok).toBe(true);
    expect(writeFile(h.fs, "/etc/x", "y", ROOT, NOW).ok).toBe(true);
    expect(readFile(h.fs, "/etc", ROOT)).toEqual({ ok: false, code: "EISDIR" });
    expect(readFile(h.fs, "/dev/null", tony)).toEqual({ ok: true, value: "" });
    expect(writeFile(h.fs, "/dev/null", "gone", tony, NOW).ok).toBe(true);
  });

  it("uses group permissions and supplementary groups", () => {
    const h = host();
    mkdir(h.fs, "/srv/shared", ROOT, NOW);
    h.fs["/srv/shared"] = { ...(h.fs["/srv/shared"] as FsNode & { type: "dir" }), mode: 0o770, group: "wheel" };
    expect(writeFile(h.fs, "/srv/shared/t", "", actorFor(h, "tony"), NOW).ok).toBe(true);
    expect(writeFile(h.fs, "/srv/shared/b", "", actorFor(h, "bob"), NOW)).toEqual({ ok: false, code: "EACCES" });
  });

  it("only lets owners delete in sticky /tmp", () => {
    const h = host();
    writeFile(h.fs, "/tmp/t", "", actorFor(h, "tony"), NOW);
    expect(unlink(h.fs, "/tmp/t", actorFor(h, "bob"), NOW)).toEqual({ ok: false, code: "EACCES" });
    expect(unlink(h.fs, "/tmp/t", actorFor(h, "tony"), NOW).ok).toBe(true);
  });

  it("refuses files over the size limit", () => {
    const h = host();
    expect(writeFile(h.fs, "/tmp/big", "x".repeat(vfs.MAX_FILE_BYTES + 1), ROOT, NOW)).toEqual({ ok: false, code: "ENOSPC" });
  });
});

describe("directories", () => {
  it("makes directories, with parents, and reports what mkdir reports", () => {
    const h = host();
    const tony = actorFor(h, "tony");
    expect(mkdir(h.fs, "/home/tony/a/b/c", tony, NOW)).toEqual({ ok: false, code: "ENOENT" });
    expect(mkdir(h.fs, "/home/tony/a/b/c", tony, NOW, { parents: true }).ok).toBe(true);
    expect(h.fs["/home/tony/a/b"]).toMatchObject({ type: "dir", owner: "tony", mode: 0o775 });
    expect(mkdir(h.fs, "/home/tony/a", tony, NOW)).toEqual({ ok: false, code: "EEXIST" });
    expect(mkdir(h.fs, "/home/tony/a", tony, NOW, { parents: true }).ok).toBe(true);
    expect(mkdir(h.fs, "/etc/x", tony, NOW)).toEqual({ ok: false, code: "EACCES" });
    expect(rmdir(h.fs, "/home/tony/a", tony, NOW)).toEqual({ ok: false, code: "ENOTEMPTY" });
  });

  it("lists entries sorted like ls in the host's locale", () => {
    const h = host();
    for (const n of ["b", "B", "a.txt", "ab", ".hidden", "_x", "10", "9"]) touch(h.fs, `/tmp/${n}`, ROOT, NOW);
    expect(listDir(h.fs, "/tmp", ROOT, "C")).toEqual({ ok: true, value: [".hidden", "10", "9", "B", "_x", "a.txt", "ab", "b"] });
    expect(listDir(h.fs, "/tmp", ROOT, "en_US")).toEqual({ ok: true, value: ["10", "9", "ab", "a.txt", "b", "B", ".hidden", "_x"] });
  });

  it("collates like glibc's en_US: letters first, then case, then punctuation", () => {
    const names = ["ab", "ab_", "a_b", "_ab", "a.b", "a-b", "Ab", "aB", "AB"];
    expect([...names].sort((a, b) => compareNames(a, b, "en_US"))).toEqual(["_ab", "a-b", "a.b", "a_b", "ab", "ab_", "aB", "Ab", "AB"]);
  });

  it("removes trees as far as permissions allow", () => {
    const h = host();
    mkdir(h.fs, "/tmp/d/sub", ROOT, NOW, { parents: true });
    writeFile(h.fs, "/tmp/d/sub/f", "", ROOT, NOW);
    expect(remove(h.fs, "/tmp/d", ROOT, NOW)).toEqual({ ok: false, failures: [{ path: "", code: "EISDIR" }] });
    const tony = actorFor(h, "tony");
    const r = remove(h.fs, "/tmp/d", tony, NOW, { recursive: true });
    expect(r.ok).toBe(false);
    expect(r.failures).toEqual([{ path: "/sub/f", code: "EACCES" }]);
    expect(remove(h.fs, "/tmp/d", ROOT, NOW, { recursive: true })).toEqual({ ok: true, failures: [] });
    expect(exists(h.fs, "/tmp/d")).toBe(false);
  });

  it("copies files and trees and refuses copying a directory into itself", () => {
    const h = host();
    mkdir(h.fs, "/tmp/src/in", ROOT, NOW, { parents: true });
    writeFile(h.fs, "/tmp/src/in/f", "data", ROOT, NOW);
    expect(copy(h.fs, "/tmp/src", "/tmp/dst", ROOT, NOW).failures).toEqual([{ path: "", code: "EISDIR" }]);
    expect(copy(h.fs, "/tmp/src", "/tmp/dst", ROOT, NOW, { recursive: true }).ok).toBe(true);
    expect(readFile(h.fs, "/tmp/dst/in/f")).toEqual({ ok: true, value: "data" });
    expect(copy(h.fs, "/tmp/src", "/tmp/src/in/x", ROOT, NOW, { recursive: true }).failures).toEqual([{ path: "", code: "EINVAL" }]);
  });

  it("moves files and trees", () => {
    const h = host();
    mkdir(h.fs, "/tmp/m/n", ROOT, NOW, { parents: true });
    writeFile(h.fs, "/tmp/m/n/f", "1", ROOT, NOW);
    expect(move(h.fs, "/tmp/m", "/tmp/m/n/x", ROOT, NOW)).toEqual({ ok: false, code: "EINVAL" });
    expect(move(h.fs, "/tmp/m", "/opt/m2", ROOT, NOW).ok).toBe(true);
    expect(readFile(h.fs, "/opt/m2/n/f")).toEqual({ ok: true, value: "1" });
    expect(exists(h.fs, "/tmp/m")).toBe(false);
    expect(move(h.fs, "/etc/hosts", "/tmp/hosts", actorFor(h, "tony"), NOW)).toEqual({ ok: false, code: "EACCES" });
  });

  it("lets only owners chmod and only root chown", () => {
    const h = host();
    const tony = actorFor(h, "tony");
    writeFile(h.fs, "/tmp/t", "", tony, NOW);
    expect(chmod(h.fs, "/tmp/t", 0o600, tony).ok).toBe(true);
    expect(chmod(h.fs, "/etc/hosts", 0o777, tony)).toEqual({ ok: false, code: "EPERM" });
    expect(chown(h.fs, "/tmp/t", "bob", undefined, tony)).toEqual({ ok: false, code: "EPERM" });
    expect(chown(h.fs, "/tmp/t", undefined, "wheel", tony).ok).toBe(true);
    expect(chown(h.fs, "/tmp/t", "bob", "bob", ROOT).ok).toBe(true);
    expect(h.fs["/tmp/t"]).toMatchObject({ owner: "bob", group: "bob", mode: 0o600 });
  });
});

describe("messages", () => {
  it("words errors as coreutils and bash do, with GNU's quotes", () => {
    expect(fsMessages.tool("cat", "/nope", "ENOENT")).toBe("cat: /nope: No such file or directory");
    expect(fsMessages.mkdir("/etc/x", "EACCES")).toBe("mkdir: cannot create directory ‘/etc/x’: Permission denied");
    expect(fsMessages.rm("x", "EISDIR")).toBe("rm: cannot remove 'x': Is a directory");
    expect(fsMessages.redirect("/etc/x", "EACCES")).toBe("bash: /etc/x: Permission denied");
    expect(fsMessages.ls("nope", "ENOENT")).toBe("ls: cannot access 'nope': No such file or directory");
    expect(fsMessages.head("head", "x", "ENOENT")).toBe("head: cannot open 'x' for reading: No such file or directory");
    expect(fsMessages.tool("cat", "a b", "ENOENT")).toBe("cat: 'a b': No such file or directory");
  });

  it("quotes file names like GNU's shell-escape style", () => {
    expect(quoteName("plain")).toBe("plain");
    expect(quoteName("a b")).toBe("'a b'");
    expect(quoteName("it's")).toBe(`"it's"`);
    expect(quoteName("#h")).toBe("'#h'");
    expect(quoteName("h#")).toBe("h#");
    expect(quoteName("e=q")).toBe("'e=q'");
    expect(vfs.quoteAlways("x")).toBe("'x'");
  });
});

describe("base file system", () => {
  it("builds an Ubuntu 22.04 host", () => {
    const h = host("ubuntu");
    expect(readFile(h.fs, "/etc/hostname")).toEqual({ ok: true, value: "stapp01\n" });
    expect((readFile(h.fs, "/etc/os-release") as { value: string }).value).toContain('PRETTY_NAME="Ubuntu 22.04.4 LTS"');
    expect((readFile(h.fs, "/etc/hosts") as { value: string }).value).toContain("172.16.238.10\tstapp01.stratos.xfusioncorp.com stapp01\n");
    const passwd = (readFile(h.fs, "/etc/passwd") as { value: string }).value;
    expect(passwd.split("\n")[0]).toBe("root:x:0:0:root:/root:/bin/bash");
    expect(passwd).toContain("tony:x:1000:1000::/home/tony:/bin/bash\n");
    expect((readFile(h.fs, "/etc/group") as { value: string }).value).toContain("wheel:x:");
    expect(h.fs["/tmp"]).toMatchObject({ type: "dir", mode: 0o1777 });
    expect(h.fs["/root"]).toMatchObject({ mode: 0o700 });
    expect(h.fs["/home/tony"]).toMatchObject({ owner: "tony", mode: 0o750 });
    expect(h.fs["/bin"]).toMatchObject({ type: "symlink", target: "usr/bin" });
    expect(h.fs["/var/log"]?.type).toBe("dir");
    expect(h.fs["/usr/bin/ls"]).toMatchObject({ type: "file", mode: 0o755 });
    expect(h.fs["/usr/bin/sudo"]).toMatchObject({ mode: 0o4755 });
    expect(exists(h.fs, "/home/tony/.profile")).toBe(true);
  });

  it("builds CentOS Stream 8 and 9 hosts", () => {
    const h8 = host("centos");
    expect((readFile(h8.fs, "/etc/os-release") as { value: string }).value).toContain('PRETTY_NAME="CentOS Stream 8"');
    expect(readFile(h8.fs, "/etc/redhat-release")).toEqual({ ok: true, value: "CentOS Stream release 8\n" });
    expect(h8.fs["/root"]).toMatchObject({ mode: 0o550 });
    expect(exists(h8.fs, "/home/tony/.bash_profile")).toBe(true);
    expect(osRelease("centos", "9")).toContain('VERSION_ID="9"');
    const h9 = host("centos", "9");
    expect((readFile(h9.fs, "/etc/centos-release") as { value: string }).value).toBe("CentOS Stream release 9\n");
  });

  it("is plain JSON", () => {
    const h = host();
    expect(JSON.parse(JSON.stringify(h))).toEqual(h);
  });
});
