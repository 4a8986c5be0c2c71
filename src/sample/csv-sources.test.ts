import { describe, expect, it } from 'vitest';
import { CLASS_SIZE_RESOURCE_ID } from './class-size.ts';
import { CSV_SAMPLES } from './csv-sources.ts';
import { ENROLMENT_FOOTNOTES, ENROLMENT_RESOURCES } from './enrolments.ts';
import { generateRamFiles } from './ram-funding.ts';
import { RETENTION_PERIODS, RETENTION_RESOURCE_IDS } from './retention.ts';
import type { SampleFile } from './sample-file.ts';
import { compareSchoolNames, createSchoolHistory } from './school-history.ts';
import { generateSchools } from './schools.ts';
import { parseCsv } from '../core/sources/csv.ts';

const generated = Object.entries(CSV_SAMPLES).map(([source, generate]) => [source, generate()] as const);
const files = new Map(generated.flatMap(([, list]) => list.map((file) => [file.fileName, text(file)] as const)));
const master = new Map(generateSchools({}).map((school) => [String(school.code), school]));

const RAM_HEADERS: readonly (readonly [string, string])[] = [
  ['data-hub-2019-approved.csv', 'School Code,School Full Name,Sum of RAM Funding (incl oncosts) $'],
  ['data-hub-2020-approved-ram.csv', 'School Code,School Full Name, Sum of RAM Funding (incl oncosts) $ '],
  [
    'data-hub-2021-approved-ram.csv',
    'School Code,School Full Name,Original RAM Funding $ ,RAM Funding - post Adjustments $',
  ],
  [
    'data-hub-2022-approved-ram.csv',
    'School Code,School Full Name,Original RAM Funding $,RAM Funding - post Adjustments $',
  ],
  [
    'data-hub-2023-approved-ram.csv',
    'School Code,School Full Name,Original RAM Funding $ ,RAM Funding - post Adjustments $',
  ],
  [
    'data-hub-2024-sbar-adjustments.csv',
    'School Code,School Full Name,Original RAM Funding $,RAM Funding - post Adjustments $',
  ],
];
const ATTENDANCE = '2023-attendance-rates-by-government-schools.csv';
const COMPOSITE = '2024-multi-age-composite-classes.csv';
const COMPOSITE_YY = ['14', '15', '16', '17', '18', '19', '21', '22', '23', '24'];
const COMPOSITE_HEADER = ['School code', 'School Name'].concat(
  ...COMPOSITE_YY.map((yy) =>
    ['COMPOSITE_CLASS_COUNT', 'COMPOSITE_CLASS_STUDENTS', 'PCT_COMPOSITE_CLASSES', 'PCT_COMPOSITE_CLASS_STUDENTS'].map(
      (stem) => `${stem}_${yy}`,
    ),
  ),
);
// prettier-ignore
const RETENTION_YEARS = [
  '2014', '2015', '2016', '2017', '2018', '2019', '2020 (old methodology)', '2020 (new methodology)', '2021', '2022', '2023',
];

describe('CSV_SAMPLES', () => {
  it.each([
    ['ram', RAM_HEADERS.map(([name]) => name)],
    ['attendance', [ATTENDANCE]],
    ['composite_classes', [COMPOSITE]],
    ['enrolments', ENROLMENT_RESOURCES.map((resource) => `${resource.resourceId}.json`)],
    ['retention', Object.values(RETENTION_RESOURCE_IDS).map((id) => `${id}.json`)],
    ['class_size', [`${CLASS_SIZE_RESOURCE_ID}.json`]],
  ])('names the %s files as the portal does', (source, names) => {
    expect(generated.find(([name]) => name === source)?.[1].map((file) => file.fileName)).toEqual(names);
  });

  it.each(generated.map(([source]) => [source]))('is deterministic: %s gives byte-identical files twice', (source) => {
    expect(CSV_SAMPLES[source]?.()).toEqual(generated.find(([name]) => name === source)?.[1]);
  });

  it('does not depend on the shared school history: a fresh one gives the same RAM files', () => {
    expect(generateRamFiles(createSchoolHistory())).toEqual(generated.find(([name]) => name === 'ram')?.[1]);
  });
});

describe.each([
  ...RAM_HEADERS.map(([name, header]) => [name, header, false] as const),
  [ATTENDANCE, 'school_code,school_name,2011,2012,2013,2014,2015,2016,2017,2018,2019,2021,2022,2023', true] as const,
  [COMPOSITE, COMPOSITE_HEADER.join(','), true] as const,
])('%s', (name, header, bom) => {
  const content = files.get(name) ?? '';

  it('starts with the exact header, stray spaces included', () => {
    expect(content.replace(/^\uFEFF/, '').split('\r\n', 1)[0]).toBe(header);
  });

  it(`${bom ? 'starts' : 'does not start'} with a UTF-8 byte order mark`, () => {
    expect(content.startsWith('\uFEFF')).toBe(bom);
  });

  it('ends every line, the last one too, with CRLF', () => {
    expect(content).not.toMatch(/[^\r]\n|\r[^\n]/);
    expect(content.endsWith('\r\n')).toBe(true);
  });

  it('has no 2020 column', () => {
    expect(header).not.toMatch(/2020|_20(,|$)/);
  });

  it('writes every row with as many fields as the header', () => {
    const width = parseCsv(header)[0]?.length;
    expect(new Set(parseCsv(content).map((fields) => fields.length))).toEqual(new Set([width]));
  });

  it('names the master dataset schools, with a few missing and a few extra (closed) ones', () => {
    const rows = parseCsv(content)
      .slice(1, -1)
      .filter((fields) => /^\d{4}$/.test(fields[0] ?? ''));
    const known = rows.filter(([code, schoolName]) => master.get(code ?? '')?.name === schoolName);
    const extra = rows.filter(([code]) => !master.has(code ?? ''));
    expect(known.length + extra.length).toBe(rows.length);
    expect(extra.length).toBeGreaterThan(0);
    expect(extra.length).toBeLessThan(40);
    expect(new Set(rows.map(([code]) => code)).size).toBe(rows.length);
  });
});

describe.each(RAM_HEADERS.map(([name]) => [name]))('RAM file %s', (name) => {
  const records = parseCsv(files.get(name) ?? '');
  const body = records.slice(1, -1);

  it('ends with a Total row whose amounts equal the column sums', () => {
    const total = records.at(-1) ?? [];
    expect(total.slice(0, 2)).toEqual(['Total', '']);
    total.slice(2).forEach((amount, i) => {
      expect(parseMoney(amount)).toBe(body.reduce((sum, fields) => sum + parseMoney(fields[2 + i] ?? ''), 0));
    });
    expect(files.get(name)).toMatch(/\r\nTotal,,"\$\d{1,3}(,\d{3})+"/);
  });

  it('writes money as quoted text like "$367,074", with a few blank cells and some blank rows', () => {
    const amounts = body.flatMap((fields) => fields.slice(2));
    expect(amounts.filter((amount) => !/^(\$\d{1,3}(,\d{3})*)?$/.test(amount))).toEqual([]);
    expect(amounts.filter((amount) => amount === '').length).toBeGreaterThan(body.filter(isBlank).length);
    expect(body.filter(isBlank).length).toBeGreaterThanOrEqual(2);
    expect(files.get(name)).toMatch(/\r\n\d{4},[^,\r\n]+,"\$\d{3},\d{3}"/);
    expect(files.get(name)).toMatch(/\r\n,,+\r\n/);
  });

  it('leaves out one to three of the master dataset schools open that year', () => {
    const year = Number(/\d{4}/.exec(name)?.[0]);
    const listed = new Set(body.map(([code]) => code));
    const missing = [...master.values()].filter(
      (school) => school.openedYear <= year && !listed.has(String(school.code)),
    );
    expect(missing.length).toBeGreaterThanOrEqual(1);
    expect(missing.length).toBeLessThanOrEqual(3);
  });

  it('funds each school from about $300k to $15M', () => {
    const amounts = body
      .flatMap((fields) => fields.slice(2))
      .filter(Boolean)
      .map(parseMoney);
    expect(Math.min(...amounts)).toBeGreaterThan(200_000);
    expect(Math.max(...amounts)).toBeLessThan(20_000_000);
  });
});

describe('RAM files over the years', () => {
  it('grow about 3% a year', () => {
    const totals = RAM_HEADERS.map(([name]) => parseMoney(parseCsv(files.get(name) ?? '').at(-1)?.[2] ?? ''));
    const yearly = ((totals.at(-1) ?? 0) / (totals[0] ?? 1)) ** (1 / 5);
    expect(yearly).toBeGreaterThan(1.02);
    expect(yearly).toBeLessThan(1.05);
  });
});

describe('attendance file', () => {
  const [header = [], ...rows] = parseCsv(files.get(ATTENDANCE) ?? '');
  const schools = rows.slice(0, -1);

  it('ends with the state total: blank code, "NSW government", a rate every year', () => {
    const state = rows.at(-1) ?? [];
    expect(state.slice(0, 2)).toEqual(['', 'NSW government']);
    expect(state.slice(2).every((value) => /^\d{2}(\.\d)?$/.test(value))).toBe(true);
  });

  it('writes rates with one decimal (none when whole), sp, na or blank', () => {
    const values = schools.flatMap((fields) => fields.slice(2));
    expect(values.filter((value) => !/^(\d{1,3}(\.\d)?|sp|na|)$/.test(value))).toEqual([]);
    for (const quirk of [/^\d+$/, /^sp$/, /^na$/, /^$/]) expect(values.some((value) => quirk.test(value))).toBe(true);
  });

  it('lists special schools (SSPs) only from 2021', () => {
    const ssps = schools.filter(([code]) => master.get(code ?? '')?.level === 'Schools for Specific Purposes');
    expect(ssps.length).toBeGreaterThan(50);
    const before2021 = header.findIndex((name) => name === '2021');
    for (const fields of ssps) expect(fields.slice(2, before2021).every((value) => value === '')).toBe(true);
  });

  it('sorts schools by name as the portal does (case, apostrophes and hyphens ignored)', () => {
    const names = schools.map(([, name]) => name ?? '');
    expect(names).toEqual([...names].sort(compareSchoolNames));
    expect(["O'Connell Public School", 'Ocean Shores Public School'].sort(compareSchoolNames)).toEqual([
      'Ocean Shores Public School',
      "O'Connell Public School",
    ]);
  });
});

describe('composite classes file', () => {
  const [, ...rows] = parseCsv(files.get(COMPOSITE) ?? '');
  const schools = rows.slice(0, -1);

  it('lists only schools with primary classes, about 1,700 of them', () => {
    const levels = new Set(schools.map(([code]) => master.get(code ?? '')?.level).filter(Boolean));
    expect(levels).toEqual(new Set(['Primary School', 'Infants School', 'Central/Community School']));
    expect(schools.length).toBeGreaterThan(1500);
    expect(schools.length).toBeLessThan(1800);
  });

  it('writes NULL percentages only where the count is 0, and has both NULL and 0 percentages', () => {
    const groups = schools.flatMap((fields) => COMPOSITE_YY.map((_, i) => fields.slice(2 + 4 * i, 6 + 4 * i)));
    expect(groups.filter(([count, , pct]) => pct === 'NULL' && count !== '0')).toEqual([]);
    expect(
      groups.some(
        ([count, students, pct, pctStudents]) => [count, students, pct, pctStudents].join() === '0,0,NULL,NULL',
      ),
    ).toBe(true);
    expect(groups.some((group) => group.join() === '0,0,0,0')).toBe(true);
    const percentages = groups.flatMap((group) => group.slice(2)).filter((value) => value !== 'NULL');
    expect(percentages.filter((value) => !/^\d{1,3}(\.\d)?$/.test(value) || Number(value) > 100)).toEqual([]);
  });

  it('ends with the 9999,NSW row summing the counts and students', () => {
    const state = rows.at(-1) ?? [];
    expect(state.slice(0, 2)).toEqual(['9999', 'NSW']);
    for (let column = 2; column < state.length; column += 4) {
      for (const offset of [0, 1]) {
        const sum = schools.reduce((total, fields) => total + Number(fields[column + offset]), 0);
        expect(Number(state[column + offset])).toBe(sum);
      }
    }
  });
});

describe.each(
  generated
    .flatMap(([, list]) => list)
    .filter((file) => file.fileName.endsWith('.json'))
    .map((file) => [file.fileName, file] as const),
)('DataStore page %s', (_, file) => {
  const page = JSON.parse(text(file)) as DatastorePage;

  it('has the documented datastore_search shape, every record on one page', () => {
    const id = file.fileName.replace(/\.json$/, '');
    expect(page.help).toMatch(/^https:\/\/data\.nsw\.gov\.au\/data\/api\/3\/action\/help_show/);
    expect(page.success).toBe(true);
    expect(Object.keys(page.result)).toEqual([
      'include_total',
      'resource_id',
      'fields',
      'records_format',
      'records',
      'limit',
      'offset',
      'total',
      '_links',
    ]);
    expect(page.result).toMatchObject({ include_total: true, resource_id: id, records_format: 'objects', offset: 0 });
    expect([page.result.limit, page.result.total]).toEqual([page.result.records.length, page.result.records.length]);
    expect(page.result._links).toEqual({
      start: `/api/3/action/datastore_search?resource_id=${id}`,
      next: `/api/3/action/datastore_search?offset=${page.result.total}&resource_id=${id}`,
    });
  });

  it('starts the fields with _id (int), the rest text, and keys every record in field order', () => {
    expect(page.result.fields[0]).toEqual({ id: '_id', type: 'int' });
    expect(page.result.fields.slice(1).every((field) => field.type === 'text')).toBe(true);
    const ids = page.result.fields.map((field) => field.id);
    page.result.records.forEach((record, i) => {
      expect(Object.keys(record).sort()).toEqual([...ids].sort());
      expect(record._id).toBe(i + 1);
    });
    expect(text(file)).toMatch(/"records": \[\{"_id": 1, /);
  });
});

describe.each(ENROLMENT_RESOURCES.map((resource) => [resource.resourceId, resource] as const))(
  'enrolments %s',
  (id, resource) => {
    const records = (JSON.parse(files.get(`${id}.json`) ?? '{}') as DatastorePage).result.records;
    const schools = records.slice(0, -ENROLMENT_FOOTNOTES.length);
    const years = ['2020', '2021', '2022', '2023', '2024'];

    it('has the directorate, code, name and year fields', () => {
      const page = JSON.parse(files.get(`${id}.json`) ?? '{}') as DatastorePage;
      const fields = [resource.directorateColumn, 'School Code', 'School Name', ...years];
      expect(page.result.fields.map((field) => field.id)).toEqual(['_id', ...fields]);
    });

    it('ends with footnote records that have no school code', () => {
      const footnotes = records.slice(-ENROLMENT_FOOTNOTES.length);
      expect(footnotes.map((record) => record[resource.directorateColumn])).toEqual(ENROLMENT_FOOTNOTES);
      expect(footnotes.every((record) => record['School Code'] === null && record['2024'] === null)).toBe(true);
    });

    it('writes FTE as text with one decimal, or - where the school was not open', () => {
      const values = schools.flatMap((record) => years.map((year) => String(record[year])));
      expect(values.filter((value) => !/^\d+\.\d$|^-$/.test(value.trim()))).toEqual([]);
      expect(values.some((value) => value.trim() === '-')).toBe(true);
      const padded = values.some((value) => value !== value.trim());
      expect(padded).toBe(resource.directorateColumn === 'Operational Directorate');
    });

    it('names master dataset schools (footnote markers aside) of its levels', () => {
      const known = schools.filter((record) => {
        const school = master.get(String(record['School Code']));
        return (
          school &&
          resource.levels.includes(school.level) &&
          String(record['School Name']).replace(/ \[\d\]$/, '') === school.name
        );
      });
      expect(schools.length - known.length).toBeLessThan(10);
      expect(schools.some((record) => / \[\d\]$/.test(String(record['School Name'])))).toBe(true);
    });
  },
);

describe('retention pages', () => {
  const page = (id: string) => (JSON.parse(files.get(`${id}.json`) ?? '{}') as DatastorePage).result;

  it.each([
    [RETENTION_RESOURCE_IDS.years7To10, 'SA4 Groups'],
    [RETENTION_RESOURCE_IDS.years10To12, 'SA4 Groups'],
    [RETENTION_RESOURCE_IDS.aboriginal, 'Retention period'],
  ])('%s has a %s column, then 2014–2023 with two 2020 columns', (id, label) => {
    expect(page(id).fields.map((field) => field.id)).toEqual(['_id', label, ...RETENTION_YEARS]);
    const values = page(id).records.flatMap((record) => RETENTION_YEARS.map((year) => String(record[year])));
    expect(values.filter((value) => !/^\d{1,3}\.\d$/.test(value))).toEqual([]);
  });

  it('has an NSW row and about ten SA4 groups, and the three Aboriginal retention periods', () => {
    const groups = page(RETENTION_RESOURCE_IDS.years7To10).records.map((record) => record['SA4 Groups']);
    expect(groups).toContain('NSW');
    expect(groups).toContain('Sydney - City and Inner South');
    expect(groups.length).toBeGreaterThanOrEqual(9);
    expect(page(RETENTION_RESOURCE_IDS.aboriginal).records.map((record) => record['Retention period'])).toEqual(
      RETENTION_PERIODS,
    );
  });
});

describe('class size page', () => {
  const records = (JSON.parse(files.get(`${CLASS_SIZE_RESOURCE_ID}.json`) ?? '{}') as DatastorePage).result.records;
  const columns = ['Year', 'K', 'Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6', 'K-6'];

  it('holds one embedded header record, whose values are the field names', () => {
    const headers = records.filter((record) => columns.every((column) => record[column] === column));
    expect(headers).toHaveLength(1);
  });

  it('has 2009–2023 averages as text, and a couple of - records', () => {
    const years = records.filter((record) => /^\d{4}$/.test(String(record.Year)));
    expect(years.map((record) => record.Year)).toEqual(Array.from({ length: 15 }, (_, i) => String(2009 + i)));
    for (const record of years) expect(columns.slice(1).every((c) => /^\d{2}\.\d$/.test(String(record[c])))).toBe(true);
    expect(records.filter((record) => columns.every((column) => record[column] === '-')).length).toBe(2);
  });
});

interface DatastorePage {
  help: string;
  success: boolean;
  result: {
    include_total: boolean;
    resource_id: string;
    fields: { id: string; type: string }[];
    records_format: string;
    records: Record<string, string | number | null>[];
    limit: number;
    offset: number;
    total: number;
    _links: { start: string; next: string };
  };
}

function text(file: SampleFile): string {
  return typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
}

function parseMoney(amount: string): number {
  return amount === '' ? 0 : Number(amount.replace(/[$,]/g, ''));
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field === '');
}
