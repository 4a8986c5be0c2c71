/** A file of the project, by its path relative to the project root (forward slashes). */
export interface ProjectFile {
  /** Path relative to the project root, e.g. `models/staging/stg__x.sql`. */
  path: string;
  /** The file's text. */
  content: string;
}

/** How a model is materialised in the database. */
export type Materialization = 'view' | 'table' | 'ephemeral';

/** A `ref('name')` or `source('s', 't')` call found in a model, with where it stands. */
export interface Reference {
  /** The referenced model name, or `source.table` for sources. */
  target: string;
  /** 1-based line of the call in the model file. */
  line: number;
}

/** A SQL model: one `.sql` file under the model paths. */
export interface ModelNode {
  /** dbt-style unique id: `model.<project>.<name>`. */
  uniqueId: string;
  /** The model name: its file name without `.sql`. */
  name: string;
  /** Path of the model file. */
  path: string;
  /** The file's Jinja SQL as written. */
  rawSql: string;
  /** How it is materialised. */
  materialized: Materialization;
  /** Models this one refs. */
  refs: Reference[];
  /** Sources this one reads. */
  sources: Reference[];
  /** Unique ids of the nodes (models and sources) it depends on. */
  dependsOn: string[];
}

/** A table of a source declared in YAML: raw data the loaders put in the database. */
export interface SourceNode {
  /** dbt-style unique id: `source.<project>.<source>.<table>`. */
  uniqueId: string;
  /** The source's name (`nsw_doe_datansw`). */
  sourceName: string;
  /** The table's name within the source (`master_dataset`). */
  name: string;
  /** The relation in the database holding the loaded rows. */
  identifier: string;
  /** The YAML file declaring it. */
  path: string;
  /** Free-text description. */
  description: string;
}

/** A problem with the project itself, pointing at the file (and line) that causes it. */
export interface ProjectError {
  /** File at fault. */
  path: string;
  /** 1-based line, when known. */
  line?: number | undefined;
  /** What is wrong and what to do, in plain words. */
  message: string;
}

/** A loaded project: every node, ready to be planned. */
export interface Project {
  /** The project name. */
  name: string;
  /** Models by unique id. */
  models: Map<string, ModelNode>;
  /** Sources by unique id. */
  sources: Map<string, SourceNode>;
}
