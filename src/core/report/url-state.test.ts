import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeShareState, encodeShareState, SHARE_LIMIT_CHARS, type ShareState } from './url-state.ts';

const state: ShareState = {
  page: 'reports/schools.md',
  inputs: { level: 'Secondary School', year: 2024, on: true, none: null },
  edits: { 'models/marts/dim__school.sql': 'select 1 as a -- édité\n', 'reports/old.md': null },
};

/** A v1 token of any JSON, as a crafted link could hold (the encoder itself writes only the schema's fields). */
function crafted(json: unknown): string {
  return craftedText(JSON.stringify(json));
}

/** A v1 token of any text, JSON or not. */
function craftedText(text: string): string {
  const bytes = deflateSync(strToU8(text));
  return `v1.${btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')}`;
}

function token(value: ShareState): string {
  const encoded = encodeShareState(value);
  if (!encoded.ok) throw new Error(encoded.message);
  return encoded.token;
}

describe('share links', () => {
  it('round-trips the page, typed input values and edits (deleted files as null)', () => {
    expect(decodeShareState(token(state))).toEqual({ ok: true, state });
    expect(decodeShareState(token({ page: 'reports/index.md', inputs: {} }))).toEqual({
      ok: true,
      state: { page: 'reports/index.md', inputs: {} },
    });
  });

  it('keeps opening a version 1 link written by an earlier release (frozen fixture)', () => {
    const written =
      'v1.NY5BCoMwEEWvEmadaitd5RpuCxLM0AqTGZuJBREP5Dm8WGOl-_ff-wuM_ongIOEoKWut_UuEtIoBLAw8TlnBLUD4QSpYi71w8Gk27Q8s0Iw-gWuuzd2CMLicJrTAwkXLE9FqAcNwaqIEJK2jP1JhiF139ip9H3ZFwj6bm_FqvLlczL6V5b49uHT-D4XC8e50r18';
    expect(decodeShareState(written)).toEqual({ ok: true, state });
  });

  it('refuses a link past the size limit, saying how long it is and offering an export', () => {
    // Text that does not compress: a pseudo-random run of letters.
    let seed = 7;
    const noise = Array.from({ length: 20_000 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return String.fromCharCode(97 + (seed % 26));
    }).join('');
    const encoded = encodeShareState({ page: 'reports/index.md', inputs: {}, edits: { 'models/big.sql': noise } });
    expect(encoded.ok).toBe(false);
    if (encoded.ok) return;
    expect(encoded.length).toBeGreaterThan(SHARE_LIMIT_CHARS);
    expect(encoded.message).toMatch(
      /over the 8,000 a link can safely carry with your edits to 1 file\. Export the project/,
    );
  });

  it.each([
    ['', /not a share link this app wrote/],
    ['v2.abc', /newer version of this app \(link version 2\)/],
    ['v0.abc', /link version 0 is not one this app has written/],
    ['v1.%%%', /not a share link/],
    ['v1.AAAA', /damaged/],
  ])('says why %j cannot be opened', (text, why) => {
    const outcome = decodeShareState(text);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(why);
  });

  it.each([
    [{ page: '../secret.md', inputs: {} }, /page is not a report/],
    [{ page: 'models/a.sql', inputs: {} }, /page is not a report/],
    [{ page: 'reports/a.md', inputs: [] }, /'inputs' are not an object/],
    [{ page: 'reports/a.md', inputs: { 'x y': 1 } }, /input name 'x y'/],
    [{ page: 'reports/a.md', inputs: { x: { a: 1 } } }, /input 'x' holds a object/],
    [
      { page: 'reports/a.md', inputs: {}, edits: { '../../etc/passwd.sql': 'x' } },
      /'..\/..\/etc\/passwd.sql': a path that leaves/,
    ],
    [{ page: 'reports/a.md', inputs: {}, edits: { 'models/a.exe': 'x' } }, /only a project's text files/],
    [{ page: 'reports/a.md', inputs: {}, edits: { 'models/a.sql': 3 } }, /holds a number, not text/],
    [{ page: 'reports/a.md', inputs: {}, extra: 1 }, /unknown field 'extra'/],
  ])('checks the schema on decode: %j', (json, why) => {
    const outcome = decodeShareState(crafted(json));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(why);
  });

  it('round-trips any state it can encode (property)', () => {
    const name = fc.stringMatching(/^[A-Za-z_]\w{0,10}$/);
    const value = fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    const path = fc.stringMatching(/^(models|reports)\/[a-z_]{1,8}\.(sql|md|yml)$/);
    fc.assert(
      fc.property(
        fc.record({
          page: fc.stringMatching(/^reports\/[a-z_]{1,8}\.md$/),
          inputs: fc.dictionary(name, value),
          edits: fc.option(fc.dictionary(path, fc.option(fc.string(), { nil: null })), { nil: undefined }),
        }),
        (generated) => {
          const shared: ShareState = generated.edits ? generated : { page: generated.page, inputs: generated.inputs };
          const encoded = encodeShareState(shared);
          if (!encoded.ok) return;
          const decoded = decodeShareState(encoded.token);
          // JSON writes -0 as 0.
          expect(decoded).toEqual({ ok: true, state: JSON.parse(JSON.stringify(shared)) as ShareState });
        },
      ),
    );
  });

  it('decodes 10,000 arbitrary texts and crafted links without throwing or touching a prototype (property)', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const dangerous = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');
    // Written out as JSON text, so a `__proto__` key reaches the decoder exactly as a crafted link holds it.
    const jsonObject = (key: fc.Arbitrary<string>, value: fc.Arbitrary<string>) =>
      fc
        .array(fc.tuple(key, value), { maxLength: 4 })
        .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
    // Links of the right shape whose names are the dangerous ones, so the decoder accepts many of them.
    const shaped = fc
      .record({
        inputs: jsonObject(
          fc.oneof(dangerous, fc.constantFrom('level', 'year')),
          fc.constantFrom('null', 'true', '1', '"x"', '{"polluted":true}', '[]'),
        ),
        edits: fc.option(
          jsonObject(
            fc.oneof(dangerous, fc.constantFrom('models/a.sql', 'reports/b.md', 'reports/__proto__.md')),
            fc.constantFrom('null', '"select 1"', '{"polluted":true}'),
          ),
          { nil: undefined },
        ),
        top: fc.option(dangerous, { nil: undefined }),
      })
      .map(
        ({ inputs, edits, top }) =>
          `{"page":"reports/a.md","inputs":${inputs}${edits ? `,"edits":${edits}` : ''}${top ? `,${JSON.stringify(top)}:{"polluted":true}` : ''}}`,
      );
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.stringMatching(/^v1\.[A-Za-z0-9_-]{0,40}$/),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.jsonValue({ maxDepth: 3 }).map((json) => craftedText(JSON.stringify(json))),
      { arbitrary: shaped.map(craftedText), weight: 3 },
    );
    fc.assert(
      fc.property(text, (link) => {
        const outcome = decodeShareState(link);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (!outcome.ok) {
          expect(outcome.message).toMatch(/^This share link cannot be opened: /);
          return;
        }
        const { state } = outcome;
        for (const part of [state, state.inputs, ...(state.edits ? [state.edits] : [])])
          expect(Object.getPrototypeOf(part)).toBe(Object.prototype);
        for (const input of Object.values(state.inputs)) expect(input === null || typeof input !== 'object').toBe(true);
        for (const edit of Object.values(state.edits ?? {}))
          expect(edit === null || typeof edit === 'string').toBe(true);
      }),
      { numRuns: 10_000, seed: 12 },
    );
  });

  // Regression: `{"inputs":{"__proto__":null}}` decoded to inputs whose prototype was null (the assignment
  // `checked['__proto__'] = null` swaps the prototype instead of adding a key).
  it('refuses an input named __proto__ rather than letting it swap the prototype of the decoded inputs', () => {
    for (const value of [null, 'x']) {
      const outcome = decodeShareState(
        crafted(JSON.parse(`{"page":"reports/a.md","inputs":{"__proto__":${JSON.stringify(value)}}}`)),
      );
      expect(outcome).toEqual({
        ok: false,
        message: "This share link cannot be opened: input name '__proto__' is not a name an input can have.",
      });
    }
  });

  it('never throws on any text, and refuses what it did not write (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((text) => `v1.${text}`),
        ),
        (text) => {
          const outcome = decodeShareState(text);
          expect(typeof outcome.ok).toBe('boolean');
          if (!outcome.ok) expect(outcome.message).toMatch(/^This share link cannot be opened: /);
        },
      ),
    );
  });
});
