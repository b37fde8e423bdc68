import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";
import { humanizeBytes } from "./format";
import { EXPORT_CERTS, ids, norm, threeMemberSandbox } from "./test-helpers";

describe("etcdctl cluster commands on the default control plane", () => {
  const sb = Sandbox.create({ seed: 41 });
  const run = (line: string) => sb.exec(line);
  run(EXPORT_CERTS);
  const { memberHex, member, cluster } = ids(sb);

  it("lists members in every output format", () => {
    expect(run("etcdctl member list")).toMatchObject({
      output: `${memberHex}, started, controlplane, https://172.30.1.2:2380, https://172.30.1.2:2379, false\n`,
      exitCode: 0,
    });
    expect(run("etcdctl member list -w table").output).toBe(
      [
        "+------------------+---------+--------------+-------------------------+-------------------------+------------+",
        "|        ID        | STATUS  |     NAME     |       PEER ADDRS        |      CLIENT ADDRS       | IS LEARNER |",
        "+------------------+---------+--------------+-------------------------+-------------------------+------------+",
        `| ${memberHex} | started | controlplane | https://172.30.1.2:2380 | https://172.30.1.2:2379 |      false |`,
        "+------------------+---------+--------------+-------------------------+-------------------------+------------+",
        "",
      ].join("\n"),
    );
    expect(run("etcdctl member list -w json").output).toBe(
      `{"header":{"cluster_id":${cluster},"member_id":${member},"raft_term":2},"members":[{"ID":${member},"name":"controlplane","peerURLs":["https://172.30.1.2:2380"],"clientURLs":["https://172.30.1.2:2379"]}]}\n`,
    );
    expect(run("etcdctl member list -w json --hex").output).toBe(
      `{"header":{"cluster_id":"${sb.store.status("controlplane").header.clusterId}","member_id":"${memberHex}","raft_term":2},"members":[{"ID":"${memberHex}","name":"controlplane","peerURLs":["https://172.30.1.2:2380"],"clientURLS":["https://172.30.1.2:2379"]}]}\n`,
    );
  });

  it("shows endpoint status as a table, comma-separated and as JSON", () => {
    const st = sb.store.status("controlplane");
    const size = humanizeBytes(st.dbSize);
    expect(run("etcdctl --endpoints=https://127.0.0.1:2379 endpoint status").output).toBe(
      `https://127.0.0.1:2379, ${memberHex}, 3.5.15, ${size}, true, false, 2, ${st.raftIndex}, ${st.raftIndex}, \n`,
    );
    const idx = String(st.raftIndex);
    expect(run("etcdctl --endpoints=https://127.0.0.1:2379 endpoint status -w table").output).toBe(
      [
        "+------------------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------+",
        "|        ENDPOINT        |        ID        | VERSION | DB SIZE | IS LEADER | IS LEARNER | RAFT TERM | RAFT INDEX | RAFT APPLIED INDEX | ERRORS |",
        "+------------------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------+",
        `| https://127.0.0.1:2379 | ${memberHex} |  3.5.15 | ${size.padStart(7)} |      true |      false |         2 | ${idx.padStart(10)} | ${idx.padStart(18)} |        |`,
        "+------------------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------+",
        "",
      ].join("\n"),
    );
    expect(run("etcdctl endpoint status -w json").output).toBe(
      `[{"Endpoint":"127.0.0.1:2379","Status":{"header":{"cluster_id":${cluster},"member_id":${member},"revision":${st.header.revision},"raft_term":2},"version":"3.5.15","dbSize":${st.dbSize},"leader":${member},"raftIndex":${st.raftIndex},"raftTerm":2,"raftAppliedIndex":${st.raftIndex},"dbSizeInUse":${st.dbSizeInUse}}}]\n`,
    );
  });

  it("checks endpoint health", () => {
    const out = run("etcdctl --endpoints=https://127.0.0.1:2379 endpoint health");
    expect(out.exitCode).toBe(0);
    expect(out.output).toMatch(/^https:\/\/127\.0\.0\.1:2379 is healthy: successfully committed proposal: took = \d+\.\d+ms\n$/);
    expect(run("etcdctl endpoint health --cluster").output).toMatch(/^https:\/\/172\.30\.1\.2:2379 is healthy: successfully committed proposal: took = \d+\.\d+ms\n$/);
    expect(run("etcdctl endpoint health -w json").output).toMatch(/^\[\{"endpoint":"127\.0\.0\.1:2379","health":true,"took":"\d+\.\d+ms"\}\]\n$/);
  });

  it("defragments, lists alarms and prints its version", () => {
    expect(run("etcdctl --endpoints=https://127.0.0.1:2379 defrag")).toMatchObject({ output: "Finished defragmenting etcd member[https://127.0.0.1:2379]\n", exitCode: 0 });
    expect(run("etcdctl defrag --cluster").output).toBe("Finished defragmenting etcd member[https://172.30.1.2:2379]\n");
    expect(run("etcdctl alarm list")).toMatchObject({ output: "", exitCode: 0 });
    expect(run("etcdctl version")).toMatchObject({ output: "etcdctl version: 3.5.15\nAPI version: 3.5\n", exitCode: 0 });
  });

  it("saves a snapshot and reads its status; restore needs an empty data dir", () => {
    const st = sb.store.status("controlplane");
    const saved = run("etcdctl --endpoints=https://127.0.0.1:2379 snapshot save /opt/backup.db");
    expect(saved.exitCode).toBe(0);
    expect(norm(saved.output)).toBe(
      [
        '{"level":"info","ts":"TS","caller":"snapshot/v3_snapshot.go:65","msg":"created temporary db file","path":"/opt/backup.db.part"}',
        '{"level":"info","ts":"TS","logger":"client","caller":"v3@v3.5.15/maintenance.go:212","msg":"opened snapshot stream; downloading"}',
        '{"level":"info","ts":"TS","caller":"snapshot/v3_snapshot.go:73","msg":"fetching snapshot","endpoint":"https://127.0.0.1:2379"}',
        '{"level":"info","ts":"TS","logger":"client","caller":"v3@v3.5.15/maintenance.go:220","msg":"completed snapshot read; closing"}',
        `{"level":"info","ts":"TS","caller":"snapshot/v3_snapshot.go:88","msg":"fetched snapshot","endpoint":"https://127.0.0.1:2379","size":"${humanizeBytes(st.dbSize)}","took":"now"}`,
        '{"level":"info","ts":"TS","caller":"snapshot/v3_snapshot.go:97","msg":"saved","path":"/opt/backup.db"}',
        "Snapshot saved at /opt/backup.db",
        "",
      ].join("\n"),
    );
    expect(run("ls -l /opt/backup.db").output).toMatch(/^-rw------- 1 root root \d+ /);
    const status = run("etcdctl snapshot status /opt/backup.db -w table");
    expect(status.output).toMatch(
      new RegExp(
        `^Deprecated: Use \`etcdutl snapshot status\` instead.\n\n\\+----------\\+----------\\+------------\\+------------\\+\n\\|   HASH   \\| REVISION \\| TOTAL KEYS \\| TOTAL SIZE \\|\n`,
      ),
    );
    expect(status.output).toContain(`| ${String(st.header.revision).padStart(8)} |`);
    expect(run("etcdctl snapshot status /opt/nope.db")).toMatchObject({
      output: "Deprecated: Use `etcdutl snapshot status` instead.\n\nError: stat /opt/nope.db: no such file or directory\n",
      exitCode: 1,
    });

    const restored = run("etcdctl snapshot restore /opt/backup.db --data-dir /var/lib/etcd-from-backup");
    expect(restored.exitCode).toBe(0);
    const paths = '{"path": "/opt/backup.db", "wal-dir": "/var/lib/etcd-from-backup/member/wal", "data-dir": "/var/lib/etcd-from-backup", "snap-dir": "/var/lib/etcd-from-backup/member/snap", "initial-memory-map-size": 0}';
    expect(norm(restored.output)).toBe(
      "Deprecated: Use `etcdutl snapshot restore` instead.\n\n" +
        `TS\tinfo\tsnapshot/v3_snapshot.go:265\trestoring snapshot\t${paths}\n` +
        "TS\tinfo\tmembership/store.go:141\tTrimming membership information from the backend...\n" +
        'TS\tinfo\tmembership/cluster.go:421\tadded member\t{"cluster-id": "cdf818194e3a8c32", "local-member-id": "0", "added-peer-id": "8e9e05c52164694d", "added-peer-peer-urls": ["http://localhost:2380"]}\n' +
        `TS\tinfo\tsnapshot/v3_snapshot.go:293\trestored snapshot\t${paths}\n`,
    );
    expect(run("ls -1 /var/lib/etcd-from-backup/member/snap").output).toBe("0000000000000001-0000000000000001.snap\ndb\n");
    expect(run("etcdctl snapshot restore /opt/backup.db --data-dir /var/lib/etcd-from-backup")).toMatchObject({
      output: 'Deprecated: Use `etcdutl snapshot restore` instead.\n\nError: data-dir "/var/lib/etcd-from-backup" not empty or could not be read\n',
      exitCode: 1,
    });
    expect(run("etcdctl snapshot save /opt/a.db --endpoints=https://172.30.1.2:2379,https://127.0.0.1:2379")).toMatchObject({
      output: "Error: snapshot must be requested to one selected node, not multiple [https://172.30.1.2:2379 https://127.0.0.1:2379]\n",
      exitCode: 5,
    });
    expect(run("etcdctl snapshot save")).toMatchObject({ output: "Error: snapshot save expects one argument\n", exitCode: 128 });
  });
});

describe("etcdctl and quorum on a three-member etcd", () => {
  const sb = threeMemberSandbox(42);
  const run = (line: string) => sb.exec(line);
  run(EXPORT_CERTS);
  run("export ETCDCTL_ENDPOINTS=https://172.30.1.2:2379,https://172.30.1.3:2379,https://172.30.1.4:2379");
  const hex = (name: string) => sb.store.members().find((m) => m.name === name)!.id;

  it("serves reads and writes with one member down", () => {
    expect(run("etcdctl member list").output).toBe(
      [
        `${hex("controlplane")}, started, controlplane, https://172.30.1.2:2380, https://172.30.1.2:2379, false`,
        `${hex("etcd-2")}, started, etcd-2, https://172.30.1.3:2380, https://172.30.1.3:2379, false`,
        `${hex("etcd-3")}, started, etcd-3, https://172.30.1.4:2380, https://172.30.1.4:2379, false`,
        "",
      ].join("\n"),
    );
    sb.store.stopMember("etcd-3");
    expect(run("etcdctl put q 1")).toMatchObject({ output: "OK\n", exitCode: 0 });
    const health = run("etcdctl endpoint health");
    expect(health.exitCode).toBe(1);
    const lines = norm(health.output).split("\n");
    expect(lines[0]).toBe(
      '{"level":"warn","ts":"TS","logger":"client","caller":"v3@v3.5.15/retry_interceptor.go:63","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xcPTR/172.30.1.4:2379","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = \\"transport: Error while dialing: dial tcp 172.30.1.4:2379: connect: connection refused\\""}',
    );
    // The healthy members answer first, in the order their checks finish.
    expect(lines.slice(1, 3).sort()).toEqual([
      expect.stringMatching(/^https:\/\/172\.30\.1\.2:2379 is healthy: successfully committed proposal: took = [\d.]+ms$/),
      expect.stringMatching(/^https:\/\/172\.30\.1\.3:2379 is healthy: successfully committed proposal: took = [\d.]+ms$/),
    ]);
    expect(lines.slice(3)).toEqual(["https://172.30.1.4:2379 is unhealthy: failed to commit proposal: context deadline exceeded", "Error: unhealthy cluster", ""]);
  });

  it("loses quorum: writes and linearizable reads time out, serializable reads work", () => {
    sb.store.stopMember("etcd-2");
    const before = sb.now();
    const put = run("etcdctl put q 2");
    expect(sb.now() - before).toBe(5000);
    expect(put.exitCode).toBe(1);
    expect(norm(put.output)).toBe(
      '{"level":"warn","ts":"TS","logger":"etcd-client","caller":"v3@v3.5.15/retry_interceptor.go:63","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xcPTR/172.30.1.2:2379","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"}\nError: context deadline exceeded\n',
    );
    expect(run("etcdctl get q").output).toMatch(/\nError: context deadline exceeded\n$/);
    expect(run("etcdctl get q --consistency=s")).toMatchObject({ output: "q\n1\n", exitCode: 0 });
    expect(run("etcdctl member list").output).toMatch(/\nError: context deadline exceeded\n$/);

    const status = run("etcdctl endpoint status -w table");
    expect(status.exitCode).toBe(1);
    const lines = norm(status.output).split("\n");
    expect(lines[1]).toBe("Failed to get the status of endpoint https://172.30.1.3:2379 (context deadline exceeded)");
    expect(lines[3]).toBe("Failed to get the status of endpoint https://172.30.1.4:2379 (context deadline exceeded)");
    expect(lines[5]).toBe(
      "|        ENDPOINT         |        ID        | VERSION | DB SIZE | IS LEADER | IS LEARNER | RAFT TERM | RAFT INDEX | RAFT APPLIED INDEX |        ERRORS         |",
    );
    expect(lines[7]).toMatch(new RegExp(`^\\| https://172\\.30\\.1\\.2:2379 \\| ${hex("controlplane")} \\|  3\\.5\\.15 \\| .* \\|     false \\|      false \\| .* \\| etcdserver: no leader \\|$`));

    const health = run("etcdctl endpoint health -w table");
    expect(health.exitCode).toBe(1);
    expect(norm(health.output)).toContain('"target":"etcd-endpoints://0xcPTR/172.30.1.2:2379","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"}');
    expect(health.output).toMatch(/\| https:\/\/172\.30\.1\.2:2379 \|  false \| +5\.\d+s \| context deadline exceeded \|\n/);
    expect(health.output.endsWith("Error: unhealthy cluster\n")).toBe(true);
  });

  it("recovers when a member comes back", () => {
    sb.store.startMember("etcd-2");
    expect(run("etcdctl put q 3")).toMatchObject({ output: "OK\n", exitCode: 0 });
    expect(run("etcdctl get q").output).toBe("q\n3\n");
    const status = run("etcdctl endpoint status --cluster");
    expect(status.exitCode).toBe(1);
    const lines = norm(status.output).split("\n");
    expect(lines[1]).toBe("Failed to get the status of endpoint https://172.30.1.4:2379 (context deadline exceeded)");
    expect(lines[2]).toMatch(new RegExp(`^https://172\\.30\\.1\\.2:2379, ${hex("controlplane")}, 3\\.5\\.15, .+, true, false, 3, \\d+, \\d+, $`));
    expect(lines[3]).toMatch(new RegExp(`^https://172\\.30\\.1\\.3:2379, ${hex("etcd-2")}, 3\\.5\\.15, .+, false, false, 3, \\d+, \\d+, $`));
  });
});
