// A host's file system as plain data: `HostState.fs` maps absolute paths to nodes. These functions
// read and change that record in place (no copies: a sandbox holds one fs per host) and never
// throw; failures come back as errno codes, and helpers below word them as coreutils does.
import type { Millis } from "../clock";
import type { Distro, FsNode, HostState, UserAccount } from "./types";
import { layeredChildNames } from "./layered-fs";

export type Errno =
  | "ENOENT"
  | "EACCES"
  | "EPERM"
  | "EEXIST"
  | "ENOTDIR"
  | "EISDIR"
  | "ENOTEMPTY"
  | "ELOOP"
  | "EINVAL"
  | "ENOSPC"
  | "EBUSY";

/** strerror() texts of glibc. */
export const ERRNO_MESSAGES: Record<Errno, string> = {
  ENOENT: "No such file or directory",
  EACCES: "Permission denied",
  EPERM: "Operation not permitted",
  EEXIST: "File exists",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  ENOTEMPTY: "Directory not empty",
  ELOOP: "Too many levels of symbolic links",
  EINVAL: "Invalid argument",
  ENOSPC: "No space left on device",
  EBUSY: "Device or resource busy",
};

export const errnoMessage = (code: Errno): string => ERRNO_MESSAGES[code];

export type FsResult<T = void> = { ok: true; value: T } | { ok: false; code: Errno };

const okv = <T>(value: T): FsResult<T> => ({ ok: true, value });
const err = <T = never>(code: Errno): FsResult<T> => ({ ok: false, code });

/** A failure inside a recursive operation; `path` is relative to the operand ("" for itself). */
export interface FsFailure {
  path: string;
  code: Errno;
}

/** Who performs an operation: permission checks use the name, uid and group names. */
export interface Actor {
  user: string;
  uid: number;
  /** Primary group first, then supplementary groups. */
  groups: string[];
  /** File mode creation mask, e.g. 0o022. */
  umask: number;
}

export const ROOT: Actor = { user: "root", uid: 0, groups: ["root"], umask: 0o022 };

/** The largest file the simulated disks accept; bigger writes fail with ENOSPC. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Paths

/** Lexically normalised absolute path: no "//", ".", ".." or trailing "/". */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

/** Joins `path` to `cwd` unless absolute, expanding a leading `~` to `home`. Not normalised. */
export function joinPath(cwd: string, path: string, home?: string): string {
  if (home !== undefined && (path === "~" || path.startsWith("~/"))) path = home + path.slice(1);
  if (path.startsWith("/")) return path;
  return cwd === "/" ? "/" + path : cwd + "/" + path;
}

/** Absolute, lexically normalised form of `path` seen from `cwd`. */
export function absolutePath(cwd: string, path: string, home?: string): string {
  return normalizePath(joinPath(cwd, path, home));
}

export function dirname(path: string): string {
  const p = normalizePath(path);
  if (p === "/") return "/";
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}

export function basename(path: string): string {
  const p = normalizePath(path);
  return p === "/" ? "/" : p.slice(p.lastIndexOf("/") + 1);
}

const childPath = (dir: string, name: string): string => (dir === "/" ? "/" + name : dir + "/" + name);

// ---------------------------------------------------------------------------------------------
// Users and permissions

function groupNameOf(fs: Record<string, FsNode>, gid: number): string | undefined {
  const node = fs["/etc/group"];
  if (!node || node.type !== "file") return undefined;
  for (const line of node.content.split("\n")) {
    const f = line.split(":");
    if (f.length >= 3 && Number(f[2]) === gid && f[0]) return f[0];
  }
  return undefined;
}

/** The primary group name of an account (from /etc/group, else its user-private group). */
export function primaryGroup(host: HostState, account: UserAccount): string {
  return groupNameOf(host.fs, account.gid) ?? (account.uid === 0 ? "root" : account.name);
}

/** The identity used for permission checks when `user` acts on `host`. */
export function actorFor(host: HostState, user: string): Actor {
  const account = host.users[user];
  if (!account) return { user, uid: user === "root" ? 0 : 65534, groups: [user], umask: 0o022 };
  const groups = [primaryGroup(host, account), ...account.groups.filter((g) => g !== primaryGroup(host, account))];
  // Root keeps 022; other users get 002 through pam_umask's USERGROUPS_ENAB on both distros.
  return { user, uid: account.uid, groups, umask: account.uid === 0 ? 0o022 : 0o002 };
}

/** Whether `actor` holds read (4), write (2) or execute/search (1) permission on `node`. */
export function canAccess(node: FsNode, actor: Actor, perm: 4 | 2 | 1): boolean {
  if (node.type === "symlink") return true;
  if (actor.uid === 0) {
    // Root bypasses read and write checks, and may execute anything with at least one x bit.
    if (perm === 1 && node.type === "file") return (node.mode & 0o111) !== 0;
    return true;
  }
  let bits: number;
  if (node.owner === actor.user) bits = (node.mode >> 6) & 7;
  else if (actor.groups.includes(node.group)) bits = (node.mode >> 3) & 7;
  else bits = node.mode & 7;
  return (bits & perm) !== 0;
}

// ---------------------------------------------------------------------------------------------
// Lookup

export interface Lookup {
  /** Physical absolute path of the final component (symlinks in the middle resolved). */
  path: string;
  /** The node there, or undefined when only the final component is missing. */
  node: FsNode | undefined;
}

const MAX_SYMLINKS = 40;

/**
 * Walks `path` (absolute) component by component like the kernel does: every directory on the
 * way needs search permission, symlinks on the way are followed, the final one only if `follow`.
 * A missing final component is not an error (node is undefined), so callers can create it.
 */
export function lookup(fs: Record<string, FsNode>, path: string, actor: Actor = ROOT, follow = true): FsResult<Lookup> {
  let pending = path.split("/").filter((c) => c !== "");
  const trailingSlash = path.length > 1 && path.endsWith("/");
  let cur = "/";
  let links = 0;
  while (pending.length > 0) {
    const comp = pending[0]!;
    pending = pending.slice(1);
    const last = pending.length === 0;
    const dir = fs[cur];
    if (!dir || dir.type !== "dir") return err("ENOTDIR");
    if (comp === ".") continue;
    if (!canAccess(dir, actor, 1)) return err("EACCES");
    if (comp === "..") {
      cur = dirname(cur);
      continue;
    }
    const next = childPath(cur, comp);
    const node = fs[next];
    if (!node) {
      if (last) return okv({ path: next, node: undefined });
      return err("ENOENT");
    }
    if (node.type === "symlink" && (!last || follow || trailingSlash)) {
      if (++links > MAX_SYMLINKS) return err("ELOOP");
      const target = node.target;
      const rest = target.split("/").filter((c) => c !== "");
      if (target.startsWith("/")) cur = "/";
      pending = [...rest, ...pending];
      continue;
    }
    if (!last && node.type !== "dir") return err("ENOTDIR");
    cur = next;
  }
  const node = fs[cur];
  if (trailingSlash && node && node.type !== "dir") return err("ENOTDIR");
  return okv({ path: cur, node });
}

/** Like lookup, but the final component must exist. */
export function stat(fs: Record<string, FsNode>, path: string, actor: Actor = ROOT, follow = true): FsResult<{ path: string; node: FsNode }> {
  const r = lookup(fs, path, actor, follow);
  if (!r.ok) return r;
  if (!r.value.node) return err("ENOENT");
  return okv({ path: r.value.path, node: r.value.node });
}

export function exists(fs: Record<string, FsNode>, path: string): boolean {
  return stat(fs, path).ok;
}

export function isDir(fs: Record<string, FsNode>, path: string, actor: Actor = ROOT): boolean {
  const r = stat(fs, path, actor);
  return r.ok && r.value.node.type === "dir";
}

/** Names directly inside directory `dir` (a physical, normalised path), unsorted. */
export function childrenOf(fs: Record<string, FsNode>, dir: string): string[] {
  const layered = layeredChildNames(fs, dir);
  if (layered) return layered;
  const prefix = dir === "/" ? "/" : dir + "/";
  const out: string[] = [];
  for (const key of Object.keys(fs)) {
    if (key.length > prefix.length && key.startsWith(prefix) && key.indexOf("/", prefix.length) === -1) out.push(key.slice(prefix.length));
  }
  return out;
}

/** Every path below `dir` (not `dir` itself). */
function descendantsOf(fs: Record<string, FsNode>, dir: string): string[] {
  const prefix = dir === "/" ? "/" : dir + "/";
  return Object.keys(fs).filter((k) => k.length > prefix.length && k.startsWith(prefix));
}

// ---------------------------------------------------------------------------------------------
// Collation: `ls` and `sort` order names by the locale. Ubuntu hosts run with LANG=C.UTF-8
// (code point order); CentOS hosts with en_US.UTF-8, whose glibc collation compares letters and
// digits first ignoring case and punctuation, then case (lower first), then punctuation.

export type Collation = "C" | "en_US";

export const collationFor = (distro: Distro): Collation => (distro === "centos" ? "en_US" : "C");

const isAlnum = (ch: string): boolean => /[\p{L}\p{N}]/u.test(ch);

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareNames(a: string, b: string, collation: Collation = "C"): number {
  if (collation === "C") return compareCodePoints(a, b);
  const ca = [...a];
  const cb = [...b];
  const alnumA = ca.filter(isAlnum);
  const alnumB = cb.filter(isAlnum);
  const keyA = alnumA.map((c) => c.toLowerCase()).join("");
  const keyB = alnumB.map((c) => c.toLowerCase()).join("");
  if (keyA !== keyB) return compareCodePoints(keyA, keyB);
  for (let i = 0; i < alnumA.length && i < alnumB.length; i++) {
    const ua = alnumA[i] !== alnumA[i]!.toLowerCase();
    const ub = alnumB[i] !== alnumB[i]!.toLowerCase();
    if (ua !== ub) return ua ? 1 : -1;
  }
  // Punctuation level: letters and digits weigh more than any punctuation mark.
  const weight = (c: string): number => (isAlnum(c) ? 0x110000 : c.codePointAt(0)!);
  for (let i = 0; i < ca.length && i < cb.length; i++) {
    const d = weight(ca[i]!) - weight(cb[i]!);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (ca.length !== cb.length) return ca.length < cb.length ? -1 : 1;
  return compareCodePoints(a, b);
}

// ---------------------------------------------------------------------------------------------
// Reading

export function readFile(fs: Record<string, FsNode>, path: string, actor: Actor = ROOT): FsResult<string> {
  if (normalizePath(path) === "/dev/null") return okv("");
  const r = stat(fs, path, actor);
  if (!r.ok) return r;
  const node = r.value.node;
  if (node.type === "dir") return err("EISDIR");
  if (node.type !== "file") return err("EINVAL");
  if (!canAccess(node, actor, 4)) return err("EACCES");
  return okv(node.content);
}

/** Entry names of a directory (without "." and ".."), sorted as `ls` sorts them. */
export function listDir(fs: Record<string, FsNode>, path: string, actor: Actor = ROOT, collation: Collation = "C"): FsResult<string[]> {
  const r = stat(fs, path, actor);
  if (!r.ok) return r;
  if (r.value.node.type !== "dir") return err("ENOTDIR");
  if (!canAccess(r.value.node, actor, 4)) return err("EACCES");
  return okv(childrenOf(fs, r.value.path).sort((a, b) => compareNames(a, b, collation)));
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Checks that `actor` may add or remove entries of directory `dir`. */
function canModifyDir(fs: Record<string, FsNode>, dir: string, actor: Actor): boolean {
  const node = fs[dir];
  return !!node && node.type === "dir" && canAccess(node, actor, 2) && canAccess(node, actor, 1);
}

/** Sticky directories (/tmp) only let owners remove or rename entries. */
function stickyBlocks(fs: Record<string, FsNode>, dir: string, entry: FsNode, actor: Actor): boolean {
  const d = fs[dir];
  if (!d || d.type !== "dir" || (d.mode & 0o1000) === 0 || actor.uid === 0) return false;
  return entry.owner !== actor.user && d.owner !== actor.user;
}

function touchDir(fs: Record<string, FsNode>, dir: string, now: Millis) {
  const d = fs[dir];
  if (d) d.mtime = now;
}

export interface WriteOptions {
  append?: boolean;
  /** Mode of a newly created file before the umask (default 0o666). */
  mode?: number;
}

/** Creates or overwrites (or appends to) a regular file, following symlinks. */
export function writeFile(fs: Record<string, FsNode>, path: string, content: string, actor: Actor, now: Millis, opts: WriteOptions = {}): FsResult {
  if (normalizePath(path) === "/dev/null") return okv(undefined);
  const r = lookup(fs, path, actor);
  if (!r.ok) return r;
  const { path: real, node } = r.value;
  if (node) {
    if (node.type === "dir") return err("EISDIR");
    if (node.type !== "file") return err("EINVAL");
    if (!canAccess(node, actor, 2)) return err("EACCES");
    const next = opts.append ? node.content + content : content;
    if (next.length > MAX_FILE_BYTES) return err("ENOSPC");
    node.content = next;
    node.mtime = now;
    return okv(undefined);
  }
  if (path.endsWith("/")) return err("EISDIR");
  const parent = dirname(real);
  if (!canModifyDir(fs, parent, actor)) return err("EACCES");
  if (content.length > MAX_FILE_BYTES) return err("ENOSPC");
  fs[real] = { type: "file", content, mode: (opts.mode ?? 0o666) & ~actor.umask & 0o7777, owner: actor.user, group: actor.groups[0] ?? actor.user, mtime: now };
  touchDir(fs, parent, now);
  return okv(undefined);
}

export function appendFile(fs: Record<string, FsNode>, path: string, content: string, actor: Actor, now: Millis): FsResult {
  return writeFile(fs, path, content, actor, now, { append: true });
}

/** Creates an empty file if missing, else updates its time (touch). */
export function touch(fs: Record<string, FsNode>, path: string, actor: Actor, now: Millis): FsResult {
  const r = lookup(fs, path, actor);
  if (!r.ok) return r;
  const node = r.value.node;
  if (!node) return writeFile(fs, path, "", actor, now);
  if (actor.uid !== 0 && node.owner !== actor.user && !canAccess(node, actor, 2)) return err("EACCES");
  node.mtime = now;
  return okv(undefined);
}

export interface MkdirOptions {
  parents?: boolean;
  /** Mode before the umask (default 0o777). */
  mode?: number;
}

export function mkdir(fs: Record<string, FsNode>, path: string, actor: Actor, now: Millis, opts: MkdirOptions = {}): FsResult {
  const mode = (opts.mode ?? 0o777) & ~actor.umask & 0o7777;
  if (opts.parents) {
    const parts = path.split("/").filter((c) => c !== "");
    let prefix = "";
    for (const part of parts) {
      prefix = prefix + "/" + part;
      const r = lookup(fs, prefix, actor);
      if (!r.ok) return r;
      if (r.value.node) {
        if (r.value.node.type !== "dir") return err(part === parts[parts.length - 1] ? "EEXIST" : "ENOTDIR");
        continue;
      }
      const parent = dirname(r.value.path);
      if (!canModifyDir(fs, parent, actor)) return err("EACCES");
      // Parents get u+wx so that the rest of the path can be made (as GNU mkdir does).
      fs[r.value.path] = { type: "dir", mode: mode | 0o300, owner: actor.user, group: actor.groups[0] ?? actor.user, mtime: now };
      touchDir(fs, parent, now);
    }
    const last = lookup(fs, path, actor);
    if (last.ok && last.value.node?.type === "dir") last.value.node.mode = mode;
    return okv(undefined);
  }
  const r = lookup(fs, path, actor, false);
  if (!r.ok) return r;
  if (r.value.node) return err("EEXIST");
  const parent = dirname(r.value.path);
  if (!canModifyDir(fs, parent, actor)) return err("EACCES");
  fs[r.value.path] = { type: "dir", mode, owner: actor.user, group: actor.groups[0] ?? actor.user, mtime: now };
  touchDir(fs, parent, now);
  return okv(undefined);
}

/** Removes a file or symlink (unlink). */
export function unlink(fs: Record<string, FsNode>, path: string, actor: Actor, now: Millis): FsResult {
  const r = lookup(fs, path, actor, false);
  if (!r.ok) return r;
  const { path: real, node } = r.value;
  if (!node) return err("ENOENT");
  if (node.type === "dir") return err("EISDIR");
  const parent = dirname(real);
  if (!canModifyDir(fs, parent, actor) || stickyBlocks(fs, parent, node, actor)) return err("EACCES");
  delete fs[real];
  touchDir(fs, parent, now);
  return okv(undefined);
}

/** Removes an empty directory (rmdir). */
export function rmdir(fs: Record<string, FsNode>, path: string, actor: Actor, now: Millis): FsResult {
  const r = lookup(fs, path, actor, false);
  if (!r.ok) return r;
  const { path: real, node } = r.value;
  if (!node) return err("ENOENT");
  if (node.type !== "dir") return err("ENOTDIR");
  if (real === "/") return err("EBUSY");
  if (childrenOf(fs, real).length > 0) return err("ENOTEMPTY");
  const parent = dirname(real);
  if (!canModifyDir(fs, parent, actor) || stickyBlocks(fs, parent, node, actor)) return err("EACCES");
  delete fs[real];
  touchDir(fs, parent, now);
  return okv(undefined);
}

export interface RemoveOptions {
  recursive?: boolean;
}

/**
 * rm: removes a file, or with `recursive` a whole tree (depth first, as far as permissions
 * allow). Directories that keep children because of failures are left without a failure of
 * their own, like GNU rm. Failure paths are relative to `path` ("" is `path` itself).
 */
export function remove(fs: Record<string, FsNode>, path: string, actor: Actor, now: Millis, opts: RemoveOptions = {}): { ok: boolean; failures: FsFailure[] } {
  const r = lookup(fs, path, actor, false);
  if (!r.ok) return { ok: false, failures: [{ path: "", code: r.code }] };
  const { path: real, node } = r.value;
  if (!node) return { ok: false, failures: [{ path: "", code: "ENOENT" }] };
  if (node.type !== "dir") {
    const u = unlink(fs, path, actor, now);
    return u.ok ? { ok: true, failures: [] } : { ok: false, failures: [{ path: "", code: u.code }] };
  }
  if (!opts.recursive) return { ok: false, failures: [{ path: "", code: "EISDIR" }] };
  const failures: FsFailure[] = [];
  const walk = (dir: string, rel: string): boolean => {
    const d = fs[dir]!;
    if (!canAccess(d, actor, 4) || !canAccess(d, actor, 1)) {
      // Unreadable: try rmdir directly (works when empty), else report it.
      if (childrenOf(fs, dir).length > 0) {
        failures.push({ path: rel, code: "EACCES" });
        return false;
      }
    }
    let clean = true;
    for (const name of childrenOf(fs, dir).sort()) {
      const child = childPath(dir, name);
      const childRel = rel + "/" + name;
      const n = fs[child]!;
      if (n.type === "dir") {
        if (!walk(child, childRel)) clean = false;
      } else if (!canModifyDir(fs, dir, actor) || stickyBlocks(fs, dir, n, actor)) {
        failures.push({ path: childRel, code: "EACCES" });
        clean = false;
      } else {
        delete fs[child];
        touchDir(fs, dir, now);
      }
    }
    if (!clean) return false;
    const parent = dirname(dir);
    if (!canModifyDir(fs, parent, actor) || stickyBlocks(fs, parent, d, actor)) {
      failures.push({ path: rel, code: "EACCES" });
      return false;
    }
    delete fs[dir];
    touchDir(fs, parent, now);
    return true;
  };
  if (real === "/") return { ok: false, failures: [{ path: "", code: "EBUSY" }] };
  walk(real, "");
  return { ok: failures.length === 0, failures };
}

export interface CopyOptions {
  recursive?: boolean;
  /** Keep mode, owner (when root) and times (cp -p / -a). */
  preserve?: boolean;
}

/**
 * Copies `src` to exactly `dst` (callers decide "into a directory"). Files overwrite existing
 * files keeping their mode; directories need `recursive`. Failure paths are relative to `src`.
 */
export function copy(fs: Record<string, FsNode>, src: string, dst: string, actor: Actor, now: Millis, opts: CopyOptions = {}): { ok: boolean; failures: FsFailure[] } {
  const s = stat(fs, src, actor);
  if (!s.ok) return { ok: false, failures: [{ path: "", code: s.code }] };
  const failures: FsFailure[] = [];
  const copyNode = (from: string, to: string, rel: string) => {
    const node = fs[from]!;
    if (node.type === "symlink") {
      const t = stat(fs, from, actor);
      if (!t.ok) {
        failures.push({ path: rel, code: t.code });
        return;
      }
      copyNode(t.value.path, to, rel);
      return;
    }
    if (node.type === "file") {
      if (!canAccess(node, actor, 4)) {
        failures.push({ path: rel, code: "EACCES" });
        return;
      }
      const target = lookup(fs, to, actor);
      const existed = target.ok && !!target.value.node;
      const w = writeFile(fs, to, node.content, actor, now, { mode: node.mode | actor.umask });
      if (!w.ok) {
        failures.push({ path: rel, code: w.code });
        return;
      }
      const created = lookup(fs, to, actor);
      if (created.ok && created.value.node && created.value.node.type === "file") {
        const n = created.value.node;
        if (!existed) n.mode = node.mode & ~actor.umask & 0o7777;
        if (opts.preserve) {
          n.mode = node.mode;
          n.mtime = node.mtime;
          if (actor.uid === 0) {
            n.owner = node.owner;
            n.group = node.group;
          }
        }
      }
      return;
    }
    if (!opts.recursive) {
      failures.push({ path: rel, code: "EISDIR" });
      return;
    }
    if (!canAccess(node, actor, 4)) {
      failures.push({ path: rel, code: "EACCES" });
      return;
    }
    const t = lookup(fs, to, actor);
    if (!t.ok) {
      failures.push({ path: rel, code: t.code });
      return;
    }
    if (t.value.node && t.value.node.type !== "dir") {
      failures.push({ path: rel, code: "ENOTDIR" });
      return;
    }
    if (!t.value.node) {
      const m = mkdir(fs, to, actor, now, { mode: node.mode | actor.umask });
      if (!m.ok) {
        failures.push({ path: rel, code: m.code });
        return;
      }
      const made = fs[t.value.path];
      if (made && made.type === "dir") {
        made.mode = (node.mode & ~actor.umask & 0o7777) | 0o700;
        if (opts.preserve) {
          made.mode = node.mode;
          made.mtime = node.mtime;
          if (actor.uid === 0) {
            made.owner = node.owner;
            made.group = node.group;
          }
        }
      }
    }
    for (const name of childrenOf(fs, from).sort()) copyNode(childPath(from, name), childPath(t.value.path, name), rel + "/" + name);
  };
  const realSrc = s.value.path;
  const d = lookup(fs, dst, actor);
  if (d.ok && (d.value.path === realSrc || d.value.path.startsWith(realSrc === "/" ? "/" : realSrc + "/")) && s.value.node.type === "dir") {
    return { ok: false, failures: [{ path: "", code: "EINVAL" }] };
  }
  copyNode(realSrc, dst, "");
  return { ok: failures.length === 0, failures };
}

/** Renames `src` to exactly `dst` (mv). Moving a directory into itself is EINVAL. */
export function move(fs: Record<string, FsNode>, src: string, dst: string, actor: Actor, now: Millis): FsResult {
  const s = lookup(fs, src, actor, false);
  if (!s.ok) return s;
  const { path: from, node } = s.value;
  if (!node) return err("ENOENT");
  const d = lookup(fs, dst, actor, false);
  if (!d.ok) return d;
  const to = d.value.path;
  if (to === from) return okv(undefined);
  if (node.type === "dir" && to.startsWith(from + "/")) return err("EINVAL");
  const fromParent = dirname(from);
  const toParent = dirname(to);
  if (!canModifyDir(fs, fromParent, actor) || stickyBlocks(fs, fromParent, node, actor)) return err("EACCES");
  if (!canModifyDir(fs, toParent, actor)) return err("EACCES");
  const existing = d.value.node;
  if (existing) {
    if (existing.type === "dir" && node.type !== "dir") return err("EISDIR");
    if (existing.type !== "dir" && node.type === "dir") return err("ENOTDIR");
    if (existing.type === "dir" && childrenOf(fs, to).length > 0) return err("ENOTEMPTY");
    if (stickyBlocks(fs, toParent, existing, actor)) return err("EACCES");
  }
  const moved: Array<[string, FsNode]> = [[to, node]];
  if (node.type === "dir") for (const k of descendantsOf(fs, from)) moved.push([to + k.slice(from.length), fs[k]!]);
  if (node.type === "dir") for (const k of descendantsOf(fs, from)) delete fs[k];
  delete fs[from];
  if (existing) delete fs[to];
  for (const [k, n] of moved) fs[k] = n;
  touchDir(fs, fromParent, now);
  touchDir(fs, toParent, now);
  return okv(undefined);
}

/** Creates a symbolic link at `linkPath` pointing to `target` (stored as given). */
export function symlink(fs: Record<string, FsNode>, target: string, linkPath: string, actor: Actor, now: Millis): FsResult {
  const r = lookup(fs, linkPath, actor, false);
  if (!r.ok) return r;
  if (r.value.node) return err("EEXIST");
  const parent = dirname(r.value.path);
  if (!canModifyDir(fs, parent, actor)) return err("EACCES");
  fs[r.value.path] = { type: "symlink", target, owner: actor.user, group: actor.groups[0] ?? actor.user, mtime: now };
  touchDir(fs, parent, now);
  return okv(undefined);
}

/** chmod: only the owner or root may change the mode. */
export function chmod(fs: Record<string, FsNode>, path: string, mode: number, actor: Actor): FsResult {
  const r = stat(fs, path, actor);
  if (!r.ok) return r;
  const node = r.value.node;
  if (node.type === "symlink") return okv(undefined);
  if (actor.uid !== 0 && node.owner !== actor.user) return err("EPERM");
  node.mode = mode & 0o7777;
  return okv(undefined);
}

/** chown: only root may give files away; owners may change the group to one of theirs. */
export function chown(fs: Record<string, FsNode>, path: string, owner: string | undefined, group: string | undefined, actor: Actor, follow = true): FsResult {
  const r = stat(fs, path, actor, follow);
  if (!r.ok) return r;
  const node = r.value.node;
  if (actor.uid !== 0) {
    if (owner !== undefined && owner !== node.owner) return err("EPERM");
    if (node.owner !== actor.user) return err("EPERM");
    if (group !== undefined && !actor.groups.includes(group)) return err("EPERM");
  }
  if (owner !== undefined) node.owner = owner;
  if (group !== undefined) node.group = group;
  return okv(undefined);
}

// ---------------------------------------------------------------------------------------------
// Messages, worded as the tools word them (GNU coreutils 8.32, bash 5.1).

const SHELL_SPECIAL = /[\s!"$&'()*;<=>?[\\\]^`{|}:]/;

/**
 * GNU's shell-escape quoting of file names (quotearg's "shell-escape" style): bare when safe,
 * else in single quotes, or double quotes when the name holds a single quote.
 */
export function quoteName(name: string, always = false): string {
  const needs = always || name === "" || SHELL_SPECIAL.test(name) || name.startsWith("#") || name.startsWith("~");
  if (!needs) return name;
  if (name.includes("'")) {
    if (!/["$`\\!]/.test(name)) return `"${name}"`;
    return "'" + name.replace(/'/g, "'\\''") + "'";
  }
  return `'${name}'`;
}

/** quoteaf: always quoted, as in `rm: cannot remove 'x': ...`. */
export const quoteAlways = (name: string): string => quoteName(name, true);

/** quote(): locale quotes in UTF-8 locales, as in `mkdir: cannot create directory ‘x’`. */
export const quoteLocale = (name: string): string => `‘${name}’`;

/** Ready-made messages (without trailing newline) for the common failures. */
export const fsMessages = {
  /** `cat: /nope: No such file or directory` (also wc, grep, cut, tee, ...). */
  tool: (tool: string, path: string, code: Errno) => `${tool}: ${quoteName(path)}: ${errnoMessage(code)}`,
  mkdir: (path: string, code: Errno) => `mkdir: cannot create directory ${quoteLocale(path)}: ${errnoMessage(code)}`,
  rm: (path: string, code: Errno) => `rm: cannot remove ${quoteAlways(path)}: ${errnoMessage(code)}`,
  touch: (path: string, code: Errno) => `touch: cannot touch ${quoteAlways(path)}: ${errnoMessage(code)}`,
  ls: (path: string, code: Errno) => `ls: cannot access ${quoteAlways(path)}: ${errnoMessage(code)}`,
  lsOpenDir: (path: string, code: Errno) => `ls: cannot open directory ${quoteAlways(path)}: ${errnoMessage(code)}`,
  head: (tool: string, path: string, code: Errno) => `${tool}: cannot open ${quoteAlways(path)} for reading: ${errnoMessage(code)}`,
  /** bash redirections: `bash: /etc/x: Permission denied`. */
  redirect: (path: string, code: Errno) => `bash: ${path}: ${errnoMessage(code)}`,
  cd: (path: string, code: Errno) => `bash: cd: ${path}: ${errnoMessage(code)}`,
};

// ---------------------------------------------------------------------------------------------
// Base file system of a new host

export interface BaseFsOptions {
  hostname: string;
  fqdn?: string;
  ip: string;
  distro: Distro;
  /** "22.04" for Ubuntu (default); "8" (default) or "9" for CentOS Stream. */
  release?: string;
  users: Record<string, UserAccount>;
  now: Millis;
  /** Extra /etc/hosts lines, e.g. the other machines of a lab. */
  hostsEntries?: Array<{ ip: string; names: string[] }>;
  /** Extra program names to place in /usr/bin (e.g. "kubectl", "docker"). */
  binaries?: string[];
}

/** Programs every host has in /usr/bin (the shell implements them). */
export const BASE_BINARIES = [
  "base64", "basename", "bash", "cat", "diff", "chgrp", "chmod", "chown", "clear", "cp", "cut", "date", "dirname", "echo", "env",
  "false", "find", "grep", "egrep", "fgrep", "head", "hostname", "id", "less", "ln", "ls", "mkdir", "more", "mv", "nano",
  "printenv", "printf", "ps", "pwd", "readlink", "realpath", "rm", "rmdir", "sed", "seq", "sh", "sleep", "sort", "ssh", "su", "sudo",
  "tail", "tee", "test", "touch", "tr", "true", "uname", "uniq", "vi", "vim", "watch", "wc", "which", "whoami", "xargs", "awk",
];

const OS_RELEASE: Record<string, string> = {
  "ubuntu-22.04": `PRETTY_NAME="Ubuntu 22.04.4 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.4 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy
`,
  "centos-8": `NAME="CentOS Stream"
VERSION="8"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="8"
PLATFORM_ID="platform:el8"
PRETTY_NAME="CentOS Stream 8"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:centos:centos:8"
HOME_URL="https://centos.org/"
BUG_REPORT_URL="https://bugzilla.redhat.com/"
REDHAT_SUPPORT_PRODUCT="Red Hat Enterprise Linux 8"
REDHAT_SUPPORT_PRODUCT_VERSION="CentOS Stream"
`,
  "centos-9": `NAME="CentOS Stream"
VERSION="9"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="9"
PLATFORM_ID="platform:el9"
PRETTY_NAME="CentOS Stream 9"
ANSI_COLOR="0;31"
LOGO="fedora-logo-icon"
CPE_NAME="cpe:/o:centos:centos:9"
HOME_URL="https://centos.org/"
BUG_REPORT_URL="https://issues.redhat.com/"
REDHAT_SUPPORT_PRODUCT="Red Hat Enterprise Linux 9"
REDHAT_SUPPORT_PRODUCT_VERSION="CentOS Stream"
`,
};

/** The contents of /etc/os-release for a distro and release. */
export function osRelease(distro: Distro, release?: string): string {
  if (distro === "ubuntu") return OS_RELEASE["ubuntu-22.04"]!;
  return OS_RELEASE[release === "9" ? "centos-9" : "centos-8"]!;
}

/** System accounts every host has in /etc/passwd, besides the host's own users. */
const SYSTEM_USERS: Record<Distro, string[]> = {
  ubuntu: [
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin",
    "bin:x:2:2:bin:/bin:/usr/sbin/nologin",
    "sys:x:3:3:sys:/dev:/usr/sbin/nologin",
    "sync:x:4:65534:sync:/bin:/bin/sync",
    "games:x:5:60:games:/usr/games:/usr/sbin/nologin",
    "man:x:6:12:man:/var/cache/man:/usr/sbin/nologin",
    "lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin",
    "mail:x:8:8:mail:/var/mail:/usr/sbin/nologin",
    "news:x:9:9:news:/var/spool/news:/usr/sbin/nologin",
    "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin",
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin",
    "systemd-network:x:100:102:systemd Network Management,,,:/run/systemd:/usr/sbin/nologin",
    "systemd-resolve:x:101:103:systemd Resolver,,,:/run/systemd:/usr/sbin/nologin",
    "messagebus:x:102:105::/nonexistent:/usr/sbin/nologin",
    "sshd:x:105:65534::/run/sshd:/usr/sbin/nologin",
  ],
  centos: [
    "bin:x:1:1:bin:/bin:/sbin/nologin",
    "daemon:x:2:2:daemon:/sbin:/sbin/nologin",
    "adm:x:3:4:adm:/var/adm:/sbin/nologin",
    "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin",
    "sync:x:5:0:sync:/sbin:/bin/sync",
    "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown",
    "halt:x:7:0:halt:/sbin:/sbin/halt",
    "mail:x:8:12:mail:/var/spool/mail:/sbin/nologin",
    "operator:x:11:0:operator:/root:/sbin/nologin",
    "games:x:12:100:games:/usr/games:/sbin/nologin",
    "ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin",
    "nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin",
    "dbus:x:81:81:System message bus:/:/sbin/nologin",
    "sshd:x:74:74:Privilege-separated SSH:/var/empty/sshd:/sbin/nologin",
  ],
};

const SYSTEM_GROUPS: Record<Distro, Array<[string, number]>> = {
  ubuntu: [
    ["root", 0], ["daemon", 1], ["bin", 2], ["sys", 3], ["adm", 4], ["tty", 5], ["disk", 6], ["lp", 7], ["mail", 8],
    ["news", 9], ["proxy", 13], ["sudo", 27], ["www-data", 33], ["shadow", 42], ["utmp", 43], ["users", 100],
    ["systemd-journal", 101], ["docker", 998], ["nogroup", 65534],
  ],
  centos: [
    ["root", 0], ["bin", 1], ["daemon", 2], ["sys", 3], ["adm", 4], ["tty", 5], ["disk", 6], ["lp", 7], ["mem", 8],
    ["kmem", 9], ["wheel", 10], ["mail", 12], ["users", 100], ["nobody", 65534], ["dbus", 81], ["sshd", 74],
    ["docker", 990],
  ],
};

/** /etc/passwd for a host: root, the distro's system accounts, then the host's users. */
export function passwdFile(distro: Distro, users: Record<string, UserAccount>): string {
  const lines: string[] = [];
  const root = users.root;
  lines.push(`root:x:0:0:root:${root?.home ?? "/root"}:${root?.shell ?? "/bin/bash"}`);
  lines.push(...SYSTEM_USERS[distro]);
  for (const u of Object.values(users).sort((a, b) => a.uid - b.uid)) {
    if (u.name === "root") continue;
    lines.push(`${u.name}:x:${u.uid}:${u.gid}::${u.home}:${u.shell}`);
  }
  return lines.join("\n") + "\n";
}

/** /etc/group for a host: the distro's groups (with members) and one private group per user. */
export function groupFile(distro: Distro, users: Record<string, UserAccount>): string {
  const groups = new Map<string, { gid: number; members: string[] }>();
  for (const [name, gid] of SYSTEM_GROUPS[distro]) groups.set(name, { gid, members: [] });
  for (const u of Object.values(users).sort((a, b) => a.uid - b.uid)) {
    if (u.name === "root") continue;
    if (![...groups.values()].some((g) => g.gid === u.gid)) groups.set(u.name, { gid: u.gid, members: [] });
    for (const g of u.groups) {
      const entry = groups.get(g);
      if (entry) entry.members.push(u.name);
      else groups.set(g, { gid: 1000 + groups.size + 500, members: [u.name] });
    }
  }
  return [...groups.entries()].map(([name, g]) => `${name}:x:${g.gid}:${g.members.join(",")}`).join("\n") + "\n";
}

const UBUNTU_BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# If not running interactively, don't do anything
case $- in
    *i*) ;;
      *) return;;
esac

HISTCONTROL=ignoreboth
HISTSIZE=1000
HISTFILESIZE=2000

alias ll='ls -alF'
alias la='ls -A'
alias l='ls -CF'
`;

const UBUNTU_PROFILE = `# ~/.profile: executed by the command interpreter for login shells.

if [ -n "$BASH_VERSION" ]; then
    if [ -f "$HOME/.bashrc" ]; then
        . "$HOME/.bashrc"
    fi
fi

if [ -d "$HOME/bin" ] ; then
    PATH="$HOME/bin:$PATH"
fi
`;

const CENTOS_BASHRC = `# .bashrc

# Source global definitions
if [ -f /etc/bashrc ]; then
	. /etc/bashrc
fi

# User specific environment
if ! [[ "$PATH" =~ "$HOME/.local/bin:$HOME/bin:" ]]
then
    PATH="$HOME/.local/bin:$HOME/bin:$PATH"
fi
export PATH
`;

const CENTOS_BASH_PROFILE = `# .bash_profile

# Get the aliases and functions
if [ -f ~/.bashrc ]; then
	. ~/.bashrc
fi

# User specific environment and startup programs
`;

/**
 * The file system a freshly installed host starts with: the FHS skeleton, /etc identity files
 * (hostname, hosts, passwd, group, shadow, os-release), sudoers, home directories with their
 * dot files, /tmp (1777) and program stubs in /usr/bin.
 */
export function baseFilesystem(opts: BaseFsOptions): Record<string, FsNode> {
  const { distro, now } = opts;
  const fs: Record<string, FsNode> = {};
  const dir = (path: string, mode = 0o755, owner = "root", group = "root") => {
    fs[path] = { type: "dir", mode, owner, group, mtime: now };
  };
  const file = (path: string, content: string, mode = 0o644, owner = "root", group = "root") => {
    fs[path] = { type: "file", content, mode, owner, group, mtime: now };
  };
  const link = (path: string, target: string) => {
    fs[path] = { type: "symlink", target, owner: "root", group: "root", mtime: now };
  };

  dir("/");
  for (const d of ["/boot", "/dev", "/etc", "/home", "/media", "/mnt", "/opt", "/proc", "/run", "/srv", "/sys", "/usr", "/var"]) dir(d);
  dir("/proc", 0o555);
  dir("/sys", 0o555);
  dir("/tmp", 0o1777);
  dir("/root", distro === "centos" ? 0o550 : 0o700);
  for (const d of ["/usr/bin", "/usr/sbin", "/usr/lib", "/usr/local", "/usr/local/bin", "/usr/local/sbin", "/usr/share", "/usr/lib/systemd", "/usr/lib/systemd/system"]) dir(d);
  link("/bin", "usr/bin");
  link("/sbin", "usr/sbin");
  link("/lib", "usr/lib");
  link("/lib64", "usr/lib64");
  dir("/usr/lib64");
  for (const d of ["/var/log", "/var/lib", "/var/cache", "/var/spool", "/var/opt"]) dir(d);
  dir("/var/tmp", 0o1777);
  link("/var/run", "../run");
  file("/dev/null", "", 0o666);

  // Identity
  file("/etc/hostname", opts.hostname + "\n");
  const hostsLines =
    distro === "ubuntu"
      ? ["127.0.0.1 localhost", "", "# The following lines are desirable for IPv6 capable hosts", "::1     ip6-localhost ip6-loopback", "fe00::0 ip6-localnet", "ff00::0 ip6-mcastprefix", "ff02::1 ip6-allnodes", "ff02::2 ip6-allrouters"]
      : ["127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4", "::1         localhost localhost.localdomain localhost6 localhost6.localdomain6"];
  hostsLines.push(`${opts.ip}\t${opts.fqdn ? `${opts.fqdn} ${opts.hostname}` : opts.hostname}`);
  for (const e of opts.hostsEntries ?? []) hostsLines.push(`${e.ip}\t${e.names.join(" ")}`);
  file("/etc/hosts", hostsLines.join("\n") + "\n");
  file("/etc/passwd", passwdFile(distro, opts.users));
  file("/etc/group", groupFile(distro, opts.users));
  const shadow = Object.values(opts.users).map((u) => `${u.name}:${u.password === undefined ? "*" : "$6$rounds=5000$kc$" + "x".repeat(20)}:19700:0:99999:7:::`);
  if (distro === "ubuntu") file("/etc/shadow", shadow.join("\n") + "\n", 0o640, "root", "shadow");
  else file("/etc/shadow", shadow.join("\n") + "\n", 0o000);
  file("/usr/lib/os-release", osRelease(distro, opts.release));
  link("/etc/os-release", "../usr/lib/os-release");
  if (distro === "ubuntu") {
    file("/etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\nDISTRIB_DESCRIPTION=\"Ubuntu 22.04.4 LTS\"\n");
    file("/etc/issue", "Ubuntu 22.04.4 LTS \\n \\l\n\n");
  } else {
    const rel = `CentOS Stream release ${opts.release === "9" ? "9" : "8"}\n`;
    file("/etc/centos-release", rel);
    link("/etc/redhat-release", "centos-release");
    link("/etc/system-release", "centos-release");
  }
  file("/etc/resolv.conf", distro === "ubuntu" ? "nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n" : "nameserver 8.8.8.8\n");
  file("/etc/fstab", "# /etc/fstab\n");
  file("/etc/motd", "");
  file("/etc/environment", distro === "ubuntu" ? 'PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin"\n' : "");
  dir("/etc/ssh");
  file("/etc/ssh/sshd_config", distro === "ubuntu" ? "Include /etc/ssh/sshd_config.d/*.conf\nKbdInteractiveAuthentication no\nUsePAM yes\nX11Forwarding yes\nPrintMotd no\nAcceptEnv LANG LC_*\nSubsystem sftp /usr/lib/openssh/sftp-server\n" : "HostKey /etc/ssh/ssh_host_rsa_key\nSyslogFacility AUTHPRIV\nAuthorizedKeysFile .ssh/authorized_keys\nPasswordAuthentication yes\nChallengeResponseAuthentication no\nGSSAPIAuthentication yes\nGSSAPICleanupCredentials no\nUsePAM yes\nX11Forwarding yes\nSubsystem sftp /usr/libexec/openssh/sftp-server\n", 0o600);
  dir("/etc/systemd");
  dir("/etc/systemd/system");
  dir("/etc/sudoers.d", distro === "ubuntu" ? 0o755 : 0o750);
  const sudoers =
    distro === "ubuntu"
      ? "Defaults\tenv_reset\nDefaults\tmail_badpass\nDefaults\tsecure_path=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin\"\nDefaults\tuse_pty\n\nroot\tALL=(ALL:ALL) ALL\n%admin ALL=(ALL) ALL\n%sudo\tALL=(ALL:ALL) ALL\n\n@includedir /etc/sudoers.d\n"
      : "Defaults   !visiblepw\nDefaults    always_set_home\nDefaults    match_group_by_gid\nDefaults    env_reset\nDefaults    secure_path = /sbin:/bin:/usr/sbin:/usr/bin\n\nroot\tALL=(ALL) \tALL\n%wheel\tALL=(ALL)\tALL\n\n#includedir /etc/sudoers.d\n";
  file("/etc/sudoers", sudoers, 0o440);
  for (const u of Object.values(opts.users)) {
    if (u.sudo === "nopasswd") file(`/etc/sudoers.d/${u.name}`, `${u.name} ALL=(ALL) NOPASSWD: ALL\n`, 0o440);
  }
  file("/etc/profile", "# /etc/profile: system-wide .profile file for the Bourne shell\n");
  file(distro === "ubuntu" ? "/etc/bash.bashrc" : "/etc/bashrc", "# System-wide .bashrc file for interactive bash(1) shells.\n");

  // Logs
  if (distro === "ubuntu") {
    file("/var/log/syslog", "", 0o640, "syslog", "adm");
    file("/var/log/auth.log", "", 0o640, "syslog", "adm");
  } else {
    file("/var/log/messages", "", 0o600);
    file("/var/log/secure", "", 0o600);
  }
  dir("/var/log/journal", 0o2755, "root", "systemd-journal");

  // Programs
  for (const name of new Set([...BASE_BINARIES, ...(opts.binaries ?? [])])) file(`/usr/bin/${name}`, "", 0o755);
  fs["/usr/bin/sudo"] = { type: "file", content: "", mode: 0o4755, owner: "root", group: "root", mtime: now };
  fs["/usr/bin/su"] = { type: "file", content: "", mode: 0o4755, owner: "root", group: "root", mtime: now };

  // Homes
  const bashrc = distro === "ubuntu" ? UBUNTU_BASHRC : CENTOS_BASHRC;
  for (const u of Object.values(opts.users)) {
    const group = groupNameOf(fs, u.gid) ?? (u.uid === 0 ? "root" : u.name);
    if (u.name !== "root") dir(u.home, distro === "ubuntu" ? 0o750 : 0o700, u.name, group);
    const homeFile = (name: string, content: string) => file(`${u.home}/${name}`, content, 0o644, u.name, group);
    homeFile(".bashrc", bashrc);
    if (distro === "ubuntu") homeFile(".profile", UBUNTU_PROFILE);
    else homeFile(".bash_profile", CENTOS_BASH_PROFILE);
    if (distro === "centos" || u.name !== "root") homeFile(".bash_logout", "# ~/.bash_logout\n");
  }
  return fs;
}
