import { renderTemplate } from '../jinja/render-template.ts';
import { dbtFunctions, TARGET } from '../project/jinja-context.ts';
import { resolveReferenceExpression } from '../project/test-nodes.ts';
import type { ModelNode, Project, ProjectNode, TestNode } from '../project/types.ts';
import { quoteIdentifier } from '../sql/quote.ts';
import { compileGenericTest } from '../data-tests/generic-tests.ts';
import { hashString } from '../text/hash.ts';
import { messageOf } from '../text/message-of.ts';

/** The quoted relation a node's rows live in (`"main"."dim__school"`), or undefined for ephemeral models and tests. */
export function relationOf(node: ProjectNode): string | undefined {
  if (node.resourceType === 'test') return undefined;
  if (node.resourceType === 'model' && node.config.materialized === 'ephemeral') return undefined;
  return `${quoteIdentifier(node.schema)}.${quoteIdentifier(node.relation)}`;
}

/**
 * Compile a model, a singular test, or any Jinja SQL (a scratch query, a report query) against the
 * project: refs and sources become quoted relations, and refs to ephemeral models become CTEs injected
 * at the top of the query, as dbt does (`__dbt__cte__<name>`).
 */
export function compileSql(options: { project: Project; path: string; sql: string }): string {
  const ephemerals = new Map<string, string>();
  const body = renderWithRefs({ ...options, ephemerals, seen: new Set() });
  return injectCtes(body, ephemerals);
}

/** Compile one node to the SELECT it runs: a model's query, or a test's query of failing rows. */
export function compileNode(options: { project: Project; node: ModelNode | TestNode }): string {
  const { project, node } = options;
  if (node.resourceType === 'test' && node.testMetadata) {
    const attached = node.attachedNode ? project.nodes.get(node.attachedNode) : undefined;
    const relation = attached ? relationOrSubquery(project, attached) : '';
    const { column_name: _column, ...args } = node.testMetadata.kwargs;
    if (typeof args.to === 'string') {
      const target = project.nodes.get(resolveReferenceExpression({ project, expression: args.to }) ?? '');
      args.to = target ? relationOrSubquery(project, target) : args.to;
    }
    return compileGenericTest({
      name: node.testMetadata.name,
      relation,
      column: node.columnName,
      args,
      where: node.config.where,
    });
  }
  return compileSql({ project, path: node.path, sql: node.rawSql });
}

/** A node's relation, or for an ephemeral model its compiled query as a subquery (it has no relation). */
function relationOrSubquery(project: Project, node: ProjectNode): string {
  const relation = relationOf(node);
  if (relation) return relation;
  return `(\n${compileSql({ project, path: node.path, sql: (node as ModelNode).rawSql })}\n)`;
}

/** A content hash of a node's compiled SQL and config: what `state:modified` compares. */
export function nodeChecksum(options: { project: Project; node: ProjectNode }): string {
  const { project, node } = options;
  const content =
    node.resourceType === 'seed'
      ? node.csv
      : node.resourceType === 'source'
        ? JSON.stringify([node.schema, node.relation, node.columns])
        : safeCompile(project, node);
  return hashString(`${content}\n${JSON.stringify(node.config)}`);
}

function safeCompile(project: Project, node: ModelNode | TestNode): string {
  try {
    return compileNode({ project, node });
  } catch (error) {
    return `error: ${messageOf(error)}`;
  }
}

function renderWithRefs(options: {
  project: Project;
  path: string;
  sql: string;
  ephemerals: Map<string, string>;
  seen: Set<string>;
}): string {
  const { project, path, sql, ephemerals, seen } = options;
  const byName = (name: string) =>
    [...project.nodes.values()].find(
      (n) => (n.resourceType === 'model' || n.resourceType === 'seed') && n.name === name,
    );
  return renderTemplate({
    path,
    source: sql,
    macros: project.macroSources,
    globals: {
      values: { target: TARGET, execute: true },
      functions: dbtFunctions({
        path,
        source: sql,
        settings: project.settings,
        docs: project.docs,
        callbacks: {
          ref: (name) => {
            const node = byName(name);
            if (!node) throw new Error(`Unknown model '${name}' in ref().`);
            const relation = relationOf(node);
            if (relation) return relation;
            // An ephemeral model: compile it once (its own ephemeral refs first) and refer to its CTE.
            const cte = quoteIdentifier(`__dbt__cte__${node.name}`);
            if (!ephemerals.has(cte)) {
              if (seen.has(node.uniqueId)) throw new Error(`Ephemeral models ref each other in a cycle at '${name}'.`);
              seen.add(node.uniqueId);
              const compiled = renderWithRefs({ ...options, path: node.path, sql: (node as ModelNode).rawSql });
              ephemerals.set(cte, compiled.trim().replace(/;\s*$/, ''));
            }
            return cte;
          },
          source: (sourceName, table) => {
            const node = project.nodes.get(`source.${project.settings.name}.${sourceName}.${table}`);
            if (!node) throw new Error(`Unknown source '${sourceName}.${table}' in source().`);
            return relationOf(node) as string;
          },
        },
      }),
    },
  });
}

/** Put ephemeral CTEs in front of the query, merging into its own WITH clause when it has one. */
function injectCtes(sql: string, ctes: Map<string, string>): string {
  const trimmed = sql.trim();
  if (ctes.size === 0) return trimmed;
  const definitions = [...ctes].map(([name, body]) => `${name} as (\n${body}\n)`).join(',\n');
  const lead = /^((?:\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/))*)\s*with\s+(?!recursive\b)/i.exec(trimmed);
  if (lead) return `${lead[1] ?? ''}with ${definitions},\n${trimmed.slice(lead[0].length)}`;
  return `with ${definitions}\n${trimmed}`;
}
