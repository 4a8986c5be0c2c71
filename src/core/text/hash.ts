/**
 * A tiny, pure, deterministic string hash for short stable suffixes of generated names (such as test node
 * names that must stay under 64 characters). Not cryptographic. Written by hand because core has no
 * `crypto` or `TextEncoder` (lib ES2022, no DOM or Node types) and a dependency would cost more than these
 * lines.
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/) of the text's UTF-8 bytes, as 8 lowercase hex
 * digits. Matches other FNV-1a implementations, e.g. `hashString('a') === 'e40c292c'`.
 */
export function hashString(text: string): string {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8Bytes(text)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** UTF-8 encoding by code point; a lone surrogate is encoded as its own 3-byte sequence. */
function* utf8Bytes(text: string): Generator<number> {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      yield code;
    } else if (code < 0x800) {
      yield 0xc0 | (code >> 6);
      yield 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      yield 0xe0 | (code >> 12);
      yield 0x80 | ((code >> 6) & 0x3f);
      yield 0x80 | (code & 0x3f);
    } else {
      yield 0xf0 | (code >> 18);
      yield 0x80 | ((code >> 12) & 0x3f);
      yield 0x80 | ((code >> 6) & 0x3f);
      yield 0x80 | (code & 0x3f);
    }
  }
}

/** 32-bit FNV-1a of raw bytes (a data file's), as 8 lowercase hex digits; equals `hashString` of the same UTF-8. */
export function hashBytes(bytes: Uint8Array): string {
  let hash = FNV_OFFSET_BASIS;
  for (let index = 0; index < bytes.length; index++) {
    hash ^= bytes[index] ?? 0;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
