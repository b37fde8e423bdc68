// Limits and robustness: nothing a learner types may throw or wedge the shell.
import { describe, expect, it } from "vitest";
import { Random } from "../random";
import { LIMITS } from "./interp";
import { Shell } from "./shell";
import { fakeKubectl, makeDeps, twoHosts } from "./test-support";

function session(start = { host: "controlplane", user: "root" }) {
  const hosts = twoHosts();
  const deps = makeDeps(hosts, { start, commands: { kubectl: fakeKubectl } });
  const shell = new Shell(undefined, deps);
  return { hosts, deps, shell, run: (t: string) => shell.exec(t), out: (t: string) => shell.exec(t).output };
}

describe("limits", () => {
  it("refuses a command line over 64 kB and changes nothing", () => {
    const s = session();
    s.run("echo first");
    const before = JSON.stringify(s.shell.toState());
    const fsBefore = JSON.stringify(s.hosts.controlplane!.fs);
    const r = s.run(`echo ${"x".repeat(LIMITS.line)} > /tmp/big`);
    expect(r).toMatchObject({ output: "bash: input line too long (over 64 KB): nothing was run\n", exitCode: 1, prompt: "root@controlplane:~# " });
    expect(JSON.stringify(s.shell.toState())).toBe(before);
    expect(JSON.stringify(s.hosts.controlplane!.fs)).toBe(fsBefore);
  });

  it("accepts a here-document up to 1 MB typed over many lines, and refuses a bigger one", () => {
    const s = session();
    const line = "y".repeat(1000);
    expect(s.run("cat > /tmp/ok <<EOF").waitingFor).toBe("more");
    for (let i = 0; i < 100; i++) s.run(line);
    expect(s.run("EOF").output).toBe("");
    expect((s.hosts.controlplane!.fs["/tmp/ok"] as { content: string }).content.length).toBe(100 * 1001);

    s.run("cat > /tmp/huge <<EOF");
    let r = s.run(line);
    for (let i = 0; i < 1100 && r.waitingFor === "more"; i++) r = s.run(line);
    expect(r).toMatchObject({ output: "bash: here-document too large (over 1 MB): nothing was run\n", exitCode: 1 });
    expect(r.waitingFor).toBeUndefined();
    expect(s.hosts.controlplane!.fs["/tmp/huge"]).toBeUndefined();
    expect(s.out("echo ok")).toBe("ok\n");
  });

  it("refuses a pasted here-document over 1 MB in one go", () => {
    const s = session();
    const body = Array.from({ length: 1100 }, () => "z".repeat(1000)).join("\n");
    expect(s.run(`cat > /tmp/huge <<EOF\n${body}\nEOF`)).toMatchObject({ output: "bash: here-document too large (over 1 MB): nothing was run\n", exitCode: 1 });
    expect(s.hosts.controlplane!.fs["/tmp/huge"]).toBeUndefined();
  });

  it("truncates output over 1 MB with a clear note", () => {
    const s = session();
    const r = s.run("seq 1 300000");
    expect(r.output.length).toBeLessThan(LIMITS.output + 100);
    expect(r.output.endsWith("\n[output truncated: more than 1 MB]\n")).toBe(true);
    expect(r.output.startsWith("1\n2\n3\n")).toBe(true);
    expect(s.out("seq 3 | wc -l")).toBe("3\n");
  });

  it("stops endless loops instead of hanging", () => {
    const s = session();
    const r = s.run("while true; do :; done; echo not-reached");
    expect(r.output).toBe(`bash: stopped after ${LIMITS.steps} commands (a real shell would keep going until you press Ctrl-C)\n`);
    expect(r.exitCode).toBe(130);
    expect(s.out("for i in $(seq 5); do echo -n $i; done; echo")).toBe("12345\n");
  });

  it("stops runaway recursion", () => {
    const s = session();
    expect(s.run("f() { f; }; f").output).toBe(`bash: f: maximum function nesting level exceeded (${LIMITS.depth})\n`);
    expect(s.run(":(){ :|:& };:").output).toContain("maximum nesting level exceeded");
    s.run("echo 'bash /root/r.sh' > /root/r.sh");
    expect(s.run("bash /root/r.sh").output).toContain("maximum nesting level exceeded");
    expect(s.out("echo alive")).toBe("alive\n");
  });

  it("refuses files over the disk limit", () => {
    const s = session();
    s.run("seq 1 200000 > /tmp/a");
    const r = s.run("for i in 1 2 3 4 5 6; do cat /tmp/a /tmp/a > /tmp/b; cat /tmp/b > /tmp/a; done; wc -c < /tmp/a");
    expect(Number(r.output.trim())).toBeLessThanOrEqual(4 * 1024 * 1024);
  });
});

// A deterministic stream of hostile input.
const FRAGMENTS = [
  "echo", "ls", "cat", "cd", "sudo", "su -", "ssh stapp01", "grep", "sed", "awk", "kubectl", "vi", "exit", "history", "read x",
  "'", '"', "`", "$(", "${", "}", ")", "(", "((", "))", "[[", "]]", "|", "||", "&&", "&", ";", ";;", ">", ">>", "<", "<<", "<<-", "<<<",
  "2>&1", "&>", ">&-", "\\", "\n", " ", "\t", "#", "!", "*", "?", "[", "~", "=", "$?", "$$", "$#", "$@", "$RANDOM", "${x:-", "${#", "$((1/0))",
  "EOF", "if", "then", "fi", "for", "in", "do", "done", "while", "case", "esac", "function", "{", "x=", "export", "unset", "alias a=",
  "/etc/passwd", "/root", "/tmp/f", "~root", "..", "-rf", "-la", "--help", "%s", "%d", "\\n", "{1..5}", "{a,b}", "\u00e9", "\u202e", "\uffff",
  "\x00", "\x1b[2J", "\r", "\ud800", "printf", "seq 1 500", "yes", "base64 -d", "xargs", "find /", "tee", "watch", "sleep 1", "date -d",
  "chmod 777", "chown nobody", "rm -rf /tmp", "mkdir -p a/b", "touch", "ln -s", "test", "[", "]", "eval", "source", "exec", "set -o pipefail",
];

function hostile(r: Random): string {
  // The expensive cases (huge expansions, endless loops) come up rarely to keep the test quick.
  const kind = r.int(100);
  switch (kind < 2 ? 4 : kind % 5 === 4 ? 5 : kind % 5) {
    case 0: {
      // random bytes and code units
      let s = "";
      const n = r.int(80);
      for (let i = 0; i < n; i++) s += String.fromCharCode(r.int(4) === 0 ? r.int(0x10000) : r.int(256));
      return s;
    }
    case 1: {
      const n = 1 + r.int(12);
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(r.pick(FRAGMENTS));
      return parts.join(r.int(3) === 0 ? "" : " ");
    }
    case 2: {
      // deep nesting of one construct
      const open = r.pick(["$(", "(", "{ ", "`", '"', "$((", "${x:-", "[[ ", "if true; then "]);
      const close = { "$(": ")", "(": ")", "{ ": "; }", "`": "`", '"': '"', "$((": "))", "${x:-": "}", "[[ ": " ]]", "if true; then ": "; fi" }[open]!;
      const depth = 1 + r.int(300);
      return open.repeat(depth) + "echo x" + (r.int(2) ? close.repeat(depth) : "");
    }
    case 3: {
      // huge repeats within the line limit
      const unit = r.pick(["a", "'", "|", "; ", "$x", "{a,b}", "*", "\\", "echo ", "(", "<<EOF\n"]);
      return unit.repeat(1 + r.int(Math.floor(20000 / unit.length)));
    }
    case 4:
      return r.pick(["echo {1..200000}", "echo {a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}", "printf '%999999d' 1", "seq 1 100000 | sort -rn | head -1", "x=$(seq 1 50000); echo ${#x}", "cat /dev/null; ls -laR / | wc -l", "while :; do echo y; done | head -2", "grep -r root / 2>/dev/null | wc -l"]);
    default: {
      const n = 1 + r.int(6);
      const lines: string[] = [];
      for (let i = 0; i < n; i++) lines.push(Array.from({ length: 1 + r.int(5) }, () => r.pick(FRAGMENTS)).join(" "));
      return lines.join("\n");
    }
  }
}

describe("hostile input", () => {
  it("never throws, always answers sensibly, and keeps working", () => {
    const r = new Random(20250114);
    let s = session();
    for (let i = 0; i < 2000; i++) {
      if (s.shell.ended) s = session();
      const input = hostile(r);
      let res;
      try {
        res = s.shell.exec(input);
      } catch (e) {
        throw new Error(`exec threw on input #${i} ${JSON.stringify(input.slice(0, 200))}: ${String(e)}`);
      }
      expect(typeof res.output).toBe("string");
      expect(Number.isInteger(res.exitCode) && res.exitCode >= 0 && res.exitCode <= 255).toBe(true);
      expect(typeof res.prompt).toBe("string");
      if (res.waitingFor === "password") s.shell.exec(r.pick(["wrong", "Ir0nM@n", "rootpw", ""]));
      else if (res.waitingFor === "editor") {
        if (r.int(2)) s.shell.closeEditor();
        else s.shell.saveEditor("edited\n");
      }
      else if (res.waitingFor === "more" && r.int(3) === 0) s.shell.interrupt();
      if (i % 250 === 0) {
        const state = s.shell.toState();
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }
    }
    s.shell.interrupt();
    s.shell.exec("cd /");
    if (!s.shell.ended) expect(s.shell.exec("echo still-working").output).toBe("still-working\n");
  }, 120_000);

  it("survives being root with rm -rf on everything", () => {
    const s = session();
    s.run("rm -rf --no-preserve-root /");
    expect(s.out("ls -A /")).toBe("");
    expect(s.run("echo $?; pwd; cd /; mkdir /x; echo done").exitCode).toBeGreaterThanOrEqual(0);
  });
});
