import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareState } from '../core/report/url-state.ts';
import { parseHashRoute } from './hash-route.ts';

describe('parseHashRoute', () => {
  it('reads a report, a page and the query', () => {
    const report = parseHashRoute('#/reports/schools?state=v1.abc');
    expect(report).toMatchObject({ view: 'report', slug: 'schools' });
    expect(report.query.get('state')).toBe('v1.abc');
    expect(parseHashRoute('#/workbench')).toMatchObject({ view: 'workbench' });
    expect(parseHashRoute('#/runs')).toMatchObject({ view: 'runs' });
    expect(parseHashRoute('')).toMatchObject({ view: 'report', slug: undefined });
  });

  // Regression: decodeURIComponent threw on `#/reports/%E0%A4%A`, and the page did not open.
  it('reads a path that is not valid percent-encoding as written', () => {
    expect(parseHashRoute('#/reports/%E0%A4%A')).toMatchObject({ view: 'report', slug: '%E0%A4%A' });
    expect(parseHashRoute('#/%')).toMatchObject({ view: 'report', slug: undefined });
  });

  it('opens 10,000 arbitrary addresses, and their share state, without throwing (property)', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const hash = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }).map((url) => `#/${url}`),
      fc
        .tuple(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 40 }))
        .map(([path, state]) => `#/reports/${path}?state=${state}`),
      fc.stringMatching(/^#\/(reports\/)?[%A-Fa-f0-9]{0,12}(\?state=v1\.[A-Za-z0-9_%-]{0,30})?$/),
    );
    fc.assert(
      fc.property(hash, (value) => {
        const route = parseHashRoute(value);
        const token = route.query.get('state');
        if (token !== null) expect(typeof decodeShareState(token).ok).toBe('boolean');
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
      }),
      { numRuns: 10_000, seed: 7 },
    );
  });
});
