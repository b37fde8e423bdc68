import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";
import { EXPORT_CERTS, ids, norm } from "./test-helpers";

describe("etcdctl lease", () => {
  const sb = Sandbox.create({ seed: 33 });
  const run = (line: string) => sb.exec(line);
  run(EXPORT_CERTS);
  const grant = (ttl: number) => {
    const out = run(`etcdctl lease grant ${ttl}`).output;
    const m = /^lease ([0-9a-f]{16}) granted with TTL\((\d+)s\)\n$/.exec(out);
    expect(m).not.toBeNull();
    return m![1]!;
  };

  // Virtual time stands still between commands, so a fresh lease shows its whole TTL remaining.
  it("grants a lease whose keys expire while time passes", () => {
    const id = grant(60);
    expect(run(`etcdctl put session alive --lease=${id}`).output).toBe("OK\n");
    expect(run(`etcdctl lease timetolive ${id}`).output).toBe(`lease ${id} granted with TTL(60s), remaining(60s)\n`);
    run("sleep 20");
    expect(run(`etcdctl lease timetolive ${id} --keys`).output).toBe(`lease ${id} granted with TTL(60s), remaining(40s), attached keys([session])\n`);
    run("sleep 45");
    expect(run("etcdctl get session").output).toBe("");
    expect(run(`etcdctl lease timetolive ${id}`).output).toBe(`lease ${id} already expired\n`);
  });

  it("raises a short TTL to etcd's minimum and keeps a lease alive", () => {
    const id = grant(1);
    expect(run(`etcdctl lease timetolive ${id}`).output).toBe(`lease ${id} granted with TTL(2s), remaining(2s)\n`);
    const long = grant(30);
    run("sleep 10");
    expect(run(`etcdctl lease keep-alive --once ${long}`)).toMatchObject({ output: `lease ${long} keepalived with TTL(30)\n`, exitCode: 0 });
    expect(run(`etcdctl lease timetolive ${long}`).output).toBe(`lease ${long} granted with TTL(30s), remaining(30s)\n`);
    const renewing = run(`etcdctl lease keep-alive ${long}`);
    expect(renewing.output).toBe(`lease ${long} keepalived with TTL(30)\n`.repeat(2) + "^C\n");
    expect(renewing.exitCode).toBe(130);
  });

  it("revokes and lists leases", () => {
    const id = grant(120);
    run(`etcdctl put a 1 --lease=${id}`);
    run(`etcdctl put b 2 --lease=${id}`);
    const list = run("etcdctl lease list").output;
    expect(list).toMatch(/^found \d+ leases\n/);
    expect(list).toContain(`\n${id}\n`);
    expect(run(`etcdctl lease revoke ${id}`)).toMatchObject({ output: `lease ${id} revoked\n`, exitCode: 0 });
    expect(run("etcdctl get a").output).toBe("");
    const again = run(`etcdctl lease revoke ${id}`);
    expect(again.exitCode).toBe(1);
    expect(norm(again.output)).toBe(
      '{"level":"warn","ts":"TS","logger":"etcd-client","caller":"v3@v3.5.15/retry_interceptor.go:63","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xcPTR/127.0.0.1:2379","attempt":0,"error":"rpc error: code = NotFound desc = etcdserver: requested lease not found"}\n' +
        "Error: failed to revoke lease (etcdserver: requested lease not found)\n",
    );
    expect(run(`etcdctl lease keep-alive --once ${id}`)).toMatchObject({ output: "Error: etcdserver: requested lease not found\n", exitCode: 2 });
    expect(run(`etcdctl lease keep-alive ${id}`)).toMatchObject({ output: `lease ${id} expired or revoked.\n`, exitCode: 0 });
    const put = run(`etcdctl put c 3 --lease=${id}`);
    expect(put.exitCode).toBe(1);
    expect(put.output).toMatch(/"error":"rpc error: code = NotFound desc = etcdserver: requested lease not found"\}\nError: etcdserver: requested lease not found\n$/);
  });

  it("prints leases as JSON with decimal ids", () => {
    const id = grant(90);
    const { cluster, member } = ids(sb);
    const rev = sb.store.revision;
    const dec = BigInt(`0x${id}`).toString();
    expect(run(`etcdctl lease timetolive ${id} -w json`).output).toBe(
      `{"cluster_id":${cluster},"member_id":${member},"revision":${rev},"raft_term":2,"id":${dec},"ttl":90,"granted-ttl":90,"keys":null}\n`,
    );
    expect(run(`etcdctl lease grant 45 -w json`).output).toMatch(new RegExp(`^\\{"cluster_id":${cluster},"member_id":${member},"revision":${rev},"raft_term":2,"ID":\\d+,"TTL":45,"Error":""\\}\\n$`));
  });

  it("rejects bad arguments", () => {
    expect(run("etcdctl lease grant")).toMatchObject({ output: "Error: lease grant command needs TTL argument\n", exitCode: 128 });
    expect(run("etcdctl lease grant ten")).toMatchObject({ output: 'Error: bad TTL (strconv.ParseInt: parsing "ten": invalid syntax)\n', exitCode: 128 });
    expect(run("etcdctl lease revoke")).toMatchObject({ output: "Error: lease revoke command needs 1 argument\n", exitCode: 128 });
    expect(run("etcdctl lease timetolive zz")).toMatchObject({
      output: 'Error: bad lease ID arg (strconv.ParseInt: parsing "zz": invalid syntax), expecting ID in Hex\n',
      exitCode: 128,
    });
    expect(run("etcdctl lease grant 9000000001").output).toMatch(/\nError: failed to grant lease \(etcdserver: too large lease TTL\)\n$/);
  });
});
