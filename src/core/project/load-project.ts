import { topoSort } from '../graph/topo-sort.ts';
import { renderTemplate, TemplateError } from '../jinja/render-template.ts';
import { lineAt, nearestNames } from '../text/nearest.ts';
import { parseSources } from './parse-sources.ts';
import type { Materialization, ModelNode, Project, ProjectError, ProjectFile, Reference, SourceNode } from './types.ts';

/** A loaded project with its build order, or the errors that stop it from loading. */
export interface LoadedProject {
  /** Every node that could be read. */
  project: Project;
  /** Model unique ids, every model after the models it refs. Empty when there are errors. */
  order: string[];
  /** Problems that stop the project from building, each pointing at its file. */
  errors: ProjectError[];
}

/**
 * Read a project from its files: models are `models/**\/*.sql`, sources come from `models/**\/*.yml`.
 * Every model is rendered once to discover its refs, sources and config; the build order follows refs,
 * never file order.
 */
export function loadProject(options: { files: readonly ProjectFile[]; name?: string }): LoadedProject {
  const name = options.name ?? 'project';
  const errors: ProjectError[] = [];
  const sources = new Map<string, SourceNode>();
  for (const file of options.files.filter((f) => /^models\/.*\.ya?ml$/.test(f.path))) {
    const parsed = parseSources({ file, projectName: name });
    errors.push(...parsed.errors);
    for (const source of parsed.sources) sources.set(source.uniqueId, source);
  }
  const models = new Map<string, ModelNode>();
  const pathsByName = new Map<string, string>();
  for (const file of options.files.filter((f) => /^models\/.*\.sql$/.test(f.path))) {
    const modelName = file.path.slice(file.path.lastIndexOf('/') + 1, -'.sql'.length);
    const previous = pathsByName.get(modelName);
    if (previous) {
      errors.push({
        path: file.path,
        message: `Two models are named '${modelName}': ${previous} and ${file.path}. Rename one.`,
      });
      continue;
    }
    pathsByName.set(modelName, file.path);
    try {
      const model = parseModel({ file, name: modelName, projectName: name });
      models.set(model.uniqueId, model);
    } catch (error) {
      errors.push(toProjectError(error, file.path));
    }
  }
  resolveDependencies({ models, sources, projectName: name, errors });
  const project: Project = { name, models, sources };
  if (errors.length > 0) return { project, order: [], errors };
  const sorted = topoSort([...models.values()].map((model) => ({ id: model.uniqueId, dependsOn: model.dependsOn })));
  if (!sorted.ok) {
    const names = sorted.cycle.map((id) => id.slice(id.lastIndexOf('.') + 1));
    const first = models.get(sorted.cycle[0] as string);
    errors.push({
      path: first?.path ?? 'models',
      message: `Models form a cycle: ${names.join(' → ')}. Remove one of these refs.`,
    });
    return { project, order: [], errors };
  }
  return { project, order: sorted.order, errors };
}

/** Render a model once, recording what it refs and how it is configured. */
function parseModel(options: { file: ProjectFile; name: string; projectName: string }): ModelNode {
  const { file, name, projectName } = options;
  const refs: Reference[] = [];
  const sourceRefs: Reference[] = [];
  let materialized: Materialization = defaultMaterialization(file.path);
  renderTemplate({
    path: file.path,
    source: file.content,
    globals: {
      functions: {
        ref: (target) => {
          refs.push({ target: String(target), line: lineOfCall(file.content, 'ref', String(target)) });
          return '';
        },
        source: (sourceName, table) => {
          const target = `${String(sourceName)}.${String(table)}`;
          sourceRefs.push({ target, line: lineOfCall(file.content, 'source', String(sourceName)) });
          return '';
        },
        config: (settings) => {
          const value = (settings as { materialized?: unknown } | undefined)?.materialized;
          if (value === 'view' || value === 'table' || value === 'ephemeral') materialized = value;
          else if (value !== undefined) {
            throw new TemplateError({
              path: file.path,
              message: `Unknown materialization '${String(value)}': use view, table or ephemeral.`,
              line: lineOfCall(file.content, 'config', ''),
            });
          }
          return '';
        },
      },
    },
  });
  return {
    uniqueId: `model.${projectName}.${name}`,
    name,
    path: file.path,
    rawSql: file.content,
    materialized,
    refs,
    sources: sourceRefs,
    dependsOn: [],
  };
}

function resolveDependencies(options: {
  models: Map<string, ModelNode>;
  sources: Map<string, SourceNode>;
  projectName: string;
  errors: ProjectError[];
}): void {
  const { models, sources, projectName, errors } = options;
  const modelNames = [...models.values()].map((model) => model.name);
  const sourceNames = [...sources.values()].map((source) => `${source.sourceName}.${source.name}`);
  for (const model of models.values()) {
    for (const ref of model.refs) {
      const id = `model.${projectName}.${ref.target}`;
      if (models.has(id)) model.dependsOn.push(id);
      else errors.push({ path: model.path, line: ref.line, message: unknownMessage('model', ref.target, modelNames) });
    }
    for (const ref of model.sources) {
      const id = `source.${projectName}.${ref.target}`;
      if (sources.has(id)) model.dependsOn.push(id);
      else
        errors.push({ path: model.path, line: ref.line, message: unknownMessage('source', ref.target, sourceNames) });
    }
    model.dependsOn = [...new Set(model.dependsOn)];
  }
}

function unknownMessage(kind: string, target: string, candidates: string[]): string {
  const nearest = nearestNames({ name: target, candidates });
  const hint = nearest.length > 0 ? ` Did you mean ${nearest.map((n) => `'${n}'`).join(', ')}?` : '';
  return `Unknown ${kind} '${target}'.${hint}`;
}

/** staging models default to views, everything else to tables (the original project's folder config). */
function defaultMaterialization(path: string): Materialization {
  return path.startsWith('models/staging/') ? 'view' : 'table';
}

function lineOfCall(source: string, fn: string, firstArgument: string): number {
  const escaped = firstArgument.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\b${fn}\\s*\\(\\s*['"]?${escaped}`).exec(source);
  return match ? lineAt(source, match.index) : 1;
}

function toProjectError(error: unknown, path: string): ProjectError {
  if (error instanceof TemplateError) return { path: error.path, line: error.line, message: error.detail };
  return { path, message: error instanceof Error ? error.message : String(error) };
}
