// What the main process of a container does, as a deterministic timeline: which lines it logs
// and when, whether and when it exits, which ports it listens on and from when. Both the Docker
// engine and the kubelet build a ProcessPlan when a container starts and replay it lazily.
import type { Millis } from "../clock";
import { runCommand, runShellScript, type ShellContext, type ShellFlavour, type ShellRun } from "./shell";
import { formatClock } from "./time-format";
import type { CatalogueImage, ListenSpec, LogLine, PlanOptions, ProcessModelName, ProcessPlan, TextPart, TimedLine } from "./types";

const MiB = 1024 * 1024;

/** Programs that become the image's server when a script execs them. */
const SERVER_BINARIES = new Set(["nginx", "nginx-debug", "httpd-foreground", "httpd", "redis-server", "postgres", "mysqld"]);

const SHELLS = new Set(["sh", "ash", "bash", "dash"]);

function envMap(env: Record<string, string> | string[] | undefined, image: CatalogueImage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of image.config.env) {
    const i = kv.indexOf("=");
    if (i > 0) out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  if (Array.isArray(env)) {
    for (const kv of env) {
      const i = kv.indexOf("=");
      if (i > 0) out[kv.slice(0, i)] = kv.slice(i + 1);
    }
  } else if (env) Object.assign(out, env);
  return out;
}

function flavourOf(model: ProcessModelName, shell: string): ShellFlavour {
  if (shell === "bash") return "bash";
  return model === "busybox" || model === "alpine" || model === "hello" || model === "hello-plain" ? "busybox" : "dash";
}

const line = (atMs: number, stream: "stdout" | "stderr", ...parts: TextPart[]): TimedLine => ({ atMs, stream, parts });

function basePlan(argv: string[]): ProcessPlan {
  return { argv, lines: [], listens: [], idle: { memoryBytes: Math.round(0.4 * MiB), cpuMillicores: 0 }, handlesSigterm: false, sigtermExitCode: 143 };
}

/** Turns a simulated shell run into a plan. */
function fromShell(argv: string[], run: ShellRun, image: CatalogueImage, opts: PlanOptions, env: Record<string, string>): ProcessPlan {
  if (run.execServer) {
    const server = serverPlan(image, run.execServer.argv, opts, env);
    const offset = run.execServer.atMs;
    return {
      ...server,
      argv,
      lines: [...run.lines, ...server.lines.map((l) => ({ ...l, atMs: l.atMs + offset }))],
      listens: server.listens.map((l) => ({ ...l, readyAtMs: l.readyAtMs + offset })),
      ...(server.exit ? { exit: { ...server.exit, atMs: server.exit.atMs + offset } } : {}),
    };
  }
  const plan = basePlan(argv);
  plan.lines = run.lines;
  if (run.loop) plan.loop = run.loop;
  if (run.exit) plan.exit = run.exit;
  return plan;
}

/** Runs `argv` as the image's process would (no entrypoint magic). */
function execPlan(image: CatalogueImage, argv: string[], opts: PlanOptions, env: Record<string, string>): ProcessPlan {
  const name = argv[0] ?? "";
  const base = name.includes("/") ? name.slice(name.lastIndexOf("/") + 1) : name;
  const tools = new Set(image.tools);
  if (SERVER_BINARIES.has(base) && tools.has(base === "httpd-foreground" ? "httpd" : base)) return serverPlan(image, argv, opts, env);
  const ctx: ShellContext = {
    env,
    tools,
    flavour: flavourOf(image.model, base),
    hostname: opts.hostname ?? "localhost",
    shellName: name,
    servers: SERVER_BINARIES,
  };
  if (SHELLS.has(base)) {
    if (!tools.has(base)) return notFound(argv, name);
    const c = argv.indexOf("-c");
    if (c >= 1 && argv[c + 1] !== undefined) return fromShell(argv, runShellScript(argv[c + 1]!, { ...ctx, shellName: argv[c + 2] ?? name }), image, opts, env);
    if (argv.length > 1 && !argv[1]!.startsWith("-")) {
      // `sh script.sh`: there is no such file in the image.
      const plan = basePlan(argv);
      const msg = ctx.flavour === "busybox" ? `${name}: can't open '${argv[1]}': No such file or directory` : ctx.flavour === "bash" ? `${name}: ${argv[1]}: No such file or directory` : `${name}: 0: cannot open ${argv[1]}: No such file`;
      plan.lines = [line(0, "stderr", msg)];
      plan.exit = { atMs: 0, code: ctx.flavour === "bash" ? 127 : 2 };
      return plan;
    }
    // An interactive shell: with a terminal it waits for input, without one it reads EOF and exits.
    const plan = basePlan(argv);
    if (!(opts.tty && opts.stdin)) plan.exit = { atMs: 0, code: 0 };
    return plan;
  }
  const run = runCommand(argv, ctx);
  if (run.notFound !== undefined) return notFound(argv, run.notFound);
  return fromShell(argv, run, image, opts, env);
}

function notFound(argv: string[], executable: string): ProcessPlan {
  const plan = basePlan(argv);
  plan.startError = { kind: "executable-not-found", executable };
  plan.exit = { atMs: 0, code: 127 };
  return plan;
}

/**
 * Plans the main process of a container.
 *
 * `command` and `args` follow Kubernetes: `command` replaces the image ENTRYPOINT, `args`
 * replaces CMD; when `command` is given without `args`, CMD is ignored. (Docker's
 * `docker run IMAGE a b` passes `args`; `--entrypoint x` passes `command`.)
 */
export function planProcess(
  image: CatalogueImage,
  command?: string[] | null,
  args?: string[] | null,
  env?: Record<string, string> | string[],
  opts: PlanOptions = {},
): ProcessPlan {
  const environment = envMap(env, image);
  if (opts.hostname) environment.HOSTNAME = opts.hostname;
  const argv = command && command.length > 0 ? [...command, ...(args ?? [])] : [...(image.config.entrypoint ?? []), ...(args ?? image.config.cmd ?? [])];
  if (argv.length === 0) {
    const plan = basePlan(argv);
    plan.startError = { kind: "executable-not-found", executable: "" };
    plan.exit = { atMs: 0, code: 127 };
    return plan;
  }
  const first = argv[0]!;
  // The official images' entrypoint scripts: configure and start the server when asked to,
  // otherwise exec whatever command was given.
  if (first === "/docker-entrypoint.sh" || first === "docker-entrypoint.sh") {
    const rest = argv.slice(1);
    const serverName = rest[0] ?? "";
    const isServer = SERVER_BINARIES.has(serverName) || (serverName.startsWith("-") && image.model !== "nginx");
    if (isServer) return serverPlan(image, argv, opts, environment);
    if (rest.length === 0) return execPlan(image, image.config.cmd ?? [], opts, environment);
    return execPlan(image, rest, opts, environment);
  }
  const fixed = fixedPlan(image, argv, opts, environment);
  if (fixed) return fixed;
  return execPlan(image, argv, opts, environment);
}

/** Images whose process is a single program whatever the arguments (the control plane, pause). */
function fixedPlan(image: CatalogueImage, argv: string[], opts: PlanOptions, env: Record<string, string>): ProcessPlan | undefined {
  const base = argv[0]!.slice(argv[0]!.lastIndexOf("/") + 1);
  const known: Partial<Record<ProcessModelName, string>> = {
    pause: "pause",
    "kube-apiserver": "kube-apiserver",
    "kube-controller-manager": "kube-controller-manager",
    "kube-scheduler": "kube-scheduler",
    "kube-proxy": "kube-proxy",
    etcd: "etcd",
    coredns: "coredns",
    "calico-node": "start_runit",
    "calico-cni": "install",
    "calico-kube-controllers": "kube-controllers",
  };
  if (known[image.model] !== base) return undefined;
  return serverPlan(image, argv, opts, env);
}

function serverPlan(image: CatalogueImage, argv: string[], opts: PlanOptions, env: Record<string, string>): ProcessPlan {
  const plan = basePlan(argv);
  plan.handlesSigterm = true;
  plan.sigtermExitCode = 0;
  const kernel = opts.kernel ?? "5.15.0-126-generic";
  const listen = (port: number, readyAtMs: number, http?: ListenSpec["http"], protocol: "TCP" | "UDP" = "TCP"): ListenSpec => (http ? { port, protocol, readyAtMs, http } : { port, protocol, readyAtMs });
  switch (image.model) {
    case "nginx":
    case "hello":
    case "hello-plain": {
      const alpine = image.model !== "nginx" || image.tags.some((t) => t.includes("alpine"));
      const version = env.NGINX_VERSION ?? image.version;
      const hello = image.model !== "nginx";
      const e = (text: string) => line(0, "stdout", text);
      plan.lines = [
        e("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"),
        e("/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/"),
        e("/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh"),
        ...(hello
          ? [e("10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf is not a file or does not exist")]
          : [
              e("10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf"),
              e("10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf"),
            ]),
        e("/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh"),
        e("/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh"),
        e("/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh"),
        e("/docker-entrypoint.sh: Configuration complete; ready for start up"),
      ];
      const n = (text: string) => line(40, "stderr", { clock: "nginx-error" }, ` [notice] 1#1: ${text}`);
      const firstWorker = alpine ? 21 : 29;
      plan.lines.push(
        n('using the "epoll" event method'),
        n(`nginx/${version}`),
        n(alpine ? "built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) " : "built by gcc 12.2.0 (Debian 12.2.0-14) "),
        n(`OS: Linux ${kernel}`),
        n("getrlimit(RLIMIT_NOFILE): 1048576:1048576"),
        n("start worker processes"),
        n(`start worker process ${firstWorker}`),
        n(`start worker process ${firstWorker + 1}`),
      );
      plan.listens = [listen(80, 40, image.model)];
      plan.idle = { memoryBytes: Math.round((alpine ? 5.6 : 7.4) * MiB), cpuMillicores: 0 };
      return plan;
    }
    case "httpd": {
      const ip = opts.ip ?? "172.17.0.2";
      const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`;
      plan.lines = [
        line(20, "stderr", warn),
        line(25, "stderr", warn),
        line(30, "stderr", "[", { clock: "httpd-error" }, "] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations"),
        line(30, "stderr", "[", { clock: "httpd-error" }, "] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"),
      ];
      plan.listens = [listen(80, 30, "httpd")];
      plan.idle = { memoryBytes: Math.round(10.9 * MiB), cpuMillicores: 1 };
      return plan;
    }
    case "redis": {
      const version = env.REDIS_VERSION ?? image.version;
      const r = (at: number, role: string, mark: string, text: string) => line(at, "stdout", `1:${role} `, { clock: "redis" }, ` ${mark} ${text}`);
      plan.lines = [
        r(0, "C", "#", "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."),
        r(0, "C", "*", "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"),
        r(0, "C", "*", `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
        r(0, "C", "#", "Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf"),
        r(1, "M", "*", "monotonic clock: POSIX clock_gettime"),
        r(2, "M", "*", "Running mode=standalone, port=6379."),
        r(3, "M", "*", "Server initialized"),
        r(3, "M", "*", "Ready to accept connections tcp"),
      ];
      plan.listens = [listen(6379, 3)];
      plan.idle = { memoryBytes: Math.round(8.3 * MiB), cpuMillicores: 2 };
      return plan;
    }
    case "postgres": {
      if (!env.POSTGRES_PASSWORD && env.POSTGRES_HOST_AUTH_METHOD !== "trust") {
        plan.lines = [
          "Error: Database is uninitialized and superuser password is not specified.",
          "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
          '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
          "",
          '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
          "       connections without a password. This is *not* recommended.",
          "",
          '       See PostgreSQL documentation about "trust":',
          "       https://www.postgresql.org/docs/current/auth-trust.html",
        ].map((t) => line(60, "stderr", t));
        plan.exit = { atMs: 60, code: 1 };
        plan.handlesSigterm = true;
        return plan;
      }
      const ver = env.PG_VERSION ?? "17.2-1.pgdg120+1";
      const full = ver.split("-")[0]!;
      const pg = (at: number, pid: number, text: string) => line(at, "stderr", { clock: "postgres" }, ` [${pid}] ${text}`);
      const out = (at: number, text: string) => line(at, "stdout", text);
      plan.lines = [
        out(100, 'The files belonging to this database system will be owned by user "postgres".'),
        out(100, "This user must also own the server process."),
        out(100, ""),
        out(100, 'The database cluster will be initialized with locale "en_US.utf8".'),
        out(100, 'The default database encoding has accordingly been set to "UTF8".'),
        out(100, 'The default text search configuration will be set to "english".'),
        out(100, ""),
        out(100, "Data page checksums are disabled."),
        out(100, ""),
        out(110, "fixing permissions on existing directory /var/lib/postgresql/data ... ok"),
        out(120, "creating subdirectories ... ok"),
        out(130, "selecting dynamic shared memory implementation ... posix"),
        out(140, 'selecting default "max_connections" ... 100'),
        out(150, 'selecting default "shared_buffers" ... 128MB'),
        out(160, "selecting default time zone ... Etc/UTC"),
        out(170, "creating configuration files ... ok"),
        out(600, "running bootstrap script ... ok"),
        out(1200, "performing post-bootstrap initialization ... ok"),
        out(1400, "syncing data to disk ... ok"),
        out(1400, ""),
        out(1400, ""),
        out(1400, "Success. You can now start the database server using:"),
        out(1400, ""),
        out(1400, "    pg_ctl -D /var/lib/postgresql/data -l logfile start"),
        out(1400, ""),
        line(1400, "stderr", 'initdb: warning: enabling "trust" authentication for local connections'),
        line(1400, "stderr", "initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb."),
        out(1500, "waiting for server to start....done"),
        out(1700, "server started"),
        out(1800, ""),
        out(1800, "/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*"),
        out(1800, ""),
        out(1900, "waiting for server to shut down....done"),
        out(2000, "server stopped"),
        out(2000, ""),
        out(2000, "PostgreSQL init process complete; ready for start up."),
        out(2000, ""),
        pg(2100, 1, `LOG:  starting PostgreSQL ${full} (Debian ${ver}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`),
        pg(2100, 1, 'LOG:  listening on IPv4 address "0.0.0.0", port 5432'),
        pg(2100, 1, 'LOG:  listening on IPv6 address "::", port 5432'),
        pg(2110, 1, `LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`),
        line(2120, "stderr", { clock: "postgres" }, " [64] LOG:  database system was shut down at ", { clock: "postgres" }),
        pg(2130, 1, "LOG:  database system is ready to accept connections"),
      ];
      plan.listens = [listen(5432, 2130)];
      plan.idle = { memoryBytes: Math.round(36.2 * MiB), cpuMillicores: 3 };
      return plan;
    }
    case "mysql": {
      const ver = env.MYSQL_VERSION ?? `${image.version}-1.el9`;
      const note = (at: number, level: string, text: string) => line(at, "stdout", { clock: "mysql" }, ` [${level}] [Entrypoint]: ${text}`);
      const start = note(0, "Note", `Entrypoint script for MySQL Server ${ver} started.`);
      if (!env.MYSQL_ROOT_PASSWORD && !env.MYSQL_ALLOW_EMPTY_PASSWORD && !env.MYSQL_RANDOM_ROOT_PASSWORD) {
        plan.lines = [
          start,
          note(200, "Note", "Switching to dedicated user 'mysql'"),
          { ...start, atMs: 250 },
          line(300, "stderr", { clock: "mysql" }, " [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified"),
          line(300, "stderr", "    You need to specify one of the following as an environment variable:"),
          line(300, "stderr", "    - MYSQL_ROOT_PASSWORD"),
          line(300, "stderr", "    - MYSQL_ALLOW_EMPTY_PASSWORD"),
          line(300, "stderr", "    - MYSQL_RANDOM_ROOT_PASSWORD"),
        ];
        plan.exit = { atMs: 300, code: 1 };
        return plan;
      }
      const sys = (at: number, level: string, code: string, text: string) => line(at, "stderr", { clock: "mysql-iso" }, ` 0 [${level}] [${code}] [Server] ${text}`);
      plan.lines = [
        start,
        note(200, "Note", "Switching to dedicated user 'mysql'"),
        { ...start, atMs: 250 },
        note(300, "Note", "Initializing database files"),
        note(9000, "Note", "Database files initialized"),
        note(9000, "Note", "Starting temporary server"),
        note(10500, "Note", "Temporary server started."),
        note(11500, "Note", "Stopping temporary server"),
        note(12500, "Note", "Temporary server stopped"),
        line(12500, "stdout", ""),
        note(12500, "Note", "MySQL init process done. Ready for start up."),
        line(12500, "stdout", ""),
        sys(12700, "System", "MY-015015", "MySQL Server - start."),
        sys(13000, "System", "MY-010116", `/usr/sbin/mysqld (mysqld ${image.version}) starting as process 1`),
        sys(13900, "System", "MY-010931", `/usr/sbin/mysqld: ready for connections. Version: '${image.version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`),
      ];
      plan.listens = [listen(3306, 13900), listen(33060, 13900)];
      plan.idle = { memoryBytes: Math.round(412 * MiB), cpuMillicores: 6 };
      return plan;
    }
    case "pause":
      plan.idle = { memoryBytes: Math.round(0.3 * MiB), cpuMillicores: 0 };
      return plan;
    case "kube-apiserver":
      plan.lines = [line(0, "stderr", "I", { clock: "klog" }, '       1 options.go:228] external host was not specified, using ' + (opts.ip ?? "10.0.0.10")), line(300, "stderr", "I", { clock: "klog" }, "       1 server.go:142] Version: " + image.version)];
      plan.listens = [listen(6443, 6000, "health")];
      plan.idle = { memoryBytes: Math.round(262 * MiB), cpuMillicores: 35 };
      return plan;
    case "kube-controller-manager":
      plan.lines = [line(0, "stderr", "I", { clock: "klog" }, "       1 serving.go:386] Generated self-signed cert in-memory"), line(400, "stderr", "I", { clock: "klog" }, `       1 controllermanager.go:197] "Starting" version="${image.version}"`)];
      plan.listens = [listen(10257, 1500, "health")];
      plan.idle = { memoryBytes: Math.round(52 * MiB), cpuMillicores: 12 };
      return plan;
    case "kube-scheduler":
      plan.lines = [line(0, "stderr", "I", { clock: "klog" }, "       1 serving.go:386] Generated self-signed cert in-memory"), line(400, "stderr", "I", { clock: "klog" }, `       1 server.go:167] "Starting Kubernetes Scheduler" version="${image.version}"`)];
      plan.listens = [listen(10259, 1200, "health")];
      plan.idle = { memoryBytes: Math.round(21 * MiB), cpuMillicores: 3 };
      return plan;
    case "kube-proxy":
      plan.lines = [line(0, "stderr", "I", { clock: "klog" }, '       1 server_linux.go:66] "Using iptables proxy"'), line(200, "stderr", "I", { clock: "klog" }, '       1 server.go:677] "Successfully retrieved node IP(s)"')];
      plan.listens = [listen(10249, 500, "health"), listen(10256, 500, "health")];
      plan.idle = { memoryBytes: Math.round(16 * MiB), cpuMillicores: 1 };
      return plan;
    case "etcd":
      plan.lines = [
        line(0, "stderr", '{"level":"info","ts":"', { clock: "rfc3339" }, `","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":${JSON.stringify(argv)}}`),
        line(800, "stderr", '{"level":"info","ts":"', { clock: "rfc3339" }, '","caller":"embed/serve.go:103","msg":"ready to serve client requests"}'),
      ];
      plan.listens = [listen(2379, 800), listen(2380, 800), listen(2381, 800, "health")];
      plan.idle = { memoryBytes: Math.round(42 * MiB), cpuMillicores: 14 };
      return plan;
    case "coredns":
      plan.lines = [
        line(0, "stdout", ".:53"),
        line(0, "stdout", "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908"),
        line(0, "stdout", `CoreDNS-${image.version}`),
        line(0, "stdout", "linux/amd64, go1.21.11, a6338e9"),
      ];
      plan.listens = [listen(53, 100, undefined, "UDP"), listen(53, 100), listen(8080, 100, "health"), listen(8181, 300, "health"), listen(9153, 100)];
      plan.idle = { memoryBytes: Math.round(13 * MiB), cpuMillicores: 2 };
      return plan;
    case "calico-node":
      plan.lines = [line(0, "stdout", { clock: "rfc3339" }, " [INFO][9] startup/startup.go 432: Early log level set to info")];
      plan.listens = [listen(9099, 4000, "health")];
      plan.idle = { memoryBytes: Math.round(120 * MiB), cpuMillicores: 25 };
      return plan;
    case "calico-cni":
      plan.lines = [line(0, "stderr", { clock: "rfc3339" }, " [INFO][1] cni-installer/<nil> <nil>: Running as a Kubernetes pod"), line(900, "stderr", { clock: "rfc3339" }, " [INFO][1] cni-installer/<nil> <nil>: CNI plugin version: " + image.version)];
      plan.exit = { atMs: 1000, code: 0 };
      return plan;
    case "calico-kube-controllers":
      plan.lines = [line(0, "stderr", { clock: "rfc3339" }, " [INFO][1] main.go 99: Loaded configuration from environment")];
      plan.listens = [listen(9094, 1500)];
      plan.idle = { memoryBytes: Math.round(18 * MiB), cpuMillicores: 2 };
      return plan;
    case "busybox":
    case "alpine":
      return execPlan(image, argv, opts, env);
  }
}

// ----- replaying a plan -----

/**
 * How many processes a container's main process starts besides itself, as the server would:
 * nginx's two workers (one per CPU of the lab machines), httpd's children, postgres's background
 * processes, calico-node's runit services. Servers only: a shell or a one-off command starts none.
 */
export function childProcessCount(image: CatalogueImage, plan: ProcessPlan): number {
  if (plan.startError || plan.listens.length === 0) return image.model === "calico-node" ? 14 : 0;
  switch (image.model) {
    case "nginx":
    case "hello":
    case "hello-plain":
      return 2;
    case "httpd":
      return 3;
    case "postgres":
      return 5;
    case "calico-node":
      return 14;
    default:
      return 0;
  }
}

export type ProcessStatus = { state: "running" } | { state: "exited"; code: number; at: Millis };

/** Where a process started at `startedAt` stands at `now`. */
export function processStatusAt(plan: ProcessPlan, startedAt: Millis, now: Millis): ProcessStatus {
  if (plan.exit && now >= startedAt + plan.exit.atMs) return { state: "exited", code: plan.exit.code, at: startedAt + plan.exit.atMs };
  return { state: "running" };
}

/** Whether `port` accepts connections at `now`. */
export function isListening(plan: ProcessPlan, startedAt: Millis, now: Millis, port: number, protocol: "TCP" | "UDP" = "TCP"): ListenSpec | undefined {
  if (processStatusAt(plan, startedAt, now).state !== "running") return undefined;
  return plan.listens.find((l) => l.port === port && l.protocol === protocol && now >= startedAt + l.readyAtMs);
}

export function renderParts(parts: TextPart[], at: Millis): string {
  return parts.map((p) => (typeof p === "string" ? p : formatClock(p.clock, at))).join("");
}

export interface RenderOptions {
  /** Only lines at or after this time. */
  since?: Millis;
  /** Only the last n lines. */
  tail?: number;
  /** Hard cap on how many lines are materialised (newest kept). Default 5000. */
  limit?: number;
}

/**
 * The lines the process has written between `startedAt` and `until` (inclusive), oldest first.
 * Endless loops are expanded lazily, so a week-old `while true` costs no more than a fresh one.
 */
export function renderLogs(plan: ProcessPlan, startedAt: Millis, until: Millis, options: RenderOptions = {}): LogLine[] {
  const end = plan.exit ? Math.min(until, startedAt + plan.exit.atMs) : until;
  const since = options.since ?? -Infinity;
  const limit = Math.min(options.tail ?? Infinity, options.limit ?? 5000);
  const out: LogLine[] = [];
  for (const l of plan.lines) {
    const at = startedAt + l.atMs;
    if (at <= end && at >= since) out.push({ at, stream: l.stream, text: renderParts(l.parts, at) });
  }
  const loop = plan.loop;
  if (loop && loop.lines.length > 0 && limit > 0) {
    const loopStart = startedAt + loop.startMs;
    // Iterations whose first line is not after `end`.
    const firstOffset = Math.min(...loop.lines.map((l) => l.atMs));
    const lastIteration = Math.floor((end - loopStart - firstOffset) / loop.periodMs);
    if (lastIteration >= 0) {
      const perIteration = loop.lines.length;
      const wanted = Math.ceil(limit / perIteration) + 1;
      let firstIteration = Math.max(0, lastIteration - wanted + 1);
      if (Number.isFinite(since)) firstIteration = Math.max(firstIteration, Math.floor((since - loopStart - Math.max(...loop.lines.map((l) => l.atMs))) / loop.periodMs));
      for (let k = Math.max(0, firstIteration); k <= lastIteration; k++) {
        for (const l of loop.lines) {
          const at = loopStart + k * loop.periodMs + l.atMs;
          if (at <= end && at >= since) out.push({ at, stream: l.stream, text: renderParts(l.parts, at) });
        }
      }
    }
  }
  out.sort((a, b) => a.at - b.at);
  return Number.isFinite(limit) && out.length > limit ? out.slice(out.length - limit) : out;
}
