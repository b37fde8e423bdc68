// Shell patterns (globs) and POSIX regular expressions, translated to JavaScript RegExp.

/** Whether a glob pattern (backslash-escaped where literal) has any unescaped wildcard. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "*" || c === "?") return true;
    if (c === "[" && pattern.indexOf("]", i + 2) !== -1) return true;
  }
  return false;
}

/** Escapes glob metacharacters so that `text` matches itself. */
export const escapeGlob = (text: string): string => text.replace(/[\\*?[\]]/g, "\\$&");

/** Removes glob escapes: the literal text a pattern without wildcards stands for. */
export const unescapeGlob = (pattern: string): string => pattern.replace(/\\(.)/gs, "$1");

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

const POSIX_CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
  word: "a-zA-Z0-9_",
};

/**
 * Translates a bracket expression starting at `src[i] === "["`. Returns the JS class and the
 * index after `]`, or null when unterminated (then `[` is literal).
 */
function bracket(src: string, i: number, globNegation: boolean): { re: string; next: number } | null {
  let j = i + 1;
  let negate = false;
  if (src[j] === "^" || (globNegation && src[j] === "!")) {
    negate = true;
    j++;
  }
  let body = "";
  let first = true;
  while (j < src.length) {
    const c = src[j]!;
    if (c === "]" && !first) return { re: `[${negate ? "^" : ""}${body}]`, next: j + 1 };
    first = false;
    if (c === "[" && src[j + 1] === ":") {
      const end = src.indexOf(":]", j + 2);
      if (end !== -1) {
        const name = src.slice(j + 2, end);
        body += POSIX_CLASSES[name] ?? "";
        j = end + 2;
        continue;
      }
    }
    if (c === "\\" && globNegation && j + 1 < src.length) {
      body += escapeRe(src[j + 1]!);
      j += 2;
      continue;
    }
    if (c === "\\" || c === "]" || c === "[" || c === "^") body += "\\" + c;
    else if (c === "-" && src[j + 1] !== "]" && body !== "") body += "-";
    else body += c === "-" ? "\\-" : c;
    j++;
  }
  return null;
}

/** A glob pattern (with backslash escapes) as a RegExp source, unanchored. */
export function globToRegexSource(pattern: string, opts: { dotSlash?: boolean } = {}): string {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      if (i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
      else re += "\\\\";
    } else if (c === "*") {
      // Consecutive stars mean one star; collapsing them keeps the regex linear.
      while (pattern[i + 1] === "*") i++;
      re += opts.dotSlash ? "[^/]*" : "[\\s\\S]*";
    }
    else if (c === "?") re += opts.dotSlash ? "[^/]" : "[\\s\\S]";
    else if (c === "[") {
      const b = bracket(pattern, i, true);
      if (b) {
        re += b.re;
        i = b.next - 1;
      } else re += "\\[";
    } else re += escapeRe(c);
  }
  return re;
}

export function globMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${globToRegexSource(pattern)})$`, "s").test(text);
  } catch {
    return pattern === text;
  }
}

export type RegexFlavor = "basic" | "extended";

/**
 * A POSIX regular expression (GNU flavour: BRE with \+ \? \| \{ \}, or ERE) as a JS RegExp
 * source. Throws an Error with grep's wording when the expression is invalid.
 */
export function posixToRegexSource(src: string, flavor: RegexFlavor): string {
  let re = "";
  let depth = 0;
  const ere = flavor === "extended";
  let atStart = true;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    const wasStart = atStart;
    atStart = false;
    if (c === "\\") {
      const n = src[i + 1];
      i++;
      if (n === undefined) throw new Error("Trailing backslash");
      if (!ere && (n === "(" || n === ")")) {
        if (n === "(") depth++;
        else if (--depth < 0) throw new Error("Unmatched ) or \\)");
        re += n;
        if (n === "(") atStart = true;
      } else if (!ere && (n === "{" || n === "}")) re += n;
      else if (!ere && (n === "+" || n === "?")) re += n;
      else if (!ere && n === "|") {
        re += "|";
        atStart = true;
      } else if (/[1-9]/.test(n)) re += "\\" + n;
      else if (n === "w") re += "[A-Za-z0-9_]";
      else if (n === "W") re += "[^A-Za-z0-9_]";
      else if (n === "s") re += "\\s";
      else if (n === "S") re += "\\S";
      else if (n === "b") re += "\\b";
      else if (n === "B") re += "\\B";
      else if (n === "<") re += "\\b(?=\\w)";
      else if (n === ">") re += "\\b(?<=\\w)";
      else if (n === "n") re += "\\n";
      else if (n === "t") re += "t";
      else re += escapeRe(n);
      continue;
    }
    if (c === "[") {
      const b = bracket(src, i, false);
      if (!b) throw new Error("Unmatched [, [^, [:, [., or [=");
      re += b.re;
      i = b.next - 1;
      continue;
    }
    if (ere) {
      if (c === "(") {
        depth++;
        re += "(";
        atStart = true;
        continue;
      }
      if (c === ")") {
        if (--depth < 0) throw new Error("Unmatched ) or \\)");
        re += ")";
        continue;
      }
      if (c === "|") {
        re += "|";
        atStart = true;
        continue;
      }
      if (c === "{") {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(src.slice(i));
        if (m && (m[1] || m[3])) {
          re += m[0];
          i += m[0].length - 1;
        } else re += "\\{";
        continue;
      }
      if (c === "+" || c === "?") {
        re += wasStart ? escapeRe(c) : c;
        continue;
      }
      if (c === "*") {
        re += wasStart ? "\\*" : "*";
        continue;
      }
    } else {
      if (c === "*") {
        re += wasStart ? "\\*" : "*";
        continue;
      }
      if (c === "^" && !wasStart) {
        re += "\\^";
        continue;
      }
      if (c === "$" && i + 1 < src.length && !(src[i + 1] === "\\" && (src[i + 2] === ")" || src[i + 2] === "|"))) {
        re += "\\$";
        continue;
      }
    }
    if (c === "^") {
      re += "^";
      atStart = true;
      continue;
    }
    if (c === "$") {
      re += "$";
      continue;
    }
    if (c === ".") {
      re += ".";
      continue;
    }
    re += escapeRe(c);
  }
  if (depth > 0) throw new Error("Unmatched ( or \\(");
  return re;
}

/** Compiles a POSIX regex; throws Error(message) as grep/sed would word it. */
export function compilePosix(src: string, flavor: RegexFlavor, flags = ""): RegExp {
  const source = posixToRegexSource(src, flavor);
  try {
    return new RegExp(source, flags);
  } catch {
    throw new Error("Invalid regular expression");
  }
}

/** Shell pattern removal/replacement helpers for ${v#p} ${v%p} ${v/p/r}. */
export function trimPattern(value: string, pattern: string, op: "#" | "##" | "%" | "%%"): string {
  const src = globToRegexSource(pattern);
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${src})$`, "s");
  } catch {
    return value;
  }
  if (op === "#" || op === "##") {
    const order = op === "#" ? range(0, value.length) : range(0, value.length).reverse();
    for (const n of order) if (re.test(value.slice(0, n))) return value.slice(n);
  } else {
    const order = op === "%" ? range(0, value.length).reverse() : range(0, value.length);
    for (const n of order) if (re.test(value.slice(n))) return value.slice(0, n);
  }
  return value;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

export function replacePattern(value: string, pattern: string, repl: string, op: "/" | "//" | "/#" | "/%"): string {
  if (pattern === "") return value;
  let src = globToRegexSource(pattern);
  // Shell patterns match the longest string at each position.
  if (op === "/#") src = `^(?:${src})`;
  if (op === "/%") src = `(?:${src})$`;
  let re: RegExp;
  try {
    re = new RegExp(src, op === "//" ? "gs" : "s");
  } catch {
    return value;
  }
  return value.replace(re, () => repl);
}
