import type { MasterDatasetRow } from './master-dataset.ts';
import type { HistoricSchool, SchoolHistory } from './school-history.ts';

/**
 * The sample at `scale` times its size, for load tests (P4 of issue 11): every school is there `scale` times,
 * each copy a school of its own. A copy keeps its original's level, place, size and history, and gets a code
 * of its own (whole ten-thousands added, so the last four digits stay and no code repeats: 1042, 11042,
 * 21042…), a name of its own (`… (copy 2)`), and its own year-to-year variation. Datasets that are not per
 * school (state totals, ACARA's national tables, apprenticeships) keep their size, as they would in a bigger
 * state. Copy codes run past the real code range (1001–9998), so a project built on a scaled sample needs
 * its source contracts' code bounds widened (the bench does so in its own copy of the project).
 */
export const MAX_SCALE = 100;

/** The code of copy `copy` (0 = the original) of the school coded `code`. */
export function replicaCode(code: number, copy: number): number {
  return code + copy * 10_000;
}

/** The name of copy `copy` (0 = the original) of the school named `name`. */
export function replicaName(name: string, copy: number): string {
  return copy === 0 ? name : `${name} (copy ${copy + 1})`;
}

/** Check a scale: a whole number from 1 to MAX_SCALE, or a RangeError saying so. */
export function checkScale(scale: number): number {
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_SCALE)
    throw new RangeError(`The sample scale must be a whole number from 1 to ${MAX_SCALE}; got ${scale}.`);
  return scale;
}

/** The history with every school there `scale` times (the same history when `scale` is 1), sorted by code. */
export function scaleHistory(history: SchoolHistory, scale: number): SchoolHistory {
  if (checkScale(scale) === 1) return history;
  const schools: HistoricSchool[] = [];
  for (let copy = 0; copy < scale; copy++)
    for (const school of history.schools)
      schools.push(
        copy === 0
          ? school
          : {
              ...school,
              code: replicaCode(school.code, copy),
              name: replicaName(school.name, copy),
              // Its own variation: a copy's yearly figures are not its original's to the decimal.
              salt: (school.salt + copy * 7919) % 2_147_483_647,
            },
      );
  return { seed: history.seed, schools: schools.sort((a, b) => a.code - b.code) };
}

/** The master dataset's rows with every school there `scale` times, as `scaleHistory` makes them, sorted by code. */
export function scaleMasterRows(rows: readonly MasterDatasetRow[], scale: number): MasterDatasetRow[] {
  if (checkScale(scale) === 1) return [...rows];
  const scaled: MasterDatasetRow[] = [];
  for (let copy = 0; copy < scale; copy++)
    for (const row of rows)
      scaled.push(
        copy === 0
          ? row
          : {
              ...row,
              School_code: String(replicaCode(Number(row.School_code), copy)),
              School_name: replicaName(row.School_name, copy),
              // AgeID is unique too (blank stays blank).
              AgeID: row.AgeID === '' ? '' : String(Number(row.AgeID) + copy * 1_000_000),
            },
      );
  return scaled.sort((a, b) => Number(a.School_code) - Number(b.School_code));
}
