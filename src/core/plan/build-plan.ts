import { renderTemplate } from '../jinja/render-template.ts';
import type { LoadedProject } from '../project/load-project.ts';
import type { Materialization, ModelNode, Project } from '../project/types.ts';
import { quoteIdentifier } from '../sql/quote.ts';

/** One model to build: the SQL to run and what it creates. Plain data, so it can cross to the worker. */
export interface BuildStep {
  /** The model's unique id. */
  uniqueId: string;
  /** The model name (also the relation it creates). */
  name: string;
  /** The model file, for error messages. */
  path: string;
  /** How it is materialised. */
  materialized: Materialization;
  /** The model's SELECT with every ref and source resolved. */
  compiledSql: string;
  /** Statements that create the relation, run in order. */
  statements: string[];
  /** Unique ids of the models it depends on, so a failure can skip its descendants. */
  dependsOn: string[];
}

/** Compile every model of a loaded project into build steps, in dependency order. */
export function planBuild(options: { loaded: LoadedProject }): BuildStep[] {
  const { project, order } = options.loaded;
  return order.flatMap((id) => {
    const model = project.models.get(id);
    return model ? [planModel({ project, model })] : [];
  });
}

/** Render a model with its refs and sources resolved to quoted relation names. */
export function compileModel(options: { project: Project; model: ModelNode }): string {
  return compileSql({ project: options.project, path: options.model.path, sql: options.model.rawSql });
}

/**
 * Render any Jinja SQL against the project (a model, or a scratch query such as
 * `select * from {{ ref('dim__school') }}`), resolving refs and sources to quoted relation names.
 */
export function compileSql(options: { project: Project; path: string; sql: string }): string {
  const { project, path, sql } = options;
  return renderTemplate({
    path,
    source: sql,
    globals: {
      functions: {
        ref: (name) => quoteIdentifier(String(name)),
        source: (sourceName, table) => {
          const source = project.sources.get(`source.${project.name}.${String(sourceName)}.${String(table)}`);
          return quoteIdentifier(source?.identifier ?? `${String(sourceName)}__${String(table)}`);
        },
        config: () => '',
      },
    },
  }).trim();
}

function planModel(options: { project: Project; model: ModelNode }): BuildStep {
  const { model } = options;
  const compiledSql = compileModel(options);
  const relation = quoteIdentifier(model.name);
  const body = stripTrailingSemicolon(compiledSql);
  const statements =
    model.materialized === 'ephemeral' ? [] : [`create or replace ${model.materialized} ${relation} as (\n${body}\n)`];
  return {
    uniqueId: model.uniqueId,
    name: model.name,
    path: model.path,
    materialized: model.materialized,
    compiledSql,
    statements,
    dependsOn: model.dependsOn.filter((id) => id.startsWith('model.')),
  };
}

function stripTrailingSemicolon(sql: string): string {
  return sql.replace(/;\s*$/, '');
}
