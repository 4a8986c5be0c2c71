import { afterEach, describe, expect, it } from 'vitest';
import type { SourceFileSpec, SourceSpec } from '../../src/core/sources/catalogue.ts';
import { FetchError, type FetchProgress } from '../../src/download/fetch-file.ts';
import { fetchSourceFile, type PortalSettings } from '../../src/download/fetch-source.ts';
import { startMockPortal, type MockPortal, type MockPortalOptions } from '../support/mock-portal.ts';

const PACKAGE = '78c10ea3-8d04-4c9c-b255-bbf8547e37e7';
const RESOURCE = '3e6d5f6a-055c-440d-a690-fc0537c31095';
const OLD_PATH = `/data/dataset/${PACKAGE}/resource/${RESOURCE}/download/master_dataset.csv`;
const NEW_PATH = `/data/dataset/${PACKAGE}/resource/${RESOURCE}/download/master_dataset_2025.csv`;
const CSV = 'School_code,School_name\n1001,Abbotsford Public School\n';
const ENROLMENTS = '7a662477-3585-42ba-8e19-1387d6790588';
const ACARA_PATH = '/anrdataportal/ANR-ExcelDownloads/2022R1/Staff%20numbers%20dataset.xlsx';
const XLSX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);

let portal: MockPortal | undefined;

afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

async function start(options: MockPortalOptions): Promise<MockPortal> {
  portal = await startMockPortal(options);
  return portal;
}

/** Settings that read the real portal addresses from the mock, with instant backoff. */
function settings(mock: MockPortal, extra: PortalSettings = {}): PortalSettings {
  return { mirror: mock.url, sleep: async () => undefined, ...extra };
}

function source(overrides: Partial<SourceSpec> & { files: SourceFileSpec[] }): SourceSpec {
  return {
    uniqueId: 'source.stack.raw.schools',
    title: 'NSW public schools master dataset',
    publisher: 'NSW Department of Education',
    licence: 'CC-BY-4.0',
    packageId: PACKAGE,
    format: 'csv',
    columns: [],
    suppressed: [],
    dropRows: [],
    ...overrides,
  };
}

const schoolsFile: SourceFileSpec = {
  resourceId: RESOURCE,
  resourceName: 'NSW Public Schools Master Dataset',
  url: `https://data.nsw.gov.au${OLD_PATH}`,
  fileName: 'master_dataset.csv',
};

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof FetchError)) throw new Error(`expected a FetchError, got ${String(error)}`);
  return error;
}

describe('fetchSourceFile: CSV and XLSX downloads', () => {
  it('downloads a Data.NSW file from the mirror', async () => {
    const mock = await start({ files: { [OLD_PATH]: { body: CSV, contentType: 'text/csv' } } });
    const file = await fetchSourceFile({
      spec: source({ files: [schoolsFile] }),
      file: schoolsFile,
      settings: settings(mock),
    });
    expect(new TextDecoder().decode(file.bytes)).toBe(CSV);
    expect(file).toMatchObject({ url: mock.url + OLD_PATH, via: 'direct', notes: [] });
  });

  it('downloads an ACARA workbook from the mirror, keeping the encoded path', async () => {
    const mock = await start({
      files: {
        [ACARA_PATH]: { body: XLSX, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      },
    });
    const file: SourceFileSpec = {
      url: `https://dataandreporting.blob.core.windows.net${ACARA_PATH}`,
      fileName: 'Staff numbers dataset.xlsx',
    };
    const spec = source({ title: 'ACARA staff numbers', format: 'xlsx', packageId: undefined, files: [file] });
    const fetched = await fetchSourceFile({ spec, file, settings: settings(mock) });
    expect(fetched.bytes).toEqual(XLSX);
    expect(mock.hits).toEqual([ACARA_PATH]);
  });

  it('finds a moved file through package_show by resource id', async () => {
    const mock = await start({
      files: { [NEW_PATH]: { body: CSV, contentType: 'text/csv' } },
      packages: { [PACKAGE]: { resources: [{ id: RESOURCE, name: 'Master dataset 2025', url: NEW_PATH }] } },
    });
    const notes: string[] = [];
    const file = await fetchSourceFile({
      spec: source({ files: [schoolsFile] }),
      file: schoolsFile,
      settings: settings(mock, { onNote: (note) => notes.push(note) }),
    });
    expect(new TextDecoder().decode(file.bytes)).toBe(CSV);
    expect(file.url).toBe(mock.url + NEW_PATH);
    const moved =
      'The download URL for NSW public schools master dataset has moved; found the current one through the ' +
      `portal's catalogue: ${mock.url + NEW_PATH}`;
    expect(file.notes).toEqual([moved]);
    expect(notes).toEqual([moved]);
    expect(mock.hits).toEqual([OLD_PATH, `/data/api/3/action/package_show?id=${PACKAGE}`, NEW_PATH]);
  });

  it('finds a moved file by resource name (ignoring case) when the id changed, on the mirror', async () => {
    const mock = await start({
      files: { [NEW_PATH]: { body: CSV, contentType: 'text/csv' } },
      packages: {
        [PACKAGE]: {
          resources: [
            { id: 'other', name: 'Data dictionary', url: '/data/dictionary.pdf' },
            { id: 'new-id', name: ' nsw public schools MASTER dataset ', url: `https://data.nsw.gov.au${NEW_PATH}` },
          ],
        },
      },
    });
    const file = { ...schoolsFile, year: 2025 };
    const fetched = await fetchSourceFile({ spec: source({ files: [file] }), file, settings: settings(mock) });
    expect(fetched.url).toBe(mock.url + NEW_PATH);
    expect(fetched.notes[0]).toContain('The download URL for NSW public schools master dataset (2025) has moved');
  });

  it('says so when the package no longer lists the resource', async () => {
    const mock = await start({
      packages: { [PACKAGE]: { resources: [{ id: 'other', name: 'Data dictionary', url: '/data/dictionary.pdf' }] } },
    });
    const error = await failure(
      fetchSourceFile({ spec: source({ files: [schoolsFile] }), file: schoolsFile, settings: settings(mock) }),
    );
    expect(error).toMatchObject({ kind: 'http', status: 404, url: mock.url + OLD_PATH });
    expect(error.message).toContain(`${mock.url + OLD_PATH} is gone (HTTP 404)`);
    expect(error.message).toContain(
      `package ${PACKAGE} in the portal's catalogue has no resource with id ${RESOURCE} or name ` +
        '"NSW Public Schools Master Dataset" any more (it lists: "Data dictionary")',
    );
    expect(mock.hits).toEqual([OLD_PATH, `/data/api/3/action/package_show?id=${PACKAGE}`]);
  });

  it('says so when package_show itself fails, quoting CKAN', async () => {
    const mock = await start({ packages: {} });
    const error = await failure(
      fetchSourceFile({ spec: source({ files: [schoolsFile] }), file: schoolsFile, settings: settings(mock) }),
    );
    expect(error).toMatchObject({ kind: 'http', status: 404 });
    expect(error.message).toContain(`looking up package ${PACKAGE} (for resource with id ${RESOURCE}`);
    expect(error.message).toContain('The portal said: "Not found"');
  });

  it('does not look up a file that failed for another reason', async () => {
    const mock = await start({ files: { [OLD_PATH]: { body: CSV } } });
    mock.setFailure(OLD_PATH, { kind: 'status', status: 500 });
    const error = await failure(
      fetchSourceFile({ spec: source({ files: [schoolsFile] }), file: schoolsFile, settings: settings(mock) }),
    );
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(mock.hits).toEqual([OLD_PATH, OLD_PATH, OLD_PATH]);
  });
});

describe('fetchSourceFile: DataStore tables', () => {
  const fields = [
    { id: 'School Code', type: 'text' },
    { id: '2024', type: 'text' },
  ];
  const records = Array.from({ length: 2500 }, (_, index) => ({
    'School Code': String(1001 + index),
    2024: `${index}.0`,
  }));
  const enrolments: SourceFileSpec = { resourceId: ENROLMENTS, fileName: `${ENROLMENTS}.json` };
  const spec = source({ title: 'Enrolments (primary)', format: 'datastore', files: [enrolments] });
  const search = '/data/api/3/action/datastore_search';

  it('pages through datastore_search into one document, every record once and in order', async () => {
    const mock = await start({ datastore: { [ENROLMENTS]: { fields, records } } });
    const progress: FetchProgress[] = [];
    const file = await fetchSourceFile({
      spec,
      file: enrolments,
      settings: settings(mock, { onProgress: (event) => progress.push(event) }),
    });
    const document = JSON.parse(new TextDecoder().decode(file.bytes)) as {
      success: boolean;
      result: { resource_id: string; fields: unknown[]; records: Record<string, unknown>[]; total: number };
    };
    expect(document.success).toBe(true);
    expect(document.result).toMatchObject({ resource_id: ENROLMENTS, total: 2500 });
    expect(document.result).not.toHaveProperty('_links');
    expect(document.result.fields).toEqual([{ id: '_id', type: 'int' }, ...fields]);
    expect(document.result.records).toEqual(records.map((record, index) => ({ _id: index + 1, ...record })));
    expect(file.contentType).toBe('application/json');
    const first = `${mock.url}${search}?resource_id=${ENROLMENTS}&limit=1000`;
    expect(file.url).toBe(first);
    expect(progress).toEqual(
      [1000, 2000, 2500].map((loaded) => ({ url: first, loaded, total: 2500, attempt: 1, via: 'direct' })),
    );
    expect(mock.hits).toEqual([
      `${search}?resource_id=${ENROLMENTS}&limit=1000`,
      `${search}?resource_id=${ENROLMENTS}&limit=1000&offset=1000`,
      `${search}?resource_id=${ENROLMENTS}&limit=1000&offset=2000`,
      `${search}?resource_id=${ENROLMENTS}&limit=1000&offset=3000`,
    ]);
  });

  it('uses the page size and retries a flaky page', async () => {
    const mock = await start({ datastore: { [ENROLMENTS]: { fields, records: records.slice(0, 5) } } });
    mock.setFailure(search, { kind: 'fail-times', times: 1, status: 503 });
    const file = await fetchSourceFile({ spec, file: enrolments, settings: settings(mock, { pageSize: 2 }) });
    const document = JSON.parse(new TextDecoder().decode(file.bytes)) as { result: { records: unknown[] } };
    expect(document.result.records).toHaveLength(5);
    expect(mock.hits).toHaveLength(5);
    expect(file.notes).toEqual([expect.stringContaining('failed (HTTP 503)')]);
  });

  it('stops when the next link goes back to a page already read', async () => {
    const loop = `/api/3/action/datastore_search?offset=1&resource_id=${ENROLMENTS}`;
    const mock = await start({
      routes: {
        [search]: () => ({
          contentType: 'application/json',
          body: JSON.stringify({
            success: true,
            result: { resource_id: ENROLMENTS, fields, records: [records[0]], _links: { next: loop }, total: 2500 },
          }),
        }),
      },
    });
    const error = await failure(fetchSourceFile({ spec, file: enrolments, settings: settings(mock) }));
    expect(error.kind).toBe('not-data');
    expect(error.message).toContain('its next-page link went back to a page already read');
    expect(mock.hits).toEqual([`${search}?resource_id=${ENROLMENTS}&limit=1000`, `/data${loop}`]);
  });

  it('quotes CKAN when it answers success: false', async () => {
    const mock = await start({
      routes: {
        [search]: () => ({
          contentType: 'application/json',
          body: JSON.stringify({ success: false, error: { message: 'Access denied', __type: 'Authorization Error' } }),
        }),
      },
    });
    const error = await failure(fetchSourceFile({ spec, file: enrolments, settings: settings(mock) }));
    expect(error.kind).toBe('not-data');
    expect(error.message).toContain('"Access denied"');
  });

  it('reports a missing result as not-data', async () => {
    const mock = await start({
      routes: { [search]: () => ({ contentType: 'application/json', body: '{"success": true}' }) },
    });
    const error = await failure(fetchSourceFile({ spec, file: enrolments, settings: settings(mock) }));
    expect(error.kind).toBe('not-data');
    expect(error.message).toContain('answered without a result');
  });

  it("quotes CKAN's words for an unknown resource", async () => {
    const mock = await start({ datastore: {} });
    const error = await failure(fetchSourceFile({ spec, file: enrolments, settings: settings(mock) }));
    expect(error).toMatchObject({ kind: 'http', status: 404 });
    expect(error.message).toContain(`The portal said: "Not found: Resource "${ENROLMENTS}" was not found."`);
  });
});
