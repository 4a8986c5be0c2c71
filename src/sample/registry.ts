import { CSV_SAMPLES, csvSamples, sampleHistory } from './csv-sources.ts';
import { formatMasterDataset, generateMasterDataset, generateMasterRows } from './master-dataset.ts';
import type { SampleFile } from './sample-file.ts';
import { checkScale, scaleHistory, scaleMasterRows } from './scale-sample.ts';
import type { SchoolHistory } from './school-history.ts';
import { XLSX_SAMPLES } from './xlsx-sources.ts';

/**
 * The offline sample of each source, by the name a source's `meta.sample` gives: the files as the portal
 * publishes them. Generated on demand and deterministically, so the CLI and the tests need no bundled files.
 */
export const SAMPLE_GENERATORS: Readonly<Record<string, () => SampleFile[]>> = {
  master_dataset: () => [{ fileName: 'master_dataset.csv', content: generateMasterDataset({}) }],
  ...CSV_SAMPLES,
  ...XLSX_SAMPLES,
};

/**
 * The generators of the sample at `scale` times its size (see scale-sample.ts): every per-school dataset names
 * each school `scale` times under codes of their own; `scale` 1 is `SAMPLE_GENERATORS` itself.
 */
export function sampleGenerators(scale: number): Readonly<Record<string, () => SampleFile[]>> {
  if (checkScale(scale) === 1) return SAMPLE_GENERATORS;
  let history: SchoolHistory | undefined;
  return {
    master_dataset: () => [
      { fileName: 'master_dataset.csv', content: formatMasterDataset(scaleMasterRows(generateMasterRows({}), scale)) },
    ],
    ...csvSamples(() => (history ??= scaleHistory(sampleHistory(), scale))),
    ...XLSX_SAMPLES,
  };
}
