import { describe, expect, it } from 'vitest';
import { hashBytes, hashString } from './hash.ts';

describe('hashBytes', () => {
  it('is FNV-1a of the bytes, equal to hashString of the same UTF-8 text', () => {
    expect(hashBytes(new Uint8Array([0x61]))).toBe('e40c292c');
    const text = 'Wagga Wagga — 2024';
    expect(hashBytes(new TextEncoder().encode(text))).toBe(hashString(text));
  });

  it('differs when one byte differs', () => {
    expect(hashBytes(new Uint8Array([1, 2, 3]))).not.toBe(hashBytes(new Uint8Array([1, 2, 4])));
  });
});
