import { renderTemplate } from '../jinja/render-template.ts';
import { lineAt } from '../text/nearest.ts';
import { dbtFunctions, TARGET } from './jinja-context.ts';
import type { Project, ProjectFile, Reference } from './types.ts';

/** What a SQL file's Jinja calls while it renders: its refs, its sources and its inline `config()` layers. */
export interface DiscoveredCalls {
  /** `ref('name')` targets, each with the line of its first call. */
  refs: Reference[];
  /** `source('name', 'table')` targets as `name.table`, each with the line of its first call. */
  sources: Reference[];
  /** `{{ config(…) }}` arguments, in call order. */
  inline: Record<string, unknown>[];
}

/**
 * Renders a model's or singular test's Jinja once, only to record what it calls (as dbt's parse does).
 * Throws the template's error (a `TemplateError` with its line) when the file does not render.
 */
export function discoverCalls(options: {
  project: Pick<Project, 'settings' | 'docs' | 'macroSources'>;
  file: ProjectFile;
  /** Extra Jinja values, such as `this`. */
  values?: Record<string, unknown>;
}): DiscoveredCalls {
  const { project, file } = options;
  const found: DiscoveredCalls = { refs: [], sources: [], inline: [] };
  renderTemplate({
    path: file.path,
    source: file.content,
    macros: project.macroSources,
    globals: {
      values: { target: TARGET, ...options.values },
      functions: dbtFunctions({
        path: file.path,
        source: file.content,
        settings: project.settings,
        docs: project.docs,
        callbacks: {
          ref: (target) => {
            found.refs.push({ target, line: lineOfCall(file.content, 'ref', target) });
            return `"${target}"`;
          },
          source: (sourceName, table) => {
            const target = `${sourceName}.${table}`;
            found.sources.push({ target, line: lineOfCall(file.content, 'source', sourceName) });
            return `"${target}"`;
          },
          config: (layer) => found.inline.push(layer),
        },
      }),
    },
  });
  return found;
}

/** Line of the first `fn('argument'` call in a file, for error messages (Jinja gives no positions). */
export function lineOfCall(source: string, fn: string, firstArgument: string): number {
  const escaped = firstArgument.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\b${fn}\\s*\\(\\s*['"]?${escaped}`).exec(source);
  return match ? lineAt(source, match.index) : 1;
}
