// GNU diff's normal and unified formats (-u), with -q, -i and -w.
import { type Utility, getopt, resolve } from "./proc";
import { errnoMessage, readFile, stat } from "./vfs";
import { strftime } from "./time-format";

type Op = { t: "=" | "-" | "+"; a: number; b: number };

/** An edit script from the longest common subsequence of two line lists. */
function editScript(a: string[], b: string[], key: (s: string) => string): Op[] {
  const n = a.length;
  const m = b.length;
  let start = 0;
  while (start < n && start < m && key(a[start]!) === key(b[start]!)) start++;
  let endA = n;
  let endB = m;
  while (endA > start && endB > start && key(a[endA - 1]!) === key(b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ t: "=", a: i, b: i });
  const rows = endA - start;
  const cols = endB - start;
  if (rows * cols > 16_000_000) {
    // Too big to align: report the middle as replaced.
    for (let i = start; i < endA; i++) ops.push({ t: "-", a: i, b: start });
    for (let j = start; j < endB; j++) ops.push({ t: "+", a: endA, b: j });
  } else {
    const lcs = new Array<Uint32Array>(rows + 1);
    for (let i = 0; i <= rows; i++) lcs[i] = new Uint32Array(cols + 1);
    for (let i = rows - 1; i >= 0; i--) {
      for (let j = cols - 1; j >= 0; j--) {
        lcs[i]![j] = key(a[start + i]!) === key(b[start + j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < rows || j < cols) {
      if (i < rows && j < cols && key(a[start + i]!) === key(b[start + j]!)) {
        ops.push({ t: "=", a: start + i, b: start + j });
        i++;
        j++;
      } else if (i < rows && (j === cols || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
        // Deletions first, as diff prints them.
        ops.push({ t: "-", a: start + i, b: start + j });
        i++;
      } else {
        ops.push({ t: "+", a: start + i, b: start + j });
        j++;
      }
    }
  }
  for (let i = endA, j = endB; i < n; i++, j++) ops.push({ t: "=", a: i, b: j });
  return ops;
}

const range = (from: number, to: number) => (to - from <= 1 ? String(from + 1) : `${from + 1},${to}`);

function splitLines(text: string): { lines: string[]; noEol: boolean } {
  if (text === "") return { lines: [], noEol: false };
  const noEol = !text.endsWith("\n");
  const lines = text.split("\n");
  if (!noEol) lines.pop();
  return { lines, noEol };
}

const diff: Utility = (p) => {
  const r = getopt("diff", p.args, { short: "uqiwbBU:", long: { unified: { key: "u" }, brief: { key: "q" }, "ignore-case": { key: "i" }, "ignore-all-space": { key: "w" }, "ignore-space-change": { key: "b" } } });
  if (!r.ok) {
    p.err(r.message);
    return 2;
  }
  const o = r.opts.flags;
  const ops = r.opts.operands;
  if (ops.length < 2) {
    p.err(`diff: missing operand after '${ops[0] ?? "diff"}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  if (ops.length > 2) {
    p.err(`diff: extra operand '${ops[2]}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const texts: string[] = [];
  const times: number[] = [];
  for (const name of ops) {
    if (name === "-") {
      texts.push(p.stdin);
      times.push(p.now());
      continue;
    }
    const f = readFile(p.host.fs, resolve(p, name), p.actor);
    if (!f.ok) {
      p.err(`diff: ${name}: ${errnoMessage(f.code)}\n`);
      return 2;
    }
    texts.push(f.value);
    const s = stat(p.host.fs, resolve(p, name), p.actor);
    times.push(s.ok ? s.value.node.mtime : p.now());
  }
  const key = (s: string) => {
    let k = s;
    if (o.w) k = k.replace(/\s+/g, "");
    else if (o.b) k = k.replace(/\s+/g, " ").replace(/ $/, "");
    return o.i ? k.toLowerCase() : k;
  };
  const A = splitLines(texts[0]!);
  const B = splitLines(texts[1]!);
  const script = editScript(A.lines, B.lines, key);
  const differs = script.some((x) => x.t !== "=") || (A.noEol !== B.noEol && A.lines.length > 0 && B.lines.length > 0);
  if (!differs) return 0;
  if (o.q) {
    p.out(`Files ${ops[0]} and ${ops[1]} differ\n`);
    return 1;
  }
  const line = (side: "a" | "b", i: number, prefix: string) => {
    const L = side === "a" ? A : B;
    let s = prefix + L.lines[i]! + "\n";
    if (L.noEol && i === L.lines.length - 1) s += "\\ No newline at end of file\n";
    return s;
  };
  let out = "";
  if (o.u || o.U !== undefined) {
    const ctx = typeof o.U === "string" ? Number(o.U) : 3;
    const stamp = (t: number) => strftime("%Y-%m-%d %H:%M:%S.000000000 +0000", t);
    out += `--- ${ops[0]}\t${stamp(times[0]!)}\n+++ ${ops[1]}\t${stamp(times[1]!)}\n`;
    let k = 0;
    while (k < script.length) {
      while (k < script.length && script[k]!.t === "=") k++;
      if (k >= script.length) break;
      let s = Math.max(0, k - ctx);
      let e = k;
      // Extend the hunk while changes are within 2*ctx lines of each other.
      for (;;) {
        while (e < script.length && script[e]!.t !== "=") e++;
        let g = e;
        while (g < script.length && script[g]!.t === "=" && g - e < 2 * ctx) g++;
        if (g < script.length && script[g]!.t !== "=" && g - e <= 2 * ctx) e = g;
        else break;
      }
      const end = Math.min(script.length, e + ctx);
      while (s < k && script[s]!.t !== "=") s++;
      const hunk = script.slice(s, end);
      const aLines = hunk.filter((x) => x.t !== "+");
      const bLines = hunk.filter((x) => x.t !== "-");
      const aStart = aLines.length ? aLines[0]!.a + 1 : hunk[0]!.a;
      const bStart = bLines.length ? bLines[0]!.b + 1 : hunk[0]!.b;
      const fmt = (start: number, len: number) => (len === 1 ? String(start) : `${len === 0 ? start : start},${len}`);
      out += `@@ -${fmt(aStart, aLines.length)} +${fmt(bStart, bLines.length)} @@\n`;
      for (const x of hunk) out += x.t === "=" ? line("a", x.a, " ") : x.t === "-" ? line("a", x.a, "-") : line("b", x.b, "+");
      k = end;
    }
  } else {
    let k = 0;
    while (k < script.length) {
      if (script[k]!.t === "=") {
        k++;
        continue;
      }
      let e = k;
      while (e < script.length && script[e]!.t !== "=") e++;
      const chunk = script.slice(k, e);
      const dels = chunk.filter((x) => x.t === "-");
      const adds = chunk.filter((x) => x.t === "+");
      const a0 = dels.length ? dels[0]!.a : chunk[0]!.a;
      const b0 = adds.length ? adds[0]!.b : chunk[0]!.b;
      if (dels.length && adds.length) out += `${range(a0, a0 + dels.length)}c${range(b0, b0 + adds.length)}\n`;
      else if (dels.length) out += `${range(a0, a0 + dels.length)}d${b0}\n`;
      else out += `${a0}a${range(b0, b0 + adds.length)}\n`;
      for (const x of dels) out += line("a", x.a, "< ");
      if (dels.length && adds.length) out += "---\n";
      for (const x of adds) out += line("b", x.b, "> ");
      k = e;
    }
  }
  p.out(out);
  return 1;
};

export const DIFF_UTILITIES: Record<string, Utility> = { diff };
