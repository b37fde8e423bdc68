import { describe, expect, it } from "vitest";
import { Sandbox } from "../../sandbox";
import { EXPORT_CERTS, ids, norm } from "./test-helpers";

const WARN = '{"level":"warn","ts":"TS","logger":"etcd-client","caller":"v3@v3.5.15/retry_interceptor.go:63","msg":"retrying of unary invoker failed"';

describe("etcdctl key-value commands", () => {
  const sb = Sandbox.create({ seed: 21 });
  const run = (line: string) => sb.exec(line);
  run(EXPORT_CERTS);

  it("puts, gets and deletes keys", () => {
    expect(run("etcdctl put greeting hello")).toMatchObject({ output: "OK\n", exitCode: 0 });
    expect(run("etcdctl get greeting")).toMatchObject({ output: "greeting\nhello\n", exitCode: 0 });
    expect(run("etcdctl get greeting --print-value-only").output).toBe("hello\n");
    expect(run("etcdctl put greeting 'hi there' --prev-kv").output).toBe("OK\ngreeting\nhello\n");
    expect(run("etcdctl get nothing-here")).toMatchObject({ output: "", exitCode: 0 });
    expect(run("echo piped | etcdctl put fromstdin").output).toBe("OK\n");
    expect(run("etcdctl get fromstdin").output).toBe("fromstdin\npiped\n\n");
    expect(run("etcdctl del greeting")).toMatchObject({ output: "1\n", exitCode: 0 });
    expect(run("etcdctl del greeting").output).toBe("0\n");
    run("etcdctl put app/a 1");
    run("etcdctl put app/b 2");
    expect(run("etcdctl get app --prefix").output).toBe("app/a\n1\napp/b\n2\n");
    expect(run("etcdctl get app/a app/c --keys-only").output).toBe("app/a\n\napp/b\n\n");
    expect(run("etcdctl get app --prefix --limit=1 --sort-by=KEY --order=DESCEND").output).toBe("app/b\n2\n");
    expect(run("etcdctl get app --prefix --hex --keys-only").output).toBe("\\x61\\x70\\x70\\x2f\\x61\n\n\\x61\\x70\\x70\\x2f\\x62\n\n");
    expect(run("etcdctl del app --prefix --prev-kv").output).toBe("2\napp/a\n1\napp/b\n2\n");
  });

  it("lists the cluster's real keys under /registry", () => {
    expect(run("etcdctl get /registry/deployments --prefix --keys-only").output).toBe(
      "/registry/deployments/kube-system/calico-kube-controllers\n\n/registry/deployments/kube-system/coredns\n\n",
    );
    const all = run("etcdctl --endpoints=https://127.0.0.1:2379 get / --prefix --keys-only").output;
    expect(all).toContain("/registry/namespaces/kube-system\n\n");
    expect(all).toContain("/registry/pods/kube-system/etcd-controlplane\n\n");
    const count = sb.store.range("/registry/", { prefix: true, countOnly: true }).count;
    expect(run("etcdctl get /registry/ --prefix --count-only -w fields").output).toMatch(new RegExp(`"More" : false\n"Count" : ${count}\n$`));
  });

  it("prints -w json and -w fields as etcdctl does", () => {
    run("etcdctl put shape v1");
    const rev = sb.store.revision;
    const { cluster, member } = ids(sb);
    const header = `{"cluster_id":${cluster},"member_id":${member},"revision":${rev},"raft_term":2}`;
    expect(run("etcdctl get shape -w json").output).toBe(`{"header":${header},"kvs":[{"key":"c2hhcGU=","create_revision":${rev},"mod_revision":${rev},"version":1,"value":"djE="}],"count":1}\n`);
    expect(run("etcdctl get missing -w json").output).toBe(`{"header":${header}}\n`);
    expect(run("etcdctl get shape -w fields").output).toBe(
      `"ClusterID" : ${cluster}\n"MemberID" : ${member}\n"Revision" : ${rev}\n"RaftTerm" : 2\n"Key" : "shape"\n"CreateRevision" : ${rev}\n"ModRevision" : ${rev}\n"Version" : 1\n"Value" : "v1"\n"Lease" : 0\n"More" : false\n"Count" : 1\n`,
    );
    expect(run("etcdctl put shape v2 -w json").output).toBe(`{"header":{"cluster_id":${cluster},"member_id":${member},"revision":${rev + 1},"raft_term":2}}\n`);
    expect(run("etcdctl del shape -w json").output).toBe(`{"header":{"cluster_id":${cluster},"member_id":${member},"revision":${rev + 2},"raft_term":2},"deleted":1}\n`);
  });

  it("reads the past with --rev, until compaction removes it", () => {
    run("etcdctl put colour red");
    const first = sb.store.revision;
    run("etcdctl put colour blue");
    expect(run("etcdctl get colour").output).toBe("colour\nblue\n");
    expect(run(`etcdctl get colour --rev=${first}`).output).toBe("colour\nred\n");
    expect(run(`etcdctl get colour --rev=${first - 1}`).output).toBe("");
    const future = sb.store.revision + 100;
    expect(norm(run(`etcdctl get colour --rev=${future}`).output)).toBe(
      `${WARN},"target":"etcd-endpoints://0xcPTR/127.0.0.1:2379","attempt":0,"error":"rpc error: code = OutOfRange desc = etcdserver: mvcc: required revision is a future revision"}\nError: etcdserver: mvcc: required revision is a future revision\n`,
    );

    expect(run(`etcdctl compaction ${first + 1}`)).toMatchObject({ output: `compacted revision ${first + 1}\n`, exitCode: 0 });
    const old = run(`etcdctl get colour --rev=${first}`);
    expect(old.exitCode).toBe(1);
    expect(norm(old.output)).toBe(
      `${WARN},"target":"etcd-endpoints://0xcPTR/127.0.0.1:2379","attempt":0,"error":"rpc error: code = OutOfRange desc = etcdserver: mvcc: required revision has been compacted"}\nError: etcdserver: mvcc: required revision has been compacted\n`,
    );
    const again = run(`etcdctl compaction ${first}`);
    expect(again.exitCode).toBe(1);
    expect(again.output).toMatch(/\nError: etcdserver: mvcc: required revision has been compacted\n$/);
    expect(run("etcdctl compaction 99999999").output).toMatch(/\nError: etcdserver: mvcc: required revision is a future revision\n$/);
    expect(run("etcdctl compaction abc")).toMatchObject({ output: 'Error: strconv.ParseInt: parsing "abc": invalid syntax\n', exitCode: 1 });
    expect(run("etcdctl compaction")).toMatchObject({ output: "Error: compaction command needs 1 argument\n", exitCode: 128 });
  });

  it("writes that reach the cluster: deleting a pod's key removes the pod", () => {
    expect(run("kubectl run web --image=nginx").output).toBe("pod/web created\n");
    expect(run("etcdctl get /registry/pods/default --prefix --keys-only").output).toBe("/registry/pods/default/web\n\n");
    expect(run("etcdctl del /registry/pods/default/web").output).toBe("1\n");
    expect(run("kubectl get pods").output).toBe("No resources found in default namespace.\n");
  });

  it("runs a transaction from stdin", () => {
    run("etcdctl put user1 bad");
    const txn = `etcdctl txn <<'EOF'\nvalue("user1") = "bad"\n\ndel user1\n\nput user1 good\n\nEOF`;
    expect(run(txn)).toMatchObject({ output: "SUCCESS\n\n1\n", exitCode: 0 });
    expect(run(txn).output).toBe("FAILURE\n\nOK\n");
    expect(run("etcdctl get user1 --print-value-only").output).toBe("good\n");
    expect(run(`etcdctl txn -i <<'EOF'\nmod("user1") > "0"\n\nget user1\n\nEOF`).output).toBe(
      "compares:\nsuccess requests (get, put, del):\nfailure requests (get, put, del):\nSUCCESS\n\nuser1\ngood\n",
    );
    expect(run(`etcdctl txn <<'EOF'\nbogus\nEOF`)).toMatchObject({ output: "Error: malformed comparison: bogus\n", exitCode: 3 });
  });

  it("watches: replays history from --rev, then shows live events until Ctrl-C", () => {
    run("etcdctl put w1 a");
    const from = sb.store.revision;
    run("etcdctl put w1 b");
    run("etcdctl del w1");
    expect(run(`etcdctl watch w1 --rev=${from}`)).toMatchObject({ output: "PUT\nw1\na\nPUT\nw1\nb\nDELETE\nw1\n\n^C\n", exitCode: 130 });
    expect(run(`etcdctl watch w1 --prev-kv --rev=${from + 1}`).output).toBe("PUT\nw1\na\nw1\nb\nDELETE\nw1\nb\nw1\n\n^C\n");
    const before = sb.now();
    const live = run("etcdctl watch /registry/leases/kube-node-lease --prefix");
    expect(sb.now() - before).toBe(10_000);
    expect(live.output).toMatch(/^PUT\n\/registry\/leases\/kube-node-lease\/\S+\n\{"apiVersion":"coordination.k8s.io\/v1","kind":"Lease"/);
    expect(live.output.endsWith("^C\n")).toBe(true);
    expect(run("etcdctl watch")).toMatchObject({ output: "Error: bad number of arguments\n", exitCode: 128 });
    expect(run("etcdctl watch a b --prefix")).toMatchObject({ output: "Error: `range_end` and `--prefix` are mutually exclusive\n", exitCode: 128 });
    expect(run("etcdctl watch x --rev=1")).toMatchObject({
      output: "watch was canceled (etcdserver: mvcc: required revision has been compacted)\nError: watch is canceled by the server\n",
      exitCode: 5,
    });
  });

  it("rejects wrong invocations with etcdctl's messages and exit codes", () => {
    expect(run("etcdctl get")).toMatchObject({ output: "Error: get command needs one argument as key and an optional argument as range_end\n", exitCode: 128 });
    expect(run("etcdctl get a --prefix --from-key")).toMatchObject({ output: "Error: `--prefix` and `--from-key` cannot be set at the same time, choose one\n", exitCode: 128 });
    expect(run("etcdctl get a b --prefix")).toMatchObject({ output: "Error: too many arguments, only accept one argument when `--prefix` or `--from-key` is set\n", exitCode: 128 });
    expect(run("etcdctl get a --consistency=x")).toMatchObject({ output: 'Error: unknown consistency flag "x"\n', exitCode: 4 });
    expect(run("etcdctl get a --sort-by=size")).toMatchObject({ output: "Error: bad sort target size\n", exitCode: 4 });
    expect(run("etcdctl get a -w yaml")).toMatchObject({ output: "Error: unsupported output format\n", exitCode: 4 });
    expect(run("etcdctl get a -w table")).toMatchObject({ output: "Error: table not supported as output format\n", exitCode: 4 });
    expect(run("etcdctl get a --count-only")).toMatchObject({ output: "Error: --count-only is only for `--write-out=fields`\n", exitCode: 128 });
    expect(run("etcdctl get a --print-value-only -w json")).toMatchObject({ output: "Error: print-value-only is only for `--write-out=simple`\n", exitCode: 128 });
    expect(run("etcdctl put")).toMatchObject({ output: "Error: put command needs 1 argument and input from stdin or 2 arguments\n", exitCode: 128 });
    expect(run("etcdctl put k")).toMatchObject({ output: "Error: put command needs 1 argument and input from stdin or 2 arguments\n", exitCode: 128 });
    expect(run("etcdctl put k v --ignore-value")).toMatchObject({ output: "Error: put command needs only 1 argument when 'ignore-value' is set\n", exitCode: 128 });
    expect(run("etcdctl put k v --lease=xyz")).toMatchObject({
      output: 'Error: bad lease ID (strconv.ParseInt: parsing "xyz": invalid syntax), expecting ID in Hex\n',
      exitCode: 128,
    });
    expect(run("etcdctl del")).toMatchObject({ output: "Error: del command needs one argument as key and an optional argument as range_end\n", exitCode: 128 });
    expect(norm(run('etcdctl get ""').output)).toBe(
      `${WARN},"target":"etcd-endpoints://0xcPTR/127.0.0.1:2379","attempt":0,"error":"rpc error: code = InvalidArgument desc = etcdserver: key is not provided"}\nError: etcdserver: key is not provided\n`,
    );
  });
});
