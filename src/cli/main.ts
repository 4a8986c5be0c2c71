// `npm run stack -- <command> [options]`: the project's headless runner, over the same core and the same
// DuckDB-WASM build as the browser, so both give identical rows.
import { fileURLToPath } from 'node:url';
import { DuckDbEngine } from '../database/duckdb-engine.ts';
import { openNodeBindings } from '../database/node-bindings.ts';
import { parseArgs, UsageError } from './parse-args.ts';
import { EXIT } from './cli-output.ts';
import { runCommand } from './run-command.ts';
import { messageOf } from '../core/text/message-of.ts';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

try {
  const cli = parseArgs(process.argv.slice(2), { project: repositoryRoot });
  const output = { out: (text: string) => console.log(text), err: (text: string) => console.error(text) };
  process.exitCode = await runCommand({ cli, engine: new DuckDbEngine(openNodeBindings), output });
} catch (error) {
  console.error(messageOf(error));
  process.exitCode = error instanceof UsageError ? EXIT.unusable : EXIT.failed;
}
