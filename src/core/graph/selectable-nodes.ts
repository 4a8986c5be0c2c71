import { nodeChecksum } from '../plan/compile-node.ts';
import type { Project } from '../project/types.ts';
import type { SelectableNode } from './select-nodes.ts';

/**
 * Every node of the project as selection sees it, each with the checksum `state:modified` compares (the
 * compiled SQL and config; a seed's CSV; a source's columns).
 */
export function selectableNodes(project: Project): SelectableNode[] {
  return [...project.nodes.values()].map((node) => ({
    uniqueId: node.uniqueId,
    name: node.name,
    resourceType: node.resourceType === 'model' && node.snapshot ? 'snapshot' : node.resourceType,
    path: node.path,
    tags: node.config.tags,
    dependsOn: node.dependsOn,
    checksum: nodeChecksum({ project, node }),
    sourceName: node.resourceType === 'source' ? node.sourceName : undefined,
  }));
}
