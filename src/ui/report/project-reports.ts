import { parseReport, type ReportDocument } from '../../core/report/parse-report.ts';
import type { ProjectFile } from '../../core/project/types.ts';
import { reportComponents } from './registry.ts';

/**
 * The report pages among the project's files, parsed, in the order the site lists them: as in Evidence,
 * `reports/index.md` (the landing page) first, then by frontmatter `sidebar_position`, then by title. An
 * edit saved in the workbench re-renders its page.
 */
export function projectReports(files: readonly ProjectFile[]): ReportDocument[] {
  return files
    .filter((file) => file.path.startsWith('reports/') && file.path.endsWith('.md'))
    .map((file) => parseReport({ path: file.path, source: file.content, components: reportComponents }))
    .sort(
      (a, b) =>
        Number(b.path === 'reports/index.md') - Number(a.path === 'reports/index.md') ||
        position(a) - position(b) ||
        a.title.localeCompare(b.title, 'en-AU'),
    );
}

function position(report: ReportDocument): number {
  const value = report.frontmatter.sidebar_position;
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}
