import { generateAttendanceFile } from './attendance-rates.ts';
import { generateClassSizePage } from './class-size.ts';
import { generateCompositeClassesFile } from './composite-classes.ts';
import { generateEnrolmentPages } from './enrolments.ts';
import { generateRamFiles } from './ram-funding.ts';
import { generateRetentionPages } from './retention.ts';
import type { SampleFile } from './sample-file.ts';
import { createSchoolHistory, SAMPLE_SEED, type SchoolHistory } from './school-history.ts';

/**
 * The offline samples of the Data.NSW datasets besides the master dataset, by source name: each file in the
 * published layout with its quirks (docs/data-hub-sources.md §2–6), naming the master dataset's schools
 * (`generateMasterDataset({})`) with a few missing and a few closed ones added, as the real files do. CSV
 * downloads keep the portal's file names; DataStore resources are one-page `datastore_search` responses named
 * `<resource id>.json`. Deterministic: every call gives byte-identical files.
 */
export const CSV_SAMPLES: Readonly<Record<string, () => SampleFile[]>> = csvSamples(sampleHistory);

/** The same samples drawn from another history (a scaled one: `scaleHistory`), made when first asked for. */
export function csvSamples(history: () => SchoolHistory): Readonly<Record<string, () => SampleFile[]>> {
  return {
    ram: () => generateRamFiles(history()),
    attendance: () => [generateAttendanceFile(history())],
    composite_classes: () => [generateCompositeClassesFile(history())],
    enrolments: () => generateEnrolmentPages(history()),
    retention: () => generateRetentionPages({ seed: SAMPLE_SEED }),
    class_size: () => [generateClassSizePage({ seed: SAMPLE_SEED })],
  };
}

let history: SchoolHistory | undefined;

/** The schools behind the samples, drawn once (about a second) and shared: generators only read them. */
export function sampleHistory(): SchoolHistory {
  return (history ??= createSchoolHistory());
}
