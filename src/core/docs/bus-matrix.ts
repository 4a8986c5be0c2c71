import type { Project } from '../project/types.ts';
import { readStarSchema } from './star-schema.ts';

/** Kimball's bus matrix: which dimensions each fact is linked to. */
export interface BusMatrix {
  /** Dimension names: the columns. */
  dimensions: string[];
  /** One row per fact, by name. */
  rows: Array<{
    /** The fact's name. */
    fact: string;
    /** For each dimension it links to, the fact's columns that link it. */
    links: Record<string, string[]>;
  }>;
}

/**
 * The bus matrix of a project: facts (rows) × dimensions (columns), marked where a `relationships` test
 * links the fact to the dimension, or a `calendar_year` column links it to the calendar dimension. With
 * `selected` (unique ids), the selected facts and dimensions and those they link to directly.
 */
export function busMatrix(options: { project: Project; selected?: ReadonlySet<string> | undefined }): BusMatrix {
  const star = readStarSchema(options);
  const dimensions = star.dimensions.map((table) => table.name);
  const rows = star.facts.map((fact) => {
    const links: Record<string, string[]> = {};
    for (const link of star.links)
      if (link.from === fact.name && dimensions.includes(link.to)) (links[link.to] ??= []).push(link.column);
    return { fact: fact.name, links };
  });
  return { dimensions, rows };
}

/** The matrix as a Markdown table: ✓ where a fact links to a dimension. */
export function busMatrixMarkdown(matrix: BusMatrix): string {
  const header = ['fact', ...matrix.dimensions];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, index) => (index === 0 ? '---' : ':---:')).join(' | ')} |`,
    ...matrix.rows.map(
      (row) =>
        `| ${[row.fact, ...matrix.dimensions.map((dimension) => (row.links[dimension] ? '✓' : ' '))].join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}
