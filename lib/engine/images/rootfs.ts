// What an image's root file system holds, as far as the course looks: the directories every
// container has, the files learners open (nginx's welcome page and configuration, httpd's
// htdocs, /etc/passwd, /etc/os-release), and the files the runtime adds at start
// (/etc/hostname, /etc/hosts, /etc/resolv.conf, a pod's service-account files). Read-only:
// nothing written inside a container is kept. Directories list what is modelled of them.
import type { CatalogueImage } from "./types";
import { NGINX_50X_HTML, NGINX_WELCOME_HTML, HTTPD_IT_WORKS_HTML } from "./http";

/** Which userland the image is built on (it decides the shell, ls and the error wordings). */
export type ImageFamily = "debian" | "alpine" | "busybox" | "oracle" | "scratch";

export function imageFamily(image: CatalogueImage): ImageFamily {
  if (image.model === "busybox") return "busybox";
  if (image.tools.includes("apk")) return "alpine";
  if (image.tools.includes("dash")) return "debian";
  if (image.tools.includes("sh")) return "oracle";
  return "scratch";
}

/** BusyBox's applets (busybox, alpine) rather than GNU coreutils (debian, oracle). */
export const isBusybox = (family: ImageFamily) => family === "busybox" || family === "alpine";

export interface RootNode {
  type: "dir" | "file" | "link";
  /** Files: their text. */
  content?: string;
  /** Links: where they point. */
  target?: string;
  mode: number;
  owner: string;
  group: string;
  /** Modification time (ms). */
  mtime: number;
}

export interface RootFs {
  /** The node at an absolute, normalised path (links not followed). */
  node(path: string): RootNode | undefined;
  /** Names in a directory (links to directories followed), sorted by code point. */
  list(path: string): string[] | undefined;
  /** Follows links: the path a path ends up at. */
  resolve(path: string): string;
}

export interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

/** Debian release of a Debian-based image (from its PKG_RELEASE, else bookworm). */
export function debianRelease(image: CatalogueImage): { codename: string; version: string; bash: string } {
  const env = image.config.env.join("\n");
  if (/~bullseye/.test(env)) return { codename: "bullseye", version: "11", bash: "5.1" };
  if (/~buster/.test(env)) return { codename: "buster", version: "10", bash: "5.0" };
  if (/~stretch/.test(env)) return { codename: "stretch", version: "9", bash: "4.4" };
  return { codename: "bookworm", version: "12", bash: "5.2" };
}

/** bash's version as `\v` shows it, for images that have bash. */
export function bashVersion(image: CatalogueImage): string {
  const family = imageFamily(image);
  if (family === "debian") return debianRelease(image).bash;
  return "5.1";
}

/** The accounts in the image's /etc/passwd. */
export function imageAccounts(image: CatalogueImage): Account[] {
  const family = imageFamily(image);
  const a = (name: string, uid: number, gid: number, home: string, shell: string): Account => ({ name, uid, gid, home, shell });
  if (family === "busybox") {
    return [
      a("root", 0, 0, "/root", "/bin/sh"),
      a("daemon", 1, 1, "/usr/sbin", "/bin/false"),
      a("bin", 2, 2, "/bin", "/bin/false"),
      a("sys", 3, 3, "/dev", "/bin/false"),
      a("sync", 4, 100, "/bin", "/bin/sync"),
      a("mail", 8, 8, "/var/spool/mail", "/bin/false"),
      a("www-data", 33, 33, "/var/www", "/bin/false"),
      a("operator", 37, 37, "/", "/bin/false"),
      a("nobody", 65534, 65534, "/home", "/bin/false"),
    ];
  }
  if (family === "alpine") {
    const base = [
      a("root", 0, 0, "/root", "/bin/sh"),
      a("bin", 1, 1, "/bin", "/sbin/nologin"),
      a("daemon", 2, 2, "/sbin", "/sbin/nologin"),
      a("lp", 4, 7, "/var/spool/lpd", "/sbin/nologin"),
      a("sync", 5, 0, "/sbin", "/bin/sync"),
      a("shutdown", 6, 0, "/sbin", "/sbin/shutdown"),
      a("halt", 7, 0, "/sbin", "/sbin/halt"),
      a("mail", 8, 12, "/var/mail", "/sbin/nologin"),
      a("news", 9, 13, "/usr/lib/news", "/sbin/nologin"),
      a("uucp", 10, 14, "/var/spool/uucppublic", "/sbin/nologin"),
      a("cron", 16, 16, "/var/spool/cron", "/sbin/nologin"),
      a("ftp", 21, 21, "/var/lib/ftp", "/sbin/nologin"),
      a("sshd", 22, 22, "/dev/null", "/sbin/nologin"),
      a("games", 35, 35, "/usr/games", "/sbin/nologin"),
      a("ntp", 123, 123, "/var/empty", "/sbin/nologin"),
      a("guest", 405, 100, "/dev/null", "/sbin/nologin"),
      a("nobody", 65534, 65534, "/", "/sbin/nologin"),
    ];
    if (image.tools.includes("nginx")) base.push(a("nginx", 101, 101, "/var/cache/nginx", "/sbin/nologin"));
    return base;
  }
  if (family === "oracle") {
    const base = [a("root", 0, 0, "/root", "/bin/bash"), a("bin", 1, 1, "/bin", "/sbin/nologin"), a("daemon", 2, 2, "/sbin", "/sbin/nologin"), a("nobody", 65534, 65534, "/", "/sbin/nologin")];
    if (image.model === "mysql") base.push(a("mysql", 999, 999, "/var/lib/mysql", "/bin/bash"));
    return base;
  }
  if (family === "scratch") return [];
  const base = [
    a("root", 0, 0, "/root", "/bin/bash"),
    a("daemon", 1, 1, "/usr/sbin", "/usr/sbin/nologin"),
    a("bin", 2, 2, "/bin", "/usr/sbin/nologin"),
    a("sys", 3, 3, "/dev", "/usr/sbin/nologin"),
    a("sync", 4, 65534, "/bin", "/bin/sync"),
    a("games", 5, 60, "/usr/games", "/usr/sbin/nologin"),
    a("man", 6, 12, "/var/cache/man", "/usr/sbin/nologin"),
    a("lp", 7, 7, "/var/spool/lpd", "/usr/sbin/nologin"),
    a("mail", 8, 8, "/var/mail", "/usr/sbin/nologin"),
    a("news", 9, 9, "/var/spool/news", "/usr/sbin/nologin"),
    a("uucp", 10, 10, "/var/spool/uucp", "/usr/sbin/nologin"),
    a("proxy", 13, 13, "/bin", "/usr/sbin/nologin"),
    a("www-data", 33, 33, "/var/www", "/usr/sbin/nologin"),
    a("backup", 34, 34, "/var/backups", "/usr/sbin/nologin"),
    a("list", 38, 38, "/var/list", "/usr/sbin/nologin"),
    a("irc", 39, 39, "/run/ircd", "/usr/sbin/nologin"),
    a("_apt", 42, 65534, "/nonexistent", "/usr/sbin/nologin"),
    a("nobody", 65534, 65534, "/nonexistent", "/usr/sbin/nologin"),
  ];
  if (image.model === "nginx") base.push(a("nginx", 101, 101, "/nonexistent", "/bin/false"));
  if (image.model === "redis") base.push(a("redis", 999, 999, "/home/redis", "/bin/sh"));
  if (image.model === "postgres") base.push(a("postgres", 999, 999, "/var/lib/postgresql", "/bin/bash"));
  return base;
}

/** The account of a user given by name or uid ("1000", "nginx"), if the image has it. */
export function findAccount(image: CatalogueImage, user: string | number): Account | undefined {
  const accounts = imageAccounts(image);
  if (typeof user === "number" || /^\d+$/.test(user)) return accounts.find((a) => a.uid === Number(user));
  return accounts.find((a) => a.name === user);
}

const NGINX_CONF = (user: string) => `
user  ${user};
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache httpd server
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

/** Debian's /etc, as listed in the slim images (files whose text is not modelled read empty). */
const DEBIAN_ETC_DIRS = [
  "alternatives", "apt", "cron.d", "cron.daily", "default", "dpkg", "init.d", "kernel", "ld.so.conf.d", "logrotate.d", "opt", "pam.d", "profile.d",
  "rc0.d", "rc1.d", "rc2.d", "rc3.d", "rc4.d", "rc5.d", "rc6.d", "rcS.d", "security", "selinux", "skel", "ssl", "systemd", "terminfo", "update-motd.d",
];
const DEBIAN_ETC_FILES = [
  "adduser.conf", "bindresvport.blacklist", "debconf.conf", "deluser.conf", "e2scrub.conf", "environment", "fstab", "gai.conf", "group-", "gshadow",
  "gshadow-", "host.conf", "issue.net", "ld.so.cache", "ld.so.conf", "libaudit.conf", "login.defs", "mke2fs.conf", "motd", "nsswitch.conf", "pam.conf",
  "passwd-", "profile", "rmt", "securetty", "shadow", "shadow-", "subgid", "subuid", "xattr.conf",
];

const ALPINE_ETC_DIRS = ["apk", "conf.d", "crontabs", "init.d", "logrotate.d", "modprobe.d", "modules-load.d", "network", "opt", "periodic", "profile.d", "secfixes.d", "security", "ssl", "ssl1.1", "sysctl.d", "udhcpc"];
const ALPINE_ETC_FILES = ["alpine-release", "fstab", "inittab", "modules", "motd", "nsswitch.conf", "profile", "protocols", "services", "shadow", "shells", "sysctl.conf"];

class Tree {
  readonly nodes = new Map<string, RootNode>();
  constructor(private readonly mtime: number) {
    this.nodes.set("/", { type: "dir", mode: 0o755, owner: "root", group: "root", mtime });
  }
  dir(path: string, mode = 0o755) {
    this.parents(path);
    if (!this.nodes.has(path)) this.nodes.set(path, { type: "dir", mode, owner: "root", group: "root", mtime: this.mtime });
    return this;
  }
  file(path: string, content: string, mode = 0o644, mtime = this.mtime) {
    this.parents(path);
    this.nodes.set(path, { type: "file", content, mode, owner: "root", group: "root", mtime });
    return this;
  }
  link(path: string, target: string) {
    this.parents(path);
    this.nodes.set(path, { type: "link", target, mode: 0o777, owner: "root", group: "root", mtime: this.mtime });
    return this;
  }
  private parents(path: string) {
    const parts = path.split("/").filter(Boolean);
    let p = "";
    for (const part of parts.slice(0, -1)) {
      p += `/${part}`;
      if (!this.nodes.has(p)) this.nodes.set(p, { type: "dir", mode: 0o755, owner: "root", group: "root", mtime: this.mtime });
    }
  }
}

function passwdText(accounts: Account[]): string {
  return accounts.map((a) => `${a.name}:x:${a.uid}:${a.gid}:${a.name}:${a.home}:${a.shell}\n`).join("");
}

function groupText(accounts: Account[]): string {
  return accounts.map((a) => `${a.name}:x:${a.gid}:\n`).join("");
}

function build(image: CatalogueImage): Tree {
  const family = imageFamily(image);
  const t = new Tree(Date.parse(image.created));
  const accounts = imageAccounts(image);
  const tools = new Set(image.tools);
  if (family === "scratch") return t;
  for (const d of ["dev", "etc", "home", "proc", "root", "sys", "tmp", "usr", "var"]) t.dir(`/${d}`, d === "tmp" ? 0o1777 : d === "root" ? 0o700 : 0o755);
  // The devices and mounts every container gets.
  for (const d of ["core", "fd", "full", "mqueue", "null", "ptmx", "pts", "random", "shm", "stderr", "stdin", "stdout", "tty", "urandom", "zero"]) {
    if (["mqueue", "pts", "shm"].includes(d)) t.dir(`/dev/${d}`);
    else t.file(`/dev/${d}`, "", 0o666);
  }
  t.file("/etc/passwd", passwdText(accounts)).file("/etc/group", groupText(accounts));
  if (family === "busybox") {
    t.dir("/bin").dir("/lib").dir("/lib64").dir("/usr/sbin").dir("/var/spool/mail").dir("/var/www").dir("/home");
    t.file("/etc/shadow", "", 0o600).file("/etc/localtime", "").file("/etc/network/if-up.d/.keep", "");
  } else {
    for (const d of ["media", "mnt", "opt", "run", "srv"]) t.dir(`/${d}`);
    for (const d of ["bin", "lib", "local", "sbin", "share"]) t.dir(`/usr/${d}`);
    for (const d of ["cache", "lib", "local", "log", "opt", "spool", "tmp"]) t.dir(`/var/${d}`);
    t.link("/var/run", "/run");
  }
  if (family === "debian") {
    const rel = debianRelease(image);
    if (rel.codename === "bookworm") {
      t.link("/bin", "usr/bin").link("/lib", "usr/lib").link("/lib64", "usr/lib64").link("/sbin", "usr/sbin");
      t.dir("/usr/lib64");
    } else t.dir("/bin").dir("/lib").dir("/lib64").dir("/sbin");
    t.dir("/boot").dir("/usr/games").dir("/usr/include").dir("/usr/libexec").dir("/usr/src");
    for (const d of ["bin", "etc", "games", "include", "lib", "man", "sbin", "share", "src"]) t.dir(`/usr/local/${d}`);
    for (const d of ["backups", "mail"]) t.dir(`/var/${d}`);
    for (const d of DEBIAN_ETC_DIRS) t.dir(`/etc/${d}`);
    for (const f of DEBIAN_ETC_FILES) t.file(`/etc/${f}`, "", f.startsWith("shadow") || f.startsWith("gshadow") ? 0o640 : 0o644);
    t.file("/etc/bash.bashrc", "").file("/etc/debian_version", `${rel.version === "12" ? "12.8" : rel.version === "11" ? "11.11" : rel.version === "10" ? "10.13" : "9.13"}\n`);
    t.file("/etc/issue", `Debian GNU/Linux ${rel.version} \\n \\l\n\n`);
    t.file("/etc/shells", "# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/usr/bin/dash\n");
    t.link("/etc/localtime", "/usr/share/zoneinfo/Etc/UTC").file("/etc/timezone", "Etc/UTC\n").link("/etc/mtab", "../proc/self/mounts");
    t.link("/etc/os-release", "../usr/lib/os-release");
    t.file(
      "/usr/lib/os-release",
      `PRETTY_NAME="Debian GNU/Linux ${rel.version} (${rel.codename})"\nNAME="Debian GNU/Linux"\nVERSION_ID="${rel.version}"\nVERSION="${rel.version} (${rel.codename})"\nVERSION_CODENAME=${rel.codename}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`,
    );
    t.file("/root/.bashrc", "").file("/root/.profile", "");
  }
  if (family === "alpine") {
    for (const d of ["bin", "lib", "sbin"]) t.dir(`/${d}`);
    for (const d of ALPINE_ETC_DIRS) t.dir(`/etc/${d}`);
    for (const f of ALPINE_ETC_FILES) t.file(`/etc/${f}`, f === "alpine-release" ? "3.21.0\n" : f === "shells" ? "# valid login shells\n/bin/sh\n/bin/ash\n" : "", f === "shadow" ? 0o640 : 0o644);
    t.file(
      "/etc/os-release",
      'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
    );
    t.dir("/usr/local/bin").dir("/usr/local/lib").dir("/usr/local/share").dir("/var/empty").dir("/var/mail");
  }
  if (family === "oracle") {
    t.link("/bin", "usr/bin").link("/lib", "usr/lib").link("/lib64", "usr/lib64").link("/sbin", "usr/sbin").dir("/usr/lib64").dir("/boot").dir("/afs");
    t.file(
      "/etc/os-release",
      'NAME="Oracle Linux Server"\nVERSION="9.5"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\nVARIANT_ID="server"\nVERSION_ID="9.5"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Oracle Linux Server 9.5"\nANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:oracle:linux:9:5:server"\nHOME_URL="https://linux.oracle.com/"\nBUG_REPORT_URL="https://github.com/oracle/oracle-linux"\n',
    );
  }
  // The executables the image ships: BusyBox applets link to /bin/busybox.
  const APART: Record<string, string> = { apk: "/sbin", nginx: "/usr/sbin", curl: "/usr/bin", getent: "/usr/bin", "redis-cli": "/usr/local/bin", "redis-server": "/usr/local/bin", gosu: "/usr/local/bin" };
  if (isBusybox(family)) t.file("/bin/busybox", "", 0o755);
  for (const tool of tools) {
    if (tool === "[" || tool === "httpd" || tool === "apachectl") continue;
    const dir = APART[tool] ?? (isBusybox(family) ? "/bin" : "/usr/bin");
    if (isBusybox(family) && dir === "/bin") t.link(`/bin/${tool}`, "/bin/busybox");
    else t.file(`${dir}/${tool}`, "", 0o755);
  }

  switch (image.model) {
    case "nginx": {
      t.file("/docker-entrypoint.sh", "", 0o775);
      for (const s of ["10-listen-on-ipv6-by-default.sh", "15-local-resolvers.envsh", "20-envsubst-on-templates.sh", "30-tune-worker-processes.sh"]) t.file(`/docker-entrypoint.d/${s}`, "", 0o775);
      t.file("/etc/nginx/nginx.conf", NGINX_CONF("nginx")).file("/etc/nginx/conf.d/default.conf", NGINX_DEFAULT_CONF);
      for (const f of ["fastcgi_params", "mime.types", "scgi_params", "uwsgi_params"]) t.file(`/etc/nginx/${f}`, "");
      t.link("/etc/nginx/modules", "/usr/lib/nginx/modules").dir("/usr/lib/nginx/modules");
      // As old as the Last-Modified header nginx sends for them (http.ts).
      const built = Date.parse("2024-11-26T15:55:00Z");
      t.file("/usr/share/nginx/html/50x.html", NGINX_50X_HTML, 0o644, built).file("/usr/share/nginx/html/index.html", NGINX_WELCOME_HTML, 0o644, built);
      t.link("/var/log/nginx/access.log", "/dev/stdout").link("/var/log/nginx/error.log", "/dev/stderr").dir("/var/cache/nginx");
      break;
    }
    case "hello":
    case "hello-plain":
      t.file("/docker-entrypoint.sh", "", 0o775).dir("/docker-entrypoint.d").dir("/etc/nginx/conf.d").dir("/usr/share/nginx/html");
      t.file("/etc/nginx/nginx.conf", NGINX_CONF("nginx"));
      break;
    case "httpd":
      for (const d of ["bin", "build", "cgi-bin", "error", "icons", "include", "logs", "modules"]) t.dir(`/usr/local/apache2/${d}`);
      for (const f of ["httpd.conf", "magic", "mime.types"]) t.file(`/usr/local/apache2/conf/${f}`, "");
      t.dir("/usr/local/apache2/conf/extra").dir("/usr/local/apache2/conf/original");
      t.file("/usr/local/apache2/htdocs/index.html", HTTPD_IT_WORKS_HTML, 0o644, Date.parse("2007-06-11T18:53:14Z"));
      for (const b of ["apachectl", "httpd", "httpd-foreground"]) t.file(`/usr/local/apache2/bin/${b}`, "", 0o755);
      break;
    case "redis":
      t.dir("/data").file("/usr/local/bin/docker-entrypoint.sh", "", 0o775);
      break;
    case "postgres":
      t.dir("/docker-entrypoint-initdb.d").dir("/var/lib/postgresql/data", 0o700).file("/usr/local/bin/docker-entrypoint.sh", "", 0o775);
      break;
    case "mysql":
      t.dir("/docker-entrypoint-initdb.d").dir("/var/lib/mysql").file("/usr/local/bin/docker-entrypoint.sh", "", 0o775);
      break;
  }
  return t;
}

const cache = new Map<string, Tree>();

function treeOf(image: CatalogueImage): Tree {
  let t = cache.get(image.id);
  if (!t) {
    t = build(image);
    cache.set(image.id, t);
  }
  return t;
}

export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}

export function joinPath(cwd: string, path: string): string {
  return normalize(path.startsWith("/") ? path : `${cwd}/${path}`);
}

/**
 * The container's root: the image's files, then `extra` on top (the files the runtime writes at
 * start, path → text).
 */
export function containerRoot(image: CatalogueImage, extra: Record<string, string> = {}, at = Date.parse(image.created)): RootFs {
  const base = treeOf(image).nodes;
  const over = new Map<string, RootNode>();
  // A mount under a linked directory (/var/run -> /run) lands where the link points.
  const underLinks = (path: string, depth = 0): string => {
    const parts = path.split("/").filter(Boolean);
    for (let i = 1; i < parts.length && depth < 8; i++) {
      const dir = `/${parts.slice(0, i).join("/")}`;
      const n = base.get(dir);
      if (n?.type === "link") return underLinks(normalize(`${n.target!.startsWith("/") ? n.target! : `${dir.slice(0, dir.lastIndexOf("/"))}/${n.target!}`}/${parts.slice(i).join("/")}`), depth + 1);
    }
    return path;
  };
  for (const [given, content] of Object.entries(extra)) {
    const path = underLinks(given);
    over.set(path, { type: "file", content, mode: 0o644, owner: "root", group: "root", mtime: at });
    // Their directories exist too.
    let dir = path.slice(0, path.lastIndexOf("/"));
    while (dir && !base.has(dir) && !over.has(dir)) {
      over.set(dir, { type: "dir", mode: 0o755, owner: "root", group: "root", mtime: at });
      dir = dir.slice(0, dir.lastIndexOf("/"));
    }
  }
  const raw = (path: string) => over.get(path) ?? base.get(path);
  const resolve = (path: string, depth = 0): string => {
    // Resolve links in every component, as the kernel does.
    const parts = normalize(path).split("/").filter(Boolean);
    let cur = "";
    for (let i = 0; i < parts.length; i++) {
      const next = `${cur}/${parts[i]}`;
      const n = raw(next);
      if (n?.type === "link" && depth < 16) {
        const target = n.target!.startsWith("/") ? n.target! : `${cur}/${n.target}`;
        return resolve([normalize(target), ...parts.slice(i + 1)].join("/"), depth + 1);
      }
      cur = next;
    }
    return cur === "" ? "/" : cur;
  };
  return {
    node: (path) => raw(normalize(path)),
    resolve: (path) => resolve(path),
    list(path) {
      const dir = resolve(path);
      const n = raw(dir);
      if (n?.type !== "dir") return undefined;
      const prefix = dir === "/" ? "/" : `${dir}/`;
      const names = new Set<string>();
      for (const map of [base, over]) {
        for (const p of map.keys()) {
          if (p.length > prefix.length && p.startsWith(prefix) && !p.slice(prefix.length).includes("/")) names.add(p.slice(prefix.length));
        }
      }
      return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
}
