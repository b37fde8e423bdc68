// Go's formatting of values that Kubernetes and etcd tools print.

/** time.Duration.String(): "1.5s", "250ms", "2m3.5s", "1h0m0s", "0s". */
export function goDuration(nanos: number): string {
  if (nanos === 0) return "0s";
  const neg = nanos < 0;
  let n = Math.abs(Math.round(nanos));
  let out: string;
  if (n < 1e9) {
    // Sub-second: the largest unit that keeps the integer part non-zero.
    const [unit, size] = n < 1e3 ? ["ns", 1] : n < 1e6 ? ["µs", 1e3] : ["ms", 1e6];
    out = trimFraction(n / (size as number)) + unit;
  } else {
    const h = Math.floor(n / 3.6e12);
    n -= h * 3.6e12;
    const m = Math.floor(n / 6e10);
    n -= m * 6e10;
    const s = trimFraction(n / 1e9);
    out = h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
  }
  return neg ? `-${out}` : out;
}

function trimFraction(value: number): string {
  // Go prints up to nanosecond precision with trailing zeros removed.
  return value.toFixed(9).replace(/\.?0+$/, "");
}
