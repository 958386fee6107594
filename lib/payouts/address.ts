// Wallet address validation per coin family, before any request is made with it: Base58Check
// (Bitcoin-derived: version byte(s) + 20-byte hash + 4-byte double-SHA-256 checksum), Bech32 /
// Bech32m (BIP-173 / BIP-350: HRP, "1", data with a 6-character BCH checksum), CryptoNote
// (Monero's block Base58 at fixed lengths: 95 standard and subaddress, 106 integrated) and 0x-hex
// (Ethash family, 20 bytes). Written from the BIPs rather than adding a package so the eight
// branches in flight need no new dependency; the checksums are tested against the BIPs' vectors.
// Only CPU work (SHA-256 from node:crypto), no I/O.
import { createHash } from 'node:crypto';

export type AddressFamily = 'base58check' | 'bech32' | 'cryptonote' | 'hex';

/** Why an address is refused: codes, worded by the page. */
export type AddressError = 'empty' | 'too-long' | 'characters' | 'checksum' | 'length' | 'prefix' | 'family';

export type AddressCheck = { ok: true; family: AddressFamily } | { ok: false; error: AddressError };

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_RE = /^[1-9A-HJ-NP-Za-km-z]+$/;
const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;
/** BIP-173: at most 90 characters. */
const BECH32_MAX = 90;
const MAX_ADDRESS_LENGTH = 128;

/** What a coin accepts; coins we have no rule for accept any family's well-formed address. */
export type AddressRule = {
  families: readonly AddressFamily[];
  /** Base58Check version bytes (first byte of the payload). */
  versions?: readonly number[];
  /** Bech32 human-readable parts. */
  hrps?: readonly string[];
  /** CryptoNote address lengths in characters. */
  cryptonoteLengths?: readonly number[];
  /** CryptoNote first characters (the network prefix's Base58 image). */
  cryptonoteStarts?: readonly string[];
};

// Version bytes and HRPs: Bitcoin chainparams.cpp (0x00 P2PKH, 0x05 P2SH, "bc"), Litecoin (0x30,
// 0x32, 0x05, "ltc"), Dogecoin (0x1e, 0x16), Ravencoin (0x3c, 0x7a), Monero (95/106 chars from
// "4" standard, "8" subaddress; Monero docs "Address"), Ethereum-family 0x + 40 hex.
export const ADDRESS_RULES: Readonly<Record<string, AddressRule>> = {
  BTC: { families: ['base58check', 'bech32'], versions: [0x00, 0x05], hrps: ['bc'] },
  BCH: { families: ['base58check'], versions: [0x00, 0x05] },
  LTC: { families: ['base58check', 'bech32'], versions: [0x30, 0x32, 0x05], hrps: ['ltc'] },
  DOGE: { families: ['base58check'], versions: [0x1e, 0x16] },
  RVN: { families: ['base58check'], versions: [0x3c, 0x7a] },
  XMR: { families: ['cryptonote'], cryptonoteLengths: [95, 106], cryptonoteStarts: ['4', '8'] },
  ETC: { families: ['hex'] },
  ETH: { families: ['hex'] },
};

/** Algorithms whose coins use CryptoNote addresses, and Ethash-family 0x addresses. */
const CRYPTONOTE_ALGORITHMS = /^(randomx|cryptonight|randomarq|randomwow|argon2\/chukwa|cn[-/])/i;
const HEX_ALGORITHMS = /^(ethash|etchash|ubqhash|keccak-ethash)$/i;
/** Other CryptoNote coins' address lengths span these (Wownero 97, TurtleCoin 99, Conceal 98). */
const CRYPTONOTE_LENGTH_RANGE = [95, 110] as const;

/** The rule for a coin: its own, else by algorithm, else any family. */
export function addressRuleFor(tag: string, algorithm?: string | null): AddressRule {
  const own = ADDRESS_RULES[tag.toUpperCase()];
  if (own) return own;
  if (algorithm && CRYPTONOTE_ALGORITHMS.test(algorithm)) return { families: ['cryptonote'] };
  if (algorithm && HEX_ALGORITHMS.test(algorithm)) return { families: ['hex'] };
  return { families: ['base58check', 'bech32'] };
}

/** Base58 → bytes (leading "1"s are zero bytes); null on a character outside the alphabet. */
export function base58Decode(text: string): Uint8Array | null {
  if (!BASE58_RE.test(text)) return null;
  let value = 0n;
  for (const ch of text) value = value * 58n + BigInt(BASE58_ALPHABET.indexOf(ch));
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros += 1;
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes]);
}

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** Base58Check: payload + first 4 bytes of SHA-256(SHA-256(payload)); the payload, or null. */
export function base58CheckDecode(text: string): Uint8Array | null {
  const bytes = base58Decode(text);
  if (!bytes || bytes.length < 5) return null;
  const payload = bytes.subarray(0, -4);
  const checksum = sha256(sha256(payload)).subarray(0, 4);
  return checksum.equals(Buffer.from(bytes.subarray(-4))) ? payload : null;
}

function bech32Polymod(values: readonly number[]): number {
  const generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i += 1) if ((top >>> i) & 1) chk = (chk ^ (generators[i] ?? 0)) >>> 0;
  }
  return chk;
}

function hrpExpand(hrp: string): number[] {
  const codes = [...hrp].map((c) => c.charCodeAt(0));
  return [...codes.map((c) => c >> 5), 0, ...codes.map((c) => c & 31)];
}

/** Bech32 or Bech32m: the HRP and variant when the checksum holds, else null. */
export function bech32Decode(text: string): { hrp: string; variant: 'bech32' | 'bech32m' } | null {
  if (text.length > BECH32_MAX || (text !== text.toLowerCase() && text !== text.toUpperCase())) return null;
  const lower = text.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || sep + 7 > lower.length) return null;
  const hrp = lower.slice(0, sep);
  if ([...hrp].some((c) => c.charCodeAt(0) < 33 || c.charCodeAt(0) > 126)) return null;
  const data: number[] = [];
  for (const ch of lower.slice(sep + 1)) {
    const v = BECH32_CHARSET.indexOf(ch);
    if (v < 0) return null;
    data.push(v);
  }
  const check = bech32Polymod([...hrpExpand(hrp), ...data]);
  if (check === BECH32_CONST) return { hrp, variant: 'bech32' };
  if (check === BECH32M_CONST) return { hrp, variant: 'bech32m' };
  return null;
}

function checkFamily(address: string, family: AddressFamily, rule: AddressRule): AddressError | null {
  switch (family) {
    case 'hex':
      return /^0x[0-9a-fA-F]{40}$/.test(address) ? null : 'length';
    case 'cryptonote': {
      if (!BASE58_RE.test(address)) return 'characters';
      const lengths = rule.cryptonoteLengths;
      const [min, max] = CRYPTONOTE_LENGTH_RANGE;
      const lengthOk = lengths ? lengths.includes(address.length) : address.length >= min && address.length <= max;
      if (!lengthOk) return 'length';
      if (rule.cryptonoteStarts && !rule.cryptonoteStarts.some((s) => address.startsWith(s))) return 'prefix';
      return null;
    }
    case 'bech32': {
      const decoded = bech32Decode(address);
      if (!decoded) return 'checksum';
      return rule.hrps && !rule.hrps.includes(decoded.hrp) ? 'prefix' : null;
    }
    case 'base58check': {
      if (!BASE58_RE.test(address)) return 'characters';
      const payload = base58CheckDecode(address);
      if (!payload) return 'checksum';
      // One or two version bytes + a 20-byte hash (Zcash-style t-addresses have two).
      if (payload.length !== 21 && payload.length !== 22) return 'length';
      return rule.versions && !rule.versions.includes(payload[0] ?? -1) ? 'prefix' : null;
    }
  }
}

/** Bech32's shape (HRP, "1", data characters): its error is the telling one for such a string. */
const BECH32_SHAPE_RE = /^[a-z]{1,83}1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{6,}$/i;

/** Validates a wallet address for a coin; the first family that accepts it wins. */
export function validateAddress(address: string, tag: string, algorithm?: string | null): AddressCheck {
  const text = address.trim();
  if (text === '') return { ok: false, error: 'empty' };
  if (text.length > MAX_ADDRESS_LENGTH) return { ok: false, error: 'too-long' };
  if (!/^[0-9A-Za-z]+$/.test(text)) return { ok: false, error: 'characters' };
  const rule = addressRuleFor(tag, algorithm);
  const errors = new Map<AddressFamily, AddressError>();
  for (const family of rule.families) {
    const error = checkFamily(text, family, rule);
    if (error === null) return { ok: true, family };
    errors.set(family, error);
  }
  // Report the error of the family the string looks like (a mistyped bech32 address is a checksum error).
  const looksLike: AddressFamily | undefined = BECH32_SHAPE_RE.test(text) && errors.has('bech32') ? 'bech32' : rule.families.find((f) => f !== 'bech32');
  return { ok: false, error: (looksLike ? errors.get(looksLike) : undefined) ?? errors.values().next().value ?? 'family' };
}
