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

/** The exit code of a run stopped by Ctrl+C, as shells report SIGINT (128 + 2). */
const INTERRUPTED = 130;

const engine = new DuckDbEngine(openNodeBindings);
let interrupted = false;
// Ctrl+C stops the statement running now (within DuckDB's next slice of work), and any the command starts
// after it, so the command ends cleanly and writes what it has; a second Ctrl+C ends the process at once.
process.on('SIGINT', () => {
  if (interrupted) process.exit(INTERRUPTED);
  interrupted = true;
  console.error('Cancelling: stopping the running statement (Ctrl+C again to quit at once)…');
  void engine.cancel();
  setInterval(() => void engine.cancel(), 50).unref();
});

try {
  const cli = parseArgs(process.argv.slice(2), { project: repositoryRoot });
  const output = { out: (text: string) => console.log(text), err: (text: string) => console.error(text) };
  const code = await runCommand({ cli, engine, output });
  process.exitCode = interrupted ? INTERRUPTED : code;
} catch (error) {
  console.error(messageOf(error));
  process.exitCode = interrupted ? INTERRUPTED : error instanceof UsageError ? EXIT.unusable : EXIT.failed;
}
if (interrupted) console.error('Cancelled by Ctrl+C.');
