import { formatDatastorePage } from './datastore-page.ts';
import type { SampleFile } from './sample-file.ts';
import { randomFor } from './school-history.ts';

/** The average class size resource (docs/data-hub-sources.md §6). */
export const CLASS_SIZE_RESOURCE_ID = '7616001d-e4cb-4e4a-9a4f-76b166df5d37';

/** Its columns: the year, the average size of classes of each primary grade, and of K–6 overall. */
// prettier-ignore
export const CLASS_SIZE_COLUMNS: readonly string[] = [
  'Year', 'K', 'Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6', 'K-6',
];

/** The years with averages. */
export const CLASS_SIZE_YEARS: readonly number[] = Array.from({ length: 15 }, (_, i) => 2009 + i);

/** Options of `generateClassSizePage`. */
export interface ClassSizeOptions {
  /** Seed of the made-up averages. */
  seed: number;
}

/**
 * The class size resource as a one-page `datastore_search` response, with the API's quirks: the first record
 * repeats the header (each value is its column's name), then one record per year with averages as text
 * (`19.6`), then two records of `-` in every column.
 */
export function generateClassSizePage(options: ClassSizeOptions): SampleFile {
  const random = randomFor(options.seed, 'class size');
  const header = Object.fromEntries(CLASS_SIZE_COLUMNS.map((column) => [column, column]));
  const years = CLASS_SIZE_YEARS.map((year) => {
    const grades = GRADE_SIZES.map((size) => size - 0.05 * (year - 2009) + random.normal(0, 0.15));
    const mean = grades.reduce((sum, size) => sum + size, 0) / grades.length;
    const values = [String(year), ...[...grades, mean].map((size) => size.toFixed(1))];
    return Object.fromEntries(CLASS_SIZE_COLUMNS.map((column, i) => [column, values[i] ?? '']));
  });
  const dashes = Object.fromEntries(CLASS_SIZE_COLUMNS.map((column) => [column, '-']));
  const records = [header, ...years, dashes, dashes];
  return formatDatastorePage({ resourceId: CLASS_SIZE_RESOURCE_ID, columns: CLASS_SIZE_COLUMNS, records });
}

/** Made-up 2009 averages of K and Years 1–6: smaller classes in the early grades, as NSW staffs them. */
const GRADE_SIZES: readonly number[] = [19.6, 22.1, 22.6, 25.4, 26.2, 26.8, 27.1];
