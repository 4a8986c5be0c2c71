import { busMatrix, busMatrixMarkdown } from '../core/docs/bus-matrix.ts';
import { mermaidErd } from '../core/docs/mermaid-erd.ts';
import type { Project } from '../core/project/types.ts';
import type { CliOptions } from './parse-args.ts';
import type { CliOutput } from './cli-output.ts';

/**
 * `npm run stack -- docs`: the star schema of the (selected part of the) project as Markdown, the bus matrix
 * (facts × dimensions) and a Mermaid ER diagram, both derived from the project's `relationships` tests and
 * `calendar_year` columns. `--format json` prints the same as plain data. Returns the exit code.
 */
export function runDocsCommand(options: {
  project: Project;
  selected: ReadonlySet<string>;
  cli: CliOptions;
  output: CliOutput;
}): number {
  const { project, selected, cli, output } = options;
  const matrix = busMatrix({ project, selected });
  const erd = mermaidErd({ project, selected });
  if (cli.format === 'json') {
    output.out(JSON.stringify({ busMatrix: matrix, mermaidErd: erd }, null, 2));
    return 0;
  }
  if (cli.format === 'csv') {
    output.err('docs prints markdown (the default, also --format markdown) or --format json.');
    return 2;
  }
  if (matrix.rows.length === 0 && matrix.dimensions.length === 0) {
    output.err('docs: the selection has no dimensions (dim__*) or facts (fct__*).');
    return 0;
  }
  output.out(
    [
      `# Star schema of ${project.settings.name}`,
      '',
      '## Bus matrix',
      '',
      'Facts (rows) and the dimensions they link to (columns), from `relationships` tests and `calendar_year` columns.',
      '',
      busMatrixMarkdown(matrix),
      '',
      '## Entity-relationship diagram',
      '',
      '```mermaid',
      erd,
      '```',
    ].join('\n'),
  );
  return 0;
}
