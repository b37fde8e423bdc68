import { describe, expect, it } from "vitest";
import { Random } from "../random";
import { dockerCommand } from "./cli";
import { humanDuration, humanSize } from "./format";
import { onDaemonStop } from "./state";
import { dockerSandbox, makeHost, splitLine } from "./testkit";

describe("daemon access", () => {
  it("says the daemon is down when the docker unit is stopped", () => {
    const d = dockerSandbox("20.10.7");
    d.host.units.docker!.active = "inactive";
    const msg = "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n";
    for (const cmd of ["docker ps", "docker network ls", "docker network create news", "docker images", "docker network inspect bridge"]) {
      expect(d.run(cmd)).toEqual({ stdout: "", stderr: msg, exitCode: 1 });
    }
    expect(d.run("docker run -d nginx").stderr).toBe("docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?.\nSee 'docker run --help'.\n");
    expect(d.run("docker run -d nginx").exitCode).toBe(125);
    // Usage errors come before any connection attempt.
    expect(d.run("docker network create").stderr).toMatch(/^"docker network create" requires exactly 1 argument\./);
  });

  it("refuses users outside the docker group, per client generation", () => {
    const cases: [string, string][] = [
      ["20.10.7", 'Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json": dial unix /var/run/docker.sock: connect: permission denied\n'],
      ["27.5.1", 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.47/containers/json": dial unix /var/run/docker.sock: connect: permission denied\n'],
      ["29.0.1", "permission denied while trying to connect to the docker API at unix:///var/run/docker.sock\n"],
    ];
    for (const [v, msg] of cases) expect(dockerSandbox(v).run("docker ps", { user: "tony" })).toEqual({ stdout: "", stderr: msg, exitCode: 1 });
    const d = dockerSandbox("20.10.7");
    expect(d.run("docker network create news", { user: "tony" }).stderr).toContain('Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/networks/create"');
    d.host.users.tony!.groups.push("docker");
    expect(d.run("docker ps", { user: "tony" }).exitCode).toBe(0);
  });

  it("stops containers with the daemon", () => {
    const d = dockerSandbox("28.3.3");
    d.run("docker run -d --name web nginx");
    d.run("docker run -d --name sleeper busybox sleep 600");
    d.host.units.docker!.active = "inactive";
    onDaemonStop(d.host.docker!, d.now());
    d.host.units.docker!.active = "active";
    expect(d.run("docker ps -a --format '{{.Names}} {{.Status}}'").stdout).toBe("sleeper Exited (137) Less than a second ago\nweb Exited (0) Less than a second ago\n");
  });
});

describe("docker run and ps", () => {
  it("pulls on first use and humanises times like go-units", () => {
    const d = dockerSandbox("20.10.7");
    const r = d.run("docker run -d --name web nginx");
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r.stderr).toMatch(/^Unable to find image 'nginx:latest' locally\nlatest: Pulling from library\/nginx\n([0-9a-f]{12}: Pull complete\n){7}Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for nginx:latest\n$/);
    d.advance(90_000);
    const ps = d.run("docker ps").stdout.split("\n");
    expect(ps[0]).toBe("CONTAINER ID   IMAGE     COMMAND                  CREATED              STATUS              PORTS     NAMES");
    expect(ps[1]).toBe(`${r.stdout.slice(0, 12)}   nginx     "/docker-entrypoint.…"   About a minute ago   Up About a minute   80/tcp    web`);
    expect(d.run("docker run -d --name web nginx").stderr).toBe(`docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${r.stdout.trim()}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n`);
  });

  it("runs short commands in the foreground and records their exit", () => {
    const d = dockerSandbox("28.3.3");
    const r = d.run("docker run --name hi busybox sh -c 'echo hello; echo oops >&2; exit 3'");
    expect(r.stdout).toBe("hello\n");
    expect(r.stderr.endsWith("oops\n")).toBe(true);
    expect(r.exitCode).toBe(3);
    d.advance(5000);
    expect(d.run("docker ps -a --format '{{.Names}}: {{.Status}}'").stdout).toBe("hi: Exited (3) 5 seconds ago\n");
    expect(d.run("docker run --rm busybox echo gone").stdout).toBe("gone\n");
    expect(d.run("docker ps -aq").stdout.trim().split("\n")).toHaveLength(1);
  });

  it("generates adjective_surname names", () => {
    const d = dockerSandbox("28.3.3");
    d.run("docker run -d busybox sleep 60");
    expect(d.run("docker ps --format {{.Names}}").stdout).toMatch(/^[a-z]+_[a-z]+\n$/);
  });

  it("reports a missing executable like runc", () => {
    const old = dockerSandbox("20.10.7").run("docker run busybox nope");
    expect(old.exitCode).toBe(127);
    expect(old.stderr).toMatch(/^Unable to find image 'busybox:latest' locally\n/);
    expect(old.stderr).toContain('docker: Error response from daemon: OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "nope": executable file not found in $PATH: unknown.\nSee \'docker run --help\'.\nERRO[0000] error waiting for container: context canceled\n');
    const cur = dockerSandbox("28.3.3").run("docker run busybox exit 3");
    expect(cur.exitCode).toBe(127);
    expect(cur.stderr).toContain('docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "exit": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n');
  });

  it("reports pull errors from the registry", () => {
    const d = dockerSandbox("20.10.7");
    expect(d.run("docker pull nope")).toEqual({
      stdout: "Using default tag: latest\n",
      stderr: "Error response from daemon: pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      exitCode: 1,
    });
    expect(d.run("docker pull nginx:nope").stderr).toBe("Error response from daemon: manifest for nginx:nope not found: manifest unknown: manifest unknown\n");
    const ok = d.run("docker pull nginx");
    expect(ok.stdout).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/nginx\n[\s\S]*Status: Downloaded newer image for nginx:latest\ndocker\.io\/library\/nginx:latest\n$/);
    expect(d.run("docker pull nginx").stdout).toMatch(/Digest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for nginx:latest\ndocker\.io\/library\/nginx:latest\n$/);
    expect(d.run("docker pull registry.k8s.io/pause:3.10").stdout).toMatch(/^3\.10: Pulling from pause\n/);
    expect(d.run("docker images").stdout.split("\n")[0]).toBe(`${"REPOSITORY".padEnd(24)}TAG       IMAGE ID       CREATED        SIZE`);
    expect(d.run("docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}'").stdout).toBe("nginx:latest 192MB\nregistry.k8s.io/pause:3.10 736kB\n");
  });

  it("stops, starts, restarts and removes", () => {
    const d = dockerSandbox("20.10.7");
    d.run("docker run -d --name web nginx");
    d.run("docker run -d --name s busybox sleep 3600");
    const id = d.run("docker inspect -f {{.Id}} web").stdout.trim();
    expect(d.run("docker rm web").stderr).toBe(`Error response from daemon: You cannot remove a running container ${id}. Stop the container before attempting removal or force remove\n`);
    expect(dockerSandbox("28.3.3").run("docker rm nope").stderr).toBe("Error response from daemon: No such container: nope\n");
    expect(d.run("docker rm nope").stderr).toBe("Error: No such container: nope\n");
    expect(d.run("docker stop web s").stdout).toBe("web\ns\n");
    expect(d.run("docker ps -a --format '{{.Names}} {{.Status}}'").stdout).toBe("s Exited (137) Less than a second ago\nweb Exited (0) Less than a second ago\n");
    expect(d.run("docker start web").stdout).toBe("web\n");
    expect(d.run("docker restart web").stdout).toBe("web\n");
    expect(d.run("docker rm -f web").stdout).toBe("web\n");
    expect(d.run("docker exec s hostname").stderr).toMatch(/^Error response from daemon: Container [0-9a-f]{64} is not running\n$/);
    const cur = dockerSandbox("28.3.3");
    cur.run("docker run -d --name web nginx");
    expect(cur.run("docker rm web").stderr).toBe('Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n');
  });

  it("shows logs of a looping busybox, lazily", () => {
    const d = dockerSandbox("28.3.3");
    d.run("docker run -d --name ticker busybox sh -c 'while true; do echo tick; sleep 5; done'");
    d.advance(12_000);
    expect(d.run("docker logs ticker").stdout).toBe("tick\ntick\ntick\n");
    d.advance(7 * 24 * 3600 * 1000);
    expect(d.run("docker logs --tail 2 ticker").stdout).toBe("tick\ntick\n");
    expect(d.run("docker logs -t --tail 1 ticker").stdout).toMatch(/^2025-03-08T10:00:1\d\.\d+Z tick\n$/);
  });

  it("execs the course's network tools with the image's tool set", () => {
    const d = dockerSandbox("28.3.3");
    d.run("docker network create app");
    d.run("docker run -d --name web --network app nginx");
    d.run("docker run -d --name bb --network app busybox sleep 3600");
    expect(d.run("docker exec web curl -s http://bb").stderr).toBe("");
    expect(d.run("docker exec web curl http://nope").stderr).toBe("curl: (6) Could not resolve host: nope\n");
    expect(d.run("docker exec web curl -s -o /dev/null -w '%{http_code}' localhost").stdout).toBe("200");
    expect(d.run("docker exec web ping -c 1 bb")).toEqual({ stdout: "", stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown\n', exitCode: 127 });
    expect(d.run("docker exec bb hostname").stdout).toBe(`${d.run("docker inspect -f {{.Id}} bb").stdout.slice(0, 12)}\n`);
    expect(d.run("docker exec bb cat /etc/hosts").stdout).toMatch(/\n172\.18\.0\.3\t[0-9a-f]{12}\n$/);
    d.run("docker run -d --name al --network app alpine sleep 3600");
    expect(d.run("docker exec al getent hosts web").stdout).toBe("172.18.0.2      web\n");
    expect(d.run("docker exec bb getent hosts web").exitCode).toBe(127);
    expect(d.run("docker exec bb ip addr").stdout).toMatch(/eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n    link\/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff\n    inet 172\.18\.0\.3\/16 brd 172\.18\.255\.255 scope global eth0\n/);
    expect(d.run("docker exec bb cat /etc/resolv.conf").stdout).toContain("nameserver 127.0.0.11\n");
  });
});

describe("formatting helpers", () => {
  it("humanises durations and sizes like go-units", () => {
    expect([0, 1000, 59_000, 60_000, 119_000, 120_000, 3_600_000, 5_400_000, 50 * 3_600_000, 15 * 86_400_000].map(humanDuration)).toEqual([
      "Less than a second",
      "1 second",
      "59 seconds",
      "About a minute",
      "About a minute",
      "2 minutes",
      "About an hour",
      "2 hours",
      "2 days",
      "2 weeks",
    ]);
    expect([191_998_640, 4_269_676, 736_000, 999_900, 12].map((n) => humanSize(n))).toEqual(["192MB", "4.27MB", "736kB", "1e+03kB", "12B"]);
  });
});

describe("state", () => {
  it("round-trips through JSON and replays identically", () => {
    const script = [
      "docker network create -d macvlan --subnet=172.28.0.0/24 --ip-range=172.28.0.0/25 -o parent=eth0 news",
      "docker network create app",
      "docker run -d --name web --network app nginx",
      "docker run -d --network app busybox sh -c 'while true; do date; sleep 3; done'",
    ];
    const a = dockerSandbox("28.3.3", { seed: 99 });
    for (const l of script) a.run(l);
    const snapshot = JSON.stringify({ host: a.host, random: a.world.random.state() });
    const restored = JSON.parse(snapshot) as { host: ReturnType<typeof makeHost>; random: [number, number, number, number] };
    expect(JSON.stringify({ host: restored.host, random: restored.random })).toBe(snapshot);
    // Continue both and compare outputs.
    const random = new Random(restored.random);
    let now = a.now();
    const world = { now: () => now, random, hosts: { [restored.host.name]: restored.host } };
    const runB = (line: string) => dockerCommand({ name: "docker", args: splitLine(line).slice(1), stdin: "", env: {}, cwd: "/root", user: "root", host: restored.host, world });
    for (const l of ["docker run -d --name c --network app busybox sleep 60", "docker network inspect app", "docker ps -a", "docker exec c wget -qO- http://web"]) {
      a.advance(10_000);
      now += 10_000;
      expect(runB(l)).toEqual(a.run(l));
    }
  });
});

describe("docker run: the pull progress comes before the container's ID or output", () => {
  for (const version of ["20.10.7", "24.0.7", "27.5.1", "28.3.3"]) {
    it(`on ${version}`, () => {
      const d = dockerSandbox(version);
      const r = d.run("docker run -d --name web nginx");
      expect(r.ordered?.map(([fd]) => fd)).toEqual([2, 1]);
      expect(r.ordered?.[0]?.[1]).toMatch(/^Unable to find image 'nginx:latest' locally\n[\s\S]*Status: Downloaded newer image for nginx:latest\n$/);
      expect(r.ordered?.[1]?.[1]).toBe(r.stdout);
      // Attached, the container's own output follows the pull.
      const echo = d.run("docker run --rm busybox echo hello");
      expect(echo.ordered?.map(([fd, text]) => (fd === 1 ? text : text.split("\n")[0]))).toEqual(["Unable to find image 'busybox:latest' locally", "hello\n"]);
      // Nothing to pull: only the ID.
      expect(d.run("docker run -d nginx").ordered?.map(([fd]) => fd)).toEqual([1]);
    });
  }
});

describe("docker inspect: EndpointSettings per engine release", () => {
  const endpoint = (version: string) => {
    const d = dockerSandbox(version);
    d.run("docker network create app");
    const id = d.run("docker run -d --name web --network app --network-alias www nginx").stdout.trim();
    const j = JSON.parse(d.run("docker inspect web").stdout) as { NetworkSettings: { Networks: Record<string, Record<string, unknown>> } }[];
    return { id: id.slice(0, 12), app: j[0]!.NetworkSettings.Networks.app!, bridge: (() => {
      d.run("docker run -d --name plain nginx");
      return (JSON.parse(d.run("docker inspect plain").stdout) as { NetworkSettings: { Networks: Record<string, Record<string, unknown>> } }[])[0]!.NetworkSettings.Networks.bridge!;
    })() };
  };

  it("20.10 (API 1.41): no DNSNames, MacAddress and DriverOpts last, the short ID among the aliases", () => {
    const { id, app, bridge } = endpoint("20.10.7");
    expect(Object.keys(app)).toEqual(["IPAMConfig", "Links", "Aliases", "NetworkID", "EndpointID", "Gateway", "IPAddress", "IPPrefixLen", "IPv6Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen", "MacAddress", "DriverOpts"]);
    expect(app.Aliases).toEqual(["www", id]);
    expect(bridge.Aliases).toBeNull();
    expect(Object.keys(bridge)).not.toContain("DNSNames");
  });

  it("25.0 (API 1.44): DNSNames appear, the short ID is still an alias", () => {
    const { id, app, bridge } = endpoint("25.0.3");
    expect(Object.keys(app)).toEqual(["IPAMConfig", "Links", "Aliases", "MacAddress", "DriverOpts", "NetworkID", "EndpointID", "Gateway", "IPAddress", "IPPrefixLen", "IPv6Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen", "DNSNames"]);
    expect(app.Aliases).toEqual(["www", id]);
    // buildEndpointDNSNames: name, aliases, short ID, hostname (the short ID again: deduplicated).
    expect(app.DNSNames).toEqual(["web", "www", id]);
    expect(bridge.DNSNames).toBeNull();
  });

  it("27.5 (API 1.47): aliases are what was asked for", () => {
    const { app } = endpoint("27.5.1");
    expect(app.Aliases).toEqual(["www"]);
    expect(Object.keys(app)).not.toContain("GwPriority");
  });

  it("28.3 (API 1.51): GwPriority after DriverOpts", () => {
    const { id, app } = endpoint("28.3.3");
    expect(Object.keys(app)).toEqual(["IPAMConfig", "Links", "Aliases", "MacAddress", "DriverOpts", "GwPriority", "NetworkID", "EndpointID", "Gateway", "IPAddress", "IPPrefixLen", "IPv6Gateway", "GlobalIPv6Address", "GlobalIPv6PrefixLen", "DNSNames"]);
    expect(app.GwPriority).toBe(0);
    expect(app.DNSNames).toEqual(["web", "www", id]);
  });
});

describe("docker image inspect per engine release", () => {
  const keys = (version: string) => {
    const d = dockerSandbox(version);
    d.run("docker pull nginx");
    return JSON.parse(d.run("docker image inspect nginx").stdout)[0] as Record<string, unknown> & { Config: Record<string, unknown> };
  };

  it("20.10 (API 1.41): Container, ContainerConfig and VirtualSize", () => {
    const i = keys("20.10.7");
    expect(Object.keys(i)).toEqual(["Id", "RepoTags", "RepoDigests", "Parent", "Comment", "Created", "Container", "ContainerConfig", "DockerVersion", "Author", "Config", "Architecture", "Os", "Size", "VirtualSize", "GraphDriver", "RootFS", "Metadata"]);
    expect(i.VirtualSize).toBe(i.Size);
    expect((i.ContainerConfig as Record<string, unknown>).Cmd).toBeNull();
  });

  it("25.0 (API 1.44) drops VirtualSize, 26.0 (API 1.45) the build container", () => {
    expect(Object.keys(keys("25.0.3"))).toContain("ContainerConfig");
    expect(Object.keys(keys("25.0.3"))).not.toContain("VirtualSize");
    expect(Object.keys(keys("27.5.1"))).not.toContain("ContainerConfig");
  });

  it("28.2 (API 1.50) keeps only the image's own fields in Config", () => {
    expect(Object.keys(keys("27.5.1").Config)).toContain("Hostname");
    expect(Object.keys(keys("28.3.3").Config)).toEqual(["User", "ExposedPorts", "Env", "Cmd", "Volumes", "WorkingDir", "Entrypoint", "OnBuild", "Labels", "StopSignal"]);
  });
});
