import {
  CONNECTED_COMMUNITIES_DIRECTORATE,
  CONNECTED_COMMUNITIES_NETWORKS,
  DIRECTORATE_OFFICES,
  STREET_NAMES,
  STREET_TYPES,
  type NswPlace,
} from './nsw-places.ts';
import type { Random } from './random.ts';

/**
 * The value draws and text formats of the master dataset generator: one helper per kind of value, each drawing
 * from the shared `Random` in a fixed order (so the generated dataset stays byte-identical).
 */

/** A list of values with their (non-negative) weights, for `Random.weighted`. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** How a level's enrolments are spread: log-normal around a median by remoteness (MC…VR), clamped. */
export interface EnrolmentModel {
  /** Median FTE for each remoteness area, most accessible first. */
  medians: readonly number[];
  /** Standard deviation of the logarithm. */
  spread: number;
  /** Smallest FTE drawn. */
  min: number;
  /** Largest FTE drawn. */
  max: number;
  /** Share of schools with a blank enrolment. */
  blank: number;
}

const OFFICE_PHONE = '02 5550 0131'; // made up, in the 02 5550 block kept for fictional use; not the Department's
const OFFICES = new Map(DIRECTORATE_OFFICES.flatMap((office) => office.networks.map((n) => [n, office] as const)));

/** `Date_1st_teacher`: a year from a weighted range, on 1 January about half the time (as the portal has it). */
export function drawOpened(random: Random, opened: Weighted<readonly [number, number]>): string {
  const [from, to] = random.weighted(opened);
  const year = random.int(from, to);
  if (random.chance(0.47)) return `${year}-01-01`;
  return `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
}

type AdminColumns =
  | 'Operational_directorate'
  | 'Principal_network'
  | 'Operational_directorate_office'
  | 'Operational_directorate_office_phone'
  | 'Operational_directorate_office_address';

/** Connected Communities schools (remote, mostly) belong to a team by longitude and have no office. */
export function adminAreas(
  random: Random,
  place: NswPlace,
  longitude: number,
  rank: number,
): Record<AdminColumns, string> {
  const connected = place.principalNetwork === '' || random.chance([0, 0, 0.03, 0.35, 0.35][rank] ?? 0);
  const team = CONNECTED_COMMUNITIES_NETWORKS[longitude < 145 ? 0 : longitude < 149 ? 1 : 2];
  const office = connected ? undefined : OFFICES.get(place.principalNetwork);
  return {
    Operational_directorate: connected ? CONNECTED_COMMUNITIES_DIRECTORATE : place.region,
    Principal_network: connected ? team : place.principalNetwork,
    Operational_directorate_office: office?.office ?? '',
    Operational_directorate_office_phone: office ? OFFICE_PHONE : '',
    Operational_directorate_office_address: office?.address ?? '',
  };
}

/** Eight digits without the area code (`9xxx xxxx` in Sydney), the first digits following the region. */
export function drawPhone(random: Random, prefix: string): string {
  let digits = prefix;
  while (digits.length < 8) digits += String(random.int(0, 9));
  return `${digits.slice(0, 4)} ${digits.slice(4)}`;
}

/** A latest-year FTE by remoteness rank; blank (`undefined`) or suppressed (`np`) for a few schools. */
export function drawEnrolment(
  random: Random,
  model: EnrolmentModel | undefined,
  rank: number,
): number | 'np' | undefined {
  if (!model || random.chance(model.blank)) return undefined;
  if (random.chance(0.003)) return 'np';
  const median = model.medians[rank] ?? 100;
  return clamp(Math.round(median * Math.exp(random.normal(0, model.spread))), model.min, model.max);
}

/** `484.0`; sometimes a tenth (`381.8`), and some of those with binary-float noise (`381.79999999999995`). */
export function formatFte(random: Random, fte: number, max: number): string {
  if (!random.chance(0.12)) return fte.toFixed(1);
  const tenths = random.int(1, 9);
  const value = (fte * 10 + (fte < max ? tenths : -tenths)) / 10;
  return String(random.chance(0.25) ? nudge(random, value) : value);
}

type MeasureColumns = 'Indigenous_pct' | 'LBOTE_pct' | 'ICSEA_value' | 'FOEI_Value';

/** Percentages are suppressed (`np`) when they stand for 1–5 students; ICSEA falls with remoteness. */
export function drawMeasures(
  random: Random,
  level: string,
  rank: number,
  fte: number | 'np' | undefined,
): Record<MeasureColumns, string> {
  const ssp = level === 'Schools for Specific Purposes';
  const central = level === 'Central/Community School';
  const indigenousBase = ([6, 13, 25, 45, 65][rank] ?? 10) + (central ? 8 : ssp ? 12 : 0);
  const indigenous = clampRound(random.normal(indigenousBase, indigenousBase * 0.7), 0, 100);
  const lbote = clampRound(([30, 5, 4, 3, 2][rank] ?? 5) * Math.exp(random.normal(0, rank === 0 ? 0.8 : 0.7)), 0, 100);
  const icseaMean = ([1035, 975, 940, 885, 800][rank] ?? 1000) - (central ? 40 : ssp ? 70 : 0);
  const icsea = clampRound(random.normal(icseaMean - 1.5 * (indigenous - indigenousBase), 65), 568, 1226);
  const foei = clampRound(100 + (983 - icsea) * 0.55 + random.normal(0, 18), 0, 250);
  const pct = (value: number): string => {
    if (fte === undefined || fte === 'np') return fte ?? '';
    const students = Math.round((value * fte) / 100);
    return students >= 1 && students <= 5 ? 'np' : `${value}.0`;
  };
  const noStudents = fte === undefined || level === 'Environmental Education Centre' || level === 'Other School';
  return {
    Indigenous_pct: pct(indigenous),
    LBOTE_pct: ssp && random.chance(0.08) ? '' : pct(lbote),
    ICSEA_value: noStudents || random.chance(ssp ? 0.2 : 0.01) ? '' : String(icsea),
    FOEI_Value: level === 'Environmental Education Centre' || random.chance(0.015) ? '' : String(foei),
  };
}

/** Six decimals mostly, seven sometimes (trailing zeros dropped, as the portal does), rarely float noise. */
export function formatCoordinate(random: Random, value: number): string {
  if (random.chance(0.003)) return String(nudge(random, Math.round(value * 1e6) / 1e6));
  const scale = random.chance(0.05) ? 1e7 : 1e6;
  return String(Math.round(value * scale) / scale);
}

/** `12 Church St` or `Church St`; about 1% hold a comma and a few a double quote, so they need CSV quoting. */
export function drawStreet(random: Random): string {
  const street = `${random.pick(STREET_NAMES)} ${random.weighted(STREET_TYPES)}`;
  const roll = random.next();
  if (roll < 0.006) return `Cnr ${street}, ${random.pick(STREET_NAMES)} Rd`;
  if (roll < 0.012) return `Level ${random.int(1, 3)}, ${random.int(1, 200)} ${street}`;
  if (roll < 0.014) return `"${random.pick(STREET_NAMES)} House", ${street}`;
  return roll < 0.36 ? `${random.int(1, 400)} ${street}` : street;
}

/** The neighbouring double, one unit in the last place away: what summing decimal fractions leaves behind. */
function nudge(random: Random, value: number): number {
  return value + (random.chance(0.5) ? 1 : -1) * 2 ** (Math.floor(Math.log2(Math.abs(value))) - 52);
}
/** `Y` or `N`, as the portal writes flags. */
export const flag = (value: boolean): string => (value ? 'Y' : 'N');
const pad = (value: number): string => String(value).padStart(2, '0');
/** `value`, kept within [min, max]. */
export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const clampRound = (value: number, min: number, max: number): number => clamp(Math.round(value), min, max);
