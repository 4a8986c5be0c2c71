import { buildDbtExport, readSourceTables, zipDbtExport } from '../../core/export/dbt-export.ts';
import { loadProject } from '../../core/load-project.ts';
import { formatProjectError } from '../../core/project/format-error.ts';
import { getEngine } from '../engine.ts';
import { saveFile } from '../save-file.ts';
import { stack } from '../stack.svelte.ts';
import { SCRATCH } from './workspace.svelte.ts';

/**
 * Download the project, as it stands in the editor, as a dbt-core project (zip) with each source's loaded
 * rows as Parquet, read from the page's database (which works after lock-down: no `COPY … TO`). Returns the
 * file's name; throws, saying why, when the files do not load as a project.
 */
export async function exportDbtZip(): Promise<string> {
  const files = stack.workspace
    .filesWithBuffers()
    .filter((file) => file.path !== SCRATCH && !file.path.startsWith('reports/'));
  const { project, errors } = loadProject({ files });
  if (errors.length > 0)
    throw new Error(`the files do not load as a project: ${errors.map(formatProjectError).join('; ')}`);
  const engine = getEngine();
  const tables = await readSourceTables({ project, exportRows: (sql) => engine.exportRows(sql, 'parquet') });
  const exported = buildDbtExport({ project, files, tables, exportedAt: new Date().toISOString() });
  const name = `${project.settings.name}-dbt`;
  saveFile({
    bytes: zipDbtExport({ name: project.settings.name, files: exported }),
    name: `${name}.zip`,
    type: 'application/zip',
  });
  return `${name}.zip`;
}
