import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FetchError,
  applyMirror,
  applyProxy,
  fetchBytes,
  type FetchProgress,
  type FetchSettings,
} from '../../src/download/fetch-file.ts';
import { startMockPortal, type MockPortal } from '../support/mock-portal.ts';

const CSV_PATH = '/data/dataset/pkg-1/resource/res-1/download/schools.csv';
const BIG_PATH = '/data/dataset/pkg-1/resource/res-2/download/big.csv';
const SIGN_IN_PATH = '/data/dataset/pkg-1/resource/res-3/download/expired.csv';
const MISLABELLED_PATH = '/data/dataset/pkg-1/resource/res-4/download/labelled-html.csv';
const CSV = 'School_code,School_name\n1001,Abbotsford Public School\n1002,Aberdeen Public School\n';
const BIG = 'School_code,Value\n' + Array.from({ length: 20_000 }, (_, index) => `${1000 + index},${index}\n`).join('');

let portal: MockPortal;
let sleeps: number[];

beforeEach(async () => {
  portal = await startMockPortal({
    files: {
      [CSV_PATH]: { body: CSV, contentType: 'text/csv' },
      [BIG_PATH]: { body: BIG, contentType: 'text/csv', chunked: true },
      [MISLABELLED_PATH]: { body: CSV, contentType: 'text/html' },
      [SIGN_IN_PATH]: {
        body: '\n  <!doctype html><html><head><title>Sign in &amp; continue</title></head></html>',
        contentType: 'text/csv',
      },
    },
  });
  sleeps = [];
});

afterEach(async () => {
  await portal.close();
});

/** Settings with instant, recorded backoff. */
function settings(extra: FetchSettings = {}): FetchSettings {
  return {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  };
}

/** The FetchError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return error;
}

/** A fetch that behaves like a browser blocked by CORS for everything but the proxy. */
function blockedExceptProxy(calls: string[]): typeof fetch {
  return async (input, init) => {
    const url = String(input);
    calls.push(url);
    if (!url.startsWith(`${portal.url}/proxy`)) throw new TypeError('Failed to fetch');
    return fetch(input, init);
  };
}

describe('fetchBytes', () => {
  it('downloads a file directly, reporting progress as bytes stream in', async () => {
    const url = portal.url + BIG_PATH;
    const progress: FetchProgress[] = [];
    const file = await fetchBytes(url, settings({ onProgress: (event) => progress.push(event) }));
    expect(new TextDecoder().decode(file.bytes)).toBe(BIG);
    expect(file).toMatchObject({ url, via: 'direct', contentType: 'text/csv', notes: [] });
    expect(progress[0]).toEqual({ url, loaded: 0, total: undefined, attempt: 1, via: 'direct' });
    expect(progress.at(-1)?.loaded).toBe(BIG.length);
    const loaded = progress.map((event) => event.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  });

  it('reports the Content-Length as the total when the server sends one', async () => {
    const url = portal.url + CSV_PATH;
    const progress: FetchProgress[] = [];
    await fetchBytes(url, settings({ onProgress: (event) => progress.push(event) }));
    expect(progress.at(-1)).toEqual({ url, loaded: CSV.length, total: CSV.length, attempt: 1, via: 'direct' });
    expect(portal.hits).toEqual([CSV_PATH]);
  });

  it('retries HTTP 500 with doubling backoff, then fails naming the status and URL', async () => {
    portal.setFailure(CSV_PATH, { kind: 'status', status: 500 });
    const notes: string[] = [];
    const error = await failure(fetchBytes(portal.url + CSV_PATH, settings({ onNote: (note) => notes.push(note) })));
    expect(error).toMatchObject({ kind: 'http', status: 500, url: portal.url + CSV_PATH });
    expect(error.message).toContain(`${portal.url + CSV_PATH} answered HTTP 500`);
    expect(error.message).toContain('Tried 3 times');
    expect(portal.hits).toEqual([CSV_PATH, CSV_PATH, CSV_PATH]);
    expect(sleeps).toEqual([500, 1000]);
    expect(notes).toHaveLength(2);
  });

  it('succeeds after two 503s', async () => {
    portal.setFailure(CSV_PATH, { kind: 'fail-times', times: 2, status: 503 });
    const file = await fetchBytes(portal.url + CSV_PATH, settings({ backoffMs: 10 }));
    expect(new TextDecoder().decode(file.bytes)).toBe(CSV);
    expect(portal.hits).toHaveLength(3);
    expect(sleeps).toEqual([10, 20]);
    expect(file.notes).toEqual([
      expect.stringMatching(/^Attempt 1 for .* failed \(HTTP 503\); trying again in 0\.01 s/),
      expect.stringMatching(/^Attempt 2 for .* failed \(HTTP 503\); trying again in 0\.02 s/),
    ]);
  });

  it('does not retry a 404', async () => {
    const url = `${portal.url}/data/dataset/pkg-1/resource/res-9/download/gone.csv`;
    const error = await failure(fetchBytes(url, settings()));
    expect(error).toMatchObject({ kind: 'http', status: 404, url });
    expect(error.message).toContain("Check the dataset's page on the portal");
    expect(portal.hits).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('times out a slow answer, retrying once', async () => {
    portal.setFailure(CSV_PATH, { kind: 'slow', delayMs: 5_000 });
    const error = await failure(fetchBytes(portal.url + CSV_PATH, settings({ timeoutMs: 200, retries: 1 })));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain(`${portal.url + CSV_PATH} did not arrive within 0.2 s`);
    expect(portal.hits).toHaveLength(2);
  });

  it('reports a body cut off before its Content-Length as truncated', async () => {
    portal.setFailure(CSV_PATH, { kind: 'truncated' });
    const error = await failure(fetchBytes(portal.url + CSV_PATH, settings({ retries: 1 })));
    expect(error.kind).toBe('truncated');
    expect(error.message).toContain(`The download of ${portal.url + CSV_PATH} stopped early`);
    expect(portal.hits).toHaveLength(2);
  });

  it('reports an HTML error page as not-data, quoting the first line of its title', async () => {
    portal.setFailure(CSV_PATH, { kind: 'html' });
    const error = await failure(fetchBytes(portal.url + CSV_PATH, settings()));
    expect(error.kind).toBe('not-data');
    expect(error.message).toContain(`${portal.url + CSV_PATH} sent a web page ("Page not found - Data.NSW")`);
    expect(portal.hits).toHaveLength(1);
  });

  it('recognises HTML by its first bytes whatever the Content-Type says', async () => {
    const error = await failure(fetchBytes(portal.url + SIGN_IN_PATH, settings()));
    expect(error.kind).toBe('not-data');
    expect(error.message).toContain('("Sign in & continue")');
  });

  it('keeps a CSV that the server mislabels as text/html', async () => {
    const file = await fetchBytes(portal.url + MISLABELLED_PATH, settings());
    expect(new TextDecoder().decode(file.bytes)).toBe(CSV);
  });

  it('refuses a file whose Content-Length is over the limit without reading it', async () => {
    const progress: FetchProgress[] = [];
    const error = await failure(
      fetchBytes(portal.url + CSV_PATH, settings({ maxBytes: 20, onProgress: (event) => progress.push(event) })),
    );
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain(
      `${portal.url + CSV_PATH} is ${CSV.length} bytes, over the download limit of 20 bytes.`,
    );
    expect(progress).toEqual([]);
    expect(portal.hits).toHaveLength(1);
  });

  it('stops a chunked download (no Content-Length) once it passes the limit', async () => {
    const progress: FetchProgress[] = [];
    const error = await failure(
      fetchBytes(portal.url + BIG_PATH, settings({ maxBytes: 50_000, onProgress: (event) => progress.push(event) })),
    );
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain(portal.url + BIG_PATH);
    expect(Math.max(...progress.map((event) => event.loaded))).toBeLessThanOrEqual(50_000);
    expect(portal.hits).toHaveLength(1);
  });

  it('cancels mid-download through the caller’s AbortController', async () => {
    const controller = new AbortController();
    const error = await failure(
      fetchBytes(portal.url + BIG_PATH, settings({ signal: controller.signal, onProgress: () => controller.abort() })),
    );
    expect(error).toMatchObject({
      kind: 'cancelled',
      message: `The download of ${portal.url + BIG_PATH} was cancelled.`,
    });
    expect(portal.hits).toHaveLength(1);
  });

  it('cancels during the wait between attempts', async () => {
    portal.setFailure(CSV_PATH, { kind: 'status', status: 503 });
    const controller = new AbortController();
    const error = await failure(
      fetchBytes(portal.url + CSV_PATH, { signal: controller.signal, sleep: async () => controller.abort() }),
    );
    expect(error.kind).toBe('cancelled');
    expect(portal.hits).toHaveLength(1);
  });

  it('does not start when already cancelled', async () => {
    const error = await failure(fetchBytes(portal.url + CSV_PATH, settings({ signal: AbortSignal.abort() })));
    expect(error.kind).toBe('cancelled');
    expect(portal.hits).toEqual([]);
  });

  it('goes through the CORS proxy when the portal blocks the browser', async () => {
    const calls: string[] = [];
    const url = portal.url + CSV_PATH;
    const proxy = `${portal.url}/proxy?url={encodedUrl}`;
    const file = await fetchBytes(url, settings({ fetch: blockedExceptProxy(calls), proxy }));
    expect(new TextDecoder().decode(file.bytes)).toBe(CSV);
    expect(file).toMatchObject({ url, via: 'proxy' });
    expect(calls).toEqual([url, applyProxy(proxy, url)]);
    expect(portal.hits).toEqual([`/proxy?url=${encodeURIComponent(url)}`]);
    expect(file.notes).toEqual([expect.stringContaining('retrying through your CORS proxy')]);
    expect(sleeps).toEqual([]);
  });

  it('names the original URL, not the proxied one, when the proxied request fails', async () => {
    const url = `${portal.url}/data/dataset/pkg-1/resource/res-9/download/gone.csv`;
    const proxy = `${portal.url}/proxy?url={encodedUrl}`;
    const error = await failure(fetchBytes(url, settings({ fetch: blockedExceptProxy([]), proxy })));
    expect(error).toMatchObject({ kind: 'http', status: 404, url });
    expect(error.message).toMatch(new RegExp(`^${escape(url)} answered HTTP 404 Not Found \\(through your CORS proxy`));
  });

  it('without a proxy, reports the block in plain words after retrying', async () => {
    const calls: string[] = [];
    const url = portal.url + CSV_PATH;
    const error = await failure(fetchBytes(url, settings({ fetch: blockedExceptProxy(calls) })));
    expect(error).toMatchObject({ kind: 'blocked', url });
    expect(error.message).toBe(
      `${new URL(url).host} did not answer this browser: the portal may not allow cross-site downloads (CORS), ` +
        'or you are offline. Set a CORS proxy in Settings, or download the file yourself and load it from file. ' +
        '(Tried 3 times.)',
    );
    expect(calls).toHaveLength(3);
    expect(portal.hits).toEqual([]);
  });

  it('reports an unusable proxy setting once, without retrying', async () => {
    const calls: string[] = [];
    const error = await failure(
      fetchBytes(portal.url + CSV_PATH, settings({ fetch: blockedExceptProxy(calls), proxy: 'corsproxy.io/?url=' })),
    );
    expect(error.kind).toBe('blocked');
    expect(error.message).toContain('The CORS proxy "corsproxy.io/?url=" is not a web address');
    expect(calls).toHaveLength(1);
  });
});

describe('applyProxy', () => {
  const url = 'https://data.nsw.gov.au/data/dataset/p/resource/r/download/a b.csv?x=1&y=2';
  const encoded = encodeURIComponent(url);
  it.each([
    ['https://corsproxy.io/?url={encodedUrl}', `https://corsproxy.io/?url=${encoded}`],
    ['https://proxy.example/{url}', `https://proxy.example/${url}`],
    ['https://proxy.example/?u={encodedUrl}&raw={url}', `https://proxy.example/?u=${encoded}&raw=${url}`],
    ['https://corsproxy.io/?', `https://corsproxy.io/?${encoded}`],
    ['  http://localhost:8080/fetch?target=  ', `http://localhost:8080/fetch?target=${encoded}`],
  ])('%s', (template, expected) => {
    expect(applyProxy(template, url)).toBe(expected);
  });

  it('substitutes once, even if the URL contains a placeholder', () => {
    expect(applyProxy('https://p.example/{url}', 'https://x.example/{encodedUrl}')).toBe(
      'https://p.example/https://x.example/{encodedUrl}',
    );
  });

  it.each(['corsproxy.io/?url={encodedUrl}', 'ftp://proxy.example/{url}', 'javascript:alert(1)//{url}', ''])(
    'rejects %j',
    (template) => {
      expect(() => applyProxy(template, url)).toThrow(/must start with http:\/\/ or https:\/\//);
    },
  );
});

describe('applyMirror', () => {
  it.each([
    [
      'http://127.0.0.1:9000',
      'https://data.nsw.gov.au/data/dataset/p/resource/r/download/master_dataset.csv',
      'http://127.0.0.1:9000/data/dataset/p/resource/r/download/master_dataset.csv',
    ],
    [
      'http://127.0.0.1:9000/',
      'https://data.nsw.gov.au/data/api/3/action/datastore_search?resource_id=r&limit=1000',
      'http://127.0.0.1:9000/data/api/3/action/datastore_search?resource_id=r&limit=1000',
    ],
    [
      'https://mirror.example/nsw/',
      'https://dataandreporting.blob.core.windows.net/anrdataportal/ANR-ExcelDownloads/2022R1/Staff%20numbers%20dataset.xlsx',
      'https://mirror.example/nsw/anrdataportal/ANR-ExcelDownloads/2022R1/Staff%20numbers%20dataset.xlsx',
    ],
    ['http://m.example', 'http://DATA.NSW.GOV.AU/data/x.csv#top', 'http://m.example/data/x.csv#top'],
    ['http://m.example', 'https://example.com/data/x.csv', 'https://example.com/data/x.csv'],
    ['http://m.example', 'https://data.cese.nsw.gov.au/data/x.csv', 'https://data.cese.nsw.gov.au/data/x.csv'],
    ['http://m.example', 'https://data.nsw.gov.au:8443/data/x.csv', 'https://data.nsw.gov.au:8443/data/x.csv'],
    ['', 'https://data.nsw.gov.au/data/x.csv', 'https://data.nsw.gov.au/data/x.csv'],
  ])('%s + %s', (mirror, url, expected) => {
    expect(applyMirror(mirror, url)).toBe(expected);
  });

  it('rejects a mirror that is not a web address', () => {
    expect(() => applyMirror('file:///tmp/mirror', 'https://data.nsw.gov.au/data/x.csv')).toThrow(/http:\/\//);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
