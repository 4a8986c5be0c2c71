import { generateMasterDataset } from './master-dataset.ts';

/**
 * The offline sample of each source, by the name a source's `meta.sample` gives. Generated on demand,
 * deterministically, so the CLI and tests need no bundled files.
 */
export const SAMPLE_GENERATORS: Readonly<Record<string, () => string>> = {
  master_dataset: () => generateMasterDataset({}),
};
