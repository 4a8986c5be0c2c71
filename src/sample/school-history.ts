import type { LevelOfSchooling } from './master-dataset.ts';
import { NSW_PLACES, type NswPlace } from './nsw-places.ts';
import { createRandom, type Random } from './random.ts';
import type { Weighted } from './school-draws.ts';
import { generateSchools, type SchoolRecord } from './schools.ts';

/** Seed of the bundled sample: the master dataset's default, so every dataset names the same schools. */
export const SAMPLE_SEED = 20250210;

/** A school as the yearly datasets see it: a master dataset school, or one that closed before the extract. */
export interface HistoricSchool extends SchoolRecord {
  /** First year the school was no longer open; undefined for the master dataset's schools (open in 2025). */
  closedYear: number | undefined;
  /** FTE the yearly enrolments lead up to in 2025; undefined where no students are enrolled (EEC, nursery). */
  baseFte: number | undefined;
  /** Yearly growth of the school's enrolments, as a logarithm (0.02 is about 2% a year). */
  growth: number;
  /** Seeds the school's own year-to-year variation, so a value never depends on which other schools are listed. */
  salt: number;
}

/** The schools every yearly dataset is drawn from, with the seed they were drawn with. */
export interface SchoolHistory {
  /** The seed of the master dataset and of every dataset drawn from this history. */
  seed: number;
  /** The master dataset's schools and some closed ones (never in the master dataset), sorted by code. */
  schools: readonly HistoricSchool[];
}

/** Options of `createSchoolHistory`. */
export interface SchoolHistoryOptions {
  /** Seed of the master dataset and of the history. Default `SAMPLE_SEED`. */
  seed?: number;
  /** Number of schools closed at the end of a year from 2011 to 2024 (two in recess from 2020). Default 24. */
  closedCount?: number;
}

/** The master dataset's schools (same seed, same schools) plus closed ones, with enrolment trends. */
export function createSchoolHistory(options: SchoolHistoryOptions = {}): SchoolHistory {
  const { seed = SAMPLE_SEED, closedCount = 24 } = options;
  const random = randomFor(seed, 'history');
  const open = generateSchools({ seed }).map((school) => withTrend(random, school, undefined));
  const codes = new Set(open.map((school) => school.code));
  const names = new Set(open.map((school) => school.name));
  const closed = Array.from({ length: closedCount }, (_, index) => {
    const school = drawClosedSchool(random, codes, names, CLOSED_YEARS[index] ?? random.int(2012, 2025));
    return withTrend(random, school, school.closedYear);
  });
  return { seed, schools: [...open, ...closed].sort((a, b) => a.code - b.code) };
}

/** Whether the school took students in `year` (opened in or before it and not yet closed). */
export function isOpen(school: HistoricSchool, year: number): boolean {
  return school.openedYear <= year && (school.closedYear === undefined || year < school.closedYear);
}

/** The school's February FTE in `year`, to a tenth; undefined when it was not open or enrols no students. */
export function enrolmentIn(school: HistoricSchool, year: number): number | undefined {
  if (!isOpen(school, year) || school.baseFte === undefined) return undefined;
  // New schools open with a few grades and fill up over their first years.
  const ramp = (y: number): number => Math.min(1, 0.45 + 0.15 * Math.max(0, y - school.openedYear));
  const wobble = 1 + 0.025 * hashNormal(school.salt, year);
  const fte = school.baseFte * Math.exp(school.growth * (year - 2025)) * (ramp(year) / ramp(2025)) * wobble;
  return Math.max(1, Math.round(fte * 10) / 10);
}

/** A generator seeded by `seed` and `keys` together: each dataset gets its own stream. */
export function randomFor(seed: number, ...keys: readonly (number | string)[]): Random {
  return createRandom(Math.floor(hashUnit(seed, ...keys) * 2 ** 32));
}

/**
 * A number in [0, 1) fixed by `keys`: per-school and per-year noise that never depends on what else was drawn
 * (FNV-1a over the keys, then the MurmurHash3 finalizer to spread the bits). Much cheaper than a `Random` each.
 */
export function hashUnit(...keys: readonly (number | string)[]): number {
  let hash = 0x811c9dc5;
  for (const key of keys) {
    const text = String(key);
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193); // a separator, so (12, 3) and (1, 23) differ
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 4294967296;
}

/** A standard normal value fixed by `keys` (Box–Muller over two `hashUnit` values). */
export function hashNormal(...keys: readonly (number | string)[]): number {
  const radius = Math.sqrt(-2 * Math.log(1 - hashUnit(...keys, 'radius')));
  return radius * Math.cos(2 * Math.PI * hashUnit(...keys, 'angle'));
}

/** The portal's order of school names: letter case, apostrophes and hyphens ignored (`O'Connell` after `Ocean`). */
export function compareSchoolNames(a: string, b: string): number {
  const [keyA, keyB] = [sortKey(a), sortKey(b)];
  return keyA < keyB ? -1 : keyA > keyB ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** A rate as the CSV files write it: one decimal, without a trailing `.0` (`94.3`, `89`, `100`). */
export function formatRate(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** `items` without `count` of them, chosen at random (order kept): the few schools a dataset leaves out. */
export function leaveOut<T>(random: Random, items: readonly T[], count: number): T[] {
  const dropped = new Set<number>();
  while (dropped.size < Math.min(count, items.length)) dropped.add(random.int(0, items.length - 1));
  return items.filter((_, index) => !dropped.has(index));
}

const sortKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9 ]/g, '');

/** The `closedYear` of the first closed schools: two in recess since 2020, one that closed at the end of 2024. */
const CLOSED_YEARS: readonly number[] = [2020, 2020, 2025];

/** FTE assumed where the master dataset's is blank or suppressed, by level; absent levels enrol no students. */
const FALLBACK_FTE: Partial<Record<LevelOfSchooling, number>> = {
  'Primary School': 120,
  'Infants School': 150,
  'Secondary School': 450,
  'Central/Community School': 180,
  'Schools for Specific Purposes': 45,
};

function withTrend(random: Random, school: SchoolRecord, closedYear: number | undefined): HistoricSchool {
  const fallback = FALLBACK_FTE[school.level];
  const baseFte = fallback === undefined ? undefined : (school.enrolmentFte ?? fallback);
  const growth = random.normal(0, 0.025);
  return { ...school, closedYear, baseFte, growth, salt: random.int(0, 2 ** 31) };
}

type ClosedLevel = 'Primary School' | 'Secondary School' | 'Schools for Specific Purposes' | 'Central/Community School';

const CLOSED_LEVELS: Weighted<ClosedLevel> = [
  ['Primary School', 70],
  ['Secondary School', 12],
  ['Schools for Specific Purposes', 12],
  ['Central/Community School', 6],
];

// prettier-ignore
const CLOSED_PROFILES: Readonly<Record<ClosedLevel, { suffix: string; subtype: string; codes: [number, number]; fte: number }>> = {
  'Primary School': { suffix: 'Public School', subtype: 'Kindergarten to Year 6', codes: [1001, 4999], fte: 45 },
  'Secondary School': { suffix: 'High School', subtype: 'Year 7 to Year 12', codes: [8101, 8924], fte: 320 },
  'Schools for Specific Purposes': { suffix: 'School', subtype: 'Medium / High Support needs', codes: [5500, 5799], fte: 30 },
  'Central/Community School': { suffix: 'Central School', subtype: 'Kindergarten to Year 12', codes: [1001, 2999], fte: 90 },
};

/** A school that closed before the extract: a free code and a name no master dataset school has. */
function drawClosedSchool(
  random: Random,
  codes: Set<number>,
  names: Set<string>,
  closedYear: number,
): SchoolRecord & { closedYear: number } {
  const level = random.weighted(CLOSED_LEVELS);
  const profile = CLOSED_PROFILES[level];
  let place: NswPlace = random.weighted(NSW_PLACES.map((p) => [p, p.weight] as const));
  let name = `${place.name} ${profile.suffix}`;
  for (let n = 0; names.has(name); n++) {
    place = random.pick(NSW_PLACES);
    name = n < 40 ? `${place.name} ${profile.suffix}` : `${place.name} Valley ${profile.suffix}`;
  }
  let code = random.int(...profile.codes);
  while (codes.has(code)) code = code >= profile.codes[1] ? profile.codes[0] : code + 1;
  codes.add(code);
  names.add(name);
  const school: SchoolRecord = {
    code,
    name,
    level,
    subtype: profile.subtype,
    specialty: 'Comprehensive',
    enrolmentFte: Math.max(3, Math.round(profile.fte * Math.exp(random.normal(0, 0.5)))),
    town: place.name,
    postcode: place.postcode,
    lga: place.lga,
    sa4: place.sa4,
    remoteness: place.remoteness,
    directorate: place.region,
    icsea: Math.round(random.normal(940, 60)),
    openedYear: random.int(1870, 1990),
    latitude: place.latitude,
    longitude: place.longitude,
  };
  return { ...school, closedYear };
}
