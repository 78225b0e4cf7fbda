import { createHash } from 'node:crypto';

const C1 = 0x239b961b;
const C2 = 0xab0e9789;

function rotl(x: number, r: number): number {
  return ((x << r) | (x >>> (32 - r))) >>> 0;
}
function mul(a: number, b: number): number {
  return Math.imul(a, b) >>> 0;
}
function fmix(h: number): number {
  h = (h ^ (h >>> 16)) >>> 0;
  h = mul(h, 0x85ebca6b);
  h = (h ^ (h >>> 13)) >>> 0;
  h = mul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
function word(d: Uint8Array, i: number, n: number): number {
  let w = 0;
  for (let k = n - 1; k >= 0; k--) w = (w << 8) | d[i + k]!;
  return w >>> 0;
}

/** The 64-bit MurmurHash variant ARM's uniqueString() is built on (two 32-bit lanes). */
function murmur64(data: Uint8Array): bigint {
  let h1 = 0;
  let h2 = 0;
  let i = 0;
  const len = data.length;
  for (; i + 7 < len; i += 8) {
    let k1 = word(data, i, 4);
    let k2 = word(data, i + 4, 4);
    k1 = mul(rotl(mul(k1, C1), 15), C2);
    h1 = (h1 ^ k1) >>> 0;
    h1 = (mul(((rotl(h1, 19) + h2) >>> 0), 5) + 0x561ccd1b) >>> 0;
    k2 = mul(rotl(mul(k2, C2), 17), C1);
    h2 = (h2 ^ k2) >>> 0;
    h2 = (mul(((rotl(h2, 13) + h1) >>> 0), 5) + 0x0bcaa747) >>> 0;
  }
  const tail = len - i;
  if (tail > 0) {
    const k1 = mul(rotl(mul(word(data, i, Math.min(tail, 4)), C1), 15), C2);
    h1 = (h1 ^ k1) >>> 0;
    if (tail > 4) {
      const k2 = mul(rotl(mul(word(data, i + 4, tail - 4), C2), 17), C1);
      h2 = (h2 ^ k2) >>> 0;
    }
  }
  h1 = (h1 ^ len) >>> 0;
  h2 = (h2 ^ len) >>> 0;
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = (h1 + h2) >>> 0;
  h2 = (h2 + h1) >>> 0;
  return (BigInt(h2) << 32n) | BigInt(h1);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** uniqueString(): 13 lowercase base-32 characters from a hash of the arguments joined by '-'. */
export function uniqueString(parts: readonly string[]): string {
  let h = murmur64(new TextEncoder().encode(parts.join('-')));
  let out = '';
  for (let i = 0; i < 13; i++) {
    out += BASE32[Number(h >> 59n)];
    h = (h << 5n) & 0xffffffffffffffffn;
  }
  return out;
}

/** ARM's namespace for guid(): name-based (version 5) UUIDs of the arguments joined by '-'. */
const GUID_NAMESPACE = Buffer.from('11fb06fb712d4ddd98c7e71bbd588830', 'hex');

export function deterministicGuid(parts: readonly string[]): string {
  const hash = createHash('sha1').update(GUID_NAMESPACE).update(parts.join('-'), 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
