// The simulated etcdctl 3.5 (API v3): it talks to the sandbox's etcd directly, so its writes reach
// the cluster through the store's watchers like any other etcd client's would.
import { fnv32a } from "../../random";
import type { Command, CommandContext } from "../../shell/types";
import type { World } from "../../world";
import { API_VERSION, ETCDCTL_VERSION } from "./client";
import { allFlags, find, usage } from "./cobra";
import { Ctl, type EtcdctlNode } from "./ctl";
import { FlagError, parseFlags, type ParsedFlags } from "./flags";
import { Exit, ExitCode, Out } from "./output";
import { COMMAND_ORDER, buildTree } from "./tree";

export { readSnapshot, type SnapshotFile } from "./snapshot";
export { ETCDCTL_VERSION } from "./client";

function helpText(node: EtcdctlNode): string {
  return usage(node, ETCDCTL_VERSION, API_VERSION);
}

/** `etcdctl help [command]`: cobra's help command. */
function runHelp(root: EtcdctlNode, c: Ctl): void {
  const found = find(root, c.args, COMMAND_ORDER);
  if (found.error) {
    c.out.err(`Unknown help topic [${c.args.map((a) => `\`${a}\``).join(" ")}]\n`);
    c.out.out(helpText(root));
    return;
  }
  c.out.out(helpText(found.node as EtcdctlNode));
}

function parseOrFail(out: Out, node: EtcdctlNode, args: string[]): ParsedFlags {
  try {
    return parseFlags(args, allFlags(node));
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    // cobra prints the error and the usage, then etcdctl's MustStart prints the error again.
    out.err(`Error: ${e.message}\n`);
    out.out(helpText(node));
    out.err("\n");
    out.fail(ExitCode.error, e.message);
  }
}

export const etcdctlCommand: Command<World> = (ctx: CommandContext<World>) => {
  // etcdctl's main reads ETCDCTL_API and unsets it; anything but 3 is not this client.
  const api = ctx.env.ETCDCTL_API;
  if (api !== undefined && api !== "" && api !== "3") {
    return { stdout: "", stderr: `unsupported API version: ${api}\n`, exitCode: ExitCode.error };
  }
  const env = { ...ctx.env };
  delete env.ETCDCTL_API;
  const context: CommandContext<World> = { ...ctx, env };

  const out = new Out(fnv32a(`${ctx.world.now()}|${ctx.args.join(" ")}`));
  const root: EtcdctlNode = buildTree((c) => runHelp(root, c));
  try {
    const found = find(root, ctx.args, COMMAND_ORDER);
    if (found.error) {
      out.err(`Error: ${found.error}\nRun 'etcdctl --help' for usage.\n`);
      out.fail(ExitCode.error, found.error);
    }
    const node = found.node as EtcdctlNode;
    const parsed = parseOrFail(out, node, found.args);
    if (parsed.values.get("help") === true || !node.run) {
      out.out(helpText(node));
      return out.result(ExitCode.success);
    }
    node.run(new Ctl(context, out, node, parsed));
    return out.result(ExitCode.success);
  } catch (e) {
    if (e instanceof Exit) return out.result(e.code);
    throw e;
  }
};
