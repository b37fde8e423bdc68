// GNU getopt_long as systemd's tools use it: options may come anywhere (arguments are permuted),
// "--" ends them, long options may be abbreviated to a unique prefix, and errors read exactly
// as glibc prints them.

export interface OptionSpec {
  long?: string;
  short?: string;
  /** "none", "required" or "optional" (an optional argument must be attached: -n5, --lines=5). */
  arg: "none" | "required" | "optional";
  /** Key the value is stored under (defaults to the long name, then the short one). */
  key?: string;
}

export interface Parsed {
  /** Each option in order of appearance, with its argument when it takes one. */
  options: { key: string; value?: string }[];
  positional: string[];
}

export type ParseResult = { ok: true; value: Parsed } | { ok: false; error: string };

/**
 * Parses argv. `takesNext` lets a tool accept an optional argument given as the next word
 * (journalctl's `-n 5` and `-b -1` do that by hand after getopt).
 */
export function getopt(prog: string, argv: string[], specs: OptionSpec[], takesNext?: (key: string, next: string) => boolean): ParseResult {
  const options: Parsed["options"] = [];
  const positional: string[] = [];
  const keyOf = (s: OptionSpec) => s.key ?? s.long ?? s.short ?? "";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const exact = specs.find((s) => s.long === name);
      const matches = exact ? [exact] : specs.filter((s) => s.long?.startsWith(name));
      if (matches.length === 0) return { ok: false, error: `${prog}: unrecognized option '--${name}'\n` };
      if (matches.length > 1) {
        return { ok: false, error: `${prog}: option '--${name}' is ambiguous; possibilities:${matches.map((m) => ` '--${m.long}'`).join("")}\n` };
      }
      const spec = matches[0]!;
      if (spec.arg === "none") {
        if (eq >= 0) return { ok: false, error: `${prog}: option '--${spec.long}' doesn't allow an argument\n` };
        options.push({ key: keyOf(spec) });
      } else if (eq >= 0) {
        options.push({ key: keyOf(spec), value: a.slice(eq + 1) });
      } else if (spec.arg === "required") {
        if (i + 1 >= argv.length) return { ok: false, error: `${prog}: option '--${spec.long}' requires an argument\n` };
        options.push({ key: keyOf(spec), value: argv[++i]! });
      } else if (takesNext && i + 1 < argv.length && takesNext(keyOf(spec), argv[i + 1]!)) {
        options.push({ key: keyOf(spec), value: argv[++i]! });
      } else {
        options.push({ key: keyOf(spec) });
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const spec = specs.find((s) => s.short === c);
        if (!spec) return { ok: false, error: `${prog}: invalid option -- '${c}'\n` };
        if (spec.arg === "none") {
          options.push({ key: keyOf(spec) });
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest) options.push({ key: keyOf(spec), value: rest });
        else if (spec.arg === "required") {
          if (i + 1 >= argv.length) return { ok: false, error: `${prog}: option requires an argument -- '${c}'\n` };
          options.push({ key: keyOf(spec), value: argv[++i]! });
        } else if (takesNext && i + 1 < argv.length && takesNext(keyOf(spec), argv[i + 1]!)) {
          options.push({ key: keyOf(spec), value: argv[++i]! });
        } else {
          options.push({ key: keyOf(spec) });
        }
        break;
      }
      continue;
    }
    positional.push(a);
  }
  return { ok: true, value: { options, positional } };
}

/** The last value given for an option (or true when it was given without one). */
export function last(p: Parsed, key: string): string | true | undefined {
  let v: string | true | undefined;
  for (const o of p.options) if (o.key === key) v = o.value ?? true;
  return v;
}

export function has(p: Parsed, key: string): boolean {
  return p.options.some((o) => o.key === key);
}

export function all(p: Parsed, key: string): string[] {
  return p.options.filter((o) => o.key === key && o.value !== undefined).map((o) => o.value!);
}
