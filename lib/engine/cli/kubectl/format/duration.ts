// Human-readable durations exactly as apimachinery's util/duration prints them (the AGE column,
// "RESTARTS 3 (41s ago)", describe's event ages). Inputs are milliseconds; Go works in
// nanoseconds, but every threshold is a whole second, so truncating to seconds gives the same text.
import type { Millis } from "../../../clock";
import { parseTime } from "./time";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** Go's int(d.Seconds()): truncates toward zero. */
function wholeSeconds(ms: number): number {
  return Math.trunc(ms / 1000);
}

/** HumanDuration: ~2-3 significant figures (45s, 3m20s, 5h30m, 2d5h, 10d, 2y45d). */
export function humanDuration(ms: number): string {
  const seconds = wholeSeconds(ms);
  // A skew of up to 2 seconds (excluded) counts as "now".
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 2 * MINUTE) return `${seconds}s`;
  const minutes = Math.floor(seconds / MINUTE);
  if (minutes < 10) {
    const s = seconds % MINUTE;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 3 * 60) return `${minutes}m`;
  const hours = Math.floor(seconds / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    const years = Math.floor(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** ShortHumanDuration: one unit only (45s, 3m, 5h, 2d, 1y). */
export function shortHumanDuration(ms: number): string {
  const seconds = wholeSeconds(ms);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < MINUTE) return `${seconds}s`;
  if (seconds < HOUR) return `${Math.floor(seconds / MINUTE)}m`;
  const hours = Math.floor(seconds / HOUR);
  if (hours < 24) return `${hours}h`;
  if (seconds < YEAR) return `${Math.floor(hours / 24)}d`;
  return `${Math.floor(seconds / YEAR)}y`;
}

/**
 * translateTimestampSince: the age of a timestamp. A missing (zero) timestamp prints "<unknown>";
 * one more than a second in the future prints "<invalid>" (via humanDuration).
 */
export function translateTimestampSince(timestamp: string | null | undefined, now: Millis): string {
  const t = parseTime(timestamp);
  if (t === undefined) return "<unknown>";
  return humanDuration(now - t);
}

/** translateTimestampUntil: the time left until a timestamp. */
export function translateTimestampUntil(timestamp: string | null | undefined, now: Millis): string {
  const t = parseTime(timestamp);
  if (t === undefined) return "<unknown>";
  return humanDuration(t - now);
}
