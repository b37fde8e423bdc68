import { describe, expect, it } from "vitest";
import { Shell } from "./shell";
import { T0, fakeKubectl, makeDeps, twoHosts } from "./test-support";
import type { ShellState } from "./state";
import type { Command } from "./types";

function session(start = { host: "controlplane", user: "root" }) {
  const hosts = twoHosts();
  const deps = makeDeps(hosts, { start, commands: { kubectl: fakeKubectl } });
  const shell = new Shell(undefined, deps);
  return {
    hosts,
    deps,
    shell,
    run: (t: string) => shell.exec(t),
    out: (t: string) => shell.exec(t).output,
    file: (host: string, path: string) => {
      const n = hosts[host]!.fs[path];
      return n && n.type === "file" ? n.content : undefined;
    },
  };
}

describe("prompts", () => {
  it("shows Ubuntu's and CentOS's default PS1", () => {
    const s = session();
    expect(s.shell.prompt()).toBe("root@controlplane:~# ");
    expect(s.run("cd /etc/kubernetes 2>/dev/null || cd /etc").prompt).toBe("root@controlplane:/etc# ");
    const c = session({ host: "stapp01", user: "tony" });
    expect(c.shell.prompt()).toBe("[tony@stapp01 ~]$ ");
    expect(c.run("cd /var/log").prompt).toBe("[tony@stapp01 log]$ ");
    expect(c.run("cd /").prompt).toBe("[tony@stapp01 /]$ ");
    const u = session({ host: "controlplane", user: "bob" });
    expect(u.run("mkdir -p x/y; cd x/y").prompt).toBe("bob@controlplane:~/x/y$ ");
  });
});

describe("lists, pipelines and exit codes", () => {
  it("runs && and || like bash", () => {
    const s = session();
    expect(s.out("false && echo x")).toBe("");
    expect(s.run("false && echo x").exitCode).toBe(1);
    expect(s.out("false || echo y")).toBe("y\n");
    expect(s.out("true && echo a || echo b")).toBe("a\n");
    expect(s.out("false; echo $?; true; echo $?")).toBe("1\n0\n");
    expect(s.out("echo a && false || echo b")).toBe("a\nb\n");
  });

  it("passes stdout (only) down pipes; the status is the last command's", () => {
    const s = session();
    expect(s.out("echo hello | tr a-z A-Z | cat")).toBe("HELLO\n");
    expect(s.out("ls /nope | wc -l")).toBe("ls: cannot access '/nope': No such file or directory\n0\n");
    expect(s.out("ls /nope 2>&1 | wc -l")).toBe("1\n");
    expect(s.out("ls /nope |& wc -l")).toBe("1\n");
    expect(s.run("true | false").exitCode).toBe(1);
    expect(s.out("false | true; echo $?")).toBe("0\n");
    expect(s.out("set -o pipefail; false | true; echo $?")).toBe("1\n");
    expect(s.out("! false; echo $?")).toBe("0\n");
  });

  it("runs pipeline stages as subshells", () => {
    const s = session();
    expect(s.out("cd /tmp | true; pwd")).toBe("/root\n");
    expect(s.out("x=1; echo | x=2; echo $x")).toBe("1\n");
  });

  it("runs several pasted lines in order", () => {
    const s = session();
    expect(s.out("echo one\necho two\n\necho three")).toBe("one\ntwo\nthree\n");
  });

  it("reports unknown commands and what cannot be executed", () => {
    const s = session();
    expect(s.run("foo")).toMatchObject({ output: "bash: foo: command not found\n", exitCode: 127 });
    expect(s.run("/etc")).toMatchObject({ output: "bash: /etc: Is a directory\n", exitCode: 126 });
    expect(s.run("./nope")).toMatchObject({ output: "bash: ./nope: No such file or directory\n", exitCode: 127 });
    expect(s.run("/etc/hosts")).toMatchObject({ output: "bash: /etc/hosts: Permission denied\n", exitCode: 126 });
  });

  it("prints syntax errors with status 2 and keeps them in history", () => {
    const s = session();
    expect(s.run("ls | | wc")).toMatchObject({ output: "bash: syntax error near unexpected token `|'\n", exitCode: 2 });
    expect(s.out("history")).toBe("    1  ls | | wc\n    2  history\n");
  });

  it("abandons the rest of the line after an expansion error", () => {
    const s = session();
    expect(s.run("echo ${}; echo next")).toMatchObject({ output: "bash: ${}: bad substitution\n", exitCode: 1 });
    expect(s.out("echo $((5/0)); echo after")).toBe('bash: 5/0: division by 0 (error token is "0")\n');
    expect(s.out("echo ${x:?need x}; echo after")).toBe("bash: x: need x\n");
    expect(s.out("echo still here")).toBe("still here\n");
  });
});

describe("history expansion", () => {
  it("expands !!, !$, !N and !prefix and shows the line it runs", () => {
    const s = session();
    s.run("echo one two");
    expect(s.out("echo !!")).toBe("echo echo one two\necho one two\n");
    expect(s.out("echo !$")).toBe("echo two\ntwo\n");
    expect(s.out("!1")).toBe("echo one two\none two\n");
    expect(s.out("!ec")).toBe("echo one two\none two\n");
    expect(s.out("ls /root/nope")).toBe("ls: cannot access '/root/nope': No such file or directory\n");
    expect(s.out("sudo !!")).toBe("sudo ls /root/nope\nls: cannot access '/root/nope': No such file or directory\n");
  });

  it("leaves single quotes, backslashes and ! before blanks alone, and reports missing events", () => {
    const s = session();
    expect(s.out("echo 'a!b' c\\!d; [[ ! -z x ]] && echo x!")).toBe("a!b c!d\nx!\n");
    expect(s.run("!nope")).toMatchObject({ output: "bash: !nope: event not found\n" });
    expect(s.out('echo "a!b"')).toBe("bash: !b: event not found\n");
    expect(s.out("x=y; y=z; echo ${!x}")).toBe("z\n");
  });
});

describe("continuation lines", () => {
  it("waits for more lines with bash's > prompt", () => {
    const s = session();
    expect(s.run("echo 'one")).toMatchObject({ output: "", prompt: "> ", waitingFor: "more" });
    expect(s.run("two'")).toMatchObject({ output: "one\ntwo\n", prompt: "root@controlplane:~# " });
    expect(s.run("ls /etc/hostname |").waitingFor).toBe("more");
    expect(s.out("wc -l")).toBe("1\n");
  });

  it("reads a here-document typed line by line", () => {
    const s = session();
    expect(s.run("cat <<EOF | kubectl apply -f -").waitingFor).toBe("more");
    expect(s.run("kind: Pod").waitingFor).toBe("more");
    expect(s.run("name: $HOSTNAME").waitingFor).toBe("more");
    expect(s.out("EOF")).toBe('kubectl apply -f - user=root cwd=/root host=controlplane stdin="kind: Pod\\nname: controlplane\\n"\n');
    expect(s.out("history 1")).toBe("    2  history 1\n");
    expect(s.shell.toState().history[0]).toBe("cat <<EOF | kubectl apply -f -\nkind: Pod\nname: $HOSTNAME\nEOF");
  });

  it("reports what bash reports when the input ends inside a command", () => {
    const s = session();
    s.run('echo "unterminated');
    expect(s.shell.endOfInput()).toMatchObject({ output: "bash: unexpected EOF while looking for matching `\"'\nbash: syntax error: unexpected end of file\n", exitCode: 2 });
    s.run("cat <<EOF");
    s.run("body");
    expect(s.shell.endOfInput().output).toBe("bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\nbody\n");
  });

  it("abandons an incomplete command on Ctrl-C", () => {
    const s = session();
    s.run("for i in 1 2; do");
    expect(s.shell.interrupt()).toMatchObject({ output: "^C\n", exitCode: 130, prompt: "root@controlplane:~# " });
    expect(s.out("echo ok")).toBe("ok\n");
  });
});

describe("redirections", () => {
  it("writes, appends, truncates and reads files on the host", () => {
    const s = session();
    s.run("echo one > /tmp/f; echo two >> /tmp/f");
    expect(s.file("controlplane", "/tmp/f")).toBe("one\ntwo\n");
    expect(s.out("cat < /tmp/f")).toBe("one\ntwo\n");
    s.run("> /tmp/f");
    expect(s.file("controlplane", "/tmp/f")).toBe("");
    s.run("ls /tmp /nope > /tmp/out 2> /tmp/err");
    expect(s.file("controlplane", "/tmp/out")).toBe("/tmp:\nerr\nf\nout\n");
    expect(s.file("controlplane", "/tmp/err")).toBe("ls: cannot access '/nope': No such file or directory\n");
    s.run("ls /nope &> /tmp/both; echo x >> /tmp/both");
    expect(s.file("controlplane", "/tmp/both")).toBe("ls: cannot access '/nope': No such file or directory\nx\n");
  });

  it("orders 2>&1 and > as bash does", () => {
    const s = session();
    expect(s.out("ls /nope > /tmp/a 2>&1")).toBe("");
    expect(s.out("ls /nope 2>&1 > /tmp/b")).toBe("ls: cannot access '/nope': No such file or directory\n");
    expect(s.out("echo to-err >&2 2>/dev/null")).toBe("to-err\n");
    expect(s.out("echo gone > /dev/null; ls /nope 2>/dev/null; echo $?")).toBe("2\n");
  });

  it("truncates before the command reads (cat f > f empties f)", () => {
    const s = session();
    s.run("echo data > /tmp/f; cat /tmp/f > /tmp/f");
    expect(s.file("controlplane", "/tmp/f")).toBe("");
  });

  it("reports redirection errors with bash's wording and skips the command", () => {
    const s = session({ host: "stapp01", user: "tony" });
    expect(s.run("echo x > /etc/x")).toMatchObject({ output: "bash: /etc/x: Permission denied\n", exitCode: 1 });
    expect(s.out("cat < /nope")).toBe("bash: /nope: No such file or directory\n");
    expect(s.out("echo x > /nope/f")).toBe("bash: /nope/f: No such file or directory\n");
    expect(s.out("echo x > /tmp")).toBe("bash: /tmp: Is a directory\n");
    expect(s.out("echo x > $NOPE")).toBe("bash: $NOPE: ambiguous redirect\n");
    expect(s.out("sudo echo x > /etc/x")).toBe("bash: /etc/x: Permission denied\n");
  });

  it("feeds here-documents and here-strings", () => {
    const s = session();
    expect(s.out("cat <<'EOF'\n$HOME\nEOF")).toBe("$HOME\n");
    expect(s.out("cat <<EOF\n$HOME \\$HOME $(echo sub)\nEOF")).toBe("/root $HOME sub\n");
    expect(s.out("cat <<-EOF\n\tindented\n\tEOF")).toBe("indented\n");
    expect(s.out("wc -w <<< 'a b c'")).toBe("3\n");
    s.run("cat > /tmp/pod.yaml <<EOF\napiVersion: v1\nkind: Pod\nEOF");
    expect(s.file("controlplane", "/tmp/pod.yaml")).toBe("apiVersion: v1\nkind: Pod\n");
  });
});

describe("expansions and variables", () => {
  it("expands variables, defaults and substitutions", () => {
    const s = session();
    expect(s.out('x=5; echo ${x} ${y:-def} "$x$x" \'$x\'')).toBe("5 def 55 $x\n");
    expect(s.out("v=hello.tar.gz; echo ${v%.gz} ${v%%.*} ${v#*.} ${v##*.} ${v/l/L} ${v//l/L} ${#v} ${v:1:3}")).toBe("hello.tar hello tar.gz gz heLlo.tar.gz heLLo.tar.gz 12 ell\n");
    expect(s.out("echo $((1+2*3)) $((2**10)) $((0x10))")).toBe("7 1024 16\n");
    expect(s.out('echo "$(echo hi; echo there)" `echo back`')).toBe("hi\nthere back\n");
    expect(s.out("echo {a,b}-{1,2} {1..3}")).toBe("a-1 a-2 b-1 b-2 1 2 3\n");
    expect(s.out('x="a   b"; echo $x; echo "$x"')).toBe("a b\na   b\n");
    expect(s.out("echo ~ ~root ~bob")).toBe("/root /root /home/bob\n");
    expect(s.out("echo $$ $?")).toMatch(/^\d+ 0\n$/);
  });

  it("substitutes processes with <(...)", () => {
    const s = session();
    expect(s.out("cat <(echo hi) <(echo there); wc -l < <(seq 3)")).toBe("hi\nthere\n3\n");
    expect(s.out("source <(echo 'export FROM_PROC=1; complete -F _x kubectl'); echo $FROM_PROC")).toBe("1\n");
    expect(s.out("echo <(true); ls /dev/fd")).toBe("/dev/fd/63\n");
  });

  it("globs in the current directory, leaving unmatched patterns alone", () => {
    const s = session();
    s.run("mkdir /tmp/g; cd /tmp/g; touch b.txt a.txt c.log .hidden");
    expect(s.out("echo *.txt")).toBe("a.txt b.txt\n");
    expect(s.out("echo *")).toBe("a.txt b.txt c.log\n");
    expect(s.out("echo .h*")).toBe(".hidden\n");
    expect(s.out("echo *.yaml '*.txt'")).toBe("*.yaml *.txt\n");
    expect(s.out("echo /tmp/g/?.log")).toBe("/tmp/g/c.log\n");
    expect(s.out("ls *.txt")).toBe("a.txt  b.txt\n");
  });

  it("keeps exported and shell variables apart", () => {
    const s = session();
    expect(s.out("A=1; kubectl x; export A; env | grep ^A=")).toBe("kubectl x user=root cwd=/root host=controlplane\nA=1\n");
    expect(s.out("B=2 printenv B; echo [$B]")).toBe("2\n[]\n");
    expect(s.out("export C=3; unset C; echo [$C]")).toBe("[]\n");
    expect(s.out("export 1x=2")).toBe("bash: export: `1x=2': not a valid identifier\n");
    expect(s.out("export -p | grep HOME")).toBe('declare -x HOME="/root"\n');
  });

  it("gives commands a deterministic $RANDOM", () => {
    const a = session();
    const b = session();
    expect(a.out("echo $RANDOM $RANDOM")).toBe(b.out("echo $RANDOM $RANDOM"));
  });
});

describe("compound commands and functions", () => {
  it("runs if, for, while, until, case and arithmetic loops", () => {
    const s = session();
    expect(s.out("if [ -d /etc ]; then echo dir; else echo no; fi")).toBe("dir\n");
    expect(s.out("for i in 1 2 3; do echo -n $i; done; echo")).toBe("123\n");
    expect(s.out("i=0; while [ $i -lt 3 ]; do echo w$i; i=$((i+1)); done")).toBe("w0\nw1\nw2\n");
    expect(s.out("n=0; until [ $n -ge 2 ]; do n=$((n+1)); done; echo $n")).toBe("2\n");
    expect(s.out("case web-1 in db*) echo db;; web*|api*) echo web;; esac")).toBe("web\n");
    expect(s.out("for ((i=0;i<3;i++)); do echo $i; done")).toBe("0\n1\n2\n");
    expect(s.out("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done")).toBe("1\n3\n");
    expect(s.out("[[ web-1 == web* && -n x ]] && echo match")).toBe("match\n");
    expect(s.out("(( 3 > 2 )) && echo bigger")).toBe("bigger\n");
  });

  it("reads files line by line in while loops", () => {
    const s = session();
    s.run("printf 'a 1\\nb 2\\n' > /tmp/l");
    expect(s.out("while read name n; do echo \"$n:$name\"; done < /tmp/l")).toBe("1:a\n2:b\n");
    expect(s.out("cat /tmp/l | while read line; do echo \"<$line>\"; done")).toBe("<a 1>\n<b 2>\n");
  });

  it("defines and calls functions with arguments, locals and return", () => {
    const s = session();
    s.run('greet() { local who=${1:-world}; echo "hello $who"; return 3; }');
    expect(s.run("greet; greet you")).toMatchObject({ output: "hello world\nhello you\n", exitCode: 3 });
    expect(s.out("echo [$who]")).toBe("[]\n");
    expect(s.shell.toState().frames[0]!.functions.greet).toContain("hello $who");
    expect(s.out("type greet | head -1")).toBe("greet is a function\n");
  });

  it("runs subshells and groups", () => {
    const s = session();
    expect(s.out("(cd /tmp; pwd); pwd")).toBe("/tmp\n/root\n");
    expect(s.out("{ echo a; echo b; } | wc -l")).toBe("2\n");
    expect(s.out("(exit 3); echo $?")).toBe("3\n");
  });
});

describe("scripts", () => {
  it("runs scripts by path with bash's permission rules", () => {
    const s = session({ host: "stapp01", user: "tony" });
    s.run("printf '#!/bin/bash\\necho \"args $# $1\"\\nexit 4\\n' > run.sh");
    expect(s.run("./run.sh")).toMatchObject({ output: "bash: ./run.sh: Permission denied\n", exitCode: 126 });
    expect(s.run("bash run.sh x")).toMatchObject({ output: "args 1 x\n", exitCode: 4 });
    s.run("chmod +x run.sh");
    expect(s.run("./run.sh a b")).toMatchObject({ output: "args 2 a\n", exitCode: 4 });
    expect(s.run("sh -c 'echo $0 $1' zero one")).toMatchObject({ output: "zero one\n" });
    s.run("printf 'echo start\\nnosuch\\necho end\\n' > s2.sh");
    expect(s.out("bash s2.sh")).toBe("start\ns2.sh: line 2: nosuch: command not found\nend\n");
  });

  it("sources files into the current shell", () => {
    const s = session();
    s.run("echo 'export FROM_FILE=yes; cd /tmp' > /root/env.sh");
    expect(s.run("source env.sh; echo $FROM_FILE").output).toBe("yes\n");
    expect(s.shell.prompt()).toBe("root@controlplane:/tmp# ");
    expect(s.out(". /nope")).toBe("bash: /nope: No such file or directory\n");
  });
});

describe("external commands", () => {
  it("passes args, stdin, env, cwd, user and host to registered commands", () => {
    const s = session();
    expect(s.out("cd /tmp; echo data | kubectl get pods -n 'kube system'")).toBe('kubectl get pods -n kube system user=root cwd=/tmp host=controlplane stdin="data\\n"\n');
    expect(s.deps.world.calls).toEqual(["kubectl get pods -n kube system"]);
    expect(s.out("kubectl fail; echo $?")).toBe('Error from server (NotFound): pods "x" not found\n1\n');
    expect(s.out("kubectl warn")).toBe("Warning: deprecated\npod/web created\n");
    expect(s.out("kubectl get pods | grep -c kubectl")).toBe("1\n");
    expect(s.out("kubectl fail 2>/dev/null | wc -l")).toBe("0\n");
  });

  it("turns a throwing command into an error message", () => {
    const s = session();
    expect(s.run("kubectl throw")).toMatchObject({ output: "kubectl: internal error: boom\n", exitCode: 1 });
    expect(s.out("echo alive")).toBe("alive\n");
  });

  it("runs commands as root under sudo", () => {
    const s = session({ host: "stapp01", user: "steve" });
    expect(s.out("sudo kubectl x")).toBe("kubectl x user=root cwd=/home/steve host=stapp01\n");
  });
});

describe("builtins", () => {
  it("cd and pwd with bash's messages", () => {
    const s = session({ host: "stapp01", user: "tony" });
    expect(s.out("cd /nope")).toBe("bash: cd: /nope: No such file or directory\n");
    expect(s.out("cd /etc/hosts")).toBe("bash: cd: /etc/hosts: Not a directory\n");
    expect(s.out("cd /root")).toBe("bash: cd: /root: Permission denied\n");
    expect(s.out("cd a b")).toBe("bash: cd: too many arguments\n");
    expect(s.out("cd /var/log; cd ..; pwd; cd -; cd; pwd")).toBe("/var\n/var/log\n/home/tony\n");
  });

  it("echo and printf", () => {
    const s = session();
    expect(s.out("echo -n a; echo -e 'b\\tc'; echo -E 'd\\te'")).toBe("ab\tc\nd\\te\n");
    expect(s.out("printf '%s=%d\\n' a 1 b 2")).toBe("a=1\nb=2\n");
    expect(s.out("printf '%-5s|%5s|%05.1f|%x\\n' ab cd 3.14159 255")).toBe("ab   |   cd|003.1|ff\n");
    expect(s.out("printf '%q\\n' 'a b' \"it's\" ''")).toBe("a\\ b\nit\\'s\n''\n");
    expect(s.run("printf '%d\\n' abc")).toMatchObject({ output: "0\nbash: printf: abc: invalid number\n", exitCode: 1 });
    expect(s.out("printf")).toBe("printf: usage: printf [-v var] format [arguments]\n");
    expect(s.out("printf -v v '%03d' 7; echo $v")).toBe("007\n");
  });

  it("test and [ with bash's errors", () => {
    const s = session();
    expect(s.out("[ -f /etc/hosts ] && [ -d /etc ] && [ ! -e /nope ] && echo yes")).toBe("yes\n");
    expect(s.out("[ 2 -lt 10 ]; echo $?; [ abc \\< abd ]; echo $?; test -z '' && echo empty")).toBe("0\n0\nempty\n");
    expect(s.run("[ 1 -eq x ]")).toMatchObject({ output: "bash: [: x: integer expression expected\n", exitCode: 2 });
    expect(s.run("[ 1 = 1")).toMatchObject({ output: "bash: [: missing `]'\n", exitCode: 2 });
    expect(s.run("[ a b c ]")).toMatchObject({ output: "bash: [: b: binary operator expected\n", exitCode: 2 });
  });

  it("history, aliases and type", () => {
    const s = session({ host: "controlplane", user: "bob" });
    s.run("echo one");
    s.run(" echo secret");
    s.run("echo one");
    expect(s.out("history")).toBe("    1  echo one\n    2  history\n");
    expect(s.out("ll -d /tmp")).toBe("drwxrwxrwt 2 root root 4096 Jan 14 10:00 /tmp/\n");
    expect(s.out("alias k=kubectl; k get po")).toBe("kubectl get po user=bob cwd=/home/bob host=controlplane\n");
    expect(s.out("type ll cd if")).toBe("ll is aliased to `ls -alF'\ncd is a shell builtin\nif is a shell keyword\n");
    expect(s.out("history -c; history")).toBe("");
  });

  it("which, env, whoami, id, hostname", () => {
    const s = session({ host: "stapp01", user: "tony" });
    expect(s.run("which ls nope")).toMatchObject({ output: "/usr/bin/ls\n/usr/bin/which: no nope in (/home/tony/.local/bin:/home/tony/bin:/usr/local/bin:/usr/bin:/usr/local/sbin:/usr/sbin)\n", exitCode: 1 });
    expect(s.out("whoami; id; id -un; id -G")).toBe("tony\nuid=1000(tony) gid=1000(tony) groups=1000(tony),10(wheel)\ntony\n1000 10\n");
    expect(s.out("hostname; hostname -f; hostname -I; hostname -i")).toBe("stapp01\nstapp01.stratos.xfusioncorp.com\n172.16.238.10 \n172.16.238.10\n");
    expect(s.out("env | grep -E '^(USER|HOME|HOSTNAME)='")).toBe("HOSTNAME=stapp01\nHOME=/home/tony\nUSER=tony\n");
    expect(s.out("env | tail -1")).toBe("_=/usr/bin/env\n");
    expect(s.out("id nope")).toBe("id: ‘nope’: no such user\n");
    const u = session();
    expect(u.run("which nope")).toMatchObject({ output: "", exitCode: 1 });
  });

  it("date, sleep and uname use the virtual clock and the host's kernel", () => {
    const s = session();
    expect(s.out("date")).toBe("Tue Jan 14 10:00:00 UTC 2025\n");
    expect(s.out("sleep 90; date +%H:%M:%S")).toBe("10:01:30\n");
    expect(s.deps.clock.now).toBe(T0 + 90_000);
    expect(s.out("date -d @0 '+%F %T'; date -u +%s -d '2025-01-01'")).toBe("1970-01-01 00:00:00\n1735689600\n");
    expect(s.out("sleep x")).toBe("sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n");
    expect(s.out("uname; uname -r; uname -a")).toBe("Linux\n5.15.0-105-generic\nLinux controlplane 5.15.0-105-generic #115-Ubuntu SMP Mon Apr 15 09:52:04 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n");
    const c = session({ host: "stapp01", user: "tony" });
    expect(c.out("uname -r")).toBe("4.18.0-553.el8.x86_64\n");
  });

  it("watch prints one frame with procps' header", () => {
    const s = session();
    expect(s.out("watch kubectl get pods")).toBe(
      "Every 2.0s: kubectl get pods              controlplane: Tue Jan 14 10:00:00 2025\n\nkubectl get pods user=root cwd=/root host=controlplane\n",
    );
    expect(s.out("watch -n 5 'echo hi; ls /nope'")).toBe(
      "Every 5.0s: echo hi; ls /nope             controlplane: Tue Jan 14 10:00:00 2025\n\nhi\nls: cannot access '/nope': No such file or directory\n",
    );
    expect(s.out("watch -t date")).toBe("Tue Jan 14 10:00:00 UTC 2025\n");
  });

  it("clear tells the terminal to clear", () => {
    const s = session();
    expect(s.run("echo before; clear; echo after")).toMatchObject({ output: "after\n", cleared: true });
  });

  it("help lists what is available", () => {
    expect(session().out("help")).toContain("kubectl, docker, systemctl");
  });
});

describe("editors", () => {
  it("hands vi/vim/nano to the web editor and resumes the line afterwards", () => {
    const s = session();
    const r = s.run("vim /tmp/new.yaml && cat /tmp/new.yaml");
    expect(r).toMatchObject({ waitingFor: "editor", editor: { path: "/tmp/new.yaml", content: "", isNew: true, readOnly: false } });
    expect(s.shell.saveEditor("kind: Pod\n")).toMatchObject({ output: "kind: Pod\n", exitCode: 0 });
    expect(s.file("controlplane", "/tmp/new.yaml")).toBe("kind: Pod\n");
    expect(s.run("nano /etc/hostname").editor).toMatchObject({ content: "controlplane\n", isNew: false });
    expect(s.shell.closeEditor().waitingFor).toBeUndefined();
  });

  it("opens the editor for a command that asks (kubectl edit) and runs its continuation", () => {
    const hosts = twoHosts();
    const myedit: Command<{ calls: string[] }> = (c) => {
      const file = (content: string) => (c.host.fs["/tmp/edit.yaml"] = { type: "file", content, mode: 0o644, owner: "root", group: "root", mtime: 0 });
      const again = { path: "/tmp/edit.yaml", then: ["myedit", "--resume"] };
      if (c.args[0] !== "--resume") {
        file("a: 1\n");
        return { stdout: "", stderr: "", exitCode: 0, editor: again };
      }
      const n = c.host.fs["/tmp/edit.yaml"];
      const content = n && n.type === "file" ? n.content : "";
      if (content.includes("bad")) {
        file("# error\n" + content);
        return { stdout: "", stderr: "", exitCode: 0, editor: again };
      }
      return { stdout: `edited: ${content}`, stderr: "", exitCode: 0 };
    };
    const shell = new Shell(undefined, makeDeps(hosts, { start: { host: "controlplane", user: "root" }, commands: { myedit } }));
    expect(shell.exec("myedit && echo after")).toMatchObject({ waitingFor: "editor", editor: { path: "/tmp/edit.yaml", content: "a: 1\n" } });
    expect(shell.saveEditor("bad: 2\n")).toMatchObject({ waitingFor: "editor", editor: { content: "# error\nbad: 2\n" } });
    expect(shell.saveEditor("a: 2\n")).toMatchObject({ output: "edited: a: 2\nafter\n", exitCode: 0 });
    expect(shell.exec("history").output).toBe("    1  myedit && echo after\n    2  history\n");
  });

  it("refuses to save where the user cannot write", () => {
    const s = session({ host: "stapp01", user: "tony" });
    expect(s.run("vi /etc/hosts").editor!.readOnly).toBe(true);
    expect(s.shell.saveEditor("x")).toMatchObject({ output: '"/etc/hosts" E212: Can\'t open file for writing', waitingFor: "editor" });
    expect(s.out("echo next")).toBe("next\n");
  });
});

describe("state", () => {
  it("round-trips through JSON and continues where it left off", () => {
    const s = session();
    s.run("cd /tmp; X=1; export Y=2; f() { echo fn; }");
    const state: ShellState = JSON.parse(JSON.stringify(s.shell.toState()));
    const again = new Shell(state, s.deps);
    expect(again.prompt()).toBe("root@controlplane:/tmp# ");
    expect(again.exec("echo $X $Y; f").output).toBe("1 2\nfn\n");
  });

  it("ends the session when the bottom shell exits", () => {
    const s = session();
    expect(s.run("exit 3")).toMatchObject({ output: "logout\n", exitCode: 3, ended: true, prompt: "" });
    expect(s.run("echo ignored")).toMatchObject({ output: "", ended: true });
  });

  it("refuses logout outside a login shell", () => {
    const s = session();
    s.run("bash");
    expect(s.out("logout")).toBe("bash: logout: not login shell: use `exit'\n");
    expect(s.out("exit")).toBe("exit\n");
    expect(s.shell.ended).toBe(false);
  });
});
