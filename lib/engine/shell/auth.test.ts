// sudo, su and ssh: password prompts, failures, frames and what exit prints.
import { describe, expect, it } from "vitest";
import { Shell } from "./shell";
import { fakeKubectl, makeDeps, twoHosts } from "./test-support";

function session(start = { host: "stapp01", user: "tony" }, keys: Array<[string, string, string, string]> = []) {
  const hosts = twoHosts();
  const deps = makeDeps(hosts, { start, keys, commands: { kubectl: fakeKubectl } });
  const shell = new Shell(undefined, deps);
  return { hosts, deps, shell, run: (t: string) => shell.exec(t), out: (t: string) => shell.exec(t).output };
}

describe("sudo", () => {
  it("asks the user's password, then caches it for five minutes", () => {
    const s = session();
    expect(s.run("sudo whoami")).toMatchObject({ output: "", prompt: "[sudo] password for tony: ", waitingFor: "password" });
    expect(s.run("Ir0nM@n")).toMatchObject({ output: "root\n", exitCode: 0, prompt: "[tony@stapp01 ~]$ " });
    expect(s.run("sudo id -u")).toMatchObject({ output: "0\n", prompt: "[tony@stapp01 ~]$ " });
    s.run("sleep 301");
    expect(s.run("sudo id -u").waitingFor).toBe("password");
  });

  it("says Sorry, try again, and gives up after three attempts", () => {
    const s = session();
    s.run("sudo cat /etc/shadow; echo after $?");
    expect(s.run("one")).toMatchObject({ output: "Sorry, try again.\n", prompt: "[sudo] password for tony: ", waitingFor: "password" });
    expect(s.run("two")).toMatchObject({ output: "Sorry, try again.\n", waitingFor: "password" });
    expect(s.run("three")).toMatchObject({ output: "sudo: 3 incorrect password attempts\nafter 1\n", exitCode: 0, prompt: "[tony@stapp01 ~]$ " });
  });

  it("never echoes passwords or keeps them in history", () => {
    const s = session();
    s.run("sudo ls /root");
    const r = s.run("Ir0nM@n");
    expect(r.output).not.toContain("Ir0nM@n");
    s.run("sudo -k; sudo true");
    s.run("wrong-secret");
    s.shell.interrupt();
    expect(s.out("history")).toBe("    1  sudo ls /root\n    2  sudo -k; sudo true\n    3  history\n");
    expect(JSON.stringify(s.shell.toState())).not.toContain("wrong-secret");
  });

  it("runs the rest of the line after the password", () => {
    const s = session();
    expect(s.run("echo a; sudo whoami && echo b; echo c")).toMatchObject({ output: "a\n", waitingFor: "password" });
    expect(s.run("Ir0nM@n").output).toBe("root\nb\nc\n");
  });

  it("takes the first line of a paste as the password and runs the rest", () => {
    const s = session();
    s.run("sudo whoami");
    expect(s.run("Ir0nM@n\necho after")).toMatchObject({ output: "root\nafter\n", prompt: "[tony@stapp01 ~]$ " });
    expect(s.out("history")).toBe("    1  sudo whoami\n    2  echo after\n    3  history\n");
  });

  it("needs no password with NOPASSWD or as root", () => {
    expect(session({ host: "stapp01", user: "steve" }).run("sudo whoami")).toMatchObject({ output: "root\n", exitCode: 0 });
    expect(session({ host: "stapp01", user: "root" }).run("sudo -u tony whoami")).toMatchObject({ output: "tony\n" });
  });

  it("reports users without sudo rights after the password", () => {
    const s = session({ host: "stapp01", user: "jane" });
    expect(s.run("sudo ls").prompt).toBe("[sudo] password for jane: ");
    expect(s.run("janepw")).toMatchObject({ output: "jane is not in the sudoers file.  This incident will be reported.\n", exitCode: 1 });
  });

  it("handles sudo's options and errors", () => {
    const s = session({ host: "stapp01", user: "steve" });
    expect(s.run("sudo nope")).toMatchObject({ output: "sudo: nope: command not found\n", exitCode: 1 });
    expect(s.run("sudo cd /root")).toMatchObject({ output: "sudo: cd: command not found\n", exitCode: 1 });
    expect(s.out("sudo -u nope true")).toBe("sudo: unknown user: nope\n");
    expect(s.out("sudo")).toContain("usage: sudo -h | -K | -k | -V\n");
    expect(s.out("sudo -l")).toContain("User steve may run the following commands on stapp01:\n    (ALL) NOPASSWD: ALL\n");
    expect(s.out("sudo env | grep -E '^(USER|SUDO_USER|HOME)='")).toBe("USER=root\nHOME=/root\nSUDO_USER=steve\n");
    const t = session();
    expect(t.run("sudo -n true")).toMatchObject({ output: "sudo: a password is required\n", exitCode: 1 });
    expect(t.run("echo Ir0nM@n | sudo -S whoami")).toMatchObject({ output: "[sudo] password for tony: root\n" });
  });

  it("fails on redirections before asking (sudo echo x > /etc/f)", () => {
    const s = session();
    expect(s.run("sudo echo x > /etc/motd.d")).toMatchObject({ output: "bash: /etc/motd.d: Permission denied\n", exitCode: 1 });
    expect(s.run("echo x | sudo tee /etc/motd.d").waitingFor).toBe("password");
    expect(s.run("Ir0nM@n").output).toBe("x\n");
    expect(s.hosts.stapp01!.fs["/etc/motd.d"]).toMatchObject({ type: "file", content: "x\n", owner: "root" });
  });

  it("opens root shells with -i, -s and su -, and exit returns", () => {
    const s = session({ host: "stapp01", user: "steve" });
    expect(s.run("sudo -i").prompt).toBe("[root@stapp01 ~]# ");
    expect(s.out("pwd; whoami; echo $HOME")).toBe("/root\nroot\n/root\n");
    expect(s.run("exit")).toMatchObject({ output: "logout\n", prompt: "[steve@stapp01 ~]$ " });
    s.run("cd /tmp");
    expect(s.run("sudo -s").prompt).toBe("[root@stapp01 tmp]# ");
    expect(s.run("exit")).toMatchObject({ output: "exit\n", prompt: "[steve@stapp01 tmp]$ " });
    expect(s.run("sudo su -").prompt).toBe("[root@stapp01 ~]# ");
    expect(s.run("logout")).toMatchObject({ output: "logout\n", prompt: "[steve@stapp01 tmp]$ " });
  });
});

describe("su", () => {
  it("asks the target's password and opens a login shell", () => {
    const s = session();
    expect(s.run("su -")).toMatchObject({ prompt: "Password: ", waitingFor: "password" });
    expect(s.run("rootpw")).toMatchObject({ output: "", prompt: "[root@stapp01 ~]# " });
    expect(s.out("whoami")).toBe("root\n");
    expect(s.run("exit")).toMatchObject({ output: "logout\n", prompt: "[tony@stapp01 ~]$ " });
  });

  it("fails with su's message", () => {
    const s = session();
    s.run("su - steve");
    expect(s.run("wrong")).toMatchObject({ output: "su: Authentication failure\n", exitCode: 1, prompt: "[tony@stapp01 ~]$ " });
    expect(s.run("su - nope")).toMatchObject({ output: "su: user nope does not exist\n", exitCode: 1 });
    const u = session({ host: "controlplane", user: "bob" });
    expect(u.out("su - nope")).toBe("su: user nope does not exist or the user entry does not contain all the required fields\n");
  });

  it("keeps the directory without -, and exit prints exit", () => {
    const s = session({ host: "stapp01", user: "root" });
    s.run("cd /tmp");
    expect(s.run("su tony").prompt).toBe("[tony@stapp01 tmp]$ ");
    expect(s.run("exit")).toMatchObject({ output: "exit\n", prompt: "[root@stapp01 tmp]# " });
    expect(s.out("su - tony -c whoami")).toBe("tony\n");
  });
});

describe("ssh", () => {
  it("logs in with a password, shows Last login next time, and exit closes the connection", () => {
    const s = session({ host: "controlplane", user: "root" });
    expect(s.run("ssh tony@stapp01")).toMatchObject({ prompt: "tony@stapp01's password: ", waitingFor: "password" });
    expect(s.run("Ir0nM@n")).toMatchObject({ output: "", prompt: "[tony@stapp01 ~]$ " });
    expect(s.out("hostname; whoami; pwd")).toBe("stapp01\ntony\n/home/tony\n");
    expect(s.run("exit")).toMatchObject({ output: "logout\nConnection to stapp01 closed.\n", prompt: "root@controlplane:~# " });
    s.run("sleep 60");
    s.run("ssh tony@172.16.238.10");
    expect(s.run("Ir0nM@n").output).toBe("Last login: Tue Jan 14 10:00:00 2025 from 192.168.121.10\n");
    expect(s.run("exit").output).toBe("logout\nConnection to 172.16.238.10 closed.\n");
  });

  it("gives three password prompts, then OpenSSH's final message and 255", () => {
    const s = session({ host: "controlplane", user: "root" });
    s.run("ssh tony@stapp01");
    expect(s.run("a")).toMatchObject({ output: "Permission denied, please try again.\n", prompt: "tony@stapp01's password: " });
    expect(s.run("b").waitingFor).toBe("password");
    expect(s.run("c")).toMatchObject({ output: "tony@stapp01: Permission denied (publickey,gssapi-keyex,gssapi-with-mic,password).\n", exitCode: 255, prompt: "root@controlplane:~# " });
    const u = session({ host: "stapp01", user: "tony" });
    u.run("ssh bob@controlplane");
    u.run("x");
    u.run("y");
    expect(u.run("z").output).toBe("bob@controlplane: Permission denied (publickey,password).\n");
  });

  it("shows Ubuntu's welcome banner and refuses root passwords there", () => {
    const s = session({ host: "stapp01", user: "tony" });
    s.run("ssh bob@controlplane");
    expect(s.run("bobpw")).toMatchObject({
      output: "Welcome to Ubuntu 22.04.4 LTS (GNU/Linux 5.15.0-105-generic x86_64)\n\n * Documentation:  https://help.ubuntu.com\n * Management:     https://landscape.canonical.com\n * Support:        https://ubuntu.com/pro\n",
      prompt: "bob@controlplane:~$ ",
    });
    s.run("exit");
    s.run("ssh root@controlplane");
    expect(s.run("rootpw").output).toBe("Permission denied, please try again.\n");
  });

  it("logs in without a password when a key is accepted", () => {
    const s = session({ host: "controlplane", user: "root" }, [["controlplane", "root", "stapp01", "root"]]);
    expect(s.run("ssh stapp01")).toMatchObject({ output: "", prompt: "[root@stapp01 ~]# " });
    expect(s.out("ssh controlplane")).toBe("");
    expect(s.run("ssh controlplane").waitingFor).toBe("password");
    s.shell.interrupt();
    expect(s.run("exit").output).toBe("logout\nConnection to stapp01 closed.\n");
  });

  it("runs a remote command and returns its status", () => {
    const s = session({ host: "controlplane", user: "root" }, [["controlplane", "root", "stapp01", "tony"]]);
    expect(s.run("ssh tony@stapp01 'hostname; exit 3'")).toMatchObject({ output: "stapp01\n", exitCode: 3, prompt: "root@controlplane:~# " });
    expect(s.out("ssh tony@stapp01 cat /etc/hostname | tr a-z A-Z")).toBe("STAPP01\n");
  });

  it("reports unknown hosts and bad usage with 255", () => {
    const s = session({ host: "controlplane", user: "root" });
    expect(s.run("ssh nope")).toMatchObject({ output: "ssh: Could not resolve hostname nope: Name or service not known\n", exitCode: 255 });
    expect(s.run("ssh NOPE.example")).toMatchObject({ output: "ssh: Could not resolve hostname nope.example: Name or service not known\n" });
    expect(s.run("ssh").output).toContain("usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy]");
  });

  it("resolves names through /etc/hosts and the FQDN", () => {
    const s = session({ host: "controlplane", user: "root" }, [["controlplane", "root", "stapp01", "root"]]);
    s.run("echo '172.16.238.10 app1' >> /etc/hosts");
    expect(s.run("ssh app1").prompt).toBe("[root@stapp01 ~]# ");
    s.run("exit");
    expect(s.run("ssh stapp01.stratos.xfusioncorp.com").prompt).toBe("[root@stapp01 ~]# ");
  });

  it("stacks sessions: ssh, then sudo -i, then back out", () => {
    const s = session({ host: "controlplane", user: "root" });
    s.run("ssh tony@stapp01");
    s.run("Ir0nM@n");
    s.run("sudo -i");
    expect(s.run("Ir0nM@n").prompt).toBe("[root@stapp01 ~]# ");
    expect(s.shell.toState().frames.map((f) => `${f.user}@${f.host}:${f.via}`)).toEqual(["root@controlplane:session", "tony@stapp01:ssh", "root@stapp01:sudo"]);
    expect(s.run("exit").prompt).toBe("[tony@stapp01 ~]$ ");
    expect(s.run("exit").prompt).toBe("root@controlplane:~# ");
    expect(s.run("exit")).toMatchObject({ output: "logout\n", ended: true });
  });

  it("abandons a password prompt on Ctrl-C", () => {
    const s = session({ host: "controlplane", user: "root" });
    s.run("ssh tony@stapp01; echo not-run");
    expect(s.shell.interrupt()).toMatchObject({ output: "^C\n", exitCode: 130, prompt: "root@controlplane:~# " });
    expect(s.out("echo ok")).toBe("ok\n");
  });
});
