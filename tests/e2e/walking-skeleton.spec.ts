import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Run SQL through the app's own editor and read the rows back from the results table. */
async function runInEditor(page: Page, sql: string): Promise<void> {
  await page.goto('/#/workbench');
  const editor = page.getByTestId('code-editor');
  await expect(page.locator('[data-editor-state="ready"]')).toBeVisible();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  await page.keyboard.press('ControlOrMeta+Enter');
}

async function countFromEditor(page: Page, sql: string): Promise<number> {
  await runInEditor(page, sql);
  const cell = page.getByTestId('results-grid').locator('.body [role="row"]').first().getByRole('gridcell').first();
  await expect(cell).toHaveText(/\d/);
  return Number((await cell.textContent())?.replaceAll(',', ''));
}

test('the app reaches ready offline, with a bar per level of schooling and a marker per school', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByText('Sample data')).toBeVisible();

  const levels = await countFromEditor(
    page,
    "select count(distinct level_of_schooling) from {{ ref('dim__school') }} where school_code <> -1",
  );
  const schools = await countFromEditor(page, "select count(*) from {{ ref('dim__school') }} where school_code <> -1");
  expect(levels).toBe(7);
  expect(schools).toBeGreaterThan(2000);

  await page.goto('/#/reports/schools');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('bar-chart')).toHaveAttribute('data-bar-count', String(levels));
  await expect(page.getByTestId('point-map')).toHaveAttribute('data-marker-count', String(schools));
  // Every tag of the bundled report passed the component registry's checks, and every column exists.
  await expect(page.locator('.report [role="alert"]')).toHaveCount(0);
});

test('the chart is described for screen readers with every level', async ({ page }) => {
  await page.goto('/#/reports/schools');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  // ECharts loads with the first chart, so the description arrives once it has drawn.
  const chart = page.getByTestId('bar-chart');
  await expect(chart).toHaveAttribute('aria-label', /Primary School/);
  await expect(chart).toHaveAttribute('aria-label', /Secondary School/);
});

test('a school tooltip shows its name and suburb as text', async ({ page }) => {
  await page.goto('/#/reports/schools');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
  const map = page.getByTestId('point-map');
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  if (!box) throw new Error('map not laid out');
  // Markers are drawn on a canvas: sweep the pointer over the map until one answers with its tooltip.
  const tooltip = page.locator('.leaflet-tooltip');
  const grid = 24;
  for (let step = 0; step < grid * grid && !(await tooltip.isVisible()); step++) {
    const x = box.x + (box.width * ((step % grid) + 0.5)) / grid;
    const y = box.y + (box.height * (Math.floor(step / grid) + 0.5)) / grid;
    await page.mouse.move(x, y);
  }
  await expect(tooltip.locator('strong')).toHaveText(/\S/);
  await expect(tooltip.locator('.tooltip-line')).toHaveText(/\S/);
});

test('the editor runs a query and shows its rows', async ({ page }) => {
  await runInEditor(page, 'select 1 as one, 9007199254740993::bigint as big union all select 2, 3');
  const rows = page.getByTestId('results-grid').locator('.body [role="row"]');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByRole('gridcell')).toHaveText(['1', '9,007,199,254,740,993']);
});

test('a SQL error in the editor is shown in plain words and keeps the text', async ({ page }) => {
  await runInEditor(page, 'select * from no_such_model');
  await expect(page.getByRole('region', { name: 'Results' }).getByRole('alert')).toContainText('no_such_model');
  await expect(page.getByTestId('code-editor')).toContainText('no_such_model');
});
