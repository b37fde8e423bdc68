// strftime in UTC (the sandboxes' time zone), for date, ls -l, watch and login banners.
import type { Millis } from "../clock";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (n: number, w = 2, c = "0") => String(n).padStart(w, c);

/** Formats `t` with a strftime format (GNU date's conversions), in UTC. */
export function strftime(format: string, t: Millis): string {
  const d = new Date(t);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86_400_000) + 1;
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%" || i + 1 >= format.length) {
      out += c;
      continue;
    }
    // Flags: - (no padding), _ (space padding), 0 (zero padding), ^ (upper case).
    let flag = "";
    let j = i + 1;
    while ("-_0^#".includes(format[j] ?? "x")) flag += format[j++];
    const conv = format[j];
    i = j;
    const num = (n: number, w = 2, padChar = "0") => {
      if (flag.includes("-")) return String(n);
      if (flag.includes("_")) return pad(n, w, " ");
      if (flag.includes("0")) return pad(n, w, "0");
      return pad(n, w, padChar);
    };
    let s: string;
    switch (conv) {
      case "a":
        s = DAYS[wd]!.slice(0, 3);
        break;
      case "A":
        s = DAYS[wd]!;
        break;
      case "b":
      case "h":
        s = MONTHS[m]!.slice(0, 3);
        break;
      case "B":
        s = MONTHS[m]!;
        break;
      case "c":
        s = strftime("%a %b %e %H:%M:%S %Y", t);
        break;
      case "C":
        s = num(Math.floor(Y / 100));
        break;
      case "d":
        s = num(day);
        break;
      case "D":
        s = strftime("%m/%d/%y", t);
        break;
      case "e":
        s = num(day, 2, " ");
        break;
      case "F":
        s = strftime("%Y-%m-%d", t);
        break;
      case "H":
        s = num(H);
        break;
      case "I":
        s = num(H % 12 === 0 ? 12 : H % 12);
        break;
      case "j":
        s = num(yday, 3);
        break;
      case "k":
        s = num(H, 2, " ");
        break;
      case "l":
        s = num(H % 12 === 0 ? 12 : H % 12, 2, " ");
        break;
      case "m":
        s = num(m + 1);
        break;
      case "M":
        s = num(M);
        break;
      case "n":
        s = "\n";
        break;
      case "N":
        s = pad((t % 1000) * 1_000_000, 9);
        break;
      case "p":
        s = H < 12 ? "AM" : "PM";
        break;
      case "P":
        s = H < 12 ? "am" : "pm";
        break;
      case "r":
        s = strftime("%I:%M:%S %p", t);
        break;
      case "R":
        s = strftime("%H:%M", t);
        break;
      case "s":
        s = String(Math.floor(t / 1000));
        break;
      case "S":
        s = num(S);
        break;
      case "t":
        s = "\t";
        break;
      case "T":
        s = strftime("%H:%M:%S", t);
        break;
      case "u":
        s = String(wd === 0 ? 7 : wd);
        break;
      case "w":
        s = String(wd);
        break;
      case "x":
        s = strftime("%m/%d/%y", t);
        break;
      case "X":
        s = strftime("%H:%M:%S", t);
        break;
      case "y":
        s = num(Y % 100);
        break;
      case "Y":
        s = String(Y);
        break;
      case "z":
        s = "+0000";
        break;
      case ":":
        if (format[i + 1] === "z") {
          i++;
          s = "+00:00";
        } else s = "%:";
        break;
      case "Z":
        s = "UTC";
        break;
      case "%":
        s = "%";
        break;
      default:
        s = "%" + flag + (conv ?? "");
    }
    out += flag.includes("^") ? s.toUpperCase() : s;
  }
  return out;
}

/** `date`'s default output: "Tue Jan 14 10:00:00 UTC 2025". */
export const dateDefault = (t: Millis): string => strftime("%a %b %e %H:%M:%S %Z %Y", t);

/** ctime(3): "Tue Jan 14 10:00:00 2025" (watch's header, "Last login:"). */
export const ctime = (t: Millis): string => strftime("%a %b %e %H:%M:%S %Y", t);
