// The processes of a simulated machine, as /proc would list them: the kernel's threads and the
// distribution's daemons, the systemd units that run (containerd, kubelet, dockerd, etcd), the
// containers of the node's pods and of its Docker engine (shims, pause, the containers' own
// processes with their real command lines) and the terminal session's shells. Process ids are
// stable: they come from the units, the containers, the shells and the runtime's ids, never
// from chance; CPU time grows with virtual time at a steady per-process rate.
import type { Millis } from "../../clock";
import type { Container, KubeObject } from "../../api/types";
import type { HostState } from "../../hosts/types";
import type { World } from "../../world";
import type { SessionView } from "../../shell/types";
import { findById } from "../../images";
import type { CatalogueImage, ProcessPlan } from "../../images/types";
import { processPlan } from "../../kubelet/runtime";
import { fnv32a } from "../../random";
import { criPids, nodeRuntime } from "./runtime-view";

export interface HostProcess {
  pid: number;
  ppid: number;
  uid: number;
  /** "?" without a controlling terminal, else "pts/0", "tty1". */
  tty: string;
  /** ps's STAT: state and flags ("Ssl", "I<", "R+"). */
  stat: string;
  startedAt: Millis;
  /** CPU time used so far. */
  cpuMs: number;
  vszKiB: number;
  rssKiB: number;
  /** The executable's name as the kernel keeps it (at most 15 characters). */
  comm: string;
  /** The command line; empty for kernel threads (ps shows "[comm]"). */
  args: string;
}

export interface ProcessTable {
  processes: HostProcess[];
  /** MemTotal in KiB, for %MEM. */
  memTotalKiB: number;
  /** The pid of the `ps` that asked (its own process is in the table). */
  self: number;
  /** The terminal `ps` runs on ("pts/0"). */
  selfTty: string;
  selfUid: number;
}

const comm = (path: string) => path.slice(path.lastIndexOf("/") + 1).slice(0, 15);
const firstWord = (cmd: string) => cmd.trim().split(/\s+/)[0] ?? "";

/** A steady jitter in [0.8, 1.2) for a process, so rates and sizes do not all look alike. */
function jitter(host: string, key: string): number {
  return 0.8 + (fnv32a(`${host}/${key}`) % 400) / 1000;
}

/** Allocates pids: fixed ones first, derived ones next to what they derive from. */
class Pids {
  private used = new Set<number>();
  reserve(pid: number) {
    this.used.add(pid);
  }
  has(pid: number) {
    return this.used.has(pid);
  }
  /** `preferred`, or the nearest free pid in `step` direction. */
  claim(preferred: number, step: 1 | -1 = 1): number {
    let p = Math.max(2, preferred);
    while (this.used.has(p)) p = p + step < 2 ? p + 1 : p + step;
    this.used.add(p);
    return p;
  }
}

/** uid of a passwd name on the host, from /etc/passwd. */
export function passwdEntries(host: HostState): { name: string; uid: number }[] {
  const node = host.fs["/etc/passwd"];
  const text = node?.type === "file" ? node.content : "";
  const out: { name: string; uid: number }[] = [];
  for (const line of text.split("\n")) {
    const f = line.split(":");
    if (f.length >= 3 && /^\d+$/.test(f[2]!)) out.push({ name: f[0]!, uid: Number(f[2]) });
  }
  return out;
}

interface Spec {
  pid: number;
  ppid: number;
  uid: number;
  comm: string;
  args: string;
  stat: string;
  /** CPU use in millicores (ms of CPU per second). */
  rate: number;
  vsz: number;
  rss: number;
  tty?: string;
}

/** Per-CPU and global kernel threads of a 5.x kernel, in the order the kernel starts them. */
function kernelThreads(cpus: number): Spec[] {
  // Kernel thread names are cut at 15 characters, except workqueue workers, whose name carries
  // their workqueue (wq_worker_comm).
  const k = (pid: number, name: string, stat = "S", rate = 0): Spec => ({ pid, ppid: 2, uid: 0, comm: name.startsWith("kworker/") ? name : name.slice(0, 15), args: "", stat, rate, vsz: 0, rss: 0 });
  const out: Spec[] = [
    { pid: 2, ppid: 0, uid: 0, comm: "kthreadd", args: "", stat: "S", rate: 0, vsz: 0, rss: 0 },
    k(3, "rcu_gp", "I<"),
    k(4, "rcu_par_gp", "I<"),
    k(5, "slub_flushwq", "I<"),
    k(6, "netns", "I<"),
    k(8, "kworker/0:0H-events_highpri", "I<"),
    k(10, "mm_percpu_wq", "I<"),
    k(11, "rcu_tasks_rude_kthread"),
    k(12, "rcu_tasks_trace_kthread"),
    k(13, "ksoftirqd/0", "S", 0.05),
    k(14, "rcu_sched", "I", 0.3),
    k(15, "migration/0", "S", 0.02),
    k(16, "idle_inject/0"),
    k(18, "cpuhp/0"),
  ];
  let pid = 19;
  for (let c = 1; c < cpus; c++) {
    out.push(k(pid, `cpuhp/${c}`), k(pid + 1, `idle_inject/${c}`), k(pid + 2, `migration/${c}`, "S", 0.02), k(pid + 3, `ksoftirqd/${c}`, "S", 0.05), k(pid + 5, `kworker/${c}:0H-events_highpri`, "I<"));
    pid += 6;
  }
  for (const [name, stat] of [
    ["kdevtmpfs", "S"], ["inet_frag_wq", "I<"], ["kauditd", "S"], ["khungtaskd", "S"], ["oom_reaper", "S"], ["writeback", "I<"],
    ["kcompactd0", "S"], ["ksmd", "SN"], ["khugepaged", "SN"], ["kintegrityd", "I<"], ["kblockd", "I<"], ["blkcg_punt_bio", "I<"],
    ["tpm_dev_wq", "I<"], ["ata_sff", "I<"], ["md", "I<"], ["edac-poller", "I<"], ["devfreq_wq", "I<"], ["watchdogd", "S"],
    ["kswapd0", "S"], ["ecryptfs-kthread", "S"], ["kthrotld", "I<"], ["scsi_eh_0", "S"], ["scsi_tmf_0", "I<"], ["jbd2/sda1-8", "S"], ["ext4-rsv-conver", "I<"],
  ] as const) {
    out.push(k(pid, name, stat, name.startsWith("jbd2") ? 0.05 : 0));
    pid += name === "kswapd0" || name === "watchdogd" ? 3 : 1;
  }
  return out;
}

/** The distribution's own daemons (users that exist on the host only). */
function systemDaemons(host: HostState): Spec[] {
  const d = (pid: number, uid: number, args: string, stat: string, rate: number, vsz: number, rss: number, name?: string, tty?: string): Spec => ({
    pid,
    ppid: 1,
    uid,
    comm: name ?? comm(firstWord(args).replace(/^@/, "")),
    args,
    stat,
    rate,
    vsz,
    rss,
    ...(tty ? { tty } : {}),
  });
  if (host.distro === "ubuntu") {
    return [
      { ...d(1, 0, "/sbin/init", "Ss", 0.4, 166_660, 11_712, "systemd"), ppid: 0 },
      d(356, 0, "/lib/systemd/systemd-journald", "S<s", 0.3, 47_596, 15_204, "systemd-journal"),
      d(391, 0, "/lib/systemd/systemd-udevd", "Ss", 0.05, 25_340, 6_304),
      d(528, 100, "/lib/systemd/systemd-networkd", "Ss", 0.05, 16_140, 8_196, "systemd-network"),
      d(530, 101, "/lib/systemd/systemd-resolved", "Ss", 0.05, 25_536, 12_660, "systemd-resolve"),
      d(571, 0, "/usr/sbin/cron -f -P", "Ss", 0.01, 6_904, 2_812),
      d(572, 102, "@dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only", "Ss", 0.02, 8_616, 4_992, "dbus-daemon"),
      d(581, 0, "/usr/bin/python3 /usr/bin/networkd-dispatcher --run-startup-triggers", "Ss", 0.01, 32_788, 19_500, "networkd-dispat"),
      d(585, 0, "/lib/systemd/systemd-logind", "Ss", 0.02, 15_200, 7_388),
      d(641, 0, "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", "Ss", 0.01, 15_436, 9_048, "sshd"),
      d(653, 0, "/sbin/agetty -o -p -- \\u --noclear tty1 linux", "Ss+", 0, 6_176, 1_088, "agetty", "tty1"),
    ];
  }
  const nine = host.fs["/etc/centos-release"]?.type === "file" && host.fs["/etc/centos-release"].content.includes(" 9");
  return [
    { ...d(1, 0, `/usr/lib/systemd/systemd --switched-root --system --deserialize ${nine ? 31 : 18}`, "Ss", 0.5, nine ? 172_852 : 174_988, nine ? 16_496 : 13_548, "systemd"), ppid: 0 },
    d(552, 0, "/usr/lib/systemd/systemd-journald", "Ss", 0.3, nine ? 35_540 : 113_672, nine ? 13_872 : 19_708, "systemd-journal"),
    d(586, 0, "/usr/lib/systemd/systemd-udevd", "Ss", 0.05, nine ? 32_676 : 107_652, nine ? 11_196 : 10_972),
    d(657, 0, "/sbin/auditd", "S<sl", 0.02, 51_608, 2_396),
    nine
      ? d(681, 81, "/usr/bin/dbus-broker-launch --scope system --audit", "Ss", 0.02, 20_596, 4_632)
      : d(681, 81, "/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only", "Ssl", 0.02, 76_532, 5_460),
    d(702, 0, "/usr/lib/systemd/systemd-logind", "Ss", 0.02, nine ? 17_080 : 93_816, nine ? 7_684 : 8_948),
    d(713, 0, "/usr/sbin/NetworkManager --no-daemon", "Ssl", 0.1, nine ? 256_016 : 399_432, nine ? 18_684 : 17_060),
    d(741, 0, nine ? "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups" : "/usr/sbin/sshd -D", "Ss", 0.01, nine ? 15_776 : 92_300, nine ? 9_108 : 7_576, "sshd"),
    d(745, 0, "/usr/sbin/crond -n", "Ss", 0.01, nine ? 221_064 : 36_888, nine ? 3_392 : 3_548),
    d(747, 0, "/sbin/agetty -o -p -- \\u --noclear tty1 linux", "Ss+", 0, nine ? 3_064 : 13_144, nine ? 1_788 : 1_608, "agetty", "tty1"),
  ];
}

const MiB = 1024;

/** What a container's main process looks like once its entrypoint script has exec'd the server. */
/**
 * The kubelet's $(VAR) expansion of command and args: the container's variables, including those
 * from the downward API; `$$` escapes, unknown references stay as written.
 */
function expandRefs(argv: string[], spec: Container | undefined, pod: KubeObject | undefined, nodeName: string): string[] {
  if (!spec?.env?.length) return argv;
  const vars = new Map<string, string>();
  for (const e of spec.env as { name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath?: string } } }[]) {
    if (e.value !== undefined) vars.set(e.name, e.value);
    const path = e.valueFrom?.fieldRef?.fieldPath;
    const fields: Record<string, string | undefined> = {
      "spec.nodeName": nodeName,
      "metadata.name": pod?.metadata.name,
      "metadata.namespace": pod?.metadata.namespace,
      "status.podIP": pod?.status?.podIP,
      "status.hostIP": pod?.status?.hostIP,
      "spec.serviceAccountName": pod?.spec?.serviceAccountName,
    };
    if (path && fields[path] !== undefined) vars.set(e.name, fields[path]!);
  }
  return argv.map((a) => a.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string | undefined) => (m === "$$" ? "$" : (vars.get(name!) ?? m))));
}

function containerProcesses(image: CatalogueImage | undefined, plan: ProcessPlan, spec: Container | undefined, pod: KubeObject | undefined, nodeName = ""): { args: string; uid: number; stat: string; rate: number; vsz: number; rss: number; children: { args: string; uid: number; stat: string; rss: number; vsz: number }[] } {
  let argv = spec ? expandRefs(plan.argv, spec, pod, nodeName) : plan.argv;
  if ((argv[0] ?? "").endsWith("docker-entrypoint.sh") && argv.length > 1) argv = argv.slice(1);
  const imageUser = image?.config.user ?? "";
  const runAs = ((spec?.securityContext as { runAsUser?: number } | undefined)?.runAsUser ?? pod?.spec?.securityContext?.runAsUser) as number | undefined;
  const uid = runAs ?? (/^\d+/.test(imageUser) ? Number(/^\d+/.exec(imageUser)![0]) : 0);
  const rss = Math.max(256, Math.round(plan.idle.memoryBytes / 1024));
  const rate = plan.idle.cpuMillicores;
  const goVsz = 1_250_000 + rss * 3;
  const base = { args: argv.join(" "), uid, stat: "Ssl", rate, vsz: goVsz, rss, children: [] as { args: string; uid: number; stat: string; rss: number; vsz: number }[] };
  switch (image?.model) {
    case "nginx":
    case "hello":
    case "hello-plain": {
      const worker = { args: "nginx: worker process", uid: 101, stat: "S", rss: Math.round(rss * 0.45), vsz: Math.round(rss * 1.6) + 2_200 };
      return { ...base, args: `nginx: master process ${argv.join(" ")}`, stat: "Ss", vsz: Math.round(rss * 1.5) + 2_000, children: [worker, { ...worker }] };
    }
    case "httpd": {
      const child = { args: argv.join(" "), uid: 33, stat: "Sl", rss: Math.round(rss * 0.35), vsz: 1_999_000 };
      return { ...base, args: argv.join(" "), stat: "Ss", vsz: 5_996, children: [child, { ...child }, { ...child }] };
    }
    case "postgres": {
      const bg = (name: string) => ({ args: `postgres: ${name}`, uid: 999, stat: "Ss", rss: Math.round(rss * 0.15), vsz: 218_000 });
      return {
        ...base,
        uid: 999,
        args: argv.join(" "),
        stat: "Ss",
        vsz: 217_800,
        children: ["checkpointer ", "background writer ", "walwriter ", "autovacuum launcher ", "logical replication launcher "].map(bg),
      };
    }
    case "redis":
      return { ...base, uid: 999, args: "redis-server *:6379", vsz: 57_000 };
    case "mysql":
      return { ...base, uid: 999, vsz: 2_900_000 };
    case "calico-node": {
      const sv = (name: string) => ({ args: `runsv ${name}`, uid: 0, stat: "Ss", rss: 1_100, vsz: 4_400 });
      const felix = (flag: string, mem: number) => ({ args: `calico-node ${flag}`, uid: 0, stat: "Sl", rss: mem, vsz: 1_900_000 });
      return {
        ...base,
        args: "runsvdir -P /etc/service/enabled",
        stat: "Ss",
        vsz: 4_500,
        rss: 1_200,
        rate: 1,
        children: [
          ...["felix", "monitor-addresses", "allocate-tunnel-addrs", "bird", "bird6", "confd", "cni"].map(sv),
          felix("-felix", Math.round(rss * 0.45)),
          felix("-monitor-addresses", Math.round(rss * 0.12)),
          felix("-allocate-tunnel-addrs", Math.round(rss * 0.12)),
          felix("-confd", Math.round(rss * 0.15)),
          felix("-monitor-token", Math.round(rss * 0.1)),
          { args: "bird -R -s /var/run/calico/bird.ctl -d -c /etc/calico/confd/config/bird.cfg", uid: 0, stat: "S", rss: 2_300, vsz: 3_800 },
          { args: "bird6 -R -s /var/run/calico/bird6.ctl -d -c /etc/calico/confd/config/bird6.cfg", uid: 0, stat: "S", rss: 2_200, vsz: 3_700 },
        ],
      };
    }
    case "pause":
      return { ...base, args: argv.join(" "), stat: "Ss", vsz: 996, rss: 512, rate: 0 };
    case "busybox":
    case "alpine":
      return { ...base, args: argv.join(" "), stat: "Ss", vsz: 4_400, rss: Math.min(rss, 1_000) };
    default:
      if (image && ["kube-apiserver", "etcd", "kube-controller-manager", "kube-scheduler", "kube-proxy", "coredns", "calico-kube-controllers"].includes(image.model)) {
        return { ...base, vsz: image.model === "etcd" ? 11_216_512 : goVsz };
      }
      return { ...base, args: argv.join(" "), stat: "Ss" };
  }
}

/** The terminal of each shell of the session on `hostKey` ("pts/0", "pts/1", ...). */
function sessionTtys(session: SessionView, hostKey: string): string[] {
  const ttys: string[] = [];
  let logins = 0;
  let current = "?";
  session.shells.forEach((s, i) => {
    if (s.host !== hostKey) {
      ttys[i] = "";
      return;
    }
    const prev = session.shells[i - 1];
    if (s.via === "session" || s.via === "ssh" || !prev || prev.host !== hostKey) current = `pts/${logins++}`;
    ttys[i] = current;
  });
  return ttys;
}

/**
 * The process table of a machine right now. `session` (the terminal ps runs in) adds its shells,
 * the programs between them and the pipeline ps is part of; ps itself takes the next pid.
 */
export function processTable(world: World, host: HostState, hostKey: string, session: SessionView | undefined, now: Millis): ProcessTable {
  const boot = host.fs["/"]?.mtime ?? now;
  const node = world.sandbox.environment.nodes.find((n) => n.name === host.name);
  const cpus = node ? Number.parseInt(String(node.cpu ?? "2"), 10) || 2 : 2;
  const memTotalKiB = node?.memory ? Number.parseInt(String(node.memory), 10) : 3_879_704;
  const pids = new Pids();
  const out: HostProcess[] = [];
  const users = passwdEntries(host);
  const uidOf = (name: string) => users.find((u) => u.name === name)?.uid ?? host.users[name]?.uid ?? 0;
  const cpu = (rate: number, key: string, since: Millis) => Math.floor((rate * jitter(host.name, key) * Math.max(0, now - since)) / 1000);
  const add = (p: Omit<HostProcess, "cpuMs"> & { rate: number; key?: string }) => {
    const { rate, key, ...rest } = p;
    out.push({ ...rest, cpuMs: cpu(rate, key ?? String(p.pid), p.startedAt) });
  };

  // The machine's own processes: kernel threads, the distribution's daemons, the units.
  const base = [...systemDaemons(host).slice(0, 1), ...kernelThreads(cpus), ...systemDaemons(host).slice(1)];
  for (const s of base) pids.reserve(s.pid);
  const units = Object.values(host.units).filter((u) => u.active === "active" && u.sub === "running" && u.mainPid);
  for (const u of units) pids.reserve(u.mainPid!);
  const docker = host.docker?.containers.filter((c) => c.status === "running" && c.pid) ?? [];
  for (const c of docker) for (const pid of [c.pid, c.shimPid ?? 0, ...(c.childPids ?? [])]) if (pid) pids.reserve(pid);
  for (const s of session?.shells ?? []) if (s.host === hostKey) for (const pid of [s.pid, ...(s.launchPids ?? []), ...(s.sshdPids ?? [])]) pids.reserve(pid);
  const view = nodeRuntime(world, host);
  const cri = view ? criPids(view) : new Map<string, number>();
  for (const pid of cri.values()) pids.reserve(pid);

  for (const s of base) {
    add({ pid: s.pid, ppid: s.ppid, uid: s.uid, tty: s.tty ?? "?", stat: s.stat, startedAt: boot + (s.pid < 100 ? 0 : 2_000 + s.pid * 5), vszKiB: s.vsz, rssKiB: s.rss, comm: s.comm, args: s.args, rate: s.rate });
  }
  for (const u of units) {
    const rss = Math.round((u.memoryBytes ?? 8 * MiB * 1024) / 1024);
    const rate = u.name === "kubelet" ? 22 : u.name === "etcd" ? 14 : u.name === "dockerd" || u.name === "docker" ? 3 : 4;
    add({ pid: u.mainPid!, ppid: 1, uid: 0, tty: "?", stat: "Ssl", startedAt: u.since, vszKiB: u.name === "etcd" ? 11_216_512 : 1_900_000 + (fnv32a(u.name) % 600_000), rssKiB: Math.round(rss * 0.75), comm: comm(firstWord(u.execStart)), args: u.execStart, rate, key: u.name });
  }

  // The containers of the node's pods: a shim per sandbox, its pause process, then each running container.
  const children = (main: number, started: Millis, list: { args: string; uid: number; stat: string; rss: number; vsz: number }[], rate: number, known: (i: number) => number | undefined) => {
    list.forEach((ch, i) => {
      const pid = known(i) ?? pids.claim(main + 1 + i, 1);
      add({ pid, ppid: main, uid: ch.uid, tty: "?", stat: ch.stat, startedAt: started + 40, vszKiB: ch.vsz, rssKiB: ch.rss, comm: comm(firstWord(ch.args).replace(/:$/, "")), args: ch.args, rate: rate / 4 });
    });
  };
  for (const s of view?.sandboxes ?? []) {
    if (s.state !== "SANDBOX_READY") continue;
    const shim = cri.get(`shim:${s.id}`)!;
    const pause = cri.get(s.id)!;
    add({ pid: shim, ppid: 1, uid: 0, tty: "?", stat: "Sl", startedAt: s.createdAt, vszKiB: 1_238_016, rssKiB: 13_100 + (fnv32a(s.id) % 2_000), comm: "containerd-shim", args: `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${s.id} -address /run/containerd/containerd.sock`, rate: 0.6, key: s.id });
    add({ pid: pause, ppid: shim, uid: 65535, tty: "?", stat: "Ss", startedAt: s.createdAt + 30, vszKiB: 996, rssKiB: 512, comm: "pause", args: "/pause", rate: 0 });
  }
  for (const c of view?.containers ?? []) {
    if (c.state !== "CONTAINER_RUNNING" || !c.spec) continue;
    const pod = c.sandbox.pod;
    const image = c.image ?? findById(c.runtime.imageId ?? "");
    if (!image || !pod) continue;
    const plan = processPlan(image, c.spec, pod, c.sandbox.ip);
    const shape = containerProcesses(image, plan, c.spec, pod, host.name);
    const pid = cri.get(c.id)!;
    const shim = cri.get(`shim:${c.sandbox.id}`) ?? 1;
    add({ pid, ppid: shim, uid: shape.uid, tty: "?", stat: shape.stat, startedAt: c.startedAt, vszKiB: shape.vsz, rssKiB: shape.rss, comm: comm(firstWord(shape.args).replace(/:$/, "")), args: shape.args, rate: shape.rate, key: c.id });
    children(pid, c.startedAt, shape.children, shape.rate, (i) => cri.get(`${c.id}#${i}`));
  }

  // Docker's containers: a shim each (started just before), then the container's processes.
  for (const c of docker) {
    const run = c.runs[c.runs.length - 1];
    if (!run) continue;
    const image = findById(c.imageId);
    const shape = containerProcesses(image, run.plan, undefined, undefined);
    const shim = c.shimPid ?? pids.claim(c.pid - 1, -1);
    add({ pid: shim, ppid: 1, uid: 0, tty: "?", stat: "Sl", startedAt: run.startedAt, vszKiB: 1_237_888, rssKiB: 12_400 + (fnv32a(c.id) % 2_000), comm: "containerd-shim", args: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${c.id} -address /run/containerd/containerd.sock`, rate: 0.6, key: c.id });
    add({ pid: c.pid, ppid: shim, uid: shape.uid, tty: c.tty ? "pts/0" : "?", stat: c.tty ? `${shape.stat}+` : shape.stat, startedAt: run.startedAt + 20, vszKiB: shape.vsz, rssKiB: shape.rss, comm: comm(firstWord(shape.args).replace(/:$/, "")), args: shape.args, rate: shape.rate, key: `${c.id}/main` });
    children(c.pid, run.startedAt, shape.children, shape.rate, (i) => c.childPids?.[i]);
  }

  // The terminal session: sshd's session processes, sudo/su, the shells, ssh to other machines.
  let self = 0;
  let selfTty = "?";
  let selfUid = 0;
  if (session) {
    const ttys = sessionTtys(session, hostKey);
    const listener = base.find((s) => s.comm === "sshd")?.pid ?? 1;
    let parent = 1;
    session.shells.forEach((s, i) => {
      if (s.host !== hostKey) return;
      const tty = ttys[i]!;
      const at = s.started ?? now;
      const prev = session.shells[i - 1];
      if (s.via === "session" || s.via === "ssh" || !prev || prev.host !== hostKey) {
        // sshd's session: a privileged monitor, and (for other users) the user's own process.
        const uid = uidOf(s.user);
        const known = s.sshdPids ?? [];
        if (uid === 0) {
          const priv = known[0] ?? pids.claim(s.pid - 1, -1);
          add({ pid: priv, ppid: listener, uid: 0, tty: "?", stat: "Ss", startedAt: at, vszKiB: 17_176, rssKiB: 10_936, comm: "sshd", args: `sshd: ${s.user}@${tty}`, rate: 0.2, key: `sshd/${s.pid}` });
          parent = priv;
        } else {
          const priv = known[0] ?? pids.claim(s.pid - 2, -1);
          const own = known[1] ?? pids.claim(s.pid - 1, -1);
          add({ pid: priv, ppid: listener, uid: 0, tty: "?", stat: "Ss", startedAt: at, vszKiB: 17_180, rssKiB: 10_920, comm: "sshd", args: `sshd: ${s.user} [priv]`, rate: 0.05, key: `sshd/${s.pid}` });
          add({ pid: own, ppid: priv, uid, tty: "?", stat: "S", startedAt: at, vszKiB: 17_312, rssKiB: 7_960, comm: "sshd", args: `sshd: ${s.user}@${tty}`, rate: 0.2, key: `sshd2/${s.pid}` });
          parent = own;
        }
      }
      s.launch.forEach((cmd, j) => {
        const pid = s.launchPids?.[j] ?? pids.claim(s.pid - (s.launch.length - j), -1);
        add({ pid, ppid: parent, uid: 0, tty, stat: "S", startedAt: at, vszKiB: firstWord(cmd) === "sudo" ? 11_500 : 10_300, rssKiB: firstWord(cmd) === "sudo" ? 5_980 : 4_600, comm: comm(firstWord(cmd)), args: cmd, rate: 0, key: `${s.pid}/${j}` });
        parent = pid;
      });
      add({ pid: s.pid, ppid: parent, uid: uidOf(s.user), tty, stat: s.via === "session" || s.via === "ssh" || s.via === "sudo" ? "Ss" : "S", startedAt: at, vszKiB: host.distro === "ubuntu" ? 8_808 : 26_388, rssKiB: host.distro === "ubuntu" ? 5_520 : 4_960, comm: "bash", args: s.args, rate: 0.3, key: `bash/${s.pid}` });
      parent = s.pid;
      const next = session.shells[i + 1];
      if (next && next.host !== hostKey && next.via === "ssh") {
        const pid = pids.claim(next.pid - 3, -1);
        add({ pid, ppid: s.pid, uid: uidOf(s.user), tty, stat: "S+", startedAt: next.started ?? now, vszKiB: 15_064, rssKiB: 6_748, comm: "ssh", args: `ssh ${next.sshHost ?? next.host}`, rate: 0.1, key: `ssh/${next.pid}` });
      }
      selfTty = tty;
      selfUid = uidOf(s.user);
    });
    // The pipeline ps runs in: all its programs start together, children of the current shell
    // (a `sudo` stage runs its program as its own child).
    const stages = session.pipeline.length > 0 ? session.pipeline : [["ps"]];
    const shell = parent;
    stages.forEach((argv, j) => {
      let words = argv;
      let ppid = shell;
      let uid = selfUid;
      if (words[0] === "sudo") {
        const sudo = host.nextPid++;
        add({ pid: sudo, ppid: shell, uid: 0, tty: selfTty, stat: "S+", startedAt: now, vszKiB: 11_500, rssKiB: 5_960, comm: "sudo", args: words.join(" "), rate: 0 });
        let k = 1;
        while (k < words.length && words[k]!.startsWith("-")) k += words[k] === "-u" || words[k] === "-g" ? 2 : 1;
        words = words.slice(k);
        ppid = sudo;
        uid = 0;
      }
      const pid = host.nextPid++;
      const isSelf = j === session.index;
      if (isSelf) self = pid;
      const args = words.join(" ");
      add({ pid, ppid, uid, tty: selfTty, stat: isSelf ? "R+" : "S+", startedAt: now, vszKiB: isSelf ? 10_072 : 6_480, rssKiB: isSelf ? 3_584 : 2_304, comm: comm(firstWord(args)), args, rate: 0 });
    });
  } else {
    self = host.nextPid++;
    add({ pid: self, ppid: 1, uid: 0, tty: "?", stat: "R", startedAt: now, vszKiB: 10_072, rssKiB: 3_584, comm: "ps", args: "ps", rate: 0 });
  }
  out.sort((a, b) => a.pid - b.pid);
  return { processes: out, memTotalKiB, self, selfTty, selfUid };
}
