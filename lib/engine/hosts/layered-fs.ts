// A host's file system as a copy-on-write layer over a base shared by every sandbox of an
// environment. `HostState.fs` stays a plain-looking record (path → node): reads, writes,
// deletes, `Object.keys`, `for ... in` and JSON behave exactly as on a plain object, key order
// included. A sandbox only holds the nodes it touched: the first read of a base node copies it
// into the sandbox (with the sandbox's own time), so code that changes a node in place (chmod,
// an append, a new mtime) changes the sandbox's copy and never the shared one.
import type { Millis } from "../clock";
import type { FsNode } from "./types";

/** The shared, frozen base: its nodes in order. Times are the base's; each sandbox adds its offset. */
export interface FsBase {
  readonly keys: readonly string[];
  readonly nodes: ReadonlyMap<string, FsNode>;
  /** Directory → the paths directly inside it, in base order (built on first use). */
  children?: Map<string, string[]>;
}

/** A base from a plain file system (its nodes are frozen: the base must never change). */
export function fsBase(fs: Record<string, FsNode>): FsBase {
  const nodes = new Map<string, FsNode>();
  for (const [path, node] of Object.entries(fs)) nodes.set(path, Object.freeze({ ...node }));
  return { keys: [...nodes.keys()], nodes };
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}

function baseChildren(base: FsBase): Map<string, string[]> {
  if (!base.children) {
    const index = new Map<string, string[]>();
    for (const path of base.keys) {
      if (path === "/") continue;
      const dir = parentOf(path);
      const list = index.get(dir);
      if (list) list.push(path);
      else index.set(dir, [path]);
    }
    base.children = index;
  }
  return base.children;
}

function fieldCount(node: FsNode): number {
  let n = 0;
  for (const _ in node) n++;
  return n;
}

function sameApartFromTime(a: FsNode, b: FsNode): boolean {
  if (a.type !== b.type || a.owner !== b.owner || a.group !== b.group) return false;
  if (a.type === "symlink") {
    if (a.target !== (b as typeof a).target) return false;
  } else {
    if (a.mode !== (b as typeof a).mode) return false;
    if (a.type === "file" && a.content !== (b as typeof a).content) return false;
  }
  return fieldCount(a) === fieldCount(b);
}

class Layer implements ProxyHandler<Record<string, FsNode>> {
  /** Nodes this sandbox holds at their base position (copied on first read, or replaced). */
  private readonly local = new Map<string, FsNode>();
  /** Base paths no longer at their base position (deleted, or deleted and written again). */
  private readonly gone = new Set<string>();
  /** Paths after the base ones, in insertion order (new files, and re-created base paths). */
  private readonly tail = new Map<string, FsNode>();

  constructor(
    private readonly base: FsBase,
    private readonly offset: Millis,
  ) {}

  private inBase(path: string): boolean {
    return this.base.nodes.has(path) && !this.gone.has(path);
  }

  private copyOf(node: FsNode): FsNode {
    return { ...node, mtime: node.mtime + this.offset };
  }

  read(path: string): FsNode | undefined {
    const own = this.local.get(path) ?? this.tail.get(path);
    if (own || !this.inBase(path)) return own;
    const copy = this.copyOf(this.base.nodes.get(path)!);
    this.local.set(path, copy);
    return copy;
  }

  write(path: string, node: FsNode) {
    if (this.local.has(path) || (!this.tail.has(path) && this.inBase(path))) this.local.set(path, node);
    else this.tail.set(path, node);
  }

  remove(path: string) {
    if (this.base.nodes.has(path)) this.gone.add(path);
    this.local.delete(path);
    this.tail.delete(path);
  }

  contains(path: string): boolean {
    return this.tail.has(path) || this.inBase(path);
  }

  /**
   * The names directly inside `dir`, in the order a scan of `paths()` finds them: the kubelet
   * looks at its manifest directory after every command, and a scan of every path is most of that.
   */
  childNames(dir: string): string[] {
    const out: string[] = [];
    const cut = dir === "/" ? 1 : dir.length + 1;
    for (const p of baseChildren(this.base).get(dir) ?? []) if (!this.gone.has(p)) out.push(p.slice(cut));
    for (const p of this.tail.keys()) if (p !== "/" && parentOf(p) === dir) out.push(p.slice(cut));
    return out;
  }

  paths(): string[] {
    const out: string[] = [];
    for (const p of this.base.keys) if (!this.gone.has(p)) out.push(p);
    for (const p of this.tail.keys()) out.push(p);
    return out;
  }

  /** The plain record this layer stands for, without copying untouched nodes into the sandbox. */
  plain(): Record<string, FsNode> {
    const out: Record<string, FsNode> = {};
    for (const p of this.base.keys) {
      if (!this.gone.has(p)) out[p] = this.local.get(p) ?? this.copyOf(this.base.nodes.get(p)!);
    }
    for (const [p, node] of this.tail) out[p] = node;
    return out;
  }

  /** Adopts a node of a restored file system: kept only when it differs from the base one. */
  adopt(path: string, node: FsNode, own: (node: FsNode) => FsNode) {
    const shared = this.base.nodes.get(path)!;
    if (node.mtime !== shared.mtime + this.offset || !sameApartFromTime(node, shared)) this.local.set(path, own(node));
  }

  markGone(path: string) {
    this.gone.add(path);
  }

  appendOwn(path: string, node: FsNode) {
    this.tail.set(path, node);
  }

  /** How many nodes this sandbox holds itself (for tests and memory checks). */
  owned(): number {
    return this.local.size + this.tail.size;
  }

  // ---- proxy traps: the layer looks like a plain record of paths

  get(_target: Record<string, FsNode>, key: string | symbol): unknown {
    if (typeof key !== "string") return undefined;
    if (key === "toJSON") return () => this.plain();
    return this.read(key);
  }

  set(_target: Record<string, FsNode>, key: string | symbol, value: unknown): boolean {
    if (typeof key !== "string") return false;
    this.write(key, value as FsNode);
    return true;
  }

  defineProperty(_target: Record<string, FsNode>, key: string | symbol, descriptor: PropertyDescriptor): boolean {
    if (typeof key !== "string" || !("value" in descriptor)) return false;
    this.write(key, descriptor.value as FsNode);
    return true;
  }

  deleteProperty(_target: Record<string, FsNode>, key: string | symbol): boolean {
    if (typeof key === "string") this.remove(key);
    return true;
  }

  has(_target: Record<string, FsNode>, key: string | symbol): boolean {
    return typeof key === "string" && this.contains(key);
  }

  ownKeys(): string[] {
    return this.paths();
  }

  getOwnPropertyDescriptor(_target: Record<string, FsNode>, key: string | symbol): PropertyDescriptor | undefined {
    if (typeof key !== "string" || !this.contains(key)) return undefined;
    // Enumerating keys asks for every descriptor: an untouched node is reported as the frozen
    // base node (unshifted) rather than copied; reads go through `get`.
    const value = this.local.get(key) ?? this.tail.get(key) ?? this.base.nodes.get(key);
    return { value, writable: true, enumerable: true, configurable: true };
  }
}

const layers = new WeakMap<object, Layer>();

/** A file system that reads through to `base` (its times moved by `offset`) until changed. */
export function layeredFs(base: FsBase, offset: Millis): Record<string, FsNode> {
  const layer = new Layer(base, offset);
  const fs = new Proxy<Record<string, FsNode>>({}, layer);
  layers.set(fs, layer);
  return fs;
}

/** The names directly inside `dir` when `fs` is layered (undefined for a plain record). */
export function layeredChildNames(fs: Record<string, FsNode>, dir: string): string[] | undefined {
  return layers.get(fs)?.childNames(dir);
}

/** Whether `fs` is a layered file system (and how many nodes it holds itself), for tests. */
export function ownedNodes(fs: Record<string, FsNode>): number | undefined {
  return layers.get(fs)?.owned();
}

/**
 * The layered form of a plain file system (a restored snapshot's): nodes equal to the base's,
 * apart from a common time offset, are shared again. The result reads, enumerates and
 * serialises exactly like `plain`, key order included.
 */
export function shareFs(plain: Record<string, FsNode>, base: FsBase, copy = false): Record<string, FsNode> {
  // Nodes are flat records: a copy of one is a shallow copy.
  const own = (node: FsNode): FsNode => (copy ? { ...node } : node);
  const paths = Object.keys(plain);
  // The offset most base nodes moved by (any choice is exact: unequal nodes are simply kept).
  const votes = new Map<number, number>();
  for (const p of paths) {
    const shared = base.nodes.get(p);
    const node = plain[p]!;
    if (shared && sameApartFromTime(node, shared)) votes.set(node.mtime - shared.mtime, (votes.get(node.mtime - shared.mtime) ?? 0) + 1);
  }
  let offset = 0;
  let best = 0;
  for (const [o, n] of votes) if (n > best || (n === best && o < offset)) [offset, best] = [o, n];
  const fs = layeredFs(base, offset);
  const layer = layers.get(fs)!;
  const position = new Map(base.keys.map((k, i) => [k, i]));
  // Paths in base order first (skipped base paths are gone), then everything else in order.
  let next = 0;
  let inBaseOrder = true;
  for (const p of paths) {
    const at = position.get(p);
    if (inBaseOrder && at !== undefined && at >= next) {
      for (let i = next; i < at; i++) layer.markGone(base.keys[i]!);
      next = at + 1;
      layer.adopt(p, plain[p]!, own);
      continue;
    }
    inBaseOrder = false;
    if (at !== undefined) layer.markGone(p);
    layer.appendOwn(p, own(plain[p]!));
  }
  // Base paths past the last one kept in place are gone from there (some may be in the tail).
  for (let i = next; i < base.keys.length; i++) layer.markGone(base.keys[i]!);
  return fs;
}
