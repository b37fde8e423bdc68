// pflag-style option parsing as the Docker CLI does it (cobra + spf13/pflag).

export type FlagKind = "bool" | "string" | "list";

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
}

export type FlagValues = Record<string, string | boolean | string[]>;

export type ParsedFlags = { ok: true; flags: FlagValues; args: string[] } | { ok: false; error: string };

/**
 * Parses `argv` against `specs`. With `interspersed` false, the first positional argument ends
 * option parsing (docker run IMAGE --flag passes --flag to the container).
 */
export function parseFlags(argv: string[], specs: FlagSpec[], interspersed = true): ParsedFlags {
  const flags: FlagValues = {};
  const args: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const set = (spec: FlagSpec, value: string | boolean) => {
    if (spec.kind === "list") {
      const cur = (flags[spec.name] as string[] | undefined) ?? [];
      cur.push(String(value));
      flags[spec.name] = cur;
    } else flags[spec.name] = value;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (spec.kind === "bool") {
        if (eq === -1) set(spec, true);
        else {
          const v = a.slice(eq + 1);
          if (!["true", "false", "1", "0", "t", "f", "TRUE", "FALSE", "True", "False"].includes(v)) return { ok: false, error: `invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax` };
          set(spec, ["true", "1", "t", "TRUE", "True"].includes(v));
        }
      } else if (eq !== -1) set(spec, a.slice(eq + 1));
      else {
        if (i + 1 >= argv.length) return { ok: false, error: `flag needs an argument: --${name}` };
        set(spec, argv[++i]!);
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        const spec = byShort.get(c);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${c}' in ${a}` };
        if (spec.kind === "bool") {
          if (a[k + 1] === "=") {
            set(spec, a.slice(k + 2) === "true");
            break;
          }
          set(spec, true);
          continue;
        }
        const rest = a.slice(k + 1);
        if (rest !== "") set(spec, rest.startsWith("=") ? rest.slice(1) : rest);
        else {
          if (i + 1 >= argv.length) return { ok: false, error: `flag needs an argument: '${c}' in -${c}` };
          set(spec, argv[++i]!);
        }
        break;
      }
      continue;
    }
    if (!interspersed) {
      args.push(...argv.slice(i));
      break;
    }
    args.push(a);
  }
  return { ok: true, flags, args };
}

export const str = (f: FlagValues, name: string): string | undefined => (typeof f[name] === "string" ? (f[name] as string) : undefined);
export const bool = (f: FlagValues, name: string): boolean => f[name] === true;
export const list = (f: FlagValues, name: string): string[] => (Array.isArray(f[name]) ? (f[name] as string[]) : []);

/** "k=v" options into a map (MapOpts); a bare "k" maps to "". */
export function kvMap(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf("=");
    if (i === -1) out[v] = "";
    else out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}
