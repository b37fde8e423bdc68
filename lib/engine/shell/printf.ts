// bash's echo and printf builtins, and printf's %q shell quoting.
import { ansiEscape } from "./parse";
import type { Proc } from "./proc";

/** Escapes of `echo -e` and printf's %b: returns the text and whether \c stopped output. */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== "\\" || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[i + 1]!;
    if (n === "c") return { text: out, stop: true };
    if (n === "0") {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 2, i + 5))!;
      out += String.fromCharCode(parseInt(m[0] || "0", 8) & 0xff);
      i += 1 + m[0].length;
      continue;
    }
    if (/[1-7]/.test(n)) {
      // echo only knows \0NNN; \NNN stays literal there (printf's %b accepts it too).
      const m = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))!;
      out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
      i += m[0].length;
      continue;
    }
    if (n === "'" || n === '"' || n === "?") {
      out += "\\" + n;
      i++;
      continue;
    }
    const [ch, used] = ansiEscape(s, i + 1);
    out += ch;
    i += used;
  }
  return { text: out, stop: false };
}

export function echoBuiltin(p: Proc): number {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < p.args.length; i++) {
    const a = p.args[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === "n") newline = false;
      else if (c === "e") escapes = true;
      else escapes = false;
    }
  }
  let text = p.args.slice(i).join(" ");
  if (escapes) {
    const r = echoEscapes(text);
    if (r.stop) {
      p.out(r.text);
      return 0;
    }
    text = r.text;
  }
  p.out(newline ? text + "\n" : text);
  return 0;
}

const SHELL_QUOTE_CHARS = new Set([..." \t'\"\\|&;()<>!{}*[?]^$`,"]);

/** printf %q: backslash-quoting like bash, $'...' for control characters, '' for empty. */
export function shellQuote(s: string): string {
  if (s === "") return "''";
  if (/[\x00-\x1f\x7f]/.test(s)) {
    let out = "$'";
    for (const c of s) {
      const code = c.charCodeAt(0);
      if (c === "\n") out += "\\n";
      else if (c === "\t") out += "\\t";
      else if (c === "\r") out += "\\r";
      else if (c === "\x1b") out += "\\E";
      else if (c === "\\" || c === "'") out += "\\" + c;
      else if (code < 0x20 || code === 0x7f) out += "\\" + code.toString(8).padStart(3, "0");
      else out += c;
    }
    return out + "'";
  }
  let out = "";
  [...s].forEach((c, i) => {
    if (SHELL_QUOTE_CHARS.has(c) || (i === 0 && (c === "~" || c === "#"))) out += "\\" + c;
    else out += c;
  });
  return out;
}

class PrintfError {
  constructor(readonly message: string) {}
}

function parseNumArg(arg: string | undefined, errors: string[]): number {
  if (arg === undefined || arg === "") return 0;
  if (/^['"]/.test(arg)) return arg.length > 1 ? arg.codePointAt(1)! : 0;
  const t = arg.trim();
  const m = /^[+-]?(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(t);
  if (!m) {
    errors.push(`bash: printf: ${arg}: invalid number`);
    return 0;
  }
  if (m[0].length !== t.length) errors.push(`bash: printf: ${arg}: invalid number`);
  const s = m[0];
  const neg = s.startsWith("-");
  const body = s.replace(/^[+-]/, "");
  let v: number;
  if (/^0[xX]/.test(body)) v = parseInt(body, 16);
  else if (/^0[0-7]+$/.test(body)) v = parseInt(body, 8);
  else v = Number(body);
  return neg ? -v : v;
}

function fmtExp(v: number, prec: number, upper: boolean): string {
  let s = v.toExponential(prec);
  s = s.replace(/e([+-])(\d)$/, "e$10$2");
  return upper ? s.toUpperCase() : s;
}

function fmtG(v: number, prec: number, upper: boolean, alt: boolean): string {
  const P = prec === 0 ? 1 : prec;
  if (v === 0) return "0";
  const exp = Math.floor(Math.log10(Math.abs(v)));
  let s: string;
  if (exp < -4 || exp >= P) {
    s = fmtExp(v, P - 1, upper);
    if (!alt) s = s.replace(/\.?0+(e|E)/, "$1");
  } else {
    s = v.toFixed(Math.max(0, P - 1 - exp));
    if (!alt && s.includes(".")) s = s.replace(/\.?0+$/, "");
  }
  return s;
}

/** Formats like bash's printf; returns the text, errors to print and whether %b hit \c. */
export function formatPrintf(format: string, args: string[]): { text: string; errors: string[] } {
  const errors: string[] = [];
  let out = "";
  let ai = 0;
  const next = () => args[ai++];
  for (;;) {
    const startAi = ai;
    for (let i = 0; i < format.length; i++) {
      const c = format[i]!;
      if (c === "\\" && i + 1 < format.length) {
        const n = format[i + 1]!;
        if (n === "c") return { text: out, errors };
        if (/[0-7]/.test(n)) {
          const m = /^[0-7]{1,3}/.exec(format.slice(i + 1, i + 4))!;
          out += String.fromCharCode(parseInt(m[0], 8) & 0xff);
          i += m[0].length;
          continue;
        }
        if (n === '"' || n === "'" || n === "?") {
          out += n;
          i++;
          continue;
        }
        const [ch, used] = ansiEscape(format, i + 1);
        out += ch;
        i += used;
        continue;
      }
      if (c !== "%") {
        out += c;
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])?/.exec(format.slice(i))!;
      i += m[0].length - 1;
      const flags = m[1]!;
      let width = m[2] === "*" ? parseNumArg(next(), errors) : m[2] ? Number(m[2]) : undefined;
      let prec = m[3] === "*" ? parseNumArg(next(), errors) : m[3] !== undefined ? Number(m[3] || "0") : undefined;
      const conv = m[4];
      if (prec !== undefined && prec < 0) prec = undefined;
      let leftAlign = flags.includes("-");
      if (width !== undefined && width < 0) {
        width = -width;
        leftAlign = true;
      }
      const floating = conv !== undefined && "fFeEgG".includes(conv);
      const pad = (s: string, numeric: boolean) => {
        if (width === undefined || s.length >= width) return s;
        if (leftAlign) return s.padEnd(width);
        if (numeric && flags.includes("0") && (prec === undefined || floating)) {
          const sign = /^[+\- ]/.test(s) ? s[0]! : "";
          const prefix = /^[+\- ]?0[xX]/.test(s) ? s.slice(sign.length, sign.length + 2) : "";
          const body = s.slice(sign.length + prefix.length);
          return sign + prefix + body.padStart(width - sign.length - prefix.length, "0");
        }
        return s.padStart(width);
      };
      const sign = (v: number, s: string) => (v >= 0 && !Object.is(v, -0) ? (flags.includes("+") ? "+" : flags.includes(" ") ? " " : "") + s : s);
      switch (conv) {
        case "%":
          out += "%";
          break;
        case "s": {
          let s = next() ?? "";
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, false);
          break;
        }
        case "b": {
          const r = echoEscapes(next() ?? "");
          let s = r.text;
          if (prec !== undefined) s = s.slice(0, prec);
          out += pad(s, false);
          if (r.stop) return { text: out, errors };
          break;
        }
        case "q":
          out += pad(shellQuote(next() ?? ""), false);
          break;
        case "c": {
          const s = (next() ?? "").slice(0, 1);
          out += pad(s, false);
          break;
        }
        case "d":
        case "i": {
          const v = Math.trunc(parseNumArg(next(), errors));
          let s = String(Math.abs(v));
          if (prec !== undefined) s = s.padStart(prec, "0");
          out += pad(v < 0 ? "-" + s : sign(v, s), true);
          break;
        }
        case "u":
        case "o":
        case "x":
        case "X": {
          let v = Math.trunc(parseNumArg(next(), errors));
          if (v < 0) v = Number(BigInt.asUintN(64, BigInt(v)));
          let s = conv === "o" ? v.toString(8) : conv === "u" ? String(v) : v.toString(16);
          if (conv === "X") s = s.toUpperCase();
          if (prec !== undefined) s = s.padStart(prec, "0");
          if (flags.includes("#") && v !== 0) s = conv === "o" ? "0" + s : conv === "x" ? "0x" + s : conv === "X" ? "0X" + s : s;
          out += pad(s, true);
          break;
        }
        case "f":
        case "F":
        case "e":
        case "E":
        case "g":
        case "G": {
          const v = parseNumArg(next(), errors);
          const p = prec ?? 6;
          let s: string;
          if (!Number.isFinite(v)) s = Number.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
          else if (conv === "f" || conv === "F") s = Math.abs(v).toFixed(p);
          else if (conv === "e" || conv === "E") s = fmtExp(Math.abs(v), p, conv === "E");
          else s = fmtG(Math.abs(v), p, conv === "G", flags.includes("#"));
          out += pad(v < 0 ? "-" + s : sign(v, s), true);
          break;
        }
        default:
          if (conv === undefined) {
            out += m[0];
            break;
          }
          throw new PrintfError(`bash: printf: \`${conv}': invalid format character`);
      }
    }
    // The format is reused while arguments remain (only if it consumed some).
    if (ai >= args.length || ai === startAi) break;
  }
  return { text: out, errors };
}

export function printfBuiltin(p: Proc, setVar?: (name: string, value: string) => boolean): number {
  let args = p.args;
  let varName: string | undefined;
  if (args[0] === "-v") {
    varName = args[1];
    args = args.slice(2);
    if (varName === undefined) {
      p.err("bash: printf: -v: option requires an argument\nprintf: usage: printf [-v var] format [arguments]\n");
      return 2;
    }
  }
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    p.err("printf: usage: printf [-v var] format [arguments]\n");
    return 2;
  }
  try {
    const r = formatPrintf(args[0]!, args.slice(1));
    if (varName !== undefined && setVar) {
      if (!setVar(varName, r.text)) {
        p.err(`bash: printf: \`${varName}': not a valid identifier\n`);
        return 2;
      }
    } else p.out(r.text);
    for (const e of r.errors) p.err(e + "\n");
    return r.errors.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof PrintfError) {
      p.err(e.message + "\n");
      return 1;
    }
    throw e;
  }
}
