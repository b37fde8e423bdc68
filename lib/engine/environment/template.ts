// Environment templates: building a kubeadm cluster means simulating a quarter of an hour of
// control-plane start-up, the same for every sandbox of an environment except for what the seed
// draws (names, uids, container ids, the sub-millisecond part of Event names) and for when it
// happens. So the bootstrap runs once per process and environment, at a fixed base time, with
// every draw recorded, and each sandbox is derived from that run:
//
// - Identities: the seed's PRNG replays the recorded draws in order (same calls, same
//   arguments), which gives exactly the values a simulation with that seed would have drawn,
//   and every occurrence of a recorded value in the state is replaced by its replayed one.
//   Draws that steer the simulation (a scheduler tie-break) must replay to the same value;
//   when one does not, the control flow would differ and the sandbox comes from a template of
//   its own (built from a simulation with its seed) instead.
// - Time: the engine's timeline is invariant under a shift by whole seconds (heartbeats count
//   from the sandbox's start, see phasedFrom), so moving the base run to another start only
//   moves its times. Which values are times is given by the engine's data model: the typed
//   fields of its own state (SHAPES below) and the Time/MicroTime fields of API objects (from
//   the API schema that `kubectl explain` serves), plus the few time-valued annotations.
// - Files: hosts are not copied at all; each sandbox reads its machines through a
//   copy-on-write layer over the environment's base file systems (hosts/layered-fs.ts).
//
// A derived sandbox equals, byte for byte, what the simulation would have built for the same
// seed and start (template.test.ts checks this for every lab environment); the simulation
// stays available (`Sandbox.create({ fresh: true })`) and is used whenever derivation is not
// possible.
import type { Millis } from "../clock";
import { GRID_MS, type ClusterCoreState } from "../cluster";
import { Random } from "../random";
import type { EtcdStoreState } from "../store";
import { initialIdSuffix } from "../store/ids";
import type { FsNode, HostState } from "../hosts/types";
import { fsBase, layeredFs, ownedNodes, shareFs, type FsBase } from "../hosts/layered-fs";
import { environmentHosts } from "./hosts";
import { EXPLAIN_TYPES } from "../cli/kubectl/explain-fields";
import type { EnvironmentSpec } from "./spec";

/**
 * Where template runs are built (2008-01-10T21:20:00Z). Any whole second would do, as long as
 * identities keep their length (Event names carry the time in 16 hex digits from 2006 to 2540);
 * one far from real dates keeps the literal dates of lab content apart from engine-made ones.
 */
export const TEMPLATE_BASE: Millis = 1_200_000_000_000;
/** Starts a template run can move to with every identity keeping its length (see TEMPLATE_BASE). */
const DERIVABLE_STARTS: [Millis, Millis] = [1_160_000_000_000, 18_000_000_000_000];
/** The seed of an environment's first template. */
const TEMPLATE_SEED = 0x2545f491;
/** Most templates kept per environment (one per way its bootstrap's tie-breaks went). */
const TEMPLATES_PER_ENVIRONMENT = 4;
/** Most environments with templates; the least recently used is dropped. */
const ENVIRONMENTS_KEPT = 24;
/** Environments bigger than this are simulated: their template would cost more than it saves. */
const MAX_TEMPLATE_MACHINES = 24;

// ------------------------------------------------------------------------------- recording draws

type DrawMethod = "uint32" | "float" | "int" | "pick" | "string" | "hex" | "uuid" | "subMillisecond";

interface Draw {
  method: DrawMethod;
  args: unknown[];
  result: unknown;
  /** Virtual time of the draw. */
  at: Millis;
}

/** A PRNG that logs its outermost draws (a uuid is one draw, not 33 integers). */
export class RecordingRandom extends Random {
  readonly draws: Draw[] = [];
  now: () => Millis = () => 0;
  private depth = 0;

  private record<T>(method: DrawMethod, args: unknown[], draw: () => T): T {
    this.depth++;
    let result: T;
    try {
      result = draw();
    } finally {
      this.depth--;
    }
    if (this.depth === 0) this.draws.push({ method, args, result, at: this.now() });
    return result;
  }

  override uint32(): number {
    return this.record("uint32", [], () => super.uint32());
  }
  override float(): number {
    return this.record("float", [], () => super.float());
  }
  override int(n: number): number {
    return this.record("int", [n], () => super.int(n));
  }
  override subMillisecond(): number {
    return this.record("subMillisecond", [], () => super.subMillisecond());
  }
  override pick<T>(items: readonly T[]): T {
    return this.record("pick", [items], () => super.pick(items));
  }
  override string(alphabet: string, length: number): string {
    return this.record("string", [alphabet, length], () => super.string(alphabet, length));
  }
  override hex(length: number): string {
    return this.record("hex", [length], () => super.hex(length));
  }
  override uuid(): string {
    return this.record("uuid", [], () => super.uuid());
  }
}

function replay(r: Random, d: Draw): unknown {
  switch (d.method) {
    case "uint32":
      return r.uint32();
    case "float":
      return r.float();
    case "int":
      return r.int(d.args[0] as number);
    case "subMillisecond":
      return r.subMillisecond();
    case "pick":
      return r.pick(d.args[0] as unknown[]);
    case "string":
      return r.string(d.args[0] as string, d.args[1] as number);
    case "hex":
      return r.hex(d.args[0] as number);
    case "uuid":
      return r.uuid();
  }
}

/** Draws whose value is an identifier that ends up in the state as text. */
const IDENTITY_DRAWS = new Set<DrawMethod>(["string", "hex", "uuid"]);

// ------------------------------------------------------------------------------- the data model's times

/** How a time-valued leaf moves with the start. */
type TimeKind =
  /** Milliseconds since the epoch. */
  | "ms"
  /** An RFC 3339 string (Time, MicroTime, and the engine's nanosecond annotations). */
  | "time"
  /** A heartbeat's phase within its period (the sibling periodMs). */
  | "phase"
  /** A heartbeat's phase within the idle grid. */
  | "grid-phase"
  /** An etcd member's id generator (its start time in the high bits). */
  | "id-suffix"
  /** An API object stored as JSON text. */
  | "object";

interface ShapeMap {
  readonly [key: string]: Shape;
}
type Shape = TimeKind | ShapeMap;

const MS = "ms";
const CONTAINER_RUNTIME: ShapeMap = { startedAt: MS, finishedAt: MS, last: { startedAt: MS, finishedAt: MS }, extraLogs: { "*": { at: MS } } };

/** Time-valued annotations the engine writes (annotations are plain strings to the schema). */
const TIME_ANNOTATIONS = ["kubernetes.io/config.seen", "endpoints.kubernetes.io/last-change-trigger-time", "kubectl.kubernetes.io/restartedAt"];

const typeShapes = new Map<string, Shape | undefined>();

/** The time fields of an API type, from the schema `kubectl explain` serves. */
function schemaShape(type: string): Shape | undefined {
  if (type === "Time" || type === "MicroTime") return "time";
  if (type.startsWith("[]")) {
    const el = schemaShape(type.slice(2));
    return el && { "*": el };
  }
  if (type.startsWith("map[string]")) {
    const el = schemaShape(type.slice("map[string]".length));
    return el && { "*": el };
  }
  if (typeShapes.has(type)) return typeShapes.get(type);
  const def = EXPLAIN_TYPES[type];
  typeShapes.set(type, undefined); // a type met again while being built contributes nothing
  if (!def) return undefined;
  const out: Record<string, Shape> = {};
  for (const [name, field] of Object.entries(def.f)) {
    const shape = schemaShape(field.t);
    if (shape) out[name] = shape;
  }
  if (type === "ObjectMeta") out.annotations = Object.fromEntries(TIME_ANNOTATIONS.map((a) => [a, "time"]));
  const shape = Object.keys(out).length > 0 ? out : undefined;
  typeShapes.set(type, shape);
  return shape;
}

function objectShape(kind: unknown): Shape | undefined {
  const shape = typeof kind === "string" ? schemaShape(kind) : undefined;
  if (shape) return shape;
  const meta = schemaShape("ObjectMeta");
  return meta && { metadata: meta };
}

/** The time fields of the engine's own state (what each component keeps, see their *State types). */
const STORE_SHAPE: ShapeMap = {
  members: { "*": { idSuffix: "id-suffix" } },
  leases: { "*": { expiry: MS } },
  // keys: [key, [[mod, sub, create, version, value, lease?] | [mod, sub]]]
  keys: { "*": { "1": { "*": { "4": "object" } } } },
};

const CORE_SHAPE: ShapeMap = {
  clock: { now: MS, timers: { "*": { at: MS, payload: { phaseMs: "phase", gridPhaseMs: "grid-phase" } } } },
  trace: { entries: { "*": { at: MS } } },
  components: {
    activity: { last: MS, beats: { "*": MS } },
    eventLease: { grantedAt: MS },
    nodeHealth: { "*": { renewTime: MS, probe: MS } },
    requeues: { "*": MS },
    scheduler: { decisions: { "*": { at: MS } }, unschedulable: { "*": MS } },
    kubelets: { "*": { pods: { "*": { admittedAt: MS, startedAt: MS, containers: { "*": CONTAINER_RUNTIME } } }, statics: { pods: { "*": { pod: "object" } } } } },
  },
};

/** A machine apart from its files (those are layered, see hosts/layered-fs.ts). */
const HOST_SHAPE: ShapeMap = {
  units: { "*": { since: MS, loadedAt: MS, journal: { "*": { at: MS } } } },
  lastLogins: { "*": { at: MS } },
};

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;


const mod = (a: number, m: number) => ((a % m) + m) % m;
const DAY_MS = 86_400_000;
const ID_SUFFIX_SPACE = 2 ** 48;

// ------------------------------------------------------------------------------- compiling a state

type Slot =
  | { kind: "ms" | "grid-phase"; base: number }
  | { kind: "phase"; base: number; period: number }
  | { kind: "id-suffix"; base: number }
  | { kind: "time"; time: number }
  | { kind: "token"; token: number };

/** JSON text with holes: parts[0] slot[0] parts[1] ... */
interface TextTemplate {
  parts: string[];
  slots: Slot[];
}

// Markers stand for slots while a state is serialised; they are private-use characters, which
// JSON.stringify leaves alone at any depth of nesting. A value slot replaces a whole number.
const IN_TEXT = "\uE000";
const WHOLE_VALUE = "\uE002";
const END = "\uE001";
const MARKERS = /[\uE000-\uE002]/;

function isIdChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

class NotTemplatable extends Error {}

/** Turns a state into a text template, recording where identities and times are. */
class Compiler {
  readonly slots: Slot[] = [];
  /** Distinct RFC 3339 times (many objects share one), each shifted once per sandbox. */
  readonly times: { at: Millis; rest: string }[] = [];
  private readonly timeIndex = new Map<string, number>();

  constructor(
    /** Recorded identities by their text; a 5-character name suffix only counts after "-" (generateName). */
    private readonly tokens: ReadonlyMap<string, number>,
    /** The window of times the run produced: a time outside it came with the environment. */
    private readonly window: [Millis, Millis],
  ) {}

  private slot(s: Slot): number {
    this.slots.push(s);
    return this.slots.length - 1;
  }

  /** A string with its identities replaced by markers. */
  text(s: string): string {
    if (MARKERS.test(s)) throw new NotTemplatable("marker characters in the state");
    let out = "";
    let copied = 0;
    let i = 0;
    const n = s.length;
    while (i < n) {
      if (!isIdChar(s.charCodeAt(i))) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && isIdChar(s.charCodeAt(j))) j++;
      let end = -1;
      let token = this.tokens.get(s.slice(i, j));
      if (token !== undefined && (j - i !== 5 || (i > 0 && s[i - 1] === "-"))) end = j;
      else if (j - i === 8 && s[j] === "-" && i + 36 <= n && (i + 36 === n || !isIdChar(s.charCodeAt(i + 36)))) {
        token = this.tokens.get(s.slice(i, i + 36));
        if (token !== undefined) end = i + 36;
      }
      if (end < 0) {
        i = j;
        continue;
      }
      out += s.slice(copied, i) + IN_TEXT + this.slot({ kind: "token", token: token! }) + END;
      copied = i = end;
    }
    return copied === 0 ? s : out + s.slice(copied);
  }

  private timeLeaf(kind: TimeKind, value: unknown, parent: Record<string, unknown>): unknown {
    if (kind === "object") {
      if (value !== null && typeof value === "object") return this.value(value, objectShape((value as { kind?: unknown }).kind));
      if (typeof value !== "string") return this.value(value, undefined);
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        return this.text(value);
      }
      if (JSON.stringify(parsed) !== value) throw new NotTemplatable("a stored value that is not canonical JSON");
      return JSON.stringify(this.value(parsed, objectShape((parsed as { kind?: unknown } | null)?.kind)));
    }
    if (kind === "time") {
      if (typeof value !== "string" || !RFC3339.test(value)) return this.value(value, undefined);
      const at = Date.parse(`${value.slice(0, 19)}Z`);
      if (at < this.window[0] || at > this.window[1]) return value;
      let time = this.timeIndex.get(value);
      if (time === undefined) {
        time = this.times.push({ at, rest: value.slice(19) }) - 1;
        this.timeIndex.set(value, time);
      }
      return IN_TEXT + this.slot({ kind: "time", time }) + END;
    }
    if (typeof value !== "number") return this.value(value, undefined);
    if (kind === "ms" && (value < this.window[0] || value > this.window[1])) return value;
    if (kind === "phase") return WHOLE_VALUE + this.slot({ kind, base: value, period: parent.periodMs as number }) + END;
    return WHOLE_VALUE + this.slot({ kind, base: value }) + END;
  }

  /** A copy of `value` with markers for its identities and, following `shape`, its times. */
  value(value: unknown, shape: Shape | undefined): unknown {
    if (typeof value === "string") return this.text(value);
    if (value === null || typeof value !== "object") return value;
    const map = typeof shape === "object" ? shape : undefined;
    if (Array.isArray(value)) {
      return value.map((v, i) => {
        const s = map?.[String(i)] ?? map?.["*"];
        return typeof s === "string" ? this.timeLeaf(s, v, value as unknown as Record<string, unknown>) : this.value(v, s);
      });
    }
    const out: Record<string, unknown> = {};
    const obj = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      const s = map?.[k] ?? map?.["*"];
      out[this.text(k)] = typeof s === "string" ? this.timeLeaf(s, v, obj) : this.value(v, s);
    }
    return out;
  }

  /** Serialises a marked value and cuts it at its markers. */
  template(marked: unknown): TextTemplate {
    const json = JSON.stringify(marked);
    const parts: string[] = [];
    const slots: Slot[] = [];
    let from = 0;
    for (;;) {
      let at = json.indexOf(IN_TEXT, from);
      const whole = json.indexOf(WHOLE_VALUE, from);
      const isWhole = whole >= 0 && (at < 0 || whole < at);
      if (isWhole) at = whole;
      if (at < 0) break;
      const end = json.indexOf(END, at);
      // A whole-value marker stands for a number: the quotes around it go too.
      parts.push(json.slice(from, isWhole ? at - 1 : at));
      slots.push(this.slots[Number(json.slice(at + 1, end))]!);
      from = isWhole ? end + 2 : end + 1;
    }
    parts.push(json.slice(from));
    return { parts, slots };
  }
}

// ------------------------------------------------------------------------------- templates

export interface TemplateState {
  store: EtcdStoreState;
  core: ClusterCoreState;
  hosts: Record<string, HostState>;
}

/** What a derived sandbox is made of; the sandbox module turns it into a Sandbox. */
export interface DerivedState extends TemplateState {
  seed: number;
}

interface Token {
  /** Index of the draw it comes from. */
  draw: number;
  kind: "draw" | "event" | "lease";
  text: string;
}

class Template {
  private readonly state: TextTemplate;
  private readonly hostExtras: TextTemplate;
  private readonly tokens: Token[];
  /** Draws that steer the simulation: they must replay to the same value. */
  private readonly steering: number[];

  private constructor(
    private readonly draws: Draw[],
    tokens: Token[],
    state: TextTemplate,
    hostExtras: TextTemplate,
    private readonly bases: Record<string, FsBase>,
    /** When the members' id generators started (the run's first instant). */
    private readonly origin: Millis,
    private readonly times: { at: Millis; rest: string }[],
  ) {
    this.tokens = tokens;
    this.state = state;
    this.hostExtras = hostExtras;
    this.steering = draws.flatMap((d, i) => (IDENTITY_DRAWS.has(d.method) || d.method === "subMillisecond" ? [] : [i]));
  }

  /** Compiles a run (its state at TEMPLATE_BASE and its recorded draws). */
  static compile(env: EnvironmentSpec, state: TemplateState, draws: Draw[], origin: Millis): Template {
    const tokens: Token[] = [];
    draws.forEach((d, i) => {
      if (IDENTITY_DRAWS.has(d.method)) tokens.push({ draw: i, kind: "draw", text: d.result as string });
      else if (d.method === "subMillisecond") tokens.push({ draw: i, kind: "event", text: eventNanos(d.at, d.result as number) });
    });
    for (const m of state.store.members) {
      const used = mod(m.idSuffix - initialIdSuffix(origin), ID_SUFFIX_SPACE);
      if (used > 1 << 24) throw new NotTemplatable(`etcd member ${m.name} restarted during the bootstrap`);
    }
    const leases = new Set<string>(state.store.leases.map((l) => l.id));
    const eventLease = (state.core.components.eventLease as { id?: string } | undefined)?.id;
    if (eventLease) leases.add(eventLease);
    for (const id of leases) tokens.push({ draw: -1, kind: "lease", text: id });
    const byText = new Map<string, number>();
    tokens.forEach((t, i) => {
      // Two draws with the same text could not be told apart.
      if (byText.has(t.text)) throw new NotTemplatable("two identities with the same text");
      byText.set(t.text, i);
    });
    // Times the run made lie between its start and its end (a deletion can be due a little
    // later); a time far outside came with the environment's own objects and stays as it is.
    const compiler = new Compiler(byText, [origin - DAY_MS, TEMPLATE_BASE + DAY_MS]);
    const marked = { store: compiler.value(state.store, STORE_SHAPE), core: compiler.value(state.core, CORE_SHAPE) };
    const stateTemplate = compiler.template(marked);
    const extras: Record<string, unknown> = {};
    const bases: Record<string, FsBase> = {};
    for (const [name, host] of Object.entries(state.hosts)) {
      if (host.docker) throw new NotTemplatable("Docker hosts");
      const before = compiler.slots.length;
      const fs = host.fs;
      for (const [path, node] of Object.entries(fs)) {
        compiler.text(path);
        if (node.type === "file") compiler.text(node.content);
        if (node.type === "symlink") compiler.text(node.target);
      }
      if (compiler.slots.length !== before) throw new NotTemplatable("random identities in host files");
      // fs keeps its place among the fields (it is filled in with the layered file system).
      extras[name] = compiler.value({ ...host, fs: null }, HOST_SHAPE);
      const shared = baseFileSystems(env)[name];
      bases[name] = shared && sameFiles(shared, fs) ? shared : fsBase(fs);
    }
    return new Template(draws, tokens, stateTemplate, compiler.template(extras), bases, origin, compiler.times);
  }

  /** The state of the sandbox with `seed` starting at `start` (whole seconds), or undefined when its draws steer elsewhere. */
  derive(seed: number, start: Millis): DerivedState | undefined {
    const by = start - TEMPLATE_BASE;
    const random = new Random(seed);
    const values = this.draws.map((d) => replay(random, d));
    for (const i of this.steering) if (values[i] !== this.draws[i]!.result) return undefined;
    const idShift = initialIdSuffix(this.origin + by) - initialIdSuffix(this.origin);
    const texts = this.tokens.map((t) => {
      if (t.kind === "draw") return values[t.draw] as string;
      if (t.kind === "event") return eventNanos(this.draws[t.draw]!.at + by, values[t.draw] as number);
      const suffix = mod(parseInt(t.text.slice(4), 16) + idShift, ID_SUFFIX_SPACE);
      return t.text.slice(0, 4) + suffix.toString(16).padStart(12, "0");
    });
    // Distinct identities must stay distinct (two equal generated names would have collided),
    // and keep their length (the store's sizes count bytes).
    if (new Set(texts).size !== texts.length || texts.some((t, i) => t.length !== this.tokens[i]!.text.length)) return undefined;
    // An RFC 3339 time moved by whole seconds: the fraction, at any precision, stays.
    const times = this.times.map((t) => new Date(t.at + by).toISOString().slice(0, 19) + t.rest);
    const fill = (slot: Slot): string => {
      switch (slot.kind) {
        case "token":
          return texts[slot.token]!;
        case "ms":
          return String(slot.base + by);
        case "time":
          return times[slot.time]!;
        case "phase":
          return String(mod(slot.base + by, slot.period));
        case "grid-phase":
          return String(mod(slot.base + by, GRID_MS));
        case "id-suffix":
          return String(mod(slot.base + idShift, ID_SUFFIX_SPACE));
      }
    };
    const { store, core } = JSON.parse(instantiate(this.state, fill)) as { store: EtcdStoreState; core: ClusterCoreState };
    core.random = random.state();
    const hosts = JSON.parse(instantiate(this.hostExtras, fill)) as Record<string, HostState>;
    for (const [name, host] of Object.entries(hosts)) host.fs = layeredFs(this.bases[name]!, by);
    return { seed, store, core, hosts };
  }
}

function sameFiles(base: FsBase, fs: Record<string, FsNode>): boolean {
  const paths = Object.keys(fs);
  if (paths.length !== base.keys.length) return false;
  return paths.every((p, i) => base.keys[i] === p && JSON.stringify(base.nodes.get(p)) === JSON.stringify(fs[p]));
}

function eventNanos(at: Millis, sub: number): string {
  return (BigInt(at) * 1_000_000n + BigInt(sub)).toString(16);
}

function instantiate(t: TextTemplate, fill: (slot: Slot) => string): string {
  let out = t.parts[0]!;
  for (let i = 0; i < t.slots.length; i++) out += fill(t.slots[i]!) + t.parts[i + 1]!;
  return out;
}

// ------------------------------------------------------------------------------- per environment

/** Builds the state of a simulated run: the sandbox module supplies its simulation. */
export type Simulate = (seed: number, start: Millis, random: RecordingRandom) => TemplateState;

interface EnvironmentTemplates {
  templates: Template[];
  /** Something in this environment cannot be derived: always simulate. */
  unsupported?: boolean;
}

const cache = new Map<string, EnvironmentTemplates>();

/** Whether sandboxes of this environment are derived from templates at all. */
export function templatable(env: EnvironmentSpec): boolean {
  return env.nodes.length > 0 && env.nodes.length + (env.machines?.length ?? 0) <= MAX_TEMPLATE_MACHINES;
}

function entryFor(env: EnvironmentSpec): EnvironmentTemplates {
  const key = JSON.stringify(env);
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key); // most recently used last
  } else {
    entry = { templates: [] };
    if (cache.size >= ENVIRONMENTS_KEPT) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, entry);
  return entry;
}

function build(env: EnvironmentSpec, seed: number, simulate: Simulate): Template {
  const random = new RecordingRandom(seed);
  const state = simulate(seed, TEMPLATE_BASE, random);
  return Template.compile(env, state, random.draws, TEMPLATE_BASE - env.ageMs);
}

/**
 * The state of a sandbox of `env` with `seed`, built at `start` (whole seconds), derived from
 * the environment's templates; undefined when it has to be simulated instead.
 */
export function deriveState(env: EnvironmentSpec, seed: number, start: Millis, simulate: Simulate): DerivedState | undefined {
  if (!templatable(env) || start % 1000 !== 0 || start < DERIVABLE_STARTS[0] || start > DERIVABLE_STARTS[1]) return undefined;
  const entry = entryFor(env);
  if (entry.unsupported) return undefined;
  try {
    if (entry.templates.length === 0) entry.templates.push(build(env, TEMPLATE_SEED, simulate));
    for (const t of entry.templates) {
      const state = t.derive(seed, start);
      if (state) return state;
    }
  } catch (error) {
    if (!(error instanceof NotTemplatable)) throw error;
    entry.unsupported = true;
    return undefined;
  }
  // This seed's tie-breaks go another way: its own run becomes a template for the seeds that
  // go the same way, unless the environment has as many as it may keep (then its draws are
  // too varied for templates to pay off, and the seed is simply simulated).
  if (entry.templates.length >= TEMPLATES_PER_ENVIRONMENT) return undefined;
  let own: Template;
  try {
    own = build(env, seed, simulate);
  } catch (error) {
    if (!(error instanceof NotTemplatable)) throw error;
    return undefined;
  }
  entry.templates.push(own);
  return own.derive(seed, start);
}

/** How many templates an environment has (for tests). */
export function templateCount(env: EnvironmentSpec): number {
  return cache.get(JSON.stringify(env))?.templates.length ?? 0;
}

/** Forgets every template (for tests). */
export function clearTemplates() {
  cache.clear();
  baseCache.clear();
}

// ------------------------------------------------------------------------------- shared base files

const baseCache = new Map<string, Record<string, FsBase>>();

/**
 * The file systems an environment's machines start with, built once per process (at
 * TEMPLATE_BASE; each sandbox has its own offset from it). Docker ids drawn for data-centre
 * machines make some of their files differ per sandbox: those are simply not shared.
 */
export function baseFileSystems(env: EnvironmentSpec): Record<string, FsBase> {
  const key = JSON.stringify(env);
  let bases = baseCache.get(key);
  if (!bases) {
    bases = {};
    for (const [name, host] of Object.entries(environmentHosts(env, TEMPLATE_BASE - env.ageMs, new Random(0)))) bases[name] = fsBase(host.fs);
    if (baseCache.size >= ENVIRONMENTS_KEPT) baseCache.delete(baseCache.keys().next().value!);
  } else {
    baseCache.delete(key);
  }
  baseCache.set(key, bases);
  return bases;
}

/**
 * Copies of restored machines: their files share what is unchanged with the environment's base
 * (nothing of `hosts` is kept).
 */
export function restoreHosts(env: EnvironmentSpec, hosts: Record<string, HostState>): Record<string, HostState> {
  const bases = env.nodes.length + (env.machines?.length ?? 0) > MAX_TEMPLATE_MACHINES ? {} : baseFileSystems(env);
  const out: Record<string, HostState> = {};
  for (const [name, host] of Object.entries(hosts)) {
    const base = bases[name];
    // fs keeps its place among the fields.
    const copy = JSON.parse(JSON.stringify({ ...host, fs: null })) as HostState;
    copy.fs = base ? shareFs(host.fs, base, true) : (JSON.parse(JSON.stringify(host.fs)) as HostState["fs"]);
    out[name] = copy;
  }
  return out;
}

/** Lets plain machine file systems share what is unchanged with the environment's base (in place). */
export function shareHosts(env: EnvironmentSpec, hosts: Record<string, HostState>) {
  if (env.nodes.length + (env.machines?.length ?? 0) > MAX_TEMPLATE_MACHINES) return;
  const bases = baseFileSystems(env);
  for (const [name, host] of Object.entries(hosts)) {
    const base = bases[name];
    if (base && ownedNodes(host.fs) === undefined) host.fs = shareFs(host.fs, base);
  }
}
