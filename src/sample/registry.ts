import { CSV_SAMPLES } from './csv-sources.ts';
import { generateMasterDataset } from './master-dataset.ts';
import type { SampleFile } from './sample-file.ts';
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
