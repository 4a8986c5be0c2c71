import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';

describe('decodeText', () => {
  it('reads valid UTF-8 as UTF-8, without its byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Jérôme\n')]);
    expect(decodeText(bytes)).toEqual({ text: 'Jérôme\n', encoding: 'utf-8' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, naming the first letter outside ASCII and its line', () => {
    // 'a\n' then "Ca\xf1ada \x93Bay\x94" in Windows-1252: ñ and curly quotes (0x93/0x94 are not Latin-1).
    const bytes = new Uint8Array([0x61, 0x0a, 0x43, 0x61, 0xf1, 0x61, 0x64, 0x61, 0x20, 0x93, 0x42, 0x94]);
    expect(decodeText(bytes)).toEqual({
      text: 'a\nCañada “B”',
      encoding: 'windows-1252',
      first: { character: 'ñ', line: 2 },
    });
  });

  it('treats overlong forms, surrogates and a character cut at the end as not UTF-8', () => {
    for (const bytes of [
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0x41, 0xe2, 0x82],
    ])
      expect(decodeText(new Uint8Array(bytes)).encoding).toBe('windows-1252');
  });
});
