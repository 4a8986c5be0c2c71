import { readYaml } from './read-yaml.ts';
import type { ProjectError, ProjectFile, ProjectSettings } from './types.ts';

/** The project file, as dbt names it. */
export const PROJECT_FILE = 'dbt_project.yml';

/**
 * Read dbt_project.yml: name, the folders of each kind, vars and the per-folder config trees. Without a
 * project file the defaults are dbt's (models/, seeds/, tests/, macros/, target/).
 */
export function readProjectSettings(options: { files: readonly ProjectFile[]; defaultName?: string }): {
  settings: ProjectSettings;
  errors: ProjectError[];
} {
  const file = options.files.find((f) => f.path === PROJECT_FILE);
  const defaults: ProjectSettings = {
    name: options.defaultName ?? 'project',
    modelPaths: ['models'],
    seedPaths: ['seeds'],
    testPaths: ['tests'],
    macroPaths: ['macros'],
    snapshotPaths: ['snapshots'],
    targetPath: 'target',
    vars: {},
    modelConfig: {},
    seedConfig: {},
    testConfig: {},
    snapshotConfig: {},
  };
  if (!file) return { settings: defaults, errors: [] };
  const yaml = readYaml(file);
  if (yaml.errors.length > 0) return { settings: defaults, errors: yaml.errors };
  const raw = (yaml.value ?? {}) as Record<string, unknown>;
  const errors: ProjectError[] = [];
  if (typeof raw.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(raw.name)) {
    errors.push({
      path: file.path,
      line: yaml.lineOf(['name']) ?? 1,
      message: '`name` must be set to a name of letters, digits and underscores.',
    });
  }
  const paths = (key: string, fallback: string[]): string[] => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      return value.map((v) => v.replace(/\/+$/, ''));
    errors.push({ path: file.path, line: yaml.lineOf([key]), message: `\`${key}\` must be a list of folders.` });
    return fallback;
  };
  return {
    settings: {
      name: typeof raw.name === 'string' ? raw.name : defaults.name,
      modelPaths: paths('model-paths', defaults.modelPaths),
      seedPaths: paths('seed-paths', defaults.seedPaths),
      testPaths: paths('test-paths', defaults.testPaths),
      macroPaths: paths('macro-paths', defaults.macroPaths),
      snapshotPaths: paths('snapshot-paths', defaults.snapshotPaths),
      targetPath: typeof raw['target-path'] === 'string' ? raw['target-path'] : defaults.targetPath,
      vars: asRecord(raw.vars),
      modelConfig: asRecord(raw.models),
      seedConfig: asRecord(raw.seeds),
      testConfig: asRecord(raw['data_tests'] ?? raw.tests),
      snapshotConfig: asRecord(raw.snapshots),
    },
    errors,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
