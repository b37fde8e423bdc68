// What commands act on: the sandbox (cluster and etcd), its machines, and its clock.
import type { Millis } from "./clock";
import type { Random } from "./random";
import type { HostState } from "./hosts/types";
import type { Sandbox } from "./sandbox";

export interface World {
  sandbox: Sandbox;
  hosts: Record<string, HostState>;
  now(): Millis;
  random: Random;
  /** Moves virtual time forward (sleep, kubectl wait, watch). */
  advance(ms: number): void;
}
