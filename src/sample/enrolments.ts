import { formatDatastorePage, type DatastoreRecord } from './datastore-page.ts';
import type { LevelOfSchooling } from './master-dataset.ts';
import type { Random } from './random.ts';
import type { SampleFile } from './sample-file.ts';
import {
  compareSchoolNames,
  enrolmentIn,
  leaveOut,
  randomFor,
  type HistoricSchool,
  type SchoolHistory,
} from './school-history.ts';

/** One DataStore resource of the enrolments package (docs/data-hub-sources.md §5). */
export interface EnrolmentResource {
  /** The DataStore resource the file stands in for (its file is `<resource id>.json`). */
  resourceId: string;
  /** The master dataset levels it lists. */
  levels: readonly LevelOfSchooling[];
  /** Its first column: `School Performance Directorate`, or `Operational Directorate` for special schools. */
  directorateColumn: string;
}

/** The four resources: primary (with infants schools), secondary, central/community and special schools. */
export const ENROLMENT_RESOURCES: readonly EnrolmentResource[] = [
  {
    resourceId: '7a662477-3585-42ba-8e19-1387d6790588',
    levels: ['Primary School', 'Infants School'],
    directorateColumn: 'School Performance Directorate',
  },
  {
    resourceId: 'afee026b-6d18-4cd5-991c-74292db81322',
    levels: ['Secondary School'],
    directorateColumn: 'School Performance Directorate',
  },
  {
    resourceId: '12fb9921-1a09-4661-966f-7ec5a5d4f9ab',
    levels: ['Central/Community School'],
    directorateColumn: 'School Performance Directorate',
  },
  {
    resourceId: '5f0736cd-9b26-48e2-a45d-b74c7cbe83ed',
    levels: ['Schools for Specific Purposes'],
    directorateColumn: 'Operational Directorate',
  },
];

/** The February census years, one text column each. */
export const ENROLMENT_YEARS: readonly number[] = [2020, 2021, 2022, 2023, 2024];

/** The footnote records that end every resource; a name carries a footnote's marker (`Yandelora School [3]`). */
export const ENROLMENT_FOOTNOTES: readonly string[] = [
  '[1] New school in 2020',
  '[2] New school from 2021',
  '[3] Moved to a new site in 2023',
  '[4] In recess since 2020',
];

/** The value of a year in which the school was not open. */
export const NOT_OPEN = '-';

/**
 * The four enrolment resources as one-page `datastore_search` responses. Each lists its schools by directorate
 * and name, FTE as text with one decimal (`452.4`; special schools' values padded with stray spaces, ` 23.0 `),
 * `-` for years a school was not open, footnote markers in names, and the footnote records last: the footnote in
 * the first column and `null` in every other.
 */
export function generateEnrolmentPages(history: SchoolHistory): SampleFile[] {
  return ENROLMENT_RESOURCES.map((resource) => formatEnrolmentPage(history, resource));
}

function formatEnrolmentPage(history: SchoolHistory, resource: EnrolmentResource): SampleFile {
  const random = randomFor(history.seed, 'enrolments', resource.resourceId);
  const listed = history.schools.filter(
    (school) =>
      resource.levels.includes(school.level) &&
      school.openedYear <= 2024 &&
      (school.closedYear === undefined || school.closedYear >= 2020),
  );
  const schools = leaveOut(random, listed, 1).sort(
    (a, b) => compareText(a.directorate, b.directorate) || compareSchoolNames(a.name, b.name),
  );
  const padded = resource.levels.includes('Schools for Specific Purposes');
  const records: DatastoreRecord[] = schools.map((school) => ({
    [resource.directorateColumn]: school.directorate,
    'School Code': String(school.code),
    'School Name': `${school.name}${footnoteMarker(random, school)}`,
    ...Object.fromEntries(ENROLMENT_YEARS.map((year) => [String(year), formatFte(random, school, year, padded)])),
  }));
  for (const footnote of ENROLMENT_FOOTNOTES) records.push({ [resource.directorateColumn]: footnote });
  const columns = [resource.directorateColumn, 'School Code', 'School Name', ...ENROLMENT_YEARS.map(String)];
  return formatDatastorePage({ resourceId: resource.resourceId, columns, records });
}

/** ` [4]` for schools in recess, ` [1]`/` [2]` for new ones, ` [3]` for a few others; mostly nothing. */
function footnoteMarker(random: Random, school: HistoricSchool): string {
  if (school.closedYear === 2020) return ' [4]';
  if (school.openedYear === 2020) return ' [1]';
  if (school.openedYear > 2020) return ' [2]';
  return random.chance(0.004) ? ' [3]' : '';
}

function formatFte(random: Random, school: HistoricSchool, year: number, padded: boolean): string {
  const fte = enrolmentIn(school, year);
  const text = fte === undefined ? NOT_OPEN : fte.toFixed(1);
  // The special schools' sheet pads its values with spaces, unevenly.
  return padded ? random.pick([` ${text} `, ` ${text} `, ` ${text}`, text]) : text;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
