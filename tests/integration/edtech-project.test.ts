/**
 * The EdTech sample project (projects/edtech) built by the CLI as a user runs it (`build --project
 * projects/edtech --vars '{today: 2026-12-01}'`): every seed, model and test passes, and its figures equal
 * what the generator's rows give when counted here in TypeScript, independently of the SQL.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parse-args.ts';
import { EXIT } from '../../src/cli/cli-output.ts';
import { runCommand } from '../../src/cli/run-command.ts';
import { DuckDbEngine } from '../../src/database/duckdb-engine.ts';
import { openNodeBindings } from '../../src/database/node-bindings.ts';
import { generateEdtechTables } from '../../src/sample/edtech/generate-edtech.ts';
import { readProjectDir } from '../../src/cli/read-project-dir.ts';
import { sampleObtainer } from '../../src/cli/source-obtainers.ts';
import { runBuildSession } from '../../src/core/build/build-session.ts';
import { loadProject } from '../../src/core/load-project.ts';
import { parseReport } from '../../src/core/report/parse-report.ts';
import { decodeResult } from '../../src/engine/decode-result.ts';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const PROJECT = join(REPOSITORY, 'projects', 'edtech');
const TODAY = '2026-12-01';
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[]; target: string }> {
  const target = mkdtempSync(join(tmpdir(), 'edtech-target-'));
  folders.push(target);
  const out: string[] = [];
  const err: string[] = [];
  const cli = parseArgs([...argv, '--project', PROJECT, '--target', target, '--vars', `{today: ${TODAY}}`], {
    project: REPOSITORY,
  });
  const output = { out: (text: string) => out.push(text), err: (text: string) => err.push(text) };
  const code = await runCommand({ cli, engine: new DuckDbEngine(openNodeBindings), output });
  return { code, out, err, target };
}

/** The figures the project should report, counted from the generator's rows. */
function expectedFigures() {
  const tables = generateEdtechTables();
  const [students, courses, enrollments] = [tables.students, tables.courses, tables.enrollments].map((rows) =>
    rows.slice(1),
  ) as [string[][], string[][], string[][]];
  const ageOn = (born: string) => {
    const [y, m, d] = born.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = TODAY.split('-').map(Number) as [number, number, number];
    return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  };
  const status = (row: string[]) =>
    (row[6] as string) < TODAY ? 'ended' : (row[5] as string) > TODAY ? 'yet to start' : 'ongoing';
  const perStudent = new Map<string, number>();
  for (const row of enrollments) perStudent.set(row[1] as string, (perStudent.get(row[1] as string) ?? 0) + 1);
  const credits = new Map(courses.map((row) => [row[0] as string, Number(row[4])]));
  return {
    students: students.length,
    adults: students.filter((row) => ageOn(row[4] as string) >= 18).length,
    courses: courses.length,
    ended: courses.filter((row) => status(row) === 'ended').length,
    ongoing: courses.filter((row) => status(row) === 'ongoing').length,
    yet_to_start: courses.filter((row) => status(row) === 'yet to start').length,
    enrollments: enrollments.length,
    max_running: Math.max(...perStudent.values()),
    total_credits: enrollments.reduce((sum, row) => sum + (credits.get(row[2] as string) ?? 0), 0),
    first_year_2021: students.filter((row) => {
      const first = enrollments
        .filter((e) => e[1] === row[0])
        .map((e) => e[3] as string)
        .sort()[0];
      return first?.startsWith('2021');
    }).length,
  };
}

describe('the EdTech project in the CLI', () => {
  it('builds every seed, model and test with --project, all passing', async () => {
    const { code, out, err, target } = await run('build');
    expect(err).toEqual([]);
    expect(code).toBe(EXIT.ok);
    expect(out.at(-1)).toBe('Done. PASS=51 WARN=0 ERROR=0 SKIP=0 TOTAL=51');
    const expected = generateEdtechTables();
    for (const name of ['students', 'courses', 'enrollments'] as const) {
      const line = out.find((text) => text.includes(`OK loaded seed file ${name} `));
      expect(line, name).toContain(`[INSERT ${expected[name].length - 1} in`);
    }
    const { results } = JSON.parse(readFileSync(join(target, 'run_results.json'), 'utf8')) as {
      results: { unique_id: string; status: string }[];
    };
    expect(results.filter((result) => !['pass', 'success'].includes(result.status))).toEqual([]);
    expect(results.filter((result) => result.unique_id.startsWith('test.')).length).toBe(40);
  });

  it('refuses --vars that is not a mapping, saying what it takes', () => {
    expect(() => parseArgs(['build', '--vars', 'today'], { project: REPOSITORY })).toThrow(
      "--vars must be a mapping of names to values, e.g. --vars '{today: 2026-12-01}', not 'today'.",
    );
    expect(() => parseArgs(['build', '--vars', '{today: [}'], { project: REPOSITORY })).toThrow(
      /--vars is not valid YAML/,
    );
  });

  it('answers its questions with the figures the generated rows give', async () => {
    const sql = `select
      (select count(*) from {{ ref('dim__student') }}) as students,
      (select count(*) filter (where is_adult) from {{ ref('dim__student') }}) as adults,
      (select count(*) from {{ ref('dim__course') }}) as courses,
      (select count(*) filter (where course_status = 'ended') from {{ ref('dim__course') }}) as ended,
      (select count(*) filter (where course_status = 'ongoing') from {{ ref('dim__course') }}) as ongoing,
      (select count(*) filter (where course_status = 'yet to start') from {{ ref('dim__course') }}) as yet_to_start,
      (select count(*) from {{ ref('fct__enrollment') }}) as enrollments,
      (select max(student_running_enrollments) from {{ ref('fct__enrollment') }}) as max_running,
      (select sum(total_credits) from {{ ref('pivot__student_credits') }}) as total_credits,
      (select count(*) filter (where enrollment_year = 2021) from {{ ref('dim__student') }}) as first_year_2021`;
    const { code, out } = await run('show', '--format', 'json', '--inline', sql);
    expect(code).toBe(EXIT.ok);
    const [figures] = JSON.parse(out.at(-1) as string) as Record<string, number>[];
    expect(figures).toEqual(expectedFigures());
  });
});

describe('the EdTech report pages', () => {
  it('parse cleanly, and every query runs with rows to show (the Dropdown on its first learner)', async () => {
    const engine = new DuckDbEngine(openNodeBindings);
    const { project, errors } = loadProject({ files: readProjectDir(PROJECT), vars: { today: TODAY } });
    expect(errors).toEqual([]);
    const build = await runBuildSession({
      project,
      engine,
      obtainer: sampleObtainer(),
      loadedAt: `${TODAY}T00:00:00Z`,
    });
    expect(build.errors).toEqual([]);
    const folder = join(PROJECT, 'reports');
    const names = readdirSync(folder).filter((name) => name.endsWith('.md'));
    expect(names.sort()).toEqual(['courses.md', 'index.md']);
    const run = async (sql: string, params: (string | null)[] = []) =>
      decodeResult((await (params.length > 0 ? engine.query(sql, params) : engine.query(sql))).ipc);
    const learner = (
      await run(
        `select student_id from dim__student where enrollment_count > 0 order by enrollment_count desc, full_name, student_id limit 1`,
      )
    ).rows[0]?.student_id as string;
    for (const name of names) {
      const page = parseReport({ path: `reports/${name}`, source: readFileSync(join(folder, name), 'utf8') });
      expect(page.errors, name).toEqual([]);
      for (const query of page.queries) {
        const result = await run(
          query.bound.sql,
          query.bound.inputs.map(() => learner),
        );
        expect(result.rows.length, `${name} query '${query.name}'`).toBeGreaterThan(0);
      }
    }
  });
});
