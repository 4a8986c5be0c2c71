import { writeProjectArchive } from '../../core/workbench/project-archive.ts';
import { saveFile } from '../save-file.ts';
import { stack } from '../stack.svelte.ts';
import { SCRATCH } from './workspace.svelte.ts';

/** Download the project as it stands in the editor (unsaved text included) as a zip; returns the file's name. */
export function exportProjectZip(): string {
  const name = stack.loaded?.project.settings.name ?? 'project';
  const files = stack.workspace.filesWithBuffers().filter((file) => file.path !== SCRATCH);
  saveFile({ bytes: writeProjectArchive({ name, files }), name: `${name}.zip`, type: 'application/zip' });
  return `${name}.zip`;
}
