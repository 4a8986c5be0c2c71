import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../../engine/decode-result.ts');
  vi.resetModules();
});

describe('loadResultDecoder', () => {
  it('fetches the decoder once, and the decoder turns Arrow IPC into rows', async () => {
    const { loadResultDecoder } = await import('./result-decoder.ts');
    const first = loadResultDecoder();
    expect(loadResultDecoder()).toBe(first);
    const { tableFromArrays, tableToIPC } = await import('apache-arrow');
    const decode = await first;
    expect(decode(tableToIPC(tableFromArrays({ n: Int32Array.from([1, 2]) }))).rows).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('says what did not load when its chunk fails, and fetches again on the next ask', async () => {
    vi.doMock('../../engine/decode-result.ts', () => {
      throw new Error('Failed to fetch dynamically imported module: assets/serialization-x.js');
    });
    const { loadResultDecoder } = await import('./result-decoder.ts');
    // Vitest reports a throwing mock factory in its own words; the browser's would name the chunk's URL.
    await expect(loadResultDecoder()).rejects.toThrow(/^the code that reads query results did not load \(.+\)$/);
    vi.doUnmock('../../engine/decode-result.ts');
    expect(typeof (await loadResultDecoder())).toBe('function');
  });
});
