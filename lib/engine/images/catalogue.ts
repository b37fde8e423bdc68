// The images a sandbox can pull. Tags, versions, sizes and dates follow the real registries at
// the time of writing; ids and digests are deterministic stand-ins (see digest.ts).
import { sha256Like } from "./digest";
import type { CatalogueImage, ImageConfig, ProcessModelName } from "./types";

interface BuildSpec {
  version: string;
  tags: string[];
  created: string;
  /** Unpacked bytes. */
  size: number;
  /** Compressed bytes. */
  compressed: number;
  layers: number;
  /** Overrides of the repository's config for this build (e.g. an alpine variant). */
  config?: Partial<ImageConfig>;
  tools?: string[];
}

interface RepoSpec {
  repository: string;
  model: ProcessModelName;
  config: ImageConfig;
  tools: string[];
  builds: BuildSpec[];
}

const PATH_ENV = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** Busybox applets the course's exercises touch. */
const BUSYBOX_TOOLS = [
  "sh", "ash", "echo", "cat", "ls", "ping", "ping6", "wget", "nslookup", "ip", "ifconfig", "route",
  "hostname", "sleep", "date", "env", "printenv", "true", "false", "id", "ps", "top", "uname", "nc",
  "telnet", "traceroute", "arp", "netstat", "head", "tail", "grep", "sed", "awk", "vi", "which",
  "whoami", "df", "du", "free", "uptime", "kill", "mkdir", "rm", "touch", "sort", "uniq", "wc", "tr",
  "cut", "seq", "yes", "timeout", "watch", "printf", "test", "[", "clear",
];

/** Debian-slim based images: coreutils, a shell, getent; no ping, ip or nslookup. */
const DEBIAN_TOOLS = [
  "sh", "bash", "dash", "echo", "cat", "ls", "hostname", "sleep", "date", "env", "printenv", "true",
  "false", "id", "uname", "head", "tail", "grep", "sed", "mkdir", "rm", "touch", "sort", "wc", "tr",
  "cut", "seq", "yes", "timeout", "printf", "test", "[", "getent", "whoami", "df", "du", "kill", "which", "clear",
];

const ALPINE_TOOLS = [...BUSYBOX_TOOLS, "getent", "apk"];

const REPOS: RepoSpec[] = [
  {
    repository: "docker.io/library/nginx",
    model: "nginx",
    config: {
      entrypoint: ["/docker-entrypoint.sh"],
      cmd: ["nginx", "-g", "daemon off;"],
      env: [PATH_ENV, "NGINX_VERSION=1.27.3", "NJS_VERSION=0.8.7", "NJS_RELEASE=1~bookworm", "PKG_RELEASE=1~bookworm", "DYNPKG_RELEASE=1~bookworm"],
      workingDir: "",
      exposedPorts: ["80/tcp"],
      stopSignal: "SIGQUIT",
    },
    tools: [...DEBIAN_TOOLS, "curl", "nginx"],
    builds: [
      { version: "1.27.3", tags: ["1.27.3", "1.27", "1", "mainline", "latest", "1.27.3-bookworm", "bookworm"], created: "2024-12-02T21:49:41Z", size: 191_998_640, compressed: 72_955_450, layers: 7 },
      {
        version: "1.27.3", tags: ["1.27.3-alpine", "1.27-alpine", "1-alpine", "mainline-alpine", "alpine"], created: "2024-12-06T01:03:18Z", size: 47_948_102, compressed: 20_533_860, layers: 8,
        config: { env: [PATH_ENV, "NGINX_VERSION=1.27.3", "PKG_RELEASE=1", "DYNPKG_RELEASE=1", "NJS_VERSION=0.8.7", "NJS_RELEASE=1"] },
        tools: [...ALPINE_TOOLS, "curl", "nginx"],
      },
      {
        version: "1.26.2", tags: ["1.26.2", "1.26", "stable", "stable-bookworm"], created: "2024-10-02T17:55:35Z", size: 188_194_128, compressed: 71_494_310, layers: 7,
        config: { env: [PATH_ENV, "NGINX_VERSION=1.26.2", "NJS_VERSION=0.8.5", "NJS_RELEASE=1~bookworm", "PKG_RELEASE=1~bookworm"] },
      },
      {
        version: "1.25.5", tags: ["1.25.5", "1.25"], created: "2024-04-16T22:46:41Z", size: 187_662_904, compressed: 70_898_322, layers: 7,
        config: { env: [PATH_ENV, "NGINX_VERSION=1.25.5", "NJS_VERSION=0.8.4", "PKG_RELEASE=1~bookworm"] },
      },
      // Versions the Kubernetes documentation and common tutorials use.
      ...([
        ["1.24.0", "2023-05-24T00:40:05Z", 142_145_851, 56_836_012, "bullseye"],
        ["1.23.4", "2023-03-28T21:01:02Z", 142_148_374, 56_837_515, "bullseye"],
        ["1.21.6", "2022-01-26T08:58:17Z", 141_479_488, 56_744_112, "bullseye"],
        ["1.20.2", "2021-12-20T21:24:44Z", 133_098_914, 53_658_030, "buster"],
        ["1.19.10", "2021-04-13T21:15:30Z", 133_103_771, 53_660_811, "buster"],
        ["1.16.1", "2019-08-15T23:46:27Z", 126_322_123, 51_189_201, "buster"],
        ["1.14.2", "2019-05-08T03:01:14Z", 109_306_312, 44_710_204, "stretch"],
      ] as const).map(([version, created, size, compressed, debian]) => ({
        version,
        tags: [version, version.split(".").slice(0, 2).join(".")],
        created,
        size,
        compressed,
        layers: 6,
        config: { env: [PATH_ENV, `NGINX_VERSION=${version}`, `PKG_RELEASE=1~${debian}`] },
      })),
    ],
  },
  {
    repository: "docker.io/nginxdemos/hello",
    model: "hello",
    config: {
      entrypoint: ["/docker-entrypoint.sh"],
      cmd: ["nginx", "-g", "daemon off;"],
      env: [PATH_ENV, "NGINX_VERSION=1.27.1", "PKG_RELEASE=1", "NJS_VERSION=0.8.5", "NJS_RELEASE=1"],
      workingDir: "",
      exposedPorts: ["80/tcp"],
      stopSignal: "SIGQUIT",
    },
    tools: [...ALPINE_TOOLS, "curl", "nginx"],
    builds: [
      { version: "0.4", tags: ["0.4", "latest"], created: "2024-08-19T09:12:44Z", size: 43_372_516, compressed: 18_412_880, layers: 10 },
      // 0.2 is the tag the course's source notes use.
      { version: "0.3", tags: ["0.3"], created: "2021-09-20T15:22:08Z", size: 23_116_492, compressed: 9_706_311, layers: 8 },
      { version: "0.2", tags: ["0.2"], created: "2019-01-14T10:05:01Z", size: 16_093_112, compressed: 6_812_905, layers: 7 },
    ],
  },
  {
    repository: "docker.io/nginxdemos/hello",
    model: "hello-plain",
    config: {
      entrypoint: ["/docker-entrypoint.sh"],
      cmd: ["nginx", "-g", "daemon off;"],
      env: [PATH_ENV, "NGINX_VERSION=1.27.1", "PKG_RELEASE=1", "NJS_VERSION=0.8.5", "NJS_RELEASE=1"],
      workingDir: "",
      exposedPorts: ["80/tcp"],
      stopSignal: "SIGQUIT",
    },
    tools: [...ALPINE_TOOLS, "curl", "nginx"],
    builds: [
      { version: "0.4", tags: ["0.4-plain-text", "plain-text"], created: "2024-08-19T09:12:51Z", size: 43_370_981, compressed: 18_411_402, layers: 10 },
      { version: "0.3", tags: ["0.3-plain-text"], created: "2021-09-20T15:22:15Z", size: 23_114_977, compressed: 9_705_001, layers: 8 },
      { version: "0.2", tags: ["0.2-plain-text"], created: "2019-01-14T10:05:09Z", size: 16_091_540, compressed: 6_811_874, layers: 7 },
    ],
  },
  {
    repository: "docker.io/library/httpd",
    model: "httpd",
    config: {
      entrypoint: null,
      cmd: ["httpd-foreground"],
      env: ["PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HTTPD_PREFIX=/usr/local/apache2", "HTTPD_VERSION=2.4.62", "HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec", "HTTPD_PATCHES="],
      workingDir: "/usr/local/apache2",
      exposedPorts: ["80/tcp"],
      stopSignal: "SIGWINCH",
    },
    tools: [...DEBIAN_TOOLS, "httpd", "apachectl"],
    builds: [
      { version: "2.4.62", tags: ["2.4.62", "2.4", "2", "latest", "2.4.62-bookworm", "bookworm"], created: "2024-11-12T01:51:33Z", size: 147_925_301, compressed: 58_196_042, layers: 6 },
    ],
  },
  {
    repository: "docker.io/library/busybox",
    model: "busybox",
    config: { entrypoint: null, cmd: ["sh"], env: [PATH_ENV], workingDir: "", exposedPorts: [] },
    tools: BUSYBOX_TOOLS,
    builds: [
      { version: "1.37.0", tags: ["1.37.0", "1.37", "1", "latest", "stable", "musl", "glibc"], created: "2024-09-26T21:31:42Z", size: 4_269_676, compressed: 2_154_340, layers: 1 },
      { version: "1.36.1", tags: ["1.36.1", "1.36"], created: "2023-07-18T23:19:33Z", size: 4_261_550, compressed: 2_152_262, layers: 1 },
    ],
  },
  {
    repository: "docker.io/library/alpine",
    model: "alpine",
    config: { entrypoint: null, cmd: ["/bin/sh"], env: [PATH_ENV], workingDir: "/", exposedPorts: [] },
    tools: ALPINE_TOOLS,
    builds: [
      { version: "3.21.0", tags: ["3.21.0", "3.21", "3", "latest"], created: "2024-12-05T12:49:04Z", size: 7_834_280, compressed: 3_641_715, layers: 1 },
      { version: "3.20.3", tags: ["3.20.3", "3.20"], created: "2024-09-06T22:20:07Z", size: 7_797_760, compressed: 3_625_521, layers: 1 },
      { version: "3.19.4", tags: ["3.19.4", "3.19"], created: "2024-09-06T22:20:07Z", size: 7_383_218, compressed: 3_418_370, layers: 1 },
    ],
  },
  {
    repository: "docker.io/library/redis",
    model: "redis",
    config: {
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["redis-server"],
      env: [PATH_ENV, "GOSU_VERSION=1.17", "REDIS_VERSION=7.4.1"],
      workingDir: "/data",
      exposedPorts: ["6379/tcp"],
    },
    tools: [...DEBIAN_TOOLS, "redis-cli", "redis-server", "gosu"],
    builds: [
      { version: "7.4.1", tags: ["7.4.1", "7.4", "7", "latest", "7.4.1-bookworm", "bookworm"], created: "2024-10-03T00:39:11Z", size: 117_385_530, compressed: 45_317_204, layers: 8 },
      {
        version: "7.2.6", tags: ["7.2.6", "7.2"], created: "2024-10-03T00:40:02Z", size: 116_940_118, compressed: 45_081_955, layers: 8,
        config: { env: [PATH_ENV, "GOSU_VERSION=1.17", "REDIS_VERSION=7.2.6"] },
      },
    ],
  },
  {
    repository: "docker.io/library/postgres",
    model: "postgres",
    config: {
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["postgres"],
      env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin", "GOSU_VERSION=1.17", "LANG=en_US.utf8", "PG_MAJOR=17", "PG_VERSION=17.2-1.pgdg120+1", "PGDATA=/var/lib/postgresql/data"],
      workingDir: "",
      exposedPorts: ["5432/tcp"],
      stopSignal: "SIGINT",
    },
    tools: [...DEBIAN_TOOLS, "psql", "postgres", "pg_isready", "gosu"],
    builds: [
      { version: "17.2", tags: ["17.2", "17", "latest", "17.2-bookworm", "bookworm"], created: "2024-11-21T23:10:18Z", size: 434_612_480, compressed: 153_990_771, layers: 14 },
      {
        version: "16.6", tags: ["16.6", "16", "16.6-bookworm"], created: "2024-11-21T23:10:56Z", size: 431_907_611, compressed: 153_014_117, layers: 14,
        config: { env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/16/bin", "GOSU_VERSION=1.17", "LANG=en_US.utf8", "PG_MAJOR=16", "PG_VERSION=16.6-1.pgdg120+1", "PGDATA=/var/lib/postgresql/data"] },
      },
    ],
  },
  {
    repository: "docker.io/library/mysql",
    model: "mysql",
    config: {
      entrypoint: ["docker-entrypoint.sh"],
      cmd: ["mysqld"],
      env: [PATH_ENV, "GOSU_VERSION=1.17", "MYSQL_MAJOR=innovation", "MYSQL_VERSION=9.1.0-1.el9", "MYSQL_SHELL_VERSION=9.1.0-1.el9"],
      workingDir: "",
      exposedPorts: ["3306/tcp", "33060/tcp"],
    },
    tools: ["sh", "bash", "echo", "cat", "ls", "hostname", "sleep", "date", "env", "printenv", "true", "false", "id", "getent", "mysql", "mysqld", "mysqladmin", "gosu"],
    builds: [
      { version: "9.1.0", tags: ["9.1.0", "9.1", "9", "innovation", "latest", "9.1.0-oraclelinux9", "oraclelinux9"], created: "2024-10-15T23:41:54Z", size: 602_826_122, compressed: 167_208_530, layers: 11 },
      {
        version: "8.4.3", tags: ["8.4.3", "8.4", "8", "lts", "8.4.3-oraclelinux9"], created: "2024-10-15T23:41:40Z", size: 590_341_233, compressed: 162_851_018, layers: 11,
        config: { env: [PATH_ENV, "GOSU_VERSION=1.17", "MYSQL_MAJOR=8.4", "MYSQL_VERSION=8.4.3-1.el9", "MYSQL_SHELL_VERSION=8.4.2-1.el9"] },
      },
      {
        version: "8.0.40", tags: ["8.0.40", "8.0", "8.0.40-oraclelinux9"], created: "2024-10-15T23:41:23Z", size: 572_967_425, compressed: 160_120_004, layers: 11,
        config: { env: [PATH_ENV, "GOSU_VERSION=1.17", "MYSQL_MAJOR=8.0", "MYSQL_VERSION=8.0.40-1.el9", "MYSQL_SHELL_VERSION=8.0.40-1.el9"] },
      },
    ],
  },
  {
    repository: "registry.k8s.io/pause",
    model: "pause",
    config: { entrypoint: ["/pause"], cmd: null, env: [PATH_ENV], workingDir: "/", exposedPorts: [], user: "65535:65535" },
    tools: [],
    builds: [
      { version: "3.10", tags: ["3.10"], created: "2024-05-13T11:45:54Z", size: 736_000, compressed: 320_368, layers: 1 },
      { version: "3.9", tags: ["3.9"], created: "2022-10-26T12:12:55Z", size: 744_000, compressed: 321_520, layers: 1 },
      { version: "3.8", tags: ["3.8"], created: "2022-06-02T13:35:55Z", size: 711_000, compressed: 311_286, layers: 1 },
    ],
  },
  controlPlane("kube-apiserver", "kube-apiserver", [6443], [
    ["v1.31.4", "2024-12-10T13:06:55Z", 94_245_120, 28_064_918],
    ["v1.31.0", "2024-08-13T11:34:10Z", 94_196_834, 28_063_421],
    ["v1.30.8", "2024-12-10T13:07:12Z", 117_379_014, 32_676_204],
  ]),
  controlPlane("kube-controller-manager", "kube-controller-manager", [10257], [
    ["v1.31.4", "2024-12-10T13:06:58Z", 88_846_021, 26_233_980],
    ["v1.31.0", "2024-08-13T11:34:13Z", 88_801_222, 26_240_868],
    ["v1.30.8", "2024-12-10T13:07:15Z", 111_230_019, 31_114_227],
  ]),
  controlPlane("kube-scheduler", "kube-scheduler", [10259], [
    ["v1.31.4", "2024-12-10T13:07:01Z", 67_433_809, 20_192_611],
    ["v1.31.0", "2024-08-13T11:34:16Z", 67_421_116, 20_196_722],
    ["v1.30.8", "2024-12-10T13:07:19Z", 62_918_002, 19_230_716],
  ]),
  controlPlane("kube-proxy", "kube-proxy", [10249, 10256], [
    ["v1.31.4", "2024-12-10T13:07:04Z", 91_528_441, 30_229_862],
    ["v1.31.0", "2024-08-13T11:34:19Z", 91_502_376, 30_207_900],
    ["v1.30.8", "2024-12-10T13:07:22Z", 85_931_110, 29_052_133],
  ]),
  {
    repository: "registry.k8s.io/etcd",
    model: "etcd",
    config: { entrypoint: null, cmd: ["/usr/local/bin/etcd"], env: [PATH_ENV], workingDir: "/", exposedPorts: ["2379/tcp", "2380/tcp"] },
    tools: ["etcd", "etcdctl", "etcdutl"],
    builds: [
      { version: "3.5.15", tags: ["3.5.15-0"], created: "2024-07-22T10:06:40Z", size: 148_957_031, compressed: 56_909_194, layers: 6 },
      { version: "3.5.12", tags: ["3.5.12-0"], created: "2024-02-06T20:41:31Z", size: 149_354_210, compressed: 57_236_178, layers: 6 },
    ],
  },
  {
    repository: "registry.k8s.io/coredns/coredns",
    model: "coredns",
    config: { entrypoint: ["/coredns"], cmd: null, env: [PATH_ENV], workingDir: "/", exposedPorts: ["53/tcp", "53/udp"], user: "0" },
    tools: [],
    builds: [
      { version: "1.11.3", tags: ["v1.11.3"], created: "2024-08-06T19:02:38Z", size: 61_816_832, compressed: 18_562_039, layers: 11 },
      { version: "1.11.1", tags: ["v1.11.1"], created: "2023-08-16T20:03:45Z", size: 59_756_288, compressed: 18_182_961, layers: 11 },
    ],
  },
  ...["v3.29.1", "v3.28.2"].flatMap((v, i) => calico(v, i === 0 ? "2024-11-26T19:27:31Z" : "2024-09-23T22:06:18Z")),
];

function controlPlane(name: string, model: ProcessModelName, ports: number[], builds: [string, string, number, number][]): RepoSpec {
  return {
    repository: `registry.k8s.io/${name}`,
    model,
    config: { entrypoint: [`/usr/local/bin/${name}`], cmd: null, env: [PATH_ENV], workingDir: "/", exposedPorts: ports.map((p) => `${p}/tcp`) },
    tools: [name],
    builds: builds.map(([version, created, size, compressed]) => ({ version, tags: [version], created, size, compressed, layers: 8 })),
  };
}

function calico(version: string, created: string): RepoSpec[] {
  return [
    {
      repository: "docker.io/calico/node",
      model: "calico-node",
      config: { entrypoint: ["start_runit"], cmd: null, env: [PATH_ENV], workingDir: "/", exposedPorts: [] },
      tools: ["sh", "bash", "echo", "cat", "ls", "ip", "hostname", "sleep", "date", "env", "calico-node", "birdcl"],
      builds: [{ version, tags: [version], created, size: 371_296_128, compressed: 143_007_904, layers: 17 }],
    },
    {
      repository: "docker.io/calico/cni",
      model: "calico-cni",
      config: { entrypoint: null, cmd: ["/opt/cni/bin/install"], env: [PATH_ENV], workingDir: "/", exposedPorts: [] },
      tools: [],
      builds: [{ version, tags: [version], created, size: 209_398_417, compressed: 94_584_222, layers: 22 }],
    },
    {
      repository: "docker.io/calico/kube-controllers",
      model: "calico-kube-controllers",
      config: { entrypoint: ["/usr/bin/kube-controllers"], cmd: null, env: [PATH_ENV], workingDir: "/", exposedPorts: [] },
      tools: [],
      builds: [{ version, tags: [version], created, size: 79_182_530, compressed: 34_902_118, layers: 20 }],
    },
  ];
}

function familiarOf(repository: string): string {
  if (repository.startsWith("docker.io/library/")) return repository.slice("docker.io/library/".length);
  if (repository.startsWith("docker.io/")) return repository.slice("docker.io/".length);
  return repository;
}

function build(repo: RepoSpec, b: BuildSpec): CatalogueImage {
  const seed = `${repo.repository}@${b.tags[0]}`;
  return {
    repository: repo.repository,
    familiarName: familiarOf(repo.repository),
    tags: b.tags,
    version: b.version,
    id: sha256Like(`config:${seed}`),
    digest: sha256Like(`manifest:${seed}`),
    created: b.created,
    sizeBytes: b.size,
    compressedBytes: b.compressed,
    layers: Array.from({ length: b.layers }, (_, i) => sha256Like(`layer:${seed}#${i}`)),
    architecture: "amd64",
    os: "linux",
    config: { ...repo.config, ...b.config },
    model: repo.model,
    tools: b.tools ?? repo.tools,
  };
}

/** Every image in the catalogue (a new array each call; entries are frozen data). */
export const CATALOGUE: readonly CatalogueImage[] = Object.freeze(REPOS.flatMap((r) => r.builds.map((b) => build(r, b))));

/** Repositories the registry knows (for "repository does not exist" vs "tag not found"). */
export const REPOSITORIES: ReadonlySet<string> = new Set(CATALOGUE.map((i) => i.repository));

export function findByTag(repository: string, tag: string): CatalogueImage | undefined {
  return CATALOGUE.find((i) => i.repository === repository && i.tags.includes(tag));
}

export function findByDigest(repository: string, digest: string): CatalogueImage | undefined {
  return CATALOGUE.find((i) => i.repository === repository && i.digest === digest);
}

/** Looks an image up by its id ("sha256:..." or a unique prefix of the hex, as `docker rmi` accepts). */
export function findById(idOrPrefix: string): CatalogueImage | undefined {
  const hex = idOrPrefix.startsWith("sha256:") ? idOrPrefix.slice(7) : idOrPrefix;
  if (hex.length === 0) return undefined;
  const found = CATALOGUE.filter((i) => i.id.slice(7).startsWith(hex));
  return found.length >= 1 && found.every((f) => f.id === found[0]!.id) ? found[0] : undefined;
}
