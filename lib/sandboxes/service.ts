import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { CONTROL_PREFIX, Sandbox, type SandboxSnapshot } from "@/lib/engine/sandbox";
import type { ExecResult } from "@/lib/engine/shell";
import { isUniqueViolation } from "@/lib/db/errors";
import * as store from "./store";
import { runEntry } from "./run-entry";

// The live sandboxes of this server: a bounded LRU of engines in memory, with their truth in the
// database (seed, start time, command log, snapshots). A sandbox not in memory is rebuilt from
// its latest snapshot and the commands after it; a server restart loses nothing.

/**
 * Whether `error` is a SandboxError. The service is one per process (on globalThis), but the
 * app's bundles each carry their own copy of this module: its errors are known by name.
 */
export function isSandboxError(error: unknown): error is SandboxError {
  return error instanceof Error && error.name === "SandboxError" && typeof (error as { status?: unknown }).status === "number";
}

export class SandboxError extends Error {
  override readonly name = "SandboxError";

  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 429,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface SandboxServiceOptions {
  /** Most sandboxes kept in memory. */
  maxLive?: number;
  /** A snapshot is stored every this many commands. */
  snapshotEvery?: number;
  /** Most open sandboxes per user. */
  maxPerUser?: number;
  /** Commands per user: a token bucket of this size, refilled at `ratePerSecond`. */
  burst?: number;
  ratePerSecond?: number;
  /** Wall clock in ms (tests pass their own). */
  now?: () => number;
  /** Builds the sandbox for a lab (undefined: the default cluster). */
  build?: (labId: string | null, seed: number, startTime: number) => Sandbox;
  /** Lab ids that exist. */
  labExists?: (labId: string) => boolean;
  /** Told about what happens to sandboxes (lab attempts are recorded this way). */
  hooks?: SandboxHooks;
}

/** What a hook sees: the sandbox exactly as the event left it, and the service's clock. */
export interface SandboxHookContext {
  row: store.SandboxRow;
  sandbox: Sandbox;
  /** The seq of the last logged entry (0 before the first). */
  seq: number;
  /** The service's wall clock at the event. */
  at: Date;
}

/**
 * Hooks run inside the sandbox's queue, so no other entry runs while they do. A failing hook is
 * logged; the learner's command has run and is logged either way.
 */
export interface SandboxHooks {
  /** A new sandbox, before its first entry. */
  created?(ctx: SandboxHookContext): Promise<void>;
  /** After each logged entry (`seq` is the entry's). */
  executed?(ctx: SandboxHookContext & { command: string; result: ExecResult }): Promise<void>;
  /** The sandbox was brought up to the wall clock without an entry (a page or a stream looked). */
  advanced?(ctx: SandboxHookContext): Promise<void>;
  /** The sandbox was closed (a reset). */
  closed?(ctx: Omit<SandboxHookContext, "sandbox">): Promise<void>;
}

export const MAX_COMMAND_BYTES = 64 * 1024;
/** What the editor may save in one go. */
export const MAX_FILE_BYTES = 1024 * 1024;

interface Live {
  sandbox: Sandbox;
  row: store.SandboxRow;
  seq: number;
  /** Commands run since the last snapshot. */
  sinceSnapshot: number;
  /** When this server last wrote the sandbox's lastUsedAt (wall clock). */
  touchedAt?: number;
}

/** lastUsedAt is kept to the minute: "last active" needs no more, and a write per command costs. */
const TOUCH_EVERY_MS = 60_000;
/** Forgetting which sandboxes are shared only costs a reload each. */
const MAX_SHARED_KNOWN = 100_000;

export class SandboxService {
  private live = new Map<string, Live>();
  /**
   * Sandboxes another server has logged commands for while this one held a copy: their copies
   * look for newer commands before each command runs. Others learn of a writer elsewhere from
   * the conflict on the next sequence number, which costs a reload but no query per command.
   */
  private shared = new Set<string>();
  /** The last snapshot queued (they are taken one after another), and how many are pending. */
  private snapshots: Promise<void> = Promise.resolve();
  private pendingSnapshots = 0;
  private queues = new Map<string, Promise<unknown>>();
  private buckets = new Map<string, { tokens: number; at: number }>();
  private readonly maxLive: number;
  private readonly snapshotEvery: number;
  private readonly maxPerUser: number;
  private readonly burst: number;
  private readonly ratePerSecond: number;
  private readonly now: () => number;
  private readonly build: (labId: string | null, seed: number, startTime: number) => Sandbox;
  private readonly labExists: (labId: string) => boolean;
  private readonly hooks: SandboxHooks;

  constructor(
    private readonly db: PrismaClient,
    options: SandboxServiceOptions = {},
  ) {
    this.maxLive = options.maxLive ?? 200;
    this.snapshotEvery = options.snapshotEvery ?? 20;
    this.maxPerUser = options.maxPerUser ?? 10;
    this.burst = options.burst ?? 20;
    this.ratePerSecond = options.ratePerSecond ?? 5;
    this.now = options.now ?? (() => Date.now());
    this.build = options.build ?? ((_lab, seed, startTime) => Sandbox.create({ seed, startTime }));
    this.labExists = options.labExists ?? (() => false);
    this.hooks = options.hooks ?? {};
  }

  private async runHook(name: keyof SandboxHooks, run: (() => Promise<void> | undefined) | undefined) {
    try {
      await run?.();
    } catch (error) {
      console.error(`sandbox hook "${name}" failed:`, error);
    }
  }

  /** Runs `fn` after everything already queued for this sandbox: one command at a time. */
  private serial<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const settled = next.catch(() => undefined);
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }

  private remember(id: string, live: Live) {
    this.live.delete(id);
    this.live.set(id, live);
    while (this.live.size > this.maxLive) {
      const oldest = this.live.keys().next().value as string;
      this.live.delete(oldest);
    }
  }

  /** Takes a token from the learner's bucket on this server; returns the tokens left. */
  private takeToken(ownerId: string): number {
    const now = this.now();
    const bucket = this.buckets.get(ownerId) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(ownerId, bucket);
      throw new SandboxError(429, "Too many commands; slow down a little.", Math.ceil((1 - bucket.tokens) / this.ratePerSecond));
    }
    bucket.tokens -= 1;
    this.buckets.set(ownerId, bucket);
    return bucket.tokens;
  }

  /**
   * The same limit, counted in the database over every server: a learner whose requests are
   * spread over several servers gets no more than `burst` commands in `burst / ratePerSecond`
   * seconds. The command log itself is the count (refused commands are not logged). Asked only
   * once this server's own bucket is half empty: a learner typing at a human pace never costs
   * the query, and one spreading a flood over two servers meets the shared count in time.
   */
  private async checkSharedRate(ownerId: string) {
    const windowMs = (this.burst / this.ratePerSecond) * 1000;
    const now = this.now();
    const recent = await store.recentCommandTimes(this.db, ownerId, new Date(now - windowMs), this.burst);
    if (recent.length < this.burst) return;
    const oldest = recent[recent.length - 1]!.getTime();
    throw new SandboxError(429, "Too many commands; slow down a little.", Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)));
  }

  async create(ownerId: string, labId: string | null = null): Promise<{ id: string }> {
    if (labId !== null && !this.labExists(labId)) throw new SandboxError(404, `No lab named "${labId}".`);
    if ((await store.countOpenSandboxes(this.db, ownerId)) >= this.maxPerUser) {
      throw new SandboxError(429, `You already have ${this.maxPerUser} open sandboxes; reset or close one first.`);
    }
    const id = randomBytes(16).toString("base64url");
    const row: store.SandboxRow = { id, ownerId, labId, seed: randomInt(1, 2 ** 31 - 1), startTime: this.now() };
    const sandbox = this.build(labId, row.seed, row.startTime);
    await store.insertSandbox(this.db, row);
    this.remember(id, { sandbox, row, seq: 0, sinceSnapshot: this.snapshotPhase(id) });
    await this.serial(id, () => this.runHook("created", () => this.hooks.created?.({ row, sandbox, seq: 0, at: new Date(this.now()) })));
    return { id };
  }

  /** The sandbox if it exists and belongs to `ownerId` (403 otherwise; 404 when unknown). */
  private async authorize(id: string, ownerId: string): Promise<store.SandboxRow> {
    const cached = this.live.get(id);
    if (cached?.row.ownerId === ownerId) return cached.row;
    // A cached owner can be stale: signing in moves an anonymous learner's sandboxes to the
    // account (possibly through another server), so a mismatch asks the database.
    const row = await store.findSandbox(this.db, id);
    if (!row) throw new SandboxError(404, "No such sandbox.");
    if (row.ownerId !== ownerId) throw new SandboxError(403, "This sandbox belongs to someone else.");
    if (cached) cached.row.ownerId = row.ownerId;
    return cached?.row ?? row;
  }

  /** Loads a sandbox into memory: latest snapshot, then the commands logged after it. */
  private async load(row: store.SandboxRow): Promise<Live> {
    const cached = this.live.get(row.id);
    if (cached) {
      this.remember(row.id, cached);
      return cached;
    }
    const snapshot = await store.latestSnapshot(this.db, row.id);
    const sandbox = snapshot ? Sandbox.restore(JSON.parse(snapshot.state) as SandboxSnapshot) : this.build(row.labId, row.seed, row.startTime);
    let seq = snapshot?.seq ?? 0;
    for (const c of await store.commandsAfter(this.db, row.id, seq)) {
      sandbox.advanceTo(c.virtualTime);
      runEntry(sandbox, c.command);
      seq = c.seq;
    }
    const live: Live = { sandbox, row, seq, sinceSnapshot: this.snapshotPhase(row.id) };
    this.remember(row.id, live);
    return live;
  }

  /** Brings the sandbox's clock up to the wall clock (never backwards: sleep may have run ahead). */
  private catchUp(live: Live) {
    const now = this.now();
    if (now > live.sandbox.now()) live.sandbox.advanceTo(now);
  }

  /**
   * Runs one terminal entry: a typed line, or a control action (see controlEntry in the
   * engine) such as Ctrl-C or saving the editor. Entries are logged as given.
   */
  async exec(id: string, ownerId: string, command: string): Promise<ExecResult & { seq: number }> {
    const control = command.startsWith(CONTROL_PREFIX);
    const limit = control ? MAX_FILE_BYTES : MAX_COMMAND_BYTES;
    if (Buffer.byteLength(command, "utf8") > limit) {
      throw new SandboxError(413, control ? `A file may be at most ${limit / 1024 / 1024} MB.` : `A command may be at most ${limit / 1024} kB.`);
    }
    const row = await this.authorize(id, ownerId);
    if (this.takeToken(ownerId) <= this.burst / 2) await this.checkSharedRate(ownerId);
    return this.serial(id, async () => {
      for (let attempt = 0; ; attempt++) {
        const live = this.shared.has(id) ? await this.current(row) : await this.load(row);
        this.catchUp(live);
        const virtualTime = live.sandbox.now();
        const result = runEntry(live.sandbox, command);
        const seq = live.seq + 1;
        try {
          await store.appendCommand(this.db, id, { seq, command, output: result.output, exitCode: result.exitCode, virtualTime }, new Date(this.now()));
        } catch (error) {
          // Another server logged this sequence number first: our engine ran ahead of the log,
          // so it is rebuilt from the log (their command included) and ours runs after it.
          if (!isUniqueViolation(error) || attempt >= 3) throw error;
          this.live.delete(id);
          if (this.shared.size >= MAX_SHARED_KNOWN) this.shared.clear();
          this.shared.add(id);
          continue;
        }
        const answer = await this.afterAppend(live, id, seq, result);
        await this.runHook("executed", () => this.hooks.executed?.({ row: live.row, sandbox: live.sandbox, seq, at: new Date(this.now()), command, result }));
        return answer;
      }
    });
  }

  /**
   * The sandbox with every logged command applied, also those another server logged since this
   * one last looked. A copy whose clock already passed such a command's time (it was brought up
   * to the wall clock meanwhile) would run it later than its server did, so it is rebuilt from
   * the log instead: every server's copy equals the log replayed from the start.
   */
  private async current(row: store.SandboxRow): Promise<Live> {
    const live = await this.load(row);
    const newer = await store.commandsAfter(this.db, row.id, live.seq);
    if (newer.length > 0 && newer[0]!.virtualTime < live.sandbox.now()) {
      this.live.delete(row.id);
      return this.load(row);
    }
    for (const c of newer) {
      live.sandbox.advanceTo(c.virtualTime);
      runEntry(live.sandbox, c.command);
      live.seq = c.seq;
    }
    return live;
  }

  private async afterAppend(live: Live, id: string, seq: number, result: ExecResult): Promise<ExecResult & { seq: number }> {
    {
      live.seq = seq;
      live.sinceSnapshot++;
      if (live.sinceSnapshot >= this.snapshotEvery) {
        live.sinceSnapshot = 0;
        this.queueSnapshot(id, live);
      }
      const now = this.now();
      if (live.touchedAt === undefined || now - live.touchedAt >= TOUCH_EVERY_MS) {
        live.touchedAt = now;
        await store.touchSandbox(this.db, id);
      }
      return { ...result, seq };
    }
  }

  /**
   * Where in its snapshot cycle a sandbox starts: spread by its id, so that a class starting
   * together does not reach its snapshots on the same command.
   */
  private snapshotPhase(id: string): number {
    let hash = 0;
    for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
    return hash % this.snapshotEvery;
  }

  /**
   * Snapshots are taken one at a time, after the answer went out, with the event loop free in
   * between: many sandboxes reaching their turn together must not stall every request. Each is
   * taken in its sandbox's queue, between two commands, so it holds the state after `live.seq`.
   */
  private queueSnapshot(id: string, live: Live) {
    const task = this.snapshots
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() =>
        this.serial(id, async () => {
          if (this.live.get(id) !== live) return;
          await store.saveSnapshot(this.db, id, live.seq, JSON.stringify(live.sandbox.snapshot()));
        }),
      )
      .catch((error: unknown) => console.error(`snapshot of sandbox ${id} failed:`, error));
    this.snapshots = task;
    this.pendingSnapshots++;
    void task.then(() => this.pendingSnapshots--);
  }

  /** The sandbox engine, caught up to now (for the diagram, grading and the terminal's prompt). */
  async open(id: string, ownerId: string, options: { history?: boolean } = {}): Promise<{ sandbox: Sandbox; row: store.SandboxRow; seq: number; history: store.CommandRow[] }> {
    const row = await this.authorize(id, ownerId);
    return this.serial(id, async () => {
      const live = await this.current(row);
      this.catchUp(live);
      await this.runHook("advanced", () => this.hooks.advanced?.({ row, sandbox: live.sandbox, seq: live.seq, at: new Date(this.now()) }));
      return { sandbox: live.sandbox, row, seq: live.seq, history: options.history ? await store.commandsAfter(this.db, id, 0) : [] };
    });
  }

  /**
   * Reads a sandbox as it stands, for answers that must not change it (tab completion): its
   * clock stays where it is, nothing is logged, and no hook runs.
   */
  async inspect<T>(id: string, ownerId: string, read: (sandbox: Sandbox) => T): Promise<T> {
    const row = await this.authorize(id, ownerId);
    return this.serial(id, async () => read((await this.load(row)).sandbox));
  }

  /** Closes a sandbox (reset starts a fresh one). */
  async close(id: string, ownerId: string) {
    const row = await this.authorize(id, ownerId);
    await this.serial(id, async () => {
      await store.closeSandbox(this.db, id);
      this.live.delete(id);
      const seq = await store.lastSeq(this.db, id);
      await this.runHook("closed", () => this.hooks.closed?.({ row, seq, at: new Date(this.now()) }));
    });
  }

  /** Resolves once every queued piece of work (commands, snapshots, hooks) has finished. */
  async settle() {
    while (this.queues.size > 0 || this.pendingSnapshots > 0) await Promise.all([...this.queues.values(), this.snapshots]);
  }

  /** Forgets every live engine (as a restart would); the database keeps everything. */
  evictAll() {
    this.live.clear();
  }
}
