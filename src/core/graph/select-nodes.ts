import { parseSelector, type Criterion } from './parse-selector.ts';

/** A node as selection sees it. */
export interface SelectableNode {
  /** dbt-style unique id, e.g. `model.proj.stg__a` or `source.proj.raw.orders`. */
  uniqueId: string;
  /** The node's name, e.g. `stg__a`; for a source, its table name (sources are selected with `source:`). */
  name: string;
  /** The kind of node, for `resource_type:` and for finding tests to select indirectly. */
  resourceType: 'model' | 'seed' | 'source' | 'test' | 'snapshot';
  /** File path relative to the project root, e.g. `models/staging/stg__a.sql`; sources and tests: their YAML or SQL. */
  path: string;
  /** Tags from config, for `tag:`. */
  tags: readonly string[];
  /** Unique ids of the parents; ids not among the nodes are ignored. */
  dependsOn: readonly string[];
  /** Hash of the compiled SQL and config, compared with the previous manifest by `state:modified`. */
  checksum: string;
  /** The source's name (`raw` in `source:raw.orders`); sources only. */
  sourceName?: string;
}

/** The outcome of a selection. */
export interface SelectionResult {
  /** Unique ids of the selected nodes, in the order of the input nodes; empty when there are errors. */
  selected: Set<string>;
  /** One message per invalid criterion; a valid selector that matches nothing is not an error. */
  errors: string[];
}

/** What the lineage helpers need of a node. */
type LineageNode = Pick<SelectableNode, 'uniqueId' | 'dependsOn'>;

/**
 * Select nodes the way dbt's `--select`/`--exclude` do. Each criterion matches nodes, adds its graph neighbours
 * (`+`, `@`) and then, when `indirectTests` is on, the tests that depend on any selected node (dbt's default
 * "eager" indirect selection). Criteria combine by intersection and union; the excluded set is removed last.
 */
export function selectNodes(options: {
  /** Every node of the project. */
  nodes: readonly SelectableNode[];
  /** Selector(s); undefined or blank selects everything, as dbt does for build, run and test. */
  select?: string | readonly string[];
  /** Selector(s) for nodes to remove from the selection. */
  exclude?: string | readonly string[];
  /** Unique id → checksum from a previous manifest; required by `state:`. */
  previous?: ReadonlyMap<string, string>;
  /** Whether to add tests of selected nodes (dbt's eager indirect selection); default true. */
  indirectTests?: boolean;
}): SelectionResult {
  const { nodes, previous } = options;
  const include = parseSelector(options.select);
  const exclude = parseSelector(options.exclude);
  const errors = [...include.errors, ...exclude.errors];
  for (const criterion of [...include.union, ...exclude.union].flat()) {
    if (criterion.method === 'state' && previous === undefined) {
      errors.push(
        `Invalid selector "${criterion.raw}": state comparison needs a previous manifest, and none was given`,
      );
    }
  }
  if (errors.length > 0) return { selected: new Set(), errors };

  const graph: Graph = { nodes, previous, lineage: indexLineage(nodes) };
  const included =
    include.union.length === 0
      ? new Set(nodes.map((node) => node.uniqueId))
      : evaluate(graph, include.union, options.indirectTests ?? true);
  // dbt always expands exclusions eagerly (core/dbt/graph/cli.py, parse_difference), whatever indirectTests
  // says: `--exclude orders` also drops the tests that read orders instead of testing a model it left alone.
  const excluded = evaluate(graph, exclude.union, true);
  const selected = nodes.map((node) => node.uniqueId).filter((id) => included.has(id) && !excluded.has(id));
  return { selected: new Set(selected), errors: [] };
}

/** Ids of the ancestors of `ids`, up to `depth` generations (1 = parents; default all). */
export function ancestorsOf(nodes: readonly LineageNode[], ids: Iterable<string>, depth = Infinity): Set<string> {
  return walk(indexLineage(nodes).parents, ids, depth);
}

/** Ids of the descendants of `ids`, up to `depth` generations (1 = children; default all). */
export function descendantsOf(nodes: readonly LineageNode[], ids: Iterable<string>, depth = Infinity): Set<string> {
  return walk(indexLineage(nodes).children, ids, depth);
}

interface Graph {
  nodes: readonly SelectableNode[];
  previous: ReadonlyMap<string, string> | undefined;
  lineage: Lineage;
}

interface Lineage {
  parents: Map<string, string[]>;
  children: Map<string, string[]>;
}

function evaluate(graph: Graph, union: readonly Criterion[][], eagerTests: boolean): Set<string> {
  const result = new Set<string>();
  for (const intersection of union) {
    // As in dbt, each criterion gets its neighbours and tests before the intersection is taken.
    const [first = new Set<string>(), ...rest] = intersection.map((criterion) =>
      selectCriterion(graph, criterion, eagerTests),
    );
    for (const id of first) if (rest.every((set) => set.has(id))) result.add(id);
  }
  return result;
}

function selectCriterion(graph: Graph, criterion: Criterion, eagerTests: boolean): Set<string> {
  const { parents, children } = graph.lineage;
  const matches = matcherFor(criterion, graph.previous);
  const matched = new Set(graph.nodes.filter(matches).map((node) => node.uniqueId));
  const selected = new Set(matched);
  const add = (ids: Iterable<string>) => {
    for (const id of ids) selected.add(id);
  };
  if (criterion.childrensParents) {
    const downstream = new Set([...matched, ...walk(children, matched, Infinity)]);
    add(downstream);
    add(walk(parents, downstream, Infinity));
  }
  if (criterion.parents !== undefined) add(walk(parents, matched, criterion.parents));
  if (criterion.children !== undefined) add(walk(children, matched, criterion.children));
  if (eagerTests) {
    const tests = graph.nodes.filter((node) => node.resourceType === 'test');
    add(tests.filter((test) => test.dependsOn.some((id) => selected.has(id))).map((test) => test.uniqueId));
  }
  return selected;
}

type Matcher = (node: SelectableNode) => boolean;

function matcherFor(criterion: Criterion, previous: ReadonlyMap<string, string> | undefined): Matcher {
  const { method, value } = criterion;
  const pattern = globPattern(value);
  switch (method) {
    case 'name': // dbt's default (fqn) method searches parsed nodes only, never sources.
      return (node: SelectableNode) => node.resourceType !== 'source' && pattern.test(node.name);
    case 'tag':
      return (node: SelectableNode) => node.tags.some((tag) => pattern.test(tag));
    case 'path':
      return pathMatcher(value);
    case 'file': // dbt matches the file name with or without its extension.
      return (node: SelectableNode) => {
        const file = node.path.slice(node.path.lastIndexOf('/') + 1);
        return pattern.test(file) || pattern.test(file.replace(/\.[^.]*$/, ''));
      };
    case 'source':
      return sourceMatcher(value);
    case 'resource_type':
      return (node: SelectableNode) => node.resourceType === value;
    case 'state':
      return (node: SelectableNode) => {
        const before = previous?.get(node.uniqueId);
        const states: Record<string, boolean> = {
          new: before === undefined,
          old: before !== undefined,
          modified: before !== node.checksum,
          unmodified: before === node.checksum,
        };
        return states[value] === true;
      };
  }
}

/** A path selector matches a file or any folder above it; `*` stays within one segment, `**` crosses them. */
function pathMatcher(value: string): Matcher {
  const pattern = globPattern(value.replace(/^(\.\/)+/, '').replace(/\/+$/, ''), '[^/]');
  return (node: SelectableNode) => {
    const segments = node.path.split('/');
    return segments.some((_, index) => pattern.test(segments.slice(0, index + 1).join('/')));
  };
}

/** `source:src`, `source:src.table` or `source:package.src.table`, each part a glob, as in dbt. */
function sourceMatcher(value: string): Matcher {
  const patterns = value.split('.').map((part) => globPattern(part));
  return (node: SelectableNode) => {
    if (node.resourceType !== 'source') return false;
    const packageName = node.uniqueId.split('.')[1] ?? '';
    const names = patterns.length === 3 ? [packageName, node.sourceName, node.name] : [node.sourceName, node.name];
    return patterns.every((pattern, index) => pattern.test(names[index] ?? ''));
  };
}

/** fnmatch-style glob: `*` any run of characters, `?` one character; `**` always crosses `/`. */
function globPattern(glob: string, char = '.'): RegExp {
  const source = glob.replace(/\*\*|[*?]|[.+^${}()|[\]\\]/g, (token) => {
    if (token === '**') return '.*';
    if (token === '*') return `${char}*`;
    if (token === '?') return char;
    return `\\${token}`;
  });
  return new RegExp(`^${source}$`);
}

function indexLineage(nodes: readonly LineageNode[]): Lineage {
  const ids = new Set(nodes.map((node) => node.uniqueId));
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    const known = [...new Set(node.dependsOn)].filter((id) => ids.has(id));
    parents.set(node.uniqueId, known);
    for (const parent of known) {
      const list = children.get(parent);
      if (list === undefined) children.set(parent, [node.uniqueId]);
      else list.push(node.uniqueId);
    }
  }
  return { parents, children };
}

/** Breadth-first, one generation at a time, so a depth limit counts the shortest path as dbt does. */
function walk(edges: ReadonlyMap<string, readonly string[]>, start: Iterable<string>, depth: number): Set<string> {
  const reached = new Set<string>();
  let frontier = [...start];
  for (let generation = 0; generation < depth && frontier.length > 0; generation++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const neighbour of edges.get(id) ?? []) {
        if (!reached.has(neighbour)) next.push(neighbour);
        reached.add(neighbour);
      }
    }
    frontier = next;
  }
  return reached;
}
