import type { Project, ProjectFile, ProjectNode } from '../project/types.ts';

/** A group of the project tree, as dbt users expect them: Sources, Staging, …, Tests, Seeds, Reports. */
export interface TreeGroup {
  /** Heading, e.g. `Staging`. */
  label: string;
  /** Its files, by path. */
  items: TreeItem[];
}

/** One file of the project. */
export interface TreeItem {
  /** File path relative to the project root. */
  path: string;
  /** File name. */
  label: string;
  /** The node the file is (a model, seed or singular test file), when it is exactly one. */
  nodeId?: string | undefined;
  /** Nodes declared in the file (a YAML file's sources, tests, metric models) or tests of the file's model. */
  children: TreeChild[];
}

/** A node under a file. */
export interface TreeChild {
  /** Its unique id. */
  nodeId: string;
  /** Its name. */
  label: string;
  /** What kind of node it is. */
  resourceType: ProjectNode['resourceType'];
}

const GROUP_ORDER = [
  'Project',
  'Sources',
  'Models',
  'Metrics',
  'Macros',
  'Tests',
  'Seeds',
  'Snapshots',
  'Reports',
  'Other',
];

/**
 * Group the project's files the way a dbt user reads a project: the project file; the YAML declaring
 * sources; each model folder (`staging`, `prep`, `marts`, …) in the project's order; metrics; macros;
 * singular tests; seeds; snapshots; reports. Each model file lists the generic tests attached to its model; each
 * YAML file lists the other nodes it declares.
 */
export function projectTree(options: { files: readonly ProjectFile[]; project: Project }): TreeGroup[] {
  const { files, project } = options;
  const { settings } = project;
  const nodes = [...project.nodes.values()];
  const byPath = new Map<string, ProjectNode[]>();
  for (const node of nodes) byPath.set(node.path, [...(byPath.get(node.path) ?? []), node]);
  const fileNode = new Map<string, string>();
  for (const file of files) {
    const own = isYaml(file.path) ? [] : (byPath.get(file.path) ?? []);
    if (own.length === 1 && own[0]) fileNode.set(own[0].uniqueId, file.path);
  }

  const groups = new Map<string, TreeItem[]>();
  const depthOf = depths(nodes);
  const folderDepth = new Map<string, number>();
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const declared = byPath.get(file.path) ?? [];
    const own = isYaml(file.path) ? undefined : declared[0];
    const children = own
      ? nodes.filter(
          (node) => node.resourceType === 'test' && node.attachedNode === own.uniqueId && node.path !== file.path,
        )
      : declared.filter(
          (node) => !(node.resourceType === 'test' && node.attachedNode && fileNode.has(node.attachedNode)),
        );
    const label = groupOf(file.path, declared);
    if (label.startsWith('model:') && own)
      folderDepth.set(label, Math.min(folderDepth.get(label) ?? Infinity, depthOf.get(own.uniqueId) ?? Infinity));
    groups.set(label, [
      ...(groups.get(label) ?? []),
      {
        path: file.path,
        label: file.path.slice(file.path.lastIndexOf('/') + 1),
        nodeId: own?.uniqueId,
        children: children.map((node) => ({
          nodeId: node.uniqueId,
          label: node.name,
          resourceType: node.resourceType,
        })),
      },
    ]);
  }
  // Model folders in the order data flows through them (staging → prep → marts), by their shallowest model.
  const rank = (label: string): [number, number] =>
    label.startsWith('model:')
      ? [GROUP_ORDER.indexOf('Models'), folderDepth.get(label) ?? Infinity]
      : [GROUP_ORDER.indexOf(label), 0];
  return [...groups.entries()]
    .sort(([a], [b]) => {
      const [groupA, depthA] = rank(a);
      const [groupB, depthB] = rank(b);
      return groupA - groupB || depthA - depthB || a.localeCompare(b);
    })
    .map(([label, items]) => ({ label: label.startsWith('model:') ? titleCase(label.slice(6)) : label, items }));

  function groupOf(path: string, declared: readonly ProjectNode[]): string {
    const inside = (folders: readonly string[]) => folders.some((folder) => path.startsWith(`${folder}/`));
    if (path === 'dbt_project.yml') return 'Project';
    if (declared.some((node) => node.resourceType === 'source')) return 'Sources';
    if (path.startsWith('reports/')) return 'Reports';
    if (inside(settings.macroPaths)) return 'Macros';
    if (inside(settings.testPaths)) return 'Tests';
    if (inside(settings.seedPaths)) return 'Seeds';
    if (inside(settings.snapshotPaths)) return 'Snapshots';
    const folder = settings.modelPaths.find((modelPath) => path.startsWith(`${modelPath}/`));
    if (folder === undefined) return 'Other';
    const layer = path.slice(folder.length + 1).split('/');
    if (layer.length === 1) return 'model:models';
    return layer[0] === 'metrics' ? 'Metrics' : `model:${layer[0] ?? ''}`;
  }
}

/** Each node's distance from the sources: 0 for sources and seeds, else one more than its deepest parent. */
function depths(nodes: readonly ProjectNode[]): Map<string, number> {
  const byId = new Map(nodes.map((node) => [node.uniqueId, node]));
  const depth = new Map<string, number>();
  const visit = (id: string, trail: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    if (!node || trail.has(id)) return 0; // unknown parents and cycles are reported by loadProject
    trail.add(id);
    const value =
      node.dependsOn.length === 0 ? 0 : 1 + Math.max(...node.dependsOn.map((parent) => visit(parent, trail)));
    trail.delete(id);
    depth.set(id, value);
    return value;
  };
  for (const node of nodes) visit(node.uniqueId, new Set());
  return depth;
}

function isYaml(path: string): boolean {
  return path.endsWith('.yml') || path.endsWith('.yaml');
}

function titleCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
