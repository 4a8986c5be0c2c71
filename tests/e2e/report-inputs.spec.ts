import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const chart = (page: Page) => page.locator('section[data-query="schools_by_level"]');
const map = (page: Page) => page.locator('section[data-query="schools"]');

async function openSchools(page: Page): Promise<void> {
  await page.goto('/#/reports/schools');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', '7');
}

test('a Dropdown filters the chart and the map; only the queries that read the input run again', async ({ page }) => {
  await openSchools(page);
  const allSchools = Number(await page.getByTestId('point-map').getAttribute('data-marker-count'));
  expect(allSchools).toBeGreaterThan(2000);
  await expect(chart(page)).toHaveAttribute('data-query-runs', '1');
  await expect(map(page)).toHaveAttribute('data-query-runs', '1');

  const level = page.getByLabel('Level of schooling', { exact: true });
  await expect(level).toHaveValue('string:All levels');
  await level.selectOption({ label: 'Secondary School' });
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', '1');
  await expect(chart(page)).toHaveAttribute('data-query-runs', '2');
  await expect(map(page)).toHaveAttribute('data-query-runs', '2');
  const secondary = Number(await page.getByTestId('point-map').getAttribute('data-marker-count'));
  expect(secondary).toBeGreaterThan(0);
  expect(secondary).toBeLessThan(allSchools);

  // Colouring the map is read by the map's query alone: the chart's does not run again.
  await page.getByRole('group', { name: 'Colour the map by' }).getByRole('button', { name: 'Remoteness' }).click();
  await expect(map(page)).toHaveAttribute('data-query-runs', '3');
  await expect(page.getByTestId('map-legend')).toBeVisible();
  await expect(page.getByTestId('map-legend')).not.toContainText('Secondary School');
  await expect(chart(page)).toHaveAttribute('data-query-runs', '2');

  // The value went to DuckDB as a parameter: the SQL is shown as written, with the values bound.
  await chart(page).getByRole('button', { name: 'SQL', exact: true }).click();
  const sql = chart(page).getByTestId('component-sql');
  await expect(sql).toContainText("${inputs.level} = 'All levels'");
  await expect(sql).toContainText('level = "Secondary School"');
});

test('the Selective buttons narrow the map to selective and opportunity-class schools', async ({ page }) => {
  await openSchools(page);
  const allSchools = Number(await page.getByTestId('point-map').getAttribute('data-marker-count'));
  const group = page.getByRole('group', { name: 'Selective' });
  await expect(group.getByRole('button', { name: 'All schools' })).toHaveAttribute('aria-pressed', 'true');
  await group.getByRole('button', { name: 'Selective', exact: true }).click();
  await expect(group.getByRole('button', { name: 'Selective', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(map(page)).toHaveAttribute('data-query-runs', '2');
  const selective = Number(await page.getByTestId('point-map').getAttribute('data-marker-count'));
  expect(selective).toBeGreaterThan(0);
  expect(selective).toBeLessThan(allSchools / 5);
});

test('a chart offers its SQL, the editor at its line, its lineage and its rows as CSV', async ({ page }) => {
  await openSchools(page);
  const download = page.waitForEvent('download');
  await chart(page).getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('schools_by_level.csv');
  const text = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString('utf8');
  expect(csv.split('\n')[0]).toBe('level,schools');
  expect(csv.trim().split('\n')).toHaveLength(8);

  await chart(page).getByRole('button', { name: 'Lineage' }).click();
  await expect(page).toHaveURL(/#\/lineage\?select=%2Bdim__school$/);
  await expect(page.getByLabel('Select', { exact: true })).toHaveValue('+dim__school');

  await page.goto('/#/reports/schools');
  await chart(page).getByRole('button', { name: 'Open in editor' }).click();
  await expect(page).toHaveURL(/#\/workbench$/);
  await expect(page.getByTestId('code-editor')).toContainText('schools_by_level');
});
