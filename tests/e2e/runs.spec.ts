import { readFileSync } from 'node:fs';
import { replaceAndSave } from './edit-in-editor.ts';
import { expect, test } from './fixtures.ts';

// Issue 14, item 2: every build is recorded; the Runs page lists them, compares two and plots node durations.
const STAGING = 'models/staging/nsw_doe_datansw/stg__nsw_doe_datansw__master_dataset.sql';
const STAGING_NODE = 'model.nsw_schools.stg__nsw_doe_datansw__master_dataset';
const ORIGINAL = readFileSync(new URL(`../../${STAGING}`, import.meta.url), 'utf8');
const MAPPING = "{{ text('Level_of_schooling') }} as level_of_schooling";
// Renaming a level breaks the accepted_values test on dim__school's level: a status change to compare.
const EDITED = ORIGINAL.replace(
  MAPPING,
  "replace({{ text('Level_of_schooling') }}, 'Primary School', 'Primary') as level_of_schooling",
);

test.describe.configure({ timeout: 180_000 });

test('the first build and a save are both recorded, listed, compared node by node, plotted, and kept across a reload', async ({
  page,
}) => {
  expect(EDITED).not.toBe(ORIGINAL);
  await page.goto('/#/workbench');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(`[data-node="${STAGING_NODE}"]`)).toHaveAttribute('data-status', 'ok');
  await replaceAndSave(page, { item: page.locator(`[data-node="${STAGING_NODE}"]`), path: STAGING, text: EDITED });
  await expect(page.getByTestId('build-status')).toContainText(/Built \d+ of \d+ nodes/, { timeout: 60_000 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
  await expect(page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible();
  await expect(page.getByText(/The newest 50 are kept in this browser \(IndexedDB\)/)).toBeVisible();
  const runs = page.getByTestId('runs-table').locator('tbody tr');
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0).locator('td').nth(1)).toHaveText('save');
  await expect(runs.nth(1).locator('td').nth(1)).toHaveText('start');
  // The save rebuilt part of the project; the start built all of it.
  const nodes = async (row: number) => Number(await runs.nth(row).locator('td').nth(2).textContent());
  expect(await nodes(0)).toBeGreaterThan(0);
  expect(await nodes(0)).toBeLessThan(await nodes(1));
  await expect(runs.nth(0).locator('td').nth(5)).not.toHaveText('0');

  const comparison = page.getByTestId('run-comparison');
  await expect(comparison.getByTestId('run-comparison-summary')).toContainText(/^[1-9]\d* nodes? changed status/);
  const levelTest = comparison.locator('tr[data-change="status"]', {
    hasText: 'accepted_values_dim__school_level_of_schooling',
  });
  await expect(levelTest.locator('td').first()).toHaveText('pass → fail');
  // The sources were loaded only by the first build.
  await expect(comparison.locator('tr[data-change="only-before"]').first()).toBeVisible();

  await expect(page.getByTestId('line-chart')).toBeVisible();
  await expect(page.getByTestId('line-chart')).toHaveAttribute('data-series-count', '8');

  // Kept in IndexedDB: after a reload (which starts a build of its own) both runs are still listed.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Runs', level: 1 })).toBeVisible();
  const table = page.getByTestId('runs-table');
  await expect(table.locator('tbody tr', { hasText: 'save' })).toHaveCount(1);
  await expect(table.locator('tbody tr', { hasText: 'start' }).first()).toBeVisible();
});
