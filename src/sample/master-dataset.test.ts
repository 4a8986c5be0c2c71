import { describe, expect, it } from 'vitest';
import {
  generateMasterDataset,
  LEVELS_OF_SCHOOLING,
  MASTER_DATASET_COLUMNS,
  REAL_LEVEL_COUNTS,
} from './master-dataset.ts';
import { NSW_PLACES, SA4_SERVICES } from './nsw-places.ts';
import { createRandom } from './random.ts';
import { parseCsv } from '../core/sources/csv.ts';

/** Header of the real 2025-02-10 extract, copied from docs/data-hub-sources.md §1. */
const REAL_HEADER =
  'School_code,AgeID,School_name,Street,Town_suburb,Postcode,Phone,School_Email,Website,Fax,' +
  'latest_year_enrolment_FTE,Indigenous_pct,LBOTE_pct,ICSEA_value,Level_of_schooling,Selective_school,' +
  'Opportunity_class,School_specialty_type,School_subtype,Support_classes,Preschool_ind,Distance_education,' +
  'Intensive_english_centre,School_gender,Late_opening_school,Date_1st_teacher,LGA,electorate_from_2023,' +
  'electorate_2015_2022,Fed_electorate,Operational_directorate,Principal_network,Operational_directorate_office,' +
  'Operational_directorate_office_phone,Operational_directorate_office_address,FACS_district,' +
  'Local_health_district,AECG_region,ASGS_remoteness,Latitude,Longitude,Assets unit,SA4,FOEI_Value,Date_extracted';

const csv = generateMasterDataset({});
const [header = [], ...records] = parseCsv(csv);
const rows = records.map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])));
const column = (name: string): string[] => rows.map((row) => row[name] ?? '');
const inRange = (min: number, max: number) => (value: string) => Number(value) >= min && Number(value) <= max;

describe('parseCsv (the test helper)', () => {
  it.each([
    ['a,b,c\n', [['a', 'b', 'c']]],
    ['"a,b",c\n', [['a,b', 'c']]],
    ['"say ""hi""",x\n', [['say "hi"', 'x']]],
    [
      'a,,\nb,"",c\n',
      [
        ['a', '', ''],
        ['b', '', 'c'],
      ],
    ],
  ])('parses %j', (text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });
});

describe('generateMasterDataset', () => {
  it('writes the 45 real column names in the real order', () => {
    expect(header).toEqual(REAL_HEADER.split(','));
    expect(MASTER_DATASET_COLUMNS).toEqual(REAL_HEADER.split(','));
    expect(csv.split('\n', 1)[0]).toBe(REAL_HEADER);
  });

  it('writes 2,216 rows of 45 fields, LF line endings and a final newline', () => {
    expect(rows).toHaveLength(2216);
    expect(records.every((fields) => fields.length === 45)).toBe(true);
    expect(csv).not.toContain('\r');
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('quotes values holding commas and quotes (RFC 4180)', () => {
    expect(column('Street').some((street) => street.includes(','))).toBe(true);
    expect(csv).toMatch(/\n[^\n]*,"[^"\n]*,[^"\n]*",/);
  });

  it('gives every school a unique code in 1001–8924, in ascending order', () => {
    const codes = column('School_code').map(Number);
    expect(codes.every((code) => Number.isInteger(code) && code >= 1001 && code <= 8924)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });

  it('gives every school a unique name', () => {
    expect(new Set(column('School_name')).size).toBe(rows.length);
  });

  it('is deterministic: same options, same bytes; another seed, other bytes', () => {
    expect(generateMasterDataset({})).toBe(csv);
    expect(generateMasterDataset({ seed: 20250210, schoolCount: 2216, extractDate: '2025-02-10' })).toBe(csv);
    expect(generateMasterDataset({ seed: 7 })).not.toBe(csv);
  });

  it.each(LEVELS_OF_SCHOOLING.map((level) => [level, REAL_LEVEL_COUNTS[level]] as const))(
    'has about as many "%s" rows as the real extract (%i)',
    (level, expected) => {
      const actual = column('Level_of_schooling').filter((value) => value === level).length;
      expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(1, expected * 0.1));
    },
  );

  it.each([7, 100, 500, 3000])('scales the levels to %i rows, keeping every level', (schoolCount) => {
    const scaled = parseCsv(generateMasterDataset({ schoolCount, seed: schoolCount })).slice(1);
    expect(scaled).toHaveLength(schoolCount);
    const levels = new Set(scaled.map((fields) => fields[header.indexOf('Level_of_schooling')]));
    expect(levels.size).toBe(LEVELS_OF_SCHOOLING.length);
  });

  it('rejects impossible options', () => {
    expect(() => generateMasterDataset({ schoolCount: 0 })).toThrow(RangeError);
    expect(() => generateMasterDataset({ schoolCount: 8000 })).toThrow(RangeError);
    expect(() => generateMasterDataset({ extractDate: '10/02/2025' })).toThrow(RangeError);
  });

  it('writes the extract date on every row', () => {
    const other = parseCsv(generateMasterDataset({ schoolCount: 50, extractDate: '2026-01-31' })).slice(1);
    expect(new Set(other.map((fields) => fields.at(-1)))).toEqual(new Set(['2026-01-31']));
    expect(new Set(column('Date_extracted'))).toEqual(new Set(['2025-02-10']));
  });

  it('never writes a real Department address', () => {
    for (const email of column('School_Email')) expect(email).toMatch(/^[a-z0-9]+-[a-z]\.school@sample\.invalid$/);
    for (const website of column('Website')) expect(website).toMatch(/^https:\/\/[a-z0-9-]+\.sample\.invalid\/?$/);
    expect(csv).not.toMatch(/det\.nsw\.edu\.au|schools\.nsw\.gov\.au/);
    expect(new Set(column('School_Email')).size).toBe(rows.length);
  });

  // One rule per column: every value must pass, and each rule is a format the real portal uses.
  const rules: [string, (value: string) => boolean][] = [
    ['AgeID', (v) => v === '' || /^\d{4,5}$/.test(v)],
    ['Postcode', (v) => /^2\d{3}$/.test(v)],
    ['Phone', (v) => /^(02 )?\d{4} \d{4}$/.test(v)],
    ['Fax', (v) => v === '' || /^\d{4} \d{4}$/.test(v)],
    ['latest_year_enrolment_FTE', (v) => v === '' || v === 'np' || (/^\d+\.\d+$/.test(v) && inRange(2, 2173)(v))],
    ['Indigenous_pct', (v) => v === '' || v === 'np' || (/^\d+\.0$/.test(v) && inRange(0, 100)(v))],
    ['LBOTE_pct', (v) => v === '' || v === 'np' || (/^\d+\.0$/.test(v) && inRange(0, 100)(v))],
    ['ICSEA_value', (v) => v === '' || (/^\d+$/.test(v) && inRange(568, 1226)(v))],
    ['FOEI_Value', (v) => v === '' || /^\d+$/.test(v)],
    ['Selective_school', (v) => ['Not Selective', 'Partially Selective', 'Fully Selective'].includes(v)],
    ['School_gender', (v) => ['Coed', 'Boys', 'Girls'].includes(v)],
    ['Distance_education', (v) => ['N', 'S', 'C'].includes(v)],
    ['Support_classes', (v) => v === ''],
    ['Date_1st_teacher', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= '1848-01-01' && v <= '2024-12-31'],
    ['Latitude', (v) => /^-\d+\.\d+$/.test(v) && inRange(-37.09, -28.16)(v) && inRange(-37.5, -28.1)(v)],
    ['Longitude', (v) => /^\d+\.\d+$/.test(v) && inRange(141.43, 159.07)(v) && inRange(141, 153.7)(v)],
    ...['Opportunity_class', 'Preschool_ind', 'Intensive_english_centre', 'Late_opening_school'].map(
      (name) => [name, (v: string) => v === 'Y' || v === 'N'] as [string, (value: string) => boolean],
    ),
  ];
  it.each(rules)('writes %s in the portal format', (name, valid) => {
    expect(column(name).filter((value) => !valid(value))).toEqual([]);
  });

  it.each([
    ['latest_year_enrolment_FTE', /^\d+\.\d{3,}$/],
    ['latest_year_enrolment_FTE', /^np$/],
    ['Indigenous_pct', /^np$/],
    ['Town_suburb', / $/],
    ['Town_suburb', /^[A-Z ]+$/],
    ['Latitude', /\.\d{9,}$/],
    ['Fax', /^$/],
    ['AgeID', /^$/],
  ])('keeps the real quirk: some %s values match %s', (name, pattern) => {
    expect(column(name).some((value) => pattern.test(value))).toBe(true);
  });

  it.each([
    ['Environmental Education Centre', ''],
    ['Other School', ''],
  ])('leaves enrolment blank for "%s"', (level, expected) => {
    const values = rows.filter((row) => row.Level_of_schooling === level).map((row) => row.latest_year_enrolment_FTE);
    expect(new Set(values)).toEqual(new Set([expected]));
  });

  it('keeps selective streams and single-sex schools to secondary schools', () => {
    for (const row of rows.filter((r) => r.Level_of_schooling !== 'Secondary School')) {
      expect([row.Selective_school, row.School_gender]).toEqual(['Not Selective', 'Coed']);
    }
  });
});

describe('NSW_PLACES', () => {
  it('holds 150–250 places inside NSW, each with services for its SA4', () => {
    expect(NSW_PLACES.length).toBeGreaterThanOrEqual(150);
    expect(NSW_PLACES.length).toBeLessThanOrEqual(250);
    for (const place of NSW_PLACES) {
      expect(place.latitude).toBeGreaterThan(-37.5);
      expect(place.latitude).toBeLessThan(-28.1);
      expect(place.longitude).toBeGreaterThan(141);
      expect(place.longitude).toBeLessThan(153.7);
      expect(SA4_SERVICES[place.sa4]).toBeDefined();
    }
  });

  it('puts about half the weight in Greater Sydney, Newcastle, Wollongong and the Central Coast', () => {
    const metro = new Set(['Newcastle and Lake Macquarie', 'Illawarra', 'Central Coast']);
    const weight = (places: typeof NSW_PLACES) => places.reduce((sum, place) => sum + place.weight, 0);
    const share = weight(NSW_PLACES.filter((p) => p.sa4.startsWith('Sydney') || metro.has(p.sa4))) / weight(NSW_PLACES);
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.6);
  });
});

describe('createRandom', () => {
  it('repeats a sequence for a seed and stays in range', () => {
    const [a, b] = [createRandom(42), createRandom(42)];
    const draws = Array.from({ length: 1000 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, () => a.int(3, 5)).every((x) => x >= 3 && x <= 5)).toBe(true);
  });

  it('weights choices and never picks a zero weight', () => {
    const random = createRandom(1);
    const picks = Array.from({ length: 4000 }, () =>
      random.weighted([
        ['a', 3],
        ['b', 1],
        ['c', 0],
      ] as const),
    );
    expect(picks).not.toContain('c');
    expect(picks.filter((x) => x === 'a').length / picks.length).toBeCloseTo(0.75, 1);
  });
});
