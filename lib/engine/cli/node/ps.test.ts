import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";
import { defaultEnvironment } from "../../environment/spec";
import { dataCentreMachines } from "../../environment/machines";

const lines = (...l: string[]) => `${l.join("\n")}\n`;

describe("ps on a kubeadm node (procps-ng 3.3.17)", () => {
  const sb = Sandbox.create({ seed: 41 });
  const run = (line: string) => sb.exec(line);

  it("lists the terminal's own processes by default", () => {
    expect(run("ps")).toMatchObject({ exitCode: 0, output: lines("    PID TTY          TIME CMD", "   5000 pts/0    00:00:00 bash", "   5001 pts/0    00:00:00 ps") });
    expect(run("ps -o pid,cmd").output).toBe(lines("    PID CMD", "   5000 -bash", "   5002 ps -o pid,cmd"));
    expect(run("ps -o pid= -o comm=").output).toBe(lines("   5000 bash", "   5003 ps"));
    // A header runs to the end of its argument, commas included (procps's format_parse).
    expect(run("ps -o pid=,comm=").output).toBe(lines(" ,comm=", "   5000", "   5004"));
  });

  it("ps aux: procps's BSD u format, cut at the terminal's width, whole into a pipe", () => {
    const out = run("ps aux").output.split("\n");
    expect(out[0]).toBe("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND");
    expect(out[1]).toBe("root           1  0.0  0.1 166660 11712 ?        Ss    2025   0:00 /sbin/init");
    expect(out[2]).toBe("root           2  0.0  0.0      0     0 ?        S     2025   0:00 [kthreadd]");
    expect(out.every((l) => l.length <= 80)).toBe(true);
    expect(run("ps auxww").output.split("\n").some((l) => l.length > 80)).toBe(true);

    const grep = run("ps aux | grep kube-apiserver").output.split("\n").filter((l) => l !== "");
    expect(grep).toHaveLength(2);
    expect(grep[0]).toMatch(/^root +\d+ +\d+\.\d +\d+\.\d +\d+ +\d+ \? +Ssl +2025 +\d+:\d\d kube-apiserver --advertise-address=172\.30\.1\.2 --allow-privileged=true --authorization-mode=Node,RBAC /);
    expect(grep[0]).toContain(" --etcd-servers=https://127.0.0.1:2379 ");
    expect(grep[0]).toMatch(/ --tls-private-key-file=\/etc\/kubernetes\/pki\/apiserver\.key$/);
    // The grep of the pipeline is running too.
    expect(grep[1]).toMatch(/^root +\d+  0\.0  0\.0   6480  2304 pts\/0    S\+   00:00   0:00 grep kube-apiserver$/);
  });

  it("ps -ef: the System V full format, the systemd units and the containers", () => {
    const out = run("ps -ef").output.split("\n");
    expect(out[0]).toBe("UID          PID    PPID  C STIME TTY          TIME CMD");
    expect(out[1]).toBe("root           1       0  0  2025 ?        00:00:00 /sbin/init");
    const full = run("ps -ef | cat").output;
    expect(full).toMatch(/\nroot +612 +1 +0 +2025 \? +\d\d:\d\d:\d\d \/usr\/bin\/containerd\n/);
    expect(full).toMatch(/\nroot +1078 +1 +\d +2025 \? +\d\d:\d\d:\d\d \/usr\/bin\/kubelet --bootstrap-kubeconfig=\/etc\/kubernetes\/bootstrap-kubelet\.conf /);
    expect(full).toMatch(/\nroot +\d+ +\d+ +\d +2025 \? +\d\d:\d\d:\d\d etcd --advertise-client-urls=https:\/\/172\.30\.1\.2:2379 /);
    expect(full).toMatch(/\n65535 +\d+ +\d+ +0 +2025 \? +00:00:00 \/pause\n/);
    expect(full).toMatch(/\nroot +\d+ +1 +0 +2025 \? +00:00:00 \/usr\/bin\/containerd-shim-runc-v2 -namespace k8s\.io -id [0-9a-f]{64} -address \/run\/containerd\/containerd\.sock\n/);
    expect(full).toMatch(/\nroot +4999 +641 +0 00:00 \? +00:00:00 sshd: root@pts\/0\nroot +5000 +4999 +0 00:00 pts\/0 +00:00:00 -bash\n/);
    // Without -f, CMD is the command's name.
    expect(run("ps -e | grep kube-api").output).toMatch(/^ +\d+ \? +\d\d:\d\d:\d\d kube-apiserver\n$/);
  });

  it("agrees with crictl on the containers' pids, and is the same every time", () => {
    const id = run("crictl ps --name kube-apiserver -q").output.trim();
    const pid = /"pid": (\d+)/.exec(run(`crictl inspect ${id}`).output)![1];
    expect(run(`ps -p ${pid} -o comm=`).output).toBe("kube-apiserver\n");
    // The same sandbox and the same commands: the same table, byte for byte.
    const a = Sandbox.create({ seed: 43 });
    const b = Sandbox.create({ seed: 43 });
    for (const x of [a, b]) x.exec("kubectl run p --image=nginx && sleep 20");
    expect(a.exec("ps auxww").output).toBe(b.exec("ps auxww").output);
  });

  it("shows nginx's master and workers of a pod on its node", () => {
    run("kubectl create deployment web --image=nginx:1.27");
    run("sleep 30");
    const node = run("kubectl get pod -l app=web -o jsonpath={.items[0].spec.nodeName}").output;
    const out = run(`ssh ${node} ps -ef | grep nginx`).output.split("\n").filter((l) => l !== "");
    expect(out[0]).toMatch(/^root +(\d+) +\d+ +0 00:00 \? +00:00:00 nginx: master process nginx -g daemon off;$/);
    const master = /^root +(\d+)/.exec(out[0]!)![1];
    expect(out.slice(1, 3).every((l) => new RegExp(`^systemd\\+ +\\d+ +${master} +0 00:00 \\? +00:00:00 nginx: worker process$`).test(l))).toBe(true);
  });

  it("selects, sorts and draws a forest", () => {
    expect(run("ps -p 1,1078 -o pid,comm").output).toBe(lines("    PID COMMAND", "      1 systemd", "   1078 kubelet"));
    expect(run("ps -C kubelet -o pid=").output).toBe("   1078\n");
    expect(run("ps -p 99999")).toMatchObject({ exitCode: 1, output: "    PID TTY          TIME CMD\n" });
    expect(run("ps aux --sort=-rss | head -2 | tail -1").output).toMatch(/ kube-apiserver --advertise-address/);
    const forest = run("ps axf | head -3").output;
    expect(forest).toBe(lines("    PID TTY      STAT   TIME COMMAND", "      2 ?        S      0:00 [kthreadd]", "      3 ?        I<     0:00  \\_ [rcu_gp]"));
    // sshd's session hangs under the listener (children of init stay at the left), the shell under it.
    expect(run("ps axf | grep -A1 'sshd: root@pts/0'").output).toMatch(/^ +4999 \? +Ss +0:00  \\_ sshd: root@pts\/0\n +5000 pts\/0 +Ss +0:00      \\_ -bash\n/);
  });

  it("reports procps's errors", () => {
    const usage = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
    expect(run("ps -Z")).toMatchObject({ exitCode: 1, output: `error: unsupported SysV option\n${usage}` });
    expect(run("ps q")).toMatchObject({ exitCode: 1, output: `error: unsupported option (BSD syntax)\n${usage}` });
    expect(run("ps --bogus")).toMatchObject({ exitCode: 1, output: `error: unknown gnu long option\n${usage}` });
    expect(run("ps -o bogus")).toMatchObject({ exitCode: 1, output: `error: unknown user-defined format specifier "bogus"\n${usage}` });
    expect(run("ps --version").output).toBe("ps from procps-ng 3.3.17\n");
    expect(run("which ps").output).toBe("/usr/bin/ps\n");
  });
});

describe("ps on a CentOS Docker host", () => {
  const env = { ...defaultEnvironment(), nodes: [], etcdMembers: [], machines: dataCentreMachines("20.10.7"), start: { host: "stapp01", user: "root" } };
  const sb = Sandbox.create({ seed: 42, environment: env });

  it("shows dockerd, containerd and a container's shim and processes (pid_max 32768: 5-digit pids)", () => {
    sb.exec("docker run -d --name web nginx:alpine");
    const out = sb.exec("ps -ef | cat").output;
    expect(out.split("\n")[0]).toBe("UID        PID  PPID  C STIME TTY          TIME CMD");
    expect(out).toMatch(/\nroot +\d+ +1 +\d +2025 \? +\d\d:\d\d:\d\d \/usr\/bin\/dockerd -H fd:\/\/ --containerd=\/run\/containerd\/containerd\.sock\n/);
    const shim = /\nroot +(\d+) +1 +0 00:00 \? +00:00:00 \/usr\/bin\/containerd-shim-runc-v2 -namespace moby -id ([0-9a-f]{64}) /.exec(out)!;
    expect(shim).not.toBeNull();
    const master = new RegExp(`\\nroot +(\\d+) +${shim[1]} +0 00:00 \\? +00:00:00 nginx: master process nginx -g daemon off;\\n`).exec(out)!;
    expect(master).not.toBeNull();
    // uid 101 (the image's nginx user) has no name on CentOS.
    expect(out).toMatch(new RegExp(`\\n101 +\\d+ +${master[1]} +0 00:00 \\? +00:00:00 nginx: worker process\\n`));
    expect(sb.exec("docker inspect -f '{{.State.Pid}}' web").output).toBe(`${master[1]}\n`);
    expect(sb.exec("ps --version").output).toBe("ps from procps-ng 3.3.15\n");
  });
});
