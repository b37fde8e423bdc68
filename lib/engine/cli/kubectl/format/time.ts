// Timestamps in API objects are RFC 3339 strings (metav1.Time, and metav1.MicroTime with
// microseconds). Parsed by hand so the result never depends on the host's Date parser.
import type { Millis } from "../../../clock";

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or undefined for a missing/empty/unparsable timestamp. */
export function parseTime(value: string | null | undefined): Millis | undefined {
  if (!value) return undefined;
  const m = RFC3339.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (frac) ms += Math.floor(Number(`0.${frac}`) * 1000);
  if (sign) {
    const offset = (Number(oh) * 60 + Number(om)) * 60_000;
    ms += sign === "+" ? -offset : offset;
  }
  // metav1.Time's zero value serialises as null; a literal year-1 time also counts as unset.
  if (Number(y) <= 1) return undefined;
  return ms;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Go's time.RFC1123Z layout ("Mon, 02 Jan 2006 15:04:05 -0700"), as describe prints times. The
 * simulated terminal runs in UTC, so the zone is always +0000.
 */
export function formatRFC1123Z(ms: Millis): string {
  const t = new Date(ms);
  return (
    `${DAYS[t.getUTCDay()]}, ${pad2(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ` +
    `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())} +0000`
  );
}

/** A zero metav1.Time formats as Go's zero time. */
export function formatTimestampRFC1123Z(value: string | null | undefined): string {
  const t = parseTime(value);
  return t === undefined ? "Mon, 01 Jan 0001 00:00:00 +0000" : formatRFC1123Z(t);
}

/** RFC 3339 in UTC with second precision, as the API server writes creationTimestamp. */
export function formatRFC3339(ms: Millis): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
