// ping: iputils 20211215 on the machines, BusyBox's applet in pods. Round-trip times are
// deterministic; time moves by the interval between packets. Without -c a real ping runs
// until Ctrl-C; the terminal here has no Ctrl-C, so it stops after four packets as if the
// learner had pressed it.
import type { CommandResult } from "../../shell/types";
import { lookupSource, pingFromSource, rttMs } from "../../network";
import { parseIPv4 } from "../../docker/ipnet";
import { isBusybox, Out, spend, type NetToolEnv } from "./common";

interface PingOptions {
  count?: number;
  intervalMs: number;
  quiet: boolean;
  deadlineS?: number;
  size: number;
  target?: string;
}

function parse(args: string[], busybox: boolean): PingOptions | { error: string; code: number } {
  const o: PingOptions = { intervalMs: 1000, quiet: false, size: 56 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        const takes = "cisWwtI".includes(f);
        if (!takes) {
          if (f === "q") o.quiet = true;
          else if (f === "n" || f === "4" || f === "v" || f === "D" || f === "O") continue;
          else return { error: busybox ? `ping: invalid option -- '${f}'\n` : `ping: invalid option -- '${f}'\n`, code: busybox ? 1 : 2 };
          continue;
        }
        const rest = a.slice(j + 1);
        const value = rest !== "" ? rest : args[++i];
        if (value === undefined) return { error: `ping: option requires an argument -- '${f}'\n`, code: busybox ? 1 : 2 };
        const n = Number(value);
        if (f === "c") {
          if (!Number.isFinite(n) || n <= 0) return { error: busybox ? `ping: invalid number '${value}'\n` : `ping: invalid argument: '${value}': out of range: 1 <= value <= 9223372036854775807\n`, code: busybox ? 1 : 1 };
          o.count = Math.floor(n);
        } else if (f === "i") o.intervalMs = Math.max(2, Math.round(n * 1000));
        else if (f === "s") o.size = n;
        else if (f === "w") o.deadlineS = n;
        break;
      }
      continue;
    }
    o.target = a;
  }
  return o;
}

const fmt = (n: number) => n.toFixed(3);

/** Runs ping in `env`. */
export function runPing(env: NetToolEnv, args: string[]): CommandResult {
  const busybox = isBusybox(env.flavour);
  const o = parse(args, busybox);
  if ("error" in o) return { stdout: "", stderr: o.error, exitCode: o.code };
  const out = new Out();
  if (!o.target) {
    if (busybox) return { stdout: "", stderr: "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n", exitCode: 1 };
    return { stdout: "", stderr: "ping: usage error: Destination address required\n", exitCode: 1 };
  }
  const target = o.target;
  let ip = target;
  let named = false;
  if (parseIPv4(target) === null) {
    const r = lookupSource(env.world, env.src, target);
    spend(env, r.elapsedMs);
    if (!r.ok) {
      if (busybox) return { stdout: "", stderr: `ping: bad address '${target}'\n`, exitCode: 1 };
      return { stdout: "", stderr: `ping: ${target}: ${r.why === "nxdomain" ? "Name or service not known" : "Temporary failure in name resolution"}\n`, exitCode: 2 };
    }
    ip = r.addresses[0]!;
    named = true;
  }
  const interrupted = o.count === undefined && o.deadlineS === undefined;
  const count = o.count ?? (o.deadlineS !== undefined ? Math.max(1, Math.floor(o.deadlineS)) : 4);
  const reach = pingFromSource(env.world, env.src, ip);
  const start = env.world.now();
  const times: number[] = [];
  const bytes = o.size + 8;
  if (busybox) out.out(`PING ${target} (${ip}): ${o.size} data bytes\n`);
  else out.out(`PING ${target} (${ip}) ${o.size}(${o.size + 28}) bytes of data.\n`);
  if (!reach.ok && reach.why === "net-unreachable") {
    out.err(busybox ? "ping: sendto: Network unreachable\n" : "ping: connect: Network is unreachable\n");
    return out.result(busybox ? 1 : 2);
  }
  let errors = 0;
  for (let seq = 1; seq <= count; seq++) {
    if (seq > 1) spend(env, o.intervalMs);
    if (reach.ok) {
      const t = rttMs(`${env.src.ip}>${ip}|${seq}|${start}`, reach.remote);
      times.push(t);
      if (!o.quiet) {
        const from = !busybox && named ? `${target} (${ip})` : ip;
        out.out(busybox ? `${bytes} bytes from ${ip}: seq=${seq - 1} ttl=${reach.ttl} time=${fmt(t)} ms\n` : `${bytes} bytes from ${from}: icmp_seq=${seq} ttl=${reach.ttl} time=${t < 1 ? fmt(t) : t.toFixed(2)} ms\n`);
      }
    } else if (reach.why === "host-unreachable" && !busybox) {
      errors++;
      if (!o.quiet) out.out(`From ${reach.from} icmp_seq=${seq} Destination Host Unreachable\n`);
    }
  }
  // With no reply the last packet is waited for (ping's linger), then the statistics come.
  if (!reach.ok) spend(env, reach.why === "host-unreachable" ? 3000 : 10_000);
  else spend(env, times[times.length - 1] ?? 0);
  const received = times.length;
  const loss = Math.round(((count - received) / count) * 100);
  // The terminal echoes ^C where the cursor is; the statistics start with a newline.
  if (interrupted && !busybox) out.out("^C");
  if (busybox) {
    out.out(`\n--- ${target} ping statistics ---\n${count} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
    if (received) {
      const avg = times.reduce((a, b) => a + b, 0) / received;
      out.out(`round-trip min/avg/max = ${fmt(Math.min(...times))}/${fmt(avg)}/${fmt(Math.max(...times))} ms\n`);
    }
    return out.result(received ? 0 : 1);
  }
  const elapsed = Math.max(0, (count - 1) * o.intervalMs + Math.round((count - 1) * 1.3) + (received ? 0 : count > 1 ? 40 : 0));
  out.out(`\n--- ${target} ping statistics ---\n${count} packets transmitted, ${received} received, ${errors ? `+${errors} errors, ` : ""}${loss}% packet loss, time ${elapsed}ms\n`);
  if (received) {
    const avg = times.reduce((a, b) => a + b, 0) / received;
    const mdev = Math.sqrt(Math.max(0, times.reduce((a, b) => a + b * b, 0) / received - avg * avg));
    out.out(`rtt min/avg/max/mdev = ${fmt(Math.min(...times))}/${fmt(avg)}/${fmt(Math.max(...times))}/${fmt(mdev)} ms\n`);
  } else if (errors && count > 1) out.out(`pipe ${Math.min(count, 3)}\n`);
  out.out(received ? "" : "\n");
  return out.result(received ? 0 : 1);
}
