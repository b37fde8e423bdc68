// The English study note's graded Docker task, typed into a whole sandbox terminal: from the jump
// host over ssh to app server 1, root through sudo, then the macvlan network `news`, on the
// Docker 20.10 engine of the note's era and on a current engine.
import { describe, expect, it } from "vitest";
import { Sandbox } from "../sandbox";
import { dataCentre } from "../test/environments";
import { CURRENT_ENGINE, LEGACY_ENGINE } from "./versions";

const TASK = "docker network create -d macvlan --subnet=172.28.0.0/24 --ip-range=172.28.0.1/24 news";
const PASSWORD = "Ir0nM@n";

/** The learner's way in: ssh as tony with his password, then sudo su - with it again. */
function becomeRootOnStapp01(sb: Sandbox) {
  expect(sb.prompt()).toBe("[thor@jump_host ~]$ ");
  expect(sb.exec("ssh tony@stapp01")).toMatchObject({ output: "", waitingFor: "password", prompt: "tony@stapp01's password: " });
  expect(sb.exec(PASSWORD)).toMatchObject({ output: "", prompt: "[tony@stapp01 ~]$ " });
  expect(sb.exec("sudo su -")).toMatchObject({ output: "", waitingFor: "password", prompt: "[sudo] password for tony: " });
  const root = sb.exec(PASSWORD);
  expect(root).toMatchObject({ output: "", prompt: "[root@stapp01 ~]# " });
  expect(root.waitingFor).toBeUndefined();
}

// The note's transcript of `docker network inspect news` (Docker 20.10), with this run's id and time.
const TRANSCRIPT_INSPECT = (id: string, created: string) => `[
    {
        "Name": "news",
        "Id": "${id}",
        "Created": "${created}",
        "Scope": "local",
        "Driver": "macvlan",
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": {},
            "Config": [
                {
                    "Subnet": "172.28.0.0/24",
                    "IPRange": "172.28.0.1/24"
                }
            ]
        },
        "Internal": false,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": {
            "Network": ""
        },
        "ConfigOnly": false,
        "Containers": {},
        "Options": {},
        "Labels": {}
    }
]
`;

describe(`the note's task as typed, on Docker ${LEGACY_ENGINE}`, () => {
  const sb = Sandbox.create({ seed: 11, environment: dataCentre(LEGACY_ENGINE) });
  const seen: string[] = [];
  const run = (line: string) => {
    const r = sb.exec(line);
    seen.push(r.output, r.prompt);
    return r;
  };

  it("starts on the jump host, where there is no docker", () => {
    expect(run("whoami")).toMatchObject({ output: "thor\n", prompt: "[thor@jump_host ~]$ " });
    expect(run("docker ps")).toMatchObject({ output: "bash: docker: command not found\n", exitCode: 127 });
  });

  it("reaches root on stapp01 with ssh tony@stapp01 and sudo su -", () => {
    becomeRootOnStapp01(sb);
    expect(run("id -un; hostname")).toMatchObject({ output: "root\nstapp01\n", exitCode: 0 });
  });

  let id = "";
  it("lists no containers and the three predefined networks, in the transcript's layout", () => {
    expect(run("docker ps")).toMatchObject({ output: "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n", exitCode: 0 });
    const ls = run("docker network ls").output.split("\n");
    expect(ls[0]).toBe("NETWORK ID     NAME      DRIVER    SCOPE");
    expect(ls.slice(1)).toEqual([expect.stringMatching(/^[0-9a-f]{12} {3}bridge {4}bridge {4}local$/), expect.stringMatching(/^[0-9a-f]{12} {3}host {6}host {6}local$/), expect.stringMatching(/^[0-9a-f]{12} {3}none {6}null {6}local$/), ""]);
  });

  it("creates news with the ip-range as typed and prints its 64-hex id", () => {
    const r = run(TASK);
    expect(r).toMatchObject({ exitCode: 0, prompt: "[root@stapp01 ~]# " });
    expect(r.output).toMatch(/^[0-9a-f]{64}\n$/);
    id = r.output.trim();
  });

  it("shows news in docker network ls, sorted by name, with its short id", () => {
    const ls = run("docker network ls").output.split("\n");
    expect(ls[0]).toBe("NETWORK ID     NAME      DRIVER    SCOPE");
    expect(ls[3]).toBe(`${id.slice(0, 12)}   news      macvlan   local`);
    expect(ls.slice(1).map((l) => l.split(/ +/)[1])).toEqual(["bridge", "host", "news", "none", undefined]);
  });

  it("inspects news exactly as the note's transcript shows, with this run's id and creation time", () => {
    const out = run("docker network inspect news").output;
    const created = /"Created": "([^"]+)"/.exec(out)![1]!;
    // RFC 3339 with nanoseconds, at the sandbox's current second.
    expect(created.slice(0, 19)).toBe(new Date(sb.now()).toISOString().slice(0, 19));
    expect(created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(out).toBe(TRANSCRIPT_INSPECT(id, created));
    expect(JSON.parse(out)[0].Id).toBe(id);
    expect(run("docker network inspect -f '{{json .IPAM}}' news").output).toBe('{"Driver":"default","Options":{},"Config":[{"Subnet":"172.28.0.0/24","IPRange":"172.28.0.1/24"}]}\n');
  });

  it("goes back to the jump host with exit, and never shows the password", () => {
    expect(run("exit")).toMatchObject({ output: "logout\n", prompt: "[tony@stapp01 ~]$ " });
    expect(run("exit")).toMatchObject({ output: "logout\nConnection to stapp01 closed.\n", prompt: "[thor@jump_host ~]$ " });
    expect(seen.join("")).not.toContain(PASSWORD);
    expect(run("history").output).not.toContain(PASSWORD);
  });
});

describe("passwords and permissions on the way", () => {
  it("gives ssh three tries, with OpenSSH's texts on CentOS", () => {
    const sb = Sandbox.create({ seed: 12, environment: dataCentre(LEGACY_ENGINE) });
    sb.exec("ssh tony@stapp01");
    expect(sb.exec("ironman")).toMatchObject({ output: "Permission denied, please try again.\n", waitingFor: "password", prompt: "tony@stapp01's password: " });
    expect(sb.exec("IronMan")).toMatchObject({ output: "Permission denied, please try again.\n", waitingFor: "password" });
    expect(sb.exec("Ir0nMan")).toMatchObject({ output: "tony@stapp01: Permission denied (publickey,gssapi-keyex,gssapi-with-mic,password).\n", exitCode: 255, prompt: "[thor@jump_host ~]$ " });
  });

  it("refuses docker to tony without sudo, and says when the daemon is stopped", () => {
    const sb = Sandbox.create({ seed: 13, environment: dataCentre(LEGACY_ENGINE) });
    sb.exec("ssh tony@stapp01");
    sb.exec(PASSWORD);
    expect(sb.exec("docker network ls")).toMatchObject({
      output: 'Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/networks": dial unix /var/run/docker.sock: connect: permission denied\n',
      exitCode: 1,
    });
    expect(sb.exec("sudo systemctl stop docker")).toMatchObject({ waitingFor: "password", prompt: "[sudo] password for tony: " });
    expect(sb.exec(PASSWORD)).toMatchObject({ output: "", prompt: "[tony@stapp01 ~]$ " });
    // sudo remembers the password for five minutes.
    expect(sb.exec("sudo docker ps")).toMatchObject({ output: "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n", exitCode: 1 });
    const status = sb.exec("systemctl status docker");
    expect(status.exitCode).toBe(3);
    expect(status.output.split("\n").slice(0, 3)).toEqual([
      "● docker.service - Docker Application Container Engine",
      "   Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; vendor preset: disabled)",
      expect.stringMatching(/^ {3}Active: inactive \(dead\) since \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; \d+ms ago$/),
    ]);
    expect(sb.exec("sudo systemctl start docker").exitCode).toBe(0);
    expect(sb.exec("sudo docker ps")).toMatchObject({ output: "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n", exitCode: 0 });
  });
});

describe(`the same command on a current engine (Docker ${CURRENT_ENGINE})`, () => {
  const sb = Sandbox.create({ seed: 14, environment: dataCentre(CURRENT_ENGINE) });

  it("is refused with the daemon's validation message", () => {
    becomeRootOnStapp01(sb);
    expect(sb.exec("docker version --format '{{.Server.Version}}'").output).toBe(`${CURRENT_ENGINE}\n`);
    expect(sb.exec(TASK)).toMatchObject({ output: "Error response from daemon: invalid network config:\ninvalid ip-range 172.28.0.1/24: it should be 172.28.0.0/24\n", exitCode: 1 });
    expect(sb.exec("docker network ls --format '{{.Name}}'").output).toBe("bridge\nhost\nnone\n");
  });

  it("accepts the network address of the range", () => {
    const r = sb.exec("docker network create -d macvlan --subnet=172.28.0.0/24 --ip-range=172.28.0.0/24 news");
    expect(r).toMatchObject({ exitCode: 0 });
    expect(r.output).toMatch(/^[0-9a-f]{64}\n$/);
    const [net] = JSON.parse(sb.exec("docker network inspect news").output) as { Driver: string; EnableIPv4: boolean; IPAM: { Config: unknown[] } }[];
    expect(net).toMatchObject({ Driver: "macvlan", EnableIPv4: true, IPAM: { Config: [{ Subnet: "172.28.0.0/24", IPRange: "172.28.0.0/24" }] } });
  });

  it("accepts a /25 inside the subnet, and hands out addresses from it", () => {
    sb.exec("docker network rm news");
    expect(sb.exec("docker network create -d macvlan --subnet=172.28.0.0/24 --ip-range=172.28.0.128/25 news").exitCode).toBe(0);
    expect(sb.exec("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.IPRange}}{{end}}' news").output).toBe("172.28.0.0/24 172.28.0.128/25\n");
    sb.exec("docker run -d --name m1 --network news busybox sleep 600");
    sb.exec("docker run -d --name m2 --network news busybox sleep 600");
    const ip = (name: string) => sb.exec(`docker inspect -f '{{.NetworkSettings.Networks.news.IPAddress}}' ${name}`).output;
    expect([ip("m1"), ip("m2")]).toEqual(["172.28.0.128\n", "172.28.0.129\n"]);
  });

  it("still refuses a range bigger than its subnet, and one outside it", () => {
    expect(sb.exec("docker network create -d macvlan --subnet=10.1.0.0/24 --ip-range=10.1.0.0/23 big").output).toBe(
      "Error response from daemon: invalid network config:\ninvalid ip-range 10.1.0.0/23: CIDR block is bigger than its parent subnet 10.1.0.0/24\n",
    );
    expect(sb.exec("docker network create --subnet=10.2.0.0/24 --ip-range=10.2.1.0/24 outside")).toMatchObject({ output: "no matching subnet for range 10.2.1.0/24\n", exitCode: 1 });
  });
});

describe("name resolution typed on the app server", () => {
  for (const version of [LEGACY_ENGINE, CURRENT_ENGINE]) {
    it(`resolves names on a user-defined network and not on the default bridge (Docker ${version})`, () => {
      const sb = Sandbox.create({ seed: 15, environment: dataCentre(version) });
      becomeRootOnStapp01(sb);
      sb.exec("docker run -d --name web nginx");
      sb.exec("docker run -d --name client busybox sleep 3600");
      // busybox nslookup asks the host's resolver on the default bridge: the name is unknown there.
      const bridge = sb.exec("docker exec client nslookup web");
      expect(bridge.exitCode).toBe(1);
      expect(bridge.output).toContain("** server can't find web: NXDOMAIN\n");
      expect(sb.exec("docker exec client ping -c 1 web").output).toBe("ping: bad address 'web'\n");
      sb.exec("docker network create app");
      sb.exec("docker run -d --name api --network app nginx");
      sb.exec("docker run -d --name tester --network app busybox sleep 3600");
      const api = sb.exec("docker inspect -f '{{.NetworkSettings.Networks.app.IPAddress}}' api").output.trim();
      const named = sb.exec("docker exec tester nslookup api");
      expect(named.exitCode).toBe(0);
      expect(named.output).toBe(`Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tapi\nAddress: ${api}\n\nNon-authoritative answer:\n*** Can't find api: No answer\n\n`);
      expect(sb.exec("docker exec tester wget -qO- http://api").output).toContain("<title>Welcome to nginx!</title>");
    });
  }
});
