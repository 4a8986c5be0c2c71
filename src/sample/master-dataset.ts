import { quoteCsv } from './csv-text.ts';
import {
  ELECTORATE_BEFORE_2023,
  NAME_VARIANTS,
  NSW_PLACES,
  REMOTENESS_AREAS,
  SA4_SERVICES,
  SECONDARY_SPECIALTY_TYPES,
  SECONDARY_SUBTYPES,
  SSP_SUBTYPES,
  type NswPlace,
} from './nsw-places.ts';
import { createRandom, type Random } from './random.ts';
import {
  adminAreas,
  clamp,
  drawEnrolment,
  drawMeasures,
  drawOpened,
  drawPhone,
  drawStreet,
  flag,
  formatCoordinate,
  formatFte,
  type EnrolmentModel,
  type Weighted,
} from './school-draws.ts';

/** The 45 columns of the NSW public schools master dataset (Data.NSW extract of 2025-02-10), in order. */
// prettier-ignore
export const MASTER_DATASET_COLUMNS = [
  'School_code', 'AgeID', 'School_name', 'Street', 'Town_suburb', 'Postcode', 'Phone', 'School_Email', 'Website',
  'Fax', 'latest_year_enrolment_FTE', 'Indigenous_pct', 'LBOTE_pct', 'ICSEA_value', 'Level_of_schooling',
  'Selective_school', 'Opportunity_class', 'School_specialty_type', 'School_subtype', 'Support_classes',
  'Preschool_ind', 'Distance_education', 'Intensive_english_centre', 'School_gender', 'Late_opening_school',
  'Date_1st_teacher', 'LGA', 'electorate_from_2023', 'electorate_2015_2022', 'Fed_electorate',
  'Operational_directorate', 'Principal_network', 'Operational_directorate_office',
  'Operational_directorate_office_phone', 'Operational_directorate_office_address', 'FACS_district',
  'Local_health_district', 'AECG_region', 'ASGS_remoteness', 'Latitude', 'Longitude', 'Assets unit', 'SA4',
  'FOEI_Value', 'Date_extracted',
] as const;

/** One master dataset column name. */
export type MasterDatasetColumn = (typeof MASTER_DATASET_COLUMNS)[number];

/** The seven `Level_of_schooling` values, most common first. */
export const LEVELS_OF_SCHOOLING = [
  'Primary School',
  'Secondary School',
  'Schools for Specific Purposes',
  'Central/Community School',
  'Environmental Education Centre',
  'Infants School',
  'Other School',
] as const;

/** One `Level_of_schooling` value. */
export type LevelOfSchooling = (typeof LEVELS_OF_SCHOOLING)[number];

/** Schools per level in the 2025-02-10 extract, as docs/data-hub-sources.md records them (2,216 in all). */
export const REAL_LEVEL_COUNTS: Readonly<Record<LevelOfSchooling, number>> = {
  'Primary School': 1590,
  'Secondary School': 405,
  'Schools for Specific Purposes': 116,
  'Central/Community School': 67,
  'Environmental Education Centre': 22,
  'Infants School': 14,
  'Other School': 2,
};

/** Options of `generateMasterDataset`. */
export interface MasterDatasetOptions {
  /** Seed of the pseudo-random generator: the same options always give byte-identical text. Default 20250210. */
  seed?: number;
  /** Number of schools (rows), 1 to 7,924 (the size of the code range). Default 2,216. */
  schoolCount?: number;
  /** `Date_extracted` of every row, ISO `YYYY-MM-DD`. Default `2025-02-10`. */
  extractDate?: string;
}

/**
 * A made-up but realistic NSW public schools master dataset as CSV text: the real header, value formats and
 * quirks (everything text, `np`, blanks, binary-float noise, trailing spaces), LF line endings, RFC 4180
 * quoting, rows sorted by `School_code`. Contact details use the reserved `.invalid` domain.
 */
export function generateMasterDataset(options: MasterDatasetOptions = {}): string {
  return formatMasterDataset(generateMasterRows(options));
}

/** Master dataset rows as the CSV text `generateMasterDataset` writes (the real header, RFC 4180 quoting, LF). */
export function formatMasterDataset(rows: readonly MasterDatasetRow[]): string {
  const lines = rows.map((row) => MASTER_DATASET_COLUMNS.map((column) => quoteCsv(row[column])).join(','));
  return [MASTER_DATASET_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

/** The rows `generateMasterDataset` writes, sorted by `School_code`: for generators that need the same schools. */
export function generateMasterRows(options: MasterDatasetOptions = {}): MasterDatasetRow[] {
  const { seed = 20250210, schoolCount = 2216, extractDate = '2025-02-10' } = options;
  if (!Number.isInteger(schoolCount) || schoolCount < 1 || schoolCount > CODE_MAX - CODE_MIN + 1) {
    throw new RangeError(`schoolCount must be a whole number from 1 to ${CODE_MAX - CODE_MIN + 1}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(extractDate)) throw new RangeError('extractDate must be YYYY-MM-DD');
  const [codes, names, slugs, ages] = [new Set<number>(), new Set<string>(), new Set<string>(), new Set<number>()];
  const state: State = { random: createRandom(seed), codes, names, slugs, ages };
  const rows = allocateLevels(schoolCount).map((level, index) => buildRow(state, level, index, extractDate));
  return rows.sort((a, b) => Number(a.School_code) - Number(b.School_code));
}

/** One generated master dataset row: every value as text, keyed by column name. */
export type MasterDatasetRow = Record<MasterDatasetColumn, string>;
type Row = MasterDatasetRow;

interface State {
  random: Random;
  codes: Set<number>;
  names: Set<string>;
  slugs: Set<string>;
  ages: Set<number>;
}

/** How each level is coded, placed, sized and dated. Place bias and enrolment medians are by remoteness (MC…VR). */
interface LevelProfile {
  codes: readonly [number, number];
  email: string;
  placeBias: readonly number[];
  enrolment?: EnrolmentModel;
  opened: Weighted<readonly [number, number]>;
}

const CODE_MIN = 1001;
const CODE_MAX = 8924;
const [LAT_MIN, LAT_MAX, LON_MIN, LON_MAX] = [-37.08, -28.17, 141.44, 153.69];

// prettier-ignore
const LEVEL_PROFILES: Readonly<Record<LevelOfSchooling, LevelProfile>> = {
  'Primary School': {
    codes: [1001, 4999], email: 'p', placeBias: [1, 1, 1, 1, 1],
    enrolment: { medians: [520, 240, 70, 35, 18], spread: 0.6, min: 2, max: 1300, blank: 0.002 },
    opened: [[[1848, 1899], 45], [[1900, 1949], 20], [[1950, 1979], 25], [[1980, 2024], 10]],
  },
  'Secondary School': {
    codes: [8101, 8924], email: 'h', placeBias: [1.2, 1, 0.6, 0.3, 0.1],
    enrolment: { medians: [950, 650, 350, 180, 120], spread: 0.35, min: 107, max: 2100, blank: 0.015 },
    opened: [[[1880, 1949], 10], [[1950, 1979], 65], [[1980, 2024], 25]],
  },
  'Schools for Specific Purposes': {
    codes: [5500, 5799], email: 's', placeBias: [1.5, 0.8, 0.3, 0, 0],
    enrolment: { medians: [55, 50, 40, 40, 40], spread: 0.45, min: 20, max: 120, blank: 0.1 },
    opened: [[[1950, 2024], 1]],
  },
  'Central/Community School': {
    codes: [1001, 2999], email: 'c', placeBias: [0.1, 0.5, 2.5, 5, 8],
    enrolment: { medians: [400, 250, 150, 100, 60], spread: 0.5, min: 30, max: 1500, blank: 0 },
    opened: [[[1860, 1949], 40], [[1950, 1989], 45], [[1990, 2024], 15]],
  },
  'Environmental Education Centre': {
    codes: [5400, 5799], email: 'e', placeBias: [0.2, 1, 1.5, 1, 1], opened: [[[1970, 2010], 1]],
  },
  'Infants School': {
    codes: [4200, 5299], email: 'p', placeBias: [3, 0.3, 0.2, 0, 0],
    enrolment: { medians: [180, 150, 120, 120, 120], spread: 0.3, min: 100, max: 300, blank: 0 },
    opened: [[[1870, 1960], 1]],
  },
  'Other School': { codes: [5400, 8699], email: 'p', placeBias: [1, 0, 0, 0, 0], opened: [[[1950, 1990], 1]] },
};

function allocateLevels(total: number): LevelOfSchooling[] {
  const realTotal = Object.values(REAL_LEVEL_COUNTS).reduce((a, b) => a + b, 0);
  const exact = LEVELS_OF_SCHOOLING.map((level) => (REAL_LEVEL_COUNTS[level] * total) / realTotal);
  const counts = exact.map(Math.floor);
  // Largest remainder: hand the rows left over to the levels with the biggest fractional parts.
  const byFraction = exact.map((_, i) => i).sort((a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!) || a - b);
  const leftover = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < leftover; k++) counts[byFraction[k]!]! += 1;
  for (let i = 1; i < counts.length && total >= counts.length; i++) {
    if (counts[i] === 0) [counts[i], counts[0]] = [1, counts[0]! - 1];
  }
  return LEVELS_OF_SCHOOLING.flatMap((level, i) => Array<LevelOfSchooling>(counts[i]!).fill(level));
}

function buildRow(state: State, level: LevelOfSchooling, index: number, extractDate: string): Row {
  const { random } = state;
  const profile = LEVEL_PROFILES[level];
  const place = pickPlace(random, profile);
  const rank = REMOTENESS_AREAS.indexOf(place.remoteness);
  const kind = describeSchool(random, level, rank, index);
  const { name, stem } = uniqueName(state, place.name, kind.suffix);
  const slug = uniqueSlug(state, stem, profile.email);
  const latitude = clamp(place.latitude + clamp(random.normal(0, 0.012), -0.04, 0.04), LAT_MIN, LAT_MAX);
  const longitude = clamp(place.longitude + clamp(random.normal(0, 0.014), -0.045, 0.045), LON_MIN, LON_MAX);
  const opened = drawOpened(random, profile.opened);
  const isNew = Number(opened.slice(0, 4)) >= 2023;
  const admin = adminAreas(random, place, longitude, rank);
  const services = SA4_SERVICES[place.sa4];
  const noHealth = random.chance(0.01);
  const phone = drawPhone(random, services?.phonePrefix ?? '6');
  const fte = drawEnrolment(random, profile.enrolment, rank);
  const measures = drawMeasures(random, level, rank, fte);
  const town = random.chance(0.18) ? place.name.toUpperCase() : place.name;
  return {
    School_code: String(uniqueCode(state, profile.codes)),
    AgeID: random.chance(0.003) ? '' : String(uniqueAgeId(state)),
    School_name: name,
    Street: drawStreet(random),
    Town_suburb: random.chance(0.6) ? `${town} ` : town,
    Postcode: place.postcode,
    Phone: random.chance(0.06) ? `02 ${phone}` : phone,
    School_Email: `${slug}.school@sample.invalid`,
    Website: `https://${slug}.sample.invalid${random.chance(0.03) ? '/' : ''}`,
    Fax: random.chance(rank >= 3 || !profile.enrolment ? 0.12 : 0.05)
      ? ''
      : `${phone.slice(0, 5)}${random.int(1000, 9999)}`,
    latest_year_enrolment_FTE:
      fte === undefined ? '' : typeof fte === 'string' ? fte : formatFte(random, fte, profile.enrolment?.max ?? fte),
    ...measures,
    Level_of_schooling: level,
    Selective_school: kind.selective,
    Opportunity_class: flag(level === 'Primary School' && random.chance([0.08, 0.02, 0, 0, 0][rank] ?? 0)),
    School_specialty_type: kind.specialty,
    School_subtype: kind.subtype,
    Support_classes: '',
    Preschool_ind: flag(kind.preschool),
    Distance_education: kind.distance,
    Intensive_english_centre: flag(level === 'Secondary School' && rank === 0 && random.chance(0.06)),
    School_gender: kind.gender,
    Late_opening_school: flag(random.chance(level === 'Central/Community School' ? 0.35 : 0.045)),
    Date_1st_teacher: opened,
    LGA: place.lga,
    electorate_from_2023: place.electorate,
    electorate_2015_2022: isNew ? '' : (ELECTORATE_BEFORE_2023[place.electorate] ?? place.electorate),
    Fed_electorate: isNew ? '' : place.fedElectorate,
    ...admin,
    FACS_district: noHealth ? '' : (services?.facsDistrict ?? ''),
    Local_health_district: noHealth ? '' : (services?.localHealthDistrict ?? ''),
    AECG_region: random.chance(0.015) ? '' : (services?.aecgRegion ?? ''),
    ASGS_remoteness: place.remoteness,
    Latitude: formatCoordinate(random, latitude),
    Longitude: formatCoordinate(random, longitude),
    'Assets unit': random.chance(0.02) ? '' : (services?.assetsUnit ?? ''),
    SA4: place.sa4,
    Date_extracted: extractDate,
  };
}

interface SchoolKind {
  suffix: string;
  subtype: string;
  specialty: string;
  selective: string;
  gender: string;
  distance: string;
  preschool: boolean;
}

const SECONDARY_SUFFIXES: Readonly<Record<string, string>> = {
  'Senior College': 'Senior College',
  Sports: 'Sports High School',
  Technology: 'Technology High School',
  Agricultural: 'Agricultural High School',
  'Performing Arts': 'High School of the Performing Arts',
};

const COLLEGES: Readonly<Record<string, string>> = {
  'Year 11 to Year 12': 'Senior College',
  'Year 7 to Year 10': 'Junior College',
};
const SELECTIVE: Weighted<string> = [
  ['Not Selective', 88],
  ['Partially Selective', 7],
  ['Fully Selective', 5],
];

function describeSchool(random: Random, level: LevelOfSchooling, rank: number, index: number): SchoolKind {
  const kind: SchoolKind = {
    suffix: 'Public School',
    subtype: 'Kindergarten to Year 6',
    specialty: 'Comprehensive',
    selective: 'Not Selective',
    gender: 'Coed',
    distance: 'N',
    preschool: false,
  };
  const distanceEducation = { specialty: 'Distance Education', suffix: 'School of Distance Education', distance: 'S' };
  switch (level) {
    case 'Primary School':
      kind.preschool = random.chance(0.06);
      return rank >= 2 && random.chance(0.02) ? { ...kind, ...distanceEducation } : kind;
    case 'Infants School':
      return { ...kind, suffix: 'Infants School', subtype: 'Kindergarten to Year 2', preschool: random.chance(0.28) };
    case 'Central/Community School': {
      const central = { ...kind, subtype: 'Kindergarten to Year 12', preschool: random.chance(0.06) };
      if (random.chance(0.04)) return { ...central, ...distanceEducation };
      return { ...central, suffix: random.chance(0.1) ? 'Community School' : 'Central School' };
    }
    case 'Schools for Specific Purposes': {
      const subtype = random.weighted(SSP_SUBTYPES);
      const suffix = subtype === 'Hospital School' ? subtype : random.chance(0.85) ? 'School (SSP)' : 'Learning Centre';
      return { ...kind, subtype, suffix, distance: random.chance(0.03) ? 'C' : 'N' };
    }
    case 'Environmental Education Centre': {
      const subtype = 'Environmental Education Centre (formerly Field Studies Centres)';
      return { ...kind, subtype, suffix: 'Environmental Education Centre' };
    }
    case 'Other School':
      return index % 2 === 0
        ? { ...kind, suffix: 'Nursery School', subtype: 'Nursery school (similar to a Pre school)', preschool: true }
        : { ...kind, suffix: 'College of Languages', subtype: 'Year 7 to Year 12', specialty: 'Language' };
    case 'Secondary School': {
      const subtype = random.weighted(SECONDARY_SUBTYPES);
      const specialty = COLLEGES[subtype] ?? random.weighted(SECONDARY_SPECIALTY_TYPES);
      const gender = rank === 0 && random.chance(0.16) ? random.pick(['Boys', 'Girls']) : 'Coed';
      const selective = specialty === 'Comprehensive' && rank <= 1 ? random.weighted(SELECTIVE) : 'Not Selective';
      const suffix = gender === 'Coed' ? (SECONDARY_SUFFIXES[specialty] ?? 'High School') : `${gender} High School`;
      return { ...kind, subtype, specialty, gender, selective, suffix, distance: random.chance(0.01) ? 'C' : 'N' };
    }
  }
}

function pickPlace(random: Random, profile: LevelProfile): NswPlace {
  let weights = PLACE_WEIGHTS.get(profile);
  if (!weights) {
    weights = NSW_PLACES.map((p) => [p, p.weight * (profile.placeBias[REMOTENESS_AREAS.indexOf(p.remoteness)] ?? 0)]);
    PLACE_WEIGHTS.set(profile, weights);
  }
  return random.weighted(weights);
}

const PLACE_WEIGHTS = new Map<LevelProfile, Weighted<NswPlace>>();

/** The plain town name, else random variants (`North …`, `… Heights`), else any free one or pair, else numbers. */
function uniqueName(state: State, town: string, suffix: string): { name: string; stem: string } {
  const words = town.toLowerCase().split(' ');
  const startsWithVariant = NAME_VARIANTS.some((v) => v.before && v.word.toLowerCase() === words[0]);
  // No "Castle Hill Hills" (a repeated word) and no "South North Albury" (stacked prefixes).
  const usable = NAME_VARIANTS.filter(
    ({ word, before }) => !words.some((w) => word.toLowerCase().startsWith(w)) && !(before && startsWithVariant),
  );
  const befores = usable.filter((v) => v.before).map((v) => `${v.word} ${town}`);
  const afters = usable.filter((v) => !v.before).map((v) => v.word);
  const singles = [...befores, ...afters.map((after) => `${town} ${after}`)];
  const free = (stem: string) => !state.names.has(`${stem} ${suffix}`);
  const randomTries = singles.length > 0 ? Array.from({ length: 5 }, () => state.random.pick(singles)) : [];
  let stem = [town, ...randomTries, ...singles].find(free);
  stem ??= befores.flatMap((before) => afters.map((after) => `${before} ${after}`)).find(free);
  for (let n = 2; stem === undefined; n++) if (free(`${town} ${n}`)) stem = `${town} ${n}`;
  state.names.add(`${stem} ${suffix}`);
  return { name: `${stem} ${suffix}`, stem };
}

/** Like the portal's `<up to 10 letters>-<level letter>` mailbox names, made unique with digits. */
function uniqueSlug(state: State, stem: string, code: string): string {
  const letters = stem.toLowerCase().replace(/[^a-z]/g, '');
  const base = letters.slice(0, 10) || 'school';
  let slug = `${base}-${code}`;
  for (let n = 2; state.slugs.has(slug); n++) slug = `${base.slice(0, 10 - String(n).length)}${n}-${code}`;
  state.slugs.add(slug);
  return slug;
}

function uniqueCode(state: State, [min, max]: readonly [number, number]): number {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = state.random.int(min, max);
    if (!state.codes.has(code)) return (state.codes.add(code), code);
  }
  let code = state.random.int(CODE_MIN, CODE_MAX);
  while (state.codes.has(code)) code = code === CODE_MAX ? CODE_MIN : code + 1;
  return (state.codes.add(code), code);
}

function uniqueAgeId(state: State): number {
  let id = state.random.chance(0.01) ? state.random.int(1000, 9999) : state.random.int(44000, 89999);
  while (state.ages.has(id)) id++;
  return (state.ages.add(id), id);
}
