import { spawnSync } from 'node:child_process';
import { expect, test } from './fixtures.ts';

// A fingerprint of every row of dim__school (lineage timestamps left out: they differ per load).
const FINGERPRINT_SQL =
  "select count(*) as n, md5(string_agg(concat_ws('|', school_code, school_name, town_suburb, level_of_schooling, latitude, longitude, latest_year_enrolment_fte, icsea_value), chr(10) order by school_code)) as h from {{ ref('dim__school') }}";

test('the browser and the CLI build identical rows for the same model', async ({ page }) => {
  const cli = spawnSync(
    'node_modules/.bin/tsx',
    ['src/cli/main.ts', 'show', '--inline', FINGERPRINT_SQL, '--format', 'json'],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(cli.status, cli.stderr).toBe(0);
  const json = cli.stdout.slice(cli.stdout.indexOf('['));
  const [expected] = JSON.parse(json) as Array<{ n: number; h: string }>;
  expect(expected?.n).toBeGreaterThan(2000);

  await page.goto('/#/workbench');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(FINGERPRINT_SQL);
  await page.keyboard.press('ControlOrMeta+Enter');
  const cells = page.getByTestId('results-grid').locator('.body [role="row"]').first().getByRole('gridcell');
  await expect(cells).toHaveText([expected?.n.toLocaleString('en-AU') ?? '', expected?.h ?? '']);
});

test('the build log shows every node of the bundled project with its status', async ({ page }) => {
  await page.goto('/#/workbench');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await page.getByRole('tab', { name: /Build log/ }).click();
  const log = page.getByTestId('build-log');
  await expect(log.locator('tr[data-node="source.nsw_schools.nsw_doe_datansw.master_dataset"]')).toHaveAttribute(
    'data-status',
    'success',
  );
  await expect(log.locator('tr[data-node="model.nsw_schools.dim__school"]')).toHaveAttribute('data-status', 'success');
  const tests = log.locator('tr[data-node^="test."]');
  expect(await tests.count()).toBeGreaterThan(3);
  await expect(log.locator('tr[data-node^="test."][data-status="pass"]')).toHaveCount(await tests.count());
});
