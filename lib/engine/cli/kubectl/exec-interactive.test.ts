// `kubectl exec -it POD -- sh` and `docker exec -it C bash` typed into a whole sandbox: the
// terminal is handed to the container's shell (its prompt, its builtins, its messages) until
// that shell exits, its container goes away, or the learner presses Ctrl-D.
import { beforeAll, describe, expect, it } from "vitest";
import { Sandbox, controlEntry } from "../../sandbox";
import { dataCentre } from "../../test/environments";
import { CURRENT_ENGINE } from "../../docker/versions";
import { resolveType } from "./resources";

const OCI_BASH = /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/;

const POD_PROMPT = "root@controlplane:~# ";

function cluster(): Sandbox {
  const sb = Sandbox.create({ seed: 7 });
  sb.exec("kubectl run web --image=nginx");
  sb.exec("kubectl run bb --image=busybox -- sleep 36000");
  sb.exec("kubectl run al --image=alpine -- sleep 36000");
  sb.exec("kubectl run ht --image=httpd");
  sb.exec("kubectl run na --image=nginx:alpine");
  sb.exec(`cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: www
spec:
  securityContext:
    runAsUser: 101
  containers:
  - name: nginx
    image: nginx
  - name: nobody
    image: nginx
    securityContext:
      runAsUser: 1000
EOF`);
  expect(sb.exec("kubectl wait --for=condition=Ready pod/web pod/bb pod/al pod/ht pod/na pod/www").exitCode).toBe(0);
  return sb;
}

describe("kubectl exec -it: a shell in a pod's container", () => {
  let sb: Sandbox;
  const run = (line: string) => sb.exec(line);
  beforeAll(() => {
    sb = cluster();
  });

  it("shows the prompt each image's shell shows", () => {
    const cases: [string, string][] = [
      ["kubectl exec -it web -- sh", "# "],
      ["kubectl exec -it web -- /bin/sh", "# "],
      ["kubectl exec -it web -- bash", "root@web:/# "],
      ["kubectl exec -i -t web -- /bin/bash", "root@web:/# "],
      ["kubectl exec --stdin --tty bb -- sh", "/ # "],
      ["kubectl exec -ti al -- sh", "/ # "],
      ["kubectl exec -it al -- ash", "/ # "],
      ["kubectl exec -it al -- sh -l", "al:/# "],
      ["kubectl exec -it na -- sh", "/ # "],
      // httpd's WORKDIR is where exec starts.
      ["kubectl exec -it ht -- bash", "root@ht:/usr/local/apache2# "],
      // runAsUser: the image's nginx account (uid 101), and a uid the image has no name for.
      ["kubectl exec -it www -c nginx -- bash", "nginx@www:/$ "],
      ["kubectl exec -it www -c nginx -- sh", "$ "],
      ["kubectl exec -it www -c nobody -- bash", "I have no name!@www:/$ "],
    ];
    for (const [line, prompt] of cases) {
      expect(run(line), line).toMatchObject({ output: "", exitCode: 0, prompt });
      expect(run("exit").prompt, line).toBe(POD_PROMPT);
    }
  });

  it("knows the shells of the other images: redis's WORKDIR, mysql's Oracle Linux bash", () => {
    run("kubectl run redis --image=redis");
    run("kubectl run db --image=mysql --env=MYSQL_ROOT_PASSWORD=secret");
    expect(run("kubectl wait --for=condition=Ready pod/redis pod/db --timeout=120s").exitCode).toBe(0);
    expect(run("kubectl exec -it redis -- bash").prompt).toBe("root@redis:/data# ");
    expect(run("cat /etc/os-release | head -1").output).toBe('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
    run("exit");
    // Oracle Linux has no dash: sh is bash, with bash's own default prompt.
    expect(run("kubectl exec -it db -- sh").prompt).toBe("sh-5.1# ");
    expect(run("nope")).toMatchObject({ output: "sh: nope: command not found\n", exitCode: 127 });
    // exit without a number exits with $?.
    expect(run("exit")).toMatchObject({ output: "exit\ncommand terminated with exit code 127\n", exitCode: 127, prompt: POD_PROMPT });
    expect(run("kubectl exec -it db -- bash").prompt).toBe("bash-5.1# ");
    expect(run("exit")).toMatchObject({ output: "exit\n", exitCode: 0, prompt: POD_PROMPT });
  });

  it("runs lists, loops and tests as a shell does", () => {
    run("kubectl exec -it bb -- sh");
    expect(run("for i in 1 2 3; do echo $i; done").output).toBe("1\n2\n3\n");
    expect(run("i=0; while [ $i -lt 2 ]; do echo n$i; i=$((i+1)); done").output).toBe("n0\nn1\n");
    expect(run("if [ -f /etc/hostname ]; then cat /etc/hostname; else echo none; fi").output).toBe("bb\n");
    expect(run("for f in /etc/host*; do echo $f; done").output).toBe("/etc/hostname\n/etc/hosts\n");
    expect(run("(cd /tmp; pwd); pwd").output).toBe("/tmp\n/\n");
    expect(run("{ echo a; echo b; } | wc -l").output).toBe("2\n");
    expect(run("false || echo recovered && echo $?").output).toBe("recovered\n0\n");
    expect(run("echo 'unterminated")).toMatchObject({ output: "sh: syntax error: unterminated quoted string\n", exitCode: 2 });
    // An endless loop stops, as a learner's Ctrl-C would stop it.
    expect(run("while true; do :; done")).toMatchObject({ output: "sh: stopped after 10000 commands (a real shell would keep going until you press Ctrl-C)\n", exitCode: 130, prompt: "/ # " });
    run("exit");
  });

  it("names the default container of a pod with several", () => {
    expect(run("kubectl exec -it www -- sh")).toMatchObject({ output: 'Defaulted container "nginx" out of: nginx, nobody\n', prompt: "$ " });
    expect(run("id")).toMatchObject({ output: "uid=101(nginx) gid=101(nginx) groups=101(nginx)\n" });
    run("exit");
  });

  it("keeps the working directory: cd, pwd and bash's \\w", () => {
    expect(run("kubectl exec -it web -- bash").prompt).toBe("root@web:/# ");
    expect(run("cd /usr/share/nginx/html")).toMatchObject({ output: "", prompt: "root@web:/usr/share/nginx/html# " });
    expect(run("pwd").output).toBe("/usr/share/nginx/html\n");
    expect(run("ls").output).toBe("50x.html  index.html\n");
    expect(run("cd ..; pwd").output).toBe("/usr/share/nginx\n");
    expect(run("cd").prompt).toBe("root@web:~# ");
    expect(run("cd /etc/nginx/conf.d && ls")).toMatchObject({ output: "default.conf\n", prompt: "root@web:/etc/nginx/conf.d# " });
    expect(run("cd /nope")).toMatchObject({ output: "bash: cd: /nope: No such file or directory\n", exitCode: 1, prompt: "root@web:/etc/nginx/conf.d# " });
    expect(run("cd default.conf")).toMatchObject({ output: "bash: cd: default.conf: Not a directory\n", exitCode: 1 });
    expect(run("cd -")).toMatchObject({ output: "/root\n", prompt: "root@web:~# " });
    expect(run("exit")).toMatchObject({ output: "exit\n", exitCode: 0, prompt: POD_PROMPT });
  });

  it("words errors as dash and BusyBox do", () => {
    run("kubectl exec -it web -- sh");
    expect(run("cd /nope")).toMatchObject({ output: "sh: 1: cd: can't cd to /nope\n", exitCode: 2, prompt: "# " });
    expect(run("")).toMatchObject({ output: "", prompt: "# " });
    expect(run("nope")).toMatchObject({ output: "sh: 3: nope: not found\n", exitCode: 127 });
    expect(run("ping -c 1 bb")).toMatchObject({ output: "sh: 4: ping: not found\n", exitCode: 127 });
    run("exit");
    run("kubectl exec -it bb -- sh");
    expect(run("cd /nope")).toMatchObject({ output: "sh: cd: can't cd to /nope: No such file or directory\n", exitCode: 2, prompt: "/ # " });
    expect(run("cd /tmp")).toMatchObject({ output: "", prompt: "/tmp # " });
    expect(run("cd ~")).toMatchObject({ output: "", prompt: "~ # " });
    expect(run("curl bb")).toMatchObject({ output: "sh: curl: not found\n", exitCode: 127 });
    run("exit");
  });

  it("keeps exported variables for the session and gives them to commands", () => {
    run("kubectl exec -it al -- sh");
    expect(run("export GREETING=hello").output).toBe("");
    expect(run("echo $GREETING world").output).toBe("hello world\n");
    expect(run("env | grep GREETING").output).toBe("GREETING=hello\n");
    expect(run("LOCAL=1; echo $LOCAL; printenv LOCAL").output).toBe("1\n");
    expect(run('echo "$HOSTNAME $HOME $TERM" $(hostname)').output).toBe("al /root xterm al\n");
    run("exit");
    // A new session starts from the container's environment again.
    run("kubectl exec -it al -- sh");
    expect(run("echo [$GREETING]").output).toBe("[]\n");
    run("exit");
  });

  it("is inside the pod: its hostname, files and network", () => {
    const ip = run("kubectl get pod web -o jsonpath={.status.podIP}").output;
    const page = run(`curl -s ${ip}`).output;
    run("kubectl exec -it web -- bash");
    expect(run("hostname").output).toBe("web\n");
    expect(run("cat /etc/hostname").output).toBe("web\n");
    expect(run("cat /usr/share/nginx/html/index.html").output).toBe(page);
    expect(run("curl -s localhost | head -4").output).toBe("<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n");
    expect(run("grep -c nameserver /etc/resolv.conf").output).toBe("1\n");
    expect(run("cat /var/run/secrets/kubernetes.io/serviceaccount/namespace").output).toBe("default");
    expect(run("kubectl get pods")).toMatchObject({ output: "bash: kubectl: command not found\n", exitCode: 127 });
    run("exit");
  });

  it("leaves with exit: kubectl reports a non-zero status, and $? carries it", () => {
    run("kubectl exec -it web -- sh");
    expect(run("exit")).toMatchObject({ output: "", exitCode: 0, prompt: POD_PROMPT });
    expect(run("echo $?").output).toBe("0\n");
    run("kubectl exec -it web -- sh");
    expect(run("exit 3")).toMatchObject({ output: "command terminated with exit code 3\n", exitCode: 3, prompt: POD_PROMPT });
    expect(run("echo $?").output).toBe("3\n");
    run("kubectl exec -it web -- bash");
    expect(run("false")).toMatchObject({ output: "", exitCode: 1, prompt: "root@web:/# " });
    expect(run("exit")).toMatchObject({ output: "exit\ncommand terminated with exit code 1\n", exitCode: 1 });
    // The rest of the line runs once the shell in the container is done.
    expect(run("kubectl exec -it bb -- sh; echo after $?")).toMatchObject({ output: "", prompt: "/ # " });
    expect(run("exit 4")).toMatchObject({ output: "command terminated with exit code 4\nafter 4\n", exitCode: 0, prompt: POD_PROMPT });
    expect(run("history | tail -3").output).toMatch(/kubectl exec -it bb -- sh; echo after \$\?\n\s+\d+\s+exit 4\n\s+\d+\s+history \| tail -3\n$/);
  });

  it("leaves on Ctrl-D, as each shell does at end of input; Ctrl-C stays in the shell", () => {
    run("kubectl exec -it web -- bash");
    expect(sb.interrupt()).toMatchObject({ output: "^C\n", prompt: "root@web:/# " });
    expect(run("echo $?").output).toBe("130\n");
    expect(sb.endOfInput()).toMatchObject({ output: "exit\n", exitCode: 0, prompt: POD_PROMPT });
    run("kubectl exec -it bb -- sh");
    expect(sb.apply(controlEntry({ action: "eof" }))).toMatchObject({ output: "\n", exitCode: 0, prompt: POD_PROMPT });
    run("kubectl exec -it web -- sh");
    run("false");
    expect(sb.endOfInput()).toMatchObject({ output: "command terminated with exit code 1\n", exitCode: 1, prompt: POD_PROMPT });
  });

  it("offers only the shells the image has", () => {
    for (const pod of ["al", "bb", "na"]) expect(run(`kubectl exec -it ${pod} -- bash`), pod).toMatchObject({ output: expect.stringMatching(OCI_BASH), exitCode: 1, prompt: POD_PROMPT });
    expect(run("kubectl exec -it web -- ash")).toMatchObject({ output: expect.stringContaining('exec: "ash": executable file not found in $PATH'), exitCode: 1 });
    expect(run("kubectl exec -it nope -- sh")).toMatchObject({ output: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(run("kubectl exec -it web -c nope -- sh")).toMatchObject({ output: "Error from server (BadRequest): container nope is not valid for pod web\n", exitCode: 1 });
  });

  it("runs one-off commands as before, with a terminal's layout under -it", () => {
    expect(run("kubectl exec web -- ls /usr/share/nginx/html")).toMatchObject({ output: "50x.html\nindex.html\n", exitCode: 0 });
    expect(run("kubectl exec -it web -- ls /usr/share/nginx/html").output).toBe("50x.html  index.html\n");
    expect(run("kubectl exec web -- ls /etc/nginx").output).toBe("conf.d\nfastcgi_params\nmime.types\nmodules\nnginx.conf\nscgi_params\nuwsgi_params\n");
    expect(run("kubectl exec web -- cat /etc/nginx/conf.d/default.conf").output).toContain("        root   /usr/share/nginx/html;\n");
    expect(run("kubectl exec web -- ls /nope")).toMatchObject({ output: "ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n", exitCode: 2 });
    expect(run("kubectl exec bb -- ls /nope")).toMatchObject({ output: "ls: /nope: No such file or directory\ncommand terminated with exit code 1\n", exitCode: 1 });
    expect(run("kubectl exec ht -- ls -l htdocs").output).toBe("total 4\n-rw-r--r-- 1 root root 45 Jun 11  2007 index.html\n");
    expect(run("kubectl exec ht -- cat htdocs/index.html").output).toBe("<html><body><h1>It works!</h1></body></html>\n");
    // Without -i the shell reads no commands and exits at once.
    expect(run("kubectl exec web -- sh")).toMatchObject({ output: "", exitCode: 0, prompt: POD_PROMPT });
  });

  it("survives a snapshot and a restore", () => {
    run("kubectl exec -it web -- bash");
    run("cd /etc/nginx; export COLOR=blue");
    const restored = Sandbox.restore(sb.snapshot());
    expect(restored.prompt()).toBe("root@web:/etc/nginx# ");
    expect(restored.exec("pwd; echo $COLOR")).toMatchObject({ output: "/etc/nginx\nblue\n", prompt: "root@web:/etc/nginx# " });
    expect(restored.exec("exit 2")).toMatchObject({ output: "exit\ncommand terminated with exit code 2\n", exitCode: 2, prompt: POD_PROMPT });
    expect(run("exit")).toMatchObject({ output: "exit\n", prompt: POD_PROMPT });
  });
});

describe("kubectl exec -it when the pod goes away", () => {
  it("ends the session at the next line with the killed shell's status", () => {
    const sb = cluster();
    expect(sb.exec("kubectl exec -it bb -- sh").prompt).toBe("/ # ");
    expect(sb.exec("cd /tmp").prompt).toBe("/tmp # ");
    sb.cluster.api.delete(resolveType("pods"), "default", "bb");
    sb.advanceBy(5_000);
    expect(sb.exec("ls")).toMatchObject({ output: "command terminated with exit code 137\n", exitCode: 137, prompt: POD_PROMPT });
    expect(sb.exec("echo $?").output).toBe("137\n");
    // A container restart kills the shells in it too.
    sb.exec("kubectl run once --image=busybox -- sleep 30");
    sb.exec("kubectl wait --for=condition=Ready pod/once");
    expect(sb.exec("kubectl exec -it once -- sh").prompt).toBe("/ # ");
    sb.advanceBy(60_000);
    expect(sb.exec("echo still here")).toMatchObject({ output: "command terminated with exit code 137\n", exitCode: 137, prompt: POD_PROMPT });
  });
});

describe("kubectl exec without a terminal", () => {
  it("warns for -t and reads the following lines without a prompt (a piped script)", () => {
    const sb = cluster();
    sb.terminalIsTty = false;
    expect(sb.exec("kubectl exec -it web -- sh")).toMatchObject({ output: "Unable to use a TTY - input is not a terminal or the right kind of file\n", exitCode: 0, prompt: "" });
    expect(sb.exec("hostname; pwd")).toMatchObject({ output: "web\n/\n", prompt: "" });
    expect(sb.exec("nope")).toMatchObject({ output: "sh: 2: nope: not found\n", exitCode: 127, prompt: "" });
    expect(sb.exec("exit 5")).toMatchObject({ output: "command terminated with exit code 5\n", exitCode: 5, prompt: POD_PROMPT });
    expect(sb.exec("kubectl exec -it bb -- sh")).toMatchObject({ prompt: "" });
    expect(sb.exec("nope")).toMatchObject({ output: "sh: nope: not found\n", exitCode: 127 });
    expect(sb.exec("cd /nope")).toMatchObject({ output: "sh: cd: line 2: can't cd to /nope: No such file or directory\n", exitCode: 2 });
    // The end of the piped input ends the shell with its last status.
    expect(sb.endOfInput()).toMatchObject({ output: "command terminated with exit code 2\n", exitCode: 2, prompt: POD_PROMPT });
  });

  it("with -i alone attaches stdin without a terminal; Ctrl-C stops kubectl", () => {
    const sb = cluster();
    expect(sb.exec("kubectl exec -i web -- bash")).toMatchObject({ output: "", prompt: "" });
    expect(sb.exec("nope")).toMatchObject({ output: "bash: line 1: nope: command not found\n", exitCode: 127 });
    expect(sb.exec("exit")).toMatchObject({ output: "command terminated with exit code 127\n", prompt: POD_PROMPT });
    sb.exec("kubectl exec -i web -- sh");
    expect(sb.interrupt()).toMatchObject({ output: "^C\n", exitCode: 130, prompt: POD_PROMPT });
  });

  it("runs what is piped in as the shell's script", () => {
    const sb = cluster();
    expect(sb.exec("echo 'cd /usr/share/nginx/html; ls' | kubectl exec -i web -- sh")).toMatchObject({ output: "50x.html\nindex.html\n", exitCode: 0, prompt: POD_PROMPT });
    expect(sb.exec("printf 'hostname\\nexit 4\\necho never\\n' | kubectl exec -it web -- sh")).toMatchObject({
      output: "Unable to use a TTY - input is not a terminal or the right kind of file\nweb\ncommand terminated with exit code 4\n",
      exitCode: 4,
    });
    expect(sb.exec("kubectl exec -i web -- sh <<'EOF'\necho from a here-document\nEOF").output).toBe("from a here-document\n");
  });
});

describe("docker exec -it on a Docker host", () => {
  const PASSWORD = "Ir0nM@n";
  let sb: Sandbox;
  let web = "";
  let bb = "";
  const run = (line: string) => sb.exec(line);
  beforeAll(() => {
    sb = Sandbox.create({ seed: 15, environment: dataCentre(CURRENT_ENGINE) });
    for (const line of ["ssh tony@stapp01", PASSWORD, "sudo su -", PASSWORD]) sb.exec(line);
    expect(sb.prompt()).toBe("[root@stapp01 ~]# ");
    web = run("docker run -d --name web nginx").output.trim().split("\n").pop()!.slice(0, 12);
    bb = run("docker run -d --name bb busybox sleep 3600").output.trim().split("\n").pop()!.slice(0, 12);
  });

  it("shows each shell's prompt with the container's hostname (its short id)", () => {
    expect(run("docker exec -it web bash")).toMatchObject({ output: "", exitCode: 0, prompt: `root@${web}:/# ` });
    expect(run("hostname; cat /etc/hostname").output).toBe(`${web}\n${web}\n`);
    expect(run("ls /usr/share/nginx/html").output).toBe("50x.html  index.html\n");
    expect(run("curl -s localhost | grep title").output).toBe("<title>Welcome to nginx!</title>\n");
    expect(run("exit")).toMatchObject({ output: "exit\n", prompt: "[root@stapp01 ~]# " });
    expect(run("docker exec -it web sh")).toMatchObject({ prompt: "# " });
    expect(run("exit").prompt).toBe("[root@stapp01 ~]# ");
    expect(run("docker exec -it bb sh")).toMatchObject({ prompt: "/ # " });
    expect(run("cd /etc; echo $HOSTNAME")).toMatchObject({ output: `${bb}\n`, prompt: "/etc # " });
    expect(run("exit").prompt).toBe("[root@stapp01 ~]# ");
    expect(run("docker exec -it -w /usr/share/nginx -u nginx web bash").prompt).toBe("nginx@" + web + ":/usr/share/nginx$ ");
    expect(run("exit").prompt).toBe("[root@stapp01 ~]# ");
  });

  it("passes the shell's exit status on without a message", () => {
    run("docker exec -it bb sh");
    expect(run("exit 3")).toMatchObject({ output: "", exitCode: 3, prompt: "[root@stapp01 ~]# " });
    expect(run("echo $?").output).toBe("3\n");
    expect(run("docker exec -it bb bash")).toMatchObject({ output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\n', exitCode: 127 });
  });

  it("survives a restore, and ends when the container stops", () => {
    run("docker exec -it bb sh");
    run("cd /tmp");
    const restored = Sandbox.restore(sb.snapshot());
    expect(restored.exec("pwd")).toMatchObject({ output: "/tmp\n", prompt: "/tmp # " });
    // busybox's sleep 3600 ends: the container stops, and the shell in it with it.
    sb.advanceBy(3_600_000);
    expect(run("pwd")).toMatchObject({ output: "", exitCode: 137, prompt: "[root@stapp01 ~]# " });
    expect(run("docker exec -it bb sh")).toMatchObject({ output: expect.stringMatching(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/), exitCode: 1 });
  });

  it("refuses -t when the terminal is not a TTY, as the Docker CLI does", () => {
    sb.terminalIsTty = false;
    try {
      expect(run("docker exec -it web sh")).toMatchObject({ output: "the input device is not a TTY\n", exitCode: 1, prompt: "[root@stapp01 ~]# " });
      expect(run("docker exec -i web sh")).toMatchObject({ output: "", prompt: "" });
      expect(run("hostname").output).toBe(`${web}\n`);
      expect(run("exit 6")).toMatchObject({ output: "", exitCode: 6, prompt: "[root@stapp01 ~]# " });
    } finally {
      sb.terminalIsTty = true;
    }
  });
});
