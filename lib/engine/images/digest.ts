// Deterministic stand-ins for content digests. The engine has no crypto, and real digests would
// tie the catalogue to one registry snapshot; what matters is that the same input always gives
// the same 64 hex digits and that different inputs do not collide in practice.
import { fnv32a } from "../random";

/** 64 lower-case hex digits derived from `seed`. */
export function hex64(seed: string): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += fnv32a(`${seed}\u0000${i}\u0000${out}`).toString(16).padStart(8, "0");
  return out;
}

/** "sha256:" + hex64(seed). */
export function sha256Like(seed: string): string {
  return `sha256:${hex64(seed)}`;
}
