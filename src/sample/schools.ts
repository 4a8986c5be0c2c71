import {
  generateMasterRows,
  type LevelOfSchooling,
  type MasterDatasetOptions,
  type MasterDatasetRow,
} from './master-dataset.ts';
import type { RemotenessArea } from './nsw-places.ts';

/** A school of the generated master dataset as typed values, for generators of the other datasets. */
export interface SchoolRecord {
  /** `School_code`: unique, 1001–8924. */
  code: number;
  /** `School_name`, unique. */
  name: string;
  /** `Level_of_schooling`. */
  level: LevelOfSchooling;
  /** `School_subtype`, e.g. `Kindergarten to Year 6` or `Year 11 to Year 12`. */
  subtype: string;
  /** `School_specialty_type`, e.g. `Comprehensive` or `Distance Education`. */
  specialty: string;
  /** `latest_year_enrolment_FTE` rounded to a tenth; undefined when blank or suppressed (`np`). */
  enrolmentFte: number | undefined;
  /** `Town_suburb` without its trailing spaces (the letter case is kept). */
  town: string;
  /** `Postcode`, as text. */
  postcode: string;
  /** `LGA`. */
  lga: string;
  /** `SA4` name. */
  sa4: string;
  /** `ASGS_remoteness`. */
  remoteness: RemotenessArea;
  /** `Operational_directorate`. */
  directorate: string;
  /** `ICSEA_value`; undefined when blank. */
  icsea: number | undefined;
  /** Year of `Date_1st_teacher`: the first year the school was open. */
  openedYear: number;
  /** `Latitude`, decimal degrees. */
  latitude: number;
  /** `Longitude`, decimal degrees. */
  longitude: number;
}

/**
 * The schools of `generateMasterDataset(options)`, sorted by code: the same options give the same schools, so
 * every sample dataset can name the schools the master dataset has.
 */
export function generateSchools(options: MasterDatasetOptions = {}): SchoolRecord[] {
  return generateMasterRows(options).map(toSchoolRecord);
}

function toSchoolRecord(row: MasterDatasetRow): SchoolRecord {
  return {
    code: Number(row.School_code),
    name: row.School_name,
    level: row.Level_of_schooling as LevelOfSchooling,
    subtype: row.School_subtype,
    specialty: row.School_specialty_type,
    enrolmentFte: parseNumber(row.latest_year_enrolment_FTE, 10),
    town: row.Town_suburb.trimEnd(),
    postcode: row.Postcode,
    lga: row.LGA,
    sa4: row.SA4,
    remoteness: row.ASGS_remoteness as RemotenessArea,
    directorate: row.Operational_directorate,
    icsea: parseNumber(row.ICSEA_value, 1),
    openedYear: Number(row.Date_1st_teacher.slice(0, 4)),
    latitude: Number(row.Latitude),
    longitude: Number(row.Longitude),
  };
}

/** A number from the portal's text, rounded to `1 / scale` (which also drops binary-float noise); else undefined. */
function parseNumber(text: string, scale: number): number | undefined {
  const value = Number(text);
  return text.trim() === '' || !Number.isFinite(value) ? undefined : Math.round(value * scale) / scale;
}
