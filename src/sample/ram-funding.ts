import { formatCsv } from './csv-text.ts';
import type { LevelOfSchooling } from './master-dataset.ts';
import { REMOTENESS_AREAS } from './nsw-places.ts';
import type { Random } from './random.ts';
import type { SampleFile } from './sample-file.ts';
import {
  enrolmentIn,
  hashNormal,
  isOpen,
  leaveOut,
  randomFor,
  type HistoricSchool,
  type SchoolHistory,
} from './school-history.ts';

/** One year's Resource Allocation Model file, as docs/data-hub-sources.md §2 records it. */
export interface RamFileLayout {
  /** The funding year. */
  year: number;
  /** The file name of the download URL. */
  fileName: string;
  /** The funding columns after `School Code` and `School Full Name`, stray spaces included. */
  fundingColumns: readonly string[];
}

const ORIGINAL = 'Original RAM Funding $';
const POST_ADJUSTMENTS = 'RAM Funding - post Adjustments $';
const SUM_WITH_ONCOSTS = 'Sum of RAM Funding (incl oncosts) $';

/** The six yearly layouts: the funding column names drift from year to year, some with stray spaces. */
export const RAM_FILE_LAYOUTS: readonly RamFileLayout[] = [
  { year: 2019, fileName: 'data-hub-2019-approved.csv', fundingColumns: [SUM_WITH_ONCOSTS] },
  { year: 2020, fileName: 'data-hub-2020-approved-ram.csv', fundingColumns: [` ${SUM_WITH_ONCOSTS} `] },
  { year: 2021, fileName: 'data-hub-2021-approved-ram.csv', fundingColumns: [`${ORIGINAL} `, POST_ADJUSTMENTS] },
  { year: 2022, fileName: 'data-hub-2022-approved-ram.csv', fundingColumns: [ORIGINAL, POST_ADJUSTMENTS] },
  { year: 2023, fileName: 'data-hub-2023-approved-ram.csv', fundingColumns: [`${ORIGINAL} `, POST_ADJUSTMENTS] },
  { year: 2024, fileName: 'data-hub-2024-sbar-adjustments.csv', fundingColumns: [ORIGINAL, POST_ADJUSTMENTS] },
];

/**
 * The six RAM files: one row per school open that year (a few missing, closed schools included), sorted by
 * code; money as text (`"$367,074"`), a few blank cells, some blank rows, and a last `Total` row that sums each
 * column. The docs do not record the byte layout; these use CRLF line endings and no byte order mark.
 */
export function generateRamFiles(history: SchoolHistory): SampleFile[] {
  return RAM_FILE_LAYOUTS.map((layout) => ({ fileName: layout.fileName, content: formatRamFile(history, layout) }));
}

/** `$1,234,567`: whole dollars with thousands separators. */
export function formatMoney(dollars: number): string {
  return `$${String(dollars).replace(/\B(?=(\d{3})+$)/g, ',')}`;
}

function formatRamFile(history: SchoolHistory, layout: RamFileLayout): string {
  const random = randomFor(history.seed, 'ram', layout.year);
  const open = history.schools.filter((school) => isOpen(school, layout.year));
  const schools = leaveOut(random, open, random.int(1, 3));
  const rows = schools.map((school) => {
    const original = fundingIn(history.seed, school, layout.year);
    const adjusted = random.chance(0.6) ? original : Math.round(original * (1 + random.normal(0.008, 0.015)));
    const amounts = layout.fundingColumns.length === 1 ? [original] : [original, adjusted];
    return [String(school.code), school.name, ...amounts.map((dollars) => blankSome(random, formatMoney(dollars)))];
  });
  const totals = layout.fundingColumns.map((_, column) =>
    rows.reduce((sum, row) => sum + parseMoney(row[2 + column] ?? ''), 0),
  );
  const blank = Array<string>(2 + layout.fundingColumns.length).fill('');
  for (let n = 0; n < 2; n++) rows.splice(random.int(1, rows.length - 1), 0, blank);
  rows.push(blank, ['Total', '', ...totals.map(formatMoney)]);
  const header = ['School Code', 'School Full Name', ...layout.fundingColumns];
  return formatCsv([header, ...rows], { lineEnding: '\r\n' });
}

/** Dollars per enrolled student by level, before the equity and location loadings. */
const PER_STUDENT: Readonly<Record<LevelOfSchooling, number>> = {
  'Primary School': 5400,
  'Infants School': 5400,
  'Secondary School': 6200,
  'Central/Community School': 6300,
  'Schools for Specific Purposes': 36000,
  'Environmental Education Centre': 0,
  'Other School': 0,
};

/** A base by remoteness plus a per-student amount loaded for disadvantage, growing about 3% a year. */
function fundingIn(seed: number, school: HistoricSchool, year: number): number {
  const students = enrolmentIn(school, year) ?? 0;
  const rank = REMOTENESS_AREAS.indexOf(school.remoteness);
  const equity = 1 + (Math.max(0, 1000 - (school.icsea ?? 960)) / 400) * 0.5 + 0.08 * rank;
  const base = 340_000 + 45_000 * rank;
  // The school's own factor (its staff mix, say) stays the same from year to year.
  const factor = Math.exp(0.06 * hashNormal(seed, 'ram', school.code));
  const yearly = 1.03 ** (year - 2024) * (1 + 0.01 * hashNormal(seed, 'ram', school.code, year));
  return Math.round((base + students * PER_STUDENT[school.level] * equity) * factor * yearly);
}

/** About one cell in 500 is blank, as in the published files. */
function blankSome(random: Random, cell: string): string {
  return random.chance(0.002) ? '' : cell;
}

function parseMoney(text: string): number {
  return text === '' ? 0 : Number(text.replace(/[$,]/g, ''));
}
