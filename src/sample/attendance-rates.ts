import { formatCsv } from './csv-text.ts';
import type { LevelOfSchooling } from './master-dataset.ts';
import { REMOTENESS_AREAS } from './nsw-places.ts';
import type { Random } from './random.ts';
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

/** The file name of the 2023 edition (docs/data-hub-sources.md §3). */
export const ATTENDANCE_FILE_NAME = '2023-attendance-rates-by-government-schools.csv';

/** The year columns: 2011–2023 without 2020, when Semester 1 attendance was not collected (COVID-19). */
export const ATTENDANCE_YEARS: readonly number[] = [
  2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023,
];

/** The state total row's `school_name` (its `school_code` is blank). */
export const ATTENDANCE_STATE_NAME = 'NSW government';

/**
 * The attendance file in the real layout: UTF-8 BOM, CRLF, `school_code,school_name,2011,…,2019,2021,…`, rates
 * with one decimal (`94.3`, `89`), `sp` (suppressed: very small schools), `na` (not applicable: a school's first
 * year, senior colleges), blanks (not open; special schools before 2021); rows sorted by name, then the state
 * total, an enrolment-weighted mean.
 */
export function generateAttendanceFile(history: SchoolHistory): SampleFile {
  const random = randomFor(history.seed, 'attendance');
  const listed = history.schools.filter((school) => isListed(random, school));
  const schools = leaveOut(random, listed, 2).sort((a, b) => compareSchoolNames(a.name, b.name));
  const cells = schools.map((school) => ATTENDANCE_YEARS.map((year) => rateIn(history.seed, school, year)));
  const state = ATTENDANCE_YEARS.map((year, column) => {
    let [weighted, students] = [0, 0];
    schools.forEach((school, row) => {
      const rate = cells[row]?.[column];
      if (typeof rate !== 'number') return;
      const fte = enrolmentIn(school, year) ?? 0;
      [weighted, students] = [weighted + rate * fte, students + fte];
    });
    return formatRate(weighted / students);
  });
  const rows = schools.map((school, row) => [
    String(school.code),
    school.name,
    ...(cells[row] ?? []).map((cell) => (typeof cell === 'number' ? formatRate(cell) : cell)),
  ]);
  const header = ['school_code', 'school_name', ...ATTENDANCE_YEARS.map(String)];
  const content = formatCsv([header, ...rows, ['', ATTENDANCE_STATE_NAME, ...state]], {
    bom: true,
    lineEnding: '\r\n',
  });
  return { fileName: ATTENDANCE_FILE_NAME, content };
}

const RECORDED_LEVELS = new Set<LevelOfSchooling>([
  'Primary School',
  'Infants School',
  'Secondary School',
  'Central/Community School',
  'Schools for Specific Purposes',
]);

/** Schools with students that were open at some time from 2011 to 2023; about one special school in six is absent. */
function isListed(random: Random, school: HistoricSchool): boolean {
  const ssp = school.level === 'Schools for Specific Purposes';
  if (!RECORDED_LEVELS.has(school.level) || (ssp && random.chance(0.16))) return false;
  return school.openedYear <= 2023 && (school.closedYear === undefined || school.closedYear > 2011);
}

/** Semester 1 mean of government primary schools by year (made up, in the shape of the published series). */
// prettier-ignore
const YEAR_MEANS: Readonly<Record<number, number>> = {
  2011: 94.1, 2012: 93.9, 2013: 94.2, 2014: 94.0, 2015: 93.7, 2016: 93.6,
  2017: 93.2, 2018: 92.8, 2019: 92.3, 2021: 91.4, 2022: 87.4, 2023: 89.8,
};

const LEVEL_OFFSETS: Readonly<Partial<Record<LevelOfSchooling, number>>> = {
  'Infants School': 0.4,
  'Secondary School': -4.6,
  'Central/Community School': -3,
  'Schools for Specific Purposes': -8,
};

/** A rate, or the text of a cell that holds none. */
function rateIn(seed: number, school: HistoricSchool, year: number): number | string {
  const ssp = school.level === 'Schools for Specific Purposes';
  if (!isOpen(school, year) || (ssp && year < 2021)) return '';
  // Attendance is collected for Years 1–10, so senior colleges (Years 11–12) have nothing to report.
  if (school.subtype === 'Year 11 to Year 12') return 'na';
  const keys = [seed, 'attendance', school.code, year] as const;
  if (year === school.openedYear && school.openedYear > 2011 && hashUnit(...keys, 'new') < 0.5) return 'na';
  if ((enrolmentIn(school, year) ?? 0) <= 12 || hashUnit(...keys, 'sp') < 0.002) return 'sp';
  if (hashUnit(...keys, 'blank') < 0.002) return '';
  const rank = REMOTENESS_AREAS.indexOf(school.remoteness);
  const own = hashNormal(seed, 'attendance', school.code) * (ssp ? 4 : 1.2);
  const effect = own + ((school.icsea ?? 960) - 1000) * 0.012 - 0.6 * rank;
  const rate = (YEAR_MEANS[year] ?? 92) + (LEVEL_OFFSETS[school.level] ?? 0) + effect + 1.1 * hashNormal(...keys);
  return Math.min(100, Math.max(35, rate));
}
