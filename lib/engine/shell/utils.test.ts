// Utilities against GNU coreutils/grep/sed output (checked with the real tools).
import { describe, expect, it } from "vitest";
import { Shell } from "./shell";
import { fakeKubectl, makeDeps, twoHosts } from "./test-support";

function session(start = { host: "controlplane", user: "root" }) {
  const hosts = twoHosts();
  const deps = makeDeps(hosts, { start, commands: { kubectl: fakeKubectl } });
  const shell = new Shell(undefined, deps);
  shell.exec("mkdir -p /tmp/w && cd /tmp/w");
  return {
    hosts,
    shell,
    run: (t: string) => shell.exec(t),
    out: (t: string) => shell.exec(t).output,
    file: (path: string) => {
      const n = hosts[start.host]!.fs[path];
      return n && n.type === "file" ? n.content : undefined;
    },
  };
}

describe("ls", () => {
  it("prints columns on a terminal like GNU ls (tabs at 8, width 80)", () => {
    const s = session();
    s.run("mkdir r; cd r; mkdir bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var");
    expect(s.out("ls")).toBe("bin   dev  home  lib64\tmnt  proc  run\t srv  tmp  var\nboot  etc  lib\t media\topt  root  sbin  sys  usr\n");
    expect(s.out("ls | head -3")).toBe("bin\nboot\ndev\n");
    expect(s.out("ls -1 | wc -l")).toBe("19\n");
  });

  it("prints long listings with totals, aligned columns and link targets", () => {
    const s = session();
    s.run("echo hello > f1; printf '%5000s' x > big; ln -s f1 link; mkdir d1; mkdir d1/sub; chmod 755 f1");
    expect(s.out("ls -l")).toBe(
      [
        "total 16",
        "-rw-r--r-- 1 root root 5000 Jan 14 10:00 big",
        "drwxr-xr-x 3 root root 4096 Jan 14 10:00 d1",
        "-rwxr-xr-x 1 root root    6 Jan 14 10:00 f1",
        "lrwxrwxrwx 1 root root    2 Jan 14 10:00 link -> f1",
        "",
      ].join("\n"),
    );
    expect(s.out("ls -la d1")).toBe("total 12\ndrwxr-xr-x 3 root root 4096 Jan 14 10:00 .\ndrwxr-xr-x 3 root root 4096 Jan 14 10:00 ..\ndrwxr-xr-x 2 root root 4096 Jan 14 10:00 sub\n");
    expect(s.out("ls -lh big f1")).toBe("-rw-r--r-- 1 root root 4.9K Jan 14 10:00 big\n-rwxr-xr-x 1 root root    6 Jan 14 10:00 f1\n");
    expect(s.out("ls -ld /tmp /root /usr/bin/sudo")).toBe("drwx------ 2 root root 4096 Jan 14 10:00 /root\ndrwxrwxrwt 3 root root 4096 Jan 14 10:00 /tmp\n-rwsr-xr-x 1 root root    0 Jan 14 10:00 /usr/bin/sudo\n");
    expect(s.out("ls -l /bin")).toBe("lrwxrwxrwx 1 root root 7 Jan 14 10:00 /bin -> usr/bin\n");
    expect(s.out("ls -F")).toBe("big  d1/  f1*  link@\n");
  });

  it("shows the SELinux dot on CentOS", () => {
    const s = session({ host: "stapp01", user: "tony" });
    s.run("cd; touch a");
    expect(s.out("ls -l a")).toBe("-rw-rw-r--. 1 tony tony 0 Jan 14 10:00 a\n");
  });

  it("lists files first, then directories with headers, and recurses with -R", () => {
    const s = session();
    s.run("mkdir -p d/e; touch f d/x d/e/y");
    expect(s.out("ls f d nope | cat")).toBe("ls: cannot access 'nope': No such file or directory\nf\n\nd:\ne\nx\n");
    expect(s.run("ls f nope 2>/dev/null").exitCode).toBe(2);
    expect(s.out("ls -R d | cat")).toBe("d:\ne\nx\n\nd/e:\ny\n");
    expect(s.out("ls -a d | cat")).toBe(".\n..\ne\nx\n");
    expect(s.out("ls -d d")).toBe("d\n");
  });

  it("reports unreadable directories", () => {
    const s = session({ host: "stapp01", user: "tony" });
    expect(s.run("ls /root")).toMatchObject({ output: "ls: cannot open directory '/root': Permission denied\n", exitCode: 2 });
    expect(s.out("ls -y")).toBe("ls: invalid option -- 'y'\nTry 'ls --help' for more information.\n");
  });

  it("sorts in the host's locale", () => {
    const u = session();
    u.run("touch B a C .h");
    expect(u.out("ls -A | cat")).toBe(".h\nB\nC\na\n");
    const c = session({ host: "stapp01", user: "tony" });
    c.run("cd; mkdir w; cd w; touch B a C .h");
    expect(c.out("ls -A | cat")).toBe("a\nB\nC\n.h\n");
  });
});

describe("file utilities", () => {
  it("cat with numbering and visible characters", () => {
    const s = session();
    s.run("printf 'one\\ttab\\ntwo\\n' > t");
    expect(s.out("cat -n t")).toBe("     1\tone\ttab\n     2\ttwo\n");
    expect(s.out("cat -A t")).toBe("one^Itab$\ntwo$\n");
    expect(s.run("cat nope t")).toMatchObject({ output: "cat: nope: No such file or directory\none\ttab\ntwo\n", exitCode: 1 });
    expect(s.out("cat /tmp")).toBe("cat: /tmp: Is a directory\n");
  });

  it("mkdir, rmdir and touch", () => {
    const s = session();
    expect(s.out("mkdir a; mkdir a")).toBe("mkdir: cannot create directory ‘a’: File exists\n");
    expect(s.out("mkdir x/y")).toBe("mkdir: cannot create directory ‘x/y’: No such file or directory\n");
    expect(s.out("mkdir -p x/y/z && ls -d x/y/z")).toBe("x/y/z\n");
    expect(s.out("mkdir")).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    expect(s.out("rmdir x")).toBe("rmdir: failed to remove 'x': Directory not empty\n");
    expect(s.out("rmdir nope")).toBe("rmdir: failed to remove 'nope': No such file or directory\n");
    expect(s.out("touch /nope/x")).toBe("touch: cannot touch '/nope/x': No such file or directory\n");
    expect(s.out("mkdir -m 700 priv; stat -c '%a %n' priv")).toBe("700 priv\n");
    const t = session({ host: "stapp01", user: "tony" });
    expect(t.out("mkdir /etc/x")).toBe("mkdir: cannot create directory ‘/etc/x’: Permission denied\n");
    expect(t.out("touch /etc/x")).toBe("touch: cannot touch '/etc/x': Permission denied\n");
  });

  it("rm", () => {
    const s = session();
    s.run("mkdir -p d/e; touch d/e/f f");
    expect(s.run("rm d")).toMatchObject({ output: "rm: cannot remove 'd': Is a directory\n", exitCode: 1 });
    expect(s.out("rm nope")).toBe("rm: cannot remove 'nope': No such file or directory\n");
    expect(s.run("rm -f nope")).toMatchObject({ output: "", exitCode: 0 });
    expect(s.out("rm")).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
    expect(s.out("rm -rf d f; ls")).toBe("");
    expect(s.out("rm -rf /")).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
    expect(s.out("rm -r .")).toBe("rm: refusing to remove '.' or '..' directory: skipping '.'\n");
    const t = session({ host: "stapp01", user: "tony" });
    expect(t.out("rm /etc/hosts")).toBe("rm: cannot remove '/etc/hosts': Permission denied\n");
    expect(t.out("rm -rf /etc/ssh")).toBe("rm: cannot remove '/etc/ssh/sshd_config': Permission denied\n");
  });

  it("cp and mv", () => {
    const s = session();
    s.run("echo data > a; mkdir d");
    expect(s.out("cp a b && cat b")).toBe("data\n");
    expect(s.out("cp a d && ls d")).toBe("a\n");
    expect(s.out("cp nope x")).toBe("cp: cannot stat 'nope': No such file or directory\n");
    expect(s.out("cp d e")).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect(s.out("cp -r d e && ls e")).toBe("a\n");
    expect(s.out("cp a")).toBe("cp: missing destination file operand after 'a'\nTry 'cp --help' for more information.\n");
    expect(s.out("cp a a")).toBe("cp: 'a' and 'a' are the same file\n");
    expect(s.out("cp -r d d/sub")).toBe("cp: cannot copy a directory, 'd', into itself, 'd/sub'\n");
    expect(s.out("cp a b nofile")).toBe("cp: target 'nofile' is not a directory\n");
    expect(s.out("mv b c && ls")).toBe("a  c  d  e\n");
    expect(s.out("mv nope x")).toBe("mv: cannot stat 'nope': No such file or directory\n");
    expect(s.out("mkdir d/e; mv d d/e")).toBe("mv: cannot move 'd' to a subdirectory of itself, 'd/e/d'\n");
    const t = session({ host: "stapp01", user: "tony" });
    expect(t.out("cp /etc/hosts /etc/x")).toBe("cp: cannot create regular file '/etc/x': Permission denied\n");
    expect(t.out("cp /etc/shadow /tmp/")).toBe("cp: cannot open '/etc/shadow' for reading: Permission denied\n");
    expect(t.out("mv /etc/hosts /tmp/")).toBe("mv: cannot move '/etc/hosts' to '/tmp/hosts': Permission denied\n");
  });

  it("ln, readlink and realpath", () => {
    const s = session();
    s.run("echo x > t; ln -s t l");
    expect(s.out("cat l; readlink l; readlink -f l; realpath l")).toBe("x\nt\n/tmp/w/t\n/tmp/w/t\n");
    expect(s.out("ln -s t l")).toBe("ln: failed to create symbolic link 'l': File exists\n");
    expect(s.out("ln -sf /etc/hosts l; readlink l")).toBe("/etc/hosts\n");
    expect(s.out("ln -s nowhere dangling; cat dangling")).toBe("cat: dangling: No such file or directory\n");
  });

  it("chmod, chown and chgrp", () => {
    const s = session();
    s.run("touch t; mkdir d");
    expect(s.out("chmod 600 t; stat -c '%a %A' t")).toBe("600 -rw-------\n");
    expect(s.out("chmod u+x,g+r t; stat -c %a t")).toBe("740\n");
    expect(s.out("chmod -x t; stat -c %a t")).toBe("640\n");
    expect(s.out("chmod a=rwx,o-w t; stat -c %a t")).toBe("775\n");
    expect(s.out("chmod 4755 t; ls -l t")).toBe("-rwsr-xr-x 1 root root 0 Jan 14 10:00 t\n");
    expect(s.out("chmod +t d; stat -c %A d")).toBe("drwxr-xr-t\n");
    expect(s.out("chmod xyz t")).toBe("chmod: invalid mode: ‘xyz’\nTry 'chmod --help' for more information.\n");
    expect(s.out("chmod 644")).toBe("chmod: missing operand after ‘644’\nTry 'chmod --help' for more information.\n");
    expect(s.out("chmod 644 nope")).toBe("chmod: cannot access 'nope': No such file or directory\n");
    expect(s.out("chown bob:bob t; stat -c '%U %G' t")).toBe("bob bob\n");
    expect(s.out("chown nope t")).toBe("chown: invalid user: ‘nope’\n");
    expect(s.out("chown root:nope t")).toBe("chown: invalid group: ‘root:nope’\n");
    expect(s.out("chgrp nope t")).toBe("chgrp: invalid group: ‘nope’\n");
    expect(s.out("chown -R bob d; stat -c %U d")).toBe("bob\n");
    const t = session({ host: "stapp01", user: "tony" });
    expect(t.out("chmod 777 /etc/hosts")).toBe("chmod: changing permissions of '/etc/hosts': Operation not permitted\n");
    expect(t.out("chown tony /etc/hosts")).toBe("chown: changing ownership of '/etc/hosts': Operation not permitted\n");
  });

  it("find, basename, dirname, stat", () => {
    const s = session();
    s.run("mkdir -p d/e; touch d/e/f.txt d/g.log");
    expect(s.out("find d")).toBe("d\nd/e\nd/e/f.txt\nd/g.log\n");
    expect(s.out("find d -type f -name '*.txt'")).toBe("d/e/f.txt\n");
    expect(s.out("find . -maxdepth 1 -type d")).toBe(".\n./d\n");
    expect(s.out("find nope")).toBe("find: ‘nope’: No such file or directory\n");
    expect(s.out("find d -name '*.log' -delete; find d -type f")).toBe("d/e/f.txt\n");
    expect(s.out("find d -type f -exec echo found {} \\;")).toBe("found d/e/f.txt\n");
    expect(s.out("basename /a/b/c.txt .txt; dirname /a/b/c.txt; dirname c; basename /")).toBe("c\n/a/b\n.\n/\n");
    expect(s.out("stat -c '%a %U %G %F %s %n' /etc/hostname /tmp")).toBe("644 root root regular file 13 /etc/hostname\n1777 root root directory 4096 /tmp\n");
  });
});

describe("text utilities", () => {
  it("grep", () => {
    const s = session();
    s.run("printf 'one\\ntwo\\nthree\\n' > t; printf 'x two\\n' > u");
    expect(s.out("grep -n t t")).toBe("2:two\n3:three\n");
    expect(s.out("grep -c o t u")).toBe("t:2\nu:1\n");
    expect(s.out("grep -v o t")).toBe("three\n");
    expect(s.out("grep -i TWO t")).toBe("two\n");
    expect(s.out("grep -E 'one|two' t")).toBe("one\ntwo\n");
    expect(s.out("grep 'o\\|e' t")).toBe("one\ntwo\nthree\n");
    expect(s.run("grep -w tw t")).toMatchObject({ output: "", exitCode: 1 });
    expect(s.out("grep -x two t")).toBe("two\n");
    expect(s.out("grep -o 'th.*' t")).toBe("three\n");
    expect(s.out("grep -l two t u")).toBe("t\nu\n");
    expect(s.out("grep -A1 one t; grep -B1 three t")).toBe("one\ntwo\ntwo\nthree\n");
    expect(s.out("grep -r two .")).toBe("./t:two\n./u:x two\n");
    expect(s.out("grep -r two")).toBe("t:two\nu:x two\n");
    expect(s.run("grep x nope")).toMatchObject({ output: "grep: nope: No such file or directory\n", exitCode: 2 });
    expect(s.out("grep two /tmp/w")).toBe("grep: /tmp/w: Is a directory\n");
    expect(s.out("echo x | grep -H x")).toBe("(standard input):x\n");
    expect(s.run("grep -q two t")).toMatchObject({ output: "", exitCode: 0 });
    expect(s.out("grep")).toBe("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    expect(s.run("grep '[' t")).toMatchObject({ output: "grep: Unmatched [, [^, [:, [., or [=\n", exitCode: 2 });
    expect(s.out("printf 'a1\\nb\\n' | grep '[[:digit:]]'")).toBe("a1\n");
  });

  it("head, tail and wc", () => {
    const s = session();
    s.run("printf 'one\\ntwo\\nthree\\nfour\\n' > t; printf 'a b\\nc\\n' > w1; printf 'hello world foo\\n' > w2");
    expect(s.out("head -2 t; head -n -3 t; tail -1 t; tail -n +3 t")).toBe("one\ntwo\none\nfour\nthree\nfour\n");
    expect(s.out("head -n1 w1 w2")).toBe("==> w1 <==\na b\n\n==> w2 <==\nhello world foo\n");
    expect(s.out("head -c 5 w2")).toBe("hello");
    expect(s.out("head nope")).toBe("head: cannot open 'nope' for reading: No such file or directory\n");
    expect(s.out("head -n x t")).toBe("head: invalid number of lines: ‘x’\n");
    expect(s.out("tail -f w1")).toBe("a b\nc\n");
    expect(s.out("wc w1; wc -l w1; wc w1 w2; wc -l w1 w2")).toBe("2 3 6 w1\n2 w1\n 2  3  6 w1\n 1  3 16 w2\n 3  6 22 total\n 2 w1\n 1 w2\n 3 total\n");
    expect(s.out("printf 'x y\\n' | wc; printf 'x y\\n' | wc -l; wc -l < w1")).toBe("      1       2       4\n1\n2\n");
    expect(s.out("wc nope w1")).toBe("wc: nope: No such file or directory\n2 3 6 w1\n2 3 6 total\n");
  });

  it("sort and uniq", () => {
    const s = session();
    s.run("printf 'b 2\\na 10\\nc 1\\nb 2\\n' > f");
    expect(s.out("sort f")).toBe("a 10\nb 2\nb 2\nc 1\n");
    expect(s.out("sort -u f")).toBe("a 10\nb 2\nc 1\n");
    expect(s.out("sort -k2 -n f")).toBe("c 1\nb 2\nb 2\na 10\n");
    expect(s.out("sort -k2 f")).toBe("c 1\na 10\nb 2\nb 2\n");
    expect(s.out("sort -r f | head -1")).toBe("c 1\n");
    expect(s.out("printf '3\\n10\\n2\\n' | sort -rn")).toBe("10\n3\n2\n");
    expect(s.out("printf 'a:3\\nb:1\\n' | sort -t: -k2 -n")).toBe("b:1\na:3\n");
    expect(s.out("printf '1K\\n2M\\n10\\n' | sort -h")).toBe("10\n1K\n2M\n");
    expect(s.out("sort nope")).toBe("sort: cannot read: nope: No such file or directory\n");
    expect(s.out("printf 'a\\na\\nb\\nc\\nc\\nc\\n' | uniq -c")).toBe("      2 a\n      1 b\n      3 c\n");
    expect(s.out("printf 'x\\ny\\nx\\n' | sort | uniq -d")).toBe("x\n");
    expect(s.out("printf 'x\\nx\\ny\\n' | uniq -u")).toBe("y\n");
  });

  it("cut and tr", () => {
    const s = session();
    s.run("printf 'root:x:0:0\\nbob:x:1000:1000\\n' > p");
    expect(s.out("cut -d: -f1,3 p")).toBe("root:0\nbob:1000\n");
    expect(s.out("cut -c1-3 p")).toBe("roo\nbob\n");
    expect(s.out("echo 'a b c' | cut -d ' ' -f 2-")).toBe("b c\n");
    expect(s.out("printf 'abc\\n' | cut -f1")).toBe("abc\n");
    expect(s.out("cut p")).toBe("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    expect(s.out("cut -d ab -f1 p")).toBe("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    expect(s.out("echo hello | tr a-z A-Z; echo 'a  b' | tr -s ' '; echo hello | tr -d l; echo Hi | tr '[:upper:]' '[:lower:]'")).toBe("HELLO\na b\nheo\nhi\n");
    expect(s.out("tr")).toBe("tr: missing operand\nTry 'tr --help' for more information.\n");
    expect(s.out("tr a")).toBe("tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
  });

  it("sed", () => {
    const s = session();
    s.run("printf 'one\\ntwo\\nthree\\n' > t");
    expect(s.out("echo hello world | sed 's/o/0/g'")).toBe("hell0 w0rld\n");
    expect(s.out("sed -n 2p t; sed 1d t")).toBe("two\ntwo\nthree\n");
    expect(s.out("sed -e 's/one/1/' -e 's/two/2/' t")).toBe("1\n2\nthree\n");
    expect(s.out("sed '/two/s/t/T/' t")).toBe("one\nTwo\nthree\n");
    expect(s.out("sed 's/\\(o\\)/[\\1]/g' t")).toBe("[o]ne\ntw[o]\nthree\n");
    expect(s.out("sed -E 's/(e+)$/<\\1>/' t")).toBe("on<e>\ntwo\nthr<ee>\n");
    expect(s.out("sed 2q t; sed '$!d' t; sed -n '/one/,/two/p' t")).toBe("one\ntwo\nthree\none\ntwo\n");
    expect(s.out("sed '2i\\inserted' t")).toBe("one\ninserted\ntwo\nthree\n");
    expect(s.out("sed '1a after' t | head -2; sed = t | head -2; sed 's/e/E/2' t")).toBe("one\nafter\n1\none\none\ntwo\nthreE\n");
    expect(s.out("echo hello | sed 's/l*/X/g'; echo abc | sed 'y/abc/xyz/'; echo word | sed 's/.*/\\U&/'")).toBe("XhXeXoX\nxyz\nWORD\n");
    s.run("sed -i 's/two/TWO/' t");
    expect(s.file("/tmp/w/t")).toBe("one\nTWO\nthree\n");
    expect(s.run("sed 's/a/b' t")).toMatchObject({ output: "sed: -e expression #1, char 5: unterminated `s' command\n", exitCode: 1 });
    expect(s.out("sed nope t")).toBe("sed: -e expression #1, char 2: extra characters after command\n");
    expect(s.run("sed p nope")).toMatchObject({ output: "sed: can't read nope: No such file or directory\n", exitCode: 2 });
    const t = session({ host: "stapp01", user: "tony" });
    expect(t.out("sed -i 's/a/b/' /etc/hosts")).toMatch(/^sed: couldn't open temporary file \/etc\/sed\w{6}: Permission denied\n$/);
  });

  it("tee, base64, seq, xargs", () => {
    const s = session();
    expect(s.out("echo hi | tee o | cat; cat o; echo more | tee -a o >/dev/null; cat o")).toBe("hi\nhi\nhi\nmore\n");
    expect(s.out("echo 'aGVsbG8K' | base64 -d; printf hello | base64; echo hi | base64")).toBe("hello\naGVsbG8=\naGkK\n");
    expect(s.run("echo '!!' | base64 -d")).toMatchObject({ output: "base64: invalid input\n", exitCode: 1 });
    expect(s.out("printf '%s' \"$(printf 'x%.0s' $(seq 60))\" | base64 | head -1 | wc -c")).toBe("77\n");
    expect(s.out("seq 3; seq 2 4; seq 1 2 7; seq -s, 3; seq -w 8 10")).toBe("1\n2\n3\n2\n3\n4\n1\n3\n5\n7\n1,2,3\n08\n09\n10\n");
    expect(s.out("seq 1 3 | xargs echo; echo 'a b c' | xargs -n 1 echo; printf 'x\\ny\\n' | xargs -I{} echo item-{}")).toBe("1 2 3\na\nb\nc\nitem-x\nitem-y\n");
    expect(s.out("echo pod-a pod-b | xargs kubectl delete pod")).toBe("kubectl delete pod pod-a pod-b user=root cwd=/tmp/w host=controlplane\n");
    s.run("touch x1 x2");
    expect(s.out("ls x* | xargs rm; ls")).toBe("o\n");
  });
});

describe("awk", () => {
  it("prints fields, filters and sums like awk", () => {
    const s = session();
    s.run("printf 'NAME READY STATUS\\nweb-1 1/1 Running\\ndb-0 0/1 Pending\\n' > p");
    expect(s.out("awk '{print $1}' p")).toBe("NAME\nweb-1\ndb-0\n");
    expect(s.out("awk 'NR>1 && $3==\"Running\" {print $1, NF}' p")).toBe("web-1 3\n");
    expect(s.out("kubectl get pods | awk '{print $2}'")).toBe("get\n");
    expect(s.out("awk -F: '$3 == 0 {print $1}' /etc/passwd")).toBe("root\n");
    expect(s.out("awk '/Pend/' p; awk 'END{print NR}' p; awk '{print $NF}' p | tail -1")).toBe("db-0 0/1 Pending\n3\nPending\n");
    expect(s.out("awk '{n[$3]++} END {for (k in n) print k, n[k]}' p | sort")).toBe("Pending 1\nRunning 1\nSTATUS 1\n");
    expect(s.out("echo 'a b c' | awk '{$2=\"X\"; print; print NF}'")).toBe("a X c\n3\n");
    expect(s.out("echo 'hello world' | awk '{gsub(/o/,\"0\"); print toupper($0); print substr($0,2,3), index($0,\"w\"), length()}'")).toBe("HELL0 W0RLD\nell 7 11\n");
    expect(s.out("awk 'BEGIN{x=3; print x*2.5, 1/3, 10%3, 2^10; printf \"%5.2f|%-4s|%d\\n\", 3.14159, \"ab\", 42}'")).toBe("7.5 0.333333 1 1024\n 3.14|ab  |42\n");
    expect(s.out("echo '10 9' | awk '{print ($1 > $2), (\"10\" > \"9\")}'")).toBe("1 0\n");
    expect(s.out("awk -v n=2 'NR==n {print; exit}' p")).toBe("web-1 1/1 Running\n");
    expect(s.out("echo 5 | awk '{if ($1 > 3) print \"big\"; else print \"small\"}'")).toBe("big\n");
    expect(s.out("awk 'BEGIN { for (i = 1; i <= 3; i++) printf \"%d \", i; print \"\" }'")).toBe("1 2 3 \n");
  });

  it("reports syntax errors as mawk (Ubuntu) and gawk (CentOS) do", () => {
    expect(session().run("awk '{print' /etc/hostname")).toMatchObject({ output: "awk: line 1: syntax error at or near end of file\n", exitCode: 2 });
    expect(session({ host: "stapp01", user: "tony" }).out("awk '{print'")).toMatch(/^awk: cmd\. line:1: \{print\nawk: cmd\. line:1: +\^ syntax error\n$/);
  });
});

describe("diff", () => {
  it("prints GNU's normal and unified formats", () => {
    const s = session();
    s.run("printf 'a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\ni\\nj\\n' > x; printf 'a\\nB\\nc\\nd\\ne\\nf\\ng\\nh\\nj\\nk\\n' > y; printf 'one\\ntwo' > z1; printf 'one\\nthree\\n' > z2");
    expect(s.run("diff x y")).toMatchObject({ output: "2c2\n< b\n---\n> B\n9d8\n< i\n10a10\n> k\n", exitCode: 1 });
    expect(s.out("diff -u x y")).toBe("--- x\t2025-01-14 10:00:00.000000000 +0000\n+++ y\t2025-01-14 10:00:00.000000000 +0000\n@@ -1,10 +1,10 @@\n a\n-b\n+B\n c\n d\n e\n f\n g\n h\n-i\n j\n+k\n");
    expect(s.out("diff z1 z2")).toBe("2c2\n< two\n\\ No newline at end of file\n---\n> three\n");
    expect(s.run("diff x x")).toMatchObject({ output: "", exitCode: 0 });
    expect(s.out("diff -q x y")).toBe("Files x and y differ\n");
    expect(s.run("diff x nope")).toMatchObject({ output: "diff: nope: No such file or directory\n", exitCode: 2 });
  });
});
