// Virtual time and a discrete-event timer queue. Nothing runs between requests: the sandbox
// advances the clock to "now" and runs, in order, the timers that fell due. Timers are data
// (a kind and a JSON payload), so the queue snapshots and restores with the rest of the state.

/** Milliseconds since the Unix epoch, in the sandbox's own time. */
export type Millis = number;

export interface Timer {
  /** When it fires. */
  at: Millis;
  /** Insertion order: ties at the same instant fire first-in, first-out. */
  seq: number;
  /** Which handler runs it (registered by the component that owns the kind). */
  kind: string;
  /** Handler input; must be JSON data. */
  payload: unknown;
  /** The trace entry this timer continues (what caused it), if any. */
  cause?: number;
}

export interface ClockState {
  now: Millis;
  seq: number;
  timers: Timer[];
}

export interface ReadonlyClock {
  now(): Millis;
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** A binary min-heap of timers ordered by (at, seq). */
export class Clock implements ReadonlyClock {
  private current: Millis;
  private seq: number;
  private heap: Timer[];

  constructor(state: ClockState) {
    this.current = state.now;
    this.seq = state.seq;
    this.heap = [];
    for (const t of state.timers) this.push({ ...t });
  }

  now(): Millis {
    return this.current;
  }

  /** Schedules a timer; returns its sequence number (its id). */
  schedule(at: Millis, kind: string, payload: unknown, cause?: number): number {
    const timer: Timer = { at: Math.max(at, this.current), seq: this.seq++, kind, payload };
    if (cause !== undefined) timer.cause = cause;
    this.push(timer);
    return timer.seq;
  }

  /** Removes every pending timer matching the predicate; returns how many. */
  cancel(match: (t: Timer) => boolean): number {
    const keep = this.heap.filter((t) => !match(t));
    const removed = this.heap.length - keep.length;
    if (removed > 0) {
      this.heap = [];
      for (const t of keep) this.push(t);
    }
    return removed;
  }

  /** The earliest pending timer, without removing it. */
  peek(): Timer | undefined {
    return this.heap[0];
  }

  pending(): readonly Timer[] {
    return this.heap;
  }

  /**
   * Pops the next timer due at or before `until` and moves the clock to its time; returns
   * undefined (and moves the clock to `until`) when none is due.
   */
  next(until: Millis): Timer | undefined {
    const top = this.heap[0];
    if (!top || top.at > until) {
      if (until > this.current) this.current = until;
      return undefined;
    }
    this.pop();
    if (top.at > this.current) this.current = top.at;
    return top;
  }

  /** Moves time forward to `at` without running anything (for work due between timers). */
  moveTo(at: Millis) {
    if (at > this.current) this.current = at;
  }

  state(): ClockState {
    // Sorted, so equal states serialise to equal JSON regardless of heap layout.
    const timers = [...this.heap].sort((a, b) => (before(a, b) ? -1 : 1));
    return { now: this.current, seq: this.seq, timers };
  }

  private push(t: Timer) {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
