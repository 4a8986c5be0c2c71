/// <reference lib="webworker" />
// The worker entry: wires DuckDB-WASM's browser bindings to the Engine and exposes it to the page.
import { installErrorTransfer } from '../engine/comlink-errors.ts';
import { openBrowserBindings } from '../database/browser-bindings.ts';
import { DuckDbEngine } from '../database/duckdb-engine.ts';
import { exposeEngine } from './expose-engine.ts';

installErrorTransfer();
exposeEngine(new DuckDbEngine(openBrowserBindings));
