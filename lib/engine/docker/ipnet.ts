// IPv4 arithmetic on unsigned 32-bit numbers.

export function parseIPv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255 || (m[i]!.length > 1 && m[i]!.startsWith("0"))) return null;
    n = n * 256 + octet;
  }
  return n >>> 0;
}

export function formatIPv4(n: number): string {
  const v = n >>> 0;
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

export interface Cidr {
  /** The address as written (may have host bits). */
  addr: number;
  bits: number;
  /** The masked network address. */
  network: number;
  /** Number of addresses. */
  size: number;
}

export function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

export function parseCidr(text: string): Cidr | null {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text);
  if (!m) return null;
  const addr = parseIPv4(m[1]!);
  const bits = Number(m[2]);
  if (addr === null || bits > 32 || (m[2]!.length > 1 && m[2]!.startsWith("0"))) return null;
  return { addr, bits, network: (addr & maskOf(bits)) >>> 0, size: 2 ** (32 - bits) };
}

export function formatCidr(network: number, bits: number): string {
  return `${formatIPv4(network)}/${bits}`;
}

/** The canonical (masked) form: "172.28.0.1/24" -> "172.28.0.0/24". */
export function canonicalCidr(text: string): string | null {
  const c = parseCidr(text);
  return c ? formatCidr(c.network, c.bits) : null;
}

export function cidrContains(c: Cidr, ip: number): boolean {
  return ((ip & maskOf(c.bits)) >>> 0) === c.network;
}

export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  const bits = Math.min(a.bits, b.bits);
  return ((a.network & maskOf(bits)) >>> 0) === ((b.network & maskOf(bits)) >>> 0);
}

export function broadcastOf(c: Cidr): number {
  return (c.network + c.size - 1) >>> 0;
}

/** A dotted netmask, e.g. 255.255.255.0. */
export function netmaskOf(bits: number): string {
  return formatIPv4(maskOf(bits));
}
