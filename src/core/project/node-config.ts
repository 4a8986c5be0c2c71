import type { Materialization, NodeConfig, Severity } from './types.ts';

/** Config keys we interpret; anything else set in a config is kept in `extra` for the manifest. */
const KNOWN_KEYS = new Set(['materialized', 'tags', 'schema', 'alias', 'enabled', 'severity', 'where']);
const MATERIALIZATIONS: readonly Materialization[] = ['view', 'table', 'ephemeral'];

/**
 * The config that dbt_project.yml gives a node at `fqn` (`[project, ...folders, name]`): walk the tree
 * along the folders; keys starting with `+` are configs, as are known config names with scalar values;
 * deeper levels override shallower ones, and tags accumulate.
 */
export function configFromTree(options: {
  tree: Record<string, unknown>;
  fqn: readonly string[];
}): Record<string, unknown>[] {
  const layers: Record<string, unknown>[] = [];
  let level: unknown = options.tree;
  for (const segment of options.fqn.slice(0, -1)) {
    level = (level as Record<string, unknown> | undefined)?.[segment];
    if (level === null || typeof level !== 'object' || Array.isArray(level)) break;
    const layer: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(level)) {
      if (key.startsWith('+')) layer[key.slice(1)] = value;
      else if (KNOWN_KEYS.has(key) && (typeof value !== 'object' || Array.isArray(value))) layer[key] = value;
    }
    layers.push(layer);
  }
  return layers;
}

/**
 * Merge config layers, least specific first (defaults, project tree, YAML, `config()` in the file), and
 * check the values. Problems are returned as messages so the caller can point at the file and line.
 */
export function mergeConfig(options: { layers: readonly Record<string, unknown>[]; defaults: Partial<NodeConfig> }): {
  config: NodeConfig;
  problems: string[];
} {
  const problems: string[] = [];
  const config: NodeConfig = {
    materialized: options.defaults.materialized ?? 'view',
    tags: [...(options.defaults.tags ?? [])],
    schema: options.defaults.schema,
    alias: options.defaults.alias,
    enabled: options.defaults.enabled ?? true,
    severity: options.defaults.severity ?? 'error',
    where: options.defaults.where,
    extra: {},
  };
  for (const layer of options.layers) {
    for (const [key, value] of Object.entries(layer)) applyKey({ config, key, value, problems });
  }
  config.tags = [...new Set(config.tags)];
  return { config, problems };
}

function applyKey(options: { config: NodeConfig; key: string; value: unknown; problems: string[] }): void {
  const { config, key, value, problems } = options;
  switch (key) {
    case 'materialized':
      if (MATERIALIZATIONS.includes(value as Materialization)) config.materialized = value as Materialization;
      else problems.push(`Unknown materialization '${String(value)}': use ${MATERIALIZATIONS.join(', ')}.`);
      return;
    case 'tags':
      config.tags.push(...(Array.isArray(value) ? value.map(String) : [String(value)]));
      return;
    case 'severity': {
      const severity = String(value).toLowerCase();
      if (severity === 'warn' || severity === 'error') config.severity = severity as Severity;
      else problems.push(`Unknown severity '${String(value)}': use warn or error.`);
      return;
    }
    case 'enabled':
      config.enabled = value !== false && value !== 'false';
      return;
    case 'schema':
    case 'alias':
    case 'where':
      config[key] = value === null || value === undefined ? undefined : String(value);
      return;
    default:
      config.extra[key] = value;
  }
}
