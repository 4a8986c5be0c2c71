import { readSourceSpec } from '../../src/core/sources/catalogue.ts';
import type { Project } from '../../src/core/project/types.ts';
import { SAMPLE_GENERATORS } from '../../src/sample/registry.ts';
import type { MockDataStore, MockFile, MockPackage, MockPortalOptions } from './mock-portal.ts';

/**
 * A mock portal holding every catalogued source at its real path, filled with the offline sample: CSV and
 * XLSX files at their download paths, CKAN packages for package_show, and DataStore tables for paging.
 * Sources without a last-known URL are published under a path that only package_show knows.
 */
export function portalFromCatalogue(
  project: Project,
): Required<Pick<MockPortalOptions, 'files' | 'packages' | 'datastore'>> {
  const files: Record<string, MockFile> = {};
  const packages: Record<string, MockPackage> = {};
  const datastore: Record<string, MockDataStore> = {};
  for (const node of project.nodes.values()) {
    if (node.resourceType !== 'source') continue;
    const spec = readSourceSpec(node).spec;
    const samples = typeof node.meta.sample === 'string' ? (SAMPLE_GENERATORS[node.meta.sample]?.() ?? []) : [];
    for (const file of spec?.files ?? []) {
      const sample = samples.find((candidate) => candidate.fileName === file.fileName);
      if (!spec || !sample) continue;
      if (spec.format === 'datastore') {
        const document = JSON.parse(String(sample.content)) as {
          result: MockDataStore & { fields: { id: string; type: string }[] };
        };
        datastore[file.resourceId ?? ''] = {
          fields: document.result.fields.filter((field) => field.id !== '_id'),
          records: document.result.records.map(({ _id: _ignored, ...record }) => record),
        };
        continue;
      }
      const path = file.url
        ? decodeURIComponent(new URL(file.url).pathname)
        : `/data/dataset/${spec.packageId}/resource/${file.resourceName}/download/${file.fileName}`;
      files[path] = {
        body: sample.content,
        contentType:
          spec.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
      };
      if (spec.packageId) {
        const entry = (packages[spec.packageId] ??= { title: spec.title, resources: [] });
        entry.resources.push({
          id: file.resourceId ?? file.resourceName ?? file.fileName,
          name: file.resourceName ?? file.fileName,
          url: encodeURI(path),
        });
      }
    }
  }
  return { files, packages, datastore };
}
