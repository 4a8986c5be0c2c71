import { parse as parseYaml } from 'yaml';

/** The commands `npm run stack --` understands. */
export const COMMANDS = [
  'build',
  'seed',
  'snapshot',
  'run',
  'test',
  'ls',
  'compile',
  'show',
  'docs',
  'export',
  'source',
] as const;

/** A command. */
export type Command = (typeof COMMANDS)[number];

/** Parsed command-line options. */
export interface CliOptions {
  /** The command to run. */
  command: Command;
  /** Project folder (default: the repository's own project). */
  project: string;
  /** `--select` criteria (dbt syntax), as given. */
  select: string[];
  /** `--exclude` criteria. */
  exclude: string[];
  /** Where artifacts go (default `<project>/target`). */
  target: string | undefined;
  /** A previous target folder, for `state:` selectors. */
  state: string | undefined;
  /** Read each source's file from this folder instead of the sample. */
  data: string | undefined;
  /** Replace the portals' scheme and host with this URL. */
  mirror: string | undefined;
  /** `show --inline "<sql>"`. */
  inline: string | undefined;
  /** Output format: `show` prints table, csv or json; `docs` prints markdown (the default) or json. */
  format: 'table' | 'csv' | 'json' | 'markdown';
  /** `show` row limit. */
  limit: number;
  /** `export --to DIR`: the folder the dbt project is written to. */
  to: string | undefined;
  /** `export --force`: write into a non-empty folder that is not an earlier export. */
  force: boolean;
  /** `--vars '{key: value}'`: vars that override dbt_project.yml's (YAML or JSON, as dbt takes them). */
  vars: Record<string, unknown> | undefined;
}

/** A usage problem, reported with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const VALUE_FLAGS: Record<string, keyof CliOptions> = {
  '--project': 'project',
  '--project-dir': 'project',
  '--target': 'target',
  '--target-path': 'target',
  '--state': 'state',
  '--data': 'data',
  '--mirror': 'mirror',
  '--inline': 'inline',
  '--format': 'format',
  '--output': 'format',
  '--limit': 'limit',
  '--to': 'to',
  '--vars': 'vars',
};

/**
 * Parse `<command> [options]`. As in dbt, `--select` and `--exclude` take every following word until the
 * next flag (`-s a b+ --exclude c`), and may be repeated.
 */
export function parseArgs(argv: readonly string[], defaults: { project: string }): CliOptions {
  const [command, ...words] = argv;
  // `source` has one subcommand, as in dbt: `source freshness`.
  const rest = command === 'source' ? sourceSubcommand(words) : words;
  if (!command || !(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(
      command
        ? `Unknown command '${command}'. Commands: ${COMMANDS.join(', ')}.`
        : `Give a command: ${COMMANDS.join(', ')}.`,
    );
  }
  const options: CliOptions = {
    command: command as Command,
    project: defaults.project,
    select: [],
    exclude: [],
    target: undefined,
    state: undefined,
    data: undefined,
    mirror: undefined,
    inline: undefined,
    format: 'table',
    limit: 5,
    to: undefined,
    force: false,
    vars: undefined,
  };
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index] as string;
    const [flag, attached] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag === '--select' || flag === '-s' || flag === '--models' || flag === '-m' || flag === '--exclude') {
      const words: string[] = attached !== undefined ? [attached] : [];
      while (attached === undefined && index + 1 < rest.length && !(rest[index + 1] as string).startsWith('-'))
        words.push(rest[++index] as string);
      if (words.length === 0) throw new UsageError(`${flag} needs at least one selector, e.g. ${flag} stg_orders+`);
      (flag === '--exclude' ? options.exclude : options.select).push(...words);
      continue;
    }
    if (flag === '--force' && attached === undefined) {
      options.force = true;
      continue;
    }
    const key = VALUE_FLAGS[flag];
    if (!key)
      throw new UsageError(
        `Unknown option '${arg}'. Options: --select, --exclude, --force, ${Object.keys(VALUE_FLAGS).join(', ')}.`,
      );
    const value = attached ?? rest[++index];
    if (value === undefined) throw new UsageError(`${flag} needs a value.`);
    setValue(options, key, value, flag);
  }
  if (options.data && options.mirror) throw new UsageError('Give --data or --mirror, not both.');
  if (options.mirror && !/^https?:\/\//.test(options.mirror))
    throw new UsageError(`--mirror must be an http(s) URL, not '${options.mirror}'.`);
  if (options.command === 'export' && !options.to)
    throw new UsageError(
      'export needs --to DIR: the folder to write the dbt project to (npm run stack -- export --to out/).',
    );
  if (options.command === 'show' && !options.inline && options.select.length === 0) {
    throw new UsageError('show needs --inline "<sql>" or --select <model>.');
  }
  return options;
}

function sourceSubcommand(words: readonly string[]): readonly string[] {
  const [subcommand, ...rest] = words;
  if (subcommand !== 'freshness')
    throw new UsageError(
      subcommand
        ? `Unknown source subcommand '${subcommand}'. Did you mean: source freshness?`
        : 'Give a subcommand: source freshness.',
    );
  return rest;
}

function setValue(options: CliOptions, key: keyof CliOptions, value: string, flag: string): void {
  if (key === 'format') {
    if (value !== 'table' && value !== 'csv' && value !== 'json' && value !== 'markdown') {
      throw new UsageError(`${flag} must be table, csv, json or markdown, not '${value}'.`);
    }
    options.format = value;
  } else if (key === 'limit') {
    const limit = Number(value);
    if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`${flag} must be a whole number, not '${value}'.`);
    options.limit = limit;
  } else if (key === 'vars') {
    options.vars = parseVars(value, flag);
  } else {
    (options as unknown as Record<string, string>)[key] = value;
  }
}

/** `--vars`: a YAML (or JSON) mapping of var names to values, e.g. `{today: 2026-12-01}`. */
function parseVars(text: string, flag: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    // YAML 1.2's core schema keeps 2026-12-01 a string, as dbt's Jinja would see it in a var.
    parsed = parseYaml(text);
  } catch (error) {
    throw new UsageError(`${flag} is not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError(
      `${flag} must be a mapping of names to values, e.g. ${flag} '{today: 2026-12-01}', not '${text}'.`,
    );
  return parsed as Record<string, unknown>;
}
