import { formatDatastorePage } from './datastore-page.ts';
import type { Random } from './random.ts';
import type { SampleFile } from './sample-file.ts';
import { randomFor } from './school-history.ts';

/** The three retention resources (docs/data-hub-sources.md §6). */
export const RETENTION_RESOURCE_IDS = {
  /** Apparent retention from Years 7/8 to Year 10, by SA4 group. */
  years7To10: '73529e52-b9ce-492e-a5fa-2e4aaf5993cd',
  /** Apparent retention from Year 10 to Year 12, by SA4 group. */
  years10To12: '6c36db3e-ff18-4ff1-a1e1-af5299cade19',
  /** Aboriginal and/or Torres Strait Islander students' apparent retention, by retention period. */
  aboriginal: '61aa10b5-4f2e-43db-862e-32fde8e8eb82',
} as const;

/**
 * The year columns, 2014–2023. 2020 has two: from 2020 students of support classes in mainstream schools count
 * in their grade, which raised the rates, so 2020 was published both ways. The real column names are not
 * recorded; these two are this sample's.
 */
// prettier-ignore
export const RETENTION_YEAR_COLUMNS: readonly string[] = [
  '2014', '2015', '2016', '2017', '2018', '2019',
  '2020 (old methodology)', '2020 (new methodology)',
  '2021', '2022', '2023',
];

/** The `SA4 Groups` values: groups of ABS SA4 areas, then the state (`NSW`) last. */
export const SA4_GROUPS: readonly string[] = [
  'Sydney - City and Inner South',
  'Sydney - Eastern Suburbs',
  'Sydney - Inner South West',
  'Sydney - North Sydney and Hornsby',
  'Sydney - Parramatta',
  'Sydney - South West',
  'Central Coast',
  'Newcastle and Lake Macquarie',
  'Illawarra',
  'Richmond - Tweed',
  'Far West and Orana',
  'NSW',
];

/** The `Retention period` values of the Aboriginal and/or Torres Strait Islander resource. */
export const RETENTION_PERIODS: readonly string[] = ['Years 7/8 to 10', 'Years 7/8 to 12', 'Years 10 to 12'];

/** Options of `generateRetentionPages`. */
export interface RetentionOptions {
  /** Seed of the made-up rates. */
  seed: number;
}

/**
 * The three retention resources as one-page `datastore_search` responses: a label column (`SA4 Groups` or
 * `Retention period`), then one text column per year with percentages to one decimal (`78.5`).
 */
export function generateRetentionPages(options: RetentionOptions): SampleFile[] {
  const random = randomFor(options.seed, 'retention');
  const byGroup = (label: string, nsw: Series, spread: number) =>
    SA4_GROUPS.map((group) => {
      const offset = group === 'NSW' ? 0 : random.normal(group.startsWith('Sydney') ? spread / 2 : -spread, spread);
      return { [label]: group, ...drawSeries(random, { ...nsw, level: nsw.level + offset }) };
    });
  const pages = [
    [RETENTION_RESOURCE_IDS.years7To10, 'SA4 Groups', byGroup('SA4 Groups', YEARS_7_TO_10, 2)],
    [RETENTION_RESOURCE_IDS.years10To12, 'SA4 Groups', byGroup('SA4 Groups', YEARS_10_TO_12, 5)],
    [
      RETENTION_RESOURCE_IDS.aboriginal,
      'Retention period',
      RETENTION_PERIODS.map((period, i) => ({
        'Retention period': period,
        ...drawSeries(random, ABORIGINAL[i] ?? YEARS_7_TO_10),
      })),
    ],
  ] as const;
  return pages.map(([resourceId, label, records]) =>
    formatDatastorePage({ resourceId, columns: [label, ...RETENTION_YEAR_COLUMNS], records }),
  );
}

/** A made-up rate series: the 2014 level, a yearly trend, and the step the new 2020 methodology added. */
interface Series {
  level: number;
  trend: number;
  step: number;
}

const YEARS_7_TO_10: Series = { level: 94.6, trend: 0.2, step: 1.7 };
const YEARS_10_TO_12: Series = { level: 67.5, trend: 0.45, step: 2.6 };
const ABORIGINAL: readonly Series[] = [
  { level: 84.5, trend: 0.5, step: 2.2 },
  { level: 41.5, trend: 1.0, step: 3.1 },
  { level: 49.0, trend: 0.9, step: 3.4 },
];

function drawSeries(random: Random, series: Series): Record<string, string> {
  const format = (rate: number) => Math.min(110, Math.max(5, rate)).toFixed(1);
  let old2020 = 0;
  const values = RETENTION_YEAR_COLUMNS.map((column) => {
    const year = Number(column.slice(0, 4));
    // The new-methodology 2020 column restates the old one's cohort, so it differs by the step alone.
    if (column.includes('new')) return [column, format(old2020 + series.step + random.normal(0, 0.2))] as const;
    const rate = series.level + series.trend * (year - 2014) + (year > 2020 ? series.step : 0) + random.normal(0, 0.5);
    if (year === 2020) old2020 = rate;
    return [column, format(rate)] as const;
  });
  return Object.fromEntries(values);
}
