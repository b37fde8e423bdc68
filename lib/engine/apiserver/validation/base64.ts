// Base64 for Secret data (standard alphabet with padding, as Go's encoding/json uses for []byte),
// written out because the engine may not rely on Node's Buffer.

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function base64Encode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2];
    out += ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? "=" : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? "=" : ALPHABET[c & 63];
  }
  return out;
}

export function base64EncodeString(s: string): string {
  return base64Encode(new TextEncoder().encode(s));
}

/**
 * Decodes like Go's base64.StdEncoding (which encoding/json uses); returns the byte offset of the
 * first illegal input instead when the text is not valid base64.
 */
export function base64DecodeStrict(text: string): { bytes: Uint8Array } | { illegalAt: number } {
  // encoding/json strips \r and \n before decoding []byte values.
  const s = text.replace(/[\r\n]/g, "");
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    const quad: number[] = [];
    let j = i;
    let pad = 0;
    for (; j < s.length && quad.length + pad < 4; j++) {
      const ch = s[j]!;
      if (ch === "=") {
        if (quad.length < 2) return { illegalAt: j };
        pad++;
        continue;
      }
      if (pad > 0) return { illegalAt: j };
      const v = INDEX.get(ch);
      if (v === undefined) return { illegalAt: j };
      quad.push(v);
    }
    if (quad.length + pad < 4) {
      // Missing padding or a lone trailing character.
      return { illegalAt: quad.length === 1 ? j - 1 : s.length };
    }
    out.push(((quad[0]! << 2) | (quad[1]! >> 4)) & 255);
    if (quad.length > 2) out.push(((quad[1]! << 4) | (quad[2]! >> 2)) & 255);
    if (quad.length > 3) out.push(((quad[2]! << 6) | quad[3]!) & 255);
    if (pad > 0 && j < s.length) return { illegalAt: j };
    i = j;
  }
  return { bytes: new Uint8Array(out) };
}

/** The decoded bytes, or null when the text is not valid base64. */
export function base64Decode(text: string): Uint8Array | null {
  const r = base64DecodeStrict(text);
  return "bytes" in r ? r.bytes : null;
}
