import { formatCsv, parseCsv } from '../../src/core/sources/csv.ts';
import { generateMasterDataset } from '../../src/sample/master-dataset.ts';

/** What `changedMasterDataset` did to the sample, by school code, so tests can expect exactly it. */
export interface MasterDatasetChanges {
  /** The file's text: the sample's master dataset with the changes below and a later extract date. */
  csv: string;
  /** Schools removed from the extract. */
  closed: Array<{ code: string; name: string }>;
  /** A school added with a new code. */
  opened: { code: string; name: string };
  /** A school whose name changed. */
  renamed: { code: string; from: string; to: string };
  /** A school whose coordinates changed. */
  moved: { code: string; name: string };
  /** A school whose LGA changed. */
  relocated: { code: string; name: string; lga: string };
}

/**
 * A second load of the master dataset, derived from the bundled sample as a later extract would differ:
 * two schools closed, one opened, one renamed, one moved (latitude/longitude), one in another LGA, and
 * every row's extract date a month later (which the school snapshot must not take for a change).
 */
export function changedMasterDataset(): MasterDatasetChanges {
  const [header = [], ...rows] = parseCsv(generateMasterDataset({}));
  const column = (name: string) => header.indexOf(name);
  const [code, name, latitude, longitude, lga, extracted] = [
    'School_code',
    'School_name',
    'Latitude',
    'Longitude',
    'LGA',
    'Date_extracted',
  ].map(column) as [number, number, number, number, number, number];
  const at = (index: number) => rows[index] as string[];
  // The sample writes some values as the portal does ('np', blanks): pick rows whose changed values are real.
  const from20 = (test: (row: string[]) => boolean) => rows.slice(20).find(test) as string[];
  const numeric = (value: string | undefined) =>
    value !== undefined && value.trim() !== '' && Number.isFinite(Number(value));
  const closed = [at(3), at(4)].map((row) => ({ code: row[code] as string, name: (row[name] as string).trim() }));
  const renamed = at(10);
  const from = renamed[name] as string;
  renamed[name] = `${from} Renamed`;
  const moved = from20((row) => numeric(row[latitude]) && numeric(row[longitude]));
  moved[latitude] = String(Number(moved[latitude]) + 0.05);
  moved[longitude] = String(Number(moved[longitude]) - 0.05);
  const relocated = from20((row) => row !== moved && Boolean(row[lga]?.trim()));
  relocated[lga] = relocated[lga] === 'Newcastle' ? 'Lake Macquarie' : 'Newcastle';
  const opened = [...at(40)];
  opened[code] = String(Math.max(...rows.map((row) => Number(row[code]))) + 1);
  opened[name] = 'Harbourside New Public School';
  const kept = rows.filter((row) => !closed.some((school) => school.code === row[code]));
  for (const row of [...kept, opened]) row[extracted] = laterExtract(row[extracted] ?? '');
  return {
    csv: formatCsv([header, ...kept, opened]),
    closed,
    opened: { code: opened[code] as string, name: opened[name] as string },
    renamed: { code: renamed[code] as string, from: from.trim(), to: (renamed[name] as string).trim() },
    moved: { code: moved[code] as string, name: (moved[name] as string).trim() },
    relocated: {
      code: relocated[code] as string,
      name: (relocated[name] as string).trim(),
      lga: (relocated[lga] as string).trim(),
    },
  };
}

/** The extract date a month on, in whatever of the sample's date layouts it is written (keeps the layout). */
function laterExtract(value: string): string {
  return value.replace(/(\d{4})-(\d{2})/, (_, year: string, month: string) =>
    month === '12' ? `${Number(year) + 1}-01` : `${year}-${String(Number(month) + 1).padStart(2, '0')}`,
  );
}
