// Flag parsing as kubectl's cobra/pflag does it: flags anywhere among the arguments, `-n ns`,
// `-nns`, `--namespace ns`, `--namespace=ns`, `-o=yaml`, boolean flags with optional `=false`,
// repeated flags, `--` ending flags, and pflag's exact error messages.

export type FlagKind = "bool" | "string" | "int" | "stringArray";

export interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  default?: string | number | boolean | string[];
}

export type FlagValues = Record<string, string | number | boolean | string[] | undefined>;

export interface ParsedArgs {
  args: string[];
  flags: FlagValues;
  /** Flags the user actually gave (to tell an explicit default from an absent one). */
  set: Set<string>;
}

export class FlagError extends Error {}

export function parseArgs(argv: string[], specs: FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: FlagValues = {};
  for (const s of specs) flags[s.name] = Array.isArray(s.default) ? [...s.default] : s.default;
  const set = new Set<string>();
  const args: string[] = [];
  const arrays = new Map<string, string[]>();

  const assign = (spec: FlagSpec, raw: string, display: string) => {
    set.add(spec.name);
    switch (spec.kind) {
      case "bool": {
        if (!/^(true|false|1|0|t|f|TRUE|FALSE|True|False|T|F)$/.test(raw)) {
          throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        }
        flags[spec.name] = /^(true|1|t|T|TRUE|True)$/.test(raw);
        break;
      }
      case "int": {
        if (!/^-?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        flags[spec.name] = Number(raw);
        break;
      }
      case "stringArray": {
        // Repeated flags accumulate; the first one replaces the default.
        const given = arrays.get(spec.name) ?? [];
        given.push(raw);
        arrays.set(spec.name, given);
        flags[spec.name] = [...given];
        break;
      }
      default:
        flags[spec.name] = raw;
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) assign(spec, a.slice(eq + 1), `--${name}`);
      else if (spec.kind === "bool") assign(spec, "true", `--${name}`);
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        assign(spec, argv[++i]!, `--${name}`);
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1 && a !== "-") {
      // A cluster of shorthands: -it, -nkube-system, -o=yaml.
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const display = `-${c}, --${spec.name}`;
        if (spec.kind === "bool") {
          if (a[j + 1] === "=") {
            assign(spec, a.slice(j + 2), display);
            break;
          }
          assign(spec, "true", display);
          continue;
        }
        let value = a.slice(j + 1);
        if (value.startsWith("=")) value = value.slice(1);
        else if (value === "") {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          value = argv[++i]!;
        }
        assign(spec, value, display);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { args, flags, set };
}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: "namespace", short: "n", kind: "string" },
  { name: "kubeconfig", kind: "string" },
  { name: "context", kind: "string" },
  { name: "v", short: "v", kind: "string" },
  { name: "request-timeout", kind: "string" },
  { name: "server", short: "s", kind: "string" },
];
