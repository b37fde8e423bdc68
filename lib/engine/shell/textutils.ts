// Text filters with GNU options, layouts and messages: grep, head, tail, wc, sort, uniq, cut,
// tr, tee, sed, base64, seq, tac, rev, nl.
import { type Errno, canAccess, childrenOf, compareNames, errnoMessage, quoteAlways, quoteLocale, quoteName, readFile, stat, writeFile } from "./vfs";
import { type RegexFlavor, compilePosix, globMatch } from "./pattern";
import { type Proc, type Utility, fileError, getopt, joinLines, lines, maxOf, pushAll, readInputs, resolve, usageError, utf8Length } from "./proc";

// ---------------------------------------------------------------------------------------------
// grep

const grep: Utility = (p) => {
  const r = getopt(p.name === "egrep" || p.name === "fgrep" ? "grep" : p.name, p.args, {
    short: "ivcnlLhHrRwxoqsEFGPe:f:A:B:C:mzZ",
    long: {
      "ignore-case": { key: "i" },
      "invert-match": { key: "v" },
      count: { key: "c" },
      "line-number": { key: "n" },
      "files-with-matches": { key: "l" },
      "files-without-match": { key: "L" },
      "no-filename": { key: "h" },
      "with-filename": { key: "H" },
      recursive: { key: "r" },
      "dereference-recursive": { key: "R" },
      "word-regexp": { key: "w" },
      "line-regexp": { key: "x" },
      "only-matching": { key: "o" },
      quiet: { key: "q" },
      silent: { key: "q" },
      "no-messages": { key: "s" },
      "extended-regexp": { key: "E" },
      "fixed-strings": { key: "F" },
      "basic-regexp": { key: "G" },
      "perl-regexp": { key: "P" },
      regexp: { key: "e", arg: true },
      file: { key: "f", arg: true },
      "after-context": { key: "A", arg: true },
      "before-context": { key: "B", arg: true },
      context: { key: "C", arg: true },
      color: { key: "color" },
      colour: { key: "color" },
      "color=auto": { key: "color" },
      "color=always": { key: "color" },
      "color=never": { key: "color" },
      include: { key: "include", arg: true },
      exclude: { key: "exclude", arg: true },
      "exclude-dir": { key: "exclude-dir", arg: true },
      help: { key: "help" },
    },
  });
  if (!r.ok) {
    p.err(r.message.replace(/Try '[ef]?grep --help'/, "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help'"));
    return 2;
  }
  const o = r.opts.flags;
  const operands = [...r.opts.operands];
  let patterns: string[] = [];
  for (const [k, v] of r.opts.list) {
    if (k === "e" && typeof v === "string") pushAll(patterns, v.split("\n"));
    if (k === "f" && typeof v === "string") {
      const f = readFile(p.host.fs, resolve(p, v), p.actor);
      if (!f.ok) {
        p.err(fileError("grep", v, f.code));
        return 2;
      }
      pushAll(patterns, lines(f.value));
    }
  }
  if (!r.opts.list.some(([k]) => k === "e" || k === "f")) {
    const pat = operands.shift();
    if (pat === undefined) {
      p.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns = pat.split("\n");
  }
  let flavor: RegexFlavor | "fixed" = p.name === "egrep" ? "extended" : p.name === "fgrep" ? "fixed" : "basic";
  for (const [k] of r.opts.list) {
    if (k === "E" || k === "P") flavor = "extended";
    if (k === "F") flavor = "fixed";
    if (k === "G") flavor = "basic";
  }
  let re: RegExp;
  try {
    const sources = patterns.map((pt) => (flavor === "fixed" ? pt.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") : compilePosix(pt, flavor).source));
    let src = sources.map((s) => `(?:${s})`).join("|");
    if (o.w) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
    if (o.x) src = `^(?:${src})$`;
    re = new RegExp(src, o.i ? "gi" : "g");
  } catch (e) {
    p.err(`grep: ${e instanceof Error ? e.message : "Invalid regular expression"}\n`);
    return 2;
  }
  const num = (v: string | true | undefined, opt: string): number | null => {
    if (v === undefined || v === true) return 0;
    if (!/^\d+$/.test(v)) {
      p.err(`grep: ${v}: invalid context length argument\n`);
      void opt;
      return null;
    }
    return Number(v);
  };
  const ctxC = num(o.C, "C");
  const after = o.A !== undefined ? num(o.A, "A") : ctxC;
  const before = o.B !== undefined ? num(o.B, "B") : ctxC;
  if (after === null || before === null) return 2;
  const recursive = !!(o.r || o.R);
  let files: Array<{ name: string; text?: string; error?: Errno; dir?: boolean }> = [];
  const noOperands = operands.length === 0;
  if (noOperands) operands.push(recursive ? "." : "-");
  const include = typeof o.include === "string" ? o.include : undefined;
  const exclude = typeof o.exclude === "string" ? o.exclude : undefined;
  const collect = (name: string, shown: string, top: boolean) => {
    if (name === "-") {
      files.push({ name: "(standard input)", text: p.stdin });
      return;
    }
    const s = stat(p.host.fs, resolve(p, name), p.actor);
    if (!s.ok) {
      files.push({ name: shown, error: s.code });
      return;
    }
    if (s.value.node.type === "dir") {
      if (!recursive) {
        files.push({ name: shown, dir: true });
        return;
      }
      if (!canAccess(s.value.node, p.actor, 4)) {
        files.push({ name: shown, error: "EACCES" });
        return;
      }
      for (const child of childrenOf(p.host.fs, s.value.path).sort((a, b) => compareNames(a, b, "C"))) {
        const childShown = noOperands && top && shown === "." ? child : shown.endsWith("/") ? shown + child : `${shown}/${child}`;
        const childNode = p.host.fs[s.value.path === "/" ? "/" + child : s.value.path + "/" + child];
        if (childNode?.type === "symlink" && !o.R) continue;
        collect(name.endsWith("/") ? name + child : `${name}/${child}`, childShown, false);
      }
      return;
    }
    if (!top && include && !globMatch(include, shown.split("/").pop()!)) return;
    if (!top && exclude && globMatch(exclude, shown.split("/").pop()!)) return;
    const f = readFile(p.host.fs, resolve(p, name), p.actor);
    if (!f.ok) files.push({ name: shown, error: f.code });
    else files.push({ name: shown, text: f.value });
  };
  for (const op of operands) collect(op, op, true);
  files = files.filter(Boolean);
  const multi = files.length > 1 || recursive;
  const showName = o.H ? true : o.h ? false : multi;
  let matchedAny = false;
  let error = false;
  for (const f of files) {
    if (f.error) {
      if (!o.s) p.err(`grep: ${f.name}: ${errnoMessage(f.error)}\n`);
      error = true;
      continue;
    }
    if (f.dir) {
      if (!o.s) p.err(`grep: ${f.name}: Is a directory\n`);
      continue;
    }
    const ls = lines(f.text!);
    let count = 0;
    let out = "";
    let lastPrinted = -1;
    let pendingAfter = 0;
    const prefix = (i: number, sep: string) => (showName ? f.name + sep : "") + (o.n ? `${i + 1}${sep}` : "");
    const selected = ls.map((line) => {
      re.lastIndex = 0;
      return re.test(line) !== !!o.v;
    });
    for (let i = 0; i < ls.length; i++) {
      const line = ls[i]!;
      if (selected[i]) {
        count++;
        matchedAny = true;
        if (o.q) return 0;
        if (o.c || o.l || o.L) continue;
        if (before! > 0 || after! > 0) {
          const start = Math.max(lastPrinted + 1, i - before!);
          if (lastPrinted >= 0 && start > lastPrinted + 1) out += "--\n";
          for (let j = start; j < i; j++) out += prefix(j, "-") + ls[j] + "\n";
        }
        if (o.o && !o.v) {
          re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = re.exec(line)) !== null) {
            if (m[0] === "") {
              re.lastIndex++;
              continue;
            }
            out += prefix(i, ":") + m[0] + "\n";
          }
        } else out += prefix(i, ":") + line + "\n";
        lastPrinted = i;
        pendingAfter = after!;
        const m = o.m;
        if (typeof m === "string" && count >= Number(m)) break;
      } else if (pendingAfter > 0 && !(o.c || o.l || o.L)) {
        out += prefix(i, "-") + line + "\n";
        lastPrinted = i;
        pendingAfter--;
      }
    }
    if (o.c) out = (showName ? f.name + ":" : "") + count + "\n";
    if (o.l) out = count > 0 ? f.name + "\n" : "";
    if (o.L) out = count === 0 ? f.name + "\n" : "";
    p.out(out);
  }
  if (error && !(o.q && matchedAny)) return 2;
  return matchedAny ? 0 : 1;
};

// ---------------------------------------------------------------------------------------------
// head, tail

function parseCount(p: Proc, tool: string, v: string, what: "lines" | "bytes"): { n: number; sign: "" | "+" | "-" } | null {
  const m = /^([+-]?)(\d+)([bkKmMgG]?)$/.exec(v);
  if (!m) {
    p.err(`${tool}: invalid number of ${what}: ${quoteLocale(v)}\n`);
    return null;
  }
  const mult = { "": 1, b: 512, k: 1024, K: 1024, m: 1024 * 1024, M: 1024 * 1024, g: 1024 ** 3, G: 1024 ** 3 }[m[3] as "" | "b"]!;
  return { n: Number(m[2]) * mult, sign: m[1] as "" | "+" | "-" };
}

function headTail(p: Proc, tool: "head" | "tail"): number {
  // -5 and +5 (tail) are old-style counts.
  const args = p.args.map((a, i, all) => {
    const prev = all[i - 1];
    if (prev === "-n" || prev === "-c" || prev === "--lines" || prev === "--bytes") return a;
    return /^-\d+$/.test(a) ? `-n${a.slice(1)}` : tool === "tail" && /^\+\d+$/.test(a) ? `-n${a}` : a;
  });
  const r = getopt(tool, args, { short: "n:c:qvfFs:", long: { lines: { key: "n", arg: true }, bytes: { key: "c", arg: true }, quiet: { key: "q" }, silent: { key: "q" }, verbose: { key: "v" }, follow: { key: "f" }, retry: { key: "retry" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  let bytes = false;
  let count = { n: 10, sign: "" as "" | "+" | "-" };
  for (const [k, v] of r.opts.list) {
    if ((k === "n" || k === "c") && typeof v === "string") {
      const c = parseCount(p, tool, v, k === "n" ? "lines" : "bytes");
      if (!c) return 1;
      count = c;
      bytes = k === "c";
    }
  }
  const names = r.opts.operands.length ? r.opts.operands : ["-"];
  const headers = (names.length > 1 && !o.q) || !!o.v;
  let status = 0;
  let first = true;
  for (const name of names) {
    const inputs = readInputs(p, [name], (n, code) => {
      p.err(`${tool}: cannot open ${quoteAlways(n)} for reading: ${errnoMessage(code)}\n`);
      status = 1;
    });
    for (const { text } of inputs) {
      if (headers) p.out(`${first ? "" : "\n"}==> ${name === "-" ? "standard input" : name} <==\n`);
      first = false;
      let out: string;
      if (bytes) {
        if (tool === "head") out = count.sign === "-" ? text.slice(0, Math.max(0, text.length - count.n)) : text.slice(0, count.n);
        else out = count.sign === "+" ? text.slice(Math.max(0, count.n - 1)) : count.n === 0 ? "" : text.slice(-count.n);
      } else {
        const endsNl = text.endsWith("\n");
        const ls = lines(text);
        const len = ls.length;
        let start: number;
        let end: number;
        if (tool === "head") {
          start = 0;
          end = count.sign === "-" ? Math.max(0, len - count.n) : Math.min(count.n, len);
        } else {
          start = count.sign === "+" ? Math.max(0, count.n - 1) : Math.max(0, len - count.n);
          end = len;
        }
        out = ls.slice(start, end).map((l) => l + "\n").join("");
        if (end === len && end > start && !endsNl) out = out.slice(0, -1);
      }
      p.out(out);
    }
  }
  return status;
}

// ---------------------------------------------------------------------------------------------
// wc

const wc: Utility = (p) => {
  const r = getopt("wc", p.args, { short: "lwcmL", long: { lines: { key: "l" }, words: { key: "w" }, bytes: { key: "c" }, chars: { key: "m" }, "max-line-length": { key: "L" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  const any = o.l || o.w || o.c || o.m || o.L;
  const show = { l: !any || !!o.l, w: !any || !!o.w, m: !!o.m, c: !any || !!o.c, L: !!o.L };
  const names = r.opts.operands.length ? r.opts.operands : ["-"];
  let status = 0;
  type Counts = { l: number; w: number; m: number; c: number; L: number; name: string; regular: boolean; failed: boolean };
  const rows: Counts[] = [];
  for (const name of names) {
    let text: string | undefined;
    let regular = false;
    if (name === "-") text = p.stdin;
    else {
      const f = readFile(p.host.fs, resolve(p, name), p.actor);
      if (!f.ok) {
        p.err(fileError("wc", name, f.code));
        status = 1;
        rows.push({ l: 0, w: 0, m: 0, c: 0, L: 0, name, regular: false, failed: true });
        continue;
      }
      text = f.value;
      regular = true;
    }
    const ls = text.split("\n");
    rows.push({
      l: ls.length - 1,
      w: text.split(/[ \t\n\r\f\v]+/).filter((x) => x !== "").length,
      m: [...text].length,
      c: utf8Length(text),
      L: maxOf(ls.map((x) => [...x].length), 0),
      name,
      regular,
      failed: false,
    });
  }
  const ok = rows.filter((x) => !x.failed);
  const total = { l: 0, w: 0, m: 0, c: 0, L: 0 };
  for (const x of ok) {
    total.l += x.l;
    total.w += x.w;
    total.m += x.m;
    total.c += x.c;
    total.L = Math.max(total.L, x.L);
  }
  const nCounts = Object.values(show).filter(Boolean).length;
  let width = 1;
  if (rows[0] && !rows[0].failed && !(nCounts === 1 && names.length === 1)) {
    const regTotal = ok.filter((x) => x.regular).reduce((a, x) => a + x.c, 0);
    width = String(regTotal).length;
    if (ok.some((x) => !x.regular)) width = Math.max(width, 7);
  }
  const fmt = (x: { l: number; w: number; m: number; c: number; L: number }, name: string) => {
    const parts: string[] = [];
    if (show.l) parts.push(String(x.l).padStart(width));
    if (show.w) parts.push(String(x.w).padStart(width));
    if (show.m) parts.push(String(x.m).padStart(width));
    if (show.c) parts.push(String(x.c).padStart(width));
    if (show.L) parts.push(String(x.L).padStart(width));
    return parts.join(" ") + (name === "-" && r.opts.operands.length === 0 ? "" : ` ${name}`) + "\n";
  };
  let out = "";
  for (const x of rows) if (!x.failed) out += fmt(x, x.name);
  if (names.length > 1) out += fmt(total, "total");
  p.out(out);
  return status;
};

// ---------------------------------------------------------------------------------------------
// sort, uniq

interface SortKey {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  opts: string;
}

function parseKey(spec: string): SortKey | null {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinMrRV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinMrRV]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return null;
  return { startField: Number(m[1]), startChar: Number(m[2] ?? 1), endField: m[4] ? Number(m[4]) : Infinity, endChar: m[5] ? Number(m[5]) : 0, opts: (m[3] ?? "") + (m[6] ?? "") };
}

function fieldsOf(line: string, sep: string | undefined): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  if (sep !== undefined) {
    let start = 0;
    for (;;) {
      const i = line.indexOf(sep, start);
      if (i === -1) {
        out.push({ start, end: line.length });
        return out;
      }
      out.push({ start, end: i });
      start = i + sep.length;
    }
  }
  // Without -t, a field is a run of blanks followed by non-blanks (the blanks belong to it).
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
    while (i < line.length && line[i] !== " " && line[i] !== "\t") i++;
    out.push({ start, end: i });
  }
  if (out.length === 0) out.push({ start: 0, end: 0 });
  return out;
}

function keyText(line: string, k: SortKey, sep: string | undefined, skipBlanks: boolean): string {
  const f = fieldsOf(line, sep);
  const sf = f[k.startField - 1];
  if (!sf) return "";
  let start = sf.start;
  if (skipBlanks || k.opts.includes("b")) while (start < sf.end && (line[start] === " " || line[start] === "\t")) start++;
  start += k.startChar - 1;
  let end = line.length;
  if (k.endField !== Infinity) {
    const ef = f[k.endField - 1];
    if (ef) end = k.endChar > 0 ? Math.min(ef.end, ef.start + k.endChar) : ef.end;
  }
  return line.slice(Math.min(start, end), end);
}

function numericPrefix(s: string): number {
  const m = /^\s*([+-]?\d*(?:\.\d+)?)/.exec(s);
  const v = m && m[1] && m[1] !== "-" && m[1] !== "+" ? Number(m[1]) : 0;
  return Number.isNaN(v) ? 0 : v;
}

function humanValue(s: string): number {
  const m = /^\s*([+-]?\d*(?:\.\d+)?)([KMGTPE]?)/i.exec(s);
  if (!m || !m[1]) return 0;
  const mult = { "": 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 }[(m[2] ?? "").toUpperCase() as ""]!;
  return Number(m[1]) * mult;
}

function versionCompare(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d < 0 ? -1 : 1;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return ta.length - tb.length;
}

const sort: Utility = (p) => {
  const r = getopt("sort", p.args, {
    short: "rnk:t:ufhVbcso:MgR",
    long: { reverse: { key: "r" }, "numeric-sort": { key: "n" }, key: { key: "k", arg: true }, "field-separator": { key: "t", arg: true }, unique: { key: "u" }, "ignore-case": { key: "f" }, "human-numeric-sort": { key: "h" }, "version-sort": { key: "V" }, output: { key: "o", arg: true }, stable: { key: "s" }, "general-numeric-sort": { key: "g" } },
  });
  if (!r.ok) {
    p.err(r.message);
    return 2;
  }
  const o = r.opts.flags;
  const keys: SortKey[] = [];
  for (const [k, v] of r.opts.list) {
    if (k === "k" && typeof v === "string") {
      const key = parseKey(v);
      if (!key) {
        p.err(`sort: invalid number at field start: invalid count at start of ${quoteLocale(v)}\n`);
        return 2;
      }
      keys.push(key);
    }
  }
  let sep: string | undefined;
  if (typeof o.t === "string") {
    if (o.t.length !== 1) {
      p.err(`sort: multi-character tab ${quoteLocale(o.t)}\n`);
      return 2;
    }
    sep = o.t;
  }
  let status = 0;
  const inputs = readInputs(p, r.opts.operands, (n, code) => {
    p.err(`sort: cannot read: ${n}: ${errnoMessage(code)}\n`);
    status = 2;
  });
  if (status !== 0) return status;
  const all: string[] = [];
  for (const { text } of inputs) pushAll(all, lines(text));
  const compareBy = (a: string, b: string, opts: string): number => {
    if (opts.includes("n") || opts.includes("g")) return Math.sign(numericPrefix(a) - numericPrefix(b));
    if (opts.includes("h")) return Math.sign(humanValue(a) - humanValue(b));
    if (opts.includes("V")) return versionCompare(a, b);
    if (opts.includes("f")) return compareNames(a.toUpperCase(), b.toUpperCase(), p.collation);
    return compareNames(a, b, p.collation);
  };
  const globalOpts = ["n", "g", "h", "V", "f"].filter((c) => o[c]).join("");
  const cmp = (a: string, b: string): number => {
    if (keys.length > 0) {
      for (const k of keys) {
        const kopts = /[nghVf]/.test(k.opts) ? k.opts : globalOpts;
        let c = compareBy(keyText(a, k, sep, !!o.b), keyText(b, k, sep, !!o.b), kopts);
        if (k.opts.includes("r")) c = -c;
        if (c !== 0) return o.r && !k.opts.includes("r") ? -c : c;
      }
    } else {
      const c = compareBy(a, b, globalOpts);
      if (c !== 0) return o.r ? -c : c;
    }
    if (o.u || o.s) return 0;
    // Last resort: the whole line, byte by byte.
    const c = a < b ? -1 : a > b ? 1 : 0;
    return o.r ? -c : c;
  };
  if (o.c) {
    for (let i = 1; i < all.length; i++) {
      if (cmp(all[i - 1]!, all[i]!) > 0) {
        p.err(`sort: ${r.opts.operands[0] ?? "-"}:${i + 1}: disorder: ${all[i]}\n`);
        return 1;
      }
    }
    return 0;
  }
  let sorted = all.map((line, i) => ({ line, i })).sort((x, y) => cmp(x.line, y.line) || x.i - y.i).map((x) => x.line);
  if (o.u) sorted = sorted.filter((line, i) => i === 0 || cmp(sorted[i - 1]!, line) !== 0);
  const out = joinLines(sorted);
  if (typeof o.o === "string") {
    const w = writeFile(p.host.fs, resolve(p, o.o), out, p.actor, p.now());
    if (!w.ok) {
      p.err(`sort: open failed: ${o.o}: ${errnoMessage(w.code)}\n`);
      return 2;
    }
    return 0;
  }
  p.out(out);
  return 0;
};

const uniq: Utility = (p) => {
  const r = getopt("uniq", p.args, { short: "cdDuif:s:w:", long: { count: { key: "c" }, repeated: { key: "d" }, unique: { key: "u" }, "ignore-case": { key: "i" }, "skip-fields": { key: "f", arg: true }, "skip-chars": { key: "s", arg: true } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  const [input, output] = r.opts.operands;
  let text: string;
  if (input === undefined || input === "-") text = p.stdin;
  else {
    const f = readFile(p.host.fs, resolve(p, input), p.actor);
    if (!f.ok) {
      p.err(fileError("uniq", input, f.code));
      return 1;
    }
    text = f.value;
  }
  const skipF = typeof o.f === "string" ? Number(o.f) : 0;
  const skipC = typeof o.s === "string" ? Number(o.s) : 0;
  const key = (l: string) => {
    let s = l;
    for (let i = 0; i < skipF; i++) s = s.replace(/^[ \t]*[^ \t]*/, "");
    s = s.slice(skipC);
    return o.i ? s.toLowerCase() : s;
  };
  const groups: Array<{ line: string; n: number }> = [];
  for (const l of lines(text)) {
    const last = groups[groups.length - 1];
    if (last && key(last.line) === key(l)) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  let out = "";
  for (const g of groups) {
    if (o.d && g.n < 2) continue;
    if (o.u && g.n > 1) continue;
    out += (o.c ? `${String(g.n).padStart(7)} ` : "") + g.line + "\n";
  }
  if (output !== undefined) {
    const w = writeFile(p.host.fs, resolve(p, output), out, p.actor, p.now());
    if (!w.ok) {
      p.err(fileError("uniq", output, w.code));
      return 1;
    }
    return 0;
  }
  p.out(out);
  return 0;
};

// ---------------------------------------------------------------------------------------------
// cut

function parseList(spec: string): Array<[number, number]> | string {
  const out: Array<[number, number]> = [];
  for (const part of spec.split(",")) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === "" && m[3] === "") || (m[2] === "" && m[3] !== "")) return `invalid field value ${quoteLocale(part)}`;
    const a = m[1] === "" ? 1 : Number(m[1]);
    const b = m[2] === "" ? a : m[3] === "" ? Infinity : Number(m[3]);
    if (a === 0 || b === 0) return "fields and positions are numbered from 1";
    if (b < a) return "invalid decreasing range";
    out.push([a, b]);
  }
  return out;
}

const cut: Utility = (p) => {
  const r = getopt("cut", p.args, { short: "b:c:d:f:sn", long: { bytes: { key: "b", arg: true }, characters: { key: "c", arg: true }, delimiter: { key: "d", arg: true }, fields: { key: "f", arg: true }, "only-delimited": { key: "s" }, complement: { key: "complement" }, "output-delimiter": { key: "od", arg: true } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  const mode = typeof o.f === "string" ? "f" : typeof o.c === "string" ? "c" : typeof o.b === "string" ? "b" : undefined;
  if (!mode) {
    p.err(usageError("cut", "you must specify a list of bytes, characters, or fields"));
    return 1;
  }
  const delim = typeof o.d === "string" ? o.d : "\t";
  if (typeof o.d === "string" && [...o.d].length !== 1) {
    p.err(usageError("cut", "the delimiter must be a single character"));
    return 1;
  }
  if (mode !== "f" && typeof o.d === "string") {
    p.err(usageError("cut", "an input delimiter may be specified only when operating on fields"));
    return 1;
  }
  const list = parseList(o[mode] as string);
  if (typeof list === "string") {
    p.err(usageError("cut", list));
    return 1;
  }
  const want = (i: number) => list.some(([a, b]) => i >= a && i <= b) !== !!o.complement;
  const outDelim = typeof o.od === "string" ? o.od : mode === "f" ? delim : "";
  let status = 0;
  const inputs = readInputs(p, r.opts.operands, (n, code) => {
    p.err(fileError("cut", n, code));
    status = 1;
  });
  let out = "";
  for (const { text } of inputs) {
    for (const line of lines(text)) {
      if (mode === "f") {
        if (!line.includes(delim)) {
          if (!o.s) out += line + "\n";
          continue;
        }
        const fields = line.split(delim);
        out += fields.filter((_, i) => want(i + 1)).join(outDelim) + "\n";
      } else {
        const chars = [...line];
        out += chars.filter((_, i) => want(i + 1)).join(outDelim) + "\n";
      }
    }
  }
  p.out(out);
  return status;
};

// ---------------------------------------------------------------------------------------------
// tr

const TR_CLASSES: Record<string, string> = {
  upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  lower: "abcdefghijklmnopqrstuvwxyz",
  digit: "0123456789",
  alpha: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  alnum: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  space: " \t\n\r\f\v",
  blank: " \t",
  punct: "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
  xdigit: "0123456789ABCDEFabcdef",
  cntrl: Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("") + "\x7f",
};

function expandTrSet(spec: string): string[] {
  const out: string[] = [];
  const chars: string[] = [];
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === "\\" && i + 1 < spec.length) {
      const n = spec[++i]!;
      const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", a: "\x07", b: "\b", f: "\f", v: "\v" };
      if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(spec.slice(i))!;
        chars.push(String.fromCharCode(parseInt(m[0], 8)));
        i += m[0].length - 1;
      } else chars.push(map[n] ?? n);
      continue;
    }
    if (c === "[" && spec[i + 1] === ":") {
      const end = spec.indexOf(":]", i + 2);
      const cls = end === -1 ? undefined : TR_CLASSES[spec.slice(i + 2, end)];
      if (cls !== undefined) {
        pushAll(chars, [...cls]);
        i = end + 1;
        continue;
      }
    }
    chars.push(c);
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (chars[i + 1] === "-" && i + 2 < chars.length) {
      const a = c.codePointAt(0)!;
      const b = chars[i + 2]!.codePointAt(0)!;
      for (let x = a; x <= b; x++) out.push(String.fromCodePoint(x));
      i += 2;
      continue;
    }
    out.push(c);
  }
  return out;
}

const tr: Utility = (p) => {
  const r = getopt("tr", p.args, { short: "cCdst", long: { complement: { key: "c" }, delete: { key: "d" }, "squeeze-repeats": { key: "s" }, "truncate-set1": { key: "t" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  const [s1, s2] = r.opts.operands;
  if (s1 === undefined) {
    p.err(usageError("tr", "missing operand"));
    return 1;
  }
  if (s2 === undefined && !o.d && !o.s) {
    p.err(`tr: missing operand after ${quoteLocale(s1)}\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  if (r.opts.operands.length > (o.d && !o.s ? 1 : 2)) {
    p.err(usageError("tr", `extra operand ${quoteLocale(r.opts.operands[o.d && !o.s ? 1 : 2]!)}`));
    return 1;
  }
  const set1 = expandTrSet(s1);
  const inSet1 = (c: string) => set1.includes(c) !== !!(o.c || o.C);
  const text = p.stdin;
  let out = "";
  if (o.d) {
    const squeeze = o.s && s2 !== undefined ? expandTrSet(s2) : [];
    let prev = "";
    for (const c of text) {
      if (inSet1(c)) continue;
      if (squeeze.includes(c) && c === prev) continue;
      out += c;
      prev = c;
    }
    p.out(out);
    return 0;
  }
  const set2 = s2 !== undefined ? expandTrSet(s2) : [];
  const map = new Map<string, string>();
  if (s2 !== undefined && !(o.c || o.C)) set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)] ?? c));
  const squeezeSet = s2 !== undefined ? set2 : set1;
  let prev = "";
  for (const c of text) {
    let t = c;
    if (s2 !== undefined) {
      if (o.c || o.C) t = inSet1(c) ? (set2[set2.length - 1] ?? c) : c;
      else t = map.get(c) ?? c;
    }
    if (o.s && t === prev && squeezeSet.includes(t)) continue;
    out += t;
    prev = t;
  }
  p.out(out);
  return 0;
};

// ---------------------------------------------------------------------------------------------
// tee

const tee: Utility = (p) => {
  const r = getopt("tee", p.args, { short: "aip", long: { append: { key: "a" } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const text = p.stdin;
  let status = 0;
  for (const f of r.opts.operands) {
    const w = writeFile(p.host.fs, resolve(p, f), text, p.actor, p.now(), { append: !!r.opts.flags.a });
    if (!w.ok) {
      p.err(`tee: ${quoteName(f)}: ${errnoMessage(w.code)}\n`);
      status = 1;
    }
  }
  p.out(text);
  return status;
};

// ---------------------------------------------------------------------------------------------
// sed

type SedAddr = { t: "line"; n: number } | { t: "last" } | { t: "re"; re: RegExp } | { t: "step"; first: number; step: number } | { t: "plus"; n: number };

interface SedCmd {
  a1?: SedAddr;
  a2?: SedAddr;
  negate: boolean;
  name: string;
  text?: string;
  re?: RegExp;
  repl?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  writeFile?: string;
  y?: Map<string, string>;
  block?: SedCmd[];
  /** State of a range: active and (for +N) where it ends. */
  rangeEnd?: number;
  inRange?: boolean;
  exitCode?: number;
}

class SedError {
  constructor(readonly message: string) {}
}

function parseSed(script: string, flavor: RegexFlavor, exprNo: number): SedCmd[] {
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(`sed: -e expression #${exprNo}, char ${Math.min(i, script.length)}: ${msg}`);
  };
  const skipWs = () => {
    while (i < script.length && /[ \t]/.test(script[i]!)) i++;
  };
  const readDelimited = (delim: string, what: string): string => {
    let out = "";
    while (i < script.length && script[i] !== delim) {
      if (script[i] === "\\" && i + 1 < script.length) {
        const n = script[i + 1]!;
        if (n === delim) out += delim === "/" ? "\\/" : delim;
        else if (n === "n") out += "\\n";
        else out += "\\" + n;
        i += 2;
        continue;
      }
      if (script[i] === "\n") fail(`unterminated ${what}`);
      out += script[i++];
    }
    if (i >= script.length) fail(`unterminated ${what}`);
    i++;
    return out;
  };
  const compile = (src: string, flags: string): RegExp => {
    try {
      return compilePosix(src.replace(/\\\//g, "/"), flavor, flags);
    } catch (e) {
      fail(e instanceof Error ? e.message : "invalid regex");
    }
    return /$^/;
  };
  let lastRe: RegExp | undefined;
  const readAddr = (): SedAddr | undefined => {
    skipWs();
    const c = script[i];
    if (c === undefined) return undefined;
    if (/\d/.test(c)) {
      const m = /^(\d+)(?:~(\d+))?/.exec(script.slice(i))!;
      i += m[0].length;
      if (m[2] !== undefined) return { t: "step", first: Number(m[1]), step: Number(m[2]) };
      return { t: "line", n: Number(m[1]) };
    }
    if (c === "$") {
      i++;
      return { t: "last" };
    }
    if (c === "/" || c === "\\") {
      let delim = "/";
      if (c === "\\") {
        delim = script[i + 1] ?? "/";
        i += 2;
      } else i++;
      const src = readDelimited(delim, "address regex");
      let flags = "";
      while (script[i] === "I" || script[i] === "M") {
        if (script[i] === "I") flags += "i";
        i++;
      }
      const re = src === "" && lastRe ? lastRe : compile(src, flags);
      lastRe = re;
      return { t: "re", re };
    }
    return undefined;
  };
  const readText = (): string => {
    // a\ text, a text (GNU one-liner form); continuation lines end with a backslash.
    skipWs();
    if (script[i] === "\\") {
      i++;
      if (script[i] === "\n") i++;
    }
    skipWs();
    let out = "";
    while (i < script.length && script[i] !== "\n") {
      if (script[i] === "\\" && i + 1 < script.length) {
        if (script[i + 1] === "\n") {
          out += "\n";
          i += 2;
          continue;
        }
        out += script[i + 1] === "t" ? "\t" : script[i + 1];
        i += 2;
        continue;
      }
      out += script[i++];
    }
    return out;
  };
  const parseBlock = (inBlock: boolean): SedCmd[] => {
    const cmds: SedCmd[] = [];
    for (;;) {
      while (i < script.length && /[ \t\n;]/.test(script[i]!)) i++;
      if (i >= script.length) {
        if (inBlock) fail("unmatched `{'");
        return cmds;
      }
      if (script[i] === "}") {
        if (!inBlock) fail("unexpected `}'");
        i++;
        return cmds;
      }
      if (script[i] === "#") {
        while (i < script.length && script[i] !== "\n") i++;
        continue;
      }
      const cmd: SedCmd = { negate: false, name: "" };
      cmd.a1 = readAddr();
      skipWs();
      if (cmd.a1 && script[i] === ",") {
        i++;
        skipWs();
        if (script[i] === "+") {
          i++;
          const m = /^\d+/.exec(script.slice(i));
          if (!m) fail("expected newer version of sed");
          i += m![0].length;
          cmd.a2 = { t: "plus", n: Number(m![0]) };
        } else {
          cmd.a2 = readAddr();
          if (!cmd.a2) fail("unexpected `,'");
        }
      }
      skipWs();
      while (script[i] === "!") {
        cmd.negate = true;
        i++;
        skipWs();
      }
      const name = script[i];
      if (name === undefined) fail("missing command");
      i++;
      cmd.name = name!;
      switch (name) {
        case "{":
          cmd.block = parseBlock(true);
          break;
        case "s": {
          const delim = script[i];
          if (delim === undefined || delim === "\n" || delim === "\\") fail("unterminated `s' command");
          i++;
          const src = readDelimited(delim!, "`s' command");
          const repl = readDelimited(delim!, "`s' command");
          let flags = "";
          for (;;) {
            const f = script[i];
            if (f === "g") cmd.global = true;
            else if (f === "p") cmd.print = true;
            else if (f === "i" || f === "I") flags += "i";
            else if (f === "m" || f === "M") flags += "m";
            else if (f === "e") void 0;
            else if (f !== undefined && /\d/.test(f)) {
              const m = /^\d+/.exec(script.slice(i))!;
              cmd.nth = Number(m[0]);
              i += m[0].length - 1;
            } else if (f === "w") {
              i++;
              skipWs();
              const m = /^[^\n;]*/.exec(script.slice(i))!;
              cmd.writeFile = m[0];
              i += m[0].length;
              break;
            } else break;
            i++;
          }
          cmd.re = src === "" && lastRe ? lastRe : compile(src, flags);
          lastRe = cmd.re;
          cmd.repl = repl;
          break;
        }
        case "y": {
          const delim = script[i++];
          if (delim === undefined) fail("unterminated `y' command");
          const a = readDelimited(delim!, "`y' command").replace(/\\n/g, "\n");
          const b = readDelimited(delim!, "`y' command").replace(/\\n/g, "\n");
          if ([...a].length !== [...b].length) fail("strings for `y' command are different lengths");
          cmd.y = new Map([...a].map((c, k) => [c, [...b][k]!]));
          break;
        }
        case "a":
        case "i":
        case "c":
          cmd.text = readText();
          break;
        case "q":
        case "Q": {
          skipWs();
          const m = /^\d+/.exec(script.slice(i));
          if (m) {
            cmd.exitCode = Number(m[0]);
            i += m[0].length;
          }
          break;
        }
        case "w":
        case "r": {
          skipWs();
          const m = /^[^\n;]*/.exec(script.slice(i))!;
          cmd.text = m[0];
          i += m[0].length;
          break;
        }
        case "d":
        case "D":
        case "p":
        case "P":
        case "=":
        case "n":
        case "N":
        case "h":
        case "H":
        case "g":
        case "G":
        case "x":
        case "l":
          break;
        default:
          i--;
          fail(`unknown command: \`${name}'`);
      }
      skipWs();
      if (i < script.length && !/[;\n}#]/.test(script[i]!) && cmd.name !== "{" && cmd.name !== "a" && cmd.name !== "i" && cmd.name !== "c") {
        i++;
        fail("extra characters after command");
      }
      cmds.push(cmd);
    }
  };
  return parseBlock(false);
}

/** GNU sed replacement: &, \1-\9, \n, \t, case conversion \U \L \u \l \E. */
function sedReplace(m: RegExpExecArray, repl: string): string {
  let out = "";
  let mode: "" | "U" | "L" = "";
  let once: "" | "u" | "l" = "";
  const emit = (s: string) => {
    for (const ch of s) {
      let c = ch;
      if (once) {
        c = once === "u" ? c.toUpperCase() : c.toLowerCase();
        once = "";
      } else if (mode) c = mode === "U" ? c.toUpperCase() : c.toLowerCase();
      out += c;
    }
  };
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]!;
    if (c === "&") {
      emit(m[0]);
      continue;
    }
    if (c === "\\" && i + 1 < repl.length) {
      const n = repl[++i]!;
      if (/\d/.test(n)) emit(m[Number(n)] ?? "");
      else if (n === "n") emit("\n");
      else if (n === "t") emit("\t");
      else if (n === "U" || n === "L") mode = n;
      else if (n === "E") mode = "";
      else if (n === "u" || n === "l") once = n;
      else emit(n);
      continue;
    }
    emit(c);
  }
  return out;
}

function sedSubstitute(line: string, cmd: SedCmd): { text: string; done: boolean } {
  const src = cmd.re!;
  const re = new RegExp(src.source, src.flags.includes("g") ? src.flags : src.flags + "g");
  let out = "";
  let last = 0;
  let count = 0;
  let done = false;
  let prevEnd = -1;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    if (m[0] === "" && m.index === prevEnd) {
      // No empty match right after the previous match (GNU semantics).
      re.lastIndex = m.index + 1;
      if (re.lastIndex > line.length) break;
      continue;
    }
    count++;
    const take = cmd.nth ? count === cmd.nth || (cmd.global && count > cmd.nth) : true;
    if (take) {
      out += line.slice(last, m.index) + sedReplace(m, cmd.repl!);
      last = m.index + m[0].length;
      done = true;
      if (!cmd.global) break;
    }
    prevEnd = m.index + m[0].length;
    if (m[0] === "") re.lastIndex = m.index + 1;
    if (re.lastIndex > line.length) break;
  }
  if (!done) return { text: line, done };
  return { text: out + line.slice(last), done };
}

function runSed(p: Proc, cmds: SedCmd[], text: string, quiet: boolean, files: Map<string, string>): { out: string; exit?: number } {
  const ls = lines(text);
  const endsNl = text === "" || text.endsWith("\n");
  let out = "";
  let hold = "";
  let exit: number | undefined;
  const matchAddr = (a: SedAddr, n: number, line: string, last: boolean): boolean => {
    switch (a.t) {
      case "line":
        return n === a.n;
      case "last":
        return last;
      case "re":
        a.re.lastIndex = 0;
        return a.re.test(line);
      case "step":
        return a.step <= 0 ? n === a.first : n >= a.first && (n - a.first) % a.step === 0;
      case "plus":
        return false;
    }
  };
  const selects = (c: SedCmd, n: number, line: string, last: boolean): boolean => {
    let hit: boolean;
    if (!c.a1) hit = true;
    else if (!c.a2) hit = matchAddr(c.a1, n, line, last);
    else if (c.inRange) {
      hit = true;
      const a2 = c.a2;
      const ends = a2.t === "plus" ? n >= c.rangeEnd! : a2.t === "line" ? n >= a2.n : matchAddr(a2, n, line, last);
      if (ends) c.inRange = false;
    } else if (matchAddr(c.a1, n, line, last)) {
      hit = true;
      const a2 = c.a2;
      if (a2.t === "plus") {
        c.rangeEnd = n + a2.n;
        c.inRange = a2.n > 0;
      } else if (a2.t === "line") c.inRange = a2.n > n;
      else c.inRange = !last;
    } else hit = false;
    return hit !== c.negate;
  };
  let idx = 0;
  while (idx < ls.length) {
    let ps = ls[idx]!;
    let n = idx + 1;
    idx++;
    const append: string[] = [];
    let deleted = false;
    let quit = false;
    let printAuto = !quiet;
    const exec = (list: SedCmd[]): "next" | "stop" => {
      for (const c of list) {
        const last = idx >= ls.length;
        if (!selects(c, n, ps, last)) continue;
        switch (c.name) {
          case "{":
            if (exec(c.block!) === "stop") return "stop";
            break;
          case "s": {
            const r = sedSubstitute(ps, c);
            ps = r.text;
            if (r.done && c.print) out += ps + "\n";
            if (r.done && c.writeFile) files.set(c.writeFile, (files.get(c.writeFile) ?? "") + ps + "\n");
            break;
          }
          case "y":
            ps = [...ps].map((ch) => c.y!.get(ch) ?? ch).join("");
            break;
          case "p":
            out += ps + "\n";
            break;
          case "P":
            out += ps.split("\n")[0] + "\n";
            break;
          case "d":
            deleted = true;
            return "stop";
          case "D": {
            const nl = ps.indexOf("\n");
            if (nl === -1) {
              deleted = true;
              return "stop";
            }
            ps = ps.slice(nl + 1);
            deleted = true;
            ls.splice(idx, 0, ps);
            return "stop";
          }
          case "=":
            out += n + "\n";
            break;
          case "a":
            append.push(c.text! + "\n");
            break;
          case "i":
            out += c.text! + "\n";
            break;
          case "c":
            if (!c.a2 || !c.inRange) out += c.text! + "\n";
            deleted = true;
            return "stop";
          case "q":
            quit = true;
            exit = c.exitCode;
            return "stop";
          case "Q":
            quit = true;
            printAuto = false;
            exit = c.exitCode;
            return "stop";
          case "n":
            if (!quiet) out += ps + "\n";
            if (idx >= ls.length) {
              printAuto = false;
              quit = true;
              return "stop";
            }
            ps = ls[idx++]!;
            n = idx;
            break;
          case "N":
            if (idx >= ls.length) {
              quit = true;
              return "stop";
            }
            ps += "\n" + ls[idx++]!;
            n = idx;
            break;
          case "h":
            hold = ps;
            break;
          case "H":
            hold += "\n" + ps;
            break;
          case "g":
            ps = hold;
            break;
          case "G":
            ps += "\n" + hold;
            break;
          case "x":
            [ps, hold] = [hold, ps];
            break;
          case "l":
            out += ps.replace(/\\/g, "\\\\").replace(/\t/g, "\\t") + "$\n";
            break;
          case "w":
            files.set(c.text!, (files.get(c.text!) ?? "") + ps + "\n");
            break;
          case "r": {
            const f = readFile(p.host.fs, resolve(p, c.text!), p.actor);
            if (f.ok) append.push(f.value);
            break;
          }
        }
      }
      return "next";
    };
    exec(cmds);
    if (!deleted && printAuto) out += ps + "\n";
    out += append.join("");
    if (quit) break;
  }
  if (!endsNl && out.endsWith("\n")) out = out.slice(0, -1);
  return { out, exit };
}

const sed: Utility = (p) => {
  const args = p.args;
  let quiet = false;
  let inPlace: string | undefined;
  let flavor: RegexFlavor = "basic";
  const scripts: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-n" || a === "--quiet" || a === "--silent") quiet = true;
    else if (a === "-E" || a === "-r" || a === "--regexp-extended") flavor = "extended";
    else if (a === "-e" || a === "--expression") {
      const s = args[++i];
      if (s === undefined) {
        p.err(usageError("sed", "option requires an argument -- 'e'"));
        return 1;
      }
      scripts.push(s);
    } else if (a.startsWith("--expression=")) scripts.push(a.slice(13));
    else if (a === "-f" || a === "--file") {
      const f = args[++i] ?? "";
      const r = readFile(p.host.fs, resolve(p, f), p.actor);
      if (!r.ok) {
        p.err(`sed: couldn't open file ${f}: ${errnoMessage(r.code)}\n`);
        return 1;
      }
      scripts.push(r.value);
    } else if (a === "-i" || a === "--in-place") inPlace = "";
    else if (a.startsWith("--in-place=")) inPlace = a.slice(11);
    else if (/^-[nErsiz]+/.test(a) && a.length > 1 && !a.startsWith("--")) {
      // Bundled flags: -ne, -i.bak, -Ei ...
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === "n") quiet = true;
        else if (c === "E" || c === "r") flavor = "extended";
        else if (c === "s" || c === "z") continue;
        else if (c === "i") {
          inPlace = a.slice(j + 1);
          break;
        } else if (c === "e") {
          const rest = a.slice(j + 1);
          const s = rest !== "" ? rest : args[++i];
          if (s !== undefined) scripts.push(s);
          break;
        }
      }
    } else if (a.startsWith("-") && a.length > 1 && a !== "-") {
      p.err(usageError("sed", a.startsWith("--") ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`).replace("Try 'sed --help' for more information.\n", SED_USAGE));
      return 1;
    } else files.push(a);
  }
  if (scripts.length === 0) {
    const s = files.shift();
    if (s === undefined) {
      p.err(SED_USAGE);
      return 1;
    }
    scripts.push(s);
  }
  let cmds: SedCmd[];
  try {
    cmds = scripts.flatMap((s, k) => parseSed(s, flavor, k + 1));
  } catch (e) {
    if (e instanceof SedError) {
      p.err(e.message + "\n");
      return 1;
    }
    throw e;
  }
  const writes = new Map<string, string>();
  let status = 0;
  if (inPlace !== undefined) {
    if (files.length === 0) {
      p.err("sed: no input files\n");
      return 1;
    }
    for (const f of files) {
      const abs = resolve(p, f);
      const r = readFile(p.host.fs, abs, p.actor);
      if (!r.ok) {
        p.err(r.code === "EISDIR" ? `sed: couldn't edit ${f}: not a regular file\n` : `sed: can't read ${f}: ${errnoMessage(r.code)}\n`);
        status = 2;
        continue;
      }
      const dir = abs.slice(0, abs.lastIndexOf("/")) || "/";
      const d = stat(p.host.fs, dir, p.actor);
      if (!d.ok || !canAccess(d.value.node, p.actor, 2)) {
        p.err(`sed: couldn't open temporary file ${dir === "/" ? "" : dir}/sed${tempSuffix(f)}: Permission denied\n`);
        status = 4;
        continue;
      }
      for (const c of walkCmds(cmds)) c.inRange = false;
      const res = runSed(p, cmds, r.value, quiet, writes);
      if (inPlace) writeFile(p.host.fs, abs + inPlace, r.value, p.actor, p.now());
      const w = writeFile(p.host.fs, abs, res.out, p.actor, p.now());
      if (!w.ok) {
        p.err(`sed: couldn't open file ${f}: ${errnoMessage(w.code)}\n`);
        status = 4;
      }
      if (res.exit !== undefined) return res.exit;
    }
  } else {
    let text = "";
    const inputs = readInputs(p, files, (n, code) => {
      p.err(code === "EISDIR" ? `sed: read error on ${n}: Is a directory\n` : `sed: can't read ${n}: ${errnoMessage(code)}\n`);
      status = 2;
    });
    for (const { text: t } of inputs) text += t;
    if (inputs.length > 0 || files.length === 0) {
      const res = runSed(p, cmds, text, quiet, writes);
      p.out(res.out);
      if (res.exit !== undefined) status = res.exit;
    }
  }
  for (const [f, content] of writes) writeFile(p.host.fs, resolve(p, f), content, p.actor, p.now());
  return status;
};

function* walkCmds(cmds: SedCmd[]): Generator<SedCmd> {
  for (const c of cmds) {
    yield c;
    if (c.block) yield* walkCmds(c.block);
  }
}

function tempSuffix(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let s = "";
  for (let i = 0; i < 6; i++) {
    s += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length) + 7 * (i + 1);
  }
  return s;
}

const SED_USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.
`;

// ---------------------------------------------------------------------------------------------
// base64, seq, tac, rev, nl

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function base64Encode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? "=" : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? "=" : B64[c & 63]!;
  }
  return out;
}

export function base64Decode(text: string, ignoreGarbage: boolean): Uint8Array | null {
  let clean = text.replace(/[\n\r]/g, "");
  if (ignoreGarbage) clean = clean.replace(/[^A-Za-z0-9+/=]/g, "");
  if (/[^A-Za-z0-9+/=]/.test(clean)) return null;
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i]!;
    if (ch === "=") {
      if (/[^=]/.test(clean.slice(i))) return null;
      break;
    }
    buf = (buf << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  const unpadded = clean.replace(/=+$/, "").length;
  if (unpadded % 4 === 1) return null;
  return new Uint8Array(out);
}

const base64: Utility = (p) => {
  const r = getopt("base64", p.args, { short: "diw:", long: { decode: { key: "d" }, "ignore-garbage": { key: "i" }, wrap: { key: "w", arg: true } } });
  if (!r.ok) {
    p.err(r.message);
    return 1;
  }
  const o = r.opts.flags;
  let status = 0;
  const inputs = readInputs(p, r.opts.operands.slice(0, 1), (n, code) => {
    p.err(`base64: ${n}: ${errnoMessage(code)}\n`);
    status = 1;
  });
  if (status) return status;
  const text = inputs[0]?.text ?? "";
  if (o.d) {
    const bytes = base64Decode(text, !!o.i);
    if (!bytes) {
      // GNU decodes what it can before complaining.
      const good = base64Decode(text.slice(0, Math.floor(text.replace(/\s/g, "").search(/[^A-Za-z0-9+/=]|$/) / 4) * 4), false);
      if (good) p.out(new TextDecoder().decode(good));
      p.err("base64: invalid input\n");
      return 1;
    }
    p.out(new TextDecoder().decode(bytes));
    return 0;
  }
  const wrap = typeof o.w === "string" ? Number(o.w) : 76;
  if (!Number.isInteger(wrap) || wrap < 0) {
    p.err(`base64: invalid wrap size: ${quoteLocale(String(o.w))}\n`);
    return 1;
  }
  const enc = base64Encode(new TextEncoder().encode(text));
  if (wrap === 0) p.out(enc);
  else {
    let out = "";
    for (let i = 0; i < enc.length; i += wrap) out += enc.slice(i, i + wrap) + "\n";
    p.out(out);
  }
  return 0;
};

const seq: Utility = (p) => {
  const args = [...p.args];
  let sep = "\n";
  let equal = false;
  let format: string | undefined;
  const nums: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-s") sep = args[++i] ?? "\n";
    else if (a.startsWith("-s") && a.length > 2 && !/^-\d/.test(a)) sep = a.slice(2);
    else if (a === "-w") equal = true;
    else if (a === "-f") format = args[++i];
    else nums.push(a);
  }
  if (nums.length === 0) {
    p.err(usageError("seq", "missing operand"));
    return 1;
  }
  if (nums.length > 3) {
    p.err(usageError("seq", `extra operand ${quoteLocale(nums[3]!)}`));
    return 1;
  }
  for (const n of nums) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(n)) {
      p.err(usageError("seq", `invalid floating point argument: ${quoteLocale(n)}`));
      return 1;
    }
  }
  const [first, incr, last] = nums.length === 1 ? ["1", "1", nums[0]!] : nums.length === 2 ? [nums[0]!, "1", nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  const f = Number(first);
  const s = Number(incr);
  const l = Number(last);
  if (s === 0) {
    p.err(usageError("seq", `invalid Zero increment value: ${quoteLocale(incr)}`));
    return 1;
  }
  const decimals = Math.max(...[first, incr].map((x) => (x.includes(".") ? x.split(".")[1]!.length : 0)));
  const values: string[] = [];
  for (let k = 0; ; k++) {
    const v = f + k * s;
    if (s > 0 ? v > l + 1e-9 : v < l - 1e-9) break;
    if (values.length >= 1_000_000) break;
    values.push(format ? format.replace(/%[-+ #0]*\d*(?:\.\d+)?[gfeGFE]/, (spec) => (spec.endsWith("g") ? String(v) : v.toFixed(Number(/\.(\d+)/.exec(spec)?.[1] ?? 6)))) : v.toFixed(decimals));
  }
  if (equal) {
    const w = maxOf(values.map((v) => v.length), 0);
    for (let k = 0; k < values.length; k++) values[k] = values[k]!.startsWith("-") ? "-" + values[k]!.slice(1).padStart(w - 1, "0") : values[k]!.padStart(w, "0");
  }
  if (values.length > 0) p.out(values.join(sep) + "\n");
  return 0;
};

const tac: Utility = (p) => {
  let status = 0;
  const inputs = readInputs(p, p.args, (n, code) => {
    p.err(`tac: failed to open ${quoteAlways(n)} for reading: ${errnoMessage(code)}\n`);
    status = 1;
  });
  for (const { text } of inputs) p.out(joinLines(lines(text).reverse()));
  return status;
};

const rev: Utility = (p) => {
  let status = 0;
  const inputs = readInputs(p, p.args, (n, code) => {
    p.err(`rev: cannot open ${n}: ${errnoMessage(code)}\n`);
    status = 1;
  });
  for (const { text } of inputs) p.out(joinLines(lines(text).map((l) => [...l].reverse().join(""))));
  return status;
};

const nl: Utility = (p) => {
  let status = 0;
  const inputs = readInputs(p, p.args.filter((a) => !a.startsWith("-")), (n, code) => {
    p.err(fileError("nl", n, code));
    status = 1;
  });
  let n = 0;
  for (const { text } of inputs) {
    p.out(joinLines(lines(text).map((l) => (l === "" ? "" : `${String(++n).padStart(6)}\t${l}`))));
  }
  return status;
};

export const TEXT_UTILITIES: Record<string, Utility> = {
  grep,
  egrep: grep,
  fgrep: grep,
  head: (p) => headTail(p, "head"),
  tail: (p) => headTail(p, "tail"),
  wc,
  sort,
  uniq,
  cut,
  tr,
  tee,
  sed,
  base64,
  seq,
  tac,
  rev,
  nl,
};
