import { writeXlsx, type SheetToWrite } from '../core/xlsx/write-xlsx.ts';
import { generateAcaraStaff, generateAcaraStudents } from './acara-xlsx.ts';
import { createRandom, type Random } from './random.ts';
import type { SampleFile } from './sample-file.ts';

/**
 * The offline samples of the XLSX sources, by the name a source's `meta.sample` gives, in the layouts the
 * portals publish (docs/data-hub-sources.md §7 and §8), quirks included. Deterministic: same bytes every run.
 */
export const XLSX_SAMPLES: Readonly<Record<string, () => SampleFile[]>> = {
  apprenticeships: () => [
    { fileName: 'apprenticeship_traineeship_training_contract_approvals-1.xlsx', content: generateApprovals() },
    { fileName: 'apprenticeship_traineeship_training_contract_completions.xlsx', content: generateCompletions() },
  ],
  acara_staff: () => [{ fileName: 'Staff numbers dataset.xlsx', content: generateAcaraStaff() }],
  acara_students: () => [{ fileName: 'Student numbers dataset.xlsx', content: generateAcaraStudents() }],
};

/** The calendar years of the apprenticeship workbooks. */
export const APPRENTICESHIP_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;

/** The row labels of sheet `Training Type`, above its `Total` row. */
export const TRAINING_TYPES = ['Apprenticeship', 'Existing Worker Traineeship', 'New Entrant Traineeship'] as const;

type TrainingType = (typeof TRAINING_TYPES)[number];

/**
 * NSW approvals by year, roughly as published: the 2021–2022 peak is the Boosting Apprenticeship
 * Commencements wage subsidy (October 2020 to June 2022).
 */
const APPROVALS: Readonly<Record<TrainingType, readonly number[]>> = {
  Apprenticeship: [21_800, 23_400, 33_900, 36_200, 29_800, 27_100],
  'Existing Worker Traineeship': [11_900, 10_600, 12_800, 13_400, 11_700, 10_900],
  'New Entrant Traineeship': [26_400, 24_100, 37_800, 39_600, 27_900, 24_300],
};

/** Completions trail approvals by the length of a contract (about four years for an apprenticeship). */
const COMPLETIONS: Readonly<Record<TrainingType, readonly number[]>> = {
  Apprenticeship: [11_200, 11_900, 12_400, 13_800, 15_600, 16_900],
  'Existing Worker Traineeship': [7_400, 6_900, 7_300, 7_800, 7_100, 6_600],
  'New Entrant Traineeship': [14_800, 13_900, 15_300, 17_600, 18_900, 16_200],
};

const SOURCE_NOTE = 'Source: NSW Department of Education, Training Services NSW. Figures are subject to revision.';

/** Header on row 3 after a title and a subtitle; column A left empty, the table starting in column B. */
function generateApprovals(): Uint8Array {
  const table = trainingTable(APPROVALS, createRandom(0x7a9e));
  const inColumnB = (row: Array<string | null>) => [null, ...row];
  return writeXlsx([
    {
      name: 'Training Type',
      rows: [
        ['Apprenticeship and traineeship training contract approvals, NSW'],
        ['Number of training contracts approved, by training type and calendar year'],
        ...table,
        [],
        [SOURCE_NOTE],
      ].map(inColumnB),
    },
    notesSheet('approvals', 'approved by Training Services NSW in the calendar year'),
  ]);
}

/** A later release: header on row 2, and the empty first column gone. */
function generateCompletions(): Uint8Array {
  const table = trainingTable(COMPLETIONS, createRandom(0xc0a1));
  return writeXlsx([
    {
      name: 'Training Type',
      rows: [['Apprenticeship and traineeship training contract completions, NSW'], ...table, [], [SOURCE_NOTE]],
    },
    notesSheet('completions', 'completed in the calendar year (the apprentice or trainee was found competent)'),
  ]);
}

/** Header, one row per training type and a `Total` row; every value is text such as `"12,345"`. */
function trainingTable(base: Readonly<Record<TrainingType, readonly number[]>>, random: Random): string[][] {
  // The published years are text, right-aligned with leading spaces.
  const header = ['Training Type', ...APPRENTICESHIP_YEARS.map((year) => `     ${year}`)];
  const counts = TRAINING_TYPES.map((type) =>
    base[type].map((value) => Math.round(value * random.normal(1, 0.025) + random.int(-50, 50))),
  );
  const totals = APPRENTICESHIP_YEARS.map((_, i) => counts.reduce((sum, row) => sum + (row[i] ?? 0), 0));
  const body = TRAINING_TYPES.map((type, i) => [type, ...(counts[i] ?? []).map(withThousands)]);
  return [header, ...body, ['Total', ...totals.map(withThousands)]];
}

function notesSheet(measure: string, meaning: string): SheetToWrite {
  return {
    name: 'Notes',
    rows: [
      ['Notes'],
      [`Training contract ${measure} are training contracts ${meaning}.`],
      [
        'Existing worker traineeships are undertaken by people already employed by the employer before the traineeship.',
      ],
      ['Counts for the latest year are preliminary and are revised in the next release.'],
    ],
  };
}

/** A whole number as text with comma thousands separators: 12345 → "12,345". */
function withThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}
