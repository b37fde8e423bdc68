// etcdctl 3.5's command tree: uses, descriptions and flags as `etcdctl --help` lists them.
import { link } from "./cobra";
import type { Ctl, EtcdctlNode, GoFrame } from "./ctl";
import { GLOBAL_FLAGS } from "./ctl";
import type { FlagDef } from "./flags";
import { runAlarmDisarm, runAlarmList, runAuthEnable, runAuthStatus, runDefrag, runEmptyList, runEndpointHashKV, runEndpointHealth, runEndpointStatus, runMemberList, runVersion } from "./cluster";
import { runCompaction, runDel, runGet, runPut, runTxn, runWatch } from "./kv";
import { runLeaseGrant, runLeaseKeepAlive, runLeaseList, runLeaseRevoke, runLeaseTimeToLive } from "./lease";
import { ExitCode } from "./output";
import { runSnapshotRestore, runSnapshotSave, runSnapshotStatus } from "./snapshot";

const bool = (name: string, usage: string, short?: string): FlagDef => ({ name, kind: "bool", def: "false", usage, ...(short ? { short } : {}) });
const str = (name: string, def: string, usage: string): FlagDef => ({ name, kind: "string", def, usage });
const int = (name: string, usage: string): FlagDef => ({ name, kind: "int64", def: "0", usage });

/** Commands this simulator does not model (membership changes, auth users, locks, ...). */
function notSimulated(c: Ctl): void {
  let path = c.node.name;
  for (let p = c.node.parent; p?.parent; p = p.parent) path = `${p.name} ${path}`;
  c.out.fail(ExitCode.error, `"etcdctl ${path}" is not available in this simulated cluster`);
}

function cmd(name: string, use: string, short: string, run?: (c: Ctl) => void, more: Partial<EtcdctlNode> = {}, frame?: GoFrame): EtcdctlNode {
  return { name, use, short, ...(run ? { run } : {}), ...more, ...(frame ? { frame } : {}) };
}

const at = (fn: string, file: string): GoFrame => ({ fn, file });

const GET_FLAGS: FlagDef[] = [
  str("consistency", "l", "Linearizable(l) or Serializable(s)"),
  str("order", "", "Order of results; ASCEND or DESCEND (ASCEND by default)"),
  str("sort-by", "", "Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION"),
  int("limit", "Maximum number of results"),
  bool("prefix", "Get keys with matching prefix"),
  bool("from-key", "Get keys that are greater than or equal to the given key using byte compare"),
  int("rev", "Specify the kv revision"),
  bool("keys-only", "Get only the keys"),
  bool("count-only", "Get only the count"),
  bool("print-value-only", 'Only write values when using the "simple" output format'),
];

const PUT_LONG = `
Puts the given key into the store.

When <value> begins with '-', <value> is interpreted as a flag.
Insert '--' for workaround:

$ put <key> -- <value>
$ put -- <key> <value>

If <value> isn't given as a command line argument and '--ignore-value' is not specified,
this command tries to read the value from standard input.

If <lease> isn't given as a command line argument and '--ignore-lease' is not specified,
this command tries to read the value from standard input.

For example,
$ cat file | put <key>
will store the content of the file to <key>.
`;

/** The root's commands in registration order (cobra suggests in this order). */
export const COMMAND_ORDER = [
  "get",
  "put",
  "del",
  "txn",
  "compaction",
  "alarm",
  "defrag",
  "endpoint",
  "move-leader",
  "watch",
  "version",
  "lease",
  "member",
  "snapshot",
  "make-mirror",
  "lock",
  "elect",
  "auth",
  "user",
  "role",
  "check",
  "help",
];

export function buildTree(help: (c: Ctl) => void): EtcdctlNode {
  const cluster = bool("cluster", "use all endpoints from the cluster member list");
  const children: EtcdctlNode[] = [
    cmd("get", "get [options] <key> [range_end]", "Gets the key or a range of keys", runGet, { flags: GET_FLAGS }, at("getCommandFunc", "get_command.go:71")),
    cmd(
      "put",
      "put [options] <key> <value> (<value> can also be given from stdin)",
      "Puts the given key into the store",
      runPut,
      {
        long: PUT_LONG,
        flags: [
          str("lease", "0", "lease ID (in hexadecimal) to attach to the key"),
          bool("prev-kv", "return the previous key-value pair before modification"),
          bool("ignore-value", "updates the key using its current value"),
          bool("ignore-lease", "updates the key using its current lease"),
        ],
      },
      at("putCommandFunc", "put_command.go:70"),
    ),
    cmd(
      "del",
      "del [options] <key> [range_end]",
      "Removes the specified key or range of keys [key, range_end)",
      runDel,
      {
        flags: [
          bool("prefix", "delete keys with matching prefix"),
          bool("prev-kv", "return deleted key-value pairs"),
          bool("from-key", "delete keys that are greater than or equal to the given key using byte compare"),
        ],
      },
      at("delCommandFunc", "del_command.go:49"),
    ),
    cmd("txn", "txn [options]", "Txn processes all the requests in one transaction", runTxn, { flags: [bool("interactive", "Input transaction in interactive mode", "i")] }, at("txnCommandFunc", "txn_command.go:56")),
    cmd(
      "compaction",
      "compaction [options] <revision>",
      "Compacts the event history in etcd",
      runCompaction,
      { flags: [bool("physical", "'true' to wait for compaction to physically remove all old revisions")] },
      at("compactionCommandFunc", "compaction_command.go:54"),
    ),
    cmd("alarm", "alarm <subcommand>", "Alarm related commands", undefined, {
      children: [
        cmd("disarm", "disarm", "Disarms all alarms", runAlarmDisarm, {}, at("alarmDisarmCommandFunc", "alarm_command.go:52")),
        cmd("list", "list", "Lists all alarms", runAlarmList, {}, at("alarmListCommandFunc", "alarm_command.go:76")),
      ],
    }),
    cmd(
      "defrag",
      "defrag",
      "Defragments the storage of the etcd members with given endpoints",
      runDefrag,
      { persistent: [cluster], flags: [str("data-dir", "", "Optional. If present, defragments a data directory not in use by etcd.")] },
      at("defragCommandFunc", "defrag_command.go:49"),
    ),
    cmd("endpoint", "endpoint <subcommand>", "Endpoint related commands", undefined, {
      persistent: [cluster],
      children: [
        cmd("health", "health", "Checks the healthiness of endpoints specified in `--endpoints` flag", runEndpointHealth, {}, at("epHealthCommandFunc", "ep_command.go:116")),
        cmd(
          "status",
          "status",
          "Prints out the status of endpoints specified in `--endpoints` flag",
          runEndpointStatus,
          {
            long: `When --write-out is set to simple, this command prints out comma-separated status lists for each endpoint.
The items in the lists are endpoint, ID, version, db size, is leader, is learner, raft term, raft index, raft applied index, errors.
`,
          },
          at("epStatusCommandFunc", "ep_command.go:188"),
        ),
        cmd(
          "hashkv",
          "hashkv",
          "Prints the KV history hash for each endpoint in --endpoints",
          runEndpointHashKV,
          { persistent: [int("rev", "maximum revision to hash (default: all revisions)")] },
          at("epHashKVCommandFunc", "ep_command.go:255"),
        ),
      ],
    }),
    cmd("move-leader", "move-leader <transferee-member-id>", "Transfers leadership to another etcd cluster member.", notSimulated),
    cmd(
      "watch",
      "watch [options] [key or prefix] [range_end] [--] [exec-command arg1 arg2 ...]",
      "Watches events stream on keys or prefixes",
      runWatch,
      {
        flags: [
          bool("interactive", "Interactive mode", "i"),
          bool("prefix", "Watch on a prefix if prefix is set"),
          int("rev", "Revision to start watching"),
          bool("prev-kv", "get the previous key-value pair before the event happens"),
          bool("progress-notify", "get periodic watch progress notification from server"),
        ],
      },
      at("watchCommandFunc", "watch_command.go:78"),
    ),
    cmd("version", "version", "Prints the version of etcdctl", runVersion),
    cmd("lease", "lease <subcommand>", "Lease related commands", undefined, {
      children: [
        cmd("grant", "grant <ttl>", "Creates leases", runLeaseGrant, {}, at("leaseGrantCommandFunc", "lease_command.go:61")),
        cmd("revoke", "revoke <leaseID>", "Revokes leases", runLeaseRevoke, {}, at("leaseRevokeCommandFunc", "lease_command.go:94")),
        cmd("timetolive", "timetolive <leaseID> [options]", "Get lease information", runLeaseTimeToLive, { flags: [bool("keys", "Get keys attached to this lease")] }, at("leaseTimeToLiveCommandFunc", "lease_command.go:130")),
        cmd("list", "list", "List all active leases", runLeaseList, {}, at("leaseListCommandFunc", "lease_command.go:156")),
        cmd(
          "keep-alive",
          "keep-alive [options] <leaseID>",
          "Keeps leases alive (renew)",
          runLeaseKeepAlive,
          { flags: [bool("once", "Resets the keep-alive time to its original value and cobrautl.Exits immediately")] },
          at("leaseKeepAliveCommandFunc", "lease_command.go:189"),
        ),
      ],
    }),
    cmd("member", "member <subcommand>", "Membership related commands", undefined, {
      children: [
        cmd("add", "add <memberName> [options]", "Adds a member into the cluster", notSimulated, {
          flags: [str("peer-urls", "", "comma separated peer URLs for the new member."), bool("learner", "indicates if the new member is raft learner")],
        }),
        cmd("remove", "remove <memberID>", "Removes a member from the cluster", notSimulated),
        cmd("update", "update <memberID> [options]", "Updates a member in the cluster", notSimulated, { flags: [str("peer-urls", "", "comma separated peer URLs for the updated member.")] }),
        cmd(
          "list",
          "list",
          "Lists all members in the cluster",
          runMemberList,
          {
            long: `When --write-out is set to simple, this command prints out comma-separated member lists for each endpoint.
The items in the lists are ID, Status, Name, Peer Addrs, Client Addrs, Is Learner.
`,
          },
          at("memberListCommandFunc", "member_command.go:229"),
        ),
        cmd("promote", "promote <memberID>", "Promotes a non-voting member in the cluster", notSimulated),
      ],
    }),
    cmd("snapshot", "snapshot <subcommand>", "Manages etcd node snapshots", undefined, {
      children: [
        cmd("save", "save <filename>", "Stores an etcd node backend snapshot to a given file", runSnapshotSave, {}, at("snapshotSaveCommandFunc", "snapshot_command.go:91")),
        cmd("restore", "restore <filename> [options]", "Restores an etcd member snapshot to an etcd directory", runSnapshotRestore, {
          long: "Moved to `etcdctl snapshot restore ...`\n",
          flags: [
            str("data-dir", "", "Path to the data directory"),
            str("wal-dir", "", "Path to the WAL directory (use --data-dir if none given)"),
            str("initial-cluster", "default=http://localhost:2380", "Initial cluster configuration for restore bootstrap"),
            str("initial-cluster-token", "etcd-cluster", "Initial cluster token for the etcd cluster during restore bootstrap"),
            str("initial-advertise-peer-urls", "http://localhost:2380", "List of this member's peer URLs to advertise to the rest of the cluster"),
            str("name", "default", "Human-readable name for this member"),
            bool("skip-hash-check", "Ignore snapshot integrity hash value (required if copied from data directory)"),
          ],
        }),
        cmd("status", "status <filename>", "[deprecated] Gets backend snapshot status of a given file", runSnapshotStatus, {
          long: `When --write-out is set to simple, this command prints out comma-separated status lists for each endpoint.
The items in the lists are hash, revision, total keys, total size.

Moved to 'etcdctl snapshot status ...'
`,
        }),
      ],
    }),
    cmd("make-mirror", "make-mirror [options] <destination>", "Makes a mirror at the destination etcd cluster", notSimulated),
    cmd("lock", "lock <lockname> [exec-command arg1 arg2 ...]", "Acquires a named lock", notSimulated),
    cmd("elect", "elect <election-name> [proposal]", "Observes and participates in leader election", notSimulated),
    cmd("auth", "auth <enable or disable>", "Enable or disable authentication", undefined, {
      children: [
        cmd("enable", "enable", "Enables authentication", runAuthEnable, {}, at("authEnableCommandFunc", "auth_command.go:58")),
        cmd("disable", "disable", "Disables authentication", notSimulated),
        cmd("status", "status", "Returns authentication status", runAuthStatus, {}, at("authStatusCommandFunc", "auth_command.go:102")),
      ],
    }),
    cmd("user", "user <subcommand>", "User related commands", undefined, {
      children: [
        cmd("add", "add <user name or user:password> [options]", "Adds a new user", notSimulated),
        cmd("delete", "delete <user name>", "Deletes a user", notSimulated),
        cmd("get", "get <user name> [options]", "Gets detailed information of a user", notSimulated),
        cmd("list", "list", "Lists all users", runEmptyList, {}, at("userListCommandFunc", "user_command.go:219")),
        cmd("passwd", "passwd <user name> [options]", "Changes password of user", notSimulated),
        cmd("grant-role", "grant-role <user name> <role>", "Grants a role to a user", notSimulated),
        cmd("revoke-role", "revoke-role <user name> <role name>", "Revokes a role from a user", notSimulated),
      ],
    }),
    cmd("role", "role <subcommand>", "Role related commands", undefined, {
      children: [
        cmd("add", "add <role name>", "Adds a new role", notSimulated),
        cmd("delete", "delete <role name>", "Deletes a role", notSimulated),
        cmd("get", "get <role name>", "Gets detailed information of a role", notSimulated),
        cmd("list", "list", "Lists all roles", runEmptyList, {}, at("roleListCommandFunc", "role_command.go:140")),
        cmd("grant-permission", "grant-permission [options] <role name> <permission type> <key> [endkey]", "Grants a key to a role", notSimulated),
        cmd("revoke-permission", "revoke-permission <role name> <key> [endkey]", "Revokes a key from a role", notSimulated),
      ],
    }),
    cmd("check", "check <subcommand>", "commands for checking properties of the etcd cluster", undefined, {
      children: [
        cmd("perf", "perf [options]", "Check the performance of the etcd cluster", notSimulated),
        cmd("datascale", "datascale [options]", "Check the memory usage of holding data for different workloads on a given server endpoint.", notSimulated),
      ],
    }),
    cmd("help", "help [command]", "Help about any command", help, {
      long: "Help provides help for any command in the application.\nSimply type etcdctl help [path to command] for full details.",
    }),
  ];
  return link<Ctl>({ name: "etcdctl", use: "etcdctl", short: "A simple command line client for etcd3.", persistent: GLOBAL_FLAGS, children });
}
