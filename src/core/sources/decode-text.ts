/**
 * Turning a downloaded file's bytes into text. Portals publish UTF-8, but a file re-saved in Excel on Windows
 * arrives as Windows-1252: decoding that as UTF-8 replaces every accented letter with U+FFFD, silently and for
 * good. So the bytes are checked first, and text that is not valid UTF-8 is read as Windows-1252 (of which
 * Latin-1 is a subset), with a warning. Written here rather than with TextDecoder: core has no DOM lib.
 */
import { strFromU8 } from 'fflate';

/** A file's text and how it was read. */
export interface DecodedText {
  /** The text (a UTF-8 byte-order mark may be dropped here; the CSV reader drops it anyway). */
  text: string;
  /** `utf-8`, or `windows-1252` when the bytes are not valid UTF-8. */
  encoding: 'utf-8' | 'windows-1252';
  /** For windows-1252: the first character outside ASCII and the 1-based line it is on. */
  first?: { character: string; line: number } | undefined;
}

/** Decode bytes as UTF-8 when they are valid UTF-8, else as Windows-1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt < 0) return { text: strFromU8(bytes), encoding: 'utf-8' };
  let text = '';
  let first: DecodedText['first'];
  let line = 1;
  for (const byte of bytes) {
    const character = byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252[byte - 0x80] ?? '\uFFFD') : String.fromCharCode(byte);
    if (byte === 0x0a) line++;
    if (byte >= 0x80 && first === undefined) first = { character, line };
    text += character;
  }
  return { text, encoding: 'windows-1252', first };
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629), or -1 when all of it is valid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i] as number;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1] as number;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f)) return i;
    if ((byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

/** Windows-1252 for 0x80–0x9F (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT). */
// prettier-ignore
const WINDOWS_1252 = [
  '€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
  '\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
];
