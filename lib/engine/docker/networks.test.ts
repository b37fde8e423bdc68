import { describe, expect, it } from "vitest";
import { dockerSandbox } from "./testkit";

const TASK = "docker network create -d macvlan --subnet=172.28.0.0/24 --ip-range=172.28.0.1/24 news";

describe("the course's seed task on a Docker 20.10 app server", () => {
  it("lists the predefined networks in the transcript's layout", () => {
    const d = dockerSandbox("20.10.7");
    const r = d.run("docker network ls");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("NETWORK ID     NAME      DRIVER    SCOPE");
    expect(lines[1]).toMatch(/^[0-9a-f]{12} {3}bridge {4}bridge {4}local$/);
    expect(lines[2]).toMatch(/^[0-9a-f]{12} {3}host {6}host {6}local$/);
    expect(lines[3]).toMatch(/^[0-9a-f]{12} {3}none {6}null {6}local$/);
    expect(d.run("docker ps").stdout).toBe("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
  });

  it("creates news, prints a 64-hex id, and inspects with the 20.10 JSON shape", () => {
    const d = dockerSandbox("20.10.7");
    const created = d.run(TASK);
    expect(created.exitCode).toBe(0);
    expect(created.stderr).toBe("");
    expect(created.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const id = created.stdout.trim();
    const ls = d.run("docker network ls").stdout.split("\n");
    expect(ls[3]).toBe(`${id.slice(0, 12)}   news      macvlan   local`);
    const inspect = d.run("docker network inspect news");
    const createdAt = /"Created": "([^"]+)"/.exec(inspect.stdout)![1]!;
    expect(createdAt).toMatch(/^2025-03-01T10:00:00\.\d{1,9}Z$/);
    expect(inspect.stdout).toBe(`[
    {
        "Name": "news",
        "Id": "${id}",
        "Created": "${createdAt}",
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
`);
  });
});

describe("the same command on current engines", () => {
  it("is refused from Engine 25 on, with the daemon's two-line message", () => {
    for (const v of ["25.0.5", "27.5.1", "28.3.3"]) {
      const r = dockerSandbox(v).run(TASK);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe("Error response from daemon: invalid network config:\ninvalid ip-range 172.28.0.1/24: it should be 172.28.0.0/24\n");
    }
  });

  it("is accepted by Engine 24, which only validated in the logs", () => {
    expect(dockerSandbox("24.0.7").run(TASK).exitCode).toBe(0);
  });

  it("is masked by the Docker 29 CLI, which parses --ip-range as a CIDR", () => {
    const d = dockerSandbox("29.0.1");
    expect(d.run(TASK).exitCode).toBe(0);
    expect(d.run("docker network inspect -f '{{range .IPAM.Config}}{{.IPRange}}{{end}}' news").stdout).toBe("172.28.0.0/24\n");
  });

  it("accepts the network address or a /25 inside the subnet", () => {
    const d = dockerSandbox("28.3.3");
    expect(d.run("docker network create -d macvlan --subnet=172.28.0.0/24 --ip-range=172.28.0.0/24 news").exitCode).toBe(0);
    const r = d.run("docker network create -d macvlan --subnet=172.29.0.0/24 --ip-range=172.29.0.128/25 -o parent=eth0.10 half");
    expect(r.stderr).toBe("");
    const inspect = d.run("docker network inspect news").stdout;
    expect(inspect).toContain('        "Driver": "macvlan",\n        "EnableIPv4": true,\n        "EnableIPv6": false,\n');
  });

  it("bullets several IPAM errors", () => {
    const r = dockerSandbox("28.3.3").run("docker network create --subnet 10.1.2.3/16 --ip-range 10.1.0.1/24 bad");
    expect(r.stderr).toBe("Error response from daemon: invalid network config:\n* invalid subnet 10.1.2.3/16: it should be 10.1.0.0/16\n* invalid ip-range 10.1.0.1/24: it should be 10.1.0.0/24\n");
  });
});

describe("network create validation", () => {
  const cases: [string, string, string, string][] = [
    // version, command, stderr, (exit code as string)
    ["20.10.7", "docker network create --ip-range 10.0.0.0/24 x", "every ip-range or gateway must have a corresponding subnet\n", "1"],
    ["28.3.3", "docker network create --gateway 10.0.0.1 x", "every ip-range or gateway must have a corresponding subnet\n", "1"],
    ["28.3.3", "docker network create --subnet 10.0.0.0/24 --ip-range 10.0.1.0/25 x", "no matching subnet for range 10.0.1.0/25\n", "1"],
    ["28.3.3", "docker network create --subnet 10.0.0.0/24 --gateway 10.0.1.1 x", "no matching subnet for gateway 10.0.1.1\n", "1"],
    ["28.3.3", "docker network create --subnet 10.0.0.0/24 --aux-address router=10.0.9.9 x", "no matching subnet for aux-address 10.0.9.9\n", "1"],
    ["28.3.3", "docker network create --subnet 10.0.0.0/24 --ip-range 10.0.0.0/16 x", "Error response from daemon: invalid network config:\ninvalid ip-range 10.0.0.0/16: CIDR block is bigger than its parent subnet 10.0.0.0/24\n", "1"],
    ["28.3.3", "docker network create --subnet 10.0.0.1/24 x", "Error response from daemon: invalid network config:\ninvalid subnet 10.0.0.1/24: it should be 10.0.0.0/24\n", "1"],
    ["28.3.3", "docker network create --subnet 10.0.0.0/24 --subnet 10.0.0.0/16 x", "multiple overlapping subnet configuration is not supported\n", "1"],
    ["28.3.3", "docker network create --subnet 172.17.5.0/24 x", "Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n", "1"],
    ["24.0.7", "docker network create --subnet 172.17.5.0/24 x", "Error response from daemon: Pool overlaps with other one on this address space\n", "1"],
    ["20.10.7", "docker network create --subnet 172.17.5.0/24 x", "Error response from daemon: Pool overlaps with other one on this address space\n", "1"],
    ["20.10.7", "docker network create bridge", "Error response from daemon: operation is not permitted on predefined bridge network \n", "1"],
    ["28.3.3", "docker network create -d overlay ov", 'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n', "1"],
    ["28.3.3", "docker network create -d nope x", 'Error response from daemon: plugin "nope" not found\n', "1"],
    ["28.3.3", "docker network create -d host h2", 'Error response from daemon: only one instance of "host" network is allowed\n', "1"],
    ["20.10.7", "docker network create -d macvlan -o macvlan_mode=foo mv", "Error response from daemon: requested macvlan mode 'foo' is not valid, 'bridge' mode is the macvlan driver default\n", "1"],
    ["20.10.7", "docker network create -d ipvlan -o ipvlan_mode=l4 iv", "Error response from daemon: requested ipvlan mode 'l4' is not valid, 'l2' mode is the ipvlan driver default\n", "1"],
    ["28.3.3", "docker network create -d macvlan -o parent=lo mv", "Error response from daemon: loopback interface is not a valid macvlan parent link\n", "1"],
    ["28.3.3", "docker network create -d macvlan -o parent=eth7 mv", "Error response from daemon: invalid subinterface vlan name eth7, example formatting is eth0.10\n", "1"],
    ["20.10.7", "docker network create --foo x", "unknown flag: --foo\nSee 'docker network create --help'.\n", "125"],
  ];
  it.each(cases)("%s: %s", (version, cmd, stderr, code) => {
    const r = dockerSandbox(version).run(cmd);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(Number(code));
  });

  it("accepts a bigger ip-range and host bits on 20.10, as typed", () => {
    const d = dockerSandbox("20.10.7");
    expect(d.run("docker network create --subnet 10.0.0.1/24 --ip-range 10.0.0.0/16 x").exitCode).toBe(0);
    expect(d.run("docker network inspect -f '{{json .IPAM.Config}}' x").stdout).toBe('[{"Subnet":"10.0.0.1/24","IPRange":"10.0.0.0/16"}]\n');
  });

  it("refuses a duplicate name", () => {
    for (const v of ["20.10.7", "28.3.3"]) {
      const d = dockerSandbox(v);
      d.run(TASK.replace("--ip-range=172.28.0.1/24 ", ""));
      expect(d.run("docker network create news").stderr).toBe("Error response from daemon: network with name news already exists\n");
    }
  });

  it("prints the usage error for a missing name, per CLI generation", () => {
    expect(dockerSandbox("20.10.7").run("docker network create").stderr).toBe(
      "\"docker network create\" requires exactly 1 argument.\nSee 'docker network create --help'.\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n",
    );
    expect(dockerSandbox("28.3.3").run("docker network create").stderr).toBe(
      "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n",
    );
  });

  it("allows one macvlan per parent on 20.10, several on 28 (but not beside passthru)", () => {
    const old = dockerSandbox("20.10.7");
    const first = old.run("docker network create -d macvlan --subnet 192.168.50.0/24 -o parent=eth0 mv1").stdout.trim();
    expect(old.run("docker network create -d macvlan --subnet 192.168.60.0/24 -o parent=eth0 mv2").stderr).toBe(`Error response from daemon: network dm-${first.slice(0, 12)} is already using parent interface eth0\n`);
    // Without a parent each network gets its own dummy link, so no conflict.
    expect(old.run("docker network create -d macvlan mv3").exitCode).toBe(0);
    const cur = dockerSandbox("28.3.3");
    cur.run("docker network create -d macvlan --subnet 192.168.50.0/24 -o parent=eth0 mv1");
    expect(cur.run("docker network create -d macvlan --subnet 192.168.60.0/24 -o parent=eth0 mv2").exitCode).toBe(0);
    const third = cur.run("docker network create -d macvlan --subnet 192.168.70.0/24 -o parent=eth0 -o macvlan_mode=passthru mv3");
    expect(third.stderr).toMatch(/^Error response from daemon: cannot use mode passthru, macvlan network [0-9a-f]{64} is already using parent interface eth0\n$/);
  });
});

describe("automatic subnets", () => {
  it("follows the default address pools, first fit", () => {
    const d = dockerSandbox("28.3.3");
    const subnets: string[] = [];
    for (let i = 1; i <= 17; i++) {
      d.run(`docker network create n${i}`);
      subnets.push(d.run(`docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}/{{.Gateway}}{{end}}' n${i}`).stdout.trim());
    }
    expect(subnets.slice(0, 3)).toEqual(["172.18.0.0/16/172.18.0.1", "172.19.0.0/16/172.19.0.1", "172.20.0.0/16/172.20.0.1"]);
    expect(subnets[13]).toBe("172.31.0.0/16/172.31.0.1");
    expect(subnets[14]).toBe("192.168.0.0/20/192.168.0.1");
    expect(subnets[15]).toBe("192.168.16.0/20/192.168.16.1");
    d.run("docker network rm n2");
    d.run("docker network create again");
    expect(d.run("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' again").stdout).toBe("172.19.0.0/16\n");
  });

  it("runs out after 30 networks, with each engine's message", () => {
    for (const [v, msg] of [
      ["20.10.7", "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network"],
      ["28.3.3", "all predefined address pools have been fully subnetted"],
    ] as const) {
      const d = dockerSandbox(v);
      for (let i = 0; i < 30; i++) expect(d.run(`docker network create n${i}`).exitCode).toBe(0);
      expect(d.run("docker network create one-too-many").stderr).toBe(`Error response from daemon: ${msg}\n`);
    }
  });
});

describe("network ls", () => {
  function withNetworks() {
    const d = dockerSandbox("20.10.7");
    d.run("docker network create --label env=prod app10");
    d.run("docker network create app9");
    d.run("docker network create -d macvlan --subnet 10.9.0.0/24 lan");
    return d;
  }
  it("sorts by name, naturally", () => {
    const names = withNetworks()
      .run("docker network ls --format {{.Name}}")
      .stdout.trim()
      .split("\n");
    expect(names).toEqual(["app9", "app10", "bridge", "host", "lan", "none"]);
  });
  it("filters by driver, name, label and type", () => {
    const d = withNetworks();
    expect(d.run("docker network ls -f driver=macvlan --format {{.Name}}").stdout).toBe("lan\n");
    expect(d.run("docker network ls --filter name=app --format {{.Name}}").stdout).toBe("app9\napp10\n");
    expect(d.run("docker network ls --filter label=env=prod --format {{.Name}}").stdout).toBe("app10\n");
    expect(d.run("docker network ls --filter type=builtin --format {{.Name}}").stdout).toBe("bridge\nhost\nnone\n");
    expect(d.run("docker network ls --filter foo=bar").stderr).toBe("Error response from daemon: invalid filter 'foo'\n");
  });
  it("prints ids with -q, full ids with --no-trunc, and custom tables", () => {
    const d = withNetworks();
    const q = d.run("docker network ls -q").stdout.trim().split("\n");
    expect(q).toHaveLength(6);
    for (const id of q) expect(id).toMatch(/^[0-9a-f]{12}$/);
    const full = d.run("docker network ls -q --no-trunc").stdout.trim().split("\n");
    for (const id of full) expect(id).toMatch(/^[0-9a-f]{64}$/);
    const table = d.run("docker network ls --format 'table {{.Name}}\\t{{.Driver}}' --filter name=lan").stdout;
    expect(table).toBe("NAME      DRIVER\nlan       macvlan\n");
    expect(d.run("docker network ls --format '{{.ID}} {{.Driver}}' -f name=lan").stdout).toMatch(/^[0-9a-f]{12} macvlan\n$/);
    expect(d.run("docker network ls --format {{.Nope}}").stderr).toBe('template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.networkContext\n');
  });
});

describe("network inspect", () => {
  it("answers --format templates", () => {
    const d = dockerSandbox("28.3.3");
    d.run("docker network create -d macvlan --subnet 172.28.0.0/24 --ip-range 172.28.0.128/25 --gateway 172.28.0.1 -o parent=eth0 news");
    const f = (t: string) => d.run(`docker network inspect --format '${t}' news`).stdout;
    expect(f("{{.Driver}}")).toBe("macvlan\n");
    expect(f("{{json .IPAM}}")).toBe('{"Driver":"default","Options":{},"Config":[{"Subnet":"172.28.0.0/24","IPRange":"172.28.0.128/25","Gateway":"172.28.0.1"}]}\n');
    expect(f("{{range .IPAM.Config}}{{.Subnet}}{{end}}")).toBe("172.28.0.0/24\n");
    expect(f('{{index .Options "parent"}}')).toBe("eth0\n");
    expect(f("{{.Id}}")).toMatch(/^[0-9a-f]{64}\n$/);
    expect(f("{{.ID}}")).toBe(f("{{.Id}}"));
    expect(f("{{.Options}}")).toBe("map[parent:eth0]\n");
    expect(f("{{.Nope}}")).toBe("<no value>\n");
  });

  it("reports unknown networks the way each client does", () => {
    const old = dockerSandbox("20.10.7").run("docker network inspect nope");
    expect([old.stdout, old.stderr, old.exitCode]).toEqual(["[]\n", "Error: No such network: nope\n", 1]);
    const cur = dockerSandbox("28.3.3").run("docker network inspect nope");
    expect([cur.stdout, cur.stderr, cur.exitCode]).toEqual(["[]\n", "Error response from daemon: network nope not found\n", 1]);
  });

  it("shows the default bridge with its options", () => {
    const out = dockerSandbox("20.10.7").run("docker network inspect bridge").stdout;
    expect(out).toContain('            "Options": null,\n            "Config": [\n                {\n                    "Subnet": "172.17.0.0/16",\n                    "Gateway": "172.17.0.1"\n                }\n            ]');
    expect(out).toContain('        "Options": {\n            "com.docker.network.bridge.default_bridge": "true",\n            "com.docker.network.bridge.enable_icc": "true",\n            "com.docker.network.bridge.enable_ip_masquerade": "true",\n            "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",\n            "com.docker.network.bridge.name": "docker0",\n            "com.docker.network.driver.mtu": "1500"\n        },');
  });
});

describe("rm, prune, connect, disconnect", () => {
  it("refuses to remove predefined networks and networks in use", () => {
    const old = dockerSandbox("20.10.7");
    expect(old.run("docker network rm bridge").stderr).toBe("Error response from daemon: bridge is a pre-defined network and cannot be removed\n");
    const id = old.run("docker network create app").stdout.trim();
    old.run("docker run -d --name web --network app nginx");
    expect(old.run("docker network rm app").stderr).toBe(`Error response from daemon: error while removing network: network app id ${id} has active endpoints\n`);
    old.run("docker stop web");
    expect(old.run("docker network rm app")).toEqual({ stdout: "app\n", stderr: "", exitCode: 0 });
    expect(old.run("docker network rm nope").stderr).toBe("Error: No such network: nope\n");

    const cur = dockerSandbox("28.3.3");
    cur.run("docker network create app");
    cur.run("docker run -d --name web --network app nginx");
    expect(cur.run("docker network rm app").stderr).toMatch(/^Error response from daemon: error while removing network: network app has active endpoints \(name:"web" id:"[0-9a-f]{12}"\)\n$/);
    expect(cur.run("docker network rm nope").stderr).toBe("Error response from daemon: network nope not found\n");
  });

  it("prunes after the prompt, or with -f", () => {
    const d = dockerSandbox("20.10.7");
    d.run("docker network create unused");
    d.run("docker network create busy");
    d.run("docker run -d --network busy --name b busybox sleep 600");
    const prompt = "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ";
    expect(d.run("docker network prune")).toEqual({ stdout: prompt, stderr: "", exitCode: 0 });
    expect(d.run("docker network ls --format {{.Name}} -f name=unused").stdout).toBe("unused\n");
    expect(d.run("docker network prune", { stdin: "y\n" }).stdout).toBe(`${prompt}Deleted Networks:\nunused\n\n`);
    d.run("docker network create unused2");
    expect(d.run("docker network prune -f").stdout).toBe("Deleted Networks:\nunused2\n\n");
    expect(d.run("docker network ls --format {{.Name}} -f name=busy").stdout).toBe("busy\n");
  });

  it("connects with --ip and --alias, and disconnects", () => {
    const d = dockerSandbox("28.3.3");
    d.run("docker network create --subnet 10.5.0.0/24 backend");
    d.run("docker run -d --name web nginx");
    d.run("docker run -d --name client --network backend busybox sleep 3600");
    expect(d.run("docker network connect --ip 10.5.0.50 --alias www backend web")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(d.run("docker inspect -f {{.NetworkSettings.Networks.backend.IPAddress}} web").stdout).toBe("10.5.0.50\n");
    expect(d.run("docker exec client nslookup www").stdout).toContain("Address: 10.5.0.50\n");
    expect(d.run("docker network connect backend web").stderr).toBe("Error response from daemon: endpoint with name web already exists in network backend\n");
    expect(d.run("docker network connect --ip 10.5.0.7 bridge client").stderr).toBe("Error response from daemon: user specified IP address is supported on user defined networks only\n");
    expect(d.run("docker network disconnect backend web").exitCode).toBe(0);
    const webId = d.run("docker inspect -f {{.Id}} web").stdout.trim();
    expect(d.run("docker network disconnect backend web").stderr).toBe(`Error response from daemon: container ${webId} is not connected to network backend\n`);
    expect(d.run("docker exec client nslookup www").exitCode).toBe(1);
  });
});

describe("container addressing", () => {
  it("draws addresses from the ip-range, serially, around the gateway and aux addresses", () => {
    const d = dockerSandbox("20.10.7");
    d.run("docker network create --subnet 10.10.0.0/24 --ip-range 10.10.0.128/25 --gateway 10.10.0.1 --aux-address host1=10.10.0.129 app");
    const ip = (name: string) => d.run(`docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ${name}`).stdout.trim();
    d.run("docker run -d --name a --network app busybox sleep 600");
    d.run("docker run -d --name b --network app busybox sleep 600");
    expect([ip("a"), ip("b")]).toEqual(["10.10.0.128", "10.10.0.130"]);
    d.run("docker rm -f a");
    d.run("docker run -d --name c --network app busybox sleep 600");
    expect(ip("c")).toBe("10.10.0.131");
    d.run("docker run -d --name e --network app --ip 10.10.0.5 busybox sleep 600");
    expect(ip("e")).toBe("10.10.0.5");
    expect(d.run("docker run -d --name f --network app --ip 10.10.0.5 busybox sleep 600").stderr).toBe("docker: Error response from daemon: Address already in use.\nSee 'docker run --help'.\n");
  });

  it("starts macvlan containers after the implicit gateway on 20.10, at .1 on 28", () => {
    for (const [v, first] of [
      ["20.10.7", "172.28.0.2"],
      ["28.3.3", "172.28.0.1"],
    ] as const) {
      const d = dockerSandbox(v);
      d.run("docker network create -d macvlan --subnet=172.28.0.0/24 --ip-range=172.28.0.0/24 news");
      d.run("docker run -d --name m --network news busybox sleep 600");
      expect(d.run("docker inspect -f {{.NetworkSettings.Networks.news.IPAddress}} m").stdout).toBe(`${first}\n`);
    }
  });

  it("lists attached containers in network inspect", () => {
    const d = dockerSandbox("20.10.7");
    d.run("docker network create app");
    const id = d.run("docker run -d --name web --network app nginx").stdout.trim();
    const info = JSON.parse(d.run("docker network inspect app").stdout) as { Containers: Record<string, { Name: string; IPv4Address: string; MacAddress: string }> }[];
    expect(info[0]!.Containers[id]).toMatchObject({ Name: "web", IPv4Address: "172.18.0.2/16", MacAddress: "02:42:ac:12:00:02" });
  });
});

describe("names and reachability", () => {
  it("resolves container names on user-defined networks only", () => {
    const d = dockerSandbox("28.3.3");
    d.run("docker network create app");
    d.run("docker run -d --name web --network app nginx");
    d.run("docker run -d --name client --network app busybox sleep 3600");
    d.run("docker run -d --name web2 nginx");
    d.run("docker run -d --name lonely busybox sleep 3600");
    expect(d.run("docker exec client nslookup web").stdout).toBe(
      "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\nNon-authoritative answer:\n*** Can't find web: No answer\n\n",
    );
    expect(d.run("docker exec client wget -qO- http://web").stdout).toContain("<title>Welcome to nginx!</title>");
    const bad = d.run("docker exec lonely nslookup web2");
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toBe("Server:\t\t8.8.8.8\nAddress:\t8.8.8.8:53\n\n** server can't find web2: NXDOMAIN\n\n** server can't find web2: NXDOMAIN\n\n");
    expect(d.run("docker exec lonely ping -c 1 web2").stderr).toBe("ping: bad address 'web2'\n");
    // By address the default bridge still works.
    expect(d.run("docker exec lonely ping -c 1 172.17.0.2").stdout).toMatch(/1 packets received, 0% packet loss/);
    // Bridge networks are isolated from each other.
    expect(d.run("docker exec client ping -c 2 172.17.0.2").stdout).toContain("2 packets transmitted, 0 packets received, 100% packet loss");
    expect(d.run("docker logs web").stdout).toMatch(/^172\.18\.0\.3 - - \[\d\d\/Mar\/2025:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "Wget" "-"$/m);
  });

  it("keeps macvlan containers away from their own host but not from each other", async () => {
    const { reachFromHost, hostHttpRequest } = await import("./netview");
    const d = dockerSandbox("20.10.7");
    d.run("docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 lan");
    d.run("docker run -d --name m1 --network lan nginx");
    d.run("docker run -d --name m2 --network lan busybox sleep 3600");
    d.run("docker run -d --name b1 nginx");
    const m1 = d.run("docker inspect -f {{.NetworkSettings.Networks.lan.IPAddress}} m1").stdout.trim();
    expect(m1).toBe("192.168.1.2");
    expect(reachFromHost(d.world, d.host, m1).ok).toBe(false);
    expect(hostHttpRequest(d.world, d.host, m1, 80).ok).toBe(false);
    expect(hostHttpRequest(d.world, d.host, "172.17.0.2", 80).response?.status).toBe(200);
    expect(d.run("docker exec m2 ping -c 1 m1").stdout).toContain("1 packets received");
    expect(d.run("docker exec m2 ping -c 1 172.16.238.10").stdout).toContain("0 packets received, 100% packet loss");
    expect(d.run("docker exec m2 wget -qO- http://m1").stdout).toContain("Welcome to nginx!");
  });

  it("gives --internal networks no way out", () => {
    const d = dockerSandbox("28.3.3");
    d.run("docker network create --internal locked");
    d.run("docker run -d --name a --network locked busybox sleep 3600");
    d.run("docker run -d --name b --network locked nginx");
    const r = d.run("docker exec a ping -c 1 172.16.238.10");
    expect(r.stdout).toBe("PING 172.16.238.10 (172.16.238.10): 56 data bytes\n");
    expect(r.stderr).toBe("ping: sendto: Network unreachable\n");
    expect(d.run("docker exec a wget -qO- http://b").exitCode).toBe(0);
  });

  it("serves published ports on the host address", async () => {
    const { hostHttpRequest } = await import("./netview");
    const d = dockerSandbox("28.3.3");
    d.run("docker run -d --name web -p 8080:80 nginxdemos/hello:plain-text");
    expect(d.run("docker ps --format {{.Ports}}").stdout).toBe("0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n");
    const res = hostHttpRequest(d.world, d.host, "127.0.0.1", 8080, { userAgent: "curl/7.81.0" });
    const id = d.run("docker inspect -f {{.Id}} web").stdout.trim();
    expect(res.response?.body).toMatch(new RegExp(`^Server address: 172\\.17\\.0\\.2:80\\nServer name: ${id.slice(0, 12)}\\nDate: .+\\nURI: /\\nRequest ID: [0-9a-f]{32}\\n$`));
    expect(d.run("docker run -d -p 8080:80 nginx").stderr).toMatch(/Bind for 0\.0\.0\.0:8080 failed: port is already allocated/);
  });
});
