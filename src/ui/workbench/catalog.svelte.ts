import {
  buildCatalog,
  CATALOG_COLUMNS_SQL,
  CATALOG_TABLES_SQL,
  type CatalogTable,
} from '../../core/workbench/catalog.ts';
import type { CompletionContext } from '../../core/workbench/completions.ts';
import type { Project } from '../../core/project/types.ts';
import { messageOf } from '../../core/text/message-of.ts';
import { decodeResult } from '../../engine/decode-result.ts';
import { getEngine } from '../engine.ts';

async function rowsOf(sql: string): Promise<Record<string, unknown>[]> {
  return decodeResult((await getEngine().query(sql)).ipc).rows;
}

/** The built database as the catalog browser and the editor's completions see it; refreshed after builds. */
class CatalogState {
  tables = $state.raw<CatalogTable[]>([]);
  error = $state<string | undefined>(undefined);
  #keywords: string[] = [];
  #functions: { name: string; type: string }[] = [];
  #project: Project | undefined;

  /** Read the relations again (after a build); DuckDB's keywords and functions are read once. */
  async refresh(project: Project | undefined): Promise<void> {
    this.#project = project;
    try {
      if (this.#keywords.length === 0) {
        const [keywords, functions] = await Promise.all([
          rowsOf('select keyword_name from duckdb_keywords() order by keyword_name'),
          rowsOf('select distinct function_name, function_type from duckdb_functions() order by function_name'),
        ]);
        this.#keywords = keywords.map((row) => String(row.keyword_name));
        this.#functions = functions.map((row) => ({
          name: String(row.function_name),
          type: String(row.function_type),
        }));
      }
      const [columns, tables] = await Promise.all([rowsOf(CATALOG_COLUMNS_SQL), rowsOf(CATALOG_TABLES_SQL)]);
      this.tables = buildCatalog({ columns, tables, project });
      this.error = undefined;
    } catch (error) {
      this.error = `The catalog could not be read: ${messageOf(error)}`;
    }
  }

  /** What completions offer now. */
  context = (): CompletionContext => ({
    project: this.#project,
    catalog: this.tables,
    keywords: this.#keywords,
    functions: this.#functions,
  });
}

export const catalog = new CatalogState();
