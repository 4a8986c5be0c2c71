/**
 * The semantic layer as core reads it: MetricFlow's YAML shapes (semantic models, metrics, saved queries),
 * reduced to what we compile. Every object keeps its file and line, so any later error can point at it.
 */

/** Where a declaration stands. */
export interface Located {
  /** The YAML file. */
  path: string;
  /** 1-based line of the declaration, when known. */
  line: number | undefined;
}

/** The aggregations a measure may use (MetricFlow's names). */
export const AGGREGATIONS = ['sum', 'count', 'count_distinct', 'average', 'min', 'max'] as const;

/** One of {@link AGGREGATIONS}. */
export type Aggregation = (typeof AGGREGATIONS)[number];

/** An entity of a semantic model: a key other semantic models can join on. */
export interface Entity extends Located {
  /** Entity name, e.g. `school`. */
  name: string;
  /** `primary`, `unique` or `natural` (this model is the entity's home) or `foreign` (it points at it). */
  type: 'primary' | 'unique' | 'natural' | 'foreign';
  /** SQL over the model's columns giving the key (default: the name). */
  expr: string;
}

/** A dimension of a semantic model. */
export interface Dimension extends Located {
  /** Dimension name, e.g. `school_name`. */
  name: string;
  /** `categorical`, or `time` (the year a measure belongs to). */
  type: 'categorical' | 'time';
  /** SQL over the model's columns (default: the name). */
  expr: string;
  /** Description, for the columns of the models built from it. */
  description: string;
  /** Time dimensions: the grain of the column; `year` means it already holds the year as a number. */
  timeGranularity: string | undefined;
}

/** A measure: an aggregation of a column (or expression) of a semantic model. */
export interface Measure extends Located {
  /** Measure name. */
  name: string;
  /** How rows aggregate. */
  agg: Aggregation;
  /** SQL over the model's columns (default: the name). */
  expr: string;
  /** `description:`, copied to the columns of the models built from it (empty when absent). */
  description: string;
}

/** A semantic model: one dbt model (usually a fact) described as entities, dimensions and measures. */
export interface SemanticModel extends Located {
  /** Its name, e.g. `resource_allocation`. */
  name: string;
  /** `description:`, copied to the columns of the models built from it (empty when absent). */
  description: string;
  /** The model or seed it reads (`ref('fct__resource_allocation')` → `fct__resource_allocation`). */
  model: string;
  /** Line of the `model:` key. */
  modelLine: number | undefined;
  /** The time dimension that measures aggregate by (`defaults.agg_time_dimension`). */
  aggTimeDimension: string | undefined;
  /** `primary_entity:`, for models without a primary entity among `entities:` (MetricFlow's rule). */
  primaryEntity: string | undefined;
  /** `entities:`: the keys it joins on; at most one primary. */
  entities: Entity[];
  /** `dimensions:`: what metrics can be grouped and filtered by. */
  dimensions: Dimension[];
  /** `measures:`: the aggregations metrics are defined over. */
  measures: Measure[];
}

/** Fields all metrics have. */
interface BaseMetric extends Located {
  /** Metric name: lower snake_case, it becomes a column name. */
  name: string;
  /** Human label. */
  label: string;
  /** `description:`, copied to the columns of the models built from it (empty when absent). */
  description: string;
}

/** A simple metric: one measure, optionally filtered on a categorical dimension of its semantic model. */
export interface SimpleMetric extends BaseMetric {
  /** Discriminant. */
  type: 'simple';
  /** The measure's name. */
  measure: string;
  /** Line of `measure:`. */
  measureLine: number | undefined;
  /** `{{ Dimension('entity__dimension') }} = 'value'` / `IN (…)` filters, combined with AND. */
  filters: string[];
  /** Line of `filter:`. */
  filterLine: number | undefined;
}

/** One input of a derived metric. */
export interface MetricInput {
  /** The metric's name. */
  name: string;
  /** The name its `expr` uses for it (default: its name). */
  alias: string;
  /** `offset_window: N years`: the value N years earlier (0: the same year). */
  offsetYears: number;
  /** Line of the input. */
  line: number | undefined;
}

/** A derived metric: arithmetic over other metrics, some possibly offset in time. */
export interface DerivedMetric extends BaseMetric {
  /** Discriminant. */
  type: 'derived';
  /** SQL expression over the inputs' names or aliases, e.g. `(a - b) / nullif(b, 0)`. */
  expr: string;
  /** Line of `expr:`. */
  exprLine: number | undefined;
  /** The metrics it reads. */
  inputs: MetricInput[];
}

/** A metric. */
export type Metric = SimpleMetric | DerivedMetric;

/** One `group_by:` item of a saved query, as written (`TimeDimension('metric_time', 'year')`). */
export interface GroupByItem {
  /** The item exactly as written, for messages. */
  text: string;
  /** Its line. */
  line: number | undefined;
}

/** A saved query: metrics by group-by keys; each becomes the table `metrics__<name>`. */
export interface SavedQuery extends Located {
  /** Saved query name. */
  name: string;
  /** `description:`, copied to the columns of the models built from it (empty when absent). */
  description: string;
  /** Metric names with their lines, in output order. */
  metrics: Array<{ name: string; line: number | undefined }>;
  /** Group-by items, in output order. */
  groupBy: GroupByItem[];
  /** `config:` (schema, alias, tags, enabled…), applied to the model. */
  config: Record<string, unknown>;
}

/** The whole semantic layer of a project. */
export interface SemanticLayer {
  /** Semantic models by name. */
  semanticModels: Map<string, SemanticModel>;
  /** Metrics by name. */
  metrics: Map<string, Metric>;
  /** Saved queries, in file order. */
  savedQueries: SavedQuery[];
  /** Measures and metrics declared with an error already reported: uses of them are not reported again. */
  broken: Set<string>;
}
