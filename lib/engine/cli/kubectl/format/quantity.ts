// resource.Quantity from apimachinery: parsing ("100m", "1.5Gi", "1e3") and the canonical String()
// kubectl prints ("0.1" prints as "100m", "1024Mi" as "1Gi"). Values are kept exactly as BigInt
// nano-units, which covers every scale Kubernetes accepts.

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export interface Quantity {
  /** The value times 10^9. */
  nanos: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;

const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Parses a quantity string; undefined when it is not a valid quantity. */
export function parseQuantity(text: string | number | undefined | null): Quantity | undefined {
  if (text === undefined || text === null) return undefined;
  const s = typeof text === "number" ? String(text) : text.trim();
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const [, sign, whole = "", frac = "", suffix = ""] = m;
  if (whole === "" && frac === "") return undefined;
  // Scaled by 10^9 and by the fraction's digits, then divided back out (rounding up, as Go does).
  const digits = BigInt(whole + frac || "0");
  let num = digits * NANO;
  let den = pow10(frac.length);
  let format: QuantityFormat = "DecimalSI";
  if (suffix in BINARY) {
    num *= BINARY[suffix]!;
    format = "BinarySI";
  } else if (/^[eE]/.test(suffix)) {
    const exp = Number(suffix.slice(1));
    if (exp >= 0) num *= pow10(exp);
    else den *= pow10(-exp);
    format = "DecimalExponent";
  } else {
    const exp = DECIMAL[suffix] ?? 0;
    if (exp >= 0) num *= pow10(exp);
    else den *= pow10(-exp);
  }
  let nanos = num / den;
  if (num % den !== 0n) nanos += 1n;
  return { nanos: sign === "-" ? -nanos : nanos, format };
}

export function zeroQuantity(format: QuantityFormat = "DecimalSI"): Quantity {
  return { nanos: 0n, format };
}

export function addQuantities(a: Quantity, b: Quantity): Quantity {
  // An empty quantity takes the other's format (Go's Add on a zero value).
  const format = a.nanos === 0n && a.format === "DecimalSI" ? b.format : a.format;
  return { nanos: a.nanos + b.nanos, format };
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

const ceilDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
};

/** Value(): rounded up to an integer. */
export function quantityValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, NANO));
}

/** MilliValue(): rounded up to thousandths. */
export function quantityMilliValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, 1_000_000n));
}

const DECIMAL_SUFFIX: Record<number, string> = {
  [-9]: "n",
  [-6]: "u",
  [-3]: "m",
  0: "",
  3: "k",
  6: "M",
  9: "G",
  12: "T",
  15: "P",
  18: "E",
};
const BINARY_SUFFIX = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/** The canonical form Quantity.String() prints. */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return "0";
  let format = q.format;
  if (format === "BinarySI") {
    // Small or fractional binary quantities print as decimal, to avoid rounding.
    if ((q.nanos > -1024n * NANO && q.nanos < 1024n * NANO) || q.nanos % NANO !== 0n) format = "DecimalSI";
  }
  const negative = q.nanos < 0n;
  const abs = negative ? -q.nanos : q.nanos;
  const sign = negative ? "-" : "";
  if (format === "BinarySI") {
    let n = abs / NANO;
    let i = 0;
    while (n % 1024n === 0n && i < BINARY_SUFFIX.length - 1) {
      n /= 1024n;
      i++;
    }
    return `${sign}${n}${BINARY_SUFFIX[i]}`;
  }
  // Decimal: the smallest integer mantissa whose exponent is a multiple of three.
  let n = abs;
  let exp = -9;
  while (n % 1000n === 0n && exp < 18) {
    n /= 1000n;
    exp += 3;
  }
  if (format === "DecimalExponent") return `${sign}${n}${exp === 0 ? "" : `e${exp}`}`;
  return `${sign}${n}${DECIMAL_SUFFIX[exp]}`;
}

/** Parses and re-prints a quantity in canonical form; text that is not a quantity is returned as is. */
export function canonicalQuantity(text: string | number | undefined | null): string {
  const q = parseQuantity(text);
  if (!q) return text === undefined || text === null ? "0" : String(text);
  return formatQuantity(q);
}
