// File utilities with GNU coreutils' options, output layouts and messages: ls, cat, mkdir,
// rmdir, touch, rm, cp, mv, ln, chmod, chown, chgrp, stat, find, readlink, realpath, basename,
// dirname.
import {
  type Errno,
  canAccess,
  childrenOf,
  compareNames,
  errnoMessage,
  lookup,
  mkdir as fsMkdir,
  move as fsMove,
  normalizePath,
  quoteAlways,
  quoteLocale,
  quoteName,
  readFile,
  rmdir as fsRmdir,
  stat,
  symlink as fsSymlink,
  touch as fsTouch,
  unlink as fsUnlink,
  writeFile,
} from "./vfs";
import type { FsNode } from "../hosts/types";
import { globMatch } from "./pattern";
import { type Proc, type Utility, fileError, getopt, maxOf, readInputs, resolve, usageError, utf8Length } from "./proc";
import { strftime } from "./time-format";

// ---------------------------------------------------------------------------------------------
// ls

const SIX_MONTHS = (365.2425 * 24 * 3600 * 1000) / 2;

function sizeOf(node: FsNode): number {
  if (node.type === "file") return utf8Length(node.content);
  if (node.type === "dir") return 4096;
  return utf8Length(node.target);
}

function blocksOf(node: FsNode): number {
  if (node.type === "dir") return 4;
  if (node.type === "symlink") return 0;
  return Math.ceil(utf8Length(node.content) / 4096) * 4;
}

/** The 10-character mode string of ls -l (with setuid, setgid and sticky letters). */
export function modeString(node: FsNode): string {
  if (node.type === "symlink") return "lrwxrwxrwx";
  const m = node.mode;
  const t = node.type === "dir" ? "d" : "-";
  const rwx = (bits: number, special: boolean, letter: string) => {
    const r = bits & 4 ? "r" : "-";
    const w = bits & 2 ? "w" : "-";
    let x = bits & 1 ? "x" : "-";
    if (special) x = bits & 1 ? letter : letter.toUpperCase();
    return r + w + x;
  };
  return t + rwx((m >> 6) & 7, (m & 0o4000) !== 0, "s") + rwx((m >> 3) & 7, (m & 0o2000) !== 0, "s") + rwx(m & 7, (m & 0o1000) !== 0, "t");
}

/** ls -h: 1024-based, one decimal below 10, always rounded up. */
export function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = ["K", "M", "G", "T", "P"];
  let v = n;
  let i = -1;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    if (r >= 10) return `${Math.ceil(r)}${units[i]}`;
    return `${r.toFixed(1)}${units[i]}`;
  }
  const r = Math.ceil(v);
  if (r >= 1024 && i < units.length - 1) return `1.0${units[i + 1]}`;
  return `${r}${units[i]}`;
}

function lsTime(mtime: number, now: number): string {
  const recent = mtime <= now + 60_000 && now - mtime < SIX_MONTHS;
  return strftime(recent ? "%b %e %H:%M" : "%b %e  %Y", mtime);
}

interface Entry {
  name: string;
  /** Physical path of the entry itself (not followed). */
  path: string;
  node: FsNode;
  /** For symlinks: the node they point to, if any. */
  target?: FsNode;
}

/** GNU ls's columns: as many as fit in `width`, padded with tabs where it can. */
export function lsColumns(names: string[], width: number): string {
  const n = names.length;
  if (n === 0) return "";
  const lens = names.map((x) => [...x].length);
  const maxCols = Math.max(1, Math.min(n, Math.floor(width / 3)));
  let best = 1;
  let bestWidths: number[] = [maxOf(lens, 0)];
  for (let cols = maxCols; cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const widths: number[] = new Array(cols).fill(0);
    for (let i = 0; i < n; i++) {
      const c = Math.floor(i / rows);
      const w = lens[i]! + (c === cols - 1 ? 0 : 2);
      if (w > widths[c]!) widths[c] = w;
    }
    const total = widths.reduce((a, b) => a + b, 0);
    if (total < width || cols === 1) {
      best = cols;
      bestWidths = widths;
      break;
    }
  }
  const rows = Math.ceil(n / best);
  let out = "";
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    let col = 0;
    for (let i = r; i < n; i += rows) {
      out += names[i];
      const w = bestWidths[col++]!;
      if (i + rows >= n) break;
      // GNU ls pads with tabs (8 columns) where it can, then spaces.
      let from = pos + lens[i]!;
      const to = pos + w;
      while (from < to) {
        if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
          out += "\t";
          from += 8 - (from % 8);
        } else {
          out += " ";
          from++;
        }
      }
      pos += w;
    }
    out += "\n";
  }
  return out;
}

const ls: Utility = (p) => {
  const r = getopt("ls", p.args, {
    short: "aAlh1RdtrSFpCnUgoiGLHcu",
    long: {
      all: { key: "a" },
      "almost-all": { key: "A" },
      "human-readable": { key: "h" },
      recursive: { key: "R" },
      directory: { key: "d" },
      reverse: { key: "r" },
      classify: { key: "F" },
      color: { key: "color", arg: false },
      "color=auto": { key: "color" },
      "color=always": { key: "color" },
      "color=never": { key: "color" },
      "group-directories-first": { key: "gdf" },
      "full-time": { key: "full-time" },
      "numeric-uid-gid": { key: "n" },
      dereference: { key: "L" },
      help: { key: "help" },
    },
  });
  if (!r.ok) {
    p.err(r.message);
    return 2;
  }
  const o = r.opts.flags;
  const long = !!(o.l || o.n || o.g || o.o);
  const all = !!o.a;
  const almost = !!o.A && !all;
  const oneLine = !!o["1"] || (!p.stdoutIsTty && !o.C);
  const classify = !!o.F;
  const slash = !!o.p;
  const now = p.now();
  const centos = p.host.distro === "centos";
  let status = 0;

  const sortEntries = (list: Entry[]) => {
    if (o.U) return list;
    const byName = (a: Entry, b: Entry) => compareNames(a.name, b.name, p.collation);
    let sorted: Entry[];
    if (o.t) sorted = [...list].sort((a, b) => b.node.mtime - a.node.mtime || byName(a, b));
    else if (o.S) sorted = [...list].sort((a, b) => sizeOf(b.node) - sizeOf(a.node) || byName(a, b));
    else sorted = [...list].sort(byName);
    if (o.gdf) sorted = [...sorted.filter((e) => (e.target ?? e.node).type === "dir"), ...sorted.filter((e) => (e.target ?? e.node).type !== "dir")];
    return o.r ? sorted.reverse() : sorted;
  };

  const decorate = (e: Entry): string => {
    let name = p.stdoutIsTty ? quoteName(e.name) : e.name;
    const t = e.node.type === "symlink" && !long ? e.node : e.node;
    if (classify) {
      if (t.type === "dir") name += "/";
      else if (t.type === "symlink") name += "@";
      else if (t.mode & 0o111) name += "*";
    } else if (slash && t.type === "dir") name += "/";
    return name;
  };

  const format = (entries: Entry[], isDirListing: boolean): string => {
    if (!long) {
      const names = entries.map(decorate);
      if (oneLine) return names.map((n) => n + "\n").join("");
      return lsColumns(names, p.columns);
    }
    const rows = entries.map((e) => {
      const n = e.node;
      const links = n.type === "dir" ? 2 + childrenOf(p.host.fs, e.path).filter((c) => p.host.fs[e.path + "/" + c]?.type === "dir").length : 1;
      const size = sizeOf(n);
      let name = p.stdoutIsTty ? quoteName(e.name) : e.name;
      if (n.type === "symlink") name += ` -> ${n.target}`;
      else if (classify) name = decorate(e);
      else if (slash && n.type === "dir") name += "/";
      const owner = o.n ? String(p.host.users[n.owner]?.uid ?? n.owner) : n.owner;
      const group = o.n ? n.group : n.group;
      return { mode: modeString(n) + (centos ? "." : ""), links: String(links), owner, group, size: o.h ? humanSize(size) : String(size), time: o["full-time"] ? strftime("%Y-%m-%d %H:%M:%S.000000000 +0000", n.mtime) : lsTime(n.mtime, now), name };
    });
    const w = (k: "links" | "owner" | "group" | "size") => maxOf(rows.map((x) => x[k].length), 0);
    const wl = w("links");
    const wo = w("owner");
    const wg = w("group");
    const ws = w("size");
    let out = "";
    if (isDirListing) {
      const total = entries.reduce((a, e) => a + blocksOf(e.node), 0);
      out += `total ${o.h ? humanSize(total * 1024) : total}\n`;
    }
    for (const x of rows) {
      let line = `${x.mode} ${x.links.padStart(wl)} `;
      if (!o.g) line += `${x.owner.padEnd(wo)} `;
      if (!o.o) line += `${x.group.padEnd(wg)} `;
      line += `${x.size.padStart(ws)} ${x.time} ${x.name}\n`;
      out += line;
    }
    return out;
  };

  const readDir = (path: string, shown: string): Entry[] | null => {
    const s = stat(p.host.fs, path, p.actor);
    if (!s.ok) return null;
    const real = s.value.path;
    if (!canAccess(s.value.node, p.actor, 4)) {
      p.err(`ls: cannot open directory ${quoteAlways(shown)}: Permission denied\n`);
      status = 2;
      return null;
    }
    const entries: Entry[] = [];
    if (all) {
      entries.push({ name: ".", path: real, node: s.value.node });
      const parent = real === "/" ? "/" : real.slice(0, real.lastIndexOf("/")) || "/";
      entries.push({ name: "..", path: parent, node: p.host.fs[parent]! });
    }
    for (const name of childrenOf(p.host.fs, real)) {
      if (name.startsWith(".") && !all && !almost) continue;
      const path2 = real === "/" ? "/" + name : real + "/" + name;
      const node = p.host.fs[path2]!;
      const e: Entry = { name, path: path2, node };
      if (node.type === "symlink") {
        const t = stat(p.host.fs, path2, p.actor);
        if (t.ok) e.target = t.value.node;
      }
      entries.push(e);
    }
    return sortEntries(entries);
  };

  const operands = r.opts.operands.length ? r.opts.operands : ["."];
  const files: Entry[] = [];
  const dirs: Array<{ shown: string; path: string }> = [];
  for (const op of operands) {
    const abs = resolve(p, op);
    const follow = !(long || o.d || classify) || op.endsWith("/") || !!o.L || !!o.H;
    const l = lookup(p.host.fs, abs, p.actor, follow);
    if (!l.ok || !l.value.node) {
      p.err(`ls: cannot access ${quoteAlways(op)}: ${errnoMessage(l.ok ? "ENOENT" : l.code)}\n`);
      status = 2;
      continue;
    }
    const node = l.value.node;
    if (node.type === "dir" && !o.d) dirs.push({ shown: op, path: l.value.path });
    else files.push({ name: op, path: l.value.path, node });
  }
  const sections: string[] = [];
  if (files.length > 0) sections.push(format(sortEntries(files), false));
  const sortedDirs = o.U ? dirs : [...dirs].sort((a, b) => compareNames(a.shown, b.shown, p.collation) * (o.r ? -1 : 1));
  const header = operands.length > 1 || !!o.R;
  const listDirRec = (d: { shown: string; path: string }) => {
    const entries = readDir(d.path, d.shown);
    if (entries === null) {
      if (header && sections.length === 0) return;
      return;
    }
    sections.push((header ? `${d.shown}:\n` : "") + format(entries, true));
    if (o.R) {
      for (const e of entries) {
        if (e.node.type !== "dir" || e.name === "." || e.name === "..") continue;
        listDirRec({ shown: d.shown.endsWith("/") ? d.shown + e.name : `${d.shown}/${e.name}`, path: e.path });
      }
    }
  };
  for (const d of sortedDirs) listDirRec(d);
  p.out(sections.join("\n"));
  return status;
};

// ---------------------------------------------------------------------------------------------
// cat, less, more

const cat: Utility = (p) => {
  const r = getopt("cat", p.args, { short: "nbEsAvTet", long: { number: { key: "n" }, "number-nonblank": { key: "b" }, "show-ends": { key: "E" }, "squeeze-blank": { key: "s" }, "show-all": { key: "A" }, "show-tabs": { key: "T" }, "show-nonprinting": { key: "v" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  let status = 0;
  let lineNo = 0;
  for (const name of r.opts.operands.length ? r.opts.operands : ["-"]) {
    const inputs = readInputs(p, [name], (n, code) => {
      p.err(fileError("cat", n, code));
      status = 1;
    });
    for (const { text } of inputs) {
      const showTabs = !!(o.T || o.A || o.t);
      const showNonPrinting = !!(o.v || o.A || o.e || o.t);
      const showEnds = !!(o.E || o.A || o.e);
      if (!o.n && !o.b && !showEnds && !o.s && !showTabs && !showNonPrinting) {
        p.out(text);
        continue;
      }
      const ls = text.split("\n");
      const endsNl = text.endsWith("\n");
      if (endsNl) ls.pop();
      let out = "";
      let prevBlank = false;
      ls.forEach((line, i) => {
        if (o.s && line === "" && prevBlank) return;
        prevBlank = line === "";
        let l = showNonPrinting || showTabs ? visible(line, showTabs, showNonPrinting) : line;
        if (showEnds) l += "$";
        if (o.b ? line !== "" : o.n) l = `${String(++lineNo).padStart(6)}\t${l}`;
        out += l + (i < ls.length - 1 || endsNl ? "\n" : "");
      });
      p.out(out);
    }
  }
  return status;
};

/** cat -v/-T: control characters as ^X, bytes above 127 as M-x. */
function visible(line: string, tabs: boolean, nonPrinting: boolean): string {
  let out = "";
  const enc = new TextEncoder();
  for (const ch of line) {
    if (ch === "\t") {
      out += tabs ? "^I" : ch;
      continue;
    }
    if (!nonPrinting) {
      out += ch;
      continue;
    }
    for (const b of enc.encode(ch)) {
      let c = b;
      let prefix = "";
      if (c >= 128) {
        prefix = "M-";
        c -= 128;
      }
      if (c < 32) out += prefix + "^" + String.fromCharCode(c + 64);
      else if (c === 127) out += prefix + "^?";
      else out += prefix + String.fromCharCode(c);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// mkdir, rmdir, touch, rm

function parseMode(spec: string, current: number, isDir: boolean, umask: number): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) {
    const v = parseInt(spec, 8);
    // Directories keep their setuid/setgid bits unless the mode names them (GNU behaviour).
    return spec.length <= 3 && isDir ? (current & 0o6000) | v : v;
  }
  let mode = current;
  for (const clause of spec.split(",")) {
    const m = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/.exec(clause);
    if (!m) return null;
    const who = m[1] || "";
    const whoMask = who === "" ? 0o7777 & ~umask : [...who].reduce((acc, c) => acc | (c === "u" ? 0o4700 : c === "g" ? 0o2070 : c === "o" ? 0o1007 : 0o7777), 0);
    const ops = m[2]!.match(/[-+=][rwxXstugo]*/g) ?? [];
    for (const op of ops) {
      const kind = op[0];
      let bits = 0;
      for (const c of op.slice(1)) {
        if (c === "r") bits |= 0o444;
        else if (c === "w") bits |= 0o222;
        else if (c === "x") bits |= 0o111;
        else if (c === "X") {
          if (isDir || (mode & 0o111) !== 0) bits |= 0o111;
        } else if (c === "s") bits |= 0o6000;
        else if (c === "t") bits |= 0o1000;
        else if (c === "u") bits |= ((mode >> 6) & 7) * 0o111;
        else if (c === "g") bits |= ((mode >> 3) & 7) * 0o111;
        else if (c === "o") bits |= (mode & 7) * 0o111;
      }
      const effective = bits & (who === "" ? 0o7777 & ~(umask & 0o777) : whoMask);
      if (kind === "+") mode |= effective;
      else if (kind === "-") mode &= ~effective;
      else {
        const clear = who === "" ? 0o7777 : whoMask;
        mode = (mode & ~clear) | effective;
      }
    }
  }
  return mode & 0o7777;
}

const mkdirCmd: Utility = (p) => {
  const r = getopt("mkdir", p.args, { short: "pvm:", long: { parents: { key: "p" }, verbose: { key: "v" }, mode: { key: "m", arg: true } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  if (r.opts.operands.length === 0) {
    p.err(usageError("mkdir", "missing operand"));
    return 1;
  }
  let mode: number | undefined;
  const m = r.opts.flags.m;
  if (typeof m === "string") {
    const v = parseMode(m, 0o777, true, 0);
    if (v === null) {
      p.err(`mkdir: invalid mode ${quoteLocale(m)}\n`);
      return 1;
    }
    mode = v;
  }
  let status = 0;
  for (const dir of r.opts.operands) {
    const abs = resolve(p, dir);
    const res = fsMkdir(p.host.fs, abs, p.actor, p.now(), { parents: !!r.opts.flags.p, mode });
    if (!res.ok) {
      p.err(`mkdir: cannot create directory ${quoteLocale(dir)}: ${errnoMessage(res.code)}\n`);
      status = 1;
      continue;
    }
    if (mode !== undefined) {
      const s = stat(p.host.fs, abs, p.actor);
      if (s.ok && s.value.node.type === "dir") s.value.node.mode = mode;
    }
    if (r.opts.flags.v) p.out(`mkdir: created directory ${quoteAlways(dir)}\n`);
  }
  return status;
};

const rmdirCmd: Utility = (p) => {
  const r = getopt("rmdir", p.args, { short: "pv", long: { parents: { key: "p" }, verbose: { key: "v" }, "ignore-fail-on-non-empty": { key: "i" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  if (r.opts.operands.length === 0) {
    p.err(usageError("rmdir", "missing operand"));
    return 1;
  }
  let status = 0;
  for (const dir of r.opts.operands) {
    const targets = [dir];
    if (r.opts.flags.p) {
      let d = dir.replace(/\/+$/, "");
      while (d.includes("/")) {
        d = d.slice(0, d.lastIndexOf("/"));
        if (d) targets.push(d);
      }
    }
    for (const t of targets) {
      const res = fsRmdir(p.host.fs, resolve(p, t), p.actor, p.now());
      if (!res.ok) {
        if (res.code === "ENOTEMPTY" && r.opts.flags.i) break;
        p.err(`rmdir: failed to remove ${quoteAlways(t)}: ${errnoMessage(res.code)}\n`);
        status = 1;
        break;
      }
      if (r.opts.flags.v) p.out(`rmdir: removing directory, ${quoteAlways(t)}\n`);
    }
  }
  return status;
};

const touchCmd: Utility = (p) => {
  const r = getopt("touch", p.args, { short: "acmd:t:r:h", long: { "no-create": { key: "c" }, date: { key: "d", arg: true } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  if (r.opts.operands.length === 0) {
    p.err(usageError("touch", "missing file operand"));
    return 1;
  }
  let status = 0;
  for (const f of r.opts.operands) {
    const abs = resolve(p, f);
    if (r.opts.flags.c && !stat(p.host.fs, abs, p.actor).ok) continue;
    const res = fsTouch(p.host.fs, abs, p.actor, p.now());
    if (!res.ok) {
      p.err(`touch: cannot touch ${quoteAlways(f)}: ${errnoMessage(res.code)}\n`);
      status = 1;
    }
  }
  return status;
};

const rm: Utility = (p) => {
  const r = getopt("rm", p.args, { short: "rRfivdI", long: { recursive: { key: "r" }, force: { key: "f" }, verbose: { key: "v" }, dir: { key: "d" }, "no-preserve-root": { key: "npr" }, interactive: { key: "i" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  const recursive = !!(o.r || o.R);
  let force = false;
  for (const [k] of r.opts.list) {
    if (k === "f") force = true;
    if (k === "i" || k === "I") force = false;
  }
  if (r.opts.operands.length === 0) {
    if (force) return 0;
    p.err(usageError("rm", "missing operand"));
    return 1;
  }
  let status = 0;
  const fail = (path: string, code: Errno) => {
    p.err(`rm: cannot remove ${quoteAlways(path)}: ${errnoMessage(code)}\n`);
    status = 1;
  };
  for (const op of r.opts.operands) {
    const base = op.replace(/\/+$/, "").split("/").pop();
    if (base === "." || base === "..") {
      p.err(`rm: refusing to remove '.' or '..' directory: skipping ${quoteAlways(op)}\n`);
      status = 1;
      continue;
    }
    const abs = resolve(p, op);
    if (normalizePath(abs) === "/" && recursive && !o.npr) {
      p.err("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      status = 1;
      continue;
    }
    const l = lookup(p.host.fs, abs, p.actor, false);
    if (!l.ok || !l.value.node) {
      if (!force || (l.ok === false && l.code !== "ENOENT")) fail(op, l.ok ? "ENOENT" : l.code);
      continue;
    }
    const node = l.value.node;
    if (node.type === "dir") {
      if (!recursive) {
        if (o.d) {
          const res = fsRmdir(p.host.fs, abs, p.actor, p.now());
          if (!res.ok) fail(op, res.code);
          else if (o.v) p.out(`removed directory ${quoteAlways(op)}\n`);
          continue;
        }
        fail(op, "EISDIR");
        continue;
      }
      removeTree(p, l.value.path, op.replace(/\/+$/, "") || "/", fail, !!o.v);
      continue;
    }
    const res = fsUnlink(p.host.fs, abs, p.actor, p.now());
    if (!res.ok) fail(op, res.code);
    else if (o.v) p.out(`removed ${quoteAlways(op)}\n`);
  }
  return status;
};

/** rm -r: depth first; a directory that keeps children after failures is left quietly. */
function removeTree(p: Proc, path: string, shown: string, fail: (path: string, code: Errno) => void, verbose: boolean): boolean {
  const fs = p.host.fs;
  const dir = fs[path]!;
  if (!canAccess(dir, p.actor, 4) || !canAccess(dir, p.actor, 1)) {
    if (childrenOf(fs, path).length > 0) {
      fail(shown, "EACCES");
      return false;
    }
  }
  let clean = true;
  for (const name of childrenOf(fs, path).sort()) {
    const child = path === "/" ? "/" + name : path + "/" + name;
    const shownChild = shown.endsWith("/") ? shown + name : `${shown}/${name}`;
    const node = fs[child]!;
    if (node.type === "dir") {
      if (!removeTree(p, child, shownChild, fail, verbose)) clean = false;
      continue;
    }
    const res = fsUnlink(fs, child, p.actor, p.now());
    if (!res.ok) {
      fail(shownChild, res.code);
      clean = false;
    } else if (verbose) p.out(`removed ${quoteAlways(shownChild)}\n`);
  }
  if (!clean) return false;
  const res = fsRmdir(fs, path, p.actor, p.now());
  if (!res.ok) {
    fail(shown, res.code);
    return false;
  }
  if (verbose) p.out(`removed directory ${quoteAlways(shown)}\n`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// cp, mv, ln

function targetFor(p: Proc, src: string, dest: string, destIsDir: boolean): string {
  if (!destIsDir) return dest;
  const base = src.replace(/\/+$/, "").split("/").pop() ?? src;
  return dest.endsWith("/") ? dest + base : `${dest}/${base}`;
}

const cp: Utility = (p) => {
  const r = getopt("cp", p.args, { short: "rRapfivnuLPdt:T", long: { recursive: { key: "r" }, archive: { key: "a" }, force: { key: "f" }, verbose: { key: "v" }, "no-clobber": { key: "n" }, preserve: { key: "p" }, "target-directory": { key: "t", arg: true } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  const recursive = !!(o.r || o.R || o.a);
  const preserve = !!(o.p || o.a);
  const ops = [...r.opts.operands];
  let dest: string;
  if (typeof o.t === "string") dest = o.t;
  else {
    if (ops.length === 0) {
      p.err(usageError("cp", "missing file operand"));
      return 1;
    }
    if (ops.length === 1) {
      p.err(usageError("cp", `missing destination file operand after ${quoteAlways(ops[0]!)}`));
      return 1;
    }
    dest = ops.pop()!;
  }
  const destAbs = resolve(p, dest);
  const ds = stat(p.host.fs, destAbs, p.actor);
  const destIsDir = ds.ok && ds.value.node.type === "dir" && !o.T;
  if (ops.length > 1 && !destIsDir) {
    p.err(`cp: target ${quoteAlways(dest)} is not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const src of ops) {
    const ss = stat(p.host.fs, resolve(p, src), p.actor);
    if (!ss.ok) {
      p.err(`cp: cannot stat ${quoteAlways(src)}: ${errnoMessage(ss.code)}\n`);
      status = 1;
      continue;
    }
    const to = targetFor(p, src, dest, destIsDir);
    const toAbs = resolve(p, to);
    if (ss.value.node.type === "dir" && !recursive) {
      p.err(`cp: -r not specified; omitting directory ${quoteAlways(src)}\n`);
      status = 1;
      continue;
    }
    const ts = stat(p.host.fs, toAbs, p.actor);
    if (ts.ok && ts.value.path === ss.value.path) {
      p.err(`cp: ${quoteAlways(src)} and ${quoteAlways(to)} are the same file\n`);
      status = 1;
      continue;
    }
    if (ss.value.node.type === "dir") {
      if (ts.ok && ts.value.node.type !== "dir") {
        p.err(`cp: cannot overwrite non-directory ${quoteAlways(to)} with directory ${quoteAlways(src)}\n`);
        status = 1;
        continue;
      }
      const dl = lookup(p.host.fs, toAbs, p.actor);
      if (dl.ok && (dl.value.path + "/").startsWith(ss.value.path + "/")) {
        p.err(`cp: cannot copy a directory, ${quoteAlways(src)}, into itself, ${quoteAlways(to)}\n`);
        status = 1;
        continue;
      }
    }
    if (!copyOne(p, ss.value.path, toAbs, src, to, preserve, !!o.n, !!o.v)) status = 1;
  }
  return status;
};

function copyOne(p: Proc, from: string, toAbs: string, shownFrom: string, shownTo: string, preserve: boolean, noClobber: boolean, verbose: boolean): boolean {
  const fs = p.host.fs;
  const s = stat(fs, from, p.actor);
  if (!s.ok) {
    p.err(`cp: cannot stat ${quoteAlways(shownFrom)}: ${errnoMessage(s.code)}\n`);
    return false;
  }
  const node = s.value.node;
  if (node.type === "file") {
    const existing = stat(fs, toAbs, p.actor);
    if (existing.ok && noClobber) return true;
    if (existing.ok && existing.value.node.type === "dir") {
      p.err(`cp: cannot overwrite directory ${quoteAlways(shownTo)} with non-directory\n`);
      return false;
    }
    if (!canAccess(node, p.actor, 4)) {
      p.err(`cp: cannot open ${quoteAlways(shownFrom)} for reading: Permission denied\n`);
      return false;
    }
    const w = writeFile(fs, toAbs, node.content, p.actor, p.now(), { mode: node.mode | 0 });
    if (!w.ok) {
      p.err(`cp: cannot create regular file ${quoteAlways(shownTo)}: ${errnoMessage(w.code)}\n`);
      return false;
    }
    const made = stat(fs, toAbs, p.actor);
    if (made.ok && made.value.node.type === "file") {
      const n = made.value.node;
      if (!existing.ok) n.mode = node.mode & ~p.actor.umask & 0o777;
      if (preserve) {
        n.mode = node.mode;
        n.mtime = node.mtime;
        if (p.actor.uid === 0) {
          n.owner = node.owner;
          n.group = node.group;
        }
      }
    }
    if (verbose) p.out(`${quoteAlways(shownFrom)} -> ${quoteAlways(shownTo)}\n`);
    return true;
  }
  if (node.type !== "dir") return true;
  if (!canAccess(node, p.actor, 4)) {
    p.err(`cp: cannot access ${quoteAlways(shownFrom)}: Permission denied\n`);
    return false;
  }
  const existing = stat(fs, toAbs, p.actor);
  if (!existing.ok) {
    const m = fsMkdir(fs, toAbs, p.actor, p.now(), { mode: node.mode });
    if (!m.ok) {
      p.err(`cp: cannot create directory ${quoteAlways(shownTo)}: ${errnoMessage(m.code)}\n`);
      return false;
    }
    const made = stat(fs, toAbs, p.actor);
    if (made.ok && made.value.node.type === "dir" && preserve) {
      made.value.node.mode = node.mode;
      made.value.node.mtime = node.mtime;
      if (p.actor.uid === 0) {
        made.value.node.owner = node.owner;
        made.value.node.group = node.group;
      }
    }
    if (verbose) p.out(`${quoteAlways(shownFrom)} -> ${quoteAlways(shownTo)}\n`);
  }
  let ok = true;
  for (const name of childrenOf(fs, s.value.path).sort()) {
    if (!copyOne(p, s.value.path + "/" + name, toAbs + "/" + name, `${shownFrom}/${name}`, `${shownTo}/${name}`, preserve, noClobber, verbose)) ok = false;
  }
  return ok;
}

const mv: Utility = (p) => {
  const r = getopt("mv", p.args, { short: "fivnuTt:", long: { force: { key: "f" }, verbose: { key: "v" }, "no-clobber": { key: "n" }, "target-directory": { key: "t", arg: true } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  const ops = [...r.opts.operands];
  let dest: string;
  if (typeof o.t === "string") dest = o.t;
  else {
    if (ops.length === 0) {
      p.err(usageError("mv", "missing file operand"));
      return 1;
    }
    if (ops.length === 1) {
      p.err(usageError("mv", `missing destination file operand after ${quoteAlways(ops[0]!)}`));
      return 1;
    }
    dest = ops.pop()!;
  }
  const ds = stat(p.host.fs, resolve(p, dest), p.actor);
  const destIsDir = ds.ok && ds.value.node.type === "dir" && !o.T;
  if (ops.length > 1 && !destIsDir) {
    p.err(`mv: target ${quoteAlways(dest)} is not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const src of ops) {
    const sl = lookup(p.host.fs, resolve(p, src), p.actor, false);
    if (!sl.ok || !sl.value.node) {
      p.err(`mv: cannot stat ${quoteAlways(src)}: ${errnoMessage(sl.ok ? "ENOENT" : sl.code)}\n`);
      status = 1;
      continue;
    }
    const to = targetFor(p, src, dest, destIsDir);
    const tl = lookup(p.host.fs, resolve(p, to), p.actor, false);
    if (tl.ok && tl.value.path === sl.value.path) {
      p.err(`mv: ${quoteAlways(src)} and ${quoteAlways(to)} are the same file\n`);
      status = 1;
      continue;
    }
    if (tl.ok && tl.value.node && o.n) continue;
    const node = sl.value.node;
    if (tl.ok && tl.value.node) {
      if (tl.value.node.type === "dir" && node.type !== "dir") {
        p.err(`mv: cannot overwrite directory ${quoteAlways(to)} with non-directory\n`);
        status = 1;
        continue;
      }
      if (tl.value.node.type !== "dir" && node.type === "dir") {
        p.err(`mv: cannot overwrite non-directory ${quoteAlways(to)} with directory ${quoteAlways(src)}\n`);
        status = 1;
        continue;
      }
    }
    const res = fsMove(p.host.fs, resolve(p, src), resolve(p, to), p.actor, p.now());
    if (!res.ok) {
      if (res.code === "EINVAL") p.err(`mv: cannot move ${quoteAlways(src)} to a subdirectory of itself, ${quoteAlways(to)}\n`);
      else p.err(`mv: cannot move ${quoteAlways(src)} to ${quoteAlways(to)}: ${errnoMessage(res.code)}\n`);
      status = 1;
      continue;
    }
    if (o.v) p.out(`renamed ${quoteAlways(src)} -> ${quoteAlways(to)}\n`);
  }
  return status;
};

const ln: Utility = (p) => {
  const r = getopt("ln", p.args, { short: "sfnvrT", long: { symbolic: { key: "s" }, force: { key: "f" }, verbose: { key: "v" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  const ops = r.opts.operands;
  if (ops.length === 0) {
    p.err(usageError("ln", "missing file operand"));
    return 1;
  }
  const pairs: Array<[string, string]> = [];
  if (ops.length === 1) pairs.push([ops[0]!, ops[0]!.replace(/\/+$/, "").split("/").pop()!]);
  else {
    const dest = ops[ops.length - 1]!;
    const ds = stat(p.host.fs, resolve(p, dest), p.actor);
    const destIsDir = ds.ok && ds.value.node.type === "dir" && !o.n && !o.T;
    if (ops.length > 2 && !destIsDir) {
      p.err(`ln: target ${quoteAlways(dest)} is not a directory\n`);
      return 1;
    }
    for (const src of ops.slice(0, -1)) pairs.push([src, targetFor(p, src, dest, destIsDir)]);
  }
  let status = 0;
  for (const [target, link] of pairs) {
    const linkAbs = resolve(p, link);
    if (o.f) {
      const existing = lookup(p.host.fs, linkAbs, p.actor, false);
      if (existing.ok && existing.value.node && existing.value.node.type !== "dir") fsUnlink(p.host.fs, linkAbs, p.actor, p.now());
    }
    if (o.s) {
      const res = fsSymlink(p.host.fs, target, linkAbs, p.actor, p.now());
      if (!res.ok) {
        p.err(`ln: failed to create symbolic link ${quoteAlways(link)}: ${errnoMessage(res.code)}\n`);
        status = 1;
      } else if (o.v) p.out(`${quoteAlways(link)} -> ${quoteAlways(target)}\n`);
      continue;
    }
    const s = stat(p.host.fs, resolve(p, target), p.actor);
    if (!s.ok) {
      p.err(`ln: failed to access ${quoteAlways(target)}: ${errnoMessage(s.code)}\n`);
      status = 1;
      continue;
    }
    if (s.value.node.type === "dir") {
      p.err(`ln: ${quoteAlways(target)}: hard link not allowed for directory\n`);
      status = 1;
      continue;
    }
    if (lookup(p.host.fs, linkAbs, p.actor, false).ok && lookup(p.host.fs, linkAbs, p.actor, false).ok && (lookup(p.host.fs, linkAbs, p.actor, false) as { value: { node?: FsNode } }).value.node) {
      p.err(`ln: failed to create hard link ${quoteAlways(link)}: File exists\n`);
      status = 1;
      continue;
    }
    // Hard links are kept as copies: the simulated fs has no inodes.
    const node = s.value.node;
    if (node.type === "file") {
      const w = writeFile(p.host.fs, linkAbs, node.content, p.actor, p.now());
      if (!w.ok) {
        p.err(`ln: failed to create hard link ${quoteAlways(link)} => ${quoteAlways(target)}: ${errnoMessage(w.code)}\n`);
        status = 1;
        continue;
      }
      const made = stat(p.host.fs, linkAbs, p.actor);
      if (made.ok && made.value.node.type === "file") Object.assign(made.value.node, { mode: node.mode, owner: node.owner, group: node.group });
    }
  }
  return status;
};

// ---------------------------------------------------------------------------------------------
// chmod, chown, chgrp

function walk(p: Proc, abs: string, fn: (path: string, node: FsNode) => void) {
  const s = stat(p.host.fs, abs, p.actor);
  if (!s.ok) return;
  fn(s.value.path, s.value.node);
  if (s.value.node.type !== "dir") return;
  for (const name of childrenOf(p.host.fs, s.value.path).sort()) {
    const child = s.value.path === "/" ? "/" + name : s.value.path + "/" + name;
    const n = p.host.fs[child]!;
    if (n.type === "dir") walk(p, child, fn);
    else fn(child, n);
  }
}

const chmod: Utility = (p) => {
  // Modes like -x look like options: take them as the mode when they parse as one.
  const args = [...p.args];
  let modeArg: string | undefined;
  const rest: string[] = [];
  let recursive = false;
  let verbose = false;
  for (const a of args) {
    if (modeArg === undefined && /^[-+=]/.test(a) && /^([ugoa]*[-+=][rwxXstugo]*)(,[ugoa]*[-+=][rwxXstugo]*)*$/.test(a) && !/^-[Rvcf]+$/.test(a)) {
      modeArg = a;
      continue;
    }
    if (a === "-R" || a === "--recursive") recursive = true;
    else if (a === "-v" || a === "--verbose" || a === "-c") verbose = true;
    else if (a === "-f") continue;
    else if (a.startsWith("-") && a.length > 1 && modeArg === undefined && rest.length === 0) {
      if (/^-[Rvcf]+$/.test(a)) {
        if (a.includes("R")) recursive = true;
        continue;
      }
      p.err(usageError("chmod", `invalid option -- '${a[1]}'`));
      return 1;
    } else if (modeArg === undefined) modeArg = a;
    else rest.push(a);
  }
  if (modeArg === undefined) {
    p.err(usageError("chmod", "missing operand"));
    return 1;
  }
  if (rest.length === 0) {
    p.err(usageError("chmod", `missing operand after ${quoteLocale(modeArg)}`));
    return 1;
  }
  if (parseMode(modeArg, 0, false, 0) === null) {
    p.err(usageError("chmod", `invalid mode: ${quoteLocale(modeArg)}`));
    return 1;
  }
  let status = 0;
  for (const f of rest) {
    const abs = resolve(p, f);
    const s = stat(p.host.fs, abs, p.actor);
    if (!s.ok) {
      p.err(`chmod: cannot access ${quoteAlways(f)}: ${errnoMessage(s.code)}\n`);
      status = 1;
      continue;
    }
    const apply = (path: string, node: FsNode) => {
      if (node.type === "symlink") return;
      const shown = path === s.value.path ? f : f.replace(/\/+$/, "") + path.slice(s.value.path.length);
      if (p.actor.uid !== 0 && node.owner !== p.user) {
        p.err(`chmod: changing permissions of ${quoteAlways(shown)}: Operation not permitted\n`);
        status = 1;
        return;
      }
      const old = node.mode;
      node.mode = parseMode(modeArg!, node.mode, node.type === "dir", p.actor.umask) ?? node.mode;
      if (verbose) p.out(`mode of ${quoteAlways(shown)} changed from ${old.toString(8).padStart(4, "0")} (${modeString(node).slice(1)}) to ${node.mode.toString(8).padStart(4, "0")}\n`);
    };
    if (recursive) walk(p, abs, apply);
    else apply(s.value.path, s.value.node);
  }
  return status;
};

function knownUsers(p: Proc): Map<string, number> {
  const users = new Map<string, number>();
  const passwd = p.host.fs["/etc/passwd"];
  if (passwd && passwd.type === "file") for (const line of passwd.content.split("\n")) {
    const f = line.split(":");
    if (f[0] && f[2]) users.set(f[0], Number(f[2]));
  }
  for (const u of Object.values(p.host.users)) users.set(u.name, u.uid);
  return users;
}

function knownGroups(p: Proc): Map<string, number> {
  const groups = new Map<string, number>();
  const g = p.host.fs["/etc/group"];
  if (g && g.type === "file") for (const line of g.content.split("\n")) {
    const f = line.split(":");
    if (f[0] && f[2]) groups.set(f[0], Number(f[2]));
  }
  return groups;
}

function chownLike(p: Proc, tool: "chown" | "chgrp"): number {
  const r = getopt(tool, p.args, { short: "RvhcfHLP", long: { recursive: { key: "R" }, verbose: { key: "v" }, "no-dereference": { key: "h" }, reference: { key: "ref", arg: true } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const ops = r.opts.operands;
  if (ops.length === 0) {
    p.err(usageError(tool, "missing operand"));
    return 1;
  }
  if (ops.length === 1) {
    p.err(usageError(tool, `missing operand after ${quoteLocale(ops[0]!)}`));
    return 1;
  }
  const spec = ops[0]!;
  let owner: string | undefined;
  let group: string | undefined;
  const users = knownUsers(p);
  const groups = knownGroups(p);
  const byId = (m: Map<string, number>, v: string) => (/^\d+$/.test(v) ? [...m.entries()].find(([, id]) => id === Number(v))?.[0] ?? v : v);
  if (tool === "chgrp") group = spec;
  else {
    const m = /^([^:.]*)(?:[:.](.*))?$/.exec(spec)!;
    owner = m[1] || undefined;
    group = m[2] === undefined ? undefined : m[2] || undefined;
    if (m[2] === "" && owner) {
      const acc = p.host.users[owner];
      group = acc ? (byId(groups, String(acc.gid)) ?? owner) : owner;
    }
  }
  if (owner !== undefined) {
    if (!users.has(owner) && !/^\d+$/.test(owner)) {
      p.err(`${tool}: invalid user: ${quoteLocale(spec)}\n`);
      return 1;
    }
    owner = byId(users, owner);
  }
  if (group !== undefined) {
    if (!groups.has(group) && !/^\d+$/.test(group)) {
      p.err(`${tool}: invalid group: ${quoteLocale(spec)}\n`);
      return 1;
    }
    group = byId(groups, group);
  }
  let status = 0;
  for (const f of ops.slice(1)) {
    const abs = resolve(p, f);
    const s = stat(p.host.fs, abs, p.actor, !r.opts.flags.h);
    if (!s.ok) {
      p.err(`${tool}: cannot access ${quoteAlways(f)}: ${errnoMessage(s.code)}\n`);
      status = 1;
      continue;
    }
    const apply = (path: string, node: FsNode) => {
      const shown = path === s.value.path ? f : f.replace(/\/+$/, "") + path.slice(s.value.path.length);
      const allowed = p.actor.uid === 0 || (owner === undefined && node.owner === p.user && group !== undefined && p.actor.groups.includes(group));
      if (!allowed && !(owner === node.owner && group === undefined && node.owner === p.user)) {
        p.err(`${tool}: ${tool === "chown" && owner !== undefined ? "changing ownership of" : "changing group of"} ${quoteAlways(shown)}: Operation not permitted\n`);
        status = 1;
        return;
      }
      if (owner !== undefined) node.owner = owner;
      if (group !== undefined) node.group = group;
    };
    if (r.opts.flags.R) walk(p, abs, apply);
    else apply(s.value.path, s.value.node);
  }
  return status;
}

// ---------------------------------------------------------------------------------------------
// stat, readlink, realpath, basename, dirname

function fileType(node: FsNode): string {
  if (node.type === "dir") return "directory";
  if (node.type === "symlink") return "symbolic link";
  return node.content.length === 0 ? "regular empty file" : "regular file";
}

const statCmd: Utility = (p) => {
  const r = getopt("stat", p.args, { short: "c:Lf", long: { format: { key: "c", arg: true }, printf: { key: "printf", arg: true }, dereference: { key: "L" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  if (r.opts.operands.length === 0) {
    p.err(usageError("stat", "missing operand"));
    return 1;
  }
  const format = (typeof r.opts.flags.c === "string" ? r.opts.flags.c + "\n" : undefined) ?? (typeof r.opts.flags.printf === "string" ? r.opts.flags.printf.replace(/\\n/g, "\n") : undefined);
  let status = 0;
  const users = knownUsers(p);
  const groups = knownGroups(p);
  for (const f of r.opts.operands) {
    const l = lookup(p.host.fs, resolve(p, f), p.actor, !!r.opts.flags.L);
    if (!l.ok || !l.value.node) {
      p.err(`stat: cannot statx ${quoteAlways(f)}: ${errnoMessage(l.ok ? "ENOENT" : l.code)}\n`);
      status = 1;
      continue;
    }
    const node = l.value.node;
    const mode = node.type === "symlink" ? 0o777 : node.mode;
    const uid = users.get(node.owner) ?? 0;
    const gid = groups.get(node.group) ?? 0;
    const t = strftime("%Y-%m-%d %H:%M:%S.000000000 +0000", node.mtime);
    if (format !== undefined) {
      const out = format.replace(/%([%aAnNsFUGugyYxXzZbBio])/g, (_m, c: string) => {
        switch (c) {
          case "%":
            return "%";
          case "a":
            return mode.toString(8);
          case "A":
            return modeString(node);
          case "n":
            return f;
          case "N":
            return node.type === "symlink" ? `${quoteAlways(f)} -> ${quoteAlways(node.target)}` : quoteAlways(f);
          case "s":
            return String(sizeOf(node));
          case "F":
            return fileType(node);
          case "U":
            return node.owner;
          case "G":
            return node.group;
          case "u":
            return String(uid);
          case "g":
            return String(gid);
          case "y":
          case "x":
          case "z":
            return t;
          case "Y":
          case "X":
          case "Z":
            return String(Math.floor(node.mtime / 1000));
          case "b":
            return String(blocksOf(node) * 2);
          case "B":
            return "512";
          case "i":
            return String(1000 + (Object.keys(p.host.fs).indexOf(l.value.path) + 1));
          case "o":
            return "4096";
        }
        return "";
      });
      p.out(out);
      continue;
    }
    const name = node.type === "symlink" ? `${f} -> ${node.target}` : f;
    const links = node.type === "dir" ? 2 + childrenOf(p.host.fs, l.value.path).filter((c) => p.host.fs[l.value.path + "/" + c]?.type === "dir").length : 1;
    const inode = 1000 + Object.keys(p.host.fs).indexOf(l.value.path) + 1;
    p.out(
      `  File: ${name}\n` +
        `  Size: ${String(sizeOf(node)).padEnd(15)}\tBlocks: ${String(blocksOf(node) * 2).padEnd(10)} IO Block: 4096   ${fileType(node)}\n` +
        `Device: 801h/2049d\tInode: ${String(inode).padEnd(11)} Links: ${links}\n` +
        `Access: (${mode.toString(8).padStart(4, "0")}/${modeString(node)})  Uid: (${String(uid).padStart(5)}/${node.owner.padStart(8)})   Gid: (${String(gid).padStart(5)}/${node.group.padStart(8)})\n` +
        `Access: ${t}\nModify: ${t}\nChange: ${t}\n Birth: -\n`,
    );
  }
  return status;
};

function canonical(p: Proc, path: string, mustExist: boolean): string | Errno {
  const abs = resolve(p, path);
  const l = lookup(p.host.fs, abs, p.actor, true);
  if (!l.ok) return l.code;
  if (!l.value.node && mustExist) return "ENOENT";
  return l.value.path;
}

const readlink: Utility = (p) => {
  const r = getopt("readlink", p.args, { short: "fenmqsvz", long: { canonicalize: { key: "f" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  if (r.opts.operands.length === 0) {
    p.err(usageError("readlink", "missing operand"));
    return 1;
  }
  let status = 0;
  for (const f of r.opts.operands) {
    if (r.opts.flags.f || r.opts.flags.e || r.opts.flags.m) {
      const c = canonical(p, f, !!r.opts.flags.e);
      if (c.startsWith("/")) p.out(c + (r.opts.flags.n ? "" : "\n"));
      else status = 1;
      continue;
    }
    const l = lookup(p.host.fs, resolve(p, f), p.actor, false);
    if (l.ok && l.value.node?.type === "symlink") p.out(l.value.node.target + (r.opts.flags.n ? "" : "\n"));
    else status = 1;
  }
  return status;
};

const realpath: Utility = (p) => {
  const r = getopt("realpath", p.args, { short: "emsqLPz", long: {} });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  if (r.opts.operands.length === 0) {
    p.err(usageError("realpath", "missing operand"));
    return 1;
  }
  let status = 0;
  for (const f of r.opts.operands) {
    const c = canonical(p, f, !!r.opts.flags.e);
    if (c.startsWith("/")) p.out(c + "\n");
    else {
      p.err(`realpath: ${f}: ${errnoMessage(c as Errno)}\n`);
      status = 1;
    }
  }
  return status;
};

const basenameCmd: Utility = (p) => {
  const r = getopt("basename", p.args, { short: "as:z", long: { multiple: { key: "a" }, suffix: { key: "s", arg: true } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const ops = r.opts.operands;
  if (ops.length === 0) {
    p.err(usageError("basename", "missing operand"));
    return 1;
  }
  const multiple = !!r.opts.flags.a || typeof r.opts.flags.s === "string";
  if (!multiple && ops.length > 2) {
    p.err(usageError("basename", `extra operand ${quoteAlways(ops[2]!)}`));
    return 1;
  }
  const suffix = typeof r.opts.flags.s === "string" ? r.opts.flags.s : multiple ? undefined : ops[1];
  const names = multiple ? ops : [ops[0]!];
  for (const n of names) {
    let b = n.replace(/\/+$/, "");
    b = b === "" ? (n.startsWith("/") ? "/" : "") : b.slice(b.lastIndexOf("/") + 1);
    if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
    p.out(b + "\n");
  }
  return 0;
};

const dirnameCmd: Utility = (p) => {
  if (p.args.length === 0) {
    p.err(usageError("dirname", "missing operand"));
    return 1;
  }
  for (const n of p.args) {
    let d = n.replace(/\/+$/, "");
    if (d === "") {
      p.out((n.startsWith("/") ? "/" : ".") + "\n");
      continue;
    }
    const i = d.lastIndexOf("/");
    d = i === -1 ? "." : d.slice(0, i).replace(/\/+$/, "") || "/";
    p.out(d + "\n");
  }
  return 0;
};

// ---------------------------------------------------------------------------------------------
// find

type FindExpr =
  | { t: "and" | "or"; l: FindExpr; r: FindExpr }
  | { t: "not"; e: FindExpr }
  | { t: "test"; fn: (path: string, shown: string, node: FsNode, depth: number) => boolean };

const find: Utility = (p) => {
  const args = p.args;
  let i = 0;
  const starts: string[] = [];
  while (i < args.length && !args[i]!.startsWith("-") && args[i] !== "!" && args[i] !== "(") starts.push(args[i++]!);
  if (starts.length === 0) starts.push(".");
  let maxDepth = Infinity;
  let minDepth = 0;
  let hasAction = false;
  let status = 0;
  const actions: string[] = [];
  const tokens = args.slice(i);
  let k = 0;
  const fail = (msg: string): never => {
    throw new Error(msg);
  };
  const primary = (): FindExpr => {
    const t = tokens[k++];
    if (t === undefined) fail("find: expected an expression after '!'\n");
    const need = (): string => {
      const v = tokens[k++];
      if (v === undefined) fail(`find: missing argument to \`${t}'\n`);
      return v!;
    };
    switch (t) {
      case "!":
      case "-not":
        return { t: "not", e: primary() };
      case "(": {
        const e = orExpr();
        if (tokens[k++] !== ")") fail("find: invalid expression; you have used a binary operator ')' with nothing before it.\n");
        return e;
      }
      case "-name":
      case "-iname": {
        const pat = need();
        const ci = t === "-iname";
        return { t: "test", fn: (_path, shown) => globMatch(ci ? pat.toLowerCase() : pat, ci ? baseOf(shown).toLowerCase() : baseOf(shown)) };
      }
      case "-path":
      case "-wholename": {
        const pat = need();
        return { t: "test", fn: (_path, shown) => globMatch(pat, shown) };
      }
      case "-type": {
        const ty = need();
        if (!/^[fdl]$/.test(ty)) fail(`find: Unknown argument to -type: ${ty}\n`);
        return { t: "test", fn: (_p, _s, node) => (ty === "f" ? node.type === "file" : ty === "d" ? node.type === "dir" : node.type === "symlink") };
      }
      case "-maxdepth":
        maxDepth = Number(need());
        return { t: "test", fn: () => true };
      case "-mindepth":
        minDepth = Number(need());
        return { t: "test", fn: () => true };
      case "-empty":
        return { t: "test", fn: (path, _s, node) => (node.type === "file" ? node.content === "" : node.type === "dir" ? childrenOf(p.host.fs, path).length === 0 : false) };
      case "-user": {
        const u = need();
        return { t: "test", fn: (_p, _s, node) => node.owner === u };
      }
      case "-group": {
        const g = need();
        return { t: "test", fn: (_p, _s, node) => node.group === g };
      }
      case "-perm": {
        const spec = need();
        const v = parseInt(spec.replace(/^[-/]/, ""), 8);
        return { t: "test", fn: (_p, _s, node) => node.type !== "symlink" && (spec.startsWith("-") ? (node.mode & v) === v : spec.startsWith("/") ? (node.mode & v) !== 0 : (node.mode & 0o7777) === v) };
      }
      case "-size": {
        const spec = need();
        const m = /^([+-]?)(\d+)([ckMG]?)$/.exec(spec);
        if (!m) fail(`find: invalid argument \`${spec}' to \`-size'\n`);
        const unit = { c: 1, k: 1024, M: 1024 * 1024, G: 1024 ** 3, "": 512 }[m![3] as "c" | "k" | "M" | "G" | ""];
        const n = Number(m![2]);
        return {
          t: "test",
          fn: (_p, _s, node) => {
            const size = Math.ceil(sizeOf(node) / unit);
            return m![1] === "+" ? size > n : m![1] === "-" ? size < n : size === n;
          },
        };
      }
      case "-newer": {
        const ref = stat(p.host.fs, resolve(p, need()), p.actor);
        const t0 = ref.ok ? ref.value.node.mtime : Infinity;
        return { t: "test", fn: (_p, _s, node) => node.mtime > t0 };
      }
      case "-print":
      case "-print0":
        hasAction = true;
        return { t: "test", fn: (_p, shown) => (p.out(shown + (t === "-print0" ? "\0" : "\n")), true) };
      case "-delete":
        hasAction = true;
        actions.push("delete");
        return {
          t: "test",
          fn: (path, shown, node) => {
            const res = node.type === "dir" ? fsRmdir(p.host.fs, path, p.actor, p.now()) : fsUnlink(p.host.fs, path, p.actor, p.now());
            if (!res.ok) {
              p.err(`find: cannot delete ${quoteLocale(shown)}: ${errnoMessage(res.code)}\n`);
              status = 1;
            }
            return res.ok;
          },
        };
      case "-exec":
      case "-ok": {
        hasAction = true;
        const cmd: string[] = [];
        while (k < tokens.length && tokens[k] !== ";" && tokens[k] !== "+") cmd.push(tokens[k++]!);
        const term = tokens[k++];
        if (term === undefined) fail(`find: missing argument to \`${t}'\n`);
        if (term === "+") {
          const batch: string[] = [];
          actions.push("batch");
          batches.push({ cmd, items: batch });
          return { t: "test", fn: (_p, shown) => (batch.push(shown), true) };
        }
        return { t: "test", fn: (_p, shown) => p.spawn(cmd.map((c) => c.split("{}").join(shown)), "") === 0 };
      }
      case "-true":
        return { t: "test", fn: () => true };
      case "-false":
        return { t: "test", fn: () => false };
      default:
        if (t!.startsWith("-")) fail(`find: unknown predicate \`${t}'\n`);
        fail(`find: paths must precede expression: \`${t}'\n`);
    }
    return { t: "test", fn: () => true };
  };
  const andExpr = (): FindExpr => {
    let l = primary();
    while (k < tokens.length && tokens[k] !== "-o" && tokens[k] !== "-or" && tokens[k] !== ")" && tokens[k] !== ",") {
      if (tokens[k] === "-a" || tokens[k] === "-and") k++;
      l = { t: "and", l, r: primary() };
    }
    return l;
  };
  const orExpr = (): FindExpr => {
    let l = andExpr();
    while (tokens[k] === "-o" || tokens[k] === "-or") {
      k++;
      l = { t: "or", l, r: andExpr() };
    }
    return l;
  };
  const batches: Array<{ cmd: string[]; items: string[] }> = [];
  let expr: FindExpr = { t: "test", fn: () => true };
  try {
    if (tokens.length > 0) expr = orExpr();
    if (k < tokens.length) fail(`find: paths must precede expression: \`${tokens[k]}'\n`);
  } catch (e) {
    p.err(e instanceof Error ? e.message : "find: invalid expression\n");
    return 1;
  }
  const evalE = (e: FindExpr, path: string, shown: string, node: FsNode, depth: number): boolean => {
    switch (e.t) {
      case "and":
        return evalE(e.l, path, shown, node, depth) && evalE(e.r, path, shown, node, depth);
      case "or":
        return evalE(e.l, path, shown, node, depth) || evalE(e.r, path, shown, node, depth);
      case "not":
        return !evalE(e.e, path, shown, node, depth);
      default:
        return e.fn(path, shown, node, depth);
    }
  };
  const deleting = actions.includes("delete");
  const visit = (path: string, shown: string, node: FsNode, depth: number) => {
    const match = () => {
      if (depth < minDepth) return;
      const ok = evalE(expr, path, shown, node, depth);
      if (ok && !hasAction) p.out(shown + "\n");
    };
    if (!deleting) match();
    if (node.type === "dir" && depth < maxDepth) {
      if (!canAccess(node, p.actor, 4)) {
        p.err(`find: ${quoteLocale(shown)}: Permission denied\n`);
        status = 1;
      } else {
        for (const name of childrenOf(p.host.fs, path).sort()) {
          const child = path === "/" ? "/" + name : path + "/" + name;
          const n = p.host.fs[child];
          if (n) visit(child, shown.endsWith("/") ? shown + name : `${shown}/${name}`, n, depth + 1);
        }
      }
    }
    if (deleting) match();
  };
  for (const start of starts) {
    const l = lookup(p.host.fs, resolve(p, start), p.actor, true);
    if (!l.ok || !l.value.node) {
      p.err(`find: ${quoteLocale(start)}: ${errnoMessage(l.ok ? "ENOENT" : l.code)}\n`);
      status = 1;
      continue;
    }
    visit(l.value.path, start, l.value.node, 0);
  }
  for (const b of batches) if (b.items.length > 0) p.spawn([...b.cmd.filter((c) => c !== "{}"), ...b.items], "");
  return status;
};

const baseOf = (shown: string) => {
  const s = shown.replace(/\/+$/, "");
  return s === "" ? "/" : s.slice(s.lastIndexOf("/") + 1);
};

export const FILE_UTILITIES: Record<string, Utility> = {
  ls,
  dir: ls,
  cat,
  less: cat,
  more: cat,
  mkdir: mkdirCmd,
  rmdir: rmdirCmd,
  touch: touchCmd,
  rm,
  cp,
  mv,
  ln,
  chmod,
  chown: (p) => chownLike(p, "chown"),
  chgrp: (p) => chownLike(p, "chgrp"),
  stat: statCmd,
  readlink,
  realpath,
  basename: basenameCmd,
  dirname: dirnameCmd,
  find,
};

export { parseMode, readFile };
