// P1's reference (`npm run bench`): the bare engine — the same DuckDB-WASM bindings the app's worker opens
// (same bundle, same .wasm files, same code path), then `select 42`. Posts the answer back. Not in the app.
import { openBrowserBindings } from '../database/browser-bindings.ts';

const bindings = await openBrowserBindings();
const connection = bindings.connect();
const answer = connection.query('select 42 as answer');
connection.close();
self.postMessage({ rows: answer.numRows });
