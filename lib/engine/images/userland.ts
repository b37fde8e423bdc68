// The file tools of an image's userland, over its root file system (rootfs.ts): ls, cat, pwd,
// which, and the text filters a pipeline ends in (grep, head, tail, wc, sort). GNU coreutils in
// Debian-based images, BusyBox applets in busybox and Alpine images: layouts and messages follow
// whichever the image has.
import { lsColumns } from "../shell/coreutils";
import type { CommandResult } from "../shell/types";
import { isBusybox, joinPath, type ImageFamily, type RootFs, type RootNode } from "./rootfs";

export interface UserlandContext {
  fs: RootFs;
  family: ImageFamily;
  cwd: string;
  /** stdout is a terminal: ls prints columns. */
  tty: boolean;
  columns: number;
  /** For ls -l dates (older than six months show the year). */
  now: number;
  /** $PATH, for which. */
  path: string;
}

const res = (stdout: string, exitCode = 0, stderr = ""): CommandResult => ({ stdout, stderr, exitCode });

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = now - mtime < 182.5 * 86_400_000 && mtime <= now + 3_600_000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function modeString(n: RootNode, path: string): string {
  const type = n.type === "dir" ? "d" : n.type === "link" ? "l" : path.startsWith("/dev/") && !["fd", "core", "stdin", "stdout", "stderr"].includes(path.slice(5)) ? "c" : "-";
  let s = type;
  for (let shift = 6; shift >= 0; shift -= 3) {
    const bits = (n.mode >> shift) & 7;
    s += bits & 4 ? "r" : "-";
    s += bits & 2 ? "w" : "-";
    s += bits & 1 ? "x" : "-";
  }
  if (n.mode & 0o1000) s = s.slice(0, 9) + (s[9] === "x" ? "t" : "T");
  return s;
}

function sizeOf(n: RootNode): number {
  if (n.type === "dir") return 4096;
  if (n.type === "link") return n.target!.length;
  return n.content?.length ?? 0;
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ["K", "M", "G", "T"];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))}${units[u]}`;
}

/** BusyBox ls's columns: one width (the longest name + 2), spaces, down then across. */
function busyboxColumns(names: string[], width: number): string {
  const n = names.length;
  if (n === 0) return "";
  const colWidth = Math.max(...names.map((x) => x.length)) + 2;
  const cols = Math.max(1, Math.floor(width / colWidth));
  const rows = Math.ceil(n / cols);
  let out = "";
  for (let r = 0; r < rows; r++) {
    let line = "";
    for (let c = 0; c < cols; c++) {
      const i = c * rows + r;
      if (i >= n) break;
      if (line !== "") line = line.padEnd(c * colWidth);
      line += names[i];
    }
    out += `${line}\n`;
  }
  return out;
}

interface Entry {
  name: string;
  path: string;
  node: RootNode;
}

function longLines(entries: Entry[], ctx: UserlandContext, humanSizes: boolean): string[] {
  const bb = isBusybox(ctx.family);
  const rows = entries.map((e) => {
    const nlink = e.node.type === "dir" ? 2 + (ctx.fs.list(e.path) ?? []).filter((c) => ctx.fs.node(joinPath(e.path, c))?.type === "dir").length : 1;
    const size = sizeOf(e.node);
    return {
      mode: modeString(e.node, e.path),
      nlink: String(nlink),
      owner: e.node.owner,
      group: e.node.group,
      size: humanSizes ? human(size) : String(size),
      date: lsDate(e.node.mtime, ctx.now),
      name: e.node.type === "link" ? `${e.name} -> ${e.node.target}` : e.name,
    };
  });
  if (bb) return rows.map((r) => `${r.mode} ${r.nlink.padStart(4)} ${r.owner.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.date} ${r.name}`);
  const w = (k: "nlink" | "owner" | "group" | "size") => Math.max(0, ...rows.map((r) => r[k].length));
  const [wl, wo, wg, ws] = [w("nlink"), w("owner"), w("group"), w("size")];
  return rows.map((r) => `${r.mode} ${r.nlink.padStart(wl)} ${r.owner.padEnd(wo)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ${r.name}`);
}

export function ls(ctx: UserlandContext, args: string[]): CommandResult {
  const bb = isBusybox(ctx.family);
  const opts = new Set<string>();
  const operands: string[] = [];
  let dashdash = false;
  for (const a of args) {
    if (!dashdash && a === "--") dashdash = true;
    else if (!dashdash && a.startsWith("--") && a.length > 2) {
      const long: Record<string, string> = { "--all": "a", "--almost-all": "A", "--directory": "d", "--human-readable": "h", "--recursive": "R" };
      const o = long[a.split("=")[0]!];
      if (o) opts.add(o);
      else if (!a.startsWith("--color")) {
        return res("", 2, bb ? `ls: unrecognized option '${a}'\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n` : `ls: unrecognized option '${a}'\nTry 'ls --help' for more information.\n`);
      }
    } else if (!dashdash && a.startsWith("-") && a.length > 1) for (const c of a.slice(1)) opts.add(c);
    else operands.push(a);
  }
  const long = opts.has("l") || opts.has("n");
  const all = opts.has("a");
  const almost = opts.has("A") || all;
  const one = opts.has("1") || !ctx.tty;
  const width = ctx.columns;
  let stdout = "";
  let stderr = "";
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const op of operands.length ? operands : ["."]) {
    const path = joinPath(ctx.cwd, op);
    const node = ctx.fs.node(path);
    const target = node?.type === "link" ? ctx.fs.node(ctx.fs.resolve(path)) : node;
    if (!node || !target) {
      stderr += bb ? `ls: ${op}: No such file or directory\n` : `ls: cannot access '${op}': No such file or directory\n`;
      status = bb ? 1 : 2;
      continue;
    }
    const isDir = target.type === "dir" && !(node.type === "link" && long && !op.endsWith("/"));
    if (isDir && !opts.has("d")) dirs.push({ name: op, path, node: target });
    else files.push({ name: op, path, node });
  }
  const show = (entries: Entry[]) => {
    if (entries.length === 0) return "";
    if (long) return longLines(entries, ctx, opts.has("h")).map((l) => `${l}\n`).join("");
    const names = entries.map((e) => e.name);
    if (one) return names.map((n) => `${n}\n`).join("");
    return bb ? busyboxColumns(names, width) : lsColumns(names, width);
  };
  stdout += show(files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  const many = operands.length > 1 || files.length > 0;
  dirs.forEach((d, i) => {
    if (many) stdout += `${i > 0 || files.length > 0 ? "\n" : ""}${d.name}:\n`;
    let names = ctx.fs.list(d.path) ?? [];
    if (!almost) names = names.filter((n) => !n.startsWith("."));
    const entries: Entry[] = names.map((n) => ({ name: n, path: joinPath(d.path, n), node: ctx.fs.node(joinPath(d.path, n))! }));
    if (all) entries.unshift({ name: ".", path: d.path, node: d.node }, { name: "..", path: joinPath(d.path, ".."), node: ctx.fs.node(ctx.fs.resolve(joinPath(d.path, ".."))) ?? d.node });
    if (long) {
      const blocks = entries.reduce((sum, e) => sum + (e.node.type === "dir" ? 4 : e.node.type === "file" ? Math.ceil(sizeOf(e.node) / 4096) * 4 : 0), 0);
      stdout += `total ${blocks}\n`;
    }
    stdout += show(entries);
  });
  return res(stdout, status, stderr);
}

/** Reads a file for cat and the filters; an error text when it cannot. */
export function readText(ctx: UserlandContext, tool: string, op: string): { text: string } | { error: string } {
  const bb = isBusybox(ctx.family);
  const path = joinPath(ctx.cwd, op);
  const node = ctx.fs.node(ctx.fs.resolve(path));
  if (!node) return { error: bb ? `${tool}: can't open '${op}': No such file or directory\n` : `${tool}: ${op}: No such file or directory\n` };
  if (node.type === "dir") return { error: bb ? `${tool}: read error: Is a directory\n` : `${tool}: ${op}: Is a directory\n` };
  return { text: node.content ?? "" };
}

export function cat(ctx: UserlandContext, args: string[], stdin: string): CommandResult {
  const files = args.filter((a) => a === "-" || !a.startsWith("-"));
  if (files.length === 0) return res(stdin);
  let stdout = "";
  let stderr = "";
  let status = 0;
  for (const f of files) {
    if (f === "-") {
      stdout += stdin;
      continue;
    }
    const r = readText(ctx, "cat", f);
    if ("error" in r) {
      stderr += r.error;
      status = 1;
    } else stdout += r.text;
  }
  return res(stdout, status, stderr);
}

export function which(ctx: UserlandContext, args: string[]): CommandResult {
  let stdout = "";
  let status = 0;
  for (const name of args.filter((a) => !a.startsWith("-"))) {
    const hit = ctx.path
      .split(":")
      .filter(Boolean)
      .map((dir) => `${dir}/${name}`)
      .find((p) => {
        const n = ctx.fs.node(ctx.fs.resolve(p));
        return n?.type === "file" && (n.mode & 0o111) !== 0;
      });
    if (hit) stdout += `${hit}\n`;
    else status = 1;
  }
  return res(stdout, status);
}

/** grep, head, tail, wc and sort, over files or what the pipeline feeds them. */
export function textFilter(ctx: UserlandContext, argv: string[], stdin: string): CommandResult {
  const name = argv[0]!;
  const args = argv.slice(1);
  const operandStart = name === "grep" ? 1 : 0;
  const flagArgs: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("-") && a.length > 1 && !(/^-\d+$/.test(a) && name !== "head" && name !== "tail")) {
      flagArgs.push(a);
      const takesValue = name === "grep" ? a === "-e" || a === "-m" : (name === "head" || name === "tail") && (a === "-n" || a === "-c");
      if (takesValue && i + 1 < args.length) flagArgs.push(args[++i]!);
    } else operands.push(a);
  }
  let input = stdin;
  let stderr = "";
  const fileOps = operands.slice(name === "grep" && !flagArgs.includes("-e") ? operandStart : 0);
  if (fileOps.length > 0) {
    input = "";
    for (const f of fileOps) {
      const r = readText(ctx, name, f);
      if ("error" in r) stderr += r.error;
      else input += r.text;
    }
  }
  const lines = input.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const joined = (ls: string[]) => (ls.length ? `${ls.join("\n")}\n` : "");
  const failed = stderr !== "" ? (name === "grep" ? 2 : 1) : 0;
  switch (name) {
    case "grep": {
      const flags = flagArgs.filter((a) => !a.startsWith("--")).join("").replace(/-/g, "");
      const e = flagArgs.indexOf("-e");
      const pattern = e >= 0 ? (flagArgs[e + 1] ?? "") : (operands[0] ?? "");
      let re: RegExp;
      try {
        re = new RegExp(pattern, flags.includes("i") ? "i" : "");
      } catch {
        re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), flags.includes("i") ? "i" : "");
      }
      const hits = lines.filter((l) => re.test(l) !== flags.includes("v"));
      const status = failed || (hits.length ? 0 : 1);
      if (flags.includes("c")) return res(`${hits.length}\n`, status, stderr);
      if (flags.includes("q")) return res("", status, stderr);
      if (flags.includes("o")) return res(joined(hits.map((l) => re.exec(l)?.[0] ?? "")), status, stderr);
      return res(joined(hits), status, stderr);
    }
    case "head":
    case "tail": {
      let n = 10;
      for (let i = 0; i < flagArgs.length; i++) {
        const a = flagArgs[i]!;
        if (a === "-n") n = Number(flagArgs[++i] ?? 10);
        else if (/^-n\d+$/.test(a)) n = Number(a.slice(2));
      }
      for (const a of args) if (/^-\d+$/.test(a)) n = Number(a.slice(1));
      return res(joined(name === "head" ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n))), failed, stderr);
    }
    case "wc": {
      const f = flagArgs.join("");
      const counts: number[] = [];
      if (f.includes("l")) counts.push(lines.length);
      if (f.includes("w")) counts.push(input.split(/\s+/).filter(Boolean).length);
      if (f.includes("c")) counts.push(input.length);
      if (counts.length === 0) counts.push(lines.length, input.split(/\s+/).filter(Boolean).length, input.length);
      const suffix = fileOps.length === 1 ? ` ${fileOps[0]}` : "";
      const text = counts.length === 1 ? String(counts[0]) : isBusybox(ctx.family) ? counts.map((c) => String(c).padStart(9)).join(" ") : counts.map((c) => String(c).padStart(fileOps.length ? String(Math.max(...counts)).length : 7)).join(" ");
      return res(`${text}${suffix}\n`, failed, stderr);
    }
    case "sort": {
      const f = flagArgs.join("");
      let sorted = [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (f.includes("n")) sorted = [...lines].sort((a, b) => parseFloat(a) - parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0));
      if (f.includes("u")) sorted = sorted.filter((l, i) => i === 0 || l !== sorted[i - 1]);
      if (f.includes("r")) sorted.reverse();
      return res(joined(sorted), failed, stderr);
    }
    default:
      return res(input, failed, stderr);
  }
}
