// ip (iproute2 5.15 on the machines, BusyBox's applet in pods): addresses, links and routes of
// the network namespace the command runs in, from the network model's interfaces.
import type { CommandResult } from "../../shell/types";
import { hostLinks, hostRoutes, podLinks, podRoutes, routeFor, type Link, type Route } from "../../network";
import { parseIPv4 } from "../../docker/ipnet";
import { isBusybox, type NetToolEnv } from "./common";

function links(env: NetToolEnv): Link[] {
  if (env.src.pod && !env.src.hostNamespace) return podLinks(env.src.pod);
  return env.src.host ? hostLinks(env.world, env.src.host) : [];
}

function routes(env: NetToolEnv): Route[] {
  if (env.src.pod && !env.src.hostNamespace) return podRoutes();
  return env.src.host ? hostRoutes(env.world, env.src.host) : [];
}

function header(l: Link, busybox: boolean, mode: boolean): string {
  const qlen = l.qlen !== undefined ? ` qlen ${l.qlen}` : "";
  if (busybox) return `${l.index}: ${l.name}${l.suffix}: <${l.flags.join(",")}> mtu ${l.mtu} qdisc ${l.qdisc}${qlen}\n`;
  return `${l.index}: ${l.name}${l.suffix}: <${l.flags.join(",")}> mtu ${l.mtu} qdisc ${l.qdisc} state ${l.state}${mode ? " mode DEFAULT" : ""} group default${qlen ? qlen : " "}\n`;
}

function linkLine(l: Link): string {
  return `    link/${l.linkType} ${l.mac} brd ${l.brd}${l.linkNetns ? ` link-netns ${l.linkNetns}` : ""}\n`;
}

function addrLines(l: Link, family: 4 | 6 | undefined): string {
  let text = "";
  for (const a of l.addresses) {
    if (family && a.family !== family) continue;
    if (a.family === 4) text += `    inet ${a.cidr}${a.brd ? ` brd ${a.brd}` : ""} scope ${a.scope} ${l.name}\n`;
    else text += `    inet6 ${a.cidr} scope ${a.scope} \n`;
    text += "       valid_lft forever preferred_lft forever\n";
  }
  return text;
}

function routeLine(r: Route): string {
  const parts: string[] = [];
  if (r.type) parts.push(r.type);
  parts.push(r.dst);
  if (r.via) parts.push("via", r.via);
  if (r.dev) parts.push("dev", r.dev);
  if (r.proto) parts.push("proto", r.proto);
  if (r.scope) parts.push("scope", r.scope);
  if (r.src) parts.push("src", r.src);
  if (r.metric !== undefined) parts.push("metric", String(r.metric));
  if (r.onlink) parts.push("onlink");
  if (r.linkdown) parts.push("linkdown");
  return `${parts.join(" ")} \n`;
}

const OBJECTS: [string, string][] = [
  ["address", "a"],
  ["link", "l"],
  ["route", "r"],
  ["neighbour", "n"],
];

function objectOf(word: string): string | undefined {
  for (const [full] of OBJECTS) if (word.length > 0 && full.startsWith(word)) return full;
  if (word === "neighbor") return "neighbour";
  if (word === "addr") return "address";
  return undefined;
}

/** Runs ip in `env`. */
export function runIp(env: NetToolEnv, args: string[]): CommandResult {
  const busybox = isBusybox(env.flavour);
  let family: 4 | 6 | undefined;
  let brief = false;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith("-"); i++) {
    const a = args[i]!;
    if (a === "-4") family = 4;
    else if (a === "-6") family = 6;
    else if (a === "-br" || a === "-brief") brief = true;
    else if (a === "-c" || a === "-color" || a === "--color" || a.startsWith("-c=") || a.startsWith("--color=") || a === "-o" || a === "-oneline" || a === "-d" || a === "-details" || a === "-s") continue;
    else if (a === "-V" || a === "-Version") return { stdout: busybox ? "" : "ip utility, iproute2-5.15.0, libbpf 0.5.0\n", stderr: "", exitCode: 0 };
    else return { stdout: "", stderr: `Option "${a}" is unknown, try "ip -help".\n`, exitCode: 255 };
  }
  const objWord = args[i];
  if (objWord === undefined) {
    return { stdout: "", stderr: 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n                    -4 | -6 | -I | -D | -M | -B | -0 |\n                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n                    -c[olor]}\n', exitCode: 255 };
  }
  const obj = objectOf(objWord);
  if (!obj) return { stdout: "", stderr: `Object "${objWord}" is unknown, try "ip help".\n`, exitCode: 255 };
  const rest = args.slice(i + 1);
  const verb = rest[0] && !["dev"].includes(rest[0]) ? rest[0] : "show";
  const afterVerb = rest[0] && !["dev"].includes(rest[0]) ? rest.slice(1) : rest;

  if (obj === "address" || obj === "link") {
    if (!["show", "list", "lst", "sh", "ls", "s", "l"].includes(verb)) {
      if (["add", "del", "delete", "set", "change", "replace", "flush"].includes(verb)) return { stdout: "", stderr: "RTNETLINK answers: Operation not permitted\n", exitCode: 2 };
      return { stdout: "", stderr: `Command "${verb}" is unknown, try "ip ${obj} help".\n`, exitCode: 255 };
    }
    const devArg = afterVerb[0] === "dev" ? afterVerb[1] : afterVerb[0];
    let list = links(env);
    if (devArg) {
      list = list.filter((l) => l.name === devArg);
      if (list.length === 0) return { stdout: "", stderr: `Device "${devArg}" does not exist.\n`, exitCode: 1 };
    }
    let text = "";
    for (const l of list) {
      if (brief) {
        const name = `${l.name}${l.suffix}`.padEnd(16);
        if (obj === "link") text += `${name} ${l.state.padEnd(14)} ${l.linkType === "ether" ? l.mac : l.linkType === "loopback" ? "00:00:00:00:00:00" : ""} <${l.flags.join(",")}> \n`;
        else {
          const addrs = l.addresses.filter((a) => !family || a.family === family).map((a) => `${a.cidr} `);
          if (family && addrs.length === 0) continue;
          text += `${name} ${l.state.padEnd(14)} ${addrs.join("")}\n`;
        }
        continue;
      }
      if (obj === "link") {
        text += header(l, busybox, true) + linkLine(l);
        continue;
      }
      if (family && !l.addresses.some((a) => a.family === family)) continue;
      text += header(l, busybox, false);
      if (!family) text += linkLine(l);
      text += addrLines(l, family);
    }
    return { stdout: text, stderr: "", exitCode: 0 };
  }
  if (obj === "route") {
    const table = routes(env);
    if (verb === "get") {
      const ip = afterVerb.find((a) => parseIPv4(a) !== null);
      if (!ip) return { stdout: "", stderr: `Error: any valid prefix is expected rather than "${afterVerb[0] ?? ""}".\n`, exitCode: 1 };
      const own = links(env).flatMap((l) => l.addresses.filter((a) => a.family === 4).map((a) => a.cidr.split("/")[0]));
      if (own.includes(ip)) return { stdout: `local ${ip} dev lo src ${ip} uid 0 \n    cache <local> \n`, stderr: "", exitCode: 0 };
      const r = routeFor(table, ip);
      if (!r) return { stdout: "", stderr: "RTNETLINK answers: Network is unreachable\n", exitCode: 2 };
      if (r.type === "blackhole") return { stdout: "", stderr: "RTNETLINK answers: Invalid argument\n", exitCode: 2 };
      const tunnel = links(env).find((l) => l.name === "tunl0")?.addresses[0]?.cidr.split("/")[0];
      const eth = links(env).find((l) => l.name === "eth0")?.addresses.find((a) => a.family === 4)?.cidr.split("/")[0];
      const src = r.dev === "tunl0" ? tunnel : eth;
      return { stdout: `${ip}${r.via ? ` via ${r.via}` : ""} dev ${r.dev} src ${src} uid 0 \n    cache \n`, stderr: "", exitCode: 0 };
    }
    if (!["show", "list", "lst", "sh", "ls", "s", "l"].includes(verb)) {
      if (["add", "del", "delete", "change", "replace", "append", "flush"].includes(verb)) return { stdout: "", stderr: "RTNETLINK answers: Operation not permitted\n", exitCode: 2 };
      return { stdout: "", stderr: `Command "${verb}" is unknown, try "ip route help".\n`, exitCode: 255 };
    }
    return { stdout: table.map(routeLine).join(""), stderr: "", exitCode: 0 };
  }
  return { stdout: "", stderr: "", exitCode: 0 };
}
