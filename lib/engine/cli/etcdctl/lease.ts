// lease grant | revoke | timetolive | list | keep-alive (etcdctl 3.5 lease_command.go).
import { isEtcdError } from "../../store";
import { RpcError } from "./client";
import type { Ctl } from "./ctl";
import { parseGoInt } from "./flags";
import { leaseHex } from "./format";
import { ExitCode, Exit } from "./output";
import { printGrant, printKeepAlive, printLeases, printRevoke, printTimeToLive } from "./printers";

/** How long `lease keep-alive` keeps renewing before the learner presses Ctrl-C. */
export const KEEPALIVE_MS = 10_000;

interface LeaseArg {
  /** As the store keeps it. */
  id: string;
  /** %016x of the parsed int64. */
  printed: string;
}

/** leaseFromArgs: strconv.ParseInt(arg, 16, 64), or exit with ExitBadArgs. */
function leaseFromArgs(c: Ctl, arg: string): LeaseArg {
  const r = parseGoInt(arg, 16);
  if (r.error) c.out.fail(ExitCode.badArgs, `bad lease ID arg (${r.error}), expecting ID in Hex`);
  const big = r.big!;
  if (big < 0n) {
    // No lease has a negative id; Go prints the sign inside the width.
    return { id: "7fffffffffffffff", printed: `-${(-big).toString(16).padStart(15, "0")}` };
  }
  const hex = big.toString(16).padStart(16, "0");
  return { id: big === 0n ? "0" : hex, printed: hex };
}

export function runLeaseGrant(c: Ctl): void {
  if (c.args.length !== 1) c.out.fail(ExitCode.badArgs, "lease grant command needs TTL argument");
  const ttl = parseGoInt(c.args[0]!, 10);
  if (ttl.error) c.out.fail(ExitCode.badArgs, `bad TTL (${ttl.error})`);
  const client = c.client();
  const store = client.store;
  let resp;
  try {
    resp = client.unary((member) => store.grant(ttl.value!, { member }));
  } catch (e) {
    if (e instanceof RpcError) c.out.fail(ExitCode.error, `failed to grant lease (${e.message})`);
    throw e;
  }
  printGrant(c.d, resp);
}

export function runLeaseRevoke(c: Ctl): void {
  if (c.args.length !== 1) c.out.fail(ExitCode.badArgs, "lease revoke command needs 1 argument");
  const lease = leaseFromArgs(c, c.args[0]!);
  const client = c.client();
  const store = client.store;
  let resp;
  try {
    resp = client.unary((member) => store.revoke(lease.id, { member }));
  } catch (e) {
    if (e instanceof RpcError) c.out.fail(ExitCode.error, `failed to revoke lease (${e.message})`);
    throw e;
  }
  if (c.d.format === "simple") c.out.out(`lease ${lease.printed} revoked\n`);
  else printRevoke(c.d, lease.id, resp.header);
}

export function runLeaseTimeToLive(c: Ctl): void {
  if (c.args.length !== 1) c.out.fail(ExitCode.badArgs, "lease timetolive command needs lease ID as argument");
  const lease = leaseFromArgs(c, c.args[0]!);
  const client = c.client();
  const store = client.store;
  const keys = c.bool("keys");
  // TimeToLive is sent with context.TODO(): no deadline.
  const resp = client.untimed((member) => store.timeToLive(lease.id, { member, keys }));
  printTimeToLive(c.d, { ...resp, id: lease.id === "0" ? "0" : resp.id }, keys);
}

export function runLeaseList(c: Ctl): void {
  const client = c.client();
  const store = client.store;
  const resp = client.untimed((member) => store.leases({ member }));
  printLeases(c.d, resp);
}

export function runLeaseKeepAlive(c: Ctl): void {
  if (c.args.length !== 1) c.out.fail(ExitCode.badArgs, "lease keep-alive command needs lease ID as argument");
  const lease = leaseFromArgs(c, c.args[0]!);
  const client = c.client();
  const store = client.store;
  const notFound = (e: unknown) => isEtcdError(e) && e.clientMessage === undefined;
  if (c.bool("once")) {
    try {
      printKeepAlive(c.d, client.untimed((member) => store.keepAlive(lease.id, { member })));
    } catch (e) {
      // KeepAliveOnce turns a non-positive TTL into ErrLeaseNotFound; no interceptor warning.
      if (notFound(e)) c.out.fail(ExitCode.badConnection, (e as Error).message);
      throw e;
    }
    return;
  }
  // The client renews every TTL/3 seconds until the lease is gone or the learner interrupts.
  const start = c.now();
  for (;;) {
    let ttl: number;
    try {
      const resp = client.untimed((member) => store.keepAlive(lease.id, { member }));
      printKeepAlive(c.d, resp);
      ttl = resp.ttl;
    } catch (e) {
      if (!notFound(e)) throw e;
      if (c.d.format === "simple") c.out.out(`lease ${leaseHex(lease.printed)} expired or revoked.\n`);
      return;
    }
    const wait = Math.max(500, Math.floor((ttl * 1000) / 3));
    if (c.now() + wait - start > KEEPALIVE_MS) break;
    c.ctx.world.advance(wait);
  }
  c.ctx.world.advance(Math.max(0, KEEPALIVE_MS - (c.now() - start)));
  c.out.out("^C\n");
  throw new Exit(ExitCode.sigint);
}
