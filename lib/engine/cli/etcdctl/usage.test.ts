import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";
import { etcdctlCommand } from ".";
import { CERTS, norm } from "./test-helpers";

/** How a terminal shows tabs (stops every 8 columns). */
function expandTabs(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      let out = "";
      for (const ch of line) out += ch === "\t" ? " ".repeat(8 - (out.length % 8)) : ch;
      return out;
    })
    .join("\n");
}

// `etcdctl --help` of etcdctl 3.5 as a terminal shows it (version line aside).
const ROOT_HELP = `NAME:
        etcdctl - A simple command line client for etcd3.

USAGE:
        etcdctl [flags]

VERSION:
        3.5.15

API VERSION:
        3.5


COMMANDS:
        alarm disarm            Disarms all alarms
        alarm list              Lists all alarms
        auth disable            Disables authentication
        auth enable             Enables authentication
        auth status             Returns authentication status
        check datascale         Check the memory usage of holding data for different workloads on a given server endpoint.
        check perf              Check the performance of the etcd cluster
        compaction              Compacts the event history in etcd
        defrag                  Defragments the storage of the etcd members with given endpoints
        del                     Removes the specified key or range of keys [key, range_end)
        elect                   Observes and participates in leader election
        endpoint hashkv         Prints the KV history hash for each endpoint in --endpoints
        endpoint health         Checks the healthiness of endpoints specified in \`--endpoints\` flag
        endpoint status         Prints out the status of endpoints specified in \`--endpoints\` flag
        get                     Gets the key or a range of keys
        help                    Help about any command
        lease grant             Creates leases
        lease keep-alive        Keeps leases alive (renew)
        lease list              List all active leases
        lease revoke            Revokes leases
        lease timetolive        Get lease information
        lock                    Acquires a named lock
        make-mirror             Makes a mirror at the destination etcd cluster
        member add              Adds a member into the cluster
        member list             Lists all members in the cluster
        member promote          Promotes a non-voting member in the cluster
        member remove           Removes a member from the cluster
        member update           Updates a member in the cluster
        move-leader             Transfers leadership to another etcd cluster member.
        put                     Puts the given key into the store
        role add                Adds a new role
        role delete             Deletes a role
        role get                Gets detailed information of a role
        role grant-permission   Grants a key to a role
        role list               Lists all roles
        role revoke-permission  Revokes a key from a role
        snapshot restore        Restores an etcd member snapshot to an etcd directory
        snapshot save           Stores an etcd node backend snapshot to a given file
        snapshot status         [deprecated] Gets backend snapshot status of a given file
        txn                     Txn processes all the requests in one transaction
        user add                Adds a new user
        user delete             Deletes a user
        user get                Gets detailed information of a user
        user grant-role         Grants a role to a user
        user list               Lists all users
        user passwd             Changes password of user
        user revoke-role        Revokes a role from a user
        version                 Prints the version of etcdctl
        watch                   Watches events stream on keys or prefixes

OPTIONS:
      --cacert=""                               verify certificates of TLS-enabled secure servers using this CA bundle
      --cert=""                                 identify secure client using this TLS certificate file
      --command-timeout=5s                      timeout for short running command (excluding dial timeout)
      --debug[=false]                           enable client-side debug logging
      --dial-timeout=2s                         dial timeout for client connections
  -d, --discovery-srv=""                        domain name to query for SRV records describing cluster endpoints
      --discovery-srv-name=""                   service name to query when using DNS discovery
      --endpoints=[127.0.0.1:2379]              gRPC endpoints
  -h, --help[=false]                            help for etcdctl
      --hex[=false]                             print byte strings as hex encoded strings
      --insecure-discovery[=true]               accept insecure SRV records describing cluster endpoints
      --insecure-skip-tls-verify[=false]        skip server certificate verification (CAUTION: this option should be enabled only for testing purposes)
      --insecure-transport[=true]               disable transport security for client connections
      --keepalive-time=2s                       keepalive time for client connections
      --keepalive-timeout=6s                    keepalive timeout for client connections
      --key=""                                  identify secure client using this TLS key file
      --password=""                             password for authentication (if this option is used, --user option shouldn't include password)
      --user=""                                 username[:password] for authentication (prompt if password is not supplied)
  -w, --write-out="simple"                      set the output format (fields, json, protobuf, simple, table)

`;

describe("etcdctl help and usage errors", () => {
  const sb = Sandbox.create({ seed: 51 });
  const run = (line: string) => sb.exec(line);

  it("prints the help of etcdctl 3.5", () => {
    const help = run("etcdctl --help");
    expect(help.exitCode).toBe(0);
    expect(expandTabs(help.output)).toBe(ROOT_HELP);
    expect(run("etcdctl").output).toBe(help.output);
    expect(run("etcdctl help").output).toBe(help.output);
    expect(help.output).toContain("\tetcdctl - A simple command line client for etcd3.\n");
    expect(help.output).toContain("\talarm disarm\t\tDisarms all alarms\n");
  });

  it("prints a subcommand's help with its options and the global ones", () => {
    const help = run("etcdctl lease grant --help");
    expect(help.exitCode).toBe(0);
    expect(expandTabs(help.output).split("\n").slice(0, 9)).toEqual([
      "NAME:",
      "        lease grant - Creates leases",
      "",
      "USAGE:",
      "        etcdctl lease grant <ttl> [flags]",
      "",
      "OPTIONS:",
      "  -h, --help[=false]    help for grant",
      "",
    ]);
    expect(expandTabs(run("etcdctl help put").output)).toContain(
      "DESCRIPTION:\n        Puts the given key into the store.\n        \n        When <value> begins with '-', <value> is interpreted as a flag.\n",
    );
    const lease = run("etcdctl lease");
    expect(lease.exitCode).toBe(0);
    expect(expandTabs(lease.output)).toContain("COMMANDS:\n        grant           Creates leases\n        keep-alive      Keeps leases alive (renew)\n");
  });

  it("finds commands by unambiguous prefix", () => {
    expect(run(`etcdctl ${CERTS} mem li`).output).toMatch(/, started, controlplane, https:\/\/172\.30\.1\.2:2380, https:\/\/172\.30\.1\.2:2379, false\n$/);
    expect(run("etcdctl vers").output).toBe("etcdctl version: 3.5.15\nAPI version: 3.5\n");
  });

  it("reports unknown commands twice, as cobra and then etcdctl print them", () => {
    expect(run("etcdctl gett")).toMatchObject({
      output:
        'Error: unknown command "gett" for "etcdctl"\n\nDid you mean this?\n\tget\n\nRun \'etcdctl --help\' for usage.\nError: unknown command "gett" for "etcdctl"\n\nDid you mean this?\n\tget\n\n',
      exitCode: 1,
    });
    expect(run("etcdctl frobnicate").output).toBe('Error: unknown command "frobnicate" for "etcdctl"\nRun \'etcdctl --help\' for usage.\nError: unknown command "frobnicate" for "etcdctl"\n');
    expect(run("etcdctl help frobnicate").output.startsWith("Unknown help topic [`frobnicate`]\nNAME:\n")).toBe(true);
  });

  it("prints a flag error, the usage on stdout, then the error again", () => {
    const r = etcdctlCommand({ name: "etcdctl", args: ["version", "--foo"], stdin: "", env: {}, cwd: "/root", user: "root", host: sb.hosts.controlplane!, world: sb.world() });
    expect(r.exitCode).toBe(1);
    expect(r.ordered!.map(([fd, text]) => [fd, text.split("\n")[0]])).toEqual([
      [2, "Error: unknown flag: --foo"],
      [1, "NAME:"],
      [2, ""],
      [2, "Error: unknown flag: --foo"],
    ]);
    expect(r.stdout).toBe(run("etcdctl version --help").output);
    expect(run("etcdctl get k --limit=ten").output).toMatch(/^Error: invalid argument "ten" for "--limit" flag: strconv.ParseInt: parsing "ten": invalid syntax\nNAME:\n/);
    expect(run("etcdctl get k --dial-timeout=3").output).toMatch(/^Error: invalid argument "3" for "--dial-timeout" flag: time: missing unit in duration "3"\n/);
    expect(run("etcdctl get k -w").output).toMatch(/^Error: flag needs an argument: 'w' in -w\n/);
  });

  it("refuses another API version", () => {
    expect(run("ETCDCTL_API=2 etcdctl get foo")).toMatchObject({ output: "unsupported API version: 2\n", exitCode: 1 });
    expect(run("ETCDCTL_API=3 etcdctl version").output).toBe("etcdctl version: 3.5.15\nAPI version: 3.5\n");
  });
});

describe("etcdctl without the right connection settings", () => {
  const sb = Sandbox.create({ seed: 52 });
  const run = (line: string) => sb.exec(line);
  const warn = (target: string, error: string) =>
    `{"level":"warn","ts":"TS","logger":"etcd-client","caller":"v3@v3.5.15/retry_interceptor.go:63","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xcPTR/${target}","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = \\"${error}\\""}\nError: context deadline exceeded\n`;

  it("times out without certificates against kubeadm's TLS-only etcd", () => {
    const before = sb.now();
    const plain = run("etcdctl get / --prefix --keys-only");
    expect(sb.now() - before).toBe(5000);
    expect(plain.exitCode).toBe(1);
    expect(norm(plain.output)).toBe(warn("127.0.0.1:2379", "error reading server preface: read tcp 127.0.0.1:PORT->127.0.0.1:2379: read: connection reset by peer"));
    expect(norm(run("etcdctl --endpoints=https://127.0.0.1:2379 get / --prefix --keys-only").output)).toBe(
      warn("127.0.0.1:2379", "transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority"),
    );
    expect(norm(run("etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt get foo").output)).toBe(
      warn("127.0.0.1:2379", "error reading server preface: remote error: tls: certificate required"),
    );
    expect(
      norm(run("etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key get foo").output),
    ).toBe(warn("127.0.0.1:2379", "transport: authentication handshake failed: tls: failed to verify certificate: x509: certificate signed by unknown authority"));
    expect(run(`etcdctl --endpoints=https://127.0.0.1:2379 ${CERTS} get foo`)).toMatchObject({ output: "", exitCode: 0 });
    expect(run(`etcdctl --endpoints=https://controlplane:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/apiserver-etcd-client.crt --key=/etc/kubernetes/pki/apiserver-etcd-client.key get foo`).exitCode).toBe(0);
  });

  it("waits on a snapshot it cannot fetch, unless --command-timeout bounds it", () => {
    const hung = run("etcdctl snapshot save /root/snap.db");
    expect(hung.exitCode).toBe(130);
    expect(norm(hung.output)).toBe('{"level":"info","ts":"TS","caller":"snapshot/v3_snapshot.go:65","msg":"created temporary db file","path":"/root/snap.db.part"}\n^C\n');
    expect(run("ls /root").output).toBe("snap.db.part\n");
    expect(run("etcdctl snapshot save /root/snap.db --command-timeout=3s")).toMatchObject({
      output: expect.stringMatching(/"path":"\/root\/snap.db.part"\}\nError: context deadline exceeded\n$/),
      exitCode: 5,
    });
  });

  it("checks certificate files before connecting", () => {
    expect(run("etcdctl --cert=/etc/kubernetes/pki/etcd/server.crt get foo")).toMatchObject({
      output: "Error: KeyFile and CertFile must both be present[key: , cert: /etc/kubernetes/pki/etcd/server.crt]\n",
      exitCode: 128,
    });
    expect(run("etcdctl --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/peer.key get foo")).toMatchObject({
      output: "Error: tls: private key does not match public key\n",
      exitCode: 128,
    });
    expect(run("etcdctl --cacert=/etc/kubernetes/pki/etcd/ca.pem --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key get foo")).toMatchObject({
      output: "Error: open /etc/kubernetes/pki/etcd/ca.pem: no such file or directory\n",
      exitCode: 128,
    });
    expect(run(`su ubuntu -c 'etcdctl ${CERTS} get foo'`).output).toBe("Error: open /etc/kubernetes/pki/etcd/server.key: permission denied\n");
  });

  it("reports unreachable endpoints after the command timeout", () => {
    expect(norm(run(`etcdctl --endpoints=https://172.30.2.2:2379 ${CERTS} get foo`).output)).toBe(
      warn("172.30.2.2:2379", "transport: Error while dialing: dial tcp 172.30.2.2:2379: connect: connection refused"),
    );
    const before = sb.now();
    expect(norm(run(`etcdctl --endpoints=https://127.0.0.1:2379 ${CERTS} --command-timeout=2s put k v`).output)).toBe("OK\n");
    sb.store.stopMember("controlplane");
    expect(norm(run(`etcdctl --endpoints=https://127.0.0.1:2379 ${CERTS} --command-timeout=2s get k`).output)).toBe(
      warn("127.0.0.1:2379", "transport: Error while dialing: dial tcp 127.0.0.1:2379: connect: connection refused"),
    );
    expect(sb.now() - before).toBe(2000);
    expect(run(`etcdctl --endpoints=https://127.0.0.1:2379 ${CERTS} watch k`)).toMatchObject({ output: "Error: context deadline exceeded\n", exitCode: 2 });
    sb.store.startMember("controlplane");
  });

  it("takes its settings from ETCDCTL_* variables, and refuses a flag that shadows one", () => {
    run("export ETCDCTL_ENDPOINTS=https://127.0.0.1:2379 ETCDCTL_CACERT=/etc/kubernetes/pki/etcd/ca.crt ETCDCTL_CERT=/etc/kubernetes/pki/etcd/server.crt ETCDCTL_KEY=/etc/kubernetes/pki/etcd/server.key");
    expect(run("etcdctl put envkey yes").output).toBe("OK\n");
    const clash = run("etcdctl --endpoints=https://127.0.0.1:2379 get envkey");
    expect(clash.exitCode).toBe(1);
    expect(norm(clash.output)).toMatch(
      /^\{"level":"fatal","ts":"TS","caller":"flags\/flag.go:85","msg":"conflicting environment variable is shadowed by corresponding command-line flag \(either unset environment variable or disable flag\)\)","environment-variable":"ETCDCTL_ENDPOINTS","stacktrace":"go.etcd.io\/etcd\/pkg\/v3\/flags.verifyEnv\\n\\tgo.etcd.io\/etcd\/pkg\/v3@v3.5.15\/flags\/flag.go:85\\n/,
    );
    expect(norm(run("ETCDCTL_WRITEOUT=json etcdctl get envkey").output)).toBe(
      '{"level":"warn","ts":"TS","caller":"flags/flag.go:93","msg":"unrecognized environment variable","environment-variable":"ETCDCTL_WRITEOUT=json"}\nenvkey\nyes\n',
    );
    expect(run("ETCDCTL_WRITE_OUT=fields etcdctl get envkey").output).toMatch(/"Key" : "envkey"\n/);
  });
});
