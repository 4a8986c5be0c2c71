import { formatCsv } from './csv-text.ts';
import type { LevelOfSchooling } from './master-dataset.ts';
import type { SampleFile } from './sample-file.ts';
import {
  compareSchoolNames,
  enrolmentIn,
  formatRate,
  hashNormal,
  hashUnit,
  isOpen,
  leaveOut,
  randomFor,
  type HistoricSchool,
  type SchoolHistory,
} from './school-history.ts';

/** The file name of the 2014–2024 edition (docs/data-hub-sources.md §4). */
export const COMPOSITE_FILE_NAME = '2024-multi-age-composite-classes.csv';

/** The years, 2014–2024 without 2020 (no collection that year); columns carry the two-digit suffix. */
export const COMPOSITE_YEARS: readonly number[] = [2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024];

/** The four column stems of each year, in order; `PCT_*` are percentages (0–100). */
export const COMPOSITE_MEASURES = [
  'COMPOSITE_CLASS_COUNT',
  'COMPOSITE_CLASS_STUDENTS',
  'PCT_COMPOSITE_CLASSES',
  'PCT_COMPOSITE_CLASS_STUDENTS',
] as const;

/** `School code` and `School Name` of the state totals row, the last row. */
export const COMPOSITE_STATE_ROW = ['9999', 'NSW'] as const;

/**
 * The composite classes file in the real layout: UTF-8 BOM, CRLF, no quoting, whole numbers and percentages with
 * one decimal (`12.5`, `50`, `100`). A school not open in a year has `0,0,NULL,NULL`; one open without composite
 * classes has `0,0,0,0`. Only schools with primary classes, sorted by name; the `9999,NSW` totals row last.
 */
export function generateCompositeClassesFile(history: SchoolHistory): SampleFile {
  const random = randomFor(history.seed, 'composite');
  const listed = history.schools.filter(
    (school) =>
      PRIMARY_GRADES[school.level] !== undefined &&
      school.openedYear <= 2024 &&
      (school.closedYear === undefined || school.closedYear > 2014),
  );
  const schools = leaveOut(random, listed, 2).sort((a, b) => compareSchoolNames(a.name, b.name));
  const counts = schools.map((school) => COMPOSITE_YEARS.map((year) => countClasses(history.seed, school, year)));
  const totals = COMPOSITE_YEARS.map((_, column) => {
    const sum = (pick: (c: ClassCounts) => number) =>
      counts.reduce((s, row) => s + (row[column] ? pick(row[column]) : 0), 0);
    return {
      classes: sum((c) => c.classes),
      students: sum((c) => c.students),
      composite: sum((c) => c.composite),
      compositeStudents: sum((c) => c.compositeStudents),
    };
  });
  const header = [
    'School code',
    'School Name',
    ...COMPOSITE_YEARS.flatMap((year) => COMPOSITE_MEASURES.map((measure) => `${measure}_${String(year).slice(2)}`)),
  ];
  const rows = schools.map((school, row) => [
    String(school.code),
    school.name,
    ...(counts[row] ?? []).flatMap(formatCounts),
  ]);
  const state = [...COMPOSITE_STATE_ROW, ...totals.flatMap(formatCounts)];
  return {
    fileName: COMPOSITE_FILE_NAME,
    content: formatCsv([header, ...rows, state], { bom: true, lineEnding: '\r\n' }),
  };
}

/** One school's primary classes in one year. */
interface ClassCounts {
  classes: number;
  students: number;
  composite: number;
  compositeStudents: number;
}

/** Grades taught in primary classes: K–6, or K–2 in infants schools. */
const PRIMARY_GRADES: Readonly<Partial<Record<LevelOfSchooling, number>>> = {
  'Primary School': 7,
  'Infants School': 3,
  'Central/Community School': 7,
};

/** Classes of 20–26; too few classes for the grades forces composites, and schools differ in how many they form. */
function countClasses(seed: number, school: HistoricSchool, year: number): ClassCounts | undefined {
  const fte = enrolmentIn(school, year);
  const grades = PRIMARY_GRADES[school.level];
  if (!isOpen(school, year) || fte === undefined || grades === undefined) return undefined;
  const [own, yearly] = [
    [seed, 'composite', school.code],
    [seed, 'composite', school.code, year],
  ] as const;
  // About 45% of a central school's students are in Kindergarten to Year 6.
  const students = Math.max(1, Math.round(fte * (school.level === 'Central/Community School' ? 0.45 : 1)));
  const classes = Math.max(1, Math.ceil(students / (20 + Math.floor(7 * hashUnit(...own, 'size')))));
  // Each composite class spans two grades (or more), so fewer classes than grades means composites.
  const least = Math.min(classes, Math.max(0, grades - classes));
  const propensity = Math.min(1, Math.max(0, 0.3 + 0.17 * hashNormal(...own) + 0.05 * hashNormal(...yearly)));
  const composite = Math.min(classes, Math.max(least, Math.round(classes * propensity)));
  const share =
    composite === classes ? 1 : Math.min(1, (composite / classes) * (0.94 + 0.12 * hashUnit(...yearly, 'share')));
  return { classes, students, composite, compositeStudents: Math.round(students * share) };
}

function formatCounts(counts: ClassCounts | undefined): string[] {
  if (counts === undefined || counts.classes === 0) return ['0', '0', 'NULL', 'NULL'];
  return [
    String(counts.composite),
    String(counts.compositeStudents),
    formatRate((counts.composite / counts.classes) * 100),
    formatRate((counts.compositeStudents / counts.students) * 100),
  ];
}
