import { TemplateError, type TemplateFunction } from '../jinja/render-template.ts';
import { lineAt, nearestNames } from '../text/nearest.ts';
import type { ProjectSettings } from './types.ts';

/** What a template's dbt functions report back while a node is being rendered. */
export interface JinjaCallbacks {
  /** `ref('name')` (or `ref('package', 'name')`): returns the SQL to put in its place. */
  ref: (name: string) => string;
  /** `source('source', 'table')`: returns the SQL to put in its place. */
  source: (sourceName: string, table: string) => string;
  /** `config(...)`: the keyword arguments. */
  config?: (settings: Record<string, unknown>) => void;
}

/**
 * The dbt functions every model, test and inline query can call: ref, source, config, var, doc, env_var,
 * is_incremental, log, and the `target` and `this` values. What ref/source return is the caller's choice
 * (placeholders while parsing, relations while compiling).
 */
export function dbtFunctions(options: {
  path: string;
  source: string;
  settings: ProjectSettings;
  docs: ReadonlyMap<string, string>;
  callbacks: JinjaCallbacks;
}): Record<string, TemplateFunction> {
  const { path, source, settings, docs, callbacks } = options;
  const fail = (message: string, near: string): never => {
    const at = source.indexOf(near);
    throw new TemplateError({ path, message, line: at >= 0 ? lineAt(source, at) : undefined });
  };
  return {
    ref: (...args) => {
      const names = args.filter((arg): arg is string => typeof arg === 'string');
      const name = names[names.length - 1];
      if (!name) return fail("ref() needs a model name, e.g. ref('stg_orders').", 'ref(');
      return callbacks.ref(name);
    },
    source: (sourceName, table) => {
      if (typeof sourceName !== 'string' || typeof table !== 'string') {
        return fail("source() needs a source and a table name, e.g. source('raw', 'orders').", 'source(');
      }
      return callbacks.source(sourceName, table);
    },
    config: (settingsArg) => {
      callbacks.config?.((settingsArg ?? {}) as Record<string, unknown>);
      return '';
    },
    var: (name, fallback) => {
      const key = String(name);
      if (key in settings.vars) return settings.vars[key];
      if (fallback !== undefined) return fallback;
      const known = Object.keys(settings.vars);
      const hint = known.length > 0 ? ` Known vars: ${nearestNames({ name: key, candidates: known }).join(', ')}.` : '';
      return fail(`Required var '${key}' is not set in dbt_project.yml and has no default.${hint}`, `var(`);
    },
    doc: (name) => {
      const text = docs.get(String(name));
      if (text === undefined) {
        const hint = nearestNames({ name: String(name), candidates: docs.keys() });
        return fail(
          `Unknown doc block '${String(name)}'.${hint.length > 0 ? ` Did you mean ${hint.join(', ')}?` : ''}`,
          'doc(',
        );
      }
      return text;
    },
    env_var: (name, fallback) =>
      fallback === undefined
        ? fail(`env_var('${String(name)}') is not available here; give it a default.`, 'env_var(')
        : fallback,
    is_incremental: () => false,
    log: () => '',
  };
}

/** dbt's `target`, for models that branch on it. */
export const TARGET = { name: 'dev', schema: 'main', type: 'duckdb', database: 'memory', threads: 1 };
