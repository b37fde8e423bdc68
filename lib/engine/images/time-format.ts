// The ways programs inside containers print the time, all in UTC (containers default to UTC).
import type { Millis } from "../clock";
import type { ClockFormat } from "./types";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const p2 = (n: number) => String(n).padStart(2, "0");
const p3 = (n: number) => String(n).padStart(3, "0");

/** Microseconds shown by programs that print them: the millisecond clock plus a stable filler. */
function micros(at: Millis): string {
  return `${p3(((at % 1000) + 1000) % 1000)}${p3((Math.floor(at / 7) * 37) % 1000)}`;
}

export function formatClock(format: ClockFormat, at: Millis): string {
  const d = new Date(at);
  const Y = d.getUTCFullYear();
  const M = d.getUTCMonth();
  const D = d.getUTCDate();
  const h = p2(d.getUTCHours());
  const m = p2(d.getUTCMinutes());
  const s = p2(d.getUTCSeconds());
  const ms = p3(d.getUTCMilliseconds());
  const hms = `${h}:${m}:${s}`;
  switch (format) {
    case "busybox-date":
      return `${DAYS[d.getUTCDay()]} ${MONTHS[M]} ${String(D).padStart(2, " ")} ${hms} UTC ${Y}`;
    case "nginx-error":
      return `${Y}/${p2(M + 1)}/${p2(D)} ${hms}`;
    case "nginx-access":
      return `${p2(D)}/${MONTHS[M]}/${Y}:${hms} +0000`;
    case "httpd-error":
      return `${DAYS[d.getUTCDay()]} ${MONTHS[M]} ${p2(D)} ${hms}.${micros(at)} ${Y}`;
    case "redis":
      return `${p2(D)} ${MONTHS[M]} ${Y} ${hms}.${ms}`;
    case "postgres":
      return `${Y}-${p2(M + 1)}-${p2(D)} ${hms}.${ms} UTC`;
    case "mysql":
      return `${Y}-${p2(M + 1)}-${p2(D)} ${hms}+00:00`;
    case "mysql-iso":
      return `${Y}-${p2(M + 1)}-${p2(D)}T${hms}.${micros(at)}Z`;
    case "klog":
      return `${p2(M + 1)}${p2(D)} ${hms}.${micros(at)}`;
    case "rfc3339":
      return `${Y}-${p2(M + 1)}-${p2(D)}T${hms}.${ms}Z`;
  }
}
