import { parseReport, type ReportDocument } from '../../core/report/parse-report.ts';
import type { ProjectFile } from '../../core/project/types.ts';
import { reportComponents } from './registry.ts';

/** The report pages among the project's files, parsed; an edit saved in the workbench re-renders its page. */
export function projectReports(files: readonly ProjectFile[]): ReportDocument[] {
  return files
    .filter((file) => file.path.startsWith('reports/') && file.path.endsWith('.md'))
    .map((file) => parseReport({ path: file.path, source: file.content, components: reportComponents }));
}
