import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectableNodes } from '../core/graph/selectable-nodes.ts';
import { selectNodes } from '../core/graph/select-nodes.ts';
import type { Project } from '../core/project/types.ts';
import type { CliOptions } from './parse-args.ts';
import { messageOf } from '../core/text/message-of.ts';

/**
 * Apply `--select`/`--exclude` to the project. `state:` selectors compare each node's checksum with the
 * manifest.json in `--state DIR` (a previous target folder).
 */
export function selectForCli(options: { project: Project; cli: CliOptions; target: string }): {
  selected: Set<string>;
  errors: string[];
} {
  const { project, cli } = options;
  const nodes = selectableNodes(project);
  const previous = cli.state ? readPreviousChecksums(cli.state) : undefined;
  if (previous instanceof Error) return { selected: new Set(), errors: [previous.message] };
  const result = selectNodes({ nodes, select: cli.select, exclude: cli.exclude, previous });
  return { selected: result.selected, errors: result.errors };
}

function readPreviousChecksums(directory: string): Map<string, string> | Error {
  const path = join(directory, 'manifest.json');
  if (!existsSync(path))
    return new Error(
      `--state ${directory}: there is no manifest.json there. Point it at the target folder of an earlier run.`,
    );
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
      nodes?: Record<string, { checksum?: { checksum?: string } }>;
      sources?: Record<string, { checksum?: { checksum?: string } }>;
    };
    const entries = Object.entries({ ...manifest.nodes, ...manifest.sources }).map(
      ([id, node]) => [id, node.checksum?.checksum ?? ''] as [string, string],
    );
    return new Map(entries);
  } catch (error) {
    return new Error(`--state ${directory}: manifest.json is not valid JSON (${messageOf(error)}).`);
  }
}
