// `npm run sandbox`: a script piped in prints the same transcript every time for one seed, and a
// terminal session (under a pseudo-terminal from util-linux `script`) works like a shell.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const SANDBOX = ["--import", "tsx", "scripts/sandbox.ts"];

function piped(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [...SANDBOX, ...args], { cwd: ROOT, input: script, encoding: "utf8", timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Runs the sandbox on a pseudo-terminal, typing `keys`; returns what the terminal showed. */
function interactive(keys: string, ...args: string[]) {
  const command = [process.execPath, ...SANDBOX, ...args].map((a) => `'${a}'`).join(" ");
  const r = spawnSync("script", ["-q", "-e", "-c", command, "/dev/null"], { cwd: ROOT, input: keys, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  // The pseudo-terminal echoes what was typed before readline takes over, and ends lines in CR LF.
  return r.stdout.replace(/\r/g, "").replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
}

const SCRIPT = [
  "kubectl create deployment web --image=nginx:1.27 --replicas=3",
  "cat <<EOF | kubectl apply -f -",
  "apiVersion: v1",
  "kind: Service",
  "metadata:",
  "  name: web",
  "spec:",
  "  selector:",
  "    app: web",
  "  ports:",
  "  - port: 80",
  "EOF",
  "sleep 30",
  "kubectl get pods -o wide",
  "kubectl get svc web",
  "echo $?",
  "kubectl get nope",
  "",
].join("\n");

describe("npm run sandbox, piped", () => {
  it("prints the same transcript for the same script and seed, and another for another seed", () => {
    const first = piped(SCRIPT, "--seed", "7");
    const second = piped(SCRIPT, "--seed", "7");
    expect(first.status, first.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    // The transcript is the commands' real output, not an empty or failed run.
    expect(first.stdout).toContain("deployment.apps/web created\nservice/web created\n");
    const pods = first.stdout.split("\n").filter((l) => /^web-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running/.test(l));
    expect(pods).toHaveLength(3);
    expect(first.stdout).toContain('error: the server doesn\'t have a resource type "nope"\n');
    const other = piped(SCRIPT, "--seed", "8");
    expect(other.stdout).not.toBe(first.stdout);
    expect(other.stdout.split("\n").length).toBe(first.stdout.split("\n").length);
  });

  it("prints one JSON line per command with --json, a here-document counting as one", () => {
    const r = piped(SCRIPT, "--seed", "7", "--json");
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { command: string; output: string; exitCode: number });
    expect(lines.map((l) => l.command.split("\n")[0])).toEqual([
      "kubectl create deployment web --image=nginx:1.27 --replicas=3",
      "cat <<EOF | kubectl apply -f -",
      "sleep 30",
      "kubectl get pods -o wide",
      "kubectl get svc web",
      "echo $?",
      "kubectl get nope",
    ]);
    expect(lines[1]!.command.split("\n")).toHaveLength(11);
    expect(lines[5]!.output).toBe("0\n");
    expect(lines[6]!.exitCode).toBe(1);
  });

  it("refuses an unknown option with exit code 2", () => {
    const r = piped("", "--colour");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("sandbox: unknown option --colour\n");
  });
});

describe("npm run sandbox, in a terminal", () => {
  it("shows the prompt, runs commands across hosts and never echoes a password", () => {
    const screen = interactive("ssh tony@stapp01\nIr0nM@n\nwhoami\nsudo su -\nIr0nM@n\nwhoami\nexit\n", "--lab", "docker-macvlan-network", "--seed", "3");
    const shown = screen.split("\n");
    expect(shown).toContain("[thor@jump_host ~]$ ssh tony@stapp01");
    expect(shown).toContain("tony@stapp01's password: ");
    expect(shown).toContain("[sudo] password for tony: ");
    expect(shown).toContain("[tony@stapp01 ~]$ whoami");
    expect(shown).toContain("[root@stapp01 ~]# whoami");
    expect(shown.filter((l) => l === "root")).toHaveLength(1);
    // The pseudo-terminal's own echo of the typed input comes before the session starts.
    const session = screen.slice(screen.indexOf("[thor@jump_host ~]$"));
    expect(session).not.toContain("Ir0nM@n");
  });
});
