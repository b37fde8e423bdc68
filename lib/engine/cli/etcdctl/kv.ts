// get, put, del, txn, compaction and watch, as etcdctl 3.5's *_command.go implement them: the
// same argument checks in the same order, then one request to the connected member.
import { etcdErrors, isEtcdError, type Compare, type RequestOp, type SortOrder, type SortTarget, type WatchEvent } from "../../store";
import { RpcError } from "./client";
import type { Ctl } from "./ctl";
import { parseGoInt } from "./flags";
import { goQuote } from "./format";
import { ExitCode, Exit } from "./output";
import { printDel, printGet, printPut, printTxn, printWatch, type TxnOpResult } from "./printers";

/** How long `etcdctl watch` shows events before the learner presses Ctrl-C. */
export const WATCH_MS = 10_000;
const WATCH_STEP_MS = 1_000;

/** Runs a unary request; its failure is etcdctl's `Error: <err>` with exit 1. */
function request<T>(c: Ctl, fn: () => T, wrap: (m: string) => string = (m) => m): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RpcError) c.out.fail(ExitCode.error, wrap(e.message));
    throw e;
  }
}

// ------------------------------------------------------------------------------- get

interface GetOp {
  key: string;
  prefix: boolean;
  fromKey: boolean;
  rangeEnd?: string;
  limit: number;
  revision: number;
  keysOnly: boolean;
  countOnly: boolean;
  sortOrder: SortOrder;
  sortTarget: SortTarget;
  serializable: boolean;
}

/** getGetOp: argument and flag checks, in etcdctl's order. */
function getGetOp(c: Ctl, args: string[]): GetOp {
  const fail = (code: number, m: string) => c.out.fail(code, m);
  if (args.length === 0) fail(ExitCode.badArgs, "get command needs one argument as key and an optional argument as range_end");
  const prefix = c.bool("prefix");
  const fromKey = c.bool("from-key");
  if (prefix && fromKey) fail(ExitCode.badArgs, "`--prefix` and `--from-key` cannot be set at the same time, choose one");
  const keysOnly = c.bool("keys-only");
  const countOnly = c.bool("count-only");
  if (keysOnly && countOnly) fail(ExitCode.badArgs, "`--keys-only` and `--count-only` cannot be set at the same time, choose one");
  const consistency = c.str("consistency");
  if (consistency !== "s" && consistency !== "l") fail(ExitCode.badFeature, `unknown consistency flag ${goQuote(consistency)}`);
  if (args.length > 1 && (prefix || fromKey)) {
    fail(ExitCode.badArgs, "too many arguments, only accept one argument when `--prefix` or `--from-key` is set");
  }
  const orderRaw = c.str("order");
  const order = orderRaw.toUpperCase();
  if (order !== "" && order !== "ASCEND" && order !== "DESCEND") fail(ExitCode.badFeature, `bad sort order ${orderRaw}`);
  const targetRaw = c.str("sort-by");
  const target = targetRaw.toUpperCase();
  const targets: Record<string, SortTarget> = { "": "KEY", CREATE: "CREATE", KEY: "KEY", MODIFY: "MOD", VALUE: "VALUE", VERSION: "VERSION" };
  if (targets[target] === undefined) fail(ExitCode.badFeature, `bad sort target ${targetRaw}`);
  return {
    key: args[0]!,
    prefix,
    fromKey,
    rangeEnd: args[1],
    limit: c.int("limit"),
    revision: Math.max(0, c.int("rev")),
    keysOnly,
    countOnly,
    sortOrder: order === "" ? "NONE" : (order as SortOrder),
    sortTarget: targets[target]!,
    serializable: consistency === "s",
  };
}

function rangeParams(op: GetOp) {
  return {
    prefix: op.prefix,
    fromKey: op.fromKey,
    ...(op.rangeEnd !== undefined ? { rangeEnd: op.rangeEnd } : {}),
    limit: op.limit,
    revision: op.revision,
    keysOnly: op.keysOnly,
    countOnly: op.countOnly,
    sortOrder: op.sortOrder,
    sortTarget: op.sortTarget,
  };
}

export function runGet(c: Ctl): void {
  const op = getGetOp(c, c.args);
  const client = c.client();
  const store = client.store;
  const resp = request(c, () => client.unary((member) => store.range(op.key, { ...rangeParams(op), serializable: op.serializable, member })));
  const d = c.d;
  if (op.countOnly && d.format !== "fields") c.out.fail(ExitCode.badArgs, "--count-only is only for `--write-out=fields`");
  if (c.bool("print-value-only")) {
    if (d.format !== "simple") c.out.fail(ExitCode.badArgs, "print-value-only is only for `--write-out=simple`");
    d.valueOnly = true;
  }
  printGet(d, resp);
}

// ------------------------------------------------------------------------------- put

/** strconv.ParseInt(id, 16, 64) of a lease id: the id as the store keeps it ("0" for none). */
function leaseArg(text: string): { id?: string; error?: string } {
  const r = parseGoInt(text, 16);
  if (r.error) return { error: r.error };
  const big = r.big!;
  if (big === 0n) return { id: "0" };
  // A negative id names no lease that can exist.
  if (big < 0n) return { id: "7fffffffffffffff" };
  return { id: big.toString(16).padStart(16, "0") };
}

interface PutOp {
  key: string;
  value: string;
  lease: string;
}

function getPutOp(c: Ctl, args: string[], stdin: string): PutOp {
  const usage = "put command needs 1 argument and input from stdin or 2 arguments";
  if (args.length === 0) c.out.fail(ExitCode.badArgs, usage);
  const ignoreValue = c.bool("ignore-value");
  if (ignoreValue && args.length > 1) c.out.fail(ExitCode.badArgs, "put command needs only 1 argument when 'ignore-value' is set");
  let value = "";
  if (!ignoreValue) {
    if (args.length > 1) value = args[1]!;
    else if (stdin !== "") value = stdin;
    else c.out.fail(ExitCode.badArgs, usage);
  }
  const lease = leaseArg(c.str("lease"));
  if (lease.error) c.out.fail(ExitCode.badArgs, `bad lease ID (${lease.error}), expecting ID in Hex`);
  return { key: args[0]!, value, lease: lease.id! };
}

export function runPut(c: Ctl): void {
  const op = getPutOp(c, c.args, c.ctx.stdin);
  const client = c.client();
  const store = client.store;
  const resp = request(c, () =>
    client.unary((member) =>
      store.put(op.key, op.value, {
        lease: op.lease,
        prevKv: c.bool("prev-kv"),
        ignoreValue: c.bool("ignore-value"),
        ignoreLease: c.bool("ignore-lease"),
        member,
      }),
    ),
  );
  printPut(c.d, resp);
}

// ------------------------------------------------------------------------------- del

export function runDel(c: Ctl): void {
  const args = c.args;
  if (args.length === 0 || args.length > 2) c.out.fail(ExitCode.badArgs, "del command needs one argument as key and an optional argument as range_end");
  const prefix = c.bool("prefix");
  const fromKey = c.bool("from-key");
  if (prefix && fromKey) c.out.fail(ExitCode.badArgs, "`--prefix` and `--from-key` cannot be set at the same time, choose one");
  if (args.length > 1 && (prefix || fromKey)) {
    c.out.fail(ExitCode.badArgs, "too many arguments, only accept one argument when `--prefix` or `--from-key` is set");
  }
  const client = c.client();
  const store = client.store;
  const resp = request(c, () =>
    client.unary((member) =>
      store.deleteRange(args[0]!, { prefix, fromKey, ...(args[1] !== undefined ? { rangeEnd: args[1] } : {}), prevKv: c.bool("prev-kv"), member }),
    ),
  );
  printDel(c.d, resp);
}

// ------------------------------------------------------------------------------- compaction

export function runCompaction(c: Ctl): void {
  if (c.args.length !== 1) c.out.fail(ExitCode.badArgs, "compaction command needs 1 argument");
  const rev = parseGoInt(c.args[0]!, 10);
  if (rev.error) c.out.fail(ExitCode.error, rev.error);
  const client = c.client();
  const store = client.store;
  request(c, () => client.unary((member) => store.compact(rev.value!, { member })));
  c.out.out(`compacted revision ${rev.value}\n`);
}

// ------------------------------------------------------------------------------- txn

/** etcdctl's Argify: words, with double-quoted strings unquoted. */
function argify(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    out.push(m[1] !== undefined ? (JSON.parse(`"${m[1]}"`) as string) : m[2]!);
  }
  return out;
}

function parseCompare(line: string): Compare | string {
  const paren = line.indexOf("(");
  if (paren < 0) return `malformed comparison: ${line}`;
  const target = line.slice(0, paren);
  const m = /^"((?:[^"\\]|\\.)*)"\)\s+(\S+)\s+"((?:[^"\\]|\\.)*)"/.exec(line.slice(paren + 1));
  if (!m) return `malformed comparison: ${line}`;
  const key = JSON.parse(`"${m[1]}"`) as string;
  const op = m[2]!;
  const val = JSON.parse(`"${m[3]}"`) as string;
  if (op !== "=" && op !== "!=" && op !== "<" && op !== ">") return `malformed comparison: ${line}`;
  const numeric = (t: Compare["target"]): Compare | string => {
    const n = parseGoInt(val, 10);
    return n.error ? `invalid txn compare request: ${line}` : { key, target: t, result: op, value: n.value! };
  };
  switch (target) {
    case "ver":
    case "version":
      return numeric("VERSION");
    case "c":
    case "create":
      return numeric("CREATE");
    case "m":
    case "mod":
      return numeric("MOD");
    case "val":
    case "value":
      return { key, target: "VALUE", result: op, value: val };
    case "lease":
      return { key, target: "LEASE", result: op, value: val };
    default:
      return `malformed comparison: ${line} (unknown target ${target})`;
  }
}

/** A txn request line: put/get/del with their own flags, parsed as the subcommands do. */
function parseRequest(line: string): RequestOp | undefined {
  const args = argify(line);
  if (args.length < 2) return undefined;
  const [verb, ...rest] = args;
  const flags = new Set(rest.filter((a) => a.startsWith("--")));
  const words = rest.filter((a) => !a.startsWith("--"));
  const known = verb === "put" ? ["--prev-kv", "--ignore-value", "--ignore-lease"] : verb === "get" ? ["--prefix", "--from-key", "--keys-only", "--count-only"] : ["--prefix", "--prev-kv", "--from-key"];
  if ([...flags].some((f) => !known.includes(f))) return undefined;
  if (verb === "put") {
    if (words.length < 2) return undefined;
    return { type: "put", key: words[0]!, value: words[1]!, prevKv: flags.has("--prev-kv") };
  }
  if (verb === "get") {
    return { type: "range", key: words[0]!, prefix: flags.has("--prefix"), fromKey: flags.has("--from-key"), keysOnly: flags.has("--keys-only"), countOnly: flags.has("--count-only"), ...(words[1] !== undefined ? { rangeEnd: words[1] } : {}) };
  }
  if (verb === "del") {
    return { type: "delete", key: words[0]!, prefix: flags.has("--prefix"), fromKey: flags.has("--from-key"), prevKv: flags.has("--prev-kv"), ...(words[1] !== undefined ? { rangeEnd: words[1] } : {}) };
  }
  return undefined;
}

export function runTxn(c: Ctl): void {
  if (c.args.length !== 0) c.out.fail(ExitCode.badArgs, "txn command does not accept argument");
  const client = c.client();
  const interactive = c.bool("interactive");
  const text = c.ctx.stdin;
  let pos = 0;
  // bufio.Reader.ReadString('\n'): undefined at EOF (a last line without a newline included).
  const readLine = (): string | undefined => {
    const nl = text.indexOf("\n", pos);
    if (nl < 0) return undefined;
    const line = text.slice(pos, nl);
    pos = nl + 1;
    return line;
  };
  if (interactive) c.out.out("compares:\n");
  const compare: Compare[] = [];
  for (;;) {
    const line = readLine();
    if (line === undefined) c.out.fail(ExitCode.invalidInput, "EOF");
    if (line.trim() === "") break;
    const cmp = parseCompare(line.trim());
    if (typeof cmp === "string") c.out.fail(ExitCode.invalidInput, cmp);
    compare.push(cmp);
  }
  const readOps = (): RequestOp[] => {
    const ops: RequestOp[] = [];
    for (;;) {
      const line = readLine();
      if (line === undefined || line.trim() === "") return ops;
      const op = parseRequest(line.trim());
      if (!op) c.out.fail(ExitCode.invalidInput, `invalid txn request: ${line.trim()}`);
      ops.push(op);
    }
  };
  if (interactive) c.out.out("success requests (get, put, del):\n");
  const success = readOps();
  if (interactive) c.out.out("failure requests (get, put, del):\n");
  const failure = readOps();
  const store = client.store;
  // txn.Commit runs without a deadline: without quorum it waits until interrupted.
  const resp = client.untimed((member) => {
    try {
      return store.txn({ compare, success, failure }, { member });
    } catch (e) {
      if (isEtcdError(e) && e.clientMessage === undefined) {
        client.warn(`rpc error: code = ${e.code} desc = ${e.message}`);
        c.out.fail(ExitCode.error, e.message);
      }
      throw e;
    }
  });
  printTxn(c.d, { header: resp.header, succeeded: resp.succeeded, responses: resp.responses as TxnOpResult[] });
}

// ------------------------------------------------------------------------------- watch

export function runWatch(c: Ctl): void {
  const envKey = c.ctx.env.ETCDCTL_WATCH_KEY ?? "";
  const envRange = c.ctx.env.ETCDCTL_WATCH_RANGE_END ?? "";
  if (envKey === "" && envRange !== "") c.out.fail(ExitCode.badArgs, `ETCDCTL_WATCH_KEY is empty but got ETCDCTL_WATCH_RANGE_END=${goQuote(envRange)}`);
  if (c.bool("interactive")) {
    // Interactive watch reads requests from the terminal until interrupted.
    c.client().hang();
  }
  const raw = c.ctx.args;
  const sep = raw.indexOf("--", raw.indexOf("watch") + 1);
  if (sep >= 0 && sep === raw.length - 1) c.out.fail(ExitCode.badArgs, "bad number of arguments (found separator --, but no commands)");
  let args = sep >= 0 ? c.args.slice(0, Math.max(0, c.args.length - (raw.length - sep - 1))) : c.args;
  if (args.length === 0 && envKey === "") c.out.fail(ExitCode.badArgs, "bad number of arguments");
  if (sep < 0 && args.length > 0 && envKey !== "") c.out.fail(ExitCode.badArgs, "bad number of arguments (found conflicting environment key)");
  if (envKey !== "") args = envRange !== "" ? [envKey, envRange] : [envKey];

  const client = c.client();
  const member = client.blockingConnect();
  const prefix = c.bool("prefix");
  if (args.length === 2 && prefix) c.out.fail(ExitCode.badArgs, "`range_end` and `--prefix` are mutually exclusive");
  const store = client.store;
  const key = args[0]!;
  const range = { prefix, ...(args[1] !== undefined ? { rangeEnd: args[1] } : {}) };
  const withPrev = c.bool("prev-kv");
  const rev = c.int("rev");
  let next = rev > 0 ? rev : store.revision + 1;

  const canceled = (reason: string): never => {
    c.out.err(`watch was canceled (${reason})\n`);
    c.out.fail(ExitCode.interrupted, "watch is canceled by the server");
  };
  const deliver = () => {
    let events: WatchEvent[];
    try {
      events = store.changesSince(next, key, { ...range, member, requireLeader: true });
    } catch (e) {
      if (isEtcdError(e)) canceled(e.message);
      throw e;
    }
    const byRev = new Map<number, WatchEvent[]>();
    for (const e of events) byRev.set(e.kv.modRevision, [...(byRev.get(e.kv.modRevision) ?? []), e]);
    for (const [r, evs] of byRev) {
      printWatch(c.d, store.status(member).header, evs, withPrev);
      next = r + 1;
    }
  };
  if (!store.leader()) canceled(etcdErrors.noLeader().message);
  for (let t = 0; ; t += WATCH_STEP_MS) {
    deliver();
    if (t >= WATCH_MS) break;
    c.ctx.world.advance(WATCH_STEP_MS);
    if (!store.members().find((m) => m.name === member)?.started) break;
  }
  c.out.out("^C\n");
  throw new Exit(ExitCode.sigint);
}

