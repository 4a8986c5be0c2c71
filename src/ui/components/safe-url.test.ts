import { describe, expect, it } from 'vitest';
import { safeUrl } from './safe-url.ts';

describe('safeUrl', () => {
  it('allows the site’s own pages and web addresses', () => {
    for (const url of [
      '#/reports/funding',
      '/docs',
      './a',
      '../b',
      'https://data.nsw.gov.au/',
      'HTTP://x.org',
      'mailto:a@b.au',
    ]) {
      expect(safeUrl(url), url).toBe(true);
    }
  });

  it('refuses script, data and look-alike addresses', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/',
      '/\\evil.example/',
      'reports/funding',
      'https:evil',
    ]) {
      expect(safeUrl(url), JSON.stringify(url)).toBe(false);
    }
  });
});
