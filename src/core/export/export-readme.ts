/** The text files an export adds beside the project: profiles.yml and the README that says how to run it. */

/** A profiles.yml with a local DuckDB target (the default) and a commented MotherDuck one. */
export function profilesYml(profile: string): string {
  return `# dbt looks for this file in the project folder first when run there (dbt >= 1.3), else in ~/.dbt/.
${profile}:
  target: local
  outputs:
    local:
      type: duckdb
      path: ${profile}.duckdb
      schema: main
      threads: 4
    # MotherDuck: set MOTHERDUCK_TOKEN in the environment, uncomment, and run \`dbt build --target motherduck\`.
    # The Parquet files under data/ are read from this folder and the tables written to MotherDuck.
    # motherduck:
    #   type: duckdb
    #   path: "md:${profile}"
    #   schema: main
    #   threads: 4
`;
}

/** The export's README: what it is and how to build it on DuckDB and on MotherDuck. */
export function exportReadme(options: { project: string; sources: readonly string[] }): string {
  return `# ${options.project}: exported from Data Stack in a Tab

This folder is a dbt project. It builds unmodified with dbt-core and dbt-duckdb, with no \`dbt deps\` and no
network: the models, macros, YAML, docs blocks, seeds, singular tests and metrics are the project's files as
they were when exported, and the source data is here as Parquet.

## Run it on DuckDB

\`\`\`sh
python3 -m venv .venv && . .venv/bin/activate
python3 -m pip install dbt-core dbt-duckdb
dbt build            # run from this folder: profiles.yml and data/ are found here
\`\`\`

The tables land in \`${options.project}.duckdb\` (target \`local\` in profiles.yml); open it with the DuckDB CLI
(\`duckdb ${options.project}.duckdb\`) or any DuckDB client. \`dbt docs generate && dbt docs serve\` browses the
documentation.

## Run it on MotherDuck

Set \`MOTHERDUCK_TOKEN\`, uncomment the \`motherduck\` target in profiles.yml, then \`dbt build --target motherduck\`.

## What the export changed

- Each source table's \`meta.external_location\` points at its rows, as loaded and checked in the tab (one
  Parquet file each: ${options.sources.length} under \`data/\`). dbt-duckdb reads \`source()\` from there.
- The generic tests dbt does not ship (\`grain\` and the dbt_utils-style ones) are defined in
  \`tests/…/generic/\`, and YAML names them without the package prefix (\`dbt_utils.accepted_range\` becomes
  \`accepted_range\`).
- \`dbt_project.yml\` names the profile, and macros kept inside the model folder moved to \`macros/\`.
- Saved queries of the semantic layer are tables in the tab (\`metrics__<name>\`); in dbt they stay saved
  queries for MetricFlow (\`mf query --saved-query <name>\`), beside an added \`metricflow_time_spine\` model.
`;
}
