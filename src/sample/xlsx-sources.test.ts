import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listSheets, readSheet } from '../core/xlsx/read-xlsx.ts';
import { ALL_STATES_FROM, STAFF_COLUMNS, STUDENT_COLUMNS } from './acara-xlsx.ts';
import type { SampleFile } from './sample-file.ts';
import { APPRENTICESHIP_YEARS, TRAINING_TYPES, XLSX_SAMPLES } from './xlsx-sources.ts';

const generated = Object.fromEntries(Object.entries(XLSX_SAMPLES).map(([name, generate]) => [name, generate()]));
const bytesOf = (file: SampleFile | undefined): Uint8Array => file?.content as Uint8Array;
const count = (text: string | undefined): number => Number((text ?? '').replace(/,/g, ''));
const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

describe('XLSX_SAMPLES', () => {
  it.each(Object.keys(XLSX_SAMPLES))('%s gives the same bytes every time', (name) => {
    // Compared as Latin-1 text: toEqual on ~800 KB of Uint8Array takes seconds.
    const asText = (files: SampleFile[] | undefined) => files?.map((file) => strFromU8(bytesOf(file), true));
    expect(asText(XLSX_SAMPLES[name]?.())).toEqual(asText(generated[name]));
  });

  it('names the files as the portals do', () => {
    expect(
      Object.fromEntries(Object.entries(generated).map(([name, files]) => [name, files.map((f) => f.fileName)])),
    ).toEqual({
      apprenticeships: [
        'apprenticeship_traineeship_training_contract_approvals-1.xlsx',
        'apprenticeship_traineeship_training_contract_completions.xlsx',
      ],
      acara_staff: ['Staff numbers dataset.xlsx'],
      acara_students: ['Student numbers dataset.xlsx'],
    });
  });
});

describe('apprenticeships', () => {
  const [approvals, completions] = (generated.apprenticeships ?? []).map((file) => bytesOf(file));
  const paddedYears = APPRENTICESHIP_YEARS.map((year) => `     ${year}`);

  it('has the sheets Training Type and Notes', () => {
    expect(listSheets(approvals ?? new Uint8Array())).toEqual(['Training Type', 'Notes']);
    expect(listSheets(completions ?? new Uint8Array())).toEqual(['Training Type', 'Notes']);
  });

  it.each([
    ['approvals', approvals, 2, 1, [10_000, 40_000]],
    ['completions', completions, 1, 0, [5_000, 20_000]],
  ] as const)(
    '%s: header row, padded years, text values and a Total row',
    (_, bytes, headerRow, firstColumn, range) => {
      const rows = readSheet({ bytes: bytes ?? new Uint8Array(), sheet: 'Training Type' });
      expect(rows[0]?.[firstColumn]).toMatch(/^Apprenticeship and traineeship training contract \w+, NSW$/);
      expect(rows[headerRow]).toEqual([...Array<string>(firstColumn).fill(''), 'Training Type', ...paddedYears]);
      const table = rows.slice(headerRow + 1, headerRow + 5).map((row) => row.slice(firstColumn));
      expect(table.map((row) => row[0])).toEqual([...TRAINING_TYPES, 'Total']);
      for (const row of table) for (const value of row.slice(1)) expect(value).toMatch(/^\d{1,3}(,\d{3})+$/);
      const details = table.slice(0, 3).flatMap((row) => row.slice(1).map(count));
      expect(Math.min(...details)).toBeGreaterThanOrEqual(range[0]);
      expect(Math.max(...details)).toBeLessThanOrEqual(range[1]);
      paddedYears.forEach((_, i) => {
        expect(count(table[3]?.[i + 1])).toBe(sum(table.slice(0, 3).map((row) => count(row[i + 1]))));
      });
    },
  );

  it('approvals have an empty column A; completions start in column A', () => {
    const approvalRows = readSheet({ bytes: approvals ?? new Uint8Array(), sheet: 'Training Type' });
    expect(approvalRows.every((row) => row.length === 0 || row[0] === '')).toBe(true);
    expect(readSheet({ bytes: completions ?? new Uint8Array(), sheet: 'Training Type' })[1]?.[0]).toBe('Training Type');
  });
});

describe('ACARA staff', () => {
  const [header, ...rows] = readSheet({ bytes: bytesOf(generated.acara_staff?.[0]), sheet: 'Staff numbers' });
  const value = tableIndex(rows, 7);

  it('has the published header, all of 2008–2022 for NSW and fewer than 30,000 rows', () => {
    expect(header).toEqual([...STAFF_COLUMNS]);
    expect(new Set(rows.filter((row) => row[1] === 'NSW').map((row) => row[0]))).toEqual(
      new Set(Array.from({ length: 15 }, (_, i) => String(2008 + i))),
    );
    expect(rows.length).toBeLessThan(30_000);
    expect(bytesOf(generated.acara_staff?.[0]).length).toBeLessThan(2_000_000);
  });

  it('has both Full-time equivalent and Headcount rows, and counts both as numbers and as text', () => {
    expect(new Set(rows.map((row) => row[6]))).toEqual(new Set(['Full-time equivalent', 'Headcount']));
    const counts = rows.map((row) => row[7] ?? '');
    expect(counts.every((text) => /^(\d+|\d{1,3}(,\d{3})+)(\.\d)?$/.test(text))).toBe(true);
    expect(counts.filter((text) => text.includes(',')).length).toBeGreaterThan(100);
  });

  it.each(['Full-time equivalent', 'Headcount'])('NSW government %s detail rows sum to the aggregates', (status) => {
    const at = (level: string, role: string, sex: string) =>
      value(['2022', 'NSW', 'Government', level, role, sex, status]);
    const roles = ['Specialist support staff', 'Administrative and clerical staff', 'Building operations staff'];
    const details = ['Primary', 'Secondary'].flatMap((level) =>
      ['Teaching staff', ...roles].flatMap((role) => ['Male', 'Female'].map((sex) => at(level, role, sex))),
    );
    expect(at('All', 'All staff', 'All')).toBeCloseTo(sum(details), 1);
    expect(at('All', 'All non-teaching staff', 'All')).toBeCloseTo(sum(roles.map((role) => at('All', role, 'All'))), 1);
    expect(at('Primary', 'Teaching staff', 'All')).toBeCloseTo(
      at('Primary', 'Teaching staff', 'Female') + at('Primary', 'Teaching staff', 'Male'),
      1,
    );
    expect(at('All', 'Teaching staff', 'All')).toBeGreaterThan(45_000);
    expect(at('All', 'Teaching staff', 'All')).toBeLessThan(65_000);
  });

  it('aggregates sectors and states', () => {
    const at = (state: string, sector: string) =>
      value(['2022', state, sector, 'All', 'All staff', 'All', 'Headcount']);
    expect(at('NSW', 'All non-government')).toBe(at('NSW', 'Catholic') + at('NSW', 'Independent'));
    expect(at('NSW', 'All')).toBe(at('NSW', 'Government') + at('NSW', 'All non-government'));
    const states = ['NSW', 'Vic.', 'Qld', 'SA', 'WA', 'Tas.', 'NT', 'ACT'];
    expect(at('Australia', 'All')).toBe(sum(states.map((state) => at(state, 'All'))));
    expect(rows.some((row) => row[1] === 'Australia' && Number(row[0]) < ALL_STATES_FROM)).toBe(false);
  });
});

describe('ACARA students', () => {
  const [header, ...rows] = readSheet({ bytes: bytesOf(generated.acara_students?.[0]), sheet: 'Student numbers' });
  const value = tableIndex(rows, 7);
  const proportions = new Map(rows.map((row) => [row.slice(0, 7).join('|'), row.slice(8).map(Number)]));

  it('has the published header', () => {
    expect(header).toEqual([...STUDENT_COLUMNS]);
    expect(rows.length).toBeLessThan(30_000);
  });

  it('has about 800,000 NSW government students, and detail rows that sum to the aggregates', () => {
    const at = (level: string, sex: string, status: string, time: string) =>
      value(['2022', 'NSW', 'Government', level, sex, status, time]);
    const total = at('All', 'All', 'All', 'All');
    expect(total).toBeGreaterThan(750_000);
    expect(total).toBeLessThan(850_000);
    const statuses = ['Aboriginal and Torres Strait Islander', 'Non-Aboriginal and Torres Strait Islander'];
    const details = ['Primary', 'Secondary'].flatMap((level) =>
      ['Male', 'Female'].flatMap((sex) =>
        statuses.flatMap((status) => ['Full-time', 'Part-time'].map((time) => at(level, sex, status, time))),
      ),
    );
    expect(sum(details)).toBe(total);
    expect(at('All', 'All', statuses[0] ?? '', 'All') / total).toBeGreaterThan(0.05);
  });

  it('gives proportions of sector, state and school level in percent', () => {
    expect(proportions.get('2022|NSW|All|All|All|All|All')).toEqual([100, 100, 100]);
    const [ofSector, ofState, ofLevel] = proportions.get('2022|NSW|Government|Primary|All|All|All') ?? [];
    expect(ofSector).toBeCloseTo(59, -1);
    expect(ofState).toBeCloseTo(37, -1);
    expect(ofLevel).toBe(100);
  });
});

/** A lookup of the count column by the values of every column before it. */
function tableIndex(rows: string[][], countColumn: number): (key: string[]) => number {
  const counts = new Map(rows.map((row) => [row.slice(0, countColumn).join('|'), count(row[countColumn])]));
  return (key) => {
    const found = counts.get(key.join('|'));
    if (found === undefined) throw new Error(`no row ${key.join(', ')}`);
    return found;
  };
}
