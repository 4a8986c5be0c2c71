import { describe, expect, it } from 'vitest';
import { parseCsv } from '../core/sources/csv.ts';
import { SAMPLE_GENERATORS, sampleGenerators } from './registry.ts';
import { checkScale, replicaCode, scaleHistory } from './scale-sample.ts';
import { createSchoolHistory } from './school-history.ts';

const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : '');

describe('the scaled sample', () => {
  it('is the bundled sample itself at scale 1', () => {
    expect(sampleGenerators(1)).toBe(SAMPLE_GENERATORS);
  });

  it('has every school of the master dataset `scale` times, codes and names unique, each copy ending in its original code', () => {
    const [base] = SAMPLE_GENERATORS.master_dataset?.() ?? [];
    const [scaled] = sampleGenerators(3).master_dataset?.() ?? [];
    const baseRows = parseCsv(text(base?.content ?? '')).slice(1);
    const rows = parseCsv(text(scaled?.content ?? '')).slice(1);
    expect(rows).toHaveLength(baseRows.length * 3);
    const codes = rows.map((row) => Number(row[0]));
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(rows.map((row) => row[2])).size).toBe(rows.length);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    const original = baseRows[0] as string[];
    const copy = rows.find((row) => Number(row[0]) === replicaCode(Number(original[0]), 2)) as string[];
    expect(copy[2]).toBe(`${original[2]} (copy 3)`);
    expect(copy.slice(3)).toEqual(original.slice(3));
  });

  it('draws the per-school datasets from every copy, with their own variation', () => {
    const history = createSchoolHistory();
    const scaled = scaleHistory(history, 2);
    expect(scaled.schools).toHaveLength(history.schools.length * 2);
    const first = history.schools[0];
    const copy = scaled.schools.find((school) => school.code === replicaCode(first?.code ?? 0, 1));
    expect(copy).toMatchObject({ level: first?.level, baseFte: first?.baseFte, closedYear: first?.closedYear });
    expect(copy?.salt).not.toBe(first?.salt);
    const [attendance] = sampleGenerators(2).attendance?.() ?? [];
    const [baseAttendance] = SAMPLE_GENERATORS.attendance?.() ?? [];
    const lines = (content: string | Uint8Array | undefined) =>
      text(content ?? '')
        .trim()
        .split('\n').length;
    expect(lines(attendance?.content)).toBeGreaterThan(lines(baseAttendance?.content) * 1.9);
  });

  it('refuses a scale that is not a whole number from 1 to 100, saying so', () => {
    expect(() => checkScale(0)).toThrow('The sample scale must be a whole number from 1 to 100; got 0.');
    expect(() => checkScale(2.5)).toThrow(/got 2\.5/);
    expect(() => sampleGenerators(101)).toThrow(/got 101/);
  });
});
