import { selectableNodes } from '../../core/graph/selectable-nodes.ts';
import type { Project } from '../../core/project/types.ts';
import type { ReportDocument } from '../../core/report/parse-report.ts';
import { lineageGraph, type LineageNode } from '../../core/workbench/lineage.ts';

/** The project's whole lineage, reports included. */
export function projectLineage(project: Project, reports: readonly ReportDocument[]): LineageNode[] {
  const relations = new Map(
    [...project.nodes.values()].flatMap((node) =>
      'relation' in node ? [[node.uniqueId, node.relation] as const] : [],
    ),
  );
  return lineageGraph({ nodes: selectableNodes(project), relations, reports });
}
