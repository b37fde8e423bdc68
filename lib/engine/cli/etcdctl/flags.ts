// spf13/pflag as etcdctl uses it: typed flags with Go's parsing and pflag's error texts, and
// cobrautl's flag listing for help.
import { goDuration } from "../../util/go-format";

export type FlagKind = "bool" | "string" | "int64" | "duration" | "stringSlice";

export interface FlagDef {
  name: string;
  short?: string;
  kind: FlagKind;
  /** The default as pflag prints it (DefValue): "0", "simple", "[127.0.0.1:2379]", "5s", "false". */
  def: string;
  usage: string;
}

export type FlagValue = boolean | string | number | string[];

export class FlagError extends Error {}

/** strconv.ParseBool's accepted spellings. */
export function parseGoBool(raw: string): boolean | undefined {
  if (/^(1|t|T|TRUE|true|True)$/.test(raw)) return true;
  if (/^(0|f|F|FALSE|false|False)$/.test(raw)) return false;
  return undefined;
}

function goQuoteSimple(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** strconv.ParseInt(s, base, 64); base 0 takes 0x, 0o, 0b and a leading 0 as Go does. */
export function parseGoInt(raw: string, base: 0 | 10 | 16): { value?: number; big?: bigint; error?: string } {
  const fail = (why: "invalid syntax" | "value out of range") => ({ error: `strconv.ParseInt: parsing ${goQuoteSimple(raw)}: ${why}` });
  let s = raw;
  let neg = false;
  if (s.startsWith("+") || s.startsWith("-")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  let radix: number = base;
  if (base === 0) {
    radix = 10;
    if (/^0[xX]/.test(s)) {
      radix = 16;
      s = s.slice(2);
    } else if (/^0[oO]/.test(s)) {
      radix = 8;
      s = s.slice(2);
    } else if (/^0[bB]/.test(s)) {
      radix = 2;
      s = s.slice(2);
    } else if (/^0./.test(s)) {
      radix = 8;
      s = s.slice(1);
    }
    if (radix !== 10 || /^0/.test(raw.replace(/^[+-]/, ""))) s = s.replace(/_/g, "");
  }
  const digits = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : radix === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(s)) return fail("invalid syntax");
  const prefix = radix === 16 ? "0x" : radix === 8 ? "0o" : radix === 2 ? "0b" : "";
  let big = BigInt(prefix + s);
  if (neg) big = -big;
  if (big > 9223372036854775807n || big < -9223372036854775808n) return fail("value out of range");
  return { value: Number(big), big };
}

const UNITS: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, "μs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** time.ParseDuration, in nanoseconds. */
export function parseGoDuration(raw: string): { nanos?: number; error?: string } {
  const quoted = goQuoteSimple(raw);
  let s = raw;
  let neg = false;
  if (s.startsWith("+") || s.startsWith("-")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return { nanos: 0 };
  if (s === "") return { error: `time: invalid duration ${quoted}` };
  let total = 0;
  while (s !== "") {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (num[0] === "" || num[0] === ".") return { error: `time: invalid duration ${quoted}` };
    s = s.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === "") return { error: `time: missing unit in duration ${quoted}` };
    const scale = UNITS[unit];
    if (scale === undefined) return { error: `time: unknown unit ${goQuoteSimple(unit)} in duration ${quoted}` };
    s = s.slice(unit.length);
    total += Number(num[0]) * scale;
  }
  return { nanos: neg ? -total : total };
}

export interface ParsedFlags {
  args: string[];
  values: Map<string, FlagValue>;
  /** Flags given on the command line (pflag's Changed). */
  changed: Set<string>;
}

function defaultValue(def: FlagDef): FlagValue {
  switch (def.kind) {
    case "bool":
      return def.def === "true";
    case "int64":
      return Number(def.def);
    case "duration":
      return parseGoDuration(def.def).nanos ?? 0;
    case "stringSlice":
      return def.def === "[]" ? [] : def.def.slice(1, -1).split(",");
    default:
      return def.def;
  }
}

/** Sets a flag from text as pflag's Value.Set does; returns the error text on failure. */
export function setFlag(def: FlagDef, raw: string, values: Map<string, FlagValue>, changed: Set<string>): string | undefined {
  switch (def.kind) {
    case "bool": {
      const b = parseGoBool(raw);
      if (b === undefined) return `strconv.ParseBool: parsing ${goQuoteSimple(raw)}: invalid syntax`;
      values.set(def.name, b);
      break;
    }
    case "int64": {
      const r = parseGoInt(raw, 0);
      if (r.error) return r.error;
      values.set(def.name, r.value!);
      break;
    }
    case "duration": {
      const r = parseGoDuration(raw);
      if (r.error) return r.error;
      values.set(def.name, r.nanos!);
      break;
    }
    case "stringSlice": {
      // Repeated flags append; the first one replaces the default.
      const items = raw === "" ? [] : raw.split(",");
      const prev = changed.has(def.name) ? (values.get(def.name) as string[]) : [];
      values.set(def.name, [...prev, ...items]);
      break;
    }
    default:
      values.set(def.name, raw);
  }
  changed.add(def.name);
  return undefined;
}

/** pflag's interspersed parsing: flags anywhere, `--` ends them. */
export function parseFlags(argv: string[], defs: FlagDef[]): ParsedFlags {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const values = new Map<string, FlagValue>();
  for (const d of defs) values.set(d.name, defaultValue(d));
  const changed = new Set<string>();
  const args: string[] = [];
  const set = (def: FlagDef, raw: string, display: string) => {
    const error = setFlag(def, raw, values, changed);
    if (error) throw new FlagError(`invalid argument ${goQuoteSimple(raw)} for ${goQuoteSimple(display)} flag: ${error}`);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const def = byName.get(name);
      if (!def) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(def, a.slice(eq + 1), `--${name}`);
      else if (def.kind === "bool") set(def, "true", `--${name}`);
      else {
        if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
        set(def, argv[++i]!, `--${name}`);
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const def = byShort.get(c);
        if (!def) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const display = `-${c}, --${def.name}`;
        if (def.kind === "bool") {
          if (a[j + 1] === "=") {
            set(def, a.slice(j + 2), display);
            break;
          }
          set(def, "true", display);
          continue;
        }
        let value = a.slice(j + 1);
        if (value.startsWith("=")) value = value.slice(1);
        else if (value === "") {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
          value = argv[++i]!;
        }
        set(def, value, display);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { args, values, changed };
}

/** cobrautl's etcdFlagUsages: one line per flag, name and usage separated by a tab. */
export function flagUsages(defs: FlagDef[]): string {
  let out = "";
  for (const d of [...defs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    let line = d.short ? `  -${d.short}, --${d.name}` : `      --${d.name}`;
    const value = d.kind === "string" ? goQuoteSimple(d.def) : d.def;
    line += d.kind === "bool" ? `[=${value}]` : `=${value}`;
    out += `${line}\t${d.usage}\n`;
  }
  return out;
}

/** The environment variable for a flag (pkg/flags FlagToEnv). */
export function flagToEnv(name: string): string {
  return `ETCDCTL_${name.toUpperCase().replace(/-/g, "_")}`;
}

/** How pflag prints a value (flag.Value.String()), for --debug. */
export function flagValueString(def: FlagDef, value: FlagValue | undefined): string {
  if (value === undefined) return "";
  if (def.kind === "stringSlice") return `[${(value as string[]).join(",")}]`;
  if (def.kind === "duration") return goDuration(value as number);
  return String(value);
}
