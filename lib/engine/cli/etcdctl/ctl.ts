// One etcdctl invocation: the command found, its parsed flags, and etcdctl's global.go steps
// (ETCDCTL_* environment variables, output format, TLS files, the client).
import type { CommandContext } from "../../shell/types";
import type { World } from "../../world";
import { Client, loadTls, type SecureConfig } from "./client";
import { inheritedFlags, type Node } from "./cobra";
import { type FlagDef, type FlagValue, type ParsedFlags, flagToEnv, flagValueString, setFlag } from "./flags";
import { zapString } from "./format";
import { ExitCode, Exit, type Out } from "./output";
import { FORMATS, type Display, type Format } from "./printers";

export const GLOBAL_FLAGS: FlagDef[] = [
  { name: "endpoints", kind: "stringSlice", def: "[127.0.0.1:2379]", usage: "gRPC endpoints" },
  { name: "debug", kind: "bool", def: "false", usage: "enable client-side debug logging" },
  { name: "write-out", short: "w", kind: "string", def: "simple", usage: "set the output format (fields, json, protobuf, simple, table)" },
  { name: "hex", kind: "bool", def: "false", usage: "print byte strings as hex encoded strings" },
  { name: "dial-timeout", kind: "duration", def: "2s", usage: "dial timeout for client connections" },
  { name: "command-timeout", kind: "duration", def: "5s", usage: "timeout for short running command (excluding dial timeout)" },
  { name: "keepalive-time", kind: "duration", def: "2s", usage: "keepalive time for client connections" },
  { name: "keepalive-timeout", kind: "duration", def: "6s", usage: "keepalive timeout for client connections" },
  { name: "insecure-transport", kind: "bool", def: "true", usage: "disable transport security for client connections" },
  { name: "insecure-discovery", kind: "bool", def: "true", usage: "accept insecure SRV records describing cluster endpoints" },
  {
    name: "insecure-skip-tls-verify",
    kind: "bool",
    def: "false",
    usage: "skip server certificate verification (CAUTION: this option should be enabled only for testing purposes)",
  },
  { name: "cert", kind: "string", def: "", usage: "identify secure client using this TLS certificate file" },
  { name: "key", kind: "string", def: "", usage: "identify secure client using this TLS key file" },
  { name: "cacert", kind: "string", def: "", usage: "verify certificates of TLS-enabled secure servers using this CA bundle" },
  { name: "user", kind: "string", def: "", usage: "username[:password] for authentication (prompt if password is not supplied)" },
  { name: "password", kind: "string", def: "", usage: "password for authentication (if this option is used, --user option shouldn't include password)" },
  { name: "discovery-srv", short: "d", kind: "string", def: "", usage: "domain name to query for SRV records describing cluster endpoints" },
  { name: "discovery-srv-name", kind: "string", def: "", usage: "service name to query when using DNS discovery" },
];

/** Where a command function sits in etcdctl's source, for the stack trace zap prints on Fatal. */
export interface GoFrame {
  fn: string;
  file: string;
}

export type EtcdctlNode = Node<Ctl> & { frame?: GoFrame };

export class Ctl {
  private display?: Display;
  private configured = false;

  constructor(
    readonly ctx: CommandContext<World>,
    readonly out: Out,
    readonly node: EtcdctlNode,
    readonly parsed: ParsedFlags,
  ) {}

  get args(): string[] {
    return this.parsed.args;
  }

  value(name: string): FlagValue | undefined {
    return this.parsed.values.get(name);
  }

  bool(name: string): boolean {
    return this.value(name) === true;
  }

  str(name: string): string {
    return String(this.value(name) ?? "");
  }

  int(name: string): number {
    return Number(this.value(name) ?? 0);
  }

  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }

  now(): number {
    return this.ctx.world.now();
  }

  /**
   * global.go's clientConfigFromCmd: global flags from ETCDCTL_* variables (a variable that a
   * flag also sets is fatal), --debug, then the output format.
   */
  clientConfig(): void {
    if (this.configured) return;
    this.configured = true;
    const fs = inheritedFlags(this.node);
    const names = new Set(fs.map((f) => f.name));
    if (this.node.name === "watch") names.add("watch-key").add("watch-range-end");
    const used = new Set<string>();
    const alreadySet = new Set<string>();
    for (const f of fs) {
      const key = flagToEnv(f.name);
      if (this.parsed.changed.has(f.name)) {
        alreadySet.add(key);
        continue;
      }
      const v = this.ctx.env[key];
      if (v !== undefined && v !== "") {
        used.add(key);
        // An invalid value leaves the default (etcdctl ignores SetPflagsFromEnv's error).
        const trial = new Map(this.parsed.values);
        if (setFlag(f, v, trial, new Set()) === undefined) this.parsed.values.set(f.name, trial.get(f.name)!);
      }
    }
    for (const [k, v] of Object.entries(this.ctx.env)) {
      if (used.has(k)) continue;
      if (alreadySet.has(k)) this.fatalEnvConflict(k);
      if (k.startsWith("ETCDCTL_") && k !== "ETCDCTL_API" && !(this.node.name === "watch" && (k === "ETCDCTL_WATCH_KEY" || k === "ETCDCTL_WATCH_RANGE_END"))) {
        this.out.err(`{"level":"warn","ts":"${this.ts()}","caller":"flags/flag.go:93","msg":"unrecognized environment variable","environment-variable":${zapString(`${k}=${v}`)}}\n`);
      }
    }
    if (this.bool("debug")) {
      for (const f of [...fs].sort((a, b) => (a.name < b.name ? -1 : 1))) this.out.err(`${flagToEnv(f.name)}=${flagValueString(f, this.value(f.name))}\n`);
    }
    this.initDisplay();
  }

  private ts(): string {
    return this.out.clock.ts(this.now());
  }

  private fatalEnvConflict(key: string): never {
    const frame = this.node.frame ?? { fn: "getCommandFunc", file: "get_command.go:71" };
    const trace = [
      ["go.etcd.io/etcd/pkg/v3/flags.verifyEnv", "go.etcd.io/etcd/pkg/v3@v3.5.15/flags/flag.go:85"],
      ["go.etcd.io/etcd/pkg/v3/flags.SetPflagsFromEnv", "go.etcd.io/etcd/pkg/v3@v3.5.15/flags/flag.go:63"],
      ["go.etcd.io/etcd/etcdctl/v3/ctlv3/command.clientConfigFromCmd", "go.etcd.io/etcd/etcdctl/v3/ctlv3/command/global.go:129"],
      ["go.etcd.io/etcd/etcdctl/v3/ctlv3/command.mustClientFromCmd", "go.etcd.io/etcd/etcdctl/v3/ctlv3/command/global.go:175"],
      [`go.etcd.io/etcd/etcdctl/v3/ctlv3/command.${frame.fn}`, `go.etcd.io/etcd/etcdctl/v3/ctlv3/command/${frame.file}`],
      ["github.com/spf13/cobra.(*Command).execute", "github.com/spf13/cobra@v1.1.3/command.go:856"],
      ["github.com/spf13/cobra.(*Command).ExecuteC", "github.com/spf13/cobra@v1.1.3/command.go:960"],
      ["github.com/spf13/cobra.(*Command).Execute", "github.com/spf13/cobra@v1.1.3/command.go:897"],
      ["go.etcd.io/etcd/etcdctl/v3/ctlv3.Start", "go.etcd.io/etcd/etcdctl/v3/ctlv3/ctl.go:107"],
      ["go.etcd.io/etcd/etcdctl/v3/ctlv3.MustStart", "go.etcd.io/etcd/etcdctl/v3/ctlv3/ctl.go:111"],
      ["main.main", "go.etcd.io/etcd/etcdctl/v3/main.go:59"],
      ["runtime.main", "runtime/proc.go:271"],
    ]
      .map(([fn, at]) => `${fn}\n\t${at}`)
      .join("\n");
    this.out.err(
      `{"level":"fatal","ts":"${this.ts()}","caller":"flags/flag.go:85","msg":"conflicting environment variable is shadowed by corresponding command-line flag (either unset environment variable or disable flag))","environment-variable":"${key}","stacktrace":${zapString(trace)}}\n`,
    );
    throw new Exit(ExitCode.error);
  }

  /** initDisplayFromCmd: an unknown -w value fails before anything is sent. */
  private initDisplay(): void {
    const format = this.str("write-out");
    if (!FORMATS.includes(format)) this.out.fail(ExitCode.badFeature, "unsupported output format");
    this.display = { format: format as Format, hex: this.bool("hex"), out: this.out };
  }

  get d(): Display {
    if (!this.display) this.initDisplay();
    return this.display!;
  }

  secure(): SecureConfig {
    return {
      cacert: this.str("cacert"),
      cert: this.str("cert"),
      key: this.str("key"),
      insecureTransport: this.bool("insecure-transport"),
      insecureSkipVerify: this.bool("insecure-skip-tls-verify"),
    };
  }

  endpoints(): string[] {
    return (this.value("endpoints") as string[] | undefined) ?? ["127.0.0.1:2379"];
  }

  /** mustClientFromCmd: configuration (exit 128 on bad TLS files), then a non-blocking client. */
  client(endpoints?: string[]): Client {
    this.clientConfig();
    const s = this.secure();
    const tlsError = loadTls(this.ctx, s);
    if (tlsError) this.out.fail(ExitCode.badArgs, tlsError);
    return new Client(this.ctx, this.out, endpoints ?? this.endpoints(), s, this.int("command-timeout"), this.int("dial-timeout"));
  }
}
