// The network tools of the machines (curl, wget, nslookup, dig, ping, ip) as terminal commands,
// and runInPod for programs run inside a pod's container (kubectl exec).
import type { Command, CommandContext } from "../../shell/types";
import type { World } from "../../world";
import { nodeByName, resolveOrigin, type Source } from "../../network";
import type { Flavour, NetToolEnv } from "./common";
import type { HostState } from "../../hosts/types";
import { runCurl } from "./curl";
import { runWget } from "./wget";
import { runNslookup } from "./nslookup";
import { runDig } from "./dig";
import { runPing } from "./ping";
import { runIp } from "./ip";

/** The tool environment of a machine's own shell. */
export function hostToolEnv(ctx: CommandContext<World>): NetToolEnv {
  const world = ctx.world;
  const known = world.hosts[ctx.host.name] === ctx.host ? resolveOrigin(world, { host: ctx.host.name }) : undefined;
  const node = nodeByName(world, ctx.host.name);
  const src: Source = known ?? { host: ctx.host, ...(node ? { node } : {}), ip: ctx.host.ip, hostNamespace: true };
  return { world, src, flavour: hostFlavour(ctx.host), stdoutIsTty: ctx.stdoutIsTty ?? true, files: { host: ctx.host, user: ctx.user, cwd: ctx.cwd }, hostname: ctx.host.name };
}

/** Ubuntu 22.04 on the nodes; CentOS Stream 8 or 9 on the app servers of the Docker labs. */
function hostFlavour(host: HostState): Flavour {
  if (host.distro !== "centos") return "ubuntu";
  const f = host.fs["/etc/os-release"];
  return f?.type === "file" && /^VERSION_ID="?9/m.test(f.content) ? "centos9" : "centos8";
}

const tool =
  (run: (env: NetToolEnv, args: string[]) => ReturnType<Command<World>>): Command<World> =>
  (ctx) =>
    run(hostToolEnv(ctx), ctx.args);

export const NET_COMMANDS: Record<string, Command<World>> = {
  curl: tool(runCurl),
  wget: tool(runWget),
  nslookup: tool(runNslookup),
  dig: tool(runDig),
  ping: tool(runPing),
  ip: tool(runIp),
};

export { runCurl, runWget, runNslookup, runDig, runPing, runIp };
export { runInPod, flavourOf, type PodExecOptions, type PodExecResult } from "./pod";
export type { Flavour, NetToolEnv };
