// Shared fixtures for the store's tests.
import type { Millis, ReadonlyClock } from "../clock";
import { EtcdStore } from "./etcd-store";
import type { EtcdStoreState } from "./types";

export class TestClock implements ReadonlyClock {
  constructor(public t: Millis = Date.UTC(2025, 0, 15, 9, 30)) {}
  now(): Millis {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export function singleNode(clock = new TestClock()): EtcdStore {
  return new EtcdStore({ members: [{ name: "controlplane", ip: "192.168.1.10" }] }, clock);
}

export function cluster(n: number, clock = new TestClock()): EtcdStore {
  const members = Array.from({ length: n }, (_, i) => ({ name: `etcd-${i + 1}`, ip: `10.0.0.${i + 11}` }));
  return new EtcdStore({ members }, clock);
}

/** Runs `fn` and returns the error it throws. */
export function thrown(fn: () => unknown): Error & { code?: string; clientMessage?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error("expected an error");
}

export function roundTrip(state: EtcdStoreState): EtcdStoreState {
  return JSON.parse(JSON.stringify(state)) as EtcdStoreState;
}
