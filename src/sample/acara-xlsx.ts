import { writeXlsx } from '../core/xlsx/write-xlsx.ts';
import { createRandom, type Random } from './random.ts';

/**
 * Samples of ACARA's National Report on Schooling data portal downloads (docs/data-hub-sources.md §8): one
 * long table per file that mixes detail rows with aggregate rows (`All`, `All non-government`, `All staff`,
 * `All non-teaching staff`), and counts that are mostly numbers but sometimes text with thousands
 * separators. Every aggregate row is the exact sum of its detail rows.
 */

/** The columns of `Staff numbers dataset.xlsx`, in order. */
// prettier-ignore
export const STAFF_COLUMNS = [
  'Calendar Year', 'State/territory', 'School sector', 'School level', 'Staff function', 'Sex/gender', 'FTE Status',
  'Staff count',
] as const;

/** The columns of `Student numbers dataset.xlsx`, in order. */
// prettier-ignore
export const STUDENT_COLUMNS = [
  'Calendar Year', 'State/territory', 'School sector', 'School level', 'Sex/gender',
  'Aboriginal or Torres Strait Islander status', 'Full-time/part-time status', 'Student count',
  'Proportion of sector', 'Proportion of state', 'Proportion of school level',
] as const;

/** NSW has every year 2008–2022; the other states and the `Australia` rows only the years from this one on. */
export const ALL_STATES_FROM = 2019;

/** The bytes of `Staff numbers dataset.xlsx`: sheet `Staff numbers`, FTE and headcount rows side by side. */
export function generateAcaraStaff(): Uint8Array {
  const random = createRandom(0x57aff);
  const asText = createRandom(0x7e47);
  const dimensions = [SECTOR, LEVEL, STAFF_FUNCTION, SEX];
  const rows: Array<Array<string | number | null>> = [[...STAFF_COLUMNS]];
  for (const [year, state, cells] of statesByYear(dimensions, (state, year, [sector, level, role, sex]) => {
    const [fte = 0, female = 0.5, perFte = 1] = staffBase(sector, level, role);
    const total = fte * state.size * (1 - 0.012 * (2022 - year)) * random.normal(1, 0.03);
    const ofSex = total * (sex === 'Female' ? female : 1 - female);
    const fteTenths = Math.round(ofSex * 10);
    return [fteTenths, Math.max(Math.ceil(fteTenths / 10), Math.round(ofSex * perFte * random.normal(1, 0.02)))];
  })) {
    for (const { labels, totals } of expandCube(dimensions, cells)) {
      const [fteTenths = 0, headcount = 0] = totals;
      rows.push([year, state, ...labels, 'Full-time equivalent', countCell(fteTenths / 10, asText)]);
      rows.push([year, state, ...labels, 'Headcount', countCell(headcount, asText)]);
    }
  }
  return writeXlsx([{ name: 'Staff numbers', rows }]);
}

/** The bytes of `Student numbers dataset.xlsx`: sheet `Student numbers`, headcounts with three proportions. */
export function generateAcaraStudents(): Uint8Array {
  const random = createRandom(0x5700d);
  const asText = createRandom(0x7e48);
  const dimensions = [SECTOR, LEVEL, SEX, ABORIGINAL_STATUS, ATTENDANCE];
  const rows: Array<Array<string | number | null>> = [[...STUDENT_COLUMNS]];
  for (const [year, state, cells] of statesByYear(dimensions, (state, year, [sector, level, sex, status, time]) => {
    const [students = 0, aboriginal = 0, partTime = 0] = studentBase(sector, level);
    const aboriginalShare = Math.min(0.9, aboriginal * state.aboriginal * (1 - 0.025 * (2022 - year)));
    const share =
      (sex === 'Male' ? 0.513 : 0.487) *
      (status === ABORIGINAL ? aboriginalShare : 1 - aboriginalShare) *
      (time === 'Part-time' ? partTime : 1 - partTime);
    return [Math.round(students * state.size * (1 - 0.005 * (2022 - year)) * share * random.normal(1, 0.02))];
  })) {
    const cube = Array.from(expandCube(dimensions, cells), ({ labels, totals }) => ({ labels, count: totals[0] ?? 0 }));
    const counts = new Map(cube.map(({ labels, count }) => [labels.join('|'), count]));
    const percentOf = (count: number, ...labels: string[]) => {
      const whole = counts.get(labels.join('|')) ?? 0;
      return whole > 0 ? Math.round((count / whole) * 1000) / 10 : null;
    };
    for (const { labels, count } of cube) {
      const [sector = '', level = ''] = labels;
      rows.push([
        year,
        state,
        ...labels,
        countCell(count, asText),
        percentOf(count, sector, 'All', 'All', 'All', 'All'),
        percentOf(count, 'All', 'All', 'All', 'All', 'All'),
        percentOf(count, sector, level, 'All', 'All', 'All'),
      ]);
    }
  }
  return writeXlsx([{ name: 'Student numbers', rows }]);
}

/** A column of the table: its detail values, then aggregate values that each sum some of them. */
interface Dimension {
  details: readonly string[];
  aggregates: Readonly<Record<string, readonly string[]>>;
}

const SECTOR: Dimension = {
  details: ['Government', 'Catholic', 'Independent'],
  aggregates: { 'All non-government': ['Catholic', 'Independent'], All: ['Government', 'Catholic', 'Independent'] },
};
const LEVEL: Dimension = { details: ['Primary', 'Secondary'], aggregates: { All: ['Primary', 'Secondary'] } };
const SEX: Dimension = { details: ['Male', 'Female'], aggregates: { All: ['Male', 'Female'] } };
const NON_TEACHING = ['Specialist support staff', 'Administrative and clerical staff', 'Building operations staff'];
const STAFF_FUNCTION: Dimension = {
  details: ['Teaching staff', ...NON_TEACHING],
  aggregates: { 'All non-teaching staff': NON_TEACHING, 'All staff': ['Teaching staff', ...NON_TEACHING] },
};
const ABORIGINAL = 'Aboriginal and Torres Strait Islander';
const ABORIGINAL_STATUS: Dimension = {
  details: [ABORIGINAL, 'Non-Aboriginal and Torres Strait Islander'],
  aggregates: { All: [ABORIGINAL, 'Non-Aboriginal and Torres Strait Islander'] },
};
const ATTENDANCE: Dimension = { details: ['Full-time', 'Part-time'], aggregates: { All: ['Full-time', 'Part-time'] } };

interface State {
  name: string;
  /** Schools' size relative to NSW. */
  size: number;
  /** Share of Aboriginal and Torres Strait Islander students relative to NSW. */
  aboriginal: number;
}

const STATES: readonly State[] = [
  { name: 'NSW', size: 1, aboriginal: 1 },
  { name: 'Vic.', size: 0.8, aboriginal: 0.35 },
  { name: 'Qld', size: 0.66, aboriginal: 1.05 },
  { name: 'SA', size: 0.23, aboriginal: 0.75 },
  { name: 'WA', size: 0.34, aboriginal: 0.95 },
  { name: 'Tas.', size: 0.07, aboriginal: 1.3 },
  { name: 'NT', size: 0.04, aboriginal: 4.5 },
  { name: 'ACT', size: 0.06, aboriginal: 0.45 },
];

/** NSW staff in 2022 by sector and level: [FTE, female share, headcount per FTE] for each staff function. */
function staffBase(sector = '', level = '', role = ''): readonly number[] {
  const fte: Record<string, readonly number[]> = {
    'Government Primary': [29_000, 1_900, 8_900, 1_300],
    'Government Secondary': [24_500, 1_600, 7_400, 1_400],
    'Catholic Primary': [7_900, 300, 2_600, 420],
    'Catholic Secondary': [8_300, 350, 2_900, 560],
    'Independent Primary': [6_200, 400, 2_700, 700],
    'Independent Secondary': [9_400, 520, 3_800, 1_050],
  };
  const index = STAFF_FUNCTION.details.indexOf(role);
  const female = [level === 'Primary' ? 0.82 : 0.6, 0.72, 0.88, 0.22][index];
  const perFte = [1.17, 1.35, 1.3, 1.2][index];
  return [fte[`${sector} ${level}`]?.[index] ?? 0, female ?? 0.5, perFte ?? 1];
}

/** NSW students in 2022 by sector and level: [headcount, Aboriginal share, part-time share]. */
function studentBase(sector = '', level = ''): readonly number[] {
  const bases: Record<string, readonly number[]> = {
    'Government Primary': [470_000, 0.095, 0.0004],
    'Government Secondary': [322_000, 0.08, 0.0065],
    'Catholic Primary': [135_000, 0.045, 0.0002],
    'Catholic Secondary': [122_000, 0.04, 0.002],
    'Independent Primary': [90_000, 0.02, 0.001],
    'Independent Secondary': [130_000, 0.018, 0.012],
  };
  return bases[`${sector} ${level}`] ?? [];
}

type Cells = Map<string, number[]>;

/** For each year and state in publication order: its detail cells; `Australia` is the sum of the states. */
function* statesByYear(
  dimensions: readonly Dimension[],
  measure: (state: State, year: number, details: readonly string[]) => number[],
): Generator<[year: number, state: string, cells: Cells]> {
  for (let year = 2008; year <= 2022; year++) {
    const states = year >= ALL_STATES_FROM ? STATES : STATES.slice(0, 1);
    const byState = states.map((state) => {
      const cells: Cells = new Map();
      for (const details of product(dimensions.map((dimension) => dimension.details))) {
        cells.set(details.join('|'), measure(state, year, details));
      }
      return [state.name, cells] as const;
    });
    for (const [name, cells] of byState) yield [year, name, cells];
    if (states.length === STATES.length) yield [year, 'Australia', sumCells(byState.map(([, cells]) => cells))];
  }
}

/** Every row of the table, aggregates included: each aggregate is the sum of the detail cells it covers. */
function* expandCube(
  dimensions: readonly Dimension[],
  cells: Cells,
): Generator<{ labels: string[]; totals: number[] }> {
  const values = dimensions.map(({ details, aggregates }) => [...details, ...Object.keys(aggregates)]);
  for (const labels of product(values)) {
    const members = labels.map((label, i) => dimensions[i]?.aggregates[label] ?? [label]);
    const totals: number[] = [];
    for (const details of product(members)) {
      (cells.get(details.join('|')) ?? []).forEach((value, k) => (totals[k] = (totals[k] ?? 0) + value));
    }
    yield { labels, totals };
  }
}

function sumCells(all: readonly Cells[]): Cells {
  const sum: Cells = new Map();
  for (const cells of all) {
    for (const [key, values] of cells)
      sum.set(
        key,
        values.map((value, k) => value + (sum.get(key)?.[k] ?? 0)),
      );
  }
  return sum;
}

function* product(lists: readonly (readonly string[])[]): Generator<string[]> {
  const [first = [], ...rest] = lists;
  if (lists.length === 0) yield [];
  else for (const head of first) for (const tail of product(rest)) yield [head, ...tail];
}

/** Most counts are numbers; about one in ten of those over 999 is text with thousands separators, as published. */
function countCell(value: number, random: Random): number | string {
  if (!(value >= 1000 && random.chance(0.1))) return value;
  return String(value).replace(/^\d+/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ','));
}
